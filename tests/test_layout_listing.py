"""Listing layout: items read from their repeated structure, chrome around them dropped;
and what must not be read as a listing (an article with a byline, a thread, a forum)."""

from __future__ import annotations

import pytest

from flows.stages.records import Segmented
from flows.stages.repair import RepairConfig, repair
from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.layouts import listing
from flows.stages.segment.lines import Line, split_lines
from tests.test_segment_inputs import FakeComment, render_listing, render_thread

DOC = "0123456789abcdef"


def run(text: str) -> Segmented:
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    return result


def bodies(result: Segmented) -> str:
    return "\n".join(post["body"] for post in result.posts)


SUMMARIES = [
    "The dockers of the northern terminal stopped work on Monday after the third month "
    "without wages, and the strike committee says it will not",
    "A new tram line was promised to the eastern districts four years ago; the rails are "
    "still lying in a field outside the depot while the council argues about the",
    "Teachers in the valley towns have begun to organise their own union branch, and the "
    "first meeting drew more people than the hall could hold on a wet",
    "The regional assembly voted to close the last public library in the old quarter, "
    "despite a petition signed by eleven thousand residents over the",
]
TITLES = [
    "Dockers Down Tools at the Northern Terminal",
    "Where Did the Eastern Tram Line Go?",
    "Valley Teachers Build a Union From Scratch",
    "The Library That Eleven Thousand Could Not Save",
]
NAMES = ["Ilse Marrow", "Tomas Quillet", "Ilse Marrow", "Rena Oduya"]
DATES = ["March 14, 2022", "March 2, 2022", "February 20, 2022", "February 9, 2022"]
ISO = ["2022-03-14", "2022-03-02", "2022-02-20", "2022-02-09"]

SIDEBAR = [
    "Search for:",
    "Recent Posts",
    TITLES[0],
    "An Older Story About the Harbour",
    "Archives",
    "March 2022",
    "February 2022",
    "Categories",
    "Labour",
    "Meta",
    "Log in",
    "Entries feed",
    "© 2022 Harbour Notes. All rights reserved.",
]


def test_read_more_byline_and_date_in_any_order() -> None:
    """<title> <summary …> Read More » By <name> <date>, under a category heading, with
    pagination and a sidebar after the items."""
    lines = ["Harbour Notes", "Home", "About", "", "Category Archives: Labour", ""]
    for n in range(4):
        credits = [f"By {NAMES[n]}", DATES[n]] if n % 2 else [DATES[n], f"By {NAMES[n]}"]
        lines += [TITLES[n], "", SUMMARIES[n] + " …", "Read More »", *credits, ""]
    lines += ["« Older Entries", "Page 1 of 14", "", *SIDEBAR]
    text = "\n".join(lines)
    result = run(text)
    assert result.layout == "listing"
    assert [post["kind"] for post in result.posts] == ["teaser"] * 4
    assert [post["rank"] for post in result.posts] == [1, 2, 3, 4]
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == ISO
    for chrome in ("Category Archives", "Read More", "Older Entries", "Page 1 of 14",
                   "Recent Posts", "Entries feed", "All rights reserved", "By Ilse"):  # fmt: skip
        assert chrome not in bodies(result)
    assert result.posts[0]["body"].startswith("The dockers of the northern terminal")
    rules = {row["text"]: row["rule"] for row in result.dropped}
    assert rules["Page 1 of 14"] == "page_chrome"
    assert rules["Category Archives: Labour"] == "page_chrome"


def test_byline_and_date_open_the_summary_line() -> None:
    """<title> / By <name>, <date>. <summary>"""
    lines = ["Tag Archives: Transport", ""]
    for n in range(3):
        lines += [TITLES[n], f"By {NAMES[n]}, {DATES[n]}. {SUMMARIES[n]}.", ""]
    lines += ["1 2 3 … 9 Next »"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == NAMES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    assert "Next »" not in bodies(result) and "Tag Archives" not in bodies(result)


def test_caption_under_the_title_and_a_credit_in_brackets() -> None:
    """<Title In Title Case> / <image caption> / (<outlet> – <name> – <date>) <summary>
    » Read more, with a widget of category counts after the items."""
    captions = ["Dockers at the gate", "Tram rails in a field", "A school hall at night"]
    lines = ["Harbour Clipboard", "Home", ""]
    for n in range(3):
        credit = f"(Text ©2022 Harbour Wire – {NAMES[n]} – {DATES[n]} – also at example.org)"
        lines += [TITLES[n], captions[n], f"{credit} {SUMMARIES[n]} […]", "» Read more", ""]
    lines += ["Page 1 of 37 1 2 3 … »", "", "Topics", "Labour (1,204)", "Transport (89)"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == NAMES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    for chrome in (*captions, "Page 1 of 37", "Labour (1,204)"):
        assert chrome not in bodies(result)


def test_category_label_above_each_title_is_chrome() -> None:
    """<label> / <title> / <summary> […], the label never the title."""
    labels = ["All posts", "All posts Analysis", "Interviews", "All posts"]
    lines = ["Left Harbour", "Home", "Donate", ""]
    for n in range(4):
        lines += [labels[n], "", TITLES[n], "", SUMMARIES[n] + " […]", ""]
    lines += ["Subscribe to our newsletter", "Sign up"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["author"] for post in result.posts] == [None] * 4
    assert "Analysis" not in bodies(result) and "Interviews" not in bodies(result)
    assert "Subscribe" not in bodies(result)


def test_date_line_above_each_title_is_the_items_date() -> None:
    """<date> / <title> / <summary> / Continue reading →"""
    lines = ["Notes From the Valley", "Main menu", ""]
    for n in range(4):
        lines += [DATES[n], TITLES[n], SUMMARIES[n] + "...", "Continue reading →", ""]
    lines += ["Newer posts →"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["published_date"] for post in result.posts] == ISO
    assert "Continue reading" not in bodies(result)


def test_signature_under_the_summary_is_the_author_not_the_next_items_date() -> None:
    """<date> / <title> / <summary> / — <Name>: the signature closes its item, and the date
    line after it opens the next one; an item may have no signature."""
    lines = ["Week in Review", ""]
    for n in range(4):
        signed = [f"— {NAMES[n]}"] if n != 1 else []
        lines += [DATES[n], "", TITLES[n], SUMMARIES[n] + ".", *signed, ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["author"] for post in result.posts] == [NAMES[0], None, *NAMES[2:]]
    assert [post["published_date"] for post in result.posts] == ISO
    assert "— " not in bodies(result)


def test_date_and_read_more_on_one_line_and_a_glued_copy_of_the_summary() -> None:
    """<title> / <summary> / <date> | Continued<summary again> / <date> | Continued: the
    copy run into the link's text is no new text, the link line gives the date."""
    lines = ['All Posts Tagged With: "harbour"', ""]
    for n in range(3):
        short = DATES[n].replace("March", "Mar").replace("February", "Feb")
        lines += [TITLES[n], SUMMARIES[n] + ".", f"{short} | Continued{SUMMARIES[n]}.",
                  f"{short} | Continued"]  # fmt: skip
    lines += ["", "« Older Entries"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    assert "Continued" not in bodies(result)
    assert [post["body"].count(SUMMARIES[n]) for n, post in enumerate(result.posts)] == [1] * 3


def test_section_name_opening_every_byline_is_not_the_author() -> None:
    """<title> / <section> <name> - <date>. / <summary>..., the section also a menu label."""
    lines = ["Steppe Review", "Home", "Regions", "Opinion", "Regions"]
    for n in range(3):
        lines += [TITLES[n], f"Regions {NAMES[n]} - {DATES[n]}.", SUMMARIES[n] + "..."]
    lines += ["Pages 1 of 5", "Most read", TITLES[3]]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["author"] for post in result.posts] == NAMES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    assert "Most read" not in bodies(result) and TITLES[3] not in bodies(result)


def test_bare_name_under_the_title_or_beside_the_date_is_the_byline() -> None:
    """<title> / <Name> / <date> / <summary>, and <title> / <Name>, <date> / <summary>."""
    lines = ["Archive by author", ""]
    for n in range(4):
        credits = [NAMES[n], DATES[n]] if n % 2 else [f"{NAMES[n]}, {DATES[n]}"]
        lines += [TITLES[n], *credits, SUMMARIES[n] + " …", ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["author"] for post in result.posts] == NAMES
    assert [post["published_date"] for post in result.posts] == ISO
    assert "Ilse Marrow" not in bodies(result)


def test_bare_teasers_stay_a_listing() -> None:
    teasers = [summary + " and the rest of the story follows here." for summary in SUMMARIES]
    result = run(render_listing(teasers))
    assert result.layout == "listing"
    assert [post["body"] for post in result.posts] == teasers


# --- negatives ------------------------------------------------------------------------------


def test_article_with_byline_and_date_is_not_a_listing() -> None:
    text = "\n\n".join(
        [
            "Why the Harbour Strike Matters",
            "By Ilse Marrow",
            "March 14, 2022",
            SUMMARIES[0] + " back down.",
            "What the workers want",
            SUMMARIES[1] + " budget.",
            "What comes next",
            SUMMARIES[2] + " evening.",
            "Share this:",
        ]
    )
    result = run(text)
    assert result.layout != "listing"
    assert len(result.posts) == 1


def test_thread_is_not_a_listing() -> None:
    comments = [
        FakeComment(0, "ana@forum.example", [SUMMARIES[0] + "."]),
        FakeComment(1, "ben@forum.example", [SUMMARIES[1] + "."]),
        FakeComment(0, "cara@forum.example", [SUMMARIES[2] + "."]),
    ]
    result = run(render_thread([SUMMARIES[3] + "."], comments))
    assert result.layout == "thread"


def test_forum_replies_with_timestamps_are_not_a_listing() -> None:
    lines = ["Harbour Forum", "Board index ‹ Labour", ""]
    for n in range(3):
        lines += [
            f"Re: {TITLES[0]}",
            f"by {NAMES[n].split()[0].lower()} » Mon Mar 14, 2022 10:0{n} am",
            SUMMARIES[n] + ".",
            "",
        ]
    result = run("\n".join(lines))
    assert result.layout != "listing"


def test_article_with_related_posts_is_not_a_listing() -> None:
    """A short article under its byline, then related-post teasers with dates."""
    text = "\n\n".join(
        [
            TITLES[0],
            f"Posted on {DATES[0]} by {NAMES[0]}",
            SUMMARIES[0] + " back down.",
            SUMMARIES[1] + " budget.",
            SUMMARIES[2] + " evening.",
            "Related",
            *(f"{TITLES[n]}\n{DATES[n]}\n{SUMMARIES[n]} …" for n in (1, 2, 3)),
        ]
    )
    result = run(text)
    assert result.layout != "listing"


def test_titled_items_with_two_full_paragraphs_are_not_a_listing() -> None:
    lines: list[str] = []
    for n in range(3):
        lines += [TITLES[n], f"By {NAMES[n]}", SUMMARIES[n] + ".", SUMMARIES[n + 1] + ".", ""]
    result = run("\n".join(lines))
    assert result.layout != "listing"


def test_search_results_title_address_and_dated_snippet() -> None:
    """<title> / <web address> / <date> — <snippet …>: the address line is neither joined
    to its neighbours by unwrapping nor read as a title."""
    lines = ['About 120 results for "tram" (0.31 seconds)', "Sort by: Relevance | Date", ""]
    for n in range(3):
        lines += [TITLES[n], f"https://harbour.example/news/2022/{n + 1}/item-{n}",
                  f"{DATES[n]} — {SUMMARIES[n]} ...", ""]  # fmt: skip
    lines += ["Previous 1 2 3 4 5 ... 12 Next"]
    text = repair("\n".join(lines), RepairConfig()).text
    result = run(text)
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    assert "https://" not in bodies(result)


def test_feed_entries_by_handle_are_teasers_with_their_authors() -> None:
    """'<handle> · <age>' / kind label / [title] / text / '<n> notes · View notes'."""
    lines = ["Mirrorview", "#harbour", "Explore tagged posts"]
    for n in range(3):
        title = [TITLES[n]] if n != 1 else []
        lines += [f"{NAMES[n].lower().replace(' ', '-')} · {n + 2} days", "Text", *title,
                  SUMMARIES[n] + ".", f"{n + 5} notes · View notes"]  # fmt: skip
    lines += ["Load more", "Mirrorview is not affiliated with the network."]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == [TITLES[0], None, TITLES[2]]
    assert [post["author"] for post in result.posts] == [
        "ilse-marrow", "tomas-quillet", "ilse-marrow"
    ]  # fmt: skip
    assert [post.get("published_date") for post in result.posts] == [None] * 3
    assert "notes" not in bodies(result) and "Load more" not in bodies(result)


def test_one_handle_and_age_line_is_no_feed() -> None:
    """A single '<handle> · <age>' line over an article: no listing."""
    text = "\n\n".join(["ilse-marrow · 2 days", TITLES[0], *(s + "." for s in SUMMARIES)])
    assert run(text).layout != "listing"


# --- headline-only items, crumbs, credits, badges -------------------------------------------

STAMPS = ["Politics · 18 min ago", "Economy · 2 hours ago", "Labour · Yesterday",
          "Transport · Mar 3, 2024"]  # fmt: skip


def test_headline_only_items_with_stamps_are_teasers_with_empty_bodies() -> None:
    """'<headline>' / '<section> · <age or date>', a blank line between items and no
    summary: a latest-news list. Unwrapping keeps the stamp off the headline."""
    lines = ["Harbour Courier", "Politics", "Economy", "Latest news", ""]
    for n in range(4):
        lines += [TITLES[n], STAMPS[n], ""]
    lines += ["Show more news", "© 2024 Harbour Courier"]
    text = repair("\n".join(lines), RepairConfig()).text
    assert STAMPS[0] in text.split("\n")  # not joined to the headline as a hard wrap
    result = run(text)
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["body"] for post in result.posts] == [""] * 4
    assert [post["author"] for post in result.posts] == [None] * 4  # a section is no author
    assert [post["published_date"] for post in result.posts] == [None, None, None, "2024-03-03"]
    assert [post["rank"] for post in result.posts] == [1, 2, 3, 4]


def test_headline_only_items_mixed_with_summarised_ones() -> None:
    """A section front: some items have a summary under the headline, some only a stamp;
    a date without its year ('Mar 14') under a summary is the item's date line."""
    lines = ["Harbour Courier", ""]
    for n in range(4):
        summary = [SUMMARIES[n] + "."] if n % 2 else []
        when = "Mar 14" if n == 3 else STAMPS[n]
        lines += ["LIVE" if n == 0 else "REPORT", TITLES[n], *summary, when, ""]
    lines += ["Load more"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert result.posts[0]["body"] == "" and result.posts[1]["body"].startswith("A new tram")
    assert "Mar 14" not in bodies(result) and "LIVE" not in bodies(result)


def test_text_right_under_a_stamp_is_no_headline_only_item() -> None:
    """'<title>' / '<section> · <age>' / '<summary>' with no blank line: the stamp is the
    item's credit line and the summary its body, not a second item."""
    lines = ["Harbour Courier", ""]
    for n in range(3):
        lines += [TITLES[n], STAMPS[n], SUMMARIES[n] + " …", ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert all(post["body"] for post in result.posts)


def test_stamp_line_names_no_author() -> None:
    cases = {
        "Politics · 18 min ago": True,
        "Regions · Mar 3, 2024": True,
        "Politics · Yesterday": True,
        "Ilse Marrow · March 3, 2024": False,  # a person's name: a byline
        "By Ilse Marrow · 2 hours ago": False,
        "Contacts | Advertising | Privacy policy": False,
        "Politics · Economy": False,
    }
    for text, expected in cases.items():
        assert listing.stamp_line(text) is expected, text


def test_breadcrumb_and_photo_credit_around_the_headline_are_chrome() -> None:
    """'<Name>/<Agency>' / '<headline>' / '<Section> / <Subsection> /' / '<summary>
    ...Read more': the credit and the crumb are chrome, never the title or the author."""
    lines = ["Current News", "/", "Wiremax", ""]
    for n in range(3):
        credit = [f"{NAMES[n]}/Harbour Wire"] if n != 1 else []
        lines += [*credit, TITLES[n], "Current News / Labour /", SUMMARIES[n] + " ...Read more",
                  ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == [None] * 3
    assert "Current News /" not in bodies(result) and "Harbour Wire" not in bodies(result)


def test_crumb_lines() -> None:
    cases = {
        "Current News / Politics /": True,
        "Home › World › Europe": True,
        "News / Russia / Regions": True,
        "Выборы / Elections": False,  # two words joined by a slash: a headline's
        "Left / Right: A Debate": False,
        "Where Did the Eastern Tram Line Go?": False,
    }
    for text, expected in cases.items():
        assert listing.is_crumb(text) is expected, text
    assert listing.line_role("Irina Lapteva/Volga Wire Syndicate", 200) == "chrome"
    assert listing.line_role("Irina Lapteva / Volga Wire Syndicate", 200) != "chrome"


def test_headline_shape() -> None:
    """One short sentence, not cut off, is a headline; a summary line is not."""
    cases = {
        TITLES[0]: True,
        TITLES[1]: True,
        "Putin's Man in Kazan: Who He Is": True,
        "None of the ministers commented. Deputies were told later": False,  # two sentences
        "The governor dismissed six ministers on Thursday after the report ...Read more": False,
        "The Explainer Ministers have been told to expect changes since the spring but "
        "insiders in the government disagree about the reason why": False,  # over 20 words
    }
    for text, expected in cases.items():
        assert listing.is_headline(text, 200) is expected, text


def test_access_badge_glued_to_titles_is_taken_off() -> None:
    """'<title> Paid Members Public' / '<summary cut off on a word>' under the site's name
    and tagline: the badge is no part of the title, the masthead no item."""
    badges = ["Paid Members Public", "Public", "Members Public", "Public"]
    lines = ["Harbour Letter", "Sign in", "Harbour Letter", "Weekly notes from the harbour."]
    for n in range(4):
        lines += [f"{TITLES[n]} {badges[n]}", SUMMARIES[n]]
    lines += ["Page 2 of 11", "Harbour Letter © 2024"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert "Weekly notes" not in bodies(result)


def test_one_title_ending_in_a_badge_word_keeps_it() -> None:
    items = [listing.Item(body=[], title=Line(0, 0, "Harbour Accounts Go Public"))]
    items.append(listing.Item(body=[], title=Line(1, 27, TITLES[0])))
    listing._mark_badges(items)
    assert [item.title_text for item in items] == ["Harbour Accounts Go Public", TITLES[0]]


def test_summary_cut_on_a_word() -> None:
    assert listing.cut_mid_sentence(SUMMARIES[0])
    assert not listing.cut_mid_sentence(SUMMARIES[0] + ".")
    assert not listing.cut_mid_sentence("Teachers organise a union branch in the valley")


def test_byline_run_into_a_snippet_between_dashes() -> None:
    cases = {
        ("Oct 2, 2020 — By Ilse Marrow — Of the nine governors, five left.", "Oct 2, 2020"):
            "Ilse Marrow",
        ("By Tomas Quillet — The dockers stopped work on Monday.", None): "Tomas Quillet",
        ("Oct 2, 2020 — By the end of the year the port had closed.", "Oct 2, 2020"): None,
        ("Oct 2, 2020 — Ilse Marrow said the port would close.", "Oct 2, 2020"): None,
    }  # fmt: skip
    for (text, opened), wanted in cases.items():
        assert listing.dashed_byline(text, opened) == wanted, text


def test_news_feed_of_times_glued_to_headlines_dated_by_day_headers() -> None:
    lines = ["Newsfeed", "", "14 March 2024", ""]
    lines += [f"1{n}:0{n}  {TITLES[n]}" for n in range(3)]
    lines += ["", "13 March 2024", "", f"22:10  {TITLES[3]}", "", "Load more"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:4]
    dates = [post["published_date"] for post in result.posts]
    assert dates == ["2024-03-14"] * 3 + ["2024-03-13"]


def test_read_more_link_glued_to_a_summary_is_chrome() -> None:
    lines: list[str] = []
    for n in range(3):
        lines += [TITLES[n], "", f"{SUMMARIES[n]} … Continue reading {TITLES[n]}", ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert "Continue reading" not in bodies(result)
    assert [post["title"] for post in result.posts] == TITLES[:3]


def test_wire_dateline_marks_a_teaser() -> None:
    item = listing.Item(body=[Line(0, 0, "MOSCOW, November 29. /Wire/: The council met.")])
    assert "dateline" in item.marks()
    assert listing.WIRE_DATELINE.match("МОСКВА, 29 ноября. /Север/. Совет собрался.")
    assert not listing.WIRE_DATELINE.match("Moscow, the capital, voted on November 29.")


def test_comment_links_in_brackets_are_item_footers() -> None:
    """A journal's '(<n> comments | Leave a comment)' closes a post as '<n> Comments' does;
    a bracketed remark in prose is none."""
    footer = listing.ITEM_FOOTER
    assert footer.search("(3 comments | Leave a comment)")
    assert footer.search("(Leave a comment)")
    assert footer.search("Add new comment")
    assert footer.search("Posted in Regions | 2 Comments")
    assert not footer.search("(He did not leave a comment on the decision.)")
    assert not footer.search("Nobody would leave a comment")


def test_bulleted_titles_over_indented_summaries() -> None:
    """'  • <title>' / '    <summary>' / '    Read More': the bullet is no part of the title."""
    lines = ["Harbour Forum", "Sort by: Newest | Oldest", ""]
    for n in range(3):
        lines += [f"  • {TITLES[n]}", "", f"    {SUMMARIES[n]}.", "", "    Read More"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    # one bulleted line is no list of items: it stays as it is
    single = Line(0, 0, f"  • {TITLES[0]}")
    assert listing.split_glued([single], 200) == [single]
    assert listing._bullet_cut(Line(0, 0, "  • the dockers stopped work on Monday."), 200) is None


def test_name_glued_to_the_date_is_cut_into_a_byline() -> None:
    """'<Name><Month> <day>, <year>' under each summary: the name is the author."""
    lines = ["Harbour News", ""]
    for n in range(3):
        glued = NAMES[n] + DATES[n]
        lines += ["Latest News", "", TITLES[n], "", SUMMARIES[n] + "...", "", glued, ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["author"] for post in result.posts] == NAMES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    for text, cut in {
        "Ilse MarrowMarch 14, 2022": 11,
        "Ilse Marrow March 14, 2022": None,  # not glued: read as it is
        "the harbourMarch 14, 2022": None,  # no name before the date
        "Budget ReviewMarch": None,
    }.items():
        assert listing._glued_date_cut(Line(0, 0, text)) == cut, text


def test_caption_over_a_photo_credit_is_no_part_of_the_summary() -> None:
    """'<title>' / '<date>' / '<deck>' / '<caption>' / '<Name>/<Agency> via <Agency>'."""
    lines = ["Tag: Harbour", ""]
    for n in range(3):
        lines += [TITLES[n], "", DATES[n], SUMMARIES[n] + ".",
                  "Dockers gather outside the terminal gates on Monday.",
                  f"{NAMES[n]}/Harbour Wire via Coast Images", ""]  # fmt: skip
    text = "\n".join(lines)
    result = segment(doc_id=DOC, text=text, layout_hint="listing", config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert "gather outside" not in bodies(result) and "Coast Images" not in bodies(result)
    assert all(post["body"] == SUMMARIES[n] + "." for n, post in enumerate(result.posts))
    assert listing.line_role("Ilse Marrow/Harbour Wire via Coast Images", 200) == "chrome"
    assert listing.line_role("Ilse Marrow/Harbour Wire via the coast road", 200) != "chrome"


def test_credit_glued_to_titles_names_the_author() -> None:
    """'<title> - <Name>, <Outlet>' over each summary, on two titles or more."""
    lines = ["Topic: Harbour", ""]
    for n in range(3):
        lines += [f"{TITLES[n]} - {NAMES[n]}, Harbour Review", "", SUMMARIES[n] + "...", ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == NAMES[:3]
    items = [listing.Item(body=[], title=Line(0, 0, "Left - Right: A Debate on the Port"))]
    items.append(listing.Item(body=[], title=Line(1, 40, "Docks - Then and Now - Harbour Talk")))
    listing._mark_title_credits(items)  # no name after the dash: the titles stay whole
    assert [item.author for item in items] == [None, None]


def test_long_headline_shaped_deck_under_each_title_is_the_summary() -> None:
    """'<date>' / '<title>' / '<deck without a closing stop>': the deck is the summary."""
    decks = [
        "Dockers at the northern terminal walked out after three months without wages and "
        "a promise nobody kept",
        "Four years after it was promised the eastern tram line is still a pile of rails "
        "in a field",
        "Teachers in the valley towns organise a union branch of their own for the first time "
        "in decades",
    ]
    lines = ["Harbour Journal", "Politics", ""]
    for n in range(3):
        lines += [DATES[n], "", TITLES[n], "", decks[n], ""]
    lines += ["« first ‹ previous 1 2 3 next › last »"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    assert "a pile of rails" in bodies(result)
    # a shorter line under a headline is another headline, not a deck
    filled = [Line(0, 0, TITLES[0]), Line(2, 50, TITLES[1])]
    assert not listing._is_deck(filled, ["head", "head"], 1)


def test_archive_heading_with_a_date_under_it_is_no_headline_item() -> None:
    """'Tag Archives: <tag>' / '<date>' / '<title>' / '<post>': the date is the first
    item's, the heading chrome."""
    lines = ["Tag Archives: Harbour"]
    for n in range(3):
        lines += [DATES[n], "", TITLES[n], "", SUMMARIES[n] + ".", ""]
    lines += ["« Older Entries"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    cases = {
        "Tag Archives: Harbour": True,
        "Daily Archives: March 14, 2022": True,
        "Archive for the ‘Labour’ Category": True,
        "Archive for March, 2022": True,
        "Posts Tagged ‘dockers’": True,
        "Showing posts with label strikes. Show all posts": True,
        "Archives": False,  # a widget's heading, read elsewhere
        "Archive Files Show Who Paid the Dockers": False,  # a headline
    }
    for text, expected in cases.items():
        assert bool(listing.ARCHIVE_HEADING.match(text)) is expected, text


DECKS = [
    "Dockers at the northern terminal walked out after three months without wages and "
    "a promise nobody kept",
    "Four years after it was promised the eastern tram line is still a pile of rails in a field",
    "Teachers in the valley towns organise a union branch of their own for the first time "
    "in decades",
]


def test_deck_under_a_name_shaped_title_follows_the_repeated_structure() -> None:
    """'<date>' / '<Three Capitalised Words>' / '<deck>': with two other decks under dated
    titles, the short title is a headline, not a byline, and its item is kept."""
    titles = [TITLES[0], "Trams Without Rails", TITLES[2]]
    lines = ["Harbour Journal", "Politics", ""]
    for n in range(3):
        lines += [DATES[n], "", titles[n], "", DECKS[n], ""]
    lines += ["« first ‹ previous 1 2 3 next › last »"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == titles
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    # alone, a name-shaped line over a long headline is still no title over a deck
    filled = [Line(0, 0, "Trams Without Rails"), Line(2, 30, DECKS[1])]
    roles = ["head", "head"]
    assert not listing._is_deck(filled, roles, 1)
    listing._mark_decks(filled, roles)
    assert roles == ["head", "head"]


def test_doubled_name() -> None:
    cases = {
        "Ilse Marrow Ilse Marrow": "Ilse Marrow",
        "Олег Сафронов Олег Сафронов Почему выборы стали скучными": "Олег Сафронов",
        "Ilse Marrow": None,
        "Marrow Marrow Street": None,  # one word twice is no name
        "bread and bread and circuses": None,  # a repeat in lower case
    }
    for text, expected in cases.items():
        assert listing.doubled_name(text) == expected, text


def test_doubled_name_glued_to_each_title_is_the_byline() -> None:
    """'<Name> <Name> <title>' / '<summary>' / '<n> comments': a newspaper's columnist
    cards, the name written twice (avatar and link) run into the headline."""
    lines = ["Harbour Journal", "Columnists", ""]
    for n in range(3):
        lines += [f"{NAMES[n]} {NAMES[n]} {TITLES[n]}", "", SUMMARIES[n] + ".", "", "3 comments"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == NAMES[:3]
    assert "3 comments" not in bodies(result)


def test_byline_over_a_stack_of_headlines_tops_the_item() -> None:
    """'<Name> <Name>' / '<title>' / '<subtitle>' / '<source date line>' / '<source
    headline>' / '<summary>': with the structure repeated, the title is the headline
    under the byline and the lines between stay in the text."""
    lines = ["Harbour Notes", "Blog", ""]
    for n in range(2):
        lines += [
            f"{NAMES[n]} {NAMES[n]}",
            "",
            TITLES[n],
            "",
            "Or at least it looks that way",
            "",
            f"{DATES[n]} Harbour Courier",
            "",
            "Strike committee says the port owes wages for three months",
            "",
            SUMMARIES[n] + ".",
            "",
            "Read More",
        ]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:2]
    assert [post["author"] for post in result.posts] == NAMES[:2]
    assert "Or at least it looks that way" in result.posts[0]["body"]
    roles = ["byline", "head", "head", "date", "head", "prose"]
    assert listing._topped_title(roles, 4, -1) == 1
    assert listing._topped_title(["head", "head", "prose"], 1, -1) is None  # no byline
    assert listing._topped_title(["byline", "head", "prose"], 1, -1) is None  # nothing between


def test_bulleted_dates_over_untitled_summaries_are_entries() -> None:
    """An author's page: '• <date>' / '<summary>' for each item, no titles."""
    lines = [
        "Harbour Journal",
        "Home | Labour | Authors",
        "",
        "Ilse Marrow",
        "",
        "Author Archive",
        "",
    ]
    for n in range(3):
        lines += [f"  • {DATES[n]}", f"    {SUMMARIES[n]}..."]
    lines += ["", "« Previous | Next »", "", "© 2022 Harbour Journal"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    assert [post["title"] for post in result.posts] == [None, None, None]
    assert "Next »" not in bodies(result)


def test_bulleted_dates_inside_an_article_are_no_entries() -> None:
    """A timeline in an article: prose around the bulleted dates, so no feed entries."""
    lines = [SUMMARIES[0] + ".", ""]
    for n in range(3):
        lines += [f"• {DATES[n]}", SUMMARIES[n + 1][:60]]
    lines += ["", SUMMARIES[3] + "."]
    text = "\n".join(lines)
    from flows.stages.segment.feed import find_dated_entries
    from flows.stages.segment.lines import split_lines

    assert find_dated_entries(split_lines(text)) is None
    assert find_dated_entries(split_lines("• March 14, 2022\n" + SUMMARIES[0])) is None


def test_day_header_over_each_post_dates_it() -> None:
    """A blog's page of posts: '<Weekday>, <date>' / '<title>' / '<summary>' / 'Posted by
    <Name> at <time>' / '<n> comments:' / 'Labels: …': the day header gives the date."""
    lines = ["Harbour Notes", "", "Showing posts with label strikes. Show all posts", ""]
    for n in range(3):
        lines += [f"Monday, {DATES[n]}", "", TITLES[n], "", SUMMARIES[n] + ". Read more »", ""]
        lines += [f"Posted by {NAMES[n]} at 11:42 PM", "2 comments:", "Labels: strikes", ""]
    lines += ["Older Posts Home"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    assert [post["author"] for post in result.posts] == NAMES[:3]
    assert "Labels: strikes" not in bodies(result)


def test_aggregator_topic_page_of_outlet_headline_age_byline() -> None:
    """'<outlet>' / '<headline>' / '<age>' / ['By <Name>'] / 'More': headline-only items,
    the byline under the stamp names the author, the outlet and the link are chrome."""
    outlets = ["Harbour Wire", "Valley Courier", "The Northern Ledger"]
    lines = ["News", "Home", "For you", "", "Labour", "Follow", ""]
    for n in range(3):
        lines += [outlets[n], TITLES[n], f"{n + 2} hours ago"]
        lines += [f"By {NAMES[n]}", "More", ""] if n else ["More", ""]
    lines += ["Full Coverage"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == [None, *NAMES[1:3]]
    # a headline with a summary right under its byline is no headline-only item
    lines = [TITLES[0], "2 hours ago", f"By {NAMES[0]}", SUMMARIES[0] + ".", ""]
    from flows.stages.segment.lines import split_lines

    filled = [line for line in split_lines("\n".join(lines)) if not line.is_blank]
    roles = [listing.line_role(line.text, 150) for line in filled]
    assert listing._headline_pairs(filled, roles, []) == []


def test_bare_counts_around_an_item_are_no_part_of_it() -> None:
    """'<title>' / '<Name> - <date>' / '0' / '<summary>': the comment count between the
    byline and the summary does not hide the title."""
    lines = ["Harbour Outlook", "", "Labour", ""]
    for n in range(3):
        lines += [TITLES[n], f"{NAMES[n]} - {DATES[n]}", str(n), "", SUMMARIES[n] + ".", ""]
    lines += ["123Page 1 of 3"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == NAMES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    cases = {"0": True, "14": True, "1.2K": True, "2021 elections": False, "12 comments": False}
    for text, expected in cases.items():
        assert bool(listing.COUNT_LINE.match(text)) is expected, text


def test_subtitle_over_a_stacked_byline_is_the_summary() -> None:
    """'<title>' / '<subtitle>' / '<DATE> • <NAME>' / counts / 'Share': the subtitle right
    over the card's byline is its summary; an outlet over a headline over its age is not
    read that way."""
    subtitles = [
        "Dockers at the northern terminal walked out after three months without any wages",
        "Four years after it was promised the eastern tram line is still a pile of rails",
        "Teachers in the valley towns organise a union branch of their own for the first time",
    ]
    lines = ["Harbour Ledger", "Subscribe", "", "Latest", "Top", ""]
    for n in range(3):
        lines += [
            TITLES[n],
            subtitles[n],
            f"{DATES[n].upper()} • {NAMES[n].upper()}",
            "14",
            "Share",
            "",
        ]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == [name.upper() for name in NAMES[:3]]
    assert "a pile of rails" in bodies(result)
    filled = [Line(0, 0, "The Harbour Wire"), Line(1, 20, TITLES[1] + " again and again"),
              Line(2, 80, "6 hours ago")]  # fmt: skip
    assert not listing._is_standfirst(filled, ["head", "head", "date"], 1)


def test_names_line_over_the_date_is_a_byline_under_a_two_sentence_title() -> None:
    """'<LABEL>' / '<Two. Sentences.>' / '<Name>, <Name>' / '<date>' / '<summary>'."""
    titles = ["Dockers Are Getting Younger. That Does Not Mean Change.", TITLES[1], TITLES[2]]
    authors = [f"{NAMES[0]}, {NAMES[1]}", NAMES[1], NAMES[3]]
    lines = ["Harbour Forum", "Research", ""]
    for n in range(3):
        lines += ["COMMENTARY", titles[n], authors[n], DATES[n], SUMMARIES[n] + ".", ""]
    lines += ["Load more"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == titles
    assert [post["author"] for post in result.posts] == authors
    cases = {
        "Ilse Marrow": True,
        "Ilse Marrow, Tomas Quillet and Rena Oduya": True,
        "Анна Головина и Игорь Лукин": True,
        "Ilse Marrow, political scientist": False,
        "Dockers, Trams and Teachers Go on Strike": False,
    }
    for text, expected in cases.items():
        assert listing.is_names(text) is expected, text
    assert listing._titled_sentences(titles[0])
    assert not listing._titled_sentences(SUMMARIES[0] + ". And more of it.")  # sentence case


def test_handle_and_date_over_a_stack_of_counters_and_labels_tops_the_item() -> None:
    """'<handle> <date>' / '<title>' / '<reading time>' / '<views>' / '<topics>' / '<type>'
    / '<summary>' / 'Читать далее' / '<votes>': the title is the line under the header."""
    handles = ["v_orlova", "d_kirsanov", "p_mirzoev"]
    days = ["5 мар 2021 в 11:20", "3 мар 2021 в 16:05", "1 мар 2021 в 09:45"]
    lines = ["Хабр", "Все потоки", ""]
    for n in range(3):
        lines += [f"{handles[n]} {days[n]}", TITLES[n], "Время на прочтение 7 мин",
                  "Количество просмотров 9.4K", "Labour Law*", "Обзор", SUMMARIES[n] + ".",
                  "Читать далее", "Всего голосов 31: ↑28 и ↓3+25", "Комментарии 64", ""]  # fmt: skip
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == handles
    assert [post["published_date"] for post in result.posts] == [
        "2021-03-05",
        "2021-03-03",
        "2021-03-01",
    ]
    assert "Количество просмотров" not in bodies(result)
    assert listing.credit_byline("v_orlova 5 мар 2021 в 11:20") == "v_orlova"
    assert listing.credit_byline("Moscow 5 March 2021") is None  # a place, capitalised
    roles = ["byline", "head", "count", "other", "prose"]
    assert listing._topped_title(roles, 4, -1) == 1
    assert listing._topped_title(["more", "head", "other", "prose"], 3, -1) is None


def test_deck_long_subtitle_right_over_the_date_is_the_summary() -> None:
    """'<title>' / '<subtitle of twelve words or more>' / '<date>' / '--' / claps: a writer's
    profile cards; a shorter line over an age stays a headline (an outlet over it)."""
    lines = ["Ilse Marrow", "2.4K Followers", "Follow", "", "Pinned", ""]
    for n in range(3):
        lines += ["Member-only story", TITLES[n], DECKS[n], DATES[n], "--", "38", ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    filled = [Line(0, 0, TITLES[0]), Line(1, 50, DECKS[0]), Line(2, 160, DATES[0])]
    assert listing._is_standfirst(filled, ["head", "head", "date"], 1)
    filled = [Line(0, 0, "The Harbour Wire"), Line(1, 20, TITLES[0] + " Again"),
              Line(2, 80, "6 hours ago")]  # fmt: skip
    assert not listing._is_standfirst(filled, ["head", "head", "date"], 1)


def test_date_glued_before_each_title_is_cut_into_a_date_line() -> None:
    """'dd.mm.yyyy <title>' / '<summary>': the date is the item's, not part of its title;
    '<date> <Name> 0 Comments' stays a byline line, whole."""
    numeric = ["14.03.2022", "02.03.2022", "20.02.2022"]
    lines = ["Embassy of Harbouria", "News", ""]
    for n in range(3):
        lines += [f"{numeric[n]} {TITLES[n]}", SUMMARIES[n] + ".", ""]
    lines += ["Archive"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    assert listing._date_cut(Line(0, 0, f"{DATES[0]} {NAMES[0]} 0 Comments"), 150) is None
    assert listing._date_cut(Line(0, 0, f"{numeric[0]} {TITLES[0]}"), 150) == len(numeric[0])


def test_expert_page_bio_card_over_headline_only_publications() -> None:
    """'<Name>' / '<role>' / '<Name> studies …' / then '<type>' / '<title>' / '<date>' per
    publication: the bio card is no item; a date run into its headline is cut off."""
    bio = f"{NAMES[0]} studies labour politics in the harbour towns, with a focus on strikes."
    lines = ["Harbour Institute", "Experts", NAMES[0], "Senior Fellow, Labour Programme", "",
             bio, "", f"Publications by {NAMES[0]}", ""]  # fmt: skip
    for n in range(3):
        dated = [f"{TITLES[n]} {DATES[n]}"] if n == 2 else [TITLES[n], DATES[n]]
        lines += ["Analysis", *dated, ""]
    lines += ["View all publications"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["published_date"] for post in result.posts] == ISO[:3]
    cut = listing._trailing_date_cut(Line(0, 0, f"{TITLES[2]} {DATES[2]}"), 150)
    assert cut == len(TITLES[2]) + 1
    meta_row = Line(0, 0, f"Politics, Society / By {NAMES[1]} / {DATES[1]}")
    assert listing._trailing_date_cut(meta_row, 150) is None
    assert listing._trailing_date_cut(Line(0, 0, f"Strike Talks {DATES[1]}"), 150) is None  # short


def test_source_beside_a_short_age_is_a_stamp() -> None:
    """'<title>' / '<Source> · 2h' / '<summary>' (a feed reader): the source, even
    name-shaped, is a stamp's label, no author; a name beside a date stays a byline."""
    sources = ["Harbour Monitor", "Valley Wire", "The Northern Post"]
    lines = ["Reader", "All articles", "Starred", "", "Labour · 46 unread", "Mark all as read", ""]
    for n in range(3):
        lines += [TITLES[n], f"{sources[n]} · {n + 2}h", SUMMARIES[n] + ".", ""]
    lines += ["Load more"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert [post["author"] for post in result.posts] == [None, None, None]
    assert listing.stamp_line("Harbour Monitor · 2h")
    assert not listing.stamp_line(f"{NAMES[0]} · {DATES[0]}")
    assert not listing.stamp_line("By Ilse Marrow · 2h")


def test_views_count_between_a_headline_and_its_age() -> None:
    """'<duration>' / '<title>' / '41K views' / '2 weeks ago': headline-only items, the
    count no title."""
    lines = ["Harbour Channel", "84.3K subscribers", "Subscribe", "", "Videos", ""]
    for n in range(3):
        lines += [f"{n + 12}:41", TITLES[n], f"{n + 4}1K views", f"{n + 2} weeks ago", ""]
    lines += ["Show more"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert "views" not in " ".join(str(post["title"]) for post in result.posts)
    cases = {"41K views": True, "1 234 просмотров": False, "Views of the Harbour": False}
    for text, expected in cases.items():
        assert bool(listing.COUNT_LINE.match(text)) is expected, text


def test_russian_age_and_reads_count_under_a_card() -> None:
    """'<title>' / '<deck>' / '3 дня назад' / '1,2 тыс. прочтений': the age is the stamp,
    the reads count chrome."""
    ages = ["3 дня назад", "неделю назад", "2 недели назад"]
    lines = ["Дзен", "Войти", "", "Harbour Notes", "12,4 тыс. подписчиков", "Подписаться", ""]
    for n in range(3):
        lines += [TITLES[n], DECKS[n], ages[n], "1,2 тыс. прочтений", ""]
    lines += ["Показать ещё"]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert "прочтений" not in bodies(result)
    for text in ("3 дня назад", "неделю назад", "вчера", "5 минут назад"):
        assert listing.RU_AGE.match(text), text
    assert not listing.RU_AGE.match("три года назад власти обещали")


WALL_TEXTS = [
    "The regional commission approved a new map of districts for the next assembly vote.",
    "Budget revenue of the regions grew in January, but nineteen of them saw it shrink.",
    "The governor replaced the head of the domestic policy department for the third time.",
]


def test_wall_posts_signed_by_one_sender_are_untitled_teasers() -> None:
    """'<channel>' over each post, counters under it: one untitled teaser per post by the
    channel; the page's head (the name over its description) and the counters are chrome."""
    lines = ["Region Desk", "@region_desk", "41.7K subscribers", ""]
    for n, text in enumerate(WALL_TEXTS):
        lines += ["Region Desk", text, f"1{n}.4K views", f"0{n}:15", ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == [None, None, None]
    assert [post["author"] for post in result.posts] == ["Region Desk"] * 3
    assert "views" not in bodies(result) and "subscribers" not in bodies(result)


def test_repeated_label_without_the_page_naming_it_is_no_sender() -> None:
    """A label over every item that the page's head never shows ('Member-only story') is
    no wall's sender."""
    lines = ["Some Site", ""]
    for n, text in enumerate(WALL_TEXTS):
        lines += ["Member-only story", text, f"{n + 3}8", ""]
    assert listing.find_entries(split_lines("\n".join(lines))) is None


def test_markdown_date_heading_dates_an_untitled_item() -> None:
    """'## <date>' at the level of the titles ('## <title>') heads an untitled item: its
    date, no title; a line of hashtags under an item is its footer."""
    text = "\n\n".join(
        [
            "# Notebook",
            "## September 18, 2023",
            WALL_TEXTS[0],
            "#districts #assembly",
            "## The quiet end of elected mayors",
            WALL_TEXTS[1],
            "Read more...",
            "## August 2, 2023",
            WALL_TEXTS[2],
            "#governors",
        ]
    )
    result = run(text)
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == [
        None,
        "The quiet end of elected mayors",
        None,
    ]
    assert [post["published"] for post in result.posts][0::2] == [
        "September 18, 2023",
        "August 2, 2023",
    ]
    assert "#" not in bodies(result)


BRIEF_TITLES = [
    "Regional elections move to a three-day vote",
    "Duma fast-tracks a bill on listed candidates",
    "Regions told to cut spending as revenue falls",
]


def test_stamped_briefs_with_a_repeated_promotion_between_them() -> None:
    """'<age> - <section>' over each title, an image credit under it, a lead and a
    labelled context line: one teaser per brief; a block shown twice verbatim (a podcast's
    promotion) is chrome under its own rule."""
    promo = ["Listen to the daily show", "The day's news in ten minutes, wherever you listen."]
    lines = ["Latest stories", ""]
    for n, title in enumerate(BRIEF_TITLES):
        lines += [
            f"{n + 2} hours ago - Politics & Policy",
            "",
            title,
            "",
            "Photo: Anna Sorel/Getty Images",
            "",
        ]
        lines += [
            WALL_TEXTS[n],
            "",
            "Why it matters: the vote is harder to observe than before.",
            "",
        ]
        if n == 0:
            lines += [*promo, ""]
    lines += [*promo, ""]
    result = run("\n".join(lines))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == BRIEF_TITLES
    text = bodies(result)
    assert "Listen to" not in text and "Getty" not in text and "hours ago" not in text
    assert "Why it matters" in text
    assert any(row["rule"] == listing.REPEATED_BLOCK_RULE for row in result.dropped)


def test_meta_row_with_a_date_and_two_names_is_the_items_byline() -> None:
    """'<date> · <n> min · <Name>, <Name>' under a summary: the item's date line."""
    text = "\n\n".join(
        f"{title}\n{WALL_TEXTS[n]} …\nOctober {n + 2}, 2024 · 4 min · Pavel Sorokin, Irina Lapteva"
        for n, title in enumerate(BRIEF_TITLES)
    )
    result = run(text)
    assert result.layout == "listing"
    assert [post["published"] for post in result.posts] == [
        f"October {n + 2}, 2024" for n in range(3)
    ]
    assert "min" not in bodies(result)


def test_names_of_several_posters_over_blocks_are_no_wall() -> None:
    """Two names each opening blocks (a thread's posters), counters under the text: no
    wall's sender."""
    lines = ["anna_k", "Thread about districts", ""]
    for n in range(4):
        lines += ["anna_k" if n % 2 == 0 else "boris_v", WALL_TEXTS[n % 3], str(n + 3), ""]
    assert listing.find_entries(split_lines("\n".join(lines))) is None


def _dated_items(header: str, lead: list[str]) -> str:
    items = [
        f"{lead[n]}{title}\n\n{date}\n\n{summary}.\n\nCategories: Harbour Planets"
        for n, (title, date, summary) in enumerate(zip(TITLES, DATES, SUMMARIES, strict=True))
    ]
    return header + "\n\n" + "\n\n".join(items) + "\n"


def test_a_tagline_over_the_first_title_only_is_the_page_header() -> None:
    header = "Harbour Planet\n\nSyndicate content\nBy Harbour users, for Harbour users."
    text = _dated_items(header + "\nUpdated: 2 hours 14 min ago", [""] * 4)
    result = run(text)
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert all(post["author"] is None for post in result.posts)


def test_bylines_over_every_title_are_the_items_own() -> None:
    text = _dated_items("Harbour Planet", [f"By {name}\n" for name in NAMES])
    result = run(text)
    assert [post["author"] for post in result.posts] == NAMES


def _numbered_items(
    titles: list[str], last: str = "The work goes on next year."
) -> list[listing.Item]:
    lines = split_lines("\n".join(line for title in titles for line in (title, last)))
    return [listing.Item(body=[lines[2 * n + 1]], title=lines[2 * n]) for n in range(len(titles))]


def test_numbered_short_headings_are_a_reports_sections() -> None:
    sections = ["1. Summary", "2. Background", "3. How operators adapted", "4. Conclusions"]
    assert listing._numbered_sections(_numbered_items(sections))


def test_numbered_headlines_out_of_order_or_long_or_cut_are_items() -> None:
    assert not listing._numbered_sections(_numbered_items(["1. Summary", "3. Background"]))
    long = [f"{n}. Ferry crews in the northern port win back their bonus" for n in (1, 2, 3)]
    assert not listing._numbered_sections(_numbered_items(long))
    cut = ["1. Summary", "2. Background", "3. Findings"]
    assert not listing._numbered_sections(_numbered_items(cut, "The crews said that ..."))
    assert not listing._numbered_sections(_numbered_items(["Summary", "Background", "Findings"]))


def test_dashed_teaser_cut_off_a_headline() -> None:
    line = Line(
        0, 0, "Central bank holds its key rate — The regulator said inflation was slowing …"
    )
    cut = listing._dashed_teaser_cut(line, 120)
    assert cut is not None and line.raw[:cut] == "Central bank holds its key rate"


def test_dashes_in_prose_cut_no_headline() -> None:
    for text in (
        "The minister said — without naming anyone — that the plan would fail.",
        "It ended. The crowd left — and the square emptied within the hour …",
        "Central bank holds its key rate at 21 percent — as expected …",
    ):
        assert listing._dashed_teaser_cut(Line(0, 0, text), 120) is None


def test_attribution_over_a_headline_names_its_author() -> None:
    text = "\n".join(
        [
            "Top Items:",
            "",
            "Ivan Nechaev / The Harbour Times:",
            "Putin claims record win in vote — Vladimir Putin was declared the winner of the "
            "election with a record share of the vote, the highest of his career …",
            "",
            "Foreign Desk:",
            "Queues at noon at the polling stations — The plan was simple: arrive at your polling "
            "station at exactly twelve o'clock and stand in the line with everyone else …",
            "",
            "Lena Hartmann / Capital Wire:",
            "White House calls the vote neither free nor fair — The administration said on Sunday "
            "that the outcome had been decided long before the first ballot was cast …",
        ]
    )
    lines = listing.split_glued(split_lines(text), 120)
    items = listing.find_items(lines, SegmentConfig())
    assert [item.author for item in items] == ["Ivan Nechaev", None, "Lena Hartmann"]
    assert [item.title.text if item.title else None for item in items] == [
        "Putin claims record win in vote",
        "Queues at noon at the polling stations",
        "White House calls the vote neither free nor fair",
    ]


STAMPED_ITEMS = [
    ("Governor of the river region resigns after an audit",
     "The governor stepped down days after federal auditors published a report on missing "
     "road funds, and an acting head was named the same evening and th…"),
    ("Council passes the funding bill. Critics say it targets local charities.",
     "Deputies approved a bill that obliges any group paid from abroad to register, and "
     "charity workers say the wording is broad enough to cover th…"),
    ("Tram depot sale postponed for a second time",
     "City deputies postponed the sale of the old depot again and asked the mayor's office "
     "for an independent valuation of the land before any auc…"),
    ("Mayor detained at the port. Her deputies call the case political.",
     "Investigators detained the mayor on suspicion of exceeding her powers when she signed "
     "a contract for snow removal with a firm run by a rel…"),
]  # fmt: skip


def _stamped_page(rows: list[str]) -> str:
    lines = ["Harbour News", "Category : Region", ""]
    for row, (title, summary) in zip(rows, STAMPED_ITEMS, strict=True):
        lines += [row, "", title, "", summary, ""]
    return "\n".join([*lines, "« Previous 1 2 3 Next »"]) + "\n"


def test_line_under_a_repeated_meta_row_is_the_title_even_in_sentences() -> None:
    """'<SECTION> / <Topic> - <age>' over each title and a cut-off summary under it: the
    rows repeat in one shape, so the line under each is its title, two sentences or one,
    never the summary."""
    rows = [f"WORLD / Region - {n} months ago" for n in (2, 2, 3, 3)]
    result = run(_stamped_page(rows))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == [title for title, _ in STAMPED_ITEMS]
    assert all("months ago" not in post["body"] for post in result.posts)


def test_rows_of_other_shapes_make_no_sentence_a_title() -> None:
    """Rows that do not repeat in one shape (or carry no number) promote nothing."""
    rows = ["WORLD / Region - 2 months ago", "Politics", "Yesterday at noon", "Economy"]
    filled = [line for line in split_lines(_stamped_page(rows)) if not line.is_blank]
    roles = [listing.line_role(line.text, SegmentConfig().max_title_chars) for line in filled]
    before = list(roles)
    listing._mark_stamped_titles(filled, roles)
    assert roles == before


COLUMN_HEADLINES = [
    "PORT STRIKE ENTERS THIRD WEEK AS TALKS STALL",
    "Ferry crews vote to stay out until spring...",
    "Owners threaten lockout...",
    "COUNCIL DELAYS TRAM DEPOT SALE AGAIN",
    "Mayor's office orders an independent valuation...",
    "Library wins grant to scan pre-war newspapers...",
    "Harbour Pilots Warn of Winter Staff Shortage",
]


def test_headline_column_items_have_titles_and_no_text() -> None:
    """One-line paragraphs, each a headline (capitals, title case or cut off '...'), six or
    more in a row: each is an item with an empty body; a one-word link under them is not."""
    text = "\n\n".join(["HARBOUR WIRE", *COLUMN_HEADLINES, "MORE...", "ARCHIVES\nCONTACT"])
    items = listing.headline_column(split_lines(text + "\n"), SegmentConfig())
    assert items is not None
    assert [item.title_text for item in items] == COLUMN_HEADLINES
    assert all(item.body == [] for item in items)


def test_short_paragraphs_of_an_article_are_no_headline_column() -> None:
    """Short sentences ending in a full stop, or a list of headings under a longer text,
    are no column of headlines."""
    sentences = [f"{line.rstrip('.')}." for line in COLUMN_HEADLINES]
    assert listing.headline_column(split_lines("\n\n".join(sentences)), SegmentConfig()) is None
    essay = " ".join(["The port has lost a third of its crews since the spring."] * 12)
    text = "\n\n".join([essay, *COLUMN_HEADLINES, essay])
    assert listing.headline_column(split_lines(text), SegmentConfig()) is None


def test_headline_column_page_is_detected_as_a_listing() -> None:
    """A masthead of name and date over the column, links under it: a listing of the
    headlines alone."""
    top = "HARBOUR WIRE 2026\nSUN DEC 06 2026 21:14:08 ET"
    text = "\n\n".join([top, *COLUMN_HEADLINES, "MORE...", "ARCHIVES\nCONTACT"])
    result = run(text + "\n")
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == COLUMN_HEADLINES


# --- result records: a title over a byline row, then slot lines ---------------------------

RECORD_TITLES = [
    "The Harbour Strike of the Northern Terminal",
    "Tram Lines That Were Never Built",
    "Valley Teachers Build Their Own Union",
    "Libraries of the Old Quarter",
]


def record_page(rows: list[str], slots: list[str], prose: str = "") -> str:
    """A result list: a header, one record per title (title, row, slot lines)."""
    out = ["Skip to main content", "Cart", "", "1-4 of 120 results", ""]
    if prose:
        out += [prose, ""]
    for title, row in zip(RECORD_TITLES, rows, strict=True):
        out += [title, row, *slots, ""]
    out += ["Back to top", "Privacy Notice"]
    return "\n".join(out) + "\n"


def test_records_read_title_author_and_date_from_their_row() -> None:
    rows = [f"by {name} | {date}" for name, date in zip(NAMES, DATES, strict=True)]
    text = record_page(rows, ["4.5 out of 5 stars", "212", "Paperback", "$24.95$24.95"])
    lines = split_lines(text)
    items = listing.record_items(lines, SegmentConfig())
    assert items is not None
    assert [item.title_text for item in items] == RECORD_TITLES
    assert [item.author for item in items] == NAMES
    assert [item.published for item in items] == DATES
    result = run(text)
    assert [post["title"] for post in result.posts] == RECORD_TITLES
    assert "out of 5 stars" not in bodies(result)


def test_records_keep_a_long_unrepeated_slot_as_the_description() -> None:
    rows = [f"by {name}" for name in NAMES]
    text = record_page(rows, ["3.9 avg rating — 212 ratings"])
    text = text.replace(
        "by Tomas Quillet\n",
        f"by Tomas Quillet\n{SUMMARIES[1]}\n",
    )
    items = listing.record_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [line.text for line in items[1].body] == [SUMMARIES[1]]
    assert all(not item.body for n, item in enumerate(items) if n != 1)


def test_records_need_three_distinct_titles_over_rows_of_one_shape() -> None:
    rows = [f"by {name} | {date}" for name, date in zip(NAMES, DATES, strict=True)]
    two = record_page(rows, ["Paperback"]).replace(f"{RECORD_TITLES[2]}\n", "")
    two = two.replace(f"{RECORD_TITLES[3]}\n", "")
    assert listing.record_items(split_lines(two), SegmentConfig()) is None
    same = record_page(rows, ["Paperback"])
    for title in RECORD_TITLES[1:]:
        same = same.replace(title, RECORD_TITLES[0])
    assert listing.record_items(split_lines(same), SegmentConfig()) is None


def test_records_are_no_comment_headers_or_an_articles_reading_box() -> None:
    clocked = [
        f"by {name} | {date} 10:4{n} am"
        for n, (name, date) in enumerate(zip(NAMES, DATES, strict=True))
    ]
    assert listing.record_items(split_lines(record_page(clocked, [])), SegmentConfig()) is None
    rows = [f"by {name} | {date}" for name, date in zip(NAMES, DATES, strict=True)]
    article = " ".join(SUMMARIES) + ". " + " ".join(SUMMARIES)
    boxed = record_page(rows, [], prose=article)
    assert listing.record_items(split_lines(boxed), SegmentConfig()) is None


# --- stacked heads: author, stamp, title and fields over the summary ----------------------

HANDLES = ["ilse_m", "t_quillet", "rena.o", "ilse_m"]


def stacked_page(label: bool = False) -> str:
    """A feed whose items show '<handle>' ('<community>') '<age>' '<title>' and field
    lines over the summary, then a read-more link and counters."""
    out = ["Feed", "Popular", "Fresh", ""]
    for n, (handle, title, summary) in enumerate(zip(HANDLES, TITLES, SUMMARIES, strict=True)):
        out += [handle, *(["Labour"] if label else []), f"{n + 2} hours ago", title]
        out += ["Medium", f"{n + 4} min", "Harbours*, Unions*", summary + " …", "Read more"]
        out += [f"+{n + 7}", f"{n + 11}", ""]
    out += ["Show more", "About"]
    return "\n".join(out) + "\n"


def test_stacked_heads_give_the_title_under_the_stamp_and_the_author_over_it() -> None:
    for label in (False, True):
        items = [
            item
            for item in listing.find_items(split_lines(stacked_page(label)), SegmentConfig())
            if item.title is not None
        ]
        assert [item.title_text for item in items] == TITLES
        assert [item.author for item in items] == HANDLES


def test_stacked_heads_leave_dates_under_summaries_to_their_items() -> None:
    out: list[str] = []
    for title, summary, date in zip(TITLES, SUMMARIES, DATES, strict=True):
        out += [title, summary + " …", date, ""]
    items = [
        item
        for item in listing.find_items(split_lines("\n".join(out) + "\n"), SegmentConfig())
        if item.title is not None
    ]
    assert [item.title_text for item in items] == TITLES
    assert [item.published for item in items] == DATES
    assert [item.author for item in items] == [None] * 4


def test_stacked_heads_take_no_counter_or_stamp_tail_for_author_or_title() -> None:
    out: list[str] = []
    for n, (title, summary) in enumerate(zip(TITLES, SUMMARIES, strict=True)):
        out += [f"0{n + 1}.03.2021", f"1{n}:45 | Politics", title, summary + ".", f"Views: {n}4"]
        out += [""]
    items = [
        item
        for item in listing.find_items(split_lines("\n".join(out) + "\n"), SegmentConfig())
        if item.title is not None
    ]
    assert [item.title_text for item in items] == TITLES
    assert all(item.author is None for item in items)


def test_a_line_over_the_first_stamp_only_is_the_pages_heading() -> None:
    out = ["News", "Contact", "", "All News Releases", ""]
    for title, summary, date in zip(TITLES, SUMMARIES, DATES, strict=True):
        out += [f"{date}, 10:30 ET", title, summary + "...", ""]
    items = [
        item
        for item in listing.find_items(split_lines("\n".join(out) + "\n"), SegmentConfig())
        if item.title is not None
    ]
    assert [item.title_text for item in items] == TITLES
    assert [item.author for item in items] == [None] * 4
    assert [item.published for item in items] == DATES


AGED_ROWS = [
    ("duma parliament voting by mlorentz 2 days ago copy to mine", "mlorentz"),
    ("Submitted by north_reader 3 hours ago (pskov-gazette.example)", "north_reader"),
    ("Posted by the editors 2 days ago", None),  # a name, no handle
    ("by mlorentz", None),  # no age
    ("The deputies voted by show of hands 2 days ago, the speaker said.", None),  # a sentence
]


def test_an_aged_handle_row_is_an_items_meta_row() -> None:
    for text, handle in AGED_ROWS:
        assert listing.aged_handle(text) == handle, text
    assert listing.line_role(AGED_ROWS[0][0], 120) == "byline"


def test_items_over_aged_handle_rows_are_a_listing() -> None:
    """Title, summary, then a row of tags, the poster's handle and the item's age: the row
    marks the items (a bookmarking service's tag page)."""
    text = "\n\n".join(
        f"{title}\n{summary}\n{tags} by {handle} {days} days ago copy to mine"
        for title, summary, tags, handle, days in [
            (
                "How the regional filter keeps candidates off the ballot",
                "A step-by-step account of the signatures a governor's rival must collect "
                "from municipal deputies, and of who decides which ones count.",
                "elections filter regions",
                "mlorentz",
                2,
            ),
            (
                "Why transfers to the regions arrive in December",
                "The ministry's calendar explains most of the year-end spending rush, and "
                "the governors have learned to plan around it.",
                "budget transfers",
                "kschnee",
                4,
            ),
            (
                "Reading a deputy's income declaration",
                "What the annual forms list and what they leave out, with three worked "
                "examples from one regional assembly.",
                "corruption declarations",
                "anders_lv",
                6,
            ),
        ]
    )
    result = segment(doc_id="d", text=text, layout_hint=None, config=SegmentConfig())
    assert result.layout == "listing"
    assert [post["author"] for post in result.posts] == ["mlorentz", "kschnee", "anders_lv"]


def test_headlines_over_their_ages_on_a_page_without_blank_lines() -> None:
    """A video channel's tab with every blank line dropped: '<duration>' '<headline>'
    '<views>' '<age>', one item right under the other, is still a list of headlines."""
    ages = ["2 weeks ago", "1 month ago", "2 months ago", "3 months ago"]
    lines = ["Harbour Notes TV", "Subscribe", "Videos", "Latest"]
    for n in range(4):
        lines += [f"1{n}:4{n}", TITLES[n], f"{n + 2}1K views", ages[n]]
    result = run("\n".join([*lines, "Show more"]))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts][:3] == TITLES[:3]


def test_a_link_every_item_repeats_is_no_headline_over_the_next() -> None:
    """Without blank lines, the next item's headline stands right under the link that
    closes every item ('Log in to post comments'): a headline, not that link's subtitle."""
    title = "The eastern tram line: four years of promises and no rails at all"
    link = "Log in to post comments"
    text = "\n".join(
        [SUMMARIES[0] + ".", link, title, f"Submitted by {NAMES[1]}", SUMMARIES[1] + ".", link]
    )
    filled = split_lines(text)
    roles = [listing.line_role(line.text, SegmentConfig().max_title_chars) for line in filled]
    assert roles[2] == "head"
    listing._mark_decks(filled, roles)
    assert roles[2] == "head"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Lebedeva, Olga; Marsh, T.; Quist, Anna Maria", True),
        ("Lebedeva, Olga", True),
        ("Voting abroad, explained", False),  # a headline with a comma
        ("Lebedeva, Olga: on the recount", False),  # a name and a headline
        ("Tomsk, Omsk and Barnaul vote on Sunday", False),
    ],
)
def test_a_catalogue_list_of_creators_is_a_byline(text: str, names: bool) -> None:
    assert (listing.catalogue_names(text) == text) is names
    assert (listing.line_role(text, 200) == "byline") is names


@pytest.mark.parametrize(
    ("title", "masthead"),
    [
        ("THE KAMA LETTER", True),  # the copyright line's name, in capitals
        ("The Kama Letter returns to print", False),  # a headline naming the site
        ("Three towns lose their bus routes", False),
    ],
)
def test_a_first_item_titled_with_the_copyright_name_is_the_masthead(
    title: str, masthead: bool
) -> None:
    text = (
        f"{title}\nA few stories from the river towns this week.\nCopyright © 2024 The Kama Letter"
    )
    lines = split_lines(text)
    item = listing.Item(body=[lines[1]], title=lines[0])
    assert listing._names_the_site(item, lines) is masthead


CITED = [
    "P Lindqvist, O Marsh - Harbour Review, 2021 - harbour.example",
    "K Sorokin - 2016 - Valley Press",
]


def _references(snippet_at: int, closer: str) -> str:
    """Search results of '<title>' / '<names> - <venue>, <year>' / '<snippet>' /
    '<closer> <n>'; the result at `snippet_at` shows no snippet."""
    lines = ["Scholar search", ""]
    for n in range(4):
        snippet = [] if n == snippet_at else ["… " + SUMMARIES[n]]
        lines += [TITLES[n], CITED[n % 2], *snippet, f"{closer} {n + 11}", ""]
    return "\n".join([*lines, "Previous 1 2 3 Next"])


def test_a_result_without_snippet_keeps_the_frame_of_the_others() -> None:
    """A headline and its byline right over the row that closes every other result ('Save
    Cite Cited by <n>') are a result with no snippet: an item of its own, its byline the
    author."""
    result = run(_references(2, "Save Cite Cited by"))
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert result.posts[2]["body"] == ""
    assert result.posts[2]["author"] == "P Lindqvist, O Marsh"


def test_a_headline_over_no_closing_row_is_no_result() -> None:
    """Negative case: the headline and byline stand over a row that opens unlike the rows
    under the other results: no item is read from them."""
    text = _references(2, "Save Cite Cited by")
    text = text.replace("Save Cite Cited by 13", "Related pages 13")
    result = run(text)
    assert TITLES[2] not in [post["title"] for post in result.posts]


@pytest.mark.parametrize(
    ("row", "names"),
    [
        ("E Kovalenko, T Marsh - Harbour Politics Review, 2023", "E Kovalenko, T Marsh"),
        (
            "AB Ivanova, D Kuznetsov - Valley Studies, 2021 - valley.example",
            "AB Ivanova, D Kuznetsov",
        ),
        ("Turnout rises in the north - Harbour Courier, 2023", None),
        ("E Kovalenko - Harbour Politics Review, 2023 and later issues", None),
    ],
)
def test_a_reference_row_may_close_on_its_year(row: str, names: str | None) -> None:
    """A reference's byline row closed by its year (an alert mail's) names its authors as
    one closed by a publisher does; a headline over an outlet and a year names nobody, and
    a year inside a sentence closes no row."""
    assert listing.citation_names(row) == names


def test_a_frame_title_after_a_type_tag_over_a_reference_row() -> None:
    """'[PDF] <title>' over '<names> - <venue>, <year>': the tagged line is the title, the
    reference row its meta."""
    group = [
        Line(0, 0, "[PDF] Electoral machines in the periphery: turnout in the regions"),
        Line(1, 70, "E Kovalenko, T Marsh - Harbour Politics Review, 2023"),
    ]
    assert listing._period_title(group, 2, False, 200) is group[0]


def _titled(titles: list[str]) -> list[listing.Item]:
    lines = [line for line in split_lines("\n".join(titles)) if not line.is_blank]
    return [listing.Item(body=[], title=line) for line in lines]


def test_titles_differing_only_in_numbers_put_a_shape_listing_in_doubt() -> None:
    turns = ["Ola Brenner  00:03", "Speaker 2  00:21", "Ola Brenner  00:44", "Speaker 2  00:50"]
    found = listing.shape_detection(_titled(turns))
    assert found.doubt == listing.RECURRING_TITLE_DOUBT
    assert "differ only in their numbers" in found.evidence
    headlines = [
        "Council adopts the 2024 budget",
        "Turnout falls to 31 percent",
        "Mayor names 3 new deputies",
        "Court annuls 2 district results",
    ]
    found = listing.shape_detection(_titled(headlines))  # numbers in headlines of their own
    assert found.doubt == 0.0
    episodes = ["Episode 41: the regions", "Episode 42: the budget", "Episode 43: the vote"]
    assert listing.title_doubt(_titled(episodes)) == 0.0


def _rows(rows: list[tuple[str, str]], credit: bool) -> list[listing.Item]:
    lines = split_lines("\n".join(text for pair in rows for text in pair))
    items = []
    for at in range(0, len(lines), 2):
        title, body = lines[at], lines[at + 1]
        glued = title.text[len("Commentary |") :] if credit else None
        items.append(listing.Item(body=[body], title=title, credit=glued))
    return items


def test_a_label_cut_from_every_items_row_is_no_title() -> None:
    names = ["Anna Lind", "Ivan Sidorov", "Olga Rein"]
    rows = [(f"Commentary | | {name}", "A summary of the paper, in a sentence.") for name in names]
    items = _rows(rows, credit=True)
    listing._untitle_shared(items)
    assert all(item.title is None and len(item.meta) == 1 for item in items)


def test_a_series_naming_every_issue_alike_keeps_its_titles() -> None:
    rows = [("Weekly roundup", f"Issue {n} of the roundup, in a sentence.") for n in range(3)]
    items = _rows(rows, credit=False)
    listing._untitle_shared(items)
    assert all(item.title is not None for item in items)
