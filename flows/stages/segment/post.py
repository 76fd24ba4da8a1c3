"""One post from the lines of its region: meta lines out, notes linked, body typed.

Meta lines taken out of the body (each has a field on the post):
title (first line when it reads as a heading; a run of ALL-CAPS lines for PDF titles),
origin ("First published at/in …" and similar), translator (a "Translation … by X" clause
opening the post or closing it),
the notes section, a closing bio ("X Y is a …" -> author X Y) and a closing signature
(a short name line, optionally with one or two short lines such as an organisation).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flows.stages.records import Segmented
from flows.stages.rows import BlockRow, FootnoteRow, PostRow
from flows.stages.segment.blocks import (
    DraftBlock,
    build_units,
    classify_units,
    is_heading,
    mark_quotes,
    quote_depth,
)
from flows.stages.segment.boilerplate import without_trailing_buttons
from flows.stages.segment.candidates import unlabelled_title, untrailed_title
from flows.stages.segment.footnotes import find_notes_section, link_markers
from flows.stages.segment.lines import Line, ends_sentence, is_all_caps, word_count
from flows.stages.segment.meta import (
    BILINGUAL_LABEL,
    LINK_VERBS,
    POSITION,
    WIDGET_WORDS,
    day_first_iso,
    day_first_separators,
    find_date,
    is_breadcrumb,
)

ORIGIN = re.compile(
    r"^((first|originally)\s+(published|appeared|posted)|(re)?published\s+(at|in|on|by)|"
    r"reprinted\s+(from|with))\b",
    re.IGNORECASE,
)
TRANSLATOR = re.compile(
    r"\b[Tt]ranslat(?:ed|ion)\b[^.]*?\bby:?\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
)
TRANSLATOR_LINE = re.compile(r"^translat(ed|ion)\b", re.IGNORECASE)
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
"""Latin letters with the diacritics of Central European names ('Zieliński', 'Łukasz')."""
NAME_TOKEN = (
    rf"(?:[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}{_LOWER}][{_LOWER}'’]+)*|[{_UPPER}]\."
    rf"|[{_UPPER}][{_LOWER}]*[{_UPPER}][{_LOWER}]+"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]\.)"
)
"""A word of a person's name, in Latin or Cyrillic letters ('Anna', 'O.', 'Савельев',
'Zieliński')."""
NAME_PARTICLE = r"(?:de|da|van|von|der|al|bin|el|del|la|le|di)"
NAME = rf"{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|{NAME_PARTICLE})){{1,4}}"
HONORIFIC = r"(?:(?:dr|prof|professor|mr|mrs|ms|hon|rev)\.?\s+)"
"""A title of address before a name ('Dr.', 'Hon.'): not part of the name."""
LEADING_HONORIFIC = re.compile(rf"^(?i:{HONORIFIC})(?=[A-ZА-ЯЁ])")
"""A title before an author's name ('Dr ', 'Prof. ', 'Ms '): no part of the name, as
the author field gives it."""
BIO_OPENING = r"(?:[*_]+\s*|(?i:about\s+the\s+authors?|об\s+авторе)\s*[:.—–-]?\s+)?"
"""What may stand before a bio's name: the emphasis marks of an italic bio ('*X Y is a …'),
or its label run in ('About the author: X Y is a …')."""
BIO = re.compile(
    rf"^{BIO_OPENING}(?i:{HONORIFIC})?(?P<name>{NAME})(?:\s+\(@?[\w.-]{{2,40}}\))?\s+"
    r"(?:(?:is|was)\s+(?:a|an|the|currently|one|also)\b"
    rf"|(?:is|was)\s+(?:[A-Z][\w-]*\s+){{0,3}}(?i:{POSITION.pattern})"
    r"|(?:writes|reports|blogs)\s+(?:about|on|for|from)\s"
    rf"|[—–]\s+(?:[^\W\d_][\w-]*,?\s+){{0,3}}(?i:{POSITION.pattern}))"
)
"""A closing bio: 'X Y is a …', 'Dr. X Y is a senior fellow …' (the honorific is not the
name), 'X Y is Senior Fellow at …' (a staff position, :data:`.meta.POSITION`), 'X Y writes
about …', 'X Y (@handle) is a …', 'Анна Линд — политолог, старший научный сотрудник …' (a
dash, then the position within three words)."""
SIGNATURE_NAME = re.compile(
    rf"^\s*(?P<dash>[-–—~]+)?\s*(?P<name>{NAME})(?:[\s,]*|(?(dash),\s+[^\W\d_][^\d.!?]{{1,50}}))$"
)
"""A signature's name alone on its line, or after a dash with the signer's role or place
after a comma ('— Anna Lind, Senior Fellow'; the role is no part of the name)."""
NOT_NAME_STARTS = frozenset(
    {"The", "This", "That", "It", "He", "She", "They", "There", "Our"}
    | {word.capitalize() for word in LINK_VERBS | WIDGET_WORDS}
)
"""Words a closing signature's name never starts with: pronouns, articles, link verbs, a
widget heading's first words."""


@dataclass(slots=True)
class PostDraft:
    """What one post yields: its row, its blocks and its notes (draft rows)."""

    post: PostRow
    blocks: list[BlockRow] = field(default_factory=list)
    footnotes: list[FootnoteRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PostHead:
    """What a layout or grammar already knows of a post's head: its title (and the lines
    it is written on, kept as the heading block), author, date as written, and the
    metadata lines (byline, dateline) that lie in the post's span but not in its body."""

    title: str | None = None
    title_lines: frozenset[int] = frozenset()
    author: str | None = None
    published: str | None = None
    meta_lines: frozenset[int] = frozenset()
    chrome_lines: frozenset[int] = frozenset()
    """Lines known to be page furniture from where they stand (a sidebar above the post):
    the layout drops them."""
    quote_lines: frozenset[int] = frozenset()
    """Body lines that quote someone else (a block made only of them is a quote)."""
    translator: str | None = None


@dataclass(frozen=True, slots=True)
class BlockRules:
    """The block thresholds from the config, passed down as one value."""

    max_heading_chars: int
    max_title_chars: int
    max_verse_line_chars: int
    min_verse_lines: int
    min_interview_questions: int


CUT_OFF_END = re.compile(r"(?:\.\.\.|…|\[(?:\.\.\.|…)\])\s*$")


def is_cut_off(text: str) -> bool:
    """A teaser cut mid-sentence, or ended with an ellipsis ('…', '...', '[…]')."""
    return not ends_sentence(text) or bool(CUT_OFF_END.search(text))


def _title_lines(
    content: Sequence[Line], rules: BlockRules, forced: bool, dropped: Mapping[int, str]
) -> list[Line]:
    """The title's lines: the first line when it reads as a heading, or a run of up to
    three ALL-CAPS lines that no dropped line interrupts (the title block spans them)."""
    if len(content) < 2:
        return []
    first = content[0]
    if forced:
        return [first]
    if is_all_caps(first.text):
        run = [first]
        for line in content[1:]:
            if not is_all_caps(line.text) or len(run) == 3:
                break
            if any(index in dropped for index in range(run[-1].index + 1, line.index)):
                break
            run.append(line)
        return run if len(run) < len(content) else []
    text = first.text
    if len(text) > rules.max_title_chars or ORIGIN.match(text) or BIO.match(text):
        return []
    if is_breadcrumb(text):
        return []  # a path of section names over the text names no post
    if is_heading(text, rules.max_title_chars) or (
        not ends_sentence(text) and text[:1].isupper() and not text.endswith((":", ","))
    ):
        return [first]
    return []


def _bio_line(line: Line) -> str | None:
    match = BIO.match(line.text)
    if not match or len(line.text) > 400:
        return None
    name = match.group("name")
    return None if name.split()[0] in NOT_NAME_STARTS else name


def _signature_lines(
    content: Sequence[Line], dropped: Mapping[int, str]
) -> tuple[list[Line], str | None]:
    """The closing run of short non-sentence lines that starts with a name (no dropped
    line inside it: a block never spans dropped text)."""
    run: list[Line] = []
    for line in reversed(content):
        text = line.text
        short = len(text) <= 60 and word_count(text) <= 6
        if not short or (ends_sentence(text) and not re.search(r"\b[A-Z]\.$", text)):
            break
        if run and any(index in dropped for index in range(line.index + 1, run[0].index)):
            break
        run.insert(0, line)
        if len(run) == 3:
            break
    for position, line in enumerate(run):
        match = SIGNATURE_NAME.match(line.text)
        if match and match.group("name").split()[0] not in NOT_NAME_STARTS:
            return run[position:], match.group("name")
    return [], None


SIGNATURE_DELIMITER = re.compile(r"^(?:--|__)\s*$")
"""The signature delimiter of a mail or news message ('-- ', RFC 3676; '__' in some clients)."""
MAX_SIGNATURE_LINES = 6
MAX_SIGNATURE_LINE_CHARS = 80


def _delimited_signature(
    content: Sequence[Line], dropped: Mapping[int, str], quoted: frozenset[int] = frozenset()
) -> list[Line]:
    """The closing signature under a '-- ' delimiter: the delimiter and the one to
    ``MAX_SIGNATURE_LINES`` short lines after it (name, role, phone, a client's 'Sent from'
    line) that end the content, or that end the reply above the message it quotes whole
    (every line after them quoted: `quoted`, or marked '>'; a client puts the sender's
    signature above the original), with no quote, no line of ``MAX_SIGNATURE_LINE_CHARS``
    or more and no dropped line among them; else nothing. Something must stand above the
    delimiter (a body)."""

    def is_quoted(line: Line) -> bool:
        return line.index in quoted or quote_depth(line.raw) > 0

    stop = len(content)
    while stop > 0 and is_quoted(content[stop - 1]):
        stop -= 1
    at = next(
        (p for p in range(stop - 2, 0, -1) if SIGNATURE_DELIMITER.match(content[p].text)),
        None,
    )
    if at is None:
        return []
    run = list(content[at:stop])
    if len(run) - 1 > MAX_SIGNATURE_LINES:
        return []
    if any(len(line.text) >= MAX_SIGNATURE_LINE_CHARS or is_quoted(line) for line in run[1:]):
        return []
    if any(index in dropped for index in range(run[0].index, run[-1].index + 1)):
        return []
    return run


MIN_ORDINAL_DIGITS = 4


def format_ordinal(ordinal: int, count: int) -> str:
    """An ordinal as written in ids, zero-padded to `MIN_ORDINAL_DIGITS` or to the width
    of the largest of `count` ordinals if wider: every ordinal of one owner has the same
    width, so ids sort in reading order, and an owner with fewer than 10,000 comments or
    blocks keeps its 4-digit ids.

    >>> format_ordinal(3, 10), format_ordinal(3, 20_000), format_ordinal(12_345, 20_000)
    ('0003', '00003', '12345')
    """
    return f"{ordinal:0{max(MIN_ORDINAL_DIGITS, len(str(count - 1)))}d}"


def build_post(
    *,
    doc_id: str,
    ordinal: int,
    kind: str,
    region: Sequence[Line],
    dropped: Mapping[int, str],
    rules: BlockRules,
    title_is_first_line: bool = False,
    rank: int | None = None,
    head: PostHead | None = None,
    keep_bare_head: bool = True,
) -> PostDraft | None:
    """The post of one region, or None when nothing but boilerplate is left. `head`: what
    is known already of its title, author and date (else read off its first lines). A head
    with no text under it is kept as the body, line by line, unless `keep_bare_head` is
    false: then None, and the caller accounts for the head's lines (a thread's stub)."""
    content = [line for line in region if not line.is_blank and line.index not in dropped]
    if not content:
        return None
    post_id = f"{doc_id}.p{format_ordinal(ordinal, ordinal + 1)}"
    meta: dict[str, Any] = {"title": None, "author": None, "author_bio": None}
    meta.update({"origin": None, "translator": None})
    rest = list(content)

    if head is not None:
        known = head.title_lines | head.meta_lines | head.chrome_lines
        title_lines = [line for line in rest if line.index in head.title_lines]
        meta["title"] = head.title
        meta["author"] = head.author
        meta["translator"] = head.translator
        if head.published:
            found = find_date(head.published)
            meta["published"] = head.published
            meta["published_date"] = found[1] if found else None
        rest = [line for line in rest if line.index not in known]
        if not rest:
            return _plain_post(doc_id, ordinal, kind, content, rank) if keep_bare_head else None
    else:
        title_lines = (
            [] if kind == "teaser" else _title_lines(rest, rules, title_is_first_line, dropped)
        )
    if title_lines and head is None:
        meta["title"] = " ".join(line.text for line in title_lines)
        rest = rest[len(title_lines) :]
    if (
        head is None
        and kind == "teaser"
        and len(rest) > 1
        and is_heading(rest[0].text, rules.max_title_chars)
    ):
        title_lines = [rest[0]]
        meta["title"] = rest[0].text
        rest = rest[1:]

    if meta["title"]:
        meta["title"] = without_trailing_buttons(meta["title"])

    meta_lines: list[Line] = []
    closing = rest[-1:] if len(rest) > 1 else []  # 'Translated by X.' under the text
    for line in [*rest[:3], *closing]:
        text = BILINGUAL_LABEL.sub("", line.text)
        if ORIGIN.match(text) and meta["origin"] is None and line not in closing:
            meta["origin"] = line.text
        elif not (TRANSLATOR_LINE.match(text) and word_count(text) <= 20):
            continue
        meta_lines.append(line)
        translator = TRANSLATOR.search(text)
        if translator and meta["translator"] is None:
            meta["translator"] = translator.group("name").rstrip(".")
    rest = [line for line in rest if line not in meta_lines]

    notes_section = find_notes_section(rest)
    notes = notes_section.notes if notes_section else []
    if notes_section:
        rest = rest[: notes_section.first_line_position]

    bio_line: Line | None = None
    quoted = head.quote_lines if head is not None else frozenset()
    signature = _delimited_signature(rest, dropped, quoted) if kind != "teaser" else []
    if signature:
        signed_lines = {line.index for line in signature}
        rest = [line for line in rest if line.index not in signed_lines]
        signed = SIGNATURE_NAME.match(signature[1].text)
        if not meta["author"] and signed and signed.group("name").split()[0] not in NOT_NAME_STARTS:
            meta["author"] = signed.group("name")
    elif kind != "teaser" and len(rest) > 1 and not meta["author"]:
        name = _bio_line(rest[-1])
        if name:
            bio_line = rest[-1]
            meta["author"], meta["author_bio"] = name, bio_line.text
            rest = rest[:-1]
        else:
            signature, name = _signature_lines(rest, dropped)
            if signature and len(signature) < len(rest):
                meta["author"] = name
                rest = rest[: -len(signature)]
            else:
                signature = []

    linked = link_markers(rest, len(notes))
    markers = {start: (end, number) for number, (start, end) in linked.items()}
    units = build_units(rest, markers, head.quote_lines if head is not None else frozenset())
    body_blocks = classify_units(
        units,
        max_heading_chars=rules.max_heading_chars,
        max_verse_line_chars=rules.max_verse_line_chars,
        min_verse_lines=rules.min_verse_lines,
        min_interview_questions=rules.min_interview_questions,
    )
    if head is not None and head.quote_lines:
        body_blocks = mark_quotes(body_blocks, rest, head.quote_lines)
    if not body_blocks:
        # Nothing but meta lines: keep every line as body rather than lose the post.
        return _plain_post(doc_id, ordinal, kind, content, rank)

    drafts: list[DraftBlock] = []
    if title_lines and meta["title"]:
        drafts.append(
            DraftBlock(
                "heading", meta["title"], title_lines[0].content_start, title_lines[-1].content_end
            )
        )
    drafts += body_blocks
    if bio_line is not None:
        drafts.append(
            DraftBlock("bio", bio_line.text, bio_line.content_start, bio_line.content_end)
        )
    if signature:
        text = "\n".join(line.text for line in signature)
        block = DraftBlock("signature", text, signature[0].content_start, signature[-1].content_end)
        at = next((p for p, other in enumerate(drafts) if other.start > block.start), len(drafts))
        drafts.insert(at, block)  # above the message quoted whole under it, if any

    body = "\n\n".join(block.text for block in body_blocks)
    post = post_row(
        doc_id,
        ordinal,
        kind,
        body,
        content[0].content_start,
        content[-1].content_end,
        rank=rank,
        **meta,
    )
    draft = PostDraft(post)
    draft.blocks = blocks_as_rows(doc_id, post_id, "post", drafts)
    for note in notes:
        start, end = note.span
        marker = linked.get(note.number)
        draft.footnotes.append(
            {
                "doc_id": doc_id,
                "post_id": post_id,
                "number": note.number,
                "marker_start": marker[0] if marker else None,
                "body": note.body,
                "start": start,
                "end": end,
            }
        )
    return draft


def post_row(
    doc_id: str,
    ordinal: int,
    kind: str,
    body: str,
    start: int,
    end: int,
    *,
    rank: int | None = None,
    title: str | None = None,
    author: str | None = None,
    author_bio: str | None = None,
    origin: str | None = None,
    translator: str | None = None,
    published: str | None = None,
    published_date: str | None = None,
) -> PostRow:
    """The `posts` row of one post: its id from the document's and its ordinal, its
    metadata fields (the author without a title before the name: 'Dr Anna Lind' is
    'Anna Lind'; the title without its label and the cells after it: 'Title: X  tag' is
    'X'), and `truncated` for a teaser cut off."""
    if author is not None:
        author = LEADING_HONORIFIC.sub("", author)
    if title is not None:
        title = unlabelled_title(untrailed_title(title))
    return {
        "doc_id": doc_id,
        "post_id": f"{doc_id}.p{format_ordinal(ordinal, ordinal + 1)}",
        "ordinal": ordinal,
        "kind": kind,
        "title": title,
        "author": author,
        "author_bio": author_bio,
        "origin": origin,
        "translator": translator,
        "published": published,
        "published_date": published_date,
        "rank": rank,
        "truncated": kind == "teaser" and is_cut_off(body),
        "body": body,
        "start": start,
        "end": end,
    }


def _plain_post(
    doc_id: str, ordinal: int, kind: str, content: Sequence[Line], rank: int | None
) -> PostDraft | None:
    """Last resort: every kept line is a paragraph, no meta taken out."""
    units = build_units(content)
    if not units:
        return None
    post_id = f"{doc_id}.p{format_ordinal(ordinal, ordinal + 1)}"
    body = "\n\n".join(unit.text for unit in units)
    post = post_row(
        doc_id,
        ordinal,
        kind,
        body,
        content[0].content_start,
        content[-1].content_end,
        rank=rank,
    )
    drafts = [DraftBlock("paragraph", unit.text, unit.start, unit.end) for unit in units]
    return PostDraft(post, blocks_as_rows(doc_id, post_id, "post", drafts))


def blocks_as_rows(
    doc_id: str, owner_id: str, owner_kind: str, drafts: Sequence[DraftBlock]
) -> list[BlockRow]:
    return [
        {
            "doc_id": doc_id,
            "block_id": f"{owner_id}.b{format_ordinal(ordinal, len(drafts))}",
            "owner_id": owner_id,
            "owner_kind": owner_kind,
            "ordinal": ordinal,
            "kind": block.kind,
            "text": block.text,
            "quote_depth": block.quote_depth,
            "start": block.start,
            "end": block.end,
        }
        for ordinal, block in enumerate(drafts)
    ]


def settle_day_order(text: str, result: Segmented) -> None:
    """Read again, day first, the numeric dates of `result`'s posts and comments that
    could be read either way when the page `text` writes its numeric dates day first
    (:func:`..meta.day_first_separators`): a page's stamps share one order."""
    separators = day_first_separators(text)
    if not separators:
        return
    for row in [*result.posts, *result.comments]:
        written = row.get("published")
        if written:
            row["published_date"] = day_first_iso(written, row.get("published_date"), separators)
