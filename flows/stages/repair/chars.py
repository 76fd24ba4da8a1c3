"""Character-level repair steps: ftfy (with an exact fast path), cp1251 mojibake, invisible
characters, look-alike letters, and the final invariant guard.

Each step is a small pure function ``text -> list[LocalEdit]``; the orchestrator in
:mod:`flows.stages.repair` applies them and maps offsets back to the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import ftfy
from ftfy.badness import BADNESS_RE
from ftfy.badness import is_bad as ftfy_is_bad
from wordfreq import zipf_frequency

from flows.stages.repair.edits import LocalEdit

# --- ftfy -------------------------------------------------------------------------------

_BADNESS_LINES_RE = re.compile(BADNESS_RE.pattern, BADNESS_RE.flags | re.MULTILINE)


def _plain_is_bad_in_some_line(text: str) -> bool:
    return _BADNESS_LINES_RE.search(text) is not None


@dataclass(frozen=True, slots=True)
class MojibakeDetector:
    """ftfy's mojibake test, asked of one segment (`is_bad`) and of every line of a text
    at once (`is_bad_in_some_line`: BADNESS_RE with `^` matching at each line start; False
    means `is_bad` is false for every line). Any replacement must give the same answers."""

    is_bad: Callable[[str], bool]
    is_bad_in_some_line: Callable[[str], bool]


PLAIN_DETECTOR = MojibakeDetector(ftfy_is_bad, _plain_is_bad_in_some_line)
_detector = PLAIN_DETECTOR


def use_detector(detector: MojibakeDetector) -> None:
    """Answer the mojibake test with `detector` from now on (the hook `flows.accel` uses
    for its RE2 version); `PLAIN_DETECTOR` is ftfy's own."""
    global _detector
    _detector = detector


# Characters no ftfy fixer touches unless ftfy's mojibake detector (`is_bad`) fires:
# printable ASCII without '&' (HTML entities) and tab, Latin-1 letters/symbols (without
# the mojibake leaders Â/Ã and the soft hyphen), basic Cyrillic, general punctuation
# (without U+2028/2029 line breaks and the U+206x invisible controls ftfy removes),
# and a few symbols. None of them is a C1 control, ligature, full-width form, surrogate,
# terminal escape or removable control, and none composes under NFC.
_SAFE_CLASS = (
    "\t\x20-\x25\x27-\x7e\u00a0-\u00ac\u00ae-\u00c1\u00c4-\u00ff"
    "\u0400-\u045f\u2010-\u2027\u2030-\u205e\u20ac\u2116\u2122"
)
_UNSAFE_RE = re.compile(f"[^{_SAFE_CLASS}\n]")
_NON_ASCII_OR_AMP_RE = re.compile("[^\t\n\x20-\x25\x27-\x7e]")


def ftfy_config(uncurl_quotes: bool, fix_character_width: bool) -> ftfy.TextFixerConfig:
    """The ftfy configuration used by repair (quotes kept, NFC, line breaks ours)."""
    return ftfy.TextFixerConfig(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_line_breaks=True,
        normalization="NFC",
        explain=True,
    )


_NON_ASCII_PAIR_RE = re.compile("[^\x00-\x7f]{2}")


def _segment_needs_ftfy(segment: str) -> bool:
    """False only if ftfy provably returns `segment` unchanged (see `_SAFE_CLASS`).

    Every alternative of ftfy's BADNESS_RE that can match `_SAFE_CLASS` text needs two
    adjacent non-ASCII characters (its character categories hold no ASCII), so without
    such a pair `is_bad` is false and its (slow) regex need not run; where there is one,
    `is_bad` is asked of the installed detector.
    """
    if _UNSAFE_RE.search(segment) is not None:
        return True
    return _NON_ASCII_PAIR_RE.search(segment) is not None and _detector.is_bad(segment)


def _text_may_need_ftfy(text: str, max_len: int) -> bool:
    """False only if `_segment_needs_ftfy` is false for every segment of `text`: what it
    asks of each segment is asked here of the whole text, once (two scans, instead of two
    or three searches per line). A text no longer than `max_len` has its lines as
    segments; a line holds no character the text lacks; and `is_bad_in_some_line` is
    false only if `is_bad` is false for every line."""
    if len(text) > max_len:
        return True
    return _UNSAFE_RE.search(text) is not None or _detector.is_bad_in_some_line(text)


def _ftfy_segments(text: str, max_len: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every segment `ftfy.fix_text` hands to `ftfy.fix_and_explain`: each
    line with its '\\n', cut every `max_len` characters."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos) + 1 or len(text)
        end = min(end, pos + max_len)
        yield pos, end
        pos = end


def _candidate_segments(text: str, max_len: int) -> Iterator[tuple[int, int]]:
    """The segments of `_ftfy_segments` holding a character outside printable ASCII
    without '&' (the others ftfy returns unchanged), found without visiting the rest."""
    pos = 0
    while (hit := _NON_ASCII_OR_AMP_RE.search(text, pos)) is not None:
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.start()) + 1 or len(text)
        start = line_start + (hit.start() - line_start) // max_len * max_len
        pos = min(start + max_len, line_end)
        yield start, pos


def fix_with_ftfy(
    text: str, config: ftfy.TextFixerConfig, counts: Counter[str], prechecks: bool = True
) -> list[LocalEdit]:
    """ftfy.fix_text semantics (same segments, same sticky HTML switch), one edit per
    changed segment, explanation steps counted as ``ftfy_<step>``.

    With `prechecks` (the fast path), segments that are pure ASCII without '&' are skipped
    without any ftfy call; segments of `_SAFE_CLASS` characters for which `is_bad` is false
    are skipped too, which is exactly the test ftfy itself makes before any mojibake repair.
    Without, every segment goes through ftfy, as in `ftfy.fix_text`: the reference path.
    """
    max_len = config.max_decode_length
    if prechecks and not _text_may_need_ftfy(text, max_len):
        return []
    first_lt = text.find("<")
    no_html = config._replace(unescape_html=False)
    edits = []
    segments = _candidate_segments if prechecks else _ftfy_segments
    for start, end in segments(text, max_len):
        segment = text[start:end]
        if prechecks and not _segment_needs_ftfy(segment):
            continue
        seg_config = config
        if config.unescape_html == "auto" and first_lt != -1 and first_lt < end:
            seg_config = no_html
        fixed, steps = ftfy.fix_and_explain(segment, seg_config)
        if fixed != segment:
            names = []
            for action, param in steps or []:
                key = param if action in ("apply", "transcode") else f"{action}_{param}"
                key = "ftfy_" + key.replace("-", "_").lower()
                counts[key] += 1
                names.append(key)
            edits.append(LocalEdit(start, end, fixed, "ftfy", "ftfy: " + ", ".join(names)))
    return edits


# --- cp1251 mojibake ----------------------------------------------------------------------

_CONT = bytes(range(0x80, 0xC0)).replace(b"\x98", b"").decode("cp1251")
_CONT_CLASS = re.escape(_CONT)
_LEAD2 = bytes(range(0xC2, 0xE0)).decode("cp1251")
_LEAD3 = bytes(range(0xE0, 0xF0)).decode("cp1251")
_LEAD4 = bytes(range(0xF0, 0xF5)).decode("cp1251")
_UNIT = f"[{_LEAD2}][{_CONT_CLASS}]|[{_LEAD3}][{_CONT_CLASS}]{{2}}|[{_LEAD4}][{_CONT_CLASS}]{{3}}"
_CP1251_RUN_RE = re.compile(f"(?:{_UNIT})+")
_CP1251_HINT_RE = re.compile(f"[{_LEAD2}{_LEAD3}{_LEAD4}][{_CONT_CLASS}]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


def fix_cp1251_mojibake(text: str, counts: Counter[str]) -> list[LocalEdit]:
    """UTF-8 read as cp1251 ("РџСЂРёРІРµС‚" -> "Привет"), for what ftfy left.

    Evidence, per line: every candidate run must re-encode to valid UTF-8, the runs cover
    at least half of the line's Cyrillic characters, and there are at least two
    characters or one 3-byte character (real Russian never has "вЂ"). Genuine Cyrillic
    fails the first test: its lower-case letters are not UTF-8 continuation bytes.
    """
    if _CP1251_HINT_RE.search(text) is None:
        return []
    edits = []
    line_start = 0
    for line in text.split("\n"):
        if _CP1251_HINT_RE.search(line):
            edits.extend(_fix_cp1251_line(line, line_start, counts))
        line_start += len(line) + 1
    return edits


def _fix_cp1251_line(line: str, offset: int, counts: Counter[str]) -> list[LocalEdit]:
    fixes = []
    covered = 0
    units = 0
    long_unit = False
    for match in _CP1251_RUN_RE.finditer(line):
        try:
            fixed = match.group().encode("cp1251").decode("utf-8")
        except UnicodeError:
            return []
        covered += len(match.group())
        units += len(fixed)
        long_unit = long_unit or any(ord(ch) > 0x7FF for ch in fixed)
        fixes.append((match.start(), match.end(), fixed))
    cyrillic = len(_CYRILLIC_RE.findall(line))
    symbol = units == 1 and not fixes[0][2].isalpha()  # "В·" -> "·", "В«" -> "«"
    if not fixes or covered < 0.5 * cyrillic or not (units >= 2 or long_unit or symbol):
        return []
    counts["fix_cp1251_mojibake"] += 1
    reason = f"utf-8 read as cp1251: {units} characters re-decoded"
    return [
        LocalEdit(offset + s, offset + e, new, "fix_cp1251_mojibake", reason) for s, e, new in fixes
    ]


# --- invisible characters -------------------------------------------------------------------

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SPACE_LIKE = "\u00a0\u2007\u202f"
_INVISIBLE_RE = re.compile(f"[{_ZERO_WIDTH}]+| ?[{_SPACE_LIKE}]+ ?|\u00ad(?!\n)|\t")
_INVISIBLE_CHARS = _ZERO_WIDTH + _SPACE_LIKE + "\u00ad\t"
_INVISIBLE_HINT_RE = re.compile(f"[{_INVISIBLE_CHARS}]")


def _invisible_matches(text: str) -> Iterator[re.Match[str]]:
    """`_INVISIBLE_RE.finditer(text)`, found from the invisible characters themselves.

    Every match holds one, and starts at the first of them or at a space just before a
    space-like one; a one-class search skips the text between them several times faster
    than the alternation, which stops at every space."""
    pos = 0
    while (hint := _INVISIBLE_HINT_RE.search(text, pos)) is not None:
        at = hint.start()
        if at > pos and text[at - 1] == " " and text[at] in _SPACE_LIKE:
            at -= 1
        match = _INVISIBLE_RE.match(text, at)
        if match is None:  # a soft hyphen at a line end
            pos = hint.start() + 1
            continue
        yield match
        pos = match.end()


_ZWJ = "\u200d"
_EMOJI_PRESENTATION = frozenset("\ufe0e\ufe0f")
_PICTOGRAPHIC_RANGES = (
    (0x1F000, 0x1FAFF),  # pictographs, emoticons, skin-tone modifiers, regional indicators
    (0x2600, 0x27BF),  # miscellaneous symbols and dingbats
    (0xE0020, 0xE007F),  # tag characters (subdivision flags)
)


def is_pictographic(ch: str) -> bool:
    """An emoji-like character that can stand on either side of a ZWJ in an emoji sequence
    (the Extended_Pictographic blocks, regional indicators, tags)."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _PICTOGRAPHIC_RANGES)


def _joins_emoji(text: str, start: int, end: int) -> bool:
    """Does the zero-width run text[start:end] sit between two pictographs (an emoji ZWJ
    sequence; a variation selector may follow the first)?"""
    before = start - 1
    while before >= 0 and text[before] in _EMOJI_PRESENTATION:
        before -= 1
    return (
        before >= 0
        and end < len(text)
        and is_pictographic(text[before])
        and is_pictographic(text[end])
    )


def normalize_invisible(text: str, counts: Counter[str]) -> list[LocalEdit]:
    """NBSP-like spaces -> one space (merged with an adjacent space; at a line's start,
    where they indent it, one space each, so that nesting shown by indentation stays),
    zero-width chars and inner soft hyphens removed, tabs -> space (at a line's start,
    spaces to the next tab stop). A soft hyphen at a line end is left to
    dehyphenation. A ZWJ between two pictographs (emoji ZWJ sequence: a family, a flag) is
    kept; other zero-width characters of its run are removed."""
    if not any(ch in text for ch in _INVISIBLE_CHARS):
        return []
    edits = []
    for match in _invisible_matches(text):
        found = match.group().strip(" ") or match.group()
        if found[0] in _ZERO_WIDTH:
            rule, new = "remove_zero_width", ""
            if _ZWJ in found and _joins_emoji(text, match.start(), match.end()):
                if found == _ZWJ:
                    continue
                new = _ZWJ
        elif found == "\u00ad":
            rule, new = "remove_soft_hyphen", ""
        elif found == "\t" and _leads_line(text, match.start()):
            line_start = text.rfind("\n", 0, match.start()) + 1
            column = len(text[line_start : match.start()].expandtabs(TAB_STOP))
            rule, new = "replace_tab", " " * (TAB_STOP - column % TAB_STOP)
        elif found == "\t":
            rule, new = "replace_tab", " "
        elif _leads_line(text, match.start()):
            rule, new = "replace_nbsp", " " * len(match.group())  # indentation keeps its width
        else:
            rule, new = "replace_nbsp", " "
        counts[rule] += 1
        edits.append(LocalEdit(match.start(), match.end(), new, rule))
    return edits


TAB_STOP = 8
"""Columns between tab stops, where a tab indents a line (as a terminal expands it)."""


def _leads_line(text: str, start: int) -> bool:
    """Whether only spaces, tabs and NBSPs stand between the line's start and `start`
    (indentation)."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start].strip(" \t" + _SPACE_LIKE) == ""


def _next_trailing(text: str, pos: int, cached: list[int]) -> int:
    """Position of the next space or tab followed by '\n' (or ending the text), or -1.

    `cached` holds the next hit of " \n" and "\t\n" (str.find is far faster than a
    regex scan; each needle is searched again only once passed)."""
    for i, needle in enumerate((" \n", "\t\n")):
        if cached[i] != -1 and cached[i] < pos:
            cached[i] = text.find(needle, pos)
    hits = [hit for hit in cached if hit != -1]
    if hits:
        return min(hits)
    if text.endswith((" ", "\t")) and len(text) - 1 >= pos:
        return len(text) - 1
    return -1


def strip_trailing_spaces(text: str, counts: Counter[str]) -> list[LocalEdit]:
    """Trailing spaces at line ends carry nothing (PDF text has them on every line)."""
    cached = [text.find(" \n"), text.find("\t\n")]
    edits = []
    pos = 0
    while (hit := _next_trailing(text, pos, cached)) != -1:
        start = hit
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        end = hit + 1
        edits.append(LocalEdit(start, end, "", "strip_trailing_spaces"))
        pos = end + 1
    if edits:
        counts["strip_trailing_spaces"] += len(edits)
    return edits


# --- look-alike letters -----------------------------------------------------------------------

_TO_LATIN = str.maketrans(
    "аеорсухіјѕԁӏАВЕКМНОРСТХУІЈЅοαινΟΑΒΕΖΗΙΚΜΝΡΤΥΧ",
    "aeopcyxijsdlABEKMHOPCTXYIJSoaivOABEZHIKMNPTYX",
)
_TO_CYRILLIC = str.maketrans("aeopcyxABEKMHOPCTX", "аеорсухАВЕКМНОРСТХ")
_LATIN = "A-Za-z\u00c0-\u024f"
_OTHER = "\u0370-\u03ff\u0400-\u04ff"
_MIXED_HINT_RE = re.compile(f"[{_LATIN}][{_OTHER}]|[{_OTHER}][{_LATIN}]")
_OTHER_RUN_RE = re.compile(f"[{_OTHER}]+")
_LATIN_RE = re.compile(f"[{_LATIN}]")


def _mixed_hints(text: str) -> list[int]:
    """Positions of a Cyrillic/Greek run touching a Latin letter (fast scan by runs)."""
    out = []
    for run in _OTHER_RUN_RE.finditer(text):
        start, end = run.span()
        if (start and _LATIN_RE.match(text, start - 1)) or _LATIN_RE.match(text, end):
            out.append(start)
    return out


_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """wordfreq Zipf frequency of a lower-cased word (0.0 when unknown)."""
    return float(zipf_frequency(word.lower(), lang))


def fix_lookalikes(text: str, counts: Counter[str]) -> list[LocalEdit]:
    """Words mixing Latin with Cyrillic/Greek look-alike letters: map to the majority
    script when the result is a known word (wordfreq); otherwise count as unfixed."""
    edits = []
    seen: set[int] = set()
    for start in _mixed_hints(text):
        while start > 0 and (text[start - 1].isalpha()):
            start -= 1
        if start in seen:
            continue
        seen.add(start)
        match = _WORD_RE.match(text, start)
        if match is None:
            continue
        word = match.group()
        latin = sum(1 for ch in word if "a" <= ch.lower() <= "z" or "\u00c0" <= ch <= "\u024f")
        other = len(word) - latin
        candidates = [
            (word.translate(_TO_LATIN), "en", "fix_lookalike_latin"),
            (word.translate(_TO_CYRILLIC), "ru", "fix_lookalike_cyrillic"),
        ]
        if other > latin:
            candidates.reverse()
        for candidate, lang, rule in candidates:
            single = _WORD_RE.fullmatch(candidate) is not None and not (
                _MIXED_HINT_RE.search(candidate)
            )
            if single and candidate != word and zipf(candidate, lang) > 0:
                counts[rule] += 1
                reason = f"mixed-script word; zipf_{lang}({candidate})={zipf(candidate, lang)}"
                edits.append(LocalEdit(match.start(), match.end(), candidate, rule, reason))
                break
        else:
            counts["lookalike_unfixed"] += 1
    return edits


# --- which characters a step needs ------------------------------------------------------------


def _chars(*ranges: tuple[str, str]) -> frozenset[str]:
    return frozenset(chr(c) for lo, hi in ranges for c in range(ord(lo), ord(hi) + 1))


_ENCODING_SAFE = _chars(("\t", "\n"), (" ", "%"), ("'", "~"))
_CP1251_LEADS = frozenset(_LEAD2 + _LEAD3 + _LEAD4)
_CP1251_CONTINUATIONS = frozenset(_CONT)
_INVISIBLE = frozenset(_INVISIBLE_CHARS)
_LATIN_LETTERS = _chars(("A", "Z"), ("a", "z"), ("\u00c0", "\u024f"))
_OTHER_LETTERS = _chars(("\u0370", "\u04ff"))
_LEFTOVERS = _chars(("\x00", "\x09"), ("\x0b", "\x1f"), ("\x7f", "\x9f"), ("\u00ad", "\u00ad"))


NEWLINE_CHARS = frozenset("\r\u2028\u2029\x0b\x0c")
"""What `normalize_newlines` (flows.stages.repair) turns into '\\n'."""


def _has_any(chars: set[str], wanted: frozenset[str]) -> bool:
    return not chars.isdisjoint(wanted)


STEP_NEEDS: dict[str, Callable[[set[str]], bool]] = {
    "normalize_newlines": lambda chars: _has_any(chars, NEWLINE_CHARS),
    # fix_with_ftfy looks only at segments holding a character outside _ENCODING_SAFE
    "fix_encoding": lambda chars: not chars <= _ENCODING_SAFE,
    # _CP1251_HINT_RE: a lead byte's character followed by a continuation byte's
    "fix_cp1251_mojibake": lambda chars: (
        _has_any(chars, _CP1251_LEADS) and _has_any(chars, _CP1251_CONTINUATIONS)
    ),
    "normalize_invisible": lambda chars: _has_any(chars, _INVISIBLE),
    # _mixed_hints: a Cyrillic/Greek run next to a Latin letter (also for "unfixed" counts)
    "fix_lookalikes": lambda chars: (
        _has_any(chars, _OTHER_LETTERS) and _has_any(chars, _LATIN_LETTERS)
    ),
    # _LEFTOVER_RE, whose surrogates are tested apart (a range of 2048 characters)
    "guard": lambda chars: (
        _has_any(chars, _LEFTOVERS) or any("\ud800" <= ch <= "\udfff" for ch in chars)
    ),
}
"""For some steps, a test on the set of characters the text may hold: False only when the
step provably returns no edit and counts nothing (each test is the step's own first
search, on characters instead of positions). Steps not listed have no such test."""

# --- final guard ---------------------------------------------------------------------------------

_LEFTOVER_RE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\ud800-\udfff]")


def enforce_invariants(text: str, counts: Counter[str]) -> list[LocalEdit]:
    """No control character but '\\n', no soft hyphen, no lone surrogate (U+FFFD)."""
    edits = []
    for match in _LEFTOVER_RE.finditer(text):
        ch = match.group()
        if "\ud800" <= ch <= "\udfff":
            rule, new = "replace_surrogate", "\ufffd"
        elif ch == "\t":
            rule, new = "replace_tab", " "
        elif ch == "\u00ad":
            rule, new = "remove_soft_hyphen", ""
        else:
            rule, new = "remove_control_chars", ""
        counts[rule] += 1
        edits.append(LocalEdit(match.start(), match.end(), new, rule))
    return edits


def normalize_nfc(text: str, counts: Counter[str]) -> list[LocalEdit]:
    """NFC per line (lines are independent under NFC: '\\n' never composes)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    pos = 0
    for line in text.split("\n"):
        if not unicodedata.is_normalized("NFC", line):
            counts["normalize_nfc"] += 1
            edits.append(
                LocalEdit(pos, pos + len(line), unicodedata.normalize("NFC", line), "normalize_nfc")
            )
        pos += len(line) + 1
    return edits
