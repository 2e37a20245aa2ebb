"""The command line, the MkDocs hook and the writer: exit codes, messages, files touched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENV, replace_in
from regiokompas.catalog import load_catalog
from regiokompas.dutch import dutch_number
from regiokompas.generate import build_pages, write_pages


def cli(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "regiokompas", "--root", str(root), *arguments], env=ENV, capture_output=True, text=True, check=False)


def test_validate_exits_0_and_counts_the_data(mini: Path) -> None:
    result = cli(mini, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("In orde: 2 regio's, 3 thema's")


def test_validate_exits_1_with_every_problem_on_stderr(mini: Path) -> None:
    replace_in(mini / "regions/beta.yaml", "parent: bet-p1", "parent: bet-p2")
    result = cli(mini, "validate")
    assert result.returncode == 1
    assert "regions/beta.yaml:" in result.stderr and "1 probleem gevonden" in result.stderr
    assert result.stdout == ""


def test_generate_writes_nothing_when_validation_fails(mini: Path) -> None:
    replace_in(mini / "regions/beta.yaml", "parent: bet-p1", "parent: bet-p2")
    assert cli(mini, "generate").returncode == 1
    assert not (mini / "docs").exists()


def test_schema_check_fails_on_a_stale_schema_and_passes_after_writing(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    result = cli(tmp_path, "schema", "--check")
    assert result.returncode == 1 and "Niet actueel" in result.stderr
    assert cli(tmp_path, "schema").returncode == 0
    assert cli(tmp_path, "schema", "--check").returncode == 0


def test_new_region_refuses_to_overwrite(mini: Path) -> None:
    before = (mini / "regions/alpha.yaml").read_bytes()
    result = cli(mini, "nieuwe-regio", "Alpha")
    assert result.returncode != 0
    assert "bestaat al" in result.stderr
    assert (mini / "regions/alpha.yaml").read_bytes() == before


def test_mkdocs_hook_aborts_with_the_dutch_report(mini: Path, tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    from regiokompas.mkdocs_hook import on_config

    replace_in(mini / "regions/beta.yaml", "parent: bet-p1", "parent: bet-p2")
    with pytest.raises(Abort) as aborted:
        on_config({"config_file_path": str(mini / "mkdocs.yml"), "docs_dir": str(tmp_path / "docs"), "nav": None})
    report = str(aborted.value)
    assert "regions/beta.yaml:" in report and "onbekend principe of onderwerp 'bet-p2'" in report
    assert report.rstrip().endswith("er is niets gegenereerd. Los ze op en probeer het opnieuw.")
    assert "Traceback" not in report


def test_write_pages_skips_unchanged_files_and_removes_stale_ones(mini: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    pages = build_pages(load_catalog(mini))
    assert len(write_pages(pages, docs)) == len(pages)
    stamp = (docs / "regios/alpha/index.md").stat().st_mtime_ns
    (docs / "regios/verouderd.md").write_text("oud", encoding="utf-8")
    assert write_pages(pages, docs) == ["regios/verouderd.md"]
    assert (docs / "regios/alpha/index.md").stat().st_mtime_ns == stamp
    assert not (docs / "regios/verouderd.md").exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1e-05, "0,00001"), (0.000123, "0,000123"), (12345.5, "12.345,5"), (1234567, "1.234.567"), (9.1, "9,1"), (-2.5, "-2,5"), (3.0, "3")],
)
def test_dutch_number(value: float, expected: str) -> None:
    assert dutch_number(value) == expected
