"""Synthetic projects with any number of regions, modelled on the real data (for ``make bench``).

A synthetic project has the real project's build files (``mkdocs.yml``, ``docs/`` without the
generated folders, ``scripts/``, ``schemas/``, ``bronnen/``) and synthetic data:

* every region has the real regions' *average* number of principles, topics, actions,
  indicators, key figures, milestones and glossary references (``terms``): region ``i`` gets
  :func:`quota`, so regions ``0..n-1`` together hold the average times ``n``, rounded;
* the texts are real texts sampled from all real regions (so text lengths are real), with new
  ids; the frame of a region (documents, municipalities, ambition, tables, notes) is copied from
  real region ``i mod 4``, and every ``source.document`` points at the region's first document;
* ``glossary/begrippen.yaml`` has ``glossary_terms`` concepts with unique ids and abbreviations,
  built from the real concepts; every concept is defined by at least one region;
* ``themes/measures.yaml`` is copied as is; ``themes/themes.yaml`` is the real theme list without ``synthesis``, whose ``refs`` name real
  item ids.

The same real data, number of regions and seed give the same bytes. The result is checked with
the project's own :func:`regiokompas.catalog.load_catalog`.
"""

from __future__ import annotations

import copy
import math
import random
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalog import CONCEPTS_FILE, GLOSSARY_DIR, MEASURES_FILE, REGIONS_DIR, THEMES_FILE
from .problems import Problem, ValidationFailed
from .urls import GENERATED_DIRS
from .yamlfile import read_yaml

Data = dict[str, Any]

SEED = 20261123
GLOSSARY_TERMS = 500
#: What a build needs besides the data; ``bronnen/`` lets validation check ``documents[].seed``.
#: What a build needs besides the data: the one list for the benchmark and the tests that build copies.
BUILD_FILES = ("mkdocs.yml", "docs", "overrides", "scripts", "schemas", "bronnen")

#: Region lists whose length is copied from the real average, with the id prefix of their items.
COUNTED = {"principles": "p", "topics": "t", "actions": "a", "indicators": "i", "key_figures": "kf", "milestones": "m"}
#: Region lists whose items carry ``terms`` (references to glossary concepts).
TAGGED = ("principles", "topics", "actions", "indicators")
TERM_REFS = "term_refs"
GLOSSARY_ENTRIES = "glossary_entries"

FOLDED_FROM = 80  # texts longer than this are written as folded blocks, as editors do
FLOW_KEYS = {"document", "section", "page"}  # sources without a quote are written on one line
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/{}.schema.json\n"


# --------------------------------------------------------------------------- real data


@dataclass
class RealData:
    """The real data files the synthetic regions are modelled on."""

    regions: list[Data]
    glossary_entries: list[Data]
    concepts: list[Data]
    themes: Data
    #: ``themes/measures.yaml`` as is (the sampled key figures keep their ``measure``), or None.
    measures: Data | None = None

    def pool(self, kind: str) -> list[Data]:
        """All items of one region list (``actions``, ...) over the real regions."""
        return [item for region in self.regions for item in region.get(kind, [])]

    def principle_ids(self) -> set[str]:
        """Ids of the real principles (to tell a principle parent from a topic parent)."""
        return {item["id"] for item in self.pool("principles")}

    def averages(self) -> dict[str, float]:
        """Per-region averages of the counted lists, glossary references and glossary entries."""
        count = len(self.regions)
        averages = {kind: sum(len(region.get(kind, [])) for region in self.regions) / count for kind in COUNTED}
        averages[TERM_REFS] = sum(count_term_refs(region) for region in self.regions) / count
        averages[GLOSSARY_ENTRIES] = len(self.glossary_entries) / count
        return averages


def _data(path: Path, root: Path) -> Any:
    """The data of one YAML file, read with the project's reader; syntax problems are raised."""
    source, problems = read_yaml(path, root)
    if source is None or problems:
        raise ValidationFailed(problems or [Problem(path.name, 1, "", "het bestand kon niet worden gelezen")])
    return source.data


def load_real_data(root: Path) -> RealData:
    """Read the real regions, region glossaries, concepts and themes under ``root``."""
    glossary_files = [path for path in sorted((root / GLOSSARY_DIR).glob("*.yaml")) if path.name != CONCEPTS_FILE.name]
    return RealData(
        regions=[_data(path, root) for path in sorted((root / REGIONS_DIR).glob("*.yaml"))],
        glossary_entries=[entry for path in glossary_files for entry in _data(path, root)["entries"]],
        concepts=_data(root / CONCEPTS_FILE, root)["concepts"],
        themes=_data(root / THEMES_FILE, root),
        measures=_data(root / MEASURES_FILE, root) if (root / MEASURES_FILE).exists() else None,
    )


def count_term_refs(region: Data) -> int:
    """The number of glossary references (``terms``) in one region."""
    return sum(len(item.get("terms", [])) for kind in TAGGED for item in region.get(kind, []))


# --------------------------------------------------------------------------- writing YAML


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes YAML laid out like the real data files (parsing cost depends on the layout)."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    style = ">" if len(text) > FOLDED_FROM else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_mapping(dumper: yaml.SafeDumper, data: Data) -> yaml.Node:
    flow = "document" in data and set(data) <= FLOW_KEYS
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flow)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(dict, _represent_mapping)


def dump_yaml(data: Any, schema: str) -> str:
    """``data`` as YAML in the layout of the real files, with their schema comment line."""
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)
    return SCHEMA_LINE.format(schema) + text


def _write(path: Path, data: Any, schema: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_yaml(data, schema), encoding="utf-8")


# --------------------------------------------------------------------------- synthetic data


def quota(average: float, index: int) -> int:
    """Items for region ``index`` so that regions 0..n-1 together hold round(average * n)."""
    return math.floor(average * (index + 1) + 0.5) - math.floor(average * index + 0.5)


def region_id(index: int) -> str:
    return f"regio-{index + 1:02d}"


def concept_id(number: int, real_concepts: list[Data]) -> str:
    """Id of synthetic concept ``number``: the real id it is based on, made unique."""
    return f"b{number:03d}-{real_concepts[number % len(real_concepts)]['id']}"


def synthetic_concept(number: int, real_concepts: list[Data], total: int) -> Data:
    """Concept ``number``: a real concept with a new id; later rounds get numbered terms."""
    real = real_concepts[number % len(real_concepts)]
    round_number = number // len(real_concepts)
    suffix = "" if round_number == 0 else f" {round_number + 1}"
    positions = {concept["id"]: index for index, concept in enumerate(real_concepts)}
    related = []
    for real_id in real.get("related", []):
        if real_id in positions:
            target = round_number * len(real_concepts) + positions[real_id]
            related.append(concept_id(target if target < total else positions[real_id], real_concepts))
    concept: Data = {"id": concept_id(number, real_concepts), "term": real["term"] + suffix}
    if real.get("abbreviations"):
        concept["abbreviations"] = [abbreviation + suffix.strip() for abbreviation in real["abbreviations"]]
    if real.get("variants"):
        concept["variants"] = [variant + suffix for variant in real["variants"]]
    concept["summary"] = real["summary"]
    if related:
        concept["related"] = related
    if real.get("themes"):
        concept["themes"] = list(real["themes"])
    return concept


def glossary_shares(regions: int, average: float, total: int) -> list[range]:
    """Concept numbers each region defines: the real average, raised so every concept is defined."""
    minimum = math.ceil(total / regions)
    shares = []
    start = 0
    for index in range(regions):
        size = max(quota(average, index), minimum)
        shares.append(range(start, start + size))
        start += size
    return shares


def _retarget_sources(value: Any, documents: dict[str, str]) -> None:
    """Point every ``source.document`` inside ``value`` at the synthetic copy of its real document.

    Every synthetic region holds a copy of every real document, so each sampled item keeps the
    source text its quote and section come from, and the quote checks still hold.
    """
    if isinstance(value, dict):
        if isinstance(value.get("source"), dict):
            value["source"]["document"] = documents[value["source"]["document"]]
        for child in value.values():
            _retarget_sources(child, documents)
    elif isinstance(value, list):
        for child in value:
            _retarget_sources(child, documents)


def _document_copies(real: RealData, prefix: str) -> tuple[list[Data], dict[str, str]]:
    """Copies of every real document with ids ``<prefix>-doc1``...; and real id -> copy id."""
    originals = [document for region in real.regions for document in region["documents"]]
    copies = _renamed(originals, f"{prefix}-doc")
    return copies, {original["id"]: copy_["id"] for original, copy_ in zip(originals, copies, strict=True)}


def _renamed(items: Iterable[Data], prefix: str) -> list[Data]:
    """Deep copies of ``items`` with ids ``<prefix>1``, ``<prefix>2``, ..."""
    copies = [copy.deepcopy(item) for item in items]
    for number, item in enumerate(copies, start=1):
        item["id"] = f"{prefix}{number}"
    return copies


def _assign_parents(lists: dict[str, list[Data]], real_principles: set[str], rng: random.Random) -> None:
    """Give actions and indicators a parent of the same kind (principle or topic) as before."""
    principles = [item["id"] for item in lists["principles"]]
    topics = [item["id"] for item in lists["topics"]] or principles
    for item in [*lists["actions"], *lists["indicators"]]:
        if item.get("parent") is not None:
            item["parent"] = rng.choice(principles if item["parent"] in real_principles else topics)


def _assign_terms(lists: dict[str, list[Data]], count: int, concept_ids: list[str]) -> None:
    """Replace the real ``terms`` with exactly ``count`` references to ``concept_ids``."""
    tagged = [item for kind in TAGGED for item in lists[kind]]
    for item in tagged:
        item.pop("terms", None)
    for number in range(count):
        item = tagged[number % len(tagged)]
        terms = item.setdefault("terms", [])
        candidates = [concept for concept in concept_ids if concept not in terms]
        if candidates:
            terms.append(candidates[number % len(candidates)])


def synthetic_region(real: RealData, averages: dict[str, float], index: int, concept_ids: list[str], seed: int) -> Data:
    """Region ``index``: frame from a real region, counted lists sampled from all regions."""
    rng = random.Random(f"{seed}:region:{index}")
    template = real.regions[index % len(real.regions)]
    prefix = f"r{index + 1:02d}"
    lists = {}
    for kind, short in COUNTED.items():
        pool = real.pool(kind)
        lists[kind] = _renamed(rng.sample(pool, min(quota(averages[kind], index), len(pool))), f"{prefix}-{short}")
    _assign_parents(lists, real.principle_ids(), rng)
    _assign_terms(lists, quota(averages[TERM_REFS], index), concept_ids)
    documents, mapping = _document_copies(real, prefix)
    region: Data = {
        "id": region_id(index),
        "name": f"Synthetische regio {index + 1:02d}",
        "province": template["province"],
        "summary": template["summary"],
        "documents": documents,
        "municipalities": copy.deepcopy(template["municipalities"]),
        "cooperation": _renamed(template.get("cooperation", []), f"{prefix}-c"),
        "ambition": copy.deepcopy(template["ambition"]),
        **lists,
        "tables": _renamed(template.get("tables", []), f"{prefix}-tab"),
        "notes": copy.deepcopy(template.get("notes", [])),
    }
    _retarget_sources(region, mapping)
    return region


def synthetic_glossary(real: RealData, index: int, concepts: list[Data], seed: int) -> Data:
    """``glossary/<region>.yaml``: one real definition text per concept, retargeted."""
    rng = random.Random(f"{seed}:glossary:{index}")
    documents = _document_copies(real, f"r{index + 1:02d}")[1]
    entries = []
    for concept in concepts:
        entry = copy.deepcopy(rng.choice(real.glossary_entries))
        entry["concept"] = concept["id"]
        entry["term"] = concept["term"]
        entry.pop("abbreviation", None)
        if concept.get("abbreviations"):
            entry["abbreviation"] = concept["abbreviations"][0]
        _retarget_sources(entry, documents)
        entries.append(entry)
    return {"region": region_id(index), "entries": entries}


def themes_without_synthesis(real: RealData) -> Data:
    """The real themes; ``synthesis`` is dropped because its refs name real item ids."""
    themes = copy.deepcopy(real.themes)
    for theme in themes["themes"]:
        theme.pop("synthesis", None)
    return themes


# --------------------------------------------------------------------------- projects


def _ignore(generated_in: Path):  # noqa: ANN202 - a copytree filter
    def ignore(directory: str, names: list[str]) -> set[str]:
        ignored = {name for name in names if name == "__pycache__" or name.endswith(".egg-info")}
        if Path(directory) == generated_in:
            ignored.update(name for name in names if name in GENERATED_DIRS)
        return ignored

    return ignore


def copy_build_files(root: Path, project: Path) -> None:
    """Copy what a build needs besides the data (no generated pages, no caches) into ``project``."""
    for name in BUILD_FILES:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=_ignore(source if name == "docs" else root / "docs"))
        elif source.exists():
            shutil.copy2(source, project / name)


def write_synthetic_data(project: Path, real: RealData, regions: int, seed: int = SEED, glossary_terms: int = GLOSSARY_TERMS) -> None:
    """Write ``regions/``, ``glossary/`` and ``themes/themes.yaml`` for ``regions`` regions."""
    if regions < 1:
        raise ValueError("a synthetic project needs at least one region")
    averages = real.averages()
    concepts = [synthetic_concept(number, real.concepts, glossary_terms) for number in range(glossary_terms)]
    _write(project / CONCEPTS_FILE, {"concepts": concepts}, "glossary-concepts")
    _write(project / THEMES_FILE, themes_without_synthesis(real), "themes")
    if real.measures is not None:
        _write(project / MEASURES_FILE, real.measures, "measures")
    for index, share in enumerate(glossary_shares(regions, averages[GLOSSARY_ENTRIES], glossary_terms)):
        own = [concepts[number % glossary_terms] for number in share]
        region = synthetic_region(real, averages, index, [concept["id"] for concept in own], seed)
        _write(project / REGIONS_DIR / f"{region['id']}.yaml", region, "region")
        glossary = synthetic_glossary(real, index, own, seed)
        _write(project / GLOSSARY_DIR / f"{region['id']}.yaml", glossary, "glossary-source")


def write_synthetic_project(root: Path, project: Path, regions: int, seed: int = SEED, *, build_files: bool = True, real: RealData | None = None) -> RealData:
    """Make ``project`` a synthetic copy of the project at ``root`` with ``regions`` regions.

    ``build_files=False`` writes only the data (and ``bronnen/``), enough for ``load_catalog``.
    Returns the real data the project was modelled on (pass it back as ``real`` to skip reading).
    """
    real = real or load_real_data(root)
    if build_files:
        copy_build_files(root, project)
    elif (root / "bronnen").is_dir():
        shutil.copytree(root / "bronnen", project / "bronnen")
    write_synthetic_data(project, real, regions, seed)
    return real
