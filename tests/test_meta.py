"""Dates, bylines, breadcrumbs and datelines, recognised by the form of a line."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from flows.stages.segment.boilerplate import (
    classify_line,
    find_boilerplate,
    without_trailing_buttons,
)
from flows.stages.segment.lines import split_lines
from flows.stages.segment.meta import (
    _DATE_FORMS,
    dated_byline,
    find_byline,
    find_date,
    is_breadcrumb,
    is_dateline,
    person_name,
)

DATES = [
    ("Posted on March 3, 2021 by Anna Petrova", "March 3, 2021", "2021-03-03"),
    ("Marina Orlova | 3 March 2021", "3 March 2021", "2021-03-03"),
    ("Tue Oct 17 09:41:12 UTC 2023", "Tue Oct 17 09:41:12 UTC 2023", "2023-10-17"),
    ("u/Volga_Reader Mar 14 '22", "Mar 14 '22", "2022-03-14"),
    ("Posted on Mar 12, 24", "Mar 12, 24", "2024-03-12"),  # two-digit year closing the line
    ("March 4,2019", "March 4,2019", "2019-03-04"),  # an OCR'd cover lost the space
    ("Old 03-24-2023, 10:15 PM   #1", "03-24-2023", "2023-03-24"),
    ("Published: 2020-07-02", "2020-07-02", "2020-07-02"),
    ("Monday, 14 November 2022", "Monday, 14 November 2022", "2022-11-14"),
    ("14.03.2023 12:05", "14.03.2023", "2023-03-14"),  # dotted: day first
    ("03.04.2021", "03.04.2021", "2021-04-03"),
    ("Published On 6 Dec 20266 Dec 2026", "6 Dec 2026", "2026-12-06"),  # glued to its copy
    ("Dec 6, 2026Dec 6, 2026", "Dec 6, 2026", "2026-12-06"),
    ("December 5, 20265:02 AM ET", "December 5, 2026", "2026-12-05"),  # glued to the time
    ("06 грудня 2026, 10:42", "06 грудня 2026", "2026-12-06"),  # Ukrainian
    ("3 листопада 2025 р.", "3 листопада 2025 р.", "2025-11-03"),
    ("24/03/2023", "24/03/2023", "2023-03-24"),  # 24 cannot be a month
    ("03/24/2023", "03/24/2023", "2023-03-24"),
    ("Date: 1996/02/19", "1996/02/19", "1996-02-19"),  # year first, as Usenet archives
    ("Sep. 20th, 2011 at 11:43 PM", "Sep. 20th, 2011", "2011-09-20"),
    ("Опубликовано 3 марта 2019 г.", "3 марта 2019 г.", "2019-03-03"),  # Russian genitive
    ("3 мар 2021 в 14:05", "3 мар 2021", "2021-03-03"),  # Russian, abbreviated
    ("5 мая 2020", "5 мая 2020", "2020-05-05"),
    ("12 мая 2020, 14:05", "12 мая 2020", "2020-05-12"),
    ("1 Января 2001 года", "1 Января 2001", "2001-01-01"),
    ("2018-03-03T10:00:00Z", "2018-03-03", "2018-03-03"),  # with its time
    ("Date: Tue, 09 Mar 99 18:22:41 MSK", "Tue, 09 Mar 99", "1999-03-09"),  # old mail header
    ("Thu, 11 Mar 04", "Thu, 11 Mar 04", "2004-03-11"),
    ("8. März 2024, 06:47 Uhr", "8. März 2024", "2024-03-08"),  # German: the day's stop
    ("1. Dezember 2022", "1. Dezember 2022", "2022-12-01"),
    ("12. Okt. 2021", "12. Okt. 2021", "2021-10-12"),
    ("30. Jänner 2001", "30. Jänner 2001", "2001-01-30"),
    ("Posted on 3rd of March 2023 by Anna Lind", "3rd of March 2023", "2023-03-03"),
    ("Posted on : Mar.14,2023 10:05 KST", "Mar.14,2023", "2023-03-14"),  # no space
    ("2023.03.14 10:05", "2023.03.14", "2023-03-14"),  # year first, dotted
    ("14.03.23 в 10:05", "14.03.23", "2023-03-14"),  # a two-digit year before a time
    ("Posted 3-Mar-2021", "3-Mar-2021", "2021-03-03"),  # an archive's day-month-year
    ("03-Mar-21 10:05", "03-Mar-21", "2021-03-03"),
    ("3/04/24 9:00AM", "3/04/24", "2024-03-04"),  # the time's AM glued on
    ("14.03.23 at 10:05pm", "14.03.23", "2023-03-14"),
    ("от «7» декабря 2026 г. № 1412", "«7» декабря 2026 г.", "2026-12-07"),  # quoted day
    ('от "15" марта 2024 г.', '"15" марта 2024 г.', "2024-03-15"),
    ("«6» грудня 2026 р.", "«6» грудня 2026 р.", "2026-12-06"),
    ("«7 декабря 2026 г.»", "7 декабря 2026 г.", "2026-12-07"),  # a quotation, not the day's
    ("Moscow, 7.XII.2026", "7.XII.2026", "2026-12-07"),  # a Roman month
    ("1. IV. 1998", "1. IV. 1998", "1998-04-01"),
    ("December 7 , 2026", "December 7 , 2026", "2026-12-07"),  # a space before the comma
]


@pytest.mark.parametrize(("text", "written", "iso"), DATES)
def test_absolute_dates_are_found_as_written_with_their_iso_day(text, written, iso):
    assert find_date(text) == (written, iso)


@pytest.mark.parametrize(
    "text",
    [
        "3 years ago",
        "2d ago",
        "Page 3 of 12",
        "In 1991 the Union ended.",
        "Issue 812 (77)",
        "On Mar 12, 24 deputies voted",  # a number in a sentence, not a year
        "12-31/2021",
        "1996/13/40",
        "Май 2019",  # a month heading names no day
        "3 мамы 2019",
        "On Tue, 9 Mar 99 deputies voted",  # two digits in a sentence, no time after them
        "In May 12,000 voters signed",  # a count after the month, no year
        "6 Dec 20261",  # a year glued to a digit that opens no copy of the date
        "version 2023.03.14.2",  # a dotted version number
        "12.XIII.2026",  # no thirteenth month
        "Article 3.IV.2026b",  # a numbered clause glued to letters
        "«7» раз 2026",  # a quoted number before no month
        "December 7 ,, 2026",
    ],
)
def test_relative_ages_years_alone_and_numbers_are_not_dates(text):
    assert find_date(text) is None


def test_an_impossible_day_is_written_but_has_no_iso_form():
    assert find_date("February 30, 2021") == ("February 30, 2021", None)


BYLINES = [
    ("By Marina K. Orlova", "Marina K. Orlova"),
    ("Posted on March 3, 2021 by Anna Petrova", "Anna Petrova"),
    ("Marina Orlova | 3 March 2021", "Marina Orlova"),
    ("March 3, 2021 / Ivan Sokolov", "Ivan Sokolov"),
    ("Author: Pyotr Lavrov", "Pyotr Lavrov"),
    ("Story by Anna Lind, Photos by Oleg Sokolov", "Anna Lind"),  # the photographer's credit
    ("By Anna Lind | Photo: Oleg Sokolov", "Anna Lind"),
    ("By Ivan Petrov, March 4, 2021. The Duma voted", "Ivan Petrov"),
    ("March 3, 2019 · 6 min · Yaroslav Demin", "Yaroslav Demin"),
    ("Writer's pictureNadia Orlova", "Nadia Orlova"),
    ("Submitted by t_lind on Tue, 03/05/2013 - 14:22", "t_lind"),  # a handle, dated
    ("Sunday, 18 March 2018 | By Anna Lind", "Anna Lind"),
    ("Published: 18 March 2018 | Author: Anna Lind", "Anna Lind"),
    ("By Anna Lind, Special to the Herald", "Anna Lind"),  # a role is no name
    ("By Anna Lind, Gleb Stolyarov", "Anna Lind, Gleb Stolyarov"),
    ("Analysis by Daniel Whitcombe, Global News Network", "Daniel Whitcombe"),  # outlet
    ("k_sorokin 3 мар 2021 в 14:05", "k_sorokin"),  # a handle before the date
    ("03.03.2021 Рубрика: Статьи Автор: Дмитрий Лапин 1 комментарий", "Дмитрий Лапин"),
    (
        "Reporting by Anna Lind and Gleb Stolyarov; Editing by Ivan Orlov",
        "Anna Lind and Gleb Stolyarov",
    ),
    ("Written by Lidia Maksimova on 19/09/2021 in Politics · 5 Min Read", "Lidia Maksimova"),
    ("k_sorokin (k_sorokin) wrote,", "k_sorokin"),  # a journal entry's header
    ("putin-kremlin-2009by Anna Lind", "Anna Lind"),  # an image's file name glued to it
    ("Kremlinwallby Julie G.", "Julie G."),  # a final initial keeps its stop
    ("By Anna Lind.", "Anna Lind"),
    ("Опубликовано 02.04.2024 автором Sergey Lebedev", "Sergey Lebedev"),  # a WordPress theme
    ("Опубликовано 12 марта 2024 автором Ivan Petrov", "Ivan Petrov"),
    ("By Anna K. Lind-Orlova. The Volga Herald. May 3, 2021.", "Anna K. Lind-Orlova"),  # run-in
    ("By Anna St. Clair", "Anna St. Clair"),  # a short word's stop ends no name
    ("March 3, 2021 — Anna Lind, Staff Writer", "Anna Lind"),  # a role after the name
    ("Author Ekaterina Dorn (Reuters, AFP)", "Ekaterina Dorn"),  # a field with no colon
    ("— Anna Lind, December 6, 2026", "Anna Lind"),  # a dashed signature with its date
    ("By Anna Lind, Oleg Sokolov and Ivan Petrov", "Anna Lind, Oleg Sokolov and Ivan Petrov"),
    ("By Anna Lind, Oleg Sokolov, and Ivan Petrov", "Anna Lind, Oleg Sokolov, and Ivan Petrov"),
    ("By Anna Lind, Staff Writer and Editor", "Anna Lind"),  # a role joined by 'and'
    ("By Anna Lind, Reuters and AP", "Anna Lind"),  # agencies, no names
    ("Авторы: Анна Линд, Олег Соколов и Иван Петров", "Анна Линд, Олег Соколов и Иван Петров"),
    ("Anna Lind · 5 min read", "Anna Lind"),  # a reader view's byline with its reading time
    ("Анна Линд · 6 мин", "Анна Линд"),
    ("Anna Lind and Oleg Sokolov | 8–10 minutes", "Anna Lind and Oleg Sokolov"),
    ("Von Marlene Hofbauer", "Marlene Hofbauer"),  # German
    ("Von Anna Lind und Jan Berger, Moskau", "Anna Lind und Jan Berger"),  # a place after
    ("Ein Kommentar von Anna Lind", "Anna Lind"),
    ("Von Anna Lind | 08.03.2024", "Anna Lind"),
    ("Anna Lind on March 3, 2021", "Anna Lind"),  # a poster's name over the stamp
    ("Contributor: Anna Lind", "Anna Lind"),
    ("Text: Marina Vetrova", "Marina Vetrova"),  # a credit's label before a full name
    ("Words: Anna Lind", "Anna Lind"),
    ("March 5, 2019 · by Kestrel", "Kestrel"),  # "by" names one word after the date
    ("212 points | by semyon_k 7 hours ago", "semyon_k"),  # a handle after a bar, an age
    ("Post by Grigory_T Wed 22 Sep 2021 - 18:47", "Grigory_T"),  # a forum's post header
    ("by ostrog » Wed Mar 03, 2021 10:12 am", "ostrog"),  # a word, dated: a login
    ("Posted by kot_v at 10:15 PM", "kot_v"),  # a login with its time of day
    ("Автор темы Lena_Novg", "Lena_Novg"),  # a topic's author by handle
    ("Thread starter vrangel", "vrangel"),
    ("Author: lena_m", "lena_m"),
    ("volga_notes · March 3, 2021", "volga_notes"),  # a login, a separator, the stamp
    ("March 3, 2021 by volga_notes", "volga_notes"),  # a login after the date
    # a dated meta row whose first cell is an outlet: the person is a later cell
    ("Автор: Сергей Воронов | 14.03.2021 | Комментариев: 3", "Сергей Воронов"),
    ("The Harbour Times | Anna Kessler | 18 March 2024", "Anna Kessler"),
    (
        "Capital Wire · Marek Dvorak and Ilse Baumann · 17 March 2024",
        "Marek Dvorak and Ilse Baumann",
    ),
    ("Analysis | Pavel Gusev | 4 min read | March 3, 2021", "Pavel Gusev"),
]


@pytest.mark.parametrize(("text", "name"), BYLINES)
def test_bylines_give_the_name(text, name):
    assert find_byline(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "The law was passed by the Duma on Tuesday after a short debate.",
        "By the end of the decade the party had lost its majority in many regions.",
        "Share this:",
        "u/Volga_Reader 2d ago",
        "Translated by Peter Hall",  # a translator, not the author
        "Sep 2, 2010 | Continued",  # a link label after a date
        "Posted by the editors on request",  # no date: not a handle's byline
        "Back to January 2000 | Back to top",  # navigation after a date
        "k_sorokin wrote:",  # a quote's header
        "Standby Mode",  # one word after a glued 'by': no name
        "Goodby Anna Lind is a song",
        "Read Entire Article",  # a link's verb opens no name
        "Related News | March 3, 2021",  # a widget's heading
        "k_sorokin (anna_lind) wrote,",  # two different names: no entry header
        "Опубликовано письмо, автором которого назвали депутата.",
        "delivered 14 June 2018, Washington, D.C.",  # a date's label, no user's handle
        "March 3, 2021 — Turnout fell, officials say",  # a clause, no name, after the date
        "KR-2291874-3.jpg",  # an image's file name
        "Author interview with the governor",  # a label's word opening a phrase
        "— Moscow, 2026",  # a letter's place and year
        "— Moscow Region, 2026",
        "Politics · 5 min read",  # a section's label with the reading time
        "Governors in Perm · 5 min read",
        "Reading time · 5 min",
        "Von dpa",  # an agency in lower case
        "Von Moskau nach Berlin",  # a headline opening with 'Von'
        "Von der Leyen besucht Kiew",
        "Elections in Russia on March 3, 2021",  # a phrase, not a name, before the date
        "5th March 2019 · Politics",  # a section's label after the date
        "March 5, 2019 | Regions",
        "Text: Reuters",  # an agency, no full name
        "By far the largest turnout since March 3, 2021",  # a phrase before the date
        "Posted by hand to the commission",  # a word, no date after it
        "Thread starter guide for new members",  # a phrase, no handle
        "covid19 | March 3, 2021",  # a tag before the date, no login's mark
        "Author Message",  # a board's column headings
        "v2.1 · March 3, 2021",  # a version
        "Baltic Courier | Regions | 18 March 2024",  # no cell names a person
        "Baltic Courier | Anna Kessler | Oleg Sokolov | 18 March 2024",  # which of two?
    ],
)
def test_sentences_and_chrome_are_not_bylines(text):
    assert find_byline(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home » Russia » Politics", True),
        ("Board index ‹ Politics ‹ Russia", True),
        ("March 3, 2021 / Ivan Sokolov", False),
        ("Why the Duma vote still matters", False),
        ("Prices rose 5 % > inflation.", False),
        ("«Выборы мэра нам не нужны»: горсовет Томска отменил прямые выборы", False),
        ("«Мы не уйдём»: депутаты о бюджете", False),
        ("Форум «Политика и общество» > Международные отношения > Внешняя политика", True),
        ("Главная » Новости » Политика", True),
    ],
)
def test_breadcrumbs(text, expected):
    assert is_breadcrumb(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Guardian January 26, 2000", True),
        ("MOSCOW, March 3 2021", True),
        ("March 3, 2021", True),
        ("March 6, 2018 / 11:42 AM / Updated 6 years ago", True),
        ("On Tue, Mar 5, 2019 at 10:12 AM Pavel Gromov wrote:", False),  # a quote's attribution
        ("Газета «Вечерний курьер» №38 от 04.03.2021, стр. 2", True),  # an issue line
        ("On March 3, 2021 the Central Election Commission published its final count.", False),
        # a meta row's cell separators are no words of its source
        ("The Harbour Times | Anna Kessler | 18 March 2024", True),
        ("The Harbour Times · Anna Kessler · 18 March 2024", True),
        # a dash may join the words of one cell: it counts, six are more than a source
        ("Nov 14 2024 Novaya Gazeta Europe - Yelena Dubrovina", False),
        ("The Harbour Times | Anna Kessler | Moscow | Election | 18 March 2024", False),
    ],
)
def test_datelines(text, expected):
    assert is_dateline(text) is expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Share this:", "page_chrome"),
        ("Facebook Twitter Email", "page_chrome"),
        ("2 Comments", "page_chrome"),
        ("© 2021 Eastern Margins", "page_chrome"),
        ("Proudly powered by WordPress", "page_chrome"),
        ("Read More »", "nav_link"),
        ("________", "separator"),
        ("* * * *", "separator"),
        ("Posted by Daria Sokolenko at", None),  # a byline ending in 'at' is kept
        ("Related reading on the 1991 referendum is scarce.", None),
        ("Share prices fell on Monday.", None),
    ],
)
def test_page_chrome_and_separators_by_shape(text, rule):
    assert classify_line(text) == rule


@pytest.mark.parametrize(
    ("text", "before", "after", "rule"),
    [
        ("Reply to sender | Reply to group | Reply via web post", None, None, "page_chrome"),
        ("Home • About • Archive • Contact", "A Quiet Blog", None, "page_chrome"),
        ("Switch to: Text-Only, Daily Digest • Unsubscribe • Terms of Use", None, None,
         "page_chrome"),
        # negative: a row of a table, whose neighbours are rows too
        ("Party | Votes | Seats", None, "United Russia | 49.3 | 238", None),
        # negative: two links are no menu; a byline and date row is the post's
        ("Politics | Regions", None, None, None),
        ("By Anna Petrova | 5 min read | March 3, 2021", None, None, None),
        # negative: a sentence with pipes in it
        ("He said the vote | was fair | and it was over.", None, None, None),
    ],
)  # fmt: skip
def test_rows_of_links_are_menus(text, before, after, rule):
    assert classify_line(text, after, before) == rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("5 Likes", "counter"),
        ("Posts: 1412", "counter"),
        ("Всего ответов: 3", "counter"),
        ("Liked others: 140", "counter"),
        ("1.2k views · 34 shares", "counter"),
        ("Reply   Quote   Report", "action_row"),
        ("permalink  embed  save  parent  report  reply", "action_row"),
        ("Raw Message", "action_row"),
        ("Ответить в эту темуОткрыть новую тему", "action_row"),
        ("Post new topic Reply to topic  [ 84 posts ]  Go to page 1, 2, 3  Next", "action_row"),
        ("12 users / day", "counter"),
        ("388 users here now", "site_notice"),
        ("Email (required) (Address never made public)", "site_notice"),
        ("Page: [1]", "pager"),
        ("Seite 3 von 12", "pager"),
        ("Antworten  Zitieren  Melden", "action_row"),
        ("Go to page Previous  1, 2, 3, 4, 5  Next", "pager"),
        ("< Предыдущая   Следующая >", "pager"),
        ("Load more", "pager"),
        ("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", "pager"),
        ("Home › News › Politics", "breadcrumb"),
        ("Forum Index -> Regional Politics", "breadcrumb"),
        ("All times are GMT +3. The time now is 04:51 PM.", "site_notice"),
        ("We use cookies to improve your experience. By continuing you accept.", "site_notice"),
        ("Notify me of new comments via email.", "site_notice"),
        ("Sign up for our weekly newsletter", "site_notice"),
        ("sorted by: best", "site_notice"),
        ("oksana_nn liked this.", "site_notice"),
        ("Читайте также:", "site_notice"),
        ("The regional assembly building in Pskov. Photo: Pskov Courier", "caption_credit"),
        ("Timur Aliev/AFP via Getty Images", "caption_credit"),
        ("contact terms privacy", "footer_links"),
        ("About Us  ·  Privacy", "footer_links"),
        # negative: results count votes; a poll's answers; a heading; prose; a dated pager
        ("412,806 votes", None),
        ("Yes / No / Don't know", None),
        ("Share", "nav_link"),
        ("Edit", None),
        ("Edit Delete", None),  # buttons only beside one a heading cannot be
        ("Reply all", None),
        ("Profile of a governor", None),
        ("Page 3 of the report lists the reply of the ministry", None),
        ("Nuland handed out cookies to protesters on the Maidan.", None),
        ("The party's community guidelines were rewritten in 2019.", None),
        ("« Monday, 13 March 2023          Wednesday, 15 March 2023 »", None),
        ("Joined: 14 March 2019", None),
        ("PHOTOS: Thousands rally in Kazan against the new tax", None),  # a kicker's headline
        ("Words: Daria Lind. Photos: Kirill Omel", None),  # a byline
        ("Terms", None),  # one footer word alone is a heading
    ],
)
def test_widget_rules_by_shape(text, rule):
    assert classify_line(text) == rule


def test_runs_of_footer_links():
    lines = split_lines("The vote was held.\n\nCorkboard\nAbout\nRules\nAdvertising\n\nTerms\n")
    found = find_boilerplate(lines)
    assert [lines[i].text for i in found] == ["About", "Rules", "Advertising", "Terms"]
    assert set(found.values()) == {"footer_links"}
    # two one-word lines without a legal one, and a heading over its text, are kept
    assert not find_boilerplate(split_lines("About\nHelp\n\nRules\nThe rules are simple.\n"))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Page 1 of 3 (41 results)", "page_chrome"),
        ("Search the site", "page_chrome"),
        ("Search this site", "page_chrome"),
        ("Search the archives of the regional parliament", None),  # a heading, not chrome
        ("Page 3 of the report lists 41 results", None),
    ],
)
def test_result_pages_and_site_search_labels(text, rule):
    assert classify_line(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "Yulia Arbatova",
        "Marina K. Orlova",
        "Ludwig van Berg",
        "Anne-Marie Lefèvre",
        "O'Neil Smith",
        "Ольга ЗЫРЯНОВА",  # a surname in capitals, as the Russian press signs
        "О. ЗЫРЯНОВА",
    ],
)
def test_a_line_holding_only_a_name(text):
    assert person_name(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Sofia",  # one word: a first name, a label or a sign-off
        "The Governors' Reshuffle",  # an article's words
        "Share this",
        "IVAN PETROV",  # capitals: a heading
        "NEWS Today",  # the capitals open the line: a label
        "Moscow TIMES",  # a Latin word in capitals: a masthead as often
        "J. K.",
        "Sep 3, 2023",
        "Read more about the vote in Samara",
        "Anna Petrova at",
        "Baltic Courier",  # an outlet's name
        "Senior Archivist",  # a forum's rank under the poster's name
        "Well-known Member",
        "Novgorodets Offline",  # the presence flag run onto a login
        "Governors Without Voters",  # a title-cased headline
        "Author Message",  # a board's column headings
        "Steppe Business Daily",
        "Kama Notebook",  # a site's name
        "Камский Курьер",
    ],
)
def test_lines_that_are_not_only_a_name(text):
    assert person_name(text) is None


@given(st.text(max_size=200))
def test_recognisers_never_raise_and_dates_are_iso(text):
    found = find_date(text)
    if found is not None and found[1] is not None:
        assert len(found[1]) == 10 and found[1][4] == "-"
    find_byline(text)
    person_name(text)
    is_breadcrumb(text)
    is_dateline(text)


DATE_ALPHABET = [*"0123456789 ,.-/:'г", "Mar ", "Tue ", "марта ", "UTC ", "th", "12:30 "]


@given(st.lists(st.sampled_from(DATE_ALPHABET), max_size=12).map("".join))
@example("Tue Mar 3th, 2021")
@example("12/03/20 12:30 ")
@example("3 марта 2019 г.")
def test_every_date_form_holds_two_digits_in_a_row(text: str) -> None:
    """find_date settles a text without two digits in a row at once; that is exact only
    while every form's match holds two (its year)."""
    for form in _DATE_FORMS:
        match = form.search(text)
        assert match is None or any(
            a.isdigit() and b.isdigit()
            for a, b in zip(match.group(0), match.group(0)[1:], strict=False)
        )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Posted on June 22, 2018 by admin", "admin"),
        ("Published on 3 March 2021 by k_sorokin", "k_sorokin"),
        ("Posted on June 22, 2018 by the editors", None),  # words, no handle
        ("Posted on the front page by admin", None),  # no date before the handle
    ],
)
def test_handle_after_the_date_is_the_byline(text, name):
    assert find_byline(text) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This entry was posted in Elections, Kirov on 14 September 2025 by Yegor Shutov. "
            "Bookmark the permalink.",
            ("Yegor Shutov", "14 September 2025"),
        ),
        ("Posted in Politics on March 3, 2024 by k_sorokin", ("k_sorokin", "March 3, 2024")),
        ("Posted in News on March 3, 2024 by admin", None),  # a default account
        ("The vote on Sunday was won by Yegor Shutov.", None),  # no date: a sentence
        ("Uploaded on March 3, 2024; photo by Yegor Shutov", None),  # a picture's credit
        ("He spoke on March 3, 2024 by the river.", None),
    ],
)
def test_dated_byline(text, expected):
    assert dated_byline(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("О. Н. Карпова, 21 января 2026 г.", "О. Н. Карпова"),
        ("Карпова О. Н., 21.01.2026", "Карпова О. Н."),
        ("J. K. Smith, March 3, 2024", "J. K. Smith"),
        ("New York, March 3, 2024", None),  # a place has no initials
        ("А. В. Петрова, кандидат политических наук", None),  # no date after the comma
    ],
)
def test_an_initialled_name_before_a_date_is_a_byline(text, name):
    assert find_byline(text) == name


@pytest.mark.parametrize(
    ("page", "separators"),
    [
        ("12-03-2024\n05-03-2024\n27-02-2024", {"-"}),  # one day over 12 settles the page
        ("04/03/2024\n18/03/2024 at 7:02 pm", {"/"}),
        ("04/03/2024\n03/18/2024", set()),  # month first: the US order stays
        ("04/03/2024 and 18/03/2024 beside 03/19/2024", set()),  # mixed: no evidence
        ("12-03-2024 and 05/03/2024", set()),  # nothing over 12
        ("27.02.2024", set()),  # dotted dates are read day first already
        ("2024-03-27", set()),
        ("Ольга_Т\n02/10/2023 10:05:19\nШансов немного.", {"/"}),  # Russian: day first
        ("Ольга_Т 02/10/2023 и 10/19/2023", set()),  # unless a date shows the month first
    ],
)
def test_day_first_separators(page: str, separators: set[str]) -> None:
    from flows.stages.segment.meta import day_first_separators

    assert day_first_separators(page) == frozenset(separators)


@pytest.mark.parametrize(
    ("written", "iso", "wanted"),
    [
        ("12-03-2024", "2024-12-03", "2024-03-12"),
        ("05/03/2024 at 1:47 pm", "2024-05-03", "2024-03-05"),
        ("27-02-2024", "2024-02-27", "2024-02-27"),  # read day first already
        ("March 4, 2024", "2024-03-04", "2024-03-04"),  # no numeric date
        ("05/03/2024", None, None),
        ("12.03.2024", "2024-03-12", "2024-03-12"),  # not a separator the page shows
    ],
)
def test_day_first_iso(written: str, iso: str | None, wanted: str | None) -> None:
    from flows.stages.segment.meta import day_first_iso

    assert day_first_iso(written, iso, frozenset({"-", "/"})) == wanted


@pytest.mark.parametrize(
    ("title", "cut"),
    [
        ("Governors and the municipal filter  Quote | Reply", "Governors and the municipal filter"),
        ("A title with  two spaces inside", "A title with  two spaces inside"),
        ("Budget  Print", "Budget  Print"),  # one word would be left
    ],
)
def test_buttons_run_onto_a_title_are_cut(title: str, cut: str) -> None:
    assert without_trailing_buttons(title) == cut
