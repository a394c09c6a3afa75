"""Bytes → text, with a clear reason when the bytes are not text at all."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class InputError(Exception):
    """An input that cannot be read. The message is one line, shown to the user as is."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Western encodings. Detection cannot tell them from Central European ones on a
# short text (charset_normalizer ranks cp1250 first for "crème"), and news in English uses them.
_WESTERN = {"cp1252", "latin_1", "iso8859_15"}
_SAMPLE = 8192


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes: BOM, UTF-8, the declared charset, then detection.

    Raises InputError for empty or binary input. A NUL byte outside UTF-16/32 means binary:
    guessing an encoding for a PDF or an image would feed garbage to every later stage.
    UTF-8 is tried before a declared charset: a page sent as "ISO-8859-1" that decodes as UTF-8
    is almost always UTF-8 with a wrong (or default) header, and latin-1 never fails to decode.
    """
    if not data.strip():
        raise InputError("empty input")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return check_text(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise InputError(f"broken {codec} text ({exc.reason})") from None
    wide = declared and codecs_name(declared).startswith(("utf-16", "utf-32"))
    if wide:
        try:
            return check_text(data.decode(declared))  # type: ignore[arg-type]
        except (UnicodeDecodeError, LookupError):
            pass
    if b"\x00" in data[:_SAMPLE]:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError("binary file, not text")
        try:
            return check_text(data.decode(codec))
        except UnicodeDecodeError:
            raise InputError("binary file, not text") from None
    try:
        return check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared and not wide:
        try:
            return check_text(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong header is common on the web: fall through to detection
    return check_text(data.decode(_detect(data), errors="replace"))


def codecs_name(name: str) -> str:
    """The codec's canonical name ("UTF16" → "utf-16"), or the name lower-cased if unknown."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte (for Latin script text)."""
    sample = data[:_SAMPLE]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= 0.4 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.4 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str:
    matches = from_bytes(data[: 1024 * 1024])
    best = matches.best()
    if best is None or best.encoding is None:
        raise InputError("binary file, not text")
    for match in matches:
        if match.chaos > best.chaos + 0.01:
            continue
        if _WESTERN & {match.encoding, *match.could_be_from_charset}:
            try:
                data.decode("cp1252")
            except UnicodeDecodeError:
                return "latin-1"
            return "cp1252"
    return best.encoding


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(sample)


def check_text(text: str) -> str:
    """Refuse decoded text that is really binary or has nothing readable in it."""
    if not text.strip():
        raise InputError("empty input")
    if _control_ratio(text) > 0.05:
        raise InputError("binary file, not text")
    return text
