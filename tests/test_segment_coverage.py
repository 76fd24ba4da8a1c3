"""Invariants over generated input: never raises, records valid, every character accounted."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from flows.stages.segment import LAYOUTS, SegmentConfig, segment
from flows.stages.segment.lines import is_all_caps
from tests.test_segment import assert_valid
from tests.test_segment_inputs import (
    FakeArticle,
    FakeComment,
    render_digest,
    render_listing,
    render_thread,
)

DOC = "fedcba9876543210"
words = st.text(alphabet="abcdefghij KLMNOP.,?:;!-“”[]1234567890•\t", min_size=1, max_size=40)
sentence = st.builds(lambda w: f"{w.strip() or 'x'} text here.", words)
prose = st.builds(lambda w: f"{' '.join(w.split()) or 'x'} text here.", words)
"""A sentence as prose sets it: one space between words (a run of spaces lays a line out
in columns, as a page head or a table row, which the digest property is not about)."""
line_pieces = st.sampled_from(
    ["All posts", "Part 2:", "– X -1 -2 -3", "- 1", "[1] a note", "First published at Z.",
     "  • user@site.example", "    arrow-up", "    4", "THE TITLE", "Jo Bloggs is a writer.", ""]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from([None, *LAYOUTS]))
def test_any_text(text: str, hint: str | None) -> None:
    assert_valid(text, segment(DOC, text, hint, SegmentConfig()))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(line_pieces, words, sentence), max_size=25),
    st.sampled_from([None, *LAYOUTS]),
)
@example(lines=["  • user@site.example", "    arrow-up"], hint=None)  # a comment without body
# an ALL-CAPS title run may not span a dropped line (its heading block would cover it)
@example(lines=["THE TITLE", "All posts", "THE TITLE", "0"], hint=None)
def test_line_soup(lines: list[str], hint: str | None) -> None:
    text = "\n".join(lines)
    assert_valid(text, segment(DOC, text, hint, SegmentConfig()))


comment = st.builds(
    FakeComment,
    depth=st.integers(0, 4),
    author=st.sampled_from(["a@x.example", "bob", "c_d@y.example"]),
    body=st.lists(sentence, min_size=1, max_size=3),
    upvotes=st.one_of(st.none(), st.integers(0, 99)),
    downvotes=st.one_of(st.none(), st.integers(0, 99)),
    edited=st.booleans(),
    is_op=st.booleans(),
)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(sentence, min_size=1, max_size=3),
    st.lists(comment, min_size=1, max_size=8),
    st.integers(1, 4),
)
def test_generated_threads(op: list[str], comments: list[FakeComment], step: int) -> None:
    comments[0].depth = 0
    for previous, current in itertools.pairwise(comments):
        current.depth = min(current.depth, previous.depth + 1)
    text = render_thread(op, comments, step)
    result = segment(DOC, text, None, SegmentConfig())
    assert_valid(text, result)
    assert result.layout == "thread"
    assert [c["depth"] for c in result.comments] == [c.depth for c in comments]
    assert [c["upvotes"] for c in result.comments] == [c.upvotes for c in comments]


article = st.builds(
    FakeArticle,
    title=st.sampled_from(["A headline", "Another one about work", "Third: the end"]),
    origin=st.sampled_from(["First published at A.", "First published in B journal."]),
    paragraphs=st.lists(prose, min_size=1, max_size=4),
    bio=st.one_of(st.none(), st.just("Ann Lee is a reporter.")),
    notes=st.lists(prose, max_size=3),
)


SHORT = {"title": "A headline", "origin": "First published at A.", "paragraphs": ["0 text here."]}
"""A one-paragraph article: with notes above the next ones, the first must not be read as
an emailed issue's masthead."""


@settings(max_examples=80, deadline=None)
@given(st.lists(article, min_size=2, max_size=5))
@example(
    [
        FakeArticle(**SHORT, bio=None, notes=["0000000000 text here."]),
        FakeArticle(**SHORT, bio=None, notes=["0000000000 text here."]),
        FakeArticle(**SHORT, bio=None, notes=[]),
    ]
)
def test_generated_digests(articles: list[FakeArticle]) -> None:
    text = render_digest(articles)
    result = segment(DOC, text, None, SegmentConfig())
    assert_valid(text, result)
    assert result.layout == "digest"
    assert len(result.posts) == len(articles)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(sentence, min_size=4, max_size=8).map(" ".join), min_size=1, max_size=9))
def test_generated_listings(teasers: list[str]) -> None:
    text = render_listing(teasers)
    result = segment(DOC, text, "listing", SegmentConfig())
    assert_valid(text, result)
    assert len(result.posts) == len(teasers)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
@example("ABCD ⓐ")  # a cased symbol that is not a letter
@example("ПРАВДА И ЛОЖЬ")
@example("WAR AND peace")
def test_all_caps_shortcut_agrees_with_the_letter_by_letter_rule(text: str) -> None:
    letters = [ch for ch in text if ch.isalpha()]
    expected = len(letters) >= 4 and all(ch.isupper() for ch in letters)
    assert is_all_caps(text) == expected
