"""Reading YAML with ``safe_load`` semantics while remembering the line of every value.

A file is checked before its data is built: size, encoding, invisible control characters,
nesting depth, aliases and keys. Every limit gives a Dutch message naming the file, the
line and the limit (documented in CONTRIBUTING.md), and a file that breaks one is not
validated further, so its problem is reported once and without follow-on noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Location, Problem, display_name, format_path

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STRING_TAG = "tag:yaml.org,2002:str"

#: Limits no real document reaches (the largest data file is about 0.3 MB, 6 levels deep, no aliases).
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 20
MAX_ALIASES = 20
#: C0/C1 control characters except tab and line ends, and the Unicode direction controls.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass
class YamlFile:
    """A parsed YAML file: its data and the line (1-based) of every key and item."""

    name: str
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """The line of ``location``, or of its nearest ancestor that has one (missing keys)."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1

    def problem(self, location: Location, message: str) -> Problem:
        return Problem(self.name, self.line_of(location), format_path(location), message)


def _index(root: yaml.Node, name: str) -> tuple[dict[Location, int], list[Problem]]:
    """Lines of every location, walked without recursion; structural problems of the tree."""
    lines: dict[Location, int] = {}
    problems: list[Problem] = []
    seen: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, Location]] = [(root, ())]
    while stack:
        node, location = stack.pop()
        lines.setdefault(location, node.start_mark.line + 1)
        if id(node) in seen:  # the same node again: an alias (*name)
            aliases += 1
            if aliases > MAX_ALIASES:
                return lines, [
                    Problem(
                        name,
                        node.start_mark.line + 1,
                        format_path(location),
                        f"te veel YAML-verwijzingen (*naam): meer dan {MAX_ALIASES}; schrijf de waarden uit",
                    )
                ]
            continue
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            seen.add(id(node))
            if len(location) >= MAX_DEPTH:
                return lines, [
                    Problem(
                        name,
                        node.start_mark.line + 1,
                        format_path(location),
                        f"te diep genest: meer dan {MAX_DEPTH} niveaus; controleer het inspringen en de haakjes",
                    )
                ]
        children: list[tuple[yaml.Node, Location]] = []
        if isinstance(node, yaml.MappingNode):
            keys: dict[Any, int] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STRING_TAG:
                    shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "een lijst of blok"
                    problems.append(
                        Problem(name, line, format_path(location), f"sleutel '{_short(shown)}' is geen veldnaam; een sleutel is een woord zoals 'title'")
                    )
                    continue
                key = key_node.value
                if key in keys:
                    problems.append(
                        Problem(
                            name,
                            line,
                            format_path(location + (key,)),
                            f"de sleutel '{_short(key)}' staat hier voor de tweede keer (eerder op regel {keys[key]}); verwijder of hernoem een van beide",
                        )
                    )
                    continue
                keys[key] = line
                lines[location + (key,)] = line
                children.append((value_node, location + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value):
                lines[location + (number,)] = item.start_mark.line + 1
                children.append((item, location + (number,)))
        stack.extend(reversed(children))
    return lines, problems


def _short(value: object, width: int = 40) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(name, line, "", "het bestand is geen UTF-8 (een teken op deze regel); sla het op als UTF-8")]
    problems = []
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        found = FORBIDDEN_CHARACTERS.search(line)
        if found:
            code = f"U+{ord(found.group()):04X}"
            problems.append(Problem(name, number, "", f"onzichtbaar stuurteken {code} op deze regel; verwijder het (typ de tekst opnieuw)"))
    return (None, problems) if problems else (text.removeprefix("\ufeff"), [])


def read_yaml(path: Path, root: Path) -> tuple[YamlFile | None, list[Problem]]:
    """Parse ``path``; return the file (or None when it cannot be read safely) and the problems found."""
    name = display_name(path, root)
    if not path.is_file():
        return None, [Problem(name, 1, "", "dit is geen bestand (maar bijvoorbeeld een map); verwijder het of geef het een andere naam")]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(name, 1, "", f"het bestand is {size / 1e6:.1f} MB; de grens is {MAX_FILE_BYTES / 1e6:.0f} MB. Splits het of kort de teksten in")]
    text, problems = _decode(path.read_bytes(), name)
    if text is None:
        return None, problems
    loader = _LOADER(text)
    try:
        # One parse: compose the node tree (for line numbers and checks), then build the data
        # from it with safe_load's constructor. libyaml's C loader is used when PyYAML has it.
        node = loader.get_single_node()
        if node is None:
            return YamlFile(name, None, {}), []
        lines, problems = _index(node, name)
        if problems:
            return None, problems
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, name)]
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks its errors
        return None, [Problem(name, 1, "", f"ongeldige YAML ({_short(error, 80)}); controleer het bestand")]
    except RecursionError:
        return None, [Problem(name, 1, "", f"te diep genest: meer dan {MAX_DEPTH} niveaus; controleer het inspringen en de haakjes")]
    finally:
        loader.dispose()
    return YamlFile(name, data, lines), []


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    unclosed = _unclosed_quote_line(text, line)
    if unclosed is not None:
        return Problem(name, unclosed, "", 'YAML-fout: een aanhalingsteken (") op deze regel wordt niet afgesloten; sluit het af of haal het weg')
    if error.context and "quoted scalar" in error.context and error.context_mark:
        line = error.context_mark.line + 1
    return Problem(name, line, "", _syntax_message(error))


def _unclosed_quote_line(text: str, last_line: int) -> int | None:
    """The first line up to ``last_line`` that opens a double-quoted value and does not close it."""
    for number, line in enumerate(text.splitlines()[:last_line], start=1):
        stripped = line.split(" #", 1)[0]
        value = stripped.split(": ", 1)[1] if ": " in stripped else stripped.lstrip(" -")
        if value.lstrip().startswith('"') and (value.count('"') - value.count('\\"')) % 2 == 1:
            return number
    return None


_SYNTAX_HINTS = {
    "expected a single document": "het bestand bevat een tweede document (een regel '---'); haal die regel weg",
    "could not determine a constructor": "een YAML-tag (zoals '!!python/...') is niet toegestaan; schrijf de waarde als gewone tekst",
    "tab character": "een tab-teken; gebruik spaties om in te springen",
    "did not find expected ',' or ']'": "een lijst tussen [ ] wordt niet afgesloten; zet er een ] achter",
    "did not find expected ',' or '}'": "een blok tussen { } wordt niet afgesloten; zet er een } achter",
    "mapping values are not allowed": "een ':' midden in een tekst; zet de tekst tussen aanhalingstekens of gebruik '>-'",
    "could not find expected ':'": "een regel zonder 'sleutel: waarde'; controleer het inspringen en de aanhalingstekens",
    "that cannot start any token": "een teken waarmee geen waarde mag beginnen (bijvoorbeeld een tab of @); gebruik spaties om in te springen en zet de tekst tussen aanhalingstekens",
    "expected <block end>, but found": "het inspringen klopt niet; lijn de regel uit met de velden erboven",
    "found unexpected end of stream": "een aanhalingsteken wordt niet afgesloten",
    "did not find expected '-' indicator": "het inspringen klopt niet; lijn de regel uit met de regels erboven",
    "did not find expected key": "het inspringen klopt niet of een '- ' ontbreekt",
    "found undefined alias": "een '*' aan het begin van een waarde; zet de tekst tussen aanhalingstekens",
    "exceeded maximum nesting depth": f"te diep genest: meer dan {MAX_DEPTH} niveaus; controleer het inspringen en de haakjes",
}


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    """A Dutch message: what is wrong and what to do; the parser's own words are not shown."""
    problem = f"{error.problem or ''} {error.context or ''}"
    for needle, hint in _SYNTAX_HINTS.items():
        if needle in problem:
            return hint if hint.startswith("te diep genest") else f"YAML-fout: {hint}"
    return "YAML-fout: de opbouw van het bestand klopt hier niet; controleer het inspringen, de aanhalingstekens en de dubbele punten"
