"""Text repair: decoded text in, clean NFC text out, every change recorded.

Steps run in a fixed order, each a small pure fixer (``flows.stages.repair.chars``,
``flows.stages.repair.unwrap``): newlines -> ftfy -> cp1251 mojibake -> trailing spaces ->
invisible characters -> double spacing -> unwrap/dehyphenate -> inline dehyphenation of flattened lines ->
look-alikes -> invariant guard -> NFC.
Mojibake comes first because NBSPs and line ends can be part of a mojibake sequence.

Edits: offsets always point into the text *before* repair. Character steps record one
edit per change; ftfy records one edit per changed line (its explanation as the reason),
because its whole-line re-decoding has no finer offsets. ``old_text`` is the text as the
step saw it, so edits on regions changed earlier show the intermediate text.
Removing characters (trailing spaces, soft hyphens, controls), unwrapping and look-alike
or cp1251 fixes can change what ftfy would see (mojibake evidence is per line), so after
any of them the pipeline repeats (at most four passes) until none changes anything; that
keeps repair idempotent.
With ``RepairConfig.shortcuts`` (the default) a step handed the very text on which it
last changed nothing is not run again (its counts are replayed), a step is skipped on text
without the characters it needs, and ftfy skips segments it provably leaves unchanged.
Without, every step runs on every pass and every segment goes through ftfy as in
``ftfy.fix_text``: the reference path. Both give byte-identical output (checked by
tests/test_bench_differential.py and ``python -m benchmarks.run --differential``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from flows.stages.records import Repaired
from flows.stages.repair.chars import (
    NEWLINE_CHARS,
    STEP_NEEDS,
    enforce_invariants,
    fix_cp1251_mojibake,
    fix_lookalikes,
    fix_with_ftfy,
    ftfy_config,
    normalize_invisible,
    normalize_nfc,
    strip_trailing_spaces,
)
from flows.stages.repair.edits import EditTracker, LocalEdit
from flows.stages.repair.spacing import undouble_spacing
from flows.stages.repair.unwrap import UnwrapSettings, dehyphenate_inline, unwrap_lines
from flows.stages.settings import RepairConfig

MAX_PASSES = 4
# steps whose output no step of the same pass can turn into new input for them
STABLE_STEPS = frozenset({"normalize_newlines", "fix_encoding", "nfc"})


_NEWLINE_RE = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c]")


def normalize_newlines(text: str, counts: Counter[str]) -> list[LocalEdit]:
    """All line break conventions become '\\n' (a form feed under its own rule,
    ``page_break``)."""
    if not any(ch in text for ch in NEWLINE_CHARS):
        return []
    edits = [
        LocalEdit(
            m.start(), m.end(), "\n", PAGE_BREAK if m.group() == "\x0c" else "normalize_newlines"
        )
        for m in _NEWLINE_RE.finditer(text)
    ]
    for edit in edits:
        counts[edit.rule] += 1
    return edits


PAGE_BREAK = "page_break"
"""The rule of a form feed made a line break: kept apart from the other line ends, since it
is where a PDF extraction (pdftotext) ended a page, which layout detection reads."""


Step = Callable[[str, Counter[str]], list[LocalEdit]]


def _steps(config: RepairConfig) -> list[tuple[str, Step]]:
    ftfy_cfg = ftfy_config(config.uncurl_quotes, config.fix_character_width)
    unwrap = UnwrapSettings(
        config.min_wrap_width,
        config.fuzzy_wrap_min_width,
        config.max_wrap_width,
        config.room_slack,
        config.join_zipf,
        config.part_zipf_short,
        config.part_zipf_long,
    )
    steps: list[tuple[str, Step]] = [
        ("normalize_newlines", normalize_newlines),
        ("fix_encoding", lambda t, c: fix_with_ftfy(t, ftfy_cfg, c, config.shortcuts)),
        ("fix_cp1251_mojibake", fix_cp1251_mojibake),
        ("normalize_newlines", normalize_newlines),
        ("strip_trailing_spaces", strip_trailing_spaces),
        ("normalize_invisible", normalize_invisible),
        ("strip_trailing_spaces", strip_trailing_spaces),
        ("undouble_spacing", lambda t, c: undouble_spacing(t, c, unwrap)),
        ("unwrap_lines", lambda t, c: unwrap_lines(t, unwrap, c)),
        ("dehyphenate_inline", lambda t, c: dehyphenate_inline(t, unwrap, c)),
        ("fix_lookalikes", fix_lookalikes),
    ]
    return [(name, step) for name, step in steps if getattr(config, name)]


def repair(text: str, config: RepairConfig) -> Repaired:
    """Repair one document's text; never raises on any str (see module docstring)."""
    tracker = EditTracker(text)
    counts: Counter[str] = Counter()
    steps = [
        *_steps(config),
        ("guard", enforce_invariants),
        ("nfc", normalize_nfc),
        ("guard", enforce_invariants),
    ]
    # Shortcut (exact): steps are pure functions of the text, so a step given the very text
    # on which it last changed nothing changes nothing again and counts the same; replay its
    # counts instead of running it (in the pass that confirms the fixpoint, and for the steps
    # after the last change of the previous pass).
    # Second shortcut (exact): `chars` holds every character the text may contain (those
    # it started with and those any edit brought in); a step whose characters are not
    # there (`STEP_NEEDS`) is not run: it would change and count nothing.
    no_change: dict[int, tuple[str, Counter[str]]] = {}
    chars = set(tracker.text)
    for _ in range(MAX_PASSES):
        unstable = False
        for index, (name, step) in enumerate(steps):
            text = tracker.text
            seen = no_change.get(index)
            if seen is not None and seen[0] == text:
                counts.update(seen[1])
                continue
            needs = STEP_NEEDS.get(name)
            if config.shortcuts and needs is not None and not needs(chars):
                continue
            before = counts.copy()
            edits = step(text, counts)
            if tracker.apply(edits):
                chars.update("".join(edit.new for edit in edits))
                if name not in STABLE_STEPS:
                    unstable = True
            elif config.shortcuts:
                no_change[index] = (text, counts - before)
        if not unstable:
            break
    fixes = {key: n for key, n in sorted(counts.items()) if n}
    return Repaired(tracker.text, fixes, tracker.edits)
