"""HTML pages: main text and metadata by trafilatura."""

from __future__ import annotations

import trafilatura

from crossread.ingest.decode import InputError
from crossread.ingest.identity import normalise_date, outlet_from_url
from crossread.model import Article


def read_html(html: str, source: str, url: str | None = None) -> Article:
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError("no article text found in the HTML page")
    title = (doc.title or "").strip() or None
    page_url = url or doc.url or None
    return Article(
        index=0, id="", text=text, source=source, url=page_url, title=title, raw_title=title,
        outlet=(doc.sitename or "").strip() or outlet_from_url(page_url),
        published=normalise_date(doc.date),
    )
