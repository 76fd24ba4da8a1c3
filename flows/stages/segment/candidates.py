"""Titles and authors chosen by scored candidates.

Every line of a post's head is a candidate title, and every line naming a person there a
candidate author. Each candidate gets a transparent linear score from general format
features (position, length, ending punctuation, whether it is a dateline, a breadcrumb, a
category label, a byline, a photo credit, a share bar, a site's name, a line repeated
elsewhere on the page) and the best one wins. The ordered rules of a layout keep their
say as one strong feature (``RULE_PICK``): a candidate beats the rules' choice only when
that choice carries a disqualifying feature, so a head with a breadcrumb over the headline
or a byline shaped like a headline still gets its title without a rule of its own. Web
heads and thread heads (:func:`best_untitled` where a grammar read no title) both choose
here.

Pure functions on text; the weights are named constants, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.mail_fields import SUBJECT_LABELS
from flows.stages.segment.boilerplate import CHROME_LINE, SHARE_BAR
from flows.stages.segment.lines import ends_sentence, is_all_caps, word_count
from flows.stages.segment.meta import (
    AFFILIATION,
    CREDITS_AFTER,
    LINK_VERBS,
    NOT_BYLINE,
    REPLY_PREFIX,
    WIDGET_WORDS,
    find_byline,
    find_date,
    is_breadcrumb,
    is_byline_label,
    is_dateline,
    person_names,
)

CAPTION = re.compile(
    r"\b(?:photo|image|picture|illustration|credit|source|video)s?\s*(?:by\s+\S+\s*)?:|"
    r"\((?:photo|image|picture)\b|\b(?:getty images|reuters|afp|ap photo|tass|shutterstock)\b",
    re.IGNORECASE,
)
"""A photo caption or credit ('Photo: personal archive', '(Photo by ...)')."""

PICTURE_CREDIT = re.compile(
    r"^(?:photo(?:graph)?s?|images?|pictures?|illustrations?)\s*(?:by\b|:)", re.IGNORECASE
)
"""A line opening with a picture's credit ('Photo: Anna Lind / Agency', 'Illustration by
X'): furniture of the picture, never a post's title."""


def is_picture_credit(text: str) -> bool:
    """A picture's credit line with no date on it (a dated line is kept as metadata)."""
    return PICTURE_CREDIT.match(text) is not None and find_date(text) is None


POSTER_LINE = re.compile(
    r"^(?:[^,|·•]{1,40}(?:,|\s[|·•])\s+)?"
    r"(?:(?:question|topic|thread|story|article|post|entry|message|discussion|poll)\s+)?"
    r"(?:posted|submitted|started|written|asked|shared|opened)\b.{0,40}?"
    r"\bby\s+\S"
    r"|^\d[\d,.]*\s+(?:points?|votes?)\s+by\s+\S",
    re.IGNORECASE,
)
"""A post's header naming its poster, whatever the name's shape ('Posted by u/volga_reader
5 hours ago', 'submitted 2 days ago by x@lemmy.world to y', 'Question asked by X on
<date>', 'Topic started by X'), maybe after a first cell of scores ('38 up and 4 down,
posted by x 7 hours ago'), or an aggregator's score and poster ('214 points by x 6 hours
ago'): never a title."""

POSTER = re.compile(r"\bby\s+(?P<name>(?:u/)?[\w][\w.@-]{1,60}?)[.,:;]?(?=\s|$)", re.IGNORECASE)


def poster_name(text: str) -> str | None:
    """The poster named on a post's header line (:data:`POSTER_LINE`: 'Posted by
    u/volga_reader 5 hours ago' -> 'u/volga_reader'; 'Question asked by Lena Gorbunova on
    Mar 11, 2024' -> 'Lena Gorbunova', a person's full name before the date), else None."""
    if POSTER_LINE.match(text) is None or NOT_BYLINE.search(text):
        return None
    named = NAMED_POSTER.search(text)
    if named is not None and (names := person_names(named.group("name"))) is not None:
        return names
    match = POSTER.search(text)
    return match.group("name") if match else None


NAMED_POSTER = re.compile(
    r"\bby\s+(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3}?)"
    r"(?=\s+(?:on|at|in)\s|\s*[,|·•]|\s*$)"
)
"""The full name after 'by' on a poster's header, up to the date, a place or a separator."""


FIELD_LINE = re.compile(r"^(?P<label>[^\W\d_][^\W\d_ ]{1,19}(?: [^\W\d_]{2,20})?)\s*:\s+\S")
"""A field's label of one or two words, a colon and a value ('Category: Analysis',
'SUMMARY: The Department of ...', 'Filed under: Elections'); whether it is a field or a
headline with a colon ('Ukraine: the long war') is read from its neighbours
(:func:`in_field_block`)."""


def is_field_line(text: str) -> bool:
    """A `Label: value` line (:data:`FIELD_LINE`) whose label is capitalised, and no
    mail subject after its reply prefix ('Re: Turnout in Kazan' is a title) nor a title
    under its label (:data:`TITLE_LABEL`: 'Title: X' names the title itself)."""
    return (
        ":" in text[:24]
        and (match := FIELD_LINE.match(text)) is not None
        and (match.group("label")[:1].isupper())
        and REPLY_PREFIX.match(text) is None
        and TITLE_LABEL.match(text) is None
    )


TITLE_LABEL = re.compile(
    r"^(?:(?:#{1,6}|>)[ \t]+(?=\S)|(?:post\s+)?(?:title|topic|thread|full version|заголовок"
    rf"|тема\s+сообщения|{SUBJECT_LABELS})\s*:\s*(?=\S))",
    re.IGNORECASE,
)
"""What a page prints before a post's title to say what it is, and no part of it: a
field's label ('Title: X', 'Topic: X', 'Тема: X', a board's 'Post subject: Re: X', an
archive view's 'Full Version: X'), a Markdown export's heading marks ('# X', '## X') or
a board's mark before a topic's title ('> X')."""


def unlabelled_title(text: str) -> str:
    """The title without its label or heading marks (:data:`TITLE_LABEL`): 'Title: Municipal
    filters' -> 'Municipal filters', '# Why turnout fell' -> 'Why turnout fell'; a reply's
    prefix stays ('Subject: Re: X' -> 'Re: X')."""
    return TITLE_LABEL.sub("", text, count=1)


TAIL_CELLS = re.compile(r"(?:\s{2,}[^\s.!?,;:][^\s]*(?: [^\s]+){0,2}){1,6}\s*$")
"""Short cells set after a title by gaps of two spaces or more ('<title>  law  privacy
example.org'): the story's tags, its link's domain, a menu's 'Options'."""
GLUED_FLAIR = re.compile(r"(?<=[?!])[^\W\d_][\w-]*(?: [^\W\d_][\w-]*)?$")
"""A label of a word or two glued to a question's or an exclamation's mark ('Did the vote
count?Politics'): a post's flair, printed with no space after the title."""


def untrailed_title(text: str) -> str:
    """The title without the cells a page prints after it (:data:`TAIL_CELLS`,
    :data:`GLUED_FLAIR`) when ``MIN_HEADLINE_WORDS`` words or more stay: 'Escrow for
    government software  law  example.org' -> 'Escrow for government software'; a
    line of cells alone stays whole (a menu is no title, but no title is made of it)."""
    stripped = text.strip()
    for tail in (TAIL_CELLS, GLUED_FLAIR):
        cut = tail.sub("", stripped)
        if cut != stripped and word_count(cut) >= MIN_HEADLINE_WORDS:
            stripped = cut.rstrip()
    return stripped


def _is_meta_line(text: str) -> bool:
    """A byline, a dateline or a field: a line of a head's metadata block."""
    return (
        is_field_line(text)
        or find_byline(text) is not None
        or POSTER_LINE.match(text) is not None
        or is_dateline(text)
    )


def in_field_block(texts: Sequence[str], position: int) -> bool:
    """Whether the line is a `Label: value` field standing beside another line of a
    metadata block (a field, a byline, a dateline) right above or below it: a run of
    fields ('Written by X' / 'Category: Analysis' / 'Published: <date>'; 'AGENCY: …' /
    'ACTION: …' / 'SUMMARY: …') is metadata, while a headline with a colon stands alone
    over its byline."""
    if not is_field_line(texts[position]):
        return False
    return any(
        0 <= near < len(texts) and _is_meta_line(texts[near])
        for near in (position - 1, position + 1)
    )


def is_tag_row(text: str) -> bool:
    """A row of hashtags ('#python #opendata'): the post's tags, never its title."""
    words = text.split()
    return (
        bool(words)
        and text.lstrip()[:1] == "#"
        and all(word.startswith("#") and len(word) > 1 for word in words)
    )


TRAILING_TAGS = re.compile(r"(?:\s+#[^\W\d_][\w-]*)+$")
"""A run of hashtags closing a line ('Mayors abolished in Tomsk #mayors #tomsk')."""


def untagged(text: str) -> str:
    """The title without the hashtags a topic line closes with (the topic's tags, which a
    forum or a mailing list's archive prints after its subject), or the line unchanged
    when nothing is left of it without them."""
    cut = TRAILING_TAGS.sub("", text)
    return cut if word_count(cut) >= MIN_UNTAGGED_WORDS else text


MIN_UNTAGGED_WORDS = 2


LABELLED_NAME = re.compile(r"^(?P<label>[^\W\d_]{2,14})\s*:\s*(?P<name>[^:]{3,80})$")
"""A one-word label, a colon and a value ('Text: Anna Lind', 'Words: A and B'): a byline
when the value is people's names and the label is no credit ('Photo:', 'Source:')."""

# Title weights.
RULE_PICK = 4.0
"""The layout's ordered rules chose this line: they are right on most heads, so only a
disqualifying feature may overturn them."""
HEADLINE_LENGTH = 1.0
"""Three to twenty-five words: the length of a headline."""
SHORT_LABEL = -1.5
"""One or two words: a section name, a menu item, a kicker."""
SENTENCE_END = -1.0
"""A closing full stop: a deck or a teaser rather than a headline."""
CATEGORY_LABEL = -3.0
"""A short line in capitals ('POLITICS', 'EXCLUSIVE'): a category label or a kicker."""
NOT_A_TITLE = -10.0
"""A dateline, a breadcrumb, a byline, a field of a metadata block, a row of hashtags:
metadata, never the title."""
CREDIT = -6.0
"""A photo caption or credit, a share bar, a link's call ('click for pdf'), a button's
label, a line holding an address ('Retrieved from "https://…"'), a pager's link ('January
2027 →'), a note in square brackets: page furniture."""
COUNTER = -6.0
"""A short line opening or closing with a number ('2,1 тыс. прочитали', 'Comments 14'):
a counter or a reading time."""
SITE_NAME = -4.0
"""The site's name, as its copyright line writes it: a masthead. (The page's first line
is no such evidence: it is often the browser's title, the headline itself.)"""
UNDER_HEADLINE = -3.0
"""A short line right under a longer headline-shaped line: the byline's name, a channel,
a caption's credit, never the headline it stands under."""
WIDGET_TEASER = -4.0
"""One of the titles listed under a widget's heading ('Trending', 'Latest', 'Related
News'): another post's headline."""
REPEATED_BELOW = -2.5
"""Written again under the body: a widget's teaser (related, trending, most read). Not the
head's last line, right over the body: a blog's list of recent posts or its archive
names the post itself."""
TRUNCATED_COPY = -4.0
"""A line cut with an ellipsis whose words open another line of the head (a browser's or
a card's truncated copy of the headline): the full line is the title."""
WRAPPED_COPY = -4.0
"""A line holding another line of the head whole, with words around it ('Cover image for
<headline>', '<headline> | <site>'): an image's text or a browser's title wrapping the
headline, which is the shorter line."""
UNDER_HEADLINE_DECK = -5.0
"""A line standing right under a headline-shaped line, as long as it or longer and written
as a sentence (a comma inside or a closing stop): the standfirst that explains the
headline over it ('Why X was moved' / 'Single voting day, explained, and what it
changed'), never the title itself."""
OVER_DECK = 3.0
"""Right above its deck (:data:`UNDER_HEADLINE_DECK`): the headline the standfirst
explains, even when a comment panel or a widget writes it again under the body."""
OVER_BYLINE = 2.0
"""Right above the post's byline or dateline (the next line of the head, or the header
naming a thread's poster under the head's last line): where a headline stands, over its
own metadata. A label of one or two words there is a section's or a site's name."""
SLOGAN = -4.0
"""Right under the site's name opening the head: the masthead's slogan ('<Site>' / 'Notes
on politics in the Volga republics'), which a blog prints over every post."""
MIN_UNTITLED_SCORE = 0.6
"""The least score of a line taken as the title of a head whose rules found none: a
headline's length with nothing against it, a few lines up at most (a
section's two-word name right over the byline scores less)."""
PER_LINE_UP = -0.1
"""Each line between the candidate and the body: the headline stands near the text."""

NAME_MARKER = re.compile(r"(?<=[^\W\d_])(?:\d{1,2}|\*{1,3}|[†‡§])(?=[\s,]|$)")
"""A superscript mark glued to an author's name, pointing to an affiliation ('Anna Petrova1',
'Ivan Sidorov**', 'Lind†')."""
AFFILIATION_MARK = re.compile(r"^(?:\d{1,2}|\*{1,3}|[†‡§])\s*")
"""The mark opening an affiliation line ('1 University of Helsinki', '** University of
Tartu')."""
MAIL_ADDRESS = re.compile(r"^\S+@[\w-]+(?:\.[\w-]+)+$")
MAX_AFFILIATION_WORDS = 16
MAX_AFFILIATION_LINES = 6
"""The most lines of affiliations (and addresses) under a paper's names."""


def marked_names(text: str) -> str | None:
    """The names on a line of a paper's authors, their superscript marks taken off ('Anna
    Petrova1 and Ivan Sidorov2' -> 'Anna Petrova and Ivan Sidorov'); None on a line that
    is not only names."""
    if len(text) > MAX_NAMES_CHARS:
        return None
    return person_names(" ".join(NAME_MARKER.sub("", text).split()))


MAX_NAMES_CHARS = 200


def is_affiliation_line(text: str) -> bool:
    """An affiliation under a paper's names: short, no sentence, naming an institution
    ('1 European University at St Petersburg', 'Department of Politics, University of X')
    or an e-mail address, its superscript mark allowed."""
    body = AFFILIATION_MARK.sub("", text.strip())
    if not body or word_count(body) > MAX_AFFILIATION_WORDS or ends_sentence(body):
        return False
    if MAIL_ADDRESS.match(body) is not None:
        return True
    return AFFILIATION.search(body) is not None and _institution_case(body)


INSTITUTION_LINKS = frozenset({"of", "at", "for", "the", "and", "in", "on", "de", "&"})
"""The words an institution's name writes in lower case ('University of Tartu')."""


def _institution_case(text: str) -> bool:
    """Whether the line is written as an institution's name: in English every word
    capitalised but the linking ones ('European University at St Petersburg'), where a
    headline naming one has words in lower case ('Moscow State University expels three
    activists'); Russian capitalises a name's first word only, so any Cyrillic line
    passes."""
    if any("а" <= char <= "я" or char == "ё" for char in text.casefold()):
        return True
    return all(
        word[:1].isupper() or word.casefold() in INSTITUTION_LINKS or not word[:1].isalpha()
        for word in text.replace(",", " ").split()
    )


def _names_over_affiliation(texts: Sequence[str], position: int) -> bool:
    """Whether the line is a paper's names with an affiliation line right under it."""
    below = position + 1
    return (
        below < len(texts)
        and is_affiliation_line(texts[below])
        and marked_names(texts[position]) is not None
    )


def in_affiliation_block(texts: Sequence[str], position: int) -> bool:
    """Whether the line is one of the affiliation lines under a paper's names (walking up
    over affiliations to the names): metadata, never the title. A headline naming a
    university stands over no such names."""
    if not is_affiliation_line(texts[position]):
        return False
    for above in range(position - 1, max(-1, position - 1 - MAX_AFFILIATION_LINES), -1):
        if _names_over_affiliation(texts, above):
            return True
        if not is_affiliation_line(texts[above]):
            return False
    return False


# Author weights.
AUTHOR_RULE_PICK = 4.0
"""The layout's rules read this line as the byline."""
BYLINE_FORM = 5.0
"""A byline's form ('By X', 'Posted by X', 'X | date', 'Author: X')."""
AFFILIATED_NAMES = 4.0
"""A line of people's names right over an affiliation line: a paper's authors."""
LABELLED_BYLINE = 3.0
"""A labelled field holding only names ('Text: X'), written beside the dateline."""
BESIDE_DATE = 1.0
"""Right above or below a dateline: where bylines stand."""
CREDIT_NAME = -10.0
"""A credit that is not the author's ('Photo: X', 'Translated by X')."""
MIN_AUTHOR_SCORE = 3.0
"""The least score of a name taken as the author: a name alone is no byline."""


MAX_HEADLINE_WORDS = 25
"""The most words of a headline."""
MIN_HEADLINE_WORDS = 5
"""The fewest words of a line that reads as a headline whatever its case."""
MAX_LABEL_WORDS = 2
"""The most words of a short label (a section, a channel's or a person's name)."""


@dataclass(frozen=True, slots=True)
class TitleFeatures:
    """What a line's format says about it as a post's title."""

    words: int
    lines_up: int
    rule_pick: bool = False
    ends_sentence: bool = False
    dateline: bool = False
    breadcrumb: bool = False
    byline: bool = False
    field: bool = False
    category_label: bool = False
    credit: bool = False
    counter: bool = False
    site_name: bool = False
    under_headline: bool = False
    widget_teaser: bool = False
    repeated_below: bool = False
    deck: bool = False
    over_deck: bool = False
    over_byline: bool = False
    slogan: bool = False
    truncated_copy: bool = False
    wrapped_copy: bool = False


_TITLE_FLAGS = {
    "rule_pick": RULE_PICK,
    "ends_sentence": SENTENCE_END,
    "category_label": CATEGORY_LABEL,
    "credit": CREDIT,
    "counter": COUNTER,
    "site_name": SITE_NAME,
    "under_headline": UNDER_HEADLINE,
    "widget_teaser": WIDGET_TEASER,
    "repeated_below": REPEATED_BELOW,
    "deck": UNDER_HEADLINE_DECK,
    "over_deck": OVER_DECK,
    "over_byline": OVER_BYLINE,
    "slogan": SLOGAN,
    "truncated_copy": TRUNCATED_COPY,
    "wrapped_copy": WRAPPED_COPY,
}
"""The weight of each yes-or-no feature of :class:`TitleFeatures`."""


def title_terms(features: TitleFeatures) -> dict[str, float]:
    """The score's terms, one per feature present (its weight, or the distance's share):
    what the choice of a title rests on, for a reader or a test to see."""
    terms = {"lines_up": PER_LINE_UP * features.lines_up}
    if features.words <= MAX_LABEL_WORDS:
        terms["short_label"] = SHORT_LABEL
    elif features.words <= MAX_HEADLINE_WORDS:
        terms["headline_length"] = HEADLINE_LENGTH
    if features.dateline or features.breadcrumb or features.byline or features.field:
        terms["not_a_title"] = NOT_A_TITLE
    terms.update((name, weight) for name, weight in _TITLE_FLAGS.items() if getattr(features, name))
    return terms


def title_score(features: TitleFeatures) -> float:
    """The linear score of a title candidate: higher is likelier the title."""
    return sum(title_terms(features).values())


MAX_COUNTER_WORDS = 3
COUNT_EDGE = re.compile(
    r"^[+-]?\d[\d,.]*(?:\s|$)"  # opening: '2,1 тыс. прочитали'
    r"|(?:^|\s)\(?(?!(?:1[89]|20)\d\d\)?$)\d[\d,.]*\)?$"  # closing: 'Comments (14)'
)
"""A number opening or closing a line: where a counter writes its count (a closing year
is a headline's: 'Putin in 2024')."""


NUMBER_TOKEN = re.compile(r"\d")
YEAR_TOKEN = re.compile(r"^\(?(?:19|20)\d\d\)?[,.:;]?$")
MAX_TALLY_WORDS = 6


LABELLED_COUNT = re.compile(
    r"^[^\W\d_][^:\d]{0,40}:\s*[≈~]?\s*(?:\d{1,3}(?:[\s,.]\d{3})+|\d+)(?:[.,]\d)?"
    r"\s?(?:[kKmMкК]|тыс\.?|млн)?$"
)
"""A label and a count after its colon ('Symbols count in article: 3.4k', 'Views: 12
408', 'Сообщений: 1 318'): a page's counter, whatever its label says."""


def is_labelled_count(text: str) -> bool:
    """Whether `text` is a label and a count after its colon (:data:`LABELLED_COUNT`), the
    count no year ('Published: 2024' is a date)."""
    return LABELLED_COUNT.match(text) is not None and not YEAR_TOKEN.match(
        text.rsplit(":", 1)[1].strip()
    )


def is_tally_line(text: str) -> bool:
    """A short line at least half of whose words are numbers other than a year ('Hits:
    1843', '41 results (0.007 seconds)', '1 - 3 of 3', 'Left 71% Center 29%',
    'Сообщений: 1 318'), or a labelled count (:data:`LABELLED_COUNT`): a counter, a
    pager's or a search's tally, a chart's legend; a headline's numbers are a few among
    its words ('5 lessons of 2024')."""
    if not NUMBER_TOKEN.search(text):
        return False
    if is_labelled_count(text):
        return True
    words = [word for word in text.split() if word not in {"-", "–", "—", "|", "/", "·"}]
    if not 0 < len(words) <= MAX_TALLY_WORDS:
        return False
    numbers = sum(1 for word in words if NUMBER_TOKEN.search(word) and not YEAR_TOKEN.match(word))
    return 2 * numbers >= len(words)


CELL_SEPARATOR = re.compile(r"\s*\|\s*|\s+[·•]\s+")
"""What divides the cells of a row of page widgets ('Listen to this article | 4 mins')."""
COUNT_CELL = re.compile(
    r"^\d[\d,.]*\s*[kKm]?\s*(?:-\s*)?(?:min(?:ute)?s?|sec(?:ond)?s?|h(?:ou)?rs?|comments?|replies|"
    r"views?|reads?|shares?|likes?|votes?|points?|мин|коммент\w*|просмотр\w*)\.?"
    r"(?:\s+(?:read|listen|watch|ago|чтения))?$",
    re.IGNORECASE,
)
"""A count with its unit, a widget's reading ('4 mins', '12 comments', '5 min read',
'4-Minute Listen'): units common to players, counters and share bars across sites."""


def is_widget_row(text: str) -> bool:
    """A row of cells one of which is a count with its unit ('Listen to this story · 5
    min', 'Analysis | 12 comments', '· 7 min read' where the row's first cell stands on the
    line above): a player's, a counter's or a share bar's row, never a headline (a headline's number has no unit cell of its own: 'Putin | 2024')."""
    if "|" not in text and "·" not in text and "•" not in text:
        return False
    stripped = text.strip()
    opened = stripped[:1] in "|·•"  # the row's first cell went to the line above
    cells = [cell for cell in CELL_SEPARATOR.split(stripped.lstrip("|·• ")) if cell]
    return (len(cells) >= 2 or opened) and any(COUNT_CELL.match(cell) for cell in cells)


MENU_GAP = re.compile(r"\s{2,}|\s+(?:::|\||•|·)\s+")
"""What divides the labels of a menu or tab row set on one line: a run of spaces (a table
cell's or an inline list's gap) or a spaced bar, dot or double colon."""
MIN_MENU_CELLS = 3
MAX_MENU_CELL_WORDS = 3
MAX_MENU_ROW_CHARS = 160


def is_menu_row(text: str) -> bool:
    """A row of short labels set apart by gaps or link separators ('Politics   Economy
    Regions   Subscribe', 'Sort: Top  Newest  Oldest', 'View previous topic :: View next
    topic'): three or more labels of at most three words (two suffice around '::', which
    no prose uses), none a sentence, a date or a count: a site's menu, tabs or a sort
    control, never a headline (whose words are single-spaced)."""
    stripped = text.strip()
    if len(stripped) > MAX_MENU_ROW_CHARS or MENU_GAP.search(stripped) is None:
        return False
    cells = [cell for cell in MENU_GAP.split(stripped) if cell]
    least = 2 if " :: " in stripped else MIN_MENU_CELLS
    return (
        len(cells) >= least
        and all(
            word_count(cell) <= MAX_MENU_CELL_WORDS
            and not ends_sentence(cell)
            and not any(char.isdigit() for char in cell)
            for cell in cells
        )
        and find_byline(stripped) is None
    )


SECTION_WORDS = frozenset(
    {"home", "about", "blog", "news", "archive", "archives", "contact", "contacts", "donate"}
    | {"subscribe", "search", "login", "register", "posts", "tags", "categories", "now", "rss"}
    | {"feed", "menu", "events", "podcast", "podcasts", "newsletter", "team", "faq", "help"}
    | {"projects", "publications", "support", "shop", "videos", "photos", "links", "topics"}
    | {"top", "new", "latest", "popular", "hot", "trending", "random", "submit", "past", "ask"}
    | {"главная", "новости", "блог", "контакты", "архив", "поиск", "подписка", "рубрики"}
)
"""One-word labels of a site's menu ('Home', 'About', 'Blog', 'Contact', 'Donate'; an
aggregator's 'top', 'latest', 'submit'): the pages every site links from its header,
whatever its subject."""
MIN_SECTION_WORDS = 3
MAX_NAV_ROW_WORDS = 12
NAV_CELL = re.compile(r"\s*[|·•/]\s*|\s+")


def is_nav_row(text: str) -> bool:
    """A site's menu run together on one line, its labels single-spaced ('Home Blog Now
    Subscribe', 'About Letters Blog Contact Donate'): every word capitalised (or every one
    in lower case), no number or
    stop, and three or more of them (a third at least) the labels of a menu
    (:data:`SECTION_WORDS`); or the same row in lower case ('top latest random submit'). A
    headline holds one such word at most ('News Blog Closed')."""
    words = [word for word in NAV_CELL.split(text.strip()) if word]
    if not MIN_SECTION_WORDS <= len(words) <= MAX_NAV_ROW_WORDS or ends_sentence(text):
        return False
    if not all(word.isalpha() for word in words):
        return False
    if not (all(word[:1].isupper() for word in words) or all(word.islower() for word in words)):
        return False
    labels = sum(1 for word in words if word.casefold() in SECTION_WORDS)
    return labels >= MIN_SECTION_WORDS and 3 * labels >= len(words)


BUTTON_VERBS = frozenset({"click", "tap", "listen", "download", "subscribe"})
"""Verbs that open a button's or a player's label ('Click here to share on social media',
'Listen to this article') and no headline."""


def is_button_label(text: str) -> bool:
    """A line opening with a button's verb and closed by no full stop: a control of the
    page, never a title (a body's sentence ends with its stop)."""
    words = text.split(maxsplit=1)
    return bool(words) and words[0].casefold() in BUTTON_VERBS and not ends_sentence(text)


AGE_NOTICE = re.compile(r"\bmore than \d+\s+(?:year|month|week|day)s?\s+old\b", re.IGNORECASE)
"""A notice of the article's age ('This article is more than 3 months old'), over an old
article, never its title. (A thread's stamp, 'by user 3 hours ago', is its grammar's.)"""
MAX_NOTICE_WORDS = 10
LOWER_BYLINE = re.compile(r"^by\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2}$")
"""A byline in lower case, names only ('by anna lind'): names the shape of a name cannot
confirm, yet no title; a user's stamp with its age ('by user 3 hours ago') is no such
line."""


PLACED_IN = re.compile(
    r"^(?:(?:first\s+)?(?:published|posted|filed|appeared|featured)\s+(?:in|under)"
    r"|опубликовано\s+в)\s+\S",
    re.IGNORECASE,
)
"""Where the post was placed ('Published in <Publication>', 'Posted in <Category>', 'Filed
under <Section>'): a label of the head, never its title."""


def is_head_notice(text: str) -> bool:
    """A short notice of the article's age (:data:`AGE_NOTICE`), a byline in lower case
    (:data:`LOWER_BYLINE`) or the publication or section the post was placed in
    (:data:`PLACED_IN`): a head's notice, never its title."""
    return word_count(text) <= MAX_NOTICE_WORDS and (
        AGE_NOTICE.search(text) is not None
        or LOWER_BYLINE.match(text) is not None
        or PLACED_IN.match(text) is not None
    )


PAGER_OPENINGS = ("←", "‹ ", "« ")
PAGER_CLOSINGS = ("→", " ›", " »")
"""An arrow at a pager link's edge; a guillemet set apart by a space (a quotation's is
glued to its words: '«не так»')."""


PAGE_RUN = re.compile(r"(?<![\d.,])1[,\s]\s*2[,\s]\s*3(?![\d.,]*\d)")
"""Page numbers counted from one ('1 2 3', '1, 2, 3, 4, 5'): a pager's row of pages."""


def is_pager_link(text: str) -> bool:
    """A link to the previous or next page or post, an arrow at its edge ('← Previous
    post', 'January 2027 →', 'Next »'), or a row of pages counted from one ('Go to page 1,
    2, 3 … Next'): navigation, never a title (a headline counts no pages)."""
    stripped = text.strip()
    return (
        stripped.startswith(PAGER_OPENINGS)
        or stripped.endswith(PAGER_CLOSINGS)
        or PAGE_RUN.search(stripped) is not None
    )


def _headline(text: str) -> bool:
    """A headline's shape: five to twenty-five words, no closing stop, no date or byline."""
    return (
        MIN_HEADLINE_WORDS <= word_count(text) <= MAX_HEADLINE_WORDS
        and not ends_sentence(text.rstrip("?!"))
        and not text.endswith((":", ",", ";"))
        and find_date(text) is None
        and find_byline(text) is None
    )


MAX_WIDGET_ITEMS = 8
"""The most titles a widget lists."""


def _in_widget(texts: Sequence[str], position: int) -> bool:
    """Whether the line is one of a run of headline-length lines (no date, byline or
    breadcrumb) right under a widget's heading: a short line opening with a widget's word
    ('Trending', 'Latest', 'Related News')."""
    for above in range(position - 1, max(-1, position - 1 - MAX_WIDGET_ITEMS), -1):
        text = texts[above]
        words = text.split()
        if len(words) <= MAX_LABEL_WORDS:
            return bool(words) and words[0].casefold().strip(":") in WIDGET_WORDS
        if len(words) < 3 or is_breadcrumb(text) or find_date(text) or find_byline(text):
            return False
    return False


def _over_meta(texts: Sequence[str], position: int) -> bool:
    """Whether the line stands right over a byline or a dateline: the post's headline over
    its own metadata, even under a widget's list (whose undated teasers a date never
    follows; a dated teaser breaks the widget's run)."""
    below = position + 1
    return below < len(texts) and _is_meta_line(texts[below])


def _over_own_meta(texts: Sequence[str], position: int) -> bool:
    """Whether the line, itself no metadata, stands right over a byline or a dateline that
    heads no headline of its own: a date header over a headline ('<date>' / '<headline>',
    Blogger's and many themes' order) belongs to the line under it, and the line over it
    is the masthead's slogan. A bare field ('Note: …', a forwarded message's 'From: …')
    is no byline: the line over it is text."""
    below = position + 1
    if below >= len(texts) or _is_meta_line(texts[position]):
        return False
    if find_byline(texts[below]) is None and not is_dateline(texts[below]):
        return False
    after = position + 2
    if after < len(texts) and word_count(texts[after]) <= MAX_LABEL_WORDS:
        after += 1  # a section's label between the date header and its headline
    return after >= len(texts) or not _headline(texts[after])


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_bracketed_note(text: str) -> bool:
    """A line wholly in square brackets ('[AUTHENTICITY CERTIFIED: …]', '[GRAPHIC NOT
    AVAILABLE IN TIFF FORMAT]'): an editor's or a converter's note, never a title."""
    stripped = text.strip()
    return stripped.startswith("[") and stripped.endswith("]") and "]" not in stripped[1:-1]


MAX_LINK_CALL_WORDS = 4


def is_link_call(text: str) -> bool:
    """A link's call to act, a few words in lower case opening with a link's verb ('click
    for pdf', 'view full text'), or up to ``MAX_CAPITALISED_CALL_WORDS`` in sentence case
    ('Read in app', 'View full site'): page furniture, never a title. A headline of that
    length capitalises its other words ('Follow the Money')."""
    words = text.split()
    if not 0 < len(words) <= MAX_LINK_CALL_WORDS or ends_sentence(text):
        return False
    if text[:1].islower():
        return words[0] in LINK_VERBS
    return (
        len(words) <= MAX_CAPITALISED_CALL_WORDS
        and words[0].casefold() in LINK_VERBS
        and not any(word[:1].isupper() for word in words[1:])
    )


MAX_CAPITALISED_CALL_WORDS = 3
"""The most words of a link's call in sentence case ('Read in app', 'Sign in now')."""


def labelled_name(text: str) -> str | None:
    """The names of a labelled byline ('Text: Anna Lind' -> 'Anna Lind'); None on a credit
    ('Photo: Anna Lind') or any other line."""
    text = CREDITS_AFTER.sub("", text)  # 'Words: X. Photos: Y': the pictures' credit
    match = LABELLED_NAME.match(text.strip())
    if match is None or CAPTION.search(text) or NOT_BYLINE.search(text):
        return None
    return person_names(match.group("name"))


def title_features(
    texts: Sequence[str],
    position: int,
    *,
    rule_pick: bool = False,
    sites: frozenset[str] = frozenset(),
    below: frozenset[str] = frozenset(),
    over_byline: bool = False,
) -> TitleFeatures:
    """The features of the head line at `position` among `texts` (the head, top down, the
    body right under its last line). `sites`: the site's names, normalised; `below`: the
    normalised lines of the page under the body; `over_byline`: the head ends right above
    the post's byline or dateline (its last line stands over it)."""
    text = texts[position]
    words = word_count(text)
    dated = find_date(text) is not None
    return TitleFeatures(
        words=words,
        lines_up=len(texts) - 1 - position,
        rule_pick=rule_pick,
        ends_sentence=ends_sentence(text.rstrip("?!")) and not text.endswith(("?", "!")),
        dateline=dated and is_dateline(text),
        breadcrumb=is_breadcrumb(text),
        byline=find_byline(text) is not None
        or labelled_name(text) is not None
        or is_byline_label(text)
        or POSTER_LINE.match(text) is not None,
        field=in_field_block(texts, position)
        or is_tag_row(text)
        or in_affiliation_block(texts, position)
        or _names_over_affiliation(texts, position),
        category_label=words <= 3 and is_all_caps(text),
        credit=bool(CAPTION.search(text) or SHARE_BAR.match(text) or CHROME_LINE.match(text))
        or is_link_call(text)
        or is_button_label(text)
        or "://" in text
        or is_pager_link(text)
        or is_head_notice(text)
        or is_bracketed_note(text)
        or is_menu_row(text)
        or is_nav_row(text),
        counter=(words <= MAX_COUNTER_WORDS and bool(COUNT_EDGE.search(text)))
        or is_widget_row(text)
        or is_tally_line(text),
        site_name=_norm(text) in sites,
        under_headline=words <= MAX_LABEL_WORDS and position > 0 and _headline(texts[position - 1]),
        widget_teaser=_in_widget(texts, position) and not _over_meta(texts, position),
        repeated_below=_norm(text) in below and position < len(texts) - 1,
        deck=_under_headline_deck(texts, position) or _deck_under_name(texts, position),
        over_deck=(position + 1 < len(texts) and _under_headline_deck(texts, position + 1))
        or (position + 2 < len(texts) and _deck_under_name(texts, position + 2)),
        over_byline=(over_byline and position == len(texts) - 1)
        or (words > MAX_LABEL_WORDS and _over_own_meta(texts, position)),
        slogan=position == 1 and _norm(texts[0]) in sites,
        truncated_copy=_truncated_copy(texts, position),
        wrapped_copy=_wrapped_copy(texts, position),
    )


def _under_headline_deck(texts: Sequence[str], position: int) -> bool:
    """Whether the line is the deck of the headline-shaped line right above it: it has at
    least the headline's words and reads as a statement (a comma inside or a closing full
    stop; a question is the headline under a tagline, and a site's tagline over a
    headline is a phrase: 'Essays on local power' / 'The quiet end of the elected
    mayor'); the line above is neither a copy of it (a browser's title
    wrapping it), nor cut short (a card's truncated copy), nor a breadcrumb."""
    if position == 0:
        return False
    text, upper = texts[position], texts[position - 1]
    if not _headline(upper) or word_count(text) < word_count(upper):
        return False
    if _norm(text) in _norm(upper) or _norm(upper) in _norm(text):
        return False
    if ELLIPSIS_END.search(upper) or TITLE_PARTS.search(upper) or is_breadcrumb(upper):
        return False
    if not ("," in text or (ends_sentence(text) and not text.endswith(("?", "!")))):
        return False  # a question under a tagline is the headline, not its deck
    return find_date(text) is None and find_byline(text) is None  # a byline is no deck


SENTENCE_INSIDE = re.compile(r"[^\W\d_]{2}[.;,]\s+\S")
"""A stop, a semicolon or a comma between two words: a sentence's, never a headline's
shape ('Exile media can shrug off a label. A teacher cannot')."""


def _deck_under_name(texts: Sequence[str], position: int) -> bool:
    """Whether the line is the standfirst printed under the byline's names, which stand
    right under the headline ('<headline>' / '<Name>' / '<standfirst>'): a line of
    ``MIN_HEADLINE_WORDS`` words or more that reads as a sentence (a stop or a comma
    between its words, or a closing stop), never the title."""
    if position < 2:
        return False
    text, name, upper = texts[position], texts[position - 1], texts[position - 2]
    return (
        word_count(text) >= MIN_HEADLINE_WORDS
        and (SENTENCE_INSIDE.search(text) is not None or text.endswith("."))
        and person_names(name) is not None
        and _headline(upper)
        and find_date(text) is None
        and find_byline(text) is None
    )


TITLE_PARTS = re.compile(r"\s(?:[|—–·•]|-|::)\s")
"""A separator between a page's headline and its site's name in a browser's title line
('Headline | Site'): such a line over the headline is no headline with a deck."""


ELLIPSIS_END = re.compile(r"\s*(?:\.\.\.|…)\s*$")
MIN_TRUNCATED_CHARS = 12
"""The fewest characters before the ellipsis of a line read as a truncated copy."""


def _truncated_copy(texts: Sequence[str], position: int) -> bool:
    """Whether the line ends with an ellipsis and what stands before it opens a longer line
    of the head ('Governors on a short lea…' over 'Governors on a short leash')."""
    text = texts[position]
    cut = ELLIPSIS_END.search(text)
    if cut is None:
        return False
    kept = _norm(text[: cut.start()])
    if len(kept) < MIN_TRUNCATED_CHARS:
        return False
    return any(
        other != position and len(_norm(line)) > len(kept) and _norm(line).startswith(kept)
        for other, line in enumerate(texts)
    )


MIN_WRAPPED_WORDS = 4
"""The fewest words of a head line read as the headline another line wraps."""


WRAP_REACH = 8
"""Lines on either side within which a wrapping copy and its headline stand."""


def _wrapped_copy(texts: Sequence[str], position: int) -> bool:
    """Whether another line of the head within ``WRAP_REACH`` lines, of
    ``MIN_WRAPPED_WORDS`` words or more, stands whole inside this longer line."""
    text = _norm(texts[position])
    low = max(0, position - WRAP_REACH)
    return any(
        other != position
        and word_count(line) >= MIN_WRAPPED_WORDS
        and len(kept := _norm(line)) < len(text)
        and kept in text
        for other, line in enumerate(texts[low : position + WRAP_REACH + 1], low)
    )


def best_title(
    texts: Sequence[str],
    rule_pick: int,
    *,
    sites: frozenset[str] = frozenset(),
    below: frozenset[str] = frozenset(),
    eligible: Sequence[int] = (),
) -> int:
    """The position of the best-scoring title among the rules' pick and the `eligible`
    positions (the head's heading-shaped lines); ties go to the rules' pick."""
    best, best_score = (
        rule_pick,
        title_score(title_features(texts, rule_pick, rule_pick=True, sites=sites, below=below)),
    )
    for position in eligible:
        if position == rule_pick:
            continue
        score = title_score(title_features(texts, position, sites=sites, below=below))
        if score > best_score:
            best, best_score = position, score
    return best


def best_untitled(
    texts: Sequence[str],
    eligible: Sequence[int],
    *,
    over_byline: bool = False,
    sites: frozenset[str] = frozenset(),
) -> int | None:
    """The position of the best-scoring title among the `eligible` positions of a head
    whose rules found no title (`texts` as for :func:`title_features`), or None when none
    scores ``MIN_UNTITLED_SCORE``: a head of labels and counters keeps no title."""
    best: int | None = None
    best_score = MIN_UNTITLED_SCORE
    for position in eligible:
        features = title_features(texts, position, sites=sites, over_byline=over_byline)
        score = title_score(features)
        if score >= best_score:
            best, best_score = position, score
    return best


def disqualified(features: TitleFeatures) -> bool:
    """Whether a line carries a feature no title carries (a dateline, a breadcrumb, a byline,
    a field, a credit, a counter, a category label, the site's name), or is a copy of the
    headline standing near it (a browser's title wrapping it, a card's truncated copy): a
    rule's pick with one gives way to the best of the head's other lines."""
    return (
        features.wrapped_copy
        or features.truncated_copy
        or features.dateline
        or features.breadcrumb
        or features.byline
        or features.field
        or features.credit
        or features.counter
        or features.category_label
        or features.site_name
    )


def last_crumb(text: str) -> str | None:
    """The last label of a breadcrumb when it reads as a headline ('Forum › Politics ›
    Regional budgets and the war economy' -> the topic's title), else None: a path of
    section names ends in a section's name."""
    if not is_breadcrumb(text.rstrip("?!")):  # a topic's title may close with its question
        return None
    labels = CRUMB_SPLIT.split(text.rstrip(" »›>/→"))
    if text.endswith(("?", "!")) and len(labels) < MIN_QUESTION_CRUMB_LABELS:
        return None  # 'Is A > B?': a question with a sign in it, no path
    last = labels[-1].strip()
    if word_count(last) < MIN_CRUMB_TITLE_WORDS or not _headline_shaped(last):
        return None
    return last


CRUMB_SPLIT = re.compile(r"\s*(?:»|›|‹|>|\s/\s|\\|→)\s*")
"""What divides a breadcrumb's labels ('Home » Politics', 'Forum › Board', 'A / B')."""
MAX_SITE_WORDS = 5
"""The most words of a site's name (a masthead, a forum's or a list's name)."""


def crumb_roots(texts: Sequence[str]) -> frozenset[str]:
    """The site's names, normalised, that the page's breadcrumbs give: the first label of
    a path of two labels or more, read left to right ('Civic Forum > Discussions >
    Budgets', 'Board index ‹ Politics' read as written). A path's root is where the
    site's own pages begin, its name (or 'Home'), and the same words standing alone over
    the head are its masthead, never a post's title."""
    roots = set()
    for text in texts:
        if not is_breadcrumb(text):
            continue
        labels = [label for label in CRUMB_SPLIT.split(text.strip()) if label]
        if len(labels) >= 2 and 0 < word_count(labels[0]) <= MAX_SITE_WORDS:
            roots.add(_norm(labels[0]))
    return frozenset(roots)


MIN_CRUMB_TITLE_WORDS = 3
"""The fewest words of a breadcrumb's last label read as the title (a section's name is
one or two)."""
MIN_QUESTION_CRUMB_LABELS = 3
"""The fewest labels of a path closed by a question ('Forum › Board › Why …?'): one sign
in a question ('Is A > B?') is no path."""


def _headline_shaped(text: str) -> bool:
    """Title-shaped: at most ``MAX_HEADLINE_WORDS`` words, no closing stop (a question
    allowed), no date, no byline."""
    return (
        word_count(text) <= MAX_HEADLINE_WORDS
        and (text.endswith(("?", "!")) or not ends_sentence(text))
        and find_date(text) is None
        and find_byline(text) is None
    )


@dataclass(frozen=True, slots=True)
class AuthorFeatures:
    """What a line's format says about the name on it as the post's author."""

    lines_up: int
    rule_pick: bool = False
    byline_form: bool = False
    labelled: bool = False
    affiliated: bool = False
    beside_date: bool = False
    credit: bool = False


_AUTHOR_FLAGS = {
    "rule_pick": AUTHOR_RULE_PICK,
    "byline_form": BYLINE_FORM,
    "labelled": LABELLED_BYLINE,
    "affiliated": AFFILIATED_NAMES,
    "beside_date": BESIDE_DATE,
    "credit": CREDIT_NAME,
}
"""The weight of each yes-or-no feature of :class:`AuthorFeatures`."""


def author_terms(features: AuthorFeatures) -> dict[str, float]:
    """The author score's terms, one per feature present (see :func:`title_terms`)."""
    terms = {"lines_up": PER_LINE_UP * features.lines_up}
    terms.update(
        (name, weight) for name, weight in _AUTHOR_FLAGS.items() if getattr(features, name)
    )
    return terms


def author_score(features: AuthorFeatures) -> float:
    """The linear score of an author candidate: higher is likelier the author."""
    return sum(author_terms(features).values())


def author_candidates(texts: Sequence[str]) -> dict[int, tuple[str, AuthorFeatures]]:
    """Position -> (name, features) of the head lines naming a person in a byline's form
    or a labelled field (the layout's own reading of names beside datelines is added by
    the caller as its rules' pick)."""
    found: dict[int, tuple[str, AuthorFeatures]] = {}
    for position, text in enumerate(texts):
        byline = find_byline(text)
        labelled = labelled_name(text)
        affiliated = marked_names(text) if _names_over_affiliation(texts, position) else None
        name = byline or labelled or affiliated
        if name is None:
            continue
        beside = any(
            0 <= near < len(texts) and is_dateline(texts[near])
            for near in (position - 1, position + 1)
        )
        own = CREDITS_AFTER.sub("", text)  # the byline without the pictures' credit after it
        found[position] = (
            name,
            AuthorFeatures(
                lines_up=len(texts) - 1 - position,
                byline_form=byline is not None,
                labelled=labelled is not None and byline is None,
                affiliated=affiliated is not None and byline is None and labelled is None,
                beside_date=beside,
                credit=bool(CAPTION.search(own) or NOT_BYLINE.search(own)),
            ),
        )
    return found


def name_beside_date(texts: Sequence[str]) -> str | None:
    """The names on the first line of a head's metadata run (`texts`: consecutive lines,
    top down) that holds nothing but people's names and stands right above or below a
    dateline ('<Name>' / 'Apr 5, 2024 · 4 min read', '12 March 2025' / '<Name>'): a byline
    without a label. A name line with no dateline beside it is no evidence (a section's
    two capitalised words have a name's shape), so None then."""
    for position, text in enumerate(texts):
        names = person_names(text) if find_date(text) is None else None
        if names is None:
            continue
        if any(
            0 <= near < len(texts) and is_dateline(texts[near])
            for near in (position - 1, position + 1)
        ):
            return names
    return None
