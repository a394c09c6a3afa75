"""JSON and JSON Lines: one article per object.

Accepted shapes: an object, a list of objects, `{"articles": [...]}`, or one object per line.
Field names follow the common news-API spellings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from crossread.ingest.decode import InputError
from crossread.ingest.identity import normalise_date, outlet_from_url
from crossread.model import Article, ReadError

_TEXT = ("text", "body", "content", "article", "maintext")
_TITLE = ("title", "headline")
_URL = ("url", "link")
_OUTLET = ("outlet", "source", "site", "publisher", "source_name", "sitename")
_DATE = ("published", "date", "published_at", "publishedAt", "pubdate", "date_publish")
_ID = ("id", "external_id", "doc_id", "uuid")


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        v = obj.get(k)
        if v not in (None, ""):
            return v
    return None


def _article(obj: Any, where: str) -> Article:
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, found {type(obj).__name__}")
    text = _first(obj, _TEXT)
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"no text (one of the fields {', '.join(_TEXT)})")
    outlet = _first(obj, _OUTLET)
    if isinstance(outlet, dict):  # NewsAPI: "source": {"id": ..., "name": ...}
        outlet = outlet.get("name") or outlet.get("id")
    url = _first(obj, _URL)
    url = url if isinstance(url, str) else None
    title = _first(obj, _TITLE)
    title = str(title).strip() if title is not None else None
    ext = _first(obj, _ID)
    return Article(
        index=0, id="", text=text, source=where,
        external_id=str(ext) if ext is not None else None,
        outlet=str(outlet).strip() if outlet else outlet_from_url(url),
        url=url, title=title, raw_title=title, published=normalise_date(_first(obj, _DATE)),
    )


def _records(text: str, source: str) -> Iterator[tuple[str, Any]]:
    stripped = text.lstrip()
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:
        data = None
        if not stripped.startswith("{"):
            raise InputError("not valid JSON") from None
    if data is not None:
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        if isinstance(data, list):
            for i, obj in enumerate(data):
                yield f"{source}[{i}]", obj
        else:
            yield source, data
        return
    # JSON Lines
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, InputError(f"invalid JSON ({exc.msg})")


def read_json(text: str, source: str) -> tuple[list[Article], list[ReadError]]:
    articles: list[Article] = []
    errors: list[ReadError] = []
    for where, obj in _records(text, source):
        try:
            if isinstance(obj, InputError):
                raise obj
            articles.append(_article(obj, where))
        except InputError as exc:
            errors.append(ReadError(where, str(exc)))
    return articles, errors
