"""The dataset card (README.md of every release), generated from the schemas, the manifest
and the quality report. Pure: values in, markdown out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flows.contracts import SourceInfo
from flows.report import quality_markdown
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


def dataset_card(
    version: str,
    metadata: Mapping[str, Any],
    sources: Sequence[SourceInfo],
    quality: Sequence[Mapping[str, Any]],
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
                "## Data quality of this build\n\n" + quality_markdown(quality),
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
