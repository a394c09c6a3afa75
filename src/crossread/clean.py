"""Clean: take promo and platform boilerplate out of an article, recording the rule for each cut.

Precision first: a rule only fires on a whole line (or a parenthesised credit) whose shape is
unmistakable, and line rules are capped in length, so a news sentence that merely mentions
"share" or "subscribe" is never cut. Nothing is deleted from `Article.text`: removals are spans,
and later stages simply skip them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from crossread.model import Article, Removal

IGN = re.IGNORECASE


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    max_words: int = 40  # line rules never fire on long lines: long lines are prose
    credit_group: str | None = None  # named group holding a credit to keep


def _r(name: str, pattern: str, flags: int = 0, max_words: int = 40, credit: str | None = None):
    return Rule(name, re.compile(pattern, flags), max_words, credit)


_LINK_UPPER = (
    r"TRENDING|RELATED|READ MORE|READ ALSO|ALSO READ|SEE ALSO|MORE|WATCH|PHOTOS|VIDEO|"
    r"FULL COVERAGE|RECOMMENDED|DON'T MISS|MUST READ|MOST POPULAR|UP NEXT|LISTEN|CLICK TO TWEET|"
    r"MORE FROM [A-Z][A-Z. ]{1,30}|RELATED COVERAGE|RELATED STORY|RELATED STORIES|ALSO|"
    r"LATEST HEADLINES|INTERACTIVE|STORIFY"
)
_LINK_TITLE = (
    r"Related|Read More|Read more|Read Also|See Also|See also|More|Trending|Recommended|"
    r"Related Coverage|Related Story|Related Stories|Watch|Must Read|Don't Miss|Up Next|"
    r"Related content|Related Content|Latest Headlines|Latest headlines|Video"
)
# A credit: a few capitalised words ("The Associated Press", "@user", "Business Insider").
_NAME = r"[A-Z@][\w.@'&-]*(?: (?:[A-Z@][\w.@'&-]*|of|the|and|de|for)){0,6}"

# Whole-line rules, tried in order; each is matched against the stripped line.
LINE_RULES: tuple[Rule, ...] = (
    _r("promo_link", rf"(?:{_LINK_UPPER})\s*(?:[:|»>]|—|–|-)\s*\S.*", max_words=30),
    _r("promo_link", rf"(?:{_LINK_TITLE})\s*:\s*\S.*", max_words=30),
    _r("promo_link", rf"(?:{_LINK_UPPER}|{_LINK_TITLE}|Also)\s*:?"),
    _r("promo_link", r"(?:More from|Read more from|More stories from) [A-Z][\w.&' ]{1,40}:?"),
    _r("promo_link", r"(?:Read more (?:about|on|at)|Find (?:all|more) [\w ]{1,30} here)\b.*",
       max_words=20),
    _r("promo_link", r".{5,160}\s(?:Read more|Read More|READ MORE)", max_words=25),
    _r("share_prompt", r"(?:Read or )?Share this (?:story|article):?\s*\S*", IGN, max_words=8),
    _r("share_prompt", r"Click to (?:share|email|print|tweet)\b.*", IGN, max_words=15),
    _r("share_prompt",
       r"(?:please\s+)?(?:share|like|retweet)\s+(?:this|our)\s+(?:story|article|post|page|video)"
       r"\b.*", IGN),
    _r("share_prompt", r"(?:share|share this|share on|email|print)\s*(?:article|story)?\s*:?", IGN,
       max_words=4),
    _r("share_prompt",
       r"(?:follow|like|find)\s+(?:us|[A-Z@][\w.@ ]{1,40})\s+on\s+"
       r"(?:facebook|twitter|instagram|tiktok|youtube|linkedin|threads|x|google\+|tumblr)\b.*",
       IGN, max_words=25),
    _r("comment_prompt",
       r".*\b(?:scroll down to comment|leave (?:a|your) comment|comment below|"
       r"comments? section below|let us know in the comments|sound off in the comments|"
       r"join the (?:conversation|discussion) (?:below|in the comments))\b.*", IGN),
    _r("newsletter",
       r"(?:sign up|subscribe|get (?:our|the latest|breaking)|want more|never miss|don't miss)"
       r"\b.{0,120}\b(?:newsletter|inbox|e-?mail updates|"
       r"daily briefing|digest|our (?:free )?(?:app|podcast))\b.*", IGN, max_words=35),
    _r("newsletter", r"subscribe(?: now)?(?: to [\w .'&]{1,60})?[.!]?", IGN, max_words=10),
    _r("newsletter", r"(?:[\w'’ ]{1,40} )?Newsletter:?\s*Sign up\b.*", IGN, max_words=40),
    _r("newsletter", r".*\bThanks? (?:you )?for subscribing\b.*", IGN, max_words=40),
    _r("newsletter", r"This (?:story|article) appears in the .{3,60} issue of [A-Z][\w ]{1,30}\.?"
       r"(?: Subscribe)?", max_words=25),
    _r("share_prompt", r"For (?:the latest|more|outside)[\w ]{0,40}, follow @\w+\.?", IGN,
       max_words=15),
    _r("click_here", r"click here\b.*", IGN, max_words=30),
    # an other-story headline set off in brackets on a line of its own: "[Is there a Planet X?]"
    _r("promo_link", r"\[[^\[\]]{10,200}\]", max_words=30),
    # CNN's video widget flattened onto one line
    _r("promo_link", r"JUST WATCHED .*\bReplay More Videos\b.*", max_words=150),
    _r("ad",
       r"(?:advertisement(?:\s+advertisement)*|advertisement continue reading the main story|"
       r"sponsored(?: content)?|"
       r"story continues below(?: advertisement)?|story continued below|paid content|"
       r"continue reading (?:the main story|below)|ad feedback|skip ad|promoted(?: stories)?)",
       IGN),
    _r("social_chrome",
       r"(?:play (?:facebook|twitter|embed|video)|add a location to your tweets|"
       r"tweet with a location|text size\s*[-+]?|embed|pinterest|facebook|twitter|"
       r"whatsapp|linkedin|reddit|email this|view comments|comments|photo|video|photos|videos|"
       r"copy link|link copied|expand|close|replay|fullscreen|enlarge image|email this|"
       r"slideshow \(\d+ images?\)|view (?:graphic|gallery|slideshow)|(?:\d+ )?photos?)",
       IGN),
    _r("social_chrome", r".*\blocation information to your Tweets\b.*", max_words=60),
    _r("social_chrome", r".*\byour Tweet location history\b.*", max_words=60),
    _r("photo_credit",
       r"(?i:photo|photograph|image|picture|pictured|video|graphic|illustration)s?"
       r"(?i: courtesy(?: of)?| by| credit|)\s*:?\s+[A-Z(][^.!?]{0,80}", max_words=12),
    _r("photo_credit", r"(?:image copyright|image caption|getty images|toggle caption)\b.{0,100}",
       IGN, max_words=15),
    _r("photo_credit", r"\((?:AP|AFP|Reuters|Getty)?\s*Photos?\b[^()]{0,80}\)", max_words=15),
    _r("photo_credit",
       r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} ?/ ?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}",
       max_words=8),
    _r("photo_credit", r"\[(?:image|photo|video|picture)\b[^\]]{0,80}\]", IGN, max_words=12),
    _r("transcript_marker",
       r"\((?:SOUNDBITES? OF|BEGIN VIDEO|END VIDEO|LAUGHTER|APPLAUSE|CROSSTALK)[^()]*\)"),
    _r("dateline",
       r"(?:Posted|Published|Updated|First posted|Last updated|Last modified)"
       r"(?: on| at)?(?:\s+[\w,:.]+){0,9}", max_words=12),
    _r("navigation", r"Topics?:\s.*", max_words=80),
    _r("separator", r"[\W_]{2,}|[+*•·]"),
    _r("navigation",
       r"(?:top of page|back to top|scroll down for (?:video|more)|skip to (?:main )?content|"
       r"next (?:article|story|page)|previous (?:article|story|page)|jump to \w+|home)",
       IGN),
    _r("credit", rf"\(?(?:H/T|h/t|HT:|Hat tip:?|via|Via:)\s+(?P<credit>{_NAME})\.?\)?",
       max_words=12, credit="credit"),
    _r("credit",
       r"\(?(?P<credit>(?:Additional )?(?:Reporting|Writing|Editing|Compiled) by\b[^()]{2,200})"
       r"\)?\.?", IGN, max_words=40, credit="credit"),
    _r("credit", r"(?P<credit>[A-Z][\w.'-]*(?:,? (?:and )?[A-Z][\w.'-]*){0,8}) contributed "
       r"(?:reporting )?(?:to|for) this (?:report|story|article)\.?", max_words=20,
       credit="credit"),
    _r("credit", r"(?:--|—|–)\s*(?P<credit>[A-Z][\w.'-]+(?: (?:and )?[A-Z][\w.'-]+){0,5})"
       r"(?: (?:in|at) [A-Z][\w .'-]{1,40})?", max_words=12, credit="credit"),
    _r("credit", r"By (?P<credit>[A-Z][\w.'-]+(?: (?:and )?[A-Z][\w.'-]+){0,4})"
       r"(?:,? [A-Z][\w .,'-]{0,60})?", max_words=12, credit="credit"),
    _r("credit", r"(?P<credit>Write to .{2,80}\bat\s+\S+@\S+)", max_words=20, credit="credit"),
    _r("credit", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", max_words=1),
    _r("credit", r"To contact the (?:editor|reporter|writer)s? (?:responsible )?(?:for|on) this "
       r"story:?.*", IGN, max_words=40),
    _r("credit", r"(?P<credit>Information from:.{2,160})", max_words=25, credit="credit"),
    _r("photo_credit", r"\([^()]{2,80}/[^()]{2,80}\)", max_words=12),
    # The Internet Archive's notices about its own crawls, kept by scrapers of archived pages.
    _r("archive_notice",
       r"(?:Starting in \d{4}, Alexa Internet has been donating their crawl data|"
       r"These crawls are part of an effort to archive pages)\b.*", max_words=150),
    # A CNN photo gallery flattened onto one line: "Photos: <gallery> <caption> Hide Caption 1
    # of 13 Photos: <gallery> <caption> Hide Caption 2 of 13 ...". Captions describe pictures,
    # not the report, and the repeated gallery title glues unrelated stories together.
    _r("photo_gallery", r".*\bHide Caption \d+ of \d+\b.*", max_words=100_000),
    _r("copyright", r"(?:copyright|©|\(c\))\s.{0,160}", IGN, max_words=30),
    _r("copyright", r".{0,40}\bThis copy is for your personal,? non-commercial use only\b.*",
       max_words=80),
    # a numbered photo gallery flattened into lines: "2/18 On Senator McCain “...” Getty Images"
    _r("photo_gallery", r"\d{1,2}/\d{1,2} .{5,600}\b(?:Getty Images|AFP|Reuters|AP|EPA|PA|"
       r"Rex Features|Shutterstock)\.?", max_words=120),
    _r("copyright", r".{0,120}\ball rights reserved\.?.{0,60}", IGN, max_words=30),
    # a photo gallery's slide, counter first: The Washington Post's player flattened onto one
    # line ("1 of 50 Full Screen Autoplay Close Skip Ad × <gallery> View Photos <caption>") and
    # a Reuters slideshow caption ("1 of 6. The encampment is seen before ...")
    _r("photo_gallery", r"\d{1,3} of \d{1,3} Full Screen Autoplay\b.*", max_words=100_000),
    _r("photo_gallery", r"\d{1,2} of \d{1,2}\. [A-Z].{10,600}", max_words=120),
)

# Inline rules: a credit inside a line, typically a photo credit after a caption.
INLINE_RULES: tuple[Rule, ...] = (
    # the BBC's picture and video chrome before a caption: the caption stays, a caption
    _r("social_chrome", r"^Media playback is unsupported on your device(?:\s+Media caption)?"),
    # USA Today's video player label before the video's description: the description stays
    _r("social_chrome", r"^CLOSE(?=\s+[A-Z])"),
    # a pointer to another story, a parenthesised sentence of its own between sentences:
    # "... in 1973. (See the top 10 movies of 2009.)"
    _r("promo_link", r"(?:^|(?<=[.!?”\"] ))\((?:See|Read|Watch)\s[^()]{3,150}[.!]\)"),
    _r("photo_credit", r"^(?:Image copyright\s.{1,60}?\s)?Image caption\b"),
    _r("photo_credit",
       r"\((?:[^()]{0,60}/\s*)?(?:Staff Photographer|Getty Images|AP Photo|AFP|Reuters|"
       r"Associated Press|Bloomberg|EPA|Shutterstock|Courtesy)[^()]{0,60}\)"),
    _r("photo_credit", r"\((?:AP|AFP)?\s*Photo(?:graph)?s?(?:\s+by)?\s*[:/][^()]{1,80}\)", IGN),
    _r("photo_credit", r"\((?:Photo |Image )?Credit:[^()]{1,60}\)", IGN),
    _r("photo_credit",
       r"(?<=[.!?”\"] )(?:Photo|Pic|Picture|Credit|Image|Photograph):\s[A-Z][\w .'’/&-]{1,50}$"),
)

HEADLINE_RULES: tuple[Rule, ...] = (
    _r("headline_media_tag",
       r"\s*[\[(](?:VIDEOS?|PHOTOS?|PICS|WATCH|GALLERY|AUDIO|LIVE|SLIDESHOW|UPDATED?)[\])]", IGN),
    _r("headline_media_tag", r"(?:WATCH|VIDEO|PHOTOS|LISTEN)\s*:\s*(?=\S)"),
)

_LINE = re.compile(r"[^\n]+")


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Spans of non-blank lines in text[start:], trimmed of surrounding whitespace."""
    for m in _LINE.finditer(text, start):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def _match_line(line: str) -> tuple[Rule, re.Match[str]] | None:
    words = len(line.split())
    for rule in LINE_RULES:
        if words > rule.max_words:
            continue
        m = rule.pattern.fullmatch(line)
        if m:
            return rule, m
    return None


def clean(article: Article) -> Article:
    """Return the article with `removed`, `credit` and a cleaned `title` filled in."""
    text = article.text
    removed: list[Removal] = []
    credits: list[str] = []
    for s, e in _lines(text, article.body_start):
        line = text[s:e]
        hit = _match_line(line)
        if hit:
            rule, m = hit
            removed.append(Removal(line, rule.name, s, e))
            if rule.credit_group and m.group(rule.credit_group):
                credits.append(m.group(rule.credit_group).strip(" .;"))
            continue
        for rule in INLINE_RULES:
            for m in rule.pattern.finditer(line):
                removed.append(Removal(m.group(0), rule.name, s + m.start(), s + m.end()))

    credit_line = _credit_line(article.raw_title)
    if credit_line:
        # a photo credit read as the headline (the first line of a plain-text page): no title
        title: str | None = None
        title_cuts = [Removal(article.raw_title, credit_line, 0, len(article.raw_title),
                              field="title")]
    else:
        title, title_cuts = clean_title(article.raw_title)
    removed = title_cuts + sorted(removed, key=lambda r: r.start)
    if article.body_start and article.raw_title:
        # The headline is part of `text` too: record its cuts against `text` as well.
        offset = text.find(article.raw_title)
        removed = [
            dataclasses.replace(r, start=r.start + offset, end=r.end + offset, field="text")
            if r.field == "title" and offset >= 0 else r
            for r in removed
        ]
    return dataclasses.replace(
        article,
        title=title if article.raw_title is not None else article.title,
        removed=tuple(removed),
        credit="; ".join(dict.fromkeys(credits)) or article.credit,
    )


_PICTURE_WORD = re.compile(r"\b(?:photos?|images?|getty|afp|reuters|ap)\b", re.IGNORECASE)


def _credit_line(raw: str | None) -> str | None:
    """The rule name when the whole headline is a photo credit ("Photo by James Nielsen/AFP/
    Getty Images"). Only credit lines that name a picture or an agency: a Title Case headline
    with a slash ("Trump/Putin Summit Ends") has the credit's shape but is a headline."""
    if not raw or not raw.strip():
        return None
    hit = _match_line(raw.strip())
    if hit and hit[0].name == "photo_credit" and _PICTURE_WORD.search(raw):
        return hit[0].name
    return None


def clean_title(raw: str | None) -> tuple[str | None, list[Removal]]:
    if not raw:
        return raw, []
    cuts: list[Removal] = []
    for rule in HEADLINE_RULES:
        for m in rule.pattern.finditer(raw):
            if m.group(0).strip():
                s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                cuts.append(Removal(raw[s:m.end()], rule.name, s, m.end(), field="title"))
    cuts.sort(key=lambda r: r.start)
    kept, pos = [], 0
    for c in cuts:
        kept.append(raw[pos:c.start])
        pos = c.end
    kept.append(raw[pos:])
    title = re.sub(r"\s+", " ", "".join(kept)).strip(" -–—:|") or raw.strip()
    return title.lstrip("# ").strip(), cuts


_FILE_PHOTO = re.compile(r"\s*(?:FILE\s*[-–—]\s*)?In (?:this|a) [^.]{0,80}\bphoto\b",
                         re.IGNORECASE)


def caption_spans(article: Article) -> list[tuple[int, int]]:
    """Lines that are photo captions: they end where a photo credit was cut, or open with
    "FILE - In this ... photo". A caption describes a picture, often of another day; it is kept
    in the text but is not the account of events, so comparing and summarising skip it."""
    text = article.text
    credits = [r for r in article.removed if r.rule == "photo_credit" and r.field == "text"]
    out = []
    for s, e in _lines(text, article.body_start):
        if _FILE_PHOTO.match(text, s) or any(s < r.start and r.end >= e - 1 for r in credits
                                              if r.start < e):
            out.append((s, e))
    return out


def kept_spans(article: Article) -> list[tuple[int, int]]:
    """The body's text blocks that survive cleaning: paragraphs split at every removal.

    Paragraphs are separated by blank lines; a single newline also ends a block unless the
    line looks hard-wrapped (no closing punctuation, next line starts in lower case).
    """
    text = article.text
    cuts = sorted((r.start, r.end) for r in article.removed if r.field == "text")
    blocks: list[tuple[int, int]] = []
    lines = list(_lines(text, article.body_start))
    cur: list[int] | None = None
    for s, e in lines:
        if cur is not None:
            gap = text[cur[1]:s]
            wrapped = (gap.count("\n") == 1 and text[s].islower()
                       and not re.search(r"[.!?:\"'”’)]$", text[cur[0]:cur[1]]))
            if wrapped:
                cur[1] = e
                continue
            blocks.append((cur[0], cur[1]))
        cur = [s, e]
    if cur is not None:
        blocks.append((cur[0], cur[1]))
    out: list[tuple[int, int]] = []
    for bs, be in blocks:
        pos = bs
        for cs, ce in cuts:
            if ce <= pos or cs >= be:
                continue
            if cs > pos:
                out.append((pos, cs))
            pos = max(pos, ce)
        if pos < be:
            out.append((pos, be))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in out) if s < e]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
