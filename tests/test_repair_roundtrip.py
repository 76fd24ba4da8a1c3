"""Round trip: every seed paragraph, hard-wrapped like a PDF (with soft hyphenation),
optionally mojibaked and CRLF'd, must come back exactly from repair (>= 99 %)."""

from __future__ import annotations

import random
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
import pytest

from flows.stages.repair import RepairConfig, repair

RAW = Path(__file__).resolve().parent.parent / "raw"
CONFIG = RepairConfig()
MOJIBAKE = (None, "sloppy-windows-1252", "latin-1", "sloppy-windows-1251")


def seed_paragraphs() -> list[str]:
    """Clean paragraphs: lines of the one-paragraph-per-line seeds, and seed 000 repaired."""
    out: list[str] = []
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if path.name.startswith("000"):
            text = repair(text, CONFIG).text
        for line in text.split("\n"):
            paragraph = repair(line.strip(), CONFIG).text
            if paragraph and "  " not in paragraph:
                out.append(paragraph)
    return out


def _split_word(word: str, room: int, rng: random.Random) -> tuple[str, str] | None:
    """Break `word` so that its head (with a hyphen) fills `room` characters, as a PDF
    typesetter would: after an existing hyphen, or a soft hyphen inside a long word."""
    best = None
    for i in range(1, len(word)):
        if word[i - 1] == "-" and i <= room and word[: i - 1].isalpha() and word[i].isalpha():
            best = (word[:i], word[i:])
    if best is not None:
        return best
    core = word.rstrip('.,;:!?”’")]')
    if len(core) < 7 or not core.isalpha() or rng.random() < 0.3:
        return None
    cuts = [i for i in range(3, len(core) - 2) if i + 1 <= room]
    if not cuts:
        return None
    i = max(cuts)
    return word[:i] + "-", word[i:]


def wrap_like_pdf(paragraph: str, width: int, rng: random.Random) -> list[str]:
    lines: list[str] = []
    words = paragraph.split(" ")
    line = ""
    k = 0
    while k < len(words):
        word = words[k]
        candidate = word if not line else f"{line} {word}"
        if len(candidate) <= width or not line:
            line = candidate
            k += 1
            continue
        room = width - len(line) - 1
        split = _split_word(word, room, rng) if room >= 4 else None
        if split is not None:
            lines.append(f"{line} {split[0]}")
            words[k] = split[1]
        else:
            lines.append(line)
        line = ""
    if line:
        lines.append(line)
    return lines


def damage(paragraph: str, rng: random.Random) -> str:
    width = rng.randint(40, 90)
    lines = wrap_like_pdf(paragraph, width, rng)
    if rng.random() < 0.5:  # PDF extractors leave a trailing space on wrapped lines
        lines = [x + " " for x in lines[:-1]] + lines[-1:]
    text = "\n".join(lines)
    codec = rng.choice(MOJIBAKE)
    if codec is not None:
        text = text.encode("utf-8").decode(codec)
    if rng.random() < 0.5:
        text = text.replace("\n", "\r\n")
    return text


def test_round_trip_rate() -> None:
    rng = random.Random(20240917)
    paragraphs = seed_paragraphs()
    failures = []
    total = 0
    for paragraph in paragraphs:
        for _ in range(3):
            damaged = damage(paragraph, rng)
            total += 1
            got = repair(damaged, CONFIG).text
            if got != paragraph:
                failures.append((paragraph, damaged, got))
    rate = 1 - len(failures) / total
    print(f"\nround trip: {total - len(failures)}/{total} = {rate:.4f}")
    for paragraph, damaged, got in failures[:25]:
        at = next(
            (i for i, (a, b) in enumerate(zip(paragraph, got, strict=False)) if a != b),
            min(len(paragraph), len(got)),
        )
        lo = max(0, at - 60)
        print("--- expected:", paragraph[lo : at + 60])
        print("    got:     ", got[lo : at + 60].replace("\n", "⏎"))
        print("    damaged: ", damaged[:400].replace("\n", "⏎"))
    assert total > 300
    assert rate >= 0.99


@pytest.mark.parametrize("width", [40, 55, 72, 90])
def test_seed_000_paragraphs_survive_rewrapping(width: int) -> None:
    text = repair((RAW / "000_6979bae76ee3e673.txt").read_text(encoding="utf-8"), CONFIG).text
    rng = random.Random(width)
    for paragraph in (p for p in text.split("\n") if len(p) > width):
        assert repair("\n".join(wrap_like_pdf(paragraph, width, rng)), CONFIG).text == paragraph
