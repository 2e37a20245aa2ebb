"""The Jinja2 environment: templates hold markup, filters turn data into safe Markdown."""

from __future__ import annotations

import posixpath
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import text
from .models import Source


def _finalize(value: Any) -> Any:
    """Escape every ``{{ }}`` output that a filter has not already made safe."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, float):
        return Markup(text.dutch_number(value))
    return Markup(text.escape_inline(str(value)))


def relative(target: str, page: str) -> Markup:
    """A link target from ``page`` to ``target`` (both relative to ``docs/``)."""
    return Markup(posixpath.relpath(target, posixpath.dirname(page) or "."))


@cache
def environment() -> Environment:
    """The shared, strict environment (undefined names are errors)."""
    env = Environment(
        loader=PackageLoader("regiokompas", "templates"),
        autoescape=True,  # with ``finalize``: data is escaped for Markdown, macros stay Markup
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline"] = text.inline
    env.filters["block"] = text.block
    env.filters["cell"] = text.table_cell
    env.filters["number"] = lambda value, decimals=None: Markup(text.dutch_number(value, decimals))
    env.filters["heading"] = text.heading
    env.filters["id"] = text.anchor
    env.globals["relative"] = relative
    return env


def render(template: str, **context: Any) -> str:
    """Render ``template`` and normalise blank lines so output is stable."""
    output = environment().get_template(template).render(**context)
    lines = [line.rstrip() for line in output.splitlines()]
    cleaned: list[str] = []
    for line in lines:
        if line == "" and cleaned and cleaned[-1] == "":
            continue
        cleaned.append(line)
    return "\n".join(cleaned).strip() + "\n"


def source_label(source: Source, documents: dict[str, str]) -> str:
    """``Regiovisie Jeugdhulp Twente, 3. Doelen > Opgave 1, p. 11``."""
    label = f"{documents.get(source.document, source.document)}, {source.section}"
    return f"{label}, p. {source.page}" if source.page else label
