"""Source texts (``bronnen/*.txt``): headings, section paths, quotes and pages.

A ``source.section`` in the YAML (``"A > B > C"``) is resolved to a span of the
source text by matching each component to a heading, tolerant of numbering,
case, punctuation and conversion markup (see :func:`component_matches`). The
conversion's heading levels are unreliable, so where a section ends is decided
by its numbering first (``3.1`` ends at ``3.2`` or ``4``, whatever the number of
``#``) and by the Markdown level second (see :meth:`SourceText._end_of`).

Pages come from two places: explicit page markers in the text (a line
``<!-- pagina 12 -->`` starts page 12) or, without markers, the document's own
table of contents, which gives the page on which a listed section starts. A
position between two listed sections then lies on a page between their pages.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .quotes import Normalised, find_quote, normalise, quote_pieces

PAGE_MARKER = re.compile(r"^<!-- pagina (\d{1,3}) -->[ \t]*$", re.MULTILINE)
_TAGS = re.compile(r"</?[a-z]+\b[^>]*>")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_BOLD_LINE = re.compile(r"^\*\*([^*]{2,100})\*\*[ \t]*$")
_ITALIC_LINE = re.compile(r"^(\d{1,2}[.)]\s+)?\*([^*\s][^*]{1,250})\*[ \t]*$")
#: "1. *Titel van de maatregel.* Toelichting" : a numbered item whose title is emphasised.
_NUMBERED_ITALIC = re.compile(r"^(\d{1,2}[.)]\s+)\*([^*\s][^*]{1,2000})\*")
#: A numbered line on its own: "5.1.4 Titel" or "5. Titel" between blank lines.
_NUMBERED_LINE = re.compile(r"^(?:- )?(\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)])\s+\(?[^\W\d_]")
_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(?:\.|\))?\s+(?=\S)")
_LETTER_PREFIX = re.compile(r"^[A-Z][.)]\s+")
_LABELLED_NUMBER = re.compile(r"^(actielijn|opgave|maatregel|principe|leidend principe|hoofdstuk|paragraaf)\s+(\d{1,2})$")
_FRONT_PAGE = ("voorpagina", "voorblad", "omslag")
_FOOTNOTE = re.compile(r"^voetnoot\s+(\d{1,3})$")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_TOC_TITLES = ("inhoud", "inhoudsopgave")
_TOC_LINE = re.compile(r"^(.*?\w.*?)[\s.…|]*\t?\s*(\d{1,3})\s*\|?\s*$")
#: Back matter that ends a numbered chapter even at the same Markdown level.
_BACK_MATTER = ("bijlage", "begrippenlijst", "colofon", "tot slot")


def key(value: str) -> str:
    """A heading or section component as compared: no markup, case or punctuation."""
    value = _TAGS.sub("", html.unescape(value)).replace("*", " ").casefold()
    return " ".join(re.sub(r"[^\w]+", " ", value).split())


def split_number(value: str) -> tuple[tuple[int, ...] | None, str]:
    """``"3.2 Verklarende analyse"`` -> ``((3, 2), "Verklarende analyse")``."""
    value = " ".join(_TAGS.sub("", html.unescape(value)).replace("*", " ").split())
    match = _NUMBER.match(value)
    if match and re.search(r"[^\W\d_]", value[match.end() :]):
        return tuple(int(part) for part in match.group(1).split(".")), value[match.end() :]
    return None, value


@dataclass
class Heading:
    """One heading of a source text, with where its section ends."""

    line: int  # 1-based line number
    start: int  # offset of the heading line
    body: int  # offset just after the heading line
    level: int  # number of '#' (7 for a bold-only line, 8 for a bare line in a text without '#')
    text: str  # as shown: markup removed
    number: tuple[int, ...] | None
    key: str  # key() of the text without its number
    end: int = 0  # offset where the section ends
    in_toc: bool = True  # listed in the table of contents (True when the document has none)
    chapter: bool = False  # printed bold in the table of contents: a chapter
    closed_by_number: bool = False  # the end is certain: a following number, not a heading level
    anchor: str = ""
    depth: int = 0  # nesting depth in the resolved structure (0 = top)

    @property
    def label(self) -> str:
        """Short label: the number if there is one, else the text."""
        return ".".join(map(str, self.number)) if self.number else self.text


@dataclass
class Resolved:
    """A section path resolved to a span of the text."""

    start: int
    end: int
    headings: list[Heading]


@dataclass
class SourceText:
    """A parsed ``bronnen/*.txt`` file."""

    name: str
    text: str
    corrections: dict[str, str] = field(default_factory=dict)
    _resolved: dict[str, Resolved | None] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def normalised(self) -> Normalised:
        return normalise(self.text)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(match.end() for match in re.finditer("\n", self.text))
        return starts

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def _corrected(self, value: str) -> str:
        for wrong, right in self.corrections.items():
            value = value.replace(wrong, right)
        return value

    @cached_property
    def headings(self) -> list[Heading]:
        lines = self.text.split("\n")
        has_marks = any(_HEADING.match(line) for line in lines)
        headings: list[Heading] = []
        offset = 0
        for number, line in enumerate(lines):
            start, offset = offset, offset + len(line) + 1
            stripped = line.strip()
            match = _HEADING.match(line)
            level = 0
            if match:
                level, raw = len(match.group(1)), match.group(2)
            elif (bold := _BOLD_LINE.match(stripped)) and not bold.group(1).rstrip().endswith((".", ",", ":", ";")):
                level, raw = 7, bold.group(1)
            elif (italic := _ITALIC_LINE.match(stripped)) and (italic.group(1) or split_number(italic.group(2))[0] or len(italic.group(2)) <= 120):
                level, raw = 7, (italic.group(1) or "") + italic.group(2)
            elif numbered_italic := _NUMBERED_ITALIC.match(stripped):
                level, raw = 7, (numbered_italic.group(1) + numbered_italic.group(2))[:200]
            elif has_marks and self._numbered_line(lines, number):
                stripped = stripped.removeprefix("- ")
                level, raw = (4 if "." in stripped.split(" ")[0].rstrip(".") else 7), stripped[:200]
            elif not has_marks and self._bare_heading(lines, number):
                level, raw = 8, stripped
            if not level:
                continue
            shown = " ".join(_TAGS.sub("", raw).replace("*", " ").split())
            if not re.search(r"[^\W\d_]", shown):
                continue
            parsed, rest = split_number(self._corrected(shown))
            headings.append(Heading(number + 1, start, min(offset, len(self.text)), level, shown, parsed, key(rest)))
        listed = self._toc_entries(headings)
        if listed is not None:
            for index, heading in enumerate(headings):
                heading.in_toc = index in listed
                heading.chapter = index in self._toc_bold
        for index, heading in enumerate(headings):
            heading.end = self._end_of(headings, index)
        self._assign_anchors(headings)
        return headings

    @staticmethod
    def _numbered_line(lines: list[str], number: int) -> bool:
        line = lines[number]
        before = lines[number - 1].strip() if number else ""
        toc_line = re.search(r"(\t|\.{3,}|…)\s*\d{1,3}\s*$", line)  # "1. Inleiding<tab>3" in a table of contents
        return bool(_NUMBERED_LINE.match(line)) and len(line) <= 2000 and not before and not toc_line

    @staticmethod
    def _bare_heading(lines: list[str], number: int) -> bool:
        """In a text without '#': a short line on its own that does not end like a sentence."""
        line = lines[number].strip()
        before = lines[number - 1].strip() if number else ""
        after = lines[number + 1].strip() if number + 1 < len(lines) else ""
        indented_number = lines[number][:1] == " " and split_number(line)[0] is not None
        if not line or (before and after and not indented_number) or len(line) > 80 or line.endswith((".", ",", ";")) or line.startswith(("-", "•", "|", "o ")):
            return False
        if not (line[0].isupper() or line[0].isdigit()):
            return False
        own, _ = split_number(line)
        if own is None:
            # a sentence that runs on into the next line ("... na de opname: het meisje" / "beschadigde ...")
            return not (after and after[0].islower())
        # a numbered list ("1. Normalisering", "2. Kostenbeheersing") is not a row of headings
        neighbours = [
            split_number(next((other.strip() for other in lines[position + step :: step] if other.strip()), ""))[0]
            if 0 <= position + step < len(lines)
            else None
            for position, step in ((number, 1), (number, -1))
        ]
        return not any(other is not None and abs(other[-1] - own[-1]) == 1 for other in neighbours)

    def _end_of(self, headings: list[Heading], index: int) -> int:
        heading = headings[index]
        series_started = False
        for later in headings[index + 1 :]:
            if later.chapter and not (heading.number and later.number and later.number[: len(heading.number)] == heading.number):
                heading.closed_by_number = heading.number is not None
                return later.start
            back_matter = later.key.startswith(_BACK_MATTER) and later.level <= max(heading.level, 2)
            if heading.number is not None:
                if later.number is not None:
                    # a numbered list item inside a section does not end a section from the table of contents
                    if not heading.in_toc and len(heading.number) == 1:
                        # an item of a numbered list ends at any number that is not an earlier item
                        ends = later.in_toc or len(later.number) > 1 or later.number > heading.number
                    else:
                        ends = (
                            (later.in_toc or (not heading.in_toc and len(later.number) > 1))
                            and later.number > heading.number
                            and later.number[: len(heading.number)] != heading.number
                        )
                    if ends:
                        heading.closed_by_number = True
                        return later.start
                elif back_matter or (later.level < heading.level and later.level <= 2 and not self._numbering_continues(headings, index, later)):
                    return later.start
            else:
                if later.number is not None and later.level >= heading.level and (later.number[-1] == 1 or series_started):
                    series_started = True
                    continue
                if later.level <= heading.level or back_matter:
                    return later.start
        return len(self.text)

    @staticmethod
    def _numbering_continues(headings: list[Heading], index: int, later: Heading) -> bool:
        """Whether the chapter of a listed numbered section goes on after ``later`` (numbering before levels).

        "### 3.5" followed by "## Het kan nog beter" and then "### 3.6": the conversion's levels say
        3.5 (and chapter 3) end at the unnumbered heading, the numbering says they go on to 3.6.
        """
        heading = headings[index]
        if heading.number is None or not heading.in_toc:
            return False
        following = next((h for h in headings[headings.index(later, index + 1) + 1 :] if h.number is not None and h.in_toc), None)
        return following is not None and following.number[0] == heading.number[0] and following.number > heading.number

    @staticmethod
    def _assign_anchors(headings: list[Heading]) -> None:
        used: set[str] = set()
        stack: list[Heading] = []
        for heading in headings:
            while stack and stack[-1].end <= heading.start:
                stack.pop()
            heading.depth = len(stack)
            stack.append(heading)
            base = "sectie-" + ("-".join(map(str, heading.number)) + "-" if heading.number else "") + "-".join(heading.key.split()[:6])
            base = re.sub(r"[^a-z0-9-]+", "", base.replace("_", "-")).strip("-") or "sectie"
            base = re.sub(r"-{2,}", "-", base)
            anchor, count = base, 2
            while anchor in used:
                anchor, count = f"{base}-{count}", count + 1
            used.add(anchor)
            heading.anchor = anchor

    # --- section paths -------------------------------------------------------------------------

    def resolve(self, section: str) -> Resolved | None:
        """The span of ``section`` ("A > B > C"), or None when a component is not found."""
        if section not in self._resolved:
            self._resolved[section] = self._resolve(section)
        return self._resolved[section]

    def _resolve(self, section: str) -> Resolved | None:
        components = [part.strip() for part in section.split(">") if part.strip()]
        start, end = 0, len(self.text)
        found: list[Heading] = []
        outer = [(0, len(self.text), False)]
        if len(components) == 1 and key(components[0]) in _FRONT_PAGE:
            first = self.headings[0].start if self.headings else len(self.text)
            return Resolved(0, first, [])
        for position, component in enumerate(components):
            heading = self._find_heading(component, start, end)
            if heading is None and not (found and found[-1].closed_by_number):
                # Heading levels of the conversion are unreliable: look further, inside the enclosing sections.
                for _, outer_end, certain in reversed(outer[:-1]):
                    heading = self._find_heading(component, start, outer_end)
                    if heading is not None or certain:
                        break
            if heading is not None:
                found.append(heading)
                start, end = heading.body, heading.end
                outer.append((start, end, heading.closed_by_number))
                continue
            if position != len(components) - 1:
                return None
            entry = self._find_entry(component, start, end)
            if entry is None:
                return None
            return Resolved(entry[0], entry[1], found)
        return Resolved(found[-1].start if found else 0, end, found)

    def _find_heading(self, component: str, start: int, end: int) -> Heading | None:
        candidates = [h for h in self.headings if start <= h.start < end]
        for loose in (False, True):
            matches = [heading for heading in candidates if component_matches(component, heading, loose)]
            if matches:
                # a heading the table of contents lists wins over a namesake earlier in the text
                return next((heading for heading in matches if heading.in_toc and heading.number is None), matches[0]) if not loose else matches[0]
        return None

    def _find_entry(self, component: str, start: int, end: int) -> tuple[int, int] | None:
        """A glossary term, footnote, figure or lead-in line that is not a heading: where it starts and ends."""
        footnote = _FOOTNOTE.match(key(component))
        if footnote:
            pattern = re.compile(rf"^[ \t]*<sup>{footnote.group(1)}</sup>", re.MULTILINE)
            match = pattern.search(self.text, start, end) or pattern.search(self.text)
            if match is None:
                return None
            line_end = self.text.find("\n", match.end())
            return match.start(), len(self.text) if line_end < 0 else line_end
        wanted = key(self._corrected(component))
        if not wanted:
            return None
        offset = start
        for line in self.text[start:end].split("\n"):
            line_key = key(self._corrected(line.lstrip(" \t|-•>")))
            if line_key == wanted:
                # a line on its own ("Hoe realiseren we dit:") introduces the rest of the section
                return offset, end
            if line_key.startswith(wanted + " "):
                # a term followed by its explanation (a glossary row or paragraph)
                paragraph_end = self.text.find("\n\n", offset)
                return offset, end if paragraph_end < 0 or paragraph_end > end else paragraph_end
            offset += len(line) + 1
        return None

    def heading_at(self, offset: int) -> Heading | None:
        """The innermost section that contains ``offset``."""
        inner = None
        for heading in self.headings:
            if heading.start > offset:
                break
            if heading.end > offset:
                inner = heading
        return inner

    def path_at(self, offset: int) -> list[Heading]:
        """Every section that contains ``offset``, outermost first."""
        return [h for h in self.headings if h.start <= offset < h.end]

    # --- quotes --------------------------------------------------------------------------------

    def normalised_offset(self, offset: int) -> int:
        return bisect.bisect_left(self.normalised.offsets, offset)

    def find(self, quote: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]] | None:
        """Original-text spans of the quote within ``[start, end)`` (original offsets)."""
        limit = None if end is None else self.normalised_offset(end)
        return find_quote(self.normalised, quote, self.normalised_offset(start), limit)

    def longest_prefix(self, quote: str) -> tuple[str, str]:
        """The longest start of the quote's first piece found in the text, and the words after it."""
        pieces = quote_pieces(quote)
        words = pieces[0].split(" ") if pieces else []
        low, high = 0, len(words)
        while low < high:
            middle = (low + high + 1) // 2
            if " ".join(words[:middle]) in self.normalised.text:
                low = middle
            else:
                high = middle - 1
        return " ".join(words[:low]), " ".join(words[low : low + 4])

    # --- pages ---------------------------------------------------------------------------------

    @cached_property
    def page_marks(self) -> list[tuple[int, int]]:
        """(offset, page) where a page starts: from page markers, else from the table of contents."""
        marks = [(match.start(), int(match.group(1))) for match in PAGE_MARKER.finditer(self.text)]
        return marks or self._toc_marks()

    @cached_property
    def has_page_markers(self) -> bool:
        return bool(PAGE_MARKER.search(self.text))

    def _toc_entries(self, headings: list[Heading]) -> dict[int, int] | None:
        """Heading index -> page for every heading the table of contents lists; None without one."""
        toc = next((index for index, h in enumerate(headings) if h.key in _TOC_TITLES), None)
        if toc is None:
            return None
        block_end = headings[toc + 1].start if toc + 1 < len(headings) else len(self.text)
        entries: dict[int, int] = {}
        self._toc_bold: set[int] = set()
        position, last_page = toc + 1, 0
        for line in self.text[headings[toc].body : block_end].split("\n"):
            cleaned = " ".join(_TAGS.sub("", line).strip(" |").split())
            match = _TOC_LINE.match(cleaned)
            if not match:
                continue
            title, page = match.group(1).strip(" .…|"), int(match.group(2))
            for loose in (False, True):
                found = next(
                    (i for i in range(position, len(headings)) if component_matches(title, headings[i], loose, same_number=True)),
                    None,
                )
                if found is not None:
                    break
            if found is None or page < last_page:
                continue
            entries[found] = page
            if "<b>" in line:
                self._toc_bold.add(found)
            position, last_page = found + 1, page
        return entries

    def _toc_marks(self) -> list[tuple[int, int]]:
        entries = self._toc_entries(self.headings) or {}
        return [(self.headings[index].start, page) for index, page in sorted(entries.items())]

    def pages_at(self, start: int, end: int | None = None) -> tuple[int, int] | None:
        """The pages ``[start, end)`` may lie on: (first, last), or None when unknown."""
        marks = self.page_marks
        end = start + 1 if end is None else max(end, start + 1)
        offsets = [offset for offset, _ in marks]
        first = bisect.bisect_right(offsets, start) - 1
        last = bisect.bisect_left(offsets, end) - 1
        if first < 0:
            return None
        low = marks[first][1]
        if self.has_page_markers:
            return low, marks[last][1]
        if last + 1 < len(marks):
            # a listed section that starts on page q may share that page with the text before it
            return low, marks[last + 1][1] if marks[last + 1][1] > marks[last][1] else marks[last][1]
        return low, 999  # after the last listed section: no upper bound


def load_source(path: Path, corrections: dict[str, str] | None = None) -> SourceText:
    return SourceText(path.name, path.read_text(encoding="utf-8"), dict(corrections or {}))


def component_matches(component: str, heading: Heading, loose: bool = False, same_number: bool = False) -> bool:
    """Whether a section component names ``heading``.

    Tolerated: numbering written differently (``3``, ``3.``, ``3)``), a letter prefix such as
    ``A.`` in the YAML, case, punctuation, conversion markup, ``Actielijn 2`` for a heading
    numbered ``2``. With ``loose``: a parenthetical remark in the component, or one being the
    start of the other (a heading with its subtitle on the next line).
    """
    number, wanted, labelled, bare = _parse_component(component)
    if number is not None and heading.number is not None and number != heading.number:
        return False
    if same_number and number != heading.number:
        return False
    if number is None and labelled is not None and heading.number == (labelled,):
        return True
    if wanted == heading.key and (number is None or heading.number is not None or not loose):
        return True
    if not loose:
        return False
    if bare and bare == heading.key:
        return True
    shorter, longer = sorted((wanted, heading.key), key=len)
    return len(shorter) >= 8 and (longer.startswith(shorter + " "))


@lru_cache(maxsize=4096)
def _parse_component(component: str) -> tuple[tuple[int, ...] | None, str, int | None, str]:
    """(number, key, number after a label such as 'Actielijn', key without parenthetical remark)."""
    component = _LETTER_PREFIX.sub("", component.strip())
    number, rest = split_number(component)
    wanted = key(rest)
    labelled = _LABELLED_NUMBER.match(wanted)
    return number, wanted, int(labelled.group(2)) if labelled else None, key(_PARENTHESES.sub("", rest))
