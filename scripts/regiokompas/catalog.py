"""Load every data file, validate it and check the references between files."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from .citations import SourceIndex, check_sources
from .messages import problems_from, suggest
from .models import (
    Action,
    Concept,
    ConceptList,
    GlossaryDefinition,
    GlossarySource,
    Indicator,
    Region,
    Source,
    Theme,
    ThemeList,
)
from .problems import Location, Problem, ValidationFailed
from .yamlfile import YamlFile, read_yaml

THEMES_FILE = Path("themes/themes.yaml")
CONCEPTS_FILE = Path("glossary/begrippen.yaml")
REGIONS_DIR = Path("regions")
SOURCES_DIR = Path("bronnen")
GLOSSARY_DIR = Path("glossary")


@dataclass
class Catalog:
    """Everything the site is generated from, validated and cross-checked."""

    root: Path
    themes: list[Theme]
    regions: list[Region]
    concepts: list[Concept]
    definitions: dict[str, list[tuple[str, GlossaryDefinition]]]
    region_files: dict[str, str] = field(default_factory=dict)
    glossary_files: dict[str, str] = field(default_factory=dict)
    #: Repository web address for "Bewerk deze pagina" links (``repo_url`` in mkdocs.yml), if any.
    repo_url: str | None = None
    #: Source texts and every checked citation (``citations.py``).
    sources: SourceIndex | None = None

    def data_files(self, region_id: str) -> list[str]:
        """The YAML files a region's page is generated from."""
        files = [self.region_files[region_id]]
        if region_id in self.glossary_files:
            files.append(self.glossary_files[region_id])
        return files

    def region(self, region_id: str) -> Region:
        return next(region for region in self.regions if region.id == region_id)


def _parse(path: Path, root: Path, model: type[BaseModel], problems: list[Problem]) -> tuple[Any, YamlFile | None]:
    source, found = read_yaml(path, root)
    problems.extend(found)
    if source is None:
        return None, None
    if source.data is None:
        problems.append(source.problem((), "het bestand is leeg"))
        return None, source
    try:
        return model.model_validate(source.data), source
    except ValidationError as error:
        problems.extend(problems_from(error, source, model))
        return None, source


def walk(value: Any, location: Location = ()) -> Iterator[tuple[Location, Any]]:
    """Every model inside ``value`` with its location in the YAML."""
    if isinstance(value, BaseModel):
        yield location, value
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), location + (name,))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from walk(item, location + (number,))


def load_catalog(root: Path) -> Catalog:
    """Read and validate all data under ``root``; raise ValidationFailed with every problem."""
    problems: list[Problem] = []
    theme_list, theme_file = _parse(root / THEMES_FILE, root, ThemeList, problems) if (root / THEMES_FILE).exists() else (None, None)
    if not (root / THEMES_FILE).exists():
        problems.append(Problem(THEMES_FILE.as_posix(), 1, "", "de themalijst ontbreekt; maak dit bestand aan"))
    themes: list[Theme] = theme_list.themes if theme_list else []
    theme_ids = {theme.id for theme in themes}

    regions: list[tuple[Region, YamlFile]] = []
    broken: set[str] = set()  # files that failed: skip checks that would only echo their failure
    for path in sorted((root / REGIONS_DIR).glob("*.yaml")):
        region, source = _parse(path, root, Region, problems)
        if region is None:
            broken.add(path.stem)
        if region is not None and source is not None:
            if region.id != path.stem:
                broken.add(path.stem)
                problems.append(source.problem(("id",), f"id '{region.id}' moet gelijk zijn aan de bestandsnaam; gebruik '{path.stem}'"))
            regions.append((region, source))
    if not regions and not problems:
        problems.append(Problem(REGIONS_DIR.as_posix(), 1, "", "geen regiobestanden gevonden"))

    concept_list = None
    concepts_file = None
    if (root / CONCEPTS_FILE).exists():
        concept_list, concepts_file = _parse(root / CONCEPTS_FILE, root, ConceptList, problems)
    glossary_sources: list[tuple[GlossarySource, YamlFile]] = []
    for path in sorted((root / GLOSSARY_DIR).glob("*.yaml")):
        if path.name == CONCEPTS_FILE.name:
            continue
        glossary, source = _parse(path, root, GlossarySource, problems)
        if glossary is None:
            broken.add("glossary")
        if glossary is not None and source is not None:
            glossary_sources.append((glossary, source))

    concepts = _merge_concepts(concept_list, concepts_file, glossary_sources, problems)
    concept_ids = {concept.id for concept in concepts}
    seeds = {path.name for path in (root / SOURCES_DIR).glob("*.txt")} if (root / SOURCES_DIR).is_dir() else None
    _check_regions(regions, theme_ids, concept_ids if "glossary" not in broken else None, seeds, problems)
    definitions = _check_glossary(glossary_sources, {r.id: r for r, _ in regions}, broken, problems)
    if concept_list is not None and concepts_file is not None and "glossary" not in broken:
        _check_concepts(concept_list, concepts_file, theme_ids, concept_ids, definitions, problems)
    if theme_list is not None and theme_file is not None:
        _check_themes(theme_list, theme_file, regions, check_refs=not broken - {"glossary"}, problems=problems)
    sources = check_sources(root, regions, glossary_sources, problems) if seeds is not None and not broken else None
    if problems:
        raise ValidationFailed(problems)
    ordered = sorted(regions, key=lambda pair: pair[0].name.casefold())
    return Catalog(
        root=root,
        themes=themes,
        regions=[region for region, _ in ordered],
        concepts=sorted(concepts, key=lambda concept: concept.term.casefold()),
        definitions=definitions,
        region_files={region.id: source.name for region, source in ordered},
        glossary_files={glossary.region: source.name for glossary, source in glossary_sources},
        sources=sources,
    )


def _merge_concepts(
    concept_list: ConceptList | None,
    concepts_file: YamlFile | None,
    glossary_sources: list[tuple[GlossarySource, YamlFile]],
    problems: list[Problem],
) -> list[Concept]:
    """Concepts from begrippen.yaml, plus concepts only named by a region's glossary."""
    concepts: dict[str, Concept] = {}
    if concept_list is not None and concepts_file is not None:
        for number, concept in enumerate(concept_list.concepts):
            if concept.id in concepts:
                problems.append(concepts_file.problem(("concepts", number, "id"), f"dubbel begrip-id '{concept.id}'; voeg de twee items samen"))
            concepts[concept.id] = concept
    for glossary, _ in glossary_sources:
        for entry in glossary.entries:
            if entry.concept not in concepts:
                concepts[entry.concept] = Concept(
                    id=entry.concept,
                    term=entry.term,
                    abbreviations=[entry.abbreviation] if entry.abbreviation else [],
                    summary=entry.definition,
                )
    return list(concepts.values())


def _check_regions(
    regions: list[tuple[Region, YamlFile]],
    theme_ids: set[str],
    concept_ids: set[str] | None,
    seeds: set[str] | None,
    problems: list[Problem],
) -> None:
    seen_ids: dict[str, str] = {}
    for region, source in regions:
        document_ids = [document.id for document in region.documents]
        for number, document in enumerate(region.documents):
            if seeds is not None and document.seed not in seeds:
                problems.append(
                    source.problem(
                        ("documents", number, "seed"),
                        f"brondocument '{document.seed}' staat niet in bronnen/{suggest(document.seed, seeds)}; "
                        "zet de tekstversie van het document in bronnen/",
                    )
                )
        parents = {item.id for item in [*region.principles, *region.topics]}
        for location, item in walk(region):
            item_id = getattr(item, "id", None)
            if isinstance(item_id, str) and location:
                where = f"{source.name}:{source.line_of(location + ('id',))}"
                if item_id in seen_ids:
                    problems.append(
                        source.problem(location + ("id",), f"dubbel id '{item_id}' (ook in {seen_ids[item_id]}); kies een ander id")
                    )
                else:
                    seen_ids[item_id] = where
            if isinstance(item, Source) and item.document not in document_ids:
                problems.append(
                    source.problem(
                        location + ("document",),
                        f"onbekend document '{item.document}'{suggest(item.document, document_ids)}; "
                        f"bekende documenten: {', '.join(document_ids)}",
                    )
                )
            for number, theme in enumerate(getattr(item, "themes", []) or []):
                if isinstance(theme, str) and theme not in theme_ids:
                    problems.append(
                        source.problem(location + ("themes", number), f"onbekend thema '{theme}'{suggest(theme, theme_ids)}")
                    )
            for number, term in enumerate(getattr(item, "terms", []) or []):
                if concept_ids is not None and term not in concept_ids:
                    problems.append(
                        source.problem(
                            location + ("terms", number),
                            f"onbekend begrip '{term}'{suggest(term, concept_ids)}; voeg het toe aan glossary/ of verwijder de verwijzing",
                        )
                    )
            if isinstance(item, (Action, Indicator)) and item.parent is not None and item.parent not in parents:
                problems.append(
                    source.problem(
                        location + ("parent",),
                        f"onbekend principe of onderwerp '{item.parent}'{suggest(item.parent, parents)}",
                    )
                )


def _check_glossary(
    glossary_sources: list[tuple[GlossarySource, YamlFile]], regions: dict[str, Region], broken: set[str], problems: list[Problem]
) -> dict[str, list[tuple[str, GlossaryDefinition]]]:
    definitions: dict[str, list[tuple[str, GlossaryDefinition]]] = defaultdict(list)
    for glossary, source in glossary_sources:
        region = regions.get(glossary.region)
        if region is None and glossary.region in broken:
            continue
        if region is None:
            problems.append(source.problem(("region",), f"onbekende regio '{glossary.region}'{suggest(glossary.region, regions)}"))
            continue
        document_ids = [document.id for document in region.documents]
        for number, entry in enumerate(glossary.entries):
            if entry.source.document not in document_ids:
                problems.append(
                    source.problem(
                        ("entries", number, "source", "document"),
                        f"onbekend document '{entry.source.document}'{suggest(entry.source.document, document_ids)}",
                    )
                )
            definitions[entry.concept].append((glossary.region, entry))
    return dict(sorted(definitions.items()))


def _check_concepts(
    concept_list: ConceptList,
    source: YamlFile,
    theme_ids: set[str],
    concept_ids: set[str],
    definitions: dict[str, list[tuple[str, GlossaryDefinition]]],
    problems: list[Problem],
) -> None:
    owner: dict[str, str] = {}
    for number, concept in enumerate(concept_list.concepts):
        location = ("concepts", number)
        if concept.id not in definitions:
            problems.append(
                source.problem(location + ("id",), f"begrip '{concept.id}' heeft geen definitie van een regio; voeg er een toe in glossary/<regio>.yaml")
            )
        for index, related in enumerate(concept.related):
            if related not in concept_ids:
                problems.append(source.problem(location + ("related", index), f"onbekend begrip '{related}'{suggest(related, concept_ids)}"))
        for index, theme in enumerate(concept.themes):
            if theme not in theme_ids:
                problems.append(source.problem(location + ("themes", index), f"onbekend thema '{theme}'{suggest(theme, theme_ids)}"))
        for index, abbreviation in enumerate(concept.abbreviations):
            key = abbreviation.casefold()
            if key in owner and owner[key] != concept.id:
                problems.append(
                    source.problem(
                        location + ("abbreviations", index),
                        f"afkorting '{abbreviation}' hoort al bij begrip '{owner[key]}'; een afkorting mag bij één begrip horen",
                    )
                )
            owner[key] = concept.id


def _check_themes(
    theme_list: ThemeList, source: YamlFile, regions: list[tuple[Region, YamlFile]], check_refs: bool, problems: list[Problem]
) -> None:
    seen: set[str] = set()
    item_ids = {item.id for region, _ in regions for _, item in walk(region) if isinstance(getattr(item, "id", None), str)}
    for number, theme in enumerate(theme_list.themes):
        if theme.id in seen:
            problems.append(source.problem(("themes", number, "id"), f"dubbel thema-id '{theme.id}'; kies een ander id"))
        seen.add(theme.id)
        for index, synthesis in enumerate(theme.synthesis if check_refs else []):
            for ref_index, ref in enumerate(synthesis.refs):
                if ref not in item_ids:
                    problems.append(
                        source.problem(
                            ("themes", number, "synthesis", index, "refs", ref_index),
                            f"onbekend item '{ref}'{suggest(ref, item_ids)}; verwijs naar het id van een principe, actie, indicator of cijfer",
                        )
                    )
