"""The XenForo 2 grammar, on a small invented page."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import substack, xenforo2
from flows.stages.segment.lines import split_lines

DOC = "0123456789abcdef"


def _post(name: str, number: int, body: list[str], title: str | None = "Member") -> list[str]:
    return [
        "",
        name,
        *([title] if title else []),
        "Joined",
        "Mar 3, 2015",
        "Messages",
        "120",
        "",
        f"May {number}, 2022",
        "Add bookmark",
        f"#{number}",
        *body,
        "Report",
        "Like",
        "Quote",
        "Reply",
    ]


PAGE = "\n".join(
    [
        "Forums",
        "Ferry subsidies on the lake",
        "Thread starter lake_pilot",
        "Start date May 1, 2022",
        *_post("lake_pilot", 1, ["Who pays for the ferries now?"]),
        *_post(
            "Marta_O",
            2,
            [
                "lake_pilot said:",
                "Who pays for the ferries now?",
                "Click to expand...",
                "The district does.",
                "Last edited: May 2, 2022",
            ],
            title=None,
        ),
        "Reactions: lake_pilot",
        *_post("Ivan_Zh", 3, ["Until the autumn, at least."], title="Well-known member"),
        "You must log in or register to reply here.",
        "Community platform by XenForo® © 2010-2022 XenForo Ltd.",
    ]
)


def test_posts_are_read_upwards_from_their_number() -> None:
    lines = split_lines(PAGE)
    assert [lines[p].text for p in xenforo2.find_starts(lines)] == ["Marta_O", "Ivan_Zh"]
    assert substack.find_starts(lines) == []  # a lone "Reply" button is not Substack's row
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Ferry subsidies on the lake" and post["author"] == "lake_pilot"
    assert post["published_date"] == "2022-05-01" and "Joined" not in post["body"]
    first, second = result.comments
    assert (first["author"], second["author"]) == ("Marta_O", "Ivan_Zh")
    assert first["edited"] and not second["edited"]
    assert "Reactions" not in first["body"] and "Report" not in second["body"]
    assert "XenForo" not in second["body"]
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Who pays for the ferries now?"]
    assert coverage_errors(PAGE, result) == []


RUSSIAN = """\
Тарифы на проезд
Автор темы ola_m
Дата начала 4 мар 2024
ola_m
Новичок
Регистрация
2 фев 2022
Сообщения
41

4 мар 2024
Добавить закладку
#1
Кто-нибудь видел новые тарифы на автобус?
Пожаловаться
Нравится
petr_k
Регистрация
11 янв 2016
Сообщения
1 204

5 мар 2024
#2
ola_m сказал(а):
новые тарифы на автобус
Нажмите для раскрытия...
Видел, подорожание на пять рублей с апреля.
Последнее редактирование: 5 мар 2024
Пожаловаться
Ответить
"""


def test_russian_localisation() -> None:
    lines = split_lines(RUSSIAN)
    (start,) = xenforo2.find_starts(lines)
    header = xenforo2.parse_header(lines, start, len(lines))
    assert (header.author, header.edited) == ("petr_k", True)
    quoted = [lines[i].text for i in range(len(lines)) if lines[i].index in header.quote_lines]
    assert quoted == ["новые тарифы на автобус"]
    head = xenforo2.parse_post(lines[:start])
    assert head is not None and (head.title, head.author) == ("Тарифы на проезд", "ola_m")
    assert xenforo2.is_chrome(split_lines("Нажмите для раскрытия...")[0])
    assert not xenforo2.is_chrome(split_lines("Нравится нам это или нет, решение принято.")[0])


def test_russian_rank_is_a_user_title_across_blank_lines() -> None:
    text = RUSSIAN.replace("ola_m\nНовичок\n", "ola_m\n\nНовичок\n\n")
    lines = split_lines(text)
    head = xenforo2.parse_post(lines[: xenforo2.find_starts(lines)[0]])
    assert head is not None and head.author == "ola_m"
    assert xenforo2.RANK.search("Активный участник")
    assert not xenforo2.RANK.search("Новгород")
