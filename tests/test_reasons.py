"""Every reason, rule and repair step the code can emit is documented (and so in the card)."""

from __future__ import annotations

import re
from pathlib import Path

from flows.stages.reasons import DROPPED_RULES, REJECT_REASONS, describe_repair_step
from schemas import TABLES

FLOWS = Path(__file__).resolve().parent.parent / "flows"
REASON = re.compile(r'"((?:ingest|decode|repair|segment|integrity)_[a-z0-9_]+)"')


def _source() -> str:
    return "\n".join(p.read_text() for p in FLOWS.rglob("*.py") if p.name != "reasons.py")


def test_every_emitted_reason_or_fix_is_documented():
    for name in set(REASON.findall(_source())):
        assert name in REJECT_REASONS or describe_repair_step(name), name


def test_validation_reasons_cover_every_segment_table():
    for model in TABLES:
        if model.table not in ("rejects", "duplicates", "qc"):  # written at publish time
            assert f"validate_{model.table}" in REJECT_REASONS


def test_every_boilerplate_rule_is_documented():
    boilerplate = (FLOWS / "stages" / "segment" / "boilerplate.py").read_text()
    emitted = set(re.findall(r'return "([a-z_]+)"', boilerplate))
    assert emitted, "no rule names found in boilerplate.py"
    assert emitted <= set(DROPPED_RULES)


def test_seed_release_uses_only_documented_names(seed_release):
    import duckdb

    with duckdb.connect(str(seed_release / "corpus.duckdb"), read_only=True) as con:
        steps = [
            r[0] for r in con.execute("select name from qc where section = 'repairs'").fetchall()
        ]
        rules = [r[0] for r in con.execute("select distinct rule from dropped").fetchall()]
    assert all(describe_repair_step(step) for step in steps), steps
    assert set(rules) <= set(DROPPED_RULES)
