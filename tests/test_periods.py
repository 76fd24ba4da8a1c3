"""The repeated line frame (:mod:`flows.stages.segment.periods`) and its reading by the
listing layout: pages of unseen front-ends whose items repeat a frame of line kinds, and
pages whose repetition is no listing (an article's subheadings, a thread's comments,
prose)."""

from __future__ import annotations

import time

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.layouts import listing
from flows.stages.segment.lines import split_lines
from flows.stages.segment.periods import (
    FIELD,
    LITERAL,
    NUMBER,
    STAMP,
    TEXT,
    TITLE,
    find_period,
    groups,
    symbols,
)
from tests.test_shapes import DOC, TEASERS

TITLES = [
    "The library that closed twice",
    "A union branch in the valley",
    "Rails in a field outside the depot",
    "Dockers strike over unpaid wages",
]


def episodes(last_without_text: bool = True) -> str:
    """An episode list: date, title, teaser, 'Play', duration; the last one untitled by
    a teaser."""
    rows = ["Harbour Radio", "The Eastern Desk", "Episodes"]
    for n, (title, teaser) in enumerate(zip(TITLES, TEASERS, strict=True)):
        rows += [f"NOV {28 - 7 * n}", title]
        if not (last_without_text and n == len(TITLES) - 1):
            rows.append(teaser)
        rows += ["Play", f"{40 + n} min"]
    rows += ["See All", "Ratings & Reviews", "Copyright 2026 Harbour Radio"]
    return "\n".join(rows) + "\n"


def events() -> str:
    """An event calendar: month, day, weekday badge, time range, title, venue, teaser."""
    rows = ["Events", "List", "Month", "Upcoming"]
    for n, (title, teaser) in enumerate(zip(TITLES, TEASERS, strict=True)):
        day = 4 + 7 * n
        rows += ["MAR", str(day), "Wed", f"March {day} @ 6:30 pm - 8:00 pm", title]
        rows += [f"Old Hall, {n + 2} Harbour Street", teaser]
    rows += ["Previous Events", "Subscribe to calendar"]
    return "\n".join(rows) + "\n"


def test_every_line_gets_one_symbol_of_its_skeleton() -> None:
    lines = split_lines(
        "Play\nNOV 28\nPlay\n42 min\nPlay\n4\n"
        "Subjects: politics\nSubjects: law\nSubjects: economy\n"
        "A title of a few words\n" + TEASERS[0] + "\n\n"
    )
    assert symbols(lines) == [
        LITERAL,
        STAMP,
        LITERAL,
        STAMP,
        LITERAL,
        NUMBER,
        FIELD,
        FIELD,
        FIELD,
        TITLE,
        TEXT,
        "",
        "",
    ]


def test_adjacent_lines_of_one_symbol_are_one_group() -> None:
    lines = split_lines("Label\nA title\nA title\n" + TEASERS[0] + "\n" + TEASERS[1] + "\n")
    assert [(group.symbol, len(group.lines)) for group in groups(lines)] == [
        (TITLE, 3),
        (TEXT, 2),
    ]


def test_an_episode_list_repeats_its_frame_and_keeps_the_item_without_text() -> None:
    found = find_period(split_lines(episodes()))
    assert found is not None
    assert found.pattern[:3] == (STAMP, TITLE, TEXT)
    assert len(found.repeats) == 4
    assert found.repeats[-1][2].lines == ()  # the last episode shows no description


def test_an_episode_list_is_a_listing_of_one_teaser_per_episode() -> None:
    text = episodes()
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert result.posts[0]["body"] == TEASERS[0]
    assert all(post["kind"] == "teaser" for post in result.posts)
    dropped = {row["text"] for row in result.dropped}
    assert {"Play", "See All"} <= dropped


def test_an_event_calendar_is_read_by_its_frame_title_over_venue() -> None:
    text = events()
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["body"] for post in result.posts] == TEASERS


def test_an_article_with_subheadings_has_no_frame() -> None:
    rows: list[str] = []
    for title, teaser in zip(TITLES, TEASERS, strict=True):
        rows += [title, teaser, teaser]
    assert find_period(split_lines("\n".join(rows))) is None  # no marker in each section


def test_comments_under_names_and_ages_are_no_items() -> None:
    rows: list[str] = []
    for n, teaser in enumerate(TEASERS):
        rows += [f"user{n}", f"{n + 2} days ago", teaser, "Reply"]
    lines = split_lines("\n".join(rows) + "\n")
    assert listing.period_items(lines, SegmentConfig()) is None  # names are no titles


def test_a_frame_beside_a_long_text_is_no_listing() -> None:
    body = " ".join(TEASERS * 2)
    lines = split_lines(body + "\n" + events())
    assert listing.period_items(lines, SegmentConfig()) is None  # an article's body


QUESTIONS = [
    "Is the sovereign internet law actually enforced outside Moscow?",
    "Why do regional news sites keep disappearing from search results?",
    "Election observers in my city were refused entry again!",
]

HANDLES = ["lind_p", "sasha_dev", "ekaterina_n", "brodsky_fan"]


def search_results() -> str:
    """A search page: a headline asked over its score row ('<n> points | <handle> | <age>
    | <n> comments'), a teaser under it; one headline is no question."""
    titles = [*QUESTIONS, TITLES[0]]
    rows = ["Search stories", "41 results (0.007 seconds)", ""]
    for n, (title, teaser) in enumerate(zip(titles, TEASERS, strict=True)):
        rows += [title, f"{n + 12} points | {HANDLES[n]} | {n + 2} years ago | {n} comments"]
        rows += [teaser, ""]
    rows += ["Next »"]
    return "\n".join(rows) + "\n"


def test_a_question_over_its_meta_row_is_a_title() -> None:
    lines = split_lines(QUESTIONS[0] + "\n3 years ago\n" + TEASERS[0] + "\n")
    assert symbols(lines)[:3] == [TITLE, STAMP, TEXT]


def test_a_question_not_over_a_meta_row_is_text() -> None:
    assert symbols(split_lines(QUESTIONS[0] + "\n\n3 years ago\n"))[0] == TEXT  # a blank between
    assert symbols(split_lines(QUESTIONS[0] + "\n" + TEASERS[0] + "\n"))[0] == TEXT  # no stamp


def test_a_question_teaser_under_its_title_stays_text() -> None:
    rows = ["Podcast", "All Episodes", ""]
    for n, (title, question) in enumerate(zip(TITLES, QUESTIONS, strict=False)):
        rows += [title, question, f"Feb {12 + n} · {40 + n} min", ""]
    lines = split_lines("\n".join(rows))
    marks = symbols(lines)
    assert [marks[3 + 4 * n : 6 + 4 * n] for n in range(3)] == [[TITLE, TEXT, STAMP]] * 3


def test_search_results_with_asked_headlines_are_a_listing_with_posters() -> None:
    text = search_results()
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == [*QUESTIONS, TITLES[0]]
    assert [post["author"] for post in result.posts] == HANDLES


def test_the_handle_of_a_meta_row() -> None:
    assert listing.row_handle("688 points | lind_p | 7 years ago | 512 comments") == "lind_p"
    assert (
        listing.row_handle("41 points 9 comments submitted 3 years ago by kaz_obs to r/news")
        == "kaz_obs"
    )
    assert listing.row_handle("via mkostrov 2 hours ago | 12 comments") == "mkostrov"
    assert listing.row_handle("688 points | 7 years ago | hide | past") is None  # links after
    assert listing.row_handle("Politics | Anna Lind") is None  # no date in the row


def test_an_article_above_a_widget_of_related_teasers_is_no_item() -> None:
    rows = [TITLES[0], "March 14, 2022", *(f"{teaser}\n" for teaser in TEASERS)]
    for n in (1, 2, 3):
        rows += [QUESTIONS[n - 1], f"March {n}, 2022", TEASERS[n], ""]
    lines = split_lines("\n".join(rows))
    found = find_period(lines)
    assert found is None or all(len(repeat[-1].lines) == 1 for repeat in found.repeats)
    assert listing.period_items(lines, SegmentConfig()) is None  # more text around it


TAGS = ["networking privacy", "dns law", "measurement", "security tor", "practices"]


def headlines_page(count: int = 5) -> str:
    """A search page of headlines only: score, title, tags, 'via <handle> <age> | <n>
    comments'."""
    titles = [*TITLES, "Mirrors, bridges and the blocking of December"]
    rows = ["Search", "15 results", ""]
    for n, title in enumerate(titles[:count]):
        rows += [str(30 - n), title, f"{TAGS[n]} example.org"]
        rows += [f"via {HANDLES[n % 4]} {n + 2} years ago | {n + 3} comments", ""]
    rows += ["1 2 Next >>"]
    return "\n".join(rows) + "\n"


def test_a_list_of_headlines_without_text_has_a_headline_frame_only() -> None:
    lines = split_lines(headlines_page())
    assert find_period(lines) is None
    found = find_period(lines, headlines=True)
    assert found is not None
    assert found.pattern == (NUMBER, TITLE, STAMP)
    assert len(found.repeats) == 5


def test_a_list_of_headlines_is_a_listing_of_untexted_teasers() -> None:
    text = headlines_page()
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == [
        *TITLES,
        "Mirrors, bridges and the blocking of December",
    ]
    assert [post["author"] for post in result.posts] == [*HANDLES, HANDLES[0]]
    assert all(post["body"] == "" for post in result.posts)


def test_three_headlines_are_no_headline_frame() -> None:
    assert find_period(split_lines(headlines_page(3)), headlines=True) is None


def test_an_article_over_dated_headlines_is_no_listing() -> None:
    article = "\n\n".join(TEASERS * 2)
    lines = split_lines(article + "\n\nRelated\n\n" + headlines_page())
    assert listing.period_items(lines, SegmentConfig(), headlines=True) is None


def test_short_replies_under_names_and_ages_are_no_headlines() -> None:
    rows: list[str] = []
    for n in range(6):
        rows += [f"user{n}", f"{n + 2} days ago", "Agreed, thanks", "Reply", ""]
    lines = split_lines("\n".join(rows))
    assert listing.period_items(lines, SegmentConfig(), headlines=True) is None


def test_prose_has_no_frame() -> None:
    assert find_period(split_lines("\n".join(TEASERS * 5))) is None


def test_a_frame_of_20000_lines_is_read_in_linear_time() -> None:
    rows: list[str] = []
    for n in range(4000):
        letters = "".join(chr(ord("a") + int(digit)) for digit in str(n))
        rows += [
            "NOV 28",
            f"The story of {letters} in the valley",
            TEASERS[n % 4],
            "Play",
            "40 min",
        ]
    lines = split_lines("\n".join(rows) + "\n")
    started = time.perf_counter()
    found = find_period(lines)
    assert time.perf_counter() - started < 5
    assert found is not None
    assert len(found.repeats) == 4000


def test_a_menu_of_labels_over_the_items_is_no_item_and_a_label_may_be_missing() -> None:
    rows = ["Home", "News", "Analysis", "Opinion", "Themes", "About us", "Conflict and Peace"]
    rows.append("Stories on wars and the people who try to end them, from our desks.")
    labels = ["News", "Analysis", "News", "Opinion"]
    for n, (title, teaser) in enumerate(zip(TITLES, TEASERS, strict=True)):
        rows += ["Editor's choice"] if n < 2 else []
        rows += [labels[n], title, title, teaser]
    rows += ["Filter archive", "Type", "News", "Analysis", "Opinion", "Load more"]
    found = find_period(split_lines("\n".join(rows) + "\n"))
    assert found is not None
    assert [repeat[2].lines[0].text for repeat in found.repeats] == TITLES
    text = "\n".join(rows) + "\n"
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert [post["title"] for post in result.posts] == TITLES


def test_a_section_heading_between_items_is_skipped() -> None:
    rows = ["Search results", "New submissions (showing 3 of 3 entries)"]
    for n, (title, teaser) in enumerate(zip(TITLES, TEASERS, strict=True)):
        if n == 3:
            rows.append("Cross-lists (showing 1 of 1 entries)")
        rows += [f"[{n + 1}] id:2403.0{n}112 [pdf, other]", title, f"Subjects: Politics ({n})"]
        rows.append(teaser)
    found = find_period(split_lines("\n".join(rows) + "\n"))
    assert found is not None
    assert [repeat[1].lines[0].text for repeat in found.repeats] == TITLES
    assert [repeat[3].lines[0].text for repeat in found.repeats] == TEASERS


def test_a_hard_wrapped_teaser_is_one_text_group() -> None:
    rows = ["Episodes"]
    for n, (title, teaser) in enumerate(zip(TITLES, TEASERS, strict=True)):
        cut = teaser.index(" ", 60)
        rows += [f"NOV {28 - 7 * n}", title, teaser[:cut], teaser[cut + 1 :], "Play"]
    lines = split_lines("\n".join(rows) + "\n")
    found = find_period(lines)
    assert found is not None
    assert found.pattern == (STAMP, TITLE, TEXT, LITERAL)
    assert all(len(repeat[2].lines) == 2 for repeat in found.repeats)


def test_a_frame_reads_every_name_of_a_byline_under_the_title() -> None:
    rows = ["Publications", "Filter by type"]
    for n, (title, teaser) in enumerate(zip(TITLES, TEASERS, strict=True)):
        rows += ["Report", title, "by Lena Vortman, Pavel Sorokin and Ana Cebotari"]
        rows += [f"{n + 3} October 2025 · 48 pages", teaser, "Download PDF"]
    found = listing.period_items(split_lines("\n".join(rows) + "\n"), SegmentConfig())
    assert found is not None
    items = found[0]
    assert [item.title_text for item in items] == TITLES
    assert {item.author for item in items} == {"Lena Vortman, Pavel Sorokin and Ana Cebotari"}
    assert items[0].published == "3 October 2025"


def test_a_kicker_in_capitals_over_the_headline_is_no_title() -> None:
    rows = ["Evening letter", "Today in the letter: four stories."]
    for title, teaser in zip(TITLES, TEASERS, strict=True):
        rows += [f"TOPIC {title.split()[-1].upper()}", title, teaser, "Read in full →"]
    found = listing.period_items(split_lines("\n".join(rows) + "\n"), SegmentConfig())
    assert found is not None
    assert [item.title_text for item in found[0]] == TITLES


def test_an_article_of_short_paragraphs_around_a_widget_is_no_listing() -> None:
    article = [teaser.split(";")[0].split(",")[0] + "." for teaser in TEASERS] * 3
    rows = ["A long read about the valley", *article, "Related events"]
    lines = split_lines("\n".join(rows) + "\n" + events())
    assert listing.period_items(lines, SegmentConfig()) is None  # more text around it


def test_a_count_under_its_label_is_a_number_whatever_its_digits() -> None:
    rows = ["Hits: 1843", "Hits: 967", "Views: 12"]
    assert symbols(split_lines("\n\n".join(rows) + "\n")) == [NUMBER, "", NUMBER, "", NUMBER, ""]


def test_two_short_lines_apart_are_two_groups() -> None:
    lines = split_lines("Read more: A title of a few words\n\nThe next title of an item\n")
    assert [(group.symbol, len(group.lines)) for group in groups(lines)] == [
        (TITLE, 1),
        (TITLE, 1),
    ]


def blog_category() -> str:
    """A content system's category blog: title, labels and a count over the teaser, a
    'Read more: <title>' link under it."""
    rows = ["Regional Review", "Analysis » Elections", ""]
    for n, (title, teaser) in enumerate(zip(TITLES, TEASERS, strict=True)):
        rows += [title, "Details", f"Author: {HANDLES[n]}", f"Published: {n + 2} March 2024"]
        rows += [f"Hits: {(n + 1) * 487}", "", teaser, "", f"Read more: {title}", ""]
    rows += ["Page 1 of 6", "Prev", "Next"]
    return "\n".join(rows) + "\n"


def test_a_category_blog_is_read_by_its_frame_not_its_counts() -> None:
    text = blog_category()
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["author"] for post in result.posts] == HANDLES
    assert all("Read more" not in post["body"] for post in result.posts)


def test_a_link_naming_an_item_echoes_its_title() -> None:
    texts = {"Rails in a field outside the depot"}
    assert listing._echoes("Read more: Rails in a field outside the depot", texts)
    assert not listing._echoes("Rails in a field outside the depot", texts)
    assert not listing._echoes("A union branch in the valley", texts)


def finder(plural_at: int = 2) -> str:
    """Finder results: title, teaser, then a block of labelled rows whose rows differ in
    kind (a literal, a date) and whose labels differ once ('Organisations:')."""
    rows = ["Search news", "Filter", "Sort by", "23 results", ""]
    for n, (title, teaser) in enumerate(zip(TITLES, TEASERS, strict=True)):
        rows += [title, "", teaser, "", "Document type: Press release"]
        if n == plural_at:
            rows.append("Organisations: Harbour Office and Valley Office")
        else:
            rows.append("Organisation: Harbour Office")
        rows += [f"Updated: {4 + n} March 2024", ""]
    rows += ["Previous page", "Next page"]
    return "\n".join(rows) + "\n"


def test_a_block_of_labelled_rows_is_one_field_group() -> None:
    lines = split_lines(finder())
    marks = dict(zip((line.text for line in lines), symbols(lines), strict=True))
    assert marks["Updated: 6 March 2024"] == FIELD  # a date, but a row of the block
    assert marks["Organisations: Harbour Office and Valley Office"] == FIELD
    found = find_period(lines)
    assert found is not None
    assert found.pattern == (TITLE, TEXT, FIELD)
    assert len(found.repeats) == 4


def test_finder_results_with_field_blocks_are_a_listing_dated_by_their_rows() -> None:
    text = finder()
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert result.layout == "listing"
    assert [post["title"] for post in result.posts] == TITLES
    assert [post["body"] for post in result.posts] == TEASERS


def test_a_headline_glued_over_a_field_block_stays_a_title() -> None:
    lines = split_lines(
        "Russia: asset freeze on judges\nDocument type: Speech\nUpdated: 8 March 2024\n\n"
        "Document type: Report\nUpdated: 9 March 2024\n\nDocument type: Speech\n"
    )
    marks = symbols(lines)
    assert marks[0] == TITLE  # its label ('Russia:') opens no other row
    assert marks[1] == marks[2] == FIELD


def test_a_lone_labelled_row_or_an_unrepeated_block_is_no_field_block() -> None:
    lines = split_lines(
        "Updated: 8 March 2024\n\nUpdated: 9 March 2024\n\nUpdated: 10 March 2024\n\n"
        "Venue: Old Hall\nSpeaker: Anna Petrova\n"
    )
    marks = dict(zip((line.text for line in lines), symbols(lines), strict=True))
    assert marks["Updated: 8 March 2024"] == STAMP  # alone under its label, as before
    assert marks["Venue: Old Hall"] == marks["Speaker: Anna Petrova"] == TITLE
