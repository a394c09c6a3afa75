"""What the text renderers share: how each annotation reads as a short phrase."""

from __future__ import annotations

from collections.abc import Sequence

from crossread.model import Article, Brief, Fact, NumberMention, Sentence, TimeMention


def fmt_number(n: NumberMention) -> str:
    def num(x: float | None) -> str:
        return "?" if x is None else (f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}")

    if n.low is not None and n.high is not None and n.low != n.high:
        val = f"{num(n.low)}–{num(n.high)}"
    elif n.low is not None and n.high is None:
        val = f"≥{num(n.low)}"
    elif n.high is not None and n.low is None:
        val = f"≤{num(n.high)}"
    else:
        val = num(n.value)
    what = " ".join(x for x in (n.unit, n.counts) if x)
    return f"{n.text} = {val}{' ' + what if what else ''}"


def fmt_time(t: TimeMention) -> str:
    return f"{t.text} → {t.value}" if t.value else t.text


def sentence_notes(s: Sentence) -> list[tuple[str, str]]:
    notes: list[tuple[str, str]] = []
    notes += [("number", fmt_number(n)) for n in s.numbers]
    notes += [("time", fmt_time(t)) for t in s.times]
    notes += [("source", f"{a.source} ({a.cue})") for a in s.attribution]
    notes += [("hedge", h.text) for h in s.hedges]
    notes += [(g.kind.replace("_", " "), g.text) for g in s.signals]
    return notes


def article_label(a: Article) -> str:
    return f"[{a.index + 1}] {a.outlet or a.source}"


def n_reports(n: int) -> str:
    return f"{n} report" + ("" if n == 1 else "s")


def reports_read(brief: Brief) -> str:
    """"4 reports", or "24 of the story's 310 reports" when a stored story's brief compared a
    chosen part of it (`crossread.corpus.brief_reports`)."""
    total = brief.extra.get("reports_in_story")
    if isinstance(total, int) and total > len(brief.articles):
        return (f"{len(brief.articles)} of the story's {total} reports (the newest of each "
                "outlet first)")
    return n_reports(len(brief.articles))


def marker(index: int) -> str:
    return f"[{index + 1}]"


def markers(articles: Sequence[int]) -> str:
    return "".join(marker(i) for i in articles)


def counts(a: Article) -> dict[str, int]:
    return {
        "sentences": len(a.sentences),
        "numbers": sum(len(s.numbers) for s in a.sentences),
        "times": sum(len(s.times) for s in a.sentences),
        "quotes": sum(len(s.quotes) for s in a.sentences),
        "signals": sum(len(s.signals) for s in a.sentences),
        "removed": len(a.removed),
    }


def agreed(brief: Brief) -> list[Fact]:
    return [f for f in brief.facts if len(f.articles) >= 2]


def single_source(brief: Brief, article: int) -> list[Fact]:
    return [f for f in brief.facts if f.articles == (article,)]


def first_few(texts: Sequence[str], n: int = 3) -> str:
    """The first `n` of a list of sentences, "; "-joined, with "…" when there are more."""
    return "; ".join(texts[:n]) + (" …" if len(texts) > n else "")


def omitted(brief: Brief, article: int) -> list[Fact]:
    """The facts most other reports state that this one leaves out (its profile's ids), as
    facts a reader can read rather than ids."""
    by_id = {f.id: f for f in brief.facts}
    profile = next((p for p in brief.profiles if p.article == article), None)
    return [by_id[i] for i in (profile.omitted_facts if profile else ()) if i in by_id]


SIGNAL_NAMES = {
    "loaded": "loaded words",
    "evaluative": "evaluative words",
    "first_person": "first person",
    "call_to_action": "calls to share or comment",
    "speculation": "speculation",
    "question": "questions to the reader",
    "unattributed_assertion": "unattributed assertions",
}


def citations(s) -> str:
    """A summary sentence's markers: its own article first, then every article that agrees."""
    return markers(sorted({s.article} | {e.article for e in s.supported_by}))


def summary_lines(brief: Brief) -> list[tuple[str, str, list[str]]]:
    """(sentence, citation markers, dispute notes shown after it)."""
    from crossread.summarise import shown, summary_notes

    return [(shown(s), citations(s), notes)
            for s, notes in zip(brief.summary, summary_notes(brief), strict=True)]
