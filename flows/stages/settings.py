"""The stages' config models (repair, segmentation), apart from the stages that read them.

Importing them imports no stage: the CLI validates a build's options with
:class:`flows.config.PipelineConfig` before any work starts, and the layouts, grammars and
repair steps are imported where the documents are processed. Their packages re-export them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from flows.stages.segment.post import BlockRules


class RepairConfig(BaseModel):
    """Every repair switch, frozen; part of the release's config digest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    normalize_newlines: bool = Field(
        default=True, description="CRLF, CR, U+2028/2029, VT and FF become '\\n'."
    )
    fix_encoding: bool = Field(
        default=True,
        description="Run ftfy (mojibake from cp1252/latin-1/cp1251, HTML entities, control "
        "characters, ligatures, NFC) with the settings below.",
    )
    uncurl_quotes: bool = Field(
        default=False, description="ftfy's uncurl_quotes: off, typographic quotes are content."
    )
    fix_character_width: bool = Field(
        default=True, description="ftfy's fix_character_width: full-width forms -> ASCII."
    )
    fix_cp1251_mojibake: bool = Field(
        default=True,
        description="Re-decode UTF-8 read as cp1251 left by ftfy, only on strict evidence.",
    )
    strip_trailing_spaces: bool = Field(
        default=True, description="Remove spaces and tabs at line ends."
    )
    normalize_invisible: bool = Field(
        default=True,
        description="NBSP-like spaces -> space, zero-width characters and inner soft "
        "hyphens removed, tabs -> space.",
    )
    undouble_spacing: bool = Field(
        default=True,
        description="Read a double-spaced text (a blank line after every line, paragraph "
        "breaks as longer runs) as single-spaced; decided from the blank lines between lines.",
    )
    unwrap_lines: bool = Field(
        default=True,
        description="Join hard-wrapped lines into one line per paragraph and undo "
        "line-end hyphenation (decided from wordfreq and document evidence).",
    )
    dehyphenate_inline: bool = Field(
        default=True,
        description="Undo line-end hyphenation left inside flattened PDF lines ('sociodemo- "
        "graphic', '18- year-old'; 'with-out' in text whose line breaks were deleted), "
        "decided as line-end hyphens are.",
    )
    min_wrap_width: int = Field(
        default=20,
        ge=10,
        description="Lines shorter than this never count as wrapped lines (verse, lists).",
    )
    fuzzy_wrap_min_width: int = Field(
        default=35,
        ge=10,
        description="Lines at least this long count as wrapped when the next word nearly "
        "fitted (proportional-font PDF text); shorter ones need exact greedy "
        "evidence (the next word would not have fitted).",
    )
    max_wrap_width: int = Field(
        default=110,
        ge=20,
        description="Lines longer than this are paragraphs, never wrapped lines; a document "
        "with >20% such lines is one-paragraph-per-line and not unwrapped.",
    )
    room_slack: float = Field(
        default=0.05,
        ge=0.0,
        le=0.5,
        description="A line ending a sentence ends its paragraph if the next word would have "
        "fitted within (1 - slack) of the wrap width (4x slack without a "
        "sentence end).",
    )
    join_zipf: float = Field(
        default=3.5,
        description="A hyphen-split word whose joined form has at least this Zipf "
        "frequency is joined (with a capitalised second part: this + 1).",
    )
    part_zipf_short: float = Field(
        default=3.5,
        description="Zipf a part of <= 4 letters needs to count as a word "
        "(a compound keeps its hyphen only if both parts are words).",
    )
    part_zipf_long: float = Field(
        default=2.5, description="Zipf a part of >= 5 letters needs to count as a word."
    )
    fix_lookalikes: bool = Field(
        default=True,
        description="Mixed Latin/Cyrillic/Greek words -> majority script if that is a word.",
    )
    shortcuts: bool = Field(
        default=True,
        exclude=True,
        description="Exact fast paths: a step given the very text on which it last changed "
        "nothing is not run again (its counts are replayed), which spares most of the passes "
        "that confirm the fixpoint; a step is not run on text without the characters its "
        "first search needs; ftfy is not called on segments it provably leaves as they are. "
        "Output (text, fixes, edits) is byte-identical either way "
        "(tests/test_bench_differential.py; `python -m benchmarks.run --differential`); off "
        "is the reference path, with every segment through ftfy as in `ftfy.fix_text`. "
        "Excluded from the config dump and digest: it changes no output.",
    )


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

    furniture_min_docs: int = Field(
        default=3,
        ge=2,
        description="Fewest documents of one source that must share an edge line before it "
        "is learned as the source's furniture (rule repeated_line).",
    )
    furniture_min_share: float = Field(
        default=0.5,
        gt=0.0,
        le=1.0,
        description="Least share of a source's documents that must show an edge line before "
        "it is learned as furniture.",
    )

    def block_rules(self) -> BlockRules:
        from flows.stages.segment.post import BlockRules  # here: the layouts' import

        return BlockRules(
            max_heading_chars=self.max_heading_chars,
            max_title_chars=self.max_title_chars,
            max_verse_line_chars=self.max_verse_line_chars,
            min_verse_lines=self.min_verse_lines,
            min_interview_questions=self.min_interview_questions,
        )
