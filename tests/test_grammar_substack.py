"""The Substack comment grammar, on a small invented page."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import substack
from flows.stages.segment.lines import split_lines

DOC = "0123456789abcdef"

PAGE = "\n".join(
    [
        "Volga Notes",
        "Subscribe",
        "Sign in",
        "",
        "The river ports after the canal tolls",
        "What the new tolls did to three small ports",
        "Irina Salova",
        "Mar 3, 2023",
        "14",
        "5",
        "Share",
        "",
        "The tolls doubled in spring, and two of the three ports lost their barge traffic.",
        "",
        "14 Likes∙1 Restack",
        "",
        "Comments",
        "Oleg Ramm",
        "Mar 3",
        "",
        "Was the third port saved by the grain terminal?",
        "",
        "Reply",
        "Share",
        "2 replies by Irina Salova and others",
        "Irina Salova",
        "Mar 3",
        "Author",
        "",
        "Yes, the terminal pays the tolls for its suppliers.",
        "",
        "Reply",
        "Share",
        "Lev Marts",
        "Mar 4",
        "",
        "Only until the contract ends next year.",
        "",
        "Reply",
        "Share",
        "Anna Belt",
        "Mar 5",
        "",
        "A good piece on a dull-sounding subject.",
        "",
        "Reply",
        "Share",
    ]
)


def test_comments_start_at_a_name_over_a_date_with_a_reply_button() -> None:
    lines = split_lines(PAGE)
    starts = substack.find_starts(lines)
    assert [lines[position].text for position in starts] == [
        "Oleg Ramm",
        "Irina Salova",
        "Lev Marts",
        "Anna Belt",
    ]


def test_a_replies_line_nests_the_next_comments_under_its_comment() -> None:
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "The river ports after the canal tolls"
    assert post["author"] == "Irina Salova" and post["published_date"] == "2023-03-03"
    assert "Likes" not in post["body"] and "Subscribe" not in post["body"]
    first, second, third, fourth = result.comments
    assert first["parent_id"] is None and fourth["parent_id"] is None
    assert second["parent_id"] == first["comment_id"] == third["parent_id"]
    assert second["is_op"] and "Reply" not in second["body"]
    assert coverage_errors(PAGE, result) == []


AVATAR_PAGE = "\n".join(
    [
        "Volga Notes",
        "",
        "The river ports after the canal tolls",
        "Irina Salova",
        "Mar 3, 2023",
        "Share",
        "",
        "The tolls doubled in spring, and two of the three ports lost their barge traffic.",
        "",
        "Thanks for reading Volga Notes! Subscribe for free to receive new posts.",
        "",
        "Discussion about this post",
        "",
        "User's avatar",
        "Oleg Ramm's avatar",
        "Oleg Ramm",
        "Mar 3Edited",
        "",
        "The same happened on the Kama, where the smaller port closed within a year.",
        "",
        "Reply",
        "Share",
        "Anna Lis's avatar",
        "Anna Lis",
        "Mar 4",
        "",
        "The tolls were announced without any consultation with the port towns.",
        "",
        "Reply",
        "Share",
    ]
)


def test_a_badge_glued_to_the_date_and_avatar_lines_are_read() -> None:
    lines = split_lines(AVATAR_PAGE)
    starts = substack.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Oleg Ramm", "Anna Lis"]
    header = substack.parse_header(lines, starts[0], starts[1])
    assert (header.published, header.age, header.edited) == (None, "Mar 3", True)
    result = segment(DOC, AVATAR_PAGE, None, SegmentConfig())
    assert not coverage_errors(AVATAR_PAGE, result)
    assert result.posts[0]["title"] == "The river ports after the canal tolls"
    assert "Thanks for reading" not in result.posts[0]["body"]
    for comment in result.comments:
        assert "avatar" not in comment["body"]
