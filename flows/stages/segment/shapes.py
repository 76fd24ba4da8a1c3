"""A page's repeated item shape: the evidence of a listing or a digest that shows no cue.

Many listings and digests mark their items with nothing but their *shape*: every item is
the same few lines in the same order (a title over a one-paragraph teaser; a label, a
title, a names line and a teaser; an outlet line, a headline and its paragraphs). This
module reads that repetition, whatever the words:

* the page is cut into **tokens**: a short line (``S``: a headline, label, byline, date or
  meta row), a link line (``L``: an address or a site path), a run of prose (``P``: the
  lines of one or more paragraphs, a hard-wrapped paragraph read as one, paragraphs
  apart by single blank lines read as one run) and a gap (``|``: blank lines);
* in the *coarse* reading, the short lines between two other tokens are one head token
  (``H``), so that items whose heads differ by a line still repeat;
* the **shape run** is the longest stretch of tokens that repeats one pattern (its
  signature, such as ``S S P |``) three times or more, each repeat an item; the pattern
  opens on a short or link line and closes on prose or a gap (an item ends with its
  text), and holds prose (an item has text);
* the layouts read each column of the run (a position in the pattern) for its role: the
  title, a byline or date, a label, the teaser or body (see their modules).

The run alone proves no layout: an article's subheadings over their sections repeat a
shape too. The layouts weigh it with their guards (teaser lengths, text outside the run).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from flows.stages.segment.lines import Line, ends_sentence, word_count, words_up_to

SHORT, PROSE, LINK, GAP, HEAD = "S", "P", "L", "|", "H"

LINK_LINE = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$|^/[\w%.-]+(?:/\S*)?$")
"""A line that is only an address: 'https://…', 'www.…', '<host>/<path>' or a site path
('/analysis/<slug>'), as a search result shows under its title."""
MAX_SHORT_WORDS = 20
"""Most words of a short line: a longer one is prose whatever its punctuation."""
MIN_SENTENCE_WORDS = 6
"""Fewest words of a line ending a sentence that reads as prose (not a label or a title)."""
MIN_WRAP_WORDS = 8
MIN_WRAP_CHARS = 50
"""Fewest words and characters of a line that a hard wrap continues (a shorter one is a
title)."""
BYLINE_OPENING = re.compile(r"^(?:(?:posted|submitted|written|published)\s+)?by\s", re.IGNORECASE)
"""A line that opens as a byline ('by <name>', 'posted by <name> at <time>'): an item's
meta line, never the hard-wrapped rest of the paragraph above it."""
RANK = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")
"""A result's rank opening its title line ('3. <title>'): a listing's or an aggregator's
order, no part of the title."""
MIN_REPEATS = 3
MAX_PERIOD = 8
"""Most tokens of one item's pattern (gaps included)."""
ELLIPSIS = ("...", "…")


LETTER_RUN = re.compile(r"[^\W\d_]+")
DIGIT_RUN = re.compile(r"\d+")


def masked(text: str) -> str:
    """A line's shape: each run of letters ``a``, each run of digits ``0``, every other
    character kept ('WORLD / Russian - 2 months ago' -> 'a / a - 0 a a'), so that the rows
    a page repeats with other words and numbers share it."""
    return LETTER_RUN.sub("a", DIGIT_RUN.sub("0", text))


def line_kind(text: str) -> str:
    """``L`` for an address line, ``P`` for prose (more than twenty words, or a sentence
    of six words or more not cut off by an ellipsis), else ``S``."""
    if LINK_LINE.match(text):
        return LINK
    words = words_up_to(text, MAX_SHORT_WORDS)
    if words > MAX_SHORT_WORDS:
        return PROSE
    if words >= MIN_SENTENCE_WORDS and ends_sentence(text) and not text.endswith(ELLIPSIS):
        return PROSE
    return SHORT


MAX_WRAP_WIDTH = 100
"""Widest line of a page hard-wrapped at a fixed width (a mail client's, a text
browser's); a page with longer lines is not wrapped so."""
MIN_FULL_SHARE = 0.25
"""Share of a wrapped page's lines that come near its width."""
FULL_LINE = 0.85


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The width a page is hard-wrapped at: its longest line, when that is at most
    ``MAX_WRAP_WIDTH`` and a quarter of its lines or more come near it; else None."""
    lengths = [len(line.text) for line in lines if not line.is_blank]
    if not lengths or max(lengths) > MAX_WRAP_WIDTH:
        return None
    width = max(lengths)
    full = sum(1 for length in lengths if length >= FULL_LINE * width)
    return width if full >= MIN_FULL_SHARE * len(lengths) else None


def continues(line: Line, below: Line, width: int | None) -> bool:
    """`below` carries on the paragraph of `line` (a hard wrap): `line` has a wrapped
    line's words and length and is no address, and either it ends no sentence and `below`
    opens in lower case (not as a byline), or the page is wrapped at `width` and the first
    word of `below` would not have fitted on `line`."""
    if (
        words_up_to(line.text, MIN_WRAP_WORDS) < MIN_WRAP_WORDS
        or len(line.text) < MIN_WRAP_CHARS
        or LINK_LINE.match(line.text)
    ):
        return False
    if width is not None and len(line.text) + 1 + len(below.text.split()[0]) > width:
        return True
    first = below.text[:1]
    return (
        first.isalpha()
        and first.islower()
        and not BYLINE_OPENING.match(below.text)
        and not ends_sentence(line.text)
    )


@dataclass(frozen=True, slots=True)
class Token:
    """One short line, link line, run of prose or gap, with its lines."""

    kind: str
    lines: tuple[Line, ...]
    paragraphs: int = 1
    """How many paragraphs a run of prose holds (a hard-wrapped paragraph is one)."""

    @property
    def words(self) -> int:
        return sum(word_count(line.text) for line in self.lines)


def tokens(lines: Sequence[Line]) -> list[Token]:
    """The page's tokens in reading order (see the module's docstring)."""
    units: list[Token] = []
    width = wrap_width(lines)
    for line in lines:
        if line.is_blank:
            if units and units[-1].kind != GAP:
                units.append(Token(GAP, ()))
            continue
        last = units[-1] if units else None
        if last is not None and last.kind != GAP and continues(last.lines[-1], line, width):
            joined = " ".join(part.text for part in (*last.lines, line))
            units[-1] = Token(line_kind(joined), (*last.lines, line), last.paragraphs)
            continue
        units.append(Token(line_kind(line.text), (line,)))
    merged: list[Token] = []
    for unit in units:
        if unit.kind == PROSE and merged and merged[-1].kind == PROSE:
            merged[-1] = _joined(merged[-1], unit)  # the next paragraph, no blank between
            continue
        if (
            unit.kind == PROSE
            and len(merged) >= 2
            and merged[-1].kind == GAP
            and merged[-2].kind == PROSE
        ):
            merged.pop()  # a paragraph after a blank line: the same run of prose
            merged[-1] = _joined(merged[-1], unit)
            continue
        merged.append(unit)
    if merged and merged[-1].kind == GAP:
        merged.pop()
    return merged


def _joined(first: Token, second: Token) -> Token:
    return Token(PROSE, (*first.lines, *second.lines), first.paragraphs + second.paragraphs)


@dataclass(frozen=True, slots=True)
class ShapeRun:
    """Consecutive repeats of one pattern of tokens: each repeat is an item."""

    pattern: tuple[str, ...]
    repeats: tuple[tuple[Token, ...], ...]
    before: tuple[Token, ...]
    """The tokens above the run (a page's header, a digest's preamble)."""
    after: tuple[Token, ...]
    """The tokens under the run."""

    @property
    def signature(self) -> str:
        return " ".join(self.pattern)

    def column(self, position: int) -> list[Token]:
        """The tokens of every repeat at one position of the pattern."""
        return [repeat[position] for repeat in self.repeats]

    def positions(self, kind: str) -> list[int]:
        return [n for n, token in enumerate(self.pattern) if token == kind]


def _valid(pattern: Sequence[str]) -> bool:
    """An item's pattern: opens on a short or link line, closes on prose or a gap, holds
    prose, and is no repeat of a shorter pattern."""
    if pattern[0] not in (SHORT, LINK, HEAD) or pattern[-1] not in (PROSE, GAP):
        return False
    if PROSE not in pattern:
        return False
    size = len(pattern)
    return not any(
        size % part == 0 and tuple(pattern) == tuple(pattern[:part]) * (size // part)
        for part in range(1, size)
    )


def heads(found: Sequence[Token]) -> list[Token]:
    """`found` with each run of adjacent short lines made one head token (``H``): the
    coarse shape, in which items whose heads differ by a line (a label or a byline that
    some items lack) still repeat."""
    merged: list[Token] = []
    run: list[Line] | None = None  # the lines of the head being gathered
    for token in found:
        if token.kind == SHORT:
            run = [] if run is None else run
            run.extend(token.lines)
            continue
        if run is not None:
            merged.append(Token(HEAD, tuple(run)))
            run = None
        merged.append(token)
    if run is not None:
        merged.append(Token(HEAD, tuple(run)))
    return merged


def find_run(
    lines: Sequence[Line], min_repeats: int = MIN_REPEATS, coarse: bool = False
) -> ShapeRun | None:
    """The longest run of one repeated item pattern on the page (most tokens covered, then
    the shorter pattern, then the earlier), None when no pattern repeats `min_repeats`
    times. `coarse`: read the heads as one token each (:func:`heads`)."""
    found = heads(tokens(lines)) if coarse else tokens(lines)
    kinds = [token.kind for token in found]
    best = _best_run(kinds, min_repeats)
    if best is None:
        return None
    period, start, count = best
    whole = (len(kinds) - start) // period
    full = next(n for n in range(count, 0, -1) if n <= whole and _repeats(kinds, start, period, n))
    end = start + period * full
    items = [tuple(found[at : at + period]) for at in range(start, end, period)]
    if full < count:
        items.append((*found[end : end + period - 1], Token(GAP, ())))  # no gap under it
        end += period - 1
    pattern = tuple(kinds[start : start + period])
    return ShapeRun(pattern, tuple(items), tuple(found[:start]), tuple(found[end:]))


def periodic_stretches(kinds: Sequence[str], period: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each maximal stretch, end exclusive, where every token equals the
    one `period` further on: the token pattern repeats through it. One pass over `kinds`."""
    position = 0
    while position + period < len(kinds):
        if kinds[position] != kinds[position + period]:
            position += 1
            continue
        start = position
        while position + period < len(kinds) and kinds[position] == kinds[position + period]:
            position += 1
        yield start, position + period


def _best_run(kinds: Sequence[str], min_repeats: int) -> tuple[int, int, int] | None:
    """(period, start, repeats) of the best run. Linear in the tokens for each period: a
    stretch is periodic with period ``k`` where every token equals the one ``k`` further
    on; each offset into it is a candidate start."""
    best: tuple[int, int, bool, int, int] | None = None
    # (-covered, period, not closed by a gap, start, repeats): an item closes with its
    # blank line where the page has them, so of two equal runs the one so closed wins
    for period in range(1, MAX_PERIOD + 1):
        for stretch_start, stretch_end in periodic_stretches(kinds, period):
            for offset in range(period):
                start = stretch_start + offset
                repeats = (stretch_end - start) // period
                pattern = kinds[start : start + period]
                if repeats < 1 or not _valid(pattern):
                    continue
                repeats += _open_last(kinds, pattern, start + repeats * period)
                if repeats < min_repeats:
                    continue
                key = (-repeats * period, period, pattern[-1] != GAP, start, repeats)
                if best is None or key < best:
                    best = key
    return None if best is None else (best[1], best[3], best[4])


def _repeats(kinds: Sequence[str], start: int, period: int, count: int) -> bool:
    """Whether the pattern at `start` repeats `count` times in full."""
    pattern = kinds[start : start + period]
    return all(
        kinds[start + n * period : start + (n + 1) * period] == pattern for n in range(count)
    )


def _open_last(kinds: Sequence[str], pattern: Sequence[str], at: int) -> int:
    """1 when the tokens at `at` repeat a pattern closed by a gap all but that gap (the
    last item, the page's footer right under it), else 0."""
    if pattern[-1] != GAP:
        return 0
    return int(tuple(kinds[at : at + len(pattern) - 1]) == tuple(pattern[:-1]))


MIN_FIELD_WORDS = 2
"""Fewest words of a field row: its label and a value."""


def shares_opening(texts: Sequence[str]) -> bool:
    """Whether every text of a column opens with the same word ('Topics <values>',
    'Discussion: <outlets>', 'Read article (external)'): a field or link row that every
    item repeats, the item's furniture, no title and no text. The values after it may
    differ; one or no text proves nothing."""
    if len(texts) < 2:
        return False
    firsts = set()
    for text in texts:
        words = text.split(maxsplit=MIN_FIELD_WORDS)
        if len(words) < MIN_FIELD_WORDS:
            return False
        firsts.add(words[0].rstrip(":").casefold())
    return len(firsts) == 1


MAX_ATTRIBUTION_WORDS = 10


MIN_LOWER_WORD = 4
"""Shortest word that a proper name capitalises ('of', 'the', 'and' may stay lower case)."""


def is_attribution(text: str) -> bool:
    """A line that credits what follows it and ends with a colon ('<Name> / <Outlet>:',
    '<Outlet>:'): a few words, every longer one capitalised (proper names: an article's
    lead-in 'What the council said:' is none), no sentence inside, no digit (a day header
    '<date>:' is no source)."""
    if not text.endswith(":") or word_count(text) > MAX_ATTRIBUTION_WORDS:
        return False
    body = text[:-1]
    if ":" in body or ". " in body or ends_sentence(body) or any(c.isdigit() for c in body):
        return False
    words = body.replace("/", " ").split()
    return bool(words) and all(
        word[:1].isupper() for word in words if len(word) >= MIN_LOWER_WORD and word[:1].isalpha()
    )


# --- stamped rows: items' header rows of one shape, stamped at different times ---------


TIME_OF_DAY = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])")
"""A time of day ('9:12', '19:20', '10:12:44')."""
MIN_STAMPED_ROWS = 3
"""Fewest lines of one row shape, stamped at different times, that make them items' rows."""
_ROW_TOKEN = re.compile(r"\S+")
_ROW_DIGITS = re.compile(r"\d+")
_ROW_SIGNED = re.compile(r"^[+\-−±]0$")
"""A signed count ('+7', '-3', '−1'): a rating, the same cell as an unsigned '0'."""


def row_key(text: str) -> str:
    """A stamped row's shape, the same for every item's row whatever its name, stamp or
    counts: each token holding a letter ``a`` (runs of them one ``a``: a name of one word
    or three, 'orlan77'), each run of digits ``0`` in the others, a signed count ``0`` as
    an unsigned one (a rating's sign varies), punctuation kept
    ('+12   [03.09.2024 19:20] vetrov_k Рейтинг 841.20' -> '0 [0.0.0 0:0] a 0.0')."""
    parts: list[str] = []
    for token in _ROW_TOKEN.findall(text):
        part = "a" if any(char.isalpha() for char in token) else _ROW_DIGITS.sub("0", token)
        part = _ROW_SIGNED.sub("0", part)
        if part != "a" or not parts or parts[-1] != "a":
            parts.append(part)
    return " ".join(parts)


def stamped_rows(kept: Sequence[Line]) -> frozenset[int]:
    """The indices of the lines that are a web page's item rows: ``MIN_STAMPED_ROWS`` or
    more lines of one shape (:func:`row_key`), each with a time of day, the times not all
    the same (a forum's post headers, stamped when each was posted). A printed page repeats
    a dated line too (a running foot, a production line), with one date and time on every
    page. One pass over the lines."""
    found: dict[str, list[tuple[int, str]]] = {}
    for line in kept:
        if ":" not in line.text:
            continue
        time = TIME_OF_DAY.search(line.text)
        if time is not None:
            found.setdefault(row_key(line.text), []).append((line.index, time.group()))
    return frozenset(
        index
        for rows in found.values()
        if len(rows) >= MIN_STAMPED_ROWS and len({time for _, time in rows}) > 1
        for index, _ in rows
    )
