"""Lines with their offsets: every later step works on these so spans stay exact."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TERMINAL_PUNCTUATION = ".!?…"
CLOSERS = "\"'”’»)]*"
OPENING_QUOTES = "\"“„«‘'"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text (without its newline) and where it sits."""

    index: int
    start: int
    raw: str

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def text(self) -> str:
        return self.raw.strip()

    @property
    def is_blank(self) -> bool:
        return not self.raw.strip()

    @property
    def content_start(self) -> int:
        return self.start + len(self.raw) - len(self.raw.lstrip())

    @property
    def content_end(self) -> int:
        return self.start + len(self.raw.rstrip())

    @property
    def indent(self) -> int:
        return len(self.raw) - len(self.raw.lstrip())


def split_lines(text: str) -> list[Line]:
    """Split on "\\n" only, so every other character keeps its place inside a line."""
    lines: list[Line] = []
    offset = 0
    for index, raw in enumerate(text.split("\n")):
        lines.append(Line(index, offset, raw))
        offset += len(raw) + 1
    return lines


def group_lines(lines: Iterable[Line]) -> list[list[Line]]:
    """Runs of non-blank lines, i.e. what blank lines separate."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.is_blank:
            if current:
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def span_of(lines: Sequence[Line]) -> tuple[int, int]:
    """From the first non-blank character to after the last one."""
    filled = [line for line in lines if not line.is_blank]
    if not filled:
        return (lines[0].start, lines[0].start) if lines else (0, 0)
    return filled[0].content_start, filled[-1].content_end


_BRACKET_MARKER_END_RE = re.compile(r"\s*\[\d{1,3}\]$")
_GLUED_MARKER_END_RE = re.compile(r"(?<=[.!?…”\"’])\d{1,3}$")


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


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)
