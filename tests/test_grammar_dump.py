"""Text-browser dumps of thread pages (flows.stages.segment.grammars._dump): invented
snippets, negatives included."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars._dump import (
    dump_view,
    header_links,
    is_dump,
    is_link_residue,
    is_link_row,
    link_token,
    references_start,
)
from flows.stages.segment.lines import split_lines

LYNX = """\
   [1]Board [2]new | [3]past | [4]submit

   [5]Ferry tariffs on the northern route doubled overnight ([6]example.org)
   41 points by [7]lena_k [8]5 hours ago | [9]hide | [10]12 comments

   [11]ivan_p [12]4 hours ago | [13]next [14][–]

   The operator blames fuel prices, but the winter tariff was already set in
   October, before the last price rise.

   [15]reply

   [16]mila_r [17]3 hours ago | [18]parent | [19]next [20][–]

   The October tariff was provisional; the final one needed the ministry.

   [21]reply

   [22]Guidelines | [23]FAQ | [24]Contact

References

   1. https://board.example.org/news
   2. https://board.example.org/newest
  24. https://board.example.org/contact
"""


def test_references_list_is_found_at_the_end():
    lines = split_lines(LYNX)
    at = references_start(lines)
    assert at is not None and lines[at].text == "References"


@pytest.mark.parametrize(
    "text",
    [
        "References\n\nSmith, J. (2020). A study of ferries. Oxford.\n",  # a paper's list
        "References\n",  # a heading with nothing under it
        "   1. https://example.org/\n",  # no heading
    ],
)
def test_no_references_list(text):
    assert references_start(split_lines(text)) is None


def test_elinks_labels_belong_to_the_list():
    text = "Text.\n\nReferences\n\n   Visible links\n   1. https://a.example/\n   Hidden links:\n   2. https://b.example/\n"
    assert references_start(split_lines(text)) == 2


def test_rising_markers_make_a_dump_without_references():
    text = " ".join(f"[{n}]word" for n in range(1, 9))
    assert is_dump(split_lines(text))
    assert not is_dump(split_lines("See [3] and [1] and [2], [9], [4], [5], [7]."))
    assert not is_dump(split_lines("Footnotes [1] and [2] only."))


def test_view_keeps_positions_and_indentation():
    lines = split_lines(LYNX)
    view = dump_view(lines)
    assert view is not None and len(view) == len(lines)
    header = next(line for line in view if "ivan_p" in line.text)
    assert header.raw == "   ivan_p 4 hours ago | next [–]"
    assert header.start == lines[header.index].start


def test_plain_text_has_no_view():
    assert dump_view(split_lines("A plain comment [1] with one footnote.\n")) is None


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("[22]Guidelines | [23]FAQ | [24]Contact", True),
        ("[1]About [2]Tags [3]Filter", True),
        ("[7]jobs | [8]submit                 [9]login", True),
        ("[11]ivan_p [12]4 hours ago | [13]next [14][–]", False),  # a header: an age
        ("[5]Ferry tariffs on the northern route doubled ([6]example.org)", False),
        ("[1]one link alone", False),
        ("See [4]the tariff order and [5]the ministry's reply.", False),
        ("[2]Read the decision. [3]Appeal", False),
    ],
)
def test_link_rows(text, row):
    assert is_link_row(text) is row


@pytest.mark.parametrize(
    ("text", "residue"),
    [("[16]", True), ("1. [21]", True), ("* [3]", True), ("12", False), ("[4]reply", False)],
)
def test_link_residue(text, residue):
    assert is_link_residue(text) is residue


def test_dump_thread_reads_comments_and_drops_the_references():
    result = segment("doc", LYNX, None, SegmentConfig())
    assert [c["author"] for c in result.comments] == ["ivan_p", "mila_r"]
    assert result.comments[1]["parent_id"] == result.comments[0]["comment_id"]
    assert "[15]reply" not in result.comments[0]["body"]
    rules = {d["rule"] for d in result.dropped}
    assert "link_references" in rules
    assert all("[22]Guidelines" not in c["body"] for c in result.comments)


@pytest.mark.parametrize(
    ("target", "token"),
    [
        ("https://board.example.org/item?id=39500871#39501002", "39501002"),
        ("https://board.example.org/item?id=39501050", "39501050"),
        ("https://lobste.rs/s/k3xq2a/regional#c_a1b2c3", "c_a1b2c3"),
        ("https://lobste.rs/c/a1b2c3", "a1b2c3"),
        ("https://board.example.org/item?id=7#", None),  # 'id=7' is too short an id
    ],
)
def test_link_token(target, token):
    assert link_token(target) == token


def test_parent_link_resolves_through_the_references():
    targets = {
        1: "https://b.example/user?id=ann",
        2: "https://b.example/item?id=1001",
        3: "https://b.example/item?id=900#1000",
        4: "https://b.example/item?id=900#1002",
    }
    own, parent = header_links("[1]ann [2]2 hours ago | [3]parent | [4]next [5][–]", targets)
    assert own == {"ann", "1001"}
    assert parent == "1000"


def test_parent_links_give_parents_on_a_flat_dump():
    page = LYNX.replace(
        "   [22]Guidelines",
        "   [30]ivan_p [31]1 hour ago | [32]parent [33][–]\n\n   It was final by then.\n\n"
        "   [22]Guidelines",
    )
    page += (
        "  12. https://board.example.org/item?id=5001\n"
        "  17. https://board.example.org/item?id=5002\n"
        "  18. https://board.example.org/item?id=4000#5001\n"
        "  31. https://board.example.org/item?id=5003\n"
        "  32. https://board.example.org/item?id=4000#5002\n"
    )
    result = segment("doc", page, None, SegmentConfig())
    ids = [c["comment_id"] for c in result.comments]
    assert [c["author"] for c in result.comments] == ["ivan_p", "mila_r", "ivan_p"]
    assert [c["parent_id"] for c in result.comments] == [None, ids[0], ids[1]]
