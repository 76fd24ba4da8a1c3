"""Comment lists whose every comment opens with the same header, a name line over a stamp
line, and closes with a row of action words under its body: the shape many forum and
fediverse front-ends share (Flarum, NodeBB, Mastodon and their like), found from
repetition alone, as they scrape to text.

One comment::

    <name>                  one to three words, no sentence
    [@<handle>]             '@name' or '@name@instance', one token
    <stamp>                 a date or an age, a verb before it and a note after it allowed:
                            'Apr 3, 2024  Edited', 'wrote on 14 Mar 2024, 10:40 last edited
                            by x', '15 мар. 2024 г.', '3 hours ago', 'Mar 18', 'Sep 2021'
    [edited]                an edit mark on a line of its own
    [#<n>]                  the post's number on the page
    [<score>]               a score row ('4 points', '1 point') or a signed count
                            right under the stamp ('+142', '-12', '−5')
    <body>
    <actions>               action words, counts and separators only: 'Like Reply',
                            'Нравится Ответить', '1 Reply Last reply Reply Quote', '↑ 22 ↓';
                            or stacked one a line, a lone '•' between them
    [<votes>]               a bare count beside the action row: the score
    [<reactions>]           short lines after the actions ('x liked this.', '2 months
                            later', an avatar's initial): furniture

A page needs two headers (one blank line at most between a name and its stamp) and an
action row after the body of every header but the last. Nesting is the name line's
indentation. A body that opens with '@handle' answers the comment whose header shows that
handle; a line between the name and the stamp naming an earlier header's author answers
that commenter.

The opening post: where no prose stands above the first header, the page is its first
(no 'Page N of M' with N > 1) and the first body answers nobody, the first header is the
opening post's, read by :func:`parse_post` (the title above it, its author and date);
where prose stands above, the comments follow an article; otherwise the page is a later
page of the thread, shown as a stub.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    ACCOUNT,
    AVATAR_LABEL,
    CRUMB_SEPARATOR,
    GLUE_POINT,
    Opening,
    content_indices,
    has_text,
    is_prose,
    is_stamp,
    is_title_like,
    next_content,
    opening_head,
    page_number,
    post_head,
    quoted_lines,
    shown_count,
    split_flair,
    stub_head,
    topic_title,
    without_badge,
)
from flows.stages.segment.grammars.stacked import AGE as SHORT_AGE
from flows.stages.segment.grammars.stacked import POSTED_BY, SCORE, SIGNED_SCORE, title_below
from flows.stages.segment.grammars.stacked import parse_post as stacked_post
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date, is_breadcrumb
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import REPLIES_SHOWN, REPLY_NOTE, Header
from flows.stages.segment.votes import labelled_count

NAME = "stamped_header"
GENERIC = True
FALLBACK = True
"""The loosest of the generic shapes: it wins only with more comments than every other."""

ACTION_WORDS = (
    r"Reply|Quote|Like|Likes|Share|Report|Flag|Boost|Favou?rite|More|Permalink|Support"
    r"|Oppose|Last reply|Collapse|Expand|Ответить|Цитировать|Цитата|Нравится|Поделиться"
    r"|Пожаловаться|Ссылка"
)
ACTION_ROW = re.compile(
    rf"^(?:(?:{ACTION_WORDS}|[+−–-]?\d{{1,6}}(?!\d)|[·•|↑↓▲▼👍👎]\ufe0f?)\s*)+$", re.IGNORECASE
)
ACTION_WORD = re.compile(rf"(?<!\w)(?:{ACTION_WORDS})(?!\w)", re.IGNORECASE)
REPLY_WORD = re.compile(
    r"(?<!\w)(?:Reply|Quote|Like|Boost|Favou?rite|Ответить|Цитировать|Цитата|Нравится)(?!\w)",
    re.IGNORECASE,
)
REPLY_COUNT = re.compile(r"\d{1,6}\s+(?:Reply|Replies|Ответ\w{0,2})\b", re.IGNORECASE)
"""A count of replies in an action row ('1 Reply'): not the comment's score."""
BARE_COUNT = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d{1,6}$")
"""A count alone right under a header's stamp: the votes the comment received (a body
never opens with a bare number)."""
VOTES_ROW = re.compile(r"^[↑▲]?\s*(?P<n>[+−–-]?\d{1,6})\s*[↓▼]?$")
"""A bare count, or a count between vote arrows ('↑ 22 ↓')."""
INLINE = re.compile(r"^(?P<name>\S.{0,40}?)\s+[·•|—–-]\s+(?P<stamp>\S.{1,60})$")
"""A name and a stamp on one line, a separator between them."""
HANDLE = re.compile(rf"^@(?P<handle>{ACCOUNT})$")
NUMBER = re.compile(r"^#(?P<n>\d{1,6})$")
STAMP_VERB = re.compile(
    r"^(?:wrote|posted|replied|commented|написал[аи]?|опубликовал[аи]?|ответил[аи]?)"
    r"(?:\s+(?:on|at|в))?\s+",
    re.IGNORECASE,
)
STAMP_NOTE = re.compile(
    r"\s*(?:[|·•]\s*\S.{0,40}|(?:last\s+)?edited(?:\s+by\s+\S+)?|изменено|ред\.)$",
    re.IGNORECASE,
)
"""What a stamp line may add after the date: an edit mark, a separator and a label."""
ATTRIBUTION = re.compile(
    r"^@?(?P<name>[\w][\w.\-]{0,39})\s+(?:(?:wrote|said|написал[аи]?|сказал[аи]?|сказал\(а\))"
    r"(?:\s+(?:in|в)\s+\S.{0,200}?)?:|posted on\s+\S.{3,40})$",
    re.IGNORECASE,
)
"""A quote's attribution on a line of its own ('@name said in <topic>:', 'name wrote:',
'name posted on <date>'): the line after it is quoted text."""
EDIT_MARK = re.compile(r"(?<!\w)(?:edited|изменено|ред\.)", re.IGNORECASE)
EDIT_LINE = re.compile(
    r"^(?:[·•|]\s*)?\(?(?:(?:last\s+)?edited|изменено|ред\.)(?:\s+\S[^.!?]{0,30})?\)?$",
    re.IGNORECASE,
)
"""An edit mark on a line of its own under the stamp, its own stamp after it or not
('(edited)', '· edited 6d ago'): part of the header."""
LETTER = re.compile(r"[^\W\d_]")
MAX_NAME_WORDS = 3
DIRECTION_MARKS = "\u200e\u200f"
"""Left-to-right and right-to-left marks a front-end prints before a date."""
MONTH_YEAR = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|(?:янв|фев|мар|апр|мая|май|июн|июл|авг|сент?|окт|ноя|дек)[а-я]*\.?)"
    r"\s+(?:(?:19|20)\d\d|['’]\d\d)(?:\s*г\.)?$",
    re.IGNORECASE,
)
"""The stamp of a post older than a year where a forum prints the month only ('Sep 2021',
'Sep '21', 'сент. 2021 г.')."""
SEPARATOR = re.compile(r"^[·•|]$")
"""A separator alone on a line, between action buttons stacked one a line ('Reply', '•',
'Share'): part of the action rows."""
MAX_REACTION_CHARS = 100
"""The longest line after a comment's action row that is still its furniture."""


def _stamp(text: str) -> str | None:
    """The date or age of a header's stamp line, None when the line is no stamp."""
    text = text.strip(DIRECTION_MARKS)
    core = STAMP_NOTE.sub("", STAMP_VERB.sub("", text, count=1)).strip()
    return (
        core
        if core and (is_stamp(core) or SHORT_AGE.match(core) or MONTH_YEAR.match(core))
        else None
    )


def _is_name(text: str) -> bool:
    return (
        0 < len(text) <= 60
        and LETTER.search(text) is not None
        and len(without_badge(text).split()) <= MAX_NAME_WORDS
        and not ends_sentence(text.rstrip("."))
        and ":" not in text  # a label ('Joined: Feb 2018'), not a name
        and not is_action_row(text)
        and _stamp(text) is None
        and NUMBER.match(text) is None
        and AVATAR_LABEL.match(text) is None
        and REPLIES_SHOWN.match(text) is None  # '2 replies' closing the comment above
    )


def is_action_row(text: str) -> bool:
    """A line of action words, counts and separators only, one action word at least."""
    return len(text) <= 80 and bool(ACTION_ROW.match(text)) and bool(ACTION_WORD.search(text))


@dataclass(frozen=True, slots=True)
class Found:
    """A header: its lines (name first), what its stamp says, its handle and number."""

    position: int
    n_lines: int
    stamp: str
    handle: str | None
    number: str | None
    edited: bool
    score: int | None = None
    menu: tuple[str, ...] = ()
    """The post's menu under the stamp (short lines; part of the header)."""


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    inline = _inline(lines[position].text)
    if inline is not None:
        return _header_end(lines, position, position + 1, inline[1], None, lines[position].text)
    if not _is_name(lines[position].text):
        return None
    at, handle = position + 1, None
    if at < len(lines) and (match := HANDLE.match(lines[at].text)) is not None:
        handle, at = match.group("handle"), at + 1
    if at + 1 < len(lines) and lines[at].is_blank and not lines[at + 1].is_blank:
        at += 1  # one blank line between the name and its stamp (list items apart)
    if at >= len(lines) or lines[at].is_blank:
        return None
    stamp_text = lines[at].text
    stamp = _stamp(stamp_text)
    if stamp is None:
        return _profile_header(lines, position)
    return _header_end(lines, position, at + 1, stamp, handle, stamp_text)


MAX_PROFILE_LINES = 12
MAX_PROFILE_CHARS = 30


def _profile_header(lines: Sequence[Line], position: int) -> Found | None:
    """A header whose name and stamp have the poster's profile between them (status,
    counters and their labels, a rank, the post's place: short lines, no blank line): the
    name line opens a block (a blank line, an action row or an avatar's label above it)."""
    above = position - 1
    if above >= 0 and not (
        lines[above].is_blank
        or is_action_row(lines[above].text)
        or AVATAR_LABEL.match(lines[above].text)
    ):
        return None
    below = position + 1
    if (
        len(lines[position].text) <= MAX_INITIAL_CHARS
        and below + 1 < len(lines)
        and _is_name(lines[below].text)
        and _stamp(lines[below + 1].text)
    ):
        return None  # an avatar's initial over a name over its stamp: the name opens it
    for at in range(position + 1, min(position + 1 + MAX_PROFILE_LINES, len(lines))):
        text = lines[at].text
        stamp = _stamp(text)
        if stamp is not None:
            return _header_end(lines, position, at + 1, stamp, None, text)
        if REPLY_NOTE.match(text):
            continue  # 'In response to <name>' between the rank and the stamp
        if (
            lines[at].is_blank
            or len(text) > MAX_PROFILE_CHARS
            or is_prose(text)
            or is_action_row(text)  # the comment above closing: no profile line
        ):
            return None
    return None


def _inline(text: str) -> tuple[str, str] | None:
    """(name, stamp) of a header on one line ('anna_k · 3 hours ago', 'Anna K. — 14 Mar
    2024'), None when the line is no such header."""
    parts = INLINE.match(text)
    if parts is None:
        return None
    name, stamp = parts.group("name"), _stamp(parts.group("stamp"))
    return (name, stamp) if stamp is not None and _is_name(name) else None


def _header_end(
    lines: Sequence[Line],
    position: int,
    at: int,
    stamp: str,
    handle: str | None,
    stamp_text: str,
) -> Found | None:
    """The header from its name line to `at` (the line after its stamp), with the post's
    number when a '#N' line follows; None when no text follows it."""
    number = score = None
    edited = EDIT_MARK.search(stamp_text) is not None
    if at < len(lines) and EDIT_LINE.match(lines[at].text):
        edited, at = True, at + 1
    if at < len(lines) and (match := NUMBER.match(lines[at].text)) is not None:
        number, at = match.group(0), at + 1
    if at < len(lines) and (points := SCORE.match(lines[at].text)) is not None:
        score, at = shown_count(points.group("score")), at + 1
    elif at < len(lines) and (
        SIGNED_SCORE.match(lines[at].text) or BARE_COUNT.match(lines[at].text)
    ):
        score, at = shown_count(lines[at].text.replace("–", "-")), at + 1
    elif at < len(lines) and (counted := labelled_count(lines[at].text)) is not None:
        score, at = counted, at + 1
    text = next_content(lines, at - 1)
    if text is not None and not is_prose(lines[text].text):
        first = text
        text = next_content(lines, text)  # a reply note first ('Reply 3# name')
        if text is not None and not is_prose(lines[text].text):
            run = _menu(lines, first)
            if run is None:
                return None
            return Found(position, run[0] - position, stamp, handle, number, edited, score, run[1])
    if text is None or not is_prose(lines[text].text):
        return None  # a label and a date in a profile block ('Joined', 'Sep 5, 2021')
    return Found(position, at - position, stamp, handle, number, edited, score)


MAX_MENU_LINES = 12


def _menu(lines: Sequence[Line], first: int) -> tuple[int, tuple[str, ...]] | None:
    """(the position after it, its lines) of a run of short lines under a header's stamp
    that text follows (a post's menu: 'Mark as New', 'Bookmark', 'Permalink'); None when
    no text follows such a run. Only a run that recurs under another header is furniture
    (:func:`_headers`): a profile block's label and date differ from post to post."""
    run: list[str] = []
    at = first
    while at < len(lines) and not lines[at].is_blank and len(run) < MAX_MENU_LINES:
        text = lines[at].text
        if len(text) > MAX_PROFILE_CHARS or ends_sentence(text) or _stamp(text) is not None:
            break
        run.append(text)
        at += 1
    after = next_content(lines, at - 1)
    if len(run) < 2 or after is None or not is_prose(lines[after].text):
        return None
    return at, tuple(run)


def _actions(lines: Sequence[Line], start: int, end: int) -> int | None:
    """The last action row in [start, end) with text of the body above it."""
    rows = [at for at in range(start, end) if is_action_row(lines[at].text)]
    if not rows:
        return None
    if not any(is_prose(lines[at].text) for at in range(start, rows[-1])):
        return None
    return rows[-1]


def _scan(lines: Sequence[Line]) -> list[Found]:
    """Every header shape in `lines`, none inside another."""
    found: list[Found] = []
    for position, line in enumerate(lines):
        if found and position < found[-1].position + found[-1].n_lines:
            continue  # a line of the header above ('@handle' under the display name)
        if not line.is_blank and (hit := _header_at(lines, position)) is not None:
            found.append(hit)
    return found


def _placed(lines: Sequence[Line], found: list[Found]) -> list[Found]:
    """The headers with the name line above them where most headers of the page show one:
    a name over a place over the stamp ('Gordon W.', 'Duluth, MN', 'Dec. 5'), the scan
    having taken the place for the name."""
    above = [
        hit.position > 0
        and not lines[hit.position - 1].is_blank
        and lines[hit.position].indent == lines[hit.position - 1].indent
        and len(lines[hit.position - 1].text) > MAX_INITIAL_CHARS  # not an avatar's initial
        and _is_name(lines[hit.position - 1].text)
        and labelled_count(lines[hit.position - 1].text) is None
        for hit in found
    ]
    placed = [
        hit.n_lines >= 3
        and _is_name(lines[hit.position + 1].text)
        and _stamp(lines[hit.position + 2].text) is not None
        for hit in found
    ]  # read with the place already, as a profile line between the name and the stamp
    if len(found) < 2 or (sum(above) + sum(placed)) * 3 < len(found) * 2 or not any(above):
        return found
    return [
        dataclasses.replace(hit, position=hit.position - 1, n_lines=hit.n_lines + 1)
        if shifted and not already
        else hit
        for hit, shifted, already in zip(found, above, placed, strict=True)
    ]


MAX_INITIAL_CHARS = 2
MIN_HEADLINE_WORDS = 4


def _counts_answer(lines: Sequence[Line], found: Sequence[Found]) -> bool:
    """Whether a count of votes under a body ('412 Recommend') is a comment's, as a reply
    action is: the headers show two names at least, and no header is followed by a
    headline (a listing's items show like counts under their teasers too)."""
    names = {_name(lines[hit.position].text) for hit in found}
    if len(names) < 2:
        return False
    for hit in found:
        first = next_content(lines, hit.position + hit.n_lines - 1)
        if first is None:
            continue
        text = lines[first].text
        if (
            len(text.split()) >= MIN_HEADLINE_WORDS
            and is_title_like(text)
            and not text.endswith("?")
        ):
            return False
    return True


def _headers(lines: Sequence[Line]) -> list[Found]:
    """The comment headers of the page: each one closed by an action row (the last may
    end with its text), two at least, and half the rows or more offering a reply, a like
    or a count of votes: a row of 'Share' or 'More' alone is how listings close a teaser
    too."""
    found = _placed(lines, _scan(lines))
    menus = Counter(hit.menu for hit in found if hit.menu)
    found = [hit for hit in found if not hit.menu or menus[hit.menu] >= 2]
    kept: list[Found] = []
    closed = answering = 0
    counted = _counts_answer(lines, found)
    for index, hit in enumerate(found):
        end = found[index + 1].position if index + 1 < len(found) else len(lines)
        body = hit.position + hit.n_lines
        if _actions(lines, body, end) is not None:
            kept.append(hit)
            closed += 1
            answering += any(
                (is_action_row(lines[at].text) and REPLY_WORD.search(lines[at].text))
                or (counted and labelled_count(lines[at].text) is not None)
                for at in range(body, end)
            )
        elif (
            index + 1 == len(found)
            and kept
            and any(is_prose(lines[at].text) for at in range(body, end))
        ):
            kept.append(hit)
    return kept if len(kept) >= 2 and answering * 2 >= closed else []


def _answers_someone(lines: Sequence[Line], hit: Found, end: int) -> bool:
    first = next_content(lines, hit.position + hit.n_lines - 1, end)
    return first is not None and lines[first].text.startswith("@")


MIN_PATH_SEPARATORS = 2


def _is_path(text: str) -> bool:
    """A breadcrumb, its last crumb the topic's title, a question maybe ('Community ›
    Boards › Does turnout matter?'): no running text."""
    return is_breadcrumb(text) or len(CRUMB_SEPARATOR.findall(text)) >= MIN_PATH_SEPARATORS


def _opens_thread(lines: Sequence[Line], found: Sequence[Found]) -> bool:
    """Whether the first header is the opening post's (see the module's docstring)."""
    first = found[0]
    if has_text([line for line in lines[: first.position] if not _is_path(line.text)]):
        return False
    if (page_number(lines) or 1) > 1:
        return False
    end = found[1].position if len(found) > 1 else len(lines)
    return not _answers_someone(lines, first, end)


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The comments' name lines (the opening post's header left to :func:`parse_post`)."""
    found = _headers(lines)
    if not found:
        return []
    if _opens_thread(lines, found):
        found = found[1:]
    return [hit.position for hit in found] if len(found) >= 1 else []


def is_chrome(line: Line) -> bool:
    return is_action_row(line.text)


@dataclass(frozen=True, slots=True)
class Furniture:
    """A comment's furniture (line indices), its votes and where its body ends."""

    chrome: set[int]
    score: int | None
    body_end: int
    up_down: tuple[int, int] | None = None


def _furniture(lines: Sequence[Line], body: int, end: int) -> Furniture:
    """The furniture of a comment's region [body, end): its action row, the votes beside
    it and the short lines after it; with the score and where the body ends. Two counts on
    lines of their own between stacked action rows ('Reply', '24', '1', 'Share') are the
    likes and dislikes of the buttons they stand beside."""
    row = _actions(lines, body, end)
    if row is None:
        return Furniture(set(), None, end)
    chrome = {lines[row].index}
    score = None
    counts = re.findall(r"[+−–-]?\d{1,6}", REPLY_COUNT.sub("", lines[row].text))
    if len(counts) == 1:
        score = shown_count(counts[0].replace("–", "-"))
    first = row  # the action rows stacked one a line ('Reply', 'Share'), the last found
    between: list[int] = []
    while (above := _previous(lines, first, body)) is not None:
        if is_action_row(lines[above].text) or SEPARATOR.match(lines[above].text):
            first = above
            chrome.add(lines[first].index)
            continue
        run: list[int] = []
        probe: int | None = above
        while probe is not None and len(run) < 2 and BARE_COUNT.match(lines[probe].text):
            run.append(probe)
            probe = _previous(lines, probe, body)
        if not run or probe is None or not is_action_row(lines[probe].text):
            break
        between = run[::-1] + between
        chrome.update(lines[at].index for at in run)
        first = probe
        chrome.add(lines[first].index)
    up_down = None
    if len(between) == 2:
        up, down = (shown_count(lines[at].text) for at in between)
        up_down = (up, down)
    elif len(between) == 1:
        score = shown_count(lines[between[0]].text)
    for near in (next_content(lines, row, end), _previous(lines, first, body)):
        if near is not None and (votes := VOTES_ROW.match(lines[near].text)) is not None:
            chrome.add(lines[near].index)
            score = shown_count(votes.group("n").replace("–", "-"))
    for at in range(row + 1, end):
        if not lines[at].is_blank and len(lines[at].text) <= MAX_REACTION_CHARS:
            chrome.add(lines[at].index)
    body_end = min([at for at in range(body, end) if lines[at].index in chrome] or [end])
    if up_down is not None:
        score = None
    return Furniture(chrome, score, body_end, up_down)


def _previous(lines: Sequence[Line], position: int, low: int) -> int | None:
    for at in range(position - 1, low - 1, -1):
        if not lines[at].is_blank:
            return at
    return None


def _name(text: str) -> str:
    """The author a header's name line shows: the name of a one-line header, the username
    of a name with a user title glued on ('tanya_nnCoordinator'), else the line without
    a role badge after it ('Anna K. MOD')."""
    inline = _inline(text)
    if inline is not None:
        return inline[0]
    if text and GLUE_POINT.search(text.split()[0]):
        name, flair = split_flair(text)
        if name and flair and name.islower():  # a handle; 'Tamsin_Ward' is a name
            return name
    return without_badge(text)


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """Every comment's header, the page read once."""
    found = _headers(lines)
    hits = {hit.position: hit for hit in found}
    named = _first_named(lines, found)
    ends = [*starts[1:], len(lines)]
    return [
        _header(lines, found, named, hits.get(at), at, end)
        for at, end in zip(starts, ends, strict=True)
    ]


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    found = _headers(lines)
    hit = next((h for h in found if h.position == position), None)
    return _header(lines, found, _first_named(lines, found), hit, position, end)


def _header(
    lines: Sequence[Line],
    found: Sequence[Found],
    first_named: dict[str, int],
    hit: Found | None,
    position: int,
    end: int,
) -> Header:
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=lines[position].indent)
    body = position + hit.n_lines
    furniture = _furniture(lines, body, end)
    chrome, body_end = furniture.chrome, furniture.body_end
    up, down = furniture.up_down or (None, None)
    dated = find_date(hit.stamp)
    author, answered = _name_pair(lines, first_named, hit)
    return Header(
        author=author,
        n_lines=hit.n_lines,
        nesting=lines[position].indent,
        score=hit.score if hit.score is not None else furniture.score,
        upvotes=up,
        downvotes=down,
        edited=hit.edited,
        age=None if dated else hit.stamp,
        published=hit.stamp if dated else None,
        number=hit.number,
        reply_to=answered
        or _named_below(lines, first_named, hit, author)
        or _handle_reply(lines, found, hit, end),
        chrome_lines=frozenset(chrome),
        quote_lines=frozenset(quoted_lines(lines, body, body_end, ATTRIBUTION)),
    )


NAME_PAIR = re.compile(r"^(?P<name>\S.*?\S|\S)(?:\s{2,}|\s+[›»▸→↪]\s+)(?P<to>\S.*)$")
"""A name line that names a second commenter after a wide gap or an arrow ('Tamsin_Ward
OkaRiverside', 'anna › boris'): the comment replies to that commenter."""


def _first_named(lines: Sequence[Line], found: Sequence[Found]) -> dict[str, int]:
    """Every name a header line may show as its author (the whole line's name, or the
    first of a pair), with the position of the first header that shows it."""
    first: dict[str, int] = {}
    for hit in reversed(found):
        name = _name(lines[hit.position].text)
        first[name] = hit.position
        if (pair := NAME_PAIR.match(name)) is not None:
            first[pair.group("name")] = hit.position
    return first


def _name_pair(
    lines: Sequence[Line], first_named: dict[str, int], hit: Found
) -> tuple[str, str | None]:
    """The author of a header's name line, and the commenter it replies to where the line
    names, after its author, exactly the author of an earlier header."""
    name = _name(lines[hit.position].text)
    pair = NAME_PAIR.match(name)
    if pair is None:
        return name, None
    answered = pair.group("to")
    if first_named.get(answered, hit.position) < hit.position:
        return pair.group("name"), answered
    return name, None


def _named_below(
    lines: Sequence[Line], first_named: dict[str, int], hit: Found, author: str
) -> str | None:
    """The commenter a header names on a line of its own between its name and its stamp,
    exactly as an earlier header shows its author (Disqus and Discourse print whom a
    comment answers there): the comment replies to that commenter."""
    for at in range(hit.position + 1, hit.position + hit.n_lines):
        text = lines[at].text
        if text != author and first_named.get(text, hit.position) < hit.position:
            return text
    return None


def _handle_reply(
    lines: Sequence[Line], found: Sequence[Found], hit: Found, end: int
) -> str | None:
    """The author of the earlier comment whose handle the body opens with ('@name@instance
    …'), where headers show handles."""
    first = next_content(lines, hit.position + hit.n_lines - 1, end)
    if first is None or hit.handle is None:
        return None
    handle = lines[first].text.split()[0].lstrip("@").rstrip(",:").casefold()
    for earlier in reversed([h for h in found if h.position < hit.position]):
        if earlier.handle is not None and earlier.handle.casefold() == handle:
            return _name(lines[earlier.position].text)
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head where the first header opens the thread (or an opening
    status, or a link aggregator's post with its 'submitted … by' byline); a later page's
    stub head where no prose stands above the first comment; None above an article."""
    found = _headers_in(lines)
    if found:
        hit = found[-1]
        body = hit.position + hit.n_lines
        body_end = _furniture(lines, body, len(lines)).body_end
        dated = find_date(hit.stamp)
        hint = _title(lines[: hit.position])
        below = None if hint else title_below(lines, body, body_end)
        n_lines = hit.n_lines if below is None else below[1] - hit.position
        opening = Opening(
            position=hit.position,
            n_lines=n_lines,
            author=_name(lines[hit.position].text),
            published=hit.stamp if dated else None,
            body_end=body_end,
            subject=below[0] if below else None,
        )
        quotes = quoted_lines(lines, hit.position + n_lines, body_end, ATTRIBUTION)
        return opening_head(lines, opening, is_chrome, quotes, title_hint=hint)
    status = status_head(lines)
    if status is not None:
        return status
    if any(POSTED_BY.match(line.text) for line in lines):
        return stacked_post(lines)  # a link aggregator's post: title, byline, text
    if has_text(lines):
        return None
    return stub_head(lines, is_chrome, _title(lines))


def _title(top: Sequence[Line]) -> str | None:
    return topic_title(top, is_action_row)


def status_head(lines: Sequence[Line]) -> PostHead | None:
    """The head of an opening status that prints its stamp under its text (a fediverse
    post): a name line over its '@handle' line, the text, then the stamp line; every other
    line of the region is furniture. None when the region shows no such status."""
    for at in range(len(lines) - 1):
        if not (_is_name(lines[at].text) and HANDLE.match(lines[at + 1].text)):
            continue
        stamp = next(
            (i for i in range(at + 2, len(lines)) if _stamp(lines[i].text) is not None), None
        )
        if stamp is None or not has_text(lines[at + 2 : stamp]):
            continue
        core = _stamp(lines[stamp].text) or ""
        meta = {lines[at].index, lines[at + 1].index, lines[stamp].index}
        body = {line.index for line in lines[at + 2 : stamp]}
        return post_head(
            title=None,
            title_lines=(),
            author=lines[at].text,
            published=core if find_date(core) else None,
            meta_lines=meta,
            chrome_lines=content_indices(lines) - body - meta,
        )
    return None


def _headers_in(lines: Sequence[Line]) -> list[Found]:
    """Headers of a region that holds one post (the opening post above the comments)."""
    return [hit for hit in _scan(lines) if _actions(lines, hit.position + hit.n_lines, len(lines))]
