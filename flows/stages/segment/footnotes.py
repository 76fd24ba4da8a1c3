"""Footnotes: the numbered notes section at the end of a post, and the markers in its body.

A notes section starts at a line that is only a marker for note 1 ("- 1", "1", "[1]", "1.")
or a line "[1] text", optionally under a "Notes" heading, and runs to the end of the post;
each later note starts at the marker of the *next* number, so a numbered list inside a note
("1. ...") stays part of that note.

Markers in the body are either bracketed ("[3]") or digits glued to the end of a word or
sentence ("the Soviets.1 But"). Only numbers that exist in the notes section are accepted,
and only in increasing order, which rules out "U.S.S.R. 2", "Yeltsin 2.0", "2-term",
"WW2" (glued to a capital), "20.3.3" (a dotted number) and "2,000".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from flows.stages.segment.lines import Line

MARKER_ONLY = re.compile(r"^(?:[-–—•*]\s*)?\[?(\d{1,3})\]?[.)]?$")
MARKER_WITH_TEXT = re.compile(r"^\[(\d{1,3})\]\s*(\S.*)$")
NOTES_HEADING = re.compile(r"^(notes|footnotes|endnotes|references|sources)\s*:?$", re.IGNORECASE)
BRACKETED = re.compile(r"\[(\d{1,3})\]")
GLUED = re.compile(r"(?<=[a-z.,;:!?\"”’')\]])(\d{1,3})(?=[\s,;:)\]]|$)")


@dataclass(slots=True)
class Note:
    """One note: its number, the line holding its marker and the lines of its text."""

    number: int
    marker_line: Line
    inline_text: str | None = None
    body_lines: list[Line] = field(default_factory=list)

    @property
    def body(self) -> str:
        parts = [self.inline_text] if self.inline_text else []
        parts += [line.text for line in self.body_lines]
        return "\n\n".join(parts)

    @property
    def span(self) -> tuple[int, int]:
        last = self.body_lines[-1] if self.body_lines else self.marker_line
        return self.marker_line.content_start, last.content_end


@dataclass(slots=True)
class NotesSection:
    first_line_position: int
    """Position (in the content lines given) where the section starts, heading included."""
    notes: list[Note]


def _marker_number(line: Line) -> tuple[int, str | None] | None:
    text = line.text
    match = MARKER_ONLY.match(text)
    if match:
        return int(match.group(1)), None
    match = MARKER_WITH_TEXT.match(text)
    if match:
        return int(match.group(1)), match.group(2)
    return None


def _parse_from(lines: Sequence[Line], position: int) -> list[Note] | None:
    notes: list[Note] = []
    for line in lines[position:]:
        marker = _marker_number(line)
        if marker and marker[0] == len(notes) + 1:
            notes.append(Note(marker[0], line, marker[1]))
        elif notes:
            notes[-1].body_lines.append(line)
    if not notes or any(not note.body for note in notes):
        return None
    return notes


def find_notes_section(lines: Sequence[Line]) -> NotesSection | None:
    """The last place a complete notes section (1, 2, 3, … to the end) can start."""
    for position in range(len(lines) - 1, 0, -1):
        marker = _marker_number(lines[position])
        if not marker or marker[0] != 1:
            continue
        notes = _parse_from(lines, position)
        if notes is None:
            continue
        start = position
        if NOTES_HEADING.match(lines[position - 1].text) and position - 1 > 0:
            start = position - 1
        return NotesSection(start, notes)
    return None


def _marker_candidates(line: Line) -> list[tuple[int, int, int]]:
    """(number, start offset, end offset) of every possible marker in a line."""
    raw = line.raw
    found = [(int(m.group(1)), m.start(), m.end()) for m in BRACKETED.finditer(raw)]
    for match in GLUED.finditer(raw):
        at = match.start()
        if at >= 2 and raw[at - 1] in ".," and raw[at - 2].isdigit():
            continue  # 20.3.3 or 2,000: a number, not a marker
        found.append((int(match.group(1)), match.start(), match.end()))
    found.sort(key=lambda item: item[1])
    return [(number, line.start + start, line.start + end) for number, start, end in found]


def link_markers(body_lines: Sequence[Line], numbers: int) -> dict[int, tuple[int, int]]:
    """Note number -> (start, end) of its marker in the text, in increasing order only."""
    linked: dict[int, tuple[int, int]] = {}
    if numbers < 1:
        return linked  # the first candidate would end the search with nothing linked
    expected = 1
    for line in body_lines:
        for number, start, end in _marker_candidates(line):
            if expected > numbers:
                return linked
            if number == expected:
                linked[number] = (start, end)
                expected += 1
    return linked
