"""Stable ids, outlet names and publication dates for articles."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

_WS = re.compile(r"\s+")


def content_id(text: str, title: str | None = None) -> str:
    """A content hash that survives re-encoding and whitespace changes."""
    norm = unicodedata.normalize("NFC", f"{title or ''}\n{text}")
    norm = _WS.sub(" ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def outlet_from_path(path: str) -> str:
    return Path(path).stem or path


def normalise_date(value: object) -> str | None:
    """Metadata date (string, date, datetime, struct_time) → ISO 8601, or None if unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tm_year"):  # time.struct_time from feedparser, always UTC
        return datetime(*value[:6]).date().isoformat()  # type: ignore[index,misc]
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        import dateparser  # imported late: it costs ~1 s and most inputs carry ISO dates

        try:
            # No relative dates: "yesterday" in metadata cannot be resolved against today.
            parsed = dateparser.parse(text[:100], settings={
                "STRICT_PARSING": True,
                "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
            })
        except (ValueError, TypeError, OverflowError):
            parsed = None
    if parsed is None:
        return None
    if len(text) <= 10 or (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0):
        return parsed.date().isoformat()
    return parsed.isoformat()
