"""Edit bookkeeping for repair: every step edits the *current* text, the tracker maps each
edit back to offsets in the text before repair, so all changes stay traceable."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from operator import itemgetter
from typing import NamedTuple

from flows.stages.records import Edit


class LocalEdit(NamedTuple):
    """`text[start:end]` becomes `new` (offsets into the step's input)."""

    start: int
    end: int
    new: str
    rule: str
    reason: str | None = None


_START_END = itemgetter(0, 1)  # (start, end) of a LocalEdit


class EditTracker:
    """Applies local edits and keeps a piecewise map current text -> original text.

    Outside the changed regions the map is a constant shift; a changed region maps as a
    whole (an edit touching it is widened to the region's original bounds).
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.edits: list[Edit] = []
        self.fixes: Counter[str] = Counter()
        # changed regions: (cur_start, cur_end, orig_start, orig_end), sorted, disjoint
        self._regions: list[tuple[int, int, int, int]] = []
        self._starts: list[int] = []

    def _shift_before(self, pos: int) -> int:
        """orig - cur for an unchanged position `pos` (regions ending at or before pos)."""
        i = bisect_right(self._starts, pos) - 1
        while i >= 0 and self._regions[i][1] > pos:
            i -= 1
        if i < 0:
            return 0
        _cs, ce, _os, oe = self._regions[i]
        return oe - ce

    def _map_start(self, pos: int) -> int:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0:
            cs, ce, os_, _oe = self._regions[i]
            if cs <= pos < ce:
                return os_
        return pos + self._shift_before(pos)

    def _map_end(self, pos: int) -> int:
        i = bisect_right(self._starts, pos - 1) - 1
        if i >= 0:
            cs, ce, _os, oe = self._regions[i]
            if cs < pos <= ce:
                return oe
        return pos + self._shift_before(pos)

    def apply(self, edits: list[LocalEdit]) -> bool:
        """Apply non-overlapping edits (any order) to the current text. True if changed."""
        edits = sorted((e for e in edits if self.text[e.start : e.end] != e.new), key=_START_END)
        if not edits:
            return False
        first_changes = not self._regions  # offsets are still those of the original
        text = self.text
        pieces: list[str] = []
        new_regions: list[tuple[int, int, int, int]] = []
        old = self._regions
        oi = 0
        pos = 0
        shift = 0  # new_cur - cur, for text after the last applied edit
        for edit in edits:
            start, end = edit.start, edit.end
            # carry over old regions strictly before this edit
            while oi < len(old) and (
                old[oi][1] < start or (old[oi][1] == start and old[oi][0] < start)
            ):
                cs, ce, os_, oe = old[oi]
                new_regions.append((cs + shift, ce + shift, os_, oe))
                oi += 1
            if first_changes:
                orig_start, orig_end = start, end
            else:
                orig_start = self._map_start(start)
                orig_end = self._map_end(end) if end > start else orig_start
            # drop old regions swallowed by this edit
            while oi < len(old) and old[oi][0] < end:
                oi += 1
            if end == start and oi < len(old) and old[oi][0] == start == old[oi][1]:
                oi += 1
            pieces.append(text[pos:start])
            new_start = start + shift
            pieces.append(edit.new)
            new_regions.append(
                (new_start, new_start + len(edit.new), orig_start, max(orig_start, orig_end))
            )
            self.edits.append(
                Edit(
                    edit.rule,
                    orig_start,
                    max(orig_start, orig_end),
                    text[start:end],
                    edit.new,
                    edit.reason,
                )
            )
            shift += len(edit.new) - (end - start)
            pos = end
        pieces.append(text[pos:])
        for cs, ce, os_, oe in old[oi:]:
            new_regions.append((cs + shift, ce + shift, os_, oe))
        self._regions = new_regions
        self._starts = [r[0] for r in new_regions]
        self.text = "".join(pieces)
        return True
