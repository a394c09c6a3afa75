"""Who says it, how sure, and whose voice: attribution, hedges, quotes and editorial signals.

Editorial signals are only counted in the writer's own voice: text inside quotation marks is the
speaker's, so "we had to crawl" in a quoted official is not the outlet's first person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from crossread.model import Attribution, Marker, Quote, Signal


@cache
def lexicon(name: str) -> tuple[str, ...]:
    text = resources.files("crossread.analyse").joinpath("lexicons", f"{name}.txt").read_text(
        encoding="utf-8"
    )
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def _lexicon_re(name: str) -> re.Pattern[str]:
    terms = sorted(lexicon(name), key=len, reverse=True)  # longest first: "rather dramatically"
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]") for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


# --- quotes -------------------------------------------------------------------------------------

_QUOTE_PAIRS = re.compile(r"“[^“”]{1,2000}”|\"[^\"]{1,2000}\"|«[^«»]{1,2000}»")


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted passages in a block (absolute spans, quote marks included). Runs per block, since
    one quotation often spans several sentences. An unclosed opening quote runs to the block end
    (news style reopens quotes on each paragraph of a long quotation)."""
    block = text[start:end]
    spans = [(start + m.start(), start + m.end()) for m in _QUOTE_PAIRS.finditer(block)]
    opened = block.rfind("“")
    if opened >= 0 and block.find("”", opened) < 0 and not any(
        a <= start + opened < b for a, b in spans
    ):
        spans.append((start + opened, end))
    return sorted(spans)


def quotes_in(sentence: str, base: int, spans: Sequence[tuple[int, int]]) -> list[Quote]:
    out = []
    end = base + len(sentence)
    for a, b in spans:
        s, e = max(a, base), min(b, end)
        if s >= e:
            continue
        inner = sentence[s - base:e - base].strip("“”\"«» ")
        if len(inner.split()) < 1 or not re.search(r"\w", inner):
            continue
        off = sentence.find(inner, s - base)
        out.append(Quote(inner, base + off, base + off + len(inner)))
    return out


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


# --- attribution --------------------------------------------------------------------------------

_ROLES = frozenset(
    "official officials spokesman spokeswoman spokesperson spokespeople police authorities doctor "
    "doctors surgeon minister ministry source sources witness witnesses lawyer lawyers attorney "
    "president agency report reports statement researchers scientists experts analysts residents "
    "neighbor neighbors neighbour neighbours officer officers investigators prosecutors "
    "government military army paper newspaper study survey aide aides staff media lawmakers "
    "spokesmen representative representatives leader leaders director chief analyst expert "
    "researcher scientist resident prosecutor investigator group officials authority "
    "company firm operator hospital court judge coroner union".split()
)
_MODIFIERS = frozenset(
    "military senior local foreign former top state federal defense defence security police "
    "medical government health hospital company campaign white house news other unnamed "
    "anonymous two three several some many".split()
)
_PRONOUNS = frozenset("he she they it".split())
_DETERMINERS = frozenset("the a an his her their its".split())
# Capitalised only because they open the sentence: never the head of a source phrase.
_FUNCTION_WORDS = frozenset(
    "as but and if when while because although though since after before once so then also "
    "however in on at for to from with by this that these those there here what who it".split()
)
_PREPOSITIONS = frozenset("with to from by of at in on for about than".split())
_CONNECTORS = frozenset("of the and for".split())
_WORD = re.compile(r"[\w.'’&-]+|[^\w\s]")
_VERBS = "|".join(lexicon("attribution_verbs"))
_VERB_RE = re.compile(rf"\b(?P<cue>{_VERBS})\b")


def _source_before(sentence: str, verb_at: int) -> int | None:
    """Start of the source phrase ending right before a reporting verb, walking back word by
    word: 'the South Korean Ministry of Defense official | told'."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(sentence, 0, verb_at)]
    i = len(words) - 1
    while i >= 0 and (words[i][2].lower().endswith("ly") or words[i][2] in ("also", "later")):
        i -= 1  # "Suh Uk reportedly told"
    if i >= 0 and words[i][2] == ",":
        i -= 1  # "A doctor at the hospital, Lee Guk-jong, confirmed": take the appositive name
    start: int | None = None
    seen_head = False
    while i >= 0:
        s, _e, w = words[i]
        low = w.lower()
        if not seen_head:
            if low in _PRONOUNS:
                return s
            if low in _DETERMINERS or low in _FUNCTION_WORDS:
                return None
            if w[:1].isupper() or low in _ROLES:
                start, seen_head = s, True
                i -= 1
                continue
            return None
        if w[:1].isupper() and low not in _DETERMINERS:
            start = s
        elif low in _DETERMINERS:
            return s
        elif low in _CONNECTORS or low in _MODIFIERS or low in _ROLES:
            start = s if low not in _CONNECTORS else start
        elif w.isalpha() and w.islower() and i > 0 and words[i - 1][2].lower() in _DETERMINERS:
            start = s  # "the port authority", "a company spokesperson": one noun modifier
        else:
            break
        i -= 1
    if start is None:
        return None
    if i >= 0 and words[i][2].lower() in _PREPOSITIONS and words[i][2].islower():
        return None  # "spoke with CBS added": CBS is an object, not the speaker
    # never start on a connector: "of Defense official" → "Defense official"
    return start


_ACCORDING = re.compile(
    r"\b(?P<cue>(?i:according to|as (?:noted|reported|told|quoted) (?:by|to)|as noted by|"
    r"reports from|citing|quoted by|confirmed with|told))\s+"
    r"(?P<src>(?:the\s+)?(?:[A-Z][\w.'’&-]*|U\.S\.)(?:\s+(?:of\s+|the\s+|and\s+)?"
    r"(?:[A-Z][\w.'’&-]*))*(?:\s+(?:government|officials|military|police|authorities|"
    r"ministry|media|sources|newspaper|paper))?|(?:the|a|an|one|two|several)\s+(?:\w+\s+){0,3}?"
    r"(?:media|press|reporters|lawmakers|officials?|paper|newspaper|agency|station|network|"
    r"spokesperson|spokesman|spokeswoman|sources?|statement|police|authorit(?:y|ies)|"
    r"witness(?:es)?|report|study|survey|ministry|doctors?|lawyers?))"
)
_VERB_SRC = re.compile(
    rf"(?:[,”\"]\s*|^)(?P<cue>{_VERBS})\s+(?P<src>(?:the\s+|a\s+)?(?:[A-Z][\w.'’&-]*"
    rf"(?:\s+[A-Z][\w.'’&-]*)*|(?:\w+\s+){{0,3}}?(?:official|spokesman|spokeswoman|"
    rf"spokesperson|police|minister|doctor|statement)))"
)
_PRONOUN_ONLY = re.compile(r"(?i)(?:he|she|they|it|we|i)$")
_LEAD_TRIM = re.compile(r"^(?:and|but|as|that|which|while|who|when|so)\s+", re.IGNORECASE)


def attributions(sentence: str, base: int, quotes: Sequence[tuple[int, int]]) -> list[Attribution]:
    out: list[Attribution] = []
    taken: list[tuple[int, int]] = []
    for m in _VERB_RE.finditer(sentence):
        if _inside(base + m.start(), quotes):
            continue
        src_at = _source_before(sentence, m.start())
        if src_at is None:
            continue
        src = sentence[src_at:m.start()].strip().rstrip(",")
        src = re.sub(r"(?:,|\s+(?:also|later|\w+ly))+$", "", src).strip()
        s, e = src_at, m.end()
        if not src or any(s < b and a < e for a, b in taken):
            continue
        out.append(Attribution(sentence[s:e], src, m.group("cue").lower(), base + s, base + e))
        taken.append((s, e))
    for rx in (_ACCORDING, _VERB_SRC):
        for m in rx.finditer(sentence):
            s, e = m.span()
            if _inside(base + m.start("cue"), quotes) or any(s < b and a < e for a, b in taken):
                continue
            src = m.group("src").strip()
            lead = _LEAD_TRIM.match(src)
            if lead:
                src = src[lead.end():]
            src = src.rstrip(".,")
            if not src:
                continue
            cue = m.group("cue")
            if cue.lower() == "told" and rx is _ACCORDING:
                # "X told the media": the teller is the source, found by _SRC_VERB
                continue
            out.append(Attribution(sentence[s:e], src, cue.lower(), base + s, base + e))
            taken.append((s, e))
    return sorted(out, key=lambda a: a.start)


# --- hedges and signals -------------------------------------------------------------------------

_FIRST_PERSON = re.compile(
    r"(?<![\w’'-])(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself|we|We|we['’](?:re|ve|d|ll)|"
    r"We['’](?:re|ve|d|ll)|our|Our|ours|us|ourselves|Me|My)(?![\w’'-])"
)
# A question runs from the end of the sentence before it (or the start) to its "?". Anchored
# there, so that a long stretch without any end mark is scanned once, not once per character.
_QUESTION = re.compile(r"(?:^|(?<=[.!?]))[^.!?]*\?")
# A counterfactual in the writer's own voice guesses what would have been: "had the soldier not
# made it into South Korea, he'd already be dead by now". The span runs from "had" to the modal.
_COUNTERFACTUAL = re.compile(
    r"(?:^|(?<=[,;—–] ))[Hh]ad\s+(?:[\w’'-]+\s+){1,5}?not\b[^.;!?]{0,120}?"
    r"(?:\bwould\b|\bmight\b|\bcould\b|(?<=\w)[’']d\b)")


def _lexicon_hits(name: str, sentence: str, base: int,
                  quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = []
    for m in _lexicon_re(name).finditer(sentence):
        if not _inside(base + m.start(), quotes):
            hits.append((base + m.start(), base + m.end()))
    return hits


def hedges(sentence: str, base: int, quotes: Sequence[tuple[int, int]]) -> list[Marker]:
    return [Marker(sentence[a - base:b - base], a, b)
            for a, b in _lexicon_hits("hedges", sentence, base, quotes)]


def signals(sentence: str, base: int, quotes: Sequence[tuple[int, int]],
            attributed: bool) -> list[Signal]:
    out: list[Signal] = []

    def add(kind: str, a: int, b: int) -> None:
        # a shorter hit inside a longer one of the same kind adds nothing ("sickening" inside
        # "sickening brutality"); across kinds both are kept ("I" in "I sincerely hope")
        if not any(x.kind == kind and x.start <= a and b <= x.end for x in out):
            out.append(Signal(kind, sentence[a - base:b - base], a, b))

    for a, b in _lexicon_hits("calls", sentence, base, quotes):
        add("call_to_action", a, b)
    for a, b in _lexicon_hits("loaded", sentence, base, quotes):
        add("loaded", a, b)
    for a, b in _lexicon_hits("evaluative", sentence, base, quotes):
        add("evaluative", a, b)
    if not attributed:
        for a, b in _lexicon_hits("speculation", sentence, base, quotes):
            add("speculation", a, b)
        for m in _COUNTERFACTUAL.finditer(sentence):
            if not _inside(base + m.start(), quotes):
                add("speculation", base + m.start(), base + m.end())
    for m in _FIRST_PERSON.finditer(sentence):
        pos = base + m.start()
        if _inside(pos, quotes) or m.group(0) in ("US",):
            continue
        add("first_person", pos, base + m.end())
    for m in _QUESTION.finditer(sentence):
        q_end = base + m.end() - 1
        if not _inside(q_end, quotes):
            text = m.group(0)
            lead = len(text) - len(text.lstrip())
            add("question", base + m.start() + lead, base + m.end())
    return sorted(out, key=lambda s: s.start)
