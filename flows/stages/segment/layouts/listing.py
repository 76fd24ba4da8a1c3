"""Listing pages: one ``teaser`` post per paragraph (a title line may sit on top of it),
ranked from 1.

Detected when there are at least ``min_listing_teasers`` paragraphs and every one is a
single long line (or a heading line over one): no short lines, titles or chrome at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.blocks import is_heading
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.post import build_post

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig


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


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    teasers = split_teasers(lines, find_boilerplate(lines))
    if len(teasers) < config.min_listing_teasers:
        return None
    for teaser in teasers:
        body = teaser[-1]
        titled = len(teaser) == 2 and is_heading(teaser[0].text, config.max_title_chars)
        if (len(teaser) > 1 and not titled) or len(body.text) < config.min_teaser_chars:
            return None
    cut = sum(1 for teaser in teasers if not ends_sentence(teaser[-1].text))
    return Detection("listing", 0.85, f"{len(teasers)} single-paragraph teasers, {cut} cut off")


def segment(result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig) -> None:
    dropped = find_boilerplate(lines)
    add_dropped(result, doc_id, lines, dropped)
    for teaser in split_teasers(lines, dropped):
        ordinal = len(result.posts)
        add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=ordinal,
                kind="teaser",
                region=teaser,
                dropped=dropped,
                rules=config.block_rules(),
                rank=ordinal + 1,
            ),
        )
