"""Templates: every output lands escaped for its context (checked by reading the templates)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parent.parent / "scripts/regiokompas/templates").glob("*.j2"))
#: ``{{ ... }}`` inside an HTML tag (between ``<`` and ``>`` on one line).
IN_TAG = re.compile(r"<[a-zA-Z][^<>]*?(\{\{.*?\}\})[^<>]*>")
#: Filters and calls that make a value safe for an HTML attribute.
ATTRIBUTE_SAFE = re.compile(r"\|\s*(attr|id)\s*\}\}$|^\{\{\s*url\.")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_every_output_inside_an_html_tag_is_escaped_for_the_attribute(template: Path) -> None:
    wrong = []
    for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1):
        for tag in IN_TAG.finditer(line):
            for output in re.findall(r"\{\{.*?\}\}", tag.group(0)):
                if not ATTRIBUTE_SAFE.search(output):
                    wrong.append(f"{template.name}:{number}: {output}")
    assert wrong == [], "use '| attr' (or '| id' for an anchor) for values inside HTML tags"


def test_no_page_path_is_built_in_a_template() -> None:
    joined = [
        f"{template.name}:{number}"
        for template in TEMPLATES
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"""['"](regios|themas|begrippen|vergelijking|downloads|referentie)/""", line)
    ]
    assert joined == [], "ask 'url' (regiokompas.urls) for links"
