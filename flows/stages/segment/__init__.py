"""Segmentation: one repaired document in, draft records out. Pure: no I/O, never raises.

``segment(doc_id, text, layout_hint, config)`` returns a :class:`Segmented` with posts,
comments, typed blocks, footnotes and dropped boilerplate as plain dicts keyed by the field
names of the models in ``schemas/models.py``.

Layout: the manifest's hint wins (reason "manifest"); otherwise every layout of the
registry (:mod:`.layouts`) scores the text and the best one wins, with its evidence as the
reason. The winning layout module then segments the text. A text with exactly one blank
line between every two lines with text may be a page without blank lines that a converter
spaced out line by line; when no thread is found in it as it stands, its lines are read
again without the blank lines (offsets kept), and a thread found so wins.

Decisions worth knowing:

* Footnote markers in ``body`` and block text are normalised to "[N]" ("Soviets.1 But" ->
  "Soviets.[1] But"); ``marker_start`` keeps where the marker was in the text. Markers with
  no notes section (the "[1]" of a PDF whose notes were cut off) stay as written.
* The title is also the post's first block (kind "heading"); bio and signature are blocks
  too. The origin line has no block kind and is only a field. Editor's notes stay in the
  body (they are part of the page as published) and are typed "editor_note".
* Accounting (see :mod:`.coverage`): posts, comments and dropped rows own every
  non-whitespace character once; boilerplate inside an article is a dropped row nested in
  the post's span, and owns those characters.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped
from flows.stages.segment.coverage import coverage_errors
from flows.stages.segment.layouts import LAYOUT_NAMES, Detection, detect_layout, layouts
from flows.stages.segment.lines import (
    Line,
    spaced_line_by_line,
    split_lines,
    without_blank_lines,
)
from flows.stages.segment.post import settle_day_order
from flows.stages.segment.repeated import mark_repeated
from flows.stages.settings import SegmentConfig

__all__ = ["LAYOUTS", "SegmentConfig", "coverage_errors", "segment"]

LAYOUTS = LAYOUT_NAMES


def segment(
    doc_id: str,
    text: str,
    layout_hint: str | None,
    config: SegmentConfig,
    furniture: Collection[str] = frozenset(),
    repairs: Mapping[str, int] | None = None,
) -> Segmented:
    """Draft records of one document; see the module docstring for the rules. `furniture`:
    the line keys learned as its source's furniture (:mod:`.repeated`), dropped where the
    layout reads one article (a layout module with ``DROPS_LEARNED_FURNITURE``). `repairs`:
    what repair changed in the text (``Repaired.fixes``), read by layout detection."""
    lines = split_lines(text)
    confidence = 1.0
    parsed: object = None
    if layout_hint in LAYOUTS:
        layout, reason = str(layout_hint), "manifest"
    elif not text.strip():
        layout, reason = "article", "empty text"
    else:
        detection, confidence = detect_layout(lines, config, repairs)
        if not _named_thread(detection) and spaced_line_by_line(lines):
            packed = without_blank_lines(lines)
            # only a thread a front-end's grammar reads changes the choice: every layout is
            # scored again only if the thread layout answers at all
            if _named_thread(layouts()["thread"].detect(packed, config)):
                alternative, packed_confidence = detect_layout(packed, config, repairs)
                if _named_thread(alternative):
                    detection, confidence, lines = alternative, packed_confidence, packed
        layout, reason = detection.layout, f"detected: {detection.evidence}"
        parsed = detection.parsed
        if layout_hint:
            reason += f" (manifest layout {layout_hint!r} is unknown)"
    result = Segmented(layout=layout, layout_evidence=reason, layout_confidence=confidence)
    if not text.strip():
        return result
    module = layouts()[layout]
    learned = {}
    if getattr(module, "DROPS_LEARNED_FURNITURE", False):
        learned = mark_repeated(lines, furniture)
    if learned:  # dropped here; blank (same offsets) for the layout
        add_dropped(result, doc_id, lines, learned)
        lines = [
            Line(line.index, line.start, " " * len(line.raw)) if line.index in learned else line
            for line in lines
        ]
    module.segment(result, doc_id, lines, config, None if learned else parsed)
    settle_day_order(text, result)
    result.dropped.sort(key=lambda row: (row["start"], row["end"]))
    return result


def _named_thread(detection: Detection | None) -> bool:
    """Whether a detection is a thread read by a front-end's header grammar, not by the
    last resort that reads repeated frames (whose blank lines may be a scraper's)."""
    if detection is None or detection.layout != "thread":
        return False
    grammar = getattr(detection.parsed, "grammar", None)  # the thread layout's reading
    return not getattr(grammar, "LAST_RESORT", False)
