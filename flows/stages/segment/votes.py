"""A comment's votes where the page shows them as counts beside vote or like labels.

Front-ends name the one number they show after what readers did: '4 Kudos', 'Like (4)',
'Recommend 12', '12 people like this', '▲ 12', '+3', '1 point'. The labels here are the
words many front-ends share, not one site's: a count beside a label of a profile column
('Likes: 388', a colon after the label) is the poster's total, never the comment's score.

>>> labelled_count("4 Kudos"), labelled_count("Like (4)"), labelled_count("▲ 12")
(4, 4, 12)
>>> labelled_count("Likes: 388") is None
True

Where the page shows both an up and a down count, :func:`find_up_down` reads the pair
beside the marks front-ends share (signed counts, arrows, thumbs, up/down and like/dislike
words), with the sum shown before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABELS = (
    r"likes?|kudos?|recommends?|recommendations?|recommended|points?|votes?|upvotes?"
    r"|hearts?|respects?|thumbs up|нравится|лайк(?:а|ов)?|голос(?:а|ов)?|балл(?:а|ов)?"
    r"|рекомендаци\w{1,3}"
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
REACTION_COUNTS = re.compile(rf"^(?:[^\w\s]{{1,3}}\s*(?:{COUNT})\s*){{1,8}}$")
"""A line of reaction counts only, each a symbol with its count ('👍 4', '👍 2  ❤️ 1',
'♥ 12'): the comment's furniture, no text of it."""
ICONLESS_COUNTS = re.compile(r"^\d{1,7}(?:\s{2,}\d{1,7}){1,4}$|^\d{1,7}(?:\s\d{1,7}){2,4}$")
"""A row of bare counts whose icons the text lost ('1  3  12': a status's replies, boosts
and favourites): the comment's furniture, no text of it."""
SCALE = {"k": 1_000, "к": 1_000, "m": 1_000_000}
"""The short scales of a shown count ('1.2k', '1,2к', '3M')."""


def labelled_count(text: str) -> int | None:
    """The count of a line that is only a count beside a vote or like label, else None."""
    text = text.strip()
    if not text or len(text) > 40 or not any(ch.isdigit() for ch in text):
        return None
    match = LABELLED_COUNT.match(text)
    if match is None:
        return marked_score(text)
    shown = next(group for group in match.groups() if group is not None)
    return shown_count(shown)


def shown_count(shown: str) -> int:
    """A count as a front-end shows it: '25', '1,204', '1 204', '−3', '1.2k' / '1.2K' = 1200,
    '3M' = 3000000."""
    core = re.sub(r"[,\u00a0 ]", "", shown).replace("−", "-").replace("–", "-")
    scale = SCALE.get(core[-1:].casefold())
    return round(float(core[:-1]) * scale) if scale else int(float(core))


@dataclass(frozen=True, slots=True)
class UpDown:
    """A pair of up and down counts read from a line, with the sum the page shows beside
    them (None where it shows none) and the pair's span in the line."""

    upvotes: int
    downvotes: int
    shown_sum: int | None
    start: int
    end: int

    @property
    def score(self) -> int:
        """The shown sum where the page shows one, else up minus down."""
        return self.shown_sum if self.shown_sum is not None else self.upvotes - self.downvotes


UP_WORD = (
    r"vote\s*up|up\s*vote|upvotes?|ups?|thumbs?\s*up|likes?|liked|agree(?:s|d)?|за"
    r"|нравится|плюс(?:ов|а)?"
)
DOWN_WORD = (
    r"vote\s*down|down\s*vote|downvotes?|downs?|thumbs?\s*down|dislikes?|disliked"
    r"|disagree(?:s|d)?|против|не\s+нравится|минус(?:ов|а)?"
)
UP_SIGN = r"[▲△↑⬆⇧👍]\ufe0f?"
DOWN_SIGN = r"[▼▽↓⬇⇩👎]\ufe0f?"
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,7}(?:\.\d)?[kKкК]?)"
SEP = r"\s*[,;|·•/]?\s*"
UP_DOWN = re.compile(
    rf"\(\s*\+(?P<p_up>{NUMBER})\s*[|/,]?\s*[-−–](?P<p_down>{NUMBER})\s*\)"
    rf"|\[\s*\+(?P<b_up>{NUMBER})\s*[|/,]?\s*[-−–](?P<b_down>{NUMBER})\s*\]"
    rf"|(?<![\w+])\+(?P<s_up>{NUMBER})\s*[|/]\s*[-−–](?P<s_down>{NUMBER})(?![\w])"
    rf"|{UP_SIGN}\s*(?P<m_up>{NUMBER}){SEP}{DOWN_SIGN}\s*(?P<m_down>{NUMBER})(?![\w])"
    rf"|(?<![\w.])(?P<n_up>{NUMBER})\s*{UP_SIGN}{SEP}(?P<n_down>{NUMBER})\s*{DOWN_SIGN}"
    rf"|\b(?:{UP_WORD})\s*[:(]?\s*(?P<w_up>{NUMBER})\s*\)?{SEP}(?:{DOWN_WORD})\s*[:(]?\s*"
    rf"(?P<w_down>{NUMBER})(?![\w.])"
    rf"|(?<![\w.])(?P<c_up>{NUMBER})\s+(?:{UP_WORD})\b{SEP}(?P<c_down>{NUMBER})\s+(?:{DOWN_WORD})\b",
    re.IGNORECASE,
)
"""A pair of up and down counts beside the marks front-ends share: signed counts
('(+7|-2)', '+7 / -2'), arrows or thumbs before or after each count ('▲ 3 ▼ 1', '👍 3 👎 1',
'3 👍 1 👎'), words before or after each count ('Vote Up 4 Vote Down 1', 'Like (3) Dislike
(1)', 'Upvotes: 4, Downvotes: 1', '4 likes, 1 dislike', 'за 5 против 2')."""
SHOWN_SUM = re.compile(
    rf"(?:^|(?<=[\s(:]))(?P<sum>[+−–-]?{NUMBER})\s*(?:points?|votes?|pts\.?|очк\w{{0,3}}"
    rf"|балл\w{{0,2}})?\s*[:=]?\s*$",
    re.IGNORECASE,
)
"""The count standing right before a pair, which the page shows as the pair's sum ('5
points (+7|-2)', 'Score: 5 (+7/-2)')."""
UP_DOWN_MARKS = re.compile(
    rf"^(?:(?P<before>[+−–-]?{NUMBER})\s*(?:{UP_WORD}|{UP_SIGN}){SEP}(?:{DOWN_WORD}|{DOWN_SIGN})"
    rf"|(?:{UP_WORD}|{UP_SIGN})\s*(?P<between>[+−–-]?{NUMBER})\s*(?:{DOWN_WORD}|{DOWN_SIGN}))$",
    re.IGNORECASE,
)
"""A line that is one count beside a pair of up and down marks ('+4 Vote up Vote down',
'Vote up 4 Vote down', '▲ 12 ▼'): the page shows only the score."""


def find_up_down(text: str) -> UpDown | None:
    """The first pair of up and down counts on the line, with the sum shown before it.

    >>> found = find_up_down("0 points 5 points (+7|-2) 3 years ago")
    >>> found.upvotes, found.downvotes, found.score
    (7, 2, 5)
    >>> find_up_down("Vote Up 4 Vote Down 1").score
    3
    >>> find_up_down("We won 3 to 1, up 2 points") is None
    True
    """
    if len(text) > 300 or not any(ch.isdigit() for ch in text):
        return None
    match = UP_DOWN.search(text)
    if match is None:
        return None
    up, down = (group for group in match.groups() if group is not None)
    before = SHOWN_SUM.search(text[: match.start()])
    return UpDown(
        upvotes=shown_count(up),
        downvotes=shown_count(down),
        shown_sum=shown_count(before.group("sum")) if before else None,
        start=before.start() if before else match.start(),
        end=match.end(),
    )


def marked_score(text: str) -> int | None:
    """The score of a line that is one count beside a pair of up and down marks, else
    None ('+4 Vote up Vote down' = 4)."""
    text = text.strip()
    if not text or len(text) > 60 or not any(ch.isdigit() for ch in text):
        return None
    match = UP_DOWN_MARKS.match(text)
    if match is None:
        return None
    return shown_count(match.group("before") or match.group("between"))
