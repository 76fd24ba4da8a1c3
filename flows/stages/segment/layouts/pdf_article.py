"""A PDF-extracted article: one post, its page furniture dropped, its head read.

Detected from its hard wraps (broken mid-sentence, the next line going on in lower case,
or the line ending in a space or hyphen, on ``min_wrapped_ratio`` of the lines); from what
only PDF text shows (viewer lines such as ``Total Page:16``, pages numbered in sequence,
running heads, page stamps; see :func:`flows.stages.segment.furniture.pdf_evidence`); from
what repair took out of the lines (form feeds, words hyphenated at line ends:
:func:`detect_repairs`); or, a weaker sign kept after repair has unwrapped the lines, an
ALL-CAPS title line; or one sign that only print typesets (a word hyphenated at a line
end, a journal's first-page line, footnotes under glued markers, two columns, a
printer's production line: :data:`PRINT_SIGNS`), weaker still.

Segmenting: page furniture (running heads, page numbers, viewer lines: :mod:`.furniture`)
and boilerplate are dropped, then the head of the article is read from a *head block*: a
run of lines above the first paragraph of prose (a cover page, the head of the first page).

* The block is the first one, when the text opens with it; a later block (in the first
  ``MAX_HEAD_SHARE`` of the text) only when it holds a title right above a byline and the
  text above repeats that title: a document-sharing or library page (its copy of the title
  and abstract) above the PDF's own first page. What stands above that block is dropped as
  ``front_matter``.
* The title: the one right above a byline (never a run holding a series line such as
  '2021 No. 5'); else a title field ('SUBJECT: …'); else, on a cover that names its
  author above the title, under series lines or over the institution, the lines under the
  name; else an ALL-CAPS run of up to three lines (a word of two letters in lower case
  allowed: 'CASE OF X v. RUSSIA'), or the first heading-like line, with a second line when
  the title is wrapped (it ends with a colon, or its next line goes on in lower case or
  stands between it and the author line); series lines above it ('Discussion Paper No. 7')
  are metadata.
* The author: the byline under the title (names, 'By …', 'Prepared by …', names run
  together by the extraction: 'X†Y‡', 'NameUniversity of …', 'Name, Institute …'); an
  affiliation line is metadata, never the author; a capitalised line most of whose words
  the document writes in lower case is a title, not names.
* The date: a 'Published …' date of the block, else its first dateline; received and
  accepted dates are not publication dates.
* Every line of the block down to the last field it holds (byline, date, affiliation,
  series, labelled field 'Article views: 412') is metadata, out of the body; below an
  ``Abstract`` heading only the labelled fields are (the abstract is the article's text).
* What stands between the head and the heading the text opens with (``Executive
  Summary``, ``Abstract``), in the first ``MAX_HEAD_SHARE`` of the text, is the cover's or
  the imprint's notes (copyright, disclaimer, contents, the title repeated): dropped as
  ``front_matter``; so are the paper's index fields there ('Keywords: …', 'JEL
  Classification: …').
* The last paragraph, when it is a note about the publisher that the running heads or the
  masthead name ('The <Forum> is a network of …'), is ``page_furniture``.

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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flows.stages.mail_fields import HEADER_FIELD
from flows.stages.records import Segmented
from flows.stages.repair.chars import zipf
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.candidates import is_bracketed_note
from flows.stages.segment.furniture import (
    ARXIV_STAMP,
    TWO_COLUMNS_SIGN,
    find_furniture,
    is_prose,
    is_viewer_line,
    pdf_evidence,
    weak_pdf_signs,
)
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import Line, ends_sentence, is_all_caps, word_count
from flows.stages.segment.meta import (
    AFFILIATION,
    POSITION,
    find_date,
    is_byline_label,
    is_dateline,
)
from flows.stages.segment.post import HONORIFIC, PostHead, build_post
from flows.stages.segment.shapes import stamped_rows

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig

DROPS_LEARNED_FURNITURE = True
"""One article per document: the lines its source repeats at its edges are furniture
(:mod:`..repeated`); layouts of many items keep them, as their items' markers."""
HEAD_LINES = 8
"""The head of the article is read from its first this many kept lines."""
FRONT_MATTER_CHARS = 800
"""A flattened first-page head is looked for in the first this many characters of a line."""

_LATIN = [chr(code) for code in range(0xC0, 0x250)]
_UPPER = "A-ZА-ЯЁ" + "".join(ch for ch in _LATIN if ch.isupper())
_LOWER = "a-zа-яё" + "".join(ch for ch in _LATIN if ch.islower())
"""Letters by case: Latin with its accented forms ('Kępiński', 'Jurkutė'), and Cyrillic."""
_NAME_WORD = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?"
_INITIAL = rf"(?:[{_UPPER}]\.){{1,3}}"
_PERSON = (
    rf"(?:(?:(?:{_NAME_WORD}|{_INITIAL})\s+){{1,3}}{_NAME_WORD}"
    rf"|{_NAME_WORD}\s+{_INITIAL}(?:\s?{_INITIAL})?)"
)
_JOIN = r"\s*(?:,\s*(?:and\b|&)?|\band\b|&|и)\s*"
"""Between two names: a comma, 'and' (after a comma too: 'A, B, and C'), '&', 'и'."""
_NAMES = rf"{_PERSON}(?:{_JOIN}{_PERSON})*"
_MARKS = r"[\s*†‡∗\d,⁰¹²³⁴⁵⁶⁷⁸⁹]*"
_WORK_BY = (
    r"(?:(?:an?|the)\s+)?(?:[^\W\d_]+\s+){0,2}?"
    r"(?:prepared|written|compiled|edited|submitted|presented)\s+by"
)
"""'Prepared by', also after the kind of work a cover names ('A STUDY PREPARED BY', 'A
thesis submitted by', 'Report presented by')."""
AUTHOR_LINE = re.compile(
    rf"^(?:{_WORK_BY}|by"
    r"|(?:authors?|author\(s\)|авторы?|rapporteurs?|докладчик|student|submitted\s+by)\s*:)?"
    r"\s*(?:(?:dr|prof)\.\s*)?"
    rf"(?P<names>{_NAMES})"
    rf"{_MARKS}$",
    re.IGNORECASE,
)
"""'Irina V. Volkova', 'By P. N. Gorshkov and A. Lind', 'Prepared by Lev Sarkisov *', 'Dr.
Anna Lind' (the title of address is not the name), 'Author(s): Irina V. Volkova' (a journal
archive's cover), 'Авторы: А.В. Селиванов, Н.Р. Гарипова', 'Кондратьева Е.С.' (a Russian
surname before its initials); the field of an author's role on a report's or a thesis's
cover ('Rapporteur: Anna Lind', 'Student: Anna Lind'; a supervisor's is no author's)."""
_CAPS_SURNAME = rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?"
_CASED_PERSON = (
    rf"(?:(?:(?:{_NAME_WORD}|{_INITIAL})\s+){{1,3}}(?:{_NAME_WORD}|{_CAPS_SURNAME})"
    rf"|{_NAME_WORD}\s+{_INITIAL}(?:\s?{_INITIAL})?"
    rf"|{_CAPS_SURNAME}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
_CASED_NAMES = re.compile(rf"{_CASED_PERSON}(?:{_JOIN}{_CASED_PERSON})*")
"""Names as cased: each word capitalised, the surname may be in capitals ('Svetlana
LOGINOVA', as French and Russian covers print it; 'СЕЛИВЁРСТОВА Ксения Андреевна', the
surname first, as a Russian thesis cover prints it)."""
_NOT_NAME_WORD_LIST = (
    "the a an of and abstract introduction contents chapter section part volume issue "
    "paper papers series report brief working discussion policy journal review studies "
    "press university department institute centre center faculty school college academy "
    "laboratory summary keywords notes references appendix table figure edition "
    "executive foreword preface "
    "office government publishing printing committee commission ministry council agency "
    "fellow professor director researcher analyst editor correspondent lecturer adviser "
    "advisor expert scholar rapporteur associate assistant"
)
NOT_NAME_WORDS = frozenset(_NOT_NAME_WORD_LIST.split())
"""Words of a document's structure, an institution or a position ('Senior Fellow'): a line
of them is not a name."""
COMMON_ZIPF = 5.0
"""A line whose words are all this common (wordfreq Zipf) is not a name ('Mark Young' is
read as not a name: the price of refusing 'Working Paper')."""
SERIES_LINE = re.compile(
    r"\b(?:no\.|vol\.|issue|number|series|paper|brief|report|bulletin)\s*(?:no\.\s*)?\d",
    re.IGNORECASE,
)
"""A publication series line ('Discussion Paper No. 7', 'Policy Brief 6/2019')."""
ISSUE_DATE = re.compile(
    r"\b(?:number|issue|no\.?|nr\.?|№)\s*\d{1,4}(?:/\d{2,4})?\s*[|•·,–—/-]\s*", re.IGNORECASE
)
"""A series' issue number with the issue's date after it ('NUMBER 311 | 14.09.2021' on a
brief's masthead): that date is the publication's."""
PUBLISHED = re.compile(
    r"(?:^|[/|;•·]\s*|[.»”\"]\s+)published(?:\s+online|\s+in\s+(?-i:[A-Z])[a-z]+)?(?:\s+on)?"
    r"\s*:?\s*",
    re.IGNORECASE,
)
"""'Published: …' opening a head line, one of its '/'-separated fields or a sentence of it
('Original title: «…». Published in Russian on 3 February 2026.')."""
NOT_PUBLISHED = re.compile(
    r"\b(?:received|accepted|revised|submitted|accessed|downloaded|retrieved)\b", re.IGNORECASE
)
"""Dates on a head that are not the publication's: the editors' and the reader's ('Accessed:
14-02-2017 09:41 UTC', a journal archive's cover)."""
WORD = re.compile(r"[^\W\d_]{2,}")
NAME_SEPARATOR = re.compile(r"(?<=\S)\s+(?:and|и)\s+(?=\S)")
"""The word between two names ('Oskar Lind and Marta Ilves'), not one of the names."""
MONTH_YEAR = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d$"
    r"|^(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
    r"\s+(?:19|20)\d\d(?:\s*г(?:ода|\.)?)?$",
    re.IGNORECASE,
)
"""A cover's month and year ('March 2021', 'Март 2021 г.'): a date field, never a title."""
ROLE_AFTER = re.compile(rf",\s*(?:[^\W\d_][\w.-]*\s+){{0,3}}(?:{POSITION.pattern})$", re.IGNORECASE)
"""A staff position after the byline's names (', Staff Writer', ', Senior Correspondent'):
no part of them."""
CAPS_BY = re.compile(r"\s*by\b", re.IGNORECASE)
"""'BY ANNA LIND' on a cover printed in capitals."""
FIELD_BAR = re.compile(r"\s+[|•·]\s+")
"""Between the fields of a byline row ('Anna Lind | 12 March 2021')."""
PREPARED_FOR = re.compile(r"\s*(?:prepared|written|produced|commissioned)\s+for\b", re.IGNORECASE)
"""'Prepared for the Committee on Budgets': the report's addressee, a field of the head."""
PREPARED_BY = re.compile(rf"\s*{_WORK_BY}\b", re.IGNORECASE)

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


MIN_WRAPPED_WORDS = 3
"""Fewest words of a line a hard wrap ends: a page's menu stacks one- and two-word links in
lower case ('about' over 'blog'), which no column of text is wrapped to."""


def count_wrapped(lines: Sequence[Line]) -> tuple[int, int]:
    """(hard-wrapped lines, non-blank lines)."""
    wrapped = filled = 0
    for line, following in zip(lines, [*lines[1:], None], strict=False):
        if line.is_blank:
            continue
        filled += 1
        if following is None or following.is_blank or ends_sentence(line.text):
            continue
        if word_count(line.text) < MIN_WRAPPED_WORDS:
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
    return None


SPLIT_WORD_FIXES = (
    "dehyphenate",
    "dehyphenate_kept",
    "dehyphenate_inline",
    "dehyphenate_inline_kept",
)
MIN_SPLIT_WORDS = 2
"""Words split by a hyphen at a line end (joined or kept by repair) from which a text shows
a PDF's justified lines: a web page's text flows, a mail's plain text is wrapped between
words."""
MIN_UNWRAPPED = 3
"""Hard-wrapped lines joined by repair from which their wrapping is a sign (not proof: a
mail is wrapped too) of a PDF's page lines."""
MIN_SIGNS = 2
"""Weak signs of PDF text that together tell it (:func:`weak_signs`)."""
SIGN_SCORE = 0.7
"""Score of the weak signs before each sign's share (``SIGN_STEP``), capped under the page
evidence of :func:`detect`."""
SIGN_STEP = 0.01
MAX_SIGN_SCORE = 0.73
ABSTRACT_RUN_IN = re.compile(r"^(?:abstract|аннотация|резюме)\s*[.:]\s+\S", re.IGNORECASE)
"""An abstract run in with its label ('Abstract. This article …', 'Аннотация. В статье …')."""
FRONT_LINES = 60
"""Kept lines in which a paper's abstract or index fields are looked for."""
MAIL_LINE = re.compile(rf"^>|{HEADER_FIELD.pattern}", re.IGNORECASE)
"""A mail's header field (:data:`~flows.stages.mail_fields.HEADER_FIELD`) or quoted
line: ``MIN_MAIL_LINES`` of them explain a text's hard wraps (a mail's plain text is
wrapped), which are then no sign of a PDF."""
MIN_MAIL_LINES = 2


def detect_repairs(lines: Sequence[Line], repairs: Mapping[str, int]) -> Detection | None:
    """PDF text that :func:`detect` found no page evidence in. Form feeds (the page breaks
    of pdftotext) or ``MIN_SPLIT_WORDS`` or more words hyphenated at a line end (or at the
    end of a page line flattened into a paragraph) tell it alone, from what repair took out
    of the lines; else ``MIN_SIGNS`` or more weak signs together (:func:`weak_signs`), scored
    by their number; else, the weakest sign kept after repair has unwrapped the lines, an
    ALL-CAPS title line. Scored under the page evidence of :func:`detect`, over the
    ``article`` fallback; in doubt (:func:`type_doubt`) when only the type of a few lines
    tells it."""
    kept = [line for line in lines if not line.is_blank]
    if not kept:
        return None
    pages = repairs.get("page_break", 0)
    if pages:
        return Detection("pdf_article", 0.74, f"{pages} form feeds (a PDF extraction's pages)")
    split = sum(repairs.get(name, 0) for name in SPLIT_WORD_FIXES)
    if split >= MIN_SPLIT_WORDS:
        return Detection("pdf_article", 0.72, f"{split} words hyphenated at line ends")
    signs = weak_signs(kept, repairs)
    doubt = type_doubt(signs)
    if len(signs) >= MIN_SIGNS:
        score = min(MAX_SIGN_SCORE, SIGN_SCORE + SIGN_STEP * len(signs))
        return Detection("pdf_article", round(score, 3), "; ".join(signs), doubt=doubt)
    if _caps_title_line(kept[0].text):
        return Detection("pdf_article", 0.7, "all-caps title line (PDF export style)", doubt=doubt)
    if any(sign.endswith(PRINT_SIGNS) for sign in signs):
        return Detection(
            "pdf_article", PRINT_SIGN_SCORE, f"{signs[0]} (a printed page's sign)", doubt=doubt
        )
    return None


CAPS_TITLE_SIGN = "an all-caps title line"
TYPE_SIGNS = (CAPS_TITLE_SIGN, TWO_COLUMNS_SIGN)
"""The weak signs (:func:`weak_signs`) that rest on the type of a few lines alone: a mail
reader's header box, a page's table or a banner set in capitals show them as well as a
printed page, while a page's furniture (page numbers, running heads, footnotes) and a
printed column's traces (words hyphenated at line ends, hard wraps) are a page's own."""
TYPE_DOUBT = 0.2
"""Doubt of a reading resting on :data:`TYPE_SIGNS` alone: it is then no surer than the
``article`` fallback, although it wins over it."""


def type_doubt(signs: Sequence[str]) -> float:
    """``TYPE_DOUBT`` when every one of `signs` is a sign of type alone (``TYPE_SIGNS``),
    none of a page; else nothing."""
    return TYPE_DOUBT if signs and all(sign.endswith(TYPE_SIGNS) for sign in signs) else 0.0


PRINT_SIGNS = (
    "a word hyphenated at a line end",
    "a journal's first-page line",
    "footnotes under their glued markers",
    TWO_COLUMNS_SIGN,
    "a printer's production line of codes",
)
"""The weak signs (:func:`weak_signs`) that only print typesets: a web page's text flows
unhyphenated in one column, its notes are links. Page numbers, running heads, capitals
titles and joined hard wraps are not among them: pages of threads, listings, digests and
mails show them too."""
PRINT_SIGN_SCORE = 0.66
"""Score of one print sign alone: over the fallback and a thread's last-resort frames,
under a listing's or a digest's reading of their own features."""


def weak_signs(kept: Sequence[Line], repairs: Mapping[str, int]) -> list[str]:
    """The weak signs of PDF text: those of its lines
    (:func:`~flows.stages.segment.furniture.weak_pdf_signs`, the cells of its stamped rows
    (:func:`stamped_rows`) no sign), an ALL-CAPS title line, a paper's abstract or index
    fields ('Keywords: …') near the top, and what repair did to its lines:
    ``MIN_UNWRAPPED`` or more hard-wrapped lines joined (in a text that is no mail:
    :data:`MAIL_LINE`), a word hyphenated at a line end."""
    signs = weak_pdf_signs(kept, stamped_rows(kept))
    if _caps_title_line(kept[0].text):
        signs.append(CAPS_TITLE_SIGN)
    front = kept[:FRONT_LINES]
    if any(
        OPENING_HEADING.match(line.text)
        or ABSTRACT_RUN_IN.match(line.text)
        or INDEX_FIELD.match(line.text)
        for line in front
    ):
        signs.append("an abstract or index fields")
    unwrapped = repairs.get("unwrap_lines", 0)
    mail = sum(1 for line in kept if MAIL_LINE.match(line.text))
    if unwrapped >= MIN_UNWRAPPED and mail < MIN_MAIL_LINES:
        signs.append(f"{unwrapped} hard-wrapped lines joined")
    if any(repairs.get(name, 0) for name in SPLIT_WORD_FIXES):
        signs.append("a word hyphenated at a line end")
    return signs


def _caps_title_line(text: str) -> bool:
    return is_all_caps(text) and word_count(text) >= 3


def segment(
    result: Segmented,
    doc_id: str,
    lines: Sequence[Line],
    config: SegmentConfig,
    parsed: object = None,
) -> None:
    rules = config.block_rules()
    dropped = _dropped(lines)
    first = next((line for line in lines if not line.is_blank and line.index not in dropped), None)
    shown = _viewer_title(lines, dropped)
    cuts = _head_cuts(first.raw, rules.max_title_chars, shown) if first is not None else []
    named = False
    if first is not None and not cuts:
        cuts = _caps_name_cut(first, lines)
        named = bool(cuts)
    if first is not None and cuts:
        lines = split_line(lines, first.index, cuts)
        dropped = _dropped(lines)
        if named:
            dropped.pop(first.index + 1, None)  # the title, which the running heads repeat
    lines, dropped = _split_caps_fields(lines, dropped)
    copy = _cover_copy(lines, dropped)
    if copy is not None:
        del dropped[copy]
    head, front = find_head(lines, dropped, rules.max_title_chars, split=bool(cuts))
    if copy is not None and (head is None or copy not in head.title_lines | head.meta_lines):
        dropped[copy] = PAGE_FURNITURE
    if head is not None:
        for index in head.title_lines | head.meta_lines:
            if dropped.get(index) in HEAD_RULES:
                del dropped[index]
    dropped.update(dict.fromkeys(front, FRONT_MATTER))
    if head is not None:
        dropped.update(dict.fromkeys(cover_notes(lines, dropped, head), FRONT_MATTER))
        dropped.update(dict.fromkeys(index_fields(lines, dropped), FRONT_MATTER))
    dropped.update(dict.fromkeys(publisher_note(lines, dropped), PAGE_FURNITURE))
    if head is not None and head.title:
        dropped.update(dict.fromkeys(title_heads(lines, dropped, head), PAGE_FURNITURE))
    dropped = dict(sorted(dropped.items()))
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


OPENING_HEADING = re.compile(r"^(?:executive\s+summary|abstract|аннотация)\s*[.:]?$", re.IGNORECASE)
"""The heading the text of a report opens with ('Executive Summary', 'Abstract'); not a
plain 'Summary' or 'Резюме', which may close it."""


def cover_notes(lines: Sequence[Line], dropped: dict[int, str], head: PostHead) -> set[int]:
    """The lines between the head and the heading the text opens with ('Executive Summary',
    'Abstract', 'Summary'), in the first ``MAX_HEAD_SHARE`` of the text: a cover's or imprint's notes
    (copyright, disclaimer, contact, contents, the title repeated), not the article's text.
    Nothing when no head line stands above that heading."""
    kept = [line for line in lines if not line.is_blank and line.index not in dropped]
    if not kept:
        return set()
    limit = kept[0].start + MAX_HEAD_SHARE * (kept[-1].end - kept[0].start)
    known = head.title_lines | head.meta_lines
    for line in kept:
        if line.start > limit:
            return set()
        if OPENING_HEADING.match(line.text) or ABSTRACT_HEADING.match(line.text):
            above = [x.index for x in kept if x.index < line.index]
            if not any(index in known for index in above):
                return set()
            return {index for index in above if index not in known}
    return set()


INDEX_FIELD = re.compile(
    r"^(?:key\s*words|jel(?:\s+classification)?(?:\s+codes?)?|ключевые\s+слова|"
    r"коды\s+jel|для\s+цитирования|for\s+citation|cite\s+this\s+article|"
    r"how\s+to\s+cite(?:\s+this\s+article)?)\s*:\s*\S",
    re.IGNORECASE,
)
"""A paper's index field under its abstract ('Keywords: …', 'JEL Classification: D72'),
or the reference it asks to be cited by ('Для цитирования: …')."""


def index_fields(lines: Sequence[Line], dropped: dict[int, str]) -> set[int]:
    """The index field lines ('Keywords: …', 'JEL Classification: …') in the first
    ``MAX_HEAD_SHARE`` of the text or among its first ``HEAD_BLOCK_LINES`` lines (the head
    of a short paper reaches further down): the paper's front matter, not its text."""
    kept = [line for line in lines if not line.is_blank and line.index not in dropped]
    if not kept:
        return set()
    limit = kept[0].start + MAX_HEAD_SHARE * (kept[-1].end - kept[0].start)
    return {
        line.index
        for pos, line in enumerate(kept)
        if (line.start <= limit or pos < HEAD_BLOCK_LINES) and INDEX_FIELD.match(line.text)
    }


PAGE_FURNITURE = "page_furniture"
ABOUT_VERB = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:is|was|has|publishes|aims)\b")
"""What an 'about the publisher' note says after the name ('… is a network of …')."""
MAX_NOTE_LINES = 6
MAX_NAME_CHARS = 60
MIN_HEAD_WORDS = 3
PAGE_MARK = re.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\b|\d+", re.IGNORECASE)


def _publisher_names(lines: Sequence[Line], dropped: dict[int, str]) -> set[str]:
    """Names the document prints as its publisher's: the parts of its running heads and
    feet ('Baltic–Eurasian Policy Forum      Page 2 of 4'), and an ALL-CAPS first line."""
    names: set[str] = set()
    texts = [line.text for line in lines if dropped.get(line.index) == PAGE_FURNITURE]
    first = next((line for line in lines if not line.is_blank), None)
    if first is not None and is_all_caps(first.text):
        texts.append(first.text)  # a masthead
    for text in texts:
        for part in re.split(r"\s{3,}", PAGE_MARK.sub(" ", text).strip()):
            part = part.strip(" ,.;:|©")
            if word_count(part) >= 2 and len(part) <= MAX_NAME_CHARS:
                names.add(part.casefold())
    return names


def publisher_note(lines: Sequence[Line], dropped: dict[int, str]) -> set[int]:
    """The last paragraph of the text, when it is a short note about the publisher: it
    opens with a name the running heads or the masthead print, then says what it is ('The
    Baltic–Eurasian Policy Forum is a network of …' above the copyright foot). A closing
    paragraph that opens with a running head's words otherwise (a journal prints the
    article's title there) is text."""
    kept = [line for line in lines if not line.is_blank and line.index not in dropped]
    if len(kept) < 2:
        return set()
    note = [kept[-1]]
    for line in reversed(kept[:-1]):
        if line.index != note[0].index - 1:
            break
        note.insert(0, line)
    if len(note) > MAX_NOTE_LINES or len(note) == len(kept):
        return set()
    opening = note[0].text.casefold()
    opening = opening[4:] if opening.startswith("the ") else opening
    for name in _publisher_names(lines, dropped):
        if opening.startswith(name) and ABOUT_VERB.match(opening[len(name) :]):
            return {line.index for line in note}
    return set()


def title_heads(lines: Sequence[Line], dropped: dict[int, str], head: PostHead) -> set[int]:
    """The article's title printed again as a running head at a page break (next to a page
    number or another head), alone or in columns with its authors' names: too few times in
    a short text to repeat as a running head, and never a line of the text there."""
    kept = [line for line in lines if not line.is_blank]
    known = head.title_lines | head.meta_lines
    wanted = _norm(head.title or "")
    words = set(WORD.findall(f"{wanted} {head.author or ''}".casefold()))
    found: set[int] = set()
    for pos, line in enumerate(kept):
        if line.index in dropped or line.index in known:
            continue
        if _norm(line.text) != wanted and not _head_of(line.text, wanted, words):
            continue
        near = [kept[at].index for at in (pos - 1, pos + 1) if 0 <= at < len(kept)]
        if any(dropped.get(index) == PAGE_FURNITURE for index in near):
            found.add(line.index)
    return found


def _head_of(text: str, title: str, words: set[str]) -> bool:
    """A running head laid out in columns of the title's opening and the authors' names
    or the series' label ('Municipal Filters and …      Korolev, Gromova', 'WHO RUNS THE
    REGIONAL DUMAS?      Working Paper 7/2026'): every word of the other columns is one of
    theirs, or the column is a series line, and the first column opens the title."""
    columns = [column for column in re.split(r"\s{3,}", text.strip()) if column]
    named = " ".join(column for column in columns if not SERIES_LINE.search(column))
    used = WORD.findall(named.casefold())
    return (
        len(columns) >= 2
        and len(used) >= MIN_HEAD_WORDS
        and title.startswith(_norm(columns[0]))
        and all(word in words for word in used)
    )


def _dropped(lines: Sequence[Line]) -> dict[int, str]:
    """Boilerplate and page furniture (furniture wins where both match)."""
    dropped = find_boilerplate(lines)
    dropped.update(find_furniture(lines))
    for index in [*_announced_names(lines, dropped), *_cover_title(lines, dropped)]:
        del dropped[index]
    return dict(sorted(dropped.items()))


WIDE_GAP = re.compile(r"\s{3,}")
"""A layout's gap between the parts of a page head ('<Title>      <URL>')."""


def _cover_title(lines: Sequence[Line], dropped: Mapping[int, str]) -> list[int]:
    """The cover's copy of the running head that is the document's title (a report's
    title repeated at the top of every page): its first line above the first paragraph of
    prose, right over the byline, when that running head is written nowhere with a page
    number (a footer with numbers, 'Congressional Research Service 2', is the
    publisher's, not the title) and reads as a title of ``MIN_HEAD_WORDS`` words or
    more, in one piece (a browser's print header sets title and address apart)."""
    furniture = [line for line in lines if dropped.get(line.index) == PAGE_FURNITURE]
    if not furniture:
        return []
    numbered = {
        _norm(EDGE_NUMBERS.sub("", line.text))
        for line in furniture
        if EDGE_NUMBERS.search(line.text)
    }
    filled = [line for line in lines if not line.is_blank]
    for line, below in itertools.pairwise(filled):
        if dropped.get(line.index, PAGE_FURNITURE) != PAGE_FURNITURE:
            continue
        text = line.text
        if word_count(text) >= PROSE_WORDS and ends_sentence(text):
            return []  # the first paragraph: the cover is above it
        if (
            line.index in dropped
            and below.index not in dropped
            and byline_of(below.text) is not None
            and word_count(text) >= MIN_HEAD_WORDS
            and not any(char.isdigit() for char in text)
            and "://" not in text
            and not WIDE_GAP.search(text.strip())
            and _norm(text) not in numbered
            and text[:1].isupper()
            and not ends_sentence(text)
        ):
            return [line.index]
    return []


CAPS_FIELD = re.compile(rf"^[{_UPPER}]{{2,}}(?: [{_UPPER}]{{2,}}){{0,3}}:\s")
"""A field labelled in capitals opening a line ('AGENCY: …', 'FOR FURTHER INFORMATION …')."""
RUN_ON_CAPS_FIELD = re.compile(
    rf"(?<=[{_LOWER}.,;)] )[{_UPPER}]{{2,}}(?: [{_UPPER}]{{2,}}){{0,3}}:\s"
)
"""A field labelled in capitals run on after the end of a lower-case line ('… Federation
Economy AGENCY: Office of …', where repair joined the title to the field under it)."""


MIN_CAPS_FIELDS = 2


def _title_over_fields(window: Sequence[Line]) -> Line | None:
    """The line right above a head's block of fields labelled in capitals ('AGENCY: …' /
    'ACTION: …' / 'SUMMARY: …', ``MIN_CAPS_FIELDS`` or more), when it is shaped as a title
    (three words or more, not in capitals, no sentence end, no field): the document's
    title stands over its field block, the issuer's name in capitals above it."""
    fields = [pos for pos, line in enumerate(window) if CAPS_FIELD.match(line.text)]
    if len(fields) < MIN_CAPS_FIELDS or fields[0] == 0:
        return None
    above = window[fields[0] - 1]
    text = above.text
    if (
        word_count(text) < MIN_HEAD_WORDS
        or is_all_caps(text)
        or ends_sentence(text)
        or FIELD_LINE.match(text)
    ):
        return None
    return above


def _split_caps_fields(
    lines: Sequence[Line], dropped: dict[int, str]
) -> tuple[Sequence[Line], dict[int, str]]:
    """`lines` with each of the first ``HEAD_LINES`` kept lines cut before a field labelled
    in capitals run on inside it (:data:`RUN_ON_CAPS_FIELD`), when the head holds a field
    so labelled at a line's start too: a run of such fields is a head's field block, one
    label alone may be a word in capitals."""
    head = [line for line in lines if not line.is_blank and line.index not in dropped]
    head = head[:HEAD_LINES]
    if not any(CAPS_FIELD.match(line.text) for line in head):
        return lines, dropped
    for line in reversed(head):  # from the bottom: a cut renumbers the lines below it
        if ":" not in line.raw:
            continue
        cuts = [match.start() for match in RUN_ON_CAPS_FIELD.finditer(line.raw)]
        if cuts:
            lines = split_line(lines, line.index, cuts)
            dropped = _dropped(lines)
    return lines, dropped


MAX_LABEL_CHARS = 24


def _announced_names(lines: Sequence[Line], dropped: Mapping[int, str]) -> list[int]:
    """The lines dropped as page furniture right under a byline's label standing alone
    ('by' over the author's name on a title page): the name the label announces, never a
    running head, though a thesis prints it again on its copyright page."""
    filled = [line for line in lines if not line.is_blank]
    return [
        below.index
        for line, below in itertools.pairwise(filled)
        if len(line.text) <= MAX_LABEL_CHARS
        and line.index not in dropped
        and dropped.get(below.index) == PAGE_FURNITURE
        and is_byline_label(line.text)
    ]


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


DOWNLOAD_TITLE = re.compile(r"^download\s+[\"“](?P<title>[^\"“”]{12,300})[\"”]$", re.IGNORECASE)
"""A document viewer's copy of the title ('Download "The Governors' Dilemma: …"')."""
PAGE_PREFIX = re.compile(r"^\s*\d{1,3}\s+(?=\S)")
"""The page number a flattened page opens with ('1 The Governors' Dilemma …')."""


def _viewer_title(lines: Sequence[Line], dropped: dict[int, str]) -> str | None:
    """The title as a viewer's dropped preamble shows it ('Download "<title>"', or the
    preamble's first line when it is no viewer line: the page's own title over 'Total
    Page:16'), or None."""
    for line in lines:
        if line.index in dropped and (match := DOWNLOAD_TITLE.match(line.text)):
            return match.group("title")
    first = next((line for line in lines if not line.is_blank), None)
    if first is None or dropped.get(first.index) != PAGE_FURNITURE:
        return None
    text = first.text
    if is_viewer_line(text) or ends_sentence(text) or word_count(text) < MIN_SHOWN_WORDS:
        return None
    return text


MIN_SHOWN_WORDS = 4
"""Words of a preamble's first line read as the title it shows (fewer: a site's name)."""


def _shown_title(window: str, shown: str | None) -> tuple[int, int] | None:
    """(start, end) of the viewer's copy of the title at the start of `window`, after the
    page number a flattened page opens with, or None."""
    if not shown:
        return None
    prefix = PAGE_PREFIX.match(window)
    start = prefix.end() if prefix else len(window) - len(window.lstrip())
    if window[start : start + len(shown)].casefold() != shown.casefold():
        return None
    return start, start + len(shown)


def _head_cuts(raw: str, max_title_chars: int, shown: str | None = None) -> list[int]:
    """Where to cut the first kept line: the fields of a flattened first-page head (its
    title in capitals, or as a viewer's preamble shows it: `shown`), or the byline glued to
    a title. Empty when the line is neither."""
    text = raw.rstrip()
    if len(text) <= max_title_chars:
        glued = GLUED_BYLINE.match(text)
        if glued is None or ends_sentence(glued.group("title")):
            return []
        return [glued.end()] if author_of(text[glued.end() :]) is not None else []
    window = text[:FRONT_MATTER_CHARS]
    caps = _caps_title(window)
    span = (caps.start(), caps.end()) if caps is not None else _shown_title(window, shown)
    if span is None:
        return []
    name_end = _name_after(window, span[1])
    if name_end is None:
        if caps is not None or span[0] != 0:
            return []
        return sorted({span[1], *(cut for cut in _row_ends(window) if cut < len(text))})
    cuts = {*span, name_end}
    prefix = VIEWER_PREFIX.match(window)
    if prefix:
        cuts.add(prefix.end())
    cuts.update(match.start() for match in FIELD_START.finditer(window))
    return sorted(cut for cut in cuts if 0 < cut < len(text))


ROW_DATE_END = re.compile(
    r"\s[|•·]\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d"
    r"(?=\s+[^\W\d_])",
    re.IGNORECASE,
)
"""A byline row's closing date field ('… | Anna Lind | May 2022'), more text run on after
it: where a flattened head's byline row ends."""


def _row_ends(window: str) -> list[int]:
    """Where the byline rows of a flattened head end (:data:`ROW_DATE_END`), when the text
    before the date holds another field bar: a row of three fields or more."""
    return [
        match.end()
        for match in ROW_DATE_END.finditer(window)
        if FIELD_BAR.search(window, 0, match.start()) is not None
    ]


AFFILIATION_OPENING = re.compile(
    r"(?:department|faculty|school|institute|university|college|academy|laboratory|"
    r"centre|center)\s+(?:of|for|on)\b",
    re.IGNORECASE,
)
"""An affiliation that opens with its own keyword ('Department of …', 'Institute for …'): the
name before it ends with the word before that keyword."""


def _caps_name_cut(first: Line, lines: Sequence[Line]) -> list[int]:
    """Where an ALL-CAPS first line joins the author's name to the title ('ANNA PETROVNA
    KELLER THE LONG WINTER OF THE PROVINCES', two cover lines unwrapped into one): after
    the name (:func:`caps_name`), when the rest of the line stands again on a line of its
    own further down (the title as a running head). Empty otherwise."""
    text = first.raw.rstrip()
    if not is_caps_title(text):
        return []
    others = {line.text for line in lines if line.index > first.index and not line.is_blank}
    words = list(NAME_TOKEN.finditer(text))
    for count in range(2, min(MAX_CAPS_NAME_WORDS, len(words) - 2) + 1):
        rest = words[count].start()
        if text[rest:] in others and caps_name(text[: words[count - 1].end()]) is not None:
            return [rest]
    return []


def _name_after(text: str, pos: int) -> int | None:
    """Where the longest name (two to four words) right after `pos` ends, or None. Its last
    word never opens the affiliation that follows ('Marek Holub Charles University' names
    Marek Holub); an affiliation that opens with its keyword ('Irina V. Volkova Department
    of …') leaves the name whole."""
    tokens = list(NAME_TOKEN.finditer(text, pos))[:5]
    if not tokens or text[pos : tokens[0].start()].strip():
        return None
    for count in range(min(len(tokens), 4), 1, -1):
        last = tokens[count - 1]
        after = tokens[count].end() if count < len(tokens) else last.end()
        inside = count > 2 and count < len(tokens)
        opens = inside and AFFILIATION_OPENING.match(text, tokens[count].start()) is not None
        if inside and not opens and AFFILIATION.search(text[last.start() : after]):
            continue  # the last word opens the affiliation: try the shorter name
        if is_name_line(text[tokens[0].start() : last.end()]):
            return last.end()
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

HEAD_SCAN_LINES = 60
"""The head is looked for among the first this many kept lines."""
HEAD_BLOCK_LINES = 25
"""Metadata lines of a head block are read from its first this many lines."""
MAX_HEAD_SHARE = 0.4
"""A head found below the first block must start in this first share of the text."""
PROSE_WORDS = 8
"""A line that ends a sentence (not with a question mark) and has this many words is prose."""
FRONT_MATTER = "front_matter"
"""Dropped rule of the lines above a head found below the first block."""
HEAD_RULES = frozenset({"dangling_link"})
"""Web-page boilerplate rules that a line the head reads (a title wrapped before a
preposition) overrules."""
FIELD_LINE = re.compile(rf"^[{_UPPER}][^\W\d_]*(?:[ &/-]+[^\W\d_]+){{0,4}} ?:(?:\s|$)")
"""A labelled field of a cover page ('Principal Investigator :', 'Article views: 412'); a
title with a subtitle has the same shape ('Turnout Machines: Workplace …')."""
VALUE_FIELD = re.compile(r":\s*(?:$|[\d\[(<]|https?://)")
"""A field whose value is missing or is a number, bracket or address: never a title."""
TITLE_BRACKET = re.compile(r"^\([^()]{1,40}\d[^()]{0,40}\)$")
"""A bracketed line with a number under an ALL-CAPS title: its years ('(2000–2020 гг.)')."""
IMPRINT_LINE = re.compile(
    rf"^[{_UPPER}][{_LOWER}-]+(?:[ -][{_UPPER}][{_LOWER}-]+)?\s*[,–—-]?\s*(?:19|20)\d\d(?:\s*г\.)?$"
)
"""A cover's place and year ('Москва – 2021', 'Moscow 2021', 'Vienna, 2020')."""
UNFINISHED_CAPS = re.compile(r"[:,–—-]$")
"""An ALL-CAPS title line that goes on after a blank line ('… AFTER THE 2014 REFORM:')."""
ABSTRACT_HEADING = re.compile(r"^(?:abstract|summary|аннотация|резюме)\s*[.:]?$", re.IGNORECASE)
"""The heading over an abstract: the head block's text below it is the article's, and
only its labelled fields ('Keywords: …') are metadata."""
TITLE_FIELD = re.compile(r"^(?:subject|title)\s*:\s*(?P<title>\S.*)$", re.IGNORECASE)
"""A memo's or form's title field ('SUBJECT: The Regional Party Secretaries …')."""
GLUED_MARK = re.compile(rf"(?<=[{_LOWER}])[*†‡∗§¶]+\d*\s*(?=[{_UPPER}])")
"""Footnote marks between names run together ('Kirill Dorofeev†Anna Lisitsyna‡')."""
CAMEL_GLUE = re.compile(rf"(?<=[{_LOWER}])(?=[{_UPPER}][{_LOWER}])")
"""Where an affiliation is run on from a name ('Olga VereshchaginaVolga Institute …')."""
AFFILIATION_AFTER = re.compile(r"\s*(?:[,;(|–—]|\s-\s)\s*")
"""Where an affiliation follows the names on their line ('Lev Sarkisov, Kama Institute')."""
CONTRIBUTOR_AFTER = re.compile(rf",\s*(?:[{_LOWER}]+\s+){{1,3}}(?P<names>{_NAMES})$")
"""A contributor credited after the author's name, in lower case words ('Halina Wrzosek,
cooperation Tomasz Kępiński', '…, with Anna Lind'): the author is the name before it."""
DEGREES_AFTER = re.compile(
    r"(?:,?\s+(?:Ph\.?\s?D\.?|D\.?\s?Phil\.?|M\.?A\.?|M\.?Sc\.?|MPhil|LL\.?M\.?|J\.?D\.?))+\s*$"
)
"""Academic degrees after an author's name ('Anna Lind, PhD', 'Anna Lind MA'): no part of
the name."""
MARK_LETTERS = re.compile(
    rf"(?<=[{_LOWER}])\s+[a-f](?:\s*,\s*[a-f]|\s*,?\s*[*†‡∗§¶])*(?=\s*(?:,|&|\band\b|$))"
)
"""Superscript affiliation letters set apart from the names, with the corresponding
author's mark after them ('Sokolova a and Ilyin b', 'Sokolov a,*, Feld b')."""
_MARK_CHARS = r"\d*†‡∗§¶⁰¹²³⁴⁵⁶⁷⁸⁹"
MARK_DIGITS = re.compile(
    rf"(?<=[{_LOWER}])[{_MARK_CHARS}]+(?:,[{_MARK_CHARS}]+)*(?=\s*(?:,|&|\band\b|$))"
)
"""Affiliation numbers and marks glued to each name ('Ivan A. Korolev1, Natalia S.
Gromova2,*')."""
CAPS_INITIAL = re.compile(rf"(?<![^\W\d_])[{_UPPER}]\.")
LEAD_MARKS = re.compile(r"^[•·▪●◦\s]+")
EDGE_NUMBERS = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")
TRAIL_MARKS = re.compile(r"(?<=\S)[*†‡∗§¶⁰¹²³⁴⁵⁶⁷⁸⁹]+$")
_CLOSERS = "\"'”’»)]"
LOWER_WORD = re.compile(rf"(?<![\w'’-])[{_LOWER}][{_LOWER}'’]+")
"""A word written in lower case (a common word of the document)."""


@dataclass(frozen=True)
class _Reading:
    """What reading a head needs: the longest title, and the words the document writes in
    lower case (a capitalised line made mostly of them is a title, not names)."""

    max_chars: int
    common: frozenset[str] = frozenset()


def lower_words(lines: Sequence[Line]) -> frozenset[str]:
    """The words written in lower case on `lines`."""
    return frozenset(word for line in lines for word in LOWER_WORD.findall(line.text))


OBLIQUE_CASE = re.compile(r"[а-яё]{2}(?:ом|ами|ями|ого|ому|ему)$")
"""Endings of Russian nouns and adjectives in an oblique case, which no name in a byline
has ('Советом', 'Государственной' aside, as '-ой' ends surnames too: 'Толстой')."""


def is_name_line(names: str, common: frozenset[str] = frozenset()) -> bool:
    """Names of people, not a structure or institution line (see ``NOT_NAME_WORDS``), nor
    a line most of whose words the document writes in lower case elsewhere (`common`:
    'Russian Regional Elections' in a text about regional elections), nor a Russian line with
    a word in an oblique case ('Советом Федерации': a byline names in the nominative)."""
    words = WORD.findall(NAME_SEPARATOR.sub(" ", names))
    if not words or any(word.casefold() in NOT_NAME_WORDS for word in words):
        return False
    if any(OBLIQUE_CASE.search(word.casefold()) for word in words):
        return False
    if not _CASED_NAMES.fullmatch(names.strip()):
        return False
    full = [word for word in words if word[1:].islower()]
    if full and 2 * sum(word.casefold() in common for word in full) > len(full):
        return False
    return not full or any(zipf(word, "en") < COMMON_ZIPF for word in full)


def author_of(text: str, common: frozenset[str] = frozenset()) -> str | None:
    """The names of an author line ('By X and Y', 'Prepared by X', 'X Y *'), else None."""
    if AFFILIATION.search(text) or len(text) > 160:
        return None
    match = AUTHOR_LINE.match(text)
    if match is None:
        return None
    names = ROLE_AFTER.sub("", match.group("names").strip())
    return names if is_name_line(names, common) else None


def byline_of(text: str, common: frozenset[str] = frozenset()) -> str | None:
    """:func:`author_of`, also for names the extraction ran together: footnote marks
    between them ('Kirill Dorofeev†Anna Lisitsyna‡' -> 'Kirill Dorofeev, Anna Lisitsyna'),
    superscript letters set apart ('Marina Sokolova a and Pavel Ilyin b'), numbers glued to
    each name ('Ivan Korolev1, Natalia Gromova2,*'), degrees after it ('Anna Lind, PhD'), an
    affiliation run on or after a comma ('Olga VereshchaginaVolga Institute …', 'Lev
    Sarkisov, Kama Institute') or a position ('Anna Lind, Senior Fellow'); for ALL-CAPS names with an
    initial ('IRINA V. VOLKOVA', as printed) or after an ALL-CAPS 'PREPARED BY' or 'BY';
    and for the names among a byline row's fields beside a date ('Anna Lind | 12 March
    2021')."""
    found = author_of(text, common)
    if found is not None or len(text) > 160:
        return found
    variants = (
        GLUED_MARK.sub(", ", text),
        MARK_LETTERS.sub("", text),
        MARK_DIGITS.sub("", text),
        DEGREES_AFTER.sub("", text),
    )
    for variant in variants:
        if variant != text and (found := author_of(variant, common)) is not None:
            return found
    if is_all_caps(text) and CAPS_INITIAL.search(text):
        shown = text.strip()
        titled = author_of(shown.title(), common)  # 'IRINA V. VOLKOVA', as printed
        if titled is None:
            return None
        at = shown.title().find(titled)  # after a label: 'A STUDY PREPARED BY IRINA …'
        return shown[at : at + len(titled)]
    prepared = PREPARED_BY.match(text) or CAPS_BY.match(text)
    shown = ROLE_AFTER.sub("", text)  # 'By ANNA KELLER, Staff Writer'
    if prepared is not None and is_all_caps(shown[prepared.end() :]):
        # 'PREPARED BY ANNA KELLER' on a cover, 'By ANNA KELLER, Staff Writer' on a page
        return caps_name(shown[prepared.end() :], common)
    parts = FIELD_BAR.split(text)
    dated = any(find_date(part) or MONTH_YEAR.match(part) for part in parts)
    if len(parts) > 1 and dated:  # 'Anna Lind | 12 March 2021', '<Title> | Anna Lind | May 2022'
        return next((name for part in parts if (name := author_of(part, common))), None)
    for glue in [*CAMEL_GLUE.finditer(text), *AFFILIATION_AFTER.finditer(text)]:
        rest = text[glue.end() :]
        if glue.start() and (AFFILIATION.search(rest) or POSITION.search(rest)):
            return author_of(text[: glue.start()], common)
    credit = CONTRIBUTOR_AFTER.search(text)
    if credit is not None and author_of(credit.group("names"), common) is not None:
        return author_of(text[: credit.start()], common)
    return _names_before_date(text, common)


def _names_before_date(text: str, common: frozenset[str]) -> str | None:
    """The names of a byline run on with its date, as unwrapping joins a head printed
    without blank lines ('Svetlana LOGINOVA 14 October 2020', 'Anna Lind, 3 March 2021'),
    else None."""
    found = find_date(text)
    stripped = text.rstrip()
    if found is None or not stripped.endswith(found[0]):
        return None
    names = stripped[: len(stripped) - len(found[0])].rstrip(" ,;|·•–—-")
    return author_of(names, common) if names else None


def published_of(text: str) -> str | None:
    """The publication date as written on a head line ('Published online 30 Sept 2019', a
    dateline), else None. Received, accepted and accessed dates are not publication dates."""
    laid_out = text
    text = " ".join(text.split())  # a line laid out in columns: '14 марта 2019 года    N 41-ФЗ'
    match = PUBLISHED.search(text)
    if match:
        found = find_date(text[match.end() :])
        if found is not None and text[match.end() :].lstrip().startswith(found[0]):
            return found[0]
    if is_dateline(text) and NOT_PUBLISHED.search(text) is None:
        found = find_date(text)
        return found[0] if found else None
    issue = ISSUE_DATE.search(text)
    if issue is not None:
        found = find_date(text[issue.end() :])
        if found is not None and text[issue.end() :].startswith(found[0]):
            return found[0]
    return _masthead_date(laid_out)


def _masthead_date(text: str) -> str | None:
    """The date of a masthead laid out in columns, one of which is a dateline ('ВЕЧЕРНИЙ
    ГОРОД   № 198 (4127)   пятница, 15 октября 1993 г.   Цена 20 руб.'), else None."""
    parts = WIDE_GAP.split(text.strip())
    if len(parts) < 2:
        return None
    for part in parts:
        if is_dateline(part) and NOT_PUBLISHED.search(part) is None:
            found = find_date(part)
            return found[0] if found else None
    return None


def _is_title_like(text: str, read: _Reading) -> bool:
    return (
        0 < len(text) <= read.max_chars
        and word_count(text) <= 30
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“'‘«")
        and (not ends_sentence(text) or text.rstrip(_CLOSERS).endswith("?"))
    )


def is_caps_title(text: str) -> bool:
    """An ALL-CAPS title line, a word of two letters at most in lower case allowed ('CASE OF
    KARPOV AND OTHERS v. RUSSIA')."""
    words = lower = letters = 0
    for word in text.split():
        alpha = sum(ch.isalpha() for ch in word)
        if not alpha:
            continue
        words += 1
        letters += alpha
        if not is_all_caps(word + "XXXX"):
            lower += 1
            if lower > 1 or alpha > 2:
                return False  # settled at the first long or second lower-case word
    return letters >= 4 and words > lower


def _is_head_prose(text: str, read: _Reading) -> bool:
    """A paragraph of the article, where the head ends: a line that ends a sentence with
    ``PROSE_WORDS`` words or more (an ALL-CAPS line, or a title-sized question, is a title),
    or a line longer than any title whose words are mostly in lower case, whatever it ends
    with (a ruling's opening recital closes on a comma: 'The Court, …, having examined …
    the claim of X against Y,')."""
    if not ends_sentence(text) and len(text) > read.max_chars:
        return 2 * len(LOWER_WORD.findall(text)) > word_count(text)
    if not ends_sentence(text) or word_count(text) < PROSE_WORDS or is_caps_title(text):
        return False
    question = text.rstrip(_CLOSERS).endswith("?")
    return not question or len(text) > read.max_chars or ". " in text


@dataclass
class _Head:
    title_lines: list[Line]
    author: str | None = None
    published: str | None = None
    meta: set[int] | None = None
    title: str | None = None


BY_LABEL = re.compile(r"^by\s+\S", re.IGNORECASE)
"""A byline's 'by' opening a line: the names under a title, never its wrapped end."""


def _title_run(zone: Sequence[Line], pos: int, read: _Reading) -> list[Line]:
    """The title's lines from `zone[pos]`: an ALL-CAPS run of up to three lines, or one
    heading-like line, with its wrapped second line (under an empty line too, when the first
    ends with a colon or the second goes on in lower case: a cover spaces its lines)."""
    first = zone[pos]
    if is_caps_title(first.text) and word_count(first.text) >= 2:
        run = [first]
        for at, line in enumerate(zone[pos + 1 : pos + 3], pos + 1):
            if TITLE_BRACKET.match(line.text) and line.index == run[-1].index + 1:
                run.append(line)  # '(2000–2020 гг.)' under the title: its span of years
                break
            if not is_caps_title(line.text) or _caps_name_over_affiliation(zone, at, read):
                break
            if line.index != run[-1].index + 1 and not UNFINISHED_CAPS.search(run[-1].text):
                break
            run.append(line)
        return run
    if not _is_title_like(first.text, read):
        return []
    if pos + 1 >= len(zone):
        return [first]
    second = zone[pos + 1]
    after = zone[pos + 2].text if pos + 2 < len(zone) else ""
    joined = len(first.text) + 1 + len(second.text)
    wrapped = (
        first.text.endswith(":")
        or second.text[:1].islower()
        or (
            byline_of(after, read.common) is not None
            and byline_of(second.text, read.common) is None
        )
    )
    strong = first.text.endswith(":") or second.text[:1].islower()
    if wrapped and not strong and is_all_caps(first.text) and not is_all_caps(second.text):
        return [second]  # a section's label in capitals over the title and its byline
    gap = second.start == first.end + len("\n\n")  # one empty line between
    if (
        wrapped
        and (second.index == first.index + 1 or (strong and gap))
        and joined <= read.max_chars
        and _is_title_like(second.text[:1].upper() + second.text[1:], read)
        and not is_all_caps(second.text)
        and not MONTH_YEAR.match(second.text)
        and published_of(second.text) is None
        and not BY_LABEL.match(second.text)  # 'by Anna Lind' under the title
    ):
        return [first, second]
    return [first]


def _caps_name_over_affiliation(zone: Sequence[Line], at: int, read: _Reading) -> bool:
    """Whether ``zone[at]`` is an author's name in capitals with an affiliation right under
    it ('ANNA LIND' / 'University of Tartu'): the byline under a title in capitals, never
    the title's last line."""
    return (
        at + 1 < len(zone)
        and caps_name(zone[at].text, read.common) is not None
        and _is_affiliation(zone[at + 1].text, read)
    )


def _caps_title_at(zone: Sequence[Line], read: _Reading) -> int | None:
    """Where an ALL-CAPS title line (three words or more, not a series line) stands in the
    first lines of `zone`, when only short non-sentence lines stand above it. A capitalised
    institution ('VOLGA STATE UNIVERSITY') is the publisher's masthead, not a title, and
    so is a letterhead's row (:func:`is_letterhead`)."""
    for pos, line in enumerate(zone[:5]):
        text = line.text
        if caps_name(text, read.common) is not None:
            continue  # the author's name over the title, as a book or essay prints it
        if (
            is_caps_title(text)
            and word_count(text) >= 3
            and not SERIES_LINE.search(text)
            and not AFFILIATION.search(text)
            and not is_letterhead(text)
        ):
            return pos
        if len(text) > read.max_chars or word_count(text) > 12 or ends_sentence(text):
            return None
    return None


MAX_CAPS_NAME_WORDS = 4


def caps_name(text: str, common: frozenset[str] = frozenset()) -> str | None:
    """A name printed in capitals without an initial ('ANNA PETROVNA KELLER'): two to
    ``MAX_CAPS_NAME_WORDS`` words, each rarer than ``COMMON_ZIPF`` (a heading's 'WINTER
    NEWS' is not a name), that :func:`author_of` reads as names once title-cased; else
    None."""
    if not is_all_caps(text):
        return None
    text = CAPS_HONORIFIC.sub("", text, count=1)  # 'HON. MARGARET L. DUNHAM'
    if not 2 <= word_count(text) <= MAX_CAPS_NAME_WORDS:
        return None
    words = WORD.findall(text)
    if CYRILLIC.search(text):
        if not any(PATRONYMIC.search(word.lower()) for word in words):
            return None  # 'РОССИЙСКАЯ ФЕДЕРАЦИЯ': no patronymic, no name
    elif any(zipf(word.lower(), "en") >= COMMON_ZIPF for word in words):
        return None
    return text.strip() if author_of(text.title(), common) is not None else None


def _titled_caps_name(text: str, common: frozenset[str]) -> str | None:
    """The name in capitals a title of address opens the line with ('HON. ANNA LIND', also
    with the lines under it run on: 'HON. ANNA LIND OF OREGON IN THE HOUSE …'): the longest
    run of words after the title that :func:`caps_name` reads; the title makes one such
    name enough to be the byline."""
    tokens = text.split()
    for count in range(min(len(tokens), MAX_CAPS_NAME_WORDS + 1), 2, -1):
        if (name := caps_name(" ".join(tokens[:count]), common)) is not None:
            return name
    return None


CAPS_HONORIFIC = re.compile(rf"^\s*(?i:{HONORIFIC})(?=\S)")
"""A title of address opening a name in capitals ('HON. ', 'DR. '): left out of the name."""
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")
"""The ending of a Russian patronymic: a name in capitals in Cyrillic is read only with
it ('СЕЛИВЁРСТОВА КСЕНИЯ АНДРЕЕВНА'); word frequencies cannot tell a Russian name from a
heading ('ФЕДЕРАЛЬНЫЙ ЗАКОН')."""


def _read_meta_line(head: _Head, text: str, read: _Reading, before_title: bool) -> bool:
    """Take what a head line holds (author, date; series or affiliation lines hold nothing
    kept; 'Prepared for <addressee>' names no author): True when it is such a metadata
    line."""
    short = len(text) <= read.max_chars and not ends_sentence(text)
    if is_byline_label(text) or (short and PREPARED_FOR.match(text)):
        return True  # 'Prepared by' over the names: the next line is read as the byline
    author = byline_of(text, read.common)
    if author is None and not before_title:
        author = caps_names(text, read.common, 2)  # 'ANNA LIND, OLEG SOKOLOV' under the title
    if author is None and not before_title and CAPS_HONORIFIC.match(text):
        author = _titled_caps_name(text, read.common)
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
    if SERIES_LINE.search(text) or (before_title and is_letterhead(text)):
        return True
    return short and not before_title and AFFILIATION.search(text) is not None


LETTERHEAD_GAP = re.compile(r"\S\s{6,}\S")
"""A gap of six spaces or more between words: where a converter kept a page's columns."""
MAX_LETTERHEAD_CELL_WORDS = 6


def is_letterhead(text: str) -> bool:
    """A letterhead's row: two or three short cells set far apart on one line, none a
    sentence ('<ISSUER>            PRESS RELEASE', '<Organisation>     <document symbol>'),
    as the top of a PDF page lays out the issuer's name beside the document's type, number
    or date. A title is one run of words, never cells set apart."""
    if LETTERHEAD_GAP.search(text) is None:
        return False
    cells = [cell for cell in re.split(r"\s{6,}", text.strip()) if cell]
    return 2 <= len(cells) <= MAX_LETTERHEAD_CELLS and all(
        word_count(cell) <= MAX_LETTERHEAD_CELL_WORDS and not ends_sentence(cell) for cell in cells
    )


MAX_LETTERHEAD_CELLS = 3


MAX_SERIES_LINES = 3
"""Series lines (name, year and number) a cover may show above its author's name."""


def _author_over_title(zone: Sequence[Line], read: _Reading) -> _Head | None:
    """A cover that names its author above the title, under a few short series lines or
    over the institution ('<Series>' '<year> No. <n>' '<Name>' '<title>' ['<title, wrapped>']
    ['<Institute …>']), or an essay's head block of the name over the title and nothing
    else (`zone`, a head block, ends where the text's prose begins): the name is the author,
    the lines above it and the institution are metadata. None when the head is not of that
    shape (a name under its title, over its affiliation, is read by :func:`_scan`)."""
    for pos, line in enumerate(zone[: MAX_SERIES_LINES + 1]):
        author = author_of(line.text, read.common)
        if author is None or PREPARED_BY.match(line.text) or pos + 1 >= len(zone):
            continue
        if not _may_be_title(zone[pos + 1].text, read):
            continue
        run = _title_run(zone, pos + 1, read)
        after = pos + 1 + len(run)
        if not run:
            continue
        if after >= len(zone):
            if pos == 0 and len(zone) < HEAD_LINES:
                return _Head(run, author=author, meta={line.index})  # '<Name>' '<title>' <text>
            continue
        if byline_of(zone[after].text, read.common):
            continue
        institution = _is_affiliation(zone[after].text, read)
        if not (institution or pos):
            continue  # with no series line above the name, the institution must follow
        above = zone[:pos]
        if any(len(x.text) > read.max_chars or ends_sentence(x.text) for x in above):
            return None
        meta = {x.index for x in above} | {line.index}
        if institution:
            meta.add(zone[after].index)
        return _Head(run, author=author, meta=meta)
    return None


def _scan(content: Sequence[Line], read: _Reading) -> _Head:
    """Series lines, title, author, affiliation and date lines at the top of `content`."""
    zone = list(content[:HEAD_LINES])
    named = _author_over_title(zone, read)
    if named is not None:
        return named
    head = _Head([], meta=set())
    meta: set[int] = set()
    above: list[str] = []  # the lines above an ALL-CAPS title
    caps_at = _caps_title_at(zone, read)
    pos = 0
    while pos < len(zone) - 1 and pos < 4:
        if caps_at is not None and pos == caps_at:
            break
        if caps_at is None and not _read_meta_line(head, zone[pos].text, read, True):
            break
        if caps_at is not None:
            _read_meta_line(head, zone[pos].text, read, True)
            above.append(zone[pos].text)
        meta.add(zone[pos].index)
        pos += 1
    head.title_lines = _title_run(zone, pos, read) if pos < len(zone) else []
    pos += len(head.title_lines)
    under = zone[pos : pos + 4]
    for at, line in enumerate(under):
        if _stacked_caps_name(under, at, head, read):
            head.author = line.text if head.author is None else f"{head.author}, {line.text}"
        elif not _read_meta_line(head, line.text, read, False):
            break
        meta.add(line.index)
    if head.author is None:  # a cover names its authors above the title
        head.author = next(
            (
                name
                for text in above
                if (name := byline_of(text, read.common) or caps_name(text, read.common))
            ),
            None,
        )
    head.meta = meta
    return head


def _stacked_caps_name(under: Sequence[Line], at: int, head: _Head, read: _Reading) -> bool:
    """Is ``under[at]`` one of the authors' names stacked in capitals under the title, one
    a line ('ANNA LIND' / 'OLEG SOKOLOV')? One such line alone may be a subtitle in rare
    words; two in a row are names, and so is one over an affiliation ('ANNA LIND' /
    'University of Tartu')."""
    if caps_name(under[at].text, read.common) is None:
        return False
    if head.author is not None and at and caps_name(under[at - 1].text, read.common):
        return True
    below = under[at + 1].text if at + 1 < len(under) else None
    return below is not None and (
        caps_name(below, read.common) is not None or _is_affiliation(below, read)
    )


# --- head blocks: the cover and first-page head above the first paragraph --------------------


def _blocks(content: Sequence[Line], read: _Reading) -> list[list[Line]]:
    """The runs of lines that are not prose among the first ``HEAD_SCAN_LINES`` kept lines,
    in order (the first one is empty when the text opens with prose)."""
    blocks: list[list[Line]] = [[]]
    for line in content[:HEAD_SCAN_LINES]:
        if _is_head_prose(line.text, read):
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    return blocks if blocks[-1] or len(blocks) == 1 else blocks[:-1]


def _pair_in(block: Sequence[Line], read: _Reading) -> tuple[int, list[Line]] | None:
    """(position, title lines) of the first title in `block` that stands right above its
    byline: where a PDF's own head is, under whatever a viewer printed above it."""
    for pos, line in enumerate(block[:-1]):
        if not _may_be_title(line.text, read):
            continue
        run = _title_run(block, pos, read)
        after = pos + len(run)
        if not run or after >= len(block) or run[-1].text.endswith(":"):
            continue
        if any(SERIES_LINE.search(line.text) for line in run):
            continue  # '<Series>' '<year> No. <n>' over the author's name: no title
        while after + 1 < len(block) and _over_byline(block[after].text):
            after += 1  # '<title>' 'March 2021' '<Name>', '<TITLE>' 'by' '<Name>'
        if _name_under(block[after].text, run, read) is None:
            continue
        label = len(run) == 1 and word_count(run[0].text) <= MAX_LABEL_WORDS
        if label and _caps_title_under(block, after, read) and not is_caps_title(run[0].text):
            continue  # a label over the name, and the title in capitals under it
        if pos and _opens_title(block[pos - 1], run[0], read):
            return pos - 1, [block[pos - 1], *run]  # 'Managed Elections:' over its subtitle
        while pos and len(run) < MAX_TITLE_LINES and _wraps_into(block[pos - 1], run[0], read):
            pos, run = pos - 1, [block[pos - 1], *run]  # a title wrapped over three lines
        return pos, run
    return None


MAX_TITLE_LINES = 3
NAME_JOINER = re.compile(r"^(?:and|&|и)$", re.IGNORECASE)
"""A conjunction alone on its line between two stacked authors ('Anna Lind' / 'and' /
'Oleg Sokolov')."""


BARE_BY = re.compile(r"^by\s*:?$", re.IGNORECASE)
"""'by' alone on its line between a title and its author's name (a cover's credit line: an
'Edited by' there names no author of the title above it)."""


def _over_byline(text: str) -> bool:
    """A line that may stand between a title and its byline: a date alone ('March 2021')
    or 'by' alone."""
    return BARE_BY.match(text) is not None or _is_date_field(text)


def _wraps_into(line: Line, first: Line, read: _Reading) -> bool:
    """Is `line`, right above the title line `first` with no blank line between, the
    title's first line ('Rebuilding Trust in Vote-by-Mail' / 'Verification' / 'Lessons
    from …'): title-like, ``MIN_HEAD_WORDS`` words or more (a kicker is shorter), set in
    the same case, and no other field of the head."""
    return (
        line.index == first.index - 1
        and word_count(line.text) >= MIN_HEAD_WORDS
        and is_all_caps(line.text) == is_all_caps(first.text)
        and _is_title_like(line.text, read)
        and _may_be_title(line.text, read)
    )


def _opens_title(line: Line, first: Line, read: _Reading) -> bool:
    """Is `line`, right above the title line `first`, the title's opening ending with a
    colon ('Managed Elections:' over 'The Case of the Volga Regions')? A short one has the
    shape of a field label, so it is read only where a title follows."""
    text = line.text
    return (
        line.index == first.index - 1
        and text.endswith(":")
        and word_count(text) >= 2  # 'Summary:' is a label
        and _is_title_like(text, read)
        and byline_of(text, read.common) is None
        and not AFFILIATION.search(text)
    )


MAX_LABEL_WORDS = 4
"""Words of a cover's label over the author's name ('На правах рукописи', 'Analytical
report'); a longer line there is the title."""


def _caps_title_under(block: Sequence[Line], at: int, read: _Reading) -> bool:
    """Does an ALL-CAPS title of three words or more stand right under `block[at]` (a
    cover's name over its title: 'СЕЛИВЁРСТОВА Ксения Андреевна' over 'ИНСТИТУТ …')?"""
    if at + 1 >= len(block):
        return False
    text = block[at + 1].text
    return is_caps_title(text) and word_count(text) >= 3 and _may_be_title(text, read)


def _name_under(text: str, title: Sequence[Line], read: _Reading) -> str | None:
    """The names of a byline under `title`: :func:`byline_of`, or names printed in capitals
    ('ANNA LIND') under a title that is not, so that capitals set the names apart; under a
    caps title only a list of them ('ANNA LIND, OLEG SOKOLOV'): one caps name there may be
    the title's own last words."""
    found = byline_of(text, read.common)
    if found is not None or not title:
        return found
    return caps_names(text, read.common, 2 if is_caps_title(title[0].text) else 1)


def caps_names(text: str, common: frozenset[str], min_names: int = 1) -> str | None:
    """A list of at least `min_names` names printed in capitals ('ANNA LIND, OLEG
    SOKOLOV'; see :func:`caps_name`), as written; else None."""
    parts = [part.strip() for part in CAPS_NAME_SEPARATOR.split(text)]
    if len(parts) >= min_names and all(caps_name(part, common) for part in parts):
        return text.strip()
    return None


CAPS_NAME_SEPARATOR = re.compile(r",\s*(?:AND\s+|&\s*)?|\s+(?:AND|&|И)\s+")


def _is_date_field(text: str) -> bool:
    """A head line that holds a date alone ('March 2021', '12 March 2021')."""
    return MONTH_YEAR.match(text) is not None or published_of(text) is not None


MAX_BYLINE_LINES = 6
"""Lines under the title read for bylines: up to three names, each over its affiliation."""


def _goes_on(text: str) -> bool:
    """A line that goes on with a wrapped sentence: it opens in lower case (not with a
    superscript letter glued to its field: 'aDepartment of …'). Never a head's field."""
    return text[:1].islower() and not text[1:2].isupper()


def _is_affiliation(text: str, read: _Reading) -> bool:
    if _goes_on(text):
        return False
    short = len(text) <= read.max_chars and not ends_sentence(text)
    return short and (AFFILIATION.search(text) is not None or POSTAL.search(text) is not None)


POSTAL = re.compile(
    r"(?:^|,\s*)\d{6},\s*(?:г\.|[А-ЯЁ])"
    r"|\b(?:ул|пр-т|просп|пер|наб|пл)\.\s*[А-ЯЁ\d].{0,40}?,\s*(?:д\.|\d)"
    r"|^\d{1,5}\s+(?:[A-Z][\w.-]*\s+){1,4}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|"
    r"Square|Plaza|Lane|Place)\b"
    r"|,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"
)
"""A postal address on a head ('610017, г. Киров, ул. Лесная, д. 12', 'ул. Лесная, д.
12', '1779 Massachusetts Avenue NW, Washington, DC 20036'): the author's institution's,
a field, never the title."""


def _may_be_title(text: str, read: _Reading) -> bool:
    """Not a line that a head holds for another field (byline, date, affiliation, series,
    labelled field) nor a converter's note in brackets. An ALL-CAPS line with a subtitle after a colon is a title even when it
    names an institution ('ИНСТИТУТ ПОЛНОМОЧНЫХ ПРЕДСТАВИТЕЛЕЙ …: ЭВОЛЮЦИЯ ФУНКЦИЙ'): an
    affiliation has no subtitle."""
    return not (
        is_bracketed_note(text)
        or byline_of(text, read.common) is not None
        or is_byline_label(text)
        or published_of(text) is not None
        or MONTH_YEAR.match(text)
        or (AFFILIATION.search(text) and not _caps_with_subtitle(text))
        or POSTAL.search(text)
        or SERIES_LINE.search(text)
        or (FIELD_LINE.match(text) and VALUE_FIELD.search(text) and not _is_title_opening(text))
    )


def _caps_with_subtitle(text: str) -> bool:
    """An ALL-CAPS title with a subtitle after a colon ('X OF Y: THE CASE OF Z')."""
    head, colon, tail = text.partition(": ")
    return bool(colon) and is_caps_title(head) and is_caps_title(tail)


MIN_TITLE_OPENING_WORDS = 4


def _is_title_opening(text: str) -> bool:
    """The first line of a two-line title that ends in a colon ('Turnout Targets and
    Workplace Mobilization:'): a label this long is no field's."""
    return text.endswith(":") and word_count(text) >= MIN_TITLE_OPENING_WORDS


def _is_field(text: str, read: _Reading) -> bool:
    """A line a head block holds for a field: byline, date, series, affiliation, labelled
    field ('Keywords: …', 'Article views: 412'), place and year ('Москва – 2021'); never a line that goes on with a wrapped
    sentence ('tions, trained at the academy's school')."""
    if _goes_on(text):
        return False
    if byline_of(text, read.common) is not None or published_of(text) is not None:
        return True
    if FIELD_LINE.match(text) or SERIES_LINE.search(text) or IMPRINT_LINE.match(text):
        return True
    short = len(text) <= read.max_chars and not ends_sentence(text)
    return short and bool(AFFILIATION.search(text) or POSTAL.search(text))


def _norm(text: str) -> str:
    return " ".join(TRAIL_MARKS.sub("", LEAD_MARKS.sub("", text)).split()).casefold()


def _title_shown_above(lines: Sequence[Line], title: Sequence[Line]) -> bool:
    """Does the text above the title repeat it (a viewer's or library's copy of the title)?"""
    wanted = _norm(" ".join(line.text for line in title))
    above = _norm(" ".join(line.text for line in lines if line.index < title[0].index))
    return len(wanted) >= 12 and wanted in above


def _choose_block(
    lines: Sequence[Line], content: Sequence[Line], read: _Reading
) -> tuple[list[Line], tuple[int, list[Line]] | None, bool, str | None]:
    """(head block, the title over a byline in it or None, whether the block is a later
    one, the title as a cover page writes it or None).

    The head block is a later block, in the first ``MAX_HEAD_SHARE`` of the text, whose
    title over a byline repeats a title shown above it: a document-sharing page above the
    PDF's own first page, or an archive's cover page, whose title over its 'Author(s):'
    line is the title as written (the page's own may be ALL CAPS). Else it is the first
    block, with the title over a byline that it holds, or as it is."""
    blocks = _blocks(content, read)
    first = blocks[0]
    pair = _pair_in(first, read) if first else None
    cover = " ".join(line.text for line in pair[1]) if pair is not None else None
    wanted = _norm(cover) if cover is not None else None
    limit = content[0].start + MAX_HEAD_SHARE * (content[-1].end - content[0].start)
    for block in blocks[1:]:
        if block[0].start > limit:
            break
        later = _pair_in(block, read)
        if later is None or not _title_shown_above(lines, later[1]):
            continue
        if pair is None:
            return block, later, True, None
        if _norm(" ".join(line.text for line in later[1])) == wanted:
            return block, later, True, cover
    return first, pair, False, None


def _read_block(
    block: Sequence[Line], pair: tuple[int, list[Line]] | None, read: _Reading
) -> _Head:
    """Title, author, date and metadata lines of a head block. The title is the one over
    a byline, or a title field ('SUBJECT: …'), or what :func:`_scan` reads at the top; the
    date is a 'Published …' one, else the first dateline of the block; every line of the
    block down to the last field it holds is metadata."""
    if pair is not None:
        pos, run = pair
        head = _Head(run, meta={line.index for line in block[:pos]})
        after = pos + len(run)
        joiner = ", "
        for line in block[after : after + MAX_BYLINE_LINES]:
            if BARE_BY.match(line.text):
                head.meta = (head.meta or set()) | {line.index}
                continue  # 'by' alone over the name
            if head.author is not None and NAME_JOINER.match(line.text):
                head.meta = (head.meta or set()) | {line.index}
                joiner = f" {line.text} "
                continue  # 'and' alone between two stacked names
            author = _name_under(line.text, run, read)
            if author is None and _is_affiliation(line.text, read):
                continue  # each author's institution under the name
            if author is None and head.author is None and _is_date_field(line.text):
                head.meta = (head.meta or set()) | {line.index}
                continue  # the date between the title and the byline
            if author is None:
                break
            head.author = author if head.author is None else f"{head.author}{joiner}{author}"
            head.meta = (head.meta or set()) | {line.index}
            joiner = ", "
    else:
        window = block[:HEAD_BLOCK_LINES]
        field = next((line for line in window if TITLE_FIELD.match(line.text)), None)
        over = _title_over_fields(window)
        if field is not None:
            match = TITLE_FIELD.match(field.text)
            head = _Head([field], meta=set(), title=match.group("title") if match else None)
        elif over is not None:
            head = _Head([over], meta=set())
        else:
            head = _scan(block, read)
    head.published = _block_date(block[:HEAD_BLOCK_LINES]) or head.published
    if head.author is None and (named := _announced_author(block[:HEAD_BLOCK_LINES], read)):
        head.author, at = named
        head.meta = (head.meta or set()) | {at - 1, at}
    known = {line.index for line in head.title_lines} | (head.meta or set())
    window = block[:HEAD_BLOCK_LINES]
    abstract = next(
        (pos for pos, line in enumerate(window) if ABSTRACT_HEADING.match(line.text)), None
    )
    below = window[abstract:] if abstract is not None else []
    window = window[:abstract] if abstract is not None else window
    last = max(
        (
            pos
            for pos, line in enumerate(window)
            if line.index in known or _is_field(line.text, read)
        ),
        default=-1,
    )
    if head.title_lines or head.author or head.published:
        title_at = {line.index for line in head.title_lines}
        head.meta = (head.meta or set()) | {
            line.index for line in window[: last + 1] if line.index not in title_at
        }
        head.meta |= {line.index for line in below if FIELD_LINE.match(line.text)}
    return head


def _announced_author(window: Sequence[Line], read: _Reading) -> tuple[str, int] | None:
    """(names, line index) of the names a byline's label standing alone announces on the
    next line of a head block ('Edited by' / 'Anna Lind', 'A thesis submitted by' / 'ANNA
    LIND'), wherever in the block the pair stands (under lines that name an institution,
    as a cover's credits do), else None."""
    for line, below in itertools.pairwise(window):
        if (
            len(line.text) <= MAX_LABEL_CHARS
            and is_byline_label(line.text)
            and (names := byline_of(below.text, read.common)) is not None
        ):
            return names, below.index
    return None


HEAD_PARTS = re.compile(r"\s+[|–—]\s+|\s{3,}")
"""Where a running head's parts meet ('THE CAPTURED BALLOT | NOVEMBER 2021')."""
MAX_ECHO_LINES = 4
"""Lines a cover may wrap the title over that a running head repeats on one line."""
MIN_ECHO_CHARS = 12


def _running_texts(lines: Sequence[Line], dropped: dict[int, str]) -> tuple[set[str], set[str]]:
    """(whole texts, parts) of the one-line running heads dropped as page furniture, page
    numbers stripped, normalised; only those printed on two pages or more. A head that
    always stands in a stacked head block (country, election, mission) names no single
    title; one printed alone once (above the first page) may name it."""
    seen: dict[str, int] = {}
    alone: set[str] = set()
    for line in lines:
        if dropped.get(line.index) == PAGE_FURNITURE and not line.is_blank:
            text = _norm(EDGE_NUMBERS.sub("", line.text.strip()))
            seen[text] = seen.get(text, 0) + 1
            if not any(dropped.get(line.index + step) == PAGE_FURNITURE for step in (-1, 1)):
                alone.add(text)
    whole = {
        text
        for text, count in seen.items()
        if count >= 2 and text in alone and len(text) >= MIN_ECHO_CHARS
    }
    parts = {
        part
        for text in whole
        for part in HEAD_PARTS.split(text)
        if part != text and len(part) >= MIN_ECHO_CHARS
    }
    return whole, parts


def _echoed_title(
    lines: Sequence[Line], block: Sequence[Line], dropped: dict[int, str], read: _Reading
) -> tuple[int, list[Line]] | None:
    """(position, title lines) of the run of head-block lines that a running head repeats
    on its pages (a report's cover title over 'Sixth Report of Session …', echoed as
    '<Title>    5'): the title, whatever stands above it. A run that is one part of the
    head ('<TITLE> | <MONTH YEAR>') goes on with the lines below it up to a blank line
    (its subtitle). A run holding a series line is never the title."""
    whole, parts = _running_texts(lines, dropped)
    if not whole:
        return None
    window = block[:HEAD_BLOCK_LINES]
    runs = [
        (pos, run, _norm(" ".join(line.text for line in run)))
        for pos in range(len(window))
        for run in _head_runs(window, pos, read)
    ]
    for pos, run, text in runs:
        if text in whole:
            return pos, run
    for pos, run, text in runs:
        if text in parts:
            return pos, run + _subtitle(window[pos + len(run) :], run[-1], read)
    return None


def _head_runs(window: Sequence[Line], pos: int, read: _Reading) -> Iterator[list[Line]]:
    """The runs of up to ``MAX_ECHO_LINES`` lines from ``window[pos]`` that may be a title
    a running head repeats (none past a series line or a line too long for a title)."""
    for size in range(1, MAX_ECHO_LINES + 1):
        run = list(window[pos : pos + size])
        if len(run) < size or len(run[-1].text) > read.max_chars:
            return
        if SERIES_LINE.search(run[-1].text):
            return  # a series running head ('<Series> No. 71 l March 2022'), not a title
        yield run


def _cover_copy(lines: Sequence[Line], dropped: dict[int, str]) -> int | None:
    """The index of the cover's copy of the title that the running heads repeat whole: the
    first line above the first line of prose kept, dropped as a running head, with no digit,
    address or wide gap (a page's stamp, a browser's print head), whose text a running head
    prints on two pages or more ('"A Title"'
    on the cover, '"A TITLE"    3' on the pages). It is the title, not furniture."""
    whole, _ = _running_texts(lines, dropped)
    for line in lines[:HEAD_SCAN_LINES]:
        if line.is_blank:
            continue
        if line.index not in dropped:
            if is_prose(line.text):
                return None
            continue
        if (
            dropped[line.index] == PAGE_FURNITURE
            and not any(char.isdigit() for char in line.text)
            and not WIDE_GAP.search(line.text.strip())
            and "/" not in line.text
            and _norm(line.text) in whole
        ):
            return line.index
    return None


def _echoes(lines: Sequence[Line], dropped: dict[int, str], run: Sequence[Line]) -> bool:
    """Whether a running head repeats the run of lines (see :func:`_running_texts`)."""
    return _norm(" ".join(line.text for line in run)) in _running_texts(lines, dropped)[0]


def _subtitle(after: Sequence[Line], last: Line, read: _Reading) -> list[Line]:
    """The short title-like lines right under `last`, up to a blank line (at most two)."""
    found: list[Line] = []
    for line in after[:2]:
        if line.index != last.index + 1 or not _may_be_title(line.text, read):
            break
        if ends_sentence(line.text) or len(line.text) > read.max_chars:
            break
        found.append(line)
        last = line
    return found


def _retitled(block: Sequence[Line], echoed: tuple[int, list[Line]], read: _Reading) -> _Head:
    """The head of `block` read as a title over its bylines (see :func:`_read_block`)."""
    head = _read_block(block, echoed, read)
    head.title = None
    return head


def _stamp_date(lines: Sequence[Line]) -> str | None:
    """The date of an arXiv stamp on the first page ('arXiv:2108.07731v2 [cs.SI] 18 Aug
    2021': the day that version was made public), else None. The stamp itself is page
    furniture."""
    for line in lines[:HEAD_SCAN_LINES]:
        if ARXIV_STAMP.match(line.text) and (found := find_date(line.text)) is not None:
            return found[0]
    return None


def _running_head_date(lines: Sequence[Line], dropped: Mapping[int, str]) -> str | None:
    """The issue's date printed in the running head the text opens with, dropped as page
    furniture ('21344 Federal Register / Vol. 89, No. 61 / Thursday, March 28, 2024 /
    Rules and Regulations'): a periodical's page says which day's issue it is, the date
    of a document whose head names none. A viewer's line (an upload date) is no such head;
    a date without its day names no issue's day."""
    first = next((line for line in lines if not line.is_blank), None)
    if first is None or dropped.get(first.index) != PAGE_FURNITURE or is_viewer_line(first.text):
        return None
    found = find_date(first.text)
    return found[0] if found is not None and found[1] is not None else None


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _punctuated_copy(content: Sequence[Line], title_lines: Sequence[Line]) -> str | None:
    """The title as a later page prints it on one line, when that line holds the same
    letters as the cover's title lines joined, with a mark between title and subtitle
    that the cover's line break stood for ('Rebuilding Trust in Mail Voting' /
    'Lessons from Three States' on the cover, 'Rebuilding Trust in Mail Voting: Lessons
    from Three States' over the first page); else None."""
    joined = " ".join(line.text.strip() for line in title_lines)
    letters = _letters(joined)
    last = title_lines[-1].index
    for line in content:
        text = line.text.strip()
        if (
            line.index > last
            and len(joined) < len(text) <= len(joined) + MAX_ADDED_MARKS
            and _letters(text) == letters
        ):
            return text
    return None


MAX_ADDED_MARKS = 4
"""Characters a one-line copy of the title may add to the cover's joined lines (a colon,
a dash and its spaces)."""


def _cover_date(
    lines: Sequence[Line], dropped: Mapping[int, str], block: Sequence[Line]
) -> str | None:
    """The date of a dateline dropped as page furniture that stands among the head block's
    lines (between its first and its last): a cover's date, which the first page's head
    repeats and so made a running head of it ('Testimony presented before … on' / 'May
    11, 2023')."""
    if not block:
        return None
    first, last = block[0].index, block[-1].index
    for line in lines:
        if first < line.index < last and dropped.get(line.index) == PAGE_FURNITURE:
            text = line.text
            if is_dateline(text) and (found := find_date(text)) is not None and found[1]:
                return found[0]
    return None


def _block_date(block: Sequence[Line]) -> str | None:
    """A 'Published …' date of the block, else its first dateline."""
    dated = [(line.text, published_of(line.text)) for line in block]
    labelled = next((date for text, date in dated if date and PUBLISHED.search(text)), None)
    return labelled or next((date for _, date in dated if date), None)


def find_head(
    lines: Sequence[Line], dropped: dict[int, str], max_chars: int, split: bool = False
) -> tuple[PostHead | None, set[int]]:
    """The post head (see :func:`read_head`) and the front matter: the lines above a head
    found below the first block (a document-sharing page's copy of the title and abstract,
    an archive's cover page), to be dropped."""
    content = [
        line
        for line in lines
        if not line.is_blank and (line.index not in dropped or dropped[line.index] in HEAD_RULES)
    ]
    if len(content) < 2:
        return None, set()
    read = _Reading(max_chars, lower_words(content))
    block, pair, later, cover_title = _choose_block(lines, content, read)
    if not block:
        return None, set()
    head = _read_block(block, pair, read)
    head.title = cover_title or head.title
    echoed = _echoed_title(lines, block, dropped, read)
    if echoed is not None and pair is not None and _echoes(lines, dropped, pair[1]):
        echoed = None  # the title over the byline is a running head too: it stays the title
    if echoed is not None:
        head = _retitled(block, echoed, read)
    _title_past_label(head, block, read)
    head.published = (
        head.published
        or _stamp_date(lines)
        or _date_under(content, block)
        or _running_head_date(lines, dropped)
        or _cover_date(lines, dropped, block)
    )
    if head.published is None and not later:
        _masthead_above(head, content, block)
    if head.title is None and len(head.title_lines) > 1:
        head.title = _punctuated_copy(content, head.title_lines)
    if not later:
        return _post_head(head, content, split), set()
    front = {line.index for line in content if line.index < block[0].index}
    kept = [line for line in content if line.index >= block[0].index]
    return _post_head(head, kept, split), front


DOCUMENT_LABEL = re.compile(
    r"^(?:for\s+immediate\s+release|(?:press|news|media)\s+release"
    r"|(?:(?:policy|research|issue|background|briefing|working|discussion|occasional|analytical"
    r"|special|interim|final|annual|country|expert|technical|position|white)\s+)?"
    r"(?:brief(?:ing)?|paper|report|note|memo(?:randum)?|statement|bulletin|commentary"
    r"|analysis|series|judgment|judgement|decision|opinion|resolution)"
    r"(?:\s+(?:paper|series|note))?)\s*[.:]?$",
    re.IGNORECASE,
)
"""A line that names what kind of document this is ('POLICY BRIEF', 'Research Briefing',
'FOR IMMEDIATE RELEASE', 'Working Paper Series', 'JUDGMENT'): a cover's label, never its
title when a title stands under it."""
LABEL_REACH = 8
"""Lines under a document's label searched for its title (the label's number, date,
byline and contact fields stand between)."""


def _title_past_label(head: _Head, block: Sequence[Line], read: _Reading) -> None:
    """Make the title the first title line under the document label read as the title
    ('RESEARCH BRIEFING' / 'Number 9876' / 'By Anna Lind' / '<title>'), skipping the
    fields between; the label and those fields become metadata. Nothing changes when no
    such line stands within ``LABEL_REACH`` lines of the label."""
    if len(head.title_lines) != 1 or head.title is not None:
        return
    label = head.title_lines[0]
    if not DOCUMENT_LABEL.match(label.text):
        return
    at = next((pos for pos, line in enumerate(block) if line.index == label.index), None)
    if at is None:
        return
    for pos in range(at + 1, min(len(block), at + 1 + LABEL_REACH)):
        text = block[pos].text
        if _is_head_prose(text, read) or ABSTRACT_HEADING.match(text):
            return
        if (
            word_count(text) < MIN_HEAD_WORDS
            or _is_field(text, read)
            or _is_date_field(text)
            or not (_is_title_like(text, read) and _may_be_title(text, read))
        ):
            continue
        run = _title_run(block, pos, read)
        if not run:
            return
        head.title_lines = run
        title_at = {line.index for line in run}
        passed = {line.index for line in block[at:pos]}
        head.meta = ((head.meta or set()) | passed) - title_at
        return


MAX_MASTHEAD_LINES = 2


def _masthead_above(head: _Head, content: Sequence[Line], block: Sequence[Line]) -> None:
    """The date of a newspaper's masthead printed above the head block, on its own ('ГОРОД
    № 198   пятница, 15 октября 1993 г.   Цена 20 руб.' over a clipping's headline): the
    head's date, and the masthead line its metadata."""
    above = [line for line in content if line.index < block[0].index][:MAX_MASTHEAD_LINES]
    for line in above:
        if (date := published_of(line.text)) is not None:
            head.published = date
            head.meta = (head.meta or set()) | {line.index}
            return


def _date_under(content: Sequence[Line], block: Sequence[Line]) -> str | None:
    """The publication date labelled on the line right under the head block ('Original
    title: «…». Published in Russian on 3 February 2026.': a translation's credit, too long
    to stand in the block), else None."""
    last = block[-1].index
    below = next((line for line in content if line.index > last), None)
    if below is None or "published" not in below.text.casefold():
        return None
    match = PUBLISHED.search(below.text)
    if match is None:
        return None
    found = find_date(below.text[match.end() :])
    return found[0] if found and below.text[match.end() :].startswith(found[0]) else None


def _post_head(head: _Head, content: Sequence[Line], split: bool) -> PostHead | None:
    """The :class:`PostHead` of `head`, or None when it shows nothing but a title line that
    :func:`build_post` finds itself (and `split` is False), or leaves no line for the body."""
    meta = head.meta or set()
    if not (split or meta or head.author or head.published or len(head.title_lines) > 1):
        return None
    title = head.title or " ".join(line.text for line in head.title_lines) or None
    if title is not None and (field := TITLE_FIELD.match(title)):
        title = field.group("title")  # 'Title: …' over 'Author: …'
    if title is not None:
        title = TRAIL_MARKS.sub("", LEAD_MARKS.sub("", title)).strip()
        if is_caps_title(title):
            title = " ".join(title.split())
    if title is None and not head.author and not meta:
        return None
    known = meta | {line.index for line in head.title_lines}
    if all(line.index in known for line in content):
        return None  # a head with no body: build_post keeps every line instead
    return PostHead(
        title=title or None,
        title_lines=frozenset(line.index for line in head.title_lines),
        author=head.author,
        published=head.published,
        meta_lines=frozenset(meta),
    )


def read_head(
    lines: Sequence[Line], dropped: dict[int, str], max_chars: int, split: bool = False
) -> PostHead | None:
    """The post head read from the head block (the lines above the first paragraph of
    prose; see :func:`_read_block`), or None when it shows nothing but a title line that
    :func:`build_post` finds itself (and `split` is False), or when no line would be left
    for the body."""
    return find_head(lines, dropped, max_chars, split)[0]
