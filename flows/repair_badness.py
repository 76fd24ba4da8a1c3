"""ftfy's mojibake detector (`ftfy.badness.is_bad`) on RE2: the same regular expression,
the same answer, several times faster.

`is_bad` is one search of ftfy's `BADNESS_RE`, a long alternation of character classes.
Python's backtracking engine tries every alternative at every position; RE2 compiles the
alternation into an automaton that reads each character once. Repair asks the question of
every line holding two adjacent non-ASCII characters, which is every line of Russian text.

Exact by construction: the expression is not rewritten by hand but translated from
Python's own parse of `BADNESS_RE` (`re._parser`), node by node, and translation fails
loudly on any construct it does not know. Python's Unicode classes `\\s` and `\\w` become
explicit code-point ranges enumerated with Python's own `str.isspace` and `str.isalnum`
(what the `re` module tests), because RE2's are ASCII-only. Text RE2 cannot take (lone
surrogates, which have no UTF-8 form) goes to ftfy's `is_bad`. Tested against ftfy on the
seeds, on random text and, in the benchmark's differential, on the whole corpus.

`install()` points ftfy's own calls at it too: inside `ftfy.fix_and_explain` the detector
runs again on every line it repairs (before and after), about 8 % of a worker's time on
the benchmark corpus.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ftfy
import ftfy.fixes
import re2
from ftfy.badness import BADNESS_RE, is_bad

_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    sre.CATEGORY_SPACE: str.isspace,
    sre.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
}
"""What Python's `re` matches for `\\s` and `\\w` in a str pattern (Py_UNICODE_ISSPACE;
Py_UNICODE_ISALNUM or '_')."""


def _code(codepoint: int) -> str:
    if 0xD800 <= codepoint <= 0xDFFF:
        raise ValueError(f"a surrogate (U+{codepoint:04X}) has no RE2 form")
    return f"\\x{{{codepoint:x}}}"


def _ranges(codepoints: Iterable[int]) -> str:
    """Sorted code points as RE2 class ranges (surrogates skipped: RE2 cannot match them)."""
    out: list[str] = []
    start = previous = -2
    for codepoint in sorted(set(codepoints)):
        if 0xD800 <= codepoint <= 0xDFFF:
            continue
        if codepoint != previous + 1:
            if start >= 0:
                out.append(_span(start, previous))
            start = codepoint
        previous = codepoint
    if start >= 0:
        out.append(_span(start, previous))
    return "".join(out)


def _span(low: int, high: int) -> str:
    return _code(low) if low == high else f"{_code(low)}-{_code(high)}"


@cache
def _category(category: Any) -> str:
    test = _CATEGORIES.get(category)
    if test is None:
        raise ValueError(f"no RE2 translation for the category {category}")
    return _ranges(c for c in range(sys.maxunicode + 1) if test(chr(c)))


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


def _translate(nodes: Iterable[tuple[Any, Any]]) -> str:
    out = []
    for op, value in nodes:
        if op is sre.LITERAL:
            out.append(_code(value))
        elif op is sre.IN:
            out.append(_class(value))
        elif op is sre.ANY:
            out.append(".")  # no DOTALL: any character but '\n', in both engines
        elif op is sre.BRANCH:
            out.append("(?:" + "|".join(_translate(branch) for branch in value[1]) + ")")
        elif op is sre.AT and value is sre.AT_BEGINNING:
            out.append("^")  # no MULTILINE: the start of the text, in both engines
        elif op is sre.MAX_REPEAT:
            low, high, body = value
            bound = "" if high is sre.MAXREPEAT else str(high)
            out.append(f"(?:{_translate(body)}){{{low},{bound}}}")
        else:
            raise ValueError(f"no RE2 translation for {op}")
    return "".join(out)


def re2_pattern(pattern: re.Pattern[str]) -> str:
    """RE2 syntax for a Python str pattern built from literals, classes, alternation,
    `.`, `^` and greedy repeats (ValueError on anything else, or on flags that would
    change their meaning)."""
    unsupported = pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.ASCII)
    if unsupported:
        raise ValueError(f"no RE2 translation for the flags {re.RegexFlag(unsupported)!r}")
    return _translate(sre_parse.parse(pattern.pattern, pattern.flags).data)


def _compile() -> Any:
    options = re2.Options()
    options.max_mem = 64 << 20  # the automaton of the whole alternation, with room
    return re2.compile(re2_pattern(BADNESS_RE), options)


_BADNESS_RE2 = _compile()


def is_bad_fast(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, computed by RE2."""
    try:
        return _BADNESS_RE2.search(text) is not None
    except UnicodeEncodeError:  # lone surrogates: only Python's engine can see them
        return is_bad(text)


_FTFY_CALLERS = (ftfy, ftfy.fixes)
"""The ftfy modules that call `is_bad` by its global name (`from ftfy.badness import
is_bad`): `_fix_encoding_one_step_and_explain` and `decode_inconsistent_utf8`."""


def install() -> None:
    """Have ftfy's own calls of `is_bad` use `is_bad_fast` (the same answers, faster).
    Fails loudly if a new ftfy no longer calls it by that name."""
    for module in _FTFY_CALLERS:
        current = getattr(module, "is_bad", None)
        if current is not is_bad and current is not is_bad_fast:
            raise RuntimeError(f"{module.__name__}.is_bad is not ftfy.badness.is_bad")
        module.is_bad = is_bad_fast  # type: ignore[attr-defined]
