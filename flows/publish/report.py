"""The run's data-quality report: rows per table, rejects per reason, repairs per step,
dropped boilerplate per rule, documents per layout and how many were detected with low
confidence, records per detected language, duplicate clusters and copies per level. Counts in, `qc` rows and markdown out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from flows.publish.markdown import escape_markdown
from flows.stages.records import Rejection
from schemas import TABLES
from schemas.models import LanguageTagged

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


LANGUAGE_TABLES = tuple(model.table for model in TABLES if issubclass(model, LanguageTagged))
"""The tables whose rows carry a detected language."""
UNKNOWN_LANGUAGE = "unknown"
MIXED_LANGUAGE = "mixed"


def read_language_counts(data: Path) -> dict[str, dict[str, int]]:
    """Per table of `LANGUAGE_TABLES` in the folder `data`: rows with text in each
    language (a mixed row counts under each of its `languages`), with none (`unknown`) and
    with more than one (`mixed`)."""
    counts: dict[str, dict[str, int]] = {}
    for table in LANGUAGE_TABLES:
        found: Counter[str] = Counter()
        rows = pq.read_table(data / f"{table}.parquet", columns=["languages"])
        for languages in rows["languages"].to_pylist():
            found.update(languages or [UNKNOWN_LANGUAGE])
            if len(languages) > 1:
                found[MIXED_LANGUAGE] += 1
        counts[table] = dict(sorted(found.items()))
    return counts


def low_confidence(choices: Sequence[LayoutChoice]) -> list[LayoutChoice]:
    return [choice for choice in choices if choice.confidence < LOW_LAYOUT_CONFIDENCE]


def quality_rows(
    row_counts: Mapping[str, int],
    rejections: Sequence[Rejection],
    repairs: Mapping[str, int],
    dropped_rules: Mapping[str, int],
    layouts: Sequence[LayoutChoice] = (),
    languages: Mapping[str, Mapping[str, int]] | None = None,
    duplicates: Sequence[Mapping[str, Any]] = (),
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
    rows += [
        {"section": "language", "name": f"{table}.{language}", "value": count}
        for table, counted in (languages or {}).items()
        for language, count in counted.items()
    ]
    copies = Counter(
        f"{row['level']}.{row['match']}"
        for row in duplicates
        if row["record_id"] != row["cluster_id"]
    )
    copies.update(
        f"{row['level']}.clusters" for row in duplicates if row["record_id"] == row["cluster_id"]
    )
    rows += [
        {"section": "duplicates", "name": name, "value": count} for name, count in copies.items()
    ]
    return sorted(rows, key=lambda row: (row["section"], row["name"]))


def quality_markdown(rows: Sequence[Mapping[str, Any]]) -> str:
    """The same report as a markdown table (Prefect artifact and dataset card)."""
    lines = ["| section | name | value |", "| --- | --- | ---: |"]
    lines += [
        "| " + " | ".join(escape_markdown(row[key]) for key in ("section", "name", "value")) + " |"
        for row in rows
    ]
    return "\n".join(lines)
