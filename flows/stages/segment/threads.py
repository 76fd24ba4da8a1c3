"""Threads: an opening post, then comments, read through a pluggable header grammar.

A :class:`CommentGrammar` knows one front-end's comment headers: where a comment starts
(``find_starts``) and what its header lines say (``parse_header``: author, votes, age,
edit marker, nesting level, and how many lines the header takes). Everything else is
shared here: the reply tree, ids, paths, blocks and the boilerplate inside bodies.

Nesting: a stack of open comments by ``Header.nesting`` (an indentation width, or a depth
the front-end prints); a comment nested deeper than the top of the stack replies to it,
otherwise entries are popped until one is shallower. Only relative nesting matters. A
header that names the comment replied to, by its author (``reply_to``) or by its number on
the page (``reply_to_number``, matched against earlier headers' ``number``), overrides the
stack: the parent is that comment. Where the page prints no nesting, the count of replies
closing a comment ('2 replies') says the next that many comments are under it
(:data:`REPLIES_SHOWN`).

Where the page shows no nesting at all (every comment at one level) and the header names
no parent, a note beside the header's stamp may ('… · in reply to Name'), or the body's
first line may: an address ('@name …'), a reply note on a line of its
own ('в ответ Name', 'Ответ на комментарий Name', 'In reply to name'), a numbered reply
('Reply 3# name'). The parent is then the latest earlier comment by that name; a
name no earlier comment bears leaves the comment at the top level. A reply note's line is
furniture (the parent it names is kept as the parent).

Votes: where the grammar reads no up and down counts, a pair the page shows beside up
and down marks (:func:`..votes.find_up_down`: '(+7|-2)', '▲ 3 ▼ 1', '👍 3 👎 1', 'Vote Up 4
Vote Down 1') on a header line, or on a short line of its own among the lines closing the
body (then furniture), gives them; the score is the sum shown beside the pair, else the
grammar's score, else up minus down.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from flows.stages.rows import BlockRow, CommentRow
from flows.stages.segment.blocks import build_units, classify_units, mark_quotes
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import BlockRules, blocks_as_rows, format_ordinal
from flows.stages.segment.votes import ICONLESS_COUNTS, UpDown, find_up_down, labelled_count


@dataclass(frozen=True, slots=True)
class Header:
    """What one comment's header says, and how many lines it takes (from its start);
    `author` is None where the page shows the comment without a name."""

    author: str | None
    n_lines: int
    nesting: int
    instance: str | None = None
    is_op: bool = False
    upvotes: int | None = None
    downvotes: int | None = None
    score: int | None = None
    edited: bool = False
    edit_count: int | None = None
    age: str | None = None
    published: str | None = None
    reply_to: str | None = None
    """The author replied to, as the page names them: the comment's parent is then the
    latest earlier comment by that author (its nesting is not needed)."""
    handle: str | None = None
    """The author's handle where the page shows it beside a display name ('kira@host'
    under 'Kira'): replies may name the author by it ('@kira')."""
    number: str | None = None
    """The comment's own number as the page shows it ('No.194550301', '#12'), where
    other comments link to it by that number."""
    reply_to_number: str | None = None
    """The number of the comment replied to, as a reply link shows it ('>>194550301'):
    the comment's parent is then the earlier comment with that number."""
    chrome_lines: frozenset[int] = frozenset()
    """Lines of this comment's region that are furniture (signature, profile block)."""
    quote_lines: frozenset[int] = frozenset()
    """Body lines that quote someone else (a block made only of them is a quote)."""


STRONG_NAME = r"(\*\*|__)(?P<name>[^*_\s](?:[^*]{0,60}?[^*_\s])?)\1"
"""A name in Markdown's bold ('**u/name**', '__Anna Lind__'), as an export of a page
prints its comment headers: the name is what stands inside."""
_STRONG_NAME = re.compile(STRONG_NAME)


def plain_name(name: str | None) -> str | None:
    """The author's name without the Markdown bold that wraps it whole."""
    strong = _STRONG_NAME.fullmatch(name) if name else None
    return strong.group("name") if strong is not None else name


class CommentGrammar(Protocol):
    """One front-end's comment-header grammar (a module of :mod:`..grammars`)."""

    NAME: str

    def find_starts(self, lines: Sequence[Line]) -> list[int]:
        """Positions in `lines` where a comment header begins, in order."""
        ...

    def parse_header(self, lines: Sequence[Line], position: int, end: int) -> Header:
        """The header of the comment starting at `position` (its body ends before `end`)."""
        ...


class PageNesting(Protocol):
    """Optional in a grammar module: ``nestings(lines, starts)``, the nesting of every
    comment at once, for front-ends where one comment's depth follows from its neighbours
    (links such as "parent", "prev", "next"); it overrides ``Header.nesting``."""

    def nestings(self, lines: Sequence[Line], starts: Sequence[int]) -> list[int]: ...


class PageHeaders(Protocol):
    """Optional in a grammar module: ``parse_headers(lines, starts)``, every comment's
    header at once, for grammars that read their comments' frames page-wide; it replaces
    ``parse_header``."""

    def parse_headers(self, lines: Sequence[Line], starts: Sequence[int]) -> list[Header]: ...


class PageChrome(Protocol):
    """Optional in a grammar module: ``is_chrome(line)``, lines of the front-end's page
    furniture (buttons, sidebars, footers) wherever they appear; dropped as
    "thread_chrome". Optional too: ``parse_post(lines)`` -> :class:`PostHead` for the
    lines above the first comment (title, author, date, which lines are metadata)."""

    def is_chrome(self, line: Line) -> bool: ...


def read_headers(
    grammar: CommentGrammar, lines: Sequence[Line], starts: Sequence[int]
) -> list[Header]:
    """Every comment's header as `grammar` reads it: page-wide (``parse_headers``) where the
    grammar offers that, else one by one, each comment ending where the next one starts."""
    parse_headers = getattr(grammar, "parse_headers", None)
    if parse_headers is not None:
        headers: list[Header] = parse_headers(lines, starts)
        return headers
    ends = [*starts[1:], len(lines)]
    return [grammar.parse_header(lines, at, end) for at, end in zip(starts, ends, strict=True)]


def build_comments(
    *,
    doc_id: str,
    post_id: str,
    lines: Sequence[Line],
    starts: Sequence[int],
    grammar: CommentGrammar,
    rules: BlockRules,
    view: Sequence[Line] | None = None,
    furniture: frozenset[int] = frozenset(),
    links: Sequence[tuple[frozenset[str], str | None]] | None = None,
    poster: frozenset[str] = frozenset(),
) -> tuple[list[CommentRow], list[BlockRow], dict[int, str]]:
    """Comment rows, their block rows (reading order) and the boilerplate in their bodies.

    `view`: the lines as the grammar reads them, position for position (a text
    browser's dump without its link markers); the records keep `lines`. `furniture`:
    indices of lines dropped from bodies as "thread_chrome" whatever the grammar says.
    `links`: per comment, the ids its header's links name and the id its link to its
    parent names (a dump's references list resolves them); a parent found so overrides
    the nesting. `poster`: the names the opening post's author goes by; a fediverse reply
    that addresses that author alone answers the post (:func:`_answers_post`)."""
    seen = view if view is not None else lines
    dropped: dict[int, str] = {}
    comments: list[CommentRow] = []
    blocks: list[BlockRow] = []
    stack: list[tuple[int, CommentRow]] = []
    children: dict[str | None, int] = {}
    entries: dict[str, tuple[int, CommentRow]] = {}
    numbered: dict[str, CommentRow] = {}
    handles: dict[str, str] = {}
    linked_ids: dict[str, CommentRow] = {}
    is_chrome = getattr(grammar, "is_chrome", None)
    nestings = getattr(grammar, "nestings", None)
    levels: list[int] | None = nestings(seen, starts) if nestings is not None else None
    ends = [*starts[1:], len(lines)]
    headers = read_headers(grammar, seen, starts)
    flat = len(set(levels if levels is not None else (h.nesting for h in headers))) <= 1
    if flat and levels is None:
        levels = _counted_levels(seen, starts, headers)  # addresses may still name a parent
    for ordinal, position in enumerate(starts):
        end_position = ends[ordinal]
        header = headers[ordinal]
        nesting = levels[ordinal] if levels is not None else header.nesting
        header_lines = lines[position : position + header.n_lines]
        body_region = lines[position + header.n_lines : end_position]
        seen_body = seen[position + header.n_lines : end_position]
        body_dropped = find_boilerplate(seen_body)
        body_dropped.update(
            (line.index, "thread_chrome")
            for line in body_region
            if (line.index in header.chrome_lines or line.index in furniture) and not line.is_blank
        )
        if is_chrome is not None:
            body_dropped.update(
                (line.index, "thread_chrome")
                for line in seen_body
                if not line.is_blank and line.index not in body_dropped and is_chrome(line)
            )
        stamped_edit = False
        for line in body_region:
            if (
                line.index not in body_dropped
                and line.text[:1] in EDIT_STAMP_OPENERS
                and EDIT_STAMP.match(line.text)
                and find_date(line.text) is not None
            ):
                body_dropped[line.index] = "thread_chrome"
                stamped_edit = True
            elif line.index not in body_dropped and _glued_edit(line.text):
                stamped_edit = True
        score, upvotes, downvotes = header.score, header.upvotes, header.downvotes
        if upvotes is None and downvotes is None:
            paired = _up_down(header_lines, body_region, body_dropped)
            if paired is not None:
                pair, at = paired
                upvotes, downvotes = pair.upvotes, pair.downvotes
                if pair.shown_sum is not None or score is None:
                    score = pair.score
                if at is not None:
                    body_dropped.setdefault(at, "thread_chrome")
        if score is None and upvotes is None and downvotes is None:
            counted = _labelled_score(header_lines[1:], body_region, body_dropped)
            if counted is not None:
                score, at = counted
                body_dropped.setdefault(at, "thread_chrome")
        for line in _closing_lines(body_region, body_dropped):
            if line.index not in body_dropped and ICONLESS_COUNTS.match(line.text):
                body_dropped[line.index] = "thread_chrome"
        addressed = None
        named = header.reply_to or header.reply_to_number
        if not named:
            addressed = _addressed([line for line in body_region if line.index not in body_dropped])
            if addressed is not None and addressed[1] is not None:
                body_dropped[addressed[1]] = "thread_chrome"  # a reply note is furniture
            if not flat:
                addressed = None  # where the page nests its comments, the nesting says
        reply_to = header.reply_to or (None if named or not flat else _header_note(header_lines))
        dropped.update(body_dropped)
        body_lines = [line for line in body_region if line.index not in body_dropped]
        while stack and stack[-1][0] >= nesting:
            stack.pop()
        answered = reply_to or (addressed[0] if addressed is not None else None)
        if answered and _answers_post(answered, header, body_lines, poster, comments, handles):
            reply_to = addressed = None
            stack = []
        chained = _chain_to(reply_to, comments, entries, handles) if reply_to else None
        if chained is None and addressed is not None:
            chained = _chain_to(addressed[0], comments, entries, handles)
        stack = chained or stack
        linked = numbered.get(header.reply_to_number) if header.reply_to_number else None
        if linked is not None:
            stack = _chain(linked, entries)
        parent_link = links[ordinal][1] if links is not None else None
        if parent_link is not None and (target := linked_ids.get(parent_link)) is not None:
            stack = _chain(target, entries)
        parent = stack[-1][1] if stack else None
        number = format_ordinal(ordinal, len(starts))
        comment_id = f"{post_id}.c{number}"
        parent_id = parent["comment_id"] if parent else None
        sibling_rank = children.get(parent_id, 0)
        children[parent_id] = sibling_rank + 1
        path = f"{parent['path']}/{number}" if parent else number
        units = build_units(body_lines, quote_lines=header.quote_lines)
        drafts = classify_units(
            units,
            max_heading_chars=rules.max_heading_chars,
            max_verse_line_chars=rules.max_verse_line_chars,
            min_verse_lines=rules.min_verse_lines,
            min_interview_questions=rules.min_interview_questions,
            allow_headings=False,  # a comment's short first line is a remark, not a heading
        )
        drafts = mark_quotes(drafts, body_lines, header.quote_lines)
        kept = [line for line in [*header_lines, *body_lines] if not line.is_blank]
        published = find_date(header.published) if header.published else None
        comment: CommentRow = {
            "doc_id": doc_id,
            "comment_id": comment_id,
            "post_id": post_id,
            "parent_id": parent_id,
            "root_id": stack[0][1]["comment_id"] if stack else comment_id,
            "path": path,
            "ordinal": ordinal,
            "depth": len(stack),
            "sibling_rank": sibling_rank,
            "author": plain_name(header.author),
            "instance": header.instance,
            "upvotes": upvotes,
            "downvotes": downvotes,
            "score": score,
            "is_op": header.is_op,
            "edited": header.edited
            or stamped_edit
            or any(EDIT_NOTE.match(line.text) for line in body_lines),
            "edit_count": header.edit_count,
            "age": header.age,
            "published": published[0] if published else header.published,
            "published_date": published[1] if published else None,
            "body": "\n\n".join(draft.text for draft in drafts),
            "start": kept[0].content_start,
            "end": kept[-1].content_end,
        }
        comments.append(comment)
        blocks += blocks_as_rows(doc_id, comment_id, "comment", drafts)
        stack.append((nesting, comment))
        entries[comment_id] = (nesting, comment)
        if header.number:
            numbered[header.number] = comment
        if header.handle:
            handles[comment_id] = header.handle
        if links is not None:
            linked_ids.update((token, comment) for token in links[ordinal][0])
    return comments, blocks, dropped


def _glued_edit(text: str) -> bool:
    """Whether a dated edit stamp closes the line after a sentence (:data:`GLUED_EDIT_STAMP`)."""
    found = GLUED_EDIT_STAMP.search(text)
    return found is not None and find_date(found.group("stamp")) is not None


MAX_TRAILER_LINES = 6
"""How many non-blank lines at a comment's end, besides those already dropped, may be its
furniture (actions, counts)."""
MAX_TRAILER_CHARS = 40
SUBJECT = re.compile(r"^(?:re|aw|sv|ha)\s*(?:\[\d+\])?\s*:\s", re.IGNORECASE)
"""The next post's subject line ('Re: <topic>') closing a region: not this comment's text."""


def _labelled_score(
    header: Sequence[Line], body: Sequence[Line], dropped: dict[int, str]
) -> tuple[int, int] | None:
    """(score, line index) of a count beside a vote label ('4 Kudos', 'Like (4)') among a
    comment's header lines under its name, else among the short lines that close its
    body; None when neither shows one. The trailer ends at the first line of text (the
    next post's 'Re: <topic>' line is none)."""
    for line in header:
        if (count := labelled_count(line.text)) is not None:
            return count, line.index
    for line in _closing_lines(body, dropped):
        if (count := labelled_count(line.text)) is not None:
            return count, line.index
    return None


def _closing_lines(body: Sequence[Line], dropped: dict[int, str]) -> Iterator[Line]:
    """The non-blank lines that may close a comment's body with its furniture, last
    first: at most :data:`MAX_TRAILER_LINES` besides those the grammar already dropped
    (which do not count), up to and with the first line of text (longer than
    :data:`MAX_TRAILER_CHARS`; the next post's 'Re: <topic>' line is none)."""
    seen = 0
    for line in reversed(body):
        if line.is_blank:
            continue
        yield line
        seen += line.index not in dropped
        if seen >= MAX_TRAILER_LINES or (
            line.index not in dropped
            and len(line.text) > MAX_TRAILER_CHARS
            and not SUBJECT.match(line.text)
        ):
            return


MAX_VOTES_REST_WORDS = 3
"""Words a trailer line may carry besides its pair of counts (the buttons beside them:
'Reply', 'Click to rate'); more is a sentence that mentions counts."""


def _up_down(
    header: Sequence[Line], body: Sequence[Line], dropped: dict[int, str]
) -> tuple[UpDown, int | None] | None:
    """A comment's up and down counts (:func:`find_up_down`): on a header line (no line to
    drop: the header is not body), else on a short line of its own among the lines that
    close its body, with that line's index (furniture)."""
    for line in header:
        if (found := find_up_down(line.text)) is not None:
            return found, None
    for line in _closing_lines(body, dropped):
        if len(line.text) <= 2 * MAX_TRAILER_CHARS and (found := find_up_down(line.text)):
            rest = f"{line.text[: found.start]} {line.text[found.end :]}"
            if len(rest.split()) <= MAX_VOTES_REST_WORDS and not ends_sentence(rest.strip()):
                return found, line.index
    return None


_EDIT_STAMP = (
    r"(?:Last\s+edit(?:ed)?(?:\s*:|\s+(?:by|at|on)\s)"
    r"|Edited\s+(?:[^\d\n]{0,12}\d[\d\s,./:-]*(?:[AP]M\s+)?)?by\s"
    r"|Последн(?:ий|ее) (?:раз )?(?:редактировалось|редактирование|изменени[ея])\b"
    r"|Сообщение отредактировал(?:а|\(а\))?\s).{4,160}$"
)
EDIT_STAMP = re.compile(rf"^«?\s*{_EDIT_STAMP}", re.IGNORECASE)
"""The front-end's stamp of a post's last edit, with a date ('Last Edit: Sept 12, 2022 at
11:20am by name', '« Last Edit: March 3, 2022, 10:20:11 AM by name »', 'Last edited by
name; 03-12-2022', 'Edited by name (06/27/20 08:19 AM)', 'Edited July 26, 2020 by name',
'« Последнее редактирование: <date> от name »', 'Сообщение отредактировал name -
<date>'): the comment was edited; the line is furniture."""
EDIT_STAMP_OPENERS = "«LlEeПпСс"
"""The first characters of an :data:`EDIT_STAMP` line (a cheap test before the pattern)."""
GLUED_EDIT_STAMP = re.compile(rf"(?<=[.!?…])\s+(?P<stamp>{_EDIT_STAMP})", re.IGNORECASE)
"""An :data:`EDIT_STAMP` glued after the last sentence of a post (a scraper or an unwrap
joined its line to the text above): the comment was edited; the line is kept, as text."""
EDIT_NOTE = re.compile(r"^(?:edit|edited|update|upd)\s*\d{0,2}\s*[:：]\s*\S", re.IGNORECASE)
"""A note its author added to a comment ('Edit: corrected the year', 'UPDATE 2: …'): the
comment was edited, where the front-end shows no mark of its own."""


REPLY_LEAD = r"in reply to|in response to|replying to|antwort an|en réponse à|en respuesta a|↪"
"""The words before the name of the comment replied to, in a note of the page's
('in reply to Name', 'Antwort an Name', 'En réponse à Name', '↪ Name')."""
REPLY_NOTE = re.compile(
    rf"^\(?(?:в ответ(?: на)?|ответ на(?: комментарий| сообщение| пост)?|{REPLY_LEAD})"
    r"\s+@?(?P<name>[^\s,:;()]\S*?(?:\s[^\s,:;()]\S*?){0,2}?)[:,]?\)?$",
    re.IGNORECASE,
)
"""A line of its own naming the comment replied to (Telegram's 'в ответ Name', news
sites' 'Ответ на комментарий Name', community forums' '(in response to Name)')."""
ADDRESS = re.compile(
    r"^@(?P<name>[\w][\w.\-]{0,39}(?:@[\w\-]+(?:\.[\w\-]+)+)?)(?=[\s,:]|$)"
    r"|^(?:Reply|Ответ)\s+\d{1,5}#\s+(?P<numbered>[\w][\w.\-]{0,39})$",
    re.IGNORECASE,
)
"""A body's first line naming the comment replied to: an address ('@name, …'), a
numbered reply ('Reply 3# name'). A quote's attribution ('name wrote:') is not one: a
forum post quotes whom it discusses, and it still answers the topic."""


HEADER_NOTE = re.compile(
    rf"(?:(?:^|\s)\(?(?:{REPLY_LEAD}|в ответ(?: на)?)|^reply to)\s+@?"
    r"(?P<name>[^\s,:;()]\S{0,39}?(?:\s[^\s,:;()]\S{0,39}?){0,2}?)[:,]?\)?$",
    re.IGNORECASE,
)
"""A header line that ends naming the comment replied to ('Mar 18 · in reply to Petr
Lunin', '14 мар · в ответ Анне Ким'), or that only names it ('Reply to Name' between a
name and its stamp): the front-end prints the parent in the header;
a name no earlier comment bears leaves the stack as it is."""


SUBJECT_NOTE = re.compile(
    r"\s\[(?:re|ответ)\s*:\s*@?(?P<name>[^\]\s][^\]]{0,39})\]$", re.IGNORECASE
)
"""A reply's subject that ends naming the post replied to ('Re: <subject> [Re: Irina_V]',
UBB.threads and boards like it)."""


REPLIES_SHOWN = re.compile(
    r"^(?:(?:show|view|hide|see)\s+(?:all\s+)?)?"
    r"(?:(?P<one>1)\s+(?:reply|child|ответ)"
    r"|(?P<count>\d{1,4})\s+(?:replies|children|ответ(?:а|ов)))"
    r"(?:\s+by\s+\S.{0,80})?$"
    r"|^\(\s*(?:(?P<one_>1)\s+(?:reply|child)|(?P<count_>\d{1,4})\s+(?:replies|children))\s*\)$",
    re.IGNORECASE,
)
"""A line of its own counting the replies shown under a comment ('2 replies', '1 reply by
Name', 'View 3 replies', '(4 children)'), the last of its region, just above them: the
next that many comments on the page are its replies and theirs. A count of replies still
hidden ('Show 4 more replies') is none, and so is one among the comment's buttons (a
toggle that opens its replies elsewhere: '1 Reply', then a like count, then 'Reply')."""


def _counted_levels(
    lines: Sequence[Line], starts: Sequence[int], headers: Sequence[Header]
) -> list[int] | None:
    """Depths from the reply counts under comments (:data:`REPLIES_SHOWN`), for a page that
    prints no nesting: a stack of open comments with their replies still to come. None
    where no comment shows a count, where a count runs past the comments left (its
    replies are not all on the page, so the page does not say which are), or where
    headers name the comments replied to (such a page lists its comments by time, so a
    reply need not follow the comment it answers)."""
    if any(header.reply_to or header.reply_to_number for header in headers):
        return None  # a page naming its comments' parents lists them by time, not by thread
    counts = []
    for ordinal, (position, header) in enumerate(zip(starts, headers, strict=True)):
        end = starts[ordinal + 1] if ordinal + 1 < len(starts) else len(lines)
        region = [line for line in lines[position + header.n_lines : end] if not line.is_blank]
        found = REPLIES_SHOWN.match(region[-1].text) if region else None
        count = 0
        if found is not None:
            count = int(next(group for group in found.groups() if group is not None))
        if count > len(starts) - ordinal - 1:
            return None
        counts.append(count)
    if not any(counts):
        return None
    levels: list[int] = []
    stack: list[int] = []
    for count in counts:
        while stack and stack[-1] == 0:
            stack.pop()
        levels.append(len(stack))
        stack = [left - 1 for left in stack]
        stack.append(count)
    return levels


def _header_note(header_lines: Sequence[Line]) -> str | None:
    """The author a comment's header says it replies to, None when it says none."""
    for line in header_lines:
        text = line.text
        if " " in text and (match := HEADER_NOTE.search(text)) is not None:
            return match.group("name")
        if (match := SUBJECT_NOTE.search(text.rstrip())) is not None:
            return match.group("name").strip()
    return None


def _addressed(body: Sequence[Line]) -> tuple[str, int | None] | None:
    """The name a comment's first body line replies to, with the line's index when the
    line is only a reply note (furniture), else None."""
    first = next((line for line in body if not line.is_blank), None)
    if first is None:
        return None
    note = REPLY_NOTE.match(first.text)
    if note is not None:
        return note.group("name"), first.index
    address = ADDRESS.match(first.text)
    if address is None:
        return None
    return address.group("name") or address.group("numbered"), None


def _chain_to(
    author: str,
    comments: Sequence[CommentRow],
    entries: dict[str, tuple[int, CommentRow]],
    handles: dict[str, str],
) -> list[tuple[int, CommentRow]] | None:
    """The stack that makes the latest comment by `author` the parent: its ancestors, root
    first, then itself; None when no earlier comment is by that author. `author` may be
    the name a comment shows or its handle (`handles`, by comment id), an instance's
    host after it or not ('@kira' names 'kira@host')."""
    wanted = author.casefold().lstrip("@")
    target = next(
        (
            c
            for c in reversed(comments)
            if (c["author"] and c["author"].casefold().lstrip("@") == wanted)
            or _same_handle(wanted, handles.get(c["comment_id"]))
        ),
        None,
    )
    if target is None:
        return None
    return _chain(target, entries)


MENTION = re.compile(r"@[\w][\w.\-]{0,39}(?:@[\w\-]+(?:\.[\w\-]+)+)?")


def _answers_post(
    name: str,
    header: Header,
    body: Sequence[Line],
    poster: frozenset[str],
    comments: Sequence[CommentRow],
    handles: dict[str, str],
) -> bool:
    """Whether a reply addressed to `name` answers the opening post: on a fediverse page
    (the header shows the author's handle, or an address is a full '@name@host') a reply
    to a comment mentions that comment's author and everyone it mentioned, so a body that
    mentions the post's author alone answers the post, not the author's later comments."""
    wanted = name.casefold().lstrip("@")
    first = next((line.text for line in body if not line.is_blank), "")
    hosted = "@" in first.split(" ", 1)[0][1:]  # '@name@host …': a fediverse address
    if not poster or not (header.handle or "@" in wanted or hosted):
        return False
    if _leading_mentions(first) > 1:
        return False
    names = {shown.casefold().lstrip("@") for shown in poster}
    names |= {
        handles[c["comment_id"]].casefold().lstrip("@")
        for c in comments
        if c["author"] in poster and c["comment_id"] in handles
    }
    return any(shown == wanted or _same_handle(wanted, shown) for shown in names)


def _leading_mentions(text: str) -> int:
    """How many '@' mentions open `text` ('@kira @lev thanks' -> 2)."""
    count = 0
    for token in text.split():
        if not MENTION.fullmatch(token.rstrip(",:")):
            break
        count += 1
    return count


def _same_handle(wanted: str, handle: str | None) -> bool:
    """Whether a name a reply gives (lower-cased, no '@' before it) is `handle`: the
    same, or its part before the instance's host where the reply names no host."""
    if handle is None:
        return False
    shown = handle.casefold().lstrip("@")
    return shown == wanted or ("@" not in wanted and shown.partition("@")[0] == wanted)


def _chain(
    target: CommentRow, entries: dict[str, tuple[int, CommentRow]]
) -> list[tuple[int, CommentRow]]:
    """The stack that makes `target` the parent: its ancestors, root first, then itself."""
    chain = []
    current: CommentRow | None = target
    while current is not None:
        chain.append(entries[current["comment_id"]])
        parent_id = current["parent_id"]
        current = entries[parent_id][1] if parent_id else None
    return chain[::-1]
