"""Coral (Coral Talk) comment streams under an article, as their pages scrape to text.

The stream's head, then one entry per comment::

    Join the conversation             (or "Sign in | Register", "Sign in and Join the
                                      Conversation", "Post a comment")
    All Comments N                    (the tabs: "Featured", "Comments", "My Profile")
    Sort By
    Newest                            (Oldest, Most Replies, Most Respected)
    <name>
    [Staff]                           (a badge: Staff, Moderator, Admin, Expert, Featured…)
    [In reply to <name>]              (a reply names its parent's author; read under
                                      the time line too)
    <4 years ago>                     ("just now", "Sep 16, 2020"; "Edited" may follow)
    <text>
    Respect N                         (the reaction and its count; "Respect" alone: none)
    Reply
    Share
    Report
        <name>                        (a reply: indented one level deeper)
        …
    Show More Replies
    Load More
    Powered by Coral

A comment starts at its name line, right after the stream's head or the previous
comment's action lines, with its time line below (after any badge and "In reply to"
lines), on a page that shows the stream's own furniture. Nesting is the name line's
indentation; "In reply to <name>" makes the latest comment by that name the parent where
the indentation does not already place it under a comment by that name. The
reaction count is the comment's ``score``. The article above: see
:func:`..wordpress_comments.read_article_head`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from flows.stages.segment.grammars._common import (
    is_title_like,
    next_content,
    previous_content,
    shown_count,
)
from flows.stages.segment.grammars.wordpress_comments import (
    is_name_line,
    posted_by,
    read_article_head,
)
from flows.stages.segment.lines import Line, ends_sentence, word_count
from flows.stages.segment.meta import find_date, is_dateline
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "coral"

AGE = (
    r"(?:\d{1,3}|an?|one)\s+(?:second|minute|min|hour|day|week|month|year)s?\s+ago"
    r"|just now|yesterday"
)
DATE = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})(?:,?\s+(?:at\s+)?\d{1,2}:\d\d(?:\s?[AaPp]\.?[Mm]\.?)?)?"
)
TIME = re.compile(
    rf"^(?:(?P<age>{AGE})|(?P<date>{DATE}))(?P<edited>\s+\(?Edited\)?)?$", re.IGNORECASE
)
EDITED = re.compile(r"^\(?Edited\)?$", re.IGNORECASE)
IN_REPLY = re.compile(
    r"^(?:In reply to|Replying to:)\s+(?P<name>[^\s,;]{1,40}(?:\s[^\s,;]{1,40}){0,3})$"
)
BADGE = re.compile(
    r"^(?:Staff|Moderator|Admin|Administrator|Expert|Featured|Subscriber|Verified|Journalist"
    r"|Member)$"
)
REACTION = re.compile(
    r"^(?:Respect|Respected|Like|Liked|Upvote|Upvoted)"
    r"(?:\s+(?P<count>\d{1,3}(?:,\d{3})*|\d+|\d{1,3}(?:\.\d)?[kKM]))?$"
)
"""The reaction button and its count ("Respect 41"; short forms such as "1.2k")."""
ACTION = re.compile(r"^(?:Reply|Share|Report|Reported|Edit)$")

STREAM_MARKS = (
    re.compile(r"^All Comments(?:\s+\d[\d,.]*[kK]?)?$"),
    re.compile(r"^Sort By$"),
    re.compile(r"^Most (?:Replies|Respected|Reacted)$"),
    re.compile(r"^Show More Replies$"),
    re.compile(r"^Load More$"),
    re.compile(r"^Sign in and Join the Conversation$"),
    re.compile(r"^Powered by Coral$"),
    REACTION,
)
"""Lines the Coral stream shows; a page must show two kinds of them (or "Powered by
Coral")."""

CHROME_LABELS = frozenset(
    {
        "all comments",
        "featured",
        "sort by",
        "newest",
        "oldest",
        "most replies",
        "most respected",
        "most reacted",
        "show more replies",
        "show all",
        "load more",
        "reply",
        "share",
        "report",
        "reported",
        "powered by coral",
        "join the conversation",
        "sign in",
        "register",
        "sign in | register",
        "sign in and join the conversation",
        "post a comment",
        "submit",
        "cancel",
        "comments",
        "my profile",
        "discussions",
        "configure",
        "view full discussion",
        "show more of this conversation",
        "read more of this conversation >",
        "you are currently viewing a",
        "single conversation",
        "comments are closed on this story.",
        "this comment has been removed or does not exist.",
        "how is a comment featured?",
    }
)
"""Whole lines of the stream's furniture (case-folded)."""

CHROME_PATTERNS = (
    re.compile(r"^All Comments\s+\d[\d,.]*[kK]?$"),
    re.compile(r"^Featured\s+\d[\d,.]*[kK]?$"),
    re.compile(r"^\d[\d,.]*[kK]?\s+Comments?$"),
    re.compile(r"^View \d{1,5} New Comments?$"),
    re.compile(r"^(?:\d[\d,.]*[kK]?|\d) (?:people|person) viewing this discussion$"),
    re.compile(r"^Signed in as .{1,60}$"),
    re.compile(r"^Not you\? Sign Out$"),
    re.compile(r"^Member since: .{4,40}$"),
    IN_REPLY,
    REACTION,
)

END_MARK = re.compile(r"^(?:Load More|Powered by Coral)$")
MAX_NAME_CHARS = 60


def is_chrome(line: Line) -> bool:
    """The stream's furniture: its head, tabs and sort menu, action lines, reply links,
    "Show More Replies", "Load More", the footer."""
    text = line.text
    if not text or len(text) > 200:
        return False
    return text.casefold() in CHROME_LABELS or any(p.match(text) for p in CHROME_PATTERNS)


def _is_stream(lines: Sequence[Line]) -> bool:
    kinds = {
        number
        for line in lines
        for number, mark in enumerate(STREAM_MARKS)
        if mark.match(line.text)
    }
    return len(kinds) >= 2 or any(line.text == "Powered by Coral" for line in lines)


def _is_name(text: str) -> bool:
    return (
        0 < len(text) <= MAX_NAME_CHARS
        and len(text.split()) <= 4
        and not ends_sentence(text)
        and TIME.match(text) is None
        and BADGE.match(text) is None
    )


def _header_above(lines: Sequence[Line], time_at: int) -> int | None:
    """The name line of the header whose time line is at `time_at`: up over badge and
    "In reply to" lines to a name that follows the stream's head, the previous comment's
    action lines or the top of the page."""
    at = previous_content(lines, time_at)
    while at is not None and (BADGE.match(lines[at].text) or IN_REPLY.match(lines[at].text)):
        at = previous_content(lines, at)
    if at is None or not _is_name(lines[at].text) or is_chrome(lines[at]):
        return None
    above = previous_content(lines, at)
    if above is not None and not is_chrome(lines[above]):
        return None
    return at


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Name lines of comment headers, on a page showing the stream's furniture."""
    starts = [
        name
        for position, line in enumerate(lines)
        if TIME.match(line.text) and (name := _header_above(lines, position)) is not None
    ]
    return starts if starts and _is_stream(lines) else []


def _time_line(lines: Sequence[Line], position: int, end: int) -> tuple[int, re.Match[str]] | None:
    """The header's time line (position, match): the first after the name that is no
    badge or reply link."""
    at = next_content(lines, position, end)
    while at is not None and (BADGE.match(lines[at].text) or IN_REPLY.match(lines[at].text)):
        at = next_content(lines, at, end)
    time = TIME.match(lines[at].text) if at is not None else None
    return (at, time) if at is not None and time is not None else None


def _score(lines: Sequence[Line], start: int, end: int) -> int | None:
    """The count of the comment's reaction line ("Respect 41"; None when it shows none;
    a short number such as "1.2k" as the whole number it stands for)."""
    for at in range(start, end):
        match = REACTION.match(lines[at].text)
        following = next_content(lines, at, end)
        if match and following is not None and ACTION.match(lines[following].text):
            return shown_count(match.group("count")) if match.group("count") else None
    return None


def _indented_under(lines: Sequence[Line], position: int) -> str | None:
    """The author of the comment the name line at `position` is indented under: the
    nearest header name line above it that is less indented (None at the left margin)."""
    indent = lines[position].indent
    if indent == 0:
        return None
    for at in range(position - 1, -1, -1):
        line = lines[at]
        if line.is_blank or line.indent >= indent or not _is_name(line.text):
            continue
        if not is_chrome(line) and _time_line(lines, at, position):
            return line.text
    return None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    first = lines[position]
    found = _time_line(lines, position, end)
    if found is None:
        return Header(author=first.text, n_lines=1, nesting=first.indent)
    time_at, time = found
    last, marked = time_at, False
    for _ in range(2):  # an "Edited" mark and the reply link may follow the time
        following = next_content(lines, last, end)
        text = lines[following].text if following is not None else ""
        if following is None or not (EDITED.match(text) or IN_REPLY.match(text)):
            break
        last, marked = following, marked or bool(EDITED.match(text))
    reply_to = next(
        (
            match.group("name")
            for line in lines[position + 1 : last + 1]
            if (match := IN_REPLY.match(line.text))
        ),
        None,
    )
    if reply_to is not None and _indented_under(lines, position) == reply_to:
        reply_to = None  # the indentation already names the parent, and unambiguously
    return Header(
        author=first.text,
        n_lines=last + 1 - position,
        nesting=first.indent,
        score=_score(lines, last + 1, end),
        edited=bool(time.group("edited")) or marked,
        age=time.group("age"),
        published=time.group("date"),
        reply_to=reply_to,
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the stream's footer after the last comment begins ("Load More", "Powered by
    Coral"); None without one."""
    if not starts:
        return None
    for position in range(starts[-1] + 1, len(lines)):
        if END_MARK.match(lines[position].text):
            return position
    return None


def _is_role(text: str) -> bool:
    """A byline's role line ("Moscow correspondent", "Political editor"): a few words,
    no digits, no sentence, neither a name nor a date."""
    return (
        0 < len(text) <= 50
        and len(text.split()) <= 5
        and not any(char.isdigit() for char in text)
        and not ends_sentence(text)
        and not is_name_line(text)
        and not is_dateline(text)
    )


def _byline_block(lines: Sequence[Line]) -> tuple[Line, Line, Line, str] | None:
    """(name, role, dateline lines, headline) of a news byline block: the author's name,
    their role, the dateline, under the headline (and the standfirst: a longer line of 12
    words or more under a shorter headline). None when the page shows no such block."""
    content = [line for line in lines if not line.is_blank and not is_chrome(line)]
    for at in range(1, len(content) - 2):
        name, role, date = content[at : at + 3]
        if not (
            is_name_line(name.text)
            and _is_role(role.text)
            and is_dateline(date.text)
            and find_date(date.text)
        ):
            continue
        headline = content[at - 1].text
        if at >= 2 and word_count(headline) >= 12:
            above = content[at - 2].text
            if word_count(above) < word_count(headline) and is_title_like(above):
                headline = above
        return name, role, date, headline
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The article above the stream (:func:`..wordpress_comments.read_article_head`); a
    news byline block (name, role, dateline) gives the headline above it, the author, and
    its lines are metadata."""
    block = _byline_block(lines)
    if block is None:
        return read_article_head(lines, is_chrome, None, posted_by)
    name, role, date, headline = block
    head = read_article_head(lines, is_chrome, headline, posted_by)
    if head is None or head.title != headline:
        return head
    meta = {name.index, role.index, date.index}
    return replace(
        head,
        author=head.author or name.text,
        published=head.published or date.text,
        meta_lines=head.meta_lines | meta,
        chrome_lines=head.chrome_lines - meta,
    )
