"""Discussion pages whose comments are signed at the end of their last paragraph, the
signature glued to the text: wiki talk pages (the signature a wiki expands from its
tildes), mailing-list and guestbook pages printed the same way. One comment::

    <paragraph>                           zero or more paragraphs of its text, then
    <text>. <name> [(<links>)] <stamp> [(<zone>)][<action>]

The signature closes the line: a name of one to four words after a sentence's end or a
dash, the poster's links in brackets ('(talk)', '(talk | contribs)'), a stamp with a date
and a time of day, a zone in brackets ('(UTC)') and a glued action word ('Reply'). Lines
so signed are the comments' ends; a comment begins at the first paragraph above its
signed line, at the same indentation, that follows the previous signed line and reads as
text. What stands between one comment's signed line and the next comment (a topic's
heading, its comment counts) is the page's furniture, as is all that follows the last
one. The page above the first comment is its title and furniture (its tabs, its notices,
its table of contents): the discussion is all comments.

Nesting is the indentation of the signed line, the replies being indented under the
comment they answer. The page's signed lines count only where there are
:data:`MIN_SIGNED` of them by two posters at least: one signed paragraph is a quotation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import is_title_like, stub_head
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import WEEKDAY, find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "glued_signature"
GENERIC = True

MIN_SIGNED = 3
"""Signed lines a page needs before they are read as comments' ends."""
MIN_POSTERS = 2

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
_DAY_MONTH_YEAR = r"(?:\d{1,2}\.?\s+[^\W\d_]{3,12}\.?|[^\W\d_]{3,12}\.?\s+\d{1,2},?)\s+\d{4}"
_NUMERIC = r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
STAMP = re.compile(
    rf"(?P<stamp>{_CLOCK},?\s+(?:{_DAY_MONTH_YEAR}|{_NUMERIC})"
    rf"|(?:{_DAY_MONTH_YEAR}|{_NUMERIC}),?\s+(?:at\s+)?{_CLOCK})"
    r"\s*(?:\((?:[A-Z]{2,5}|UTC[+-]\d{1,2})\))?\s*(?:[A-Z][a-z]{1,11})?$"
)
"""A line's closing stamp: a time and a date (either order), a zone in brackets, an action
word glued after it ('14:22, 3 July 2020 (UTC)Reply')."""
CLOCK_MARK = re.compile(r"\d:\d\d")
"""What every :data:`STAMP` holds (its time of day): a cheap test that spares the search
of :data:`STAMP`, tried at every position of a line, on the lines without one."""
LINKS = re.compile(r"\s*\((?P<links>[^()]{1,40})\)\s*$")
"""The poster's links between name and stamp ('(talk)', '(talk | contribs)')."""
SIGN_OFF = re.compile(r"(?<=[.!?…\"'”»)\]])\s+|(?<=\s)[-—–~]{1,2}\s*")
"""Where a signature may begin: after a sentence's end (a text ending so) or a dash."""
SIGNER = re.compile(r"(?P<name>[^\W\d_][\w'’.-]*(?:\s[\w'’.-]+){0,3})\s*$")
"""The name closing the text before the links, after the last :data:`SIGN_OFF`."""


@dataclass(frozen=True, slots=True)
class Signed:
    """One signed line: its position, the signer and the stamp."""

    position: int
    author: str
    stamp: str


def signature(text: str) -> tuple[str, str] | None:
    """(signer, stamp) of a line of text closed by a glued signature, else None."""
    if CLOCK_MARK.search(text) is None:
        return None
    stamped = STAMP.search(text)
    if stamped is None or find_date(stamped.group("stamp")) is None:
        return None
    before = text[: stamped.start()].rstrip()
    links = LINKS.search(before)
    if links is not None:
        before = before[: links.start()]
    offs = list(SIGN_OFF.finditer(before))
    if not offs:
        return None
    text = before[: offs[-1].start()]
    if not text.strip() or not (ends_sentence(text) or offs[-1].group(0).strip()):
        return None  # a signature alone on its line is a header's; after a label, a row's
    signer = SIGNER.fullmatch(before, offs[-1].end())
    if signer is None or not signer.group("name")[0].isupper():
        return None
    if WEEKDAY.fullmatch(signer.group("name").split()[-1]):
        return None  # a stamp's weekday ('Postby anna » Mon Mar 04, 2019 10:15 pm')
    return signer.group("name"), stamped.group("stamp")


def signed_lines(lines: Sequence[Line]) -> list[Signed]:
    """The page's signed lines, where there are enough of them by enough posters."""
    found = []
    for position, line in enumerate(lines):
        if line.is_blank or len(line.text) < 20:
            continue
        read = signature(line.text)
        if read is not None:
            found.append(Signed(position, read[0], read[1]))
    if len(found) < MIN_SIGNED or len({signed.author for signed in found}) < MIN_POSTERS:
        return []
    return found


def _start(lines: Sequence[Line], signed: int, floor: int) -> int:
    """Where the comment signed at `signed` begins: the highest paragraph above it, below
    `floor`, at its indentation and reading as text, with no other paragraph between."""
    start = signed
    position = signed - 1
    while position > floor:
        line = lines[position]
        if line.is_blank:
            position -= 1
            continue
        if line.indent != lines[signed].indent or not ends_sentence(line.text):
            break
        start = position
        position -= 1
    return start


def find_starts(lines: Sequence[Line]) -> list[int]:
    starts = []
    floor = -1
    for signed in signed_lines(lines):
        starts.append(_start(lines, signed.position, floor))
        floor = signed.position
    return starts


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    by_position = {signed.position: signed for signed in signed_lines(lines)}
    ends = [*starts[1:], len(lines)]
    headers = []
    for start, end in zip(starts, ends, strict=True):
        signed = next((by_position[p] for p in range(start, end) if p in by_position), None)
        if signed is None:
            headers.append(Header(author=None, n_lines=0, nesting=lines[start].indent))
            continue
        after = frozenset(
            line.index for line in lines[signed.position + 1 : end] if not line.is_blank
        )
        headers.append(
            Header(
                author=signed.author,
                n_lines=0,
                nesting=lines[signed.position].indent,
                published=signed.stamp,
                chrome_lines=after,
            )
        )
    return headers


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    return parse_headers(lines, [position])[0]


def page_post(page: Sequence[Line], starts: Sequence[int]) -> PostHead | None:
    """The page's head: a title over furniture (the page's tabs, its notices, its
    contents), the signed comments being all its posts. The title is a line the top prints
    twice (the document's title over its heading), else the nearest title-shaped line
    (:func:`.stub_head`): a topic's heading there heads a section, not the page."""
    if not starts:
        return None
    top = page[: starts[0]]
    texts = Counter(line.text for line in top if not line.is_blank)
    echoed = next((text for text, n in texts.items() if n > 1 and is_title_like(text)), None)
    return stub_head(top, lambda line: False, echoed)
