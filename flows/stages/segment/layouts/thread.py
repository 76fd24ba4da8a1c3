"""Forum threads: the opening post, then the comment tree, read through whichever header
grammar (:mod:`..grammars`) finds the most comment headers.

The grammar's head of the opening post is weighed by the scored candidates of
:mod:`..candidates` (:func:`scored_head`): a topic line under a sidebar or a breadcrumb is
found when the grammar reads none, and the poster's header gives the author. Where the
replies' subjects echo one topic ('Re: <topic>'), that topic is the title
(:func:`echoed_title`). A thread post's author is the OP comment's author as shown
("user@instance") when the opening post names none.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.boilerplate import find_boilerplate, is_page_chrome
from flows.stages.segment.candidates import (
    MAX_HEADLINE_WORDS,
    MAX_LABEL_WORDS,
    MIN_HEADLINE_WORDS,
    SENTENCE_INSIDE,
    best_untitled,
    crumb_roots,
    disqualified,
    is_tag_row,
    last_crumb,
    name_beside_date,
    poster_name,
    title_features,
    untagged,
)
from flows.stages.segment.grammars import GRAMMARS
from flows.stages.segment.grammars._common import (
    COMMENT_SECTION,
    counted_title,
    is_title_like,
)
from flows.stages.segment.grammars._dump import (
    dump_view,
    header_links,
    is_link_residue,
    is_link_row,
    reference_targets,
    references_start,
)
from flows.stages.segment.grammars.stamped_header import HANDLE, status_head
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import Line, ends_sentence, word_count
from flows.stages.segment.meta import (
    AGE,
    find_byline,
    find_date,
    handle_byline,
    is_breadcrumb,
    is_dateline,
)
from flows.stages.segment.post import PostDraft, PostHead, build_post, post_row
from flows.stages.segment.threads import CommentGrammar, build_comments, read_headers
from flows.stages.segment.webpage import COMMENTS_ON, find_content, is_prose

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig


class ThreadEnd(Protocol):
    """Optional in a grammar module: ``find_end(lines, starts)``, the position where the
    comment list ends and the page's furniture begins (a sidebar or footer printed after
    the comments), or None; every line from there on is dropped as "thread_chrome"."""

    def find_end(self, lines: Sequence[Line], starts: Sequence[int]) -> int | None: ...


def best_grammar(lines: Sequence[Line]) -> tuple[CommentGrammar, list[int]] | None:
    """The grammar that finds the most comment starts, with them (None: no grammar finds
    any). A generic grammar (``GENERIC = True`` in its module: a shape many front-ends
    share) is tried after the others and wins only with more starts than each of them; a
    fallback one (``FALLBACK = True`` too: the loosest shape) is tried after those, and a
    yielding one (``YIELDS = True``: the shape of front-ends no grammar was written for)
    last of all, so that it wins no tie, and only where no grammar written for a
    front-end (no ``GENERIC``) finds any; a last
    resort (``LAST_RESORT = True``: comments read from their repeated frames, or from a
    header shape too common to trust alone) is asked only when no other grammar finds any,
    the one that reads the most posts winning (:func:`_posts_read`); a generic one
    (repeated frames) only where no last resort reading the slots of a post header finds
    any (:data:`LAST_RESORTS`); or over a generic grammar's reading where it finds every
    comment that one finds and more (:func:`_fuller`)."""
    best: tuple[CommentGrammar, list[int]] | None = None
    ordered = sorted(
        (grammar for grammar in GRAMMARS.values() if not getattr(grammar, "LAST_RESORT", False)),
        key=lambda grammar: (
            getattr(grammar, "GENERIC", False),
            getattr(grammar, "YIELDS", False),
            getattr(grammar, "FALLBACK", False),
        ),
    )
    for grammar in ordered:
        written = best is not None and not getattr(best[0], "GENERIC", False)
        if written and getattr(grammar, "YIELDS", False):
            continue
        starts = grammar.find_starts(lines)
        if starts and (best is None or len(starts) > len(best[1])):
            best = grammar, starts
    if best is not None and not getattr(best[0], "GENERIC", False):
        return best
    if best is not None:
        return _fuller(best, lines)
    most = 0
    for grammar in LAST_RESORTS:
        if best is not None and getattr(grammar, "GENERIC", False):
            break
        starts = grammar.find_starts(lines)
        posts = _posts_read(grammar, lines, starts)
        if starts and (best is None or posts > most):
            best, most = (grammar, starts), posts
    return best


def _posts_read(grammar: CommentGrammar, lines: Sequence[Line], starts: Sequence[int]) -> int:
    """The posts a last resort reads: its comments, and the opening post where it reads
    one from a header of the same shape above them (``opens_topic(lines)`` in its module),
    so that a reading that takes the first header as the opening post is weighed fairly
    against one that counts it among the comments."""
    opens = getattr(grammar, "opens_topic", None)
    return len(starts) + int(bool(starts) and opens is not None and opens(lines))


def _fuller(
    best: tuple[CommentGrammar, list[int]], lines: Sequence[Line]
) -> tuple[CommentGrammar, list[int]]:
    """A generic grammar's reading, or a last resort's that reads a header shape (not
    repeated frames: no ``GENERIC``) and finds every comment it finds and more (the same
    headers, the ones the looser shape missed among them)."""
    found = set(best[1])
    for grammar in LAST_RESORTS:
        if getattr(grammar, "GENERIC", False):
            continue
        starts = grammar.find_starts(lines)
        if len(starts) > len(best[1]) and found <= set(starts):
            best = grammar, starts
            found = set(starts)
    return best


LAST_RESORTS = tuple(
    sorted(
        (g for g in GRAMMARS.values() if getattr(g, "LAST_RESORT", False)),
        key=lambda grammar: getattr(grammar, "GENERIC", False),
    )
)
"""The last resorts in the order they are asked: a generic one (repeated frames) after
the readers of a post header's slots, and only where none of them finds a comment: a
frame can be any line every post repeats, a header's slots name the poster."""
FRAMES_SCORE = 0.65
"""The score of a thread read by a last-resort grammar: above the article fallback, below
every layout that finds its own features (a digest's dated entries, a listing's teasers)."""


@dataclasses.dataclass(frozen=True, slots=True)
class Reading:
    """What detection read: the grammar, its comment starts, and the view of the lines
    its grammar read (a text browser's dump without its link markers, else None)."""

    grammar: CommentGrammar
    starts: list[int]
    view: list[Line] | None


def read_thread(lines: Sequence[Line]) -> Reading | None:
    """The best grammar's reading of the lines (:func:`best_grammar`), a dump's read
    through its view (:func:`..grammars._dump.dump_view`)."""
    view = dump_view(lines)
    found = best_grammar(view if view is not None else lines)
    return Reading(found[0], found[1], view) if found is not None else None


def chrome_authors(reading: Reading, lines: Sequence[Line]) -> int:
    """How many of the reading's comment headers name a line of page chrome as their author
    ('Copy link', 'Share'): an action row under an embedded post read as the next
    comment's name, not a commenter."""
    seen = reading.view if reading.view is not None else lines
    headers = read_headers(reading.grammar, seen, reading.starts)
    return sum(1 for header in headers if header.author and is_page_chrome(header.author))


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    """The thread read by the best grammar (:func:`read_thread`); None when there is none,
    or when most of its headers name page chrome (:func:`chrome_authors`): the grammar has
    read the action rows of posts embedded in an article as headers."""
    reading = read_thread(lines)
    if reading is None:
        return None
    if chrome_authors(reading, lines) * 2 > len(reading.starts):
        return None
    found = (reading.grammar, reading.starts)
    counters = sum(1 for line in lines if line.text.casefold() in {"arrow-up", "arrow-down"})
    if getattr(found[0], "LAST_RESORT", False):
        kind = getattr(found[0], "EVIDENCE", "comments in repeated frames")
        evidence = f"{len(found[1])} {kind}"
        return Detection("thread", FRAMES_SCORE, evidence, parsed=reading)
    evidence = f"{len(found[1])} comment headers ({found[0].NAME}), {counters} vote counters"
    return Detection("thread", 1.0, evidence, parsed=reading)


def segment(
    result: Segmented,
    doc_id: str,
    lines: Sequence[Line],
    config: SegmentConfig,
    parsed: object = None,
) -> None:
    reading = parsed if isinstance(parsed, Reading) else read_thread(lines)
    grammar = reading.grammar if reading else None
    starts = reading.starts if reading else []
    view = reading.view if reading else None
    references = references_start(lines) if view is not None else None
    targets = reference_targets(lines) if references is not None else {}
    if references is not None and (not starts or references > starts[-1]):
        add_dropped(
            result,
            doc_id,
            lines[references:],
            {line.index: "link_references" for line in lines[references:] if not line.is_blank},
        )
        lines = lines[:references]
    links = _link_furniture(lines) if view is not None else frozenset()
    seen = view[: len(lines)] if view is not None else lines
    opening = _opening_header(grammar, seen, starts) if grammar is not None else None
    if opening is not None:
        starts = starts[1:]
    region = lines[: starts[0]] if starts else lines
    seen_region = [
        Line(line.index, line.start, "") if line.index in links else line
        for line in seen[: len(region)]
    ]
    dropped = find_boilerplate(seen_region)
    dropped.update((index, "thread_chrome") for index in links if index < len(region))
    dropped.update((index, "page_chrome") for index in capture_toolbar(seen_region))
    is_chrome = getattr(grammar, "is_chrome", None)
    if is_chrome is not None:
        for line in seen_region:
            if not line.is_blank and line.index not in dropped and is_chrome(line):
                dropped[line.index] = "thread_chrome"
    parse_post = getattr(grammar, "parse_post", None)
    page_post = getattr(grammar, "page_post", None)
    head: PostHead | None = parse_post(seen_region) if parse_post is not None else None
    if page_post is not None:
        head = page_post(seen, starts)
    if head is None and opening is not None:
        head = opening
    if starts and (head is None or head.author is None):
        head = status_head(seen_region) or head
    if head is None and starts:
        head = _article_head(seen_region, dropped)
    if head is None and starts:
        head = _untitled_head(seen_region, dropped)
    if head is None and starts:
        head = _headline_head(seen_region, dropped)
    if head is not None:
        head = _answered_title(seen_region, head)
    if head is not None:
        head = scored_head(seen_region, dropped, head)
        head = described_title(seen_region, head)
        head = echoed_title(seen, seen_region, head)
        head = _dated_byline(seen_region, head)
        if parse_post is None:  # an article's head over its comments, not a forum's post
            head = _dated_under_title(seen_region, dropped, head)
        for index in head.title_lines | head.meta_lines:
            dropped.pop(index, None)  # what the grammar reads as the head is never chrome
        dropped.update((index, "thread_chrome") for index in head.chrome_lines)
    for line in seen_region:
        if line.index not in dropped and is_tag_row(line.text):
            dropped[line.index] = "thread_chrome"  # the post's hashtags are its furniture
    rules = config.block_rules()
    draft = build_post(
        doc_id=doc_id,
        ordinal=0,
        kind="thread_post",
        region=region,
        dropped=dropped,
        rules=rules,
        head=head,
        keep_bare_head=not starts,
    )
    if draft is None and starts:
        draft = _stub(doc_id, region, dropped, head, starts, lines)
    add_dropped(result, doc_id, region, dropped)
    add_post(result, draft)
    if grammar is None:
        return
    post_id = f"{doc_id}.p0000"
    find_end = getattr(grammar, "find_end", None)
    end = find_end(seen, starts) if find_end is not None else None
    if end is None:
        end = page_foot(seen, starts[-1])
    thread_lines = lines
    if end is not None and end > starts[-1]:
        thread_lines = lines[:end]
        after = {line.index: "thread_chrome" for line in lines[end:] if not line.is_blank}
        add_dropped(result, doc_id, lines[end:], after)
    comments, blocks, comment_dropped = build_comments(
        doc_id=doc_id,
        post_id=post_id,
        lines=thread_lines,
        starts=starts,
        grammar=grammar,
        rules=rules,
        view=seen[: len(thread_lines)] if view is not None else None,
        furniture=links,
        links=[header_links(lines[at].text, targets) for at in starts] if targets else None,
        poster=_poster_names(region, head),
    )
    result.comments += comments
    result.blocks += blocks
    add_dropped(result, doc_id, lines, comment_dropped)
    op = next((comment for comment in comments if comment["is_op"]), None)
    if op is not None and result.posts and result.posts[0]["author"] is None:
        result.posts[0]["author"] = op["author"]


LINK_ROW = re.compile(r"^[^·•|]{1,30}(?:\s[·•|]\s[^·•|]{1,30})+$")
"""A row of two or more short labels parted by '·', '|' or '•' ('About · Docs · Code')."""
MAX_LINK_WORDS = 3
MAX_FOOT_CHARS = 80
MAX_FOOT_LINES = 4


def page_foot(lines: Sequence[Line], last_start: int) -> int | None:
    """Where the page's foot begins under the last comment (at `last_start`): its last
    block (the lines after the last blank line) when it holds :data:`MAX_FOOT_LINES`
    short lines at most, one of them a row of the site's links (:data:`LINK_ROW`, each
    label of :data:`MAX_LINK_WORDS` words at most), the others ending no sentence unless
    that row opens the block, and a blank line parts it from the comment's text; None
    when the page ends otherwise."""
    filled = [at for at in range(last_start + 1, len(lines)) if not lines[at].is_blank]
    if not filled:
        return None
    first = filled[-1]
    while first - 1 > last_start and not lines[first - 1].is_blank:
        first -= 1
    block = [line.text for line in lines[first : filled[-1] + 1]]
    if first - 1 <= last_start or not any(at < first - 1 for at in filled):
        return None
    if len(block) > MAX_FOOT_LINES or any(len(text) > MAX_FOOT_CHARS for text in block):
        return None
    rows = [text for text in block if LINK_ROW.match(text)]
    if not (rows and rows[0] == block[0]) and any(ends_sentence(text) for text in block):
        return None
    if not any(
        all(len(label.split()) <= MAX_LINK_WORDS for label in re.split(r"\s[·•|]\s", row))
        for row in rows
    ):
        return None
    return first


CAPTURE_BANNER = re.compile(r"^\S.{0,40}\s[-–]\s\S*/web/\d{8,14}/\S+$")
"""A web archive's banner naming the captured page ('<Archive> - https://…/web/<stamp>/<url>')."""
TOOLBAR_LINE = re.compile(
    r"^(?:\d[\d,]*\s+captures?|\d{1,2}\s+\w{3,9}\s+\d{4}\s+[-–]\s+\d{1,2}\s+\w{3,9}\s+\d{4}"
    r"|(?:[A-Z]{3}\s+){2}[A-Z]{3}|(?:\d{4}\s+){2}\d{4}|\d{1,2}|Close\s+Help|Go|success|fail"
    r"|About this capture)$"
)
"""The lines of a web archive's toolbar under its banner: the count of captures, their
span, the calendar's months, days and years, its buttons."""
MAX_BANNER_LINE = 2


def capture_toolbar(region: Sequence[Line]) -> set[int]:
    """The indices of a web archive's banner and toolbar lines atop the page: a banner
    among its first :data:`MAX_BANNER_LINE` filled lines, then the toolbar's lines
    (:data:`TOOLBAR_LINE`) among the lines right under it; nothing without a banner."""
    filled = [line for line in region if not line.is_blank]
    banner = next(
        (at for at, line in enumerate(filled[:MAX_BANNER_LINE]) if CAPTURE_BANNER.match(line.text)),
        None,
    )
    if banner is None:
        return set()
    found = {filled[banner].index}
    for line in filled[banner + 1 :]:
        if not TOOLBAR_LINE.match(line.text):
            break
        found.add(line.index)
    return found


def _poster_names(region: Sequence[Line], head: PostHead | None) -> frozenset[str]:
    """The names the opening post's author goes by: the head's author, and the '@' handle
    among its metadata lines (a status's '@name@host' under the display name)."""
    if head is None or head.author is None:
        return frozenset()
    handles = {
        line.text
        for line in region
        if line.index in head.meta_lines and HANDLE.match(line.text) is not None
    }
    return frozenset({head.author, *handles})


def _opening_header(
    grammar: CommentGrammar, seen: Sequence[Line], starts: Sequence[int]
) -> PostHead | None:
    """The head of the opening post where the first comment header opens the thread: a
    grammar that reads no opening post of its own (no ``parse_post``, no ``page_post``)
    over a page that shows nothing but a title and furniture above its first header (no
    prose, no quote, no comment section's heading: :data:`COMMENT_SECTION`), with two
    headers or more, the first naming its author at the top level. Its author and date
    are the header's, its header lines metadata; None elsewhere (then the first header
    stays a comment)."""
    if len(starts) < 2:
        return None
    if getattr(grammar, "parse_post", None) or getattr(grammar, "page_post", None):
        generic = getattr(grammar, "GENERIC", False)
        return _sectioned_opening(grammar, seen, starts) if generic else None
    above = [line for line in seen[: starts[0]] if not line.is_blank]
    if any(
        is_prose(line.text) or line.text.startswith(">") or COMMENT_SECTION.match(line.text)
        for line in above
    ):
        return None
    return _header_head(grammar, seen, starts)


MAX_SECTION_WORDS = 4


def _sectioned_opening(
    grammar: CommentGrammar, seen: Sequence[Line], starts: Sequence[int]
) -> PostHead | None:
    """The head of the opening post, read by a generic grammar (one written for a
    front-end reads that front-end's post), where a comment section's heading
    (:data:`COMMENT_SECTION`: 'Replies (5)', 'Comments') parts the first header's text
    from the second header, and neither a heading nor prose stands above the first: a
    status page prints the status it is about, then its replies. None elsewhere."""
    above = [line for line in seen[: starts[0]] if not line.is_blank]
    if any(_is_section(line.text) or is_prose(line.text) for line in above):
        return None
    if not any(_is_section(line.text) for line in seen[starts[0] + 1 : starts[1]]):
        return None
    return _header_head(grammar, seen, starts)


def _is_section(text: str) -> bool:
    """A comment section's heading on a line of its own ('Replies (5)'; not 'Commented',
    a sort menu's word, nor '2 replies', a comment's toggle)."""
    heading = COMMENT_SECTION.match(text)
    return (
        heading is not None
        and not text[:1].isdigit()
        and not text[heading.end() : heading.end() + 1].isalpha()
        and len(text.split()) <= MAX_SECTION_WORDS
    )


def _header_head(
    grammar: CommentGrammar, seen: Sequence[Line], starts: Sequence[int]
) -> PostHead | None:
    """The first header read as the opening post's head: its author and date, its lines
    metadata; None where it names no author or stands nested."""
    header = read_headers(grammar, seen, starts[:2])[0]
    if header.author is None or header.nesting:
        return None
    lines = seen[starts[0] : starts[0] + header.n_lines]
    return PostHead(
        title=None,
        title_lines=frozenset(),
        author=header.author,
        published=header.published,
        meta_lines=frozenset(line.index for line in lines if not line.is_blank),
        chrome_lines=header.chrome_lines,
    )


def _link_furniture(lines: Sequence[Line]) -> frozenset[int]:
    """The lines of a dump that are furniture outside comment headers: a row of links (a
    menu, a footer) and a line left with no text once its markers are out. The opening
    post's head is read without them."""
    return frozenset(
        line.index
        for line in lines
        if "[" in line.text and (is_link_row(line.text) or is_link_residue(line.text))
    )


MIN_TITLE_WORDS = 3
"""The fewest words of a line the scored choice takes as a topic's title (fewer: a
community's or a section's name, a menu item)."""


def scored_head(region: Sequence[Line], dropped: dict[int, str], head: PostHead) -> PostHead:
    """The grammar's head with its title weighed by the scored candidates of
    :mod:`..candidates`: a breadcrumb read as the title gives way to its last label when
    that reads as a headline, a comment page's label ('Comments: <title>') is cut off; a
    head with no title, or with one that carries a feature no title carries (a counter, a
    byline, a category label, the name a breadcrumb's root gives the site), takes the
    best-scoring line above the line that names its poster or date (a sidebar, a
    community's name, counters and a breadcrumb over the topic line score low), and the
    lines above that title that carry no author or date are the page's furniture. With no
    such line, a disqualified title gives way to the best line above it, or to none."""
    if head.title is not None:
        crumb = last_crumb(head.title)
        if crumb is not None:
            return dataclasses.replace(head, title=crumb)
        if COMMENTS_ON.match(head.title):
            head = dataclasses.replace(head, title=COMMENTS_ON.sub("", head.title))
    filled = [line for line in region if not line.is_blank]
    if head.author is None:
        head = _poster(filled, dropped, head)
    anchor = next(
        (
            position
            for position, line in enumerate(filled)
            if line.index in head.meta_lines and _names_post(line.text, head)
        ),
        None,
    )
    sites = crumb_roots([line.text for line in filled])
    picked = [p for p, line in enumerate(filled) if line.index in head.title_lines]
    if not anchor:
        if head.title is None or len(picked) != 1:
            return head
        zone = filled[: picked[0] + 1]
    else:
        zone = filled[:anchor]
    texts = [line.text for line in zone]
    weak = False
    if head.title is not None:
        if len(picked) != 1 or picked[0] >= len(zone):
            return head
        features = title_features(texts, picked[0], rule_pick=True, over_byline=True, sites=sites)
        weak = features.words <= MAX_LABEL_WORDS and not disqualified(features)
        if not (weak or disqualified(features)):
            return head
    eligible = [
        position
        for position, line in enumerate(zone)
        if line.index not in dropped
        and line.index not in head.title_lines
        and word_count(line.text) >= MIN_TITLE_WORDS
        and is_title_like(line.text)
        and not is_breadcrumb(line.text)
    ]
    at = best_untitled(texts, eligible, over_byline=bool(anchor), sites=sites)
    if at is None and weak:
        return _crumb_over_label(zone, head)
    if at is None:
        if not anchor and head.title is not None:  # a counter or a menu read as the title
            return dataclasses.replace(
                head,
                title=None,
                title_lines=frozenset(),
                chrome_lines=head.chrome_lines | head.title_lines,
            )
        return head
    furniture = {
        line.index
        for line in zone[:at]
        if line.index not in head.meta_lines and not _names_post(line.text, head)
    }
    if not anchor:
        furniture |= head.title_lines
    bylines = {  # a byline read as the title ('Started by <name>, <date>') is the head's
        line.index
        for line in filled
        if anchor and line.index in head.title_lines and _names_post(line.text, head)
    }
    return dataclasses.replace(
        head,
        title=untagged(zone[at].text),
        title_lines=frozenset({zone[at].index}),
        meta_lines=head.meta_lines | (bylines - furniture),
        chrome_lines=head.chrome_lines | furniture,
    )


def _crumb_over_label(zone: Sequence[Line], head: PostHead) -> PostHead:
    """The head with the title the path over it ends in ('Forums » Current Events »
    Referendum on the amendments') in place of a label of a word or two the rules read
    as the title ('Topic Options', a tool's name over the poster's header); the head
    unchanged when no breadcrumb there ends in a headline (the label is then the topic's
    short title)."""
    for line in reversed(zone):
        crumb = last_crumb(line.text)
        if crumb is not None:
            return dataclasses.replace(
                head,
                title=crumb,
                title_lines=frozenset({line.index}),
                chrome_lines=head.chrome_lines | head.title_lines,
            )
    return head


REPLY_SUBJECT = re.compile(
    r"^(?:#?\d{1,5}\.?\s+)?(?:[^\W\d_]{2,16}(?:\s[^\W\d_]{2,16})?\s*:\s*)??"
    r"(?:re|ответ|отв)\s*(?:\[\d+\])?\s*:\s*(?P<topic>\S.*?)\s*$",
    re.IGNORECASE,
)
"""A reply's subject line, with the post's number or a label before it ('Re: <topic>',
'Post subject: Re: <topic>', '3 Re: <topic>', 'Тема: Ответ: <topic>')."""
MIN_ECHOES = 2
"""The fewest replies whose subjects name one topic for it to be the thread's title."""
MIN_TOPIC_WORDS = 2
MAX_TOPIC_WORDS = 25
MAX_SUBJECT_CHARS = 300


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


DESCRIPTION_JOINS = (",", " -", " –", " —", " |")
"""What a board prints between a topic's title and its description on one line."""


def described_title(region: Sequence[Line], head: PostHead) -> PostHead:
    """The head with the topic's title where its title line adds a description to it
    ('<title>, <description>'): a breadcrumb above ends in the title alone (its last
    label, :func:`..candidates.last_crumb`) and the title line opens with that label."""
    if head.title is None:
        return head
    for line in region:
        label = last_crumb(line.text) if not line.is_blank else None
        if label is None or label == head.title or not head.title.startswith(label):
            continue
        if head.title[len(label) :].startswith(DESCRIPTION_JOINS):
            return dataclasses.replace(head, title=label)
    return head


def echoed_topic(lines: Sequence[Line]) -> str | None:
    """The topic the page's reply subjects name ('Re: <topic>' on at least half of the
    page's reply subjects, and on two posts or more counting the opening post's subject
    line), as first written; None when they name none or several. A forum prints the
    thread's title as every reply's subject, while the lines above the opening post are a
    site's name, menus or a pager."""
    topics: dict[str, list[str]] = {}
    total = 0
    for line in lines:
        match = REPLY_SUBJECT.match(line.text) if len(line.text) <= MAX_SUBJECT_CHARS else None
        if match is None or not MIN_TOPIC_WORDS <= word_count(match["topic"]) <= MAX_TOPIC_WORDS:
            continue
        total += 1
        topics.setdefault(_fold(match["topic"]), []).append(match["topic"])
    if not topics:
        return None
    folded, best = max(topics.items(), key=lambda item: len(item[1]))
    if 2 * len(best) < total:
        return None
    shown = any(_fold(line.text) == folded for line in lines)  # the opening post's subject
    return best[0] if len(best) + shown >= MIN_ECHOES else None


def echoed_title(lines: Sequence[Line], region: Sequence[Line], head: PostHead) -> PostHead:
    """The head with the title its replies' subjects name (:func:`echoed_topic`) where its
    title differs, or wraps the topic in a row above the topic's own line: the line of the
    head that reads as that topic is the title line (else the title is the topic as the
    replies write it), and a short line taken for the title before is the page's
    furniture."""
    topic = echoed_topic(lines)
    if topic is None:
        return head
    folded = _fold(topic)
    shown = next(
        (line for line in region if not line.is_blank and _fold(line.text) == folded), None
    )
    wrapped = (  # a row wrapping the topic ('Author Topic: <topic> (Read 12 times)')
        shown is not None  # over the topic's own line, which is then the title
        and len(head.title_lines) == 1
        and shown.index > min(head.title_lines)
    )
    if head.title is not None and folded in _fold(head.title) and not wrapped:
        return head  # the title, maybe with a list's tag or a crumb's path
    old = frozenset(
        line.index for line in region if line.index in head.title_lines and not is_prose(line.text)
    )
    return dataclasses.replace(
        head,
        title=shown.text if shown is not None else topic,
        title_lines=frozenset({shown.index}) if shown is not None else frozenset(),
        chrome_lines=(head.chrome_lines | old) - head.meta_lines,
    )


def _untitled_head(region: Sequence[Line], dropped: dict[int, str]) -> PostHead | None:
    """The head of a thread page whose front-end reads no opening post and that holds no
    article, over the header naming the topic's poster ('Question asked by X on <date>'):
    its title the best-scoring heading-shaped line above that header (a site's name, a
    breadcrumb's root, menus and counters score low), its author and date the header's.
    None when the region holds running text (an opening post's own first line is its
    title), names no poster, or no line scores as a title."""
    filled = [line for line in region if not line.is_blank and line.index not in dropped]
    if not filled or any(is_prose(line.text) for line in filled):
        return None
    sites = crumb_roots([line.text for line in filled])
    poster = next((p for p, line in enumerate(filled) if poster_name(line.text)), None)
    if poster is None:
        return None  # a page's name over the comments is no topic's title
    filled = filled[: poster + 1]  # the topic's line stands over its poster's header
    texts = [line.text for line in filled]
    eligible = [
        position
        for position, text in enumerate(texts)
        if word_count(text) >= MIN_TITLE_WORDS and is_title_like(text) and not is_breadcrumb(text)
    ]
    at = best_untitled(texts, eligible, sites=sites, over_byline=True)
    if at is None:
        return None
    head = PostHead(title=untagged(texts[at]), title_lines=frozenset({filled[at].index}))
    found = find_date(texts[-1])
    return dataclasses.replace(
        head,
        author=poster_name(texts[-1]),
        published=found[0] if found else None,
        meta_lines=frozenset({filled[-1].index}),
    )


def _headline_head(region: Sequence[Line], dropped: dict[int, str]) -> PostHead | None:
    """The head of a thread page whose rules read none and that names no poster: its
    title the best-scoring line of ``MIN_HEADLINE_WORDS`` words or more above the first
    paragraph (a headline's length; a site's name, a menu's or a toolbar's row, a
    button's label score low, and a shorter line is a label), the lines above it that
    carry no date, age or byline the page's furniture. None when no such line scores as a
    title (the page's first heading line is then the title, as for any post)."""
    filled = [line for line in region if not line.is_blank and line.index not in dropped]
    prose = next(
        (p for p, line in enumerate(filled) if is_prose(line.text) and not _asks(line.text)),
        len(filled),
    )
    filled = filled[:prose]
    texts = [line.text for line in filled]
    eligible = [
        position
        for position, text in enumerate(texts)
        if word_count(text) >= MIN_HEADLINE_WORDS
        and is_title_like(text)
        and not is_breadcrumb(text)
    ]
    if not eligible:
        return None
    texts = texts[: eligible[-1] + 1]  # the lines under the lowest candidate are no head
    at = best_untitled(texts, eligible, sites=crumb_roots(texts))
    if at is None:
        return None
    return PostHead(
        title=untagged(texts[at]),
        title_lines=frozenset({filled[at].index}),
        chrome_lines=frozenset(
            line.index
            for line in filled[:at]
            if find_date(line.text) is None
            and find_byline(line.text) is None
            and AGE.search(line.text) is None
        ),
    )


def _asks(text: str) -> bool:
    """A topic's question rather than a paragraph: a headline's words at most, closed by
    a question mark, no stop or comma between its words."""
    return (
        text.endswith("?")
        and word_count(text) <= MAX_HEADLINE_WORDS
        and SENTENCE_INSIDE.search(text) is None
    )


MAX_DATE_LINES = 6
"""The most lines between a title and the dateline under it in a post's head."""


def _dated_under_title(region: Sequence[Line], dropped: dict[int, str], head: PostHead) -> PostHead:
    """The head with the date of the dateline standing under its title, above the first
    paragraph of prose ('<title>' / 'Category: Politics' / 'Published: 15.03.2022 09:00'),
    when the grammar read no date: a head's metadata stands between its title and its text,
    whichever front-end prints the comments."""
    if head.published is not None or len(head.title_lines) != 1:
        return head
    filled = [line for line in region if not line.is_blank]
    title = next((p for p, line in enumerate(filled) if line.index in head.title_lines), None)
    if title is None:  # the title stands outside the region (a dump's view)
        return head
    for line in filled[title + 1 : title + 1 + MAX_DATE_LINES]:
        if is_prose(line.text):
            break
        found = find_date(line.text)
        if line.index not in dropped and found is not None and is_dateline(line.text):
            return dataclasses.replace(
                head, published=found[0], meta_lines=head.meta_lines | {line.index}
            )
    return head


MAX_BYLINE_RISE = 2
"""How many lines over the title a byline may stand ('By <Name>' over the headline)."""


def _dated_byline(region: Sequence[Line], head: PostHead) -> PostHead:
    """The head with the date its byline carries ('By <Name> | March 14, 2014 | 10:20
    am'), when the grammar read the byline but no date: the first date on the head's
    metadata lines, none of them more than :data:`MAX_BYLINE_RISE` lines over the title
    (a capture's or a clipping's stamp at the page's top dates the copy, not the post)."""
    if head.published is not None or not head.meta_lines:
        return head
    top = min(head.title_lines, default=0) - MAX_BYLINE_RISE
    for line in region:
        found = (
            find_date(line.text) if line.index in head.meta_lines and line.index >= top else None
        )
        if found is not None:
            return dataclasses.replace(head, published=found[0])
    return head


def _answered_title(region: Sequence[Line], head: PostHead) -> PostHead:
    """The head with the title a counter line over the comments names ('3 responses to
    “Title”'), where the head has no title and its author or no line of it is that title
    (a headline read as a name)."""
    if head.title is not None:
        return head
    for line in reversed(region):
        title = counted_title(line.text) if line.text[:1].isdigit() else None
        if title is None:
            continue
        shown = next((other for other in region if other.text == title), None)
        if shown is None:
            return head
        author = None if head.author == title else head.author
        return dataclasses.replace(
            head,
            title=title,
            title_lines=frozenset({shown.index}),
            author=author,
            meta_lines=head.meta_lines - {shown.index},
        )
    return head


MAX_POSTER_LINES = 3
"""Lines under the title searched for the poster's header (the header row stands right
under the topic line; further down is the post's text)."""


def _poster(filled: Sequence[Line], dropped: dict[int, str], head: PostHead) -> PostHead:
    """The head with its author read from a poster's header ('Posted by X', 'submitted
    ... by X', 'By X') when the grammar named none: among the head's metadata lines, else
    the few lines right under its title, else a poster's header anywhere above the first
    line of running text, else a name alone right over or under a dateline there
    (:func:`name_beside_date`), else the first poster's header under that text ('posted by
    X at 9:18 AM', as a blog's or a community weblog's post foot names the poster); that
    line is then metadata."""
    under = [line for line in filled if line.index > max(head.title_lines, default=-1)]
    lines = [line for line in filled if line.index in head.meta_lines]
    if head.title_lines:
        lines += under[:MAX_POSTER_LINES]
    for line in lines:
        if line.index in dropped and line.index not in head.meta_lines:
            continue
        name = find_byline(line.text) or poster_name(line.text)
        if name is not None:
            return dataclasses.replace(head, author=name, meta_lines=head.meta_lines | {line.index})
    for line in filled:  # a poster's header anywhere over the opening post's text
        if is_prose(line.text):
            break
        name = poster_name(line.text) or handle_byline(line.text)
        if line.index not in dropped and name is not None:
            head = dataclasses.replace(head, author=name, meta_lines=head.meta_lines | {line.index})
            if line.index in head.title_lines:  # the header read as the title: none is read
                head = dataclasses.replace(head, title=None, title_lines=frozenset())
            return head
    prose = next((p for p, line in enumerate(filled) if is_prose(line.text)), len(filled))
    over = [line for line in filled[:prose] if line.index not in dropped]
    named = name_beside_date([line.text for line in over])
    if named is not None:  # '<Name>' over '<date>': the poster's header, unlabelled
        at = next(line for line in over if named == " ".join(line.text.split()))
        return dataclasses.replace(head, author=named, meta_lines=head.meta_lines | {at.index})
    for line in filled[prose + 1 :]:  # the post's foot line under its running text
        if line.index not in dropped and (name := poster_name(line.text)) is not None:
            return dataclasses.replace(head, author=name, meta_lines=head.meta_lines | {line.index})
    return head


def _names_post(text: str, head: PostHead) -> bool:
    """Whether the line gives the post's author or a date (a byline, a header's row)."""
    author = head.author
    return bool((author and author in text) or find_date(text) is not None or find_byline(text))


def _article_head(region: Sequence[Line], dropped: dict[int, str]) -> PostHead | None:
    """The head of an article printed above a comment section whose front-end reads no
    opening post (a news page with its comments plugin): title, author and date as the
    article layout finds them, the site's furniture around them added to `dropped`; None
    when the region shows no run of prose or no head."""
    content = find_content(region, dropped)
    if content is None:
        return None
    head = content.head
    if not (head.title or head.author or head.published):
        return None
    dropped.update(content.chrome)
    return head


def _stub(
    doc_id: str,
    region: Sequence[Line],
    dropped: dict[int, str],
    head: PostHead | None,
    starts: Sequence[int],
    lines: Sequence[Line],
) -> PostDraft:
    """The post of a thread page that shows no opening-post text (a comment permalink, a
    later page): kind ``thread_stub``, its title and author where the page gives them, an
    empty body, and a span over its head lines (or empty, just before the first comment)."""
    known = head.title_lines | head.meta_lines if head else frozenset()
    kept = [line for line in region if line.index in known]
    for line in region:  # nothing above the comments is lost: what is not head is chrome
        if not line.is_blank and line.index not in known and line.index not in dropped:
            dropped[line.index] = "thread_chrome"
    at = lines[starts[0]].content_start
    start, end = (kept[0].content_start, kept[-1].content_end) if kept else (at, at)
    published = find_date(head.published) if head and head.published else None
    post = post_row(
        doc_id,
        0,
        "thread_stub",
        "",
        start,
        end,
        title=head.title if head else None,
        author=head.author if head else None,
        published=head.published if head else None,
        published_date=published[1] if published else None,
    )
    return PostDraft(post)
