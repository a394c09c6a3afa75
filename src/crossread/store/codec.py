"""Values in and out of columns: numpy arrays as bytes, the Article record as JSON."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import numpy as np

from crossread.model import LEXICAL_DIM, Article, Sentence, from_dict, to_dict

# fixed byte order, so a database file means the same on every machine
VECTOR_DTYPE = np.dtype("<f4")
SIGNATURE_DTYPE = np.dtype("<u8")


def vector_bytes(vector: Any) -> bytes:
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def vector_from(data: bytes | None) -> np.ndarray:
    """float32 array (writable: the clusterer adds to centroids in place); empty for NULL."""
    if data is None:
        return np.zeros(0, dtype=np.float32)
    return np.frombuffer(data, dtype=VECTOR_DTYPE).astype(np.float32)


def story_vector_bytes(vector: Any, lexical: Any) -> bytes:
    """An article's vector or a story's centroid, followed by its lexical vector (if any): one
    column holds both, so a store made before lexical vectors needs no new column."""
    if lexical is None:
        return vector_bytes(vector)
    return vector_bytes(np.concatenate([np.asarray(vector, dtype=VECTOR_DTYPE),
                                        np.asarray(lexical, dtype=VECTOR_DTYPE)]))


def story_vector_from(data: bytes | None) -> tuple[np.ndarray, np.ndarray | None]:
    """(vector, lexical vector or None) of `story_vector_bytes`. The embedding is shorter than
    LEXICAL_DIM, so a value of LEXICAL_DIM numbers or fewer holds the vector alone (written by
    an older release)."""
    both = vector_from(data)
    if len(both) <= LEXICAL_DIM:
        return both, None
    return both[:-LEXICAL_DIM], both[-LEXICAL_DIM:]


def signature_bytes(signature: Any) -> bytes:
    return np.asarray(signature, dtype=SIGNATURE_DTYPE).tobytes()


def signature_from(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=SIGNATURE_DTYPE).astype(np.uint64)


def article_record(article: Article) -> str:
    """The Article as JSON, without sentences (rebuilt on demand) and without the text (its own
    column)."""
    return json.dumps(
        to_dict(dataclasses.replace(article, text="", sentences=())), ensure_ascii=False
    )


def article_from(record: str, text: str) -> Article:
    return dataclasses.replace(from_dict(Article, json.loads(record)), text=text)


def sentences_json(article: Article) -> str:
    """An analysed article's sentences (the `analyses` table)."""
    return json.dumps(to_dict(article.sentences), ensure_ascii=False, separators=(",", ":"))


def sentences_from(data: str) -> tuple[Sentence, ...]:
    return tuple(from_dict(Sentence, item) for item in json.loads(data))
