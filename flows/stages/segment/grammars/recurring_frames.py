"""Comment headers found by recurrence: the lines every post of a page repeats around a
stamp, read without knowing the front-end (forum software with profile blocks, print
views, comment plugins).

Each line gets a *skeleton*: digits become ``0``, dates, times and ages become one
class, and a profile field ('Posts: 1 874', 'Группа: Пользователи', 'PostPosted: Mon
Nov 11, 2024') keeps only its label. A *stamp* (a short line holding a date, an age or a
time) whose skeleton recurs before each stretch of running text is the anchor of a
post's header; at least :data:`MIN_FRAMES` of them, with running text between any two
and after the last (a listing's items carry no body, an article's dates no repeated
frame). Around the anchor:

* the poster's name: the nearest name-shaped line above the stamp (a token or a few
  capitalised words, no sentence, no field), among the header lines right above it; a
  line that recurs word for word in most frames ('Guest', 'Offline') is a label, never a
  name; the page may show no name at all (the comment's author is then None);
* the rest of the header: the lines under the stamp up to the last one whose skeleton
  recurs in most frames ('Сообщение #2', 'Joined: …', 'Posts: …'), with what stands
  between them (a rank, stars) and the profile fields right under them ('Location:
  Samara');
* chrome: every short line of a post's region whose skeleton recurs in most frames (an
  action bar: 'Top', 'Profile', '+Quote'), dropped as the front-end's furniture.

Where no running text stands above the first frame, that frame is the opening post (a
forum page): its header gives the post's author and date, and the title is the
subject line nearest above it, else the subject its replies repeat after 'Re:'.
A quotation's header ('X wrote:', 'Quote', 'Цитата(X @ date)') marks the line under it
as quoted; an edit note ('Last edited by …', 'Сообщение отредактировал …') marks the
comment edited.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from flows.stages.segment.grammars._common import (
    REPLY_PREFIX,
    RU_AGE,
    content_indices,
    is_crumbs,
    is_title_like,
    post_head,
    quoted_lines,
    strip_reply_prefix,
    topic_title,
)
from flows.stages.segment.lines import CLOSERS, Line, ends_sentence
from flows.stages.segment.meta import AGE, YEARLESS_DATE, find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "recurring_frames"
LAST_RESORT = True
"""Asked only when no named grammar finds a comment: a page one reads stays as is."""
RESORT_RANK = 0
"""Before :mod:`.frames`: a poster's frame is more specific than a bare separator."""
DETECTION_SCORE = 0.86
"""Names or a profile block by every stamp, running text under each, no headlines:
stronger evidence than a last resort's, weaker than a digest's or a feed's own fields."""

MIN_FRAMES = 3
"""Posts a page needs (opening post included) before a recurring stamp is a header."""
MAX_STAMP_CHARS = 80
MAX_STAMP_ROW_CHARS = 160
"""A stamp row that carries the name, the rating, the actions beside the date."""
MAX_ANCHOR_KEYS = 4
"""Recurring stamp skeletons tried, most frequent first (a page's profile fields may
hold dates too: 'Joined: …')."""
MAX_NAME_CHARS = 40
MAX_NAME_WORDS = 3
NAME_REACH = 3
"""Content lines above a stamp searched for the poster's name."""
HEADER_REACH = 12
"""Content lines under a stamp searched for the end of the header."""
MAX_HEADER_CHARS = 60
RECURRING_SHARE = 0.6
"""Share of the frames a skeleton must occur in to be the front-end's, not a post's."""
EVERYWHERE_SHARE = 0.75
"""How often, per frame, a title-shaped line must occur on the page (three times at
least) to be the front-end's action ('Back to top'), not a headline a widget repeats."""
TEXT_WORDS = 6

DIGITS = re.compile(r"\d+")
SCORE = re.compile(r"^[+−-]?\d{1,6}$")
TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
CALENDAR_WORD = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?"
    r"|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
    r"|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]"
    r"|октябр[ья]|ноябр[ья]|декабр[ья]|янв|фев|апр|авг|сен|окт|ноя|дек|пн|вт|ср|чт|пт|сб|вс)\b",
    re.IGNORECASE,
)
"""A month's or a weekday's name, whole or cut short ('Nov', 'Tuesday', 'мая')."""
FIELD = re.compile(r"^(?P<label>[^\W\d][^:]{0,28}?)\s?:(?:\s+(?P<value>\S.{0,60}))?$")
"""A profile field or a labelled stamp: a short label, a colon, a short value."""
FIELD_ROW = re.compile(r"^(?P<label>[^\W\d][^:]{0,28}?)\s?:(?:\s+(?P<value>\S.*))?$")
"""A labelled row, however long its value (a stamp row: 'Posted: <date>  Subject: …')."""
NAME_TOKEN = re.compile(r"^[\w][\w.'’\-]*$")
LETTER = re.compile(r"[^\W\d_]")
QUOTE_HEAD = re.compile(
    r"^(?:(?:Quote|Цитата)\s*\([^()]{1,80}\)\s*\*?(?:\s+(?P<rest>\S.*))?"
    r"|(?:(?:Quote|Цитата)(?:\s*:\s*.{0,80})?|(?:Originally posted by|Quote from|Quoting)"
    r"\s+\S.{0,60}?|\S.{0,40}?\s+(?:wrote|said|написал[аи]?|писал[аи]?|сказал[аи]?))\s*:?\s*\*?)$",
    re.IGNORECASE,
)
"""A quotation's header on a line of its own: the line under it is quoted; the quoted
text may follow the header on its line ('Quote(name @ date) * text')."""
EDIT_NOTE = re.compile(
    r"(?:^|(?<=[.!?…])\s+)(?:Last edited by|Edited by|Сообщение отредактировал\w*"
    r"|Последний раз редактировал\w*|Отредактировано)\b.{0,120}$",
    re.IGNORECASE,
)
"""An edit note, on a line of its own (furniture) or ending the post's last line."""


def _is_stamp(text: str) -> bool:
    if not text or len(text) > MAX_STAMP_CHARS or not any(ch.isdigit() for ch in text):
        return False
    return bool(
        TIME.search(text)
        or AGE.search(text)
        or RU_AGE.match(text)
        or YEARLESS_DATE.match(text)
        or find_date(text) is not None
    )


def skeleton(text: str) -> str:
    """The line's shape: a field's label, else the text with dates, times and digits as
    classes ('сообщение 14.3.2023, 11:15' -> 'сообщение 0.0.0, T')."""
    field = FIELD_ROW.match(text) if ":" in text[:31] and len(text) <= MAX_STAMP_ROW_CHARS else None
    if field is not None and len(field.group("label").split()) <= 3:
        return field.group("label").casefold() + ":"
    if SCORE.match(text):
        return "0"
    shape = TIME.sub("T", text)
    shape = CALENDAR_WORD.sub("M", shape)
    return DIGITS.sub("0", shape).casefold()


def is_text(text: str) -> bool:
    """Running text: a sentence of several words, or a long line (its padding of
    several spaces, a menu's columns, not counted)."""
    if "  " in text:
        text = " ".join(text.split())
    return len(text) > MAX_STAMP_CHARS or (len(text.split()) >= TEXT_WORDS and ends_sentence(text))


def _is_name(text: str) -> bool:
    if not text or len(text) > MAX_NAME_CHARS or LETTER.search(text) is None:
        return False
    words = text.split()
    if len(words) > MAX_NAME_WORDS or ": " in text or "," in text or text.endswith(("!", "?")):
        return False
    if _is_stamp(text) or QUOTE_HEAD.match(text):
        return False
    if len(words) == 1:
        return NAME_TOKEN.match(text) is not None
    return all(word[:1].isupper() for word in words)


@dataclass(frozen=True, slots=True)
class Frame:
    """One post: its first line, its stamp, the last line of its header and its name line
    (positions in the page's lines)."""

    start: int
    stamp: int
    header_end: int
    name: int | None
    reply_to: str | None = None
    author: str | None = None
    """The name the stamp row itself carries, where no line of its own shows one."""
    dated: int | None = None
    """The line of the post's own date, where the header shows several ('Joined: …'
    above 'Posted: …'); None: the stamp's."""


@dataclass(frozen=True, slots=True)
class Page:
    """The frames of a page, the skeletons its front-end repeats, and whether the first
    frame is the opening post."""

    frames: tuple[Frame, ...]
    recurring: frozenset[str]
    opens_thread: bool


def read_page(lines: Sequence[Line]) -> Page | None:
    """The page's frames (None: no stamp recurs as a header)."""
    stamps: dict[str, list[int]] = {}
    found = [
        at
        for at, line in enumerate(lines)
        if line.text
        and len(line.text) <= MAX_STAMP_ROW_CHARS
        and (len(line.text) <= MAX_STAMP_CHARS or not ends_sentence(line.text))
        and not is_text(line.text[:MAX_STAMP_CHARS])
        and _is_stamp(line.text[:MAX_STAMP_CHARS])
    ]
    for at in found:
        stamps.setdefault(skeleton(lines[at].text), []).append(at)
    common = _common_tokens([lines[at].text for at in found], len(found))
    for at in found:
        shape = " ".join(_token_class(token, common) for token in _tokens(lines[at].text))
        if " N" in f" {shape}":
            stamps.setdefault(shape, []).append(at)  # a name inside the stamp's row
    keys = sorted(
        (key for key, found in stamps.items() if len(found) >= MIN_FRAMES),
        key=lambda key: (-len(stamps[key]), stamps[key][0]),
    )
    for key in keys[:MAX_ANCHOR_KEYS]:
        page = _frames(lines, stamps[key])
        if page is not None:
            return page
    return None


CLOCK_WORD = re.compile(r"(?:[ap]\.?m\.?|utc|gmt)", re.IGNORECASE)
"""A word of a clock time ('pm', 'UTC'): part of the stamp in a stamp row, no name."""
TOKEN_EDGES = "[](){}|,;:«»\"'"
MIN_COMMON_SHARE = 0.3
"""Share of a page's stamp rows a word must occur in to be the front-end's ('Rating')."""


def _tokens(text: str) -> list[str]:
    """A row's words, without the brackets and punctuation around them."""
    return [token for token in (raw.strip(TOKEN_EDGES) for raw in text.split()) if token]


def _common_tokens(texts: Sequence[str], total: int) -> frozenset[str]:
    """The words (digits as ``0``) that occur in many rows: the front-end's labels."""
    counts = Counter[str]()
    for text in texts:
        counts.update({DIGITS.sub("0", token.casefold()) for token in _tokens(text)})
    needed = max(MIN_FRAMES, MIN_COMMON_SHARE * total)
    return frozenset(token for token, count in counts.items() if count >= needed)


def _token_class(token: str, common: frozenset[str]) -> str:
    """A row word's class: its own form when common or letterless, 'N' for a name-shaped
    word, else its shape."""
    shape = DIGITS.sub("0", token.casefold())
    if shape in common or LETTER.search(token) is None:
        return shape
    if CALENDAR_WORD.fullmatch(token) or TIME.fullmatch(token) or CLOCK_WORD.fullmatch(token):
        return "M"
    return "N" if NAME_TOKEN.match(token) else shape


def _inline_name(text: str, common: frozenset[str]) -> str | None:
    """The one name a stamp row carries ('+47 [14.08.2015 01:02] kedrov_a Rating 52
    kedrov_a'): the run of name-shaped, uncommon words, when the row holds one such run
    (repeated or not), of `MAX_NAME_WORDS` words at most."""
    runs: list[list[str]] = []
    run: list[str] = []
    for token in [*_tokens(text), ""]:
        if token and _token_class(token, common) == "N":
            run.append(token)
            continue
        if run:
            runs.append(run)
        run = []
    names = {" ".join(found) for found in runs}
    if len(names) != 1:
        return None
    name = names.pop()
    return name if len(name.split()) <= MAX_NAME_WORDS else None


def _frames(lines: Sequence[Line], anchors: list[int]) -> Page | None:
    bodies = [*anchors[1:], len(lines)]
    last_text: list[int] = []
    for anchor, end in zip(anchors, bodies, strict=True):
        texts = [at for at in range(anchor + 1, end) if is_text(lines[at].text)]
        if not texts:
            return None  # a listing's items, an index: no running text between stamps
        last_text.append(texts[-1])
    shares = Counter[str]()
    occurrences = Counter[str]()
    lows = [-1, *last_text[:-1]]
    for low, high in zip(lows, [*last_text[:-1], len(lines) - 1], strict=True):
        region = range(low + 1, high + 1)
        keys = [skeleton(lines[at].text) for at in region if _short(lines[at])]
        shares.update(set(keys))
        occurrences.update(keys)
    needed = max(2, round(RECURRING_SHARE * len(anchors)))
    recurring = frozenset(key for key, count in shares.items() if count >= needed)
    aboves = [_above(lines, low, anchor) for low, anchor in zip(lows, anchors, strict=True)]
    everywhere = frozenset(
        key
        for key, count in occurrences.items()
        if count >= max(MIN_FRAMES, EVERYWHERE_SHARE * len(anchors))
    )
    names = _names(lines, aboves, everywhere)
    frames = []
    for anchor, name, (_, note) in zip(anchors, names, aboves, strict=True):
        start = name if name is not None else anchor
        above = _previous(lines, start, -1)
        if name is not None and above is not None and lines[above].text == lines[name].text:
            start = above  # the name twice (an avatar's label, then the name)
        header_end = _header_end(lines, anchor, recurring)
        frames.append(Frame(start, anchor, header_end, name, note))
    if len(MAIL_FIELDS & recurring) >= 2:
        return None  # mail headers: a digest's or a mailbox's messages, read as mail
    if _headlined(lines, frames, aboves, everywhere) * 2 >= len(frames):
        return None  # a headline in each frame: a listing's or a digest's items
    if sum(frame.name is not None for frame in frames) * 2 < len(frames):
        frames = _named_inline(lines, frames)
    named = sum(frame.name is not None or frame.author is not None for frame in frames)
    if named * 2 < len(frames) and _profiled(lines, frames, recurring) * 2 < len(frames):
        return None  # no poster's name by most stamps, nor a profile block under them
    opens = not any(_is_statement(lines[at].text) for at in range(frames[0].start))
    return Page(tuple(_post_dates(lines, frames)), recurring, opens)


HEADLINE_WORDS = 4
MAIL_FIELDS = frozenset({"from:", "to:", "subject:", "message-id:", "in-reply-to:", "newsgroups:"})
"""Message header fields (RFC 5322): pages showing them are mail, read by the mail and
digest layouts."""


def _headlined(
    lines: Sequence[Line],
    frames: Sequence[Frame],
    aboves: Sequence[tuple[list[int], str | None]],
    recurring: frozenset[str],
) -> int:
    """How many frames carry a headline by their stamp: a title-shaped line of
    `HEADLINE_WORDS` words or more, no field and no line of nearly every frame
    (`recurring`), among the lines right
    above the stamp, those of the header, or as the first line under it with text after
    it (a listing's item: title, date, teaser)."""
    count = 0
    for frame, (above, _) in zip(frames, aboves, strict=True):
        near = [at for at in above if at != frame.name]
        near += range(frame.stamp + 1, frame.header_end + 1)
        first = _next(lines, frame.header_end, len(lines))
        if first is not None and _next(lines, first, len(lines)) is not None:
            near.append(first)
        if any(_is_headline(lines[at].text, recurring) for at in near):
            count += 1
    return count


def _profiled(lines: Sequence[Line], frames: Sequence[Frame], recurring: frozenset[str]) -> int:
    """How many frames show a profile block: two recurring fields at least in the header,
    its stamp included ('Posted: …', 'Joined: …', 'Posts: …')."""
    count = 0
    for frame in frames:
        fields = {
            skeleton(lines[at].text)
            for at in range(frame.stamp, frame.header_end + 1)
            if not lines[at].is_blank
        }
        count += len({key for key in fields if key.endswith(":") and key in recurring}) >= 2
    return count


def _is_headline(text: str, recurring: frozenset[str]) -> bool:
    if len(text.split()) < HEADLINE_WORDS or not is_title_like(text, 160):
        return False
    if QUOTE_HEAD.match(text) or _is_stamp(text[:MAX_STAMP_CHARS]):
        return False  # a quotation's header, a stamp row ('Posted: <date>  Subject: …')
    if REPLY_PREFIX.match(text):
        return False  # a reply's subject: the topic's title again
    field = FIELD.match(text) if ":" in text[:31] else None
    if field is not None and field.group("value"):
        return len(field.group("value").split()) >= HEADLINE_WORDS  # 'Title: …'
    return skeleton(text) not in recurring


def _next(lines: Sequence[Line], position: int, end: int) -> int | None:
    for at in range(position + 1, end):
        if not lines[at].is_blank:
            return at
    return None


def _named_inline(lines: Sequence[Line], frames: list[Frame]) -> list[Frame]:
    """The frames with the name each stamp row carries, where most rows carry one and
    the names vary (else the frames as they are)."""
    rows = [lines[frame.stamp].text for frame in frames]
    common = _common_tokens(rows, len(rows))
    names = [_inline_name(row, common) for row in rows]
    if sum(name is not None for name in names) * 2 < len(frames) or len(set(names) - {None}) < 2:
        return frames
    return [
        dataclasses.replace(frame, author=name) if frame.name is None else frame
        for frame, name in zip(frames, names, strict=True)
    ]


def _post_dates(lines: Sequence[Line], frames: list[Frame]) -> list[Frame]:
    """The frames with the line of each post's own date: among the kinds of stamp line
    every header shows, the first whose dates differ in every post (a member's join date
    repeats with the member), one with a time of day first."""
    kinds: dict[str, list[int | None]] = {}
    for number, frame in enumerate(frames):
        for at in range(frame.stamp, frame.header_end + 1):
            text = lines[at].text
            if text and len(text) <= MAX_STAMP_ROW_CHARS and _is_stamp(text[:MAX_STAMP_CHARS]):
                found = kinds.setdefault(skeleton(text), [None] * len(frames))
                if found[number] is None:
                    found[number] = at
    varied = [
        positions
        for positions in kinds.values()
        if None not in positions
        and len({lines[at].text for at in positions if at is not None}) == len(frames)
    ]
    if not varied:
        return frames
    timed = [p for p in varied if all(TIME.search(lines[at].text) for at in p if at is not None)]
    chosen = (timed or varied)[0]
    return [dataclasses.replace(frame, dated=at) for frame, at in zip(frames, chosen, strict=True)]


def _is_statement(text: str) -> bool:
    """Running text above the posts (an article): sentences, not a topic's title (a
    question) nor a menu or a breadcrumb, however long."""
    return len(text.split()) >= TEXT_WORDS and text.rstrip(CLOSERS).endswith((".", "!", "…"))


def _short(line: Line) -> bool:
    """A line that can be the front-end's: short, and no running text unless it is a
    labelled field ('Re: Is the vote rigged?')."""
    text = line.text
    if line.is_blank or len(text) > MAX_STAMP_CHARS:
        return False
    return not is_text(text) or skeleton(text).endswith(":")


def _previous(lines: Sequence[Line], position: int, low: int) -> int | None:
    for at in range(position - 1, low, -1):
        if not lines[at].is_blank:
            return at
    return None


REPLY_NOTE = re.compile(
    r"^(?:in reply to|replying to|reply to|в ответ(?: на)?|ответ(?: на)?)\s+@?(?P<name>\S.{0,40})$",
    re.IGNORECASE,
)
"""A header line naming the comment replied to ('Reply to  Ruben S.'): the parent."""


def _above(lines: Sequence[Line], low: int, anchor: int) -> tuple[list[int], str | None]:
    """The short lines right above a stamp, nearest first (reply notes left out), and the
    name a reply note among them gives."""
    found: list[int] = []
    note = None
    at = anchor
    while len(found) < NAME_REACH:
        above = _previous(lines, at, low)
        if above is None or is_text(lines[above].text):
            break
        match = REPLY_NOTE.match(lines[above].text)
        if match is not None and note is None:
            note = match.group("name").strip()
        else:
            found.append(above)
        at = above
    return found, note


def _names(
    lines: Sequence[Line],
    aboves: Sequence[tuple[list[int], str | None]],
    everywhere: frozenset[str],
) -> list[int | None]:
    """Each frame's name line: the place above the stamps where the most frames (half at
    least) show a name-shaped line, and the frames after the first do not all show the
    same one (a label: 'Guest'; the first frame may stand under the page's top), nor a
    line of nearly every frame ('Report'). A place line ('Toronto') beside some names
    gives way to the names; on a tie the place
    farther up wins (a frame opens with the name, a rank or a place follows it)."""
    best: list[int | None] = [None] * len(aboves)
    most = 0
    for offset in range(NAME_REACH):
        found = [above[offset] if offset < len(above) else None for above, _ in aboves]
        shaped = [
            at
            if at is not None
            and _is_name(lines[at].text)
            and skeleton(lines[at].text) not in everywhere
            else None
            for at in found
        ]
        texts = {lines[at].text for at in shaped[1:] if at is not None}
        count = sum(at is not None for at in shaped)
        if len(texts) >= 2 and count * 2 >= len(found) and count >= most:
            best, most = shaped, count
    return best


def _header_end(lines: Sequence[Line], anchor: int, recurring: frozenset[str]) -> int:
    """The last line of the header under the stamp: the last recurring line among the
    short lines right under it, then the profile fields that follow."""
    end = anchor
    seen = 0
    at = anchor + 1
    while at < len(lines) and seen < HEADER_REACH:
        line = lines[at]
        if not line.is_blank:
            seen += 1
            if skeleton(line.text) in recurring:
                end = at
            elif len(line.text) > MAX_HEADER_CHARS or is_text(line.text):
                break
        at += 1
    at = end + 1
    while at < len(lines):
        line = lines[at]
        if not line.is_blank:
            field = FIELD.match(line.text)
            value = field.group("value") if field else None
            if value is None or len(line.text) > MAX_HEADER_CHARS or ends_sentence(value):
                break
            end = at
        at += 1
    return end


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The comments' first lines (the opening post's frame left to :func:`page_post`)."""
    page = read_page(lines)
    if page is None:
        return []
    frames = page.frames[1:] if page.opens_thread else page.frames
    return [frame.start for frame in frames]


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """Every comment's header, the page read once."""
    page = read_page(lines)
    found = {frame.start: frame for frame in page.frames} if page else {}
    recurring = page.recurring if page else frozenset()
    headers = []
    for number, start in enumerate(starts):
        frame = found.get(start)
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        if frame is None:
            headers.append(Header(author=None, n_lines=0, nesting=lines[start].indent))
            continue
        body = range(frame.header_end + 1, end)
        chrome = {
            lines[at].index
            for at in body
            if _short(lines[at])
            and (skeleton(lines[at].text) in recurring or REPLY_COUNT.match(lines[at].text))
        }
        noted = [at for at in body if EDIT_NOTE.search(lines[at].text)]
        edits = {lines[at].index for at in noted if EDIT_NOTE.match(lines[at].text)}
        stamp = lines[frame.dated if frame.dated is not None else frame.stamp].text
        dated = find_date(stamp)
        headers.append(
            Header(
                author=lines[frame.name].text if frame.name is not None else frame.author,
                n_lines=frame.header_end - start + 1,
                nesting=0,
                score=_score(lines, body, chrome),
                edited=bool(noted),
                reply_to=frame.reply_to,
                number=_number(lines, start, frame.header_end),
                age=None if dated else stamp,
                published=stamp if dated else None,
                chrome_lines=frozenset(chrome | edits),
                quote_lines=frozenset(_quoted(lines, body.start, end)),
            )
        )
    return headers


POST_NUMBER = re.compile(r"(?:^|\s)#(?P<n>\d{1,7})\b")


def _number(lines: Sequence[Line], start: int, end: int) -> str | None:
    """The post's number on the page as its header shows it ('Post #2', '#2841'), where
    later posts may cite it."""
    for at in range(start, end + 1):
        text = lines[at].text
        match = POST_NUMBER.search(text) if "#" in text else None
        if match is not None:
            return "#" + match.group("n")
    return None


def _quoted(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """Indices of the quoted lines in [start, end) and of the quotation headers right
    above them (a header and its quote make one block, a quote)."""
    quoted = quoted_lines(lines, start, end, QUOTE_HEAD)
    heads = {
        lines[at].index
        for at in range(start, min(end, len(lines)) - 1)
        if lines[at + 1].index in quoted and QUOTE_HEAD.match(lines[at].text)
    }
    return quoted | heads


VOTES = re.compile(
    r"^(?P<n>[+−-]?\d{1,6})(?:\s+(?:likes?|recommend(?:s|ed)?|points?|votes?|нравится|лайк\w*))?$",
    re.IGNORECASE,
)
"""A votes count on a line of its own, bare or with a common vote word ('7', '-2',
'412 Recommend', '3 likes')."""
REPLY_COUNT = re.compile(r"^\d{1,5}\s+(?:repl(?:y|ies)|ответ(?:а|ов)?)$", re.IGNORECASE)
"""A count of a comment's replies ('1 Reply', '3 ответа'): the front-end's link."""


def _score(lines: Sequence[Line], body: range, chrome: set[int]) -> int | None:
    """The votes count among the frame's recurring lines under the text."""
    for at in body:
        line = lines[at]
        match = VOTES.match(line.text) if line.index in chrome else None
        if match is not None:
            return int(match.group("n").replace("−", "-"))
    return None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    return parse_headers(lines, [position])[0]


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The line after the last post's furniture (its action bar): the page's footer
    follows. Where the last post shows no furniture under its text and no other post
    ends with a short line of its own (a sign-off), the short lines after the last
    post's text are the footer. None otherwise."""
    page = read_page(lines)
    if page is None or not page.frames:
        return None
    last = page.frames[-1]
    texts = [at for at in range(last.header_end + 1, len(lines)) if is_text(lines[at].text)]
    if not texts:
        return None
    end = None
    for at in range(texts[-1] + 1, len(lines)):
        line = lines[at]
        if line.is_blank or EDIT_NOTE.match(line.text):
            continue
        if not (_short(line) and skeleton(line.text) in page.recurring):
            break
        end = at + 1
    if end is None and not _signed_off(lines, page):
        end = texts[-1] + 1
    return end if end is not None and end < len(lines) else None


def _signed_off(lines: Sequence[Line], page: Page) -> bool:
    """Whether a post other than the last ends with a short line of its own after its
    text (a sign-off, a signature) that is no line the front-end repeats."""
    for frame, following in pairwise(page.frames):
        body = range(frame.header_end + 1, following.start)
        texts = [at for at in body if is_text(lines[at].text)]
        if not texts:
            continue
        for at in range(texts[-1] + 1, following.start):
            line = lines[at]
            if line.is_blank or EDIT_NOTE.match(line.text) or not _short(line):
                continue
            if skeleton(line.text) not in page.recurring:
                return True
    return False


def page_post(lines: Sequence[Line], starts: Sequence[int]) -> PostHead | None:
    """The opening post's head where the first frame is the opening post: author and date
    from its header, the title from its subject line; the lines above it are
    furniture. None otherwise (an article above a comment list reads its own head)."""
    page = read_page(lines)
    if page is None or not page.opens_thread:
        return None
    first = page.frames[0]
    title_at = _subject(lines, page)
    top = lines[: first.start]
    title: str | None
    if title_at is not None:
        title = _subject_text(lines[title_at].text)
    elif (repeated := _repeated_subject(lines, first)) is not None:
        title_at = repeated
        title = lines[repeated].text
    else:
        shown = topic_title(top, is_crumbs)
        title_at = next((at for at in range(first.start) if lines[at].text == shown), None)
        title = _subject_text(shown) if shown else None
    stamp = lines[first.dated if first.dated is not None else first.stamp].text
    header = content_indices(lines[first.start : first.header_end + 1])
    end = starts[0] if starts else len(lines)
    body = range(first.header_end + 1, end)
    chrome = {
        lines[at].index
        for at in body
        if _short(lines[at]) and skeleton(lines[at].text) in page.recurring
    }
    title_lines = (
        {lines[title_at].index} if title_at is not None and lines[title_at].text == title else set()
    )
    return post_head(
        title=title,
        title_lines=title_lines,
        author=lines[first.name].text if first.name is not None else first.author,
        published=stamp if find_date(stamp) else None,
        meta_lines=header - title_lines,
        chrome_lines=(content_indices(top) - title_lines) | chrome,
        quote_lines=_quoted(lines, body.start, end),
    )


def _repeated_subject(lines: Sequence[Line], first: Frame) -> int | None:
    """The title-shaped line above the opening post (three words at least) that its
    header repeats ('Post subject: <title>'), nearest first."""
    header = [
        lines[at].text.casefold()
        for at in range(first.start, first.header_end + 1)
        if lines[at].text
    ]
    for at in range(first.start - 1, -1, -1):
        text = lines[at].text
        if len(text.split()) < 3 or not is_title_like(text):
            continue
        wanted = text.casefold()
        if any(wanted in row and wanted != row for row in header):
            return at
    return None


def _subject_text(text: str) -> str:
    """A subject line without its label ('Post subject: X', 'Тема: X') or the breadcrumb
    separator before it ('> X')."""
    text = text.lstrip("»›> ")
    field = FIELD.match(text)
    if field is not None and field.group("value") and len(field.group("label").split()) <= 2:
        return field.group("value").strip()
    return text


def _subject(lines: Sequence[Line], page: Page) -> int | None:
    """The opening post's subject line: the line its replies repeat after 'Re:', else a
    title-shaped line (three words at least) right above its first line."""
    first = page.frames[0]
    replies = {
        strip_reply_prefix(lines[at].text).casefold()
        for frame in page.frames[1:]
        for at in range(frame.stamp, frame.header_end + 2)
        if at < len(lines) and REPLY_PREFIX.match(lines[at].text)
    }
    if replies:
        for at in range(0, min(first.header_end + 2, len(lines))):
            if lines[at].text.casefold() in replies:
                return at
    above = _previous(lines, first.start, -1)
    if above is None:
        return None
    text = _subject_text(lines[above].text)
    if len(text.split()) >= 3 and is_title_like(text) and not is_crumbs(text):
        return above
    return None
