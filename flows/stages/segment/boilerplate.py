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
    expressed … are those of the author', 'Мнение автора может не совпадать …'). A line
    that carries a byline or a date is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.lines import OPENING_QUOTES, Line, ends_sentence
from flows.stages.segment.meta import find_byline, find_date

NAV_LABELS = frozenset(
    {
        "all posts",
        "all articles",
        "all news",
        "все новости",
        "back",
        "back to top",
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
    rf"^(?:[•*-]\s*)?(?:(?:share|tweet|post)(?: this)?(?: on| via| to)?:?\s*)?"
    rf"(?:(?:{SOCIAL})(?:\s*[|,/·•]\s*|\s+|$))+$",
    re.IGNORECASE,
)
READING_TIME = (
    r"(?:reading time:?\s*)?(?:\d+|an?|one)(?:\s*|-)(?:min|mins|minutes?)(?: read)?(?: read)?"
)
"""A post's reading time ('5 min read', '9-minute read', 'Reading time: 4 minutes')."""
READING_TIME_LINE = re.compile(rf"^{READING_TIME}$", re.IGNORECASE)
CHROME_LINE = re.compile(
    r"^(?:share this(?: article| post| story)?:?|share (?:the |full )?(?:article|post|story)"
    r"|share:|like this:?|like loading\.*|related"
    r"(?: posts| articles| stories| news| content| coverage| reading)?:?|you (?:may|might) also like:?|leave a (?:reply|comment)(?: cancel reply)?"
    r"|post navigation|search for:?|recent posts|recent comments|archives|categories|meta"
    r"|tags?:.*|filed under:?.*|posted in .+\|.*|(?:this entry was )?(?:posted in .{1,120}?\.\s*)?"
    r"bookmark the permalink\.?|(?:(?:back|return) to [^|•]{1,40}?\s*[|•]\s*)+(?:back|return) to [^|•]{1,40}|\d+ (?:comments?|responses?|replies|комментари(?:й|я|ев))"
    r"|(?:show|load|view|see) (?:\d+ )?more (?:comments?|replies)|показать (?:ещё|еще) \d+ комментари(?:й|я|ев)"
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
        )
    if not LINK_WORDS.search(text):
        return False
    return not (next_text and next_text.lstrip()[:1] in OPENING_QUOTES)


def is_page_chrome(text: str) -> bool:
    """A share bar, a widget label, a comment counter, a footer (see the module docstring);
    never a line that carries a byline or a date."""
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
    if is_dangling_link(text, next_text, prev_text, wrapped):
        return "dangling_link"
    return None


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


def find_boilerplate(lines: Sequence[Line]) -> dict[int, str]:
    """Map line index -> rule name for every boilerplate line among ``lines``."""
    texts = [line.text for line in lines]  # stripped once; "" is a blank line
    found: dict[int, str] = {}
    for position, next_text in enumerate(next_texts(texts)):
        rule = rule_at(texts, position, next_text)
        if rule:
            found[lines[position].index] = rule
    return dict(sorted(found.items()))
