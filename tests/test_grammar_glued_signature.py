"""Labelled cases for the glued-signature grammar (talk pages signed at a paragraph's end;
invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment.grammars import glued_signature
from flows.stages.segment.lines import split_lines

PAGE = """\
Talk:Grain levy

Talk:Grain levy

Please sign your posts.

Levy rate

The levy figure is from one ministry release. Nina Orlova (talk) 10:05, 2 May 2021 (UTC)Reply

    A second paragraph of the answer opens here.

    The release was revised in June. Petr-K (talk | contribs) 11:40, 2 May 2021 (UTC)Reply

        Then the lead should say so. Nina Orlova (talk) 12:01, 2 May 2021 (UTC)Reply

Older figures

Latest comment: 1 comment

Which year do the older figures cover? — Ivan S. 2021-05-03 08:15
"""


def test_starts_authors_nesting_and_furniture() -> None:
    lines = split_lines(PAGE)
    starts = glued_signature.find_starts(lines)
    assert [lines[at].text[:12] for at in starts] == [
        "The levy fig",
        "A second par",
        "Then the lea",
        "Which year d",
    ]
    headers = glued_signature.parse_headers(lines, starts)
    assert [h.author for h in headers] == ["Nina Orlova", "Petr-K", "Nina Orlova", "Ivan S."]
    assert [h.nesting for h in headers] == [0, 4, 8, 0]
    assert headers[1].published == "11:40, 2 May 2021"
    furniture = {lines[i].text for i in headers[2].chrome_lines}
    assert furniture == {"Older figures", "Latest comment: 1 comment"}
    head = glued_signature.page_post(lines, starts)
    assert head is not None and head.title == "Talk:Grain levy"


@pytest.mark.parametrize(
    ("label", "text", "wanted"),
    [
        (
            "wiki",
            "Agreed. Anna B (talk) 14:22, 3 July 2020 (UTC)Reply",
            ("Anna B", "14:22, 3 July 2020"),
        ),
        ("dash", "Fine by me -- Oleg 2020-07-03 14:22", ("Oleg", "2020-07-03 14:22")),
        ("no sign-off", "We met Anna B 14:22, 3 July 2020", None),
        ("alone on its line", "Anna B (talk) 14:22, 3 July 2020 (UTC)", None),
        ("label, weekday", "Postby anna » Mon Mar 04, 2019 10:15 pm", None),
        ("weekday after text", "So it went. Mon Mar 04, 2019 10:15 pm", None),
        ("date without time", "It passed. Anna B (talk) 3 July 2020", None),
        ("lower-case words", "It passed on. then at 14:22, 3 July 2020", None),
    ],
)
def test_signature(label: str, text: str, wanted: tuple[str, str] | None) -> None:
    assert glued_signature.signature(text) == wanted, label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "two signed lines",
            "Text here. Anna B 14:22, 3 July 2020\n\nMore. Oleg K 15:00, 3 July 2020\n",
        ),
        (
            "one poster",
            "One. Anna B 14:22, 3 July 2020\n\nTwo. Anna B 15:00, 3 July 2020\n\n"
            "Three. Anna B 16:00, 3 July 2020\n",
        ),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert glued_signature.find_starts(split_lines(text)) == [], label
