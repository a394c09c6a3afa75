"""Ingest: paths, folders, stdin and URLs → Articles (text as read, with metadata).

Each input is read on its own: a bad one becomes a one-line ReadError and the rest go on.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from crossread.config import MB, Config
from crossread.ingest.decode import InputError, decode
from crossread.ingest.feeds import looks_like_feed, read_feed
from crossread.ingest.fetch import NotModified, Revalidation, fetch, too_large
from crossread.ingest.html import read_html
from crossread.ingest.identity import content_id, outlet_from_path, outlet_from_url
from crossread.ingest.jsondocs import read_json
from crossread.ingest.plaintext import read_plain
from crossread.model import Article, ReadError

__all__ = ["InputError", "expand_sources", "read_one", "read_sources", "read_upload"]

_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSON_EXT = {".json", ".jsonl", ".ndjson"}
_FEED_EXT = {".rss", ".atom", ".xml"}
_TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
_JSON_MEDIA = {"application/json", "application/x-ndjson", "application/jsonl",
               "application/x-jsonlines", "application/ld+json"}
_HTML_MEDIA = {"text/html", "application/xhtml+xml"}
_HTML_TAGS = ("<!doctype html", "<html", "<body", "<article", "<p>", "<p ", "<div")
# JSON by content: an array of objects or an object with a key. Plain text can start with "["
# too ("[VIDEO] Soldier defects ...").
_JSON_START = re.compile(r'\s*(?:\[\s*[{\]]|\{\s*["}])')

Progress = Callable[[str], None]


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def expand_sources(sources: Iterable[str]) -> Iterator[str]:
    """Folders expand to their files (sorted, recursive, hidden files and folders skipped).

    A folder with no file to read is kept as is, so that reading it reports the problem.
    Symbolic links to folders are not followed (no loops); links to files are read.
    """
    for src in sources:
        if src == "-" or is_url(src):
            yield src
            continue
        path = Path(src)
        if path.is_dir():
            files = sorted(_folder_files(path))
            if not files:
                yield src
            for child in files:
                yield str(child)
        else:
            yield src


def _folder_files(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            child = Path(root, name)
            if not name.startswith(".") and child.is_file():
                yield child


def _kind(text: str, ext: str, media_type: str | None) -> str:
    """The reader for an input: its media type (URLs) first, then its extension, then content."""
    media = media_type or ""
    if media in _JSON_MEDIA or media.endswith("+json"):
        return "json"
    if media.endswith(("rss+xml", "atom+xml", "rdf+xml")):
        return "feed"
    if media in _HTML_MEDIA:
        return "feed" if looks_like_feed(text) else "html"
    if ext in _JSON_EXT:
        return "json"
    if ext in _FEED_EXT or looks_like_feed(text):
        return "feed"
    if ext in _HTML_EXT:
        return "html"
    if ext not in _TEXT_EXT and _JSON_START.match(text):
        return "json"
    if text.lstrip()[:1] == "<" and any(tag in text[:5000].lower() for tag in _HTML_TAGS):
        return "html"
    return "text"


def parse_bytes(
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


def read_one(source: str, config: Config, revalidation: Revalidation | None = None,
             ) -> tuple[list[Article], list[ReadError]]:
    """Read one source (file, "-" or URL). Raises InputError for a source that fails whole,
    and NotModified for a URL that `revalidation` shows unchanged."""
    if is_url(source):
        got = fetch(source, config, revalidation)
        ext = Path(urlsplit(got.url).path).suffix.lower()
        arts, errs = parse_bytes(got.content, source, ext, got.content_type, got.charset, got.url)
        default_outlet = outlet_from_url(got.url)
        arts = [a if a.url else dataclasses.replace(a, url=got.url) for a in arts]
    elif source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("no standard input to read")
        data = stream.read(config.max_bytes + 1)
        if len(data) > config.max_bytes:
            raise InputError(too_large(None, config.max_bytes))
        arts, errs = parse_bytes(data, "-", "", None, None, None)
        default_outlet = "stdin"
    else:
        data = _read_file(Path(source), config)
        arts, errs = parse_bytes(data, source, Path(source).suffix.lower(), None, None, None)
        default_outlet = outlet_from_path(source)
    if not arts and not errs:
        raise InputError("no article found")
    return [_finish(a, default_outlet, config) for a in arts], errs


def _read_file(path: Path, config: Config) -> bytes:
    """A file's bytes; the size is checked before reading, so a huge file costs nothing."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            if any(_folder_files(path)):
                raise InputError("is a folder (its files are read when it is given as a source)")
            raise InputError("folder has no files to read (hidden files are skipped)")
        if info.st_size > config.max_bytes and stat.S_ISREG(info.st_mode):
            raise InputError(too_large(info.st_size, config.max_bytes))
        # Not only regular files: a pipe (`crossread brief <(curl ...)`) is read up to the cap.
        with path.open("rb") as fh:
            data = fh.read(config.max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file or folder") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a folder") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    except ValueError as exc:  # a NUL byte in the path
        raise InputError(f"invalid path ({exc})") from None
    if len(data) > config.max_bytes:
        raise InputError(too_large(None, config.max_bytes))
    return data


def read_upload(data: bytes, name: str, media_type: str | None,
                config: Config) -> tuple[list[Article], list[ReadError]]:
    """Read bytes that arrived with a file name (a web upload) exactly as a file of that name
    would be read. Raises InputError for bytes that cannot be read at all."""
    if len(data) > config.max_bytes:
        raise InputError(f"too large: over {config.max_bytes / MB:.0f} MB")
    ext = Path(name).suffix.lower()
    arts, errs = parse_bytes(data, name, ext, media_type, None, None)
    return [_finish(a, outlet_from_path(name), config) for a in arts], errs


def _finish(article: Article, default_outlet: str | None, config: Config) -> Article:
    body_start = article.body_start or _title_line_end(article.text, article.raw_title)
    return dataclasses.replace(
        article,
        id=content_id(article.text, None if article.raw_title and body_start
                      else article.raw_title),
        outlet=article.outlet or default_outlet,
        published=article.published or config.published,
        body_start=body_start,
    )


def _title_line_end(text: str, title: str | None) -> int:
    """Where the body begins when the text opens with the headline on a line of its own (HTML
    pages and JSON bodies often repeat it), else 0. The headline is then part of `text`, as with
    plain text files."""
    if not title:
        return 0
    lead = len(text) - len(text.lstrip())
    line_end = text.find("\n", lead)
    if line_end < 0 or text[lead:line_end].strip() != title.strip():
        return 0
    if text.find(title, lead) != lead:  # clean.py finds the headline in the text by value
        return 0
    rest = text[line_end:]
    return line_end + len(rest) - len(rest.lstrip())


def read_sources(
    sources: Iterable[str], config: Config, progress: Progress | None = None,
    revalidation: Revalidation | None = None,
) -> tuple[list[Article], list[ReadError]]:
    """Read every source; articles are numbered in input order. With `revalidation` (a poller
    such as `crossread watch`), URLs are fetched only when changed; unchanged ones add nothing
    and are listed in `revalidation.unchanged`."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    for src in expand_sources(sources):
        try:
            arts, errs = read_one(src, config, revalidation)
        except NotModified:
            assert revalidation is not None
            revalidation.unchanged.append(src)
        except InputError as exc:
            errors.append(ReadError(src, _one_line(str(exc))))
        except Exception as exc:  # a reader's own bug must not stop the other inputs
            if os.environ.get("CROSSREAD_DEBUG"):
                raise
            errors.append(ReadError(src, _one_line(
                f"cannot read ({type(exc).__name__}: {exc}; set CROSSREAD_DEBUG=1 for details)"
            )))
        else:
            errors.extend(errs)
            for art in arts:
                articles.append(dataclasses.replace(art, index=len(articles)))
        if progress:
            progress(src)
    return articles, errors


def _one_line(message: str) -> str:
    return " ".join(message.split())
