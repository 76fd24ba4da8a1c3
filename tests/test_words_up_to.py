"""`words_up_to`: a bounded word count that every comparison with a bound up to its limit
reads exactly as the full count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flows.stages.segment.lines import word_count, words_up_to

TEXTS = st.text(alphabet=st.sampled_from("ab я\t\n\u00a0\u2003\u3000."), max_size=30)


@given(TEXTS, st.integers(min_value=0, max_value=8))
def test_is_the_word_count_up_to_one_past_the_limit(text, limit):
    assert words_up_to(text, limit) == min(word_count(text), limit + 1)


def test_examples():
    assert words_up_to("one two", 5) == 2
    assert words_up_to("one two three four", 2) == 3
    assert words_up_to("  one  ", 0) == 1  # more than none
    assert words_up_to("   ", 3) == 0
