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
    outlet = outlet.strip() if isinstance(outlet, str) else None
    url = _first(obj, _URL)
    url = url.strip() if isinstance(url, str) else None
    title = _first(obj, _TITLE)
    title = (title.strip() or None) if isinstance(title, str) else None
    ext = _first(obj, _ID)
    if isinstance(ext, dict | list):
        ext = None
    return Article(
        index=0, id="", text=text, source=where,
        external_id=str(ext) if ext is not None else None,
        outlet=outlet or outlet_from_url(url),
        url=url or None, title=title, raw_title=title,
        published=normalise_date(_first(obj, _DATE)),
    )


def _records(text: str, source: str) -> Iterator[tuple[str, Any]]:
    stripped = text.lstrip()
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as exc:
        data = None
        if not stripped.startswith("{"):
            raise InputError(
                f"not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})"
            ) from None
    except RecursionError:
        raise InputError("not readable JSON (nested too deeply)") from None
    if data is not None:
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        if isinstance(data, list):
            for i, obj in enumerate(data):
                yield f"{source}[{i}]", obj
        else:
            yield source, data
        return
    # JSON Lines. Split on "\n" only: str.splitlines() also splits at U+2028, U+0085 and
    # others, which JSON allows unescaped inside strings.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, InputError(f"invalid JSON ({exc.msg}, column {exc.colno})")
        except RecursionError:
            yield where, InputError("not readable JSON (nested too deeply)")


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
    if not articles and not errors:
        raise InputError("no articles in the JSON (an empty list)")
    return articles, errors
