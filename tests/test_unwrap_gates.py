"""The cheap checks `_apart_below` asks before five of its patterns: each is a necessary
condition of its pattern, so no line the pattern matches is settled by it. The checks
inline dehyphenation asks before its costlier work, likewise."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import example, given
from hypothesis import strategies as st

from flows.stages.repair.unwrap import (
    _CITATION_ROW_RE,
    _DIGIT_RE,
    _GLUE_HINT_RE,
    _LAID_OUT_ENTRY_RE,
    _META_ROW_RE,
    _SECTION_PATH_RE,
    _SENDER_RE,
    _STAMP_LINE_RE,
    UnwrapSettings,
    _LazyWordCounts,
    dehyphenate_inline,
)

PIECES = st.sampled_from(
    ["Posted ", "by ", "x", "Anna", " | ", " · ", " - ", "March ", "10, ", "2021", "14.03.2024",
     "388 ", "points ", " at ", "mail", "@", "<", ">", ".com", "example", " ", "١٢", "\u00a0",
     "   ", "12", "/", " / ", "News", "•", "\t", "ago"]
)  # fmt: skip
LINES = st.lists(PIECES, max_size=12).map("".join)


@given(LINES)
@example("Leena Marjamaa - March 10, 2021")
@example("388 points by x 9 hours ago | hide")
@example("Anna Lind <anna@example.com>")
@example("anna at mail.example.com")
@example("Politics · 18 min ago")
@example("Current News / Society /")
@example("Introduction     12")
@example("AB Ivanova, D Kuznetsov - Post-Soviet Studies, 2021 - Taylor & Francis")
def test_a_line_either_pattern_matches_passes_its_check(line):
    if _CITATION_ROW_RE.match(line):
        assert " - " in line
    if _META_ROW_RE.match(line):
        assert _DIGIT_RE.search(line)
    if _SENDER_RE.search(line):
        assert "@" in line or " at " in line
    if _STAMP_LINE_RE.match(line):
        assert "·" in line or "•" in line
    if _SECTION_PATH_RE.match(line):
        assert "/" in line
    if _LAID_OUT_ENTRY_RE.search(line):
        assert "   " in line


GLUE_HINT_AS_ALTERNATION = re.compile(r"[,;][a-zа-яё]{2}|[.!?][A-ZА-ЯЁ][a-zа-яё]")
GLUE_PIECES = st.sampled_from(
    [",", ";", ".", "!", "?", " ", "ab", "Th", "TH", "пр", "Яв", "ё", "A", "x", "1", "-"]
)


@given(st.lists(GLUE_PIECES, max_size=10).map("".join))
@example("word,glued")
@example("end.Next")
@example("конец!Начало")
@example("a, b. C")
@example("U.S.A")
def test_the_glue_hint_finds_what_its_alternation_finds(line):
    """`_GLUE_HINT_RE` is the alternation written with one leading class."""
    assert bool(_GLUE_HINT_RE.search(line)) == bool(GLUE_HINT_AS_ALTERNATION.search(line))


def test_word_counts_are_read_lazily_and_like_a_counter():
    counts = _LazyWordCounts("Re-entry and reentry, REENTRY; re-entry 12")
    assert counts._counts is None  # nothing counted before the first read
    assert counts["reentry"] == 2
    assert counts["re-entry"] == 2
    assert counts["absent"] == 0


def test_inline_dehyphenation_settles_capitals_without_counting():
    line = "Word- Word " * 20  # a long line whose only split has a capital after it
    assert (
        dehyphenate_inline(line, UnwrapSettings(20, 35, 110, 0.05, 3.5, 3.5, 2.5), Counter()) == []
    )
