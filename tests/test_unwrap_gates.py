"""The cheap checks `_apart_below` asks before five of its patterns: each is a necessary
condition of its pattern, so no line the pattern matches is settled by it."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from flows.stages.repair.unwrap import (
    _DIGIT_RE,
    _LAID_OUT_ENTRY_RE,
    _META_ROW_RE,
    _SECTION_PATH_RE,
    _SENDER_RE,
    _STAMP_LINE_RE,
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
def test_a_line_either_pattern_matches_passes_its_check(line):
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
