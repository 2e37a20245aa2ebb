"""Thin MkDocs hook: run the standalone generator before every build.

All logic lives in :mod:`regiokompas.generate`; this file only adapts it to
MkDocs, so another builder (Zensical) can run ``python -m regiokompas generate``
first and read the same ``docs/``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

from regiokompas.generate import generate
from regiokompas.problems import ValidationFailed


def on_pre_build(config, **kwargs) -> None:  # noqa: ANN001 - MkDocs passes its own config type
    root = Path(config["config_file_path"]).parent
    try:
        generate(root, Path(config["docs_dir"]))
    except ValidationFailed as failure:
        raise Abort("\n" + failure.report()) from None
