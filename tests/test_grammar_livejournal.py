"""The LiveJournal grammar, on a small invented entry."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import livejournal

DOC = "0123456789abcdef"


def _comment(user: str, stamp: str, body: str, reply: bool) -> list[str]:
    row = "Reply Parent Thread Link" if reply else "Reply Thread Link"
    return [user, stamp, "", body, "", row, ""]


PAGE = "\n".join(
    [
        "Lake Notes",
        "Sign in",
        "",
        "Ferry tolls double on the lake",
        "lake_pilot wrote in lake_news",
        "May 1st, 2022, 10:15 pm",
        "",
        "The district cut its budget, and the regional fund now pays for the ferries.",
        "",
        "Tags: ferries",
        "3 comments",
        "Leave a comment",
        "",
        *_comment("marta_o", "May 2 2022, 09:14:02 UTC", "Only until the autumn.", False),
        *_comment("lake_pilot", "May 2 2022, 10:01:45 UTC", "The contract runs longer.", True),
        *_comment("ivan_zh", "May 3 2022, 08:30:00 UTC", "Nobody asked the islanders.", False),
        "Expand 2 comments",
        "Previous entry",
    ]
)


def test_the_entry_and_comments_nested_by_their_parent_links() -> None:
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Ferry tolls double on the lake" and post["author"] == "lake_pilot"
    assert post["published_date"] == "2022-05-01" and "Tags" not in post["body"]
    first, second, third = result.comments
    assert second["parent_id"] == first["comment_id"] and third["parent_id"] is None
    assert all("Thread Link" not in c["body"] for c in result.comments)
    assert "Expand" not in third["body"]
    assert coverage_errors(PAGE, result) == []


RUSSIAN = """\
Почему переносят выборы мэра
pskov_chronicle пишет в ru_regionpolitics
12 марта 2024, 21:15
Дума третий раз переносит рассмотрение вопроса.
12 комментариев
lena_ostrov
2024-03-12 22:40 (UTC)
Восемь тысяч подписей для нашего города очень много.
Ответить Ветвь дискуссии Ссылка
pskov_chronicle
2024-03-12 23:05 (UTC)
Да, и почти все за две недели.
Ответить Родительский Ветвь дискуссии Ссылка
old_gorodovoy
2024-03-13 09:30 (UTC)
Осенью будет новый повод перенести.
Ответить Ветвь дискуссии Ссылка
"""


def test_russian_interface() -> None:
    result = segment("0123456789abcdef", RUSSIAN, None, SegmentConfig())
    (post,) = result.posts
    assert (post["title"], post["author"], post["published_date"]) == (
        "Почему переносят выборы мэра",
        "pskov_chronicle",
        "2024-03-12",
    )
    comments = result.comments
    assert [c["author"] for c in comments] == ["lena_ostrov", "pskov_chronicle", "old_gorodovoy"]
    assert comments[1]["parent_id"] == comments[0]["comment_id"]
    assert comments[2]["parent_id"] is None
    assert "Ветвь" not in " ".join(c["body"] for c in comments)
    assert not coverage_errors(RUSSIAN, result)


def test_a_sentence_with_link_words_is_no_link_row() -> None:
    assert not livejournal.LINK_ROW.match("Ссылка на решение суда появится завтра")
