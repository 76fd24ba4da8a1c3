"""Digests: several articles in one text, each opened by a title line and an origin line."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from flows.stages.segment.article import ORIGIN
from flows.stages.segment.blocks import is_heading
from flows.stages.segment.lines import Line, ends_sentence


def find_article_starts(lines: Sequence[Line], max_title_chars: int) -> list[int]:
    """Positions of title lines whose next non-blank line is a "First published …" line."""
    filled = [position for position, line in enumerate(lines) if not line.is_blank]
    starts: list[int] = []
    for here, following in itertools.pairwise(filled):
        title = lines[here].text
        if ORIGIN.match(title) or not ORIGIN.match(lines[following].text):
            continue
        if len(title) <= max_title_chars and (
            is_heading(title, max_title_chars) or not ends_sentence(title)
        ):
            starts.append(here)
    return starts


def split_regions(
    lines: Sequence[Line], starts: Sequence[int]
) -> list[tuple[Sequence[Line], bool]]:
    """(region, opens with a title) for the preamble (if any) and each article."""
    if not starts:
        return [(lines, False)]
    regions: list[tuple[Sequence[Line], bool]] = []
    preamble = lines[: starts[0]]
    if any(not line.is_blank for line in preamble):
        regions.append((preamble, False))
    bounds = [*starts, len(lines)]
    for begin, end in itertools.pairwise(bounds):
        regions.append((lines[begin:end], True))
    return regions
