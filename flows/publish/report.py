"""The run's data-quality report: rows per table, rejects per reason, repairs per step,
dropped boilerplate per rule. Pure: counts in, `qc` rows and markdown out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from flows.stages.records import Rejection


def quality_rows(
    row_counts: Mapping[str, int],
    rejections: Sequence[Rejection],
    repairs: Mapping[str, int],
    dropped_rules: Mapping[str, int],
) -> list[dict[str, Any]]:
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
    return sorted(rows, key=lambda row: (row["section"], row["name"]))


def quality_markdown(rows: Sequence[Mapping[str, Any]]) -> str:
    """The same report as a markdown table (Prefect artifact and dataset card)."""
    lines = ["| section | name | value |", "| --- | --- | ---: |"]
    lines += [f"| {row['section']} | {row['name']} | {row['value']} |" for row in rows]
    return "\n".join(lines)
