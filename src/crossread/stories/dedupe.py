"""Near-identical copies: a syndicated or re-posted report is found through its LSH bands and
confirmed on the whole MinHash signature, so a shared band alone never makes a copy."""

from __future__ import annotations

import numpy as np

from crossread.model import DocFeatures
from crossread.stories.index import StoryIndex

# Estimated Jaccard of word 3-gram sets. Two outlets rewriting the same wire story land well
# below this; the same wire text under another headline, footer or trimmed last paragraph above.
COPY_THRESHOLD = 0.7


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of the two shingle sets."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))


def find_copy(index: StoryIndex, f: DocFeatures,
              threshold: float = COPY_THRESHOLD) -> str | None:
    """The id of the stored article `f` copies (the most similar one at or above `threshold`),
    or None. Articles too short to have bands are never copies."""
    if not f.bands:
        return None
    best, best_j = None, 0.0
    for article_id, signature in index.band_candidates(f.bands):
        if article_id == f.article_id:
            continue
        j = jaccard(f.signature, signature)
        # ties go to the candidate sharing more bands, which the index lists first
        if j >= threshold and j > best_j:
            best, best_j = article_id, j
    return best
