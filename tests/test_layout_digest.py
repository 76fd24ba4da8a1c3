"""Digest layout: several full articles in one text, each opened by a headline and credit
lines or a field block; rules, masthead, contents and footer are chrome. And what must not
be read as a digest (a thread, a blog article with one byline, a listing, a mail)."""

from __future__ import annotations

from flows.stages.records import Segmented
from flows.stages.segment import SegmentConfig, coverage_errors, segment
from tests.test_segment_inputs import FakeComment, render_thread

DOC = "0123456789abcdef"


def run(text: str) -> Segmented:
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    return result


def bodies(result: Segmented) -> str:
    return "\n".join(post["body"] for post in result.posts)


HEADLINES = [
    "Ferry Workers Win Back Their Night Shift Bonus",
    "A Quiet Vote on the River Port Budget",
    "Miners' Widows Take the Pension Office to Court",
]
NAMES = ["Odile Brank", "Piet Samsonov", "Aino Ferreira"]
PARAGRAPHS = [
    [
        "After six weeks of refusing overtime, the crews of the river ferries have won back the "
        "bonus for night crossings that the operator cut in the spring.",
        "The agreement was signed late on Thursday in the harbour office, with the union "
        "delegates reading every clause aloud before anyone put a pen to it.",
    ],
    [
        "The city council approved the port budget in a session that lasted less than twenty "
        "minutes and drew no questions from the opposition benches.",
        "Dredging money was cut by a third, while the line for the new customs building "
        "doubled without a word of explanation from the finance committee.",
        "Harbour pilots say the channel will silt up within two winters at this rate.",
    ],
    [
        "Forty women whose husbands died in the collapsed shaft have sued the regional pension "
        "office for payments that stopped without notice last year.",
        "Their lawyer says the office lost the files when it moved buildings and has refused "
        "to reopen the cases unless each widow brings the papers again.",
    ],
]


def test_rule_separated_newsletter_with_datelines_and_translator() -> None:
    """Masthead, contents '<n>. <Source>: <Author>, <Title>', rules, then per article:
    <headline> / <Outlet> <date> / By <name> / Translated by <name> / text."""
    datelines = ["The Harbour Courier January 26, 2000", "Port Weekly February 2, 2000",
                 "Valley Herald February 9, 2000"]  # fmt: skip
    lines = [
        "RIVER AND PORT PRESS DIGEST",
        "No. 112, February 2000",
        "",
        *(
            f"{n + 1}. {datelines[n].split(' ', 2)[1]}: {NAMES[n]}, {HEADLINES[n]}"
            for n in range(3)
        ),
        "",
    ]
    for n in range(3):
        lines += ["________________________________________", "", HEADLINES[n], datelines[n],
                  f"By {NAMES[n]}"]  # fmt: skip
        if n == 1:
            lines.append("Translated by Karel Veske")
        lines += ["", *PARAGRAPHS[n], ""]
    lines += ["________________________________________",
              "Copyright (c) 2000 River and Port Press. All rights reserved."]  # fmt: skip
    text = "\n".join(lines)
    result = run(text)
    assert result.layout == "digest"
    assert [post["kind"] for post in result.posts] == ["digest_article"] * 3
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == [
        "2000-01-26", "2000-02-02", "2000-02-09"
    ]  # fmt: skip
    assert result.posts[1]["translator"] == "Karel Veske"
    for chrome in ("RIVER AND PORT PRESS", "No. 112", "Courier", "____", "Copyright", "1. "):
        assert chrome not in bodies(result)
    rules = {row["rule"] for row in result.dropped if row["text"].startswith("____")}
    assert rules == {"separator"}
    assert result.posts[1]["body"].startswith("The city council approved")


def test_field_blocks() -> None:
    """SOURCE: / DATE: / **** / TITLE: / AUTHOR: / TEXT: then the text."""
    lines: list[str] = []
    for n in range(3):
        lines += [
            "SOURCE: The Harbour Courier",
            f"DATE: Issue #{40 + n}, Friday, March {n + 3}, 2006",
            "*" * 60,
            f"TITLE: {HEADLINES[n]}",
            f"AUTHOR: By {NAMES[n]}",
            "TEXT:",
            *PARAGRAPHS[n],
            "",
            "*" * 60,
        ]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == [
        "2006-03-03", "2006-03-04", "2006-03-05"
    ]  # fmt: skip
    for chrome in ("SOURCE:", "DATE:", "TITLE:", "AUTHOR:", "TEXT:", "***"):
        assert chrome not in bodies(result)


def test_numbered_items_with_date_line_and_byline() -> None:
    """#<n> / <headline> / <date> / By <name> / text, no blank line before the headline."""
    lines = ["Weekly round-up of the port press", ""]
    for n in range(3):
        lines += [f"#{n + 1}", HEADLINES[n], f"{n + 4} May 2011", f"By {NAMES[n]}",
                  *PARAGRAPHS[n], ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == [
        "2011-05-04", "2011-05-05", "2011-05-06"
    ]  # fmt: skip
    assert "#2" not in bodies(result) and "round-up" not in bodies(result)
    assert {row["rule"] for row in result.dropped if row["text"].startswith("#")} == {"separator"}


def test_outlet_and_date_above_the_headline() -> None:
    """#<n> / <Outlet> / <date> / <LABEL>: <headline> / [By <name>] / text: the headline is
    the longest line of the head, the outlet is no title."""
    lines = ["PORT WIRE", ""]
    for n in range(3):
        lines += ["*******", f"#{n + 1}", "Harbour Courier", f"January {n + 2}, 2000"]
        lines += [f"OPINION: {HEADLINES[n]}", *([f"By {NAMES[n]}"] if n else []), ""]
        lines += [*PARAGRAPHS[n], ""]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [f"OPINION: {h}" for h in HEADLINES]
    assert [post["author"] for post in result.posts] == [None, *NAMES[1:]]
    assert [post["published_date"] for post in result.posts] == [
        "2000-01-02",
        "2000-01-03",
        "2000-01-04",
    ]
    assert "Harbour Courier" not in bodies(result)


def test_headline_outlet_line_and_star_rules() -> None:
    """<headline> / <outlet> / By <name> / text, articles between '* * *' rules, the last
    one followed by pagination."""
    lines: list[str] = []
    for n in range(3):
        lines += [HEADLINES[n], "The Valley Herald", f"By {NAMES[n]}", "", *PARAGRAPHS[n], "",
                  "* * *", ""]  # fmt: skip
    lines += ["Pages", "« first ‹ previous 1 2 3 next › last »"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert "Valley Herald" not in bodies(result) and "previous" not in bodies(result)


def test_line_after_the_byline_is_never_the_title() -> None:
    """<headline> / By <name> / <standfirst longer than the headline> / text."""
    lines: list[str] = []
    for n in range(3):
        lines += ["", HEADLINES[n], f"By {NAMES[n]}"]
        lines += ["A Longer Standfirst Line That Sums Up the Whole of the Story Below", ""]
        lines += [*PARAGRAPHS[n], ""]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES


def test_origin_lines_and_a_date_opening_the_text() -> None:
    """<headline> / First published … / text; <headline> / By <name> / '<date> -- <text>'."""
    lines = [
        HEADLINES[0],
        "First published at the Harbour Courier.",
        *PARAGRAPHS[0],
        "",
        HEADLINES[1],
        f"By {NAMES[1]}, translated from the Estonian by Karel Veske",
        "June 3, 2019 -- Port Weekly -- " + PARAGRAPHS[1][0],
        *PARAGRAPHS[1][1:],
        "",
        HEADLINES[2],
        "First published in the Valley Herald.",
        *PARAGRAPHS[2],
        "Aino Ferreira is a reporter based in the valley towns.",
    ]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == [None, NAMES[1], "Aino Ferreira"]
    assert result.posts[1]["published_date"] == "2019-06-03"
    assert result.posts[0]["origin"] == "First published at the Harbour Courier."


def test_wire_items_with_numbered_headers_and_key_lines() -> None:
    """#<n> / <headline> / Source: <outlet> / Date: <date> / Author: <name> / text, under a
    contents list; no title field, so the key lines are credits."""
    lines = [
        "EURASIA PORT WIRE",
        *(f"{n + 1}. Courier: {NAMES[n]}, {HEADLINES[n]}" for n in range(3)),
    ]
    for n in range(3):
        lines += ["", f"#{n + 1}", HEADLINES[n], "Source: The Harbour Courier"]
        lines += [f"Date: January {n + 2}, 2000", f"Author: {NAMES[n]}", "", *PARAGRAPHS[n]]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == [
        "2000-01-02", "2000-01-03", "2000-01-04"
    ]  # fmt: skip
    for chrome in ("EURASIA", "Source:", "Date:", "Author:", "1. Courier"):
        assert chrome not in bodies(result)


def test_month_archive_of_full_posts_with_footers() -> None:
    """<headline> / Posted on <date> by <name> / Translated by <name> / text /
    Filed under: <category> | <n> Comments, then '« Older Entries' and a footer after a rule."""
    lines = ["Ladoga Notes", "Archive for March 2012", ""]
    for n in range(3):
        lines += [HEADLINES[n], f"Posted on March {n + 2}, 2012 by {NAMES[n]}",
                  "Translated by Karel Veske", "", *PARAGRAPHS[n], "",
                  f"Filed under: Port | {n} Comments", "", "----", ""]  # fmt: skip
    lines += ["« Older Entries", "To subscribe, write to notes@ladoga.example"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["translator"] for post in result.posts] == ["Karel Veske"] * 3
    assert [post["published_date"] for post in result.posts] == [
        "2012-03-02", "2012-03-03", "2012-03-04"
    ]  # fmt: skip
    for chrome in ("Filed under", "Older Entries", "subscribe", "Archive for", "Translated"):
        assert chrome not in bodies(result)


# --- negatives ------------------------------------------------------------------------------


def test_thread_is_not_a_digest() -> None:
    comments = [
        FakeComment(0, "ana@forum.example", PARAGRAPHS[0]),
        FakeComment(1, "ben@forum.example", PARAGRAPHS[1]),
        FakeComment(0, "cara@forum.example", PARAGRAPHS[2]),
    ]
    result = run(render_thread([HEADLINES[0], *PARAGRAPHS[0]], comments))
    assert result.layout == "thread"


def test_blog_article_with_one_byline_is_not_a_digest() -> None:
    text = "\n\n".join(
        [
            "Harbour Notes",
            HEADLINES[0],
            "Posted on March 3, 2021 by Odile Brank",
            *PARAGRAPHS[0],
            "What the crews want now",
            *PARAGRAPHS[1],
            "Related",
            f'{HEADLINES[1]} March 1, 2021 In "Port"',
        ]
    )
    result = run(text)
    assert result.layout == "article"
    assert result.posts[0]["author"] == "Odile Brank"


def test_listing_of_bylined_teasers_is_not_a_digest() -> None:
    lines: list[str] = []
    for n in range(3):
        lines += [HEADLINES[n], f"By {NAMES[n]}", PARAGRAPHS[n][0][:-1] + "…", "Read more", ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"


def test_mail_message_is_not_a_digest() -> None:
    text = "\n".join(
        [
            "[port-list] Ferry crews and the night bonus",
            "Odile Brank odile at harbour.example",
            "Tue Oct 17 09:41:12 UTC 2023",
            "",
            "Previous message: [port-list] Budget vote",
            "Next message: [port-list] Pension office",
            "",
            *PARAGRAPHS[0],
            "",
            "Odile",
        ]
    )
    result = run(text)
    assert result.layout != "digest"
