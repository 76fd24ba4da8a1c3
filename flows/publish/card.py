"""The dataset card (README.md of every release), generated from the schemas, the manifest
and the quality report. Pure: values in, markdown out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from flows.publish.markdown import code_span, escape_markdown
from flows.publish.metadata import (
    AUTHOR,
    LICENSE_FILE,
    LICENSE_NAME,
    TITLE,
    bibtex,
)
from flows.publish.report import (
    LOW_LAYOUT_CONFIDENCE,
    MIXED_LANGUAGE,
    UNKNOWN_LANGUAGE,
    LayoutChoice,
    quality_markdown,
)
from flows.stages.reasons import DROPPED_RULES, REJECT_REASONS, REPAIR_STEP_PREFIXES, REPAIR_STEPS
from flows.stages.records import SourceInfo
from flows.stages.segment.layouts import layouts
from schemas import TABLES
from schemas.arrow import column_order

SUMMARY = (
    "Scraped political texts about Russia — PDF-extracted articles, blog posts, multi-article "
    "digests, listing pages of teasers and forum threads with nested comments — repaired "
    "(encoding, line breaks, hyphenation, invisible and look-alike characters), segmented into "
    "posts, comments, typed blocks and footnotes, validated against strict schemas and "
    "published as Parquet files and a DuckDB database. Every record points back into its "
    "document by character span; everything removed or rejected is kept, with a reason."
)


LANGUAGE_DETECTOR = (
    "Languages are detected offline by lingua (`lingua-language-detector`, Apache-2.0 "
    "licence; its models ship inside the package), per block and footnote, each script of "
    "a text on its own; a post or comment adds up its blocks. `language` is the language "
    "with the most letters, `languages` lists every one found (more than one: mixed), "
    "`language_score` is the detector's confidence. Below, the rows with text in each "
    "language (a mixed row counts under each of its languages), with no language "
    "(`unknown`: too few letters to tell) and with more than one (`mixed`)."
)


def _language_counts(quality: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """Rows per table and language, from the quality report's `language` section."""
    counts: dict[str, dict[str, int]] = {}
    for row in quality:
        if row["section"] == "language":
            table, language = str(row["name"]).split(".", 1)
            counts.setdefault(table, {})[language] = int(row["value"])
    return counts


def _found_languages(counts: Mapping[str, Mapping[str, int]]) -> list[str]:
    """The ISO 639-1 codes with at least one record, by code."""
    return sorted(
        {
            language
            for counted in counts.values()
            for language, count in counted.items()
            if count and language not in (UNKNOWN_LANGUAGE, MIXED_LANGUAGE)
        }
    )


def _languages(counts: Mapping[str, Mapping[str, int]]) -> str:
    """Records per table and detected language, and how they were detected."""
    columns = [*_found_languages(counts), UNKNOWN_LANGUAGE, MIXED_LANGUAGE]
    lines = [
        "| table | " + " | ".join(columns) + " |",
        "| --- |" + " ---: |" * len(columns),
    ]
    for table, counted in counts.items():
        lines.append(f"| `{table}` | " + " | ".join(str(counted.get(c, 0)) for c in columns) + " |")
    return LANGUAGE_DETECTOR + "\n\n" + "\n".join(lines)


DUPLICATE_LEVELS = {"document": "documents", "block": "blocks"}
"""Each level of the `duplicates` table and the table its records are in."""


def _duplicates(quality: Sequence[Mapping[str, Any]]) -> str:
    """Duplicate clusters and copies per level, and their share of the level's rows."""
    figures = {
        (row["section"], str(row["name"])): int(row["value"])
        for row in quality
        if row["section"] in ("rows", "duplicates")
    }
    lines = [
        "Nothing is removed for being a copy: the `duplicates` table lists every document and "
        "block in a cluster, with its cluster (the id of its first member) and its similarity "
        "to that first member. Texts are compared as lower-cased words: the same words are an "
        "`exact` copy, word 3-shingles whose MinHash-estimated Jaccard similarity reaches the "
        "configured threshold (`config.duplicates` in `manifest.json`) a `near` one. The "
        "share counts every member but the first of each cluster.",
        "",
        "| level | clusters | exact copies | near copies | share of rows |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for level, table in DUPLICATE_LEVELS.items():
        clusters, exact, near = (
            figures.get(("duplicates", f"{level}.{name}"), 0)
            for name in ("clusters", "exact", "near")
        )
        total = figures.get(("rows", table), 0)
        share = f"{(exact + near) / total:.2%}" if total else "—"
        lines.append(f"| {level} | {clusters} | {exact} | {near} | {share} |")
    return "\n".join(lines)


def _front_matter(languages: Sequence[str]) -> str:
    lines = ["---", "pretty_name: " + TITLE]
    if languages:
        lines += ["language:", *(f"- {language}" for language in languages)]
    lines.append("license: other")
    lines += [f"license_name: {LICENSE_NAME}", f"license_link: {LICENSE_FILE}", "configs:"]
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


def _row(*cells: object) -> str:
    """One Markdown table row, every cell escaped (`escape_markdown`)."""
    return "| " + " | ".join(escape_markdown(cell) for cell in cells) + " |"


def _sources_table(sources: Sequence[SourceInfo]) -> str:
    """The published documents' sources, one row each."""
    lines = [
        f"{len(sources)} source files, each published as one document.\n",
        "| file | publisher | layout | language | rights |",
        "| --- | --- | --- | --- | --- |",
    ]
    for source in sources:
        lines.append(
            _row(
                source.source_file,
                source.publisher or "—",
                source.layout or "detected",
                source.language or "—",
                source.rights,
            )
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
    "Full-text search (`search()`) needs DuckDB's fts extension (`INSTALL fts; LOAD fts;`) "
    "for its Porter stemmer. It ranks by BM25 (k=1.2, b=0.75) over the first 100,000 "
    "characters of each post and comment body, without English stop words; tokens are runs "
    "of letters after lower-casing and stripping accents, so Russian words are found by "
    "their exact form only (no Russian stemming).",
    "Hugging Face `datasets` loads a table with no rows (such as `rejects` of a clean build) "
    "only with `streaming=True`: without it, it refuses any empty split.",
)


def _rules() -> str:
    def table(title: str, rows: Mapping[str, str]) -> str:
        lines = [f"### {title}", "", "| name | meaning |", "| --- | --- |"]
        # the meanings are this project's own Markdown; only a bar would end their cell
        cells = {name: text.replace("|", r"\|") for name, text in rows.items()}
        lines += [f"| `{name}` | {text} |" for name, text in cells.items()]
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
    lines += [_row(c.source_file, c.layout, f"{c.confidence:.2f}", c.evidence) for c in uncertain]
    return "\n".join(lines)


class Documented(Protocol):
    """A view or table macro of the database as the card shows it (`flows.io.database`)."""

    @property
    def description(self) -> str: ...

    @property
    def example(self) -> str: ...


def _relations(views: Mapping[str, Documented], macros: Mapping[str, Documented]) -> str:
    """Each view and table macro of corpus.duckdb with what it is and one query using it."""
    parts = []
    for kind, relations in (("view", views), ("table macro", macros)):
        for name, relation in relations.items():
            parts.append(
                f"### `{name}` ({kind})\n\n{relation.description}\n\n"
                f"```sql\n{relation.example};\n```"
            )
    return "\n\n".join(parts)


def license_text(sources: Sequence[SourceInfo]) -> str:
    """LICENSE.md of a release: the rights of the texts, as the manifest gives them per
    source, and the pipeline's licence."""
    rights: dict[str, list[str]] = {}
    for source in sources:
        rights.setdefault(source.rights, []).append(source.source_file)
    lines = [
        f"# Licence and rights: {TITLE}",
        "",
        "The texts remain the property of their original authors and publishers; they are "
        "redistributed here for research. Rights per source file, as the source manifest "
        "states them:",
        "",
    ]
    for statement, files in sorted(rights.items()):
        names = ", ".join(escape_markdown(name) for name in sorted(files))
        lines.append(f"- {escape_markdown(statement)} ({len(files)} files: {names})")
    lines += ["", "The pipeline code that made this release is MIT-licensed."]
    return "\n".join(lines) + "\n"


def changelog(changes: Mapping[str, Any] | None) -> str:
    """What changed since the previous release, per table, from `changes.json`."""
    if not changes or not changes.get("previous_version"):
        return "First release: there is no previous release to compare with."
    lines = [
        f"Since release {code_span(changes['previous_version'])} (the ids are in `changes.json`):",
        "",
        "| table | added | removed | changed |",
        "| --- | ---: | ---: | ---: |",
    ]
    for table, grouped in changes.get("tables", {}).items():
        counts = [len(grouped.get(change, [])) for change in ("added", "removed", "changed")]
        lines.append(f"| {code_span(table)} | " + " | ".join(map(str, counts)) + " |")
    return "\n".join(lines)


def _citation(version: str, sources: Sequence[SourceInfo], date: str | None) -> str:
    published = f", published {date}" if date else ""
    return (
        f"> {AUTHOR}. {TITLE}, release {version}{published}. Built from {len(sources)} "
        "source files by the open pipeline in this repository.\n\n"
        f"```bibtex\n{bibtex(version, date)}\n```\n\n"
        "`CITATION.cff` in the release says the same in the Citation File Format."
    )


def _responsible_use(metadata: Mapping[str, Any]) -> str:
    """Pseudonyms and removals: what this release hides, and how to ask for a removal."""
    key = metadata.get("pseudonym_key_id")
    names = (
        "Authors and user handles are **pseudonymised** in this release: every author, "
        "translator and user handle (and a handle quoted in a text as `@user`, `u/user` or "
        "a quote header) is replaced, in every table and in the texts, by `anon-` and 10 "
        "hex digits of a keyed HMAC-SHA256 of the name. The same name gets the same "
        "pseudonym in every release built with the same key (key id "
        f"`{key}`, an HMAC of a constant, not the key); the key is not published. The "
        "`@instance` of a `user@instance` handle (a server) is kept."
        if key
        else "Authors and user handles are published as the sources show them. A build "
        "with `--pseudonymize` and a key kept outside the release replaces them by stable "
        "keyed pseudonyms."
    )
    return (
        names + "\n\nRecords can be taken out on request: the raw folder's `removals.json` (or "
        "the manifest's `removals`) names a document, post, comment or block and a reason. "
        "The record and what hangs off it (a post's comments, blocks and footnotes; a "
        "comment's replies) leave every table, the database and the full-text index, and "
        "its text leaves the document's `text` and `original_text`. Each removed record "
        "is a row of `tombstones` (id, table, reason, date) and `changes.json` lists it: "
        "drop those ids from any copy of an earlier release."
    )


def dataset_card(
    version: str,
    metadata: Mapping[str, Any],
    sources: Sequence[SourceInfo],
    quality: Sequence[Mapping[str, Any]],
    uncertain: Sequence[LayoutChoice] = (),
    changes: Mapping[str, Any] | None = None,
    views: Mapping[str, Documented] | None = None,
    macros: Mapping[str, Documented] | None = None,
) -> str:
    """The card. `metadata` is the manifest's (its `date_published`, if any, dates the
    release); `changes` is `changes.json`; `views` and `macros` are the database's."""
    date = metadata.get("date_published")
    languages = _language_counts(quality)
    return (
        "\n\n".join(
            [
                _front_matter(_found_languages(languages)),
                f"# {TITLE} — release {version}",
                SUMMARY + (f"\n\nPublished {date}." if date else ""),
                "## Sources\n\n" + _sources_table(sources),
                "## Licence and rights\n\nThe texts remain the property of their original authors and "
                "publishers; they are redistributed here for research. The pipeline code is "
                f"MIT-licensed. `{LICENSE_FILE}` gives the rights of each source file.",
                "## Responsible use\n\n" + _responsible_use(metadata),
                "## Tables\n\n" + _field_tables(),
                "## Views and macros of `corpus.duckdb`\n\n"
                + _relations(views or {}, macros or {}),
                "## Layouts\n\n" + _layouts(),
                "## Languages\n\n" + _languages(languages),
                "## Duplicates\n\n" + _duplicates(quality),
                "## Data quality of this build\n\n" + quality_markdown(quality),
                "## Documents with an uncertain layout\n\n" + _uncertain_table(uncertain),
                "## Repair, boilerplate and rejection rules\n\nNothing is deleted silently: "
                "repairs are listed per document with replayable `edits`, boilerplate goes to "
                "`dropped` with its span, and refused input or records go to `rejects`.\n\n"
                + _rules(),
                "## Known limitations\n\n" + "\n".join(f"- {item}" for item in KNOWN_LIMITATIONS),
                "## Use the data\n\n"
                '```sh\nduckdb corpus.duckdb "select kind, count(*) from posts group by kind"\n'
                'duckdb corpus.duckdb "INSTALL fts; LOAD fts; '
                "select text_id, score from search('smart voting') limit 5\"\n```\n\n"
                "```python\nimport duckdb\n"
                "duckdb.sql(\"select title, author from 'data/posts.parquet'\").show()\n"
                "from datasets import load_dataset  # Hugging Face: one config per table\n"
                "posts = load_dataset('.', 'posts')\n```",
                "## Changes\n\n" + changelog(changes),
                "## Provenance\n\n"
                f"- input digest: {code_span(metadata.get('input_digest'))}\n"
                f"- code version: {code_span(metadata.get('code_version'))}\n"
                f"- config digest: {code_span(metadata.get('config_digest'))}\n"
                "- `manifest.json` lists every file with its size and sha256; `sha256sum -c SHA256SUMS` "
                "verifies the download.",
                "## How to cite\n\n" + _citation(version, sources, date),
            ]
        )
        + "\n"
    )
