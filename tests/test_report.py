"""The quality report counts documents per layout and the uncertain ones; the card lists
the uncertain documents and every layout of the registry."""

from __future__ import annotations

import html
import re

import pyarrow as pa
import pyarrow.parquet as pq

from flows.publish.card import dataset_card, license_text
from flows.publish.markdown import escape_markdown
from flows.publish.report import (
    LOW_LAYOUT_CONFIDENCE,
    LayoutChoice,
    low_confidence,
    quality_rows,
    read_layout_choices,
)
from flows.stages.records import SourceInfo
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


HOSTILE_NAMES = [
    "x|y.txt",
    "new\nline.txt",
    "<script>alert(1)</script>.txt",
    "# heading `tick` *bold* [link](http://e.x) \\|.txt",
]
HOSTILE_RIGHTS = "CC BY <script>alert(2)</script> | all | rights\n- reserved"


def _cells(row: str) -> int:
    """The cells of a Markdown table row: the `|` not escaped with a backslash, less one."""
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def _tables(markdown: str) -> list[list[str]]:
    tables: list[list[str]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    return tables


def test_card_escapes_hostile_names_and_manifest_fields():
    """File names and manifest fields are values, never Markdown or HTML: every table keeps
    its column count, no tag is raw, and the sources count what is given (the published)."""
    sources = [
        SourceInfo(name, publisher="P|Q\n## not a heading", rights=HOSTILE_RIGHTS)
        for name in HOSTILE_NAMES
    ]
    choices = [
        LayoutChoice(name, "article", 0.1, "evidence | with <b>tags</b>") for name in HOSTILE_NAMES
    ]
    quality = [{"section": "layout", "name": "a|b<script>", "value": 1}]
    card = dataset_card("0.1.0-test", {}, sources, quality, choices)
    assert "<script" not in card and "<b>" not in card
    for table in _tables(card):
        assert len({_cells(row) for row in table}) == 1, table
    rows = card.split("## Sources")[1].split("\n## ")[0].splitlines()
    assert "4 source files" in rows[2]
    assert [_cells(row) for row in rows if row.startswith("|")] == [5] * 6
    assert "x\\|y.txt" in card and "new line.txt" in card
    assert "Built from 4 source files" in card
    licence = license_text(sources)
    assert "<script" not in licence
    items = [line for line in licence.splitlines() if line.startswith("- ")]
    assert len(items) == 1 and "x\\|y.txt" in items[0]
    assert not any(line.startswith("#") for line in licence.splitlines()[1:])


def test_escaped_markdown_reads_back_as_the_value():
    """A CommonMark reading of an escaped value gives the value back (whitespace runs as
    one space), so escaping loses nothing."""
    for value in [*HOSTILE_NAMES, HOSTILE_RIGHTS, "a_b & c > d ~~e~~"]:
        unescaped = re.sub(r"\\(.)", r"\1", escape_markdown(value))
        assert html.unescape(unescaped) == " ".join(value.split())
