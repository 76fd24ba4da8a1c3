"""The lemmy-ui comment-header grammar: labelled cases on invented snippets, negatives
included, and pages end to end (a comment permalink page, score-only counters, scores
glued to the age, badges, the community sidebar)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import lemmy
from flows.stages.segment.lines import Line, split_lines

VOTES_THREAD = """\
A post body that says what the thread is about.

  • first_user@lemmy.mlOP
    link
    fedilink
    arrow-up
    30
    arrow-down
    2
    ·
    edit-2
    3 years ago

    A top comment.

    • second@lemmygrad.ml
      link
      fedilink
      English
      arrow-up
      10
      ·
      3 years ago

      A reply.
"""

PERMALINK_PAGE = """\
Skip Navigation

Ferry timetable cut on the northern route

      • harbour_cat@lemmy.world
        link
        fedilink
        English
        arrow-up
        8
        arrow-down
        1
        ·
        4 months ago

        The winter ferry always runs half empty.

        • dock_gull@feddit.org
          link
          fedilink
          English
          arrow-up
          3
          ·
          4 months ago

          Not on Fridays.
"""

SCORE_ONLY_PAGE = """\
Skip Navigation

Grain export quotas extended into the spring

  • tovarisch_ivan@hexbear.netOP
    link
    fedilink
    25
    ·
    2 years ago

    The quota was always going to be extended.

    • birch_reader@lemmygrad.ml M
      link
      fedilink
      English
      -1
      ·
      2 years ago

      Not so sure, the ministry floated a cut.

      • tovarisch_ivan@hexbear.net
        OP
        link
        fedilink
        0
        ·
        edit-2
        2 years ago

        deleted by creator

  • steppe_fox@hexbear.netA
    link
    fedilink
    51 year ago

    Removed by mod

  • volga_ferry@lemmy.ml
    link
    fedilink
    142 years ago

    Shipping rates through the southern ports doubled.

  • kama_bridge@lemmy.world
    link
    fedilink
    -12 years ago

    The port numbers are seasonal.
"""

SIDEBAR_PAGE = """\
Skip Navigation
Grain Politics
48210 readers
3434 users here now
A place to talk about harvests and markets.
Rules:
Be civil to each other.
founded 2 years ago
MODERATORS
    field_mod@hexbear.net

Harvest estimates revised down again

  • field_one@hexbear.net
    link
    fedilink
    4
    ·
    1 year ago

    Dry spring in the south.

  • field_two@hexbear.net
    link
    fedilink
    7
    ·
    1 year ago

    The north made up for it.

!grain@hexbear.net
"""


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


def headers(text: str) -> list[lemmy.Header]:
    lines = lines_of(text)
    starts = lemmy.find_starts(lines)
    ends = [*starts[1:], len(lines)]
    return [lemmy.parse_header(lines, start, end) for start, end in zip(starts, ends, strict=True)]


@pytest.mark.parametrize(
    ("label", "text", "count"),
    [
        ("arrow counters", VOTES_THREAD, 2),
        ("permalink page", PERMALINK_PAGE, 2),
        ("score-only counters, badges, glued ages", SCORE_ONLY_PAGE, 6),
        ("sidebar page", SIDEBAR_PAGE, 2),
        ("badge on its own line", "  • name@x.org\n    OP\n    link\n    2 days ago\n", 1),
    ],
)
def test_find_starts(label: str, text: str, count: int) -> None:
    assert len(lemmy.find_starts(lines_of(text))) == count, label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "article with a bullet list",
            "Our demands\n\n  • Higher wages\n  • Shorter hours\n\nBy Anna Petrova\n",
        ),
        (
            "bullet list then a byline",
            "  • Resources for readers\n    By Ivan Sidorov\n    March 3, 2021\n",
        ),
        (
            "bullet followed by a link word, no header after it",
            "  • Reading list\n    link\n    The first book is the best.\n",
        ),
        (
            "mlmym header",
            "[–] kit@lemmy.ml 75 points 2 months ago (4 children)\n\nA comment.\n",
        ),
        (
            "hacker news header",
            "someone 3 hours ago | parent | next [–]\n\nA comment.\n",
        ),
    ],
)
def test_find_starts_negative(label: str, text: str) -> None:
    assert lemmy.find_starts(lines_of(text)) == [], label


def test_arrow_counters() -> None:
    first, second = headers(VOTES_THREAD)
    assert (first.author, first.instance, first.is_op) == (
        "first_user@lemmy.ml",
        "lemmy.ml",
        True,
    )
    assert (first.upvotes, first.downvotes, first.score) == (30, 2, 28)
    assert (first.edited, first.edit_count, first.age) == (
        True,
        None,
        "3 years ago",
    )  # edit-2 is the icon, not a count
    assert (second.upvotes, second.downvotes, second.score) == (10, 0, 10)
    assert second.n_lines == 8  # the bullet, link, fedilink, English, arrow-up, 10, ·, age
    assert second.nesting > first.nesting


def test_score_only_counters_and_badges() -> None:
    found = headers(SCORE_ONLY_PAGE)
    assert [(h.upvotes, h.downvotes, h.score) for h in found[:3]] == [
        (None, None, 25),
        (None, None, -1),
        (None, None, 0),
    ]
    assert [h.author for h in found[:3]] == [
        "tovarisch_ivan@hexbear.net",
        "birch_reader@lemmygrad.ml",
        "tovarisch_ivan@hexbear.net",
    ]
    assert [h.is_op for h in found[:3]] == [True, False, True]
    assert found[3].author == "steppe_fox@hexbear.net"


def test_scores_glued_to_the_age() -> None:
    found = headers(SCORE_ONLY_PAGE)[3:]
    assert [(h.score, h.age) for h in found] == [
        (5, "1 year ago"),
        (14, "2 years ago"),
        (-1, "2 years ago"),
    ]


@pytest.mark.parametrize(
    ("text", "glued_page", "expected"),
    [
        ("51 year ago", False, (5, "1 year ago")),
        ("142 years ago", False, (14, "2 years ago")),
        ("-12 years ago", False, (-1, "2 years ago")),
        ("02 years ago", False, (0, "2 years ago")),
        ("110 months ago", False, (1, "10 months ago")),
        ("3 years ago", False, (None, "3 years ago")),
        ("25 days ago", False, (None, "25 days ago")),
        ("25 days ago", True, (2, "5 days ago")),
        ("7a year ago", False, (7, "a year ago")),
    ],
)
def test_glued_split(text: str, glued_page: bool, expected: tuple[int | None, str]) -> None:
    assert lemmy.glued_split(text, glued_page) == expected


@pytest.mark.parametrize(
    ("label", "label_text", "author", "is_op"),
    [
        ("glued OP after the instance", "enigma@lemmygrad.mlOP", "enigma@lemmygrad.ml", True),
        ("glued OP after a local name", "Neon__volkOP", "Neon__volk", True),
        ("spaced badges", "reader@lemmy.ml OP M", "reader@lemmy.ml", True),
        ("glued admin badge", "root@lemmy.worldA", "root@lemmy.world", False),
        (
            "plain name",
            "Catradora-Stalinism@lemmygrad.ml",
            "Catradora-Stalinism@lemmygrad.ml",
            False,
        ),
        ("capitals inside the name stay", "ModMan@lemmy.ml", "ModMan@lemmy.ml", False),
    ],
)
def test_split_author(label: str, label_text: str, author: str, is_op: bool) -> None:
    found = lemmy.split_author(label_text)
    assert (found[0], found[2]) == (author, is_op), label


@pytest.mark.parametrize(
    ("label", "text", "chrome"),
    [
        ("skip link", "Skip Navigation", True),
        ("sidebar users", "3434 users here now", True),
        ("sidebar readers", "48210 readers", True),
        ("moderators heading", "MODERATORS", True),
        ("community handle", "!grain@hexbear.net", True),
        ("more replies", "3 more replies", True),
        ("a body line", "deleted by creator", False),
        ("removed body", "Removed by mod", False),
        ("prose with a count", "About 3434 users signed the letter.", False),
    ],
)
def test_is_chrome(label: str, text: str, chrome: bool) -> None:
    assert lemmy.is_chrome(lines_of(text)[0]) is chrome, label


def test_parse_post_gives_nothing_for_a_plain_post() -> None:
    lines = lines_of(VOTES_THREAD)
    assert lemmy.parse_post(lines[: lemmy.find_starts(lines)[0]]) is None


def test_end_to_end_permalink_page_is_a_stub() -> None:
    result = segment("0123456789abcdef", PERMALINK_PAGE, None, SegmentConfig())
    assert result.layout == "thread"
    (post,) = result.posts
    assert post["kind"] == "thread_stub"
    assert post["title"] == "Ferry timetable cut on the northern route"
    first, second = result.comments
    assert second["parent_id"] == first["comment_id"]
    assert (first["upvotes"], first["downvotes"], first["score"]) == (8, 1, 7)
    assert "English" not in first["body"] and "arrow-up" not in first["body"]
    assert {row["text"] for row in result.dropped} >= {"Skip Navigation"}


def test_end_to_end_score_only_page() -> None:
    result = segment("0123456789abcdef", SCORE_ONLY_PAGE, None, SegmentConfig())
    comments = result.comments
    assert [c["depth"] for c in comments] == [0, 1, 2, 0, 0, 0]
    assert [c["score"] for c in comments] == [25, -1, 0, 5, 14, -1]
    assert comments[2]["body"] == "deleted by creator"
    assert comments[3]["body"] == "Removed by mod"
    assert comments[2]["edited"] is True


def test_end_to_end_sidebar_page() -> None:
    result = segment("0123456789abcdef", SIDEBAR_PAGE, None, SegmentConfig())
    (post,) = result.posts
    assert post["kind"] == "thread_stub"
    assert post["title"] == "Harvest estimates revised down again"
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("users here now", "readers", "Be civil", "MODERATORS", "!grain"):
        assert chrome not in bodies
    assert [c["score"] for c in result.comments] == [4, 7]


def test_article_with_bullets_stays_an_article() -> None:
    text = (
        "Our demands for the new season\n\n"
        "By Anna Petrova\n\n"
        "The union set out its demands on Monday.\n\n"
        "  • Higher wages\n"
        "    for every shift\n"
        "  • Shorter hours\n\n"
        "The employers have a week to answer.\n"
    )
    assert segment("0123456789abcdef", text, None, SegmentConfig()).layout != "thread"


# --- variants found on more lemmy-ui versions and instances ---------------------------

HEXBEAR_PAGE = """\
Skip Navigation

Council elections moved to a single voting day

  • Lenochka [she/her]
    ·
    3 months ago

    The date change suits the incumbents.

    • Kirovets [he/him, comrade/them]
      ·
      3 months ago

      It always does.

  • baikal_seal@lemmygrad.ml
    ·
    2 months ago

    deleted by creator
"""

OLD_UI_PAGE = """\
Skip Navigation

Governors replaced before the vote

  • taiga_notes@lemmy.ml
    creator
    18
    •
    2 years ago

    Three of the five had low ratings.

    • oryol_brick@lemmygrad.ml
      mod
      1.2K
      •
      edit-2
      2 years ago

      The pipeline is the story.

    3 more replies ➔

  • nenets_wind@beehaw.org
    a year ago

    The Nenets case is different.
"""

LOCAL_BADGES_PAGE = """\
Skip Navigation

Block the reposting community?

  • PechoraA
    link
    fedilink
    arrow-up
    24
    ·
    5 months ago

    Only when it breaks our rules.

    • riverbend@lemmy.caOP
      link
      fedilink
      arrow-up
      9
      ·
      5 months ago

      It is a feed, not a discussion.
"""

SIDEBAR_AFTER_PAGE = """\
Skip Navigation

Deputy jailed over a school lesson

view all comments ➔
show context ➔

  • lagoda_gull@lemmy.world
    link
    fedilink
    arrow-up
    41
    ·
    1 year ago

    Seven years for one sentence.

    • fresh_birch@lemm.ee
      🌱
      link
      fedilink
      arrow-up
      3
      ·
      1 year ago

      The parent was pressured.

Russian Politics
!russianpolitics@lemmy.world
A community for news about Russian domestic politics.
founded 2 years ago
MODERATORS
    neva_mod@lemmy.world
"""


@pytest.mark.parametrize(
    ("label", "text", "count"),
    [
        ("hexbear: pronoun tags, a dot and the age only", HEXBEAR_PAGE, 3),
        ("lemmy-ui 0.16: creator badge, score, bullet separator", OLD_UI_PAGE, 3),
        ("local names with glued badges", LOCAL_BADGES_PAGE, 2),
        ("new-account sprout on its own line", SIDEBAR_AFTER_PAGE, 2),
        ("asterisk bullets", "* kit@lemmy.ml\n  link\n  3 days ago\n\n  Fine.\n", 1),
    ],
)
def test_find_starts_variants(label: str, text: str, count: int) -> None:
    assert len(lemmy.find_starts(lines_of(text))) == count, label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("NEGATIVE asterisk list of names", "* Lenochka [she/her]\n* Kirovets\n\nA roster.\n"),
        ("NEGATIVE dash list with a badge word", "- creator\n- mod\n- bot\n"),
        (
            "NEGATIVE bullet then a counter and prose",
            "  • Results\n    18\n    districts voted.\n",
        ),
    ],
)
def test_find_starts_variants_negative(label: str, text: str) -> None:
    assert lemmy.find_starts(lines_of(text)) == [], label


@pytest.mark.parametrize(
    ("label", "label_text", "glued_page", "expected"),
    [
        ("pronoun tag", "Lenochka [she/her]", False, ("Lenochka", None, False)),
        ("two pronoun sets", "Kirovets [he/him, comrade/them]", False, ("Kirovets", None, False)),
        (
            "sprout glued",
            "fresh_birch@lemm.ee🌱",
            False,
            ("fresh_birch@lemm.ee", "lemm.ee", False),
        ),
        (
            "display name spaced from its instance",
            "Ryzhy Kot @lemmygrad.ml",
            False,
            ("Ryzhy Kot@lemmygrad.ml", "lemmygrad.ml", False),
        ),
        (
            "display name, spaced admin badge",
            "Comrade Petrovna A",
            False,
            ("Comrade Petrovna", None, False),
        ),
        (
            "creator badge spaced",
            "taiga_notes@lemmy.ml creator",
            False,
            ("taiga_notes@lemmy.ml", "lemmy.ml", True),
        ),
        ("local admin, glued page", "PechoraA", True, ("Pechora", None, False)),
        ("local OP, glued page", "riverbendOP", True, ("riverbend", None, True)),
        (
            "NEGATIVE local capital kept without page evidence",
            "PechoraA",
            False,
            ("PechoraA", None, False),
        ),
        (
            "NEGATIVE hidden address is no tag",
            "[email protected]",
            False,
            ("[email protected]", None, False),
        ),
        ("NEGATIVE capital name kept", "KGB", True, ("KGB", None, False)),
    ],
)
def test_split_author_variants(
    label: str, label_text: str, glued_page: bool, expected: tuple[str, str | None, bool]
) -> None:
    assert lemmy.split_author(label_text, glued_page) == expected, label


def test_old_ui_headers() -> None:
    first, second, third = headers(OLD_UI_PAGE)
    assert (first.author, first.is_op, first.score, first.upvotes) == (
        "taiga_notes@lemmy.ml",
        True,
        18,
        None,
    )
    assert (second.score, second.edited, second.is_op) == (1200, True, False)
    assert (third.score, third.age) == (None, "a year ago")


def test_hexbear_headers() -> None:
    found = headers(HEXBEAR_PAGE)
    assert [h.author for h in found] == ["Lenochka", "Kirovets", "baikal_seal@lemmygrad.ml"]
    assert [h.score for h in found] == [None, None, None]
    assert found[1].nesting > found[0].nesting


def test_local_badges_need_page_evidence() -> None:
    first, second = headers(LOCAL_BADGES_PAGE)
    assert (first.author, second.author, second.is_op) == ("Pechora", "riverbend@lemmy.ca", True)
    alone = LOCAL_BADGES_PAGE.replace("riverbend@lemmy.caOP", "riverbend@lemmy.ca")
    assert headers(alone)[0].author == "PechoraA"


@pytest.mark.parametrize(
    ("label", "text", "chrome"),
    [
        ("view all comments with arrow", "view all comments ➔", True),
        ("show context with arrow", "show context ➔", True),
        ("more replies with arrow", "3 more replies ➔", True),
        ("one more reply", "1 more reply", True),
        ("reply button icon", "reply1", True),
        ("more button icon", "more-vertical", True),
        ("NEGATIVE prose about context", "Show context before judging him ➔", False),
        ("NEGATIVE a reply count in prose", "There were 3 more replies later.", False),
    ],
)
def test_is_chrome_variants(label: str, text: str, chrome: bool) -> None:
    assert lemmy.is_chrome(lines_of(text)[0]) is chrome, label


def test_find_end_sidebar_after_the_comments() -> None:
    lines = lines_of(SIDEBAR_AFTER_PAGE)
    starts = lemmy.find_starts(lines)
    end = lemmy.find_end(lines, starts)
    assert end is not None and lines[end].text == "Russian Politics"


def test_find_end_negative() -> None:
    lines = lines_of(OLD_UI_PAGE)
    assert lemmy.find_end(lines, lemmy.find_starts(lines)) is None  # nothing after the thread
    flat = (
        "• kit@lemmy.ml\nlink\n3 days ago\nA body at the margin.\n"
        "• cat@lemmy.ml\nlink\n2 days ago\nMe too.\n"
    )
    flat_lines = lines_of(flat)
    assert lemmy.find_end(flat_lines, lemmy.find_starts(flat_lines)) is None  # bodies not indented


def test_end_to_end_sidebar_after_and_sprout() -> None:
    result = segment("0123456789abcdef", SIDEBAR_AFTER_PAGE, None, SegmentConfig())
    first, second = result.comments
    assert second["parent_id"] == first["comment_id"]
    assert second["author"] == "fresh_birch@lemm.ee"
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("view all comments", "show context", "!russianpolitics", "MODERATORS", "🌱"):
        assert chrome not in bodies
    assert "A community for news" not in bodies
    assert result.comments[1]["body"] == "The parent was pressured."


def test_end_to_end_hexbear_page() -> None:
    result = segment("0123456789abcdef", HEXBEAR_PAGE, None, SegmentConfig())
    assert [(c["author"], c["depth"]) for c in result.comments] == [
        ("Lenochka", 0),
        ("Kirovets", 1),
        ("baikal_seal@lemmygrad.ml", 0),
    ]
    assert all("[she/her]" not in c["body"] for c in result.comments)


HTML2TEXT_PAGE = "\n\n".join(
    [
        "Skip Navigation",
        "Ferry tolls double on the lake",
        "lake_pilot@lemmy.ml",
        "to",
        "Lake News@lemmy.ml",
        "•",
        "2 years ago",
        "arrow-up",
        "48",
        "message-square",
        "3",
        "The district cut its budget and the tolls went up.",
        "* marta@feddit.de",
        "  link",
        "  arrow-up",
        "  17",
        "  ·",
        "  2 years ago",
        "Who decided that?",
        "  * lake_pilot@lemmy.mlOP",
        "    link",
        "    arrow-up",
        "    5",
        "    ·",
        "    2 years ago",
        "The regional duma.",
    ]
)


def test_blank_lines_between_header_items_and_the_creator_block() -> None:
    """html2text puts a blank line between lemmy-ui's header items; the post's creator
    block ('NAME' / 'to' / 'COMMUNITY' / '•' / age / counters) names its author."""
    result = segment("0123456789abcdef", HTML2TEXT_PAGE, None, SegmentConfig())
    (post,) = result.posts
    assert post["author"] == "lake_pilot@lemmy.ml"
    assert post["title"] == "Ferry tolls double on the lake"
    assert post["body"] == "The district cut its budget and the tolls went up."
    first, second = result.comments
    assert (first["author"], first["upvotes"], first["body"]) == (
        "marta@feddit.de",
        17,
        "Who decided that?",
    )
    assert second["parent_id"] == first["comment_id"] and second["is_op"]


def test_a_children_count_in_a_header_is_a_header_item() -> None:
    text = "  • kit@lemmy.ml\n    link\n    (3 children)\n    arrow-up\n    5\n    ·\n    3 days ago\n\n    Body.\n"
    lines = lines_of(text)
    assert lemmy.find_starts(lines) == [0]
    assert lemmy.parse_header(lines, 0, len(lines)).upvotes == 5


def test_markdown_bullets_cycle_by_depth() -> None:
    """markdownify prints nested list items with '*', '+', '-' by depth."""
    text = (
        "* kit@lemmy.ml\n  link\n  arrow-up\n  5\n  ·\n  3 days ago\n\n  Top.\n\n"
        "  + cat@lemmy.ml\n    link\n    arrow-up\n    2\n    ·\n    2 days ago\n\n    Reply.\n"
    )
    lines = lines_of(text)
    assert len(lemmy.find_starts(lines)) == 2
