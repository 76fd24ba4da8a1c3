"""The thread layout's shared parts: the head of an article printed above a comment
section whose front-end reads no opening post (invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment, split_lines
from flows.stages.segment.layouts.thread import described_title, echoed_topic
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import EDIT_STAMP, _glued_edit

COMMENTS = """\
3 Comments
Add a comment...

Olga Berg
Prices went up again in the shops near the station.
Like · Reply · 14 · 2y

    Stas Lind
    Not in our shop, they stayed the same all winter.
    Like · Reply · 2y · Edited

Vera Tsoi
The ferry is the real problem for anyone living on the coast.
Like · Reply · 3 · 1y

Facebook Comments Plugin
"""

ARTICLE = """\
Baltic Evening Post
News
Politics
Opinion

Ferry timetable to the exclave cut for the winter

The regional ministry says the ferry from the exclave to the mainland will run twice a week instead of four times until April, citing the cost of fuel and repairs.

Hauliers warn that the cut will raise prices for fresh goods within a month.

"""


def test_article_above_a_comments_plugin_gives_the_title() -> None:
    result = segment("0123456789abcdef", ARTICLE + COMMENTS, None, SegmentConfig())
    (post,) = result.posts
    assert post["title"] == "Ferry timetable to the exclave cut for the winter"
    assert "Baltic Evening Post" not in post["body"]
    assert "run twice a week instead of four times" in post["body"]
    assert [c["parent_id"] is None for c in result.comments] == [True, False, True]


def test_no_prose_above_the_comments_gives_no_head() -> None:
    text = "Baltic Evening Post\n\n" + COMMENTS
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    (post,) = result.posts
    assert (post["title"], post["body"]) == (None, "Baltic Evening Post")
    assert len(result.comments) == 3


NAMELESS = """\
March 3, 2011

Governors Without Voters

The Kremlin has now appointed the head of every region in the country. The regions got little in return for the elections they lost, and the governors are outsiders.

3 responses to “Governors Without Voters”

  1. The worst part is that nobody in the regions pretends the governor answers to them.

  2. Stability is not nothing, and anyone who lived through the nineties would say so.

  3. An outsider who leaves after three years has no reason to care how the region looks.

Leave a Reply
"""


def test_nameless_numbered_comments_under_a_counter_naming_the_title() -> None:
    result = segment("0123456789abcdef", NAMELESS, None, SegmentConfig())
    (post,) = result.posts
    assert (post["title"], post["author"]) == ("Governors Without Voters", None)
    assert [c["author"] for c in result.comments] == [None, None, None]
    assert all(c["parent_id"] is None for c in result.comments)
    assert "Leave a Reply" not in result.comments[-1]["body"]


def test_a_counter_naming_another_line_leaves_the_head_alone() -> None:
    text = NAMELESS.replace("3 responses to “Governors Without Voters”", "3 responses to “Other”")
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    assert result.posts[0]["title"] != "Other"


NOTED = """\
The article above the comments runs on for a while and says a good deal about it all.
It has a second sentence too, so that it reads as text and not as a page top.

Misha Grek
Mar 18

The lack of variation between the stations is the tell, as it always is.

Reply Like

Irina Sol
Mar 18 · in reply to Misha Grek

There is a known method for exactly this: plot the stations against turnout.

Reply Like

Lev Orlov
Mar 19

Is the raw table downloadable, or only the summary per region?

Reply Like

Anna Kim
Mar 19 · in reply to Nobody Here

A note naming no earlier commenter leaves the comment where it stands.

Reply Like
"""


def test_a_header_naming_the_comment_replied_to_gives_the_parent() -> None:
    result = segment("0123456789abcdef", NOTED, None, SegmentConfig())
    comments = result.comments
    assert [c["author"] for c in comments] == ["Misha Grek", "Irina Sol", "Lev Orlov", "Anna Kim"]
    assert [c["parent_id"] for c in comments] == [None, comments[0]["comment_id"], None, None]


@pytest.mark.parametrize("note", ["↪ Misha Grek", "Antwort an Misha Grek"])
def test_a_header_note_in_other_words_gives_the_parent(note: str) -> None:
    text = NOTED.replace("Mar 18 · in reply to Misha Grek", f"Mar 18 · {note}")
    assert text != NOTED
    comments = segment("0123456789abcdef", text, None, SegmentConfig()).comments
    assert [c["parent_id"] for c in comments] == [None, comments[0]["comment_id"], None, None]


def test_a_header_note_naming_nobody_here_gives_no_parent() -> None:
    text = NOTED.replace("Mar 18 · in reply to Misha Grek", "Mar 18 · ↪ Nobody Here")
    comments = segment("0123456789abcdef", text, None, SegmentConfig()).comments
    assert [c["parent_id"] for c in comments] == [None] * 4


def test_a_reply_note_line_is_furniture_on_a_nested_page_too() -> None:
    nested = (
        "    Lev Orlov\n    Mar 19\n\n    Replying to Misha Grek\n"
        "    Is the raw table downloadable, or only the summary per region?\n\n    Reply Like"
    )
    flat = "Lev Orlov\nMar 19\n\nIs the raw table downloadable, or only the summary per region?"
    text = NOTED.replace(flat + "\n\nReply Like", nested)
    assert text != NOTED
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    lev = next(c for c in result.comments if c["author"] == "Lev Orlov")
    assert "Replying to" not in lev["body"]
    assert lev["parent_id"] == result.comments[1]["comment_id"]  # nested under Irina Sol


ADDRESSED = """\
Comments (5)

Olga Berg
March 14, 2023 at 10:15 am
The ferry schedule was cut again this winter and nobody asked the islanders.
Reply

Stas Lind Jr.
March 14, 2023 at 10:40 am
@Olga Berg, the islanders were asked last year and said the same thing.
Reply

Vera Tsoi
March 14, 2023 at 11:05 am
@Nobody Here you promised the timetable a month ago, where is it?
Reply

Olga Berg
March 14, 2023 at 11:20 am
Stas Lind Jr., asking and listening are two different things, as the timetable shows.
Reply

Misha Grek
March 14, 2023 at 12:03 pm
Well, the fuel price alone explains the cut, whatever anyone was asked.
Reply
"""


def test_an_opening_address_is_no_parent_on_a_flat_page() -> None:
    """Addressing an earlier commenter ('@Olga Berg, ...', 'Stas Lind Jr., ...') is part
    of the text, not the page's nesting: the gold of real flat pages keeps such comments
    at the top level."""
    result = segment("0123456789abcdef", ADDRESSED, None, SegmentConfig())
    comments = result.comments
    assert [c["author"] for c in comments] == [
        "Olga Berg",
        "Stas Lind Jr.",
        "Vera Tsoi",
        "Olga Berg",
        "Misha Grek",
    ]
    assert [c["parent_id"] for c in comments] == [None] * 5
    assert "@Olga Berg, the islanders" in comments[1]["body"]


def test_a_reply_to_line_in_the_header_names_the_parent() -> None:
    text = ADDRESSED.replace(
        "Misha Grek\nMarch 14, 2023 at 12:03 pm\n",
        "Misha Grek\nReply to Vera Tsoi\nMarch 14, 2023 at 12:03 pm\n",
    )
    comments = segment("0123456789abcdef", text, None, SegmentConfig()).comments
    assert comments[4]["author"] == "Misha Grek"
    assert comments[4]["parent_id"] == comments[2]["comment_id"]


ARCHIVE_THREAD = """\
observers@lists.example.org

    Start a new thread
    Threads by month

Seals on the ballot safes

Marta Lind
17 Sep 2023 9:14 p.m.

Were the safes sealed in front of the observers in your districts? In ours
nobody was allowed to watch the sealing at all.

    Reply

Oleg Berg
18 Sep 2023 11:02 a.m.

They were sealed in ours, but the observers had to leave the building for the
night, so the seals tell us very little.

    Reply

Vera Tsoi
18 Sep 2023 2:40 p.m.

We photographed the seals in the evening and in the morning, and in two
stations they do not match.

    Reply
"""


def test_first_header_under_a_bare_title_opens_the_thread() -> None:
    """A list archive's thread view shows its subject and then every message under the
    same header: the first message is the opening post, not a comment on nothing."""
    result = segment("0123456789abcdef", ARCHIVE_THREAD, None, SegmentConfig())
    (post,) = result.posts
    assert (post["kind"], post["title"], post["author"]) == (
        "thread_post",
        "Seals on the ballot safes",
        "Marta Lind",
    )
    assert "nobody was allowed to watch" in post["body"]
    assert [comment["author"] for comment in result.comments] == ["Oleg Berg", "Vera Tsoi"]


def test_a_reply_subject_echoed_by_the_thread_is_its_title() -> None:
    text = (
        "Civic Forums\n\nQuestions about the budget\n\nlarch_p  03-14-2006 10:12 AM\n\n"
        "Who signs the district tables?\n\nSomebody splits each sector between the districts."
        "\n\nRe: Who signs the district tables?\n\nThe deputy governor for finance does."
    )
    lines = split_lines(text)
    assert echoed_topic(lines) == "Who signs the district tables?"
    assert echoed_topic(split_lines(text.replace("Re: ", ""))) is None  # no reply names it


COUNTED = """\
Comments

Olga Berg
Mar 3

The ferry schedule was cut again this winter and nobody asked the islanders.

Like · Reply
2 replies

Stas Lind
Mar 3

They asked last year, and the islanders said the same thing then as now.

Like · Reply

Vera Tsoi
Mar 4

The fuel price alone explains the cut, whatever anyone was asked.

Like · Reply

Misha Grek
Mar 5

Is the new timetable published anywhere yet, or only announced on the radio?

Like · Reply
"""


def test_a_reply_count_closing_a_comment_nests_the_comments_after_it() -> None:
    comments = segment("0123456789abcdef", ARTICLE + COUNTED, None, SegmentConfig()).comments
    assert [c["author"] for c in comments] == ["Olga Berg", "Stas Lind", "Vera Tsoi", "Misha Grek"]
    first = comments[0]["comment_id"]
    assert [c["parent_id"] for c in comments] == [None, first, first, None]


def test_a_count_of_replies_still_hidden_nests_nothing() -> None:
    text = COUNTED.replace("2 replies", "Show 2 more replies")
    comments = segment("0123456789abcdef", ARTICLE + text, None, SegmentConfig()).comments
    assert [c["author"] for c in comments] == ["Olga Berg", "Stas Lind", "Vera Tsoi", "Misha Grek"]
    assert [c["parent_id"] for c in comments] == [None] * 4


def test_a_reply_count_among_the_buttons_nests_nothing() -> None:
    text = COUNTED.replace("Like · Reply\n2 replies", "2 replies\nLike · Reply")
    comments = segment("0123456789abcdef", ARTICLE + text, None, SegmentConfig()).comments
    assert [c["parent_id"] for c in comments] == [None] * 4


FOOTED = """\
Harbour Weblog

The night ferry and the shift workers

The harbour board wants to cut the night ferry; the shift workers say they will have no way home.

A long report walks through the ridership figures the board has not published, quarter by quarter.

There is also a short interview with a ferry pilot about the winter timetable.
posted by pier_watcher at 9:18 AM

gull_7 5 hours ago | next [-]
The night ferry is the only way the shift workers get home. Cutting it moves them onto the road.
reply

ropewalk 2 hours ago | prev [-]
Ridership is published every quarter in the annual report, it is just buried in an appendix.
reply
"""


def test_a_poster_line_closing_the_post_names_its_author() -> None:
    result = segment("0123456789abcdef", FOOTED, None, SegmentConfig())
    (post,) = result.posts
    assert (post["title"], post["author"]) == (
        "The night ferry and the shift workers",
        "pier_watcher",
    )
    unsigned = FOOTED.replace("posted by pier_watcher at 9:18 AM\n", "")
    (post,) = segment("0123456789abcdef", unsigned, None, SegmentConfig()).posts
    assert post["author"] is None


def test_a_name_over_the_date_above_the_text_names_the_poster() -> None:
    named = FOOTED.replace("posted by pier_watcher at 9:18 AM\n", "").replace(
        "shift workers\n\n", "shift workers\nMarta Lindqvist\n14.3.2023, 10:42\n\n", 1
    )
    (post,) = segment("0123456789abcdef", named, None, SegmentConfig()).posts
    assert (post["author"], post["published"]) == ("Marta Lindqvist", "14.3.2023")
    labelled = named.replace("Marta Lindqvist", "Notes From Samara")  # a label, no name
    (post,) = segment("0123456789abcdef", labelled, None, SegmentConfig()).posts
    assert post["author"] is None


def test_an_edit_stamp_glued_after_the_last_sentence_marks_an_edit() -> None:
    assert _glued_edit("We agree on that. Edited by anna_k, 12.03.2021, 10:20")
    assert _glued_edit("Не соглашусь. Сообщение отредактировал Ольга В. - 14.3.2023, 12:10")
    assert not _glued_edit("The clerk edited by hand the list of 2021 candidates.")
    assert not _glued_edit("So it goes. Edited by the board, as always")
    assert EDIT_STAMP.match("Edited July 26, 2020 by anna_k")
    assert not EDIT_STAMP.match("Edited volumes of essays, printed in 2020 by the institute")


def test_a_title_line_with_a_description_gives_the_title_its_crumb_ends_in() -> None:
    region = split_lines("Town Board > Budgets > Who pays for the new bridge?\n\nx\n")
    described = "Who pays for the new bridge?, and the roads around it"
    head = PostHead(described, frozenset({2}), "anna_k", None, frozenset())
    assert described_title(region, head).title == "Who pays for the new bridge?"
    other = PostHead("Who pays for the new bridge? Nobody", frozenset({2}), None, None, frozenset())
    assert described_title(region, other).title == "Who pays for the new bridge? Nobody"
