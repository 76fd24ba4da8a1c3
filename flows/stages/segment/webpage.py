"""The main content of a web page or mail archive page saved as text: where the article
runs, what its head says, and which lines around it are page furniture.

A page scraped to text is menus and widgets (short lines), then the article (a headline,
bylines, long prose paragraphs), then share bars, tags, related posts, sidebars and
footers (short lines again). This module finds

* the **body**: the densest run of prose lines (long lines ending sentences; a few short
  lines inside it, such as subheadings or list items, belong to it). A run never starts
  above the head's byline or dateline: a one-sentence deck (standfirst) printed between
  the headline and the byline belongs to the head, not the body;
* the **head** above it: the title (the heading-shaped line nearest above the body that is
  not a breadcrumb, category label, dateline or byline), the author from a byline
  ("By X", "Posted on <date> by X", "X | <date>", a mail "From:" or sender line, or a line
  holding only a person's name right beside the dateline), the date as written (also when
  the page splits it over two lines: "14 Mar" / "2022"); lines above the title are
  furniture. The ordered rules' pick of title and byline is then weighed against the
  head's other lines by the scored candidates of :mod:`.candidates` (a breadcrumb, a
  dateline, a labelled byline, a counter or a widget's teaser never wins as the title);
* the **tail** below it: when it is a run of several short lines (widgets), those lines are
  furniture, except a closing bio ("X is a ...") and a byline ("Posted by X at ..."); an
  entry's footer row ("<date> in <Category> | Permalink | Comments (0)") dates it. A
  sentence standing between two furniture lines there (a related post's teaser) is
  furniture too, and so is a call to subscribe that introduces a button shown below it.

Mail archive pages (pipermail, hypermail, MHonArc, MARC, LISTSERV, Gmane, Usenet archives,
a mail client's print view) give subject, sender and date in their header lines, with the address written plainly or obfuscated
("user at host", "user () host ! org", "[log in to unmask]"), on the sender's line or
the line after it; their navigation lines are furniture. (A header scraped from a table
with each label on a line of its own, 'From:' then the value, is not read yet.)

Furniture is dropped with the rule ``page_chrome``; nothing that carries the article's
author or date is ever dropped (those lines stay in the post's span as metadata).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flows.stages.mail_fields import (
    CAPTION_RULE,
    DATE_FIELD,
    HEADER_FIELD,
    MAIN_LABEL,
    RECIPIENT_FIELD,
    RECIPIENT_LABELS,
    SENDER_FIELD,
    SENDER_LABELS,
    SUBJECT_FIELD,
    header_block,
    value_cells,
)
from flows.stages.segment.blocks import quote_depth
from flows.stages.segment.boilerplate import READING_TIME_LINE
from flows.stages.segment.candidates import (
    CAPTION,
    MIN_AUTHOR_SCORE,
    SENTENCE_INSIDE,
    AuthorFeatures,
    author_candidates,
    author_score,
    best_title,
    crumb_roots,
    is_button_label,
    is_head_notice,
    is_pager_link,
    is_tag_row,
    is_widget_row,
    last_crumb,
)
from flows.stages.segment.footnotes import NOTES_HEADING
from flows.stages.segment.lines import Line, ends_sentence, is_all_caps, word_count
from flows.stages.segment.meta import (
    AGE,
    META_ROW_CELL,
    MIN_META_ROW_CELLS,
    WROTE,
    dated_byline,
    find_byline,
    find_date,
    is_breadcrumb,
    is_dateline,
    person_name,
    person_names,
)
from flows.stages.segment.post import BIO, NOT_NAME_STARTS, SIGNATURE_NAME, PostHead

MIN_PROSE_WORDS = 10
MAX_GAP_LINES = 3
"""Short lines allowed between two prose lines of one body (subheadings, list items)."""
MIN_TAIL_LINES = 3
"""A tail of fewer short lines is kept: a closing remark, not a widget column."""
MAX_DECK_LINES = 1
"""Prose lines a run may start with above a byline or dateline (a deck, a standfirst)."""
MAX_CALL_WORDS = 25
"""A call to subscribe is one or two short sentences."""
MAX_CALL_GAP = 3
"""Lines between a call to subscribe and its button (an email field, a label)."""
MAIL_TOP_LINES = 12
"""Lines above the body searched for a mail header (subject, sender, date)."""

_ADDRESS = (
    r"(?:<[^<>]*(?:@|\(\)|\[log in to unmask\])[^<>]*>|<>|<\S+ <?at>? \S+>|\([^()]+@[^()]+\)"
    r"|\[mailto:[^\[\]\s]+\]"
    r"|(?<!\S)(?:\S+ (?:at|на) \S+\.\w+|(?-i:[a-z0-9._%+-]+) (?:at|на)|\S+@\S+\.\w+"
    r"|\S+ \(\) \S+(?: ! \S+)+))"
)
"""A mail address as archives print it: plain, '[mailto:user@host.org]' (Outlook), 'user at
host.org' ('user на host.org' in Mailman's Russian pages), 'user at' (the host was a link),
'user () host ! org' (MARC), '<[log in to unmask]>' (LISTSERV), '<>' (stripped), '<user <at>
host.org>' (Gmane), '<user at host.org>'. A bare address starts a word: 'Anna Petrova at' is
not one."""
_SENDER_LABEL = rf"(?:(?:{SENDER_LABELS})\s*:\s*|from\s+)?"
"""The sender's label before its value, if any: 'From:', 'From ', 'From : ' (Zimbra)."""
MAIL_SENDER = re.compile(
    rf"^{_SENDER_LABEL}(?P<name>[^<>()@]{{2,60}}?)\s*{_ADDRESS}$"
    rf"|^{_SENDER_LABEL}(?P<beside>[^<>()@]{{2,60}}?)\s*<[^<>\s]+@[^<>\s]+>"
    r"\s+(?P<when>\S.{4,60})$"
    r"|^from:\s*(?:[^\s()<>@]+@[^\s()<>]+|[^\s()<>@]+ at [^\s()<>@]+\.\w+)"
    r"\s+\((?P<after>[^()@]{2,60})\)$",
    re.IGNORECASE,
)
"""A sender line: '<Name> <address>', 'From: <Name> (<address>)', with the date after it
when a print view sets the two side by side ('<Name> <address>  Wed, Jul 13, 2022 at 6:52
PM', labelled or not: 'From : <Name> <address>  <date>'); or 'From: <address> (<Name>)'
(Usenet; the address obfuscated, 'user at host.org', in Mailman's raw archives)."""
ADDRESS_MARK = re.compile(r"[<@]|\[mailto:|\s(?:at|на)(?:\s|$)|\(\)", re.IGNORECASE)
"""What every form of :data:`MAIL_SENDER` holds (an angle bracket, '@', 'mailto:', a word
'at' or 'на', '()'): a line without it is settled before the costly match."""
MAIL_ADDRESS_LINE = re.compile(rf"^{_ADDRESS}$", re.IGNORECASE)
LIST_PREFIX = re.compile(
    r"^(?P<reply>(?:(?:re|aw|fwd?|sv)(?:\[\d+\])?:\s*)*)\[[^\]\s]{1,60}\]\s*", re.IGNORECASE
)
"""A list's subject tag, at the start or after the reply prefixes: '[ru-list] Re: x',
'Re: [ru-list] x' (the prefixes are kept)."""
ATTACHMENT_NOTE = (
    r"\d{1,3}\s+(?:attachments?|вложени[йея])$"
    r"|[^\s/\\]{1,80}\.(?:pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|txt|csv|zip|rar|7z|jpe?g|png|gif"
    r"|eml|p7s|asc)(?:\s*[(\[]?\s*\d+(?:[.,]\d+)?\s*(?:bytes|[kmg]i?b?|[кмг]б)\s*[)\]]?)?$"
    r"|\d+(?:[.,]\d+)?\s*(?:bytes|[kmg]i?b?|[кмг]б)$"
)
"""A print view's list of attachments under the message: its count ('1 attachment'), each
file's name ('form.pdf', its size beside it or not) and size ('184 KB') on lines of their
own."""
MAIL_CHROME = re.compile(
    r"^(?:[*•○◦-]\s*)?(?:previous message|next message|messages sorted by|in reply to|"
    r"предыдущее сообщение|следующее сообщение|сообщения,? отсортированн|"
    r"подробная информация о списке рассылки|"
    r"next in thread|reply( to)?:|more information about|this archive was generated by|url:|"
    r"an html attachment|a non-text attachment|-+ next part -+|-+ ?original message ?-+|"
    r"message-id:|in-reply-to:|references:|follow-ups:|prev by date:|next by date:|"
    r"previous by thread:|next by thread:|index\(es\):|to:|cc:|subject:|date$|thread$|"
    r"list:\s+\S+$|content-type:|parts/attachments:|type:\s+\S+/\S+$|size:\s+\d+ bytes$|"
    r"desc:|url\s*:\s*\S+$|"
    r"\[date prev\]|.*\((?:on|off)-list\)$|from: .*[@<]|.*mailing list$|"
    r"https?://\S+/(?:mailman/)?listinfo\b|thread overview:|next prev parent reply\b|"
    r"this is a public inbox\b|for how to clone and mirror\b|view raw message$|sent:\s|"
    r"for additional commands,? e-?mail:|text/[\w.+-]+ \(\d+ lines?\)$|"
    r"newsgroups:|organi[sz]ation:|lines:\s*\d+$|path:|nntp-posting-host:|x-[\w-]+:|"
    r"\d{1,4}\s+messages?$|"
    rf"{ATTACHMENT_NOTE}|"
    r"(?:reply(?: to)?(?: all| author| sender)?|forward|raw message|show original"
    r"|ответить(?: всем)?|переслать)$|"
    r"(?:sent from|sent via|отправлено (?:с|из)|von meinem|envoyé de|enviado desde)\s[^.,;:!?]{2,50}$|"
    rf"(?:{RECIPIENT_LABELS})\s*:|"
    r"\d{4}-\d\d-\d\d\s+\d{1,2}:\d\d\s.{1,120}$)",
    re.IGNORECASE,
)
"""Mail archive furniture, on a page read as one message: navigation ('Previous message',
'Предыдущее сообщение' in Mailman's Russian pages,
'[Date Prev]', 'next prev parent reply'), the header fields, attachment notes, the list
footer ('<list> mailing list', its listinfo address), the list of attachments, a message's
actions ('Reply',
'Forward', 'Raw Message', 'Ответить'), a client's note ('Sent from my phone'), a recipient field in any client's labels ('Кому:',
'An:'), a news article's transport headers
('Newsgroups:', 'Organization:', 'Lines:'), a print view's message count, and a thread
index under the message
('Thread overview:', one '<YYYY-MM-DD HH:MM> <subject or sender>' row per message)."""
LINK_ROW = re.compile(
    r"^(?:\[[^\[\]]{1,40}\]\s*)+$|^[^|\d]{1,30}(?:\s\|\s[^|\d]{1,30}){2,}$"
    r"|^[^•\d]{1,40}(?:\s•\s[^•\d]{1,40}){2,}$"
    r"|^[^|\d]{1,30}(?:\s\|\s[^|\d]{1,30})+\s\|$"
    r"|^(?:[^|«»<>]{1,30}:\s*)?(?:«|‹|←|<<)\s*[^|«»<>]{1,30}\s\|\s[^|«»<>]{1,30}\s*(?:»|›|→|>>)$"
)
"""A row of links: bracketed labels ('[prev in list] [next in list]', '[Download RAW
message or body]') or three or more short labels joined by ' | ' or ' • ' ('Top of
Message | Previous Page | Permalink'), or two or more with a bar after the last
('Permalink | Reply |'), or a pair between arrows, labelled or not ('« Previous | Next »',
'By date: << earlier | later >>')."""
DASHED = re.compile(r"^[-–—~]\s*\S.{0,60}\S\s*[-–—~]$")
VIA_SENDER = re.compile(
    r"^['\"]?(?P<name>.+?)['\"]?\s+(?:via\s+\S+|on\s+behalf\s+of\s+\S.*)$", re.IGNORECASE
)
"""The sender of a message a list or a mailbox relayed: '<Name> via <list>' (Google Groups,
the name in its own quotes: "'Anna Lind' via list"), '<Name> on behalf of <mailbox>'
(Outlook: the delegate who wrote it)."""
SEPARATOR_ONLY = re.compile(r"^[·•∙|—–-]$")
"""A lone separator glyph between byline parts ('Name', '·', 'Follow')."""
CALL_LABEL = re.compile(r"\b(?:subscribe|sign up|sign in|log in)\b", re.IGNORECASE)
BUTTON = re.compile(
    r"^(?:subscribe|sign up|sign in|log in)(?: now| for free)?$"
    r"|^start (?:a |your )?(?:free )?trial$",
    re.IGNORECASE,
)
"""The buttons a call to action introduces (the page's own UI labels; a paywall's 'Start
trial')."""


SOURCE_CREDIT = re.compile(
    r"^(?:translat(?:ed|ion)\b|original(?:ly)?\b\s*(?::|published|appeared|in\b)"
    r"|(?:first|originally)\s+(?:published|appeared|posted)\b|source\s*:)",
    re.IGNORECASE,
)
"""A credit line of a translated or republished article: its translator, its original."""


@dataclass(frozen=True, slots=True)
class Content:
    """What the page's article is made of: its head, and the furniture around it."""

    head: PostHead
    chrome: dict[int, str]


def is_prose(text: str) -> bool:
    """A line of running text: ten words or more, ending a sentence or long."""
    return word_count(text) >= MIN_PROSE_WORDS and (ends_sentence(text) or len(text) >= 140)


def _body_run(lines: Sequence[Line], dropped: Mapping[int, str]) -> tuple[int, int] | None:
    """(first, last) positions in `lines` of the densest run of prose (dropped lines count
    in the gaps between prose lines, and are never prose)."""
    runs: list[tuple[int, int, int]] = []  # first, last, characters
    first = last = -1
    chars = gap = 0
    for position, line in enumerate(lines):
        if line.index not in dropped and (_runs_text(line.text) or quote_depth(line.text)):
            if first < 0 or gap > MAX_GAP_LINES:
                if first >= 0:
                    runs.append((first, last, chars))
                first, chars = position, 0
            last, gap = position, 0
            chars += len(line.text)
        elif first >= 0:
            gap += 1
    if first >= 0:
        runs.append((first, last, chars))
    if not runs:
        return None
    first, last, _ = max(runs, key=lambda run: run[2])
    return _past_head_meta(lines, dropped, first, last), _before_bio(lines, dropped, first, last)


def _runs_text(text: str) -> bool:
    """A line of the body's running text: prose that is no dateline (a stamp written out
    with its clock's stops, 'Published: Oct. 3, 2026 at 6:12 p.m. | Updated: …', has the
    words and the closing stop of a sentence, yet is the head's date)."""
    return is_prose(text) and not is_dateline(text)


def _before_bio(lines: Sequence[Line], dropped: Mapping[int, str], first: int, last: int) -> int:
    """Where the body ends when the run closes with the author's bio set apart by short
    lines ('About the author', a name, a job title): before that gap (the bio is then
    read in the tail, where it gives the author)."""
    if not BIO.match(lines[last].text):
        return last
    for position in range(last - 1, first, -1):
        line = lines[position]
        if line.index not in dropped and (is_prose(line.text) or quote_depth(line.text)):
            return position if position < last - 1 else last
    return last


def _carries_meta(text: str) -> bool:
    """A line naming an author or a date: a new rule never drops it."""
    return find_byline(text) is not None or find_date(text) is not None


def _is_meta_line(text: str) -> bool:
    """A byline or a dateline (short, not prose)."""
    if len(text) > 120 or is_prose(text):
        return False
    return find_byline(text) is not None or is_dateline(text)


MAX_BYLINE_CHARS = 300


def _long_byline(text: str) -> bool:
    """A byline opening with 'By' that goes on to the author's position as a sentence ('By
    Anna Lind, a senior fellow at the Institute and the author of …'): prose-shaped, yet
    the head's metadata, never the body's first paragraph."""
    return (
        text[:3].casefold() == "by "
        and len(text) <= MAX_BYLINE_CHARS
        and find_byline(text, MAX_BYLINE_CHARS) is not None
    )


def _past_head_meta(
    lines: Sequence[Line], dropped: Mapping[int, str], first: int, last: int
) -> int:
    """Where the body starts when the run opens with a deck: after the last byline or
    dateline that follows the run's first MAX_DECK_LINES prose lines, before the next one."""
    prose = 0
    cut: int | None = None
    for position in range(first, last + 1):
        line = lines[position]
        if line.index in dropped:
            continue
        if _long_byline(line.text):
            cut = position  # 'By X, a senior fellow at … and the author of …': the head's
        elif is_prose(line.text) or quote_depth(line.text):
            prose += 1
            if prose > MAX_DECK_LINES:
                break
        elif _is_meta_line(line.text) and not introduces_quote(lines, position):
            cut = position
    if cut is None:
        return first
    for position in range(cut + 1, last + 1):
        line = lines[position]
        if line.index not in dropped and (is_prose(line.text) or quote_depth(line.text)):
            return position
    return first


def introduces_quote(lines: Sequence[Line], position: int) -> bool:
    """The line at `position` introduces the quote under it ('On Fri, Mar 10, 2023, Anna
    Kim <a@b.org> wrote:', '10.03.2023, 19:05, "Анна Ким" <a@b.ru>:'): it ends in a colon
    and the next line is quoted ('>'). Its date and name are the quoted message's, never
    the page's head."""
    return (
        lines[position].text.endswith(":")
        and position + 1 < len(lines)
        and quote_depth(lines[position + 1].text) > 0
    )


LIST_ITEM = re.compile(r"^(?:[•◦▪●·*–-]|\d{1,2}[.)])\s")
"""A bulleted or numbered list item (a table of contents, a menu): never a headline."""


COUNTER = re.compile(r"(?:^|\s)[+-]?\d+(?:[.,]\d+)?\s*(?:[KkMМк]|тыс\.?|млн|min|mins|мин\.?)?\s*$")
"""What a counter or a reading time ends with: a number, maybe with its unit ('Количество
просмотров 12K', 'Время на прочтение 6 мин', '1,2 тыс.')."""
YEAR_END = re.compile(r"(?:^|\s)(?:1[89]|20)\d\d\s*$")
MAX_COUNTER_WORDS = 5


def is_counter(text: str) -> bool:
    """A short line that ends with a count: a page's counter, never a headline (a headline
    may end with a year)."""
    return (
        word_count(text) <= MAX_COUNTER_WORDS
        and COUNTER.search(text) is not None
        and YEAR_END.search(text) is None
    )


def _is_title_shaped(text: str) -> bool:
    """A headline's shape: a few words, no closing full stop, not a photo caption, a list
    item, a counter, a widget's row, a button's label, a pager's link, a notice of the
    article's age or a line holding an address."""
    if (
        CAPTION.search(text)
        or LIST_ITEM.match(text)
        or is_counter(text)
        or is_widget_row(text)
        or is_button_label(text)
        or "://" in text
        or is_pager_link(text)
        or is_head_notice(text)
    ):
        return False
    words = word_count(text)
    return (
        (2 <= words <= 25 and len(text) <= 200 and not ends_sentence(text.rstrip("?!")))
        or (text.endswith("?") and words <= 25)
    ) and not text.endswith((":", ",", ";"))


def _mail_head(lines: Sequence[Line]) -> tuple[PostHead, set[int]] | None:
    """Subject, sender and date from the top of a mail archive page.

    The sender is a 'Name <address>' line, or a name alone with the address on the next
    line (pipermail pages scraped with the two on separate lines); the subject is the
    'Subject:' line of the header when it has one (Gmane puts it below 'From:'), else the
    line above the sender (above a print view's message count); the date is the labelled
    one of the sender's header block (above or below the sender: Alpine and archives print
    'Date:' first), else the first one at or below the sender. Lines above the header are
    furniture."""
    top = lines[:MAIL_TOP_LINES]
    found = _find_sender(top)
    if found is None:
        return None
    sender_at, address_at, name = found
    date_at = _block_date(top, sender_at)
    if date_at is None:
        date_at = next(
            (p for p, line in enumerate(top[sender_at:], sender_at) if find_date(line.text)),
            None,
        )
    if date_at is None:
        return None
    first_meta = min(sender_at, date_at)
    over = first_meta - 1
    while over > 0 and (MESSAGE_COUNT.match(top[over].text) or FOLDER_LABEL.match(top[over].text)):
        over -= 1  # a print view's '2 messages', a folder's label ('Inbox') under the subject
    fields_end = max(date_at, address_at) + 1
    while fields_end < len(top) and (
        _is_field(top[fields_end].text) or UNLABELLED_RECIPIENTS.match(top[fields_end].text)
    ):
        fields_end += 1  # the rest of the header block ('To:', 'Cc:', 'Subject:' below 'Sent:')
    subject_at = next(
        (p for p in range(fields_end) if SUBJECT_FIELD.match(top[p].text)),
        over,
    )
    subject_line = top[subject_at]
    subject = _subject(BULLET.sub("", subject_line.text))
    date_text = MAIN_LABEL.sub("", BULLET.sub("", top[date_at].text)).strip()
    beside = MAIL_SENDER.match(date_text) if date_at == sender_at else None
    if beside is not None and beside.group("when"):
        date_text = beside.group("when").strip()  # the date beside the sender, without them
    elif date_at == sender_at and len(cells := value_cells(top[date_at].text)) == 2:
        date_text = cells[1]  # the date in its own column beside the sender's name
    last_meta = max(date_at, address_at)
    head = PostHead(
        title=subject or None,
        title_lines=frozenset({subject_line.index}),
        author=name,
        published=date_text,
        meta_lines=frozenset(
            line.index for line in top[first_meta : last_meta + 1] if line is not subject_line
        ),
    )
    recipients = {
        line.index
        for line in top[max(date_at, address_at) + 1 : fields_end]
        if line is not subject_line
    }
    head = dataclasses.replace(
        head,
        chrome_lines=frozenset(recipients | {line.index for line in top[over + 1 : first_meta]}),
    )
    above = {line.index for line in lines[: min(subject_at, first_meta)]}
    return head, above


def _is_field(text: str) -> bool:
    """A header field's line, its label followed by a colon or, for a subject or a date,
    by the space a table cell's tab became."""
    return bool(HEADER_FIELD.match(text) or SUBJECT_FIELD.match(text) or DATE_FIELD.match(text))


def _block_date(top: Sequence[Line], sender_at: int) -> int | None:
    """The position of the dated 'Date:' field (:data:`DATE_FIELD`) in the run of header
    fields around the sender's line, None when the run has none (a date in a reply's
    attribution below the header is the quoted message's, not this one's)."""
    start = sender_at
    while start > 0 and _is_field(top[start - 1].text):
        start -= 1
    end = sender_at + 1
    while end < len(top) and _is_field(top[end].text):
        end += 1
    return next(
        (
            p
            for p in range(start, end)
            if DATE_FIELD.match(top[p].text) and find_date(MAIN_LABEL.sub("", top[p].text))
        ),
        None,
    )


MESSAGE_COUNT = re.compile(r"^\d{1,4}\s+messages?$", re.IGNORECASE)
FOLDER_LABEL = re.compile(r"^[^\W\d_]{3,20}$")
"""One word alone between a conversation's subject and its first sender: the folder or
label a webmail shows beside the subject ('Inbox', 'Входящие')."""
UNLABELLED_RECIPIENTS = re.compile(
    r"^(?:to|кому)\s+(?:me|мне)(?:,\s*\S.{0,80})?$|^(?:to|кому)\s+\S.{0,80},\s*(?:me|мне)$",
    re.IGNORECASE,
)
"""A webmail's recipients row under the sender, without a colon ('to me', 'to Anna, me')."""
ORIGINAL_MESSAGE = re.compile(r"^-{2,}\s*(?:original message|forwarded message)\s*-{2,}$", re.I)
FOOTER_RULE = re.compile(r"^(?:-{10,}|_{10,}|={10,})$")


MAIL_NAV = re.compile(
    r"^(?:[*•○◦-]\s*)?(?:previous message|next message|messages sorted by|next in thread"
    r"|предыдущее сообщение|следующее сообщение|сообщения,? отсортированн"
    r"|prev by date|next by date|previous by thread|next by thread|\[date prev\])",
    re.IGNORECASE,
)
"""An archive's navigation row between messages (not a header field of a quoted one)."""


def _menu_after_navigation(tail: Sequence[Line], chrome: Mapping[int, str]) -> set[int]:
    """Indices of the archive's menus under a message: every line after the first
    navigation row below the body, when none of them is prose or a quote."""
    nav = next(
        (
            p
            for p, line in enumerate(tail)
            if line.index in chrome and (LINK_ROW.match(line.text) or MAIL_NAV.match(line.text))
        ),
        None,
    )
    if nav is None:
        return set()
    rest = tail[nav + 1 :]
    if any(is_prose(line.text) or quote_depth(line.text) for line in rest):
        return set()
    return {line.index for line in rest}


RAW_FIELD = re.compile(
    r"^(?!(?:re|fwd?|aw|sv):)[A-Za-z][A-Za-z0-9]*(?P<hyphen>-[A-Za-z0-9]+)*:(?:\s|$)",
    re.IGNORECASE,
)
"""A raw message header's field line ('Return-Path: <a@b>', 'Received: from …',
'X-Spam-Level:'), the name without spaces; a subject's reply prefix ('Re: x') is none."""
MIN_RAW_FIELDS = 3
MIN_HYPHENATED_FIELDS = 2


def _raw_header_fields(texts: Sequence[str]) -> list[int]:
    """Positions of the field lines of a message's raw header shown above its text (an
    archive's 'show full headers' view): runs of ``MIN_RAW_FIELDS`` field lines or more,
    ``MIN_HYPHENATED_FIELDS`` of them with a hyphenated name ('Delivered-To:',
    'Content-Transfer-Encoding:'), the mark of RFC 822 fields; a lone 'Note: …' is no
    header."""
    found: list[int] = []
    run: list[int] = []
    hyphenated = 0
    for position, text in enumerate([*texts, ""]):
        match = RAW_FIELD.match(text) if ":" in text[:48] else None
        if match is not None:
            run.append(position)
            hyphenated += match.group("hyphen") is not None
            continue
        if len(run) >= MIN_RAW_FIELDS and hyphenated >= MIN_HYPHENATED_FIELDS:
            found.extend(run)
        run, hyphenated = [], 0
    return found


def _forwarded_lines(
    kept: Sequence[Line], body_start: int, chrome: Mapping[int, str]
) -> tuple[frozenset[int], frozenset[int]]:
    """(header lines, quoted lines) of the messages quoted whole under the reply, without
    '>' markers. Such a message opens with a header block (:func:`header_block`: 'From:',
    'Sent:', 'To:', 'Subject:' or 'От:', 'Отправлено:', 'Кому:', 'Тема:', in any order)
    below the reply's first line, or with '-----Original Message-----'; a caption or rule
    right above its header block ('-----Исходное сообщение-----', '_____…') is furniture
    with the header. The quote runs to the list's footer rule ('-----…', '_____…') or the
    archive's navigation. A caption over a line giving the forwarded message's date
    (:func:`_opens_forward`) opens one too, and the next caption closes it; both captions
    are furniture, the dated line is kept. Header blocks above the body (the page's own header) are
    returned as header lines, and open no quote."""
    texts = [line.text for line in kept]
    header: set[int] = set()
    quoted: set[int] = set()
    inside = captioned = False
    position = 0
    while position < len(kept):
        end = header_block(texts, position)
        if end > position:
            header.update(line.index for line in kept[position:end])
            if position > 0 and CAPTION_RULE.match(texts[position - 1]):
                header.add(kept[position - 1].index)
                quoted.discard(kept[position - 1].index)
            inside = inside or position >= body_start
            position = end
            continue
        line = kept[position]
        if ORIGINAL_MESSAGE.match(line.text):
            inside = True
        elif position >= body_start and _opens_forward(texts, position):
            header.add(line.index)
            inside, captioned = True, True
        elif not inside and position >= body_start and _attributes_whole(texts, position):
            inside = True  # the attribution stays the reply's text, as over '>' lines
        elif inside and captioned and CAPTION_RULE.match(line.text):
            header.add(line.index)  # the caption closing the forwarded message
            inside = captioned = False
        elif inside and (FOOTER_RULE.match(line.text) or LINK_ROW.match(line.text)):
            inside = header_block(texts, position + 1) > position + 1
        elif inside and line.index not in chrome:
            quoted.add(line.index)
        position += 1
    return frozenset(header), frozenset(quoted)


def _attributes_whole(texts: Sequence[str], position: int) -> bool:
    """A reply's attribution of the message it quotes whole below, without '>' markers, as
    top-posting clients print it ('On Monday, September 9, 2024, 08:15 PM GMT+3, <Name>
    <address> wrote:', '9 сент. 2024 г. в 22:41, <Name> <address>:'): a line closed by a
    colon that dates the message and names its sender (an address, or a verb of writing),
    with text under it and no quoted line ('>') down to the end."""
    text = texts[position]
    if not text.endswith(":") or find_date(text) is None:
        return False
    if not (WROTE.search(text) or MAIL_ADDRESS_MARK.search(text)):
        return False
    rest = texts[position + 1 :]
    return bool(rest) and not any(quote_depth(later) for later in rest)


MAIL_ADDRESS_MARK = re.compile(r"\S@\S+\.\w")


def _opens_forward(texts: Sequence[str], position: int) -> bool:
    """A caption between dashes over a line that introduces the forwarded message by its
    date ('-------- Пересылаемое сообщение --------' over '30.07.2021, 17:02, "Name"
    <a@b.ru>:'): the message under them is quoted whole, to a closing caption."""
    return (
        CAPTION_RULE.match(texts[position]) is not None
        and any(char.isalpha() for char in texts[position])
        and position + 1 < len(texts)
        and texts[position + 1].endswith(":")
        and find_date(texts[position + 1]) is not None
    )


def _subject(text: str) -> str:
    """A subject without its 'Subject:' label and its list tag ('Re: [ru-list] x' ->
    'Re: x', '[ru-list] Re: x' -> 'Re: x')."""
    text = MAIN_LABEL.sub("", text).strip()
    match = LIST_PREFIX.match(text)
    if match is None:
        return text
    reply = match.group("reply").strip()
    rest = text[match.end() :]
    return f"{reply} {rest}" if reply else rest


def _find_sender(top: Sequence[Line]) -> tuple[int, int, str] | None:
    """(position of the sender's line, position of the address, name) in the header. A
    labelled sender with a person's name ('From: Anna Lind <address>') wins over an
    unlabelled line above it that names no person (an archive's 'Posted to <list
    address>'), when no prose or quote stands between the two (a forwarded message's
    header lies below the text)."""
    found = _first_sender(top)
    if found is None or SENDER_FIELD.match(top[found[0]].text) or person_name(found[2]):
        return found
    for position in range(found[0] + 1, len(top)):
        text = top[position].text
        if is_prose(text) or quote_depth(text):
            break
        name = sender_name(text) if SENDER_FIELD.match(text) else None
        if name is not None and person_name(name) is not None:
            return position, position, name
    return found


def _first_sender(top: Sequence[Line]) -> tuple[int, int, str] | None:
    """(position of the sender's line, position of the address, name): the first line
    that names a sender."""
    for position, line in enumerate(top):
        if position == 0 and not SENDER_FIELD.match(line.text):
            continue  # the subject stands above an unlabelled sender line
        name = sender_name(line.text)
        if name is not None:
            return position, position, name
        if position + 1 < len(top) and MAIL_ADDRESS_LINE.match(top[position + 1].text):
            alone = person_name(BULLET.sub("", line.text))
            if alone is not None:
                return position, position + 1, alone
    return None


BULLET = re.compile(r"^[*•○◦-]\s+")


def _dated_sender(text: str) -> str | None:
    """The name on a labelled sender's row that sets the date beside it in a column of its
    own and gives no address ('From: Anna Lind        Thu, Mar 21, 2024 04:12 PM')."""
    if not SENDER_FIELD.match(text):
        return None
    cells = value_cells(text)
    if len(cells) != 2 or find_date(cells[1]) is None:
        return None
    return person_name(cells[0])


def sender_name(text: str) -> str | None:
    """The sender's name on a mail header line ('Name user at host', 'From: Name (a@b)',
    '• From: Name <a@b>', 'From: Name <a () b ! org>'), None on any other line."""
    text = BULLET.sub("", text)
    if RECIPIENT_FIELD.match(text):
        return None
    if not ADDRESS_MARK.search(text):
        return _dated_sender(text)
    match = MAIL_SENDER.match(text)
    if match is None or (match.group("when") and not find_date(match.group("when"))):
        return None
    name = (match.group("name") or match.group("beside") or match.group("after")).strip(' ,"')
    if name.endswith(":"):
        return None  # a raw header's field ('Return-Path: <a@b>', 'List-Post: <mailto:…>')
    via = VIA_SENDER.match(name)
    return (via.group("name") if via else name) or None


def find_content(lines: Sequence[Line], dropped: Mapping[int, str]) -> Content | None:
    """The article's head and the furniture around it, or None when the page shows no
    run of prose to anchor them (then nothing is decided here)."""
    filled = [line for line in lines if not line.is_blank]
    run = _body_run(filled, dropped)
    if run is None:
        return None
    kept = [line for line in filled if line.index not in dropped]
    first = next(p for p, line in enumerate(kept) if line.index == filled[run[0]].index)
    last = next(p for p, line in enumerate(kept) if line.index == filled[run[1]].index)
    chrome: dict[int, str] = {}
    mail = _mail_head(kept[:first])
    if mail is not None:
        head, above = mail
        chrome.update((index, "page_chrome") for index in above)
        for line in kept:
            if line.index in head.meta_lines or line.index in head.title_lines:
                continue
            text = line.text
            if MAIL_CHROME.match(text) or LINK_ROW.match(text) or MAIL_ADDRESS_LINE.match(text):
                chrome[line.index] = "page_chrome"  # an address alone: the list's, in its footer
        menus = _menu_after_navigation(filled[run[1] :], {**dropped, **chrome})
        chrome.update((index, "page_chrome") for index in menus if index not in dropped)
        own = head.meta_lines | head.title_lines
        below_head = 1 + max((p for p, line in enumerate(kept) if line.index in own), default=-1)
        header, quoted = _forwarded_lines(kept, below_head, chrome)
        chrome.update((index, "page_chrome") for index in header if index not in own)
        raw = _raw_header_fields([line.text for line in kept[:first]])
        chrome.update((kept[p].index, "page_chrome") for p in raw if kept[p].index not in own)
        if quoted:
            head = dataclasses.replace(head, quote_lines=head.quote_lines | quoted)
        return Content(head, chrome)
    first = _past_doubled_headline(kept, first, last)
    after_chrome = {
        line.index for above, line in itertools.pairwise(filled) if above.index in dropped
    }
    sites = copyright_names([line.text for line in filled[run[1] + 1 :]])
    sites |= title_row_sites([line.text for line in kept[:first]])
    sites |= crumb_roots([line.text for line in filled])
    under_body = frozenset(_norm(line.text) for line in filled[run[1] + 1 :])
    head, furniture = _web_head(kept[:first], frozenset(after_chrome), sites, under_body)
    chrome.update((index, "page_chrome") for index in furniture)
    buttons = _Buttons.of(filled)
    while last > first and buttons.is_call(kept[last]):  # a call closing the run
        last -= 1
        while last > first and not (is_prose(kept[last].text) or quote_depth(kept[last].text)):
            last -= 1  # the call's heading ('Keep reading with a 7-day free trial')
    if last > first and head.author is None and dated_byline(kept[last].text) is not None:
        last -= 1  # the post's closing credit ('This entry was posted … on <date> by <Name>.')
    already = sum(1 for line in filled[run[1] + 1 :] if line.index in dropped)
    tail, author = _tail(kept[last + 1 :], already, buttons, dropped)
    chrome.update((index, "page_chrome") for index in tail)
    if author and not head.author:
        head = PostHead(
            head.title,
            head.title_lines,
            author[0],
            head.published,
            head.meta_lines | {author[1]},
        )
    if head.published is None:
        end = filled[run[1]].index
        under = [line for line in kept[last + 1 :] if line.index <= end]
        under += filled[run[1] + 1 :]  # the closing credit may stand inside the run
        stated = _tail_date(under, author[1] if author else None)
        if stated is not None:
            head = dataclasses.replace(
                head, published=stated[0], meta_lines=head.meta_lines | {stated[1]}
            )
            chrome.pop(stated[1], None)
    return Content(head, chrome)


DATE_LABEL = re.compile(
    r"^(?:date|dated|published|posted|written|updated|last\s+updated|дата|опубликовано"
    r"|обновлено)\b",
    re.IGNORECASE,
)
"""A date's label opening a line ('Date 07.12.2026', 'Published 6 December 2026, 09:40',
'Written on March 3, 2023')."""
TAIL_META_LINES = 8
"""Lines under the body searched for the post's dateline (a byline cluster closing the
article, under a widget's few lines at most)."""


def _tail_date(tail: Sequence[Line], author_at: int | None) -> tuple[str, int] | None:
    """The post's date stated under its body (the date as written, the line's index): the
    first dateline of the tail's opening lines (`tail`: the non-blank lines under the body) that carries a date's label ('Date
    07.12.2026'), is the tail's byline itself ('— Anna Lind, December 6, 2026') or stands
    right above or below it or a line of people's names (a signature); a bare date elsewhere there dates a widget's teaser, not the
    post."""
    opening = tail[:TAIL_META_LINES]
    for position, line in enumerate(opening):
        text = line.text
        if line.index == author_at and (dated := dated_byline(text)) is not None:
            return dated[1], line.index  # the byline's own date: '… on <date> by <Name>.'
        if (footer := _entry_footer_date(text)) is not None:
            return footer, line.index
        found = find_date(text) if len(text) <= MAX_TAIL_DATE_CHARS else None
        if found is None or not is_dateline(text):
            continue
        beside = line.index == author_at or any(
            0 <= near < len(tail)
            and (tail[near].index == author_at or person_names(tail[near].text) is not None)
            for near in (position - 1, position + 1)
        )
        if beside or DATE_LABEL.match(text):
            return found[0], line.index
    return None


MAX_TAIL_DATE_CHARS = 60
ENTRY_LINK = re.compile(
    r"^(?:permalink|comments?\s*\(\d+\)|\d+\s+comments?|no comments|comments? off"
    r"|leave a comment|trackbacks?\s*\(\d+\)|комментари(?:и|ев)\s*\(\d+\)|ссылка)$",
    re.IGNORECASE,
)
"""A link of a blog entry's own footer row: its permalink, its comments or trackbacks."""
MAX_ENTRY_FOOTER_CHARS = 160


def _entry_footer_date(text: str) -> str | None:
    """The date (as written) opening a blog entry's footer row, whose other cells link the
    entry itself ('March 14, 2019 in Elections | Permalink | Comments (0)'); None for any
    other line. Such a row dates the post it closes, wherever the theme prints it."""
    if len(text) > MAX_ENTRY_FOOTER_CHARS:
        return None
    cells = [cell.strip() for cell in META_ROW_CELL.split(text) if cell.strip()]
    if len(cells) < 2 or not any(ENTRY_LINK.match(cell) for cell in cells[1:]):
        return None
    found = find_date(cells[0])
    return found[0] if found is not None else None


DOUBLED_HEAD_LINES = 8
"""Lines at the top of the body run searched for a headline printed twice."""
MAX_NOTICE_LINES = 2
"""Prose lines (a footer's notices) a body run may open with above a doubled headline."""


def _past_doubled_headline(kept: Sequence[Line], first: int, last: int) -> int:
    """Where the body starts when its run opens with prose that stands above the headline
    (a footer's notice scraped first) and the headline follows, printed twice in a row
    (the page's heading and its social card's title): under the second copy."""
    top = min(last, first + DOUBLED_HEAD_LINES)
    prose = 0
    for position in range(first + 1, top):
        text = kept[position].text
        prose += is_prose(kept[position - 1].text)
        if prose > MAX_NOTICE_LINES:
            return first  # the article's own paragraphs: a heading repeated in it stays
        if (
            word_count(text) >= MIN_HEADLINE_WORDS
            and _norm(text) == _norm(kept[position + 1].text)
            and _is_title_shaped(text)
        ):
            return position + 2
    return first


@dataclass(frozen=True, slots=True)
class _Buttons:
    """Where the page shows a button on a line of its own ('Subscribe', 'Sign up')."""

    positions: frozenset[int]
    """Positions, among the page's filled lines, of the button lines."""
    where: Mapping[int, int]
    """Line index -> position among the filled lines."""

    @classmethod
    def of(cls, filled: Sequence[Line]) -> _Buttons:
        return cls(
            frozenset(p for p, line in enumerate(filled) if BUTTON.match(line.text)),
            {line.index: p for p, line in enumerate(filled)},
        )

    def is_call(self, line: Line) -> bool:
        """A call to action: a short sentence inviting to subscribe or sign up, with a
        button within the next MAX_CALL_GAP lines ('Sign up for more like this.', 'Enter
        your email', 'Subscribe'). Never a line naming an author or a date."""
        text = line.text
        if word_count(text) > MAX_CALL_WORDS or not ends_sentence(text) or _carries_meta(text):
            return False
        position = self.where.get(line.index)
        return (
            position is not None
            and CALL_LABEL.search(text) is not None
            and any(position < p <= position + MAX_CALL_GAP for p in self.positions)
        )


AGE_LINE = re.compile(
    rf"^(?:posted\s+|published\s+)?(?P<age>{AGE.pattern})(?:\s*[·•|]?\s*\d{{1,6}})?$", re.IGNORECASE
)
"""A line giving the post's age, a counter (comments, views) after it allowed: '9 months ago
7', 'Posted 3 days ago'."""
MAX_AGE_LINE_CHARS = 40


MAX_ROW_CHARS = 160


def row_cells(text: str, least: int = MIN_META_ROW_CELLS) -> list[str]:
    """The cells of a post's meta row ('<date> | <Name> | Просмотров: <n> | Комментариев:
    <n>'): `least` or more, split at spaced bars or dots; else none."""
    if len(text) > MAX_ROW_CHARS:
        return []
    cells = META_ROW_CELL.split(text)
    return cells if len(cells) >= least else []


def _row_date(text: str) -> tuple[str, str | None] | None:
    """The date of a meta row whose cell is a dateline; two cells are a row here ('Posted
    on <date> • Originally published at <site>'), since a dateline cell is evidence
    enough."""
    for cell in row_cells(text, 2):
        if (found := find_date(cell)) is not None and is_dateline(cell):
            return found
    return None


def _row_name(text: str) -> str | None:
    """The person named by a meta row's cell; two cells make a row when the other is a
    dateline ('03.03.2021 | Анна Линд')."""
    cells = row_cells(text)
    if not cells:
        pair = row_cells(text, 2)
        if not any(_row_dateline(cell) for cell in pair):
            return None
        cells = [cell for cell in pair if not _row_dateline(cell)]
    return next((name for cell in cells if (name := person_name(cell))), None)


def _row_dateline(cell: str) -> bool:
    return is_dateline(cell)


def _head_dates(zone: Sequence[Line]) -> dict[int, tuple[str, str | None]]:
    """Position -> date (as written, ISO) of the head's datelines, including a date split
    over two short lines ('14 Mar' then '2022'): both lines carry it, and a meta row whose
    cell is a date."""
    dates: dict[int, tuple[str, str | None]] = {}
    for position, line in enumerate(zone):
        if position in dates:
            continue
        text = line.text
        found = find_date(text) if len(text) <= 120 else None
        if found is not None and is_dateline(text):
            dates[position] = found
            continue
        if found is not None and (cell := _row_date(text)) is not None:
            dates[position] = cell
            continue
        if found is None and len(text) <= MAX_AGE_LINE_CHARS and (age := AGE_LINE.match(text)):
            dates[position] = (age.group("age"), None)  # '9 months ago', with a counter
            continue
        if found is None and position + 1 < len(zone) and word_count(text) <= 3:
            after = zone[position + 1].text
            joined = f"{text} {after}"
            if word_count(after) <= 3 and find_date(after) is None and is_dateline(joined):
                found = find_date(joined)
                if found is not None:
                    dates[position] = dates[position + 1] = found
    return dates


def _neighbour(zone: Sequence[Line], position: int, step: int) -> int | None:
    """The next line from `position` in direction `step`, past lone separator glyphs and
    a reading time ('March 2, 2021' / '9-minute read' / '<Name>')."""
    position += step
    while 0 <= position < len(zone) and (
        SEPARATOR_ONLY.match(zone[position].text) or READING_TIME_LINE.match(zone[position].text)
    ):
        position += step
    return position if 0 <= position < len(zone) else None


def _name_lines(
    zone: Sequence[Line], dates: Mapping[int, tuple[str, str | None]]
) -> dict[int, str]:
    """Position -> name of lines holding only a person's name right above or below a
    dateline (the byline of Substack, Ghost, Medium and mail archive pages; with the
    reporter's city or outlet: 'Anna Lind in Moscow'). The head
    reads one as the author only between the headline and the body: a source printed
    above a date header ('Moscow Times' / 'March 3, 2021' / headline) is not a byline."""
    names: dict[int, str] = {}
    for position in dates:
        for step in (-1, 1):
            near = _neighbour(zone, position, step)
            if near is None or near in dates:
                continue
            text = zone[near].text
            name = (
                person_name(text) or person_name(NAME_PLACE.sub("", text)) or _name_with_role(text)
            )
            if name is not None and (step > 0 or text != zone[0].text):
                names[near] = name  # over the date, the masthead's name is no byline
    return names


NAME_PLACE = re.compile(
    r"\s+(?:in|for)\s+(?:(?:the|The)\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$"
)
"""Where a newspaper's byline names the reporter's city or outlet ('Anna Lind in Moscow',
'Anna Lind for The Observer'): not part of the name."""


POST_NOMINALS = re.compile(r"^(?:(?=[A-Za-z]{2,6}\b)[A-Z][a-z]*[A-Z][A-Za-z]*[.,]?\s*){1,8}$")
"""A line of degrees and honours only ('BA MPA PhD FRSA', 'LLB, LLM'): each word a short
abbreviation with two capitals or more. Under a byline's name it belongs to the byline."""
MAX_POST_NOMINALS_CHARS = 60

MAX_ROLE_WORDS = 6
NAME_ROLE = re.compile(r"^(?P<name>[^,]{3,60}),\s*(?P<role>[^,\d]{2,60})$")
MAX_COMMA_ROLE_WORDS = 4


AUTHOR_BOX = re.compile(
    r"^(?:about\s+the\s+(?:author|writer|contributor)s?|author\s+(?:bio|info|profile)"
    r"|the\s+author|об\s+авторе|об\s+авторах)\s*:?$",
    re.IGNORECASE,
)
"""The heading of an author's box under the text ('About the author', 'Author bio', 'Об
авторе'), the name on the line under it."""


def _boxed_author(zone: Sequence[Line], position: int) -> tuple[str, int] | None:
    """(name, line index) of the author's box heading at `position`: the person's name on
    the next line, with or without a role after a comma ('Anna Lind, Senior Fellow'), or
    the subject of a bio sentence there ('Anna Lind is a …'); None elsewhere."""
    if not AUTHOR_BOX.match(zone[position].text.strip()) or position + 1 >= len(zone):
        return None
    below = zone[position + 1]
    bio = BIO.match(below.text)
    name = person_name(below.text) or _name_with_role(below.text)
    name = name or (person_name(bio.group("name")) if bio else None)
    return (name, below.index) if name is not None else None


def _name_with_role(text: str) -> str | None:
    """The name of a byline that adds the author's role after a comma ('Ирина Кузнецова,
    обозреватель', 'Anna Lind, Senior Fellow'): a person's name, then a few words."""
    match = NAME_ROLE.match(text)
    if match is None or word_count(match.group("role")) > MAX_COMMA_ROLE_WORDS:
        return None
    return person_name(match.group("name").strip())


NAME_IN_PLACE = re.compile(
    r"^(?P<name>.+?)\s+in\s+(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$"
)
NAMES_SPLIT = re.compile(r"\s*,\s*|\s+and\s+")


def _names_in_places(text: str) -> str | None:
    """The names of a correspondents' byline giving where each reports from ('Anna Lind in
    Riga and Oleg Sokolov in Tallinn', 'Anna Lind and Oleg Sokolov in Moscow'), joined by
    'and'; None unless every part is a person's name, with or without its place."""
    if " in " not in text:
        return None
    names: list[str] = []
    for part in NAMES_SPLIT.split(text.strip()):
        placed = NAME_IN_PLACE.match(part)
        name = person_name(placed.group("name") if placed else part)
        if name is None:
            return None
        names.append(name)
    return " and ".join(names) if names else None


def _credited_names(
    zone: Sequence[Line], dates: Mapping[int, tuple[str, str | None]]
) -> dict[int, str]:
    """Position -> name of a person's name over a role line over a dateline ('Alexei
    Voronin' / 'political scientist' / '12 March 2018'), or over a role line over the
    headline over the dateline: a columnist's byline, read as the author even above the
    headline (a source over a date header has no role line)."""
    names: dict[int, str] = {}
    for position in dates:
        role = position - 1
        headline = zone[role].text if role >= 2 else ""
        if _is_title_shaped(headline) and word_count(headline) >= MIN_HEADLINE_WORDS:
            role -= 1  # '<Name>' / '<role>' / '<headline>' / '<date>'
        if role < 1 or role in dates:
            continue
        text = zone[role].text
        if word_count(text) > MAX_ROLE_WORDS or ends_sentence(text) or find_date(text):
            continue
        name = person_name(zone[role - 1].text)
        if name is not None and person_name(text) is None and zone[role - 1].text != zone[0].text:
            names[role - 1] = name
    return names


SECTION_GLUED = re.compile(r"^[A-Z][\w&'’ .-]{1,30}?\|(?=[A-Z0-9\"“‘'])")
"""A section label glued to the headline by a bar ('Europe|Putin Wins …'): not the title."""
COMMENTS_ON = re.compile(
    r"^(?:(?:comments?|responses?|discussion|комментарии)(?:\s+(?:on|to|for|к))?"
    r"|topic|thread|тема|view full version)\s*:\s*(?=\S)",
    re.IGNORECASE,
)
"""The label of a comment page's or a thread's title over the post's own ('Comments:
<title>', 'Comments on: <title>', 'Комментарии: <title>', as comment pop-ups and feeds
print it; 'Topic: <title>', 'Тема: <title>', 'View Full Version : <title>', as boards and
their archives do): not part of the title."""
UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)
"""A date line that is not the publication's: 'Updated: Mar 11, 2019'."""


def _is_sentence_title(text: str) -> bool:
    """A headline that ends with a full stop ('The Commission Was Readier.'): short, in
    headline case (three words in four capitalised)."""
    words = [word for word in text.split() if word[:1].isalpha()]
    capitalised = sum(1 for word in words if word[:1].isupper())
    return 4 <= len(words) <= 15 and len(text) <= 120 and capitalised >= 0.75 * len(words)


MIN_HEADLINE_WORDS = 5


def _under_headline(zone: Sequence[Line], position: int) -> bool:
    """The line stands right under a headline-shaped line of ``MIN_HEADLINE_WORDS`` words or
    more (where a names-only line is the byline, not a short headline)."""
    if position == 0:
        return False
    above = zone[position - 1].text
    return _is_title_shaped(above) and word_count(above) >= MIN_HEADLINE_WORDS


MAX_MENU_WORDS = 2


def _menu_item(zone: Sequence[Line], position: int) -> bool:
    """A label of one or two words right under another such label: an item of a menu
    (a column of links), never a headline."""
    return (
        position > 0
        and word_count(zone[position].text) <= MAX_MENU_WORDS
        and 1 <= word_count(zone[position - 1].text) <= MAX_MENU_WORDS
        and any(char.isalpha() for char in zone[position - 1].text)
        and not _carries_meta(zone[position - 1].text)
    )


MIN_OVER_DECK_WORDS = 4
DECK_LENGTH_RATIO = 1.15


def _over_deck(zone: Sequence[Line], title_at: int, meta: set[int]) -> int:
    """The headline's position when the line chosen is its deck: a longer heading-shaped
    line right under a headline of MIN_OVER_DECK_WORDS words or more ('Moscow court
    extends detention' / 'Lawyers say the case rests on …'). A headline is shorter than
    the standfirst that explains it."""
    above = title_at - 1
    if above < 1 or zone[above].index in meta:
        return title_at
    upper, lower = zone[above].text, zone[title_at].text
    if (
        _is_title_shaped(upper)
        and not is_breadcrumb(upper)
        and not _carries_meta(upper)
        and word_count(upper) >= MIN_OVER_DECK_WORDS
        and len(lower) >= DECK_LENGTH_RATIO * len(upper)
        and not (not meta and _under_masthead(zone, above))
    ):
        return above
    return title_at


MAX_MASTHEAD_WORDS = 3


def _under_masthead(zone: Sequence[Line], position: int) -> bool:
    """Whether the line stands right under the page's first line, a short label with no
    date or byline: in a head with no byline or dateline, the site's tagline under its
    name ('Kama Notebook' / "A regional reporter's notes from Perm"), never a headline
    over its deck (a section's label over a headline has the byline under its deck)."""
    if position != 1:
        return False
    top = zone[0].text
    return 0 < word_count(top) <= MAX_MASTHEAD_WORDS and not _carries_meta(top)


TITLE_LINE_SEPARATOR = re.compile(r"\s+(?:[|—–·•]|-|::)\s+")
"""Between the headline and the site's name in a page's title line ('Headline | Site',
'Headline — Site')."""


def _named_in_title_line(zone: Sequence[Line]) -> int | None:
    """The position of the headline when the page opens with its title line (the browser's
    `<title>`: 'Headline | Site') and repeats its longest part lower down as a
    heading-shaped line (a site's name is shorter than a headline; a top line without a
    separator may be the site's name alone): its lowest repetition, nearest the body."""
    if len(zone) < 2:
        return None
    parts = TITLE_LINE_SEPARATOR.split(zone[0].text)
    if len(parts) < 2:
        return None
    headline = _norm(max(parts, key=word_count))
    for position in range(len(zone) - 1, 0, -1):
        text = zone[position].text
        if _norm(text) == headline and _is_title_shaped(text) and not is_breadcrumb(text):
            return position
    return None


def title_row_sites(texts: Sequence[str]) -> frozenset[str]:
    """The site's names, normalised, that a page's title row gives when the page opens
    with it ('Headline – Site', 'Site | Section | Headline'): every part but the
    headline, the longest part the head writes again as a line of its own. Without that
    repetition the row may be a headline with a dash in it: nothing."""
    if len(texts) < 2:
        return frozenset()
    parts = [_norm(part) for part in TITLE_LINE_SEPARATOR.split(texts[0])]
    if len(parts) < 2:
        return frozenset()
    shown = {_norm(text) for text in texts[1:]}
    repeated = [part for part in parts if part in shown]
    if not repeated:
        return frozenset()
    headline = max(repeated, key=word_count)
    return frozenset(
        part for part in parts if part != headline and 0 < word_count(part) <= MAX_SITE_WORDS
    )


MIN_REPEATED_HEADLINE_WORDS = 3


def _repeated_headline(zone: Sequence[Line]) -> int | None:
    """The position of the headline when the head shows it twice, once in capitals ('How
    the Kremlin Won' / 'HOW THE KREMLIN WON'): its lowest repetition not in capitals."""
    seen: dict[str, list[int]] = {}
    for position, line in enumerate(zone):
        text = line.text
        if word_count(text) >= MIN_REPEATED_HEADLINE_WORDS and _is_title_shaped(text):
            seen.setdefault(_norm(text), []).append(position)
    for positions in seen.values():
        capitals = [p for p in positions if is_all_caps(zone[p].text)]
        if len(positions) >= 2 and capitals and len(capitals) < len(positions):
            return max(p for p in positions if p not in capitals)
    return None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


COPYRIGHT = re.compile(
    r"^(?:(?:©|\(c\)|copyright)\s*)*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s+)?"
    r"(?P<name>[^©\d]{3,60}?)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\.?$",
    re.IGNORECASE,
)


RESERVED = re.compile(r"[.,]?\s*all rights reserved\.?$", re.IGNORECASE)
MAX_SITE_WORDS = 5


def _site_name(text: str) -> str | None:
    """The site's name on a copyright line of the page's foot ('© 2021 The Volga
    Observer', 'The Volga Observer 2021'), normalised; None on any other line."""
    text = RESERVED.sub("", text.strip())
    marked = "©" in text or text.lower().startswith(("copyright", "(c)"))
    match = COPYRIGHT.match(text)
    if match is None or word_count(match.group("name")) > MAX_SITE_WORDS:
        return None
    if not marked and not YEAR_END.search(text):
        return None  # a name with neither the sign nor a closing year
    return _norm(match.group("name"))


def copyright_names(texts: Sequence[str]) -> frozenset[str]:
    """The site's names, normalised, that the copyright lines among `texts` give."""
    return frozenset(filter(None, map(_site_name, texts)))


DELIVERY = re.compile(r"^\W*(?:delivered|given|spoken|recorded|read)\b", re.IGNORECASE)
"""A dateline saying how a text was given ('delivered 14 June 2018, Washington'): the head
of a speech, a lecture or an interview, whose speaker's name may open the page."""


def _name_over_dated_title(
    zone: Sequence[Line],
    title_at: int,
    dates: Mapping[int, tuple[str, str | None]],
    after_chrome: frozenset[int],
) -> tuple[str, int] | None:
    """(name, position) of a person's name alone right above the title when a dateline
    stands right under it (a speech's or a column's head: '<Name>' / '<title>' /
    'delivered <date>, <place>'): the byline over the headline, as a cover prints it.
    Without the dateline under the title, a name above it may be a masthead's, and so
    is the page's first line unless the dateline says the text was delivered; a line
    right under the site's menu (`after_chrome`, or a column of short lines still in the
    zone) is a section's label ('Press Releases')."""
    above = title_at - 1
    if above < 0 or title_at + 1 not in dates or zone[above].index in after_chrome:
        return None
    if above == 0 and DELIVERY.match(zone[title_at + 1].text) is None:
        return None  # the page's first line over a headline and its date: the masthead
    if above > 0 and word_count(zone[above - 1].text) <= MAX_MENU_ITEM_WORDS:
        return None
    name = person_name(zone[above].text)
    return (name, above) if name is not None else None


def _doubled(zone: Sequence[Line], position: int) -> bool:
    """Whether the line right above `position` is the same text (an avatar's text over
    the name's link): a source's or masthead's name above a date header is not doubled."""
    return position > 0 and _norm(zone[position - 1].text) == _norm(zone[position].text)


def _repeats_byline(zone: Sequence[Line], position: int, meta: set[int]) -> bool:
    """Whether the line at `position` is the byline right under it written again (an
    author card's avatar text over the name's link: '<Name>' / '<Name>' / '<date>'): a
    copy of the byline, never the headline."""
    below = position + 1
    if below >= len(zone) or zone[below].index not in meta:
        return False
    return _norm(zone[position].text) == _norm(zone[below].text) and bool(
        person_name(zone[position].text)
    )


def _web_head(
    zone: Sequence[Line],
    after_chrome: frozenset[int] = frozenset(),
    sites: frozenset[str] = frozenset(),
    under_body: frozenset[str] = frozenset(),
) -> tuple[PostHead, set[int]]:
    """Title, byline and date from the lines above the body; the furniture among them.
    `after_chrome`: the indexes of lines right under a dropped line (a menu stands between
    them and the line above); `sites`: the site's names read off the page's copyright
    lines (a masthead is never the headline); `under_body`: the page's lines under the body,
    normalised (a widget's teasers are written there again).

    The ordered rules below pick a title and a byline; the scored candidates of
    :mod:`.candidates` then weigh that pick against the head's other lines."""
    author: str | None = None
    author_at: int | None = None
    published: str | None = None
    updated: str | None = None
    meta: set[int] = set()
    candidates: list[int] = []
    lowest_meta: int | None = None
    top_meta = 0
    dates = _head_dates(zone)
    names = _name_lines(zone, dates)
    credited = {  # the site's name over its slogan: a masthead, not a columnist's byline
        p: name for p, name in _credited_names(zone, dates).items() if _norm(name) not in sites
    }
    heads = set(dates) | set(names)  # the lines a headline stands right above
    heads.update(p for p, line in enumerate(zone) if find_byline(line.text))
    for position in range(len(zone) - 1, -1, -1):
        text = zone[position].text
        byline = find_byline(text)
        if byline is None and position in names and (not candidates or _doubled(zone, position)):
            byline = names[position]  # a name between the headline and the body, or an
            # author card's name written twice over the date (avatar text, then the link)
        if byline is None and position in credited:
            byline = credited[position]
        if byline is None and position in dates:
            byline = _row_name(text)  # '<date> | <Name> | <counters>'
        if byline is None and not candidates and _under_headline(zone, position):
            byline = (  # names under the headline
                person_names(text) or _name_with_role(text) or _names_in_places(text)
            )
        date = dates.get(position)
        if byline is not None and date is None and len(text) <= 160:
            date = find_date(text)  # 'Written by X on 19/09/2021 in Politics · 5 Min Read'
        if byline is None and date is None and SOURCE_CREDIT.match(text):
            continue  # 'Translated by X', 'Original: <title>': credits, never the headline
        if byline is None and date is None and position - 1 in credited and position not in heads:
            meta.add(zone[position].index)  # the role line under a columnist's name
            continue
        if (
            byline is None
            and date is None
            and position - 1 in names
            and len(text) <= MAX_POST_NOMINALS_CHARS
            and POST_NOMINALS.match(text)
        ):
            meta.add(zone[position].index)  # the degrees under the byline's name
            continue
        if byline is None and date is None and _repeats_byline(zone, position, meta):
            meta.add(zone[position].index)  # '<Name>' twice: the avatar's text over the name
            top_meta = position
            continue
        if byline or date:
            if byline and author is None:
                author, author_at = byline, position
            if date and UPDATED.match(text):
                updated = updated or date[0]
            elif date and published is None:
                published = date[0]
            meta.add(zone[position].index)
            lowest_meta = position if lowest_meta is None else lowest_meta
            top_meta = position
            continue
        if (
            _is_title_shaped(text)
            and not is_breadcrumb(text)
            and (word_count(text) >= 3 or position == len(zone) - 1 or position + 1 in heads)
            and not _menu_item(zone, position)
            and _norm(text) not in sites
        ):
            candidates.append(position)
        if len(candidates) >= 3:
            break
    if lowest_meta is None and len(candidates) >= 3:
        cut = _head_over_widgets(zone, dates, names, min(candidates))
        if cut is not None:
            return _head_above(zone, cut, after_chrome, sites, under_body)
    published = published or updated
    below = lowest_meta + 1 if lowest_meta is not None else None
    if (
        below is not None
        and below < len(zone)
        and below not in candidates
        and not (top_meta - 1 in candidates and word_count(zone[top_meta - 1].text) >= 3)
        and _is_sentence_title(zone[below].text)
    ):
        candidates.insert(0, below)  # a headline written as a sentence under its byline
    else:
        below = None
    above_meta = [p for p in candidates if lowest_meta is None or p < lowest_meta]
    title_at = above_meta[0] if above_meta else (candidates[0] if candidates else None)
    if (
        title_at is not None
        and lowest_meta is not None
        and top_meta < title_at < lowest_meta
        and word_count(zone[title_at].text) < MIN_HEADLINE_WORDS
        and top_meta - 1 in candidates
        and word_count(zone[top_meta - 1].text) >= MIN_HEADLINE_WORDS
    ):
        meta.add(zone[title_at].index)  # a programme's or a section's label inside the
        title_at = top_meta - 1  # byline cluster ('<date>' / 'Heard on Morning Edition' /
        # 'By X'): metadata, with the headline over the cluster
    if lowest_meta is not None and lowest_meta + 1 in candidates:
        headline_above = (
            top_meta - 1 in candidates
            and zone[top_meta].index not in after_chrome
            and word_count(zone[top_meta - 1].text) >= MIN_REPEATED_HEADLINE_WORDS
        )  # a site's name of two words over the byline is no headline
        if author is None or (lowest_meta + 1 == len(zone) - 1 and not headline_above):
            # a date header above the headline (Blogger, LiveJournal), or a 'Posted on
            # <date> by X' line above the headline that opens the body (WordPress themes)
            title_at = lowest_meta + 1
    elif title_at is not None and lowest_meta is not None and title_at < lowest_meta:
        title_at = _headline_under_masthead(zone, title_at, lowest_meta, candidates)
    if below is not None:
        title_at = below
    named = _named_in_title_line(zone)
    if named is None:
        named = _repeated_headline(zone)
    if named is not None:
        title_at = named
    elif title_at is not None:
        title_at = _over_deck(zone, title_at, meta)
    if title_at is None:
        title_at = _crumb_titled(zone, meta)
    if title_at is not None:
        title_at = _scored_title(zone, title_at, meta, sites, under_body)
        author, author_at = _scored_author(zone, title_at, author, author_at)
        over = _name_over_dated_title(zone, title_at, dates, after_chrome)
        if over is not None and _norm(over[0]) in sites:
            over = None  # the masthead over the headline
        if author is None and over is not None:
            author, author_at = over
        if author is None:
            under = _names_under_title(zone, title_at, sites)
            if under is not None:
                author, author_at = under, title_at + 1
        if author is None:
            card = _author_card(zone, title_at)
            if card is not None:
                author, author_at = card
        if author_at is not None:
            meta.add(zone[author_at].index)
    if title_at is None:
        top = min((p for p, line in enumerate(zone) if line.index in meta), default=0)
        furniture = {line.index for line in zone[:top]}  # menus over an untitled post's byline
        return PostHead(author=author, published=published, meta_lines=frozenset(meta)), furniture
    opening = _title_opening(zone, title_at, meta)
    title_line = zone[title_at]
    furniture = {line.index for line in zone[: opening or title_at] if line.index not in meta}
    for line in zone[title_at + 1 :]:  # between title and body: captions, share bars, counters
        text = line.text
        if (
            line.index not in meta
            and not is_prose(text)
            and not _carries_meta(text)
            and (
                word_count(text) <= 3
                or is_counter(text)
                or is_widget_row(text)
                or is_button_label(text)
                or _norm(text) == _norm(title_line.text)
                or CAPTION.search(text)
                or is_tag_row(text)
            )
        ):
            furniture.add(line.index)  # a repetition of the headline, a caption, the tags
    title = COMMENTS_ON.sub("", SECTION_GLUED.sub("", title_line.text))
    title = last_crumb(title) or title  # a path ending in the headline: the headline
    if SUBJECT_FIELD.match(title):  # a mail subject shown on a web page
        title = _subject(title)
    title_lines = {title_line.index}
    if opening is not None:
        title = f"{zone[opening].text} {title}"
        title_lines.add(zone[opening].index)
    return (
        PostHead(
            title=title,
            title_lines=frozenset(title_lines),
            author=author,
            published=published,
            meta_lines=frozenset(meta),
        ),
        furniture,
    )


MIN_OPENING_WORDS = 2
MAX_OPENING_WORDS = 12


def _title_opening(zone: Sequence[Line], title_at: int, meta: set[int]) -> int | None:
    """The position of the title's first part when the headline is set on two lines, the
    first closed by a colon ('Governors Without Voters:' over 'Appointments and Elections
    in …'): the line right above the title, with no blank line between, two words or more
    that are no label, date, byline or path. None for any other head."""
    if title_at == 0:
        return None
    upper = zone[title_at - 1]
    text = upper.text
    if (
        upper.index != zone[title_at].index - 1
        or upper.index in meta
        or not text.endswith(":")
        or not MIN_OPENING_WORDS <= word_count(text) <= MAX_OPENING_WORDS
        or not (text[:1].isupper() or text[:1].isdigit())
        or SENTENCE_INSIDE.search(text)
        or is_breadcrumb(text)
        or find_date(text) is not None
        or find_byline(text) is not None
        or WROTE.search(text)
    ):
        return None
    return title_at - 1


def _headline_under_masthead(
    zone: Sequence[Line], title_at: int, lowest_meta: int, candidates: Sequence[int]
) -> int:
    """`title_at`, or the headline right over the body when the line picked over the
    head's date or byline is a name of a word or two (a masthead over the day's date) and
    only short labels (a section's) stand between that meta line and the headline:
    '<Site>' / '<date>' / 'Latest news' / '<headline>' / '<text>'."""
    last = len(zone) - 1
    if (
        last not in candidates
        or word_count(zone[title_at].text) >= MIN_REPEATED_HEADLINE_WORDS
        or word_count(zone[last].text) < MIN_HEADLINE_WORDS
    ):
        return title_at
    between = zone[lowest_meta + 1 : last]
    if all(word_count(line.text) <= MAX_MENU_WORDS for line in between):
        return last
    return title_at


def _names_under_title(zone: Sequence[Line], title_at: int, sites: frozenset[str]) -> str | None:
    """The names on the line right under the chosen title when that line holds only
    people's names and the title is a headline of ``MIN_HEADLINE_WORDS`` words or more
    (where a names-only line is the byline: '<headline>' / '<Name>' / '<standfirst>');
    never the site's name."""
    below = title_at + 1
    if below >= len(zone) or word_count(zone[title_at].text) < MIN_HEADLINE_WORDS:
        return None
    names = person_names(zone[below].text)
    return names if names is not None and _norm(names) not in sites else None


def _crumb_titled(zone: Sequence[Line], meta: set[int]) -> int | None:
    """The position of the breadcrumb nearest the body whose last label reads as a
    headline ('Home » Politics » Governors face a shortage of candidates'), for a head
    whose page printed no headline line of its own: the path names the post."""
    return next(
        (
            position
            for position in range(len(zone) - 1, -1, -1)
            if zone[position].index not in meta and last_crumb(zone[position].text) is not None
        ),
        None,
    )


def _author_card(zone: Sequence[Line], title_at: int) -> tuple[str, int] | None:
    """The name of an author card above the title (a personal site's sidebar): a line that
    holds only a person's name, printed twice in a row (the avatar's text, then the name's
    link), over the author's bio (a sentence). A name printed once there is a menu's or a
    widget's label; a masthead printed twice stands over a date or a slogan, not a bio."""
    for position in range(min(title_at, len(zone)) - 2):
        text = zone[position].text
        bio = zone[position + 2].text
        if (
            _norm(text) == _norm(zone[position + 1].text)
            and ends_sentence(bio)
            and word_count(bio) >= MIN_BIO_WORDS
            and (name := person_name(text))
        ):
            return name, position + 1
    return None


MIN_BIO_WORDS = 4


def _head_over_widgets(
    zone: Sequence[Line],
    dates: Mapping[int, tuple[str, str | None]],
    names: Mapping[int, str],
    scanned: int,
) -> int | None:
    """Where the head ends when a block of widgets stands between it and the body (an
    author card, a disclosure, a republishing notice, share buttons): the rules scanned up
    to `scanned` and met headline-shaped lines but no byline or dateline. The head is
    then the page's one dateline above, with a headline over it and the byline's name
    under it; the end returned is past that name. A page with two datelines or more
    above its body shows a list of dated teasers, not a head; a date with no name beside
    it may be the masthead's day under the site's slogan: None."""
    if len(dates) != 1:
        return None
    (position,) = dates
    above = _neighbour(zone, position, -1)
    if position >= scanned or above is None or position + 1 not in names:
        return None
    headline = zone[above].text
    if (
        word_count(headline) < MIN_HEADLINE_WORDS
        or not _is_title_shaped(headline)
        or is_breadcrumb(headline)
        or _carries_meta(headline)
    ):
        return None
    return position + 2


def _head_above(
    zone: Sequence[Line],
    cut: int,
    after_chrome: frozenset[int],
    sites: frozenset[str],
    under_body: frozenset[str],
) -> tuple[PostHead, set[int]]:
    """The head read from the lines above `cut` (:func:`_head_over_widgets`); of the
    widgets' lines under it, those that are not prose and carry no byline or date are
    furniture (a prose line there, a disclosure, stays with the post)."""
    head, furniture = _web_head(zone[:cut], after_chrome, sites, under_body)
    furniture.update(
        line.index
        for line in zone[cut:]
        if not is_prose(line.text) and not _carries_meta(line.text)
    )
    return head, furniture


def _scored_title(
    zone: Sequence[Line],
    title_at: int,
    meta: set[int],
    sites: frozenset[str],
    below: frozenset[str],
) -> int:
    """The title's position once the rules' pick is weighed against the head's other
    heading-shaped lines (three words or more, not metadata, not a menu's item)."""
    eligible = [
        position
        for position, line in enumerate(zone)
        if line.index not in meta
        and word_count(line.text) >= MIN_REPEATED_HEADLINE_WORDS
        and _is_title_shaped(line.text)
        and not _menu_item(zone, position)
    ]
    texts = [line.text for line in zone]
    return best_title(texts, title_at, sites=sites, below=below, eligible=eligible)


def _scored_author(
    zone: Sequence[Line], title_at: int, author: str | None, author_at: int | None
) -> tuple[str | None, int | None]:
    """The author and the line naming it, once the rules' byline is weighed against the
    head's other bylines under the title (a labelled field, 'Text: X', beside the date)."""
    texts = [line.text for line in zone]
    found = {p: c for p, c in author_candidates(texts).items() if p > title_at}
    if author is not None and author_at is not None:
        rule = found.get(author_at)
        features = rule[1] if rule else AuthorFeatures(lines_up=len(zone) - 1 - author_at)
        found[author_at] = (author, dataclasses.replace(features, rule_pick=True))
    if not found:
        return author, author_at
    best = max(found, key=lambda p: (author_score(found[p][1]), p))
    if author_score(found[best][1]) < MIN_AUTHOR_SCORE:
        return author, author_at
    return found[best][0], best


MAX_SIGN_OFF_WORDS = 3


def _signs_off(text: str) -> bool:
    """A line a signature may stand under: a delimiter without letters ('-- ') or a
    valediction ('Best regards,', 'С уважением,')."""
    return not any(char.isalpha() for char in text) or (
        text.rstrip().endswith(",") and word_count(text) <= MAX_SIGN_OFF_WORDS
    )


MAX_MENU_ITEM_WORDS = 3


def _notes_heading(zone: Sequence[Line], position: int, dropped: Mapping[int, str]) -> bool:
    """Whether the line at `position` heads the notes ('Notes', 'Sources'): not when it
    stands right under another short line or a `dropped` one, no blank line between (an
    item of a share bar or a menu: 'Copy link' / 'Facebook' / 'Email' / 'Notes')."""
    line = zone[position]
    if not NOTES_HEADING.match(line.text):
        return False
    if line.index - 1 in dropped:
        return False
    if position == 0:
        return True
    above = zone[position - 1]
    return not (above.index == line.index - 1 and word_count(above.text) <= MAX_MENU_ITEM_WORDS)


MAX_LINK_LABEL_WORDS = 4


def _link_label(text: str) -> bool:
    """A link's label closing the page ('View full site', 'Privacy Policy'): a few words
    opening with a capital, no sentence, no valediction, author or date (a signature right
    under the body is kept before this is asked)."""
    return (
        word_count(text) <= MAX_LINK_LABEL_WORDS
        and text[:1].isupper()
        and not ends_sentence(text)
        and not text.rstrip().endswith(",")
        and not _carries_meta(text)
    )


def _signature(text: str) -> bool:
    """A signature's name alone on its line, not a widget's heading of the same shape
    ('Related Experts', 'Read More': :data:`~.post.NOT_NAME_STARTS`)."""
    match = SIGNATURE_NAME.match(text)
    return match is not None and match.group("name").split()[0] not in NOT_NAME_STARTS


CYRILLIC_WORD = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")


def signed_name(text: str) -> str | None:
    """The name of a signature standing right under an article's body, when its shape
    tells a person from a label of the same length: an initial ('А. Петрова', 'J. Smith'),
    a surname in capitals ('Ольга ЗЫРЯНОВА', as the Russian press signs), or Cyrillic
    words all capitalised ('Ольга Зырянова': a Russian label capitalises its first word
    only). Two capitalised English words may be a category's or a widget's label
    ('Regional Politics'): None."""
    name = text.strip(" -–—~,")
    if person_name(name) is None:
        return None
    tokens = name.split()
    if (
        any(len(token) == 2 and token.endswith(".") for token in tokens)
        or (tokens[-1].isupper() and len(tokens[-1]) > 1)
        or all(CYRILLIC_WORD.match(token) for token in tokens)
    ):
        return name
    return None


def _caps_signature(zone: Sequence[Line]) -> bool:
    """Whether the tail opens with a signature in capitals over its writer's role in lower
    case ('MARGARET DELACROIX' / 'retired customs inspector' / 'Mandeville', as a letters
    page prints it); a widget's heading in capitals ('MOST POPULAR') has headlines under it."""
    if len(zone) < 2:
        return False
    name, role = zone[0].text, zone[1].text
    return (
        is_all_caps(name)
        and person_name(name.title()) is not None
        and role[:1].islower()
        and word_count(role) <= MAX_ROLE_WORDS
        and not ends_sentence(role)
    )


def _tail(
    zone: Sequence[Line],
    already: int = 0,
    buttons: _Buttons | None = None,
    dropped: Mapping[int, str] | None = None,
) -> tuple[set[int], tuple[str, int] | None]:
    """The furniture below the body, and a byline found there (name, line index).

    Kept: sentences of five words or more (not in headline case: 'Our Standards: The
    Trust Principles.' is a link), a shorter one of two words or more closed by a full
    stop right under the body ('To be continued.'), a closing bio, a signature (a name, or a name
    set between dashes) right after the body, a signature delimiter ('-- ') or a
    valediction ('Regards,'), with no other line above it (a name-shaped label under a
    widget's title is the widget's: 'Related article' / … / 'Paid Content'),
    and a notes section. The rest is furniture
    only when there are at least MIN_TAIL_LINES such lines, counting the `already`
    dropped ones below the body (a widget column, not a closing remark). Then a sentence
    with furniture right above and below it (a related post's teaser) and a call to
    subscribe are furniture too; lines `dropped` by a shape rule count as furniture
    there."""
    dropped = dropped or {}
    notes = next((p for p in range(len(zone)) if _notes_heading(zone, p, dropped)), None)
    zone = zone[:notes] if notes is not None else zone
    author: tuple[str, int] | None = None
    furniture: list[int] = []
    sentences: list[int] = []  # positions of the sentences kept
    bio_seen = False
    for position, line in enumerate(zone):
        text = line.text
        byline = find_byline(text)
        if byline and author is None and not is_prose(text):
            author = (byline, line.index)
            continue
        boxed = _boxed_author(zone, position) if author is None else None
        if boxed is not None:  # 'About the author' over '<Name>': the author's box
            author = boxed
            furniture.append(line.index)
            continue
        dated = dated_byline(text) if author is None and position < TAIL_META_LINES else None
        if dated is not None:  # 'This entry was posted … on <date> by <Name>.'
            author = (dated[0], line.index)
            continue
        if position == 0 and author is None and _caps_signature(zone):
            author = (text, line.index)  # as printed: 'ANNA LIND' over 'retired teacher'
            continue
        if not bio_seen and BIO.match(text) and is_prose(text):
            bio_seen = True
            continue
        closing = position == 0 and text.endswith((".", "…")) and word_count(text) >= 2
        if (
            ends_sentence(text)
            and (word_count(text) >= 5 or closing)
            and not _is_sentence_title(text)
        ):
            if buttons is not None and buttons.is_call(line):
                furniture.append(line.index)
            else:
                sentences.append(position)
            continue
        if (
            position < 3
            and all(_signs_off(zone[p].text) for p in range(position))
            and (_signature(text) or DASHED.match(text) or signed_name(text))
        ):
            if author is None and position == 0 and (name := signed_name(text)):
                author = (name, line.index)
            continue
        furniture.append(line.index)
    if len(furniture) + already < MIN_TAIL_LINES:
        labels = {line.index for line in zone if line.index in furniture and _link_label(line.text)}
        return (labels if len(labels) == len(furniture) else set()), author
    chrome = set(furniture)

    def chrome_between(low: int, high: int) -> bool:
        return low in chrome or high in chrome or any(i in dropped for i in range(low, high))

    end = zone[-1].index + 1 + MAX_GAP_LINES if zone else 0
    for position in sentences:  # a teaser between a related post's title and its date
        here = zone[position].index
        below = zone[position + 1].index if position + 1 < len(zone) else end
        last = position == len(zone) - 1  # the page's footer note under its widgets
        if (
            position > 0
            and chrome_between(zone[position - 1].index, here)
            and (last or chrome_between(here + 1, below))
            and not _carries_meta(zone[position].text)
        ):
            chrome.add(here)
    return chrome, author
