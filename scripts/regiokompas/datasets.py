"""Open data: every item as CSV (Dutch Excel) and JSON, described by a Data Package and JSON Schema.

One table per kind of item (principles, topics, actions, indicators, key figures, milestones,
theme assignments, yardstick assessments), for all regions together (``downloads/<kind>.csv``) and
per region (``downloads/regios/<region>-<kind>.csv``), plus the glossary (``downloads/begrippen.csv``),
the points of the national yardsticks (``maatstafpunten``) and the measures of the key-figure grid
(``maten``). The yardstick tables exist only when ``yardsticks/`` has a yardstick, the measures
table only when ``themes/measures.yaml`` exists: the package lists what the site shows.
The columns, their types and their Dutch descriptions come from the pydantic models, so the
downloads, ``datapackage.json``, the JSON Schema files and the "Gegevens" page cannot drift apart.

Every CSV goes through :func:`csv_bytes`: UTF-8 with BOM, ``;``, CRLF, decimal comma, and text
that a spreadsheet would run as a formula is neutralised with a leading ``'``. JSON keeps values
exactly as they are.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from . import urls
from .catalog import MEASURES_FILE, Catalog, item_places
from .context import SiteContext
from .dutch import dutch_date
from .escape import markdown_text
from .glossary import TermIndex
from .models import (
    Action,
    Concept,
    Document,
    ExternalSource,
    GlossaryDefinition,
    Indicator,
    KeyFigure,
    Mapping,
    Measure,
    Milestone,
    Principle,
    Region,
    Source,
    Sourced,
    Tagged,
    Theme,
    Topic,
    Yardstick,
    YardstickPoint,
)
from .pagetools import page_context
from .render import render

DOWNLOADS = urls.DOWNLOADS
PAGE = urls.data_page()
PACKAGE_FILE = urls.download("datapackage.json")
JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: The licences, in one place: the data package, the "Gegevens" page and the tests read them here;
#: README.md, mkdocs.yml (``copyright:``) and pyproject.toml must say the same (a test checks that).
CODE_LICENSE = {
    "name": "EUPL-1.2",
    "title": "European Union Public Licence 1.2",
    "path": "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
}
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
    "path": "https://creativecommons.org/licenses/by/4.0/deed.nl",
}
SOURCE_NOTICE = "De brondocumenten blijven publicaties van de regio's; hun auteursrecht ligt bij de regio's."

#: A cell starting with one of these is run as a formula (or DDE) by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
LIST_DELIMITER = ","
TRUE, FALSE = "ja", "nee"


# --- CSV -----------------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """Prefix ``'`` to text that a spreadsheet would run as a formula.

    Text that already starts with ``'`` before such a character gets one more, so the rule can be
    undone without loss: strip one leading ``'`` when the rest, without its leading ``'``, starts
    with a trigger.
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_TRIGGERS) else text


def decimal_comma(value: float | int) -> str:
    """``9.1`` as ``9,1`` (no thousands separator, no exponent)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f").replace(".", ",")


def csv_cell(value: object) -> str:
    """One CSV cell for Dutch Excel: numbers with a decimal comma, ``ja``/``nee``, lists joined by
    commas; text (and lists) neutralised against formula injection. Numbers are written by us and
    never neutralised, so ``-2`` in a number column stays a number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if isinstance(value, (int, float)):
        return decimal_comma(value)
    if isinstance(value, (list, tuple)):
        return neutralise(LIST_DELIMITER.join(str(item) for item in value))
    return neutralise(str(value))


def csv_bytes(rows: Sequence[dict[str, object]], fieldnames: Sequence[str] | None = None) -> bytes:
    """CSV for Dutch Excel: UTF-8 with BOM, semicolons, CRLF line ends, one header row.

    The one writer for every download (the glossary's too). ``fieldnames`` is required when
    ``rows`` may be empty, so an empty table still has its header.
    """
    if fieldnames is None:
        if not rows:
            raise ValueError("csv_bytes needs fieldnames for an empty table")
        fieldnames = list(rows[0])
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(list(fieldnames))
    for row in rows:
        writer.writerow([csv_cell(row.get(name)) for name in fieldnames])
    return "\ufeff".encode("utf-8") + buffer.getvalue().encode("utf-8")


def json_bytes(data: object) -> bytes:
    """Stable, pretty-printed UTF-8 JSON with a final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def json_rows_bytes(rows: Sequence[object]) -> bytes:
    """A JSON array with one row per line: readable, diffable and quick to write."""
    if not rows:
        return b"[]\n"
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return f"[\n{lines}\n]\n".encode()


# --- URLs, dates -------------------------------------------------------------------------------------


#: item_places of the regions seen last (by object identity): one walk per region, not per item.
_PLACES: dict[int, tuple[Region, dict[str, urls.ItemPlace]]] = {}


def _places(region: Region) -> dict[str, urls.ItemPlace]:
    cached = _PLACES.get(id(region))
    if cached is None or cached[0] is not region:
        if len(_PLACES) > 64:
            _PLACES.clear()
        cached = _PLACES[id(region)] = (region, item_places(region))
    return cached[1]


def item_url(region: Region, item_id: str) -> str:
    """The address of an item, relative to the site root: ``regios/<region>/<page>/#<item>``.

    The URL module decides the page; the item id is the anchor and never changes.
    """
    place = _places(region)[item_id]
    return urls.address(*urls.item(region.id, item_id, place.kind, place.parent_kind, place.part))


def build_date() -> str:
    """The build date (``YYYY-MM-DD``, UTC): ``SOURCE_DATE_EPOCH`` when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        moment = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else datetime.now(UTC)
    except (ValueError, OverflowError, OSError):
        moment = datetime.now(UTC)
    return moment.date().isoformat()


# --- Columns from the models ---------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a download: name, JSON Schema of its value, Dutch description, how to read it."""

    name: str
    spec: dict[str, Any]
    description: str
    required: bool
    get: Callable[[Region, Any], Any]


@cache
def _properties(model: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Properties and definitions of the model's JSON Schema (callers must not change them)."""
    schema = model.model_json_schema()
    return schema.get("properties", {}), schema.get("$defs", {})


def _clean(spec: dict[str, Any]) -> dict[str, Any]:
    """The value part of a pydantic property schema (without title, default and examples)."""
    if isinstance(spec, dict):
        return {
            key: {name: _clean(value) for name, value in value.items()} if key in ("properties", "$defs") else _clean(value)
            for key, value in spec.items()
            if key not in ("title", "default", "examples")
        }
    if isinstance(spec, list):
        return [_clean(value) for value in spec]
    return spec


def field_column(model: type[BaseModel], name: str, column: str | None = None, prefix: str = "", get: Callable[[Region, Any], Any] | None = None) -> Column:
    """A column taken from ``model.name``: its schema, its description and whether it is required."""
    properties, _ = _properties(model)
    field = model.model_fields[name]
    return Column(
        name=column or name,
        spec=_clean(properties[name]),
        description=prefix + _lower_first(field.description or "") if prefix else field.description or "",
        required=field.is_required(),
        get=get or (lambda region, item, name=name: _plain(getattr(item, name))),
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _documents(region: Region) -> dict[str, Document]:
    return {document.id: document for document in region.documents}


def region_columns() -> list[Column]:
    return [
        field_column(Region, "id", "region", "Id van de regio, ", get=lambda region, item: region.id),
        field_column(Region, "name", "region_name", get=lambda region, item: region.name),
    ]


def source_columns() -> list[Column]:
    columns = [
        field_column(Source, name, f"source_{name}", "Vindplaats: ", get=lambda region, item, name=name: getattr(item.source, name))
        for name in ("document", "section", "page", "quote")
    ]
    title = field_column(Document, "title", "source_title", "Vindplaats: ", get=lambda region, item: _documents(region)[item.source.document].title)
    return columns[:1] + [title] + columns[1:]


def url_column() -> Column:
    return Column(
        name="url",
        spec={"type": "string", "pattern": r"^regios/[a-z0-9-]+/([a-z0-9-]+/)?#[a-z0-9-]+$"},
        description="Vaste link naar het item op deze site, te plakken achter het adres van de site.",
        required=True,
        get=lambda region, item: item_url(region, item.id),
    )


@dataclass(frozen=True)
class Kind:
    """One kind of item: its file name, its Dutch name and where it lives in a region."""

    slug: str
    title: str
    description: str
    attribute: str
    model: type[BaseModel]

    def columns(self) -> list[Column]:
        """``id``, the region, every field of the model in model order, the source and the URL."""
        inherited = [name for name in Tagged.model_fields if name != "source"]
        own = [name for name in self.model.model_fields if name not in ("id", "source", *inherited)]
        fields = own + [name for name in inherited if name in self.model.model_fields]
        return [
            field_column(self.model, "id"),
            *region_columns(),
            *(field_column(self.model, name) for name in fields),
            *source_columns(),
            url_column(),
        ]

    def items(self, region: Region) -> list[Any]:
        return list(getattr(region, self.attribute))


KINDS = [
    Kind("principes", "Principes", "Leidende principes, uitgangspunten en voorwaarden.", "principles", Principle),
    Kind("onderwerpen", "Onderwerpen", "Andere onderwerpen van het document: hoofdstukken, opgaven, paragrafen, bijlagen.", "topics", Topic),
    Kind("acties", "Acties", "Concrete acties, actielijnen en maatregelen, met eigenaar, niveau en planning.", "actions", Action),
    Kind("indicatoren", "Indicatoren", "Wat de regio's meten of willen meten, met gewenste richting en nulmeting.", "indicators", Indicator),
    Kind("kerncijfers", "Kerncijfers", "Kerncijfers: waarde, eenheid, jaar en wat er precies geteld is.", "key_figures", KeyFigure),
    Kind("mijlpalen", "Mijlpalen", "Gedateerde stappen uit de documenten.", "milestones", Milestone),
]
TAGGED_KINDS = {"principes": "principe", "onderwerpen": "onderwerp", "acties": "actie", "indicatoren": "indicator", "kerncijfers": "kerncijfer"}
ASSIGNMENTS = "themakoppelingen"
GLOSSARY = "begrippen"


@dataclass(frozen=True)
class Assignment:
    """One theme assigned to one item (a row of ``themakoppelingen``)."""

    id: str
    kind: str
    theme: Theme


def assignment_columns() -> list[Column]:
    item_ids = {"type": "string", "pattern": _properties(Principle)[0]["id"]["pattern"]}
    return [
        Column("item_id", item_ids, "Id van het item (principe, onderwerp, actie, indicator of kerncijfer).", True, lambda region, row: row.id),
        *region_columns(),
        Column("item_kind", {"enum": sorted(TAGGED_KINDS.values()), "type": "string"}, "Soort item.", True, lambda region, row: row.kind),
        field_column(Theme, "id", "theme", get=lambda region, row: row.theme.id),
        field_column(Theme, "name", "theme_name", get=lambda region, row: row.theme.name),
        Column("url", url_column().spec, url_column().description, True, lambda region, row: item_url(region, row.id)),
    ]


def assignments(region: Region, themes: dict[str, Theme]) -> list[Assignment]:
    rows = []
    for kind in KINDS:
        if kind.slug in TAGGED_KINDS:
            for item in kind.items(region):
                rows.extend(Assignment(item.id, TAGGED_KINDS[kind.slug], themes[theme]) for theme in item.themes)
    return rows


# --- National yardsticks and measures -----------------------------------------------------------

YARDSTICKS = "maatstaven"
YARDSTICK_POINTS = "maatstafpunten"
MEASURES = "maten"
#: The status of a derived row: no mapping for this point and region (the site's "niet behandeld in het document").
NOT_ADDRESSED = "niet behandeld"


@dataclass(frozen=True)
class Assessment:
    """One row of ``maatstaven``: a mapping, or (``mapping`` None) a point a region has no mapping for."""

    yardstick: Yardstick
    point: YardstickPoint
    mapping: Mapping | None


def assessments(catalog: Catalog, region: Region) -> list[Assessment]:
    """Per yardstick and point: the region's mappings in file order, or one derived row without a mapping."""
    rows = []
    for yardstick in catalog.yardsticks:
        for point in yardstick.points:
            mappings = [mapping for mapping in yardstick.mappings if mapping.point == point.id and mapping.region == region.id]
            rows.extend(Assessment(yardstick, point, mapping) for mapping in mappings or [None])
    return rows


def optional(column: Column, note: str = "") -> Column:
    """``column`` that may be empty (``null`` in JSON), with ``note`` added to its description."""
    spec = column.spec if "anyOf" in column.spec else {"anyOf": [column.spec, {"type": "null"}]}
    return replace(column, spec=spec, required=False, description=f"{column.description} {note}".strip())


def _of_mapping(column: Column) -> Column:
    """A mapping's column read from an :class:`Assessment`; empty in a derived row."""
    return replace(
        optional(column, "Leeg in een afgeleide rij."),
        get=lambda region, row, get=column.get: None if row.mapping is None else get(region, row.mapping),
    )


def point_url(yardstick: Yardstick, point: YardstickPoint) -> str:
    """The address of a point: its section on the page of its yardstick."""
    return urls.address(urls.yardstick(yardstick.id), point.id)


#: A point's or a measure's address on a comparison page: ``vergelijking/<page>/#<anchor>``.
COMPARISON_URL = {"type": "string", "pattern": rf"^{urls.COMPARISON}/[a-z0-9-]+/#[a-z0-9-]+$"}


def _point_url_column(name: str, description: str) -> Column:
    return Column(name, COMPARISON_URL, description, True, lambda region, row: point_url(row.yardstick, row.point))


def _yardstick_columns() -> list[Column]:
    return [
        field_column(Yardstick, "id", "yardstick", "Id van de maatstaf, ", get=lambda region, row: row.yardstick.id),
        field_column(Yardstick, "name", "yardstick_name", "Maatstaf: ", get=lambda region, row: row.yardstick.name),
    ]


def assessment_columns() -> list[Column]:
    """The columns of ``maatstaven``: which point, which region, what the data says, and on what it rests."""
    status = field_column(Mapping, "status", get=lambda region, row: NOT_ADDRESSED if row.mapping is None else row.mapping.status)
    status = replace(
        status,
        spec={**status.spec, "enum": sorted([*status.spec["enum"], NOT_ADDRESSED])},
        description=(
            f"{status.description} In deze tabel staat `{NOT_ADDRESSED}` in een afgeleide rij (`derived` is `ja`): "
            "geen koppeling, dus niet behandeld in het document; dat is geen oordeel over de regio."
        ),
    )
    item_urls = {"type": "array", "items": url_column().spec}
    items = field_column(Mapping, "items")
    return [
        *_yardstick_columns(),
        field_column(YardstickPoint, "id", "point", "Eis of thema: ", get=lambda region, row: row.point.id),
        field_column(YardstickPoint, "title", "point_title", "Eis of thema: ", get=lambda region, row: row.point.title),
        *region_columns(),
        status,
        Column(
            "derived",
            {"type": "boolean"},
            (
                "`nee`: een koppeling uit de gegevens (`yardsticks/<id>.yaml`). `ja`: een rij die de site afleidt omdat er "
                "voor dit punt en deze regio geen koppeling is; zo heeft elke combinatie van punt en regio minstens één rij. "
                "Tel regio's, geen rijen: een regio kan bij één punt meer dan één koppeling hebben."
            ),
            True,
            lambda region, row: row.mapping is None,
        ),
        _of_mapping(field_column(Mapping, "said_by")),
        replace(
            items,
            description=f"{items.description} Leeg in een afgeleide rij.",
            get=lambda region, row: [] if row.mapping is None else list(row.mapping.items),
        ),
        Column(
            "item_urls",
            item_urls,
            "Vaste links naar de items, in dezelfde volgorde als `items`; leeg in een afgeleide rij.",
            False,
            lambda region, row: [] if row.mapping is None else [item_url(region, item) for item in row.mapping.items],
        ),
        _of_mapping(field_column(Mapping, "reason")),
        *(_of_mapping(column) for column in source_columns()),
        _point_url_column("point_url", "Vaste link naar het punt op de pagina van de maatstaf, te plakken achter het adres van de site."),
    ]


@dataclass(frozen=True)
class PointRow:
    """One row of ``maatstafpunten``: a point with the yardstick it belongs to."""

    yardstick: Yardstick
    point: YardstickPoint


def point_columns() -> list[Column]:
    """The columns of ``maatstafpunten``: every point of every yardstick with its sources."""

    def external(name: str) -> Column:
        column = field_column(ExternalSource, name, f"external_{name}", "Bron buiten de documenten: ")
        return replace(
            optional(column, "Alleen als de eis niet in de documenten staat."),
            get=lambda region, row: None if row.point.external is None else getattr(row.point.external, name),
        )

    return [
        field_column(YardstickPoint, "id", get=lambda region, row: row.point.id),
        *_yardstick_columns(),
        field_column(Yardstick, "kind", "yardstick_kind", "Maatstaf: ", get=lambda region, row: row.yardstick.kind),
        field_column(YardstickPoint, "title", get=lambda region, row: row.point.title),
        field_column(YardstickPoint, "summary", get=lambda region, row: row.point.summary),
        field_column(YardstickPoint, "sources", get=lambda region, row: _plain(row.point.sources)),
        *(external(name) for name in ExternalSource.model_fields),
        _point_url_column("url", "Vaste link naar de eis of het thema op de pagina van de maatstaf, te plakken achter het adres van de site."),
    ]


def point_table(catalog: Catalog) -> Table:
    columns = point_columns()
    rows = [{column.name: column.get(None, PointRow(yardstick, point)) for column in columns} for yardstick in catalog.yardsticks for point in yardstick.points]  # type: ignore[arg-type]
    description = "De eisen en thema's van de landelijke maatstaven, met de passages in de documenten die ze noemen: één rij per punt."
    return Table(YARDSTICK_POINTS, "Maatstafpunten", description, columns, rows, ["id"], YardstickPoint)


def measure_table(catalog: Catalog) -> Table:
    columns = [field_column(Measure, name, get=lambda region, measure, name=name: getattr(measure, name)) for name in Measure.model_fields]
    columns.append(
        Column(
            "url",
            COMPARISON_URL,
            "Vaste link naar de rij van de maat in het vergelijkingsrooster van de kerncijfers.",
            True,
            lambda region, measure: urls.address(urls.key_figures(), urls.measure_anchor(measure.id)),
        )
    )
    rows = [{column.name: column.get(None, measure) for column in columns} for measure in catalog.measures]  # type: ignore[arg-type]
    description = "De maten van het vergelijkingsrooster: wat een kerncijfer meet als het in elke regio hetzelfde betekent (kolom measure van de kerncijfers)."
    return Table(MEASURES, "Maten", description, columns, rows, ["id"], Measure)


# --- Tables --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """One downloadable table: its columns and its rows as JSON values."""

    slug: str
    title: str
    description: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    primary_key: list[str]
    #: The model whose definitions (``$defs``) the JSON Schema may need.
    model: type[BaseModel] | None = None


def tables(catalog: Catalog, regions: Iterable[Region]) -> list[Table]:
    """The tables of every kind for ``regions`` (all regions or one), in a fixed order."""
    regions = list(regions)
    themes = {theme.id: theme for theme in catalog.themes}
    found = []
    for kind in KINDS:
        columns = kind.columns()
        rows = [{column.name: column.get(region, item) for column in columns} for region in regions for item in kind.items(region)]
        found.append(Table(kind.slug, kind.title, kind.description, columns, rows, ["id"], kind.model))
    columns = assignment_columns()
    rows = [{column.name: column.get(region, row) for column in columns} for region in regions for row in assignments(region, themes)]
    found.append(Table(ASSIGNMENTS, "Themakoppelingen", "Welk item bij welk thema hoort: één rij per item en thema.", columns, rows, ["item_id", "theme"]))
    if catalog.yardsticks:
        columns = assessment_columns()
        rows = [{column.name: column.get(region, row) for column in columns} for region in regions for row in assessments(catalog, region)]
        description = (
            "Hoe de regio's de eisen en thema's van de landelijke maatstaven behandelen: één rij per koppeling (een oordeel van "
            "de redactie of een eigen uitspraak van de regio), en een afgeleide rij ‘niet behandeld’ voor elk punt zonder koppeling."
        )
        found.append(Table(YARDSTICKS, "Maatstaven", description, columns, rows, ["point", "region", "status", "said_by"]))
    return found


def catalog_tables(catalog: Catalog) -> list[Table]:
    """The tables that belong to no region: the yardstick points and the measures (when the site has them)."""
    return ([point_table(catalog)] if catalog.yardsticks else []) + ([measure_table(catalog)] if catalog.measures else [])


def _glossary_columns() -> list[Column]:
    def source(name: str) -> Callable[[Region, Any], Any]:
        return lambda region, row: getattr(row[2].source, name)

    return [
        field_column(Concept, "id", "begrip_id", get=lambda region, row: row[0].id),
        field_column(Concept, "term", get=lambda region, row: row[0].term),
        field_column(Concept, "abbreviations", "afkortingen", get=lambda region, row: row[0].abbreviations),
        field_column(Concept, "summary", "samenvatting", get=lambda region, row: row[0].summary),
        field_column(Region, "name", "regio", get=lambda region, row: row[1]),
        field_column(GlossaryDefinition, "term", "term_in_document", get=lambda region, row: row[2].term),
        field_column(GlossaryDefinition, "definition", "definitie", get=lambda region, row: row[2].definition),
        field_column(Source, "document", "bron_document", "Vindplaats: ", get=source("document")),
        field_column(Source, "section", "bron_sectie", "Vindplaats: ", get=source("section")),
        field_column(Source, "page", "bron_pagina", "Vindplaats: ", get=source("page")),
        field_column(Source, "quote", "bron_citaat", "Vindplaats: ", get=source("quote")),
    ]


def glossary_table(catalog: Catalog) -> Table:
    """One row per region definition of a concept (the glossary CSV)."""
    names = {region.id: region.name for region in catalog.regions}
    columns = _glossary_columns()
    rows = [
        {column.name: column.get(None, (concept, names[region_id], entry)) for column in columns}  # type: ignore[arg-type]
        for concept in catalog.concepts
        for region_id, entry in catalog.definitions.get(concept.id, [])
    ]
    return Table(GLOSSARY, "Begrippen", "De begrippen en hoe elke regio ze omschrijft: één rij per begrip en regio.", columns, rows, [])


def glossary_json(catalog: Catalog) -> list[dict[str, Any]]:
    """The glossary as nested JSON: one object per concept with the definitions of the regions."""
    names = {region.id: region.name for region in catalog.regions}
    return [
        {
            "id": concept.id,
            "term": concept.term,
            "afkortingen": concept.abbreviations,
            "varianten": concept.variants,
            "samenvatting": concept.summary,
            "verwant": concept.related,
            "themas": concept.themes,
            "definities": [
                {
                    "regio": names[region_id],
                    "term_in_document": entry.term,
                    "definitie": entry.definition,
                    "bron": entry.source.model_dump(exclude_none=True),
                }
                for region_id, entry in catalog.definitions.get(concept.id, [])
            ],
        }
        for concept in catalog.concepts
    ]


def _csv_rows(table: Table) -> list[dict[str, object]]:
    """Rows ready for :func:`csv_bytes`: nested values (parts) become readable text."""
    return [{name: _flat(value) for name, value in row.items()} for row in table.rows]


def _flat(value: Any) -> Any:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        if "quote" in value[0]:  # sources: one paragraph each
            return "\n\n".join(_source_text(source) for source in value)
        return "\n\n".join("\n".join([part["title"], *(f"* {point}" for point in part["points"])]) for part in value)
    return value


def _source_text(source: dict[str, Any]) -> str:
    """A source as one CSV paragraph: ``document > section, p. N: "quote"``."""
    page = f", p. {source['page']}" if source.get("page") else ""
    return f'{source["document"]} > {source["section"]}{page}: "{source["quote"]}"'


# --- Descriptions: Table Schema and JSON Schema -------------------------------------------------


def _value_spec(spec: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The non-null alternative of ``spec`` and whether null is allowed."""
    options = spec.get("anyOf")
    if not options:
        return spec, False
    values = [option for option in options if option.get("type") != "null"]
    nullable = len(values) < len(options)
    if len(values) == 1:
        return values[0], nullable
    if all(option.get("type") in ("number", "integer") for option in values):
        return {"type": "number"}, nullable
    return {}, nullable


def table_field(column: Column) -> dict[str, Any]:
    """The Table Schema field of ``column`` as it is written in the CSV."""
    spec, _ = _value_spec(column.spec)
    field: dict[str, Any] = {"name": column.name, "description": column.description}
    constraints: dict[str, Any] = {"required": True} if column.required else {}
    kind = spec.get("type")
    if kind == "integer":
        field["type"] = "integer"
        constraints.update({key: spec[key] for key in ("minimum", "maximum") if key in spec})
    elif kind == "number":
        field.update(type="number", decimalChar=",")
    elif kind == "boolean":
        field.update(type="boolean", trueValues=[TRUE], falseValues=[FALSE])
        field["description"] += f" In de CSV: `{TRUE}` of `{FALSE}`."
    elif kind == "array" and "$ref" not in spec.get("items", {}):
        field.update(type="list", delimiter=LIST_DELIMITER, itemType="string")
        if spec.get("minItems"):
            constraints["required"] = True
    else:
        field["type"] = "string"
        if kind == "array" and spec["items"]["$ref"].endswith("/Source"):
            field["description"] += ' In de CSV: per vindplaats één alinea, `document > sectie, p. N: "citaat"`.'
        elif kind == "array":
            field["description"] += " In de CSV: per onderdeel het kopje en daaronder de punten (beginnend met `* `)."
        for key in ("pattern", "enum", "maxLength"):
            if key in spec:
                constraints[key] = spec[key]
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [table_field(column) for column in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = table.primary_key
    return schema


def _with_description(spec: dict[str, Any], description: str) -> dict[str, Any]:
    return {**spec, "description": description}


def json_schema(table: Table) -> dict[str, Any]:
    """JSON Schema of a JSON download: an array of rows with exactly the CSV's columns."""
    model = table_model(table)
    definitions = _clean(_properties(model)[1]) if model is not None else {}
    schema = {
        "$schema": JSON_SCHEMA_DRAFT,
        "title": f"Regiokompas Jeugdhulp: {table.title.lower()}",
        "description": table.description + " Gemaakt uit het gegevensmodel van de site.",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {column.name: _with_description(column.spec, column.description) for column in table.columns},
            "required": [column.name for column in table.columns],
            "additionalProperties": False,
        },
    }
    used = json.dumps(schema["items"])
    definitions = {name: spec for name, spec in definitions.items() if f'"#/$defs/{name}"' in used}
    if definitions:
        schema["$defs"] = dict(sorted(definitions.items()))
    return schema


def table_model(table: Table) -> type[BaseModel] | None:
    return table.model


def glossary_schema() -> dict[str, Any]:
    """JSON Schema of ``begrippen.json`` (nested: concept with its regions' definitions)."""
    concept, _ = _properties(Concept)
    definition, _ = _properties(GlossaryDefinition)
    source, _ = _properties(Source)
    region, _ = _properties(Region)

    def prop(specs: dict[str, Any], name: str) -> dict[str, Any]:
        return _clean(specs[name])

    definition_schema = {
        "type": "object",
        "properties": {
            "regio": _with_description(prop(region, "name"), Region.model_fields["name"].description or ""),
            "term_in_document": prop(definition, "term"),
            "definitie": prop(definition, "definition"),
            "bron": {
                "type": "object",
                "description": Sourced.model_fields["source"].description or "",
                "properties": {name: prop(source, name) for name in Source.model_fields},
                "required": [name for name, field in Source.model_fields.items() if field.is_required()],
                "additionalProperties": False,
            },
        },
        "required": ["regio", "term_in_document", "definitie", "bron"],
        "additionalProperties": False,
    }
    names = {
        "id": "id",
        "term": "term",
        "afkortingen": "abbreviations",
        "varianten": "variants",
        "samenvatting": "summary",
        "verwant": "related",
        "themas": "themes",
    }
    properties = {key: prop(concept, name) for key, name in names.items()}
    properties["definities"] = {"type": "array", "description": "Hoe elke regio het begrip omschrijft.", "items": definition_schema}
    return {
        "$schema": JSON_SCHEMA_DRAFT,
        "title": "Regiokompas Jeugdhulp: begrippen",
        "description": "De gezamenlijke begrippenlijst met de omschrijving van elke regio. Gemaakt uit het gegevensmodel van de site.",
        "type": "array",
        "items": {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False},
    }


# --- Files -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Download:
    """One file under ``docs/downloads/`` with what the "Gegevens" page says about it."""

    path: str  # relative to docs/
    content: bytes
    title: str
    description: str
    rows: int | None
    files: tuple[str, ...]  # data files it is made from (for "laatst gewijzigd")
    resource: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.removeprefix(f"{DOWNLOADS}/")


def _resource(name: str, path: str, content: bytes, title: str, description: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        "title": title,
        "description": description,
        **extra,
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
    }


CSV_DIALECT = {"delimiter": ";", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}


def _table_downloads(table: Table, folder: str, scope: str, files: tuple[str, ...], json_data: Any = None) -> list[Download]:
    """The CSV and the JSON file of ``table`` under ``downloads/<folder>``."""
    base = f"{folder}{table.slug}"
    name = base.replace("/", "-")
    csv_content = csv_bytes(_csv_rows(table), [column.name for column in table.columns])
    json_content = json_rows_bytes(table.rows if json_data is None else json_data)
    schema_path = f"schema/{table.slug}.schema.json"
    description = f"{table.description} {scope[:1].upper()}{scope[1:]}."
    return [
        Download(
            f"{DOWNLOADS}/{base}.csv",
            csv_content,
            f"{table.title} (CSV)",
            description,
            len(table.rows),
            files,
            _resource(
                f"{name}-csv",
                f"{base}.csv",
                csv_content,
                f"{table.title}, {scope} (CSV)",
                description,
                profile="tabular-data-resource",
                format="csv",
                mediatype="text/csv",
                encoding="utf-8",
                dialect=CSV_DIALECT,
                schema=table_schema(table),
            ),
        ),
        Download(
            f"{DOWNLOADS}/{base}.json",
            json_content,
            f"{table.title} (JSON)",
            description,
            len(table.rows) if json_data is None else len(json_data),
            files,
            _resource(
                f"{name}-json",
                f"{base}.json",
                json_content,
                f"{table.title}, {scope} (JSON)",
                description,
                profile="data-resource",
                format="json",
                mediatype="application/json",
                encoding="utf-8",
                jsonSchema=schema_path,
            ),
        ),
    ]


def region_prefix(region_id: str) -> str:
    """Per-region files: ``downloads/regios/<region>-<kind>.csv`` (unique names once downloaded)."""
    return f"regios/{region_id}-"


def downloads(catalog: Catalog) -> list[Download]:
    """Every data file: all regions, per region, the glossary, the JSON Schemas."""
    all_files = tuple(catalog.region_files[region.id] for region in catalog.regions)
    found: list[Download] = []
    schemas: dict[str, dict[str, Any]] = {}
    yardstick_files = tuple(catalog.yardstick_files[yardstick.id] for yardstick in catalog.yardsticks)
    #: The data files a table is made from besides the region files (or instead of them, for the catalog tables).
    extra_files = {
        ASSIGNMENTS: ("themes/themes.yaml",),
        YARDSTICKS: yardstick_files,
        YARDSTICK_POINTS: yardstick_files,
        MEASURES: (MEASURES_FILE.as_posix(),),
    }
    for table in tables(catalog, catalog.regions):
        found += _table_downloads(table, "", "alle regio's", all_files + extra_files.get(table.slug, ()))
        schemas[table.slug] = json_schema(table)
    for table in catalog_tables(catalog):
        found += _table_downloads(table, "", "alle regio's", extra_files[table.slug])
        schemas[table.slug] = json_schema(table)
    glossary = glossary_table(catalog)
    glossary_files = tuple(sorted(catalog.glossary_files.values())) + ("glossary/begrippen.yaml",)
    found += _table_downloads(glossary, "", "alle regio's", glossary_files, json_data=glossary_json(catalog))
    schemas[GLOSSARY] = glossary_schema()
    for region in catalog.regions:
        for table in tables(catalog, [region]):
            files = (catalog.region_files[region.id],) + extra_files.get(table.slug, ())
            found += _table_downloads(table, region_prefix(region.id), f"alleen {region.name}", files)
    for slug, schema in schemas.items():
        content = json_bytes(schema)
        path = f"schema/{slug}.schema.json"
        found.append(
            Download(
                f"{DOWNLOADS}/{path}",
                content,
                f"JSON Schema: {slug}",
                f"Beschrijving van de JSON-bestanden {slug}.json.",
                None,
                (),
                _resource(
                    f"schema-{slug}",
                    path,
                    content,
                    f"JSON Schema van {slug}.json",
                    f"Beschrijft de JSON-bestanden {slug}.json.",
                    profile="data-resource",
                    type="json",
                    format="json",
                    mediatype="application/schema+json",
                    encoding="utf-8",
                ),
            )
        )
    return found


def data_package(catalog: Catalog, files: list[Download]) -> dict[str, Any]:
    """The Frictionless Data Package descriptor that lists and describes every download."""
    return {
        "profile": "data-package",
        "name": "regiokompas-jeugdhulp",
        "title": "Regiokompas Jeugdhulp",
        "description": (
            "De regiovisies jeugdhulp van " + ", ".join(region.name for region in catalog.regions) + " als open data: "
            "principes, onderwerpen, acties, indicatoren, kerncijfers, mijlpalen, themakoppelingen en begrippen, "
            "elk item met de vindplaats in het brondocument"
            + ("; de landelijke maatstaven (eisen en thema's) en hoe de regio's ze behandelen" if catalog.yardsticks else "")
            + ("; de maten waarmee de kerncijfers worden vergeleken" if catalog.measures else "")
            + ". CSV-bestanden: UTF-8 met BOM, puntkomma, CRLF, "
            "decimale komma, ja/nee; tekst die met =, +, -, @, tab of regelterugloop begint, staat er met een ' voor. "
            "JSON-bestanden: elk met een JSON Schema (eigenschap jsonSchema). " + SOURCE_NOTICE
        ),
        "licenses": [DATA_LICENSE],
        "resources": [download.resource for download in files],
    }


# --- The "Gegevens" page -------------------------------------------------------------------------


def dutch_size(size: int) -> str:
    """Bytes as ``12,3 kB`` (1 kB = 1000 bytes)."""
    if size < 1000:
        return f"{size} bytes"
    factor, unit = (1000, "kB") if size < 1000**2 else (1000**2, "MB")
    return f"{size / factor:.1f}".replace(".", ",") + f" {unit}"


def size_markup(size: int) -> Markup:
    """:func:`dutch_size` for a page: escaped, with a no-break space before the unit."""
    return Markup(markdown_text(dutch_size(size)).replace(" ", "&nbsp;"))


@dataclass(frozen=True)
class PageRow:
    """One row of a download table on the page: the CSV and the JSON of one table."""

    title: str
    description: str
    rows: int
    csv: Download
    json: Download
    changed: str | None


def _page_rows(found: list[Download], prefix: str, changed: Callable[[tuple[str, ...]], str | None], slugs: list[str]) -> list[PageRow]:
    by_path = {download.path: download for download in found}
    result = []
    for slug in slugs:
        csv_file, json_file = by_path[f"{DOWNLOADS}/{prefix}{slug}.csv"], by_path[f"{DOWNLOADS}/{prefix}{slug}.json"]
        result.append(
            PageRow(
                csv_file.title.removesuffix(" (CSV)"),
                csv_file.description,
                csv_file.rows or 0,
                csv_file,
                json_file,
                changed(csv_file.files),
            )
        )
    return result


def _example(catalog: Catalog) -> dict[str, str] | None:
    """The first principle of the first region, for the example citation."""
    for region in catalog.regions:
        for principle in region.principles:
            documents = _documents(region)
            return {
                "region": region.name,
                "title": principle.title.rstrip("."),
                "url": item_url(region, principle.id),
                "page": urls.item(region.id, principle.id, "principles")[0],
                "anchor": principle.id,
                "document": documents[principle.source.document].title,
                "section": principle.source.section,
            }
    return None


TYPE_LABELS = {"string": "tekst", "integer": "geheel getal", "number": "getal", "boolean": "ja/nee", "list": "lijst"}


def _column_rows(columns: list[Column]) -> list[dict[str, Any]]:
    """Name, Dutch type, required and description of each column, for the page."""
    rows = []
    for column in columns:
        field = table_field(column)
        required = bool(field.get("constraints", {}).get("required"))
        rows.append({"name": column.name, "type": TYPE_LABELS[field["type"]], "required": required, "description": field["description"]})
    return rows


def dataset_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str | bytes]:
    """Every download, ``datapackage.json`` and the "Gegevens" page that lists them."""
    found = downloads(catalog)
    package = json_bytes(data_package(catalog, found))
    pages: dict[str, str | bytes] = {download.path: download.content for download in found}
    pages[PACKAGE_FILE] = package

    def changed(files: tuple[str, ...]) -> str | None:
        return site.last_changed(list(files))

    date = build_date()
    region_slugs = [table.slug for table in tables(catalog, [])]
    catalog_slugs = [GLOSSARY] + [table.slug for table in catalog_tables(catalog)]
    pages[PAGE] = render(
        "datasets.md.j2",
        **page_context(catalog, PAGE, index, link_terms=False),
        all_rows=_page_rows(found, "", changed, region_slugs + catalog_slugs),
        regions=[(region, _page_rows(found, region_prefix(region.id), changed, region_slugs)) for region in catalog.regions],
        schemas=[download for download in found if download.path.startswith(f"{DOWNLOADS}/schema/")],
        package_size=size_markup(len(package)),
        columns=[(table.slug, table.title, _column_rows(table.columns)) for table in [*tables(catalog, []), glossary_table(catalog), *catalog_tables(catalog)]],
        yardsticks=bool(catalog.yardsticks),
        measures=bool(catalog.measures),
        size=size_markup,
        build_date=dutch_date(date),
        build_year=date[:4],
        example=_example(catalog),
        code_license=CODE_LICENSE,
        data_license=DATA_LICENSE,
        source_notice=SOURCE_NOTICE,
    )
    return pages
