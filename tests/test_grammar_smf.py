"""Labelled cases for the Simple Machines Forum (SMF) header grammar (invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import smf
from flows.stages.segment.lines import split_lines

TOPIC = """\
Riverside Forum » City » Transport » Tram fares and the city budget
Pages: [1]   Go Down
Author Topic: Tram fares and the city budget  (Read 310 times)

Offline ola_m

  • Member
  • *
  • Posts: 120
Tram fares and the city budget
« on: March 03, 2024, 08:33:10 PM »
The council wants to raise tram fares again. Has anyone seen the budget tables?
Logged
Trams, not traffic jams.

Online petr_k

  • Hero Member
  • Posts: 4800
Re: Tram fares and the city budget
« Reply #1 on: March 03, 2024, 09:10:44 PM »
Quote from: ola_m on March 03, 2024, 08:33:10 PM
Has anyone seen the budget tables?
They are in the annex, under transport subsidies.
« Last Edit: March 03, 2024, 09:20:00 PM by petr_k »
Logged

Offline vera_n

  • Newbie
Re: Tram fares and the city budget
« Reply #2 on: March 04, 2024, 07:02:13 AM »
The vote is next Thursday, in the small hall.
Logged

Pages: [1]   Go Up
SMF 2.0.19 | SMF © 2021, Simple Machines
Page created in 0.051 seconds with 20 queries.
"""

PAGE_TWO = """\
Author Topic: Tram fares and the city budget  (Read 310 times)

Offline vera_n

  • Newbie
Re: Tram fares and the city budget
« Reply #21 on: March 09, 2024, 01:15:00 PM »
The vote is next Thursday.
Logged

Offline ola_m

  • Member
Re: Tram fares and the city budget
« Reply #22 on: March 09, 2024, 02:40:00 PM »
I will be there.
Logged
"""


def test_find_starts_skips_the_opening_post() -> None:
    lines = split_lines(TOPIC)
    starts = smf.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Online petr_k", "Offline vera_n"]


def test_parse_header() -> None:
    lines = split_lines(TOPIC)
    start, end = smf.find_starts(lines)
    header = smf.parse_header(lines, start, end)
    assert (header.author, header.published, header.edited) == (
        "petr_k",
        "March 03, 2024, 09:10:44 PM",
        True,
    )
    assert lines[start + header.n_lines - 1].text.startswith("« Reply #1 on:")


def test_later_page_is_a_stub() -> None:
    lines = split_lines(PAGE_TWO)
    starts = smf.find_starts(lines)
    assert len(starts) == 2
    head = smf.parse_post(lines[: starts[0]])
    assert head is not None and head.title == "Tram fares and the city budget"


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("article with guillemets", "« on the road »\nWe met on March 03, 2024.\n"),
        ("a bullet list", "Offline voting\n  • paper\n  • online\nIt was close.\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert smf.find_starts(split_lines(text)) == [], label


RUSSIAN = """\
Оффлайн Ivan_K
Постоялец
Сообщений: 512
Тарифы на проезд
« : 04 Марта 2024, 18:12:40 »
Кто-нибудь видел новые тарифы?
Записан
Оффлайн Olga_M
Новичок
Сообщений: 38
Re: Тарифы на проезд
« Ответ #1 : 04 Марта 2024, 19:40:05 »
Цитата: Ivan_K от 04 Марта 2024, 18:12:40
Кто-нибудь видел новые тарифы?
Видела, подорожание на пять рублей.
« Последнее редактирование: 04 Марта 2024, 19:52:11 от Olga_M »
Записан
"""


def test_russian_localisation_with_unbulleted_profile() -> None:
    lines = split_lines(RUSSIAN)
    (start,) = smf.find_starts(lines)
    assert lines[start].text == "Оффлайн Olga_M"
    header = smf.parse_header(lines, start, len(lines))
    assert (header.author, header.edited) == ("Olga_M", True)
    quoted = [lines[i].text for i in range(len(lines)) if lines[i].index in header.quote_lines]
    assert quoted == ["Кто-нибудь видел новые тарифы?"]
    head = smf.parse_post(lines[:start])
    assert head is not None and (head.title, head.author) == ("Тарифы на проезд", "Ivan_K")


def test_status_too_far_above_is_not_the_author() -> None:
    text = RUSSIAN.replace("Новичок\n", "Новичок\nМосква\nСтаж 5 лет\nПол мужской\n")
    lines = split_lines(text)
    (start,) = smf.find_starts(lines)
    assert smf.parse_header(lines, start, len(lines)).author != "Olga_M"


def test_quoted_lines() -> None:
    lines = split_lines(TOPIC)
    quoted = smf.quoted_lines(lines, 0, len(lines), smf.QUOTE_FROM)
    assert [lines[i].text for i in sorted(quoted)] == ["Has anyone seen the budget tables?"]


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Logged", True),
        ("« Last Edit: March 03, 2024, 09:20:00 PM by petr_k »", True),
        ("Pages: [1]   Go Down", True),
        ("SMF 2.0.19 | SMF © 2021, Simple Machines", True),
        ("Page created in 0.051 seconds with 20 queries.", True),
        ("Riverside Forum » City » Transport » Tram fares and the city budget", True),
        ("Записан", True),
        ("« Последнее редактирование: 04 Апреля 2024, 19:52:11 от Marina_V »", True),
        ("0 Пользователей и 1 Гость просматривают эту тему.", True),
        ("Записан ли он в кандидаты, неизвестно.", False),
        ("I logged the numbers in a spreadsheet.", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert smf.is_chrome(split_lines(text)[0]) is chrome


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", TOPIC, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"], post["published_date"]) == (
        "thread_post",
        "Tram fares and the city budget",
        "ola_m",
        "2024-03-03",
    )
    assert "Trams, not traffic jams." not in post["body"]
    assert [(c["author"], c["edited"]) for c in result.comments] == [
        ("petr_k", True),
        ("vera_n", False),
    ]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("Logged", "Last Edit", "Page created", "Reply #2"):
        assert chrome not in bodies


def test_subject_on_the_stamp_line() -> None:
    text = TOPIC.replace(
        "Tram fares and the city budget\n« on:", "Tram fares and the city budget « on:"
    ).replace("Re: Tram fares and the city budget\n« Reply #1", "Re: Tram fares « Reply #1")
    lines = split_lines(text)
    starts = smf.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Online petr_k", "Offline vera_n"]
    head = smf.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Tram fares and the city budget", "ola_m")
