"""Event disputes: one report says a thing happened, another that it did not.

"The driver was arrested at the scene" / "The driver was not arrested". Both clauses must be the
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
police arrested him"): that is a sequence, not a dispute.

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
from crossread.context import window
from crossread.model import Article, Dispute, Sentence
from crossread.predicates import LIGHT, SPEECH, _parse

# a sentence worth parsing for a denial: a past "did not", "was not", "were not" or a "never"
# (a present, perfect or modal negation is left out below in any case, and parsing every
# sentence with a "not" would cost more than the rest of the comparison together)
_NEGATION = re.compile(r"\b(?:did|was|were)\s*(?:not\b|n[’']t\b)|\bnever\b", re.IGNORECASE)
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
    verb: str  # lemma
    doer: str | None  # head lemma of who did it (_UNKNOWN: a pronoun; None: not said)
    done_to: str | None  # head lemma of whom or what it was done to
    places: frozenset[str]  # where and when: objects of its prepositions, "that night"
    words: frozenset[str]  # lemmas of the whole sentence
    negated: bool
    told: str  # the clause as written: the verb's words, its participants' and what it governs


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
        if lemma in LIGHT or lemma in SPEECH or lemma in _COMMENT or not lemma.isalpha():
            continue
        neg = [c for c in verb.children if c.dep_ == "neg"]
        if bool(neg) != negated or len(neg) > 1:
            continue
        if not _past(verb) or _conditional(verb) or _contested(verb) or _in_quotes(
                s, s.start + verb.idx):
            continue
        near = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "neg", "preconj")}
        near |= {c.lower_ for n in neg for c in n.children}
        if near & _NOT_PLAIN or (not negated and near & _LATER):
            continue
        if negated and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
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
        if doer in (None, _UNKNOWN) and done_to in (None, _UNKNOWN):
            continue
        # where and when it did not happen: "at the scene", "that night"
        places = frozenset(g.lemma_.lower() for c in verb.children
                           if c.dep_ == "prep" and c.lower_ != "by"
                           for g in c.children if g.dep_ == "pobj")
        places |= {c.lemma_.lower() for c in verb.children if c.dep_ in ("npadvmod", "tmod")}
        yield _Clause(a.index, s, s.start + verb.idx, s.start + verb.idx + len(verb.text),
                      lemma, doer, done_to, places, words, negated, _told(verb))


def _told(verb: Any) -> str:
    """The clause's own words: the verb's subtree less clauses and asides hung on it."""
    skip = {t.i for c in verb.children if c.dep_ in ("advcl", "conj", "cc", "ccomp", "parataxis",
                                                       "punct", "mark", "relcl")
            for t in c.subtree}
    toks = [t for t in verb.subtree if t.i not in skip]
    span = verb.doc[toks[0].i:toks[-1].i + 1]
    words = span.text.strip(" ,;:").split()
    return " ".join(words[:14]) + (" …" if len(words) > 14 else "")


def _same_happening(no: _Clause, yes: _Clause) -> bool:
    if no.verb != yes.verb:
        return False
    shared = 0
    for x, y in ((no.doer, yes.doer), (no.done_to, yes.done_to)):
        if x is not None and y is not None:
            if x != y or x == _UNKNOWN:
                return False
            shared += 1
    if not shared:
        return False
    # "was not arrested at the scene": a denial restricted to a place or time the other
    # report does not name is no denial of what it says
    return no.places <= yes.words


def _told_both(clauses: Sequence[_Clause], c: _Clause) -> bool:
    return any(x.article == c.article and x.negated != c.negated and _same_happening(
        *((x, c) if x.negated else (c, x))) for x in clauses)


def event_disputes(articles: Sequence[Article]) -> list[Dispute]:
    """One report says a thing happened, another that it did not."""
    denials, sentences = [], []
    for a in articles:
        for s in _news_sentences(a):
            sentences.append((a, s))
            if _NEGATION.search(s.text):
                denials += _clauses(a, s, negated=True)
    if not denials:
        return []
    # only sentences naming a participant of a denial are parsed for the affirmed clause
    keys = {k.split()[-1] for c in denials for k in (c.doer, c.done_to) if k and k != _UNKNOWN}
    key_rx = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, keys))) + r")", re.IGNORECASE)
    claims = [c for a, s in sentences if key_rx.search(s.text)
              for c in _clauses(a, s, negated=False)]
    everything = denials + claims
    out = []
    used: set[tuple[int, int]] = set()
    for no in denials:
        yes_side = [y for y in claims if y.article != no.article and _same_happening(no, y)]
        if not yes_side or _told_both(everything, no):
            continue
        yes_side = [y for y in yes_side if not _told_both(everything, y)]
        if not yes_side or (no.article, no.start) in used:
            continue
        no_side = [n for n in denials if n.article not in {y.article for y in yes_side}
                   and (n is no or _same_happening(n, yes_side[0]))]
        used |= {(n.article, n.start) for n in no_side}
        sides = [[_mention(y) for y in yes_side], [_mention(n) for n in no_side]]
        question = f"Did this happen: “{yes_side[0].told}”?"
        out.append(_dispute("event", question, sides, articles, values=["yes", "no"]))
    return out


def _mention(c: _Clause) -> Mention:
    s = c.sentence
    return Mention(c.article, s, c.start, c.end, s.text[c.start - s.start:c.end - s.start],
                   tuple(window(s.text, c.start - s.start, c.end - s.start)))
