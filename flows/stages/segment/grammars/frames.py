"""Comment lists that no named header announces, read from the frame every comment repeats:
a separator line, a stamp or a score row, an action row, a label such as a member title,
a reply number, a bullet. Asked only when no other grammar finds a comment
(``LAST_RESORT``); the comments it finds may have no author (``Header.author`` None: the
page does not name one, and none is made up).

A frame is a kind of line that recurs, with running text between any two of its
occurrences:

* a separator: only dashes, equals signs, underscores, stars or tildes ('-----');
* a stamp ('August 29, 2021 at 9:14 pm', '12.10.2022 08:41') or a score row ('118 points
  · 2 years ago');
* a label: the same short line, no sentence, every time ('Reply', 'reply   collapse',
  'Well-Known Member');
* a numbered reply ('1. …', '2. …' from 1 on, one indentation) or a bulleted one ('• …',
  one indentation), each opening with running text.

A frame *opens* its comments when no text stands between the top of the list and its
first occurrence, else it *closes* them. The list starts under a counter line ('3
responses to “…”', 'Comments (4)', '42 comments'), else at the top of the page; labels,
numbers and bullets need three comments, or two under a counter; numbered replies need the
counter, bullets need a page whose text is all theirs (a bulleted list inside an article is
no thread). With a closing frame the list ends at its last occurrence (the page's footer
follows); numbered and bulleted replies end where a line stands left of their marker.

Nesting is the indentation of the comment's first line. A name line (one to three words,
no sentence, a blank line above it) right above an opening label is the author's; so is a
name line over a stamp in the stack of short lines right above it (a post's number row,
'<Name>', '<date>', its subject with buttons), the stack the comment's header. Where no
counter stands above the list and no text above its first comment, that comment is the
opening post (a forum page), read by :func:`parse_post`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from flows.stages.segment.boilerplate import WIDGET_RULES, find_boilerplate
from flows.stages.segment.grammars._common import (
    COUNTER,
    POST_NUMBER_LINE,
    content_indices,
    has_text,
    is_stamp,
    is_title_like,
    post_head,
    quoted_lines,
    shown_count,
    topic_title,
)
from flows.stages.segment.grammars.vbulletin import EDITED
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "frames"
GENERIC = True
LAST_RESORT = True
"""Asked only when no other grammar finds a comment: a page that one reads stays as is."""

SEPARATOR_CHARS = "-=_*~"
SEPARATOR = re.compile(r"^[-=_*~]{3,}$")
MAX_STAMP_CHARS = 80
MAX_COUNTER_CHARS = 240
COUNTER_INITIALS = "crdко"
"""First letters of the counter lines that open with a word ('Comments (4)', 'Replies 3',
'Discussion: 7', 'Комментарии 12', 'Ответы 3'): a cheap test before the pattern."""
SCORE_ROW = re.compile(
    r"^(?P<n>[+−-]?\d[\d,.]*[kK]?)\s+(?:points?|votes?|очк\w*)(?:\s*[·•|]\s*(?P<age>\S.{0,40}))?$"
)
POST_NUMBER = POST_NUMBER_LINE
"""A post's number on a line of its own under its header ('#3'), counting up by one."""
HEADER_ROW = re.compile(r"^(?P<name>[^\s\d][^\s]{0,39}(?: [^\s]{1,39}){0,2}?)\s{2,}\S.{0,80}\d")
"""A header row over a post number: the name, two spaces or more, then what the front-end
shows beside it (a badge, the date)."""
NUMBERED = re.compile(r"^(?P<n>\d{1,3})[.)]\s+\S")
BULLET = re.compile(r"^[•●▪◦]\s+\S")
LETTER = re.compile(r"[^\W\d_]")
MAX_LABEL_CHARS = 40
FIELD = re.compile(r"^[^\W\d][^:]{0,30}:\s*\d[\d,. ]*$")
"""A field with a count ('Signatures: 0', 'Posts: 12'): a row of a table or a profile,
whose value may repeat by chance; no frame."""
MAX_LABEL_WORDS = 4
MAX_NAME_WORDS = 3
MIN_FRAMES = 3
"""Comments a page needs without a counter line above them."""
MIN_COUNTED_FRAMES = 2
ATTRIBUTION = re.compile(
    r"^(?:(?:Originally posted by|Quote from|Quoting)\s+\S.{0,60}?|\S.{0,40}?\s+(?:wrote|said"
    r"|написал[аи]?|сказал[аи]?))\s*:$",
    re.IGNORECASE,
)
"""A quotation's attribution on a line of its own ('Originally posted by X:', 'X wrote:'):
the line under it is quoted text."""
MIN_BULLET_CHARS = 80
"""The shortest text a bulleted reply opens with (shorter: a list item)."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One comment: where it starts, its header lines, nesting, author, what its stamp or
    score row says, and the furniture lines inside its region."""

    start: int
    n_lines: int
    nesting: int
    author: str | None
    stamp: str | None
    score: int | None
    chrome: frozenset[int]


@dataclass(frozen=True, slots=True)
class Page:
    """The frames of a page, whether the first one is the opening post, and where the
    comment list ends (None: at the page's end)."""

    frames: tuple[Frame, ...]
    opens_thread: bool
    end: int | None


def is_text(text: str) -> bool:
    """Running text: a sentence of three words or more, or a long line."""
    return len(text) >= 60 or (ends_sentence(text) and len(text.split()) >= 3)


def _kind(line: Line, counted: bool) -> str | None:
    """The frame kind a line can be, None for none; stamps and numbers only under a
    counter line (above an article's own numbered list or dated entries there is none)."""
    text = line.text
    if text[:1] in SEPARATOR_CHARS and SEPARATOR.match(text):
        return "separator"
    if text[:1] == "#" and POST_NUMBER.match(text):
        return "post_number"
    if counted and len(text) <= MAX_STAMP_CHARS and (SCORE_ROW.match(text) or is_stamp(text)):
        return "stamp"
    if counted and text[:1].isdigit() and NUMBERED.match(text) and is_text(text):
        return f"numbered@{line.indent}"
    if BULLET.match(text) and len(text) >= MIN_BULLET_CHARS:
        return f"bullet@{line.indent}"
    if (
        len(text) <= MAX_LABEL_CHARS
        and len(text.split()) <= MAX_LABEL_WORDS
        and LETTER.search(text)
        and not text.endswith(":")  # a label introducing a line ('Q:'), not a frame
        and not (":" in text and FIELD.match(text))
        and not ends_sentence(text)
        and not COUNTER.match(text)
        and find_boilerplate([line]).get(line.index) in (None, *WIDGET_RULES)
    ):
        return "label:" + " ".join(text.casefold().split())
    return None


def _counter(lines: Sequence[Line]) -> int | None:
    """The position of the last counter line ('3 responses to …'), None without one."""
    found = None
    for position, line in enumerate(lines):
        text = line.text
        if (
            len(text) <= MAX_COUNTER_CHARS
            and (text[:1].isdigit() or text[:1].casefold() in COUNTER_INITIALS)
            and COUNTER.match(text)
        ):
            found = position
    return found


def _contents(lines: Sequence[Line], position: int, step: int, count: int) -> list[str]:
    """The texts of up to `count` non-blank lines from `position` on (step +1 or -1)."""
    found: list[str] = []
    at = position + step
    while 0 <= at < len(lines) and len(found) < count:
        if not lines[at].is_blank:
            found.append(lines[at].text)
        at += step
    return found


def _has_text(lines: Sequence[Line], start: int, end: int) -> bool:
    return any(is_text(lines[at].text) for at in range(start, end))


def _item_end(lines: Sequence[Line], position: int, indent: int) -> int:
    """Where a numbered or bulleted reply's lines end: the next line left of its marker."""
    for at in range(position + 1, len(lines)):
        if not lines[at].is_blank and lines[at].indent < indent:
            return at
    return len(lines)


def _items(lines: Sequence[Line], kind: str, positions: list[int], counted: bool) -> bool:
    """Whether numbered or bulleted lines are replies: numbers counting from 1 under a
    counter line; bullets on a page whose text is all theirs."""
    if kind.startswith("numbered@"):
        numbers = [int(lines[p].text.split(maxsplit=1)[0].rstrip(".)")) for p in positions]
        return counted and numbers == list(range(1, len(numbers) + 1))
    indent = lines[positions[0]].indent
    owned: set[int] = set()
    for position in positions:
        owned.update(range(position, _item_end(lines, position, indent)))
    return not has_text([line for at, line in enumerate(lines) if at not in owned])


def _marks(lines: Sequence[Line], zone: int, counted: bool) -> dict[int, str]:
    """{position: frame kind} of the lines below `zone` that can be frames."""
    marks = {}
    for position in range(zone, len(lines)):
        line = lines[position]
        if not line.is_blank and (kind := _kind(line, counted)) is not None:
            marks[position] = kind
    return marks


def _repeats(lines: Sequence[Line]) -> bool:
    """The cheap gate of a page without a counter line: some short line, bullet or
    separator recurs `MIN_FRAMES` times, or post numbers ('#2') twice."""
    seen: dict[str, int] = {}
    for line in lines:
        text = line.text
        if not text or (len(text) > MAX_LABEL_CHARS and not BULLET.match(text)):
            continue
        key = "•" if BULLET.match(text) else "#" if POST_NUMBER.match(text) else text
        seen[key] = seen.get(key, 0) + 1
        if seen[key] >= (MIN_COUNTED_FRAMES if key == "#" else MIN_FRAMES):
            return True
    return False


def _roles(
    lines: Sequence[Line], zone: int, counted: bool, marks: dict[int, str]
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The frame kinds that open comments and those that close them, with positions."""
    kinds: dict[str, list[int]] = {}
    for position, kind in marks.items():
        kinds.setdefault(kind, []).append(position)
    least = MIN_COUNTED_FRAMES if counted else MIN_FRAMES
    openers: dict[str, list[int]] = {}
    closers: dict[str, list[int]] = {}
    for kind, positions in kinds.items():
        if kind == "post_number":
            if _counts_up(lines, positions):
                openers[kind] = positions
            continue
        if len(positions) < least:
            continue
        if kind.startswith(("numbered@", "bullet@")):
            if _items(lines, kind, positions, counted):
                openers[kind] = positions
            continue
        if not all(_has_text(lines, a + 1, b) for a, b in pairwise(positions)):
            continue
        opening = sum(any(is_text(text) for text in _contents(lines, p, 1, 2)) for p in positions)
        closing = sum(any(is_text(text) for text in _contents(lines, p, -1, 1)) for p in positions)
        if max(opening, closing) < len(positions) - 1:
            continue
        lead = _has_text(lines, zone, positions[0])
        if closing > opening or (closing == opening and lead):
            closers[kind] = positions
        else:
            openers[kind] = positions
    return openers, closers


MIN_FOOTER_LINES = 2
"""Lines without text a run needs after the last comment's text to be the page's footer
(fewer: the comment's own last words, 'Thanks!')."""


def _footer(lines: Sequence[Line], position: int) -> int | None:
    """Where the page's footer begins under the last comment (opened at `position`): a run
    of `MIN_FOOTER_LINES` lines or more without text after its last line of text; None
    when its text runs to the end."""
    last = max((at for at in range(position, len(lines)) if is_text(lines[at].text)), default=None)
    if last is None:
        return None
    rest = [at for at in range(last + 1, len(lines)) if not lines[at].is_blank]
    if len(rest) < MIN_FOOTER_LINES:
        return None
    return next(
        (at for at in rest if not (EDITED.match(lines[at].text) or _quoting(lines[at].text))),
        None,
    )


def _quoting(text: str) -> bool:
    return bool(ATTRIBUTION.match(text))


def _counts_up(lines: Sequence[Line], positions: list[int]) -> bool:
    """Whether post numbers count up by one, `MIN_COUNTED_FRAMES` of them at least (the
    sequence is the evidence), with text between any two."""
    numbers = [int(lines[p].text[1:]) for p in positions]
    return (
        len(numbers) >= MIN_COUNTED_FRAMES
        and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        and all(_has_text(lines, a + 1, b) for a, b in pairwise(positions))
    )


def _header_row(lines: Sequence[Line], position: int) -> tuple[int, str] | None:
    """The header row right above a post number, with the name it opens with."""
    above = next((at for at in range(position - 1, -1, -1) if not lines[at].is_blank), None)
    if above is None or position - above > 2:
        return None
    row = HEADER_ROW.match(lines[above].text)
    return (above, row.group("name")) if row is not None else None


def _name_above(lines: Sequence[Line], position: int) -> int | None:
    """The position of a name line right above a label (a blank line above the name)."""
    above = [at for at in range(max(0, position - 3), position) if not lines[at].is_blank]
    if not above:
        return None
    at = above[-1]
    if _is_name(lines[at].text) and (at == 0 or lines[at - 1].is_blank):
        return at
    return None


MAX_STACK_LINES = 5
"""Lines of a header stack over an opening label: a number row, the name, its stamp, the
subject with its buttons."""


def _stack_above(lines: Sequence[Line], position: int) -> tuple[int, int] | None:
    """(top, name) of the header stack right above a label: the run of short lines with no
    blank line between, no running text, up to ``MAX_STACK_LINES``, in which a name line
    (:func:`_is_name`) stands over a stamp, the nearest such line above it ('<Name>' over
    '<date>', or over a status word: 'unread,'), under a post's number row, over its subject
    row. None when the label has no such stack over it."""
    top = position
    while (
        top > 0
        and position - top < MAX_STACK_LINES
        and not lines[top - 1].is_blank
        and not is_text(lines[top - 1].text)
    ):
        top -= 1
    stamp = next((at for at in range(top + 1, position) if _is_dated(lines[at].text)), None)
    if stamp is None:
        return None
    name = next((at for at in range(stamp - 1, top - 1, -1) if _is_name(lines[at].text)), None)
    return (top, name) if name is not None else None


MAX_DATED_CHARS = 40


def _is_dated(text: str) -> bool:
    """A header's stamp: a stamp line (:func:`is_stamp`), or a short line with a date (a
    clock with seconds beside it: 'Sep 20, 2021, 11:40:37 AM')."""
    return is_stamp(text) or (len(text) <= MAX_DATED_CHARS and find_date(text) is not None)


def _is_name(text: str) -> bool:
    """A name's line: short, one to ``MAX_NAME_WORDS`` words, no sentence, no colon, not
    a word that runs on ('unread,')."""
    return (
        0 < len(text) <= MAX_LABEL_CHARS
        and not text.endswith((",", ";"))
        and len(text.split()) <= MAX_NAME_WORDS
        and LETTER.search(text) is not None
        and not ends_sentence(text.rstrip("."))
        and ":" not in text
    )


def read_page(lines: Sequence[Line]) -> Page | None:
    """The frames of the page (see the module's docstring), None when it shows none."""
    counter = _counter(lines)
    if counter is None and not _repeats(lines):
        return None
    zone = counter + 1 if counter is not None else 0
    kinds = _marks(lines, zone, counter is not None)
    openers, closers = _roles(lines, zone, counter is not None, kinds)
    if not openers and not closers:
        return None
    closing = sorted({p for positions in closers.values() for p in positions})
    end: int | None = closing[-1] + 1 if closing else None
    starts: dict[int, tuple[int, str | None]] = {}  # start -> (header lines, author)
    for kind, positions in openers.items():
        for position in positions:
            if kind.startswith("label:") and (name := _name_above(lines, position)) is not None:
                starts[name] = (position - name + 1, lines[name].text)
            elif kind.startswith("label:") and (stack := _stack_above(lines, position)):
                starts[stack[0]] = (position - stack[0] + 1, lines[stack[1]].text)
            elif kind == "post_number" and (row := _header_row(lines, position)) is not None:
                starts[row[0]] = (position - row[0] + 1, row[1])
            elif kind.startswith(("numbered@", "bullet@")):
                starts[position] = (0, None)  # the marker opens the comment's text
            else:
                starts[position] = (1, None)
        if end is None and kind.startswith(("numbered@", "bullet@")):
            end = _item_end(lines, positions[-1], lines[positions[-1]].indent)
        elif end is None and not _has_text(lines, positions[-1] + 1, len(lines)):
            end = positions[-1]
        elif end is None:
            end = _footer(lines, positions[-1])
    if not openers:
        bounds = [zone - 1, *closing[:-1]]
        for bound in bounds:
            first = next(
                (at for at in range(bound + 1, len(lines)) if is_text(lines[at].text)), None
            )
            if first is not None:
                starts[first] = (0, None)
    stop = end if end is not None else len(lines)
    candidates = [p for p in sorted(starts) if p < stop]
    ordered = [
        p
        for p, limit in zip(candidates, [*candidates[1:], stop], strict=True)
        if _has_text(lines, p, limit)
    ]
    ordered = _merge(lines, ordered)
    counted = counter is not None or "post_number" in openers  # a count or a sequence
    if len(ordered) < (MIN_COUNTED_FRAMES if counted else MIN_FRAMES):
        return None
    frames: list[Frame] = []
    marks = {p for positions in [*openers.values(), *closers.values()] for p in positions}
    closed = set(closing)
    for number, start in enumerate(ordered):
        limit = ordered[number + 1] if number + 1 < len(ordered) else stop
        n_lines, author = starts[start]
        body = start + n_lines
        stamp = score = None
        for at in range(start, body):
            if kinds.get(at) == "stamp" or (at > start and _is_dated(lines[at].text)):
                stamp, score = _stamp_of(lines[at].text)
        chrome = {
            lines[at].index
            for at in range(body, limit)
            if at in closed or (at in marks and kinds[at] in ("separator", "stamp"))
        }
        if stamp is None:
            stamp, score = next(
                (
                    _stamp_of(lines[at].text)
                    for at in range(body, limit)
                    if lines[at].index in chrome and kinds.get(at) == "stamp"
                ),
                (None, None),
            )
        last_text = max((at for at in range(body, limit) if is_text(lines[at].text)), default=None)
        if last_text is not None and closing:
            # what follows a closed comment's text is its furniture (its closing rows)
            chrome.update(
                lines[at].index for at in range(last_text + 1, limit) if not lines[at].is_blank
            )
        first = next((at for at in range(start, limit) if not lines[at].is_blank), start)
        frames.append(
            Frame(
                start=start,
                n_lines=n_lines,
                nesting=lines[body if n_lines and body < limit else first].indent,
                author=author,
                stamp=stamp,
                score=score,
                chrome=frozenset(chrome),
            )
        )
    opens = counter is None and not (
        "post_number" in openers and has_text(lines[: min(openers["post_number"])])
    )
    return Page(tuple(frames), opens_thread=opens, end=end)


def _merge(lines: Sequence[Line], starts: list[int]) -> list[int]:
    """Starts with no text between them merged into the first (a separator over a stamp)."""
    merged: list[int] = []
    for start in starts:
        if merged and not _has_text(lines, merged[-1], start):
            continue
        merged.append(start)
    return merged


def _stamp_of(text: str) -> tuple[str | None, int | None]:
    """The date or age of a stamp or score row, and the score."""
    row = SCORE_ROW.match(text)
    if row is None:
        return text, None
    return row.group("age"), shown_count(row.group("n").replace("−", "-"))


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The comments' first lines (the opening post's frame left to :func:`page_post`)."""
    page = read_page(lines)
    if page is None:
        return []
    frames = page.frames[1:] if page.opens_thread else page.frames
    return [frame.start for frame in frames]


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """The header of every comment at once (frames are known only page-wide)."""
    page = read_page(lines)
    found = {frame.start: frame for frame in page.frames} if page else {}
    headers = []
    for number, start in enumerate(starts):
        frame = found.get(start)
        if frame is None:
            headers.append(Header(author=None, n_lines=0, nesting=lines[start].indent))
            continue
        dated = find_date(frame.stamp) if frame.stamp else None
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        if page is not None and page.end is not None:
            end = min(end, page.end)
        body = range(start + frame.n_lines, end)
        edits = {lines[at].index for at in body if EDITED.match(lines[at].text)}
        headers.append(
            Header(
                author=frame.author,
                n_lines=frame.n_lines,
                nesting=frame.nesting,
                score=frame.score,
                edited=bool(edits),
                age=None if dated else frame.stamp,
                published=frame.stamp if dated else None,
                chrome_lines=frame.chrome | edits,
                quote_lines=frozenset(quoted_lines(lines, body.start, end, ATTRIBUTION)),
            )
        )
    return headers


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    return parse_headers(lines, [position])[0]


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    page = read_page(lines)
    return page.end if page else None


def is_chrome(line: Line) -> bool:
    """The counter line above the list, separators."""
    text = line.text
    return bool(SEPARATOR.match(text) or (text[:1].isalnum() and COUNTER.match(text)))


def page_post(lines: Sequence[Line], starts: Sequence[int]) -> PostHead | None:
    """The opening post's head where the first frame is the opening post (no counter line
    above the list): its author from its frame, the title line above it (four words at
    least, no bullet: a menu's items are shorter); the lines above it are furniture. None
    otherwise."""
    page = read_page(lines)
    if page is None or not page.frames:
        return None
    if not page.opens_thread:
        return _unnumbered_post(lines, page.frames[0].start)
    first = page.frames[0]
    top = lines[: first.start]
    title = topic_title(top, lambda text: bool(BULLET.match(text)))
    title_line = next((line for line in top if title and line.text == title), None)
    header = {line.index for line in lines[first.start : first.start + first.n_lines]}
    return post_head(
        title=title,
        title_lines={title_line.index} if title_line else set(),
        author=first.author,
        published=first.stamp if first.stamp and find_date(first.stamp) else None,
        meta_lines=header,
        chrome_lines=content_indices(top),
    )


def _unnumbered_post(lines: Sequence[Line], first: int) -> PostHead | None:
    """The head of an opening post that shows the comments' header row without their
    number (above numbered replies): the row's name is its author, the title-shaped line
    right above the row its title; the lines above the title and those without text under
    the post's text are furniture. None when no such row stands above the first reply."""
    row = next(
        (
            at
            for at in range(first - 1, -1, -1)
            if HEADER_ROW.match(lines[at].text) and _has_text(lines, at + 1, first)
        ),
        None,
    )
    if row is None:
        return None
    match = HEADER_ROW.match(lines[row].text)
    above = next((at for at in range(row - 1, -1, -1) if not lines[at].is_blank), None)
    title = lines[above] if above is not None and is_title_like(lines[above].text) else None
    last = max(at for at in range(row + 1, first) if is_text(lines[at].text))
    top = lines[: title.index - lines[0].index] if title is not None else lines[:row]
    under = [line.index for line in lines[last + 1 : first] if not line.is_blank]
    return post_head(
        title=title.text if title is not None else None,
        title_lines={title.index} if title is not None else set(),
        author=match.group("name") if match else None,
        published=None,
        meta_lines={lines[row].index},
        chrome_lines=content_indices(top) | set(under),
    )
