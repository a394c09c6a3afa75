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


# Verbs of saying: a day or count they govern dates or counts the saying, not what was said
# ("said Tuesday that she had met him" says nothing about the day of the meeting).
SPEECH = frozenset({"say", "tell", "report", "announce", "state", "add", "note", "confirm",
                    "claim", "write", "post", "publish", "declare", "explain", "insist"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def _bare(noun: Any) -> bool:
    return noun.pos_ == "NOUN" and not any(
        g.dep_ in ("det", "poss", "nummod", "amod", "compound") for g in noun.children)


def _phrasal(verb: Any) -> str | None:
    """A light verb whose bare noun object carries the meaning: "take part", "take place"
    (written with an underscore, as the synonym lexicon lists them)."""
    for c in verb.children:
        if c.dep_ == "dobj" and _bare(c):
            return f"{verb.lemma_.lower()}_{c.lemma_.lower()}"
    return None


def _state(*heads: Any) -> set[str]:
    """A state named by a preposition and a bare noun on a light verb or on the counted noun:
    "four people are in custody", "has three people in custody" → {in_custody}."""
    out = set()
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "under", "on", "at"):
                out |= {f"{c.lower_}_{g.lemma_.lower()}" for g in c.children
                        if g.dep_ == "pobj" and _bare(g)}
    return out


def _mention(text: str, start: int, end: int) -> tuple[Any, Any] | None:
    """The mention's head token in the parse of `text`, and the verb (or auxiliary) that
    governs it, the nearest one up the tree (or the last token climbed to if none is)."""
    span = _parse(text).char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and seen < 6:
        tok = tok.head
        seen += 1
    return span.root, tok


def predicates(text: str, start: int, end: int,
               keep: frozenset[str] = frozenset()) -> frozenset[str]:
    """Lemmas of the verbs that govern text[start:end] (offsets within `text`), plus the verbs
    of clauses joined to them ("lost his life Monday when he bolted" → {lose, bolt}). `keep`:
    light verbs that do tell happenings apart for this kind of mention ("found" for where)."""
    light = LIGHT - keep
    found_at = _mention(text, start, end)
    if found_at is None:
        return frozenset()
    head, tok = found_at
    # "the two injured workers": the participle on the counted noun names the happening
    noun = head.head if head.dep_ in ("nummod", "quantmod") else head
    modifiers = {c.lemma_.lower() for c in noun.children
                 if c.dep_ in ("amod", "acl")
                 and (c.tag_ in ("VBN", "VBG") or c.text.lower().endswith("ed"))} - light
    if tok.pos_ not in ("VERB", "AUX"):
        return frozenset(modifiers)
    if tok.lemma_.lower() in SPEECH:
        return frozenset()
    verbs = {tok}
    # a joined clause with a subject of its own is another statement ("97 hit Israel and 99
    # more were intercepted"): only clauses sharing the mention's subject join, and
    # subordinate ones ("lost his life Monday when he bolted")
    verbs |= {c for c in tok.children if c.dep_ in _CLAUSE_LINKS and c.pos_ == "VERB"
              and not (c.dep_ == "conj" and any(g.dep_ in _SUBJECTS for g in c.children))}
    if tok.dep_ in _CLAUSE_LINKS and tok.head.pos_ == "VERB" and not (
            tok.dep_ == "conj" and any(g.dep_ in _SUBJECTS for g in tok.children)):
        verbs.add(tok.head)
    lemmas = {v.lemma_.lower() or v.text.lower() for v in verbs}
    lemmas |= {p for v in verbs if v.lemma_.lower() in light and (p := _phrasal(v))}
    # "seven times closer": with a copula, the comparative says what is being measured
    if noun.head.pos_ in ("ADJ", "ADV") and noun.dep_ in ("npadvmod", "nummod"):
        lemmas.add(noun.head.lemma_.lower() or noun.head.text.lower())
    # the parser sometimes calls a contraction ("That’s") a verb: keep words only
    found = {w for w in lemmas - light if w.replace("_", "").isalpha()}
    # a participle on the counted noun ("97 rockets fired from Gaza hit Israel") names the
    # happening only when the clause's own verb says nothing ("two injured workers were taken")
    return frozenset(found or modifiers or _state(tok, noun))


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})


def verb_tense(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None (present, or not known) for the verb governing
    text[start:end]: "served about three years" is past, "will serve" and "a plea deal to
    serve about 7 years" are future, so the two are not one fact with two values."""
    found_at = _mention(text, start, end)
    if found_at is None or found_at[1].pos_ not in ("VERB", "AUX"):
        return None
    tok = found_at[1]
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _FUTURE_AUX for c in aux) or (
            tok.tag_ == "VB" and any(c.lower_ == "to" for c in aux)):
        return "future"
    if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return "past"
    return None


def subject(text: str, start: int, end: int) -> str | None:
    """The lemma of the noun doing the verb that governs text[start:end], when it is a plain
    noun or name ("Police killed the shooters Wednesday" → "police"); None for pronouns,
    relative pronouns and passives, where the doer is not named."""
    found_at = _mention(text, start, end)
    if found_at is None:
        return None
    tok = found_at[1]
    subj = None
    for _ in range(4):  # "shot three co-workers before killing herself": the doer is shared
        subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if subj is not None or tok.head is tok or tok.dep_ not in (
                "advcl", "xcomp", "pcomp", "conj", "prep"):
            break
        tok = tok.head
    if subj is None or subj.dep_ != "nsubj" or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    return subj.lemma_.lower()


def negated(text: str, start: int, end: int) -> bool:
    """The verb governing text[start:end] is negated: "16% have not been fully vaccinated"
    counts the others of "84% were fully vaccinated", not the same people."""
    found_at = _mention(text, start, end)
    if found_at is None or found_at[1].pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "neg" for c in found_at[1].children)


_CONDITIONS = frozenset({"if", "unless"})


def conditional(text: str, start: int, end: int) -> bool:
    """The verb governing text[start:end] holds only under a condition: "advises students to
    stay 6 feet apart, if cohorting is not possible" is not the rule "students can sit 3 feet
    apart" states, but the exception to it."""
    found_at = _mention(text, start, end)
    if found_at is None or found_at[1].pos_ not in ("VERB", "AUX"):
        return False
    tok = found_at[1]
    heads = [tok] + ([tok.head] if tok.dep_ in ("xcomp", "ccomp") else [])
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS
                                         for m in c.children)
               for h in heads for c in h.children)


_ROLES = {"in": "in", "at": "in", "inside": "in", "within": "in", "across": "in",
          "to": "to", "into": "to", "toward": "to", "towards": "to",
          "from": "from", "out": "from"}


def place_role(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The part a place plays for the verb it places, by its preposition, and that verb's
    lemma: "in" (lived in Quebec, lived with his wife in Ontario), "to" (defected to South
    Korea) or "from" (fled from North Korea). None when the phrase places a thing rather than a
    happening ("the most famous lion in Kenya died"), names no such role ("South Korea's
    government", "fled North Korea"), the verb is too light or of saying to tell happenings
    apart ("is in Canada", "said in Ottawa"), or its doers are many ("tourists were affected
    in North Carolina")."""
    span = _parse(text).char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in _ROLES:
        return None
    role = _ROLES[tok.head.lower_]
    head = tok.head.head
    # "lived with his wife in Ontario": through the object the phrase hangs on, to its verb
    for _ in range(2):
        if head.pos_ in ("VERB", "AUX") or head.dep_ not in ("pobj", "dobj"):
            break
        head = head.head.head if head.dep_ == "pobj" else head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    if lemma in LIGHT or lemma in SPEECH or not _one_doer(head):
        return None
    return role, lemma


_RELATIVE = frozenset({"who", "which", "that"})
_ONE = frozenset({"he", "she", "it"})


# Things that are one but spread over many places at once
_SPREAD = frozenset({"storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "flooding",
                     "fire", "wildfire", "blaze", "outbreak", "virus", "disease", "epidemic",
                     "pandemic", "quake", "earthquake", "drought", "heatwave", "snow", "rain",
                     "violence", "fighting", "war", "conflict", "campaign", "company", "chain",
                     "outage", "strike", "protest", "movement", "program", "programme",
                     "attack", "spill", "smoke", "cloud", "wind", "weather", "system"})


def _one_doer(verb: Any) -> bool:
    """The verb's subject is one person or thing ("he", "Katriuk", "the plane", "a beekeeper
    ... who"), which can only be in one place at a time; a group ("beach goers", "tourists and
    residents") may be spread over several."""
    for _ in range(3):  # "began arriving": the subject of the verb it hangs on
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head is verb:
            break
        verb = verb.head
    if subj is None:
        return False
    if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subj = verb.head  # "a beekeeper ... who lived in Quebec"
    if any(c.dep_ == "conj" for c in subj.children):
        return False
    if subj.lemma_.lower() in _SPREAD:
        return False  # "the storm killed 12 people in Texas" and 7 in Oklahoma
    return subj.lower_ in _ONE or subj.tag_ in ("NN", "NNP")


def of_saying(text: str, start: int, end: int) -> bool:
    """The mention is governed by a verb of saying: "said on Tuesday" dates the saying."""
    found_at = _mention(text, start, end)
    return found_at is not None and found_at[1].lemma_.lower() in SPEECH
