"""Whom a sentence's opening "He"/"She", or its quotation with no speaker, refers to.

A summary sentence is read without the sentences around it, so "He apologised at his
sentencing." or "“Nobody is coming to save us.”" says nothing on its own. Where the sentence's
own article makes the reference plain, the summary shows it in brackets ("He [Dzhokhar
Tsarnaev] apologised ...", "[Elena Herrada]: “Nobody is coming ...”"), citing the name's span;
where it does not, the sentence stays out of the summary. A wrong name would state something no
source said, so only the plainest cases are resolved:

- "He"/"She": the sentence before names exactly one person (by surname), as the subject it opens
  with ("Former Gov. Jan Smith, 62, said ..."), not in a possessive ("Smith's wife") or a pair
  ("Smith and his wife"); no other person of the pronoun's sex is mentioned there ("the
  woman", "her husband"); and the article never gives that surname a title of the other sex
  ("Ms. Smith" for a "He").
- "..., he said": the sentence names nobody else outside its quotation, and the "he" is plain as
  above; when it is not, the sentence stays out (`unnamed_speaker`).
- a quotation: it continues a quotation, in the sentence just before (or one more before, when
  that one continues it too), that names its speaker ('..., Hardy said.'), or credits "he"/"she"
  resolved as above.

The name shown is the full name the article introduced that person with ("Jim Green" for a later
"Green"), when its first mention of the surname is that one full name.
"""

from __future__ import annotations

import re

from crossread.compare.speakers import people, surname
from crossread.model import Article, Referent, Sentence

_OPENING = re.compile(r"(?P<p>He|She)\b")
# what may stand before the subject's name, after at most one opening phrase closed by a comma
# ("On Monday, ..."): titles and roles ("Former Sen.", "Harbour master"), but no word that puts
# the name in another clause or after a verb ("The mother of", "Police said the man ...",
# "The judge sentenced")
_BEFORE_SUBJECT = re.compile(r"^(?:[^,]{0,80},\s+)?(?:[\w.'’-]+\s+){0,6}$")
# an opening phrase: a time, place or circumstance ("On Monday,", "Speaking to ABC,")
_INTRO = re.compile(
    r"^[\"“'‘]?(?:on|in|at|after|as|when|while|during|since|like|following|before|despite|with|"
    r"without|unlike|by|from|earlier|later|last|this|today|yesterday|now|meanwhile|however|"
    r"still|then|also|[a-z]+ing)\b", re.IGNORECASE)
_NOT_BEFORE_SUBJECT = frozenset(
    "of for with by to from at in on into about against after before as than or and but that "
    "who which when while where because since if whose whom according said says say told tells "
    "is was were are be been has have had met saw asked called named shot killed hit".split())
# a name followed by one of these is not the subject: "Smith's wife", "Smith and his wife"
_NOT_ALONE = re.compile(r"^(?:['’]s?\b|\s+(?:and|&)\s)")
_PERSON_NOUNS = {
    "He": frozenset("man boy father husband son brother grandfather uncle nephew king prince "
                    "boyfriend widower groom dad".split()),
    "She": frozenset("woman girl mother wife daughter sister grandmother aunt niece queen "
                     "princess girlfriend widow bride mom mum actress".split()),
}
_SAME_SEX_PRONOUNS = {"He": frozenset({"he", "his", "him"}),
                      "She": frozenset({"she", "her", "hers"})}
_SAY_VERBS = (r"said|says|say|told|tells|added|adds|explained|explains|wrote|writes|stated|"
              r"announced|noted|insisted|argued|claimed|warned|testified|recalled|described|"
              r"continued|asked|answered|replied|admitted|acknowledged|according")
_SAYS = re.compile(rf"\b(?:{_SAY_VERBS})\b", re.IGNORECASE)
# what follows an opening "He" when he is the speaker: "He said", "He also told", "She later wrote"
_SPEAKS = re.compile(rf"\s+(?:(?:also|later|then|further|again|\w+ly)\s+)?(?:{_SAY_VERBS})\b")
_OTHER_SEX_TITLES = {
    "He": re.compile(r"\b(?:Ms|Mrs|Miss|Dame|Lady)\.?\s+$"),
    "She": re.compile(r"\b(?:Mr|Sir|Lord)\.?\s+$"),
}
_WORDS = re.compile(r"[a-z]+")
_POSSESSOR = re.compile(r"^.*['’]s\s+(?=[A-Z])")
# a quotation that continues over several sentences is credited once; look back this far
_QUOTE_LOOKBACK = 2
_BARE_SPEAKERS = frozenset({"he", "she", "they"})
MOSTLY_QUOTED = 0.7
_NOT_NAMES = frozenset("it they we i you this that these those who".split())
_SPEAKER_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")


def quoted_share(s: Sentence, start: int) -> float:
    """Share of a sentence's characters (from `start`) inside quotation marks."""
    inside = sum(max(0, min(q.end, s.end) - max(q.start, start)) for q in s.quotes)
    return inside / max(1, s.end - start)


def opening_pronoun(text: str) -> str | None:
    """ "He" or "She" when a sentence opens with it."""
    m = _OPENING.match(text)
    return m.group("p") if m else None


def pronoun_referent(a: Article, s: Sentence, start: int) -> Referent | None:
    """The person the "He"/"She" opening sentence `s` at `start` (past any trimmed connective)
    refers to, or None when that is not plain."""
    pronoun = opening_pronoun(a.text[start:s.end])
    if pronoun is None:
        return None
    speech = bool(_SPEAKS.match(a.text, start + len(pronoun), s.end))
    found = _person_before(a, s.index, pronoun, speech=speech)
    return None if found is None else _referent(a, s.index, "pronoun", *found,
                                                at=start + len(pronoun))


def attribution_referent(a: Article, s: Sentence, start: int) -> Referent | None:
    """The person a quotation's '..., he said' (or 'she told ...') in `s`, after `start`,
    refers to, or None when that is not plain or the attribution names someone."""
    if len(s.attribution) != 1 or _named_people(a, s):
        return None
    att = s.attribution[0]
    pronoun = att.source.strip()
    if pronoun not in ("he", "she") or att.start < start:
        return None
    m = re.compile(rf"\b{pronoun}\b").search(a.text, att.start, att.end)
    found = _person_before(a, s.index, pronoun.capitalize(), speech=True)
    if m is None or found is None:
        return None
    return _referent(a, s.index, "pronoun", *found, at=m.end())


def unnamed_speaker(a: Article, s: Sentence, start: int) -> bool:
    """Whether `s` (shown from `start`) credits what it says only to a bare "he", "she" or
    "they" ('"...," he said.') and names nobody outside its quotation: read alone, nobody can
    tell who speaks. `attribution_referent` names the speaker where the article makes it plain;
    otherwise such a sentence needs the one before it."""
    atts = [t for t in s.attribution if t.start >= start]
    return (bool(atts) and all(t.source.strip().lower() in _BARE_SPEAKERS for t in atts)
            and not _named_people(a, s))


def speaker_referent(a: Article, s: Sentence, start: int) -> Referent | None:
    """The named speaker of the quotation that sentence `s`, shown from `start` (past any
    trimmed connective), continues, or None when none is plain."""
    if _named_people(a, s):
        return None  # 'Ince called him "the kindest boy"': its own person, not a continuation
    for j in range(s.index - 1, max(-1, s.index - 1 - _QUOTE_LOOKBACK), -1):
        before = a.sentences[j]
        if not before.quotes:
            return None
        if before.attribution:
            found = _credited(a, before)
            return None if found is None else _referent(a, s.index, "speaker", *found,
                                                        at=start)
        if quoted_share(before, before.start) <= MOSTLY_QUOTED:
            return None  # the writer's own sentence in between: the quotation ended there
    return None


def _credited(a: Article, s: Sentence) -> tuple[str, int] | None:
    """(name, offset) of the one speaker a quotation sentence names in its attribution."""
    if len(s.attribution) != 1:
        return None
    att = s.attribution[0]
    source = att.source.strip()
    named = _named_people(a, s)
    if source in ("he", "she", "He", "She"):
        return None if named else _person_before(a, s.index, source.capitalize(), speech=True)
    if not _SPEAKER_NAME.match(source) or source.lower() in _NOT_NAMES:
        return None
    # anyone else named outside the quotation ("Jane Doe, a vice president of Tyson Foods,
    # said"; "said Spears flack Jeff Raymond") may be the speaker as well
    if any(surname(n) != surname(source) for n in named):
        return None
    at = a.text.find(source, att.start, att.end)
    return (source, at) if at >= 0 else None


def _person_before(a: Article, index: int, pronoun: str, *,
                   speech: bool) -> tuple[str, int] | None:
    """(name, offset) of the one person the sentence before `index` opens with as its subject,
    if a "He"/"She" there can only mean them. `speech`: the pronoun is the speaker of its
    sentence ("He said ...", "..., she told ...")."""
    if index == 0:
        return None
    prev = a.sentences[index - 1]
    names = _named_people(a, prev) | people(prev)
    if len({surname(n) for n in names}) != 1:
        return None
    at = min((i for n in names if (i := prev.text.find(n)) >= 0), default=-1)
    if at < 0:
        return None
    name = next(n for n in sorted(names, key=len, reverse=True) if prev.text.startswith(n, at))
    if not _subject_prefix(prev.text[:at]) or _NOT_ALONE.match(prev.text[at + len(name):]):
        return None
    rest = prev.text[:at] + " " + prev.text[at + len(name):]
    if _PERSON_NOUNS[pronoun] & set(_WORDS.findall(rest.lower())):
        return None  # "Sheriff Gahler said the woman ..." and then "She ...": not the sheriff
    if _SAME_SEX_PRONOUNS[pronoun] & set(_WORDS.findall(prev.text[:at].lower())):
        return None  # "..., his attorney Dick DeGuerin said": "his" is someone else
    if not speech and _SAYS.search(prev.text, at + len(name)):
        # "Lt. Corina said the suspect ran away." "He ran into the store ...": the "he" of a
        # sentence that reports what was said may be anyone in the report; only the next
        # thing the speaker says ("He said ...") is plainly theirs
        return None
    last = re.escape(name.split()[-1])
    titles = _OTHER_SEX_TITLES[pronoun]
    if any(titles.search(a.text[max(0, m.start() - 6):m.start()])
           for m in re.finditer(rf"\b{last}\b", a.text)):
        return None
    return name, prev.start + at


def _subject_prefix(text: str) -> bool:
    """Whether `text` can stand before a sentence's subject."""
    if not _BEFORE_SUBJECT.match(text):
        return False
    comma = text.rfind(",")
    if comma >= 0 and not _INTRO.match(text):
        return False  # "Durst could move ..., his attorney Dick DeGuerin said": another clause
    words = _WORDS.findall(text[comma + 1:].lower())
    return not any(w in _NOT_BEFORE_SUBJECT or w.endswith("ed") for w in words)


def _named_people(a: Article, s: Sentence) -> set[str]:
    """People a sentence names outside its quotations: spaCy's PERSON, and names the tagger
    calls something else in this sentence but a person elsewhere in the article ("Durst")."""
    persons = {surname(e.text) for x in a.sentences for e in x.entities if e.label == "PERSON"}
    return {e.text for e in s.entities
            if (e.label == "PERSON" or surname(e.text) in persons)
            and not any(q.start <= e.start < q.end for q in s.quotes)}


def _referent(a: Article, index: int, kind: str, name: str, found: int, *, at: int) -> Referent:
    """The name at `found`, or the fuller name the article introduced that person with, shown
    at `at`."""
    bare = _POSSESSOR.sub("", name)  # "North Carolina’s Perdue" → "Perdue"
    found, name = found + len(name) - len(bare), bare
    sur, words = surname(name), name.split()
    mentions = [e for x in a.sentences[: index + 1] for e in x.entities
                if e.label == "PERSON" and surname(e.text) == sur]
    fuller = {e.text for e in mentions if len(e.text.split()) > len(words)
              and e.text.split()[-len(words):] == words and not _POSSESSOR.match(e.text)}
    # news names a person in full first and by surname after; a bare "Trump" that comes first,
    # or two full names ("Donald Trump", "Melania Trump"), leave the surname as it is
    if len(fuller) == 1 and mentions and mentions[0].text in fuller:
        e = mentions[0]
        return Referent(kind, e.text, e.start, e.end, at)
    return Referent(kind, name, found, found + len(name), at)
