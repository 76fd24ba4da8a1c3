"""A comment's score where the page shows it as a count beside a vote or like label.

Front-ends name the one number they show after what readers did: '4 Kudos', 'Like (4)',
'Recommend 12', '12 people like this', '▲ 12', '+3', '1 point'. The labels here are the
words many front-ends share, not one site's: a count beside a label of a profile column
('Likes: 388', a colon after the label) is the poster's total, never the comment's score.

>>> labelled_count("4 Kudos"), labelled_count("Like (4)"), labelled_count("▲ 12")
(4, 4, 12)
>>> labelled_count("Likes: 388") is None
True
"""

from __future__ import annotations

import re

LABELS = (
    r"likes?|kudos?|recommends?|recommendations?|recommended|points?|votes?|upvotes?"
    r"|hearts?|thumbs up|нравится|лайк(?:а|ов)?|голос(?:а|ов)?|балл(?:а|ов)?|рекомендаци\w{1,3}"
)
COUNT = r"[+−–-]?\d{1,3}(?:[,\u00a0 ]\d{3})*(?:\.\d)?[kKкК]?|[+−–-]?\d{1,7}"
LABELLED_COUNT = re.compile(
    rf"^(?:(?P<before>{COUNT})\s*(?:{LABELS})"
    rf"|(?:{LABELS}|recommend)\s*(?:\(\s*(?P<paren>{COUNT})\s*\)|(?P<after>{COUNT}))"
    rf"|[▲△↑⬆👍]\ufe0f?\s*(?P<arrow>{COUNT})(?:\s*[▼▽↓⬇👎]\ufe0f?)?"
    rf"|(?P<people>{COUNT})\s+(?:people|persons?|users?|members?|readers?)\s+"
    rf"(?:like|liked|recommend|recommended)\s+this)$",
    re.IGNORECASE,
)
"""A line that is only a count beside a vote label, in any of the common orders."""
SCALE = {"k": 1_000, "к": 1_000, "m": 1_000_000}
"""The short scales of a shown count ('1.2k', '1,2к', '3M')."""


def labelled_count(text: str) -> int | None:
    """The count of a line that is only a count beside a vote or like label, else None."""
    text = text.strip()
    if not text or len(text) > 40 or not any(ch.isdigit() for ch in text):
        return None
    match = LABELLED_COUNT.match(text)
    if match is None:
        return None
    shown = next(group for group in match.groups() if group is not None)
    return shown_count(shown)


def shown_count(shown: str) -> int:
    """A count as a front-end shows it: '25', '1,204', '1 204', '−3', '1.2k' / '1.2K' = 1200,
    '3M' = 3000000."""
    core = re.sub(r"[,\u00a0 ]", "", shown).replace("−", "-").replace("–", "-")
    scale = SCALE.get(core[-1:].casefold())
    return round(float(core[:-1]) * scale) if scale else int(float(core))
