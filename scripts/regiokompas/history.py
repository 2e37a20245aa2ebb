"""Content history from git: when a data file last changed, and recent changes per region.

A build without git (a tarball, a shallow export) still works: history is then empty.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Change:
    """One commit that touched a region's data."""

    date: str  # YYYY-MM-DD (commit date)
    subject: str


def _git(root: Path, *arguments: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout if result.returncode == 0 else ""


def changes(root: Path, files: list[str], limit: int = 15) -> list[Change]:
    """The most recent commits that changed any of ``files`` (newest first)."""
    output = _git(root, "log", f"-n{limit}", "--format=%cs%x09%s", "--", *files)
    found = []
    for line in output.splitlines():
        date, _, subject = line.partition("\t")
        if date:
            found.append(Change(date, subject))
    return found


def last_changed(root: Path, files: list[str]) -> str | None:
    """The commit date (YYYY-MM-DD) of the last change to ``files``, or None without git history."""
    recent = changes(root, files, limit=1)
    return recent[0].date if recent else None
