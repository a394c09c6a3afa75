"""What corpus mode keeps of an article: an embedding, name keys, a MinHash and its LSH bands.

Everything here is a pure function of the cleaned article, so re-ingesting the same text gives
the same features, and the in-memory index and the database agree. Names come from a
capitalisation heuristic, not spaCy: the whole feature step must keep up with a corpus ingest
(hundreds of articles a second on one core) and statistical NER alone would be slower than that.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from crossread.analyse.vectors import embed, word_weight
from crossread.clean import kept_spans
from crossread.model import LEXICAL_DIM, Article, DocFeatures

NUM_PERM = 128
SEED = 1
SHINGLE = 3  # word 3-grams: an edited copy still shares most of them, another report few
# Band the signature for this Jaccard: a syndicated copy (new headline, footer, a trimmed
# paragraph) sits well above it and is still found; dedupe verifies on the full signature.
LSH_THRESHOLD = 0.5
BANDS, ROWS = _optimal_param(LSH_THRESHOLD, NUM_PERM, 0.5, 0.5)
MIN_SHINGLES = 20  # fewer than this and two texts can look identical by accident: no bands
LEAD_CHARS = 1500  # the first paragraphs: who, what, where; the tail drifts to background
MAX_KEYS = 24

_WORD = re.compile(r"\w+")
# A run of capitalised words, allowing the particles names contain (Bank of England, bin Salman)
_NAME = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w'’.-]*\w|[A-Z])"
    r"(?:[ \t]+(?:(?:of|the|de|del|da|al|bin|von|van|der|la|le)[ \t]+)?(?:[A-Z][\w'’.-]*\w|[A-Z]))*"
)
_POSSESSIVE = re.compile(r"['’]s?$")
# Titles before a name: "Interior Minister Ali Yerlikaya" and "Yerlikaya, the interior minister"
# must share the key "ali yerlikaya"/"yerlikaya" rather than differ by the title.
_TITLES = frozenset("""
president vice prime minister interior foreign defence defense finance secretary senator sen
rep gov governor mayor chief inspector judge justice officer general gen col lt sgt king queen
prince princess pope chancellor ceo spokesman spokeswoman director chairman chairwoman
ambassador lawmaker commissioner sheriff detective professor prof coach
""".split())
# Capitalised only because they open a sentence or a headline, or too general to tell stories
# apart; the IDF weighting would discount them anyway, but they would crowd out real names.
_STOP = frozenset("""
a an the this that these those it its he she they we i you his her their our my your in on at
for but and or if when while after before as because although though however meanwhile since
until once over under most some many more other such there here what who why how where which
all no not new so then now also just even still yet only one two three mr mrs ms dr
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow last next first
according read more photo video image getty images file ap reuters afp associated press
""".split())


def features(articles: Sequence[Article]) -> list[DocFeatures]:
    """Features of cleaned articles (`crossread.clean.clean`), in input order.

    A page that is not an article (`is_non_article`) gets null features: a zero vector, no
    keys and no bands. It then scores 0 against every story, so it starts its own story and
    never attracts another article; without bands it is neither a copy nor a copy original.
    """
    bodies = [body_text(a) for a in articles]
    heads = [(a.title or "").strip() for a in articles]
    vectors = embed([f"{h}. {b[:LEAD_CHARS]}" if h else b[:LEAD_CHARS]
                     for h, b in zip(heads, bodies, strict=True)]) - _common_direction()
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    null = [is_non_article(h, b) for h, b in zip(heads, bodies, strict=True)]
    vectors[np.asarray(null, dtype=bool)] = 0.0
    shingle_sets = [shingles(b) for b in bodies]
    hashes = MinHash.bulk([sorted(s) for s in shingle_sets], num_perm=NUM_PERM, seed=SEED)
    out = []
    for a, h, b, v, s, mh, junk in zip(articles, heads, bodies, vectors, shingle_sets, hashes,
                                       null, strict=True):
        sig = np.asarray(mh.hashvalues, dtype=np.uint64)
        out.append(DocFeatures(
            article_id=a.id,
            vector=v.astype(np.float32),
            keys=() if junk else tuple(sorted(set(name_keys(h, b)) | set(word_keys(h, b)))),
            published=(a.published or None) and a.published[:10],
            signature=sig,
            bands=band_hashes(sig) if len(s) >= MIN_SHINGLES and not junk else (),
            lexical=np.zeros(LEXICAL_DIM, dtype=np.float32) if junk else lexical_vector(h, b),
        ))
    return out


# --- the words of an article ----------------------------------------------------------------
# The embedding averages a text into 256 numbers and keeps its topic; two stories of one broad
# topic ("a probe to the Sun" / "a ninth planet") land close. The words themselves tell them
# apart: each distinct word of the headline and the first LEXICAL_WORDS words, weighted by
# log(1 + count) × word_weight (a fixed IDF, so no corpus statistics are needed and an
# article's vector never changes as the store grows), hashed with a sign into LEXICAL_DIM
# dimensions. Pair AUC on the tune half's same-topic pairs 0.964 against 0.925 for the rest of
# the similarity (see cluster.py).
LEXICAL_WORDS = 1000


def lexical_vector(headline: str, body: str) -> np.ndarray:
    words = _WORD.findall(f"{headline}\n{body}".lower())[:LEXICAL_WORDS]
    v = np.zeros(LEXICAL_DIM, dtype=np.float32)
    for word, n in Counter(words).items():
        slot, sign = _slot(word)
        v[slot] += sign * math.log1p(n) * word_weight(word)
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


@lru_cache(maxsize=200_000)
def _slot(word: str) -> tuple[int, float]:
    h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
    return h % LEXICAL_DIM, 1.0 if (h >> 40) & 1 else -1.0


# --- pages that are not articles ------------------------------------------------------------
# A scraper sometimes keeps the page furniture instead of the report: a Twitter location widget,
# a web archive's crawl notice, "page not found", a share-by-email or comment form, a reprint
# notice, a review-aggregator box. The same furniture appears under unrelated stories, so as an
# article it glues them together (as a copy, or by its names and vector). Two generic signs:
# the text talks about the web page itself (UI_SHARE of its words are page/UI vocabulary), and
# it reports nothing: no attribution verb, which almost every news report has ("said",
# "according to"). The second sign keeps a short tech brief about tweets or apps an article.
# Long texts are articles whatever their vocabulary (furniture is short).
NON_ARTICLE_MAX_WORDS = 300
# Chosen on the tune half of the Multi-News dev stories: its furniture pages have 5-25% UI words,
# its real articles under 400 words at most 3% (benchmarks/cluster_quality.py --tune counts them).
UI_SHARE = 0.05
_UI_WORDS = frozenset("""
page pages webpage homepage web website websites site sites link links url urls click clicks
tap browser browsers cookie cookies javascript email e-mail emails mail inbox tweet tweets
retweet location locations login logout signup sign-in subscribe subscription subscribers
newsletter comment comments commenting share sharing download app apps privacy settings
crawl crawls crawled archive archived archives 404 menu close learn loading advertisement ads
enable enabled disable username password profile reload refresh posts posting user users
review reviews reprint reprinted reprints republish copyright
""".split())
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|according to|reported|reports|announced|confirmed|stated|"
    r"explained|wrote|claimed|testified|alleged)\b", re.IGNORECASE)
_UI_TOKEN = re.compile(r"[\w@-]+")


def is_non_article(headline: str, body: str) -> bool:
    """True for scraped page furniture rather than a report (see the comment above)."""
    text = f"{headline}\n{body}"
    words = [w.lower() for w in _UI_TOKEN.findall(text)]
    if not words:
        return True  # nothing left once the cleaner cut the furniture: no report to match on
    if len(words) > NON_ARTICLE_MAX_WORDS:
        return False
    ui = sum(w in _UI_WORDS for w in words)
    return ui >= UI_SHARE * len(words) and _ATTRIBUTION.search(text) is None


# The static model's mean-pooled vectors all lean towards what any English text shares; two
# unrelated reports score ~0.6 cosine. Taking off the vector of plain common words leaves what
# the text is about (pair AUC on the Multi-News tune half 0.85 -> 0.92).
_COMMON_WORDS = (
    "the of and to in a is that for it on was with he as said by at from his an were are which "
    "be this has have had not but they its their been who will would more after also one year "
    "two people new first last time up about out over than when could into other them some "
    "there what all police government state president city told"
)


@lru_cache(maxsize=1)
def _common_direction() -> np.ndarray:
    return embed([_COMMON_WORDS])[0]


def body_text(article: Article) -> str:
    """The body as kept by the cleaner: after the headline, without promo and credit lines."""
    text = article.text
    return "\n".join(text[s:e] for s, e in kept_spans(article) if s >= article.body_start)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def band_hashes(signature: np.ndarray) -> tuple[int, ...]:
    """One signed 64-bit hash per band; the band number is hashed in, so equal rows in two
    different bands never collide (the index also compares band by band)."""
    out = []
    for b in range(BANDS):
        chunk = signature[b * ROWS:(b + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"band%04d" % b).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return tuple(out)


def normalise_name(name: str) -> str:
    """One spelling per name: "Kim Jong-un", "KIM JONG UN" and "Kim Jong Un's" all give
    "kim jong un"; accents go ("Zelenskyy"/"Zelenskýy" still differ in letters, not marks)."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = _POSSESSIVE.sub("", name.strip().rstrip("."))
    name = re.sub(r"[-‐–.'’]+", " ", name.lower())
    return " ".join(name.split())


def name_keys(headline: str, body: str) -> tuple[str, ...]:
    """The names an article is about: capitalised runs, normalised; the most mentioned first
    when there are too many (headline mentions count double), returned sorted."""
    # A capitalised word that the same text also writes in lower case is a common word made
    # capital by its position: "Police said", "About 100 protesters", a Title Case headline.
    common = {w for w in _WORD.findall(body) if w.islower()}
    counts: Counter[str] = Counter()
    title_case = _is_title_case(headline)
    for weight, text in ((2, headline), (1, body)):
        for m in _NAME.finditer(text):
            words = m.group(0).split()
            before = text[max(0, m.start() - 40):m.start()].rstrip()
            at_start = not before or before[-1] in ".!?\"“”:)]"
            for run in _runs(words, common, at_start, title_case and text is headline):
                key = normalise_name(" ".join(run))
                if len(key) >= 3 and not key.isdigit():
                    counts[key] += weight
                # each word of a longer name is a key too: reports name one organisation or
                # person in many ways ("Academy of Motion Picture Arts and Sciences", "the
                # Motion Picture Academy"; "Sen. Elizabeth Warren", "Warren"), and a rare word
                # of it says "same story" where the exact strings never meet
                if len(run) > 1:
                    for w in run:
                        k = normalise_name(w)
                        if len(k) >= 4 and k not in _TITLES:  # particles are shorter
                            counts[k] += weight
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_KEYS]
    return tuple(sorted(k for k, _ in top))


# Salient content words as keys too, beside the names: an explainer or a methods section that
# names few of the story's people still shares its vocabulary ("probe", "corona", "shareholder"),
# and two stories on one broad topic that the embedding cannot tell apart (a Sun probe and a
# ninth planet; two Trump press stories) use different words ("spacecraft", "corona" / "orbit",
# "neptune"). A word key is written WORD_PREFIX + word, so it never meets a name key: the
# clusterer scores the two kinds apart (cluster.word_overlap) and retrieves by names only.
# The IDF over live stories (cluster.idf) discounts the words every story uses.
# History: 40 word keys mixed in with the names raised the tune-half F1 only from 0.832 to
# 0.845 and tripled the keys every lookup reads (ingest ~100 -> ~35 articles/s at 6,000
# articles, benchmarks/store_scale.py), so they were off. Kept apart, 10 of them are enough
# (tune half 0.843 -> 0.861, see cluster.W_WORDS), and a lookup only weighs the article's own.
WORD_KEYS = 10
WORD_PREFIX = "~"  # a name key is normalised to letters, digits and spaces: never starts so
WORD_LEAD_CHARS = 4000
_CONTENT = re.compile(r"[a-z]{4,}")
# Function words and the verbs and nouns of any report (attribution, time, quantity): they say
# nothing about which story it is.
_FUNCTION_WORDS = frozenset("""
about above across after afterwards again against almost alone along already also although
always among another anyone anything around away back became because become been before
behind being below beside besides between beyond both cannot could down during each either
else enough even ever every everyone everything except few from further have having hence
here herself himself however into itself just last least less made make makes many might
more most mostly much must myself neither never next none nothing often once only onto other
others otherwise over perhaps rather same seem seemed seems several should since some someone
something sometimes still such than that their them themselves then there therefore these
they this those though through thus together toward towards under until upon very well were
what whatever when where whether which while whom whose will with within without would your
yours said says told tell according added asked reported year years week weeks month months
today yesterday tomorrow time times people like also just including including first last
percent monday tuesday wednesday thursday friday saturday sunday news report reports story
photo image images video getty caption copyright could'nt didn doesn isn wasn aren weren
""".split())


def word_keys(headline: str, body: str) -> tuple[str, ...]:
    """The WORD_KEYS most frequent content words (4+ letters, not a function word, a plural's
    final s dropped) of the headline (counted twice) and the first WORD_LEAD_CHARS of the body,
    each written WORD_PREFIX + word."""
    if WORD_KEYS <= 0:
        return ()
    text = f"{headline} {headline} {body[:WORD_LEAD_CHARS]}".lower()
    counts: Counter[str] = Counter()
    for w in _CONTENT.findall(text):
        if w in _FUNCTION_WORDS:
            continue
        if w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        counts[w] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:WORD_KEYS]
    return tuple(WORD_PREFIX + k for k, _ in top)


def is_word_key(key: str) -> bool:
    """True for a content-word key (`word_keys`), False for a name key."""
    return key.startswith(WORD_PREFIX)


def _is_title_case(headline: str) -> bool:
    words = [w for w in headline.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _runs(words: list[str], common: set[str], at_start: bool, split_all: bool) -> list[list[str]]:
    """Split a capitalised run at words that are not part of a name."""
    out: list[list[str]] = []
    cur: list[str] = []
    for i, w in enumerate(words):
        # "That's", "It’s": a contraction or possessive of a stop word is still one
        low = _POSSESSIVE.sub("", w.lower().strip("'’.")).strip("'’.")
        is_common = low in common and (split_all or (at_start and i == 0))
        if low in _STOP or is_common or low.startswith(("i'", "i’")):
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        out.append(cur)
    particles = {"of", "the", "de", "del", "da", "al", "bin", "von", "van", "der", "la", "le"}
    for run in out:
        while len(run) > 1 and run[0].lower().strip(".") in _TITLES:
            run.pop(0)
        while run and run[-1].lower() in particles:
            run.pop()
        while run and run[0].lower() in particles:
            run.pop(0)
    return [r for r in out if r]
