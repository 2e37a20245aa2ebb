"""The Jinja2 environment: templates hold markup, filters turn data into safe output.

Every ``{{ }}`` is escaped for Markdown text unless a filter made it safe for its own
context: ``attr`` for HTML attributes and raw HTML, ``id`` for anchors, ``number`` for
Dutch numbers. ``tests/test_templates.py`` checks that no ``{{ }}`` inside an HTML tag
relies on the Markdown default.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import text
from .dutch import dutch_number
from .escape import html_attribute, markdown_text


def _finalize(value: Any) -> Any:
    """Escape every ``{{ }}`` output that a filter has not already made safe, as Markdown text."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, float):
        return Markup(dutch_number(value))
    return Markup(markdown_text(value))


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
    env.filters["number"] = lambda value, decimals=None: Markup(dutch_number(value, decimals))
    env.filters["id"] = text.anchor
    env.filters["attr"] = html_attribute
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
