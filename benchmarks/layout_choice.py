"""How well the layout choice carries over to formats it was not tuned on, on DEV fixtures.

``python -m benchmarks.layout_choice`` runs every dev fixture of ``tests/realworld/`` through
decode and repair, asks every layout for its detection (:func:`detect_layout`'s inputs) and
prints:

* the confusion matrix (gold layout x chosen layout) and the layout share per family;
* the confidence and the margin (winner's score less the best other layout's) of right and
  of wrong choices: a calibrated choice is wrong only at low confidence;
* the cost of each confusion: per (gold, read as) pair, the share of gold checks lost when
  a fixture of gold layout A is read as B (every fixture forced into every layout), which
  tells the reading that loses least on a close call;
* the confidence ranking with the constants that weigh a rival (``RIVAL_WEIGHT``,
  ``CLOSE_SECOND``) fitted on a grid, in sample and left one family out;
* with ``--perturb NAME``, all of it on the texts as another scraper might have left them
  (:mod:`tests.perturb`): a format shift the rules were not written for;
* out-of-sample estimates: the layout share of the fixtures that came from a blind holdout
  round, and of the newest round moved in: the detectors' rules and scores were set by
  hand while looking at every other dev fixture, so the in-sample share and any
  leave-one-family-out split of it overstate how the choice carries over; a round's
  fixtures are the dev sample they were written for least (the blind figure of each
  round is the holdout part of `make eval`, before it moves in).

Dev only: the test part is never read here (the split rule is in tests/realworld/README.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from flows.config import PipelineConfig
from flows.stages.decode import decode
from flows.stages.records import Rejection
from flows.stages.repair import repair
from flows.stages.segment import segment
from flows.stages.segment.layouts import LAYOUT_NAMES, _detect, layouts
from flows.stages.segment.lines import split_lines
from tests.perturb import PERTURBATIONS
from tests.realworld_eval import Fixture, fixtures, run_fixture, score_fixture

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT_ROUNDS = {
    "d62a8ff": 2,
    "4fd5358": 3,
    "f59d95b": 4,
    "debf397": 5,
    "dc509ee": 6,
    "2c46c2b": 7,
    "c6aa0ce": 8,
    "7893898": 9,
    "79a5561": 10,
    "30970f6": 11,
}
"""The commits that added each blind holdout round's fixtures (under tests/holdout/), for
the rounds that have moved into tests/realworld/."""


@dataclass(frozen=True)
class Row:
    """One dev fixture's layout choice."""

    fixture: Fixture
    chosen: str
    confidence: float
    scores: dict[str, float]
    """Every layout's detection score on the repaired lines (absent: it did not answer)."""
    evidence: str
    doubts: dict[str, float] = field(default_factory=dict)
    """Every answering layout's doubt."""

    @property
    def gold(self) -> str:
        return str(self.fixture.gold["layout"])

    @property
    def right(self) -> bool:
        return self.chosen == self.gold

    @property
    def margin(self) -> float:
        """The chosen layout's score less the best other layout's."""
        mine = self.scores.get(self.chosen, 0.0)
        others = [score for name, score in self.scores.items() if name != self.chosen]
        return round(mine - max(others, default=0.0), 3)


def holdout_rounds() -> dict[str, int]:
    """{'family/name': holdout round} of the fixtures that came from a blind holdout."""
    rounds = {}
    for commit, number in HOLDOUT_ROUNDS.items():
        listed = subprocess.run(
            ["git", "show", "--name-only", "--diff-filter=A", "--format=", commit],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        for path in listed:
            if path.endswith(".gold.json"):
                family, name = path.split("/")[-2:]
                rounds[f"{family}/{name.removesuffix('.gold.json')}"] = number
    return rounds


def choose(fixture: Fixture, config: PipelineConfig, perturb: str | None = None) -> Row | None:
    """The layout the pipeline chooses for `fixture` (its text first transformed by the
    perturbation named `perturb`, when one is given), with every layout's score."""
    decoded = decode_fixture(fixture, perturb)
    if decoded is None:
        return None
    text, fixes = decoded
    lines = split_lines(text)
    scores = {}
    doubts = {}
    for name, module in layouts().items():
        found = _detect(module, lines, config.segment, fixes)
        if found is not None:
            scores[name] = found.score
            doubts[name] = found.doubt
    done = segment("x", text, None, config.segment, frozenset(), fixes)
    return Row(fixture, done.layout, done.layout_confidence, scores, done.layout_evidence, doubts)


def decode_fixture(
    fixture: Fixture, perturb: str | None = None
) -> tuple[str, dict[str, int]] | None:
    from flows.stages.records import RawDocument, SourceInfo

    data = fixture.text_path.read_bytes()
    if perturb is not None:
        data = PERTURBATIONS[perturb](data.decode("utf-8")).encode("utf-8")
    raw = RawDocument(SourceInfo(fixture.text_path.name), data, hashlib.sha256(data).hexdigest())
    decoded = decode(raw)
    if isinstance(decoded, Rejection):
        return None
    repaired = repair(decoded.text, PipelineConfig().repair)
    return repaired.text, dict(repaired.fixes)


def confusion(rows: Iterable[Row]) -> str:
    counts = Counter((row.gold, row.chosen) for row in rows)
    names = LAYOUT_NAMES
    lines = ["gold \\ chosen   " + "".join(f"{name[:11]:>12}" for name in names)]
    for gold in names:
        cells = "".join(f"{counts[(gold, chosen)] or '.':>12}" for chosen in names)
        lines.append(f"{gold:<16}{cells}")
    return "\n".join(lines)


def share(rows: list[Row]) -> str:
    right = sum(row.right for row in rows)
    return f"{right}/{len(rows)} = {right / len(rows):.1%}" if rows else "-"


def calibration(rows: list[Row]) -> str:
    lines = [f"{'':<8}{'n':>5}{'conf med':>10}{'conf max':>10}{'margin med':>12}"]
    parts = (("right", [r for r in rows if r.right]), ("wrong", [r for r in rows if not r.right]))
    for label, part in parts:
        if not part:
            continue
        confidences = [row.confidence for row in part]
        margins = [row.margin for row in part]
        lines.append(
            f"{label:<8}{len(part):>5}{median(confidences):>10.3f}{max(confidences):>10.3f}"
            f"{median(margins):>12.3f}"
        )
    lines.append(f"ranking (AUC, right choices above wrong): {ranking(rows):.3f}")
    for cut in (0.3, 0.5):
        low = [row for row in rows if row.confidence < cut]
        wrong_low = sum(not row.right for row in low)
        wrong = sum(not row.right for row in rows)
        lines.append(
            f"confidence < {cut}: {len(low)} documents, {wrong_low} of the {wrong} wrong choices"
        )
    return "\n".join(lines)


def ranking(rows: list[Row]) -> float:
    """The chance that a right choice has a higher confidence than a wrong one (ties half):
    1.0 when every wrong choice is less sure than every right one."""
    right = [row.confidence for row in rows if row.right]
    wrong = [row.confidence for row in rows if not row.right]
    if not right or not wrong:
        return 1.0
    above = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return above / len(right) / len(wrong)


RIVAL_GRID = tuple((weight, close) for weight in (0.5, 1.0, 2.0) for close in (0.05, 0.1, 0.2, 0.3))
"""(``RIVAL_WEIGHT``, ``CLOSE_SECOND``) pairs tried by :func:`rival_fit`."""


def rival_confidence(row: Row, weight: float, close: float) -> float:
    """The confidence :func:`detect_layout` gives `row`'s choice with other rival constants."""
    score = row.scores.get(row.chosen, 0.0)
    fallbacks = {name for name, module in layouts().items() if getattr(module, "FALLBACK", False)}
    rivals = [
        v - row.doubts.get(name, 0.0)
        for name, v in row.scores.items()
        if name != row.chosen and name not in fallbacks
    ]
    near = max(0.0, max(rivals, default=0.0) - (score - close))
    doubt = row.doubts.get(row.chosen, 0.0)
    return round(min(1.0, max(0.0, score - doubt - weight * near)), 3)


def rival_fit(rows: list[Row]) -> str:
    """The confidence ranking with the rival constants fitted on the dev rows (in sample)
    and fitted on all families but one, then scored on that one (leave one family out:
    the held-out rows' confidences pooled into one ranking)."""

    def auc(part: list[Row], pair: tuple[float, float]) -> float:
        return ranking(
            [dataclasses.replace(r, confidence=rival_confidence(r, *pair)) for r in part]
        )

    best = max(RIVAL_GRID, key=lambda pair: auc(rows, pair))
    held: list[Row] = []
    for family in sorted({row.fixture.family for row in rows}):
        train = [row for row in rows if row.fixture.family != family]
        pair = max(RIVAL_GRID, key=lambda pair: auc(train, pair))
        held += [
            dataclasses.replace(r, confidence=rival_confidence(r, *pair))
            for r in rows
            if r.fixture.family == family
        ]
    return (
        f"rival constants (weight, closeness): in sample best {best} ranking "
        f"{auc(rows, best):.3f}; leave one family out {ranking(held):.3f}"
    )


def costs(selected: list[Fixture], config: PipelineConfig) -> str:
    """Per (gold, read as) pair: mean share of gold checks lost against the gold layout."""
    lost: dict[tuple[str, str], list[float]] = defaultdict(list)
    for fixture in selected:
        shares = {name: _forced_share(fixture, name, config) for name in LAYOUT_NAMES}
        gold = fixture.gold["layout"]
        for name in LAYOUT_NAMES:
            lost[(gold, name)].append(shares[gold] - shares[name])
    names = LAYOUT_NAMES
    lines = ["loss gold \\ read" + "".join(f"{name[:11]:>12}" for name in names)]
    for gold in names:
        cells = "".join(
            f"{sum(v) / len(v):>12.1%}" if (v := lost[(gold, name)]) else f"{'.':>12}"
            for name in names
        )
        lines.append(f"{gold:<16}{cells}")
    return "\n".join(lines)


def _forced_share(fixture: Fixture, layout: str, config: PipelineConfig) -> float:
    gold = dict(fixture.gold, layout=layout)
    forced = Fixture(fixture.family, fixture.name, fixture.text_path, gold)
    tables = run_fixture(forced, config, gold_layout=True)
    score = score_fixture(fixture, tables)
    score.made.pop("layout", None)
    score.passed.pop("layout", None)
    return score.share


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.layout_choice")
    parser.add_argument("--costs", action="store_true", help="also force every layout (slow)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong choices")
    parser.add_argument(
        "--perturb",
        choices=PERTURBATIONS,
        default=None,
        help="transform each text first, as another scraper might have (tests/perturb.py)",
    )
    args = parser.parse_args(argv)
    config = PipelineConfig()
    dev = [f for f in fixtures() if f.split == "dev"]
    rows = [row for f in dev if (row := choose(f, config, args.perturb)) is not None]
    rounds = holdout_rounds()
    print(f"dev layout share: {share(rows)}")
    print("\n" + confusion(rows))
    by_family: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_family[row.fixture.family].append(row)
    print("\nper family: " + ", ".join(f"{k} {share(v)}" for k, v in sorted(by_family.items())))
    print("\n" + calibration(rows))
    print(rival_fit(rows))
    came = [row for row in rows if f"{row.fixture.family}/{row.fixture.name}" in rounds]
    newest = max(HOLDOUT_ROUNDS.values())
    print(
        f"\nfrom blind holdouts (tuned on after they moved in): {share(came)}, "
        f"confidence ranking {ranking(came):.3f}"
    )
    last = [r for r in came if rounds[f"{r.fixture.family}/{r.fixture.name}"] == newest]
    print(
        f"from holdout {newest}, the last moved in (tuned on for one round): {share(last)}, "
        f"confidence ranking {ranking(last):.3f}"
    )
    if args.verbose:
        print("\nwrong choices:")
        for row in rows:
            if not row.right:
                print(
                    f"  {row.fixture.family}/{row.fixture.name}: {row.gold} read as "
                    f"{row.chosen} (conf {row.confidence}, scores {row.scores})"
                )
    if args.costs:
        print("\n" + costs(dev, config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
