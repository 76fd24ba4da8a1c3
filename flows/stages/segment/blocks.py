"""Typed blocks: the lines of a post or comment body grouped into units, then classified.

A *unit* is one paragraph candidate: a line, or the lines of one hard-wrapped paragraph
joined back together. Classification looks at shape only: length, terminal punctuation,
opening quotes, list bullets, runs of short lines (verse), and for interviews the run of
paragraphs that are mostly questions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from flows.stages.segment.lines import OPENING_QUOTES, Line, ends_sentence, word_count

EDITOR_NOTE = re.compile(
    r"^(note from the editors?|editors?['’]?s?['’]? note|editorial note|note by the editors?)"
    r"\s*[:.–—-]",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^(\d{1,2}[.)]|[A-Za-z]\)|[-–•*▪·])\s+\S")
CLOSING_QUOTE_END = re.compile(r"[”\"»](\s*(\[\d{1,3}\]|\d{1,3}))?\s*$")
QUOTE_ATTRIBUTION_END = re.compile(r"[”\"»]\s*[-–—]\s*\S.{0,60}$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[”\"’)]*\s+(?=[\"“(\[A-Z])")


@dataclass(frozen=True, slots=True)
class Unit:
    """Consecutive lines read as one paragraph, and the text they make."""

    lines: tuple[Line, ...]
    text: str
    quote_depth: int = 0
    """How many '>' markers opened its lines (mail and forum quoting); 0 for prose."""

    @property
    def start(self) -> int:
        return self.lines[0].content_start

    @property
    def end(self) -> int:
        return self.lines[-1].content_end


@dataclass(frozen=True, slots=True)
class DraftBlock:
    kind: str
    text: str
    start: int
    end: int
    quote_depth: int | None = None


QUOTE_MARKER = re.compile(
    r"^((?:[>|]\s?)+(?=[^|>\s][^|]*$)|(?:>\s?)+|[A-ZА-ЯЁ][^\W\d_]{0,3}>(?:\s?>)*(?=\s|$)\s?)"
)
"""The quote markers a line opens with: '>' (mail, news), or '|' (some clients and news
readers) when no other bar follows in the line (a table row '| a | b |' quotes nothing),
or the quoted author's initials before the '>' ('VK> ', 'Olga>> ': FidoNet, Supercite)."""
MIN_BAR_QUOTE_WORDS = 3
"""Words a line behind a '|' marker needs to be quoted text, not a menu's label ('|
Politics')."""


def quote_depth(text: str) -> int:
    """The number of quote markers a line opens with (">> x" -> 2, "> > x" -> 2, "| the
    text goes on" -> 1, "VK>> x" -> 2)."""
    match = QUOTE_MARKER.match(text)
    if match is None:
        return 0
    marker = match.group(1)
    if "|" in marker and len(text[match.end() :].split()) < MIN_BAR_QUOTE_WORDS:
        return 0
    return len(re.findall(r"[>|]", marker))


def _quote_units(group: Sequence[Line]) -> list[Unit]:
    """A run of '>' lines as units: one per paragraph of the same depth (a bare '>' line
    or a change of depth ends one), markers out of the text, wrapped lines rejoined."""
    units: list[Unit] = []
    current: list[Line] = []
    depth = 0

    def close() -> None:
        texts = [QUOTE_MARKER.sub("", line.text).strip() for line in current]
        text = _join_wrapped([t for t in texts if t])
        if text:
            units.append(Unit(tuple(current), text, depth))

    for line in group:
        here = quote_depth(line.text)
        bare = not QUOTE_MARKER.sub("", line.text).strip()
        if current and (bare or here != depth):
            close()
            current = []
        if bare:
            continue
        current.append(line)
        depth = here
    if current:
        close()
    return units


def line_text(line: Line, markers: Mapping[int, tuple[int, int]]) -> str:
    """The stripped line with every footnote marker in it written as "[N]"."""
    raw = line.raw
    pieces: list[str] = []
    cursor = 0
    for start in sorted(markers):
        end, number = markers[start]
        if line.start <= start < line.end:
            pieces.append(raw[cursor : start - line.start])
            pieces.append(f"[{number}]")
            cursor = end - line.start
    pieces.append(raw[cursor:])
    return "".join(pieces).strip()


def _join_wrapped(texts: Sequence[str]) -> str:
    joined = ""
    for text in texts:
        if not joined:
            joined = text
        elif joined.endswith("-") and joined[-2:-1].isalpha():
            joined += text
        else:
            joined += " " + text
    return joined


def looks_wrapped(group: Sequence[Line]) -> bool:
    """Hard-wrapped paragraph lines: breaks mid-sentence, next line going on in lower case
    or the line ending in a space or hyphen (PDF extraction)."""
    if len(group) < 2:
        return False
    breaks = 0
    for line, following in itertools.pairwise(group):
        unfinished = not ends_sentence(line.text)
        continued = following.text[:1].islower() or line.raw.endswith((" ", "-"))
        if unfinished and continued:
            breaks += 1
    return breaks * 10 >= (len(group) - 1) * 4


def _split_wrapped(group: Sequence[Line]) -> list[list[Line]]:
    """Cut a wrapped group where a short line ends a sentence (a paragraph end in PDFs)."""
    width = max(len(line.text) for line in group)
    paragraphs: list[list[Line]] = [[]]
    for position, line in enumerate(group):
        paragraphs[-1].append(line)
        following = group[position + 1] if position + 1 < len(group) else None
        if following is None:
            break
        short = len(line.text) < 0.8 * width
        finished = ends_sentence(line.text) or line.text.endswith(":")
        opens = following.text[:1].isupper() or following.text[:1] in OPENING_QUOTES
        if short and finished and opens:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def build_units(
    lines: Sequence[Line],
    markers: Mapping[int, tuple[int, int]] | None = None,
    quote_lines: Collection[int] = frozenset(),
) -> list[Unit]:
    """Units from the kept lines: consecutive lines form a group, a wrapped group is joined;
    a quoted line (marked with '>', or one of `quote_lines`, by index) never shares a
    group with a line that is not quoted."""
    markers = markers or {}
    groups: list[list[Line]] = []
    for line in lines:
        if line.is_blank:
            continue
        quoted = quote_depth(line.text) > 0
        if (
            groups
            and groups[-1][-1].index == line.index - 1
            and (quote_depth(groups[-1][-1].text) > 0) == quoted
            and (groups[-1][-1].index in quote_lines) == (line.index in quote_lines)
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    units: list[Unit] = []
    for group in groups:
        quote_units = _quote_units(group) if quote_depth(group[0].text) > 0 else []
        if quote_units:
            units.extend(quote_units)
        elif looks_wrapped(group):
            for paragraph in _split_wrapped(group):
                texts = [line_text(line, markers) for line in paragraph]
                units.append(Unit(tuple(paragraph), _join_wrapped(texts)))
        else:
            units.extend(Unit((line,), line_text(line, markers)) for line in group)
    return [unit for unit in units if unit.text]


def is_question_paragraph(text: str) -> bool:
    """Ends with "?" and at least half its sentences are questions."""
    stripped = text.rstrip().rstrip("\"'”’»)")
    if not stripped.endswith("?"):
        return False
    sentences = [s for s in SENTENCE_SPLIT.split(text) if s.strip()]
    questions = sum(1 for s in sentences if s.rstrip().rstrip("\"'”’»)").endswith("?"))
    return questions * 2 >= len(sentences)


def is_heading(text: str, max_chars: int) -> bool:
    """A short line with no sentence end (a short question is allowed), starting upper case."""
    if not text or len(text) > max_chars or word_count(text) > 15:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in OPENING_QUOTES):
        return False
    if text.endswith((",", ";", ":", "-", "–", "—")):
        return False
    if ends_sentence(text):
        return text.rstrip("\"'”’»)").endswith("?") and len(text) <= 60
    return not LIST_ITEM.match(text)


def is_quote(text: str, previous: DraftBlock | None) -> bool:
    """Opens with a quotation mark and is all quotation: it closes at the end (a marker or
    a short attribution may follow), follows a colon, or continues the quote before it
    (a quotation over several paragraphs opens each one)."""
    if text[:1] not in OPENING_QUOTES or text[:1] in "'‘":
        return False
    if CLOSING_QUOTE_END.search(text) or QUOTE_ATTRIBUTION_END.search(text):
        return True
    if previous is None:
        return False
    return previous.kind == "quote" or previous.text.rstrip().endswith(":")


def _verse_runs(units: Sequence[Unit], max_line_chars: int, min_lines: int) -> list[range]:
    """Runs of adjacent short single lines that start in upper case and mostly break
    mid-sentence: stanzas (short full sentences one per line are not verse)."""

    def verse_like(unit: Unit) -> bool:
        text = unit.text
        return (
            len(unit.lines) == 1
            and 0 < len(text) <= max_line_chars
            and (text[0].isupper() or text[0] in OPENING_QUOTES)
            and not text.endswith(":")
            and not LIST_ITEM.match(text)
        )

    runs: list[range] = []
    position = 0
    while position < len(units):
        end = position
        while (
            end < len(units)
            and verse_like(units[end])
            and (end == position or units[end].lines[0].index == units[end - 1].lines[0].index + 1)
        ):
            end += 1
        run = range(position, end)
        sentences = sum(1 for i in run if ends_sentence(units[i].text))
        if len(run) >= min_lines and sentences * 2 <= len(run):
            runs.append(run)
            position = end
        else:
            position += 1
    return runs


def classify_units(
    units: Sequence[Unit],
    *,
    max_heading_chars: int,
    max_verse_line_chars: int,
    min_verse_lines: int,
    min_interview_questions: int,
    allow_headings: bool = True,
) -> list[DraftBlock]:
    """Kinds for a body's units, in order; verse lines of one stanza become one block."""
    verse_at = {run.start: run for run in _verse_runs(units, max_verse_line_chars, min_verse_lines)}
    in_verse = {index for run in verse_at.values() for index in run}
    candidates = [
        i for i, u in enumerate(units) if i not in in_verse and is_question_paragraph(u.text)
    ]
    interview = len(candidates) >= min_interview_questions
    blocks: list[DraftBlock] = []
    seen_question = False
    for index, unit in enumerate(units):
        if index in verse_at:
            run = verse_at[index]
            stanza = [units[i] for i in run]
            text = "\n".join(u.text for u in stanza)
            blocks.append(DraftBlock("verse", text, stanza[0].start, stanza[-1].end))
            continue
        if index in in_verse:
            continue
        previous = blocks[-1] if blocks else None
        is_last = index == len(units) - 1
        kind = "paragraph"
        if unit.quote_depth:
            blocks.append(DraftBlock("quote", unit.text, unit.start, unit.end, unit.quote_depth))
            continue
        if EDITOR_NOTE.match(unit.text):
            kind = "editor_note"
        elif (
            interview and index in candidates and (previous is None or previous.kind != "question")
        ):
            kind = "question"
            seen_question = True
        elif (
            allow_headings
            and len(unit.lines) == 1
            and not is_last
            and is_heading(unit.text, max_heading_chars)
        ):
            kind = "heading"
        elif LIST_ITEM.match(unit.text):
            kind = "list_item"
        elif is_quote(unit.text, previous):
            kind = "quote"
        elif seen_question:
            kind = "answer"
        blocks.append(DraftBlock(kind, unit.text, unit.start, unit.end))
    return blocks


def mark_quotes(
    drafts: Sequence[DraftBlock], body_lines: Sequence[Line], quote_lines: frozenset[int]
) -> list[DraftBlock]:
    """`drafts` with every block made only of `quote_lines` turned into a quote."""
    if not quote_lines:
        return list(drafts)
    marked = []
    for draft in drafts:
        inside = [
            line.index
            for line in body_lines
            if not line.is_blank
            and draft.start <= line.content_start
            and line.content_end <= draft.end
        ]
        if inside and all(index in quote_lines for index in inside) and draft.kind != "quote":
            draft = DraftBlock("quote", draft.text, draft.start, draft.end, 1)
        marked.append(draft)
    return marked
