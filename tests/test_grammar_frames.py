"""Labelled cases for the frames grammar: comments read from the frame each one repeats,
without a named header (invented snippets), and the pages it must leave alone."""

from __future__ import annotations

import pytest

from flows.stages.segment.grammars import frames
from flows.stages.segment.lines import split_lines

NUMBERED = """\
Why the ballot got shorter

Nine parties stood in 2016 and five stand this year. Each of the four failed a test.

3 responses to “Why the ballot got shorter”

  1. The signature rule is the whole story and it always was, as far as I can tell here.

     A second paragraph of the same reply, indented under its number.

  2. Five parties is still more than some regions get, and one of those is a spoiler.

  3. The deadline had passed by the time the court agreed with the party, as it does.

Leave a Reply
"""

STAMPED = """\
An article about the district.

It has several sentences of its own. Here is another one.

5 thoughts on “The district”

August 29, 2021 at 9:14 pm

The phrase about losing politely is perfect for the candidates we had.

Reply

August 30, 2021 at 7:02 am

Do you have the list of who was refused registration and on what grounds?

Reply

Leave a Reply Cancel reply

Your email address will not be published. Required fields are marked *
"""

SCORED = """\
Why do people not vote?

42 comments

Because the council has no money and no power over what people complain about.
  118 points · 2 years ago

    This. I voted once, and then the council was dissolved by a regional law.
      47 points · 2 years ago

Older people vote, younger people mostly do not, whatever the election is about.
  31 points · 2 years ago
"""

LABELLED = """\
Does anyone here follow the elections?

Vesna Lark

Well-Known Member
I keep seeing the same headlines and I have no idea how any of it works at all.


Well-Known Member
Most of the parties in the Duma are what people call the systemic opposition.

Rosalind K

Well-Known Member
Thank you both, that actually helps me understand what the news is saying.
"""


def test_numbered_replies_under_a_counter() -> None:
    lines = split_lines(NUMBERED)
    starts = frames.find_starts(lines)
    assert [lines[at].text[:2] for at in starts] == ["1.", "2.", "3."]
    headers = frames.parse_headers(lines, starts)
    assert all(header.author is None and header.n_lines == 0 for header in headers)
    end = frames.find_end(lines, starts)
    assert end is not None and lines[end].text == "Leave a Reply"


def test_stamp_opens_and_reply_closes() -> None:
    lines = split_lines(STAMPED)
    starts = frames.find_starts(lines)
    assert [lines[at].text for at in starts] == [
        "August 29, 2021 at 9:14 pm",
        "August 30, 2021 at 7:02 am",
    ]
    first = frames.parse_headers(lines, starts)[0]
    assert (first.author, first.n_lines, first.published) == (
        None,
        1,
        "August 29, 2021 at 9:14 pm",
    )
    assert {lines[at].index for at in range(starts[0], starts[1])} & first.chrome_lines
    end = frames.find_end(lines, starts)
    assert end is not None and lines[end - 1].text == "Reply"  # the footer follows


def test_score_rows_close_indented_comments() -> None:
    lines = split_lines(SCORED)
    starts = frames.find_starts(lines)
    headers = frames.parse_headers(lines, starts)
    assert [h.score for h in headers] == [118, 47, 31]
    assert [h.age for h in headers] == ["2 years ago"] * 3
    assert headers[1].nesting > headers[0].nesting == headers[2].nesting


def test_member_title_frames_with_and_without_names() -> None:
    lines = split_lines(LABELLED)
    starts = frames.find_starts(lines)  # the first frame is the opening post's
    headers = frames.parse_headers(lines, starts)
    assert [h.author for h in headers] == [None, "Rosalind K"]
    head = frames.page_post(lines, starts)
    assert head is not None
    assert (head.title, head.author) == ("Does anyone here follow the elections?", "Vesna Lark")


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "an article's numbered list, no counter",
            "Title of it\n\n1. The first point is made here in a full sentence of text.\n"
            "2. The second point follows it in another full sentence of text.\n"
            "3. The third point closes the list with one more full sentence.\n",
        ),
        (
            "dated entries without a counter (a diary)",
            "March 3, 2024\n\nWe went to the polling station and it was empty today.\n\n"
            "March 4, 2024\n\nThe count was announced before the stations closed.\n\n"
            "March 5, 2024\n\nNobody came to the protest that was planned for noon.\n",
        ),
        (
            "an interview's question labels",
            "Q:\nWhy did you stand for the council in the first place at all?\n\n"
            "Q:\nWhat happened when the council was dissolved by the region?\n\n"
            "Q:\nWould you stand again if the elections came back one day?\n",
        ),
        (
            "a bulleted list inside an article",
            "The article opens with a paragraph of its own that runs on for quite a while "
            "and says a good deal.\n\n"
            "• A point that is long enough to look like a reply in a thread of comments here.\n"
            "• Another point that is long enough to look like a reply in a thread as well.\n"
            "• A third point that is long enough to look like a reply in a thread, again.\n\n"
            "And the article closes with a paragraph of its own, as articles do, at length.\n",
        ),
        (
            "a counter with one comment",
            "Text of the post, a sentence.\n\n1 comment\n\nMarch 3, 2024\n\nA reply here.\n",
        ),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert frames.find_starts(split_lines(text)) == [], label


NUMBERED_POSTS = """\
Forum > General > Topic

Is the regional mode realistic?
Grisha_Volk  13 Mar @ 8:02pm
Played the new scenario twice and both times the turnout looked absurd to me.
Showing 1-2 of 2 comments
Ruslan_T  13 Mar @ 8:31pm
#1
They wrote in the patch notes that the curves come from official results.
Koshka  13 Mar @ 9:10pm
#2
Originally posted by Ruslan_T:
the curves come from official results
That is the clever part, the game only claims they are the published ones.
Last edited by Koshka; 13 Mar @ 9:12pm
Per page: 15 30 50
Date Posted: 13 Mar @ 8:02pm
"""


def test_post_numbers_under_header_rows() -> None:
    lines = split_lines(NUMBERED_POSTS)
    starts = frames.find_starts(lines)
    headers = frames.parse_headers(lines, starts)
    assert [h.author for h in headers] == ["Ruslan_T", "Koshka"]
    assert [h.n_lines for h in headers] == [2, 2]
    assert [h.edited for h in headers] == [False, True]
    quoted = {line.text for line in lines if line.index in headers[1].quote_lines}
    assert quoted == {"the curves come from official results"}
    end = frames.find_end(lines, starts)
    assert end is not None and lines[end].text == "Per page: 15 30 50"
    head = frames.page_post(lines, starts)
    assert head is not None
    assert (head.title, head.author) == ("Is the regional mode realistic?", "Grisha_Volk")


def test_post_numbers_that_do_not_count_up_are_no_frames() -> None:
    text = NUMBERED_POSTS.replace("#2", "#7")
    assert frames.find_starts(split_lines(text)) == []


def test_a_field_with_a_count_repeated_by_chance_is_no_frame() -> None:
    rows = "\n".join(
        f"{name}\nIndependent\nNominated 1{day}.07.2024\nSignatures: 0\n"
        f"A local teacher who has never held office and is standing for the first time.\n"
        for day, name in enumerate(["Pyotr Gavrilov", "Svetlana Orlik", "Alla Veretennikova"])
    )
    assert frames.find_starts(split_lines(rows)) == []
