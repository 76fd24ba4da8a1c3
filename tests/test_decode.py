"""decode: every encoding the corpus meets, every rejection reason, damage counted."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.stages.decode import decode
from flows.stages.records import Decoded, RawDocument, Rejection, SourceInfo

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("fuzz", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FIXTURES = Path(__file__).resolve().parent / "cases" / "decode"
RU = "Рабочее движение в развитых капиталистических странах. Социал-демократия: теория.\n"
EN = "The “Smart Voting” project — Navalny’s idea — backed the Communists.\n"
FR = "Le café était très agréable, déjà vu, naïve façade, garçon. Où est la pâtisserie?\n"


def run(data: bytes, name: str = "doc.txt") -> Decoded | Rejection:
    return decode(RawDocument(SourceInfo(name), data, hashlib.sha256(data).hexdigest()))


def decoded(data: bytes) -> Decoded:
    result = run(data)
    assert isinstance(result, Decoded), result
    return result


def rejected(data: bytes) -> Rejection:
    result = run(data)
    assert isinstance(result, Rejection), result
    assert result.stage == "decode" and result.raw_sha256 == hashlib.sha256(data).hexdigest()
    return result


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        ((EN + RU).encode("utf-8"), "utf-8", False),
        (b"\xef\xbb\xbf" + (EN + RU).encode("utf-8"), "utf-8", True),
        ((EN + RU).encode("utf-16"), "utf-16-le", True),
        (b"\xfe\xff" + (EN + RU).encode("utf-16-be"), "utf-16-be", True),
        ((EN + RU).encode("utf-32"), "utf-32-le", True),
        (b"\x00\x00\xfe\xff" + (EN + RU).encode("utf-32-be"), "utf-32-be", True),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str, bom: bool) -> None:
    result = decoded(data)
    assert result.text == EN + RU
    assert (result.encoding, result.confidence) == (encoding, 1.0)
    assert result.fixes == ({"decode_bom_removed": 1} if bom else {})


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [EN * 3, RU * 3])
def test_utf16_without_bom(codec: str, text: str) -> None:
    result = decoded(text.encode(codec))
    assert (result.text, result.encoding) == (text, codec)


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [EN * 3, RU * 3, EN + RU])
def test_utf32_without_bom(codec: str, text: str) -> None:
    """Not binary: the NULs of UTF-32 sit on the two high bytes of every unit."""
    result = decoded(text.encode(codec))
    assert (result.text, result.encoding) == (text, codec)


@pytest.mark.parametrize(
    ("fixture", "encoding"), [("russian_cp1251.txt", "cp1251"), ("russian_koi8r.txt", "koi8_r")]
)
def test_legacy_cyrillic(fixture: str, encoding: str) -> None:
    data = (FIXTURES / fixture).read_bytes()
    result = decoded(data)
    assert result.encoding == encoding
    assert result.text.startswith("Рабочее движение")
    assert 0 < result.confidence <= 1


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_legacy_western(codec: str) -> None:
    result = decoded(FR.encode(codec))
    assert result.text == FR
    assert result.encoding in {"cp1252", "latin_1"}


def test_valid_utf8_never_calls_charset_normalizer(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    def boom(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("charset-normalizer called")

    monkeypatch.setattr(charset_normalizer, "from_bytes", boom)
    assert decoded((EN + RU).encode()).encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "decode_empty"),
        (b" \n\t\r\n  ", "decode_whitespace_only"),
        ("\u3000 \n".encode("utf-16"), "decode_whitespace_only"),
        ((FIXTURES / "image_named_txt.png").read_bytes(), "decode_binary"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "decode_binary"),
        (bytes(range(32)) * 50, "decode_binary"),
    ],
)
def test_rejections(data: bytes, reason: str) -> None:
    assert rejected(data).reason == reason


def test_stray_nul_bytes_removed() -> None:
    data = EN.encode().replace(b"Smart", b"Sm\x00art") + b"\x00" + RU.encode()
    result = decoded(data)
    assert result.text == EN + RU
    assert result.fixes == {"decode_nul_removed": 2}


def test_invalid_bytes_scattered_stay_utf8() -> None:
    data = (EN + RU).encode()
    data = data[:10] + b"\xff" + data[10:40] + b"\x80" + data[40:] + b"\xc0"
    result = decoded(data)
    assert result.encoding == "utf-8"
    assert result.fixes == {"decode_invalid_bytes": 3}
    assert result.text.count("\ufffd") == 3


def test_last_character_cut_in_half() -> None:
    data = (EN + RU.rstrip(".\n")).encode()[:-1]
    result = decoded(data)
    assert result.encoding == "utf-8"
    assert result.text.endswith("теори\ufffd")
    assert result.fixes == {"decode_invalid_bytes": 1}


def test_ascii_with_cut_em_dash() -> None:
    result = decoded(b"A plain ASCII line that ends in a dash \xe2\x80")
    assert result.encoding == "utf-8" and result.text.endswith("dash \ufffd")


def test_big_single_line_is_fast() -> None:
    data = (EN.strip() + " ").encode() * (5_000_000 // len(EN))
    start = time.perf_counter()
    result = decoded(data)
    assert time.perf_counter() - start < 2
    assert len(result.text) > 4_000_000


@pytest.mark.slow
def test_50mb_single_line() -> None:
    data = (EN.strip() + " ").encode() * (50_000_000 // len(EN))
    start = time.perf_counter()
    assert decoded(data).encoding == "utf-8"
    assert time.perf_counter() - start < 10


@given(st.binary(max_size=2000))
def test_decode_never_raises(data: bytes) -> None:
    result = run(data)
    assert isinstance(result, Decoded | Rejection)
    if isinstance(result, Decoded):
        assert "\x00" not in result.text and result.text.strip()


@given(st.text(min_size=1, max_size=500).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_round_trips(text: str) -> None:
    result = run(text.encode("utf-8"))
    if isinstance(result, Decoded):
        assert result.text == text
