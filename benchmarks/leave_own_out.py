"""Leave-own-grammar-out score: a proxy for thread front-ends nobody wrote a grammar for.

``python -m benchmarks.leave_own_out [-v] [--part dev]`` scores the fixtures of the
link-aggregator, comment, forum and mail families with their own site grammar(s) removed from
the registry (:data:`OWN`), so that only the other grammars, generic readers among them,
can read them. The share printed per family is what a new front-end of the same shapes would
score; the dev part is the one to tune on.
"""

from __future__ import annotations

import argparse
import contextlib
from collections import defaultdict
from collections.abc import Iterator

from flows.stages.segment.grammars import GRAMMARS
from tests.realworld_eval import Score, evaluate, fixtures

OWN: dict[str, tuple[str, ...]] = {
    "lemmy": ("lemmy",),
    "mlmym": ("mlmym",),
    "hackernews": ("hackernews", "lobsters"),
    "redlib": ("redlib", "new_reddit", "shreddit"),
    "discourse": ("discourse",),
    "mail": ("google_groups", "nabble"),
    "news_comments": ("disqus", "coral", "wordpress_comments", "substack"),
    "forum": (
        "phpbb",
        "vbulletin",
        "vbulletin5",
        "xenforo",
        "xenforo2",
        "smf",
        "mybb",
        "ips",
        "fluxbb",
        "ucoz",
    ),
}
"""{family: the grammars written for its front-ends}, removed while it is scored."""


@contextlib.contextmanager
def without(names: tuple[str, ...]) -> Iterator[None]:
    """The registry without the grammars `names` while the block runs."""
    removed = {name: GRAMMARS.pop(name) for name in names if name in GRAMMARS}
    try:
        yield
    finally:
        GRAMMARS.update(removed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.leave_own_out")
    parser.add_argument("--part", choices=("dev", "test"), default="dev")
    parser.add_argument("--family", default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    by_family: dict[str, Score] = defaultdict(Score)
    total = Score()
    for family, names in OWN.items():
        if args.family not in (None, family):
            continue
        selected = [f for f in fixtures() if f.family == family and f.split == args.part]
        with without(names):
            for fixture, score in evaluate(selected):
                by_family[family].add(score)
                total.add(score)
                if args.verbose and score.failures:
                    print(f"-- {fixture.family}/{fixture.name} ({score.share:.0%})")
                    for failure in score.failures:
                        print(f"     {failure}")
    for family, score in by_family.items():
        print(f"{family:<16} {score.share:>7.1%} {sum(score.made.values()):>6}")
    print(f"{'all':<16} {total.share:>7.1%} {sum(total.made.values()):>6}")
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, made in total.made.items():
        fields[name][0] += total.passed.get(name, 0)
        fields[name][1] += made
    print("  ".join(f"{n} {p}/{m}" for n, (p, m) in fields.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
