"""Unwrap hard-wrapped paragraphs and undo line-end hyphenation.

Why from line statistics: a hard-wrapped block is one where (nearly) every line break sits
where the next word would not have fitted on the line (greedy wrapping at a width W);
an intentional short line (paragraph end, verse, list, signature) leaves room for the next
word. Documents that store one paragraph per line have many lines longer than any wrap
width and are left alone. Every join/keep decision is an edit with its reason.

A block that is not wrapped as a whole (a web page's card: a headline, a summary, a date)
may still hold a line of a page re-wrapped at a fixed width: in a text where no line with a
space is longer than any wrap width and several lines reach its longest, a line with no
room for the next word that runs on into a lower-case word at its own indentation is
joined to it. Where three blocks or more close on a date alone or on a byline closed by a
date, those blocks are a listing's cards (caption, headline, teaser, name, date), never
wrapped as a whole however full their lines are; so are blocks of as many lines (a few)
that open or close on the same line but for its digits, three blocks or more (a score over
a headline, its tags and its poster): items repeat their shape, paragraphs do not.

A block of five lines or more that each read as a headline (two words or more, opening on
no lower-case word, closing no sentence or clause: a sitemap's day, a category page) is a
list, kept one item to a line, however full its lines are; so are blocks of three or
more where the text shows two such blocks, each under a one-line heading (the days of a
date-grouped archive).

Indentation in a wrapped block is removed where it marks a paragraph: on a line joined to
the next one, or on a line indented deeper than the block's margin and than the lines
beside it (a first-line indent). An indent that a line joining nothing shares with a line
beside it (a comment header over its text, in a thread printed as text and indented by
depth) stays, since the nesting of replies is read from it.

A number hyphenated at a line end ("18-" then "year-old") keeps its hyphen and loses the
break. Page numbers and running heads (short lines with digits repeated on several pages)
are never joined to the text around them, so that segmentation can drop them; nor is a
line longer than any wrap width (a paragraph stored on one line, as a viewer's copy of an
abstract above the wrapped PDF text) joined to the line after it.

Flattened PDF text (each paragraph on one long line, its former line breaks turned into
spaces) still holds the line-end splits inside the line ("sociodemo- graphic"):
:func:`dehyphenate_inline` decides them as line-end hyphens are decided, once the document
shows a split that only a line end explains (a part that is no word). Text flattened with
its line breaks deleted ("capital.That", "order with-out") is recognised by such glued
sentence boundaries; there a hyphen inside a word is dropped when the joined word is
attested ("with-out" -> "without"), and kept otherwise ("party-state").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from flows.stages.mail_fields import HEADER_FIELD
from flows.stages.repair.chars import zipf
from flows.stages.repair.edits import LocalEdit

_HYPHEN_END_RE = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)([-\u00ad])$")
_NUMBER_HYPHEN_END_RE = re.compile(r"(?<![\w.,/-])\d{1,4}-$")
_NEXT_LOWER_RE = re.compile(r"\s*[^\W\d_A-ZА-ЯЁ]")
# inside a long line: "word- word" / "18- year" (a flattened line-end split)
_INLINE_SPLIT_RE = re.compile(
    r"(?<![\w-])(?P<left>[^\W\d_]+(?:-[^\W\d_]+)*|\d{1,4})- (?P<right>[^\W\d_]+)"
)
# inside a long line of glued text: "with-out", "Observ-ers" (no space, no other hyphen)
_GLUED_SPLIT_RE = re.compile(
    r"(?<![\w/@-])(?P<left>[^\W\d_]+)-(?P<right>[^\W\d_]+)(?![\w@/-]|\.\w)"
)
_PAGE_NUMBER_RE = re.compile(
    r"^(?:(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d+")
_EDGE_NUMBER_RE = re.compile(r"^(?P<a>\d{1,4})\s+\S|\S\s+(?P<b>\d{1,4})$")
_EDGE_STRIP_RE = re.compile(r"^\d+\s+|\s+\d+$")
_HEAD_GAP_RE = re.compile(r"\S {3,}\S")
_HEAD_MARKS_RE = re.compile(r"\d|[,|/•·]")
_ALNUM_RE = re.compile(r"[^\W_]")
_CAPS_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_MAX_HEAD_CHARS = 100
# a sentence or clause boundary whose space was lost with a line break
_GLUE_RE = re.compile(r"[a-zа-яё]{2}(?:[,;][a-zа-яё]{2}|[.!?][A-ZА-ЯЁ][a-zа-яё])")
_GLUE_HINT_RE = re.compile(r"[,;.!?](?:(?<=[,;])[a-zа-яё]{2}|(?<=[.!?])[A-ZА-ЯЁ][a-zа-яё])")
"""The tail of every glue mark: found only at the rare punctuation it opens with, so a line
without it is settled without trying the mark at every letter. One leading class rather
than an alternation of two, so that `re` skips to that punctuation in C."""
MIN_GLUE_MARKS = 3
_FUNCTION_WORD_LIST = (
    "and or nor but to the a an of in on at by for as is are was were be it its that this "
    "than then so if not und oder bis et ou и или а но либо до"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
"""After a hyphen and a space, these words mark a suspended compound ("pre- and post-war")
or a dash, not a split word (unless the joined word is itself a common word)."""
_FIRST_TOKEN_RE = re.compile(r"\s*(\S+)")
_LIST_RE = re.compile(r"\s*(?:[-–—•·*▪●]\s|\d{1,3}[.)]\s|[A-Za-z][.)]\s|\(\w{1,3}\)\s)")
_STRONG_END_RE = re.compile(r"[.!?:…][\"'”’»)\]]*(?:\s*\[\d+\])?$")
# Exact pre-checks (lines never contain "\n"): a match of _STRONG_END_RE ends with one of
# these characters, one of _HYPHEN_END_RE with a hyphen; a lower-case ASCII or Cyrillic
# letter proves a line is not all-caps.
_STRONG_END_CHARS = frozenset(".!?:…\"'”’»)]")
_HYPHEN_CHARS = ("-", "\u00ad")
_LOWER_HINT_RE = re.compile("[a-zа-яё]")
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BOUND_PREFIXES = frozenset(["dis", "mis", "un", "im", "ir", "il"])
FULL_SLACK = 0.15  # proportional fonts: a "full" line may leave ~15% of the width unused
_SUFFIX_WORDS = (
    "s es ed er ers ing ings ly tion tions sion sions ment ments ness ity ities ous ive "
    "ance ence ances ences able ible ful less ist ists ism isms al ally ant ants ent ents "
    "ize ise ized ised ization ture tures ure ary ory ic ical ship ships hood dom ian ians "
    "ism ned ted ful ings"
)
_SUFFIXES = frozenset(_SUFFIX_WORDS.split())


@dataclass(frozen=True)
class UnwrapSettings:
    """The unwrap thresholds of :class:`flows.stages.repair.RepairConfig`, as one value."""

    min_width: int
    fuzzy_min_width: int
    max_width: int
    room_slack: float
    join_zipf: float
    part_zipf_short: float
    part_zipf_long: float


def _letters(line: str) -> list[str]:
    return [ch for ch in line if ch.isalpha()]


def _strong_end(line: str) -> bool:
    """`_STRONG_END_RE.search(line)`, skipping the regex when the last character rules it out."""
    return bool(line) and line[-1] in _STRONG_END_CHARS and _STRONG_END_RE.search(line) is not None


def _hyphen_end(line: str) -> re.Match[str] | None:
    """`_HYPHEN_END_RE.search(line)`, skipping the regex unless the line ends with a hyphen."""
    return _HYPHEN_END_RE.search(line) if line.endswith(_HYPHEN_CHARS) else None


def _is_caps(line: str, min_words: int = 2) -> bool:
    """An all-caps title line: at least `min_words` words, no lower-case letter."""
    if _LOWER_HINT_RE.search(line) is not None:
        return False
    letters = _letters(line)
    words = _CAPS_WORD_RE.findall(line)
    return len(words) >= min_words and all(ch.isupper() for ch in letters)


def _lang(word: str) -> str:
    return "ru" if any("\u0400" <= ch <= "\u04ff" for ch in word) else "en"


def _joined_zipf(word: str, lang: str) -> float:
    """Zipf of a joined word, or of its singular when that is more common: wordfreq spreads
    a word's frequency over its forms, so a plural ('courtyards') is rarer than its parts
    ('court', 'yards') although the word is common ('courtyard')."""
    found = zipf(word, lang)
    if lang == "en" and len(word) > 5 and word.endswith("s") and not word.endswith("ss"):
        return max(found, zipf(word[:-1], lang))
    return found


class WordCounts(Protocol):
    """A document's lower-cased word counts: 0 for a word it does not hold."""

    def __getitem__(self, word: str, /) -> int: ...


def decide_hyphen(left: str, right: str, doc: WordCounts, s: UnwrapSettings) -> tuple[bool, str]:
    """Keep the hyphen of "left-⏎right"? Returns (keep, reason)."""
    part = left.rsplit("-", 1)[-1]
    joined = (left + right).lower()
    hyphenated = f"{left}-{right}".lower()
    n_hyph, n_join = doc[hyphenated], doc[joined]
    if n_hyph > n_join:
        return True, f"kept: {hyphenated} seen {n_hyph}x in document, {joined} {n_join}x"
    if n_join > n_hyph:
        return False, f"joined: {joined} seen {n_join}x in document, {hyphenated} {n_hyph}x"
    lang = _lang(joined)
    zj = _joined_zipf(part + right, lang)
    capitalised = right[0].isupper() and not (part.isupper() and right.isupper())
    if capitalised and zj < s.join_zipf + 1.0:
        return True, "kept: capitalised second part"
    if zj >= s.join_zipf:
        return False, f"joined: zipf({part + right})={zj} is a common word"
    if len(part) >= 2 and part.isupper() and right.islower():
        return True, "kept: acronym compound"
    if lang == "en" and right.lower() in _SUFFIXES:
        return False, f"joined: '{right}' is a suffix"
    if lang == "en" and part.lower() in _BOUND_PREFIXES:
        return False, f"joined: '{part}' is a bound prefix"
    zl, zr = zipf(part, lang), zipf(right, lang)

    def is_word(w: str, z: float) -> bool:
        return z >= (s.part_zipf_short if len(w) <= 4 else s.part_zipf_long)

    if is_word(part, zl) and is_word(right, zr) and zj < min(zl, zr):
        return True, (
            f"kept: parts are words zipf({part})={zl}, zipf({right})={zr} "
            f"> zipf({part + right})={zj}"
        )
    return False, (
        f"joined: zipf({part + right})={zj}; parts zipf({part})={zl}, "
        f"zipf({right})={zr} not both words"
    )


def _width(lines: list[str], s: UnwrapSettings) -> int:
    lengths = sorted(len(x) for x in lines if s.min_width <= len(x) <= s.max_width)
    if not lengths:
        return 0
    if len(lengths) < 10:
        return lengths[-1]
    return lengths[int(0.9 * (len(lengths) - 1))]


MIN_LONG_PROSE = 3
"""One-line paragraphs longer than any wrap width from which a text counts as unwrapped
unless more of its lines run on into a lower-case next line."""


def _soft_paragraphs(lines: list[str], s: UnwrapSettings) -> bool:
    """Whether a text writes its paragraphs on one line each though most of its lines are
    short (a web page: headlines, labels, dates, one-line paragraphs): it has
    ``MIN_LONG_PROSE`` sentences longer than any wrap width, and fewer lines that run on into
    a lower-case line (what hard-wrapped prose is made of)."""
    long_prose = sum(
        1 for x in lines if len(x) > s.max_width and len(x.split()) >= 15 and _strong_end(x)
    )
    if long_prose < MIN_LONG_PROSE:
        return False
    running_on = sum(
        1
        for x, nxt in itertools.pairwise(lines)
        if s.min_width <= len(x) <= s.max_width and not _strong_end(x) and nxt[:1].islower()
    )
    return running_on < long_prose


def unwrap_lines(text: str, s: UnwrapSettings, counts: Counter[str]) -> list[LocalEdit]:
    """Join the lines of hard-wrapped blocks; see the module docstring."""
    lines = text.split("\n")
    if len(lines) < 2:
        return []
    nonblank = [x for x in lines if x.strip()]
    long_lines = sum(1 for x in nonblank if len(x) > s.max_width)
    soft_only = long_lines > 0.2 * len(nonblank)
    width = 0 if soft_only else _width(nonblank, s)
    if width and _soft_paragraphs([x.strip() for x in lines if x.strip()], s):
        width = 0  # paragraphs on one line each, between headlines and labels: a web page
    offsets = []
    pos = 0
    for x in lines:
        offsets.append(pos)
        pos += len(x) + 1
    floor = _list_floor(lines)
    cards = width > 0 and _is_card_listing(lines)
    shaped = _repeated_cards(lines) if width > 0 else set()
    doc: WordCounts | None = None
    furniture: set[int] | None = None
    longest: int | None = None
    edits: list[LocalEdit] = []
    alone: list[bool | None] = [None] * len(lines)
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip():
            j += 1
        block = list(range(i, j + 1))
        i = j + 1
        if len(block) < 2 or _is_headline_list(lines, block, floor):
            continue
        wrapped = (
            width > 0
            and not (cards and _closes_card(lines[block[-1]]))
            and block[0] not in shaped
            and _block_is_wrapped(lines, block, width, s)
        )
        column = _column_width(lines, block, width, s) if width > 0 and not wrapped else 0
        if column:
            wrapped = _block_is_wrapped(lines, block, column, s)
            width = column if wrapped else width
        if not wrapped and not any(lines[k].endswith("\u00ad") for k in block[:-1]):
            if width > 0:
                edits.extend(_join_headings(lines, block, offsets, counts))
                if longest is None:
                    longest = wrap_width(nonblank, s)
                if longest:
                    if furniture is None:
                        furniture = page_furniture_lines(lines)
                    edits.extend(
                        _join_runs_on(lines, block, offsets, longest, furniture, s, counts)
                    )
            continue
        if doc is None and any(_hyphen_end(lines[k]) for k in block[:-1]):
            doc = _LazyWordCounts(text)
        para_start = block[0]
        indents = {k: len(lines[k]) - len(lines[k].lstrip()) for k in block}
        margin = min(indents.values())
        for k in block:
            line = lines[k]
            indent = len(line) - len(line.lstrip())
            strip = (
                LocalEdit(
                    offsets[k],
                    offsets[k] + indent,
                    "",
                    "strip_indent",
                    "indent marks a paragraph in wrapped text",
                )
                if wrapped and indent and (k == block[0] or not _joined_into(edits, offsets[k]))
                else None
            )
            edit = None
            if k < block[-1]:
                if furniture is None:
                    furniture = page_furniture_lines(lines)
                if k not in furniture and k + 1 not in furniture:
                    edit = _boundary(
                        lines,
                        k,
                        offsets,
                        width,
                        wrapped,
                        Counter() if doc is None else doc,
                        s,
                        lines[para_start],
                        alone,
                    )
            shared = indents.get(k - 1) == indent or indents.get(k + 1) == indent
            if strip is not None and (edit is not None or (indent > margin and not shared)):
                counts["strip_indent"] += 1
                edits.append(strip)
            if edit is not None:
                counts[edit.rule] += 1
                edits.append(edit)
            elif k < block[-1]:
                para_start = k + 1
    return _merge(edits)


_ADDRESS_ROW_RE = re.compile(r"(?:https?://|www\.)\S+\s+[-–—|·]\s+\S")
"""A search result's address row ('https://site.example/path - 14 KB - 12 Mar 2023')."""


def page_furniture_lines(lines: list[str]) -> set[int]:
    """Line numbers of page-number lines ('12', 'Page 3 of 12', '3/12'), of running heads
    (short lines with a digit that occur twice or more, digits free to vary) and of a
    laid-out head whose edge number continues theirs ('Review    143' between '142 …' and
    '144 …'). Wrapping never joins them to the text around them."""
    keys: dict[int, str] = {}
    found = set()
    for number, line in enumerate(lines):
        text = line.strip()
        if not text or len(text) > _MAX_HEAD_CHARS:
            continue
        if _PAGE_NUMBER_RE.match(text):
            found.add(number)
        elif _DIGIT_RE.search(text):
            keys[number] = _head_key(text)
    repeated = Counter(keys.values())
    found.update(number for number, key in keys.items() if repeated[key] >= 2)
    if found:
        found |= _continuing_heads(lines, keys, found)
    return found


def _head_key(text: str) -> str:
    """Digits masked, spacing folded, a page number at either edge moved to the end (the
    even-page head '2    CASE v. RUSSIA' and the odd-page head 'CASE v. RUSSIA    3' share
    one key), as :func:`flows.stages.segment.furniture.head_key`."""
    core = _EDGE_STRIP_RE.sub("", text)
    moved = " #" if core != text and _ALNUM_RE.search(core) else ""
    return " ".join(_DIGIT_RE.sub("#", core if moved else text).split()) + moved


def _edge_number(text: str) -> int | None:
    match = _EDGE_NUMBER_RE.search(text)
    return None if match is None else int(match.group("a") or match.group("b"))


def _continuing_heads(lines: list[str], keys: dict[int, str], found: set[int]) -> set[int]:
    """Short lines with a digit whose edge number lies between the page numbers found before
    and after them, or, laid out as a head (a wide gap, or other digits or separators
    beside the number), is one after the page number found before them or one before the
    one found after them."""
    pages = [(k, n) for k in sorted(found) if (n := _edge_number(lines[k].strip())) is not None]
    more = set()
    for k in keys:
        text = lines[k].strip()
        number = _edge_number(text)
        if k in found or number is None:
            continue
        before = next((n for at, n in reversed(pages) if at < k), None)
        after = next((n for at, n in pages if at > k), None)
        if before == number - 1 and after == number + 1:
            more.add(k)
            continue
        if before != number - 1 and after != number + 1:
            continue
        rest = _EDGE_STRIP_RE.sub("", text)
        if _HEAD_GAP_RE.search(text) or _HEAD_MARKS_RE.search(rest):
            more.add(k)
    return more


def _join_headings(
    lines: list[str], block: list[int], offsets: list[int], counts: Counter[str]
) -> list[LocalEdit]:
    """In a wrapped document, an all-caps title wrapped over consecutive lines."""
    edits = []
    for k in block[:-1]:
        line, nxt = lines[k], lines[k + 1]
        if _is_caps(line) and _is_caps(nxt, 1) and not _strong_end(line):
            end = offsets[k] + len(line)
            after = offsets[k + 1] + len(nxt) - len(nxt.lstrip())
            counts["unwrap_heading"] += 1
            edits.append(LocalEdit(end, after, " ", "unwrap_heading", "all-caps heading wrapped"))
    return edits


WRAP_BAND = 10
"""Columns under a text's longest line within which its lines count as filled to the width."""
MIN_FILLED_LINES = 3
"""Fewest lines filled to within ``WRAP_BAND`` of the longest one that show a wrap width."""


def wrap_width(nonblank: list[str], s: UnwrapSettings) -> int:
    """The width a text was wrapped at, read as its longest line, when no line with a space
    runs past any wrap width (``max_width``) and ``MIN_FILLED_LINES`` lines reach within
    ``WRAP_BAND`` columns of the longest; else 0. A lone long line (a paragraph joined
    before) shows no width."""
    if any(len(x) > s.max_width and " " in x.strip() for x in nonblank):
        return 0
    longest = max(len(x) for x in nonblank)
    filled = sum(1 for x in nonblank if len(x) > longest - WRAP_BAND)
    return longest if filled >= MIN_FILLED_LINES else 0


def runs_on(line: str, nxt: str, width: int, s: UnwrapSettings) -> bool:
    """Whether `line` (at least ``fuzzy_min_width`` long, no sentence end) runs on into
    `nxt`: the sentence goes on in a lower-case word at the same indentation (no user
    handle) that would not have fitted on the line within `width`, and nothing keeps the
    two apart (:func:`_kept_apart`). Greedy wrapping at `width` or wider leaves exactly
    that."""
    indent = len(line) - len(line.lstrip())
    return (
        len(line) >= s.fuzzy_min_width
        and len(nxt) - len(nxt.lstrip()) == indent
        and not _strong_end(line.rstrip())
        and not _room(line, nxt, width, 0.0)
        and _NEXT_LOWER_RE.match(nxt) is not None
        and not _HANDLE_START_RE.match(nxt)
        and not _kept_apart(line, nxt)
    )


def _join_runs_on(
    lines: list[str],
    block: list[int],
    offsets: list[int],
    longest: int,
    furniture: set[int],
    s: UnwrapSettings,
    counts: Counter[str],
) -> list[LocalEdit]:
    """In a block that is not wrapped as a whole (a web page's card: headline, a summary
    wrapped at a fixed width, a date) of a text whose every line with a space fits a wrap
    width (`longest`: its longest line, no wider than the width it was wrapped at), a line
    that runs on into the next one: the sentence goes on in a lower-case word at the same
    indentation, and that word would not have fitted on the line. Greedy wrapping leaves
    exactly that; a line a page ends on its own leaves room or ends its sentence, and a page
    that keeps its paragraphs on one line each has lines too long for any wrap width."""
    edits = []
    for k in block[:-1]:
        line, nxt = lines[k], lines[k + 1]
        if runs_on(line, nxt, longest, s) and k not in furniture and k + 1 not in furniture:
            end = offsets[k] + len(line)
            indent = len(nxt) - len(nxt.lstrip())
            counts["unwrap_lines"] += 1
            edits.append(
                LocalEdit(end, offsets[k + 1] + indent, " ", "unwrap_lines", "a full line runs on")
            )
    return edits


def _joined_into(edits: list[LocalEdit], line_offset: int) -> bool:
    return bool(edits) and edits[-1].end >= line_offset and edits[-1].rule != "strip_indent"


def _merge(edits: list[LocalEdit]) -> list[LocalEdit]:
    """A strip_indent right after a join is part of that join; drop overlaps."""
    out: list[LocalEdit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if out and edit.start < out[-1].end:
            continue
        out.append(edit)
    return out


MIN_COLUMN_LINES = 8
"""Lines of a block wrapped to a narrower column than the rest of the text (a journal's
two columns flattened into one stream) from which its own width is measured."""
COLUMN_SHARE = 0.75


def _column_width(lines: list[str], block: list[int], width: int, s: UnwrapSettings) -> int:
    """The width of a long block set in a narrower column than the text's `width` (the
    ``COLUMN_SHARE`` quantile of its line lengths), or 0 when it is not narrower."""
    lengths = sorted(len(lines[k]) for k in block if s.min_width <= len(lines[k]) <= s.max_width)
    if len(lengths) < MIN_COLUMN_LINES:
        return 0
    column = lengths[int(COLUMN_SHARE * (len(lengths) - 1))]
    return column if column < 0.75 * width else 0


MIN_LIST_LINES = 5
"""Fewest lines of a block of headlines that repair keeps one to a line."""
MIN_GROUPED_LIST_LINES = 3
"""Fewest lines of each block of headlines where the text shows two such blocks or more
(a date-grouped archive's days); one block so short is a title wrapped over its lines."""
_CLAUSE_END = (",", ";", "-", "–", "—", "/")


def _list_floor(lines: list[str]) -> int:
    """The fewest lines of a block of headlines in this text: ``MIN_GROUPED_LIST_LINES``
    where two blocks of that many or more read as headlines, each under a heading of one
    line of its own (a day's date, a section's name), else ``MIN_LIST_LINES`` (a cover's
    wrapped title over its authors' block is no group)."""
    found = 0
    block: list[int] = []
    above: list[int] = []
    for k, line in enumerate([*lines, ""]):
        if line.strip():
            block.append(k)
            continue
        if not block:
            continue
        if len(above) == 1 and _is_headline_list(lines, block, MIN_GROUPED_LIST_LINES):
            found += 1
        above, block = block, []
    return MIN_GROUPED_LIST_LINES if found >= 2 else MIN_LIST_LINES


def _is_card_listing(lines: list[str]) -> bool:
    """Whether ``MIN_CARDS`` blocks of two lines or more each close on a card's meta
    line."""
    found = 0
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
            continue
        found += len(block) >= 2 and _closes_card(block[-1])
        block = []
    return found >= MIN_CARDS


MAX_CARD_LINES = 8
"""Most lines of a block read as a card by its repeated shape: a longer block (a page of
wrapped text under its running head) is no card."""


def _card_keys(lines: list[str], block: list[int]) -> tuple[tuple[int, str], tuple[int, str]]:
    """A block's shape at either edge: its number of lines with its first line's key, and
    with its last line's (:func:`_head_key`: digits masked, the words kept)."""
    size = len(block)
    return (size, _head_key(lines[block[0]].strip())), (size, _head_key(lines[block[-1]].strip()))


def _repeated_cards(lines: list[str]) -> set[int]:
    """First line numbers of the blocks that are a listing's cards by repetition: blocks of
    two to ``MAX_CARD_LINES`` lines, as many lines in each, that open on the same line or
    close on the same line but for its digits ('31' / headline / tags / byline), in
    ``MIN_CARDS`` blocks or more. Wrapped paragraphs repeat neither their length nor a
    first or last line."""
    blocks: list[list[int]] = []
    block: list[int] = []
    for k, line in enumerate([*lines, ""]):
        if line.strip():
            block.append(k)
        elif block:
            blocks.append(block)
            block = []
    cards = [b for b in blocks if 2 <= len(b) <= MAX_CARD_LINES]
    seen: Counter[tuple[int, str]] = Counter(
        key for b in cards for key in set(_card_keys(lines, b))
    )
    return {b[0] for b in cards if any(seen[key] >= MIN_CARDS for key in _card_keys(lines, b))}


def _closes_card(line: str) -> bool:
    return _DIGIT_RE.search(line) is not None and _CARD_META_RE.match(line) is not None


def _is_headline_list(lines: list[str], block: list[int], least: int) -> bool:
    """Whether a block is a list of headlines or link labels, one to a line (a sitemap's
    day, a category page, a column of related links): `least` lines or more, each of two
    words or more, opening on no lower-case word, in mixed case, closing no
    sentence or clause and splitting no word. Hard-wrapped prose runs on into lower-case
    words and ends a line on a sentence or a comma now and then."""
    if len(block) < least:
        return False
    for k in block:
        text = lines[k].strip()
        if len(text.split()) < 2 or _strong_end(text) or text.endswith(_CLAUSE_END):
            return False
        first = _NEXT_FIRST_RE.match(text)
        if first is None or first.group(1).islower() or _is_caps(text):
            return False
    return True


def _block_is_wrapped(lines: list[str], block: list[int], width: int, s: UnwrapSettings) -> bool:
    """Whether half the block's breaks or more fall where the next word did not fit and, in
    a block of three lines or more, one of them at least reads as a wrap (a split word,
    :func:`_runs_over`): a card's headline as wide as the wrap over its teaser and byline
    fills its line too, and shows no wrapping. A two-line block has one break only,
    which decides alone."""
    full = running = 0
    for k in block[:-1]:
        if _hyphen_join(lines[k], lines[k + 1]) is not None:
            full += 1
            running += 1
            continue
        if s.min_width <= len(lines[k]) <= s.max_width and not _room(
            lines[k], lines[k + 1], width, 0.0
        ):
            full += 1  # greedy wrapping: the next word did not fit
        elif s.fuzzy_min_width <= len(lines[k]) <= s.max_width and not _room(
            lines[k], lines[k + 1], width, FULL_SLACK
        ):
            full += 1  # proportional fonts (PDF): nearly did not fit
        else:
            continue
        running += _runs_over(lines[k].rstrip(), lines[k + 1].rstrip())
    return full >= 0.5 * (len(block) - 1) and full > 0 and (running > 0 or len(block) < 3)


def _runs_over(line: str, nxt: str) -> bool:
    """Whether a full line's break reads as a wrap: the next line goes on in a lower-case
    word, a digit or capitals; the line ends in a capitalised word and no sentence (a
    name split); or both lines end alike (a sentence running on, or two sentences of one
    paragraph). A headline over a teaser that ends its sentence, or a teaser over a
    byline, is none."""
    if _starts_lower_or_digit(nxt) or _is_caps(nxt):
        return True
    strong = _strong_end(line)
    if not strong and line.rsplit(None, 1)[-1][:1].isupper():
        return True
    return strong == _strong_end(nxt)


def _room(line: str, nxt: str, width: int, slack: float) -> bool:
    """Would the next line's first word have fitted on this line?"""
    token = _FIRST_TOKEN_RE.match(nxt)
    first = len(token.group(1)) if token else 0
    return len(line.rstrip()) + 1 + first <= width * (1.0 - slack)


def _hyphen_join(line: str, nxt: str) -> tuple[str, str, str] | None:
    """(left word, hyphen char, right word) when `line` ends inside a split word."""
    match = _hyphen_end(line)
    if match is None:
        return None
    right = _NEXT_WORD_RE.match(nxt)
    if right is None:
        return None
    return match.group(1), match.group(2), right.group(1)


_NEXT_DIGIT_RE = re.compile(r"\s*\d")
_NEXT_FIRST_RE = re.compile(r"\s*[\"'“‘«(\[]*(\w)")
"""The first word character of the next line, after spaces, opening quotes and brackets."""
_NEXT_WORD_RE = re.compile(r"\s*([^\W\d_]+)")


def _starts_lower_or_digit(nxt: str) -> bool:
    match = _NEXT_FIRST_RE.match(nxt)
    return match is not None and (match.group(1).islower() or match.group(1).isdigit())


_QUOTED_RE = re.compile(r"\s*>")
_COLUMN_GAP_RE = re.compile(r"\S {6,}\S")
"""Two columns of a laid-out line: a justified line of prose spreads its words by a space
or three, never by six."""
_BARE_WORD_RE = re.compile(r"\s*[a-zа-яё]{3,}\s*$")
"""A line of one lower-case word with no punctuation ('permalinkembedsave', 'reply'): after
a sentence's end, a row of buttons, never the last word of the sentence."""
_GUTTER_RE = re.compile(r"\s*\|(?:\s|$)")
"""A line behind a pipe gutter ('| text'): a comment of a text mirror of a thread, whose
pipes and their indentation mark its nesting, or a row of a text table."""
_FIELD_RE = re.compile(r"\s*(?:[*•]\s+)?[A-Z][\w()-]*(?: [\w()-]+){0,3}:(?:\s|$)")
_INDEX_FIELD_RE = re.compile(
    r"\s*(?:key\s*words|jel(?:\s+classification)?(?:\s+codes?)?|ключевые\s+слова)\s*:",
    re.IGNORECASE,
)
"""A paper's index field under its abstract ('Keywords:', 'JEL Classification:')."""
_RULE_RE = re.compile(r"\s*(?:--\s*$|-{4,}|_{4,}|={4,}|(\S)\1{5,}\s*$)")
_HANDLE_START_RE = re.compile(r"\s*@?\w*[a-z0-9]_\w+(?:\s|$)")
"""A line opening with a user handle ('kama_river', '@volga_girl'): no word of prose."""
MAX_HANDLE_LINE = 60
"""A short line opening with a user handle is a byline or a status line, never the rest of
the line above (a longer one may be a wrapped sentence that mentions a handle)."""
_LINK_ROW_RE = re.compile(r"\s*[^|]{1,40}(?:\s\|\s[^|]{1,40}){2,}\s*$")
"""A row of three or more short labels joined by ' | ' (an archive's index links), never
a wrapped line nor the rest of one."""
_URL_LINE_RE = re.compile(
    r"\s*(?:https?://|www\.|mailto:)\S+\s*$|\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$"
)
"""A line holding only a web or e-mail address (a reference's, a list footer's
'<list>@lists.example.org', a contact's)."""
_SENDER_RE = re.compile(r"(?:<[^<>\s]+@[^<>\s]+>|\S+ at [a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})$")
_STAMP_LINE_RE = re.compile(
    r"\s*[^\W\d_][^·•|]{0,40}?\s[·•]\s+(?=[^·•|]*\d|(?:yesterday|today|just now)\s*$)"
    r"[^·•|]{1,30}$",
    re.IGNORECASE,
)
"""A short stamp line, '<section> · <age or date>' ('Politics · 18 min ago', 'Regions ·
Mar 3, 2024'): a listing's item line under its headline, never the rest of a sentence."""
_ACCOUNT_BYLINE_RE = re.compile(
    r"\s*(?:[^\W\d_]{1,5}\s+)?@?[\w.-]+@[\w-]+(?:\.[\w-]+)+\s[^·•]{0,60}[·•]\s*\S[^·•]{0,15}$"
)
"""A federated post's byline: a word or none ('by', 'от'), the poster's account
('name@instance'), the community, then ' · ' and its stamp ('by kira@host.example to
news@host.example · 5h'): the post's metadata, never the rest of the title above it."""
_NAME_WORDS = r"[A-ZА-ЯЁ][\w'’.-]*(?:\s+[A-ZА-ЯЁ][\w'’.-]*){0,3}"
_NAMES_RUN = rf"{_NAME_WORDS}(?:\s*(?:,|and|&|и)\s*{_NAME_WORDS})*"
_BYLINE_FIELD_RE = re.compile(
    rf"\s*(?:(?i:(?:(?:written|prepared|posted|compiled)\s+)?by)\s+{_NAMES_RUN}\s*(?:$|[|·•]\s)"
    r"|(?i:source|sources|author|authors|источник|автор|авторы)\s*:\s*\S)"
)
"""A byline or a source field on a line of its own ('By Anna Lind and Oleg Sokolov',
'By Sergei Malkov | Barnaul', 'Source: Ural Evening News | 14 May 2024', 'Автор: …'): the
item's metadata, never the rest of the headline above it."""
_SECTION_PATH_RE = re.compile(r"\s*[^/.!?]{1,25}(?:\s/\s[^/.!?]{1,25}){1,5}(?:\s/)?\s*$")
"""A path of short section labels ('Current News / Society /'): a breadcrumb under a
headline, never the rest of it."""
_YEAR_ROW_RE = re.compile(r"\s*(?:1[89]|20)\d\d\s[/|·•–—-]\s[^.!?/|·•]{2,60}$")
"""A credit row opening on a year cell ('2019 / <Name>'): a search result's metadata under
its title, never the rest of the title."""
_DATE_TOKEN = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})"
)
_META_ROW_RE = re.compile(
    rf"\s*(?:(?i:posted|published|submitted|updated|опубликовано)\b.{{0,80}}{_DATE_TOKEN}"
    rf"|\d+\s+points?\s+by\s+\S+\s|[^.!?]{{0,60}}{_DATE_TOKEN}[^.!?]{{0,60}}\s[|·•]\s"
    rf"|[^|·•.!?]{{0,60}}\s[|·•–—-]\s{_DATE_TOKEN}\s*$)"
)
"""A post's header row under its headline, a date among its fields ('Posted by X on
November 2, 2022', '14.03.2024 | Name | Views: 12', 'Leena Marjamaa - March 10, 2021'),
or a story's score and poster ('388 points by x 9 hours ago | hide'): metadata, never the
rest of the headline."""
_DATED_BYLINE_RE = re.compile(
    rf"\s*(?i:by)\s+{_NAMES_RUN}\s*[|·•–—-]\s.{{0,40}}?{_DATE_TOKEN}.{{0,20}}$"
)
"""A byline closed by a date ('by Anna Lind — last modified Mar 03, 2024 11:20 AM'): a
listing card's metadata, never the rest of the headline above it."""
_CARD_META_RE = re.compile(
    rf"\s*{_DATE_TOKEN}(?:,?\s+[0-2]?\d:[0-5]\d(?:\s*[AaPp][Mm])?)?\s*$"
    rf"|{_DATED_BYLINE_RE.pattern}"
)
"""A listing card's meta line: a date alone ('12 March 2024', 'Mar 03, 2024 11:20 AM') or
a byline closed by a date (:data:`_DATED_BYLINE_RE`)."""
MIN_CARDS = 3
"""Fewest blocks closed by a card's meta line (:data:`_CARD_META_RE`) that make a text a
listing: such blocks are cards, whose lines (caption, headline, teaser, name, date) are
no wrapped paragraph however full they are. Wrapped prose does not end paragraph after
paragraph in a bare date or a dated byline."""
_DIGIT_RE = re.compile(r"\d")
"""Every form of :data:`_META_ROW_RE` holds a digit: a line without one is settled before
that pattern's scan. Likewise :data:`_SENDER_RE` needs an '@' or ' at ',
:data:`_STAMP_LINE_RE` a '·' or '•', :data:`_DATED_BYLINE_RE` and :data:`_CARD_META_RE` a
digit, :data:`_SECTION_PATH_RE` a '/', :data:`_LAID_OUT_ENTRY_RE` three spaces in a row,
:data:`HEADER_FIELD` and :data:`_FIELD_RE` a ':' (`_apart_below`); in `_apart_alone`,
:data:`_COLUMN_GAP_RE` six spaces in a row and :data:`_LINK_ROW_RE` a '|'."""
_CITATION_ROW_RE = re.compile(r"\s*[^.!?]{1,80}?(?:,|\s-)\s(?:1[89]|20)\d\d\s-(?:\s|$)")
"""A search result's citation row under its title, fields parted by ' - ' and a year
closing one ('A Lind, O Sokolov - Journal of X, 2021 - publisher', 'P Name - 2016 - press'):
the result's metadata, never the rest of the title, nor run on into the snippet under it
unless it is cut at an open field (a trailing ' -', '&' or ',')."""
_OPEN_FIELD_ENDS = ("-", "&", ",")
_PICTURE_CREDIT_RE = re.compile(r"\s*(?i:photo|фото|image|illustration|picture)s?\s*:\s*\S")
"""A picture's credit under a headline ('Photo: Anna Lind / Agency', 'Фото: …')."""
_TAGLINE_RE = re.compile(
    r"\s*(?:\d[\d,.]*[km]?\s+(?:points?|comments?|votes?)\s+)*"
    r"submitted\s+(?:\d+|an?)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\*?"
    r"\s+by\s+\S+(?:\s+to(?:\s+\S+)?)?\s*$",
    re.IGNORECASE,
)
"""A link aggregator's tagline under a post's title, its counts before it or not ('submitted
5 months ago by user to c/news', '412 points 88 comments submitted 3 years ago by user to
r/news', its community wrapped onto the next line or not): the post's metadata, a line of
its own, never the rest of the title nor of anything above or below it."""
_OPEN_TO_RE = re.compile(r"\sto\s*$")
"""A tagline cut after its 'to': its community is on the next line."""
_COUNTER_LINE_RE = re.compile(
    r"\s*\d[\d,.]*[km]?\s+(?:views?|comments?|repl(?:y|ies)|likes?|messages?|posts?|points?"
    r"|votes?|readers|members|комментари\w{0,3}|ответ\w{0,2}|просмотр\w{0,2})\s*$",
    re.IGNORECASE,
)
"""A page's counter on a line of its own ('3 views', '29 comments'), never the rest of a
sentence."""
_FEED_TIME_RE = re.compile(r"\s*[0-2]?\d:[0-5]\d\s+[\"“«]?[A-ZА-ЯЁ]")
"""A line opening with a time of day before a capitalised word ('19:52  Saratov duma …'):
a news feed's next item."""
_MORE_LINK_RE = re.compile(r"\s*(?:Read [Mm]ore|READ MORE|Continue [Rr]eading)(?![a-z])")
"""A read-more link opening a line (capitalised: a link's label, not a sentence going on)."""


_LAID_OUT_HEAD_RE = re.compile(r"\s*\d{1,4} {3,}\S")
"""A running head laid out with its page number first, a wide gap after it ('212      <Name>'):
no sentence goes on with a number set apart so."""
CONTENTS_LINE = re.compile(r"^\S.{0,150}?(?:\s?\.){4,}\s*\d{1,4}$")
"""An entry of a table of contents: its heading, dot leaders, its page ('1. Introduction
........ 5', 'Abstract . . . . 4')."""
_LAID_OUT_ENTRY_RE = re.compile(r"\S {3,}\d{1,4}\s*$")
"""A contents entry laid out with its page number at the right edge."""


def _kept_apart(line: str, nxt: str) -> bool:
    """Lines that are never one paragraph: a mail quote ('>' lines are reflowed as quote
    blocks by segmentation, markers out), a line behind a pipe gutter ('| text'), one
    lower-case word alone after a sentence's end (a button row), a 'Label: value' header line ('From:',
    'Previous message:') before another one or before a capitalised line, and a signature
    or separator rule on either side, a line holding only a web or e-mail address (a
    reference's or a list footer's), a mail sender line ('Name user at host.org', 'Name
    <a@b.org>') under a subject, a stamp line ('Politics · 18 min ago') or a tagline
    ('submitted 2 days ago by user') under a headline, a byline closed by a date ('by
    Name — last modified <date>') on either side, a whole tagline over any line (only
    one cut after its 'to' goes on), a search result's citation row ('A Lind - Journal,
    2021 - publisher') under its title or, whole, over its snippet, a page's counter ('3 views') on
    either side, a news feed's time-stamped line ('19:52  <headline>') or a read-more
    link under another line, a mail header field ('To: <list>') under any line, a row of
    links joined by bars ('Date index | Thread index | Author index') on either side, a
    paper's index field ('Keywords: …') under its
    abstract, a running head laid out with its page number first under any line, two
    contents entries laid out with their page numbers at the edge, and a line laid out
    in columns on either side (a page's head or foot: 'КонсультантПлюс      Страница 1 из
    3' over 'надежная правовая поддержка      www.consultant.ru')."""
    return _apart_alone(line) or _apart_alone(nxt) or _apart_below(line, nxt)


def _apart_alone(line: str) -> bool:
    """The tests of :func:`_kept_apart` that read one line, whichever side it is on: a
    line laid out in columns, a counter, a row of links, a web or e-mail address, a mail
    quote, a pipe gutter, a rule, a contents entry with dot leaders. :func:`unwrap_lines`
    asks them once per line."""
    return bool(
        ("      " in line and _COLUMN_GAP_RE.search(line.strip()))
        or _COUNTER_LINE_RE.match(line)
        or ("|" in line and _LINK_ROW_RE.fullmatch(line))
        or _URL_LINE_RE.match(line)
        or _QUOTED_RE.match(line)
        or _GUTTER_RE.match(line)
        or _RULE_RE.match(line)
        or (line.rstrip()[-1:].isdigit() and CONTENTS_LINE.match(line.strip()))
    )


def _apart_below(line: str, nxt: str) -> bool:
    """The other tests of :func:`_kept_apart`: the lower line's own, or both lines'."""
    return bool(
        _LAID_OUT_HEAD_RE.match(nxt)
        or (
            "   " in line
            and "   " in nxt
            and _LAID_OUT_ENTRY_RE.search(line)
            and _LAID_OUT_ENTRY_RE.search(nxt)
        )
        or (("@" in nxt or " at " in nxt) and _SENDER_RE.search(nxt))
        or (("·" in nxt or "•" in nxt) and _STAMP_LINE_RE.match(nxt))
        or ("@" in nxt and _ACCOUNT_BYLINE_RE.match(nxt))
        or _TAGLINE_RE.match(nxt)
        or (_TAGLINE_RE.match(line) and not _OPEN_TO_RE.search(line))
        or _BYLINE_FIELD_RE.match(nxt)
        or (_DIGIT_RE.search(nxt) and _META_ROW_RE.match(nxt))
        or (_DIGIT_RE.search(nxt) and _DATED_BYLINE_RE.match(nxt))
        or (_DIGIT_RE.search(line) and _DATED_BYLINE_RE.match(line))
        or (" - " in nxt and _CITATION_ROW_RE.match(nxt))
        or (" - " in line and not line.endswith(_OPEN_FIELD_ENDS) and _CITATION_ROW_RE.match(line))
        or ("/" in nxt and _SECTION_PATH_RE.match(nxt))
        or _YEAR_ROW_RE.match(nxt)
        or _PICTURE_CREDIT_RE.match(nxt)
        or _FEED_TIME_RE.match(nxt)
        or _MORE_LINK_RE.match(nxt)
        or _INDEX_FIELD_RE.match(nxt)
        or (":" in nxt and HEADER_FIELD.match(nxt.lstrip()))
        or (_BARE_WORD_RE.match(nxt) and _strong_end(line.rstrip()))
        or (
            ":" in line
            and _FIELD_RE.match(line)
            and (_FIELD_RE.match(nxt) or nxt.lstrip()[:1].isupper())
        )
    )


def _laid_out(line: str, width: int) -> bool:
    """A line set to the right or in the middle of the page (a report's series label and
    number, a centred heading): indented by more than half the wrap width, which no line of
    running text is. Such a line is joined only to another one laid out so (a centred
    phrase set over several lines), never to running text above or below it."""
    return len(line) - len(line.lstrip()) > width // 2


def _boundary(
    lines: list[str],
    k: int,
    offsets: list[int],
    width: int,
    wrapped: bool,
    doc: WordCounts,
    s: UnwrapSettings,
    para_first: str,
    alone: list[bool | None],
) -> LocalEdit | None:
    """The edit joining line k to line k+1, or None to keep the line break. A line longer
    than any wrap width (``max_width``) is a paragraph of its own, and a search result's
    address row ('<address> - 14 KB - <date>') a row of its own: their breaks are kept.
    `alone`: each line's :func:`_apart_alone`, None until asked (a line is asked as the
    upper line of one break and the lower line of the one before)."""
    line, nxt = lines[k], lines[k + 1]
    for at in (k, k + 1):
        if alone[at] is None:
            alone[at] = _apart_alone(lines[at])
    if (
        alone[k]
        or alone[k + 1]
        or _apart_below(line, nxt)
        or _ADDRESS_ROW_RE.match(nxt.lstrip())
        or (len(line) > s.max_width and not line.endswith("\u00ad"))
    ):
        return None
    if _laid_out(line, width) != _laid_out(nxt, width):
        return None
    end = offsets[k] + len(line)
    next_indent = len(nxt) - len(nxt.lstrip())
    after = offsets[k + 1] + next_indent
    split = _hyphen_join(line, nxt)
    if split is not None:
        left, mark, right = split
        if mark == "\u00ad":
            return LocalEdit(end - 1, after, "", "dehyphenate", "joined: soft hyphen")
        if wrapped:
            keep, reason = decide_hyphen(left, right, doc, s)
            rule = "dehyphenate_kept" if keep else "dehyphenate"
            return LocalEdit(end - 1, after, "-" if keep else "", rule, reason)
    if not wrapped:
        return None
    if _NUMBER_HYPHEN_END_RE.search(line) and _NEXT_LOWER_RE.match(nxt):
        return LocalEdit(end, after, "", "dehyphenate_kept", "kept: hyphen after a number")
    caps, next_caps = _is_caps(line), _is_caps(nxt)
    strong = _strong_end(line.rstrip())
    if caps and _is_caps(nxt, 1) and not strong:
        return LocalEdit(end, after, " ", "unwrap_heading", "all-caps heading wrapped")
    if (caps or next_caps) and min(len(_letters(line)), len(_letters(nxt))) >= 2:
        return None
    if _LIST_RE.match(nxt) and (
        strong or _LIST_RE.match(para_first) or _room(line, nxt, width, s.room_slack)
    ):
        return None
    if (strong or len(nxt.strip()) <= MAX_HANDLE_LINE) and _HANDLE_START_RE.match(nxt):
        return None  # '<user_name> is offline', '<user_name> wrote in <blog>': no continuation
    if strong and _NEXT_DIGIT_RE.match(nxt) and _room(line, nxt, width, s.room_slack):
        return None  # a sentence closed with room to spare over a line opening on a number:
        # a headline over its score row ('<title>?' / '167 points ...'), no wrap
    if _starts_lower_or_digit(nxt):
        return LocalEdit(end, after, " ", "unwrap_lines", "next line continues the sentence")
    if next_indent and (strong or _room(line, nxt, width, s.room_slack)):
        return None
    if strong and _room(line, nxt, width, s.room_slack):
        return None
    if _room(line, nxt, width, 4 * s.room_slack):
        return None
    return LocalEdit(end, after, " ", "unwrap_lines", "line break inside a wrapped paragraph")


# --- hyphen splits inside flattened lines ----------------------------------------------------


def _is_part_word(word: str, s: UnwrapSettings) -> bool:
    """Is `word` common enough to stand on its own (see ``part_zipf_short/long``)?"""
    threshold = s.part_zipf_short if len(word) <= 4 else s.part_zipf_long
    return zipf(word, _lang(word)) >= threshold


def _inline_decision(
    left: str, right: str, doc: WordCounts, s: UnwrapSettings
) -> tuple[str, str, bool] | None:
    """(replacement for "- ", reason, is a fragment split) for "left- right" in a long line,
    or None to leave it. A fragment split is joined and has a part that is no word."""
    if not right[0].islower():
        return None
    if left.isdigit():
        if right.lower() in _FUNCTION_WORDS:
            return None
        return "-", "kept: hyphen after a number", False
    part = left.rsplit("-", 1)[-1]
    joined = part + right
    if right.lower() in _FUNCTION_WORDS and zipf(joined, _lang(joined)) < s.join_zipf:
        return None
    keep, reason = decide_hyphen(left, right, doc, s)
    if keep:
        return "-", reason, False
    fragment = not (_is_part_word(part, s) and _is_part_word(right, s))
    return "", reason, fragment


def _glued_decision(left: str, right: str, doc: WordCounts, s: UnwrapSettings) -> str | None:
    """The reason to join "left-right" in glued text, or None to keep the hyphen: the joined
    word is better attested (document, then wordfreq) or the right part is a suffix."""
    if not right.islower():
        return None
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    n_join, n_hyph = doc[joined], doc[hyphenated] - 1  # the other spellings in the document
    if n_join > n_hyph:
        return f"joined: {joined} seen {n_join}x in document, {hyphenated} {n_hyph}x elsewhere"
    if n_hyph > n_join:
        return None
    zj = zipf(joined, _lang(joined))
    if zj >= s.join_zipf:
        return f"joined: zipf({joined})={zj} is a common word"
    if _lang(joined) == "en" and right in _SUFFIXES and not _is_part_word(left, s):
        return f"joined: '{right}' is a suffix"
    return None


class _LazyWordCounts:
    """A text's lower-cased word counts (`_TOKEN_RE`), counted on the first look-up: a
    text's hyphen candidates are often all settled before any of them asks for a count."""

    __slots__ = ("_counts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._counts: Counter[str] | None = None

    def __getitem__(self, word: str) -> int:
        if self._counts is None:
            self._counts = Counter(map(str.lower, _TOKEN_RE.findall(self._text)))
        return self._counts[word]


def _long_lines(text: str, s: UnwrapSettings) -> list[tuple[int, str]]:
    """(offset, line) of every line longer than the widest wrap width."""
    found = []
    pos = 0
    for line in text.split("\n"):
        if len(line) > s.max_width:
            found.append((pos, line))
        pos += len(line) + 1
    return found


def dehyphenate_inline(text: str, s: UnwrapSettings, counts: Counter[str]) -> list[LocalEdit]:
    """Undo line-end hyphenation kept inside flattened lines; see the module docstring.

    "left- right" splits are decided only when one of them is a fragment split (a part
    that is no word, joined): without one, a hyphen before a space is a dash or a suspended
    compound and is left as written. Glued hyphens are decided only in glued text."""
    if "-" not in text:
        return []
    lines = _long_lines(text, s)
    spaced = any("- " in line for _, line in lines)
    glued = (
        sum(len(_GLUE_RE.findall(line)) for _, line in lines if _GLUE_HINT_RE.search(line))
        >= MIN_GLUE_MARKS
    )
    if not (spaced or glued):
        return []
    doc = _LazyWordCounts(text)
    edits = _spaced_splits(lines, doc, s, counts) if spaced else []
    if glued:
        edits += _glued_splits(lines, doc, s, counts)
    return sorted(edits, key=lambda edit: edit.start)


def _spaced_splits(
    lines: list[tuple[int, str]], doc: WordCounts, s: UnwrapSettings, counts: Counter[str]
) -> list[LocalEdit]:
    """Edits for "left- right" splits, if any of them is a fragment split."""
    decided = []
    fragments = 0
    for offset, line in lines:
        if "- " not in line:
            continue
        for match in _INLINE_SPLIT_RE.finditer(line):
            decision = _inline_decision(match.group("left"), match.group("right"), doc, s)
            if decision is not None:
                decided.append((offset + match.end("left"), decision))
                fragments += decision[2]
    if not fragments:
        return []
    edits = []
    for start, (new, reason, _) in decided:
        rule = "dehyphenate_inline_kept" if new else "dehyphenate_inline"
        counts[rule] += 1
        edits.append(LocalEdit(start, start + 2, new, rule, reason))
    return edits


def _glued_splits(
    lines: list[tuple[int, str]], doc: WordCounts, s: UnwrapSettings, counts: Counter[str]
) -> list[LocalEdit]:
    """Edits joining the hyphenated words of glued text whose joined form is attested."""
    edits = []
    for offset, line in lines:
        for match in _GLUED_SPLIT_RE.finditer(line):
            reason = _glued_decision(match.group("left"), match.group("right"), doc, s)
            if reason is not None:
                start = offset + match.end("left")
                counts["dehyphenate_inline"] += 1
                edits.append(LocalEdit(start, start + 1, "", "dehyphenate_inline", reason))
    return edits
