"""Discourse topics, as their pages scrape to text (four views of the same page).

Crawler view (no JavaScript), one post::

    <username>
    (<Full Name>)                     optional
    <Month D, YYYY, h:mmam>
    <post number>
    <body>
    <N> Likes                         optional ("1 Like")

Glued crawler view: the same header on one line, the topic's category glued before the
first author and a post's like count glued before the next header::

    <Category><username> <Month D, YYYY, h:mmam><post number>
    <N> Likes<username> <Month D, YYYY, h:mmam><post number>

Screen-reader view (JavaScript), one post::

    post by <username> on <Mon D, YYYY>      (or "post #N by @<username> on …")
    [<Full Name>] <username> [<Flair>]
    <username replied to>             optional
    <revision number>                 optional: the post was edited
    <Mon YYYY | Mon D | 3d>
    <body>
    <like count>                      optional bare number
    <N> Reply | <N> Replies           optional

Older JavaScript view: ``<username><Flair>`` glued on one line, then the optional full
name and user title lines (``Irina Gorbunova``, ``Regular``), the optional replied-to
username, the short date, the body, and the like count, "N Replies" and a
"Reply" button line closing every post.

The first post of a topic is its opening post (read by :func:`parse_post`, not a comment):
crawler post number 1, or the first post of a JavaScript page that starts at the top (no
"N / M" progress line past 1, no "Reply" button above it). A later page gives a stub.
Comments are flat; the replied-to name is passed as ``reply_to``. A quotation is a line
``<name>:`` or ``<name> said:`` naming someone on the page, then the quoted paragraph. Like counts are the
comment's ``score`` (Discourse shows no down-votes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    GLUE_POINT,
    USERNAME,
    content_indices,
    furniture,
    is_title_like,
    next_content,
    post_head,
    previous_content,
    split_flair,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "discourse"

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_STAMP = rf"{_MONTH}\s+\d{{1,2}},\s+\d{{4}},\s+\d{{1,2}}:\d\d\s?[ap]m"
STAMP = re.compile(rf"^{_STAMP}$", re.IGNORECASE)
USER_LINE = re.compile(rf"^(?P<user>{USERNAME})(?:\s+\((?P<full>[^()]{{1,60}})\))?$")
FULL_NAME_LINE = re.compile(r"^\((?P<full>[^()]{1,60})\)$")
POST_NUMBER = re.compile(r"^\d{1,6}$")
GLUED = re.compile(
    rf"^(?P<likes>1 Like|\d{{1,6}} Likes)?(?P<who>\S.{{0,80}}?)"
    rf"(?:\s*\((?P<full>[^()]{{1,60}})\))?\s+(?P<stamp>{_STAMP})\s*(?P<number>\d{{1,6}})$",
    re.IGNORECASE,
)
SR_HEADING = re.compile(
    rf"^post(?:\s+#(?P<number>\d{{1,6}}))?\s+by\s+@?(?P<user>{USERNAME})\s+on\s+(?P<date>.+)$"
)
SHORT_DATE = re.compile(
    rf"^(?:{_MONTH}\s+(?:\d{{1,2}}(?:,\s+\d{{4}})?|'\d\d|\d{{4}})|\d{{1,2}}[smhdwy])$",
    re.IGNORECASE,
)
LEGACY_NAME = re.compile(r"^(?P<label>[\w.\-]{1,40}(?:\s[\w&'.\-]{1,30}){0,4})$")
BARE_USER = re.compile(rf"^@?(?P<user>{USERNAME})$")
LIKES = re.compile(r"^(?P<count>1 Like|\d{1,6} Likes)(?P<rest>.*)$")
COUNT = re.compile(r"^\d[\d.,]{0,8}k?$")
REPLY_BUTTON = re.compile(r"^Reply$")
REPLIES = re.compile(r"^\d{1,5}\s+Repl(?:y|ies)$")
GAP = re.compile(r"^\d{1,4}\s+(?:day|week|month|year)s?\s+later$", re.IGNORECASE)
SIGNAL = re.compile(
    r"^(?:[\d.,]+k?\s*views?\s*[\d.,]+k?\s*likes?.*|read\s*\d{1,3}\s*min|\d{1,5}\s+Repl(?:y|ies)"
    r"|\d{1,4}\s+(?:day|week|month|year)s?\s+later|Powered by Discourse.*"
    r"|You have selected \d+ posts?\.)$",
    re.IGNORECASE,
)
"""Lines only a Discourse page shows (topic map, reply counters, time gaps, the post
selection widget above the first post, footer)."""
PROGRESS = re.compile(r"^(?P<at>\d{1,6})\s*/\s*\d{1,6}$")
QUOTE_ATTRIBUTION = re.compile(r"^(?P<name>[^:]{1,60}?)(?:\s+said)?:$")
"""'<name>:' or '<name> said:' over a quoted paragraph."""
PROFILE_LABEL = re.compile(
    r"^(?:[A-ZА-ЯЁ][\w'’.\-]*(?:\s[A-ZА-ЯЁ][\w'’.\-]*){0,3}|\S+\s\S.{0,40})$"
)
"""A full name or a user title under an older-view name line ('Irina Gorbunova',
'Regular'): words with a capital, or anything with a space; a replied-to username is one
token and starts in lower case or holds a digit, '_' or '.'."""


def _is_profile_label(text: str) -> bool:
    if SHORT_DATE.match(text) or CHROME.match(text) or not PROFILE_LABEL.match(text):
        return False
    return " " in text or text.isalpha()


CHROME = re.compile(
    r"^(?:\d{1,6} Likes?|Reply|\d{1,5} Repl(?:y|ies)|\d{1,4} (?:day|week|month|year)s? later"
    r"|[\d.,]+k?\s*views?\s*[\d.,]+k?\s*likes?.{0,40}|read\s*\d{1,3}\s*min"
    r"|(?:\d{1,6} Likes?)?Powered by Discourse.*|Hosted by\s(?:\S+\s?){1,8}"
    r"|next page\s*→?|←?\s*previous page|Related [Tt]opics|Suggested [Tt]opics|Top replies"
    r"|Want to read more\?.*|Topic|Replies|Views|Activity|Skip to (?:main content|last reply.*)"
    r"|likes?|links?|users?|created|last reply"
    r"|(?:Sign Up\s*)?Log In|Sign Up|You have selected \d+ posts?\.|select all|cancel selecting"
    rf"|\d{{1,6}}\s*/\s*\d{{1,6}}|\d[\d.,]{{0,8}}k?|{_MONTH}\s+(?:\d{{4}}|'\d\d|\d{{1,2}}))$",
    re.IGNORECASE,
)
TOPIC_EVENT = re.compile(
    r"^(?:(?:closed|opened|pinned|unpinned|archived|unarchived|listed|unlisted)\s+"
    rf"(?:on\s+)?(?:{_MONTH}\s+(?:\d{{4}}|'\d\d|\d{{1,2}}(?:,\s+\d{{4}})?)|\d{{1,2}}[smhdwy])"
    r"|This topic (?:was|will be) automatically (?:closed|opened)\b.*"
    r"|Solved by\s+\S{1,40}\s+in post #\d{1,6}|Solution)$",
    re.IGNORECASE,
)
"""A topic's event and status lines: 'closed Oct 2021', 'This topic was automatically
closed …', the accepted-answer marks ('Solved by <name> in post #4', 'Solution')."""
PAGE_FOOTER = re.compile(
    r"^(?:\d{1,6} Likes?)?(?:Powered by Discourse|next page\b|←?\s*previous page\b|"
    r"Related [Tt]opics$|Suggested [Tt]opics$|Want to read more\?)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: where it starts, its view, and what it names."""

    position: int
    view: str
    author: str
    number: int | None = None


def _crawler(lines: Sequence[Line], position: int) -> Found | None:
    """A crawler header at `position`: user line, optional full name, stamp, post number."""
    user = USER_LINE.match(lines[position].text)
    if user is None or COUNT.match(lines[position].text):
        return None
    at = next_content(lines, position)
    if at is not None and FULL_NAME_LINE.match(lines[at].text):
        at = next_content(lines, at)
    if at is None or not STAMP.match(lines[at].text):
        return None
    number = next_content(lines, at)
    if number is None or not POST_NUMBER.match(lines[number].text):
        return None
    return Found(position, "crawler", user.group("user"), int(lines[number].text))


def _glued(lines: Sequence[Line], position: int) -> Found | None:
    text = lines[position].text
    match = GLUED.match(text) if text[-1:].isdigit() else None  # it ends in the post number
    if match is None:
        return None
    return Found(position, "glued", match.group("who").split()[-1], int(match.group("number")))


def _sr(lines: Sequence[Line], position: int) -> Found | None:
    match = SR_HEADING.match(lines[position].text)
    if match is None or find_date(match.group("date")) is None:
        return None
    number = int(match.group("number")) if match.group("number") else None
    return Found(position, "sr", match.group("user"), number)


def _legacy(lines: Sequence[Line], position: int) -> Found | None:
    """An older-view header: name line, optional replied-to name, short date, and a "Reply"
    button line closing the post before the next name line."""
    match = LEGACY_NAME.match(lines[position].text)
    if match is None or CHROME.match(match.group(0)) or SHORT_DATE.match(match.group(0)):
        return None
    above = previous_content(lines, position)
    before = lines[above].text if above is not None else ""
    if LEGACY_NAME.match(before) and not CHROME.match(before):
        return None  # a replied-to name under the author's name line
    author, _ = split_flair(match.group("label"))
    if not author:
        return None
    at = next_content(lines, position)
    for _ in range(MAX_PROFILE_LABELS):  # full name, user title
        if at is not None and _is_profile_label(lines[at].text):
            at = next_content(lines, at)
    if at is not None and BARE_USER.match(lines[at].text) and not SHORT_DATE.match(lines[at].text):
        at = next_content(lines, at)
    if at is None or not SHORT_DATE.match(lines[at].text):
        return None
    for later in range(at + 1, min(len(lines), at + 400)):
        text = lines[later].text
        if REPLY_BUTTON.match(text):
            return Found(position, "legacy", author)
        following = next_content(lines, later) if LEGACY_NAME.match(text) else None
        if following is not None and SHORT_DATE.match(lines[following].text):
            return None
    return None


MAX_PROFILE_LABELS = 2


VIEWS = (_sr, _crawler, _glued, _legacy)


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every post header of the page, in the view that finds the most (the first one wins
    a tie); the opening post's header included. The older view, the least distinctive, is
    read only on a page that shows a Discourse-only line (:data:`SIGNAL`)."""
    signal = any(SIGNAL.match(line.text) for line in lines)
    best: list[Found] = []
    for finder in VIEWS if signal else VIEWS[:-1]:
        found = [
            hit
            for position, line in enumerate(lines)
            if not line.is_blank and (hit := finder(lines, position)) is not None
        ]
        if len(found) > len(best):
            best = found
    return best


def _opens_topic(lines: Sequence[Line], first: Found) -> bool:
    """Whether the page's first header is the topic's opening post."""
    if first.number is not None:
        return first.number == 1
    for line in lines[: first.position]:
        progress = PROGRESS.match(line.text)
        if (progress and int(progress.group("at")) > 1) or REPLY_BUTTON.match(line.text):
            return False
    return True


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the comment headers: every post header but the opening post's."""
    found = headers(lines)
    if found and _opens_topic(lines, found[0]):
        found = found[1:]
    return [hit.position for hit in found]


def is_chrome(line: Line) -> bool:
    """Discourse furniture: like and reply counters, the "Reply" button, the topic map,
    timeline and selection widgets, topic events, table headers of related topics, the
    footer."""
    return bool(CHROME.match(line.text) or TOPIC_EVENT.match(line.text))


def _footer_start(lines: Sequence[Line], start: int, end: int) -> int:
    """Where the page footer begins inside [start, end) (end: none)."""
    for at in range(start, end):
        if PAGE_FOOTER.match(lines[at].text):
            return at
    return end


def _score(lines: Sequence[Line], body_start: int, end: int) -> int | None:
    """The like count closing the post: a glued "N Likes" on the next header, else the
    last "N Likes" or bare count before the reply counters and the page footer."""
    if end < len(lines):
        glued = LIKES.match(lines[end].text)
        if glued and GLUED.match(lines[end].text):
            return int(glued.group("count").split()[0])
    cut = _footer_start(lines, body_start, end)
    if cut < end:
        glued = LIKES.match(lines[cut].text)
        if glued:
            return int(glued.group("count").split()[0])
    for at in range(cut - 1, body_start - 1, -1):
        text = lines[at].text
        if not text or REPLY_BUTTON.match(text) or REPLIES.match(text) or GAP.match(text):
            continue
        if TOPIC_EVENT.match(text):
            continue
        likes = LIKES.match(text)
        if likes and not likes.group("rest"):
            return int(likes.group("count").split()[0])
        return int(text) if text.isdigit() else None
    return None


@dataclass(frozen=True, slots=True)
class Parsed:
    """A post header read in full."""

    author: str
    n_lines: int
    published: str | None = None
    reply_to: str | None = None
    revision: int | None = None


def _parse_sr(lines: Sequence[Line], position: int, end: int) -> Parsed:
    match = SR_HEADING.match(lines[position].text)
    author = match.group("user") if match else lines[position].text
    published = match.group("date") if match else None
    last, reply_to, revision = position, None, None
    at = next_content(lines, position, end)
    if at is not None and author in lines[at].text.replace("@", " ").split():
        last = at
        at = next_content(lines, at, end)
    while at is not None and at - position <= 12:
        text = lines[at].text
        if SHORT_DATE.match(text):
            last = at
            break
        if POST_NUMBER.match(text) and revision is None:
            revision = int(text)
        elif BARE_USER.match(text) and reply_to is None:
            reply_to = text.lstrip("@")
        else:
            break
        at = next_content(lines, at, end)
    else:
        at = None
    if at is None:
        reply_to = revision = None
    return Parsed(author, last - position + 1, published, reply_to, revision)


def _parse_legacy(lines: Sequence[Line], position: int, end: int) -> Parsed:
    label = lines[position].text
    author, _ = split_flair(label, {line.text for line in lines})
    reply_to, published, last = None, None, position
    at = next_content(lines, position, end)
    for _ in range(MAX_PROFILE_LABELS):
        if at is not None and _is_profile_label(lines[at].text):
            at = next_content(lines, at, end)
    if at is not None and BARE_USER.match(lines[at].text) and not SHORT_DATE.match(lines[at].text):
        reply_to = lines[at].text.lstrip("@")
        at = next_content(lines, at, end)
    if at is not None and SHORT_DATE.match(lines[at].text):
        published, last = lines[at].text, at
    else:
        reply_to = None
    return Parsed(author or label, last - position + 1, published, reply_to)


def _parse_crawler(lines: Sequence[Line], position: int, end: int) -> Parsed:
    user = USER_LINE.match(lines[position].text)
    author = user.group("user") if user else lines[position].text
    at, last, published = next_content(lines, position, end), position, None
    while at is not None and at - position <= 8:
        text = lines[at].text
        if FULL_NAME_LINE.match(text):
            last = at
        elif STAMP.match(text):
            published, last = text, at
        elif POST_NUMBER.match(text) and published:
            last = at
            break
        else:
            break
        at = next_content(lines, at, end)
    return Parsed(author, last - position + 1, published)


def _parse_glued(lines: Sequence[Line], position: int) -> Parsed:
    match = GLUED.match(lines[position].text)
    if match is None:
        return Parsed(lines[position].text, 1)
    return Parsed(_glued_author(lines, match.group("who")), 1, match.group("stamp"))


def _glued_author(lines: Sequence[Line], who: str) -> str:
    """The username of a glued header's name part: without the topic's category glued
    before it (as the page title names it), else the author of a later header it ends with
    (only the first header has the category glued on), else the part after its first glued
    capital."""
    for label in sorted(_categories(lines), key=len, reverse=True):
        if who.startswith(label) and len(who) > len(label):
            return who[len(label) :].strip()
    token = who.split()[-1]
    points = [match.start() for match in GLUE_POINT.finditer(token)]
    if not points:
        return token
    glued = [match for line in lines if (match := GLUED.match(line.text))]
    known = {match.group("who") for match in glued[1:]}
    for name in sorted(known, key=len, reverse=True):
        if who.endswith(name):
            return name
    return token[points[0] :]


def _categories(lines: Sequence[Line]) -> set[str]:
    """The category labels of a page title "<Title> - <Category> - <Site>"."""
    texts = {line.text for line in lines if line.text}
    labels: set[str] = set()
    for text in texts:
        parts = text.split(" - ")
        if len(parts) >= 3 and any(
            " - ".join(parts[:cut]) in texts for cut in range(1, len(parts) - 1)
        ):
            labels.update(part for part in parts[1:-1] if part)
    return labels


def read_header(lines: Sequence[Line], hit: Found, end: int) -> Parsed:
    if hit.view == "sr":
        return _parse_sr(lines, hit.position, end)
    if hit.view == "legacy":
        return _parse_legacy(lines, hit.position, end)
    if hit.view == "glued":
        return _parse_glued(lines, hit.position)
    return _parse_crawler(lines, hit.position, end)


def _view_at(lines: Sequence[Line], position: int) -> Found:
    for finder in VIEWS:
        hit = finder(lines, position)
        if hit is not None:
            return hit
    return Found(position, "legacy", lines[position].text)


def names_someone(lines: Sequence[Line], at: int, name: str) -> bool:
    """Whether a line above `at` shows `name` as an author: alone on a line (a username, a
    replied-to name), as "(<name>)", in a "post by <name> on" heading, or as the full name
    before a username on a name line."""
    paren, prefix = f"({name})", name + " "
    headings = (f" by {name} on ", f" by @{name} on ")
    for line in reversed(lines[:at]):
        text = line.text
        if text == name or text.endswith(paren) or any(h in text for h in headings):
            return True
        if text.startswith(prefix):
            rest = text[len(prefix) :].split()
            if 0 < len(rest) <= 3 and re.fullmatch(USERNAME, rest[0]) and not ends_sentence(text):
                return True
    return False


def quote_lines(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """Indices of quoted lines in [start, end): the paragraph after a "<name>:" line that
    names an author shown above it."""
    quoted: set[int] = set()
    for at in range(start, end):
        match = QUOTE_ATTRIBUTION.match(lines[at].text)
        if match is None or not names_someone(lines, at, match.group("name").strip()):
            continue
        first = next_content(lines, at, end)
        while first is not None and first < end and not lines[first].is_blank:
            quoted.add(lines[first].index)
            first += 1
    return quoted


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _view_at(lines, position)
    parsed = read_header(lines, hit, end)
    n_lines = min(parsed.n_lines, end - position)
    body_start = position + n_lines
    footer = _footer_start(lines, body_start, end)
    return Header(
        author=parsed.author,
        n_lines=n_lines,
        nesting=0,
        score=_score(lines, body_start, end),
        edited=parsed.revision is not None and parsed.revision > 1,
        edit_count=parsed.revision - 1 if parsed.revision and parsed.revision > 1 else None,
        published=parsed.published,
        reply_to=parsed.reply_to,
        chrome_lines=frozenset(content_indices(lines[footer:end])),
        quote_lines=frozenset(quote_lines(lines, body_start, footer)),
    )


def _body_end(lines: Sequence[Line], start: int) -> int:
    """Where the opening post's body ends: its first counter or "Reply" button line."""
    for at in range(start, len(lines)):
        text = lines[at].text
        if REPLY_BUTTON.match(text) or POST_NUMBER.match(text) or LIKES.match(text):
            return at
        if PAGE_FOOTER.match(text):
            return at
    return len(lines)


def _title(top: Sequence[Line], skip: set[int]) -> Line | None:
    """The topic title above the opening post: the line the page title repeats before
    " - <Category> - <Site>", else the top of the run of title-shaped lines nearest above
    the post (category and tags below the title; furniture before the run is passed)."""
    texts = [line.text for line in top if not line.is_blank]
    for line in top:
        if line.text and any(t.startswith(line.text + " - ") for t in texts):
            return line
    run: list[Line] = []
    for line in reversed(top):
        if line.is_blank or not any(ch.isalnum() for ch in line.text):
            continue  # a zero-width space the page shows as an empty line
        if line.index in skip or SHORT_DATE.match(line.text) or PROGRESS.match(line.text):
            if run:
                break
            continue
        if not is_title_like(line.text) or (ends_sentence(line.text) and line.text[-1] != "?"):
            break
        run.append(line)
    return run[-1] if run else None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head: its title, and its author and date where its header is on
    the page; a page without the opening post's text yields only the title (a stub)."""
    skip = furniture(lines, is_chrome)
    found = headers(lines)
    opening = found[0] if found and _opens_topic(lines, found[0]) else None
    buttons = [at for at, line in enumerate(lines) if REPLY_BUTTON.match(line.text)]
    if opening is not None:
        parsed = read_header(lines, opening, len(lines))
        top, body_start = lines[: opening.position], opening.position + parsed.n_lines
        author, published = parsed.author, parsed.published
        header_lines = content_indices(lines[opening.position : body_start])
    elif buttons:
        top, body_start, author, published, header_lines = [], 0, None, None, set()
    else:
        title = _title(lines, skip)
        return post_head(
            title=title.text if title else None,
            title_lines={title.index} if title else set(),
            author=None,
            published=None,
            meta_lines=(),
            chrome_lines=content_indices(lines) - skip,
        )
    title = _title(top, skip) if top else None
    if opening is None:
        first = next(
            (at for at, line in enumerate(lines) if line.text and line.index not in skip), None
        )
        if first is not None and is_title_like(lines[first].text):
            title, body_start = lines[first], first + 1
    body_end = _body_end(lines, body_start)
    furniture_lines = (content_indices(top) | content_indices(lines[body_end:])) - skip
    return post_head(
        title=title.text if title else None,
        title_lines={title.index} if title else set(),
        author=author,
        published=published,
        meta_lines=header_lines,
        chrome_lines=furniture_lines,
        quote_lines=quote_lines(lines, body_start, body_end),
    )
