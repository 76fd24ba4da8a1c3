"""Forum posts of software no other grammar knows, read by the slots every post header
fills: a name, the poster's profile, a subject and a stamp.

One post::

    [<number>]                  the post's number on a line of its own ('#2')
    <name>                      a name: one to three words, no sentence, no label
    [<profile lines>]           short lines: a rank, stars, 'Offline', 'Posts: 388', a
                                place, '( )', the name again (an avatar's caption); blank
                                lines between them
    [<subject>]                 'Re: <title>', or the topic title on the opening post
    <stamp>                     a short line with a date ('02/10/2023 09:12:47',
                                '« Reply #1 on: 05/19/15 at 19:42:10 »'), or a row of cells
                                led by one ('Posted: <date>    Post subject: <title>')
    [<subject>]                 (some software prints it under the stamp)
    [<profile lines>]           (some software prints them under the stamp: a rank,
                                'Group: Members', 'Posts: 94', before the running text)
    <body>                      running text; quotes: an attribution ('Quote from <name> on
                                <date>:', '<name> wrote:', 'Quote:') over the quoted line
    [<trailer>]                 short lines that close every post ('Back to top', 'IP Logged')

The shape is common, so the grammar is a last resort (asked only when no front-end's
grammar finds a comment) and the page must show a thread before it counts: three headers or
more, two names at least, running text under every header, and one sign of a
conversation (a name that posts twice, 'Re:' subjects on half the headers, a post's text
naming an earlier poster, or two labelled profile fields in every header: a table of
people, each shown once with a date and a count, is none). A page
whose rows carry headlines (a title line of several words, not 'Re:', in more than one
header) or bylines is a listing, not a thread, and is refused; so is a profile stamp
('Joined: <date>': a member list). A name follows a blank line, or a short line that ends
no sentence and that the page repeats (the links closing the post above) or that stands in
the page top (on a page with no blank line at all, also the end of a sentence, under a
name the page shows once); where both kinds stand over one stamp, the name under the blank
line is the poster's. A line shown in nearly every post's region (a button, a rank) is
never a name. The opening post is the first header when no running text stands above it;
later posts are flat comments. The trailer lines that close two posts or more are
furniture, and so is everything after the last post's text.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    GLUED_QUOTE,
    POST_NUMBER_LINE,
    PROFILE_STAMP,
    QUOTE_ATTRIBUTION,
    REPLY_PREFIX,
    Opening,
    has_text,
    is_prose,
    is_title_like,
    opening_head,
    quoted_lines,
    topic_title,
)
from flows.stages.segment.grammars.stamped_header import is_action_row
from flows.stages.segment.grammars.stamped_row import PROFILE_LINE
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import PRESENCE_WORD, USER_TITLE, find_byline, find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header
from flows.stages.segment.webpage import is_prose as is_paragraph

NAME = "profile_block"
LAST_RESORT = True
EVIDENCE = "posts under profile-block headers"

MAX_NAME_WORDS = 3
MAX_NAME_CHARS = 40
MAX_FIELD_CHARS = 40
MAX_FIELD_WORDS = 5
MAX_FIELDS = 9
"""Profile lines a header may hold between its name and its stamp."""
MAX_BLANKS = 3
"""Blank lines in a row a header may hold (a profile's avatar left blank)."""
MAX_STAMP_CHARS = 80
MAX_STAMP_WORDS = 12
MIN_HEADERS = 3
MIN_HEADLINE_WORDS = 4
MIN_SUBJECT_WORDS = 3
MIN_PROFILE_LINES = 2
"""'Label: value' lines that make the short lines under a stamp a poster's profile."""
"""Words of a subject that the page top must repeat for the header to open the topic."""
MAX_TRAILER_CHARS = 60
MAX_TRAILER_WORDS = 8
LOOKAHEAD = 4
"""Non-blank lines under a header among which its running text must begin."""

NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)")
"""A date in digits ('05/19/15', '02/10/2023'), which a stamp shows with its time."""
NAME_GLYPHS = "@_[~"
"""What a name may begin with besides a letter or a digit; a line opened by another sign
('+Quote post', '» Reply') is a button."""
COLUMN_HEADS = re.compile(r"^(?:author|автор)\s+(?:message|post|сообщение)$", re.IGNORECASE)
"""The heads of the posts table's two columns, printed over the first post's name."""
PRESENCE = re.compile(
    rf"^{PRESENCE_WORD}\s+|\s+(?:is\s+)?(?:{PRESENCE_WORD}|не в сети|в сети|на сайте)$",
    re.IGNORECASE,
)
"""The poster's presence shown beside the name ('Offline volga_reader', 'Olga_K Не в
сети'): no part of it."""
STAMP_NOTE = re.compile(r"^(?P<stamp>[^()]*\d[^()]*?)\s+\((?P<note>[^()]{8,})\)?$")
"""A stamp with a note in brackets after it ('15.11.2023, 08:55 (last edited …)'), the
closing bracket lost where the scraper cut the line."""
CELL_GAP = re.compile(r"\s{3,}|\t")
"""What separates the cells of a row the scraper joined into one line."""
FURNITURE_SHARE = 0.8
"""A text shown in this share of the headers' regions or more is the page's furniture."""
MAX_OPENER_CHARS = 60
"""The longest line a name may stand under without a blank between: a row of the previous
post's links ('Back to top', '+Quote post'), never a line of wrapped text."""


@dataclass(frozen=True, slots=True)
class Found:
    """A header: where it starts, how many lines it takes, its name, stamp and subject."""

    position: int
    n_lines: int
    author: str
    stamp: str
    subject: int | None


def _is_name(text: str) -> bool:
    bare = PRESENCE.sub("", text.strip())
    return (
        0 < len(text) <= MAX_NAME_CHARS
        and 0 < len(bare.split()) <= MAX_NAME_WORDS
        and any(ch.isalpha() for ch in text)
        and (text[0].isalnum() or text[0] in NAME_GLYPHS)
        and ":" not in text
        and not COLUMN_HEADS.match(text)
        and not is_action_row(text)
        and not ends_sentence(text.rstrip("."))
        and not REPLY_PREFIX.match(text)
        and _stamp(text) is None
    )


def _stamp(text: str) -> str | None:
    """The stamp line's text when the line is a post's stamp, else None; in a row of cells
    (runs of spaces or tabs between them: 'Posted: <date>    Post subject: ...  Reply with
    quote') the first cell is read, and before a note in brackets ('<date> (last edited
    …)') the stamp."""
    cell = CELL_GAP.split(text.strip(), maxsplit=1)[0]
    if cell != text.strip():
        return _stamp(cell)
    noted = STAMP_NOTE.match(text)
    if noted is not None:
        return _stamp(noted.group("stamp"))
    if len(text) > MAX_STAMP_CHARS or len(text.split()) > MAX_STAMP_WORDS:
        return None
    if not any(ch.isdigit() for ch in text) or PROFILE_STAMP.match(text):
        return None
    if QUOTE_ATTRIBUTION.match(text.strip()):
        return None  # the quoted post's stamp
    if ends_sentence(text.rstrip("»").strip()) and not text.rstrip().endswith(("»", ")")):
        return None
    if NUMERIC_DATE.search(text) or find_date(text) is not None:
        return text
    return None


def _is_field(text: str) -> bool:
    return (
        len(text) <= MAX_FIELD_CHARS
        and len(text.split()) <= MAX_FIELD_WORDS
        and not ends_sentence(text)
        and not REPLY_PREFIX.match(text)
    )


def _is_subject(text: str) -> bool:
    if QUOTE_ATTRIBUTION.match(text) or GLUED_QUOTE.match(text):
        return False
    return bool(REPLY_PREFIX.match(text)) or (
        is_title_like(text) and not ends_sentence(text.rstrip("?")) and len(text.split()) >= 2
    )


@dataclass(frozen=True, slots=True)
class Page:
    """What the whole page says about its lines: the texts it shows twice or more (the
    rows every post repeats), those it shows over nearly every header (buttons, ranks:
    never a name), where its first running text ends (above it, the page top), and
    whether it has no blank line between two lines of text (a scraper dropped them)."""

    recurring: frozenset[str]
    furniture: frozenset[str]
    top_end: int
    blankless: bool = False


def _page(lines: Sequence[Line], found: Sequence[Found] = ()) -> Page:
    """The page's context (:class:`Page`), its furniture the texts shown in the regions of
    nearly every header `found` (from one header to the next; one region fewer, since a
    header read from a button begins its region after the button's first showing)."""
    counts = Counter(line.text for line in lines if not line.is_blank)
    recurring = frozenset(text for text, count in counts.items() if count >= 2)
    ends = [hit.position for hit in found[1:]] + [len(lines)] if found else []
    shown = Counter(
        text
        for hit, end in zip(found, ends, strict=True)
        for text in {line.text for line in lines[hit.position : end]} & recurring
    )
    limit = max(MIN_HEADERS, math.ceil(FURNITURE_SHARE * (len(found) - 1)))
    furniture = frozenset(text for text, count in shown.items() if count >= limit)
    top_end = bisect.bisect_left(range(len(lines) + 1), True, key=lambda p: has_text(lines[:p]))
    filled = [at for at, line in enumerate(lines) if not line.is_blank]
    blankless = bool(filled) and filled[-1] - filled[0] + 1 == len(filled)
    return Page(recurring, furniture, top_end, blankless)


def _header_at(
    lines: Sequence[Line], position: int, page: Page, present: bool = False
) -> Found | None:
    """The header whose name is at `position`, None when the lines there are none; a name
    shown with the poster's presence (`present`: 'name Offline') or over a user title
    (:func:`_over_title`) may follow any line."""
    line = lines[position]
    if line.is_blank or not _is_name(line.text) or line.text in page.furniture:
        return None
    if (
        position > 0
        and not present
        and not _over_title(lines, position)
        and not _opens_block(
            lines[position - 1], position, page, lines[position - 2] if position > 1 else None
        )
        and not _ends_post(lines, position, page)
    ):
        return None
    fields = blanks = 0
    subject: int | None = None
    at = position + 1
    while at < len(lines):
        current = lines[at]
        text = current.text
        if current.is_blank:
            blanks += 1
            if blanks > MAX_BLANKS:
                return None
            at += 1
            continue
        blanks = 0
        stamp = _stamp(text)
        if stamp is not None and not _labelled_above(lines, at, position):
            break
        repeated = text == line.text  # the name again, an avatar's caption
        if (_is_field(text) or repeated) and fields < MAX_FIELDS and not REPLY_PREFIX.match(text):
            if find_byline(text) or COLUMN_HEADS.match(text):
                return None  # an article's byline (a listing's row), a board's column heads
            fields += 1
        elif subject is None and _is_subject(text):
            subject = at
        else:
            return None
        at += 1
    else:
        return None
    end = at + 1
    following = _next_filled(lines, at)
    if subject is None and following is not None and _is_subject(lines[following].text):
        after = _next_filled(lines, following)
        if after is not None and (
            is_prose(lines[after].text) or QUOTE_ATTRIBUTION.match(lines[after].text)
        ):
            subject, end = following, following + 1
    if not _opens_text(lines, end):
        end = _profile_under(lines, end)
        if not _opens_text(lines, end):
            return None
    author = PRESENCE.sub("", line.text.strip()) or line.text.strip()
    if position > 0 and POST_NUMBER_LINE.match(lines[position - 1].text):
        position -= 1  # the post's number over its name opens the header
    return Found(position, end - position, author, stamp, subject)


def _over_title(lines: Sequence[Line], position: int) -> bool:
    """Whether the line at `position` stands right over a user title ('Senior Member',
    'Постоялец': :data:`..meta.USER_TITLE`) that a labelled profile line follows ('Join
    Date: Mar 2014', 'Сообщений: 512'), and is no title itself: the poster's name over
    the first slots of the card."""
    return (
        position + 2 < len(lines)
        and USER_TITLE.search(lines[position + 1].text) is not None
        and PROFILE_LINE.match(lines[position + 2].text) is not None
        and USER_TITLE.search(lines[position].text) is None
    )


def _profile_under(lines: Sequence[Line], start: int) -> int:
    """Where the body begins under a stamp that the poster's profile follows (a rank,
    stars, 'Group: Members', 'Posts: 94'): after the short lines before the running text,
    where `MIN_PROFILE_LINES` of them or more are 'Label: value' lines; else `start`."""
    labelled = fields = 0
    last = start
    for at in range(start, len(lines)):
        text = lines[at].text.strip()
        if lines[at].is_blank:
            continue
        if not _is_field(text) or fields >= MAX_FIELDS:
            break
        fields += 1
        labelled += PROFILE_LINE.match(text) is not None
        last = at + 1
    return last if labelled >= MIN_PROFILE_LINES else start


def _labelled_above(lines: Sequence[Line], at: int, floor: int) -> bool:
    """Whether the line over `at` is a profile's date label alone ('Joined' over 'Jan 11,
    2016', a label and its value on lines of their own): the date is the member's, a
    profile line, not the post's stamp."""
    above = next((p for p in range(at - 1, floor, -1) if not lines[p].is_blank), None)
    if above is None:
        return False
    text = lines[above].text.strip().rstrip(":")
    match = PROFILE_STAMP.match(text)
    return match is not None and match.end() == len(text)


def _opens_block(above: Line, position: int, page: Page, over: Line | None = None) -> bool:
    """Whether a name at `position` may follow the line `above`: a blank, the post's number
    on a line of its own ('#2', which then opens the header), or a short line
    that ends no sentence or clause and that the page repeats (the action row closing
    every post) or that stands in the page top, or one such short line under the repeated
    one (`over`: a post's reactions under its action row, 'Likes: anna')."""
    text = above.text.rstrip()
    return (
        above.is_blank
        or POST_NUMBER_LINE.match(above.text) is not None
        or (
            len(text) <= MAX_OPENER_CHARS
            and (text.endswith(("...", "…")) or not text.endswith((".", "!", "?", ",", ";", ":")))
            and (
                above.text in page.recurring
                or position < page.top_end
                or (over is not None and not over.is_blank and over.text in page.recurring)
            )
        )
    )


def _ends_post(lines: Sequence[Line], position: int, page: Page) -> bool:
    """Whether, on a page with no blank line at all, the line over the name at `position`
    is running text that ends a sentence (the end of the post above, where the blank line
    was) and the name is shown once: a line every post repeats under its text ('Back to
    top') is a trailer there, not a name."""
    text = lines[position - 1].text.rstrip()
    return (
        page.blankless
        and is_prose(text)
        and ends_sentence(text)
        and lines[position].text not in page.recurring
    )


def _next_filled(lines: Sequence[Line], position: int) -> int | None:
    for at in range(position + 1, len(lines)):
        if not lines[at].is_blank:
            return at
    return None


def _opens_text(lines: Sequence[Line], start: int) -> bool:
    """Whether running text begins among the first non-blank lines from `start`: a
    sentence, or a paragraph long enough to be one whatever it ends with (an edit note
    glued after its last sentence)."""
    seen = 0
    for at in range(start, len(lines)):
        if lines[at].is_blank:
            continue
        text = lines[at].text.rstrip()
        if (is_prose(text) and ends_sentence(text)) or is_paragraph(text):
            return True
        if QUOTE_ATTRIBUTION.match(text):
            return True  # a post that opens quoting another
        seen += 1
        if seen >= LOOKAHEAD:
            return False
    return False


def _scan(lines: Sequence[Line]) -> list[Found]:
    """The headers, read twice: the second time no line the page shows over nearly every
    header found the first time is a name."""
    first = _scan_with(lines, _page(lines))
    return _scan_with(lines, _page(lines, first)) if first else first


def _scan_with(lines: Sequence[Line], page: Page) -> list[Found]:
    found: list[Found] = []
    position = 0
    while position < len(lines):
        hit = _header_at(lines, position, page)
        if hit is None:
            position += 1
            continue
        found.append(_reread(lines, hit, page))
        position = found[-1].position + found[-1].n_lines
    return found


def _reread(lines: Sequence[Line], hit: Found, page: Page) -> Found:
    """The header read from a later name within `hit`, where `hit`'s own name follows a
    line of text (a short line the page prints above the posts, such as a link row, reads
    as a name too): the first name under a blank line, else the first name shown with the
    poster's presence ('name Offline'), else the first name shown twice in a row (an
    avatar's caption over the same name); `hit` itself when there is none. A name under
    a post's number ('#2') or over a user title ('Senior Member') within `hit` is the
    poster's wherever `hit`'s name stands (a link closing the post above reads as a name
    too)."""
    span = range(hit.position + 1, hit.position + hit.n_lines)
    for at in span:
        if POST_NUMBER_LINE.match(lines[at - 1].text) or (
            _over_title(lines, at)
            and not USER_TITLE.search(hit.author)
            and lines[at].text not in (hit.author, lines[at - 1].text)  # the name twice
        ):
            later = _header_at(lines, at, page, present=True)
            if later is not None:
                return later
    if hit.position == 0 or lines[hit.position - 1].is_blank:
        return hit
    for at in span:
        if lines[at - 1].is_blank and not lines[at].is_blank:
            later = _header_at(lines, at, page)
            if later is not None:
                return later
    for at in span:
        if PRESENCE.search(lines[at].text) is not None:
            later = _header_at(lines, at, page, present=True)
            if later is not None:
                return later
    for at in span:
        if at + 1 < len(lines) and lines[at].text == lines[at + 1].text != hit.author:
            later = _header_at(lines, at, page)
            if later is not None:
                return later
    return hit


def _is_thread(lines: Sequence[Line], found: Sequence[Found]) -> bool:
    """Whether the headers show a thread (see the module's docstring)."""
    if len(found) < MIN_HEADERS:
        return False
    names = Counter(hit.author for hit in found)
    if len(names) < 2:
        return False
    headlines = sum(
        1
        for hit in found
        if hit.subject is not None
        and not REPLY_PREFIX.match(lines[hit.subject].text)
        and len(lines[hit.subject].text.split()) >= MIN_HEADLINE_WORDS
    )
    if headlines > 1:
        return False
    replies = sum(
        1
        for hit in found
        if hit.subject is not None and REPLY_PREFIX.match(lines[hit.subject].text)
    )
    return (
        max(names.values()) >= 2
        or replies * 2 >= len(found)
        or _answered(lines, found)
        or _profiled(lines, found)
    )


def _profiled(lines: Sequence[Line], found: Sequence[Found]) -> bool:
    """Whether `MIN_PROFILE_LINES` labels of the profile lines ('Posts: 94' -> 'posts',
    'Group: Members') recur in every header: each post shows its poster's block (a list
    of people shows a count beside each name, no block of labelled fields; a profile's
    date ('Joined: …') counts for neither)."""
    labels: Counter[str] = Counter()
    for hit in found:
        labels.update(
            {
                line.text.split(":", 1)[0].strip().casefold()
                for line in lines[hit.position + 1 : hit.position + hit.n_lines]
                if PROFILE_LINE.match(line.text.strip()) and not PROFILE_STAMP.match(line.text)
            }
        )
    return sum(count == len(found) for count in labels.values()) >= MIN_PROFILE_LINES


def _answered(lines: Sequence[Line], found: Sequence[Found]) -> bool:
    """Whether a post's text names the poster of an earlier one (a quote's attribution,
    an address): the posts answer each other."""
    ends = [hit.position for hit in found[1:]] + [len(lines)]
    earlier: set[str] = set()
    for hit, end in zip(found, ends, strict=True):
        text = " ".join(line.text for line in lines[hit.position + hit.n_lines : end])
        if any(name in text for name in earlier):
            return True
        earlier.add(hit.author)
    return False


def headers(lines: Sequence[Line]) -> list[Found]:
    found = _scan(lines)
    return found if _is_thread(lines, found) else []


def _opens_topic(lines: Sequence[Line], found: Sequence[Found]) -> bool:
    """Whether the first header is the opening post's: no running text above it, or its
    subject is the topic's title that a line above shows too (the page title, a
    breadcrumb, 'Topic: <title>'): the sentences above are the board's notices then."""
    return bool(found) and (
        not has_text(lines[: found[0].position]) or _titled_above(lines, found[0])
    )


def _titled_above(lines: Sequence[Line], first: Found) -> bool:
    """Whether `first`'s subject, no reply's ('Re: …'), is a title that a line above the
    header holds."""
    if first.subject is None or REPLY_PREFIX.match(lines[first.subject].text):
        return False
    subject = " ".join(lines[first.subject].text.split()).casefold()
    return len(subject.split()) >= MIN_SUBJECT_WORDS and any(
        subject in " ".join(line.text.split()).casefold() for line in lines[: first.position]
    )


def opens_topic(lines: Sequence[Line]) -> bool:
    """Whether the first header found is the opening post's (:func:`_opens_topic`)."""
    return _opens_topic(lines, headers(lines))


def find_starts(lines: Sequence[Line]) -> list[int]:
    found = headers(lines)
    if _opens_topic(lines, found):
        found = found[1:]
    return [hit.position for hit in found]


def _trailers(lines: Sequence[Line], found: Sequence[Found]) -> set[int]:
    """The lines closing the posts, by index: the short lines closing two posts or more
    with the same text (the software's links under every post), the run of them that ends
    each post's region, and under the last post the run that follows its text (the page's
    footer comes after it), or else the run that opens with such a line after its text.
    Where such a line stands under a post's text with more lines after it (a signature
    under 'Logged'), the rest of the post's region is closing lines too, unless a paragraph
    of running text follows (the line closed a quote: 'Expand', itself furniture)."""
    runs: list[list[int]] = []
    regions: list[tuple[int, int]] = []
    shown: Counter[str] = Counter()
    for index, hit in enumerate(found):
        body = hit.position + hit.n_lines
        after = next((at for at in range(body, len(lines)) if is_prose(lines[at].text)), None)
        texts: set[str] = set()
        if index + 1 < len(found):
            span = range(found[index + 1].position - 1, body - 1, -1)
            if after is not None and after < found[index + 1].position:
                regions.append((after + 1, found[index + 1].position))
                texts = {
                    line.text
                    for line in lines[after + 1 : found[index + 1].position]
                    if not line.is_blank and _is_trailer(line.text)
                }
        else:
            span = range(after + 1, len(lines)) if after is not None else range(0)
        runs.append(_run(lines, span))
        shown.update(texts | {lines[at].text for at in runs[-1]})
    known = {text for text, count in shown.items() if count >= 2}
    trailers = {lines[at].index for run in runs for at in run if lines[at].text in known}
    for start, end in regions:
        closers = [at for at in range(start, end) if lines[at].text in known]
        closing = next(
            (at for at in closers if not any(is_paragraph(line.text) for line in lines[at:end])),
            None,
        )
        trailers.update(lines[at].index for at in closers)
        if closing is not None:
            trailers.update(line.index for line in lines[closing:end] if not line.is_blank)
    if found:
        last = found[-1]
        seen_text = False
        for at in range(last.position + last.n_lines, len(lines)):
            if seen_text and lines[at].text in known:
                trailers.update(lines[at].index for at in _run(lines, range(at, len(lines))))
                break
            seen_text = seen_text or is_prose(lines[at].text)
    return trailers


def _run(lines: Sequence[Line], span: range) -> list[int]:
    """The positions of the trailer lines met along `span` until the first other line
    that is not blank."""
    run: list[int] = []
    for at in span:
        if lines[at].is_blank:
            continue
        if not _is_trailer(lines[at].text):
            break
        run.append(at)
    return run


def _is_trailer(text: str) -> bool:
    return (
        len(text) <= MAX_TRAILER_CHARS
        and len(text.split()) <= MAX_TRAILER_WORDS
        and (not ends_sentence(text) or text.endswith(")"))
    )


def _body_end(lines: Sequence[Line], start: int, end: int, trailers: set[int]) -> int:
    """Where a post's text ends: before the trailer lines that close it."""
    body_end = end
    for at in range(end - 1, start - 1, -1):
        if lines[at].is_blank or lines[at].index in trailers:
            if lines[at].index in trailers:
                body_end = at
            continue
        break
    return body_end


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the last post's trailer begins (the short lines that close every post): the
    page's footer follows it; None where the posts show no trailer."""
    found = headers(lines)
    if not starts or not found:
        return None
    trailers = _trailers(lines, found)
    last = found[-1]
    seen_text = False
    for at in range(last.position + last.n_lines, len(lines)):
        if lines[at].is_blank:
            continue
        if seen_text and lines[at].index in trailers:
            return at
        seen_text = seen_text or is_prose(lines[at].text)
    return None


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    found = headers(lines)
    hits = {hit.position: hit for hit in found}
    trailers = _trailers(lines, found)
    ends = [*starts[1:], len(lines)]
    parsed: list[Header] = []
    for start, end in zip(starts, ends, strict=True):
        hit = hits.get(start)
        if hit is None:
            parsed.append(Header(author=lines[start].text, n_lines=1, nesting=0))
            continue
        body = start + hit.n_lines
        quotes = quoted_lines(lines, body, end, QUOTE_ATTRIBUTION)
        attributions = {
            lines[at].index for at in range(body, end) if QUOTE_ATTRIBUTION.match(lines[at].text)
        }
        chrome = attributions | {
            lines[at].index for at in range(body, end) if lines[at].index in trailers
        }
        parsed.append(
            Header(
                author=hit.author,
                n_lines=hit.n_lines,
                nesting=0,
                published=hit.stamp if find_date(hit.stamp) else None,
                age=None if find_date(hit.stamp) else hit.stamp,
                chrome_lines=frozenset(chrome),
                quote_lines=frozenset(quotes - attributions),
            )
        )
    return parsed


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    return parse_headers(lines, [position])[0]


def is_chrome(line: Line) -> bool:
    return False


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head where the region holds its header (see the module's
    docstring); None when the region above the first comment holds none."""
    found = _scan(lines)
    if not _opens_topic(lines, found):
        return None
    first = found[0]
    trailers = _trailers(lines, found) if len(found) > 1 else set()
    body = first.position + first.n_lines
    quotes = quoted_lines(lines, body, len(lines), QUOTE_ATTRIBUTION)
    opening = Opening(
        position=first.position,
        n_lines=first.n_lines,
        author=first.author,
        published=first.stamp if find_date(first.stamp) else None,
        body_end=_body_end(lines, body, len(lines), trailers or _tail(lines, body)),
        subject=first.subject,
    )
    subject = first.subject
    if subject is None:
        subject = _repeated_title(lines, first)
    opening = dataclasses.replace(opening, subject=subject)
    hint = None if subject is not None else topic_title(lines[: first.position], _never)
    return opening_head(lines, opening, is_chrome, quotes=quotes, title_hint=hint)


def _repeated_title(lines: Sequence[Line], first: Found) -> int | None:
    """The title line above the opening post that its header's stamp row repeats in a cell
    ('Posted: <date>    Post subject: <title>'), by position; None when there is none."""
    rows = [
        line.text.casefold()
        for line in lines[first.position : first.position + first.n_lines]
        if first.stamp in line.text and line.text.strip() != first.stamp
    ]
    found = [
        at
        for at in range(first.position)
        if len(lines[at].text.split()) >= 2
        and is_title_like(lines[at].text)
        and any(lines[at].text.strip().casefold() in row for row in rows)
    ]
    return max(found, key=lambda at: len(lines[at].text), default=None)


def _never(text: str) -> bool:
    return False


def _tail(lines: Sequence[Line], start: int) -> set[int]:
    """The short lines closing the region (the opening post's trailer), by index."""
    tail: set[int] = set()
    for at in range(len(lines) - 1, start - 1, -1):
        if lines[at].is_blank:
            continue
        if not _is_trailer(lines[at].text):
            break
        tail.add(lines[at].index)
    return tail
