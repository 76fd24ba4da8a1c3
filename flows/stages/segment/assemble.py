"""Adding drafts to a :class:`Segmented` result: the helpers every layout shares."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flows.stages.records import Segmented
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostDraft


def add_post(result: Segmented, draft: PostDraft | None) -> None:
    """A built post with its blocks and footnotes (nothing for None: no content)."""
    if draft is None:
        return
    result.posts.append(draft.post)
    result.blocks += draft.blocks
    result.footnotes += draft.footnotes


def add_dropped(
    result: Segmented, doc_id: str, lines: Sequence[Line], dropped: Mapping[int, str]
) -> None:
    """One dropped row per line of `lines` whose index is in `dropped` (with its rule)."""
    by_index = {line.index: line for line in lines}
    for index, rule in sorted(dropped.items()):
        line = by_index[index]
        result.dropped.append(
            {
                "doc_id": doc_id,
                "rule": rule,
                "text": line.text,
                "start": line.content_start,
                "end": line.content_end,
            }
        )
