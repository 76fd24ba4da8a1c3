"""The Disqus comment grammar, on small invented pages."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.boilerplate import classify_line
from flows.stages.segment.grammars import disqus
from flows.stages.segment.lines import Line, split_lines

DOC = "0123456789abcdef"

PAGE = "\n".join(
    [
        "Harbour Ledger",
        "World",
        "Economy",
        "Duties on barley exports return for the autumn",
        "By Olga Brandt",
        "12 October 2023",
        "The ministry said on Thursday that a floating duty on barley would apply again from"
        " November, reversing a pause that traders had hoped would last into spring.",
        "",
        "Analysts expect shipments through the southern ports to slow for several weeks.",
        "3 Comments",
        "Login",
        "Recommend 2",
        "Share",
        "Sort by Best",
        "Avatar",
        "Join the discussion…",
        "",
        "Log in with",
        "or sign up with Disqus ?",
        "Name",
        "    Avatar",
        "    Pyotr Gaal • 2 years ago",
        "    Farmers near the coast will feel this first.",
        "    see more",
        "    14",
        "    •",
        "    Reply",
        "    •",
        "    Share ›",
        "        Avatar",
        "        mira_k  Pyotr Gaal • 2 years ago edited",
        "        Inland growers are not much better off.",
        "        see more",
        "        •",
        "        Reply",
        "        •",
        "        Share ›",
        "    Avatar",
        "    Dan Ostrowski • a year ago",
        "    The duty is a tax on the countryside, nothing new.",
        "    see more",
        "    3",
        "    •",
        "    Reply",
        "    •",
        "    Share ›",
        "Load more comments",
        "Powered by Disqus",
    ]
)


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [
        ("header on a widget page", "Sort by Best\nAnn Roe • 2 years ago\nHi.\nReply", [1]),
        ("edited header", "Ann Roe • 3 months ago edited\nHi.\nsee more", [0]),
        ("reply naming its parent", "Join the discussion…\n    Bo  Ann Roe • a year ago\nHi.", [1]),
    ],
)
def test_find_starts_positive(label: str, text: str, expected: list[int]) -> None:
    assert disqus.find_starts(lines_of(text)) == expected, label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("listing teaser without the widget", "Olga Brandt • 3 days ago\nA teaser of the story."),
        ("article with a bullet list", "Title\nBy Ann Roe\n• first point\n• second point\n"),
        ("related-story counter", "Sort by Best\n12 comments • 3 days ago\n"),
        ("wordpress header", "Ann Roe says:\nMarch 3, 2022 at 4:15 pm\nText.\nReply"),
        ("lemmy header", "• ann@lemmy.ml\nlink\n3 years ago\nText."),
    ],
)
def test_find_starts_negative(label: str, text: str) -> None:
    assert disqus.find_starts(lines_of(text)) == [], label


def test_parse_header() -> None:
    lines = lines_of(PAGE)
    starts = disqus.find_starts(lines)
    assert len(starts) == 3
    first = disqus.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.n_lines, first.nesting) == ("Pyotr Gaal", 1, 4)
    assert (first.score, first.age, first.edited) == (14, "2 years ago", False)
    reply = disqus.parse_header(lines, starts[1], starts[2])
    assert (reply.author, reply.nesting, reply.score, reply.edited) == ("mira_k", 8, None, True)
    last = disqus.parse_header(lines, starts[2], len(lines))
    assert (last.author, last.score, last.age) == ("Dan Ostrowski", 3, "a year ago")


@pytest.mark.parametrize(
    "text",
    [
        "Avatar",
        "see more",
        "•",
        "Reply",
        "Share ›",
        "Sort by Best",
        "Join the discussion…",
        "or sign up with Disqus ?",
        "3 Comments",
        "Recommend 2",
        "Load more comments",
        "14",
        "Сортировать по лучшим",
        "14 комментариев",
        "Поделиться ›",
        "Загрузить ещё комментарии",
    ],
)
def test_is_chrome(text: str) -> None:
    assert disqus.is_chrome(split_lines(text)[0])


@pytest.mark.parametrize(
    "text",
    [
        "Recommendations were ignored by the ministry.",
        "14 ministries signed the letter.",
        "Ответить на этот вопрос мэрия отказалась.",
    ],
)
def test_is_not_chrome(text: str) -> None:
    assert not disqus.is_chrome(split_lines(text)[0])


def test_find_end() -> None:
    lines = lines_of(PAGE)
    end = disqus.find_end(lines, disqus.find_starts(lines))
    assert end is not None
    assert lines[end].text == "Load more comments"


def test_end_to_end() -> None:
    result = segment(doc_id=DOC, text=PAGE, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(PAGE, result) == []
    assert result.layout == "thread"
    post = result.posts[0]
    assert post["kind"] == "thread_post"
    assert post["title"] == "Duties on barley exports return for the autumn"
    assert (post["author"], post["published_date"]) == ("Olga Brandt", "2023-10-12")
    assert "southern ports" in post["body"] and "Economy" not in post["body"]
    found = [(c["author"], c["depth"], c["score"]) for c in result.comments]
    assert found == [("Pyotr Gaal", 0, 14), ("mira_k", 1, None), ("Dan Ostrowski", 0, 3)]
    assert result.comments[1]["edited"] is True
    assert all("see more" not in c["body"] and "Share" not in c["body"] for c in result.comments)


def test_parse_post_bare_name_over_dateline() -> None:
    text = "\n".join(
        [
            "Harbour Ledger",
            "World",
            "Duties on barley exports return for the autumn",
            "Olga Brandt",
            "12 October 2023",
            "5 min read",
            "The ministry said on Thursday that a floating duty on barley would apply again"
            " from November.",
            "3 Comments",
            "Sort by Best",
        ]
    )
    lines = lines_of(text)
    head = disqus.parse_post(lines)
    assert head is not None
    assert head.title == "Duties on barley exports return for the autumn"
    assert (head.author, head.published) == ("Olga Brandt", "12 October 2023")
    meta = {lines[i].text for i in head.meta_lines}
    assert meta == {"Olga Brandt", "12 October 2023"}  # '5 min read' is chrome by its shape
    assert classify_line("5 min read") == "page_chrome"
    assert {lines[i].text for i in head.chrome_lines} == {"Harbour Ledger", "World"}


def test_parse_post_short_headline_is_not_an_author() -> None:
    text = "\n".join(
        [
            "World",
            "Barley Duties Return",
            "12 October 2023",
            "The ministry said on Thursday that a floating duty on barley would apply again"
            " from November.",
        ]
    )
    head = disqus.parse_post(lines_of(text))
    assert head is not None
    assert (head.title, head.author) == ("Barley Duties Return", None)


def test_edited_mark_on_its_own_line() -> None:
    lines = lines_of("Sort by Best\nAnn Roe • 2 years ago\nedited\nA remark.\nReply")
    header = disqus.parse_header(lines, 1, len(lines))
    assert (header.edited, header.n_lines) == (True, 2)


def test_find_end_without_a_footer() -> None:
    lines = lines_of("Sort by Best\nAnn Roe • 2 years ago\nA remark.\nReply")
    assert disqus.find_end(lines, disqus.find_starts(lines)) is None


SPLIT_PAGE = "\n".join(
    [
        "Ferry tolls double on the lake",
        "By Anna Voss",
        "March 3, 2023",
        "",
        "The district cut its budget, and the regional fund now pays for the ferries.",
        "",
        "3 Comments",
        "Sort by Best",
        "Join the discussion…",
        "",
        "Avatar",
        "Lev Mur",
        "•",
        "a year ago",
        "",
        "Only until the autumn, surely.",
        "",
        "4",
        "•",
        "Reply",
        "•",
        "Share ›",
        "",
        "Avatar",
        "Irina Chu",
        "Lev Mur",
        "•",
        "a year ago",
        "edited",
        "",
        "The contract runs to next year.",
        "",
        "•",
        "Reply",
        "•",
        "Share ›",
        "",
        "Avatar",
        "Guest",
        "•",
        "a year ago",
        "",
        "Nobody asked the islanders.",
        "",
        "Load more comments",
    ]
)


def test_split_headers_and_parent_names() -> None:
    """Name, '•' and age one a line; a reply names its parent's author under its name."""
    result = segment("0123456789abcdef", SPLIT_PAGE, None, SegmentConfig())
    first, second, third = result.comments
    assert [c["author"] for c in result.comments] == ["Lev Mur", "Irina Chu", "Guest"]
    assert second["parent_id"] == first["comment_id"] and third["parent_id"] is None
    assert first["score"] == 4 and second["edited"] and second["score"] is None
    assert second["body"] == "The contract runs to next year."
    assert coverage_errors(SPLIT_PAGE, result) == []


RUSSIAN = """\
Сортировать по лучшим
Avatar
Ivan Kol • 3 дня назад
Слушания перенесли уже третий раз.
•
Ответить
•
Поделиться ›
    Avatar
    anna_p • 2 дня назад изменено
    По старому разрешению, его никто не отменял.
    •
    Ответить
"""


def test_russian_localisation() -> None:
    lines = split_lines(RUSSIAN)
    starts = disqus.find_starts(lines)
    assert [lines[at].text for at in starts] == [
        "Ivan Kol • 3 дня назад",
        "anna_p • 2 дня назад изменено",
    ]
    reply = disqus.parse_header(lines, starts[1], len(lines))
    assert (reply.author, reply.age, reply.edited) == ("anna_p", "2 дня назад", True)
    assert reply.nesting > disqus.parse_header(lines, starts[0], starts[1]).nesting
