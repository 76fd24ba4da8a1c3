"""Blogger (Blogspot) comment sections under a post, as their pages scrape to text.

Threaded list (the current templates): the commenter's name is glued to the stamp::

    N comments:
        <Name><D Month YYYY> at <HH:MM>          (or "<Name><Month D, YYYY> at <H:MM PM>")
        <text>
        Reply
        Replies
            <Name><D Month YYYY> at <HH:MM>      (a reply, 4 spaces deeper)
            <text>
            Reply
    Post a Comment

Classic list (the older templates): the stamp follows the text::

    <Name> said...
    <text>
    <D Month YYYY> at <HH:MM>

A comment starts at its header line; nesting is the header line's indentation. The
furniture ("Reply", "Replies", "Post a Comment", "Newer Post Older Post Home",
"Subscribe to: Post Comments (Atom)", "Labels: …", the share links glued after "Posted by
<Name> at <HH:MM>", the archive widget) is chrome. The post above: see
:func:`..wordpress_comments.read_article_head`; its author may come from the
"Posted by <Name> at <HH:MM>" line after the body. A removed comment's notice ("This comment has
been removed by a blog administrator.") is its body: it is all that stands for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars.wordpress_comments import posted_by, read_article_head
from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "blogger_comments"

TIME = r"\d{1,2}:\d\d(?:\s*[AaPp][Mm])?"
DATE = r"(?:[0-3]?\d\s+[A-Z][a-z]{2,8}\s+\d{4}|[A-Z][a-z]{2,8}\s+[0-3]?\d,\s+\d{4})"
GLUED = re.compile(rf"^\s*(?P<author>\S.{{0,80}}?[^\s\d])(?P<stamp>{DATE}\s+at\s+{TIME})\s*$")
SAID = re.compile(r"^\s*(?P<author>\S.{0,80}?)\s+said(?:\.\.\.|…)\s*$")
STAMP = re.compile(rf"^{DATE}\s+at\s+{TIME}$")

CHROME_LABELS = frozenset(
    {
        "reply",
        "replies",
        "delete",
        "add comment",
        "load more...",
        "post a comment",
        "newer post older post home",
        "newer post",
        "older post",
        "popular posts",
        "blog archive",
        "about me",
        "labels",
        "followers",
        "search this blog",
        "report abuse",
        "links to this post",
        "create a link",
        "view my complete profile",
        "email this",
        "blogthis!",
        "share to twitter",
        "share to facebook",
        "share to pinterest",
        "contributors",
        "pages",
        "translate",
    }
)
"""Whole lines of Blogger furniture (case-folded)."""

CHROME_PATTERNS = (
    re.compile(r"^\d{1,5}\s+comments?:?$|^no comments:?$", re.IGNORECASE),
    re.compile(r"^Subscribe to:\s", re.IGNORECASE),
    re.compile(r"^Labels?:\s", re.IGNORECASE),
    re.compile(rf"^Posted by\s.{{1,60}}?\s(?:at\s+{TIME}|on\s)", re.IGNORECASE),
    re.compile(r"^Email This\s*BlogThis!", re.IGNORECASE),
    re.compile(r"^[▼►▾▸]\s"),
    re.compile(r"\bPowered by Blogger\.?$", re.IGNORECASE),
    re.compile(r"^(?:Copyright\s*)?(?:©|\(c\))\s*(?:\d{4}|[A-Z])", re.IGNORECASE),
    re.compile(r"^Note: Only a member of this blog may post a comment\.", re.IGNORECASE),
    re.compile(r"^Theme images by\b|\btheme\. Powered by Blogger", re.IGNORECASE),
    STAMP,
)

MARKS = re.compile(
    r"^(?:\d{1,5}\s+comments?:|Post a Comment|Newer Post Older Post Home|"
    r"Subscribe to: Post Comments \(Atom\)|Replies|Reply)$",
    re.IGNORECASE,
)
"""Lines only a Blogger comment section shows (one must be on the page with one header)."""

END_MARK = re.compile(
    r"^(?:Post a Comment|Newer Post Older Post Home|Newer Post|Older Post|"
    r"Subscribe to: Post Comments \(Atom\)|Popular Posts|Blog Archive)$",
    re.IGNORECASE,
)


def is_chrome(line: Line) -> bool:
    """Blogger furniture: reply links, the comment form, the post footer, widgets."""
    text = line.text
    if not text or len(text) > 300:
        return False
    return text.casefold() in CHROME_LABELS or any(p.search(text) for p in CHROME_PATTERNS)


def _glued(line: Line) -> re.Match[str] | None:
    if " at " not in line.raw:
        return None
    match = GLUED.match(line.raw)
    return match if match and find_date(match.group("stamp")) else None


def _said_starts(lines: Sequence[Line]) -> list[int]:
    """ "<Name> said..." lines whose stamp line follows before the next one."""
    said = [position for position, line in enumerate(lines) if SAID.match(line.raw)]
    starts = []
    for ordinal, position in enumerate(said):
        end = said[ordinal + 1] if ordinal + 1 < len(said) else len(lines)
        if any(STAMP.match(line.text) for line in lines[position + 1 : end]):
            starts.append(position)
    return starts


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Name-glued-to-stamp lines, or "<Name> said..." lines with their stamp; two or more,
    or one on a page with Blogger's comment furniture."""
    starts = sorted({*(p for p, line in enumerate(lines) if _glued(line)), *_said_starts(lines)})
    if len(starts) == 1 and not any(MARKS.match(line.text) for line in lines):
        return []
    return starts


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    first = lines[position]
    if glued := _glued(first):
        return Header(
            author=glued.group("author").strip(),
            n_lines=1,
            nesting=first.indent,
            published=glued.group("stamp"),
        )
    said = SAID.match(first.raw)
    stamp = next((line.text for line in lines[position + 1 : end] if STAMP.match(line.text)), None)
    return Header(
        author=said.group("author").strip() if said else first.text,
        n_lines=1,
        nesting=first.indent,
        published=stamp,
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the page's furniture after the last comment begins (the comment form, the
    post navigation, the widgets); None without it."""
    if not starts:
        return None
    for position in range(starts[-1] + 1, len(lines)):
        if END_MARK.match(lines[position].text):
            return position
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    return read_article_head(lines, is_chrome, None, posted_by)
