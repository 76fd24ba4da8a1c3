"""Comment lists found from one repeated signing line, above or below each text, with no
action row: labelled positive cases (read as comments) and negative ones (a digest's
bylines, a listing's meta rows, a mail message, one author's dated notes)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import signature_lines
from flows.stages.segment.lines import split_lines

HEADER_ABOVE = """\
Discussion: Why the regional council lost its budget powers

Back to the article | 4 messages

Ilya Baranov | June 2, 2019
The council never really had the powers in the first place, since the transfers from the centre decided everything.

Nadia R. | June 2, 2019
That is true for the capital, but the districts used to set their own road budgets until last year.

Second paragraph of the same comment, so that a body spans two of them.

petr_k | June 3, 2019
Does anyone know whether the law was published before the vote?

Ilya Baranov | June 3, 2019
It was published the same morning, which is the usual practice now.

Post a message
Your name:
"""

FOOTER_BELOW = """\
Provincial Notes
Essays on local power in Russia

The governor's new deputies and where they came from

By Olga Vetrova
12 March 2021

The three new deputy governors all came from the same federal training course. None of them had worked in the region before, and two of them had never lived outside Moscow.

The pattern has been visible for several years now and it is unlikely to change before the next election.

Responses

The course is the real story here. It is where the administration now looks for its governors as well.

— Denis Kalmykov, 12 March 2021

I would add that the course graduates are rotated every three or four years, so nobody builds a local base.

— M. Anisimova, 13 March 2021

Kalmykov is right about the course, but the first governors from it were appointed back in 2017.

— Olga Vetrova, 13 March 2021

Leave a response
"""

NAME_OVER_STAMP = """\
Главная Новости Политика

Дума отклонила законопроект о прямых выборах мэров
02.05.2014 16:40
Текст: Иван Петров

Депутаты областной думы отклонили законопроект о возвращении прямых выборов глав городских округов. За проект проголосовали девять депутатов из сорока пяти.

Комментарии (3)

Андрей Ф.
02.05.2014, 17:15
Девять голосов из сорока пяти — это даже больше, чем я ожидал от этой думы.

Марина_С
02.05.2014, 18:02
Дороги в городе за шесть лет лучше не стали, а отчитываться перед жителями никто не обязан.

Гость
02.05.2014, 19:44
Прямые выборы тоже не панацея, но мэра хотя бы выбирали сами жители города.
"""

DIGEST_BYLINES = """\
Weekly Russia Brief, issue 14

Governors reshuffled ahead of September vote
By Anna Lind, 3 May 2021
The Kremlin replaced four governors this week, a familiar spring ritual before the single voting day.

Duma passes law on foreign agents
By Oleg Sokolov, 4 May 2021
The Duma passed in the third reading a law that widens the definition of a foreign agent.

Central bank holds the key rate
By Maria Chen, 5 May 2021
The central bank kept its key rate unchanged, citing inflation expectations in the regions.
"""

LISTING_META_ROWS = """\
Latest analysis

Governors reshuffled ahead of September vote
03.05.2021 | Anna Lind
The Kremlin replaced four governors this week, a familiar spring ritual before the vote.

Duma passes law on foreign agents
04.05.2021 | Oleg Sokolov
The Duma passed in the third reading a law that widens the definition of a foreign agent.

Central bank holds the key rate
05.05.2021 | Maria Chen
The central bank kept its key rate unchanged, citing inflation expectations in the regions.
"""

LISTING_META_BELOW = """\
Latest analysis

Governors reshuffled ahead of September vote
The Kremlin replaced four governors this week, a familiar spring ritual before the vote.
Anna Lind · 3 May 2021

Duma passes law on foreign agents
The Duma passed in the third reading a law that widens the definition of a foreign agent.
Oleg Sokolov · 4 May 2021

Central bank holds the key rate
The central bank kept its key rate unchanged, citing inflation expectations in the regions.
Maria Chen · 5 May 2021
"""

MAIL_QUOTES = """\
From: Pavel Demin <pavel@example.org>
Subject: Re: regional turnout figures
Date: Mon, 7 Oct 2019 10:12:44 +0300

I checked the figures again and the turnout in the south is still the outlier.

On Sun, 6 Oct 2019 at 21:05, Irina Sokolova wrote:
> The turnout numbers for the southern republics look wrong to me.
> Can you check them against the commission's protocols?

On Sun, 6 Oct 2019 at 18:40, Lev Arkhipov wrote:
> Here is the table of turnout by region for the last three elections.

On Sat, 5 Oct 2019 at 09:02, Pavel Demin wrote:
> Does anyone have the turnout table for the Duma election?
"""

ARCHIVE_SUBJECTS = """\
Re: Online voting pilot - who audits the code?
2020-07-09 Thread Boris Kamensky
No, and there is no legal requirement for one in the federal law.
Re: Online voting pilot - who audits the code?
2020-07-08 Thread Yana Fedorchuk
Thanks, that is helpful, and also worrying for the observers.
Re: Online voting pilot - who audits the code?
2020-07-08 Thread Irek Valiullin
The pilot covers about ninety thousand registered voters in two districts.
"""

EMBEDDED_POSTS = """\
Protests in Khabarovsk enter their third week

By Anna Lind
25 July 2020

Thousands of people marched through the centre of Khabarovsk again on Saturday, the third weekend of protests over the arrest of the former governor. The police did not intervene, and local officials stayed away from the square.

Several regional deputies posted their support online during the march.

The square is full again, and nobody here is paid to stand in the rain.
— Pavel Orlov (@porlov_dv) July 25, 2020

The crowd was smaller than last week but still larger than anything the city had seen before the arrest. Organisers said they would continue every weekend until the former governor is tried in Khabarovsk rather than in Moscow.

The acting governor appointed by the Kremlin has so far refused to meet the protesters.

He has not come out once, and people have noticed that very clearly.
— Irina Sokol (@isokol) July 25, 2020

Federal television has mostly ignored the protests, though some channels aired short reports describing them as organised from abroad.

Nobody organised us, we organised ourselves, as we always have here.
— Dmitri Voronov (@dvoronov) July 26, 2020

The next march is planned for the coming Saturday.
"""

QUOTED_POSTS = """\
Regional channels react to the governor's arrest

The arrest was announced early on Thursday, and within an hour several regional channels had published their first reactions to the news.

Khabarovsk Today | July 9, 2020
The governor was detained at his home this morning and flown to Moscow.

The channel's post was shared widely, and a rival channel answered it soon after the first reports appeared.

Amur Notes | July 9, 2020
Nobody in the city believes the charges are about events from fifteen years ago.

By the evening the tone had changed, and a third channel called for people to come out.

Far East Courier | July 9, 2020
People are gathering on Lenin Square, and more are arriving every minute.

The protests that followed lasted for several months.
"""

ONE_AUTHOR_NOTES = """\
Field notes

Anna Lind | 3 May 2021
Spent the day at the regional election commission, which was quieter than expected.

Anna Lind | 4 May 2021
The commission published the list of registered candidates late in the evening.

Anna Lind | 5 May 2021
Two of the candidates withdrew before noon, neither of them explained why.
"""

ACTION_ROWS = """\
Ilya Baranov | June 2, 2019
The council never really had the powers in the first place, since transfers decided it.
Reply Like

Nadia R. | June 2, 2019
That is true for the capital, but the districts used to set their own road budgets.
Reply Like

petr_k | June 3, 2019
Does anyone know whether the law was published before the vote in the end?
Reply Like
"""

TWO_ONLY = """\
Ilya Baranov | June 2, 2019
The council never really had the powers in the first place, since transfers decided it.

Nadia R. | June 2, 2019
That is true for the capital, but the districts used to set their own road budgets.
"""


def _comments(page: str) -> list[tuple[str, str | None]]:
    result = segment("0123456789abcdef", page, None, SegmentConfig())
    assert not coverage_errors(page, result)
    assert result.layout == "thread"
    return [(c["author"], c["published_date"]) for c in result.comments]


def test_headers_above_their_text_sign_flat_comments_under_a_stub() -> None:
    result = segment("0123456789abcdef", HEADER_ABOVE, None, SegmentConfig())
    assert result.layout == "thread"
    (post,) = result.posts
    assert post["kind"] == "thread_stub"
    assert post["title"] == "Why the regional council lost its budget powers"
    rows = [(c["author"], c["published_date"], c["parent_id"]) for c in result.comments]
    assert rows == [
        ("Ilya Baranov", "2019-06-02", None),
        ("Nadia R.", "2019-06-02", None),
        ("petr_k", "2019-06-03", None),
        ("Ilya Baranov", "2019-06-03", None),
    ]
    assert "Second paragraph of the same comment" in result.comments[1]["body"]
    assert "Your name" not in result.comments[-1]["body"]
    assert not coverage_errors(HEADER_ABOVE, result)


def test_signatures_below_their_text_follow_the_article() -> None:
    result = segment("0123456789abcdef", FOOTER_BELOW, None, SegmentConfig())
    assert result.layout == "thread"
    (post,) = result.posts
    assert post["kind"] == "thread_post"
    assert "unlikely to change" in post["body"]
    assert _comments(FOOTER_BELOW) == [
        ("Denis Kalmykov", "2021-03-12"),
        ("M. Anisimova", "2021-03-13"),
        ("Olga Vetrova", "2021-03-13"),
    ]
    first = result.comments[0]["body"]
    assert first.startswith("The course is the real story")
    assert "Denis Kalmykov" not in first


def test_a_name_line_over_a_stamp_line_signs_the_text_below() -> None:
    assert _comments(NAME_OVER_STAMP) == [
        ("Андрей Ф.", "2014-05-02"),
        ("Марина_С", "2014-05-02"),
        ("Гость", "2014-05-02"),
    ]


def test_the_first_header_opens_the_thread_where_nothing_counts_it_as_a_comment() -> None:
    page = HEADER_ABOVE.replace("Back to the article | 4 messages", "Regional politics")
    lines = split_lines(page)
    starts = signature_lines.find_starts(lines)
    assert [lines[at].text for at in starts] == [
        "Nadia R. | June 2, 2019",
        "petr_k | June 3, 2019",
        "Ilya Baranov | June 3, 2019",
    ]
    head = signature_lines.page_post(lines, starts)
    assert head is not None
    assert (head.author, head.published) == ("Ilya Baranov", "June 2, 2019")


@pytest.mark.parametrize(
    "text, span",
    [
        ("Posted by Marek W at March 3, 2006 09:14 AM", "March 3, 2006 09:14 AM"),
        ("Submitted by lev on Fri, 05/02/2014 - 18:30", "Fri, 05/02/2014 - 18:30"),
        ("— Pavel Rudin, 3 May 2014", "3 May 2014"),
        ("#212 Irina (Kazan) 03.05.2014 14:22", "03.05.2014 14:22"),
        ("anna_k · 3 hours ago", "3 hours ago"),
    ],
)
def test_the_stamp_of_a_signing_line(text: str, span: str) -> None:
    found = signature_lines.stamp_span(text)
    assert found is not None
    assert text[found[0] : found[1]] == span


WIDE_CARD_TITLES = """\
Recommended stories

How the regional assembly learned to pass a budget in a single afternoon
Three readings used to take weeks. Now the schedule is set before the bill.
Oksana Veller · 6 min read · Mar 14, 2024

The quiet return of the appointed mayor in the biggest provincial cities
Direct elections survive in only a handful of regional capitals today.
Graham Tully · 9 min read · Mar 9, 2024

What the turnout figures from the mountain republics do and do not say
Near-total turnout is a signal, but not always the one observers assume.
Aslan Kurbanov · 5 min read · Feb 27, 2024

Why the small parties keep their seats without winning any real votes
A share of the list vote is enough when the threshold sits at five percent.
Graham Tully · 7 min read · Feb 20, 2024
"""
"""Cards whose headline is as wide as its one-sentence teaser: no paragraph wraps
there, so the rows sign no comments' text."""

ASKED_CARDS = """\
Is the sovereign internet law actually enforced outside Moscow?
412 points 88 comments submitted 3 years ago by kazan_observer to r/AskARussian
I live in Kazan and since the law came into force I have noticed almost nothing at all.

Why do regional news sites keep disappearing from search results?
167 points 54 comments submitted 2 years ago by lena_vyatka to r/AskARussian
Our local paper still publishes every day but its stories no longer show up in search.

Are observers still refused entry at the precincts in your city?
903 points 211 comments submitted 5 years ago by nab_observer to r/AskARussian
Third time in a row the precinct chair said the room was too small for all of us.
"""
"""Search results: each tagline glued between a lone headline (a question, so a
sentence) and its teaser: cards, no comments."""


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(DIGEST_BYLINES, id="digest bylines under headlines"),
        pytest.param(LISTING_META_ROWS, id="listing date-author rows under headlines"),
        pytest.param(LISTING_META_BELOW, id="listing author-date rows under teasers"),
        pytest.param(MAIL_QUOTES, id="mail message with quote attributions"),
        pytest.param(ONE_AUTHOR_NOTES, id="one author's dated notes"),
        pytest.param(EMBEDDED_POSTS, id="article quoting signed posts"),
        pytest.param(QUOTED_POSTS, id="article quoting posts under their headers"),
        pytest.param(ARCHIVE_SUBJECTS, id="mail archive: a subject repeated over each"),
        pytest.param(ACTION_ROWS, id="comments with action rows (stamped_header)"),
        pytest.param(TWO_ONLY, id="two signings only"),
        pytest.param(WIDE_CARD_TITLES, id="cards: wide headline over a one-sentence teaser"),
        pytest.param(ASKED_CARDS, id="cards: a lone question over a tagline over a teaser"),
    ],
)
def test_no_comment_list(page: str) -> None:
    assert signature_lines.find_starts(split_lines(page)) == []


def test_a_body_that_opens_with_an_earlier_name_answers_that_comment() -> None:
    page = HEADER_ABOVE.replace("Does anyone know whether", "@Nadia R. does anyone know whether")
    result = segment("0123456789abcdef", page, None, SegmentConfig())
    ids = [c["comment_id"] for c in result.comments]
    assert [c["parent_id"] for c in result.comments] == [None, None, ids[1], None]


def test_a_stamp_line_may_carry_its_time_zone() -> None:
    page = NAME_OVER_STAMP.replace(", 17:15", " 17:15 (MSK)").replace(", 18:02", " 18:02 (MSK)")
    assert [author for author, _ in _comments(page)] == ["Андрей Ф.", "Марина_С", "Гость"]


def test_numbered_comments_keep_their_numbers_out_of_the_text() -> None:
    names = ["Anna Lind", "petr_k", "Oleg V.", "Marina Orlova"]
    texts = [
        "The council voted for its own loss of influence, which nobody expected at all.",
        "That is how the regional administration prefers it, and the deputies know it.",
        "Does anyone have the full text of the amendment that was adopted last Friday?",
        "It was published on the portal the same morning, so nobody could read it before.",
    ]
    page = "A long article title about the council vote\n\n4 Comments\n\n" + "\n\n".join(
        f"{n + 1}.\n{name}\nMay {n + 3}, 2014 at 4:1{n} pm\n{text}"
        for n, (name, text) in enumerate(zip(names, texts, strict=True))
    )
    assert [author for author, _ in _comments(page)] == names
    result = segment("0123456789abcdef", page, None, SegmentConfig())
    assert [comment["body"] for comment in result.comments] == texts


def test_the_head_does_not_depend_on_the_page_read_before() -> None:
    page = split_lines(
        HEADER_ABOVE.replace("Back to the article | 4 messages", "Regional politics")
    )
    other = split_lines(HEADER_ABOVE)
    starts = signature_lines.find_starts(page)
    alone = signature_lines.page_post(page, starts)
    signature_lines.find_starts(other)  # another document read in between
    assert signature_lines.page_post(page, starts) == alone


QUOTING = """\
Board > Regional affairs

View Full Version : Mayors and governors

anna_k
06-14-2017, 08:42 PM
The council will now choose the mayor from a shortlist the governor's commission draws up.

boris.m
06-14-2017, 09:15 PM
That is how it went in our city too, and nobody at the council objected at all.

vera_t
06-15-2017, 07:03 AM
Quote:
Originally Posted by boris.m
nobody at the council objected at all

Two deputies did object, but the vote was held while they were away.
"""


def test_a_quote_under_its_attribution_is_a_quote_and_the_attribution_furniture() -> None:
    result = segment("0123456789abcdef", QUOTING, None, SegmentConfig())
    vera = result.comments[-1]
    assert vera["author"] == "vera_t"
    assert "Originally Posted by" not in vera["body"]
    kinds = {
        block["text"]: block["kind"]
        for block in result.blocks
        if block["owner_id"] == vera["comment_id"]
    }
    assert kinds.get("nobody at the council objected at all") == "quote"


COUNTED_SIGNATURES = """\
The district filter and who gets through it
posted by lev_k (12 comments total)

A long explainer on the signatures candidates need from local deputies in every region.

The table of regions is the best part; nobody from outside the list has passed since 2012.
posted by Vera Lind at 9:41 AM on September 3, 2021 [24 favorites]

I had no idea the threshold could be that high in some of the regions.
posted by quietharbor at 10:02 AM on September 3, 2021 [2 favorites]

The regional parliaments pick the number the governor asks for, every time.
posted by Ferrous Sun at 12:07 PM on September 3, 2021 [1 favorite]

This thread has been archived and is closed to new comments
"""


def test_a_count_in_brackets_after_the_stamp_is_no_part_of_the_name() -> None:
    assert _comments(COUNTED_SIGNATURES) == [
        ("Vera Lind", "2021-09-03"),
        ("quietharbor", "2021-09-03"),
        ("Ferrous Sun", "2021-09-03"),
    ]


@pytest.mark.parametrize(
    "text, span",
    [
        ("posted by Ferrous Sun at 12:07 PM", "12:07 PM"),
        ("Sun, 12 Mar 2023 10:40", "Sun, 12 Mar 2023 10:40"),
        ("anna_k on Sunday at 10:40", "Sunday at 10:40"),
    ],
)
def test_a_weekday_abbreviation_joins_a_stamp_only_by_punctuation(text: str, span: str) -> None:
    found = signature_lines.stamp_span(text)
    assert found is not None
    assert text[found[0] : found[1]] == span


def test_an_edit_mark_after_the_stamp_flags_the_comment_not_the_shape() -> None:
    page = HEADER_ABOVE.replace("petr_k | June 3, 2019", "petr_k | June 3, 2019 • edited")
    result = segment("0123456789abcdef", page, None, SegmentConfig())
    assert [c["author"] for c in result.comments] == [
        "Ilya Baranov",
        "Nadia R.",
        "petr_k",
        "Ilya Baranov",
    ]
    assert [c["edited"] for c in result.comments] == [False, False, True, False]
    placed = HEADER_ABOVE.replace("petr_k | June 3, 2019", "petr_k | June 3, 2019 | Oslo")
    other = segment("0123456789abcdef", placed, None, SegmentConfig())
    assert "petr_k" not in [c["author"] for c in other.comments]  # a place: another shape


POSTER_BLOCKS = """\
Regional Debate Board

The new municipal filter and the September races

Page 1 of 2

  1. lev_k

    lev_k Senior Member

    The filter now needs signatures from ten percent of the municipal deputies in most regions.

    Nobody outside the ruling party has that many deputies anywhere in the country.

    lev_k, Mar 3, 2021

    #1

  2. Anna_T

    Anna_T Member

    Some regions kept the lower threshold, so the picture is not the same everywhere.

    Anna_T, Mar 3, 2021

    #2

  3. lev_k

    lev_k Senior Member

    That is true, but the regions with the lower threshold elect no governor this year.

    lev_k, Mar 4, 2021

    #3

  4. petr_v

    petr_v Member

    Then the only race worth watching is the one where the incumbent retired early.

    petr_v, Mar 5, 2021

    #4
"""


def test_signatures_under_poster_blocks_open_the_thread_with_the_first_post() -> None:
    lines = split_lines(POSTER_BLOCKS)
    starts = signature_lines.find_starts(lines)
    assert [lines[at].text.strip() for at in starts] == ["#1", "#2", "#3"]
    headers = signature_lines.parse_headers(lines, starts)
    assert [(h.author, h.published) for h in headers] == [
        ("Anna_T", "Mar 3, 2021"),
        ("lev_k", "Mar 4, 2021"),
        ("petr_v", "Mar 5, 2021"),
    ]
    head = signature_lines.page_post(lines, starts)
    assert head is not None
    assert (head.author, head.published) == ("lev_k", "Mar 3, 2021")
    assert head.title == "The new municipal filter and the September races"


def test_a_comments_page_label_keeps_the_first_signed_text_a_comment() -> None:
    page = POSTER_BLOCKS.replace("Regional Debate Board", "Comments: The municipal filter")
    lines = split_lines(page)
    starts = signature_lines.find_starts(lines)
    headers = signature_lines.parse_headers(lines, starts)
    assert [h.author for h in headers] == ["lev_k", "Anna_T", "lev_k", "petr_v"]
