"""The reply-action comment grammar (comments closed by a reply link on a line of its
own): invented snippets, negatives included."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import reply_action
from flows.stages.segment.layouts.thread import best_grammar
from flows.stages.segment.lines import split_lines

STAMP_AFTER = """\
Комментарии
Сначала новые
Анна Белова
Паром до острова опять отменили, третий раз за месяц.
3 часа назад
Ответить
12
Игорь Зуев
Анна, его отменяют каждый раз, когда ветер сильнее десяти метров.
2 часа назад
Ответить
4
Марк Лис
Надо строить мост, а не чинить паромы.
1 час назад
Ответить
Показать ещё комментарии
Читайте также
"""

STAMP_FIRST = """\
Comments 3
reader_one
Mar 4, 2024 at 10:12
The ferry schedule changed again without any notice to the islanders.
+7
Reply
    reader_two
    Mar 4, 2024 at 10:40
    It changes every winter, the notice is only posted at the pier.
    +2
    Reply
reader_three
Mar 5, 2024 at 08:01
A bridge was promised in 2019 and nobody has mentioned it since.
-1
Reply
"""


def test_stamp_after_text_and_replies_by_name() -> None:
    lines = split_lines(STAMP_AFTER)
    starts = reply_action.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Анна Белова", "Игорь Зуев", "Марк Лис"]
    headers = [
        reply_action.parse_header(lines, at, end)
        for at, end in zip(starts, [*starts[1:], len(lines)], strict=True)
    ]
    assert [h.score for h in headers] == [12, 4, None]
    assert [h.reply_to for h in headers] == [None, "Анна Белова", None]
    assert headers[0].age == "3 часа назад"
    assert lines[reply_action.find_end(lines, starts) or 0].text == "Показать ещё комментарии"


def test_stamp_first_with_indentation() -> None:
    result = segment("0123456789abcdef", STAMP_FIRST, None, SegmentConfig())
    comments = result.comments
    assert [c["author"] for c in comments] == ["reader_one", "reader_two", "reader_three"]
    assert [c["score"] for c in comments] == [7, 2, -1]
    assert comments[1]["parent_id"] == comments[0]["comment_id"]
    assert comments[2]["parent_id"] is None
    assert comments[0]["published_date"] == "2024-03-04"
    assert "Reply" not in " ".join(c["body"] for c in comments)


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "no stamps",
            "Анна\nТекст комментария здесь.\nОтветить\nИгорь\nЕщё один текст.\nОтветить\n",
        ),
        ("labels, not text", "Points\n63\nAug 12, 2024\nReply\nJoined\n12\nAug 13, 2024\nReply\n"),
        (
            "numbers, not names",
            "#1\nMar 4, 2024\nA remark on the ferry.\nReply\n#2\nMar 5, 2024\n"
            "Another remark on it.\nReply\n",
        ),
        ("one comment", "Анна Белова\nПаром опять отменили сегодня.\n3 часа назад\nОтветить\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert reply_action.find_starts(split_lines(text)) == [], label


def test_is_stamp() -> None:
    for text in (
        "2 дня назад",
        "вчера в 10:12",
        "14 мар 2024 в 10:40 ответила Алексею",
        "5 hours ago",
    ):
        assert reply_action.is_stamp(text), text
    for text in ("Паром отменили 14 марта 2024 года из-за шторма.", "Ответить", "12"):
        assert not reply_action.is_stamp(text), text


def test_a_page_grammar_wins_a_tie() -> None:
    page = (
        "Anna Kol says:\nMarch 4, 2024 at 10:12 am\nThe ferry was cancelled again today.\nReply\n"
        "Igor Zuev says:\nMarch 4, 2024 at 11:40 am\nIt is cancelled every windy day.\nReply\n"
    )
    found = best_grammar(split_lines(page))
    assert found is not None and found[0].NAME != "reply_action"


LABELLED = """\
An article about the ferry sits here. It has two sentences of its own.
Comments 3
Anna Belova
Anna Belova
Guest
2 years ago
The ferry schedule changed again without any notice to the islanders.
7
Reply
Igor Zuev
Igor Zuev
Guest
Reply to  Anna Belova
2 years ago
It changes every time the wind is stronger than ten metres a second.
3
Reply
Mark Lis
Mark Lis
Guest
2 years ago
A bridge would cost less than ten years of ferries at this rate.
-2
Reply
"""

ONE_NAME_EACH = """\
Comments 3
Guest
2 years ago
The ferry schedule changed again without any notice to the islanders.
Reply
Guest
2 years ago
It changes every time the wind is stronger than ten metres a second.
Reply
Guest
2 years ago
A bridge would cost less than ten years of ferries at this rate.
Reply
"""


def test_a_label_under_every_name_gives_way_to_the_name_above_it() -> None:
    lines = split_lines(LABELLED)
    starts = reply_action.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Anna Belova", "Igor Zuev", "Mark Lis"]
    assert all(lines[at - 1].text != lines[at].text for at in starts)  # the first copy
    headers = reply_action.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Anna Belova", "Igor Zuev", "Mark Lis"]


def test_a_name_shared_by_every_comment_stays_when_nothing_stands_above_it() -> None:
    lines = split_lines(ONE_NAME_EACH)
    starts = reply_action.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Guest", "Guest", "Guest"]


SAYS_NAMES = """\
2 thoughts on “The ferry timetable”
Vera Lis says:
April 2, 2024 at 9:14 pm
The winter timetable was printed before the council voted on it.
Reply
    Oleg Dron говорит:
    April 2, 2024 at 10:40 pm
    It was, and nobody has corrected the copy at the pier since.
    Reply
"""


def test_name_line_closed_by_a_speech_verb() -> None:
    lines = split_lines(SAYS_NAMES)
    starts = reply_action.find_starts(lines)
    headers = reply_action.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Vera Lis", "Oleg Dron"]


def test_a_list_bullet_before_a_name_is_no_part_of_it() -> None:
    """Comments printed as nested list items ('  • Name says:'): the name without the
    bullet, the nesting the items' indentation; a star inside a name stays."""
    text = (
        SAYS_NAMES.replace("Vera Lis says:", "  • Vera Lis says:")
        .replace("    Oleg Dron говорит:", "      • Oleg Dron говорит:")
        .replace("    April 2, 2024 at 10:40 pm", "        April 2, 2024 at 10:40 pm")
    )
    lines = split_lines(text)
    starts = reply_action.find_starts(lines)
    headers = reply_action.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Vera Lis", "Oleg Dron"]
    assert headers[1].nesting > headers[0].nesting
    starred = split_lines(SAYS_NAMES.replace("Vera Lis says:", "Vera*Lis says:"))
    named = reply_action.parse_headers(starred, reply_action.find_starts(starred))
    assert [header.author for header in named] == ["Vera*Lis", "Oleg Dron"]


NAME_THEN_LABEL = """\
Comments

Anna Kim
Election observer
· 2 days ago
The station offered three slots and nobody from the governor's team came.
Like 4
Reply

Boris Lind
· 1 day ago
That matches what I heard from two other regions this spring, too.
Like 2
Reply
"""


def test_a_label_between_a_name_and_its_stamp_is_no_name() -> None:
    lines = split_lines(NAME_THEN_LABEL)
    starts = reply_action.find_starts(lines)
    headers = reply_action.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Anna Kim", "Boris Lind"]


def test_an_avatar_label_over_a_name_is_no_name() -> None:
    lines = split_lines(NAME_THEN_LABEL.replace("Anna Kim\nElection observer", "Avatar\nAnna Kim"))
    starts = reply_action.find_starts(lines)
    headers = reply_action.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Anna Kim", "Boris Lind"]
