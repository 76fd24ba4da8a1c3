"""The dataset card (README.md of every release), generated from the schemas, the manifest
and the quality report. Pure: values in, markdown out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flows.publish.report import LOW_LAYOUT_CONFIDENCE, LayoutChoice, quality_markdown
from flows.stages.reasons import DROPPED_RULES, REJECT_REASONS, REPAIR_STEP_PREFIXES, REPAIR_STEPS
from flows.stages.records import SourceInfo
from flows.stages.segment.layouts import layouts
from schemas import TABLES
from schemas.arrow import column_order

TITLE = "Russian political texts corpus"
SUMMARY = (
    "Scraped political texts about Russia — PDF-extracted articles, blog posts, multi-article "
    "digests, listing pages of teasers and forum threads with nested comments — repaired "
    "(encoding, line breaks, hyphenation, invisible and look-alike characters), segmented into "
    "posts, comments, typed blocks and footnotes, validated against strict schemas and "
    "published as Parquet files and a DuckDB database. Every record points back into its "
    "document by character span; everything removed or rejected is kept, with a reason."
)


def _front_matter() -> str:
    lines = ["---", "pretty_name: " + TITLE, "language:", "- en", "license: other", "configs:"]
    for model in TABLES:
        lines += [
            f"- config_name: {model.table}",
            "  data_files:",
            "  - split: train",
            f"    path: data/{model.table}.parquet",
        ]
        if model.table == "posts":
            lines.append("  default: true")
    lines.append("---")
    return "\n".join(lines)


def _field_tables() -> str:
    parts = []
    for model in TABLES:
        doc = " ".join((model.__doc__ or "").split())
        parts.append(f"### `{model.table}`\n\n{doc}\n\n| column | description |\n| --- | --- |")
        for name in column_order(model):
            description = (model.model_fields[name].description or "").replace("|", "\\|")
            parts.append(f"| `{name}` | {description} |")
        parts.append("")
    return "\n".join(parts)


def _sources_table(sources: Sequence[SourceInfo]) -> str:
    lines = ["| file | publisher | layout | language | rights |", "| --- | --- | --- | --- | --- |"]
    for source in sources:
        lines.append(
            f"| {source.source_file} | {source.publisher or '—'} | {source.layout or 'detected'} "
            f"| {source.language or '—'} | {source.rights} |"
        )
    return "\n".join(lines)


KNOWN_LIMITATIONS = (
    "Authors, publishers and dates are recorded only where the text itself shows them; "
    "thread ages are relative ('3 years ago') as scraped.",
    "Layout detection keys on format features; a PDF article whose hard wraps were already "
    "removed looks like a plain article, so give its layout in the manifest.",
    "Dehyphenation decides from the document and word frequencies; a line-end hyphen "
    "between two real words whose joined form is rare (e.g. 'leaf-let') can be misjudged "
    "(about 0.5 % of cases in the round-trip test).",
    "A comment whose body is empty is rejected (`validate_comments`) and its replies follow "
    "it into `rejects`; a thread with comments but no opening text yields no post.",
    "Footnote markers in bodies are normalised to `[N]`; notes written as a '1. text' list "
    "are read as a list, not as footnotes.",
    "Full-text search (`search()` macro) needs DuckDB's fts extension: bundled with the "
    "pipeline's environment; a stand-alone DuckDB CLI loads it with `INSTALL fts; LOAD fts;`. "
    "It ranks by BM25 (k=1.2, b=0.75) over Porter stems of the first 100,000 characters of "
    "each post and comment body, without English stop words; tokens are runs of letters "
    "after lower-casing and stripping accents, so Russian words are found by their exact "
    "form only (no Russian stemming).",
)


def _rules() -> str:
    def table(title: str, rows: Mapping[str, str]) -> str:
        lines = [f"### {title}", "", "| name | meaning |", "| --- | --- |"]
        lines += [f"| `{name}` | {text} |" for name, text in rows.items()]
        return "\n".join(lines)

    steps = {
        **REPAIR_STEPS,
        **{f"{prefix}*": text for prefix, text in REPAIR_STEP_PREFIXES.items()},
    }
    return "\n\n".join(
        [
            table("Reject reasons (`rejects.reason`)", REJECT_REASONS),
            table("Boilerplate rules (`dropped.rule`)", DROPPED_RULES),
            table("Repair steps (`documents.fixes`, `qc` section `repairs`)", steps),
        ]
    )


def _layouts() -> str:
    """Every layout of the registry with the first sentence of its module's docstring."""
    lines = ["| layout | what it is |", "| --- | --- |"]
    for name, module in layouts().items():
        summary = " ".join((module.__doc__ or "").split()).split(". ")[0]
        lines.append(f"| `{name}` | {summary.rstrip('.')}. |")
    return "\n".join(lines)


def _uncertain_table(uncertain: Sequence[LayoutChoice]) -> str:
    """The documents whose layout was detected with low confidence: check them first."""
    if not uncertain:
        return f"None: every layout was detected with confidence {LOW_LAYOUT_CONFIDENCE} or more."
    lines = [
        f"Layout confidence below {LOW_LAYOUT_CONFIDENCE}: the segmentation of these files "
        "may be wrong.\n",
        "| file | layout | confidence | evidence |",
        "| --- | --- | ---: | --- |",
    ]
    lines += [
        f"| {c.source_file} | {c.layout} | {c.confidence:.2f} | {c.evidence} |" for c in uncertain
    ]
    return "\n".join(lines)


def dataset_card(
    version: str,
    metadata: Mapping[str, Any],
    sources: Sequence[SourceInfo],
    quality: Sequence[Mapping[str, Any]],
    uncertain: Sequence[LayoutChoice] = (),
) -> str:
    return (
        "\n\n".join(
            [
                _front_matter(),
                f"# {TITLE} — release {version}",
                SUMMARY,
                "## Sources\n\n" + _sources_table(sources),
                "## Licence and rights\n\nThe texts remain the property of their original authors and "
                "publishers; they are redistributed here for research. The pipeline code is MIT-licensed.",
                "## Tables\n\n" + _field_tables(),
                "## Layouts\n\n" + _layouts(),
                "## Data quality of this build\n\n" + quality_markdown(quality),
                "## Documents with an uncertain layout\n\n" + _uncertain_table(uncertain),
                "## Repair, boilerplate and rejection rules\n\nNothing is deleted silently: "
                "repairs are listed per document with replayable `edits`, boilerplate goes to "
                "`dropped` with its span, and refused input or records go to `rejects`.\n\n"
                + _rules(),
                "## Known limitations\n\n" + "\n".join(f"- {item}" for item in KNOWN_LIMITATIONS),
                "## Use the data\n\n"
                '```sh\nduckdb corpus.duckdb "select kind, count(*) from posts group by kind"\n```\n\n'
                "```python\nimport duckdb\n"
                "duckdb.sql(\"select title, author from 'data/posts.parquet'\").show()\n"
                "from datasets import load_dataset  # Hugging Face: one config per table\n"
                "posts = load_dataset('parquet', data_files='data/posts.parquet')\n```",
                "## Provenance\n\n"
                f"- input digest: `{metadata.get('input_digest')}`\n"
                f"- code version: `{metadata.get('code_version')}`\n"
                f"- config digest: `{metadata.get('config_digest')}`\n"
                "- `manifest.json` lists every file with its size and sha256; `sha256sum -c SHA256SUMS` "
                "verifies the download.",
                "## How to cite\n\n"
                f"> {TITLE}, release {version}. Built from {len(sources)} source files by the "
                "open pipeline in this repository.",
            ]
        )
        + "\n"
    )
