"""The '<name> wrote' comment grammar: invented snippets, negatives included."""

from __future__ import annotations

from flows.stages.segment.boilerplate import CHROME_LINE
from flows.stages.segment.grammars import wrote_header
from flows.stages.segment.lines import split_lines

PAGE = """\
Warren
Log in

Submitted by lark_m in Elections (edited )

Why the district count took two days this time

The commission announced the district result two days after the polls closed, which has not happened here before.

amber_fox wrote (edited )

The count was slow because the online ballots were tallied separately and added at the end.

14

    lark_m wrote

    That would explain why the totals jumped on the second evening.

    3

reed wrote 2 years ago

Nobody from the commission explained it, which is the real problem here.

-2

Powered by Postmill
"""


def test_headers_scores_nesting_and_post() -> None:
    lines = split_lines(PAGE)
    starts = wrote_header.find_starts(lines)
    ends = [*starts[1:], wrote_header.find_end(lines, starts) or len(lines)]
    headers = [wrote_header.parse_header(lines, a, e) for a, e in zip(starts, ends, strict=True)]
    assert [(h.author, h.score, h.edited, h.nesting > 0) for h in headers] == [
        ("amber_fox", 14, True, False),
        ("lark_m", 3, False, True),
        ("reed", -2, False, False),
    ]
    assert headers[2].age == "2 years ago"
    head = wrote_header.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Why the district count took two days this time", "lark_m")


def test_quote_attributions_and_one_name_are_no_thread() -> None:
    quoted = PAGE.replace(" wrote (edited )", " wrote:").replace(" wrote\n", " wrote:\n")
    quoted = quoted.replace("reed wrote 2 years ago", "reed wrote:")
    assert wrote_header.find_starts(split_lines(quoted)) == []
    one_name = PAGE.replace("lark_m wrote", "amber_fox wrote")
    one_name = one_name.replace("reed wrote", "amber_fox wrote")
    assert wrote_header.find_starts(split_lines(one_name)) == []


def test_sign_in_to_comment_lines_are_chrome() -> None:
    for text in (
        "You must log in or register to comment.",
        "Sign in or create your Guardian account to join the discussion.",
        "Log in or register to post comments",
    ):
        assert CHROME_LINE.match(text), text
    assert not CHROME_LINE.match("I had to log in to comment on the draft law.")
