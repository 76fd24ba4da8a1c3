"""Segmentation: one repaired document in, draft records out. Pure: no I/O, never raises.

``segment(doc_id, text, layout_hint, config)`` returns a :class:`Segmented` with posts,
comments, typed blocks, footnotes and dropped boilerplate as plain dicts keyed by the field
names of the models in ``schemas/models.py``.

Layout: the manifest's hint wins (reason "manifest"); otherwise :mod:`.layout` decides from
format features and says which ones. Then:

* article / pdf_article: one post (:mod:`.article`);
* digest: one post per "title + First published …" pair (:mod:`.digest`);
* listing: one teaser post per paragraph, ranked from 1 (:mod:`.listing`);
* thread: the opening post, then the comment tree (:mod:`.thread`).

Decisions worth knowing:

* Footnote markers in ``body`` and block text are normalised to "[N]" ("Soviets.1 But" ->
  "Soviets.[1] But"); ``marker_start`` keeps where the marker was in the text. Markers with
  no notes section (the "[1]" of a PDF whose notes were cut off) stay as written.
* The title is also the post's first block (kind "heading"); bio and signature are blocks
  too. The origin line has no block kind and is only a field. Editor's notes stay in the
  body (they are part of the page as published) and are typed "editor_note".
* A thread post's author is the OP comment's author as shown ("user@instance").
* Accounting (see :mod:`.coverage`): posts, comments and dropped rows own every
  non-whitespace character once; boilerplate inside an article is a dropped row nested in
  the post's span, and owns those characters.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from flows.stages.records import Segmented
from flows.stages.segment.article import BlockRules, PostDraft, build_post
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.coverage import coverage_errors
from flows.stages.segment.digest import find_article_starts, split_regions
from flows.stages.segment.layout import detect_layout
from flows.stages.segment.lines import Line, split_lines
from flows.stages.segment.listing import split_teasers
from flows.stages.segment.thread import build_comments, find_comment_starts

__all__ = ["LAYOUTS", "SegmentConfig", "coverage_errors", "segment"]

LAYOUTS = ("article", "pdf_article", "digest", "listing", "thread")


class SegmentConfig(BaseModel):
    """Segmentation thresholds, frozen; part of the release's config digest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_title_chars: int = Field(
        default=200, ge=1, description="Longest first line still read as a title."
    )
    max_heading_chars: int = Field(
        default=100, ge=1, description="Longest line read as a section heading."
    )
    max_verse_line_chars: int = Field(
        default=60, ge=1, description="Longest line that can be part of a stanza."
    )
    min_verse_lines: int = Field(
        default=3, ge=2, description="Fewest adjacent short lines that make a stanza."
    )
    min_interview_questions: int = Field(
        default=3,
        ge=1,
        description="Fewest question paragraphs before a post is read as an interview "
        "(question/answer blocks); fewer are ordinary paragraphs.",
    )
    min_listing_teasers: int = Field(
        default=3, ge=2, description="Fewest paragraphs for a text to be detected as a listing."
    )
    min_teaser_chars: int = Field(
        default=120, ge=1, description="Shortest paragraph that counts as a teaser in detection."
    )
    min_wrapped_ratio: float = Field(
        default=0.4,
        ge=0.0,
        le=1.0,
        description="Share of hard-wrapped lines from which a text is detected as a PDF article.",
    )

    def block_rules(self) -> BlockRules:
        return BlockRules(
            max_heading_chars=self.max_heading_chars,
            max_title_chars=self.max_title_chars,
            max_verse_line_chars=self.max_verse_line_chars,
            min_verse_lines=self.min_verse_lines,
            min_interview_questions=self.min_interview_questions,
        )


def segment(doc_id: str, text: str, layout_hint: str | None, config: SegmentConfig) -> Segmented:
    """Draft records of one document; see the module docstring for the rules."""
    lines = split_lines(text)
    if layout_hint in LAYOUTS:
        layout, reason = str(layout_hint), "manifest"
    elif not text.strip():
        layout, reason = "article", "empty text"
    else:
        layout, reason = detect_layout(lines, config)
        if layout_hint:
            reason += f" (manifest layout {layout_hint!r} is unknown)"
    result = Segmented(layout=layout, layout_reason=reason)
    if not text.strip():
        return result
    if layout == "thread":
        _segment_thread(result, doc_id, lines, config)
    elif layout == "digest":
        _segment_digest(result, doc_id, lines, config)
    elif layout == "listing":
        _segment_listing(result, doc_id, lines, config)
    else:
        dropped = find_boilerplate(lines)
        _add_dropped(result, doc_id, lines, dropped)
        _add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=0,
                kind="article",
                region=lines,
                dropped=dropped,
                rules=config.block_rules(),
            ),
        )
    result.dropped.sort(key=lambda row: (row["start"], row["end"]))
    return result


def _add_post(result: Segmented, draft: PostDraft | None) -> None:
    if draft is None:
        return
    result.posts.append(draft.post)
    result.blocks += draft.blocks
    result.footnotes += draft.footnotes


def _add_dropped(
    result: Segmented, doc_id: str, lines: Sequence[Line], dropped: dict[int, str]
) -> None:
    by_index = {line.index: line for line in lines}
    for index, rule in sorted(dropped.items()):
        line = by_index[index]
        result.dropped.append(
            {
                "doc_id": doc_id,
                "rule": rule,
                "text": line.text,
                "start": line.content_start,
                "end": line.content_end,
            }
        )


def _segment_thread(
    result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig
) -> None:
    starts = find_comment_starts(lines)
    region = lines[: starts[0]] if starts else lines
    dropped = find_boilerplate(region)
    rules = config.block_rules()
    draft = build_post(
        doc_id=doc_id, ordinal=0, kind="thread_post", region=region, dropped=dropped, rules=rules
    )
    if draft is None and starts and any(not line.is_blank for line in region):
        dropped = {}  # only boilerplate above the comments: keep it as the post's text
        draft = build_post(
            doc_id=doc_id, ordinal=0, kind="thread_post", region=region, dropped={}, rules=rules
        )
    _add_dropped(result, doc_id, region, dropped)
    _add_post(result, draft)
    if not starts:
        return
    post_id = f"{doc_id}.p0000"
    comments, blocks, comment_dropped = build_comments(
        doc_id=doc_id, post_id=post_id, lines=lines, starts=starts, rules=rules
    )
    result.comments += comments
    result.blocks += blocks
    _add_dropped(result, doc_id, lines, comment_dropped)
    op = next((comment for comment in comments if comment["is_op"]), None)
    if op is not None and result.posts and result.posts[0]["author"] is None:
        result.posts[0]["author"] = op["author"]


def _segment_digest(
    result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig
) -> None:
    starts = find_article_starts(lines, config.max_title_chars)
    for region, titled in split_regions(lines, starts):
        dropped = find_boilerplate(region)
        if titled:
            first = next(line for line in region if not line.is_blank)
            dropped.pop(first.index, None)  # the title line is never boilerplate
        _add_dropped(result, doc_id, region, dropped)
        _add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=len(result.posts),
                kind="digest_article",
                region=region,
                dropped=dropped,
                rules=config.block_rules(),
                title_is_first_line=titled,
            ),
        )


def _segment_listing(
    result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig
) -> None:
    dropped = find_boilerplate(lines)
    _add_dropped(result, doc_id, lines, dropped)
    for teaser in split_teasers(lines, dropped):
        ordinal = len(result.posts)
        _add_post(
            result,
            build_post(
                doc_id=doc_id,
                ordinal=ordinal,
                kind="teaser",
                region=teaser,
                dropped=dropped,
                rules=config.block_rules(),
                rank=ordinal + 1,
            ),
        )
