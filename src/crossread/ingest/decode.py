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


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes: BOM first, then the declared charset, UTF-8, then detection.

    Raises InputError for empty or binary input. A NUL byte outside UTF-16/32 means binary:
    guessing an encoding for a PDF or an image would feed garbage to every later stage.
    """
    if not data.strip():
        raise InputError("empty input")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return check_text(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise InputError(f"broken {codec} text ({exc.reason})") from None
    if declared:
        try:
            return check_text(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong header is common on the web: fall through to our own checks
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
    try:
        return check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise InputError("binary file, not text")
    return check_text(data.decode(best.encoding, errors="replace"))


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
