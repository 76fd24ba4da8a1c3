"""Labelled cases for the phpBB comment-header grammar (invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import phpbb
from flows.stages.segment.lines import split_lines

PROSILVER = """\
Riverside Civic Board
Board index ‹ City ‹ Transport
Tram fares and the city budget
Post a reply
4 posts • Page 1 of 1
Tram fares and the city budget
Postby ola_m » Sun Mar 03, 2024 8:33 pm
The council wants to raise tram fares again. Has anyone seen the budget tables?
ola_m
Posts: 120
Joined: Tue Jan 10, 2017 9:00 am
Top
Re: Tram fares and the city budget
Postby petr_k » Sun Mar 03, 2024 9:10 pm
ola_m wrote:Has anyone seen the budget tables?
They are in the annex, under transport subsidies.
Last edited by petr_k on Sun Mar 03, 2024 9:20 pm, edited 2 times in total.
petr_k
Posts: 48
Joined: Fri Feb 02, 2018 9:20 am
Location: Riverside
Top
Re: Tram fares and the city budget
Postby vera_n » Mon Mar 04, 2024 7:02 am
The vote is next Thursday, in the small hall.
vera_n
Posts: 9
Joined: Sat May 05, 2023 1:00 pm
Top
Display posts from previous: Sort by
Who is online
Users browsing this forum: No registered users and 2 guests
Powered by phpBB® Forum Software © phpBB Limited
"""

SUBSILVER_PAGE_TWO = """\
Riverside Civic Board
Tram fares and the city budget
Post new topic   Reply to topic   Page 2 of 2   [ 12 posts ]
Author   Message
petr_k
Post subject: Re: Tram fares and the city budget
PostPosted: Mon Mar 04, 2024 9:31 am
Joined: Fri Feb 02, 2018 9:20 am
Posts: 48
The annex was updated this morning.
Top
vera_n
Post subject: Re: Tram fares and the city budget
PostPosted: Mon Mar 04, 2024 10:02 am
Joined: Sat May 05, 2023 1:00 pm
Posts: 9
Thanks, I will print it for the meeting.
Top
"""

ARTICLE = """\
Tram fares and the city budget
By Ola Mironova » March 3, 2024
The council met on Monday and voted on fares.
Top
"""


def test_find_starts_skips_the_opening_post() -> None:
    lines = split_lines(PROSILVER)
    starts = phpbb.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Re: Tram fares and the city budget"] * 2


def test_later_page_has_only_replies() -> None:
    lines = split_lines(SUBSILVER_PAGE_TWO)
    starts = phpbb.find_starts(lines)
    assert [lines[at].text for at in starts] == ["petr_k", "vera_n"]
    header = phpbb.parse_header(lines, starts[0], starts[1])
    assert (header.author, header.published, header.n_lines) == (
        "petr_k",
        "Mon Mar 04, 2024 9:31 am",
        5,  # name, subject, posted, and the profile counters under them
    )
    head = phpbb.parse_post(lines[: starts[0]])
    assert head is not None and head.title == "Tram fares and the city budget"


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("article with a byline and a 'Top' link", ARTICLE),
        ("mail quote", "Ola wrote:\n> fares rise\nThey do.\n"),
        ("a guillemet line without a time", "by the river » Mon Mar 04, 2024\n"),
        ("a capitalised byline", "By Ola Mironova » Mon Mar 04, 2024 10:15 pm\n"),
        ("a Russian sentence", "Сообщение о выборах » пришло вчера вечером\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert phpbb.find_starts(split_lines(text)) == [], label


def test_header_edit_count() -> None:
    lines = split_lines(PROSILVER)
    start, end = phpbb.find_starts(lines)
    header = phpbb.parse_header(lines, start, end)
    assert (header.author, header.edited, header.edit_count) == ("petr_k", True, 2)


RUSSIAN = """\
Тарифы на проезд
Сообщение ola_m » 04 мар 2024, 22:15
Кто-нибудь видел новые тарифы?
ola_m
Сообщения: 12
Вернуться к началу
Re: Тарифы на проезд
Сообщение petr_k » 05 мар 2024, 09:02
ola_m писал(а): ↑
04 мар 2024, 22:15
Кто-нибудь видел новые тарифы?
Видел, подорожание на пять рублей.
Последний раз редактировалось petr_k 05 мар 2024, 09:10, всего редактировалось 2 раза.
petr_k
Сообщения: 40
Вернуться к началу
"""


def test_russian_localisation() -> None:
    lines = split_lines(RUSSIAN)
    (start,) = phpbb.find_starts(lines)
    header = phpbb.parse_header(lines, start, len(lines))
    assert (header.author, header.edited, header.edit_count) == ("petr_k", True, 2)
    quoted = [lines[i].text for i in range(len(lines)) if lines[i].index in header.quote_lines]
    assert quoted == ["04 мар 2024, 22:15", "Кто-нибудь видел новые тарифы?"]
    head = phpbb.parse_post(lines[:start])
    assert head is not None and (head.title, head.author) == ("Тарифы на проезд", "ola_m")


def test_quoted_text_glued_to_wrote() -> None:
    lines = split_lines(PROSILVER)
    quoted = phpbb.quoted_lines(lines, 0, len(lines), phpbb.WROTE)
    assert [lines[i].text for i in sorted(quoted)] == [
        "ola_m wrote:Has anyone seen the budget tables?"
    ]


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Posts: 120", True),
        ("Joined: Tue Jan 10, 2017 9:00 am", True),
        ("Top", True),
        ("Board index ‹ City ‹ Transport", True),
        ("4 posts • Page 1 of 1", True),
        ("Last edited by petr_k on Sun Mar 03, 2024 9:20 pm, edited 2 times in total.", True),
        ("Users browsing this forum: No registered users and 2 guests", True),
        ("Powered by phpBB® Forum Software © phpBB Limited", True),
        ("Вернуться к началу", True),
        ("4 сообщения • Страница 1 из 1", True),
        ("Зарегистрирован: 05 янв 2015, 11:20", True),
        (
            "Последний раз редактировалось Irina_Zh 12 мар 2024, 22:31, всего редактировалось 1 раз.",
            True,
        ),
        ("Сообщения в этой теме читают все.", False),
        ("The top of the list is the budget.", False),
        ("Posts on this board are moderated, he said.", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert phpbb.is_chrome(split_lines(text)[0]) is chrome


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", PROSILVER, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"], post["published_date"]) == (
        "thread_post",
        "Tram fares and the city budget",
        "ola_m",
        "2024-03-03",
    )
    assert (
        post["body"]
        == "The council wants to raise tram fares again. Has anyone seen the budget tables?"
    )
    assert [(c["author"], c["parent_id"], c["edited"]) for c in result.comments] == [
        ("petr_k", None, True),
        ("vera_n", None, False),
    ]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("Posts: 48", "Joined:", "Last edited by", "Who is online", "Board index"):
        assert chrome not in bodies


SUBSILVER_PAGE_ONE = """\
Riverside Civic Board
Tram fares and the city budget
Page 1 of 1   [ 2 posts ]
Author   Message
ola_m
Post subject: Tram fares and the city budget
PostPosted: Sun Mar 03, 2024 8:33 pm
Joined: Tue Jan 10, 2017 9:00 am
Posts: 120
The council wants to raise tram fares again. Has anyone seen the budget tables?
Top
petr_k
Post subject: Re: Tram fares and the city budget
PostPosted: Sun Mar 03, 2024 9:10 pm
Joined: Fri Feb 02, 2018 9:20 am
Posts: 48
They are in the annex, under transport subsidies.
Top
"""


def test_subsilver_opening_post() -> None:
    result = segment("0123456789abcdef", SUBSILVER_PAGE_ONE, None, SegmentConfig())
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"], post["published_date"]) == (
        "thread_post",
        "Tram fares and the city budget",
        "ola_m",
        "2024-03-03",
    )
    assert (
        post["body"]
        == "The council wants to raise tram fares again. Has anyone seen the budget tables?"
    )
    [comment] = result.comments
    assert comment["author"] == "petr_k"
    assert comment["body"] == "They are in the annex, under transport subsidies."


def test_subsilver_rank_line_over_the_counters_is_header() -> None:
    text = SUBSILVER_PAGE_ONE.replace(
        "PostPosted: Sun Mar 03, 2024 9:10 pm\n", "PostPosted: Sun Mar 03, 2024 9:10 pm\nRegular\n"
    )
    lines = split_lines(text)
    start = phpbb.find_starts(lines)[0]
    header = phpbb.parse_header(lines, start, len(lines))
    body = lines[start + header.n_lines]
    assert body.text == "They are in the annex, under transport subsidies."
    assert phpbb._furniture_start(lines, start + 3, len(lines)) == len(lines) - 2  # "Top"
