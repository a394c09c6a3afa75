"""Source profiles: what each article adds, leaves out and editorialises, and whether its
headline says more than its own body."""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.model import Article, Fact, HeadlineIssue, Profile, Signal

# Strong headline claims and the words a body must use somewhere to support them. A headline
# word missing from the body is only reported for these: headlines paraphrase freely ("Runs
# Across DMZ" for "fled across"), but "Deadly" with no death in the body is a claim of its own.
_CLAIMS: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:deadly|fatal|dead|dies|died|killed|kills|killing|death|deaths)\b", re.I),
     re.compile(r"\b(?:dead|death|deaths|die|died|dies|dying|kill|killed|killing|fatal|"
                r"fatally|lost (?:his|her|their) li(?:fe|ves)|body|bodies)\b", re.I),
     "the body reports no death"),
    (re.compile(r"\b(?:resigns?|resigned|quits?|steps down|stepped down)\b", re.I),
     re.compile(r"\b(?:resign\w*|quit\w*|step(?:s|ped)? down|stand(?:s|ing)? down)\b", re.I),
     "the body reports no resignation"),
    (re.compile(r"\b(?:arrested|arrests?|detained)\b", re.I),
     re.compile(r"\b(?:arrest\w*|detain\w*|custody|charged)\b", re.I),
     "the body reports no arrest"),
    (re.compile(r"\b(?:charged|indicted)\b", re.I),
     re.compile(r"\b(?:charge\w*|indict\w*)\b", re.I),
     "the body reports no charge"),
    (re.compile(r"\b(?:confirms?|confirmed)\b", re.I),
     re.compile(r"\b(?:confirm\w*|said|says|announced|stated)\b", re.I),
     "the body reports no confirmation"),
    (re.compile(r"\b(?:admits?|admitted)\b", re.I),
     re.compile(r"\b(?:admit\w*|acknowledg\w*|conced\w*)\b", re.I),
     "the body reports no admission"),
    (re.compile(r"\b(?:bans?|banned)\b", re.I),
     re.compile(r"\b(?:ban\w*|prohibit\w*|outlaw\w*)\b", re.I),
     "the body reports no ban"),
)


def headline_issues(article: Article) -> list[HeadlineIssue]:
    if not article.title:
        return []
    body = " ".join(s.text for s in article.sentences)
    issues = []
    for claim, support, reason in _CLAIMS:
        m = claim.search(article.title)
        if m and not support.search(body):
            issues.append(HeadlineIssue(m.group(0), reason))
    issues += _headline_numbers(article, body)
    return issues


_HEAD_NUMBER = re.compile(r"\b(\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|dozens?|hundreds|thousands)\b", re.I)


def _headline_numbers(article: Article, body: str) -> list[HeadlineIssue]:
    """A number in the headline that the body never states."""
    from crossread.analyse.numbers import extract

    heads = extract(article.title or "", 0, [])
    body_values = {n.value for s in article.sentences for n in s.numbers if n.value is not None}
    out = []
    for n in heads:
        if n.value is None or n.value in body_values:
            continue
        if re.search(rf"\b{re.escape(n.text)}\b", body, re.I):
            continue
        out.append(HeadlineIssue(n.text, "the body does not give this number"))
    return out


def _unattributed(article: Article) -> list[Signal]:
    """Loaded judgements stated in the outlet's own voice, with no source and no quotation."""
    out = []
    for s in article.sentences:
        if s.attribution or s.quotes:
            continue
        if any(g.kind == "loaded" for g in s.signals):
            out.append(Signal("unattributed_assertion", s.text, s.start, s.end))
    return out


def profiles(articles: Sequence[Article], facts: Sequence[Fact]) -> list[Profile]:
    n = len(articles)
    out = []
    for a in articles:
        # with one report, everything is "only here": say nothing rather than everything
        unique = tuple(f.id for f in facts if f.articles == (a.index,)) if n > 1 else ()
        # "most others": more than half of the other articles report it
        need = max(2, (n - 1) // 2 + 1)
        omitted = tuple(f.id for f in facts if a.index not in f.articles
                        and len(f.articles) >= need)
        signals = [g for s in a.sentences for g in s.signals] + _unattributed(a)
        signals.sort(key=lambda g: (g.start, g.kind))
        out.append(Profile(a.index, unique, omitted, tuple(signals),
                           tuple(headline_issues(a))))
    return out
