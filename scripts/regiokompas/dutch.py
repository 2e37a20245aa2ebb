"""Dutch formatting of numbers, dates and indicator directions."""

from __future__ import annotations

from decimal import Decimal

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
DIRECTIONS = {"meer": "meer (omhoog)", "minder": "minder (omlaag)", "gelijk": "gelijk houden", "niet-genoemd": "niet genoemd"}


def dutch_number(value: float | int, decimals: int | None = None) -> str:
    """``12345.5`` as ``12.345,5``: Dutch thousands separator and decimal comma.

    Without ``decimals``, as many decimals as the value has (``1e-05`` is ``0,00001``).
    """
    if decimals is None:
        exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    formatted = f"{value:,.{decimals}f}"
    return formatted.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def dutch_date(value: str) -> str:
    """``2021-11-17`` as ``17 november 2021``; ``2022-Q1`` as ``1e kwartaal 2022``."""
    if "-Q" in value:
        year, quarter = value.split("-Q")
        return f"{quarter}e kwartaal {year}"
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def direction(value: str) -> str:
    """An indicator's desired direction in words."""
    return DIRECTIONS[value]
