"""JSON Schema files for editors' tools, and the schema reference page, both from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import urls
from .catalog import Catalog
from .context import SiteContext
from .glossary import TermIndex
from .models import ConceptList, GlossarySource, MeasureList, Region, ThemeList, Yardstick
from .pagetools import page_context
from .render import render

SCHEMAS: dict[str, type[BaseModel]] = {
    "region.schema.json": Region,
    "themes.schema.json": ThemeList,
    "measures.schema.json": MeasureList,
    "glossary-source.schema.json": GlossarySource,
    "glossary-concepts.schema.json": ConceptList,
    "yardstick.schema.json": Yardstick,
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of ``model`` as stable, pretty-printed JSON."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path, check: bool = False) -> list[str]:
    """Write (or with ``check`` only compare) every schema file; return the stale ones."""
    stale = []
    for name, model in SCHEMAS.items():
        path = folder / name
        expected = schema_text(model)
        if not path.exists() or path.read_text(encoding="utf-8") != expected:
            stale.append(name)
            if not check:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_text(expected, encoding="utf-8")
    return stale


def _type_label(spec: dict[str, Any], definitions: dict[str, Any]) -> str:
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in spec:
        return " of ".join(_type_label(option, definitions) for option in spec["anyOf"] if option.get("type") != "null")
    if "enum" in spec:
        return "een van: " + ", ".join(str(value) for value in spec["enum"])
    if "const" in spec:
        return str(spec["const"])
    kind = spec.get("type", "")
    if kind == "array":
        return f"lijst van {_type_label(spec.get('items', {}), definitions)}"
    return {"string": "tekst", "integer": "geheel getal", "number": "getal", "boolean": "ja/nee"}.get(kind, kind or "waarde")


def _model_rows(schema: dict[str, Any]) -> list[dict[str, Any]]:
    definitions = schema.get("$defs", {})
    models = [("(bestand)", schema)] + sorted(definitions.items())
    rows = []
    for name, spec in models:
        required = set(spec.get("required", []))
        fields = []
        for field_name, field_spec in spec.get("properties", {}).items():
            examples = field_spec.get("examples") or []
            fields.append(
                {
                    "name": field_name,
                    "type": _type_label(field_spec, definitions),
                    "required": field_name in required,
                    "description": field_spec.get("description", ""),
                    "example": json.dumps(examples[0], ensure_ascii=False) if examples else "",
                }
            )
        rows.append({"name": name, "description": spec.get("description", ""), "fields": fields})
    return rows


def schema_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str]:
    """``referentie/schema.md``: every model and field, generated from the models."""
    files = [
        {"file": name, "title": model.__doc__.strip().splitlines()[0] if model.__doc__ else name, "models": _model_rows(model.model_json_schema())}
        for name, model in SCHEMAS.items()
    ]
    page = urls.schema()
    return {page: render("schema.md.j2", **page_context(catalog, page, index, link_terms=False), files=files)}
