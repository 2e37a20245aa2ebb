"""The real site: strict build, byte-identical rebuilds, JSON Schema in sync, Zensical."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENV, ROOT, mkdocs_build
from regiokompas.schema import write_schemas
from regiokompas.synthetic import BUILD_FILES

BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def test_strict_build_has_no_warnings(built_site: Path) -> None:
    log = (built_site.parent / "build.log").read_text(encoding="utf-8")
    assert [line for line in log.splitlines() if "WARNING" in line or "ERROR" in line] == []
    assert (built_site / "index.html").exists()
    assert (built_site / "regios" / "twente" / "index.html").exists()
    assert (built_site / "themas" / "index.html").exists()
    assert (built_site / "begrippen" / "index.html").exists()


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    second = tmp_path / "again"
    result = mkdocs_build(second)
    assert result.returncode == 0, result.stderr[-4000:]
    first_files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    different = [str(name) for name in first_files if (built_site / name).read_bytes() != (second / name).read_bytes()]
    assert different == []


def test_json_schemas_are_in_sync_with_the_model() -> None:
    stale = write_schemas(ROOT / "schemas", check=True)
    assert stale == [], "run 'make schema'"


def test_generated_docs_also_build_with_zensical(built_site: Path, tmp_path: Path) -> None:
    """The generator does not depend on MkDocs plugins: Zensical builds the same docs/."""
    project = tmp_path / "zensical"
    project.mkdir()
    for name in BUILD_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy(source, project / name)
    result = subprocess.run([str(BIN / "zensical"), "build"], cwd=project, env=ENV, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert (project / "site" / "regios" / "twente" / "index.html").exists()
    assert (project / "site" / "begrippen" / "index.html").exists()
