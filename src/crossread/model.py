"""The data model: plain frozen dataclasses, one place, JSON round-trip.

Every span (`start`, `end`) is a character offset into the text it belongs to *as read*
(decoded, before cleaning), so ``article.text[start:end] == span.text`` always holds. That is the
provenance rule everything later (facts, disputes, summary) rests on.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

SCHEMA_VERSION = "1.3"

T = TypeVar("T")


@dataclass(frozen=True)
class Removal:
    """A piece of text the cleaner took out, and the rule that took it."""

    text: str
    rule: str
    start: int
    end: int
    field: str = "text"  # "text" (offsets into Article.text) or "title" (into Article.raw_title)


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    start: int
    end: int


@dataclass(frozen=True)
class NumberMention:
    """A quantity: its value, or the range it allows, and what it counts."""

    text: str
    start: int
    end: int
    value: float | None  # the stated number
    low: float | None  # inclusive bounds of what the wording allows; None = unbounded
    high: float | None
    qualifier: str | None  # "at_least", "about", "more_than", ... or None for exact
    unit: str | None  # "meters", "hour", "percent", "USD", "times", ...
    counts: str | None  # the thing counted: "shots", "North Koreans", "operation"


@dataclass(frozen=True)
class TimeMention:
    """A time expression, resolved against the article's date when it is known."""

    text: str
    start: int
    end: int
    kind: str  # "date", "weekday", "month", "year", "relative", "part_of_day"
    value: str | None  # ISO date, "YYYY-MM" or "YYYY" when resolved
    resolved: bool  # True when `value` was computed from the article date or stated in full


@dataclass(frozen=True)
class Attribution:
    """Who a sentence says the information comes from."""

    text: str  # the whole attribution phrase ("according to CBS News")
    source: str  # the source named in it ("CBS News", "the official")
    cue: str  # the verb or phrase that marks it ("according to", "told", "added")
    start: int
    end: int


@dataclass(frozen=True)
class Marker:
    """A hedge ("reportedly") or other one-word-or-phrase mark on a sentence."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    text: str  # the quoted words, without the quotation marks
    start: int
    end: int


@dataclass(frozen=True)
class Signal:
    """An editorial signal: opinion, loaded language, calls to act, speculation."""

    kind: str  # first_person, call_to_action, loaded, evaluative, speculation, question
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    numbers: tuple[NumberMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    hedges: tuple[Marker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    signals: tuple[Signal, ...] = ()


@dataclass(frozen=True)
class Article:
    index: int  # position in the input, from 0
    id: str  # content hash: the same text gives the same id
    text: str  # the article text as read (decoded); every offset points into it
    source: str  # where it was read from: a path, a URL, "-" for stdin
    external_id: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None  # cleaned headline
    raw_title: str | None = None  # headline as read
    published: str | None = None  # ISO date (YYYY-MM-DD) or date-time
    body_start: int = 0  # where the body begins in `text` (after a headline line, if any)
    credit: str | None = None  # "H/T The Associated Press" → "The Associated Press"
    removed: tuple[Removal, ...] = ()
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class ReadError:
    """One input that could not be read, and why: printed as one line, never a traceback."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class Evidence:
    """One exact source sentence: `article` is the input index, offsets are into its text."""

    article: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Fact:
    """Sentences from one or more articles that state the same thing."""

    id: str
    text: str  # representative wording: one of the support sentences, verbatim
    outlets: tuple[str, ...]
    articles: tuple[int, ...]
    support: tuple[Evidence, ...]
    importance: float = 0.0


@dataclass(frozen=True)
class DisputeSide:
    value: str
    outlets: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Dispute:
    """A question the reports answer differently. No side is marked right."""

    kind: str  # number, time, place, person, attribute, event
    question: str
    self_contradiction: bool
    detail_only: bool  # "reports differ in detail": different, not necessarily contradictory
    sides: tuple[DisputeSide, ...]
    note: str | None = None  # e.g. that a later report may update an earlier one


@dataclass(frozen=True)
class EntityGroup:
    """One named entity across the reports, with the spellings each outlet used."""

    name: str  # the most used spelling
    label: str
    variants: tuple[str, ...]  # other spellings of the same name
    articles: tuple[int, ...]


@dataclass(frozen=True)
class HeadlineIssue:
    text: str  # the headline words its own body does not support
    reason: str


@dataclass(frozen=True)
class Profile:
    """What one article adds, leaves out and editorialises."""

    article: int
    unique_facts: tuple[str, ...]  # fact ids only this article reports
    omitted_facts: tuple[str, ...]  # fact ids most other outlets report and this one does not
    signals: tuple[Signal, ...]
    headline_issues: tuple[HeadlineIssue, ...]


@dataclass(frozen=True)
class Referent:
    """Whom a summary sentence's "He"/"She" (`kind` "pronoun": an opening pronoun or the one in
    '..., he said'), or its quotation with no speaker in the sentence (`kind` "speaker"), refers
    to: the name as the sentence's own article writes it, at `start`:`end` of that article's
    text. `at` is where the name is shown, in brackets, as an offset into the article's text:
    just after the pronoun, or at the quotation's start. A reader sees which words crossread put
    in and where they come from."""

    kind: str
    text: str
    start: int
    end: int
    at: int


@dataclass(frozen=True)
class SummarySentence:
    """One summary sentence: words from one source sentence (`article`, `start`, `end`), the
    other articles' sentences that state the same thing, and the disputes it touches."""

    text: str
    article: int
    start: int
    end: int
    supported_by: tuple[Evidence, ...]
    disputes: tuple[int, ...] = ()  # indexes into Brief.disputes
    referent: Referent | None = None


@dataclass(frozen=True)
class Brief:
    articles: tuple[Article, ...]
    errors: tuple[ReadError, ...] = ()
    facts: tuple[Fact, ...] = ()  # most important first
    disputes: tuple[Dispute, ...] = ()
    profiles: tuple[Profile, ...] = ()
    entities: tuple[EntityGroup, ...] = ()
    title: str | None = None  # neutral title, from the most corroborated fact
    summary: tuple[SummarySentence, ...] = ()
    schema_version: str = SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict)


# --- corpus mode: stories -------------------------------------------------------------------


@dataclass(frozen=True)
class DocFeatures:
    """What corpus mode keeps of an article to find its story and its copies."""

    article_id: str
    vector: Any  # numpy float32 (dim,), L2-normalised embedding of headline + lead
    keys: tuple[str, ...]  # normalised names the article mentions (entity keys), sorted, unique
    published: str | None  # ISO date, when known
    signature: Any  # numpy uint64 (num_perm,): MinHash of the body's word shingles
    bands: tuple[int, ...]  # LSH band hashes of `signature` (signed 64-bit ints), one per band
    # numpy float32 (LEXICAL_DIM,), L2-normalised: the article's words, hashed (see
    # stories.features.lexical_vector); None where a store made by an older release holds none
    lexical: Any = None


# Dimensions of DocFeatures.lexical: the store keeps it after the vector in one column and
# tells the two apart by this length
LEXICAL_DIM = 512


@dataclass(frozen=True)
class StoryState:
    """A story as the clusterer sees it: enough to score a new article against it."""

    id: int
    centroid: Any  # numpy float32 (dim,): the SUM of member vectors (copies excluded)
    size: int  # independent member articles (copies excluded)
    keys: dict[str, int]  # key -> how many independent members name it
    first_published: str | None = None
    last_published: str | None = None
    lexical: Any = None  # numpy float32 (LEXICAL_DIM,): the SUM of member lexical vectors, or None


@dataclass(frozen=True)
class StoryArticle:
    id: str
    external_id: str | None
    outlet: str | None
    title: str | None
    published: str | None
    copy_of: str | None = None  # id of the report this one is a near-identical copy of


@dataclass(frozen=True)
class Story:
    id: int
    headline: str | None
    articles: tuple[StoryArticle, ...]  # in the order they joined
    first_seen: str  # ISO date-time (UTC) the first member was ingested
    last_seen: str  # ISO date-time (UTC) the latest member was ingested
    merged_into: int | None = None  # set when this story proved to be one with another


@dataclass(frozen=True)
class MergeRecord:
    """One merge: story `from_story` proved to be story `into_story`."""

    id: int
    from_story: int
    into_story: int
    reason: str
    at: str  # ISO date-time (UTC)


@dataclass(frozen=True)
class IngestReport:
    """What one `crossread ingest` (or one poll of `crossread watch`) did to the store."""

    read: int  # articles read from the sources
    stored: int  # of those, newly stored
    skipped: int  # already stored (same content hash): nothing done
    copies: int  # stored as near-identical copies of a stored report
    new_stories: int
    joined: int  # joined an existing story as an independent report
    merges: int  # stories that proved to be one with another
    touched: tuple[int, ...]  # live stories whose membership changed
    briefs_built: int
    errors: tuple[ReadError, ...] = ()


# --- JSON round trip -------------------------------------------------------------------------


def to_dict(obj: Any) -> Any:
    """Dataclasses → plain dicts/lists, field order kept (json.dumps gives stable output)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls: type[T], data: Any) -> T:
    """Inverse of `to_dict` for the dataclasses above (unknown keys are ignored)."""
    return typing.cast(T, _build(cls, data))


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(inner[0], data) if len(inner) == 1 else data
    if origin is tuple:
        (item, *_rest) = typing.get_args(tp)
        return tuple(_build(item, x) for x in data)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _build(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    return data
