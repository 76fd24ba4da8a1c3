"""An article: one post, its boilerplate dropped. The fallback layout: it always answers,
with a middling score, so a layout that finds its features clearly wins over it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.grammars._dump import dump_view
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import Line
from flows.stages.segment.post import build_post
from flows.stages.segment.shapes import DIGIT_RUN, masked
from flows.stages.segment.webpage import find_content

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig

DROPS_LEARNED_FURNITURE = True
"""One article per document: the lines its source repeats at its edges are furniture
(:mod:`..repeated`); layouts of many items keep them, as their items' markers."""
FALLBACK = True
"""The layout that always answers: no rival when confidence is weighed."""
FALLBACK_SCORE = 0.6
MAX_ROW_CHARS = 80
"""Longest line read as a row (a header, stamp, label or meta line) rather than prose."""
MIN_ROW_REPEATS = 3
"""Fewest rows of one shape that make them an item's repeated row (a stamp, a byline)."""
PLAIN_SHAPES = frozenset({"a", "a.", "a:", "a a"})
"""Row shapes of a word or two, which a menu, a tag list or an article's subheadings repeat
as well as any page of items: no sign of items."""
MIN_PARAGRAPH_CHARS = 300
"""Shortest paragraph (a run of lines between blank ones) read as an article's prose."""
FRAME_WEIGHT = 0.5
"""Doubt per share of the text framed by one repeated header row: less than dense rows
give, since a mail's header fields or an article's photo credits frame text too."""
FEW_LINES = 16
"""Fewest lines whose lack of every other layout's features tells an article: the other
layouts read repeated structure (rows, headers, stamps, page numbers) that a short text
has too few lines to show, so the fallback is doubted by the share of these it lacks."""
FEW_LINES_WEIGHT = 0.3
"""Doubt of a text of no lines (see ``FEW_LINES``); a text's doubt falls evenly to none
at ``FEW_LINES`` lines."""
_WORDS = re.compile(r"[^\W\d]+(?:[\s'’.-]+[^\W\d]+)*")
_SPACES = re.compile(r"\s+")


def row_shape(text: str) -> str:
    """A short line's shape: each run of letters ``a``, of digits ``0``, of spaces one
    space, every other character kept ('Posted: 12 Mar 2009, 14:22' -> 'a: 0 a 0, 0:0')."""
    return _SPACES.sub(" ", masked(text))


def header_shape(text: str) -> str:
    """A header row's shape, its words whatever their number (a name, a subject): each run
    of words (joined by spaces, apostrophes, dots or hyphens: 'anna.s') ``a``, of digits
    ``0``, every other character kept ('Anna Sokol -> RE: Vote count (9/14/2021)' -> 'a ->
    a: a (0/0/0)')."""
    return _SPACES.sub(" ", _WORDS.sub("a", DIGIT_RUN.sub("0", text)))


def _plain_header(shape: str) -> bool:
    """A header shape of words and at most one mark, no number: a heading or a label."""
    marks = sum(1 for char in shape if not char.isalnum() and not char.isspace())
    return marks <= 1 and "0" not in shape


def item_doubt(lines: Sequence[Line]) -> tuple[float, float]:
    """How much a text reads as items rather than one article's prose, in two views (each
    0-1), the marks of a page of items that no layout's grammar read:

    * *rows*: the share of its lines that are rows of a shape (:func:`row_shape`) repeated
      ``MIN_ROW_REPEATS`` times or more (comment headers, item stamps, bylines), weighed by
      the share of its characters outside long paragraphs (an article's subheadings or
      captions may repeat a shape; its text stays in paragraphs);
    * *framed*: the share of its characters between the first and the last of a header
      row (:func:`header_shape`) repeated as often, less what the widest stretch between
      two of them in a row exceeds the second widest by: long posts under sparse headers
      frame the text in a rhythm, while an article's dated byline above its text and the
      dated links of a list at its end frame only the list.

    One pass over the lines."""
    shapes: Counter[str] = Counter()
    # shape: (count, chars at first, at last, widest and second widest stretch between two)
    headers: dict[str, tuple[int, int, int, int, int]] = {}
    filled = chars = prose = paragraph = 0
    for line in lines:
        if line.is_blank:
            prose += paragraph if paragraph >= MIN_PARAGRAPH_CHARS else 0
            paragraph = 0
            continue
        filled += 1
        chars += len(line.text)
        paragraph += len(line.text)
        if len(line.text) <= MAX_ROW_CHARS:
            shapes[row_shape(line.text)] += 1
            header = header_shape(line.text)
            count, first, last, wide, second = headers.get(header, (0, chars, chars, 0, 0))
            stretch = chars - last
            if stretch > wide:
                wide, second = stretch, wide
            elif stretch > second:
                second = stretch
            headers[header] = (count + 1, first, chars, wide, second)
    prose += paragraph if paragraph >= MIN_PARAGRAPH_CHARS else 0
    if not filled:
        return 0.0, 0.0
    rows = sum(
        count
        for shape, count in shapes.items()
        if count >= MIN_ROW_REPEATS and shape not in PLAIN_SHAPES
    )
    framed = max(
        (
            (last - first - (wide - second)) / chars
            for shape, (count, first, last, wide, second) in headers.items()
            if count >= MIN_ROW_REPEATS and not _plain_header(shape)
        ),
        default=0.0,
    )
    return round(rows / filled * (1 - prose / chars), 3), round(framed, 3)


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection:
    filled = sum(1 for line in lines if not line.is_blank)
    rows, framed = item_doubt(lines)
    evidence = f"no thread, digest, listing or PDF features in {filled} lines"
    if rows or framed:
        evidence += (
            f"; repeated rows {rows:.2f} of the text outside long paragraphs, "
            f"{framed:.2f} framed by one header row"
        )
    doubt = max(rows, FRAME_WEIGHT * framed) + few_lines_doubt(filled)
    return Detection("article", FALLBACK_SCORE, evidence, doubt=round(min(1.0, doubt), 3))


def few_lines_doubt(filled: int) -> float:
    """What a text of `filled` non-blank lines lacks to show the features of the layouts
    other than the fallback (``FEW_LINES``), as doubt of the fallback.

    >>> few_lines_doubt(1), few_lines_doubt(8), few_lines_doubt(FEW_LINES)
    (0.281, 0.15, 0.0)
    """
    return round(FEW_LINES_WEIGHT * max(0, FEW_LINES - filled) / FEW_LINES, 3)


def segment(
    result: Segmented,
    doc_id: str,
    lines: Sequence[Line],
    config: SegmentConfig,
    parsed: object = None,
) -> None:
    dropped = find_boilerplate(lines)
    content = find_content(dump_view(lines) or lines, dropped)
    head = None
    if content is not None:
        dropped.update(content.chrome)
        for index in content.head.title_lines | content.head.meta_lines:
            dropped.pop(index, None)
        if content.head.title or content.head.author or content.head.published:
            head = content.head
    add_dropped(result, doc_id, lines, dropped)
    add_post(
        result,
        build_post(
            doc_id=doc_id,
            ordinal=0,
            kind="article",
            region=lines,
            dropped=dropped,
            rules=config.block_rules(),
            head=head,
        ),
    )
