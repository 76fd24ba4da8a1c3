"""The layout registry: one module per layout, discovered from this package.

Each module offers

* ``detect(lines, config) -> Detection | None``: how strongly the text shows the layout's
  format features, and which (None: not at all);
* optionally ``detect_repairs(lines, repairs) -> Detection | None``: asked when ``detect``
  found nothing, with what repair changed in the text (``Repaired.fixes``: words split at
  line ends, lines joined; empty when it changed nothing), the traces of a format that
  repair has taken out of the lines, weighed with the weaker signs of the lines;
* ``segment(result, doc_id, lines, config, parsed=None)``: fill a :class:`Segmented` with
  the drafts; ``parsed`` is what its ``detect`` already read of the same lines (the
  :attr:`Detection.parsed` of the winner), so that no text is read twice.

The layout with the highest score less its doubt, of those scoring over the fallback,
wins (ties: the first name); ``article`` is the fallback and always answers, with a
middling score. The set of names (:data:`LAYOUT_NAMES`) is read from this
folder by ``schemas.types`` too, so the schemas, the manifest check and the card follow it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from flows.stages.segment.lines import Line
from flows.stages.segment.registry import discover, module_names

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig

LAYOUT_NAMES = module_names(Path(__file__).parent)


@dataclass(frozen=True, slots=True)
class Detection:
    """A layout's score for a text (0-1) and the features that gave it."""

    layout: str
    score: float
    evidence: str
    parsed: object = field(default=None, compare=False, repr=False)
    """What detection read (items, openings, comment starts), for the layout's segment."""
    doubt: float = 0.0
    """What the text shows against the layout (0-1) although it scores as it does: taken
    off its score when it is weighed against the other layouts scoring over the fallback,
    and off the confidence of the choice when it wins (the fallback's score is fixed, its
    doubt tells a page of items no grammar read from an article)."""


CLOSE_SECOND = 0.05
"""How near under the winner's score a rival's must be to cast doubt on the choice. Each
layout scores by the kind of evidence it found, on its own scale: a rival well under the
winner is another reading of some of the same lines (a digest's items read as a listing's
too), which the winner's stronger kind of evidence has already outweighed, no close call."""
RIVAL_WEIGHT = 0.5
"""Confidence lost per point by which a rival comes closer than ``CLOSE_SECOND``."""


def layouts() -> dict[str, ModuleType]:
    """{name: layout module}."""
    return _LAYOUTS


def detect_layout(
    lines: Sequence[Line], config: SegmentConfig, repairs: Mapping[str, int] | None = None
) -> tuple[Detection, float]:
    """The best layout for `lines`, with its evidence, and the confidence of the choice.

    The fallback layout wins unless another scores over it; of those that do, the one whose
    score less its doubt (:func:`net`) is highest wins (ties: the first name): between two
    readings of a format's own features, the one with less against it. The confidence is
    the winner's net score, less ``RIVAL_WEIGHT`` times the amount by which the best
    rival's net score comes closer than ``CLOSE_SECOND`` to it (a close second lowers it;
    the fallback layout, which always answers, is no rival). `repairs`: what repair
    changed in the text, for the layouts that read it (``detect_repairs``)."""
    found = [
        detection
        for module in _LAYOUTS.values()
        if (detection := _detect(module, lines, config, repairs or {})) is not None
    ]
    fallbacks = [d for d in found if _is_fallback(d)]
    floor = max((d.score for d in fallbacks), default=float("-inf"))
    readings = sorted((d for d in found if not _is_fallback(d)), key=lambda d: -net(d))
    over = [d for d in readings if d.score > floor]
    winner = over[0] if over else max(fallbacks, key=lambda d: d.score)
    runner_up = max((net(d) for d in readings if d is not winner), default=0.0)
    close = max(0.0, runner_up - (winner.score - CLOSE_SECOND))
    confidence = min(1.0, max(0.0, net(winner) - RIVAL_WEIGHT * close))
    return winner, round(confidence, 3)


def net(detection: Detection) -> float:
    """A detection's score less its doubt: how strongly the text shows the layout, what it
    shows against it taken off."""
    return detection.score - detection.doubt


def _is_fallback(detection: Detection) -> bool:
    return bool(getattr(_LAYOUTS[detection.layout], "FALLBACK", False))


def _detect(
    module: ModuleType, lines: Sequence[Line], config: SegmentConfig, repairs: Mapping[str, int]
) -> Detection | None:
    detection: Detection | None = module.detect(lines, config)
    hook = getattr(module, "detect_repairs", None)
    if detection is None and hook is not None:
        detection = hook(lines, repairs)
    return detection


_LAYOUTS = discover(__name__, Path(__file__).parent)
assert tuple(_LAYOUTS) == LAYOUT_NAMES
