"""Digests: several articles in one text, each opened by a title line and an origin line
("First published …"); one ``digest_article`` post each, a preamble as a post of its own."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.blocks import is_heading
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.post import ORIGIN, build_post

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig


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


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    articles = find_article_starts(lines, config.max_title_chars)
    if len(articles) < 2:
        return None
    return Detection("digest", 0.9, f"{len(articles)} title lines followed by an origin line")


def segment(result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig) -> None:
    starts = find_article_starts(lines, config.max_title_chars)
    for region, titled in split_regions(lines, starts):
        dropped = find_boilerplate(region)
        if titled:
            first = next(line for line in region if not line.is_blank)
            dropped.pop(first.index, None)  # the title line is never boilerplate
        add_dropped(result, doc_id, region, dropped)
        add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=len(result.posts),
                kind="digest_article",
                region=region,
                dropped=dropped,
                rules=config.block_rules(),
                title_is_first_line=titled,
            ),
        )
