"""Hacker News item pages (news.ycombinator.com), as they scrape to text.

Comment header, one line::

    [N point(s) by ]USER AGE [[dead]] [[flagged]] | NAV | NAV … [–]

AGE is "3 hours ago" or "on March 3, 2024"; NAV is one of unvote, undown, root, parent,
context, prev, next, edit, delete, flag, vouch, favorite. The toggle ("[–]", "[+]",
"[3 more]") ends the line; a header shows at least one NAV or the toggle.

Nesting is the headers' indentation when they are not all indented alike. Flat pages get a depth
solved from the NAV links: "parent" means depth >= 1 ("root" too: >= 2), no "prev" on a
reply means it is the first reply of the comment just above it, "prev" means an earlier
sibling exists (so it sits no deeper than the comment above), "next" means a later
comment sits at the same depth or shallower, and no "next" that every later comment
is deeper. On a comment's own page the depths are relative to that comment.

The story head above the comments::

    Hacker News new | past | comments | ask | show | jobs | submit login   (nav bar)
    TITLE[ (DOMAIN)]
    N points by USER AGE | hide | past | favorite | N comments
    [TEXT…]

or, on a comment's own page (that comment is the thread's post)::

    USER AGE | parent | context | favorite | on: STORY TITLE
    TEXT…

Chrome anywhere: the nav bar, "reply", "help", "add comment", "More", "[flagged]" and
"[dead]" bodies, the footer "Guidelines | FAQ | …", "Search:", "TITLE | Hacker News".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "hackernews"

_USER = r"(?P<user>[A-Za-z0-9_-]{2,20}|\[deleted\])"
_AGE = (
    r"(?P<age>\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just now"
    r"|on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})"
)
_POINTS = r"(?:(?P<points>-?\d+)\s+points?\s+by\s+)?"
_MARKS = r"(?:\s+\[(?:dead|flagged)\])*"
NAVS = frozenset(
    {"unvote", "undown", "root", "parent", "context", "prev", "next", "edit", "delete"}
    | {"flag", "unflag", "vouch", "favorite"}
)
_NAV = "|".join(sorted(NAVS))
COMMENT = re.compile(
    rf"^{_POINTS}{_USER}\s+{_AGE}{_MARKS}(?P<navs>(?:\s*\|\s*(?:{_NAV}))*)"
    r"(?P<toggle>\s*\[(?:–|-|\+|\d+\s+more)\](?:\s*\[\d+\s+more\])?)?$"
)
PERMALINK_HEAD = re.compile(
    rf"^{_POINTS}{_USER}\s+{_AGE}{_MARKS}(?:\s*\|\s*(?:{_NAV}))*\s*\|\s*on:\s*(?P<title>\S.*?)"
    r"(?:\s*\[(?:–|-|\+)\])?$"
)
STORY_META = re.compile(
    rf"^(?:(?P<points>\d+)\s+points?\s+by\s+{_USER}\s+)?{_AGE}"
    r"(?:\s*\|\s*(?:hide|unhide|past|favorite|un-favorite|flag|unflag|vouch|web|edit|delete"
    r"|discuss|\d+\s+comments?))+$"
)
DOMAIN = re.compile(r"^(?P<title>.+?)\s+\((?P<domain>[\w-]+(?:\.[\w-]+)+(?:/[\w.~/-]*)?)\)$")
PAGE_TITLE = re.compile(r"^(?P<title>.+?)\s+\|\s+Hacker News$")
NAV_BAR = re.compile(
    r"^(?:Y\s+)?(?:Hacker News\s*)?new\s*\|\s*(?:threads\s*\|\s*)?past\s*\|.*\bsubmit\b"
    r"|^(?:Y\s+)?Hacker News$"
)
FOOTER = re.compile(r"^Guidelines\s*\|\s*FAQ\s*\|")
CHROME = re.compile(
    r"^(?:reply|help|add comment|More|login|logout|Search:.*"
    r"|\[(?:flagged|dead|deleted)\](?:\s+\[dead\])?)$"
)
MAX_BASE = 8
"""Deepest story depth tried for the first comment of a comment's own page."""


def _header(line: Line) -> re.Match[str] | None:
    match = COMMENT.match(line.text)
    if match is None or not (match.group("navs") or match.group("toggle")):
        return None
    return match


def _has_story_chrome(lines: Sequence[Line]) -> bool:
    return any(
        NAV_BAR.match(line.text)
        or FOOTER.match(line.text)
        or STORY_META.match(line.text)
        or PERMALINK_HEAD.match(line.text)
        for line in lines
    )


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Comment headers, when there are two or the page shows Hacker News chrome."""
    starts = [position for position, line in enumerate(lines) if _header(line)]
    if len(starts) >= 2 or (starts and _has_story_chrome(lines)):
        return starts
    return []


def nav_set(match: re.Match[str]) -> frozenset[str]:
    return frozenset(part.strip() for part in match.group("navs").split("|") if part.strip())


def _allowed(navs: frozenset[str], depth: int, base: int) -> bool:
    """Whether a story depth (`depth` + `base`) agrees with the parent/root links."""
    story = depth + base
    if "parent" not in navs:
        return story == 0
    if "root" not in navs:
        return story == 1
    return story >= 2


MODES = ("strict", "open", "loose")
"""Solving modes, tried in turn: "strict" meets every "next" on the page, "open" lets the
last ones point past it (a paged thread), "loose" also lets a "prev" or a missing "prev"
be wrong (a hidden comment between two shown ones)."""
MAX_STEPS = 200_000


def _candidates(navs: frozenset[str], previous: int | None, floor: int, mode: str) -> list[int]:
    """Depths to try for a comment after one at depth `previous`, preferred first."""
    if previous is None:
        return [0]
    lowest = 0 if mode == "loose" else floor
    siblings = list(range(previous, lowest - 1, -1))
    if "prev" not in navs:
        return [previous + 1, *siblings] if mode == "loose" else [previous + 1]
    return [*siblings, previous + 1] if mode == "loose" else siblings


State = tuple[int | None, int, int]
"""(depth of the comment above, least depth allowed from now on, least depth a "next"
still waits for, or -1)."""


def _options(links: frozenset[str], state: State, base: int, mode: str) -> list[tuple[int, State]]:
    previous, floor, need = state
    options: list[tuple[int, State]] = []
    for depth in _candidates(links, previous, floor, mode):
        if (mode != "loose" and depth < floor) or not _allowed(links, depth, base):
            continue
        pending = -1 if depth <= need else need
        if "next" in links:
            pending = depth if pending < 0 else min(pending, depth)
        next_floor = floor if "next" in links else max(floor, depth + 1)
        options.append((depth, (depth, next_floor, pending)))
    return options


def solve_depths(navs: Sequence[frozenset[str]], base: int, mode: str) -> list[int] | None:
    """Depths agreeing with every comment's links, the deeper choice first where several
    fit (None: none fit, or the search ran too long). A depth-first search over the
    comments, remembering the states that lead nowhere."""
    if not navs:
        return []
    failed: set[tuple[int, State]] = set()
    start: State = (None, 0, -1)
    frames = [(start, iter(_options(navs[0], start, base, mode)))]
    depths: list[int] = []
    for _ in range(MAX_STEPS):
        if not frames:
            return None
        index = len(frames) - 1
        state, options = frames[-1]
        choice = next(options, None)
        if choice is None:
            failed.add((index, state))
            frames.pop()
            if depths:
                depths.pop()
            continue
        depth, following = choice
        if index + 1 == len(navs):
            if mode != "strict" or following[2] < 0:
                return [*depths, depth]
            continue
        if (index + 1, following) in failed:
            continue
        depths.append(depth)
        frames.append((following, iter(_options(navs[index + 1], following, base, mode))))
    return None


def _greedy_depths(navs: Sequence[frozenset[str]]) -> list[int]:
    """Depths from the links alone, comment by comment (when no assignment fits all)."""
    depths: list[int] = []
    for links in navs:
        previous = depths[-1] if depths else -1
        if "parent" not in links:
            depth = 0
        elif "prev" not in links:
            depth = previous + 1
        else:
            depth = max(previous, 1)
        depths.append(min(depth, previous + 1))
    return depths


def page_depths(navs: Sequence[frozenset[str]]) -> list[int]:
    """The depth of every comment of a flat page, from its links."""
    for mode in MODES:
        for base in range(MAX_BASE + 1):
            found = solve_depths(navs, base, mode)
            if found is not None:
                return found
    return _greedy_depths(navs)


def nestings(lines: Sequence[Line], starts: Sequence[int]) -> list[int]:
    """The nesting of every comment, for the whole page at once: indentation when the page
    keeps it, else the depths solved from the links."""
    if len({lines[position].indent for position in starts}) > 1:
        return [lines[position].indent for position in starts]
    navs = [nav_set(match) for position in starts if (match := _header(lines[position]))]
    if len(navs) != len(starts):
        return [lines[position].indent for position in starts]
    return list(page_depths(navs))


def _age_fields(age: str) -> tuple[str | None, str | None]:
    """(relative age, absolute date as written) of an age."""
    if age.startswith("on "):
        return None, age[3:]
    return age, None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    line = lines[position]
    match = _header(line)
    if match is None:
        return Header(author=line.text, n_lines=1, nesting=line.indent)
    age, published = _age_fields(match.group("age"))
    points = match.group("points")
    return Header(
        author=match.group("user"),
        n_lines=1,
        nesting=line.indent,  # the page's nestings (:func:`nestings`) override it
        score=int(points) if points else None,
        edited=False,
        age=age,
        published=published,
    )


def is_chrome(line: Line) -> bool:
    text = line.text
    return bool(
        CHROME.match(text) or NAV_BAR.match(text) or FOOTER.match(text) or PAGE_TITLE.match(text)
    )


def _title(text: str) -> str:
    if page := PAGE_TITLE.match(text):
        text = page.group("title")
    if domain := DOMAIN.match(text):
        text = domain.group("title")
    return text


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The story's title, author and date (or, on a comment's page, that comment's)."""
    for position, line in enumerate(lines):
        if permalink := PERMALINK_HEAD.match(line.text):
            _, published = _age_fields(permalink.group("age"))
            return PostHead(
                title=_title(permalink.group("title")),
                author=permalink.group("user"),
                published=published,
                meta_lines=frozenset({line.index}),
            )
        if meta := STORY_META.match(line.text):
            _, published = _age_fields(meta.group("age"))
            title = next(
                (
                    earlier
                    for earlier in reversed(lines[:position])
                    if not earlier.is_blank and not NAV_BAR.match(earlier.text)
                ),
                None,
            )
            return PostHead(
                title=_title(title.text) if title else None,
                title_lines=frozenset({title.index}) if title else frozenset(),
                author=meta.group("user"),
                published=published if published and find_date(published) else None,
                meta_lines=frozenset({line.index}),
            )
    return None
