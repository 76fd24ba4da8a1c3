"""Titles and authors by scored candidates: labelled heads, and the lines that must never
win as a title."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.candidates import (
    MIN_AUTHOR_SCORE,
    author_candidates,
    author_score,
    best_title,
    crumb_roots,
    in_affiliation_block,
    in_field_block,
    is_head_notice,
    is_link_call,
    is_menu_row,
    is_nav_row,
    is_pager_link,
    is_picture_credit,
    is_tag_row,
    is_tally_line,
    is_widget_row,
    labelled_name,
    marked_names,
    name_beside_date,
    title_features,
    title_score,
    title_terms,
    untagged,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_byline, person_name
from flows.stages.segment.webpage import _web_head, signed_name, title_row_sites

HEAD = [
    "Home » World » Russia",
    "POLITICS",
    "Regional governors told to cut election observers from polling stations",
    "Photo: Olga Remizova / Ledger Pictures",
    "By Marta Kielbasa and Denis Orlovsky",
    "Updated: March 4, 2021 10:12 MSK",
    "Share",
]


def _lines(texts: list[str]) -> list[Line]:
    lines, start = [], 0
    for index, text in enumerate(texts):
        lines.append(Line(index, start, text))
        start += len(text) + 1
    return lines


@pytest.mark.parametrize(
    ("texts", "rule_pick", "wanted"),
    [
        (HEAD, 0, 2),  # a breadcrumb picked by a rule loses to the headline
        (HEAD, 1, 2),  # a category label in capitals
        (HEAD, 5, 2),  # a dateline
        (HEAD, 4, 2),  # a byline
        (HEAD, 3, 2),  # a photo credit
        (HEAD, 2, 2),  # the rules' right pick stays
        (
            ["Moscow court extends detention of journalist", "Text: Boris Lunev", "14.03.2022"],
            1,
            0,
        ),  # a labelled byline shaped like a headline
        (
            [
                "Russia › Politics",
                "Putin names a new chief of staff",
                "Regions brace for budget cuts",
                "March 3, 2021",
            ],
            0,
            1,
        ),  # a widget's teaser, written again under the body, nearer the body
    ],
)
def test_best_title(texts: list[str], rule_pick: int, wanted: int) -> None:
    below = frozenset({"regions brace for budget cuts"})
    eligible = range(len(texts))
    assert best_title(texts, rule_pick, below=below, eligible=eligible) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "Home » World » Russia",
        "Russia › Politics",
        "March 3, 2021",
        "Updated: March 4, 2021 10:12 MSK",
        "MOSCOW, March 3 2021",
        "POLITICS",
        "EXCLUSIVE",
        "Share on Telegram",
        "By Anna Lind and Oleg Sokolov",
        "click for pdf",
        "view full text",
        "[AUTHENTICITY CERTIFIED: Text version below transcribed directly from audio]",
        "[GRAPHIC NOT AVAILABLE IN TIFF FORMAT]",
        "Politics   Economy   Regions   Subscribe",
        "View previous topic :: View next topic",
        "Hits: 1843",
        "41 results (0.007 seconds)",
        "Home Blog Now Subscribe",
        "About Letters Blog Contact Donate",
        "Post new topic Reply to topic  [ 84 posts ]  Go to page Previous  1, 2, 3, 4, 5  Next",
        "top latest random submit",  # an aggregator's menu in lower case
        "Symbols count in article: 3.4k",  # a labelled count
        "Сообщений: 1 318",
        "Published in The Volga Papers",  # where the post was placed
        "214 points by ledokol 6 hours ago · 97 comments",  # an aggregator's poster row
    ],
)
def test_never_a_title_even_when_picked(text: str) -> None:
    texts = [text, "Duma votes to extend detention without trial"]
    picked = title_score(title_features(texts, 0, rule_pick=True))
    other = title_score(title_features(texts, 1))
    assert picked < other


@pytest.mark.parametrize(
    ("texts", "position", "field"),
    [
        (["Written by Pavel Ostrov", "Category: Analysis", "Published: 14 February 2021"], 1, True),
        (["AGENCY: Office of Foreign Assets", "ACTION: Publication of a", "SUMMARY: The"], 1, True),
        (["Filed under: Elections", "March 3, 2021"], 0, True),
        # negative: a headline with a colon, standing alone over the body
        (["Ukraine: the long war in the east", "The Duma met on Tuesday to vote."], 0, False),
        # negative: a headline with a colon over a teaser, no metadata beside it
        (["Menu", "Analysis: Who draws the district map", "Deck line here"], 1, False),
        # negative: no label (a clock, a lower-case opening)
        (["10:45 Duma votes", "March 3, 2021"], 0, False),
        (["see: the list of candidates", "March 3, 2021"], 0, False),
    ],
)
def test_in_field_block(texts: list[str], position: int, field: bool) -> None:
    assert in_field_block(texts, position) is field


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("#python #webscraping #opendata", True),
        ("#elections", True),
        ("#1 reason the turnout fell", False),  # a headline opening with a number sign
        ("# python", False),
        ("Tags: #python #opendata", False),
    ],
)
def test_is_tag_row(text: str, tags: bool) -> None:
    assert is_tag_row(text) is tags


def test_a_field_tag_row_or_wrapped_copy_loses_to_the_headline() -> None:
    texts = [
        "Cover image for Collecting court decisions without getting blocked",
        "Aigul Sadykova",
        "Posted on Oct 9, 2023",
        "Collecting court decisions without getting blocked",
        "#python #webscraping #opendata",
    ]
    for pick in (0, 4):
        assert best_title(texts, pick, eligible=range(len(texts))) == 3
    joomla = ["Who draws the district map", "Written by Pavel Ostrov", "Category: Analysis"]
    assert best_title([*joomla, "Published: 14 February 2021"], 2, eligible=[0, 2]) == 0


@pytest.mark.parametrize(
    ("texts", "rule_pick"),
    [
        # a channel's name under the headline, over the date
        (["Почему в малых городах закрывают роддома", "Провинциальный взгляд", "12 марта 2024"], 1),
        # a counter next to the body
        (["Почему в малых городах закрывают роддома", "12 марта 2024", "2,1 тыс. прочитали"], 2),
    ],
)
def test_a_short_label_or_counter_loses_to_the_headline(texts: list[str], rule_pick: int) -> None:
    assert best_title(texts, rule_pick, eligible=range(len(texts))) == 0


def test_a_widget_teaser_loses_to_the_headline() -> None:
    texts = [
        "Trending",
        "Duma votes to extend detention without trial",
        "Pensions reform protests spread to Siberia",
        "Europe / Russia",
        "Putin's new chief of staff inherits a divided administration",
        "Monday 7 June 2021",
    ]
    assert title_features(texts, 2).widget_teaser and not title_features(texts, 4).widget_teaser
    assert best_title(texts, 2, eligible=range(len(texts))) == 4


def test_a_closing_year_is_no_counter() -> None:
    texts = ["Putin in 2024", "March 3, 2021"]
    assert not title_features(texts, 0).counter
    assert title_features(["Comments (14)"], 0).counter


def test_a_headline_outscores_its_deck() -> None:
    texts = [
        "Why the Kremlin keeps its governors on a short leash",
        "Elections of governors were abolished and then restored in a filtered form.",
    ]
    assert title_score(title_features(texts, 0)) > title_score(title_features(texts, 1))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Text: Boris Lunev", "Boris Lunev"),
        ("Words: Anna Lind and Oleg Sokolov", "Anna Lind and Oleg Sokolov"),
        ("Photo: Anton Sidorchuk", None),  # a credit, not the author
        ("Words: Daria Lindqvist. Photos: Kirill Omelchenko", "Daria Lindqvist"),
        ("Text: Anna Lind, photo: Oleg Sokolov", "Anna Lind"),
        ("Source: Anna Lind", None),
        ("Tags: elections, city council", None),
        ("Updated: March 4, 2021", None),
    ],
)
def test_labelled_name(text: str, name: str | None) -> None:
    assert labelled_name(text) == name


def test_author_candidates_prefer_a_byline_over_a_credit() -> None:
    texts = [
        "Headline of the day in Moscow",
        "Photo: Anton Sidorchuk",
        "Text: Boris Lunev",
        "25 March 2022",
    ]
    found = author_candidates(texts)
    assert set(found) == {2}
    name, features = found[2]
    assert name == "Boris Lunev" and author_score(features) >= MIN_AUTHOR_SCORE


def test_web_head_keeps_every_dated_line() -> None:
    zone = _lines(
        [
            "News / Region",
            "Pskov deputy stripped of mandate after criticising the war",
            "Friday, 25 March 2022, 16:05",
            "Text: Boris Lunev",
            "Updated: 26 March 2022, 09:30",
        ]
    )
    head, furniture = _web_head(zone)
    assert head.title == "Pskov deputy stripped of mandate after criticising the war"
    assert head.author == "Boris Lunev"
    assert head.published == "Friday, 25 March 2022"
    dated = {2, 3, 4}
    assert dated <= head.meta_lines and not dated & furniture


def test_web_head_reads_an_author_card_over_a_two_cell_dateline() -> None:
    zone = _lines(
        [
            "Log in",
            "Aigul Sadykova",
            "Aigul Sadykova",
            "Posted on Oct 9, 2023 • Originally published at sadykova.example",
            "Collecting court decisions without getting blocked",
            "#python #webscraping #opendata",
        ]
    )
    head, furniture = _web_head(zone)
    assert head.title == "Collecting court decisions without getting blocked"
    assert head.author == "Aigul Sadykova"
    assert head.published == "Oct 9, 2023"
    assert 5 in furniture  # the tags under the headline


def test_a_source_named_once_over_a_date_header_is_no_author() -> None:
    zone = _lines(["Moscow Times", "March 3, 2021", "Duma votes to extend detention rules"])
    head, _ = _web_head(zone)
    assert head.author is None


def test_a_position_after_the_byline_is_no_second_author() -> None:
    assert find_byline("By Anna Lind, Senior Fellow") == "Anna Lind"
    assert find_byline("By Anna Lind, Oleg Sokolov") == "Anna Lind, Oleg Sokolov"
    assert person_name("Senior Fellow") is None and person_name("Anna Lind") == "Anna Lind"


def test_a_name_with_its_position_under_the_headline_is_the_author() -> None:
    zone = _lines(
        [
            "March 3, 2021",
            "Analysis and Comment",
            "Governors lose the right to appoint their own deputies",
            "Anna Lind, Senior Fellow",
        ]
    )
    head, _ = _web_head(zone)
    assert head.title == "Governors lose the right to appoint their own deputies"
    assert head.author == "Anna Lind"


def test_the_terms_show_what_a_choice_rests_on() -> None:
    terms = title_terms(title_features(HEAD, 0, rule_pick=True))
    assert set(terms) == {"lines_up", "headline_length", "not_a_title", "rule_pick"}
    assert sum(terms.values()) == title_score(title_features(HEAD, 0, rule_pick=True))


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Photo: Oleg Sokolov / Getty Images", True),
        ("Illustration by Anna Lind", True),
        ("Photo: Oleg Sokolov, March 3, 2021", False),  # a dated line is kept
        ("Photographers detained at a Moscow rally", False),
    ],
)
def test_picture_credit(text: str, credit: bool) -> None:
    assert is_picture_credit(text) is credit


def test_a_picture_credit_under_a_digest_item_title_is_never_the_next_title() -> None:
    titles = [
        "Tomsk council ends direct election of mayor",
        "Omsk court fines activist over rally",
        "Kemerovo governor replaces three deputies",
    ]
    text = "Siberia Weekly\nIssue 12\n\n"
    for kind, title in zip(("city", "regional", "district"), titles, strict=True):
        paragraph = (
            f"The regional assembly voted on Tuesday to change the rules for {kind} elections, "
            "and opposition deputies said they had received the text only the evening before."
        )
        text += f"{title}\nPhoto: Oleg Sokolov / Getty Images\nBy Anna Lind\n\n"
        text += f"{paragraph}\n\n{paragraph}\n\n"
    text += "Unsubscribe"
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    assert coverage_errors(text, result) == []
    assert [(post["title"], post["author"]) for post in result.posts] == [
        (title, "Anna Lind") for title in titles
    ]


def test_a_label_written_over_every_listing_item_is_never_their_title() -> None:
    titles = [
        "Tomsk council ends direct election of mayor",
        "Omsk court fines activist over rally",
        "Kemerovo governor replaces three deputies",
        "Barnaul deputies reject budget amendments",
    ]
    summary = (
        "The city commission will now verify every signature by telephone, a procedure "
        "candidates say is impossible to pass."
    )
    parts = ["Ural Observer", "Politics", "Economy", "Search", ""]
    for day, title in enumerate(titles, start=10):
        parts += ["Regional Politics", title, summary, f"By Anna Lind | June {day}, 2021", ""]
    text = "\n".join([*parts, "Load more", "", "© 2021 Ural Observer"])
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    assert coverage_errors(text, result) == []
    assert [post["title"] for post in result.posts] == titles
    assert {post["author"] for post in result.posts} == {"Anna Lind"}


def test_a_listing_byline_with_a_position_gives_the_name_alone() -> None:
    titles = [
        "Tomsk council ends direct election of mayor",
        "Omsk court fines activist over rally",
        "Kemerovo governor replaces three deputies",
    ]
    summary = (
        "The city commission will now verify every signature by telephone, a procedure "
        "candidates say is impossible to pass."
    )
    parts = ["Ural Observer", "Politics", "Search", ""]
    for day, title in enumerate(titles, start=10):
        parts += [title, "Anna Lind, Senior Fellow", f"June {day}, 2021", summary, ""]
    text = "\n".join([*parts, "© 2021 Ural Observer"])
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    assert coverage_errors(text, result) == []
    assert [(post["title"], post["author"]) for post in result.posts] == [
        (title, "Anna Lind") for title in titles
    ]


def test_a_picture_credit_under_a_listing_title_is_no_title() -> None:
    titles = [
        "Tomsk council ends direct election of mayor",
        "Omsk court fines activist over rally",
        "Kemerovo governor replaces three deputies",
    ]
    summary = (
        "The city commission will now verify every signature by telephone, a procedure "
        "candidates say is impossible to pass."
    )
    parts = ["Ural Observer", "Politics", "Search", ""]
    for day, title in enumerate(titles, start=10):
        credit = "Photo: Oleg Sokolov / Getty Images"
        parts += [title, credit, summary, f"By Anna Lind · June {day}, 2021", ""]
    text = "\n".join([*parts, "© 2021 Ural Observer"])
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    assert coverage_errors(text, result) == []
    assert [post["title"] for post in result.posts] == titles
    assert all("Photo:" not in post["body"] for post in result.posts)


# --- heads beyond web pages: thread posts, PDF covers --------------------------------------

THREAD_TOP = [
    "Lemmy.World",  # a site's name
    "Russia Politics",  # a community's name
    "8.4K",  # a counter
    "Subscribers",
    "Active users (week)",
    "Home / Communities / Russia Politics",  # a breadcrumb
    "Regional parliaments cancel direct mayoral elections in three more cities",
    "submitted 2 days ago by karelia_notes@lemmy.world to russiapolitics@lemmy.world",
    "118",  # a score
    "Three regional legislatures voted this week to replace the direct election of mayors.",
]


def test_a_thread_head_without_title_takes_the_topic_line_over_its_byline() -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    lines = _lines(THREAD_TOP)
    head = PostHead(author="karelia_notes@lemmy.world", meta_lines=frozenset({7}))
    scored = scored_head(lines, {}, head)
    assert scored.title == THREAD_TOP[6]
    assert scored.title_lines == frozenset({6})
    assert scored.chrome_lines == frozenset(range(6))  # the sidebar and crumbs over it
    assert 7 not in scored.chrome_lines  # the byline is kept


@pytest.mark.parametrize(
    "text",
    [
        "Home / Communities / Russia Politics",  # a breadcrumb
        "Posted by u/volga_reader 5 hours ago",  # a byline
        "Prepared by",  # a byline's label
        "12 March 2024",  # a dateline
        "1,204 comments",  # a counter
        "POLITICS",  # a category label
        "Russia Politics",  # a community's name
    ],
)
def test_no_title_when_the_head_shows_only_labels(text: str) -> None:
    from flows.stages.segment.candidates import best_untitled

    texts = [text, "Posted by u/volga_reader 5 hours ago"]
    assert best_untitled(texts[:1], [0], over_byline=True) is None


def test_a_dated_line_over_the_title_is_never_furniture() -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    texts = [
        "Russia Politics",
        "Archived 3 March 2024",
        "Regional parliaments cancel direct mayoral elections in three more cities",
        "submitted by karelia_notes to russiapolitics",
    ]
    head = PostHead(author="karelia_notes", meta_lines=frozenset({3}))
    scored = scored_head(_lines(texts), {}, head)
    assert scored.title == texts[2]
    assert 1 not in scored.chrome_lines and 0 in scored.chrome_lines


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Russia Watch Forum » Forum › Domestic Politics › Regional budgets and the war economy",
            "Regional budgets and the war economy",
        ),
        ("Board index ‹ Politics ‹ Russia", None),  # a section's name ends it
        ("Home / News / Politics", None),
        ("Regional budgets and the war economy", None),  # no breadcrumb
        (
            "Community › Boards › World Affairs › What does the turnout tell us?",
            "What does the turnout tell us?",  # a topic's question closes the path
        ),
        ("Is turnout > 60% a sign of fraud?", None),  # a question with a sign in it
    ],
)
def test_last_crumb(text: str, title: str | None) -> None:
    from flows.stages.segment.candidates import last_crumb

    assert last_crumb(text) == title


def test_a_breadcrumb_read_as_a_thread_title_gives_its_last_label() -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    crumbs = "Forum › Domestic Politics › Regional budgets and the war economy"
    head = PostHead(title=crumbs, title_lines=frozenset({0}))
    assert scored_head(_lines([crumbs]), {}, head).title == "Regional budgets and the war economy"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Prepared by", True),
        ("By", True),
        ("Author:", True),
        ("Authors", True),
        ("Автор:", True),
        ("Written by:", True),
        ("Prepared by Anna Lind", False),  # a byline, not its label alone
        ("Goodbye", False),
        ("Standing by the governors", False),
        ("A STUDY PREPARED BY", True),  # the kind of work a cover names, then its label
        ("A thesis submitted by", True),
        ("Report presented by:", True),
        ("A report prepared by the Research Division", False),  # names follow on the line
        ("Passers by", False),
        ("The regions we passed by", False),
    ],
)
def test_byline_label(text: str, label: bool) -> None:
    from flows.stages.segment.meta import is_byline_label

    assert is_byline_label(text) is label


def test_a_byline_label_is_never_a_title() -> None:
    texts = ["Prepared by", "Federalism on paper: how Moscow rewrote the budget rules"]
    assert title_features(texts, 0).byline
    assert best_title(texts, 0, eligible=range(2)) == 1


def test_a_report_cover_gives_its_caps_title_and_the_names_under_prepared_by() -> None:
    text = "\n".join(
        [
            "CENTRE FOR BALTIC AND EASTERN STUDIES",
            "",
            "Policy Report No. 14",
            "November 2022",
            "",
            "FEDERALISM ON PAPER:",
            "HOW MOSCOW REWROTE THE",
            "BUDGET RULES FOR THE REGIONS",
            "",
            "Prepared by",
            "Kristiina Vaher and Andrei Lomakin",
            "",
            "Since the early 2000s the share of taxes that Russian regions keep has fallen",
            "almost every year, while the share of their income that arrives as federal",
            "transfers has grown. This report follows the budget rules that made the change",
            "possible and argues that the regions now hold formal powers they cannot pay for.",
            "",
            "Policy Report No. 14                                                   3",
            "",
            "The federal tax code moved the most reliable revenues, the mineral extraction",
            "tax and most of the value added tax, to the federal budget. Regions were left",
            "with the profit tax and the personal income tax, both of which depend on a few",
            "large employers in most of them.",
            "",
            "Policy Report No. 14                                                   4",
        ]
    )
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    assert not coverage_errors(text, result)
    post = result.posts[0]
    assert post["title"] == (
        "FEDERALISM ON PAPER: HOW MOSCOW REWROTE THE BUDGET RULES FOR THE REGIONS"
    )
    assert post["author"] == "Kristiina Vaher and Andrei Lomakin"


COVER_PROSE = [
    "",
    "This survey describes the governors and the regional legislatures of the federation",
    "as they stood in the summer of 2004, before the announced change in the way governors",
    "are chosen had taken effect, and it rests on published sources alone.",
    "",
    "In the summer of 2004 most subjects of the federation were headed by governors chosen",
    "in direct elections, and most of them had held office for more than one term.",
]


@pytest.mark.parametrize(
    ("credits", "author"),
    [
        (
            [
                "A Report Prepared by the Studies Division",
                "under an Agreement",
                "",
                "Edited by",
                "Gregor P. Whitcombe",
            ],
            "Gregor P. Whitcombe",
        ),
        (["A STUDY PREPARED BY", "HAROLD J. WESTBROOK"], "HAROLD J. WESTBROOK"),
        (["A Report Prepared by the Studies Division", "under an Agreement"], None),  # negative
        (["Edited by", "the Studies Division"], None),  # negative: no person announced
    ],
)
def test_a_cover_label_announces_its_names_below_other_credits(
    credits: list[str], author: str | None
) -> None:
    text = "\n".join(
        [
            "REGIONAL ELITES IN THE FEDERATION:",
            "A SURVEY OF GOVERNORS",
            "",
            *credits,
            "",
            "September 2004",
            *COVER_PROSE,
        ]
    )
    result = segment("0123456789abcdef", text, "pdf_article", SegmentConfig())
    assert not coverage_errors(text, result)
    assert result.posts[0]["author"] == author


def test_a_thread_title_picked_on_a_counter_gives_way_to_the_topic_line() -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    texts = [
        "RussiaPolitics",
        "214 points",
        "Turnout in the regions looked impossible again",
        "submitted 1 year ago by tver_statistician",
    ]
    head = PostHead(
        title="214 points",
        title_lines=frozenset({1}),
        author="tver_statistician",
        meta_lines=frozenset({3}),
    )
    scored = scored_head(_lines(texts), {}, head)
    assert scored.title == texts[2] and scored.title_lines == frozenset({2})
    kept = PostHead(
        title=texts[2], title_lines=frozenset({2}), author="x", meta_lines=frozenset({3})
    )
    assert scored_head(_lines(texts), {}, kept) is kept  # a headline picked stays


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Posted by u/volga_reader 5 hours ago", "u/volga_reader"),
        (
            "submitted 2 days ago by karelia@lemmy.world to politics@lemmy.world",
            "karelia@lemmy.world",
        ),
        ("Started by kama_observer, 3 March 2024", "kama_observer"),
        ("Posted in Politics", None),  # no poster
        ("Photo posted by the agency", None),
        ("Regional parliaments cancel direct mayoral elections", None),
    ],
)
def test_poster_name(text: str, name: str | None) -> None:
    from flows.stages.segment.candidates import poster_name

    assert poster_name(text) == name


def test_a_thread_head_takes_its_author_from_the_posters_line_under_the_title() -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    texts = [
        "Regional parliaments cancel direct mayoral elections",
        "Posted by u/volga_reader 5 hours ago",
        "Three regional legislatures voted this week to replace the direct election.",
    ]
    head = PostHead(title=texts[0], title_lines=frozenset({0}))
    scored = scored_head(_lines(texts), {}, head)
    assert scored.author == "u/volga_reader" and 1 in scored.meta_lines


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Svetlana LOGINOVA 14 October 2020", "Svetlana LOGINOVA"),
        ("Anna Lind, 3 March 2021", "Anna Lind"),
        ("14 October 2020", None),  # a dateline alone names nobody
        ("Regional Elections in Russia, 14 October 2020", None),  # a title's words
    ],
)
def test_a_pdf_byline_run_on_with_its_date_gives_the_names(text: str, names: str | None) -> None:
    from flows.stages.segment.layouts.pdf_article import byline_of

    common = frozenset({"regional", "elections"})
    assert byline_of(text, common) == names


@pytest.mark.parametrize(
    ("title", "wanted"),
    [
        (
            "Comments: The Duma votes to extend the governors' terms",
            "The Duma votes to extend the governors' terms",
        ),
        ("Comments on: Governors on a short leash", "Governors on a short leash"),
        ("Комментарии: Губернаторские выборы", "Губернаторские выборы"),
        ("Comments on the new election law are due by Friday", None),  # a headline, no label
    ],
)
def test_a_comment_pages_label_is_cut_off_its_thread_title(title: str, wanted: str | None) -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    head = PostHead(title=title, title_lines=frozenset({0}))
    assert scored_head(_lines([title]), {}, head).title == (wanted or title)


def test_a_truncated_copy_of_the_headline_loses_to_the_full_line() -> None:
    texts = [
        "Regional budgets after the sanctions: who pays for the loy...",
        "Regional budgets after the sanctions: who pays for the loyalty of the governors",
        "March 3, 2021",
    ]
    assert title_features(texts, 0).truncated_copy
    assert not title_features(texts, 1).truncated_copy
    assert best_title(texts, 0, eligible=range(len(texts))) == 1
    alone = ["Regional budgets after the sanctions: who pays for the loy...", "March 3, 2021"]
    assert not title_features(alone, 0).truncated_copy  # no full line: the cut one stays


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("click for pdf", True),
        ("view full text", True),
        ("Follow the Money", False),  # a capitalised headline of a link verb's shape
        ("Read the Kremlin's Own Account of the Vote", False),  # a headline: five words and more
        ("Watch the debate.", False),  # a sentence
        ("[Editor's note] Duma votes on the budget", False),  # a bracket opens, the title goes on
        ("Duma votes [again] on the budget", False),
    ],
)
def test_link_calls_and_bracketed_notes(text: str, furniture: bool) -> None:
    from flows.stages.segment.candidates import is_bracketed_note, is_link_call

    assert (is_link_call(text) or is_bracketed_note(text)) is furniture


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Made with love and a framework. Example Community © 2016 - 2023.", True),
        ("The Volga Monitor © 2021", True),
        ("© 2021 The Volga Monitor", True),
        # negatives: a mark without a year; a sentence going on long after the year
        ("Photo © Reuters", False),
        (
            "The photo © 2019 shows the square at night, when the crowd had gone home and "
            "the police were still there.",
            False,
        ),
    ],
)
def test_a_copyright_line_closing_a_footer_is_chrome(text: str, chrome: bool) -> None:
    from flows.stages.segment.boilerplate import is_page_chrome

    assert is_page_chrome(text) is chrome


def test_a_name_over_a_dated_title_is_the_author() -> None:
    speech = _lines(
        [
            "Miriam Castellano",
            "Opening Remarks at the Hearing on Foreign Interference in Elections",
            "delivered 14 June 2018, Washington, D.C.",
        ]
    )
    head, _ = _web_head(speech)
    assert head.author == "Miriam Castellano"
    # negatives: a section's label under the site's menu; no dateline under the title
    menu = _lines(
        [
            "About",
            "Contact",
            "Press Releases",
            "Senators Introduce a Bill to Freeze the Assets of Officials",
            "March 3, 2021",
        ]
    )
    assert _web_head(menu)[0].author is None
    undated = _lines(
        [
            "Miriam Castellano",
            "Opening Remarks at the Hearing on Foreign Interference in Elections",
            "Thank you, Mr. Chairman, and thank you to our witnesses for coming today.",
        ]
    )
    assert _web_head(undated)[0].author is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Listen to this article | 4 mins", True),
        ("Listen to this story · 5 min", True),
        ("Analysis | 12 comments", True),
        ("Putin | 2024", False),  # a year is no count with a unit
        ("Russia after Crimea | Analysis", False),
        ("Chapter 2 · The Siege of Kazan", False),
        ("Explainer | 5 takeaways from the vote", False),  # a count without a widget's unit
        ("Explainer | 5 takeaways", False),
        ("· 7 min read", True),  # the row's first cell on the line above
        ("4 mins", False),  # one cell: a counter's own rule reads it
    ],
)
def test_a_row_with_a_count_and_its_unit_is_a_widget_row(text, expected):
    assert is_widget_row(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("← Previous post", True),
        ("January 2027 →", True),
        ("Next »", True),
        ("Почему в Хабаровском крае снова голосуют «не так»", False),  # a quotation's mark
        ("Russia » Politics", False),  # a breadcrumb's own rule reads it
    ],
)
def test_a_pager_link_has_an_arrow_at_its_edge(text, expected):
    assert is_pager_link(text) is expected


def test_a_line_holding_an_address_or_a_button_label_is_furniture():
    for text in ('Retrieved from "https://wiki.example/w/index.php?oldid=12"',
                 "Click here to share on social media", "Listen to this article"):  # fmt: skip
        assert title_features([text, "Why the Count Took Three Days"], 0).credit
    assert not title_features(["Why the Count Took Three Days"], 0).credit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This article is more than 3 months old", True),
        ("by quietvector 1412 days ago", False),  # a thread's stamp: its grammar's
        ("by anna lind", True),
        ("A 100-year-old law returns to the Duma", False),
        ("By the end of the decade the party had lost its majority", False),
    ],
)
def test_age_notices_and_lower_case_bylines_are_head_notices(text, expected):
    assert is_head_notice(text) is expected


@pytest.mark.parametrize(
    ("text", "menu"),
    [
        ("Politics   Economy   Regions   Subscribe", True),
        ("Sort: Top  Newest  Oldest", True),
        ("View previous topic :: View next topic", True),
        ("Home | Archive | About", True),
        ("Новости   Политика   Экономика", True),
        ("Why the Kremlin keeps its governors on a short leash", False),
        ("Putin | 2024", False),  # two cells, one a year
        ("Headline of the day  |  Site", False),  # two cells: a browser's title line
        ("Views 2 915   Comments 3", False),  # counts: a tally, not a menu
        ("By Anna Lind  |  March 3, 2021", False),
        ("The council voted.  Then it adjourned.  Nobody objected.", False),
    ],
)
def test_is_menu_row(text: str, menu: bool) -> None:
    assert is_menu_row(text) is menu


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        ("Hits: 1843", True),
        ("41 results (0.007 seconds)", True),
        ("1 - 3 of 3", True),
        ("Left 71% Center 29%", True),
        ("Сообщений: 1 318", True),
        ("Putin in 2024", False),  # a year is a headline's word
        ("5 lessons of the 2024 vote", False),
        ("Duma passes 3 bills on 12 March", False),
        ("Regional budgets after the tax reform", False),
    ],
)
def test_is_tally_line(text: str, tally: bool) -> None:
    assert is_tally_line(text) is tally


def test_a_deck_picked_by_the_rules_gives_way_to_the_headline_over_it() -> None:
    texts = [
        "The Steppe Ledger",
        "Why the regional duma elections were moved to September",
        "Single voting day, explained, and what it changed for turnout",
    ]
    assert best_title(texts, 2, eligible=[1, 2]) == 1


@pytest.mark.parametrize(
    "texts",
    [
        # a site's tagline over the headline: a phrase, not a sentence
        [
            "Notes from the Provinces",
            "Essays on local power in Russia",
            "The quiet end of the elected mayor",
        ],
        # a browser's title line over the headline
        [
            "Governors on a short leash | The Ledger",
            "Governors, mayors and the Kremlin's short leash",
        ],
        # a breadcrumb over the headline
        [
            "Archive > 2000 > January > Politics",
            "Putin's first month: a caretaker, not a placeholder",
        ],
    ],
)
def test_a_headline_under_a_tagline_title_line_or_crumb_is_no_deck(texts: list[str]) -> None:
    assert not title_features(texts, len(texts) - 1).deck


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (["Irina Malakhova", "Apr 5, 2024 · 4 min read"], "Irina Malakhova"),
        (["12 March 2025", "Timur Aliyev"], "Timur Aliyev"),
        (["Anna Lind and Oleg Sokolov", "3 March 2021"], "Anna Lind and Oleg Sokolov"),
        (["Марина Оськина", "14.03.2023"], "Марина Оськина"),
        (["Irina Malakhova"], None),  # a name alone is no byline
        (["Irina Malakhova", "Samara's budget gap is wider than it looks"], None),
        (["4 min read", "Apr 5, 2024"], None),
        (["The reshuffle nobody announced", "Apr 2, 2024"], None),
    ],
)
def test_name_beside_date(texts: list[str], name: str | None) -> None:
    assert name_beside_date(texts) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ольга ЗЫРЯНОВА", "Ольга ЗЫРЯНОВА"),
        ("А. Петрова", "А. Петрова"),
        ("Ольга Зырянова", "Ольга Зырянова"),
        ("— J. Smith", "J. Smith"),
        ("Regional Politics", None),  # two capitalised English words: maybe a label
        ("Anna Petrova", None),  # the same shape: no evidence alone
        ("Новости района", None),  # a Russian label capitalises its first word only
        ("Поделиться:", None),
    ],
)
def test_signed_name(text: str, name: str | None) -> None:
    assert signed_name(text) == name


@pytest.mark.parametrize(
    ("dateline", "author"),
    [
        ("14 October 2025", None),  # the page's first line: the masthead
        ("Published 14 October 2025", None),
        ("delivered 14 October 2025, Chelyabinsk", "Ural Observer"),  # a speech's speaker
    ],
)
def test_a_name_opening_the_page_over_a_dated_headline(dateline: str, author: str | None) -> None:
    zone = _lines(
        ["Ural Observer", "Regional court upholds fine against a local election monitor", dateline]
    )
    head, _ = _web_head(zone)
    assert head.title == "Regional court upholds fine against a local election monitor"
    assert head.author == author


def test_a_byline_followed_by_the_pictures_credit_is_no_credit() -> None:
    texts = [
        "The last ferry to the island parish",
        "Words: Daria Lindqvist. Photos: Kirill Omelchenko",
        "12 March 2025",
    ]
    name, features = author_candidates(texts)[1]
    assert name == "Daria Lindqvist"
    assert not features.credit and author_score(features) >= MIN_AUTHOR_SCORE


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Anna Petrova1 and Ivan Sidorov2", "Anna Petrova and Ivan Sidorov"),
        ("Anna Petrova*, Ivan Sidorov**", "Anna Petrova, Ivan Sidorov"),
        ("Marek Holub†", "Marek Holub"),
        ("Turnout in 2024 elections", None),
        ("Table 1", None),
    ],
)
def test_marked_names(text: str, names: str | None) -> None:
    assert marked_names(text) == names


def test_affiliations_under_a_papers_names_are_no_title() -> None:
    texts = [
        "Who Abolished the Mayors? Council Majorities and Municipal Reform",
        "Anna Petrova1 and Ivan Sidorov2",
        "1 European University at St Petersburg",
        "2 University of Helsinki",
        "anna.petrova@eu.example",
    ]
    assert best_title(texts, 3, eligible=[0, 1, 2, 3]) == 0
    assert all(in_affiliation_block(texts, position) for position in (2, 3, 4))
    name, features = author_candidates(texts)[1]
    assert name == "Anna Petrova and Ivan Sidorov"
    assert author_score(features) >= MIN_AUTHOR_SCORE


def test_a_headline_naming_a_university_is_no_affiliation() -> None:
    texts = ["Regional News", "Moscow State University expels three student activists"]
    assert not in_affiliation_block(texts, 1)
    assert not title_features(texts, 1).field


def test_a_byline_under_the_headline_is_no_deck() -> None:
    texts = [
        "Council scraps direct mayoral vote in Tomsk",
        "Posted on March 3, 2024 by Anna Petrova",
    ]
    assert not title_features(texts, 1).deck


def test_a_question_under_a_tagline_is_the_headline_not_its_deck() -> None:
    texts = ["Commentary on Russia and Eurasia", "Sanctions and the regions: who pays for them?"]
    assert not title_features(texts, 1).deck


def test_the_site_named_in_the_title_row_is_no_author_over_the_headline() -> None:
    zone = _lines(
        [
            "Sanctions and the regions: who pays? – Eastgate Policy Notes",
            "Eastgate Policy Notes",
            "Commentary on Russia and Eurasia",
            "Sanctions and the regions: who pays?",
            "March 14, 2023",
        ]
    )
    head, furniture = _web_head(zone, sites=title_row_sites([line.text for line in zone]))
    assert head.title == "Sanctions and the regions: who pays?"
    assert head.author is None
    assert 1 in furniture


@pytest.mark.parametrize(
    ("texts", "sites"),
    [
        (
            ["Headline of the day here | Volga Review", "Volga Review", "Headline of the day here"],
            {"volga review"},
        ),
        (
            ["Volga Review | Politics | Headline of the day", "Headline of the day"],
            {"volga review", "politics"},
        ),
        (["Russia – the long war", "Lead paragraph text"], set()),  # no part written again
        (["One line only"], set()),
    ],
)
def test_title_row_sites(texts: list[str], sites: set[str]) -> None:
    assert title_row_sites(texts) == sites


def test_a_breadcrumb_ending_in_the_headline_titles_a_page_without_one() -> None:
    zone = _lines(["Home » Politics » Governors face a shortage of candidates", "March 3, 2023"])
    head, _ = _web_head(zone)
    assert head.title == "Governors face a shortage of candidates"


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("Read in app", True),  # sentence case, a link's verb
        ("View full site", True),
        ("read more", True),
        ("Follow the Money", False),  # a headline capitalises its words
        ("Read Entire Article", False),
        ("Download the full report here", False),  # longer than a call in sentence case
    ],
)
def test_is_link_call(text: str, call: bool) -> None:
    assert is_link_call(text) is call


def test_a_headline_over_its_deck_outscores_its_copy_under_the_body() -> None:
    texts = [
        "The Harbor Tribune",
        "Budget bets on a long war in the regions",
        "Spending on the military will reach a record share of the economy next year.",
        "Read in app",
    ]
    below = frozenset({"budget bets on a long war in the regions"})
    scores = [title_score(title_features(texts, p, below=below)) for p in range(4)]
    assert title_features(texts, 1, below=below).over_deck
    assert title_features(texts, 3).credit
    assert max(range(4), key=scores.__getitem__) == 1


def test_a_standfirst_under_the_byline_name_is_a_deck() -> None:
    texts = [
        "The Duma's new rules are aimed at the people who stayed",
        "Vera Lindqvist",
        "Exile media can shrug off a label. A teacher with a blog cannot",
        "Thu 6 Apr 2023 07.00 BST",
    ]
    assert title_features(texts, 2).deck and title_features(texts, 0).over_deck
    zone = _lines(texts)
    head, _ = _web_head(zone)
    assert head.title == texts[0]
    assert head.author == "Vera Lindqvist"


def test_a_tagline_under_the_masthead_is_no_headline_over_a_deck() -> None:
    zone = _lines(
        [
            "Kama Notebook",
            "A regional reporter's notes from Perm",
            "The water utility tariff and the governor's promise to voters",
        ]
    )
    head, furniture = _web_head(zone)
    assert head.title == zone[2].text
    assert {0, 1} <= furniture


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Re: Polling station video and the 2018 count", False),  # a mail subject
        ("Fwd: Turnout in Kazan", False),
        ("AW: Turnout in Kazan", False),
        ("Category: Analysis", True),
        ("Regions: the long decline", True),  # a field's shape; its neighbours decide
    ],
)
def test_a_reply_prefix_is_no_field_label(text: str, field: bool) -> None:
    from flows.stages.segment.candidates import is_field_line

    assert is_field_line(text) is field


def test_a_mail_subject_over_its_header_fields_is_the_title() -> None:
    texts = [
        "Prev Date | Date Index | Next Date",
        "Re: Polling station video and the 2018 count",
        "From: Oleg Varlamov",
        "Date: Tue, 20 Mar 2018 09:41:07 +0300",
    ]
    assert not title_features(texts, 1).field
    assert best_title(texts, 0, eligible=range(2)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home Blog Now Subscribe", True),
        ("Home | About | Contact", True),
        ("Главная Новости Контакты", True),
        ("Kremlin Shuts Down News Blog", False),
        ("Home Rule and the Regions", False),
        ("About 40 Deputies Quit", False),
    ],
)
def test_a_nav_row_holds_three_menu_labels(text: str, expected: bool) -> None:
    assert is_nav_row(text) is expected


def test_a_breadcrumb_root_names_the_site() -> None:
    texts = ["Civic Data Exchange", "Civic Data Exchange > Discussions > Budgets", "Text."]
    assert crumb_roots(texts) == frozenset({"civic data exchange"})
    features = title_features(
        [texts[0], "Where can I find the budget annexes?"], 0, sites=crumb_roots(texts)
    )
    assert features.site_name


def test_a_topic_line_loses_its_closing_hashtags() -> None:
    assert untagged("Mayoral elections abolished in Tomsk #mayors #tomsk") == (
        "Mayoral elections abolished in Tomsk"
    )
    assert untagged("#elections #regions") == "#elections #regions"
    assert untagged("Why C# won") == "Why C# won"


def test_a_two_cell_row_of_a_date_and_a_cyrillic_name_is_a_byline() -> None:
    body = (
        "Областное собрание приняло поправки во вторник, и новые правила будут действовать "
        "уже на сентябрьских выборах во всех районах области.\n\n"
        "На этой неделе я поговорил с тремя возможными кандидатами, и никто из них не "
        "рассчитывает собрать подписи до июня.\n"
    )
    text = (
        "Волжские заметки\n\nЧто новый муниципальный фильтр значит для независимых\n\n"
        f"03.03.2021 | Анна Линд\n\n{body}"
    )
    (post,) = segment("d", text, None, SegmentConfig()).posts
    assert post["author"] == "Анна Линд"
    assert post["title"] == "Что новый муниципальный фильтр значит для независимых"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Comments on: Why the count took three days", "Why the count took three days"),
        (
            "View Full Version : Governors sacked before the vote",
            "Governors sacked before the vote",
        ),
        ("Тема: Прямые выборы мэра", "Прямые выборы мэра"),
        ("Topic analysis: the count", "Topic analysis: the count"),  # a headline's own colon
    ],
)
def test_a_thread_label_is_no_part_of_the_title(text: str, title: str) -> None:
    from flows.stages.segment.webpage import COMMENTS_ON

    assert COMMENTS_ON.sub("", text) == title


def test_the_headline_over_its_dateline_is_no_widget_teaser() -> None:
    texts = [
        "Recent Posts",
        "Why the governors fear September",
        "What the new municipal filter means for independents",
        "March 3, 2021",
    ]
    assert title_features(texts, 1).widget_teaser
    assert not title_features(texts, 2).widget_teaser


def test_a_site_name_over_a_posted_on_line_is_no_headline() -> None:
    body = (
        "The regional assembly passed the amendment on Tuesday with a comfortable majority, "
        "and the new rules will apply to the September vote in every district.\n\n"
        "In most districts the ruling party holds nearly every council seat, so the filter "
        "is in effect a veto held by the governor's office.\n"
    )
    text = (
        "Volga Notes\n\nPosted on March 3, 2021 by Anna Lind\n\n"
        f"What the new municipal filter means for independents\n\n{body}"
    )
    (post,) = segment("d", text, None, SegmentConfig()).posts
    assert post["title"] == "What the new municipal filter means for independents"
    assert post["author"] == "Anna Lind"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Question asked by Lena Gorbunova on Mar 11, 2024", "Lena Gorbunova"),
        ("Topic started by anna_l, 3 March 2021", "anna_l"),
        ("Posted by u/volga_reader 5 hours ago", "u/volga_reader"),
        ("Posted by Anna Lind at 10:14 AM", "Anna Lind"),
        ("Governors asked by Kremlin to cut budgets", None),  # a headline, no header
    ],
)
def test_a_poster_header_names_its_poster(text: str, name: str | None) -> None:
    from flows.stages.segment.candidates import poster_name

    assert poster_name(text) == name


TABLE_HEAD = [
    "How the mayors' races were won: a precinct-by-precinct reading",
    "By Irma Telnova | September 16, 2024",
    "The September vote produced the result everyone expected, but the margins tell more.",
    "Results by candidate",
    "Gleb Orlovsky",
    "nominated by the ruling party | incumbent",
    "Vera Kostina",
    "nominated by a citizens' group | challenger",
    "41,208 votes",
]


def test_a_headline_over_its_byline_outscores_the_rows_under_the_text() -> None:
    eligible = [0, 3, 5, 7]
    assert best_title(TABLE_HEAD, 8, eligible=eligible) == 0  # the pick is a counter
    assert title_terms(title_features(TABLE_HEAD, 0))["over_byline"] > 0


@pytest.mark.parametrize(
    ("texts", "position"),
    [
        # a date header over the headline: the line over the date is the site's slogan
        (
            [
                "Taiga Ballot",
                "Notes on local power east of the Urals",
                "Monday, 4 March 2024",
                "Counting the spoiled ballots in Tomsk",
            ],
            1,
        ),
        # a bare field is no byline: the line over it is text
        (
            [
                "The council never answered our letter on the count",
                "Note: the figures are the commission's own",
            ],
            0,
        ),
        # a label of two words over the byline is a section's name
        (["Regional politics", "By Irma Telnova"], 0),
    ],
)
def test_no_headline_bonus_over_a_date_header_a_field_or_as_a_label(
    texts: list[str], position: int
) -> None:
    assert "over_byline" not in title_terms(title_features(texts, position))


BLOG_TOP = [
    "Kama Commentary",
    "Essays on the republics of the middle Volga",
    "2023-11-08",
    "Tatarstan",
    "The treaty that nobody renewed",
]


def test_a_blog_headline_under_its_date_and_section_beats_the_slogan() -> None:
    sites = frozenset({"kama commentary"})
    below = frozenset({"the treaty that nobody renewed"})  # the blog's recent posts
    assert best_title(BLOG_TOP, 1, sites=sites, below=below, eligible=[1, 4]) == 4
    terms = title_terms(title_features(BLOG_TOP, 1, sites=sites))
    assert "slogan" in terms and "over_byline" not in terms


def test_no_slogan_under_a_line_that_is_no_site_name() -> None:
    assert "slogan" not in title_terms(title_features(BLOG_TOP, 1))
    teaser = ["Kama Commentary", "Regions brace for the budget talks", "The treaty"]
    below = frozenset({"regions brace for the budget talks"})
    assert "repeated_below" in title_terms(title_features(teaser, 1, below=below))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Title: Municipal filter in the Tver race", "Municipal filter in the Tver race"),
        ("Full Version: Did smart voting work?", "Did smart voting work?"),
        ("Post subject: Re: Turnout in Kazan", "Re: Turnout in Kazan"),  # the reply stays
        ("Тема: Зерновая сделка", "Зерновая сделка"),
        ("# Why did turnout collapse?", "Why did turnout collapse?"),
        ("> Зерновая сделка без продления", "Зерновая сделка без продления"),
        ("Interview: a former deputy governor", "Interview: a former deputy governor"),
        ("#python #opendata", "#python #opendata"),  # tags, no heading mark
    ],
)
def test_a_title_loses_its_label_and_heading_marks(text: str, title: str) -> None:
    from flows.stages.segment.candidates import unlabelled_title

    assert unlabelled_title(text) == title


def test_a_labelled_title_is_no_field_of_a_metadata_block() -> None:
    texts = ["Title: Municipal filter in the Tver race", "Post by: tver_observer on May 3, 2023"]
    assert not in_field_block(texts, 0)


def test_a_label_over_the_posters_header_gives_way_to_the_paths_headline() -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    texts = [
        "Volga Politics Forums",
        "Volga Politics Forums » Current Events » Referendum on the amendments",
        "Topic Options",  # a tool's label read as the title
        "#38811 - 06/26/20 09:14 PM Referendum on the amendments",
        "Pavel_Kuzmin",
    ]
    head = PostHead(
        title="Topic Options",
        title_lines=frozenset({2}),
        author="Pavel_Kuzmin",
        meta_lines=frozenset({3, 4}),
    )
    scored = scored_head(_lines(texts), {1: "breadcrumb"}, head)
    assert scored.title == "Referendum on the amendments"
    assert 2 in scored.chrome_lines


def test_a_short_title_with_no_path_over_it_stays() -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    texts = ["Inflation", "Posted by volga_reader on May 3, 2023"]
    head = PostHead(
        title="Inflation",
        title_lines=frozenset({0}),
        author="volga_reader",
        meta_lines=frozenset({1}),
    )
    assert scored_head(_lines(texts), {}, head).title == "Inflation"


@pytest.mark.parametrize(
    ("text", "below", "dangling"),
    [
        ("The Khabarovsk protests five years on", "Posted on 2025-07-11 | In politics", False),
        ("The Khabarovsk protests five years on", "Five years later most have left.", True),
        ("Originally published on", "March 3, 2024", True),  # a link's words, short
    ],
)
def test_a_headline_over_its_date_is_no_dangling_link(
    text: str, below: str, dangling: bool
) -> None:
    from flows.stages.segment.boilerplate import is_dangling_link

    assert is_dangling_link(text, below) is dangling


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "  Registry now requires source escrow for government software  law  example.org",
            "Registry now requires source escrow for government software",
        ),
        (
            "What did the presidential vote actually measure?Politics",
            "What did the presidential vote actually measure?",
        ),
        ("Politics   Economy   Regions", "Politics   Economy   Regions"),  # cells alone
        ("Putin says  No. Really", "Putin says  No. Really"),  # too few words would stay
    ],
)
def test_a_title_loses_the_cells_after_it(text: str, title: str) -> None:
    from flows.stages.segment.candidates import untrailed_title

    assert untrailed_title(text) == title


def test_a_browsers_title_wrapping_the_headline_gives_way_to_it() -> None:
    from flows.stages.segment.layouts.thread import scored_head
    from flows.stages.segment.post import PostHead

    texts = [
        "Did online voting decide the Duma races? - Elections - Watch Community",
        "Did online voting decide the Duma races?",
        "Elections",
        "pavel_k 12 Sep 2021",
    ]
    head = PostHead(
        title=texts[0], title_lines=frozenset({0}), author="pavel_k", meta_lines=frozenset({3})
    )
    assert scored_head(_lines(texts), {}, head).title == texts[1]


def test_a_thread_page_with_no_head_takes_its_headline_over_the_menus() -> None:
    from flows.stages.segment.layouts.thread import _headline_head

    texts = [
        "Go to Example Home",
        "r/russia",
        "8 months ago",
        "Perm_Bridge",
        'Regional governors are now required to report on "patriotic education" quarterly',
        "211",
        "Go to comments",
        "Expand comment search",
    ]
    head = _headline_head(_lines(texts), {})
    assert head is not None and head.title == texts[4]
    assert head.chrome_lines == frozenset({0, 1, 3})  # the age's line is metadata


def test_a_thread_page_of_labels_alone_gets_no_headline_head() -> None:
    from flows.stages.segment.layouts.thread import _headline_head

    assert _headline_head(_lines(["Example Forum", "Log In", "Go to comments"]), {}) is None


def test_a_row_wrapping_the_topic_gives_way_to_the_topics_own_line() -> None:
    from flows.stages.segment.layouts.thread import echoed_title
    from flows.stages.segment.post import PostHead

    texts = [
        "Author Topic: Direct mayoral elections abolished  (Read 1873 times)",
        "Sergey_K",
        "Direct mayoral elections abolished",
        "The city council adopted the amendments to the charter this week.",
        "Re: Direct mayoral elections abolished",
        "Re: Direct mayoral elections abolished",
    ]
    lines = _lines(texts)
    head = PostHead(title=texts[0], title_lines=frozenset({0}), author="Sergey_K")
    echoed = echoed_title(lines, lines[:4], head)
    assert echoed.title == texts[2] and 0 in echoed.chrome_lines
