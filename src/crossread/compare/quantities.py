"""What a written number stands for: what it measures, and the values its wording allows.

Two numbers are only compared when they measure one thing (one unit, or one counted noun, in
the singular), and they agree when the ranges their wording allows meet: "more than 1,400" is a
bound, and "30,000" may stand for any value that rounds to it. align.py asks the same two
questions when it decides whether reports state one fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from crossread.model import NumberMention


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


# Words for one casualty figure: "12 dead", "a death toll of 12", "12 fatalities"; "20 injured",
# "20 wounded", "20 hurt" (and "12 people dead": compare.numbers._as_casualties)
_CASUALTY = {**dict.fromkeys(("dead", "death", "fatality", "killed"), "dead"),
             **dict.fromkeys(("injured", "wounded", "hurt", "injury"), "injured")}


@lru_cache(maxsize=8192)
def _measure(n: NumberMention) -> tuple[str, str]:
    unit = _singular(n.unit) if n.unit else ""
    words = n.counts.split() if n.counts else []
    head = _singular(words[-1]) if words else ""
    # only a bare word: "three Israeli fatalities" are a part of the dead, not all of them
    return unit, _CASUALTY.get(head, head) if len(words) == 1 else head


# A length or a speed written in two systems ("30 km" / "12 miles") measures one thing: such
# values are compared in metres or metres per second. Weights are left out ("pounds" may be
# money), and so are temperatures (a scientist's round 6,000C is not a precise 10,000F).
_SI: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("km", "kilometer", "kilometre"), ("length", 1000.0)),
    **dict.fromkeys(("meter", "metre"), ("length", 1.0)),
    **dict.fromkeys(("centimeter", "centimetre"), ("length", 0.01)),
    "mile": ("length", 1609.344),
    **dict.fromkeys(("feet", "foot", "ft"), ("length", 0.3048)),
    **dict.fromkeys(("inch", "inche"), ("length", 0.0254)),
    "yard": ("length", 0.9144),
    **dict.fromkeys(("mph", "miles per hour", "miles an hour"), ("speed", 0.44704)),
    **dict.fromkeys(("km/h", "kph", "kilometers per hour", "kilometres per hour",
                     "kilometers an hour", "kilometres an hour"), ("speed", 1 / 3.6)),
    "knot": ("speed", 0.514444),
}


def _converted(ua: str, ub: str) -> bool:
    """Two units of one dimension, such as miles and kilometres."""
    return ua != ub and ua in _SI and ub in _SI and _SI[ua][0] == _SI[ub][0]


def converted(a: NumberMention, b: NumberMention) -> bool:
    """The two are given in different units of one dimension ("30 km" / "12 miles")."""
    return _converted(_measure(a)[0], _measure(b)[0])


def comparable_measure(a: NumberMention, b: NumberMention) -> bool:
    (ua, ha), (ub, hb) = _measure(a), _measure(b)
    if ua or ub:
        return (ua == ub or _converted(ua, ub)) and (not ha or not hb or ha == hb)
    return bool(ha) and ha == hb


_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6,
          "k": 1e3, "mln": 1e6, "bln": 1e9}


def _rounding(n: NumberMention) -> float:
    """Half the unit of the last digit a writer gave: "3.7 million" ±50,000, "30,000" ±5,000
    (a round number may stand for any value it rounds from), "41" ±0.5."""
    m = _DIGITS.search(n.text)
    if not m or n.value is None:
        return 0.5
    after = n.text[m.end():].strip().lower().split(" ")[0] if m.end() < len(n.text) else ""
    scale = _SCALE.get(after, 1.0)
    if m.group(1):
        return 0.5 * 10 ** -len(m.group(1)) * scale
    digits = m.group(0).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == len(digits):
        return 0.5 * scale
    return 0.5 * 10 ** zeros * scale if zeros else 0.5 * scale


def _bounds(n: NumberMention, converted: bool = False) -> tuple[float, float]:
    """The values the wording allows. `converted`: the other value is in another unit, which
    a writer converts and rounds ("5 feet (1.5 meters)"), so even a small value is rounded."""
    lo = n.low if n.low is not None else float("-inf")
    hi = n.high if n.high is not None else float("inf")
    if n.value is not None and (abs(n.value) >= 10 or converted) and \
            n.qualifier not in ("about", "nearly", "range"):
        # just under half a unit: 41 and 42 must not meet at 41.5. A bound is rounded like a
        # value: "more than 1,400" may be written of 1,370 by a writer who rounds
        slack = 0.98 * _rounding(n)
        lo, hi = lo - slack, hi + slack
    return lo, hi


def numbers_agree(a: NumberMention, b: NumberMention) -> bool:
    ua, ub = _measure(a)[0], _measure(b)[0]
    if _converted(ua, ub):
        (alo, ahi), (blo, bhi) = _bounds(a, converted=True), _bounds(b, converted=True)
        fa, fb = _SI[ua][1], _SI[ub][1]
        alo, ahi, blo, bhi = alo * fa, ahi * fa, blo * fb, bhi * fb
    else:
        (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return alo <= bhi and blo <= ahi
