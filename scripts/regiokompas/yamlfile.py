"""Reading YAML with ``safe_load`` semantics while remembering the line of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Location, Problem, display_name

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        from .problems import format_path

        return Problem(self.name, self.line_of(location), format_path(location), message)


def _index(node: yaml.Node, location: Location, lines: dict[Location, int], problems: list[Problem], name: str) -> None:
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                from .problems import format_path

                problems.append(
                    Problem(
                        name,
                        line,
                        format_path(location + (key,)),
                        f"de sleutel '{key}' staat hier voor de tweede keer (eerder op regel {seen[key]}); "
                        "verwijder of hernoem een van beide",
                    )
                )
                continue
            seen[key] = line
            lines[location + (key,)] = line
            _index(value_node, location + (key,), lines, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            lines[location + (number,)] = item.start_mark.line + 1
            _index(item, location + (number,), lines, problems, name)


def read_yaml(path: Path, root: Path) -> tuple[YamlFile | None, list[Problem]]:
    """Parse ``path``; return the file (or None on a syntax error) and the problems found."""
    name = display_name(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(name, 1, "", f"het bestand is geen UTF-8 ({error.reason}); sla het op als UTF-8")]
    try:
        # One parse: compose the node tree (for line numbers), then build the data from it with
        # safe_load's constructor. libyaml's C loader is used when PyYAML has it.
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        unclosed = _unclosed_quote_line(text, line)
        if unclosed is not None:
            return None, [Problem(name, unclosed, "", "YAML-fout: een aanhalingsteken (\") op deze regel wordt niet afgesloten; sluit het af of haal het weg")]
        if error.context and "quoted scalar" in error.context and error.context_mark:
            line = error.context_mark.line + 1
        return None, [Problem(name, line, "", _syntax_message(error))]
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML always marks its errors
        return None, [Problem(name, 1, "", f"ongeldige YAML: {error}")]
    lines: dict[Location, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _index(node, (), lines, problems, name)
    return YamlFile(name, data, lines), problems


def _unclosed_quote_line(text: str, last_line: int) -> int | None:
    """The first line up to ``last_line`` that opens a double-quoted value and does not close it."""
    for number, line in enumerate(text.splitlines()[:last_line], start=1):
        stripped = line.split(" #", 1)[0]
        value = stripped.split(": ", 1)[1] if ": " in stripped else stripped.lstrip(" -")
        if value.lstrip().startswith('"') and (value.count('"') - value.count('\\"')) % 2 == 1:
            return number
    return None


_SYNTAX_HINTS = {
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
}


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    for needle, hint in _SYNTAX_HINTS.items():
        if needle in problem or needle in (error.context or ""):
            return f"YAML-fout ({problem}): {hint}"
    return f"YAML-fout ({problem}); controleer het inspringen en de aanhalingstekens"
