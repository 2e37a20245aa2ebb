"""``make nieuwe-regio NAAM=...``: a new region file with every field present and explained."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from markupsafe import Markup

from .render import environment


def slug(name: str) -> str:
    """``Rijk van Nijmegen`` -> ``rijk-van-nijmegen``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def prefix(region_id: str) -> str:
    """A short id prefix: the first three letters of the region id."""
    return region_id.replace("-", "")[:3]


def new_region(root: Path, name: str) -> Path:
    """Write ``regions/<slug>.yaml``; refuse to overwrite an existing file."""
    region_id = slug(name)
    if not region_id:
        raise SystemExit(f"Kan geen bestandsnaam maken van '{name}'; gebruik letters en cijfers.")
    path = root / "regions" / f"{region_id}.yaml"
    if path.exists():
        raise SystemExit(f"{path.relative_to(root)} bestaat al; kies een andere naam of bewerk dat bestand.")
    # Values are YAML here, not Markdown: ids are slugs, the name is written as a JSON (= YAML) string.
    text = (
        environment()
        .get_template("new_region.yaml.j2")
        .render(id=Markup(region_id), name=Markup(json.dumps(name, ensure_ascii=False)), prefix=Markup(prefix(region_id)))
    )
    path.write_text(text, encoding="utf-8")
    return path.relative_to(root)
