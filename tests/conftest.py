"""Shared fixtures: the real project root and a copy of a small fixture project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from regiokompas.catalog import load_catalog
from regiokompas.problems import ValidationFailed

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the fixture project (two regions, three themes, a glossary)."""
    target = tmp_path / "project"
    shutil.copytree(MINI, target)
    return target


def problems_of(root: Path) -> list[str]:
    """The problem lines validation reports for ``root`` (fails if there are none)."""
    with pytest.raises(ValidationFailed) as failure:
        load_catalog(root)
    return [str(problem) for problem in failure.value.problems]


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
