"""The thread layout's shared parts: the head of an article printed above a comment
section whose front-end reads no opening post (invented snippets)."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, segment

COMMENTS = """\
3 Comments
Add a comment...

Olga Berg
Prices went up again in the shops near the station.
Like · Reply · 14 · 2y

    Stas Lind
    Not in our shop, they stayed the same all winter.
    Like · Reply · 2y · Edited

Vera Tsoi
The ferry is the real problem for anyone living on the coast.
Like · Reply · 3 · 1y

Facebook Comments Plugin
"""

ARTICLE = """\
Baltic Evening Post
News
Politics
Opinion

Ferry timetable to the exclave cut for the winter

The regional ministry says the ferry from the exclave to the mainland will run twice a week instead of four times until April, citing the cost of fuel and repairs.

Hauliers warn that the cut will raise prices for fresh goods within a month.

"""


def test_article_above_a_comments_plugin_gives_the_title() -> None:
    result = segment("0123456789abcdef", ARTICLE + COMMENTS, None, SegmentConfig())
    (post,) = result.posts
    assert post["title"] == "Ferry timetable to the exclave cut for the winter"
    assert "Baltic Evening Post" not in post["body"]
    assert "run twice a week instead of four times" in post["body"]
    assert [c["parent_id"] is None for c in result.comments] == [True, False, True]


def test_no_prose_above_the_comments_gives_no_head() -> None:
    text = "Baltic Evening Post\n\n" + COMMENTS
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    (post,) = result.posts
    assert (post["title"], post["body"]) == (None, "Baltic Evening Post")
    assert len(result.comments) == 3
