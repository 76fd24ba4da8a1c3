"""The mlmym / old-reddit comment-header grammar: labelled cases on invented snippets,
negatives included, and one page end to end."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import mlmym
from flows.stages.segment.lines import split_lines

MLMYM_PAGE = """\
this post was submitted on 04 Feb 2024
57 points (90.1% liked)

Rail Freight

12040 readers
311 users here now

Talk about trains, ports and the roads between them.

Rules:

Stay on the subject of the thread.

founded 2 years ago
MODERATORS

    wagon_master@lemmy.world

Rail timetable to the eastern ports cut again (lemmy.world)

submitted 3 months ago by depot_clerk@lemmy.ml to c/rail@lemmy.world

The winter timetable drops two freight slots a day on the eastern line.

top 20 comments
sorted by: hot top controversial new old
[-] signal_box@feddit.de 40 points 3 months ago (3 children)

The slots were never used in winter anyway.

[-] depot_clerk@lemmy.ml 12 points 3 months ago (1 children)

They were used every January I can remember.

[-] signal_box@feddit.de 3 points 3 months ago

Then the ledger at my yard is wrong.

load more comments (1 replies)
[+] coal_hopper@lemmy.ml -8 points 3 months ago

[deleted]

[-] axle_count@lemmy.world 9 points 3 months ago* (last edited 2 months ago)

Compare with the summer table before deciding.
"""

OLD_REDDIT_PAGE = """\
jump to content
my subreddits
this post was submitted on 11 Jun 2023
18 points (80% upvoted)
MODERATORS
    Sample_Mod
account activity

18

Why did the tram line close?Transport (self.cities)

submitted 5 hours ago by Tram_Rider[S]

The line ran for sixty years and then stopped without a word.

all 4 comments
sorted by: best
[–]Depot_Night 7 points 4 hours ago

The depot was sold.

    permalinkembedsavereportreply

[–]Tram_Rider[S] 3 points 4 hours ago*

Sold to whom?

    permalinkembedsaveparentreportreply

[+]Quiet_Lane comment score below threshold  (0 children)

[–]Ring_Road 2 points 3 hours ago

Check the city council minutes.

    permalinkembedsavereportreply

    about
    help
REDDIT and the ALIEN Logo are trademarks registered by reddit inc.
"""


def lines_of(text: str) -> list:
    return split_lines(text)


@pytest.mark.parametrize(
    ("label", "text", "author", "score", "edited", "children", "collapsed"),
    [
        (
            "mlmym spaced",
            "[–] kit@lemmy.ml 75 points 2 months ago (4 children)",
            "kit@lemmy.ml",
            75,
            False,
            4,
            False,
        ),
        (
            "old reddit glued, edited",
            "[–]Name_1 12 points 3 hours ago*",
            "Name_1",
            12,
            True,
            None,
            False,
        ),
        ("hyphen toggle", "[-] a-b@x.org 1 points 1 year ago", "a-b@x.org", 1, False, None, False),
        (
            "collapsed, no score",
            "[+][deleted] 4 years ago (1 child)",
            "[deleted]",
            None,
            False,
            1,
            True,
        ),
        (
            "score hidden, badge",
            "[–]Bot[M] [score hidden] 6 hours ago stickied comment",
            "Bot",
            None,
            False,
            None,
            False,
        ),
        (
            "below threshold",
            "[+]Low_One comment score below threshold  (0 children)",
            "Low_One",
            None,
            False,
            0,
            True,
        ),
        (
            "flair before score",
            "[–]reader🇷🇺 Kazan 17 points 5 hours ago",
            "reader",
            17,
            False,
            None,
            False,
        ),
        (
            "last edited",
            "[–] x@y.zz -3 points 1 day ago* (last edited 2 hours ago)",
            "x@y.zz",
            -3,
            True,
            None,
            False,
        ),
        (
            "edited, no 'last'",
            "[–]Tambov_Wolf 21 points 2 years ago* (edited 2 years ago)",
            "Tambov_Wolf",
            21,
            True,
            None,
            False,
        ),
    ],
)
def test_read_header(
    label: str,
    text: str,
    author: str,
    score: int | None,
    edited: bool,
    children: int | None,
    collapsed: bool,
) -> None:
    tag = mlmym.read_header(text)
    assert tag is not None, label
    assert (tag.author, tag.score, tag.edited, tag.children, tag.collapsed) == (
        author,
        score,
        edited,
        children,
        collapsed,
    ), label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("hacker news header ends with the toggle", "someone 3 hours ago | parent | next [–]"),
        ("checkbox list item", "[+] Added the export button"),
        ("changelog with a number", "[-] Removed 3 deprecated options"),
        ("bracketed note in prose", "[–] see the note above, 5 points were raised at the time"),
        ("plain byline", "By Anna Petrova, 3 hours ago"),
    ],
)
def test_read_header_negative(label: str, text: str) -> None:
    assert mlmym.read_header(text) is None, label


@pytest.mark.parametrize(
    ("label", "text", "chrome"),
    [
        ("glued button row", "permalinkembedsaveparentreportreply", True),
        ("spaced button row", "permalink embed save report reply", True),
        ("one button a line", "parent", True),
        ("load more", "load more comments (3 replies)", True),
        ("sidebar readers", "38511 readers", True),
        ("sidebar users", "2140 users here now", True),
        ("moderators heading", "MODERATORS", True),
        ("sorted by", "sorted by: hot top controversial new old", True),
        ("vote summary", "212 points (94.7% liked)", True),
        ("glued comment count", "41 commentssharesavehidereportcrosspost", True),
        ("founded", "founded 1 year ago", True),
        ("sidebar stats", "this post was submitted on 15 Mar 2024", True),
        ("single thread warning", "you are viewing a single comment's thread", True),
        ("rest of the comments", "view the rest of the comments →", True),
        ("comment menu", "all 12 comments", True),
        ("user bar", "Someone (12)|messages|notifications|", True),
        (
            "reddit footer",
            "REDDIT and the ALIEN Logo are trademarks registered by reddit inc.",
            True,
        ),
        ("archive placeholder", "[likely removed by automoderator]", True),
        ("removed placeholder", "[removed]", True),
        ("prose in brackets", "[removed the link at the mods' request]", False),
        ("prose mentioning a permalink", "Use the permalink next time, please.", False),
        ("sentence about readers", "The paper has 5000 readers in the region.", False),
        ("edit note in a body", "Edit: spelling.", False),
        ("markdown table", "| year | turnout | share |", False),
    ],
)
def test_is_chrome(label: str, text: str, chrome: bool) -> None:
    assert mlmym.is_chrome(lines_of(text)[0]) is chrome, label


def test_find_starts_needs_the_header_shape() -> None:
    article = (
        "Changes in this release\n\n[+] Added the export button\n[-] Removed 3 options\n\n"
        "By Anna Petrova\n\nThe release is out.\n"
    )
    assert mlmym.find_starts(lines_of(article)) == []
    hacker_news = "someone 3 hours ago | next [–]\n\nA comment.\n\nother 1 hour ago | prev [–]"
    assert mlmym.find_starts(lines_of(hacker_news)) == []
    lemmy_ui = "  • user@lemmy.ml\n    link\n    fedilink\n    3 years ago\n\n    Text.\n"
    assert mlmym.find_starts(lines_of(lemmy_ui)) == []


def test_one_header_needs_a_button_row() -> None:
    alone = "Notes\n\n[–]Name_1 12 points 3 hours ago\n\nA remark.\n"
    assert mlmym.find_starts(lines_of(alone)) == []
    with_row = alone + "permalinkembedsave\n"
    assert mlmym.find_starts(lines_of(with_row)) == [2]


def test_depths_from_child_counts_and_load_more() -> None:
    lines = lines_of(MLMYM_PAGE)
    starts = mlmym.find_starts(lines)
    depths = mlmym.nestings(lines, starts)
    assert depths == [0, 1, 2, 0, 0]


def test_depths_from_old_reddit_button_rows() -> None:
    lines = lines_of(OLD_REDDIT_PAGE)
    starts = mlmym.find_starts(lines)
    depths = mlmym.nestings(lines, starts)
    assert depths == [0, 1, 0, 0]


def test_button_row_before_load_more_still_tells() -> None:
    row = "permalinkembedsaveparentreport"
    text = (
        "[–]First_One 5 points 1 day ago\nA remark.\npermalinkembedsave\n"
        f"[–]Second_One 3 points 1 day ago\nA reply.\n{row}\n"
        f"[–]Third_One 2 points 1 day ago\nA reply to the reply.\n{row}\n"
        "load more comments (2 replies)\nabout\nhelp\n"
    )
    lines = lines_of(text)
    starts = mlmym.find_starts(lines)
    assert mlmym.nestings(lines, starts) == [0, 1, 2]
    top = text.replace(f"reply.\n{row}\nload", "reply.\npermalinkembedsave\nload")
    lines = lines_of(top)
    assert mlmym.nestings(lines, starts) == [0, 1, 0]


def test_collapsed_comment_shows_no_children() -> None:
    text = (
        "[+][deleted] 4 years ago (2 children)\n\n"
        "[–]Next_One 3 points 4 years ago\nA remark.\npermalinkembedsave\n"
    )
    lines = lines_of(text)
    assert mlmym.nestings(lines, [0, 2]) == [0, 0]


def test_clean_title() -> None:
    assert mlmym.clean_title("Why did it close?Transport (self.cities)") == "Why did it close?"
    assert mlmym.clean_title("Rail timetable cut (lemmy.world)") == "Rail timetable cut"
    assert mlmym.clean_title("Interview with A.Navalny (self.news)") == ("Interview with A.Navalny")
    assert mlmym.clean_title("Talks with McDonald") == "Talks with McDonald"


def test_parse_post_reads_the_tagline_and_the_sidebar() -> None:
    lines = lines_of(MLMYM_PAGE)
    head = mlmym.parse_post(lines[: mlmym.find_starts(lines)[0]])
    assert head is not None
    assert head.title == "Rail timetable to the eastern ports cut again"
    assert head.author == "depot_clerk@lemmy.ml"
    assert head.published == "04 Feb 2024"
    texts = {lines[index].text for index in head.meta_lines}
    assert {"Rail Freight", "Stay on the subject of the thread."} <= texts


def test_parse_post_nothing_known() -> None:
    assert mlmym.parse_post(lines_of("Just a line of text.\n")) is None


def test_end_to_end_mlmym_page() -> None:
    result = segment("0123456789abcdef", MLMYM_PAGE, None, SegmentConfig())
    assert result.layout == "thread"
    (post,) = result.posts
    assert post["kind"] == "thread_post"
    assert post["title"] == "Rail timetable to the eastern ports cut again"
    assert post["author"] == "depot_clerk@lemmy.ml"
    assert post["published_date"] == "2024-02-04"
    assert "two freight slots" in post["body"]
    assert "readers" not in post["body"] and "Rules" not in post["body"]
    comments = result.comments
    assert [c["author"] for c in comments] == [
        "signal_box@feddit.de",
        "depot_clerk@lemmy.ml",
        "signal_box@feddit.de",
        "coal_hopper@lemmy.ml",
        "axle_count@lemmy.world",
    ]
    assert [c["depth"] for c in comments] == [0, 1, 2, 0, 0]
    assert [c["score"] for c in comments] == [40, 12, 3, -8, 9]
    assert comments[4]["edited"] is True
    assert comments[0]["instance"] == "feddit.de"
    bodies = " ".join(c["body"] for c in comments)
    assert "load more comments" not in bodies
    dropped = {row["text"] for row in result.dropped}
    assert {"load more comments (1 replies)", "sorted by: hot top controversial new old"} <= dropped


def test_end_to_end_old_reddit_page() -> None:
    result = segment("0123456789abcdef", OLD_REDDIT_PAGE, None, SegmentConfig())
    (post,) = result.posts
    assert post["title"] == "Why did the tram line close?"
    assert post["author"] == "Tram_Rider"
    assert post["published_date"] == "2023-06-11"
    assert post["body"] == "The line ran for sixty years and then stopped without a word."
    comments = result.comments
    assert [c["parent_id"] is None for c in comments] == [True, False, True, True]
    assert comments[1]["is_op"] is True and comments[1]["edited"] is True
    assert comments[2]["score"] is None and comments[2]["body"] == ""
    bodies = " ".join(c["body"] for c in comments)
    assert "permalink" not in bodies and "ALIEN" not in bodies and "about" not in bodies


def test_article_with_brackets_stays_an_article() -> None:
    text = (
        "Release notes for the archive tool\n\n"
        "By Anna Petrova\n\n"
        "[+] Added the export button\n"
        "[-] Removed 3 deprecated options\n\n"
        "The archive tool now writes one file per issue, and the old options are gone.\n"
    )
    assert segment("0123456789abcdef", text, None, SegmentConfig()).layout != "thread"
