"""Benchmark the site build with synthetic projects of 4, 10, 21 and 42 regions (``make bench``).

For every size a fresh synthetic project (:mod:`regiokompas.synthetic`) is written into a
temporary folder and measured:

* validation + generation in-process (:func:`regiokompas.generate.generate`: ``load_catalog``,
  ``build_pages``, ``write_pages``), wall and CPU time;
* the build as ``make build`` runs it (``mkdocs build --strict --quiet --site-dir ...``) in a
  subprocess, wall and CPU time (its hook validates and generates again);
* the figures of the probes in :data:`PROBES` (pages, site size, largest page, Pagefind index
  files, and a first search query in Chromium: the index bytes it transfers and the query time
  once loaded, from :func:`regiokompas.search_index.measure_first_query`).

Prints one table with the marginal cost per added region, the growth verdict and the targets,
and writes every figure to ``bench-results.json``. What the figures mean, and the rules behind
the targets, are in ``docs/beheer/benchmark.md``.

Usage: ``python scripts/bench.py [--sizes 4 10 21 42] [--seed N] [--output FILE]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from regiokompas import urls
from regiokompas.benchmark import LINEAR_FACTOR, Column, Measurement, article_bytes, format_table, growth_verdict, marginal_costs
from regiokompas.catalog import load_catalog
from regiokompas.generate import build_pages, generate
from regiokompas.search_index import index_bytes, measure_first_query
from regiokompas.synthetic import GLOSSARY_TERMS, SEED, RealData, load_real_data, write_synthetic_project

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS_FILE = ROOT / "bench-results.json"
SIZES = (4, 10, 21, 42)
#: The build command of ``make build`` (Makefile), followed by the site folder.
MKDOCS_BUILD = ("build", "--strict", "--quiet", "--site-dir")

GENERATOR_SHARE_LIMIT = 0.10
PAGE_LIMIT_BYTES = 500_000
THEME_PAGE_LIMIT_BYTES = 300_000  # a theme page at national scale (issue 18)
FIRST_QUERY_LIMIT_BYTES = 300_000  # index bytes a first search query may transfer
QUERY_LIMIT_MS = 100.0  # a search query once its index is loaded
BUSY_RATIO = 0.9  # below this CPU/wall ratio the run shared the CPU with other work

Probe = Callable[[Path, Path], dict[str, Any]]


# --------------------------------------------------------------------------- measuring


def site_figures(project: Path, site: Path) -> dict[str, Any]:
    """Page count, total size, largest HTML page and search index size of a built site."""
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = [path for path in files if path.suffix == ".html"]
    largest = max(pages, key=lambda path: (path.stat().st_size, path.as_posix()))
    return {
        "html_pages": len(pages),
        "site_bytes": sum(path.stat().st_size for path in files),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_page_bytes": largest.stat().st_size,
        "search_index_bytes": index_bytes(site),
    }


def search_figures(project: Path, site: Path) -> dict[str, Any]:
    """What a first search query transfers and how long a query takes once the index is loaded."""
    query = measure_first_query(site)
    return {
        "first_query_index_bytes": query.index_bytes,
        "first_query_bytes": query.total_bytes,
        "first_query_ms": query.first_ms,
        "query_ms": query.warm_ms,
    }


def built(site: Path, page: str) -> Path:
    """The HTML file of a generated page (a path of :mod:`regiokompas.urls`) in the built site."""
    return site / urls.address(page) / "index.html"


def comparison_figures(project: Path, site: Path) -> dict[str, Any]:
    """The largest theme page, and the side-by-side output: the pair page plus one per-theme page per
    region (whole HTML, and the content alone: every HTML page also repeats the site navigation)."""
    catalog = load_catalog(project)
    themes = [built(site, urls.theme(theme.id)) for theme in catalog.themes]
    largest = max(themes, key=lambda path: (path.stat().st_size, path.as_posix()))
    side_by_side = [built(site, urls.side_by_side()), *(built(site, urls.region_side_by_side(region.id)) for region in catalog.regions)]
    return {
        "largest_theme_page": largest.relative_to(site).parent.as_posix() + "/",
        "largest_theme_page_bytes": largest.stat().st_size,
        "pair_page_bytes": side_by_side[0].stat().st_size,
        "side_by_side_bytes": sum(path.stat().st_size for path in side_by_side),
        "side_by_side_content_bytes": sum(article_bytes(path.read_text(encoding="utf-8")) for path in side_by_side),
    }


#: Called after each build with (project, site); their figures go into ``Measurement.figures``.
PROBES: list[Probe] = [site_figures, search_figures, comparison_figures]


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.2f} MB"


def seconds(value: float) -> str:
    return f"{value:.2f}"


#: The printed table; append a Column for a figure a new probe adds.
COLUMNS: list[Column] = [
    Column("regions", "regions"),
    Column("generation_s", "generate s", seconds),
    Column("mkdocs_s", "mkdocs s", seconds),
    Column("total_s", "total s", seconds),
    Column("marginal_s", "s/added region", lambda value: f"{value:.3f}"),
    Column("cpu_s", "CPU s", seconds),
    Column("marginal_cpu_s", "CPU s/added region", lambda value: f"{value:.3f}"),
    Column("generator_share", "gen share", lambda value: f"{value:.1%}"),
    Column("html_pages", "HTML pages"),
    Column("site_bytes", "site/", megabytes),
    Column("largest_page", "largest page"),
    Column("largest_page_bytes", "KB", lambda value: f"{value / 1000:,.1f}"),
    Column("search_index_bytes", "search index", megabytes),
    Column("first_query_index_bytes", "1st query index KB", lambda value: f"{value / 1000:,.1f}"),
    Column("first_query_ms", "1st query ms", lambda value: f"{value:.0f}"),
    Column("query_ms", "query ms", lambda value: f"{value:.1f}"),
    Column("largest_theme_page_bytes", "largest theme page KB", lambda value: f"{value / 1000:,.1f}"),
    Column("pair_page_bytes", "pair page KB", lambda value: f"{value / 1000:,.1f}"),
    Column("side_by_side_bytes", "side by side KB", lambda value: f"{value / 1000:,.1f}"),
    Column("side_by_side_content_bytes", "side by side content KB", lambda value: f"{value / 1000:,.1f}"),
]


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


def mkdocs_build(project: Path, site: Path) -> None:
    """The build of ``make build``, with the project's own code; stop the benchmark if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    result = subprocess.run([str(BIN / "mkdocs"), *MKDOCS_BUILD, str(site)], cwd=project, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{(result.stdout + result.stderr)[-4000:]}")


def measure(real: RealData, regions: int, seed: int) -> Measurement:
    """Write a fresh synthetic project with ``regions`` regions, build it and measure it."""
    with tempfile.TemporaryDirectory(prefix=f"regiokompas-bench-{regions}-") as folder:
        project = Path(folder)
        write_synthetic_project(ROOT, project, regions, seed, real=real)
        generation, generation_cpu = timed(lambda: generate(project))
        site = project / "site"
        build, build_cpu = timed(lambda: mkdocs_build(project, site))
        measurement = Measurement(regions, generation, build, generation_cpu, build_cpu)
        for probe in PROBES:
            measurement.figures.update(probe(project, site))
        return measurement


def warm_up(real: RealData, regions: int, seed: int) -> None:
    """Run the generator once, untimed, so imports and template compilation are not measured."""
    with tempfile.TemporaryDirectory(prefix="regiokompas-bench-warmup-") as folder:
        project = Path(folder)
        write_synthetic_project(ROOT, project, regions, seed, build_files=False, real=real)
        build_pages(load_catalog(project))


def add_marginal_costs(results: list[Measurement]) -> None:
    """Store the wall and CPU seconds per added region since the previous size on each measurement."""
    for key, attribute in (("marginal_s", "total_s"), ("marginal_cpu_s", "cpu_s")):
        steps = marginal_costs([(result.regions, getattr(result, attribute)) for result in results])
        for result, step in zip(results[1:], steps, strict=True):
            result.figures[key] = round(step.per_region, 4)


# --------------------------------------------------------------------------- targets


@dataclass
class Target:
    """One target with its outcome (None: not judged) and the figure behind it."""

    name: str
    met: bool | None
    figure: str

    def line(self) -> str:
        outcome = {True: "MET", False: "NOT MET"}.get(self.met, "NOT JUDGED")
        return f"  [{outcome}] {self.name}: {self.figure}"


def check_targets(results: list[Measurement]) -> list[Target]:
    last = results[-1]
    cpu = growth_verdict([(result.regions, result.cpu_s) for result in results])
    busiest = min(results, key=lambda result: result.cpu_ratio)
    reliable = busiest.cpu_ratio >= BUSY_RATIO
    growth_figure = (
        cpu.line()
        if reliable
        else (
            f"{cpu.line()}; not conclusive: other work shared the CPU (CPU/wall {busiest.cpu_ratio:.0%} at "
            f"{busiest.regions} regions, below {BUSY_RATIO:.0%}), which inflates CPU time too; measure on an idle machine"
        )
    )
    worst = max(results, key=lambda result: result.generator_share)
    shares = ", ".join(f"{result.regions}: {result.generator_share:.1%}" for result in results)
    return [
        Target(
            f"linear growth (CPU s per added region, last step at most {LINEAR_FACTOR}x the first)",
            cpu.linear if reliable else None,
            growth_figure,
        ),
        Target(
            f"generation at most {GENERATOR_SHARE_LIMIT:.0%} of the build (every size)",
            worst.generator_share <= GENERATOR_SHARE_LIMIT,
            f"highest {worst.generator_share:.1%} at {worst.regions} regions ({shares})",
        ),
        Target(
            f"no HTML page over {PAGE_LIMIT_BYTES / 1000:,.0f} KB at {last.regions} regions",
            last.figures["largest_page_bytes"] <= PAGE_LIMIT_BYTES,
            f"largest {last.figures['largest_page']} = {last.figures['largest_page_bytes'] / 1000:,.1f} KB",
        ),
        Target(
            f"no theme page over {THEME_PAGE_LIMIT_BYTES / 1000:,.0f} KB at {last.regions} regions",
            last.figures["largest_theme_page_bytes"] <= THEME_PAGE_LIMIT_BYTES,
            f"largest {last.figures['largest_theme_page']} = {last.figures['largest_theme_page_bytes'] / 1000:,.1f} KB",
        ),
        side_by_side_target(results),
        Target(
            f"a first search query at {last.regions} regions transfers at most {FIRST_QUERY_LIMIT_BYTES / 1000:,.0f} KB of index",
            last.figures["first_query_index_bytes"] <= FIRST_QUERY_LIMIT_BYTES,
            f"{last.figures['first_query_index_bytes'] / 1000:,.1f} KB of index ({last.figures['first_query_bytes'] / 1000:,.1f} KB with "
            f"Pagefind's code); the index files are {megabytes(last.figures['search_index_bytes'])} in all, never downloaded whole",
        ),
        Target(
            f"a search query at {last.regions} regions under {QUERY_LIMIT_MS:.0f} ms once loaded",
            last.figures["query_ms"] < QUERY_LIMIT_MS,
            f"{last.figures['query_ms']:.1f} ms (first query with loading {last.figures['first_query_ms']:.0f} ms)",
        ),
    ]


def side_by_side_target(results: list[Measurement]) -> Target:
    """The side-by-side output grows linearly: its content bytes per added region, last step at most
    LINEAR_FACTOR times the first (sizes do not depend on the machine's load)."""
    verdict = growth_verdict([(result.regions, result.figures["side_by_side_content_bytes"]) for result in results])
    sizes = ", ".join(f"{result.regions}: {result.figures['side_by_side_content_bytes'] / 1000:,.1f} KB" for result in results)
    if verdict.first is None or verdict.last is None:
        figure = f"not judged: needs at least three sizes ({sizes})"
    else:
        figure = (
            f"{verdict.last.per_region / 1000:,.1f} KB per added region in the last step, {verdict.first.per_region / 1000:,.1f} KB in the "
            f"first ({sizes}; whole HTML with the navigation: "
            + ", ".join(f"{result.regions}: {result.figures['side_by_side_bytes'] / 1000:,.1f} KB" for result in results)
            + ")"
        )
    return Target(f"side-by-side content grows linearly (KB per added region, last step at most {LINEAR_FACTOR}x the first)", verdict.linear, figure)


# --------------------------------------------------------------------------- report


def git_state() -> dict[str, Any]:
    """The commit measured and whether the working tree had changes (read-only git calls)."""

    def git(*arguments: str) -> str:
        result = subprocess.run(["git", "-C", str(ROOT), *arguments], capture_output=True, text=True, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted_changes": bool(git("status", "--porcelain"))}


def print_report(results: list[Measurement], targets: list[Target]) -> None:
    print()
    print(format_table(COLUMNS, results))
    print()
    wall = growth_verdict([(result.regions, result.total_s) for result in results])
    print(f"Growth, wall time: {wall.line()}")
    print(f"Growth, CPU time:  {growth_verdict([(result.regions, result.cpu_s) for result in results]).line()}")
    print("CPU time / wall time per size: " + ", ".join(f"{result.regions}: {result.cpu_ratio:.0%}" for result in results))
    if min(result.cpu_ratio for result in results) < BUSY_RATIO:
        print("  Warning: other processes used the CPU during the run; wall times are inflated, CPU times less so.")
    print()
    print("Targets:")
    print("\n".join(target.line() for target in targets))


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Measure the build of synthetic projects with more regions.")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of regions (default: 4 10 21 42)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the synthetic data (default: {SEED})")
    parser.add_argument("--output", type=Path, default=RESULTS_FILE, help="where to write the figures as JSON")
    arguments = parser.parse_args(argv)
    if min(arguments.sizes) < 1 or len(set(arguments.sizes)) != len(arguments.sizes):
        parser.error("--sizes takes distinct numbers of at least 1")
    arguments.sizes = sorted(arguments.sizes)
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    started = time.perf_counter()
    run: dict[str, Any] = {**git_state(), "cpu_count": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]}
    changes = " with uncommitted changes" if run["uncommitted_changes"] else ""
    print(f"Commit {run['commit']}{changes}; {run['cpu_count']} CPUs, load average {run['load_average_at_start']:.2f}")
    real = load_real_data(ROOT)
    averages = real.averages()
    print(f"Per-region averages of the {len(real.regions)} real regions: " + ", ".join(f"{name} {value:.2f}" for name, value in averages.items()))
    print(f"Glossary: {GLOSSARY_TERMS} concepts; seed {arguments.seed}.")
    warm_up(real, arguments.sizes[0], arguments.seed)
    results = []
    for regions in arguments.sizes:
        print(f"Measuring {regions} regions ...", flush=True)
        results.append(measure(real, regions, arguments.seed))
        print(f"  done: {results[-1].total_s:.1f} s build, {results[-1].cpu_s:.1f} CPU s", flush=True)
    add_marginal_costs(results)
    targets = check_targets(results)
    print_report(results, targets)
    run["run_seconds"] = round(time.perf_counter() - started, 1)
    data = {
        **run,
        "seed": arguments.seed,
        "glossary_terms": GLOSSARY_TERMS,
        "real_averages_per_region": averages,
        "sizes": [result.as_json() for result in results],
        "growth_wall": asdict(growth_verdict([(result.regions, result.total_s) for result in results])),
        "growth_cpu": asdict(growth_verdict([(result.regions, result.cpu_s) for result in results])),
        "targets": [asdict(target) for target in targets],
    }
    arguments.output.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print()
    print(f"Written {arguments.output}; total run time {run['run_seconds']:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
