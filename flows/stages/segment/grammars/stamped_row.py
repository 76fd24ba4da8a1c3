"""Forum pages that print each post's header as one row of cells: a name, a stamp with a
time of day, and the board's fixed words and counts around them (printable views, IPB,
UBB.classic, question-and-answer boards and their like), found from repetition alone.

One post::

    [Re: <subject>]         the reply's subject over its header
    [<caption>]             an avatar's caption over the name
    [<name>]                a name line above the row, where the row repeats the name
    [<profile lines>]       short lines between that name and the row (rank, member number,
                            'Label: value' lines)
    <row>                   name, stamp and cells on one line: 'name   Posted: Mar 14 2006,
                            10:12 AM   Quote Post', 'name -> RE: subject (9/14/2021 8:02 AM)',
                            '+8  [03.09.2024 19:41] name  Rating 12.5'
    [<Label: value>]        a profile block right under the row ('Group: Members',
                            'Posts: 212'): furniture
    <body>                  to the next post's header
    [<poster's block>]      the name or an avatar's caption, a rank and 'Label: value'
                            lines under the text ('Posts: 310', 'Joined: <date>'): furniture

The rows are :func:`..shapes.stamped_rows`: lines of one shape
(:func:`..shapes.row_key`) with times of day that differ. A row's name is its
first run of words that the rows do not all share (the board's fixed words are in every
row; a date's words are the stamp's), one to three words. A page is a thread when three
rows or more show two names or more and a date each, run oldest first, no row is a
sentence and text stands under each row: a line ending in a colon introduces what
follows (a quote's attribution, 'On <stamp> name wrote:') and is no row; an article's
timeline of stamped sentences, a transcript's speaker stamps and a listing's or an
archive's newest-first rows are none.

The first row opens the thread where the page is its first page and no running text
stands above it; the rest are flat replies. Rows under running text are comments under an
article. A later page gives a stub.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from flows.stages.segment.grammars._common import (
    AVATAR_LABEL,
    JUMP_MARK,
    PROFILE_STAMP,
    QUOTE_ATTRIBUTION,
    Opening,
    content_indices,
    has_article,
    is_prose,
    opening_head,
    page_number,
    quoted_lines,
    stub_head,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import REPLY_PREFIX, TAXONOMY_CELL, find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.shapes import TIME_OF_DAY, row_key, stamped_rows
from flows.stages.segment.threads import Header

NAME = "stamped_row"
GENERIC = True

MIN_ROWS = 3
MIN_NAMES = 2
MAX_NAME_WORDS = 3
MAX_NAME_CHARS = 40
MAX_PROFILE_SCAN = 10
"""How many lines under a name its profile lines may fill (a rank, 'Posts: 94'); under a
row, blank lines aside."""
MAX_NUMBERED_ROW_CHARS = 60
MAX_NAME_ABOVE = 4
"""How many content lines above a row its name line may stand (rank, member number)."""

_WORD = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+")
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w.\-']{0,39}$|^[\w][\w.\-]{0,39}$")
_MERIDIEM = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m"})
_EDGE = "()[]{}<>,;:|\"'«»"
INITIAL = re.compile(r"\s[^\W\d_]\.$")
"""A name's closing initial ('Olga V.'): its period ends no sentence."""
PROFILE_LINE = re.compile(r"^[^\W\d][\w .#№/\-]{0,24}:\s*\S.{0,40}$")
"""A profile block's 'Label: value' line ('Group: Members', 'Member No.: 2214',
'Пользователь №: 4 512')."""
MIN_PROFILE_LINES = 2
MIN_SUBJECT_WORDS = 3
MAX_SUBJECT_CHARS = 200
MAX_SUBJECT_LINES = 40
"""How many content lines from the page top may show the topic title the row repeats."""
NUMBERED = re.compile(r"^\s*#?\d{1,5}\.?\s+(?=\D)")
"""A post's number before its subject line ('2 Re: <subject>', '#3 <subject>')."""
POST_NUMBER = re.compile(r"#\s?(\d{1,7})\b")
"""A post's number on its row ('#82', 'Post #82')."""
IN_ROW_REPLY = re.compile(r"(?<=\s)(?:re|ответ)\s*:\s*", re.IGNORECASE)
"""A reply's subject within a row ('#38815 - 06/26/20 10:02 PM Re: <subject>') or after a
label ('Post subject: Re: <subject>')."""
SUBJECT_TAIL = re.compile(r"\s*\[[^\]]{1,60}\]$")
"""What a subject may end with besides the title: '[Re: name]'."""
RATING = re.compile(r"^[+\-−]\d{1,6}$|^0$")
"""A rating cell: a signed count, or a zero (a post number is never one)."""
WROTE = re.compile(
    rf"^(?:quote:?|ORIGINAL:\s*\S.{{0,40}}|\S.{{0,40}}\s+wrote:{JUMP_MARK})$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Row:
    """One post's header: where it starts (its name line or its row), the row's line, the
    name and the stamp it shows."""

    start: int
    row: int
    author: str | None
    published: str | None
    name_below: int | None = None
    """The name's own line under the row, where the row names nobody."""
    profile_under: bool = False
    """Whether the row names nobody and the poster's profile lines stand under it, the
    name on the line above it (:func:`_names_above`) or nowhere (:func:`_profiled_rows`)."""

    @property
    def last(self) -> int:
        """The header's last line: the name under the row, else the row."""
        return self.name_below if self.name_below is not None else self.row


def _stamp_span(text: str) -> tuple[int, int] | None:
    found = find_date(text)
    if found is None:
        return None
    at = text.find(found[0])
    return (at, at + len(found[0])) if at >= 0 else None


def _cells(text: str) -> list[tuple[str, bool]]:
    """The row's words, each with whether it is part of its stamp (the date's words, a
    time of day and the 'am'/'pm' after it)."""
    span = _stamp_span(text)
    words: list[tuple[str, bool]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        in_stamp = (
            (span is not None and match.start() < span[1] and match.end() > span[0])
            or (":" in word and TIME_OF_DAY.search(word) is not None)
            or (bool(words) and words[-1][1] and word.strip(_EDGE).casefold() in _MERIDIEM)
        )
        words.append((word, in_stamp))
    return words


def _name(words: Sequence[tuple[str, bool]], shared: set[str]) -> str | None:
    """The first run of name-shaped words the rows do not all share, outside the stamp."""
    run: list[str] = []
    for word, in_stamp in words:
        bare = word.strip(_EDGE)
        fits = (
            not in_stamp
            and bare
            and bare.casefold() not in shared
            and any(char.isalpha() for char in bare)
            and _NAME_TOKEN.match(bare) is not None
            and bare == word.rstrip(",")
        )
        if fits:
            run.append(bare)
            continue
        if run:
            break
    if not run or len(run) > MAX_NAME_WORDS:
        return None
    return " ".join(run)


def _name_line(lines: Sequence[Line], row: int, name: str, floor: int) -> int:
    """The line above the row that shows only its name (profile lines between: a rank,
    'Label: value' lines, which do not count toward `MAX_NAME_ABOVE`), or the avatar's
    caption over that name ('avatar'), else the row."""
    seen = 0
    at = row - 1
    while at >= floor and seen < MAX_NAME_ABOVE:
        line = lines[at]
        if not line.is_blank:
            if line.text == name:
                over = at - 1
                while over >= floor and lines[over].is_blank:
                    over -= 1
                caption = over >= floor and AVATAR_LABEL.match(lines[over].text.strip())
                return over if caption else at
            labelled = PROFILE_LINE.match(line.text.strip()) is not None
            if is_prose(line.text) and not labelled:
                return row
            seen += not labelled
        at -= 1
    return row


def _subject_line(lines: Sequence[Line], start: int, floor: int) -> int:
    """The reply's subject line right over the header at `start` ('Re: <title>'), where
    there is one: the header's first line; else `start`."""
    above = start - 1
    while above >= floor and lines[above].is_blank:
        above -= 1
    if above < floor:
        return start
    text = lines[above].text.strip()
    if REPLY_PREFIX.match(text) and len(text) <= MAX_SUBJECT_CHARS:
        return above
    return start


def rows(lines: Sequence[Line], below: bool = False) -> list[Row]:
    """The page's post rows, or none where the page shows no thread's evidence: the rows of
    the most frequent shape that shows it (a profile's dated 'Joined:' line or a quote's
    stamp may repeat more often than the posts' own rows)."""
    position = {line.index: at for at, line in enumerate(lines)}
    found = sorted(
        position[index]
        for index in stamped_rows(lines)
        if index in position
        and not _introduces(lines[position[index]].text)
        and not TAXONOMY_CELL.search(lines[position[index]].text)  # a post's meta row
    )
    by_key: dict[str, list[int]] = {}
    for at in found:
        if not PROFILE_STAMP.match(lines[at].text.strip()):  # a member's date: no post row
            by_key.setdefault(row_key(lines[at].text), []).append(at)
    groups = sorted(by_key.values(), key=len, reverse=True)
    groups.extend(_by_first_word(lines, groups))
    if below:
        groups.extend(_numbered_rows(lines))
    for picked in groups:
        read = _read_rows(lines, picked, below)
        if read:
            return read
    return []


def _introduces(text: str) -> bool:
    """Whether a stamped line introduces what follows, so heads no post: it ends in a colon
    ('On <stamp> name wrote:') or is a quote's attribution ('QUOTE (name @ <stamp>)')."""
    return text.rstrip().endswith(":") or QUOTE_ATTRIBUTION.match(text.strip()) is not None


def _by_first_word(lines: Sequence[Line], groups: Sequence[Sequence[int]]) -> list[list[int]]:
    """The rows of each shape that open with the same word, where a shape's rows open with
    more than one ('PostPosted: <stamp>' under a page top's 'It is currently <stamp>'),
    the largest first: asked after the shapes themselves."""
    split: list[list[int]] = []
    for group in groups:
        by_word: dict[str, list[int]] = {}
        for at in group:
            by_word.setdefault(lines[at].text.split()[0].casefold(), []).append(at)
        if len(by_word) > 1:
            split.extend(found for found in by_word.values() if len(found) >= MIN_ROWS)
    return sorted(split, key=len, reverse=True)


def _numbered_rows(lines: Sequence[Line]) -> list[list[int]]:
    """Rows of one shape with a date but no time of day, each numbering its post in a run
    ('Old March 3rd, 2019 #221', '#222', ...): a board's post rows as well."""
    by_key: dict[str, list[tuple[int, int]]] = {}
    for at, line in enumerate(lines):
        text = line.text.strip()
        if line.is_blank or len(text) > MAX_NUMBERED_ROW_CHARS or ends_sentence(text):
            continue
        numbers = POST_NUMBER.findall(text)
        if len(numbers) == 1 and find_date(text) is not None:
            by_key.setdefault(row_key(text), []).append((at, int(numbers[0])))
    return [
        [at for at, _ in found]
        for found in by_key.values()
        if len(found) >= MIN_ROWS
        and all(later == earlier + 1 for (_, earlier), (_, later) in pairwise(found))
    ]


def _read_rows(lines: Sequence[Line], picked: Sequence[int], below: bool) -> list[Row]:
    """The posts the rows of one shape `picked` head, or none where they show no thread's
    evidence; where the rows name nobody, the names on the lines under them when `below`
    (:func:`_names_below`)."""
    if len(picked) < MIN_ROWS or any(ends_sentence(lines[at].text) for at in picked):
        return []
    cells = [_cells(lines[at].text) for at in picked]
    counts: Counter[str] = Counter()
    for words in cells:
        counts.update({word.strip(_EDGE).casefold() for word, in_stamp in words if not in_stamp})
    shared = {word for word, count in counts.items() if count == len(picked)}
    names = [_name(words, shared) for words in cells]
    under: list[int | None] = [None] * len(picked)
    profiled = False
    if len({name for name in names if name}) < MIN_NAMES:
        under = _names_below(lines, picked) if below else under
        names = [lines[at].text.strip() if at is not None else None for at in under]
        if below and len({name for name in names if name}) < MIN_NAMES:
            names = _names_above(lines, picked)
            profiled = bool(names) or _profiled_rows(lines, picked)
            names = names or [None] * len(picked)
        if len({name for name in names if name}) < MIN_NAMES and not profiled:
            return []
    stamps = [find_date(lines[at].text) for at in picked]
    if any(stamp is None for stamp in stamps) or _descending(stamps):
        return []
    found_rows: list[Row] = []
    floor = 0
    for at, name, name_below, stamp in zip(picked, names, under, stamps, strict=True):
        start = _name_line(lines, at, name, floor) if name and name_below is None else at
        start = _subject_line(lines, start, floor)
        found_rows.append(
            Row(start, at, name, stamp[0] if stamp else None, name_below, profile_under=profiled)
        )
        floor = at + 1
    ends = [row.start for row in found_rows[1:]] + [len(lines)]
    for row, end in zip(found_rows, ends, strict=True):
        if not any(is_prose(line.text) for line in lines[row.last + 1 : end] if not line.is_blank):
            return []
    return found_rows


def _names_below(lines: Sequence[Line], picked: Sequence[int]) -> list[int | None]:
    """The name lines under rows that name nobody ('#2 <stamp>', 'Old <stamp> #221'): the
    first line under each row where it is name-shaped, none where the rows show no
    poster's block under them. A block counts when a name posts twice, or when a label
    of the profile lines under the names ('Posts:', 'Registered:') recurs under every
    one; a list of stamped items with a short line under each shows neither."""
    ends = [*picked[1:], len(lines)]
    found: list[int | None] = []
    labels: Counter[str] = Counter()
    for at, end in zip(picked, ends, strict=True):
        under = next((p for p in range(at + 1, end) if not lines[p].is_blank), None)
        if under is None or not _is_name_line(lines[under].text):
            found.append(None)
            continue
        found.append(under)
        labels.update(_profile_labels(lines, under + 1, end))
    names = Counter(lines[at].text.strip() for at in found if at is not None)
    if len(names) < MIN_NAMES or None in found:
        return [None] * len(picked)
    profiled = any(count == len(picked) for count in labels.values())
    return found if profiled or max(names.values()) >= 2 else [None] * len(picked)


def _names_above(lines: Sequence[Line], picked: Sequence[int]) -> list[str | None]:
    """The names on the lines right over rows that name nobody ('Olga_K' over 'posted
    <stamp>', a printable view's 'Olga_K' over 'Sep 21 2021, 11:05 PM'), where each row
    has one, two names or more, and a label of the profile lines under the rows
    ('Group:', 'Posts:') recurs under every one or a name posts twice (as under
    :func:`_names_below`); else none."""
    ends = [*picked[1:], len(lines)]
    names: list[str | None] = []
    labels: Counter[str] = Counter()
    floor = 0
    for at, end in zip(picked, ends, strict=True):
        above = next((p for p in range(at - 1, floor - 1, -1) if not lines[p].is_blank), None)
        if above is None or not _is_name_line(lines[above].text):
            return []
        names.append(lines[above].text.strip())
        labels.update(_profile_labels(lines, at + 1, end))
        floor = at + 1
    counted = Counter(names)
    if len(counted) < MIN_NAMES:
        return []
    profiled = any(count == len(picked) for count in labels.values())
    return names if profiled or max(counted.values()) >= 2 else []


def _profiled_rows(lines: Sequence[Line], picked: Sequence[int]) -> bool:
    """Whether every row shows a poster's block under it that names nobody (a board that
    prints no name, or one the scraper lost): `MIN_PROFILE_LINES` labels or more recur
    under every row, a member's date among them ('Joined: <date>', 'Posts: 212'), as no
    listing's fields do."""
    ends = [*picked[1:], len(lines)]
    labels: Counter[str] = Counter()
    dated = 0
    for at, end in zip(picked, ends, strict=True):
        found = _profile_labels(lines, at + 1, end)
        labels.update(found)
        dated += any(PROFILE_STAMP.match(label) for label in found)
    recurring = sum(count == len(picked) for count in labels.values())
    return recurring >= MIN_PROFILE_LINES and dated == len(picked)


def _is_name_line(text: str) -> bool:
    """A line that shows only a name: one to three name-shaped words, no sentence (an
    initial's period aside: 'Olga V.'), no bare count ('27 Posts')."""
    words = text.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and len(text.strip()) <= MAX_NAME_CHARS
        and (not ends_sentence(text) or INITIAL.search(text) is not None)
        and all(_NAME_TOKEN.match(word) is not None and not word.isdigit() for word in words)
        and any(char.isalpha() for char in text)
    )


def _profile_labels(lines: Sequence[Line], start: int, end: int) -> set[str]:
    """The labels of the profile lines under a name ('Posts: 94' -> 'posts'), up to the
    first line of running text."""
    labels: set[str] = set()
    for line in lines[start : min(end, start + MAX_PROFILE_SCAN)]:
        if line.is_blank:
            continue
        if PROFILE_LINE.match(line.text) is not None:
            labels.add(line.text.split(":", 1)[0].strip().casefold())
        elif is_prose(line.text):
            break
    return labels


def _descending(stamps: Sequence[tuple[str, str | None] | None]) -> bool:
    """Whether the rows' dates run newest first somewhere (a listing's or an archive's
    order; a thread's posts run oldest first)."""
    dates = [stamp[1] for stamp in stamps if stamp is not None and stamp[1]]
    return any(later < earlier for earlier, later in pairwise(dates))


def _opens_topic(lines: Sequence[Line]) -> bool:
    page = page_number(lines)
    return page is None or page <= 1


def _under_text(lines: Sequence[Line], found: Sequence[Row]) -> bool:
    """Whether an article's running text stands above the first row (:func:`has_article`):
    the rows are comments under it; not where the line over the first row is the subject
    later posts answer ('Re: <subject>'), the opening post's own (a board's blurb in the
    page top is no article)."""
    above = lines[: found[0].start]
    return has_article(above) and not _answered_subject(lines, found[0].start)


def _answered_subject(lines: Sequence[Line], start: int) -> bool:
    """Whether the last line above `start` is a subject that a later line answers, each
    after the post's number where the page prints one ('1 <subject>', '2 Re: <subject>')."""
    above = next((line for line in reversed(lines[:start]) if not line.is_blank), None)
    if above is None:
        return False
    subject = " ".join(NUMBERED.sub("", above.text).split()).casefold()
    replies = (NUMBERED.sub("", line.text) for line in lines[start:])
    return any(
        " ".join(REPLY_PREFIX.sub("", text, count=1).split()).casefold() == subject
        for text in replies
        if REPLY_PREFIX.match(text)
    )


def find_starts(lines: Sequence[Line]) -> list[int]:
    return read_starts(lines, rows(lines))


def read_starts(lines: Sequence[Line], found: Sequence[Row]) -> list[int]:
    """Where the replies headed by the rows `found` begin."""
    if not found:
        return []
    return [row.start for row in _replies(lines, found)]


def _replies(lines: Sequence[Line], found: Sequence[Row]) -> Sequence[Row]:
    """The rows that head replies: all but the first where it opens the topic (a first
    page, no running text above it, no later post number on it)."""
    opens = (
        _opens_topic(lines) and not _under_text(lines, found) and not _numbered_later(lines, found)
    )
    return found[1:] if opens else found


def _numbered_later(lines: Sequence[Line], found: Sequence[Row]) -> bool:
    """Whether the rows number their posts in a run that begins after the first ('Post
    #81', '#82', ...): the page is a later one of its topic. A post id that skips ('#38811',
    '#38815') is no such run."""
    numbers = [POST_NUMBER.findall(lines[row.row].text) for row in found]
    if any(len(found_numbers) != 1 for found_numbers in numbers):
        return False
    run = [int(found_numbers[0]) for found_numbers in numbers]
    return run[0] > 1 and all(later == earlier + 1 for earlier, later in pairwise(run))


def _profile_end(lines: Sequence[Line], start: int, end: int, under_name: bool = False) -> int:
    """Where the body begins under a row: after a profile block of 'Label: value' lines;
    under a name of its own line (`under_name`), after its last 'Label: value' line among
    the short lines that stand between the name and the running text (a rank, 'Offline')."""
    if under_name:
        last = start
        seen = 0
        for at in range(start, end):
            text = lines[at].text
            if lines[at].is_blank:
                continue
            seen += 1
            if seen > MAX_PROFILE_SCAN:
                break
            if PROFILE_LINE.match(text) is not None:
                last = at + 1
            elif is_prose(text):
                break
        return last
    at = start
    while at < end and lines[at].is_blank:
        at += 1
    block = at
    while block < end and PROFILE_LINE.match(lines[block].text) is not None:
        block += 1
    return block if block - at >= MIN_PROFILE_LINES else start


def _shape(text: str) -> str:
    return _DIGITS.sub("0", " ".join(text.casefold().split()))


def closings(lines: Sequence[Line], found: Sequence[Row]) -> frozenset[int]:
    """The lines that close posts the same way: a line every post but the last ends with
    (the same words, counts aside: 'Top   Profile   PM'), wherever it stands under a row,
    and a profile row of 'Label: value' cells between bars ('Posts: 212 | From: Tver');
    below the last post's closing line, the page's footer."""
    ends = [row.start for row in found[1:]] + [len(lines)]
    tails: Counter[str] = Counter()
    for row, end in zip(found[:-1], ends[:-1], strict=True):
        last = next(
            (line for line in reversed(lines[row.last + 1 : end]) if not line.is_blank), None
        )
        if last is not None and not ends_sentence(last.text):
            tails[_shape(last.text)] += 1
    shared = {shape for shape, count in tails.items() if count >= max(2, len(found) - 2)}
    closing: set[int] = set()
    last_close: int | None = None
    for row, end in zip(found, ends, strict=True):
        for at in range(row.last + 1, end):
            line = lines[at]
            if not line.is_blank and (_shape(line.text) in shared or _is_profile_row(line.text)):
                closing.add(line.index)
                last_close = at
    if last_close is not None and last_close > found[-1].row:
        closing.update(content_indices(lines[last_close:]))
    for at, (row, end) in enumerate(zip(found, ends, strict=True)):
        block = _profile_below(lines, row, end, at == len(found) - 1)
        if block is not None:
            closing.update(content_indices(lines[block:end]))
    return frozenset(closing)


def _profile_below(lines: Sequence[Line], row: Row, end: int, last: bool) -> int | None:
    """Where the poster's block under a post's text begins: the short lines after its last
    line of running text (the name, an avatar's caption, a rank), `MIN_PROFILE_LINES` of
    them 'Label: value' lines or more ('Posts: 310', 'Joined: <date>', 'Location: Omsk'),
    to the post's end; under the `last` post the page's footer follows the block. None
    where there is none."""
    seen_text = False
    block: int | None = None
    labelled = 0
    for at in range(row.last + 1, end):
        if lines[at].is_blank:
            continue
        text = lines[at].text.strip()
        label = PROFILE_LINE.match(text) is not None
        if not label and is_prose(text):
            if last and block is not None and labelled >= MIN_PROFILE_LINES:
                return block
            seen_text, block, labelled = True, None, 0
            continue
        if seen_text and block is None:
            block = at
        labelled += label
    return block if block is not None and labelled >= MIN_PROFILE_LINES else None


def _is_profile_row(text: str) -> bool:
    if "|" not in text:
        return False
    cells = [cell.strip() for cell in text.split("|")]
    return len(cells) >= MIN_PROFILE_LINES and all(
        PROFILE_LINE.match(cell) is not None for cell in cells if cell
    )


def _quoted(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """The quoted lines of a post's region: under this module's attributions ('ORIGINAL:
    name') and under those most forum software prints (:data:`QUOTE_ATTRIBUTION`)."""
    return quoted_lines(lines, start, end, WROTE) | quoted_lines(
        lines, start, end, QUOTE_ATTRIBUTION
    )


def _attributions(region: Sequence[Line]) -> set[int]:
    """The quotes' attribution lines of a post's region ('name wrote:', 'ORIGINAL: name'):
    furniture, like the software's other words."""
    return {
        line.index
        for line in region
        if WROTE.match(line.text.strip()) or QUOTE_ATTRIBUTION.match(line.text.strip())
    }


def _rating(row: str) -> int | None:
    """The score a row opens with, a count signed or zero ('+7  #1 name <stamp>'), else
    None."""
    first = row.split(maxsplit=1)[0] if row.strip() else ""
    return int(first.replace("−", "-")) if RATING.match(first) else None


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    return read_headers(lines, starts, rows(lines))


def read_headers(lines: Sequence[Line], starts: Sequence[int], page: Sequence[Row]) -> list[Header]:
    """The headers at `starts` of the posts the rows `page` head."""
    found = {row.start: row for row in page}
    closing = closings(lines, page)
    headers = []
    ends = [*starts[1:], len(lines)]
    for start, end in zip(starts, ends, strict=True):
        row = found.get(start)
        if row is None:
            headers.append(Header(author=None, n_lines=1, nesting=0))
            continue
        body = row.last + 1
        profile = _profile_end(lines, body, end, row.name_below is not None or row.profile_under)
        headers.append(
            Header(
                author=row.author,
                n_lines=row.last - row.start + 1,
                nesting=0,
                published=row.published,
                score=_rating(lines[row.row].text),
                chrome_lines=frozenset(
                    content_indices(lines[body:profile])
                    | {line.index for line in lines[body:end] if line.index in closing}
                    | _attributions(lines[profile:end])
                ),
                quote_lines=frozenset(_quoted(lines, profile, end)),
            )
        )
    return headers


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    return parse_headers(lines, [position])[0]


def page_post(page: Sequence[Line], starts: Sequence[int]) -> PostHead | None:
    """The opening post's head where the first row opens the thread (its author and date,
    the title line above it), else a later page's stub."""
    return read_post(page, starts, rows(page))


def read_post(page: Sequence[Line], starts: Sequence[int], found: Sequence[Row]) -> PostHead | None:
    """The opening post's head (:func:`page_post`) of the posts the rows `found` head."""
    top = page[: starts[0]] if starts else page
    if found and _under_text(page, found):
        return None
    if not found or not _opens_topic(page) or _numbered_later(page, found):
        return stub_head(top, _no_chrome, _reply_subject(page, found) if found else None)
    first = found[0]
    profile = _profile_end(
        top, first.last + 1, len(top), first.name_below is not None or first.profile_under
    )
    opening = Opening(
        first.start, first.last - first.start + 1, first.author, first.published, len(top)
    )
    quotes = _quoted(top, profile, len(top))
    answered = _reply_subject(page, found)
    head = opening_head(top, opening, _no_chrome, quotes, answered)
    if answered is not None and not head.title_lines:
        head = dataclasses.replace(head, title=answered)
    closing = closings(page, found)
    furniture = (
        content_indices(top[first.last + 1 : profile])
        | _attributions(top[profile:])
        | {line.index for line in top[first.last + 1 :] if line.index in closing}
    )
    head = dataclasses.replace(head, chrome_lines=head.chrome_lines | furniture)
    subject = _row_subject(top[: first.start], top[first.row].text)
    if subject is None:
        return head
    line, title = subject
    return dataclasses.replace(
        head,
        title=title,
        title_lines=frozenset({line.index}),
        chrome_lines=(head.chrome_lines | head.title_lines) - {line.index},
    )


def _reply_subject(lines: Sequence[Line], found: Sequence[Row]) -> str | None:
    """The topic's title as the replies' subjects show it ('Re: <title>', on a line of its
    own, after a label ('Post subject: Re: <title>') or at the end of a row, a '[Re: name]'
    after it aside), where two of them or more agree."""
    subjects: Counter[str] = Counter()
    for line in lines[found[0].start :]:
        text = line.text.strip()
        match = REPLY_PREFIX.match(text) or IN_ROW_REPLY.search(text)
        if match is None or ends_sentence(text):
            continue
        subject = " ".join(SUBJECT_TAIL.sub("", text[match.end() :]).split())
        if len(subject.split()) >= MIN_SUBJECT_WORDS - 1:
            subjects[subject] += 1
    best = subjects.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None


def _row_subject(top: Sequence[Line], row: str) -> tuple[Line, str] | None:
    """The topic title where the opening row repeats it ('name -> Subject (<stamp>)') and
    a line above begins with it ('Subject (Full Version)'): that line and the words it
    shares with the row, ``MIN_SUBJECT_WORDS`` at least."""
    padded = f" {' '.join(row.split())} "
    for line in [line for line in top if not line.is_blank][:MAX_SUBJECT_LINES]:
        words = line.text.split()
        for size in range(len(words) - 1, MIN_SUBJECT_WORDS - 1, -1):
            prefix = " ".join(words[:size])
            if f" {prefix} " in padded:
                return line, prefix
    return None


def _no_chrome(line: Line) -> bool:
    return False
