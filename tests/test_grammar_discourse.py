"""Labelled cases for the Discourse comment-header grammar (invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import discourse
from flows.stages.segment.lines import Line, split_lines

CRAWLER = """\
Tram fares and the city budget - Local Politics - Riverside Forum

Tram fares and the city budget

Local Politics

fares-2024

ola_m

March 3, 2024,  8:33pm

1

The council wants to raise tram fares again. Has anyone seen the budget tables?

2 Likes

petr.k
(Petr Kuznetsov)

March 3, 2024,  9:10pm

2

ola_m:

Has anyone seen the budget tables?

They are in the annex, page forty, under transport subsidies.

3 Likes

ola_m

March 4, 2024, 10:02am

3

Found them, thank you.

next page →

Powered by Discourse, best viewed with JavaScript enabled
"""

PAGE_TWO = """\
Tram fares and the city budget - Local Politics - Riverside Forum

Tram fares and the city budget

Local Politics

vera_n

March 9, 2024,  1:15pm

21

The vote is next Thursday, in the small hall.

1 Like

ola_m

March 9, 2024,  2:40pm

22

I will be there.
"""

GLUED = """\
Tram fares and the city budget - Local Politics - Riverside Forum
Tram fares and the city budget
Local PoliticsOla_M March 3, 2024,  8:33pm1
The council wants to raise tram fares again. Has anyone seen the budget tables?
2 Likespetr.k March 3, 2024,  9:10pm2
They are in the annex, page forty, under transport subsidies.
4 LikesOla_M March 4, 2024, 10:02am3
Found them, thank you.
1 LikePowered by Discourse, best viewed with JavaScript enabled
"""

SCREEN_READER = """\
Tram fares and the city budget

Local Politics

You have selected 0 posts.

1 / 3

post by ola_m on Mar 3, 2024

Ola Mironova ola_m Admin

Mar 2024

The council wants to raise tram fares again. Has anyone seen the budget tables?

7

post by petr.k on Mar 3, 2024

Petr Kuznetsov petr.k

Mar 2024

They are in the annex, page forty, under transport subsidies.

5

1 Reply

post by vera_n on Mar 4, 2024

vera_n

petr.k

2

Mar 2024

Thanks, the subsidy line is smaller than last year.

3

Related topics
"""

LEGACY = """\
Tram fares and the city budget

The council wants to raise tram fares again. Has anyone seen the budget tables?

7

Reply

120views9likes2links3users

petr.kTransport Desk

Mar 2024

They are in the annex, page forty, under transport subsidies.

1 Reply

5

Reply

vera_n

petr.k

Mar 2024

Thanks, the subsidy line is smaller than last year.

3

Reply
"""

ARTICLE = """\
By Ola Mironova

March 3, 2024, 8:33pm

The council met on Monday.

- fares rise by ten percent
- night trams are cut

Reply
"""

OTHER_COMMENTS = """\
ola_m

5 days ago

The council wants to raise tram fares again.

Reply

petr.k

4 days ago

They are in the annex.

Reply
"""


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


def position_of(lines: list[Line], text: str, nth: int = 0) -> int:
    found = [at for at, line in enumerate(lines) if line.text == text]
    return found[nth]


@pytest.mark.parametrize(
    ("label", "text", "authors"),
    [
        ("crawler: post 1 is the opening post", CRAWLER, ["petr.k", "ola_m"]),
        ("crawler page 2: every post is a comment", PAGE_TWO, ["vera_n", "ola_m"]),
        ("glued crawler view", GLUED, ["petr.k", "Ola_M"]),
        ("screen-reader view", SCREEN_READER, ["petr.k", "vera_n"]),
        ("older view: the opening post has no header", LEGACY, ["petr.k", "vera_n"]),
    ],
)
def test_find_starts_and_authors(label: str, text: str, authors: list[str]) -> None:
    lines = lines_of(text)
    starts = discourse.find_starts(lines)
    ends = [*starts[1:], len(lines)]
    found = [discourse.parse_header(lines, s, e).author for s, e in zip(starts, ends, strict=True)]
    assert found == authors, label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("article with a byline, a stamp-like date and a list", ARTICLE),
        ("another front-end: relative ages and Reply links", OTHER_COMMENTS),
        ("prose mentioning a post by someone", "A post by ola on March 3, 2024 said so.\n"),
        ("a lone name over a date", "ola_m\n\nMarch 3, 2024,  8:33pm\n\nThe council met.\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert discourse.find_starts(lines_of(text)) == [], label


def test_crawler_header_fields() -> None:
    lines = lines_of(CRAWLER)
    start, end = discourse.find_starts(lines)
    header = discourse.parse_header(lines, start, end)
    assert header.published == "March 3, 2024,  9:10pm"
    assert header.score == 3
    assert header.nesting == 0
    assert lines[start + header.n_lines - 1].text == "2"  # the post number closes the header


def test_glued_likes_belong_to_the_post_above() -> None:
    lines = lines_of(GLUED)
    starts = discourse.find_starts(lines)
    first = discourse.parse_header(lines, starts[0], starts[1])
    last = discourse.parse_header(lines, starts[1], len(lines))
    assert (first.score, last.score) == (4, 1)
    assert first.n_lines == 1


def test_screen_reader_reply_to_and_revision() -> None:
    lines = lines_of(SCREEN_READER)
    start = position_of(lines, "post by vera_n on Mar 4, 2024")
    hit = discourse.headers(lines)[-1]
    parsed = discourse.read_header(lines, hit, len(lines))
    assert (parsed.author, parsed.reply_to, parsed.revision) == ("vera_n", "petr.k", 2)
    header = discourse.parse_header(lines, start, len(lines))
    assert header.edited and header.edit_count == 1
    assert header.score == 3  # the count above "Related topics"


def test_legacy_reply_to() -> None:
    lines = lines_of(LEGACY)
    hit = discourse.headers(lines)[-1]
    assert discourse.read_header(lines, hit, len(lines)).reply_to == "petr.k"


@pytest.mark.parametrize(
    ("label", "text", "known", "expected"),
    [
        ("lower-case name, title glued on", "grisha_obsFund Committee", (), ("grisha_obs", "Fund Committee")),
        ("a name shown alone elsewhere", "Grisha_ObsFund Committee", ("Grisha_Obs",), ("Grisha_Obs", "Fund Committee")),
        ("capitalised name without a flair", "Oksana_Lebed", (), ("Oksana_Lebed", None)),
        ("camel-case name, no flair", "MaxPower", (), ("MaxPower", None)),
    ],
)  # fmt: skip
def test_split_flair(
    label: str, text: str, known: tuple[str, ...], expected: tuple[str, str | None]
) -> None:
    assert discourse.split_flair(text, known) == expected, label


def test_quote_lines_need_a_name_from_the_page() -> None:
    lines = lines_of(CRAWLER)
    quoted = discourse.quote_lines(lines, 0, len(lines))
    assert [lines[index].text for index in sorted(quoted)] == ["Has anyone seen the budget tables?"]
    prose = lines_of("Two questions:\n\nwhy now, and who pays?\n")
    assert discourse.quote_lines(prose, 0, len(prose)) == set()


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("3 Likes", True),
        ("1 Like", True),
        ("Reply", True),
        ("1 Reply", True),
        ("12 days later", True),
        ("212views27likes3links5users", True),
        ("2.3k views 95 likes 1 link 4 users", True),
        ("read 6 min", True),
        ("You have selected 0 posts.", True),
        ("Powered by Discourse, best viewed with JavaScript enabled", True),
        ("next page →", True),
        ("Related topics", True),
        ("The reply came three days later than promised.", False),
        ("I liked the report a lot.", False),
        ("(post deleted by author)", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert discourse.is_chrome(split_lines(text)[0]) is chrome


def test_parse_post_crawler_and_stub() -> None:
    lines = lines_of(CRAWLER)
    head = discourse.parse_post(lines[: discourse.find_starts(lines)[0]])
    assert head is not None
    assert (head.title, head.author, head.published) == (
        "Tram fares and the city budget",
        "ola_m",
        "March 3, 2024,  8:33pm",
    )
    page_two = lines_of(PAGE_TWO)
    stub = discourse.parse_post(page_two[: discourse.find_starts(page_two)[0]])
    assert stub is not None and stub.title == "Tram fares and the city budget"
    assert stub.author is None


def test_end_to_end_crawler() -> None:
    result = segment("0123456789abcdef", CRAWLER, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"]) == (
        "thread_post",
        "Tram fares and the city budget",
        "ola_m",
    )
    assert post["published_date"] == "2024-03-03"
    assert "Has anyone seen the budget tables?" in post["body"]
    assert [c["author"] for c in result.comments] == ["petr.k", "ola_m"]
    assert [c["score"] for c in result.comments] == [3, None]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("2 Likes", "next page", "Powered by Discourse", "fares-2024"):
        assert chrome not in bodies


LEGACY_FULL_NAMES = """\
Harbour Commons
You have selected 0 posts.
select all
cancel selecting
Who audits the ferry subsidy?
Transport
1 / 4
Mar 2024
vera_n
Vera Nikolaeva
Mar 2024

The ferry company received a subsidy again this year. Does anyone know who checks the accounts?

Solved by petr.k in post #3
Reply
petr.k
Petr Kalinin
Regular
Mar 2024

The regional audit chamber, once a year. Their reports are on the chamber's site.

Solution
4
Reply
tanya_o
vera_n
Mar 2024

vera_n said:

Does anyone know who checks the accounts?

Nobody in the council, that much is sure.

2
Reply
closed Apr 2024
This topic was automatically closed 30 days after the last reply. New replies are no longer allowed.
Powered by Discourse, best viewed with JavaScript enabled
"""


def test_legacy_full_name_title_said_quotes_and_topic_events() -> None:
    """Older view with '<username>' over '<Full Name>' [over '<Title>']: the username is the
    author, the opening post is read, '<name> said:' opens a quote, events are chrome."""
    result = segment(doc_id="0123456789abcdef", text=LEGACY_FULL_NAMES, layout_hint=None,
                     config=SegmentConfig())  # fmt: skip
    post = result.posts[0]
    assert (post["title"], post["author"]) == ("Who audits the ferry subsidy?", "vera_n")
    assert post["body"].startswith("The ferry company received a subsidy")
    assert [(c["author"], c["score"]) for c in result.comments] == [
        ("petr.k", 4),
        ("tanya_o", 2),
    ]
    text = " ".join(c["body"] for c in result.comments) + post["body"]
    for chrome in ("Solved by", "Solution", "closed Apr", "automatically closed", "Regular"):
        assert chrome not in text
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Does anyone know who checks the accounts?"]
