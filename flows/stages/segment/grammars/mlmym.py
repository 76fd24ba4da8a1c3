"""mlmym and old-reddit comment headers, as their pages scrape to text.

A comment starts at one header line::

    [–] NAME [BADGES] [FLAIR] SCORE AGE[*] [(last edited AGE)] [stickied comment] [(K children)]

* the toggle: ``[–]`` (or ``[-]``) on an open comment, ``[+]`` on a collapsed one, glued to
  NAME or spaced from it;
* NAME: ``user``, ``user@instance`` or ``[deleted]``; BADGES glued after it: ``[S]`` (the
  submitter: the original poster), ``[M]``, ``[A]``, ...; FLAIR: free text up to SCORE;
* SCORE: ``N points`` / ``1 point``, ``[score hidden]`` or ``comment score below threshold``
  (no score); AGE: ``N units ago``, with ``*`` or ``(last edited AGE)`` when edited;
* ``(K children)`` / ``(1 child)``: the comment has K descendants.

Nesting (an explicit depth): on a page that indents its replies (Removeddit and other
archive front-ends, mlmym's pages), the indentation, the depth shown, whether or not some
headers count their children as well. Else the K descendants of a
comment follow it in pre-order, and a
``load more comments (N replies)`` line stands for N of them not shown; a collapsed
``[+]`` comment shows none of its own. Where the page prints no counts on open comments
(old reddit), the button row under a comment decides: ``…parent…`` makes it a reply to
the comment before it, an old-reddit row without ``parent`` (``permalinkembedsave``) puts
it at the top level.

Page chrome (:func:`is_chrome`): the placeholders an archive prints for a removed
comment's text (``[removed]``, ``[likely removed by automoderator]``), the button rows (``permalink embed save parent report
reply``, glued or spaced), ``load more comments``, ``sorted by: …``, ``N comments``,
vote summaries (``87 points (91% upvoted)``), the sidebar (``N readers``, ``N users here
now``, ``founded AGE``, ``MODERATORS``) and the site's header and footer lines.

The post (:func:`parse_post`): its tagline ``submitted AGE by USER [to c/COMMUNITY]``
gives the author, the line above it the title (without its ``(domain)`` and glued
flair); ``this post was submitted on DATE`` gives the date; the page head above the
title and the community sidebar (from its name over ``N readers`` down to its moderator
list) are kept out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "mlmym"

USER = r"\[deleted\]|\[removed\]|[\w-]+(?:@[\w-]+(?:\.[\w-]+)+)?"
HEADER = re.compile(
    rf"^\[(?P<toggle>[-–—−+])\]\s*(?P<author>{USER})(?P<badges>(?:\[[^\]\s]{{1,12}}\])*)"
    r"(?P<tail>.*)$"
)
AGE = re.compile(
    r"(?:^|(?<=\s))(?P<age>(?:\d+(?:\.\d+)?|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?"
    r"\s+ago)(?P<star>\*)?",
    re.IGNORECASE,
)
TAIL = re.compile(
    r"^(?P<flair>(?:[^\w\s].{0,39}?|\s.{0,39}?)?)\s*"
    r"(?:(?P<score>[-−]?\d[\d,]*)\s+points?\b|(?P<unscored>\[score hidden\]"
    r"|comment score below threshold))?\s*"
    r"(?:(?P<age>(?:\d+(?:\.\d+)?|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago)"
    r"(?P<star>\*)?)?"
    r"(?P<rest>(?:\s*(?:\((?:last )?edited[^)]{0,40}\)|stickied comment|\((?P<children>\d+)\s+"
    r"child(?:ren)?\)))*)\s*$",
    re.IGNORECASE,
)
LAST_EDITED = re.compile(r"\((?:last )?edited\b", re.IGNORECASE)

BUTTON = (
    r"permalink|embed|save|unsave|parent|report|reply|fedilink|source|context|reddit"
    r"|block|edit|delete|give award|share|crosspost|hide"
)
BUTTON_ROW = re.compile(rf"^(?:[*•]\s+)?(?:(?:{BUTTON})\s*[|·•]?\s*)+$", re.IGNORECASE)
BUTTON_WORD = re.compile(BUTTON, re.IGNORECASE)
LOAD_MORE = re.compile(
    r"^(?:load more comments(?:\s*\((?P<count>\d+) repl(?:y|ies)\))?|continue this thread\W*"
    r"|\d+ more repl(?:y|ies)|(?:hide)?\s*(?:show)?\s*\d*\s*child comments)$",
    re.IGNORECASE,
)
COUNTER = re.compile(
    r"^\d[\d,.]*\s*[km]?\s+(?:readers|subscribers|members|users here now|users online|online"
    r"|users?\s*/\s*(?:day|week|month|6 months))$",
    re.IGNORECASE,
)
SIDEBAR_HEADING = re.compile(r"^(?:moderators|admins|moderator of|moderator tools)$", re.I)
FOUNDED = re.compile(r"^founded\s+.{1,30}\bago$|^created by .{0,60}a community for .{1,30}$")
VOTE_SUMMARY = re.compile(r"^\d[\d,]*\s+points?\s*\(\d+(?:\.\d+)?%\s*(?:upvoted|liked)\)$")
COMMENT_COUNT = re.compile(
    rf"^(?:all|top|next)\s+\d+\s+comments?$"
    rf"|^\d+\s+comments?(?:\s*\([^()]{{0,40}}\))?(?:\s*(?:{BUTTON}))*$"
    r"|^no comments \(yet\)$",
    re.IGNORECASE,
)
SORTED_BY = re.compile(r"^sort(?:ed)? by:", re.IGNORECASE)
USER_BAR = re.compile(r"\|\s*(?:messages|logout|preferences)\b", re.IGNORECASE)
WORD_BAR = re.compile(r"^home-popular-all\b|^\w+(?:-\w+){4,}$")
SITE_LINE = re.compile(
    r"^(?:reddit\.com\s+\S+|comments\s*other discussions\s*\(\d+\)|\.\.\.and \d+ more »"
    r"|by using this site you accept our user agreement.*|reddit and the alien logo .*"
    r"|rendered by pid \d+.*|show my flair on this subreddit.*|[\w-]+\s*\(edit\)"
    r"|you are viewing a single comment's thread\.?\s*(?:view the rest of the comments\W*)?"
    r"|view the rest of the comments\W*|view more:.{0,30}"
    r"|there doesn't seem to be anything here\.?)$",
    re.IGNORECASE,
)
FIXED_CHROME = frozenset(
    {
        "jump to content",
        "my subreddits",
        "edit »",
        "more »",
        "|",
        "|logout",
        "logout",
        "preferences",
        "shortlink:",
        "submit a new link",
        "submit a new text post",
        "create a post »",
        "create a community »",
        "leave",
        "join",
        "account activity",
        "formatting help",
        "content policy",
        "hide all child comments",
        "what is this?",
        "load more",
        "search",
        "about",
        "blog",
        "advertising",
        "careers",
        "help",
        "site rules",
        "reddit help center",
        "reddiquette",
        "mod guidelines",
        "contact us",
        "apps & tools",
        "reddit for iphone",
        "reddit for android",
        "mobile website",
        "<3",
        "reddit premium",
    }
)

SUBMITTED_ON = re.compile(r"^this post was submitted on (?P<date>.{6,40})$", re.IGNORECASE)
TAGLINE = re.compile(
    r"^(?:[-−]?\d[\d,.]*[km]?\s+points?\s*[•·|]\s*)?"
    rf"submitted\s*[-–—]?\s*(?P<when>.{{1,40}}?)\*?(?:\s*\(last edited[^)]*\))?\s+by\s+"
    rf"(?P<author>{USER})(?:\[[^\]\s]{{1,12}}\])*(?:\W.{{0,120}})?$",
    re.IGNORECASE,
)
BARE_NUMBER = re.compile(r"^[-−]?\d[\d,.]*[km]?$", re.IGNORECASE)
DOMAIN = re.compile(r"\s*\((?:self\.[\w-]+|[\w-]+(?:\.[\w-]+)+)\)\s*$")
GLUED_FLAIR = re.compile(
    r"(?:(?<=[?!)\"”’])|(?<=[a-z]{2}\.)|(?<=[a-z]{3}))(?P<flair>[A-Z][\w&'-]{0,20}(?: \w+)?)$"
)
MOD_NAME = re.compile(rf"^(?:{USER})(?:\s*\[?mod\]?)?$|^\.\.\.and \d+ more »$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Tag:
    """One comment header, read."""

    author: str
    badges: tuple[str, ...]
    collapsed: bool
    score: int | None
    age: str | None
    edited: bool
    children: int | None


def read_header(text: str) -> Tag | None:
    """The header on this line of text, or None when the line is not one."""
    match = HEADER.match(text.strip())
    if match is None or len(text) > 300:
        return None
    tail = TAIL.match(match.group("tail"))
    if tail is None or not (tail.group("score") or tail.group("unscored") or tail.group("age")):
        return None
    score, children = tail.group("score"), tail.group("children")
    return Tag(
        author=match.group("author"),
        badges=tuple(re.findall(r"\[([^\]]+)\]", match.group("badges"))),
        collapsed=match.group("toggle") == "+",
        score=int(score.replace("−", "-").replace(",", "")) if score else None,
        age=tail.group("age"),
        edited=bool(tail.group("star") or LAST_EDITED.search(tail.group("rest"))),
        children=int(children) if children else None,
    )


def is_button_row(text: str) -> bool:
    return len(text) <= 120 and bool(BUTTON_ROW.match(text))


def is_sidebar_line(text: str) -> bool:
    """Counters, headings, the age line and the post's stats line of a sidebar."""
    return bool(
        COUNTER.match(text)
        or SIDEBAR_HEADING.match(text)
        or FOUNDED.match(text)
        or SUBMITTED_ON.match(text)
    )


PLACEHOLDER = re.compile(
    r"^\[(?:deleted|removed|(?:likely )?removed by (?:automoderator|moderators?|reddit)"
    r"|removed too quickly to be archived)\]$",
    re.IGNORECASE,
)
"""What an archive front-end prints in place of a removed comment's text."""


def is_chrome(line: Line) -> bool:
    text = line.text
    if len(text) > 200:
        return False
    return (
        text.casefold() in FIXED_CHROME
        or bool(PLACEHOLDER.match(text))
        or is_button_row(text)
        or is_sidebar_line(text)
        or any(
            pattern.match(text)
            for pattern in (LOAD_MORE, VOTE_SUMMARY, COMMENT_COUNT, SORTED_BY, SITE_LINE)
        )
        or bool(USER_BAR.search(text) or WORD_BAR.match(text))
    )


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Header lines; one alone counts only on a page that shows the button rows too."""
    starts = [position for position, line in enumerate(lines) if read_header(line.text)]
    if len(starts) == 1 and not any(is_button_row(line.text) for line in lines):
        return []
    return starts


def reply_evidence(region: Sequence[Line]) -> bool | None:
    """What a comment's button rows say: True (a ``parent`` link: a reply), False (an
    old-reddit row without one: top level), None (no row, or a row that never tells)."""
    words: set[str] = set()
    for line in region:
        if is_button_row(line.text):
            words.update(word.casefold() for word in BUTTON_WORD.findall(line.text))
    if "parent" in words:
        return True
    return False if "embed" in words else None


@dataclass(slots=True)
class Event:
    """A header (with what its button rows say) or a ``load more`` line, in page order."""

    position: int
    tag: Tag | None = None
    reply: bool | None = None
    hidden: int = 0


def page_events(lines: Sequence[Line]) -> list[Event]:
    events: list[Event] = []
    current: Event | None = None
    region: list[Line] = []
    for position, line in enumerate(lines):
        tag = read_header(line.text)
        more = LOAD_MORE.match(line.text)
        if more is not None and not more.group("count"):
            more = None
        if tag is None and more is None:
            region.append(line)
            continue
        if current is not None:
            current.reply = reply_evidence(region)
        region = []
        if tag is not None:
            current = Event(position, tag=tag)
            events.append(current)
        elif more is not None:
            events.append(Event(position, hidden=int(more.group("count"))))
            current = None  # the rows after a "load more" line are no comment's
    if current is not None:
        current.reply = reply_evidence(region)
    return events


def depths(lines: Sequence[Line]) -> dict[int, int]:
    """{header position: depth}, replaying the page's headers in order (see the module
    docstring); a stack entry is an open comment's count of descendants still to come
    (None: unknown)."""
    events = page_events(lines)
    counted = any(e.tag and not e.tag.collapsed and e.tag.children for e in events)
    indents = {e.position: lines[e.position].indent for e in events if e.tag is not None}
    if len(set(indents.values())) > 1:  # a page that indents its replies: the depth shown
        levels = sorted(set(indents.values()))
        return {position: levels.index(indent) for position, indent in indents.items()}
    stack: list[int | None] = []
    found: dict[int, int] = {}
    for event in events:
        while stack and stack[-1] == 0:
            stack.pop()
        if event.tag is None:
            stack = [None if left is None else max(0, left - event.hidden) for left in stack]
            continue
        counted_parent = bool(stack) and stack[-1] is not None
        chained = bool(stack) and event.reply is True
        if event.reply is False or not (counted_parent or chained):
            stack = []
        found[event.position] = len(stack)
        stack = [None if left is None else max(0, left - 1) for left in stack]
        tag = event.tag
        if tag.collapsed:
            stack.append(0)
        elif tag.children is not None or counted:
            stack.append(tag.children or 0)
        else:
            stack.append(None)
    return found


def nestings(lines: Sequence[Line], starts: Sequence[int]) -> list[int]:
    """The depth of every header, the page's depths worked out once."""
    found = depths(lines)
    return [found.get(position, 0) for position in starts]


def instance_of(author: str) -> str | None:
    return author.split("@", 1)[1] or None if "@" in author else None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    tag = read_header(lines[position].text)
    if tag is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    return Header(
        author=tag.author,
        n_lines=1,
        nesting=0,  # the page's depths (:func:`nestings`) override it
        instance=instance_of(tag.author),
        is_op="S" in tag.badges,
        score=tag.score,
        edited=tag.edited,
        age=tag.age,
    )


def clean_title(text: str) -> str:
    """The title without the ``(domain)`` after it and a link flair glued to its end."""
    bare = DOMAIN.sub("", text)
    flair = GLUED_FLAIR.search(bare) if bare != text else None
    return (bare[: flair.start()] if flair and flair.start() else bare).strip()


def sidebar_lines(region: Sequence[Line]) -> set[int]:
    """Indices of a community sidebar's lines: from the community's name (the line over
    its first counter) down to its moderator list, or to its last sidebar line."""
    content = [line for line in region if not line.is_blank]
    first = next((n for n, line in enumerate(content) if COUNTER.match(line.text)), None)
    if first is None:
        return set()
    start = first
    if first and _is_community_name(content[first - 1]):
        start = first - 1
    last = max(n for n, line in enumerate(content) if is_sidebar_line(line.text))
    if last < first:
        return set()
    if SIDEBAR_HEADING.match(content[last].text):
        while last + 1 < len(content) and MOD_NAME.match(content[last + 1].text):
            last += 1
    return {line.index for line in content[start : last + 1]}


def _is_community_name(line: Line) -> bool:
    text = line.text
    short = len(text) <= 80 and len(text.split()) <= 8
    return short and not text.endswith((".", ":")) and not is_chrome(line)


def read_tagline(text: str) -> tuple[str, str] | None:
    """(author, when as written) of a post's ``submitted AGE by USER`` line."""
    match = TAGLINE.match(text)
    if match is None or not (AGE.search(match.group("when")) or find_date(match.group("when"))):
        return None
    return match.group("author"), match.group("when")


def submitted_on(text: str) -> str | None:
    """The date as written on a sidebar's ``this post was submitted on DATE`` line."""
    match = SUBMITTED_ON.match(text)
    return match.group("date").strip() if match and find_date(match.group("date")) else None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The post's head from the lines above the first comment (None: nothing known)."""
    content = [line for line in lines if not line.is_blank]
    meta = sidebar_lines(lines)
    dates = [(line.index, submitted_on(line.text)) for line in content]
    dated = [(index, date) for index, date in dates if date]
    meta.update(index for index, _ in dated)
    published = dated[0][1] if dated else None
    author, title, title_lines = None, None, frozenset[int]()
    taglines = [line for line in content if read_tagline(line.text)]
    meta.update(line.index for line in taglines)
    chosen = _post_tagline(content, taglines, meta)
    if chosen is not None:
        line, title_line = chosen
        tagline = read_tagline(line.text)
        assert tagline is not None
        author, when = tagline
        found = find_date(when)
        published = published or (found[0] if found else None)
        if title_line is not None:
            title, title_lines = clean_title(title_line.text), frozenset({title_line.index})
            meta.update(item.index for item in content if item.index < title_line.index)
    dated_lines = {index for index, _ in dated}
    meta = {
        line.index
        for line in content
        if line.index in meta and (line.index in dated_lines or not is_chrome(line))
    }
    if not (meta or title):
        return None
    return PostHead(
        title=title,
        title_lines=title_lines,
        author=author,
        published=published,
        meta_lines=frozenset(meta),
    )


def _post_tagline(
    content: Sequence[Line], taglines: Sequence[Line], meta: set[int]
) -> tuple[Line, Line | None] | None:
    """The post's tagline, with its title line: where the page repeats the tagline (a
    copy in the page head, over a label), the one under a title that shows its link's
    ``(domain)``, else the last one (old reddit prints the sidebar first)."""
    found = [(line, _title_line(content, line.index, meta)) for line in taglines]
    for line, title_line in found:
        if title_line is not None and DOMAIN.search(title_line.text):
            return line, title_line
    return found[-1] if found else None


def _title_line(content: Sequence[Line], before: int, meta: set[int]) -> Line | None:
    """The nearest line above the tagline that is neither chrome nor a bare score."""
    for line in reversed([line for line in content if line.index < before]):
        if line.index in meta or is_chrome(line) or BARE_NUMBER.match(line.text):
            continue
        return line
    return None
