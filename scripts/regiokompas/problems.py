"""Validation problems: where they are and how they are reported to editors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Location = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, with the line an editor should look at."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ValidationFailed(Exception):
    """Raised with every problem of a run; nothing may be written when it is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, with a Dutch summary line."""
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} {noun} gevonden; er is niets gegenereerd. Los ze op en probeer het opnieuw.")
        return "\n".join(lines)


def format_path(location: Location) -> str:
    """Render ``('principles', 3, 'themes', 0)`` as ``principles[3].themes[0]``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def display_name(path: Path, root: Path) -> str:
    """A file name relative to the project root, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
