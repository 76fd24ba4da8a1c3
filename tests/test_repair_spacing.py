"""Double-spaced text (a blank line after every line) is read as single-spaced; text that
only keeps its lines apart on its own is left alone."""

from __future__ import annotations

from flows.stages.repair import RepairConfig, repair
from tests.perturb import double_spaced

CONFIG = RepairConfig()

THREAD = """Regional Politics Forum

Turnout in the September vote
Started by volga_reader, Sep 14, 2023

volga_reader
Sep 14, 2023
Our district reported the same turnout as in 2018, to the tenth of a percent.
Nobody at the commission could explain how that happened twice.

ural_notes
Sep 14, 2023
Same figure here. The observers were sent home before the count.

kama_river
Sep 15, 2023
We asked for the protocols and got a copy with the numbers left blank.
The commission said the originals were already in the regional archive.

volga_reader
Sep 15, 2023
Then the archive is where we write next.
"""

ONE_PARAGRAPH_PER_LINE = """The Governors Who Stayed

By Irina Volkova

Every incumbent governor on the ballot this autumn won in the first round.

The opposition parties fielded candidates in only half of the regions.

In the others the municipal filter kept them off the ballot before the campaign began.

Turnout stayed close to the figures of five years ago, as it did in the Duma vote.


Observers from two regional groups were not admitted to the count.

Their complaints were returned unread after the results were certified.

The next round of regional votes falls in the same week of September next year.
"""


def test_a_double_spaced_thread_reads_as_it_was_written():
    result = repair(double_spaced(THREAD), CONFIG)
    assert result.text.rstrip() == THREAD.rstrip()  # the last line end doubled stays
    assert result.fixes["undouble_spacing"] > 0
    assert all(edit.new_text.strip() == edit.old_text.strip() == "" for edit in result.edits)


def test_a_doubled_page_whose_lines_were_all_apart_gets_them_back_apart():
    result = repair(double_spaced(ONE_PARAGRAPH_PER_LINE), CONFIG)
    assert result.text.rstrip() == ONE_PARAGRAPH_PER_LINE.rstrip()


def test_a_page_keeping_its_lines_apart_on_its_own_is_left_alone():
    for text in (ONE_PARAGRAPH_PER_LINE, THREAD, THREAD.replace("\n", "\n\n", 3)):
        assert "undouble_spacing" not in repair(text, CONFIG).fixes


def test_undoing_double_spacing_is_idempotent():
    once = repair(double_spaced(double_spaced(THREAD)), CONFIG).text
    assert repair(once, CONFIG).text == once


WRAPPED = """The Governors Who Stayed
By Irina Volkova
Every incumbent governor on the ballot this autumn won in the first round, and
in most regions the opposition did not field a candidate at all. The municipal
filter kept them off the ballot before the campaign began, as it has done since
the direct elections of governors were restored.
Turnout stayed close to the figures of five years ago, as it did in the Duma
vote, and observers from two regional groups were not admitted to the count.
Their complaints were returned unread after the results were certified by the
regional commissions.
"""


def test_a_wrapped_page_without_blank_lines_spaced_out_is_read_as_it_was():
    doubled = repair(double_spaced(WRAPPED), CONFIG)
    assert doubled.fixes["undouble_spacing"] > 0
    assert doubled.text.rstrip() == repair(WRAPPED, CONFIG).text.rstrip()


SEARCH_RESULTS = """\
Is the sovereign internet law actually enforced outside Moscow? Does anyone know?
412 points 88 comments submitted 3 years ago by kazan_observer to
r/AskARussian
I live in Kazan and since the law came into force I have noticed almost
nothing, apart from one messenger that crawls in the evenings. Friends
in Tomsk say the same. Is it different in smaller towns? Nobody knows.
"""


def test_a_tagline_is_a_line_of_its_own_even_wrapped_after_its_to():
    lines = repair(SEARCH_RESULTS, CONFIG).text.splitlines()
    assert lines[:2] == [
        "Is the sovereign internet law actually enforced outside Moscow? Does anyone know?",
        "412 points 88 comments submitted 3 years ago by kazan_observer to r/AskARussian",
    ]
    assert lines[2].startswith("I live in Kazan")


def test_a_question_with_room_to_spare_is_not_run_into_a_number_line():
    text = SEARCH_RESULTS.replace(" Does anyone know?", "").replace(
        "412 points 88 comments submitted 3 years ago by kazan_observer to\nr/AskARussian",
        "412 points and 88 comments",
    )
    lines = repair(text, CONFIG).text.splitlines()
    assert lines[:2] == [
        "Is the sovereign internet law actually enforced outside Moscow?",
        "412 points and 88 comments",
    ]
