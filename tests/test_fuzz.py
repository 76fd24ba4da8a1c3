"""Fuzzing the pure stages: decode → repair → segment → validate, through
`flows.stages.document.process_document`, over arbitrary bytes and text.

Invariants checked on every example:

* nothing raises;
* every rejection names the file, a known stage, a reason `<stage>_<what>` and a detail;
* a published document's repaired text has no control character but "\\n";
* lossless accounting (`flows.stages.segment.coverage_errors`) holds for every published document
  whose records all passed validation and integrity;
* every published record points into its document's text.

`HYPOTHESIS_PROFILE=fuzz` runs 10,000 examples per test (`make fuzz`); the default profile
keeps the suite fast.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path
from typing import get_args

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from flows.config import PipelineConfig
from flows.stages.document import BatchResult, process_document
from flows.stages.records import RawDocument, Rejection, Segmented, SourceInfo
from flows.stages.segment import LAYOUTS, coverage_errors
from schemas.types import Stage

# Set here rather than through a registered profile, so the number of examples does not
# depend on which test module loaded its profile last.
EXAMPLES = 10_000 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 100
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CONFIG = PipelineConfig()
STAGES = set(get_args(Stage))

# Pieces of the formats the segmenter knows, so that generated text reaches every layout:
# thread headers and vote counters, digest origin lines, footnotes, boilerplate, verse.
FRAGMENTS = [
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "\u00a0",
    "\u00ad",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x0c",
    "\x1b",
    "—",
    "“quoted”",
    "Рабочее движение",
    "Navalny’s",
    "â€™",
    "Ð Ð°Ð±Ð¾Ñ‡ÐµÐµ",
    "comrade@lemmygrad.ml",
    "3 years ago",
    "+12 / -3",
    "Reply",
    "OP",
    "First published in Rabkor.",
    "Translated by LINKS.",
    "[1]",
    "1. ",
    "Notes",
    "Read more",
    "Share this:",
    "Home | About | Contact",
    "Q: ",
    "A: ",
    "Editor's note:",
    "hyphen-\nated",
    "THE HEADLINE",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
]

RAW = Path(__file__).resolve().parent.parent / "raw"
SEEDS = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
SEED_LINES = sorted({line for text in SEEDS for line in text.split("\n")})

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40).map(
    "".join
)
"""Arbitrary text salted with pieces of the formats."""

seed_lines = st.lists(
    st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(FRAGMENTS), st.text(max_size=20)),
    max_size=60,
).map("\n".join)
"""Lines of the seed documents (thread headers, vote counters, origin lines, notes) in any
order and mixed with noise: reaches every layout and segmenter."""


@st.composite
def mutated_seeds(draw: st.DrawFn) -> str:
    """A window of up to 4,000 characters of a seed, with slices cut, repeated or replaced."""
    text = draw(st.sampled_from(SEEDS))
    start = draw(st.integers(0, len(text)))
    text = text[start : start + 4000]
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        how = draw(st.sampled_from(["cut", "repeat", "replace"]))
        if how == "cut":
            text = text[:i] + text[j:]
        elif how == "repeat":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = (
                text[:i]
                + draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)))
                + text[j:]
            )
    return text


def raw_document(data: bytes, layout: str | None = None) -> RawDocument:
    source = SourceInfo(source_file="fuzz.txt", layout=layout)
    return RawDocument(source=source, data=data, sha256=hashlib.sha256(data).hexdigest())


def check(result: BatchResult) -> None:
    """The invariants every result must satisfy (see the module docstring)."""
    for rejection in result.rejections:
        assert isinstance(rejection, Rejection)
        assert rejection.source_file == "fuzz.txt"
        assert rejection.stage in STAGES, rejection
        assert rejection.reason.startswith(rejection.stage + "_"), rejection
        assert rejection.detail.strip(), rejection
    documents = result.tables["documents"]
    assert len(documents) <= 1
    if not documents:
        event(f"rejected: {result.rejections[0].reason if result.rejections else None}")
        assert result.rejections, "a document vanished without a rejection"
        assert all(not rows for rows in result.tables.values())
        return
    (document,) = documents
    event(f"published as {document['layout']}")
    text = document["text"]
    assert text.strip()
    controls = sorted({ch for ch in text if ch != "\n" and unicodedata.category(ch) == "Cc"})
    assert not controls, f"control characters survive repair: {controls!r}"
    for name in ("posts", "comments", "blocks", "footnotes", "dropped"):
        for row in result.tables[name]:
            assert 0 <= row["start"] <= row["end"] <= len(text), (name, row)
    if not result.rejections:
        segmented = Segmented(
            layout=document["layout"],
            layout_evidence=document["layout_evidence"],
            posts=result.tables["posts"],
            comments=result.tables["comments"],
            blocks=result.tables["blocks"],
            footnotes=result.tables["footnotes"],
            dropped=result.tables["dropped"],
        )
        assert coverage_errors(text, segmented) == []


@fuzz
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data: bytes) -> None:
    check(process_document(raw_document(data), CONFIG))


@fuzz
@given(texts, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1251", "latin-1"]))
def test_structured_text_in_any_encoding(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    check(process_document(raw_document(data), CONFIG))


@fuzz
@given(st.one_of(seed_lines, mutated_seeds()), st.sampled_from([None, *LAYOUTS, "newspaper"]))
def test_seed_like_text_under_every_layout_hint(text: str, layout: str | None) -> None:
    check(process_document(raw_document(text.encode("utf-8"), layout), CONFIG))


@fuzz
@given(texts, st.binary(min_size=1, max_size=8), st.integers(min_value=0))
def test_damaged_utf8(text: str, damage: bytes, where: int) -> None:
    data = text.encode("utf-8")
    cut = where % (len(data) + 1)
    check(process_document(raw_document(data[:cut] + damage + data[cut:]), CONFIG))
