"""Helpers shared by the forum grammars (a private module, not a grammar itself).

Some of what a forum page shows is only known in context: a signature or profile block
under a post, the post a comment replies to by name, the lines of a quotation. The grammars
report it in three fields, on :class:`Header` (per comment) and :class:`PostHead` (the
opening post):

* ``chrome_lines``: indices of the region's lines that are front-end furniture (profile
  block, signature, like counters, the page footer under the last post);
* ``quote_lines``: indices of body lines that are quoted text;
* ``reply_to`` (Header only): the name of the author replied to, as the page shows it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.candidates import unlabelled_title
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import (
    AGE,
    REPLY_PREFIX,
    YEARLESS_DATE,
    find_byline,
    find_date,
    is_breadcrumb,
    is_dateline,
)
from flows.stages.segment.post import PostHead
from flows.stages.segment.votes import shown_count as shown_count

USERNAME = r"[\w][\w.\-]{0,39}"
"""A forum username: one token of word characters, dots and dashes."""
ACCOUNT = rf"{USERNAME}(?:@[\w\-]+(?:\.[\w\-]+)+)?"
"""A username, with its instance where the front-end federates ('name@lemmy.world')."""
PAGE = re.compile(r"\b(?:Page|Страница)\s+(?P<page>\d{1,5})\s+(?:of|из)\s+\d{1,5}\b", re.IGNORECASE)
CRUMB_SEPARATOR = re.compile(r"\s[»›‹>](?:\s|$)")
POST_NUMBER_LINE = re.compile(r"^#(?P<n>\d{1,7})$")
"""A post's number on a line of its own ('#3'), next to its header."""


def post_head(
    *,
    title: str | None,
    title_lines: Collection[int],
    author: str | None,
    published: str | None,
    meta_lines: Collection[int],
    chrome_lines: Collection[int] = (),
    quote_lines: Collection[int] = (),
) -> PostHead:
    """A :class:`PostHead`; a line is title, metadata or furniture, in that order."""
    meta = frozenset(meta_lines) - frozenset(title_lines)
    return PostHead(
        title=title,
        title_lines=frozenset(title_lines),
        author=author,
        published=published,
        meta_lines=meta,
        chrome_lines=frozenset(chrome_lines) - frozenset(title_lines) - meta,
        quote_lines=frozenset(quote_lines),
    )


def page_number(lines: Sequence[Line]) -> int | None:
    """The page number a "Page N of M" line shows (None: no such line)."""
    for line in lines:
        match = PAGE.search(line.text)
        if match and len(line.text) <= 80:
            return int(match.group("page"))
    return None


COUNTER = re.compile(
    r"^(?:(?P<n>\d{1,5})\s+(?:comments?|responses?|replies|thoughts|reactions|"
    r"комментари\w*|ответ\w*)(?:\s+(?:to|on|на)\s+(?P<title>\S.{0,200}))?"
    r"|(?:comments|responses|replies|discussion|комментарии|ответы)\s*[(:]?\s*\d{1,5}\)?)$",
    re.IGNORECASE,
)
"""A line announcing a comment list: its count, and the title it answers ('3 responses to
“Title”', '5 thoughts on “Title”', 'Comments (4)', '42 comments')."""
TITLE_QUOTES = "“”\"«»„‘’'"


def counted_title(text: str) -> str | None:
    """The title a counter line says its comments answer, without its quotes."""
    if not text[:1].isdigit():
        return None
    match = COUNTER.match(text)
    title = match.group("title") if match else None
    return title.strip(TITLE_QUOTES).strip() or None if title else None


def strip_reply_prefix(subject: str) -> str:
    """The topic title of a reply's subject ("Re: Title" -> "Title")."""
    return REPLY_PREFIX.sub("", subject).strip()


def strip_subject_label(title: str) -> str:
    """The title without the label before it ("Post subject: Title" -> "Title"; the labels
    are :data:`~flows.stages.segment.candidates.TITLE_LABEL`)."""
    return unlabelled_title(title.strip())


def is_title_like(text: str, max_chars: int = 200) -> bool:
    """A line that can be a topic title: short, no sentence end (a question is allowed)."""
    if not text or len(text) > max_chars or text.endswith((":", ",", ";")):
        return False
    return text.endswith("?") or not ends_sentence(text)


def is_prose(text: str) -> bool:
    """A line of post text rather than a label (name, rank, counter): long, several words,
    or a sentence."""
    return len(text) > 40 or len(text.split()) > 3 or (ends_sentence(text) and len(text) > 3)


def furniture(region: Sequence[Line], is_chrome: Callable[[Line], bool]) -> set[int]:
    """Indices of the region's lines the builder drops anyway (boilerplate rules, chrome)."""
    dropped = set(find_boilerplate(region))
    dropped.update(line.index for line in region if not line.is_blank and is_chrome(line))
    return dropped


def page_title(
    top: Sequence[Line], skip: Collection[int], subject: str | None = None
) -> Line | None:
    """The topic title among the lines above the first post: the line equal to the first
    post's subject (without "Re:"), else a title-shaped line that ends another line (a
    breadcrumb, the page title "<Board> • View topic - <Title>"), else the title-shaped
    line nearest above the post that is no breadcrumb; furniture (`skip`) is passed over,
    and so are one-word lines (a pager's '2', 'Previous') and counters."""
    wanted = strip_reply_prefix(subject).casefold() if subject else None
    candidates = [line for line in top if not line.is_blank and line.index not in skip]
    if wanted:
        for line in candidates:
            if line.text.casefold() == wanted:
                return line
    texts = [line.text.rstrip(" »›>") for line in top if not line.is_blank]
    for line in candidates:
        if (
            is_title_like(line.text)
            and len(line.text.split()) > 1
            and any(
                text.endswith(" " + line.text) and len(text) > len(line.text) + 3 for text in texts
            )
        ):
            return line
    menu = _menu_lines(top)
    for line in reversed(candidates):
        if line.index in menu or COUNTERS.match(line.text) or COUNTER.match(line.text):
            continue
        if find_byline(line.text) is not None:
            continue
        if is_title_like(line.text) and not is_breadcrumb(line.text) and len(line.text.split()) > 1:
            return line
    return None


COUNTERS = re.compile(r"^(?:[\d.,]+[kKM]?\s+[^\W\d]+\s*(?:[|·•]\s*)?){2,}$")
"""A topic's counters ('5 Posts 4 Posters 318 Views', '12 replies · 340 views'): no title."""
MENU_RUN = 3
MENU_ITEM_WORDS = 4


def _menu_lines(top: Sequence[Line]) -> set[int]:
    """Lines of a site's menu: runs of `MENU_RUN` or more adjacent short lines (no blank
    line between, `MENU_ITEM_WORDS` words at most, none ending a sentence)."""
    found: set[int] = set()
    run: list[int] = []
    for line in [*top, None]:
        short = (
            line is not None
            and not line.is_blank
            and len(line.text.split()) <= MENU_ITEM_WORDS
            and not ends_sentence(line.text)
        )
        if short and line is not None and (not run or line.index == run[-1] + 1):
            run.append(line.index)
            continue
        if len(run) >= MENU_RUN:
            found.update(run)
        run = [line.index] if short and line is not None else []
    return found


def content_indices(lines: Sequence[Line]) -> set[int]:
    """Indices of the non-blank lines."""
    return {line.index for line in lines if not line.is_blank}


def is_crumbs(text: str) -> bool:
    """A forum breadcrumb: short labels joined by "»", "›", "‹" or ">" (a trailing one
    allowed; the last label may be the topic title). No sentence: it does not end with a
    period and its labels hold no comma."""
    if len(text) > 300 or text.endswith((".", "!")):
        return False
    parts = CRUMB_SEPARATOR.split(text)
    trailing = parts[-1] == ""
    labels = parts[:-1] if trailing else parts
    if not labels or (len(labels) < 2 and not trailing):
        return False
    leading = labels if trailing else labels[:-1]
    return all(0 < len(label) <= 60 and ", " not in label for label in leading)


def next_content(lines: Sequence[Line], position: int, end: int | None = None) -> int | None:
    """The position of the first non-blank line after `position` (before `end`)."""
    stop = len(lines) if end is None else min(end, len(lines))
    for at in range(position + 1, stop):
        if not lines[at].is_blank:
            return at
    return None


def previous_content(lines: Sequence[Line], position: int) -> int | None:
    """The position of the last non-blank line before `position`."""
    for at in range(position - 1, -1, -1):
        if not lines[at].is_blank:
            return at
    return None


def quoted_lines(
    lines: Sequence[Line], start: int, end: int, attribution: re.Pattern[str]
) -> set[int]:
    """Indices of quoted lines in [start, end): a line whose attribution has the quoted
    text glued after it ("name wrote:Text", :data:`GLUED_QUOTE`, or the `rest` of an
    `attribution` that has one), else the line after the attribution (and
    after a second attribution line such as "Originally Posted by X", or after the quoted
    post's date line)."""
    quoted: set[int] = set()
    for at in range(start, end):
        if GLUED_QUOTE.match(lines[at].text):
            quoted.add(lines[at].index)
            continue
        match = attribution.match(lines[at].text)
        if match is None:
            continue
        if match.groupdict().get("rest"):
            quoted.add(lines[at].index)
            continue
        following = next_content(lines, at, end)
        if following is not None and is_dateline(lines[following].text):
            quoted.add(lines[following].index)  # the quoted post's date, then its text
            following = next_content(lines, following, end)
        if following is not None and not attribution.match(lines[following].text):
            quoted.add(lines[following].index)
    return quoted


QUOTE_VERB = r"(?:wrote|said|написал(?:\(?а\)?)?|писал(?:\(?а\)?)?)"
GLUED_QUOTE = re.compile(
    rf"^\S{{1,40}}(?:\s\S{{1,40}})?\s+{QUOTE_VERB}:"
    r"(?:\s*\([^()]{4,40}\))?(?<=[:)])(?=[^\s(])"
    rf"|^\([^()]{{0,30}}\d[^()]{{0,30}}\)(?=[^\s(])[^()]{{1,40}}?\s{QUOTE_VERB}:\s*\S",
    re.IGNORECASE,
)
"""A quote's attribution with the quoted text glued after it ('name wrote:Text', 'name
wrote: (<stamp>)Text', '(<stamp>)name Wrote: Text'), as boards print a quote box scraped
to one line: the line is quoted text; a sentence that reports speech ('He wrote: we …')
has a space after its colon and no stamp glued to the name before it."""
JUMP_MARK = r"(?:\s*(?:[↑⇑⬆^»›]+|<\{[A-Z_]{1,30}\}>))?"
"""The arrow some boards print after a quote's attribution, a link to the quoted post
('name wrote: ↑'), or the template tag of that link's image where the page was scraped
unrendered ('<{POST_SNAPBACK}>'): no part of the attribution's words."""
QUOTE_ATTRIBUTION = re.compile(
    r"^(?:(?:quote|цитата)(?:\s+from:?\s+\S.{0,80}?)?\s*:?|originally\s+posted\s+by\s+\S.{0,60}"
    r"|(?:quote|цитата)\s*\([^()]{1,80}\)\s*\*?"
    r"|\S.{0,60}?\s+(?:wrote|said|(?:на)?писал(?:\(?а\)?)?|сказал(?:\(?а\)?)?)"
    r"(?:\s+on\s.{0,60})?:"
    r"(?:\s*\([^()]{4,40}\))?)"
    rf"{JUMP_MARK}$",
    re.IGNORECASE,
)
"""A quote's attribution on a line of its own, as most forum software prints it ('Quote:',
'Originally Posted by name', 'Quote from name on <date>:', 'Quote from: name on <date>',
'name wrote:', 'Цитата:', 'name сказал(а):', 'QUOTE(name @ <date>) *'; a bracketed stamp or
an arrow after it: 'name Wrote: (06-15-2018, 09:41 PM)', 'name wrote: ↑'): furniture, the
line under it quoted (:func:`quoted_lines`)."""


@dataclass(frozen=True, slots=True)
class Opening:
    """The opening post's header on the page: where it starts and ends, what it says, the
    line of its subject (the topic title; `subject_text` when the line says more) and where
    its furniture begins under the body."""

    position: int
    n_lines: int
    author: str | None
    published: str | None
    body_end: int
    subject: int | None = None
    subject_text: str | None = None


def opening_head(
    lines: Sequence[Line],
    opening: Opening,
    is_chrome: Callable[[Line], bool],
    quotes: Collection[int] = (),
    title_hint: str | None = None,
) -> PostHead:
    """The head of a page that shows the opening post: the title (its subject line, else
    the title line above it), author and date from its header; the page top above it and
    its furniture under the body are chrome."""
    skip = furniture(lines, is_chrome)
    body_start = opening.position + opening.n_lines
    header_lines = content_indices(lines[opening.position : body_start])
    title_line: Line | None = None
    title: str | None = None
    if opening.subject is not None:
        title_line = lines[opening.subject]
        title = strip_reply_prefix(opening.subject_text or title_line.text)
    else:
        title_line = page_title(lines[: opening.position], skip, title_hint)
        title = strip_subject_label(title_line.text) if title_line else title_hint
    chrome = content_indices(lines[: opening.position]) | content_indices(lines[opening.body_end :])
    return post_head(
        title=title,
        title_lines={title_line.index} if title_line else set(),
        author=opening.author,
        published=opening.published,
        meta_lines=header_lines,
        chrome_lines=chrome - skip,
        quote_lines=quotes,
    )


def message_head(
    lines: Sequence[Line], opening: Opening, is_chrome: Callable[[Line], bool]
) -> PostHead:
    """The head of a mail or group page's first message, `opening`: as
    :func:`opening_head`, but every line above its header is the page's furniture, save
    the title's."""
    head = opening_head(lines, opening, is_chrome)
    chrome = content_indices(lines[: opening.position]) - head.title_lines
    return dataclasses.replace(head, chrome_lines=frozenset(chrome) | head.chrome_lines)


@dataclass(frozen=True, slots=True)
class MessageHeader:
    """One message's header on a mail or group page: its first line, how many lines it
    spans, the sender and the date as written."""

    position: int
    n_lines: int
    author: str
    published: str


def subject_head(
    lines: Sequence[Line], first: MessageHeader, is_chrome: Callable[[Line], bool]
) -> PostHead:
    """:func:`message_head` for a page whose subject is the nearest content line above its
    first message's header, `first`, that is not chrome."""
    at = previous_content(lines, first.position)
    while at is not None and is_chrome(lines[at]):
        at = previous_content(lines, at)
    subject = lines[at].text if at is not None else None
    opening = Opening(
        first.position, first.n_lines, first.author, first.published, len(lines), at, subject
    )
    return message_head(lines, opening, is_chrome)


def stub_head(
    lines: Sequence[Line],
    is_chrome: Callable[[Line], bool],
    subject: str | None,
    author: str | None = None,
    meta: Collection[int] = (),
) -> PostHead:
    """The head of a later page: the title (`subject` without "Re:" and the line that
    shows it, else the title line :func:`page_title` finds), the topic starter where the
    page names one; every other line above the first reply is furniture."""
    skip = furniture(lines, is_chrome) | set(meta)
    if subject:
        title: str | None = strip_reply_prefix(subject)
        wanted = (title or "").casefold()
        title_line = next((line for line in lines if line.text.casefold() == wanted), None)
    else:
        title_line = page_title(lines, skip)
        title = title_line.text if title_line else None
    return post_head(
        title=title,
        title_lines={title_line.index} if title_line else set(),
        author=author,
        published=None,
        meta_lines=meta,
        chrome_lines=content_indices(lines) - skip,
    )


RU_AGE = re.compile(
    r"^(?:(?:\d+|одн[уа]|один)\s+)?(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*"
    r"|год\w*|лет)\s+назад$|^(?:вчера|сегодня|позавчера)(?:\s+в\s+\d{1,2}:\d{2})?$",
    re.IGNORECASE,
)
SHORT_LOCAL_AGE = re.compile(
    r"^(?:\d{1,3}\s?(?:сек|мин|ч|час|дн?|нед|мес|г|л)\.?(?:\s+назад)?"
    r"|vor\s+\d{1,3}\s?(?:Sek|Min|Std|Tg|Wo|Mon|J)\.?"
    r"|(?:il y a|hace)\s+\d{1,3}\s?(?:s|min|h|j|d|sem|mois|m|a)\.?)$",
    re.IGNORECASE,
)
"""An age abbreviated as a localised front-end prints it ('5 ч.', '12 мин.', 'vor 3 Std.',
'il y a 2 j'): the units of :data:`RU_AGE` and their German, French and Spanish kin."""
AVATAR_LABEL = re.compile(
    r"^(?:(?:user|profile|author|commenter)(?:'s|’s)?\s+)?(?:avatar|userpic|аватар(?:ка)?"
    r"|profile\s+(?:picture|photo|image))(?:\s+(?:image|icon|of\s+\S.{0,40}))?$",
    re.IGNORECASE,
)
"""The text an avatar image scrapes to over a commenter's name ('Avatar', 'User avatar',
'Аватар'): the widget's furniture, never the name."""
PROFILE_STAMP = re.compile(
    r"^(?:joined|registered|member since|last (?:seen|visit|active|login)|birthday|born"
    r"|регистрация|зарегистрирован\w*|с нами|последний визит|день рождения)\b",
    re.IGNORECASE,
)
"""A profile's dated field: the member's, not the post's (a member list shows one per row)."""
ROLE_BADGE = re.compile(
    r"(?<=\S)\s+(?:OP|MOD|Mod|Moderator|ADMIN|Admin|AUTHOR|Author|OWNER|Owner|STAFF|Staff"
    r"|Автор|Модератор|Админ)$"
)
"""The poster's role as a comment widget prints it after the name, capitalised ('Anna K.
MOD', 'Far East Notes Admin', 'Olga Автор'): no part of the name."""


def without_badge(name: str) -> str:
    """A name line without the role badge after it (:data:`ROLE_BADGE`)."""
    return ROLE_BADGE.sub("", name)


SPEECH_VERB = r"(?:says|говорит|пишет|сказал\(а\)|sagt|dice)"
"""The verb a comment's name line closes with, a colon after it ('Anna says:', 'Анна
говорит:'): the themes of blog platforms print it; no part of the name."""
SAYS_NOTE = re.compile(rf"\s+{SPEECH_VERB}:\s*$")
NAME_BULLET = re.compile(r"^[•◦▪●*]\s+(?=\S)")
"""The list bullet before a commenter's name where the comments print as nested list
items ('  • Anna says:', '    ◦ Boris'): no part of the name."""
REPLY_NOTE = re.compile(
    r"\s+(?:ответил[аи]?\s+\S.{0,40}|in reply to\s+\S.{0,40}|\(изменено\)|\(edited\))$",
    re.IGNORECASE,
)
"""What a stamp line may add after the date: whom it answers, an edit mark."""
MAX_STAMP_EXTRA = 12
"""Characters a stamp line may hold besides its date (a time: ' в 10:40', ', 10:40')."""


def is_stamp(text: str) -> bool:
    """A comment's stamp line: only a date or an age, a time beside it, and what
    :data:`REPLY_NOTE` allows after it ('2 дня назад', '14 мар 2024 в 10:40', 'Mar 18')."""
    if not text or len(text) > 80:
        return False
    core = REPLY_NOTE.sub("", text).strip()
    if RU_AGE.match(core) or SHORT_LOCAL_AGE.match(core) or YEARLESS_DATE.match(core):
        return True
    age = AGE.search(core)
    if age is not None and len(core) - len(age.group(0)) <= MAX_STAMP_EXTRA:
        return True
    found = find_date(core)
    return found is not None and len(core) - len(found[0]) <= MAX_STAMP_EXTRA


MIN_TEXT_WORDS = 25
"""Words of sentences that make a region running text (an article, a post) rather than a
page top (a menu, a title, counters)."""
MIN_STATEMENT_WORDS = 12


def has_text(lines: Sequence[Line]) -> bool:
    """Whether `lines` hold running text: sentences of `MIN_TEXT_WORDS` words in all, or
    one statement of `MIN_STATEMENT_WORDS` (a post's short text; a title is no statement)."""
    sentences = [
        line.text
        for line in lines
        if not line.is_blank and ends_sentence(line.text) and len(line.text.split()) > 3
    ]
    return sum(len(text.split()) for text in sentences) >= MIN_TEXT_WORDS or any(
        text.endswith((".", "!")) and len(text.split()) >= MIN_STATEMENT_WORDS for text in sentences
    )


def has_article(lines: Sequence[Line]) -> bool:
    """Whether `lines` hold an article's running text: sentences of `MIN_TEXT_WORDS` words
    in all, questions aside. A page top's question-shaped title and its one-line notice
    about the view ('You are viewing a text-only version of this page.') make none, where
    :func:`has_text` counts them."""
    words = (
        len(line.text.split())
        for line in lines
        if not line.is_blank and ends_sentence(line.text) and not line.text.endswith("?")
    )
    return sum(words) >= MIN_TEXT_WORDS


MIN_TITLE_WORDS = 4


def topic_title(top: Sequence[Line], is_chrome_text: Callable[[str], bool]) -> str | None:
    """The topic's title above the first post: the title-shaped line of the most words,
    `MIN_TITLE_WORDS` at least, that is no counter line, no byline nor the front-end's
    furniture (`is_chrome_text`): a site's name, its menu, the topic's category and tags
    are shorter. Such a line right over a byline ('By <name>, <date>') is the title
    whatever its length: the topic's own head."""
    filled = [line for line in top if not line.is_blank]
    candidates = [
        (at, line.text)
        for at, line in enumerate(filled)
        if len(line.text.split()) >= MIN_TITLE_WORDS
        and is_title_like(line.text)
        and not COUNTERS.match(line.text)
        and not is_chrome_text(line.text)
        and find_byline(line.text) is None
    ]
    for at, text in candidates:  # the topic's own head: its title over its byline
        if at + 1 < len(filled) and find_byline(filled[at + 1].text) is not None:
            return text
    return max((text for _, text in candidates), key=lambda text: len(text.split()), default=None)


GLUE_POINT = re.compile(r"(?<=[a-z0-9_.\-])(?=[A-Z])")
"""Where a capital is glued onto a lower-case name: a user title scraped onto the username
with no space ('grisha_obsFund Committee')."""


def split_flair(label: str, known: Collection[str] = ()) -> tuple[str, str | None]:
    """(username, flair) of an older-view name line ("grisha_obsFund Committee"): split
    where a capital is glued on, at a name the page shows on its own if there is one, else
    at the first point where the name before has no capital or the flair has several words."""
    token = label.split()[0]
    points = [match.start() for match in GLUE_POINT.finditer(token)]
    for at in points:
        if token[:at] in known:
            return token[:at], label[at:].strip() or None
    for at in points:
        name, flair = token[:at], label[at:]
        if " " in flair or not any(ch.isupper() for ch in name):
            return name, flair
    return (token, None) if " " not in label else ("", None)


COMMENT_SECTION = re.compile(
    r"^(?:\d[\d,.]*\s+)?(?:comments?|responses?|replies|reactions|комментари[йяи]|отзыв)"
    r"|^(?:add|post|leave|write|show|view|load)\s+(?:a\s+|the\s+|all\s+)?"
    r"(?:comments?|reply|replies|responses?)\b|^join the (?:discussion|conversation)\b",
    re.IGNORECASE,
)
"""A comment section's heading, counter or call ('3 Comments', 'Add a comment...', 'Leave
a Reply'): the headers under it are comments on something else, not a thread's opening
post."""
