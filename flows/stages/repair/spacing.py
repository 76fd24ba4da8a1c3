"""Read a double-spaced text as single-spaced.

Some converters (html2text, reader views, copies from a browser) give every line of a page
a block of its own, so a blank line follows *every* line and a paragraph break shows as two
or more blank lines. Every rule that reads adjacent lines (a comment header over its text,
a title over its byline, a wrapped paragraph) then sees nothing adjacent. Such a text is
recognised from its gaps between lines with text: (nearly) none is empty, and either many
hold exactly one blank line and some hold two or more (the paragraph breaks), or most hold
three or more (a page that already had a blank line between all its lines, doubled), or
all hold exactly one and the lines are wrapped prose whose sentences run on across them (a
hard-wrapped page without blank lines, doubled). It is
then read as the page was: one blank line means the lines were adjacent, a longer run means
a paragraph break (one blank line; a run of 2k + 1 or 2k + 2 blank lines, k of them, as a
blank line after every line of the original gives).

Why these counts: a page that puts a blank line between all its lines on its own (one
paragraph per line) has single blank lines only, or very few longer runs, and is left
alone; so is any text with adjacent lines beyond a stray one. Undoing the spacing leaves
the former single blank lines as adjacent lines, too many for the first test to pass again;
a text passing the second one comes out with single blank lines, and is read again only if
it then shows the first pattern (a page with paragraph breaks that was doubled twice).
Only line ends (and whitespace-only lines) are removed; no character with content moves.
"""

from __future__ import annotations

import itertools
from collections import Counter

from flows.stages.repair.edits import LocalEdit
from flows.stages.repair.unwrap import UnwrapSettings, runs_on, wrap_width

MIN_GAPS = 8
"""Fewest gaps between lines with text before a text's spacing is judged at all."""
MAX_ADJACENT_SHARE = 0.02
"""Most gaps, as a share, that may hold no blank line in a double-spaced text (a converter
that misses one block)."""
MIN_SINGLE_SHARE = 0.15
"""Least share of gaps with exactly one blank line (lines adjacent in the page); above
MAX_ADJACENT_SHARE, so that the undone text never qualifies again."""
MIN_BREAK_SHARE = 0.03
"""Least share of gaps with two or more blank lines (the page's paragraph breaks)."""
MIN_WIDE_SHARE = 0.5
"""Least share of gaps with three or more blank lines that shows a doubled page whose lines
were all apart (no natural page leaves most of its gaps that wide)."""
MIN_RUNS_ON = 3
"""Fewest lines running on across one blank line into the next (:func:`.unwrap.runs_on`)
that show a page wrapped at a width, without blank lines, and then double-spaced."""


def _gaps(text: str) -> list[tuple[int, int, int]]:
    """(end of a line with text, start of the next one, blank lines between them) for each
    pair of consecutive lines with text."""
    gaps = []
    offset = 0
    previous_end = -1
    blanks = 0
    for line in text.split("\n"):
        if line.strip():
            if previous_end >= 0:
                gaps.append((previous_end, offset, blanks))
            previous_end, blanks = offset + len(line), 0
        else:
            blanks += 1
        offset += len(line) + 1
    return gaps


def is_double_spaced(gaps: list[int]) -> bool:
    """Whether the blank lines of each gap (`gaps`) show a double-spaced text."""
    n = len(gaps)
    if n < MIN_GAPS:
        return False
    adjacent = sum(1 for blanks in gaps if blanks == 0)
    single = sum(1 for blanks in gaps if blanks == 1)
    breaks = n - adjacent - single
    wide = sum(1 for blanks in gaps if blanks >= 3)
    return adjacent <= MAX_ADJACENT_SHARE * n and (
        (single >= MIN_SINGLE_SHARE * n and breaks >= max(2, MIN_BREAK_SHARE * n))
        or wide >= MIN_WIDE_SHARE * n
    )


def _wrapped_across_blanks(text: str, gaps: list[tuple[int, int, int]], s: UnwrapSettings) -> bool:
    """Whether a text with one blank line in every gap is wrapped prose spaced out line by
    line: no line is longer than a wrap width (:func:`.unwrap.wrap_width`) and
    ``MIN_RUNS_ON`` lines run on across their blank line into the next one. A page keeping
    its paragraphs apart on one line each has lines too long for any wrap width, and none
    of its lines stops mid-sentence."""
    if len(gaps) < MIN_GAPS or any(blanks != 1 for _, _, blanks in gaps):
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    width = wrap_width(lines, s)
    if not width:
        return False
    found = sum(1 for line, nxt in itertools.pairwise(lines) if runs_on(line, nxt, width, s))
    return found >= MIN_RUNS_ON


def undouble_spacing(text: str, counts: Counter[str], s: UnwrapSettings) -> list[LocalEdit]:
    """Edits making a double-spaced text single-spaced (see the module docstring); none for
    any other text. Counted once per gap changed. `s`: the unwrap settings, for the wrap
    width of a text whose every gap holds one blank line."""
    gaps = _gaps(text)
    if not is_double_spaced([blanks for _, _, blanks in gaps]) and not _wrapped_across_blanks(
        text, gaps, s
    ):
        return []
    edits = []
    for end, start, blanks in gaps:
        if blanks == 0:
            continue
        kept = 0 if blanks == 1 else max(1, (blanks - 1) // 2)
        if text.count("\n", end, start) == start - end:  # only line ends: drop the last ones
            edits.append(LocalEdit(start - (blanks - kept), start, "", "undouble_spacing"))
        else:  # whitespace-only lines between: the whole gap becomes its line ends
            edits.append(LocalEdit(end, start, "\n" * (kept + 1), "undouble_spacing"))
    counts["undouble_spacing"] += len(edits)
    return edits
