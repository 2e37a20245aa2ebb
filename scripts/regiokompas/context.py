"""What page builders get besides the data: site configuration and content history.

Both are read once by the entry point (the MkDocs hook or the command line) and passed
in, so page builders are pure functions of their inputs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .history import Change, changes

_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_SERVER = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]+)?")
_BRANCH = re.compile(r"[A-Za-z0-9._/-]+")


@dataclass(frozen=True)
class SiteContext:
    """Edit links and history for the pages; empty when the build has neither."""

    #: ``https://host/owner/repo/edit/branch/``: "Bewerk" links are this plus a data file's path.
    edit_base: str | None = None
    #: data file -> its recent changes, newest first
    history: Mapping[str, tuple[Change, ...]] = field(default_factory=dict)

    def edit_url(self, file: str) -> str | None:
        return f"{self.edit_base}{file}" if self.edit_base else None

    def changes(self, files: list[str], limit: int = 15) -> list[Change]:
        """The most recent changes to any of ``files``, newest first."""
        found = {change for file in files for change in self.history.get(file, ())}
        return sorted(found, key=lambda change: (change.date, change.subject), reverse=True)[:limit]

    def last_changed(self, files: list[str]) -> str | None:
        recent = self.changes(files, limit=1)
        return recent[0].date if recent else None


def edit_base_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The edit-link base from the CI environment (GitHub Actions' ``GITHUB_SERVER_URL`` and
    ``GITHUB_REPOSITORY``; branch ``REGIOKOMPAS_EDIT_BRANCH``, default ``main``), or None."""
    environ = os.environ if environ is None else environ
    server = environ.get("GITHUB_SERVER_URL", "")
    repository = environ.get("GITHUB_REPOSITORY", "")
    branch = environ.get("REGIOKOMPAS_EDIT_BRANCH", "main")
    if not (_SERVER.fullmatch(server) and _REPOSITORY.fullmatch(repository) and _BRANCH.fullmatch(branch)):
        return None
    return f"{server}/{repository}/edit/{branch}/"


def read_context(root: Path, data_files: list[str], environ: Mapping[str, str] | None = None) -> SiteContext:
    """The site context for a build of ``root``: edit links from the environment, history from git."""
    return SiteContext(
        edit_base=edit_base_from_environment(environ),
        history={file: tuple(changes(root, [file])) for file in data_files},
    )
