"""Comment sections signed after the text (TypePad, Movable Type)."""

from __future__ import annotations

from pathlib import Path

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import typepad
from flows.stages.segment.lines import split_lines

PAGE = (Path(__file__).parent / "cases" / "segment" / "thread_signed_after_text.txt").read_text(
    encoding="utf-8"
)


def test_comments_start_after_the_heading_and_after_each_signature() -> None:
    lines = split_lines(PAGE)
    starts = typepad.find_starts(lines)
    assert [lines[start].text[:20] for start in starts] == [
        "The same thing happe",
        "I doubt it will be t",
    ]
    header = typepad.parse_header(lines, starts[1], len(lines))
    assert (header.author, header.published, header.n_lines) == (
        "Vera K.",
        "March 14, 2019 at 01:40 PM",
        0,
    )


def test_a_page_of_signed_comments_is_a_thread_with_the_article_as_post() -> None:
    result = segment("0123456789abcdef", PAGE, None, SegmentConfig())
    assert result.layout == "thread"
    (post,) = result.posts
    assert post["title"] == "Ferry crews strike over unpaid wages"
    assert post["author"] == "Mila Arkhipova"
    rows = [(c["author"], c["published_date"], c["parent_id"]) for c in result.comments]
    assert rows == [("Oskar Lind", "2019-03-14", None), ("Vera K.", "2019-03-14", None)]
    assert "before the tourist season" in result.comments[1]["body"]
    for comment in result.comments:
        assert "Posted by" not in comment["body"]
    assert "Posted by" not in post["body"] and "Main" not in post["body"]
    assert coverage_errors(PAGE, result) == []


def test_an_article_signed_by_its_blog_alone_has_no_comments() -> None:
    """'Posted by <name> at <time>' (no colon) is the blog's own line, and one signature
    is not a comment section."""
    signature = "Posted by: Oskar Lind | March 14, 2019 at 11:02 AM"
    text = PAGE.split("Comments\n")[0] + f"Comments\n\nOne reply.\n\n{signature}\n"
    assert typepad.find_starts(split_lines(text)) == []
