"""What a number or a date is attached to: the verbs it qualifies, from spaCy's parser.

"was shot twice" → {shoot}; "hitting him at least five times" → {hit, penetrate}; "escaped
Sunday" → {escape}; "told lawmakers Tuesday" → {tell}. Two mentions can only answer the same
question when their predicates name the same kind of happening. Parsing runs only on the few
sentences that carry candidate mentions, so it costs little even though the analyse stage
skips the parser.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from crossread.analyse.nlp import MODEL

# Verbs too general to tell two happenings apart.
LIGHT = frozenset({"be", "have", "do", "get", "make", "say", "tell", "report", "include",
                   "accord", "become", "go", "come", "use", "see", "give", "take", "put",
                   "claim", "announce", "state", "add", "note", "confirm", "indicate", "believe",
                   "think", "hope", "show", "find", "know", "expect", "estimate", "publish",
                   "update", "post", "write"})
_CLAUSE_LINKS = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl", "acl"})


@lru_cache(maxsize=1)
def _parser() -> Any:
    import spacy

    return spacy.load(MODEL, exclude=["ner"])


@lru_cache(maxsize=4096)
def _parse(text: str) -> Any:
    return _parser()(text)


def predicates(text: str, start: int, end: int) -> frozenset[str]:
    """Lemmas of the verbs that govern text[start:end] (offsets within `text`), plus the verbs
    of clauses joined to them ("lost his life Monday when he bolted" → {lose, bolt})."""
    doc = _parse(text)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return frozenset()
    tok = span.root
    # "the two injured workers": the participle on the counted noun names the happening
    noun = tok.head if tok.dep_ in ("nummod", "quantmod") else tok
    modifiers = {c.lemma_.lower() for c in noun.children
                 if c.dep_ in ("amod", "acl")
                 and (c.tag_ in ("VBN", "VBG") or c.text.lower().endswith("ed"))} - LIGHT
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and seen < 6:
        tok = tok.head
        seen += 1
    if tok.pos_ not in ("VERB", "AUX"):
        return frozenset(modifiers)
    verbs = {tok}
    verbs |= {c for c in tok.children if c.dep_ in _CLAUSE_LINKS and c.pos_ == "VERB"}
    if tok.dep_ in _CLAUSE_LINKS and tok.head.pos_ == "VERB":
        verbs.add(tok.head)
    lemmas = {v.lemma_.lower() or v.text.lower() for v in verbs}
    # "seven times closer": with a copula, the comparative says what is being measured
    if noun.head.pos_ in ("ADJ", "ADV") and noun.dep_ in ("npadvmod", "nummod"):
        lemmas.add(noun.head.lemma_.lower() or noun.head.text.lower())
    # the parser sometimes calls a contraction ("That’s") a verb: keep words only
    return frozenset(w for w in (lemmas | modifiers) - LIGHT if w.isalpha())
