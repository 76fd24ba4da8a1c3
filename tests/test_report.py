"""The quality report counts documents per layout and the uncertain ones; the card lists
the uncertain documents and every layout of the registry."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from flows.publish.card import dataset_card
from flows.publish.report import (
    LOW_LAYOUT_CONFIDENCE,
    LayoutChoice,
    low_confidence,
    quality_rows,
    read_layout_choices,
)
from flows.stages.segment import LAYOUTS

CHOICES = [
    LayoutChoice("a.txt", "thread", 1.0, "detected: 4 comment headers"),
    LayoutChoice("b.txt", "article", 0.2, "detected: no thread, digest, listing or PDF features"),
    LayoutChoice("c.txt", "article", LOW_LAYOUT_CONFIDENCE, "detected: …"),
]


def test_qc_counts_documents_per_layout_and_the_uncertain_ones():
    rows = quality_rows({"documents": 3}, [], {}, {}, CHOICES)
    layout = {row["name"]: row["value"] for row in rows if row["section"] == "layout"}
    assert layout == {"article": 2, "thread": 1, "low_confidence": 1}


def test_card_lists_uncertain_documents_and_every_layout():
    card = dataset_card("0.1.0-test", {}, [], [], low_confidence(CHOICES))
    uncertain = card.split("## Documents with an uncertain layout")[1].split("\n## ")[0]
    assert "| b.txt | article | 0.20 |" in uncertain
    assert "a.txt" not in uncertain and "c.txt" not in uncertain
    for name in LAYOUTS:
        assert f"| `{name}` |" in card


def test_card_says_so_when_no_layout_is_uncertain():
    card = dataset_card("0.1.0-test", {}, [], [], [])
    assert "None: every layout was detected" in card


def test_layout_choices_are_read_back_from_the_documents_table(tmp_path):
    path = tmp_path / "documents.parquet"
    pq.write_table(
        pa.table(
            {
                "source_file": ["z.txt", "a.txt"],
                "layout": ["listing", "thread"],
                "layout_confidence": [0.4, 1.0],
                "layout_evidence": ["detected: 2 items", "manifest"],
            }
        ),
        path,
    )
    choices = read_layout_choices(path)
    assert [c.source_file for c in choices] == ["a.txt", "z.txt"]
    assert low_confidence(choices) == [LayoutChoice("z.txt", "listing", 0.4, "detected: 2 items")]
