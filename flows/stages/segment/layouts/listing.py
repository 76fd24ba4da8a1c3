"""Listing pages: one ``teaser`` post per item, ranked from 1.

An item is read from its *repeated structure*, not from one fixed shape. Placeholders in
angle brackets; the lines of one item may come in any order around the summary:

* ``<title>`` ``<summary>`` with any of ``Read More »`` / ``Continue reading →``, a byline
  (``By <name>``, ``Posted on <date> by <name>``, ``<section> <name> - <date>``) and a date
  line (``<Month> <day>, <year>``) above or below the summary;
* ``<title>`` ``By <name>, <date>. <summary>``: byline and date open the summary line;
  so does ``<date> — By <name> — <summary>`` (a search result's snippet);
* ``<title>`` ``<Name>`` ``<date>`` ``<summary>`` or ``<title>`` ``<Name>, <date>``
  ``<summary>``: a bare name under the headline, or beside the date, is the byline;
* ``<label>`` ``<title>`` ``<summary>``: a category label above each title (chrome);
* ``<date>`` ``<title>`` ``<summary>``: a date line (or byline) above each title;
* ``<title>`` ``<summary>`` ``— <Name>``: a signature under the summary is the byline;
* ``<title>`` ``<summary>`` ``<tags> by <handle> <age> <actions>``: a row crediting a
  handle, the item's age right after it, is the item's meta row, the handle its author;
* ``<Name>`` ``·`` ``<date>`` ``<title>`` ``<subtitle>`` ``<n> min read`` (a blogging
  platform's card): a longer headline-shaped line right under the title, with no text
  under it, is the summary; a separator glyph alone on its line is ignored;
* any of them closed by ``Posted in <category> | Tagged <tags> | <n> Comments`` (chrome),
  or by ``<date> | Continued`` (date and read-more link on one line); a line that repeats
  the summary after the link's text glued to it is a hidden copy, no new text;
* ``<headline>`` ``<section> · <age or date>`` with no summary, a blank line under the
  stamp: an item that shows only its headline (a latest-news list, a section front), a
  teaser with an empty body. The stamp's section is no author; so is ``<time>``
  ``<headline>`` (a news feed: a time of day over each headline, a day header ``<date>``
  above them giving their date);
* ``<headline>`` ``<byline>`` over the row that closes the other items (the line under
  their summaries, opening alike in each: ``Save Cite Cited by <n>``): an item the page
  shows without its summary (a reference with no snippet), a teaser with an empty body;
* ``<title>`` ``<CITY>, <date>. /<Agency>/: <lead>``: a summary opened by a news agency's
  dateline (a teaser's mark, with one more paragraph allowed);
* a breadcrumb (``Current News / Politics /``) between the title and the summary and a
  photo credit (``<Name>/<Agency>``) above the title are chrome, and so is an image's
  caption right over such a credit under the summary; an access badge glued to two titles
  or more (``<title> Paid Members Public``) is taken off them, and so is a credit
  (``<title> - <Name>, <Outlet>``), whose name is the author;
* ``• <title>`` (two bulleted titles or more): the bullet is no part of the title;
  ``<Name><Month> <day>, <year>`` (a name glued to the date) is a byline and a date;
* ``<title>`` ``<deck>``: a headline-shaped line of twelve words or more under a shorter
  title, a blank line between and no text under it, is the summary;
* ``<age> - <section>`` ``<title>`` ``Photo: <Name>/<Agency>`` ``<lead>`` ``Why it
  matters: …``: a stamped brief, its few short paragraphs one summary, the labelled credit
  chrome;
* ``## <title>`` or ``## <date>`` (a page converted to markdown): the heading read without
  its mark, a date heading opening an untitled item dated by it; ``#<tag> #<tag>`` under
  an item is its footer; ``<date> · <n> min · <Name>, <Name>`` (a meta row of cells) is a
  byline line; a count may group its digits with spaces (``1 254``).

A headline is one short sentence (twenty words at most), not cut off; a longer line, one
with a sentence ending inside it, or one ending in ``…``/``Read more`` is a summary.

The summary is one paragraph (two when the item is marked as a teaser), often cut off
(``…``, ``[…]``, ``Continue reading →``); a read-more link glued to its end (``… Continue
reading <title>``, ``<sentence>. Read more>>``) is cut off into a line of its own, chrome.
A post gets the item's title (never its label or
date line), author (the byline's name; a section name that opens every byline and also
stands alone on the page is taken off it), date as written, and the summary as its body.
Everything outside the items (menus, page headings such as ``Tag Archives: <tag>``, labels
between items, pagination, sidebar widgets, footers; a first unmarked item titled with the
site's name, which the page shows elsewhere too) is dropped as ``page_chrome``, separator
lines as ``separator``; a block the page shows twice verbatim, title and summary (a
promotion between the items), as ``repeated_block``.

Detected when at least two titled items have a short summary, their titles are distinct,
no item holds an article's text (three paragraphs or more: a page with related-post
teasers under an article is an article), and most items show a listing mark (byline, date,
read-more link, item footer, cut-off summary (marked, or twenty words or more ending on a
bare word), byline or date above the title, access badge); clock times
in the marks (comment headers) do not count. The score grows with the number of items: 0.7
for two, 0.85 to 0.95 from three on. Byline or date lines above the first title only,
when the other items show theirs under their titles, are the page's header (a tagline,
its update time), not the first item's meta.

A page whose items show none of these marks is a listing by its repeated shape alone
(:mod:`flows.stages.segment.shapes`: the same few lines in the same order three times or
more, such as ``<label>`` ``<title>`` ``<Name>, <Name>`` ``<teaser>`` or ``<type> | |
<Name>`` ``<teaser>``), weak evidence that wins over the fallback only: each item's text is
one paragraph of few words, no paragraph outside the run is as long (an article's lede),
every short column is a title (distinct headlines, the most words), a meta line (byline,
date, names, a row with a names cell: the author and date) or a label (a few words,
chrome), a column under the teaser only a meta line, and no column mixes bylines or dates
with other lines (an article's byline over its lede, subheadings after it); no byline or
date stands above the run with prose (an article's head and lede). A column whose rows
open with the same word in every item (``Topics <values>``, ``Discussion: <outlets>``,
``Publication date <date>``) is a field row, chrome above or under the teaser (its date,
where a row gives one, the item's date); a head closed by a colon that credits the item
(``<Name> / <Outlet>:``) is a meta line, the name its author. A link line under the
title is chrome. Items whose heads differ by a line (a label or byline some lack) are read
from the coarse shape, head by head: the title the last headline that is no credit or
names line, every item titled, meta lines in all items but a few or in none. A dated
``posted by <handle> at <time> <date>`` line under each teaser is its meta line (the
handle its author). Titles closed by the linked site's host and a count (``<title>
(example.com) 71``), two or more, mark a link aggregator's items: the suffix is no part of
the title. A teaser may run to two paragraphs where each item is so marked or carries a
meta line (an article's sections carry no byline or date).

A page whose items repeat a *frame* of line kinds (:mod:`flows.stages.segment.periods`:
``<date>`` ``<title>`` ``<teaser>`` ``Play`` ``<duration>``; ``<month>`` ``<day>``
``<weekday>`` ``<time range>`` ``<title>`` ``<venue>`` ``<teaser>``), with a stamp, a
number, a recurring literal or a field row in every item, is a listing too (weak
evidence, over the fallback and a thread's last-resort frames only): the title is the
first short column with a distinct headline in every item, the stamps and names the
meta, the rest of the frame chrome; an item missing one line of the frame (the last
episode without a description) is an item still. Where the marks read the items too,
the frame's reading is taken when it finds every item they find and more.

Records of labelled fields (``<Label>: <value>`` lines whose labels recur in three
records or more: ``Speaker:`` ``Topic:`` ``Date:`` ``Abstract:``, or a ranked ``<n>.
<id>`` row and a title over ``Sponsor:`` ``Committees:`` ``Latest Action:``) are a
listing as result records are: the title a title field's value or the unlabelled line
over the first field, the date and author those of a date or byline field, a field's
prose the text, the other fields meta (:func:`field_records`).

A feed of short posts by several people (``<handle> · <age>`` over each entry, see
:mod:`flows.stages.segment.feed`) is a listing too, one post per entry, and so is a
channel's or community's wall (the page's name over each post, counters under it).

A block of six headlines or more one to a line, with nothing under them (a sitemap's day,
a category page, a column of related links; index letters and date lines between them
are chrome, a date line dates the headlines under it), is a listing of empty teasers
(:func:`headline_block`) where the page holds no longer paragraphs than its headlines.

A page of bare teasers (every paragraph a single long line, or a heading line over one,
nothing else on the page) is a listing too, segmented one post per paragraph; so is any
text given the ``listing`` layout in which no titled items are found.

A page that counts its results (``Showing 1-4 of 238``, ``About 1,240 results (0.31
seconds)``) over two distinct titled items or more is a listing even where no reading
above accepts its items (weak evidence, just over the fallback): a page of results is no
article.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from flows.stages.mail_fields import SENDER_FIELD, header_block, opening_block
from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.blocks import DraftBlock, is_heading
from flows.stages.segment.boilerplate import (
    READING_TIME_LINE,
    SHARE_BAR,
    find_boilerplate,
    next_texts,
    rule_at,
)
from flows.stages.segment.candidates import is_labelled_count, is_picture_credit
from flows.stages.segment.feed import AGE as SHORT_AGE
from flows.stages.segment.feed import COUNT_LINE, Entry, find_entries
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import (
    OPENING_QUOTES,
    Line,
    cut_lines,
    ends_sentence,
    is_all_caps,
    word_count,
    words_up_to,
)
from flows.stages.segment.meta import (
    AGE,
    BILINGUAL_LABEL,
    HANDLE_BYLINE,
    HANDLE_DATE,
    LOGIN_MARK,
    POSITION,
    find_byline,
    find_date,
    is_breadcrumb,
    is_byline_label,
    is_dateline,
    name_with_role,
)
from flows.stages.segment.periods import FIELD as PERIOD_FIELD
from flows.stages.segment.periods import LITERAL as PERIOD_LITERAL
from flows.stages.segment.periods import MARKERS as PERIOD_MARKERS
from flows.stages.segment.periods import STAMP as PERIOD_STAMP
from flows.stages.segment.periods import TEXT as PERIOD_TEXT
from flows.stages.segment.periods import TITLE as PERIOD_TITLE
from flows.stages.segment.periods import Group, groups, period_of
from flows.stages.segment.periods import symbols as period_symbols
from flows.stages.segment.post import (
    NOT_NAME_STARTS,
    ORIGIN,
    SIGNATURE_NAME,
    TRANSLATOR_LINE,
    PostDraft,
    PostHead,
    blocks_as_rows,
    build_post,
    post_row,
)
from flows.stages.segment.shapes import (
    DIGIT_RUN,
    HEAD,
    LINK,
    PROSE,
    RANK,
    SHORT,
    ShapeRun,
    find_run,
    is_attribution,
    line_kind,
    masked,
    shares_opening,
)
from flows.stages.segment.webpage import copyright_names, is_counter, row_cells

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig

# --- page chrome (shared with the digest layout) -----------------------------------------

SEPARATOR = re.compile(r"^(?=(?:\s*[-_*=~#+•·–—]){3})[-_*=~#+•·–—\s]+$")
"""'________', '*******', '* * *', '----', '=====' as a whole line."""
SEPARATOR_LEAD = re.compile(r"^[-_*=~#]{5,}\s*\S")
"""A separator run that opens a line of other text (a footer glued to its rule)."""
PAGE_OF = re.compile(
    r"^pages?\s+\d{1,4}\s*(?:of|/)\s*\d{1,4}(?:\s+(?:\d{1,4}|…|\.\.\.|[»›→]|next))*"
    r"(?:\s+\(\d[\d,]*\s+results?\))?$",
    re.IGNORECASE,
)
PAGE_NAV = re.compile(
    r"^[«‹←<\s]*(?:older|newer|previous|next|earlier|later)\s+"
    r"(?:entries|posts|articles|stories|items|page)\s*[»›→>]*$",
    re.IGNORECASE,
)
_PAGER_TOKEN = r"(?:\d{1,4}|[«»‹›←→<>…]+|\.\.\.|first|last|next|prev|previous|older|newer)"
PAGER = re.compile(rf"^{_PAGER_TOKEN}(?:\s+{_PAGER_TOKEN})+$", re.IGNORECASE)
"""'1 2 3 … 14 Next »', '« first ‹ previous 1 2 3 4 next › last »'."""
PAGER_WORD = re.compile(r"[a-z«»‹›←→<>…]", re.IGNORECASE)
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|^\(c\)\s+(?-i:[A-Z])[^.]{0,60}?\b(?:19|20)\d\d\b"
    r"|\bcopyright\s*(?:©|\(c\)|\d{4})|\ball rights reserved\b"
    r"|^(?:proudly\s+)?powered by\b",
    re.IGNORECASE,
)
IMAGE_PLACEHOLDER = re.compile(
    r"^\[?\s*(?:image|photo|picture|illustration|graphic|video)\s*"
    r"(?:removed|omitted|deleted|unavailable|not (?:available|shown|displayed))?\s*\.?\s*\]?$",
    re.IGNORECASE,
)
MAX_CHROME_CHARS = 300
"""Longest line read as page chrome, credit or title: a longer one is text."""
LINK_NOTE = re.compile(r"^\[[^\]]*\b(?:click|here)\b[^\]]*\]\.?$", re.IGNORECASE)
"""'[For more articles on <topic>, click HERE.]': a bracketed link instruction."""


WIDGET_COUNT = re.compile(r"^[^\W\d][\w .,&'’/-]{0,40}\s\(\d[\d,.]*\)$")
"""A category or archive widget's entry with its count: 'Elections (1,204)', 'May 2019 (7)'."""


def is_separator(text: str) -> bool:
    return bool(SEPARATOR.match(text))


def is_pagination(text: str) -> bool:
    """'Page 2 of 14', '« Older Entries', '1 2 3 … 14 Next »'."""
    if len(text) > 80:
        return False
    if PAGE_OF.match(text) or PAGE_NAV.match(text):
        return True
    if not PAGER.match(text) or not any(ch.isdigit() for ch in text):
        return False
    numbers = sum(1 for token in text.split() if token.isdigit())
    return numbers >= 3 or bool(PAGER_WORD.search(text))


def has_copyright(text: str) -> bool:
    """A copyright or 'powered by' mark (a cheap look for its words comes first)."""
    folded = text.casefold()
    hints = ("©", "(c)", "copyright", "rights reserved", "powered by")
    return any(hint in folded for hint in hints) and bool(COPYRIGHT.search(text))


def is_page_chrome(text: str) -> bool:
    """A line of page furniture whatever its place: pagination, a copyright or 'powered by'
    footer, an image placeholder, a bracketed link instruction, a rule glued to text, a
    widget's entry with its count, a filter box's row of checkboxes, a count of search
    results."""
    if len(text) > MAX_CHROME_CHARS:
        return False
    return bool(
        is_pagination(text)
        or has_copyright(text)
        or IMAGE_PLACEHOLDER.match(text)
        or LINK_NOTE.match(text)
        or SEPARATOR_LEAD.match(text)
        or WIDGET_COUNT.match(text)
        or len(CHECKBOX.findall(text)) >= MIN_CHECKBOXES
        or RESULT_COUNT.match(text)
    )


RESULT_COUNT = re.compile(
    r"^(?:showing|displaying|viewing|results?|items?)\s+\d[\d,]*\s*(?:-|–|to)\s*\d[\d,]*\b"
    r"|^(?:about\s+|found\s+)?\d[\d,.]*\s+(?:results?|documents?|matches|hits)\b"
    r"|^your\s+search\b.{0,120}?\breturned\b",
    re.IGNORECASE,
)
"""A search page's count of results ('Showing 1 - 10 of 57', 'About 18,300 results', 'Your
search for "<query>" returned 112 documents')."""


CHECKBOX = re.compile(r"\[[ xX✓]?\]|[☐☑☒]")
"""A form's checkbox as text ('[ ]', '[x]', '☐')."""
MIN_CHECKBOXES = 2
"""Fewest checkboxes on a line of a filter box ('Refine: [ ] News [ ] Analysis')."""


def chrome_rule(text: str) -> str:
    """The dropped rule of a chrome line: ``separator`` for rules, else ``page_chrome``."""
    return "separator" if is_separator(text) else "page_chrome"


# --- credit lines (shared with the digest layout) ----------------------------------------

BYLINE_START = re.compile(
    r"^(?:(?:posted|submitted|written|published|words|text|report(?:ed)?|story)\s+)?(?:by|on)\b"
    r"|^(?:author|authors|posted by|автор|авторы|текст)\s*:",
    re.IGNORECASE,
)
MAX_DATELINE_CHARS = 90
"""Longest line :func:`is_dateline` accepts (checked first: dates are costly to find)."""
CLOCK = re.compile(r"\b\d{1,2}:\d\d\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_ZONE = r"(?-i:MSK|GMT|UTC|CET|CEST|EET|EEST|ET|EST|EDT|PT|PST|PDT|BST)"
TIME_STAMP = re.compile(rf"^[0-2]?\d:[0-5]\d(?:\s*(?:[ap]\.?m\.?|{_ZONE}))?$", re.IGNORECASE)
"""A line that is only a time of day ('18:45', '6:05 pm', '09:30 MSK'): a news feed's stamp
over its headline, under a day header that gives the date."""
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "al", "bin", "el", "del", "la", "le"})
LEAD_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)


def clean_name(name: str) -> str | None:
    """A byline's name without what follows it: cut at a comma, semicolon or bracket, at a
    full stop after a word (not an initial), or at the first lower-case word that is not a
    name particle ('Ann Lee, translated by …', 'Ann Lee (translated by …)', 'Ann Lee.
    Volga Herald, March 5' -> 'Ann Lee')."""
    name = re.split(r"[,;(\[]|(?<=[^\W\d_]{2})\.\s", name)[0]  # '<Name>. <Outlet>, …'

    kept: list[str] = []
    for token in name.split():
        if token[:1].islower() and token not in NAME_PARTICLES and token != "and":
            break
        kept.append(token)
    while kept and (kept[-1] in NAME_PARTICLES or kept[-1] == "and"):
        kept.pop()
    cleaned = " ".join(kept).strip(" .;:-–—")
    return cleaned or None


ANY_DIGIT = re.compile(r"\d")
YEAR_BYLINE = re.compile(r"^(?:1[89]|20)\d\d\s*[|•·/–—]\s*\S")
"""A year then the names after a separator ('2023 / <Name>'): a library's or a search
engine's result row names a paper's year, no day, before its authors."""


def credit_byline(text: str) -> str | None:
    """The name on a short byline line: 'By <name>', 'Posted on <date> by <name>',
    '<name> - <date>', '<year> / <name>'. A line naming a translator, or a title that merely ends in
    'by <word>' without a date, is no byline."""
    text = BILINGUAL_LABEL.sub("", text)
    if len(text) > 140 or TRANSLATOR_LINE.match(text) or ORIGIN.match(text):
        return None
    if not (BYLINE_START.match(text) or ANY_DIGIT.search(text)):
        return None
    name = find_byline(text)
    dated = BYLINE_START.match(text) or YEAR_BYLINE.match(text) or find_date(text)
    if name is None or not dated:
        return None
    if SUBMITTED_BY.match(text) and HANDLE_BYLINE.match(text):
        return name  # 'Submitted by <handle> on <date>': a site's own byline, handle and all
    if HANDLE_DATE.match(text):
        return name  # '<handle> 5 мар 2021 в 11:20': a blogging platform's post header
    if LOGIN_MARK.search(name) and text.split()[1:] == [name]:
        return name  # 'by marta.kuusk' alone on its line: a login, dots and all
    return clean_name(name)


SUBMITTED_BY = re.compile(r"^submitted\s+by\s", re.IGNORECASE)
"""A content system's byline ('Submitted by <user> on <date>'), which names users by their
handles; other '<verb> by <handle>' lines are comment headers."""


def credit_date(text: str) -> bool:
    """A date line, alone or with a place, source or 'Posted on' around it ('The Guardian
    January 26, 2000'); not a line whose other words start in lower case or hold a user
    handle ('post by user_1 on <date>')."""
    if len(text) > MAX_DATELINE_CHARS:
        return False
    found = find_date(text)
    if found is None or not is_dateline(text):
        return False
    rest = text.replace(found[0], " ").split()
    if rest and rest[0][:1].islower():
        return False
    return not any("_" in token or "@" in token for token in rest)


def is_name(text: str) -> bool:
    """A line that is only a person's name ('Marina Vetrova', 'J. K. Rowan')."""
    match = SIGNATURE_NAME.match(text)
    if not match or match.group("name") != text.strip(" ,") or word_count(text) > 4:
        return False
    return text.split()[0] not in NOT_NAME_STARTS


NAMES_SEPARATOR = re.compile(r",\s+|\s+(?:and|&|и)\s+")


def is_names(text: str) -> bool:
    """A line that is only one person's name or a few ('Ann Lee, Oleg Sorin and Ivan
    Tarkov')."""
    parts = NAMES_SEPARATOR.split(text.strip())
    return 1 <= len(parts) <= 4 and all(is_name(part) for part in parts)


def names_of(text: str) -> str:
    """The names on a names line (:func:`is_names`), without a staff position written
    after them as if it were one more name ('Anna Lind, Senior Fellow' -> 'Anna Lind')."""
    text = text.strip(" ,")
    last = NAMES_SEPARATOR.split(text)[-1]
    if last != text and POSITION.search(last):
        return text[: len(text) - len(last)].rstrip(" ,&").removesuffix(" and").strip()
    return text


def is_named(text: str) -> bool:
    """A line of people's names only, or of a name and the writer's role ('Anna Lind |
    Senior Fellow', :func:`~flows.stages.segment.meta.name_with_role`)."""
    return is_names(text) or name_with_role(text) is not None


def bare_name(text: str) -> str | None:
    """The name on a line that is only a name."""
    return text.strip(" ,") if is_name(text) else None


DOUBLED_NAME = re.compile(r"^(?P<name>\S+(?:\s\S+){1,3})\s(?P=name)(?=\s|$)")
"""'<Name> <Name>': an author's name written twice, the text of the avatar's link run into
the name's link (a blogging platform's or a newspaper's author card)."""


def doubled_name(text: str) -> str | None:
    """The name a line opens with when it is written twice ('Ann Lee Ann Lee <title>')."""
    match = DOUBLED_NAME.match(text)
    return match.group("name") if match and is_name(match.group("name")) else None


SIGNED = re.compile(r"^(?:[-–—~]{1,2})\s*(?P<name>\S.*)$")


def signed_name(text: str) -> str | None:
    """The name on a closing signature line: '— Yulia Kondakova', '-- J. Rowan'."""
    match = SIGNED.match(text)
    return bare_name(match.group("name")) if match else None


COMMENT_COUNT = re.compile(
    r"[\s|•·,]+(?:\d+|no)\s+comments?$|[\s|•·,]+leave\s+a\s+comment$", re.IGNORECASE
)
"""A comment counter closing a meta line ('<date> <Name> 3 Comments')."""


YEAR_CELL = re.compile(r"(?:^|\s[/|·•–—-]\s|\()(?P<year>(?:1[89]|20)\d\d)(?:$|\s[/|·•–—-]\s|\))")
"""A bare year set apart as a cell of a credit row ('2023 / <Name>', '<Name> (2019)')."""


def dateline_name(text: str) -> str | None:
    """The names beside the date on '<Name>, <date>' / '<date> · <Name>' / '<year> /
    <Name>' / '<Surname>, <Given>; <Surname>, <Given> (<date>)', a comment counter after
    them and a time of day beside the date allowed ('<date> <Name> 0 Comments', '<Name>,
    14:20, <date>')."""
    found = find_date(text)
    year = YEAR_CELL.search(text) if found is None else None
    if found is None and year is None:
        return None
    when = found[0] if found else year["year"] if year else ""
    rest = COMMENT_COUNT.sub("", CLOCK.sub(" ", text.replace(when, " ", 1)).strip())
    rest = re.sub(r"\(\s*\)", " ", rest).strip(" ,.;:|•·–—-/")
    rest = rest[2:].lstrip() if LEAD_BYLINE.match(rest) else rest  # 'By <Name> · <date>'
    return rest if is_name(rest) else catalogue_names(rest)


def lead_byline(text: str) -> tuple[str | None, str | None]:
    """(name, date as written) of 'By <name>, <date>. <summary>' opening a long line."""
    if not LEAD_BYLINE.match(text):
        return None, None
    found = find_date(text[:160])
    if found is None:
        return None, None
    at = text.find(found[0])
    name = find_byline(text[:at].rstrip(" ,.;:-–—")) if at > 3 else None
    return (clean_name(name) if name else None), found[0]


LEAD_CREDIT = re.compile(r"^\((?P<credit>[^()]{10,200}?[–—|]\s?[^()]{3,200}?)\)\s*\S")
"""A parenthesised credit opening a summary, its parts set apart by dashes: '(Article
text ©2019 <Outlet> – <Name> – <date> – also at <site>) <summary>'."""


def lead_credit(text: str) -> tuple[str | None, str | None]:
    """(name, date as written) from a parenthesised credit opening a summary: the part
    that is only a person's name, and the first date."""
    match = LEAD_CREDIT.match(text)
    if match is None:
        return None, None
    parts = [part.strip() for part in re.split(r"\s[–—|]\s", match.group("credit"))]
    names = [part for part in parts[1:] if is_name(part)]
    found = find_date(match.group("credit"))
    return (names[0] if names else None), (found[0] if found else None)


DASHED_BYLINE = re.compile(r"^[\s—–|-]*By\s+(?P<name>\S[^—–|]{2,60}?)\s+[—–|]\s+\S")
"""'By <Name> — <text>': a byline run into a snippet, set apart by dashes."""


def dashed_byline(text: str, opened: str | None = None) -> str | None:
    """The name of 'By <name> — ' opening a snippet, after its date when it opens with one
    ('Oct 2, 2020 — By <Name> — Of the nine …')."""
    rest = text[len(opened) :] if opened and text.startswith(opened) else text
    match = DASHED_BYLINE.match(rest)
    return match.group("name") if match and is_name(match.group("name")) else None


def opening_date(text: str) -> str | None:
    """The date a line opens with ('<Month> <day>, <year> -- <place> -- <text>')."""
    found = find_date(text[:60])
    return found[0] if found and text.startswith(found[0]) else None


INNER_STOP = re.compile(r"[^\W\d_]{2}[.!?][\"'”’»)]?\s+[\"“‘(]?[A-ZА-ЯЁ]")
"""A sentence ending inside a line, before the next sentence ('… publicly. Regional …')."""
MIN_CUT_WORDS = 8
MAX_HEADLINE_WORDS = 20
"""Most words a headline has: a longer line without a sentence stop is a standfirst or a
summary whose stop was cut off."""


def is_headline(text: str, max_chars: int) -> bool:
    """A title line: short, upper-case start, no sentence end (a question is allowed), one
    sentence only, and not cut off ('… after the decrees had been published on the
    ...Read more' ends a summary, not a headline)."""
    if len(text) > max_chars or not 2 <= word_count(text) <= MAX_HEADLINE_WORDS:
        return False
    if INNER_STOP.search(text):
        return False
    if word_count(text) >= MIN_CUT_WORDS and CUT_OFF.search(text):
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in OPENING_QUOTES):
        return False
    if text.endswith((",", ";", ":", "-", "–", "—")) or text.casefold().startswith("re:"):
        return False
    stripped = text.rstrip("\"'”’»)")
    return not ends_sentence(text) or stripped.endswith(("?", "!"))


# --- listing items ------------------------------------------------------------------------

READ_MORE = re.compile(
    r"^[\[(«‹<\s]*(?:read\s+more|continue\s+reading|read\s+the\s+rest|keep\s+reading|"
    r"read\s+(?:the\s+)?(?:full|entire|whole)\s+(?:article|story|post|essay|report)|"
    r"read\s+on|full\s+(?:story|article)|continued|подробнее|читать\s+(?:далее|дальше|полностью))\b"
    r"|^(?:reading\s+time:?\s*)?\d{1,3}\s*min(?:ute)?s?\.?\s+read$",
    re.IGNORECASE,
)
"""A link to the rest of the item ('Read More »', 'Continued'), or the reading time shown
in its place ('4 Min read')."""
DATED_MORE = re.compile(r"^(?P<credit>\S.{4,60}?)\s*[|·•]\s*(?P<more>\S.{2,40})$")
"""'Sep 2, 2010 | Continued': the item's date and its read-more link on one line."""
CUT_OFF = re.compile(
    r"(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]|\b(?:read\s+more|continue\s+reading|"
    r"read\s+the\s+rest|keep\s+reading)\b[^.!?]{0,40})\s*$",
    re.IGNORECASE,
)
ITEM_FOOTER = re.compile(
    r"^(?:posted|filed)\s+(?:in|under)\b|^(?:categor(?:y|ies)|tags?|tagged|topics?|labels?)\s*:"
    r"|\|\s*(?:\d+\s+comments?|leave\s+a\s+comment|no\s+comments|comments?\s+off)\s*\)?$"
    r"|^\(?(?:\d+\s+comments?|leave\s+a\s+comment|add\s+(?:new|a)\s+comment|no\s+comments)\)?:?$"
    r"|^(?:рубрик[аи]|метки|теги|категори[яи])\s*:|^комментари[йиев]{0,2}\s*\(\d+\)(?:\s+\D{1,60})?$"
    r"|^(?:\d+\s+комментари(?:й|я|ев)|нет\s+комментариев)$"
    r"|^#[^\W\d_][\w-]*(?:\s+#[^\W\d_][\w-]*)*$",
    re.IGNORECASE,
)
META_ROLES = frozenset({"byline", "date"})
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$")
"""A line holding only a web address ('https://site.example/news/2020/11/…')."""
URL_ROW = re.compile(
    r"^(?:https?://|www\.)\S+(?:\s+[-–—·|]\s+(?!(?:https?://|www\.))[^-–—·|]{1,30}){1,4}$"
    r"|^(?:https?://)?(?:[\w-]+\.)+[^\W\d_]{2,}(?:\s+›\s+[^\s›]+){1,6}$"
)
"""A result's address followed by a few short cells ('<address> - 14 KB - 12 Mar 2023',
'<address> · Cached'), or shown as a trail of its path ('site.example › news › 2023'): the
address line of a search engine's result."""
TEASER_MARKS = frozenset({"cut off", "read-more", "footer", "dateline"})
_MONTH = (
    r"(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?i:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*)"
)
_CITY = r"[A-ZА-ЯЁ][A-ZА-ЯЁ.'’-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ.'’-]+){0,2}"
WIRE_DATELINE = re.compile(
    rf"^{_CITY},\s+(?:{_MONTH}\s+[0-3]?\d|[0-3]?\d\s+{_MONTH})"
    r"(?:,?\s+\d{4})?\s*(?:[./]\s*)?(?:/[^/\s][^/]{0,20}/|\([^()]{2,20}\))?\s*[:.–—-]*\s+\S"
)
"""A news agency's dateline opening an item's lead ('MOSCOW, November 29. /<Agency>/: ',
'KAZAN, 3 March (<Agency>) - ', 'МОСКВА, 29 ноября. /<Агентство>/. '): the place in
capitals, then the day."""
MAX_SUMMARY_CHARS = 1500
MIN_ARTICLE_PARAGRAPHS = 3
TRAIL_ROLES = frozenset({"more", "footer", "byline", "date", "signed", "count", "url"})
RU_AGE = re.compile(
    r"^(?:\d{1,3}\s+)?(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел(?:ю|и|ь)"
    r"|месяц(?:а|ев)?|год(?:а)?|лет)\s+назад$|^(?:вчера|сегодня)(?:,?\s+(?:в\s+)?\d{1,2}:\d\d)?$"
    r"|^только что$",
    re.IGNORECASE,
)
"""An item's age in Russian ('3 дня назад', 'неделю назад', 'вчера', 'вчера, 18:40')."""


STAMP = re.compile(r"^(?P<label>[^·•|]{1,40}?)\s+[·•|]\s+(?P<when>[^·•|]{1,30})$")
"""'Politics · 18 min ago', 'Regions · Mar 3, 2024', '<Source> · 2h': an item's section
or source and its age or date."""
AGE_SECTION = re.compile(r"^(?P<when>[^-–—|]{3,30}?)\s+[-–—]\s+(?P<label>[^-–—|]{2,40})$")
"""'2 hours ago - Politics & Policy', 'Yesterday - World': an item's age, then its section."""


def stamp_line(text: str) -> bool:
    """A stamp line: a section label (not a person's name, not a byline) beside the item's
    age or date, or after its age; or any label beside a short age ('2h', '1d': a feed reader's source,
    name-shaped or not). The label is no author."""
    aged = AGE_SECTION.match(text)
    if aged and (AGE.fullmatch(aged["when"]) or RU_AGE.match(aged["when"])):
        return not is_name(aged["label"].strip())
    match = STAMP.match(text)
    if match is None:
        return False
    label, when = match.group("label").strip(), match.group("when").strip()
    if BYLINE_START.match(label):
        return False
    if SHORT_AGE.match(when) and not AGE.fullmatch(when):
        return True  # '<Source> · 2h': a feed reader's source, whatever its shape
    dated = AGE.fullmatch(when) or ((found := find_date(when)) and found[0] == when)
    return bool(dated) and not is_name(label)


CREDIT_PATH = re.compile(
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’&-]*){0,3}(?:/[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,4}){1,3}"
    r"(?: via [A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3})?$"
)
"""'Irina Lapteva/Volga Wire Syndicate', 'Dmitri Vorsin/Kama Photo/Volga Wire', 'Anna
Sorel/AFP via Getty Images': a photo credit, capitalised names joined by slashes with no
space around them (the distributor after 'via')."""
CREDIT_LABEL = re.compile(
    r"^(?:photo|image|picture|illustration|chart|graphic|фото|иллюстрация|графика)"
    r"(?:s|\s+credit)?\s*:\s*(?=\S)",
    re.IGNORECASE,
)
MAX_CREDIT_WORDS = 4
"""'Photo: <Name>/<Agency>', 'Chart: <Outlet> Visuals', 'Фото: <Name>': an image's credit
under an item's headline, no part of its summary."""


def is_image_credit(text: str) -> bool:
    """An image's credit line ('<Name>/<Agency>', 'Photo: <Name>/<Agency>', 'Chart: <Outlet>
    Visuals'): after the label, a credit path or a few capitalised words (a headline's
    kicker, 'PHOTO: <headline>', runs longer or in sentence case)."""
    if CREDIT_PATH.match(text):
        return True
    label = CREDIT_LABEL.match(text)
    if label is None:
        return False
    words = text[label.end() :].split()
    return bool(CREDIT_PATH.match(text[label.end() :])) or (
        len(words) <= MAX_CREDIT_WORDS and all(word[:1].isupper() for word in words)
    )


MONTH_DAY = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+[0-3]?\d"
    r"|[0-3]?\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)$",
    re.IGNORECASE,
)
"""'Mar 14', '14 March': an item's date of this year, written without it."""


def is_crumb(text: str) -> bool:
    """A breadcrumb over an item ('Current News / Politics /', 'Home › World › Europe'):
    a path that ends in its separator or is drawn with an arrow or guillemet, or has three
    parts or more (two words joined by a slash may be a headline's)."""
    if not is_breadcrumb(text):
        return False
    stripped = text.rstrip()
    return (
        stripped.endswith(("/", "»", "›", ">", "→"))
        or any(mark in text for mark in "»›→")
        or len(re.split(r"\s(?:/|>)\s", text)) >= 3
    )


ARCHIVE_HEADING = re.compile(
    r"^(?:(?:tag|category|author|daily|monthly|yearly)\s+)?archives?\s*(?::|for\b)\s*\S"
    r"|^posts\s+tagged\s*:?\s*\S|^showing\s+posts\s+(?:with\s+label|for\s+query)\s",
    re.IGNORECASE,
)
"""An archive page's heading: 'Tag Archives: <tag>', 'Daily Archives: <date>', 'Archive for
the ‘<category>’ Category', 'Archive for March, 2022', 'Posts Tagged ‘<tag>’', 'Showing
posts with label <label>. Show all posts'. Never an item's title, and the date it may
hold is no item's date."""


MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
"""A markdown heading's mark ('## <title>'): a page converted to markdown keeps it."""
TYPE_TAG = re.compile(r"^\[(?-i:[A-Z]{2,12})\]\s+(?=\S)")
"""A result's type tag before its title ('[PDF] <title>', '[BOOK] <title>'): no part of it."""


CITATION_ROW = re.compile(
    r"^(?P<names>[^|]{2,100}?)\s+[-–—]\s+(?:[^|]{1,80}?,\s*)?(?:19|20)\d\d(?:\s+[-–—]\s+\S|$)"
)
"""A reference's byline row: names, an optional venue, a year, a publisher or host where
shown, cells split by dashes ('<Name>, <Name> - <Journal>, 2021 - <Publisher>', '<Name> -
2016 - <host>', '<Name> - <Journal>, 2023' in an alert mail), as a search engine of papers
prints it under each title."""


def citation_names(text: str) -> str | None:
    """The names opening a reference's byline row (:data:`CITATION_ROW`); None for other
    lines."""
    match = CITATION_ROW.match(text)
    if match is None:
        return None
    parts = NAMES_SEPARATOR.split(match["names"].strip())
    if len(parts) > MAX_CITED_NAMES or not all(
        is_name(part) or INITIALS_NAME.match(part) for part in parts
    ):
        return None
    return match["names"].strip()


SURNAME_FIRST = (
    r"[A-ZА-ЯЁ][^\W\d_]+(?:[-'’][^\W\d_]+)*,\s[A-ZА-ЯЁ][^\W\d_]*\.?(?:\s[A-ZА-ЯЁ][^\W\d_]*\.?)?"
)
CATALOGUE_NAMES = re.compile(rf"^{SURNAME_FIRST}(?:;\s*{SURNAME_FIRST}){{0,9}}$")
"""A catalogue's list of creators, each surname first, a comma before the given names,
people split by semicolons ('Orlova, Daria; Fedin, S.'), as a repository or a library
prints it under a record's title."""


def catalogue_names(text: str) -> str | None:
    """The line itself when it lists creators surname first (:data:`CATALOGUE_NAMES`), a
    record's byline; None for other lines."""
    text = text.strip()
    return text if CATALOGUE_NAMES.match(text) else None


INITIALS_NAME = re.compile(r"^(?:[A-ZА-ЯЁ]{1,3}\.?\s*)+\s[A-ZА-ЯЁ][^\W\d_]+(?:[-'’][^\W\d_]+)*$")
"""A name cited with initials and no full stops ('AB Ivanova', 'D Kuznetsov')."""
MAX_CITED_NAMES = 6
"""Most names in a reference's byline row (a search engine cuts longer lists off)."""


def line_role(text: str, max_title_chars: int) -> str:
    """What one line of a listing is: chrome, url, more, footer, byline, date, head, prose
    or other. A markdown heading is read without its mark; one that is only a date heads
    an untitled item (see :attr:`Item.dated_heading`). A headline after a type tag ('[PDF]
    <title>') is a head."""
    if marked := MARKDOWN_HEADING.match(text):
        role = line_role(text[marked.end() :], max_title_chars)
        return "head" if role == "date" else role
    if tagged := TYPE_TAG.match(text):
        return "head" if line_role(text[tagged.end() :], max_title_chars) == "head" else "other"
    if len(text) > MAX_CHROME_CHARS:
        return prose_or_other(text)
    if len(text) <= 120 and ARCHIVE_HEADING.match(text):
        return "chrome"
    if credited := LEAD_CREDIT.match(text):  # '(©2019 <Outlet> – <Name>) <summary>'
        return prose_or_other(text[credited.end() - 1 :])
    if is_separator(text) or is_page_chrome(text) or SHARE_BAR.match(text):
        return "chrome"
    if BARE_URL.match(text) or URL_ROW.match(text):
        return "url"
    if is_image_credit(text):
        return "chrome"
    if is_crumb(text):
        return "crumb"
    if COUNT_LINE.match(text):
        return "count"
    if MONTH_DAY.match(text):
        return "date"
    if len(text) <= 60 and READ_MORE.match(text):
        return "more"
    if stamp_line(text):
        return "date"
    if credit_byline(text) or ((name := doubled_name(text)) and len(name) * 2 + 1 == len(text)):
        return "byline"
    if signed_name(text):
        return "signed"  # a closing signature: the byline under the summary
    if citation_names(text) or catalogue_names(text):
        return "byline"
    cells = row_cells(text)
    if any(credit_date(cell) for cell in cells) and any(is_names(cell) for cell in cells):
        return "byline"  # '<date> · <n> min · <Name>, <Name>': a meta row
    if len(text) <= 200 and ITEM_FOOTER.search(text):
        return "footer"
    dated_more = DATED_MORE.match(text)
    if dated_more and READ_MORE.match(dated_more["more"]) and credit_date(dated_more["credit"]):
        return "date"
    age = text.strip(" ·•|")
    if credit_date(text) or (len(text) <= 30 and (AGE.fullmatch(age) or RU_AGE.match(age))):
        return "date"  # a date line, or the item's age ('2 hours ago', 'Yesterday')
    if aged_handle(text):
        return "byline"  # '<tags> by <handle> 2 days ago': the item's meta row
    if READING_TIME_LINE.match(text) or is_labelled_count(text):
        return "count"  # a post's reading time, a counter ('Views: 1 318')
    if dateline_name(text):
        return "byline"  # '2023 / <Name>': a credit row of a year and names
    if is_headline(text, max_title_chars):
        return "head"
    badge = ACCESS_BADGE.search(text)
    if badge and is_headline(text[: badge.start()], max_title_chars):
        return "head"  # '<title>? Public': the badge read apart (see _mark_badges)
    return prose_or_other(text)


MAX_ROW_WORDS = 16
"""Most words of an item's meta row (tags, a handle, an age, actions)."""


def aged_handle(text: str) -> str | None:
    """The poster's handle on an item's meta row that credits it, the item's age right
    after it, no sentence ('<tags> by <handle> 2 days ago copy to mine', 'Submitted by
    <handle> 3 hours ago (<domain>)'); None for any other line."""
    if word_count(text) > MAX_ROW_WORDS or ends_sentence(text):
        return None
    found = AGED_HANDLE.search(text)
    if found is None or AGE.match(text[found.end() :].lstrip()) is None:
        return None  # the age right after the handle ('by the editors 2 days ago': no handle)
    return found.group("name")


def prose_or_other(text: str) -> str:
    """``prose`` for a line of text (twelve words, or six ending a sentence), else
    ``other``."""
    words = words_up_to(text, 12)
    return "prose" if words >= 12 or (words >= 6 and ends_sentence(text)) else "other"


@dataclass
class Item:
    """One listing item: its title line, summary lines, byline/date lines (kept in the
    post's span, out of its body) and the other lines it owns (read-more, footer)."""

    body: list[Line]
    title: Line | None = None
    meta: list[Line] = field(default_factory=list)
    extra: list[Line] = field(default_factory=list)
    lead: bool = False
    author: str | None = None
    published: str | None = None
    deck: list[Line] = field(default_factory=list)
    """Lines between the title and the summary kept in the post's text (a subtitle, a
    quoted source's date line and headline)."""
    badge: str | None = None
    """An access badge glued to the title line ('Paid Members Public'), no part of it."""
    credit: str | None = None
    """A credit glued to the title line (' - <Name>, <Outlet>'), no part of it."""
    label: str | None = None
    """A field's label or a rank opening the title line ('Topic: ', '3. '), no part of it."""
    glued: str | None = None
    """A record's field glued after the title ('<title>. Sponsor: <Name>'), no part of it."""
    repeated: bool = False
    """A block the page shows twice or more, title and text alike (a promotion between the
    items): no item, its lines are chrome."""
    shaped: bool = False
    """Read from the page's repeated item shape (:mod:`flows.stages.segment.shapes`), which
    may give no title."""

    @property
    def dated_heading(self) -> str | None:
        """The date of a title line that is a markdown heading holding only a date ('##
        September 18, 2023' over an untitled post): the item's date, not its title."""
        if self.title is None or not (marked := MARKDOWN_HEADING.match(self.title.text)):
            return None
        rest = self.title.text[marked.end() :]
        found = find_date(rest)
        return found[0] if found and credit_date(rest) else None

    @property
    def title_text(self) -> str | None:
        if self.title is None or self.dated_heading:
            return None
        glued = self.badge or self.credit or self.glued
        text = self.title.text[: -len(glued)].rstrip() if glued else self.title.text
        text = text.removeprefix(self.label) if self.label else text
        return TYPE_TAG.sub("", MARKDOWN_HEADING.sub("", text))

    @property
    def lines(self) -> list[Line]:
        found = [*self.body, *self.meta, *self.extra, *self.deck]
        if self.title is not None:
            found.append(self.title)
        return sorted(found, key=lambda line: line.index)

    def marks(self) -> set[str]:
        """The listing marks this item shows."""
        found: set[str] = set()
        for line in self.meta:
            if not self.body and TIME_STAMP.match(line.text):
                found.add("time")  # '18:45' over a headline: a news feed's item
            elif BARE_URL.match(line.text) or URL_ROW.match(line.text):
                found.add("link")  # a search result's address under its title
            elif not CLOCK.search(line.text):
                dated = find_date(line.text) or AGE.search(line.text)
                found.add("date" if dated else "byline")
                if credit_byline(line.text) or dateline_name(line.text):
                    found.add("byline")
        for line in self.extra:
            if COUNT_LINE.match(line.text):
                continue  # a bare number may be a page's number as well as a count
            found.add("read-more" if READ_MORE.match(line.text) else "footer")
        if self.lead:
            found.add("credit above title")
        if self.badge:
            found.add("access badge")
        if self.credit:
            found.add("byline")
        if not self.body:
            return found
        if CUT_OFF.search(self.body[-1].text) or cut_mid_sentence(self.body[-1].text):
            found.add("cut off")
        if lead_byline(self.body[0].text)[0]:
            found.add("byline")
        if WIRE_DATELINE.match(self.body[0].text):
            found.add("dateline")
        return found


MAX_GLUED_PREFIX = 40


def is_glued_repeat(text: str, above: str) -> bool:
    """A line that repeats the line above after a short glued prefix ('Sep 2, 2010 |
    ContinuedA district court…' under 'A district court…'): a link's text run into a
    hidden copy of the summary, which is no new text."""
    prefix = len(text) - len(above)
    return 0 < prefix <= MAX_GLUED_PREFIX and len(above) >= 40 and text.endswith(above)


def _runs(filled: Sequence[Line], roles: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) positions of each paragraph of prose lines (no blank line between)."""
    runs: list[tuple[int, int]] = []
    for position, role in enumerate(roles):
        if role != "prose":
            continue
        adjacent = runs and runs[-1][1] == position - 1
        if adjacent and filled[position].index == filled[position - 1].index + 1:
            runs[-1] = (runs[-1][0], position)
            continue
        runs.append((position, position))
    return runs


def is_title_case(text: str) -> bool:
    """A headline in title case: four words or more, three in four of the longer ones
    capitalised."""
    words = [word for word in text.split() if word[:1].isalpha()]
    long = [word for word in words if len(word) >= 4]  # 'a', 'in', 'the' stay lower case
    capitalised = sum(1 for word in long if word[:1].isupper())
    return len(words) >= 4 and bool(long) and capitalised >= 0.75 * len(long)


CATEGORY_LINE = re.compile(r"^(?:in|в|рубрика:?)\s+\S.{0,40}$", re.IGNORECASE)
MAX_CATEGORY_WORDS = 4


def _category_under_meta(
    filled: Sequence[Line], roles: Sequence[str], position: int, floor: int
) -> bool:
    """Whether the line at `position` is the item's category printed under its byline or
    date ('In <Category>'): a headline comes above its meta lines, never under them."""
    text = filled[position].text
    return (
        position - 1 > floor
        and roles[position - 1] in META_ROLES
        and word_count(text) <= MAX_CATEGORY_WORDS
        and CATEGORY_LINE.match(text) is not None
    )


def _title_above(
    filled: Sequence[Line], roles: Sequence[str], first: int, floor: int
) -> tuple[int | None, list[int], list[int]]:
    """(title position, byline/date positions, caption positions) above a summary starting
    at `first`; the search stops at `floor` (what the previous item owns). A bare name
    under a longer headline is the byline ('<title>' '<Name>' '<date>' '<summary>'); a
    line in sentence case under a title-case headline, or a picture's credit under any
    headline, is an image's caption."""
    meta: list[int] = []
    position = first - 1
    while position > floor and (
        roles[position] in {"crumb", "count"}
        or is_image_credit(filled[position].text)
        or _category_under_meta(filled, roles, position, floor)
    ):
        position -= 1  # 'Current News / Politics /', a comment count, an image's credit
    while position > floor and roles[position] in META_ROLES | {"url"} and len(meta) < 3:
        meta.append(position)
        position -= 1
    if position <= floor or roles[position] != "head":
        return None, [], []
    above = position - 1
    if (
        is_name(filled[position].text)
        and above > floor
        and roles[above] == "head"
        and not is_name(filled[above].text)
        and word_count(filled[above].text) > word_count(filled[position].text)
    ):
        meta.append(position)
        position = above
    elif above > floor and roles[above] == "head" and is_picture_credit(filled[position].text):
        return above, meta, [position]  # '<Headline>' over a picture's credit ('Photo: <Name>')
    elif (
        not meta
        and above > floor
        and roles[above] == "head"
        and is_title_case(filled[above].text)
        and not is_title_case(filled[position].text)
        and not is_name(filled[position].text)
    ):
        return above, [], [position]  # '<Headline>' over an image's caption
    return position, meta, []


MIN_SECOND_LINES = 2
"""Fewest items whose headline stands over a name line for every item's second head line
to be its credit line."""


def _align_second_lines(filled: Sequence[Line], roles: Sequence[str], heads: list[Head]) -> None:
    """Read the second of two headline-shaped lines over a summary as the credit line (an
    outlet, a section, a name the name test misses: 'The Civic Quarterly') rather than the
    title, in place, when it is the shorter of the two and two items or more, half of the
    titled ones or more, show a headline over a name line so: the items of one page
    repeat one shape."""
    seconds = [
        number
        for number, (title, meta, first, _) in enumerate(heads)
        if title is not None and title + 1 in meta and title + 2 == first
    ]
    titled = sum(1 for head in heads if head[0] is not None)
    if len(seconds) < max(MIN_SECOND_LINES, titled / 2):
        return
    floor = -1
    for number, (title, meta, first, last) in enumerate(heads):
        if title is not None and not meta and title + 1 == first:
            above = title - 1
            longer = word_count(filled[above].text) > word_count(filled[title].text)
            if above > floor and roles[above] == "head" and longer:
                heads[number] = (above, [title], first, last)
        floor = last


def _titled_sentences(text: str) -> bool:
    """Two short sentences in title case ('Governors Are Getting Younger. That Does Not Mean
    Change.'): a headline when a byline stands right under it (a summary is not written in
    title case)."""
    return (
        word_count(text) <= MAX_HEADLINE_WORDS
        and len(INNER_STOP.findall(text)) == 1
        and is_title_case(text)
    )


def _labelled_name(
    filled: Sequence[Line], roles: Sequence[str], title: int, floor: int
) -> int | None:
    """The position of a columnist's name over a title, under a one-word section label
    ('opinion' / '<Name>' / '<title>'), else None."""
    name, label = title - 1, title - 2
    if label <= floor or not is_name(filled[name].text) or is_name(filled[label].text):
        return None
    text = filled[label].text
    return name if word_count(text) == 1 and roles[label] in {"head", "other"} else None


def _labels_repeat(
    filled: Sequence[Line],
    roles: Sequence[str],
    heads: Sequence[tuple[int | None, list[int], int, int]],
) -> bool:
    """Whether every title with a name-shaped line right over it shows a section label over
    that name: a columnist's page ('opinion' / '<Name>' / '<title>'). When only some do,
    the name-shaped lines are the items' outlets or sections ('<Outlet>' / '<headline>' on
    a news aggregator's page, the first under the page's own buttons), no authors."""
    named = labelled = 0
    floor = -1
    for title, _, _, last in heads:
        if title is not None and title - 1 > floor and is_name(filled[title - 1].text):
            named += 1
            labelled += _labelled_name(filled, roles, title, floor) is not None
        floor = last
    return labelled == named


def _lead_meta(roles: Sequence[str], title: int, floor: int) -> list[int]:
    """Byline and date lines right above a title (a short label may sit between)."""
    found: list[int] = []
    labels = 0
    position = title - 1
    while position > floor and len(found) < 2:
        role = roles[position]
        if role in META_ROLES:
            found.append(position)
        elif role in {"head", "other"} and not found and labels == 0:
            labels += 1
        else:
            break
        position -= 1
    return found


LONE_MARKS = frozenset({"·", "•", "|", "–", "—"})
"""A separator glyph standing on a line of its own between a card's name and date ('<Name>'
'·' '<date>'): no line of the item, read as if it were not there."""
MIN_STANDFIRST_WORDS = 8


def _is_standfirst(
    filled: Sequence[Line],
    roles: Sequence[str],
    here: int,
    repeated: frozenset[str] = frozenset(),
) -> bool:
    """A headline-shaped line right under a shorter headline, with no text under it (a blank
    line, then the card's reading time or date; or the card's byline right under it, or
    its date when the line is a deck's length): the item's subtitle, its summary. With other text right under it, such a line is an
    image's caption instead. A line the page shows more than once (`repeated`: a link
    closing every item, 'Log in to post comments') is no headline to stand under: on a
    page without blank lines the next item's headline follows it."""
    above, line = filled[here - 1], filled[here]
    if roles[here] != "head" or roles[here - 1] != "head" or line.index != above.index + 1:
        return False
    if above.text.strip() in repeated:
        return False
    words = word_count(line.text)
    if words < MIN_STANDFIRST_WORDS or words <= word_count(above.text):
        return False
    if is_name(above.text):
        return False
    after = here + 1
    if after >= len(filled):
        return False
    if filled[after].index == line.index + 1 and (
        roles[after] == "byline" or (roles[after] == "date" and words >= MIN_DECK_WORDS)
    ):
        return True  # '<title>' '<subtitle>' '<date> • <Name>': a card's stacked lines
    return filled[after].index != line.index + 1 and roles[after] in {"more", "date"}


MAX_CAPTION_WORDS = 40


def _is_caption(filled: Sequence[Line], roles: Sequence[str], here: int) -> bool:
    """An image's caption: a line of prose right over a photo credit ('<Name>/<Agency>'),
    itself right under the item's summary (no blank line between the three): no part of
    the summary."""
    below, above = here + 1, here - 1
    if below >= len(filled) or roles[here] != "prose" or roles[above] != "prose":
        return False
    if not CREDIT_PATH.match(filled[below].text):
        return False
    if word_count(filled[here].text) > MAX_CAPTION_WORDS:
        return False
    index = filled[here].index
    return filled[above].index == index - 1 and filled[below].index == index + 1


MIN_DECK_WORDS = 12


def _is_deck(
    filled: Sequence[Line], roles: Sequence[str], here: int, *, name_title: bool = False
) -> bool:
    """A headline-shaped line of twelve words or more standing apart under a shorter
    headline (a blank line between), with no text under it: the item's deck, its summary
    written without a closing stop. A headline that reads as a name ('Courts Without
    Surprises') is a byline over the line unless `name_title` says the page's other items
    show the same structure."""
    above, line = filled[here - 1], filled[here]
    if roles[here] != "head" or roles[here - 1] != "head" or line.index == above.index + 1:
        return False
    words = word_count(line.text)
    if words < MIN_DECK_WORDS or words <= word_count(above.text):
        return False
    if is_name(above.text) and not name_title:
        return False
    return here + 1 >= len(filled) or roles[here + 1] not in {"prose", "head"}


MIN_REPEATED_DECKS = 2


def _mark_decks(filled: Sequence[Line], roles: list[str]) -> None:
    """Read standfirsts and decks as summaries. When two decks or more stand under a title
    with the same kind of line over it (a date line over each title), a deck under a title
    that reads as a name, with that kind of line over it too, is one more item of the same
    structure, not a byline over a headline."""
    decks: list[int] = []
    shown = Counter(line.text.strip() for line in filled)
    repeated = frozenset(text for text, count in shown.items() if count > 1)
    for here in range(1, len(roles)):
        if _is_standfirst(filled, roles, here, repeated):
            roles[here] = "prose"
        elif _is_deck(filled, roles, here):
            roles[here] = "prose"
            decks.append(here)
    over = {roles[here - 2] for here in decks if here >= 2}
    if len(decks) < MIN_REPEATED_DECKS or len(over) != 1 or over <= {"head", "prose"}:
        return
    for here in range(2, len(roles)):
        if roles[here - 2] in over and _is_deck(filled, roles, here, name_title=True):
            roles[here] = "prose"


MIN_STAMP_ROWS = 3
"""Fewest rows of one shape, each with a number, over the titles for the rows to be the
items' meta rows."""
MAX_STAMPED_TITLE_WORDS = 32
"""Most words of a headline in sentences under a meta row (two sentences at most)."""


def _mark_stamped_titles(filled: Sequence[Line], roles: list[str]) -> None:
    """Read the line under each of an item's meta rows as its title, sentence or not. A row
    with a number (a date, an age) whose shape repeats three times or more ('<Section>
    <stamp>', '<SECTION> / <Topic> - <age>') opens the items when, twice or more, a
    headline stands right under it over a paragraph: then, where two lines of prose stand
    between a row and the next (or the page's end), the first, two sentences at most and
    not cut off, is a headline written in sentences ('<Sentence>. <Sentence>.')."""
    rows: dict[str, list[int]] = {}
    for here in range(len(filled) - 2):
        text = filled[here].text
        if len(text) <= MAX_CHROME_CHARS and any(char.isdigit() for char in text):
            rows.setdefault(masked(text), []).append(here)  # '<Section> <stamp>' rows alike
    for positions in rows.values():
        if len(positions) < MIN_STAMP_ROWS:
            continue
        titled = sum(1 for at in positions if roles[at + 1] == "head" and roles[at + 2] == "prose")
        if titled < 2:
            continue
        for at, after in zip(positions, [*positions[1:], None], strict=True):
            if roles[at + 1] != "prose" or roles[at + 2] != "prose":
                continue
            if after is None:
                after = at + 3 if at + 3 >= len(roles) or roles[at + 3] != "prose" else None
            title = filled[at + 1].text
            if after != at + 3 or CUT_OFF.search(title):
                continue
            if word_count(title) <= MAX_STAMPED_TITLE_WORDS and len(INNER_STOP.findall(title)) <= 1:
                roles[at + 1] = "head"


def _mail_header_lines(filled: Sequence[Line]) -> list[int]:
    """Positions of the header blocks' lines ('From:', 'Date:', 'To:', 'Subject:',
    :func:`~flows.stages.mail_fields.header_block`) on a page that opens with one (a mail):
    its own header and those of the messages it forwards, never an item's title or
    credits."""
    texts = [line.text for line in filled]
    if opening_block(texts) is None:
        return []
    found: list[int] = []
    here = 0
    while here < len(texts):
        end = header_block(texts, here)
        found.extend(range(here, end))
        here = max(end, here + 1)
    return found


def find_items(lines: Sequence[Line], config: SegmentConfig) -> list[Item]:
    """The items of a listing page, in reading order (titled or not)."""
    filled = [line for line in lines if not line.is_blank and line.text not in LONE_MARKS]
    roles = [line_role(line.text, config.max_title_chars) for line in filled]
    _mark_decks(filled, roles)
    for here in range(len(roles) - 1):  # '<Name> / <Outlet>:' over a headline: a byline
        text = filled[here].text
        if roles[here] == "other" and roles[here + 1] == "head" and attribution_name(text):
            roles[here] = "byline"
    for here in range(len(roles) - 1):  # '<Name>' right over '<date>': a byline
        text = filled[here].text
        if roles[here] == "head" and roles[here + 1] == "date" and is_named(text):
            roles[here] = "byline"
    for here in range(len(roles) - 1):  # '<Two. Sentences.>' over '<Name>': a headline
        if (
            roles[here] == "prose"
            and roles[here + 1] == "byline"
            and _titled_sentences(filled[here].text)
        ):
            roles[here] = "head"
    _mark_stamped_titles(filled, roles)
    for here in range(1, len(roles)):
        if is_glued_repeat(filled[here].text, filled[here - 1].text):
            roles[here] = "more"
    for here in range(2, len(roles)):
        if _is_caption(filled, roles, here):
            roles[here] = "chrome"
    for here in _mail_header_lines(filled):
        roles[here] = "chrome"
    runs = _runs(filled, roles)
    heads: list[tuple[int | None, list[int], int, int]] = []
    captions: list[list[int]] = []
    floor = -1
    for first, last in runs:
        title, meta, caption = _title_above(filled, roles, first, floor)
        heads.append((title, meta, first, last))
        captions.append(caption)
        floor = last
    _align_second_lines(filled, roles, heads)
    for title, stamp in _headline_pairs(filled, roles, heads):
        bylines = [at for at in range(title + 1, stamp) if roles[at] == "byline"]
        heads.append((title, [*bylines, stamp], stamp + 1, stamp))  # no summary: an empty body
        captions.append([])
    for stamp, title in _stamped_headlines(filled, roles, heads):
        heads.append((title, [stamp], title + 1, title))  # no summary: an empty body
        captions.append([])
    order = sorted(range(len(heads)), key=lambda n: _head_start(heads[n]))
    promoted = _repeated_heads(filled, heads)
    order = [n for n in order if n not in promoted]
    heads, captions = [heads[n] for n in order], [captions[n] for n in order]
    _dated_stack_titles(filled, roles, heads, captions)
    lead_mode = _dates_lead(roles, heads)
    heads, captions, decks = _top_titles(filled, roles, heads, captions)
    if any(decks):
        lead_mode = _dates_lead(roles, heads)
    labelled = _labels_repeat(filled, roles, heads)
    items: list[Item] = []
    added: dict[int, list[Line]] = {}
    owned_until = -1
    for number, (title, meta, first, last) in enumerate(heads):
        next_start = _start_of(heads, number + 1, roles, lead_mode, len(filled))
        if title is None and items and first == owned_until + 1 and not meta:
            items[-1].body += filled[first : last + 1]  # a second summary paragraph
            added.setdefault(len(items) - 1, []).extend(filled[first : last + 1])
            owned_until = _trail(items[-1], filled, roles, last, next_start, lead_mode)
            continue
        item = Item(body=list(filled[first : last + 1]))
        if title is not None:
            item.title = filled[title]
            item.meta = [filled[position] for position in sorted(meta)]
            item.extra = [filled[position] for position in captions[number]]
            item.deck = [filled[position] for position in decks[number]]
            if lead_mode:
                lead = _lead_meta(roles, title, owned_until)
                owned = {line.index for line in item.meta}
                item.meta[:0] = [
                    filled[position]
                    for position in sorted(lead)
                    if filled[position].index not in owned
                ]
                item.lead = bool(lead)
            elif labelled and (name := _labelled_name(filled, roles, title, owned_until)):
                item.meta.insert(0, filled[name])  # 'opinion' / '<Name>' over the title
            elif (day := _day_over(filled, roles, item, title, owned_until)) is not None:
                item.meta.insert(0, filled[day])
        owned_until = _trail(item, filled, roles, last, next_start, lead_mode)
        items.append(item)
    _drop_closing_paragraph(items, added)
    _drop_lone_lead(items)
    _drop_lone_head_line(items)
    items = _add_closed_headlines(items, filled, roles)
    items = _attributed_headlines(items, filled, roles)
    _read_stacks(items, filled, roles)
    for item in items:
        _read_credits(item)
    _date_by_day_header(items, filled, roles)
    _strip_section_prefix(items, filled)
    _mark_badges(items)
    _mark_ranks(items)
    _mark_title_credits(items)
    for number in sorted(promoted):
        title, _, first, last = promoted[number]
        assert title is not None
        items.append(Item(list(filled[first : last + 1]), filled[title], repeated=True))
    return items


MIN_CLOSED_ITEMS = 2
"""Fewest items with a summary whose first line under it opens alike ('Save Cite Cited by
<n> ...') for that row to close the page's items."""


def _closer(item: Item, filled: Sequence[Line], where: Mapping[int, int]) -> int | None:
    """The position of the first line under an item's summary, where it has one."""
    if item.title is None or not item.body:
        return None
    below = where[item.body[-1].index] + 1
    return below if below < len(filled) else None


def _add_closed_headlines(
    items: list[Item], filled: Sequence[Line], roles: Sequence[str]
) -> list[Item]:
    """The items with their summary, plus an item of a headline and its meta lines (byline,
    date) wherever such a pair, owned by no item, stands right over a row that closes the
    items: the row under the summary of ``MIN_CLOSED_ITEMS`` items or more, opening alike
    in each (:func:`shares_opening`). An item the page shows without a summary (a
    reference with no snippet) keeps the frame of the others."""
    where = {line.index: position for position, line in enumerate(filled)}
    closers = [c for item in items if (c := _closer(item, filled, where)) is not None]
    texts = [filled[position].text for position in closers]
    if len(closers) < MIN_CLOSED_ITEMS or not shares_opening(texts):
        return items
    owned = {where[line.index] for item in items for line in item.lines} | set(closers)
    added = []
    for position in range(closers[0] + 1, len(filled)):
        if position in owned or not shares_opening([*texts, filled[position].text]):
            continue
        top = max(p for p in owned if p < position) + 1
        meta = list(range(top + 1, position))
        if roles[top] == "head" and meta and all(roles[p] in META_ROLES for p in meta):
            added.append(Item([], filled[top], [filled[p] for p in meta]))
            owned.update(range(top, position + 1))
    return sorted([*items, *added], key=lambda item: item.lines[0].index)


MIN_ATTRIBUTED_ITEMS = 2
"""Fewest items with a summary under an attribution line for a headline alone under one to
be an item."""


def _attributed_headlines(
    items: list[Item], filled: Sequence[Line], roles: Sequence[str]
) -> list[Item]:
    """The items, plus an item of a headline alone wherever it stands right under an
    attribution line (``<Outlet>:``, ``<Name> / <Outlet>:``, :func:`is_attribution`), on
    lines no item owns, when ``MIN_ATTRIBUTED_ITEMS`` items with a summary or more show
    their titles under such a line: a news river lists some stories by their headline
    only, in the frame of the others. The attribution is the item's byline when it names a
    person."""
    where = {line.index: position for position, line in enumerate(filled)}

    def credited(title: int) -> bool:
        above = filled[title - 1] if title > 0 else None
        return (
            above is not None
            and above.index == filled[title].index - 1
            and is_attribution(above.text)
        )

    framed = [
        item
        for item in items
        if item.title is not None and item.body and credited(where[item.title.index])
    ]
    if len(framed) < MIN_ATTRIBUTED_ITEMS:
        return items
    owned = {where[line.index] for item in items for line in item.lines}
    added = []
    for title in range(1, len(filled)):
        if roles[title] != "head" or {title - 1, title} & owned or not credited(title):
            continue
        credit = filled[title - 1]
        added.append(Item([], filled[title], [credit] if attribution_name(credit.text) else []))
        owned.update((title - 1, title))
    return sorted([*items, *added], key=lambda item: item.lines[0].index)


MIN_ONE_PARAGRAPH_ITEMS = 2
"""Fewest items of one summary paragraph each above the last for a paragraph after the
last item's summary to be the page's closing."""


def _drop_closing_paragraph(items: Sequence[Item], added: Mapping[int, list[Line]]) -> None:
    """Take out of the last item the paragraphs after its summary when no other item has
    more than one (two or more above it): the page's closing under the items ('Know someone
    who would enjoy this? Forward it along.'), no part of the last summary."""
    last = items[-1] if items else None
    if last is None or last.title is None or list(added) != [len(items) - 1]:
        return
    if sum(1 for item in items[:-1] if item.title is not None) < MIN_ONE_PARAGRAPH_ITEMS:
        return
    closing = {line.index for line in added[len(items) - 1]}
    last.body = [line for line in last.body if line.index not in closing]


MAX_STACK_LINES = 8
"""Most short lines between an item's stamp and its summary (title, level, reading time,
views, tags)."""
MAX_STACK_AUTHOR_WORDS = 3
"""Most words of the author's line over an item's stamp (a name, a handle)."""
MAX_STACK_STAMP_CHARS = 30
STACK_AUTHOR_ROLES = frozenset({"head", "other", "byline"})


def _is_stack_stamp(text: str, role: str) -> bool:
    """An item's stamp over its title: a date or age line ('5 часов назад', '3 мар 2024 в
    11:47')."""
    return role == "date" or (len(text) <= MAX_STACK_STAMP_CHARS and find_date(text) is not None)


def _stack_author_line(text: str, role: str) -> bool:
    return (
        role in STACK_AUTHOR_ROLES
        and word_count(text) <= MAX_STACK_AUTHOR_WORDS
        and any(char.isalpha() for char in text)
        and not any(word.isdigit() for word in text.split())  # a counter ('Comments 64')
        and find_date(text) is None
    )


def _read_stacks(items: Sequence[Item], filled: Sequence[Line], roles: Sequence[str]) -> None:
    """Items whose head is a stack of short lines over the summary, the author's line (a
    name, a handle) over a stamp, then the title, then fields (level, reading time, views,
    tags) right over the summary ('<handle>' '<age>' '<title>' '<level>' '<n> min' '<tags>'
    '<summary>'; '<Name>' '<community>' '<age>' '<title>' '<summary>'). When every titled
    item (three or more) shows a stamp in its stack, the headline right under the stamp is
    the title when it is the one taken or longer (a field line taken for it, a tag list, is
    chrome), and the author is the line at one distance over every stamp (one or two
    lines: a community label may sit between), the distance whose lines are short words
    with no count, above the item before, and differ the most (a label repeats)."""
    titled = [item for item in items if item.title is not None and item.body]
    if len(titled) < 3:
        return
    at = {line.index: position for position, line in enumerate(filled)}
    stamps: list[int] = []
    floors: list[int] = []
    floor = -1  # the last position of the item above: its meta, counters and links
    for item in titled:
        assert item.title is not None
        summary = at[item.body[0].index]
        stamp = next(
            (
                position
                for position in range(summary - 1, max(summary - MAX_STACK_LINES, floor), -1)
                if _is_stack_stamp(filled[position].text, roles[position])
            ),
            None,
        )
        if stamp is None or stamp + 1 >= summary or roles[stamp + 1] != "head":
            return
        title = at[item.title.index]
        if title != stamp + 1 and word_count(filled[stamp + 1].text) <= word_count(
            filled[title].text
        ):
            return  # the stamp's own second line ('12:45 | <section>'), no title
        if any(roles[position] == "prose" for position in range(stamp, summary)):
            return
        floors.append(floor)
        floor = max(at[line.index] for line in item.lines)
        stamps.append(stamp)
    best: tuple[int, int] | None = None  # (distinct names, distance)
    for distance in (1, 2):
        texts = [
            filled[stamp - distance].text
            for stamp, floor in zip(stamps, floors, strict=True)
            if stamp - distance > floor
            and _stack_author_line(filled[stamp - distance].text, roles[stamp - distance])
        ]
        if len(texts) == len(stamps) and (best is None or len(set(texts)) > best[0]):
            best = (len(set(texts)), distance)
    for item, stamp in zip(titled, stamps, strict=True):
        item.title = filled[stamp + 1]
        owned = {line.index for line in item.meta}
        heads = [stamp] if best is None else [stamp - best[1], stamp]
        item.meta[:0] = [
            filled[position] for position in heads if filled[position].index not in owned
        ]
        item.meta.sort(key=lambda line: line.index)
        if best is not None:
            item.author = filled[stamp - best[1]].text


def _drop_lone_lead(items: Sequence[Item]) -> None:
    """The byline or date lines above the first title are the page's header (a tagline,
    its update time), no meta of the item, when no other item shows lines above its title
    and two or more show theirs under it: items of one page show their meta alike."""
    titled = [item for item in items if item.title is not None]
    if len(titled) < 3 or not titled[0].lead or any(item.lead for item in titled[1:]):
        return
    if not all(
        item.title is not None and any(line.index > item.title.index for line in item.meta)
        for item in titled[1:]
    ):
        return
    first = titled[0]
    assert first.title is not None
    first.meta = [line for line in first.meta if line.index > first.title.index]
    first.lead = False


def _drop_lone_head_line(items: Sequence[Item]) -> None:
    """When every item shows its meta above its title, the first item's lines above as
    many as the others show (a page heading over its stamp, 'All News Releases', read as a
    byline) are the page's, no meta of the item: items of one page show their meta alike."""
    titled = [item for item in items if item.title is not None]
    if len(titled) < 3 or not all(item.lead for item in titled):
        return
    above = [
        [line for line in item.meta if item.title is not None and line.index < item.title.index]
        for item in titled
    ]
    most = max(len(lines) for lines in above[1:])
    if len(above[0]) <= most:
        return
    extra = {line.index for line in above[0][: len(above[0]) - most]}
    first = titled[0]
    first.meta = [line for line in first.meta if line.index not in extra]


HeadTuple = tuple[int | None, list[int], int, int]
REPEATED_BLOCK_RULE = "repeated_block"


def _repeated_heads(filled: Sequence[Line], heads: Sequence[HeadTuple]) -> dict[int, HeadTuple]:
    """The titled heads whose title and summary the page shows twice or more, verbatim:
    a block repeated between the items (a podcast's or a newsletter's promotion), by
    their numbers."""
    keys: dict[int, tuple[str, ...]] = {}
    for number, (title, _, first, last) in enumerate(heads):
        if title is not None and last >= first:
            keys[number] = (filled[title].text, *(line.text for line in filled[first : last + 1]))
    counts: dict[tuple[str, ...], int] = {}
    for key in keys.values():
        counts[key] = counts.get(key, 0) + 1
    return {number: heads[number] for number, key in keys.items() if counts[key] >= 2}


def _day_over(
    filled: Sequence[Line], roles: Sequence[str], item: Item, title: int, floor: int
) -> int | None:
    """The position of a date line right over the title of an item that shows no date of
    its own, on a line the previous item does not own (a blog's day header over each post
    whose byline, under the summary, gives only a time: '<Weekday>, <Month> <day>, <year>'
    / '<title>' / '<summary>' / 'Posted by <Name> at 11:42 PM'), else None."""
    day = title - 1
    if day <= floor or roles[day] != "date" or not find_date(filled[day].text):
        return None
    if any(find_date(line.text) for line in item.meta):
        return None
    return day


MAX_DECK_LINES = 6
STACK_ROLES = frozenset({"head", "date", "count", "other"})
"""Lines that may stand between a byline over the title and the summary: a subtitle, a
quoted source's date line and headline, counters, topic and type labels."""
DECK_ROLES = frozenset({"head", "date"})
"""The stacked lines kept in the item's text; counters ('Количество просмотров 9.4K',
'6 min read') and labels are chrome."""


def _topped_title(roles: Sequence[str], title: int, floor: int) -> int | None:
    """The headline right under a byline that tops a stack of headline-shaped, date,
    counter and label lines over `title`, the item's first line ('<Name>' '<title>'
    '<subtitle>' '<source's date line>' '<source's headline>' '<summary>'; '<handle>
    <date>' '<title>' '<reading time>' '<views>' '<topics>' '<post type>' '<summary>'),
    else None. The search stops at `floor`."""
    position, depth = title - 1, 0
    while position > floor and roles[position] in STACK_ROLES and depth < MAX_DECK_LINES:
        position, depth = position - 1, depth + 1
    if depth == 0 or position <= floor or roles[position] != "byline":
        return None
    return position + 1 if roles[position + 1] == "head" else None


Head = tuple[int | None, list[int], int, int]


def _top_titles(
    filled: Sequence[Line],
    roles: Sequence[str],
    heads: Sequence[Head],
    captions: Sequence[list[int]],
) -> tuple[list[Head], list[list[int]], list[list[int]]]:
    """(heads, captions, decks) with each item's title moved up (or found, for an item read
    as untitled) to the headline under its byline when two items or more show a stack of
    lines between the two (bylines above the titles): the headline-shaped and date lines
    between are the item's deck (kept in its text), the counters and labels chrome. A
    single such item is left as it is: the structure must repeat. A line the page writes
    more than once ('Regional Politics' over each item) is a label, never the title."""
    moved: dict[int, int] = {}
    floor = -1
    written = Counter(" ".join(line.text.split()).casefold() for line in filled)
    for number, (title, meta, first, last) in enumerate(heads):
        start = min([first, *meta, *([title] if title is not None else [])])
        top = _topped_title(roles, start, floor)
        if top is not None and written[" ".join(filled[top].text.split()).casefold()] == 1:
            moved[number] = top  # a line written over several items is their label
        floor = last
    new_heads, new_captions = list(heads), list(captions)
    decks: list[list[int]] = [[] for _ in heads]
    if len(moved) < 2:
        return new_heads, new_captions, decks
    for number, top in moved.items():
        _, meta, first, last = heads[number]
        decks[number] = [
            position
            for position in range(top + 1, first)
            if position not in meta
            and roles[position] in DECK_ROLES
            and not is_counter(filled[position].text)
        ]
        new_heads[number] = (top, meta, first, last)
        new_captions[number] = []
    return new_heads, new_captions, decks


def _stack_title(
    roles: Sequence[str], title: int | None, first: int, floor: int
) -> tuple[int, list[int], list[int]] | None:
    """(title, date lines, label lines) of an item whose headline stands right over its
    date lines, with short label and counter lines between those and the summary at
    `first` ('<title>' 'Posted on <date>' 'Edited on <date>' 'In <category>' 'Reading
    time ≈ 3 mins' '<summary>'), when the plain reading took a label for the title; else
    None. The search stops at `floor`."""
    position, depth = first - 1, 0
    dates: list[int] = []
    while position > floor and roles[position] in STACK_ROLES and depth < MAX_DECK_LINES:
        if roles[position] == "date":
            dates.append(position)
        position, depth = position - 1, depth + 1
    if not dates:
        return None
    top, low = min(dates), max(dates)
    if any(roles[here] != "date" for here in range(top, low + 1)) or first - low < 2:
        return None
    if top - 1 <= floor or roles[top - 1] != "head" or (title is not None and title < low):
        return None
    return top - 1, list(range(top, low + 1)), list(range(low + 1, first))


def _label_key(text: str) -> str:
    """A label line's words without its figures ('Reading time ≈ 3 mins' -> 'reading time
    ≈ mins'): what the page repeats from item to item."""
    return " ".join(ANY_DIGIT.sub("", text).casefold().split())


def _dated_stack_titles(
    filled: Sequence[Line], roles: Sequence[str], heads: list[Head], captions: list[list[int]]
) -> None:
    """Read, in place, each item's title as the headline over its date lines when two
    items or more, half of the titled ones or more, stack label lines between those dates
    and the summary (:func:`_stack_title`), no longer than that headline, one of them at
    least repeated by another item's labels, figures aside ('Reading time ≈ 3 mins'): the
    labels are chrome, never the title."""
    found: dict[int, tuple[int, list[int], list[int]]] = {}
    floor = -1
    for number, (title, meta, first, last) in enumerate(heads):
        stack = _stack_title(roles, title, first, floor) if not meta else None
        if stack is not None and all(
            word_count(filled[here].text) <= word_count(filled[stack[0]].text) for here in stack[2]
        ):
            found[number] = stack
        floor = last
    titled = sum(1 for head in heads if head[0] is not None)
    if len(found) < max(MIN_SECOND_LINES, titled / 2):
        return
    keys = Counter(
        key for stack in found.values() for key in {_label_key(filled[n].text) for n in stack[2]}
    )
    if not any(count >= MIN_SECOND_LINES for count in keys.values()):
        return
    for number, (title, dates, labels) in found.items():
        _, _, first, last = heads[number]
        heads[number] = (title, dates, first, last)
        captions[number] = labels


def _head_start(head: tuple[int | None, list[int], int, int]) -> int:
    title, meta, first, _ = head
    return min([first, *meta, *([title] if title is not None else [])])


STAMP_TAIL_ROLES = frozenset({"byline", "more", "chrome"})
"""Lines that may follow a headline's stamp inside its item (a byline, a link)."""


def _headline_pairs(
    filled: Sequence[Line],
    roles: Sequence[str],
    heads: Sequence[tuple[int | None, list[int], int, int]],
) -> list[tuple[int, int]]:
    """(title, stamp) positions of the items that show no summary: a headline with its
    date or age line right under it ('<headline>' '<section> · 2 hours ago'; a byline may
    stand between: '<headline>' '<Name>, <role>' '<date>'), standing
    apart from the next text (a blank line or the end under the stamp, or under a byline
    and links right under it: '<outlet>' '<headline>' '3 hours ago' 'By <Name>' 'More',
    a news aggregator's topic page), on lines no
    summary item owns. A latest-news list is made of them; section fronts mix them with
    summarised items. On a page with no blank line at all (a scraper dropped them) only
    what stands right under the stamp tells the pair from an item's head: running text (a
    summary) or a headline (the stamp is the meta over the next item's); and such pairs
    count only when the page repeats them (:data:`MIN_JOINED_PAIRS`)."""
    taken = _taken(heads)
    blankless = _blankless(filled)
    pairs: list[tuple[int, int]] = []
    joined: list[tuple[int, int]] = []  # pairs with text right under, on a blankless page
    for here in range(len(roles) - 1):
        stamp = here + 1
        while (
            stamp + 1 < len(roles)
            and roles[stamp] == "count"
            and filled[stamp + 1].index == filled[stamp].index + 1
        ):
            stamp += 1  # '<headline>' '41K views' '2 weeks ago': a count over the age
        if roles[stamp] == "byline" and stamp + 1 < len(roles) and roles[stamp + 1] == "date":
            stamp += 1  # '<headline>' 'By <Name>' '<date>': the byline over the stamp
            if filled[stamp].index != filled[stamp - 1].index + 1 or stamp in taken:
                continue
        if roles[here] != "head" or roles[stamp] != "date" or {here, stamp} & taken:
            continue
        if filled[stamp].index != filled[stamp - 1].index + 1 or is_name(filled[here].text):
            continue
        after = stamp + 1
        while after < len(filled) and roles[after] in STAMP_TAIL_ROLES:
            after += 1  # 'By <Name>', 'More': the item's byline and links under its stamp
        if after < len(filled) and filled[after].index == filled[after - 1].index + 1:
            if not blankless or roles[after] in {"prose", "head"}:
                continue  # text right under the stamp: a summary or a later item's head
            joined.append((here, stamp))
            continue
        pairs.append((here, stamp))
    return sorted(pairs + joined) if len(joined) >= MIN_JOINED_PAIRS else pairs


MIN_JOINED_PAIRS = 2
"""Fewest headline pairs with text right under their stamps on a page without blank lines
for them to be items: one alone is the page's own head ('<topic>' 'Daily update ⋅
<date>'), only the shape repeated shows a list."""


def _blankless(filled: Sequence[Line]) -> bool:
    """Whether no blank line stands between any two of the lines with text `filled`."""
    return bool(filled) and all(line.index == above.index + 1 for above, line in pairwise(filled))


def _taken(heads: Sequence[tuple[int | None, list[int], int, int]]) -> set[int]:
    """The positions the items found so far own."""
    taken: set[int] = set()
    for title, meta, first, last in heads:
        taken.update(meta)
        taken.update(range(first, last + 1))
        if title is not None:
            taken.add(title)
    return taken


def _stamped_headlines(
    filled: Sequence[Line],
    roles: Sequence[str],
    heads: Sequence[tuple[int | None, list[int], int, int]],
) -> list[tuple[int, int]]:
    """(stamp, title) positions of a news feed's items: a time of day ('18:45') right over a
    headline that stands apart from the next text (a blank line or the end under it), with
    no prose after it (the next line is another stamp, a day header or the page's end);
    or a date line right over a headline with a read-more link right under it."""
    taken = _taken(heads)
    pairs: list[tuple[int, int]] = []
    for here in range(len(roles) - 1):
        title = here + 1
        if roles[title] != "head":
            continue
        if not TIME_STAMP.match(filled[here].text) and not (
            roles[here] == "date" and title + 1 < len(roles) and roles[title + 1] == "more"
        ):
            continue
        if {here, title} & taken or filled[title].index != filled[here].index + 1:
            continue
        after = title + 1
        if after < len(filled) and (
            roles[after] == "prose"
            or (
                filled[after].index == filled[title].index + 1
                and not TIME_STAMP.match(filled[after].text)
                and roles[after] not in {"date", "more"}
            )
        ):
            continue  # text under the headline: a summary, not the next stamp or day
        pairs.append((here, title))
    return pairs


def _date_by_day_header(
    items: Sequence[Item], filled: Sequence[Line], roles: Sequence[str]
) -> None:
    """An item stamped only with a time of day takes the date of the day header above it
    (a date line standing alone): '<day> <time>'."""
    day: str | None = None
    by_line = {line.index: position for position, line in enumerate(filled)}
    starts = {by_line[item.lines[0].index]: item for item in items if item.lines and not item.body}
    for position, line in enumerate(filled):
        if roles[position] == "date" and (found := find_date(line.text)) and found[0] == line.text:
            day = line.text
        item = starts.get(position)
        if item is None or day is None or item.published is not None:
            continue
        stamp = next((meta for meta in item.meta if TIME_STAMP.match(meta.text)), None)
        if stamp is not None:
            item.published = f"{day} {stamp.text}"


MIN_LED_AFTER_HEADING = 2
"""Fewest items, each with its byline or date above its title, that show a page's heading
and description over them to be no item of their own."""


def _dates_lead(
    roles: Sequence[str], heads: Sequence[tuple[int | None, list[int], int, int]]
) -> bool:
    """Byline and date lines sit above the titles when the first item has one above its
    title, or every item after it right above its title (two or more: the first is the
    page's own heading over its description), and the last item none below its summary."""
    titles = [head[0] for head in heads if head[0] is not None]
    if not titles:
        return False
    if not _lead_meta(roles, titles[0], -1) and not (
        len(titles) > MIN_LED_AFTER_HEADING
        and all(roles[title - 1] in META_ROLES for title in titles[1:])
    ):
        return False
    below = next(head[3] for head in reversed(heads) if head[0] is not None) + 1
    while below < len(roles) and roles[below] in {"more", "footer", "signed"}:
        below += 1
    return not (below < len(roles) and roles[below] in META_ROLES)


def _start_of(
    heads: Sequence[tuple[int | None, list[int], int, int]],
    number: int,
    roles: Sequence[str],
    lead_mode: bool,
    end: int,
) -> int:
    """The first position the item `number` owns (`end` past the last item)."""
    if number >= len(heads):
        return end
    title, meta, first, _ = heads[number]
    start = min([first, *meta, *([title] if title is not None else [])])
    if title is not None and lead_mode:
        start = min([start, *_lead_meta(roles, title, -1)])
    return start


def _trail(
    item: Item,
    filled: Sequence[Line],
    roles: Sequence[str],
    last: int,
    next_start: int,
    lead_mode: bool,
) -> int:
    """Take the read-more, footer, byline, date and address lines after the summary; the
    last position the item owns. A footer ('Labels: …', '<n> comments') closes the item: a
    byline or date line after it opens the next one."""
    position = last + 1
    while position < next_start and roles[position] in TRAIL_ROLES:
        role = roles[position]
        if role in META_ROLES and (lead_mode or roles[position - 1] == "footer"):
            break  # a byline or date under the item's footer: the next item's
        if role in META_ROLES or role in ("signed", "url"):
            item.meta.append(filled[position])  # a result's address row: a link mark
        else:
            item.extra.append(filled[position])
        position += 1
    return position - 1


def _read_credits(item: Item) -> None:
    for line in [*item.meta, *item.extra]:
        if item.author is None and line in item.meta and not stamp_line(line.text):
            text = line.text
            item.author = (
                dateline_name(text)
                or credit_byline(text)
                or doubled_name(text)
                or bare_name(text)
                or signed_name(text)
                or (names_of(text) if is_names(text) else None)
                or name_with_role(text)
                or attribution_name(text)
                or aged_handle(text)
                or citation_names(text)
                or catalogue_names(text)
            )
        if item.published is None and (found := find_date(line.text)):
            item.published = found[0]
            if line in item.extra:  # '<date> | <n> Comments': the line holds a field
                item.extra.remove(line)
                item.meta.append(line)
    item.published = item.published or item.dated_heading
    if not item.body:
        return
    name, written = lead_byline(item.body[0].text)
    if name is None and written is None:
        name, written = lead_credit(item.body[0].text)
    opened = opening_date(item.body[0].text)
    item.author = item.author or name or dashed_byline(item.body[0].text, opened)
    item.published = item.published or written or opened


ACCESS_BADGE = re.compile(
    r"\s(?:(?:Paid\s+)?Members\s+(?:Public|Only)|Paid|Public|Premium|Free|"
    r"Subscribers?\s+Only|Members?)$"
)
"""An access badge a theme glues to each title ('<title> Paid Members Public', '<title>
Public'): who may read the item."""


def _mark_badges(items: Sequence[Item]) -> None:
    """Access badges at the end of titles, taken off them where two titles or more of the
    page end in one (a title may end in such a word by itself)."""
    found = [
        (item, match)
        for item in items
        if item.title is not None and (match := ACCESS_BADGE.search(item.title.text))
    ]
    if len(found) < 2:
        return
    for item, match in found:
        item.badge = match.group(0)


def _mark_ranks(items: Sequence[Item]) -> None:
    """Ranks opening the titles ('1. <title>', '2. <title>'), taken off them where two
    titles or more are ranked and the ranks count up."""
    found = [
        (item, match)
        for item in items
        if item.title is not None and not item.label and (match := RANK.match(item.title.text))
    ]
    ranks = [int(match.group(0).strip(" .)")) for _, match in found]
    if len(found) < 2 or any(after <= before for before, after in pairwise(ranks)):
        return
    for item, match in found:
        item.label = match.group(0)


TITLE_CREDIT = re.compile(r"\s[-–—|]\s(?P<name>[^,|\-–—]{3,60}?)(?:,\s[^,|\-–—]{2,60})?$")
"""' - <Name>, <Outlet>' or ' – <Name>' closing a title: an aggregator's credit."""


def _mark_title_credits(items: Sequence[Item]) -> None:
    """Credits at the end of titles ('<title> - <Name>, <Outlet>'), taken off them where two
    titles or more of the page end in one; the name is the item's author."""
    found = [
        (item, match)
        for item in items
        if item.title is not None
        and not item.badge
        and (match := TITLE_CREDIT.search(item.title.text))
        and is_name(match.group("name"))
        and match.start() > 0
    ]
    if len(found) < 2:
        return
    for item, match in found:
        item.credit = match.group(0)
        item.author = item.author or match.group("name")
    _mark_hosted_titles(items)


HOSTED_TITLE = re.compile(r"\s\((?:[\w-]+\.)+[^\W\d_]{2,}\)(?:\s+\d[\d,]*)?$")
"""' (example.com) 71' closing a title: a link aggregator's item, the linked site's host
and the count of comments after it."""


def hosted_suffix(text: str) -> str | None:
    """The host (and count) closing a title line (``HOSTED_TITLE``), None without."""
    if ")" not in text[-12:] and not text[-1:].isdigit():
        return None
    match = HOSTED_TITLE.search(text)
    return match.group(0) if match and match.start() > 0 else None


def _mark_hosted_titles(items: Sequence[Item]) -> None:
    """Hosts closing titles ('<title> (example.com) 71'), taken off them where two titles or
    more of the page end in one: the item's source, no part of its title."""
    found = [
        (item, suffix)
        for item in items
        if item.title is not None
        and not item.badge
        and not item.credit
        and (suffix := hosted_suffix(item.title.text))
    ]
    if len(found) < 2:
        return
    for item, suffix in found:
        item.credit = suffix


MIN_CUT_SUMMARY_WORDS = 20


def cut_mid_sentence(text: str) -> bool:
    """A summary cut off at a fixed length without a mark: twenty words or more of prose
    that end on a word, with no stop, comma or closing quote after it."""
    return word_count(text) >= MIN_CUT_SUMMARY_WORDS and text[-1:].isalnum()


def _strip_section_prefix(items: Sequence[Item], filled: Sequence[Line]) -> None:
    """'<section> <name> - <date>': a first word shared by every byline's name that also
    stands alone as a line of the page (a section label) is no part of the name."""
    named = [item for item in items if item.author]
    if len(named) < 2:
        return
    token_lists = [str(item.author).split() for item in named]
    prefix: list[str] = []
    for column in zip(*token_lists, strict=False):
        if len(set(column)) != 1:
            break
        prefix.append(column[0])
    while prefix and any(len(tokens) <= len(prefix) for tokens in token_lists):
        prefix.pop()
    standalone = {line.text for line in filled}
    while prefix and " ".join(prefix) not in standalone:
        prefix.pop()
    if not prefix:
        return
    for item, tokens in zip(named, token_lists, strict=True):
        item.author = " ".join(tokens[len(prefix) :])


MAX_BRIEF_CHARS = 600
MAX_BRIEF_PARAGRAPHS = 4


def _is_brief(item: Item) -> bool:
    """A stamped brief: its age or byline over the title, then a few short paragraphs (a
    lead and its labelled context lines), no more text than one summary."""
    return (
        item.lead
        and len(item.body) <= MAX_BRIEF_PARAGRAPHS
        and sum(len(line.text) for line in item.body) <= MAX_BRIEF_CHARS
    )


def _is_summary(item: Item) -> bool:
    """One paragraph, or two when the item is marked as a teaser (cut off, read-more link,
    item footer), or a stamped brief: more is an article's text."""
    if sum(len(line.text) for line in item.body) > MAX_SUMMARY_CHARS:
        return False
    if _is_brief(item):
        return True
    return len(item.body) <= 1 or (len(item.body) == 2 and bool(item.marks() & TEASER_MARKS))


@dataclass(frozen=True, slots=True)
class ItemStats:
    """What detection weighs: items with an article's text (long), titled items, short
    ones, marked ones, untitled stray ones."""

    long: int
    titled: int
    short: int
    marked: int
    stray: int
    distinct: bool
    marks: dict[str, int]
    bodied: int = 0
    """Titled items with text under their title."""


def item_stats(items: Sequence[Item]) -> ItemStats:
    items = [item for item in items if not item.repeated]
    titled = [item for item in items if item.title is not None]
    short = [item for item in titled if _is_summary(item)]
    counts: dict[str, int] = {}
    marked = 0
    for item in titled:
        marks = item.marks()
        marked += bool(marks)
        for mark in marks:
            counts[mark] = counts.get(mark, 0) + 1
    titles = [item.title.text.casefold() for item in titled if item.title is not None]
    return ItemStats(
        long=sum(
            1 for item in items if len(item.body) >= MIN_ARTICLE_PARAGRAPHS and not _is_brief(item)
        ),
        titled=len(titled),
        short=len(short),
        marked=marked,
        stray=len(items) - len(titled),
        distinct=len(set(titles)) == len(titles),
        marks=dict(sorted(counts.items())),
        bodied=sum(1 for item in titled if item.body),
    )


def structured_detection(stats: ItemStats) -> Detection | None:
    """The score of a page of titled items, None when the structure is not there."""
    if stats.titled < 2 or not stats.distinct or stats.long:
        return None
    if stats.bodied == 1 and stats.short < stats.titled:
        return None  # an article's text under its title, then bare titles: its links
    if stats.short < 2 or stats.short * 4 < stats.titled * 3:
        return None
    if stats.stray > max(1, stats.titled // 4):
        return None
    if stats.marked < 2 or stats.marked * 5 < stats.titled * 3:
        return None
    score = 0.7 if stats.short == 2 else 0.85 + 0.02 * min(stats.short - 3, 5)
    marks = ", ".join(f"{mark} {count}" for mark, count in stats.marks.items())
    return Detection(
        "listing", round(score, 3), f"{stats.titled} items (title + summary); marks: {marks}"
    )


# --- bare teasers -------------------------------------------------------------------------


def split_teasers(lines: Sequence[Line], dropped: Mapping[int, str]) -> list[list[Line]]:
    """Runs of adjacent kept lines; blank and boilerplate lines end a teaser."""
    teasers: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.is_blank or line.index in dropped:
            if current:
                teasers.append(current)
                current = []
        else:
            current.append(line)
    if current:
        teasers.append(current)
    return teasers


def bare_detection(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    """A page of teasers alone (:func:`split_teasers`): each one paragraph of one line,
    under a heading or not. The teasers are read in order and the first that is none
    settles it, so the boilerplate rules are asked only of the lines above it (a line's
    rule does not depend on the rules of the others)."""
    texts = [line.text for line in lines]
    teasers: list[list[Line]] = []
    current: list[Line] = []
    for position, next_text in enumerate(next_texts(texts)):
        line = lines[position]
        if line.is_blank or rule_at(texts, position, next_text):
            if current:
                if not _is_bare_teaser(current, config):
                    return None
                teasers.append(current)
                current = []
            continue
        current.append(line)
        if len(current) > 2:
            return None
    if current:
        if not _is_bare_teaser(current, config):
            return None
        teasers.append(current)
    if len(teasers) < config.min_listing_teasers:
        return None
    cut = sum(1 for teaser in teasers if not ends_sentence(teaser[-1].text))
    return Detection("listing", 0.85, f"{len(teasers)} single-paragraph teasers, {cut} cut off")


def _is_bare_teaser(teaser: Sequence[Line], config: SegmentConfig) -> bool:
    """One line long enough for a teaser, or two when the first is its heading."""
    if len(teaser[-1].text) < config.min_teaser_chars:
        return False
    return len(teaser) == 1 or (
        len(teaser) == 2 and is_heading(teaser[0].text, config.max_title_chars)
    )


# --- items of a repeated shape ----------------------------------------------------------

ELLIPSES = ("...", "…")
"""A title cut off at a fixed length ends so."""
MAX_TEASER_WORDS = 120
"""Most words of a teaser read from a repeated shape: a longer text is an article's."""
MAX_TEASER_PARAGRAPHS = 1
"""A teaser is one paragraph when nothing marks it as one (a digest's article has more)."""
MAX_MARKED_TEASER_PARAGRAPHS = 2
"""A teaser of an item that a mark or a meta line shows as one (a linked site's host
closing its title, its byline or date) may run to two paragraphs, as a marked teaser may
elsewhere (:func:`_is_summary`)."""
SHAPE_SCORE = 0.66
"""A page of items shown only by their repeated shape: weak evidence, above the fallback
article only, under every layout that finds a format's own signs (a PDF's wrapped lines,
a thread's headers, a page of marked items)."""


ROW_BARS = re.compile(r"(?:\s+[|·•])+\s+")
"""The bars between a meta row's cells, empty cells between them ('<type> | | <Name>')."""


def attribution_name(text: str) -> str | None:
    """The person an attribution line credits ('<Name> / <Outlet>:' -> '<Name>'); None
    for an outlet alone ('<Outlet>:') or a line that is no attribution."""
    if not is_attribution(text) or "/" not in text:
        return None
    name = text.split("/", 1)[0].strip()
    return name if is_name(name) else None


def _meta_name(text: str) -> str | None:
    """The author of a meta line under or over a title: a byline ('By <name>', '<Name>,
    <date>', 'posted by <handle> at <time> <date>'), an attribution ('<Name> / <Outlet>:'),
    a names line, or a row's cell that holds only names ('<type> | | <Name>, <Name>')."""
    if LEAD_BYLINE.match(text) and is_names(rest := text[2:].strip()):
        return names_of(rest)  # 'by <Name>, <Name> and <Name>': every name
    name = credit_byline(text) or dateline_name(text) or attribution_name(text)
    if name or (name := name_with_role(text)):
        return name
    if handle := handle_byline(text):
        return handle
    if is_names(text):
        return names_of(text)
    cells = [cell for cell in ROW_BARS.split(text) if cell]
    named = [cell for cell in cells if is_names(cell)]
    return names_of(named[-1]) if len(cells) >= 2 and named else None


CELL_HANDLE = re.compile(r"(?-i:[a-z][a-z0-9_.-]{1,39})")
"""A user's handle alone in a meta row's cell (accounts are written in lower case)."""


AGED_HANDLE = re.compile(r"(?<!\S)(?:by|via)\s+(?P<name>(?-i:[a-z][a-z0-9_.-]{1,39}))(?!\S)", re.I)
"""'by <handle>' or 'via <handle>' in a dated meta row ('submitted 3 years ago by <handle> to
r/<community>', 'via <handle> 2 hours ago')."""


AUTHOR_FIELD = re.compile(
    r"^(?:author|posted\s+by|by)\s*:\s*(?P<name>(?-i:[a-z][a-z0-9_.-]{1,39}))$", re.IGNORECASE
)
"""An author field holding a user's handle ('Author: sergei_l')."""


def row_handle(text: str) -> str | None:
    """The poster's handle in a meta row of a frame's items: an author field ('Author:
    <handle>'), the cell right before a row's first dated cell ('<n> points | <handle> | 7
    years ago | <n> comments'; the cells after the date are its links, 'hide', 'past'), or
    one credited by 'by' or 'via' in the dated cell ('<n> points <n> comments submitted 3
    years ago by <handle> to r/<name>')."""
    if ":" in text and (field := AUTHOR_FIELD.match(text)):
        return field.group("name")
    cells = [cell for cell in ROW_BARS.split(text) if cell]
    for at, cell in enumerate(cells):
        if any(char.isdigit() for char in cell) and (AGE.search(cell) or find_date(cell)):
            before = cells[at - 1] if at else ""
            if CELL_HANDLE.fullmatch(before):
                return before
            credited = AGED_HANDLE.search(cell) if "by" in cell or "via" in cell else None
            return credited.group("name") if credited else None
    return None


def _is_meta(text: str) -> bool:
    return bool(_meta_name(text) or credit_date(text) or is_attribution(text))


def _title_column(run: ShapeRun, columns: Sequence[int], max_title_chars: int) -> int | None:
    """The column of titles among the short ones: distinct headlines in every item, the
    most words on average (a label column repeats its values or has fewer words)."""
    best: tuple[float, int] | None = None
    for position in columns:
        texts = [token.lines[0].text for token in run.column(position)]
        if len(set(texts)) < len(texts):
            continue
        if not all(is_headline(text, max_title_chars) or text.endswith(ELLIPSES) for text in texts):
            continue
        mean = sum(word_count(text) for text in texts) / len(texts)
        if best is None or mean > best[0]:
            best = (mean, position)
    return best[1] if best else None


MAX_LABEL_WORDS = 4


def _is_label(text: str) -> bool:
    """A label over an item ('Policy Brief', 'Report'): a few words with a letter, no
    sentence."""
    return (
        word_count(text) <= MAX_LABEL_WORDS
        and any(char.isalpha() for char in text)
        and not ends_sentence(text)
    )


def _is_label_column(run: ShapeRun, position: int) -> bool:
    return all(_is_label(token.lines[0].text) for token in run.column(position))


def _is_field_column(run: ShapeRun, position: int) -> bool:
    """A column of rows that every item opens with the same word ('Topics <values>',
    'Discussion: <outlets>'): the items' furniture (see :func:`shares_opening`)."""
    return shares_opening([token.lines[0].text for token in run.column(position)])


def shape_items(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """The items of a page that shows them only by their repeated shape (see
    :mod:`flows.stages.segment.shapes`): one teaser each, None when the run is not a
    listing's. The exact shape is read first, column by column; else the coarse one, head
    by head (items whose heads differ by a label or a byline)."""
    exact = _exact_items(lines, config)
    items = exact if exact is not None else _coarse_items(lines, config)
    return None if items is not None and _numbered_sections(items) else items


SECTION_NUMBER = re.compile(r"^(?P<number>\d{1,2})\.?\s+(?P<name>\S.*)$")
"""'2. Background', '3 Findings': a report's numbered section heading."""
MAX_SECTION_NAME_WORDS = 5
"""Most words of a section's name, on average ('Background', 'How operators adapted'); a
listing's numbered headlines are longer."""


def _numbered_sections(items: Sequence[Item]) -> bool:
    """Whether the items are a report's sections rather than a listing's: their titles
    number them 1, 2, 3… in order and name them in a few words, no item shows a byline or
    a date, and no text is cut off."""
    names: list[str] = []
    for number, item in enumerate(items, start=1):
        match = SECTION_NUMBER.match(item.title.text) if item.title is not None else None
        if match is None or int(match.group("number")) != number or item.meta or not item.body:
            return False
        if CUT_OFF.search(item.body[-1].text):
            return False
        names.append(match.group("name"))
    return sum(word_count(name) for name in names) <= MAX_SECTION_NAME_WORDS * len(names)


def _teaser_column(run: ShapeRun) -> int | None:
    """The position of the teasers in the run, None when it holds no listing's items: each
    item's text is one short paragraph, no paragraph outside the run is as long as the
    teasers, and no byline or date stands above the run with prose (an article's head,
    lede or closing text around subheadings)."""
    prose = run.positions(PROSE)
    if len(prose) != 1:
        return None
    bodies = run.column(prose[0])
    marked = any(
        all(hosted_suffix(token.lines[-1].text) for token in run.column(position))
        for position in range(prose[0])
        if run.pattern[position] in (SHORT, HEAD)
    ) or any(
        _is_meta_column(run, position) for position, kind in enumerate(run.pattern) if kind == SHORT
    )
    most = MAX_MARKED_TEASER_PARAGRAPHS if marked else MAX_TEASER_PARAGRAPHS
    if any(token.paragraphs > most or token.words > MAX_TEASER_WORDS for token in bodies):
        return None
    mean = sum(token.words for token in bodies) / len(bodies)
    outside = [token for token in (*run.before, *run.after) if token.kind == PROSE]
    if any(token.words >= mean for token in outside):
        return None
    credited = any(
        _is_credit(line.text) for token in run.before if token.kind != PROSE for line in token.lines
    )
    if credited and any(token.kind == PROSE for token in run.before):
        return None  # an article's byline or date and its lede above its subheadings
    for position, kind in enumerate(run.pattern[prose[0] :], start=prose[0]):
        if kind == HEAD or (
            kind == SHORT
            and not _is_meta_column(run, position)
            and not _is_field_column(run, position)
        ):
            return None  # a line under the text that is no byline or field row
    return prose[0]


def _is_meta_column(run: ShapeRun, position: int) -> bool:
    """A column of bylines, dates or names lines ('<Name>' signing each teaser)."""
    return all(_is_meta(token.lines[0].text) for token in run.column(position))


def _is_credit(text: str) -> bool:
    return bool(credit_date(text) or credit_byline(text) or handle_byline(text))


def handle_byline(text: str) -> str | None:
    """The handle of a dated '<verb> by <handle>' line ('posted by ferrous_wheel at 4:12 PM
    Sep 16 2021 - 318 comments'): an item's meta line where a repeated shape shows it in
    every item (alone, such a line may be a comment's header)."""
    handle = HANDLE_BYLINE.match(text)
    return handle.group("name") if handle and find_date(text) else None


def _exact_items(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """Items of the exact shape: a short column is the title when its lines are distinct
    headlines, the meta when each is a byline, date or names line (above the teaser or
    under it), else labels; no column mixes bylines or dates with other lines."""
    run = find_run(lines)
    prose = _teaser_column(run) if run is not None else None
    if run is None or prose is None:
        return None
    shorts = run.positions(SHORT)
    for position in shorts:
        credits = sum(1 for token in run.column(position) if _is_credit(token.lines[0].text))
        if 0 < credits < len(run.repeats) and not _is_field_column(run, position):
            return None  # an article's byline or date over its lede, subheadings after it
    meta = [n for n in shorts if _is_meta_column(run, n)]
    shorts = [n for n in shorts if n < prose]
    title = _title_column(run, [n for n in shorts if n not in meta], config.max_title_chars)
    labels = [n for n in shorts if n not in meta and n != title]
    if (title is None and not meta) or not all(
        _is_label_column(run, n) or _is_field_column(run, n) for n in labels
    ):
        return None  # a column that is no title, meta or label: no listing's items
    items: list[Item] = []
    for repeat in run.repeats:
        item = Item(body=list(repeat[prose].lines), shaped=True)
        if title is not None:
            item.title = repeat[title].lines[0]
        item.meta = [repeat[n].lines[0] for n in meta]
        item.meta += [  # a field row that gives this item's date ('Publication date <date>')
            repeat[n].lines[0] for n in labels if credit_date(repeat[n].lines[0].text)
        ]
        item.extra = [line for n in run.positions(LINK) for line in repeat[n].lines]
        _read_shape_credits(item)
        for line in item.meta:
            item.author = item.author or row_handle(line.text)
        items.append(item)
    _mark_hosted_titles(items)
    return items


MIN_META_SHARE = 0.75
"""Share of items that show a meta line when any does (a page's items alike; an article's
byline over its lede, none over its subheadings)."""


def _coarse_items(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """Items of the coarse shape, each head read line by line: its title the last
    headline that is no byline, date or names line; bylines, dates and names lines under
    the title its meta; the other lines labels (the first item's head may hold the page's
    header above its title). Every item has a title, the titles are distinct, and meta
    lines show in all items but a few or in none."""
    run = find_run(lines, coarse=True)
    prose = _teaser_column(run) if run is not None else None
    if run is None or prose is None:
        return None
    head_at = run.positions(HEAD)
    if len(head_at) != 1:
        return None
    items: list[Item] = []
    for repeat in run.repeats:
        head = repeat[head_at[0]].lines
        credits = [line for line in head if _is_credit(line.text)]
        named = [line for line in head if line not in credits and is_names(line.text)]
        titles = [
            line
            for line in head
            if line not in credits
            and (is_headline(line.text, config.max_title_chars) or line.text.endswith(ELLIPSES))
        ]
        plain_titles = [line for line in titles if line not in named] or titles
        if not plain_titles:
            return None
        title = plain_titles[-1]
        others = [line for line in head if line not in credits and line not in named]
        if any(
            not _is_label(line.text)
            for line in others
            if line.index > title.index or (items and line.index < title.index)
        ):
            return None  # a line of text in the head (a page's wrapped lines), no label
        item = Item(body=list(repeat[prose].lines), title=title, shaped=True)
        item.meta = [line for line in [*credits, *named] if line.index > title.index]
        item.meta += [line for line in credits if line.index < title.index]
        item.extra = [line for n in run.positions(LINK) for line in repeat[n].lines]
        _read_shape_credits(item)
        items.append(item)
    texts = [item.title.text for item in items if item.title is not None]
    if len(set(texts)) < len(texts):
        return None
    with_meta = sum(1 for item in items if item.meta)
    if 0 < with_meta < MIN_META_SHARE * len(items):
        return None
    _mark_hosted_titles(items)
    return items


def _read_shape_credits(item: Item) -> None:
    for line in item.meta:
        item.author = item.author or _meta_name(line.text)
        if item.published is None and (found := find_date(line.text)):
            item.published = found[0]


def shape_detection(items: Sequence[Item]) -> Detection:
    shape = " + ".join(
        part
        for part, present in (
            ("title", items[0].title is not None),
            ("meta line", bool(items[0].meta)),
            ("link", bool(items[0].extra)),
            ("teaser", True),
        )
        if present
    )
    evidence = f"{len(items)} items of one repeated shape ({shape})"
    doubt = title_doubt(items)
    if doubt:
        evidence += "; titles that differ only in their numbers"
    return Detection("listing", SHAPE_SCORE, evidence, parsed=list(items), doubt=doubt)


RECURRING_TITLE_DOUBT = 0.2
"""Doubt of a listing read from a repeated shape whose titles differ only in their numbers
(:func:`title_doubt`): no surer than the ``article`` fallback, although it wins over it."""


MIN_SHARED_TITLE_ITEMS = 3


def _untitle_shared(items: Sequence[Item]) -> None:
    """Take the title off items that all share one, cut from a row that says more (a
    publication's type before its authors: 'Commentary | | Anna Lind'): a line that would
    be the title of every item of a page is a label of its rows, not a headline. The row
    stays the item's metadata. Items of ``MIN_SHARED_TITLE_ITEMS`` or more, each with a
    summary; a title standing alone on its line is left (a series may name every issue
    alike)."""
    shown = {" ".join((item.title_text or "").split()).casefold() for item in items}
    if len(items) < MIN_SHARED_TITLE_ITEMS or len(shown) != 1 or "" in shown:
        return
    if not all(
        item.body and item.title is not None and item.title.text.strip() != item.title_text
        for item in items
    ):
        return
    for item in items:
        if item.title is not None:
            item.meta.append(item.title)
            item.title = None


def title_doubt(items: Sequence[Item]) -> float:
    """``RECURRING_TITLE_DOUBT`` when the items' titles, their numbers masked, take at most
    half as many values as there are items ('<Name>  00:21' over each turn of a transcript,
    '<Name> <time>' over each comment): a few speakers' or posters' headers, stamped,
    recurring, where a listing's headlines differ in their words; else nothing."""
    titles = [DIGIT_RUN.sub("0", item.title.text) for item in items if item.title is not None]
    return RECURRING_TITLE_DOUBT if titles and 2 * len(set(titles)) <= len(titles) else 0.0


# --- items of a repeated line frame -----------------------------------------------------

PERIOD_SCORE = 0.67
"""A page of items shown by a repeated frame of line kinds with a marker in every item (a
stamp, a number, a recurring literal, a field row): above the repeated shape alone and a
thread's last-resort frames, under every layout that finds its own format's signs."""
MIN_PERIOD_TITLE_WORDS = 3
"""Fewest words, on average, of a frame's titles (a commenter's name over each comment is
no title column)."""
MAX_PERIOD_TEXT_LINES = 3
"""Most lines of one item's text in a frame: more is an article's section."""
OUTSIDE_TEXT_FACTOR = 2
"""Prose outside the frame this many times as long as its mean text is an article's body."""


def _period_title(
    group: Sequence[Line], size: int, first: bool, max_title_chars: int
) -> Line | None:
    """The title of one item's title group: its first headline that is no names line, no
    byline or date and opens nothing (no closing colon), and is not in capitals when one
    that is not follows (a section's kicker over the headline, 'ТЕМА ДНЯ'). The first
    item's group may hold the page's header over its title: only its last `size` lines
    (the other items' group size) count."""
    if first and len(group) > size:
        group = group[-size:]
    found = [
        line
        for line in group
        if not (line.text.endswith(":") or is_names(line.text) or _is_credit(line.text))
        and not citation_names(line.text)
        and _frame_headline(TYPE_TAG.sub("", line.text), max_title_chars)
    ]  # an attribution, a names line, a byline or a date is meta, no title; a type tag
    # ('[PDF] <title>') is no part of the headline
    plain = [line for line in found if not is_all_caps(line.text)]
    chosen = plain or found
    return chosen[0] if chosen else None


def _frame_headline(text: str, max_chars: int) -> bool:
    """A title in a frame's title column: the line is short already (no prose), so a
    question inside it ('Who pays for the war? The regions') is allowed; it opens in upper
    case, a digit or a quote and closes no sentence and no clause."""
    if len(text) > max_chars or not 2 <= word_count(text) <= MAX_HEADLINE_WORDS:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in OPENING_QUOTES):
        return False
    if text.endswith((",", ";", ":", "-", "–", "—")):
        return False
    return not ends_sentence(text) or text.rstrip("\"'”’»)").endswith(("?", "!", *ELLIPSES))


def period_items(
    lines: Sequence[Line], config: SegmentConfig, headlines: bool = False
) -> tuple[list[Item], str] | None:
    """The items of a page's repeated line frame (:mod:`flows.stages.segment.periods`),
    None when the frame is no listing's: the title column is the first column of short
    lines that gives every item a distinct headline of three words or more on average;
    every item's text is a few lines of a teaser's length, no prose outside the frame is
    twice as long and all of it is shorter than the items' texts together (an article's
    body around a widget of teasers); stamps and the names or bylines of other short
    columns are the item's meta, every other line of it chrome. With `headlines`, a frame
    of items without text (title and stamp only, :func:`~flows.stages.segment.periods.
    find_period`) where no frame with text is found, unless the prose around it is longer
    than its titles together. With the items, the frame's pattern ('D T P R')."""
    page_groups = groups(lines)
    found = period_of(page_groups) or (period_of(page_groups, True) if headlines else None)
    if found is None:
        return None
    framed = {line.text for repeat in found.repeats for group in repeat for line in group.lines}
    text_at = found.pattern.index(PERIOD_TEXT) if PERIOD_TEXT in found.pattern else None
    titles: list[Line] | None = None
    title_at = -1
    for position, symbol in enumerate(found.pattern[:text_at]):
        if symbol != PERIOD_TITLE:
            continue
        column = found.column(position)
        sizes = Counter(len(group.lines) for group in column[1:] if group.lines)
        size = sizes.most_common(1)[0][0] if sizes else 1
        picked = [
            _period_title(group.lines, size, n == 0, config.max_title_chars)
            for n, group in enumerate(column)
        ]
        texts = [line.text for line in picked if line is not None]
        if len(texts) < len(picked) or len(set(texts)) < len(texts):
            continue
        if sum(word_count(text) for text in texts) < MIN_PERIOD_TITLE_WORDS * len(texts):
            continue
        if sum(_echoes(text, framed) for text in texts) * 2 > len(texts):
            continue  # links naming the items ('Read more: <title>'), no titles
        titles = [line for line in picked if line is not None]
        title_at = position
        break
    if titles is None:
        return None
    inside = {line.index for repeat in found.repeats for group in repeat for line in group.lines}
    outside = [line for line in lines if not line.is_blank and line.index not in inside]
    prose_outside = sum(word_count(line.text) for line in outside if line_kind(line.text) == PROSE)
    if text_at is None:
        if prose_outside >= sum(word_count(title.text) for title in titles):
            return None  # an article over a widget of dated headlines
    elif not _teasers_fit(found.column(text_at), outside, prose_outside):
        return None
    items: list[Item] = []
    headed = {  # title columns above the titles that hold meta beyond the first item
        position
        for position, symbol in enumerate(found.pattern[: max(title_at, 0)])
        if symbol == PERIOD_TITLE
        and any(
            _is_meta(line.text) for repeat in found.repeats[1:] for line in repeat[position].lines
        )
    }
    for repeat, title in zip(found.repeats, titles, strict=True):
        body = list(repeat[text_at].lines) if text_at is not None else []
        item = Item(body=body, title=title, shaped=True)
        for position, group in enumerate(repeat):
            if position == text_at:
                continue
            if (
                not items
                and position < title_at
                and group.symbol == PERIOD_TITLE
                and position not in headed
            ):
                continue  # the page's header over the first item, no meta
            for line in group.lines:
                if (position != title_at or line.index > title.index) and (
                    group.symbol == PERIOD_STAMP
                    or (group.symbol in (PERIOD_TITLE, PERIOD_FIELD) and _is_meta(line.text))
                    or (group.symbol == PERIOD_FIELD and row_handle(line.text))
                    or (group.symbol == PERIOD_LITERAL and LEAD_BYLINE.match(line.text))
                ):
                    # a byline under the title ('by <names>') too, and one repeated in
                    # every item (an author's page); above the title, the first item's
                    # group may hold the page's header
                    item.meta.append(line)
        item.meta.sort(key=lambda line: line.index)
        if items and item.meta and items[-1].lines[-1].index > item.meta[0].index:
            item.meta = [line for line in item.meta if line.index > title.index]
        _read_shape_credits(item)
        for line in item.meta:
            item.author = item.author or row_handle(line.text)
        items.append(item)
    _mark_hosted_titles(items)
    return items, " ".join(found.pattern)


def _echoes(text: str, texts: Collection[str]) -> bool:
    """Whether `text` closes on another of `texts` after words of its own: a link that
    names an item by its title ('Read more: <title>')."""
    words = text.split()
    return any(" ".join(words[cut:]) in texts for cut in range(1, len(words) - 1))


def _teasers_fit(column: Sequence[Group], outside: Sequence[Line], prose_outside: int) -> bool:
    """Whether a frame's text column holds teasers: every item's text a few lines of a
    teaser's length, no line outside the frame twice as long as their mean, and less prose
    around the frame than in it (else an article with a widget)."""
    bodies = [group.lines for group in column]
    if any(len(body) > MAX_PERIOD_TEXT_LINES for body in bodies):
        return False
    words = [sum(word_count(line.text) for line in body) for body in bodies if body]
    mean = sum(words) / len(words)
    if max(words) > MAX_TEASER_WORDS:
        return False
    if any(word_count(line.text) >= OUTSIDE_TEXT_FACTOR * mean for line in outside):
        return False
    return prose_outside < sum(words)


def _frame_adds_items(
    framed: Sequence[Item], items: Sequence[Item], lines: Sequence[Line] = ()
) -> bool:
    """Whether a page's frame reads every titled item the marks read inside its span, and
    more (an item whose marks differ, such as the last episode without a description);
    one item the marks read outside the frame (the page's masthead over its tagline) is
    allowed. A title the marks read on a line of the frame's marker columns (a count
    'Hits: 967', a stamp, a recurring label) is no title: the frame reads those items
    better."""
    first, last = framed[0].lines[0].start, framed[-1].lines[-1].start  # offsets: the marks
    # read the page with glued lines cut, the frame without
    titles = [
        (item.title.start, item.title_text)
        for item in items
        if item.title is not None and not item.repeated
    ]
    inside = {text for start, text in titles if first <= start <= last}
    if len(titles) - len(inside) > 1:
        return False
    markers = {
        line.text
        for line, symbol in zip(lines, period_symbols(lines), strict=True)
        if symbol in PERIOD_MARKERS and first <= line.start <= last
    }
    return {text for text in inside if text not in markers} < {item.title_text for item in framed}


def period_evidence(items: Sequence[Item], pattern: str) -> str:
    return f"{len(items)} items of one repeated line frame ({pattern})"


def period_detection(items: Sequence[Item], pattern: str) -> Detection:
    return Detection("listing", PERIOD_SCORE, period_evidence(items, pattern), parsed=list(items))


# --- result records: a title over a byline row, repeated ----------------------------------


RECORD_SCORE = 0.7
"""A page of result records (a title line right over the same kind of byline row, three
times or more): above a thread's repeated frames and the period of line kinds, whose
records vary in length, under every layout that finds its own format's signs."""
MIN_RECORDS = 3
"""Fewest titles over a byline row that make a list of records."""
MAX_RECORD_LINES = 16
"""Most lines with text from one record's title to the next one's."""
MIN_RECORD_TEXT_WORDS = 12
"""Fewest words of a record's line that is its description (a shorter line is a slot:
a rating, a format, a price, a stock note, a button)."""


SLOT_NUMBER = re.compile(r"\d[\d.,]*")


def slot_shape(text: str) -> str:
    """A record's slot line as its shape: case folded, every number one zero ('4.5 out of 5
    stars', '1,212 ratings')."""
    return SLOT_NUMBER.sub("0", text.casefold())


def _record_row(text: str) -> tuple[bool, bool] | None:
    """The shape of a record's byline row ('by <Name> | <date>', 'by <Name>, <Name>'):
    whether it opens with 'by' and whether it holds a date; None for a line that names no
    author, or shows a clock time (a comment's header)."""
    if CLOCK.search(text) or is_names(text):
        return None
    if _meta_name(text) is None:
        return None
    return bool(LEAD_BYLINE.match(text)), find_date(text) is not None


def _record_anchors(filled: Sequence[Line], max_title_chars: int) -> list[int]:
    """The positions of the byline rows of the page's records: rows of the most common
    shape, each right under a headline that is no meta line itself."""
    shapes: dict[int, tuple[bool, bool]] = {}
    for at in range(1, len(filled)):
        line, above = filled[at], filled[at - 1]
        if above.index + 1 != line.index or not _frame_headline(above.text, max_title_chars):
            continue  # the short test first: most rows are read under no headline at all
        if (shape := _record_row(line.text)) is not None and not _is_meta(above.text):
            shapes[at] = shape
    if not shapes:
        return []
    common, _ = Counter(shapes.values()).most_common(1)[0]
    return [at for at, shape in shapes.items() if shape == common]


def record_items(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """The records of a result list (a search page, a catalogue, a shop's list): a title
    line right over a byline row ('by <Name> | <date>'), then slot lines (rating, counts,
    formats, prices, buttons) up to the next title, three times or more. The title is the
    line that differs each time, the rows share a shape; a record's author and date are
    its row's. A slot line of twelve words or more that no other record repeats is its
    description (the post's body); every other slot is chrome. The last record's slots
    are the lines after its row that repeat another record's (numbers aside). None when
    fewer than three records are found, two share a title, a record spans more than
    ``MAX_RECORD_LINES`` lines or holds more than ``MAX_PERIOD_TEXT_LINES`` lines of
    description, or the prose outside the records is as long as their titles and
    descriptions together (an article with a box of related books)."""
    filled = [line for line in lines if not line.is_blank]
    anchors = _record_anchors(filled, config.max_title_chars)
    if len(anchors) < MIN_RECORDS:
        return None
    if any(after - before > MAX_RECORD_LINES for before, after in pairwise(anchors)):
        return None
    titles = [filled[at - 1] for at in anchors]
    if len({title.text for title in titles}) < len(titles):
        return None
    slots = [filled[at + 1 : after - 1] for at, after in pairwise(anchors)]
    seen = Counter(slot_shape(line.text) for tail in slots for line in tail)
    last = anchors[-1] + 1
    end = last
    while (
        end < len(filled) and end - last < MAX_RECORD_LINES and slot_shape(filled[end].text) in seen
    ):
        end += 1
    slots.append(filled[last:end])
    items: list[Item] = []
    for at, title, tail in zip(anchors, titles, slots, strict=True):
        body = [
            line
            for line in tail
            if word_count(line.text) >= MIN_RECORD_TEXT_WORDS
            and line_kind(line.text) == PROSE
            and seen[slot_shape(line.text)] < 2
        ]
        if len(body) > MAX_PERIOD_TEXT_LINES:
            return None
        row = filled[at]
        found = find_date(row.text)
        items.append(
            Item(
                body=body,
                title=title,
                meta=[row],
                author=_meta_name(row.text),
                published=found[0] if found else None,
                shaped=True,
            )
        )
    inside = {line.index for item in items for line in item.lines}
    inside.update(line.index for tail in slots for line in tail)
    return None if _prose_outweighs(filled, items, inside) else items


def record_detection(items: Sequence[Item]) -> Detection:
    evidence = f"{len(items)} result records (a title over a byline row, then slot lines)"
    return Detection("listing", RECORD_SCORE, evidence, parsed=list(items))


# --- ranked blocks: a rank alone on its line over each item --------------------------------


RANKED_SCORE = 0.8
"""Items each opened by its rank alone on a line, counting up, over a headline: above a
PDF's bare page numbers (which stand between pages of text, not over a headline that opens
a few short lines) and every reading of a listing's looser shapes."""
RANK_LINE = re.compile(r"^(?:\d{1,3}[.)]?|\[\d{1,3}\]|\(\d{1,3}\))$")
"""A rank alone on its line ('3', '3.', '[3]', '(3)')."""
MIN_RANKED = 3
"""Fewest ranked items that make a list."""
MAX_RANKED_LINES = 12
"""Most lines with text of one ranked item (a page of a PDF holds more)."""
MAX_RANKED_WORDS = 250
"""Most words of one ranked item: a citation and an abstract's snippet, no page of text."""


def _rank_of(text: str) -> int | None:
    return int(text.strip("[]().")) if RANK_LINE.match(text) else None


def _paragraph_starts(span: Sequence[Line]) -> list[int]:
    """The positions in `span` of the lines that open a paragraph."""
    return [
        at
        for at, line in enumerate(span)
        if not line.is_blank and (at == 0 or span[at - 1].is_blank)
    ]


def ranked_items(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """Items each opened by its rank alone on a line ('1', '2.', '[3]'), set apart by a
    blank line above, a headline right under it: the ranks count up by one, ``MIN_RANKED``
    or more. An item runs to the next rank, the last one over as many paragraphs as the
    item before it. The title is the line under the rank; a line that every item shows in
    the same words ('Cite', 'Share') is chrome, a byline or date line the item's meta,
    every other line its text. None where the ranks do not open such short items."""
    opens = [
        at
        for at, line in enumerate(lines)
        if (at == 0 or lines[at - 1].is_blank)
        and at + 1 < len(lines)
        and not lines[at + 1].is_blank
        and _rank_of(line.text.strip()) is not None
    ]
    runs: list[list[int]] = []
    for at in opens:  # runs of ranks counting up by one
        rank = _rank_of(lines[at].text.strip())
        if runs and rank == (_rank_of(lines[runs[-1][-1]].text.strip()) or 0) + 1:
            runs[-1].append(at)
        else:
            runs.append([at])
    run = max(runs, key=len, default=[])
    if len(run) < MIN_RANKED:
        return None
    spans = [lines[start + 1 : end] for start, end in pairwise(run)]
    last = lines[run[-1] + 1 :]
    starts = _paragraph_starts(last)
    size = len(_paragraph_starts(spans[-1]))
    spans.append(last[: starts[size]] if len(starts) > size else last)
    filled = [[line for line in span if not line.is_blank] for span in spans]
    if any(
        len(span) > MAX_RANKED_LINES
        or sum(word_count(line.text) for line in span) > MAX_RANKED_WORDS
        or len(span[0].text) > config.max_title_chars
        for span in filled
    ):
        return None
    shown = Counter(text for span in filled for text in {line.text for line in span[1:]})
    items: list[Item] = []
    for span in filled:
        item = Item(body=[], title=span[0], shaped=True)
        for line in span[1:]:
            if shown[line.text] >= len(filled) - 1 > 1:
                continue  # a button every item shows: chrome
            role = line_role(line.text, config.max_title_chars)
            (item.meta if role in ("byline", "date") else item.body).append(line)
        _read_shape_credits(item)
        items.append(item)
    titles = [item.title_text for item in items]
    return items if len(set(titles)) == len(titles) else None


# --- records of labelled fields ------------------------------------------------------------


FIELD_LINE = re.compile(r"^(?P<label>[^\W\d_][^\W_]*(?:[ '’./&-][^\W_]+){0,3})\s?:\s+(?=\S)")
"""A field line: a label of four words at most, a colon, the value ('Sponsor: <Name>',
'Latest Action: <text>'); no address ('https://…') and no clock time."""
GLUED_FIELD = re.compile(r"(?<=[.!?)\]])\s+(?P<label>[^\W\d_][^\W_]*(?:\s[^\W_]+){0,3}):\s")
"""A field glued after a sentence's end ('<title>. Sponsor: <Name>')."""
TITLE_LABELS = frozenset(
    {"title", "topic", "subject", "headline", "talk", "paper", "bill", "название", "тема"}
    | {"заголовок", "titre", "sujet"}
)
"""Labels of a record's title field ('Topic: <title>')."""
DATE_LABEL_WORDS = frozenset(
    {"date", "dated", "published", "posted", "updated", "when", "day", "дата", "опубликовано"}
)
"""Words of a label whose value is the record's date ('Date:', 'Published on:')."""
MIN_RECORD_FIELDS = 2
"""Fewest labels that recur in every record of a list of labelled records."""
MAX_HEAD_LINES = 3
"""Most unlabelled lines over a record's first field (a rank and id row, a label, a
title)."""


def field_label(text: str) -> str | None:
    """The label of a field line, case folded, without its colon; None for other lines."""
    match = FIELD_LINE.match(text)
    return match.group("label").casefold() if match else None


def _glued_field(text: str, labels: Collection[str]) -> int | None:
    """Where a field of `labels` glued after a sentence starts ('<title>. Sponsor: …')."""
    for match in GLUED_FIELD.finditer(text):
        if match.group("label").casefold() in labels:
            return match.start("label")
    return None


def _title_field(values: Mapping[str, Sequence[str | None]]) -> str | None:
    """The label whose values are the records' titles: the field whose values are all
    given, distinct, no date and no prose, the most words on average (three at least)."""
    best: tuple[float, str] | None = None
    for label, texts in values.items():
        given = [text for text in texts if text]
        if len(given) < len(texts) or len(set(given)) < len(given):
            continue
        if any(find_date(text) or line_kind(text) == PROSE for text in given):
            continue
        mean = sum(word_count(text) for text in given) / len(given)
        if mean >= MIN_PERIOD_TITLE_WORDS and (best is None or mean > best[0]):
            best = (mean, label)
    return best[1] if best else None


def _field_date(texts: Sequence[str]) -> str | None:
    """The record's date as written: a date-labelled field's, else a field whose value is
    a date line."""
    for dated in (True, False):
        for text in texts:
            label, _, value = text.partition(":")
            if dated != bool(set(re.findall(r"\w+", label.casefold())) & DATE_LABEL_WORDS):
                continue
            if (found := find_date(value)) and (dated or credit_date(value.strip())):
                return found[0]
    return None


def field_records(lines: Sequence[Line]) -> list[Item] | None:
    """The records of a list whose items are labelled fields (a search page of bills, an
    event series, a catalogue): lines ``<Label>: <value>`` whose labels recur three times or
    more, each record opened by the label of the page's first field line, under up to
    ``MAX_HEAD_LINES`` unlabelled lines of its own (a rank and id row, a title). The title
    is a title field's value ('Topic: <title>'), else the last of those lines (its rank
    aside), else the value of the field that reads as titles (:func:`_title_field`); a
    field glued after a title's sentence is cut off it. Author: the names on a line among
    the fields, else a byline field's name or handle ('Author: <Name>'); date: a date
    field's, else an unlabelled date line's among the fields. A record's prose (a field's, or paragraphs
    under its fields) is its body, its other fields meta, every other line chrome. None
    when fewer than ``MIN_RECORDS`` records with distinct headlines (:func:`_record_titles`)
    are found, fewer than ``MIN_RECORD_FIELDS`` labels recur, a field names a sender (mail
    messages), a record spans more than ``MAX_RECORD_LINES`` lines or holds more than
    ``MAX_PERIOD_TEXT_LINES`` lines of text, or the prose outside the records is as long as
    their titles and texts together."""
    filled = [line for line in lines if not line.is_blank]
    opening = [field_label(line.text) for line in filled]
    counts = Counter(label for label in opening if label)
    recurring = {label for label, n in counts.items() if n >= MIN_RECORDS}
    if len(recurring) < MIN_RECORD_FIELDS:
        return None
    labels = [label if label in recurring else None for label in opening]
    glued: dict[int, int] = {}
    for at, line in enumerate(filled):
        if labels[at] is None and (cut := _glued_field(line.text, recurring)) is not None:
            glued[at] = cut
            labels[at] = field_label(line.text[cut:])
    marked = [at for at, label in enumerate(labels) if label]
    starts = [at for at in marked if labels[at] == labels[marked[0]]]
    if len(starts) < MIN_RECORDS:
        return None
    heads = [_record_head(filled, labels, glued, start) for start in starts]
    bounds = [head[0] if head else start for head, start in zip(heads, starts, strict=True)]
    items: list[Item] = []
    for number, head in enumerate(heads):
        following = bounds[number + 1] if number + 1 < len(starts) else len(filled)
        item = _field_record(filled, labels, glued, head, range(starts[number], following))
        if item is None or len(item.lines) > MAX_RECORD_LINES:
            return None
        items.append(item)
    _title_by_field(items)
    titles = [item.title_text for item in items]
    if not all(titles) or len(set(titles)) < len(titles) or not _record_titles(titles):
        return None
    if any(SENDER_FIELD.match(line.text) for item in items for line in item.meta):
        return None
    inside = {line.index for item in items for line in item.lines}
    return None if _prose_outweighs(filled, items, inside) else items


def _prose_outweighs(filled: Sequence[Line], items: Sequence[Item], inside: set[int]) -> bool:
    """Whether the prose outside the items (lines not in `inside`) has as many words as
    their titles and texts: then the page is an article with a list in it, not a listing."""
    prose_outside = sum(
        word_count(line.text)
        for line in filled
        if line.index not in inside and line_kind(line.text) == PROSE
    )
    framed = sum(
        word_count(line.text) for item in items for line in [item.title, *item.body] if line
    )
    return prose_outside >= framed


def _record_titles(titles: Sequence[str | None]) -> bool:
    """Whether records' titles read as headlines: three words or more on average, fewer
    than half of them a name (posters over their profile fields), none a stamp (a post
    header's clock time or date) or a line of chrome."""
    texts = [title for title in titles if title]
    if sum(word_count(text) for text in texts) < MIN_PERIOD_TITLE_WORDS * len(texts):
        return False
    if 2 * sum(1 for text in texts if is_name(text)) >= len(texts):
        return False
    return not any(CLOCK.search(text) or find_date(text) or is_page_chrome(text) for text in texts)


def _record_head(
    filled: Sequence[Line], labels: Sequence[str | None], glued: Mapping[int, int], start: int
) -> list[int]:
    """The positions of a record's head: the unlabelled lines right over its first field,
    no blank line between, prose only on the last (a paragraph over it is the text of the
    record above); a first field glued to its title's line is its head."""
    head = [start] if start in glued else []
    here = start - 1
    while (
        here >= 0
        and len(head) < MAX_HEAD_LINES
        and labels[here] is None
        and filled[here].index + 1 == filled[here + 1].index
        and not (head and line_kind(filled[here].text) == PROSE)
    ):
        head.insert(0, here)
        here -= 1
    return head


def _field_record(
    filled: Sequence[Line],
    labels: Sequence[str | None],
    glued: Mapping[int, int],
    head: Sequence[int],
    span: range,
) -> Item | None:
    """One record of :func:`field_records` from its head's positions and the span from its
    first field to the next record's head: fields and the prose under them, up to the
    first other line; None when it holds more than ``MAX_PERIOD_TEXT_LINES`` of text."""
    fields = [at for at in span if labels[at] and at not in head]
    last = fields[-1] if fields else span.start
    item = Item(body=[], shaped=True)
    for at in span:
        line = filled[at]
        prose = line_kind(line.text) == PROSE
        if at in head:
            continue
        if labels[at]:
            wordy = prose and word_count(line.text) >= MIN_RECORD_TEXT_WORDS
            (item.body if wordy else item.meta).append(line)
        elif at < last and is_names(line.text):
            item.meta.append(line)  # the speakers' or authors' names between the fields
            item.author = item.author or names_of(line.text)
        elif at < last and (found := find_date(line.text)) and credit_date(line.text):
            item.meta.append(line)  # an unlabelled date between the fields
            item.published = item.published or found[0]
        elif at > last and not prose:
            break  # the page's chrome under the record
        elif prose:
            item.body.append(line)
    if len(item.body) > MAX_PERIOD_TEXT_LINES:
        return None
    for line in item.meta:
        match = FIELD_LINE.match(line.text)
        if match and set(match.group("label").casefold().split()) & TITLE_LABELS:
            item.title, item.label = line, line.text[: match.end()]
            item.meta.remove(line)
            break
    else:
        if head:
            item.title = filled[head[-1]]
            if (rank := RANK.match(item.title.text)) is not None:
                item.label = rank.group(0)
            if head[-1] in glued:
                item.glued = item.title.text[glued[head[-1]] :]
    item.extra = [filled[at] for at in head if filled[at] is not item.title]
    texts = [line.text for line in item.meta]
    if item.glued:
        texts.insert(0, item.glued)
    for text in texts:
        label, _, value = text.partition(":")
        if not is_byline_label(label):
            continue
        value = value.strip()
        name = clean_name(value) or (value if CELL_HANDLE.fullmatch(value) else None)
        item.author = item.author or name
        break
    item.published = _field_date(texts) or item.published
    return item


def _title_by_field(items: Sequence[Item]) -> None:
    """Give the records without a head their title field's value (:func:`_title_field`)."""
    if all(item.title is not None for item in items):
        return
    values: dict[str, list[Line | None]] = {}
    for number, item in enumerate(items):
        for line in item.meta:
            if (label := field_label(line.text)) is not None:
                column = values.setdefault(label, [None] * len(items))
                column[number] = column[number] or line
    chosen = _title_field(
        {
            label: [line.text.partition(":")[2].strip() if line else None for line in found]
            for label, found in values.items()
        }
    )
    if chosen is None:
        return
    for item, given in zip(items, values[chosen], strict=True):
        if item.title is None and given is not None and (match := FIELD_LINE.match(given.text)):
            item.title, item.label = given, given.text[: match.end()]
            item.meta.remove(given)


# --- the layout ---------------------------------------------------------------------------


FEED_SCORE = 0.9
MORE_TAIL = re.compile(
    r"(?P<cut>…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\])\s+(?P<more>(?:continue\s+reading|read\s+more|"
    r"read\s+the\s+rest|keep\s+reading)\b.{0,120})$"
    r"|(?<=[.!?\"”’])\s+(?P<label>(?:continue\s+reading|read\s+more)\s*[»›→>]*)$",
    re.IGNORECASE,
)
"""A read-more link glued to the end of a summary: after the cut mark, with the item's
title or not ('… Continue reading <title>'), or a bare link label after the last
sentence ('… in transit. Read more>>')."""
MIN_TAILED_WORDS = 8


STAMPED_HEADLINE = re.compile(
    rf"^\s*(?P<stamp>[0-2]?\d:[0-5]\d(?:\s*(?:[ap]\.?m\.?|{_ZONE}\b))?)\s+(?=\S)", re.IGNORECASE
)
"""'19:52  <headline>': a news feed's time of day glued before its headline."""


_READ = re.compile("read", re.IGNORECASE)
"""Every link label of ``MORE_TAIL`` holds 'read': a line without is settled at once."""


def _more_tail_cut(line: Line) -> int | None:
    match = MORE_TAIL.search(line.raw) if _READ.search(line.raw) else None
    if match is None:
        return None
    at = match.start("more") if match.group("more") else match.start("label")
    return at if word_count(line.raw[:at]) >= MIN_TAILED_WORDS else None


GLUED_MORE = re.compile(r"^\s*(?:read\s+more|continue\s+reading)\s*[»›→>]*\s*(?=\S)", re.IGNORECASE)
"""'Read moreJul 28, 2023': an item's read-more link run into the next item's date."""


def _glued_more_cut(line: Line) -> int | None:
    match = GLUED_MORE.match(line.raw)
    if match is None or not credit_date(line.raw[match.end() :].strip()):
        return None
    return match.end()


def _stamp_cut(line: Line, max_title_chars: int) -> int | None:
    match = STAMPED_HEADLINE.match(line.raw)
    if match is None or not is_headline(line.raw[match.end() :].strip(), max_title_chars):
        return None
    return match.end()


MAX_LEAD_DATE_CHARS = 30


def _date_cut(line: Line, max_title_chars: int) -> int | None:
    """Where a headline starts after the date it is glued to ('03.03.2021 <title>')."""
    text = line.raw.lstrip()
    found = find_date(text[:MAX_LEAD_DATE_CHARS])
    if found is None or not text.startswith(found[0]):
        return None
    rest = text[len(found[0]) :]
    if not rest[:1].isspace() or not is_headline(rest.strip(), max_title_chars):
        return None
    if credit_byline(text) or dateline_name(text):
        return None  # '<date> <Name> 0 Comments': a byline line, whole
    return len(line.raw) - len(text) + len(found[0])


MIN_GLUED_TITLE_WORDS = 5


def _trailing_date_cut(line: Line, max_title_chars: int) -> int | None:
    """Where the date glued after a headline starts ('<title> October 12, 2023': a date
    line run into the headline above it, the line break lost): a full date closing the
    line, five words or more of headline before it."""
    text = line.raw.rstrip()
    if len(text) > max_title_chars + MAX_LEAD_DATE_CHARS:
        return None
    found = find_date(text[-MAX_LEAD_DATE_CHARS:])
    if found is None or not text.endswith(found[0]) or not re.search(r"\d{4}", found[0]):
        return None
    if credit_date(text.strip()):
        return None
    if find_byline(text.strip()) or dateline_name(text.strip()):
        return None  # '<section> / By <Name> / <date>': a meta row, whole
    at = len(text) - len(found[0])
    head = text[:at]
    if not head[-1:].isspace() or word_count(head) < MIN_GLUED_TITLE_WORDS:
        return None
    return at if is_headline(head.strip(), max_title_chars) else None


BULLETED_HEADLINE = re.compile(r"^\s*[•●▪◦]\s+(?=\S)")
"""'  • <headline>': a list bullet before each item's title."""


def _bullet_cut(line: Line, max_title_chars: int) -> int | None:
    match = BULLETED_HEADLINE.match(line.raw)
    if match is None or not is_headline(line.raw[match.end() :].strip(), max_title_chars):
        return None
    return match.end()


GLUED_DATE = re.compile(
    r"(?<=[a-z])(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s"
    r"[0-3]?\d(?:st|nd|rd|th)?,?\s(?:19|20)\d\d\s*$)",
    re.IGNORECASE,
)
"""'<Name><Month> <day>, <year>': a byline's name run into the date after it (the space
between two links lost), a lower-case letter right before the month."""


def _glued_date_cut(line: Line) -> int | None:
    if len(line.raw) > MAX_DATELINE_CHARS:
        return None
    match = GLUED_DATE.search(line.raw)
    if match is None or not is_name(line.raw[: match.start()].strip()):
        return None
    return match.start()


def _doubled_name_cut(line: Line, max_title_chars: int) -> int | None:
    """Where a headline starts after an author's doubled name ('<Name> <Name> <title>')."""
    name = doubled_name(line.raw.lstrip())
    if name is None:
        return None
    at = len(line.raw) - len(line.raw.lstrip()) + 2 * len(name) + 1
    rest = line.raw[at:].strip()
    return at if rest and is_headline(rest, max_title_chars) else None


DASHED_TEASER = re.compile(r"\s+[–—]\s+")
"""The spaced dash between a headline and its teaser run on one line."""


def _dashed_teaser_cut(line: Line, max_title_chars: int) -> int | None:
    """Where a teaser starts after its headline on one line ('<headline> — <teaser …>'):
    the first spaced dash with a headline before it (no sentence end) and, after it, a
    text longer than the headline cut off by an ellipsis (an aggregator's item)."""
    raw = line.raw
    if "—" not in raw and "–" not in raw:
        return None
    if not raw.rstrip().endswith(ELLIPSES):
        return None
    match = DASHED_TEASER.search(raw)
    if match is None:
        return None
    head, rest = raw[: match.start()].strip(), raw[match.end() :].strip()
    if ends_sentence(head) or not is_headline(head, max_title_chars):
        return None
    return match.start() if word_count(rest) > word_count(head) else None


def split_glued(lines: Sequence[Line], max_title_chars: int) -> Sequence[Line]:
    """`lines` with each read-more link glued to the end of a summary line or to the start
    of the next item's date line, each byline's name glued to its date, and each time of
    day, date, author's doubled name or list bullet before a headline (two such lines or
    more: a news feed, a bulleted list of items), cut off into a line of its own (offsets kept, lines renumbered);
    `lines` itself when there is none."""
    cuts: dict[int, int] = {}
    for cutter in (_stamp_cut, _bullet_cut, _doubled_name_cut, _date_cut, _dashed_teaser_cut):
        found = {
            line.index: cut for line in lines if (cut := cutter(line, max_title_chars)) is not None
        }
        if len(found) >= 2:
            cuts.update(found)
    for line in lines:
        if line.index in cuts:
            continue
        cut = (
            _more_tail_cut(line)
            or _glued_more_cut(line)
            or _glued_date_cut(line)
            or _trailing_date_cut(line, max_title_chars)
        )
        if cut is not None:
            cuts[line.index] = cut
    if not cuts:
        return lines
    return cut_lines(lines, {index: (cut,) for index, cut in cuts.items()})


CONVERSATION_DOUBT = 0.5
"""Doubt cast on a reading of items by a counter of a conversation's comments on the page
(:func:`conversation_counter`): the items read are likely its comments, whose headers
(a name, a stamp) pass for items' titles and marks."""


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    """The listing's reading of `lines` (:func:`read_items`), in doubt where the page counts
    a conversation's comments (:data:`CONVERSATION_DOUBT`)."""
    found = read_items(lines, config)
    counter = conversation_counter(lines) if found is not None else None
    if found is None or counter is None:
        return found
    return dataclasses.replace(
        found,
        doubt=min(1.0, found.doubt + CONVERSATION_DOUBT),
        evidence=f"{found.evidence}; against it, a conversation's counter "
        f"({counter.text.strip()!r})",
    )


def read_items(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    """The strongest reading of `lines` as a page of items, or None."""
    entries = find_entries(lines)
    if entries is not None:
        evidence = f"{len(entries)} feed entries ('<handle> · <age>' headers)"
        return Detection("listing", FEED_SCORE, evidence, parsed=entries)
    split = split_glued(lines, config.max_title_chars)
    items = find_items(split, config)
    found = structured_detection(item_stats(items))
    fielded = field_records(lines)
    if found is not None and not _titles_fields(items, fielded):
        framed = period_items(lines, config)
        if framed is not None and _frame_adds_items(framed[0], items, lines):
            evidence = f"{found.evidence}; {period_evidence(*framed)}"
            return dataclasses.replace(found, evidence=evidence, parsed=framed[0])
        return dataclasses.replace(found, parsed=items)
    if fielded is not None:
        evidence = f"{len(fielded)} records of labelled fields ('<Label>: <value>' lines)"
        return Detection("listing", RECORD_SCORE, evidence, parsed=fielded)
    ranked = ranked_items(lines, config)
    if ranked is not None:
        evidence = f"{len(ranked)} items opened by their ranks alone on a line"
        return Detection("listing", RANKED_SCORE, evidence, parsed=ranked)
    shaped = shape_items(lines, config)
    if shaped is not None:
        if (
            not any(item.title for item in shaped)
            and (column := headline_block(lines, config)) is not None
            and len(column) > len(shaped)
        ):
            evidence = f"{len(column)} headlines in a column, one to a line, nothing under them"
            return Detection("listing", COLUMN_SCORE, evidence, parsed=column)
        return shape_detection(shaped)
    records = record_items(lines, config)
    if records is not None:
        return record_detection(records)
    bare = bare_detection(lines, config)
    if bare is None and (framed := period_items(lines, config, headlines=True)) is not None:
        return period_detection(*framed)
    if bare is None and (column := headline_column(split, config)) is not None:
        evidence = f"{len(column)} headlines in a column, one to a line, nothing under them"
        return Detection("listing", COLUMN_SCORE, evidence, parsed=column)
    return bare or counted_detection(lines, items)


def _titles_fields(items: Sequence[Item], records: Sequence[Item] | None) -> bool:
    """Whether the items read from their marks take a field of the labelled records for a
    title ('Author: <Name>' over 'Date: <date>'): the records are the page's reading."""
    if not records:
        return False
    fields = {line.index for record in records for line in record.meta}
    return any(item.title is not None and item.title.index in fields for item in items)


COLUMN_SCORE = 0.75
"""A column of six headlines or more with no prose around them: a page of links, above an
issue's few headlines (a digest's shape) and a PDF's signs."""
RESULT_COUNTER = re.compile(
    r"^(?:showing|displaying|results?|items?|entries|показаны?|записи)?\s*:?\s*"
    r"\d[\d,.]*\s*[-–—]\s*\d[\d,.]*\s+(?:of|из)\s+(?:about\s+)?\d[\d,.]*\b"
    r"|^(?:about|found|найдено)\s+\d[\d,.]*\s+(?:results?|matches|hits|результат\w*)\b"
    r"|^\d[\d,.]*\s+(?:results?|matches|hits|результат\w*)\s*(?:\(|(?:for|по)\s+[\"“«'])",
    re.IGNORECASE,
)
"""A search or list page's counter of its results: 'Showing 1-4 of 238', '1 – 20 of 512',
'About 1,240 results for "…"', '41 results (0.007 seconds)'; never a bare '<n> Results',
a paper's numbered section."""
CONVERSATION_COUNT = re.compile(
    r"\b(?:comments?|repl(?:y|ies)|posts?|messages?|answers?|коммент\w*|ответ\w*|сообщен\w*)\b",
    re.IGNORECASE,
)
"""What a thread counts ('Showing 1-4 of 4 comments'): no result counter."""
MAX_COUNTER_CHARS = 80
COUNTER_SCORE = 0.62
"""Items under a result counter that no reading of the listing's own marks or frames
accepts: just above the fallback, which such a page of results is not, and below every
layout that finds its own features."""


def result_counter(lines: Sequence[Line]) -> Line | None:
    """The first line that counts a page's results (:data:`RESULT_COUNTER`), not a
    thread's comments (:data:`CONVERSATION_COUNT`)."""
    return _counter(lines, conversation=False)


def conversation_counter(lines: Sequence[Line]) -> Line | None:
    """The first line that counts a thread's comments the way a page counts its results
    ('Showing 1-9 of 22 comments'): the page shows a conversation."""
    return _counter(lines, conversation=True)


def _counter(lines: Sequence[Line], conversation: bool) -> Line | None:
    return next(
        (
            line
            for line in lines
            if not line.is_blank
            and len(line.text) <= MAX_COUNTER_CHARS
            and RESULT_COUNTER.search(line.text.strip())
            and bool(CONVERSATION_COUNT.search(line.text)) is conversation
        ),
        None,
    )


def counted_detection(lines: Sequence[Line], items: Sequence[Item]) -> Detection | None:
    """A page of results that shows its count ('Showing 1-4 of 238') over two titled items
    or more, distinct, after the counter: a listing even where its items carry no marks a
    reading of its own accepts. None without a counter or such items."""
    counter = result_counter(lines)
    if counter is None:
        return None
    titles = [
        item.title.text
        for item in items
        if item.title is not None and not item.repeated and item.title.index > counter.index
    ]
    if len(titles) < 2 or len(set(titles)) < len(titles):
        return None
    evidence = f"a result counter ('{counter.text.strip()}') over {len(titles)} titled items"
    return Detection("listing", COUNTER_SCORE, evidence, parsed=list(items))


def segment(
    result: Segmented,
    doc_id: str,
    lines: Sequence[Line],
    config: SegmentConfig,
    parsed: object = None,
) -> None:
    if parsed is None and (found := detect(lines, config)) is not None:
        parsed = found.parsed  # a manifest's layout: read as detection would have
    if isinstance(parsed, list) and parsed and isinstance(parsed[0], Entry):
        segment_feed(result, doc_id, lines, parsed, config)
        return
    split = split_glued(lines, config.max_title_chars)
    items = parsed if isinstance(parsed, list) else find_items(split, config)
    if items and items[0].shaped:
        segment_items(result, doc_id, lines, items, config)
    elif (column := headline_column(split, config)) is not None and len(column) > sum(
        1 for item in items if item.title is not None
    ):
        segment_items(result, doc_id, split, column, config)
    elif (
        parsed is None
        and structured_detection(item_stats(items)) is None
        and (records := _unmarked_records(lines, config)) is not None
    ):
        segment_items(result, doc_id, lines, records, config)
    elif sum(1 for item in items if item.title is not None and not item.repeated) >= 2:
        segment_items(result, doc_id, split, items, config)
    elif parsed is None and (shaped := shape_items(lines, config)) is not None:
        segment_items(result, doc_id, lines, shaped, config)
    elif (
        parsed is None
        and bare_detection(lines, config) is None
        and (framed := period_items(lines, config, headlines=True)) is not None
    ):
        segment_items(result, doc_id, lines, framed[0], config)
    else:
        segment_bare(result, doc_id, lines, config)


def _unmarked_records(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """The records :func:`detect` reads where no item shows a listing mark, in its order:
    labelled fields first, result records where no repeated shape is read."""
    fielded = field_records(lines)
    if fielded is not None or shape_items(lines, config) is not None:
        return fielded
    return record_items(lines, config)


def segment_items(
    result: Segmented,
    doc_id: str,
    lines: Sequence[Line],
    items: Sequence[Item],
    config: SegmentConfig,
) -> None:
    """One teaser post per item inside the items' range; every other line is chrome (a
    repeated block's lines under their own rule)."""
    promotions = [item for item in items if item.repeated]
    items = [item for item in items if not item.repeated]
    titled = [n for n, item in enumerate(items) if item.title is not None or item.shaped]
    kept = [item for n, item in enumerate(items) if titled[0] <= n <= titled[-1]]
    marked = sum(1 for item in kept if item.marks())
    while len(kept) > 2 and not kept[-1].marks() and marked >= 0.75 * len(kept):
        kept.pop()  # the site's footer (its name over its tagline) under marked items
    while len(kept) > 2 and not kept[0].marks() and marked >= 0.75 * len(kept):
        if not _is_masthead(kept[0], lines):
            break
        kept.pop(0)  # the site's masthead (its name over its tagline) above them
    while len(kept) > 2 and _is_bio(kept[0]):
        kept.pop(0)  # an author's page: the author's bio card above the items
    if len(kept) > MIN_LED_AFTER_HEADING and _is_page_heading(kept[0], kept[1:]):
        kept.pop(0)  # the page's heading over its description, above items led by dates
    if kept and kept[0].body and _names_the_site(kept[0], lines):
        kept[0].title = None  # the masthead over the issue's introduction: chrome
    _untitle_shared(kept)
    dropped = find_boilerplate(lines)
    for item in promotions:
        dropped.update((line.index, REPEATED_BLOCK_RULE) for line in item.lines)
    owned: set[int] = set()
    for item in kept:
        keep = [*item.body, *item.meta, *item.deck, *([item.title] if item.title else [])]
        owned.update(line.index for line in keep)
        for line in keep:
            dropped.pop(line.index, None)
    for line in lines:
        if not line.is_blank and line.index not in owned and line.index not in dropped:
            dropped[line.index] = chrome_rule(line.text)
    add_dropped(result, doc_id, lines, dropped)
    rules = config.block_rules()
    for item in kept:
        span = item.lines
        region = lines[span[0].index : span[-1].index + 1]
        title = item.title
        head = PostHead(
            title=item.title_text,
            title_lines=frozenset({title.index}) if title and item.title_text else frozenset(),
            author=item.author,
            published=item.published,
            meta_lines=frozenset(
                line.index
                for line in [*item.meta, *([title] if title and item.dated_heading else [])]
            ),
        )
        ordinal = len(result.posts)
        if not item.body and title is not None:
            add_post(result, headline_post(doc_id, ordinal, title, item.meta, head))
            continue
        add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=ordinal,
                kind="teaser",
                region=region,
                dropped=dropped,
                rules=rules,
                rank=ordinal + 1,
                head=head,
            ),
        )


MIN_COLUMN_HEADLINES = 6
"""Fewest one-line paragraphs in a row, each a headline, for a column of headlines."""
MIN_COLUMN_WORDS = 3
"""Fewest words of a headline in a column, one fewer when it is cut off ('<Two
words>...'): a shorter line is a label or a link."""


def _column_headline(line: Line, max_title_chars: int) -> bool:
    """A link's headline standing in a column of them: a short line of one sentence at
    most, in capitals, in title case, or cut off ('<headline>...'), that is no date and no
    chrome."""
    text = line.text.strip()
    words = word_count(text)
    cut = CUT_OFF.search(text) is not None
    if words > MAX_HEADLINE_WORDS or len(text) > max_title_chars:
        return False
    if words < MIN_COLUMN_WORDS and not (cut and words >= MIN_COLUMN_WORDS - 1):
        return False
    if INNER_STOP.search(text) or is_page_chrome(text) or is_pagination(text):
        return False
    if credit_date(text) or (ends_sentence(text) and not cut):
        return False
    return cut or is_all_caps(text) or is_title_case(text)


def headline_column(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """The items of a column of headlines with nothing under them: a link aggregator's
    front page (:func:`_paragraph_column`) or a block of headlines one to a line
    (:func:`headline_block`), whichever holds more."""
    found = [
        column
        for column in (_paragraph_column(lines, config), headline_block(lines, config))
        if column is not None
    ]
    return max(found, key=len) if found else None


RELATED_HEADING = re.compile(
    r"^(?:related|similar|more|further|see also|read also|also on|читайте также|по теме"
    r"|смотрите также|ещё|еще)\b(?:\s+\S+){0,3}$",
    re.IGNORECASE,
)
"""A box's heading over links to other pages ('Related stories', 'Read also', 'По теме')."""
MIN_BLOCK_MEAN_WORDS = 4
"""Fewest words of a block's headlines on average: a menu's links are shorter."""
INDEX_HEADING = re.compile(r"^(?:[^\W_]|\*|#|[^\W\d_]-[^\W\d_])$")
"""A one-character heading between the entries of an index ('K', '2', '*', 'A-B')."""
TRAILING_BY = re.compile(r"\s+by\s+(?P<name>[A-ZА-ЯЁ][^\d]{2,60})$")
"""A headline's byline after it on its line ('<headline>  by <Name> & <Name>')."""


LIST_MARK = re.compile(r"^(?:[-*•·▪●–]|\d{1,3}[.)])\s+(?=\S)")
"""A list's bullet or rank before a headline in a block of them ('- <title>', '3. <title>')."""


DATED_TITLE = re.compile(
    r"^(?P<title>\S.*?\S)(?P<glued>(?:\s+[—–|·•-]\s+|\s+\()(?P<date>[^—–|·•()]{6,40}?)\)?)$"
)
"""'<headline> — <date>', '<headline> (<date>)', '<headline> | <date>': an archive's entry
with its date after the title on one line."""
DATE_LED_TITLE = re.compile(
    r"^(?P<glued>(?P<date>[^—–|·•:]{6,40}?)(?:\s+[—–|·•-]\s+|:\s+))(?P<title>\S.*\S)$"
)
"""'<date> — <headline>', '<date>: <headline>': the same entry with its date first."""


@dataclasses.dataclass(frozen=True, slots=True)
class DatedTitle:
    """A headline with its date on its line (:func:`dated_title`)."""

    title: str
    lead: str
    """The date and its separator before the headline ('' when the date follows it)."""
    tail: str
    """The separator and the date after the headline ('' when the date leads)."""
    date: str


def dated_title(text: str) -> DatedTitle | None:
    """The headline of two words or more and the date on a line that holds only the two,
    joined by a dash, a bar, a bracket or a colon (:data:`DATED_TITLE`,
    :data:`DATE_LED_TITLE`), else None."""
    for form in (DATED_TITLE, DATE_LED_TITLE):
        if not (match := form.match(text)) or word_count(match["title"]) < 2:
            continue
        date = match["date"].strip()
        found = find_date(date)
        if found is None or found[0] != date or find_date(match["title"]) is not None:
            continue
        if form is DATED_TITLE:
            return DatedTitle(match["title"], "", match["glued"], date)
        return DatedTitle(match["title"], match["glued"], "", date)
    return None


def _block_headline(text: str, max_title_chars: int) -> bool:
    """A headline standing one to a line in a block of them, after its list mark if any
    and without a date after it ('<headline> — <date>'): two words or more, twenty at
    most, opening in upper case, a digit or a quote and closing no sentence (a question or
    an exclamation aside), no date, no read-more link and no chrome."""
    if marked := LIST_MARK.match(text):
        text = text[marked.end() :]
    if dated := dated_title(text):
        text = dated.title
    words = word_count(text)
    if not 2 <= words <= MAX_HEADLINE_WORDS or len(text) > max_title_chars:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in OPENING_QUOTES):
        return False
    if INNER_STOP.search(text) or is_page_chrome(text) or is_pagination(text) or is_crumb(text):
        return False
    if READ_MORE.match(text) or credit_date(text) or text.endswith((",", ";", ":", "-", "–", "—")):
        return False
    return not ends_sentence(text) or text.rstrip("\"'”’»)").endswith(("?", "!"))


def headline_block(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """The items of the largest block of headlines one to a line, blank lines around it
    and none inside (a sitemap's day, a category page, a column of related links), or of
    such blocks each headed by a date line (a date-grouped archive; a date closing a
    block that opens on a headline is that item's stamp, heading no group): every line a
    headline (:func:`_block_headline`, its bullet or rank no part of the title), an index
    heading ('K', '2', '*') or a date line (a PDF's text, whose lines of any kind run on
    without a blank line, shows no such block); six
    headlines or more, of ``MIN_BLOCK_MEAN_WORDS`` words on average. A headline takes the
    date of the date line over it in the block, or of the page's last date line above
    the block (its heading: 'Articles published on <date>'), and the name of a byline
    after it ('<headline>  by <Name>'). None when there is no such block, when the block
    is headed as a box of related links ('Related stories') under prose, or when the page
    holds more words in paragraphs longer than a headline than the block holds (an
    article over a box of related links; a category page's notes are single sentences)."""
    headline = _HeadlineMemo(config.max_title_chars)
    best: list[Line] = []
    best_count = 0
    run: list[Line] = []
    block: list[Line] = []
    previous: list[Line] = []
    for line in [*lines, Line(len(lines), 0, "")]:
        if line.text:
            block.append(line)
            continue
        if not block:
            continue
        if not all(
            headline(item.text) or INDEX_HEADING.match(item.text) or credit_date(item.text)
            for item in block
        ):
            run = []
        elif run and (
            (_day_heading(run[-1].text) and _day_heading(previous[0].text))
            or (_day_heading(block[0].text) and any(_day_heading(item.text) for item in run))
        ):
            run = [*run, *block]  # a day's group of a date-grouped list
        else:
            run = block
        if (count := sum(1 for item in run if headline(item.text))) > best_count:
            best, best_count = run, count
        previous, block = block, []
    titles = [line for line in best if headline(line.text)]
    if len(titles) < MIN_COLUMN_HEADLINES:
        return None
    upper = [line for line in lines[: best[0].index] if line.text]
    heading = [best[0]] if RELATED_HEADING.match(best[0].text) else upper[-1:]
    if heading and RELATED_HEADING.match(heading[0].text):
        if any(prose_or_other(line.text) == "prose" for line in upper):
            return None  # an article's box of related links
        titles = [line for line in titles if line not in heading]
    inside = sum(word_count(line.text) for line in titles)
    if inside < MIN_BLOCK_MEAN_WORDS * len(titles):
        return None
    outside = sum(
        words
        for line in lines
        if (words := word_count(line.text)) > MAX_HEADLINE_WORDS
        and prose_or_other(line.text) == "prose"
    )
    if outside >= inside:
        return None
    above = [line for line in lines[: best[0].index] if _day_heading(line.text)]
    day = _day_heading(above[-1].text) if above else None
    items: list[Item] = []
    for line in best:
        if (dated := _day_heading(line.text)) and line not in titles:
            day = dated
        if line not in titles:
            continue
        item = Item(body=[], title=line, published=day)
        if marked := LIST_MARK.match(line.text):
            item.label = marked.group(0)
        if entry := dated_title(line.text[len(item.label or "") :]):
            item.glued = entry.tail or None
            item.label = (item.label or "") + entry.lead or None
            item.published = entry.date
        if (byline := TRAILING_BY.search(line.text)) and (name := clean_name(byline["name"])):
            item.author, item.credit = name, byline.group(0)
        items.append(item)
    return items


class _HeadlineMemo:
    """:func:`_block_headline` of a text, read once per text within one reading of a page
    (a block's lines are asked again as the run grows and as the best run is counted)."""

    def __init__(self, max_title_chars: int) -> None:
        self._max_title_chars = max_title_chars
        self._known: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = _block_headline(text, self._max_title_chars)
        return known


def _day_heading(text: str) -> str | None:
    """The date of a date line heading a group of headlines ('14 March 2023', 'Articles
    published on Tuesday, 14 March 2023'), as written; None for any other line and for a
    stamp with a time of day (the page's 'Updated <date> <time>')."""
    if len(text) > MAX_CHROME_CHARS or word_count(text) > MAX_HEADLINE_WORDS:
        return None
    found = find_date(text)
    if found is None or CLOCK.search(text):
        return None  # a time of day: the page's update stamp, no day of items
    if (dated := dated_title(text)) and word_count(dated.title) >= MIN_COLUMN_WORDS:
        return None  # '<headline> — <date>': an entry, dated by itself
    return found[0] if credit_date(text) or text.endswith(found[0]) else None


def _paragraph_column(lines: Sequence[Line], config: SegmentConfig) -> list[Item] | None:
    """The items of a column of headlines with nothing under them (a link aggregator's
    front page): the longest run of paragraphs of one line each, every one a headline
    (:func:`_column_headline`), six or more, each an item with an empty body. None when
    there is no such run, or when the page holds more words of prose outside the run than
    in it (an article with short paragraphs)."""
    blocks: list[list[Line]] = []
    for line in lines:
        if line.is_blank:
            if blocks and blocks[-1]:
                blocks.append([])
        elif blocks:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    blocks = [block for block in blocks if block]
    best: tuple[int, int] = (0, 0)
    start = 0
    for number, block in enumerate([*blocks, []]):
        if len(block) == 1 and _column_headline(block[0], config.max_title_chars):
            continue
        if number - start > best[1] - best[0]:
            best = (start, number)
        start = number + 1
    run = [block[0] for block in blocks[best[0] : best[1]]]
    if len(run) < MIN_COLUMN_HEADLINES:
        return None
    inside = sum(word_count(line.text) for line in run)
    outside = sum(
        word_count(line.text)
        for block in blocks[: best[0]] + blocks[best[1] :]
        for line in block
        if prose_or_other(line.text) == "prose"
    )
    if outside >= inside:
        return None
    return [Item(body=[], title=line) for line in run]


def _is_bio(item: Item) -> bool:
    """An author's bio card read as an item: its text opens with the name on its byline
    ('<Name>' / '<role>' / '<Name> studies Russian domestic politics …')."""
    if not item.author or not item.body:
        return False
    first = item.body[0].text
    return first.startswith(item.author + " ") and not first.startswith(item.title_text or "\0")


def _is_page_heading(item: Item, below: Sequence[Item]) -> bool:
    """An item that shows no mark over items that each show their byline or date above
    their title: the page's own heading ('Press releases') over its description."""
    return not item.marks() and all(other.lead for other in below)


def _names_the_site(item: Item, lines: Sequence[Line]) -> bool:
    """Whether the item's title is only the name the page's copyright line gives its
    publisher ('THE VOLGA READER' over '© 2024 The Volga Reader'): the masthead, never
    an item's headline."""
    title = item.title_text
    if title is None:
        return False
    return " ".join(title.split()).casefold() in copyright_names([line.text for line in lines])


def _is_masthead(item: Item, lines: Sequence[Line]) -> bool:
    """An unmarked item whose title is the site's name: a line the page shows elsewhere
    too (in its header or its footer), over the site's tagline."""
    if item.title is None:
        return False
    name = item.title.text
    return any(line.index != item.title.index and line.text.startswith(name) for line in lines)


def headline_post(
    doc_id: str, ordinal: int, title: Line, meta: Sequence[Line], head: PostHead
) -> PostDraft:
    """The teaser of an item that shows only its headline and stamp: an empty body, the
    headline as its title and only block, a span over the headline and its stamp."""
    found = find_date(head.published) if head.published else None
    span = [title, *meta]
    post = post_row(
        doc_id,
        ordinal,
        "teaser",
        "",
        min(line.content_start for line in span),
        max(line.content_end for line in span),
        rank=ordinal + 1,
        title=head.title,
        author=head.author,
        published=head.published,
        published_date=found[1] if found else None,
    )
    heading = DraftBlock("heading", str(head.title), title.content_start, title.content_end)
    return PostDraft(post, blocks_as_rows(doc_id, post["post_id"], "post", [heading]))


def segment_feed(
    result: Segmented,
    doc_id: str,
    lines: Sequence[Line],
    entries: Sequence[Entry],
    config: SegmentConfig,
) -> None:
    """One teaser post per feed entry; headers, labels, counters and the page around the
    entries are chrome."""
    owned = {line.index for entry in entries for line in entry.body}
    owned |= {entry.title.index for entry in entries if entry.title is not None}
    dropped = {
        line.index: chrome_rule(line.text)
        for line in lines
        if not line.is_blank and line.index not in owned
    }
    add_dropped(result, doc_id, lines, dropped)
    rules = config.block_rules()
    for entry in entries:
        span = [entry.header, *entry.body, *entry.chrome]
        if entry.title is not None:
            span.append(entry.title)
        first, last = min(line.index for line in span), max(line.index for line in span)
        head = PostHead(
            title=entry.title.text if entry.title else None,
            title_lines=frozenset({entry.title.index}) if entry.title else frozenset(),
            author=entry.author,
            published=entry.published,
            meta_lines=frozenset({entry.header.index}),
        )
        ordinal = len(result.posts)
        add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=ordinal,
                kind="teaser",
                region=lines[first : last + 1],
                dropped=dropped,
                rules=rules,
                rank=ordinal + 1,
                head=head,
            ),
        )


def segment_bare(
    result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig
) -> None:
    """One teaser post per paragraph (a title line may sit on top of it)."""
    dropped = find_boilerplate(lines)
    add_dropped(result, doc_id, lines, dropped)
    for teaser in split_teasers(lines, dropped):
        ordinal = len(result.posts)
        add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=ordinal,
                kind="teaser",
                region=teaser,
                dropped=dropped,
                rules=config.block_rules(),
                rank=ordinal + 1,
            ),
        )
