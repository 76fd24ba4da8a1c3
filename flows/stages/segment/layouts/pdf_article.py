"""A PDF-extracted article: one post, its page furniture dropped, its head read.

Detected from its hard wraps (broken mid-sentence, the next line going on in lower case,
or the line ending in a space or hyphen, on ``min_wrapped_ratio`` of the lines); from what
only PDF text shows (viewer lines such as ``Total Page:16``, pages numbered in sequence;
see :func:`flows.stages.segment.furniture.pdf_evidence`); or, a weaker sign kept after
repair has unwrapped the lines, an ALL-CAPS title line.

Segmenting: page furniture (running heads, page numbers, viewer lines: :mod:`.furniture`)
and boilerplate are dropped, then the head of the article is read from its first lines:

* the title: an ALL-CAPS run of up to three lines, or the first heading-like line, with a
  second line when the title is wrapped (it ends with a colon, or its next line goes on in
  lower case or stands between it and the author line); series lines above it
  ('Discussion Paper No. 7') are metadata, never the title;
* the author line under it (names, 'By …', 'Prepared by …'); an affiliation line
  ('Department of …, University of …') is metadata, never the author;
* a date line ('Published online 30 September 2019', a dateline) as the publication date.

Flattened PDF text holds the whole first-page head on one line; its fields are cut apart
at their forms (an ALL-CAPS title followed by a name, 'DOI', 'e-mail:', 'Received', '©'),
and a byline glued to its title ('…FailedBy Name') is cut off, so that each field is a line
of its own (the pieces keep their offsets; lines are renumbered). When the head shows
nothing but what :func:`build_post` reads itself (a title line), the post is built without
it, and a closing signature still gives the author.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flows.stages.records import Segmented
from flows.stages.repair.chars import zipf
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.furniture import find_furniture, pdf_evidence
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import Line, ends_sentence, is_all_caps, word_count
from flows.stages.segment.meta import find_date, is_dateline
from flows.stages.segment.post import PostHead, build_post

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig

HEAD_LINES = 8
"""The head of the article is read from its first this many kept lines."""
FRONT_MATTER_CHARS = 800
"""A flattened first-page head is looked for in the first this many characters of a line."""

_UPPER = "A-ZА-ЯЁ"
_LOWER = "a-zа-яёß"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?"
_INITIAL = rf"[{_UPPER}]\."
_PERSON = rf"(?:(?:{_NAME_WORD}|{_INITIAL})\s+){{1,3}}{_NAME_WORD}"
_NAMES = rf"{_PERSON}(?:\s*(?:,|\band\b|&|и)\s*{_PERSON})*"
_MARKS = r"[\s*†‡∗\d,]*"
AUTHOR_LINE = re.compile(
    rf"^(?:(?:prepared|written|compiled|edited)\s+by|by|authors?\s*:)?\s*(?P<names>{_NAMES})"
    rf"{_MARKS}$",
    re.IGNORECASE,
)
"""'Irina V. Volkova', 'By P. N. Gorshkov and A. Lind', 'Prepared by Lev Sarkisov *'."""
_CASED_NAMES = re.compile(_NAMES)
_NOT_NAME_WORD_LIST = (
    "the a an of and abstract introduction contents chapter section part volume issue "
    "paper papers series report brief working discussion policy journal review studies "
    "press university department institute centre center faculty school college academy "
    "laboratory summary keywords notes references appendix table figure edition "
    "executive foreword preface"
)
NOT_NAME_WORDS = frozenset(_NOT_NAME_WORD_LIST.split())
"""Words of a document's structure or an institution: a line of them is not a name."""
COMMON_ZIPF = 5.0
"""A line whose words are all this common (wordfreq Zipf) is not a name ('Mark Young' is
read as not a name: the price of refusing 'Working Paper')."""
AFFILIATION = re.compile(
    r"\b(?:department|faculty|school\s+of|institute|university|college|academy|centre|"
    r"center|laboratory|lab)\b",
    re.IGNORECASE,
)
SERIES_LINE = re.compile(
    r"\b(?:no\.|vol\.|issue|series|paper|brief|report|bulletin)\s*(?:no\.\s*)?\d",
    re.IGNORECASE,
)
"""A publication series line ('Discussion Paper No. 7', 'Policy Brief 6/2019')."""
PUBLISHED = re.compile(
    r"(?:^|[/|;•·]\s*)published(?:\s+online)?(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
"""'Published: …' opening a head line or one of its '/'-separated fields."""
NOT_PUBLISHED = re.compile(r"\b(?:received|accepted|revised|submitted)\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]{2,}")
PREPARED_BY = re.compile(r"\s*(?:prepared|written|compiled|edited)\s+by\b", re.IGNORECASE)

# --- flattened heads -------------------------------------------------------------------------

_CAPS_WORD = rf"[{_UPPER}0-9][{_UPPER}0-9'’.,:;&()–—-]*"
CAPS_WORD = re.compile(rf"[{_UPPER}]{{2,}}")
CAPS_RUN = re.compile(rf"(?<!\S)(?:{_CAPS_WORD}\s+){{2,}}{_CAPS_WORD}(?!\S)")
NAME_TOKEN = re.compile(r"\S+")
FIELD_START = re.compile(
    r"(?<=\s)(?=(?:UDC|DOI|ISSN|e-?mail|E-?mail|Email|Received|Abstract|Keywords|©|Copyright)"
    r"\b|©)"
)
"""Where a field of a flattened first-page head begins."""
VIEWER_PREFIX = re.compile(
    r"^microsoft\s+(?:word|powerpoint|excel)\s+-\s+\S+\.(?:docx?|pptx?|xlsx?|rtf|odt)(?=\s)",
    re.IGNORECASE,
)
GLUED_BYLINE = re.compile(rf"^(?P<title>.*?[^\s.!?])\s*(?=By\s+{_NAMES}{_MARKS}$)")
"""'Why the Coup FailedBy Tamara Oginskaya *': a byline run on from its title."""


def count_wrapped(lines: Sequence[Line]) -> tuple[int, int]:
    """(hard-wrapped lines, non-blank lines)."""
    wrapped = filled = 0
    for line, following in zip(lines, [*lines[1:], None], strict=False):
        if line.is_blank:
            continue
        filled += 1
        if following is None or following.is_blank or ends_sentence(line.text):
            continue
        if following.text[:1].islower() or line.raw.endswith((" ", "-")):
            wrapped += 1
    return wrapped, filled


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    wrapped, filled = count_wrapped(lines)
    if filled >= 8 and wrapped >= config.min_wrapped_ratio * filled:
        return Detection("pdf_article", 0.8, f"{wrapped} of {filled} lines hard-wrapped")
    evidence = pdf_evidence(lines)
    if evidence is not None:
        return Detection("pdf_article", 0.75, evidence)
    first = next((line.text for line in lines if not line.is_blank), "")
    if is_all_caps(first) and word_count(first) >= 3:
        return Detection("pdf_article", 0.7, "all-caps title line (PDF export style)")
    return None


def segment(result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig) -> None:
    rules = config.block_rules()
    dropped = _dropped(lines)
    first = next((line for line in lines if not line.is_blank and line.index not in dropped), None)
    cuts = _head_cuts(first.raw, rules.max_title_chars) if first is not None else []
    if first is not None and cuts:
        lines = split_line(lines, first.index, cuts)
        dropped = _dropped(lines)
    head = read_head(lines, dropped, rules.max_title_chars, split=bool(cuts))
    add_dropped(result, doc_id, lines, dropped)
    add_post(
        result,
        build_post(
            doc_id=doc_id,
            ordinal=0,
            kind="article",
            region=lines,
            dropped=dropped,
            rules=rules,
            head=head,
        ),
    )


def _dropped(lines: Sequence[Line]) -> dict[int, str]:
    """Boilerplate and page furniture (furniture wins where both match)."""
    dropped = find_boilerplate(lines)
    dropped.update(find_furniture(lines))
    return dict(sorted(dropped.items()))


# --- cutting a line ----------------------------------------------------------------------------


def split_line(lines: Sequence[Line], index: int, cuts: Sequence[int]) -> list[Line]:
    """`lines` with line `index` cut at the offsets `cuts` (positions in its raw text) into
    consecutive lines; every line is renumbered in order, offsets are kept."""
    out: list[Line] = []
    for line in lines:
        if line.index != index:
            out.append(Line(len(out), line.start, line.raw))
            continue
        bounds = [0, *sorted(set(cuts)), len(line.raw)]
        for lo, hi in itertools.pairwise(bounds):
            if hi > lo:
                out.append(Line(len(out), line.start + lo, line.raw[lo:hi]))
    return out


def _head_cuts(raw: str, max_title_chars: int) -> list[int]:
    """Where to cut the first kept line: the fields of a flattened first-page head, or the
    byline glued to a title. Empty when the line is neither."""
    text = raw.rstrip()
    if len(text) <= max_title_chars:
        glued = GLUED_BYLINE.match(text)
        if glued is None or ends_sentence(glued.group("title")):
            return []
        return [glued.end()] if author_of(text[glued.end() :]) is not None else []
    window = text[:FRONT_MATTER_CHARS]
    title = _caps_title(window)
    if title is None:
        return []
    name_end = _name_after(window, title.end())
    if name_end is None:
        return []
    cuts = {title.start(), title.end(), name_end}
    prefix = VIEWER_PREFIX.match(window)
    if prefix:
        cuts.add(prefix.end())
    cuts.update(match.start() for match in FIELD_START.finditer(window))
    return sorted(cut for cut in cuts if 0 < cut < len(text))


def _name_after(text: str, pos: int) -> int | None:
    """Where the longest name (two to four words) right after `pos` ends, or None."""
    tokens = list(NAME_TOKEN.finditer(text, pos))[:4]
    if not tokens or text[pos : tokens[0].start()].strip():
        return None
    for count in range(len(tokens), 1, -1):
        if is_name_line(text[tokens[0].start() : tokens[count - 1].end()]):
            return tokens[count - 1].end()
    return None


def _caps_title(window: str) -> re.Match[str] | None:
    """The longest ALL-CAPS run of at least three words (two letters or more) in `window`."""
    best = None
    for match in CAPS_RUN.finditer(window):
        words = CAPS_WORD.findall(match.group())
        letters = sum(ch.isalpha() for ch in match.group())
        if len(words) < 3 or letters < 0.6 * len(match.group().replace(" ", "")):
            continue
        if best is None or len(match.group()) > len(best.group()):
            best = match
    return best


# --- reading the head ----------------------------------------------------------------------


def is_name_line(names: str) -> bool:
    """Names of people, not a structure or institution line (see ``NOT_NAME_WORDS``)."""
    words = WORD.findall(names)
    if not words or any(word.casefold() in NOT_NAME_WORDS for word in words):
        return False
    if not _CASED_NAMES.fullmatch(names.strip()):
        return False
    full = [word for word in words if word[1:].islower()]
    return not full or any(zipf(word, "en") < COMMON_ZIPF for word in full)


def author_of(text: str) -> str | None:
    """The names of an author line ('By X and Y', 'Prepared by X', 'X Y *'), else None."""
    if AFFILIATION.search(text) or len(text) > 160:
        return None
    match = AUTHOR_LINE.match(text)
    if match is None or not is_name_line(match.group("names")):
        return None
    return match.group("names").strip()


def published_of(text: str) -> str | None:
    """The publication date as written on a head line ('Published online 30 Sept 2019', a
    dateline), else None. Received and accepted dates are not publication dates."""
    match = PUBLISHED.search(text)
    if match:
        found = find_date(text[match.end() :])
        if found is not None and text[match.end() :].lstrip().startswith(found[0]):
            return found[0]
    if is_dateline(text) and NOT_PUBLISHED.search(text) is None:
        found = find_date(text)
        return found[0] if found else None
    return None


def _is_title_like(text: str, max_chars: int) -> bool:
    return (
        0 < len(text) <= max_chars
        and word_count(text) <= 30
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“'‘«")
        and (not ends_sentence(text) or text.rstrip("\"'”’»)").endswith("?"))
    )


@dataclass
class _Head:
    title_lines: list[Line]
    author: str | None = None
    published: str | None = None
    meta: set[int] | None = None


def _title_run(zone: Sequence[Line], pos: int, max_chars: int) -> list[Line]:
    """The title's lines from `zone[pos]`: an ALL-CAPS run of up to three lines, or one
    heading-like line, with its wrapped second line."""
    first = zone[pos]
    if is_all_caps(first.text) and word_count(first.text) >= 2:
        run = [first]
        for line in zone[pos + 1 : pos + 3]:
            if not is_all_caps(line.text) or line.index != run[-1].index + 1:
                break
            run.append(line)
        return run
    if not _is_title_like(first.text, max_chars):
        return []
    if pos + 1 >= len(zone):
        return [first]
    second = zone[pos + 1]
    after = zone[pos + 2].text if pos + 2 < len(zone) else ""
    joined = len(first.text) + 1 + len(second.text)
    wrapped = (
        first.text.endswith(":")
        or second.text[:1].islower()
        or (author_of(after) is not None and author_of(second.text) is None)
    )
    if (
        wrapped
        and second.index == first.index + 1
        and joined <= max_chars
        and _is_title_like(second.text[:1].upper() + second.text[1:], max_chars)
        and not is_all_caps(second.text)
    ):
        return [first, second]
    return [first]


def _caps_title_at(zone: Sequence[Line], max_chars: int) -> int | None:
    """Where an ALL-CAPS title line (three words or more, not a series line) stands in the
    first lines of `zone`, when only short non-sentence lines stand above it."""
    for pos, line in enumerate(zone[:5]):
        text = line.text
        if is_all_caps(text) and word_count(text) >= 3 and not SERIES_LINE.search(text):
            return pos
        if len(text) > max_chars or word_count(text) > 12 or ends_sentence(text):
            return None
    return None


def _read_meta_line(head: _Head, text: str, max_chars: int, before_title: bool) -> bool:
    """Take what a head line holds (author, date; series or affiliation lines hold nothing
    kept): True when it is such a metadata line."""
    short = len(text) <= max_chars and not ends_sentence(text)
    author = author_of(text)
    if author is not None:
        if before_title and not PREPARED_BY.match(text):
            return False
        head.author = author if head.author is None else f"{head.author}, {author}"
        return True
    if not short:
        return False
    date = published_of(text)
    if date is not None and head.published is None:
        head.published = date
        return True
    if SERIES_LINE.search(text):
        return True
    return short and not before_title and AFFILIATION.search(text) is not None


def _scan(content: Sequence[Line], max_chars: int) -> _Head:
    """Series lines, title, author, affiliation and date lines at the top of `content`."""
    zone = list(content[:HEAD_LINES])
    head = _Head([], meta=set())
    meta: set[int] = set()
    caps_at = _caps_title_at(zone, max_chars)
    pos = 0
    while pos < len(zone) - 1 and pos < 4:
        if caps_at is not None and pos == caps_at:
            break
        if caps_at is None and not _read_meta_line(head, zone[pos].text, max_chars, True):
            break
        if caps_at is not None:
            _read_meta_line(head, zone[pos].text, max_chars, True)
        meta.add(zone[pos].index)
        pos += 1
    head.title_lines = _title_run(zone, pos, max_chars) if pos < len(zone) else []
    pos += len(head.title_lines)
    for line in zone[pos : pos + 4]:
        if not _read_meta_line(head, line.text, max_chars, False):
            break
        meta.add(line.index)
    head.meta = meta
    return head


def read_head(
    lines: Sequence[Line], dropped: dict[int, str], max_chars: int, split: bool = False
) -> PostHead | None:
    """The post head read from the first kept lines, or None when it shows nothing but a
    title line that :func:`build_post` finds itself (and `split` is False), or when no line
    would be left for the body."""
    content = [line for line in lines if not line.is_blank and line.index not in dropped]
    if len(content) < 2:
        return None
    head = _scan(content, max_chars)
    meta = head.meta or set()
    if not (split or meta or head.author or head.published or len(head.title_lines) > 1):
        return None
    title = " ".join(line.text for line in head.title_lines) or None
    if title is not None and is_all_caps(title):
        title = " ".join(title.split())
    if title is None and not head.author and not meta:
        return None
    known = meta | {line.index for line in head.title_lines}
    if all(line.index in known for line in content):
        return None  # a head with no body: build_post keeps every line instead
    return PostHead(
        title=title,
        title_lines=frozenset(line.index for line in head.title_lines),
        author=head.author,
        published=head.published,
        meta_lines=frozenset(meta),
    )
