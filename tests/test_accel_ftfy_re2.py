"""ftfy as the pipeline runs it (`flows.accel.ftfy_re2`) answers exactly as ftfy as it ships: the
RE2 detector as `is_bad`, the pre-checked table fixers as ftfy's, `fix_and_explain` as a
whole."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import example, given
from hypothesis import strategies as st

from flows.accel.ftfy_re2 import _FAST_FIXERS, _TABLES, is_bad_fast, plain_ftfy, re2_pattern

RAW = Path(__file__).resolve().parent.parent / "raw"

# every character ftfy's categories name, and the characters around them: ASCII letters,
# Unicode spaces and word characters (\s, \w), line breaks, a lone surrogate
_CATEGORY_CHARS = sorted(set("".join(MOJIBAKE_CATEGORIES.values())))
ALPHABET = st.sampled_from(
    [
        *_CATEGORY_CHARS,
        *"aZz .,?!-_0 \t\n\r\x0b\x0c\x1c\x85\u2028\u3000\u00a0\u1680",
        *"ÂÃÎÐØÙŒœ°²³×√≈‚Äâó€™ГўВЂРСβΒΓΞΟā",
        *"абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁПривет",
        *"é٣²Ⅻ〇ǅ",
        "\ud800",
    ]
)


@given(st.lists(ALPHABET, max_size=30).map("".join))
@example("Ã ")  # ^[ÃÂ][ ]: the start of the text only
@example("x\nÃ ")
@example("ГўВЂВ\nx")  # '.' is not a line break
@example("ГўВЂВ\u3000x")
@example("é\u3000\u2014")  # \s and \w beyond ASCII
@example("а»٣")
@example("\ud800Ã ")
def test_same_answer_as_ftfy(text: str) -> None:
    assert is_bad_fast(text) == is_bad(text)


@given(st.lists(ALPHABET, max_size=40).map("".join))
@example("abc.\nÂ x")  # bad as a line (^[ÃÂ][ ]), not as a whole text
@example("\ud800\nÃ ")
def test_some_line_bad_is_found_in_one_search(text: str) -> None:
    """`is_bad_in_some_line` is Python's own BADNESS_RE with `^` at every line start, and
    true whenever `is_bad` is true of a line (with its '\\n', as ftfy cuts them)."""
    from ftfy.badness import BADNESS_RE

    from flows.accel.ftfy_re2 import is_bad_in_some_line

    multiline = re.compile(BADNESS_RE.pattern, BADNESS_RE.flags | re.MULTILINE)
    assert is_bad_in_some_line(text) == (multiline.search(text) is not None)
    if any(is_bad(line) for line in text.splitlines(keepends=True)):
        assert is_bad_in_some_line(text)


def test_the_anchor_is_why_lines_need_their_own_search() -> None:
    from flows.accel.ftfy_re2 import is_bad_in_some_line

    text = "abc.\nÂ x"
    assert is_bad("Â x") and not is_bad(text) and not is_bad_fast(text)
    assert is_bad_in_some_line(text)


def _lines(text: str) -> list[str]:
    mojibake = text.encode("utf-8").decode("sloppy-windows-1252", errors="replace")
    cp1251 = text.encode("utf-8").decode("windows-1251", errors="replace")
    return [*text.splitlines(), *mojibake.splitlines(), *cp1251.splitlines()]


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_same_answer_on_every_seed_line_clean_and_mojibaked(path: Path) -> None:
    lines = _lines(path.read_text(encoding="utf-8"))
    assert any(is_bad(line) for line in lines)  # the mojibaked copies trip the detector
    assert [is_bad_fast(line) for line in lines] == [is_bad(line) for line in lines]


def test_python_unicode_classes_keep_their_meaning() -> None:
    import re2

    pattern = re2.compile(re2_pattern(re.compile(r"\s\w")))
    for text in ("\u3000é", "\x85٣", "\u2028_", " ǅ"):
        assert pattern.search(text) is not None, repr(text)
    for text in ("é\u3000", "\u200b\u00e9", " -"):
        assert pattern.search(text) is None, repr(text)


@pytest.mark.parametrize(
    ("python_class", "test"),
    [(r"\s", str.isspace), (r"\w", lambda ch: ch.isalnum() or ch == "_")],
    ids=["space", "word"],
)
def test_unicode_classes_hold_every_code_point_python_tests(
    python_class: str, test: Callable[[str], bool]
) -> None:
    """Over every code point RE2 can read, the translated class matches exactly what
    Python's str tests (Py_UNICODE_ISSPACE; ISALNUM or '_') accept, and its complement
    exactly the rest."""
    import re2

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    inside = "".join(re2.compile(re2_pattern(re.compile(python_class + "+"))).findall(every))
    outside = "".join(re2.compile(re2_pattern(re.compile(f"[^{python_class}]+"))).findall(every))
    assert inside == "".join(ch for ch in every if test(ch))
    assert outside == "".join(ch for ch in every if not test(ch))
    assert len(inside) + len(outside) == len(every)


@pytest.mark.parametrize(
    "pattern",
    [r"(?=a)b", r"(a)\1", r"a*?", r"\d", r"\b", r"a$"],
    ids=["lookahead", "backreference", "lazy", "digit", "boundary", "end"],
)
def test_constructs_without_a_translation_fail_loudly(pattern: str) -> None:
    with pytest.raises(ValueError, match="no RE2 translation"):
        re2_pattern(re.compile(pattern))


@pytest.mark.parametrize("flag", [re.IGNORECASE, re.MULTILINE, re.DOTALL, re.ASCII])
def test_flags_that_change_meaning_fail_loudly(flag: re.RegexFlag) -> None:
    with pytest.raises(ValueError, match="flags"):
        re2_pattern(re.compile("a", flag))


def test_ftfy_itself_calls_the_fast_detector_and_fixers() -> None:
    import ftfy
    import ftfy.fixes

    from flows.accel import install

    install()

    assert ftfy.is_bad is is_bad_fast
    assert ftfy.fixes.is_bad is is_bad_fast  # type: ignore[attr-defined]
    assert all(ftfy.FIXERS[name] is _FAST_FIXERS[name] for name in _TABLES)
    with plain_ftfy():
        assert ftfy.is_bad is is_bad
        assert all(ftfy.FIXERS[name] is getattr(ftfy.fixes, name) for name in _TABLES)
    assert ftfy.is_bad is is_bad_fast
    assert all(ftfy.FIXERS[name] is _FAST_FIXERS[name] for name in _TABLES)


def test_install_fails_loudly_when_ftfy_no_longer_calls_is_bad(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ftfy.fixes

    from flows.accel.ftfy_re2 import install

    monkeypatch.delattr(ftfy.fixes, "is_bad")
    with pytest.raises(RuntimeError, match=r"ftfy\.fixes\.is_bad"):
        install()


def test_install_fails_loudly_when_ftfy_no_longer_has_a_table_fixer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ftfy

    from flows.accel.ftfy_re2 import install

    monkeypatch.setitem(ftfy.FIXERS, "fix_character_width", lambda text: text)
    with pytest.raises(RuntimeError, match="fix_character_width"):
        install()


# the tables' own characters (ligatures, full-width forms, control characters) among text
_TABLE_CHARS = sorted({chr(key) for table in _TABLES.values() for key in table})
FIXER_ALPHABET = st.sampled_from([*_TABLE_CHARS, *"abc Ж\n\t\u00e9\u2028", "\ud800"])


@given(st.lists(FIXER_ALPHABET, max_size=20).map("".join))
@example("")
@example("\ufb01x\uff21\x00")  # one character of each table
def test_table_fixers_equal_ftfys(text: str) -> None:
    import ftfy.fixes

    for name, fixer in _FAST_FIXERS.items():
        assert fixer(text) == getattr(ftfy.fixes, name)(text), name


def _damaged_lines(text: str) -> list[str]:
    """The seed's lines, clean, mojibaked, and with ligatures, full-width and control
    characters mixed in (each kind of line ftfy repairs)."""
    extra = text.replace("fi", "\ufb01").replace("A", "\uff21").replace(". ", ".\x07 ")
    return [
        line
        for version in (text, extra)
        for damaged in (
            version,
            version.encode("utf-8").decode("sloppy-windows-1252", errors="replace"),
        )
        for line in damaged.splitlines(keepends=True)
    ]


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_fix_and_explain_equals_plain_ftfy_on_seed_lines(path: Path) -> None:
    import ftfy

    import flows.stages.repair.chars  # noqa: F401  (installs ftfy_fast)
    from flows.stages.repair.chars import ftfy_config

    config = ftfy_config(uncurl_quotes=False, fix_character_width=True)
    lines = _damaged_lines(path.read_text(encoding="utf-8"))
    fixed = [ftfy.fix_and_explain(line, config) for line in lines]
    with plain_ftfy():
        plain = [ftfy.fix_and_explain(line, config) for line in lines]
    assert fixed == plain
    assert any(steps for _, steps in plain)  # ftfy had work to do


def test_a_table_fixer_that_does_more_than_translate_is_refused() -> None:
    """Skipping a fixer is exact only for `text.translate(TABLE)`; a new ftfy whose fixer
    does anything else fails at import instead of being skipped wrongly."""
    import unicodedata

    from flows.accel.ftfy_re2 import _prechecked

    def fix_character_width(text: str) -> str:
        return unicodedata.normalize("NFKC", text)

    with pytest.raises(RuntimeError, match=r"no longer text\.translate\(WIDTH_MAP\)"):
        _prechecked(fix_character_width, _TABLES["fix_character_width"])


# mostly characters of the safe class, so that the whole-text pre-check often says no
SAFE_MOSTLY = st.sampled_from([*"abc .,\n\n-«»—“”", *"Привет мир", *"ÂÃ ", "\u00a0", "€", "\ufb01"])


@given(
    st.one_of(
        st.lists(ALPHABET, max_size=60).map("".join),
        st.lists(SAFE_MOSTLY, max_size=80).map("".join),
    ),
    st.sampled_from([5, 1_000_000]),
)
@example("abc.\nÂ x", 1_000_000)
@example("abc.Â x", 5)  # a segment cut mid-line starts where `^` matches
def test_whole_text_precheck_never_skips_a_segment_ftfy_would_change(
    text: str, max_len: int
) -> None:
    """When the whole-text pre-check says no, no segment's own pre-check says yes."""
    from flows.stages.repair.chars import _ftfy_segments, _segment_needs_ftfy, _text_may_need_ftfy

    if not _text_may_need_ftfy(text, max_len):
        segments = [text[start:end] for start, end in _ftfy_segments(text, max_len)]
        assert not any(_segment_needs_ftfy(segment) for segment in segments)


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_whole_text_precheck_agrees_with_the_segments_on_the_seeds(path: Path) -> None:
    """On the seeds (clean ones, where the pre-check says no, and one it sends on) the
    whole-text answer is the segments' answer."""
    from flows.stages.repair.chars import _ftfy_segments, _segment_needs_ftfy, _text_may_need_ftfy

    text = path.read_text(encoding="utf-8")
    segments = [text[start:end] for start, end in _ftfy_segments(text, 1_000_000)]
    if not _text_may_need_ftfy(text, 1_000_000):
        assert not any(_segment_needs_ftfy(segment) for segment in segments)
    mojibaked = text.encode("utf-8").decode("sloppy-windows-1252", errors="replace")
    assert _text_may_need_ftfy(mojibaked, 1_000_000)
