"""Every class of validation error gives `file:line: path: message` in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import line_of, problems_of, replace_in
from regiokompas.catalog import load_catalog
from regiokompas.generate import generate
from regiokompas.problems import ValidationFailed


def test_fixture_is_valid(mini: Path) -> None:
    catalog = load_catalog(mini)
    assert [region.id for region in catalog.regions] == ["alpha", "beta"]


def test_yaml_syntax_error_names_the_line(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "summary: Alpha is a fixture region.", 'summary: "Alpha is a fixture region.')
    problems = problems_of(mini)
    assert len(problems) == 1
    line = line_of(path, 'summary: "Alpha')
    assert problems[0].startswith(f"regions/alpha.yaml:{line}: ")
    assert "YAML-fout" in problems[0] and "aanhalingsteken" in problems[0]


def test_colon_in_text_gets_a_hint(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "summary: Alpha is a fixture region.", "summary: Alpha is: a fixture region.")
    (problem,) = problems_of(mini)
    assert problem.startswith(f"regions/alpha.yaml:{line_of(path, 'Alpha is: a')}: ")
    assert "tussen aanhalingstekens" in problem


def test_duplicate_key(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "province: Testprovincie\n", "province: Testprovincie\nprovince: Anders\n")
    (problem,) = problems_of(mini)
    assert problem == (
        f"regions/alpha.yaml:{line_of(path, 'province: Anders')}: province: de sleutel 'province' staat hier "
        f"voor de tweede keer (eerder op regel {line_of(path, 'province: Testprovincie')}); verwijder of hernoem een van beide"
    )


def test_missing_required_field(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "    owner: Alpha-gemeenten\n    levels: [lokaal]\n", "    owner: Alpha-gemeenten\n")
    (problem,) = problems_of(mini)
    assert problem == (
        f"regions/alpha.yaml:{line_of(path, '- id: alp-p1-a1')}: actions[0].levels: verplicht veld 'levels' ontbreekt; voeg 'levels:' toe met een waarde"
    )


def test_wrong_type(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "baseline_year: 2022", "baseline_year: twintig")
    (problem,) = problems_of(mini)
    assert problem == (
        f"regions/alpha.yaml:{line_of(path, 'baseline_year: twintig')}: indicators[0].baseline_year: moet een geheel getal zijn, maar is 'twintig'"
    )


def test_unknown_key_is_not_ignored_and_gets_a_suggestion(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, '    timing: "2022"', '    timming: "2022"')
    (problem,) = problems_of(mini)
    assert problem == f"regions/alpha.yaml:{line_of(path, 'timming')}: actions[0].timming: onbekend veld 'timming'; bedoelde u 'timing'?"


def test_unknown_level_lists_the_choices(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "levels: [lokaal]", "levels: [lokal]")
    (problem,) = problems_of(mini)
    assert problem.startswith(f"regions/alpha.yaml:{line_of(path, 'levels: [lokal]')}: actions[0].levels[0]: ongeldige waarde 'lokal'; bedoelde u 'lokaal'?")
    assert "bovenregionaal" in problem


def test_unknown_theme_with_suggestion(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "themes: [normaliseren]\n    terms", "themes: [normaliseeren]\n    terms")
    (problem,) = problems_of(mini)
    assert problem == (
        f"regions/alpha.yaml:{line_of(path, 'normaliseeren')}: principles[0].themes[0]: onbekend thema 'normaliseeren'; bedoelde u 'normaliseren'?"
    )


def test_unknown_glossary_term(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "terms: [gecertificeerde-instelling]", "terms: [gecertificeerde-instellingen]")
    (problem,) = problems_of(mini)
    assert problem.startswith(
        f"regions/alpha.yaml:{line_of(path, 'terms:')}: principles[0].terms[0]: onbekend begrip "
        "'gecertificeerde-instellingen'; bedoelde u 'gecertificeerde-instelling'?"
    )


def test_unknown_source_document(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, 'source: {document: alp-doc, section: "7. In control",', 'source: {document: alp-dok, section: "7. In control",')
    (problem,) = problems_of(mini)
    assert problem.startswith(
        f"regions/alpha.yaml:{line_of(path, 'alp-dok')}: indicators[0].source.document: onbekend document 'alp-dok'; bedoelde u 'alp-doc'?"
    )


def test_unknown_parent(mini: Path) -> None:
    path = mini / "regions/beta.yaml"
    replace_in(path, "parent: bet-p1", "parent: bet-p2")
    (problem,) = problems_of(mini)
    assert problem == f"regions/beta.yaml:{line_of(path, 'parent: bet-p2')}: actions[0].parent: onbekend principe of onderwerp 'bet-p2'; bedoelde u 'bet-p1'?"


def test_duplicate_id_across_files(mini: Path) -> None:
    path = mini / "regions/beta.yaml"
    replace_in(path, "- id: bet-p1-a1", "- id: alp-p1-a1")
    (problem,) = problems_of(mini)
    alpha_line = line_of(mini / "regions/alpha.yaml", "- id: alp-p1-a1")
    beta_line = line_of(path, "- id: alp-p1-a1")
    assert problem == (
        f"regions/beta.yaml:{beta_line}: dubbel id 'alp-p1-a1': staat in regions/alpha.yaml:{alpha_line} "
        f"en in regions/beta.yaml:{beta_line}; kies in een van beide een ander id"
    )


def test_year_out_of_range(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "year: 2019", "year: 219")
    (problem,) = problems_of(mini)
    assert (
        problem == f"regions/alpha.yaml:{line_of(path, 'year: 219')}: key_figures[0].year: jaartal 219 valt buiten het bereik 1990-2100; controleer het jaartal"
    )


def test_bad_date(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, 'date: "2022-01-01"', 'date: "1-1-2022"')
    (problem,) = problems_of(mini)
    assert problem.startswith(f"regions/alpha.yaml:{line_of(path, '1-1-2022')}: milestones[0].date: ongeldige datum '1-1-2022'")


def test_unknown_theme_reference_in_synthesis(mini: Path) -> None:
    path = mini / "themes/themes.yaml"
    replace_in(path, "refs: [alp-p1, bet-p1]", "refs: [alp-p1, bet-p9]")
    (problem,) = problems_of(mini)
    assert problem.startswith(f"themes/themes.yaml:{line_of(path, 'bet-p9')}: themes[0].synthesis[0].refs[1]: onbekend item 'bet-p9'")


def test_shared_abbreviation_is_rejected(mini: Path) -> None:
    path = mini / "glossary/begrippen.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  - id: jeugdhulp\n    term: Jeugdhulp\n    abbreviations: [GI]\n    summary: Clash.\n",
        encoding="utf-8",
    )
    (problem,) = problems_of(mini)
    assert problem.startswith("glossary/begrippen.yaml:")
    assert "afkorting 'GI' hoort al bij begrip 'gecertificeerde-instelling'" in problem


def test_region_id_must_match_file_name(mini: Path) -> None:
    replace_in(mini / "regions/beta.yaml", "id: beta", "id: gamma")
    (problem,) = problems_of(mini)
    assert problem == "regions/beta.yaml:1: id: id 'gamma' moet gelijk zijn aan de bestandsnaam; gebruik 'beta'"


def test_all_errors_of_a_run_are_reported_together(mini: Path) -> None:
    replace_in(mini / "regions/alpha.yaml", "year: 2019", "year: 219")
    replace_in(mini / "regions/beta.yaml", "parent: bet-p1", "parent: bet-p2")
    replace_in(mini / "glossary/beta.yaml", "    definition: Beta's definition of youth care.", "    definitie: Beta's definition of youth care.")
    problems = problems_of(mini)
    assert [problem.split(": ")[1] for problem in problems] == [
        "entries[1].definition",
        "entries[1].definitie",
        "key_figures[0].year",
        "actions[0].parent",
    ]
    assert [problem.split(":")[0] for problem in problems] == ["glossary/beta.yaml"] * 2 + ["regions/alpha.yaml", "regions/beta.yaml"]


def test_nothing_is_written_when_validation_fails(mini: Path) -> None:
    docs = mini / "docs"
    generate(mini, docs)
    before = {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()}
    replace_in(mini / "regions/alpha.yaml", "Alpha is a fixture region.", "Changed.")
    replace_in(mini / "regions/beta.yaml", "parent: bet-p1", "parent: bet-p2")
    with pytest.raises(ValidationFailed):
        generate(mini, docs)
    after = {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()}
    assert after == before


def test_unknown_source_file(mini: Path) -> None:
    path = mini / "regions/beta.yaml"
    replace_in(path, "seed: 001_4f7ac4d2be3ad9cf.txt", "seed: 001_4f7ac4d2be3ad9cc.txt")
    (problem,) = problems_of(mini)
    assert problem.startswith(
        f"regions/beta.yaml:{line_of(path, 'seed:')}: documents[0].seed: brondocument '001_4f7ac4d2be3ad9cc.txt' staat niet in bronnen/; bedoelde u '001_4f7ac4d2be3ad9cf.txt'?"
    )
