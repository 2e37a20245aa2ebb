"""Benchmark the site build with 4, 10, 21 and 42 synthetic regions (``make bench``).

The synthetic regions are modelled on the real ``regions/*.yaml``: every region has the
real regions' *average* number of principles, topics, actions, indicators, key figures,
milestones and glossary references (``terms``), and its texts are real texts sampled from
all real regions, with new ids. The glossary has 500 concepts with unique ids and
abbreviations, built from the real concepts. The real theme list is used without its
``synthesis`` statements, whose ``refs`` point at real item ids.

For every size a fresh temporary copy of the project is made and measured:

* validation + generation in-process (``load_catalog`` + ``build_pages``/``write_pages``);
* ``mkdocs build --strict`` in a subprocess (its hook validates and generates again);
* the number of HTML pages, the size of ``site/``, the largest HTML page and the size of
  the Pagefind index files;
* a first search query in Chromium (``regiokompas.search_index.measure_first_query``): the
  index bytes it transfers and its time, and the query time once loaded.

The script prints one table, writes the figures to ``bench-results.json`` (git-ignored),
reports the growth per added region and checks the targets.
"""

from __future__ import annotations

import copy
import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from regiokompas.catalog import load_catalog
from regiokompas.generate import GENERATED_DIRS, build_pages, write_pages
from regiokompas.search_index import index_bytes, measure_first_query

Data = dict[str, Any]

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS_FILE = ROOT / "bench-results.json"
COPIED = ("mkdocs.yml", "docs", "scripts", "themes", "schemas", "overrides")

SIZES = (4, 10, 21, 42)
GLOSSARY_TERMS = 500
SEED = 20261123
FOLDED_FROM = 80  # texts longer than this are written as folded blocks
SOURCE_KEYS = {"document", "section", "page"}

#: Region lists whose length is copied from the real average, with the id prefix of their items.
COUNTED = {"principles": "p", "topics": "t", "actions": "a", "indicators": "i", "key_figures": "kf", "milestones": "m"}
#: Region lists whose items carry ``terms`` (references to glossary concepts).
TAGGED = ("principles", "topics", "actions", "indicators")
TERM_REFS = "term_refs"
GLOSSARY_ENTRIES = "glossary_entries"

LINEAR_FACTOR = 1.5
GENERATOR_SHARE_LIMIT = 0.10
PAGE_LIMIT_BYTES = 500_000
SEARCH_INDEX_LIMIT_BYTES = 3_000_000
FIRST_QUERY_LIMIT_BYTES = 300_000  # index bytes a first search query may transfer
QUERY_LIMIT_MS = 100.0  # a search query once its index is loaded
BUSY_RATIO = 0.9  # below this CPU/wall ratio the run shared the CPU with other work

SEARCH_ADVICE = (
    "Pagefind loads only the index chunks and fragments a query needs; the whole index size "
    "matters for disk and deploy, not for a search.",
    "Leave repeated blocks out of the index with 'data-search-exclude' (passed to Pagefind as an "
    "exclude selector), e.g. source citations and the per-region cells of the theme pages.",
)


# --------------------------------------------------------------------------- real data


@dataclass
class RealData:
    """The real data files the synthetic regions are modelled on."""

    regions: list[Data]
    glossary_entries: list[Data]
    concepts: list[Data]
    themes: Data

    def pool(self, kind: str) -> list[Data]:
        """All items of one region list (``actions``, ...) over the real regions."""
        return [item for region in self.regions for item in region.get(kind, [])]

    def principle_ids(self) -> set[str]:
        """Ids of the real principles (to tell a principle parent from a topic parent)."""
        return {item["id"] for item in self.pool("principles")}


def read_yaml(path: Path) -> Any:
    """Parse a YAML file with the fast C loader when available."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


class DataDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes YAML laid out like the real data files (parsing cost depends on the layout)."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    """Long texts as folded ``>-`` blocks, as the editors write them."""
    style = ">" if len(text) > FOLDED_FROM else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_mapping(dumper: yaml.SafeDumper, data: Data) -> yaml.Node:
    """Sources on one line (``{document: ..., section: ...}``), everything else as blocks."""
    flow = "document" in data and set(data) <= SOURCE_KEYS
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flow)


DataDumper.add_representer(str, _represent_text)
DataDumper.add_representer(dict, _represent_mapping)


def write_yaml(path: Path, data: Any) -> None:
    """Write ``data`` as YAML in the layout of the real files, keeping the key order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=DataDumper, allow_unicode=True, sort_keys=False, width=100, indent=2)
    path.write_text(text, encoding="utf-8")


def load_real_data(root: Path) -> RealData:
    """Read the real regions, region glossaries, concepts and themes."""
    glossary_files = [path for path in sorted((root / "glossary").glob("*.yaml")) if path.name != "begrippen.yaml"]
    return RealData(
        regions=[read_yaml(path) for path in sorted((root / "regions").glob("*.yaml"))],
        glossary_entries=[entry for path in glossary_files for entry in read_yaml(path)["entries"]],
        concepts=read_yaml(root / "glossary" / "begrippen.yaml")["concepts"],
        themes=read_yaml(root / "themes" / "themes.yaml"),
    )


def count_term_refs(region: Data) -> int:
    """The number of glossary references (``terms``) in one region."""
    return sum(len(item.get("terms", [])) for kind in TAGGED for item in region.get(kind, []))


def real_averages(real: RealData) -> dict[str, float]:
    """Per-region averages of the counted lists, glossary references and glossary entries."""
    regions = len(real.regions)
    averages = {kind: sum(len(region.get(kind, [])) for region in real.regions) / regions for kind in COUNTED}
    averages[TERM_REFS] = sum(count_term_refs(region) for region in real.regions) / regions
    averages[GLOSSARY_ENTRIES] = len(real.glossary_entries) / regions
    return averages


# --------------------------------------------------------------------------- synthetic data


def quota(average: float, index: int) -> int:
    """Items for region ``index`` so that regions 0..n-1 together hold round(average * n)."""

    def half_up(value: float) -> int:
        return math.floor(value + 0.5)

    return half_up(average * (index + 1)) - half_up(average * index)


def concept_id(number: int, real_concepts: list[Data]) -> str:
    """Id of synthetic concept ``number``: the real id it is based on, made unique."""
    return f"b{number:03d}-{real_concepts[number % len(real_concepts)]['id']}"


def synthetic_concept(number: int, real_concepts: list[Data], total: int) -> Data:
    """Concept ``number``: a real concept with a new id; later rounds get numbered terms."""
    real = real_concepts[number % len(real_concepts)]
    round_number = number // len(real_concepts)
    suffix = "" if round_number == 0 else f" {round_number + 1}"
    positions = {concept["id"]: index for index, concept in enumerate(real_concepts)}
    related = []
    for real_id in real.get("related", []):
        if real_id in positions:
            target = round_number * len(real_concepts) + positions[real_id]
            related.append(concept_id(target if target < total else positions[real_id], real_concepts))
    concept: Data = {"id": concept_id(number, real_concepts), "term": real["term"] + suffix}
    if real.get("abbreviations"):
        concept["abbreviations"] = [abbreviation + suffix.strip() for abbreviation in real["abbreviations"]]
    if real.get("variants"):
        concept["variants"] = [variant + suffix for variant in real["variants"]]
    concept["summary"] = real["summary"]
    if related:
        concept["related"] = related
    if real.get("themes"):
        concept["themes"] = list(real["themes"])
    return concept


def synthetic_concepts(real: RealData, total: int) -> list[Data]:
    """The synthetic ``glossary/begrippen.yaml`` concepts."""
    return [synthetic_concept(number, real.concepts, total) for number in range(total)]


def glossary_shares(regions: int, average: float, total: int) -> list[range]:
    """Concept numbers each region defines: the real average, raised so every concept is defined."""
    minimum = math.ceil(total / regions)
    shares = []
    start = 0
    for index in range(regions):
        size = max(quota(average, index), minimum)
        shares.append(range(start, start + size))
        start += size
    return shares


def retarget_sources(value: Any, document_id: str) -> None:
    """Point every ``source.document`` inside ``value`` at ``document_id``."""
    if isinstance(value, dict):
        if isinstance(value.get("source"), dict):
            value["source"]["document"] = document_id
        for child in value.values():
            retarget_sources(child, document_id)
    elif isinstance(value, list):
        for child in value:
            retarget_sources(child, document_id)


def renamed(items: Iterable[Data], prefix: str) -> list[Data]:
    """Deep copies of ``items`` with ids ``<prefix>1``, ``<prefix>2``, ..."""
    copies = [copy.deepcopy(item) for item in items]
    for number, item in enumerate(copies, start=1):
        item["id"] = f"{prefix}{number}"
    return copies


def sampled_lists(
    real: RealData, averages: dict[str, float], index: int, prefix: str, rng: random.Random
) -> dict[str, list[Data]]:
    """The counted lists of one region: real items sampled without replacement, renamed."""
    lists = {}
    for kind, short in COUNTED.items():
        pool = real.pool(kind)
        lists[kind] = renamed(rng.sample(pool, min(quota(averages[kind], index), len(pool))), f"{prefix}-{short}")
    return lists


def assign_parents(lists: dict[str, list[Data]], real_principles: set[str], rng: random.Random) -> None:
    """Give actions and indicators a parent of the same kind (principle or topic) as before."""
    principles = [item["id"] for item in lists["principles"]]
    topics = [item["id"] for item in lists["topics"]] or principles
    for item in [*lists["actions"], *lists["indicators"]]:
        if item.get("parent") is not None:
            item["parent"] = rng.choice(principles if item["parent"] in real_principles else topics)


def assign_terms(lists: dict[str, list[Data]], count: int, concept_ids: list[str]) -> None:
    """Replace the real ``terms`` with exactly ``count`` references to ``concept_ids``."""
    tagged = [item for kind in TAGGED for item in lists[kind]]
    for item in tagged:
        item.pop("terms", None)
    for number in range(count):
        item = tagged[number % len(tagged)]
        terms = item.setdefault("terms", [])
        candidates = [concept for concept in concept_ids if concept not in terms]
        if candidates:
            terms.append(candidates[number % len(candidates)])


def synthetic_region(real: RealData, averages: dict[str, float], index: int, concept_ids: list[str]) -> Data:
    """Region ``index``: frame from a real region, counted lists sampled from all regions."""
    rng = random.Random(SEED + index)
    template = real.regions[index % len(real.regions)]
    prefix = f"r{index + 1:02d}"
    lists = sampled_lists(real, averages, index, prefix, rng)
    assign_parents(lists, real.principle_ids(), rng)
    assign_terms(lists, quota(averages[TERM_REFS], index), concept_ids)
    region: Data = {
        "id": region_id(index),
        "name": f"Synthetische regio {index + 1:02d}",
        "province": template["province"],
        "summary": template["summary"],
        "documents": renamed(template["documents"], f"{prefix}-doc"),
        "municipalities": copy.deepcopy(template["municipalities"]),
        "cooperation": renamed(template.get("cooperation", []), f"{prefix}-c"),
        "ambition": copy.deepcopy(template["ambition"]),
        **lists,
        "tables": renamed(template.get("tables", []), f"{prefix}-tab"),
        "notes": copy.deepcopy(template.get("notes", [])),
    }
    retarget_sources(region, region["documents"][0]["id"])
    return region


def region_id(index: int) -> str:
    return f"regio-{index + 1:02d}"


def synthetic_glossary(real: RealData, index: int, document_id: str, concepts: list[Data]) -> Data:
    """``glossary/<region>.yaml``: one real definition text per concept, retargeted."""
    rng = random.Random(SEED * 7 + index)
    entries = []
    for concept in concepts:
        entry = copy.deepcopy(rng.choice(real.glossary_entries))
        entry["concept"] = concept["id"]
        entry["term"] = concept["term"]
        entry.pop("abbreviation", None)
        if concept.get("abbreviations"):
            entry["abbreviation"] = concept["abbreviations"][0]
        retarget_sources(entry, document_id)
        entries.append(entry)
    return {"region": region_id(index), "entries": entries}


def themes_without_synthesis(real: RealData) -> Data:
    """The real themes; ``synthesis`` is dropped because its refs name real item ids."""
    themes = copy.deepcopy(real.themes)
    for theme in themes["themes"]:
        theme.pop("synthesis", None)
    return themes


def write_synthetic_data(project: Path, real: RealData, averages: dict[str, float], regions: int) -> None:
    """Write ``regions/``, ``glossary/`` and ``themes/themes.yaml`` for ``regions`` regions."""
    concepts = synthetic_concepts(real, GLOSSARY_TERMS)
    write_yaml(project / "glossary" / "begrippen.yaml", {"concepts": concepts})
    write_yaml(project / "themes" / "themes.yaml", themes_without_synthesis(real))
    for index, share in enumerate(glossary_shares(regions, averages[GLOSSARY_ENTRIES], GLOSSARY_TERMS)):
        own = [concepts[number % GLOSSARY_TERMS] for number in share]
        region = synthetic_region(real, averages, index, [concept["id"] for concept in own])
        write_yaml(project / "regions" / f"{region['id']}.yaml", region)
        glossary = synthetic_glossary(real, index, region["documents"][0]["id"], own)
        write_yaml(project / "glossary" / f"{region['id']}.yaml", glossary)


# --------------------------------------------------------------------------- project copy


def ignore_generated(directory: str, names: list[str]) -> set[str]:
    """``copytree`` filter: skip caches, egg-info and the generator's folders under docs/."""
    ignored = {name for name in names if name == "__pycache__" or name.endswith(".egg-info")}
    if Path(directory) == ROOT / "docs":
        ignored.update(name for name in names if name in GENERATED_DIRS)
    return ignored


def copy_project(target: Path) -> None:
    """Copy the files a build needs (without data and generated pages) into ``target``."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore_generated)
        else:
            shutil.copy2(source, target / name)


# --------------------------------------------------------------------------- measuring


@dataclass
class Measurement:
    """The figures for one number of regions."""

    regions: int
    generation_s: float
    mkdocs_s: float
    html_pages: int
    site_bytes: int
    largest_page: str
    largest_page_bytes: int
    search_index_bytes: int
    generation_cpu_s: float
    mkdocs_cpu_s: float
    first_query_index_bytes: int = 0
    first_query_bytes: int = 0
    first_query_ms: float = 0.0
    query_ms: float = 0.0

    @property
    def total_s(self) -> float:
        """Whole build: generation plus ``mkdocs build``."""
        return self.generation_s + self.mkdocs_s

    @property
    def generator_share(self) -> float:
        return self.generation_s / self.total_s

    @property
    def cpu_s(self) -> float:
        """CPU seconds of the whole build; unlike wall time, hardly affected by other load."""
        return self.generation_cpu_s + self.mkdocs_cpu_s

    @property
    def cpu_generator_share(self) -> float:
        return self.generation_cpu_s / self.cpu_s

    @property
    def cpu_ratio(self) -> float:
        """CPU time / wall time; well below 1 means the benchmark waited for a busy CPU."""
        return self.cpu_s / self.total_s

    def as_json(self) -> Data:
        return {
            **asdict(self),
            "total_s": round(self.total_s, 3),
            "generator_share": round(self.generator_share, 4),
            "cpu_s": round(self.cpu_s, 3),
            "cpu_generator_share": round(self.cpu_generator_share, 4),
        }


def cpu_seconds() -> float:
    """CPU time used so far by this process and the subprocesses it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds (``time.perf_counter``) and CPU seconds that ``action`` takes."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    action()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def generate_in_process(project: Path) -> None:
    """Validate and generate, as ``python -m regiokompas generate`` does."""
    write_pages(build_pages(load_catalog(project)), project / "docs")


def mkdocs_build(project: Path, site: Path) -> None:
    """``mkdocs build --strict`` with the venv's MkDocs; stop the benchmark if it fails."""
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{(result.stdout + result.stderr)[-4000:]}")


def site_figures(site: Path) -> Data:
    """Page count, total size, largest HTML page and search index size of a built site."""
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = [path for path in files if path.suffix == ".html"]
    largest = max(pages, key=lambda path: path.stat().st_size)
    return {
        "html_pages": len(pages),
        "site_bytes": sum(path.stat().st_size for path in files),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_page_bytes": largest.stat().st_size,
        "search_index_bytes": index_bytes(site),
    }


def measure(real: RealData, averages: dict[str, float], regions: int) -> Measurement:
    """Build a fresh project with ``regions`` synthetic regions and measure it."""
    with tempfile.TemporaryDirectory(prefix=f"regiokompas-bench-{regions}-") as folder:
        project = Path(folder)
        copy_project(project)
        write_synthetic_data(project, real, averages, regions)
        generation, generation_cpu = timed(lambda: generate_in_process(project))
        site = project / "site"
        build, build_cpu = timed(lambda: mkdocs_build(project, site))
        figures = site_figures(site)
        query = measure_first_query(site)
        return Measurement(
            regions, generation, build, **figures, generation_cpu_s=generation_cpu, mkdocs_cpu_s=build_cpu,
            first_query_index_bytes=query.index_bytes, first_query_bytes=query.total_bytes,
            first_query_ms=query.first_ms, query_ms=query.warm_ms,
        )


def warm_up(real: RealData, averages: dict[str, float]) -> None:
    """Run the generator once, untimed, so imports and template compilation are not measured."""
    with tempfile.TemporaryDirectory(prefix="regiokompas-bench-warmup-") as folder:
        project = Path(folder)
        copy_project(project)
        write_synthetic_data(project, real, averages, SIZES[0])
        build_pages(load_catalog(project))


# --------------------------------------------------------------------------- reporting


def kilobytes(size: int) -> str:
    return f"{size / 1000:,.1f} KB"


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.2f} MB"


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(row[column]) for row in [headers, *rows]) for column in range(len(headers))]

    def line(cells: list[str]) -> str:
        aligned = [cell.rjust(width) if column else cell.ljust(width) for column, (cell, width) in enumerate(zip(cells, widths))]
        return "  ".join(aligned)

    return "\n".join([line(headers), "  ".join("-" * width for width in widths), *(line(row) for row in rows)])


def results_table(results: list[Measurement]) -> str:
    headers = [
        "regions", "generate s", "mkdocs s", "total s", "gen share", "CPU s",
        "HTML pages", "site/", "largest page", "KB", "search index",
        "1st query index", "1st query all", "1st query ms", "query ms",
    ]
    rows = [
        [
            str(result.regions),
            f"{result.generation_s:.2f}",
            f"{result.mkdocs_s:.2f}",
            f"{result.total_s:.2f}",
            f"{result.generator_share:.1%}",
            f"{result.cpu_s:.1f}",
            str(result.html_pages),
            megabytes(result.site_bytes),
            result.largest_page,
            f"{result.largest_page_bytes / 1000:,.1f}",
            megabytes(result.search_index_bytes),
            kilobytes(result.first_query_index_bytes),
            kilobytes(result.first_query_bytes),
            f"{result.first_query_ms:.0f}",
            f"{result.query_ms:.1f}",
        ]
        for result in results
    ]
    return format_table(headers, rows)


def growth(first: Measurement, last: Measurement) -> Data:
    """Added cost per added region between the smallest and the largest size."""
    added = last.regions - first.regions

    def per_region(name: str) -> float:
        return (getattr(last, name) - getattr(first, name)) / added

    return {
        "from_regions": first.regions,
        "to_regions": last.regions,
        "total_s_per_region": per_region("total_s"),
        "generation_s_per_region": per_region("generation_s"),
        "mkdocs_s_per_region": per_region("mkdocs_s"),
        "html_pages_per_region": per_region("html_pages"),
        "site_bytes_per_region": per_region("site_bytes"),
        "search_index_bytes_per_region": per_region("search_index_bytes"),
        "largest_page_bytes_per_region": per_region("largest_page_bytes"),
    }


def growth_report(figures: Data) -> list[str]:
    return [
        f"Growth per added region ({figures['from_regions']} -> {figures['to_regions']} regions):",
        f"  build time     {figures['total_s_per_region']:.3f} s/region "
        f"(generation {figures['generation_s_per_region']:.3f} s, mkdocs {figures['mkdocs_s_per_region']:.3f} s)",
        f"  site/          {figures['site_bytes_per_region']:,.0f} bytes/region "
        f"({figures['html_pages_per_region']:.1f} HTML pages/region)",
        f"  search index   {figures['search_index_bytes_per_region']:,.0f} bytes/region",
        f"  largest page   {figures['largest_page_bytes_per_region']:,.0f} bytes/region",
    ]


def marginal_costs(results: list[Measurement]) -> list[str]:
    """Build seconds per added region for each step between measured sizes (information only)."""
    lines = ["Marginal build time per added region, per step (wall / CPU):"]
    for before, after in zip(results, results[1:]):
        added = after.regions - before.regions
        wall = (after.total_s - before.total_s) / added
        cpu = (after.cpu_s - before.cpu_s) / added
        lines.append(f"  {before.regions:>2} -> {after.regions:>2}: {wall:.3f} s / {cpu:.3f} s per region")
    return lines


@dataclass
class Target:
    """One target with its outcome and the figure behind it."""

    name: str
    met: bool
    figure: str

    def line(self) -> str:
        return f"  [{'MET' if self.met else 'NOT MET'}] {self.name}: {self.figure}"


def check_targets(results: list[Measurement]) -> list[Target]:
    first, last = results[0], results[-1]
    per_region_first = first.total_s / first.regions
    per_region_last = last.total_s / last.regions
    ratio = per_region_last / per_region_first
    worst_share = max(results, key=lambda result: result.generator_share)
    shares = ", ".join(f"{result.regions}: {result.generator_share:.1%}" for result in results)
    return [
        Target(
            f"linear growth (build time per region at {last.regions} within {LINEAR_FACTOR}x of that at "
            f"{first.regions})",
            ratio <= LINEAR_FACTOR,
            f"{per_region_last:.3f} s/region at {last.regions} vs {per_region_first:.3f} s/region at "
            f"{first.regions} = {ratio:.2f}x",
        ),
        Target(
            f"generation at most {GENERATOR_SHARE_LIMIT:.0%} of the build (every size)",
            worst_share.generator_share <= GENERATOR_SHARE_LIMIT,
            f"highest {worst_share.generator_share:.1%} at {worst_share.regions} regions ({shares})",
        ),
        Target(
            f"no HTML page over {kilobytes(PAGE_LIMIT_BYTES)} at {last.regions} regions",
            last.largest_page_bytes <= PAGE_LIMIT_BYTES,
            f"largest {last.largest_page} = {kilobytes(last.largest_page_bytes)}",
        ),
        Target(
            f"a search at {last.regions} regions downloads at most {megabytes(SEARCH_INDEX_LIMIT_BYTES)} (phone)",
            last.first_query_bytes <= SEARCH_INDEX_LIMIT_BYTES,
            f"first query {kilobytes(last.first_query_bytes)} (index, JavaScript, WebAssembly); the Pagefind "
            f"index files are {megabytes(last.search_index_bytes)} in all, never downloaded whole",
        ),
        Target(
            f"first search query at {last.regions} regions transfers at most {kilobytes(FIRST_QUERY_LIMIT_BYTES)} of index",
            last.first_query_index_bytes <= FIRST_QUERY_LIMIT_BYTES,
            f"{kilobytes(last.first_query_index_bytes)} index ({kilobytes(last.first_query_bytes)} with Pagefind's "
            f"JavaScript and WebAssembly)",
        ),
        Target(
            f"search query at {last.regions} regions under {QUERY_LIMIT_MS:.0f} ms once loaded",
            last.query_ms < QUERY_LIMIT_MS,
            f"{last.query_ms:.1f} ms (first query with loading {last.first_query_ms:.0f} ms)",
        ),
    ]


def git_state() -> Data:
    """The commit measured and whether the working tree had changes (read-only git calls)."""

    def git(*arguments: str) -> str:
        result = subprocess.run(["git", "-C", str(ROOT), *arguments], capture_output=True, text=True, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted_changes": bool(git("status", "--porcelain"))}


def cpu_report(results: list[Measurement]) -> list[str]:
    """CPU/wall ratio per size, with a warning when the machine was busy with other work."""
    ratios = ", ".join(f"{result.regions}: {result.cpu_ratio:.0%}" for result in results)
    first, last = results[0], results[-1]
    linear = (last.cpu_s / last.regions) / (first.cpu_s / first.regions)
    share = max(result.cpu_generator_share for result in results)
    lines = [
        f"CPU time / wall time per size: {ratios}",
        f"On CPU time: build per region at {last.regions} = {linear:.2f}x that at {first.regions}; "
        f"generator share {', '.join(f'{result.regions}: {result.cpu_generator_share:.1%}' for result in results)} "
        f"(highest {share:.1%}).",
    ]
    if min(result.cpu_ratio for result in results) < BUSY_RATIO:
        lines.append("  Warning: other processes used the CPU during the run; wall times are inflated.")
    return lines


def print_averages(averages: dict[str, float], regions: int) -> None:
    print(f"Averages per region over the {regions} real regions (synthetic regions get these on average):")
    for name, value in averages.items():
        print(f"  {name:<17} {value:7.2f}")
    fixed_up_to = math.floor(GLOSSARY_TERMS / averages[GLOSSARY_ENTRIES])
    print(
        f"Glossary: {GLOSSARY_TERMS} concepts; each region defines max(average, {GLOSSARY_TERMS}/regions) of them, "
        f"so up to {fixed_up_to} regions there are about {GLOSSARY_TERMS} definitions in total."
    )
    print("Themes: real themes/themes.yaml without 'synthesis' (its refs name real ids).")
    print()


def write_results(
    results: list[Measurement], averages: dict[str, float], growth_figures: Data, targets: list[Target], run: Data
) -> None:
    """Write every figure of this run to ``bench-results.json``."""
    data = {
        **run,
        "sizes": [result.as_json() for result in results],
        "real_averages_per_region": averages,
        "glossary_terms": GLOSSARY_TERMS,
        "growth": growth_figures,
        "targets": [asdict(target) for target in targets],
    }
    RESULTS_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def run_sizes(real: RealData, averages: dict[str, float]) -> list[Measurement]:
    """Measure every size in ``SIZES``, smallest first, printing progress."""
    warm_up(real, averages)
    results = []
    for regions in SIZES:
        print(f"Measuring {regions} regions ...", flush=True)
        results.append(measure(real, averages, regions))
        print(f"  done: {results[-1].total_s:.1f} s build", flush=True)
    return results


def print_report(results: list[Measurement], growth_figures: Data, targets: list[Target]) -> None:
    """The table, the growth per region, the generator's share and the targets."""
    print()
    print(results_table(results))
    print()
    print("\n".join(growth_report(growth_figures)))
    print("\n".join(marginal_costs(results)))
    print("Generator share of the build: " + ", ".join(f"{r.regions} regions {r.generator_share:.1%}" for r in results))
    print("\n".join(cpu_report(results)))
    print()
    print("Targets:")
    print("\n".join(target.line() for target in targets))
    if results[-1].first_query_bytes > SEARCH_INDEX_LIMIT_BYTES:
        print("  What would reduce the search index:")
        print("\n".join(f"    - {advice}" for advice in SEARCH_ADVICE))


def main() -> int:
    started = time.perf_counter()
    run: Data = {**git_state(), "cpu_count": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]}
    changes = " with uncommitted changes" if run["uncommitted_changes"] else ""
    print(f"Commit {run['commit']}{changes}; {run['cpu_count']} CPUs, load average {run['load_average_at_start']:.2f}")
    real = load_real_data(ROOT)
    averages = real_averages(real)
    print_averages(averages, len(real.regions))
    results = run_sizes(real, averages)
    growth_figures = growth(results[0], results[-1])
    targets = check_targets(results)
    print_report(results, growth_figures, targets)
    run["run_seconds"] = round(time.perf_counter() - started, 1)
    write_results(results, averages, growth_figures, targets, run)
    print()
    print(f"Written {RESULTS_FILE.relative_to(ROOT)}; total run time {run['run_seconds']:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
