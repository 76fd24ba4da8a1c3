"""The mail conversation grammar: several messages on one page under unlabelled sender
lines (a webmail print view), and the pages it must leave to the article's mail head."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import mail_conversation
from flows.stages.segment.lines import split_lines

DOC = "0123456789abcdef"
BODY = (
    "The commission refused to accredit anyone from outside the region, so only local "
    "volunteers can watch the count this time."
)


def run(text: str):
    result = segment(DOC, text, None, SegmentConfig())
    assert coverage_errors(text, result) == []
    return result


PRINT = "\n".join(
    [
        "Gmail\tOlga Sedova <olga.sedova@example.com>",
        "",
        "Observers for the Pskov by-election",
        "3 messages",
        "",
        "Pavel Mironenko <p.mironenko@example.org>\tMon, Sep 4, 2023 at 9:10 AM",
        "To: observers@groups.example.org",
        "",
        BODY,
        "",
        "Olga Sedova <olga.sedova@example.com>",
        "Mon, Sep 4, 2023 at 11:42 AM",
        "To: Pavel Mironenko <p.mironenko@example.org>",
        "Cc: observers@groups.example.org",
        "",
        "I can ask the student group at the university to send four people.",
        "",
        "On Mon, Sep 4, 2023 at 9:10 AM Pavel Mironenko <p.mironenko@example.org> wrote:",
        "> The commission refused to accredit anyone from outside the region.",
        "",
        "Pavel Mironenko <p.mironenko@example.org>\tTue, Sep 5, 2023 at 8:05 AM",
        "To: Olga Sedova <olga.sedova@example.com>",
        "",
        "Thank you, please send me their names by Thursday.",
    ]
)


def test_each_message_of_a_print_view_is_a_post_or_a_reply():
    result = run(PRINT)
    assert result.layout == "thread"
    (post,) = result.posts
    assert (post["title"], post["author"]) == (
        "Observers for the Pskov by-election",
        "Pavel Mironenko",
    )
    assert post["published_date"] == "2023-09-04" and BODY in post["body"]
    comments = [(c["author"], c["parent_id"]) for c in result.comments]
    assert comments == [("Olga Sedova", None), ("Pavel Mironenko", None)]
    assert "wrote:" in result.comments[0]["body"]  # an attribution opens no message
    assert "Cc:" not in result.comments[0]["body"] and "3 messages" not in post["body"]


def test_one_message_or_a_labelled_reply_chain_is_no_conversation():
    one = PRINT.split("\nOlga Sedova <olga.sedova@example.com>\nMon")[0]
    assert run(one).layout == "article"
    chain = "\n".join(
        ["From:\tMark Ellison <m.ellison@example.org>", "Sent:\tTuesday, 14 May 2024 09:12",
         "Subject:\tRE: Accreditation", "", BODY, "",
         "From: Olga Vinter <o.vinter@example.org>", "Sent: Monday, 13 May 2024 18:40",
         "Subject: Accreditation", "", "Did you hear back from the commission?"]
    )  # fmt: skip
    result = run(chain)
    assert result.layout == "article"
    assert [b["text"] for b in result.blocks if b["kind"] == "quote"] == [
        "Did you hear back from the commission?"
    ]


MIRROR = "\n".join(
    [
        "Discussion:",
        "Accreditation rules for the September vote",
        "(too old to reply)",
        "Irina Mokhova",
        "2024-08-14 09:31:02 UTC",
        "Permalink",
        BODY,
        "Denis Orlov",
        "2024-08-14 11:02:41 UTC",
        "Permalink",
        "That leaves us with the candidates, and two of them have already said no.",
        "Anna Kim",
        "2024-08-15 07:45:10 UTC",
        "Permalink",
        "I can ask another party's branch to nominate our people.",
    ]
)


def test_a_mirror_hiding_addresses_gives_a_message_per_name_over_a_timestamp():
    result = run(MIRROR)
    assert result.layout == "thread"
    (post,) = result.posts
    assert (post["title"], post["author"]) == (
        "Accreditation rules for the September vote",
        "Irina Mokhova",
    )
    assert [c["author"] for c in result.comments] == ["Denis Orlov", "Anna Kim"]
    assert "I can ask another party's branch" in result.comments[1]["body"]
    assert "Permalink" not in result.comments[1]["body"]


def test_a_name_over_a_plain_date_is_no_message_header():
    """A blog's byline over its date ('Anna Kim' / 'March 3, 2024'), twice, opens no
    message: a name alone needs an archive timestamp under it."""
    text = "\n".join(
        ["Anna Kim", "March 3, 2024", "", BODY, "", "Denis Orlov", "March 4, 2024", "",
         "That leaves us with the candidates, and two of them have already said no."]
    )  # fmt: skip
    assert mail_conversation.find_starts(split_lines(text)) == []
    assert mail_conversation.find_starts(split_lines(MIRROR))  # the timestamped pairs do


ARCHIVE = """\
Ballot counting in the northern district
Gennady Troshin
2011-03-02 09:14:27 UTC
Permalink
Is anyone actually being dismissed, or is this a paint job?
Ludmila Varga
2011-03-02 13:40:05 UTC
Permalink
Raw Message
A friend says the commissions are made of the same officers.
The cut in numbers is real, but it is done by not filling vacancies.
Gennady Troshin
2011-03-02 18:02:51 UTC
Permalink
Raw Message
Post by Ludmila Varga
The cut in numbers is real, but it is done by not filling
vacancies.
So the same people, a smaller headcount.
Arno Kask
2011-03-03 07:55:12 UTC
Permalink
Nothing changes before the elections. Ludmila Varga wrote: nothing new.
"""


def test_attribution_names_the_parent_and_marks_the_quote() -> None:
    lines = split_lines(ARCHIVE)
    starts = mail_conversation.find_starts(lines)
    found = mail_conversation.parse_headers(lines, starts)
    assert [h.author for h in found] == ["Ludmila Varga", "Gennady Troshin", "Arno Kask"]
    assert [h.reply_to for h in found] == [None, "Ludmila Varga", None]
    quoted = sorted(lines[i].text for i in found[1].quote_lines)
    assert quoted == ["The cut in numbers is real, but it is done by not filling", "vacancies."]


def test_attribution_after_a_clock_gives_the_name() -> None:
    text = "On Mon, Sep 16, 2024 at 11:42 AM Ruslan Vagapov <ruslan.v@example.net> wrote:"
    lines = split_lines(f"x\n{text}\nbody")
    assert mail_conversation.quote_attribution(lines, 0, len(lines)) == (1, "Ruslan Vagapov")
