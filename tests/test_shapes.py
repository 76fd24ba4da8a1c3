"""The repeated item shape (:mod:`flows.stages.segment.shapes`) and its reading by the
listing layout: labelled pages that are listings by their shape alone, and pages whose
repeated shape is no listing (an article's subheadings, a digest's full articles, a
thread's comments)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.layouts import listing
from flows.stages.segment.lines import split_lines
from flows.stages.segment.shapes import (
    GAP,
    HEAD,
    LINK,
    PROSE,
    SHORT,
    Token,
    find_run,
    heads,
    is_attribution,
    line_kind,
    shares_opening,
    tokens,
)

DOC = "0123456789abcdef"
TEASERS = [
    "The regional assembly voted to close the last public library in the old quarter, "
    "despite a petition signed by eleven thousand residents over the winter months.",
    "Teachers in the valley towns have begun to organise their own union branch, and the "
    "first meeting drew more people than the hall could hold on a wet evening.",
    "A new tram line was promised to the eastern districts four years ago; the rails are "
    "still lying in a field outside the depot while the council argues about money.",
    "The dockers of the northern terminal stopped work on Monday after the third month "
    "without wages, and the strike committee says it will not back down this time.",
]
TITLES = [
    "The Library That Eleven Thousand Could Not Save",
    "Valley Teachers Build a Union From Scratch",
    "Where Did the Eastern Tram Line Go",
    "Dockers Down Tools at the Northern Terminal",
]
NAMES = ["Anna Lindqvist", "Oleg Sorin, Marta Kivi", "Ivan Tarkov", "Anna Lindqvist"]


def page(items: list[str], header: str = "Home\nNews\nAbout\n", footer: str = "© Site") -> str:
    return header + "\n" + "\n\n".join(items) + "\n\n" + footer + "\n"


def layout_of(text: str) -> str:
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    return result.layout


def test_line_kinds() -> None:
    assert line_kind(TITLES[0]) == SHORT
    assert line_kind("By Anna Lindqvist") == SHORT
    assert line_kind(TEASERS[0]) == PROSE
    assert (
        line_kind("Regional budgets after the sanctions: who pays for the loyalty of the...")
        == SHORT
    )
    assert line_kind("/analysis/regional-elections") == LINK
    assert line_kind("www.example.org/a/b") == LINK


def test_hard_wrapped_paragraph_is_one_prose_token() -> None:
    text = (
        "The presidential campaign in our region consisted of two billboards\n"
        "and a concert, and the local paper counted more posters for the fair.\n"
    )
    found = tokens(split_lines(text))
    assert [token.kind for token in found] == [PROSE]
    assert found[0].paragraphs == 1


def test_title_over_teaser_blocks_repeat() -> None:
    text = page([f"{title}\n{teaser}" for title, teaser in zip(TITLES, TEASERS, strict=True)])
    run = find_run(split_lines(text))
    assert run is not None
    assert run.signature == "S P |"
    assert len(run.repeats) == 4


def test_lines_without_blank_lines_repeat() -> None:
    rows = [
        f"{title}\nBy {name}\n{teaser}"
        for title, name, teaser in zip(TITLES, NAMES, TEASERS, strict=True)
    ]
    run = find_run(split_lines("Home\nNews\n" + "\n".join(rows) + "\n1 2 3 Next\n"))
    assert run is not None
    assert run.signature == "S S P"
    assert [repeat[0].lines[0].text for repeat in run.repeats] == TITLES


def test_two_repeats_are_no_run() -> None:
    text = page(
        [f"{title}\n{teaser}" for title, teaser in zip(TITLES[:2], TEASERS[:2], strict=True)]
    )
    assert find_run(split_lines(text)) is None


def test_label_title_names_teaser_is_a_listing() -> None:
    labels = ["Policy Brief", "Report", "Commentary", "Policy Brief"]
    text = page(
        [
            f"{label}\n{title}\n{names}\n{teaser}"
            for label, title, names, teaser in zip(labels, TITLES, NAMES, TEASERS, strict=True)
        ]
    )
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.title_text for item in items] == TITLES
    assert [item.author for item in items] == NAMES
    assert layout_of(text) == "listing"


def test_meta_row_over_untitled_teasers_is_a_listing() -> None:
    rows = [f"Commentary | | {name}\n{teaser}" for name, teaser in zip(NAMES, TEASERS, strict=True)]
    text = "Publications\nFilter\n" + "\n".join(rows) + "\nNewsletter\n"
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.title for item in items] == [None] * 4
    assert [item.author for item in items] == NAMES


def test_article_with_subheadings_is_no_listing() -> None:
    lede = " ".join(TEASERS[:2]) + " The council has not said when it will decide."
    sections = [f"{title}\n{teaser}" for title, teaser in zip(TITLES, TEASERS, strict=True)]
    text = "How the Region Votes\nBy Anna Lindqvist\n\n" + lede + "\n\n" + "\n\n".join(sections)
    assert listing.shape_items(split_lines(text), SegmentConfig()) is None
    assert layout_of(text) != "listing"


def test_article_byline_over_lede_then_subheadings_is_no_listing() -> None:
    parts = ["How the Region Votes", "By Anna Lindqvist", TEASERS[0]]
    for title, teaser in zip(TITLES[1:], TEASERS[1:], strict=True):
        parts += [title, teaser]
    text = "\n\n".join(parts) + "\n"
    assert find_run(split_lines(text)) is not None
    assert listing.shape_items(split_lines(text), SegmentConfig()) is None


def test_full_articles_under_their_titles_are_no_listing() -> None:
    articles = [
        f"{title}\nBy {name}\n{teaser}\n{teaser}\n\n{teaser}"
        for title, name, teaser in zip(TITLES, NAMES, TEASERS, strict=True)
    ]
    text = page(articles)
    assert find_run(split_lines(text)) is not None
    assert listing.shape_items(split_lines(text), SegmentConfig()) is None


def test_comment_headers_with_scores_are_no_listing() -> None:
    comments = [
        f"{score}\n[-] user_{n} {n} hours ago | link | flag\n{teaser}"
        for n, (score, teaser) in enumerate(zip(["3", "5", "2", "1"], TEASERS, strict=True))
    ]
    assert listing.shape_items(split_lines(page(comments)), SegmentConfig()) is None


def test_outlet_headline_and_paragraphs_are_a_digest() -> None:
    outlets = ["Nezavisimoe Slovo, p. 2", "Delovaya Stolitsa, p. 5", "Vecherny Ural, p. 1"]
    articles = [
        f"{outlet}\n{title}\n{teaser} {teaser}\n{teaser}"
        for outlet, title, teaser in zip(outlets, TITLES, TEASERS, strict=False)
    ]
    text = page(articles, footer="Subscribe | Contact")
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert result.layout == "digest"
    assert [post["title"] for post in result.posts] == TITLES[:3]
    assert all(outlet not in post["body"] for post in result.posts for outlet in outlets)
    assert "Subscribe" not in result.posts[-1]["body"]


def test_teasers_under_bylines_are_no_digest() -> None:
    text = page(
        [
            f"{title}\nBy {name}\n{teaser}"
            for title, name, teaser in zip(TITLES, NAMES, TEASERS, strict=True)
        ]
    )
    assert layout_of(text) == "listing"


def test_heads_that_differ_by_a_line_are_read_coarsely() -> None:
    heads = [
        f"Analysis\n{TITLES[0]}\n{NAMES[0]}",
        f"{TITLES[1]}\n{NAMES[1]}",
        f"Commentary\n{TITLES[2]}\n{NAMES[2]}",
        f"{TITLES[3]}\n{NAMES[3]}",
    ]
    text = page([f"{head}\n{teaser}" for head, teaser in zip(heads, TEASERS, strict=True)])
    assert (
        find_run(split_lines(text)) is None
        or listing._exact_items(split_lines(text), SegmentConfig()) is None
    )
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.title_text for item in items] == TITLES
    assert [item.author for item in items] == NAMES
    assert layout_of(text) == "listing"


def test_article_byline_over_lede_is_no_coarse_listing() -> None:
    parts = [f"How the Region Votes\nBy Anna Lindqvist\n{TEASERS[0]}"]
    parts += [f"{title}\n{teaser}" for title, teaser in zip(TITLES[1:], TEASERS[1:], strict=True)]
    text = "\n\n".join(parts) + "\n"
    assert listing.shape_items(split_lines(text), SegmentConfig()) is None


def test_fixed_width_wrap_joins_lines_that_open_in_capitals() -> None:
    text = (
        "Courts Without Acquittals\n"
        "Pavel Ostrikov\n"
        "Fewer than one defendant in two hundred is acquitted by a Russian court.\n"
        "Drawing on a decade of regional court statistics, the report shows where\n"
        "the rare acquittals happen.\n"
    )
    found = tokens(split_lines(text))
    assert [token.kind for token in found] == [SHORT, SHORT, PROSE]
    assert found[2].paragraphs == 1


def test_names_with_central_european_letters_are_names() -> None:
    assert listing.is_names("Kacper Zieliński, Łukasz Wróbel")
    assert listing.bare_name("Jānis Bērziņš") == "Jānis Bērziņš"
    assert not listing.is_name("Regional budgets")


def test_a_name_under_each_teaser_is_its_byline() -> None:
    text = page(
        [
            f"{title}\n{teaser}\n{name}"
            for title, teaser, name in zip(TITLES, TEASERS, NAMES, strict=True)
        ]
    )
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.author for item in items] == NAMES
    assert layout_of(text) == "listing"


def test_a_reply_link_under_each_text_is_no_listing() -> None:
    text = page(
        [f"{title}\n{teaser}\nReply" for title, teaser in zip(TITLES, TEASERS, strict=True)]
    )
    assert listing.shape_items(split_lines(text), SegmentConfig()) is None


def test_article_with_a_short_lede_over_subheadings_is_no_listing() -> None:
    sections = [f"{title}\n{teaser}" for title, teaser in zip(TITLES, TEASERS, strict=True)]
    text = (
        "How the Region Votes\nBy Anna Lindqvist\nMarch 3, 2021\n\n"
        "Four stories explain the vote in the region this spring.\n\n" + "\n\n".join(sections)
    )
    assert find_run(split_lines(text)) is not None
    assert listing.shape_items(split_lines(text), SegmentConfig()) is None
    assert layout_of(text) != "listing"


HANDLES = ["dune_walker", "Marsh Tern", "ostrakon", "kelp.reader"]
STAMPS = ["4:12 PM Sep 16 2021", "10:47 AM Oct 2 2021", "8:05 PM Mar 19 2018", "9:30 AM Jan 5 2020"]


def test_posted_by_line_under_an_unfinished_teaser_is_its_meta() -> None:
    rows = [
        f"{title}\n\n{teaser[:-1]} [more inside]\nposted by {handle} at {stamp} - 12 comments"
        for title, teaser, handle, stamp in zip(TITLES, TEASERS, HANDLES, STAMPS, strict=True)
    ]
    text = page(rows)
    assert [token.kind for token in tokens(split_lines(text))[:8]].count(SHORT) >= 4
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.author for item in items] == HANDLES
    assert [item.published for item in items] == [stamp.split(" ", 2)[2] for stamp in STAMPS]
    assert layout_of(text) == "listing"


def test_lower_case_wrap_after_an_unfinished_line_still_joins() -> None:
    text = (
        "The presidential campaign in our region consisted of two billboards and\n"
        "posters by the hundred, as the local paper counted before the fair.\n"
    )
    assert [token.kind for token in tokens(split_lines(text))] == [PROSE]


def test_undated_posted_by_lines_are_no_handle_bylines() -> None:
    assert listing.handle_byline("posted by dune_walker at 4:12 PM Sep 16 2021") == "dune_walker"
    assert listing.handle_byline("posted by dune_walker at the harbour") is None
    assert listing.handle_byline("Wrote by the harbour on Sep 16 2021") is None


HOSTS = ["(theregister.com) 71", "(apnews.com) 128", "(lwn.net) 39", "(example.org) 5"]


def test_titles_closed_by_a_host_and_count_mark_two_paragraph_teasers() -> None:
    rows = [
        f"Topic\n\n{title} {host}\n\n{teaser}\n\n{teaser}"
        for title, host, teaser in zip(TITLES, HOSTS, TEASERS, strict=True)
    ]
    text = page(rows)
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.title_text for item in items] == TITLES
    assert layout_of(text) == "listing"


def test_two_paragraph_sections_under_plain_titles_are_no_listing() -> None:
    rows = [
        f"{title}\n\n{teaser}\n\n{teaser}" for title, teaser in zip(TITLES, TEASERS, strict=True)
    ]
    assert listing.shape_items(split_lines(page(rows)), SegmentConfig()) is None


def test_host_suffix_needs_a_host() -> None:
    suffix = listing.hosted_suffix("Court Orders a Review (theregister.com) 71")
    assert suffix == " (theregister.com) 71"
    assert listing.hosted_suffix("Court Orders a Review (lwn.net)") == " (lwn.net)"
    assert listing.hosted_suffix("Budget for 2024 (draft) 2") is None
    assert listing.hosted_suffix("Version 2.1 (released) 3") is None
    assert listing.hosted_suffix("(example.org)") is None


def test_two_paragraph_teasers_under_bylines_are_a_listing() -> None:
    rows = [
        f"{title}\nBy {name}\n{teaser}\n{TEASERS[3 - n][:60]}."
        for n, (title, name, teaser) in enumerate(zip(TITLES, NAMES, TEASERS, strict=True))
    ]
    items = listing.shape_items(split_lines(page(rows)), SegmentConfig())
    assert items is not None
    assert [item.title_text for item in items] == TITLES


def test_shares_opening() -> None:
    assert shares_opening(["Topics courts, appeals", "Topics budget", "topics: ports, rail"])
    assert shares_opening(["Discussion: Ledger, Courier", "Discussion: Wire and Daily"])
    # negative: titles that differ, a one-word row, one text alone
    assert not shares_opening(TITLES)
    assert not shares_opening(["Topics", "Topics", "Topics"])
    assert not shares_opening(["Topics courts, appeals"])


def test_is_attribution() -> None:
    assert is_attribution("Anna Lindqvist / The Harbour Times:")
    assert is_attribution("Editorial Board/The Harbour Times:")
    assert is_attribution("Foreign Desk:")
    # negative: a day header, an article's lead-in, a sentence, no colon, a long line
    assert not is_attribution("March 9:")
    assert not is_attribution("What the council said:")
    assert not is_attribution("He left. Then:")
    assert not is_attribution("Anna Lindqvist / The Harbour Times")
    assert not is_attribution(
        "The Regional Assembly Voted Again On The Library After The Long Winter:"
    )


ATTRIBUTIONS = [
    "Anna Lindqvist / The Harbour Times:",
    "Foreign Desk:",
    "Oleg Sorin/Valley Courier:",
    "Ivan Tarkov / The Northern Wire:",
]


def test_field_rows_under_teasers_are_furniture() -> None:
    rows = ["Topics library, petition", "Topics unions", "Topics trams, budget", "Topics ports"]
    text = page(
        [
            f"{title}\nby {name}\n{row}\n{teaser}"
            for title, name, row, teaser in zip(TITLES, NAMES, rows, TEASERS, strict=True)
        ]
    )
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.title_text for item in items] == TITLES
    assert all(row not in line.text for item in items for line in item.body for row in rows)


def test_field_row_with_a_date_in_some_items_dates_them() -> None:
    rows = ["Published 1995", "Published 2016-10-03", "Published 2011", "Published 2021-12-20"]
    text = page(
        [
            f"{title}\nby {name}\n{row}\n{teaser}"
            for title, name, row, teaser in zip(TITLES, NAMES, rows, TEASERS, strict=True)
        ]
    )
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.published for item in items] == [None, "2016-10-03", None, "2021-12-20"]


def test_attributed_full_quotes_are_digest_articles() -> None:
    text = page(
        [f"{credit}\n\n{teaser}" for credit, teaser in zip(ATTRIBUTIONS, TEASERS, strict=True)]
    )
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert result.layout == "digest"
    assert [post["author"] for post in result.posts] == [
        "Anna Lindqvist",
        None,
        "Oleg Sorin",
        "Ivan Tarkov",
    ]


def test_attributed_cut_teasers_with_footer_row_are_a_listing() -> None:
    text = page(
        [
            f"{credit}\n{teaser[:-1]} …\nDiscussion: Ledger Daily and {name}"
            for credit, teaser, name in zip(ATTRIBUTIONS, TEASERS, NAMES, strict=True)
        ]
    )
    assert layout_of(text) == "listing"


def test_lead_ins_over_sections_are_no_digest() -> None:
    heads = ["What the council said:", "What the union said:", "What the tram office said:"]
    lede = " ".join(TEASERS[:2]) + " The council has not said when it will decide."
    sections = [f"{head}\n\n{teaser}" for head, teaser in zip(heads, TEASERS, strict=False)]
    text = "How the Region Votes\n\n" + lede + "\n\n" + "\n\n".join(sections) + "\n"
    assert layout_of(text) == "article"


def test_titles_opening_with_one_word_stay_titles() -> None:
    titles = [f"The {title}" for title in TITLES]
    labels = ["Policy Brief", "Report", "Commentary", "Policy Brief"]
    text = page(
        [
            f"{label}\n{title}\n{names}\n{teaser}"
            for label, title, names, teaser in zip(labels, titles, NAMES, TEASERS, strict=True)
        ]
    )
    items = listing.shape_items(split_lines(text), SegmentConfig())
    assert items is not None
    assert [item.title_text for item in items] == titles


TOKENS = st.lists(
    st.builds(
        Token,
        st.sampled_from([SHORT, PROSE, LINK, GAP]),
        st.lists(st.integers(0, 99), min_size=1, max_size=3).map(tuple),
        st.integers(1, 3),
    ),
    max_size=30,
)


@given(TOKENS)
def test_heads_make_each_run_of_short_lines_one_token_and_keep_the_rest(found):
    merged = heads(found)
    assert [line for token in merged for line in token.lines] == [
        line for token in found for line in token.lines
    ]
    assert [token for token in merged if token.kind != HEAD] == [
        token for token in found if token.kind != SHORT
    ]
    kinds = [token.kind for token in merged]
    assert SHORT not in kinds
    assert HEAD * 2 not in "".join(kinds)  # two heads never stand side by side
