"""Figures of ``make bench``: one measurement per number of regions, table columns, growth verdict.

The measuring itself (synthetic project, generation, ``mkdocs build``) is in ``scripts/bench.py``;
this module holds what can be computed and tested without a build.

Adding figures: write a probe ``(project, site) -> {key: value}`` and append it to
``bench.PROBES``; its values land in :attr:`Measurement.figures` and in ``bench-results.json``.
Append a :class:`Column` per key to ``bench.COLUMNS`` to show it in the printed table.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Growth is linear when the marginal cost of the last step is at most this times that of the first.
LINEAR_FACTOR = 1.5


@dataclass
class Measurement:
    """The figures for one number of regions: timings, plus whatever the probes report."""

    regions: int
    generation_s: float
    mkdocs_s: float
    generation_cpu_s: float
    mkdocs_cpu_s: float
    #: Figures from the probes (site size, pages, search index, ...) and marginal costs, by key.
    figures: dict[str, Any] = field(default_factory=dict)

    @property
    def total_s(self) -> float:
        """Whole build, wall time: generation plus ``mkdocs build``."""
        return self.generation_s + self.mkdocs_s

    @property
    def cpu_s(self) -> float:
        """CPU seconds of the whole build; unlike wall time, hardly affected by other load."""
        return self.generation_cpu_s + self.mkdocs_cpu_s

    @property
    def generator_share(self) -> float:
        return self.generation_s / self.total_s

    @property
    def cpu_ratio(self) -> float:
        """CPU time / wall time; well below 1 means the run waited for a CPU busy with other work."""
        return self.cpu_s / self.total_s

    def value(self, key: str) -> Any:
        """A timing or derived figure by attribute name, else a probe figure (None if missing)."""
        if key != "figures" and hasattr(self, key):
            return getattr(self, key)
        return self.figures.get(key)

    def as_json(self) -> dict[str, Any]:
        return {
            "regions": self.regions,
            "generation_s": round(self.generation_s, 3),
            "mkdocs_s": round(self.mkdocs_s, 3),
            "total_s": round(self.total_s, 3),
            "generation_cpu_s": round(self.generation_cpu_s, 3),
            "mkdocs_cpu_s": round(self.mkdocs_cpu_s, 3),
            "cpu_s": round(self.cpu_s, 3),
            "generator_share": round(self.generator_share, 4),
            **self.figures,
        }


@dataclass(frozen=True)
class Column:
    """One column of the printed table: a figure key, a header and how to write the value."""

    key: str
    header: str
    format: Callable[[Any], str] = str

    def cell(self, measurement: Measurement) -> str:
        value = measurement.value(self.key)
        return "-" if value is None else self.format(value)


def format_table(columns: Sequence[Column], measurements: Sequence[Measurement]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    rows = [[column.header for column in columns], *([column.cell(m) for column in columns] for m in measurements)]
    widths = [max(len(row[number]) for row in rows) for number in range(len(columns))]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.rjust(width) if number else cell.ljust(width) for number, (cell, width) in enumerate(zip(cells, widths, strict=True)))

    return "\n".join([line(rows[0]), "  ".join("-" * width for width in widths), *(line(row) for row in rows[1:])])


@dataclass(frozen=True)
class Step:
    """Cost per added region between two consecutive sizes: (t2 - t1) / (n2 - n1)."""

    from_regions: int
    to_regions: int
    per_region: float


def marginal_costs(points: Sequence[tuple[int, float]]) -> list[Step]:
    """The marginal cost of each step between consecutive (regions, seconds) points, fewest regions first."""
    ordered = sorted(points)
    steps = []
    for (n1, t1), (n2, t2) in itertools.pairwise(ordered):
        if n2 == n1:
            raise ValueError(f"two measurements for {n1} regions")
        steps.append(Step(n1, n2, (t2 - t1) / (n2 - n1)))
    return steps


@dataclass(frozen=True)
class Verdict:
    """Whether growth is linear: None when the series cannot tell (fewer than two steps)."""

    linear: bool | None
    first: Step | None
    last: Step | None
    ratio: float | None
    factor: float

    def line(self) -> str:
        if self.first is None or self.last is None:
            return "not judged: needs at least three sizes (two steps)"
        ratio = "n/a (first step does not add time)" if self.ratio is None else f"{self.ratio:.2f}x"
        outcome = {True: "linear", False: "super-linear"}.get(self.linear, "not judged")
        return (
            f"{outcome}: last step {self.last.from_regions}->{self.last.to_regions} {self.last.per_region:.3f} s/region, "
            f"first step {self.first.from_regions}->{self.first.to_regions} {self.first.per_region:.3f} s/region, "
            f"ratio {ratio} (limit {self.factor}x)"
        )


def growth_verdict(points: Sequence[tuple[int, float]], factor: float = LINEAR_FACTOR) -> Verdict:
    """Linear when the last step's marginal cost is at most ``factor`` times the first step's.

    Total time divided by regions hides a rising marginal cost behind the fixed cost of a build,
    so the verdict compares the cost per *added* region at the start and at the end of the series.
    """
    steps = marginal_costs(points)
    if len(steps) < 2:
        return Verdict(None, None, None, None, factor)
    first, last = steps[0], steps[-1]
    if first.per_region <= 0:
        # Measurement noise swamped the first step: a ratio would mean nothing.
        return Verdict(None if last.per_region > 0 else True, first, last, None, factor)
    ratio = last.per_region / first.per_region
    return Verdict(ratio <= factor, first, last, ratio, factor)


def article_bytes(html: str) -> int:
    """Bytes of a built page's content (its ``<article>``), without the theme's header and navigation."""
    start = html.find("<article")
    end = html.find("</article>", start)
    return len(html[start:end].encode("utf-8")) if start != -1 and end != -1 else 0
