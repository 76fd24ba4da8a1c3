"""Labelled cases for boilerplate rules and layout detection, negatives included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.lines import split_lines

CASES = Path(__file__).resolve().parent / "cases" / "segment"


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((CASES / name).read_text(encoding="utf-8"))["cases"]
    return cases


@pytest.mark.parametrize("case", load("boilerplate.json"), ids=lambda case: case["line"][:40])
def test_boilerplate_case(case: dict[str, Any]) -> None:
    around = [case.get("prev"), case["line"], case.get("next")]
    lines = split_lines("\n".join(text for text in around if text is not None))
    index = 1 if case.get("prev") is not None else 0
    assert find_boilerplate(lines).get(index) == case["rule"], case.get("note")


@pytest.mark.parametrize("case", load("layout.json"), ids=lambda case: case["name"])
def test_layout_case(case: dict[str, Any]) -> None:
    result = segment("0123456789abcdef", case["text"], None, SegmentConfig())
    assert result.layout == case["layout"], result.layout_evidence
    assert result.layout_evidence.startswith("detected")
