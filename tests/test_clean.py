"""Cleaning: each rule, precision traps, credits, headline tags and kept text."""

from __future__ import annotations

import pytest

from crossread.clean import clean, kept_spans
from crossread.ingest.plaintext import read_plain
from crossread.model import Article
from helpers import check_offsets


def cleaned(text: str) -> Article:
    return clean(Article(index=0, id="", text=text, source="t"))


def rules(text: str) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in cleaned(text).removed]


@pytest.mark.parametrize(("line", "rule"), [
    ("TRENDING: Exclusive: Woman Shakes Left's Narrative", "promo_link"),
    ("RELATED: Report: Letter Outlined Attack", "promo_link"),
    ("Read more: Radio pair apologizes for prank call", "promo_link"),
    ("SEE ALSO: Apple unveils iPhone 7", "promo_link"),
    ("Please share this story on Facebook and Twitter and let us know what you think.",
     "share_prompt"),
    ("Follow us on Facebook, Twitter, Google+, Tumblr!", "share_prompt"),
    ("What do you think about the regime? Scroll down to comment below!", "comment_prompt"),
    ("Sign up for our daily newsletter to get the news in your inbox.", "newsletter"),
    ("Click here to learn more.", "click_here"),
    ("Advertisement Continue reading the main story", "ad"),
    ("Story continues below advertisement", "ad"),
    ("Add a location to your Tweets", "social_chrome"),
    ("toggle caption Jay Reed/NPR", "photo_credit"),
    ("Rommel Demano/Getty Images", "photo_credit"),
    ("___", "separator"),
    ("Top of Page", "navigation"),
    ("(Reporting by Joan Gralla; Editing by Jan Paschal)", "credit"),
    ("John Bresnahan contributed to this report.", "credit"),
    ("Photos: Moments of the station Photos: Moments of the station The crew took this picture "
     "in 2011. Hide Caption 1 of 2 Photos: Moments of the station Astronauts at work in 1998. "
     "Hide Caption 2 of 2", "photo_gallery"),
    ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
     "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
     "embargo period.", "archive_notice"),
    ("These crawls are part of an effort to archive pages as they are created and archive the "
     "pages that they refer to.", "archive_notice"),
    ("Copyright 2017 The Associated Press. All rights reserved.", "copyright"),
    ("(SOUNDBITE OF ARCHIVED RECORDING)", "transcript_marker"),
    ("Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order "
     "presentation-ready copies for distribution, use the Order Reprints tool.", "copyright"),
    ("Harbour Daybreak Newsletter: Sign up to get the latest on ports delivered to your inbox.",
     "newsletter"),
    ("Sign up for BREAKING NEWS Emails privacy policy Thanks for subscribing!", "newsletter"),
    ("This story appears in the March 12, 2026 issue of Harbour Weekly. Subscribe", "newsletter"),
    ("For the latest port news, follow @harbourdesk.", "share_prompt"),
    ("[Is there a second crane at risk? What engineers know so far]", "promo_link"),
    ("Video: Ann Calloway on how the harbour will reopen.", "promo_link"),
    ("JUST WATCHED Crane falls at harbour Replay More Videos ... MUST WATCH Crane falls at "
     "harbour 01:12", "promo_link"),
    ("2/18 On the crane “It was the oldest machine on the quay.” Getty Images", "photo_gallery"),
])
def test_line_rules(line, rule):
    text = f"A first news sentence here.\n\n{line}\n\nA last news sentence here."
    assert rules(text) == [(rule, line)]


@pytest.mark.parametrize("line", [
    "Investors rushed to share the news of the merger with clients on Monday.",
    "Readers can subscribe to the paper's print edition for $5 a week, the company said.",
    "Click, the startup, said it would hire 200 people in Boston.",
    "By Monday evening, officials said the death toll had risen to 12.",
    "Related charges were filed against three other men, prosecutors said.",
    "More than 40 people were hurt in the crash, police said.",
    "Watch out for falling debris, the fire chief warned residents on Tuesday.",
    "Share prices fell 4% after the announcement.",
    "The museum said visitors could hide caption cards behind the exhibit, and 3 of 10 did.",
    "Starting in 1996, the Internet Archive has kept copies of web pages, its director said.",
    "He said: “I want to share this with everyone who helped us.”",
    "Also on Tuesday, the mayor announced a curfew.",
    "The paper's newsletter editor said sign-ups doubled after the storm.",
    "Video of the collapse was shared thousands of times, the port said.",
    "He said the crane [that fell] had been inspected in 2025.",
    "The team won 3/4 of its games, Getty said on Monday.",
])
def test_news_lines_are_kept(line):
    text = f"Headline-free start of the story.\n\n{line}\n\nThe end of the story."
    assert rules(text) == []


def test_bbc_picture_chrome_is_cut_and_its_caption_kept():
    line = ("Image copyright Harbour Photos Image caption The crane fell across two berths at the "
            "Larkhaven quay on Monday")
    text = f"The story.\n\n{line}\n\nThe end of the story."
    art = cleaned(text)
    assert [(r.rule, r.text) for r in art.removed] == [
        ("photo_credit", "Image copyright Harbour Photos Image caption")]
    video = "Media playback is unsupported on your device Media caption The quay after the fall"
    assert rules(f"The story.\n\n{video}\n\nThe end.") == [
        ("social_chrome", "Media playback is unsupported on your device Media caption")]


def test_a_video_players_close_label_and_a_pointer_to_another_story_are_cut_inline():
    line = "CLOSE The port reopened two berths on Tuesday after the crane fell. Video by Port TV"
    assert rules(f"The story.\n\n{line}\n\nThe end.") == [("social_chrome", "CLOSE")]
    para = ("The crane fell across two berths on Monday, the port said. (See the ten worst "
            "harbour accidents of the decade.) Work resumed on Wednesday.")
    art = cleaned(f"The story.\n\n{para}\n\nThe end.")
    assert [(r.rule, r.text) for r in art.removed] == [
        ("promo_link", "(See the ten worst harbour accidents of the decade.)")]
    # a closing of the quay and a parenthesis that is the report's own are news
    for line in ("CLOSE to 40 ships waited outside the harbour on Monday.",
                 "The crane (see the photo above) fell on Monday.",
                 "The port (Read Harbour Authority) said the crane fell.",
                 "The crane fell (See Harbour Authority report.) on Monday."):
        assert rules(f"The story.\n\n{line}\n\nThe end.") == [], line


def test_a_photo_gallerys_slide_is_cut_with_its_counter():
    player = ("1 of 12 Full Screen Autoplay Close Skip Ad × The crane collapse at Larkhaven "
              "View Photos Engineers inspect the fallen crane. Caption Engineers inspect it.")
    slide = "1 of 6. Engineers inspect the fallen crane at the Larkhaven quay, March 9, 2026."
    for line in (player, slide):
        assert rules(f"The story.\n\n{line}\n\nThe end.") == [("photo_gallery", line)]
    news = "3 of 4 dock workers at the Larkhaven quay said they had warned about the crane."
    assert rules(f"The story.\n\n{news}\n\nThe end.") == []


def test_credit_is_kept_as_attribution():
    art = cleaned("The story.\n\nH/T The Associated Press\n")
    assert art.credit == "The Associated Press"
    assert [r.rule for r in art.removed] == ["credit"]
    art = cleaned("The story.\n\nvia Business Insider\n")
    assert art.credit == "Business Insider"


def test_inline_photo_credit_is_cut_from_a_caption():
    text = "Members of Occupy Philadelphia remain on site. (David M Warren / Staff Photographer)"
    art = cleaned(text)
    assert [(r.rule, r.text) for r in art.removed] == [
        ("photo_credit", "(David M Warren / Staff Photographer)")]
    assert [text[s:e] for s, e in kept_spans(art)] == [
        "Members of Occupy Philadelphia remain on site."]


def test_headline_media_tag_recorded_against_title_and_text():
    text = "Soldier Runs Across DMZ [VIDEO]\n\nA soldier ran across the DMZ on Monday."
    art = clean(read_plain(text, "t.txt"))
    assert art.title == "Soldier Runs Across DMZ"
    (cut,) = art.removed
    assert cut.rule == "headline_media_tag" and cut.text == "[VIDEO]"
    assert art.text[cut.start:cut.end] == "[VIDEO]"
    check_offsets(art)


def test_kept_spans_skip_headline_and_removals_and_join_wrapped_lines():
    text = ("Headline Here\n\nA long sentence that was hard\nwrapped by an editor.\n"
            "TRENDING: Something else\nLast line.")
    art = clean(read_plain(text, "t.txt"))
    kept = [text[s:e] for s, e in kept_spans(art)]
    assert kept == ["A long sentence that was hard\nwrapped by an editor.", "Last line."]


def test_removal_offsets_match_text():
    text = "News.\n\n  RELATED: Other story  \n\nMore news.\n\nAdvertisement\n"
    art = cleaned(text)
    for r in art.removed:
        assert text[r.start:r.end] == r.text
    assert [r.text for r in art.removed] == ["RELATED: Other story", "Advertisement"]


def test_caption_lines_are_marked():
    from crossread.clean import caption_spans

    text = ("Crane falls\n\nA crane fell on Tuesday.\n\n"
            "A man passes the crane site on Saturday. (AP Photo/Jane Roe)\n\n"
            "FILE - In this March 2, 2025 file photo, the port is seen from the air.\n\n"
            "Work resumed on Friday.")
    art = clean(read_plain(text, "t.txt"))
    captions = [text[s:e] for s, e in caption_spans(art)]
    assert captions == ["A man passes the crane site on Saturday. (AP Photo/Jane Roe)",
                        "FILE - In this March 2, 2025 file photo, the port is seen from the air."]


@pytest.mark.parametrize("first_line, title", [
    # a photo credit read as a plain-text page's headline is no title, and is cut
    ("Photo by James Nielsen/AFP/Getty Images", None),
    # a Title Case headline with a slash has the credit's shape, but names no picture
    ("Trump/Putin Summit Ends", "Trump/Putin Summit Ends"),
])
def test_a_photo_credit_is_not_a_headline(first_line, title):
    a = clean(read_plain(f"{first_line}\n\nThe summit ended on Monday, officials said.\n", "x"))
    assert a.title == title
    cut = [r for r in a.removed if r.rule == "photo_credit"]
    assert [a.text[r.start:r.end] for r in cut] == ([] if title else [first_line])
    check_offsets(a)
