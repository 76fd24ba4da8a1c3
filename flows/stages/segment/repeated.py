"""Boilerplate learned from the corpus: lines a source repeats at the top or bottom of its
pages (its masthead, menu, subscribe box, footer), whatever their words.

Shape rules (:mod:`.boilerplate`) know chrome that looks like chrome everywhere; a site's own
furniture ("Moscow Regional Review", "Independent journalism since 2004") looks like any
short line. It shows itself by repetition: the same line at the edges of many documents of
one source. The build learns those lines in two steps:

1. :func:`document_edges` lists, per document, the *candidate* lines: the short,
   non-blank lines among the first and last :data:`EDGE_LINES` lines that carry no date,
   byline or running sentence (a rule never drops an author or a date, and prose is never
   chrome);
2. :func:`learn_repeated` keeps, per group of documents (one source: the same publisher,
   else the same first line), the candidates found in at least ``min_docs`` documents and in
   at least ``min_share`` of the group's documents.

:func:`mark_repeated` then marks, in one document's edge lines, those whose key was learned
for its group; segmentation drops them with the rule ``repeated_line``. The result depends
only on the corpus's texts, so builds stay deterministic.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence

from flows.stages.segment.lines import Line, ends_sentence, split_lines, word_count
from flows.stages.segment.meta import find_byline, find_date

EDGE_LINES = 25
"""Non-blank lines at each end of a document searched for a source's furniture."""
MAX_CHROME_CHARS = 100
"""Longest line that can be learned as furniture."""
MAX_CHROME_WORDS = 12
RULE = "repeated_line"


def line_key(text: str) -> str:
    """A line's identity across documents: its words, case-folded, spacing ignored."""
    return " ".join(text.split()).casefold()


def _is_candidate(text: str) -> bool:
    return (
        len(text) <= MAX_CHROME_CHARS
        and any(ch.isalpha() for ch in text)
        and word_count(text) <= MAX_CHROME_WORDS
        and not (word_count(text) > 4 and ends_sentence(text))
        and find_date(text) is None
        and find_byline(text) is None
    )


def _edges(lines: Sequence[Line]) -> list[Line]:
    filled = [line for line in lines if not line.is_blank]
    if len(filled) <= 2 * EDGE_LINES:
        return filled
    return [*filled[:EDGE_LINES], *filled[-EDGE_LINES:]]


def _edge_texts(text: str) -> list[str]:
    """The texts of `_edges(split_lines(text))`, reading only the ends of a long text."""
    head = [line for line in text.split("\n", 4 * EDGE_LINES)[:-1] if line.strip()]
    tail = [line for line in text.rsplit("\n", 4 * EDGE_LINES)[1:] if line.strip()]
    if len(head) < EDGE_LINES or len(tail) < EDGE_LINES or len(text) < 400 * EDGE_LINES:
        return [line.text for line in _edges(split_lines(text))]
    return [line.strip() for line in (*head[:EDGE_LINES], *tail[-EDGE_LINES:])]


def document_edges(publisher: str | None, text: str) -> tuple[str, frozenset[str]]:
    """(the source a document belongs to, the keys of its candidate furniture lines).

    The source is the publisher when known, else the document's first non-blank line (a
    site prints the same masthead on every page)."""
    texts = _edge_texts(text)
    first = line_key(texts[0]) if texts else ""
    group = f"publisher:{publisher}" if publisher else f"first line:{first}"
    return group, frozenset(line_key(item) for item in texts if _is_candidate(item))


def learn_repeated(
    documents: Iterable[tuple[str, frozenset[str]]], min_docs: int, min_share: float
) -> dict[str, frozenset[str]]:
    """{group: learned keys} from (group, edge keys) per document; groups that learned
    nothing are left out."""
    sizes: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for group, keys in documents:
        sizes[group] += 1
        counts[group].update(keys)
    learned = {}
    for group, counter in counts.items():
        floor = max(min_docs, min_share * sizes[group])
        keys = frozenset(key for key, seen in counter.items() if seen >= floor)
        if keys:
            learned[group] = keys
    return dict(sorted(learned.items()))


def mark_repeated(lines: Sequence[Line], known: Collection[str]) -> dict[int, str]:
    """{line index: "repeated_line"} for this document's edge lines whose key is `known`."""
    if not known:
        return {}
    return {
        line.index: RULE
        for line in _edges(lines)
        if _is_candidate(line.text) and line_key(line.text) in known
    }
