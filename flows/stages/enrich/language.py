"""The language of each post, comment, block and footnote, with an offline detector.

The detector is lingua's (Apache-2.0), restricted to `LanguageConfig.languages`; its
n-gram models are compiled into the wheel's extension module, so detection reads no file
and opens no connection at call time.

A text is split by script first (the words written in Cyrillic, those in Latin, …), since
one detector run over an English sentence quoting a Russian title reports English alone.
Each script's words of at least `min_letters` letters are one *part*, detected on its own;
the language of the part with the most letters is the record's `language`, and the
languages of every part, most letters first, are its `languages`: a record with more than
one is mixed. Posts and comments take the letter-weighted sum of their blocks' parts, so
their text is not detected twice.

>>> guess = detect_language("The Kremlin said on Monday that the vote was fair.")
>>> guess.language, guess.languages
('en', ('en',))
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from flows.stages.rows import BlockRow, CommentRow, FootnoteRow, PostRow

Tagged = PostRow | CommentRow | BlockRow | FootnoteRow
"""A draft row that carries a language."""

WORD = re.compile(r"[^\W\d_]+")
"""A run of letters (a word; digits and punctuation separate words)."""
OTHER_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
"""A letter of :data:`WORD` that is no ASCII letter: a text without one is Latin alone."""
ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


class LanguageConfig(BaseModel):
    """Language detection settings, frozen; part of the release's config digest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    languages: tuple[str, ...] = Field(
        default=("en", "ru", "uk", "be", "de", "fr", "es"),
        min_length=1,
        description="ISO 639-1 codes the detector chooses among (a short list keeps short "
        "texts from being read as a language the corpus does not hold).",
    )
    min_letters: int = Field(
        default=10,
        ge=1,
        description="Fewest letters in one script for it to count as a part: a record "
        "with none that long has no language (null), a shorter run in another script "
        "(a name, an abbreviation) does not make it mixed.",
    )
    min_words: int = Field(
        default=2,
        ge=1,
        description="Fewest words of a script for it to count as a minority part.",
    )
    sample_letters: int = Field(
        default=150,
        ge=1,
        description="Letters of each part the detector reads (its first words): cost grows "
        "with the text while a few sentences settle the language.",
    )
    high_accuracy: bool = Field(
        default=True,
        description="Load lingua's 1- to 5-gram models (about 200 MB per process) rather "
        "than its trigram models alone (about 15 MB), which read headings and signatures of "
        "a few words as Spanish or French.",
    )


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A record's language: the majority part's, its confidence, every part's language
    (most letters first) and the letters of each, which owners add up."""

    language: str | None
    score: float | None
    languages: tuple[str, ...]
    letters: tuple[tuple[str, int, float], ...]
    """(language, letters, confidence) per part."""

    def tag(self, row: Tagged) -> None:
        """Set the record's `language`, `language_score` and `languages` fields."""
        row["language"] = self.language
        row["language_score"] = self.score
        row["languages"] = list(self.languages)


UNKNOWN = LanguageGuess(None, None, (), ())


@cache
def _script(letter: str) -> str:
    """The script of a letter (`CYRILLIC`, `LATIN`, …): the first word of its Unicode
    name. Cached: a text has many words and few distinct first letters."""
    name = unicodedata.name(letter, "")
    return name.split(" ", 1)[0] if name else ""


@cache
def _detector(languages: tuple[str, ...], high_accuracy: bool) -> Any:
    """lingua's detector for `languages`, built once per process (it loads its models
    lazily, on the first text of each script)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in languages
    ]
    builder = LanguageDetectorBuilder.from_languages(*chosen)
    return (builder if high_accuracy else builder.with_low_accuracy_mode()).build()


KNOWN_SAMPLES = 16_384
"""Most samples whose detector result a process keeps (a few MB): texts that recur across
documents (a site's furniture, a quoted paragraph) are detected once."""


@cache
def _known(languages: tuple[str, ...], high_accuracy: bool) -> dict[str, tuple[str, float] | None]:
    """The detector's (language, confidence) per sample this process has read, or None
    where it found none, in the order first read. A sample's result depends on the sample
    and the detector's settings alone (`detect_languages`), so reading it again is no work."""
    return {}


WARM_UP_TEXTS = ("a short text", "короткий текст")
"""One short text per script of `LanguageConfig.languages`: under 120 characters, lingua
reads it with every n-gram length, so it loads all of its models for that script."""


def load_models(config: LanguageConfig) -> None:
    """Load lingua's models for `config` now rather than on the first text of each script.

    Sequential calls only: lingua's parallel call starts a thread pool, and a process that
    is forked later (`flows.preload`) must hold no threads."""
    detector = _detector(config.languages, config.high_accuracy)
    for text in WARM_UP_TEXTS:
        detector.compute_language_confidence_values(text)


def _sample(words: list[str], letters: int) -> str:
    """The first words of `words` holding at least `letters` letters, joined by spaces."""
    taken, count = [], 0
    for word in words:
        taken.append(word)
        count += len(word)
        if count >= letters:
            break
    return " ".join(taken)


def _summarize(parts: Iterable[tuple[str, int, float]], config: LanguageConfig) -> LanguageGuess:
    """The guess from per-part (language, letters, confidence), merged per language."""
    letters: dict[str, int] = defaultdict(int)
    weighted: dict[str, float] = defaultdict(float)
    for language, count, confidence in parts:
        letters[language] += count
        weighted[language] += count * confidence
    kept = sorted(
        (lang for lang, count in letters.items() if count >= config.min_letters),
        key=lambda lang: (-letters[lang], lang),
    )
    if not kept:
        return UNKNOWN
    merged = tuple((lang, letters[lang], round(weighted[lang] / letters[lang], 4)) for lang in kept)
    return LanguageGuess(kept[0], merged[0][2], tuple(kept), merged)


def _parts(text: str, config: LanguageConfig) -> list[tuple[int, str]]:
    """The parts of `text` to detect: (letters, sample) per script long enough to count."""
    if not OTHER_LETTER.search(text):  # every letter Latin: one part, no letter looked up
        encoded = text.encode()
        count = len(encoded) - len(encoded.translate(None, ASCII_LETTERS))
        if count < config.min_letters:  # (one script: min_words asks for one word)
            return []
        taken, letters = [], 0
        for match in WORD.finditer(text):  # the sample's words alone, not the text's
            taken.append(match.group())
            letters += len(taken[-1])
            if letters >= config.sample_letters:
                break
        return [(count, " ".join(taken))]
    by_script: dict[str, list[str]] = defaultdict(list)
    for word in WORD.findall(text):
        by_script[_script(word[0])].append(word)
    parts = []
    for words in by_script.values():
        count = sum(map(len, words))
        if count < config.min_letters or len(words) < min(config.min_words, len(by_script)):
            continue
        parts.append((count, _sample(words, config.sample_letters)))
    return parts


def detect_languages(texts: Sequence[str], config: LanguageConfig) -> list[LanguageGuess]:
    """The language of each text: its script parts detected one by one (module doc).

    Every part of every text goes to the detector in one batch call, which costs less than
    half the CPU of one call per part (lingua releases the GIL once and skips per-call
    conversions); each sample's result does not depend on the others in the batch, so
    samples read before by this process are not sent again (`_known`).
    """
    of_text = {text: _parts(text, config) for text in set(texts)}  # a text repeated: split once
    parts = [of_text[text] for text in texts]
    known = _known(config.languages, config.high_accuracy)
    wanted = {sample for text_parts in parts for _, sample in text_parts}
    found = {sample: known[sample] for sample in wanted if sample in known}
    samples = sorted(wanted - found.keys())
    if samples:
        detector = _detector(config.languages, config.high_accuracy)
        for sample, values in zip(
            samples, detector.compute_language_confidence_values_in_parallel(samples), strict=True
        ):
            top = values[0] if values and values[0].value > 0 else None
            found[sample] = (
                (top.language.iso_code_639_1.name.lower(), float(top.value)) if top else None
            )
        for sample in list(islice(known, max(0, len(known) + len(samples) - KNOWN_SAMPLES))):
            del known[sample]  # those read first make room
        known.update((sample, found[sample]) for sample in samples[-KNOWN_SAMPLES:])
    guesses = []
    for text_parts in parts:
        detected = [(found[sample], count) for count, sample in text_parts]
        guesses.append(
            _summarize(
                ((top[0], count, top[1]) for top, count in detected if top is not None), config
            )
        )
    return guesses


def detect_language(text: str, config: LanguageConfig | None = None) -> LanguageGuess:
    """The language of one text (see `detect_languages`)."""
    return detect_languages([text], config or LanguageConfig())[0]


def combine(guesses: Sequence[LanguageGuess], config: LanguageConfig) -> LanguageGuess:
    """The language of a text made of records with these guesses (a post of its blocks)."""
    return _summarize((part for guess in guesses for part in guess.letters), config)


def add_languages(
    posts: list[PostRow],
    comments: list[CommentRow],
    blocks: list[BlockRow],
    footnotes: list[FootnoteRow],
    config: LanguageConfig,
) -> None:
    """Set `language`, `language_score` and `languages` on every draft row, in place.

    Blocks and footnotes are detected; a post or comment combines its blocks, or is
    detected itself (`title` and `body`) when it has none.
    """
    owners: list[tuple[str, PostRow | CommentRow]] = [
        *((post["post_id"], post) for post in posts),
        *((comment["comment_id"], comment) for comment in comments),
    ]
    owned_ids = {block["owner_id"] for block in blocks}
    alone = [(row, _owner_text(row)) for owner_id, row in owners if owner_id not in owned_ids]
    texts = [block["text"] for block in blocks] + [note["body"] for note in footnotes]
    guesses = detect_languages(texts + [text for _, text in alone], config)
    by_owner: dict[str, list[LanguageGuess]] = defaultdict(list)
    for block, guess in zip(blocks, guesses, strict=False):
        guess.tag(block)
        by_owner[block["owner_id"]].append(guess)
    for footnote, guess in zip(footnotes, guesses[len(blocks) :], strict=False):
        guess.tag(footnote)
    for (row, _), guess in zip(alone, guesses[len(texts) :], strict=True):
        guess.tag(row)
    for owner_id, row in owners:
        if owner_id in owned_ids:
            combine(by_owner[owner_id], config).tag(row)


def _owner_text(row: PostRow | CommentRow) -> str:
    """What is detected of a post or comment without blocks: its title and body."""
    title = row.get("title") if "title" in row else None
    return "\n".join(text for text in (title, row.get("body")) if isinstance(text, str) and text)
