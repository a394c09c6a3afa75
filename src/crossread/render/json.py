"""The JSON contract (schema_version in model.SCHEMA_VERSION, documented in README)."""

from __future__ import annotations

import json
from typing import Any

from crossread import __version__
from crossread.model import Brief, to_dict


def brief_dict(brief: Brief) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema_version": brief.schema_version,
        "generator": f"crossread {__version__}",
        "title": brief.title,
        "summary": [to_dict(s) for s in brief.summary],
        "articles": [to_dict(a) for a in brief.articles],
        "facts": [to_dict(f) for f in brief.facts],
        "disputes": [to_dict(d) for d in brief.disputes],
        "profiles": [to_dict(p) for p in brief.profiles],
        "entities": [to_dict(e) for e in brief.entities],
        "errors": [to_dict(e) for e in brief.errors],
    }
    doc.update(to_dict(brief.extra))
    return doc


def render_json(brief: Brief) -> str:
    # ensure_ascii=False keeps the text readable; sort order is the dataclasses' field order,
    # so the same input gives the same bytes.
    return json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) + "\n"
