"""Turn pydantic's errors into Dutch messages an editor can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Location, Problem
from .yamlfile import YamlFile


def suggest(value: str, choices: typing.Iterable[str]) -> str:
    """``"; bedoelde u 'x'?"`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return f"; bedoelde u '{close[0]}'?" if close else ""


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``list[X]``, ``X | None``, ``Annotated[X, ...]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for argument in typing.get_args(annotation):
            found = _unwrap(argument)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``location``."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_names(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model else []


def dutch_message(error: dict[str, Any], root_model: type[BaseModel]) -> str:
    """One pydantic error as a Dutch sentence with what to do."""
    kind = error["type"]
    location: Location = tuple(error["loc"])
    given = error.get("input")
    context = error.get("ctx") or {}
    field = next((part for part in reversed(location) if isinstance(part, str)), "")
    if kind == "missing":
        return f"verplicht veld '{field}' ontbreekt; voeg '{field}:' toe met een waarde"
    if kind == "extra_forbidden":
        allowed = _field_names(model_at(root_model, location[:-1]))
        hint = suggest(field, allowed)
        listing = ", ".join(allowed)
        return f"onbekend veld '{field}'{hint or ''}" + ("" if hint else f"; toegestane velden: {listing}")
    if kind in ("string_type", "str_type"):
        return f"moet tekst zijn, maar is {_describe(given)}; zet de waarde tussen aanhalingstekens"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"moet een geheel getal zijn, maar is {_describe(given)}"
    if kind in ("float_type", "float_parsing"):
        return f"moet een getal zijn (punt als decimaalteken), maar is {_describe(given)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"moet true of false zijn, maar is {_describe(given)}"
    if kind == "list_type":
        return f"moet een lijst zijn (regels die met '- ' beginnen), maar is {_describe(given)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"moet een blok met velden zijn ('sleutel: waarde' op de regels eronder), maar is {_describe(given)}"
    if kind == "literal_error":
        choices = ", ".join(_literal_choices(context))
        return f"ongeldige waarde {_describe(given)}{suggest(str(given), _literal_choices(context))}; kies uit: {choices}"
    if kind == "string_pattern_mismatch":
        return _pattern_message(field, given)
    if kind == "string_too_long":
        return f"is te lang: {len(str(given))} tekens, de grens is {context.get('max_length')}; kort de tekst in"
    if kind == "string_too_short":
        return "mag niet leeg zijn; vul een tekst in of laat het veld weg als het optioneel is"
    if kind == "too_short":
        return f"moet minstens {context.get('min_length', 1)} item(s) bevatten"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        if field in ("year", "baseline_year", "since", "period_start", "period_end"):
            return f"jaartal {given} valt buiten het bereik 1990-2100; controleer het jaartal"
        return f"waarde {given} valt buiten het toegestane bereik ({_bounds(context)})"
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    if kind.startswith("union"):
        return f"ongeldige waarde {_describe(given)}"
    return f"{error['msg']} (waarde: {_describe(given)})"


def _literal_choices(context: dict[str, Any]) -> list[str]:
    return [choice.strip(" '") for choice in str(context.get("expected", "")).replace(" or ", ", ").split(",")]


def _bounds(context: dict[str, Any]) -> str:
    return ", ".join(f"{key} {value}" for key, value in context.items())


def _describe(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, dict):
        return "een blok met velden"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (ja/nee)"
    text = " ".join(str(value).split())
    return f"'{text}'" if len(text) <= 60 else f"'{text[:59]}…' ({len(text)} tekens)"


def _pattern_message(field: str, given: Any) -> str:  # noqa: PLR0911 - one message per field kind
    if field in ("date",):
        return f"ongeldige datum {_describe(given)}; schrijf JJJJ, JJJJ-MM, JJJJ-MM-DD of JJJJ-Q1 t/m JJJJ-Q4, tussen aanhalingstekens"
    if field == "url":
        return f"ongeldig adres {_describe(given)}; een adres begint met https:// en bevat geen spaties"
    if field in ("abbreviation", "abbreviations"):
        return (
            f"ongeldige afkorting {_describe(given)}; schrijf een of twee woorden van samen hoogstens 15 tekens, zonder haakjes (bijvoorbeeld 'GI' of 'DU VO')"
        )
    if field == "seed":
        return f"ongeldige bestandsnaam {_describe(given)}; gebruik de naam van het bestand in bronnen/ (bijvoorbeeld '001_4f7ac4d2be3ad9cf.txt')"
    return f"ongeldig id {_describe(given)}; gebruik alleen kleine letters, cijfers en enkele koppeltekens (bijvoorbeeld 'twe-p3-a2')"


def problems_from(error: ValidationError, source: YamlFile, root_model: type[BaseModel]) -> list[Problem]:
    """Every error of ``error`` as a located problem in ``source``."""
    found: dict[Location, Problem] = {}
    for item in error.errors(include_url=False):
        location: Location = tuple(item["loc"])
        if item["type"] not in ("missing", "extra_forbidden"):
            # Union branches add the branch's type name to the location; drop it.
            while location and location not in source.lines:
                location = location[:-1]
            item = {**item, "loc": location}
        found.setdefault(location, source.problem(location, dutch_message(item, root_model)))
    return list(found.values())
