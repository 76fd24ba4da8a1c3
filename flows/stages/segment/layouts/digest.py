"""Digests, month archives and newsletters: several full articles in one text, one
``digest_article`` post each.

An article opens in one of these shapes (placeholders in angle brackets):

* ``<headline>`` then an origin line ``First published <where>`` (nothing else needed);
* ``<headline>`` then credit lines in any order: a byline ``By <name>``, a date or dateline
  ``<date>`` / ``<Outlet> <date>``, a translator credit ``Translated by <name>``, an image
  placeholder, a short outlet line ``<Outlet>`` between or after them; then the text. The
  headline (three words or more) follows a blank line, a rule, a finished sentence or the
  start; a date line or a short label may sit right above it;
* a field block ``SOURCE: <outlet>`` ``DATE: <date>`` ``TITLE: <headline>``
  ``AUTHOR: <name>`` ``TEXT:`` (any order, any upper-case key or a known key in any case,
  rules between the fields allowed), on a page where a title field exists.

Articles are separated by rules (``________``, ``*******``, ``* * *``, ``----``) and
numbered item headers (``#<n>``), both dropped as ``separator``, or by nothing. A label
between a rule (or a boundary) and the headline is ``page_chrome``, a date line there is the
article's date. The masthead and table of contents (``<n>. <Source>: <Author>, <Title>``)
before the first article are ``page_chrome`` (a preamble with a long prose paragraph stays
a post of its own); so are pagination, copyright, link and post-footer lines closing an
article, and the few short lines after the rule that closes the last article of a ruled
digest (subscription and contact lines).

A post's title is the headline (never the outlet or dateline), its author the byline's name
(a translator is never the author; with no byline, a closing bio or signature, or a bio
right above the notes), its date the credits' date, else the date its first paragraph
opens with ('<date> -- <outlet> -- <text>').

Detected from two article openings or more. Openings read from credits only count when
most articles are full ones (two prose paragraphs or more) and not cut off; single-paragraph
items under a byline are a listing's teasers, '<Name>' over '<date>' is a comment header.
Scores: 0.75 for two articles, 0.88 from three; origin lines or field blocks on every
article add 0.04, rules between the articles 0.03.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.blocks import is_heading
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.footnotes import NOTES_HEADING
from flows.stages.segment.layouts import Detection
from flows.stages.segment.layouts.listing import (
    CLOCK,
    CUT_OFF,
    IMAGE_PLACEHOLDER,
    ITEM_FOOTER,
    LINK_NOTE,
    MAX_CHROME_CHARS,
    READ_MORE,
    SEPARATOR_LEAD,
    bare_name,
    chrome_rule,
    clean_name,
    credit_byline,
    credit_date,
    has_copyright,
    is_headline,
    is_pagination,
    is_separator,
    opening_date,
    prose_or_other,
)
from flows.stages.segment.lines import Line, ends_sentence, word_count
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import (
    BIO,
    NOT_NAME_STARTS,
    ORIGIN,
    TRANSLATOR_LINE,
    PostHead,
    build_post,
)

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig

KNOWN_FIELD = re.compile(
    r"^(?:source|date|title|headline|authors?|byline|publisher|publication|text|body|section|"
    r"length|language|url|link)\s*:",
    re.IGNORECASE,
)
FIELD = re.compile(
    r"^(?P<key>[A-Z][A-Z ]{1,20}|(?i:source|date|title|headline|authors?|byline|publisher|"
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
BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
CREDIT_ROLES = frozenset({"origin", "translator", "byline", "date"})
ORIGIN_ROLES = frozenset({"origin", "translator"})
"""Credit lines left in the post's region for :func:`build_post` to read (origin, translator)."""
NAME_LIKE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,2}$")
MIN_PREAMBLE_WORDS = 40
MAX_FOOTER_LINES = 6
MIN_HEADLINE_WORDS = 3


def drop_rule(text: str) -> str:
    """``separator`` for a rule or a numbered item header, else ``page_chrome``."""
    return "separator" if ITEM_NUMBER.match(text) else chrome_rule(text)


def line_role(text: str, max_title_chars: int) -> str:
    """sep, image, chrome, field, origin, translator, byline, date, head, prose or other."""
    if len(text) > MAX_CHROME_CHARS:
        return prose_or_other(text)
    if is_separator(text) or ITEM_NUMBER.match(text) or SEPARATOR_LEAD.match(text):
        return "sep"
    if IMAGE_PLACEHOLDER.match(text) or LINK_NOTE.match(text):
        return "image"
    if is_pagination(text) or has_copyright(text):
        return "chrome"
    if ORIGIN.match(text):
        return "origin"
    if TRANSLATOR_LINE.match(text):
        return "translator"
    if credit_byline(text):
        return "byline"
    if credit_date(text) and not CLOCK.search(text):
        return "date"
    if is_headline(text, max_title_chars):
        return "head"
    return prose_or_other(text)


@dataclass
class Opening:
    """Where an article starts and what its head says."""

    form: str
    """``origin``, ``credits`` or ``fields``."""
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
        return cls(filled, roles)


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


def _is_short_label(page: Page, position: int) -> bool:
    """A short line that is no sentence: an outlet, a section label or a headline."""
    text = page.filled[position].text
    return page.roles[position] in {"head", "other"} and word_count(text) <= 8


def _is_heading_line(page: Page, position: int) -> bool:
    """A headline or a short label."""
    return page.roles[position] == "head" or _is_short_label(page, position)


def _credit_block(page: Page, first: int) -> int:
    """The last position of the credit lines from `first`: credits, image placeholders and
    headline or outlet lines between them."""
    last = first
    here = first + 1
    while here < len(page.roles):
        role = page.roles[here]
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


def _text_follows(page: Page, after: int) -> bool:
    """An article's text comes next: prose within three lines, no credit or rule before."""
    for here in range(after, min(after + 3, len(page.roles))):
        role = page.roles[here]
        if role == "prose":
            return True
        if role not in {"head", "other"}:
            return False
    return False


def _head_group(lines: Sequence[Line], page: Page, first: int) -> list[int] | None:
    """Positions of the short lines (headline, outlet or section label, date line) between
    a boundary and the credits at `first`, at most four."""
    group: list[int] = []
    for here in range(first - 1, max(-1, first - 5), -1):
        role = page.roles[here]
        if role not in {"date", "head"} and not _is_short_label(page, here):
            return None
        group.insert(0, here)
        if _after_boundary(lines, page, here):
            return group
    return None


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
    if after < len(page.roles) and _is_heading_line(page, after) and _text_follows(page, after + 1):
        last = after  # a headline or outlet line closing the head
        after += 1
    if not _text_follows(page, after):
        return None
    group = _head_group(lines, page, first)
    if group is None:
        return None
    zone = [*group, *range(first, last + 1)]
    credited = [here for here in zone if page.roles[here] in {"byline", "translator", "origin"}]
    title_at = _pick_title(page, [here for here in zone if not credited or here < credited[0]])
    if title_at is None:
        return None
    title = page.filled[title_at]
    if word_count(title.text) < MIN_HEADLINE_WORDS:
        return None
    if kinds <= {"date", "image"} and NAME_LIKE.match(title.text):
        return None  # '<Name>' over '<date>': a comment header, not a headline
    meta = [
        page.filled[here]
        for here in zone
        if here != title_at
        and (here > title_at or page.roles[here] == "date")
        and page.roles[here] not in ORIGIN_ROLES | {"image"}
    ]
    opening = Opening("credits", title, title.text, title.index, meta)
    opening.lead = [
        page.filled[here] for here in zone if here < title_at and page.roles[here] != "date"
    ]
    opening.begin = page.filled[zone[0]].index
    for here, below in itertools.pairwise(zone):
        plain = here > title_at and page.roles[here] in {"head", "other"}
        if plain and page.roles[below] == "translator" and opening.author is None:
            opening.author = bare_name(page.filled[here].text)  # '<Name>' over 'Translated by'
    return opening


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


def _field_openings(page: Page) -> list[Opening]:
    """One opening per run of field lines (rules allowed inside) that has a title field."""
    openings: list[Opening] = []
    position = 0
    while position < len(page.roles):
        if page.roles[position] != "field":
            position += 1
            continue
        end = position
        while end + 1 < len(page.roles) and page.roles[end + 1] in {"field", "sep"}:
            end += 1
        opening = _read_fields(page, position, end)
        if opening is not None:
            openings.append(opening)
        position = end + 1
    return openings


def _read_fields(page: Page, first: int, last: int) -> Opening | None:
    fields: list[tuple[Line, str, str]] = []
    for line, role in zip(page.filled[first : last + 1], page.roles[first : last + 1], strict=True):
        match = FIELD.match(line.text) if role == "field" else None
        if match:
            fields.append((line, match.group("key"), (match.group("value") or "").strip()))
    titles = [(line, value) for line, key, value in fields if key.upper() in TITLE_KEYS and value]
    if not titles:
        return None
    title, title_text = titles[0]
    opening = Opening("fields", title, title_text, fields[0][0].index)
    for line, key, value in fields:
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


def find_openings(lines: Sequence[Line], config: SegmentConfig) -> tuple[Page, list[Opening]]:
    """The text's lines with roles, and its article openings in reading order."""
    page = Page.read(lines, config.max_title_chars)
    by_title = {opening.title.index: opening for opening in _field_openings(page)}
    in_fields = {line.index for opening in by_title.values() for line in opening.meta}
    for position, line in enumerate(page.filled):
        if line.index in in_fields or line.index in by_title:
            continue
        opening = _origin_opening(page, position, config.max_title_chars)
        role = page.roles[position]
        starts_block = role in CREDIT_ROLES | {"image"} and (
            position == 0 or page.roles[position - 1] not in CREDIT_ROLES | {"image"}
        )
        if opening is None and starts_block:
            opening = _credits_opening(lines, page, position)
        if opening is not None and opening.title.index not in by_title:
            by_title[opening.title.index] = opening
    openings = _drop_nested(sorted(by_title.values(), key=lambda opening: opening.begin))
    positions = {line.index: position for position, line in enumerate(page.filled)}
    floor = -1
    for opening in openings:
        first = positions[opening.begin]
        _read_lead(page, opening, first, floor)
        _read_credits(opening)
        floor = max(positions[line.index] for line in (opening.title, *opening.meta))
    return page, openings


def _drop_nested(openings: Sequence[Opening]) -> list[Opening]:
    """An opening whose headline is another opening's credit line is no opening."""
    owned = {line.index for opening in openings for line in opening.meta}
    return [opening for opening in openings if opening.title.index not in owned]


def _read_lead(page: Page, opening: Opening, first: int, floor: int) -> None:
    """A rule up to three short lines above the opening starts its region; a date line
    between them is the article's date, other lines are labels (chrome)."""
    for above in range(first - 1, max(floor, first - 5), -1):
        role = page.roles[above]
        if role == "sep":
            lead = page.filled[above + 1 : first]
            opening.begin = lead[0].index if lead else opening.begin
            opening.ruled = True
            for line, lead_role in zip(lead, page.roles[above + 1 : first], strict=True):
                if lead_role == "date":
                    opening.meta.append(line)
                else:
                    opening.lead.append(line)
            return
        if role in {"prose", "origin", "translator", "byline"}:
            return


def _read_credits(opening: Opening) -> None:
    for line in opening.meta:
        if opening.author is None:
            opening.author = credit_byline(line.text)
        if opening.published is None and (found := find_date(line.text)):
            opening.published = found[0]


def _article_stats(page: Page, openings: Sequence[Opening]) -> tuple[int, int]:
    """(articles with two prose paragraphs or more, articles whose last one is cut off)."""
    prose_by_article: list[list[Line]] = [[] for _ in openings]
    starts = [opening.begin for opening in openings]
    for line, role in zip(page.filled, page.roles, strict=True):
        number = bisect.bisect_right(starts, line.index) - 1
        if role == "prose" and number >= 0:
            prose_by_article[number].append(line)
    full = sum(1 for prose in prose_by_article if len(prose) >= 2)
    cut = sum(1 for prose in prose_by_article if prose and CUT_OFF.search(prose[-1].text))
    return full, cut


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    page, openings = find_openings(lines, config)
    count = len(openings)
    if count < 2:
        return None
    strong = sum(1 for opening in openings if opening.form != "credits")
    if strong < count:
        full, cut = _article_stats(page, openings)
        solid = strong + full
        if solid < 2 or solid * 2 < count or cut * 2 > count:
            return None
    ruled = sum(1 for opening in openings[1:] if opening.ruled)
    score = 0.75 if count == 2 else 0.88
    score += 0.04 if strong == count else 0.0
    score += 0.03 if ruled >= count - 1 else 0.0
    forms = {form: sum(1 for o in openings if o.form == form) for form in ("origin", "fields")}
    return Detection(
        "digest",
        round(min(score, 0.95), 3),
        f"{count} articles: {forms['origin']} with an origin line, {forms['fields']} field "
        f"blocks, {count - strong} headline + byline/date; {ruled} separated by rules",
    )


def segment(result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig) -> None:
    page, openings = find_openings(lines, config)
    if not openings:
        _add_whole(result, doc_id, lines, config)
        return
    roles = {line.index: role for line, role in zip(page.filled, page.roles, strict=True)}
    preamble = lines[: openings[0].begin]
    _add_preamble(result, doc_id, preamble, roles, config)
    bounds = [*(opening.begin for opening in openings), len(lines)]
    ruled = any(opening.ruled for opening in openings)
    for number, (opening, (begin, end)) in enumerate(
        zip(openings, itertools.pairwise(bounds), strict=True)
    ):
        region = lines[begin:end]
        footer = _footer(region, opening, roles) if ruled and number == len(openings) - 1 else []
        _add_article(result, doc_id, region, opening, roles, config, footer)


def _add_whole(
    result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig
) -> None:
    dropped = find_boilerplate(lines)
    add_dropped(result, doc_id, lines, dropped)
    add_post(
        result,
        build_post(
            doc_id=doc_id,
            ordinal=len(result.posts),
            kind="digest_article",
            region=lines,
            dropped=dropped,
            rules=config.block_rules(),
        ),
    )


def _add_preamble(
    result: Segmented,
    doc_id: str,
    preamble: Sequence[Line],
    roles: dict[int, str],
    config: SegmentConfig,
) -> None:
    """Masthead and contents are chrome; a preamble with a long paragraph is a post."""
    if not any(not line.is_blank for line in preamble):
        return
    dropped = find_boilerplate(preamble)
    if any(word_count(line.text) >= MIN_PREAMBLE_WORDS for line in preamble):
        add_dropped(result, doc_id, preamble, dropped)
        add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=len(result.posts),
                kind="digest_article",
                region=preamble,
                dropped=dropped,
                rules=config.block_rules(),
            ),
        )
        return
    for line in preamble:
        if not line.is_blank and line.index not in dropped:
            dropped[line.index] = drop_rule(line.text)
    add_dropped(result, doc_id, preamble, dropped)


def _is_post_furniture(text: str) -> bool:
    """'Filed under <category> | <n> Comments', 'Read more »' closing a post."""
    return len(text) <= 200 and bool(ITEM_FOOTER.search(text) or READ_MORE.match(text))


def _trailing_chrome(region: Sequence[Line], roles: dict[int, str]) -> set[int]:
    """Pagination, copyright lines, rules and post footers closing a region, with a short
    label above a pagination line ('Pages')."""
    found: set[int] = set()
    below_chrome = False
    for line in reversed(region):
        if line.is_blank:
            continue
        role = roles.get(line.index)
        if role in {"sep", "chrome", "image"} or _is_post_furniture(line.text):
            found.add(line.index)
            below_chrome = role == "chrome"
            continue
        if below_chrome and word_count(line.text) <= 2 and not ends_sentence(line.text):
            found.add(line.index)
            below_chrome = False
            continue
        break
    return found


def _footer(region: Sequence[Line], opening: Opening, roles: dict[int, str]) -> list[Line]:
    """The lines after the rule that closes the last article of a ruled digest (contact,
    subscription and copyright lines): a few short ones."""
    head_end = max(line.index for line in (opening.title, *opening.meta))
    rules = [line for line in region if line.index > head_end and roles.get(line.index) == "sep"]
    if not rules:
        return []
    tail = [line for line in region if line.index > rules[-1].index and not line.is_blank]
    if len(tail) > MAX_FOOTER_LINES or any(
        word_count(line.text) >= MIN_PREAMBLE_WORDS for line in tail
    ):
        return []
    return tail


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
    known = {opening.title.index, *(line.index for line in opening.meta)}
    for line in region:
        if line.index not in known and roles.get(line.index) in {"sep", "image"}:
            dropped[line.index] = drop_rule(line.text)
    for index in _trailing_chrome(region, roles):
        dropped.setdefault(index, "page_chrome")
    for line in [*opening.lead, *footer]:
        dropped[line.index] = drop_rule(line.text)
    for index in known:
        dropped.pop(index, None)
    body = [
        line
        for line in region
        if not line.is_blank and line.index not in dropped and line.index not in known
    ]
    author = opening.author or _bio_before_notes(body)
    if not body or (opening.form == "origin" and not opening.meta and author is None):
        head = None
    else:
        published = opening.published
        if published is None and opening.form == "credits":
            opener = next((line for line in body if roles.get(line.index) == "prose"), None)
            published = opening_date(opener.text) if opener else None
        head = PostHead(
            title=opening.title_text,
            title_lines=frozenset({opening.title.index}),
            author=author,
            published=published,
            meta_lines=frozenset(line.index for line in opening.meta),
        )
    add_dropped(result, doc_id, region, dropped)
    add_post(
        result,
        build_post(
            doc_id=doc_id,
            ordinal=len(result.posts),
            kind="digest_article",
            region=region,
            dropped=dropped,
            rules=config.block_rules(),
            title_is_first_line=head is None,
            head=head,
        ),
    )
