"""WordPress comment sections under an article, as their pages scrape to text.

Threaded list (the default themes)::

    N thoughts on “<Title>”            (or "N responses to “<Title>”", "One thought on …")
      • <Name> says:                   (the bullet is optional)
        <Month D, YYYY> at <H:MM am>   (the stamp: any date with a time)
        <text>
        Reply
    <Name> on <date> at <H:MM> said:   (one-line form of the header)
    <Name>                             (bare name: only below the "N thoughts on" line)
    <Month D, YYYY> at <H:MM am>

The header is the name line and its stamp; nesting is the name line's indentation
(replies sit 4 spaces deeper). Russian themes print "<Name> говорит:", "N мыслей о
“<Title>”", "Ответить" and a Russian comment form.

Classic numbered list (the older WordPress.com themes): the signature follows the text::

    N Responses to “<Title>”
      1. <text>
         <more text>
         Comment by <Name> — <Weekday D Month YYYY> @ <H:MM pm>

A comment starts at its number; the text after the number is the body (a number alone
on its line is the header). The signature line, wherever it falls before the next
number, gives the author and date. Nesting is the number's indentation.

Chrome: "Reply", the comment form ("Leave a Reply", "Your email address will not be
published. …", "Comment *", "Post Comment", the Akismet line), the section line, share
bars ("Share this:", "Like Loading...", glued "Click to share on … (Opens in new
window)"), tags, post navigation and the footer widgets.

The article above the comments is read by :func:`read_article_head`, which the other
article-comment grammars share: the headline is the last line above the first paragraph
of prose that is not a byline or dateline (or the line repeating the title that the
"N thoughts on “<Title>”" line quotes); bylines and datelines around it are metadata;
the masthead above it and the share bars, tags and navigation after the body are kept
out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.grammars._common import SPEECH_VERB
from flows.stages.segment.lines import Line, ends_sentence, word_count
from flows.stages.segment.meta import (
    MONTHS,
    TAXONOMY_LABEL,
    find_byline,
    find_date,
    is_dateline,
)
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "wordpress_comments"

TIME = r"\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?"
BULLET = r"(?:[•◦▪●*·]\s+)?"
SAYS = re.compile(rf"^\s*{BULLET}(?P<author>\S.{{0,80}}?)\s+{SPEECH_VERB}:\s*$")
SAID_ON = re.compile(
    rf"^\s*{BULLET}(?P<author>\S.{{0,80}}?)\s+on\s+(?P<stamp>\S.{{4,50}}?\s(?:at\s+)?{TIME})"
    r"\s+said:\s*$"
)
BARE_NAME = re.compile(rf"^\s*{BULLET}(?P<author>\w[^:;!?,]{{0,59}}?)\s*$")
HAS_TIME = re.compile(rf"(?:^|\s)(?:at\s+|@\s*)?{TIME}\b")
NUMBERED = re.compile(r"^\s*(?P<number>\d{1,4})\.(?:\s+(?P<text>\S.*))?$")
SIGNATURE = re.compile(
    rf"^\s*Comment\s+by\s+(?P<author>\S.{{0,80}}?)\s+[—–-]{{1,2}}\s+"
    rf"(?P<stamp>\S.{{3,60}}?@\s*{TIME})(?:\s*[|·•]?\s*(?:Reply|Edit|Edit This|#)\b.{{0,40}})?\s*$",
    re.IGNORECASE,
)
SECTION = re.compile(
    r"^(?:\d{1,5}|one|no)\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?|мысл\w*"
    r"|комментари\w*|ответ\w*|отзыв\w*)\s+(?:on|to|о|об|к|на)\s+(?:записи\s+)?"
    r"[“\"«‘'](?P<title>.+)[”\"»’']\s*$",
    re.IGNORECASE,
)

CHROME_LABELS = frozenset(
    {
        "skip to content",
        "skip to main content",
        "skip to navigation",
        "menu",
        "primary menu",
        "main menu",
        "main navigation",
        "toggle navigation",
        "search",
        "search for:",
        "search …",
        "search ...",
        "share this:",
        "share this",
        "like this:",
        "like loading...",
        "like loading…",
        "loading...",
        "related",
        "related posts",
        "post navigation",
        "posts navigation",
        "comment navigation",
        "leave a reply",
        "ответить",
        "добавить комментарий",
        "оставить комментарий",
        "отменить ответ",
        "комментарий *",
        "комментарий",
        "имя *",
        "сайт",
        "отправить комментарий",
        "навигация по записям",
        "перейти к содержимому",
        "свежие записи",
        "свежие комментарии",
        "архивы",
        "рубрики",
        "мета",
        "войти",
        "поиск",
        "гордо работает на wordpress",
        "← предыдущая запись",
        "следующая запись →",
        "сохранить моё имя, email и адрес сайта в этом браузере для последующих моих комментариев.",
        "ваш адрес email не будет опубликован. обязательные поля помечены *",
        "leave a reply cancel reply",
        "leave a comment",
        "cancel reply",
        "reply",
        "reply ↓",
        "edit",
        "log in to reply",
        "comment",
        "comment *",
        "name",
        "name *",
        "email",
        "email *",
        "email address",
        "website",
        "url",
        "post comment",
        "submit comment",
        "notify me of follow-up comments by email.",
        "notify me of new posts by email.",
        "recent posts",
        "recent comments",
        "archives",
        "categories",
        "meta",
        "log in",
        "entries feed",
        "comments feed",
        "entries rss",
        "comments rss",
        "wordpress.org",
        "blogroll",
        "twitter",
        "facebook",
        "telegram",
        "whatsapp",
        "reddit",
        "linkedin",
        "pinterest",
        "tumblr",
        "pocket",
        "print",
        "more",
        "like",
        "share on facebook",
        "share on twitter",
        "share via email",
        "no comments",
        "comments are closed.",
    }
)
"""Whole lines of WordPress page furniture (case-folded)."""

CHROME_PATTERNS = (
    re.compile(r"^Click to (?:share|email|print)\b.*\(Opens in new window\)", re.IGNORECASE),
    re.compile(rf"^{TAXONOMY_LABEL}\s*:", re.IGNORECASE),
    re.compile(r"^Posted in\s.{1,200}\|", re.IGNORECASE),
    re.compile(r"^(?:Previous|Next)\s+(?:Post|Article|Entry|Story)\s*:", re.IGNORECASE),
    re.compile(r"^[←«]\s+\S.{0,150}$|^\S.{0,150}?\s+[→»]$"),
    re.compile(r"^Your email address will not be published\.", re.IGNORECASE),
    re.compile(r"^Save my name, email,? and website in this browser", re.IGNORECASE),
    re.compile(r"^This site uses Akismet to reduce spam\.", re.IGNORECASE),
    re.compile(r"^(?:Proudly\s+)?powered by WordPress\b", re.IGNORECASE),
    re.compile(r"^Blog at WordPress\.com\.?$|^%d bloggers like this:?$", re.IGNORECASE),
    re.compile(r"^Theme:\s|^(?:Copyright\s*)?(?:©|\(c\))\s*(?:\d{4}|[A-Z])", re.IGNORECASE),
    re.compile(r"^(?:Like\s+)?Liked by \d+ (?:person|people)$", re.IGNORECASE),
    re.compile(r"^(?:Enter your comment here|Fill in your details below)", re.IGNORECASE),
    re.compile(r"^You are commenting using your\b", re.IGNORECASE),
    re.compile(r"^This entry was posted on\b.{1,200}\bfiled under\b", re.IGNORECASE),
    re.compile(r"^(?:\d{1,5}|no|one)\s+(?:comments?|responses?|thoughts?)\s*»?$", re.IGNORECASE),
    re.compile(r"^Your comment is awaiting moderation\.?$", re.IGNORECASE),
    re.compile(
        r"^(?:Name|Mail|E-?mail|Website|URI|URL)\s*(?:\((?:required|will not be published)\)\s*)+$",
        re.IGNORECASE,
    ),
    re.compile(r"^Notify me of (?:follow-?up comments|new posts)\b", re.IGNORECASE),
    re.compile(r"^Reply to\s\S.{0,60}$"),
    SECTION,
    SIGNATURE,
)

END_MARK = re.compile(
    r"^(?:Leave a (?:Reply|Comment)\b.*|Your email address will not be published\..*|"
    r"Comments are closed\.?|You must be logged in to post a comment\.?|Post navigation|"
    r"Recent Posts|Recent Comments|Archives|Categories|(?:Proudly\s+)?powered by WordPress\b.*|"
    r"Blog at WordPress\.com\.?)$",
    re.IGNORECASE,
)
ARCHIVE_MONTH = re.compile(r"^(?P<month>[A-Za-z]{3,9})\s+\d{4}(?:\s+\(\d{1,4}\))?$")

BY_LEAD = re.compile(
    r"^(?:(?:posted|written|published|filed|words|text|report(?:ed)?|story)\b.{0,80}?\s)?by\b"
    r"|^authors?\s*:",
    re.IGNORECASE,
)
HEAD_NOTE = re.compile(
    r"^\d{1,3}\s*(?:min(?:ute)?s?)\.?\s+read$|^(?:Photo|Image|Illustration|Picture)"
    r"(?:\s+by)?\s*[:/©]",
    re.IGNORECASE,
)
HANDLE_BYLINE = re.compile(
    r"^(?:(?:posted|written|published|filed)\b.{0,80}?\s)?by\s+(?P<name>\w[\w.'’-]{0,39})"
    r"(?:\s+(?:on|at|in)\s.*|\s*[|•·—–-]\s.*)?$",
    re.IGNORECASE,
)
NOT_HANDLES = frozenset({"the", "a", "an", "this", "that", "our", "my", "his", "her", "their"})
POSTED_BY = re.compile(r"^Posted by\s+(?P<name>\S.{0,60}?)\s+(?:at|on)\s+\S", re.IGNORECASE)
FILED_BY = re.compile(
    rf"^(?:Filed under|Posted in)\b.{{0,200}}?[—–]\s*(?P<name>[^@|—–]{{1,60}}?)\s*@\s*{TIME}",
    re.IGNORECASE,
)
ROW_CELL = re.compile(r"\s{3,}")
ROW_MARK = re.compile(rf"^{TIME}$|^\d{{1,5}}\s+comments?$", re.IGNORECASE)
NAME_CELL = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


def is_chrome(line: Line) -> bool:
    """WordPress furniture: share bars, tags, post navigation, the comment form, widgets."""
    text = line.text
    if not text or len(text) > 300:
        return False
    if text.casefold() in CHROME_LABELS:
        return True
    if any(pattern.search(text) for pattern in CHROME_PATTERNS):
        return True
    month = ARCHIVE_MONTH.match(text)
    return bool(month and month.group("month").casefold() in MONTHS)


def is_stamp(text: str) -> bool:
    """A comment's date line: an absolute date with a time ("March 3, 2022 at 4:15 pm")."""
    return (
        len(text) <= 70
        and find_date(text) is not None
        and bool(HAS_TIME.search(text))
        and not SIGNATURE.match(text)
    )


def _next_filled(lines: Sequence[Line], position: int, end: int) -> int | None:
    for later in range(position + 1, min(end, len(lines))):
        if not lines[later].is_blank:
            return later
    return None


def _threaded_starts(lines: Sequence[Line]) -> list[int]:
    """ "<Name> says:" ("говорит:") lines followed by their stamp, one-line "… said:" headers,
    and after the section line ("N thoughts on “<Title>”") bare name lines followed by their
    stamp."""
    starts = []
    section = next((p for p, line in enumerate(lines) if SECTION.match(line.text)), len(lines))
    for position, line in enumerate(lines):
        if "said:" in line.raw and SAID_ON.match(line.raw):
            starts.append(position)
            continue
        if (line.raw.endswith(":") and SAYS.match(line.raw)) or (
            position > section
            and _named(line) is not None
            and not is_chrome(line)
            and not NUMBERED.match(line.raw)
        ):
            following = _next_filled(lines, position, position + 3)
            if following is not None and is_stamp(lines[following].text):
                starts.append(position)
    return starts


def _numbered_starts(lines: Sequence[Line]) -> list[int]:
    """For each signature line, the last numbered line before it (after the previous one)."""
    starts = []
    floor = 0
    for position, line in enumerate(lines):
        if not SIGNATURE.match(line.text):
            continue
        numbered = [p for p in range(floor, position) if NUMBERED.match(lines[p].raw)]
        if numbered:
            starts.append(numbered[-1])
        floor = position + 1
    return starts


def find_starts(lines: Sequence[Line]) -> list[int]:
    """ "<Name> says:" lines followed by their stamp, and the numbers of classic comments."""
    return sorted({*_threaded_starts(lines), *_numbered_starts(lines)})


def _signature(lines: Sequence[Line], position: int, end: int) -> re.Match[str] | None:
    for line in lines[position:end]:
        if signature := SIGNATURE.match(line.text):
            return signature
    return None


def _named(line: Line) -> str | None:
    """The name on a header line: "<Name> says:", or a bare name (a few words, no clause)."""
    if says := SAYS.match(line.raw):
        return says.group("author").strip()
    bare = BARE_NAME.match(line.raw)
    if bare is None or word_count(bare.group("author")) > 5:
        return None
    return bare.group("author").strip()


def _kept(region: Sequence[Line]) -> bool:
    """Whether the first line of a comment's region stays in its body (not furniture)."""
    return region[0].index not in find_boilerplate(region) and not is_chrome(region[0])


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    first = lines[position]
    if said := SAID_ON.match(first.raw):
        return Header(
            author=said.group("author").strip(),
            n_lines=1,
            nesting=first.indent,
            published=said.group("stamp"),
        )
    numbered = NUMBERED.match(first.raw)
    signature = _signature(lines, position, end) if numbered else None
    if numbered and signature is not None:
        return Header(
            author=signature.group("author").strip(),
            n_lines=0 if numbered.group("text") and _kept(lines[position:end]) else 1,
            nesting=first.indent,
            published=signature.group("stamp"),
        )
    author = _named(first) or first.text
    stamp = _next_filled(lines, position, min(end, position + 3))
    if stamp is not None and is_stamp(lines[stamp].text):
        return Header(
            author=author,
            n_lines=stamp - position + 1,
            nesting=first.indent,
            published=lines[stamp].text,
        )
    return Header(author=author, n_lines=1, nesting=first.indent)


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the page's furniture after the last comment begins: the comment form or the
    first footer widget after the last comment's start (None without one)."""
    if not starts:
        return None
    for position in range(starts[-1] + 1, len(lines)):
        if END_MARK.match(lines[position].text):
            return position
    return None


def section_title(lines: Sequence[Line]) -> str | None:
    """The article's title as the comment section's heading quotes it."""
    for line in lines:
        if match := SECTION.match(line.text):
            return match.group("title").strip()
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    return read_article_head(lines, is_chrome, section_title(lines), posted_by)


# The article above the comments (shared by the article-comment grammars).


def byline_name(text: str) -> str | None:
    """The name on a byline ('By Name', 'Posted on <date> by Name', 'Name | <date>', or a
    login in lower case: 'Posted by ilya_k on <date>'), None on any other line."""
    name = find_byline(text)
    if name is not None and (BY_LEAD.match(text) or find_date(text)):
        return name
    handle = HANDLE_BYLINE.match(text) if len(text) <= 160 else None
    if handle and handle.group("name").casefold() not in NOT_HANDLES:
        return handle.group("name")
    return None


def is_byline(text: str) -> bool:
    return byline_name(text) is not None


def row_cells(text: str) -> list[str]:
    """The cells of a post-header row ('Name     10:47     Label, Label     6 comments')."""
    cells = ROW_CELL.split(text.strip())
    if len(cells) >= 3 and any(ROW_MARK.match(cell) for cell in cells):
        return cells
    return []


def is_meta(text: str) -> bool:
    """A byline, a dateline, a post-header row, a reading time or a photo credit."""
    return is_byline(text) or is_dateline(text) or bool(row_cells(text) or HEAD_NOTE.match(text))


def is_name_line(text: str) -> bool:
    """A bare name ("Olga Brandt"): an author line when a dateline follows it."""
    return len(text) <= 40 and 2 <= word_count(text) <= 4 and bool(NAME_CELL.match(text))


def is_prose(text: str) -> bool:
    words = word_count(text)
    return not is_meta(text) and ((ends_sentence(text) and words >= 12) or words >= 30)


def meta_author(text: str) -> str | None:
    if is_name_line(text) and not is_meta(text):
        return text
    cells = row_cells(text)
    if cells:
        return cells[0] if NAME_CELL.match(cells[0]) else None
    return byline_name(text)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _body_start(content: Sequence[Line]) -> int | None:
    """The first paragraph of prose (not a long headline: a byline or dateline follows
    that); among the first three, the first one that a byline or dateline precedes
    closely (a masthead's tagline is prose too)."""
    prose = [
        position
        for position, line in enumerate(content)
        if is_prose(line.text)
        and not (position + 1 < len(content) and is_meta(content[position + 1].text))
    ]
    for position in prose[:3]:
        if any(is_meta(line.text) for line in content[max(0, position - 3) : position]):
            return position
    return prose[0] if prose else None


def _is_author_line(content: Sequence[Line], position: int) -> bool:
    following = content[position + 1].text if position + 1 < len(content) else ""
    return is_name_line(content[position].text) and is_dateline(following)


def _title_position(content: Sequence[Line], body: int, hint: str | None) -> int | None:
    """The headline: the line repeating `hint`, else the last line above the body that is
    not a byline or dateline (the line above it when that one ends with a full stop and
    the one above reads as a headline: a standfirst under its headline)."""
    if hint:
        wanted = _norm(hint)
        for position in range(body - 1, -1, -1):
            if _norm(content[position].text) == wanted:
                return position
    for position in range(body - 1, -1, -1):
        text = content[position].text
        if is_meta(text):
            continue
        above = content[position - 1].text if position else ""
        if _is_author_line(content, position) and word_count(above) >= 5:
            continue
        if text.endswith(".") and above and not ends_sentence(above) and not is_meta(above):
            return position - 1
        return position
    return None


def _tail_start(lines: Sequence[Line], furniture: set[int], after: int) -> int:
    """The position in `lines` of the first furniture line after `after` that no prose
    follows: from there on the region is share bars, tags and navigation."""
    tail = len(lines)
    for position in range(len(lines) - 1, after, -1):
        line = lines[position]
        if line.is_blank:
            continue
        if line.index in furniture:
            tail = position
        elif is_prose(line.text):
            break
    return tail


def read_article_head(
    lines: Sequence[Line],
    chrome: Callable[[Line], bool],
    title_hint: str | None = None,
    byline: Callable[[str], str | None] | None = None,
) -> PostHead | None:
    """The head of the article above a comment section: headline, byline and date (the
    metadata lines), and as chrome the masthead above the headline and the furniture after
    the body. `byline`: a reader of the front-end's own author line after the body
    ("Posted by X at 10:47")."""
    dropped = find_boilerplate(lines)
    furniture = {line.index for line in lines if line.index in dropped or chrome(line)}
    content = [line for line in lines if not line.is_blank and line.index not in furniture]
    body = _body_start(content)
    if body is None:
        return None
    title = _title_position(content, body, title_hint)
    if title is None:
        return None
    below = [
        line
        for position, line in enumerate(content[title + 1 : body], start=title + 1)
        if is_meta(line.text) or _is_author_line(content, position)
    ]
    above = content[title - 1 : title] if title and is_dateline(content[title - 1].text) else []
    masthead = content[: title - len(above)]
    after = next(p for p, line in enumerate(lines) if line.index == content[body].index)
    tail = [line for line in lines[_tail_start(lines, furniture, after) :] if not line.is_blank]
    author = next((name for line in below + above if (name := meta_author(line.text))), None)
    footer: list[Line] = []
    if author is None and byline is not None:
        for line in tail:
            if name := byline(line.text):
                author, footer = name, [line]
                break
    published = next((found[0] for line in below + above if (found := find_date(line.text))), None)
    meta = {line.index for line in [*above, *below, *footer]}
    around = {line.index for line in [*masthead, *tail] if line.index not in furniture}
    head_line = content[title]
    return PostHead(
        title=head_line.text,
        title_lines=frozenset({head_line.index}),
        author=author,
        published=published,
        meta_lines=frozenset(meta),
        chrome_lines=frozenset(around - meta),
    )


def posted_by(text: str) -> str | None:
    """The author of a 'Posted by Name at 10:47' or 'Filed under: X — Name @ 4:15 pm' line."""
    match = POSTED_BY.match(text) or FILED_BY.match(text)
    return match.group("name").strip() if match else None
