"""Language per record: labelled texts, mixed scripts, the seeds, offline detection, and
the card's language list and counts taken from the data."""

from __future__ import annotations

import json
import socket

import pytest

from flows.publish.card import dataset_card
from flows.publish.report import quality_rows, read_language_counts
from flows.stages.enrich.language import (
    LanguageConfig,
    _detector,
    _known,
    add_languages,
    combine,
    detect_language,
    detect_languages,
)
from tests.golden_tools import GOLDEN

CASES = [
    ("The Kremlin said on Monday that the vote had been fair.", "en", ["en"]),
    ("Путин заявил, что выборы пройдут честно и открыто.", "ru", ["ru"]),
    ("Президент України підписав закон про вибори у четвер.", "uk", ["uk"]),
    (
        "His first book, “The Crisis of Reformism in the West” (Кризис реформизма на "
        "Западе), came out in 1985.",
        "en",
        ["en", "ru"],
    ),
    ("Он процитировал: “we shall overcome, some day”, и замолчал надолго.", "ru", ["ru", "en"]),
    # one word in another script (a name) does not make a text mixed
    ("Alexei Navalny, known in Russia as Навальный, was sentenced again.", "en", ["en"]),
    # too few letters to tell: no language rather than a guess
    ("OK", None, []),
    ("Navalny", None, []),
    ("1991–2021 · 30 %", None, []),
]


@pytest.mark.parametrize(("text", "language", "languages"), CASES)
def test_labelled_texts(text, language, languages):
    guess = detect_language(text)
    assert (guess.language, list(guess.languages)) == (language, languages)
    assert (guess.score is None) == (language is None)
    if guess.score is not None:
        assert 0.0 < guess.score <= 1.0


def test_detection_opens_no_connection(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("networking is disabled in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    _detector.cache_clear()  # the models are loaded again, with networking disabled
    guess = detect_language("Россия будет свободной, сказал он в последнем слове.")
    assert guess.language == "ru"
    assert detect_language("Russia will be free, he said in his final statement.").language == "en"


def test_owners_add_up_their_blocks_and_are_detected_without_blocks():
    config = LanguageConfig()
    english = "The statement of the movement was published on Monday morning."
    russian = "Заявление движения было опубликовано в понедельник утром, сказал он."
    posts = [
        {"post_id": "p1", "title": None, "body": f"{english}\n\n{english}\n\n{russian}"},
        {"post_id": "p2", "title": "Заявление движения", "body": russian},
    ]
    blocks = [
        {"owner_id": "p1", "text": english},
        {"owner_id": "p1", "text": english},
        {"owner_id": "p1", "text": russian},
    ]
    add_languages(posts, [], blocks, [], config)
    assert [block["languages"] for block in blocks] == [["en"], ["en"], ["ru"]]
    assert (posts[0]["language"], posts[0]["languages"]) == ("en", ["en", "ru"])
    assert (posts[1]["language"], posts[1]["languages"]) == ("ru", ["ru"])
    guesses = [detect_language(block["text"], config) for block in blocks]
    assert combine(guesses, config).languages == ("en", "ru")


def test_one_batch_gives_each_text_the_guess_it_gets_alone():
    config = LanguageConfig()
    texts = [
        "The statement of the movement was published on Monday morning.",
        "Заявление движения было опубликовано в понедельник утром.",
        "Die Erklärung wurde am Montagmorgen veröffentlicht, sagte er.",
        "He quoted «Заявление движения было опубликовано» in the statement of Monday.",
        "too short",
        "",
    ]
    _known.cache_clear()
    batch = detect_languages(texts, config)
    alone = []
    for text in texts:
        _known.cache_clear()  # each text read by a detector that has read nothing before
        alone.append(detect_language(text, config))
    assert batch == alone


def test_a_sample_read_before_is_not_sent_again_and_the_memo_is_bounded(monkeypatch):
    import flows.stages.enrich.language as language

    config = LanguageConfig()
    english = "The statement of the movement was published on Monday morning."
    russian = "Заявление движения было опубликовано в понедельник утром."
    german = "Die Erklärung wurde am Montagmorgen veröffentlicht, sagte er."
    _known.cache_clear()
    first = detect_languages([english, russian], config)
    sent: list[str] = []
    detector = _detector(config.languages, config.high_accuracy)

    class Counting:
        def compute_language_confidence_values_in_parallel(self, samples):
            sent.extend(samples)
            return detector.compute_language_confidence_values_in_parallel(samples)

    monkeypatch.setattr(language, "_detector", lambda *args: Counting())
    assert detect_languages([russian, english], config) == first[::-1]
    assert sent == []
    monkeypatch.setattr(language, "KNOWN_SAMPLES", 2)  # the first read make room
    assert detect_languages([german], config)[0].language == "de"
    known = _known(config.languages, config.high_accuracy)
    assert len(sent) == 1
    assert [found[0] for found in known.values() if found] == ["ru", "de"]


def _seed_rows() -> list[dict]:
    return [
        json.loads(line)
        for path in sorted(GOLDEN.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_seeds_every_record_has_a_language_and_cyrillic_comes_out_russian():
    tagged = [row for row in _seed_rows() if row["table"] in ("posts", "comments", "blocks")]
    assert tagged and all(row["language"] for row in tagged)
    cyrillic = [
        row
        for row in _seed_rows()
        if "languages" in row
        and any("\u0400" <= ch <= "\u04ff" for ch in row.get("text") or row.get("body") or "")
    ]
    assert cyrillic, "the digest seed quotes Russian titles"
    assert all("ru" in row["languages"] for row in cyrillic)
    others = [row for row in _seed_rows() if "languages" in row and row not in cyrillic]
    assert all(row["languages"] == ["en"] for row in others)


def test_card_languages_come_from_the_data(seed_release):
    counts = read_language_counts(seed_release / "data")
    assert counts["footnotes"]["mixed"] == 1
    assert set(counts) == {"posts", "comments", "blocks", "footnotes"}
    card = (seed_release / "README.md").read_text(encoding="utf-8")
    front = card.split("---")[1]
    assert "language:\n- en\n- ru\n" in front
    assert "lingua" in card and "Apache-2.0" in card
    section = card.split("## Languages")[1].split("\n## ")[0]
    assert f"| `blocks` | {counts['blocks']['en']} |" in section


def test_card_lists_the_languages_it_is_given():
    quality = quality_rows({}, [], {}, {}, (), {"posts": {"de": 2, "fr": 1, "unknown": 3}})
    card = dataset_card("0.1.0-test", {}, [], quality, [])
    assert "language:\n- de\n- fr\nlicense: other" in card
    assert "| `posts` | 2 | 1 | 3 | 0 |" in card
