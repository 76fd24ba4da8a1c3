"""The handle-and-age grammar (link-aggregator comment trees no other grammar reads):
invented snippets, negatives included."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import handle_age
from flows.stages.segment.lines import split_lines

INDENTED = """\
Tidewater Links
The harbour board votes on the night ferry next week (harbour.example.org)
96 points by pier_watcher 6 hours ago | hide | 41 comments

gull_7 5 hours ago | next [-]
The night ferry is the only way the shift workers get home. Cutting it moves them onto the road.
reply

  saltmarsh 4 hours ago | parent | next [-]
  The road is closed half the winter anyway, so this would leave them with nothing at all.
  reply

    gull_7 3 hours ago | parent | next [-]
    That is my point, the board should publish the ridership before it votes on anything.
    reply

ropewalk 2 hours ago | prev [-]
Ridership is published every quarter in the annual report, it is just buried in an appendix.
reply
"""


def test_indented_rows_nest_and_the_byline_heads_the_post() -> None:
    lines = split_lines(INDENTED)
    starts = handle_age.find_starts(lines)
    assert len(starts) == 4
    assert handle_age.nestings(lines, starts) == [0, 2, 4, 0]
    head = handle_age.parse_post(lines[: starts[0]])
    assert head is not None and head.author == "pier_watcher"
    result = segment("0123456789abcdef", INDENTED, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert post["author"] == "pier_watcher"
    assert post["title"] == "The harbour board votes on the night ferry next week"
    comments = result.comments
    assert [c["author"] for c in comments] == ["gull_7", "saltmarsh", "gull_7", "ropewalk"]
    ids = [c["comment_id"] for c in comments]
    assert [c["parent_id"] for c in comments] == [None, ids[0], ids[1], None]
    assert all("reply" not in c["body"].split("\n") for c in comments)


FLAT_PARENT_LINKS = """\
[–]kelp_forest 41 points 2 days ago
The tide tables moved an hour this spring and nobody told the harbour office about it.
permalinkembedsave

[–]brine_shrimp 12 points 2 days ago*
They did tell them, the notice went out by post and sat in a tray for a month.
permalinkembedsaveparent

[–]kelp_forest -3 points 2 days ago
A notice in a tray is not telling anyone, it is covering yourself for later.
permalinkembedsaveparent

[–]dune_grass 7 points 1 day ago
Every harbour I know runs its tables from the same national office anyway.
permalinkembedsave
"""


def test_parent_links_place_replies_in_a_flat_printout() -> None:
    lines = split_lines(FLAT_PARENT_LINKS)
    starts = handle_age.find_starts(lines)
    assert len(starts) == 4
    assert handle_age.nestings(lines, starts) == [0, 1, 2, 0]
    header = handle_age.parse_header(lines, starts[1], starts[2])
    assert (header.author, header.score, header.edited) == ("brine_shrimp", 12, True)


STACKED = """\
  • driftwood@shore.example
    3h

    The lighthouse keeper's cottage is finally open to visitors on weekends this summer.

    ↑ 14 ↓
    reply

    • sandpiper@dunes.example
      2h

      Only the ground floor though, the stairs to the lamp room are still closed off.

      ↑ 5 ↓
      reply

  • tern_colony@shore.example
    1h

    Does anyone know if dogs are allowed on the path out to the point these days?

    ↑ 2 ↓
    reply
"""


def test_stacked_handles_with_scores_under_the_body() -> None:
    lines = split_lines(STACKED)
    starts = handle_age.find_starts(lines)
    headers = [
        handle_age.parse_header(lines, at, end)
        for at, end in zip(starts, [*starts[1:], len(lines)], strict=True)
    ]
    assert [h.author for h in headers] == [
        "driftwood@shore.example",
        "sandpiper@dunes.example",
        "tern_colony@shore.example",
    ]
    assert [h.score for h in headers] == [14, 5, 2]
    assert headers[0].nesting < headers[1].nesting


LISTING = """\
Tidewater Links

The harbour board votes on the night ferry next week
96 points by pier_watcher 6 hours ago | hide | 41 comments

Seal colony returns to the north spit after ten years
54 points by gull_7 8 hours ago | hide | 12 comments

New tide gauge installed at the old customs pier
31 points by saltmarsh 9 hours ago | hide | 5 comments
"""

BYLINES = """\
Harbour notes

kelp_forest 2 days ago
Ferry timetable for the winter

brine_shrimp 3 days ago
Lighthouse opening hours

dune_grass 4 days ago
Tide tables for the spring
"""


def test_listings_and_bylines_over_titles_are_no_thread() -> None:
    assert handle_age.find_starts(split_lines(LISTING)) == []
    assert handle_age.find_starts(split_lines(BYLINES)) == []


COUNTED = """\
[–] heron@marsh.example 22 points 5 days ago (3 children)
The reed beds were cut back too early this year and the warblers had nowhere to nest.
[–] bittern@fen.example 9 points 5 days ago (1 child)
The cutting was ordered before the survey came back, which is the real problem here.
[–] heron@marsh.example 4 points 4 days ago
Then the survey should come first, every year, before anyone books a contractor.
[–] coot@pond.example 3 points 4 days ago
Some of the beds were left standing on the far bank, so not every pair lost out.
[–] grebe@lake.example 6 points 3 days ago
Has anyone counted the nests on the far bank since the cutting finished last month?
"""


def test_reply_counts_place_comments_in_a_flat_printout() -> None:
    lines = split_lines(COUNTED)
    starts = handle_age.find_starts(lines)
    assert handle_age.nestings(lines, starts) == [0, 1, 2, 1, 0]


VOTE_COLUMN = """\
Skip Navigation

The lighthouse keepers want the foghorn schedule published

view all comments ➔

  • keeper_one@harbour.example
    link
    fedilink
    English
    arrow-up
    21
    arrow-down
    3
    ·
    2 days ago

    The horn sounds at random hours now, and the fishing boats cannot plan around it at all.

    • [email protected]
      link
      arrow-up
      9
      ·
      edit-2
      2 days ago

      The schedule exists, it just lives in a binder in the harbour office nobody opens.

      2 more replies

  • tern_watch@coast.example
    bot
    link
    arrow-up
    4
    ·
    1 day ago

    Reminder: please keep the discussion about the schedule, not about the keepers.
"""


def test_a_vote_column_between_the_handle_and_the_age() -> None:
    result = segment("0123456789abcdef", VOTE_COLUMN, None, SegmentConfig())
    assert result.layout == "thread"
    comments = result.comments
    assert [c["author"] for c in comments] == [
        "keeper_one@harbour.example",
        "[email protected]",
        "tern_watch@coast.example",
    ]
    assert [(c["upvotes"], c["downvotes"], c["score"]) for c in comments][:2] == [
        (21, 3, 18),
        (9, 0, 9),
    ]
    assert [c["edited"] for c in comments] == [False, True, False]
    ids = [c["comment_id"] for c in comments]
    assert [c["parent_id"] for c in comments] == [None, ids[0], None]
    assert result.posts[0]["author"] is None  # the first bulleted header is a comment
    bodies = " ".join(c["body"] for c in comments) + result.posts[0]["body"]
    assert "2 more replies" not in bodies and "view all comments" not in bodies


COUNTED_ACTIONS = """\
Harbour Guild
Bill to move the harbour office into the town hall clears its first reading
(harbour-notes.example.net)
38 up and 4 down, posted by @quay_reader 6h ago

@net_mender · 5h ago. 2 points
The office has been in the old customs house for a century, and the move saves nothing.
14 · Reply · Report

    @quay_reader · 5h ago · edited 4h ago
    The customs house roof leaks onto the archive, which is the whole reason for the move.
    9 · Reply · Report

@dock_owl · 3h ago
Nobody asked the fishermen, who use the office every single morning of the season.
5 · Reply · Report
"""


def test_a_count_opening_the_action_row_and_a_byline_after_votes() -> None:
    result = segment("0123456789abcdef", COUNTED_ACTIONS, None, SegmentConfig())
    post = result.posts[0]
    assert post["author"] == "quay_reader"
    assert post["title"] == (
        "Bill to move the harbour office into the town hall clears its first reading"
    )
    comments = result.comments
    assert [c["author"] for c in comments] == ["net_mender", "quay_reader", "dock_owl"]
    assert [c["score"] for c in comments] == [2, 9, 5]
    assert [c["edited"] for c in comments] == [False, True, False]
    assert "harbour-notes.example.net" not in post["body"]


def test_more_links_and_sort_menus_are_chrome() -> None:
    for text in (
        "load more comments (3 replies)",
        "→ More replies (2)",
        "2 more replies",
        "continue this thread",
        "show context ➔",
        "all 12 comments",
        "Sort: Hot | New",
    ):
        assert handle_age.is_chrome(split_lines(text)[0]), text
    assert not handle_age.is_chrome(split_lines("Show me the replies to the ferry board")[0])


def test_header_rows_in_any_order() -> None:
    rows = {
        "12 points by gull_7 3 hours ago | parent": ("gull_7", 12, "3 hours ago"),
        "by gull_7 3 hours ago": ("gull_7", None, "3 hours ago"),
        "posted by gull_7 at 14:05": ("gull_7", None, "14:05"),
        "3 hours ago by gull_7": ("gull_7", None, "3 hours ago"),
        "▲ 4 gull_7 2h ago": ("gull_7", 4, "2h ago"),
        "↑ 12 ↓ gull_7 · 3h": ("gull_7", 12, "3h"),
        "gull_7 · 3h · ↑ 12 ↓": ("gull_7", 12, "3h"),
        "gull_7 | 5 points | 3 hours ago": ("gull_7", 5, "3 hours ago"),
        "gull_7 2 hours ago. 6 points ▲ ▼": ("gull_7", 6, "2 hours ago"),
        "1 point by gull_7 20 minutes ago | root | parent | prev | next | edit | delete [–]": (
            "gull_7",
            1,
            "20 minutes ago",
        ),
        "gull_7 5 hours ago | unvote | prev | next [–]": ("gull_7", None, "5 hours ago"),
        "[–]gull_7 9 insightful 1 fun 6 hours ago": ("gull_7", None, "6 hours ago"),
        "[–]gull_7[M] [score hidden] 6 hours ago stickied comment": ("gull_7", None, "6 hours ago"),
        "[–] gull_7 73 points 3 months ago* (last edited 3 months ago) (1 children)": (
            "gull_7",
            73,
            "3 months ago",
        ),
    }
    for text, expected in rows.items():
        lines = split_lines(text)
        row = handle_age._header(lines, 0)
        assert row is not None, text
        assert (row.author, row.score, row.age) == expected, text
    for text in (
        "3 hours ago",
        "12 hours of protest ended 2 days ago",
        "2 comments by x 3h ago",
        "gull_7 wrote 3 letters 2 days ago",
    ):
        assert handle_age._header(split_lines(text), 0) is None, text


PLACED_BYLINE = """\
r/harbourtown • u/Quay_Keeper • Mar 02 '24

Question What should the harbour board do with the old customs house?

The roof leaks onto the archive and the board keeps postponing the repair to next year.

342 Upvotes
96% Upvoted
41 comments sorted by

u/Net_Mender Mar 02 '24

Sell it to the town museum, they have been asking for a bigger building for a decade.

  u/Quay_Keeper Mar 02 '24

  The museum has no money for the roof either, which is the whole problem with that idea.

u/Dock_Owl Mar 03 '24

Nobody asked the fishermen, who use the office every single morning of the season.
"""


def test_a_community_byline_heads_the_post_with_the_title_under_it() -> None:
    lines = split_lines(PLACED_BYLINE)
    starts = handle_age.find_starts(lines)
    assert len(starts) == 3
    head = handle_age.parse_post(lines[: starts[0]])
    assert head is not None
    assert head.author == "u/Quay_Keeper"
    assert head.title == "What should the harbour board do with the old customs house?"
    assert head.published == "Mar 02 '24"
    chrome = [line.text for line in lines[: starts[0]] if handle_age.is_chrome(line)]
    assert chrome == ["342 Upvotes", "96% Upvoted", "41 comments sorted by"]


HIDDEN_REPLIES = """\
sorted by: hot
[–] pier_one 42 points 5 hours ago (4 children)
The ferry timetable is the real story here, not the fare increase everyone is shouting about.
permalink  embed  save  report  reply
[–] gull_two 17 points 5 hours ago (1 child)
The timetable was set by the harbour board last spring and nobody objected at the time.
permalink  embed  save  parent  report  reply
[–] pier_one 9 points 4 hours ago
Nobody objected because the meeting was announced on a notice board inside a locked office.
permalink  embed  save  parent  report  reply
[+] tern_three 3 points 4 hours ago (1 child)
[–] kelp_four 25 points 4 hours ago (2 children)
The fare increase matters to pensioners, who ride the morning ferry to the market every day.
permalink  embed  save  report  reply
[–] gull_two 6 points 3 hours ago (1 child)
Pensioners ride free on the morning boat, that was settled in the same vote as the timetable.
permalink  embed  save  parent  report  reply
load more comments (1 reply)
[–] dune_five -2 points 2 hours ago
Most of the regulars moved to the bus years ago, so this barely changes anything for them.
permalink  embed  save  report  reply
"""


def test_collapsed_and_unloaded_replies_still_count_in_their_ancestors() -> None:
    lines = split_lines(HIDDEN_REPLIES)
    starts = handle_age.find_starts(lines)
    assert len(starts) == 7
    assert handle_age.nestings(lines, starts) == [0, 1, 2, 1, 0, 1, 0]


CONTEXT_CHAIN = """\
Show parent comments

u/pier_one 12 points Sep 22 '22

The ferry timetable is the real story here, not the fare increase everyone is shouting about.

u/gull_two 5 points Sep 22 '22

The timetable was set by the harbour board last spring and nobody objected at the time.

u/pier_one 3 points Sep 23 '22

Nobody objected because the meeting was announced on a notice board inside a locked office.
"""


def test_a_flat_permalink_chain_is_one_line_of_replies() -> None:
    lines = split_lines(CONTEXT_CHAIN)
    starts = handle_age.find_starts(lines)
    assert handle_age.nestings(lines, starts) == [0, 1, 2]
    flat = split_lines(CONTEXT_CHAIN.replace("Show parent comments", "All comments"))
    assert handle_age.nestings(flat, handle_age.find_starts(flat)) == [0, 0, 0]


DISPLAY_OVER_HANDLE = """\
Harbour Talk
!harbour@talk.example

The harbour board will vote on the night ferry timetable next week

Ada Pierce
@ada@talk.example · 11h

The board published the draft timetable on Friday, and the night crossing is gone from it.

▲ 18 ▼
Reply

Kira
@kira@port.example
· 10h

The night crossing carries the hospital shift home, so dropping it moves them onto the road.

▲ 12 ▼
Reply

    Ada Pierce
    @ada@talk.example
    · 9h

    The hospital asked for a bus instead, which the board has not answered at all so far.

    ▲ 4 ▼
    Reply

tern_watch
@tern_watch@coast.example
· 8h

The road is closed half the winter anyway, so a bus would not help the shift much either.

▲ 2 ▼
Reply
"""


def test_a_display_name_over_its_handle_names_the_author() -> None:
    lines = split_lines(DISPLAY_OVER_HANDLE)
    starts = handle_age.find_starts(lines)
    head = handle_age.parse_post(lines[: starts[0]])
    assert head is not None and head.author == "Ada Pierce"
    headers = [handle_age.parse_header(lines, at, len(lines)) for at in starts]
    assert [h.author for h in headers] == ["Kira", "Ada Pierce", "tern_watch"]
    assert [h.score for h in headers] == [12, 4, 2]
    assert handle_age.nestings(lines, starts) == [0, 4, 0]


REPEATED_BYLINE = """\
Want to join? Log in or sign up in seconds.
English
submitted 9 hours ago by quay_reader

The harbour board moved the night ferry vote to next week again (self.harbour)
submitted 9 hours ago by quay_reader
"""


def test_the_byline_under_the_title_heads_the_post_and_its_copy_is_chrome() -> None:
    lines = split_lines(REPEATED_BYLINE)
    head = handle_age.parse_post(lines)
    assert head is not None
    assert head.title == "The harbour board moved the night ferry vote to next week again"
    assert head.author == "quay_reader"
    assert lines[2].index in head.chrome_lines


def test_a_bulleted_display_name_spaced_from_its_instance() -> None:
    lines = split_lines("  • Ada Pierce @talk.example\n    2 years ago\n")
    row = handle_age._header(lines, 0)
    assert row is not None and row.author == "Ada Pierce@talk.example"


SCORED_ROWS = """\
       7
       [-] dkrylov 15 hours ago | link | flag
       The search form simply returns fewer rows for the same filters now.
            4
            [-] oksana_p 14 hours ago | link | flag
            The appellate level is untouched, which says a lot about it.
                 2
[-] min_haeng edited 12 hours ago | link | flag
                 The vendor shipped an update in February with a visibility switch.
       3
       [-] vera_tsoi 11 hours ago | link | flag
       Does anyone keep dated snapshots of the district portals?
"""


def test_a_score_above_a_header_row_keeps_the_depth_the_row_lost() -> None:
    lines = split_lines(SCORED_ROWS)
    starts = handle_age.find_starts(lines)
    assert [lines[at].text for at in starts] == ["7", "4", "2", "3"]
    assert handle_age.nestings(lines, starts) == [7, 12, 17, 7]


def test_a_score_at_its_row_s_depth_changes_nothing() -> None:
    text = SCORED_ROWS.replace("\n[-] min_haeng", "\n                 [-] min_haeng")
    lines = split_lines(text)
    starts = handle_age.find_starts(lines)
    assert handle_age.nestings(lines, starts) == [7, 12, 17, 7]
    shallow = split_lines(text.replace("                 2\n", "2\n"))
    assert handle_age.nestings(shallow, handle_age.find_starts(shallow)) == [7, 12, 17, 7]


def test_a_badge_glued_to_the_instance_marks_the_poster() -> None:
    row = handle_age._header(split_lines("  • pier_watcher@talk.exampleOP\n    2 years ago\n"), 0)
    assert row is not None and (row.author, row.is_op) == ("pier_watcher@talk.example", True)
    row = handle_age._header(split_lines("  • pier_watcher@talk.example\n    2 years ago\n"), 0)
    assert row is not None and not row.is_op


def test_a_bar_between_the_score_and_the_poster() -> None:
    text = "Harbour board votes on the night ferry\n96 points | by pier_watcher 6 hours ago\n"
    head = handle_age.parse_post(split_lines(text))
    assert head is not None and head.author == "pier_watcher"
    assert handle_age.SUBMITTED.match("96 points | 41 comments") is None


STATUS_PAGE = """\
Harbourside Social
Timelines   Explore   Log in

Conversation

Edda Rask
@edda
3h

The harbour board moved the night ferry vote to next month, after the shift workers filled the public gallery for the second time.

Tomas Verne
@tverne@social.example.net
Reply to @edda
2h

Did they say why? The agenda still lists the vote for Thursday on the board's own page.

Edda Rask
@edda
Reply to @tverne
2h

The chair said the ridership figures were not ready, which is the first time anyone admitted they exist.

Ilse Maar
ilse@quay.example.org
1h via ActivityPub

@tverne the page is updated on Fridays only, so Thursday's agenda is always a week behind.
"""


def test_status_page_display_names_over_handles() -> None:
    """Display names over handles (with or without '@', a reply note between handle and
    stamp, a client after the stamp): the first status heads the page, notes and
    addresses name the parent by handle."""
    result = segment("0123456789abcdef", STATUS_PAGE, None, SegmentConfig())
    assert result.layout == "thread"
    assert result.posts[0]["author"] == "Edda Rask"
    comments = result.comments
    assert [c["author"] for c in comments] == ["Tomas Verne", "Edda Rask", "Ilse Maar"]
    ids = [c["comment_id"] for c in comments]
    assert [c["parent_id"] for c in comments] == [None, ids[0], ids[0]]
    assert all("Reply to" not in c["body"] for c in comments)


def test_display_name_over_a_sentence_is_no_header() -> None:
    """A capitalised line over an address-like line and a stamp is a header only where
    the address is a handle alone on its line."""
    text = "Edda Rask\n@edda wrote this three hours ago.\n3h\n"
    assert handle_age._displayed(split_lines(text), 0) is None


def test_a_date_opening_a_row_is_no_score() -> None:
    """A page head's capture range ('14 Sep 2012 - 02 Dec 2016') is no scored header."""
    assert handle_age._row("14 Sep 2012 - 02 Dec 2016") is None


def test_a_software_footer_is_no_header() -> None:
    """A name over its version and an age ('Quayside 2024.03 - 14 minutes ago') is the
    page's footer; 'Like  Dislike  Reply' is a button row."""
    assert handle_age._row("Quayside 2024.03 - 14 minutes ago") is None
    assert handle_age.is_chrome(split_lines("Like  Dislike  Reply")[0])


MARKDOWN_EXPORT = """\
- **u/quay_keeper** · 41 points · 2024-09-11 15:05 UTC

  The night ferry carries most of the hospital's late shift, which is why the board keeps postponing the vote.

  - **u/tidewatcher** (OP) · 12 points · 2024-09-11 15:20 UTC

    That fits with what the union said at the last hearing about the rota.

- **u/netmaker** · 5 points · 2024-09-12 09:30 UTC

  Nobody on the board has taken the ferry at night, which says a lot about how this was decided.
"""


def test_markdown_export_bold_names_under_list_dashes() -> None:
    """A Markdown export's comments: a list dash, the name in bold, nested lists."""
    lines = split_lines(MARKDOWN_EXPORT)
    starts = handle_age.find_starts(lines)
    assert len(starts) == 3
    assert handle_age.nestings(lines, starts) == [0, 2, 0]
    row = handle_age._read(lines, starts[1])
    assert row is not None and row.author == "u/tidewatcher"


BYLINE_UNDER_TEXT = """\
Why the harbour board keeps delaying the night ferry vote

The board has postponed the vote three times now, each time citing figures nobody has seen. The shift workers who rely on the ferry have started coming to every meeting.

quay_keeper  ·  2 days ago  ·  link  ·

Comments

tidewatcher  ·  2 days ago  ·  link  ·

The figures exist, the port authority published a summary of them in the spring report.

    quay_keeper  ·  1 day ago  ·  link  ·

    Only the yearly total, which says nothing about the night crossings in particular.

netmaker  ·  1 day ago  ·  link  ·

A vote postponed three times is a vote the board expects to lose in public.
"""


def test_byline_under_the_post_text_heads_the_post() -> None:
    """A header under the post's text, over the comment section's heading, is the post's
    byline, no comment."""
    result = segment("0123456789abcdef", BYLINE_UNDER_TEXT, None, SegmentConfig())
    assert result.layout == "thread"
    assert result.posts[0]["author"] == "quay_keeper"
    assert [c["author"] for c in result.comments] == ["tidewatcher", "quay_keeper", "netmaker"]
