"""Comment trees of link aggregators (Reddit, Lemmy and Hacker News front-ends, their
clones and readers) whose own grammar is unknown, read from the header shape they share.
Asked only where no grammar written for a front-end finds comments (``YIELDS``).

One comment::

    [<score>]                    a lone count over the header ('156', '1.2k')
    [<display name>]             right over an '@' handle ('Kira' / '@kira@host · 10h')
    [<indent>][<marks>] <handle> [<score>] <age> [<flags, links>]
                                 a row: '[–]name 12 points 3 hours ago*', 'name 4 hours ago
                                 | parent | next [–]', '1 point by name 2 days ago', '• name@
                                 instance · 5d · +3', 'u/name Flair Mar 14 '22', or with
                                 the score first ('▲ 4 name 2h'), the author after 'by'
                                 ('by name 3h ago', 'posted by name at 14:05'), the age
                                 first ('3 hours ago by name')
    or the stack:   <handle>     alone on its line ('• name@instance', 'u/name', under a
                                 bullet 'Display Name [tags]')
                    [<column>]   a column of short lines: separators, link words, icon
                                 names ('fedilink', 'arrow-up'), flags, a language, counts
                                 beside up and down marks, each line on its own
                    <age> …      under it ('2 years ago', '3h · 12 points')
                    [<score>]    a lone count under the age
    <body>                       running text
    [<score>]                    a lone count over the action row ('↑ 14 ↓', '214')
    [<action row>]               'reply', 'permalink embed save parent', 'reply · share · report',
                                 opened by the score ('14 · Reply · Report')

A handle is one name-shaped token ('name', 'u/name', '@name@instance', 'name@instance');
an age is relative ('3 hours ago', '2d') or a date; a score is 'N points', '▲ 5 ▼' or a
signed count. The rest of the row may hold only flags ('edited', 'OP', '(3 children)',
'[dead]'), separators, link words, counted votes of any name ('9 insightful 1 fun') and,
after a marked handle or a collapse toggle, a flair of two words: a row that counts
comments ('98 comments') is a submission's, as in a listing, and none here.

A page is a thread when :data:`MIN_HEADERS` rows or more show two names or more, running
text stands under most of them (a listing's rows head titles, not sentences), and the
tree shows itself: action rows under most comments or link words in their headers, scores
on most headers, or headers at more than one indentation. A listing, a digest or an
article repeats bylines over titles or over paragraphs, with none of these.

The post: a submission's byline above the comments ('96 points by name 6 hours ago |
41 comments', 'submitted 9 hours ago by name', '38 up and 4 down, posted by name') gives
its author and the line above it its title (a source line between them, '(example.org)',
is furniture); a community's byline ('r/name • u/name • Feb 19 '24') gives them with the
title under it. Where none stands and the first header, under no bullet, stands right
under a topic title, with no running text above, that header is the post's.

Nesting: the header's indentation, and the tree marks before the handle ('│ ', '> '),
where the headers stand at more than one depth; else (a flat printout) the replies each
header counts, the hidden ones included, or the ``parent`` and ``prev`` links of the
header and its action rows, or a permalink's chain (:func:`nestings`). Action rows, reply
counters, links to comments not shown, vote labels and the sort menu are furniture.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from flows.stages.segment.grammars._common import COMMENT_SECTION, has_text, is_title_like
from flows.stages.segment.grammars.lemmy import GLUED_BADGES as _GLUED_BADGES
from flows.stages.segment.grammars.stamped_header import EDIT_LINE, VOTES_ROW, is_action_row
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.shapes import RANK
from flows.stages.segment.threads import HEADER_NOTE, STRONG_NAME, Header
from flows.stages.segment.votes import DOWN_SIGN, DOWN_WORD, UP_SIGN, UP_WORD, shown_count

NAME = "handle_age"
PROTECTED = "[email protected]"
"""What a host that hides mail addresses prints for a name like one ('name@instance')."""
GENERIC = True
YIELDS = True

MIN_HEADERS = 3
MIN_NAMES = 2
MAX_ROW_WORDS = 18
MAX_STAMPS = 2
"""Dates a row may show (posted, then edited)."""
MAX_FLAIR_WORDS = 2
MAX_NAME_WORDS = 3
MAX_LOOKAHEAD = 2
"""How many blank lines may stand between a stacked handle and its age line."""
MAX_COLUMN = 12
"""How many lines a stacked header's column may hold between the handle and the age."""

_MARKS = "[–][-][+]•*·▸▾▴►▶>|│├└┌─┃╰╴ \t"
_LEAD = re.compile(r"^(?:\[[–\-+]\]\s*|(?!\*\*[^*\s])[•*·▸▾►▶>│├└┌─┃╰╴|]\s*|-\s+(?=\*\*[^*\s]))+")
"""What stands before the handle: toggles, bullets, tree marks, a Markdown list's dash
before a bold name ('- **u/name** · 41 points')."""
_EMPHASIS = re.compile(rf"^{STRONG_NAME}(?=\s|$)")
"""A name in Markdown's bold opening the row: an export's header, the name inside."""
_HANDLE = re.compile(r"^(?:/?u/|@)?[^\W_][\w.\-]{0,38}(?:@[\w\-]+(?:\.[\w\-]+)+)?$")
_LONG_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
_AGE = re.compile(
    rf"(?<!\w)(?:\d{{1,3}}\s*(?:s|sec|secs|m|min|mins|h|hr|hrs|d|w|wk|mo|mos|y|yr|yrs"
    rf"|{_LONG_UNIT})|(?:an?|one)\s+{_LONG_UNIT})(?:\s+ago)?(?!\w)\*?"
    r"|(?<!\w)(?:just now|yesterday)(?!\w)",
    re.IGNORECASE,
)
_SCORE = re.compile(
    r"(?<![\w+\-−])([+\-−]?\d{1,6})\s+(?:points?|votes?|score)(?!\w)"
    r"|[▲↑]\s*([+\-−]?\d{1,6})\s*[▼↓]?"
    r"|(?:^|\s)([+\-−](?:0|[1-9]\d{0,5}))(?=\s|$)",
    re.IGNORECASE,
)
COUNTER = re.compile(
    r"^(?:\d+\s+(?:repl(?:y|ies)|more repl(?:y|ies))|\(\s*\d+\s+(?:child|children)\s*\))$",
    re.IGNORECASE,
)
"""A line counting a comment's replies: furniture."""
_COUNTS = re.compile(r"^[\d,.]+\s*[KkMm]?\s+comments?\b", re.IGNORECASE)
"""A line opening with the post's comment count ('611 comments sorted by')."""
_SUBMISSION = re.compile(r"^[\d,.]+\s*[KkMm]?\s+comments?(?:\s*[·|•].{0,60})?$", re.IGNORECASE)
"""A submission's comment counter, alone or opening its action row ('12 comments · share'):
the header above it heads the post, no comment."""
_LEAD_SCORE = re.compile(
    r"^(?:[▲↑]\s*)?(?P<n>[+\-−]?\d{1,6})\s*(?:points?\b|votes?\b|pts\b)?\s*[▼↓]?\s*"
    r"(?:[|·•]\s*)?(?=\S)",
    re.IGNORECASE,
)
"""A score before the rest of a header row ('12 points by name', '▲ 4 name 2h ago')."""
_BY = re.compile(
    r"^(?:(?:posted|submitted|written|commented|comment|replied|reply)\s+)?by\s+"
    r"(?P<name>\S+)\s+(?P<rest>.*)$",
    re.IGNORECASE,
)
"""A header naming its author after 'by' ('by name 3 hours ago', 'posted by name at
14:05')."""
_AGE_BY = re.compile(rf"^(?P<age>{_AGE.pattern})\s+by\s+(?P<name>\S+)(?P<rest>.*)$", re.IGNORECASE)
"""A header stamped before its author ('3 hours ago by name')."""
_CLOCK = re.compile(r"(?:^|\s)at\s+(?P<time>\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)(?!\w)", re.I)
"""A time of day after 'at', the stamp of a 'posted by name at 14:05' header."""
_COUNTED = re.compile(r"\d+\s+(?:comments?|replies)\b", re.IGNORECASE)
_CHILDREN = re.compile(r"\(\s*(\d+)\s+(?:child|children|replies|reply)\s*\)", re.IGNORECASE)
FLAGS = frozenset(
    {
        "edited",
        "op",
        "mod",
        "admin",
        "dead",
        "flagged",
        "deleted",
        "removed",
        "collapsed",
        "stickied",
        "pinned",
        "sticky",
        "comment",
        "last",
        "root",
        "parent",
        "next",
        "prev",
        "context",
        "link",
        "on",
        "ago",
        "by",
        "at",
        "in",
        "to",
    }
)
ACTIONS = (
    "permalink",
    "embed",
    "save",
    "unsave",
    "parent",
    "report",
    "reply",
    "context",
    "share",
    "link",
    "flag",
    "unflag",
    "hide",
    "edit",
    "delete",
    "source",
    "fedilink",
    "vouch",
    "unvote",
    "undown",
    "favorite",
    "like",
    "dislike",
    "boost",
    "next",
    "prev",
    "root",
    "give award",
    "more",
    "copy link",
)
_ACTION_ROW = re.compile(
    r"^(?:\[[–\-+]\]|" + "|".join(re.escape(a) for a in ACTIONS) + r"|[\s|·•]+)+$",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    {
        "by",
        "posted",
        "submitted",
        "reply",
        "replies",
        "share",
        "report",
        "save",
        "points",
        "comments",
        "edited",
        "updated",
        "published",
        "last",
        "and",
        "the",
        "a",
        "an",
        "on",
    }
)
_GONE = frozenset({"[deleted]", "[removed]", "u/[deleted]", PROTECTED})
"""The names a front-end shows for a deleted account, and the placeholder a host prints
for a name it took for a mail address: kept as the comment's author."""
_GLYPHS = re.compile(r"(?<=\w)[\U0001F1E6-\U0001F1FF\u2600-\u27BF\U0001F300-\U0001FAFF]+$")
"""Emoji run into a name (a flag or symbol of its flair: 'name🇷🇺'): no part of it."""
_TOGGLE = re.compile(r"^\[[–\-+]\]")
"""A comment's collapse toggle before its header ('[–]', '[+]')."""
_MARKED = re.compile(r"^/?u/|^@|\w@\w")
"""A handle marked as one ('u/name', '@name', 'name@instance'): flair may follow it."""
_TAGS = re.compile(r"(?:\s*\[[^\]\[]{1,40}\])+$")
"""Bracketed tags after a name ('[she/her]', '[any]')."""
_BADGE = re.compile(r"\[[A-Z+]{1,3}\]$")
"""A role badge run into the name ('name[M]', 'name[S]')."""
SUBMITTED = re.compile(
    r"^(?:[+\-−]?[\d,.]+\s+(?:up|votes?|points?)\b[^,]{0,30},\s+)?"
    r"(?:[+\-−]?[\d,.]+\s+points?\s+(?:[|·•]\s+)?by|(?:submitted|posted)(?:\s+\S.{0,40}?)?\s+by|via"
    r"|authored\s+by)\s+(?P<name>\S+)(?P<rest>.*)$",
    re.IGNORECASE,
)
"""A submission's byline ('176 points by name 3 hours ago | hide | 98 comments',
'submitted 9 hours ago by name to community', 'via name 3 hours ago | 5 comments', '38 up
and 4 down, posted by name 7 hours ago', a bar between the score and 'by' allowed: '212
points | by name 7 hours ago')."""
SOURCE_LINE = re.compile(r"^(?:(?:at|from|via)\s+)?\(?[\w\-]+(?:\.[\w\-]+)+/?\)?$")
"""A submission's source on a line of its own, between title and byline ('(example.org)',
'at example.org')."""
PROMPT = re.compile(r"^[$%]\s+[\w./-]+(?:\s+\S+){0,6}$")
"""A shell's prompt and command above the title ('$ hn view 4 -c'): a terminal client's
printout, no part of the post."""
LINK_FIELD = re.compile(r"^[^\W\d_][^:]{0,30}:\s+(?:https?://|www\.)\S+$")
"""A labelled link right under the byline ('View (url): https://…'): the reader's
furniture."""
SOURCE_SUFFIX = re.compile(r"\s*\((?:self\.\w+|[\w\-]+(?:\.[\w\-]+)+)\)$")
"""A title's source in brackets ('(self.community)', '(example.com)'): no part of it."""
MAX_TITLE_GAP = 3
MAX_TITLE_WORDS = 30
MIN_TITLE_WORDS = 4
_LINK = re.compile(
    r"(?<!\w)(?:parent|prev|next|root|reply|context|permalink|link|flag)(?!\w)|\[[–\-+]\]"
)
"""A link word in a header row (lower-cased)."""
_SEPARATOR = re.compile(r"[|·•—–\-]+")
_UP = re.compile(rf"^(?:{UP_WORD}|{UP_SIGN}|(?:arrow|chevron|thumbs?)-up\d?)$", re.IGNORECASE)
_DOWN = re.compile(
    rf"^(?:{DOWN_WORD}|{DOWN_SIGN}|(?:arrow|chevron|thumbs?)-down\d?)$", re.IGNORECASE
)
"""An up or down mark standing alone in a vote column ('arrow-up', '▲', 'upvote')."""
_COUNT = re.compile(r"^[+\-−]?\d{1,7}$|^[+\-−]?\d{1,3}(?:\.\d)?[KkM]$")
"""A count alone on its line in a vote column ('38', '-2', '1.2K')."""
_ICON = re.compile(r"^[a-z]+(?:-[a-z0-9]+)+$")
"""An icon's name printed as its text ('fedilink', 'edit-2', 'more-vertical')."""
_EDITED = re.compile(r"^(?:edited|edit-\d)$", re.IGNORECASE)
"""An edit mark in a column ('edited', the pencil icon's name 'edit-2')."""
_BADGES = frozenset({"bot", "creator", "banned", "🌱"})
"""Badges a column may show beside the flags ('bot', the new account's sprout)."""


@dataclass(frozen=True, slots=True)
class Row:
    """What one header says and where it stands."""

    author: str
    n_lines: int
    depth: int
    score: int | None
    edited: bool
    is_op: bool
    age: str
    links: frozenset[str] = frozenset()
    """The link words the header row shows ('parent', 'next', '[–]')."""
    descendants: int | None = None
    """The replies printed under it, as its count says ('(4 children)'); 0 where it is
    collapsed ('[+]'): its replies are not on the page."""
    upvotes: int | None = None
    downvotes: int | None = None
    hidden: int = 0
    """The replies a collapsed comment's count says it hides ('[+]name … (2 children)')."""
    handle: str | None = None
    """The handle under the display name that names the author ('@kira@host' under 'Kira'):
    replies address the author by it."""
    reply_to: str | None = None
    """The author replied to, as a note of the stacked header names them ('Reply to @kira')."""


def _lead(raw: str) -> tuple[int, str]:
    """The depth shown before the handle (indentation plus tree marks) and the rest."""
    stripped = raw.lstrip(" \t")
    indent = len(raw.expandtabs(4)) - len(stripped.expandtabs(4))
    match = _LEAD.match(stripped)
    marks = match.group() if match else ""
    tree = sum(1 for char in marks if char in "│┃>|")
    return indent + 2 * tree, _EMPHASIS.sub(r"\g<name>", stripped[len(marks) :].strip(), 1)


def _handle(token: str) -> str | None:
    bare = token.strip(",;")
    if (
        bare.endswith(":")
        or not _HANDLE.match(bare)
        or bare.casefold() in _NOT_NAMES
        or bare.isdigit()
    ):
        return None
    return bare


def _score(text: str) -> int | None:
    match = _SCORE.search(text)
    if match is None:
        return None
    value = next(group for group in match.groups() if group is not None)
    return int(value.replace("−", "-"))


def _rest_is_chrome(rest: str, flair: int = 0) -> bool:
    """Whether what the row holds beside handle, score and stamps is flags, links and
    counted votes ('9 insightful 1 fun') only, but for `flair` words of another kind (a
    marked handle's flair: 'u/name Finland Mar 15 '22')."""
    rest = _CHILDREN.sub(" ", _SCORE.sub(" ", _AGE.sub(" ", rest)))
    for _ in range(MAX_STAMPS):
        dated = find_date(rest)
        if dated is None or dated[0] not in rest:
            break
        rest = rest.replace(dated[0], " ")
    rest = _LABELLED.sub(" ", rest, count=MAX_LABELLED)
    rest = re.sub(r"\[[^\]]{0,12}\]|\([^)]{0,12}\)|'?\d+", " ", rest)
    words = [w for w in _SEPARATOR.split(rest.replace(" ", "|")) if w.strip(" ▲▼↑↓*:.,;()")]
    other = [w for w in words if w.strip(" ▲▼↑↓*:.,;()").casefold() not in FLAGS | _ACTION_WORDS]
    return len(other) <= flair and all(w[:1].isupper() for w in other)


_ACTION_WORDS = frozenset(word for action in ACTIONS for word in action.split())
_LABELLED = re.compile(r"(?<![\w.,'’])[+\-−]?\d{1,6}\s+[a-z]{2,15}(?![\w@.])")
"""A count beside the lower-case name of what readers gave ('9 insightful', '3 likes')."""
MAX_LABELLED = 2


def _row(text: str, *, toggled: bool = False) -> tuple[str, int | None, str] | None:
    """(handle, score, age) of a one-line header, or None; a flair may follow a marked
    handle or one under a collapse toggle (`toggled`: '[–]name Flair 3 points 2h ago')."""
    words = [word for word in text.split() if not _SEPARATOR.fullmatch(word)]
    if not text or len(words) > MAX_ROW_WORDS or _COUNTED.search(text):
        return None
    if ends_sentence(text) and not text.endswith(("ago", "ago*", "]", ")")):
        return None
    score = None
    lead = _LEAD_SCORE.match(text)
    if lead is not None and not _AGE.match(text) and not _opens_with_date(text):
        score, text = int(lead.group("n").replace("−", "-")), text[lead.end() :]
    aged = _AGE_BY.match(text)
    by = _BY.match(text)
    clock = None
    if aged is not None:
        first, rest = aged.group("name"), f"{aged.group('age')} {aged.group('rest')}"
    elif by is not None:
        first, rest = by.group("name"), by.group("rest")
        clock = _CLOCK.search(rest)
    elif text.startswith(PROTECTED):
        first, rest = PROTECTED, text.removeprefix(PROTECTED)
    else:
        first, _, rest = text.partition(" ")
    first = _GLYPHS.sub("", _BADGE.sub("", first) or first) or first
    name = first if first.casefold() in _GONE else _handle(first)
    if name is None:
        return None
    if VERSION.match(rest):
        return None
    age = _AGE.search(rest)
    date = find_date(rest) if age is None else None
    if age is None and date is None and clock is None:
        return None
    flair = MAX_FLAIR_WORDS if toggled or _MARKED.search(name) else 0
    if not _rest_is_chrome(rest, flair):
        return None
    shown = (
        age.group()
        if age is not None
        else date[0]
        if date is not None
        else clock.group("time")
        if clock is not None
        else ""
    )
    return name, score if score is not None else _score(rest), shown


VERSION = re.compile(r"^v?\d+(?:\.\d+){1,3}(?!\S)", re.IGNORECASE)
"""A software's version after its name ('Friendica 2024.03 - 14 minutes ago', 'Lemmy
v0.19.3'): a footer's line, no header."""


def _opens_with_date(text: str) -> bool:
    """Whether `text` opens with a date ('14 Sep 2012 - …'): its day is no score."""
    dated = find_date(text)
    return dated is not None and text.startswith(dated[0])


_THOUSANDS = re.compile(r"^(\d{1,3}(?:\.\d)?)k$", re.IGNORECASE)


def _lone(text: str) -> int | None:
    """The score of a lone score line ('12', '+3', '↑ 22 ↓'), else None."""
    thousands = _THOUSANDS.match(text)
    if thousands is not None:
        return round(float(thousands.group(1)) * 1000)
    match = VOTES_ROW.match(text)
    return None if match is None else int(re.sub(r"[−–]", "-", match.group("n")))


def _is_instance(name: str, lines: Sequence[Line], position: int) -> bool:
    """Whether a stacked '@host.tld' is the instance under a display name (its own line
    above), not a handle."""
    host = re.fullmatch(r"@[\w\-]+(?:\.[\w\-]+)*\.([a-z]{2,6})", name)
    above = lines[position - 1].text if position > 0 else ""
    return host is not None and bool(above) and len(above.split()) <= 4


def _next_filled(lines: Sequence[Line], at: int) -> int | None:
    for position in range(at + 1, min(len(lines), at + 2 + MAX_LOOKAHEAD)):
        if not lines[position].is_blank:
            return position
    return None


def _read(lines: Sequence[Line], position: int) -> Row | None:
    """The header starting at `position`: a row, a stack, or either under the score on
    the line above it ('156' / 'u/name Mar 14 '22'), at the depth of the deeper of the
    two (a header row re-joined from its wrapped lines has lost its indentation; the score
    above it keeps it)."""
    line = lines[position]
    if line.is_blank:
        return None
    score = _lone(line.text)
    below = _next_filled(lines, position) if score is not None else None
    if score is not None and below is not None:
        under = _header(lines, below)
        if under is None:
            return None
        return dataclasses.replace(
            under,
            score=under.score if under.score is not None else score,
            n_lines=under.n_lines + below - position,
            depth=max(under.depth, _lead(line.raw)[0]),
        )
    return _header(lines, position)


VIA = re.compile(r"\s+via\s+[^\W\d_][\w.\-]*(?:\s+[^\W\d_][\w.\-]*){0,2}$", re.IGNORECASE)
"""The client or protocol a status came through, after its stamp ('5 days ago via
ActivityPub', '2h via Web App'): no part of the stamp."""
_SPACED_INSTANCE = re.compile(r"^(?P<name>\S.*?)\s+(?P<host>@[\w\-]+(?:\.[\w\-]+)+)$")
"""A display name and its instance printed apart ('Display Name @host.tld')."""


def _stacked_name(text: str, *, bulleted: bool) -> str | None:
    """The name of a stacked header's name line: a handle, or under a bullet a display
    name of up to :data:`MAX_NAME_WORDS` capitalised words, either with bracketed tags
    after it ('name [she/her]') or its instance spaced from it ('Display Name @host.tld':
    'Display Name@host.tld'); None for any other line."""
    if text.strip() == PROTECTED:
        return PROTECTED
    bare = _TAGS.sub("", text).strip()
    spaced = _SPACED_INSTANCE.match(bare) if bulleted else None
    if spaced is not None:
        shown = _stacked_name(spaced.group("name"), bulleted=True)
        return f"{shown}{spaced.group('host')}" if shown is not None else None
    words = bare.split()
    if len(words) == 1:
        return _handle(words[0])
    if bulleted and 1 < len(words) <= MAX_NAME_WORDS and all(w[:1].isupper() for w in words):
        return bare if not ends_sentence(bare) else None
    return None


def _header(lines: Sequence[Line], position: int) -> Row | None:
    line = lines[position]
    if line.is_blank:
        return None
    depth, text = _lead(line.raw)
    found = _row(text, toggled=_TOGGLE.match(line.text) is not None)
    n_lines, rest = 1, text
    upvotes = downvotes = None
    reply_to = None
    edits = False
    if found is None:
        shown = _displayed(lines, position)
        if shown is not None:
            return shown
        name = _stacked_name(text, bulleted=text != line.text)
        below = _next_filled(lines, position) if name else None
        column: list[str] = []
        while below is not None and len(column) < MAX_COLUMN:
            note = HEADER_NOTE.match(lines[below].text)
            if note is not None:
                reply_to = note.group("name")
            elif not _in_column(lines[below].text):
                break
            else:
                column.append(lines[below].text)
            below = _next_filled(lines, below)
        if name is None or below is None or _is_instance(name, lines, position):
            return None
        age_line = VIA.sub("", lines[below].text)
        stamp = _AGE.match(age_line.lstrip("•·| "))
        if stamp is None or not _rest_is_chrome(age_line) or _COUNTED.search(age_line):
            return None
        upvotes, downvotes, score = _column_votes(column)
        score = score if score is not None else _score(age_line)
        n_lines, rest = below - position + 1, age_line
        after = _next_filled(lines, below)
        edits = any(_EDITED.match(text) for text in column)
        if after is not None and EDIT_LINE.match(lines[after].text):
            edits, n_lines = True, after - position + 1
            after = _next_filled(lines, after)
        if score is None and after is not None and _lone(lines[after].text) is not None:
            score, n_lines = _lone(lines[after].text), after - position + 1
        found = name, score, stamp.group()
        rest = " ".join([*(t for t in column if t.casefold() not in _ACTION_WORDS), rest])
    name, score, age = found
    folded = rest.casefold()
    edited = edits or "edited" in folded or age.endswith("*")
    glued = _GLUED_BADGES.match(name)  # 'name@lemmy.caOP': the poster's badge on the name
    is_op = bool(re.search(r"(?<!\w)op(?!\w)", folded)) or bool(glued and "OP" in glued["badges"])
    links = frozenset(_LINK.findall(folded))
    counted = _CHILDREN.search(rest)
    descendants = int(counted.group(1)) if counted else None
    hidden = 0
    if descendants is not None and line.text.startswith("[+]"):
        descendants, hidden = 0, descendants
    return Row(
        _bare_name(name),
        n_lines,
        depth,
        score,
        edited,
        is_op,
        age.rstrip("*"),
        links,
        descendants,
        upvotes,
        downvotes,
        hidden,
        reply_to=reply_to,
    )


def _bare_name(name: str) -> str:
    """The name as the page names its author: without the '@' that marks a handle, nor
    the badges run into an instance's name ('name@lemmy.caOP')."""
    glued = _GLUED_BADGES.match(name)
    return (glued.group("name") if glued else name).removeprefix("@")


def _in_column(text: str) -> bool:
    """A line of a stacked header's column: a separator, a count, an up or down mark, a
    flag, a link word, an icon's name, a badge, a symbol, or one capitalised word (the
    comment's language)."""
    bare = text.strip()
    folded = bare.casefold()
    return bool(
        _SEPARATOR.fullmatch(bare)
        or _COUNT.match(bare)
        or _UP.match(bare)
        or _DOWN.match(bare)
        or folded in FLAGS | _ACTION_WORDS | _BADGES
        or _ICON.match(bare)
        or re.fullmatch(r"[^\w\s]{1,3}", bare)
        or (
            re.fullmatch(r"[^\W\d_][^\W\d_]{1,20}", bare)
            and bare[0].isupper()
            and bare[1:].islower()
        )
    )


def _column_votes(column: Sequence[str]) -> tuple[int | None, int | None, int | None]:
    """(upvotes, downvotes, score) of a vote column: the count after an up mark and the
    one after a down mark (0 where none is shown), else a count beside no mark (the
    score)."""
    up = down = score = None
    pending = None
    for text in column:
        bare = text.strip()
        if _UP.match(bare) or _DOWN.match(bare):
            pending = "up" if _UP.match(bare) else "down"
        elif _COUNT.match(bare):
            value = shown_count(bare.replace("−", "-"))
            if pending == "up":
                up = value
            elif pending == "down":
                down = abs(value)
            else:
                score = value
            pending = None
    if up is not None:
        return up, down or 0, up - (down or 0)
    return None, None, score


DISPLAY_NAME = re.compile(r"^[^\W\d_][\w'.\-]*(?: [^\W\d_][\w'.\-]*){0,2}$")
"""A display name: one word, or up to three capitalised ones."""


def _displayed(lines: Sequence[Line], position: int) -> Row | None:
    """A header whose display name stands over its handle ('Kira' / '@kira@host · 10h',
    'Kira' / 'kira@host' / '3h'): the handle's header, named by the display name, the
    page's name for its author."""
    text = lines[position].text
    below = position + 1
    handle = lines[below].text if below < len(lines) else ""
    if (
        not (handle.startswith("@") or _ADDRESS.match(handle))
        or not DISPLAY_NAME.match(text)
        or not (" " not in text or all(word[:1].isupper() for word in text.split()))
        or text.casefold() in FLAGS | _ACTION_WORDS
    ):
        return None
    under = _header(lines, below)
    if under is None:
        return None
    return dataclasses.replace(under, author=text, n_lines=under.n_lines + 1, handle=under.author)


_ADDRESS = re.compile(r"^[^\W_][\w.\-]{0,38}@[\w\-]+(?:\.[\w\-]+)+$")
"""A handle printed with its instance and without the '@' before it ('name@host.tld')."""


def _is_action_row(text: str) -> bool:
    """A row of link words, spaced or run together ('permalinkembedsaveparent')."""
    return bool(text) and (
        _ACTION_ROW.match(text.replace(" ", "")) is not None or is_action_row(text)
    )


_COUNTED_ACTIONS = re.compile(r"^[↑▲]?\s*(?P<n>[+\-−]?\d{1,6})\s*[↓▼]?\s*[·|•]\s*\w")
"""An action row opened by the comment's score ('14 · Reply · Report')."""
SORT_ROW = re.compile(r"^sort(?:ed)?(?:\s+by\b|\s*:).{0,60}$", re.IGNORECASE)
"""The comment list's sort menu ('Sort by: Hot Top New Old', 'Sort: Top')."""
MORE = re.compile(
    r"^(?:[→›»]\s*)?(?:(?:load|show|view|see)\s+(?:\d+\s+)?more\s+(?:comments|replies)"
    r"(?:\s*\(\d+(?:\s+repl(?:y|ies))?\))?|\d+\s+more\s+repl(?:y|ies)|more\s+replies\s*\(\d+\)"
    r"|continue\s+this\s+thread|(?:all|top)\s+\d+\s+comments"
    r"|[\d,.]+[kKmM]?\s+comments?\s+sorted\s+by\b.{0,30}"
    r"|(?:view|show)\s+(?:all\s+(?:\d+\s+)?comments|(?:the\s+)?(?:full\s+)?context"
    r"|parent\s+comments?|the\s+rest\s+of\s+the\s+comments)"
    r"|you\s+are\s+viewing\s+a\s+single\s+comment's\s+thread\.?)\s*[➔→›»]?$",
    re.IGNORECASE,
)
"""A link to comments the page does not show ('load more comments (3 replies)', '→ More
replies (2)', '2 more replies', 'continue this thread', 'view all comments ➔', 'show
context', 'all 12 comments')."""


VOTE_LABEL = re.compile(
    r"^(?:[•·]\s*)?(?:[\d,.]+[kKmM]?\s+)?(?:up|down)?votes?$|^\d{1,3}\s*%\s+upvoted$",
    re.IGNORECASE,
)
"""A vote button's label or a post's tally on a line of its own ('Upvotes', '342 Upvotes',
'96% Upvoted')."""


_HIDDEN = re.compile(
    r"\((?P<n>\d+)\s+(?:repl(?:y|ies)|child(?:ren)?)\)|^(?P<more>\d+)\s+more\b", re.IGNORECASE
)
"""The count of replies a 'load more' line stands for."""
_CONTEXT = re.compile(
    r"^(?:(?:show|view)\s+parent\s+comments?|you\s+are\s+viewing\s+a\s+single\s+comment's"
    r"\s+thread\.?|single\s+comment\s+thread)$",
    re.IGNORECASE,
)
"""A permalink page's note that it shows one chain of replies: where the page prints no
nesting, each comment answers the one before."""


def is_chrome(line: Line) -> bool:
    """Action rows, reply counters, links to comments not shown, vote labels and the sort
    menu, wherever they stand."""
    text = line.text
    return _is_action_row(text) or bool(
        COUNTER.match(text) or SORT_ROW.match(text) or MORE.match(text) or VOTE_LABEL.match(text)
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where comments closed by action rows end: after the last comment's last action
    row, when the lines after it hold no running text (the page's footer); else None."""
    if not starts:
        return None
    region = lines[starts[-1] : len(lines)]
    closers = [p for p, line in enumerate(region) if _is_action_row(line.text)]
    if not closers:
        return None
    end = starts[-1] + closers[-1] + 1
    tail = [line for line in lines[end:] if not line.is_blank]
    if not tail or _running(tail):
        return None
    return end


def _bodies(lines: Sequence[Line], starts: Sequence[int]) -> list[tuple[list[Line], bool]]:
    """Each comment's body lines and whether an action row closes or opens it."""
    ends = [*starts[1:], len(lines)]
    out = []
    for start, end in zip(starts, ends, strict=True):
        row = _read(lines, start)
        first = start + (row.n_lines if row else 1)
        region = [line for line in lines[first:end] if not line.is_blank]
        actions = [line for line in region if _is_action_row(line.text)]
        body = [line for line in region if not _is_action_row(line.text)]
        out.append((body, bool(actions)))
    return out


def _running(body: Sequence[Line]) -> bool:
    """Running text: a sentence of four words or more, or a long line."""
    return any(
        (ends_sentence(line.text) and len(line.text.split()) >= 4) or len(line.text) > 100
        for line in body
    )


def find_starts(lines: Sequence[Line]) -> list[int]:
    starts = []
    position = 0
    while position < len(lines):
        row = _read(lines, position)
        if row is None:
            position += 1
            continue
        starts.append(position)
        position += row.n_lines
    ends = [*starts[1:], len(lines)][: len(starts)]
    starts = [
        start
        for start, end in zip(starts, ends, strict=True)
        if not any(_SUBMISSION.match(line.text) for line in lines[start:end])
    ]
    first = _read(lines, starts[0]) if starts else None
    status = first is not None and _is_status(first)
    if first and _heads_post(lines[: starts[0]], status) and not _bulleted(lines[starts[0]]):
        starts = starts[1:]
    elif (
        first
        and len(starts) > 1
        and has_text(lines[: starts[0]])
        and _sectioned(lines[starts[0] + first.n_lines : starts[1]])
    ):
        starts = starts[1:]  # the post's byline under its text, over the comment section
    if len(starts) < MIN_HEADERS:
        return []
    rows = [_read(lines, at) for at in starts]
    if len({row.author.casefold() for row in rows if row is not None}) < MIN_NAMES:
        return []
    bodies = _bodies(lines, starts)
    texted = sum(1 for body, _ in bodies if _running(body))
    if texted * 3 < len(starts) * 2:
        return []
    acted = sum(
        1 for (_, acts), row in zip(bodies, rows, strict=True) if acts or (row and row.links)
    )
    scored = sum(1 for row in rows if row is not None and row.score is not None)
    depths = {row.depth for row in rows if row is not None}
    handled = sum(1 for row in rows if row is not None and row.handle is not None)
    if (
        acted * 2 < len(starts)
        and scored * 2 < len(starts)
        and handled * 2 < len(starts)
        and len(depths) < 2
    ):
        return []
    return starts


def nestings(lines: Sequence[Line], starts: Sequence[int]) -> list[int]:
    """Each comment's depth: as shown where headers stand at several depths; else from
    the ``parent`` and ``prev`` links of its header and action rows: none of them, a
    top-level comment; ``parent`` alone, a reply to the comment before; ``parent`` with
    ``prev`` (a later sibling), a reply to the latest top-level comment, the commonest
    place of a sibling a flat printout cannot place. Reply counts ('(4 children)'), where
    headers show them, place every comment before links do (:func:`_counted_depths`). A
    flat page with neither, under a permalink's note that it shows one chain of replies
    (:data:`_CONTEXT`), is that chain."""
    rows = [_read(lines, at) for at in starts]
    depths = [row.depth if row is not None else 0 for row in rows]
    if len(set(depths)) > 1:
        return depths
    ends = [*starts[1:], len(lines)]
    if any(row is not None and row.descendants for row in rows):
        hidden = [
            _hidden(row, lines[start + 1 : end])
            for start, end, row in zip(starts, ends, rows, strict=True)
        ]
        return _counted_depths(rows, hidden)
    levels: list[int] = []
    for start, end, row in zip(starts, ends, rows, strict=True):
        links = set(row.links) if row is not None else set()
        for line in lines[start + 1 : end]:
            if _is_action_row(line.text):  # its words may run together
                links |= {word for word in ("parent", "prev") if word in line.text.casefold()}
        if "parent" not in links or not levels:
            levels.append(0)
        elif "prev" in links:
            levels.append(1)
        else:
            levels.append(levels[-1] + 1)
    if starts and not any(levels) and any(_CONTEXT.match(line.text) for line in lines[: starts[0]]):
        return list(range(len(starts)))
    return levels


def _counted_depths(rows: Sequence[Row | None], hidden: Sequence[int]) -> list[int]:
    """Depths from the replies each header counts ('(4 children)': the next four comments
    descend from it; no count, none do); the replies `hidden` after a comment (those of a
    collapsed one, those a 'load more comments (N replies)' line stands for) are owed by
    the comments open above them all the same."""
    open_rows: list[int] = []  # the replies still owed by each open ancestor
    depths: list[int] = []
    for row, unseen in zip(rows, hidden, strict=True):
        while open_rows and open_rows[-1] == 0:
            open_rows.pop()
        depths.append(len(open_rows))
        open_rows = [owed - 1 for owed in open_rows]
        open_rows.append(row.descendants or 0 if row is not None else 0)
        for _ in range(unseen):
            while open_rows and open_rows[-1] == 0:
                open_rows.pop()
            open_rows = [owed - 1 for owed in open_rows]
    return depths


def _hidden(row: Row | None, region: Sequence[Line]) -> int:
    """How many replies the page leaves out after a comment: a collapsed comment's count
    ('[+]name … (2 children)') and the counts of its 'load more' lines."""
    unseen = row.hidden if row is not None else 0
    for line in region:
        counted = _HIDDEN.search(line.text) if MORE.match(line.text) else None
        if counted is not None:
            unseen += int(counted.group("n") or counted.group("more"))
    return unseen


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    row = _read(lines, position)
    if row is None:
        return Header(author=lines[position].text or None, n_lines=1, nesting=0)
    region = [line for line in lines[position + row.n_lines : end] if not line.is_blank]
    chrome = {line.index for line in region if is_chrome(line)}
    score = row.score
    for line, following in pairwise(region):
        if score is None and _lone(line.text) is not None and _is_action_row(following.text):
            score = _lone(line.text)
            chrome.add(line.index)
    for line in region:
        counted = _COUNTED_ACTIONS.match(line.text)
        if score is None and counted is not None and _is_action_row(line.text):
            score = int(counted.group("n").replace("−", "-"))
    author = row.author
    return Header(
        author=author,
        n_lines=row.n_lines,
        nesting=row.depth,
        is_op=row.is_op,
        score=score,
        upvotes=row.upvotes,
        downvotes=row.downvotes,
        edited=row.edited,
        age=row.age,
        reply_to=row.reply_to,
        handle=row.handle,
        chrome_lines=frozenset(chrome),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The submission's title, author and date from its byline (:data:`SUBMITTED`), the
    title the line above it, or from a community's byline (:data:`PLACED`), the title the
    line under it; None where no byline stands above the comments. Where the page
    repeats the byline (a sidebar's copy), the one under a title of
    :data:`MIN_TITLE_WORDS` words or more heads the post, and the others are furniture."""
    placed = _placed_post(lines)
    if placed is not None:
        return placed
    heads = list(_submitted_heads(lines))
    if not heads:
        return _poster(lines)
    head = next((h for h in heads if h.title and len(h.title.split()) >= MIN_TITLE_WORDS), heads[0])
    others = frozenset(index for other in heads if other is not head for index in other.meta_lines)
    return dataclasses.replace(head, chrome_lines=head.chrome_lines | others)


def _submitted_heads(lines: Sequence[Line]) -> Iterator[PostHead]:
    """The head each submission's byline (:data:`SUBMITTED`) gives, in page order."""
    for position, line in enumerate(lines):
        found = SUBMITTED.match(line.text)
        if found is None or len(line.text.split()) > MAX_ROW_WORDS:
            continue
        name = _handle(_BADGE.sub("", found.group("name")))
        dated = find_date(line.text)
        if name is None or (dated is None and _AGE.search(line.text) is None):
            continue
        above = [other for other in lines[max(0, position - MAX_TITLE_GAP) : position]]
        title = next(
            (
                other
                for other in reversed(above)
                if any(char.isalpha() for char in other.text)
                and _lone(other.text) is None
                and not is_chrome(other)
                and not SOURCE_LINE.match(other.text)
            ),
            None,
        )
        shown = RANK.sub("", SOURCE_SUFFIX.sub("", title.text)) if title is not None else None
        chrome = {other.index for other in above if SOURCE_LINE.match(other.text)}
        chrome |= {other.index for other in lines[:position] if PROMPT.match(other.text)}
        for other in lines[position + 1 :]:
            if not LINK_FIELD.match(other.text):
                break
            chrome.add(other.index)
        yield PostHead(
            title=shown
            if title is not None and len(title.text.split()) <= MAX_TITLE_WORDS
            else None,
            title_lines=frozenset({title.index}) if title is not None else frozenset(),
            author=_bare_name(name),
            published=dated[0] if dated is not None and _AGE.search(line.text) is None else None,
            meta_lines=frozenset({line.index}),
            chrome_lines=frozenset(chrome),
        )


def _heads_post(above: Sequence[Line], status: bool = False) -> bool:
    """Whether the first header is the opening post's: it stands right under a topic
    title (:data:`MIN_TITLE_WORDS` words or more), or it is a `status`'s
    (:func:`_is_status`: a status page shows the status it is about first), and neither
    running text nor a submission's byline stands above it."""
    filled = [line for line in above if not line.is_blank]
    if has_text(above):
        return False
    if any(SUBMITTED.match(line.text) or _COUNTS.match(line.text) for line in filled):
        return False
    if status:
        return True
    if not filled:
        return False
    title = filled[-1].text
    return (
        len(title.split()) >= MIN_TITLE_WORDS
        and is_title_like(title)
        and "://" not in title
        and not is_chrome(filled[-1])
    )


PLACED = re.compile(
    r"^(?:/?[rcvm]/|!)[\w.\-@]+\s*[•·|]\s*(?P<name>(?:/?u/|@)?[^\s•·|]+)"
    r"(?:\s+[^\s•·|]+){0,2}\s*[•·|]\s*(?P<stamp>\S.{0,60})$"
)
"""A post's byline naming its community first ('r/europe • u/name • Feb 19 '24',
'!news@instance · name · 6h ago · edited 5h ago'), a flair of two words at most after the
name."""


FLAIR_OPENING = re.compile(
    r"^[A-Z][a-z]{2,15}\s+(?=(?:What|Why|How|When|Where|Who|Which|Was|Is|Are|Do|Does|Did|Can"
    r"|Should|Will|Would|The|A|An)\s)"
)
"""A post's flair printed before its title: one capitalised word before a title that
opens with a question word or an article ('Discussion Was the vote …', 'Question What …')."""


def _placed_post(lines: Sequence[Line]) -> PostHead | None:
    """The head of a post under a community's byline (:data:`PLACED`): its author and
    date, and the title on the next line."""
    for position, line in enumerate(lines):
        found = PLACED.match(line.text)
        if found is None:
            continue
        name = _handle(found.group("name"))
        stamp = found.group("stamp")
        dated = find_date(stamp)
        if name is None or (dated is None and _AGE.search(stamp) is None):
            continue
        below = _next_filled(lines, position)
        title = lines[below] if below is not None else None
        if title is not None and not (
            is_title_like(title.text) and len(title.text.split()) <= MAX_TITLE_WORDS
        ):
            title = None
        return PostHead(
            title=FLAIR_OPENING.sub("", title.text) if title is not None else None,
            title_lines=frozenset({title.index}) if title is not None else frozenset(),
            author=_bare_name(name),
            published=dated[0] if dated is not None and _AGE.search(stamp) is None else None,
            meta_lines=frozenset({line.index}),
        )
    return None


MAX_SECTION_WORDS = 4


def _sectioned(lines: Sequence[Line]) -> bool:
    """Whether a comment section's heading (:data:`COMMENT_SECTION`: 'Comments', 'Replies
    (5)', '12 comments') stands on a line of its own among `lines`: the header above it
    is the post's byline (under its text), and the comments follow."""
    return any(
        COMMENT_SECTION.match(line.text) and len(line.text.split()) <= MAX_SECTION_WORDS
        for line in lines
        if not line.is_blank
    )


def _is_status(row: Row) -> bool:
    """Whether a header is a status's: a display name over a handle, replying to no one
    (a bare '@name' heads the comments of link aggregators as well)."""
    return row.reply_to is None and row.handle is not None


def _bulleted(line: Line) -> bool:
    """Whether a header stands under a list bullet, as a comment of a tree does: the
    opening post's byline is printed above the tree, not in it."""
    return line.text[:1] in "•*◦▪"


def _poster(lines: Sequence[Line]) -> PostHead | None:
    """The head of a post whose byline is a header of the comments' shape: the first one
    in the post's lines, under no running text."""
    for position in range(len(lines)):
        row = _read(lines, position)
        if row is None:
            continue
        status = _is_status(row)
        sectioned = has_text(lines[:position]) and _sectioned(lines[position + row.n_lines :])
        if _bulleted(lines[position]) or not (sectioned or _heads_post(lines[:position], status)):
            return None
        dated = find_date(row.age)
        return PostHead(
            author=row.author,
            published=dated[0] if dated is not None and _AGE.search(row.age) is None else None,
            meta_lines=frozenset(line.index for line in lines[position : position + row.n_lines]),
        )
    return None
