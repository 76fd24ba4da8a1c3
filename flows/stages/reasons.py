"""Every reject reason, boilerplate rule and repair step the pipeline can emit, with what
it means. The dataset card prints these tables; a test fails when code emits a name that
is not documented here."""

from __future__ import annotations

REJECT_REASONS: dict[str, str] = {
    "ingest_bad_manifest": "manifest.json could not be read or an entry has no file name; the folder is processed without it (layouts detected).",
    "ingest_missing_file": "manifest.json lists a file that is not in the raw folder.",
    "ingest_not_a_file": "a `.txt` entry of the raw folder (or `manifest.json`) is not a regular file: a folder, FIFO, device or symlink loop.",
    "ingest_unknown_layout": "the manifest names a layout that does not exist; the layout is detected instead (the file is still published).",
    "ingest_unreadable": "the file could not be read (permissions, I/O error).",
    "ingest_changed_during_run": "the file was replaced after the folder was listed, or its bytes changed between planning the build and reading it; run the build again.",
    "ingest_too_large": "the file is larger than the size limit (`--max-file-mb`, 64 MiB by default); refused from its size, unread.",
    "ingest_unsafe_path": "a manifest path or a symlink points outside the raw folder; refused.",
    "decode_empty": "the file has zero bytes.",
    "decode_whitespace_only": "the file holds nothing but whitespace.",
    "decode_binary": "the bytes are not text (image or other binary signature, many control bytes).",
    "decode_undecodable": "no encoding gives plausible text.",
    "repair_empty_text": "nothing but whitespace is left after repair.",
    "validate_documents": "a documents record breaks its schema (all errors listed in `detail`).",
    "validate_posts": "a posts record breaks its schema.",
    "validate_comments": "a comments record breaks its schema.",
    "validate_blocks": "a blocks record breaks its schema.",
    "validate_footnotes": "a footnotes record breaks its schema.",
    "validate_dropped": "a dropped record breaks its schema.",
    "validate_tombstones": "a tombstone breaks its schema (a removal's reason or date is malformed).",
    "ingest_bad_removal": "an entry of the removals list (`removals.json`, the manifest's `removals`) has no id or reason, or a date that is not YYYY-MM-DD; the entry is ignored.",
    "ingest_unknown_removal": "the removals list names a record, document or file that does not exist; nothing is removed for it.",
    "integrity_duplicate_id": "two records of one table share an id; both are held back.",
    "integrity_duplicate_document": "the file has the same bytes as another file; only the first by name is published.",
    "integrity_span_outside": "a record's span reaches beyond its document's text.",
    "integrity_orphan_document": "a record names a document that is not published.",
    "integrity_orphan_comment": "a comment's post is not published.",
    "integrity_orphan_parent": "a comment's parent is not published (its replies follow it into rejects).",
    "integrity_parent_other_post": "a comment's parent belongs to another post.",
    "integrity_depth": "a comment's depth is not its parent's depth + 1 (or a top-level comment has depth > 0).",
    "integrity_cycle": "a comment's reply chain loops.",
    "integrity_orphan_block": "a block's owner (post or comment) is not published.",
    "integrity_orphan_footnote": "a footnote's post is not published.",
    "integrity_footnote_gap": "a post's footnote numbers are not contiguous from 1.",
}

DROPPED_RULES: dict[str, str] = {
    "nav_link": "a line that is only a navigation label ('All posts', 'Next post', …).",
    "series_nav": "series navigation: 'Part of this series:', a bare 'Part 2:'.",
    "dangling_link": "a short line whose link was stripped ('… published on', 'Source:').",
    "link_references": "a text browser's list of the page's link targets closing a dump "
    "('References', then '12. https://…').",
    "link_residue": "what is left of a list of numbered links ('– DOTP -1 -2 -3').",
    "thread_chrome": "a thread front-end's page furniture: buttons, counters, sidebar, footer "
    "(the grammar of the front-end knows them; see flows/stages/segment/grammars/).",
    "page_chrome": "a web page's furniture: menus, share bars, widgets, pagination, footers, "
    "comment forms, breadcrumbs and category labels above a title.",
    "counter": "a line of nothing but a post's counters ('5 Likes', 'Posts: 1412', "
    "'1.2k views · 12 comments').",
    "action_row": "a row of a post's buttons ('Reply | Quote | Report', 'Log in | Register', "
    "'Permalink').",
    "pager": "pagination ('Page: [1]', 'Previous 1, 2, 3 Next') or an archive's calendar "
    "row ('Jan Feb Mar … Dec').",
    "breadcrumb": "a breadcrumb trail ('Home › News › Politics').",
    "site_notice": "a notice a site prints about itself: a wiki's or board's footer ('All "
    "times are GMT'), terms and cookie consent, a comment form's instructions, a subscribe "
    "box's call, a widget's label ('Most read'), a sort control, who liked a post.",
    "caption_credit": "a picture's credit, alone or closing its caption ('Photo: Anna "
    "Lind / Courier', 'Name/AFP via Getty Images').",
    "footer_links": "a site's footer menu: a row of its links ('About | Help | Contact'), or "
    "a run of lines of one link each ('Terms' / 'Privacy').",
    "page_furniture": "a printed page's running header or footer, page number or viewer "
    "line ('Page 3 of 12', 'Total Page:16'), a table of contents' entry, or a note about "
    "the publisher that the running heads name, closing the document.",
    "front_matter": "what a document-sharing or library page prints above a PDF's own first "
    "page (its copy of the title, abstract and keywords), dropped when the PDF's head (its "
    "title over its byline, the title repeated above) follows it; and a report's cover or "
    "imprint notes (copyright, disclaimer, contents) between its head and the heading its "
    "text opens with ('Executive Summary', 'Abstract').",
    "repeated_line": "a line repeated across several documents of the same source in this "
    "run (a site's header or footer), learned from the corpus.",
    "separator": "a line of separator characters between articles ('________', '* * *').",
    "digest_summary": "a press review's lead paragraph above the items it quotes, naming "
    "their stories again (each item is a post of its own).",
}

REPAIR_STEPS: dict[str, str] = {
    "decode_bom_removed": "a byte-order mark was removed.",
    "decode_invalid_bytes": "invalid UTF-8 bytes were replaced with U+FFFD.",
    "decode_nul_removed": "stray NUL bytes were removed.",
    "normalize_newlines": "CRLF / CR line ends became LF.",
    "page_break": "a form feed (where a PDF extraction ended a page) became LF.",
    "strip_trailing_spaces": "spaces at line ends were removed.",
    "replace_nbsp": "no-break spaces became plain spaces.",
    "remove_zero_width": "zero-width characters (U+200B–U+200D, U+2060, U+FEFF) were removed (a ZWJ inside an emoji sequence is kept).",
    "remove_soft_hyphen": "soft hyphens (U+00AD) were removed.",
    "replace_tab": "tabs became spaces.",
    "remove_control_chars": "control characters were removed.",
    "replace_surrogate": "lone surrogates were replaced.",
    "normalize_nfc": "the text was normalised to NFC.",
    "fix_cp1251_mojibake": "UTF-8 that had been read as cp1251 was re-decoded.",
    "undouble_spacing": "a double-spaced text (a blank line after every line) was read as "
    "single-spaced: its single blank lines were removed, longer runs made one.",
    "unwrap_lines": "hard-wrapped lines were joined into paragraphs.",
    "unwrap_heading": "a heading wrapped over several lines was joined.",
    "strip_indent": "paragraph indentation of wrapped text was removed.",
    "dehyphenate": "a word hyphenated at a line end was joined (decision logged in `edits`).",
    "dehyphenate_kept": "a hyphen at a line end was kept as a real compound (decision logged).",
    "dehyphenate_inline": "a word split by a line-end hyphen inside a flattened PDF line was "
    "joined ('sociodemo- graphic', 'with-out'; decision logged in `edits`).",
    "dehyphenate_inline_kept": "the space after a line-end hyphen inside a flattened PDF line "
    "was removed, the hyphen kept ('pro- democracy', '18- year-old'; decision logged).",
    "fix_lookalike_latin": "a Cyrillic/Greek look-alike letter inside a Latin word became Latin.",
    "fix_lookalike_cyrillic": "a Latin look-alike letter inside a Cyrillic word became Cyrillic.",
    "lookalike_unfixed": "a word mixing scripts was left as it is (ambiguous); counted only.",
}
REPAIR_STEP_PREFIXES: dict[str, str] = {
    "ftfy_": "an ftfy step (its own name follows the prefix), e.g. mojibake or HTML entities.",
}


def describe_repair_step(step: str) -> str | None:
    if step in REPAIR_STEPS:
        return REPAIR_STEPS[step]
    for prefix, description in REPAIR_STEP_PREFIXES.items():
        if step.startswith(prefix):
            return description
    return None
