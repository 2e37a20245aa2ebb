"""Load every data file, validate it and check the references between files.

Every independent problem of a run is reported once. Two rules keep follow-on noise
out: references are checked on the data as read (so a file whose fields fail the model
still has its ids, themes and terms checked), and a check is skipped when a file it
depends on could not be read at all (a YAML syntax error hides that file's ids).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import urls
from .citations import SourceIndex, check_sources
from .model_errors import problems_from, suggest
from .models import Concept, ConceptList, GlossaryDefinition, GlossarySource, Measure, MeasureList, Region, Theme, ThemeList, Yardstick
from .problems import Location, Problem, ValidationFailed
from .topic_pages import topic_pages
from .yamlfile import YamlFile, read_yaml

THEMES_FILE = Path("themes/themes.yaml")
#: The measures for comparing key figures; optional (without it the key figures have no grid).
MEASURES_FILE = Path("themes/measures.yaml")
CONCEPTS_FILE = Path("glossary/begrippen.yaml")
REGIONS_DIR = Path("regions")
SOURCES_DIR = Path("bronnen")
GLOSSARY_DIR = Path("glossary")
#: Optional: national yardsticks (NvO, Hervormingsagenda) and the mappings of region items to them.
YARDSTICKS_DIR = Path("yardsticks")

#: Region lists whose items a theme's synthesis statement may cite.
CITABLE_KINDS = {"principles": "principe", "topics": "onderwerp", "actions": "actie", "indicators": "indicator", "key_figures": "kerncijfer"}
#: Other region lists whose items have ids.
OTHER_KINDS = {"milestones": "mijlpaal", "tables": "tabel", "cooperation": "samenwerkingsverband", "documents": "document"}
#: Region lists whose items a yardstick mapping may name.
MAPPABLE_KINDS = (*CITABLE_KINDS, "milestones")
MAPPABLE = "principe, onderwerp, actie, indicator, kerncijfer of mijlpaal"


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
    #: Source texts and every checked citation (``citations.py``).
    sources: SourceIndex | None = None
    #: National yardsticks (``yardsticks/``), sorted by id; empty when the folder is absent.
    yardsticks: list[Yardstick] = field(default_factory=list)
    yardstick_files: dict[str, str] = field(default_factory=dict)
    #: Measures for comparing key figures (``themes/measures.yaml``), in file order.
    measures: list[Measure] = field(default_factory=list)

    def data_files(self, region_id: str) -> list[str]:
        """The YAML files a region's page is generated from."""
        files = [self.region_files[region_id]]
        if region_id in self.glossary_files:
            files.append(self.glossary_files[region_id])
        return files

    def region(self, region_id: str) -> Region:
        return next(region for region in self.regions if region.id == region_id)

    @cached_property
    def item_places(self) -> dict[str, urls.ItemPlace]:
        """Item id -> its place (region, list, parent's list), for every item with an id in a region."""
        return {item_id: place for region in self.regions for item_id, place in item_places(region).items()}

    @cached_property
    def editor_notes(self) -> dict[int, tuple[str, str]]:
        """``id()`` of every region item or glossary definition whose note is for editors ->
        (region id, key of its entry on the verantwoording page): the item id, ``ambitie`` and
        ``ambitie-<n>``, or ``begrip-<concept id>``."""
        notes = {id(item): (region.id, key) for region in self.regions for key, item in editor_note_items(region)}
        notes.update((id(entry), (region_id, key)) for region_id, key, entry in self.glossary_editor_notes)
        return notes

    @cached_property
    def glossary_editor_notes(self) -> list[tuple[str, str, GlossaryDefinition]]:
        """``(region id, key, definition)`` of glossary definitions whose note is for editors;
        the key is ``begrip-<concept id>`` (one definition per concept and region)."""
        return [
            (region_id, f"begrip-{concept}", entry) for concept, entries in self.definitions.items() for region_id, entry in entries if entry.note_for_editors
        ]

    @cached_property
    def document_titles(self) -> dict[str, str]:
        return {document.id: document.title for region in self.regions for document in region.documents}

    @cached_property
    def theme_names(self) -> dict[str, str]:
        return {theme.id: theme.name for theme in self.themes}

    @cached_property
    def abbreviations(self) -> list[str]:
        return [abbreviation for concept in self.concepts for abbreviation in concept.abbreviations]


def note_key(region: Region, location: Location, item: Any) -> str:
    """The key of an item's note on the verantwoording page: its id, or its place in the ambition."""
    if isinstance(getattr(item, "id", None), str) and item is not region:
        return item.id
    return "ambitie" if len(location) == 1 else f"ambitie-{int(location[-1]) + 1}"


def editor_note_items(region: Region) -> list[tuple[str, Any]]:
    """``(key, item)`` of the region's items whose note is for editors, in data order."""
    return [(note_key(region, location, item), item) for location, item in walk(region) if getattr(item, "note_for_editors", False)]


def item_places(region: Region) -> dict[str, urls.ItemPlace]:
    """Item id -> its place in ``region``: the list it is in and, for an action, its parent's list."""
    kinds = {item.id: location[0] for location, item in walk(region) if item is not region and isinstance(getattr(item, "id", None), str)}
    parts = {topic.id: page.number for page in topic_pages(region) for topic in page.topics}
    places = {}
    for location, item in walk(region):
        if item is not region and isinstance(getattr(item, "id", None), str):
            parent = getattr(item, "parent", None) if location[0] == "actions" else None
            part = parts.get(item.id if location[0] == "topics" else parent or "", 0) if location[0] in ("topics", "actions") else 0
            places[item.id] = urls.ItemPlace(region.id, location[0], kinds.get(parent) if parent else None, part)
    return places


def walk(value: Any, location: Location = ()) -> Iterator[tuple[Location, Any]]:
    """Every model inside ``value`` with its location in the YAML."""
    if isinstance(value, BaseModel):
        yield location, value
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), location + (name,))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from walk(item, location + (number,))


def walk_raw(value: Any, location: Location = ()) -> Iterator[tuple[Location, dict[str, Any]]]:
    """Every mapping inside data as read from YAML, with its location."""
    stack: list[tuple[Location, Any]] = [(location, value)]
    while stack:
        where, current = stack.pop()
        if isinstance(current, dict):
            yield where, current
            stack.extend((where + (key,), item) for key, item in reversed(list(current.items())))
        elif isinstance(current, list):
            stack.extend((where + (number,), item) for number, item in reversed(list(enumerate(current))))


def _strings(value: Any) -> list[tuple[int, str]]:
    """``(index, text)`` of the strings in a list read from YAML (other values are the model's concern)."""
    return [(index, item) for index, item in enumerate(value) if isinstance(item, str)] if isinstance(value, list) else []


@dataclass
class _File:
    """One data file as read: its YAML (None after a syntax error) and its model (None if invalid)."""

    path: Path
    yaml: YamlFile | None
    model: Any = None

    @property
    def data(self) -> Any:
        return self.yaml.data if self.yaml is not None else None

    @property
    def readable(self) -> bool:
        return self.yaml is not None


def _parse(path: Path, root: Path, model: type[BaseModel], problems: list[Problem]) -> _File:
    source, found = read_yaml(path, root)
    problems.extend(found)
    if source is None:
        return _File(path, None)
    if source.data is None:
        problems.append(source.problem((), "het bestand is leeg"))
        return _File(path, None)
    if not isinstance(source.data, dict):
        problems.append(source.problem((), "het bestand moet met velden beginnen ('sleutel: waarde'), niet met een lijst of tekst"))
        return _File(path, None)
    try:
        return _File(path, source, model.model_validate(source.data))
    except ValidationError as error:
        problems.extend(problems_from(error, source, model))
        return _File(path, source)


def _data_files(folder: Path, root: Path, problems: list[Problem]) -> tuple[list[Path], list[Path]]:
    """The ``*.yaml`` files of ``folder``, and the misnamed ``*.yml`` files (each reported)."""
    if not folder.is_dir():
        return [], []
    found, misnamed = [], []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yml":
            problems.append(Problem(path.relative_to(root).as_posix(), 1, "", f"gebruik de extensie .yaml; hernoem het bestand naar {path.stem}.yaml"))
            misnamed.append(path)
        elif path.suffix == ".yaml":
            found.append(path)
    return found, misnamed


def load_catalog(root: Path) -> Catalog:
    """Read and validate all data under ``root``; raise ValidationFailed with every problem."""
    problems: list[Problem] = []
    themes = _parse(root / THEMES_FILE, root, ThemeList, problems) if (root / THEMES_FILE).exists() else None
    if themes is None:
        problems.append(Problem(THEMES_FILE.as_posix(), 1, "", "de themalijst ontbreekt; maak dit bestand aan"))
    region_paths, misnamed_regions = _data_files(root / REGIONS_DIR, root, problems)
    regions = [_parse(path, root, Region, problems) for path in region_paths]
    if not regions and not problems:
        problems.append(Problem(REGIONS_DIR.as_posix(), 1, "", "geen regiobestanden gevonden"))
    concepts_file = _parse(root / CONCEPTS_FILE, root, ConceptList, problems) if (root / CONCEPTS_FILE).exists() else None
    glossary_paths, misnamed_glossaries = _data_files(root / GLOSSARY_DIR, root, problems)
    glossaries = [_parse(path, root, GlossarySource, problems) for path in glossary_paths if path.name != CONCEPTS_FILE.name]
    yardstick_paths, _ = _data_files(root / YARDSTICKS_DIR, root, problems)
    yardsticks = [_parse(path, root, Yardstick, problems) for path in yardstick_paths]
    measures = _parse(root / MEASURES_FILE, root, MeasureList, problems) if (root / MEASURES_FILE).exists() else None

    # A misnamed file counts as a file that could not be read: references into it are not judged.
    unread = [_File(path, None) for path in misnamed_regions]
    references = _References.collect(themes, regions + unread, concepts_file, glossaries + [_File(path, None) for path in misnamed_glossaries])
    references.collect_measures(measures, problems)
    seeds = {path.name for path in (root / SOURCES_DIR).glob("*.txt")} if (root / SOURCES_DIR).is_dir() else None
    for region in regions:
        _check_region(region, references, seeds, problems)
    problems.extend(references.duplicate_problems())
    for glossary in glossaries:
        _check_glossary(glossary, references, problems)
    if concepts_file is not None and concepts_file.readable:
        _check_concepts(concepts_file, references, problems)
    if themes is not None and themes.readable:
        _check_themes(themes, references, problems)
    _check_yardsticks(yardsticks, references, problems)
    valid = [(file.model, file.yaml) for file in regions if file.model is not None]
    valid_glossary = [(file.model, file.yaml) for file in glossaries if file.model is not None]
    valid_yardsticks = [(file.model, file.yaml) for file in yardsticks if file.model is not None]
    sources = check_sources(root, valid, valid_glossary, problems, valid_yardsticks) if seeds is not None else None
    if problems:
        raise ValidationFailed(problems)

    assert themes is not None and themes.model is not None
    valid_regions = sorted(((file.model, file.yaml) for file in regions), key=lambda pair: pair[0].name.casefold())
    valid_glossaries = [(file.model, file.yaml) for file in glossaries]
    concept_list = concepts_file.model if concepts_file is not None else None
    return Catalog(
        root=root,
        themes=themes.model.themes,
        regions=[region for region, _ in valid_regions],
        concepts=sorted(_merge_concepts(concept_list, valid_glossaries), key=lambda concept: concept.term.casefold()),
        definitions=_definitions(valid_glossaries),
        region_files={region.id: source.name for region, source in valid_regions},
        glossary_files={glossary.region: source.name for glossary, source in valid_glossaries},
        sources=sources,
        yardsticks=[yardstick for yardstick, _ in valid_yardsticks],
        yardstick_files={yardstick.id: source.name for yardstick, source in valid_yardsticks},
        measures=measures.model.measures if measures is not None else [],
    )


@dataclass
class _References:
    """The ids every reference may point at, collected from the data as read.

    A set is ``None`` when a file that would contribute to it could not be read at all: a
    reference into it cannot be judged, so it is not reported.
    """

    theme_ids: set[str] | None
    concept_ids: set[str] | None
    region_ids: set[str] | None
    #: item id -> (kind key, file name, line) for every region item with an id
    items: dict[str, tuple[str, str, int]] | None
    #: region id -> its document ids
    documents: dict[str, set[str]] = field(default_factory=dict)
    #: concepts that some glossary defines (None when a glossary could not be read)
    defined: set[str] | None = None
    #: region id -> ids of its items a yardstick mapping may name (principles ... milestones)
    mappable: dict[str, set[str]] = field(default_factory=dict)
    #: measure id -> its unit (empty without a measures file; None when the file could not be read)
    measure_units: dict[str, str] | None = field(default_factory=dict)
    _duplicates: list[tuple[str, str, int, str, int]] = field(default_factory=list)

    @classmethod
    def collect(cls, themes: _File | None, regions: list[_File], concepts: _File | None, glossaries: list[_File]) -> _References:
        theme_ids = None
        if themes is not None and themes.readable:
            theme_ids = {theme["id"] for _, theme in _items(themes.data, "themes") if isinstance(theme.get("id"), str)}
        readable_glossaries = all(file.readable for file in glossaries) and (concepts is None or concepts.readable)
        concept_ids: set[str] | None = None
        defined: set[str] | None = None
        if readable_glossaries:
            concept_ids = {c["id"] for _, c in _items(concepts.data, "concepts") if isinstance(c.get("id"), str)} if concepts else set()
            defined = {e["concept"] for file in glossaries for _, e in _items(file.data, "entries") if isinstance(e.get("concept"), str)}
            concept_ids |= defined
        references = cls(theme_ids, concept_ids, None, None, defined=defined)
        if all(file.readable for file in regions):
            references.region_ids = {file.path.stem for file in regions}
            references.items = {}
        for file in regions:
            if file.readable:
                references._collect_items(file)
        return references

    def _collect_items(self, file: _File) -> None:
        assert file.yaml is not None
        region_id = file.path.stem
        self.documents[region_id] = {d["id"] for _, d in _items(file.data, "documents") if isinstance(d.get("id"), str)}
        self.mappable[region_id] = {item["id"] for kind in MAPPABLE_KINDS for _, item in _items(file.data, kind) if isinstance(item.get("id"), str)}
        for kind in (*CITABLE_KINDS, *OTHER_KINDS):
            for location, item in _items(file.data, kind):
                item_id = item.get("id")
                if not isinstance(item_id, str):
                    continue
                line = file.yaml.line_of(location + ("id",))
                if self.items is not None:
                    if item_id in self.items:
                        _, first_file, first_line = self.items[item_id]
                        self._duplicates.append((item_id, first_file, first_line, file.yaml.name, line))
                        continue
                    self.items[item_id] = (kind, file.yaml.name, line)

    def collect_measures(self, file: _File | None, problems: list[Problem]) -> None:
        """The measure ids and units of ``themes/measures.yaml``; a measure id used twice is reported."""
        if file is None:
            return
        if not file.readable:
            self.measure_units = None
            return
        assert file.yaml is not None
        for location, measure in _items(file.data, "measures"):
            measure_id = measure.get("id")
            if not isinstance(measure_id, str):
                continue
            if measure_id in self.measure_units:
                problems.append(file.yaml.problem(location + ("id",), f"dubbel maat-id '{measure_id}'; kies een ander id of voeg de twee maten samen"))
                continue
            unit = measure.get("unit")
            self.measure_units[measure_id] = unit if isinstance(unit, str) else ""

    def duplicate_problems(self) -> list[Problem]:
        return [
            Problem(
                second,
                second_line,
                "",
                f"dubbel id '{item_id}': staat in {first}:{first_line} en in {second}:{second_line}; kies in een van beide een ander id",
            )
            for item_id, first, first_line, second, second_line in self._duplicates
        ]


def _check_list(
    source: YamlFile,
    location: Location,
    item: dict[str, Any],
    key: str,
    known: set[str] | None,
    unknown: str,
    problems: list[Problem],
    advice: str = "",
) -> None:
    """Report every id in ``item[key]`` that is not in ``known`` (skipped when ``known`` is None)."""
    if known is None:
        return
    for index, value in _strings(item.get(key)):
        if value not in known:
            problems.append(source.problem(location + (key, index), f"{unknown} '{value}'{suggest(value, known)}{advice}"))


def _items(data: Any, key: str) -> list[tuple[Location, dict[str, Any]]]:
    """The mappings in the list ``data[key]``, with their locations."""
    value = data.get(key) if isinstance(data, dict) else None
    return [((key, number), item) for number, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []


def _check_file_id(source: YamlFile, data: dict[str, Any], stem: str, kind: str, problems: list[Problem]) -> None:
    """A file whose ``id`` names its page: the id equals the file name, which is no name the site reserves."""
    if isinstance(data.get("id"), str) and data["id"] != stem:
        problems.append(source.problem(("id",), f"id '{data['id']}' moet gelijk zijn aan de bestandsnaam; gebruik '{stem}'"))
    if stem in urls.RESERVED[kind]:
        problems.append(
            source.problem(
                ("id",), f"gereserveerde naam '{stem}': die naam gebruikt de site zelf voor een pagina; kies een andere naam voor het bestand en het id"
            )
        )


def _check_region(file: _File, references: _References, seeds: set[str] | None, problems: list[Problem]) -> None:
    if not file.readable:
        return
    source, data = file.yaml, file.data
    assert source is not None
    region_id = file.path.stem
    _check_file_id(source, data, region_id, "region", problems)
    document_ids = references.documents.get(region_id, set())
    for location, document in _items(data, "documents"):
        seed = document.get("seed")
        if seeds is not None and isinstance(seed, str) and seed not in seeds:
            problems.append(
                source.problem(
                    location + ("seed",), f"brondocument '{seed}' staat niet in bronnen/{suggest(seed, seeds)}; zet de tekstversie van het document in bronnen/"
                )
            )
    _check_distinctive(source, data, references, problems)
    parents = {item["id"] for kind in ("principles", "topics") for _, item in _items(data, kind) if isinstance(item.get("id"), str)}
    _check_measures(source, data, references.measure_units, problems)
    for location, item in walk_raw(data):
        cited = item.get("source")
        if isinstance(cited, dict) and isinstance(cited.get("document"), str) and cited["document"] not in document_ids:
            problems.append(
                source.problem(
                    location + ("source", "document"),
                    f"onbekend document '{cited['document']}'{suggest(cited['document'], document_ids)}; bekende documenten: {', '.join(sorted(document_ids))}",
                )
            )
        _check_list(source, location, item, "themes", references.theme_ids, "onbekend thema", problems)
        _check_list(
            source,
            location,
            item,
            "terms",
            references.concept_ids,
            "onbekend begrip",
            problems,
            "; voeg het toe aan glossary/ of verwijder de verwijzing",
        )
        parent = item.get("parent")
        if location[:1] in (("actions",), ("indicators",)) and len(location) == 2 and isinstance(parent, str) and parent not in parents:
            problems.append(source.problem(location + ("parent",), f"onbekend principe of onderwerp '{parent}'{suggest(parent, parents)}"))


def _check_measures(source: YamlFile, data: Any, units: dict[str, str] | None, problems: list[Problem]) -> None:
    """Each key figure's ``measure`` exists; a figure in another unit than its measure explains the difference."""
    if units is None:
        return
    for location, figure in _items(data, "key_figures"):
        measure = figure.get("measure")
        if not isinstance(measure, str):
            continue
        if measure not in units:
            problems.append(
                source.problem(
                    location + ("measure",),
                    f"onbekende maat '{measure}'{suggest(measure, sorted(units))}; kies een id uit {MEASURES_FILE.as_posix()} of laat 'measure' weg",
                )
            )
        elif isinstance(figure.get("unit"), str) and figure["unit"].strip() != units[measure].strip() and not figure.get("measure_note"):
            problems.append(
                source.problem(
                    location + ("measure",),
                    f"de eenheid '{figure['unit']}' verschilt van die van de maat '{measure}' ('{units[measure]}'); "
                    "leg in 'measure_note' uit wat er anders geteld is",
                )
            )


def _check_distinctive(source: YamlFile, data: dict[str, Any], references: _References, problems: list[Problem]) -> None:
    """A region's distinctive points rest on items of that region (principles ... key figures)."""
    own = {item["id"]: kind for kind in (*CITABLE_KINDS, *OTHER_KINDS) for _, item in _items(data, kind) if isinstance(item.get("id"), str)}
    citable = [item_id for item_id, kind in own.items() if kind in CITABLE_KINDS]
    for location, point in _items(data, "distinctive"):
        for index, ref in _strings(point.get("refs")):
            where = location + ("refs", index)
            if ref in own and own[ref] in CITABLE_KINDS:
                continue
            if ref in own:
                problems.append(
                    source.problem(
                        where,
                        f"een kenmerk verwijst naar een {OTHER_KINDS[own[ref]]} ('{ref}'); verwijs naar een principe, onderwerp, actie, indicator of kerncijfer van deze regio",
                    )
                )
            elif references.items is not None and ref in references.items:
                problems.append(
                    source.problem(
                        where, f"een kenmerk verwijst naar '{ref}' uit {references.items[ref][1]}; een kenmerk steunt alleen op items van de eigen regio"
                    )
                )
            else:
                problems.append(
                    source.problem(
                        where,
                        f"een kenmerk verwijst naar onbekend item '{ref}'{suggest(ref, citable)}; verwijs naar het id van een principe, onderwerp, actie, indicator of kerncijfer van deze regio",
                    )
                )


def _check_glossary(file: _File, references: _References, problems: list[Problem]) -> None:
    if not file.readable:
        return
    source, data = file.yaml, file.data
    assert source is not None
    region_id = data.get("region")
    if not isinstance(region_id, str):
        return
    if references.region_ids is not None and region_id not in references.region_ids:
        problems.append(source.problem(("region",), f"onbekende regio '{region_id}'{suggest(region_id, references.region_ids)}"))
        return
    if region_id not in references.documents:
        return  # the region file could not be read: its documents are unknown
    document_ids = references.documents[region_id]
    for location, entry in _items(data, "entries"):
        concept = entry.get("concept")
        if isinstance(concept, str) and concept in urls.RESERVED["concept"]:
            problems.append(
                source.problem(
                    location + ("concept",), f"gereserveerde naam '{concept}': die naam gebruikt de site zelf voor een pagina; kies een ander begrip-id"
                )
            )
        cited = entry.get("source")
        if isinstance(cited, dict) and isinstance(cited.get("document"), str) and cited["document"] not in document_ids:
            problems.append(
                source.problem(location + ("source", "document"), f"onbekend document '{cited['document']}'{suggest(cited['document'], document_ids)}")
            )


def _check_concepts(file: _File, references: _References, problems: list[Problem]) -> None:
    source, data = file.yaml, file.data
    assert source is not None
    seen: set[str] = set()
    owner: dict[str, str] = {}
    for location, concept in _items(data, "concepts"):
        concept_id = concept.get("id")
        if not isinstance(concept_id, str):
            continue
        if concept_id in seen:
            problems.append(source.problem(location + ("id",), f"dubbel begrip-id '{concept_id}'; voeg de twee items samen"))
        seen.add(concept_id)
        if concept_id in urls.RESERVED["concept"]:
            problems.append(
                source.problem(
                    location + ("id",), f"gereserveerde naam '{concept_id}': die naam gebruikt de site zelf voor een pagina; kies een ander begrip-id"
                )
            )
        if references.defined is not None and concept_id not in references.defined:
            problems.append(
                source.problem(location + ("id",), f"begrip '{concept_id}' heeft geen definitie van een regio; voeg er een toe in glossary/<regio>.yaml")
            )
        _check_list(source, location, concept, "related", references.concept_ids, "onbekend begrip", problems)
        _check_list(source, location, concept, "themes", references.theme_ids, "onbekend thema", problems)
        for index, abbreviation in _strings(concept.get("abbreviations")):
            key = abbreviation.casefold()
            if key in owner and owner[key] != concept_id:
                problems.append(
                    source.problem(
                        location + ("abbreviations", index),
                        f"afkorting '{abbreviation}' hoort al bij begrip '{owner[key]}'; een afkorting mag bij één begrip horen",
                    )
                )
            owner.setdefault(key, concept_id)


def _check_themes(file: _File, references: _References, problems: list[Problem]) -> None:
    source, data = file.yaml, file.data
    assert source is not None
    seen: set[str] = set()
    for location, theme in _items(data, "themes"):
        theme_id = theme.get("id")
        if isinstance(theme_id, str):
            if theme_id in seen:
                problems.append(source.problem(location + ("id",), f"dubbel thema-id '{theme_id}'; kies een ander id"))
            if theme_id in urls.RESERVED["theme"]:
                problems.append(
                    source.problem(
                        location + ("id",), f"gereserveerde naam '{theme_id}': die naam gebruikt de site zelf voor een pagina; kies een ander thema-id"
                    )
                )
            seen.add(theme_id)
        if references.items is None:
            continue
        for statement_location, statement in _items(theme, "synthesis"):
            for ref_index, ref in _strings(statement.get("refs")):
                where = location + statement_location + ("refs", ref_index)
                found = references.items.get(ref)
                if found is None:
                    citable = [item for item, (kind, _, _) in references.items.items() if kind in CITABLE_KINDS]
                    problems.append(
                        source.problem(
                            where,
                            f"onbekend item '{ref}'{suggest(ref, citable)}; verwijs naar het id van een principe, onderwerp, actie, indicator of kerncijfer",
                        )
                    )
                elif found[0] not in CITABLE_KINDS:
                    problems.append(
                        source.problem(
                            where,
                            f"verwijzing naar een {OTHER_KINDS[found[0]]} ('{ref}'); een onderbouwing verwijst naar een principe, onderwerp, actie, indicator of kerncijfer",
                        )
                    )


def _check_yardsticks(files: list[_File], references: _References, problems: list[Problem]) -> None:
    """The reference checks of ``yardsticks/*.yaml`` (on the data as read; quotes: ``citations.py``)."""
    points_seen: dict[str, tuple[str, int]] = {}
    documents = set().union(*references.documents.values()) if references.region_ids is not None else None
    for file in files:
        if not file.readable:
            continue
        source, data = file.yaml, file.data
        assert source is not None
        stem = file.path.stem
        _check_file_id(source, data, stem, "yardstick", problems)
        cited: list[tuple[Location, Any]] = [(location, value) for location, value in _items(data, "sources")]
        point_ids: set[str] = set()
        for location, point in _items(data, "points"):
            cited.extend((location + where, value) for where, value in _items(point, "sources"))
            if not point.get("sources") and not point.get("external"):
                problems.append(
                    source.problem(
                        location,
                        "geen bron voor dit punt; geef minstens één passage uit een document in 'sources', "
                        "of in 'external' de openbare bron als het punt niet in de documenten staat",
                    )
                )
            point_id = point.get("id")
            if not isinstance(point_id, str):
                continue
            point_ids.add(point_id)
            line = source.line_of(location + ("id",))
            first = points_seen.get(point_id)
            if first is None and references.items is not None and point_id in references.items:
                first = references.items[point_id][1:]
            if first is not None:
                problems.append(
                    source.problem(
                        location + ("id",),
                        f"dubbel id '{point_id}': staat in {first[0]}:{first[1]} en in {source.name}:{line}; kies in een van beide een ander id",
                    )
                )
            points_seen.setdefault(point_id, (source.name, line))
        for location, value in cited:
            document = value.get("document")
            if documents is not None and isinstance(document, str) and document not in documents:
                problems.append(
                    source.problem(
                        location + ("document",),
                        f"onbekend document '{document}'{suggest(document, documents)}; bekende documenten: {', '.join(sorted(documents))}",
                    )
                )
        _check_mappings(source, data, point_ids, references, problems)


def _check_mappings(source: YamlFile, data: dict[str, Any], point_ids: set[str], references: _References, problems: list[Problem]) -> None:
    combinations: dict[tuple[str, ...], int] = {}
    every_document = set().union(*references.documents.values())
    for location, mapping in _items(data, "mappings"):
        point, region, status, said_by = (mapping.get(key) for key in ("point", "region", "status", "said_by"))
        if isinstance(point, str) and point not in point_ids:
            problems.append(
                source.problem(
                    location + ("point",), f"onbekend punt '{point}'{suggest(point, point_ids)}; gebruik het id van een punt uit 'points' van dit bestand"
                )
            )
        if status == "onderbelicht" and said_by != "regio":
            problems.append(
                source.problem(
                    location + ("status",),
                    "status 'onderbelicht' kan alleen bij said_by: regio (de regio zegt het zelf); "
                    "zegt het document dit niet zelf, laat de koppeling dan weg of gebruik status: behandeld",
                )
            )
        if said_by == "redactie" and not mapping.get("items"):
            problems.append(
                source.problem(
                    location + ("items",) if "items" in mapping else location,
                    "een oordeel van de redactie noemt minstens één item; zet in 'items' de id's van de items die het punt behandelen",
                )
            )
        if all(isinstance(value, str) for value in (point, region, status, said_by)):
            key = (point, region, status, said_by)
            line = source.line_of(location)
            if key in combinations:
                problems.append(
                    source.problem(
                        location,
                        f"dubbele koppeling: punt '{point}', regio '{region}', status '{status}' en said_by '{said_by}' staan ook op regel {combinations[key]}; "
                        "voeg ze samen tot één koppeling met alle items",
                    )
                )
            combinations.setdefault(key, line)
        if not isinstance(region, str):
            continue
        if references.region_ids is not None and region not in references.region_ids:
            problems.append(source.problem(location + ("region",), f"onbekende regio '{region}'{suggest(region, references.region_ids)}"))
            continue
        if region not in references.mappable:
            continue  # the region file could not be read: its items are unknown
        own = references.mappable[region]
        for index, item_id in _strings(mapping.get("items")):
            if item_id in own:
                continue
            where = location + ("items", index)
            if any(item_id in ids for ids in references.mappable.values()) or (references.items is not None and item_id in references.items):
                problems.append(
                    source.problem(where, f"item '{item_id}' is geen {MAPPABLE} van regio '{region}'; een koppeling noemt alleen items van haar eigen regio")
                )
            else:
                problems.append(
                    source.problem(where, f"onbekend item '{item_id}'{suggest(item_id, own)}; gebruik het id van een {MAPPABLE} van regio '{region}'")
                )
        cited = mapping.get("source")
        document = cited.get("document") if isinstance(cited, dict) else None
        if isinstance(document, str) and document not in references.documents[region]:
            own_documents = ", ".join(sorted(references.documents[region]))
            where = location + ("source", "document")
            if document in every_document:
                problems.append(
                    source.problem(
                        where, f"document '{document}' is van een andere regio; een koppeling citeert een document van regio '{region}': {own_documents}"
                    )
                )
            else:
                problems.append(
                    source.problem(
                        where, f"onbekend document '{document}'{suggest(document, references.documents[region])}; bekende documenten: {own_documents}"
                    )
                )


def _merge_concepts(concept_list: ConceptList | None, glossaries: list[tuple[GlossarySource, YamlFile]]) -> list[Concept]:
    """Concepts from begrippen.yaml, plus concepts only named by a region's glossary."""
    concepts: dict[str, Concept] = {concept.id: concept for concept in concept_list.concepts} if concept_list else {}
    for glossary, _ in glossaries:
        for entry in glossary.entries:
            if entry.concept not in concepts:
                concepts[entry.concept] = Concept(
                    id=entry.concept,
                    term=entry.term,
                    abbreviations=[entry.abbreviation] if entry.abbreviation else [],
                    summary=entry.definition,
                )
    return list(concepts.values())


def _definitions(glossaries: list[tuple[GlossarySource, YamlFile]]) -> dict[str, list[tuple[str, GlossaryDefinition]]]:
    definitions: dict[str, list[tuple[str, GlossaryDefinition]]] = defaultdict(list)
    for glossary, _ in glossaries:
        for entry in glossary.entries:
            definitions[entry.concept].append((glossary.region, entry))
    return dict(sorted(definitions.items()))
