"""Sentence boundaries: abbreviations, initials and quotes."""

from __future__ import annotations

import pytest

from crossread.analyse.sentences import split

TRICKY = (
    'WASHINGTON (AP) — The U.S. Senate voted 52-48 on Tuesday. Mr. Smith, a former Lt. Gov. of '
    'N.Y., said: "We\'re done. It\'s over." Sen. Elizabeth Warren (D-Mass.) disagreed. The firm, '
    'Acme Corp., earned $3.5 billion in Q2, up 4.1% vs. a year ago. "Is this the end?" she asked. '
    '"No," he replied. Dr. Jane Roe of St. Mary\'s Hospital told reporters the toll was 1,204.'
)


def test_tricky_news_text():
    got = [TRICKY[s:e] for s, e in split(TRICKY, 0, len(TRICKY))]
    assert got == [
        "WASHINGTON (AP) — The U.S. Senate voted 52-48 on Tuesday.",
        'Mr. Smith, a former Lt. Gov. of N.Y., said: "We\'re done. It\'s over."',
        "Sen. Elizabeth Warren (D-Mass.) disagreed.",
        "The firm, Acme Corp., earned $3.5 billion in Q2, up 4.1% vs. a year ago.",
        '"Is this the end?" she asked.',
        '"No," he replied.',
        "Dr. Jane Roe of St. Mary's Hospital told reporters the toll was 1,204.",
    ]


def test_offsets_inside_a_larger_text():
    text = "xx  First one. Second one!  yy"
    spans = split(text, 2, 28)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one!"]


def test_text_without_final_punctuation_is_kept():
    text = "A heading without a full stop"
    assert [text[s:e] for s, e in split(text, 0, len(text))] == [text]


@pytest.mark.parametrize("text", [
    "A jury rejected all of Ms. Pao’s claims on Friday.",
    "Lawyers for Mx. Rivera and Atty. Gen. Holder met Amb. Rice at Ft. Bragg.",
])
def test_a_title_sentencex_does_not_know_does_not_end_a_sentence(text):
    both = f"{text} She will appeal."
    assert [both[a:b] for a, b in split(both, 0, len(both))] == [text, "She will appeal."]
