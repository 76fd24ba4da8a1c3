"""lemmy-ui comment headers, as its pages scrape to text (lemmy-ui 0.16 to 0.19).

A comment starts at a bullet line (``•``, ``◦``, ``▪``, ``●``, ``*``, ``+`` or ``-``:
markdown converters cycle ``*``, ``+``, ``-`` by depth) followed by its header, one item a
line (blank lines between items allowed)::

    • LABEL                         NAME[@INSTANCE][ TAG][ BADGES], see below
      [BADGE]                       a badge may also stand on a line of its own
      [minus-square]                older UIs: the collapse button's icon name
      link
      fedilink
      [LANGUAGE]                    one word ("English"), only when more header lines follow
      arrow-up                      the counters: "arrow-up" N ["arrow-down" M] ...
      N
      arrow-down
      M
      [SCORE]                       ... or one counter line alone: the score ("25", "-1",
      ·  or  •                          "1.2K")
      [edit-2]                      the pencil icon's name (feather "edit-2"): edited,
                                    with no count
      AGE                           "3 years ago", "a year ago"; SCOREAGE when the score is
                                    glued to it

Only the bullet and the age (or an arrow counter) are required: hexbear prints
``• NAME [he/him]`` / ``·`` / ``AGE``, lemmy-ui 0.16 ``• NAME`` / ``creator`` / ``18`` /
``•`` / ``AGE`` or just ``• NAME`` / ``AGE``.

LABEL: the name as shown (``user@instance``, a local ``user``, a display name with spaces,
``[email protected]`` where the host hid it); a display name spaced from its instance
(``Ryzhy Kot @lemmygrad.ml``) is joined. TAG: pronouns in brackets (``[she/her]``,
``[any]``) or the new-account sprout ``🌱``; dropped. BADGES: OP / ``creator`` (the
original poster), A, M, B, mod, admin, bot, banned, deleted; glued to an instance name
(``user@instance.tldOP``), spaced (``Name OP M``) or on their own line. A local name's
trailing capitals (``PechoraA``) are badges only on a page where some instance name shows
glued badges. Nesting is the bullet's indentation.

Votes: ``upvotes`` is the arrow-up counter (None without one). ``downvotes`` is the
arrow-down counter, and 0 when an arrow-up counter is shown without an arrow-down one
(Lemmy hides a zero down-count); None when the comment shows no counters at all. A lone
counter line (or a negative arrow-up counter) is the score, with no up/down counts.

A score glued to the age ("51 year ago", "142 years ago", "-12 years ago") is split
where the age's count becomes possible for its unit (1 for a singular unit, at most 9
years, 12 months, 31 days, ...), taking the shortest such count: 5 and "1 year ago", 14
and "2 years ago", -1 and "2 years ago". A count that is possible as it stands is split
only on a page where some other header's age is glued beyond doubt.

Page chrome (:func:`is_chrome`): "Skip Navigation", "view all comments", "show context"
(a trailing ``➔`` allowed), "N more replies", the icon names of the buttons under a
comment (``reply1``, ``more-vertical``), and the community sidebar's counters, headings
and age line (``3434 users here now``, ``MODERATORS``, ``founded AGE``). The end of the
thread (:func:`find_end`): on a page whose comment bodies are indented under their
bullets, the first line after the last header that stands at or left of the top-level
bullets (a sidebar printed under the comments). The post (:func:`parse_post`): the
sidebar block and the ``submitted AGE by USER`` tagline are metadata; the first line left
is the title when it reads as one (short, no full stop) on a page known by those, or by
"Skip Navigation" first, or when it is the only line left.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import shown_count
from flows.stages.segment.grammars.mlmym import (
    is_sidebar_line,
    read_tagline,
    sidebar_lines,
    submitted_on,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "lemmy"

BULLET = re.compile(r"^\s*[•◦▪●*+-]\s+(?P<author>\S.*?)\s*$")
UNITS = "second|minute|hour|day|week|month|year"
AGE = re.compile(
    rf"^(\d+|an?|one)\s+({UNITS})s?\s+ago$|^(just now|yesterday|a few seconds ago)$", re.IGNORECASE
)
GLUED_AGE = re.compile(
    rf"^(?P<sign>[-−])?(?P<digits>\d+)\s*(?P<unit>{UNITS})(?P<plural>s)?\s+ago$"
    rf"|^(?P<score>[-−]?\d+)\s*(?P<article>an?\s+(?:{UNITS})\s+ago)$",
    re.IGNORECASE,
)
MAX_COUNT = {"second": 59, "minute": 59, "hour": 23, "day": 31, "week": 5, "month": 12, "year": 9}
EDIT = re.compile(r"^edit(?:ed)?(?:[-\s]?\d)?$", re.IGNORECASE)
PLAIN_CHROME = frozenset(
    {"link", "fedilink", "·", "•", "reply", "report", "permalink", "save", "more"}
    | {"minus-square", "plus-square", "shield", "lock", "trash"}
)
"""Header words, icon names included (lemmy-ui prints an icon's name as its text)."""
ICON_CHROME = frozenset(
    {"reply1", "more-vertical", "minus-square", "plus-square", "file-text", "arrow-up1"}
    | {"arrow-down1"}
)
"""Icon names of the buttons under a comment (logged-in views), dropped wherever they are."""
ARROWS = frozenset({"arrow-up", "arrow-down", "arrow-up1", "arrow-down1"})
BADGES = frozenset(
    {"OP", "A", "M", "B", "mod", "admin", "bot", "creator", "banned", "deleted", "🌱"}
)
OP_BADGES = frozenset({"OP", "creator"})
COUNT = re.compile(r"^[-−]?\d{1,9}$|^[-−]?\d{1,3}(?:\.\d)?[KkM]$")
"""A counter: 25, -1, or shortened (numToSI) 1.2K, 3M."""
LANGUAGE = re.compile(r"^[^\W\d_][^\W\d_ ()-]{1,24}(?: \([^)]{1,20}\))?$")
SPACED_BADGES = re.compile(
    r"^(?P<name>.+?)(?P<badges>(?:\s+(?:OP|A|M|B|mod|admin|bot|creator|banned))+)$"
)
GLUED_BADGES = re.compile(
    r"^(?P<name>\S+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})(?P<badges>(?:OP|A|M|B)+)$"
)
GLUED_OP = re.compile(r"^(?P<name>.*?(?<=[a-z0-9_]))(?P<badges>OP)$")
GLUED_LOCAL = re.compile(r"^(?P<name>[\w.-]*[a-z0-9_])(?P<badges>(?:OP|A|M|B)+)$")
"""A local name (no instance) with badges glued on: only read so on a page whose
instance names show glued badges beyond doubt."""
TAG = re.compile(r"(?<=\S)\s+\[[A-Za-z][A-Za-z/, ]{0,40}\]$|(?<=\S)\s*🌱$")
"""A tag after the name: pronouns ("[he/him]", "[any]") or the new-account sprout."""
SPLIT_INSTANCE = re.compile(r"^(?P<name>\S.*?)\s+@(?P<host>[\w-]+(?:\.[\w-]+)+)$")
"""A display name spaced from its instance ("Ryzhy Kot @lemmygrad.ml")."""
PAGE_CHROME = frozenset(
    {
        "skip navigation",
        "view all comments",
        "show context",
        "sidebar",
        "communities",
        "create post",
        "create community",
        "create a post",
        "support lemmy",
        "donate",
        "login",
        "sign up",
        "subscribe",
        "subscribed",
        "joined",
        "modlog",
        "block community",
    }
)
ARROW_TAIL = re.compile(r"\s*➔$")
PAGE_COUNTER = re.compile(
    r"^\d+ more repl(?:y|ies)$|^load more comments\b.{0,20}$|^\d[\d,.]*[km]? (?:posts?|comments?)$"
    r"|^!\w+@[\w-]+(?:\.[\w-]+)+$",
    re.IGNORECASE,
)
CHILDREN = re.compile(r"^\(\d{1,5} child(?:ren)?\)$")
"""A collapsed comment's count of replies ('(4 children)'), shown in its header."""
HEADER_WINDOW = 14
MAX_TITLE_CHARS = 200


def is_header_chrome(text: str) -> bool:
    """A header line that says so by itself (a lone counter or a language word does not)."""
    lowered = text.casefold()
    return (
        lowered in PLAIN_CHROME
        or lowered in ARROWS
        or text in BADGES
        or bool(AGE.match(text) or GLUED_AGE.match(text) or EDIT.match(text))
        or bool(CHILDREN.match(text))
    )


def is_header_item(text: str) -> bool:
    """A header line, a counter included."""
    return is_header_chrome(text) or bool(COUNT.match(text))


def is_age(text: str) -> bool:
    return bool(AGE.match(text) or GLUED_AGE.match(text))


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Bullet lines directly followed by header lines, an age or counter among them."""
    starts = []
    for position, line in enumerate(lines):
        if not BULLET.match(line.raw):
            continue
        following = [item.text for item in _window(lines, position, len(lines))]
        if not following or not is_header_item(following[0]):
            continue
        run = _header_run(following)
        if any(is_age(text) or text.casefold() in ARROWS for text in run):
            starts.append(position)
    return starts


def _window(lines: Sequence[Line], position: int, end: int) -> list[Line]:
    """The `HEADER_WINDOW` non-blank lines after the bullet at `position` (before `end`):
    a scrape may put a blank line between header items (html2text)."""
    return [lines[at] for at in _window_positions(lines, position, end)]


def _window_positions(lines: Sequence[Line], position: int, end: int) -> list[int]:
    found: list[int] = []
    for at in range(position + 1, min(end, len(lines))):
        if not lines[at].is_blank:
            found.append(at)
            if len(found) == HEADER_WINDOW:
                break
    return found


def _header_run(texts: Sequence[str]) -> list[str]:
    """The leading header lines of `texts` (a language word or a counter included)."""
    run: list[str] = []
    for offset, text in enumerate(texts):
        following = texts[offset + 1] if offset + 1 < len(texts) else ""
        language = bool(LANGUAGE.match(text)) and is_header_item(following)
        if not (is_header_item(text) or language):
            break
        run.append(text)
        if is_age(text):
            break
    return run


def split_author(label: str, glued_page: bool = False) -> tuple[str, str | None, bool]:
    """(author, instance, is_op) from the bullet's label, its badges and tags taken off.

    `glued_page`: some other label of the page shows badges glued beyond doubt (after an
    instance), so a local name's trailing capitals are badges too ("PechoraA")."""
    author, badges = TAG.sub("", label.strip()), ""
    patterns = (GLUED_BADGES, SPACED_BADGES, GLUED_OP, *((GLUED_LOCAL,) if glued_page else ()))
    for pattern in patterns:
        match = pattern.match(author)
        if match and match.group("name").strip():
            author, badges = match.group("name").strip(), match.group("badges")
            break
    author = TAG.sub("", author)
    if spaced := SPLIT_INSTANCE.match(author):
        author = f"{spaced.group('name')}@{spaced.group('host')}"
    instance = author.split("@", 1)[1] or None if "@" in author else None
    return author, instance, "OP" in badges or "creator" in badges.split()


def glued_split(text: str, glued_page: bool) -> tuple[int | None, str]:
    """(score or None, age as written) of an age line, its glued score taken off."""
    match = GLUED_AGE.match(text)
    if match is None:
        return None, text
    if match.group("article"):
        return shown_count(match.group("score")), match.group("article")
    digits, unit = match.group("digits"), match.group("unit").casefold()
    plural = bool(match.group("plural"))
    sign = "-" if match.group("sign") else ""
    whole_is_age = not sign and _possible(digits, unit, plural)
    if whole_is_age and not glued_page:
        return None, text
    for cut in range(len(digits) - 1, 0, -1):
        count = digits[cut:]
        if _possible(count, unit, plural):
            age = f"{count} {match.group('unit')}{match.group('plural') or ''} ago"
            return shown_count(sign + digits[:cut]), age
    return None, text


def _possible(count: str, unit: str, plural: bool) -> bool:
    """Whether an age can read `count` `unit`(s) ago."""
    if count.startswith("0"):
        return False
    value = int(count)
    return value == 1 if not plural else 2 <= value <= MAX_COUNT[unit]


def is_glued_beyond_doubt(text: str) -> bool:
    match = GLUED_AGE.match(text)
    if match is None or match.group("article"):
        return bool(match)
    unit, plural = match.group("unit").casefold(), bool(match.group("plural"))
    return bool(match.group("sign")) or not _possible(match.group("digits"), unit, plural)


@dataclass(frozen=True, slots=True)
class PageModes:
    """What the whole page says of its headers: an age with a score glued to it, a label
    with badges glued to it (both beyond doubt, somewhere on the page)."""

    glued: bool
    glued_badges: bool = False


def page_modes(lines: Sequence[Line], starts: Sequence[int]) -> PageModes:
    """The page's header modes, read from every header."""
    glued = badges = False
    for position in starts:
        window = [item.text for item in _window(lines, position, len(lines))]
        run = _header_run(window)
        glued = glued or any(is_glued_beyond_doubt(text) for text in run)
        label = BULLET.match(lines[position].raw)
        badges = badges or bool(label and GLUED_BADGES.match(TAG.sub("", label["author"])))
    return PageModes(glued=glued, glued_badges=badges)


@dataclass(slots=True)
class Votes:
    """The counters read off one header."""

    upvotes: int | None = None
    downvotes: int | None = None
    score: int | None = None

    def final(self) -> tuple[int | None, int | None, int | None]:
        """(upvotes, downvotes, score): the arrow counters when shown, else the score."""
        if self.upvotes is None and self.downvotes is None:
            return None, None, self.score
        upvotes = self.upvotes
        downvotes = 0 if self.downvotes is None else self.downvotes
        if upvotes is None:
            return None, downvotes, None
        return upvotes, downvotes, upvotes - downvotes


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """Every comment's header, the page's modes read once."""
    modes = page_modes(lines, find_starts(lines))
    ends = [*starts[1:], len(lines)]
    return [_header(lines, at, end, modes) for at, end in zip(starts, ends, strict=True)]


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    return _header(lines, position, end, page_modes(lines, find_starts(lines)))


def _header(lines: Sequence[Line], position: int, end: int, modes: PageModes) -> Header:
    bullet = lines[position]
    match = BULLET.match(bullet.raw)
    label = match.group("author") if match else bullet.text
    author, instance, is_op = split_author(label, modes.glued_badges)
    window = _window_positions(lines, position, end)
    run = _header_run([lines[at].text for at in window])
    votes = Votes()
    edited, age, pending = False, None, None
    for text in run:
        lowered = text.casefold()
        if COUNT.match(text):
            value = shown_count(text)
            if pending == "arrow-up" and value >= 0:
                votes.upvotes = value
            elif pending == "arrow-down":
                votes.downvotes = abs(value)
            else:
                votes.score = value
            pending = None
        elif lowered in ARROWS:
            pending = lowered
        elif text in BADGES:
            is_op = is_op or text in OP_BADGES
        elif EDIT.match(text):
            edited = True
        elif is_age(text):
            glued, age = glued_split(text, modes.glued)
            votes.score = glued if glued is not None else votes.score
        else:
            pending = None
    upvotes, downvotes, score = votes.final()
    last = window[len(run) - 1] - position if run else 0
    return Header(
        author=author,
        n_lines=1 + last,
        nesting=bullet.indent,
        instance=instance,
        is_op=is_op,
        upvotes=upvotes,
        downvotes=downvotes,
        score=score,
        edited=edited,
        age=age,
    )


def is_chrome(line: Line) -> bool:
    text = ARROW_TAIL.sub("", line.text)
    return (
        text.casefold() in PAGE_CHROME
        or text in ICON_CHROME
        or bool(PAGE_COUNTER.match(text) or CHILDREN.match(text))
        or (len(text) <= 80 and is_sidebar_line(text))
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the comment list ends: the first line after the last comment's header that
    stands at or left of the top-level bullets (a sidebar printed under the thread), on a
    page whose comment bodies are indented under their bullets; None when none does."""
    if not starts:
        return None
    base = min(lines[position].indent for position in starts)
    modes = page_modes(lines, find_starts(lines))
    indented = 0
    for position in starts:
        header = _header(lines, position, len(lines), modes)
        after = range(position + header.n_lines, len(lines))
        body = next((lines[i] for i in after if not lines[i].is_blank), None)
        indented += body is not None and body.indent > lines[position].indent
    if indented * 2 <= len(starts):
        return None
    last = starts[-1]
    first_body = last + _header(lines, last, len(lines), modes).n_lines
    for position in range(first_body, len(lines)):
        line = lines[position]
        if not line.is_blank and line.indent <= base and not BULLET.match(line.raw):
            return position
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The post's head from the lines above the first comment (None: nothing known)."""
    content = [line for line in lines if not line.is_blank]
    meta = sidebar_lines(lines)
    author = published = None
    heads: set[int] = set()
    for line in content:
        date = submitted_on(line.text)
        tagline = read_tagline(line.text)
        if date or tagline:
            heads.add(line.index)
        published = published or date
        if tagline and author is None:
            author = tagline[0]
            found = find_date(tagline[1])
            published = published or (found[0] if found else None)
    meta |= heads
    creator = _creator_block(content)
    if creator is not None:
        author = author or creator[0]
        meta |= creator[1]
    left = [line for line in content if line.index not in meta and not is_chrome(line)]
    lemmy_page = bool(content) and content[0].text.casefold() == "skip navigation"
    known = bool(meta or author or lemmy_page)
    title_line = left[0] if left and (known or len(left) == 1) else None
    if title_line is not None and not _is_title(title_line.text):
        title_line = None
    keep = heads | (creator[1] if creator else set())
    meta = {
        line.index
        for line in content
        if line.index in meta and (line.index in keep or not is_chrome(line))
    }
    if not (meta or title_line is not None or author):
        return None
    return PostHead(
        title=title_line.text if title_line is not None else None,
        title_lines=frozenset({title_line.index}) if title_line is not None else frozenset(),
        author=author,
        published=published,
        meta_lines=frozenset(meta),
    )


POST_ICONS = frozenset({"message-square", "share-2", "more-vertical", "bookmark", "flag"})
"""Icon names of a post's buttons beside its counters (lemmy-ui prints the icon's name)."""


def _creator_block(content: Sequence[Line]) -> tuple[str, set[int]] | None:
    """(author, line indices) of a post's creator block as lemmy-ui prints it under the
    title: ``NAME`` / ``to`` / ``COMMUNITY`` / ``•`` / ``AGE``, then the post's counters
    and button icons (``arrow-up`` ``48`` ``message-square`` ``12`` ...)."""
    texts = [line.text for line in content]
    for at in range(1, len(texts) - 2):
        if texts[at].casefold() != "to" or len(texts[at - 1]) > 80 or len(texts[at + 1]) > 80:
            continue
        author, _, _ = split_author(texts[at - 1])
        block = {content[at - 1].index, content[at].index, content[at + 1].index}
        after = at + 2
        while after < len(texts) and (
            texts[after] in {"•", "·"}
            or is_header_item(texts[after])
            or texts[after].casefold() in POST_ICONS
        ):
            block.add(content[after].index)
            after += 1
        if any(is_age(texts[n]) for n in range(at + 2, after)):
            return author, block
    return None


def _is_title(text: str) -> bool:
    """One line that reads as a title: short, no sentence end, not a bare address."""
    return (
        len(text) <= MAX_TITLE_CHARS
        and len(text.split()) >= 2
        and not (ends_sentence(text) and text.endswith("."))
        and not re.match(r"^(?:https?://|www\.)\S+$", text)
    )
