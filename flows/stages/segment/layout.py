"""Which layout a text has, from format features only, with the evidence as the reason.

Checked in this order (first match wins):

thread       bullet lines directly followed by comment chrome ("link", "arrow-up", …)
digest       two or more title lines each followed by a "First published …" line
listing      at least ``min_listing_teasers`` paragraphs, every one a single long line
             (or a heading line over one), i.e. no short lines, titles or chrome at all
pdf_article  hard-wrapped lines (broken mid-sentence, next line going on in lower case or the
             line ending in a space or hyphen) make up ``min_wrapped_ratio`` of the lines;
             or, a weaker sign kept after repair has unwrapped them, an ALL-CAPS title line
article      anything else
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from flows.stages.segment.blocks import is_heading
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.digest import find_article_starts
from flows.stages.segment.lines import Line, ends_sentence, is_all_caps, word_count
from flows.stages.segment.listing import split_teasers
from flows.stages.segment.thread import find_comment_starts


class LayoutRules(Protocol):
    """The thresholds detection needs (SegmentConfig has them)."""

    @property
    def max_title_chars(self) -> int: ...
    @property
    def min_listing_teasers(self) -> int: ...
    @property
    def min_teaser_chars(self) -> int: ...
    @property
    def min_wrapped_ratio(self) -> float: ...


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


def is_listing(lines: Sequence[Line], rules: LayoutRules) -> tuple[bool, str]:
    teasers = split_teasers(lines, find_boilerplate(lines))
    if len(teasers) < rules.min_listing_teasers:
        return False, ""
    for teaser in teasers:
        body = teaser[-1]
        titled = len(teaser) == 2 and is_heading(teaser[0].text, rules.max_title_chars)
        if (len(teaser) > 1 and not titled) or len(body.text) < rules.min_teaser_chars:
            return False, ""
    cut = sum(1 for teaser in teasers if not ends_sentence(teaser[-1].text))
    return True, f"detected: {len(teasers)} single-paragraph teasers, {cut} cut off"


def detect_layout(lines: Sequence[Line], rules: LayoutRules) -> tuple[str, str]:
    """(layout, reason)."""
    comments = find_comment_starts(lines)
    if comments:
        counters = sum(1 for line in lines if line.text.casefold() in {"arrow-up", "arrow-down"})
        return "thread", f"detected: {len(comments)} comment headers, {counters} vote counters"
    articles = find_article_starts(lines, rules.max_title_chars)
    if len(articles) >= 2:
        return "digest", f"detected: {len(articles)} title lines followed by an origin line"
    listing, reason = is_listing(lines, rules)
    if listing:
        return "listing", reason
    wrapped, filled = count_wrapped(lines)
    if filled >= 8 and wrapped >= rules.min_wrapped_ratio * filled:
        return "pdf_article", f"detected: {wrapped} of {filled} lines hard-wrapped"
    first = next((line.text for line in lines if not line.is_blank), "")
    if is_all_caps(first) and word_count(first) >= 3:
        return "pdf_article", "detected: all-caps title line (PDF export style)"
    return "article", f"detected: no thread, digest, listing or PDF features in {filled} lines"
