"""Repair: labelled case files per step, seed checks, invariants (hypothesis), and the ftfy
fast path checked differentially against plain ftfy."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import ftfy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from flows.stages.repair import RepairConfig, repair
from flows.stages.repair.chars import fix_with_ftfy, ftfy_config

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("fuzz", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "repair"
RAW = ROOT / "raw"
CONFIG = RepairConfig()


def load_cases() -> list:
    params = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(strict=True)] if case.get("known_failure") else []
            params.append(pytest.param(case, id=f"{path.stem}: {case['label']}", marks=marks))
    return params


@pytest.mark.parametrize("case", load_cases())
def test_case(case: dict) -> None:
    result = repair(case["input"], CONFIG)
    assert result.text == case["expected"], case.get("comment")
    assert repair(result.text, CONFIG).text == result.text
    if case["input"] == case["expected"]:
        assert result.edits == []


def test_case_files_have_negative_cases() -> None:
    for path in CASES.glob("*.json"):
        cases = json.loads(path.read_text(encoding="utf-8"))
        assert any(c["input"] == c["expected"] for c in cases), path.name
        assert all(set(c) >= {"label", "input", "expected", "comment"} for c in cases)


def test_edit_offsets_point_into_original() -> None:
    text = "Navalnyâ€™s channel\nthe group.\u00a0Comrades;\r\nend  "
    result = repair(text, CONFIG)
    for edit in result.edits:
        assert 0 <= edit.orig_start <= edit.orig_end <= len(text)
    nbsp = next(e for e in result.edits if e.rule == "replace_nbsp")
    assert text[nbsp.orig_start : nbsp.orig_end] == "\u00a0"
    crlf = next(e for e in result.edits if e.rule == "normalize_newlines")
    assert text[crlf.orig_start : crlf.orig_end] == "\r\n"
    mojibake = next(e for e in result.edits if e.rule == "ftfy")
    assert text[mojibake.orig_start : mojibake.orig_end] == "Navalnyâ€™s channel\n"
    trailing = next(e for e in result.edits if e.rule == "strip_trailing_spaces")
    assert text[trailing.orig_start : trailing.orig_end] == "  "


# --- seeds ---------------------------------------------------------------------------------


def seed(prefix: str) -> str:
    return next(RAW.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_000_unwrapped() -> None:
    result = repair(seed("000"), CONFIG)
    text = result.text
    for compound in ("All-Russia", "semi-independence", "cosmopolitan-minded", "de-facto"):
        assert compound in text
    assert "compradors of Russia" in text
    assert "WHY ARE THE LIBERALS BACKING THE RUSSIAN COMMUNISTS?" in text
    assert "from Sept. 17-19." in text
    for line in text.split("\n"):
        assert line == line.strip()
        if line and len(line) > 60:  # no paragraph ends mid-sentence
            assert line[-1] in '.!?:”"]', line[-60:]
    assert not __import__("re").search(r"\w-\n\w", text)
    assert result.fixes["dehyphenate_kept"] == 3
    assert all(e.reason for e in result.edits if e.rule.startswith("dehyphenate"))


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_clean_seeds_unchanged_but_nbsp_and_lookalikes(prefix: str) -> None:
    text = seed(prefix)
    result = repair(text, CONFIG)
    assert set(result.fixes) <= {"replace_nbsp", "strip_trailing_spaces", "fix_lookalike_latin"}
    normalized = text.replace("\u00a0 ", " ").replace("\u00a0", " ").replace("оn ", "on ")
    normalized = "\n".join(line.rstrip(" ") for line in normalized.split("\n"))
    assert result.text == normalized


def test_seed_004_lookalike_and_cyrillic() -> None:
    result = repair(seed("004"), CONFIG)
    assert result.fixes == {"fix_lookalike_latin": 1}
    assert "focus “on the growing" in result.text
    assert "(Рабочее движение в развитых капиталистических странах)" in result.text


# --- invariants ----------------------------------------------------------------------------

TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",))
    | st.sampled_from(list("\n\r\t -\u00ad\u00a0РСВвЂ™€Ã©оo")),
    max_size=300,
)


@given(TEXTS)
def test_repair_idempotent_and_clean(text: str) -> None:
    first = repair(text, CONFIG)
    assert repair(first.text, CONFIG).text == first.text
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in first.text)
    assert unicodedata.is_normalized("NFC", first.text)


@given(
    st.lists(
        st.sampled_from(
            [
                "word",
                "compra-",
                "dors",
                "All-",
                "Russia",
                "\n",
                " ",
                "\n\n",
                "Sept.",
                "17-19.",
                "THE",
                "WHY",
                "a" * 40,
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_repair_idempotent_on_wrapped_like_text(text: str) -> None:
    first = repair(text, CONFIG)
    assert repair(first.text, CONFIG).text == first.text


@given(st.text(max_size=200))
def test_repair_never_raises_with_surrogates(text: str) -> None:
    text = text + "\ud800x"
    result = repair(text, CONFIG)
    assert "\ud800" not in result.text


SAFE_ALPHABET = st.sampled_from(
    list(
        "abcXYZ019 .,;:!?\"'()-\t\n<&#;amp"
        "’‘“”–—…•·«»„ é ü ß ñ à Â Ã ¡ © ° ± § ¬ ¦ ¯ µ ¿ ×"
        "РСВГвЂ™Ђ€ђ™ЁёЄ абвгдежзийклмнопрстуфхцчшщъыьэюя"
        "\u00a0\u00ad\u0301\u0080\u0093\ufb01\uff21\u2028"
    )
)


@given(st.lists(SAFE_ALPHABET, max_size=80).map("".join))
def test_ftfy_fast_path_matches_plain_ftfy(text: str) -> None:
    """The fast path (skipping provably clean segments) equals ftfy.fix_text exactly."""
    text = text.replace("\r", "")
    config = ftfy_config(uncurl_quotes=False, fix_character_width=True)
    expected = ftfy.fix_text(text, config)
    from flows.stages.repair.edits import EditTracker

    tracker = EditTracker(text)
    tracker.apply(fix_with_ftfy(text, config, __import__("collections").Counter()))
    assert tracker.text == expected


def test_ftfy_fast_path_on_seeds() -> None:
    config = ftfy_config(uncurl_quotes=False, fix_character_width=True)
    from collections import Counter

    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert fix_with_ftfy(text, config, Counter()) == []
        assert ftfy.fix_text(text, config) == text


def test_config_is_frozen_documented_and_json() -> None:
    for name, field in RepairConfig.model_fields.items():
        assert field.description, name
    assert RepairConfig.model_validate_json(CONFIG.model_dump_json()) == CONFIG
    with pytest.raises(ValueError):
        RepairConfig(unknown=True)  # type: ignore[call-arg]


def test_large_single_line_is_fast() -> None:
    import time

    text = ("The imperialists’ plan — a “war” — is clear. " * 120_000)[:5_000_000]
    start = time.perf_counter()
    result = repair(text, CONFIG)
    assert time.perf_counter() - start < 10
    assert result.text == text.rstrip()


INVISIBLE_ALPHABET = st.sampled_from(
    list("ab .\n\t\u00a0\u2007\u202f\u200b\u200c\u2060\ufeff\u00ad")
)


@given(st.lists(INVISIBLE_ALPHABET, max_size=40).map("".join))
@example(" \u00a0 \u00a0")
@example("a\u00ad\nb\u00ad c")
@example(" \u00ad\u00a0")
def test_invisible_matches_are_those_of_the_pattern(text: str) -> None:
    from flows.stages.repair.chars import _INVISIBLE_RE, _invisible_matches

    expected = [(m.span(), m.group()) for m in _INVISIBLE_RE.finditer(text)]
    assert [(m.span(), m.group()) for m in _invisible_matches(text)] == expected


def test_a_web_page_of_headlines_and_one_line_paragraphs_is_not_unwrapped() -> None:
    """Headlines, labels, ages and one-line paragraphs (several longer than any wrap
    width): no line break is a wrap, whatever the lengths of the short lines."""
    paragraph = (
        "Officials in three regional administrations said the request came by telephone and "
        "that no written instruction was ever sent to them, which is how such requests go."
    )
    items = [
        ["EXCLUSIVE", "Kremlin asks regions for lists of reliable candidates for September",
         paragraph, "Marina Zhuravleva", "2 hours ago"],
        ["COURTS", "Saratov journalist gets a suspended sentence for a post about a hospital",
         "The judge took less than an hour to reach a verdict. The defence will appeal.",
         "4 hours ago"],
        ["PHOTO", "Queues, placards and a closed square: Nizhny Novgorod on Saturday",
         "Yesterday"],
        ["OPINION", "The governors who stopped giving interviews to independent outlets",
         paragraph.replace("three", "four"), "Ksenia Orlik", "Yesterday"],
        ["ANALYSIS", "Why the ruling party is suddenly talking about pensions again",
         paragraph.replace("three", "five"), "Yesterday"],
    ]  # fmt: skip
    text = "\n\n".join("\n".join(item) for item in items) + "\n"
    result = repair(text, CONFIG)
    assert result.text == text
    assert "unwrap_lines" not in result.fixes


@pytest.mark.parametrize(
    "field",
    [
        "Source: Ural Evening News | 14 May 2024",
        "By Olesya Grinko and Pavel Sedykh",
        "Prepared by Kristiina Vaher and Andrei Lomakin",
        "Автор: Иван Петров",
    ],
)
def test_a_byline_or_source_field_is_never_joined_to_the_headline_above(field: str) -> None:
    """A digest wrapped at 72 columns: each item's headline, then its byline or source
    field on a line of its own, then its wrapped paragraph (the headline is not the
    field's first words)."""
    item = (
        "{title}\n"
        f"{field}\n"
        "\n"
        "The Kremlin has appointed a deputy minister from Moscow as acting\n"
        "governor of the Kurgan region, four months before the regional election.\n"
        "He has never lived in the region and told journalists he would learn\n"
        "fast.\n"
        "\n"
    )
    titles = ["Acting governor named in Kurgan ahead of September vote", "Tatarstan borrows"]
    text = "".join(item.format(title=title) for title in titles)
    result = repair(text, CONFIG)
    for title in titles:
        assert f"{title}\n{field}\n" in result.text


@pytest.mark.parametrize(
    "row",
    [
        "Posted by Denis Avrorin on November 2, 2022",
        "176 points by kazan_freelance on March 3, 2024 | hide | past | favorite",
        "388 points by mkrasnov 9 hours ago | hide | past | favorite | 214 comments",
        "14.03.2024 | Андрей Лаптев | Просмотров: 2 418",
        "Leena Marjamaa - March 10, 2021",
        "Photo: Olga Remizova / Ledger Pictures",
        "By Sergei Malkov | Barnaul",
        "Current News / Society /",
    ],
)
def test_a_dated_header_row_or_credit_is_never_joined_to_the_headline_above(row: str) -> None:
    """A page wrapped at 72 columns: the headline, then its header row (a date among its
    fields) or its picture's credit, then the wrapped paragraph."""
    item = (
        "{title}\n"
        f"{row}\n"
        "\n"
        "The Kremlin has appointed a deputy minister from Moscow as acting\n"
        "governor of the Kurgan region, four months before the regional election.\n"
        "He has never lived in the region and told journalists he would learn\n"
        "fast.\n"
        "\n"
    )
    titles = ["Acting governor named in Kurgan ahead of September vote", "Tatarstan borrows"]
    text = "".join(item.format(title=title) for title in titles)
    result = repair(text, CONFIG)
    for title in titles:
        assert f"{title}\n{row}\n" in result.text


def test_a_wrapped_sentence_with_a_date_goes_on() -> None:
    text = (
        "The regional duma voted to end the direct election of the mayor, and the vote on\n"
        "12 March 2024 in most districts was the last one held under the old rules, the\n"
        "commission said in a statement published on its site on the same evening.\n"
    )
    assert "vote on 12 March 2024" in repair(text, CONFIG).text


def test_mail_header_fields_are_never_joined_to_the_line_above() -> None:
    """A print view's header in a Russian interface: each field stays on its own line
    (the segmenter reads the sender, the date and the subject from them)."""
    text = (
        "Тема: Fwd: Отказ в регистрации списка\n"
        "От: Павел Рудаков <p.rudakov@example.ru>\n"
        "Кому: pravo@lists.example.ru\n"
        "Дата: 02.08.2021, 10:31\n"
        "\n"
        "Коллеги, пересылаю ответ окружной комиссии. Нас сняли за то, что в трёх\n"
        "подписных листах не указан район, хотя адрес написан полностью.\n"
    )
    repaired = repair(text, RepairConfig()).text
    assert repaired.splitlines()[:4] == text.splitlines()[:4]
    assert "в трёх подписных листах" in repaired  # the wrapped body is still joined


def test_a_row_of_links_joined_by_bars_is_never_joined_to_a_line() -> None:
    text = (
        "Date index | Thread index | Author index\n"
        "To unsubscribe, send a message to observers-unsubscribe@lists.example.org\n"
    )
    assert repair(text, RepairConfig()).text.splitlines() == text.splitlines()


def test_a_card_headline_as_wide_as_its_teaser_is_not_joined_to_it() -> None:
    """Cards of a headline, a one-sentence teaser and a byline: a headline that fills
    the width over a capitalised teaser shows no wrap, and stays on its own line."""
    cards = [
        ("Ballot printing contracts went to one firm in most districts, audit finds",
         "A review of six regions shows the same supplier won every tender there.",
         "By Irina Vasko · Oct 2, 2024"),
        ("Why the new rules on observers worry independent candidates most",
         "Accreditation now needs a party's letter, and few small parties send them.",
         "By Tom Ashdown · Sep 30, 2024"),
        ("Regional turnout fell for a third cycle in a row, commission data show",
         "The steepest drop came in the cities, the smallest in the republics.",
         "By Irina Vasko · Sep 27, 2024"),
    ]  # fmt: skip
    text = "\n\n".join("\n".join(card) for card in cards) + "\n"
    result = repair(text, CONFIG)
    for title, teaser, _ in cards:
        assert f"{title}\n{teaser}\n" in result.text


def test_a_two_line_paragraph_split_inside_a_name_is_still_joined() -> None:
    """A short wrapped paragraph whose break falls inside a name ('Central / Asia') is
    a wrap, though its second line starts in capitals and ends the sentence."""
    text = (
        "RADIO DAILY REPORT Vol 4, No. 57, Part I, 23 March 2000\n"
        "\n"
        "A daily report of developments in Russia, the Caucasus and Central\n"
        "Asia prepared by the news desk of an invented regional radio station.\n"
        "\n"
        "The commission said on Tuesday that the count in most districts was over\n"
        "and that the results would be published once the complaints were heard.\n"
    )
    assert "Caucasus and Central Asia prepared" in repair(text, CONFIG).text


def _cards(*cards: str) -> str:
    return "\n\n".join(cards) + "\n"


def test_listing_cards_with_a_dated_byline_keep_their_lines() -> None:
    """A listing of headlines over 'by <Name> — last modified <date>' and a short teaser:
    the dated byline is the card's metadata, never the rest of the headline above it."""
    text = _cards(
        "Regional assembly approves the new budget plan after a long debate\n"
        "by Anna Lindqvist — last modified Mar 03, 2024 11:20 AM\n"
        "The assembly voted on the plan for the coming year in a late session.",
        "Opposition councillors walk out of the committee hearing on transport\n"
        "by Oleg Sokolov — last modified Mar 02, 2024 09:05 AM\n"
        "The walkout followed a dispute over who may speak at public hearings.",
        "Election commission publishes the final list of registered candidates\n"
        "by Maria Kettunen — last modified Feb 28, 2024 04:41 PM\n"
        "Twelve candidates remain on the ballot after the appeals were heard.",
    )
    assert repair(text, CONFIG).text == text


def test_listing_cards_closed_by_a_date_are_no_wrapped_paragraphs() -> None:
    """Cards of a caption, a headline, a teaser, a name and a date, each line near the
    page's widest: three blocks closed by a bare date make a listing, kept line by line."""
    text = _cards(
        "Protesters gather outside the regional parliament building on Friday\n"
        "City council postpones the vote on the new housing plan once again\n"
        "Members said they need more time to read the amended draft text.\n"
        "Anna Lindqvist\n12 March 2024",
        "Volunteers hand out leaflets at the central market before the vote\n"
        "Youth wing launches a door-to-door campaign across three districts\n"
        "The campaign will run for six weeks and cover every polling area.\n"
        "Oleg Sokolov\n10 March 2024",
        "The mayor speaks to reporters after the session of the city council\n"
        "Mayor rejects calls to resign after the audit report is published\n"
        "The audit found gaps in the accounts of two municipal companies.\n"
        "Maria Kettunen\n8 March 2024",
    )
    assert repair(text, CONFIG).text == text


def test_wrapped_paragraphs_under_dated_lines_are_still_joined() -> None:
    """Negative case: hard-wrapped paragraphs are joined though the text holds dates on
    lines of their own: a date on a line of its own closes no card."""
    para = (
        "The committee met again on Tuesday to discuss the proposal that the regional\n"
        "government had sent to the assembly in the spring, and its members agreed\n"
        "that the draft needed a further reading before any vote could be held there."
    )
    text = _cards("12 March 2024", para, "14 March 2024", para, "Minutes taken by the clerk.")
    result = repair(text, CONFIG)
    assert "regional government had sent" in result.text
    assert "agreed that the draft" in result.text


def test_cards_that_repeat_their_first_line_keep_their_lines() -> None:
    """Blocks of as many lines that open on the same line but for its digits (a score over
    a headline, its tags and who posted it) are a listing's cards: a headline as wide as
    the page is never joined to the lower-case tags row under it."""
    text = _cards(
        "31\nWhy the routing registry of the network is published\n"
        "networking privacy netwatch.example.org\nvia kostrov 2 years ago | 14 comments",
        "18\nA technical reading of the new law's provisions on names\n"
        "dns law policy.example.com\nauthored by alina_v 3 years ago | 9 comments",
        "44\nMeasuring throttling from inside a residential network\n"
        "networking measurement blog.example.net\nvia petrov_s 4 years ago | 27 comments",
        "12\nHow a regional provider installed the filtering boxes, from the inside\n"
        "networking practices isp-notes.example.org\nvia sysadmin 5 years ago | 11 comments",
    )
    assert repair(text, CONFIG).text == text


def test_wrapped_paragraphs_of_as_many_lines_are_still_joined() -> None:
    """Negative case: paragraphs of three lines each, wrapped at one width, share their
    length but neither a first nor a last line: no cards, they are joined."""
    text = _cards(
        "The committee met again on Tuesday to discuss the proposal that the regional\n"
        "government had sent to the assembly in the spring, and its members agreed\n"
        "that the draft needed a further reading before any vote could be held there.",
        "The opposition members said the timetable left them too little time to read\n"
        "the amended text, and they asked the chair to postpone the second reading\n"
        "until the budget office had published its own estimate of the plan's costs.",
        "The chair refused, saying the assembly had already debated the plan at length\n"
        "in committee, and the vote went ahead late in the evening with most members\n"
        "present, the amended draft passing by a margin of eleven votes in the end.",
    )
    result = repair(text, CONFIG).text
    assert "regional government had sent" in result
    assert "to read the amended text" in result
    assert "at length in committee" in result
