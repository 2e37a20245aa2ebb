"""Find a verbatim quote in a source text, tolerant only of layout.

A quote matches when it stands in the source text after both are normalised the
same way: runs of whitespace (line breaks included) become one space, a word
hyphenated at a line end is joined, and every kind of quotation mark counts as
the plain ``'`` or ``"``. The conversion markup of ``bronnen/*.txt`` (Markdown
emphasis ``*``, heading ``#``, ``<b>``/``<sup>`` tags, link brackets) is not
document text and is skipped, and so are a footnote reference (``<sup>7</sup>``)
and a page marker line (``<!-- pagina 12 -->``), also between the two halves of
a hyphenated word. Letters, digits, case and punctuation must match.
``…`` in a quote joins pieces that must appear in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"'})
#: Conversion markup in ``bronnen/*.txt`` that is not part of the document's text.
_MARKUP = re.compile(
    r"<sup>\d{1,3}</sup>"  # a footnote reference: the superscript number is not part of the sentence
    r"|</?(?:b|i|u|em|strong|sup|sub|span|br)\b[^>]*>"  # inline HTML tags
    r"|\]\([^)\s]*\)"  # the "](url)" half of a Markdown link
    r"|\[(?=[^\]\n]*\]\()"  # the "[" that opens a Markdown link
    r"|^[ \t]*#+[ \t]*"  # heading marks
    r"|^[ \t]*<!-- pagina \d{1,3} -->[ \t]*$"  # page marker
    r"|\*+"  # emphasis
    r"|(?<![\w])_+|_+(?![\w])",  # underscore emphasis (not inside words)
    re.MULTILINE,
)
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n(?:[ \t]*<!-- pagina \d{1,3} -->[ \t]*\n)?\s*(?=[a-zà-ÿ])")
_PIECE_SEPARATOR = re.compile(r"\s*(?:…|\.\.\.)\s*")


@dataclass(frozen=True)
class Normalised:
    """Normalised text and, for every character of it, its offset in the original."""

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text that normalised ``[start, end)`` came from."""
        return self.offsets[start], self.offsets[end - 1] + 1


def normalise(text: str, strip_markup: bool = True) -> Normalised:
    """``text`` as compared for quotes, with a map back to original offsets."""
    skipped: list[tuple[int, int]] = []
    if strip_markup:
        skipped = [match.span() for match in _MARKUP.finditer(text)]
    skipped += [match.span() for match in _LINE_END_HYPHEN.finditer(text)]
    skipped.sort()
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    spans = iter(skipped + [(len(text), len(text))])
    next_skip = next(spans)

    def add(char: str, offset: int) -> None:
        if char.isspace():
            if not chars or chars[-1] == " ":
                return
            char = " "
        chars.append(char.translate(_QUOTE_MARKS))
        offsets.append(offset)

    while position < len(text):
        while next_skip[1] <= position and next_skip[1] < len(text):
            next_skip = next(spans)
        if next_skip[0] <= position < next_skip[1]:
            position = next_skip[1]
            continue
        add(text[position], position)
        position += 1
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Normalised("".join(chars), tuple(offsets))


def quote_pieces(quote: str) -> list[str]:
    """The pieces of a quote joined by ``…``, each normalised (markup is not skipped in a quote)."""
    return [normalise(piece, strip_markup=False).text for piece in _PIECE_SEPARATOR.split(quote.strip()) if piece.strip()]


def find_quote(source: Normalised, quote: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]] | None:
    """Original-text spans of each piece of ``quote`` in ``source`` (in order), or None if not found.

    ``start`` and ``end`` are normalised offsets that limit the search, for example to a section.
    """
    limit = len(source.text) if end is None else end
    spans = []
    position = start
    for piece in quote_pieces(quote):
        found = source.text.find(piece, position, limit)
        if found < 0:
            return None
        spans.append(source.original_span(found, found + len(piece)))
        position = found + len(piece)
    return spans or None


def main(argv: list[str] | None = None) -> int:
    """``python -m regiokompas.quotes FILE...``: report sourced items whose quote is missing or not found."""
    import sys
    from pathlib import Path

    from .yamlfile import read_yaml

    root = Path.cwd()
    seeds = {
        document["id"]: document["seed"]
        for path in sorted((root / "regions").glob("*.yaml"))
        for document in (read_yaml(path, root)[0].data or {}).get("documents", [])
    }  # type: ignore[union-attr]
    cache: dict[str, Normalised] = {}
    missing = wrong = total = 0
    for name in argv if argv is not None else sys.argv[1:]:
        source_file, _ = read_yaml(Path(name), root)
        if source_file is None:
            continue
        stack: list[tuple[tuple, object]] = [((), source_file.data)]
        while stack:
            location, value = stack.pop()
            if isinstance(value, dict):
                if isinstance(value.get("source"), dict):
                    total += 1
                    cited = value["source"]
                    where = f"{source_file.name}:{source_file.line_of(location + ('source',))}: {value.get('id') or value.get('concept') or '/'.join(map(str, location))}"
                    quote = cited.get("quote")
                    if not quote:
                        missing += 1
                        print(f"{where}: geen citaat")
                        continue
                    seed = seeds.get(cited.get("document"))
                    if seed not in cache:
                        cache[seed] = normalise((root / "bronnen" / seed).read_text(encoding="utf-8"))
                    if find_quote(cache[seed], quote) is None:
                        wrong += 1
                        print(f"{where}: citaat niet gevonden in {seed}: {quote[:80]!r}")
                stack.extend((location + (key,), item) for key, item in value.items())
            elif isinstance(value, list):
                stack.extend((location + (number,), item) for number, item in enumerate(value))
    print(f"{total} items met bron, {missing} zonder citaat, {wrong} citaten niet gevonden")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
