"""Robustness to how a page was turned into text: the real-format fixtures, transformed as
another scraper might have left them (:mod:`tests.perturb`), lose little of their
segmentation scores, and transforms that only touch invisible characters change nothing at all.

A fixed sample of the dev part (a sixth, chosen by each fixture's own hash, so adding
fixtures does not reshuffle it) keeps this quick; ``python -m
tests.realworld_eval --perturb all`` prints the figures on both parts in full."""

from __future__ import annotations

import hashlib

import pytest

from flows.config import PipelineConfig
from flows.stages.repair import RepairConfig, repair
from tests.perturb import PERTURBATIONS
from tests.realworld_eval import fixtures, run_fixture, total_score

FIXTURES = fixtures()
SAMPLE = [
    fixture
    for fixture in FIXTURES
    if fixture.split == "dev"
    and int(hashlib.sha256(f"{fixture.family}/{fixture.name}".encode()).hexdigest()[8:16], 16) % 6
    == 0
]
MAX_LOSS = {"double_spaced": 0.005, "rewrap72": 0.07, "no_blank_lines": 0.075}
"""Most share of gold checks each transform of the sample may lose against the sample as
it is: a little over the losses measured, so that a rule which only works on one spacing
fails here, while a new fixture the pipeline misreads either way does not."""
INVISIBLE = ("crlf", "nbsp_indent", "tabs", "bom")
"""Transforms that repair undoes exactly: line ends, NBSP and tab indentation, a BOM."""


@pytest.fixture(scope="module")
def unperturbed() -> float:
    return total_score(SAMPLE).share


@pytest.mark.parametrize("name", sorted(MAX_LOSS))
def test_perturbed_scores_lose_little_against_the_text_as_it_is(name, unperturbed):
    share = total_score(SAMPLE, perturb=name).share
    loss = unperturbed - share
    assert loss <= MAX_LOSS[name], f"{name}: {share:.1%}, {loss:.1%} under {unperturbed:.1%}"


@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_transforms_are_undone_by_repair(name):
    config = RepairConfig()
    for fixture in SAMPLE:
        text = fixture.text_path.read_text(encoding="utf-8")
        perturbed = repair(PERTURBATIONS[name](text), config).text
        assert perturbed == repair(text, config).text, fixture.name


def test_a_thread_spaced_line_by_line_is_read_without_its_blank_lines():
    """A forum page without blank lines, given a blank line after every line: the thread
    grammars read the lines as adjacent, as on the page."""
    fixture = next(f for f in FIXTURES if f.name == "vbulletin5-topic-join-date-hash")
    tables = run_fixture(fixture, PipelineConfig(), "double_spaced")
    assert tables["documents"][0]["layout"] == "thread"
    assert len(tables["comments"]) == len(fixture.gold["comments"])
