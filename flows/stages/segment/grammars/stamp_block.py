"""Forum posts headed by a stamped row that names nobody ('#2 2023-11-14 19:05:43',
'Old 12.03.2024, 21:05 #1'), the poster's name on the line under it and the profile
lines after the name, found from repetition alone.

One post::

    <row>                   a stamp with a time of day and the board's fixed cells
    <name>                  one to three words on a line of its own
    [<profile lines>]       a rank, 'Registered: 2016-02-09', 'Posts: 94': furniture
    <body>                  to the next post's row

The rows are those of :mod:`.stamped_row` (lines of one shape whose times differ, oldest
first, text under each), or rows of one shape with a date and no time that number their
posts in a run ('Old March 3rd, 2019 #221', '#222'); the names under them count only where
the page shows a poster's block, a name posting twice or a profile label under every name
(:func:`.stamped_row._names_below`). Some boards print the name on the line over the row
and the profile lines under it (:func:`.stamped_row._names_above`), or no name at all, the
member's profile alone under every row (:func:`.stamped_row._profiled_rows`): those are
read too, where a profile label recurs under every row. The shape is looser than a row
that carries its name, so the grammar yields (``YIELDS``): it is asked only where no
grammar written for a front-end finds a comment.
"""

from __future__ import annotations

from collections.abc import Sequence

from flows.stages.segment.grammars import stamped_row
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "stamp_block"
GENERIC = True
YIELDS = True


def _rows(lines: Sequence[Line]) -> list[stamped_row.Row]:
    found = stamped_row.rows(lines, below=True)
    return found if found and (found[0].name_below is not None or found[0].profile_under) else []


def find_starts(lines: Sequence[Line]) -> list[int]:
    return stamped_row.read_starts(lines, _rows(lines))


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    return stamped_row.read_headers(lines, starts, _rows(lines))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    return parse_headers(lines, [position])[0]


def page_post(page: Sequence[Line], starts: Sequence[int]) -> PostHead | None:
    return stamped_row.read_post(page, starts, _rows(page))
