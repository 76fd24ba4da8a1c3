"""Boilerplate learned from the corpus: a source's repeated edge lines (rule repeated_line)."""

from __future__ import annotations

import duckdb
from hypothesis import given
from hypothesis import strategies as st

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.lines import split_lines
from flows.stages.segment.repeated import (
    EDGE_LINES,
    document_edges,
    learn_repeated,
    mark_repeated,
)
from tests.conftest import run_cli

MASTHEAD = "The Volkhov Ledger"
TAGLINE = "Independent reporting from the north-west since 2009"
FOOTER = "Letters to the desk: write to the editors"

STORIES = [
    (
        "Pskov council delays the budget vote",
        "By Anna Sorokina",
        "The regional council of Pskov put off its vote on next year's budget for a second "
        "week, after deputies of two factions asked for the road fund to be shown in full.",
    ),
    (
        "Ferry line to Valaam changes hands",
        "By Pyotr Lavrov",
        "A company registered in Petrozavodsk bought the ferry line to Valaam last month, and "
        "the new owners promise a winter timetable that the island has not had in years.",
    ),
    (
        "Court hears the Vyborg land case again",
        "By Olga Merkulova",
        "The arbitration court returned to the dispute over the port land in Vyborg, where "
        "the city and a logistics firm have argued about the lease for four years now.",
    ),
]


def page(title: str, byline: str, body: str, masthead: str = MASTHEAD) -> str:
    return "\n".join(
        [
            masthead,
            TAGLINE,
            "",
            title,
            byline,
            "",
            body,
            "",
            body.replace("The", "Then the"),
            "",
            FOOTER,
            "",
        ]
    )


def test_edge_candidates_skip_bylines_dates_and_prose():
    group, keys = document_edges(None, page(*STORIES[0]))
    assert group == f"first line:{MASTHEAD.casefold()}"
    assert TAGLINE.casefold() in keys and FOOTER.casefold() in keys
    assert "by anna sorokina" not in keys  # an author is never furniture
    assert not any("budget for a second" in key for key in keys)  # prose is not
    dated = document_edges("Ledger", "Published 3 March 2021\nMenu\n")
    assert dated == ("publisher:Ledger", frozenset({"menu"}))


def test_learning_needs_enough_documents_of_one_source():
    docs = [document_edges(None, page(*story)) for story in STORIES]
    learned = learn_repeated(docs, min_docs=3, min_share=0.5)
    assert learned == {
        docs[0][0]: frozenset({MASTHEAD.casefold(), TAGLINE.casefold(), FOOTER.casefold()})
    }
    assert learn_repeated(docs[:2], min_docs=3, min_share=0.5) == {}  # two pages: too few
    others = [
        document_edges(None, page(*story, masthead=f"Site {n}")) for n, story in enumerate(STORIES)
    ]
    assert learn_repeated(others, min_docs=3, min_share=0.5) == {}  # three sources of one page


@given(
    st.lists(
        st.tuples(st.sampled_from("abc"), st.frozensets(st.sampled_from("uvwxyz"))),
        max_size=12,
    ),
    st.integers(2, 4),
    st.floats(0.1, 1.0),
)
def test_a_learned_line_is_shown_by_enough_documents_of_its_group(docs, min_docs, share):
    learned = learn_repeated(docs, min_docs, share)
    for group, keys in learned.items():
        members = [found for name, found in docs if name == group]
        for key in keys:
            seen = sum(key in found for found in members)
            assert seen >= min_docs and seen >= share * len(members)


def test_only_edge_lines_are_marked():
    middle = [f"Paragraph {n} of a long report that goes on for a while." for n in range(60)]
    text = "\n".join(["Menu", *middle[:30], "Menu", *middle[30:], "Menu"])
    lines = split_lines(text)
    marked = mark_repeated(lines, frozenset({"menu"}))
    assert sorted(marked) == [0, 2 * EDGE_LINES + 12]  # first and last line, not line 31
    assert set(marked.values()) == {"repeated_line"}


def test_segment_drops_learned_furniture_from_an_article_only():
    text = page(*STORIES[0])
    learned = frozenset({MASTHEAD.casefold(), TAGLINE.casefold(), FOOTER.casefold()})
    result = segment("a" * 16, text, None, SegmentConfig(), learned)
    assert result.layout == "article"
    rules = {row["text"]: row["rule"] for row in result.dropped}
    assert rules[TAGLINE] == rules[FOOTER] == "repeated_line"
    (post,) = result.posts
    assert post["title"] == STORIES[0][0] and post["author"] == "Anna Sorokina"
    assert FOOTER not in post["body"] and TAGLINE not in post["body"]
    plain = segment("a" * 16, text, None, SegmentConfig())
    assert not any(row["rule"] == "repeated_line" for row in plain.dropped)


def test_a_build_learns_a_sites_furniture(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for n, story in enumerate(STORIES):
        (raw / f"ledger_{n}.txt").write_text(page(*story), encoding="utf-8")
    (raw / "other.txt").write_text(page(*STORIES[0], masthead="Onega Courier"), "utf-8")
    out = tmp_path / "out"
    result = run_cli("build", "--raw", str(raw), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    with duckdb.connect() as db:
        dropped = db.sql(
            f"select d.source_file, x.text from '{out}/release/data/dropped.parquet' x "
            f"join '{out}/release/data/documents.parquet' d using (doc_id) "
            "where x.rule = 'repeated_line' order by all"
        ).fetchall()
        bodies = db.sql(
            f"select d.source_file, p.body from '{out}/release/data/posts.parquet' p "
            f"join '{out}/release/data/documents.parquet' d using (doc_id)"
        ).fetchall()
    assert {name for name, _ in dropped} == {"ledger_0.txt", "ledger_1.txt", "ledger_2.txt"}
    assert {text for _, text in dropped} == {MASTHEAD, TAGLINE, FOOTER}
    for name, body in bodies:
        assert (FOOTER in body) == (name == "other.txt"), name
