"""The field-block grammar: an archive's thread page where every message opens with its
block of labelled header fields, and the reply chains it must leave to the article."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment

DOC = "0123456789abcdef"
FIRST = (
    "The regional commission has stopped publishing the signature counts, so the only source "
    "left is the candidates' own statements."
)
SECOND = (
    "The archived decisions are still on the old site, and they list the counts for every "
    "candidate who was registered."
)
THIRD = "Thank you, the old site has all of them for the last two cycles."


def run(text: str):
    result = segment(DOC, text, None, SegmentConfig())
    assert coverage_errors(text, result) == []
    return result


def message(
    subject: str, sender: str, date: str, body: str, greeting: str = "Colleagues,"
) -> list[str]:
    name = sender.split()[0]
    fields = [f"Subject:\t{subject}", f"From:\t{sender}", f"Date:\t{date}", "List:\tvotes"]
    return [*fields, "", greeting, "", body, "", name]


ARCHIVE = "\n".join(
    [
        "Example Archive",
        "Search  Browse  Help",
        "",
        *message(
            "Signature counts", "Nadia Orlova (nad...@example.org)", "Mar 4, 2024 9:12", FIRST
        ),
        "",
        *message(
            "Re: Signature counts", "Viktor Sand (vik...@example.net)", "Mar 4, 2024 11:40", SECOND
        ),
        "",
        *message(
            "Re: Signature counts",
            "Nadia Orlova (nad...@example.org)",
            "Mar 5, 2024 8:02",
            THIRD,
            "Thanks, Viktor, that helps.",
        ),
    ]
)


def test_every_field_block_opens_a_message() -> None:
    result = run(ARCHIVE)
    assert result.layout == "thread"
    (post,) = result.posts
    assert (post["title"], post["author"], post["published_date"]) == (
        "Signature counts",
        "Nadia Orlova",
        "2024-03-04",
    )
    assert FIRST in post["body"] and "List:" not in post["body"]
    assert [c["author"] for c in result.comments] == ["Viktor Sand", "Nadia Orlova"]
    assert [c["published_date"] for c in result.comments] == ["2024-03-04", "2024-03-05"]
    assert "Subject:" not in result.comments[0]["body"]
    first, second = result.comments
    assert (first["parent_id"], second["parent_id"]) == (None, first["comment_id"])


def test_blocks_going_back_in_time_are_a_reply_chain() -> None:
    chain = "\n".join(
        [
            "Archive of votes",
            "",
            *message("Re: Signature counts", "Viktor Sand <v@example.net>", "Mar 5, 2024", SECOND),
            "",
            *message("Signature counts", "Nadia Orlova <n@example.org>", "Mar 4, 2024", FIRST),
        ]
    )
    assert run(chain).layout != "thread"
