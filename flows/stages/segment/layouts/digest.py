"""Digests, month archives, newsletters and mail digests: several full articles in one
text, one ``digest_article`` post each.

An article opens in one of these shapes (placeholders in angle brackets):

* ``<headline>`` then an origin line ``First published <where>`` (nothing else needed);
* ``<headline>`` then credit lines in any order: a byline ``By <name>`` or ``<Name>,
  <Position>`` (``Anna Lind, Senior Analyst``), a date or dateline
  ``<date>`` / ``<Outlet> <date>``, a translator credit ``Translated by <name>``, an image
  placeholder, a short outlet line ``<Outlet>`` between or after them; then the text. The
  headline (three words or more) follows a blank line, a rule, a finished sentence or the
  start, and may be underlined by a rule; a date line or a short label may sit right above
  it; a headline standing alone over source lines (``Source: <outlet>`` ``Date: <date>``)
  is theirs across the blank line between; a day header written without its year
  (``Monday, March 18``) over the headline dates it in the issue's year;
* a field block ``SOURCE: <outlet>`` ``DATE: <date>`` ``TITLE: <headline>``
  ``AUTHOR: <name>`` ``TEXT:`` (any order, any upper-case key or a known key in any case,
  rules between the fields allowed), on a page where a title field exists;
* a mail header block ``Date:`` ``From: <name> <address>`` ``Subject: <title>`` (other
  headers too) numbered ``Message: <n>`` or under a plain rule (mailing-list digests), or
  ``Sender: <name> (<address>)`` ``Subject: <title>`` under a numbered rule
  ``** 03 *****`` (a listproc digest: no date needed): the
  subject is the title, the sender's display name the author, the Date header the date;
  a news article's headers (with ``Newsgroups:``) need no rule: the sender's card above
  them ('<Name>', 'View profile', 'More options <date>') is their head;
  a letter among other articles needs no ``Date:`` under a rule or an item number (``#3``);
* a run-in headline ``<HEADLINE IN CAPITALS>. <text>`` opening a paragraph (news-agency
  daily reports), when the text holds two or more: the headline is cut off its line and is
  the title, the rest of the line opens the body (lines are renumbered, offsets kept); so
  is ``[•] <Headline In Title Case>: <text> Read more>>`` (a newsletter's bulleted items,
  two or more), whose read-more link closes the item: what follows it up to the next
  item (section labels) is chrome;
* an article closed by a credit line: ``[<day header>]`` ``<headline>`` text, then a byline
  with a date or a time (``Posted by <name> at <time> <n> comments``) or a post footer
  (``Posted in <category> | Leave a comment``), two or more of one shape, entry fields
  (``Current Mood: tired``, ``Tags: …``) between the text and it; a journal's day page
  heads each entry ``<time> - <headline>``; a diary's date header may open with its
  weekday and close with a button's label (``<Weekday>, <date> <time> + в цитатник``);
  Russian footers ('Рубрики:', 'Метки:', 'Комментарии (<n>) …') close posts too; what
  follows the
  closing line up to the next article (share, label lines; the sidebar after the last
  one) is chrome, and a post without a day header of its own has the one above it; the
  post's own headline (right under its day header, else the first after the previous
  post's share links or the archive's 'Category:' label) is its title over a reposted
  article's headline, caption and outlet lines, unless a list of contents ('(1) <title>')
  stands between. A
  round-up's items closed by ``Sources: <outlets>`` may be numbered (``1. <headline>``): at
  the top of the page a numbered headline wins over the introduction under the issue's
  dated title; a different closing line after the last item is the page's footer; so are
  a translated press digest's items closed by a source note in brackets ``(<Outlet>,
  <date>, <Author>)`` (the first name its author). A day
  header may give the time (``12 December 2011 @ 11:04 pm``); ``Label: value`` lines
  between the headline and the text (``Current Mood: cold``) belong to the head; an
  aggregator's post closes on its stamp (``<date> <time>``, a ``Read the full article``
  link above it allowed), and a short line alone over its headline after a day header or
  the previous post names its blog, the author of its posts up to the next such name
  (unless the headlines are numbered: the line is then a section's label);
* a newsletter's item, three or more: ``<headline>`` alone over its paragraphs, no other
  mark, counted only when the page shows an issue around them (an issue number above
  them, a dated name over a greeting, headings all in capitals, or a list of contents
  naming them): an article's subheadings over its sections show none of these;
* a newsletter or an alert mailed as a listing's items (headline, outlet or date, teaser)
  over a mail footer (``Unsubscribe``, ``You are receiving this email…``, ``This
  message was sent to you…``): the listing layout reads the items, each one of the issue's articles, also
  where the digest's own reading of the issue is weaker than the listing's;
* a web mail digest's message: ``<n>.`` ``<subject>`` ``Posted by: "<Name>" <address>``
  ``<date>``; a topic digest's or list archive's sender line ``<Name> <address>: <when>`` /
  ``<YYYY-MM-DD> Thread <Name>`` under the message's subject (the topic's title carries on
  to its later messages);
* a news database export's record closed by ``End of Document`` (the headline, outlet,
  date and fields such as ``Byline: <name>`` over ``Body``, then the text); or field codes
  on lines of their own (``HD`` headline,
  ``BY``, ``PD`` date, ``LP``/``TD`` text, up to the value of ``AN``), or ``<n> of <m>
  DOCUMENTS`` then a masthead (outlet, date) over ``HEADLINE:``/``BYLINE:``/``BODY:``
  fields (trailing fields such as ``LOAD-DATE:`` are no text);
* a channel's post in its web preview: the channel's name, labels (``Forwarded from …``),
  the text, then ``<n> views [edited] [<Name>,] <time>`` (no headline; day lines between
  posts date them);
* a chat export's message (Telegram Desktop as text): ``<initials>`` ``<HH:MM>``
  ``<sender>``, media and reply labels, then the text; a message joined to the one before
  shows only its time; day lines between messages date them; the channel's own name signs
  nothing; a sender's name repeated over the times opens the message it stands over;
  a line of reactions and their counts (``👍 214  🤔 37``) is chrome;
* a press review's item: ``<OUTLET IN CAPITALS>`` after a blank line, right over
  ``<headline>``, right over the text (the label is chrome; counted only on a page of full
  articles, as credit openings are); or ``<Outlet>: <headline>`` standing alone over the
  text, two or more on the page (the title is the headline); or, untitled, a paragraph
  opening ``«<Outlet>» (<date>, с. <page>) <text>``, or closed by ``(<Outlet>, p. <n>)``
  on a line of its own, two or more on the page; or, untitled, each paragraph under a
  day header closed by a colon (``March 9:``, two or more, the header its date, a
  bracketed ``[EDITOR'S NOTE: …]`` kept with the item above); or a round-up's citation line
  ``<Outlet>: "<Title>," by <Name>`` right over the text, two or more (the quoted
  headline is the title, the name the author);
* a headline standing alone right under a rule, over a blank line and the text, two or
  more on the page (a mailing's issue; counted only on a page of full articles); an item
  number (``#2``) may stand under the rule, and up to four short lines (outlet, author,
  date, byline) with the headline, the last headline among them the title; taken only
  where nothing else opens the headline;
* a headline repeated from a list of contents above it that names it with its outlet or
  author (``1. <Outlet>: <headline>``, ``<Name>, <headline>``), its text under it, two or
  more (an entry that is only the headline proves nothing: articles list their sections);
* numbered items run into one line, as a PDF's text dumps them (``1) <Headline>: <text>
  (<Outlet>) 2) <Headline>: …``, numbers counting up from 1, three or more): each item
  and its run-in headline are cut into lines of their own and read as run-in headlines;
* a brief's section: ``<emoji> <Label>`` after a blank line, right over the text, two or
  more on the page (the title is the label; counted as press review items are);
* a newsletter's story: ``1 big thing: <headline>``, ``2. <headline>`` … numbered in order
  between blank lines over the text (an image credit may stand between), three or more;
  the unnumbered head above them is the issue's masthead, and a line closing the last
  story that names the masthead (``Thanks for reading <Newsletter>…``) its sign-off;
* a press digest's item: ``<headline> (<Outlet>, <date>)`` after a blank line, right over
  the text, two or more on the page (the title is the headline, the date the bracket's). A long lead
  above a review's outlet items that names their stories is ``digest_summary``.

A page where none of these opens two articles may show them by their repeated shape alone
(:mod:`flows.stages.segment.shapes`): three heads or more of two short lines or more
(``<Outlet>, p. <n>`` ``<headline>``; ``<headline>`` ``by <Name>``) each over a long text
(sixty words or more on average, a listing's teasers being shorter). The column of
distinct headlines is the title, a column of bylines or dates the meta, other short
columns labels (chrome); short lines under the last article, with no prose among them,
are the page's footer. So may one-line heads that credit each text (``<Name> /
<Outlet>:``, ``<Outlet>:``, :func:`flows.stages.segment.shapes.is_attribution`) over
texts not cut off (a round-up of quoted pieces: untitled articles, the name before the
slash the author), and headlines that all close on a bracketed count of one shape
(``<title> (3 minute read)``, three or more, each right over its text, whatever stands
between them): the count is no part of the title, the short lines between an article's
text and the next headline are section labels (chrome), and when every article but the
last holds one paragraph the page's footer starts under the last one's. This is weak
evidence, above the fallback only.

A line that every article but the last closes on, word for word and short (``Read
article (external)``), is furniture; in the last article, what follows it is the page's
footer.

A saved mailbox's ``From <address> <ctime>`` line separates its messages (it and their
full headers are the message's head); a digest's item sent by the list's own address
(``<list>-request@…``) is its standing information, chrome.

Lines are read through the markup of a page converted to markdown (``### [<headline>](<url>)``,
``**By <name>**``, ``_By <name>_``); a title is given without it.

Database records, mail messages, channel posts and closing lines, when a page has them,
are its only openings. Articles are
separated by rules (``________``, ``*******``, ``* * *``, ``----``, a run of one repeated
character such as ``xxxxxxxx``) and numbered item headers (``#<n>``), both dropped as
``separator``, or by nothing. A label between a rule (or a boundary) and the headline is
``page_chrome``, a date line there is the article's date; so is an ALL-CAPS section label
standing alone between two articles. The masthead and table of contents
(``<n>. <Source>: <Author>, <Title>``) before the first article are ``page_chrome`` (a
preamble with a long prose paragraph stays a post of its own); so are pagination,
copyright, link and post-footer lines closing an article (with a list of headlines under a
'Related' label above them), the few short lines after the
first rule after which nothing but them closes the last article of a ruled digest
(subscription, contact and list lines), a short closing note with an e-mail address as
the page's last line, the page's menus after a chrome line under the last paragraph
(only chrome, link rows and short lines ending no sentence), and a short rights notice with a copyright line under an article's
last rule. A first opening with fewer than 15 words of text
before the next one is the masthead (name, issue, date over the contents), not an article,
and so is a first opening whose date line numbers the issue (``Issue 87 · <date>``) over one
paragraph at most (a greeting);
so is a first opening above the first rule, with one paragraph at most, when every later
one stands under a rule (an emailed issue's greeting). An article that gives no date
carries the issue's date from the masthead. Running heads laid
out across a printed page, with the lines stacked with them, and lists of two or more
``<title> — <date>`` links are chrome; a running head standing over an article's section
label is part of its lead.

A post's title is the headline (never the outlet or dateline), its author the byline's name
(a translator is never the author; ``<Name> (<Institute>, <city>)`` is a byline; with no
byline, a closing bio or signature, or a bio right above the notes), its date the credits' date, else the date its first paragraph
opens with ('<date> -- <outlet> -- <text>').

Detected from two article openings or more. Openings read from credits or closing lines only
count when most articles are full ones (two prose paragraphs or more, or one of two
sentences or more signed ``— <Name>`` under it: a week in review's item) and not cut off:
single-paragraph items under a byline or over a footer are a listing's teasers,
'<Name>' over '<date>' is a comment header, a closing byline under no headline closes a
comment. A mail block quoting its parent under a rule writes 'Sent:', not 'Date:' (a reply
chain is no digest); an ALL-CAPS question opening a paragraph is no run-in headline.
Scores: 0.75 for two articles (0.81 when every opening is of a strong form: origin, fields,
mail, run-in or closing, so that a strong pair beats pdf_article's hard wraps), 0.88 from
three (0.92 all strong); rules between the articles add 0.03, and so do signatures under
most of them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flows.stages.mail_fields import header_block, opening_block
from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.blocks import is_heading
from flows.stages.segment.boilerplate import (
    find_boilerplate,
    is_arrow_row,
    is_link_row,
    is_nav_link,
)
from flows.stages.segment.boilerplate import is_page_chrome as is_web_chrome
from flows.stages.segment.candidates import is_picture_credit, name_beside_date
from flows.stages.segment.footnotes import NOTES_HEADING
from flows.stages.segment.furniture import DIGITS, EMAIL, laid_out_heads
from flows.stages.segment.layouts import Detection, listing, thread
from flows.stages.segment.layouts.listing import (
    CLOCK,
    CUT_OFF,
    IMAGE_PLACEHOLDER,
    ITEM_FOOTER,
    LINK_NOTE,
    MARKDOWN_HEADING,
    MAX_CHROME_CHARS,
    MORE_TAIL,
    READ_MORE,
    SEPARATOR_LEAD,
    TIME_STAMP,
    WIDGET_COUNT,
    attribution_name,
    bare_name,
    chrome_rule,
    clean_name,
    credit_byline,
    credit_date,
    has_copyright,
    is_headline,
    is_image_credit,
    is_name,
    is_names,
    is_pagination,
    is_separator,
    is_title_case,
    names_of,
    opening_date,
    prose_or_other,
)
from flows.stages.segment.layouts.pdf_article import AFFILIATION
from flows.stages.segment.lines import (
    Line,
    cut_lines,
    ends_sentence,
    is_all_caps,
    word_count,
    words_up_to,
)
from flows.stages.segment.meta import (
    BILINGUAL_LABEL,
    LOGIN_MARK,
    POSITION,
    TWO_DIGITS,
    WEEKDAY,
    find_byline,
    find_date,
    is_dateline,
)
from flows.stages.segment.post import (
    BIO,
    NOT_NAME_STARTS,
    ORIGIN,
    TRANSLATOR_LINE,
    PostHead,
    build_post,
)
from flows.stages.segment.shapes import (
    ELLIPSIS,
    PROSE,
    SHORT,
    ShapeRun,
    find_run,
    is_attribution,
)
from flows.stages.segment.webpage import copyright_names, sender_name

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig

KNOWN_FIELD = re.compile(
    r"^(?:source|date|title|headline|authors?|byline|publisher|publication|text|body|section|"
    r"length|language|url|link|categor(?:y|ies)|tags?|topics?)\s*:",
    re.IGNORECASE,
)
FIELD = re.compile(
    r"^(?P<key>[A-Z][A-Z -]{1,20}|(?i:source|date|title|headline|authors?|byline|publisher|"
    r"publication|text|body|section|length|language|url|link)):(?:\s+(?P<value>.*))?$"
)
"""'SOURCE: <outlet>', 'Title: <headline>': a field of a record block (any upper-case key, or
a known key in any case)."""
TITLE_KEYS = frozenset({"TITLE", "HEADLINE"})
AUTHOR_KEYS = frozenset({"AUTHOR", "AUTHORS", "BYLINE", "BY", "WRITER"})
DATE_KEYS = frozenset({"DATE", "PUBLISHED", "DATELINE"})
BODY_KEYS = frozenset({"TEXT", "BODY"})
ITEM_NUMBER = re.compile(r"^(?:#\s?\d{1,3}|(?:no\.|item|article)\s*\d{1,3})[.:]?$", re.IGNORECASE)
"""'#3', 'No. 3', 'Item 3': a numbered item header."""
LABELLED_RULE = re.compile(r"^[-_*=~#]{2,}\s*(?P<label>\d{1,3}|[A-Z]{2,20})\s*[-_*=~#]{5,}$")
"""'** 01 ******', '== APPENDIX ======': a rule with an item number or one capitalised word
inside (plain-text list digests number their messages so)."""
BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
CREDIT_ROLES = frozenset({"origin", "translator", "byline", "date"})
ORIGIN_ROLES = frozenset({"origin", "translator"})
"""Credit lines left in the post's region for :func:`build_post` to read (origin, translator)."""
NAME_LIKE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,2}$")
PUNCTUATION_RULE = re.compile(r"^[_,.=~*•·-]{6,}$")
"""'__,_._,___': a footer rule drawn with mixed punctuation."""
REPEAT_RULE = re.compile(r"^(\S)\1{9,}(?:$|\s+\S)")
"""'xxxxxxxxxxxx': a rule drawn with one repeated character (letters too), alone or with a
footer line glued to it."""
MAIL_HEADER = re.compile(
    r"^(?P<key>message|date|from|to|cc|subject|message-id|content-type|"
    r"content-transfer-encoding|mime-version|reply-to|in-reply-to|references|sender|"
    r"keywords|organi[sz]ation|x-[\w-]+|return-path|received|delivered-to|envelope-to|"
    r"status|precedence|user-agent|list-[\w-]+|errors-to|content-[\w-]+|newsgroups|local|"
    r"path|followup-to|nntp-posting-host|lines|xref):(?:\s+(?P<value>.*))?$",
    re.IGNORECASE,
)
"""A header line of a message in a mail digest ('From: <name> <address>') or a saved
mailbox ('Return-Path: <address>', 'Received: from …', 'Status: RO')."""
MBOX_FROM = re.compile(
    r"^From \S+\s+(?:mon|tue|wed|thu|fri|sat|sun)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)\s+\d{1,2}\s+\d\d:\d\d(?::\d\d)?\s+(?:\d{4})$",
    re.IGNORECASE,
)
"""The line that opens each message of a saved mailbox (mbox): 'From <address> <weekday>
<month> <day> <time> <year>', no colon after 'From'. It separates messages."""
MESSAGE_NUMBER = re.compile(r"^message:\s*\d{1,4}$", re.IGNORECASE)
"""'Message: 3': a mail digest's item number."""
MAIL_NAME = re.compile(
    r"^\s*\"?(?P<quoted>[^\"<>@]+?)\"?\s*<[^<>]+>\s*$|\((?P<paren>[^()@]+)\)\s*$"
    r"|^\s*\"?(?P<before>[^\"()<>@]+?)\"?\s*\([^()\s]+@[^()\s]+\)\s*$"
)
"""'"<name>" <address>', '<name> <address>', '<address> (<name>)', '<name> (<address>)'."""
RUNIN_STOP = re.compile(r"\.\s+(?=[\"“‘(]?[A-Z0-9])")
"""'<HEADLINE IN CAPITALS>. <text>': a headline run in to its first paragraph (a question
is not one: explainers open paragraphs with questions)."""
MIN_RUNIN_WORDS = 12
MIN_RUNIN_LINE_WORDS = 4
CHECKED_FORMS = frozenset({"credits", "closing", "labelled", "ruled"})
"""Openings that count only on a page of full articles (not cut off): credit lines may
head teasers, closing credits may close them."""
MAX_LABEL_WORDS = 6
MIN_PREAMBLE_WORDS = 40
MAX_FOOTER_LINES = 6
MIN_HEADLINE_WORDS = 3


def drop_rule(text: str) -> str:
    """``separator`` for a rule, a numbered item header or a mailbox's 'From ' line, else
    ``page_chrome``."""
    if ITEM_NUMBER.match(text) or (REPEAT_RULE.match(text) and len(set(text)) == 1):
        return "separator"
    if LABELLED_RULE.match(text) or MBOX_FROM.match(text):
        return "separator"
    return chrome_rule(text)


NAME_WITH_AFFILIATION = re.compile(r"^(?P<name>[^()]{4,60}?)\s*\((?P<place>[^()]{4,150})\)$")


def affiliated_name(text: str) -> str | None:
    """The author of an 'Anna Sedykh (Baltic Institute for Political Studies, Tartu)' line:
    a person's name with an institution in brackets, as analytical digests credit."""
    match = NAME_WITH_AFFILIATION.match(text)
    if match is None or not AFFILIATION.search(match.group("place")):
        return None
    return match.group("name") if is_name(match.group("name")) else None


CYRILLIC_NAME = re.compile(
    r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,2}$"
)
"""'Ольга Трофимова': a person's name in Cyrillic (first name and surname)."""
NAME_WITH_POSITION = re.compile(r"^(?P<name>[^,()]{4,60}),\s+(?P<position>[^,()]{3,60})$")


def positioned_name(text: str) -> str | None:
    """The author of an 'Anna Lindqvist, Senior Analyst' line: a person's name with a staff
    position after a comma, as a think tank's or a newsletter's items are credited."""
    match = NAME_WITH_POSITION.match(text)
    if match is None or not POSITION.search(match.group("position")):
        return None
    name = match.group("name")
    return name if is_name(name) or CYRILLIC_NAME.match(name) else None


STAFF_CREDIT = re.compile(
    r"^(?:from\s+|compiled\s+(?:by|from)\s+)?(?:(?:the\s+)?(?:staff|wire|news|agency|"
    r"bureau)(?:\s+(?:and|&)\s+(?:wire|agency|news|staff))?\s+(?:reports?|services?))$",
    re.IGNORECASE,
)
"""A credit naming no person: 'From staff and wire reports', 'Staff report'."""
JUMP_LINE = re.compile(
    r"^(?:please\s+)?(?:see|continued\s+(?:on|from)|turn\s+to)\s+(?:[A-Z][\w'’ -]{0,30},\s*)?"
    r"(?:page\s+)?[A-Z]?\d{1,3}\.?$",
    re.IGNORECASE,
)
"""A printed page's jump line to where a story goes on: 'See RECOUNT, Page A6',
'Continued on page 4'."""


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_RU_WEEKDAY = r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)"
_RU_MONTH = r"(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[аяе]"
YEARLESS_DAY = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{_MONTH}\s+[0-3]?\d|[0-3]?\d\s+{_MONTH})$"
    rf"|^(?:{_RU_WEEKDAY},?\s+)?[0-3]?\d\s+{_RU_MONTH}$",
    re.IGNORECASE,
)
"""A day written without its year ('Monday, March 18', '18 March', 'Понедельник, 18
ноября'): a week's day header."""


def yearless_date(text: str, year: str) -> str | None:
    """'<day> <year>' for a day header written without its year (a colon may close it:
    'March 9:'), else None."""
    text = text.removesuffix(":").rstrip()
    return f"{text} {year}" if YEARLESS_DAY.match(text) else None


MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\([^()\s]*\)")
MARKDOWN_EMPHASIS = re.compile(
    r"(?<![\w*])\*\*(?P<a>\S(?:.*?\S)?)\*\*(?![\w*])|(?<!\w)__(?P<b>\S(?:.*?\S)?)__(?!\w)"
    r"|(?<![\w*])\*(?P<c>[^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])|(?<!\w)_(?P<d>[^\s_](?:[^_]*?[^\s_])?)_(?!\w)"
)
"""Markup a page converted to markdown keeps ('### [<headline>](<url>)', '**By <name>**',
'_By <name>_'): read through, as the words it marks."""


def plain(text: str) -> str:
    """`text` without markdown's heading marks, link targets and emphasis. Each pattern
    runs only on a text holding what it needs ('#' first, '](', '*' or '_')."""
    if text.startswith("#"):
        text = MARKDOWN_HEADING.sub("", text)
    if "](" in text:
        text = MARKDOWN_LINK.sub(lambda match: match.group("text"), text)
    if "*" not in text and "_" not in text:
        return text
    return MARKDOWN_EMPHASIS.sub(
        lambda match: next(group for group in match.groups() if group is not None), text
    )


POSTED_LABEL = re.compile(r"^(?:posted|published|опубликовано)\s*:\s*(?=\d)", re.IGNORECASE)
"""The label of a feed's or mailing's date line ('Posted: 14 Mar 2013 06:03 AM PDT')."""


WEEKDAY_LEAD = re.compile(
    r"^(?:(?:mon|tues?|wednes|thurs?|fri|satur|sun)(?:day)?|понедельник|вторник|среда|четверг|"
    r"пятница|суббота|воскресенье),?\s+(?=\d)",
    re.IGNORECASE,
)
"""The weekday a day header opens with ('Воскресенье, 04 Декабря 2011 г.')."""
ACTION_TAIL = re.compile(r"\s+\+(?:\s+[^\s\d+.!?]{1,15}){1,3}$")
"""A button's label glued after a post's date and time ('… 23:58 + в цитатник')."""


def _timed_date(text: str) -> bool:
    """A line that opens with a date (after its weekday) and holds nothing but it, its
    time of day and a button's label after a '+'."""
    if not TWO_DIGITS.search(text):
        return False  # no date's year
    text = ACTION_TAIL.sub("", WEEKDAY_LEAD.sub("", text, count=1))
    return bool(opening_date(text)) and credit_date(" ".join(TIME_OF_DAY.sub(" ", text).split()))


COMPILER_LINE = re.compile(
    r"^(?:compiled|edited|selected|prepared)(?:\s+and\s+(?:compiled|edited|selected|prepared|"
    r"translated))?\s+by\s+\S",
    re.IGNORECASE,
)
"""A masthead's credit of who compiled the issue ('Compiled and translated by <team>', no
sentence: a closing note that ends one is the page's text): chrome, never a headline nor an
item's credit."""


def line_role(text: str, max_title_chars: int) -> str:
    """sep, image, chrome, field, origin, translator, byline, date, head, prose or other
    (read through markdown markup)."""
    text = BILINGUAL_LABEL.sub("", plain(text))  # 'Автор / Author: <name>' reads as its English
    if numbered := BRACKETED_HEAD.match(text) or TIMED_HEAD.match(text):
        text = numbered.group("headline")  # '[1] <headline>' reads as its headline
    if len(text) > MAX_CHROME_CHARS:
        return prose_or_other(text)
    if is_separator(text) or ITEM_NUMBER.match(text) or SEPARATOR_LEAD.match(text):
        return "sep"
    if MBOX_FROM.match(text):
        return "sep"
    if LABELLED_RULE.match(text):
        return "sep"
    if DOCUMENT_COUNTER.match(text):
        return "sep"
    if REPEAT_RULE.match(text) or PUNCTUATION_RULE.match(text):
        return "sep"
    if IMAGE_PLACEHOLDER.match(text) or LINK_NOTE.match(text):
        return "image"
    if is_picture_credit(text) or is_image_credit(text):
        return "image"  # a picture's credit ('Photo: <Name> / <Agency>', '<Name>/<Agency>')
    if is_pagination(text) or has_copyright(text) or JUMP_LINE.match(text):
        return "chrome"
    if STAFF_CREDIT.match(text):
        return "byline"
    if WIDGET_COUNT.match(text):
        return "chrome"  # 'Messages in this topic (3)' (a row of '|' links may be credits)
    if REACTIONS.match(text):
        return "chrome"  # '👍 214  🤔 37': a message's reactions and their counts
    if ORIGIN.match(text):
        return "origin"
    if TRANSLATOR_LINE.match(text):
        return "translator"
    if COMPILER_LINE.match(text) and not ends_sentence(text):
        return "chrome"
    if credit_byline(text) or affiliated_name(text) or positioned_name(text):
        return "byline"
    if credit_date(text) and not CLOCK.search(text):
        return "date"
    if _timed_date(text) or _timed_date(POSTED_LABEL.sub("", text, count=1)):
        return "date"  # 'March 12, 2019 06:41 PM', 'Posted: 14 Mar 2013 06:03 AM PDT'
    if YEARLESS_DAY.match(text):
        return "date"  # 'Monday, March 18': a day header, its year the issue's
    if is_headline(text, max_title_chars):
        return "head"
    return prose_or_other(text)


@dataclass
class Opening:
    """Where an article starts and what its head says."""

    form: str
    """``origin``, ``credits``, ``fields``, ``mail``, ``runin``, ``closing``, ``sourced``,
    ``channel`` or ``labelled``."""
    title: Line
    title_text: str
    begin: int
    """Index of the region's first line (after the rule above it, if any)."""
    meta: list[Line] = field(default_factory=list)
    lead: list[Line] = field(default_factory=list)
    """Lines between the rule and the headline that are not the article's (labels)."""
    author: str | None = None
    published: str | None = None
    ruled: bool = False
    closing: Line | None = None
    """The credit line closing the article ('Posted by <name> at <time>'): what follows it
    in the region is post furniture."""
    untitled: bool = False
    """The opening line is the article's first paragraph, not a headline (a press review's
    item that opens '«<Outlet>» (<page>) reports …')."""
    channel: str | None = None
    """The name standing alone over the headline of a post closed by its credit line (an
    aggregator's blog name): the author of this post and of the next ones up to another."""
    robot: bool = False
    """A digest's item sent by the list's own address ('<list>-request@…'): its standing
    information (subscribing, archives), chrome."""


@dataclass(frozen=True, slots=True)
class Page:
    """The non-blank lines of a text with their roles."""

    filled: list[Line]
    roles: list[str]

    @classmethod
    def read(cls, lines: Sequence[Line], max_title_chars: int) -> Page:
        """Field lines are read as such only on a page with a title field."""
        filled = [line for line in lines if not line.is_blank]
        fields = [FIELD.match(line.text) for line in filled]
        records = any(match and match.group("key").upper() in TITLE_KEYS for match in fields)
        roles = [
            "field" if records and match and role not in {"sep", "image", "chrome"} else role
            for match, role in zip(
                fields, (line_role(line.text, max_title_chars) for line in filled), strict=True
            )
        ]
        for run in _dated_link_runs(filled):
            for here in run:
                roles[here] = "chrome"
        heads = laid_out_heads(filled)  # a report's running head block, page after page
        for here, line in enumerate(filled):
            if line.index in heads and not (roles[here] == "byline" and CLOCK.search(line.text)):
                roles[here] = "chrome"  # a post's byline with its time repeats, spaced out too
        return cls(filled, roles)


DATED_LINK = re.compile(r"^\S.{2,150}?\s[—–-]\s+(?P<date>\S.{4,40})$")
"""'<title> — <date>': an entry of a list of dated links (related posts, archives)."""


def _dated_link_runs(filled: Sequence[Line]) -> list[list[int]]:
    """Runs of two or more adjacent lines shaped '<title> — <date>': a widget's list of
    links. One such line alone may be an outlet's dateline ('The Guardian — March 3,
    2021'); an article's head never holds two."""
    runs: list[list[int]] = []
    current: list[int] = []
    for here, line in enumerate(filled):
        match = (
            DATED_LINK.match(line.text)
            if "—" in line.text or " - " in line.text or "–" in line.text
            else None
        )
        found = match is not None and find_date(match.group("date")) is not None
        adjacent = current and filled[current[-1]].index + 1 == line.index
        if found and (adjacent or not current):
            current.append(here)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [here] if found else []
    if len(current) >= 2:
        runs.append(current)
    return runs


def _origin_title(text: str, max_title_chars: int) -> bool:
    return len(text) <= max_title_chars and (
        is_heading(text, max_title_chars) or not ends_sentence(text)
    )


def _after_boundary(lines: Sequence[Line], page: Page, position: int) -> bool:
    """The line opens the text, or follows a blank line, a rule or a finished sentence."""
    line = page.filled[position]
    if position == 0 or page.roles[position - 1] == "sep":
        return True
    if line.index > 0 and lines[line.index - 1].is_blank:
        return True
    return ends_sentence(page.filled[position - 1].text)


def _stands_apart(lines: Sequence[Line], page: Page, position: int) -> bool:
    """The line opens the text, or follows a blank line or a rule (not a sentence: a date
    line right under an item's text closes that item)."""
    line = page.filled[position]
    if position == 0 or page.roles[position - 1] == "sep":
        return True
    return line.index > 0 and lines[line.index - 1].is_blank


def _is_short_label(page: Page, position: int) -> bool:
    """A short line that is no sentence: an outlet, a section label or a headline."""
    text = page.filled[position].text
    return page.roles[position] in {"head", "other"} and word_count(text) <= 8


def _is_heading_line(page: Page, position: int) -> bool:
    """A headline or a short label."""
    return page.roles[position] == "head" or _is_short_label(page, position)


def _credit_block(page: Page, first: int) -> int:
    """The last position of the credit lines from `first`: credits, image placeholders and
    headline or outlet lines between them. A head gives one date: a second date line past a
    blank line or a line that is no credit opens the next head (a page's date, its share
    row, then a day header over the first item)."""
    last = first
    here = first + 1
    dated = page.roles[first] == "date"
    while here < len(page.roles):
        role = page.roles[here]
        if role == "date" and dated and (last < here - 1 or _second_date(page, here)):
            break
        dated = dated or role == "date"
        if role in CREDIT_ROLES | {"image"}:
            last = here
        elif not (
            _is_heading_line(page, here)
            and here + 1 < len(page.roles)
            and page.roles[here + 1] in CREDIT_ROLES
        ):
            break
        here += 1
    return last


def _after_footer(lines: Sequence[Line], page: Page, position: int) -> bool:
    """A credit line set apart by a blank line from the credit line above it, which closes
    the text above it with no blank line between: the next article's head ('Posted by
    <Name> | 4 comments' under one post, then the next post's date over its headline)."""
    above = position - 1
    if above < 1 or page.roles[above - 1] != "prose":
        return False
    footer, text = page.filled[above], page.filled[above - 1]
    if footer.index != text.index + 1 or not lines[page.filled[position].index - 1].is_blank:
        return False
    return footer.index < page.filled[position].index - 1


def _second_date(page: Page, position: int) -> bool:
    """A date line set apart by a blank line from the date line above it: a new head's
    (the page's date, then a day header over the first item)."""
    above = position - 1
    return (
        page.roles[position] == "date"
        and page.roles[above] == "date"
        and page.filled[position].index > page.filled[above].index + 1
    )


def _text_follows(page: Page, after: int) -> bool:
    """An article's text comes next: prose within three lines, no credit or rule before."""
    for here in range(after, min(after + 3, len(page.roles))):
        role = page.roles[here]
        if role == "prose":
            return True
        if role not in {"head", "other"}:
            return False
    return False


def _is_underline(page: Page, position: int) -> bool:
    """A rule right under a headline line, with no blank line between."""
    if position == 0 or not is_separator(page.filled[position].text):
        return False
    above = page.filled[position - 1]
    adjacent = page.filled[position].index == above.index + 1
    return adjacent and page.roles[position - 1] == "head"


def _head_group(lines: Sequence[Line], page: Page, first: int) -> list[int] | None:
    """Positions of the short lines (headline, outlet or section label, date line) between
    a boundary and the credits at `first`, at most four; a rule underlining the headline
    ('<headline>' '-------') is one of them."""
    group: list[int] = []
    for here in range(first - 1, max(-1, first - 5), -1):
        role = page.roles[here]
        if _signed(page, here) or _second_date(page, here + 1):
            return group  # the item above signed by its author, the page's date: not this head
        if _is_underline(page, here):
            group.insert(0, here)
            continue
        if role not in {"date", "head"} and not _is_short_label(page, here):
            return None
        group.insert(0, here)
        if _after_boundary(lines, page, here):
            return group
    return None


def _headline_over_fields(lines: Sequence[Line], page: Page, group: list[int]) -> list[int]:
    """`group` with the headline standing alone above it ('<HEADLINE>', blank line,
    'Source: <outlet>' 'Date: <date>' …) when the group holds only record fields: a
    headline set apart from its source lines by a blank line."""
    if not group or not all(KNOWN_FIELD.match(page.filled[here].text) for here in group):
        return group
    above = group[0] - 1
    if above < 0 or page.roles[above] != "head" or KNOWN_FIELD.match(page.filled[above].text):
        return group
    if not _after_boundary(lines, page, above):
        return group
    return [above, *group]


def _pick_title(page: Page, zone: Sequence[int]) -> int | None:
    """The headline of an article's head: the longest headline-shaped line that is no
    record field ('Source: <outlet>')."""
    heads = [
        here
        for here in zone
        if page.roles[here] == "head" and not KNOWN_FIELD.match(page.filled[here].text)
    ]
    if not heads:
        return None
    return max(heads, key=lambda here: word_count(page.filled[here].text))


def _credits_opening(lines: Sequence[Line], page: Page, first: int) -> Opening | None:
    """A head of short lines (headline, outlet, date) and credits with a byline, date or
    translator credit, then the text. The headline is the longest headline-shaped line
    above the byline (any line of the head when there is none): what follows a byline is
    an outlet or a standfirst."""
    last = _credit_block(page, first)
    kinds = {page.roles[here] for here in range(first, last + 1)}
    if not kinds & {"byline", "date", "translator"}:
        return None
    after = last + 1
    closing_head: int | None = None
    if after < len(page.roles) and _is_heading_line(page, after) and _text_follows(page, after + 1):
        last = closing_head = after  # a headline or outlet line closing the head
        after += 1
    if not _text_follows(page, after):
        return None
    group = _head_group(lines, page, first)
    if group is None and closing_head is not None and _stands_apart(lines, page, first):
        group = []  # '<day>' over '<headline>' over the text, after a blank line or a rule
    if group is None:
        return None
    group = _headline_over_fields(lines, page, group)
    zone = [*group, *range(first, last + 1)]
    credited = [here for here in zone if page.roles[here] in {"byline", "translator", "origin"}]
    title_at = _pick_title(page, [here for here in zone if not credited or here < credited[0]])
    if title_at is None and credited and closing_head is not None:
        title_at = closing_head  # 'By: <name>' over '<headline>' over the text
    if title_at is None:
        return None
    title = page.filled[title_at]
    if word_count(title.text) < MIN_HEADLINE_WORDS:
        return None
    if kinds <= {"date", "image"} and NAME_LIKE.match(title.text):
        return None  # '<Name>' over '<date>': a comment header, not a headline
    below_credits = title_at == closing_head
    meta = [
        page.filled[here]
        for here in zone
        if here != title_at
        and (here > title_at or page.roles[here] == "date" or below_credits)
        and page.roles[here] not in ORIGIN_ROLES | {"image"}
    ]
    numbered = NUMBERED_HEAD.match(title.text)
    headline = numbered.group("headline") if numbered else title.text
    opening = Opening("credits", title, headline, title.index, meta)
    opening.lead = [
        page.filled[here] for here in zone if here < title_at and page.roles[here] != "date"
    ]
    opening.begin = page.filled[zone[0]].index
    for here, below in itertools.pairwise(zone):
        plain = here > title_at and page.roles[here] in {"head", "other"}
        if plain and page.roles[below] == "translator" and opening.author is None:
            opening.author = bare_name(page.filled[here].text)  # '<Name>' over 'Translated by'
    return opening


def _labelled_opening(lines: Sequence[Line], page: Page, position: int) -> Opening | None:
    """A press review's item: an ALL-CAPS label (the outlet quoted, a section) after a blank
    line, right over a headline in sentence or title case, right over the text. The label
    is chrome; the opening counts only on a page of full articles (two paragraphs)."""
    if position + 2 >= len(page.filled):
        return None
    label, title, first = page.filled[position : position + 3]
    text = label.text
    if not is_all_caps(text) or word_count(text) > MAX_LABEL_WORDS or ends_sentence(text):
        return None
    if title.index != label.index + 1 or first.index != title.index + 1:
        return None
    if label.index > 0 and not lines[label.index - 1].is_blank:
        return None
    if page.roles[position + 1] != "head" or page.roles[position + 2] != "prose":
        return None
    if is_all_caps(title.text) or word_count(title.text) < MIN_HEADLINE_WORDS:
        return None
    return Opening("labelled", title, title.text, label.index, lead=[label])


OUTLET_HEAD = re.compile(
    r"^(?P<outlet>«[^«»]{2,40}»|[A-ZА-ЯЁ][\w.'’&-]*(?:\s(?:[A-ZА-ЯЁ0-9][\w.'’&-]*|of|the|de|i)){0,4}):\s+"
    r"(?P<headline>[\"“‘«A-ZА-ЯЁ0-9]\S*(?:\s+\S+){2,})$"
)
"""'<Outlet>: <headline>', '«<Издание>»: <заголовок>' (a press review's item: the paper
quoted, then its story's headline)."""


def _prose_before(page: Page, position: int) -> int:
    """Prose lines above `position`: an article's text before its subheadings ('Step 1:
    <heading>'), a press review's lead at most before its first item."""
    return sum(1 for role in page.roles[:position] if role == "prose")


def _outlet_opening(lines: Sequence[Line], page: Page, position: int) -> Opening | None:
    """A press review's item: '<Outlet>: <headline>' standing alone (blank lines around it)
    over the text. The title is the headline; the opening counts only on a page of full
    articles, as labelled ones do."""
    line = page.filled[position]
    match = OUTLET_HEAD.match(line.text)
    if match is None or position + 1 >= len(page.filled) or credit_date(line.text):
        return None  # 'Posted: <date>' is a credit line, not an outlet's headline
    if is_image_credit(line.text):
        return None  # 'Photo: <Name>/<Agency>' neither
    headline = match.group("headline")
    if not is_headline(headline, len(headline)) or word_count(match.group("outlet")) > 4:
        return None
    below = line.index + 1
    if below >= len(lines) or not lines[below].is_blank or page.roles[position + 1] != "prose":
        return None
    if line.index > 0 and not lines[line.index - 1].is_blank:
        return None
    return Opening("labelled", line, headline, line.index)


CONTENTS_MARK = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}[.)]|[•●▪◦*–-])\s+")
"""The number or bullet opening an entry of a list of contents ('1. ', '(2) ', '• ')."""
MAX_CONTENTS_GAP = 3
"""Most short lines (credits, outlet) between a headline repeated from the contents and
its text."""


def _entry_key(text: str) -> str:
    return " ".join(CONTENTS_MARK.sub("", plain(text)).split()).casefold()


def _contents_openings(page: Page) -> dict[int, Opening]:
    """Articles whose headlines a list of contents above them names with their source, two
    or more: a headline (three words or more) standing on a line of its own after a list
    entry that holds it and its outlet or author ('1. <Outlet>: <headline>', '<Name>,
    <headline>', '<headline> (<Outlet>)'), with its text under it (a few credit or outlet
    lines between). An entry that is the headline alone proves nothing: an article lists
    its own sections so; a dateline ('Posted July 26, 2020') heads no article. The list's
    lines stand together; they are the preamble. Credit lines between the headline and
    the text are its meta."""
    entries: list[str] = []
    found: dict[int, Opening] = {}
    for here, line in enumerate(page.filled):
        role = page.roles[here]
        if role in {"prose", "sep", "chrome", "image"}:
            continue
        key = _entry_key(line.text)
        if (
            word_count(key) >= MIN_HEADLINE_WORDS
            and not is_dateline(line.text)
            and any(_names_with_source(entry, key) for entry in entries)
        ):
            text = next(
                (
                    at
                    for at in range(here + 1, min(here + 2 + MAX_CONTENTS_GAP, len(page.filled)))
                    if page.roles[at] == "prose"
                ),
                None,
            )
            between = range(here + 1, text) if text is not None else range(0)
            if text is not None and all(
                page.roles[at] in CREDIT_ROLES | {"head", "other"} for at in between
            ):
                title = CONTENTS_MARK.sub("", plain(line.text)).strip()
                meta = [page.filled[at] for at in between if page.roles[at] in CREDIT_ROLES]
                found[here] = Opening("contents", line, title, line.index, meta)
                continue
        if len(entries) < MAX_CONTENTS_ENTRIES and _in_list(page, here):
            entries.append(key)
    return found if len(found) >= 2 else {}


MAX_CONTENTS_ENTRIES = 100
SOURCE_JOINS = (":", ",", "-", "–", "—", "|")


def _names_with_source(entry: str, key: str) -> bool:
    """The contents entry `entry` is the headline `key` with its outlet or author before
    ('<Outlet>: <headline>', '<Name>, <headline>') or after it ('<headline> (<Outlet>)',
    '<headline> – <Name>'), a few words."""
    if entry == key or key not in entry:
        return False
    if entry.endswith(key):
        rest = entry[: -len(key)].rstrip()
        return rest.endswith(SOURCE_JOINS) and 1 <= word_count(rest) <= MAX_SOURCE_WORDS
    if entry.startswith(key):
        rest = entry[len(key) :].lstrip()
        return rest.startswith(("(", *SOURCE_JOINS)) and 1 <= word_count(rest) <= MAX_SOURCE_WORDS
    return False


MAX_SOURCE_WORDS = 6


def _in_list(page: Page, position: int) -> bool:
    """The line at `position` stands in a list: a line right above or below it is short
    too (no text between)."""
    index = page.filled[position].index
    return any(
        0 <= other < len(page.filled)
        and page.roles[other] != "prose"
        and abs(page.filled[other].index - index) == 1
        for other in (position - 1, position + 1)
    )


def _ruled_openings(lines: Sequence[Line], page: Page) -> dict[int, Opening]:
    """Articles between rules, two or more: right under a rule (a blank line between at
    most) a headline on a line of its own, then a blank line and the text. A region under
    a rule with no such headline (the contents, a footer) opens nothing."""
    found: dict[int, Opening] = {}
    for position in range(len(page.filled) - 2):
        rule = page.filled[position]
        if page.roles[position] != "sep" or not is_separator(rule.text):
            continue
        top = position + 1
        if top < len(page.filled) and ITEM_NUMBER.match(page.filled[top].text):
            top += 1  # '#2' under the rule numbers the item
        head_at = _ruled_head(lines, page, top)
        if head_at is None or page.filled[top].index - rule.index > top - position + 1:
            continue  # the head stands right under the rule, a blank line between at most
        head = page.filled[head_at]
        found[head_at] = Opening("ruled", head, head.text, head.index)
    return found if len(found) >= 2 else {}


MAX_RULED_HEAD_LINES = 4


def _ruled_head(lines: Sequence[Line], page: Page, top: int) -> int | None:
    """The headline of an article under a rule: the last headline of one to four adjacent
    short lines (its outlet, author, date or byline around it) standing from `top`, a blank
    line and the text under them; None when the lines are not so (the contents, a
    footer)."""
    for size in range(1, MAX_RULED_HEAD_LINES + 1):
        last = top + size - 1
        if last + 1 >= len(page.filled) or page.roles[last] not in {"head", "date", "byline"}:
            return None
        if MAIL_HEADER.match(page.filled[last].text):
            return None  # 'From:', 'Sent:', 'Subject:': a quoted message's headers
        if size > 1 and page.filled[last].index != page.filled[last - 1].index + 1:
            return None  # the head's lines stand together
        text = page.filled[last + 1]
        if page.roles[last + 1] == "prose" and text.index == page.filled[last].index + 2:
            heads = [at for at in range(top, last + 1) if page.roles[at] == "head"]
            if not heads or word_count(page.filled[heads[-1]].text) < MIN_HEADLINE_WORDS:
                return None
            return heads[-1] if lines[page.filled[last].index + 1].is_blank else None
    return None


SOURCED_HEAD = re.compile(
    r"^(?P<headline>\S.{8,200}?[^.!?:;,])\s+\((?P<outlet>[^(),]{2,60}),\s*(?P<date>[^()]{5,40})\)$"
)
"""'<headline> (<Outlet>, <date>)': a press digest's item heading its text."""


def _sourced_heads(lines: Sequence[Line], page: Page) -> dict[int, Opening]:
    """A press digest's items, two or more: '<headline> (<Outlet>, <date>)' after a blank
    line (or opening the page), right over the text. The title is the headline, the date
    the bracket's."""
    found: dict[int, Opening] = {}
    for position, line in enumerate(page.filled[:-1]):
        text = plain(line.text)
        match = SOURCED_HEAD.match(text) if text.endswith(")") else None
        if match is None or page.roles[position + 1] != "prose":
            continue
        date = find_date(match.group("date"))
        headline = match.group("headline")
        if date is None or word_count(headline) < MIN_HEADLINE_WORDS or ends_sentence(headline):
            continue
        if line.index > 0 and not lines[line.index - 1].is_blank:
            continue
        opening = Opening("labelled", line, headline, line.index)
        opening.published = date[0]
        found[position] = opening
    return found if len(found) >= 2 else {}


EMOJI_HEAD = re.compile(
    r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF][\uFE0F\u200D\U0001F000-\U0001FAFF"
    r"\u2600-\u27BF]*\s*(?P<label>[^\W\d_][^\n]{1,80})$"
)
"""A newsletter's section heading drawn with an emoji ('🗳 Elections', '💰 Economy')."""
MAX_SECTION_WORDS = 8


def _emoji_openings(lines: Sequence[Line], page: Page) -> dict[int, Opening]:
    """A brief's sections, two or more: an emoji and a short label (no sentence) on a line
    of their own, after a blank line, right over the text. The title is the label."""
    found: dict[int, Opening] = {}
    for position, line in enumerate(page.filled[:-1]):
        match = EMOJI_HEAD.match(plain(line.text))
        if match is None or page.roles[position + 1] != "prose":
            continue
        label = match.group("label").strip()
        if word_count(label) > MAX_SECTION_WORDS or ends_sentence(label):
            continue
        if line.index > 0 and not lines[line.index - 1].is_blank:
            continue
        found[position] = Opening("labelled", line, label, line.index)
    return found if len(found) >= 2 else {}


NUMBERED_STORY = re.compile(
    r"^(?P<number>\d{1,2})(?:[.)]|\s+[^\W\d_][^\d:]{0,24}:)\s+(?P<headline>\S.{3,})$"
)
"""A newsletter's numbered story headline: '2. <headline>', '1 big thing: <headline>' (the
number, maybe a short label and a colon)."""
MIN_NUMBERED_STORIES = 3


def _numbered_openings(lines: Sequence[Line], page: Page) -> dict[int, Opening]:
    """A newsletter's stories, three or more, numbered 1, 2, 3… in order: each number and
    headline on a line of its own between blank lines, over the text (an image's credit
    may sit between). The title is the headline without its number."""
    found: dict[int, Opening] = {}
    for position, line in enumerate(page.filled[:-1]):
        match = NUMBERED_STORY.match(line.text)
        if match is None or int(match.group("number")) != len(found) + 1:
            continue
        headline = match.group("headline")
        if not is_headline(headline, len(headline)) or not _alone(lines, line):
            continue
        below = position + 1
        if is_image_credit(page.filled[below].text) and below + 1 < len(page.filled):
            below += 1
        if page.roles[below] != "prose":
            continue
        found[position] = Opening("labelled", line, headline, line.index)
    return found if len(found) >= MIN_NUMBERED_STORIES else {}


SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+(?=\S)")
"""The number of a document's section before its heading ('1 ', '2.3 ', 'IV. ')."""
UNDERLINE_SLACK = 2
"""Most characters by which a heading's underline may fall short of it or pass it."""


def _underline_char(page: Page, position: int) -> str | None:
    """The character of the rule drawn to the width of the headline right above it, no
    blank line between ('<heading>' '=========', as exports of numbered sections and
    setext headings draw them); None when the line at `position` is no such rule."""
    if position == 0 or page.roles[position] != "sep" or page.roles[position - 1] != "head":
        return None
    rule, above = page.filled[position], page.filled[position - 1]
    drawn = rule.text.strip()
    if rule.index != above.index + 1 or len(set(drawn)) != 1 or drawn[0].isalnum():
        return None
    return drawn[0] if abs(len(drawn) - len(above.text.strip())) <= UNDERLINE_SLACK else None


def _underlined_openings(page: Page) -> dict[int, Opening]:
    """Sections under underlined headings, two or more: a headline drawn over a rule of
    its own width, text under it. The sections are those of the rule character that
    underlines most headings (the first to appear on a tie): a document's top level,
    where a contents heading or a title block is underlined once in another. The title is
    the headline without its section number."""
    heads: dict[str, list[int]] = {}
    for position in range(1, len(page.filled) - 1):
        char = _underline_char(page, position)
        if char is not None and page.roles[position + 1] != "sep":
            heads.setdefault(char, []).append(position - 1)
    best = max(heads.values(), key=len, default=[])
    if len(best) < 2:
        return {}
    found: dict[int, Opening] = {}
    for position, end in itertools.pairwise([*best, len(page.filled)]):
        line = page.filled[position]
        title = SECTION_NUMBER.sub("", line.text.strip())
        found[position] = opening = Opening("labelled", line, title, line.index)
        source = next((at for at in range(position + 2, end) if _dated_source(page, at)), None)
        if source is not None:  # 'Source: <outlet>, <date>' under the text dates the item
            opening.meta.append(page.filled[source])
    return found


BULLET_ITEM = re.compile(r"^(?P<hang>\s*(?P<mark>[*•●▪◦–-])\s+)(?P<head>\S.*)$")
MIN_BULLETED_ITEMS = 3


def _bulleted_openings(lines: Sequence[Line], page: Page) -> dict[int, Opening]:
    """A list of links with their notes, three items or more: a bullet of one mark and
    indentation before a headline, and under it, indented to the headline's column, a
    new sentence or more of text ('* <headline>' '  <summary>' '  (tags: …)'). The title
    is the headline. A bullet whose text wraps onto the next line (a list in an
    article's text) continues its sentence there, and opens nothing."""
    found: dict[int, Opening] = {}
    kinds: set[str] = set()
    for position, line in enumerate(page.filled):
        match = BULLET_ITEM.match(line.raw)
        if match is None:
            continue
        head, hang = plain(match.group("head")), len(match.group("hang"))
        below = _line_after(lines, line)
        wrapped = [below] if below is not None and _wrapped_head(below, hang) else []
        if wrapped:
            head = f"{head} {plain(wrapped[0].text)}"  # the headline wraps before its text
            below = _line_after(lines, wrapped[0])
        if below is None or BULLET_ITEM.match(below.raw) or not _bulleted_headline(head):
            continue
        if below.indent != hang and (below.indent or word_count(below.text) < MIN_NOTE_WORDS):
            continue  # the note under the headline at its column, or at the margin once unwrapped
        if not below.text[:1].isupper() and below.text[:1] not in '"“«(':
            continue  # the headline's sentence goes on: a wrapped item
        kinds.add(f"{match.group('mark')}{hang}")
        found[position] = Opening("labelled", line, head, line.index, wrapped)
    return found if len(found) >= MIN_BULLETED_ITEMS and len(kinds) == 1 else {}


MIN_NOTE_WORDS = 12
"""Fewest words of a bulleted link's note standing at the margin (a hard-wrapped note
unwrapped): a title line under a list (a profile's, a post's subject) is shorter."""


def _bulleted_headline(text: str) -> bool:
    """A bullet's text read as a link's headline: three words or more, no 'Label: value'
    field (a profile's 'Posts: 2140', 'Location: <place>')."""
    if word_count(text) < MIN_HEADLINE_WORDS or ENTRY_FIELD.match(text):
        return False
    return is_headline(text, len(text))


def _line_after(lines: Sequence[Line], line: Line) -> Line | None:
    """The line right under `line`, None at the end, over a blank line or where `line` is
    the head of a run-in paragraph cut off its text (:func:`split_runins`)."""
    below = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return None if below is None or below.is_blank or below.start <= line.end else below


def _wrapped_head(line: Line, hang: int) -> bool:
    """A bulleted headline's last words, wrapped onto the next line short of its column:
    no bullet, a few words, no sentence."""
    return (
        line.indent not in {hang, 0}
        and not BULLET_ITEM.match(line.raw)
        and word_count(line.text) <= MAX_SECTION_WORDS
        and not ends_sentence(line.text)
    )


def _dated_source(page: Page, position: int) -> bool:
    """A source line that gives a date ('Source: <outlet>, <date>', '(<Outlet>, <date>)')
    under prose: an item's closing credit."""
    text = page.filled[position].text
    if page.roles[position - 1] != "prose" or find_date(text) is None:
        return False
    return bool(SOURCE_LINE.match(text) or SOURCE_NOTE.match(text))


def _alone(lines: Sequence[Line], line: Line) -> bool:
    """Whether `line` stands between blank lines (or the text's edges)."""
    above = line.index == 0 or lines[line.index - 1].is_blank
    return above and (line.index + 1 >= len(lines) or lines[line.index + 1].is_blank)


CITED_LEAD = re.compile(
    r"^(?:«[^«»]{2,40}»|\"[^\"]{2,40}\"|[A-ZА-ЯЁ][\w.'’&-]*(?:\s[A-ZА-ЯЁ0-9][\w.'’&-]*){0,3})"
    r"\s*\((?=[^()]{0,40}\b(?:с|стр|p|pp|page|полоса)\.?\s*\d)[^()]{3,60}\)\s+\S"
)
"""A press review's untitled item: its paragraph opens with the outlet quoted and the page
it was on in brackets ('«Коммерсантъ» (14.11, с. 1, 3) сообщает …', 'Kommersant (p. 2)
reports …')."""


CITATION_HEAD = re.compile(
    r"^(?P<outlet>[^:\"“”]{2,60}):\s+[\"“](?P<title>[^\"“”]{3,200}?)[,.]?[\"”],?\s+"
    r"by\s+(?P<name>\S[^,;:]{2,60})$"
)
"""'<Outlet>: "<Title>," by <Name>': a round-up's citation of the piece it summarises (the
outlet, the quoted headline, its author) on a line of its own over the text."""


def _citation_openings(page: Page) -> dict[int, Opening]:
    """A round-up's items, two or more: a citation line (``CITATION_HEAD``) right over
    prose; the headline is the title, the name the author, the outlet no part of either."""
    found: dict[int, Opening] = {}
    for position, line in enumerate(page.filled[:-1]):
        match = CITATION_HEAD.match(line.text)
        if match is None or page.roles[position + 1] != "prose":
            continue
        opening = Opening("labelled", line, match.group("title"), line.index)
        opening.author = clean_name(match.group("name"))
        found[position] = opening
    return found if len(found) >= 2 else {}


CAPS_OUTLET = re.compile(
    r"(?:^|\s)(?P<outlet>[A-ZÄÖÜА-ЯЁ]{2,}(?:[-\s][A-ZÄÖÜА-ЯЁ]{2,})*)"
    r"(?=[\s,])[^:„\"«“\n]{0,100}:\s*[„\"«“]"
)
"""A paper named in capitals, as a press review sets it, and what it says opened in quotes
('Die MÄRKISCHE ABENDPOST schreibt: „…', 'The HARBOUR TIMES finds: “…')."""
MAX_OUTLET_OFFSET = 100
"""Most characters before the paper's name in its paragraph (a transition may come first:
'Nun zu einem anderen Thema. Die <PAPER> …')."""
MIN_OUTLET_LETTERS = 6
MIN_CAPS_CITED = 3
"""Fewest paragraphs quoting papers named in capitals that make a press review."""


def _caps_cited(text: str) -> bool:
    """Whether a paragraph quotes a paper named in capitals near its start
    (:data:`CAPS_OUTLET`; a name of ``MIN_OUTLET_LETTERS`` letters or more, not an
    acronym)."""
    if ":" not in text:  # the quote follows a colon
        return False
    match = CAPS_OUTLET.search(text)
    return (
        match is not None
        and match.start("outlet") <= MAX_OUTLET_OFFSET
        and sum(char.isalpha() for char in match.group("outlet")) >= MIN_OUTLET_LETTERS
    )


def _cited_openings(page: Page) -> dict[int, Opening]:
    """The items of a press review without headlines, two or more: each paragraph that
    opens with ``CITED_LEAD``, or quotes a paper named in capitals (:func:`_caps_cited`,
    three or more of those), after a blank line or a rule starts an article (no title);
    the paragraphs under it up to the next one are its text."""
    found: dict[int, Opening] = {}
    for position, line in enumerate(page.filled):
        if page.roles[position] != "prose":
            continue
        if CITED_LEAD.match(line.text) is None and not _caps_cited(line.text):
            continue
        above = page.filled[position - 1] if position else None
        joined = above is not None and above.index == line.index - 1
        if joined and page.roles[position - 1] != "sep":
            continue  # inside a paragraph: a quotation, not an item
        opening = Opening("cited", line, "", line.index)
        opening.untitled = True
        found[position] = opening
    quoting = [p for p in found if CITED_LEAD.match(page.filled[p].text) is None]
    if quoting and len(found) - len(quoting) < 2 and len(quoting) < MIN_CAPS_CITED:
        return {}  # an article may quote two papers named so; a review quotes more
    return found if len(found) >= 2 else {}


PAGE_NOTE = re.compile(
    r"^\((?P<outlet>[^(),]{2,60}),\s*(?:pp?|с|стр)\.?\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)$",
    re.IGNORECASE,
)
"""A press review's untitled item closing on its source and page in brackets, on a line of
its own: '(Kommersant, p. 2)', '(Vedomosti, pp. 1, 3)', '(«Известия», с. 4)'."""


def _noted_openings(page: Page) -> dict[int, Opening]:
    """The untitled items of a press review closed by ``PAGE_NOTE`` lines, two or more:
    each opens at the first prose line after the note before it (after the masthead for
    the first) and keeps its note as its last line."""
    notes = [here for here, line in enumerate(page.filled) if PAGE_NOTE.match(line.text)]
    if len(notes) < 2:
        return {}
    found: dict[int, Opening] = {}
    low = 0
    for note in notes:
        first = next((here for here in range(low, note) if page.roles[here] == "prose"), None)
        if first is None:
            return {}  # a note with no text above it: no item
        line = page.filled[first]
        opening = Opening("cited", line, "", line.index)
        opening.untitled = True
        found[first] = opening
        low = note + 1
    return found


BRACKET_NOTE = re.compile(r"^\[[^\[\]]{3,}\]$")
"""'[EDITOR'S NOTE: …]': a note on the item above it, no item of its own."""


def _day_colon(text: str) -> bool:
    """A day header closed by a colon ('March 9:', 'Friday, 9 March:')."""
    return text.endswith(":") and yearless_date(text, "") is not None


def _dated_openings(page: Page) -> dict[int, Opening]:
    """The untitled items of a digest cut into dated sections: under each day header closed
    by a colon ('March 9:'), two or more, right over prose, each paragraph is an item (its
    text, no headline); a bracketed note ('[EDITOR'S NOTE: …]') stays with the item above
    it. The header is the first item's meta line, its date the items' date."""
    days = [here for here, line in enumerate(page.filled) if _day_colon(line.text)]
    if len(days) < 2 or any(
        here + 1 >= len(page.roles) or page.roles[here + 1] != "prose" for here in days
    ):
        return {}
    found: dict[int, Opening] = {}
    for day, end in zip(days, [*days[1:], len(page.filled)], strict=True):
        header = page.filled[day]
        for here in range(day + 1, end):
            line = page.filled[here]
            if page.roles[here] != "prose" or BRACKET_NOTE.match(line.text):
                continue
            if here > day + 1 and not _paragraph_start(page, here):
                continue
            first = here == day + 1
            opening = Opening(
                "cited", line, "", header.index if first else line.index, meta=[header]
            )
            opening.untitled = True
            found[here] = opening
    return found


def _paragraph_start(page: Page, position: int) -> bool:
    """A prose line that opens a paragraph: a blank line, a line of another role or the
    end of a sentence stands right above it."""
    above = page.filled[position - 1]
    return (
        above.index != page.filled[position].index - 1
        or page.roles[position - 1] != "prose"
        or ends_sentence(above.text)
    )


def _origin_opening(page: Page, position: int, max_title_chars: int) -> Opening | None:
    """A headline right above a 'First published …' line (image placeholders between)."""
    text = page.filled[position].text
    if page.roles[position] in CREDIT_ROLES | {"sep", "image", "field"}:
        return None
    after = position + 1
    while after < len(page.roles) and page.roles[after] == "image":
        after += 1
    if after >= len(page.roles) or page.roles[after] != "origin":
        return None
    if not _origin_title(text, max_title_chars):
        return None
    last = _credit_block(page, after)
    meta = [
        page.filled[here]
        for here in range(after, last + 1)
        if page.roles[here] not in ORIGIN_ROLES | {"image"}
    ]
    title = page.filled[position]
    return Opening("origin", title, text, title.index, meta)


FIELD_CODE = re.compile(
    r"^(?P<code>HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|VOL|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN)"
    r"(?:\s+(?P<value>\S.*))?$"
)
"""A field code of a news database export (Factiva): 'HD' headline, 'BY' byline, 'WC'
word count, 'PD' date, 'SN' source, 'LP' lead paragraphs, 'TD' text, 'AN' accession
number; the value follows on the same line or on the lines below."""
CODE_BODY = frozenset({"LP", "TD"})


def _code_records(page: Page) -> list[list[tuple[int, str, list[int]]]]:
    """The records of a field-code export: per record, (position of the code line, code,
    positions of its value lines), from an 'HD' line to the value of its 'AN' line."""
    records: list[list[tuple[int, str, list[int]]]] = []
    current: list[tuple[int, str, list[int]]] | None = None
    for here, line in enumerate(page.filled):
        match = FIELD_CODE.match(line.text)
        if match is not None and match.group("code") == "HD":
            current = [(here, "HD", [])]
            records.append(current)
        elif current is None:
            continue
        elif _closed(current):
            current = None  # after the accession number: the export's own footer
        elif match is not None:
            current.append((here, match.group("code"), []))
        else:
            current[-1][2].append(here)
    return [record for record in records if len(record) >= 3]


def _closed(record: list[tuple[int, str, list[int]]]) -> bool:
    """Whether a record ended: its accession number 'AN' read, with its value."""
    _, code, values = record[-1]
    return code == "AN" and bool(values)


def _code_openings(page: Page) -> list[Opening]:
    """The articles of a field-code export (two or more), else none."""
    openings: list[Opening] = []
    for record in _code_records(page):
        here, _, values = record[0]
        value = FIELD_CODE.match(page.filled[here].text)
        inline = value.group("value") if value else None
        if inline is None and not values:
            continue
        title = page.filled[here] if inline else page.filled[values[0]]
        opening = Opening("fields", title, inline or title.text, page.filled[here].index)
        for at, code, lines in record:
            texts = [page.filled[position].text for position in lines]
            inline_value = FIELD_CODE.match(page.filled[at].text)
            value_text = " ".join(
                [
                    *(
                        [inline_value.group("value")]
                        if inline_value and inline_value.group("value")
                        else []
                    ),
                    *texts,
                ]
            )
            if page.filled[at] is not title:
                opening.meta.append(page.filled[at])
            if code in CODE_BODY:
                continue
            opening.meta.extend(
                page.filled[position] for position in lines if page.filled[position] is not title
            )
            if code == "BY" and opening.author is None and value_text:
                opening.author = credit_byline(value_text) or clean_name(
                    BY_PREFIX.sub("", value_text)
                )
            if code == "PD" and opening.published is None and (found := find_date(value_text)):
                opening.published = found[0]
            if code == "AN" and lines:
                opening.closing = page.filled[lines[0]]
        openings.append(opening)
    return openings if len(openings) >= 2 else []


END_OF_DOCUMENT = re.compile(r"^end of document$", re.IGNORECASE)
BODY_LABEL = re.compile(r"^body$", re.IGNORECASE)
RECORD_FIELD = re.compile(
    r"^(?P<key>[A-Z][\w-]{1,20}(?:\s[\w-]{1,12})?):\s*(?P<value>\S.{0,150})?$"
)
"""A field of an export's record head or tail ('Byline: <name>', 'Length: 412 words',
'Load-Date: <date>')."""
MAX_RECORD_HEAD = 12


def _record_openings(page: Page) -> list[Opening]:
    """The records of a news database export closed by 'End of Document' (Nexis Uni), two
    or more: the headline on the record's first line, then outlet, date, copyright and
    fields ('Section:', 'Length:', 'Byline: <name>') over a 'Body' line; the text; the
    trailing fields ('Load-Date:') are the record's, no text; 'End of Document' is chrome.
    The date is the head's first date line."""
    ends = [here for here, line in enumerate(page.filled) if END_OF_DOCUMENT.match(line.text)]
    openings: list[Opening] = []
    low = 0
    for end in ends:
        body = next(
            (here for here in range(low, end) if BODY_LABEL.match(page.filled[here].text)), None
        )
        if body is None or not low < body <= low + MAX_RECORD_HEAD:
            return []
        title = page.filled[low]
        opening = Opening("fields", title, title.text, title.index)
        opening.meta = [page.filled[here] for here in range(low + 1, body + 1)]
        for line in opening.meta:
            field_match = RECORD_FIELD.match(line.text)
            if field_match and field_match.group("key").casefold() == "byline":
                value = field_match.group("value") or ""
                opening.author = credit_byline(value) or clean_name(BY_PREFIX.sub("", value))
            elif field_match is None and opening.published is None and credit_date(line.text):
                found = find_date(line.text)
                opening.published = found[0] if found else None
        tail = end
        while tail - 1 > body and RECORD_FIELD.match(page.filled[tail - 1].text):
            tail -= 1  # 'Load-Date: <date>' and the like under the text: the record's
        opening.meta.extend(page.filled[tail:end])
        opening.closing = page.filled[end - 1]  # 'End of Document' under it is chrome
        openings.append(opening)
        low = end + 1
    return openings if len(openings) >= 2 else []


def _field_openings(page: Page) -> list[Opening]:
    """One opening per run of field lines (rules allowed inside) that has a title field."""
    openings: list[Opening] = []
    position = 0
    while position < len(page.roles):
        if page.roles[position] != "field":
            position += 1
            continue
        end = position
        while end + 1 < len(page.roles) and (
            page.roles[end + 1] in {"field", "sep"} or _names_row_under_title(page, end + 1)
        ):
            end += 1
        opening = _read_fields(page, position, end)
        if opening is not None:
            openings.append(opening)
        position = end + 1
    return openings


def _names_row_under_title(page: Page, position: int) -> bool:
    """Whether the line at `position` is a row of one to four person names right under a
    record's title field, on the next line: the record's authors, printed without a key
    ('Title: <headline>' over '<Name>, <Name> and <Name>' on listings of papers or talks)."""
    if position == 0 or page.roles[position - 1] != "field":
        return False
    line, above = page.filled[position], page.filled[position - 1]
    if line.index != above.index + 1 or ":" in line.text:
        return False
    match = FIELD.match(above.text)
    return (
        match is not None
        and match.group("key").upper() in TITLE_KEYS
        and bool(match.group("value"))
        and is_names(line.text)
    )


MAX_RECORD_HEAD_LINES = 6
"""Lines a database record may print above its fields (document counter, copyright,
outlet, date)."""
DOCUMENT_COUNTER = re.compile(r"^\d{1,5}\s+of\s+\d{1,5}\s+documents?$", re.IGNORECASE)
"""'1 of 25 DOCUMENTS': where a record of a news database export begins."""


def _read_fields(page: Page, first: int, last: int) -> Opening | None:
    fields: list[tuple[Line, str, str]] = []
    names_row: Line | None = None
    for line, role in zip(page.filled[first : last + 1], page.roles[first : last + 1], strict=True):
        match = FIELD.match(line.text) if role == "field" else None
        if match:
            fields.append((line, match.group("key"), (match.group("value") or "").strip()))
        elif role != "sep" and names_row is None:  # see :func:`_names_row_under_title`
            names_row = line
    titles = [(line, value) for line, key, value in fields if key.upper() in TITLE_KEYS and value]
    if not titles:
        return None
    title, title_text = titles[0]
    opening = Opening("fields", title, title_text, fields[0][0].index)
    if names_row is not None:
        opening.meta.append(names_row)
        opening.author = names_of(names_row.text)
    above = first - 1  # the record's masthead: outlet, date, copyright, over its fields
    while (
        above >= 0
        and first - above <= MAX_RECORD_HEAD_LINES
        and page.roles[above] not in {"sep", "prose", "field"}
    ):
        above -= 1
    masthead = (
        list(page.filled[above + 1 : first]) if above < 0 or page.roles[above] == "sep" else []
    )
    if masthead:
        opening.begin = masthead[0].index
        opening.meta.extend(masthead)
        fields[:0] = [(line, "", line.text) for line in masthead]
    for line, key, value in fields:
        if not key:
            continue
        key = key.upper()
        if line is title or (key in BODY_KEYS and value):
            continue
        opening.meta.append(line)
        if key in AUTHOR_KEYS and value and opening.author is None:
            opening.author = credit_byline(value) or clean_name(BY_PREFIX.sub("", value))
        if key in DATE_KEYS and opening.published is None and (found := find_date(value)):
            opening.published = found[0]
    if opening.published is None:
        for _, _, value in fields:
            if found := find_date(value):
                opening.published = found[0]
                break
    return opening


# --- mail digests -------------------------------------------------------------------------


def mail_name(value: str) -> str | None:
    """The display name of a 'From:' value ('"Ann Lee" <ann@host>', 'ann@host (Ann Lee)')."""
    match = MAIL_NAME.search(value)
    if match is None:
        return None
    name = (match.group("quoted") or match.group("paren") or match.group("before") or "").strip()
    return clean_name(name) if name else None


def _mail_blocks(page: Page) -> list[list[int]]:
    """Runs of adjacent mail header lines (folded continuation lines included)."""
    blocks: list[list[int]] = []
    position = 0
    filled = page.filled
    while position < len(filled):
        if not MAIL_HEADER.match(filled[position].text):
            position += 1
            continue
        block = [position]
        while block[-1] + 1 < len(filled):
            here = block[-1] + 1
            line = filled[here]
            adjacent = line.index == filled[here - 1].index + 1
            if not adjacent or not (MAIL_HEADER.match(line.text) or line.raw[:1] in " \t"):
                break
            block.append(here)
        blocks.append(block)
        position = block[-1] + 1
    return blocks


ROBOT_SENDER = re.compile(
    r"(?:^|[<\s(])(?:[\w.+-]+-(?:request|owner|admin|bounces)|owner-[\w.+-]+|listserv|majordomo|"
    r"mailman|listproc)@",
    re.IGNORECASE,
)
"""A mailing list's own address ('<list>-request@…', 'owner-<list>@…', 'listserv@…'): what
it sends into a digest is the list's standing information, no member's message."""


MAX_CARD_LINES = 4


def _sender_card(page: Page, first: int) -> list[Line]:
    """The short lines right above a news article's headers, with no blank line between
    (the archive's card of the sender: '<Name>', 'View profile', 'More options <date>'),
    up to ``MAX_CARD_LINES``; not a line that ends a sentence."""
    card: list[Line] = []
    here = first - 1
    while here >= 0 and len(card) < MAX_CARD_LINES:
        line, below = page.filled[here], page.filled[here + 1]
        if below.index != line.index + 1 or word_count(line.text) > MAX_MENU_WORDS:
            break
        if ends_sentence(line.text) or page.roles[here] == "prose":
            break
        card.insert(0, line)
        here -= 1
    return card


def _sender_row(page: Page, block: Sequence[int]) -> str | None:
    """The sender's name on the unlabelled row right above a header block that names no
    sender ('<Name> <address> (<date>) (<tags>)' over 'Subject:', 'To:', 'Date:': a mail
    client's thread view), None when no such row is there."""
    above = block[0] - 1
    if above < 0 or page.filled[above].index + 1 != page.filled[block[0]].index:
        return None
    text = page.filled[above].text
    return None if MAIL_HEADER.match(text) else sender_name(text)


def _mail_opening(page: Page, block: Sequence[int], dated: bool = True) -> Opening | None:
    """A message of a mail digest: a header block with 'From:', 'Date:' and a non-empty
    'Subject:' that is numbered ('Message: <n>') or follows a rule (a reply quoting its
    parent's headers under a rule writes 'Sent:', not 'Date:'). `dated=False`: a letter
    among a digest's articles, whose header may give no 'Date:', under a rule or an item
    number ('#3')."""
    fields: dict[str, tuple[int, str]] = {}
    for here in block:
        match = MAIL_HEADER.match(page.filled[here].text)
        if match:
            key = match.group("key").casefold()
            fields.setdefault(key, (here, (match.group("value") or "").strip()))
    if "from" not in fields and "sender" in fields:
        fields["from"] = fields["sender"]  # listproc digests name the sender 'Sender:'
    sender = _sender_row(page, block) if "from" not in fields else None
    if sender is not None:
        fields["from"] = (block[0] - 1, page.filled[block[0] - 1].text)
        block = [block[0] - 1, *block]
    if "from" not in fields or not fields.get("subject", (0, ""))[1]:
        return None
    above = page.filled[block[0] - 1].text if block[0] > 0 else ""
    numbered_rule = bool(LABELLED_RULE.match(above))  # '** 03 ****' numbers the message
    if dated and "date" not in fields and not numbered_rule:
        return None
    numbered = any(MESSAGE_NUMBER.match(page.filled[here].text) for here in block)
    ruled = block[0] > 0 and (
        is_separator(above)
        or MBOX_FROM.match(above) is not None
        or numbered_rule
        or (not dated and bool(ITEM_NUMBER.match(above)))
    )
    usenet = "newsgroups" in fields and "date" in fields  # a news article's own headers
    if not (numbered or ruled or usenet or sender is not None):
        return None
    subject_at, subject = fields["subject"]
    title = page.filled[subject_at]
    meta = [page.filled[here] for here in block if here != subject_at]
    opening = Opening("mail", title, subject, page.filled[block[0]].index, meta)
    if usenet and not (numbered or ruled):  # its card: name and date are the head's
        card = _sender_card(page, block[0])
        opening.lead = [line for line in card if is_nav_link(line.text)]
        opening.meta[:0] = [line for line in card if not is_nav_link(line.text)]
        opening.begin = card[0].index if card else opening.begin
    opening.author = sender or mail_name(fields["from"][1])
    opening.robot = ROBOT_SENDER.search(fields["from"][1]) is not None
    if "date" in fields and (found := find_date(fields["date"][1])):
        opening.published = found[0]
    return opening


POSTED_BY = re.compile(r"^(?:posted by|from):\s*(?P<value>\S.{0,150})$", re.IGNORECASE)
MESSAGE_MARK = re.compile(
    r"^(?:\d{1,3}[a-z]?[.)]|#\s?\d{1,4}|message\s*#?\d{1,4}:?)$", re.IGNORECASE
)
"""A message's number in a web digest: '1a.', '2.', '#3', 'Message 4'."""


def _posted_opening(page: Page, sender: int) -> Opening | None:
    """A message of a web mail digest (Yahoo Groups, Google Groups): its number, its
    subject, 'Posted by: "<Name>" <address>' and its date line, one a line::

        1a.
        Re: <subject>
        Posted by: "<Name>" <address> <handle>
        Tue Nov 12, 2013 9:47 am (PST)

    A contents list repeats number, subject and sender but shows no date: no opening."""
    match = POSTED_BY.match(page.filled[sender].text)
    if match is None or sender < 2 or sender + 1 >= len(page.filled):
        return None
    number, subject = sender - 2, sender - 1
    if not MESSAGE_MARK.match(page.filled[number].text):
        return None
    title = page.filled[subject]
    if MAIL_HEADER.match(title.text) or page.roles[subject] == "sep":
        return None
    if word_count(title.text) > 25 or ends_sentence(title.text.rstrip("?!")):
        return None  # a subject line is short and ends no sentence (a question may)
    dated = next(
        (here for here in (sender + 1, sender + 2)
         if here < len(page.filled) and is_dateline(page.filled[here].text)),
        None,
    )  # fmt: skip
    if dated is None:
        return None
    meta = [page.filled[here] for here in (number, sender, dated)]
    opening = Opening("mail", title, title.text, page.filled[number].index, meta)
    value = match.group("value")
    quoted = re.match(r'^"(?P<name>[^"]{2,60})"', value)
    opening.author = quoted.group("name") if quoted else mail_name(value)
    found = find_date(page.filled[dated].text)
    opening.published = found[0] if found else None
    return opening


def _mail_openings(page: Page) -> list[Opening]:
    """The messages of a mail digest (two or more), else none."""
    openings = [
        opening
        for block in _mail_blocks(page)
        if (opening := _mail_opening(page, block)) is not None
    ]
    if not openings:
        openings = [
            opening
            for here, line in enumerate(page.filled)
            if POSTED_BY.match(line.text) and (opening := _posted_opening(page, here))
        ]
    if not openings:
        openings = _sender_openings(page)
    return openings if len(openings) >= 2 else []


SENDER_STAMP = re.compile(
    r"^(?P<name>[^<>:@]{2,60}?)\s*<[^<>\s@]+@[^<>\s]+>:\s*(?P<when>\S.{3,40})$"
    r"|^(?P<day>(?:19|20)\d\d-[01]\d-[0-3]\d)\s+Thread\s+(?P<sender>\S.{1,60})$"
)
"""A message header of a list archive's digest or search page: '<Name> <address>: Sep 10
11:24PM +0300' (a topic digest), '2020-07-09 Thread <Name>' (an archive's search results,
under the message's subject)."""


def _sender_openings(page: Page) -> list[Opening]:
    """The messages of a topic digest (Google Groups): each opens with a sender line
    '<Name> <address>: <when>'; the topic's title stands above its first message, and the
    later messages of the topic carry it too."""
    openings: list[Opening] = []
    topic: str | None = None
    for here, line in enumerate(page.filled):
        match = SENDER_STAMP.match(line.text)
        if match is None:
            continue
        above = here - 1
        if (
            above >= 0
            and page.roles[above] in {"head", "other", "prose"}
            and MIN_HEADLINE_WORDS <= word_count(page.filled[above].text) <= 25
            and not page.filled[above].text.endswith(".")
            and not _is_web_chrome(page.filled[above].text)
            and not SENDER_STAMP.match(page.filled[above].text)
        ):  # a topic's title, not the signature closing the message above
            title, topic = page.filled[above], page.filled[above].text
            begin, meta = title.index, [line]
        elif topic is not None:
            title, begin, meta = line, line.index, []
        else:
            continue
        opening = Opening("mail", title, topic, begin, meta)
        opening.author = (match.group("name") or match.group("sender")).strip(' "')
        found = find_date(match.group("when") or match.group("day"))
        opening.published = found[0] if found else None
        openings.append(opening)
    return openings


# --- run-in headlines ---------------------------------------------------------------------


def _runin_cut(line: Line, max_title_chars: int, more_words: int = 0) -> int | None:
    """Where the text of a paragraph opened by a run-in headline starts in the line's raw
    text ('<HEADLINE IN CAPITALS>. <text>'): text in lower case, four words or more on the
    line and twelve or more in the paragraph (with `more_words` on its further lines)."""
    stripped = line.raw.lstrip()
    for stop in RUNIN_STOP.finditer(stripped, 0, max_title_chars + 2):
        head = stripped[: stop.start()]
        if any(char.islower() for char in head):
            return None
        if word_count(head) < MIN_HEADLINE_WORDS or not is_all_caps(head):
            continue  # 'U.S. SANCTIONS …': an abbreviation inside the headline
        rest = stripped[stop.end() :]
        if is_all_caps(rest) or word_count(rest) < MIN_RUNIN_LINE_WORDS:
            return None  # 'THE FACTS I. THE CIRCUMSTANCES OF THE CASE': headings
        if word_count(rest) + more_words < MIN_RUNIN_WORDS:
            return None
        return len(line.raw) - len(stripped) + stop.end()
    return None


COLON_RUNIN = re.compile(r"^\s*(?:[•●▪◾*–-]\s+)?(?P<head>[^:]{12,150}?):\s+(?=[\"“‘(]?[A-Z0-9])")
"""'• <Headline In Title Case>: <text>' (a newsletter item's run-in headline)."""


def _colon_runin_cut(line: Line, max_title_chars: int) -> int | None:
    """Where the text of an item opened by a run-in headline in title case and closed by
    a read-more link starts in the line's raw text ('• Treasury Designates Arms Brokers:
    On 12 March, … Read more>>'); None for other lines (a label such as 'Note: …', a
    sentence with a colon, an item with no link)."""
    match = COLON_RUNIN.match(line.raw)
    if match is None or len(match.group("head")) > max_title_chars:
        return None
    head = match.group("head").strip()
    if not is_title_case(head) or ends_sentence(head) or RUNIN_STOP.search(head):
        return None
    rest = line.raw[match.end() :]
    if word_count(rest) < MIN_RUNIN_WORDS or not MORE_TAIL.search(rest):
        return None
    return match.end()


INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))(?P<number>\d{1,2})(?P<mark>[.)])\s+(?=[\"“‘(]?[A-Z])")
"""'3) <Headline>' or '3. <Headline>' wherever it stands in a line: an item's number."""
NUMBER_MARK = re.compile(r"\d[.)]\s")
"""What every :data:`INLINE_NUMBER` match holds: a test that settles most lines cheaply."""
NUMBERED_RUNIN_HEAD = re.compile(r"[^.:!?]{8,}?(?::|\.(?=\s))\s+(?=[\"“‘(]?[A-Z0-9])")
"""'<Headline>: <text>' or '<Headline>. <text>' after an item's number: its headline run
in to its text (matched from the number's end, so no '^')."""
MAX_NUMBERED_HEAD_WORDS = 12
"""Most words of a numbered item's headline closed by a full stop ('2) <Headline>. <text>'),
which only a ')' mark opens ('2. <words>. ' may be a section's first sentence)."""
MIN_NUMBERED_RUNINS = 3
"""Fewest items of a numbered sequence run into one another (1, 2, 3 …)."""


def _numbered_chain(lines: Sequence[Line]) -> list[tuple[Line, re.Match[str]]]:
    """The longest sequence of item numbers counting up from 1 in reading order, one mark
    ('1)', '2)' … or '1.', '2.' …), at least two of them inside a line (the items run into
    one another, as a PDF's text dumps them); else no sequence."""
    best: list[tuple[Line, re.Match[str]]] = []
    chains: dict[str, list[tuple[Line, re.Match[str]]]] = {}
    for line in lines:
        if NUMBER_MARK.search(line.raw) is None:
            continue
        for match in INLINE_NUMBER.finditer(line.raw):
            number, mark = int(match.group("number")), match.group("mark")
            chain = chains.get(mark, [])
            if number == 1:
                chains[mark] = [(line, match)]
            elif chain and number == int(chain[-1][1].group("number")) + 1:
                chain.append((line, match))
            else:
                continue
            if len(chains[mark]) > len(best):
                best = chains[mark]
    inside = sum(1 for line, match in best if line.raw[: match.start()].strip())
    return best if len(best) >= MIN_NUMBERED_RUNINS and inside >= 2 else []


NUMBERED_PARAGRAPH = re.compile(r"^\s*(?P<number>\d{1,2})(?P<mark>[.)])\s+(?=[\"“‘(]?[A-Z])")
"""'3. <Headline>. <text>' opening a paragraph: a numbered item, its headline maybe run in."""
BULLET_PARAGRAPH = re.compile(r"^\s*(?P<mark>[•●▪◾*–-])\s+(?=[\"“‘(]?[A-Z])")
"""'• <Headline>. <text>' opening a paragraph: a bulleted item."""
MIN_RUNIN_TEXT_WORDS = 6
"""Fewest words after a listed paragraph's run-in headline: a paragraph goes on there."""


def _listed_paragraphs(lines: Sequence[Line]) -> list[tuple[Line, re.Match[str]]]:
    """The paragraphs opened by a list's mark, as their line and the mark's match: the
    longest sequence numbered 1, 2, 3 … in reading order with one mark ('1.' or '1)'),
    else every paragraph opened by the bullet most of them open with."""
    best: list[tuple[Line, re.Match[str]]] = []
    chain: list[tuple[Line, re.Match[str]]] = []
    bullets: dict[str, list[tuple[Line, re.Match[str]]]] = {}
    for line in lines:
        if line.is_blank or (line.index > 0 and not lines[line.index - 1].is_blank):
            continue
        if bullet := BULLET_PARAGRAPH.match(line.raw):
            bullets.setdefault(bullet.group("mark"), []).append((line, bullet))
            continue
        if (
            not line.raw.lstrip()[:1].isdigit()
            or (match := NUMBERED_PARAGRAPH.match(line.raw)) is None
        ):
            continue
        number = int(match.group("number"))
        if number == 1:
            chain = [(line, match)]
        elif chain and number == int(chain[-1][1].group("number")) + 1:
            if match.group("mark") != chain[-1][1].group("mark"):
                continue
            chain.append((line, match))
        else:
            continue
        if len(chain) > len(best):
            best = chain
    if len(best) >= MIN_NUMBERED_RUNINS:
        return best
    return max(bullets.values(), key=len, default=[])


MIN_SECTION_WORDS = 20
"""Fewest words of the paragraph under a subheading for it to open a section of text."""


def _section_follows(lines: Sequence[Line], last: Line, max_title_chars: int) -> bool:
    """Whether a subheading stands after the list's last paragraph over a paragraph of
    text (:data:`MIN_SECTION_WORDS` words or more, a sentence): the list is one part of an
    article with sections, not a round-up's items."""
    following = [line for line in lines[last.index + 1 :] if not line.is_blank]
    for line, below in itertools.pairwise(following):
        if (
            is_heading(line.text, max_title_chars)
            and word_count(below.text) >= MIN_SECTION_WORDS
            and ends_sentence(below.text)
        ):
            return True
    return False


def _paragraph_runin_cuts(lines: Sequence[Line], max_title_chars: int) -> dict[int, list[int]]:
    """Where each listed paragraph's headline ends (:func:`_listed_paragraphs`), by line,
    when three or more are listed and every one opens with a headline in title case run
    in to its text ('2. <Headline Of Four Words>. <text>', '• <Headline …>: <text>': a
    weekly round-up's items); else nothing. A paper's numbered sections ('1.
    Introduction. Since …') and a list of sentences have no title-case headline of
    several words; an article's list is followed by a subheading over more of its text
    (:func:`_section_follows`)."""
    listed = _listed_paragraphs(lines)
    if len(listed) < MIN_NUMBERED_RUNINS or _section_follows(lines, listed[-1][0], max_title_chars):
        return {}
    cuts: dict[int, list[int]] = {}
    for line, match in listed:
        head = NUMBERED_RUNIN_HEAD.match(line.raw, match.end())
        if head is None or head.end() - match.end() > max_title_chars:
            return {}
        words = head.group(0).rstrip().rstrip(".:")
        if word_count(words) > MAX_NUMBERED_HEAD_WORDS or not is_title_case(words):
            return {}
        if word_count(line.raw[head.end() :]) < MIN_RUNIN_TEXT_WORDS:
            return {}
        cuts[line.index] = [head.end()]
    return cuts


def _split_numbered_runins(lines: Sequence[Line], max_title_chars: int) -> Sequence[Line]:
    """`lines` with each item of a numbered sequence run into one line (:func:`_numbered_chain`)
    cut off into a line of its own, its run-in headline ('2) <Headline>: <text>') cut off
    its text; `lines` unchanged when the text holds no such sequence, or when some item
    has no run-in headline."""
    chain = _numbered_chain(lines)
    cuts: dict[int, list[int]] = {}
    for line, match in chain:
        head = NUMBERED_RUNIN_HEAD.match(line.raw, match.end())
        if head is None or head.end() - match.end() > max_title_chars:
            return lines
        stop = head.group(0).rstrip()[-1]
        if stop == "." and (
            match.group("mark") != ")" or word_count(head.group(0)) > MAX_NUMBERED_HEAD_WORDS
        ):
            return lines  # '1. Introduction Since …': a paper's numbered section, no item
        edges = cuts.setdefault(line.index, [])
        if match.start() > 0:
            edges.append(match.start())
        edges.append(head.end())
    return cut_lines(lines, cuts) if cuts else lines


def split_runins(lines: Sequence[Line], max_title_chars: int) -> Sequence[Line]:
    """`lines` with each run-in headline that opens a paragraph cut off into a line of its
    own (offsets kept, lines renumbered), when the text holds two of them or more; else
    `lines` unchanged. Run-in headlines in title case closed by a colon are cut, with the
    read-more link that closes their item, when there are two of them or more. Numbered
    items run into one line ('1) <Headline>: <text> 2) <Headline>: …') are cut first;
    numbered or bulleted paragraphs with run-in headlines after the colon's
    (:func:`_paragraph_runin_cuts`)."""
    numbered = _split_numbered_runins(lines, max_title_chars)
    if numbered is not lines:
        return numbered
    colons = {
        line.index: cut
        for line in lines
        if not line.is_blank and (cut := _colon_runin_cut(line, max_title_chars)) is not None
    }
    if len(colons) >= 2:
        return _split_colon_runins(lines, colons)
    if paragraphs := _paragraph_runin_cuts(lines, max_title_chars):
        return cut_lines(lines, paragraphs)
    cuts: dict[int, int] = {}
    for line in lines:
        if line.is_blank or (line.index > 0 and not lines[line.index - 1].is_blank):
            continue
        more = 0
        for below in lines[line.index + 1 : line.index + 4]:  # a hard-wrapped paragraph
            if below.is_blank:
                break
            more += word_count(below.text)
        cut = _runin_cut(line, max_title_chars, more)
        if cut is not None:
            cuts[line.index] = cut
    if len(cuts) < 2:
        return lines
    return cut_lines(lines, {index: (cut,) for index, cut in cuts.items()})


def _split_colon_runins(lines: Sequence[Line], cuts: dict[int, int]) -> list[Line]:
    """Each line of `cuts` as its headline, its text and its read-more link."""
    edges: dict[int, tuple[int, ...]] = {}
    for line in lines:
        cut = cuts.get(line.index)
        if cut is None:
            continue
        tail = MORE_TAIL.search(line.raw, cut)
        more = (
            tail.start("more")
            if tail and tail.group("more")
            else (tail.start("label") if tail else len(line.raw))
        )
        edges[line.index] = (cut, more) if more < len(line.raw) else (cut,)
    return cut_lines(lines, edges)


def _runin_opening(lines: Sequence[Line], line: Line) -> Opening | None:
    """A run-in headline cut off by :func:`split_runins`: its paragraph goes on in the very
    next line, with no line break between."""
    following = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if following is None or following.start != line.end or line.is_blank:
        return None
    if READ_MORE.match(following.text):
        return None  # an item's text, cut off the read-more link that closes it
    if NUMBERED_HEAD.match(following.text):
        return None  # an item's text (or the preamble), cut off the next item's number
    text = line.text
    title = text[:-1] if text.endswith((".", ":")) else text
    if numbered := NUMBERED_HEAD.match(title.strip()):
        title = numbered.group("headline")  # '2) <Headline>:' cut off its text
    opening = Opening("runin", line, title.strip().lstrip("•●▪◾*–- ").strip(), line.index)
    link = lines[following.index + 1] if following.index + 1 < len(lines) else None
    if link is not None and link.start == following.end and READ_MORE.match(link.text):
        opening.closing = link  # '… Read more>>': what follows it up to the next item is chrome
    return opening


# --- posts closed by their credit line ----------------------------------------------------


def _is_web_chrome(text: str) -> bool:
    return len(text) <= 60 and (is_nav_link(text) or is_web_chrome(text))


def _is_mail_chrome(text: str) -> bool:
    """A chrome line of any length a page or a mailing closes with ('You are subscribed to
    email updates from <blog>', 'To stop receiving these emails, …', a row of links)."""
    return is_nav_link(text) or is_web_chrome(text) or is_link_row(text)


def _is_closing(page: Page, position: int) -> bool:
    """A line closing an article's text (a translator or origin credit may sit between)
    and followed by no text: a byline with a date or a clock time ('Posted by <name> at
    <time> <n> comments') or a post footer ('Posted in <category> | Leave a comment')."""
    above = _above_fields(page, position)
    text = page.filled[position].text
    stamp = page.roles[position] == "date" and CLOCK.search(text)
    row = meta_row_author(text) is not None
    if (stamp or row) and above > 0 and READ_MORE.match(page.filled[above].text):
        above -= 1  # 'Read the full article: <link>' between the text and its stamp
    if row and above >= 0 and page.roles[above] in {"prose", "other"}:
        return True  # '<author> | <date> | Tags: <tags>' closing a post's text
    if above < 0 or page.roles[above] not in {"prose", "translator", "origin"}:
        return False
    if SOURCE_LINE.match(text):
        return True  # 'Source: <outlet>' closing an item of a round-up
    if (note := SOURCE_NOTE.match(text)) and find_date(note.group("date")):
        return True  # '(<Outlet>, <date>, <Author>)' closing a press digest's item
    if WIRE_CREDIT.match(text):
        return True  # '(Reporting by <Name>; Editing by <Name>)' closing a wire's item
    if position + 1 < len(page.roles) and page.roles[position + 1] == "prose":
        return False
    if page.roles[position] == "byline":
        return bool(CLOCK.search(text) or find_date(text))
    if stamp:
        return page.roles[above] == "prose"  # '<date> 04:20 PM UTC' stamping the post
    return _is_post_furniture(text) and not READ_MORE.match(text)


MIN_ROW_PARTS = 3


def meta_row_author(text: str) -> str | None:
    """The author of a post's meta row: its first part a name or a login, a date in
    another, three parts or more ('<author> | <date> at <time> | Tags: <tags> | URL:
    <link>'); None on any other line."""
    parts = META_PARTS.split(text.strip())
    if len(parts) < MIN_ROW_PARTS or not any(find_date(part) for part in parts[1:]):
        return None
    first = parts[0]
    login = " " not in first and LOGIN_MARK.search(first) is not None
    return first if login or is_name(first) else None


def _above_fields(page: Page, position: int) -> int:
    """The position of the line above `position` and the entry field lines right over it
    ('Current Mood: tired', 'Tags: <tags>' between a post's text and its footer); -1 at
    the top."""
    above = position - 1
    while (
        above >= 0 and page.roles[above] != "prose" and ENTRY_FIELD.match(page.filled[above].text)
    ):
        above -= 1
    return above


SOURCE_LINE = re.compile(r"^(?:source|sources|источник)\s*:\s*\S.{0,100}$", re.IGNORECASE)
"""A round-up item's closing credit: 'Source: <outlet>'."""
SOURCE_NOTE = re.compile(
    r"^(?P<open>[(\[])(?:(?:source|источник)\s*:\s*)?(?P<outlet>[^()\[\],]{2,60}),"
    r"\s*(?P<date>[^()\[\],]{4,30}?\d{4})(?:,\s*(?P<names>[^()\[\]]{4,120}))?[)\]]$",
    re.IGNORECASE,
)
"""A translated press digest's item closing on its source in brackets: '(<Outlet>, <date>)'
or '(<Outlet>, <date>, <Author>[, <Author>])', square brackets and a 'Source:' label
allowed ('[Source: <Outlet>, <date>, <Author>]')."""
WIRE_CREDIT = re.compile(
    r"^\((?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\s+"
    r"(?P<names>[^()]{3,200})\)$",
    re.IGNORECASE,
)
"""A news wire item's closing credits in brackets: '(Reporting by <Name>; Editing by
<Name>)'; the first name is the author's, whose reporting or writing it is."""
CREDIT_SPLIT = re.compile(r"\s*;\s*|,\s+|\s+and\s+")
SOURCE_AUTHOR = re.compile(
    r"(?:^|[,;]\s*)(?:авторы?|author|by)\s*[:—–-]?\s*(?P<name>[^,;()\[\]]{4,60}?)[)\].]?$",
    re.IGNORECASE,
)
"""The author a source line names last: 'Источник: <outlet>, <date>, автор — <Name>',
'Source: <outlet>, by <Name>'."""


def source_note_author(text: str) -> str | None:
    """The first author named in a '(<Outlet>, <date>, <Author>)' source note, a source
    line's 'автор — <Name>' field, or a wire's '(Reporting by <Name>; …)' credits."""
    if (wire := WIRE_CREDIT.match(text)) is not None:
        first = CREDIT_SPLIT.split(wire.group("names"))[0].strip()
    elif (match := SOURCE_NOTE.match(text)) is not None and match.group("names"):
        first = match.group("names").split(",")[0].strip()
    elif SOURCE_LINE.match(text) and (field := SOURCE_AUTHOR.search(text)) is not None:
        first = field.group("name").strip()
    else:
        return None
    return first if is_name(first) or CYRILLIC_NAME.match(first) else None


def _closing_shape(text: str) -> str:
    """What closing lines of one shape share: a source note's or a wire credit's brackets,
    else the first word ('Posted', 'Source:')."""
    if SOURCE_NOTE.match(text) or WIRE_CREDIT.match(text):
        return "("
    if meta_row_author(text) is not None:
        return "row"  # the author's name opens the row: no part of its shape
    if CLOCK.search(text) and credit_date(TIME_OF_DAY.sub(" ", text)):
        return "stamp"  # '<date> <time>': the month's name is no part of the shape
    return text.split()[0].casefold()


NUMBERED_HEAD = re.compile(r"^(?:\d{1,2}[.)]|\[\d{1,3}\])\s+(?P<headline>\S.*)$")
"""A numbered headline of a round-up: '1. <headline>', '[1] <headline>'."""
BRACKETED_HEAD = re.compile(r"^\[\d{1,3}\]\s+(?P<headline>\S.{3,})$")
TIMED_HEAD = re.compile(
    r"^\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?\s+[-–—]\s+(?P<headline>\S.{3,})$", re.IGNORECASE
)
"""'10:42 am - <headline>': a journal's day page heads each entry with its time."""


def _closed_article(
    page: Page, low: int, closing: int, furniture: frozenset[str] = frozenset()
) -> Opening | None:
    """The article from position `low` to its closing credit line: a headline right above
    its first paragraph (credit, field and chrome lines between allowed), a day header
    above the headline. A headline under a day header wins over an earlier one (a page's
    introduction, standing above the first post)."""
    found: list[tuple[int, int | None, list[int]]] = []
    for first_prose in range(low, closing):
        if page.roles[first_prose] != "prose" or (
            first_prose > low and page.roles[first_prose - 1] == "prose"
        ):
            continue
        starts = _paragraph_top(page, low, first_prose)
        here, credits = _headline_above(page, low, starts, fields=True)
        if (
            here < low or page.roles[here] != "head" or _is_post_furniture(page.filled[here].text)
        ):  # 'Update: <headline>' is no field, nor '<Place>: <headline>' under a footer
            here, credits = _headline_above(page, low, starts, fields=False)
        if here < low or page.roles[here] != "head":
            continue  # no headline: a comment ('Comments:' above it is a label)
        day = here - 1 if here > low and _is_day_header(page, here - 1) else None
        found.append((here, day, credits))
        if day is not None and low > 0:
            break
    if not found:
        return None
    numbered = [item for item in found if NUMBERED_HEAD.match(page.filled[item[0]].text)]
    dated = [item for item in found if item[1] is not None]
    if dated and not (numbered and low == 0 and dated[0] is found[0]):
        numbered = []  # a dated headline (a blog's day header) wins over later ones
    ruled = [item for item in found if "sep" in page.roles[found[0][0] : item[0]]]
    # a numbered headline (a round-up's item) wins over the introduction under the
    # issue's dated masthead at the top of the page; a dated one over an undated one; a
    # headline under a rule over the masthead and introduction above the rule
    title_at, day, credits = (numbered or dated or ruled or found)[0]
    top = None if numbered else _post_title_above(page, low, title_at, day, furniture)
    if top is not None:
        title_at, day, credits = top
    fields = range(_above_fields(page, closing) + 1, closing)  # 'Current Mood:' over it
    at_lines = [*([day] if day is not None else []), *credits, *fields, closing]
    meta = [page.filled[at] for at in at_lines]
    title = page.filled[title_at]
    begin = page.filled[day if day is not None else title_at].index
    headline = NUMBERED_HEAD.match(title.text) or TIMED_HEAD.match(title.text)
    closing_text = page.filled[closing].text
    sourced = (
        SOURCE_LINE.match(closing_text)
        or SOURCE_NOTE.match(closing_text)
        or WIRE_CREDIT.match(closing_text)
    )
    form = "sourced" if sourced else "closing"
    opening = Opening(
        form, title, headline.group("headline") if headline else title.text, begin, meta
    )
    opening.closing = page.filled[closing]
    opening.author = source_note_author(closing_text)
    return opening


CONTENTS_ITEM = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}[.)])\s+\S")
"""'(1) <headline>', '1. <headline>': an entry of a list of contents."""


def _furniture_after(page: Page, closings: Sequence[int]) -> frozenset[str]:
    """The lines that stand, the same, right after two closing lines or more (within
    ``MAX_FOOTER_LINES``): a post's share and like links ('Share this:', 'Like Loading...')."""
    seen: dict[str, int] = {}
    for closing in closings:
        after = page.filled[closing + 1 : closing + 1 + MAX_FOOTER_LINES]
        for text in {line.text.casefold() for line in after}:
            seen[text] = seen.get(text, 0) + 1
    return frozenset(text for text, count in seen.items() if count >= 2)


def _is_leftover(page: Page, position: int, furniture: frozenset[str]) -> bool:
    """A line of the previous post's furniture or of the page's label ('Labels: <tags>',
    'Share this:', 'Category: <name>') that no post's title is."""
    text = page.filled[position].text
    return bool(
        page.roles[position] in {"sep", "chrome", "image"}
        or text.casefold() in furniture
        or ENTRY_FIELD.match(text)
        or _is_web_chrome(text)
        or _is_post_furniture(text)
    )


def _post_title_above(
    page: Page, low: int, title_at: int, day: int | None, furniture: frozenset[str]
) -> tuple[int, int | None, list[int]] | None:
    """(title, day header, credits) of a post whose own headline stands first, over what it
    quotes (a reposted article's headline, caption, outlet and date lines): the headline
    right under the post's day header, else the first one after the previous post's footer
    or after the page's label line ('Category: <name>'), when no prose stands between it
    and the headline found over the text, nor a list of contents ('(1) <headline>': the
    line over it heads the contents). None when that is the one found."""
    if day is None:
        days = [at for at in range(low, title_at) if _is_day_header(page, at)]
        if (
            days
            and days[-1] + 1 < title_at
            and page.roles[days[-1] + 1] == "head"
            and _channel_name(page, days[-1] + 1, title_at) is None
        ):
            between = range(days[-1] + 2, title_at)
            if not any(_parts_head(page, here) for here in between):
                return days[-1] + 1, days[-1], []
        start = low
        if low == 0:  # the masthead: only what follows an archive's label line
            labels = [at for at in range(title_at) if _is_post_furniture(page.filled[at].text)]
            if not labels:
                return None
            start = labels[-1] + 1
    else:
        start = day + 1
    for at in range(start, title_at):
        if page.roles[at] == "prose":
            return None
        if (
            page.roles[at] == "head"
            and not _is_leftover(page, at, furniture)
            and word_count(page.filled[at].text) >= MIN_HEADLINE_WORDS
        ):
            between = range(at + 1, title_at)
            if any(_parts_head(page, here) for here in between):
                return None
            return at, day, []
    return None


def _parts_head(page: Page, position: int) -> bool:
    """Whether the line at `position`, between a headline and the one over the text, sets
    the lower one apart as its own article's: an entry of a list of contents ('(1)
    <headline>': the upper line heads the contents) or a rule (the upper one is the issue's
    masthead or its contents' heading, above the rule that opens the story)."""
    return page.roles[position] == "sep" or bool(CONTENTS_ITEM.match(page.filled[position].text))


MAX_CHANNEL_WORDS = 4


def _channel_name(page: Page, low: int, title_at: int) -> str | None:
    """The name on the one short line between `low` (a day header or the previous post's
    end) and the headline at `title_at` ('<Blog Name>', '"<Blog Name>"'): an aggregator's
    blog over its post, no headline; None when no such line stands alone there, or when
    the headline is numbered ('1. <headline>' under a section's label)."""
    at = title_at - 1
    if at != low or page.roles[at] != "head" or NUMBERED_HEAD.match(page.filled[title_at].text):
        return None  # a label over numbered headlines heads a section of the page
    text = page.filled[at].text.strip("\"“”'")
    if word_count(text) > MAX_CHANNEL_WORDS or ends_sentence(text) or ":" in text:
        return None
    return text


def _paragraph_top(page: Page, low: int, position: int) -> int:
    """The first line of the paragraph whose line `position` is: the lines above it, no
    blank line between, that it continues in lower case (a paragraph wrapped at a fixed
    width, whose first line is short enough to read as a headline)."""
    while position > low:
        line, above = page.filled[position], page.filled[position - 1]
        if above.index + 1 != line.index or not line.text.lstrip()[:1].islower():
            break
        if page.roles[position - 1] not in {"head", "other", "prose"}:
            break
        position -= 1
    return position


def _headline_above(page: Page, low: int, first_prose: int, fields: bool) -> tuple[int, list[int]]:
    """(position of the line above the credit, chrome and, with `fields`, field lines over
    a paragraph, the positions of its credit and field lines): 'Leave a reply', 'Current
    Mood: cold' stand between a headline and its text."""
    here = first_prose - 1
    credits: list[int] = []
    while here >= low:
        field = fields and ENTRY_FIELD.match(page.filled[here].text) is not None
        if not (
            field
            or page.roles[here] in CREDIT_ROLES | {"image"}
            or _is_web_chrome(page.filled[here].text)
        ):
            break
        if field or page.roles[here] in {"date", "byline"}:
            credits.insert(0, here)  # kept with the head, out of the text
        here -= 1
    return here, credits


ENTRY_FIELD = re.compile(r"^(?:current\s+)?[A-Z][\w ]{1,24}:\s+\S.{0,40}$")
"""A blog entry's field line between its headline and its text ('Current Mood: cold',
'Location: Perm')."""


TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)


def _is_day_header(page: Page, position: int) -> bool:
    """A date line above a post's headline, its time of posting allowed ('12 December
    2011 @ 11:04 pm', a blog's entry header)."""
    if page.roles[position] == "date":
        return True
    text = TIME_OF_DAY.sub(" ", page.filled[position].text).replace("@", " ")
    return credit_date(" ".join(text.split()))


def _closing_openings(page: Page) -> list[Opening]:
    """Articles each closed by a credit line of one shape (two or more); a post under no
    day header of its own has the date of the one above it."""
    closings: list[int] = []
    for here in range(len(page.roles)):
        if _is_closing(page, here) and not (closings and _above_fields(page, here) < closings[-1]):
            closings.append(here)  # a footer under the closing line above ('Tags:' then
            # '(2 comments)') closes nothing more
    if len(closings) < 2:
        return []
    shapes = [_closing_shape(page.filled[here].text) for here in closings]
    if len(set(shapes)) > 1 and shapes[-1] not in shapes[:-1]:
        closings, shapes = closings[:-1], shapes[:-1]  # the page's footer after the last one
    if len(closings) < 2 or len(set(shapes)) > 1:
        return []
    openings: list[Opening] = []
    low = 0
    day: str | None = None
    furniture = _furniture_after(page, closings)
    positions = {line.index: position for position, line in enumerate(page.filled)}
    for closing in closings:
        opening = _closed_article(page, low, closing, furniture)
        if opening is None:
            return []
        title_at = positions[opening.title.index]
        if title_at - 1 == low or (title_at >= 2 and _is_day_header(page, title_at - 2)):
            opening.channel = _channel_name(page, title_at - 1, title_at)
        credits = opening.meta
        if opening.closing is not None and SOURCE_NOTE.match(opening.closing.text):
            credits = [opening.closing]  # the source note dates its item, not a line above
        dated = next(
            ((line, found[0]) for line in credits if (found := find_date(line.text))), None
        )
        if dated is not None:
            opening.published = dated[1]
            day = dated[1] if dated[0].index < opening.title.index else day
        elif day is not None:
            opening.published = day
        openings.append(opening)
        low = closing + 1
    return openings


def find_openings(lines: Sequence[Line], config: SegmentConfig) -> tuple[Page, list[Opening]]:
    """The text's lines with roles, and its article openings in reading order. Mail
    messages or articles closed by credit lines, when there are, are the only openings."""
    page = Page.read(lines, config.max_title_chars)
    whole = (
        _code_openings(page)
        or _record_openings(page)
        or _mail_openings(page)
        or _channel_openings(page)
        or _export_openings(page)
        or _closing_openings(page)
    )
    if whole:
        _finish(lines, page, whole)
        _date_by_issue(page, whole)
        _author_by_channel(whole)
        return page, whole
    by_title = {opening.title.index: opening for opening in _field_openings(page)}
    for block in _mail_blocks(page):  # a letter among the articles
        if (letter := _mail_opening(page, block, dated=False)) is not None:
            by_title.setdefault(letter.title.index, letter)
    in_fields = {line.index for opening in by_title.values() for line in opening.meta}
    outlets = {
        position: opening
        for position in range(len(page.filled))
        if (opening := _outlet_opening(lines, page, position)) is not None
    }
    if len(outlets) < 2 or _prose_before(page, min(outlets)) > 1:
        outlets = {}  # a press review quotes two papers or more, under one lead at most
    outlets = (
        outlets
        or _citation_openings(page)
        or _cited_openings(page)
        or _noted_openings(page)
        or _dated_openings(page)
        or _emoji_openings(lines, page)
        or _numbered_openings(lines, page)
    )
    for sourced in _sourced_heads(lines, page).values():  # its own date over the issue's
        by_title.setdefault(sourced.title.index, sourced)
    ruled_heads = _ruled_openings(lines, page)
    for position, line in enumerate(page.filled):
        if line.index in in_fields or line.index in by_title:
            continue
        opening = _origin_opening(page, position, config.max_title_chars)
        opening = opening or _runin_opening(lines, line) or _labelled_opening(lines, page, position)
        opening = opening or outlets.get(position)
        role = page.roles[position]
        starts_block = role in CREDIT_ROLES | {"image"} and (
            position == 0
            or page.roles[position - 1] not in CREDIT_ROLES | {"image"}
            or _second_date(page, position)
            or _after_footer(lines, page, position)
        )
        if opening is None and starts_block:
            opening = _credits_opening(lines, page, position)
        if opening is not None and opening.title.index not in by_title:
            by_title[opening.title.index] = opening
    for ruled in ruled_heads.values():  # a headline under a rule that nothing else opens
        by_title.setdefault(ruled.title.index, ruled)
    owned = {line.index for opening in by_title.values() for line in opening.meta}
    for listed in _contents_openings(page).values():  # a headline the contents list
        if listed.title.index not in owned:
            by_title.setdefault(listed.title.index, listed)
    openings = _drop_nested(sorted(by_title.values(), key=lambda opening: opening.begin))
    openings = _without_masthead(page, openings)
    sections = _underlined_openings(page) or _bulleted_openings(lines, page)
    if sections:  # the document's own sections: what else opens reads inside them
        read = {opening.title.index: opening for opening in openings}  # with its credits
        openings = [read.get(sections[at].title.index, sections[at]) for at in sorted(sections)]
    if len(openings) < 2:
        openings = _shape_openings(lines, page, config.max_title_chars) or openings
    if len(openings) < 2:
        openings = _suffixed_openings(page, config.max_title_chars) or openings
    if len(openings) < 2:
        openings = _issue_openings(page) or openings
    if len(openings) < 2:
        openings = _day_openings(page) or openings
    _finish(lines, page, openings)
    openings = _without_ruled_masthead(page, openings)
    _date_by_issue(page, openings)
    _author_by_issue(page, openings)
    _author_by_footer(page, openings)
    return page, openings


MIN_FOOTER_BYLINES = 2
"""Fewest articles closed by a byline line under their text for such lines to name their
articles' authors: the shape must repeat."""


def _author_by_footer(page: Page, openings: Sequence[Opening]) -> None:
    """An article whose head names nobody is by the name on the byline line right under
    its last paragraph, no blank line between ('Posted by <Name> | 4 comments'), when two
    articles or more close so."""
    if len(openings) < MIN_FOOTER_BYLINES:
        return
    starts = [opening.begin for opening in openings]
    footers: dict[int, str] = {}
    for position in range(1, len(page.filled)):
        line, above = page.filled[position], page.filled[position - 1]
        if page.roles[position] != "byline" or page.roles[position - 1] != "prose":
            continue
        if line.index != above.index + 1 or line.index < starts[0]:
            continue
        if (name := _line_author(line.text)) is not None:
            footers.setdefault(bisect.bisect_right(starts, line.index) - 1, name)
    if len(footers) < MIN_FOOTER_BYLINES:
        return
    for number, name in footers.items():
        if openings[number].author is None:
            openings[number].author = name


MIN_SHAPED_WORDS = 60
"""Fewest words of an article's text, on average, under heads that only their repeated
shape shows (a listing's teasers are shorter)."""
CREDITED_PAIR_SCORE = 0.74
"""Two articles opened only by headlines over credit lines (a date, a byline): under the
page evidence of a PDF (its numbered pages, 0.75), which shows a report's cover and first
page the same way, and over the fallback article."""


def _framed_posts(lines: Sequence[Line]) -> int:
    """How many comments a thread grammar reads on the page: a forum page's or a mail
    archive's posts open with a name over a date as a pair of articles does, and the frame
    every post repeats (a post number, a reply row, a member's group) is the thread's own
    evidence, stronger than headlines over credit lines that two posts show as well."""
    reading = thread.read_thread(lines)
    return len(reading.starts) if reading is not None else 0


SHAPED_SCORE = 0.68
"""A digest shown only by its repeated shape: weak evidence, above the fallback article
and a listing's shape, under every layout that finds a format's own signs."""


def _shape_openings(lines: Sequence[Line], page: Page, max_title_chars: int) -> list[Opening]:
    """Openings read from the page's repeated item shape (:mod:`flows.stages.segment.shapes`)
    when no cue marks them: each repeat a head of two short lines or more (a headline with
    its byline, date or outlet label) over the article's text, long on average. The
    headline column holds distinct headlines, the most words; a column of bylines or
    dates is the meta; other short columns are labels (chrome). None when a column mixes
    credits with other lines, or a short line follows the text (no article's head). The
    last article ends with the run when no prose follows it: the short lines under it are
    the page's footer."""
    run = find_run(lines)
    if run is None:
        return []
    prose = run.positions(PROSE)
    shorts = run.positions(SHORT)
    if len(prose) != 1 or not shorts or any(n > prose[0] for n in shorts):
        return []
    if len(shorts) == 1:
        return _attributed_openings(run, shorts[0], prose[0])
    bodies = run.column(prose[0])
    if sum(token.words for token in bodies) < MIN_SHAPED_WORDS * len(bodies):
        return []
    meta: list[int] = []
    heads: list[tuple[float, int]] = []
    for position in shorts:
        texts = [token.lines[0].text for token in run.column(position)]
        roles = [line_role(text, max_title_chars) for text in texts]
        credits = sum(1 for role in roles if role in CREDIT_ROLES)
        if credits == len(texts):
            meta.append(position)
        elif credits:
            return []
        elif len(set(texts)) == len(texts) and all(role == "head" for role in roles):
            heads.append((sum(word_count(text) for text in texts) / len(texts), position))
    if not heads:
        return []
    title = max(heads)[1]
    openings = []
    for repeat in run.repeats:
        line = repeat[title].lines[0]
        openings.append(
            Opening(
                "shaped",
                line,
                line.text,
                repeat[0].lines[0].index,
                meta=[repeat[n].lines[0] for n in meta],
                lead=[repeat[n].lines[0] for n in shorts if n != title and n not in meta],
            )
        )
    if not any(token.kind == PROSE for token in run.after):
        openings[-1].closing = run.repeats[-1][prose[0]].lines[-1]  # the page's footer under it
    return openings


MIN_ISSUE_ITEMS = 3
MAX_MASTHEAD_LINES = 12
"""Most lines with text above a newsletter's first item that its masthead may take."""


def _is_item_head(page: Page, position: int) -> bool:
    """A headline alone over a paragraph: a line of headline role, or a heading in
    capitals of a word or more ('SUDAN', 'SECURITY COUNCIL')."""
    if position + 1 >= len(page.filled) or page.roles[position + 1] != "prose":
        return False
    text = page.filled[position].text
    if page.roles[position] == "head":
        return True
    return page.roles[position] == "other" and is_all_caps(text) and text[-1:].isalpha()


def _issue_marked(page: Page, heads: Sequence[int]) -> bool:
    """Whether the page shows itself as one issue of a periodical around its items,
    which an article with subheadings does not: the top numbers the issue ('Issue 187',
    'No. 212'), or its first line dates a name over an introduction ('<Newsletter> - March
    3rd, 2009', then a paragraph: an article opens on its headline), or a list of contents
    above the items repeats their titles, or every item heading is in capitals."""
    first = heads[0]
    top = page.filled[max(0, first - MAX_MASTHEAD_LINES) : first]
    if any(ISSUE_NUMBER.search(line.text) for line in top):
        return True
    opener = page.filled[0].text
    if (
        word_count(opener) > 3
        and page.roles[0] not in {"date", "head"}
        and any(role == "prose" for role in page.roles[1:first])  # a greeting, no headline
        and find_date(opener)
    ):
        return True
    return all(is_all_caps(page.filled[head].text) for head in heads)


def _listed_heads(page: Page, heads: Sequence[int]) -> list[int]:
    """The item headings that a list of the issue's contents above the first of them names
    ('In today's email:' over the titles): each text once among the items, shown first
    higher up and not on the line right above (a title shown twice is one heading)."""
    first_at: dict[str, int] = {}
    for position, line in enumerate(page.filled[: heads[-1] + 1]):
        first_at.setdefault(plain(line.text), position)
    texts = Counter(plain(page.filled[head].text) for head in heads)
    listed = [
        head
        for head in heads
        if texts[text := plain(page.filled[head].text)] == 1 and first_at[text] < head - 1
    ]
    if listed and max(first_at[plain(page.filled[head].text)] for head in listed) > listed[0]:
        return []  # the earlier lines are no contents above the items
    return listed


def _issue_openings(page: Page) -> list[Opening]:
    """A newsletter's items, three or more, each a headline alone over its paragraphs
    (no byline, label or rule marks them), when the page shows an issue's frame around
    them (:func:`_issue_marked`) or a list of contents above them names them (then only
    the items it names are: the other headings are a sponsor's, a poll's). Numbered headings are a report's sections here (a
    newsletter's numbered stories have their own reading, :func:`_numbered_openings`)."""
    heads = [position for position in range(len(page.filled)) if _is_item_head(page, position)]
    if len(heads) < MIN_ISSUE_ITEMS:
        return []
    if any(NUMBERED_STORY.match(page.filled[head].text) for head in heads):
        return []
    stacked = [head for head in heads if _stacked_head(page, head)]
    if len(stacked) >= max(MIN_ISSUE_ITEMS, len(heads) / 2):
        heads = stacked  # '<headline>' over '<outlet>' over the text: the others are no items
    listed = _listed_heads(page, heads)
    if len(listed) >= MIN_ISSUE_ITEMS:
        heads = listed  # the contents name the items: other headings are sponsors, polls
    elif not _issue_marked(page, heads):
        return []
    openings = [_issue_opening(page, head, head in stacked) for head in heads]
    end = heads[-1] + 1
    while end < len(page.filled) and page.roles[end] == "prose":
        end += 1
    paragraphs = [_paragraphs(page, head) for head in heads]
    if len(paragraphs) > 1 and max(paragraphs[:-1]) == 1 < paragraphs[-1]:
        openings[-1].closing = page.filled[heads[-1] + 1]  # the issue's closing under it
    elif end < len(page.filled) and page.roles[end] == "head":
        openings[-1].closing = page.filled[end - 1]  # a footer's heading ends the last item
    return openings


def _stacked_head(page: Page, head: int) -> bool:
    """Whether the item heading at `head` stands right under a longer headline line (no
    blank line between): a credit or outlet line under the item's headline."""
    upper, lower = head - 1, page.filled[head]
    if upper < 0 or page.roles[upper] != "head" or page.filled[upper].index != lower.index - 1:
        return False
    return word_count(page.filled[upper].text) > word_count(lower.text)


def _issue_opening(page: Page, head: int, stacked: bool) -> Opening:
    """The opening of an issue's item headed at `head`; a stacked head's title is the
    headline above it (its number off), the heading line its credit."""
    line = page.filled[head]
    if not stacked:
        return Opening("issue", line, line.text, line.index)
    title = page.filled[head - 1]
    numbered = NUMBERED_HEAD.match(title.text)
    headline = numbered.group("headline") if numbered else title.text
    return Opening("issue", title, headline, title.index, meta=[line])


def _paragraphs(page: Page, head: int) -> int:
    """Paragraphs of prose (blocks with no blank line inside) right under `head`."""
    count, here = 0, head + 1
    while here < len(page.filled) and page.roles[here] == "prose":
        above = page.filled[here - 1]
        count += here == head + 1 or page.filled[here].index > above.index + 1
        here += 1
    return count


MIN_DAY_SECTIONS = 3
MIN_DAY_TEXT = 2
"""Lines of running text a day's section holds at least: a chronicle records several
events a day, a listing's dated item one teaser under its own headline."""
MIN_TEXT_WORDS = 6
"""Fewest words of a line of running text in a day's section (a paragraph, or a piece of
one that a scraper wrapped: a label is shorter)."""
MAX_DAY_GAP = 6
"""Most lines without running text between a day header and its first paragraph (the
day's labels and edit links), or between two paragraphs of one day."""
RU_WEEKDAY_WORD = re.compile(rf"(?<!\w){_RU_WEEKDAY}(?!\w)", re.IGNORECASE)
YEAR_MARK = re.compile(r"(?<!\w)г\.?(?!\w)")


def _day_header(text: str) -> str | None:
    """The date (ISO) of a day header: a whole date, its year given, with nothing beside
    it but its weekday and punctuation ('3 December 2026, Wednesday', 'December 6, 2026
    (Saturday)'); None for any other line."""
    found = find_date(text)
    if found is None or found[1] is None:
        return None
    rest = text.replace(found[0], " ", 1)
    rest = YEAR_MARK.sub(" ", RU_WEEKDAY_WORD.sub(" ", WEEKDAY.sub(" ", rest)))
    return None if any(char.isalnum() for char in rest) else found[1]


def _is_day_text(page: Page, position: int) -> bool:
    return (
        page.roles[position] in {"prose", "other"}
        and word_count(page.filled[position].text) >= MIN_TEXT_WORDS
    )


def _day_openings(page: Page) -> list[Opening]:
    """A chronicle's days, three or more: a day header alone on its line (a whole date,
    its weekday beside it allowed), each a different day, with no headline right under or
    right above it, over two lines of running text or more (a few labels between allowed,
    :data:`MAX_DAY_GAP`): each day is an article, the header its title and date. A
    listing's dated items carry a headline next to their date and hold one teaser each; an
    article's timeline stands under the article's byline. The last day closes on its last
    line of text: what follows it past a gap of lines without text is the page's footer."""
    days = [
        here
        for here, line in enumerate(page.filled)
        if page.roles[here] == "date" and _day_header(line.text)
    ]
    if len(days) < MIN_DAY_SECTIONS:
        return []
    if len({_day_header(page.filled[here].text) for here in days}) < len(days):
        return []
    if any(role == "byline" for role in page.roles[: days[0]]):
        return []  # an article's own head (headline, byline) over a timeline of its story
    runs: list[list[int]] = []
    for day, end in zip(days, [*days[1:], len(page.filled)], strict=True):
        if day + 1 < len(page.filled) and page.roles[day + 1] == "head":
            return []
        if day != days[0] and page.roles[day - 1] == "head":
            return []
        text = [here for here in range(day + 1, end) if _is_day_text(page, here)]
        if not text or text[0] - day - 1 > MAX_DAY_GAP:
            return []
        run = text[:1]
        for here in text[1:]:
            if here - run[-1] - 1 > MAX_DAY_GAP:
                break
            run.append(here)
        if len(run) < MIN_DAY_TEXT:
            return []
        runs.append(run)
    openings = []
    for day in days:
        header = page.filled[day]
        opening = Opening("day", header, header.text, header.index)
        opening.published = header.text
        openings.append(opening)
    openings[-1].closing = page.filled[runs[-1][-1]]
    return openings


def _attributed_openings(run: ShapeRun, head: int, prose: int) -> list[Opening]:
    """Untitled articles under a one-line head that credits each (``<Name> / <Outlet>:``,
    ``<Outlet>:``, see :func:`is_attribution`): a round-up of quoted pieces. The head is
    the article's meta line, the name before the slash its author. A one-line head of any
    other shape is an article's subheading, and texts cut off ('…') are a listing's
    teasers: no openings."""
    column = run.column(head)
    if not all(is_attribution(token.lines[0].text) for token in column):
        return []
    if any(token.lines[-1].text.endswith(ELLIPSIS) for token in run.column(prose)):
        return []
    openings = []
    for repeat in run.repeats:
        line = repeat[head].lines[0]
        opening = Opening("shaped", line, "", line.index, meta=[line])
        opening.untitled = True
        opening.author = attribution_name(line.text)
        openings.append(opening)
    if not any(token.kind == PROSE for token in run.after):
        openings[-1].closing = run.repeats[-1][prose].lines[-1]
    return openings


HEAD_SUFFIX = re.compile(r"\s\((?P<suffix>[^()]{0,30}\d[^()]{0,30})\)$")
"""A count in brackets closing a headline ('(3 minute read)', '(12 pages)', '(4:05)')."""
MIN_SUFFIXED_HEADS = 3


def _suffixed_openings(page: Page, max_title_chars: int) -> list[Opening]:
    """Articles under headlines that all close on a bracketed count of one shape ('<title>
    (3 minute read)', '<title> (12 minute read)'), three or more, each right over prose:
    the shared suffix marks the items of a newsletter, whatever stands between them
    (section labels, a sponsor's block under a headline without it). The suffix is no
    part of the title; the short lines between an article's text and the next headline
    are that headline's section labels (chrome); and when every article but the last
    holds one paragraph, so does the last, the page's footer under it. Empty when the
    suffixes differ in shape or a head has no text under it."""
    found: list[Opening] = []
    heads: list[int] = []
    shape: str | None = None
    for position, line in enumerate(page.filled[:-1]):
        if ")" not in line.text or page.roles[position + 1] != "prose":
            continue
        match = HEAD_SUFFIX.search(line.text)
        if match is None:
            continue
        title = line.text[: match.start()].strip()
        if not is_headline(title, max_title_chars):
            continue
        suffix = DIGITS.sub("0", match.group("suffix"))
        if shape is not None and suffix != shape:
            return []
        shape = suffix
        opening = Opening("shaped", line, title, line.index)
        above = position - 1
        while above >= 0 and page.roles[above] != "prose" and above not in heads:
            above -= 1
        if heads:  # the labels between the text above and this headline
            opening.lead = page.filled[above + 1 : position]
            opening.begin = opening.lead[0].index if opening.lead else line.index
        found.append(opening)
        heads.append(position)
    if len(found) < MIN_SUFFIXED_HEADS:
        return []
    texts = [
        _paragraph_ends(page, head + 1, end)
        for head, end in zip(heads, [*heads[1:], len(page.filled)], strict=True)
    ]
    if all(len(ends) == 1 for ends in texts[:-1]) and texts[-1]:
        found[-1].closing = page.filled[texts[-1][0]]
    return found


def _paragraph_ends(page: Page, low: int, high: int) -> list[int]:
    """The positions of the last lines of the paragraphs of prose from `low` to `high`: a
    paragraph ends at a blank line or a line of another role."""
    ends = []
    for position in range(low, high):
        if page.roles[position] != "prose":
            continue
        below = position + 1
        if (
            below >= high
            or page.roles[below] != "prose"
            or page.filled[below].index != page.filled[position].index + 1
        ):
            ends.append(position)
    return ends


REACTIONS = re.compile(
    r"^(?:[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F\u200D\U0001F3FB-\U0001F3FF]*\s*"
    r"\d[\d.,]*[KkMm]?\s*){1,8}$"
)
"""'👍 214  🤔 37': the reactions under a channel's message, each a symbol and its count."""
VIEWS_FOOTER = re.compile(
    r"^[\d.,]+[km]?\s+views?(?:\s+edited)?(?:\s+(?P<name>[^,\d][^,]{1,60}),)?\s+"
    r"\d{1,2}:\d\d(?:\s*[ap]m)?$",
    re.IGNORECASE,
)
"""The footer of a channel's post (Telegram's web preview): views, 'edited', the author's
signature when the channel signs posts, the time: '6.1K views Anna Belova, 11:42'."""
POST_LABEL = re.compile(r"^(?:forwarded from\s+\S.*|photo|video|album|file|poll)$", re.IGNORECASE)
"""Lines a channel's post opens with under the channel's name: 'Forwarded from <channel>',
'Photo'."""
OPEN_IN_APP = re.compile(r"^(?:please open telegram to view this post|view in telegram)$", re.I)
"""What the web preview shows in place of a post it cannot render."""


def _channel_openings(page: Page) -> list[Opening]:
    """The posts of a channel's web preview: each is the channel's name, labels, the text
    and a views footer; a date line above a post dates it and the posts after it. A post
    the preview cannot render is no article."""
    footers = [here for here, line in enumerate(page.filled) if VIEWS_FOOTER.match(line.text)]
    if len(footers) < 2:
        return []
    openings: list[Opening] = []
    low, day = 0, None
    for footer in footers:
        region = range(low, footer)
        low = footer + 1
        prose = next((here for here in region if page.roles[here] == "prose"), None)
        if prose is None or any(OPEN_IN_APP.match(page.filled[here].text) for here in region):
            continue
        name = prose - 1
        while name > region.start and POST_LABEL.match(page.filled[name].text):
            name -= 1
        if name < region.start or (openings and page.filled[name].text != openings[0].title.text):
            continue  # every post opens with the channel's name
        for here in range(region.start, name):
            if is_dateline(page.filled[here].text) and (found := find_date(page.filled[here].text)):
                day = found[0]
        labels = [page.filled[here] for here in range(name + 1, prose)]
        opening = Opening("channel", page.filled[name], "", page.filled[name].index)
        opening.meta = [*labels, page.filled[footer]]
        opening.closing = page.filled[footer]
        match = VIEWS_FOOTER.match(page.filled[footer].text)
        opening.author = match.group("name").strip() if match and match.group("name") else None
        opening.published = day
        openings.append(opening)
    return openings if len(openings) >= 2 else []


EXPORT_LABEL = re.compile(
    r"^(?:photo|video(?: file)?|voice message|audio file|sticker|file|poll|album|"
    r"in reply to this message|forwarded from\b.{0,80}|"
    r"not included, change data exporting settings to download\.?|"
    r"\d{2,5}x\d{2,5}(?:,\s*[\d.]+\s*[KMG]i?B)?|(?:\d{1,2}:\d\d(?::\d\d)?,\s*)?[\d.]+\s*[KMG]i?B)$",
    re.IGNORECASE,
)
"""Lines of a chat export's message above its text: a media placeholder ('Photo', 'Not
included, change data exporting settings to download.', '1280x853, 142.1 KB'), 'In reply
to this message', 'Forwarded from <chat>'."""
INITIALS = re.compile(r"^[A-ZА-ЯЁ]{1,3}$")
"""A userpic drawn as its owner's initials ('УП'), over a chat export's message."""
MAX_SENDER_WORDS = 6


def _export_sender(page: Page, stamp: int, seen: set[str]) -> int | None:
    """The position of the sender's name right under a message's time, when the message
    shows one: a short line that is no sentence, under a userpic's initials or repeated
    under other times."""
    below = stamp + 1
    if below >= len(page.filled) or page.filled[below].index != page.filled[stamp].index + 1:
        return None
    text = page.filled[below].text
    if word_count(text) > MAX_SENDER_WORDS or ends_sentence(text) or page.roles[below] == "prose":
        return None
    pictured = stamp > 0 and INITIALS.match(page.filled[stamp - 1].text) is not None
    return below if pictured or text in seen else None


def _export_openings(page: Page) -> list[Opening]:
    """The messages of a chat export turned to text (Telegram Desktop): each opens with
    its time on a line of its own ('09:14'), under the sender's initials and over the
    sender's name unless it joins the message before; media and reply labels, then the
    text. A day line ('5 February 2024') dates the messages under it and is the head of
    the first of them; the initials are chrome. The channel's own
    name (the page's first line) signs no message; a person's name does, and the messages
    joined to it. A page that shows no sender and puts a headline over the text under
    every time is a news feed: each item is titled by its headline."""
    stamps = [here for here, line in enumerate(page.filled) if TIME_STAMP.match(line.text)]
    if len(stamps) < 2:
        return []
    after_stamp = [page.filled[here + 1].text for here in stamps if here + 1 < len(page.filled)]
    seen = {text for text in after_stamp if after_stamp.count(text) >= 2}
    before_stamp = [
        page.filled[here - 1].text
        for here in stamps
        if here > 0 and page.filled[here - 1].index == page.filled[here].index - 1
    ]
    named_above = {
        text
        for text in before_stamp
        if before_stamp.count(text) >= 2 and word_count(text) <= MAX_SENDER_WORDS
    }
    channel = page.filled[0].text
    openings: list[Opening] = []
    day, author, low = None, None, 0
    headed = 0  # messages whose text opens with a headline over prose
    named = False  # a sender shown anywhere: initials or a name under a time
    for number, stamp in enumerate(stamps):
        high = stamps[number + 1] if number + 1 < len(stamps) else len(page.filled)
        sender = _export_sender(page, stamp, seen)
        first = (sender if sender is not None else stamp) + 1
        while first < high and EXPORT_LABEL.match(page.filled[first].text):
            first += 1
        if first >= high or page.roles[first] not in {"prose", "other", "head"}:
            return []  # a time over no text: a feed's stamps, not a chat's messages
        named = named or sender is not None
        over_text = first + 1 < high and page.roles[first + 1] == "prose"
        headed += page.roles[first] == "head" and over_text
        lead: list[Line] = []
        top = stamp
        if stamp > 0 and INITIALS.match(page.filled[stamp - 1].text):
            top = stamp - 1
            lead.append(page.filled[top])
        elif stamp > low and page.filled[stamp - 1].text in named_above:
            top = stamp - 1  # the sender's name over the time, as over other messages
            lead.append(page.filled[top])
            name = page.filled[top].text
            author = None if name == channel else name
            named = True
        for here in range(low, top):
            if page.roles[here] == "date" and (found := find_date(page.filled[here].text)):
                day = found[0]
        day_line = None
        if top > low and page.roles[top - 1] == "date":
            top -= 1
            day_line = page.filled[top]  # the head's, not chrome: it gives the date
        if sender is not None:
            name = page.filled[sender].text
            author = None if name == channel else name
        opening = Opening("channel", page.filled[stamp], "", page.filled[top].index)
        opening.lead = lead
        opening.meta = [page.filled[here] for here in range(stamp + 1, first)]
        opening.meta[:0] = [day_line] if day_line is not None else []
        opening.author, opening.published = author, day
        openings.append(opening)
        low = stamp + 1
    if not named and headed == len(openings):  # a news feed's '<time>' '<headline>' text
        for opening in openings:
            at = next(here for here, line in enumerate(page.filled) if line is opening.title)
            opening.meta.insert(0, opening.title)
            opening.title = page.filled[at + 1]
            opening.title_text = opening.title.text
    prose = sum(1 for role in page.roles if role == "prose")
    return openings if prose >= len(openings) else []


MIN_ARTICLE_WORDS = 15
"""Words of text an article has at least: a digest's masthead (its name, issue number and
date over a contents list) reads like a headline over a date, with no text under it."""


def _without_masthead(page: Page, openings: list[Opening]) -> list[Opening]:
    """`openings` without a first one whose text, up to the next opening, is shorter than
    ``MIN_ARTICLE_WORDS`` while the articles after it are at least twice as long
    (typically): the masthead and contents of the digest, its preamble; so is the page's
    own post headline over items of another form (:func:`_is_post_head`)."""
    if len(openings) < 3:
        return openings
    bounds = [opening.begin for opening in openings[1:]] + [page.filled[-1].index + 1]
    words = [0] * len(openings)
    for line, role in zip(page.filled, page.roles, strict=True):
        if role != "prose":
            continue
        for number, opening in enumerate(openings):
            if opening.title.index < line.index < bounds[number]:
                words[number] += word_count(line.text)
                break
    others = sorted(words[1:])
    typical = others[len(others) // 2]
    masthead = words[0] < MIN_ARTICLE_WORDS and typical >= 2 * MIN_ARTICLE_WORDS
    if masthead or _is_issue_head(page, openings) or _is_post_head(openings):
        return openings[1:]
    return openings


MIN_HEADED_ITEMS = 3
"""Fewest items of one form under a post's own headline and byline for that headline to be
the post's, not an item's."""


def _is_post_head(openings: Sequence[Opening]) -> bool:
    """Whether the first opening is the headline and byline of the page's one post (a
    blog's weekly round-up) over items that all open alike in another way (run-in
    headlines): its text is the post's introduction, no item."""
    first, rest = openings[0], openings[1:]
    if first.form != "credits" or len(rest) < MIN_HEADED_ITEMS:
        return False
    return len({opening.form for opening in rest}) == 1 and rest[0].form != "credits"


ISSUE_NUMBER = re.compile(r"\b(?:issue|no\.|vol\.|volume|number|№)\s*#?\d{1,5}\b", re.IGNORECASE)
"""'Issue 87', 'No. 214', 'Vol. 3': the number of a newsletter's issue, on its masthead."""
NEWSLETTER_ISSUE = re.compile(
    r"(?P<number>\b(?:issue|выпуск)\s*(?:№\s*)?#?\d{1,5}\b)|\bedition\b", re.IGNORECASE
)
"""'Issue #14', 'Выпуск № 34', 'Edition of <date>': a newsletter's or a paper's issue on
its masthead; a journal's volume and number ('Vol. 12, No. 3') head a listing of its
articles as well."""


def _is_issue_head(page: Page, openings: Sequence[Opening]) -> bool:
    """The first opening is the issue's masthead: its headline or date line numbers the
    issue ('Issue 87 · March 22, 2024', '<Name>: No. 2211'), or it is the one unnumbered head
    over numbered stories, and one paragraph at most (a greeting) follows it."""
    first, second = openings[0], openings[1]
    numbered = not NUMBERED_STORY.match(first.title.text) and all(
        NUMBERED_STORY.match(opening.title.text) for opening in openings[1:]
    )
    if not numbered and not any(
        ISSUE_NUMBER.search(line.text) for line in (first.title, *first.meta)
    ):
        return False
    paragraphs = sum(
        1
        for line, role in zip(page.filled, page.roles, strict=True)
        if role == "prose" and first.title.index < line.index < second.begin
    )
    return paragraphs <= 1


def _finish(lines: Sequence[Line], page: Page, openings: Sequence[Opening]) -> None:
    """Read each opening's lead (rule and labels above it) and credits."""
    positions = {line.index: position for position, line in enumerate(page.filled)}
    floor = -1
    for opening in openings:
        first = positions[opening.begin]
        _read_lead(lines, page, opening, first, floor)
        _read_credits(opening)
        floor = max(positions[line.index] for line in (opening.title, *opening.meta))


def _author_by_channel(openings: Sequence[Opening]) -> None:
    """A post with no credit naming its author is by the blog named over it, or over the
    posts above it up to the last such name (an aggregator's page groups a blog's posts
    under one name)."""
    channel: str | None = None
    for opening in openings:
        channel = opening.channel or channel
        if opening.author is None:
            opening.author = channel


def _date_by_issue(page: Page, openings: Sequence[Opening]) -> None:
    """An issue's articles carry its date (from the masthead) when they give none."""
    if not openings:
        return
    first = next(at for at, line in enumerate(page.filled) if line.index >= openings[0].begin)
    issue = _issue_date(page, first)
    found = find_date(issue) if issue else None
    year = found[1][:4] if found and found[1] else None
    for opening in openings:
        if opening.published is None and year is not None:
            opening.published = next(
                (day for line in opening.meta if (day := yearless_date(line.text, year))), None
            )
        opening.published = opening.published or issue


def _without_ruled_masthead(page: Page, openings: list[Opening]) -> list[Opening]:
    """`openings` without a first one above the first rule, when every later one stands
    under a rule and the first has one paragraph of text at most: an emailed issue's
    masthead (its name, number and date over a greeting), not an article. A first
    opening read from its origin line ('First published in …') is an article, however
    short: a masthead has none."""
    if len(openings) < 3 or openings[0].ruled or not all(o.ruled for o in openings[1:]):
        return openings
    if openings[0].form == "origin":
        return openings
    paragraphs = sum(
        1
        for line, role in zip(page.filled, page.roles, strict=True)
        if role == "prose" and openings[0].title.index < line.index < openings[1].begin
    )
    return openings[1:] if paragraphs <= 1 else openings


def _issue_date(page: Page, first: int) -> str | None:
    """The date of the issue, from its masthead: the first line above the first article
    that is a date with a few words around it ('No. 187    14 June 2021')."""
    at = _issue_date_at(page, first)
    found = find_date(page.filled[at].text) if at is not None else None
    return found[0] if found else None


def _issue_date_at(page: Page, first: int) -> int | None:
    """The position of the issue's date line (:func:`_issue_date`), if any."""
    for at, line in enumerate(page.filled[: min(first, MAX_MASTHEAD_LINES)]):
        text = " ".join(line.text.split())
        if is_dateline(text) and (found := find_date(text)) and found[1]:
            return at
    return None


def _author_by_issue(page: Page, openings: Sequence[Opening]) -> None:
    """The sections of one letter (items of one issue, none credited) are by the name
    that stands right over or under the issue's date on its masthead ('<Name>' over
    '<date>')."""
    if not openings or any(o.form != "issue" or o.author for o in openings):
        return
    first = next(at for at, line in enumerate(page.filled) if line.index >= openings[0].begin)
    dated = _issue_date_at(page, first)
    if dated is None:
        return
    beside = [page.filled[at].text for at in (dated - 1, dated + 1) if 0 <= at < first]
    name = next((text for text in beside if listing.is_name(text)), None)
    for opening in openings:
        opening.author = name


def _drop_nested(openings: Sequence[Opening]) -> list[Opening]:
    """An opening whose headline is another opening's credit line is no opening."""
    owned = {line.index for opening in openings for line in opening.meta}
    return [opening for opening in openings if opening.title.index not in owned]


def _is_section_label(lines: Sequence[Line], line: Line) -> bool:
    """A short line standing alone between blank lines, in capitals ('RUSSIA'), in title
    case closed by a colon ('The Good:', 'Council Corner:'), or of one or two words with
    no digit that name no one ('Regions', 'Long read')."""
    text = line.text.strip()
    if word_count(text) > MAX_LABEL_WORDS or ends_sentence(text):
        return False
    if not (is_all_caps(text) or _colon_label(text) or _word_label(text)):
        return False
    before = line.index == 0 or lines[line.index - 1].is_blank
    after = line.index + 1 >= len(lines) or lines[line.index + 1].is_blank
    return before and after


MAX_WORD_LABEL_WORDS = 2


def _word_label(text: str) -> bool:
    """'Regions', 'Long read': a section's name of a word or two, capitalised, no number and
    no person's name."""
    words = text.split()
    if not 0 < len(words) <= MAX_WORD_LABEL_WORDS or not text[:1].isupper():
        return False
    if any(char.isdigit() for char in text) or NAME_LIKE.match(text):
        return False
    return all(word.isalpha() for word in words)


def _colon_label(text: str) -> bool:
    """'The Good:', 'Cleanup in Aisle 45:': a label closed by a colon, its longer words
    capitalised (a lead-in sentence, 'Here is what happened:', is not)."""
    if not text.endswith(":"):
        return False
    words = text[:-1].split()
    return bool(words) and all(word[:1].isupper() for word in words if len(word) >= 4)


def _read_lead(lines: Sequence[Line], page: Page, opening: Opening, first: int, floor: int) -> None:
    """A rule up to three short lines above the opening starts its region (a mailbox's
    'From ' line is the message's head); a date line between them is the article's date,
    other lines are labels (chrome). With no rule,
    section labels standing alone right above the opening are chrome too (those next to
    it, when a line of the previous item stands above them), and so is a running head
    laid out across the page above them."""
    labels: list[Line] = []
    chrome: set[int] = set()
    for above in range(first - 1, max(floor, first - 5), -1):
        role = page.roles[above]
        if role == "sep":
            lead = page.filled[above + 1 : first]
            opening.begin = lead[0].index if lead else opening.begin
            opening.ruled = True
            if MBOX_FROM.match(page.filled[above].text):  # it gives the message's date
                opening.begin = page.filled[above].index
                opening.meta.insert(0, page.filled[above])
            for line, lead_role in zip(lead, page.roles[above + 1 : first], strict=True):
                if lead_role == "date":
                    opening.meta.append(line)
                else:
                    opening.lead.append(line)
            return
        if role in {"prose", "origin", "translator", "byline"}:
            break
        labels.insert(0, page.filled[above])
        if role == "chrome":
            chrome.add(page.filled[above].index)
    while labels and not (labels[0].index in chrome or _is_section_label(lines, labels[0])):
        labels.pop(0)  # the previous item's last line: only the labels next to the opening
    if labels:
        opening.begin = labels[0].index
        opening.lead[:0] = labels


META_PARTS = re.compile(r"\s+[|·•]\s+")
"""What parts a meta line ('Опубликовано: <date> | Автор: <name>')."""


def _line_author(text: str) -> str | None:
    """The author a credit line names, whole or in one of its parts ('<date> | By <name>')."""
    text = plain(text)
    for part in [text, *META_PARTS.split(text)]:
        if name := credit_byline(part) or affiliated_name(part) or positioned_name(part):
            return name
    return None


def _read_credits(opening: Opening) -> None:
    for line in opening.meta:
        if opening.author is None:
            opening.author = _line_author(line.text)
        if opening.published is None and (found := find_date(line.text)):
            opening.published = found[0]
    under = [line for line in opening.meta if line.index > opening.title.index]
    if opening.author is None and _consecutive([opening.title, *under]):
        # a name beside the date under the headline is its byline; over the headline a
        # name-shaped line is as often the outlet ('<Outlet>' / '<date>' / '<headline>')
        opening.author = name_beside_date([line.text for line in under])


def _consecutive(lines: Sequence[Line]) -> bool:
    """Whether the lines follow one another, at most one line apart (a blank line of a
    spaced head)."""
    return all(later.index - earlier.index <= 2 for earlier, later in itertools.pairwise(lines))


SIGNATURE = re.compile(r"^[—–-]{1,2}\s*(?P<name>\S.{2,60})$")
"""'— <Name>': an item signed by its author under its text."""


def signature_name(text: str) -> str | None:
    """The name of a '— <Name>' signature line, else None."""
    match = SIGNATURE.match(text)
    if match is None:
        return None
    name = match.group("name").strip()
    return name if is_name(name) or CYRILLIC_NAME.match(name) else None


SENTENCE_BREAK = re.compile(r"[.!?…][\"»”’)]?\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")
MIN_SIGNED_WORDS = 25
"""Words a signed paragraph has at least to be a whole item (with two sentences or more):
a listing's summary is one sentence, often signed too."""


def _signed(page: Page, position: int) -> bool:
    """The line at `position` signs the paragraph right above it ('— <Name>'), a whole
    item's text (two sentences or more, ``MIN_SIGNED_WORDS`` words or more)."""
    if position == 0 or page.roles[position - 1] != "prose":
        return False
    text = page.filled[position - 1].text
    if words_up_to(text, MIN_SIGNED_WORDS) < MIN_SIGNED_WORDS or not SENTENCE_BREAK.search(text):
        return False
    return signature_name(page.filled[position].text) is not None


def _signed_articles(page: Page, openings: Sequence[Opening]) -> int:
    """Articles whose text is signed by its author ('— <Name>' under the last paragraph)."""
    starts = [opening.begin for opening in openings]
    return len(
        {
            bisect.bisect_right(starts, line.index) - 1
            for position, line in enumerate(page.filled)
            if _signed(page, position) and line.index >= starts[0]
        }
    )


def _article_stats(page: Page, openings: Sequence[Opening]) -> tuple[int, int]:
    """(full articles: two prose paragraphs or more, or one signed by its author under it;
    articles whose last paragraph is cut off)."""
    prose_by_article: list[list[Line]] = [[] for _ in openings]
    signed: set[int] = set()
    starts = [opening.begin for opening in openings]
    for position, (line, role) in enumerate(zip(page.filled, page.roles, strict=True)):
        number = bisect.bisect_right(starts, line.index) - 1
        if role == "prose" and number >= 0:
            prose_by_article[number].append(line)
        elif number >= 0 and _signed(page, position):
            signed.add(number)
    full = sum(
        1 for number, prose in enumerate(prose_by_article) if len(prose) >= 2 or number in signed
    )
    cut = sum(1 for prose in prose_by_article if prose and CUT_OFF.search(prose[-1].text))
    return full, cut


MIN_LISTED_RECORDS = 3
RECORD_LIST_SCORE = 0.62
"""Field blocks with no running text: read as a digest's articles only over the fallback
(its fields still make records of them), under any listing's or thread's reading of the
same records."""
RECORD_LIST_DOUBT = 0.2
"""What such a list shows against the digest layout (a list of records is a listing's
kind of page, though no listing reading takes it): the choice is a doubtful one."""


def _record_list(page: Page, openings: Sequence[Opening]) -> bool:
    """Whether the field blocks are a list of records, not a digest's articles: three or
    more, every one a field block ('Title:', 'Authors:', 'Date:'), and none holding running
    text of two paragraphs or more (at most a short abstract each; a digest's articles
    carry their text under the fields)."""
    if len(openings) < MIN_LISTED_RECORDS:
        return False
    if any(opening.form != "fields" for opening in openings):
        return False
    full, _ = _article_stats(page, openings)
    return full == 0


HEAD_ONLY_ROLES = frozenset({"head", "origin", "date", "byline", "translator", "image"})


def _empty_articles(page: Page, openings: Sequence[Opening]) -> int:
    """Articles with no line of text at all: only head, origin, date and credit lines."""
    starts = [opening.begin for opening in openings]
    with_prose = {
        bisect.bisect_right(starts, line.index) - 1
        for line, role in zip(page.filled, page.roles, strict=True)
        if role not in HEAD_ONLY_ROLES
    }
    return sum(1 for number in range(len(openings)) if number not in with_prose)


MAIL_FOOTER = re.compile(
    r"unsubscribe|отписаться|отписка|désabonner|abmelden"
    r"|you are receiving this|(?:message|e-?mail) was sent to you|receive these e-?mails",
    re.IGNORECASE,
)
"""The links and notes that end a newsletter or an alert sent by e-mail ('Unsubscribe',
'Отписаться', 'You are receiving this email because…', 'This message was sent to you
by…'); not a web page's account links ('Manage your subscription', 'Update your
preferences'), which a site's listing shows as well."""
MAIL_FOOTER_LINES = 12
"""Lines with text at the end of a page searched for the mail footer."""
MAILED_MARGIN = 0.01


MAILING_NOTICE = re.compile(
    r"unsubscribe|(?:receiv|get)(?:e|ing) (?:this|these|our) e-?mails?|opted in|"
    r"(?:update|manage|change) (?:your )?(?:e-?mail )?(?:preferences|subscription)|"
    r"our mailing address|отписаться|вы получили это письмо|вы подписаны",
    re.IGNORECASE,
)
"""A mailing's notice about itself, in its footer: why the reader receives it, how to stop
or change that ('You are receiving this email because…', 'Update your preferences')."""


def _mailing_notice(lines: Sequence[Line]) -> dict[int, str]:
    """{index: rule} of the footer of a mailed newsletter: from the first of its closing
    lines (:data:`MAIL_FOOTER_LINES`) that is a notice about the mailing
    (:data:`MAILING_NOTICE`) to the end. Empty when none is there."""
    filled = [line for line in lines if not line.is_blank]
    tail = filled[-MAIL_FOOTER_LINES:]
    first = next((at for at, line in enumerate(tail) if MAILING_NOTICE.search(line.text)), None)
    if first is None:
        return {}
    return {line.index: "page_chrome" for line in tail[first:]}


MAILED_MASTHEAD_LINES = 3
"""Most lines with text that a mailed newsletter's masthead takes at the top: a notice
('View this email in your browser'), the newsletter's name, the issue's dated line."""


def _mailed_masthead(lines: Sequence[Line]) -> dict[int, str]:
    """{index: rule} of a mailed newsletter's masthead: its top lines through the first
    that dates the issue ('<Name>' over 'New this week | 5 December 2026'), when that
    stands among the first :data:`MAILED_MASTHEAD_LINES` lines with text, below a name
    line, and no line of it is a sentence; the listing would read the name as an item's
    headline. Empty otherwise, and when the name is the one the copyright line gives the
    publisher: the listing reads that masthead itself, over the issue's introduction."""
    filled = [line for line in lines if not line.is_blank][:MAILED_MASTHEAD_LINES]
    dated = next((at for at, line in enumerate(filled) if find_date(line.text)), None)
    if not dated or any(ends_sentence(line.text) for line in filled[: dated + 1]):
        return {}
    publishers = copyright_names([line.text for line in lines])
    if any(" ".join(line.text.split()).casefold() in publishers for line in filled[:dated]):
        return {}
    return {line.index: "page_chrome" for line in filled[: dated + 1]}


@dataclass(frozen=True, slots=True)
class MailedListing:
    """What the listing layout read of a newsletter mailed as a list of items."""

    parsed: object


def _mail_footer(lines: Sequence[Line]) -> bool:
    tail = [line.text for line in lines if not line.is_blank][-MAIL_FOOTER_LINES:]
    return any(MAIL_FOOTER.search(text) for text in tail)


def _mailed(lines: Sequence[Line]) -> bool:
    """Whether the page shows a mailing: its footer offers to unsubscribe, or a header
    block ('From:', 'Date:', 'Subject:', :func:`~flows.stages.mail_fields.header_block`)
    opens it and no other stands below (a second one heads a message forwarded or quoted
    whole: a conversation, not an issue)."""
    if _mail_footer(lines):
        return True
    texts = [line.text for line in lines if not line.is_blank]
    first = opening_block(texts)
    if first is None:
        return False
    after = header_block(texts, first)
    return not any(header_block(texts, start) > start for start in range(after, len(texts)))


MAX_MASTHEAD_WORDS = 16
"""Most words of a masthead line that numbers or dates the issue."""


def _issued(lines: Sequence[Line]) -> bool:
    """Whether the page's masthead (its first ``MAX_MASTHEAD_LINES`` lines with text)
    numbers an issue ('Issue #14') or dates an edition ('Edition of Monday, 14 March
    2016', :data:`NEWSLETTER_ISSUE`): a newsletter's or a paper's issue. A sentence is no
    masthead line ('The polling station in School No. 14 opened on time.')."""
    head = [line.text for line in lines if not line.is_blank][:MAX_MASTHEAD_LINES]
    return any(
        (found := NEWSLETTER_ISSUE.search(text))
        and (found["number"] or find_date(text))
        and word_count(text) <= MAX_MASTHEAD_WORDS
        and not ends_sentence(text)
        for text in head
    )


def _mailed_listing(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    """A newsletter or an alert whose items read as a listing's (headline, outlet,
    teaser), sent by e-mail (:func:`_mailed`: a mail header opens it or a footer of
    :data:`MAIL_FOOTER` closes it) or under an issue's masthead (:func:`_issued`). Its
    items are the issue's articles, so it is a digest, just above the listing's own
    score."""
    mailed = _mailed(lines)
    if not mailed and not _issued(lines):
        return None
    found = listing.detect(lines, config)
    if found is None or found.layout != "listing":
        return None
    where = "a mailed newsletter (a mail header or footer)" if mailed else "an issue's masthead"
    evidence = f"{found.evidence}, in {where}"
    score = round(min(found.score + MAILED_MARGIN, 0.95), 3)
    return Detection("digest", score, evidence, parsed=MailedListing(found.parsed))


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    """The digest's own reading of its articles, or, on a mailed page (:func:`_mailed`),
    the listing's reading of its items when that is the stronger
    (:func:`_mailed_listing`): a newsletter sent by e-mail is one issue whichever
    reader finds its items."""
    own = _own_detection(lines, config)
    mailed = _mailed_listing(lines, config)
    if mailed is not None and (own is None or mailed.score > own.score + MAILED_MARGIN):
        return mailed
    return own


def _own_detection(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    lines = split_runins(lines, config.max_title_chars)
    page, openings = find_openings(lines, config)
    count = len(openings)
    if count < 2:
        return None
    if count - _empty_articles(page, openings) < 2:
        return None  # a heading over the page's closing fields ('Publication status')
    if _record_list(page, openings):
        evidence = f"{count} field blocks with no running text (a list of records, not articles)"
        return Detection(
            "digest",
            RECORD_LIST_SCORE,
            evidence,
            parsed=(lines, page, openings),
            doubt=RECORD_LIST_DOUBT,
        )
    strong = sum(1 for opening in openings if opening.form != "credits")
    checked = sum(1 for opening in openings if opening.form in CHECKED_FORMS)
    if checked:
        full, cut = _article_stats(page, openings)
        solid = count - checked + full
        if solid < 2 or solid * 2 < count or cut * 2 > count:
            return None
    if all(opening.form == "issue" for opening in openings):
        evidence = f"{count} items of one issue (headline + text under a masthead or contents)"
        return Detection("digest", SHAPED_SCORE, evidence, parsed=(lines, page, openings))
    if all(opening.form == "day" for opening in openings):
        evidence = f"{count} days of a chronicle (a day header over its paragraphs)"
        return Detection("digest", SHAPED_SCORE, evidence, parsed=(lines, page, openings))
    if all(opening.form == "shaped" for opening in openings):
        evidence = f"{count} articles of one repeated shape (headline + credit or label + text)"
        return Detection("digest", SHAPED_SCORE, evidence, parsed=(lines, page, openings))
    ruled = sum(1 for opening in openings[1:] if opening.ruled)
    if count == 2:  # a strong pair beats hard wraps (pdf_article's 0.8)
        score = 0.75 + (0.06 if strong == count else 0.0)
        if not strong:  # two headlines over credit lines only: a PDF's cover and first
            score = CREDITED_PAIR_SCORE  # page show as much, so its page evidence wins
            if _framed_posts(lines) >= count:
                return None
    else:
        score = 0.88 + (0.04 if strong == count else 0.0)
    score += 0.03 if ruled >= count - 1 else 0.0
    score += 0.03 if _signed_articles(page, openings) * 2 > count else 0.0
    forms = {
        form: sum(1 for opening in openings if opening.form == form)
        for form in (
            "origin",
            "fields",
            "mail",
            "runin",
            "closing",
            "sourced",
            "channel",
            "credits",
            "labelled",
            "cited",
            "ruled",
        )
    }
    return Detection(
        "digest",
        round(min(score, 0.95), 3),
        parsed=(lines, page, openings),
        evidence=f"{count} articles: {forms['origin']} with an origin line, "
        f"{forms['fields']} field blocks, {forms['mail']} mail messages, {forms['runin']} run-in headlines, "
        f"{forms['closing']} closed by a credit line, {forms['sourced']} by a source line, "
        f"{forms['channel']} channel posts, {forms['labelled']} labelled headlines, "
        f"{forms['cited']} cited outlets, {forms['ruled']} headlines under rules, "
        f"{forms['credits']} headline + "
        f"byline/date; {ruled} separated by rules",
    )


def segment(
    result: Segmented,
    doc_id: str,
    lines: Sequence[Line],
    config: SegmentConfig,
    parsed: object = None,
) -> None:
    if parsed is None:  # a manifest's layout: read as detection would have
        found = detect(lines, config)
        parsed = found.parsed if found is not None else None
    if isinstance(parsed, MailedListing):
        notices = {**_mailed_masthead(lines), **_mailing_notice(lines)}
        if notices:  # the mailing's notices are no items: dropped, then the items read again
            add_dropped(result, doc_id, lines, notices)
            lines = [
                Line(line.index, line.start, " " * len(line.raw)) if line.index in notices else line
                for line in lines
            ]
            again = listing.detect(lines, config)
            parsed = MailedListing(again.parsed if again is not None else None)
        listing.segment(result, doc_id, lines, config, parsed.parsed)
        for post in result.posts:
            if post["kind"] == "teaser":
                post["kind"] = "digest_article"
        return
    if isinstance(parsed, tuple):  # what detect read: the run-in split lines, the openings
        lines, page, openings = parsed
    else:
        lines = split_runins(lines, config.max_title_chars)
        page, openings = find_openings(lines, config)
    if not openings:
        _add_whole(result, doc_id, lines, config)
        return
    roles = {line.index: role for line, role in zip(page.filled, page.roles, strict=True)}
    preamble = lines[: openings[0].begin]
    begin = openings[0].begin
    first = next((at for at, line in enumerate(page.filled) if line.index >= begin), 0)
    issue = _issue_date(page, first)
    _add_preamble(result, doc_id, preamble, roles, config, openings, issue)
    bounds = [*(opening.begin for opening in openings), len(lines)]
    regions = [lines[begin:end] for begin, end in itertools.pairwise(bounds)]
    shared = _shared_closings(regions)
    ruled = any(opening.ruled for opening in openings)
    for number, (opening, region) in enumerate(zip(openings, regions, strict=True)):
        last = number == len(openings) - 1
        footer = _footer(region, opening, roles) if ruled and last else []
        footer = footer or (_contact_footer(region, roles) if last else [])
        if last:
            footer = [*footer, *_sign_off(region, roles, _masthead(preamble, roles))]
        if number in shared:
            footer = [*footer, shared[number]]
            if last and opening.closing is None:
                opening.closing = shared[number]
        if last and number and opening.closing is None and (more := _more_closing(regions)):
            footer = [*footer, more]
            opening.closing = more
        if opening.robot:
            _add_chrome(result, doc_id, region)
            continue
        if last and opening.closing is None and (stamp := _post_stamp(region, roles)):
            opening.meta.append(stamp)  # the page post's own byline, under its last item
            opening.closing = stamp
        _add_article(result, doc_id, region, opening, roles, config, footer)


MAX_MORE_CHARS = 120
"""Longest read-more link closing an article ('Read more of this story at <Outlet>.')."""


def _more_closing(regions: Sequence[Sequence[Line]]) -> Line | None:
    """The read-more link that closes the last article when every article before it closes
    on one, in any words ('Read more of this story at <Outlet>.', 'Continue reading'):
    what follows it is the page's footer (a feed mailer's subscription notice). None
    otherwise."""
    for region in regions[:-1]:
        filled = [line for line in region if not line.is_blank]
        if not filled or len(filled[-1].text) > MAX_MORE_CHARS:
            return None
        if not READ_MORE.match(filled[-1].text):
            return None
    return next(
        (
            line
            for line in regions[-1]
            if not line.is_blank and len(line.text) <= MAX_MORE_CHARS and READ_MORE.match(line.text)
        ),
        None,
    )


def _post_stamp(region: Sequence[Line], roles: dict[int, str]) -> Line | None:
    """The byline with a clock time that closes the page's one post under the text of its
    last item ('Posted by <name> at 6:12 AM No comments:'): the round-up's own footer,
    kept out of the item's text, never dropped; what follows it (share links, a comment
    form) is chrome."""
    prose = False
    for line in region:
        role = roles.get(line.index)
        if role == "prose":
            prose = True
        elif prose and role in {"byline", "date"} and CLOCK.search(line.text):
            return line if find_byline(line.text) else None
    return None


MIN_SHARED_CLOSINGS = 2
"""Fewest articles (the last one aside) that close on the same line for that line to be
their furniture."""
MAX_SHARED_CLOSING_WORDS = 8


def _shared_closings(regions: Sequence[Sequence[Line]]) -> dict[int, Line]:
    """The line that every article closes on, word for word ('Read article (external)',
    'Back to top') or one link of one shape with the item's own part ('<domain> – Share',
    'Read more at <Outlet>': :func:`_closing_key`; with no number or byline), by article
    number: a link or label
    the page repeats under each item, furniture, never the article's text. The last article holds it too, and what follows
    it there is the page's footer. Empty when the articles close differently, when the
    line is long or a sentence (a refrain of the text), or when it holds no letter (a
    rule)."""
    if len(regions) <= MIN_SHARED_CLOSINGS:
        return {}
    closings: dict[int, Line] = {}
    for number, region in enumerate(regions[:-1]):
        filled = [line for line in region if not line.is_blank]
        if not filled:
            return {}
        closings[number] = filled[-1]
    texts = {line.text for line in closings.values()}
    key = _closing_key(texts)
    if key is None or any(not _is_closing_link(text) for text in texts):
        return {}
    if len(texts) > 1 and any(_own_credit(text) for text in texts):
        return {}  # '<Agency>, <date>', '— <Name>' under each item: each item's own credit
    last = next((line for line in regions[-1] if _closing_key({*texts, line.text})), None)
    if last is None:
        return {}
    closings[len(regions) - 1] = last
    return closings


def _own_credit(text: str) -> bool:
    """A closing line that credits its item: a number (a date, a page), a byline or a
    signature ('— <Name>')."""
    return bool(DIGITS.search(text) or credit_byline(text) or signature_name(text))


def _link_shape(text: str) -> str:
    """A line's shape: every word one letter, every number one digit, other marks as they
    are ('siberiareport.example – Share' reads 'a – a')."""
    return " ".join(
        "a" if any(char.isalpha() for char in word) else "0" if word.isdigit() else word
        for word in text.split()
    )


def _closing_key(texts: set[str]) -> str | None:
    """The shape closing lines share when they are one link repeated, word for word or
    with its item's own part ('<domain> – Share', 'Read more at <Outlet>'): one shape
    and the same first or last word (a word, not a mark); else None."""
    shapes = {_link_shape(text) for text in texts}
    if len(shapes) != 1 or not all(text.split() for text in texts):
        return None
    firsts = {text.split()[0].casefold() for text in texts}
    lasts = {text.split()[-1].casefold() for text in texts}
    shared = [*(firsts if len(firsts) == 1 else ()), *(lasts if len(lasts) == 1 else ())]
    if not any(any(char.isalpha() for char in word) for word in shared):
        return None  # '— <Name>': only a mark in common
    return shapes.pop()


def _is_closing_link(text: str) -> bool:
    """A short line with a letter that is no sentence: a link or label, not a refrain of
    the text, not a rule (which opens the next article as well)."""
    if word_count(text) > MAX_SHARED_CLOSING_WORDS or ends_sentence(text):
        return False
    return any(char.isalpha() for char in text)


MIN_MASTHEAD_CHARS = 8
MAX_SIGN_OFF_LINES = 4


def _masthead(preamble: Sequence[Line], roles: dict[int, str]) -> str | None:
    """The name on a newsletter's masthead: the preamble's first line, a headline."""
    first = next((line for line in preamble if not line.is_blank), None)
    if first is None or roles.get(first.index) != "head" or len(first.text) < MIN_MASTHEAD_CHARS:
        return None
    return first.text


def _sign_off(region: Sequence[Line], roles: dict[int, str], masthead: str | None) -> list[Line]:
    """A newsletter's sign-off closing its last article: a line among the region's last
    few that names the masthead ('Thanks for reading <Newsletter>…'), and what follows it,
    when no paragraph follows it; else nothing. It names no author and no date."""
    if masthead is None:
        return []
    filled = [line for line in region if not line.is_blank]
    for at in range(max(0, len(filled) - MAX_SIGN_OFF_LINES), len(filled)):
        line = filled[at]
        if masthead not in line.text or find_date(line.text) or credit_byline(line.text):
            continue
        rest = filled[at + 1 :]
        if all(roles.get(other.index) != "prose" for other in rest):
            return [line for line in region if line.index >= filled[at].index]
        return []
    return []


def _add_chrome(result: Segmented, doc_id: str, region: Sequence[Line]) -> None:
    """A region that is chrome whole (a list's standing information in its digest)."""
    dropped = find_boilerplate(region)
    for line in region:
        if not line.is_blank:
            dropped.setdefault(line.index, drop_rule(line.text))
    add_dropped(result, doc_id, region, dropped)


def _add_whole(
    result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig
) -> None:
    dropped = find_boilerplate(lines)
    add_dropped(result, doc_id, lines, dropped)
    _add_region_post(result, doc_id, lines, dropped, config)


def _add_region_post(
    result: Segmented,
    doc_id: str,
    region: Sequence[Line],
    dropped: Mapping[int, str],
    config: SegmentConfig,
    head: PostHead | None = None,
    title_is_first_line: bool = False,
) -> None:
    """Add the region's post (a ``digest_article``, next in order), if anything but
    boilerplate is left of it; `head` and `title_is_first_line` as in :func:`build_post`."""
    add_post(
        result,
        build_post(
            doc_id=doc_id,
            ordinal=len(result.posts),
            kind="digest_article",
            region=region,
            dropped=dropped,
            rules=config.block_rules(),
            title_is_first_line=title_is_first_line,
            head=head,
        ),
    )


def _add_preamble(
    result: Segmented,
    doc_id: str,
    preamble: Sequence[Line],
    roles: dict[int, str],
    config: SegmentConfig,
    openings: Sequence[Opening] = (),
    issue: str | None = None,
) -> None:
    """Masthead and contents are chrome. A preamble with a long paragraph holds the
    editor's introduction to the issue (its sentences of prose): a post of its own,
    untitled, before the items, unless it is a press review's lead announcing the items
    quoted below it (``digest_summary``); it is dated by the issue (`issue`) and signed by
    the preamble's one byline ('Posted on <date> by <name>'), which stays in its span. A
    preamble of short lines only (a greeting, a motto) is chrome, as the real-format gold
    counts an issue's posts: its items."""
    if not any(not line.is_blank for line in preamble):
        return
    long = [line for line in preamble if word_count(line.text) >= MIN_PREAMBLE_WORDS]
    summary = _review_summary(long, openings)
    dropped = find_boilerplate(preamble)
    intro = [] if summary or not long else _introduction(preamble, roles, dropped)
    bylines = [line for line in preamble if _preamble_byline(line, roles)] if intro else []
    author = find_byline(bylines[0].text) if len(bylines) == 1 else None
    signed = frozenset({bylines[0].index}) if author else frozenset()
    for line in preamble:
        if line.is_blank or line.index in signed:
            continue
        if line.index not in dropped and line not in intro:
            dropped[line.index] = "digest_summary" if line in summary else drop_rule(line.text)
    add_dropped(result, doc_id, preamble, dropped)
    if intro:
        head = PostHead(published=issue, author=author, meta_lines=signed)
        _add_region_post(result, doc_id, preamble, dropped, config, head)


def _preamble_byline(line: Line, roles: dict[int, str]) -> bool:
    """A byline in a digest's preamble: 'By <name>', or a dated line that names someone
    ('Posted on <date> by <handle>')."""
    if roles.get(line.index) not in {"byline", "date"} or len(line.text) > MAX_CHROME_CHARS:
        return False
    return find_byline(line.text) is not None and (
        roles.get(line.index) == "byline" or find_date(line.text) is not None
    )


MIN_INTRO_WORDS = 6
"""Fewest words of a shorter preamble sentence read as the editor's introduction."""
READER_ADDRESS = re.compile(
    r"\b(?:we|our|us|you|your|i|my|hello|hi|welcome|dear|good (?:morning|evening|afternoon)"
    r"|мы|нас|наш\w*|вы|вас|ваш\w*|я|здравствуйте|добрый|wir|unser\w*|nous|vous)\b",
    re.IGNORECASE,
)
"""A word by which an editor speaks to the reader (a pronoun of the first or second
person, a greeting): a masthead's motto, a disclaimer and a list's standing notes are
written in the third person. An instruction ('please …') is a list's standing note."""
PLEASE = re.compile(r"\b(?:please|пожалуйста|bitte)\b", re.IGNORECASE)
SPONSOR_LABEL = re.compile(
    r"^(?:sponsored|presented|brought to you|together with|in partnership with|advertisement"
    r"|partner content|реклама|партн[её]рский материал)\b",
    re.IGNORECASE,
)
"""The label over a sponsor's block ('Sponsored by <firm>', 'TOGETHER WITH <FIRM>'): the
prose under it speaks to the reader too, but it is an advertisement."""


def _introduction(
    preamble: Sequence[Line], roles: dict[int, str], dropped: dict[int, str]
) -> list[Line]:
    """The paragraphs of prose in a digest's preamble that boilerplate does not claim and
    that are the editor's: a line of many words (:data:`MIN_PREAMBLE_WORDS`), or a
    sentence that speaks to the reader (:data:`READER_ADDRESS`); none from a sponsor's
    label on (:data:`SPONSOR_LABEL`). None when no such line stands there."""

    def is_intro(line: Line) -> bool:
        if line.is_blank or line.index in dropped or roles.get(line.index) != "prose":
            return False
        words = word_count(line.text)
        if words >= MIN_PREAMBLE_WORDS:
            return True
        if words < MIN_INTRO_WORDS or _is_mail_chrome(line.text) or PLEASE.search(line.text):
            return False
        return ends_sentence(line.text) and bool(READER_ADDRESS.search(line.text))

    intro = []
    for line in preamble:
        if SPONSOR_LABEL.match(line.text.lstrip()):
            break
        if is_intro(line):
            intro.append(line)
    return intro


SUMMARY_STEM = 5
"""Letters of a word compared when a lead names a headline's story ('вице-мэров' and
'вице-мэра', 'regions' and 'regional'); shorter words are not compared."""


def _stems(text: str) -> set[str]:
    return {
        word[:SUMMARY_STEM]
        for word in re.findall(r"[^\W\d_][\w-]*", text.casefold())
        if len(word) >= SUMMARY_STEM
    }


def _review_summary(long: Sequence[Line], openings: Sequence[Opening]) -> list[Line]:
    """The lead paragraphs of a press review (every opening an outlet's item, three or
    more) that name the stories below: together they share a word with at least half of
    the items' headlines, and with two at least, and give no absolute date. Else
    nothing."""
    if not long or len(openings) < 3 or any(o.form != "labelled" for o in openings):
        return []
    if any(find_date(line.text) for line in long):
        return []  # a dated lead is kept: a rule never drops a date
    lead = set().union(*(_stems(line.text) for line in long))
    named = sum(1 for opening in openings if lead & _stems(opening.title_text))
    return list(long) if named >= 2 and named * 2 >= len(openings) else []


def _is_post_furniture(text: str) -> bool:
    """'Filed under <category> | <n> Comments', 'Read more »' closing a post."""
    return len(text) <= 200 and bool(ITEM_FOOTER.search(text) or READ_MORE.match(text))


MONTH_NAV = re.compile(
    r"^(?=.*[«‹←»›→])(?:[«‹←]\s*[^\d«»‹›]{2,20}\s(?:19|20)\d\d)?\s*"
    r"(?:[^\d«»‹›]{2,20}\s(?:19|20)\d\d\s*[»›→])?$"
)
"""A month archive's links to the months around it: '« February 2019    April 2019 »'."""


NOTICE = re.compile(
    r"\b(?:(?:is|are) not responsible for (?:the |any )?(?:material|content|information|"
    r"opinions|views|accuracy)|не нес[её]т ответственности за (?:содержание|материал|"
    r"информаци|мнени)|при (?:любом )?(?:использовании|цитировании|перепечатке)\b.{0,60}?"
    r"\bссылк[аи]\b)",
    re.IGNORECASE,
)
"""A publisher's notice closing a page: '<Agency> is not responsible for the material
quoted', '… не несёт ответственности за …', 'При использовании материалов ссылка на
источник обязательна'."""
MAX_NOTICE_WORDS = 20


def _is_notice(text: str) -> bool:
    """A short publisher's notice (``NOTICE``), never a line with a byline or a date."""
    if word_count(text) > MAX_NOTICE_WORDS or NOTICE.search(text) is None:
        return False
    return find_date(text) is None and credit_byline(text) is None


def _trailing_chrome(region: Sequence[Line], roles: dict[int, str]) -> set[int]:
    """Pagination, copyright lines, rules and post footers closing a region, a publisher's
    notice as the region's last line ('<Agency> is not responsible for …'), with a short
    label above a pagination line ('Pages') and a list of related links above them; and a
    rights notice under a closing rule: a
    few short lines after the region's last rule, one of them a copyright line ('Copyright
    (c) <year> <Owner>.' 'Reproduction … is prohibited.')."""
    found = _rights_notice(region, roles)
    below_chrome = False
    filled = [line for line in region if not line.is_blank]
    for at in range(len(filled) - 1, -1, -1):
        line = filled[at]
        if line.index in found:
            continue
        role = roles.get(line.index)
        month_nav = MONTH_NAV.match(line.text.strip()) is not None
        notice = at == len(filled) - 1 and _is_notice(line.text)
        furniture = _is_post_furniture(line.text)
        if role in {"sep", "chrome", "image"} or month_nav or notice or furniture:
            found.add(line.index)
            below_chrome = role == "chrome" or month_nav
            continue
        if below_chrome and word_count(line.text) <= 2 and not ends_sentence(line.text):
            found.add(line.index)
            below_chrome = False
            continue
        found |= _related_links(filled, roles, at)
        break
    return found | _menus_below(region, roles)


MAX_MENU_WORDS = 8
POSTAL_ADDRESS = re.compile(r"^(?=(?:[^,]*,){2})[^!?]{8,120}\b(?:\d{5}(?:-\d{4})?|\d{6})$")
"""A sender's postal address closing a mailing: parts between commas, ending with a postcode
('<Company>, <street>, <city> <state> <country> <postcode>'), no sentence."""


def _menus_below(region: Sequence[Line], roles: dict[int, str]) -> set[int]:
    """The page's menus under the last paragraph: from the first chrome line below the
    region's last prose line ('Page 1 of 1 (4 results)', 'Messages in this topic (1)', 'You
    are subscribed to email updates from <blog>') to the end, when every line there is
    chrome, a row of links, a short line ending no sentence ('Search the site', '<list> -
    all messages') or the sender's postal address; else nothing."""
    filled = [line for line in region if not line.is_blank]
    last_prose = max(
        (
            at
            for at, line in enumerate(filled)
            if roles.get(line.index) == "prose" and not _is_mail_chrome(line.text)
        ),
        default=None,
    )
    if last_prose is None:
        return set()
    anchor = next(
        (
            at
            for at in range(last_prose + 1, len(filled))
            if roles.get(filled[at].index) == "chrome"
            or is_pagination(filled[at].text)
            or _is_mail_chrome(filled[at].text)
        ),
        None,
    )
    if anchor is None:
        return set()
    rest = filled[anchor:]

    def menu(line: Line) -> bool:
        text = line.text
        return bool(
            roles.get(line.index) in {"sep", "chrome", "image"}
            or _is_mail_chrome(text)
            or _is_post_furniture(text)
            or len(re.findall(r"\s[|•]\s", text)) >= 2
            or not any(char.isalnum() for char in text)
            or (word_count(text) <= MAX_MENU_WORDS and not ends_sentence(text))
            or POSTAL_ADDRESS.match(text) is not None
            or is_arrow_row(text)
        )

    return {line.index for line in rest} if all(menu(line) for line in rest) else set()


RELATED_LABEL = re.compile(
    r"^(?:related(?:\s+(?:posts|articles|stories|reading))?|you may also like|read also|"
    r"see also|more on this(?:\s+topic)?|more in\s+\S.{0,30}|читайте\s+также|смотрите\s+также|"
    r"по\s+теме)\s*:?$",
    re.IGNORECASE,
)
"""The label over a list of links to other articles ('Related', 'Read also', 'Читайте
также')."""
MAX_RELATED_LINKS = 6


def _related_links(filled: Sequence[Line], roles: dict[int, str], last: int) -> set[int]:
    """A related-links list ending at `filled[last]`: headline lines (up to
    ``MAX_RELATED_LINKS``) right under a 'Related' label, with the label; else nothing."""
    at = last
    while (
        at >= 0
        and last - at < MAX_RELATED_LINKS
        and roles.get(filled[at].index) == "head"
        and not RELATED_LABEL.match(filled[at].text)  # 'Read also' reads as a headline
    ):
        at -= 1
    if at == last or at < 0 or not RELATED_LABEL.match(filled[at].text):
        return set()
    return {line.index for line in filled[at : last + 1]}


def _rights_notice(region: Sequence[Line], roles: dict[int, str]) -> set[int]:
    """The last rule of `region` and the lines after it, when they are a short notice with
    a copyright line among them."""
    rules = [line for line in region if roles.get(line.index) == "sep"]
    if not rules:
        return set()
    tail = [line for line in region if line.index > rules[-1].index and not line.is_blank]
    if not tail or len(tail) > MAX_FOOTER_LINES or not any(has_copyright(x.text) for x in tail):
        return set()
    if any(word_count(line.text) >= MIN_PREAMBLE_WORDS for line in tail):
        return set()
    return {rules[-1].index, *(line.index for line in tail)}


def _footer(region: Sequence[Line], opening: Opening, roles: dict[int, str]) -> list[Line]:
    """The lines after the rule that closes the last article of a ruled digest (contact,
    subscription and copyright lines): a few short ones."""
    head_end = max(line.index for line in (opening.title, *opening.meta))
    rules = [line for line in region if line.index > head_end and roles.get(line.index) == "sep"]
    for rule in rules:  # the first rule after which only a short footer is left
        tail = [line for line in region if line.index > rule.index and not line.is_blank]
        kept = [line for line in tail if roles.get(line.index) != "sep"]
        if len(kept) <= MAX_FOOTER_LINES and not any(
            word_count(line.text) >= MIN_PREAMBLE_WORDS for line in kept
        ):
            return tail
    return []


MAX_CONTACT_WORDS = 40


def _contact_footer(region: Sequence[Line], roles: dict[int, str]) -> list[Line]:
    """The page's closing note under the last article: its last line, short, with an
    e-mail address ('Compiled by <service>. For subscriptions write to <address>'), under
    two prose paragraphs or more of the article. Nothing else."""
    filled = [line for line in region if not line.is_blank]
    if len(filled) < 3 or not EMAIL.search(filled[-1].text):
        return []
    if not 6 <= word_count(filled[-1].text) <= MAX_CONTACT_WORDS:
        return []
    prose = sum(1 for line in filled[:-1] if roles.get(line.index) == "prose")
    return [filled[-1]] if prose >= 2 else []


def _signer(body: Sequence[Line], roles: dict[int, str]) -> str | None:
    """The name signing the article's text ('— <Name>' on its last line, under prose)."""
    if len(body) < 2 or roles.get(body[-2].index) != "prose":
        return None
    return signature_name(body[-1].text)


def _bio_before_notes(body: Sequence[Line]) -> str | None:
    """The name of a bio line ('<Name> is a …') right above a notes heading."""
    for above, line in itertools.pairwise(body):
        match = BIO.match(above.text)
        if NOTES_HEADING.match(line.text) and match and len(above.text) <= 400:
            name = match.group("name")
            return None if name.split()[0] in NOT_NAME_STARTS else name
    return None


def _add_article(
    result: Segmented,
    doc_id: str,
    region: Sequence[Line],
    opening: Opening,
    roles: dict[int, str],
    config: SegmentConfig,
    footer: Sequence[Line] = (),
) -> None:
    dropped = find_boilerplate(region)
    known = {*([] if opening.untitled else [opening.title.index]), *(x.index for x in opening.meta)}
    if opening.form == "fields":  # a record's trailing fields ('LOAD-DATE: …') are no text
        known.update(
            line.index
            for line in region
            if roles.get(line.index) == "field"
            and (match := FIELD.match(line.text)) is not None
            and not (match.group("key").upper() in BODY_KEYS and match.group("value"))
        )
    for line in region:
        if line.index not in known and roles.get(line.index) in {"sep", "image"}:
            dropped[line.index] = drop_rule(line.text)
    for index in _trailing_chrome(region, roles):
        dropped.setdefault(index, "page_chrome")
    for line in [*opening.lead, *footer]:
        dropped[line.index] = drop_rule(line.text)
    if opening.closing is not None:  # post furniture after the closing credit line
        for line in region:
            if line.index > opening.closing.index and not line.is_blank:
                dropped.setdefault(line.index, drop_rule(line.text))
        above = [line for line in region if line.index < opening.closing.index]
        filled = [line for line in above if not line.is_blank]
        if filled and len(filled[-1].text) <= MAX_MORE_CHARS and READ_MORE.match(filled[-1].text):
            dropped.setdefault(filled[-1].index, drop_rule(filled[-1].text))  # its link
    for index in known:
        dropped.pop(index, None)
    body = [
        line
        for line in region
        if not line.is_blank and line.index not in dropped and line.index not in known
    ]
    author = opening.author or _bio_before_notes(body) or _signer(body, roles)
    if not body or (opening.form == "origin" and not opening.meta and author is None):
        head = None
    else:
        published = opening.published
        if published is None and opening.form == "credits":
            opener = next((line for line in body if roles.get(line.index) == "prose"), None)
            published = opening_date(opener.text) if opener else None
        head = PostHead(
            title=plain(opening.title_text) or None,  # a channel's posts have no headlines
            title_lines=frozenset() if opening.untitled else frozenset({opening.title.index}),
            author=author,
            published=published,
            meta_lines=frozenset(known - {opening.title.index}),
        )
    add_dropped(result, doc_id, region, dropped)
    _add_region_post(
        result, doc_id, region, dropped, config, head, title_is_first_line=head is None
    )
