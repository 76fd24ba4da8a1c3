"""Segmentation: the seeds (hand-checked counts) and the same formats in new words."""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import pytest

from flows.stages.records import Segmented
from flows.stages.repair import RepairConfig, repair
from flows.stages.segment import SegmentConfig, coverage_errors, segment
from schemas.models import Block, Comment, Dropped, Footnote, Post
from tests.test_segment_inputs import (
    FakeArticle,
    FakeComment,
    render_digest,
    render_listing,
    render_thread,
)

RAW = Path(__file__).resolve().parent.parent / "raw"
DOC = "0123456789abcdef"


def seed(prefix: str) -> tuple[str, Segmented]:
    path = next(RAW.glob(f"{prefix}_*.txt"))
    text = repair(path.read_text(encoding="utf-8"), RepairConfig()).text
    return text, segment(path.stem.split("_")[1], text, None, SegmentConfig())


def run(text: str, hint: str | None = None) -> Segmented:
    result = segment(DOC, text, hint, SegmentConfig())
    assert_valid(text, result)
    return result


def assert_valid(text: str, result: Segmented) -> None:
    """Every record passes its strict model, and the text is fully accounted for (a
    comment with nothing but its header has an empty body, which is valid)."""
    tables: list[tuple[Any, list[dict[str, Any]]]] = [
        (Post, result.posts),
        (Comment, result.comments),
        (Block, result.blocks),
        (Footnote, result.footnotes),
        (Dropped, result.dropped),
    ]
    for model, rows in tables:
        for row in rows:
            model.model_validate(row)
    assert coverage_errors(text, result) == []


def kinds(result: Segmented, owner_id: str | None = None) -> collections.Counter[str]:
    return collections.Counter(
        block["kind"] for block in result.blocks if owner_id in (None, block["owner_id"])
    )


# --- seeds ------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_records_are_valid_and_cover_the_text(prefix: str) -> None:
    text, result = seed(prefix)
    assert_valid(text, result)
    for post in result.posts:
        assert "\n\n\n" not in post["body"]
        assert post["body"] == post["body"].strip()


def test_seed_000_pdf_article() -> None:
    _, result = seed("000")
    assert result.layout == "pdf_article"
    [post] = result.posts
    assert post["title"] == "WHY ARE THE LIBERALS BACKING THE RUSSIAN COMMUNISTS?"
    assert post["author"] == "F. U. Kuqe"
    signature = [b for b in result.blocks if b["kind"] == "signature"]
    assert [b["text"] for b in signature] == ["F. U. Kuqe\n-Marxist Anti-Imperialist Collective-"]
    assert "Kuqe" not in post["body"] and "Collective" not in post["body"]
    assert not post["body"].startswith("WHY")
    assert "[1]" in post["body"] and "[2]" in post["body"]  # no notes section: markers kept
    assert result.footnotes == []


def test_seed_001_thread() -> None:
    _, result = seed("001")
    assert result.layout == "thread"
    [post] = result.posts
    assert post["kind"] == "thread_post"
    assert post["author"] == "enigma@lemmygrad.ml"
    assert post["body"].startswith("Back in 2020 Left Twitter exploded")
    assert post["body"].endswith("the emergence of the multi-polar world.")
    for chrome in ("Part of This Series", "Part 2:", "-1 -2 -3"):
        assert chrome not in post["body"]
    assert (
        "it could be argued that Russia is currently a Dictatorship of the Proletariat:"
        in post["body"]
    )
    rules = collections.Counter(row["rule"] for row in result.dropped)
    assert rules == {"series_nav": 2, "link_residue": 2}
    got = [
        (c["author"], c["instance"], c["upvotes"], c["downvotes"], c["score"], c["is_op"],
         c["edited"], c["edit_count"], c["depth"], c["path"])
        for c in result.comments
    ]  # fmt: skip
    assert got == [
        ("Inbrededcanadian@lemmygrad.ml", "lemmygrad.ml", 30, 2, 28, False, False, None, 0, "0000"),
        ("BalabakMan@lemmygrad.ml", "lemmygrad.ml", 10, 0, 10, False, False, None, 1, "0000/0001"),
        ("Catradora-Stalinism☭@lemmygrad.ml", "lemmygrad.ml", 21, 0, 21, False, False, None, 0, "0002"),
        ("Neon__volk", None, 11, 1, 10, False, True, None, 0, "0003"),
        ("enigma@lemmygrad.ml", "lemmygrad.ml", 17, 8, 9, True, True, None, 0, "0004"),
        ("KrupskayaPraxis@lemmygrad.ml", "lemmygrad.ml", 5, 0, 5, False, False, None, 0, "0005"),
        ("averagetankie@lemmygrad.ml", "lemmygrad.ml", 1, 2, -1, False, False, None, 0, "0006"),
    ]  # fmt: skip
    first, reply = result.comments[0], result.comments[1]
    assert reply["parent_id"] == first["comment_id"] == reply["root_id"]
    assert [c["sibling_rank"] for c in result.comments] == [0, 0, 1, 2, 3, 4, 5]
    assert all(c["age"] == "3 years ago" for c in result.comments)
    for comment in result.comments:
        for chrome in ("arrow-up", "fedilink", "edit-2", "3 years ago"):
            assert chrome not in comment["body"]
    assert result.comments[3]["body"].count("\n\n") == 8  # nine paragraphs


def test_seed_002_listing() -> None:
    _, result = seed("002")
    assert result.layout == "listing"
    assert len(result.posts) == 13
    assert [p["rank"] for p in result.posts] == list(range(1, 14))
    assert {p["kind"] for p in result.posts} == {"teaser"}
    assert [p["rank"] for p in result.posts if p["truncated"]] == [9]
    assert result.posts[8]["body"].endswith("they revealed a")


def test_seed_003_article() -> None:
    _, result = seed("003")
    assert result.layout == "article"
    [post] = result.posts
    assert post["title"].startswith("For a Social and Democratic Coalition")
    assert post["title"].endswith("Regional Elections of September 2019")
    notes = [b for b in result.blocks if b["kind"] == "editor_note"]
    assert len(notes) == 1 and notes[0]["text"].startswith("Note from the editors:")
    assert "All posts" not in post["body"] and "published on" not in post["body"]
    assert post["body"].endswith("the struggle is just beginning!")
    assert {row["rule"] for row in result.dropped} == {"nav_link", "dangling_link"}


def test_seed_004_digest() -> None:
    _, result = seed("004")
    assert result.layout == "digest"
    titles = [p["title"] for p in result.posts]
    assert titles == [
        "Boris Kagarlitsky on the Soviet Union, one-party states and the need for a new left bloc"
        " in Russia",
        "In Russia, no one is safe from prison",
        "Repression of Russian left activists",
    ]
    first, second, third = result.posts
    assert first["origin"].startswith("First published in Russian at Rabkor.")
    assert first["translator"] == "Dmitry Pozhidaev"
    assert second["origin"] == "First published at Rosa-Luxemburg-Stiftung."
    assert second["author"] == "Anastasia Spartak"
    assert second["author_bio"] == "Anastasia Spartak is a Russian social researcher."
    assert third["origin"] == "First published at Against The Current."
    assert {p["kind"] for p in result.posts} == {"digest_article"}
    assert kinds(result, first["post_id"])["question"] == 8
    assert kinds(result, second["post_id"])["verse"] == 1
    assert kinds(result, third["post_id"])["verse"] == 1
    headings = [b["text"] for b in result.blocks if b["kind"] == "heading"]
    assert "Building a prisoners’ fund" in headings
    assert "The Alexander Kupriyanov case" in headings
    notes = [f for f in result.footnotes if f["post_id"] == first["post_id"]]
    assert [f["number"] for f in notes] == list(range(1, 8))
    assert all(f["marker_start"] is not None for f in notes)
    assert "the Soviets.[1] But" in first["body"]
    assert "- 1" not in first["body"] and "Some notable works include" not in first["body"]
    assert "Some notable works include:" in notes[6]["body"]
    for post in result.posts:
        assert post["title"] not in post["body"]
        assert "First published" not in post["body"]
    assert "Anastasia Spartak is" not in second["body"]


# --- the same formats, new words ----------------------------------------------------------


def test_deeper_thread_with_other_counts() -> None:
    comments = [
        FakeComment(0, "ana@forum.example", ["Top level one."], 12, 3),
        FakeComment(1, "ben", ["First reply."], 4, None, edited=True),
        FakeComment(2, "cara@forum.example", ["Going deeper.", "Second paragraph."], 0, 7),
        FakeComment(3, "dan@other.example", ["Deepest point."], 2, 2, edited=True, is_op=True),
        FakeComment(1, "eve@forum.example", ["Back to level one."], 1),
        FakeComment(0, "fay", ["Second top level."], None),
    ]
    text = render_thread(
        ["Opening claim of the thread.", "A second opening paragraph."], comments, step=3
    )
    result = run(text)
    assert result.layout == "thread"
    post = result.posts[0]
    assert post["author"] == "dan@other.example"
    assert post["body"] == "Opening claim of the thread.\n\nA second opening paragraph."
    rows = result.comments
    assert [c["depth"] for c in rows] == [0, 1, 2, 3, 1, 0]
    assert [c["path"] for c in rows][3] == "0000/0001/0002/0003"
    assert rows[4]["parent_id"] == rows[0]["comment_id"] and rows[4]["sibling_rank"] == 1
    assert rows[5]["parent_id"] is None and rows[5]["sibling_rank"] == 1
    assert all(c["root_id"] == rows[0]["comment_id"] for c in rows[:5])
    assert [(c["upvotes"], c["downvotes"], c["score"]) for c in rows] == [
        (12, 3, 9), (4, 0, 4), (0, 7, -7), (2, 2, 0), (1, 0, 1), (None, None, None)
    ]  # fmt: skip
    assert [(c["edited"], c["edit_count"]) for c in rows][1] == (True, None)
    assert [(c["edited"], c["edit_count"]) for c in rows][3] == (True, None)
    assert [c["is_op"] for c in rows] == [False, False, False, True, False, False]
    assert rows[2]["body"] == "Going deeper.\n\nSecond paragraph."
    assert rows[1]["instance"] is None and rows[1]["author"] == "ben"


def test_digest_of_four_with_footnotes() -> None:
    articles = [
        FakeArticle(
            f"Headline number {n} about the strikes",
            f"First published at Outlet {n}.",
            [
                f"Opening paragraph {n} tells what happened at the plant.9",
                "Workers met in the yard.1 They voted in the 2.0 plan and the 3-shift rota.2",
                "Section on the outcome",
                "The owners gave in after a week.",
            ],
            bio=f"Maria Ivanova{'' if n % 2 else '-Petrova'} is a labour historian."
            if n != 3
            else None,
            notes=["The first note.", "The second note."] if n == 2 else [],
        )
        for n in range(1, 5)
    ]
    text = render_digest(articles)
    result = run(text)
    assert result.layout == "digest"
    assert [p["title"] for p in result.posts] == [a.title for a in articles]
    assert [p["origin"] for p in result.posts] == [a.origin for a in articles]
    assert [p["author"] for p in result.posts] == [
        "Maria Ivanova", "Maria Ivanova-Petrova", None, "Maria Ivanova-Petrova"
    ]  # fmt: skip
    second = result.posts[1]
    notes = [f for f in result.footnotes if f["post_id"] == second["post_id"]]
    assert [(f["number"], f["body"]) for f in notes] == [
        (1, "The first note."),
        (2, "The second note."),
    ]
    assert text[notes[0]["marker_start"] : notes[0]["marker_start"] + 1] == "1"
    assert "yard.[1] They voted in the 2.0 plan and the 3-shift rota.[2]" in second["body"]
    assert "plant.9" in second["body"]  # 9 is not a note number
    assert kinds(result, second["post_id"])["heading"] == 2  # title + section heading
    assert len(result.footnotes) == 2


def test_listing_of_five_teasers() -> None:
    teasers = [
        f"Teaser {n}: dockers in port number {n} walked out over unpaid wages, and the strike "
        "soon spread to the other terminals along the coast, as the union had warned."
        for n in range(1, 6)
    ]
    teasers[2] = teasers[2].removesuffix(" as the union had warned.") + " while the"
    result = run(render_listing(teasers))
    assert result.layout == "listing"
    assert [p["rank"] for p in result.posts] == [1, 2, 3, 4, 5]
    assert [p["truncated"] for p in result.posts] == [False, False, True, False, False]
    assert [p["body"] for p in result.posts] == teasers


def test_article_with_bracket_footnotes_and_nav() -> None:
    text = "\n\n".join(
        [
            "Home",
            "A Short History of the Union",
            "The union was founded in 1905.[1] It grew fast after U.S.S.R. 2 was announced.",
            "Its paper reached every factory by the 1920s.[2]",
            "Notes",
            "[1] Founding congress minutes.",
            "[2] Circulation figures from the archive.",
        ]
    )
    result = run(text)
    [post] = result.posts
    assert post["title"] == "A Short History of the Union"
    assert [(f["number"], f["body"]) for f in result.footnotes] == [
        (1, "Founding congress minutes."), (2, "Circulation figures from the archive.")
    ]  # fmt: skip
    assert all(text[f["marker_start"]] == "[" for f in result.footnotes)
    assert "Notes" not in post["body"] and "archive" not in post["body"]
    assert [row["rule"] for row in result.dropped] == ["nav_link"]


def test_unwrapped_pdf_article_keeps_title_and_signature() -> None:
    text = (
        "WHY THE PLANT CLOSED\n\nThe plant closed in spring. Nobody was told in advance.\n\n"
        "The workers found the gates locked on Monday morning.\n\nJ. K. Rowan\n\n-Workers Circle-"
    )
    result = run(text, "pdf_article")
    [post] = result.posts
    assert post["title"] == "WHY THE PLANT CLOSED"
    assert post["author"] == "J. K. Rowan"
    assert post["body"].endswith("Monday morning.")


def test_layout_hint_overrides_detection() -> None:
    result = run("First line.\n\nSecond line.", "listing")
    assert (result.layout, result.layout_evidence) == ("listing", "manifest")
    assert [p["kind"] for p in result.posts] == ["teaser", "teaser"]


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "\n"])
def test_empty_text_yields_no_posts(text: str) -> None:
    result = run(text)
    assert result.posts == [] and result.comments == []
