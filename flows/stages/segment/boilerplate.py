"""Boilerplate rules: page chrome that is not part of any post or comment.

Every rule looks at the *shape* of one whole line (plus, for one rule, the line after it)
and returns a rule name; matched lines become ``dropped`` rows, never silently lost.

Rules (the names are what the ``dropped.rule`` column holds):

``nav_link``
    A line that is nothing but a navigation label. The labels are a small curated list
    (``NAV_LABELS``): "All posts", "Next post", "Back to top", ... matched as the whole line.
``series_nav``
    Series navigation: a short line ending in "this/the series (of posts):"
    ("Part of This Series of Posts:", "Other articles in this series:"), or a bare "Part 2:" / "Chapter IV" label with nothing
    after it. "Part 2 of the plan was ..." is prose and is kept.
``dangling_link``
    A short line whose link was stripped by the scraper: it ends with a preposition that
    needs an object ("... published on", "Available at") or is a short colon line made of
    link words ("Source:", "Read the original here:") not followed by a quotation.
``link_residue``
    A line that is mostly ``-N`` tokens, what is left of a list of numbered links
    ("– DOTP -1 -2 -3 -4").
``separator``
    A line of one separator character repeated ("________", "*******", "-----", "* * *",
    "=-=-="), drawn between articles, messages or page parts.
``page_chrome``
    A line with the shape of a web page's furniture wherever it stands: a share bar made
    of network names, a "Share this:"/"Like this:"/"Related"/"Leave a Reply" label, a
    comment counter ("2 Comments"), a "Tags:"/"Posted in … | Tagged …" line, a WordPress
    entry footer ("This entry was posted in … Bookmark the permalink."), a copyright
    or "Powered by" footer, a mailing list's "To unsubscribe …" footer, a "Read more »" or
    pagination line, a row of 'Back to …' links, a mailing's footer ('You are subscribed to
    …', 'Our mailing address is:', 'Want to change how you receive these emails?'), an
    opinion disclaimer ('The views
    expressed … are those of the author', 'Мнение автора может не совпадать …'), the
    browser and system a comment widget prints under a name ('Chrome 138.0 Windows 10'),
    a mail client's marker of a message part ('[ text/plain ]', '[-- End of signed data
    --]'), a text-mode client's row of key commands ('? Help   < MsgIndex   P PrevMsg'),
    an echomail message's closing lines (tear line, ' * Origin: …', 'SEEN-BY: …').
    A line that carries a byline or a date is never dropped.

The widget rules (:data:`WIDGET_RULES`) know the furniture of a page's widgets by its shape,
whatever the site's words, and likewise never drop a line with a byline or a date:

``counter``
    A line of nothing but counters: '5 Likes', 'Posts: 1412', 'Всего ответов: 3',
    '1.2k views · 12 comments' (never votes or points: results count votes).
``action_row``
    A row of a post's buttons, every cell a button's label: 'Reply | Quote | Report',
    'permalink  embed  save  parent  report  reply', a lone 'Permalink' or 'Цитировать';
    or a thread's toolbar, buttons beside a counter or a pager ('Post new topic  [ 84
    posts ]  Go to page 1, 2, 3  Next').
``pager``
    Pagination made of pager words and numbers ('Page: [1]', 'Previous 1, 2, 3 Next',
    '< Предыдущая   Следующая >', 'Seite 3 von 12'), a control that loads more ('Load
    more', 'Показать ещё'), or an archive's row of month or weekday names.
``breadcrumb``
    A trail of three or more short crumbs set apart by arrows ('Home › News › Politics'),
    or two or more when the first is the site's home.
``site_notice``
    What many sites print about themselves: a wiki's or board's footer ('All times are
    GMT +3'), terms and cookie consent, a comment form's instructions and policy, a
    subscribe box's call, a widget's label ('Most read', 'users here now'), a sort control
    ('sorted by: best'), who liked a post ('oksana_nn liked this.').
``caption_credit``
    A picture's credit, alone or closing its caption: 'Photo: Kivach-Press / Artyom
    Galich', '… in Pskov. Photo: Pskov Courier', 'Timur Aliev/AFP via Getty Images'.
``footer_links``
    A site's footer menu: a row of its links ('About | Help | Contact', 'contact terms
    privacy'), or a run of lines of one link each, three or more, or two with a legal
    one ('Terms' / 'Source'); a run is found from its neighbours (:func:`footer_runs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from itertools import pairwise

from flows.stages.mail_fields import ECHO_ORIGIN, ECHO_TRAILER, PART_MARKER, TEAR_LINE
from flows.stages.segment.lines import OPENING_QUOTES, Line, ends_sentence, word_count
from flows.stages.segment.meta import find_byline, find_date

NAV_LABELS = frozenset(
    {
        "all posts",
        "all articles",
        "all news",
        "все новости",
        "back",
        "back to top",
        "наверх",
        "вернуться к началу",
        "вернуться в начало страницы",
        "к началу страницы",
        "end of messages",
        "back to contents",
        "return to contents",
        "return to top",
        "top",
        "home",
        "menu",
        "next",
        "next post",
        "next article",
        "newer posts",
        "older posts",
        "previous",
        "previous post",
        "previous article",
        "read more",
        "share",
        "share this",
        "skip to content",
        "skip to main content",
        "skip navigation",
        "jump to content",
        "tweet",
        "view profile",
    }
)
"""Curated navigation labels, compared with the whole line (case-folded, arrows and
brackets removed: '[return to Contents]', '↑ Top')."""

DANGLING_ENDINGS = frozenset(
    {"on", "at", "in", "from", "via", "by", "to", "under", "published", "available", "here"}
)
"""Words that cannot end a line of prose or a heading: the link that followed was stripped."""

LINK_WORDS = re.compile(
    r"\b(link|links|source|sources|original|available|read|watch|video|download|here|see|url)\b",
    re.IGNORECASE,
)
SERIES_LINE = re.compile(r"\b(this|the|a)\s+series(\s+of\s+\w+)?\s*:\s*$", re.IGNORECASE)
PART_LABEL = re.compile(
    r"^(part|chapter|episode|section)\s+(\d{1,3}|[ivxlc]{1,6}|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\s*[:.]?\s*$",
    re.IGNORECASE,
)
RESIDUE_TOKEN = re.compile(r"^-\d{1,3}$")
SEPARATOR = re.compile(r"^([-_=*~#+.•·◆◇])(?:\s?\1){3,}$|^(?:[-=*~]\s?){4,}$")
SOCIAL = (
    r"facebook|twitter|tweet|share|x|linkedin|email|e-mail|print|reddit|telegram|whatsapp|vk|"
    r"vkontakte|"
    r"pinterest|tumblr|pocket|mastodon|bluesky|threads|copy link|more|mail"
)
SHARE_BAR = re.compile(
    rf"^(?:[•*-]\s*)?(?:(?:share|tweet|post|поделиться)(?: this)?(?: on| via| to)?:?\s*)?"
    rf"(?:(?:{SOCIAL})(?:\s*[|,/·•]\s*|\s+|$))+$",
    re.IGNORECASE,
)
READING_TIME = (
    r"(?:(?:est(?:imated|\.)?\s+)?(?:reading|read)\s+time\s*[:≈~]?\s*"
    r"|время\s+чтения\s*[:≈~]?\s*)?[≈~]?\s*"
    r"(?:\d+|an?|one)(?:\s*[-–]\s*\d+)?(?:\s*|-)(?:min|mins|minutes?|мин\.?|минут[аы]?)"
    r"(?: read)?(?: read)?"
)
"""A post's reading time ('5 min read', '9-minute read', 'Reading time: 4 minutes',
'Reading time ≈ 3 mins', 'Время чтения: 5 мин')."""
READING_TIME_LINE = re.compile(rf"^{READING_TIME}$", re.IGNORECASE)
CHROME_LINE = re.compile(
    r"^(?:share this(?: article| post| story)?:?|share (?:the |full )?(?:article|post|story)"
    r"|share:|like this:?|like loading\.*|related"
    r"(?: posts| articles| stories| news| content| coverage| reading)?:?|you (?:may|might) also like:?|leave a (?:reply|comment)(?: cancel reply)?"
    r"|(?:write|add) a (?:comment|reply)(?:\.{3}|…)?"
    r"|post navigation|search for:?|recent posts|recent comments|archives|categories|meta"
    r"|tags?:.*|filed under:?.*|posted in .+\|.*|(?:this entry was )?(?:posted in .{1,120}?\.\s*)?"
    r"bookmark the permalink\.?|(?:(?:back|return) to [^|•]{1,40}?\s*[|•]\s*)+(?:back|return) to [^|•]{1,40}|\d+ (?:comments?|responses?|replies|комментари(?:й|я|ев))"
    r"|(?:show|load|view|see) (?:\d+ )?more (?:comments?|replies)"
    r"|post (?:a )?comment as\.*|показать (?:ещё|еще) \d+ комментари(?:й|я|ев)"
    r"|(?:you (?:must|need to) |please )?(?:log ?in|sign ?in)(?: or (?:register|sign ?up"
    r"|create (?:your |an )?(?:\w+ )?account))? to (?:comment|reply|post(?: comments?)?"
    r"|(?:join|leave a comment in) the (?:discussion|conversation))\.?"
    r"|no comments(?: yet)?\.?|(?:©|\(c\)|copyright\b).{0,120}|[^©]{0,80}©\s*(?:19|20)\d\d\b.{0,40}|.*\bpowered by\b.{0,80}"
    r"|.*\ball rights reserved\.?|read (?:more|the rest|(?:the )?(?:full|entire|whole) (?:article|story|post|essay|report))(?:\s?[»›→>]{1,2}|\.\.\.)?|continue reading.{0,80}"
    r"|(?:« )?older (?:posts|entries)(?: »)?|newer (?:posts|entries)(?: »)?"
    r"|page \d+ of \d+(?:\s+\d+)*(?:\s*…\s*\d*)?(?:\s*[»›])?(?:\s*\(\d[\d,]* results?\))?"
    rf"|{READING_TIME}"
    r"|\d[\d,.]*k? (?:notes?|views?|reads?)(?:\s*[·•|]?\s*(?:view notes|\d+ comments?))?"
    r"|(?:\d+\s+){2,}(?:…\s+)?\d*\s*next ?[»›]?|subscribe(?: now)?|sign up|log ?in|"
    r"enter your comment here\.*|%d bloggers like this:|blog at wordpress\.com\.?"
    r"|(?:the )?(?:views|opinions) expressed\b.{0,60}?\b(?:are (?:those of|solely)|do not "
    r"necessarily (?:reflect|represent))\b.{0,100}|мнение автора\b.{0,40}?не\s+совпада.{0,80}"
    r"|publication status|published in sections?:.{0,120}|direct link:\s*\S+|(?:text|print) version"
    r"|(?:skip )?advertisement|(?:\w+ )?ad (?:box|slot|space|unit|placeholder)|skip to (?:main )?content|toggle navigation|search(?: (?:the|this) site)?"
    r"|table of contents|contents|in this (?:article|post)|on this page"
    r"|(?:subscribe|подпис(?:аться|ка))\b.{0,40}?:\s*\S+@\S+"
    r"|to unsubscribe\b.{0,160}|you (?:are receiving|received) this (?:message|e-?mail|digest|(?:news)?letter)\b.{0,160}"
    r"|you are subscribed to (?:e-?mail updates|updates|this (?:list|newsletter|digest))\b.{0,120}"
    r"|to stop receiving (?:these|this|our) (?:e-?mails?|messages|newsletters?)\b.{0,160}"
    r"|our mailing address is:?|add us to your address book|want to change how you receive "
    r"these e-?mails\??|you can update your preferences or unsubscribe from this list\.?"
    r"|(?:unsubscribe|manage (?:your )?(?:preferences|subscription)|view (?:this email )?in "
    r"(?:your )?browser)(?:\s*[·•|]\s*[\w ]{1,30}){0,3})$",
    re.IGNORECASE,
)


_NAV_SEPARATORS = "«»←→‹›<>|[]()^↑"
_NAV_SEPARATOR_RE = re.compile(f"[{re.escape(_NAV_SEPARATORS)}]")
_LONGEST_LABEL = max(len(label) for label in NAV_LABELS)
_RESIDUE_HINT_RE = re.compile(r"-\d")


def _kept_chars(text: str) -> int:
    """The characters of `text` that are neither whitespace nor a separator."""
    return len("".join(text.split())) - len(_NAV_SEPARATOR_RE.findall(text))


def _more_words_than(text: str, limit: int) -> bool:
    """`word_count(text) > limit`, splitting no further than the limit (long lines are
    decided by their first words)."""
    return len(text.split(maxsplit=limit)) > limit


def is_nav_link(text: str) -> bool:
    if len(text) > 2 * _LONGEST_LABEL:
        # exact pre-check: the label keeps every character that is neither whitespace nor a
        # separator (case folding never shortens), so too many of them rule a label out;
        # a prefix keeps no more of them than the whole line
        if _kept_chars(text[: 4 * _LONGEST_LABEL]) > _LONGEST_LABEL:
            return False
        if _kept_chars(text) > _LONGEST_LABEL:
            return False
    label = re.sub(r"[«»←→‹›<>|\s]+", " ", text).strip().strip("[]()^↑ ").casefold()
    return label in NAV_LABELS


def is_series_nav(text: str) -> bool:
    if PART_LABEL.match(text):
        return True
    return not _more_words_than(text, 10) and bool(SERIES_LINE.search(text))


def is_link_residue(text: str) -> bool:
    # exact pre-check: each residue token holds its own "-N"
    if "-" not in text or len(_RESIDUE_HINT_RE.findall(text)) < 3:
        return False
    tokens = text.split()
    residue = sum(1 for token in tokens if RESIDUE_TOKEN.match(token))
    return residue >= 3 and residue * 2 >= len(tokens)


QUOTE_CLOSERS = frozenset("’”»\"'")
"""The marks that close a quotation: a line set in quotes is whole, whatever its last word."""


def is_dangling_link(
    text: str, next_text: str | None, prev_text: str | None = None, wrapped: bool = False
) -> bool:
    """A short line, standing on its own, left without the link it introduced.

    ``wrapped`` says the line sits between lines of one hard-wrapped paragraph (previous
    line unfinished, or the next one going on in lower case): then it is not a link line.
    """
    if wrapped or ends_sentence(text) or _more_words_than(text, 12):
        return False
    if prev_text and not (ends_sentence(prev_text) or prev_text.rstrip().endswith(":")):
        return False
    words = re.findall(r"[\w']+", text.casefold())
    if not words:
        return False
    if not text.rstrip().endswith(":"):
        stripped = text.strip()
        if stripped[:1] in OPENING_QUOTES and stripped[-1:] in QUOTE_CLOSERS:
            return False  # '‘We vote for whoever he tells us to’': a quotation, whole
        return (
            words[-1] in DANGLING_ENDINGS
            and len(words) >= 2
            and find_byline(text) is None
            and find_date(text) is None
            and not _headline_over_date(text, words, next_text)
        )
    if not LINK_WORDS.search(text):
        return False
    return not (next_text and next_text.lstrip()[:1] in OPENING_QUOTES)


BROWSER = (
    r"(?:Chrome|Chromium|Firefox|Safari|Mobile Safari|Edge|Opera|Yandex(?: Browser)?|Vivaldi"
    r"|Brave|Samsung Internet|UC Browser|IE|Internet Explorer|WeChat|QQ Browser)"
)
OPERATING_SYSTEM = (
    r"(?:Windows|Mac OS X|macOS|OS X|Linux|Ubuntu|Debian|Fedora|Android|iOS|iPadOS|Chrome ?OS"
    r"|HarmonyOS)"
)
AGENT_VERSION = r"(?:\s+(?:\d{1,4}(?:\.\d{1,6}){0,3}|XP|Vista|NT|x64|x86_64|Server))*"
USER_AGENT = re.compile(
    rf"^{BROWSER}{AGENT_VERSION}\s+{OPERATING_SYSTEM}{AGENT_VERSION}$"
    rf"|^{OPERATING_SYSTEM}{AGENT_VERSION}\s+{BROWSER}{AGENT_VERSION}$"
)
"""The browser and system a comment widget prints under the commenter's name ('Chrome
138.0.0.0 Windows 10', 'Safari 18.5 macOS 14.5', 'Windows 10 Firefox 140.0'): page
furniture."""
_KEY_CELL = (
    r"(?:\^?[A-Za-z]|[^\w\s]{1,2}|Spc|Tab|Ret)(?::|\s{1,2})[A-Z][\w.]{1,12}(?: [A-Z][\w.]{1,12})?"
)
KEY_MENU = re.compile(rf"^{_KEY_CELL}(?:\s{{2,}}{_KEY_CELL}){{3,}}$")
"""A text-mode client's row of key commands, four cells or more set apart by wide gaps,
each a key and its command ('? Help  < MsgIndex  P PrevMsg  - PrevPage', '^G Get Help  ^O
Write Out  ^W Where Is  ^K Cut Text', 'i:Exit  -:PrevPg  d:Del  r:Reply'): the screen's
menu."""


MIN_DATED_HEADLINE_WORDS = 4
"""The fewest words of a line ending in a preposition read as a headline over its date
('Posted on' / 'Read more at' are a link's words, fewer)."""


def _headline_over_date(text: str, words: Sequence[str], next_text: str | None) -> bool:
    """Whether a line of ``MIN_DATED_HEADLINE_WORDS`` words or more, none a link's
    (:data:`LINK_WORDS`: '1. Read more at'), stands right over a line carrying a date: a
    headline over its dateline ('The protests five years on' / 'Posted on 2025-07-11 |
    In politics'), whose last word is an adverb, not a link's preposition."""
    return (
        len(words) >= MIN_DATED_HEADLINE_WORDS
        and LINK_WORDS.search(text) is None
        and next_text is not None
        and find_date(next_text) is not None
    )


def is_page_chrome(text: str) -> bool:
    """A share bar, a widget label, a comment counter, a footer, a commenter's browser and
    system, a mail client's part marker (see the module docstring); never a line that
    carries a byline or a date."""
    if len(text) <= 80 and USER_AGENT.match(text):
        return True
    if PART_MARKER.match(text) or KEY_MENU.match(text):
        return find_date(text) is None
    if len(text) > 160 or not (SHARE_BAR.match(text) or CHROME_LINE.match(text)):
        return False
    return find_byline(text) is None and (find_date(text) is None or "©" in text)


LINK_ROW_SEPARATOR = re.compile(r"\s+[|•]\s+")
"""What separates the links of a row of links ('Reply to sender | Reply to group')."""
MIN_ROW_LINKS = 3
MAX_LINK_WORDS = 5


def is_link_row(text: str, next_text: str | None = None, prev_text: str | None = None) -> bool:
    """A row of ``MIN_ROW_LINKS`` or more short links set apart by ' | ' or ' • ' ('Reply
    to sender | Reply to group | Reply via web post', 'Switch to: Text-Only, Daily Digest •
    Unsubscribe • Terms of Use'): a menu. Not a row of a table, whose neighbours are
    rows too, nor a line that carries a byline or a date ('By X • 5 min read • Jan 3')."""
    if len(text) > 160 or ends_sentence(text):
        return False
    links = LINK_ROW_SEPARATOR.split(text)
    if len(links) < MIN_ROW_LINKS or any(
        not link or _more_words_than(link, MAX_LINK_WORDS) or ends_sentence(link) for link in links
    ):
        return False
    if any(LINK_ROW_SEPARATOR.search(near or "") for near in (next_text, prev_text)):
        return False
    return find_byline(text) is None and find_date(text) is None


SPACED_ARROW = re.compile(r"(?:^|(?<=\s))[«‹←<](?=\s)|(?<=\s)[»›→>](?=\s|$)")
"""A navigation arrow set apart by spaces ('« Back', 'Older topic »'); a quotation mark
hugs its words ('«Единая Россия»')."""
MAX_ARROW_LINK_WORDS = 4


def is_arrow_row(text: str) -> bool:
    """A row of two or more short links marked by spaced arrows ('« Back to Discussions «
    Newer topic     Older topic »'): a menu where menus are looked for (under a digest's
    last message); a mail page's header row ('Message view « Date » · « Thread »') is
    read by the page's own rules. Not a line that ends a sentence or carries a byline or
    a date."""
    if len(text) > 160 or ends_sentence(text) or len(SPACED_ARROW.findall(text)) < 2:
        return False
    links = [part for part in SPACED_ARROW.split(text) if part.strip()]
    if not links or any(_more_words_than(link, MAX_ARROW_LINK_WORDS) for link in links):
        return False
    return find_byline(text) is None and find_date(text) is None


COUNTER_NOUNS = (
    r"likes?|views?|comments?|replies|answers?|shares?|reactions?|followers?|subscribers?"
    r"|members?|readers?|posts?|messages?|topics?|threads?|reads?|downloads?|reposts?"
    r"|retweets?|bookmarks?|kudos|thanks|clicks?|hits|online|users?(?:\s*/\s*(?:day|week|month"
    r"|6 months))?"
    r"|сообщени(?:е|я|й)|ответ(?:а|ов)?|просмотр(?:а|ов)?|комментари(?:й|я|ев)|лайк(?:а|ов)?"
    r"|подписчик(?:а|ов)?|читател(?:ь|я|ей)|тем(?:а|ы)?|прочтени(?:е|я|й)|репост(?:а|ов)?"
)
"""What a page counts beside a post: its views, replies, likes, followers, a member's
posts (never votes or points: an election's results count votes, and a thread's score is
its grammar's to read)."""
THANKS = (
    r"(?:was )?(?:liked|thanked)(?: others)?|(?:спасибо|благодарност(?:ь|ей))(?: получено| сказал)?"
)
"""A board's thanks counters on a member's profile ('Liked others: 140', 'Was liked: 96')."""
_COUNT = r"\d[\d,.]*(?:\s\d{3})*\s?[kKmMкКтыс.]{0,4}"
COUNTER_CELL = re.compile(
    rf"(?:{_COUNT}\s*(?:{COUNTER_NOUNS})|(?:(?:total|всего)\s+)?(?:{COUNTER_NOUNS}|{THANKS})"
    rf"(?:\s+(?:others|total))?\s*(?::\s*|\(\s*)?{_COUNT}\)?)(?:\s*\([^()]{{1,30}}\))?",
    re.IGNORECASE,
)
COUNTER_SEPARATOR = re.compile(r"\s*[·•|,]\s*|\s{2,}")
MAX_COUNTER_CELLS = 4


def is_counter_line(text: str) -> bool:
    """A line of nothing but counters ('5 Likes', 'Posts: 1412', 'Всего ответов: 3',
    '1.2k views · 12 comments', 'Comments (3)'): one to ``MAX_COUNTER_CELLS`` cells, each a
    number with what it counts."""
    if len(text) > 80 or not any(ch.isdigit() for ch in text):
        return False
    cells = [cell for cell in COUNTER_SEPARATOR.split(text) if cell]
    return 0 < len(cells) <= MAX_COUNTER_CELLS and all(
        COUNTER_CELL.fullmatch(cell) for cell in cells
    )


ACTION_LABELS = frozenset(
    {
        "reply",
        "reply with quote",
        "quote",
        "multi-quote",
        "multiquote",
        "report",
        "report post",
        "report abuse",
        "report this",
        "permalink",
        "raw message",
        "view source",
        "embed",
        "flag",
        "like",
        "unlike",
        "dislike",
        "follow",
        "unfollow",
        "subscribe",
        "bookmark",
        "print",
        "email",
        "pm",
        "send pm",
        "send message",
        "private message",
        "profile",
        "actions",
        "post reply",
        "quick reply",
        "add reply",
        "add comment",
        "post comment",
        "submit comment",
        "new topic",
        "post new topic",
        "reply to topic",
        "reply to this topic",
        "start new topic",
        "log in",
        "login",
        "sign in",
        "log out",
        "logout",
        "sign out",
        "register",
        "sign up",
        "thread index",
        "date index",
        "author index",
        "subject index",
        "цитировать",
        "цитировать сообщение",
        "ответить",
        "ответить с цитатой",
        "ответить в тему",
        "ответить в эту тему",
        "открыть новую тему",
        "новая тема",
        "быстрый ответ",
        "пожаловаться",
        "поделиться",
        "профиль",
        "личное сообщение",
        "нравится",
        "войти",
        "выйти",
        "регистрация",
        "antworten",
        "zitieren",
        "melden",
        "drucken",
        "répondre",
        "citer",
        "signaler",
        "imprimer",
        "responder",
        "citar",
        "denunciar",
        "imprimir",
        "відповісти",
        "цитувати",
        "поскаржитися",
        "поділитися",
    }
)
"""The buttons a post or comment carries, standing alone on a line."""
ROW_ONLY_LABELS = frozenset(
    {
        "link",
        "parent",
        "thread",
        "context",
        "save",
        "hide",
        "edit",
        "delete",
        "share",
        "top",
        "more",
        "www",
        "thank",
        "block",
        "mute",
        "ссылка",
        "цитата",
        "ответ",
    }
)
"""Labels that are buttons only among other buttons: alone, a word of a heading."""
ACTION_SEPARATOR = re.compile(r"\s*[|·•►▶]\s*|\s+(?:::|-|–)\s+|\s{2,}|(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])")
"""What parts the buttons of a row: bars, dots, pointers, wide gaps, and the seam where a
scraper glued two labels ('Ответить в эту темуОткрыть новую тему')."""
MAX_ACTION_CELLS = 8


def _action_label(cell: str) -> str:
    return " ".join(cell.strip(" +<>«»").split()).casefold()


MAX_LABEL_WORDS = 4


def read_phrases(text: str, vocabulary: Collection[str]) -> list[str] | None:
    """The phrases of `vocabulary` (case-folded, of at most ``MAX_LABEL_WORDS`` words) that
    the words of `text` are made of, read longest first ('post new topic reply to topic':
    'post new topic', 'reply to topic'); None when a word belongs to none.

    >>> read_phrases("Contact Terms", {"contact", "terms"}), read_phrases("Reply all", {"reply"})
    (['contact', 'terms'], None)
    """
    words = text.casefold().split()
    found: list[str] = []
    while words:
        size = next(
            (
                n
                for n in range(min(MAX_LABEL_WORDS, len(words)), 0, -1)
                if " ".join(words[:n]) in vocabulary
            ),
            0,
        )
        if not size:
            return None
        found.append(" ".join(words[:size]))
        words = words[size:]
    return found


BUTTON_LABELS = ACTION_LABELS | ROW_ONLY_LABELS


def button_labels(cell: str) -> list[str] | None:
    """The buttons' labels a cell is made of (:func:`read_phrases`), None when a word of it
    is no label's."""
    return read_phrases(_action_label(cell), BUTTON_LABELS)


def is_action_row(text: str) -> bool:
    """A row of a post's or a page's buttons ('Reply | Quote | Report', 'permalink  embed
    save  parent  report  reply', 'Log in | Register', a lone 'Raw Message'): every cell is
    made of buttons' labels, one of them a button's alone; a lone label only when it is no
    word a heading might be."""
    if len(text) > 120 or ends_sentence(text):
        return False
    cells = [cell for cell in ACTION_SEPARATOR.split(text) if cell.strip()]
    if not cells or len(cells) > MAX_ACTION_CELLS:
        return False
    labels: list[str] = []
    for cell in cells:
        found = button_labels(cell)
        if found is None:
            return False
        labels.extend(found)
    return any(label in ACTION_LABELS for label in labels) and len(labels) <= MAX_ACTION_CELLS


WIDE_GAP = re.compile(r"\s{2,}")


def without_trailing_buttons(title: str) -> str:
    """`title` without the row of buttons a scraper ran onto its line after a wide gap
    ('<title>  Quote | Reply'): the part after the first gap that is such a row
    (:func:`is_action_row`) is cut off; any other title is returned as it is."""
    for gap in WIDE_GAP.finditer(title):
        if is_action_row(title[gap.end() :]):
            head = title[: gap.start()].rstrip(" |·•")
            return head if word_count(head) >= MIN_TITLE_WORDS else title
    return title


MIN_TITLE_WORDS = 2
"""The fewest words left of a title cut before its buttons."""


PAGER_ANCHORS = frozenset(
    {
        "prev",
        "previous",
        "next",
        "page",
        "pages",
        "older",
        "newer",
        "назад",
        "вперёд",
        "вперед",
        "предыдущая",
        "следующая",
        "предыдущий",
        "следующий",
        "страница",
        "страницы",
        "стр",
        "seite",
        "página",
        "pagina",
        "strona",
        "сторінка",
        "weiter",
        "zurück",
        "nächste",
        "vorherige",
        "suivant",
        "suivante",
        "précédent",
        "précédente",
        "siguiente",
        "anterior",
    }
)
"""The words that make a row of numbers a pager ('Previous', 'Next', 'Page' and
their kin in other languages)."""
PAGER_WORDS = PAGER_ANCHORS | frozenset(
    {
        "first",
        "last",
        "go",
        "to",
        "of",
        "earlier",
        "later",
        "posts",
        "entries",
        "topic",
        "thread",
        "message",
        "view",
        "results",
        "первая",
        "последняя",
        "к",
        "на",
        "из",
        "von",
        "de",
        "sur",
        "di",
        "z",
        "з",
    }
)
"""The words of a pager ('Go to page Previous 1, 2, 3 Next', 'View previous topic :: View
next topic', 'Previous thread | Next thread', '< Предыдущая   Следующая >'); numbers stand
between them."""
PAGER_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
MONTHS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "янв",
        "фев",
        "мар",
        "апр",
        "май",
        "июн",
        "июл",
        "авг",
        "сен",
        "окт",
        "ноя",
        "дек",
    ]
)
WEEKDAYS = frozenset(
    [
        "mo",
        "tu",
        "we",
        "th",
        "fr",
        "sa",
        "su",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "пн",
        "вт",
        "ср",
        "чт",
        "пт",
        "сб",
        "вс",
    ]
)
MIN_CALENDAR_NAMES = 6


MORE_CONTROL = re.compile(
    r"^(?:show|load|see|view|read|expand) (?:\d+ )?(?:more|all|less|fewer|older|newer)"
    r"(?: (?:\d+ )?(?:posts|articles|stories|news|comments|replies|results|items|answers"
    r"|entries|updates|headlines))?(?:\s*\(\d+\))?(?:\s*[»›→>↓▼+]+|\.\.\.|…)?$"
    r"|^(?:показать|загрузить|смотреть|читать) (?:ещё|еще|все|далее|полностью)"
    r"(?: \d+)?(?: [а-яё]+)?(?:\s*[»›→>↓▼]+|\.\.\.|…)?$|^подробнее(?:\s*[»›→>]+|\.\.\.|…)?$",
    re.IGNORECASE,
)
"""A control that loads or unfolds more of a list ('Load more', 'Show all 12 replies',
'See more stories ›', 'Показать ещё'): the pager of an endless page."""


def is_pager(text: str) -> bool:
    """Pagination ('Page: [1]', 'Pages (3): 1 2 3 »', 'Previous 1, 2, 3 Next', '‹ Older
    posts  Newer posts ›', 'Load more') or an archive's calendar row ('Jan Feb Mar … Dec',
    'Mo Tu We Th Fr Sa Su'): only pager words and numbers, one of them a page's own word."""
    if len(text) > 120 or (ends_sentence(text) and not text.endswith(("…", "..."))):
        return False
    if MORE_CONTROL.match(text):
        return True
    tokens = [token.casefold() for token in PAGER_TOKEN.findall(text)]
    if not tokens:
        return False
    if len(tokens) >= MIN_CALENDAR_NAMES and (
        all(token in MONTHS for token in tokens) or all(token in WEEKDAYS for token in tokens)
    ):
        return True
    if not all(token.isdigit() or token in PAGER_WORDS for token in tokens):
        return False
    anchors = sum(token in PAGER_ANCHORS for token in tokens)
    numbers = sum(token.isdigit() for token in tokens)
    return anchors >= 1 and (numbers >= 1 or anchors >= 2) and len(tokens) >= 2


TOOLBAR_SEPARATOR = re.compile(r"\s{2,}|\s*[|·•►▶\[\]]\s*")
"""What parts the cells of a thread's toolbar: wide gaps, bars, dots and brackets."""


def is_toolbar(text: str) -> bool:
    """A thread's toolbar: buttons beside a counter or a pager on one row ('Post new topic
    Reply to topic  [ 84 posts ]  Go to page Previous  1, 2, 3, 4, 5  Next'): each cell
    made of buttons' labels, a counter, or a pager's words and numbers."""
    if len(text) > 160 or ends_sentence(text):
        return False
    cells = [cell.strip() for cell in TOOLBAR_SEPARATOR.split(text) if cell.strip()]
    if len(cells) < 2:
        return False
    kinds: set[str] = set()
    for cell in cells:
        tokens = [token.casefold() for token in PAGER_TOKEN.findall(cell)]
        if is_counter_line(cell):
            kinds.add("counter")
        elif (labels := button_labels(cell)) is not None:
            kinds.add("button" if any(label in ACTION_LABELS for label in labels) else "link")
        elif tokens and all(token.isdigit() or token in PAGER_WORDS for token in tokens):
            kinds.add("pager" if any(token in PAGER_ANCHORS for token in tokens) else "number")
        else:
            return False
    return bool("button" in kinds and kinds & {"counter", "pager"})


CRUMB_ARROW = re.compile(r"\s+(?:›|»|>|->|→|::)\s+")
CRUMB_SLASH = re.compile(r"\s+[/\\]\s+")
MIN_CRUMBS = 3
MAX_CRUMB_WORDS = 5
CRUMB_HOMES = frozenset({"home", "index", "forum index", "main", "главная", "форум", "site map"})


def is_breadcrumb(text: str) -> bool:
    """A breadcrumb trail ('Home › News › Politics', 'Site map › 2023 › March', 'Forum
    Index -> Regional Politics', 'Home / News'): three or more short crumbs set apart by
    arrows, or two or more when the first is the site's home (the only trail that spaced
    slashes mark: 'Yes / No / Don't know' is a poll's answers)."""
    if len(text) > 140 or ends_sentence(text):
        return False
    crumbs = [crumb.strip() for crumb in CRUMB_ARROW.split(text)]
    arrows = len(crumbs) > 1
    if not arrows:
        crumbs = [crumb.strip() for crumb in CRUMB_SLASH.split(text)]
    if (
        len(crumbs) < 2
        or not all(crumbs)
        or any(_more_words_than(crumb, MAX_CRUMB_WORDS) for crumb in crumbs)
    ):
        return False
    first = crumbs[0].casefold()
    return (
        (arrows and len(crumbs) >= MIN_CRUMBS) or first in CRUMB_HOMES or first.endswith(" index")
    )


SITE_NOTICE = re.compile(
    r"^(?:"
    # the wiki's or CMS's page footer
    r"(?:this|the) (?:page|article|entry|post) was last (?:edited|modified|updated)\b"
    r"|(?:text|content) is available under\b|all times are (?:gmt|utc)\b|the time now is\b"
    # terms and consent
    r"|by (?:using|continuing to (?:use|browse)|visiting) (?:this|our) (?:site|website|service)"
    r"|(?:this|our) (?:site|website) uses cookies\b|we use cookies\b"
    r"|(?:accept|manage|reject) (?:all )?cookies\b|cookie (?:policy|settings|preferences)\b"
    r"|(?=.{0,200}\bcookies?\b)(?=.{0,300}\b(?:consent|accept|browsing|your experience"
    r"|privacy (?:policy|settings)|personali[sz]ed?)\b)(?:we|this|our|by)\b"
    r"|(?:privacy policy|terms of (?:use|service)|user agreement)(?:\s*[|·•,&]\s*|\s+and\s+)"
    r"(?:privacy policy|terms of (?:use|service)|user agreement|cookie policy|contact(?: us)?)"
    r"|downloaded from \S+\.\s+ip address\b"
    # the comment form
    r"|fill in your details below\b|you are commenting using your\b"
    r"|notify me of (?:new|follow-up) (?:comments|posts)\b|your email address will not be "
    r"published\b|required fields are marked\b|save my name, e-?mail,? and website\b"
    r"|this site uses akismet\b|comments are closed\.?$|(?:the )?comments? (?:is|are) "
    r"(?:now )?closed\b|(?:you must be )?logged in to post a comment\b"
    r"|(?:comment|name|e-?mail(?: address)?|website|url)\s*(?:\*|\(required\))"
    r"(?:\s*\([^()]{1,40}\))?$"
    r"|(?:all |please note:? )?comments (?:are|will be) (?:moderated|reviewed|checked)\b"
    r"|(?:please )?(?:read|see|review|follow) (?:our|the) (?:community |comment(?:ing)? )?"
    r"(?:guidelines|rules|policy|standards)\b|our (?:comment(?:ing)?|community) (?:policy"
    r"|guidelines|rules|standards)\b"
    r"|follow (?:us|me)(?: on [\w ,&]{1,40})?:?$|join \d[\d,]* other (?:subscribers|followers)"
    # the subscribe box
    r"|(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ ){0,3}(?:newsletter|mailing list"
    r"|updates|digest)\b|enter your e-?mail(?: address)?(?: to| below|$)"
    r"|get (?:our|the) (?:\w+ ){0,4}(?:delivered )?(?:to|in) your inbox\b"
    # widget labels and in-article promotions
    r"|(?:\d[\d,.]*k? )?(?:users|people|readers|members) (?:here now|online)$|(?:story|article) continues(?: below)?(?: advertisement)?$"
    r"|(?:popular|most (?:read|popular|viewed|shared|commented)|trending(?: now)?"
    r"|top stories|recommended(?: for you)?|editor'?s picks"
    r"|(?:other |more )?related (?:topics|discussions|threads|posts|articles|stories|links))"
    r":?$"
    r"|(?:читайте|смотрите) также:?$|(?:also )?read also:?$|(?:поделиться|поделитесь)"
    r"(?: ссылкой| в соцсетях| с друзьями)?:?(?:\s+\d+)?$|(?:скопировать|копировать) ссылку$"
    r"|(?:ссылка скопирована|link copied)$|(?:похожие|связанные|другие) (?:записи|статьи"
    r"|материалы|новости|темы|вопросы|публикации)(?: рубрики| по теме)?:?$"
    r"|(?:новости|материалы|статьи) по теме:?$|(?:add|write|post) a comment$"
    r"|(?:оставить|написать|добавить) комментарий$|was this (?:article |page |post |answer )?"
    r"helpful\??$|print (?:this )?(?:page|article|story|post)$"
    r"|go deeper$|(?:sort(?:ed)?(?: by)?|сортировка|сортировать(?: по)?):?(?:\s*(?:best|top"
    r"|new|newest|oldest|old|hot|controversial|rising|date|popular|latest|relevance|most \w+"
    r"|горячие|лучшие|новые|старые|популярные|активные)){0,8}$"
    r")",
    re.IGNORECASE,
)
"""A notice many sites print about themselves rather than about the post: the wiki's 'This
page was last edited …', terms and cookie consent, a comment form's instructions and
policy, a subscribe box's call, a widget's label ('Most read', 'users here now'), a sort
control ('sorted by: best', 'Sort: Top New Old')."""
MAX_NOTICE_WORDS = 40

REACTION = re.compile(
    r"^[\w.@-]{2,40}(?: [\w.@-]{1,40})?(?:,? and (?:\d+ )?others?)? (?:liked|likes|reblogged|"
    r"upvoted|reacted to) (?:this|that|your post)\.?$|^\d+ (?:people|others|users|members) "
    r"(?:like|liked|found) (?:this|that)(?: helpful| useful)?\.?$",
    re.IGNORECASE,
)
"""Who reacted to a post ('oksana_nn liked this.', '3 people like this')."""


def is_site_notice(text: str) -> bool:
    """A site's notice about itself (:data:`SITE_NOTICE`) or a reaction (:data:`REACTION`),
    of at most ``MAX_NOTICE_WORDS`` words."""
    return not _more_words_than(text, MAX_NOTICE_WORDS) and bool(
        SITE_NOTICE.match(text.lstrip("*•·-– ")) or REACTION.match(text)
    )


def is_echo_trailer(text: str, next_text: str | None) -> bool:
    """The lines closing an echomail message (FidoNet): its tear line over its origin line,
    the origin line, the routing lines ('SEEN-BY:', 'PATH:')."""
    if ECHO_ORIGIN.match(text) or ECHO_TRAILER.match(text):
        return True
    return bool(TEAR_LINE.match(text) and next_text and ECHO_ORIGIN.match(next_text))


def classify_line(
    text: str, next_text: str | None = None, prev_text: str | None = None, wrapped: bool = False
) -> str | None:
    """The boilerplate rule one line matches, or None for content (a '>' quoted line is
    always content: what someone wrote, quoted)."""
    if not text or text.startswith(">"):
        return None
    if is_nav_link(text):
        return "nav_link"
    if is_series_nav(text):
        return "series_nav"
    if is_link_residue(text):
        return "link_residue"
    if SEPARATOR.match(text):
        return "separator"
    if is_page_chrome(text) or is_link_row(text, next_text, prev_text):
        return "page_chrome"
    if is_echo_trailer(text, next_text):
        return "page_chrome"
    if is_dangling_link(text, next_text, prev_text, wrapped):
        return "dangling_link"
    return widget_rule(text)


CREDIT_WORD = (
    r"(?:cover )?(?:photo(?:graph)?s?|images?|pictures?|illustrations?|фото(?:графия)?"
    r"|иллюстрация)(?: credit)?"
)
PHOTO_AGENCY = r"afp|reuters|ap|epa|tass|pool|getty images|sputnik|shutterstock|alamy|ria"
CAPTION_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?])\s+|[(\[])(?P<word>{CREDIT_WORD})\s*:\s*(?P<credit>[^.:]{{2,60}})[\])]?$"
    rf"|^[^.]{{3,40}}/\s?(?:{PHOTO_AGENCY})\b[^.]{{0,30}}$",
    re.IGNORECASE,
)
"""A picture's credit, alone or closing its caption ('Photo: Kivach-Press / Artyom Galich',
'… in Pskov. Photo: Pskov Courier', 'Timur Aliev/AFP via Getty Images')."""
MAX_CAPTION_WORDS = 50
MAX_KICKER_CREDIT_WORDS = 4
"""Most words a credit after a capitals 'PHOTOS:' may have: more make a headline under
its kicker ('PHOTOS: Thousands rally in Kazan against the new tax')."""
WRITER_CREDIT = re.compile(r"^(?:words|text|story|reporting|текст)\s*:", re.IGNORECASE)
"""A credit line that names the writer first ('Words: Anna Lind. Photos: …'): a byline."""


def is_caption_credit(text: str) -> bool:
    """A picture's credit (:data:`CAPTION_CREDIT`) in a line of at most
    ``MAX_CAPTION_WORDS`` words that names no writer and is no headline under a kicker."""
    if ":" not in text and "/" not in text:  # each form of the credit needs one
        return False
    if _more_words_than(text, MAX_CAPTION_WORDS) or WRITER_CREDIT.match(text):
        return False
    match = CAPTION_CREDIT.search(text)
    if match is None:
        return False
    word, credit = match.group("word"), match.group("credit")
    return not (
        word is not None
        and word.isupper()
        and "/" not in credit
        and _more_words_than(credit, MAX_KICKER_CREDIT_WORDS)
    )


def rule_at(texts: Sequence[str], position: int, next_text: str | None) -> str | None:
    """The boilerplate rule of the line at `position` among the stripped `texts` ("" for a
    blank line), None for content. `next_text`: the next non-blank text after it (None at
    the end). A line's rule depends on its neighbours' texts only, never on their rules,
    so any line can be asked on its own."""
    text = texts[position]
    if not text:
        return None
    following = texts[position + 1] if position + 1 < len(texts) else ""
    prev_text = (texts[position - 1] or None) if position > 0 else None
    return classify_line(text, next_text, prev_text, following[:1].islower())


def next_texts(texts: Sequence[str]) -> list[str | None]:
    """For each position, the next non-blank text after it (None: none follows)."""
    found: list[str | None] = [None] * len(texts)
    next_text: str | None = None
    for position in range(len(texts) - 1, -1, -1):
        found[position] = next_text
        if texts[position]:
            next_text = texts[position]
    return found


LEGAL_LINKS = frozenset(
    {
        "terms",
        "terms of use",
        "terms of service",
        "terms and conditions",
        "privacy",
        "privacy policy",
        "cookies",
        "cookie policy",
        "legal",
        "imprint",
        "impressum",
        "политика конфиденциальности",
        "пользовательское соглашение",
    }
)
"""The links of a site's legal footer: one of them marks a run of footer links."""
FOOTER_LINKS = LEGAL_LINKS | frozenset(
    {
        "about",
        "about us",
        "contact",
        "contact us",
        "help",
        "faq",
        "sitemap",
        "site map",
        "advertise",
        "advertising",
        "careers",
        "jobs",
        "press",
        "accessibility",
        "rules",
        "source",
        "source code",
        "api",
        "blog",
        "status",
        "rss",
        "feedback",
        "donate",
        "support",
        "apps",
        "code of conduct",
        "о нас",
        "о проекте",
        "контакты",
        "реклама",
        "помощь",
        "правила",
        "вакансии",
    }
)
"""The links of a site's footer menu ('About', 'Help', 'Contact', 'Terms', 'Privacy')."""
FOOTER_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s{2,}")
MIN_FOOTER_RUN = 3


def footer_links(text: str) -> list[str] | None:
    """The footer links a line is made of ('contact terms privacy', 'Privacy  |  Terms'),
    read longest first; None when any of its words is none."""
    found: list[str] = []
    for cell in FOOTER_SEPARATOR.split(text):
        links = read_phrases(cell, FOOTER_LINKS)
        if links is None:
            return None
        found.extend(links)
    return found or None


def is_footer_row(text: str) -> bool:
    """A row of two or more footer links, one of them a site's own page ('About | Help |
    Contact', 'contact terms privacy')."""
    if len(text) > 100:
        return False
    links = footer_links(text)
    return links is not None and len(links) >= 2


WIDGET_TESTS: tuple[tuple[Callable[[str], bool], str], ...] = (
    (is_counter_line, "counter"),
    (is_action_row, "action_row"),
    (is_pager, "pager"),
    (is_toolbar, "action_row"),
    (is_breadcrumb, "breadcrumb"),
    (is_site_notice, "site_notice"),
    (is_caption_credit, "caption_credit"),
    (is_footer_row, "footer_links"),
)
"""The widget tests in the order they are asked, each with the rule of a line it accepts."""
WIDGET_RULES = frozenset(rule for _, rule in WIDGET_TESTS)
"""The rules of :func:`widget_rule`: a post's own furniture (its buttons, its counters) is
what a thread's frames repeat, so a reader of frames still sees those lines."""


def widget_rule(text: str) -> str | None:
    """The rule of a line of a page's widgets, judged by shape alone, never for a line that
    carries a byline or a date."""
    rule = next((rule for test, rule in WIDGET_TESTS if test(text)), None)
    if rule is None:
        return None
    return rule if find_byline(text) is None and find_date(text) is None else None


def footer_runs(lines: Sequence[Line]) -> set[int]:
    """Indices of the runs of lines that are each one footer link ('About' / 'Help' /
    'Contact'): ``MIN_FOOTER_RUN`` lines or more, or two when one is a legal link ('Terms'
    / 'Source'); blank lines do not break a run. One such word alone, or one right over a
    sentence, is a heading."""
    found: set[int] = set()
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.is_blank:
            continue
        links = footer_links(line.text) if line is not None and len(line.text) <= 40 else None
        if links is not None and len(links) == 1:
            run.append(line)  # type: ignore[arg-type]
            continue
        if (
            run
            and line is not None
            and line.index == run[-1].index + 1
            and ends_sentence(line.text)
        ):
            run.pop()  # a heading over its text ('Rules' / 'The rules are simple.')
        legal = any(item.text.casefold() in LEGAL_LINKS for item in run)
        if len(run) >= MIN_FOOTER_RUN or (len(run) == 2 and legal):
            found.update(item.index for item in run)
        run = []
    return found


BACK_STEP = re.compile(r"^[«‹←<]\s+(?P<label>[^«»‹›←→<>]+)$")
FORWARD_STEP = re.compile(r"^(?P<label>[^«»‹›←→<>]+)\s+[»›→>]$")
MAX_STEP_WORDS = 10


def is_step_pair(above: str, below: str) -> bool:
    """Two lines, one right under the other, that step back and forward ('« <title of the
    previous post>' over '<title of the next one> »', '« Previous letter' over 'Next
    letter »'): a post's navigation, each label a few words and no sentence."""
    back, forward = BACK_STEP.match(above), FORWARD_STEP.match(below)
    return (
        back is not None
        and forward is not None
        and all(
            not _more_words_than(label, MAX_STEP_WORDS) and not ends_sentence(label)
            for label in (back["label"], forward["label"])
        )
    )


def find_boilerplate(lines: Sequence[Line]) -> dict[int, str]:
    """Map line index -> rule name for every boilerplate line among ``lines``: each line's
    rule (:func:`rule_at`), and what only their neighbours show: the runs of footer
    links (:func:`footer_runs`, rule ``footer_links``) and a step back over a step forward
    (:func:`is_step_pair`, rule ``nav_link``)."""
    texts = [line.text for line in lines]  # stripped once; "" is a blank line
    found: dict[int, str] = {}
    for position, next_text in enumerate(next_texts(texts)):
        rule = rule_at(texts, position, next_text)
        if rule:
            found[lines[position].index] = rule
    for index in footer_runs(lines):
        found.setdefault(index, "footer_links")
    for above, below in pairwise(lines):
        if is_step_pair(above.text, below.text):
            found.setdefault(above.index, "nav_link")
            found.setdefault(below.index, "nav_link")
    return dict(sorted(found.items()))
