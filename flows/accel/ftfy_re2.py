"""ftfy, faster, with the same answers: its mojibake detector on RE2, and its
character-table fixers skipped where the table has nothing to replace.

**The detector.** `ftfy.badness.is_bad` is one search of ftfy's `BADNESS_RE`, a long
alternation of character classes. Python's backtracking engine tries every alternative at
every position; RE2 compiles the alternation into an automaton that reads each character
once. Repair asks the question of every line holding two adjacent non-ASCII characters,
which is every line of Russian text, and ftfy asks it again, before and after, of every
line it repairs. Exact by construction: the expression is not rewritten by hand but
translated from Python's own parse of `BADNESS_RE` (`re._parser`), node by node, and
translation fails loudly on any construct it does not know. Python's Unicode classes `\\s`
and `\\w` become explicit code-point ranges, the runs that Python's `re` itself matches in
a string of every code point, because RE2's are ASCII-only. Text RE2 cannot take (lone
surrogates, which have no UTF-8 form) goes to ftfy's `is_bad`.

**The table fixers.** `fix_latin_ligatures`, `fix_character_width` and
`remove_control_chars` are each one `str.translate` with a table, run twice on every line
ftfy repairs (a large share of ftfy's time on a mojibake line); without any of the table's
characters the text comes back equal, so a search for them decides whether to run it.

`install()` puts both into ftfy (ftfy looks them up at call time); `plain_ftfy()` takes
them out for a while, for the differential. Tested against plain ftfy on the seeds, on
random text and, in the benchmark's differential, on every line of the corpus.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ftfy
import ftfy.fixes
import re2
from ftfy import chardata
from ftfy.badness import BADNESS_RE, is_bad

_CATEGORIES: dict[Any, str] = {sre.CATEGORY_SPACE: r"\s+", sre.CATEGORY_WORD: r"\w+"}
"""Python's patterns for runs of `\\s` and `\\w`, the categories BADNESS_RE's classes hold."""


def _code(codepoint: int) -> str:
    if 0xD800 <= codepoint <= 0xDFFF:
        raise ValueError(f"a surrogate (U+{codepoint:04X}) has no RE2 form")
    return f"\\x{{{codepoint:x}}}"


def _span(low: int, high: int) -> str:
    return _code(low) if low == high else f"{_code(low)}-{_code(high)}"


@cache
def _category(category: Any) -> str:
    """The code points Python's `re` matches for `category`, as RE2 class ranges: its runs
    in one string of every code point, where a character's index is its code point (one
    search in C, not a Python test per code point). No surrogate (category Cs) is in
    either class; `_code` refuses a run that begins or ends on one."""
    run = _CATEGORIES.get(category)
    if run is None:
        raise ValueError(f"no RE2 translation for the category {category}")
    every = array("I", range(sys.maxunicode + 1)).tobytes()
    text = every.decode(f"utf-32-{sys.byteorder[0]}e", "surrogatepass")
    return "".join(_span(m.start(), m.end() - 1) for m in re.finditer(run, text))


def _class(items: list[tuple[Any, Any]]) -> str:
    negate = bool(items) and items[0][0] is sre.NEGATE
    parts = []
    for op, value in items[1:] if negate else items:
        if op is sre.LITERAL:
            parts.append(_code(value))
        elif op is sre.RANGE:
            parts.append(_span(*value))
        elif op is sre.CATEGORY:
            parts.append(_category(value))
        else:
            raise ValueError(f"no RE2 translation for {op} in a character class")
    return ("[^" if negate else "[") + "".join(parts) + "]"


def _translate(nodes: Iterable[tuple[Any, Any]], lines: bool = False) -> str:
    out = []
    for op, value in nodes:
        if op is sre.LITERAL:
            out.append(_code(value))
        elif op is sre.IN:
            out.append(_class(value))
        elif op is sre.ANY:
            out.append(".")  # no DOTALL: any character but '\n', in both engines
        elif op is sre.BRANCH:
            out.append("(?:" + "|".join(_translate(b, lines) for b in value[1]) + ")")
        elif op is sre.AT and value is sre.AT_BEGINNING:
            # no MULTILINE: the start of the text, in both engines; with `lines`, the
            # start of any line
            out.append("(?m:^)" if lines else "^")
        elif op is sre.MAX_REPEAT:
            low, high, body = value
            bound = "" if high is sre.MAXREPEAT else str(high)
            out.append(f"(?:{_translate(body, lines)}){{{low},{bound}}}")
        else:
            raise ValueError(f"no RE2 translation for {op}")
    return "".join(out)


def re2_pattern(pattern: re.Pattern[str], lines: bool = False) -> str:
    """RE2 syntax for a Python str pattern built from literals, classes, alternation,
    `.`, `^` and greedy repeats (ValueError on anything else, or on flags that would
    change their meaning). With `lines`, `^` matches at the start of every line."""
    unsupported = pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.ASCII)
    if unsupported:
        raise ValueError(f"no RE2 translation for the flags {re.RegexFlag(unsupported)!r}")
    return _translate(sre_parse.parse(pattern.pattern, pattern.flags).data, lines)


def _compile(lines: bool = False) -> Any:
    options = re2.Options()
    options.max_mem = 64 << 20  # the automaton of the whole alternation, with room
    return re2.compile(re2_pattern(BADNESS_RE, lines), options)


_BADNESS_RE2 = _compile()
_BADNESS_LINES_RE2 = _compile(lines=True)


@cache
def _badness_lines_re() -> re.Pattern[str]:
    return re.compile(BADNESS_RE.pattern, BADNESS_RE.flags | re.MULTILINE)


def is_bad_fast(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, computed by RE2."""
    try:
        return _BADNESS_RE2.search(text) is not None
    except UnicodeEncodeError:  # lone surrogates: only Python's engine can see them
        return is_bad(text)


def is_bad_in_some_line(text: str) -> bool:
    """Whether `is_bad` is true of some line of `text` (a line with its '\\n'), in one
    search: BADNESS_RE's one anchor, `^`, made to match at the start of every line. False
    means `is_bad` is false for every line, since the pattern has no other anchor or
    lookaround (`re2_pattern` refuses them) and `.` and every class see the same characters
    in a line as in the text (True may be a match across lines)."""
    try:
        return _BADNESS_LINES_RE2.search(text) is not None
    except UnicodeEncodeError:  # lone surrogates: only Python's engine can see them
        return _badness_lines_re().search(text) is not None


_TABLE_NAMES = {
    "fix_latin_ligatures": "LIGATURES",
    "fix_character_width": "WIDTH_MAP",
    "remove_control_chars": "CONTROL_CHARS",
}
"""ftfy's fixers that are one `text.translate(TABLE)`, with the names of their tables."""
_TABLES: dict[str, dict[int, Any]] = {
    fixer: getattr(chardata, table) for fixer, table in _TABLE_NAMES.items()
}


def _prechecked(fixer: Callable[[str], str], table: dict[int, Any]) -> Callable[[str], str]:
    """`fixer`, not run on text without any of `table`'s characters. Refuses (at import) a
    fixer that is not `text.translate(<that table>)`, for which skipping would not be exact."""
    table_name = _TABLE_NAMES[fixer.__name__]
    code = fixer.__code__
    if (
        set(code.co_names) != {"translate", table_name}
        or code.co_argcount != 1
        or fixer.__globals__.get(table_name) is not table
    ):
        raise RuntimeError(f"ftfy.fixes.{fixer.__name__} is no longer text.translate({table_name})")
    keys = re.compile("[" + "".join(re.escape(chr(key)) for key in sorted(table)) + "]")

    def fixed(text: str) -> str:
        return text if keys.search(text) is None else fixer(text)

    fixed.__name__ = fixer.__name__
    fixed.__doc__ = f"`ftfy.fixes.{fixer.__name__}`, not run on text without its characters."
    return fixed


_ORIGINAL_FIXERS = {name: getattr(ftfy.fixes, name) for name in _TABLES}
_FAST_FIXERS = {name: _prechecked(fixer, _TABLES[name]) for name, fixer in _ORIGINAL_FIXERS.items()}

_DETECTOR_CALLERS = (ftfy, ftfy.fixes)
"""The ftfy modules that call `is_bad` by its global name (`from ftfy.badness import
is_bad`): `_fix_encoding_one_step_and_explain` and `decode_inconsistent_utf8`."""


def _put(detector: Callable[[str], bool], fixers: dict[str, Callable[[str], str]]) -> None:
    for module in _DETECTOR_CALLERS:
        current = getattr(module, "is_bad", None)
        if current is not is_bad and current is not is_bad_fast:
            raise RuntimeError(f"{module.__name__}.is_bad is not ftfy.badness.is_bad")
        module.is_bad = detector  # type: ignore[attr-defined]
    for name, fixer in fixers.items():
        current = ftfy.FIXERS.get(name)
        if current is not _ORIGINAL_FIXERS[name] and current is not _FAST_FIXERS[name]:
            raise RuntimeError(f"ftfy.FIXERS[{name!r}] is not ftfy.fixes.{name}")
        ftfy.FIXERS[name] = fixer


def install() -> None:
    """Have ftfy use the RE2 detector and the pre-checked table fixers (the same answers,
    faster). Fails loudly if a new ftfy no longer calls them by those names."""
    _put(is_bad_fast, _FAST_FIXERS)


@contextmanager
def plain_ftfy() -> Iterator[None]:
    """ftfy as it ships, for a while (single-threaded use: the benchmark's differential)."""
    installed = ftfy.is_bad is is_bad_fast
    _put(is_bad, _ORIGINAL_FIXERS)
    try:
        yield
    finally:
        if installed:
            install()
