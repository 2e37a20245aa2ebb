"""The editors' guide cannot drift: every message in CONTRIBUTING.md exists in the code and is tested,
and every message the validation code can give is in the guide."""

from __future__ import annotations

import ast
import re

import pytest

from conftest import ROOT
from test_messages import CASES, UNREACHABLE

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
CODE_FILES = sorted((ROOT / "scripts/regiokompas").glob("*.py"))
#: Modules whose messages reach editors.
VALIDATION_MODULES = ("catalog", "yamlfile", "model_errors", "models", "citations")


def _leading_constant(node: ast.expr) -> str | None:
    """The text a message expression starts with: a string, an f-string's first part, a sum's left side."""
    if isinstance(node, ast.BinOp):
        return _leading_constant(node.left)
    if isinstance(node, ast.JoinedStr):
        first = node.values[0] if node.values else None
        return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def documented_messages() -> list[str]:
    """The example messages in the guide's tables: ``file:line: [path: ]message`` in backticks."""
    found = []
    for example in re.findall(r"`((?:regions|glossary|themes|yardsticks)[^`]*?:\d+: [^`]+)`", GUIDE):
        message = re.sub(r"^[^:]+:\d+: ", "", example)
        message = re.sub(r"^[\w\[\].]+: ", "", message)  # the field path, when there is one
        found.append(message)
    return found


def code_messages() -> list[str]:
    """The constant start of every message the validation modules build."""
    found: set[str] = set()
    for path in CODE_FILES:
        if path.stem not in VALIDATION_MODULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values: list[ast.expr] = []
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("problem", "Problem") and node.args:
                values.append(node.args[-1])
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_check_list" and len(node.args) > 5:
                values.append(node.args[5])  # the message start of an unknown id in a list
            elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and getattr(node.exc.func, "id", "") == "ValueError":
                values.extend(node.exc.args[:1])
            elif isinstance(node, ast.FunctionDef) and node.name in ("dutch_message", "_pattern_message", "_syntax_message"):
                values.extend(child.value for child in ast.walk(node) if isinstance(child, ast.Return) and child.value is not None)
            elif isinstance(node, ast.Dict) and path.stem == "yamlfile":
                values.extend(value for value in node.values if value is not None)
            for value in values:
                text = (_leading_constant(value) or "").removeprefix("YAML-fout: ").rstrip()
                if len(text) >= 3:
                    found.add(text)
    return sorted(found)


DOCUMENTED = documented_messages()
CODE_STEMS = code_messages()


def producing_stem(message: str) -> str | None:
    """The longest stem of the code that ``message`` starts with."""
    body = message.removeprefix("YAML-fout: ")
    matches = [stem for stem in CODE_STEMS if body.startswith(stem)]
    return max(matches, key=len) if matches else None


def test_the_guide_lists_many_messages() -> None:
    assert len(DOCUMENTED) >= 50 and len(CODE_STEMS) >= 50


def _covers(case: str, stem: str) -> bool:
    return case.startswith(stem) or stem.startswith(case)


def test_every_message_of_the_code_has_a_case_that_produces_it() -> None:
    missing = [stem for stem in CODE_STEMS if stem not in UNREACHABLE and not any(_covers(case, stem) for case in CASES)]
    assert missing == [], "add a case to tests/test_messages.py"
    stale = [case for case in CASES if not any(_covers(case, stem) for stem in CODE_STEMS)]
    assert stale == [], "these cases name a message the code no longer gives"


@pytest.mark.parametrize("message", DOCUMENTED, ids=lambda message: message[:50])
def test_every_documented_message_comes_from_the_code(message: str) -> None:
    assert producing_stem(message) is not None, f"the guide shows a message the code does not give: {message!r}"


@pytest.mark.parametrize("stem", sorted(set(CODE_STEMS) - UNREACHABLE))
def test_every_message_of_the_code_is_in_the_guide(stem: str) -> None:
    assert any(producing_stem(message) == stem for message in DOCUMENTED), f"add an example of {stem!r} to CONTRIBUTING.md, chapter 10"


def test_the_unreachable_messages_are_still_in_the_code() -> None:
    assert set(CODE_STEMS) | {stem for stem in UNREACHABLE if any(code.startswith(stem) for code in CODE_STEMS)} >= UNREACHABLE
