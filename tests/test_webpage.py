"""A web page's article, its head and its furniture; mail pages; '>' quote blocks."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment

DOC = "0123456789abcdef"

PARAGRAPH = (
    "The regional election commission published its final count three days after the "
    "polls closed, and the turnout it reported was higher than in any earlier vote."
)


def run(text: str):
    result = segment(DOC, text, None, SegmentConfig())
    assert coverage_errors(text, result) == []
    return result


def _page(head: list[str], tail: list[str]) -> str:
    body = [PARAGRAPH.replace("regional", word) for word in ("city", "district", "federal")]
    return "\n\n".join([*head, *body, *tail])


def test_menu_category_title_byline_and_widgets():
    text = _page(
        ["Skip to content", "Volga Notebook", "Home", "About", "Elections",
         "Why the Count Took Three Days", "Posted on March 3, 2021 by Anna Petrova"],
        ["Share this:", "Twitter", "Facebook", "Related", "Recent Posts",
         "The governors who stayed", "A note on turnout", "Blog at WordPress.com."],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert post["author"] == "Anna Petrova"
    assert (post["published"], post["published_date"]) == ("March 3, 2021", "2021-03-03")
    for chrome in ("Volga Notebook", "Elections", "Recent Posts", "The governors who stayed"):
        assert chrome not in post["body"]
    assert "Posted on" not in post["body"]  # the byline is metadata, in the span only


def test_title_is_never_a_breadcrumb_dateline_or_caption():
    text = _page(
        ["Home » Russia » Politics", "The Guardian January 26, 2000",
         "Duma Passes the Budget in One Reading", "By Ivan Sokolov",
         "Ivan Sokolov. Photo: personal archive"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Duma Passes the Budget in One Reading"
    assert post["author"] == "Ivan Sokolov"
    assert post["published_date"] == "2000-01-26"


def test_a_short_closing_remark_is_kept_and_a_bio_gives_no_widget_drop():
    text = _page(
        ["A Plain Title Without Byline"], ["Thanks to our readers.", "The struggle goes on!"]
    )
    [post] = run(text).posts
    assert "The struggle goes on!" in post["body"]
    assert post["author"] is None


def test_bio_after_widgets_is_kept():
    text = _page(
        ["Turnout and Its Discontents"],
        ["Tags: turnout, Duma", "Share on Facebook", "About the author",
         "Daria Sokolenko is a historian of late Soviet politics and a lecturer in Vilnius.",
         "2 Comments", "Recent Posts", "An Older Headline Here"],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["author"] == "Daria Sokolenko"
    assert "An Older Headline Here" not in post["body"]


def test_text_without_prose_is_left_to_the_plain_rules():
    text = "Short line one\n\nShort line two\n\nShort line three"
    [post] = run(text).posts
    assert post["body"]


MAIL = """[ru-list] Re: Budget rules for the regions
Olga Meshkova olga.m at example.org
Tue Oct 17 09:41:12 UTC 2023
Previous message: [ru-list] Budget rules for the regions
Next message: [ru-list] Turnout in the north
Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]

On Mon, Oct 16, 2023 at 10:02 PM Ilya Dorn <idorn at example.net> wrote:
> The transfer formula was changed without any debate in the upper house.
>
>> The governors asked for that change themselves, if I remember rightly.

I do not think that is right, and the minutes of the council say otherwise.

The formula is the centre's tool, and the governors only had to sign it.

More information about the ru-list mailing list"""


def test_mail_page_gives_subject_sender_date_and_quote_blocks():
    result = run(MAIL)
    [post] = result.posts
    assert post["title"] == "Re: Budget rules for the regions"
    assert post["author"] == "Olga Meshkova"
    assert post["published_date"] == "2023-10-17"
    quotes = [(b["text"], b["quote_depth"]) for b in result.blocks if b["kind"] == "quote"]
    assert quotes == [
        ("The transfer formula was changed without any debate in the upper house.", 1),
        ("The governors asked for that change themselves, if I remember rightly.", 2),
    ]
    assert "Messages sorted by" not in post["body"]
    assert "mailing list" not in post["body"]
    assert not any(line.startswith(">") for line in post["body"].splitlines())
