"""Labelled cases for the flat message-board grammar (Phorum, Discus, WWWBoard style;
invented snippets)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from flows.stages.segment.grammars import flat_board
from flows.stages.segment.lines import split_lines

LABELLED = """\
Board : Lakes
Go to: Forum List • New Topic

Ice on the bay?

Go to: Forum List • New Topic
Posted by: walt b ()
Date: May 13, 2024 07:52AM

Is the ice still good near the point this week?

Options: Reply • Quote

Re: Ice on the bay?
Posted by: pike_lady ()
Date: May 13, 2024 09:18AM
Edited 1 time(s). Last edit at 05/13/2024 09:20AM by pike_lady.

walt b Wrote:
-------------------------------------------------------
> near the point

Eight inches of clear ice there on Thursday.

Options: Reply • Quote

Go to: Forum List • New Topic
This forum powered by Phorum.
"""

ONE_LINE = """\
Town Forum: Affairs: Parking on Elm Street

Top of page Link to this message
By Harold W. (hw) on Tuesday, March 9, 2004 - 07:42 pm:

The board wants two-hour parking on Elm Street from the library on.

Top of page Link to this message
By Cora L. (coral) on Wednesday, March 10, 2004 - 08:15 am:

Does the permit cost anything at all this year?

Add Your Message Here
Post:
Username:
Password:
"""


def test_labelled_bylines_subjects_and_furniture() -> None:
    lines = split_lines(LABELLED)
    starts = flat_board.find_starts(lines)
    assert len(starts) == 1 and lines[starts[0]].text == "Re: Ice on the bay?"
    header = flat_board.parse_header(lines, starts[0], len(lines))
    assert (header.author, header.edited, header.nesting) == ("pike_lady", True, 0)
    assert header.published is not None and header.published.startswith("May 13, 2024")
    head = flat_board.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Ice on the bay?", "walt b")
    assert flat_board.is_chrome(lines[starts[0] - 2])  # 'Options: Reply • Quote'
    end = flat_board.find_end(lines, starts)
    assert end is not None and lines[end].text == "Go to: Forum List • New Topic"


def test_a_thread_never_reads_the_page_another_thread_read() -> None:
    lines = split_lines(LABELLED)
    options = lines[flat_board.find_starts(lines)[0] - 2]
    with ThreadPoolExecutor(max_workers=1) as other:
        other.submit(flat_board.find_starts, split_lines(ONE_LINE)).result()
        assert not other.submit(flat_board.is_chrome, options).result()
    assert flat_board.is_chrome(options)  # this thread's page is still the labelled one


def test_one_line_bylines_row_above_and_reply_form() -> None:
    lines = split_lines(ONE_LINE)
    starts = flat_board.find_starts(lines)
    assert [flat_board.parse_header(lines, at, len(lines)).author for at in starts] == ["Cora L."]
    assert lines[starts[0]].text == "Top of page Link to this message"
    head = flat_board.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Parking on Elm Street", "Harold W.")
    end = flat_board.find_end(lines, starts)
    assert end is not None and lines[end].text == "Add Your Message Here"


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "article bylines: no aside, no colon",
            "By Anna Kay on March 9, 2004\n\nText of one.\n\n"
            "By Petr Lin on March 10, 2004\n\nText of two.\n",
        ),
        (
            "a blog's index: a title of its own over every byline, no reply",
            "Spring cleaning at the depot\nPosted by admin (Editor) on March 9, 2004\n\nText.\n\n"
            "New bus lines from May\nPosted by admin (Editor) on March 2, 2004\n\nMore.\n",
        ),
        (
            "one byline only",
            "Posted by: anna ()\nDate: May 13, 2024 07:52AM\n\nText of one.\n",
        ),
        (
            "a label without a date under it",
            "Author: anna (x)\nLocation: Tver\n\nText.\n\nAuthor: petr (y)\nLocation: Oryol\n",
        ),
        (
            "a sentence that starts like a byline",
            "By the way (really) on Monday it rained:\n\nText.\n\n"
            "By then (too late) on the next day we left:\n\nMore.\n",
        ),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert flat_board.find_starts(split_lines(text)) == [], label


def test_page_that_starts_with_a_reply_is_a_stub() -> None:
    later = LABELLED.replace(
        "Ice on the bay?\n\nGo to: Forum List • New Topic\nPosted by: walt b",
        "Ice on the bay?\n\nGo to: Forum List • New Topic\nRe: Ice on the bay?\nPosted by: walt b",
    )
    lines = split_lines(later)
    starts = flat_board.find_starts(lines)
    assert len(starts) == 2
    head = flat_board.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Ice on the bay?", None)


@pytest.mark.parametrize(
    ("dates", "published"),
    [
        (("02-26-05 06:48", "02-27-05 07:02"), "2005-02-26 06:48"),  # month first: 26 > 12
        (("26.02.98 06:48", "27.02.98 07:02"), "1998-02-26 06:48"),  # day first
        (("02-03-05 06:48", "02-04-05 07:02"), "02-03-05 06:48"),  # either: left as shown
    ],
)
def test_two_digit_year_dates_read_by_the_pages_own_order(
    dates: tuple[str, str], published: str
) -> None:
    text = "".join(
        f"{'Re: ' * n}Ice on the bay?\nAuthor: poster{n} (---.isp.net)\nDate:   {when}\n\nText {n}.\n\n"
        for n, when in enumerate(dates)
    )
    lines = split_lines(text)
    head = flat_board.parse_post(lines[: flat_board.find_starts(lines)[0]])
    assert head is not None and head.published == published


BOARD_BYLINES = """\
Regions and Governors

Kestrel
Senior Member

Post by Kestrel on Sept 12, 2022 at 9:41am

Another September, another set of regional heads re-elected with numbers like typos.

Like
Quote

Orlov
Full Member

Post by Orlov on Sept 12, 2022 at 11:03am

There is one reason, and it is not about the winner. Turnout is what is judged.

Last Edit: Sept 12, 2022 at 11:20am by Orlov
Like
Quote
"""


def test_a_boards_post_by_bylines_without_colon() -> None:
    lines = split_lines(BOARD_BYLINES)
    starts = flat_board.find_starts(lines)
    assert [lines[at].text for at in starts][-1] == "Post by Orlov on Sept 12, 2022 at 11:03am"


def test_a_lower_case_post_by_heading_is_no_byline() -> None:
    lines = split_lines(BOARD_BYLINES.replace("Post by", "post by"))
    assert flat_board.find_starts(lines) == []
