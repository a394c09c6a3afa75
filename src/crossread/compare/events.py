"""Event disputes: one report says a thing happened, another that it did not, or that the
opposite did.

"The driver was arrested at the scene" / "The driver was not arrested"; "pleaded guilty" /
"pleaded not guilty"; "won" / "lost", "survived" / "died" (_ANTONYMS). Both clauses must be the
same happening told of the same participants: one verb (the same lemma), in the past tense on
both sides (a present perfect "has not been charged" is the state when one report was written,
which a later "was charged" updates, not contradicts), with the same doer or the same one it was
done to, named (not a pronoun) and no participant that differs. Left out, as not a plain "did
not happen": a modal ("could not be reached"), "not yet", "not only", "not immediately", "not
necessarily"; verbs of saying or commenting ("did not respond to a request for comment"); a
negation restricted by a place or time the other side does not share ("was not arrested at the
scene" / "was arrested later at his home", "not arrested that night"); a clause in quotation
marks, a question, a condition or a party's side of a contest ("insisted that he didn't kill
her": relayed, not answered); and a report that tells both ("was not arrested. On Friday,
police arrested him"): that is a sequence, not a dispute. Reports of different dates are a
difference of detail: the later may update the earlier.

No label set found one of these (their event disputes are paraphrases: "refused to install" /
"uninstalled", "there is no investigation" / "are investigating"); on the 105 Multi-News dev
clusters, the 51 SemEval same-story pairs and the 44 ClaimDiff topics, none is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from crossread.compare.assemble import _dispute
from crossread.compare.mentions import Mention, _news_sentences
from crossread.compare.numbers import _update_note
from crossread.context import window
from crossread.model import Article, Dispute, Sentence
from crossread.predicates import LIGHT, SPEECH, _parse

# a sentence worth parsing for a denial: a past "did not", "was not", "were not" or a "never"
# (a present, perfect or modal negation is left out below in any case, and parsing every
# sentence with a "not" would cost more than the rest of the comparison together)
_NEGATION = re.compile(r"\b(?:did|was|were)\s*(?:not\b|n[’']t\b)|\bnever\b|\bnot\s+guilty\b",
                       re.IGNORECASE)
# Outcomes told by opposite verbs: a report that he won and one that he lost disagree
_ANTONYMS = frozenset(frozenset(p) for p in (
    ("win", "lose"), ("accept", "reject"), ("approve", "reject"), ("survive", "die"),
    ("convict", "acquit"), ("find_guilty", "acquit")))
_OUTCOMES = frozenset(k for p in _ANTONYMS for k in p)
_OUTCOME = re.compile(r"\b(?:won|lost|accepted|rejected|approved|survived|died|convicted|"
                      r"acquitted|found\b.{0,40}\bguilty)\b", re.IGNORECASE)
_OUTCOME_KEY = {"won": "win", "lost": "lose", "accepted": "accept", "rejected": "reject",
                "approved": "approve", "survived": "survive", "died": "die",
                "convicted": "convict", "acquitted": "acquit"}


def _outcome_keys(text: str) -> set[str]:
    return {_OUTCOME_KEY.get(m.group(0).lower().split()[0], "find_guilty")
            for m in _OUTCOME.finditer(text)}


def _live_outcomes(articles: Sequence[Article]) -> set[str]:
    """The outcomes one report tells and another tells the opposite of: only their sentences
    are worth parsing ("died" alone is in most stories; "died" and "survived" in few)."""
    told = [_outcome_keys(a.text) for a in articles]
    return {k for i, keys in enumerate(told) for k in keys
            if any(frozenset((k, o)) in _ANTONYMS for j, other in enumerate(told) if j != i
                   for o in other)}
# verbs whose denial is about the reporting, not the event
_COMMENT = frozenset({"comment", "respond", "return", "reply", "answer", "elaborate",
                      "disclose", "release", "identify", "name", "specify", "provide",
                      "reveal", "detail", "discuss", "address", "want", "need", "seem",
                      "appear", "mean", "expect", "plan", "try", "intend", "know", "say",
                      "immediately", "like", "wish", "bother", "care", "matter"})
_MODALS = frozenset({"can", "could", "would", "should", "might", "may", "must", "will",
                     "shall", "ca", "wo", "'d", "’d", "need", "dare", "ought"})
# words by the negation that make it something other than "it did not happen"
_NOT_PLAIN = frozenset({"yet", "only", "just", "immediately", "necessarily", "always",
                        "longer", "anymore", "initially", "first", "still", "even",
                        "entirely", "fully", "completely", "quite", "exactly", "merely",
                        "simply", "all", "much", "far", "until", "till"})
# on the affirmed side, a later time than the denial's ("was later arrested")
_LATER = frozenset({"later", "eventually", "subsequently", "afterwards", "afterward", "then",
                    "again", "finally", "since", "now", "ultimately"})
# a clause under one of these is a party's side of a contest ("insisted that Durst didn't kill
# her", "prosecutors allege he killed her"), which a report relays rather than answers
_CONTENTION = frozenset({"insist", "claim", "allege", "argue", "maintain", "contend", "deny",
                         "accuse", "charge", "plead", "testify", "assert", "believe", "suspect",
                         "think", "suggest", "speculate", "fear", "hope", "doubt"})
_SOME = frozenset({"some", "all", "any", "many", "most", "few", "several", "every", "each",
                   "both", "no", "more", "other", "another"})
_SUBJ = frozenset({"nsubj"})
_PASSIVE_SUBJ = frozenset({"nsubjpass"})
_OBJ = frozenset({"dobj"})


@dataclass(frozen=True)
class _Clause:
    article: int
    sentence: Sentence
    start: int  # offsets of the verb in the article
    end: int
    key: str  # the verb's lemma, with its adjective when it has one ("plead_guilty")
    doer: str | None  # head lemma of who did it (_UNKNOWN: a pronoun; None: not said)
    done_to: str | None  # head lemma of whom or what it was done to
    places: frozenset[str]  # where and when: objects of its prepositions, "that night"
    words: frozenset[str]  # lemmas of the whole sentence
    negated: bool
    told: str  # the clause as written: the verb's words, its participants' and what it governs
    verb_text: str  # the verb as written ("won")


_UNKNOWN = "?"


def _participant(tok: Any) -> str:
    """A named participant, or _UNKNOWN for a pronoun (whom it stands for is not known here)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return _UNKNOWN
    if tok.pos_ == "PROPN":
        # "Kim Jong-nam": the whole name, so two people sharing a surname stay apart
        parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return " ".join(t.lower_ for t in sorted([*parts, tok], key=lambda t: t.i))
    return tok.lemma_.lower()


def _past(verb: Any) -> bool:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _MODALS or c.tag_ == "MD" for c in aux):
        return False
    if any(c.lemma_.lower() == "have" for c in aux):
        return False  # "has not been charged": a state at the time of writing
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux)


def _in_quotes(s: Sentence, pos: int) -> bool:
    return any(q.start <= pos < q.end for q in s.quotes)


def _contested(verb: Any) -> bool:
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "conj", "xcomp") or tok.head is tok:
            return False
        tok = tok.head
        if tok.lemma_.lower() in _CONTENTION:
            return True
    return False


def _conditional(verb: Any) -> bool:
    for v in (verb, verb.head):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children):
            return True
    return False


def _complement(verb: Any) -> Any | None:
    """The adjective a verb's outcome is told by: "pleaded guilty", "found Smith not guilty"."""
    return next((c for c in verb.children if c.dep_ in ("acomp", "oprd", "ccomp")
                 and c.pos_ == "ADJ"), None)


def _clauses(a: Article, s: Sentence, *, negated: bool) -> Iterator[_Clause]:
    """The sentence's past-tense clauses of full verbs, negated or not, with their
    participants."""
    if s.text.rstrip().endswith("?"):
        return
    doc = _parse(s.text)
    words = frozenset(t.lemma_.lower() for t in doc if t.is_alpha)
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        adj = _complement(verb)
        # a light verb tells an outcome by its adjective ("found him guilty")
        if (lemma in LIGHT and adj is None) or lemma in SPEECH or lemma in _COMMENT \
                or not lemma.isalpha():
            continue
        key = f"{lemma}_{adj.lemma_.lower()}" if adj is not None else lemma
        neg = [c for c in (verb, *([adj] if adj is not None else [])) for c in c.children
               if c.dep_ == "neg"]
        if len(neg) > 1 or bool(neg) != negated:
            continue
        if not _past(verb) or _conditional(verb) or _contested(verb) or _in_quotes(
                s, s.start + verb.idx):
            continue
        near = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "neg", "preconj")}
        near |= {c.lower_ for n in neg for c in n.children}
        if near & _NOT_PLAIN or (not neg and near & _LATER):
            continue
        if neg and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            continue  # "was shot but not killed": the denial is set against its own clause
        if any(g.dep_ in ("nummod", "quantmod") or g.lower_ in _SOME
               for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
               for g in c.children):
            continue  # "did not vaccinate 160 nurses": a part, not the happening, denied
        doer = done_to = None
        for c in verb.children:
            if c.dep_ in _SUBJ:
                doer = _participant(c)
            elif c.dep_ in _PASSIVE_SUBJ or c.dep_ in _OBJ:
                done_to = _participant(c)
            elif c.dep_ == "agent":
                doer = next((_participant(g) for g in c.children if g.dep_ == "pobj"), None)
        if adj is not None and adj.dep_ == "ccomp":
            # "found Smith not guilty": Smith is whom the finding is about
            done_to = next((_participant(c) for c in adj.children if c.dep_ in _SUBJ), done_to)
        if doer in (None, _UNKNOWN) and done_to in (None, _UNKNOWN):
            continue
        # where and when it happened or not: "at the scene", "that night"
        places = frozenset(g.lemma_.lower() for c in verb.children
                           if c.dep_ == "prep" and c.lower_ != "by"
                           for g in c.children if g.dep_ == "pobj")
        places |= {c.lemma_.lower() for c in verb.children if c.dep_ in ("npadvmod", "tmod")}
        yield _Clause(a.index, s, s.start + verb.idx, s.start + verb.idx + len(verb.text),
                      key, doer, done_to, places, words, bool(neg), _told(verb), verb.lower_)


def _told(verb: Any) -> str:
    """The clause's own words: the verb's subtree less clauses and asides hung on it."""
    skip = {t.i for c in verb.children if c.dep_ in ("advcl", "conj", "cc", "ccomp", "parataxis",
                                                       "punct", "mark", "relcl")
            for t in c.subtree}
    toks = [t for t in verb.subtree if t.i not in skip]
    span = verb.doc[toks[0].i:toks[-1].i + 1]
    words = span.text.strip(" ,;:").split()
    return " ".join(words[:14]) + (" …" if len(words) > 14 else "")


def _same_participants(x: _Clause, y: _Clause, places: bool = True) -> bool:
    shared = 0
    for a, b in ((x.doer, y.doer), (x.done_to, y.done_to)):
        if a is not None and b is not None:
            if a != b or a == _UNKNOWN:
                return False
            shared += 1
    if not shared:
        return False
    if not places:
        return True
    if x.negated or y.negated:
        # "was not arrested at the scene": a denial restricted to a place or time the other
        # report does not name is no denial of what it says
        no, other = (x, y) if x.negated else (y, x)
        return no.places <= other.words
    return x.places <= y.words and y.places <= x.words


def _opposed(x: _Clause, y: _Clause) -> bool:
    """The two tell opposite outcomes of one happening: one denies what the other tells, or
    they tell opposite verbs ("won" / "lost")."""
    if x.key == y.key:
        opposite = x.negated != y.negated
    else:
        opposite = not x.negated and not y.negated and frozenset((x.key, y.key)) in _ANTONYMS
    return opposite and _same_participants(x, y)


def _alike(x: _Clause, y: _Clause) -> bool:
    return x.key == y.key and x.negated == y.negated and _same_participants(x, y, places=False)


def _told_both(clauses: Sequence[_Clause], c: _Clause) -> bool:
    return any(x.article == c.article and _opposed(x, c) for x in clauses)


def event_disputes(articles: Sequence[Article]) -> list[Dispute]:
    """One report says a thing happened, another that it did not or that the opposite did."""
    found, sentences = [], []
    live = _live_outcomes(articles)
    told: set[tuple[int, int]] = set()  # sentences whose affirmed clauses are all in `found`
    for a in articles:
        for s in _news_sentences(a):
            sentences.append((a, s))
            if _NEGATION.search(s.text):
                found += _clauses(a, s, negated=True)
            elif live and _outcome_keys(s.text) & live:
                found += _clauses(a, s, negated=False)
                told.add((a.index, s.start))
    if not found:
        return []
    # the affirmed side of a denial: only sentences naming one of its participants are parsed
    keys = {k.split()[-1] for c in found if c.negated
            for k in (c.doer, c.done_to) if k and k != _UNKNOWN}
    if keys:
        key_rx = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, keys))) + r")",
                            re.IGNORECASE)
        found += [c for a, s in sentences if (a.index, s.start) not in told
                  and key_rx.search(s.text)
                  for c in _clauses(a, s, negated=False)]
    published = {a.index: a.published for a in articles}
    out = []
    used: set[tuple[int, int]] = set()
    for i, x in enumerate(found):
        for y in found[i + 1:]:
            if x.article == y.article or not _opposed(x, y):
                continue
            if (x.start, x.article) in used or (y.start, y.article) in used:
                continue
            if _told_both(found, x) or _told_both(found, y):
                continue  # "was not arrested. On Friday, police arrested him": a sequence
            first, second = (y, x) if x.negated else (x, y)
            sides = [[c for c in found if _alike(c, first)],
                     [c for c in found if _alike(c, second)]]
            if {c.article for c in sides[0]} & {c.article for c in sides[1]}:
                continue
            used |= {(c.start, c.article) for side in sides for c in side}
            mentions = [[_mention(c) for c in side] for side in sides]
            if first.key == second.key:
                question = f"Did this happen: “{first.told}”?"
                values = ["yes", "no"]
            else:
                question = f"Which happened: “{first.told}” or “{second.told}”?"
                values = [first.verb_text, second.verb_text]
            note = _update_note(mentions, published)
            out.append(_dispute("event", question, mentions, articles, values=values,
                                detail_only=note is not None, note=note))
    return out


def _mention(c: _Clause) -> Mention:
    s = c.sentence
    return Mention(c.article, s, c.start, c.end, s.text[c.start - s.start:c.end - s.start],
                   tuple(window(s.text, c.start - s.start, c.end - s.start)))
