"""Text from YAML is data: turn it into Markdown that shows it literally.

What an editor may use in a text field (documented in CONTRIBUTING.md):

* plain text; a blank line starts a new paragraph;
* bare ``https://`` (or ``http://``) addresses, which become links.

Everything else is shown as written (see :func:`regiokompas.escape.markdown_text`): no
value can add HTML, a Markdown link, an abbreviation definition (``*[X]:``), a snippet
include (``--8<--``), a table cell break (``|``) or attribute list (``{: }``). Jinja2
never evaluates data, and the environment escapes every ``{{ }}`` output that is not
already :class:`Markup`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from markupsafe import Markup

from .escape import markdown_text

URL_PATTERN = re.compile(r"https?://[A-Za-z0-9][A-Za-z0-9.-]*[^\s<>\"'{}|\\^`\[\]]*")
_TRAILING_PUNCTUATION = ".,;:!?)"

#: Called on plain text before escaping; returns Markdown for linked terms.
Linker = Callable[[str], str]


def _link_urls(text: str, plain: Callable[[str], str]) -> str:
    """Escape ``text`` with ``plain`` but turn bare URLs into Markdown links."""
    pieces = []
    position = 0
    for match in URL_PATTERN.finditer(text):
        url = match.group(0).rstrip(_TRAILING_PUNCTUATION)
        end = match.start() + len(url)
        pieces.append(plain(text[position : match.start()]))
        pieces.append(f"[{markdown_text(url)}](<{url}>)")
        position = end
    pieces.append(plain(text[position:]))
    return "".join(pieces)


def _as_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


def anchor(value: str) -> Markup:
    """An id for an HTML anchor; ids are validated slugs, anything else is refused."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(value)):
        raise ValueError(f"not a valid anchor id: {value!r}")
    return Markup(value)


def inline(text: object, linker: Linker | None = None) -> Markup:
    """One line of Markdown for ``text`` (paragraph breaks become spaces; lists joined by commas)."""
    flat = " ".join(_as_text(text).split())
    return Markup(_link_urls(flat, linker or markdown_text))


def block(text: str, linker: Linker | None = None) -> Markup:
    """Paragraphs of Markdown for ``text``: a blank line separates paragraphs."""
    # A blank line in a `>-` block reaches us as one newline, in a `|` block as two: both split.
    paragraphs = [part for part in re.split(r"\n\s*", str(text).strip()) if part.strip()]
    return Markup("\n\n".join(inline(part, linker) for part in paragraphs))


def heading(text: object, abbreviations: Iterable[str] = ()) -> Markup:
    """Escaped heading text in which abbreviations get no tooltip.

    The abbreviation extension matches whole words in the text; writing the first
    letter of each abbreviation as a numeric character reference keeps the word
    intact for readers, the table of contents and search, but out of its reach.
    """
    escaped = markdown_text(_as_text(text))
    words = sorted({word for word in abbreviations if word}, key=len, reverse=True)
    if not words:
        return Markup(escaped)
    pattern = re.compile(r"(?<![\w\\&#])(" + "|".join(re.escape(markdown_text(word)) for word in words) + r")(?!\w)")
    return Markup(pattern.sub(lambda match: f"&#{ord(match.group(1)[0])};{match.group(1)[1:]}", escaped))


def table_cell(text: object) -> Markup:
    """A Markdown table cell: one line, ``|`` escaped, empty cells as a dash."""
    if text is None or text == "" or text == []:
        return Markup("–")
    return inline(text)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[:width].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def item_name(item: object, width: int = 90) -> str:
    """The short name an item goes by: its title, name, label or else its text, shortened to ``width``."""
    for field in ("title", "name", "label", "text"):
        value = getattr(item, field, None)
        if isinstance(value, str) and value:
            return shorten(value, width)
    return ""
