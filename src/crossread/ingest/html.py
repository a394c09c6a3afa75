"""HTML pages: main text and metadata by trafilatura."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import set_date_params

from crossread.ingest.decode import InputError
from crossread.ingest.identity import normalise_date, outlet_from_url
from crossread.model import Article

# Fewer words than this is a login form, a cookie wall, a "please enable JavaScript" page or a
# bare menu: trafilatura returns it as "text", but it is not an article.
MIN_WORDS = 20


def read_html(html: str, source: str, url: str | None = None) -> Article:
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
        # No extensive search: it takes "© 2024" in a footer for a publication date of
        # 2024-01-01, which would then also override --date.
        date_extraction_params=set_date_params(False),
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError("no article text found in the HTML page")
    words = len(text.split())
    if words < MIN_WORDS:
        plural = "" if words == 1 else "s"
        raise InputError(f"no article text found in the HTML page (only {words} word{plural})")
    title = (doc.title or "").strip() or None
    page_url = url or doc.url or None
    return Article(
        index=0, id="", text=text, source=source, url=page_url, title=title, raw_title=title,
        outlet=(doc.sitename or "").strip() or outlet_from_url(page_url),
        published=normalise_date(doc.date),
    )
