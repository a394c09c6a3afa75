"""A title from one source sentence: its main statement, cut on the parse, not at a comma.

Cutting a sentence at its first comma made titles of fronted phrases ("At his desk at the
National Weather Service office in Slidell") and of appositions ("Silva, a musician in the band
the Eeries"). Here the sentence is parsed (spaCy's parser, the one `predicates` uses) and its main
clause kept the way a sub-editor trims a lead (after Dorr et al.'s "Hedge Trimmer", 2003): "X
said (that) Y" gives Y; phrases before the subject, appositions, parentheses, a comma's relative
clause, subordinate and second clauses go; then trailing prepositional phrases, rightmost first,
until the title is short. Every word kept is the source's, in the source's order. A sentence
whose subject is a pronoun ("He was arrested") or that is not a statement gives no title.
"""

from __future__ import annotations

import re
from typing import Any

from crossread.predicates import SPEECH, _parse

MAX_WORDS = 14
MIN_WORDS = 4
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# children of the main verb that are a statement of their own or a circumstance of it
_SIDE = frozenset({"advcl", "parataxis", "cc", "conj", "mark", "intj", "dep", "meta", "punct",
                   "discourse", "preconj"})
# "CAIRO —", "WASHINGTON (Reuters) -", "KUALA LUMPUR, Malaysia (AP) —": a dateline is not part
# of the statement (a place in capitals, at least three in a row: "US - China talks" is none)
DATELINE = re.compile(r"^(?=[^—–-]*[A-Z]{3})[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][\w.'’ -]{1,30}?)?"
                      r"(?:\s*\([^)]{1,40}\))?\s*[—–-]+\s*")
# an interview's "Q." / "A.", and the writer or a speaker in the first person
_NOT_A_TITLE = re.compile(r"^[QA]\.\s|\b(?:I|we|We|our|Our|us|my|My|me)\b")
# a title cannot end on a word that needs what was cut after it ("A new study suggests")
_DANGLING = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART"})
_NEEDS_COMPLEMENT = frozenset({"VERB", "AUX", "ADV", "PRON"})
_QUOTES = "\"“”"
_CUTTABLE = frozenset({"prep", "acl", "relcl", "advcl", "npadvmod", "conj", "xcomp", "agent"})


def headline(text: str) -> str | None:
    """The main statement of `text` in at most MAX_WORDS of its own words, or None."""
    text = DATELINE.sub("", text.strip())
    if not text or _NOT_A_TITLE.search(text):
        return None
    doc = _parse(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    root = _statement(roots[0])
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.pos_ == "PRON":
        return None  # no subject, or one the reader cannot place without the sentence before
    keep = {t.i for t in root.subtree}
    # "was shot and wounded by his own troops": a second verb without a subject of its own,
    # joined by a plain "and", says more of the same statement, not a second one, and stays
    # (trimmed later if long). Not in a list of three ("take steps ..., address ... and
    # educate ..."), nor after a copula, where the parser often hangs the speaker's second
    # verb ("said that Obama is a candidate and praised Perry")
    shares = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"
              and not any(g.dep_ in _SUBJECTS for g in c.children)]
    if len(shares) != 1 or root.pos_ != "VERB" or \
            doc[min(x.i for x in shares[0].subtree) - 1].dep_ != "cc":
        shares = []
    for c in root.children:
        if c in shares or (shares and c.dep_ == "cc" and c.i < shares[0].i):
            continue
        if c.dep_ in _SIDE or (c.i < subject.i and c.dep_ not in _SUBJECTS
                               and c.dep_ not in ("aux", "auxpass", "neg")):
            keep -= {t.i for t in c.subtree}
    for t in doc:
        if t.i in keep and (_set_off(t) or t.lower_ == "according"):
            keep -= {x.i for x in t.subtree}
    keep -= _parenthesised(doc)
    while len(_words(doc, keep)) > MAX_WORDS or _dangling(doc, keep):
        cut = _last_phrase(doc, keep, root)
        if cut is None:
            return None
        keep -= {x.i for x in cut.subtree}
        if cut.dep_ == "conj":  # "declared ... and began ...": its "and" goes with it
            keep -= {c.i for c in cut.head.children if c.dep_ == "cc" and c.i < cut.i}
    out = _join(doc, keep)
    if len(out.split()) < MIN_WORDS or out.count('"') % 2 or out.count("“") != out.count("”"):
        return None
    return out[:1].upper() + out[1:]


def _statement(root: Any) -> Any | None:
    """The verb of the statement: the root, or what a verb of saying says ("Police said the
    LAPD declared ..." → declared). None when the sentence has no verb at its head."""
    if root.lemma_.lower() in SPEECH:
        said = [c for c in root.children if c.dep_ == "ccomp"
                and any(g.dep_ in _SUBJECTS for g in c.children)]
        if not said:
            return None  # '"...," he said': the statement is a quotation
        root = said[0]
    return root if root.pos_ in ("VERB", "AUX") else None


def _set_off(t: Any) -> bool:
    """An apposition, relative or participle clause set off by a comma ("Silva, a musician in
    the band, ...", "the lion, which escaped ..."); "the group Compassion Over Killing" keeps
    its name."""
    if t.dep_ not in ("appos", "relcl", "acl"):
        return False
    first = min(x.i for x in t.subtree)
    return first > 0 and t.doc[first - 1].text == ","


def _parenthesised(doc: Any) -> set[int]:
    out: set[int] = set()
    depth = 0
    for t in doc:
        if t.text == "(":
            depth += 1
        if depth:
            out.add(t.i)
        if t.text == ")" and depth:
            depth -= 1
    return out


def _last_phrase(doc: Any, keep: set[int], root: Any) -> Any | None:
    """The innermost prepositional phrase or clause after the verb that holds the last word
    still kept: what to cut next when the title is too long, or ends on a word that needed what
    was cut ("... for some" once "of the Navajo code talkers" went). The subject stays whole."""
    if not keep:
        return None
    last = max(keep)
    for t in sorted((doc[i] for i in keep if i > root.i), key=lambda x: -x.i):
        if t.dep_ in _CUTTABLE and t.head.i in keep and last in {x.i for x in t.subtree}:
            return t
    return None


def _dangling(doc: Any, keep: set[int]) -> bool:
    """The title would end on a word that needs what follows it: a preposition, determiner or
    conjunction, or a verb, adverb or pronoun whose complement was cut ("A new study
    suggests", "for some", "as far back"); "a job to do" and "a day away" end well."""
    last = max((i for i in keep if not doc[i].is_punct), default=None)
    if last is None:
        return True
    t = doc[last]
    return t.pos_ in _DANGLING or (
        t.pos_ in _NEEDS_COMPLEMENT and any(c.i not in keep for c in t.children))


def _words(doc: Any, keep: set[int]) -> list[str]:
    return [doc[i].text for i in sorted(keep) if not doc[i].is_punct]


def _join(doc: Any, keep: set[int]) -> str:
    """The kept tokens with the source's spacing; a comma or dash only where both its
    neighbours are kept, and no punctuation left dangling at the end."""
    kept = [i for i in sorted(keep) if not (
        doc[i].is_punct and doc[i].text not in _QUOTES + "'’%$"
        and not (i - 1 in keep and i + 1 in keep))]
    parts: list[str] = []
    for k, i in enumerate(kept):
        parts.append(doc[i].text)
        if k + 1 < len(kept):
            # the source's spacing between neighbours; a space where words were cut between
            parts.append(doc[i].whitespace_ if kept[k + 1] == i + 1 else " ")
    out = "".join(parts).strip()
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    return out.rstrip(" ,;:.—–-")
