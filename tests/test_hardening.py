"""Hostile or unusual files: limits, invisible characters, reserved ids, and every problem reported once."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import line_of, problems_of, replace_in
from regiokompas.catalog import load_catalog
from regiokompas.models import MAX_TEXT_LENGTH
from regiokompas.yamlfile import MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_six_problems_in_two_files_are_all_reported_once_and_nothing_else(mini: Path) -> None:
    alpha, beta = mini / "regions/alpha.yaml", mini / "regions/beta.yaml"
    replace_in(alpha, "value: 9.1", "value: veel")  # 1 wrong type (the model fails for alpha)
    replace_in(alpha, "themes: [normaliseren, preventie]", "themes: [normaliseren, preventei]")  # 2 unknown theme
    replace_in(alpha, "terms: [gecertificeerde-instelling]", "terms: [gecertificeerd]")  # 3 unknown term
    replace_in(beta, "- id: bet-p1-a1", "- id: alp-p1-a1")  # 4 duplicate id across files
    replace_in(beta, 'date: "2022"', 'date: "2022-02-31"')  # 5 a date that does not exist
    replace_in(beta, "province: Testprovincie", "province: Testprovincie\nprovincie: Anders")  # 6 unknown field
    problems = problems_of(mini)
    expected = [
        f"regions/alpha.yaml:{line_of(alpha, 'value: veel')}: key_figures[0].value: moet een getal zijn",
        f"regions/alpha.yaml:{line_of(alpha, 'preventei')}: actions[0].themes[1]: onbekend thema 'preventei'",
        f"regions/alpha.yaml:{line_of(alpha, 'gecertificeerd]')}: principles[0].terms[0]: onbekend begrip 'gecertificeerd'",
        f"regions/beta.yaml:{line_of(beta, 'alp-p1-a1')}: dubbel id 'alp-p1-a1': staat in regions/alpha.yaml:",
        f"regions/beta.yaml:{line_of(beta, '2022-02-31')}: documents[0].date: de datum '2022-02-31' bestaat niet",
        f"regions/beta.yaml:{line_of(beta, 'provincie: Anders')}: provincie: onbekend veld 'provincie'",
    ]
    assert len(problems) == 6, problems
    for start in expected:
        assert sum(problem.startswith(start) for problem in problems) == 1, (start, problems)


def test_a_broken_region_file_adds_no_glossary_noise(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "summary: Alpha is a fixture region.", 'summary: "Alpha is a fixture region.')
    problems = problems_of(mini)
    assert len(problems) == 1 and problems[0].startswith("regions/alpha.yaml:"), problems


def test_a_region_that_fails_the_model_still_has_its_references_checked(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "province: Testprovincie\n", "")  # the model fails: a required field is missing
    replace_in(path, "parent: alp-p1", "parent: alp-p9")
    problems = problems_of(mini)
    assert len(problems) == 2, problems
    assert any("verplicht veld 'province' ontbreekt" in problem for problem in problems)
    assert any("onbekend principe of onderwerp 'alp-p9'" in problem for problem in problems)


def test_duplicate_id_names_both_places(mini: Path) -> None:
    replace_in(mini / "regions/beta.yaml", "- id: bet-p1-a1", "- id: alp-p1-a1")
    (problem,) = problems_of(mini)
    assert f"regions/alpha.yaml:{line_of(mini / 'regions/alpha.yaml', '- id: alp-p1-a1')}" in problem
    assert f"regions/beta.yaml:{line_of(mini / 'regions/beta.yaml', '- id: alp-p1-a1')}" in problem


@pytest.mark.parametrize("date", ["2022-02-31", "2021-13-01", "2023-02-29"])
def test_a_date_that_does_not_exist_is_refused(mini: Path, date: str) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, 'date: "2022-01-01"', f'date: "{date}"')
    (problem,) = problems_of(mini)
    assert problem.startswith(f"regions/alpha.yaml:{line_of(path, date)}: milestones[0].date: ")


def test_a_leap_day_is_a_date(mini: Path) -> None:
    replace_in(mini / "regions/alpha.yaml", 'date: "2022-01-01"', 'date: "2024-02-29"')
    load_catalog(mini)


def test_synthesis_may_not_cite_a_milestone(mini: Path) -> None:
    path = mini / "themes/themes.yaml"
    replace_in(path, "refs: [alp-p1, bet-p1]", "refs: [alp-p1, alp-m-1]")
    (problem,) = problems_of(mini)
    assert problem.startswith(f"themes/themes.yaml:{line_of(path, 'alp-m-1')}: themes[0].synthesis[0].refs[1]: verwijzing naar een mijlpaal ('alp-m-1')")


def _reserved(problems: list[str]) -> list[str]:
    return [problem for problem in problems if "die naam gebruikt de site zelf voor een pagina" in problem]


def test_a_region_id_that_a_generated_page_uses_is_reserved(mini: Path) -> None:
    replace_in(mini / "regions/beta.yaml", "id: beta\n", "id: wijzigingen\n")
    (mini / "regions/beta.yaml").rename(mini / "regions/wijzigingen.yaml")
    replace_in(mini / "glossary/beta.yaml", "region: beta", "region: wijzigingen")
    (problem,) = problems_of(mini)
    assert _reserved([problem]) and problem.startswith("regions/wijzigingen.yaml:1: id: ")


def test_a_theme_id_that_a_generated_page_uses_is_reserved(mini: Path) -> None:
    path = mini / "themes/themes.yaml"
    replace_in(path, "- id: wachtlijsten", "- id: index")
    (problem,) = problems_of(mini)
    assert _reserved([problem]) and problem.startswith(f"themes/themes.yaml:{line_of(path, '- id: index')}: themes[2].id: ")


def test_a_concept_id_that_a_generated_page_uses_is_reserved(mini: Path) -> None:
    path = mini / "glossary/beta.yaml"
    replace_in(path, "concept: jeugdhulp", "concept: index")
    replace_in(mini / "glossary/begrippen.yaml", "related: [jeugdhulp]", "related: [index]")
    (problem,) = problems_of(mini)
    assert _reserved([problem]) and problem.startswith(f"glossary/beta.yaml:{line_of(path, 'concept: index')}: entries[1].concept: ")


def test_alias_expansion_is_limited(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    lines = ["bomb0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        lines.append(f"bomb{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    _append(path, "\n".join(lines) + "\n")
    (problem,) = problems_of(mini)
    assert problem.startswith("regions/alpha.yaml:") and f"meer dan {MAX_ALIASES}" in problem


def test_deep_nesting_is_refused_without_a_traceback(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    _append(path, "diep: " + "[" * 999 + "]" * 999 + "\n")
    (problem,) = problems_of(mini)
    assert problem.startswith(f"regions/alpha.yaml:{line_of(path, 'diep:')}:") and f"meer dan {MAX_DEPTH} niveaus" in problem


def test_a_huge_file_is_refused_before_it_is_read(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    _append(path, "# " + "x" * MAX_FILE_BYTES + "\n")
    (problem,) = problems_of(mini)
    assert problem.startswith("regions/alpha.yaml:1:") and "de grens is 2 MB" in problem


def test_a_huge_value_is_refused_and_not_repeated_in_the_message(mini: Path) -> None:
    replace_in(mini / "regions/alpha.yaml", "summary: Alpha is a fixture region.", "summary: " + "woord " * 5000)
    (problem,) = problems_of(mini)
    assert f"de grens is {MAX_TEXT_LENGTH}" in problem and len(problem) < 300


def test_a_folder_named_like_a_data_file(mini: Path) -> None:
    (mini / "regions/x.yaml").mkdir()
    (problem,) = problems_of(mini)
    assert problem.startswith("regions/x.yaml:1: dit is geen bestand")


def test_a_yml_file_is_not_silently_ignored(mini: Path) -> None:
    (mini / "regions/beta.yaml").rename(mini / "regions/beta.yml")
    problems = problems_of(mini)
    assert problems[0] == "regions/beta.yml:1: gebruik de extensie .yaml; hernoem het bestand naar beta.yaml"


@pytest.mark.parametrize(
    ("addition", "needle"),
    [
        ("extra: !!python/object/apply:os.system ['echo x']\n", "YAML-tag"),
        ("---\nextra: 1\n", "tweede document"),
        ("1: een getal als sleutel\n", "sleutel '1' is geen veldnaam"),
    ],
)
def test_unusual_yaml_gets_a_dutch_message(mini: Path, addition: str, needle: str) -> None:
    _append(mini / "regions/alpha.yaml", addition)
    (problem,) = problems_of(mini)
    assert needle in problem, problem
    assert problem.startswith(f"regions/alpha.yaml:{len((mini / 'regions/alpha.yaml').read_text().splitlines()) - addition.count(chr(10)) + 1}:")
    assert not any(english in problem for english in ("expected", "could not", "constructor", "found"))


def test_a_latin1_file_names_the_line_of_the_bad_byte(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    raw = path.read_bytes().replace(b"province: Testprovincie", b"province: Testprovinci\xe9")
    path.write_bytes(raw)
    (problem,) = problems_of(mini)
    assert problem.startswith("regions/alpha.yaml:3: het bestand is geen UTF-8")  # line 3: province


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\u202e", "\u2066", "\u200f"])
def test_control_and_direction_characters_are_refused(mini: Path, character: str) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "summary: Alpha is a fixture region.", f"summary: Alpha is a {character}fixture region.")
    (problem,) = problems_of(mini)
    assert problem.startswith(f"regions/alpha.yaml:{line_of(path, 'summary: Alpha')}: onzichtbaar stuurteken U+{ord(character):04X}")
