"""Bytes to text. Never raises: undecodable input becomes a Rejection.

Why this order: BOMs are proof, valid UTF-8 is near-proof (legacy text almost never
validates), so both are decided without charset-normalizer; only bytes that fail UTF-8 and
carry no UTF-8 evidence go to statistical detection. Damage inside otherwise good UTF-8
(stray bytes, a cut last character, NULs) is mended and counted in ``Decoded.fixes``
instead of switching codec, so one bad byte never turns a document into mojibake.

Fix keys: ``decode_bom_removed``, ``decode_invalid_bytes`` (one per invalid sequence,
replaced by U+FFFD), ``decode_nul_removed``.
"""

from __future__ import annotations

import codecs
import threading

from flows.stages.records import Decoded, RawDocument, Rejection

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip stream"),
    (b"\x7fELF", "ELF binary"),
    (b"RIFF", "RIFF media"),
    (b"\xd0\xcf\x11\xe0", "OLE2 document"),
)

# Legacy codecs charset-normalizer may choose from (the corpus is Russian and Western).
LEGACY_CODECS = ("cp1251", "koi8_r", "cp1252", "latin_1", "iso8859_5", "cp866", "mac_cyrillic")
SAMPLE_BYTES = 64 * 1024
DETECT_BYTES = 256 * 1024
BINARY_CONTROL_RATIO = 0.10
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"

_counter = threading.local()


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _counter.n = getattr(_counter, "n", 0) + 1
    return "\ufffd", error.end


codecs.register_error("flows_count_replace", _count_and_replace)


def decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode with U+FFFD for each invalid sequence; return text and how many."""
    _counter.n = 0
    text = data.decode(encoding, "flows_count_replace")
    return text, _counter.n


def _reject(raw: RawDocument, reason: str, detail: str) -> Rejection:
    return Rejection(raw.source_file, "decode", reason, detail, raw.sha256)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > BINARY_CONTROL_RATIO:
        return f"{controls / len(sample):.0%} control bytes"
    return None


def _utf32_without_bom(data: bytes) -> str | None:
    """`utf-32-le`/`-be` when, in (almost) every 4-byte unit, the two high bytes are NUL:
    text of the Basic Multilingual Plane, Latin or Cyrillic alike, in UTF-32; decoded with
    few errors and few control characters."""
    sample = data[: SAMPLE_BYTES & ~3]
    units = len(sample) // 4
    if units < 2:
        return None
    nul = [sample[i::4].count(0) for i in range(4)]
    if min(nul[2], nul[3]) >= 0.98 * units:
        encoding = "utf-32-le"
    elif min(nul[0], nul[1]) >= 0.98 * units:
        encoding = "utf-32-be"
    else:
        return None
    return encoding if _reads_cleanly(data[: len(data) & ~3], encoding) else None


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`-be` when NULs sit almost only on one byte parity (ASCII in UTF-16)."""
    sample = data[: SAMPLE_BYTES & ~1]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if max(even, odd) < max(4, 0.05 * pairs) or min(even, odd) > 0.02 * max(even, odd):
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    return encoding if _reads_cleanly(data[: len(data) & ~1], encoding) else None


def _reads_cleanly(data: bytes, encoding: str) -> bool:
    """Whether `data` decodes as `encoding` with almost no errors (one in a thousand
    characters, plus one) and almost no control characters at its start (one in a
    hundred): how a guessed encoding without a BOM is confirmed."""
    text, errors = decode_counting(data, encoding)
    if errors > 0.001 * len(text) + 1:
        return False
    head = text[:SAMPLE_BYTES]
    weird = sum(1 for ch in head if ch < " " and ch not in "\t\n\r\x0c")
    return weird <= 0.01 * len(head)


def _finish(
    raw: RawDocument, text: str, encoding: str, confidence: float, fixes: dict[str, int]
) -> Decoded | Rejection:
    if "\x00" in text:
        fixes["decode_nul_removed"] = text.count("\x00")
        text = text.replace("\x00", "")
    if not text.strip():
        return _reject(raw, "decode_whitespace_only", f"{len(raw.data)} bytes of whitespace")
    return Decoded(text, encoding, confidence, {k: v for k, v in fixes.items() if v})


def _looks_utf8(text: str, errors: int) -> bool:
    """Damaged UTF-8 rather than a legacy codec: valid multi-byte characters outnumber
    the invalid sequences (legacy text almost never forms valid multi-byte sequences)."""
    valid_multibyte = len(text) - len(text.encode("ascii", "ignore")) - errors
    return valid_multibyte >= max(1, errors)


def _truncated_tail(data: bytes) -> int:
    """Length (2 or 3) of an incomplete multi-byte UTF-8 sequence cut at the very end."""
    for size in (3, 2):
        tail = data[-size:]
        if len(tail) == size and 0xC2 <= tail[0] <= 0xF4:
            need = 2 if tail[0] < 0xE0 else 3 if tail[0] < 0xF0 else 4
            if size < need and all(0x80 <= b <= 0xBF for b in tail[1:]):
                return size
    return 0


def _decode_legacy(raw: RawDocument, data: bytes) -> Decoded | Rejection:
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data[:DETECT_BYTES], cp_isolation=list(LEGACY_CODECS)).best()
    except (ValueError, LookupError, UnicodeError) as error:  # pragma: no cover - defensive
        return _reject(raw, "decode_undecodable", f"charset detection failed: {error}")
    if best is None:
        return _reject(raw, "decode_undecodable", "no UTF or legacy encoding fits")
    encoding = best.encoding
    text, errors = decode_counting(data, encoding)
    confidence = round(max(0.0, 1.0 - best.chaos), 3)
    return _finish(raw, text, encoding, confidence, {"decode_invalid_bytes": errors})


def decode(raw: RawDocument) -> Decoded | Rejection:
    """Decode one raw file (see module docstring for the decision order)."""
    data = raw.data
    if not data:
        return _reject(raw, "decode_empty", "zero bytes")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding.startswith("utf-16"):
                body = body[: len(body) & ~1]
            elif encoding.startswith("utf-32"):
                body = body[: len(body) & ~3]
            text, errors = decode_counting(body, encoding)
            fixes = {"decode_bom_removed": 1, "decode_invalid_bytes": errors}
            return _finish(raw, text, encoding, 1.0, fixes)
    if not data.strip():
        return _reject(raw, "decode_whitespace_only", f"{len(data)} bytes of whitespace")
    if b"\x00" in data[:SAMPLE_BYTES]:
        utf32 = _utf32_without_bom(data)
        if utf32 is not None:
            text, errors = decode_counting(data[: len(data) & ~3], utf32)
            return _finish(raw, text, utf32, 0.9, {"decode_invalid_bytes": errors})
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            text, errors = decode_counting(data[: len(data) & ~1], utf16)
            return _finish(raw, text, utf16, 0.9, {"decode_invalid_bytes": errors})
    kind = _binary_kind(data)
    if kind is not None:
        return _reject(raw, "decode_binary", kind)
    try:
        return _finish(raw, data.decode("utf-8"), "utf-8", 1.0, {})
    except UnicodeDecodeError:
        pass
    text, errors = decode_counting(data, "utf-8")
    if _looks_utf8(text, errors) or (errors == 1 and _truncated_tail(data)):
        confidence = round(1.0 - errors / max(1, len(text)), 3)
        return _finish(raw, text, "utf-8", confidence, {"decode_invalid_bytes": errors})
    return _decode_legacy(raw, data)
