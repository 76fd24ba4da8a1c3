"""Text-browser dumps of thread pages (``lynx -dump``, ``elinks -dump``), read generically.

A dump prints every link's anchor after a bracketed number (``[12]reply``) and, after
the page's text, the list of link targets by number::

    References

       Visible links                    (elinks; lynx prints none)
       1. https://example.org/
      12. https://example.org/reply?id=7
       Hidden links:                    (elinks)

Header grammars are written for the page's text, so they read a *view* of the lines with
the numbered markers taken out (:func:`dump_view`); the records keep the lines as
written. The references list is furniture (:func:`references_start`), and so is a row of
links with nothing but anchors (a menu or a footer: :func:`is_link_row`) and a line that
carried only links without anchor text (an icon, an empty vote button), which is left
as nothing or a bare list mark once its markers are out (:func:`is_link_residue`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from flows.stages.segment.lines import Line
from flows.stages.segment.meta import AGE, ROW_SEPARATORS, find_date

MARKER = re.compile(r"\[\d{1,5}\]")
"""A link's number as a text browser prints it before the anchor."""
REFERENCE = re.compile(r"^\d{1,5}\.\s+(?:[a-z][a-z0-9+.\-]*:\S*|/\S*)$", re.IGNORECASE)
"""One entry of the references list: its number and the target ('12. https://…',
'3. mailto:…')."""
REFERENCES_HEADING = frozenset({"references"})
LIST_LABELS = frozenset({"visible links", "hidden links:", "hidden links"})
MIN_MARKERS = 6
"""The fewest numbered markers a page shows to be read as a dump without a references
list (rising numbers, see :func:`is_dump`)."""
MAX_DISORDER = 0.1
"""The share of markers whose number does not rise over the previous one that a dump may
show (a form's hidden field, a footnote of the page's own)."""
MAX_ANCHOR_WORDS = 4
"""The most words an anchor of a link row carries (a menu's or footer's label)."""
LIST_MARK = re.compile(r"^(?:\d{1,3}\.|[*+o#@\-])?$")
"""What a list item's first line shows when its only content was links without anchor
text: its number or bullet, or nothing."""


def references_start(lines: Sequence[Line]) -> int | None:
    """The position of the dump's 'References' heading when every line after it is an
    entry of the list (or one of its labels, or blank) and there are entries; else None."""
    for position in range(len(lines) - 1, -1, -1):
        text = lines[position].text
        if not text:
            continue
        if text.casefold() in REFERENCES_HEADING:
            entries = sum(
                1 for line in lines[position + 1 :] if line.text and REFERENCE.match(line.text)
            )
            return position if entries else None
        if not (REFERENCE.match(text) or text.casefold() in LIST_LABELS):
            return None
    return None


def is_dump(lines: Sequence[Line]) -> bool:
    """Whether the lines are a text browser's dump: a references list closes them, or
    they show at least :data:`MIN_MARKERS` numbered markers whose numbers rise in reading
    order (all but :data:`MAX_DISORDER` of them)."""
    if references_start(lines) is not None:
        return True
    numbers: list[int] = []
    for line in lines:
        if "[" in line.text:
            numbers += [int(found.group()[1:-1]) for found in MARKER.finditer(line.text)]
    if len(numbers) < MIN_MARKERS:
        return False
    falls = sum(1 for before, after in itertools.pairwise(numbers) if after <= before)
    return falls <= MAX_DISORDER * len(numbers)


GLUED_MARKER = re.compile(r"(?<=\w)\[\d{1,5}\](?=\w)")
"""A marker between two words that a dump sets without a space ('Posted by[7]Name'): it
parts them, as the link's own edge did on the page."""


def unmarked(raw: str) -> str:
    """`raw` without its numbered link markers (its indentation kept; a marker glued
    between two words leaves a space)."""
    return MARKER.sub("", GLUED_MARKER.sub(" ", raw)) if "[" in raw else raw


def dump_view(lines: Sequence[Line]) -> list[Line] | None:
    """The lines as header grammars should read them when the text is a dump (markers
    out; same indices and starts, so a position in the view is a position in `lines`),
    else None."""
    if not is_dump(lines):
        return None
    return [Line(line.index, line.start, unmarked(line.raw)) for line in lines]


def is_link_row(text: str) -> bool:
    """Whether a dump's line is only links: it opens with a marker, every anchor is at
    most :data:`MAX_ANCHOR_WORDS` words with no sentence in it, and it shows two links
    with a separator between them ('[46]Guidelines | [47]FAQ') or three or more. A row
    that gives an age or a date is a header's, never furniture."""
    if not text.startswith("["):
        return False
    parts = MARKER.split(text)
    if parts[0].strip() or len(parts) < 3:
        return False
    anchors = [part.strip().strip(ROW_SEPARATORS).strip() for part in parts[1:]]
    if any(len(anchor.split()) > MAX_ANCHOR_WORDS or anchor[-1:] in ".!?:" for anchor in anchors):
        return False
    if not (len(anchors) >= 3 or any(mark in text for mark in ROW_SEPARATORS)):
        return False
    shown = unmarked(text)
    return AGE.search(shown) is None and find_date(shown) is None


def is_link_residue(text: str) -> bool:
    """Whether a dump's line carried only links without anchor text: markers, and at
    most a list item's number or bullet besides them."""
    if "[" not in text or MARKER.search(text) is None:
        return False
    return LIST_MARK.match(unmarked(text).strip()) is not None


ID_TOKEN = re.compile(r"[A-Za-z0-9_\-]{3,}$")
ID_PARAM = re.compile(r"[?&](?:id|c|comment|post|p)=([A-Za-z0-9_\-]{3,})")
PARENT_ANCHORS = frozenset({"parent"})
"""The anchor of a comment's link to the comment it replies to."""
NEIGHBOUR_ANCHORS = frozenset({"parent", "next", "prev", "root", "context", "reply"})
"""Anchors of a header's links to other comments (or to a form): not the comment's own."""


def reference_targets(lines: Sequence[Line]) -> dict[int, str]:
    """{link number: target} of the dump's references list (empty when it has none)."""
    at = references_start(lines)
    if at is None:
        return {}
    targets: dict[int, str] = {}
    for line in lines[at + 1 :]:
        if line.text and REFERENCE.match(line.text):
            number, _, target = line.text.partition(".")
            targets[int(number)] = target.strip()
    return targets


def link_token(target: str) -> str | None:
    """The id a link's target names: its fragment's, else its id parameter's, else its
    last path segment's ('…/item?id=7#c_a1b2' -> 'c_a1b2'; '…/c/a1b2' -> 'a1b2')."""
    base, _, fragment = target.partition("#")
    if fragment and (found := ID_TOKEN.search(fragment)):
        return found.group()
    if param := ID_PARAM.search(base):
        return param.group(1)
    found = ID_TOKEN.search(base.rstrip("/"))
    return found.group() if found else None


def header_links(text: str, targets: dict[int, str]) -> tuple[frozenset[str], str | None]:
    """(ids the header's own links name, the id its 'parent' link names) of a dump's
    header line, read through the references list's targets."""
    own: set[str] = set()
    parent = None
    pieces = MARKER.split(text)
    for found, anchor in zip(MARKER.finditer(text), pieces[1:], strict=True):
        target = targets.get(int(found.group()[1:-1]))
        token = link_token(target) if target else None
        if token is None:
            continue
        label = anchor.strip().strip(ROW_SEPARATORS).strip().casefold()
        if label in PARENT_ANCHORS:
            parent = token
        elif label and label not in NEIGHBOUR_ANCHORS and label[0].isalnum():
            own.add(token)
    return frozenset(own), parent
