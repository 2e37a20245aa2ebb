"""Command line: ``python -m regiokompas validate|generate|schema``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import load_catalog
from .problems import ValidationFailed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="regiokompas", description="Regiokompas Jeugdhulp: gegevens controleren en pagina's maken.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="projectmap (standaard: de huidige map)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="controleer alle YAML-bestanden")
    commands.add_parser("generate", help="controleer en schrijf de gegenereerde pagina's in docs/")
    schema = commands.add_parser("schema", help="schrijf de JSON Schema-bestanden in schemas/")
    schema.add_argument("--check", action="store_true", help="alleen controleren of schemas/ actueel is")
    scaffold = commands.add_parser("nieuwe-regio", help="maak een nieuw regiobestand met alle velden")
    scaffold.add_argument("naam", help="naam van de regio, bijvoorbeeld 'Noord-Veluwe'")
    arguments = parser.parse_args(argv)
    root: Path = arguments.root
    try:
        if arguments.command == "validate":
            catalog = load_catalog(root)
            print(f"In orde: {len(catalog.regions)} regio's, {len(catalog.themes)} thema's, {len(catalog.concepts)} begrippen.")
            from .citations import report

            print(report(catalog.sources))
        elif arguments.command == "generate":
            from .generate import generate

            changed = generate(root)
            print(f"Gegenereerd: {len(changed)} bestand(en) gewijzigd.")
        elif arguments.command == "schema":
            from .schema import write_schemas

            stale = write_schemas(root / "schemas", check=arguments.check)
            if stale and arguments.check:
                print("Niet actueel: " + ", ".join(stale) + ". Draai 'make schema'.", file=sys.stderr)
                return 1
        elif arguments.command == "nieuwe-regio":
            from .scaffold import new_region

            path = new_region(root, arguments.naam)
            print(f"Aangemaakt: {path}. Vul de velden in en draai 'make validate'.")
    except ValidationFailed as failure:
        print(failure.report(), file=sys.stderr)
        return 1
    return 0
