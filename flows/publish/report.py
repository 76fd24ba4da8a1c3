"""The run's data-quality report: rows per table, rejects per reason, repairs per step,
dropped boilerplate per rule, documents per layout and how many were detected with low
confidence. Counts in, `qc` rows and markdown out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from flows.publish.markdown import escape_markdown
from flows.stages.records import Rejection

LOW_LAYOUT_CONFIDENCE = 0.5
"""Documents whose layout was chosen with less confidence than this are counted in `qc`
(section "layout", name "low_confidence") and listed in the dataset card."""


@dataclass(frozen=True, slots=True, order=True)
class LayoutChoice:
    """How one published document's layout was chosen."""

    source_file: str
    layout: str
    confidence: float
    evidence: str


def read_layout_choices(documents: Path) -> list[LayoutChoice]:
    """The layout choice of every document in a `documents` Parquet file, by file name."""
    columns = ["source_file", "layout", "layout_confidence", "layout_evidence"]
    table = pq.read_table(documents, columns=columns)
    rows = zip(*(table.column(name).to_pylist() for name in columns), strict=True)
    return sorted(LayoutChoice(*row) for row in rows)


def low_confidence(choices: Sequence[LayoutChoice]) -> list[LayoutChoice]:
    return [choice for choice in choices if choice.confidence < LOW_LAYOUT_CONFIDENCE]


def quality_rows(
    row_counts: Mapping[str, int],
    rejections: Sequence[Rejection],
    repairs: Mapping[str, int],
    dropped_rules: Mapping[str, int],
    layouts: Sequence[LayoutChoice] = (),
    damaged: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The `qc` rows. `damaged`: what the build found failing its checksums and did not
    reuse (section "integrity"; a count only when it is not 0, so a build that found
    nothing damaged has the same rows as any other build of its version)."""
    rows = [
        {"section": "rows", "name": name, "value": count}
        for name, count in row_counts.items()
        if name != "qc"
    ]
    rows += [
        {"section": "rejects", "name": reason, "value": count}
        for reason, count in Counter(r.reason for r in rejections).items()
    ]
    rows += [
        {"section": "repairs", "name": step, "value": count}
        for step, count in repairs.items()
        if count
    ]
    rows += [
        {"section": "dropped", "name": rule, "value": count}
        for rule, count in dropped_rules.items()
    ]
    rows += [
        {"section": "layout", "name": layout, "value": count}
        for layout, count in Counter(choice.layout for choice in layouts).items()
    ]
    rows += [
        {"section": "integrity", "name": name, "value": count}
        for name, count in (damaged or {}).items()
        if count
    ]
    if layouts:
        rows.append(
            {"section": "layout", "name": "low_confidence", "value": len(low_confidence(layouts))}
        )
    return sorted(rows, key=lambda row: (row["section"], row["name"]))


def quality_markdown(rows: Sequence[Mapping[str, Any]]) -> str:
    """The same report as a markdown table (Prefect artifact and dataset card)."""
    lines = ["| section | name | value |", "| --- | --- | ---: |"]
    lines += [
        "| " + " | ".join(escape_markdown(row[key]) for key in ("section", "name", "value")) + " |"
        for row in rows
    ]
    return "\n".join(lines)
