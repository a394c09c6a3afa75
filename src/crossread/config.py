"""One configuration object, passed down through every stage. Defaults work offline."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Config:
    # ingest
    published: str | None = None  # --date: publication date for inputs that carry none
    allow_private: bool = False  # fetch URLs on private, loopback or link-local addresses
    timeout: float = 15.0  # seconds per URL request
    max_bytes: int = 20 * MB  # per file or download; bigger inputs are refused, not truncated
    max_redirects: int = 5
    # analyse
    entities: str = "spacy"  # "spacy" (statistical NER) or "rules" (fast capitalisation rules)
    # summarise
    words: int = 200  # summary length budget in words
    sentences: int | None = None  # or at most this many sentences
