"""The synthetic projects of ``make bench`` and the growth verdict (fast: no site build)."""

from __future__ import annotations

import importlib.util
import math
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from regiokompas.benchmark import Column, Measurement, format_table, growth_verdict, marginal_costs
from regiokompas.catalog import Catalog, load_catalog, walk
from regiokompas.synthetic import GLOSSARY_TERMS, SEED, load_real_data, write_synthetic_project

REGIONS = 5
COUNTED = ("principles", "topics", "actions", "indicators", "key_figures", "milestones")


def data_files(project: Path) -> dict[str, bytes]:
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for folder in ("regions", "glossary", "themes")
        for path in sorted((project / folder).glob("*.yaml"))
    }


@pytest.fixture(scope="module")
def real_catalog() -> Catalog:
    return load_catalog(ROOT)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("synthetic") / "project"
    write_synthetic_project(ROOT, target, REGIONS, build_files=False)
    return target


@pytest.fixture(scope="module")
def catalog(project: Path) -> Catalog:
    return load_catalog(project)


def test_synthetic_project_validates_with_the_expected_regions(project: Path, catalog: Catalog) -> None:
    assert len(catalog.regions) == REGIONS
    assert sorted(path.stem for path in (project / "regions").glob("*.yaml")) == [f"regio-{n:02d}" for n in range(1, REGIONS + 1)]
    assert len(catalog.concepts) == GLOSSARY_TERMS
    # Every concept has a definition (load_catalog refuses a concept without one) and no region defines none.
    assert {region for entries in catalog.definitions.values() for region, _ in entries} == {r.id for r in catalog.regions}


@pytest.mark.parametrize("kind", COUNTED)
def test_synthetic_regions_hold_the_real_average_number_of_items(real_catalog: Catalog, catalog: Catalog, kind: str) -> None:
    average = sum(len(getattr(region, kind)) for region in real_catalog.regions) / len(real_catalog.regions)
    counts = [len(getattr(region, kind)) for region in catalog.regions]
    assert sum(counts) == math.floor(average * REGIONS + 0.5)
    assert all(math.floor(average) <= count <= math.ceil(average) for count in counts), counts


def test_synthetic_regions_hold_the_real_average_number_of_term_references(real_catalog: Catalog, catalog: Catalog) -> None:
    def references(region) -> int:  # noqa: ANN001
        return sum(len(item.terms) for kind in ("principles", "topics", "actions", "indicators") for item in getattr(region, kind))

    average = sum(references(region) for region in real_catalog.regions) / len(real_catalog.regions)
    assert sum(references(region) for region in catalog.regions) == math.floor(average * REGIONS + 0.5)


def test_synthetic_ids_are_unique(catalog: Catalog) -> None:
    ids = Counter(item.id for region in catalog.regions for _, item in walk(region) if isinstance(getattr(item, "id", None), str))
    assert ids, "no ids found"
    assert [item for item, count in ids.items() if count > 1] == []
    concepts = Counter(concept.id for concept in catalog.concepts)
    assert [concept for concept, count in concepts.items() if count > 1] == []
    # An abbreviation belongs to one concept (a concept may list case variants, as the real NvO/NVO).
    owners: dict[str, set[str]] = {}
    for concept in catalog.concepts:
        for abbreviation in concept.abbreviations:
            owners.setdefault(abbreviation.casefold(), set()).add(concept.id)
    assert owners, "no abbreviations found"
    assert {a: ids for a, ids in owners.items() if len(ids) > 1} == {}


def test_synthetic_project_is_deterministic_for_a_seed(project: Path, tmp_path: Path) -> None:
    real = load_real_data(ROOT)
    write_synthetic_project(ROOT, tmp_path / "same", REGIONS, SEED, build_files=False, real=real)
    write_synthetic_project(ROOT, tmp_path / "other", REGIONS, SEED + 1, build_files=False, real=real)
    expected = data_files(project)
    assert len(expected) == 2 * REGIONS + 3  # regions, region glossaries, begrippen.yaml, themes.yaml, measures.yaml
    assert data_files(tmp_path / "same") == expected
    other = data_files(tmp_path / "other")
    assert other.keys() == expected.keys()
    assert other != expected, "the seed changes nothing"


def test_build_files_are_copied_without_generated_pages(tmp_path: Path) -> None:
    write_synthetic_project(ROOT, tmp_path, 1)
    assert (tmp_path / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    assert (tmp_path / "scripts" / "regiokompas" / "generate.py").exists()
    from regiokompas.generate import GENERATED_DIRS

    assert [name for name in GENERATED_DIRS if (tmp_path / "docs" / name).exists()] == []
    assert not list(tmp_path.rglob("__pycache__"))
    load_catalog(tmp_path)


# --------------------------------------------------------------------------- growth verdict


def test_marginal_costs_are_time_per_added_region_between_consecutive_sizes() -> None:
    steps = marginal_costs([(10, 73.0), (4, 67.0), (21, 90.6)])
    assert [(step.from_regions, step.to_regions) for step in steps] == [(4, 10), (10, 21)]
    assert [round(step.per_region, 3) for step in steps] == [1.0, 1.6]


def test_growth_verdict_flags_a_super_linear_series() -> None:
    # The 2026-11-23 run: total time per region falls (16.8 -> 3.4 s), the marginal cost rises 1.0 -> 2.5 s.
    verdict = growth_verdict([(4, 67.0), (10, 73.1), (21, 90.3), (42, 143.1)])
    assert verdict.linear is False
    assert verdict.ratio == pytest.approx((143.1 - 90.3) / 21 / ((73.1 - 67.0) / 6))
    assert "super-linear" in verdict.line()


def test_growth_verdict_accepts_a_linear_series() -> None:
    fixed, per_region = 60.0, 1.2
    points = [(n, fixed + per_region * n + noise) for n, noise in ((4, 0.0), (10, 0.3), (21, -0.2), (42, 0.4))]
    verdict = growth_verdict(points)
    assert verdict.linear is True
    assert verdict.ratio is not None and verdict.ratio <= 1.5


def test_growth_verdict_limit_is_one_and_a_half_times_the_first_step() -> None:
    assert growth_verdict([(0, 0.0), (1, 1.0), (2, 2.5)]).linear is True
    assert growth_verdict([(0, 0.0), (1, 1.0), (2, 2.51)]).linear is False


def test_growth_verdict_needs_two_steps() -> None:
    verdict = growth_verdict([(4, 67.0), (10, 80.0)])
    assert verdict.linear is None
    assert "not judged" in verdict.line()


# --------------------------------------------------------------------------- report


def test_table_shows_columns_added_by_another_module() -> None:
    measurement = Measurement(4, 1.0, 2.0, 1.0, 2.0, figures={"search_docs": 1234})
    table = format_table([Column("regions", "regions"), Column("total_s", "total s"), Column("search_docs", "docs"), Column("missing", "x")], [measurement])
    header, _, row = table.splitlines()
    assert header.split() == ["regions", "total", "s", "docs", "x"]
    assert row.split() == ["4", "3.0", "1234", "-"]
    assert measurement.as_json()["search_docs"] == 1234


def test_bench_builds_with_the_command_of_make_build(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench", bench)  # dataclasses look their module up while it loads
    spec.loader.exec_module(bench)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    build = re.search(r"^build:.*\n(?:\t.*\n)*?\t\$\(BIN\)/mkdocs (.+) \S+$", makefile, re.MULTILINE)
    assert build is not None, "no mkdocs build line under 'build:' in the Makefile"
    assert " ".join(bench.MKDOCS_BUILD) == build.group(1)
