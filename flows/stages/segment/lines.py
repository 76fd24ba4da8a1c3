"""Lines with their offsets: every later step works on these so spans stay exact."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

TERMINAL_PUNCTUATION = ".!?…"
CLOSERS = "\"'”’»)]*"
OPENING_QUOTES = "\"“„«‘'"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text (without its newline) and where it sits."""

    index: int
    start: int
    raw: str
    text: str = field(init=False, repr=False, compare=False)
    """`raw` without the whitespace around it: read by nearly every rule, so kept."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.raw.strip())

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def is_blank(self) -> bool:
        return not self.text

    @property
    def content_start(self) -> int:
        return self.start + len(self.raw) - len(self.raw.lstrip())

    @property
    def content_end(self) -> int:
        return self.start + len(self.raw.rstrip())

    @property
    def indent(self) -> int:
        return len(self.raw) - len(self.raw.lstrip())


def cut_lines(lines: Sequence[Line], cuts: Mapping[int, Sequence[int]]) -> list[Line]:
    """`lines` with each line of `cuts` (by index) cut at its offsets, rising, into lines
    of their own: offsets in the text kept, every line renumbered."""
    out: list[Line] = []
    for line in lines:
        edges = [0, *cuts.get(line.index, ()), len(line.raw)]
        for begin, end in itertools.pairwise(edges):
            out.append(Line(len(out), line.start + begin, line.raw[begin:end]))
    return out


def split_lines(text: str) -> list[Line]:
    """Split on "\\n" only, so every other character keeps its place inside a line."""
    lines: list[Line] = []
    offset = 0
    for index, raw in enumerate(text.split("\n")):
        lines.append(Line(index, offset, raw))
        offset += len(raw) + 1
    return lines


MIN_SPACED_GAPS = 8
"""Fewest gaps between lines with text before a text counts as spaced out line by line."""


def spaced_line_by_line(lines: Sequence[Line]) -> bool:
    """Whether exactly one blank line stands between every two lines with text (at least
    ``MIN_SPACED_GAPS`` of them): a page without blank lines that a converter gave a blank
    line after every line, or a page that keeps every line apart on its own; the spacing
    alone cannot tell which."""
    gaps = 0
    blanks = -1  # before the first line with text
    for line in lines:
        if line.is_blank:
            if blanks >= 0:
                blanks += 1
            continue
        if blanks >= 0:
            if blanks != 1:
                return False
            gaps += 1
        blanks = 0
    return gaps >= MIN_SPACED_GAPS


def without_blank_lines(lines: Sequence[Line]) -> list[Line]:
    """`lines` without their blank lines, renumbered; every line keeps its offsets, so the
    blank lines' characters (whitespace only) fall between lines."""
    kept = (line for line in lines if not line.is_blank)
    return [Line(index, line.start, line.raw) for index, line in enumerate(kept)]


_BRACKET_MARKER_END_RE = re.compile(r"\s*\[\d{1,3}\]$")
_GLUED_MARKER_END_RE = re.compile(r"(?<=[.!?…”\"’])\d{1,3}$")


SENTENCE_ENDS_KEPT = 4096
"""Texts whose answer :func:`ends_sentence` keeps: every layout's rules ask it of a
document's same lines again and again, and its answer depends on the text alone."""


@lru_cache(maxsize=SENTENCE_ENDS_KEPT)
def ends_sentence(text: str) -> bool:
    """True when the text ends with terminal punctuation (closing quotes allowed after it)."""
    stripped = text.rstrip()
    # the substitutions can only match at the very end (nothing trails a stripped string),
    # so they run only when the last character allows a marker
    if stripped.endswith("]"):
        stripped = _BRACKET_MARKER_END_RE.sub("", stripped)  # a footnote marker
    stripped = stripped.rstrip(CLOSERS).rstrip()
    if stripped[-1:].isdigit():
        stripped = _GLUED_MARKER_END_RE.sub("", stripped)
    stripped = stripped.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL_PUNCTUATION


def word_count(text: str) -> int:
    return len(text.split())


def words_up_to(text: str, limit: int) -> int:
    """The number of words of `text`, or ``limit + 1`` when it has more: what a comparison
    with a bound of at most `limit` words needs, without splitting a long line to its end.

    >>> words_up_to("one two", 5), words_up_to("one two three four", 2)
    (2, 3)
    """
    return len(text.split(None, limit))


_COMMON_LOWERCASE = re.compile(r"[a-zа-яё]")
"""A Latin or Russian lower-case letter: a line with one is never all capitals."""


def is_all_caps(text: str) -> bool:
    """True when `text` has at least four letters and every one is upper case."""
    if _COMMON_LOWERCASE.search(text):  # most lines: settled without a pass per letter
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)
