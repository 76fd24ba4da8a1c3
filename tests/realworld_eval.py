"""Score the pipeline against the hand-made gold of the real-format fixtures.

``python -m tests.realworld_eval`` (``make eval``) runs every fixture of
``tests/realworld/`` through the pure stages, without a manifest (layout detected), and
checks what a careful reader would: the layout, the number of posts and comments, each
post's kind, title, author and date, each comment's author, parent, votes and edit mark,
that chrome lines stay out of every body and content is not dropped. It prints the share
of checks passed per format family and per field, for the dev and the test part (the
split rule is in ``tests/realworld/README.md``), and for the holdout of ``tests/holdout/``:
fixtures written by someone who changed no rule, which tuning never looks at.

``--perturb NAME`` first turns each fixture's text as another scraper might have
(:mod:`tests.perturb`: double-spaced, CRLF, re-wrapped, ...) and scores it against the same
gold; ``--perturb all`` prints, per transform, each part's share next to the unperturbed one.

``--gold-layout`` gives each fixture its gold layout as a manifest would: the share then
measures the reading within the right layout, and its distance from the plain share what
choosing the layout costs (a diagnostic; the plain share is the measure).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.config import PipelineConfig
from flows.stages.document import process_document
from flows.stages.records import RawDocument, SourceInfo
from tests.perturb import PERTURBATIONS

FIXTURES = Path(__file__).resolve().parent / "realworld"
HOLDOUT = Path(__file__).resolve().parent / "holdout"
PARTS = ("dev", "test", "holdout")
FIELDS = (
    "layout",
    "posts",
    "kinds",
    "titles",
    "authors",
    "dates",
    "post_text",
    "comments",
    "parents",
    "votes",
    "edited",
    "boilerplate",
    "content",
    "quotes",
)


def split_of(family: str, name: str) -> str:
    """'test' or 'dev', by the fixed rule of tests/realworld/README.md."""
    digest = hashlib.sha256(f"{family}/{name}".encode()).hexdigest()
    return "test" if int(digest[:8], 16) % 3 == 0 else "dev"


@dataclass(frozen=True)
class Fixture:
    family: str
    name: str
    text_path: Path
    gold: dict[str, Any]
    holdout: bool = False

    @property
    def split(self) -> str:
        return "holdout" if self.holdout else split_of(self.family, self.name)


def fixtures(root: Path = FIXTURES) -> list[Fixture]:
    """The fixtures under `root` (`<family>/<name>.gold.json` beside `<name>.txt`); those
    of :data:`HOLDOUT` are marked as the holdout part."""
    found = []
    for gold_path in sorted(root.glob("*/*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        text_path = gold_path.with_name(name + ".txt")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found.append(Fixture(gold_path.parent.name, name, text_path, gold, root == HOLDOUT))
    return found


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


@dataclass
class Score:
    """Checks passed and made, per field, with the failures' descriptions."""

    passed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    made: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[str] = field(default_factory=list)

    def check(self, field_name: str, ok: bool, what: str) -> None:
        self.made[field_name] += 1
        self.passed[field_name] += int(ok)
        if not ok:
            self.failures.append(f"{field_name}: {what}")

    def add(self, other: Score) -> None:
        for name, count in other.made.items():
            self.made[name] += count
            self.passed[name] += other.passed[name]

    @property
    def share(self) -> float:
        made = sum(self.made.values())
        return sum(self.passed.values()) / made if made else 1.0


def run_fixture(
    fixture: Fixture,
    config: PipelineConfig,
    perturb: str | None = None,
    gold_layout: bool = False,
) -> dict[str, list[dict[str, Any]]]:
    """The tables of one fixture, its text first transformed by the perturbation named
    `perturb` (:data:`tests.perturb.PERTURBATIONS`) when one is given, its layout the
    gold's (as a manifest's `layout`) when `gold_layout`, else detected."""
    data = fixture.text_path.read_bytes()
    if perturb is not None:
        data = PERTURBATIONS[perturb](data.decode("utf-8")).encode("utf-8")
    layout = fixture.gold["layout"] if gold_layout else None
    source = SourceInfo(fixture.text_path.name, layout=layout)
    raw = RawDocument(source, data, hashlib.sha256(data).hexdigest())
    return process_document(raw, config).tables


def _find_post(posts: list[dict[str, Any]], gold: dict[str, Any], index: int) -> dict | None:
    phrases = [_norm(p) for p in gold.get("body_has", [])]
    if phrases:
        for post in posts:
            if all(p in _norm(post["body"]) for p in phrases[:1]):
                return post
    if gold.get("title"):
        for post in posts:
            if _norm(post.get("title")) == _norm(gold["title"]):
                return post
    return posts[index] if index < len(posts) else None


def _author_matches(found: str | None, wanted: str | None) -> bool:
    if wanted is None:
        return found is None
    return _norm(found).removeprefix("u/") == _norm(wanted).removeprefix("u/")


def score_fixture(fixture: Fixture, tables: dict[str, list[dict[str, Any]]]) -> Score:
    gold, score = fixture.gold, Score()
    documents = tables["documents"]
    posts, comments, blocks = tables["posts"], tables["comments"], tables["blocks"]
    layout = documents[0]["layout"] if documents else None
    score.check("layout", layout == gold["layout"], f"{layout} != {gold['layout']}")
    score.check(
        "posts", len(posts) == len(gold["posts"]), f"{len(posts)} posts != {len(gold['posts'])}"
    )
    for index, wanted in enumerate(gold["posts"]):
        post = _find_post(posts, wanted, index)
        label = f"post {index}"
        if post is None:
            for name in ("kinds", "titles", "authors", "dates", "post_text"):
                score.check(name, False, f"{label} missing")
            continue
        if "kind" in wanted:
            score.check("kinds", post["kind"] == wanted["kind"], f"{label} kind {post['kind']}")
        if "title" in wanted:
            ok = _norm(post.get("title")) == _norm(wanted["title"])
            score.check("titles", ok, f"{label} title {post.get('title')!r} != {wanted['title']!r}")
        if "author" in wanted:
            ok = _author_matches(post.get("author"), wanted["author"])
            score.check(
                "authors", ok, f"{label} author {post.get('author')!r} != {wanted['author']!r}"
            )
        if "published" in wanted:
            found = post.get("published_date")
            score.check(
                "dates",
                found == wanted["published"],
                f"{label} date {found} != {wanted['published']}",
            )
        for phrase in wanted.get("body_has", []):
            ok = _norm(phrase) in _norm(post["body"])
            score.check("post_text", ok, f"{label} lacks {phrase!r}")
    _score_comments(score, gold.get("comments", []), comments)
    bodies = [_norm(row["body"]) for row in [*posts, *comments]]
    body_lines = {_norm(line) for row in [*posts, *comments] for line in row["body"].split("\n")}
    for line in gold.get("boilerplate", []):
        wanted = _norm(line)
        if len(wanted.split()) <= 2:  # a word or two: leaked only as a line of its own
            leaked = wanted in body_lines
        else:
            leaked = any(wanted in body for body in bodies)
        score.check("boilerplate", not leaked, f"leaked {line!r}")
    for phrase in [*gold.get("content", []), *gold.get("repaired", [])]:
        ok = any(_norm(phrase) in body for body in bodies)
        score.check("content", ok, f"dropped {phrase!r}")
    quoted = [_norm(block["text"]) for block in blocks if block["kind"] == "quote"]
    for phrase in gold.get("quotes", []):
        ok = any(_norm(phrase) in text for text in quoted)
        score.check("quotes", ok, f"not a quote block: {phrase!r}")
    return score


def _score_comments(
    score: Score, wanted: list[dict[str, Any]], found: list[dict[str, Any]]
) -> None:
    score.check("comments", len(found) == len(wanted), f"{len(found)} comments != {len(wanted)}")
    used: set[int] = set()
    matched: list[int | None] = []
    for gold in wanted:
        phrases = [_norm(p) for p in gold.get("body_has", [])]
        choice = None
        for position, comment in enumerate(found):
            if position in used or not _author_matches(comment["author"], gold["author"]):
                continue
            if all(p in _norm(comment["body"]) for p in phrases[:1]):
                choice = position
                break
        if choice is not None:
            used.add(choice)
        matched.append(choice)
    ids = {comment["comment_id"]: position for position, comment in enumerate(found)}
    for index, gold in enumerate(wanted):
        at = matched[index]
        label = f"comment {index} ({gold['author']})"
        score.check("comments", at is not None, f"{label} not found")
        if at is None:
            if "parent" in gold:
                score.check("parents", False, f"{label} missing")
            continue
        comment = found[at]
        if "parent" in gold:
            parent = ids.get(comment["parent_id"]) if comment["parent_id"] else None
            expected = matched[gold["parent"]] if gold["parent"] is not None else None
            ok = parent == expected and (gold["parent"] is None or expected is not None)
            score.check("parents", ok, f"{label} parent {parent} != {expected}")
        for key in ("score", "upvotes", "downvotes"):
            if key in gold:
                ok = comment[key] == gold[key]
                score.check("votes", ok, f"{label} {key} {comment[key]} != {gold[key]}")
        if "edited" in gold:
            ok = comment["edited"] == gold["edited"]
            score.check("edited", ok, f"{label} edited {comment['edited']}")
        for phrase in gold.get("body_has", [])[1:]:
            ok = _norm(phrase) in _norm(comment["body"])
            score.check("comments", ok, f"{label} lacks {phrase!r}")


def evaluate(
    selected: list[Fixture],
    config: PipelineConfig | None = None,
    perturb: str | None = None,
    gold_layout: bool = False,
) -> Iterator[tuple[Fixture, Score]]:
    config = config or PipelineConfig()
    for fixture in selected:
        tables = run_fixture(fixture, config, perturb, gold_layout)
        yield fixture, score_fixture(fixture, tables)


def total_score(
    selected: list[Fixture], config: PipelineConfig | None = None, perturb: str | None = None
) -> Score:
    """The checks of every fixture of `selected` added up."""
    total = Score()
    for _, score in evaluate(selected, config, perturb):
        total.add(score)
    return total


def _table(title: str, rows: dict[str, Score]) -> str:
    lines = [f"{title:<16} {'share':>7} {'checks':>8}"]
    for name, score in rows.items():
        made = sum(score.made.values())
        lines.append(f"{name:<16} {score.share:>7.1%} {made:>8}")
    return "\n".join(lines)


def _perturbation_table(every: list[Fixture], parts: tuple[str, ...]) -> str:
    """Per transform, each part's share of checks passed and its change from the share on
    the unperturbed texts."""
    header = "".join(f" {part:>7} {'change':>7}" for part in parts)
    lines = [f"{'perturbation':<16}{header}"]
    plain = {part: total_score([f for f in every if f.split == part]).share for part in parts}
    lines.append(f"{'(none)':<16}" + "".join(f" {plain[part]:>7.1%} {'':>7}" for part in parts))
    for name in PERTURBATIONS:
        row = f"{name:<16}"
        for part in parts:
            share = total_score([f for f in every if f.split == part], perturb=name).share
            row += f" {share:>7.1%} {share - plain[part]:>+7.1%}"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.realworld_eval")
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all")
    parser.add_argument("--family", default=None, help="only this format family")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failed check")
    parser.add_argument(
        "--perturb",
        choices=(*PERTURBATIONS, "all"),
        default=None,
        help="transform each text first (tests/perturb.py); 'all': one summary row each",
    )
    parser.add_argument(
        "--gold-layout",
        action="store_true",
        help="give each fixture its gold layout, as a manifest would (diagnostic)",
    )
    args = parser.parse_args(argv)
    parts = PARTS if args.part == "all" else (args.part,)
    every = [f for f in fixtures() + fixtures(HOLDOUT) if args.family in (None, f.family)]
    if args.perturb == "all":
        print(_perturbation_table(every, parts))
        return 0
    for part in parts:
        selected = [f for f in every if f.split == part]
        by_family: dict[str, Score] = defaultdict(Score)
        total = Score()
        for fixture, score in evaluate(
            selected, perturb=args.perturb, gold_layout=args.gold_layout
        ):
            by_family[fixture.family].add(score)
            total.add(score)
            if args.verbose and score.failures:
                print(f"-- {part} {fixture.family}/{fixture.name} ({score.share:.0%})")
                for failure in score.failures:
                    print(f"     {failure}")
        by_field = {}
        for name in FIELDS:
            if total.made.get(name):
                one = Score()
                one.made[name], one.passed[name] = total.made[name], total.passed[name]
                by_field[name] = one
        print(f"\n== {part} part: {len(selected)} fixtures, {total.share:.1%} of checks passed")
        print(_table("family", dict(sorted(by_family.items()))))
        print(_table("field", by_field))
    return 0


if __name__ == "__main__":
    sys.exit(main())
