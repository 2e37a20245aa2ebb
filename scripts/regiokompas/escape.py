"""Escaping per output context: one named function for each place text from YAML lands.

============================  ==========================================================
context                       function
============================  ==========================================================
Markdown text                 :func:`markdown_text` (the Jinja default for ``{{ }}``)
HTML attribute or raw HTML    :func:`html_attribute` (template filter ``attr``)
URL query component           :func:`url_component`
abbreviation tooltip          :func:`tooltip` (Material inserts tooltips as HTML)
navigation title              :func:`nav_title` (Material renders nav titles as HTML)
page title                    the theme override ``overrides/main.html`` escapes
                              ``page.title`` after Material's ``striptags``
============================  ==========================================================
"""

from __future__ import annotations

import html
import re
import string
from urllib.parse import quote

from markupsafe import Markup

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: Every ASCII punctuation mark is backslash-escaped (the site enables ``pymdownx.escapeall``).
_MARKDOWN_TABLE = str.maketrans({**{char: "\\" + char for char in set(string.punctuation) - set(_ENTITIES)}, **_ENTITIES})


def markdown_text(value: object) -> str:
    """``value`` as Markdown that renders literally, on one line: no markup, link, HTML or table break."""
    return re.sub(r"\s+", " ", str(value)).translate(_MARKDOWN_TABLE)


def html_attribute(value: object) -> Markup:
    """``value`` for an HTML attribute or text inside raw HTML (Markdown leaves raw HTML alone)."""
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def url_component(value: object) -> str:
    """``value`` as one component of a URL (path segment or query value)."""
    return quote(str(value), safe="")


def tooltip(value: object) -> str:
    """Text for an abbreviation definition (``*[GI]: ...``).

    Python-Markdown writes the text into a ``title`` attribute but leaves anything that looks
    like an entity alone, and Material's tooltips insert the decoded title as HTML. So the
    text is escaped twice: the attribute holds ``&amp;lt;``, the browser decodes it to
    ``&lt;``, and the tooltip shows ``<``.
    """
    flat = " ".join(str(value).replace("]", ")").split())
    return html.escape(html.escape(flat, quote=False), quote=False)


def nav_title(value: object) -> str:
    """A title for an entry of the MkDocs navigation: Material writes nav titles into the page as HTML."""
    return html.escape(" ".join(str(value).split()), quote=True)
