"""New Reddit comment trees: 'level N' markers, '· <age>' lines, score over the actions."""

from __future__ import annotations

from pathlib import Path

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import new_reddit
from flows.stages.segment.lines import split_lines

PAGE = (Path(__file__).parent / "cases" / "segment" / "thread_level_markers.txt").read_text(
    encoding="utf-8"
)


def test_levels_names_flair_scores_edits_and_deleted_comments() -> None:
    result = segment("0123456789abcdef", PAGE, None, SegmentConfig())
    assert result.layout == "thread"
    (post,) = result.posts
    assert (post["title"], post["author"]) == ("Ferry crews strike over unpaid wages", "Mila_Ark")
    rows = [(c["author"], c["depth"], c["score"], c["edited"]) for c in result.comments]
    assert rows == [
        ("Oskar_Lind", 0, 34, False),
        ("Vera_K", 1, 12, False),
        ("[deleted]", 2, None, False),
        ("port_watcher", 1, None, True),  # 'Vote': the score is hidden
        ("Timur_G", 0, 5, False),
    ]
    assert result.comments[2]["body"] == ""
    bodies = " ".join(c["body"] for c in result.comments)
    for chrome in ("Reply", "Share", "Follow", "Harbour local", "More posts", "level"):
        assert chrome not in bodies, chrome
    assert coverage_errors(PAGE, result) == []


def test_level_lines_in_prose_are_no_comments() -> None:
    text = "The water reached level 3\nlevel 2\nof the dam, then fell.\nlevel 1\nagain."
    assert new_reddit.find_starts(split_lines(text)) == []
