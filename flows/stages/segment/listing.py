"""Listing pages: one teaser per paragraph (a title line may sit on top of it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flows.stages.segment.lines import Line


def split_teasers(lines: Sequence[Line], dropped: Mapping[int, str]) -> list[list[Line]]:
    """Runs of adjacent kept lines; blank and boilerplate lines end a teaser."""
    teasers: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.is_blank or line.index in dropped:
            if current:
                teasers.append(current)
                current = []
        else:
            current.append(line)
    if current:
        teasers.append(current)
    return teasers
