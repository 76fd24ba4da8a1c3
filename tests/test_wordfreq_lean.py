"""The mapped word lists give wordfreq's own answers (`flows.accel.wordfreq_lean`)."""

from __future__ import annotations

import struct
import tempfile
from pathlib import Path

import pytest
import wordfreq

from flows.accel import wordfreq_lean
from flows.accel.wordfreq_lean import (
    LeanFrequencies,
    lean_list_path,
    load_lean_list,
    original_frequency_dict,
    write_lean_list,
)
from flows.io.folders import user_cache_dir


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_mapped_list_equals_wordfreqs_dict(tmp_path, lang):
    lean = load_lean_list(lang, "best", tmp_path)
    assert isinstance(lean, LeanFrequencies)
    assert dict(lean.entries()) == original_frequency_dict(lang)
    assert len(lean) == len(original_frequency_dict(lang))


def test_lookups_hit_and_miss_like_a_dict(tmp_path):
    path = tmp_path / "tiny.lean"
    buckets = [[], ["b", "а"], [], ["abc", "ab", "б"], ["b"]]  # "b" listed twice: last wins
    write_lean_list(buckets, path)
    lean = LeanFrequencies(path)
    expected = {"а": wordfreq.cB_to_freq(-1), "ab": wordfreq.cB_to_freq(-3)}
    expected |= {"abc": wordfreq.cB_to_freq(-3), "б": wordfreq.cB_to_freq(-3)}
    expected["b"] = wordfreq.cB_to_freq(-4)
    assert dict(lean.entries()) == expected
    assert {word: lean[word] for word in expected} == expected
    for missing in ("", "a", "abcd", "bb", "в", "\ud800", "B"):
        assert missing not in lean
        with pytest.raises(KeyError):
            lean[missing]
    assert 3 not in lean


def test_zipf_frequency_is_unchanged_by_install(tmp_path, monkeypatch):
    words = ["слово", "Путин", "выборы", "the", "New York", "2024", "год2024", "xqzv", "", "-"]

    def zipfs() -> dict[tuple[str, str], float]:
        wordfreq._wf_cache.clear()
        try:
            return {
                (w, lang): wordfreq.zipf_frequency(w, lang) for w in words for lang in ("ru", "en")
            }
        finally:
            wordfreq._wf_cache.clear()

    monkeypatch.setattr(wordfreq, "get_frequency_dict", original_frequency_dict)
    reference = zipfs()
    monkeypatch.setattr(wordfreq_lean, "CACHE_DIR", tmp_path)
    wordfreq_lean.lean_frequency_dict.cache_clear()
    monkeypatch.setattr(wordfreq, "get_frequency_dict", wordfreq_lean.lean_frequency_dict)
    try:
        assert zipfs() == reference
    finally:
        wordfreq_lean.lean_frequency_dict.cache_clear()
    assert reference[("слово", "ru")] > 4 and reference[("xqzv", "ru")] == 0
    assert lean_list_path("ru", "best", tmp_path).is_file()


def test_a_damaged_file_is_written_again(tmp_path):
    load_lean_list("en", "best", tmp_path)
    path = lean_list_path("en", "best", tmp_path)
    whole = path.read_bytes()
    for damage in (b"", b"not a word list", whole[:100], whole[:-3]):
        path.write_bytes(damage)
        with pytest.raises((ValueError, struct.error)):
            LeanFrequencies(path)
        again = load_lean_list("en", "best", tmp_path)
        assert isinstance(again, LeanFrequencies)
        assert again["the"] == original_frequency_dict("en")["the"]
        assert path.read_bytes() == whole


def test_no_writable_cache_falls_back_to_wordfreqs_dict(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    assert load_lean_list("en", "best", blocker) is original_frequency_dict("en")


def test_cache_folder_follows_xdg_and_survives_no_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache_dir() == tmp_path / "ru-political-corpus"
    monkeypatch.delenv("XDG_CACHE_HOME")

    def no_home() -> None:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert user_cache_dir() == Path(tempfile.gettempdir()) / "ru-political-corpus"
