"""The key-figure grid (measure × region) and one small chart per comparable measure.

A measure (``themes/measures.yaml``) means the same thing in every region; a key figure joins
it with ``measure`` and says with ``measure_note`` how it differs (another denominator, group
or unit). A chart shows one measure, and only when the measure is marked comparable and at least
two regions give a figure in the measure's own unit: figures in another unit are in the grid, with
their note, but never drawn on the same axis.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import urls
from .catalog import Catalog
from .charts import Bar, small_bar_chart
from .dutch import dutch_number
from .models import KeyFigure, Measure, Region

#: The mark after a chart label whose figure is counted differently (its note is in the table).
DIFFERENT = "*"


@dataclass(frozen=True)
class MeasureCell:
    """What one region's document gives for one measure (possibly several years, possibly nothing)."""

    region: Region
    figures: tuple[KeyFigure, ...]


@dataclass(frozen=True)
class MeasureRow:
    """One measure with a cell per region and, when it is comparable, its chart."""

    measure: Measure
    cells: tuple[MeasureCell, ...]
    #: The figures drawn in the chart, in region order (empty without a chart).
    charted: tuple[tuple[Region, KeyFigure], ...] = ()
    chart: Markup | None = None

    @property
    def anchor(self) -> str:
        return urls.measure_anchor(self.measure.id)

    @property
    def chart_anchor(self) -> str:
        return urls.measure_chart_anchor(self.measure.id)

    @property
    def filled(self) -> int:
        return sum(1 for cell in self.cells if cell.figures)


def chartable(measure: Measure, cells: tuple[MeasureCell, ...]) -> list[tuple[Region, KeyFigure]]:
    """The figures a chart of ``measure`` may show: in the measure's unit, from at least two regions."""
    if not measure.comparable:
        return []
    found = [(cell.region, figure) for cell in cells for figure in cell.figures if figure.unit == measure.unit]
    return found if len({region.id for region, _ in found}) >= 2 else []


def _bar_label(region: Region, figure: KeyFigure, several: bool) -> str:
    """The region's name, with the year when the region gives several figures or any has a year."""
    return f"{region.name} ({figure.year})" if figure.year else (f"{region.name}: {figure.label}" if several else region.name)


def measure_chart(measure: Measure, charted: list[tuple[Region, KeyFigure]]) -> Markup:
    counts: dict[str, int] = {}
    for region, _ in charted:
        counts[region.id] = counts.get(region.id, 0) + 1
    bars = [Bar(_bar_label(region, figure, counts[region.id] > 1), float(figure.value), DIFFERENT if figure.measure_note else "") for region, figure in charted]
    shown_unit = "%" if measure.unit == "%" else ""
    values = "; ".join(
        f"{_bar_label(region, figure, counts[region.id] > 1)}: {dutch_number(figure.value)} {measure.unit}"
        + (" (anders geteld, zie de tabel)" if figure.measure_note else "")
        for region, figure in charted
    )
    return small_bar_chart(
        urls.measure_chart_anchor(measure.id),
        f"{measure.name} ({measure.unit}), per regio",
        f"Staafdiagram, één staaf per regio. {values}. De tabel onder de grafiek geeft dezelfde cijfers met jaar, bron en toelichting.",
        bars,
        shown_unit,
    )


def measure_rows(catalog: Catalog) -> list[MeasureRow]:
    """Every measure of the catalog as a grid row, in the order of ``themes/measures.yaml``."""
    rows = []
    for measure in catalog.measures:
        cells = tuple(MeasureCell(region, tuple(figure for figure in region.key_figures if figure.measure == measure.id)) for region in catalog.regions)
        charted = chartable(measure, cells)
        rows.append(MeasureRow(measure, cells, tuple(charted), measure_chart(measure, charted) if charted else None))
    return rows


def unmeasured(region: Region) -> list[KeyFigure]:
    """The region's key figures that fit no measure."""
    return [figure for figure in region.key_figures if figure.measure is None]
