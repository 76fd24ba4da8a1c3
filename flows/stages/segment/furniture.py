"""Page furniture of PDF text: what the printed page or the PDF viewer adds around the article.

Pure recognisers on the *form* of lines; :func:`find_furniture` maps each furniture line's
index to the dropped rule ``page_furniture``. A line is furniture when it is

* a viewer line: what a PDF viewer or document-sharing site prints around the extracted
  text (``Total Page:16``, ``File Type:pdf, Size:1.4Mb``, ``Microsoft Word - x.docx``,
  ``Downloaded by … at …``, ``Upload: name``, ``341 views``, ``View: 2 times``,
  ``Date post: 14-Mar-2021``, ``TRANSCRIPT``, ``Content uploaded by …``), and every line of
  the preamble those lines open the document with (down to the last viewer line, through
  unfinished lines of any length: the site's copy of the title or of the first page), and
  of the postamble they close it with (its share buttons and teasers of other documents);
* a page number: ``12``, ``- 12 -``, ``Page 3 of 12``, ``3/12``;
* a running head or foot: a short line repeated on several pages (twice or more, its
  digits free to vary, its page number on either side: ``202 I. V. Volkova`` /
  ``204 I. V. Volkova``, ``2    CASE v. RUSSIA`` / ``CASE v. RUSSIA    3``; a line that ends a
  sentence counts from three repeats: ``This article is protected by copyright.``), or a
  short line whose leading or trailing number continues the page numbers of the running
  heads around it (the odd-page head ``Journal …, No. 3 203`` between ``202 …`` and
  ``204 …``), or lines beside rising page numbers that repeat a line of the first page's
  head (``142    Anna Lind`` / ``The Party of Power    143``). A line repeated only above
  the first paragraph of prose is the cover page repeating its title or date, not a
  running head (a sentence or two on an imprint page between the copies is not yet that
  paragraph);
* a first-page line of the printed journal or book: a citation line (``Vol. 11, No. 3``,
  ``2019. Т. 13, № 3``), a DOI, ISSN, ISBN, UDC (``УДК``), copyright or open-access
  licence line, an e-mail contact line;
* an entry of a table of contents: a heading, dot leaders and a page number
  (``1. Introduction ........ 5``), or, under a ``Contents`` heading, a heading and its
  page number after a space (``Governors and Elections 2``).

A line that occurs once and matches none of these forms is never furniture.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence

from flows.stages.repair.unwrap import CONTENTS_LINE
from flows.stages.segment.lines import Line, ends_sentence, word_count, words_up_to
from flows.stages.segment.meta import find_byline, find_date, person_names

RULE = "page_furniture"
MAX_CHARS = 120
"""Longest line that can be furniture (running heads and viewer lines are short)."""
MAX_WORDS = 18
PREAMBLE_LINES = 15
"""Viewer lines are looked for among the first this many non-blank lines."""
MAX_PREAMBLE_CHARS = 400
"""Longest line a viewer preamble holds (its flattened copy of the first page)."""
MIN_SENTENCE_REPEATS = 3
"""Repeats from which a short line that ends a sentence is a running foot."""
PROSE_WORDS = 8
"""A line that ends a sentence and has at least this many words is prose (a paragraph)."""
MIN_PAGE_CHARS = 300
"""Text between two page numbers: at least this many characters (a page, not a list)."""
MIN_HEAD_WORDS = 3
"""Words of a running head that pairs with bare page numbers as PDF evidence."""
MIN_STAMP_CHARS = 30
MIN_STAMPS = 3
"""A page stamp: a line of this many characters, the same on this many pages."""
STAMP_TOKEN = re.compile(r"(?=\S*(?:\d\S*){6})\S{8,}")
"""An identifier or numeric date of a stamp: eight characters or more, six of them digits
('2008/10/21', 'EXO-RDP85T00283R…', '1:17-cv-02041')."""

MIN_CODE_TOKENS = 8
MIN_IDENTIFIERS = 2
IDENTIFIER = re.compile(r"(?=\S*(?:[^\W\d_]\d|\d[^\W\d_]))\S{5,}")
"""A token of five characters or more mixing letters and digits ('A14MR8.012',
'Sep<11>2014', '28MRR1'): a job, file or form code."""
PROSE_WORD = re.compile(r"[a-z]{4,}")
MAX_MACHINE_STAMP_WORDS = 6
MACHINE_ID = re.compile(r"(?=[A-Z\d]{7,}$)[A-Z]+\d+[A-Z][A-Z\d]*")
"""A host's identifier in capitals with digits inside ('LAPJG3WLY3PROD', 'DSK6PROD'; not
a name with a number at its end: 'COVID19')."""


def is_code_line(text: str) -> bool:
    """A production line of codes ('VerDate Sep 11 2014 03:48 Mar 15, 2024 Jkt 049060 PO
    00000 Frm 00006 Fmt 0626 Sfmt 0634 E:\\CR\\FM\\A14MR8.012 E14MRPT1'): eight tokens or more,
    half of them or more carrying digits, two identifiers mixing letters and digits, no
    lower-case word of prose. A table's row of figures mixes no letters into its numbers."""
    tokens = text.split()
    if len(tokens) < MIN_CODE_TOKENS or ends_sentence(text):
        return False
    digits = sum(1 for token in tokens if any(ch.isdigit() for ch in token))
    if digits * 2 < len(tokens):
        return False
    if sum(1 for token in tokens if IDENTIFIER.fullmatch(token)) < MIN_IDENTIFIERS:
        return False
    return not any(PROSE_WORD.fullmatch(token) for token in tokens)


BARCODE_TEXT = re.compile(r"^\*(?=[^*]*\d)[0-9A-Z][0-9A-Z./+%$ -]{3,}\*$")
"""The characters printed under a Code 39 barcode, between its start and stop asterisks
('*2641234*', '*N2612345*'): a document number stamped for filing, no text of the page."""


def is_machine_stamp(text: str) -> bool:
    """A short stamp naming an operator and a machine ('jdoe on DSK6PROD with RULES1'): a
    few words, the first a login in lower case, one a host's identifier, no sentence."""
    words = text.split()
    return (
        1 < len(words) <= MAX_MACHINE_STAMP_WORDS
        and words[0].isalpha()
        and words[0].islower()
        and not ends_sentence(text)
        and any(MACHINE_ID.fullmatch(word) for word in words[1:])
    )


def _set_apart(lines: Sequence[Line], pos: int) -> bool:
    """Whether the line at `pos` has a blank line (or the text's edge) above and below."""
    return all(not 0 <= near < len(lines) or lines[near].is_blank for near in (pos - 1, pos + 1))


def production_stamps(lines: Sequence[Line]) -> set[int]:
    """The lines of a printer's production stamps: code lines (:func:`is_code_line`) and
    a barcode's text (:data:`BARCODE_TEXT`) anywhere, and machine stamps
    (:func:`is_machine_stamp`) set apart by blank lines (a margin stamp the extraction put between paragraphs), which a heading or a reference
    within the text is not."""
    found = set()
    for pos, line in enumerate(lines):
        text = line.text
        if len(text) > MAX_CHARS * 2 or line.is_blank:
            continue
        barcode = text.startswith("*") and BARCODE_TEXT.match(text) is not None
        if barcode or is_code_line(text) or (is_machine_stamp(text) and _set_apart(lines, pos)):
            found.add(line.index)
    return found


MIN_STACKED = 3
"""Copies in a row of one line that make a stack of margin stamps."""
MIN_STACKED_WORDS = 2


def stacked_stamps(kept: Sequence[Line]) -> set[int]:
    """The lines of a stack of margin stamps: one short line of ``MIN_STACKED_WORDS`` words
    or more, not prose, standing ``MIN_STACKED`` times or more in a row (blank lines
    aside). A stamp printed sideways in the margin of every page ('Public Disclosure
    Authorized') is extracted as one such stack; no text repeats a line so, and a cover
    repeating its title does so once, a page or more apart."""
    found: set[int] = set()
    for _, group in itertools.groupby(kept, key=lambda line: " ".join(line.text.split())):
        run = list(group)
        text = run[0].text
        if (
            len(run) >= MIN_STACKED
            and _short(text)
            and word_count(text) >= MIN_STACKED_WORDS
            and not is_prose(text)
        ):
            found.update(line.index for line in run)
    return found


def repeated_stamps(kept: Sequence[Line]) -> set[int]:
    """The lines of ``MIN_STAMP_CHARS`` characters or more that stand word for word on
    ``MIN_STAMPS`` pages of text or more, however long: a download or licence stamp printed
    on every page ('Downloaded from <address>, on <date>, subject to the terms of use …'),
    holding a digit or a web address as stamps do. Prose never repeats a whole line so; a
    speaker's formula repeated in a transcript ('Thank you very much, Mr Chairman.') holds
    neither."""
    seen: dict[str, list[int]] = {}
    for pos, line in enumerate(kept):
        text = line.text
        if len(text) >= MIN_STAMP_CHARS and (DIGITS.search(text) or WEB.search(text)):
            seen.setdefault(" ".join(line.text.split()), []).append(pos)
    found: set[int] = set()
    for places in seen.values():
        if len(places) < MIN_STAMPS:
            continue
        if _chars_between(kept, places[0], places[-1]) >= MIN_PAGE_CHARS * (len(places) // 2):
            found.update(kept[pos].index for pos in places)
    return found


ARXIV_STAMP = re.compile(
    r"^arxiv:\d{4}\.\d{4,5}(?:v\d+)?\s+\[[\w.-]+\]\s+\d{1,2}\s+[a-z]{3}\s+\d{4}$", re.IGNORECASE
)
"""The stamp arXiv prints up the margin of a preprint's first page ('arXiv:2108.07731v2
[cs.SI] 18 Aug 2021'): the text came out of a PDF. It stands among the head's lines, so it
is no viewer line that a preamble ends with."""
SITE_CHROME = (
    r"download\s+free\s+pdf(?:\s+view\s+pdf)?|loading\s+preview|related\s+papers"
    r"|sorry,\s+preview\s+is\s+currently\s+unavailable\..{0,120}"
    r"|citation\s+preview|report\s+dmca|recommend\s+stories|match\s+case"
    r"|limit\s+results\s+1\s+per\s+page|embed\s+size\s*\(px\)"
    r"|create\s+successful\s+epaper\s+yourself"
    r"|turn\s+your\s+pdf\s+publications\s+into\s+a\s+flip-book\b.{0,120}"
)
"""Lines of document-sharing and paper sites around a PDF's text ('Download Free PDF',
'Loading Preview', 'Citation preview', 'Report DMCA', a viewer's search box 'Match case'
and 'Limit results 1 per page', 'Embed Size (px)', a flip-book host's 'Create successful
ePaper yourself')."""
VIEWER_LINE = re.compile(
    r"^(?:total\s+pages?\s*:\s*\d+"
    r"|file\s+type\s*:\s*\w+(?:\s*,\s*size\s*:\s*\S+)?"
    r"|microsoft\s+(?:word|powerpoint|excel)\s+-\s+.+\.(?:docx?|pptx?|xlsx?|rtf|odt)"
    r"|downloaded\s+(?:by|from)\s+.{1,100}?\s+(?:at|on)\s+.+"
    r"|upload(?:ed)?(?:\s+by)?\s*:\s*\S+"
    r"|post(?:ed)?\s+on\s+\d[\w\s,./-]{0,20}"
    r"|date\s+post(?:ed)?\s*:\s*\d[\w\s,./-]{0,20}"
    r"|\d[\d,.\s]*\s+(?:views?|downloads?|pages?)"
    r"|(?:views?|downloads?)\s*:\s*\d[\d,.]*\s+times?"
    r"|share\s+this\s+document(?:\s+with\s+a\s+friend)?"
    r"|category\s*:"
    r"|(?:article|conference\s?paper|chapter|preprint|thesis|book|presentation|"
    r"(?:technical|research)\s?report|working\s?paper)\s?pdf\s+available"
    r"|content\s+uploaded\s+by\s+.+|author\s+content"
    r"|all\s+content\s+in\s+this\s+area\s+was\s+uploaded\s+by\s+.+"
    r"|content\s+may\s+be\s+subject\s+to\s+copyright\.?"
    r"|transcript"
    r"|\d{1,3}%\s+found\s+this\s+document\s+(?:not\s+)?useful\s*\(\d[\d,]*\s+votes?\)"
    r"|\d[\d,.]*\s*views?\s*\d[\d,.]*\s*pages?|uploaded\s+by"
    r"|you\s+are\s+on\s+page\s*\d+\s*(?:/|of)\s*\d+|download\s+as\s+(?:pdf|docx?|txt|pptx?)\b.*"
    r"|available\s+formats|download\s+now|report\s+this\s+document|sharing\s+options"
    r"|did\s+you\s+find\s+this\s+document\s+useful\??|is\s+this\s+content\s+inappropriate\??"
    r"|size\s*:\s*px|start\s+display\s+at\s+page\s*:?|download\s+[\"“].{1,300}[\"”]"
    r"|views?\s*:|transcription|similar\s+documents|more\s+information"
    r"|download\s+to\s+read\s+offline|recommended|\d{1,4}\s+of\s+\d{1,4}|\S+\s+a\s+scribd\s+company\s+logo"
    r"|share\s+or\s+embed\s+document|share\s+(?:on|with)\s+\w+,\s+opens\s+(?:a\s+new\s+window|mail\s+client)"
    r"|добавил\s*:|скачиваний\s*:(?:\s*\d+)?|добавлен\s*:(?:\s*[\d.]+)?|размер\s*:(?:\s*[\d.,]+\s*[кkмm][бb])?"
    rf"|скачать|\d[\d.,]*\s*(?:кб|мб|kb|mb)|{SITE_CHROME}"
    r"|share\s+[\"“].{1,300}[\"”]|copied!)$",
    re.IGNORECASE,
)
"""Lines of a PDF viewer or document-sharing page ('Total Page:22', '341 views',
'View: 2 times', 'ConferencePaperPDF Available', 'Content uploaded by …', a reader's
'0% found this document useful (0 votes)', '23 views14 pages', 'You are on page 1/ 14', a
flattening viewer's 'Size: px', 'Download "<title>"', 'Transcription', 'Similar documents', a
slide viewer's '1 of 38', 'Download to read offline' and 'Recommended', a Russian file library's
'Скачиваний: 7', 'Добавлен: 14.11.2022', 'Размер: 512.08 Кб', 'Скачать', a thesis
library's 'Share "<title>"' and 'Copied!')."""
STRONG_VIEWER_LINE = re.compile(
    r"^(?:total\s+pages?\s*:\s*\d+|file\s+type\s*:\s*pdf\b.*"
    r"|microsoft\s+(?:word|powerpoint|excel)\s+-\s+.+\.(?:docx?|pptx?|xlsx?|rtf|odt)"
    r"|downloaded\s+(?:by|from)\s+.{1,100}?\s+(?:at|on)\s+.+)$",
    re.IGNORECASE,
)
"""Viewer lines that alone show the text came out of a PDF."""
PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?P<n>\d{1,4})(?:\s*[-–—])?$"
    r"|^page\s+(?P<p>\d{1,4})(?:\s+of\s+\d{1,4})?$"
    r"|^(?P<q>\d{1,4})\s*/\s*\d{1,4}$",
    re.IGNORECASE,
)
"""'12', '- 12 -', 'Page 3 of 12', '3/12'."""
PAGE_COUNTER = re.compile(
    r"^(?:page\s+(?P<p>\d{1,4})\s+of\s+\d{1,4}|(?P<q>\d{1,4})\s*/\s*\d{1,4})$", re.IGNORECASE
)
"""A page counter that names the page count ('Page 2 of 9', '2/9')."""
WORDED_COUNTER = re.compile(
    r"^(?P<label>[^\W\d_]{2,12}\.?)\s+(?P<p>\d{1,4})\s+(?P<of>[^\W\d_]{1,4})\s+(?P<m>\d{1,4})$"
)
"""A page counter in any language: a word, the page, a short word, the page count
('Страница 2 из 9', 'Стр. 2 из 9', 'Seite 2 von 9'). Alone it could be a heading ('Part 2
of 3'); see :func:`worded_counters`."""
MIN_WORDED_COUNTERS = 2
SHARING_LINE = re.compile(
    r"^(?:upload(?:ed)?(?:\s+by)?\s*:.*|\d[\d,.]*\s+(?:downloads?|pages?)|transcript"
    r"|downloads?\s*:\s*\d[\d,.]*\s+times?|date\s+post(?:ed)?\s*:.*"
    r"|content\s+uploaded\s+by\s+.+|uploaded\s+by|\d[\d,.]*\s*views?\s*\d[\d,.]*\s*pages?"
    r"|you\s+are\s+on\s+page\s*\d+\s*(?:/|of)\s*\d+|download\s+as\s+(?:pdf|docx?|txt|pptx?)\b.*"
    r"|size\s*:\s*px|start\s+display\s+at\s+page\s*:?|transcription"
    r"|download\s+to\s+read\s+offline|скачиваний\s*:(?:\s*\d+)?|добавлен\s*:(?:\s*[\d.]+)?"
    rf"|{SITE_CHROME})$",
    re.IGNORECASE,
)
"""Viewer lines of a document-sharing site (not of a blog: its 'views', 'Posted on')."""
EDGE_NUMBER = re.compile(r"^(?P<a>\d{1,4})\s+\S|\S\s+(?P<b>\d{1,4})$")
"""A running head's page number: first or last token of the line."""
HEAD_GAP = re.compile(r"\S {3,}\S")
"""Columns of a laid-out running head ('142    P. N. GORSHKOV')."""
COLUMN_GAP = re.compile(r" {3,}")
"""The gap between the columns of a running head laid out across the page."""
HEAD_MARKS = re.compile(r"\d|[,|/•·]")
"""Beside its page number, a running head holds other digits or separators."""
EDGE_STRIP = re.compile(r"^\d+\s+|\s+\d+$")
DIGITS = re.compile(r"\d+")
ALNUM = re.compile(r"[^\W_]")
CITATION_LINE = re.compile(
    r"\bvol(?:ume)?\.?\s*\d+\b.*?(?:\bno\.?\s*\d+|\bissue\s+\d+|\bpp?\.\s*\d+|\d+\s*[–-]\s*\d+)"
    r"|(?<!\w)т\.\s*\d+\s*,\s*(?:№|вып\.)\s*\d+",
    re.IGNORECASE,
)
"""A journal's citation line ('Journal X, 2019, Vol. 11, No. 3, pp. 201–222', '2019. Т. 13,
№ 3')."""
DOI_LINE = re.compile(
    r"^(?:doi\s*:?\s*10\.\d{4,9}/\S+|https?://(?:dx\.)?doi\.org/\S+|e?-?issn\b.*|isbn\b.*"
    r"|(?:udc|удк)\s+[\d.:()\[\]/+-]+)$",
    re.IGNORECASE,
)
COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4}\b)", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s*protected\]", re.IGNORECASE)
LICENCE_LINE = re.compile(
    r"^(?=.*\blicen[cs]ed?\b)(?=.*(?:\bcreative\s+commons\b|\bcc[\s-]by\b|\bopen[\s-]access\b))"
    r".{20,300}$",
    re.IGNORECASE,
)
"""An open-access licence note of a printed paper ('This is an open access article
distributed under the CC BY-NC 4.0 license.')."""
CONTACT_LINE = re.compile(r"^(?:e-?mail|contact|correspondence)\b", re.IGNORECASE)
ADDRESS_LINE = re.compile(r"(?:^|\s)(?:https?://|www\.)[\w.-]+\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
"""A line that ends in the publisher's web address ('LONDON / UNITED KINGDOM www.x.org'): the
contact line of a cover, an imprint or a page foot."""
MAX_ADDRESS_WORDS = 8
"""Words of an address line, its web address included (a sentence citing a site is longer)."""


def _short(text: str) -> bool:
    return 0 < len(text) <= MAX_CHARS and word_count(text) <= MAX_WORDS


def is_viewer_line(text: str) -> bool:
    return len(text) <= 160 and VIEWER_LINE.match(text) is not None


def page_number(text: str) -> int | None:
    """The page number of a page-number line ('12', 'Page 3 of 12', '3/12'), else None."""
    match = PAGE_NUMBER.match(text)
    if match is None:
        return None
    return int(match.group("n") or match.group("p") or match.group("q"))


def edge_number(text: str) -> int | None:
    """The number a short line starts or ends with (a running head's page number)."""
    match = EDGE_NUMBER.search(text)
    if match is None:
        return None
    return int(match.group("a") or match.group("b"))


def head_key(text: str) -> str:
    """What repeats of a running head share: digits masked, spacing folded, and a page
    number at either edge moved to the end (the even-page head ``2    CASE v. RUSSIA`` and
    the odd-page head ``CASE v. RUSSIA    3`` share one key). One number is moved, the
    leading one when both edges hold one (``88 JOURNAL 2019 / № 3`` and ``JOURNAL 2019 / № 3
    89``: the issue's number stays in place). The columns of a head laid out across the
    page are sorted, so that a recto head and its verso mirror (``S/PV.1    Ukraine
    04/12/2026`` and ``04/12/2026    Ukraine    S/PV.1``) share one key too."""
    core = EDGE_STRIP.sub("", text, count=1)
    moved = " #" if core != text and ALNUM.search(core) else ""
    kept = DIGITS.sub("#", core if moved else text)
    if "   " in kept:
        columns = sorted(" ".join(part.split()) for part in COLUMN_GAP.split(kept.strip()))
        if len(columns) >= 2:
            return " | ".join(columns) + moved
    return " ".join(kept.split()) + moved


def is_prose(text: str) -> bool:
    """A paragraph of prose: it ends a sentence and has ``PROSE_WORDS`` words or more, or it
    is longer than any furniture line."""
    return len(text) > MAX_CHARS or (ends_sentence(text) and word_count(text) >= PROSE_WORDS)


def is_journal_line(text: str, top: bool = False) -> bool:
    """A DOI, ISSN, copyright, web address or e-mail contact line of a printed page; with `top` (the
    first lines of the document) also a journal's citation line."""
    if not _short(text):
        return False
    if DOI_LINE.match(text) or COPYRIGHT_LINE.match(text):
        return True
    if ADDRESS_LINE.search(text) and word_count(text) <= MAX_ADDRESS_WORDS:
        return not ends_sentence(text)
    if top and CITATION_LINE.search(text) and not ends_sentence(text):
        return True
    return bool(EMAIL.search(text)) and (
        CONTACT_LINE.match(text) is not None or word_count(EMAIL.sub("", text)) <= 6
    )


def _unfinished(text: str) -> bool:
    """No sentence ends the line, or it ends cut off ('… Who Sits in ... › x.pdfRegional...')."""
    return not ends_sentence(text) or text.endswith(("...", "…"))


def _preamble(lines: Sequence[Line]) -> set[int]:
    """The lines a viewer prints above the text, down to its last viewer line: the leading
    run of unfinished lines (a site's copy of the title or of the first page may be long)
    and short notes right under a viewer line ('Добавил:' over 'Опубликованный материал
    нарушает ваши авторские права? Сообщите нам.'), when it holds two viewer lines (or one
    that only a PDF viewer prints)."""
    top: list[Line] = []
    for line in lines[:PREAMBLE_LINES]:
        text = line.text
        if len(text) > MAX_PREAMBLE_CHARS:
            break
        note = len(text) <= MAX_CHARS and bool(top) and is_viewer_line(top[-1].text)
        if not (_unfinished(text) or is_viewer_line(text) or note):
            break
        top.append(line)
    viewer = [pos for pos, line in enumerate(top) if is_viewer_line(line.text)]
    if len(viewer) < 2 and not any(STRONG_VIEWER_LINE.match(top[pos].text) for pos in viewer):
        return set()
    return {line.index for line in top[: viewer[-1] + 1]}


def _postamble(lines: Sequence[Line]) -> set[int]:
    """The lines a document-sharing viewer prints below the text: from the first viewer line
    of the trailing run of unfinished lines (its share buttons, then its teasers of other
    documents: 'You might also like', their titles) to the end, when the run holds two
    viewer lines of the site (a PDF's own 'Total Page:16' lines name no such tail)."""
    tail: list[Line] = []
    for line in reversed(lines[-PREAMBLE_LINES * 2 :]):
        text = line.text
        if len(text) > MAX_CHARS or not (_unfinished(text) or is_viewer_line(text)):
            break
        tail.append(line)
    tail.reverse()
    viewer = [
        pos
        for pos, line in enumerate(tail)
        if is_viewer_line(line.text) and not STRONG_VIEWER_LINE.match(line.text)
    ]
    if len(viewer) < 2:
        return set()
    return {line.index for line in tail[viewer[0] :]}


MIN_PARAGRAPH_LINES = 3
"""Lines of eight words or more in a row that make a paragraph of wrapped prose."""


def _first_prose(lines: Sequence[Line]) -> int:
    """The index of the first line of a paragraph of prose, or -1 when no line is prose
    (then no line stands above it). A sentence on a line or two, in a run of short lines, is
    a cover page's or an imprint's note ('The opinions expressed … do not reflect the views
    of …'), not yet the text: the line must be longer than any furniture line, or stand in
    a run of ``MIN_PARAGRAPH_LINES`` long lines. With no such line, the first prose line."""
    long = [words_up_to(line.text, PROSE_WORDS) >= PROSE_WORDS for line in lines]
    first = -1
    for at, line in enumerate(lines):
        if not is_prose(line.text):
            continue
        if first < 0:
            first = line.index
        if len(line.text) > MAX_CHARS:
            return line.index
        low = max(0, at - MIN_PARAGRAPH_LINES + 1)
        for start in range(low, at + 1):
            window = long[start : start + MIN_PARAGRAPH_LINES]
            if len(window) == MIN_PARAGRAPH_LINES and all(window):
                return line.index
    return first


def _mid_sentence(by_index: dict[int, Line], index: int) -> bool:
    """The line at `index` goes on with a sentence of the line right above it: it opens with
    a lower-case word, two words or more and no web address, under a line that does not
    end one. A line repeated only so is a wrapped line of prose quoted twice, not a
    running head."""
    above = by_index.get(index - 1)
    text = by_index[index].text
    return (
        above is not None
        and not above.is_blank
        and not ends_sentence(above.text)
        and text[:1].islower()
        and word_count(text) >= MIN_PROSE_WORDS
        and not DOMAIN.search(text)
    )


MIN_PROSE_WORDS = 2
DOMAIN = re.compile(r"\b[\w-]+\.[a-z]{2,}\b", re.IGNORECASE)
"""A web address or e-mail domain ('www.cns.example.pl', 'journal.example.ru 12'): a
running foot that may open in lower case, never a wrapped line of prose."""


def running_heads(lines: Sequence[Line]) -> set[int]:
    """Short lines repeated in the document (digits free to vary) that carry a digit or no
    sentence end, or that end a sentence but repeat on ``MIN_SENTENCE_REPEATS`` pages: the
    running heads and feet of its pages. Repeats that all stand above the first paragraph
    of prose (a cover page and the head of the first page) are not running heads."""
    keys = {
        line.index: head_key(line.text)
        for line in lines
        if _short(line.text) and ALNUM.search(line.text)
    }
    if not keys:
        return set()
    counts = Counter(keys.values())
    prose = _first_prose(lines)
    below = {key for index, key in keys.items() if index > prose}
    by_index = {line.index: line for line in lines}
    running = {key for index, key in keys.items() if not _mid_sentence(by_index, index)}
    return {
        index
        for index, key in keys.items()
        if key in below
        and key in running
        and (
            (counts[key] >= 2 and ("#" in key or not ends_sentence(key)))
            or counts[key] >= MIN_SENTENCE_REPEATS
        )
    }


def laid_out_heads(lines: Sequence[Line]) -> set[int]:
    """The running heads laid out across the page ('Country    Page: 2', a gap of three
    spaces or more inside), with the running-head lines stacked right above or below them
    (a head block of several lines): what no layout reads as a headline or a dateline."""
    heads = running_heads(lines)
    found = {
        line.index for line in lines if line.index in heads and HEAD_GAP.search(line.raw.strip())
    }
    grown = True
    while grown:
        grown = False
        for line in lines:
            near = line.index - 1 in found or line.index + 1 in found
            if line.index in heads and line.index not in found and near:
                found.add(line.index)
                grown = True
    return found


def mirrored_heads(lines: Sequence[Line], heads: set[int]) -> set[int]:
    """The running heads at `heads` laid out in columns that another of them prints in
    another order (the recto head ``S/PV.1    Ukraine    04/12/2026`` and its verso
    mirror ``04/12/2026    Ukraine    S/PV.1``): a printed book's facing pages, which no
    web page has."""
    orders: dict[str, dict[tuple[str, ...], list[int]]] = {}
    for line in lines:
        if line.index not in heads or not HEAD_GAP.search(line.text):
            continue
        masked = DIGITS.sub("#", line.text.strip())
        order = tuple(" ".join(part.split()) for part in COLUMN_GAP.split(masked))
        orders.setdefault(head_key(line.text), {}).setdefault(order, []).append(line.index)
    return {
        index
        for by_order in orders.values()
        if len(by_order) >= 2
        for indices in by_order.values()
        for index in indices
    }


def _numbered(lines: Sequence[Line], found: set[int]) -> list[tuple[int, int]]:
    """(position, page number) of the furniture lines that carry a page number (not the
    year a dated line ends with: 'Downloaded … on 14 May 2024')."""
    numbered = []
    for pos, line in enumerate(lines):
        if line.index in found:
            number = page_number(line.text)
            if number is None and not _dated(line.text):
                number = edge_number(line.text)
            if number is not None:
                numbered.append((pos, number))
    return numbered


def _continues_numbering(text: str, number: int, before: int | None, after: int | None) -> bool:
    """Does a short line ending or starting with `number` sit in the page numbering: the
    page between the furniture numbers before and after it, or the page after the one
    before it (or before the one after it) laid out as a head (other digits, punctuation or
    wide gaps beside its number)?"""
    if before == number - 1 and after == number + 1:
        return True
    if before != number - 1 and after != number + 1:
        return False
    rest = EDGE_STRIP.sub("", text)
    return HEAD_MARKS.search(rest) is not None or HEAD_GAP.search(text) is not None


def _page_sequence(lines: Sequence[Line], found: set[int]) -> set[int]:
    """Short lines whose edge number continues the page numbers of the furniture found."""
    numbered = _numbered(lines, found)
    if not numbered:
        return set()
    more = set()
    for pos, line, number in _edge_numbered(lines, found):
        before = next((n for p, n in reversed(numbered) if p < pos), None)
        after = next((n for p, n in numbered if p > pos), None)
        if _continues_numbering(line.text, number, before, after):
            more.add(line.index)
    return more


def _dated(text: str) -> bool:
    """The line ends with an absolute date ('Advance access publication date: 6 February
    2024'): its trailing number is a year, not a page number."""
    date = find_date(text)
    return date is not None and text.endswith(date[0])


def _edge_numbered(lines: Sequence[Line], found: set[int]) -> Iterator[tuple[int, Line, int]]:
    """(position, line, number) of each short line, not yet furniture, ending no sentence
    and no date, that starts or ends with a number: a running head's candidates."""
    for pos, line in enumerate(lines):
        text = line.text
        if line.index in found or not _short(text) or ends_sentence(text) or _dated(text):
            continue
        number = edge_number(text)
        if number is not None:
            yield pos, line, number


def _heads_at_breaks(lines: Sequence[Line], found: set[int]) -> set[int]:
    """Short lines with an edge number that stand right next to furniture found (at a page
    break), when there are two or more and their numbers rise page by page: the alternating
    running heads of a journal ('378 POST-SOVIET REVIEW', 'GOVERNORS AND THE CENTRE 379'),
    each printed too few times in a short text to repeat."""
    heads: list[tuple[int, int]] = []
    for pos, line, number in _edge_numbered(lines, found):
        beside = [lines[p].index for p in (pos - 1, pos + 1) if 0 <= p < len(lines)]
        if any(index in found for index in beside):
            heads.append((line.index, number))
    if len(heads) < 2 or not _rising([number for _, number in heads]):
        return set()
    return {index for index, _ in heads}


def find_furniture(lines: Sequence[Line]) -> dict[int, str]:
    """Map line index -> ``page_furniture`` for every furniture line among ``lines``."""
    kept = [line for line in lines if not line.is_blank]
    found = _preamble(kept) | _postamble(kept)
    heads = running_heads([line for line in kept if line.index not in found])
    for pos, line in enumerate(kept):
        text = line.text
        top = pos < PREAMBLE_LINES
        if (
            is_viewer_line(text)
            or ARXIV_STAMP.match(text)
            or page_number(text) is not None
            or is_journal_line(text, top)
            or CONTENTS_LINE.match(text)
            or LICENCE_LINE.match(text)
        ):
            found.add(line.index)
    found |= heads
    found |= production_stamps(lines)
    found |= stacked_stamps(kept)
    found |= repeated_stamps(kept)
    found |= set(worded_counters(kept))
    found |= page_markers(kept)
    found |= closing_imprint(kept, found)
    found |= contact_headings(kept)
    found |= print_heads(kept)
    found |= laid_out_page_heads(kept)
    found |= laid_out_contents(kept)
    found |= headed_contents(kept)
    found |= _page_sequence(kept, found)
    found |= _heads_at_breaks(kept, found)
    found |= set(_echo_heads(kept))
    return dict.fromkeys(sorted(found), RULE)


PHONE = re.compile(r"\b(?:tel|phone|fax|тел)\b\.?\s*:?\s*[+(\d]|\(\+\d{1,3}\)", re.IGNORECASE)
WEB = re.compile(r"(?:https?://|www\.)[\w.-]+\.[a-z]{2,}", re.IGNORECASE)
MAX_IMPRINT_LINES = 8
MAX_CONTACT_CHARS = 300
"""Lines of a closing imprint, and the longest contact line (a masthead's whole block
flattened onto one line: names, address, phone, e-mail)."""


BARE_DOMAIN = re.compile(r"(?<![\w@.])(?:[a-z0-9-]+\.)+[a-z]{2,6}(?![\w.@])")
"""A web address printed without its scheme or 'www.' ('crps.example.org'), in lower case
as addresses are printed."""


def _contact_marks(text: str) -> int:
    """How many kinds of contact a line gives: e-mail, phone, web address."""
    return sum(bool(form.search(text)) for form in (EMAIL, PHONE, WEB))


def _names_someone(text: str) -> bool:
    """A line that carries a date or is a person's name or byline: never imprint."""
    return (
        find_date(text) is not None
        or person_names(text) is not None
        or find_byline(text) is not None
    )


def closing_imprint(kept: Sequence[Line], found: Collection[int] = ()) -> set[int]:
    """The publisher's imprint closing the text: the trailing run of lines that end no
    sentence (copyright, postal address, web address, phone, e-mail; a masthead's contact
    block flattened onto one line), when it holds two such contact lines or one line with
    two kinds of contact ('EDITORS: … ul. Lipowa 14, … tel.: … info@…'); an address line
    between them ('One Woodrow Plaza, Washington, DC 20004') goes with them. Lines at
    `found` (furniture already: page numbers, viewer lines, a last page's running foot)
    go on with the run and leave the ``MAX_IMPRINT_LINES`` the imprint may hold to its own
    lines. Lines under the last page's number, one with a contact (a bare domain too:
    'Centre X | x.example.org'), are that page's foot, whatever the run above it holds. A
    line with a date or a person's name alone ends the run; so does a sentence."""
    run: list[Line] = []
    weight = 0
    read = 0  # lines read that were not furniture already: the imprint's own
    under = 0  # lines with a contact read before the last page's number: its page foot
    numbered = False
    foot: list[Line] = []
    for line in reversed(kept):
        text = line.text
        if line.index in found:
            run.append(line)
            weight += int(is_journal_line(text))
            if not numbered and page_number(text) is not None:
                numbered = True
                foot = [line for line in run if line.index not in found] if under else []
            continue
        read += 1
        if read > MAX_IMPRINT_LINES:
            break
        marks = _contact_marks(text)
        if not numbered and (marks or BARE_DOMAIN.search(text)):
            under += 1
        contact = len(text) <= MAX_CONTACT_CHARS and marks >= 2
        if not contact and (len(text) > MAX_CHARS or ends_sentence(text)):
            break
        if _names_someone(text):
            break
        run.append(line)
        weight += 2 if contact else int(is_journal_line(text))
    if weight < 2 or len(run) == len(kept):
        return {line.index for line in foot}
    return {line.index for line in run if line.index not in found}


MAX_CONTACT_HEADING_CHARS = 60
CONTACT_REACH = 5
"""Lines under a contact heading within which its e-mail address stands."""


def contact_headings(kept: Sequence[Line]) -> set[int]:
    """A heading over the authors' contact details ('Contact details and disclaimer:',
    'Correspondence:'): a short line opening with a contact word and closing with a colon,
    an e-mail address within the ``CONTACT_REACH`` lines under it. The details themselves
    (names, affiliations) are left to the other rules."""
    found: set[int] = set()
    for pos, line in enumerate(kept):
        text = line.text
        if len(text) > MAX_CONTACT_HEADING_CHARS or not text.endswith(":"):
            continue
        if CONTACT_LINE.match(text) is None:
            continue
        if any(EMAIL.search(x.text) for x in kept[pos + 1 : pos + 1 + CONTACT_REACH]):
            found.add(line.index)
    return found


PRINT_HEAD = re.compile(r"^(?:\S.*\S {3,}https?://\S+|https?://\S+ {3,}\S.*\S)$")
"""A browser's print header or footer: the page's title (or date, or page counter) and
its address at the other edge, a wide gap between."""


def print_heads(kept: Sequence[Line]) -> set[int]:
    """Browser print heads and feet (:data:`PRINT_HEAD`, of any length: a title may fill
    the line) printed on two pages or more (digits free to vary)."""
    keys = {line.index: head_key(line.text) for line in kept if PRINT_HEAD.match(line.text)}
    counts = Counter(keys.values())
    return {index for index, key in keys.items() if counts[key] >= 2}


PAGE_LABEL = r"(?:(?i:page|seite|страница|стр\.)\s+)?"
"""The word a page column may print before its number ('Page 3', 'Стр. 3')."""
LAID_OUT_NUMBER = re.compile(
    rf"^{PAGE_LABEL}(?P<a>\d{{1,4}}) {{3,}}\S.*\S$|^\S.*\S {{3,}}{PAGE_LABEL}(?P<b>\d{{1,4}})$"
)
"""A running head laid out with its page number at one edge, a wide gap between; the
number may follow its label ('Page 1      R-24-0117 Annual Review')."""


def laid_out_page_heads(kept: Sequence[Line]) -> set[int]:
    """Short laid-out heads with a page number at an edge (:data:`LAID_OUT_NUMBER`), no
    sentence end, two or more whose numbers go up one by one with a page of text
    (``MIN_PAGE_CHARS``) between each two: the alternating heads of a journal
    ('212        <Authors>', '<Journal>        213'), each printed once in a short text."""
    found = [
        (pos, int(match.group("a") or match.group("b")))
        for pos, line in enumerate(kept)
        if _short(line.text)
        and not ends_sentence(line.text)
        and (match := LAID_OUT_NUMBER.match(line.text))
    ]
    best: list[int] = []
    for start, (first_pos, first) in enumerate(found):
        chain, last_pos, last = [first_pos], first_pos, first
        for pos, number in found[start + 1 :]:
            if number == last + 1 and _chars_between(kept, last_pos, pos) >= MIN_PAGE_CHARS:
                chain.append(pos)
                last_pos, last = pos, number
        if len(chain) > len(best):
            best = chain
    return {kept[pos].index for pos in best} if len(best) >= 2 else set()


LAID_OUT_ENTRY = re.compile(r"^(?P<entry>\S.{0,100}?\S) {3,}(?P<page>\d{1,3})$")
"""A contents entry that a layout extraction sets apart from its page number by a wide
gap, with no dot leaders ('Summary      3', '1     Introduction      5')."""
MIN_CONTENTS_ENTRIES = 3


def laid_out_contents(kept: Sequence[Line]) -> set[int]:
    """Runs of ``MIN_CONTENTS_ENTRIES`` or more lines in a row, each a laid-out contents
    entry with no sentence end, their page numbers never falling: a table of contents."""
    found: set[int] = set()
    run: list[int] = []
    last = -1
    for line in kept:
        page = _contents_page(line.text)
        if page is None or page < last:
            if len(run) >= MIN_CONTENTS_ENTRIES:
                found.update(run)
            run, last = [], -1
        if page is not None:
            run.append(line.index)
            last = page
    if len(run) >= MIN_CONTENTS_ENTRIES:
        found.update(run)
    return found


CONTENTS_HEADING = re.compile(
    r"^(?:table\s+of\s+)?contents|^содержание|^оглавление|^inhalt(?:sverzeichnis)?", re.I
)
CONTENTS_ENTRY = re.compile(r"^(?P<entry>\S.{0,100}?[^\W\d_)]\s?\)?)\s+(?P<page>\d{1,3})$")
"""A contents entry with its page number after one space ('Governors and Elections 2'):
read only under a contents heading, where a heading ending in a number is no title."""


def headed_contents(kept: Sequence[Line]) -> set[int]:
    """The entries of a table of contents under its heading ('Contents', 'Table of
    Contents', 'Содержание', 'Оглавление'), their page numbers after a plain space: the
    ``MIN_CONTENTS_ENTRIES`` or more lines right under the heading that end in a page
    number, with no sentence end and their numbers never falling."""
    found: set[int] = set()
    for pos, line in enumerate(kept):
        if not CONTENTS_HEADING.fullmatch(line.text.rstrip(" :.")):
            continue
        run: list[int] = []
        last = -1
        for entry in kept[pos + 1 :]:
            match = CONTENTS_ENTRY.match(entry.text)
            if match is None or ends_sentence(match.group("entry")):
                break
            page = int(match.group("page"))
            if page < last:
                break
            run.append(entry.index)
            last = page
        if len(run) >= MIN_CONTENTS_ENTRIES:
            found.update(run)
    return found


def _contents_page(text: str) -> int | None:
    """The page number of a laid-out contents entry, else None."""
    match = LAID_OUT_ENTRY.match(text)
    if match is None or ends_sentence(match.group("entry")):
        return None
    return int(match.group("page"))


def worded_counters(kept: Sequence[Line]) -> dict[int, int]:
    """Line index -> page of the worded page counters (:data:`WORDED_COUNTER`): lines of
    that shape with the same words and the same page count, ``MIN_WORDED_COUNTERS`` or
    more of them, their pages rising page by page and none past the count."""
    groups: dict[tuple[str, str, int], list[tuple[int, int]]] = {}
    for line in kept:
        match = WORDED_COUNTER.match(line.text)
        if match is None:
            continue
        key = (match.group("label").lower(), match.group("of").lower(), int(match.group("m")))
        groups.setdefault(key, []).append((line.index, int(match.group("p"))))
    found: dict[int, int] = {}
    for (_, _, count), members in groups.items():
        pages = [page for _, page in members]
        if len(members) >= MIN_WORDED_COUNTERS and _rising(pages) and max(pages) <= count:
            found.update(members)
    return found


MAX_HEAD_PAGE_STEP = 3
"""Most pages from one repeat of a running head to the next (a page may show none)."""


def _paged_heads(kept: Sequence[Line], heads: Collection[int]) -> bool:
    """Whether a running head's number rises from page to page (each repeat of one head,
    digits masked, one to ``MAX_HEAD_PAGE_STEP`` more than the one before): a page number.
    A year or an issue's number stays; the counts and ages of a page of items' meta rows
    ('Posts: 1318', '3 months ago') repeat too, in no order."""
    by_key: dict[str, list[int]] = {}
    for line in kept:
        if line.index in heads and (number := edge_number(line.text)) is not None:
            by_key.setdefault(head_key(line.text), []).append(number)
    return any(
        len(numbers) >= 2
        and all(0 < b - a <= MAX_HEAD_PAGE_STEP for a, b in itertools.pairwise(numbers))
        for numbers in by_key.values()
    )


def _rising(numbers: Sequence[int]) -> bool:
    """Page numbers in sequence: each one to two more than the one before."""
    return all(0 < b - a <= 2 for a, b in itertools.pairwise(numbers))


def pdf_evidence(lines: Sequence[Line]) -> str | None:
    """What shows that a text was extracted from a PDF, or None: a viewer line only a PDF
    has; the viewer lines of a document-sharing site; three or more page counters
    ('Page 2 of 9', '2/9', 'Страница 2 из 9') or laid-out running heads whose numbers rise page by page; page
    numbers that rise page by page between pages of prose (see :func:`_page_breaks`), or
    that a layout extraction set apart (see :func:`_set_page_numbers`)."""
    kept = [line for line in lines if not line.is_blank]
    strong = sum(1 for line in kept if STRONG_VIEWER_LINE.match(line.text))
    if strong:
        return f"{strong} PDF viewer lines"
    if any(ARXIV_STAMP.match(line.text) for line in kept[:HEAD_STAMP_LINES]):
        return "an arXiv stamp on the first page"
    top = [line.text for line in kept[:PREAMBLE_LINES]]
    viewer = sum(1 for text in top if is_viewer_line(text))
    if viewer >= 3 and any(SHARING_LINE.match(text) for text in top):
        return f"{viewer} document-sharing viewer lines"
    counted = worded_counters(kept)
    counters = [counted.get(line.index, _counter(line.text)) for line in kept]
    numbers = [number for number in counters if number is not None]
    if len(numbers) >= 3 and _rising(numbers):
        return f"{len(numbers)} page counters in sequence"
    heads = running_heads(kept)
    laid_out = {line.index for line in kept if line.index in heads and HEAD_GAP.search(line.text)}
    numbers = max(_numbers_by_head(kept, laid_out), key=len, default=[])
    if len(numbers) >= 3 and _rising(numbers):
        return f"{len(numbers)} running heads numbered in sequence"
    block = laid_out_heads(kept)
    numbers = [number for _, number in _numbered(kept, block & laid_out)]
    if len(numbers) >= 2 and len(block) >= 2 * len(numbers) and _rising(numbers):
        return f"a running head block of {len(block) // len(numbers)} lines on {len(numbers)} pages"
    laid_heads = laid_out_page_heads(kept)
    if laid_heads:
        return f"{len(laid_heads)} laid-out page heads numbered in sequence"
    mirrored = mirrored_heads(kept, heads)
    if mirrored:
        return f"{len(mirrored)} running heads mirrored on facing pages"
    marked = {line.index for line in kept if line.index in heads and _marked_head(line.text)}
    if _one_a_page(kept, _numbered(kept, marked)):
        return f"{len(_numbered(kept, marked))} numbered running heads, one a page"
    worded = {line.index for line in kept if line.index in heads and _worded_head(line.text)}
    for pages in _numbered_by_key(kept, worded):
        if _one_a_page(kept, pages):
            return f"{len(pages)} numbered running heads of one text, one a page"
    markers = page_markers(kept)
    if markers:
        return f"{len(markers)} page markers '(1)', '(2)' … in sequence"
    centred = _centred_cover(kept)
    if centred:
        return f"{centred} cover lines set in from the left edge"
    return _page_breaks(kept, heads) or _page_stamp(kept) or _set_page_numbers(kept)


HEAD_STAMP_LINES = 60
"""Kept lines of the first page among which an arXiv stamp is looked for."""
COVER_LINES = 12
MIN_CENTRED = 3


def _centred_cover(kept: Sequence[Line]) -> int:
    """How many of the first ``COVER_LINES`` lines are short and set in by
    ``MIN_SET_INDENT`` spaces or more (a title page centred by a layout extraction: web text
    scraped to lines loses such indentation); 0 when fewer than ``MIN_CENTRED``."""
    centred = sum(
        1
        for line in kept[:COVER_LINES]
        if line.indent >= MIN_SET_INDENT and _short(line.text) and not ends_sentence(line.text)
    )
    return centred if centred >= MIN_CENTRED else 0


PAGE_MARKER = re.compile(r"^\((?P<n>\d{1,4})\)$")
MIN_MARKERS = 3


def page_markers(kept: Sequence[Line]) -> set[int]:
    """The page markers a document library prints where each page of the PDF begins ('(1)',
    '(2)', … on lines of their own): ``MIN_MARKERS`` or more, from '(1)' and rising one by
    one, a page of text (``MIN_PAGE_CHARS``) between each two. Numbered items of a list
    ('(1)' over its text) do not hold a page between them."""
    found = [
        (pos, int(m.group("n")))
        for pos, line in enumerate(kept)
        if (m := PAGE_MARKER.match(line.text))
    ]
    if len(found) < MIN_MARKERS or found[0][1] != 1:
        return set()
    for (a, first), (b, second) in itertools.pairwise(found):
        if second != first + 1 or _chars_between(kept, a, b) < MIN_PAGE_CHARS:
            return set()
    return {kept[pos].index for pos, _ in found}


def _one_a_page(kept: Sequence[Line], numbered: Sequence[tuple[int, int]]) -> bool:
    """Three or more (position, number) pairs rising page by page, a page of text between
    each two."""
    paged = all(
        _chars_between(kept, a, b) >= MIN_PAGE_CHARS
        for (a, _), (b, _) in itertools.pairwise(numbered)
    )
    return len(numbered) >= 3 and paged and _rising([number for _, number in numbered])


def _worded_head(text: str) -> bool:
    """A running head of ``MIN_HEAD_WORDS`` words or more beside a page number at its edge
    ('2 The Fourth Term: Continuity and Succession'): repeated with the same words it is the
    title or the series on each page, not a numbered section heading (which never repeats)."""
    return edge_number(text) is not None and word_count(EDGE_STRIP.sub("", text)) >= MIN_HEAD_WORDS


def _numbered_by_key(kept: Sequence[Line], found: set[int]) -> list[list[tuple[int, int]]]:
    """The (position, page number) pairs of the running heads at `found`, one list per head
    text (digits masked: :func:`head_key`)."""
    by_key: dict[str, list[tuple[int, int]]] = {}
    for pos, number in _numbered(kept, found):
        by_key.setdefault(head_key(kept[pos].text), []).append((pos, number))
    return list(by_key.values())


MIN_SET_INDENT = 20
"""Leading spaces of a page number set at the page's right edge or centre by a layout
extraction (web text scraped to lines loses such indentation)."""


MIN_SLIDES = 4
"""Bare numbers set apart, one a page, that show a deck of slides without a page of
prose between each two."""

MIN_SLIDE_CHARS = 40
"""Text on a slide between two slide numbers: a heading and a bullet or two."""


def _set_page_numbers(kept: Sequence[Line]) -> str | None:
    """Bare page numbers set far in from the left edge (``MIN_SET_INDENT``), two or more
    rising one by one with a page of prose between each two, or ``MIN_SLIDES`` or more
    with a slide's few lines between each two: a layout extraction's pages."""
    found = _page_chain(kept)
    set_apart = [pos for pos, _ in found if kept[pos].indent >= MIN_SET_INDENT]
    if len(found) >= 2 and len(set_apart) == len(found):
        return f"{len(found)} page numbers set apart in sequence"
    slides = _page_chain(kept, MIN_SLIDE_CHARS, MIN_SET_INDENT)
    if len(slides) >= MIN_SLIDES:
        return f"{len(slides)} slide numbers set apart in sequence"
    return None


def _numbers_by_head(kept: Sequence[Line], found: set[int]) -> list[list[int]]:
    """The page numbers of the running heads at `found`, one list per head (digits masked:
    see :func:`head_key`), so that a contents line which repeats a section heading does not
    break the sequence of the title's running head."""
    by_key: dict[str, list[int]] = {}
    for pos, number in _numbered(kept, found):
        by_key.setdefault(head_key(kept[pos].text), []).append(number)
    return list(by_key.values())


def _marked_head(text: str) -> bool:
    """A running head with a page number at its edge and other digits or separators
    beside it ('Discussion Paper No. 7 | 3', '12 Regional Review, 2019')."""
    return edge_number(text) is not None and HEAD_MARKS.search(EDGE_STRIP.sub("", text)) is not None


def _page_stamp(kept: Sequence[Line]) -> str | None:
    """The same long line with an identifier or numeric date (a release or filing stamp:
    'Approved For Release 2008/10/21 : EXO-RDP85T…'), not a sentence, on ``MIN_STAMPS`` pages
    of text."""
    seen: dict[str, list[int]] = {}
    for pos, line in enumerate(kept):
        text = line.text
        if len(text) < MIN_STAMP_CHARS or len(text) > MAX_CHARS or ends_sentence(text):
            continue
        if STAMP_TOKEN.search(text):
            seen.setdefault(text, []).append(pos)
    for places in seen.values():
        if len(places) >= MIN_STAMPS:
            spread = _chars_between(kept, places[0], places[-1])
            if spread >= MIN_PAGE_CHARS * (len(places) // 2):
                return f"a page stamp repeated {len(places)} times"
    return None


def _page_breaks(kept: Sequence[Line], heads: set[int]) -> str | None:
    """Bare page numbers ('12', '- 12 -') rising one by one, with a page of prose
    (``MIN_PAGE_CHARS``) between each two: four of them; or three, when one of them breaks a
    sentence that goes on after it; or two or more, when a running head stands on each page
    between them."""
    found = _page_chain(kept)
    if len(found) >= 4:
        return f"{len(found)} page numbers in sequence between pages of text"
    if len(found) == 3 and any(_breaks_sentence(kept, pos) for pos, _ in found):
        return "3 page numbers in sequence, one inside a sentence"
    if len(found) >= 2 and _headed_pages(kept, found, heads):
        return f"{len(found)} page numbers in sequence, a running head on each page"
    return None


def _page_chain(
    kept: Sequence[Line], page_chars: int = MIN_PAGE_CHARS, indent: int = 0
) -> list[tuple[int, int]]:
    """The longest chain of (position, number) of bare page numbers indented by `indent` or
    more, each one more than the one before and a page of text (`page_chars`) after it."""
    numbers = [
        (pos, n)
        for pos, line in enumerate(kept)
        if line.indent >= indent and (n := page_number(line.text))
    ]
    best: list[tuple[int, int]] = []
    for start, first in enumerate(numbers):
        chain = [first]
        for pos, number in numbers[start + 1 :]:
            last_pos, last = chain[-1]
            if number == last + 1 and _chars_between(kept, last_pos, pos) >= page_chars:
                chain.append((pos, number))
        if len(chain) > len(best):
            best = chain
    return best


def _headed_pages(kept: Sequence[Line], found: Sequence[tuple[int, int]], heads: set[int]) -> bool:
    """One running head of ``MIN_HEAD_WORDS`` words or more (a journal, author or title, not
    a button label) stands on each page between the page numbers at `found`."""
    keys = [
        {head_key(line.text) for line in kept[a + 1 : b] if _named_head(line, heads)}
        for (a, _), (b, _) in itertools.pairwise(found)
    ]
    return bool(keys) and bool(set.intersection(*keys))


def _named_head(line: Line, heads: set[int]) -> bool:
    return line.index in heads and word_count(line.text) >= MIN_HEAD_WORDS


def _chars_between(kept: Sequence[Line], lo: int, hi: int) -> int:
    return sum(len(line.text) for line in kept[lo + 1 : hi])


def _breaks_sentence(kept: Sequence[Line], pos: int) -> bool:
    """The page number stands inside a sentence: the line before it is unfinished and the
    line after it goes on in lower case."""
    if pos == 0 or pos + 1 >= len(kept):
        return False
    return not ends_sentence(kept[pos - 1].text) and kept[pos + 1].text[:1].islower()


def _counter(text: str) -> int | None:
    """The page of a page counter ('Page 2 of 9', '2/9'), else None."""
    match = PAGE_COUNTER.match(text)
    return int(match.group("p") or match.group("q")) if match else None


SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
NOTE_MARK = re.compile(
    r"(?<=[^\W\d_])(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]?)(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
    r"|(?<=[^\W\d_][.,;:!?”\"’)])(?P<n>\d{1,2})(?=\s|$)"
)
"""A footnote marker glued to the text: a superscript after a word ('alive²'), or digits
after a word's closing punctuation ('in the past.1 The')."""
NOTE_LINE = re.compile(r"^(?P<n>\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]?)\s*(?=[^\W\d_])")
"""A footnote at a page's foot: its number (or superscript), then its text."""
MIN_NOTE_WORDS = 3
MIN_GUTTER_SIDE = 15
"""Characters of text on each side of a column gutter."""
MIN_GUTTER_LINES = 3
GUTTER = re.compile(r" {3,}")
"""The gap between two columns of text on one line (pdftotext -layout)."""
LETTER = re.compile(r"[^\W\d_]")
MIN_FLAT_PAGE_CHARS = 1000
FLAT_PAGE_END = re.compile(r"[.!?…][\"'”’»)]*\s+(?P<n>\d{1,4})$")
"""A page flattened to one line ends its last sentence, then its page number."""
TOP_LINES = 30
"""Kept lines in which a journal's first-page lines (DOI, ISSN, citation) are looked for."""
TWO_COLUMNS_SIGN = "lines of two columns"
"""How :func:`weak_pdf_signs` names two columns side by side (after their count)."""


def weak_pdf_signs(kept: Sequence[Line], rows: frozenset[int] = frozenset()) -> list[str]:
    """The signs of PDF text that no other text is likely to show, each too weak to tell
    alone (a letter may hold one by chance; two rarely come together): bare page numbers
    rising with a page of text between them, or a page counter ('Page 1 of 2'); running
    heads or feet that carry two page numbers or more; a journal's first-page line
    (:func:`_journal_mark`); footnotes whose markers are glued to the text above them; a
    printer's production line of codes (:func:`is_code_line`); two columns side by side;
    pages flattened to one line each, ending in their page numbers. `rows`: the indices of
    lines that are a web page's repeated item rows (a comment header set out in cells):
    their cells and codes are no sign of a printed page's columns or production line."""
    signs = []
    chain = _page_chain(kept)
    counters = [line for line in kept if _counter(line.text) is not None]
    if len(chain) >= 2 or counters:
        signs.append(f"{max(len(chain), len(counters))} page numbers")
    if _paged_heads(kept, running_heads(kept)):
        signs.append("a running head with a page number")
    if any(_journal_mark(line.text) for line in kept[:TOP_LINES]):
        signs.append("a journal's first-page line")
    echoes = _echo_heads(kept)
    if echoes:
        signs.append(f"{len(echoes)} page heads echoing the title or author")
    if _footnotes(kept):
        signs.append("footnotes under their glued markers")
    if any(
        is_code_line(line.text)
        for line in kept
        if len(line.text) <= MAX_CHARS * 2 and line.index not in rows
    ):
        signs.append("a printer's production line of codes")
    gutters = sum(1 for line in kept if line.index not in rows and _gutter(line.text))
    if gutters >= MIN_GUTTER_LINES:
        signs.append(f"{gutters} {TWO_COLUMNS_SIGN}")
    flat = [
        int(match.group("n"))
        for line in kept
        if len(line.text) >= MIN_FLAT_PAGE_CHARS and (match := FLAT_PAGE_END.search(line.text))
    ]
    if len(flat) >= 2 and _rising(flat):
        signs.append(f"{len(flat)} flattened pages ending in page numbers")
    return signs


PAGE_RANGE = re.compile(r"\bpp?\.\s*\d|\d\s*[–-]\s*\d|(?<!\w)т\.\s*\d", re.IGNORECASE)
"""The pages of a citation line ('pp. 211–226'), or a Russian journal's volume ('Т. 8'): a
newsletter's or a mail digest's masthead ('Digest, Vol 45, Issue 12') names no pages."""


ECHO_TOP_LINES = 12
"""Lines with text above the first paragraph where the title, the author's name and the
journal's name stand that a book's or journal's page heads repeat."""
MIN_ECHO_WORDS = 2


def _echo_heads(kept: Sequence[Line]) -> list[int]:
    """Indices of the page heads under the first page that repeat a line of its head (the
    author's name on even pages, the title on odd ones) beside a page number: ``142
    Anna Lind`` and ``The Party of Power    143`` under a chapter by Anna Lind of that
    title; two or more, their numbers rising page by page, else none. A web page's line
    shows its title beside a count once, not page by page."""
    prose = _first_prose(kept)
    head = [line for line in kept[:ECHO_TOP_LINES] if line.index < prose]
    top = {" ".join(line.text.split()).casefold() for line in head}
    found: list[tuple[int, int]] = []
    for line in kept[len(head) :]:
        text = line.text
        if not _short(text) or ends_sentence(text) or (number := edge_number(text)) is None:
            continue
        core = " ".join(EDGE_STRIP.sub("", text, count=1).split())
        if word_count(core) >= MIN_ECHO_WORDS and core.casefold() in top:
            found.append((line.index, number))
    if len(found) < 2 or not _rising([number for _, number in found]):
        return []
    return [index for index, _ in found]


def _journal_mark(text: str) -> bool:
    """A DOI, ISSN, ISBN or UDC line, or a journal's citation line with its pages: what a
    printed paper shows on its first page (not its e-mail or web address, which any text may
    give)."""
    return _short(text) and (
        DOI_LINE.match(text) is not None
        or (
            CITATION_LINE.search(text) is not None
            and PAGE_RANGE.search(text) is not None
            and not ends_sentence(text)
        )
    )


def _note_number(text: str) -> int:
    return int(text.translate(SUPERSCRIPT_DIGITS))


def _footnotes(kept: Sequence[Line]) -> bool:
    """A footnote marker glued to the text and, on a later line of its own, the note of that
    number (the first such note after the first marker that has one decides)."""
    notes: dict[int, list[int]] = {}  # a note's number -> the positions of its lines
    for pos, line in enumerate(kept):
        if found := NOTE_LINE.match(line.text):
            notes.setdefault(_note_number(found.group("n")), []).append(pos)
    if not notes:  # no marker can find its note
        return False
    for pos, line in enumerate(kept):
        for match in NOTE_MARK.finditer(line.text):
            later = notes.get(_note_number(match.group("sup") or match.group("n")), [])
            if (after := bisect.bisect_right(later, pos)) < len(later):
                return word_count(kept[later[after]].text) >= MIN_NOTE_WORDS
    return False


def _gutter(text: str) -> bool:
    """Two columns of text on one line: at the first gap of three spaces or more after a
    letter inside the left side and before a letter, both sides are long enough.
    Linear in the line (a search with lazy groups backtracked for minutes on a long one)."""
    text = text.strip()
    first_letter = LETTER.search(text, 1)  # inside the left column, not at its edges
    if first_letter is None:
        return False
    for gap in GUTTER.finditer(text, first_letter.start() + 2):
        if (
            LETTER.match(text, gap.end())
            and not text[gap.start() - 1].isspace()
            and len(text) - gap.end() >= 2
        ):
            return gap.start() >= MIN_GUTTER_SIDE and len(text) - gap.end() >= MIN_GUTTER_SIDE
    return False
