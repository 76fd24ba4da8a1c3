"""A search result's citation row ('names - venue, year - publisher') is kept apart from
the title over it; prose with a dash and a year, and a wrapped PDF title over its authors,
are unwrapped as before."""

from __future__ import annotations

from flows.stages.repair import RepairConfig, repair

PROSE = (
    "The regional assemblies were reshaped after the reform and the governors kept\n"
    "a firm grip on the lists of candidates in every district, often for years on\n"
    "end - the 2014 - 2016 cycle was no exception to the rule, as the figures show\n"
    "in the table below, where the turnout of each district is given by the year.\n"
)


def _result_list(title: str, row: str) -> str:
    snippet = (
        "… We examine the distribution of turnout across more than ninety thousand polling stations and\n"
        "find excess mass at integer percentages in regions with appointed governors. The pattern is …\n"
    )
    return f"[PDF] journal.example\n{title}\n{row}\n{snippet}Save Cite Cited by 87\n"


def test_a_citation_row_stays_under_its_title() -> None:
    title = "Turnout spikes and round numbers: forensic evidence from Russian regional elections"
    for row in (
        "AB Ivanova, D Kuznetsov - Post-Soviet Studies, 2021 - Taylor & Francis",
        "P Valentinov - 2016 - Moscow University Press",
    ):
        text = repair(_result_list(title, row), RepairConfig()).text
        assert f"\n{title}\n{row}\n" in text


def test_prose_with_a_dash_and_a_year_is_still_unwrapped() -> None:
    text = repair(PROSE, RepairConfig()).text
    assert "\n" not in text.strip()


def test_a_wrapped_pdf_title_over_its_authors_reads_as_before() -> None:
    lines = [
        "Regional Governors and the Machine Vote: Evidence from the Appointment",
        "Era in Russia",
        "Anna Lind and Oleg Sokolov",
        "",
        "Abstract. Governors appointed by the centre were expected to deliver the vote for",
        "the ruling party, and many of them did so by leaning on the large employers of",
        "their regions, whose managers could reach every worker on the day of the vote.",
    ]
    text = repair("\n".join(lines) + "\n", RepairConfig()).text
    assert text.startswith(
        "Regional Governors and the Machine Vote: Evidence from the Appointment Era in Russia\n"
        "Anna Lind and Oleg Sokolov\n"
    )
