"""Open data downloads: Dutch Excel CSV, JSON, the data package, formula injection, determinism.

Fast: the downloads are built in memory with ``dataset_pages`` (no MkDocs build), on the mini
fixture project and on the real catalog.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import MINI, ROOT, replace_in
from regiokompas import datasets
from regiokompas.catalog import Catalog, load_catalog
from regiokompas.datasets import FORMULA_TRIGGERS, KINDS, csv_bytes, dataset_pages, item_url, neutralise
from regiokompas.generate import build_pages, read_site
from regiokompas.glossary import TermIndex
from regiokompas.models import Tagged

EPOCH = "1700000000"  # 14 November 2023, as in conftest.ENV


def build(root: Path) -> tuple[Catalog, dict[str, str | bytes]]:
    catalog = load_catalog(root)
    return catalog, dataset_pages(catalog, TermIndex(catalog.concepts), read_site(catalog, root, {}))


@pytest.fixture(scope="module")
def real() -> tuple[Catalog, dict[str, str | bytes]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return build(ROOT)


@pytest.fixture
def mini_built(mini: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Catalog, dict[str, str | bytes]]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return build(mini)


#: The yardstick of the yardstick tests: three points, three mappings, so three cells have no mapping.
YARDSTICK = Path(__file__).resolve().parent / "fixtures" / "yardsticks" / "toets.yaml"
MEASURES = {
    "measures": [
        {"id": "aandeel-jeugdhulp", "name": "Aandeel jeugdigen met jeugdhulp", "definition": "Jeugdigen met jeugdhulp als percentage.", "unit": "%"},
        {"id": "gemeenten", "name": "Gemeenten", "definition": "Aantal gemeenten.", "unit": "gemeenten", "comparable": False, "note": "Een toelichting."},
    ]
}


def add_yardstick_and_measures(root: Path) -> None:
    """The mini project with the test yardstick and two measures, alpha's key figure under the first."""
    (root / "yardsticks").mkdir(exist_ok=True)
    shutil.copy(YARDSTICK, root / "yardsticks" / YARDSTICK.name)
    (root / "themes/measures.yaml").write_text(yaml.safe_dump(MEASURES, allow_unicode=True, sort_keys=False), encoding="utf-8")
    figure = "    definition: Share of under-18s with youth care.\n"
    replace_in(root / "regions/alpha.yaml", figure, figure + "    measure: aandeel-jeugdhulp\n    measure_note: Anders geteld.\n")


@pytest.fixture
def full(mini: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Catalog, dict[str, str | bytes]]:
    """The mini project with a yardstick and measures."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    add_yardstick_and_measures(mini)
    return build(mini)


# --- Reading a CSV the way Dutch Excel does ----------------------------------------------------------


def restore(cell: str) -> str:
    """Undo the formula neutralisation: one leading ``'`` before a trigger character."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell


def read_dutch_csv(raw: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV for Dutch Excel; fails unless it is UTF-8 with BOM, ``;`` and CRLF."""
    assert isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    text = raw[3:].decode("utf-8")
    assert text.endswith("\r\n"), "last record not ended by CRLF"
    quoted = False
    for position, char in enumerate(text):  # every record end outside quotes is CRLF
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            assert text[position - 1] == "\r", f"bare LF at {position}"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"', doublequote=True, strict=True)
    header, *records = list(reader)
    assert all(len(record) == len(header) for record in records), "a row has more or fewer cells than the header"
    return header, [dict(zip(header, record, strict=True)) for record in records]


def csv_rows(pages: dict[str, str | bytes], path: str) -> list[dict[str, str]]:
    return read_dutch_csv(pages[path])[1]  # type: ignore[arg-type]


def json_rows(pages: dict[str, str | bytes], path: str) -> list[dict[str, Any]]:
    content = pages[path]
    return json.loads(content if isinstance(content, str) else content.decode("utf-8"))


# --- A Table Schema / data package check, written for the subset the package uses --------------


def parse_cell(field: dict[str, Any], cell: str) -> Any:
    """The value of a CSV cell under its Table Schema field (ValueError when it does not fit)."""
    if cell == "":
        if field.get("constraints", {}).get("required"):
            raise ValueError(f"{field['name']}: required value missing")
        return None
    kind = field["type"]
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", cell):
            raise ValueError(f"{field['name']}: {cell!r} is not an integer")
        value: Any = int(cell)
    elif kind == "number":
        decimal = re.escape(field.get("decimalChar", "."))
        if not re.fullmatch(rf"-?\d+({decimal}\d+)?", cell):
            raise ValueError(f"{field['name']}: {cell!r} is not a number")
        value = float(cell.replace(field.get("decimalChar", "."), ".")) if field.get("decimalChar", ".") in cell else int(cell)
    elif kind == "boolean":
        if cell not in field["trueValues"] + field["falseValues"]:
            raise ValueError(f"{field['name']}: {cell!r} is not one of the boolean values")
        value = cell in field["trueValues"]
    elif kind == "list":
        value = restore(cell).split(field["delimiter"])
    elif kind == "string":
        value = restore(cell)
    else:
        raise ValueError(f"{field['name']}: unknown type {kind}")
    constraints = field.get("constraints", {})
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"].lstrip("^").rstrip("$"), value):
        raise ValueError(f"{field['name']}: {value!r} does not match {constraints['pattern']}")
    if "enum" in constraints and value not in constraints["enum"]:
        raise ValueError(f"{field['name']}: {value!r} not in {constraints['enum']}")
    if "minimum" in constraints and value < constraints["minimum"] or "maximum" in constraints and value > constraints["maximum"]:
        raise ValueError(f"{field['name']}: {value!r} out of range")
    if "maxLength" in constraints and len(value) > constraints["maxLength"]:
        raise ValueError(f"{field['name']}: longer than {constraints['maxLength']}")
    return value


def package_problems(pages: dict[str, str | bytes]) -> list[str]:
    """Everything in ``downloads/`` that does not match ``datapackage.json``."""
    package = json.loads(pages["downloads/datapackage.json"])
    problems = []
    for key in ("name", "resources", "licenses"):
        if key not in package:
            problems.append(f"package: no {key}")
    listed = {f"downloads/{resource['path']}" for resource in package["resources"]}
    files = {path for path in pages if path.startswith("downloads/")} - {"downloads/datapackage.json", "downloads/index.md"}
    problems += [f"{path}: not in datapackage.json" for path in sorted(files - listed)]
    names = [resource["name"] for resource in package["resources"]]
    problems += [f"resource name {name} twice" for name in set(names) if names.count(name) > 1]
    for resource in package["resources"]:
        path = f"downloads/{resource['path']}"
        if path not in pages:
            problems.append(f"{path}: listed but missing")
            continue
        raw = pages[path] if isinstance(pages[path], bytes) else pages[path].encode("utf-8")  # type: ignore[union-attr]
        if not re.fullmatch(r"[-a-z0-9._/]+", resource["name"]):
            problems.append(f"{path}: bad resource name {resource['name']}")
        if resource.get("bytes") != len(raw):
            problems.append(f"{path}: bytes {resource.get('bytes')} but file has {len(raw)}")
        if resource.get("hash") != "sha256:" + hashlib.sha256(raw).hexdigest():
            problems.append(f"{path}: hash does not match")
        if resource.get("format") == "csv":
            problems += [f"{path}: {problem}" for problem in csv_problems(raw, resource)]
        elif "jsonSchema" in resource:
            schema = json.loads(pages[f"downloads/{resource['jsonSchema']}"])
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(raw)), key=str)
            problems += [f"{path}: {error.json_path}: {error.message}" for error in errors[:5]]
    return problems


def csv_problems(raw: bytes, resource: dict[str, Any]) -> list[str]:
    dialect, schema = resource["dialect"], resource["schema"]
    if (dialect["delimiter"], dialect["lineTerminator"]) != (";", "\r\n"):
        return ["dialect is not ; and CRLF"]
    header, rows = read_dutch_csv(raw)
    fields = schema["fields"]
    problems = []
    if header != [field["name"] for field in fields]:
        problems.append(f"header {header} does not match the schema")
        return problems
    for field in fields:
        if not field.get("description"):
            problems.append(f"{field['name']}: no description")
    keys = set()
    for number, row in enumerate(rows, start=2):
        for field in fields:
            try:
                parse_cell(field, row[field["name"]])
            except ValueError as error:
                problems.append(f"line {number}: {error}")
        key = tuple(row[name] for name in schema.get("primaryKey", []))
        if key and key in keys:
            problems.append(f"line {number}: primary key {key} twice")
        keys.add(key)
    return problems


# --- Tests ---------------------------------------------------------------------------------------------


TABLES = [kind.slug for kind in KINDS] + ["themakoppelingen"]


def expected_ids(catalog: Catalog, slug: str, region_ids: list[str]) -> list[str]:
    regions = [catalog.region(region_id) for region_id in region_ids]
    if slug == "themakoppelingen":
        return [
            f"{item.id}/{theme}"
            for region in regions
            for kind in KINDS
            for item in getattr(region, kind.attribute)
            if kind.slug in datasets.TAGGED_KINDS
            for theme in item.themes
        ]
    attribute = next(kind.attribute for kind in KINDS if kind.slug == slug)
    return [item.id for region in regions for item in getattr(region, attribute)]


def row_key(slug: str, row: dict[str, Any]) -> str:
    return f"{row['item_id']}/{row['theme']}" if slug == "themakoppelingen" else row["id"]


@pytest.mark.parametrize("project", ["mini", "real"])
def test_every_download_parses_with_dutch_excel_conventions_and_matches_the_catalog(project: str, request: pytest.FixtureRequest) -> None:
    catalog, pages = request.getfixturevalue("mini_built" if project == "mini" else "real")
    all_ids = [region.id for region in catalog.regions]
    checked = 0
    for slug in TABLES:
        for region_ids, path in [(all_ids, f"downloads/{slug}"), *(([r], f"downloads/regios/{r}-{slug}") for r in all_ids)]:
            expected = expected_ids(catalog, slug, region_ids)
            from_csv = [row_key(slug, {k: restore(v) for k, v in row.items()}) for row in csv_rows(pages, f"{path}.csv")]
            from_json = [row_key(slug, row) for row in json_rows(pages, f"{path}.json")]
            assert from_csv == expected, f"{path}.csv"
            assert from_json == expected, f"{path}.json"
            assert {row["region"] for row in csv_rows(pages, f"{path}.csv")} <= set(region_ids)
            checked += 1
    assert checked == len(TABLES) * (1 + len(all_ids))
    definitions = sum(len(entries) for entries in catalog.definitions.values())
    assert len(csv_rows(pages, "downloads/begrippen.csv")) == definitions
    assert sum(len(concept["definities"]) for concept in json_rows(pages, "downloads/begrippen.json")) == definitions
    if project == "real":  # the real catalog is not empty anywhere: every kind has rows
        assert all(csv_rows(pages, f"downloads/{slug}.csv") for slug in TABLES)


def test_csv_and_json_hold_the_same_values(full: tuple[Catalog, dict[str, str | bytes]]) -> None:
    _, pages = full
    package = json.loads(pages["downloads/datapackage.json"])
    compared = 0
    for resource in package["resources"]:
        if resource.get("format") != "csv" or resource["path"] == "begrippen.csv":
            continue
        fields = resource["schema"]["fields"]
        records = csv_rows(pages, f"downloads/{resource['path']}")
        objects = json_rows(pages, f"downloads/{resource['path'].removesuffix('.csv')}.json")
        assert len(records) == len(objects)
        for record, item in zip(records, objects, strict=True):
            for field in fields:
                value = parse_cell(field, record[field["name"]])
                expected = item[field["name"]]
                if field["name"] == "parts":
                    expected = "\n\n".join("\n".join([p["title"], *(f"* {point}" for point in p["points"])]) for p in expected) or None
                if field["name"] == "sources":
                    expected = "\n\n".join(source_paragraph(source) for source in expected) or None
                if expected == []:
                    expected = None
                assert value == expected, (resource["path"], field["name"])
                compared += 1
    assert compared > 100


def source_paragraph(source: dict[str, Any]) -> str:
    """How the CSV writes one source of a list of sources."""
    page = f", p. {source['page']}" if source.get("page") else ""
    return f'{source["document"]} > {source["section"]}{page}: "{source["quote"]}"'


@pytest.mark.parametrize("project", ["mini_built", "full", "real"])
def test_data_package_describes_and_validates_every_download(project: str, request: pytest.FixtureRequest) -> None:
    _, pages = request.getfixturevalue(project)
    assert package_problems(pages) == []


def test_frictionless_validates_the_data_package(full: tuple[Catalog, dict[str, str | bytes]], tmp_path: Path) -> None:
    """The reference implementation (frictionless-py, offline) agrees: every resource, every row,
    the yardstick and measure tables included."""
    from frictionless import validate

    _, pages = full
    for path, content in pages.items():
        if path.startswith("downloads/"):
            target = tmp_path / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    report = validate(str(tmp_path / "downloads/datapackage.json"))
    problems = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [e.message for e in report.errors]
    assert report.valid, problems[:10]
    tables = {task.name: task.stats.get("rows") for task in report.tasks if task.type == "table"}
    assert tables["acties-csv"] == 2 and tables["regios-beta-acties-csv"] == 1
    assert (tables["maatstaven-csv"], tables["regios-beta-maatstaven-csv"], tables["maatstafpunten-csv"], tables["maten-csv"]) == (6, 3, 3, 2)
    (tmp_path / "downloads/kerncijfers.csv").write_bytes(pages["downloads/kerncijfers.csv"].replace(b";9,1;", b";negen;"))  # type: ignore[union-attr]
    broken = validate(str(tmp_path / "downloads/datapackage.json"))
    assert any(error.type == "type-error" for task in broken.tasks for error in task.errors)


def test_package_check_can_fail(mini_built: tuple[Catalog, dict[str, str | bytes]]) -> None:
    _, pages = mini_built
    broken = dict(pages)
    text = broken["downloads/indicatoren.csv"].decode("utf-8")  # type: ignore[union-attr]
    broken["downloads/indicatoren.csv"] = text.replace(";2022;", ";twintig;", 1).encode("utf-8")
    problems = package_problems(broken)
    assert any("indicatoren.csv: hash" in problem for problem in problems)
    assert any("baseline_year: 'twintig' is not an integer" in problem for problem in problems)
    broken = dict(pages)
    rows = json_rows(pages, "downloads/acties.json")
    rows[0]["levels"] = ["landelijk"]
    broken["downloads/acties.json"] = json.dumps(rows).encode("utf-8")
    assert any("acties.json: $[0].levels[0]" in problem for problem in package_problems(broken))
    broken = dict(pages)
    broken["downloads/extra.csv"] = b"\xef\xbb\xbfa\r\n"
    assert "downloads/extra.csv: not in datapackage.json" in package_problems(broken)


def test_column_descriptions_are_the_models_field_descriptions(real: tuple[Catalog, dict[str, str | bytes]]) -> None:
    _, pages = real
    package = json.loads(pages["downloads/datapackage.json"])
    generic = {
        Tagged.model_json_schema()["$defs"]["Source"]["properties"]["section"]["description"],
    }
    from regiokompas.models import Principle

    generic.add(Principle.model_json_schema()["properties"]["summary"].get("description", ""))
    for kind in KINDS:
        resource = next(r for r in package["resources"] if r["path"] == f"{kind.slug}.csv")
        fields = {field["name"]: field["description"] for field in resource["schema"]["fields"]}
        for name, model_field in kind.model.model_fields.items():
            if name == "source":
                continue
            assert model_field.description, f"{kind.model.__name__}.{name} has no description"
            assert fields[name].startswith(model_field.description), f"{kind.slug}: {name}"
            assert not model_field.description.startswith("Platte tekst"), f"{kind.model.__name__}.{name}: only the generic description"
        schema = json.loads(pages[f"downloads/schema/{kind.slug}.schema.json"])
        assert schema["items"]["properties"]["id"]["description"] == kind.model.model_fields["id"].description


def test_descriptions_follow_a_change_in_the_model(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from regiokompas.models import Action

    monkeypatch.setattr(Action.model_fields["owner"], "description", "Nieuwe omschrijving van de eigenaar.")
    _, pages = build(mini)
    package = json.loads(pages["downloads/datapackage.json"])
    resource = next(r for r in package["resources"] if r["path"] == "acties.csv")
    owner = next(field for field in resource["schema"]["fields"] if field["name"] == "owner")
    assert (owner["description"], owner["type"]) == ("Nieuwe omschrijving van de eigenaar.", "string")


HOSTILE = {
    "title": '=HYPERLINK("http://voorbeeld.invalid";"klik")',
    "summary": '+1; samen met "aanhalingstekens"\nen een tweede regel',
    "text": "-2 gemeenten; daarna meer",
    "name": "@SUM(A1:A9)",
    "definition": "=1+1 volgens de regio",
}


def test_hostile_text_stays_one_value_and_is_neutralised(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    quoted = {key: json.dumps(value, ensure_ascii=False) for key, value in HOSTILE.items()}
    replace_in(mini / "regions/alpha.yaml", "    title: Normaal opgroeien", f"    title: {quoted['title']}")
    replace_in(mini / "regions/alpha.yaml", "summary: Alpha wants GI involvement and normal life.", f"summary: {quoted['summary']}")
    replace_in(mini / "regions/alpha.yaml", "text: De gemeenten zetten praktijkondersteuners in.", f"text: {quoted['text']}")
    replace_in(mini / "regions/alpha.yaml", "name: Aantal jeugdigen met jeugdhulp", f"name: {quoted['name']}")
    replace_in(mini / "regions/alpha.yaml", "value: 9.1", "value: -2.5")
    replace_in(mini / "glossary/alpha.yaml", "definition: Alpha's definition of a GI.", f"definition: {quoted['definition']}")
    catalog, pages = build(mini)
    principle = csv_rows(pages, "downloads/regios/alpha-principes.csv")
    action = csv_rows(pages, "downloads/acties.csv")
    indicator = csv_rows(pages, "downloads/indicatoren.csv")
    figure = csv_rows(pages, "downloads/kerncijfers.csv")
    glossary = csv_rows(pages, "downloads/begrippen.csv")
    assert len(principle) == 1 and len(action) == 2 and len(indicator) == 1 and len(glossary) == 3
    assert principle[0]["title"] == "'" + HOSTILE["title"]
    assert principle[0]["summary"] == "'" + HOSTILE["summary"]
    assert principle[0]["number"] == "1" and principle[0]["themes"] == "normaliseren"  # neighbours intact
    assert action[0]["text"] == "'" + HOSTILE["text"]
    assert indicator[0]["name"] == "'" + HOSTILE["name"]
    assert figure[0]["value"] == "-2,5"  # a number we write is a number, not text
    assert next(row for row in glossary if row["regio"] == "Alpha")["definitie"] == "'" + HOSTILE["definition"]
    assert json_rows(pages, "downloads/principes.json")[0]["title"] == HOSTILE["title"]
    assert json_rows(pages, "downloads/principes.json")[0]["summary"] == HOSTILE["summary"]
    assert json_rows(pages, "downloads/kerncijfers.json")[0]["value"] == -2.5
    glossary_json = json_rows(pages, "downloads/begrippen.json")
    assert HOSTILE["definition"] in [d["definitie"] for concept in glossary_json for d in concept["definities"]]
    assert package_problems(pages) == []


@pytest.mark.parametrize(
    "text,cell",
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Jeugd = zorg", "Jeugd = zorg"),
        ("", ""),
    ],
)
def test_neutralise_prefixes_formula_starts_and_can_be_undone(text: str, cell: str) -> None:
    assert neutralise(text) == cell
    assert restore(cell) == text


def test_one_csv_writer_for_every_download(mini_built: tuple[Catalog, dict[str, str | bytes]]) -> None:
    """The glossary uses the shared writer; an empty table still has its header."""
    import regiokompas.glossary_pages as glossary_pages

    assert not hasattr(glossary_pages, "csv_bytes")
    assert csv_bytes([], ["a", "b"]) == b"\xef\xbb\xbfa;b\r\n"
    assert csv_bytes([{"a": "=x", "b": 1.5}], ["a", "b"]) == "\ufeffa;b\r\n'=x;1,5\r\n".encode("utf-8")
    _, pages = mini_built
    header, rows = read_dutch_csv(pages["downloads/regios/beta-mijlpalen.csv"])  # type: ignore[arg-type]
    assert rows == [] and header[0] == "id"


def test_downloads_are_deterministic_and_do_not_carry_the_build_date(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    _, first = build(mini)
    _, second = build(mini)
    assert first == second
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    _, later = build(mini)
    changed = sorted(path for path in first if first[path] != later[path])
    assert changed == ["downloads/index.md"]  # only the page shows the build date


def test_real_downloads_are_deterministic(real: tuple[Catalog, dict[str, str | bytes]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    _, again = build(ROOT)
    _, pages = real
    assert sorted(again) == sorted(pages)
    assert [path for path in pages if pages[path] != again[path]] == []


def test_item_urls_point_at_anchors_on_the_region_pages(mini: Path) -> None:
    pages = build_pages(load_catalog(mini))
    urls = [row["url"] for slug in TABLES for row in json_rows(pages, f"downloads/{slug}.json")]
    assert len(urls) > 5
    for url in urls:
        page, anchor = url.split("#")
        content = pages[f"{page}index.md"] if f"{page}index.md" in pages else pages[page.rstrip("/") + ".md"]
        assert f"{{ #{anchor} }}" in content or f'<a id="{anchor}"></a>' in content, url
    twente = load_catalog(ROOT).region("twente")
    assert item_url(twente, "twe-p1") == "regios/twente/principes/#twe-p1"


def test_gegevens_page_lists_every_download_with_size_rows_and_citation(mini_built: tuple[Catalog, dict[str, str | bytes]]) -> None:
    catalog, pages = mini_built
    page = pages["downloads/index.md"]
    assert isinstance(page, str)
    files = [path for path in pages if path.startswith("downloads/") and path != "downloads/index.md"]
    for path in files:
        target = path.removeprefix("downloads/")
        link = re.search(rf"\]\({re.escape(target)}\) \(([^)]*)\)", page)
        assert link, f"{target} not listed with its size"
        size = len(pages[path])
        assert link.group(1).replace("\\", "").replace("&nbsp;", " ") == datasets.dutch_size(size), target
    line = next(line for line in page.splitlines() if "](acties.csv)" in line)
    rows = len(csv_rows(pages, "downloads/acties.csv"))
    assert f"| {rows} |" in line and "| onbekend |" in line  # the fixture copy has no git history
    assert "Versie van 14 november 2023" in page and "Regiokompas Jeugdhulp (2023)" in page
    assert "[regios\\/alpha\\/principes\\/\\#alp\\-p1](../regios/alpha/principes.md#alp-p1)" in page
    assert "CC\\-BY\\-4\\.0" in page and "EUPL\\-1\\.2" in page


def test_region_and_comparison_pages_link_to_their_downloads(mini: Path) -> None:
    pages = build_pages(load_catalog(mini))
    assert "](../../downloads/index.md#regio-alpha)" in pages["regios/alpha/index.md"]
    assert "{ #regio-beta }" in pages["downloads/index.md"]
    expected = {
        "themas/index.md": "themakoppelingen",
        "vergelijking/kerncijfers.md": "kerncijfers",
        "vergelijking/indicatoren.md": "indicatoren",
        "vergelijking/tijdlijn.md": "mijlpalen",
    }
    for page, slug in expected.items():
        assert f"](../downloads/{slug}.csv)" in pages[page] and f"](../downloads/{slug}.json)" in pages[page], page


def test_licence_is_the_same_everywhere() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == datasets.CODE_LICENSE["name"]
    copyright_line = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["copyright"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (copyright_line, readme):
        assert "CC BY 4.0" in text and "EUPL-1.2" in text and "brondocumenten blijven publicaties van de regio's" in text
    assert datasets.DATA_LICENSE["name"] == "CC-BY-4.0"


def test_mini_fixture_is_untouched() -> None:
    """The hostile-text test edits a copy, never the fixture itself."""
    assert "title: Normaal opgroeien" in (MINI / "regions/alpha.yaml").read_text(encoding="utf-8")


# --- National yardsticks and measures (issue 19) -----------------------------------------------------

YARDSTICK_TABLES = ("maatstaven", "maatstafpunten", "maten")


def mapping_key(yardstick: str, point: str, region: str, status: str, said_by: str, items: list[str], reason: str, quote: str) -> tuple[Any, ...]:
    return (yardstick, point, region, status, said_by, tuple(items), reason, quote)


@pytest.mark.parametrize("project", ["full", "real"])
def test_every_mapping_appears_exactly_once_and_every_cell_without_one_as_a_derived_row(project: str, request: pytest.FixtureRequest) -> None:
    catalog, pages = request.getfixturevalue(project)
    rows = json_rows(pages, "downloads/maatstaven.json")
    expected = Counter(
        mapping_key(y.id, m.point, m.region, m.status, m.said_by, m.items, m.reason, m.source.quote) for y in catalog.yardsticks for m in y.mappings
    )
    found = Counter(
        mapping_key(r["yardstick"], r["point"], r["region"], r["status"], r["said_by"], r["items"], r["reason"], r["source_quote"])
        for r in rows
        if not r["derived"]
    )
    assert found == expected and max(found.values()) == 1
    mapped = {(m.point, m.region) for y in catalog.yardsticks for m in y.mappings}
    cells = {(point.id, region.id) for y in catalog.yardsticks for point in y.points for region in catalog.regions}
    derived = [r for r in rows if r["derived"]]
    assert sorted((r["point"], r["region"]) for r in derived) == sorted(cells - mapped)
    for row in derived:  # a derived row says "not addressed" and nothing else: no judge, no items, no reason, no source
        assert row["status"] == datasets.NOT_ADDRESSED and row["items"] == [] and row["item_urls"] == []
        assert all(row[name] is None for name in ("said_by", "reason", "source_document", "source_title", "source_section", "source_page", "source_quote"))
    records = [{name: restore(value) for name, value in record.items()} for record in csv_rows(pages, "downloads/maatstaven.csv")]
    assert [(r["point"], r["region"], r["status"], r["derived"]) for r in records] == [
        (r["point"], r["region"], r["status"], "ja" if r["derived"] else "nee") for r in rows
    ]
    for region in catalog.regions:  # the per-region files hold exactly the region's rows, in the same order
        assert json_rows(pages, f"downloads/regios/{region.id}-maatstaven.json") == [r for r in rows if r["region"] == region.id]
        assert len(csv_rows(pages, f"downloads/regios/{region.id}-maatstaven.csv")) == sum(r["region"] == region.id for r in rows)
    if project == "full":  # toets-inkoop x beta and toets-buiten x both regions have no mapping
        assert len(rows) == 6 and sorted((r["point"], r["region"]) for r in derived) == [
            ("toets-buiten", "alpha"),
            ("toets-buiten", "beta"),
            ("toets-inkoop", "beta"),
        ]


def test_yardstick_and_measure_ids_and_addresses_resolve(mini: Path) -> None:
    add_yardstick_and_measures(mini)
    catalog = load_catalog(mini)
    pages = build_pages(catalog)
    places = catalog.item_places
    regions = {region.id: region for region in catalog.regions}
    points = {row["id"]: row for row in json_rows(pages, "downloads/maatstafpunten.json")}
    assert list(points) == [point.id for yardstick in catalog.yardsticks for point in yardstick.points]

    def anchored(url: str) -> bool:
        page, anchor = url.split("#")
        content = pages[f"{page}index.md"] if f"{page}index.md" in pages else pages[page.rstrip("/") + ".md"]
        assert isinstance(content, str)
        return f"{{ #{anchor} }}" in content or f'<a id="{anchor}"></a>' in content

    rows = json_rows(pages, "downloads/maatstaven.json")
    for row in rows:
        region = regions[row["region"]]
        assert row["region_name"] == region.name
        assert points[row["point"]]["yardstick"] == row["yardstick"] and points[row["point"]]["title"] == row["point_title"]
        assert row["point_url"] == points[row["point"]]["url"] and anchored(row["point_url"]), row["point_url"]
        assert [places[item].region for item in row["items"]] == [region.id] * len(row["items"])
        assert row["item_urls"] == [item_url(region, item) for item in row["items"]]
        assert all(anchored(url) for url in row["item_urls"])
        if not row["derived"]:
            assert row["source_title"] == {d.id: d.title for d in region.documents}[row["source_document"]]
    assert sum(len(row["items"]) for row in rows) == 3  # alp-p1, alp-p1-a1, bet-p1
    for point in points.values():
        assert anchored(point["url"])
    assert points["toets-buiten"]["sources"] == [] and points["toets-buiten"]["external_publisher"] == "VNG"
    assert points["toets-normaal"]["sources"][0]["quote"] == "Wij streven naar een regio waarin elk kind een thuis heeft."
    measures = json_rows(pages, "downloads/maten.json")
    assert [m["id"] for m in measures] == [m["id"] for m in MEASURES["measures"]] and [m["comparable"] for m in measures] == [True, False]
    assert all(anchored(measure["url"]) for measure in measures)
    figure = json_rows(pages, "downloads/kerncijfers.json")[0]
    assert (figure["measure"], figure["measure_note"]) == ("aandeel-jeugdhulp", "Anders geteld.")
    for slug in ("maatstaven", "maatstafpunten"):  # the yardstick page and the key-figure page link to their tables
        assert f"](../downloads/{slug}.csv)" in pages["vergelijking/toets.md"] and f"](../downloads/{slug}.json)" in pages["vergelijking/toets.md"]
    assert "](../downloads/maten.csv)" in pages["vergelijking/kerncijfers.md"]


HOSTILE_REASON = '=HYPERLINK("http://voorbeeld.invalid";"klik"); "aanhalingstekens"\nen een tweede regel <script>alert(1)</script>'
HOSTILE_QUOTE = '=SOM(1;2) noemt de regio "samen" <script>alert(2)</script>'


def test_hostile_yardstick_text_is_neutralised_in_csv_and_exact_in_json(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    add_yardstick_and_measures(mini)
    replace_in(mini / "bronnen/000_f4efd8b62f7285fa.txt", "start op 1 januari 2022.\n", f"start op 1 januari 2022.\n\n{HOSTILE_QUOTE}\n")
    target = mini / "yardsticks/toets.yaml"
    yardstick = yaml.safe_load(target.read_text(encoding="utf-8"))
    yardstick["mappings"][1].update(reason=HOSTILE_REASON, source={"document": "alp-doc", "section": "5. Inkoop", "quote": HOSTILE_QUOTE})
    yardstick["points"][1]["summary"] = "-" + HOSTILE_REASON
    target.write_text(yaml.safe_dump(yardstick, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    _, pages = build(mini)
    for path in ("downloads/maatstaven", "downloads/regios/alpha-maatstaven"):
        record = next(r for r in csv_rows(pages, f"{path}.csv") if r["point"] == "toets-inkoop" and r["region"] == "alpha")
        assert (record["reason"], record["source_quote"]) == ("'" + HOSTILE_REASON, "'" + HOSTILE_QUOTE)
        assert (record["status"], record["said_by"], record["derived"], record["point_url"]) == (
            "onderbelicht",
            "regio",
            "nee",
            "vergelijking/toets/#toets-inkoop",
        )
        row = next(r for r in json_rows(pages, f"{path}.json") if r["point"] == "toets-inkoop" and r["region"] == "alpha")
        assert (row["reason"], row["source_quote"]) == (HOSTILE_REASON, HOSTILE_QUOTE)
    point = next(r for r in csv_rows(pages, "downloads/maatstafpunten.csv") if r["id"] == "toets-inkoop")
    assert point["summary"] == "'-" + HOSTILE_REASON and point["yardstick_kind"] == "eis"
    assert next(r for r in json_rows(pages, "downloads/maatstafpunten.json") if r["id"] == "toets-inkoop")["summary"] == "-" + HOSTILE_REASON
    assert package_problems(pages) == []


def test_without_yardsticks_and_measures_their_tables_are_absent(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No yardstick, no yardstick tables (and no measures file, no measure table): the package
    lists what the site shows, and the page does not mention them; an empty folder is the same."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    (mini / "yardsticks").mkdir()
    _, pages = build(mini)
    assert [path for path in pages if any(slug in path for slug in YARDSTICK_TABLES)] == []
    package = json.loads(pages["downloads/datapackage.json"])
    assert [r["name"] for r in package["resources"] if any(slug in r["name"] for slug in YARDSTICK_TABLES)] == []
    assert "maatsta" not in str(pages["downloads/index.md"]).lower() and "](maten.csv)" not in str(pages["downloads/index.md"])
    assert package_problems(pages) == []
    add_yardstick_and_measures(mini)
    _, pages = build(mini)
    assert {slug for slug in YARDSTICK_TABLES for path in pages if path == f"downloads/{slug}.csv"} == set(YARDSTICK_TABLES)
    page = str(pages["downloads/index.md"])
    for slug in YARDSTICK_TABLES:
        assert f"]({slug}.csv)" in page and f"]({slug}.json)" in page and f"{{ #kolommen-{slug} }}" in page, slug
    assert "](regios/alpha-maatstaven.csv)" in page and "](regios/alpha-maten.csv)" not in page


def test_yardstick_columns_are_the_models_field_descriptions(real: tuple[Catalog, dict[str, str | bytes]]) -> None:
    from regiokompas.models import Mapping, Measure, YardstickPoint

    _, pages = real
    package = json.loads(pages["downloads/datapackage.json"])

    def fields(path: str) -> dict[str, str]:
        return {field["name"]: field["description"] for field in next(r for r in package["resources"] if r["path"] == path)["schema"]["fields"]}

    assessments, points, measures = fields("maatstaven.csv"), fields("maatstafpunten.csv"), fields("maten.csv")
    for name in ("status", "said_by", "items", "reason"):
        assert assessments[name].startswith(Mapping.model_fields[name].description or "-"), name
    assert "niet behandeld" in assessments["status"] and "geen oordeel" in assessments["status"] and "Tel regio's" in assessments["derived"]
    for name in ("title", "summary", "sources"):
        assert points[name].startswith(YardstickPoint.model_fields[name].description or "-"), name
    for name in Measure.model_fields:
        assert measures[name].startswith(Measure.model_fields[name].description or "-"), name
    schema = json.loads(pages["downloads/schema/maatstafpunten.schema.json"])
    assert schema["items"]["properties"]["sources"]["items"] == {"$ref": "#/$defs/Source"} and "Source" in schema["$defs"]


def test_the_history_covers_every_file_a_download_is_made_from(mini: Path) -> None:
    """The "Gewijzigd" column can only show a date for files whose git history was read."""
    add_yardstick_and_measures(mini)
    for root in (mini, ROOT):
        catalog = load_catalog(root)
        sources = {file for download in datasets.downloads(catalog) for file in download.files}
        assert {"yardsticks/toets.yaml" if root == mini else "yardsticks/nvo.yaml", "themes/measures.yaml", "themes/themes.yaml"} <= sources
        assert sources <= set(read_site(catalog, root, {}).history), root
