"""The uCoz forum grammar: invented snippets, negatives included."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import ucoz
from flows.stages.segment.lines import split_lines

PAGE = """\
Форум » Город » Транспорт » Новый мост через реку
Новый мост через реку
Oleg_K\tДата: Понедельник, 04.03.2024, 18:20 | Сообщение # 1
Группа: Пользователи
Сообщений: 15
Статус: Offline
Мост обещали открыть ещё в декабре, а движения до сих пор нет.
Vera_L
Дата: Понедельник, 04.03.2024, 19:02 | Сообщение # 2
Группа: Проверенные
Сообщений: 230
Статус: Online
Цитата (Oleg_K)
Мост обещали открыть ещё в декабре
Подрядчик сменился осенью, отсюда и задержка.

Сообщение отредактировал Vera_L - Понедельник, 04.03.2024, 19:05
Zoya_P\tДата: Вторник, 05.03.2024, 08:11 | Сообщение # 3
Группа: Пользователи
Статус: Offline
Открытие перенесли на май, так сказали на публичных слушаниях.
Форум » Город » Транспорт » Новый мост через реку
Страница 1 из 1
Поиск:
"""


def test_starts_and_headers() -> None:
    lines = split_lines(PAGE)
    starts = ucoz.find_starts(lines)
    assert [lines[at].text for at in starts] == [
        "Vera_L",
        "Zoya_P\tДата: Вторник, 05.03.2024, 08:11 | Сообщение # 3",
    ]
    second = ucoz.parse_header(lines, starts[0], starts[1])
    assert (second.author, second.edited, second.n_lines) == ("Vera_L", True, 5)
    assert [
        lines[at].text for at in range(len(lines)) if lines[at].index in second.quote_lines
    ] == ["Мост обещали открыть ещё в декабре"]
    assert second.published == "Понедельник, 04.03.2024, 19:02"
    third = ucoz.parse_header(lines, starts[1], len(lines))
    assert (third.author, third.edited) == ("Zoya_P", False)


def test_no_starts_without_numbered_posts() -> None:
    assert ucoz.find_starts(split_lines("Дата: 04.03.2024\nСообщений: 15\n")) == []
    one = "Oleg_K\tДата: Понедельник, 04.03.2024, 18:20 | Сообщение # 1\nТекст.\n"
    assert ucoz.find_starts(split_lines(one)) == []


def test_chrome() -> None:
    for text in ("Страница 1 из 3", "Модератор форума: Kedr", "Бесплатный хостинг uCoz"):
        assert ucoz.is_chrome(split_lines(text)[0])
    assert not ucoz.is_chrome(split_lines("Страница истории города закрыта.")[0])


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", PAGE, None, SegmentConfig())
    (post,) = result.posts
    assert (post["title"], post["author"]) == ("Новый мост через реку", "Oleg_K")
    assert post["published_date"] == "2024-03-04"
    assert post["body"] == "Мост обещали открыть ещё в декабре, а движения до сих пор нет."
    assert [c["author"] for c in result.comments] == ["Vera_L", "Zoya_P"]
    assert "Страница" not in result.comments[1]["body"]
