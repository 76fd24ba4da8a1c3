"""The stamped-header comment grammar (a name line over a stamp line, an action row under
the body): invented snippets, negatives included."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import stacked, stamped_header
from flows.stages.segment.lines import split_lines

FIRST_PAGE = """\
Harbour Forum
 All Discussions
 Log In

Should the ferry run in winter?

 anna_k
 Mar 4, 2024

The ferry stops in November and the islanders wait for the ice road until January.

 Like Reply
 igor.z and 2 others liked this.

 igor.z
 Mar 4, 2024  Edited

 @anna_k It stops because the pier freezes, not because of the timetable.

 Like Reply

 mark_l
 Mar 5, 2024

 @igor.z A heated pier costs less than a new ferry would.

 Like Reply
"""

LATER_PAGE = """\
Harbour Forum
Should the ferry run in winter?
 Page 2 of 3

 igor.z
 Mar 6, 2024

 @mark_l The heating would still need a power line to the island.

 Like Reply

 mark_l
 Mar 6, 2024

 @igor.z There is one already, it feeds the lighthouse.

 Like Reply
"""

LISTING = """\
Harbour Gazette
3 hours ago
The ferry timetable changes next week for the winter season.

Island Herald
5 hours ago
A new pier will be built at the northern bay before the spring.
"""


def test_first_page_opening_post_and_mentions() -> None:
    result = segment("0123456789abcdef", FIRST_PAGE, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"]) == (
        "thread_post",
        "Should the ferry run in winter?",
        "anna_k",
    )
    comments = result.comments
    assert [c["author"] for c in comments] == ["igor.z", "mark_l"]
    assert comments[0]["edited"] and comments[0]["parent_id"] is None
    assert comments[1]["parent_id"] == comments[0]["comment_id"]
    bodies = " ".join(c["body"] for c in comments)
    assert "Like Reply" not in bodies and "liked this" not in bodies


def test_later_page_is_a_stub() -> None:
    result = segment("0123456789abcdef", LATER_PAGE, None, SegmentConfig())
    assert result.posts[0]["kind"] == "thread_stub"
    assert [c["author"] for c in result.comments] == ["igor.z", "mark_l"]


SHARED_LISTING = """\
Anna Kol
Mar 4, 2024
The ferry timetable changes next week for the winter season, the port says.
Share

Igor Zuev
Mar 5, 2024
A new pier will be built at the northern bay before the spring floods.
Share
"""


def test_no_starts_without_action_rows() -> None:
    assert stamped_header.find_starts(split_lines(LISTING)) == []


def test_no_starts_under_share_buttons_alone() -> None:
    assert stamped_header.find_starts(split_lines(SHARED_LISTING)) == []


def test_action_rows() -> None:
    for text in ("Like Reply", "Нравится Ответить", "1 Reply Last reply Reply Quote", "reply"):
        assert stamped_header.is_action_row(text), text
    for text in ("↑ 22 ↓", "Reply to the minister", "12"):
        assert not stamped_header.is_action_row(text), text


INLINE = """\
Harbour Forum
Should the ferry run in winter?

anna_k · 3 hours ago
The ferry stops in November and the islanders wait for the ice road until January.
Reply Share Report

mark_l · 2 hours ago
A heated pier costs less than a new ferry would, and it lasts for decades.
Reply Share Report

  igor.z · 1 hour ago
  It would still need a power line to the island, which nobody has paid for.
  Reply Share Report
"""


def test_name_and_stamp_on_one_line() -> None:
    result = segment("0123456789abcdef", INLINE, None, SegmentConfig())
    assert result.posts[0]["author"] == "anna_k"
    comments = result.comments
    assert [(c["author"], c["age"]) for c in comments] == [
        ("mark_l", "2 hours ago"),
        ("igor.z", "1 hour ago"),
    ]
    assert comments[1]["parent_id"] == comments[0]["comment_id"]


UNDER_A_POST = """\
r/russia
Posted by u/kama_river
The Duma votes on the new internet law next week

The bill would require every messenger to verify users by phone numbers registered in Russia.

u/oka_flow · 5h
Phone verification is already required for SIM cards, so this closes the last gap.
15
Reply
Share

  u/kama_river · 4h
  Not quite, the foreign numbers were the gap and this targets them directly.
  7
  Reply
  Share
"""


def test_comments_under_a_post_with_stacked_actions() -> None:
    result = segment("0123456789abcdef", UNDER_A_POST, None, SegmentConfig())
    comments = result.comments
    assert [(c["author"], c["score"], c["age"]) for c in comments] == [
        ("u/oka_flow", 15, "5h"),
        ("u/kama_river", 7, "4h"),
    ]
    assert comments[1]["parent_id"] == comments[0]["comment_id"]
    assert all(not c["body"].endswith(("Reply", "Share")) for c in comments)


def test_blank_line_between_name_and_stamp() -> None:
    page = FIRST_PAGE.replace(" Mar 4, 2024\n", "\n Mar 4, 2024\n").replace(
        " Mar 5, 2024\n", "\n Mar 5, 2024\n"
    )
    result = segment("0123456789abcdef", page, None, SegmentConfig())
    assert result.posts[0]["author"] == "anna_k"
    assert [c["author"] for c in result.comments] == ["igor.z", "mark_l"]


SCORED = """\
Arseny Pol
3 days ago
4 points

The concession was planned from the start, I think, and then given back.

reply   collapse

    Dana Krutova
    3 days ago
    2 points

    Possible, but the polling at the time suggests the fall surprised them.

    reply   collapse
"""


def test_score_row_under_the_stamp() -> None:
    article = "The article above the comments runs on for a while and says a good deal. " * 3
    lines = split_lines(article + "\n\n" + SCORED)
    starts = stamped_header.find_starts(lines)
    headers = [stamped_header.parse_header(lines, at, len(lines)) for at in starts]
    assert [(h.author, h.score, h.n_lines) for h in headers] == [
        ("Arseny Pol", 4, 3),
        ("Dana Krutova", 2, 3),
    ]
    assert stamped_header.is_action_row("reply   collapse")
    assert not stamped_header.is_action_row("collapse of the old party system")


def test_long_digit_runs_are_read_in_linear_time() -> None:
    """A long run of digits is no action row, and saying so takes no backtracking over
    the ways to split it into counts."""
    assert not stamped_header.is_action_row("1" * 79 + "x")
    assert not stamped_header.is_action_row("1 " * 39 + "x")


RATED_POST = """\
Lakeside
Hot
Fresh

nina.vale
Mar 4, 2024 09:10
Towns

How our district chose its new water board
+211

Last Sunday the district voted for a new water board, and only one list was on the ballot.

Share
Save

pavel.k
Mar 4, 2024 10:02
+37

The vote was decided when the second list was struck off over its signatures.

Reply
More

nina.vale
Mar 4, 2024 11:45
-4

@pavel.k, yes, and the appeal is still waiting for a hearing date.

Reply
More
"""


def test_signed_scores_under_stamps_and_title_under_the_header() -> None:
    result = segment("0123456789abcdef", RATED_POST, None, SegmentConfig())
    post = result.posts[0]
    assert (post["title"], post["author"]) == (
        "How our district chose its new water board",
        "nina.vale",
    )
    assert "+211" not in post["body"] and "Towns" not in post["body"]
    comments = result.comments
    assert [(c["author"], c["score"]) for c in comments] == [("pavel.k", 37), ("nina.vale", -4)]
    assert comments[1]["parent_id"] == comments[0]["comment_id"]
    assert not comments[0]["body"].startswith("+37")


def test_no_title_under_a_header_that_opens_with_its_text() -> None:
    """A post whose first line is a sentence, or a title-shaped line with no signed rating
    under it, has no title under its header; an unsigned count under a stamp is no score."""
    lines = split_lines(RATED_POST)
    position = next(at for at, line in enumerate(lines) if line.text == "nina.vale")
    body = position + 2
    assert stacked.title_below(lines, body, len(lines)) is not None
    title = "How our district chose its new water board\n+211\n"
    for first in (
        "Last Sunday the district voted, and one list ran.\n+211\n",
        "How our district chose its new water board\n211\n",
        "How our district chose its new water board\n",
    ):
        lines = split_lines(RATED_POST.replace(title, first))
        assert stacked.title_below(lines, body, len(lines)) is None, first
    assert stacked.SIGNED_SCORE.match("37") is None
    assert stacked.SIGNED_SCORE.match("−5") is not None


PLACED = """\
The article above the comments runs on for a while and says a good deal about the vote.

Reader Picks

Olga T.
Kazan
Dec. 5
The count took two days and nobody outside the commission saw the second one.
210 Recommend
Share
Report
1 Reply

Peter Lind
Oslo
Dec. 5
Two days is short by the standards of some regions, and longer than most.
48 Recommend
Share
Report
"""

LIKED_LISTING = """\
Tags / regional politics

Irina Sholt
Feb 3, 2025
Why regional governors stopped talking about budgets on camera
A year of televised meetings shows how the script changed once transfers arrived.
14 likes
Share

Marat Galin
Jan 21, 2025
The quiet end of direct mayoral elections in the Volga region
Only three cities along the river still elect their mayors, and two hold referendums.
9 likes
Share
"""


def test_name_over_place_over_stamp_with_recommend_counts() -> None:
    lines = split_lines(PLACED)
    starts = stamped_header.find_starts(lines)
    headers = stamped_header.parse_headers(lines, starts)
    assert [(h.author, h.n_lines) for h in headers] == [("Olga T.", 3), ("Peter Lind", 3)]


def test_like_counts_under_headlines_are_no_comments() -> None:
    assert stamped_header.find_starts(split_lines(LIKED_LISTING)) == []


def test_two_counts_between_action_rows_are_likes_and_dislikes() -> None:
    text = PLACED.replace("210 Recommend\nShare", "Reply\n24\n3\nShare")
    lines = split_lines(text)
    starts = stamped_header.find_starts(lines)
    header = stamped_header.parse_headers(lines, starts)[0]
    assert (header.upvotes, header.downvotes, header.score) == (24, 3, None)


PAIRED = """\
The article above the comments runs on for a while and says a good deal about the vote.

OkaRiver
6 Apr 2023 07:41
The register is kept by the ministry and not by a court, which is the whole point.
Reply
Report

    Tamsin_W  OkaRiver
    6 Apr 2023 08:02
    Courts were never going to be a protection either, to be fair to the ministry.
    Reply
    Report

    Gleb  Somebody
    6 Apr 2023 08:19
    A second name that no earlier comment bears is part of this one's name line.
    Reply
    Report
"""


def test_a_name_line_naming_an_earlier_commenter_replies_to_them() -> None:
    lines = split_lines(PAIRED)
    starts = stamped_header.find_starts(lines)
    headers = stamped_header.parse_headers(lines, starts)
    assert [(h.author, h.reply_to) for h in headers] == [
        ("OkaRiver", None),
        ("Tamsin_W", "OkaRiver"),
        ("Gleb  Somebody", None),
    ]


MENUS = """\
Community › Boards › World Affairs › Does turnout tell us anything?

Does turnout tell us anything?

AnnaK
Regular Contributor
03-19-2024 09:12 AM
Mark as New
Bookmark
Permalink

The official turnout was a record, and I would like to understand where it came from.

4 Kudos
Reply

MarekH
Frequent Visitor
In response to AnnaK
03-19-2024 11:40 AM
Mark as New
Bookmark
Permalink

Online voting is the one I would watch: it cannot be observed in any meaningful way.

2 Kudos
Reply

Ilse_V
Community Manager
In response to MarekH
03-20-2024 08:30 AM
Mark as New
Bookmark
Permalink

Please link the regional figures if you cite them, so others can check them.

0 Kudos
Reply
"""


def test_a_menu_under_every_stamp_is_part_of_the_header() -> None:
    lines = split_lines(MENUS)
    starts = stamped_header.find_starts(lines)
    headers = stamped_header.parse_headers(lines, starts)
    assert [(h.author, h.n_lines) for h in headers] == [("MarekH", 7), ("Ilse_V", 7)]


def test_a_run_of_short_lines_under_one_stamp_only_is_no_menu() -> None:
    text = MENUS.replace(
        "Mark as New\nBookmark\nPermalink\n\nOnline", "Joined\nPosts\n312\n\nOnline"
    )
    text = text.replace("Mark as New\nBookmark\nPermalink\n\nPlease", "Joined\nPosts\n41\n\nPlease")
    text = text.replace(
        "Mark as New\nBookmark\nPermalink\n\nThe official", "Joined\nPosts\n9\n\nThe"
    )
    assert stamped_header.find_starts(split_lines(text)) == []


AVATAR_LABELS = """\
The council has approved the winter ferry timetable without a public hearing this year.

Join the discussion…

Avatar
Vera Lis
•
2 years ago
edited

The winter timetable was printed before the council voted on it.

7
•
Reply
•
Share ›

Avatar
Oleg Dron
•
2 years ago

It was, and nobody has corrected the copy at the pier since then.

Reply
•
Share ›
"""


def test_avatar_label_over_the_name_is_no_name() -> None:
    lines = split_lines(AVATAR_LABELS)
    starts = stamped_header.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Vera Lis", "Oleg Dron"]
    first = stamped_header.parse_headers(lines, starts)[0]
    assert (first.author, first.edited, first.score) == ("Vera Lis", True, 7)


MONTH_STAMPS = """\
The council has approved the winter ferry timetable without a public hearing this year.

vera_lis
Sep 2021

The winter timetable was printed before the council voted on it, so it cannot be final.

2 Replies
1
Reply
oleg_d
vera_lis
Sep 2021

It was, and nobody has corrected the copy at the pier since then, as far as I know.

Reply
vera_lis
oleg_d
Oct 2021

The copy at the pier was replaced last week, the new one shows the December sailings.

Reply
"""


def test_month_year_stamps_and_the_answered_name_under_the_name() -> None:
    lines = split_lines(MONTH_STAMPS)
    starts = stamped_header.find_starts(lines)
    assert [lines[at].text for at in starts] == ["vera_lis", "oleg_d", "vera_lis"]
    headers = stamped_header.parse_headers(lines, starts)
    assert [(h.author, h.reply_to) for h in headers] == [
        ("vera_lis", None),
        ("oleg_d", "vera_lis"),
        ("vera_lis", "oleg_d"),
    ]
    assert headers[0].age == "Sep 2021"


def test_a_reply_count_is_no_name() -> None:
    """'2 replies' over a name over its stamp closes the comment above; the name opens
    the next header."""
    text = (
        "Olga Berg\nMar 3\n\nThe ferry schedule was cut again this winter, nobody asked.\n\n"
        "Like · Reply\n2 replies\nStas Lind\nMar 3\n\n"
        "They asked last year, and the islanders said the same thing then.\n\nLike · Reply\n"
    )
    lines = split_lines(text)
    starts = stamped_header.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Stas Lind"]  # the first is the post
    assert stamped_header._is_name("Stas Lind")
    assert not stamped_header._is_name("2 replies")


def test_a_user_title_glued_onto_a_handle_is_no_part_of_the_author() -> None:
    assert stamped_header._name("grisha_obsFund Committee") == "grisha_obs"
    assert stamped_header._name("tanya_nnCoordinator") == "tanya_nn"
    assert stamped_header._name("Tamsin_Ward   OkaRiverside") == "Tamsin_Ward   OkaRiverside"
    assert stamped_header._name("McAllister") == "McAllister"
