"""A page's item period: the repeated line skeleton of a listing whatever its front-end.

Pages of an unseen front-end (an episode list, an event calendar, a theme page) show their
items as the same few kinds of line in the same order, one item after another, whatever
the words. This module abstracts every line with text to one symbol of its *skeleton*
and finds the shortest sequence of symbols that repeats three times or more in a row:

* ``P``: prose (more than twenty words, or a sentence of six words or more);
* ``D``: a short stamp: a date, a day and month ('NOV 28'), a clock time, an age ('3 days
  ago') or a duration ('42 min'), alone or with a few words ('Feb 12 · 48 min'), or a
  longer meta row with an age in numbers ('<tags> by <handle> 2 days ago copy to mine');
* ``N``: a short line that is mostly digits (a day badge '4', a count, a rating);
* ``R``: a short line whose text, its digits read as one, the page shows three times or
  more ('Play', 'Wed', 'Editor's choice', 'News'): an item's recurring literal or label;
* ``F``: a short field row: its label (a first word closed by a colon, or one with a
  digit: '[1]', '#2', '3.') opens three short lines or more and other words follow it ('Discussion:
  <outlets>', 'Subjects: <list>'); every row of a block of labelled rows one under the
  other ('Document type: <type>' / 'Updated: <date>') where a label opens three rows;
* ``T``: any other short line (a title, a label, a name, a venue).

Adjacent lines of one symbol are one group (a title shown twice, a label over a title, a
teaser of two paragraphs); two short lines with a blank line between are two (an item's
closing 'Read more: <title>' and the next item's title). The period is read on the groups: the stretch where every
symbol equals the one a period further on, cut into repeats at the phase whose repeats
open after a blank line most often (a page sets its items apart so), else from its first
symbol (so an item's head comes first: the chrome above the items breaks the repetition). An item
of the period with one group missing (the last episode without a description, an item
without the label others show) right after the run is an item too. A repeat at the
run's edge that holds more marker lines at one position than any other item is
the page's menu, filter box or footer in the items' shape, no item; one that holds more
paragraphs of text is the article above a widget of related teasers. One short line
between two items, where the frame opens with no title, is a section heading (chrome). The lines above the first repeat and under the
last are the page's chrome or preamble.

The period alone proves little (an article's subheadings over their sections repeat
``T P``): it counts only where the pattern holds a marker column (``D``, ``N``, ``R`` or
``F``: a stamp, a number or a literal in every item), a title column (``T``, distinct
texts of headline length) above the text column (``P``). Linear: each line is classified
once (counts by dictionary), each period checks each group once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.lines import Line, ends_sentence, word_count
from flows.stages.segment.meta import AGE, find_date
from flows.stages.segment.shapes import (
    MAX_SHORT_WORDS,
    PROSE,
    continues,
    line_kind,
    periodic_stretches,
    wrap_width,
)

TEXT, STAMP, NUMBER, LITERAL, FIELD, TITLE = "P", "D", "N", "R", "F", "T"
MARKERS = frozenset({STAMP, NUMBER, LITERAL, FIELD})
"""Symbols that show an item's furniture: a column of them in every repeat is what makes
a repeated shape an item frame rather than headings over paragraphs."""

MIN_REPEATS = 3
MIN_HEADLINE_REPEATS = 4
"""Fewest repeats of a frame without text: a title and a stamp repeat in many a page's
widget, four and more of them with nothing else are a list of headlines."""
MAX_PERIOD = 8
"""Most groups of one item's pattern."""
MAX_STAMP_WORDS = 8
"""Most words of a stamp line ('March 4 @ 6:30 pm - 8:00 pm')."""
SEPARATORS = frozenset("|·•-–—/")
"""Tokens between a meta row's cells, no words of it."""
MIN_RECURRING = 3
"""Fewest lines of one text (or of one opening word) that make a literal (a field row)."""

_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|"
    r"juin|juillet|août|septembre|octobre|novembre|décembre|янв|фев|мар|апр|мая|май|июн|июл|"
    r"авг|сен|окт|ноя|дек)[a-zа-яё]*\.?"
)
SHORT_DATE = re.compile(
    rf"(?:^|\s)(?:{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTH}(?=\s|$|,)|{_MONTH}\s+\d{{4}}\b)",
    re.IGNORECASE,
)
"""A date without its year or its day ('NOV 28', '4 мая', 'March 2026')."""
CLOCK_OR_LENGTH = re.compile(
    r"\b\d{1,2}:\d\d\b|\b\d{1,2}\s*[ap]\.?m\b|\b\d+\s*(?:min|mins|minutes|sec|h|hr|hrs|hours|"
    r"мин|ч)\b\.?",
    re.IGNORECASE,
)
"""A clock time or a duration ('6:30 pm', '01:34:35', '42 min', '1 h')."""
DIGITS = re.compile(r"\d")
NUMBER_AGE = re.compile(
    r"\b\d+\s*(?:second|sec|minute|min|hour|hr|day|week|month|year|yr|[smhdwy])s?\s+ago\b",
    re.IGNORECASE,
)
"""An age in numbers ('2 days ago', '5h ago')."""
CLOSING = "\"'”’»)]"
"""Closing quotes and brackets after a headline's last mark."""


def normalized(text: str) -> str:
    """The text as its recurring literal: case folded, every run of digits one zero."""
    return re.sub(r"\d+", "0", text.casefold()) if DIGITS.search(text) else text.casefold()


def _is_stamp(text: str) -> bool:
    """A short line with a date, a day and month, a clock time, a duration or an age; a
    longer meta row with an age in numbers ('<tags> by <handle> 2 days ago copy to mine')."""
    if len([word for word in text.split() if word not in SEPARATORS]) > MAX_STAMP_WORDS:
        return bool(NUMBER_AGE.search(text)) and not ends_sentence(text)
    if AGE.search(text):
        return True
    if not DIGITS.search(text):
        return False
    return bool(find_date(text) or SHORT_DATE.search(text) or CLOCK_OR_LENGTH.search(text))


def _is_number(text: str) -> bool:
    """Mostly digits, a one-word label closed by a colon aside ('4', '1.1K', 'Hits: 967')."""
    label, colon, rest = text.partition(": ")
    if colon and rest and " " not in label:
        text = rest
    digits = sum(1 for char in text if char.isdigit())
    letters = sum(1 for char in text if char.isalpha())
    return digits > 0 and digits >= letters


def _label(text: str) -> str | None:
    """The label opening a field row: its first word when words follow and the word ends
    with a colon or holds a digit ('Subjects:', '[0]', '#0', '0.'); a title's first word
    ('The', 'Russia's') or a cut-off snippet's ellipsis is none."""
    parts = text.split(maxsplit=1)
    if len(parts) < 2:
        return None
    first = parts[0]
    if first.endswith(":") or DIGITS.search(first):
        return normalized(first)
    return None


def _paragraphs(lines: Sequence[Line]) -> list[tuple[list[Line], str]]:
    """The lines with text in runs, each a line and the lines that hard-wrap its text
    (:func:`flows.stages.segment.shapes.continues`), with the run's text joined."""
    width = wrap_width(lines)
    runs: list[tuple[list[Line], str]] = []
    above: Line | None = None  # the line right above, None after a blank line
    for line in lines:
        if line.is_blank:
            above = None
            continue
        if above is not None and runs and continues(above, line, width):
            runs[-1][0].append(line)
            runs[-1] = (runs[-1][0], f"{runs[-1][1]} {line.text}")
        else:
            runs.append(([line], line.text))
        above = line
    return runs


def symbols(lines: Sequence[Line]) -> list[str]:
    """One symbol per line of `lines` (blank lines: ``""``; the lines of a hard-wrapped
    paragraph share the symbol of its text), see the module's docstring."""
    runs = _paragraphs(lines)
    kinds = [line_kind(text) for _, text in runs]
    short = [text for (_, text), kind in zip(runs, kinds, strict=True) if kind != PROSE]
    texts = Counter(normalized(text) for text in short)
    firsts = Counter(label for text in short if (label := _label(text)))
    marks: list[str] = []
    for (_, text), kind in zip(runs, kinds, strict=True):
        if kind == PROSE:
            symbol = TEXT
        elif _is_stamp(text):
            symbol = STAMP
        elif _is_number(text):
            symbol = NUMBER
        elif texts[normalized(text)] >= MIN_RECURRING:
            symbol = LITERAL
        elif (label := _label(text)) and firsts[label] >= MIN_RECURRING:
            symbol = FIELD
        else:
            symbol = TITLE
        marks.append(symbol)
    _mark_field_blocks(runs, kinds, marks)
    out: dict[int, str] = {}
    for at, (run, _) in enumerate(runs):
        symbol = marks[at]
        if symbol == TEXT and _asked_headline(runs, marks, at):
            symbol = TITLE
        out.update((line.index, symbol) for line in run)
    return [out.get(line.index, "") for line in lines]


FIELD_ROW = re.compile(r"^(?P<label>[^\W\d_][^\s:]*(?:\s[^\s:]+){0,2}):\s+\S")
"""A labelled row: a label of one to three words closed by a colon, then its value
('Document type: Report', 'Latest action: ...')."""
MIN_BLOCK_ROWS = 2
"""Fewest labelled rows, one right under the other, that make an item's field block."""


def _field_label(text: str) -> str | None:
    match = FIELD_ROW.match(text)
    return normalized(match["label"]) if match else None


def _mark_field_blocks(
    runs: Sequence[tuple[list[Line], str]], kinds: Sequence[str], marks: list[str]
) -> None:
    """Mark as field rows (``F``) each block of labelled short rows one under the other
    ('Document type: <type>' / 'Organisation: <name>' / 'Updated: <date>') where a label
    of the block opens ``MIN_RECURRING`` rows of the page: an item's meta block is one
    group whatever each row holds (a date, a literal, a plural label one item shows), so
    items with the same block show the same frame. Labelled rows at the block's top whose
    label the page does not repeat ('Russia: <headline>' glued over the block) stay as
    they are; so do lone labelled rows."""
    labels = [
        _field_label(text) if kind != PROSE else None
        for (_, text), kind in zip(runs, kinds, strict=True)
    ]
    counts = Counter(label for label in labels if label)
    at = 0
    while at < len(runs):
        end = at
        while (
            labels[end]
            and end + 1 < len(runs)
            and labels[end + 1]
            and runs[end + 1][0][0].index == runs[end][0][-1].index + 1
        ):
            end += 1
        block = range(at, end + 1) if labels[at] else range(0)
        at = end + 1
        first = next((n for n in block if counts[labels[n] or ""] >= MIN_RECURRING), None)
        if first is None or block.stop - first < MIN_BLOCK_ROWS:
            continue
        for n in range(first, block.stop):
            marks[n] = FIELD


def _asked_headline(runs: Sequence[tuple[list[Line], str]], marks: Sequence[str], at: int) -> bool:
    """Whether the prose run at `at` is a headline asked or exclaimed over its meta row: a
    title's length, opening in upper case and closing on '?' or '!' (prose only by the
    sentence rule), with a stamp or a field row right under it, no blank line between
    ('Ask HN: Has anyone measured ...?' over '241 points | name | 5 years ago'). Right under
    a title line, the question is that title's teaser."""
    run, text = runs[at]
    if word_count(text) > MAX_SHORT_WORDS or not text[:1].isupper() or at + 1 >= len(runs):
        return False
    if not text.rstrip(CLOSING).endswith(("?", "!")):
        return False
    if at and marks[at - 1] == TITLE and runs[at - 1][0][-1].index + 1 == run[0].index:
        return False
    below = runs[at + 1][0]
    return below[0].index == run[-1].index + 1 and marks[at + 1] in (STAMP, FIELD)


@dataclass(frozen=True, slots=True)
class Group:
    """Adjacent lines with text of one symbol."""

    symbol: str
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Period:
    """Consecutive repeats of one pattern of groups: each repeat is an item. A repeat with
    a position missing holds an empty group there."""

    pattern: tuple[str, ...]
    repeats: tuple[tuple[Group, ...], ...]

    def column(self, position: int) -> list[Group]:
        return [repeat[position] for repeat in self.repeats]


def groups(lines: Sequence[Line]) -> list[Group]:
    """The page's groups in reading order (blank lines skipped)."""
    found: list[Group] = []
    for line, symbol in zip(lines, symbols(lines), strict=True):
        if not symbol:
            continue
        if (
            found
            and symbol == TITLE == found[-1].symbol
            and found[-1].lines[-1].index + 1 < line.index
        ):
            found.append(Group(symbol, (line,)))  # one item's last line, the next one's title
        elif found and found[-1].symbol == symbol:
            found[-1] = Group(symbol, (*found[-1].lines, line))
        else:
            found.append(Group(symbol, (line,)))
    return found


def _valid(pattern: Sequence[str], headlines: bool = False) -> bool:
    """An item frame: opens on no text, holds a title over the text and a marker (with
    `headlines`: a title and a stamp, no text), and is no repeat of a shorter pattern."""
    if pattern[0] == TEXT or TITLE not in pattern:
        return False
    if headlines:
        if TEXT in pattern or STAMP not in pattern:
            return False
    elif (
        TEXT not in pattern
        or pattern.index(TITLE) > pattern.index(TEXT)
        or not MARKERS.intersection(pattern)
    ):
        return False
    size = len(pattern)
    return not any(
        size % part == 0 and tuple(pattern) == tuple(pattern[:part]) * (size // part)
        for part in range(1, size)
    )


def find_period(lines: Sequence[Line], headlines: bool = False) -> Period | None:
    """The run of one repeated item frame covering the most groups (then the shorter
    pattern, then the earlier), with the partial items beside it; None when no frame
    repeats ``MIN_REPEATS`` times. With `headlines`, the frames of items that show no
    text, a title and a stamp only (a search page, an archive index, a news feed), which
    must repeat ``MIN_HEADLINE_REPEATS`` times."""
    return period_of(groups(lines), headlines)


def period_of(found: Sequence[Group], headlines: bool = False) -> Period | None:
    """:func:`find_period` over the page's :func:`groups`, for a caller that asks for
    both kinds of frame of one page and so reads its groups once."""
    kinds = [group.symbol for group in found]
    least = MIN_HEADLINE_REPEATS if headlines else MIN_REPEATS
    opened = [
        at == 0 or found[at - 1].lines[-1].index + 1 < group.lines[0].index
        for at, group in enumerate(found)
    ]
    best: tuple[int, int, int, int, int] | None = None
    # (-covered, period, -repeats opened after a blank line, start, repeats): where the page
    # sets its items apart with blank lines, of two equal runs the one so cut wins
    for period in range(2, MAX_PERIOD + 1):
        for stretch_start, end in periodic_stretches(kinds, period):
            for start in range(stretch_start, stretch_start + period):
                repeats = (end - start) // period
                if repeats < least or not _valid(kinds[start : start + period], headlines):
                    continue
                gaps = sum(opened[at] for at in range(start, start + repeats * period, period))
                key = (-repeats * period, period, -gaps, start, repeats)
                if best is None or key < best:
                    best = key
    if best is None:
        return None
    _, period, _, start, count = best
    pattern = tuple(kinds[start : start + period])
    items = [tuple(found[at : at + period]) for at in range(start, start + count * period, period)]
    sizes = _largest_sizes(items[1:])
    end = start + count * period
    while True:
        partial = _whole(found, end, pattern) or _partial(found, end, pattern)
        if partial is None and _is_heading(found, end, pattern):
            partial = _whole(found, end + 1, pattern) or _partial(found, end + 1, pattern)
            if partial is not None:
                end += 1  # a section heading between two items ('Cross-lists (2)')
        if partial is None or _oversized(partial[0], sizes):
            break  # no item, or the page's footer or filter box in the frame's shape
        items.append(partial[0])
        end += partial[1]
    if _oversized(items[0], sizes):
        items.pop(0)  # the page's menu or header: more literals than any item shows
    return Period(pattern, tuple(items)) if len(items) >= least else None


def _largest_sizes(items: Sequence[tuple[Group, ...]]) -> list[int]:
    """The largest :func:`_extent` at each position of the repeats."""
    return [max(_extent(repeat[position]) for repeat in items) for position in range(len(items[0]))]


def _extent(group: Group) -> int:
    """A group's lines; for text, its paragraphs (a hard-wrapped teaser is one)."""
    if group.symbol != TEXT:
        return len(group.lines)
    return sum(
        1
        for above, line in zip((None, *group.lines), group.lines, strict=False)
        if above is None or above.index + 1 != line.index
    )


def _oversized(repeat: Sequence[Group], sizes: Sequence[int]) -> bool:
    """Whether a repeat at the run's edge holds more markers at one position than any
    other item (a menu of labels, a footer's links), or more paragraphs of text (the
    article over a widget of related teasers): no item."""
    return any(
        (group.symbol in MARKERS or group.symbol == TEXT) and _extent(group) > size
        for group, size in zip(repeat, sizes, strict=True)
    )


def _is_heading(found: Sequence[Group], at: int, pattern: Sequence[str]) -> bool:
    """Whether the group at `at` is one short line that the frame does not open with: a
    section heading between items, when an item follows it."""
    return at < len(found) and found[at].symbol == TITLE != pattern[0] and len(found[at].lines) == 1


def _whole(
    found: Sequence[Group], at: int, pattern: Sequence[str]
) -> tuple[tuple[Group, ...], int] | None:
    """The repeat of `pattern` at `at` in full, and its size; None when there is none."""
    taken = tuple(found[at : at + len(pattern)])
    if tuple(group.symbol for group in taken) != tuple(pattern):
        return None
    return taken, len(pattern)


def _partial(
    found: Sequence[Group], at: int, pattern: Sequence[str]
) -> tuple[tuple[Group, ...], int] | None:
    """The repeat of `pattern` at `at` with one position missing (a label or a teaser that
    one item lacks; a title line and a marker stay: without its marker a title over a
    paragraph is any page's), and how many groups it takes; None when there is none."""
    size = len(pattern) - 1
    kinds = [group.symbol for group in found[at : at + size]]
    if len(kinds) < size or TITLE not in kinds or not MARKERS.intersection(kinds):
        return None
    for missing in range(len(pattern)):
        if kinds == [*pattern[:missing], *pattern[missing + 1 :]]:
            taken = list(found[at : at + size])
            taken.insert(missing, Group(pattern[missing], ()))
            return tuple(taken), size
    return None
