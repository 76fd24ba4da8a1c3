"""A PDF-extracted article: segmented as an article; detected from its hard wraps.

Hard-wrapped lines (broken mid-sentence, the next line going on in lower case, or the line
ending in a space or hyphen) make up ``min_wrapped_ratio`` of the lines; or, a weaker sign
kept after repair has unwrapped them, an ALL-CAPS title line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flows.stages.records import Segmented
from flows.stages.segment.layouts import Detection, article
from flows.stages.segment.lines import Line, ends_sentence, is_all_caps, word_count

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig


def count_wrapped(lines: Sequence[Line]) -> tuple[int, int]:
    """(hard-wrapped lines, non-blank lines)."""
    wrapped = filled = 0
    for line, following in zip(lines, [*lines[1:], None], strict=False):
        if line.is_blank:
            continue
        filled += 1
        if following is None or following.is_blank or ends_sentence(line.text):
            continue
        if following.text[:1].islower() or line.raw.endswith((" ", "-")):
            wrapped += 1
    return wrapped, filled


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    wrapped, filled = count_wrapped(lines)
    if filled >= 8 and wrapped >= config.min_wrapped_ratio * filled:
        return Detection("pdf_article", 0.8, f"{wrapped} of {filled} lines hard-wrapped")
    first = next((line.text for line in lines if not line.is_blank), "")
    if is_all_caps(first) and word_count(first) >= 3:
        return Detection("pdf_article", 0.7, "all-caps title line (PDF export style)")
    return None


def segment(result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig) -> None:
    article.segment(result, doc_id, lines, config)
