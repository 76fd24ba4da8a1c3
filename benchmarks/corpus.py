"""A deterministic synthetic corpus of any size, made from the five seeds in raw/ and the
real-format fixtures in tests/realworld/.

Most documents (``1 - SEED_SHARE``) vary one fixture: each prose paragraph (a line, or a
hard-wrapped block rewrapped at its width) is replaced by a recombination of sentences of
that document and of other fixtures of its family and script, and more such paragraphs are
added beside them, so distinct text grows with the corpus as on real pages while every line
shape, header and indentation of the format stays. The others vary one seed (same layout):
paragraphs shuffled, repeated, mixed with paragraphs of other seeds and their sentences
recombined, thread comments shuffled and duplicated with new vote counts, digest articles
reordered. No two documents are byte-identical, so the pipeline's dedupe by content hash
does not shrink the benchmark. Then damage as seen in scraped text, each kind recorded in
``corpus.json``:

* ``mojibake_<codec>`` (~10 %): the text encoded as UTF-8 and read as cp1252, latin-1 or
  cp1251, written back as UTF-8; whole documents, or only some paragraphs (``_partial``);
* ``hard_wrap`` (PDF articles, some others): wrapped at 40-90 columns, trailing spaces,
  words split at line ends with a soft hyphen or a hyphen (``soft_hyphen``); a PDF fixture
  already wrapped keeps its own wrap;
* ``crlf`` (~10 %): CRLF line ends;
* ``legacy_cp1251`` (~1 %): Russian text, file bytes in cp1251;
* ``invisible`` (~5 %): NBSPs and zero-width spaces.

Document i is generated from ``random.Random(f"{seed}:{i}")`` alone, so the bytes do not
depend on the platform, on the total size or on the order of generation.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)

GENERATOR_VERSION = 3
DEFAULT_SEED = 7
SEED_DIR = Path(__file__).resolve().parent.parent / "raw"
FIXTURE_DIR = Path(__file__).resolve().parent.parent / "tests" / "realworld"
SEED_SHARE = 0.1
LAYOUT_WEIGHTS = {"article": 30, "pdf_article": 25, "thread": 20, "digest": 15, "listing": 10}
MOJIBAKE_CODECS = ("sloppy-windows-1252", "latin-1", "sloppy-windows-1251")
CODEC_KEYS = {"sloppy-windows-1252": "cp1252", "latin-1": "latin1", "sloppy-windows-1251": "cp1251"}
RUSSIAN = (
    "Выборы в Государственную думу прошли в сентябре, и их итоги вызвали много споров.",
    "Коммунистическая партия получила больше голосов, чем ожидали наблюдатели.",
    "Независимые профсоюзы требуют повышения заработной платы и соблюдения трудовых прав.",
    "Многие активисты левого движения оказались под давлением властей.",
    "Обсуждение реформ продолжалось в региональных парламентах до конца года.",
    "Авторы статьи считают, что демократические требования объединяют оппозицию.",
    "Кризис экономики усилил недовольство в промышленных городах.",
    "Вопрос о политических заключённых остаётся главным для правозащитников.",
)
_FOOTNOTE_LINE = re.compile(r"^- \d+$")
_COUNTER_AFTER = ("arrow-up", "arrow-down")
_PREFIX = re.compile(r"[ \t>|]*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"«“(]?[A-ZА-ЯЁ])")
_PROSE_END = tuple('.!?"»”)')
_MIN_PROSE_WORDS = 12
_NOT_PROSE = re.compile(r"[»›|•]")  # a breadcrumb or a row of links glued to a sentence
_SEEDS = ("", False)  # the seeds' sentence pool


@dataclass(frozen=True)
class Fixture:
    """A real-format fixture and where its prose paragraphs are."""

    family: str
    text: str
    blocks: tuple[tuple[int, int, str, int], ...]  # line start, end, prefix, wrap width or 0


@dataclass(frozen=True)
class Seeds:
    """The seed texts and fixtures, split into the parts the variations recombine."""

    texts: dict[str, str]  # layout -> text
    prose: list[str]  # one-line paragraphs of every seed (the mixing pool)
    fixtures: dict[str, list[Fixture]]  # layout -> fixtures with two prose paragraphs or more
    sentences: dict[tuple[str, bool], list[str]]  # (family, Cyrillic) -> sentences


def _is_prose(text: str) -> bool:
    return text.endswith(_PROSE_END) and len(text.split()) >= _MIN_PROSE_WORDS


def _is_cyrillic(text: str) -> bool:
    cyrillic = sum("а" <= c <= "я" or "А" <= c <= "Я" for c in text)
    return cyrillic * 2 > sum(c.isalpha() for c in text)


def _prose_blocks(lines: list[str]) -> list[tuple[int, int, str, int]]:
    """Prose paragraphs: a run of lines of one prefix filled to a width of 100 columns at
    most (a hard-wrapped paragraph), or else any single line of prose."""
    blocks: list[tuple[int, int, str, int]] = []
    start = 0
    while start < len(lines):
        if not lines[start].strip():
            start += 1
            continue
        prefix = _PREFIX.match(lines[start]).group()  # type: ignore[union-attr]
        end = start + 1
        while end < len(lines) and lines[end].strip():
            if _PREFIX.match(lines[end]).group() != prefix:  # type: ignore[union-attr]
                break
            end += 1
        run = lines[start:end]
        width = max(len(line) for line in run)
        filled = all(len(line.rstrip()) >= width - 25 for line in run[:-1])
        if len(run) > 1 and width <= 100 and filled and _is_prose(_joined(run, prefix)):
            blocks.append((start, end, prefix, width))
        else:
            for i, line in enumerate(run, start):
                if _is_prose(line[len(prefix) :].strip()):
                    blocks.append((i, i + 1, prefix, 0))
        start = end
    return blocks


def _joined(lines: list[str], prefix: str) -> str:
    return _naive_unwrap("\n".join(line[len(prefix) :] for line in lines))


def _load_fixtures(
    fixture_dir: Path,
) -> tuple[dict[str, list[Fixture]], dict[tuple[str, bool], list[str]]]:
    fixtures: dict[str, list[Fixture]] = {}
    sentences: dict[tuple[str, bool], list[str]] = {}
    for path in sorted(fixture_dir.glob("*/*.txt")):
        family = path.parent.name
        text = path.read_text(encoding="utf-8")
        layout = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))["layout"]
        lines = text.split("\n")
        blocks = _prose_blocks(lines)
        for start, end, prefix, _width in blocks:
            paragraph = _joined(lines[start:end], prefix)
            key = (family, _is_cyrillic(paragraph))
            pool = sentences.setdefault(key, [])
            pool += [s for s in _SENTENCE_BREAK.split(paragraph) if not _NOT_PROSE.search(s)]
        if len(blocks) >= 2:
            fixtures.setdefault(layout, []).append(Fixture(family, text, tuple(blocks)))
    return fixtures, sentences


def load_seeds(seed_dir: Path = SEED_DIR, fixture_dir: Path = FIXTURE_DIR) -> Seeds:
    manifest = json.loads((seed_dir / "manifest.json").read_text(encoding="utf-8"))
    texts = {
        entry["layout"]: (seed_dir / entry["file"]).read_text(encoding="utf-8")
        for entry in manifest["sources"]
    }
    prose: list[str] = []
    for layout, text in sorted(texts.items()):
        if layout == "thread":
            text = text.split("\n  •", 1)[0]
        if layout == "pdf_article":
            blocks = [_naive_unwrap(b) for b in re.split(r"\n\s*\n", text)]
        else:
            blocks = [line.strip() for line in text.split("\n")]
        prose += [b for b in blocks if len(b) >= 120]
    sentences = {_SEEDS: [s for p in prose for s in _SENTENCE_BREAK.split(p)]}
    fixtures, fixture_sentences = _load_fixtures(fixture_dir)
    return Seeds(texts, prose, fixtures, sentences | fixture_sentences)


def _recombine(rng: random.Random, paragraph: str, pool: list[str]) -> str:
    """About as many sentences as `paragraph` has, each one of its own (40 %) or of `pool`."""
    own = _SENTENCE_BREAK.split(paragraph)
    pool = pool or own
    count = max(1, len(own) + rng.randint(-1, 1))
    return " ".join(
        rng.choice(own) if rng.random() < 0.4 else rng.choice(pool) for _ in range(count)
    )


def _wrap(text: str, width: int, prefix: str) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(prefix) + len(line) + 1 + len(word) > width:
            lines.append(prefix + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, prefix + line]


def _vary_fixture(rng: random.Random, fixture: Fixture, pools: Seeds) -> str:
    """The fixture with its prose recombined and 0-2x as much added beside it."""
    lines = fixture.text.split("\n")
    replaced: dict[int, tuple[int, list[str]]] = {}  # first line -> (end, new lines)
    added = 0
    goal = int(len(fixture.text) * rng.uniform(0.0, 2.0))
    rounds = 0
    while rounds == 0 or added < goal:
        for start, end, prefix, width in fixture.blocks:
            paragraph = _joined(lines[start:end], prefix)
            pool = pools.sentences.get((fixture.family, _is_cyrillic(paragraph)), [])
            new = _recombine(rng, paragraph, pool)
            shaped = _wrap(new, width, prefix) if width else [prefix + new]
            if rounds == 0:
                replaced[start] = (end, shaped)
            elif rng.random() < 0.5:
                replaced[start][1].extend([prefix.rstrip(), *shaped])
                added += len(new) + len(prefix) * len(shaped)
                if added >= goal:
                    break
        rounds += 1
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i in replaced:
            end, shaped = replaced[i]
            out += shaped
            i = end
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def _naive_unwrap(block: str) -> str:
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    out = ""
    for line in lines:
        if out.endswith("-") and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def _fill(rng: random.Random, middle: list[str], seeds: Seeds, target: int) -> list[str]:
    """Paragraphs up to `target` characters: the seed's own, shuffled, with ~25 % from the
    pool of every seed's prose, the sentences of each prose paragraph recombined."""
    pool, sentences = seeds.prose, seeds.sentences[_SEEDS]
    out: list[str] = []
    size = 0
    while size < target:
        batch = middle[:]
        rng.shuffle(batch)
        for paragraph in batch:
            if rng.random() < 0.25:
                paragraph = rng.choice(pool)
            if _is_prose(paragraph):
                paragraph = _recombine(rng, paragraph, sentences)
            out.append(paragraph)
            size += len(paragraph) + 2
            if size >= target:
                break
    return out


def _article(rng: random.Random, seeds: Seeds, target: int) -> str:
    blocks = [b for b in seeds.texts["article"].split("\n\n") if b.strip()]
    head, middle, tail = blocks[:3], blocks[3:-1], blocks[-1:]
    head = [*head[:1], rng.choice(seeds.prose)[:150].rstrip(" ,.;"), *head[2:]]
    return "\n\n".join([*head, *_fill(rng, middle, seeds, target), *tail]) + "\n"


def _listing(rng: random.Random, seeds: Seeds, target: int) -> str:
    blocks = [b for b in seeds.texts["listing"].split("\n\n") if b.strip()]
    return "\n\n".join(_fill(rng, blocks, seeds, target)) + "\n"


def _pdf_article(rng: random.Random, seeds: Seeds, target: int) -> tuple[str, list[str]]:
    blocks = [_naive_unwrap(b) for b in re.split(r"\n\s*\n", seeds.texts["pdf_article"])]
    blocks = [b for b in blocks if b]
    title, middle, tail = blocks[0], blocks[1:-2], blocks[-2:]
    paragraphs = [title, *_fill(rng, middle, seeds, target), *tail]
    return _hard_wrap(rng, paragraphs)


def _digest(rng: random.Random, seeds: Seeds, target: int) -> str:
    lines = seeds.texts["digest"].rstrip("\n").split("\n")
    starts = [i - 1 for i, line in enumerate(lines) if line.startswith("First published")]
    regions = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    chosen = [rng.choice(regions) for _ in range(rng.randint(2, 4))]
    out: list[str] = []
    for region in chosen:
        notes = next((i for i, x in enumerate(region) if _FOOTNOTE_LINE.match(x)), None)
        end = notes - 1 if notes is not None else len(region) - 1
        head, middle, tail = region[:3], region[3:end], region[end:]
        out += [*head, *_fill(rng, middle, seeds, target // len(chosen)), *tail]
    return "\n".join(out) + "\n"


def _thread(rng: random.Random, seeds: Seeds, target: int) -> str:
    text = seeds.texts["thread"]
    post, rest = text.split("\n  •", 1)
    comments = ["  •" + c for c in ("\n" + rest).split("\n  •")[1:]]
    paragraphs = [b for b in post.split("\n\n") if b.strip()]
    body = _fill(rng, paragraphs[1:], seeds, target // 4)
    out = "\n\n".join([paragraphs[0], *body]) + "\n\n"
    size = len(out)
    while size < target:
        order = comments[:]
        rng.shuffle(order)
        for comment in order:
            if rng.random() < 0.3:
                continue
            varied = _vary_votes(rng, _vary_lines(rng, comment.rstrip("\n"), seeds))
            out += varied + "\n\n"
            size += len(varied) + 2
            if size >= target:
                break
    return out


def _vary_lines(rng: random.Random, text: str, seeds: Seeds) -> str:
    """Each line of prose with its sentences recombined, its indentation kept."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        body = line.lstrip()
        if _is_prose(body):
            lines[i] = line[: len(line) - len(body)] + _recombine(
                rng, body, seeds.sentences[_SEEDS]
            )
    return "\n".join(lines)


def _vary_votes(rng: random.Random, comment: str) -> str:
    lines = comment.split("\n")
    for i in range(1, len(lines)):
        if lines[i - 1].strip() in _COUNTER_AFTER and lines[i].strip().isdigit():
            indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
            lines[i] = f"{indent}{rng.randint(0, 120)}"
    return "\n".join(lines)


def _hard_wrap(rng: random.Random, paragraphs: list[str]) -> tuple[str, list[str]]:
    """Greedy wrap at 40-90 columns; some line-end words split with a soft or hard hyphen."""
    width = rng.randint(40, 90)
    trailing = " " if rng.random() < 0.5 else ""
    split_rate = rng.choice((0.0, 0.1, 0.3))
    soft = 0
    out: list[str] = []
    for paragraph in paragraphs:
        line = ""
        for word in paragraph.split():
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                room = width - len(line) - 2
                if len(word) >= 8 and word.isalpha() and room >= 3 and rng.random() < split_rate:
                    cut = min(room, len(word) - 3)
                    mark = "\u00ad" if rng.random() < 0.7 else "-"
                    soft += mark == "\u00ad"
                    out.append(f"{line} {word[:cut]}{mark}")
                    line = word[cut:]
                    continue
                out.append(line + trailing)
                line = word
        out.append(line + trailing)
        out.append("")
    kinds = ["hard_wrap"] + (["soft_hyphen"] if soft else [])
    return "\n".join(out), kinds


def _mojibake(rng: random.Random, text: str) -> tuple[str, str | None]:
    """Whole text (70 %) or about half of its non-ASCII paragraphs (at least one) mojibaked;
    no kind when there is nothing non-ASCII to damage."""
    codec = rng.choice(MOJIBAKE_CODECS)
    kind = f"mojibake_{CODEC_KEYS[codec]}"
    if text.isascii():
        return text, None
    if rng.random() < 0.3:
        paragraphs = text.split("\n\n")
        candidates = [i for i, p in enumerate(paragraphs) if not p.isascii()]
        chosen = [i for i in candidates if rng.random() < 0.5] or [rng.choice(candidates)]
        for i in chosen:
            paragraphs[i] = paragraphs[i].encode("utf-8").decode(codec)
        return "\n\n".join(paragraphs), kind + "_partial"
    return text.encode("utf-8").decode(codec), kind


def _invisible(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for i in range(0, len(words), max(1, len(words) // 20)):
        words[i] = words[i] + rng.choice(("\u00a0", "\u200b"))
    return " ".join(words)


def generate_document(
    index: int, seeds: Seeds, seed: int
) -> tuple[str, bytes, str, list[str], str]:
    """(file name, bytes, layout, damage kinds, language) of document `index`."""
    rng = random.Random(f"{seed}:{index}")
    layout = rng.choices(list(LAYOUT_WEIGHTS), weights=list(LAYOUT_WEIGHTS.values()))[0]
    kinds: list[str] = []
    language = "en"
    fixtures = seeds.fixtures.get(layout)
    if fixtures and rng.random() >= SEED_SHARE:
        fixture = rng.choice(fixtures)
        text = _vary_fixture(rng, fixture, seeds)
        language = "ru" if _is_cyrillic(text) else "en"
        if layout == "pdf_article" or (layout == "article" and rng.random() < 0.15):
            if max(len(line) for line in text.split("\n")) > 100:
                text, wrap_kinds = _hard_wrap(rng, text.split("\n\n"))
                kinds += wrap_kinds
            else:
                kinds.append("hard_wrap")
        text, encoding = _damage(rng, text, kinds)
        data = text.encode(encoding, errors="replace")
        return f"{index:06d}_{layout}.txt", data, layout, kinds, language
    base = len(seeds.texts[layout])
    target = int(min(max(base * rng.uniform(0.3, 2.0), 3000), 120_000))
    if layout == "article":
        text = _article(rng, seeds, target)
        if rng.random() < 0.15:
            text, wrap_kinds = _hard_wrap(rng, text.split("\n\n"))
            kinds += wrap_kinds
    elif layout == "pdf_article":
        text, wrap_kinds = _pdf_article(rng, seeds, target)
        kinds += wrap_kinds
    elif layout == "thread":
        text = _thread(rng, seeds, target)
    elif layout == "digest":
        text = _digest(rng, seeds, target)
    else:
        text = _listing(rng, seeds, target)
    text, encoding = _damage(rng, text, kinds)
    if "legacy_cp1251" in kinds:
        language = "ru"
    data = text.encode(encoding, errors="replace")
    return f"{index:06d}_{layout}.txt", data, layout, kinds, language


def _damage(rng: random.Random, text: str, kinds: list[str]) -> tuple[str, str]:
    """The text with this document's damage (its kinds added to `kinds`) and its encoding."""
    encoding = "utf-8"
    roll = rng.random()
    if roll < 0.10:
        text, mojibake = _mojibake(rng, text)
        kinds += [mojibake] if mojibake else []
    elif roll < 0.11:
        russian = [" ".join(rng.sample(RUSSIAN, 4)) for _ in range(rng.randint(3, 12))]
        text = "\n\n".join(russian) + "\n\n" + text
        encoding = "cp1251"
        kinds.append("legacy_cp1251")
    elif roll < 0.16:
        text = _invisible(rng, text)
        kinds.append("invisible")
    if rng.random() < 0.10:
        text = text.replace("\n", "\r\n")
        kinds.append("crlf")
    return text, encoding


def corpus_dir(out: Path, size_mb: float, seed: int = DEFAULT_SEED) -> Path:
    return out / f"corpus-{size_mb:g}mb-g{GENERATOR_VERSION}-s{seed}"


def generate_corpus(
    out: Path, size_mb: float, seed: int = DEFAULT_SEED, progress: bool = True
) -> Path:
    """Write the corpus (files, manifest.json, corpus.json) unless it is cached already."""
    target = corpus_dir(out, size_mb, seed)
    if (target / "corpus.json").is_file():
        return target
    if target.exists():
        shutil.rmtree(target)
    partial = target.with_name(target.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    seeds = load_seeds()
    goal = int(size_mb * 1_000_000)
    written = 0
    kinds: Counter[str] = Counter()
    sources = []
    started = time.perf_counter()
    step = max(goal // 10, 1)
    next_report = step
    index = 0
    while written < goal:
        name, data, layout, doc_kinds, language = generate_document(index, seeds, seed)
        (partial / name).write_bytes(data)
        sources.append({"file": name, "layout": layout, "language": language})
        kinds.update(doc_kinds)
        kinds[f"layout_{layout}"] += 1
        written += len(data)
        index += 1
        if progress and written >= next_report:
            elapsed = time.perf_counter() - started
            print(
                f"  corpus: {written / 1e6:7.1f} / {goal / 1e6:.0f} MB, {index} files, "
                f"{elapsed:.1f} s",
                file=sys.stderr,
                flush=True,
            )
            next_report += step
    (partial / "manifest.json").write_text(
        json.dumps({"sources": sources}, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    info = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "size_mb": size_mb,
        "files": index,
        "bytes": written,
        "damage": dict(sorted(kinds.items())),
    }
    # corpus.json is not a .txt file: the pipeline ignores it
    (partial / "corpus.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    partial.rename(target)
    return target
