"""Ingest: paths, folders, stdin and URLs → Articles (text as read, with metadata).

Each input is read on its own: a bad one becomes a one-line ReadError and the rest go on.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from crossread.config import Config
from crossread.ingest.decode import InputError, decode
from crossread.ingest.feeds import looks_like_feed, read_feed
from crossread.ingest.fetch import fetch
from crossread.ingest.html import read_html
from crossread.ingest.identity import content_id, outlet_from_path, outlet_from_url
from crossread.ingest.jsondocs import read_json
from crossread.ingest.plaintext import read_plain
from crossread.model import Article, ReadError

__all__ = ["InputError", "expand_sources", "read_one", "read_sources"]

_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSON_EXT = {".json", ".jsonl", ".ndjson"}
_FEED_EXT = {".rss", ".atom", ".xml"}
_HTML_TAGS = ("<!doctype html", "<html", "<body", "<article", "<p>", "<p ", "<div")

Progress = Callable[[str], None]


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def expand_sources(sources: Iterable[str]) -> Iterator[str]:
    """Folders expand to their files (sorted, recursive, hidden files skipped)."""
    for src in sources:
        if src == "-" or is_url(src):
            yield src
            continue
        path = Path(src)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    yield str(child)
        else:
            yield src


def _kind(text: str, ext: str, media_type: str | None) -> str:
    if ext in _JSON_EXT or media_type in ("application/json", "application/x-ndjson"):
        return "json"
    head = text.lstrip()[:1]
    if ext in _FEED_EXT or looks_like_feed(text) or (media_type or "").endswith(
        ("rss+xml", "atom+xml")
    ):
        return "feed"
    if ext in _HTML_EXT or media_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if head in ("{", "["):
        return "json"
    if head == "<" and any(tag in text[:5000].lower() for tag in _HTML_TAGS):
        return "html"
    return "text"


def _parse(
    data: bytes, source: str, ext: str, media_type: str | None, charset: str | None,
    url: str | None,
) -> tuple[list[Article], list[ReadError]]:
    text = decode(data, charset)
    kind = _kind(text, ext, media_type)
    if kind == "json":
        return read_json(text, source)
    if kind == "feed":
        return read_feed(data, source)
    if kind == "html":
        return [read_html(text, source, url)], []
    return [read_plain(text, source)], []


def read_one(source: str, config: Config) -> tuple[list[Article], list[ReadError]]:
    """Read one source (file, "-" or URL). Raises InputError for a source that fails whole."""
    if is_url(source):
        got = fetch(source, config)
        ext = Path(got.url.split("?", 1)[0]).suffix.lower()
        arts, errs = _parse(got.content, source, ext, got.content_type, got.charset, got.url)
        default_outlet = outlet_from_url(got.url)
        arts = [a if a.url else dataclasses.replace(a, url=got.url) for a in arts]
    elif source == "-":
        data = sys.stdin.buffer.read(config.max_bytes + 1)
        if len(data) > config.max_bytes:
            raise InputError(f"too large: over {config.max_bytes / 1e6:.0f} MB (--max-size)")
        arts, errs = _parse(data, "-", "", None, None, None)
        default_outlet = "stdin"
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise InputError("not a file")
            if size > config.max_bytes:
                raise InputError(
                    f"too large: {size / 1e6:.1f} MB, the limit is "
                    f"{config.max_bytes / 1e6:.0f} MB (--max-size)"
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError("no such file or folder") from None
        except PermissionError:
            raise InputError("permission denied") from None
        except IsADirectoryError:
            raise InputError("is a folder") from None
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None
        arts, errs = _parse(data, source, path.suffix.lower(), None, None, None)
        default_outlet = outlet_from_path(source)
    return [_finish(a, default_outlet, config) for a in arts], errs


def _finish(article: Article, default_outlet: str | None, config: Config) -> Article:
    return dataclasses.replace(
        article,
        id=content_id(article.text, None if article.raw_title and article.body_start
                      else article.raw_title),
        outlet=article.outlet or default_outlet,
        published=article.published or config.published,
    )


def read_sources(
    sources: Iterable[str], config: Config, progress: Progress | None = None
) -> tuple[list[Article], list[ReadError]]:
    """Read every source; articles are numbered in input order."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    for src in expand_sources(sources):
        try:
            arts, errs = read_one(src, config)
        except InputError as exc:
            errors.append(ReadError(src, str(exc)))
        else:
            errors.extend(errs)
            for art in arts:
                articles.append(dataclasses.replace(art, index=len(articles)))
        if progress:
            progress(src)
    return articles, errors
