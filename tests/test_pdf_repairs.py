"""PDF text: hyphen splits inside flattened lines, numbers before a wrapped hyphen, emoji ZWJ
sequences, page furniture and the head (title, author, date) of a PDF article.

Every text here is invented; each group has labelled positive and negative cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.stages.repair import RepairConfig, repair
from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.furniture import find_furniture, pdf_evidence
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


def test_line_repeated_once_is_not_a_running_head() -> None:
    text = "\n\n".join(["A Quiet Reform", "Body text goes here and ends.", "3 A. Writer"])
    assert furniture_texts(text) == set()


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
