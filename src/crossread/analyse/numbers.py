"""Quantities: digits and number words, with their qualifier as a range and what they count.

"at least five times" → value 5, low 5, high None, unit "times"; "roughly 40 shots" → value 40,
low 36, high 44, counts "shots"; "twice" → 2 times; "50 meters" → 50, unit "meters". The ranges
are what lets a later stage say that "about 40" and "41" agree while "twice" and "at least five
times" do not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.analyse.nlp import Token
from crossread.model import NumberMention

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000,
           # wire-service abbreviations: "$70 mln", "2.5 bln euros"
           "mln": 1_000_000, "bln": 1_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
                 "b": 1_000_000_000, "tn": 1_000_000_000_000}
_MULTIPLES = {"once": 1, "twice": 2, "thrice": 3}
_VAGUE = {  # plural scale words: "dozens of", "hundreds of" → ranges
    "dozens": (24, 144), "scores": (40, 200), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2e6, 999e6), "billions": (2e9, 999e9), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
}

_WORD_NUM = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_NUMBER_WORDS = (
    rf"(?:(?:a|one)\s+(?:hundred|thousand|million|billion)|a\s+dozen|half\s+a\s+dozen|"
    rf"(?:{_WORD_NUM})(?:[-\s](?:{_WORD_NUM}))?(?:\s+(?:hundred|thousand|million|billion|"
    rf"trillion)(?:\s+(?:and\s+)?(?:{_WORD_NUM})(?:[-\s](?:{_WORD_NUM}))?)?)?|dozen)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE_AFTER = (r"(?:\s*(?:hundred|thousand|million|billion|trillion|mln|bln)\b|"
                r"(?:k|m|mn|bn|b|tn)\b)?")

_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"at least|no fewer than|no less than|a minimum of|not less than", "at_least"),
    (r"more than|over|upwards of|in excess of|upward of|greater than", "more_than"),
    (r"at most|no more than|a maximum of|not more than|up to|as many as|as much as", "at_most"),
    (r"fewer than|less than|under|below", "less_than"),
    (r"nearly|almost|just under|nigh on", "nearly"),
    # "close to 2,500" is said of 2,552 as readily as of 2,450: either side, like "about"
    (r"about|around|roughly|approximately|some|an estimated|estimated|approx\.|circa|"
     r"more or less|around about|an approximate|close to", "about"),
)
_QUAL_RE = re.compile(
    r"(?P<q>" + "|".join(f"(?:{p})" for p, _ in _QUALIFIERS) + r")\s+$", re.IGNORECASE
)
_QUAL_NAME = [(re.compile(rf"(?:{p})\s+$", re.IGNORECASE), name) for p, name in _QUALIFIERS]

_NUMBER = re.compile(
    rf"(?P<cur>[$£€¥])?(?P<num>{_DIGITS}){_SCALE_AFTER}"
    rf"|(?<![\w-])(?P<word>{_NUMBER_WORDS})(?![\w])"
    rf"|(?<![\w-])(?P<mult>once|twice|thrice)(?![\w-])"
    rf"|(?<![\w-])(?P<vague>tens of thousands|hundreds of thousands|dozens|scores|hundreds|"
    rf"thousands|millions|billions)\s+of\b",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:-|\s)?(?P<unit>%|percent|per cent|percentage points?|km/h|kph|mph|knots|"
    r"(?:miles|kilometers|kilometres) (?:per|an) hour|"
    r"(?:kilo|centi|milli)?met(?:er|re)s?|km|kilometers?|kilometres?|miles?|feet|foot|ft|inches|"
    r"inch|yards?|meters|kg|kilograms?|pounds?|lbs?|tons?|tonnes?|ounces?|"
    r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|"
    r"times|dollars?|euros?|pounds sterling|yuan|yen|won|rupees?|"
    r"(?:degrees?\s+|°\s?)(?:Fahrenheit|Celsius|centigrade|F|C)\b|°|degrees?|acres?|hectares?|"
    r"square (?:miles|kilometers|kilometres|feet|meters|metres))(?!\w)",
    re.IGNORECASE,
)
# A temperature written straight after its digits: "1400C", "2552F" (capital, no space)
_DEGREES_SHORT = re.compile(r"°?[CF](?![\w°])")
_SCALE_NAMES = {"f": "°F", "fahrenheit": "°F", "c": "°C", "celsius": "°C", "centigrade": "°C"}


def _unit_name(unit: str) -> str:
    """One name per unit: "%" and "per cent" are percent; a temperature keeps its scale, so
    2,500 degrees Fahrenheit is never set against 1,370 degrees Celsius."""
    low = unit.lower()
    if low in ("%", "per cent"):
        return "percent"
    if low.startswith(("degree", "°")):
        scale = low.replace("degrees", "").replace("degree", "").replace("°", "").strip()
        return _SCALE_NAMES.get(scale, "degrees")
    return low


_AGE = re.compile(r"-(?:year|month|week|day)s?-old\b", re.IGNORECASE)
_RANGE_TAIL = re.compile(rf"\s*(?:-|–|to|and)\s*(?P<hi>{_DIGITS})", re.IGNORECASE)
_OR_SO = re.compile(r"\s+or so\b", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_STOP = frozenset(
    "a an the of in on at to for from by with and or but as than that which who whom whose "
    "this these those it its he she they we i you his her their our my your is are was were "
    "be been being has have had do does did will would can could may might must shall should "
    "not no so if then there here when where while after before since until about into onto "
    "over under each per more most less than".split()
)
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MOD_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "HYPH", "NN", "NNP", "NNPS", "NNS"})
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# Days and months never name what was counted ("may" is more often the verb)
_TIME_WORDS = frozenset(w.lower() for w in _DAYS + _MONTHS if w != "May") | frozenset(
    "today yesterday tonight tomorrow".split())


_NAME_BEFORE = re.compile(r"(?<=[a-z,;:] )(?P<w>[A-Z][A-Za-z]*[a-z][A-Za-z]*) $")
_NOT_NAMES = frozenset(
    "About Nearly Some Only More Just All Over Under Around Almost Roughly Approximately At "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split() + _MONTHS + _DAYS
)


def _in_name(sentence: str, s: int, e: int) -> bool:
    """A number right after a capitalised word mid-sentence, not followed by a plural noun,
    is part of a name ("Windows 10", "Air France 447")."""
    m = _NAME_BEFORE.search(sentence[max(0, s - 40):s])
    if not m or m.group("w") in _NOT_NAMES:
        return False
    nxt = re.match(r"\s+([a-z]+)", sentence[e:])
    return not (nxt and nxt.group(1).endswith("s") and len(nxt.group(1)) > 3)


def _words_value(words: str) -> float | None:
    words = words.lower().replace("-", " ")
    if words == "a dozen" or words == "dozen":
        return 12
    if words == "half a dozen":
        return 6
    total, current = 0.0, 0.0
    for w in words.split():
        if w in ("and", "a"):
            if w == "a":
                current = 1
            continue
        if w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
        elif w in _TENS_WORDS:
            current += _TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
    return total + current


def _digits_value(num: str, tail: str) -> float:
    value = float(num.replace(",", ""))
    scale = tail.strip().lower()
    if scale in _SCALES:
        value *= _SCALES[scale]
    elif scale in _SHORT_SCALES:
        value *= _SHORT_SCALES[scale]
    return value


def _bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    if qualifier in (None, "exact"):
        return value, value
    if qualifier == "at_least":
        return value, None
    if qualifier == "more_than":
        return value, None
    if qualifier == "at_most":
        return None, value
    if qualifier == "less_than":
        return None, value
    if qualifier == "nearly":
        return value - max(1.0, value * 0.1), value
    # "about 40": allow ±10%, and at least half a unit ("about eight" is 8 to the nearest
    # whole: it does not take in "seven")
    slack = max(0.5, value * 0.1)
    return value - slack, value + slack


def _is_year(m: re.Match[str], sentence: str) -> bool:
    num = m.group("num")
    if not num or m.group("cur") or not re.fullmatch(r"(1[89]|20)\d\d", num):
        return False
    after = sentence[m.end():m.end() + 12].lower()
    return not _UNIT_AFTER.match(after) and not re.match(r"\s*(?:people|of|-)", after)


# "nine of the activists", "three of those arrested"
_PARTITIVE = frozenset({"the", "those", "these"})


def _noun_phrase(after: Sequence[Token], sentence: str, base: int) -> tuple[str, str] | None:
    """The tagged modifiers-and-noun run that `after` starts with, and its last noun's tag."""
    words: list[Token] = []
    for t in after:
        if sentence[t.start - base:t.end - base].lower() in _TIME_WORDS:
            break  # "arrested four men Friday": the day is not what was counted
        if words and words[-1].tag in ("NNS", "NNPS") and t.tag not in _NOUN_TAGS:
            break  # "left three people hurt": after a plural head, a participle is predicated
        if t.tag in _MOD_TAGS or (words and t.tag == "POS"):
            words.append(t)
        else:
            break
    while words and words[-1].tag not in _NOUN_TAGS:
        words.pop()
    if not words:
        return None
    return sentence[words[0].start - base:words[-1].end - base], words[-1].tag


def _counted(tokens: Sequence[Token], end: int, sentence: str, base: int) -> str | None:
    """The noun phrase right after a quantity: '40 shots at him' → 'shots'."""
    after = [t for t in tokens if t.start >= end][:8]
    if not after:
        return None
    tagged = any(t.tag for t in after)
    if len(after) > 2 and sentence[after[0].start - base:after[0].end - base].lower() == "of" \
            and sentence[after[1].start - base:after[1].end - base].lower() in _PARTITIVE:
        # "nine of the activists": the count is of the plural noun the partitive names;
        # "one of the most ...", "five of them" and "three of the 12" name no plural noun
        if tagged:
            head = _noun_phrase(after[2:], sentence, base)
            return head[0] if head and head[1] in ("NNS", "NNPS") else None
        words = _plain_words(after[2:], sentence, base)
        superlative = words and re.match(r"(?:most|least|\w+est)\b", words, re.IGNORECASE)
        return words if words and not superlative and re.search(r"[^s]s$", words) else None
    if tagged:
        head = _noun_phrase(after[:6], sentence, base)
        return head[0] if head else None
    return _plain_words(after, sentence, base)


# "12 dead", "20 injured": an adjective standing for the people it describes
_CASUALTY_AFTER = re.compile(
    r"\s+(dead|injured|wounded|hurt|missing|killed)(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|in|at|on|"
    r"across|after|from|as|when|while|during|following|with|including|were|are|was|is|by|so)\b)"
    r"(?!\s+(?:in|at)\s+(?:the\s+)?(?:leg|arm|head|chest|back|neck|face|foot|hand)\b)",
    re.IGNORECASE)  # not "20 injured workers": then the noun is what is counted
# "the death toll rose to 150", "a death toll of 150": the number counts deaths
_TOLL_BEFORE = re.compile(r"\bdeath\s+toll\b(?:(?!\d)[^.;:\d]){0,40}?\b(?:to|at|of|is|was|"
                          r"reached|hit|surpassed|passed|topped|exceeded)\s+$", re.IGNORECASE)


def _casualties(sentence: str, s: int, e: int) -> str | None:
    """What a bare number counts when it is a casualty figure: "12 dead" → "dead", "the death
    toll rose to 150" → "deaths"."""
    m = _CASUALTY_AFTER.match(sentence, e)
    if m:
        return m.group(1).lower()
    if _TOLL_BEFORE.search(sentence[max(0, s - 60):s]):
        return "deaths"
    return None


def _plain_words(after: Sequence[Token], sentence: str, base: int) -> str | None:
    """Without tags: up to three words that are not stop words or adverbs."""
    picked: list[Token] = []
    for t in after:
        w = sentence[t.start - base:t.end - base]
        low = w.lower()
        if not w[:1].isalnum() or low in _STOP or low.endswith("ly") or len(picked) == 3 \
                or low.strip(".,;:") in _TIME_WORDS:
            break
        picked.append(t)
    if not picked:
        return None
    return sentence[picked[0].start - base:picked[-1].end - base]


def extract(sentence: str, base: int, tokens: Sequence[Token],
            skip: Sequence[tuple[int, int]] = ()) -> list[NumberMention]:
    """Quantities in one sentence. `base` is the sentence's offset in the article text; `skip`
    lists absolute spans already taken (times, dates) where numbers are not quantities."""
    out: list[NumberMention] = []
    taken = list(skip)
    for m in _NUMBER.finditer(sentence):
        s, e = m.span()
        if any(a <= base + s < b for a, b in taken):
            continue
        if m.group("num"):
            if _TIME_OF_DAY.match(sentence, s) or _is_year(m, sentence):
                continue
            # part of a longer token: "COVID-19", "F-16", "3D", "1st"
            if s > 0 and (sentence[s - 1].isalpha() or sentence[s - 1] in "-/#"):
                continue
            if _in_name(sentence, s, e):
                continue  # "DualShock 4 controller", "Apollo 11", "Flight 447": a name
            if e < len(sentence) and (sentence[e].isalpha() and sentence[e:e + 2].lower()
                                      not in ("k ", "m ", "bn", "mn", "tn")):
                tail = re.match(r"[a-z]+", sentence[e:], re.IGNORECASE)
                if tail and tail.group(0).lower() in ("st", "nd", "rd", "th", "s", "d"):
                    continue
            scale = m.group(0)[len(m.group("cur") or "") + len(m.group("num")):]
            value = _digits_value(m.group("num"), scale)
        elif m.group("word"):
            w = _words_value(m.group("word"))
            if w is None:
                continue
            if sentence[e:e + 1] == "-" and not _UNIT_AFTER.match(sentence, e) \
                    and not _AGE.match(sentence, e):
                continue  # "one-upmanship", "one-sided"
            if re.match(r"\s+(?:tolerance|sum)\b", sentence[e:], re.IGNORECASE):
                continue  # "zero tolerance", "zero-sum"
            value = w
        elif m.group("mult"):
            if m.group("mult").lower() == "once" and (s == 0 or re.match(
                r"\s+(?:the|a|an|he|she|they|it|we|i|you|again|more|upon|before|in|and|but|"
                r"this|that|there|inside|outside)\b", sentence[e:], re.IGNORECASE)
            ):
                continue  # "once" as a conjunction or "once again", not a count
            value = float(_MULTIPLES[m.group("mult").lower()])
        else:
            lo, hi = _VAGUE[m.group("vague").lower()]
            counts = _counted(tokens, base + e, sentence, base)
            out.append(NumberMention(sentence[s:e], base + s, base + e, None, lo, hi, "vague",
                                     None, counts))
            continue

        unit = _CURRENCY.get(m.group("cur") or "")
        if m.group("mult"):
            unit = "times"
        qualifier = None
        q = _QUAL_RE.search(sentence[max(0, s - 30):s])
        if q:
            qualifier = next(name for rx, name in _QUAL_NAME if rx.search(q.group(0)))
            s = s - len(q.group(0))
        low, high = _bounds(value, qualifier)
        rng = _RANGE_TAIL.match(sentence, e)
        if rng and not m.group("mult") and m.group("num"):
            hi_val = float(rng.group("hi").replace(",", ""))
            if hi_val > value:
                low, high, qualifier = value, hi_val, "range"
                e = rng.end()
        tail_end = e
        orso = _OR_SO.match(sentence, e)
        if orso:
            qualifier = "about"
            low, high = _bounds(value, qualifier)
            tail_end = orso.end()
        age = _AGE.match(sentence, tail_end)
        um = None if age else _UNIT_AFTER.match(sentence, tail_end)
        if age:
            unit = "years old" if "year" in age.group(0).lower() else age.group(0).strip("-")
            e = age.end()
            tail_end = e
        elif um and not unit:
            unit = _unit_name(um.group("unit"))
            e = um.end()
            tail_end = e
        elif not unit and (deg := _DEGREES_SHORT.match(sentence, tail_end)):
            unit = _unit_name("°" + deg.group(0).lstrip("°"))  # "1400C", "2552F"
            e = deg.end()
            tail_end = e
        casualties = None if unit else _casualties(sentence, s, tail_end)
        counts = None if unit == "percent" else _counted(tokens, base + tail_end, sentence, base)
        if unit == "times":
            counts = None
        if casualties and (casualties != "deaths" or not counts):
            # "12 dead across the state": untagged, the words after it read as the count's noun
            counts = casualties
        if m.group("word") and m.group("word").lower() == "one" and not unit and (
            not counts or re.match(r"\s*(?:of|another|[’']s)\b", sentence[e:])
        ):
            continue  # "one of the soldiers", "one's family": not a count
        s0 = s
        out.append(NumberMention(sentence[s0:e], base + s0, base + e, value, low, high,
                                 qualifier, unit, counts))
        taken.append((base + s0, base + e))
    return out
