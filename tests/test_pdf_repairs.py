"""PDF text: hyphen splits inside flattened lines, numbers before a wrapped hyphen, emoji ZWJ
sequences, page furniture and the head (title, author, date) of a PDF article.

Every text here is invented; each group has labelled positive and negative cases."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from flows.stages.repair import RepairConfig, repair
from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.furniture import (
    MIN_GUTTER_SIDE,
    _gutter,
    find_furniture,
    is_code_line,
    is_machine_stamp,
    pdf_evidence,
    weak_pdf_signs,
    worded_counters,
)
from flows.stages.segment.layouts.pdf_article import (
    TYPE_DOUBT,
    _head_of,
    byline_of,
    count_wrapped,
    detect_repairs,
    published_of,
    type_doubt,
)
from flows.stages.segment.lines import split_lines

CONFIG = RepairConfig()
DOC = "00000000pdf00000"

FILLER = (
    "The committee met again in the spring and discussed the budget of the regional office "
    "at some length, without reaching any decision on the matter before the summer break."
)


def fixed(text: str) -> str:
    result = repair(text, CONFIG).text
    assert repair(result, CONFIG).text == result  # idempotent
    return result


# --- hyphen splits inside flattened (one paragraph per line) text ---------------------------

FLATTENED = [
    (
        "fragment split joined",
        f"{FILLER} Regions differ in their sociodemo- graphic structure and income.",
        "sociodemographic structure",
    ),
    (
        "real compound kept (pro-)",
        f"{FILLER} The sociodemo- graphic data show a pro- democracy mood in the cities.",
        "pro-democracy mood",
    ),
    (
        "real compound kept (non-)",
        f"{FILLER} The sociodemo- graphic data cover non- military service as well.",
        "non-military service",
    ),
    (
        "number before a split hyphen",
        f"{FILLER} The sociodemo- graphic survey met an 18- year-old student.",
        "an 18-year-old student",
    ),
]


@pytest.mark.parametrize(("label", "text", "wanted"), FLATTENED, ids=[c[0] for c in FLATTENED])
def test_flattened_splits(label: str, text: str, wanted: str) -> None:
    assert wanted in fixed(text), label


FLATTENED_KEPT = [
    ("negative: suspended compound", f"{FILLER} Both pre- and post-war sociodemo- graphic data."),
    ("negative: dash, no split in the document", f"{FILLER} They lost the war- it was over."),
    (
        "negative: capitalised word after the hyphen",
        f"{FILLER} The sociodemo- graphic anti- Kremlin mood.",
    ),
]


@pytest.mark.parametrize(("label", "text"), FLATTENED_KEPT, ids=[c[0] for c in FLATTENED_KEPT])
def test_flattened_negative(label: str, text: str) -> None:
    result = fixed(text)
    for kept in ("pre- and", "war- it", "anti- Kremlin"):
        if kept in text:
            assert kept in result, label


def test_short_lines_are_not_flattened_text() -> None:
    text = "A note on the sociodemo- graphic survey\n\nSee the tables below."
    assert fixed(text) == text


GLUED = (
    "    Within three days the committee had collapsed.Its leaders were under arrest,and the "
    "country,tired of quarrels, would accept order with-out resistance.The plotters had "
    "al-ready lost; the party-state was gone.\n"
)


def test_glued_text_hyphens_joined_when_attested() -> None:
    result = fixed(GLUED)
    assert "order without resistance" in result
    assert "had already lost" in result
    assert "the party-state was gone" in result  # a real compound: not joined


def test_hyphen_inside_a_word_kept_in_ordinary_text() -> None:
    text = f"{FILLER} The co-operation of the with-out group continued in the e-mail era."
    assert fixed(text) == text


# --- a number before a line-end hyphen in hard-wrapped text ----------------------------------

WRAPPED_NUMBER = (
    "In fourteen regions first-time voters at technical colleges were\n"
    "registered at the college itself rather than at their home address,\n"
    "and the survey team interviewed one of them, an 18-\n"
    "year-old student who voted in a college hall in front of his\n"
    "teachers, which is the clearest illustration of what it means.\n"
)


def test_number_before_wrapped_hyphen_keeps_the_hyphen() -> None:
    result = fixed(WRAPPED_NUMBER)
    assert "an 18-year-old student" in result
    assert "18- year" not in result


def test_wrapped_dash_after_a_word_is_not_a_number_compound() -> None:
    text = WRAPPED_NUMBER.replace("an 18-\nyear-old", "an eighteen\nyear-old")
    assert "an eighteen year-old student" in fixed(text)


# --- zero-width characters --------------------------------------------------------------------

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [
        ("family emoji sequence kept", f"user {FAMILY} wrote", f"user {FAMILY} wrote"),
        ("flag with variation selector kept", f"name{RAINBOW_FLAG}", f"name{RAINBOW_FLAG}"),
        ("stray ZWJ inside a word removed", "wo\u200drd", "word"),
        ("ZWJ between emoji and letter removed", "\U0001f308\u200dx", "\U0001f308x"),
        ("ZWJ at the start removed", "\u200d\U0001f469 hi", "\U0001f469 hi"),
        (
            "other zero-width run between emoji becomes one ZWJ",
            "\U0001f468\u200b\u200d\U0001f469",
            "\U0001f468\u200d\U0001f469",
        ),
        (
            "zero-width space between emoji removed",
            "\U0001f468\u200b\U0001f469",
            "\U0001f468\U0001f469",
        ),
    ],
)
def test_zero_width(label: str, text: str, expected: str) -> None:
    assert fixed(text) == expected, label


# --- page furniture ---------------------------------------------------------------------------


def furniture_texts(text: str) -> set[str]:
    lines = split_lines(text)
    found = find_furniture(lines)
    return {line.text for line in lines if line.index in found}


PAGES = "\n\n".join(
    [
        "A Quiet Reform",
        "Some opening paragraph of the article, which runs on for a while and ends.",
        "12 A. Writer",
        "The second page goes on with the argument and the evidence for it.",
        "Regional Review, Vol. 4, No. 2 13",
        "The third page has the conclusion of the argument.",
        "14 A. Writer",
        "Page 3 of 12",
        "Total Page:16",
        "File Type:pdf, Size:1.4Mb",
        "Downloaded by [Some Library] at 10:21 05 May 2018",
        "7",
        "Notes on sources",
    ]
)


def test_running_heads_and_page_numbers_are_furniture() -> None:
    found = furniture_texts(PAGES)
    assert {"12 A. Writer", "14 A. Writer", "Regional Review, Vol. 4, No. 2 13"} <= found
    assert {"Page 3 of 12", "Total Page:16", "File Type:pdf, Size:1.4Mb", "7"} <= found
    assert "Downloaded by [Some Library] at 10:21 05 May 2018" in found
    assert "A Quiet Reform" not in found
    assert "Notes on sources" not in found


def test_page_counters_worded_in_any_language_are_furniture_when_they_rise() -> None:
    body = "The commission counted the ballots over three days, and observers left at night."
    pages = [f"{body.replace('three', word)}\n\nСтраница {n} из 3" for n, word in
             ((1, "two"), (2, "three"), (3, "four"))]  # fmt: skip
    found = furniture_texts("\n\f".join(pages))
    assert found == {"Страница 1 из 3", "Страница 2 из 3", "Страница 3 из 3"}
    assert pdf_evidence(split_lines("\n\f".join(pages))) == "3 page counters in sequence"


def test_a_worded_counter_alone_or_not_rising_is_no_page_counter() -> None:
    body = "The commission counted the ballots over three days, and observers left at night."
    alone = f"Part 2 of 3\n\n{body}"
    assert furniture_texts(alone) == set()
    for first, second in (("Part 3 of 5", "Part 1 of 5"), ("Глава 4 из 3", "Глава 5 из 3")):
        assert worded_counters(split_lines(f"{first}\n\n{body}\n\n{second}\n\n{body}")) == {}


def test_line_repeated_once_is_not_a_running_head() -> None:
    text = "\n\n".join(["A Quiet Reform", "Body text goes here and ends.", "3 A. Writer"])
    assert furniture_texts(text) == set()


def test_wrapped_prose_line_repeated_mid_sentence_is_no_running_head() -> None:
    """A paragraph quoted twice repeats its wrapped lines: one opening in lower case under
    a line that does not end a sentence goes on with that sentence. The same line standing
    alone between paragraphs, or opening in capitals, is still a running head."""
    first = (
        "On Monday the council voted to raise\nthe fee for every stall in the market\nby a third."
    )
    second = (
        "A year later the deputies asked to raise\nthe fee for every stall in the market\nagain."
    )
    assert furniture_texts("\n\n".join(["A Quiet Reform", first, "Text.", second])) == set()
    alone = "\n\n".join(["Text.", "the market review", "More text.", "the market review"])
    assert furniture_texts(alone) == {"the market review"}
    capital = "\n\n".join(["On Monday the council voted to raise\nThe Market Review",
                         "A year later the deputies asked to raise\nThe Market Review"])  # fmt: skip
    assert furniture_texts(capital) == {"The Market Review"}
    feet = "\n\n".join(["On Monday the council voted to raise\nwww.review.example.org",
                      "A year later the deputies asked to raise\nwww.review.example.org"])  # fmt: skip
    assert furniture_texts(feet) == {"www.review.example.org"}


def test_repeated_heading_without_digits_counts_only_without_sentence_end() -> None:
    found = furniture_texts("A. Writer / A Quiet Reform\n\nText.\n\nA. Writer / A Quiet Reform")
    assert found == {"A. Writer / A Quiet Reform"}
    assert furniture_texts("They said no.\n\nText here\n\nThey said no.") == set()


def test_pdf_evidence() -> None:
    assert pdf_evidence(split_lines(PAGES)) is not None
    blog = "\n\n".join(
        ["Posted on 3 March 2021", "Category:", "1,234 views", "A blog post that goes on."]
    )
    assert pdf_evidence(split_lines(blog)) is None


# --- the head of a PDF article ----------------------------------------------------------------


def run(text: str) -> dict:
    repaired = repair(text, CONFIG).text
    result = segment(DOC, repaired, "pdf_article", SegmentConfig())
    assert coverage_errors(repaired, result) == []
    assert len(result.posts) == 1
    return result.posts[0]


BODY = (
    "The first paragraph of the paper sets out the question and the answer to it, which "
    "the rest of the paper defends.\n\nThe second paragraph gives the evidence."
)


def test_wrapped_caps_title_author_and_affiliation() -> None:
    text = (
        "Northern Studies Working Paper No. 3\n\nTHE PRICE OF BREAD AND\nTHE PRICE OF VOTES\n\n"
        "Marta K. Ilves\nDepartment of History, University of Tartu\n\n" + BODY
    )
    post = run(text)
    assert post["title"] == "THE PRICE OF BREAD AND THE PRICE OF VOTES"
    assert post["author"] == "Marta K. Ilves"
    assert "Working Paper" not in post["body"]
    assert "Department of History" not in post["body"]


def test_affiliation_is_not_the_author() -> None:
    text = "A Note on Grain Prices\n\nDepartment of Economics, University of Tartu\n\n" + BODY
    post = run(text)
    assert post["title"] == "A Note on Grain Prices"
    assert post["author"] is None


def test_two_line_title_with_colon_and_prepared_by() -> None:
    text = (
        "Grain, bread and the ruble:\nWhat ten years of prices have shown\n\n"
        "Prepared by Oskar Lind\n\nPublished: 14 June 2019\n\n" + BODY
    )
    post = run(text)
    assert post["title"] == "Grain, bread and the ruble: What ten years of prices have shown"
    assert post["author"] == "Oskar Lind"
    assert post["published_date"] == "2019-06-14"


def test_names_each_over_an_affiliation_and_an_abstract_kept_as_text() -> None:
    """'<Title opening>:' / '<rest>' / name / institute / name / institute / date /
    'Abstract' / text / 'Keywords: …': both authors, the abstract in the body, the fields
    out of it."""
    text = (
        "Bread Prices and Municipal Elections:\nEvidence from the Baltic Ports\n"
        "Marta Ilves\nInstitute of Baltic History\nOskar Lind\nUniversity of Tartu\n"
        "This version: June 14, 2019\nAbstract\nWe compare bread prices with the vote in\n"
        "eleven port towns.\nKeywords: prices, elections\nJEL Classification: D72\n" + BODY
    )
    post = run(text)
    assert post["title"] == "Bread Prices and Municipal Elections: Evidence from the Baltic Ports"
    assert post["author"] == "Marta Ilves, Oskar Lind"
    assert post["published_date"] == "2019-06-14"
    assert "We compare bread prices" in post["body"]
    assert "Keywords" not in post["body"] and "JEL" not in post["body"]
    assert "Institute" not in post["body"]


def test_closing_signature_gives_the_author() -> None:
    post = run("A Short Statement on Prices\n\n" + BODY + "\n\nOskar Lind")
    assert post["title"] == "A Short Statement on Prices"
    assert post["author"] == "Oskar Lind"


def test_flattened_first_page_head_is_cut_into_fields() -> None:
    head = (
        "Microsoft Word - lind_prices_v2.docx Regional Review, 2020, Vol. 4, No. 2, pp. 11–30 "
        "DOI 10.1234/rr.2020.4.2.11 THE PRICE OF BREAD AND THE PRICE OF VOTES Oskar Lind "
        "Department of History, University of Tartu, Estonia e-mail: [email protected] "
        "Received 1 March 2020 / Accepted 2 May 2020 / Published online 30 June 2020"
    )
    text = f"Total Page:20\n\nFile Type:pdf, Size:1Mb\n\n{head}\n\n{BODY}"
    post = run(text)
    assert post["title"] == "THE PRICE OF BREAD AND THE PRICE OF VOTES"
    assert post["author"] == "Oskar Lind"
    assert post["published_date"] == "2020-06-30"
    assert "Microsoft Word" not in post["body"] and "DOI" not in post["body"]


def test_byline_glued_to_title_is_cut_off() -> None:
    post = run("Why the Reform FailedBy Oskar Lind *\n\n" + BODY)
    assert post["title"] == "Why the Reform Failed"
    assert post["author"] == "Oskar Lind"


def test_sentence_with_by_is_not_a_byline() -> None:
    post = run("It was written By Hand Alone.\n\n" + BODY)
    assert post["author"] is None


ODD_PAGE_HEAD = (
    "The campaign itself was short. The activists had no money and no\n"
    "access to television, but they had a network of volunteers who went\n"
    "from door to door in the outlying districts, talking to voters about\n"
    "roads, schools and the price of heating during the winter months.\n"
    "142    A. B. WRITER\n"
    "The result surprised everyone. The candidate won with a majority of\n"
    "the votes cast, and the turnout was the highest the city had seen in\n"
    "twenty years, even though the weather on election day was terrible.\n"
    "Regional Politics and Society    143\n"
    "The candidate kept his promises, more or less, for the first year of\n"
    "his term, and the governor's office waited for its chance to strike.\n"
    "144    A. B. WRITER\n"
    "In the years that followed, the mayor survived three attempts to\n"
    "remove him, each one organised from the governor's office in town.\n"
)


def test_running_heads_in_wrapped_text_stay_lines_and_are_dropped() -> None:
    repaired = fixed(ODD_PAGE_HEAD)
    lines = repaired.split("\n")
    assert "142    A. B. WRITER" in lines
    assert "Regional Politics and Society    143" in lines  # once, but numbered in sequence
    result = segment(DOC, repaired, "pdf_article", SegmentConfig())
    assert coverage_errors(repaired, result) == []
    dropped = {row["text"] for row in result.dropped}
    assert dropped >= {"142    A. B. WRITER", "Regional Politics and Society    143"}
    assert "WRITER" not in result.posts[0]["body"]


def test_wrapped_line_with_a_number_once_is_joined() -> None:
    text = ODD_PAGE_HEAD.replace("144    A. B. WRITER\n", "").replace("142    A. B. WRITER\n", "")
    assert "Regional Politics and Society    143" not in fixed(text).split("\n")


PDF_PIECES = st.sampled_from(
    [
        "Total Page:16", "File Type:pdf, Size:1Mb", "12 A. Writer", "14 A. Writer", "Page 2 of 9",
        "3/9", "7", "THE PRICE OF BREAD", "AND VOTES", "Department of History, University of X",
        "Published: 14 June 2019", "Working Paper No. 3", "Why It FailedBy Oskar Lind *",
        "Upload: x1", "341 views", "TRANSCRIPT", "", "A sentence of the body goes here.",
        "and it goes on in lower case", "© 2019 Press", "DOI 10.1/abc", "an 18-", "year-old",
        "Microsoft Word - a.docx Review, 2020, Vol. 4, No. 2 DOI 10.1234/x THE PRICE OF BREAD "
        "AND VOTES Oskar Lind Department of History e-mail: a@b.example Received 1 March 2020 / "
        "Published online 3 June 2020 rest",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(PDF_PIECES, max_size=14), st.sampled_from([None, "pdf_article"]))
@example(  # every other line repeated furniture: the head is all that is left
    ["Total Page:16", "Published: 14 June 2019", "and it goes on in lower case", "",
     "and it goes on in lower case"],
    "pdf_article",
)  # fmt: skip
def test_pdf_line_soup_is_accounted_for(lines: list[str], hint: str | None) -> None:
    text = repair("\n".join(lines), CONFIG).text
    assert coverage_errors(text, segment(DOC, text, hint, SegmentConfig())) == []


def _repaired(text: str) -> str:
    from flows.stages.repair import RepairConfig, repair

    return repair(text, RepairConfig()).text


def test_mail_quotes_headers_and_rules_are_never_unwrapped():
    text = (
        "Previous message: [ru-list] Budget rules for the regions and their\n"
        "Next message: [ru-list] Turnout in the north and the south of the\n"
        "Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]\n"
        "Hi Olga, all, the point about the transfers in the last message was\n"
        "> The transfer formula was changed without any debate in the upper\n"
        "> house, and the governors were told only afterwards by the ministry\n"
        "I do not think that is right, and the minutes of the council say so\n"
        "--\n"
        "Ilya Dorn, Institute of Regional Studies, Department of Budgets and\n"
        "-------------- next part --------------\n"
    )
    lines = _repaired(text).rstrip("\n").split("\n")
    assert lines[0].startswith("Previous message:") and lines[1].startswith("Next message:")
    assert lines[3].startswith("Hi Olga")
    assert sum(line.startswith(">") for line in lines) == 2
    assert "--" in lines and lines[-1].startswith("----")


# --- running heads: odd and even pages, repeated sentences, cover repeats ---------------------

PROSE = (
    "The regional assembly met twice in the spring and discussed the budget at length, "
    "without reaching any decision on the transfers before the summer break."
)


def test_odd_and_even_running_heads_share_a_key() -> None:
    text = "\n\n".join(
        [
            PROSE,
            "KARPOV v. RUSSIA JUDGMENT                                        1",
            PROSE,
            "2                                        KARPOV v. RUSSIA JUDGMENT",
            PROSE,
        ]
    )
    found = furniture_texts(text)
    assert "2                                        KARPOV v. RUSSIA JUDGMENT" in found
    assert "KARPOV v. RUSSIA JUDGMENT                                        1" in found


@pytest.mark.parametrize(
    ("label", "repeats", "dropped"),
    [
        ("positive: a sentence repeated on three pages is a running foot", 3, True),
        ("negative: a sentence said twice is not", 2, False),
    ],
)
def test_repeated_sentence_is_a_foot_from_three_pages(
    label: str, repeats: int, dropped: bool
) -> None:
    foot = "This article is protected by copyright."
    text = "\n\n".join([PROSE, *[part for _ in range(repeats) for part in (foot, PROSE)]])
    assert (foot in furniture_texts(text)) is dropped, label


def test_cover_repeating_its_date_is_not_a_running_head() -> None:
    text = "\n\n".join(
        ["MEMORANDUM", "14 March 1985", "OFFICE OF STUDIES", "14 March 1985", PROSE, PROSE]
    )
    assert "14 March 1985" not in furniture_texts(text)


def test_odd_page_head_between_numbered_heads_is_furniture() -> None:
    text = "\n\n".join(
        [PROSE, "190 M. SOKOLOVA", PROSE, "EAST EUROPEAN REVIEW 191", PROSE, "192 M. SOKOLOVA"]
    )
    assert "EAST EUROPEAN REVIEW 191" in furniture_texts(text)
    once = "\n\n".join([PROSE, "EAST EUROPEAN REVIEW 191", PROSE])
    assert furniture_texts(once) == set()  # negative: no page numbers around it


@pytest.mark.parametrize(
    "line",
    [
        "View: 2 times",
        "Download: 0 times",
        "Date post: 14-Mar-2021",
        "ConferencePaperPDF Available",
        "Content uploaded by Kirill Dorofeev",
        "All content in this area was uploaded by Kirill Dorofeev on Jun 12, 2016",
        "УДК 324(470.53)",
    ],
)
def test_viewer_and_journal_lines_are_furniture(line: str) -> None:
    assert line in furniture_texts(f"{line}\n\n{PROSE}")


# --- PDF evidence from page numbers and page stamps -------------------------------------------


def _pages(marks: list[str], page: str = PROSE + " " + PROSE) -> str:
    return "\n\n".join(part for mark in marks for part in (page, mark))


@pytest.mark.parametrize(
    ("label", "text", "found"),
    [
        ("positive: four page numbers between pages of prose", _pages(["1", "2", "3", "4"]), True),
        (
            "positive: two page numbers, a running head on each page",
            _pages(
                [
                    "46\nREGIONAL REVIEW. 2019. Vol. 13, No. 3",
                    "47\nREGIONAL REVIEW. 2019. Vol. 13, No. 3",
                ]
            ),
            True,
        ),
        (
            "positive: a release stamp on three pages",
            _pages(["Approved For Release 2008/10/21 : EXO-85T00283R0005"] * 3),
            True,
        ),
        (
            "positive: numbered running heads with the series number, one a page",
            _pages(
                [
                    "Discussion Paper No. 7 | 3",
                    "Discussion Paper No. 7 | 4",
                    "Discussion Paper No. 7 | 5",
                ]
            ),
            True,
        ),
        (
            "negative: numbered diary headings, no other digits beside them",
            _pages(["Day 1", "Day 2", "Day 3"]),
            False,
        ),
        ("negative: three numbered sections of a blog post", _pages(["1", "2", "3"]), False),
        (
            "negative: like counters beside button labels",
            _pages(["12\nShare", "13\nShare"]),
            False,
        ),
        ("negative: numbers of a short list", _pages(["1", "2", "3", "4"], "An item."), False),
        ("negative: numbers out of order", _pages(["3", "1", "4", "2"]), False),
        (
            "negative: a dated line repeated under three posts",
            _pages(["Posted on 3 March 2021 by admin | 0 comments"] * 3),
            False,
        ),
        (
            "positive: the title as a running head beside the page number, one a page",
            _pages(
                [
                    "2 The Fourth Term: Continuity and Succession",
                    "3 The Fourth Term: Continuity and Succession",
                    "4 The Fourth Term: Continuity and Succession",
                ]
            ),
            True,
        ),
        (
            "negative: numbered section headings of a blog post, each text once",
            _pages(["1 Why turnout matters", "2 What the polls say", "3 What comes next"]),
            False,
        ),
        (
            "negative: a worded head numbered on two pages only",
            _pages(["2 The Fourth Term: Continuity", "3 The Fourth Term: Continuity"]),
            False,
        ),
        (
            "positive: a slide viewer's counter and buttons above the deck",
            "SlideShare a Scribd company logo\n1 of 38\nDownload to read offline\n"
            + "A slide heading\n\n"
            + "Some words on the slide here.\n" * 3,
            True,
        ),
        (
            "negative: one 'N of M' line in a blog post",
            "A headline\n\n1 of 3\n\nA short paragraph of text on a blog page.\n",
            False,
        ),
        (
            "negative: a stamp on two pages only",
            _pages(["Approved For Release 2008/10/21 : EXO-85T00283R0005"] * 2),
            False,
        ),
        (
            "positive: a laid-out foot whose page column prints its label",
            _pages([f"Page {n}                    RB-24-0117 Annual Review" for n in (1, 2)]),
            True,
        ),
        (
            "negative: the labelled page column does not go up page by page",
            _pages([f"Page {n}                    RB-24-0117 Annual Review" for n in (4, 2)]),
            False,
        ),
        (
            "negative: a label and its number run on with the text, no column gap",
            _pages([f"See page {n} of the annual review" for n in (1, 2)]),
            False,
        ),
    ],
)
def test_pdf_evidence_from_pages(label: str, text: str, found: bool) -> None:
    assert (pdf_evidence(split_lines(text)) is not None) is found, label


# --- the head: the title over its byline, cover blocks, glued names ---------------------------


def test_title_over_byline_below_a_viewer_page_drops_the_viewer_copy() -> None:
    text = (
        "Turnout Machines in the Regions\n\nAuthors:\n\nAbstract and Figures\n\n"
        "We study turnout in the regions and find that employers deliver votes in them.\n"
        "Turnout Machines in\nthe Regions∗\nKirill Dorofeev†Anna Lisitsyna‡\nApril 6, 2016\n"
        "Abstract\n\n" + BODY
    )
    repaired = repair(text, CONFIG).text
    result = segment(DOC, repaired, "pdf_article", SegmentConfig())
    assert coverage_errors(repaired, result) == []
    post = result.posts[0]
    assert post["title"] == "Turnout Machines in the Regions"
    assert post["author"] == "Kirill Dorofeev, Anna Lisitsyna"
    assert post["published_date"] == "2016-04-06"
    assert "Abstract and Figures" not in post["body"]
    assert {row["rule"] for row in result.dropped} == {"front_matter"}


def test_later_title_over_byline_not_shown_above_is_body() -> None:
    """Negative: a title-and-name pair further down, whose title the text above does not
    show, is not a head (a quoted book and its author inside the article)."""
    text = (
        "A Note on Grain Prices\n\nOskar Lind\n\n" + BODY + "\n\nThe Long Winter\nMarta Ilves\n\n"
        "The rest of the note discusses the book and what it says about prices."
    )
    post = run(text)
    assert post["title"] == "A Note on Grain Prices"
    assert "The Long Winter" in post["body"]


def test_cover_page_block_is_metadata_down_to_its_last_field() -> None:
    text = (
        "East European Review\n\nThe Governors' Bargain\n\nMarina Sokolova & Pavel Ilyin\n\n"
        "To cite this article: M. Sokolova & P. Ilyin (2018) The Governors' Bargain\n\n"
        "Published online: 21 Mar 2018.\n\nView related articles\n\n"
        "Article views: 412\n\n" + BODY
    )
    post = run(text)
    assert post["title"] == "The Governors' Bargain"
    assert post["author"] == "Marina Sokolova & Pavel Ilyin"
    assert post["published_date"] == "2018-03-21"
    for line in ("East European Review", "To cite this article", "View related", "Article views"):
        assert line not in post["body"]
    assert post["body"].startswith("The first paragraph")


def test_subject_field_titles_a_memo_and_its_dateline_dates_it() -> None:
    text = (
        "25X1\n\nMEMORANDUM\n\nBUREAU OF EASTERN ANALYSIS\n\n14 March 1985\n\n"
        "SUBJECT: The Regional Party Secretaries\n\n" + BODY
    )
    post = run(text)
    assert post["title"] == "The Regional Party Secretaries"
    assert post["published_date"] == "1985-03-14"
    assert post["author"] is None
    assert "BUREAU" not in post["body"] and "SUBJECT" not in post["body"]


def test_judgment_caps_title_with_a_lower_case_v() -> None:
    text = (
        "THIRD SECTION\n\nCASE OF KARPOV AND OTHERS v. RUSSIA\n\n(Application no. 41877/15)\n\n"
        "JUDGMENT\n\nSTRASBOURG\n\n19 March 2019\n\n" + BODY
    )
    post = run(text)
    assert post["title"] == "CASE OF KARPOV AND OTHERS v. RUSSIA"
    assert post["published_date"] == "2019-03-19"
    assert post["body"].startswith("The first paragraph")


@pytest.mark.parametrize(
    ("label", "line", "wanted"),
    [
        (
            "names glued by footnote marks",
            "Kirill Dorofeev†Anna Lisitsyna‡",
            "Kirill Dorofeev, Anna Lisitsyna",
        ),
        (
            "affiliation run on",
            "Olga VereshchaginaVolga Institute for Public Policy",
            "Olga Vereshchagina",
        ),
        ("Cyrillic initials", "А. С. Климова", "А. С. Климова"),
        ("two names joined by 'and'", "Oskar Lind and Marta Ilves", "Oskar Lind and Marta Ilves"),
        (
            "superscript letters set apart",
            "Marina Sokolova a and Pavel Ilyin b",
            "Marina Sokolova and Pavel Ilyin",
        ),
        ("affiliation after a comma", "Lev Sarkisov, Kama Institute", "Lev Sarkisov"),
        ("ALL-CAPS name with initials, as printed", "IRINA V. VOLKOVA", "IRINA V. VOLKOVA"),
        ("negative: an ALL-CAPS title of two words", "REGIONAL ELECTIONS", None),
        ("a position after a comma", "Anna Lind, Senior Fellow", "Anna Lind"),
        (
            "numbers glued to each name",
            "Ivan A. Korolev1, Natalia S. Gromova2,*",
            "Ivan A. Korolev, Natalia S. Gromova",
        ),
        ("surname in capitals", "Svetlana LOGINOVA", "Svetlana LOGINOVA"),
        ("negative: a title with 'and'", "Law and Order", None),
        ("negative: an institution alone", "Volga Institute for Public Policy", None),
        ("negative: a label field", "Principal Investigator :", None),
        (
            "a cover's caps 'prepared by'",
            "PREPARED BY DILNOZA ABDRAKHMANOVA",
            "DILNOZA ABDRAKHMANOVA",
        ),
        ("negative: prepared by a department", "PREPARED BY THE RESEARCH DEPARTMENT", None),
        ("negative: one caps word after 'prepared by'", "PREPARED BY STAFF", None),
        ("negative: a printing office in capitals", "U.S. GOVERNMENT PUBLISHING OFFICE", None),
        ("a row with a month", "Talking to Moscow | Rein Kask | May 2022", "Rein Kask"),
        ("negative: a row without a date", "Talking to Moscow | Rein Kask | Report", None),
        ("a degree after a comma", "Irena Saulite, PhD", "Irena Saulite"),
        ("degrees after a comma", "Irena Saulite, Ph.D., LL.M.", "Irena Saulite"),
        ("negative: a degree's name", "Master of Arts", None),
        (
            "letters and the corresponding mark",
            "Anna Lind a,*, Oleg Sokolov b",
            "Anna Lind, Oleg Sokolov",
        ),
        ("a rapporteur's field", "Rapporteur: Katrien Vandermeulen", "Katrien Vandermeulen"),
        ("a student's field", "Student: Elin Rosengren", "Elin Rosengren"),
        ("negative: a supervisor's field", "Supervisor: Anders Hakansson", None),
        (
            "a cover's kind of work",
            "A STUDY PREPARED BY HAROLD J. WESTBROOK",
            "HAROLD J. WESTBROOK",
        ),
        ("a thesis's label", "A thesis submitted by Elin Rosengren", "Elin Rosengren"),
        ("negative: a unit prepared it", "A report prepared by the Research Division", None),
    ],
)
def test_glued_bylines(label: str, line: str, wanted: str | None) -> None:
    assert byline_of(line) == wanted, label


def test_capitalised_words_the_document_writes_in_lower_case_are_not_names() -> None:
    assert byline_of("Russian Regional Elections") == "Russian Regional Elections"
    common = frozenset({"regional", "elections"})
    assert byline_of("Russian Regional Elections", common) is None  # negative
    assert byline_of("Kirill Dorofeev", common) == "Kirill Dorofeev"


def test_title_with_a_subtitle_colon_is_not_a_field() -> None:
    text = "Turnout Machines: Workplace Mobilization\nKirill Dorofeev\n\n" + BODY
    post = run(text)
    assert post["title"] == "Turnout Machines: Workplace Mobilization"
    assert post["author"] == "Kirill Dorofeev"


# --- unwrap: a paragraph stored on one line is never joined to the next ------------------------


def test_long_line_is_not_joined_to_the_wrapped_text_after_it() -> None:
    long = "A viewer's copy of the abstract, stored on one line. " * 4
    text = long.strip() + "\n" + WRAPPED_NUMBER
    lines = fixed(text).split("\n")
    assert lines[0] == long.strip()  # positive: its break kept
    assert "an 18-year-old student" in fixed(text)  # the wrapped lines are still joined


# --- an archive's cover page and a journal's alternating running heads -------------------------

STAMP = "Copy made for Some Library on Mon, 01 Jun 2015 10:00:00 UTC\nUse under the archive's terms"


def test_heads_with_rising_page_numbers_at_page_breaks_are_furniture() -> None:
    pages = [
        "Opening paragraph of the article, which runs on and then ends.",
        STAMP,
        "214 EASTERN QUARTERLY",
        "The second page goes on with the argument and the evidence for it.",
        STAMP,
        "CITIES AND THEIR MAYORS 215",
        "The third page has the conclusion of the argument, and ends.",
        STAMP,
    ]
    found = furniture_texts("\n\n".join(pages))
    assert {"214 EASTERN QUARTERLY", "CITIES AND THEIR MAYORS 215"} <= found
    # negative: numbered headings whose numbers do not run on page by page
    pages[2], pages[5] = "4 FINDINGS", "2 METHODS"
    found = furniture_texts("\n\n".join(pages))
    assert not {"4 FINDINGS", "2 METHODS"} & found
    # negative: one such line alone is no sequence
    pages[5] = "The third page starts without a head."
    assert "4 FINDINGS" not in furniture_texts("\n\n".join(pages))


def test_archive_cover_gives_the_title_as_written_and_is_front_matter() -> None:
    cover = (
        "Mayors and the Centre in Russia: Budgets after 2003\nAuthor(s): Irina V. Volkova\n"
        "Source: Eastern Quarterly, Vol. 12, No. 2 (Spring, 2006), pp. 214-230\n"
        "Accessed: 01-06-2015 10:00 UTC\n\n"
        "The archive keeps scholarly journals and lets readers search and read them online.\n\n"
    )
    page = "MAYORS AND THE CENTRE IN RUSSIA:\nBUDGETS AFTER 2003\n\nIrina V. Volkova\n\n"
    post = run(cover + page + BODY + f"\n\n{FILLER}" * 6)
    assert post["title"] == "Mayors and the Centre in Russia: Budgets after 2003"
    assert post["author"] == "Irina V. Volkova"
    assert post.get("published_date") is None  # the reader's access date is not the publication's
    assert "The archive keeps" not in post["body"]
    assert post["body"].startswith("The first paragraph")


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("Author(s): Irina V. Volkova", "Irina V. Volkova"),
        ("Centre for Eastern Studies", None),  # an institution, not a name
        ("Governors and the Centre", None),
    ],
)
def test_author_field_of_an_archive_cover(line: str, wanted: str | None) -> None:
    assert byline_of(line) == wanted


def test_an_access_date_is_not_a_publication_date() -> None:
    assert published_of("Accessed: 01-06-2015 10:00 UTC") is None
    assert published_of("Downloaded on 1 June 2015") is None
    assert published_of("Published online: 1 June 2015") == "1 June 2015"


@pytest.mark.parametrize(
    ("over", "title", "author"),
    [
        ("ANNA PETROVNA KELLER", "THE LONG WINTER OF THE PROVINCES", "ANNA PETROVNA KELLER"),
        # negative: a heading of common words over the title (a kicker) is no author
        ("WINTER NEWS", "THE LONG WINTER OF THE PROVINCES", None),
    ],
)
def test_name_in_capitals_over_a_capitals_title(over: str, title: str, author: str | None) -> None:
    post = run(f"{over}\n\nTHE LONG WINTER OF THE PROVINCES\n\n{BODY}")
    assert (post["title"], post.get("author")) == (title, author)


# --- covers: the author above the title, imprint notes, contents -----------------------------

WRAPPED = [
    "The regional assembly met twice in the spring and discussed the budget at",
    "length, without reaching any decision on the transfers before the summer",
    "break, and the governor's office declined to comment on the delay again.",
]


def test_title_repeated_on_an_imprint_page_is_not_a_running_head() -> None:
    """Cover, imprint (a one-sentence disclaimer) and title page repeat the author and the
    title above the first paragraph of wrapped prose: no running head. Repeated below it,
    they are."""
    cover = ["Marta Ilves", "Grain and votes in the north"]
    imprint = ["The opinions expressed here are those of the author and not of the series."]
    text = "\n".join([*cover, "Northern Institute", *imprint, *cover, *WRAPPED, "2"])
    assert furniture_texts(text) == {"2"}
    later = "\n".join([*cover, *WRAPPED, *cover, *WRAPPED])
    assert set(cover) <= furniture_texts(later)


def test_author_named_above_the_title_under_series_lines() -> None:
    """'<Series>' / '<year> No. <n>' / '<Name>' / '<title>' / '<title, wrapped>' /
    '<Institute>': the name is the author, the series lines are no title."""
    text = (
        "Northern Policy Brief\n2021 No. 5\nMarta Ilves\nGrain and votes: prices before\n"
        "regional elections in the north\nNorthern Institute for Studies\n\n" + BODY
    )
    post = run(text)
    assert post["title"] == "Grain and votes: prices before regional elections in the north"
    assert post["author"] == "Marta Ilves"
    assert "Policy Brief" not in post["body"] and "Northern Institute" not in post["body"]


def test_name_under_its_title_stays_the_byline() -> None:
    text = "Grain and Votes in the North\nMarta Ilves\nNorthern Institute for Studies\n\n" + BODY
    post = run(text)
    assert post["title"] == "Grain and Votes in the North"
    assert post["author"] == "Marta Ilves"


def test_contents_entries_with_dot_leaders_are_furniture() -> None:
    lines = ["Abstract .............................. 4", "1. Introduction . . . . . . 5",
             "Section 2 reports the results for 2019.", "Prices rose......and fell"]  # fmt: skip
    found = furniture_texts("\n\n".join(lines))
    assert found == {lines[0], lines[1]}


def test_contents_entries_with_dot_leaders_stay_lines_of_their_own() -> None:
    """Wrapped text never joins a contents entry to the next one; a sentence whose words
    run on over a line of dots and a number is not an entry and is unwrapped as before."""
    entries = ["Summary ......................................................... 1",
               "The Filter and the Deputies ..................................... 5",
               "Recommendations ................................................. 9"]  # fmt: skip
    repaired = repair("\n".join([*entries, "", *WRAPPED, "", BODY]), CONFIG).text
    assert all(entry + "\n" in repaired for entry in entries[:2])
    assert furniture_texts(repaired) >= set(entries)


def test_a_stack_of_one_margin_stamp_is_furniture() -> None:
    stamp = "Reviewed Copy Released"
    found = furniture_texts("\n".join([stamp] * 4 + ["", "A Short Title", "", BODY]))
    assert found == {stamp}


def test_a_line_repeated_twice_or_a_one_word_stack_is_no_stamp() -> None:
    twice = "\n".join(["Reviewed Copy Released"] * 2 + ["", "A Short Title", "", BODY])
    words = "\n".join(["Yes"] * 4 + ["", "A Short Title", "", BODY])
    assert furniture_texts(twice) == set()
    assert furniture_texts(words) == set()


PARAGRAPH = (
    "The regional assembly met twice in the spring and discussed the budget of the office "
    "at length, without reaching any decision on the matter before the summer break came."
)


def _report(cover: str, head: str, numbered: bool = True) -> str:
    heads = [f"{head}      {page}" if numbered else head for page in (3, 5, 7)]
    pages = [f"{PARAGRAPH}\n\n{line}\n\n{PARAGRAPH}" for line in heads]
    return "\n\n".join(["NORTHERN WATCH", cover, PARAGRAPH, cover, PARAGRAPH, *pages])


def test_the_cover_copy_of_a_title_the_running_heads_repeat_is_the_title() -> None:
    """The cover and the title page print the title over an imprint's paragraph, the pages
    print it in capitals with their numbers: the cover's copy is the title."""
    post = run(_report('"Nobody Counted the Votes"', '"NOBODY COUNTED THE VOTES"'))
    assert post["title"] == '"Nobody Counted the Votes"'


def test_a_running_head_with_digits_above_the_text_stays_furniture() -> None:
    stamp = "Northern Watch Review, Issue 12"
    post = run(_report(stamp, stamp, numbered=False))
    assert post["title"] != stamp


def test_a_long_stamp_on_every_page_is_furniture_a_repeated_formula_is_not() -> None:
    stamp = (
        "Fetched from https://library.example.org/core on 09 Feb 2024 at 14:52, under "
        "the terms of use of the library, available at https://library.example.org/terms"
    )
    formula = (
        "Thank you very much, Madam Chair, for giving me the floor, and let me thank "
        "the secretariat for the report that it has put before the council today."
    )
    pages = [f"{PARAGRAPH}\n{line}\n{PARAGRAPH}" for line in (stamp, formula) * 3]
    found = furniture_texts("\n\n".join(pages))
    assert stamp in found
    assert formula not in found


def test_cover_notes_above_the_executive_summary_are_front_matter() -> None:
    """A copyright notice and a disclaimer between the cover's fields and the heading the
    text opens with are not the text; without a head above the heading, nothing is cut."""
    notes = [
        "Copyright Information",
        "Scholars keep the copyright on the papers they submit to the council, which may copy",
        "and distribute them for its own use and for the public on a non-profit basis.",
    ]
    text = "\n".join(["THE PRICE OF BREAD AND VOTES", "Marta Ilves", "Northern Institute",
                      *notes, "Executive Summary", *WRAPPED, "", BODY])  # fmt: skip
    post = run(text)
    assert post["title"] == "THE PRICE OF BREAD AND VOTES"
    assert "Scholars keep the copyright" not in post["body"]
    assert "The regional assembly met twice" in post["body"]
    plain = "\n\n".join([" ".join(WRAPPED), "Summary", BODY])
    assert "The regional assembly met twice" in run(plain)["body"]


def test_index_fields_under_the_abstract_are_front_matter() -> None:
    """'Keywords: …' and 'JEL Classification: …' under the opening paragraph are the
    paper's front matter; a sentence that mentions keywords is text."""
    fields = ["JEL Classification: D72, H77.", "Keywords: grain prices, elections, regions."]
    opening = ["Grain and Votes in the North", "Marta Ilves", " ".join(WRAPPED)]
    closing = ["The keywords of the campaign were bread and order.", BODY, PROSE, PROSE]
    text = "\n\n".join([*opening, *fields, *closing])
    post = run(text)
    assert "JEL Classification" not in post["body"] and "Keywords:" not in post["body"]
    assert "The keywords of the campaign" in post["body"]


def test_index_fields_of_a_short_paper_are_front_matter_past_its_first_share() -> None:
    """In a short paper the fields under the abstract stand past the first share of the
    text, yet among its first lines; a field deep in a long text is not the head's."""
    fields = ["Keywords: grain prices, elections, regions", "JEL Classification: D72, H77"]
    opening = ["Grain and Votes in the North", "Marta Ilves", "Abstract", " ".join(WRAPPED)]
    post = run("\n".join([*opening, *fields, "1 Introduction", PARAGRAPH]))
    assert "JEL Classification" not in post["body"] and "Keywords:" not in post["body"]
    late = "\n\n".join([*opening, *[PARAGRAPH] * 30, fields[0], PARAGRAPH])
    assert fields[0] in run(late)["body"]


def _memo(closing: str, foot: str = "Northern Policy Forum") -> str:
    """A two-page memo with a running foot, ending in `closing` above a copyright foot."""
    pages = [
        "Grain and Votes in the North", "Marta Ilves", PROSE, PROSE,
        f"{foot}                                   Page 1 of 2", PROSE, PROSE, closing,
        "© Northern Policy Forum 2019", f"{foot}                                   Page 2 of 2",
    ]  # fmt: skip
    return "\n\n".join(pages)


def test_note_about_the_publisher_closing_a_memo_is_furniture() -> None:
    note = ("The Northern Policy Forum is a network of scholars working on the politics of "
            "the northern regions; its memos are published with the support of a foundation.")  # fmt: skip
    post = run(_memo(note))
    assert "is a network of scholars" not in post["body"]
    assert PROSE in post["body"]


def test_closing_paragraph_opening_with_the_running_head_is_text() -> None:
    """A journal prints the article's title as its running head; a closing paragraph that
    opens with those words, and says no 'is a …', is the article's."""
    closing = "Grain and votes in the north will remain tied for as long as prices do."
    post = run(_memo(closing, foot="Grain and Votes in the North"))
    assert "will remain tied" in post["body"]
    named = "The Northern Policy Forum will publish a second memo on the subject in the spring."
    assert "second memo" in run(_memo(named))["body"]


def test_series_running_head_is_not_the_title() -> None:
    """A series line that the running heads repeat ('<Series> No. 71 l March 2022   1') is
    not the title: the title over the byline is."""
    page = (
        "The governors were chosen for loyalty and for their skill as managers of a region.\n" * 6
    )
    text = (
        "CIRCLE BRIEF No. 71 l March 2022\n\nThe Regions Go Quiet\n\nBy Nikolai Terentyev\n\n"
        + page
        + "\nCIRCLE BRIEF No. 71 l March 2022            1\n\n"
        + page
        + "\nCIRCLE BRIEF No. 71 l March 2022            2\n"
    )
    repaired = repair(text, CONFIG).text
    result = segment(DOC, repaired, "pdf_article", SegmentConfig())
    assert coverage_errors(repaired, result) == []
    post = result.posts[0]
    assert post["title"] == "The Regions Go Quiet"
    assert post["author"] == "Nikolai Terentyev"


def test_echoed_title_still_wins_over_a_plain_head() -> None:
    """Negative: a title (no series line in it) that the running heads repeat stays the
    title."""
    page = "The report looks at the regional elections of that year and at their results.\n" * 6
    text = (
        "Regional Elections in Review\n\n"
        + page
        + "\nRegional Elections in Review            2\n\n"
        + page
        + "\nRegional Elections in Review            3\n"
    )
    repaired = repair(text, CONFIG).text
    result = segment(DOC, repaired, "pdf_article", SegmentConfig())
    assert result.posts[0]["title"] == "Regional Elections in Review"


@pytest.mark.parametrize(
    ("label", "text", "furniture"),
    [
        ("positive: a cover's city and web address", "LONDON / UNITED KINGDOM www.x.example", True),
        ("positive: a page foot's bare address", "www.valecenter.example/program/brief", True),
        (
            "negative: a sentence that cites a site",
            "The full data are published at www.cik.example.",
            False,
        ),
        (
            "negative: a long line ending in an address",
            "Readers who want the appendix with every table can find it at www.x.example",
            False,
        ),
    ],
)
def test_address_lines_are_furniture(label: str, text: str, furniture: bool) -> None:
    lines = split_lines(text)
    assert bool(find_furniture(lines)) is furniture, label


# --- flattened heads, masthead issue dates, contributors, Russian bylines --------------------

FLAT_BODY = (
    "Abstract This article asks why turnout varied so sharply between regions that were "
    "otherwise alike in income and structure, and answers with the workplaces they control.\n\n"
    + BODY
)


@pytest.mark.parametrize(
    ("after", "author"),
    [
        # the affiliation opens with its keyword: the name before it is whole
        ("Department of Political Science, Ural Federal University", "Irina V. Volkova"),
        # negative: the word after the name is the affiliation's own first word
        ("Charles University, Prague", "Irina V."),
    ],
)
def test_flattened_head_name_before_an_affiliation(after: str, author: str) -> None:
    head = f"Journal of Eurasian Electoral Studies, 2019, Vol. 11, No. 3, pp. 201–222 UDC 324(470) DOI 10.31870/jees.2019.11.3.201 TURNOUT AS A RESOURCE IN THE REGIONS Irina V. Volkova {after} e-mail: iv@example.org"
    post = run(head + "\n\n" + FLAT_BODY + f"\n\n{FILLER}" * 3)
    assert post["title"] == "TURNOUT AS A RESOURCE IN THE REGIONS"
    if author == "Irina V. Volkova":
        assert post["author"] == author
    else:
        assert post.get("author") != "Irina V. Volkova Charles"


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("Centre for Northern Studies NUMBER 311 | 14.09.2021 www.cns.example.pl", "14.09.2021"),
        ("Policy Brief No. 7 | 3 March 2021", "3 March 2021"),
        # negative: a report number followed by the period it covers, not the issue's date
        ("Report No. 5 covering 1 January 2020 to 31 March 2020 in detail", None),
    ],
)
def test_issue_number_with_its_date(line: str, wanted: str | None) -> None:
    assert published_of(line) == wanted


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("Halina Wrzosek, cooperation Tomasz Kępiński", "Halina Wrzosek"),
        ("Agnė Jurkutė", "Agnė Jurkutė"),
        ("Авторы: А.В. Селиванов, Н.Р. Гарипова", "А.В. Селиванов, Н.Р. Гарипова"),
        ("Кондратьева Е.С.", "Кондратьева Е.С."),
        ("Кондратьева Е. С.", "Кондратьева Е. С."),
        # negatives: a lower-case clause naming no one, a heading with a word of capitals
        ("Halina Wrzosek, cooperation with partners", None),
        ("Выборы в регионах", None),
    ],
)
def test_contributors_accents_and_russian_names(line: str, wanted: str | None) -> None:
    assert byline_of(line) == wanted


@pytest.mark.parametrize(
    ("tail", "dropped", "kept"),
    [
        (
            [
                "© 2022, The Vale Center",
                "One Woodrow Plaza, Washington, DC 20004",
                "www.vale.example",
            ],
            {"One Woodrow Plaza, Washington, DC 20004"},
            set(),
        ),
        (
            [
                "EDITORS: Piotr Zawadzki, Centre X ul. Lipowa 14, 00-316 Warsaw tel.: (+48) 22 525 80 00 info@x.example"
            ],
            {
                "EDITORS: Piotr Zawadzki, Centre X ul. Lipowa 14, 00-316 Warsaw tel.: (+48) 22 525 80 00 info@x.example"
            },
            set(),
        ),
        (  # a long imprint whose last lines are furniture already (ISSN, DOI, page number)
            [
                "Kirchplatz 3–4",
                "10719 Berlin",
                "Telephone +49 30 880070-0",
                "www.iop.example",
                "ISSN (Print) 1861-1761",
                "ISSN (Online) 2747-5107",
                "DOI: 10.18449/2024C14",
                "Series Comment 14",
                "March 2024",
                "3",
            ],
            {"Kirchplatz 3–4", "10719 Berlin"},
            set(),
        ),
        # negatives: one copyright line alone; a closing heading over page furniture
        (
            ["One Woodrow Plaza, Washington, DC 20004", "© 2022, The Vale Center"],
            set(),
            {"One Woodrow Plaza, Washington, DC 20004"},
        ),
        (["Notes on sources", "7"], set(), {"Notes on sources"}),
    ],
)
def test_closing_imprint(tail: list[str], dropped: set[str], kept: set[str]) -> None:
    text = "\n\n".join(
        [*WRAPPED, "The last paragraph of the brief ends here, as it should.", *tail]
    )
    found = furniture_texts(text)
    assert dropped <= found
    assert not kept & found


def test_contact_heading_over_an_email() -> None:
    lines = ["Contact details and disclaimer:", "Ruslan A. Khabibullin", "E-mail: rk@example.org"]
    assert "Contact details and disclaimer:" in furniture_texts("\n".join([*WRAPPED, *lines]))
    # negative: no e-mail address under it
    lines[-1] = "Kazan State University"
    assert "Contact details and disclaimer:" not in furniture_texts("\n".join([*WRAPPED, *lines]))


def test_parenthesised_page_markers() -> None:
    page = " ".join(WRAPPED * 2)
    text = "\n\n".join(["(1)", page, "(2)", page, "(3)", page])
    assert pdf_evidence(split_lines(text)) is not None
    assert {"(1)", "(2)", "(3)"} <= furniture_texts(text)
    # negative: numbered items of a short list, no page between them
    items = "\n".join(["(1)", "first item", "(2)", "second item", "(3)", "third item", page])
    assert "(1)" not in furniture_texts(items)


def test_running_heads_numbered_at_both_edges_share_a_key() -> None:
    from flows.stages.segment.furniture import head_key

    assert head_key("88 ВЕСТНИК УНИВЕРСИТЕТА 2019 / № 3") == head_key(
        "ВЕСТНИК УНИВЕРСИТЕТА 2019 / № 3 89"
    )
    # negative: another issue's head is another key only by its words
    assert head_key("88 ВЕСТНИК") != head_key("ВЕСТНИК ИНСТИТУТА 89")


def test_mirrored_running_heads_share_a_key_and_tell_a_pdf() -> None:
    from flows.stages.segment.furniture import head_key, mirrored_heads
    from flows.stages.segment.lines import split_lines

    recto = "8.9.2026      EN      Official Journal      L 231/11"
    verso = "L 231/12      EN      Official Journal      8.9.2026"
    assert head_key(recto) == head_key(verso)
    # negative: the same words run together in another order are another key
    assert head_key("Ukraine and Russia") != head_key("Russia and Ukraine")
    lines = split_lines("\n".join([recto, "text", verso, "text", recto]))
    assert mirrored_heads(lines, {0, 2, 4}) == {0, 2, 4}
    # negative: a head repeated in one order only mirrors nothing
    assert mirrored_heads(lines, {0, 4}) == set()


def test_barcode_text_is_a_production_stamp() -> None:
    from flows.stages.segment.furniture import production_stamps
    from flows.stages.segment.lines import split_lines

    lines = split_lines("\n".join(["26-41234 (E)", "*2641234*", "*N2612345*"]))
    assert production_stamps(lines) == {1, 2}
    # negative: emphasis in asterisks is text, with or without capitals
    lines = split_lines("\n".join(["*Note*", "*IMPORTANT*", "*5 stars*", "*1*"]))
    assert production_stamps(lines) == set()


def test_russian_library_viewer_lines_and_their_note() -> None:
    top = [
        "Добавил:",
        "Опубликованный материал нарушает ваши авторские права? Сообщите нам.",
        "Doklad_2021",
        "Скачиваний:",
        "7",
        "Добавлен:",
        "14.11.2022",
        "Размер:",
        "512.08 Кб",
        "Скачать",
    ]
    text = "\n\n".join([*top, "Аналитический доклад", *WRAPPED])
    found = furniture_texts(text)
    assert set(top) <= found
    assert pdf_evidence(split_lines(text)) is not None
    # negative: a sentence that follows no viewer line is text
    assert "Аналитический доклад" not in found


@pytest.mark.parametrize(
    ("running", "title", "author"),
    [
        (
            "THE LONG WINTER OF THE PROVINCES",
            "THE LONG WINTER OF THE PROVINCES",
            "ANNA PETROVNA KELLER",
        ),
        # negative: nothing repeats the rest of the line: it stays one title
        ("THE COUNCIL", "ANNA PETROVNA KELLER THE LONG WINTER OF THE PROVINCES", None),
    ],
)
def test_caps_name_unwrapped_into_the_title(running: str, title: str, author: str | None) -> None:
    page = "\n".join(WRAPPED)
    text = f"ANNA PETROVNA KELLER THE LONG WINTER OF THE PROVINCES\n\n{page}\n\n48\n{running}\n\n{page}"
    post = run(text)
    assert (post["title"], post.get("author")) == (title, author)


def test_a_wrapped_prose_line_is_no_affiliation_field() -> None:
    head = "THE GOVERNORS' ROTATION\nAnalytical report\n"
    prose = (
        "Every autumn the Kremlin has replaced a\ngroup of regional governors, young state corpora-\n"
        "tions' managers, trained at the presidential academy's school\nfor future leaders.\n\n"
    )
    post = run(head + "\n" + prose + BODY)
    assert "trained at the presidential academy" in post["body"]
    # negative: an affiliation line of its own is still the head's
    post = run("THE GOVERNORS' ROTATION\nMarta K. Ilves\nPresidential Academy, Moscow\n\n" + BODY)
    assert "Presidential Academy" not in post["body"]


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Talking to Moscow: Options for a Dialogue", "Talking to Moscow: Options for a Dialogue"),
        # negative: a site's name of two words over the viewer lines shows no title
        ("Docs Library", None),
    ],
)
def test_preamble_title_over_a_flattened_page(first: str, title: str | None) -> None:
    flat = (
        "Talking to Moscow: Options for a Dialogue Report | Rein Kask | May 2022 "
        + "Arms control between Russia and the West has largely collapsed, and the rest. " * 4
    )
    text = f"{first}\nTotal Page:16\n\nFile Type:pdf, Size:1020Kb\n\n{flat}\n\n{BODY}"
    post = run(text)
    assert post.get("title") == title


# --- preprints, thesis covers, centred title pages -------------------------------------------

ARXIV_HEAD = (
    "Workplace Mobilization and Turnout Spikes in Russian\n"
    "Regions: Evidence from Precinct Returns\n\n"
    "Daria K. Melnikova1, Pavel Osterman2, and Lena Varga1\n\n"
    "1Department of Political Science, Central European Institute, Vienna\n\n"
    "{stamp}\n\nAbstract\n\n"
)


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("arXiv:2108.07731v2 [cs.SI] 18 Aug 2021", "2021-08-18"),
        # negative: a citation of a preprint in the text is no stamp
        ("See arXiv:2108.07731 for the data appendix and the code", None),
    ],
)
def test_arxiv_stamp_is_evidence_furniture_and_the_date(stamp: str, date: str | None) -> None:
    text = ARXIV_HEAD.format(stamp=stamp) + "\n".join(WRAPPED) + "\n\n" + BODY
    lines = split_lines(text)
    assert (pdf_evidence(lines) == "an arXiv stamp on the first page") == (date is not None)
    post = run(text)
    assert post["title"] == (
        "Workplace Mobilization and Turnout Spikes in Russian Regions: Evidence from Precinct Returns"
    )
    assert post["author"] == "Daria K. Melnikova, Pavel Osterman, and Lena Varga"
    assert post.get("published_date") == date
    assert (stamp in post["body"]) == (date is None)


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("СЕЛИВЁРСТОВА Ксения Андреевна", "СЕЛИВЁРСТОВА Ксения Андреевна"),
        ("Anna Lind, Oleg Sokolov, and Marta Ilves", "Anna Lind, Oleg Sokolov, and Marta Ilves"),
        # negative: a caps word over common words is a heading, not a surname
        ("ВВЕДЕНИЕ И задачи работы", None),
    ],
)
def test_surname_first_in_capitals_and_the_oxford_comma(line: str, wanted: str | None) -> None:
    assert byline_of(line) == wanted


COVER = (
    "                                          На правах рукописи\n\n\n"
    "                   СЕЛИВЁРСТОВА Ксения Андреевна\n\n\n"
    "       ИНСТИТУТ ПОЛНОМОЧНЫХ ПРЕДСТАВИТЕЛЕЙ: ЭВОЛЮЦИЯ ФУНКЦИЙ\n"
    "                      (2000–2020 гг.)\n\n"
    "                              АВТОРЕФЕРАТ\n\n"
    "                              Москва – 2021\n"
)
RU_BODY = (
    "Актуальность темы исследования определяется тем, что функции института "
    "менялись несколько раз за двадцать лет, и это требует объяснения.\n\n"
    "Цель исследования состоит в том, чтобы выявить этапы этой эволюции и их причины."
)


def test_thesis_cover_centred_name_over_caps_title() -> None:
    text = COVER + "\n" + RU_BODY
    assert str(pdf_evidence(split_lines(text))).endswith("cover lines set in from the left edge")
    post = run(text)
    assert post["title"] == "ИНСТИТУТ ПОЛНОМОЧНЫХ ПРЕДСТАВИТЕЛЕЙ: ЭВОЛЮЦИЯ ФУНКЦИЙ (2000–2020 гг.)"
    assert post["author"] == "СЕЛИВЁРСТОВА Ксения Андреевна"
    assert "Москва – 2021" not in post["body"]
    # negative: the same lines flush left (web text) show no PDF
    flush = "\n".join(line.strip() for line in COVER.split("\n"))
    assert pdf_evidence(split_lines(flush + "\n" + RU_BODY)) is None


def test_caps_institution_title_without_subtitle_is_a_masthead() -> None:
    post = run("ВОЛЖСКИЙ ГОСУДАРСТВЕННЫЙ УНИВЕРСИТЕТ\n\nВЫБОРЫ В РЕГИОНАХ РОССИИ\n\n" + RU_BODY)
    assert post["title"] == "ВЫБОРЫ В РЕГИОНАХ РОССИИ"


# --- what repair took out of the lines: form feeds, words split at line ends -----------------


def _layout_of(text: str) -> str:
    import hashlib

    from flows.config import PipelineConfig
    from flows.stages.document import process_document
    from flows.stages.records import RawDocument, SourceInfo

    data = text.encode()
    raw = RawDocument(SourceInfo("x.txt"), data, hashlib.sha256(data).hexdigest())
    return str(process_document(raw, PipelineConfig()).tables["documents"][0]["layout"])


PAGE_PROSE = (
    "The regional assembly met twice in the spring and discussed the budget at length.\n\n"
    "The governor's office declined to comment on the delay and on the transfers again."
)


def test_a_form_feed_is_a_page_break_and_shows_pdf_text() -> None:
    result = repair(PAGE_PROSE.replace("\n\n", "\n\x0c"), CONFIG)
    assert result.fixes.get("page_break") == 1
    assert _layout_of(PAGE_PROSE.replace("\n\n", "\n\x0c")) == "pdf_article"
    # negative: a carriage return is a line end, no page break
    assert repair(PAGE_PROSE.replace("\n\n", "\r\n\r\n"), CONFIG).fixes.get("page_break") is None
    assert _layout_of(PAGE_PROSE) == "article"


def test_words_hyphenated_at_line_ends_show_pdf_text() -> None:
    wrapped = (
        "The regional assembly met twice in the spring and discussed the trans-\n"
        "fers at length, without reaching any decision before the summer recess,\n"
        "and the governor's office declined to comment on the delay or on the sub-\n"
        "sidies promised to the northern districts in the previous budget year.\n"
    )
    assert _layout_of(wrapped) == "pdf_article"
    # negative: one split word alone is no evidence
    once = wrapped.replace("sub-\nsidies", "subsidies")
    assert _layout_of(once) == "article"


# --- more head shapes: caps names, dates between, names over titles, colon openings ----------

HEAD_BODY = (
    "The first paragraph of the paper sets out the question about governors and elections "
    "and the answer to it, which the rest of the paper defends at some length.\n\n"
    "The second paragraph gives the evidence for it in detail."
)


@pytest.mark.parametrize(
    ("head", "title", "author"),
    [
        ("THE GOVERNORS AND THE CENTRE\n\nBY ANNA LIND", "THE GOVERNORS AND THE CENTRE", "ANNA LIND"),
        ("The Kremlin's Regional Gambit\n\nANNA LIND\n\nJune 3, 2022", "The Kremlin's Regional Gambit", "ANNA LIND"),
        ("THE KREMLIN'S REGIONAL GAMBIT\n\nANNA LIND, OLEG SOKOLOV", "THE KREMLIN'S REGIONAL GAMBIT", "ANNA LIND, OLEG SOKOLOV"),
        ("Where the Governors Come From\nMarch 2021\n\nAnna Lind", "Where the Governors Come From", "Anna Lind"),
        ("The Governors' Dilemma\n\nAnna Lind | 12 March 2021", "The Governors' Dilemma", "Anna Lind"),
        ("The Kremlin's Regional Gambit\n\nDr. Anna Lind", "The Kremlin's Regional Gambit", "Anna Lind"),
        ("Anna Lind\n\nThe Kremlin's Regional Gambit", "The Kremlin's Regional Gambit", "Anna Lind"),
        ("Managed Elections:\nThe Case of the Volga Regions\n\nAnna Lind\nVolga Institute",
         "Managed Elections: The Case of the Volga Regions", "Anna Lind"),
        # negatives: a caps line of common words under a caps title is no name; a month and
        # year is no title; a field label over a value is no title's opening
        ("THE GOVERNORS AND THE CENTRE\n\nWINTER NEWS", "THE GOVERNORS AND THE CENTRE WINTER NEWS", None),
        ("March 2021\n\nThe Kremlin's Regional Gambit\n\nAnna Lind", "The Kremlin's Regional Gambit", "Anna Lind"),
        ("Summary:\nThe Kremlin's Regional Gambit\n\nAnna Lind", "The Kremlin's Regional Gambit", "Anna Lind"),
    ],
)  # fmt: skip
def test_head_shapes(head: str, title: str, author: str | None) -> None:
    post = run(f"{head}\n\n{HEAD_BODY}")
    assert (post["title"], post.get("author")) == (title, author)


# --- laid-out heads and feet, Russian names in capitals and in oblique cases ---------------------


def test_a_line_laid_out_in_columns_is_never_joined() -> None:
    foot = "КонсультантПлюс          Страница 1 из 3\nнадежная правовая поддержка          www.consultant.ru"
    assert fixed(foot).split("\n") == foot.split("\n")
    # negative: a justified line of prose (a space or two between words) is still joined
    prose = "The regional assembly met twice in the spring and  discussed the budget at\nlength, without reaching any decision on the transfers before the summer\nbreak, and the governor's office declined to comment on the delay again."
    assert len(fixed(prose).split("\n")) == 1


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("14 марта 2019 года                                            N 41-ФЗ", "14 марта 2019"),
        ("Принят Государственной Думой 26 февраля 2019 года and a great deal more text here", None),
    ],
)
def test_a_dateline_laid_out_in_columns(line: str, wanted: str | None) -> None:
    assert published_of(line) == wanted


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("СЕЛИВЁРСТОВА КСЕНИЯ АНДРЕЕВНА", "СЕЛИВЁРСТОВА КСЕНИЯ АНДРЕЕВНА"),
        ("РОССИЙСКАЯ ФЕДЕРАЦИЯ", None),  # no patronymic: a heading
        ("Советом Федерации", None),  # an oblique case: no byline
        ("Кондратьева Е.С.", "Кондратьева Е.С."),
    ],
)
def test_russian_names_in_capitals_and_cases(line: str, wanted: str | None) -> None:
    from flows.stages.segment.layouts.pdf_article import caps_name

    found = caps_name(line) if line.isupper() else byline_of(line)
    assert found == wanted


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Download Free PDF", True),
        ("Loading Preview", True),
        ("Citation preview", True),
        ("Limit results 1 per page", True),
        ("Create successful ePaper yourself", True),
        ('Share "2019 №3/Статьи"', True),
        # negatives: a sentence about previews and a heading that mentions papers
        ("The preview of the budget was published in May.", False),
        ("Related papers on regional budgets", False),
    ],
)
def test_document_site_chrome_lines(line: str, chrome: bool) -> None:
    from flows.stages.segment.furniture import is_viewer_line

    assert is_viewer_line(line) is chrome


@pytest.mark.parametrize(
    ("head", "left_out"),
    [
        ("ВЫБОРЫ ГУБЕРНАТОРОВ: ИТОГИ\n\nИванов И.И.\n\n610017, г. Киров, ул. Лесная, д. 12\n\n", "610017"),
        ("Governors and the Kremlin after 2012\n\nAnna Lind\nEast Policy Forum\n"
         "1779 Massachusetts Avenue NW, Washington, DC 20036\n\n", "Massachusetts Avenue"),
    ],
)  # fmt: skip
def test_a_postal_address_under_the_byline_is_head(head: str, left_out: str) -> None:
    post = run(head + HEAD_BODY)
    assert left_out not in post["body"]
    assert post["author"] in {"Иванов И.И.", "Anna Lind"}


def test_a_sentence_naming_a_street_is_text() -> None:
    from flows.stages.segment.layouts.pdf_article import POSTAL

    assert POSTAL.search("1779 Massachusetts Avenue NW, Washington, DC 20036")
    assert POSTAL.search("610017, г. Киров, ул. Лесная, д. 12")
    # negatives: a year and a count in prose, a street named in a sentence without a number
    assert not POSTAL.search("In 2012, 41 regions held elections on Lenin Street and elsewhere.")
    assert not POSTAL.search("Протесты на ул. Тверской продолжались весь вечер.")


LAID_OUT = re.compile(r"(?P<left>\S.*?[^\W\d_].*?\S) {3,}(?P<right>[^\W\d_].*\S)$")
"""Two columns on one line, as a regular expression: the definition `_gutter` reads in
linear time (this one backtracks for minutes on a long line)."""


@settings(max_examples=400)
@given(st.text(alphabet="ab1 .,Я_\t\u00a0", max_size=60))
def test_two_columns_are_found_as_the_expression_says(text: str) -> None:
    match = LAID_OUT.search(text.strip())
    expected = (
        match is not None
        and len(match.group("left")) >= MIN_GUTTER_SIDE
        and len(match.group("right")) >= MIN_GUTTER_SIDE
    )
    assert _gutter(text) is expected


def test_two_columns_of_a_printed_page_and_not_of_a_long_line() -> None:
    assert _gutter("The vote in the regional    Officials said that the turnout")
    assert not _gutter("The vote in the regional assembly was held on a Sunday morning")
    assert not _gutter("word word word  " * 100_000)  # linear: settled at once


def test_a_name_under_a_lone_by_label_is_no_running_head() -> None:
    from flows.stages.segment.layouts.pdf_article import PAGE_FURNITURE, _announced_names

    text = "THE TITLE\n\nby\n\nAnna Lind-Orlova\n\nA Running Head\n\nAnna Lind-Orlova\n\nii"
    lines = split_lines(text)
    at = {line.text: line.index for line in lines if line.text}
    named = [line.index for line in lines if line.text == "Anna Lind-Orlova"]
    dropped = dict.fromkeys([*named, at["A Running Head"], at["ii"]], PAGE_FURNITURE)
    assert _announced_names(lines, dropped) == [named[0]]  # only the name under the label
    assert _announced_names(lines, {**dropped, at["by"]: "boilerplate"}) == []
    assert _announced_names(lines, {named[0]: "front_matter"}) == []  # another rule's drop


def test_a_report_title_that_is_also_its_running_head_stays_the_cover_title() -> None:
    from flows.stages.segment.layouts.pdf_article import PAGE_FURNITURE, _cover_title

    text = "\n\n".join(
        ["Federal Power and the Regions", "Nora Ellery", "March 4, 2019",
         "Research Service Annual 1", "Research Service Annual", "Anna Lind",
         "Federal Power and the Regions",
         "Since 2000, the government has steadily centralized political and fiscal authority."]
    )  # fmt: skip
    lines = split_lines(text)
    at = {line.text: line.index for line in lines if line.text}
    titles = [line.index for line in lines if line.text == "Federal Power and the Regions"]
    footers = [at["Research Service Annual"], at["Research Service Annual 1"]]
    dropped = dict.fromkeys([*titles, *footers], PAGE_FURNITURE)
    assert _cover_title(lines, dropped) == [titles[0]]  # over the byline, never numbered
    # the publisher's footer, numbered elsewhere, is no title even over a byline
    assert _cover_title(lines, dict.fromkeys(footers, PAGE_FURNITURE)) == []
    # a head not standing over a byline is left dropped
    assert _cover_title(lines, {**dropped, at["Nora Ellery"]: "boilerplate"}) == []


def test_a_publication_date_in_a_credit_sentence() -> None:
    credit = "Original title: «Муниципалитет». Published in Russian on 3 February 2026."
    assert published_of(credit) == "3 February 2026"
    # a sentence that says a thing was published is no labelled date
    assert published_of("The report was published in March 2019 and widely read.") is None
    assert published_of("Nobody published in Moscow on 3 May 2020 dared to say so.") is None


def test_a_masthead_laid_out_in_columns_dates_the_clipping() -> None:
    masthead = "ВЕЧЕРНИЙ ГОРОД   № 198 (4127)   пятница, 15 октября 1993 г.   Цена 20 руб."
    assert published_of(masthead) == "15 октября 1993 г."
    assert published_of("ВЕЧЕРНИЙ ГОРОД   № 198 (4127)   Цена 20 руб.") is None  # no date
    # a sentence with a date in it, set in one column, is no masthead
    assert published_of("The council met on 15 October 1993 and adjourned at noon.") is None


def test_a_title_wrapped_over_three_lines_over_its_byline() -> None:
    body = "The counties verified the signatures of mail ballots by hand, and the share differed."
    head = ["Rebuilding Trust in Vote-by-Mail", "Verification", "Lessons from Three States", "",
            "Beatriz Ollenhauer"]  # fmt: skip
    text = "\n".join([*head, "", body, "", body.replace("hand", "machine")])
    result = segment("0123456789abcdef", text, "pdf_article", SegmentConfig())
    [post] = result.posts
    assert (
        post["title"] == "Rebuilding Trust in Vote-by-Mail Verification Lessons from Three States"
    )
    assert post["author"] == "Beatriz Ollenhauer"
    # a short kicker right above the title is no part of it
    kicked = text.replace("Rebuilding Trust in Vote-by-Mail\n", "Policy Brief\n", 1)
    [post] = segment("0123456789abcdef", kicked, "pdf_article", SegmentConfig()).posts
    assert not post["title"].startswith("Policy Brief")


_BODY = (
    "The counties verified the signatures of mail ballots by hand, and the share of "
    "rejected ballots differed widely."
)


def _pdf_head(head: list[str]) -> dict:
    text = "\n".join([*head, "", _BODY, "", _BODY.replace("hand", "machine")])
    [post] = segment("0123456789abcdef", text, "pdf_article", SegmentConfig()).posts
    return post


@pytest.mark.parametrize(
    ("head", "title", "author"),
    [
        (["REGIONAL BUDGETS AFTER THE REFORM", "", "Prepared for the Committee on Budgets", "",
          "Prepared by", "Anna Lind and Oleg Sokolov"],
         "REGIONAL BUDGETS AFTER THE REFORM", "Anna Lind and Oleg Sokolov"),
        (["REGIONAL BUDGETS AFTER THE REFORM", "", "ANNA LIND", "OLEG SOKOLOV"],
         "REGIONAL BUDGETS AFTER THE REFORM", "ANNA LIND, OLEG SOKOLOV"),
        (["Regional Budgets after the Reform", "", "Anna Lind, Senior Fellow",
          "Oleg Sokolov, Research Associate"],
         "Regional Budgets after the Reform", "Anna Lind, Oleg Sokolov"),
        # negative: the addressee is no author
        (["Regional Budgets after the Reform", "", "Prepared for the Committee on Budgets"],
         "Regional Budgets after the Reform", None),
    ],
)  # fmt: skip
def test_report_cover_authors(head: list[str], title: str, author: str | None) -> None:
    post = _pdf_head(head)
    assert (post["title"], post["author"]) == (title, author)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            r"VerDate Sep 11 2014 03:48 Mar 15, 2024 Jkt 049060 PO 00000 Frm 00006 Fmt 0626 "
            r"Sfmt 0634 E:\CR\FM\A14MR8.012 E14MRPT1",
            True,
        ),
        # negative: a table's row of figures, a row of model names, a sentence with codes
        ("Region 2019 2020 2021 12.5 13.4 15.0 16.1 17.2", False),
        ("SU-25 MiG-29 Tu-160 Il-76 An-124 2019 2020 2021", False),
        ("The Q3 results were 12.5 in 2021 and 13.4 in 2022 for unit B12345", False),
    ],
)
def test_is_code_line(text: str, code: bool) -> None:
    assert is_code_line(text) is code


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("jdoe on LAPJG3WLY3PROD with REMARKS", True),
        ("asmith on DSK6PROD with RULES1", True),
        # negative: a heading with a code name, a report number, an acronym with a year
        ("COVID19 cases rise", False),
        ("Report ABC1234", False),
        ("NATO summit 2024", False),
        ("Lessons from DSK6PROD and others in this field.", False),
    ],
)
def test_is_machine_stamp(text: str, stamp: bool) -> None:
    assert is_machine_stamp(text) is stamp


def test_a_machine_stamp_is_furniture_only_set_apart() -> None:
    apart = (
        "Insurers are\nnot covered.\n\njdoe on DSK6PROD with RULES1\n\nThe text is set\nforth.\n"
    )
    inside = "Insurers are\nnot covered by\njdoe on DSK6PROD with RULES1\nthe text set forth.\n"
    for text, furniture in ((apart, True), (inside, False)):
        lines = split_lines(text)
        (stamp,) = [line.index for line in lines if line.text.startswith("jdoe")]
        assert (stamp in find_furniture(lines)) is furniture


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("HON. MARGARET L. DUNHAM", "MARGARET L. DUNHAM"),
        ("HON. MARGARET L. DUNHAM OF OREGON IN THE HOUSE OF REPRESENTATIVES", "MARGARET L. DUNHAM"),
        ("DR. ANNA KELLERMANN", "ANNA KELLERMANN"),
        # negatives: a title of address over common words, a name in mixed case
        ("HON. MEMBERS OF THE HOUSE", None),
        ("Hon. Margaret Dunham", None),
    ],
)
def test_titled_caps_name(text: str, name: str | None) -> None:
    from flows.stages.segment.layouts.pdf_article import _titled_caps_name

    assert _titled_caps_name(text, frozenset()) == name


def test_a_titled_caps_name_under_the_title_is_the_author() -> None:
    text = "\n".join(
        [
            "E246 March 14, 2024",
            "RECORD OF THE SESSION — Remarks",
            "",
            "RECOGNIZING THE VOLUNTEER ELECTION",
            "OBSERVERS OF THE REGIONS",
            "",
            "HON. MARGARET L. DUNHAM",
            "OF OREGON",
            "Thursday, March 14, 2024",
            *WRAPPED,
        ]
    )
    repaired = repair(text, CONFIG).text
    result = segment(DOC, repaired, "pdf_article", SegmentConfig())
    assert coverage_errors(repaired, result) == []
    assert result.posts[0]["author"] == "MARGARET L. DUNHAM"


@pytest.mark.parametrize(
    ("texts", "title"),
    [
        (
            [
                "DEPARTMENT OF THE INTERIOR",
                "Publication of a Determination on the Fisheries Sector",
                "AGENCY: Office of Sanctions",
                "ACTION: Notice.",
            ],
            "Publication of a Determination on the Fisheries Sector",
        ),
        # negatives: one field only; a title in capitals (read elsewhere); a sentence above
        (["DEPARTMENT", "Publication of a Determination", "AGENCY: Office of Sanctions"], None),
        (["PUBLICATION OF A DETERMINATION", "AGENCY: Office", "ACTION: Notice."], None),
        (["The office issued this notice today.", "AGENCY: Office", "ACTION: Notice."], None),
    ],
)
def test_title_over_fields(texts: list[str], title: str | None) -> None:
    from flows.stages.segment.layouts.pdf_article import _title_over_fields

    found = _title_over_fields(split_lines("\n".join(texts)))
    assert (found.text if found else None) == title


def test_a_field_run_on_after_the_title_is_cut_only_beside_a_field_block() -> None:
    from flows.stages.segment.layouts.pdf_article import _split_caps_fields

    glued = "Publication of a Determination on the Sector AGENCY: Office of Sanctions"
    block = split_lines("\n".join([glued, "ACTION: Notice of a determination."]))
    lines, _ = _split_caps_fields(block, {})
    assert [line.text for line in lines][:2] == [
        "Publication of a Determination on the Sector",
        "AGENCY: Office of Sanctions",
    ]
    alone = split_lines(
        "\n".join([glued, "The office issued a notice."])
    )  # no field block: kept whole
    assert [line.text for line in _split_caps_fields(alone, {})[0]] == [line.text for line in alone]


@pytest.mark.parametrize(
    ("first", "date"),
    [
        (
            "21344 Gazette Register / Vol. 89, No. 61 / Thursday, March 28, 2024 / Rules",
            "Thursday, March 28, 2024",
        ),
        # negatives: a viewer's upload date; a month without its day; a kept first line
        ("Date post: 14-Mar-2021", None),
        ("Regional Review / Vol. 9, No. 3 / March 2024", None),
    ],
)
def test_running_head_date(first: str, date: str | None) -> None:
    from flows.stages.segment.layouts.pdf_article import PAGE_FURNITURE, _running_head_date

    lines = split_lines("\n".join([first, "Publication of a Determination on the Sector"]))
    assert _running_head_date(lines, {0: PAGE_FURNITURE}) == date
    assert _running_head_date(lines, {}) is None


def test_cover_date() -> None:
    from flows.stages.segment.layouts.pdf_article import PAGE_FURNITURE, _cover_date

    lines = split_lines(
        "\n".join(
            [
                "Rebuilding Trust in Mail Ballots",
                "Testimony presented before the Committee on",
                "May 11, 2023",
                "Testimonies",
                "May 11, 2023",
            ]
        )
    )
    block = [lines[0], lines[1], lines[3]]
    furniture = {2: PAGE_FURNITURE, 4: PAGE_FURNITURE}
    assert _cover_date(lines, furniture, block) == "May 11, 2023"
    # negatives: the dateline kept (read elsewhere); a dated line under the block only
    assert _cover_date(lines, {4: PAGE_FURNITURE}, block) is None
    assert _cover_date(lines, furniture, block[:2]) is None


def test_a_flattened_heads_byline_row_is_cut_at_its_date() -> None:
    from flows.stages.segment.layouts.pdf_article import _head_cuts

    title = "Talking to Moscow: Options for a Dialogue on Arms Control"
    rest = " With contributions from Anna Lind | Oleg Sokol Title: " + title + " Author: x" * 20
    raw = f"{title} Report {title} | Rein Kask | May 2022{rest}"
    pieces = [
        raw[a:b].strip() for a, b in itertools.pairwise([0, *_head_cuts(raw, 200, title), len(raw)])
    ]
    assert pieces[1] == f"Report {title} | Rein Kask | May 2022"
    # negative: a date after one bar only is no byline row's end
    plain = f"{title} Report of the year | May 2022{rest}"
    assert len(_head_cuts(plain, 200, title)) == 1


def test_punctuated_copy_of_a_cover_title() -> None:
    from flows.stages.segment.layouts.pdf_article import _punctuated_copy

    lines = split_lines(
        "\n".join(
            [
                "Rebuilding Trust in Mail Voting",
                "Lessons from Three States",
                "Testimony of Anna Lind",
                "Rebuilding Trust in Mail Voting: Lessons from Three States",
            ]
        )
    )
    wanted = "Rebuilding Trust in Mail Voting: Lessons from Three States"
    assert _punctuated_copy(lines, lines[:2]) == wanted
    # negatives: a copy with other words; a copy above the cover's lines
    other = split_lines(
        "\n".join([*(line.text for line in lines[:3]), "Rebuilding Trust: Lessons Learned"])
    )
    assert _punctuated_copy(other, other[:2]) is None
    above = split_lines(
        "\n".join([wanted, "Rebuilding Trust in Mail Voting", "Lessons from Three States"])
    )
    assert _punctuated_copy(above, above[1:]) is None


def test_one_caps_name_over_an_affiliation_is_the_author_not_the_title() -> None:
    head = ["WHO RUNS THE REGIONAL DUMAS? PARTY DISCIPLINE", "AND LOCAL NOTABLES AFTER 2022",
            "", "MARTTI KOSKELAINEN", "University of Eastern Finland, Joensuu", ""]  # fmt: skip
    text = "\n".join([*head, "", *WRAPPED])
    repaired = repair(text, CONFIG).text
    result = segment(DOC, repaired, "pdf_article", SegmentConfig())
    assert coverage_errors(repaired, result) == []
    post = result.posts[0]
    assert post["title"] == (
        "WHO RUNS THE REGIONAL DUMAS? PARTY DISCIPLINE AND LOCAL NOTABLES AFTER 2022"
    )
    assert post["author"] == "MARTTI KOSKELAINEN"


def test_a_by_line_under_a_title_wrapped_over_a_blank_line_is_no_part_of_it() -> None:
    head = ["Working Paper No. 14", "", "Loyalty at a Price: Regional Elites and the Federal Centre",
            "", "by Tomas Lindqvist", ""]  # fmt: skip
    text = "\n".join([*head, *WRAPPED])
    repaired = repair(text, CONFIG).text
    result = segment(DOC, repaired, "pdf_article", SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Loyalty at a Price: Regional Elites and the Federal Centre"
    assert post["author"] == "Tomas Lindqvist"


def test_a_running_head_of_the_title_beside_the_series_label_is_furniture() -> None:
    assert _head_of(
        "WHO RUNS THE REGIONAL DUMAS?          Working Paper 7/2026",
        "who runs the regional dumas? party discipline and local notables after 2022",
        {"who", "runs", "the", "regional", "dumas", "party", "martti", "koskelainen"},
    )
    assert not _head_of(
        "WHO RUNS THE REGIONAL DUMAS?          Moscow and the regions",
        "who runs the regional dumas? party discipline and local notables after 2022",
        {"who", "runs", "the", "regional", "dumas", "party", "martti", "koskelainen"},
    )


def test_a_menu_of_lower_case_links_is_not_hard_wrapped() -> None:
    menu = (
        "jump to content\nmy subreddits\nabout\nblog\nadvertising\nhelp\nsite rules\nreddiquette\n"
    )
    assert count_wrapped(split_lines(menu)) == (1, 8)  # only the three-word line over a link
    wrapped = (
        "The commission published the protocols of\nevery precinct in the district on the\n"
        "same evening.\n"
    )
    assert count_wrapped(split_lines(wrapped)) == (2, 3)


# --- document labels, 'by' lines, contents and page heads that echo the head ----------------


@pytest.mark.parametrize(
    ("label", "head", "title", "author"),
    [
        (
            "a label over its number, byline and date",
            "RESEARCH BRIEFING\nNumber 4821\nBy Anna Lind\n12 February 2024\n\n"
            "Regional budgets after the transfer reform",
            "Regional budgets after the transfer reform",
            "Anna Lind",
        ),
        (
            "a press release over its contact field",
            "FOR IMMEDIATE RELEASE\n\nContact: Oleg Sokolov, Press Officer\n\n"
            "Observers Report Pressure on Teachers Before the Vote",
            "Observers Report Pressure on Teachers Before the Vote",
            None,
        ),
        (
            "a title over 'by' alone and names joined by 'and' alone",
            "WORKING PAPER SERIES\nNo. 45 / March 2021\n\nREGIONAL BUDGETS AND ELECTORAL LOYALTY\n\n"
            "by\n\n"
            "Anna Lind\nUniversity of Tartu\n\nand\n\nOleg Sokolov\nUniversity of Turku",
            "REGIONAL BUDGETS AND ELECTORAL LOYALTY",
            "Anna Lind and Oleg Sokolov",
        ),
    ],
)
def test_title_under_a_document_label(
    label: str, head: str, title: str, author: str | None
) -> None:
    post = run(f"{head}\n\n{BODY}")
    assert post["title"] == title, label
    if author is not None:
        assert post["author"] == author, label


def test_title_over_an_edited_by_credit_is_not_paired_with_it() -> None:
    """'Edited by' over a name credits an editor of the cover, not the author of the title
    above it; only 'by' alone stands between a title and its author."""
    text = (
        "THE GOVERNORS AND THE CENTRE\n\nA Report Prepared by the Regional Division\n\n"
        f"Edited by\nAnna Lind\n\n{BODY}"
    )
    assert run(text)["title"] == "THE GOVERNORS AND THE CENTRE"


def test_contents_entries_under_their_heading_are_furniture() -> None:
    text = "\n".join(
        ["Contents", "", "Introduction 1", "Governors and Elections 2", "Regional Budgets 4", "",
         FILLER, "", "Table 3", "", FILLER]
    )  # fmt: skip
    found = furniture_texts(text)
    assert found == {"Introduction 1", "Governors and Elections 2", "Regional Budgets 4"}
    falling = text.replace("Regional Budgets 4", "Regional Budgets 1").replace("Contents", "Notes")
    assert furniture_texts(falling) == set()  # negative: no heading


def test_page_heads_echoing_the_title_and_author_are_furniture() -> None:
    text = "\n\n".join(
        ["Regional Elections and the Party of Power", "Anna Lind", FILLER, FILLER,
         "142    Anna Lind", FILLER, "Regional Elections and the Party of Power    143", FILLER]
    )  # fmt: skip
    found = furniture_texts(text)
    assert found == {"142    Anna Lind", "Regional Elections and the Party of Power    143"}
    assert "page heads echoing the title or author" in " ".join(
        weak_pdf_signs([line for line in split_lines(text) if not line.is_blank])
    )
    once = text.replace("Regional Elections and the Party of Power    143", "Table 2")
    assert furniture_texts(once) == set()  # negative: one echo is no page numbering


def test_a_dated_line_beside_the_first_page_furniture_is_no_running_head() -> None:
    """'… date: 6 February 2024' ends in a year, not a page number: it is no running head,
    nor does its year break the page numbers of the heads at the next page breaks."""
    text = "\n".join(
        ["https://doi.org/10.1000/jx.2024.9", "Advance access publication date: 6 February 2024",
         "", FILLER, "Downloaded from https://academic.example.org/jx by guest on 1 May 2024", "",
         "212 Journal of Regional Governance, 2024, Vol. 17, No. 2", "", FILLER,
         "Downloaded from https://academic.example.org/jx by guest on 1 May 2024", "",
         "Governors as Vote Brokers 213", "", FILLER]
    )  # fmt: skip
    found = furniture_texts(text)
    assert "212 Journal of Regional Governance, 2024, Vol. 17, No. 2" in found
    assert "Advance access publication date: 6 February 2024" not in found


@pytest.mark.parametrize(
    ("signs", "doubt"),
    [
        (["4 lines of two columns", "an all-caps title line"], TYPE_DOUBT),  # type alone
        (["an all-caps title line"], TYPE_DOUBT),
        (["4 lines of two columns", "3 page numbers"], 0.0),  # a page's furniture too
        (["an all-caps title line", "12 hard-wrapped lines joined"], 0.0),
        ([], 0.0),
    ],
)
def test_a_reading_from_type_alone_is_in_doubt(signs: list[str], doubt: float) -> None:
    assert type_doubt(signs) == doubt


def test_columns_under_a_caps_banner_alone_are_a_doubtful_pdf() -> None:
    columns = (
        "The vote in the regional assembly      Officials said that the turnout\n"
        "was held on a Sunday morning after     had been lower than at any time\n"
        "a campaign of only three weeks, in     since the assembly was first set\n"
        "which the two largest parties had      up, and blamed the cold weather."
    )
    text = f"REGIONAL ASSEMBLY ELECTION REVIEW\n\n{columns}"
    found = detect_repairs(split_lines(text), {})
    assert found is not None
    assert "two columns" in found.evidence
    assert found.doubt == TYPE_DOUBT
    found = detect_repairs(split_lines(text), {"unwrap_lines": 5})  # a column's hard wraps
    assert found is not None
    assert found.doubt == 0.0


@pytest.mark.parametrize(
    ("label", "tail", "dropped"),
    [
        ("positive: the last page's foot under its number", "3\n\nCentre X | cx.example.org", True),
        ("positive: an e-mail under the number", "3\n\nQuestions: desk@crx.example.org", True),
        ("negative: a sentence naming the site under it", "3\n\nSee cx.example.org.", False),
        ("negative: a short line with no contact under the number", "3\n\nAnnex tables", False),
        ("negative: an address above the last number", "Source: crx.example.org/data\n\n3", False),
    ],
)
def test_a_contact_line_under_the_last_page_number_is_its_foot(
    label: str, tail: str, dropped: bool
) -> None:
    lines = split_lines(_pages(["1", "2"]) + "\n\n" + PROSE + "\n\n" + tail)
    line = next(line for line in lines if line.text[:1].isalpha() and line.text in tail)
    assert (line.index in find_furniture(lines)) is dropped, label


RECITAL = (
    "The Kama Regional Court, composed of Judge I. P. Lodygina presiding, with the\n"
    "participation of the prosecutor, having examined in open court the claim of the\n"
    "regional branch of the Voters Union against the Regional Election Commission,\n"
)


@pytest.mark.parametrize(
    ("label", "opening", "in_body"),
    [
        ("positive: a long recital closing on a comma", RECITAL, True),
        (
            "negative: a long line of capitalised names under the title",
            "Anna Lind, Oskar Ilves, Marta Kask, Lev Sarkisov, Irina Volkova, Pavel Ilyin, "
            "Natalia Gromova, Kirill Dorofeev, Anna Lisitsyna, Ivan Korolev, Olga Savitskaya, "
            "Marina Sokolova\n",
            False,
        ),
    ],
)
def test_a_paragraph_longer_than_a_title_ends_the_head(
    label: str, opening: str, in_body: bool
) -> None:
    post = run("KAMA REGIONAL COURT\n\nDECISION\n\n" + opening + "\nESTABLISHED:\n\n" + BODY)
    first = opening.split(",")[0]
    assert (first in post["body"]) is in_body, label
