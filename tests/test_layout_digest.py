"""Digest layout: several full articles in one text, each opened by a headline and credit
lines or a field block; rules, masthead, contents and footer are chrome. And what must not
be read as a digest (a thread, a blog article with one byline, a listing, a mail)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from flows.stages.records import Segmented
from flows.stages.repair import RepairConfig, repair
from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.boilerplate import is_arrow_row
from flows.stages.segment.boilerplate import is_page_chrome as is_web_chrome
from flows.stages.segment.layouts import digest, pdf_article
from flows.stages.segment.layouts.listing import has_copyright
from flows.stages.segment.lines import Line, split_lines
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


def _mail_block(n: int, rule: str = "-" * 30) -> list[str]:
    names = ['Odile Brank <odile@harbour.example>', '"Piet Samsonov" <piet@port.example>',
             "aino@valley.example (Aino Ferreira)"]  # fmt: skip
    return [rule, "", f"Message: {n + 1}", f"Date: Tue, {n + 14} Oct 2014 08:52:17 +0400",
            f"From: {names[n]}", "To: port-list@lists.example", f"Subject: {HEADLINES[n]}",
            f"Message-ID: <{n}abc@example>", 'Content-Type: text/plain; charset="us-ascii"',
            ""]  # fmt: skip


def test_mailing_list_digest_messages() -> None:
    """Mailman digest: list preamble, 'Today's Topics:', then per message a rule,
    'Message: <n>' and Date/From/To/Subject headers; list footer after the last rule. The
    title is the subject, the author the sender's display name, the date the Date header."""
    lines = ["Send Port-list mailing list submissions to", "\tport-list@lists.example", "",
             "Today's Topics:", "",
             *(f"   {n + 1}. {HEADLINES[n]} ({NAMES[n]})" for n in range(3)), "", ""]  # fmt: skip
    for n in range(3):
        lines += [*_mail_block(n), *PARAGRAPHS[n], ""]
        if n == 1:
            lines += ["> The agreement was signed late on Thursday in the harbour office.", ""]
    lines += ["-" * 30, "", "_" * 47, "Port-list mailing list", "port-list@lists.example",
              "", "End of Port-list Digest, Vol 3, Issue 7", "*" * 40]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == [
        "2014-10-14", "2014-10-15", "2014-10-16"
    ]  # fmt: skip
    for chrome in ("Message:", "From:", "Content-Type", "mailing list", "End of", "Topics"):
        assert chrome not in bodies(result)
    quotes = [row for row in result.blocks if row["kind"] == "quote"]
    assert quotes and "harbour office" in quotes[0]["text"]


def test_mail_digest_with_unnumbered_messages_between_rules() -> None:
    """RFC 1153 style: Date/From/Subject blocks after '----' rules, no 'Message: <n>'."""
    lines = ["Port Digest    Tue, 14 Oct 2014    Volume 3 : Issue 7", ""]
    for n in range(3):
        block = [line for line in _mail_block(n) if not line.startswith("Message:")]
        lines += [*block, *PARAGRAPHS[n], ""]
    lines += ["-" * 30, "End of Port Digest"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES


def test_two_strong_articles_beat_hard_wraps() -> None:
    """Two mail messages with hard-wrapped text: a strong pair wins over pdf_article."""
    wrapped = [
        "After six weeks of refusing overtime, the crews of the river ferries",
        "have won back the bonus for night crossings that the operator cut in",
        "the spring, and the union delegates read every clause aloud before",
        "anyone put a pen to the agreement in the harbour office on Thursday",
        "evening, while the pilots waited outside in the rain for the result",
        "and the harbour master kept the last ferry at the quay until the end",
        "of the meeting, so that the crews could go home across the river once",
        "the signatures were on the paper and the bonus was back in the deal.",
    ]
    lines: list[str] = []
    for n in range(2):
        lines += [*_mail_block(n), *wrapped, ""]
    text = "\n".join(lines)
    hard_wraps = pdf_article.detect(split_lines(text), SegmentConfig())
    assert hard_wraps is not None and hard_wraps.score == 0.8
    result = run(text)
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES[:2]


def test_run_in_headlines_under_section_labels() -> None:
    """Daily report: masthead, contents, 'xxxx' rules, ALL-CAPS section labels, items whose
    ALL-CAPS headline runs in to the first paragraph ('<HEADLINE>. <text>'), a closing
    piece with its own headline and byline after a rule."""
    caps = [headline.upper() for headline in HEADLINES]
    rule = "x" * 50
    lines = ["PORT RADIO DAILY REPORT Vol 2, No. 14, 3 May 2000", "", rule, "Headlines:",
             *(f"*{head}" for head in caps[:2]), rule, "", "HARBOUR", ""]  # fmt: skip
    for n in range(2):
        lines += [f"{caps[n]}. {PARAGRAPHS[n][0]}", "", *PARAGRAPHS[n][1:], ""]
        if n == 0:
            lines += ["", "VALLEY AND MINES", ""]
    lines += [rule, "END NOTE", "", HEADLINES[2], "", f"By {NAMES[2]}", "", *PARAGRAPHS[2],
              "", rule, "Copyright (c) 2000 Port Radio. All rights reserved."]  # fmt: skip
    text = "\n".join(lines)
    result = run(text)
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [*caps[:2], HEADLINES[2]]
    assert [post["author"] for post in result.posts] == [None, None, NAMES[2]]
    assert result.posts[0]["body"].startswith("After six weeks")
    assert "Dredging money" in result.posts[1]["body"]
    for chrome in ("HARBOUR\n", "VALLEY AND MINES", "END NOTE", "xxxxx", "Copyright"):
        assert chrome not in bodies(result)


def test_month_archive_of_posts_closed_by_bylines() -> None:
    """Blogger archive: '<day header>' '<title>' text 'Posted by <name> at <time>',
    share and label lines; a second post of the same day has no day header of its own and
    takes the one above; the sidebar after the last post is chrome."""
    lines = ["Harbour Notebook", "Notes on the river ports", "", "Friday, March 2, 2012"]
    for n in range(3):
        if n == 2:
            lines.append("Monday, February 27, 2012")
        lines += [HEADLINES[n], *PARAGRAPHS[n], f"Posted by Odile Brank at {n + 7}:15 PM "
                  f"{n} comments:", "Email ThisBlogThis!Share to Twitter",
                  "Labels: ferries, port", ""]  # fmt: skip
    lines += ["Newer Posts Older Posts Home", "Subscribe to: Posts (Atom)", "Blog Archive",
              "► 2012 (14)", HEADLINES[0], "About Me"]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == ["Odile Brank"] * 3
    assert [post["published_date"] for post in result.posts] == [
        "2012-03-02", "2012-03-02", "2012-02-27"
    ]  # fmt: skip
    for chrome in ("Posted by", "Labels:", "Share to", "Blog Archive", "About Me", "Notebook"):
        assert chrome not in bodies(result)


def test_underlined_headlines_and_indented_bylines() -> None:
    """Plain-text newsletter: '<headline>' underlined by a rule, '  by <name> <address>',
    indented text."""
    lines = ["PORT POLICY LETTER #212/14-Mar-11", "=" * 33, "", "Topics:",
             *(f"    {head}" for head in HEADLINES), ""]  # fmt: skip
    for n in range(3):
        lines += [
            HEADLINES[n],
            "-" * len(HEADLINES[n]),
            f"  by {NAMES[n]} <{NAMES[n].split()[0].lower()}@port.example>",
            "",
        ]
        lines += [line for paragraph in PARAGRAPHS[n] for line in (f"  {paragraph}", "")]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert "----" not in bodies(result) and "Topics" not in bodies(result)


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


def test_reply_chain_quoting_headers_is_not_a_digest() -> None:
    """One mail quoting two earlier ones under rules with From/Sent/To/Subject headers:
    'Sent:' is a reply client's, a digest's messages carry 'Date:'."""
    lines = [*PARAGRAPHS[0], "", "Odile"]
    for n in (1, 2):
        lines += ["", "_" * 32, f"From: {NAMES[n]} <x{n}@port.example>",
                  f"Sent: Tuesday, October {n + 13}, 2014 9:41 AM", "To: Odile Brank",
                  f"Subject: RE: {HEADLINES[0]}", "", *PARAGRAPHS[n]]  # fmt: skip
    assert run("\n".join(lines)).layout != "digest"


def test_forwarded_headers_under_a_labelled_rule_are_not_a_digest() -> None:
    """'---------- Forwarded message ---------' over From/Date/Subject: neither a plain rule
    nor a message number."""
    lines = [*PARAGRAPHS[0], ""]
    for n in (1, 2):
        lines += ["---------- Forwarded message ---------", f"From: {NAMES[n]} <x@port.example>",
                  f"Date: Tue, {n + 13} Oct 2014 at 09:41", f"Subject: {HEADLINES[n]}",
                  "To: Odile Brank <odile@harbour.example>", "", *PARAGRAPHS[n], ""]  # fmt: skip
    assert run("\n".join(lines)).layout != "digest"


def test_explainer_with_question_leads_is_not_a_digest() -> None:
    """Paragraphs opened by ALL-CAPS questions ('WHO CAN VOTE? …') are one explainer, not
    run-in headlines; nor is a single ALL-CAPS lead-in."""
    questions = ["WHO PAYS FOR THE FERRIES?", "WHEN WILL THE BONUS RETURN?",
                 "WHAT DOES THE UNION WANT NEXT?"]  # fmt: skip
    lines = [HEADLINES[0], "", "FROM OUR HARBOUR DESK. " + PARAGRAPHS[0][0], ""]
    for n in range(3):
        lines += [f"{questions[n]} {PARAGRAPHS[n][1]}", ""]
    assert run("\n".join(lines)).layout != "digest"


def test_comments_closed_by_bylines_are_not_a_digest() -> None:
    """Untitled comments each closed by 'Posted by <name> at <time>'."""
    lines = [HEADLINES[0], *PARAGRAPHS[0], "Posted by Odile Brank at 7:15 PM", "", "Comments:"]
    for n in range(3):
        lines += ["", PARAGRAPHS[n][-1], f"Posted by {NAMES[n]} at {n + 8}:02 PM"]
    assert run("\n".join(lines)).layout != "digest"


def test_listing_with_post_footers_is_not_a_digest() -> None:
    """Teasers each closed by 'Posted in <category> | <n> Comments'."""
    lines: list[str] = []
    for n in range(3):
        lines += [HEADLINES[n], f"March {n + 2}, 2012", PARAGRAPHS[n][0],
                  f"Posted in Port | {n + 1} Comments", ""]  # fmt: skip
    assert run("\n".join(lines)).layout == "listing"


def test_web_mail_digest_numbered_messages_posted_by() -> None:
    """A web mail digest: a contents list (number, subject, 'From:', no date), then each
    message as number, subject, 'Posted by: "<Name>" <address>', date line, text."""
    senders = [("Mila Arkhipova", "mila@example.org"), ("Oskar Lind", "olind@example.net")]
    subjects = ["Re: Who chairs the harbour council now?", "Call for papers on municipal reform"]
    lines = ["Messages In This Digest (2 Messages)", ""]
    for n, ((name, _), subject) in enumerate(zip(senders, subjects, strict=True), 1):
        lines += [f"{n}.", subject, f"From: {name}"]
    lines += ["", "Messages", ""]
    for n, ((name, address), subject) in enumerate(zip(senders, subjects, strict=True), 1):
        lines += [f"{n}.", "", subject, "", f'Posted by: "{name}" {address}   handle{n}', "",
                  f"Tue Nov {11 + n}, 2013 9:47 am (PST)", "", *PARAGRAPHS[n], "", name.split()[0],
                  "", "Messages in this topic (2)", ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == subjects
    assert [post["author"] for post in result.posts] == [name for name, _ in senders]
    assert [post["published_date"] for post in result.posts] == ["2013-11-12", "2013-11-13"]
    assert "Messages in this topic" not in bodies(result)


def test_journal_page_entries_under_day_headers_with_times_and_fields() -> None:
    """A journal's recent-entries page: an introduction, then per entry a day header with
    its time, the headline, field lines, the text, and a closing 'Tags:' line."""
    lines = ["Harbour Diary", "Recent Entries Archive Friends",
             "Below are the 2 most recent journal entries recorded in the diary:", ""]  # fmt: skip
    days = ["12 December 2011 @ 11:04 pm", "10 December 2011 @ 09:17 am"]
    for n, day in enumerate(days):
        lines += [day, HEADLINES[n], "Current Mood: tired", *PARAGRAPHS[n],
                  "Tags: harbour, strike", f"{n + 3} comments | Leave a comment | Share", ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES[:2]
    assert [post["published_date"] for post in result.posts] == ["2011-12-12", "2011-12-10"]
    assert "Current Mood" not in bodies(result) and "most recent" not in bodies(result)


def test_topic_digest_sender_lines_and_topics() -> None:
    """A topic digest: per topic a title, then messages each opened by '<Name> <address>:
    <when>', the later messages of a topic under the same title; a mailing-list footer."""
    lines = ["Topic digest", "View all topics", ""]
    senders = ["Mila Arkhipova <mila@example.org>", "Oskar Lind <olind@example.net>"]
    for n, headline in enumerate(HEADLINES[:2]):
        lines += [headline]
        for m, sender in enumerate(senders):
            lines += [f"{sender}: Sep {10 + m} 11:24PM +0300", "", *PARAGRAPHS[n], "",
                      sender.split()[0]]  # fmt: skip
        lines += ["Back to top"]
    lines += ["To unsubscribe from this group and stop receiving emails from it, write to us."]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    titles = [post["title"] for post in result.posts]
    assert titles == [HEADLINES[0], HEADLINES[0], HEADLINES[1], HEADLINES[1]]
    assert [post["author"] for post in result.posts] == ["Mila Arkhipova", "Oskar Lind"] * 2
    assert "unsubscribe" not in bodies(result) and "Back to top" not in bodies(result)


CASES = Path(__file__).parent / "cases" / "segment"


def test_news_database_exports_field_codes_and_labelled_records() -> None:
    """Two export shapes of news databases: field codes on lines of their own ('HD', 'BY',
    'PD', 'LP', 'TD', 'AN'), and 'N of M DOCUMENTS' records (masthead with outlet and date,
    then 'HEADLINE:', 'BYLINE:', 'BODY:' and trailing 'LOAD-DATE:' fields)."""
    expected = [
        ("Harbour workers strike over unpaid wages", "Mila Arkhipova"),
        ("A quiet vote on the river port budget", "Oskar Lind"),
    ]
    for name, dates in (
        ("export_field_codes.txt", ["2019-03-14", "2019-03-12"]),
        ("export_n_of_m_documents.txt", ["2019-03-14", "2019-03-12"]),
    ):
        text = repair((CASES / name).read_text(encoding="utf-8"), RepairConfig()).text
        result = run(text)
        assert result.layout == "digest", name
        assert [(post["title"], post["author"]) for post in result.posts] == expected, name
        assert [post["published_date"] for post in result.posts] == dates, name
        for chrome in ("LOAD-DATE", "Search Summary", "DOCUMENTS", "Document HARBGZ", "WC"):
            assert chrome not in bodies(result), (name, chrome)
        assert "stopped work on Monday" in result.posts[0]["body"]
        assert "would not return until" in result.posts[0]["body"]


def test_numbered_list_digest_masthead_contents_and_return_links() -> None:
    """A plain-text daily list: masthead (name, issue, date), a numbered contents list,
    then '#N', outlet, date, headline, optional byline and text, each closed by a
    '[return to Contents]' link. The masthead is no article; the links are chrome."""
    text = (CASES / "digest_numbered_list_contents.txt").read_text(encoding="utf-8")
    result = run(repair(text, RepairConfig()).text)
    assert result.layout == "digest"
    assert [(post["title"], post["author"]) for post in result.posts] == [
        ("Harbour workers strike over unpaid wages", "Mila Arkhipova"),
        ("A quiet vote on the river port budget", "Oskar Lind"),
        ("Miners' widows take the pension office to court", None),
    ]
    assert [post["published_date"] for post in result.posts] == [
        "2019-03-14", "2019-03-12", "2019-03-11"
    ]  # fmt: skip
    for chrome in ("return to Contents", "Contents:", "A project of", "Harbour Gazette:"):
        assert chrome not in bodies(result), chrome


def test_list_archive_search_page_subject_over_date_thread_sender() -> None:
    """A list archive's search results: per message its subject (a question may end it),
    then '<YYYY-MM-DD> Thread <Name>', then the text."""
    subject = "Re: [harbour-list] Who audits the ferry subsidy, and when?"
    lines = ["The List Archive", ""]
    for day, name, n in (("2020-07-09", "Mila Arkhipova", 0), ("2020-07-08", "Oskar Lind", 1)):
        lines += [subject, "", f"{day} Thread {name}", "", *PARAGRAPHS[n], "", name.split()[0], ""]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [subject, subject]
    assert [post["author"] for post in result.posts] == ["Mila Arkhipova", "Oskar Lind"]
    assert [post["published_date"] for post in result.posts] == ["2020-07-09", "2020-07-08"]


def test_channel_web_preview_posts_views_footers_and_day_lines() -> None:
    """A channel's web preview: the channel's header, then per post the channel's name,
    labels ('Forwarded from …', 'Photo'), the text and '<n> views [edited] [<Name>,]
    <time>'; day lines date the posts under them; a post shown only as 'Please open
    Telegram to view this post' is no article."""
    lines = ["Harbour Insider", "@harbour_insider", "18.2K subscribers", "540 links",
             "March 3, 2022", ""]  # fmt: skip
    footers = ["6.1K views Mila Arkhipova, 11:42", "5.3K views 14:05",
               "7.8K views edited Oskar Lind, 17:30"]  # fmt: skip
    for n, footer in enumerate(footers):
        if n == 2:
            lines += ["March 4, 2022", ""]
        lines += ["Harbour Insider", *(["Forwarded from Port News"] if n == 1 else []),
                  " ".join(PARAGRAPHS[n]), footer, ""]  # fmt: skip
    lines += ["Harbour Insider", "Please open Telegram to view this post", "VIEW IN TELEGRAM",
              "3.2K views 12:40"]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [None, None, None]
    assert [post["author"] for post in result.posts] == ["Mila Arkhipova", None, "Oskar Lind"]
    dates = [post["published_date"] for post in result.posts]
    assert dates == ["2022-03-03", "2022-03-03", "2022-03-04"]
    for chrome in ("views", "Forwarded from", "Please open Telegram", "Harbour Insider"):
        assert chrome not in bodies(result), chrome


def test_numbered_roundup_items_closed_by_source_lines() -> None:
    """A newsletter's round-up: an introduction, then '<n>. <headline>', the text and a
    'Source: <outlet>' line per item, and a call to subscribe after the last one. Each
    item is an article titled without its number, dated by the issue."""
    text = (CASES / "digest_numbered_roundup_sources.txt").read_text(encoding="utf-8")
    result = run(repair(text, RepairConfig()).text)
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [
        "Ferry crews strike over unpaid wages",
        "A quiet vote on the river port budget",
        "Miners' widows take the pension office to court",
    ]
    assert {post["published_date"] for post in result.posts} == {"2019-03-16"}
    for chrome in ("Source:", "Subscribe", "Good morning"):
        assert chrome not in bodies(result), chrome


def test_preamble_motto_and_disclaimer_are_no_introduction() -> None:
    """A preamble's sentences in the third person (a masthead's motto, a disclaimer) or
    an instruction to the reader are chrome, not the editor's introduction: no post."""
    lines = [
        "Harbour Weekly",
        "A weekly summary of the regional press, sent every Friday.",
        "The views expressed are those of the papers quoted.",
        "When replying, please edit your subject line so it says more.",
        "",
    ]
    for n in range(3):
        lines += [
            f"{n + 1}. {HEADLINES[n]}",
            "",
            PARAGRAPHS[n][0],
            "",
            "Source: Harbour Gazette",
            "",
        ]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES[:3]
    assert "sent every Friday" not in bodies(result)


def test_bilingual_weekly_bracketed_items_and_closing_translator() -> None:
    """A bilingual weekly: '[n] <headline>' items under rules, 'Источник / Source:' and
    'Автор / Author:' credit lines, dotted and Russian dates, a closing 'Перевод /
    Translated by:' credit that names the translator, never the author."""
    text = (CASES / "digest_bilingual_bracketed_items.txt").read_text(encoding="utf-8")
    result = run(repair(text, RepairConfig()).text)
    assert result.layout == "digest"
    rows = [(p["title"], p["author"], p["published_date"], p["translator"]) for p in result.posts]
    assert rows == [
        ("Ferry crews strike over unpaid wages", "Mila Arkhipova", "2019-03-14", "Peter Hall"),
        ("A quiet vote on the river port budget", "Oskar Lind", "2019-03-12", None),
    ]
    assert "Translated by" not in bodies(result) and "unsubscribe" not in bodies(result)


def test_press_review_outlet_label_over_each_headline() -> None:
    """'<OUTLET IN CAPITALS>' / '<headline>' / two paragraphs, per item, under a dated
    title: the label is chrome, never the title or the author; the issue dates them."""
    outlets = ["HARBOUR GAZETTE", "EVENING PORT", "RIVER COURIER"]
    lines = ["Wire Service", "Press review", "Press review: Tuesday, 12 November 2024", ""]
    for n in range(3):
        lines += [outlets[n], HEADLINES[n], PARAGRAPHS[n][0], "", PARAGRAPHS[n][1], ""]
    lines += ["(c) Wire Service 2024. Redistribution prohibited."]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == [None] * 3
    assert {post["published_date"] for post in result.posts} == {"2024-11-12"}
    for chrome in (*outlets, "Redistribution prohibited"):
        assert chrome not in bodies(result), chrome


def test_outlet_labels_over_one_paragraph_items_are_no_digest() -> None:
    """The same heads over one paragraph each are teasers, not articles: no digest."""
    outlets = ["HARBOUR GAZETTE", "EVENING PORT", "RIVER COURIER"]
    lines = ["Wire Service", ""]
    for n in range(3):
        lines += [outlets[n], HEADLINES[n], PARAGRAPHS[n][0], ""]
    assert run("\n".join(lines)).layout != "digest"


def test_numbered_item_wins_over_the_introduction_under_a_dated_title() -> None:
    """'<Name of the round-up>: <date>' over a heading and an introduction, then section
    labels, '<n>. <headline>', two paragraphs and 'Sources: <outlets>' per item, and a
    'Tags:' footer after the last item: the first article is the first numbered one."""
    lines = ["Harbour Review", "Harbour this week: 14 March 2025", "What made headlines",
             "Every Friday we round up the week's news from the harbour for our readers. "
             "Here is what you may have missed.", "", "Labour", ""]  # fmt: skip
    for n in range(3):
        lines += [f"{n + 1}. {HEADLINES[n]}", *PARAGRAPHS[n][:2], "Sources: Harbour Wire", ""]
    lines += ["Tags: harbour this week, digest", "Share: Email"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert {post["published_date"] for post in result.posts} == {"2025-03-14"}
    assert "Every Friday" not in bodies(result) and "Tags:" not in bodies(result)


def test_emailed_issue_masthead_above_the_first_rule_is_no_article() -> None:
    """'<NAME>' / 'Issue <n> · <date>' / a greeting, then articles under box-drawing rules
    ('<LABEL>' / '<headline>' / 'By <name> | <place>' / text): the masthead is chrome and
    its date the articles'."""
    rule = "─" * 26
    lines = ["View this email in your browser", "THE HARBOUR DESK",
             "Issue 118 · Friday, 7 February 2025",
             "Hello, and welcome to this week's issue with three stories from the docks.",
             ""]  # fmt: skip
    for n in range(3):
        lines += [rule, "", "THE LEAD", HEADLINES[n], f"By {NAMES[n]} | Harbour"]
        for paragraph in PARAGRAPHS[n]:
            lines += [paragraph, ""]
    lines += [rule, "", "You are receiving this email because you subscribed.", "Unsubscribe"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert {post["published_date"] for post in result.posts} == {"2025-02-07"}
    assert "Hello, and welcome" not in bodies(result) and "THE LEAD" not in bodies(result)


def test_copyright_line_opened_by_c_in_brackets() -> None:
    assert has_copyright("(c) Wire Service 2024. Redistribution prohibited.")
    assert not has_copyright("(c) the third option, which the council rejected in 2024.")


def _credited_articles(lead: list[str] | None = None) -> list[str]:
    """Three articles: '<headline>' / 'By <name>' / 'March <n>, 2019' / two paragraphs."""
    lines: list[str] = []
    for n in range(3):
        lines += [*(lead or []), HEADLINES[n], f"By {NAMES[n]}", f"March {n + 3}, 2019", ""]
        for paragraph in PARAGRAPHS[n][:2]:
            lines += [paragraph, ""]
    return lines


def test_running_head_laid_out_above_a_section_label_is_chrome() -> None:
    """'<REVIEW NAME> No. <n>, <date>      <page>' over 'ANALYSIS' over each article: both
    are chrome, in no article's body."""
    head = "HARBOUR REVIEW No. 187, 14 June 2021                                   {}"
    lines: list[str] = []
    for n, line in enumerate(_credited_articles()):
        if line in HEADLINES:
            lines += [head.format(n + 2), "", "ANALYSIS", ""]
        lines.append(line)
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert "HARBOUR REVIEW" not in bodies(result) and "ANALYSIS" not in bodies(result)


def test_rights_notice_under_the_closing_rule_is_chrome() -> None:
    lines = [*_credited_articles(), "-" * 60,
             "Copyright (c) 2019 Harbour Publishers. All rights reserved.",
             "Reproduction of this material in any form is not allowed."]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert "Reproduction of this material" not in bodies(result)


def test_text_under_the_last_rule_without_a_copyright_line_stays() -> None:
    note = "Editor's note: the figures in the second article were corrected on March 6."
    lines = [*_credited_articles(), "-" * 60, note]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert "the figures in the second article" in bodies(result)


def test_related_links_closing_the_last_article_are_chrome() -> None:
    related = ["Ferry Crews Strike Again in the Autumn", "The Port Budget, One Year Later"]
    lines = [*_credited_articles(), "Related", *related, "Tags: harbour, labour"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    for chrome in ("Related", *related):
        assert chrome not in bodies(result), chrome


def test_headlines_closing_an_article_without_a_related_label_stay() -> None:
    """A closing line shaped like a headline is the article's, unless a 'Related' label
    stands over it."""
    closing = "Pension Office Promises an Answer by May"
    lines = [*_credited_articles(), closing]
    assert closing in bodies(run("\n".join(lines)))


REVIEW_ITEMS = [
    ("Harbour Gazette", "Port workers win back their night shift bonus"),
    ("River Courier", "Council delays the vote on the ferry budget"),
    ("Mining Weekly", "Widows take the pension office to court"),
]


def test_press_review_items_open_at_outlet_headline_lines() -> None:
    parts = ["Press review", "", "A short lead on what the papers wrote today.", ""]
    for outlet, headline in REVIEW_ITEMS:
        parts += [f"{outlet}: {headline}", "", *PARAGRAPHS[0][:1], "", *PARAGRAPHS[1][:1], ""]
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [h for _, h in REVIEW_ITEMS]


def test_subheadings_with_a_colon_after_an_articles_lead_are_no_press_review() -> None:
    parts = ["A Guide to Registering as a Candidate", "", *PARAGRAPHS[0], ""]
    for number, (_, headline) in enumerate(REVIEW_ITEMS, start=1):
        parts += [f"Step {number}: {headline}", "", *PARAGRAPHS[1], ""]
    assert run("\n".join(parts)).layout != "digest"


def test_bulleted_runin_items_closed_by_a_link_are_articles() -> None:
    parts = ["Weekly Update", ""]
    for title, paragraph in zip(HEADLINES, PARAGRAPHS, strict=True):
        parts += ["Section Label", "", f"  • {title}: {paragraph[0]} Read more>>", ""]
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert "Read more" not in bodies(result) and "Section Label" not in bodies(result)


def test_day_headed_items_of_one_signed_paragraph_are_articles() -> None:
    """'<page date>' then '<day header>' / '<headline>' / one paragraph of two sentences or
    more / '— <Name>': whole items signed by their authors (a listing's summary is one
    sentence); the page's date is no item's date and the day header gives the year-less
    date in the page's year."""
    days = ["Monday, March 18", "Tuesday, March 19", "Wednesday, March 20"]
    lines = ["Week in Review", "", "Saturday, March 23, 2024", ""]
    for n in range(3):
        text = " ".join(PARAGRAPHS[n])
        lines += [days[n], "", HEADLINES[n], text, f"— {NAMES[n]}", ""]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["kind"] for post in result.posts] == ["digest_article"] * 3
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    dates = ["2024-03-18", "2024-03-19", "2024-03-20"]
    assert [post["published_date"] for post in result.posts] == dates


def test_items_closed_by_a_bracketed_source_note_are_articles() -> None:
    """'1. <HEADLINE>' / paragraphs / '(<Outlet>, <date>, <Author>)': a translated press
    digest's items; the note dates the item, its first name is the author, an item with no
    name in its note has none."""
    lines = ["DAILY PRESS DIGEST", "No. 12, 26 March 2020", ""]
    notes = [f"(Gazeta, 25 March 2020, {NAMES[0]})", "(Vestnik, 24 March 2020)"]
    for n in range(2):
        paragraphs = [part for text in PARAGRAPHS[n] for part in (text, "")]
        lines += [f"{n + 1}. {HEADLINES[n].upper()}", "", *paragraphs, notes[n], ""]
    lines += ["Press Office, tel. 000 00 00"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [h.upper() for h in HEADLINES[:2]]
    assert [post["author"] for post in result.posts] == [NAMES[0], None]
    assert [post["published_date"] for post in result.posts] == ["2020-03-25", "2020-03-24"]
    assert "Press Office" not in bodies(result)


def test_markdown_markup_is_read_through() -> None:
    """'### [<headline>](<url>)' is a headline, '**By <name>**' a byline, '_<text>_' text."""
    from flows.stages.segment.layouts.digest import plain

    assert plain("### [A Quiet Vote](https://x.example/a)") == "A Quiet Vote"
    assert plain("**By Odile Brank** | March 3, 2020") == "By Odile Brank | March 3, 2020"
    assert plain("_By Odile Brank_") == "By Odile Brank"
    assert plain("snake_case and 2 * 3 * 4") == "snake_case and 2 * 3 * 4"


def test_listproc_messages_under_numbered_rules_are_articles() -> None:
    """'** 01 *****' / 'Sender: <Name> (<address>)' / 'Subject: <title>' / text: a plain
    list digest's messages (no 'Date:' header: the numbered rule makes it a message); the
    contents' indented 'Subject:' lines open nothing, '** APPENDIX ***' and the few lines
    under it are the footer."""
    senders = ["Odile Brank (brank@host.example)", "piet@host.example (Piet Samsonov)",
               '"Aino Ferreira" (aino@host.example)']  # fmt: skip
    lines = ["Digest for 97-04-14", "", "Table of Contents", ""]
    for n in range(3):
        lines += [f"0{n + 1}-14 April 97  Sender:  {senders[n]}",
                  f"                Subject: {HEADLINES[n]}", ""]  # fmt: skip
    for n in range(3):
        lines += [f"** 0{n + 1} {'*' * 60}", "", f"Sender:  {senders[n]}",
                  f"Subject: {HEADLINES[n]}", "", *PARAGRAPHS[n], ""]  # fmt: skip
    lines += [f"** APPENDIX {'*' * 56}", "", "To leave the list, send UNSUBSCRIBE FRIENDS."]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert "UNSUBSCRIBE" not in bodies(result) and "Sender:" not in bodies(result)


def test_a_sender_block_under_a_plain_line_is_no_message() -> None:
    """Without a rule (numbered or not) above it, an undated 'Sender:'/'Subject:' block is
    not a digest's message."""
    lines = []
    for n in range(2):
        lines += ["Some words before it.", f"Sender:  {NAMES[n]} (x@host.example)",
                  f"Subject: {HEADLINES[n]}", "", *PARAGRAPHS[n], ""]  # fmt: skip
    assert run("\n".join(lines)).layout != "digest"


def test_mail_name_reads_a_name_before_its_address_in_brackets() -> None:
    from flows.stages.segment.layouts.digest import mail_name

    assert mail_name("Odile Brank (brank@host.example)") == "Odile Brank"
    assert mail_name('"Odile Brank" (brank@host.example)') == "Odile Brank"
    assert mail_name("brank@host.example (Odile Brank)") == "Odile Brank"
    assert mail_name("Odile Brank (Harbour Office)") == "Harbour Office"  # no address: as before
    assert mail_name("brank@host.example") is None


def test_journal_day_page_entries_headed_by_their_time() -> None:
    """'<day>' / '10:42 am - <headline>' / text / 'Current Mood: …' 'Tags: …' /
    '(<n> comments | Leave a comment)': a journal's day page; the time is no part of the
    title, the field lines and the comment links are no text, the day dates every entry."""
    lines = ["Harbour Notes", "", "December 3rd, 2007", ""]
    footers = ["(3 comments | Leave a comment)", "(Leave a comment)"]
    for n in range(2):
        lines += [f"{10 + n}:42 am - {HEADLINES[n]}", "", *PARAGRAPHS[n], "",
                  "Current Mood: tired", "Tags: port, budget", "", footers[n], ""]  # fmt: skip
    lines += ["<< Previous Day", "Next Day >>"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES[:2]
    assert [post["published_date"] for post in result.posts] == ["2007-12-03"] * 2
    text = bodies(result)
    assert "Mood" not in text and "Tags" not in text and "comment" not in text


def test_a_time_before_a_dash_inside_prose_is_no_headline() -> None:
    from flows.stages.segment.layouts.digest import TIMED_HEAD

    assert TIMED_HEAD.match("11:58 pm - A note on the observers")
    assert TIMED_HEAD.match("09:30 — Morning briefing")
    assert not TIMED_HEAD.match("At 11:58 pm - a note arrived")
    assert not TIMED_HEAD.match("11:58 pm: a note")


def test_spaced_out_posted_by_lines_with_a_time_close_posts() -> None:
    """'posted by <Name> @ <time>   <n> comments' (a gap of spaces inside, repeated under
    every post) closes each post; it is no running head of a printed page."""
    days = ["Tuesday, November 30, 2004", "Saturday, November 27, 2004"]
    lines = ["Harbour Notebook", "A blog about the port", ""]
    for n in range(2):
        lines += [days[n], "", HEADLINES[n], "", *PARAGRAPHS[n], "",
                  f"posted by {NAMES[0]} @ {n + 6}:15 PM   {n} comments", ""]  # fmt: skip
    lines += ["<< Home"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES[:2]
    assert [post["author"] for post in result.posts] == [NAMES[0]] * 2
    assert [post["published_date"] for post in result.posts] == ["2004-11-30", "2004-11-27"]


def test_post_headline_over_a_reposted_article_is_the_title() -> None:
    """'Category: <name>' / per post: '<post headline>' / '<caption>' / '<reposted
    headline>' / '<Outlet>' / '<date>' / text / 'Source: …' / share links: the post's own
    headline (first after the label or the previous post's share links) is the title, not
    the outlet line over the date."""
    lines = ["Category: Harbour", ""]
    for n in range(2):
        lines += [HEADLINES[n], "", "Photo: Port Weekly", "",
                  f"{HEADLINES[2 - n]} Again", "Port Weekly", f"March {n + 3}, 2023", "",
                  *PARAGRAPHS[n], "", f"Source: Port Weekly, {n + 3} March 2023.", "",
                  "Share this:", "Twitter", "Like this:", "Like Loading...", ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES[:2]
    assert "Share this" not in bodies(result)


def test_headline_under_a_contents_heading_stays_the_one_over_the_text() -> None:
    """'<date>' / 'CONTENTS' / '(1) <headline>' … then the posts: the contents' heading
    under the page's date is no post's title."""
    lines = ["Daily Archives: March 12, 2008", "", "WEDNESDAY MARCH 12 CONTENTS", ""]
    lines += [f"({n + 1}) {HEADLINES[n]}" for n in range(3)] + [""]
    for n in range(3):
        lines += [HEADLINES[n], "", *PARAGRAPHS[n], "", f"Posted in Port | {n} Comments »", ""]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["published_date"] for post in result.posts] == ["2008-03-12"] * 3


def test_a_contact_note_closing_the_page_is_its_footer() -> None:
    """'1. <OUTLET>' / '<headline>' / 'By <name>' / text …, then a short note with an
    e-mail address as the page's last line: the service's footer, no article's text; a
    last line without an address stays."""
    lines = ["RIVER PRESS REVIEW", "Wednesday, March 3, 2010", ""]
    for n in range(3):
        lines += [f"{n + 1}. GAZETA", HEADLINES[n], f"By {NAMES[n]}", "", *PARAGRAPHS[n], ""]
    note = "Compiled by the River Media Monitoring Service. Write to monitor@host.example"
    result = run("\n".join([*lines, note]))
    assert [post["title"] for post in result.posts] == HEADLINES
    assert "Monitoring Service" not in bodies(result)
    kept = "Compiled by the River Media Monitoring Service for its readers in the port."
    assert "Monitoring Service" in bodies(run("\n".join([*lines, kept])))


def test_a_headline_with_a_colon_under_a_comment_link_is_the_title() -> None:
    """'<Place>: <headline>' reads like an entry field ('Current Mood: cold'); under a
    post's 'Add new comment' link it is still the next post's headline."""
    heads = ["Ferry Workers: the night shift bonus", "Port budget: a quiet vote"]
    lines = []
    for n in range(2):
        lines += [heads[n], f"Submitted by {NAMES[n].split()[0].lower()} on Tue, 09/2{n}/2016 - 11:42",
                  "", *PARAGRAPHS[n], "", "Tags: port, budget", "Add new comment", ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == heads
    assert "Add new comment" not in bodies(result)


def test_menus_under_the_last_message_after_a_chrome_line_are_chrome() -> None:
    """A list archive's search page: messages, then 'Page 1 of 1 (4 results)' and the
    site's menu of short lines ('<list> - all messages'): chrome; short lines under the
    last paragraph with no chrome line above them (a signature) stay."""
    lines = ["The Archive", ""]
    for n in range(2):
        lines += [HEADLINES[n], "", f"2020-07-0{n + 1} Thread {NAMES[n]}", "",
                  *PARAGRAPHS[n], "", NAMES[n], ""]  # fmt: skip
    menu = ["Page 1 of 1 (2 results)", "", "Search the site", "The Archive home",
            "port-list - all messages", "port-list - about the list"]  # fmt: skip
    result = run("\n".join([*lines, *menu]))
    assert result.layout == "digest"
    text = bodies(result)
    assert "all messages" not in text and "Search the site" not in text
    assert NAMES[1] in text
    kept = run("\n".join([*lines, *menu[:1], "", PARAGRAPHS[2][0]]))
    assert PARAGRAPHS[2][0] in bodies(kept)  # prose after the chrome line: no menu


def _review(lead: str, closing: str = "") -> str:
    parts = ["Press review", "All news", "", lead, ""]
    for outlet, headline in REVIEW_ITEMS:
        parts += [f"{outlet}: {headline}", "", *PARAGRAPHS[0][:1], "", *PARAGRAPHS[1][:1], ""]
    return "\n".join([*parts, closing])


def test_a_press_reviews_lead_naming_its_items_is_a_summary() -> None:
    """A long lead paragraph that names the stories quoted below is the review's summary,
    dropped as such; a long lead about something else stays a post of its own."""
    lead = (
        "MOSCOW, May 3. Port workers got their night bonus back, the council put off its "
        "vote on the ferry budget again, and widows of the miners went to court over their "
        "pensions. These were the stories on the front pages of the regional papers today."
    )
    result = run(_review(lead))
    assert [post["title"] for post in result.posts] == [h for _, h in REVIEW_ITEMS]
    assert {row["rule"] for row in result.dropped} >= {"digest_summary"}
    assert "All news" not in bodies(result) and "front pages" not in bodies(result)
    other = (
        "MOSCOW, May 3. The editors of this service wish to thank their readers for the "
        "letters received during the spring and remind them that the archive of earlier "
        "issues can be consulted at any public library of the region free of charge."
    )
    kept = run(_review(other))
    assert len(kept.posts) == len(REVIEW_ITEMS) + 1
    assert "free of charge" in bodies(kept)


def test_a_publishers_notice_closing_the_page_is_chrome() -> None:
    """'<Agency> is not responsible for …' as the page's last line is chrome; the same
    words inside an article's last paragraph stay."""
    notice = "Harbour Wire is not responsible for the material quoted in these reviews"
    result = run(_review("A short lead.", notice))
    assert "not responsible" not in bodies(result)
    sentence = (
        "The port authority said it is not responsible for the cuts, which the city "
        "council had decided on without asking the harbour pilots or the ferry crews."
    )
    kept = run(_review("A short lead.", "\n" + sentence))
    assert "not responsible for the cuts" in bodies(kept)


def test_posted_date_lines_with_a_time_head_a_mailings_posts() -> None:
    """'<headline>' over 'Posted: <date> <time> <zone>' (a feed's e-mail update): the date
    line is the post's date, not an outlet's headline; the mailing's footer is chrome."""
    parts = ["Harbour Notes", ""]
    for n in range(3):
        parts += [HEADLINES[n], "", f"Posted: 1{n} Mar 2013 06:0{n} AM PDT", "",
                  *PARAGRAPHS[n], ""]  # fmt: skip
    parts += ["You are subscribed to email updates from Harbour Notes",
              "To stop receiving these emails, you may unsubscribe now.",
              "Harbour Notes Inc., 20 Quay Street, Portown PA USA 19019"]  # fmt: skip
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["published_date"] for post in result.posts] == [
        "2013-03-10", "2013-03-11", "2013-03-12"]  # fmt: skip
    text = bodies(result)
    assert "subscribed" not in text and "Quay Street" not in text


def test_a_digest_item_sent_by_the_lists_own_address_is_chrome() -> None:
    """Messages under dashed rules ('Date:' 'From:' 'Subject:'); the last one, sent by the
    list's '-request' address (its standing information), is chrome; a member's address
    that only contains 'request' in its name sends a message."""
    senders = [f"{name} <{name.split()[0].lower()}@host.example>" for name in NAMES[:2]]
    senders.append("Aino Requester <requester@host.example>")
    lines = ["Port-Forum Digest  Thursday 11 March 1999  Volume 7 : Issue 14", ""]
    for n in range(3):
        lines += ["-" * 30, "", f"Date: Tue, 0{n + 1} Mar 99 18:22:41 MSK",
                  f"From: {senders[n]}", f"Subject: {HEADLINES[n]}", "", *PARAGRAPHS[n], ""]  # fmt: skip
    info = ["-" * 30, "", "Date: 1 Jan 1999 (LAST-MODIFIED)", "From: PORT-request@host.example",
            "Subject: Info on PORT", "", "To subscribe send the word SUBSCRIBE.", ""]  # fmt: skip
    result = run("\n".join([*lines, *info, "-" * 30]))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["published_date"] for post in result.posts][:2] == ["1999-03-01", "1999-03-02"]
    assert "SUBSCRIBE" not in bodies(result)


def test_a_saved_mailbox_splits_at_its_from_lines() -> None:
    """An mbox: 'From <address> <ctime>' over full headers (Return-Path, Received with its
    folded lines, Status) opens each message, the 'From ' line its head. 'From' in prose,
    without the ctime stamp, opens nothing."""
    lines: list[str] = []
    for n, name in enumerate(NAMES):
        address = f"{name.split()[0].lower()}@host.example"
        lines += [f"From {address} Mon Oct  {n + 1} 09:12:44 2019", f"Return-Path: <{address}>",
                  "Received: from mail.host.example (mail.host.example [192.0.2.15])",
                  "\tby lists.host.example with ESMTP id x97692hA018221",
                  f"From: {name} <{address}>", f"Subject: {HEADLINES[n]}",
                  f"Date: Mon, {n + 1} Oct 2019 09:12:40 +0300", "Status: RO", "",
                  *PARAGRAPHS[n], ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert not result.dropped  # the 'From ' lines carry dates: the messages' heads
    text = bodies(result)
    assert "Received" not in text and "Status: RO" not in text and "09:12:44" not in text
    prose = "From Odile Brank Mon Oct 1 came a letter about the ferries."
    assert digest.MBOX_FROM.match(prose) is None


def test_a_chat_exports_messages_open_at_their_times() -> None:
    """A chat export as text: day lines, then per message the sender's initials, the time,
    the sender's name (the channel's: no author) and media labels over the text; a joined
    message shows only its time. A news feed's times over headlines and teasers are no
    chat."""
    lines = ["Harbour Channel", "", "5 February 2024", ""]
    lines += ["HC", "09:14", "Harbour Channel", *PARAGRAPHS[0], ""]
    lines += ["11:02", PARAGRAPHS[1][0], ""]
    lines += ["6 February 2024", "", "HC", "08:30", "Harbour Channel", "Photo",
              "Not included, change data exporting settings to download.",
              "1280x853, 142.1 KB", *PARAGRAPHS[2], ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert len(result.posts) == 3
    assert [post["author"] for post in result.posts] == [None, None, None]
    assert [post["published_date"] for post in result.posts] == [
        "2024-02-05", "2024-02-05", "2024-02-06"]  # fmt: skip
    text = bodies(result)
    assert "Not included" not in text and "HC" not in text.split("\n")
    assert "6 February 2024" not in text
    feed = ["Harbour News", "", "5 February 2024", ""]
    for n in range(3):
        feed += [f"0{n + 1}:15", HEADLINES[n], ""]
    assert not digest._export_openings(digest.Page.read(split_lines("\n".join(feed)), 120))


def test_untitled_review_items_open_at_a_cited_outlet_and_page() -> None:
    """'«<Outlet>» (<date>, с. <page>) <text>' opening a paragraph starts an untitled item
    (the paragraph stays its text); the same shape inside a paragraph opens nothing, nor
    does a paragraph naming an outlet without its page."""
    outlets = ["«Harbour Gazette» (14.11, p. 3)", "River Courier (p. 2)", "«Mining Weekly» (p. 5)"]
    parts = ["Press review", "14 November 2023", "", "POLITICS", ""]
    for outlet, paragraph in zip(outlets, PARAGRAPHS, strict=True):
        parts += [f"{outlet} {paragraph[0]}", "", *paragraph[1:], ""]
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [None, None, None]
    assert [post["published_date"] for post in result.posts] == ["2023-11-14"] * 3
    assert all(post["body"].startswith(outlets[n]) for n, post in enumerate(result.posts))
    plain = ["Press review", ""]
    for paragraph in PARAGRAPHS:
        plain += [f"Harbour Gazette reports: {paragraph[0]}", "", *paragraph[1:], ""]
    assert run("\n".join(plain)).layout != "digest"


def test_a_mailchimp_footer_under_the_last_article_is_chrome() -> None:
    footer = ["Copyright © 2022 Harbour Centre, All rights reserved.",
              "You are receiving this email because you subscribed on our website.", "",
              "Our mailing address is:", "Harbour Centre", "12 Quay Street, Office 4",
              "Portown 634050", "", "Add us to your address book", "",
              "Want to change how you receive these emails?",
              "You can update your preferences or unsubscribe from this list."]  # fmt: skip
    parts = ["Harbour Bulletin", ""]
    for n in range(3):
        parts += [HEADLINES[n], f"By {NAMES[n]}", "", *PARAGRAPHS[n], ""]
    result = run("\n".join([*parts, *footer]))
    assert [post["title"] for post in result.posts] == HEADLINES
    text = bodies(result)
    assert "Quay Street" not in text and "preferences" not in text and "address book" not in text


def test_a_briefs_emoji_sections_are_its_articles() -> None:
    """'<emoji> <Label>' after a blank line, right over the text, two or more: each opens
    an article titled by the label; an emoji line that is a sentence opens nothing."""
    labels = ["Ferries", "Port budget", "Pensions"]
    parts = ["The Harbour Brief", "Wednesday, 13 March 2024", ""]
    for emoji, label, paragraph in zip("⛴💰🏛", labels, PARAGRAPHS, strict=True):
        parts += [f"{emoji} {label}", *paragraph, ""]
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == labels
    chatty = ["The Harbour Brief", ""]
    for emoji, paragraph in zip("⛴💰🏛", PARAGRAPHS, strict=True):
        chatty += [f"{emoji} What a week it was for all of us.", *paragraph, ""]
    assert run("\n".join(chatty)).layout != "digest"


def test_headlines_standing_alone_under_rules_open_articles() -> None:
    """'-----' then '<headline>', a blank line and the text, two or more: each is an
    article; the contents under the first rule open nothing. Sections of one article
    that carry no headline under their rules stay one article."""
    rule = "-" * 60
    parts = ["Harbour Mailing", "Issue 118", "", rule, "", "In this issue:",
             *(f"{n + 1}. {h}" for n, h in enumerate(HEADLINES)), ""]  # fmt: skip
    for n in range(3):
        parts += [rule, "", HEADLINES[n], "", *PARAGRAPHS[n], ""]
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    plain = [HEADLINES[0], ""]
    for n in range(3):
        plain += [rule, "", *PARAGRAPHS[n], ""]
    assert run("\n".join(plain)).layout != "digest"


def test_headlines_closed_by_outlet_and_date_in_brackets_open_items() -> None:
    """'<headline> (<Outlet>, <date>)' after a blank line over the text: an item titled by
    the headline and dated by the bracket, not by the issue's date; a bracket without a
    date, or a sentence with one, opens nothing."""
    dates = ["14 March 2019", "15 March 2019", "16 March 2019"]
    parts = ["PRESS DIGEST", "No. 9/2019, 18 March 2019", ""]
    for n in range(3):
        parts += [f"{HEADLINES[n]} (Harbour Gazette, {dates[n]})", *PARAGRAPHS[n], ""]
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["published_date"] for post in result.posts] == [
        "2019-03-14", "2019-03-15", "2019-03-16"]  # fmt: skip
    undated = [f"{HEADLINES[n]} (Harbour Gazette, front page)" for n in range(3)]
    lines = split_lines("\n\n".join(f"{h}\n{PARAGRAPHS[n][0]}" for n, h in enumerate(undated)))
    assert not digest._sourced_heads(lines, digest.Page.read(lines, 120))
    said = [f"They met the mayor. (Harbour Gazette, {d})" for d in dates]
    lines = split_lines("\n\n".join(f"{h}\n{PARAGRAPHS[n][0]}" for n, h in enumerate(said)))
    assert not digest._sourced_heads(lines, digest.Page.read(lines, 120))


def test_export_records_closed_by_end_of_document_are_articles() -> None:
    """Nexis Uni: '<headline>' '<Outlet>' '<date>' fields 'Byline: <name>' over 'Body',
    the text, 'Load-Date:' then 'End of Document': one article a record, its byline the
    author, the head's date its date; a record without 'Body' makes no export."""
    parts: list[str] = []
    for n in range(3):
        parts += [HEADLINES[n], "Harbour Gazette", f"March 1{n}, 2019 Tuesday",
                  "Section: NEWS; Pg. 3", f"Byline: {NAMES[n]}", "Body", "",
                  *PARAGRAPHS[n], "", f"Load-Date: March 2{n}, 2019", "", "End of Document"]  # fmt: skip
    text = "\n".join(parts)
    result = run(text)
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == [
        "2019-03-10", "2019-03-11", "2019-03-12"]  # fmt: skip
    assert "End of Document" not in bodies(result) and "Load-Date" not in bodies(result)
    lines = split_lines(text.replace("\nBody\n", "\n\n"))
    assert not digest._record_openings(digest.Page.read(lines, 120))


def test_news_articles_under_their_sender_cards_are_messages() -> None:
    """An archive's thread of news articles: the sender's card ('<Name>', 'View profile',
    'More options <date>') over 'Newsgroups:' 'From:' 'Date:' 'Subject:' with no rule:
    each is a message; the card's name and date stay the head's, its links are chrome."""
    lines = ["soc.culture.example", ""]
    for n in range(3):
        address = f"{NAMES[n].split()[0].lower()}@host.example ({NAMES[n]})"
        lines += [NAMES[n], "View profile", f" More options Mar 2{n} 2003, 9:14 am",
                  "Newsgroups: soc.culture.example", f"From: {address}",
                  f"Date: 2{n} Mar 2003 01:14:22 -0800", f"Subject: {HEADLINES[n]}", "",
                  *PARAGRAPHS[n], "", "Reply | Reply to author | Forward | Rate this post:", ""]  # fmt: skip
    lines += ["« Back to Discussions « Newer topic     Older topic »"]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == [
        "2003-03-20", "2003-03-21", "2003-03-22"]  # fmt: skip
    text = bodies(result)
    assert "View profile" not in text and "More options" not in text and "Newer topic" not in text
    assert {row["rule"] for row in result.dropped} <= {"page_chrome", "nav_link"}


def test_rows_of_spaced_arrow_links_are_menus() -> None:
    assert is_arrow_row("« Back to Discussions « Newer topic     Older topic »")
    assert is_arrow_row("‹ Previous post   Next post ›")
    assert not is_arrow_row("Партия «Единая Россия» и «Справедливая Россия» спорят")
    assert not is_arrow_row("Turnout rose from 40 > 45 percent > 50 percent.")


def test_times_over_headlines_over_text_with_no_sender_are_a_feeds_items() -> None:
    """A news feed's day page ('<time>' over '<headline>' over the text, no initials or
    sender lines): each item is titled by its headline; the same page with a sender's
    initials is a chat export, whose messages have no titles."""
    feed = ["Harbour News", "", "5 February 2024", ""]
    for n in range(3):
        feed += [f"1{n}:15", HEADLINES[n], *PARAGRAPHS[n], ""]
    result = run("\n".join(feed))
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["published_date"] for post in result.posts] == ["2024-02-05"] * 3
    assert "10:15" not in bodies(result)
    chat = ["Harbour Channel", "", "5 February 2024", ""]
    for n in range(3):
        chat += ["HC", f"1{n}:15", "Harbour Channel", HEADLINES[n], *PARAGRAPHS[n], ""]
    lines = split_lines("\n".join(chat))
    openings = digest._export_openings(digest.Page.read(lines, 120))
    assert [opening.title_text for opening in openings] == ["", "", ""]


def test_untitled_items_closed_by_outlet_and_page_notes() -> None:
    """Paragraphs closed by '(<Outlet>, p. <n>)' on a line of their own, two or more: each
    run of text up to its note is an untitled item that keeps its note; a page of one
    note is no press review, nor are notes with no text above them."""
    notes = ["(Harbour Gazette, p. 2)", "(River Courier, pp. 1, 3)", "(Mining Weekly, p. 4)"]
    parts = ["Press Highlights", "Tuesday 12 March 2024", ""]
    for note, paragraph in zip(notes, PARAGRAPHS, strict=True):
        parts += [*paragraph, note, ""]
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [None, None, None]
    assert all(post["body"].rstrip().endswith(notes[n]) for n, post in enumerate(result.posts))
    single = ["Press Highlights", "", *PARAGRAPHS[0], notes[0], "", *PARAGRAPHS[1]]
    assert run("\n".join(single)).layout != "digest"
    bare = split_lines("\n".join(["Press Highlights", "", *notes]))
    assert not digest._noted_openings(digest.Page.read(bare, 120))


def test_weekday_date_time_headers_with_a_button_and_russian_footers() -> None:
    """'<Weekday>, <day> <Month> <year> г. <time> + в цитатник' over '<headline>' and the
    text, closed by 'Рубрики:' 'Метки:' 'Комментарии (n) …': each is a post dated by its
    header; a weekday and date opening a sentence make no date line, nor does a '+'
    before a sentence."""
    days = ["Воскресенье, 04 Декабря 2011 г. 23:58 + в цитатник",
            "Суббота, 03 Декабря 2011 г. 16:05 + в цитатник",
            "Пятница, 02 Декабря 2011 г. 08:10 + в цитатник"]  # fmt: skip
    parts = ["Дневник harbour", ""]
    for n in range(3):
        parts += [days[n], HEADLINES[n], *PARAGRAPHS[n], "Рубрики: Порт", "Метки: порт",
                  f"Комментарии ({n}) Комментировать в цитатник или сообщество", ""]  # fmt: skip
    result = run("\n".join(parts))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["published_date"] for post in result.posts] == [
        "2011-12-04", "2011-12-03", "2011-12-02"]  # fmt: skip
    assert "Комментарии" not in bodies(result) and "Метки" not in bodies(result)
    assert not digest._timed_date("Пятница, 02 Декабря 2011 г. стала днём выборов в думу")
    assert not digest._timed_date("Friday, 2 December 2011 + the ballots were counted again")
    assert digest._timed_date("Friday, 2 December 2011 08:10")


def test_numbered_newsletter_stories_under_an_unnumbered_masthead() -> None:
    """'1 big thing: <headline>', '2. <headline>', '3. <headline>' standing alone over
    their text: one article each, dated by the masthead's byline line; the masthead is the
    issue's, an image credit under a headline and a sign-off naming the masthead are
    chrome."""
    text = "\n\n".join(
        [
            "Morning Letter",
            "By Dmitri Kalinin · Mar 25, 2024",
            "1 big thing: The spring rotation of governors begins",
            "Illustration: Tamara Obolenskaya/Letter",
            "The Kremlin replaced two regional governors over the weekend, the largest change.",
            "Why it matters: acting governors appointed now will face the voters in September.",
            "2. The Duma returns with a crowded agenda",
            "The spring session resumes this week with more than forty bills in second reading.",
            "Between the lines: bills read twice in spring usually pass before the recess.",
            "3. Regional budgets feel the squeeze",
            "A third of the regions ended February with a budget deficit, the ministry said.",
            "Why it matters: regions with deficits depend on federal loans and their terms.",
            "Thanks for reading Morning Letter. Forward it to a friend who would enjoy it.",
            "Unsubscribe | Manage preferences",
        ]
    )
    result = segment(doc_id="d", text=text, layout_hint=None, config=SegmentConfig())
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [
        "The spring rotation of governors begins",
        "The Duma returns with a crowded agenda",
        "Regional budgets feel the squeeze",
    ]
    assert {post["published"] for post in result.posts} == {"Mar 25, 2024"}
    assert "Illustration" not in result.posts[0]["body"]
    assert "Thanks for reading" not in result.posts[-1]["body"]  # the sign-off names the masthead


def test_roundup_citation_lines_open_articles() -> None:
    paragraph = (
        "The governors in three regions have postponed every appointment until the new "
        "cabinet is named, and their deputies say nobody wants to be seen choosing a side."
    )
    text = (
        "Weekly Roundup\n\n"
        'I. Must Read:\nThe Harbor Review: "Two Chairs, One Desk," by Walter Brenning\n'
        f"{paragraph}\n{paragraph}\n\n"
        'Northern Courier: "The Governors Wait," by Irina Sablina\n'
        f"{paragraph}\n\n"
        'Not a citation: "quoted words" in a sentence that goes on and on, by the way\n'
        f"{paragraph}\n"
    )
    result = run(text)
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts][:2] == [
        "Two Chairs, One Desk",
        "The Governors Wait",
    ]
    assert [post["author"] for post in result.posts][:2] == ["Walter Brenning", "Irina Sablina"]


def test_one_citation_line_opens_nothing() -> None:
    lines = split_lines('The Harbor Review: "Two Chairs, One Desk," by Walter Brenning\nText.\n')
    page = digest.Page.read(lines, SegmentConfig().max_title_chars)
    assert digest._citation_openings(page) == {}


def test_a_newsletters_subscription_notice_is_chrome() -> None:
    for notice in (
        "You are receiving this letter because you subscribed on our website.",
        "You are receiving this newsletter because you signed up.",
    ):
        assert is_web_chrome(notice)


RUNIN_ITEMS = [
    (
        "Ferry crews win back their bonus",
        "After six weeks of refusing overtime, the crews of "
        "the river ferries have won back the night shift bonus the company cut in spring. (Harbour Post)",
    ),
    (
        "Port budget passes without debate",
        "The council approved the river port budget in "
        "eleven minutes, with no questions from the floor and two members absent. (Evening Courier)",
    ),
    (
        "Widows take pension office to court",
        "Forty widows of miners have filed a joint claim "
        "against the regional pension office over benefits withheld since the mine closed. (Valley News)",
    ),
]


def test_numbered_items_run_into_one_line_are_articles() -> None:
    items = " ".join(
        f"{number}) {headline}: {text}"
        for number, (headline, text) in enumerate(RUNIN_ITEMS, start=1)
    )
    text = f"Press Review\n\nThe day's press review (prepared by the press office): {items}\n"
    result = run(text)
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [headline for headline, _ in RUNIN_ITEMS]
    assert "eleven minutes" in result.posts[1]["body"]


def test_numbered_sections_of_a_paper_are_not_cut() -> None:
    sections = (
        "1. Introduction Since the return of the elections in the regions, governors have had "
        "to win votes. 2. Data and method The data cover all dismissals between 2012 and 2020. "
        "3. Conclusion The evidence suggests that results still matter to the centre."
    )
    lines = split_lines(sections + "\n")
    assert digest.split_runins(lines, SegmentConfig().max_title_chars) == lines


def test_an_enumeration_inside_a_sentence_is_no_item_sequence() -> None:
    text = (
        "The committee named three reasons: 1) the cost of the new berth, 2) the time it takes "
        "to dredge the channel, and 3) the objections of the fishing cooperative.\n"
    )
    lines = split_lines(text)
    assert digest.split_runins(lines, SegmentConfig().max_title_chars) == lines


DATED_ITEMS = [
    "The river port authority has asked the ministry for a second dredger, saying the channel "
    "silted up faster this winter than in any year since the records began in the sixties.",
    "Ferry crews on the northern crossing voted to accept the new rota after the company agreed "
    "to keep the night shift bonus it had planned to cut from the spring timetable onwards.",
    "A court in the regional capital has ordered the pension office to pay the widows of forty "
    "miners the benefits it withheld after the mine closed, with interest for the two years.",
    "The council has postponed the vote on the port budget for a third time, citing the absence "
    "of the finance committee's chair, who is on sick leave until the end of the month at least.",
]


def test_items_under_day_headers_closed_by_colons_are_untitled_articles() -> None:
    text = (
        "Harbour Monitor: No. 118\nMarch 14, 2018\nMarch 9:\n"
        + "\n".join(DATED_ITEMS[:2])
        + "\n[EDITOR'S NOTE: The figures could not be confirmed.]\nMarch 12:\n"
        + "\n".join(DATED_ITEMS[2:])
        + "\n"
    )
    result = run(text)
    assert result.layout == "digest"
    assert len(result.posts) == 4
    assert [post["title"] for post in result.posts] == [None] * 4
    assert "EDITOR'S NOTE" in result.posts[1]["body"]
    assert all("March 12:" not in post["body"] for post in result.posts)


def test_one_day_header_with_a_colon_makes_no_dated_sections() -> None:
    text = "Notes from the harbour\nMarch 9:\n" + "\n".join(DATED_ITEMS) + "\n"
    assert run(text).layout != "digest"


def test_day_colon_needs_a_day() -> None:
    assert digest._day_colon("March 9:")
    assert digest._day_colon("Friday, 9 March:")
    assert not digest._day_colon("March 9")
    assert not digest._day_colon("In March:")
    assert not digest._day_colon("Notes from March 9 onwards:")


def test_headlines_under_rules_below_an_outlet_or_author_line() -> None:
    heads = ["Harbour Post\nMay 1, 2021", "Odile Brank", "Valley News\nApril 30, 2021"]
    items = [
        f"*******\n\n#{number}\n{head}\n{headline}\n\n{DATED_ITEMS[number]}\n\n{DATED_ITEMS[3]}"
        for number, (head, headline) in enumerate(zip(heads, HEADLINES, strict=True))
    ]
    text = "Reading List\nNo. 88\n\n" + "\n\n".join(items) + "\n\n*******\n\nWrite to the editor.\n"
    result = run(text)
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES


def test_a_list_of_lines_under_a_rule_opens_no_article() -> None:
    page = digest.Page.read(
        split_lines(
            "*******\nOne headline of the contents\nAnother headline of the contents\n"
            "A third headline of the contents\nA fourth headline of the contents\n"
            "A fifth headline of the contents\n\n" + DATED_ITEMS[0] + "\n"
        ),
        SegmentConfig().max_title_chars,
    )
    assert digest._ruled_head(split_lines(""), page, 1) is None


def _planet(day_stamp: str) -> str:
    posts = []
    for number, headline in enumerate(HEADLINES):
        channel = f"{NAMES[number]}\n\n" if number != 1 else ""
        posts.append(
            f"{channel}{headline}\n\n{DATED_ITEMS[number]}\n\n{DATED_ITEMS[3]}\n\n"
            f"April {11 - number}, 2024 0{number + 4}:20 PM UTC"
        )
    return f"Planet Harbour\n\nLast update: April 11, 2024 07:15 PM UTC\n\n{day_stamp}\n\n\n" + (
        "\n\n".join(posts) + "\n"
    )


def test_posts_closed_by_date_stamps_under_blog_names() -> None:
    result = run(_planet("April 11, 2024"))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert [post["author"] for post in result.posts] == [NAMES[0], NAMES[0], NAMES[2]]


def test_stamps_over_headlines_open_posts_not_close_them() -> None:
    posts = [
        f"{11 - number} December 2011 @ 11:0{number} pm\n{headline}\n\n{DATED_ITEMS[number]}"
        f"\n\n{DATED_ITEMS[3]}"
        for number, headline in enumerate(HEADLINES)
    ]
    result = run("My Harbour Diary\n\n" + "\n\n".join(posts) + "\n")
    assert [post["title"] for post in result.posts] == HEADLINES
    assert all(post["author"] is None for post in result.posts)


def test_reaction_counts_are_chrome_and_numbers_are_not() -> None:
    assert digest.line_role("👍 214  🤔 37", 100) == "chrome"
    assert digest.line_role("❤️ 1.2K 🔥 19", 100) == "chrome"
    assert digest.line_role("№ 36", 100) != "chrome"
    assert digest.line_role("+5", 100) != "chrome"
    assert digest.line_role("$100", 100) != "chrome"


def test_a_sender_name_over_each_time_opens_the_message() -> None:
    messages = [f"Harbour Channel\n{9 + n}:14\n{DATED_ITEMS[n]}\n👍 {n + 5}" for n in range(3)]
    text = "Harbour Channel\n\n 6 September 2024\n\n" + "\n\n".join(messages) + "\n"
    result = run(text)
    assert result.layout == "digest"
    assert len(result.posts) == 3
    assert all("Harbour Channel" not in post["body"] for post in result.posts)
    assert all("👍" not in post["body"] for post in result.posts)


OUTLETS = ["Harbour Post", "Evening Courier", "Valley News"]


def _with_contents(entries: list[str]) -> str:
    items = [
        f"{headline}\n\n{DATED_ITEMS[number]}\n\n{DATED_ITEMS[3]}"
        for number, headline in enumerate(HEADLINES)
    ]
    return (
        "The Harbour Letter\nMarch 3, 2021\n\nContents:\n"
        + "\n".join(entries)
        + "\n\n"
        + "\n\n".join(items)
        + "\n"
    )


def test_headlines_the_contents_name_with_their_outlets_are_articles() -> None:
    entries = [
        f"{number}. {outlet}: {headline}"
        for number, (outlet, headline) in enumerate(zip(OUTLETS, HEADLINES, strict=True), 1)
    ]
    result = run(_with_contents(entries))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES


def test_an_article_listing_its_own_sections_is_no_digest() -> None:
    entries = [f"{number}. {headline}" for number, headline in enumerate(HEADLINES, 1)]
    assert run(_with_contents(entries)).layout != "digest"


def test_a_contents_entry_names_its_headline_with_a_source() -> None:
    key = "regional duma rejects early election bill"
    assert digest._names_with_source("volga courier: " + key, key)
    assert digest._names_with_source(key + " (volga courier)", key)
    assert not digest._names_with_source(key, key)
    assert not digest._names_with_source("why the " + key, key)


def _closed_articles(closings: list[str], tail: list[str]) -> str:
    lines: list[str] = ["RIVER AND PORT PRESS DIGEST", ""]
    for n in range(3):
        lines += [HEADLINES[n], f"By {NAMES[n]}", f"March {n + 3}, 2006", "", *PARAGRAPHS[n]]
        lines += [closings[n], ""]
    return "\n".join([*lines, *tail]) + "\n"


def test_a_line_closing_every_article_is_furniture() -> None:
    tail = ["More stories on this topic", "Dockers Vote to Return on Monday", "", "© Port Press"]
    result = run(_closed_articles(["Read full article (external)"] * 3, tail))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    assert "Read full article" not in bodies(result)
    assert "Dockers Vote" not in bodies(result)  # the page's footer under the last closing
    assert "Harbour pilots say the channel" in result.posts[1]["body"]


def test_articles_closing_on_different_lines_keep_them() -> None:
    last_lines = ["Talks resume on Monday", "The vote is in May", "The court sits in June"]
    result = run(_closed_articles(last_lines, ["© Port Press"]))
    assert result.layout == "digest"
    for post, line in zip(result.posts, last_lines, strict=True):
        assert line in post["body"]


def test_shared_closings_skip_rules_and_sentences() -> None:
    for closing in ("*" * 40, "Thanks to everyone who wrote in to us this week."):
        text = "\n".join(f"Head {n}\n\nText of item {n}.\n{closing}\n" for n in range(3))
        lines = split_lines(text)
        regions = [lines[0:5], lines[5:10], lines[10:]]
        assert digest._shared_closings(regions) == {}
    text = "\n".join(f"Head {n}\n\nText of item {n}.\nRead more\n" for n in range(3))
    lines = split_lines(text)
    found = digest._shared_closings([lines[0:5], lines[5:10], lines[10:]])
    assert [line.text for line in found.values()] == ["Read more"] * 3


def _suffixed_issue(suffixes: list[str]) -> str:
    lines = ["Port Tech Weekly, March 3, 2006", "", "Sponsored By Harbour Cloud", ""]
    lines += ["Harbour Cloud keeps your cargo data in one place, with no setup fees.", ""]
    for n in range(3):
        lines += ["⚓", f"Section {n + 1}", ""] if n != 1 else []
        lines += [f"{HEADLINES[n]} ({suffixes[n]})", "", PARAGRAPHS[n][0], ""]
    lines += ["Like this issue? Forward it to a friend who works on the docks.", ""]
    lines += ["If you no longer want these emails, unsubscribe below at any time."]
    return "\n".join(lines) + "\n"


def test_headlines_closing_on_one_shape_of_count_open_articles() -> None:
    result = run(_suffixed_issue(["3 minute read", "12 minute read", "5 minute read"]))
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == HEADLINES
    text = bodies(result)
    assert "Section 3" not in text and "⚓" not in text
    assert "Forward it to a friend" not in text  # the footer under the last one-paragraph item
    assert "Harbour Cloud keeps" not in text
    assert all(post["body"] == PARAGRAPHS[n][0] for n, post in enumerate(result.posts))


def test_headlines_closing_on_counts_of_other_shapes_open_nothing() -> None:
    lines = split_lines(_suffixed_issue(["3 minute read", "12 pages", "5 minute read"]))
    page = digest.Page.read(lines, SegmentConfig().max_title_chars)
    assert digest._suffixed_openings(page, SegmentConfig().max_title_chars) == []
    two = "\n".join(
        f"{HEADLINES[n]} ({n + 2} minute read)\n\n{PARAGRAPHS[n][0]}\n" for n in range(2)
    )
    page = digest.Page.read(split_lines(two), SegmentConfig().max_title_chars)
    assert digest._suffixed_openings(page, SegmentConfig().max_title_chars) == []


ISSUE_ITEMS = [
    (
        "Port workers vote to extend the strike",
        "Dock crews at the river port voted on Tuesday to keep refusing night shifts until the "
        "operator restores the bonus it cut in the spring, the union said after the count.",
    ),
    (
        "Council delays the tram depot sale",
        "City deputies postponed the sale of the old tram depot for a second time, asking the "
        "mayor's office for an independent valuation of the land before any auction is held.",
    ),
    (
        "Library wins a grant for its archive",
        "The regional library will use a new grant to scan its collection of pre-war "
        "newspapers, which readers have so far only been able to consult in the reading room.",
    ),
]


def _issue_text(top: list[str], heads: list[str] | None = None) -> str:
    parts = ["\n".join(top)] if top else []
    shown = heads or [head for head, _ in ISSUE_ITEMS]
    for title, (_, text) in zip(shown, ISSUE_ITEMS, strict=True):
        parts += [title, text]
    return "\n\n".join(parts) + "\n"


def test_issue_items_under_a_numbered_masthead() -> None:
    text = _issue_text(["The Harbour Letter", "Weekly newsletter · Issue 42 · May 2, 2025"])
    result = run(text)
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [head for head, _ in ISSUE_ITEMS]


def test_issue_items_under_a_dated_name_and_greeting() -> None:
    top = ["Harbour Project News - May 2nd, 2025\n\nWelcome to this issue; three stories today."]
    result = run(_issue_text(top))
    assert [post["title"] for post in result.posts] == [head for head, _ in ISSUE_ITEMS]


def test_issue_items_in_capitals_and_listed_contents() -> None:
    caps = [head.upper() for head, _ in ISSUE_ITEMS]
    assert [post["title"] for post in run(_issue_text(["Daily briefing"], caps)).posts] == caps
    contents = ["In this issue:", *(head for head, _ in ISSUE_ITEMS)]
    listed = run(_issue_text(["The Harbour Letter", "", *contents]))
    assert [post["title"] for post in listed.posts] == [head for head, _ in ISSUE_ITEMS]


def test_article_with_subheadings_is_no_issue() -> None:
    top = ["Why the river port is losing its crews", "", "By Odile Brank", "May 2, 2025"]
    assert run(_issue_text(top)).layout != "digest"


def test_report_with_numbered_sections_is_no_issue() -> None:
    numbered = [f"{n}. {head}" for n, (head, _) in enumerate(ISSUE_ITEMS, start=1)]
    result = run(_issue_text(["Policy Brief No. 12", "Harbour Institute"], numbered))
    assert result.layout != "digest"


MAILED = (
    Path(__file__).parent
    / "realworld/digest/think_tank_alert_email_new_publications_unsubscribe.txt"
)


def test_listing_mailed_with_an_unsubscribe_footer_is_a_digest() -> None:
    result = run(MAILED.read_text())
    assert result.layout == "digest"
    assert {post["kind"] for post in result.posts} == {"digest_article"}


def test_listing_without_a_mail_footer_stays_a_listing() -> None:
    text = (
        MAILED.read_text()
        .replace("Update your preferences | Unsubscribe", "About | Contact")
        .replace("You are receiving this email because", "We write about")
    )
    assert run(text).layout == "listing"
    assert not digest._mail_footer(split_lines("Subscribe to our newsletter\n"))


@pytest.mark.parametrize(
    "footer",
    [
        "You are receiving this email because you opted in via our website.",
        "This message was sent to you because you follow new results for [ duma ].",
        "Want to change how you receive these emails? Update your preferences.",
    ],
)
def test_mail_footers_of_newsletters_and_alerts(footer: str) -> None:
    assert digest._mail_footer(split_lines(f"Read more\n\n{footer}\n"))


@pytest.mark.parametrize(
    "footer", ["Manage your subscription | Privacy", "Update your preferences", "Manage alerts"]
)
def test_a_web_pages_account_links_are_no_mail_footer(footer: str) -> None:
    assert not digest._mail_footer(split_lines(f"Read more\n\n{footer}\n"))


def test_mailed_listing_wins_over_a_weaker_reading_of_the_issue() -> None:
    """A mail footer makes the listing's stronger reading of the items the digest's, even
    where the digest's own reading finds the issue too."""
    text = (MAILED.parent / "mailchimp_curated_links_read_more_at_outlet_footer.txt").read_text()
    found = digest.detect(split_lines(text), SegmentConfig())
    assert found is not None and isinstance(found.parsed, digest.MailedListing)
    assert "issue" not in found.evidence  # the digest's own reading, weaker, is not taken


LISTED_RUNINS = [
    "Ferry Crews Strike Over Unpaid Wages. The crews of the river ferries stopped work on "
    "Monday, saying they had not been paid since January.",
    "Council Delays the Tram Depot Sale. City deputies postponed the sale of the old depot "
    "for a second time and asked for an independent valuation.",
    "Library Wins a Grant for Its Archive. The regional library will scan its collection "
    "of pre-war newspapers with the money.",
]


def test_numbered_and_bulleted_paragraphs_with_runin_headlines_are_items() -> None:
    """'<n>. <Headline In Title Case>. <text>' or '• <Headline …>. <text>' opening each of
    three paragraphs or more: a round-up's items, each titled by its run-in headline."""
    for marks in (["1.", "2.", "3."], ["•"] * 3):
        lines = ["Harbour Notes", "", "A few stories worth noting this week, briefly.", ""]
        for mark, item in zip(marks, LISTED_RUNINS, strict=True):
            lines += [f"{mark} {item}", ""]
        result = run("\n".join(lines))
        assert result.layout == "digest", marks
        titles = [post["title"] for post in result.posts if post["title"]]
        assert titles == [item.split(". ")[0] for item in LISTED_RUNINS]
        assert result.posts[-1]["body"].startswith("The regional library")


def test_listed_paragraphs_without_title_case_heads_are_not_cut() -> None:
    """Numbered sentences, a paper's numbered sections and bullets of plain prose keep
    their lines: no run-in headline in title case of several words opens them."""
    max_chars = SegmentConfig().max_title_chars
    sentences = [
        "1. The council voted against the plan. Its members said the costs were too high.",
        "2. The mayor said he would appeal. He did not say to which court he would turn.",
        "3. The residents plan a protest. They will gather outside the depot on Sunday.",
    ]
    sections = [
        "1. Introduction. Since the reform of 2004 the regions have lost most of their powers.",
        "2. Method. We compare the budgets of forty regions over ten years of the reform.",
        "3. Results. The share of federal transfers grew in thirty of the forty regions.",
    ]
    bullets = [f"• {line[3:]}" for line in sentences]
    one_short = [
        *(f"{n + 1}. {item}" for n, item in enumerate(LISTED_RUNINS)),
        "4. Read More. Here.",
    ]
    for listed in (sentences, sections, bullets):
        lines = split_lines("\n\n".join(listed) + "\n")
        assert digest.split_runins(lines, max_chars) == lines, listed[0]
    lines = split_lines("\n\n".join(one_short) + "\n")
    assert digest._paragraph_runin_cuts(lines, max_chars) == {}


def test_title_case_runin_list_followed_by_a_section_is_no_roundup() -> None:
    """The same numbered run-in headlines inside an article, a subheading and a paragraph
    of text after them: the list is a part of the article, its lines stay whole."""
    lines = ["Why the Port Matters", "", PARAGRAPHS[0][0], ""]
    lines += [f"{n + 1}. {item}\n" for n, item in enumerate(LISTED_RUNINS)]
    lines += ["What Comes Next", "", " ".join(PARAGRAPHS[1]), ""]
    split = split_lines("\n".join(lines))
    assert digest.split_runins(split, SegmentConfig().max_title_chars) == split


def test_round_up_post_byline_under_the_last_item_is_kept_out_of_its_text() -> None:
    """'Posted by <Name> at <time> …' under a round-up's last item: the post's own footer,
    out of the item's text and not dropped; the comment form under it is chrome."""
    lines = ["Harbour Notes", "", "Three stories this week.", ""]
    lines += [f"{n + 1}. {item}\n" for n, item in enumerate(LISTED_RUNINS)]
    lines += ["Posted by Odile Brank at 09:15 AM in Weekly Notes | Permalink", ""]
    lines += ["You can follow this conversation by subscribing to the comment feed.", ""]
    result = run("\n".join(lines))
    assert result.layout == "digest"
    assert "Posted by" not in bodies(result) and "comment feed" not in bodies(result)
    assert all("Posted by" not in row["text"] for row in result.dropped)


def test_shared_closings_of_one_shape_with_the_items_own_part() -> None:
    """'<domain> – Share' or 'Read more at <Outlet>' under every item: one link of one shape,
    furniture; '<Agency>, <date>' credits of one shape are each item's own."""
    for closings in (
        ["harbour.example – Share", "port-news.example – Share", "river.example – Share"],
        ["Read more at Harbour Gazette", "Read more at Evening Port", "Read more at River Post"],
    ):
        text = "\n".join(f"Head {n}\n\nText of item {n}.\n{c}\n" for n, c in enumerate(closings))
        lines = split_lines(text)
        found = digest._shared_closings([lines[0:5], lines[5:10], lines[10:]])
        assert [line.text for line in found.values()] == closings
    credits = ["Harbour Wire, 3 May", "River Wire, 4 May", "Port Wire, 5 May"]
    text = "\n".join(f"Head {n}\n\nText of item {n}.\n{c}\n" for n, c in enumerate(credits))
    lines = split_lines(text)
    assert digest._shared_closings([lines[0:5], lines[5:10], lines[10:]]) == {}


def test_signatures_of_one_shape_are_no_shared_closing() -> None:
    names = ["— Odile Brank", "— Mila Arkhipova", "— Tino Ferreira"]
    text = "\n".join(f"Head {n}\n\nText of item {n}.\n{c}\n" for n, c in enumerate(names))
    lines = split_lines(text)
    assert digest._shared_closings([lines[0:5], lines[5:10], lines[10:]]) == {}


def _more_regions(closings: list[str]) -> list[list[Line]]:
    text = "\n".join(
        line
        for n, closing in enumerate(closings)
        for line in (f"Part {n}", "", f"Text of part {n}.", closing, "")
    )
    lines = split_lines(text)
    starts = [line.index for line in lines if line.text.startswith("Part ")]
    bounds = [*starts, len(lines)]
    return [lines[begin:end] for begin, end in pairwise(bounds)]


def test_more_closing_ends_the_last_article_when_every_article_closes_on_one() -> None:
    regions = _more_regions(["Read more of this story at Ferry Notes.", "Continue reading →"])
    more = digest._more_closing(regions)
    assert more is not None and more.text == "Continue reading →"
    assert digest._more_closing(_more_regions(["The end.", "Read more »"])) is None
    assert digest._more_closing(_more_regions(["Read more »", "Thanks for reading."])) is None


def _records(under_title: str) -> str:
    items = []
    for headline, paragraph in zip(
        HEADLINES, ["Alpha text. " * 12, "Beta text. " * 12, "Gamma text. " * 12], strict=True
    ):
        items.append(
            f"Title: {headline}\n{under_title}\nDate: 12 March 2024\n\n{paragraph.strip()}\n"
        )
    return "\n".join(items)


def test_names_row_under_a_title_field_is_the_records_author() -> None:
    result = segment(
        doc_id=DOC,
        text=_records("Odile Brank, Piet Samsonov and Aino Ferreira"),
        layout_hint="digest",
        config=SegmentConfig(),
    )
    assert [post["author"] for post in result.posts] == [
        "Odile Brank, Piet Samsonov and Aino Ferreira"
    ] * 3
    assert "Odile Brank" not in bodies(result)


def test_line_under_a_title_field_that_is_no_names_row_stays_text() -> None:
    result = segment(
        doc_id=DOC,
        text=_records("Room B.214, Main Building"),
        layout_hint="digest",
        config=SegmentConfig(),
    )
    assert all(post["author"] is None for post in result.posts)
    assert "Room B.214, Main Building" in bodies(result)
    assert not digest._names_row_under_title(
        digest.Page.read(split_lines("Date: 12 March 2024\nOdile Brank"), 120), 1
    )


def _field_blocks(paragraphs: int) -> str:
    blocks = []
    for number, headline in enumerate(HEADLINES):
        text = "\n\n".join(f"Paragraph {n} of record {number}. " * 8 for n in range(paragraphs))
        blocks.append(f"Title: {headline}\nDate: 12 March 2024\n\n{text.strip()}\n")
    return "\n".join(blocks)


def test_field_blocks_with_one_paragraph_each_are_a_record_list_not_articles() -> None:
    config = SegmentConfig()
    records = digest.detect(split_lines(_field_blocks(1)), config)
    assert records is not None and records.score == digest.RECORD_LIST_SCORE
    assert "list of records" in records.evidence
    articles = digest.detect(split_lines(_field_blocks(2)), config)
    assert articles is not None and articles.score > digest.RECORD_LIST_SCORE


def test_a_list_of_records_is_a_doubtful_digest() -> None:
    """Field blocks with no running text read as a digest's articles only over the
    fallback, and the choice carries the doubt that they are a listing's records."""
    text = (
        Path(__file__).parent
        / "realworld/listing/arxiv_list_new_bracket_number_id_formats_authors_subjects.txt"
    ).read_text()
    found = digest.detect(split_lines(text), SegmentConfig())
    assert found is not None and "a list of records" in found.evidence
    assert found.doubt == digest.RECORD_LIST_DOUBT


def test_day_header_is_a_whole_date_with_its_weekday_only() -> None:
    assert digest._day_header("3 December 2026, Wednesday") == "2026-12-03"
    assert digest._day_header("December 6, 2026 (Saturday)") == "2026-12-06"
    assert digest._day_header("Posted on December 6, 2026 by Anna") is None
    assert digest._day_header("Monday, March 18") is None  # no year: the issue's own day


def _chronicle(paragraphs: int) -> str:
    days = []
    for day in (5, 4, 3):
        text = [
            f"A court in the region of number {day} {n} fined a local activist for a post"
            f" about the war, and her lawyer said the hearing lasted ten minutes."
            for n in range(paragraphs)
        ]
        days.append("\n\n".join([f"{day} March 2025, Weekday", *text]))
    return "Chronicle of persecution\n\n" + "\n\n".join(days).replace(", Weekday", "") + "\n"


def test_days_of_a_chronicle_are_its_articles_and_one_teaser_a_day_is_none() -> None:
    config = SegmentConfig()
    found = digest.detect(split_lines(_chronicle(2)), config)
    assert found is not None and "days of a chronicle" in found.evidence
    result = segment("d", _chronicle(2), "digest", config)
    assert [post["title"] for post in result.posts] == [
        "5 March 2025",
        "4 March 2025",
        "3 March 2025",
    ]
    assert result.posts[0]["published_date"] == "2025-03-05"
    assert digest.detect(split_lines(_chronicle(1)), config) is None


def test_a_page_opened_by_a_mail_header_or_closed_by_unsubscribe_is_mailed() -> None:
    header = "From: Alerts <alerts@example.org>\nDate: Tue, Oct 10, 2023\nSubject: New results\n"
    assert digest._mailed(split_lines(header + "\nItem one\nText of the item.\n"))
    assert digest._mailed(split_lines("Item one\nText of the item.\n\nUnsubscribe\n"))
    assert not digest._mailed(split_lines("Item one\nText of the item.\n\nContact us\n"))


def test_a_mailings_notice_and_what_follows_it_close_the_newsletter() -> None:
    text = (
        "Item one\nText of the item.\nRead more\n\n"
        "You are receiving this email because you opted in.\n\n"
        "Want to change how you receive these emails?\nUpdate your preferences\n"
    )
    notice = digest._mailing_notice(split_lines(text))
    assert sorted(notice) == [4, 6, 7]
    assert digest._mailing_notice(split_lines("Item one\nText of the item.\n")) == {}


def test_paragraphs_quoting_papers_named_in_capitals_are_a_press_reviews_items() -> None:
    papers = ["MÄRKISCHE ABENDPOST", "LAUSITZER TAGBLATT", "HANSE-POST"]
    paragraphs = [
        f"Die {paper} aus der Region schreibt: „Die Wahl war entschieden, bevor sie begann,"
        " und jeder im Land wusste das schon lange vorher.“"
        for paper in papers
    ]
    text = "Presseschau\n\n" + "\n\n".join(paragraphs) + "\n"
    found = digest.detect(split_lines(text), SegmentConfig())
    assert found is not None and found.layout == "digest"
    two = "Presseschau\n\n" + "\n\n".join(paragraphs[:2]) + "\n"
    assert digest.detect(split_lines(two), SegmentConfig()) is None
    assert not digest._caps_cited("Die NATO erklärt: „Nichts.“")  # an acronym, no paper


def test_an_articles_timeline_under_its_byline_is_no_chronicle() -> None:
    text = "How the protests unfolded\nBy Anna Lind\n\n" + _chronicle(2).split("\n\n", 1)[1]
    found = digest.detect(split_lines(text), SegmentConfig())
    assert found is None or "days of a chronicle" not in found.evidence


def ruled_issue(rule: str = "_" * 32) -> str:
    """A mailed issue: masthead, issue date, a bulleted contents under its heading, then
    stories in capitals each closed by a dated source line, rules between them."""
    rows = ["WEEKLY DIGEST No. 112", "14 March 2024", "", "IN THIS ISSUE"]
    rows += [f"- {headline}" for headline in HEADLINES]
    rows += ["", rule, ""]
    for n, headline in enumerate(HEADLINES):
        rows += [headline.upper(), "", *PARAGRAPHS[n], ""]
        rows += [f"Source: Harbour Courier, {9 + n} March 2024"]
        rows += ["", rule, ""]
    rows.append("To unsubscribe, reply with the word STOP.")
    return "\n".join(rows) + "\n"


def test_a_rule_under_the_contents_heading_parts_it_from_the_first_story() -> None:
    result = run(ruled_issue())
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == [text.upper() for text in HEADLINES]
    assert [post["published"] for post in result.posts] == [
        f"{day} March 2024" for day in (9, 10, 11)
    ]  # each story's own source line, not the issue's date over the contents
    assert "IN THIS ISSUE" not in bodies(result)


def test_without_a_rule_a_post_under_its_day_header_keeps_its_own_headline() -> None:
    rows: list[str] = []
    for n, headline in enumerate(HEADLINES):
        rows += [f"Monday, March {4 + 7 * n}, 2024", "", headline, "", "Reposted from the wire"]
        rows += ["", "\n\n".join(PARAGRAPHS[n]), "", f"Posted by {NAMES[n]} at 9:1{n} PM", ""]
    result = run("\n".join(rows))
    assert [post["title"] for post in result.posts] == HEADLINES
