"""Comment lists with no action row under their comments, found from one repeated line
shape: each comment is signed by a short line that names its author and stamps it, above
its text (a header) or below it (a signature), the same shape every time. Blog comment
sections, guestbooks, discussion pages and comment pop-ups of many engines scrape so::

    Anna K. | March 4, 2008             Posted by Marek W at March 3, 2006 09:14 AM
    <text>                              — Pavel Rudin, 3 May 2014
    Андрей Ф.                           #212 Irina (Kazan) 03.05.2014 14:22
    02.05.2014, 17:15

A signing line holds one stamp (a date, a time, an age; a weekday beside it) and, outside
it, words and separators only: its *shape* is the sequence of its token classes (words,
numbers, separators, the stamp), runs of words counted as one; a count in brackets ('[24
favorites]') is a number, an edit mark closing the line a flag of its comment, outside the
shape. A name line directly over a line that is only a stamp is a signing pair, shaped by
its name line. Lines of one shape are one group; within it, a run of words that reads the
same on every line is the engine's label ('Posted by', 'said...'), and the one run that
varies, its common first and last words aside, is the author's name.

A group signs comments when it has `MIN_SIGNATURES` lines or more, two authors at least,
each name name-shaped, prose between every two lines and mostly prose there, with no row
of actions (lists that print one are :mod:`.stamped_header`'s). Above or below: the side
the lines are glued to, else a header's first occurrence has the page top above it and
a body under it, a signature has a body above it and the page's furniture (a form, a
footer) under its last occurrence. Either way the lines that border the bodies must read
as text, half of them whole sentences at least: what a digest's byline or a listing's
meta row borders is a headline (a line without a sentence's end, in title case, or one
the page repeats), and that group is no comment list; a comment's number ('#2') and a
poster's block naming the signer ('2. name', 'name  Member': no prose) are neither text
nor furniture there. Posts an article quotes are none either: the first header stands
right under a sentence of its text, or the first signature's text runs up into it or
hangs under its head (byline, dateline).

Comments are flat: nesting is the signing line's indentation, where there is one, and a
body opening with '@<earlier commenter>' answers that comment. The text above the first
comment is the opening post (an article, read as under any comment section) or, with no
running text, the head of a comments page; a first header (or a first signed text) with
nothing but a page top above it, on a thread's first page, opens the thread, unless a line
above counts all the headers as comments ('5 messages') or, above signed texts, names the
page a comments page ('Comments: <title>').
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from flows.stages.segment.grammars._common import (
    QUOTE_ATTRIBUTION,
    Opening,
    has_article,
    has_text,
    is_prose,
    is_stamp,
    next_content,
    opening_head,
    page_number,
    previous_content,
    quoted_lines,
    stub_head,
    topic_title,
)
from flows.stages.segment.grammars.stamped_header import EDIT_MARK, is_action_row
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import (
    AGE,
    CLOCK,
    NAME_PARTICLES,
    WEEKDAY,
    find_byline,
    find_date,
    is_dateline,
)
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header
from flows.stages.segment.votes import REACTION_COUNTS

NAME = "signature_lines"
GENERIC = True

MIN_SIGNATURES = 3
MAX_LINE_CHARS = 120
MAX_LABEL_WORDS = 8
"""Words a signing line may hold outside its stamp (label and name together)."""
MAX_NAME_WORDS = 4
MAX_NAME_CHARS = 40
MAX_FURNITURE_SHARE = 3
"""One line in this many between the signings may be no prose (a list item, a short
reply); a listing's items hold more (tags, 'Read more', counters)."""
MIN_WRAPPED_WORDS = 8
MIN_TITLE_CASE_WORDS = 3
"""Long words (four letters or more) a line needs before its capitals make it a title."""
WRAP_SLACK = 1.25
"""How much longer than a wrapped line the line after it may be (a ragged right edge)."""
PAGE_LABEL = re.compile(r"^[^\W\d_]+:\s+(?P<title>\S.{10,})$")
"""A comments page's title that names the page before the article ('Comments: <title>',
'Discussion: <title>'): the title is what follows the label."""
TOP_LINES = 5
"""Lines above the first comment searched for the count of comments."""

STAMP_JOIN = re.compile(r"^[\s,@|/–—-]*(?:(?:at|on|um|в)\s*)?[\s,@–—-]*$", re.IGNORECASE)
"""What may stand between the parts of one stamp ('March 3, 2006 09:14 AM', 'May 3, 2014
at 4:12 pm', 'Fri, 05/02/2014 - 18:30', '02.05.2014, 17:15')."""
TOKEN = re.compile(
    r"\([^()]{0,40}\)|\[[^\[\]]{0,40}\]|[|·•—–:;,/]|-(?=\s|$)"
    r"|[^\s|·•—–:;,/()\[\]]+"
)
SEPARATOR = re.compile(r"^[|·•—–:;,/-]$")
NUMBER = re.compile(r"^(?:#|№)?\d{1,7}[.)]?$|^[(\[]\d{1,7}(?:\s+[^\W\d_]+){0,2}[)\]]$")
"""A number, or a count in brackets after the stamp ('[24 favorites]', '(3 replies)'): the
count differs from line to line, so it is no part of the name."""
ASIDE = re.compile(r"\s*\([^()]*\)$")
"""A parenthesised note after a name: the poster's town, 'not verified'."""
ZONE = re.compile(r"^\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d\d)?)?\)?$")
"""A time zone after a stamp ('UTC', '(MSK)', 'GMT+4')."""
NAME_END = re.compile(r"(?:(?:^|\s)[^\W\d_]\.|\.\.\.|…)$")
"""How a name line may end in a point: an initial ('Anton K.'), an ellipsis ('said...')."""
ATTRIBUTION = re.compile(r"(?:wrote|написал[аи]?)\s*:\s*$", re.IGNORECASE)
"""A quotation's attribution ('On <date>, <name> wrote:'): no comment's own line."""
MAX_ATTRIBUTION_CHARS = 120
TRAILING_EDIT = re.compile(rf"\s*[|·•,]?\s*\(?{EDIT_MARK.pattern}\)?\s*$", re.IGNORECASE)
"""An edit mark closing a signing line after its stamp ('Mar 7, 2024 • edited',
'12:40 (edited)'): a flag of that comment, no part of the line's shape."""
"""The longest line read as a quote's attribution (a sentence ending 'he said:' is text)."""


@dataclass(frozen=True, slots=True)
class Signing:
    """One signing line (or name line over its stamp line): where it is, its shape, its
    runs of words, its stamp."""

    position: int
    n_lines: int
    shape: tuple[str, ...]
    runs: tuple[str, ...]
    stamp: str
    edited: bool = False


@dataclass(frozen=True, slots=True)
class Found:
    """The page's comment signatures: the signing lines, their names and the side."""

    signings: tuple[Signing, ...]
    names: tuple[str, ...]
    below: bool


STAMP_HINT = re.compile(r"\d|ago|just now|yesterday", re.IGNORECASE)
"""What a date, a time of day or an age holds (a digit, or an age's words): a line
without it has no stamp."""


def stamp_span(text: str) -> tuple[int, int] | None:
    """The span of the one stamp in `text` (a date, a time, an age, with the weekday and
    the words that join them), None when the text holds none or two apart."""
    if not STAMP_HINT.search(text):
        return None
    pieces: list[tuple[int, int, bool]] = []
    found = find_date(text)
    if found is not None:
        at = text.find(found[0])
        pieces.append((at, at + len(found[0]), True))
    pieces += [(*match.span(), True) for match in CLOCK.finditer(text)]
    pieces += [(*match.span(), True) for match in AGE.finditer(text)]
    pieces += [(*match.span(), False) for match in WEEKDAY.finditer(text)]
    if not any(real for _, _, real in pieces):
        return None
    groups: list[list[int]] = []  # [start, end, has a date, time or age]
    for start, end, real in sorted(pieces):
        join = text[groups[-1][1] : start] if groups else ""
        if groups and _short_weekday(text, groups[-1]) and re.search(r"[^\W\d_]", join):
            groups[-1] = [start, end, int(real)]  # 'Ferrous Sun at 9:14': a name's word
        elif groups and (start <= groups[-1][1] or STAMP_JOIN.match(join)):
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2] |= real
        else:
            groups.append([start, end, int(real)])
    stamps = [group for group in groups if group[2]]
    return (stamps[0][0], stamps[0][1]) if len(stamps) == 1 else None


def _short_weekday(text: str, group: list[int]) -> bool:
    """Whether `group` is a weekday's abbreviation alone ('Sun', 'Fri.'): it joins a stamp
    by punctuation ('Sun, 12 Mar'), never by a word ('at', 'on'), where it is a name's."""
    word = text[group[0] : group[1]].rstrip(".")
    return not group[2] and len(word) <= 4 and WEEKDAY.fullmatch(word) is not None


def _shape(text: str) -> tuple[list[str], list[str]]:
    """The token classes of `text` (runs of words as one 'w') and the runs' texts."""
    shape: list[str] = []
    runs: list[list[str]] = []
    for token in TOKEN.findall(text):
        if SEPARATOR.match(token):
            shape.append("—" if token in "–-" else token)
        elif NUMBER.match(token):
            shape.append("#")
        elif shape and shape[-1] == "w":
            runs[-1].append(token)
        else:
            shape.append("w")
            runs.append([token])
    return shape, [" ".join(run) for run in runs]


def _signing_at(lines: Sequence[Line], position: int) -> Signing | None:
    """The signing line (or pair) at `position`, None when the line is none."""
    text = lines[position].text
    if len(text) > MAX_LINE_CHARS or text.startswith(">") or ATTRIBUTION.search(text):
        return None
    span = stamp_span(text)
    if span is not None:
        rest = text[span[1] :]
        edit = TRAILING_EDIT.search(rest)
        before, after = _shape(text[: span[0]]), _shape(rest[: edit.start()] if edit else rest)
        runs = before[1] + after[1]
        if not runs or sum(len(run.split()) for run in runs) > MAX_LABEL_WORDS:
            return None
        line_shape = ("line", *before[0], "S", *after[0])
        stamp = text[span[0] : span[1]]
        return Signing(position, 1, line_shape, tuple(runs), stamp, edit is not None)
    below = position + 1
    if below >= len(lines) or lines[below].is_blank:
        return None
    if (ends_sentence(text) and not NAME_END.search(text)) or not _is_stamp_line(lines[below].text):
        return None  # the line's own test first: it is cheaper than the stamp's
    name_shape, name_runs = _shape(text)
    if not name_runs or sum(len(run.split()) for run in name_runs) > MAX_LABEL_WORDS:
        return None
    return Signing(position, 2, ("pair", *name_shape), tuple(name_runs), lines[below].text)


def _is_stamp_line(text: str) -> bool:
    """A line that is only a stamp, a time zone beside it allowed ('2014-05-03 04:12 pm
    (UTC)', 'May 4, 2014 at 9:20:00 AM GMT+4')."""
    if is_stamp(text):
        return True
    if len(text) > MAX_LINE_CHARS:
        return False
    span = stamp_span(text)
    if span is None:
        return False
    rest = f"{text[: span[0]]} {text[span[1] :]}".split()
    return all(ZONE.match(token) for token in rest)


def _scan(lines: Sequence[Line]) -> dict[tuple[str, ...], list[Signing]]:
    groups: dict[tuple[str, ...], list[Signing]] = defaultdict(list)
    taken = -1
    for position, line in enumerate(lines):
        if line.is_blank or position <= taken:
            continue
        hit = _signing_at(lines, position)
        if hit is not None:
            groups[hit.shape].append(hit)
            taken = position + hit.n_lines - 1
    return groups


def _names(signings: Sequence[Signing]) -> tuple[str, ...] | None:
    """Each signing's author: the one run of words that varies, its words shared by every
    line at its start and end (the engine's label) taken off; None when no run or more
    than one varies, or a name is no name."""
    n_runs = len(signings[0].runs)
    varying = [i for i in range(n_runs) if len({s.runs[i] for s in signings}) > 1]
    if len(varying) != 1:
        return None
    texts = [s.runs[varying[0]].split() for s in signings]
    head = 0
    while all(len(t) > head + 1 and t[head] == texts[0][head] for t in texts):
        head += 1
    tail = 0
    while all(len(t) > head + tail + 1 and t[-1 - tail] == texts[0][-1 - tail] for t in texts):
        tail += 1
    names = tuple(
        ASIDE.sub("", " ".join(t[head : len(t) - tail])).strip(" ,:;|") or " ".join(t)
        for t in texts
    )
    if len(set(names)) < 2 or not all(_is_name(name) for name in names):
        return None
    return names


def _named(signings: list[Signing]) -> tuple[list[Signing], tuple[str, ...]] | None:
    """The signings whose words read as a name, with the names: the group's lines whose
    varying words are no name (an article's headline over its dateline, shaped as a name
    over a stamp) left out, the labels then found again among the rest."""
    names = _names(signings)
    if names is not None:
        return signings, names
    kept = [s for s in signings if len(s.runs) == 1 and _is_name(ASIDE.sub("", s.runs[0]))]
    if len(kept) < MIN_SIGNATURES or len(kept) == len(signings):
        return None
    names = _names(kept)
    return (kept, names) if names is not None else None


def _is_name(name: str) -> bool:
    """A person's name or a handle: one token, or up to `MAX_NAME_WORDS` capitalised words
    and initials (a particle between them)."""
    words = name.split()
    if not 0 < len(words) <= MAX_NAME_WORDS or len(name) > MAX_NAME_CHARS:
        return False
    if not re.search(r"[^\W\d_]", name):
        return False
    if len(words) == 1:
        return True
    return all(
        word[0].isupper() or (0 < i < len(words) - 1 and word in NAME_PARTICLES)
        for i, word in enumerate(words)
    )


def _is_sentence(text: str) -> bool:
    """A line that ends a sentence and is not a headline in title case ('Where Did the
    Tram Line Go?')."""
    return ends_sentence(text) and len(text.split()) > 1 and not _title_cased(text)


def _title_cased(text: str) -> bool:
    long_words = [word for word in text.split() if len(word.strip("\"'«»“”?!.,:;")) > 3]
    capitalised = sum(word.lstrip("\"'«“")[:1].isupper() for word in long_words)
    return len(long_words) >= MIN_TITLE_CASE_WORDS and capitalised * 4 >= len(long_words) * 3


def _has_prose(lines: Sequence[Line], start: int, end: int) -> bool:
    return any(not line.is_blank and is_prose(line.text) for line in lines[start:end])


def _side(lines: Sequence[Line], signings: Sequence[Signing], names: Sequence[str]) -> bool | None:
    """True when the lines sign the text above them, False when below; None when the
    text they border is no comments' text (mostly no sentences: headlines). The side is
    the one the lines are glued to (no blank line between) where most are glued to one
    side only; else the side of the first body: below when a sentence stands right above
    the first line and no text right under the last one."""
    glued_to_above = sum(s.position > 0 and not lines[s.position - 1].is_blank for s in signings)
    glued_to_below = sum(
        s.position + s.n_lines < len(lines) and not lines[s.position + s.n_lines].is_blank
        for s in signings
    )
    half = len(signings) / 2
    if _headed_cards(lines, signings) > half:
        return None
    if (glued_to_above > half) != (glued_to_below > half):
        below = glued_to_above > half
    else:
        first, last = signings[0], signings[-1]
        before = previous_content(lines, first.position)
        after = next_content(lines, last.position + last.n_lines - 1)
        text_before = before is not None and _is_sentence(lines[before].text)
        text_after = after is not None and is_prose(lines[after].text)
        below = text_before and not text_after
    ends: list[int | None] = []  # the last line of each body
    starts: list[int | None] = []  # the first line of each body
    for index, signing in enumerate(signings):
        if below:
            ends.append(previous_content(lines, signing.position))
            if index + 1 < len(signings):
                after = signing.position + signing.n_lines - 1
                starts.append(_text_after(lines, after, names[index + 1]))
        else:
            starts.append(next_content(lines, signing.position + signing.n_lines - 1))
            if index > 0:
                ends.append(_text_before(lines, signing.position, signings[index - 1]))
    seen = Counter(line.text for line in lines if not line.is_blank)
    repeated = {text for text, count in seen.items() if count > 1}
    if not (
        _mostly_sentences(lines, starts, repeated, wrapped=True)
        and _mostly_sentences(lines, ends, repeated)
    ):
        return None
    return below


MIN_CARD_HEADLINE_WORDS = 3


def _headed_cards(lines: Sequence[Line], signings: Sequence[Signing]) -> int:
    """How many signing lines sit in a card between a lone line and a text: glued under one
    line that a blank line (or the page top) sets apart from everything above, with text
    glued under them. That line is the item's headline over its meta row (a search
    result's '<title>?' / '<n> points submitted ... by <user>' / '<text>'), where a
    comment's signing line follows the whole of the text before it."""
    count = 0
    for signing in signings:
        above, below = signing.position - 1, signing.position + signing.n_lines
        if above < 0 or below >= len(lines) or lines[above].is_blank or lines[below].is_blank:
            continue
        if len(lines[above].text.split()) < MIN_CARD_HEADLINE_WORDS:
            continue  # a comment's number ('2.') or its author's name over the signing line
        if above == 0 or lines[above - 1].is_blank:
            count += 1
    return count


def _text_after(lines: Sequence[Line], position: int, signer: str) -> int | None:
    """The first line after `position` that is neither a comment's number ('#2' under a
    signature closes the post above it) nor a line of no prose naming `signer`, the next
    text's (a poster's block over that text: '2. name', 'name  Member')."""
    at = next_content(lines, position)
    while at is not None and (
        NUMBER.match(lines[at].text.strip()) or _names_signer(lines[at].text, (signer,))
    ):
        at = next_content(lines, at)
    return at


def _names_signer(text: str, signers: Sequence[str]) -> bool:
    """A line of no prose that names one of `signers`: a poster's block, no text."""
    return any(name in text for name in signers) and not is_prose(text)


def _text_before(lines: Sequence[Line], position: int, previous: Signing) -> int | None:
    """The last line above a header, after the header before it, that is no comment's
    number ('#2', '2.') nor a row of reaction counts ('👍 4'): the last line of the text
    before it."""
    for at in range(position - 1, previous.position + previous.n_lines - 1, -1):
        text = lines[at].text.strip()
        if not lines[at].is_blank and not NUMBER.match(text) and not REACTION_COUNTS.match(text):
            return at
    return None


def _mostly_sentences(
    lines: Sequence[Line],
    positions: Sequence[int | None],
    repeated: Collection[str],
    wrapped: bool = False,
) -> bool:
    """Whether half the lines at `positions` or more end a sentence (with `wrapped`, or
    open a paragraph whose next line continues it); a line the page repeats (a message's
    subject, a heading) is no comment's text."""
    found = [p for p in positions if p is not None]
    if not found:
        return False
    sentences = sum(
        lines[p].text not in repeated
        and (_is_sentence(lines[p].text) or (wrapped and _opens_paragraph(lines, p)))
        for p in found
    )
    return sentences * 2 >= len(found)


def _opens_paragraph(lines: Sequence[Line], position: int) -> bool:
    """A long line of running text wrapped onto the next line (a paragraph's first): as
    wide as the wrap, so not much shorter than the line it continues on (a title over a
    paragraph is), and not a line without a sentence's end over a capitalised line that
    ends one (a card's headline over its one-sentence teaser)."""
    below = position + 1
    return (
        below < len(lines)
        and not lines[below].is_blank
        and is_prose(lines[below].text)
        and not (
            lines[below].text[:1].isupper()
            and ends_sentence(lines[below].text)
            and not ends_sentence(lines[position].text)
        )
        and len(lines[position].text.split()) > MIN_WRAPPED_WORDS
        and len(lines[position].text) * WRAP_SLACK >= len(lines[below].text)
    )


def _find(lines: Sequence[Line]) -> Found | None:
    best: Found | None = None
    for signings in _scan(lines).values():
        if len(signings) < MIN_SIGNATURES or (best and len(signings) <= len(best.signings)):
            continue
        named = _named(signings)
        if named is None:
            continue
        signings, names = named
        if not all(
            _has_prose(lines, a.position + a.n_lines, b.position) for a, b in pairwise(signings)
        ):
            continue
        if not _bodies_are_text(lines, signings, names):
            continue
        below = _side(lines, signings, names)
        if below is None or (below and _first_body(lines, signings) is None):
            continue
        if not below and _runs_into_text(lines, signings[0].position):
            continue
        best = Found(tuple(signings), names, below)
    return best


def _bodies_are_text(
    lines: Sequence[Line], signings: Sequence[Signing], names: Sequence[str]
) -> bool:
    """Whether the lines between the signings read as comments' text: most of them prose,
    and most gaps without a row of actions (the comment lists that print one are read
    by :mod:`.stamped_header`). A comment's number ('#2', '2.') and a line of no prose
    that names the signer on either side (a poster's block: '2. name', 'name  Member')
    are neither text nor a listing's furniture, and nor is a row of reaction counts ('👍 2
    ❤️ 1')."""
    content = prose = actions = 0
    for index, (a, b) in enumerate(pairwise(signings)):
        signers = (names[index], names[index + 1])
        gap = [
            line
            for line in lines[a.position + a.n_lines : b.position]
            if not line.is_blank
            and not NUMBER.match(line.text.strip())
            and not REACTION_COUNTS.match(line.text.strip())
            and not _names_signer(line.text, signers)
        ]
        content += len(gap)
        prose += sum(is_prose(line.text) for line in gap)
        actions += any(is_action_row(line.text) for line in gap)
    return prose * MAX_FURNITURE_SHARE >= content * (MAX_FURNITURE_SHARE - 1) and (
        actions * 2 < len(signings) - 1
    )


def _text_above(lines: Sequence[Line], position: int, most: int) -> int | None:
    """The first line of the running text right above `position`, up to a line that is
    no text (a heading, a label) or the page's top; None when there is none, or when the
    text runs on past `most` lines (blank lines not counted): the first signature closes
    a comment under a heading, not an article's text (an embedded post's signature)."""
    first: int | None = None
    at = previous_content(lines, position)
    taken = 0
    while at is not None and _is_text(lines, at):
        if taken == most:
            return None
        first, taken = at, taken + 1
        at = previous_content(lines, at)
    return first


def _is_text(lines: Sequence[Line], position: int) -> bool:
    text = lines[position].text
    return _is_sentence(text) or (is_prose(text) and _opens_paragraph(lines, position))


def _content_lines(lines: Sequence[Line], start: int, end: int) -> int:
    return sum(1 for line in lines[start:end] if not line.is_blank)


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Where each comment starts: at its header, or at the first line of its text where
    the signature is below it."""
    found = _find(lines)
    if found is None:
        return []
    signings = found.signings
    if not found.below:
        starts = [s.position for s in signings]
        return starts[1:] if _opens_thread(lines, found) else starts
    after = [next_content(lines, s.position + s.n_lines - 1) for s in signings[:-1]]
    first = _first_body(lines, signings)
    if first is None:
        return []
    starts = [first, *(at for at in after if at is not None)]
    return starts[1:] if _opens_thread(lines, found) else starts


def _runs_into_text(lines: Sequence[Line], position: int) -> bool:
    """Whether the text above a first header runs right up to it, no heading or label
    between (the comments under an article follow a heading, a count, a form; posts an
    article quotes stand inside its text)."""
    above = previous_content(lines, position)
    return above is not None and _is_sentence(lines[above].text) and has_text(lines[:position])


def _first_body(lines: Sequence[Line], signings: Sequence[Signing]) -> int | None:
    """Where the text signed by the first of signatures below their text starts: no
    longer than the longest of the other texts, under an article's text or a page top
    with no article's head (byline, dateline); None otherwise."""
    longest = max(
        _content_lines(lines, s.position + s.n_lines, t.position) for s, t in pairwise(signings)
    )
    first = _text_above(lines, signings[0].position, longest)
    if first is None:
        return None
    top = lines[:first]
    if not has_text(top) and any(
        not line.is_blank and (is_dateline(line.text) or find_byline(line.text)) for line in top
    ):
        return None  # an article's head over its text: the signatures are embedded posts'
    return first


def _opens_thread(lines: Sequence[Line], found: Found) -> bool:
    """Whether the first header is the opening post's: no running text above it, the
    thread's first page, and no line above it counting the headers as comments ('5
    messages', 'Комментарии (5)')."""
    first: int | None = found.signings[0].position
    if found.below:
        first = _first_body(lines, found.signings)
    if first is None or has_article(lines[:first]) or (page_number(lines) or 1) > 1:
        return False
    if found.below and any(PAGE_LABEL.match(line.text) for line in lines[:first]):
        return False  # 'Comments: <title>': a comments page, every signed text a comment
    count = re.compile(rf"(?<![\w.,]){len(found.signings)}(?![\w.,])")
    at: int | None = first
    for _ in range(TOP_LINES):
        at = previous_content(lines, at) if at is not None else None
        if (
            at is not None
            and len(lines[at].text) <= MAX_LINE_CHARS // 2
            and count.search(lines[at].text)
        ):
            return False
    return True


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the comment list ends: after the last signature below its text; after a
    header, at the first line under the last comment's text that is no text and opens a
    paragraph or a run of such lines (the comment form, the page footer)."""
    found = _find(lines)
    if found is None:
        return None
    last = found.signings[-1]
    if found.below:
        return last.position + last.n_lines
    at = next_content(lines, last.position + last.n_lines - 1)
    while at is not None:
        if not is_prose(lines[at].text):
            after = at + 1
            opens_run = after < len(lines) and not (
                lines[after].is_blank or is_prose(lines[after].text)
            )
            if lines[at - 1].is_blank or opens_run:
                return at
        at = next_content(lines, at)
    return None


def is_chrome(line: Line) -> bool:
    return False


def _next_number(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """The next comment's number closing this comment's region ('2.', '#2'), if any."""
    last = previous_content(lines, end) if end <= len(lines) else None
    if last is None or last < start or not NUMBER.match(lines[last].text.strip()):
        return set()
    return {lines[last].index}


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """Every comment's header, the page read once."""
    found = _find(lines)
    ends = [*starts[1:], len(lines)]
    return [_header(lines, found, at, end) for at, end in zip(starts, ends, strict=True)]


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    return _header(lines, _find(lines), position, end)


def _header(lines: Sequence[Line], found: Found | None, position: int, end: int) -> Header:
    if found is None:
        return Header(author=lines[position].text, n_lines=1, nesting=lines[position].indent)
    if found.below:
        index = next(
            (i for i, s in enumerate(found.signings) if position <= s.position < end), None
        )
        n_lines = 0
        chrome: frozenset[int] = frozenset()
        if index is not None:
            signing = found.signings[index]
            chrome = frozenset(
                line.index for line in lines[signing.position : signing.position + signing.n_lines]
            )
    else:
        index = next((i for i, s in enumerate(found.signings) if s.position == position), None)
        n_lines = found.signings[index].n_lines if index is not None else 1
        chrome = frozenset(_next_number(lines, position + n_lines, end))
    if index is None:
        return Header(author=lines[position].text, n_lines=1, nesting=lines[position].indent)
    stamp = found.signings[index].stamp
    dated = find_date(stamp)
    body_end = found.signings[index].position if found.below else end
    body = position + n_lines
    quoted = quoted_lines(lines, body, body_end, QUOTE_ATTRIBUTION)
    attributions = {
        lines[at].index
        for at in range(body, body_end)
        if len(lines[at].text) <= MAX_ATTRIBUTION_CHARS and QUOTE_ATTRIBUTION.match(lines[at].text)
    }
    return Header(
        author=found.names[index],
        n_lines=n_lines,
        nesting=lines[position].indent,
        published=stamp if dated else None,
        age=None if dated else stamp,
        reply_to=_addressed(lines, position + n_lines, end, found.names[:index]),
        edited=found.signings[index].edited,
        chrome_lines=chrome | attributions,
        quote_lines=frozenset(quoted - attributions),
    )


def _addressed(lines: Sequence[Line], start: int, end: int, earlier: Sequence[str]) -> str | None:
    """The earlier commenter a body opens by addressing as '@name' (the name's spaces
    left out or kept), None where it opens otherwise."""
    first = next_content(lines, start - 1, end)
    if first is None or not lines[first].text.startswith("@"):
        return None
    opening = lines[first].text[1:].casefold()
    for name in sorted(set(earlier), key=len, reverse=True):
        for form in (name.casefold(), name.casefold().replace(" ", "")):
            if opening.startswith(form) and not opening[len(form) : len(form) + 1].isalnum():
                return name
    return None


def page_post(page: Sequence[Line], starts: Sequence[int]) -> PostHead | None:
    """The opening post's head where the first header opens the thread (its author, date,
    the title above it); None above an article (read as under any comment section); a
    comments page's head (its title) where no running text stands above the first
    comment."""
    lines = page[: starts[0]] if starts else page
    found = _find(page)
    if found is not None and found.below and found.signings[0].position < len(lines):
        return _signed_opening(page, lines, found)
    if found is not None and not found.below and found.signings[0].position < len(lines):
        first = found.signings[0]
        dated = find_date(first.stamp)
        opening = Opening(
            position=first.position,
            n_lines=first.n_lines,
            author=found.names[0],
            published=first.stamp if dated else None,
            body_end=len(lines),
        )
        return opening_head(lines, opening, is_chrome)
    if has_text(lines):
        return None
    title = topic_title(lines, is_chrome_text=lambda text: False)
    if title is not None and (labelled := PAGE_LABEL.match(title)) is not None:
        title = labelled.group("title")
    return stub_head(lines, is_chrome, title)


def _signed_opening(page: Sequence[Line], lines: Sequence[Line], found: Found) -> PostHead | None:
    """The head of an opening post signed below its text (`lines`: the page down to the
    first reply): its author and date from the signature, which is furniture, the title
    above the text."""
    first = _first_body(page, found.signings)
    if first is None:
        return None
    signing = found.signings[0]
    opening = Opening(
        position=first,
        n_lines=0,
        author=found.names[0],
        published=signing.stamp if find_date(signing.stamp) else None,
        body_end=len(lines),
    )
    author = found.names[0]

    def poster_block(line: Line) -> bool:  # '1. name', 'name  Member' over the text
        return is_chrome(line) or (author in line.text and not is_prose(line.text))

    head = opening_head(lines, opening, poster_block)
    signature = range(signing.position, signing.position + signing.n_lines)
    return replace(head, chrome_lines=head.chrome_lines | {lines[at].index for at in signature})
