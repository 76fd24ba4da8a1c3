"""Stack Exchange question pages (Stack Overflow and the Q&A sites built on it), as they
scrape to text.

The question, then its comments, then the answers, each with its comments::

    <title>
    Ask Question
    Asked <age>  /  Modified <age>  /  Viewed <N> times
    <score>                               the question's votes
    <body>
    <tag> <tag> <tag>
    Share / Improve this question / Follow
    [edited <date>  [<editor>  <reputation and badges>]]
    asked <date>
    <name>
    <reputation and badges>               ('2,301 1 14 30', '11.2k 3 41 77')
        [<score>]                         a comment's votes, when it has any
        <text> – <name> <date>            one comment per line, signed at its end
    Add a comment                         (or 'Show N more comments')
    <N> Answers / Sorted by: / Highest score (default)
    <score>                               an answer starts with its votes
    <body>
    Share / Improve this answer / Follow
    [edited <date> …]
    answered <date>
    <name>
    <reputation and badges>
        <comments, as above>
    Add a comment

An answer is a comment at the top level whose header is its votes line and whose
signature stands under its text (author, date; edited when an 'edited <date>' line is
there); a comment under an answer replies to it, one under the question is at the top
level. The question is the opening post (:func:`parse_post`). Buttons, sort options,
signatures and the page's footer ('Your Answer', 'Hot Network Questions') are chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import content_indices, next_content, post_head
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "stackexchange"

IMPROVE = re.compile(r"^Improve this (?P<what>question|answer)$", re.IGNORECASE)
SIGNED = re.compile(r"^(?P<verb>asked|answered)\s+(?P<when>\S.{2,40})$", re.IGNORECASE)
EDITED = re.compile(r"^edited\s+\S.{2,40}$", re.IGNORECASE)
REPUTATION = re.compile(r"^\d[\d,.]*k?(?:\s+\d[\d,]*){0,3}$")
SCORE = re.compile(r"^[-−]?\d{1,6}$")
WHEN = (
    r"(?:[A-Z][a-z]{2}\s+\d{1,2}(?:,\s+\d{4})?(?:\s+at\s+\d{1,2}:\d{2})?"
    r"|\d+\s+(?:sec|min|hour|day)s?\s+ago|yesterday)"
)
COMMENT = re.compile(
    rf"^(?P<text>\S.*?)\s+[–—]\s+(?P<name>[^\s–—][^–—]{{0,40}}?)\s*♦?\s+(?P<when>{WHEN})\s*$"
)
"""A comment on one line, signed at its end: '<text> – <name> Mar 13, 2022 at 19:02'."""
BOUNDARY = re.compile(
    r"^(?:Add a comment|Show \d+ more comments?|\d+ Answers?|Sorted by:?"
    r"|Highest score \(default\)|Trending \(recent votes count more\)"
    r"|Date modified \(newest first\)|Date created \(oldest first\))$",
    re.IGNORECASE,
)
"""Lines that close a post's comments or open the answers: an answer starts after one."""
CHROME = re.compile(
    r"^(?:Share|Follow|Ask Question|Asked\s.+|Modified\s.+|Viewed\s[\d,.]+k?\s+times?"
    r"|Improve this (?:question|answer)|Add a comment|Show \d+ more comments?|\d+ Answers?"
    r"|Sorted by:?|Highest score \(default\)|Trending \(recent votes count more\)"
    r"|Date modified \(newest first\)|Date created \(oldest first\)|Reset to default"
    r"|Questions|Tags|Users|Unanswered|Companies|Collectives|Teams)$",
    re.IGNORECASE,
)
END = re.compile(
    r"^(?:Your Answer|You must log in to answer this question\.|Hot Network Questions"
    r"|Not the answer you're looking for\?.*|Related|Linked)$",
    re.IGNORECASE,
)
TAGS = re.compile(r"^[a-z0-9][a-z0-9.+#-]*(?:\s+[a-z0-9][a-z0-9.+#-]*){0,4}$")


@dataclass(frozen=True, slots=True)
class Signature:
    """A post's button row and signature: where the button row starts ('Share'), the
    'asked'/'answered' line, the author's line and the last line of the block."""

    share: int
    signed: int
    author: int | None
    last: int
    edited: bool


def _signatures(lines: Sequence[Line]) -> list[Signature]:
    found = []
    for at, line in enumerate(lines):
        if not IMPROVE.match(line.text):
            continue
        share = at
        before = _previous(lines, at)
        if before is not None and lines[before].text.casefold() == "share":
            share = before
        signed = next(
            (p for p in range(at + 1, min(len(lines), at + 12)) if SIGNED.match(lines[p].text)),
            None,
        )
        if signed is None:
            continue
        author = next_content(lines, signed)
        last = author if author is not None else signed
        if author is not None:
            reputation = next_content(lines, author)
            if reputation is not None and REPUTATION.match(lines[reputation].text):
                last = reputation
        edited = any(EDITED.match(lines[p].text) for p in range(at + 1, signed))
        found.append(Signature(share, signed, author, last, edited))
    return found


def _previous(lines: Sequence[Line], position: int) -> int | None:
    for at in range(position - 1, -1, -1):
        if not lines[at].is_blank:
            return at
    return None


@dataclass(frozen=True, slots=True)
class Item:
    """A comment start: an answer (its votes line) or a comment (its votes line or its
    signed line), with what is known from the page around it."""

    position: int
    answer: Signature | None = None
    comment: int | None = None
    depth: int = 0


def _items(lines: Sequence[Line]) -> list[Item]:
    signatures = _signatures(lines)
    if not signatures or not _is_question(lines, signatures[0]):
        return []
    items: list[Item] = []
    after = signatures[0].last
    for number, signature in enumerate(signatures):
        if number:
            start = _answer_start(lines, after, signature.share)
            if start is None:
                return []
            items.append(Item(start, answer=signature, depth=0))
        stop = signatures[number + 1].share if number + 1 < len(signatures) else len(lines)
        after = signature.last
        for at in range(signature.last + 1, stop):
            text = lines[at].text
            if END.match(text):
                break
            if BOUNDARY.match(text) and text.casefold().startswith(("add a", "show")):
                after = at
                break
            if COMMENT.match(text):
                before = _previous(lines, at)
                voted = before is not None and before > after and SCORE.match(lines[before].text)
                start = before if voted and before is not None else at
                items.append(Item(start, comment=at, depth=1 if number else 0))
                after = at
    return items


def _is_question(lines: Sequence[Line], signature: Signature) -> bool:
    """Whether the button row is a question's ('Improve this question')."""
    for at in range(signature.share, signature.signed):
        improve = IMPROVE.match(lines[at].text)
        if improve is not None:
            return improve.group("what").casefold() == "question"
    return False


def _answer_start(lines: Sequence[Line], after: int, share: int) -> int | None:
    """The first line of the answer whose button row starts at `share`: the first line
    after `after` (the end of the post before it) that is no boundary or sort option."""
    boundary = after
    for at in range(after + 1, share):
        if BOUNDARY.match(lines[at].text) or CHROME.match(lines[at].text):
            boundary = at
    return next_content(lines, boundary, share)


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The answers' votes lines and the comments, on a page that shows a question's
    signature and at least one answer's."""
    return [item.position for item in _items(lines)]


def is_chrome(line: Line) -> bool:
    return bool(CHROME.match(line.text) or END.match(line.text))


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    for at in range(starts[-1] + 1, len(lines)):
        if END.match(lines[at].text):
            return at
    return None


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """Every answer's and comment's header, the page read once."""
    items = {item.position: item for item in _items(lines)}
    ends = [*starts[1:], len(lines)]
    return [_header(lines, items.get(at), at, end) for at, end in zip(starts, ends, strict=True)]


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    item = next((i for i in _items(lines) if i.position == position), None)
    return _header(lines, item, position, end)


def _header(lines: Sequence[Line], item: Item | None, position: int, end: int) -> Header:
    if item is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    if item.answer is not None:
        signature = item.answer
        signed = SIGNED.match(lines[signature.signed].text)
        score = SCORE.match(lines[position].text)
        chrome = content_indices(lines[signature.share : signature.last + 1])
        return Header(
            author=lines[signature.author].text if signature.author is not None else "",
            n_lines=1 if score else 0,
            nesting=0,
            score=_count(lines[position].text) if score else None,
            edited=signature.edited,
            published=signed.group("when") if signed else None,
            chrome_lines=frozenset(chrome),
        )
    comment = COMMENT.match(lines[item.comment or position].text)
    assert comment is not None
    votes = item.comment != position
    return Header(
        author=comment.group("name").strip(),
        n_lines=1 if votes else 0,
        nesting=item.depth,
        score=_count(lines[position].text) if votes else None,
        published=comment.group("when"),
    )


def _count(text: str) -> int:
    return int(text.replace("−", "-"))


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The question: its title (the line over 'Ask Question', else over the 'Asked'
    line), its author and date from its signature; the page top, its votes, tags,
    buttons and the author's reputation are chrome."""
    signatures = _signatures(lines)
    if not signatures:
        return None
    signature = signatures[0]
    signed = SIGNED.match(lines[signature.signed].text)
    title_line: Line | None = None
    body_start = 0
    for at, line in enumerate(lines[: signature.share]):
        if line.text.casefold() == "ask question" or line.text.casefold().startswith("asked "):
            above = _previous(lines, at)
            if title_line is None and above is not None and not CHROME.match(lines[above].text):
                title_line = lines[above]
            body_start = at + 1
    while body_start < signature.share and (
        lines[body_start].is_blank or CHROME.match(lines[body_start].text)
    ):
        body_start += 1
    head_chrome = content_indices(lines[:body_start])
    if body_start < signature.share and SCORE.match(lines[body_start].text):
        head_chrome.add(lines[body_start].index)
    tags = _previous(lines, signature.share)
    if tags is not None and tags > body_start and TAGS.match(lines[tags].text):
        head_chrome.add(lines[tags].index)
    meta = {lines[signature.signed].index}
    if signature.author is not None:
        meta.add(lines[signature.author].index)
    chrome = head_chrome | content_indices(lines[signature.share : signature.last + 1])
    chrome |= content_indices(lines[signature.last + 1 :])
    return post_head(
        title=title_line.text if title_line else None,
        title_lines={title_line.index} if title_line else set(),
        author=lines[signature.author].text if signature.author is not None else None,
        published=signed.group("when") if signed else None,
        meta_lines=meta,
        chrome_lines=chrome - meta,
    )
