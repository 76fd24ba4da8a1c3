"""The helpers shared by the forum grammars (flows/stages/segment/grammars/_common.py)."""

from __future__ import annotations

import re

import pytest

from flows.stages.segment.grammars import GRAMMARS, _common
from flows.stages.segment.lines import split_lines
from flows.stages.segment.post import PostHead


def test_private_module_is_not_a_grammar() -> None:
    assert "_common" not in GRAMMARS


def test_post_head_furniture_is_never_body() -> None:
    head = _common.post_head(
        title="Title",
        title_lines={1},
        author="ola",
        published=None,
        meta_lines={2},
        chrome_lines={0, 1, 5},
    )
    furniture = head.meta_lines | head.chrome_lines
    assert furniture == {0, 2, 5}
    assert head.title_lines == {1}
    assert isinstance(head, PostHead)


@pytest.mark.parametrize(
    ("text", "crumbs"),
    [
        ("Board index ‹ City ‹ Transport", True),
        ("Home Forums > City > Transport >", True),
        ("Forum » City » Transport » Are fares fair?", True),
        ("Fares rose > wages, he said, and nobody > him knew it.", False),
        ("The council met.", False),
    ],
)
def test_is_crumbs(text: str, crumbs: bool) -> None:
    assert _common.is_crumbs(text) is crumbs


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Re: Tram fares", "Tram fares"),
        ("RE[2]: Tram fares", "Tram fares"),
        ("Tram fares", "Tram fares"),
    ],
)
def test_strip_reply_prefix(subject: str, title: str) -> None:
    assert _common.strip_reply_prefix(subject) == title


def test_page_number() -> None:
    assert _common.page_number(split_lines("7 posts • Page 2 of 3 • 1, 2, 3")) == 2
    assert _common.page_number(split_lines("The council met.")) is None


def test_quoted_lines_glued_and_next_line() -> None:
    lines = split_lines(
        "ola wrote:Fares rise.\nNo.\nQuote:\nOriginally Posted by ola\nThey do.\nYes."
    )
    pattern = re.compile(r"^(?P<name>\S+) wrote:(?P<rest>.*)$|^Quote:$|^Originally Posted by \S+$")
    quoted = _common.quoted_lines(lines, 0, len(lines), pattern)
    assert [lines[i].text for i in sorted(quoted)] == ["ola wrote:Fares rise.", "They do."]


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("Harbour Network\nHarbour Media\nHarbour Library\nReader Mail\n", None),
        ("Harbour Network\nHarbour Media\nReader Mail\n\nFerry timetable and the port strike\n",
         "Ferry timetable and the port strike"),
        ("Ferry timetable and the port strike\n", "Ferry timetable and the port strike"),
    ],
)  # fmt: skip
def test_page_title_passes_over_a_sites_menu(top: str, title: str | None) -> None:
    """Three or more adjacent short lines are the site's menu, never the topic's title."""
    found = _common.page_title(split_lines(top), skip=set())
    assert (found.text if found else None) == title


def test_a_quote_attribution_may_end_in_a_stamp_or_an_arrow() -> None:
    for text in (
        "ola wrote:",
        "ola wrote: ↑",
        "Novgorodets Wrote: (06-15-2018, 09:41 PM)",
        "Quote from ola on March 3, 2022:",
        "QUOTE(ola @ 14.3.2023, 10:42) *",
        "Цитата(Ола К. @ 14.3.2023, 10:42)",
        "Ола_К сказал(а):",
    ):
        assert _common.QUOTE_ATTRIBUTION.match(text), text
    for text in (
        "ola wrote: the fares rise.",
        "Мэр сказал: тарифы растут.",
        "Fares rise (slowly).",
        "Quote (slowly) the fares of the ferry to the island.",
    ):
        assert not _common.QUOTE_ATTRIBUTION.match(text), text


def test_a_quote_glued_to_its_attribution_is_quoted_text() -> None:
    for text in ("ola wrote:The fares rise.", "Ола Написал: (15.11.2023, 21:41)Тарифы растут"):
        assert _common.GLUED_QUOTE.match(text), text
    for text in ("The mayor wrote: the fares rise.", "ola wrote:", "ola said: (later) no"):
        assert not _common.GLUED_QUOTE.match(text), text
    lines = split_lines("ola wrote:The fares rise.\nThey do, every spring.")
    assert _common.quoted_lines(lines, 0, 2, _common.QUOTE_ATTRIBUTION) == {lines[0].index}


def test_a_subject_label_is_no_part_of_the_title() -> None:
    assert _common.strip_subject_label(" Post subject: Ferry fares") == "Ferry fares"
    assert _common.strip_subject_label("Тема: Тарифы на паром") == "Тарифы на паром"
    assert _common.strip_subject_label("Subjects of the federation") == "Subjects of the federation"
    assert _common.strip_subject_label("Topic:") == "Topic:"


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("(02-18-2024, 07:42 PM)anna_k Wrote: The fund is not liquid.", True),
        ("anna_k wrote:The fund is not liquid.", True),
        ("He wrote: we will see about the fund.", False),
    ],
)
def test_glued_quotes(text: str, glued: bool) -> None:
    assert bool(_common.GLUED_QUOTE.match(text)) is glued


@pytest.mark.parametrize(
    "text",
    [
        "QUOTE (Olga V. @ Sep 21 2021, 11:05 PM) <{POST_SNAPBACK}>",
        "Quote from: volga_reader on July 02, 2020, 08:58:18 AM",
    ],
)
def test_stamped_quote_attributions(text: str) -> None:
    assert _common.QUOTE_ATTRIBUTION.match(text)


def test_role_badges_and_labels_are_no_part_of_names_and_titles() -> None:
    assert _common.without_badge("Ekaterina Volynskaya MOD") == "Ekaterina Volynskaya"
    assert _common.without_badge("Far East Notes Admin") == "Far East Notes"
    assert _common.without_badge("Admin") == "Admin"
    assert _common.strip_subject_label("Full Version: Who pays?") == "Who pays?"
    assert _common.strip_subject_label("Title: Municipal filter") == "Municipal filter"


def test_a_question_and_a_notice_make_no_article() -> None:
    top = split_lines(
        "Full Version: Is the National Wealth Fund running out after this year?\n"
        "You are currently viewing a stripped down version of our content, with no images."
    )
    assert _common.has_text(top) and not _common.has_article(top)
