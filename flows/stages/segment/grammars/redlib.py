"""Redlib / Libreddit comment headers, as their pages scrape to text.

A comment header is a score line, then (blank lines allowed between) the author line at
the same indentation::

    [→ More replies (K)…]SCORE              72 | -12 | 0 | 1.2k | • (score hidden)
    u/NAME [FLAIR] AGE [edited AGE2]        AGE: 2d ago | 23h ago | Mar 14 '22

or both on one line ("SCORE u/NAME … AGE"), or the author line alone (Libreddit pages
that print no scores). On compact pages the "→ More replies (K)" links closing the reply
lists above are glued before the score. ``u/[deleted]`` is an author too; FLAIR is free
text ("Tartu (Estonia)"). Nesting is the author line's indentation; a flat permalink
page (every author line at one indentation) shows the chain of replies leading to the
comment linked, each comment replying to the one before it (:func:`nestings`).

The post's head sits above the first comment::

    r/SUB • u/AUTHOR [FLAIR] • AGE         a permalink page: "r/SUB AGE", no author
    [FLAIR ]TITLE[ FLAIR]
    [LINK]                                  a link post's address (head metadata)
    BODY…
    8.4k Upvotes | N comments sorted by | View all comments | …  (chrome)

A page is a Redlib page when it shows two scored comment headers, one header and the
post's head line, or three author lines. A leading flair is one capitalised word glued
before a sentence-case title that opens with a function word ("Analysis Why …"), or
capitalised words joined by a slash ("Russia/Ukraine Queues at …"); a trailing flair is a
Reddit badge ("OC", "NSFW", "Spoiler"), a capitalised word after a closing "?"/"!", or,
on a page whose comments show no scores (old Libreddit prints flairs after titles), up to
three capitalised words after a sentence-case title's last lowercase word.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "redlib"

_AGE = (
    r"(?:\d+\s?(?:s|m|min|h|d|w|mo|y|yr)\s+ago|just now"
    r"|[A-Z][a-z]{2}\s+\d{1,2}(?:\s+'\d\d|,?\s+\d{4}))"
)
_USER = r"u/(?P<author>\[deleted\]|[\w-]{2,30})"
_MORE = r"(?:→\s*)?More replies(?:\s*\(\d+\))?"
_SCORE = r"[-−]?\d{1,3}(?:[.,]\d+)?k?|[-−]?\d{1,7}|•"
SCORE = re.compile(rf"^(?:{_MORE}\s*)*(?P<score>{_SCORE})$")
"""A score line; "→ More replies (N)" links of the comments above may be glued before it."""
AUTHOR_LINE = re.compile(
    rf"^(?:(?P<score>[-−]?\d+(?:[.,]\d+)?k?|•)\s+)?{_USER}(?:\s+(?P<flair>\S.*?))??"
    rf"\s+(?P<age>{_AGE})(?:\s+edited\s+(?P<edited>{_AGE}))?$"
)
POST_HEAD = re.compile(
    rf"^r/(?P<sub>\w{{2,30}})\s+(?:•\s+(?:Posted by\s+)?{_USER}(?:\s+[^•]+?)?\s+•\s+)?"
    rf"(?P<age>{_AGE})(?:\s+•?\s*edited\s+{_AGE})?$"
)
"""The post's head line; a comment permalink page prints it without the author."""
MAX_GAP = 2
"""Blank lines allowed between a score line and its author line."""

CHROME = re.compile(
    r"^(?:[-−]?\d+(?:[.,]\d+)?k?\s+)?Upvotes?$|^•\s+Upvotes?$|^\d{1,3}%\s+Upvoted$"
    r"|^\d+(?:[.,]\d+)?k?\s+comments?\s+sorted\s+by(?:\s+\w+)?$"
    rf"|^(?:{_MORE}\s*)+$|^\d+(?:[.,]\d+)?k$|^•$"
    r"|^Enable HLS to view with audio, or disable this notification$"
    r"|^\[(?:removed|deleted)\](?:\s+[—-]\s+view (?:removed|deleted) post)?$"
    r"|^(?:permalink|reddit|View all comments|Show parent comments|Post image|Post video"
    r"|Gallery image|Collapse all|Expand all)$",
    re.IGNORECASE,
)
FUNCTION_WORDS = frozenset(
    {"how", "why", "what", "when", "where", "who", "which", "whose", "is", "are", "was"}
    | {"were", "do", "does", "did", "can", "could", "should", "would", "will", "has", "have"}
    | {"had", "the", "a", "an", "i", "my", "our", "we", "it", "in", "on", "if", "this"}
    | {"these", "those", "there"}
)
"""Words a sentence-case title opens with, after a one-word flair glued before it."""
SLASH_FLAIR = re.compile(r"^(?P<flair>[A-Z][\w&-]*(?:/[A-Z][\w&-]*)+)\s+(?=[A-Z\"“‘'])")
"""A leading flair joined by a slash ("Russia/Ukraine Queues at the border …")."""
LINK = re.compile(r"^(?:https?://|www\.)\S+(?:\s+[-−]?\d+(?:[.,]\d+)?k?\s+Upvotes?)?$")
"""The link of a link post, on the line under its title: head metadata, not post text (the
post's vote count may be joined to it)."""
TRAILING_CAPS = re.compile(
    r"^(?P<title>.*\s[a-z][\w'’,-]*)\s+(?P<flair>[A-Z][\w&-]*(?:/[A-Z][\w&-]*)*"
    r"(?:\s+[A-Z][\w&-]*){0,2})$"
)
"""A sentence-case title with capitalised words after its last lowercase word: read as a
trailing flair only on a page that prints the flair after the title (see :func:`parse_post`)."""
LEADING_FLAIR = re.compile(r"^(?P<flair>[A-Z][a-z]{2,20})\s+(?P<first>[A-Z]\w*)\s+(?P<next>\S+)")
BADGE = re.compile(r"^(?P<title>.+?)\s+(?:OC|NSFW|Spoiler|SPOILER)$")
TRAILING_FLAIR = re.compile(r"^(?P<title>.+[?!])\s+[A-Z][\w/&-]*(?:\s+[A-Z][\w/&-]*)?$")


def _author_line(lines: Sequence[Line], position: int) -> int | None:
    """Position of the author line belonging to the score line at `position`, if any."""
    score_line = lines[position]
    for offset in range(1, MAX_GAP + 2):
        if position + offset >= len(lines):
            return None
        line = lines[position + offset]
        if line.is_blank:
            continue
        if AUTHOR_LINE.match(line.text) and line.indent == score_line.indent:
            return position + offset
        return None
    return None


def _headers(lines: Sequence[Line]) -> list[tuple[int, bool]]:
    """(start position, has a score line) of every comment header."""
    found: list[tuple[int, bool]] = []
    claimed: set[int] = set()
    for position, line in enumerate(lines):
        if position in claimed or line.is_blank:
            continue
        if SCORE.match(line.text):
            author = _author_line(lines, position)
            if author is not None:
                found.append((position, True))
                claimed.add(author)
                continue
        match = AUTHOR_LINE.match(line.text)
        if match:
            found.append((position, match.group("score") is not None))
    return found


MIN_UNSCORED = 3
"""Author lines enough to make a page with no score lines (Libreddit) and no head line."""

_UNSCORED = threading.local()
"""``_UNSCORED.first``: the first line of the last page this thread's :func:`find_starts`
found headers on, when none of them shows a score (an old Libreddit page: its post title
carries the flair after it). Per thread, so documents segmented side by side on threads
never read each other's page."""


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Comment headers, when the page shows two scored ones, the post's head line, or three
    author lines."""
    headers = _headers(lines)
    scored = sum(1 for _, has_score in headers if has_score)
    has_head = (
        any(POST_HEAD.match(line.text) for line in lines[: headers[0][0]]) if headers else False
    )
    if not (scored >= 2 or (headers and has_head) or len(headers) >= MIN_UNSCORED):
        return []
    _UNSCORED.first = lines[0] if scored == 0 else None
    return [position for position, _ in headers]


def is_permalink_page(lines: Sequence[Line], starts: Sequence[int]) -> bool:
    """A comment permalink (context) page: its head line names no author, or it offers to
    "Show parent comments"."""
    above = lines[: starts[0]] if starts else lines
    for line in above:
        head = POST_HEAD.match(line.text)
        if (head and head.group("author") is None) or line.text == "Show parent comments":
            return True
    return False


def nestings(lines: Sequence[Line], starts: Sequence[int]) -> list[int]:
    """Each comment's nesting: its author line's indentation; on a flat permalink page
    (every author line at one indentation) the chain of replies the permalink shows, each
    comment replying to the one before it."""
    levels = [parse_header(lines, position, len(lines)).nesting for position in starts]
    if len(set(levels)) == 1 and is_permalink_page(lines, starts):
        return list(range(len(starts)))
    return levels


def parse_score(text: str) -> int | None:
    """72 -> 72, -4 -> -4, 1.2k -> 1200, • (hidden) -> None."""
    text = text.replace("−", "-").replace(",", ".")
    if text == "•":
        return None
    if text.lower().endswith("k"):
        return round(float(text[:-1]) * 1000)
    return int(float(text))


def _age_fields(text: str) -> tuple[str | None, str | None]:
    """(relative age, absolute date) of an age as written."""
    return (None, text) if find_date(text) else (text, None)


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    first = lines[position]
    score_text: str | None = None
    author_position = position
    if not AUTHOR_LINE.match(first.text):
        score = SCORE.match(first.text)
        score_text = score.group("score") if score else None
        author_position = _author_line(lines, position) or position
    author_line = lines[author_position]
    match = AUTHOR_LINE.match(author_line.text)
    if match is None:
        return Header(author=author_line.text, n_lines=1, nesting=author_line.indent)
    score_text = score_text or match.group("score")
    age, published = _age_fields(match.group("age"))
    return Header(
        author=match.group("author"),
        n_lines=author_position - position + 1,
        nesting=author_line.indent,
        score=parse_score(score_text) if score_text else None,
        edited=match.group("edited") is not None,
        age=age,
        published=published,
    )


def is_chrome(line: Line) -> bool:
    return bool(CHROME.match(line.text))


def strip_flair(title: str, flair_after: bool = False) -> str:
    """The title without a flair glued before or after it (`flair_after`: the page prints
    flairs after titles, so trailing capitalised words after a sentence-case title are one)."""
    if badge := BADGE.match(title):
        title = badge.group("title")
    elif trailing := TRAILING_FLAIR.match(title):
        title = trailing.group("title")
    elif flair_after and (caps := TRAILING_CAPS.match(title)) and _sentence_case(caps["title"]):
        title = caps.group("title")
    if slash := SLASH_FLAIR.match(title):
        return title[slash.end() :]
    leading = LEADING_FLAIR.match(title)
    if leading and leading.group("first").casefold() in FUNCTION_WORDS:
        following = leading.group("next")
        if following[:1].islower() or following.casefold() in FUNCTION_WORDS:
            title = title[len(leading.group("flair")) :].lstrip()
    return title


def _sentence_case(text: str) -> bool:
    """Most words after the first start lowercase."""
    words = [word for word in text.split()[1:] if word[:1].isalpha()]
    return len(words) >= 3 and sum(word[:1].islower() for word in words) * 3 >= len(words) * 2


def _is_vote_count(lines: Sequence[Line], position: int) -> bool:
    """A bare count line directly above an "Upvotes" line (the post's score)."""
    if not SCORE.match(lines[position].text):
        return False
    following = next((line for line in lines[position + 1 :] if not line.is_blank), None)
    return following is not None and following.text.casefold() in {"upvotes", "upvote"}


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """Title, author and date of the post, from its head line and the line after it; the
    link of a link post (a bare address under the title) is metadata."""
    head_position = next(
        (position for position, line in enumerate(lines) if POST_HEAD.match(line.text)), None
    )
    if head_position is None:
        return None
    head = lines[head_position]
    match = POST_HEAD.match(head.text)
    assert match is not None
    meta = {head.index}
    meta |= {lines[p].index for p in range(len(lines)) if _is_vote_count(lines, p)}
    title_line = next(
        (
            line
            for line in lines[head_position + 1 :]
            if not line.is_blank and not is_chrome(line) and line.index not in meta
        ),
        None,
    )
    if title_line is not None:
        after = next(
            (line for line in lines if line.index > title_line.index and not line.is_blank), None
        )
        if after is not None and LINK.match(after.text):
            meta.add(after.index)
    _, published = _age_fields(match.group("age"))
    flair_after = bool(lines) and getattr(_UNSCORED, "first", None) is lines[0]
    return PostHead(
        title=strip_flair(title_line.text, flair_after) if title_line else None,
        title_lines=frozenset({title_line.index}) if title_line else frozenset(),
        author=match.group("author"),
        published=published,
        meta_lines=frozenset(meta),
    )
