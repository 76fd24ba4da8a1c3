"""Metadata lines of posts: dates, bylines, datelines, breadcrumbs and category labels.

Pure recognisers on one line of text. They key on the *form* of a line (a month name and
a year, "By" and a capitalised name, separators between short labels), never on a
site's words. Dates are returned as written and, when they name an absolute day, as an
ISO date; a date without a year, or a relative age ("3 days ago"), gives no ISO date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
RU_MONTHS = {
    stem: number
    for number, stem in enumerate(
        (
            "январ",
            "феврал",
            "март",
            "апрел",
            "ма",
            "июн",
            "июл",
            "август",
            "сентябр",
            "октябр",
            "ноябр",
            "декабр",
        ),
        start=1,
    )
}
"""Stems of the Russian month names: the genitive of a date ('3 марта 2019') and the
nominative of a month heading ('Март 2019') share them."""
_RU_MONTH = (
    r"(?P<month>(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"(?:ь|я|е|й|а)?)"
)
RU_MONTHS_SHORT = {
    abbreviation: number
    for number, abbreviation in enumerate(
        ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
        start=1,
    )
} | {"сент": 9, "май": 5}
"""The abbreviated Russian months of social sites' stamps ('3 мар 2021 в 14:05')."""
_RU_MONTH_SHORT = r"(?P<month>янв|фев|мар|апр|ма[яй]|июн|июл|авг|сент?|окт|ноя|дек)"
UK_MONTHS = {
    stem: number
    for number, stem in enumerate(
        (
            "січ",
            "лют",
            "берез",
            "квіт",
            "трав",
            "черв",
            "лип",
            "серп",
            "верес",
            "жовт",
            "листопад",
            "груд",
        ),
        start=1,
    )
}
"""Stems of the Ukrainian month names, as a date writes them in the genitive ('6 грудня
2026', '3 листопада 2025')."""
_UK_MONTH = (
    r"(?P<month>(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)[а-яіїєґ]{0,3})"
)
DE_MONTHS = {"januar": 1, "jänner": 1, "märz": 3, "mär": 3, "mai": 5, "okt": 10, "dez": 12}
"""The German month names and abbreviations that share no stem with the English ones
('März', 'Mai', 'Oktober', 'Dezember'; 'Juni', 'August' read as English)."""
_DE_MONTH = (
    r"(?P<month>(?:jan|jän|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez)"
    r"(?:uar|ner|ruar|z|il|i|ust|t|tember|ober|ember)?\.?)"
)
_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
WEEKDAY = re.compile(
    r"(?<!\w)(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|пн|вт|ср|чт|пт|сб|вс)\.?(?!\w)",
    re.IGNORECASE,
)
"""A weekday's name or its abbreviation as a stamp prints it beside the date ('Fri, ',
'Saturday', 'пт')."""
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_QUOTE_OPEN = r"(?:(?P<quote>[«“„\"])\s*)?"
_QUOTE_CLOSE = r"(?(quote)\s*[»“”\"]\s*|\s+)"
"""Around a Russian date's day: a space before its month, or quotes around it, as official
papers print it ('«7» декабря 2026 г.'); an opening quote with no closing one after the
day opens a quotation, and is no part of the date."""
ROMAN_MONTHS = {
    numeral: number
    for number, numeral in enumerate(
        ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), start=1
    )
}
_ROMAN_MONTH = r"XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I"
_DATE_FORMS = (
    re.compile(
        rf"\b{_WEEKDAY}{_MONTH}(?:\s+|(?<=\.)){_DAY}(?:\s?,\s*|\s+){_YEAR}"
        r"(?:\b|(?=(?P=month)\s)|(?=[0-2]?\d:[0-5]\d))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?:\b|(?=(?P=day)\s)|(?=[0-2]?\d:[0-5]\d))",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?:\b|(?=T\d))"),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),
    re.compile(
        r"(?<![\d.])(?P<year>(?:19|20)\d\d)\.(?P<month>[01]\d)\.(?P<day>[0-3]\d)(?![\d.]\d)"
    ),
    re.compile(r"\b(?P<month>[0-3]?\d)([-/])(?P<day>[0-3]?\d)\2(?P<year>(?:19|20)\d\d)\b"),
    re.compile(
        r"\b(?P<month>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d\d)"
        r"(?=,?\s+\d{1,2}:\d\d(?:\b|[AaPp][Mm])|\([A-Z][a-z]{1,2}\)\d{1,2}:\d\d\b)"
    ),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s+'(?P<year>\d\d)\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<day>[0-3]?\d)-(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)"
        r"-(?P<year>(?:19|20)?\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<![\w.])(?P<day>[0-3]\d)\.(?P<month>[01]\d)\.(?P<year>\d\d)"
        r"(?=,?\s+(?:в\s+|at\s+)?[0-2]?\d:[0-5]\d(?:\b|[AaPp][Mm]))"
    ),
    re.compile(
        rf"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+{_DAY}\s+{_MONTH}\s+(?P<year>\d\d)"
        r"(?=\s+\d{1,2}:\d\d|\s*$)",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_MONTH}\s+{_DAY},\s+(?P<year>\d\d)\s*$", re.IGNORECASE),
    re.compile(
        rf"{_QUOTE_OPEN}\b{_DAY}{_QUOTE_CLOSE}\s*{_RU_MONTH}\s+{_YEAR}(?:\s*г\.)?", re.IGNORECASE
    ),
    re.compile(rf"\b{_DAY}\s+{_RU_MONTH_SHORT}\.?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(
        rf"{_QUOTE_OPEN}\b{_DAY}{_QUOTE_CLOSE}\s*{_UK_MONTH}\s+{_YEAR}(?:\s*р\.)?", re.IGNORECASE
    ),
    re.compile(
        rf"(?<![\w.])(?P<day>[0-3]?\d)(?:\.\s?|(?P<mark>[/-]|\s(?![IVX]\s)))"
        rf"(?P<month>{_ROMAN_MONTH})"
        rf"(?(mark)(?P=mark)|\.\s?){_YEAR}\b"
    ),
    re.compile(
        r"(?<![^\W\d_])(?P<day>[0-3]?\d)(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
        r"|dec)(?i:[a-z]{0,6}))\.?,?(?P<year>(?:1[89]|20)\d\d)\b"
    ),
    re.compile(
        rf"(?<![^\W\d_])(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\.?"
        rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,\s*{_YEAR}\b"
    ),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\s+[’'](?P<year>\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>[0-3]?\d)\.\s*{_DE_MONTH}\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(
        rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\s+\d\d:\d\d(?::\d\d)?\s+(?:(?:[A-Z]{{2,5}}|[+-]\d\d(?::?\d\d)?)\s+)?{_YEAR}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<!\w)(?:пн|вт|ср|чт|пт|сб|вс)\s+{_RU_MONTH_SHORT}\s+{_DAY}\s+\d\d:\d\d(?::\d\d)?\s+"
        rf"(?:[A-Z]{{2,5}}\s+)?{_YEAR}\b",
        re.IGNORECASE,
    ),
)
"""'March 3, 2021' (also 'Mar.3,2021', the abbreviation's stop for the space), 'Tue 3 March
2021' (also glued to its own copy or to the time, as two of a page's elements run together:
'6 Dec 20266 Dec 2026', 'December 6, 202610:05 AM ET'), '2021-03-03' (also with its time:
'2021-03-03T10:00Z'), '14.03.2023' (day first, as dotted dates are written in Russia and
Europe; with a two-digit year only before a time, as forum stamps print it: '14.03.23 в
10:05'), '3-Mar-2021' and '03-Mar-21' (as archives and exports print them), '1996/02/19'
(year first, as Usenet archives print it; '2023.03.14' with two-digit month and day, as East
Asian and some forum engines' stamps do), '3rd of March 2023', '03-24-2023' and '03/24/2023'
(month first, unless the first number cannot be a month: '24/03/2023'; with a two-digit year
only before a time, as forum stamps print it: '06/26/20 10:02 PM', '3/04/24 9:00AM', or
before a weekday glued to a time, as imageboards do: '03/12/24(Tue)21:05:33'), "Mar 14 '22",
'Tue, 09 Mar 99 18:22:41 MSK' (an old mail header: weekday, two-digit year, then a time or
nothing; FidoNet's editors leave out the comma: 'Thu 10 Sep 98 23:15'), 'Posted on Mar 14,
22' (a two-digit year after a comma, closing the line), 'Tue Oct 17 09:41:12 UTC 2023' (the
mail archives' form; 'Пт Мар 14 16:08:51 MSK 2008' in Russian), '3 марта 2019 г.' (Russian,
day first), '3 мар 2021' (Russian, abbreviated), '6 грудня 2026 р.' (Ukrainian), '8. März
2024' (German: the day's ordinal stop, then the month), '«7» декабря 2026 г.' (the day in
quotes, as Russian official papers print it), '7.XII.2026' (the month in Roman numerals, as
Russian and Polish papers print it; '7 XII 2026', '7-XII-2026' with a space or a dash, a
space only before a month of two numerals or more: '3 I 2020' is a count), 'December 7 ,
2026' (a space before the comma, as extraction leaves it), '7Dec2026', '07DEC2026',
'Dec7,2026' (day, month and year run together, as logs, military and wire stamps print them,
or as a page's cells lose their spaces), "7 Dec '26" (day first, the year cut to two
digits)."""

YEARLESS_DATE = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-3]?\d"
    r"|[0-3]?\d\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[ьяеайу]?"
    r"|(?:янв|фев|мар|апр|авг|сент?|окт|ноя|дек)\.?))"
    r"(?:,?\s+(?:в|at)?\s*\d{1,2}:\d\d(?:\s*[AaPp][Mm])?)?$",
    re.IGNORECASE,
)
"""A stamp of this year's date with no year ('Mar 18', '17 июля в 14:02', '3 мар, 10:40'):
a whole line; it names no year, so it gives no absolute date."""
AGE = re.compile(
    r"\b(\d+|an?|one)\s*(second|sec|minute|min|hour|hr|day|week|month|year|yr)s?\s+ago\b"
    r"|\b\d+\s*[smhdwy]\s+ago\b|\b(just now|yesterday)\b",
    re.IGNORECASE,
)


TWO_DIGITS = re.compile(r"\d\d")
"""Every date form holds a year of at least two digits: a text without is settled at once."""


DATES_KEPT = 4096
"""Texts whose answer :func:`find_date` keeps: the rules of every layout and grammar ask it
of a document's same lines again and again, and its answer depends on the text alone."""
BYLINES_KEPT = 2048
"""Texts whose answer :func:`find_byline` keeps, for the same reason."""


@lru_cache(maxsize=DATES_KEPT)
def find_date(text: str) -> tuple[str, str | None] | None:
    """(the date as written, its ISO form or None) of the first absolute date in `text`."""
    if not TWO_DIGITS.search(text):
        return None
    best: tuple[int, str, str | None] | None = None
    for form in _DATE_FORMS:
        match = form.search(text)
        if match is None or (best is not None and match.start() >= best[0]):
            continue
        best = (match.start(), match.group(0).strip(), _iso(match))
    if best is None:
        return None
    return best[1], best[2]


def _iso(match: re.Match[str]) -> str | None:
    month_text = match.group("month").rstrip(".").casefold()
    day = int(match.group("day"))
    if month_text.isdigit():
        month = int(month_text)
        if month > 12 >= day:  # '24/03/2023': the day came first
            month, day = day, month
    else:
        month = (
            MONTHS.get(month_text)
            or MONTHS.get(month_text[:3])
            or RU_MONTHS.get(month_text)
            or RU_MONTHS_SHORT.get(month_text)
            or RU_MONTHS.get(month_text[:-1])  # 'марта', 'мая': the ending off
            or _uk_month(month_text)
            or DE_MONTHS.get(month_text)
            or DE_MONTHS.get(month_text[:3])
            or ROMAN_MONTHS.get(month_text.upper())
            or 0
        )
    year = int(match.group("year"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


REPLY_PREFIX = re.compile(
    r"^(?:re|fwd?|aw|sv|wg|ha|ответ|отв)\s*(?:\[\d+\])?\s*:\s*", re.IGNORECASE
)
"""A mail or forum subject's reply or forward prefix ('Re: ', 'Fwd: ', 'AW: ', 'Re[2]: ',
'Ответ: '): what a reply's subject adds to its topic's."""


NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<first>[0-3]?\d)(?P<sep>[-/])(?P<second>[0-3]?\d)(?P=sep)"
    r"(?P<year>(?:19|20)?\d\d)(?![\d/-])"
)
"""A numeric date with its year last and a dash or a slash between its parts
('12-03-2024', '02/10/2023', '05/19/15'): day first or month first, as the site writes
them."""
NUMERIC_DATE_SHAPE = re.compile(r"[-/]\d\d?[-/]\d\d")
"""What every :data:`NUMERIC_DATE` holds (a separator, a number, a separator, a year): a
scan for it starts only at a '-' or '/', so a page without one is settled far sooner than
by :data:`NUMERIC_DATE`, which is tried at every character."""


def day_first_separators(text: str) -> frozenset[str]:
    """The separators ('-', '/') with which `text` writes its numeric dates day first: some
    such date has a first number that cannot be a month ('27-02-2024') and none has a
    second one that cannot ('05/19/15'). One page writes its dates one way, so its dates
    that could be read either way ('12-03-2024') are read as the others show."""
    if not NUMERIC_DATE_SHAPE.search(text):
        return frozenset()
    day_first: set[str] = set()
    month_first: set[str] = set()
    for match in NUMERIC_DATE.finditer(text):
        first, second = int(match.group("first")), int(match.group("second"))
        if 12 < first <= 31 and 1 <= second <= 12:
            day_first.add(match.group("sep"))
        elif 12 < second <= 31 and 1 <= first <= 12:
            month_first.add(match.group("sep"))
        elif _cyrillic_page(text):
            day_first.add(match.group("sep"))  # no Russian or Ukrainian site puts the month first
    return frozenset(day_first - month_first)


MIN_CYRILLIC_SHARE = 0.5
"""The least share of a page's letters in Cyrillic for it to be read as written in
Russian or Ukrainian, whose numeric dates put the day first."""


def _cyrillic_page(text: str) -> bool:
    """Whether most of the page's letters are Cyrillic."""
    letters = [char for char in text if char.isalpha()]
    cyrillic = sum(1 for char in letters if "\u0400" <= char <= "\u04ff")
    return bool(letters) and cyrillic >= MIN_CYRILLIC_SHARE * len(letters)


def day_first_iso(written: str, iso: str | None, separators: frozenset[str]) -> str | None:
    """`iso`, the ISO date of the date `written`, read day first instead when its numbers
    could be either and the page writes dates with its separator day first
    (:func:`day_first_separators`): '12-03-2024' on a page that also shows '27-02-2024' is
    2024-03-12."""
    if iso is None or not separators:
        return iso
    match = NUMERIC_DATE.search(written)
    if match is None or match.group("sep") not in separators:
        return iso
    first, second = int(match.group("first")), int(match.group("second"))
    if not (1 <= first <= 12 and 1 <= second <= 12) or iso[5:] != f"{first:02d}-{second:02d}":
        return iso  # not the date `iso` was read from, or not one read month first
    try:
        return date(int(iso[:4]), second, first).isoformat()
    except ValueError:
        return iso


def _uk_month(text: str) -> int | None:
    """The number of a Ukrainian month written with its ending ('грудня' -> 12)."""
    return next((number for stem, number in UK_MONTHS.items() if text.startswith(stem)), None)


NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}|[A-Z]\.)"
PERSON = rf"[A-Z][\w'’.-]+(?:\s+{NAME_TOKEN}){{0,4}}"
CYRILLIC_PERSON = (
    r"(?:[А-ЯЁ][а-яё'’-]+(?:\s+[А-ЯЁ](?:[а-яё'’-]+|\.)){1,3}"
    r"|(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё'’-]+)"
)
"""A Russian name: a first name then a surname (a patronymic or initials between), or the
initials before the surname ('А. В. Селиванов', 'А.В. Селиванов')."""
CYRILLIC_PEOPLE = rf"{CYRILLIC_PERSON}(?:(?:\s*,\s*|\s+и\s+){CYRILLIC_PERSON})*"
"""One or more Cyrillic names listed ('Анна Линд, Олег Соколов и Иван Петров')."""
READING_TIME = r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*(?i:min(?:ute)?s?\.?|мин\.?)(?:\s+(?i:read))?\b"
"""A reading time ('5 min read', '8–10 minutes', '6 мин'), as a byline's row prints it
after the name."""
NAME_READING_TIME = re.compile(rf"^(?P<name>[^·•|\d]{{3,80}}?)\s*[·•|]\s*{READING_TIME}")
"""A name, then the reading time ('Anna Lind · 5 min read', as a reader view or a blog
theme prints its byline): a byline when the part before the dot is only people's names
(a section's label stands there too: 'Politics · 5 min read')."""
GERMAN_BYLINE = re.compile(
    r"^(?:(?:Ein|Eine)\s+[A-ZÄÖÜ][\wäöüß-]+\s+von|Von|VON)\s+"
    r"(?P<name>[^|·•\d]{3,80}?)\s*(?:[|·•].*)?$"
)
"""A German byline: 'Von Anna Lind', 'Von Anna Lind und Jan Berg, Moskau', 'Ein Kommentar
von Anna Lind', with the date or a counter after a bar allowed."""
GERMAN_BYLINE_OPENINGS = ("Von", "VON", "Ein")


def _german_names(text: str) -> str | None:
    """The names of a German byline's rest: people's names only, a place after the last
    comma allowed ('Anna Lind, Moskau'); None on a phrase ('Moskau nach Berlin')."""
    names = person_names(text)
    if names is None and "," in text:
        head, _, place = text.rpartition(",")
        if len(place.split()) == 1:
            names = person_names(head)
    return names


BYLINE_FORMS = (
    re.compile(
        rf"^(?:posted|submitted|written|published|words|text|report(?:ed|ing)?|story"
        rf"|analysis|opinion|commentary|column|essay|interview)?\s*by[:\s]+"
        rf"(?P<name>{PERSON}(?:\s*(?:,|and|&)\s*{PERSON})*|(?-i:{CYRILLIC_PEOPLE}))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:^|[|•·]\s*)(?:author|authors|contributors?|posted by|from|byline|writer|reporter)"
        rf"\s*:\s*(?i:by\s+)?(?P<name>{PERSON})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:^|[|•·]\s*|\s)(?:автор|авторы|текст)(?:\s+(?:статьи|материала|публикации))?"
        rf"\s*(?::|\s[—–]\s*)\s*(?P<name>{CYRILLIC_PEOPLE})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?i:text|words|reporting)\s*:\s*(?P<name>[A-Z][\w'’.-]+(?:\s+{NAME_TOKEN}){{1,3}})"
        r"\s*$"
    ),
    re.compile(rf"\s(?:author|authors)\s*:\s*(?P<name>{PERSON})", re.IGNORECASE),
    re.compile(
        rf"^(?i:authors?)\s+(?P<name>[A-Z][\w'’.-]+(?:\s+{NAME_TOKEN}){{1,4}})"
        r"(?:\s*\([^()]{2,60}\))?\s*$"
    ),
    re.compile(
        rf"^[—–-]\s*(?P<name>[A-Z][\w'’.-]+(?:\s+{NAME_TOKEN}){{1,3}}),\s*"
        r"(?=.*\b\d{1,2}\b.*\d{4}\W*$)"
    ),
    re.compile(rf"\bавтором\s+(?P<name>{CYRILLIC_PERSON})\s*$", re.IGNORECASE),
    re.compile(r"^Опубликовано\s+\S.{3,40}?\s+автором\s+(?P<name>\w[\w .'’-]{0,40}?)\s*$"),
    re.compile(rf"(?:^|[|•·/–—]\s*)by\s+(?P<name>{PERSON}?)\s*(?=[|•·/–—])", re.IGNORECASE),
    re.compile(rf"^(?P<name>{PERSON})\s*[|•·/–—-]\s*(?=.*\d{{4}})"),
    re.compile(
        rf"\d{{4}}(?:\s*[|•·]\s*[^|•·]{{1,20}}?)?\s*[|•·/–—-]\s*(?:(?i:by\s+)(?P<name>{PERSON})"
        rf"|(?P<full>[A-Z][\w'’.-]+(?:\s+{NAME_TOKEN}){{1,4}}|{CYRILLIC_PEOPLE}))"
        r"(?:,\s*[^,\d|•·]{2,40})?\s*$"
    ),
    re.compile(rf"\bby\s+(?P<name>{PERSON})\s*$"),
    re.compile(rf"\d{{4}},?\s+by\s+(?P<name>{PERSON})\s*[|•·]"),
    re.compile(
        rf"^(?:writer|author)(?:'s|’s)?\s+(?:picture|photo|avatar)\s*(?-i:(?P<name>{PERSON}))$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^\S{{3,80}}?(?<=[a-z0-9])by\s+(?P<name>[A-Z][\w'’.-]+(?:\s+{NAME_TOKEN}){{1,4}})$"
    ),
)
"""'By Name' (a Cyrillic name too, as a theme left in English prints it), 'Posted by Name
on …', 'Author: Name' (also after a bar: 'Published: … | Author: Name'; 'Byline: Name', as
news databases label it), 'Name | 3 March 2021', a 'By
Name' part among a meta line's parts ('Politics / By Name / March 3, 2021'), 'Автор: Имя
Фамилия' (also 'Автор статьи: …', 'Автор — …', 'Автор: А. Фамилия'), 'Опубликовано <date>
автором Имя Фамилия', 'Text: Name' and 'Words: Name' (a full name alone after the credit's
label), a labelled field among a meta row's fields ('03.03.2021 Рубрика: X Автор: Имя
Фамилия 1 комментарий'), 'March 3, 2021 / Name', 'March 3, 2021 · 6 min · Name', '… 2021 by
Name', '… 2021 by Name | Leave a comment' (the date's byline before a link to the comments),
'March 3, 2021 — Name, Staff Writer' (a role after the name; a single word after the date is
a section's label unless 'by' names it: 'March 3, 2021 · Politics'), a label with no colon
in a two-column field list ('Author Name (Agency)'; one word after it is a table's column
heading: 'Author Message'), a signature set after a dash with its date ('— Anna Lind,
December 6, 2026'), and an author's photo's alt text glued to the name ("Writer's
pictureName"), and an image's file name or alt text glued to the byline under it
('putin-kremlin-2009by Anna Lind')."""
NOT_BYLINE = re.compile(
    r"\b(?:powered|hosted|theme|designed|built|photo|photos|image|illustration|illustrated|"
    r"supported|sponsored|funded|translated|translation)\s+by\b",
    re.IGNORECASE,
)
"""Credits that are not the author's: 'Powered by WordPress', 'Photo by …', 'Translated by
…' (a translator is never the author)."""
LINK_VERBS = frozenset(
    {"read", "view", "see", "click", "load", "show", "watch", "listen", "download"}
    | {"subscribe", "sign", "log", "follow", "join", "print"}
)
"""The verbs a link or button opens with ('Read Entire Article', 'Sign In'): never the first
word of a name."""
WIDGET_WORDS = frozenset(
    {"related", "recent", "latest", "popular", "trending", "similar", "further", "more"}
)
"""The first words of a widget's heading ('Related News', 'Recent Posts', 'More Stories'):
never the first word of a name."""
DATE_VERBS = frozenset(
    {"posted", "published", "updated", "modified", "edited", "created", "added", "dated"}
    | {"delivered", "recorded", "written", "given", "issued", "released", "filed", "submitted"}
)
"""Words that label a date ('delivered 14 June 2018', 'updated 3 March'): never a name or
a user's handle."""
_NOT_NAMES = frozenset(
    {"the", "this", "a", "an", "our", "staff", "admin", "default", "email", "share"}
    | {"continued", "continue", "more", "comments", "comment", "reply", "permalink", "edit"}
    | {"back", "return", "next", "previous", "home"}
    | LINK_VERBS
    | DATE_VERBS
    | WIDGET_WORDS
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today"}
)
"""Words a name never starts with: articles, roles, the link labels that follow a date
('Sep 2, 2010 | Continued', '2019 · Comments', 'January 2000 | Back to top'), the verbs
of links and buttons ('Read Entire Article', 'View Full Site', 'Sign In') and weekdays
('MONDAY | 11.03.2019')."""


BYLINE_LABEL = re.compile(
    r"^(?:(?:prepared|written|compiled|edited|posted|submitted|reported|published|text|words|"
    r"story|report)\s+)?by\s*:?$"
    r"|^(?:(?:an?|the)\s+)?(?:[^\W\d_]+\s+){1,2}?(?:prepared|written|compiled|submitted|presented)"
    r"\s+by\s*:?$"
    r"|^(?:authors?|author\(s\)|автор[ыа]?|подготовил[аи]?|текст)\s*:?$",
    re.IGNORECASE,
)
"""A byline's label standing alone, its names on the next line ('Prepared by', 'By',
'Author:', 'Автор:'), also after the kind of work a cover names ('A STUDY PREPARED BY',
'A thesis submitted by'): the head's metadata, never a title."""


def is_byline_label(text: str) -> bool:
    """A byline's label alone on its line (see :data:`BYLINE_LABEL`)."""
    return BYLINE_LABEL.match(text.strip()) is not None


CREDITS_AFTER = re.compile(
    r"\s*;\s*(?:(?:additional\s+)?(?:reporting|writing)|edit(?:ed|ing))\s+by\b.*$"
    r"|\s*[;,.|•·]\s*(?:photo(?:graph)?s?|images?|illustrations?|video|graphics?)"
    r"(?:\s+by\b|\s*:).*$",
    re.IGNORECASE,
)
"""The credits after a byline: the desk's on a wire story ('Reporting by X; Editing by Y')
and the pictures' ('Story by X, Photos by Y', 'By X | Photo: Y', 'Words: X. Photos: Y').
The editor and the photographer are not the author."""
BILINGUAL_LABEL = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё ]{1,30}?\s*/\s*(?=[A-Za-z])")
"""The Russian half of a bilingual label ('Автор / Author: …', 'Источник / Source: …'):
the English half is read."""


IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp|avif)$", re.IGNORECASE)
"""An image's file name standing for the picture ('KR-2291874-3.jpg'): no byline."""


def is_image_file(text: str) -> bool:
    """A line that is only an image's file name (see :data:`IMAGE_FILE`)."""
    stripped = text.strip()
    return "." in stripped[-6:] and IMAGE_FILE.match(stripped) is not None


ROW_SEPARATORS = "|•·"
"""The marks between a meta row's cells ('<Outlet> | <Name> | <date>'), no words of it (a
dash or a slash may join the words of one cell)."""
META_ROW_CELL = re.compile(rf"\s+[{ROW_SEPARATORS}]\s+")
"""Between two cells of a meta row."""
MIN_META_ROW_CELLS = 3


def _row_person(text: str) -> str | None:
    """The people named by a later cell of a dated meta row of three cells or more whose
    first cell names no person ('<Outlet> | <Name> | <date>': an outlet's, a section's or
    a label's); '' when no one cell names people (the outlet is no author); None on any
    other line, so a row opening on a name is read as before."""
    cells = META_ROW_CELL.split(text.strip())
    if len(cells) < MIN_META_ROW_CELLS or ":" in cells[0] or person_names(cells[0]) is not None:
        return None  # a labelled first cell ('Author: <name>') is read by the byline forms
    if not any(find_date(cell) for cell in cells[1:]):
        return None
    named = [names for cell in cells[1:] if (names := person_names(cell)) is not None]
    return named[0] if len(named) == 1 else ""


NAME_ROLE = re.compile(r"^(?P<name>[^|•·,–—\d]{3,60}?)\s*(?:[|•·–—]|,)\s*(?P<role>[^|•·\d]{3,60})$")
"""A name, then the writer's role after a bar, a dot, a dash or a comma ('Anna Lind |
Senior Correspondent', 'Анна Линд, обозреватель'), as a byline under a headline prints
them when no date stands beside."""
MAX_ROLE_WORDS = 6


def name_with_role(text: str) -> str | None:
    """The names of a byline of :data:`NAME_ROLE` whose role names a staff position
    (:data:`POSITION`) in a few words, no sentence; else None."""
    match = NAME_ROLE.match(text.strip()) if POSITION.search(text) else None
    if match is None:
        return None
    role = match.group("role")
    if len(role.split()) > MAX_ROLE_WORDS or role.rstrip().endswith((".", "?", "!", ":")):
        return None
    if not POSITION.search(role):
        return None
    return person_names(match.group("name"))


@lru_cache(maxsize=BYLINES_KEPT)
def find_byline(text: str, max_chars: int = 160) -> str | None:
    """The author's name on a byline-shaped line, None on any other line."""
    text = CREDITS_AFTER.sub("", BILINGUAL_LABEL.sub("", text))
    if len(text) > max_chars or NOT_BYLINE.search(text) or is_image_file(text):
        return None
    if (row_named := _row_person(text)) is not None:
        return row_named or None  # '': a dated row that names no one person
    german = GERMAN_BYLINE.match(text) if text[:3] in GERMAN_BYLINE_OPENINGS else None
    if german is not None and (names := _german_names(german.group("name"))) is not None:
        return names
    for form in BYLINE_FORMS:
        match = form.search(text)
        if match is None:
            continue
        name = _clean_name(match.group("name") or match.groupdict().get("full") or "")
        if name and name.split()[0].casefold() not in _NOT_NAMES:
            return name
    if (role_named := name_with_role(text)) is not None:
        return role_named
    timed = NAME_READING_TIME.match(text) if "min" in text or "мин" in text else None
    if timed is not None and (names := person_names(timed.group("name"))) is not None:
        return names
    initialled = INITIALLED_NAME.match(text) if "." in text[:40] else None
    if initialled and is_dateline(text[initialled.end() :]):
        name = person_name(" ".join(initialled.group("name").split()))
        if name is not None:
            return name
    if (handle_name := handle_byline(text)) is not None:
        return handle_name
    handle = HANDLE_BYLINE.match(text) or HANDLE_DATE.match(text)
    if handle and handle.group("name") in DATE_VERBS:
        handle = None  # 'delivered 14 June 2018': the date's label, no handle
    if handle and find_date(text[handle.end() :]):
        return handle.group("name")
    after = HANDLE_AFTER_DATE.match(text.strip())
    if after and find_date(after.group("when")):
        return after.group("name")
    named = NAME_ON_DATE.match(text.strip())
    if named and is_dateline(named.group("when")):
        names = person_names(named.group("name"))
        if names is not None:
            return names
    wrote = JOURNAL_WROTE.match(text)
    return wrote.group("name") if wrote else None


ON_DATE_BY = re.compile(
    rf"\bon\s+(?P<when>\S.{{4,40}}?)\s+by\s+(?P<name>{PERSON}|(?-i:[a-z][a-z0-9_.-]{{1,39}}))"
    r"(?=[.,;]?(?:\s|$))",
    re.IGNORECASE,
)
"""'… on <date> by <Name>' inside a sentence, as a blog theme closes a post ('This entry
was posted in Elections on 14 September 2025 by Yegor Shutov. Bookmark the permalink.')."""


def dated_byline(text: str) -> tuple[str, str] | None:
    """(name, date as written) of a sentence naming when and by whom the post was
    written ('… on <date> by <Name>'); None unless the date is a full date."""
    if " by " not in text or NOT_BYLINE.search(text):
        return None
    match = ON_DATE_BY.search(text)
    if match is None:
        return None
    found = find_date(match.group("when"))
    raw = match.group("name")
    name = raw if raw[:1].islower() else _clean_name(raw)  # a login: 'by admin'
    if found is None or name is None or name.split()[0].casefold() in _NOT_NAMES:
        return None
    return name, found[0]


INITIALLED_NAME = re.compile(
    r"^(?P<name>(?:[A-ZА-ЯЁ]\.\s?){1,2}\s*[A-ZА-ЯЁ][\w'’-]+"
    r"|[A-ZА-ЯЁ][\w'’-]+\s+(?:[A-ZА-ЯЁ]\.\s?){1,2})\s*,\s*"
)
"""A name with its initials before or after the surname, then a comma ('О. Н. Карпова, 21
января 2026 г.', 'Карпова О. Н., …'): with a dateline after the comma, a byline. A place
before a date has no initials ('New York, March 3')."""


TAXONOMY_LABEL = r"(?:Categories|Category|Tags|Tagged|Filed under|Posted in|Рубрики|Рубрика|Метки)"
"""The label of a post's categories or tags ('Tags: <tags>', 'Filed under: <category>')."""
TAXONOMY_CELL = re.compile(rf"(?:^|[|•·]\s*){TAXONOMY_LABEL}\s*:", re.IGNORECASE)
"""A taxonomy field opening a line or a cell of a row ('<author> | <date> | Tags: <tags>'):
a post's meta, which closes its text."""
HANDLE_BYLINE = re.compile(
    r"^(?:posted|submitted|written)\s+by\s+(?P<name>[\w.-]{2,40})\s+(?:on|at)\s+", re.IGNORECASE
)
"""A user's handle in a site's byline, where a date follows: 'Submitted by t_lind on
Tue, 03/05/2013 - 14:22' (handles are written in lower case)."""
HANDLE_DATE = re.compile(r"^(?P<name>(?-i:[a-z][a-z0-9_.-]{2,39}))\s+(?=\d)")
HANDLE = r"@?[A-Za-z][\w.-]{0,38}[A-Za-z0-9](?:@[\w-]+(?:\.[\w-]+)+)?"
"""A user's handle: one token of letters, digits, '_', '.' and '-', an instance after
'@' where the site federates ('volga_reader', 'k.lebedeva', 'kot@lemmy.example')."""
BY_HANDLE = re.compile(
    rf"(?:^|[|•·/–—»]\s*|^(?:posted|submitted|written|started|shared|post|story)\s+|(?<=\d)\s+)"
    rf"by\s+(?P<name>{HANDLE})(?P<rest>(?:[\s,|•·»/–—-]|$).*)$",
    re.IGNORECASE,
)
"""'by <handle>' opening the line or one of its parts, or after the date, a date or an age
after it ('212 points | by semyon_k 7 hours ago', 'Post by Grigory_T » Wed 22 Sep 2021', 'by
kot_v, 3 hours ago', 'March 3, 2021 by kot_v'); a handle-shaped name needs no date after it."""
HANDLE_STAMP = re.compile(rf"^(?P<name>{HANDLE})\s*[|•·–—]\s*(?P<when>\S.{{2,60}})$")
"""A login, a separator and the post's stamp ('kot_v · March 3, 2021', 'kot_v | 3 hours
ago'), as a blog platform's or a forum's header writes its poster: the name marked as a
login (:data:`LOGIN_MARK`), a tag or a version before a date being no poster ('covid19 |
March 3', 'v2.1 · March 3')."""
LOGIN_MARK = re.compile(r"[_@]|[^\W\d_]{2}\.[^\W\d_]{2}")
"""What only a login holds: an '_', an '@', or a dot between words ('anna.lind')."""
LABELLED_HANDLE = re.compile(
    rf"^(?:(?:thread|topic|discussion)\s+(?:starter|author|creator)|original\s+poster"
    rf"|автор\s+темы|author|автор)\s*:?\s+(?P<name>{HANDLE})\s*$",
    re.IGNORECASE,
)
"""A field naming the topic's or the post's author by handle ('Thread starter kot_v',
'Автор темы Lena_Novg', 'Author: lena_m'): a forum's or a blog's login, in any case."""


def is_handle(name: str) -> bool:
    """Whether a one-token name is written as a login rather than a word: with a digit, an
    '_', an '@' or a dot inside ('kot_v', 'ivan1990', 'kot@lemmy.example', 'k.lebedeva')."""
    bare = name.lstrip("@")
    return any(char.isdigit() or char in "_@" for char in bare) or "." in bare[1:-1]


def handle_byline(text: str) -> str | None:
    """The handle of a byline that names its author by login (:data:`BY_HANDLE`,
    :data:`LABELLED_HANDLE`): one written as a login with a date, an age or nothing after
    it, or a word in lower case with only the post's stamp after it ('by ostrog 6 hours
    ago'); None on a phrase ('by far the largest …') or a person's name (the byline forms
    read it)."""
    labelled = LABELLED_HANDLE.match(text) if len(text) <= 80 else None
    if labelled is not None:
        name = labelled.group("name")
        return name if is_handle(name) or name.islower() else None
    stamped = HANDLE_STAMP.match(text) if len(text) <= 80 else None
    if stamped is not None and LOGIN_MARK.search(stamped.group("name")):
        when = stamped.group("when")
        return stamped.group("name") if AGE.match(when) or is_dateline(when) else None
    match = BY_HANDLE.search(text) if "by" in text.casefold() else None
    if match is None:
        return None
    name, rest = match.group("name"), match.group("rest").strip(" ,|•·»/–—-")
    if name.casefold() in _NOT_NAMES or not (is_handle(name) or name.islower()):
        return None
    if is_handle(name):
        dated = any(pattern.search(rest) for pattern in (AGE, CLOCK)) or find_date(rest) is not None
        return name if dated or not rest else None
    rest = rest.removeprefix("on ").removeprefix("at ")
    found = find_date(rest) if AGE.match(rest) is None and CLOCK.match(rest) is None else None
    if found is not None and rest.find(found[0]) > MAX_WEEKDAY_CHARS:
        return None  # 'by far the largest turnout since March 3': a phrase, no login
    return name if found is not None or AGE.match(rest) or CLOCK.match(rest) else None


MAX_WEEKDAY_CHARS = 10
"""The most characters before a stamp's date (a weekday: 'Wed, ')."""

"""A user's handle followed at once by the date of the post: 'k_sorokin 3 мар 2021 в
14:05' (a blog platform's header). A place before a date is capitalised ('Moscow, 3
March')."""


NAME_ON_DATE = re.compile(rf"^(?P<name>{PERSON})\s+(?:on|at)\s+(?P<when>\S.{{5,60}})$")
"""A name, then 'on' and the post's date ('Anna Lind on March 3, 2021', as a blog's or a
forum's header writes its poster and stamp): a byline when the rest is a dateline and the
name only people's names."""


HANDLE_AFTER_DATE = re.compile(
    r"^(?:posted|published|written)\s+on\s+(?P<when>\S.{4,40}?)\s+by\s+"
    r"(?P<name>(?-i:[a-z][a-z0-9_.-]{1,39}))(?:\s*[|•·]\s*\S.{0,40})?$",
    re.IGNORECASE,
)
"""A user's handle after the date in a content system's byline: 'Posted on June 22, 2018 by
admin' (the account's login, in lower case, is all the page gives), a link to the comments
after a bar allowed ('… by admin | 2 Comments')."""


JOURNAL_WROTE = re.compile(r"^(?P<name>[\w.-]{2,40})\s+\((?P=name)\)\s+wrote,?$")
"""A journal entry's header naming its author twice, user name and display name: 'k_sorokin
(k_sorokin) wrote,' (LiveJournal). A quote's header ('X wrote:') names someone quoted."""


_TRAILING = re.compile(
    r"(?:\s+(?:on|at|in|for|posted|published|updated|\d).*|[\s,.;:|•·]+)$", re.IGNORECASE
)


LIST_CLOSE = re.compile(r"\s(?:and|&|и)\s")
"""How a byline closes a list of names ('A, B and C', 'А, Б и В')."""
LIST_JOINER = re.compile(r"^(?:and|&|и)\s+|\s+(?:and|&|и)\s+")
"""The word joining the last name of a list to the others, as it opens the last part
after a serial comma ('A, B, and C') or stands inside it ('A, B and C')."""


def _listed_name(part: str, listed: bool) -> bool:
    """A second author's name after a comma in a byline. In a list closed by 'and' any
    person-shaped part; else a first name and a surname, with at most an initial or a
    particle between ('Gleb Stolyarov'): three capitalised words after a comma are an
    outlet ('Anna Lind, Global News Network')."""
    if person_name(part) is None:
        return False
    tokens = part.split()
    inner = [token for token in tokens[1:-1] if not token.endswith(".")]
    return listed or all(token in NAME_PARTICLES for token in inner)


def _listed_names(part: str, listed: bool) -> bool:
    """Whether a comma's part of a byline is one listed name or the list's last two joined
    by 'and' ('B and C', 'and C' after a serial comma): every name in it passes
    :func:`_listed_name`."""
    names = [name for name in LIST_JOINER.split(part) if name]
    return bool(names) and all(_listed_name(name.strip(), listed) for name in names)


FINAL_INITIAL = re.compile(r"\s[A-ZА-ЯЁ]$")


RUN_IN_STOP = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=\S)")
"""A full stop after a word of three letters or more, inside a byline: where a run-in
byline ends its name and goes on to the outlet and the date ('By Anna Lind. The Herald.
May 3, 2021.'); an initial's or a 'Jr.' stop is shorter."""


def _clean_name(name: str) -> str | None:
    name = RUN_IN_STOP.split(name, maxsplit=1)[0]
    name = re.split(r"\s+(?:on|at|in|for)\s+|\s*[|•·]\s*|,\s*(?=\w+\s+\d)", name)[0]
    first, *others = name.split(",")
    listed = LIST_CLOSE.search(name) is not None
    kept = [first, *(part for part in others if _listed_names(part.strip(), listed))]
    name = ",".join(kept)  # 'Anna Lind, Special to the Herald': the role is no name
    before = name.rstrip()
    name = _TRAILING.sub("", name).strip(" ,.;:-–—")
    if FINAL_INITIAL.search(name) and before == name + ".":
        name += "."  # 'Galina P.': an initial keeps its full stop
    tokens = name.split()
    for position, token in enumerate(tokens):
        if token.rstrip(",.").casefold() in MONTHS and position:
            name = " ".join(tokens[:position]).strip(" ,.;:-–—")
            break
    if not name or len(name) > 60 or not name[:1].isupper():
        return None
    return name


BREADCRUMB = re.compile(r"^\S.{0,80}?(?:\s*(?:»|›|‹|>|/|\\|→)\s*\S[^»›‹>/\\→]{0,60}){1,6}$")
CRUMB_SEPARATOR = re.compile(r"[»›‹>/\\→]")
"""A character that joins a breadcrumb's parts: a line without one is no breadcrumb."""


GUILLEMET_QUOTE = re.compile(r"«[^«»]{1,200}»")
"""A quotation in guillemets ('«Выборы нам не нужны»: …'), whose closing mark is no path's
separator."""


def is_breadcrumb(text: str) -> bool:
    """'Home » Russia » Politics', 'Board index ‹ Politics ‹ Russia': short labels joined
    by a path separator, with no sentence in them; a separator may close the path ('Current
    News / Politics /')."""
    if not CRUMB_SEPARATOR.search(text):
        return False
    if "«" in text:
        text = GUILLEMET_QUOTE.sub("Q", text)  # '«…»' quotes words: its '»' joins no path
        if not CRUMB_SEPARATOR.search(text):
            return False
    text = re.sub(r"\s+(?:»|›|>|/|→)$", "", text)
    if len(text) > 160 or text.endswith((".", "?", "!")) or find_date(text) is not None:
        return False
    parts = re.split(r"\s*(?:»|›|‹|>|\s/\s|\\|→)\s*", text)
    return (
        len(parts) >= 2
        and all(0 < len(part) <= 60 for part in parts)
        and bool(BREADCRUMB.match(text))
    )


WROTE_VERBS = r"wrote|writes|написал[аи]?|написал\(а\)|пишет|schrieb|a écrit|escribió|ha scritto"
"""The verbs of a quote's attribution ('wrote', 'writes' (Gnus, notmuch), 'написал(а)')."""
WROTE = re.compile(rf"\b(?:{WROTE_VERBS})\s*:$", re.IGNORECASE)
"""The verb closing a quote's attribution ('<Name> wrote:', 'написал(а):', 'schrieb:')."""


def is_dateline(text: str) -> bool:
    """A line that is a date, with at most a short source or place before or after it
    ('The Guardian January 26, 2000', 'March 3, 2021', 'MOSCOW, March 3 2021', 'Kurgan
    Courier, March 6, 2019, p. 1. Complete text:'), and a time of day or an update's age
    ('March 6, 2018 / 11:42 AM / Updated 6 years ago')."""
    found = find_date(text) if len(text) <= 90 else None
    if found is None or WROTE.search(text):
        return False  # 'On <date>, <Name> wrote:' dates the message quoted, not this one
    rest = text.replace(found[0], " ")
    rest = CLOCK.sub(" ", UPDATED_AGE.sub(" ", PRESS_REFERENCE.sub(" ", rest)))
    rest = rest.strip(" ,.;:|/•·–—-()")
    words = [word for word in rest.split() if not (len(word) == 1 and word in ROW_SEPARATORS)]
    return len(words) <= 5 and not rest.endswith((".", "?", "!"))


CLOCK = re.compile(
    r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.IGNORECASE
)
"""A time of day beside the date ('11:42 AM', '14:05 MSK')."""
UPDATED_AGE = re.compile(
    rf"\b(?:updated|last\s+updated|modified)\b\s*:?\s*(?:(?:{AGE.pattern})|$)", re.IGNORECASE
)
"""An update stamp given as an age ('Updated 6 years ago')."""
PRESS_REFERENCE = re.compile(
    r"\b(?:pp?|стр)\.\s*\d+(?:[-–]\d+)?\b|№\s*\d+(?:\s+от\b)?|\b(?:complete|condensed|abridged|full)\s+text\s*:?\s*$",
    re.IGNORECASE,
)
"""What a press digest's source line adds to outlet and date: the page ('p. 2') and how
much of the article is given ('Condensed text:'), and a newspaper's issue number ('№38 от
04.03.2021, стр. 2')."""


AFFILIATION = re.compile(
    r"(?:\b|(?<=\b[a-z]))(?:department|faculty|school\s+of|institute|university|college|"
    r"academy|laboratory|lab)\b"
    r"|(?:\b|(?<=\b[a-z]))(?<!\bthe\s)(?:centre|center)\b|\b(?:centre|center)(?=\s+(?:for|of|on)\b)"
    r"|\b(?:университет|институт|академи|кафедр|факультет|лаборатори)",
    re.IGNORECASE,
)
"""An affiliation line ('Department of …, University of …', 'aDepartment …' with its
superscript letter run on, 'Пермский … университет'; the Russian words inflect, so only
their stems are matched). 'The centre' is the political one ('Governors and the Centre
in …'), unless a 'for', 'of' or 'on' names the institution."""
POSITION = re.compile(
    r"\b(?:analyst|fellow|director|editor|correspondent|professor|researcher|reporter|"
    r"writer|columnist|journalist|associate|chair|head|scholar|scientist|economist|"
    r"sociologist|historian|lecturer|expert|adviser|advisor|rapporteur|аналитик|эксперт|редактор|директор|"
    r"корреспондент|обозреватель|журналист|сотрудник|исследователь|руководитель|профессор|"
    r"доцент|политолог|экономист|социолог|историк)\b",
    re.IGNORECASE,
)
"""A staff position: 'Senior Analyst', 'Research Fellow', 'обозреватель'."""


OUTLET_WORDS = frozenset(
    {"news", "times", "daily", "weekly", "review", "journal", "herald", "gazette", "gazeta"}
    | {"tribune", "courier", "monitor", "chronicle", "ledger", "dispatch"}
    | {"dispatches", "press", "media", "digest", "bulletin", "magazine", "radio", "tv"}
    | {"agency", "network", "institute", "forum", "notes", "notebook", "blog", "online"}
    | {"wire", "insider", "quarterly", "newsletter", "podcast", "channel", "reports"}
    | {"новости", "вестник", "газета", "курьер", "ведомости", "известия", "журнал"}
)
"""Words of an outlet's or a site's name ('Baltic Courier', 'Steppe Business Daily',
'Kama Notebook', 'Камский Курьер'), common to mastheads everywhere and no word of a
person's name: a line holding one is no byline, however name-shaped."""
NAME_PARTICLES = frozenset(
    {"de", "da", "van", "von", "der", "al", "bin", "el", "del", "la", "le", "di"}
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")


USER_TITLE = re.compile(
    r"\b(?:member|moderator|administrator|admin|staff|banned|guest|veteran|contributor"
    r"|supporter|newbie|user)s?$|(?:участник|новичок|модератор|администратор|пользователь"
    r"|гость|ветеран|старожил|постоялец|завсегдатай|забанен)\w*$",
    re.IGNORECASE,
)
"""A forum's user title by its last word ("Well-known member", "Super Moderator"): a rank
printed under the poster's name, never a name itself."""
HEADLINE_WORDS = frozenset(
    {"of", "in", "on", "for", "to", "with", "without", "from", "after", "against", "under"}
    | {"over", "is", "are", "was", "why", "how", "what", "when", "author", "authors"}
)
"""Words a headline or a label capitalises in title case and no name holds ('Governors
Without Voters', 'Author Message'): a line with one is no person's name."""
PRESENCE_WORD = r"(?:offline|online|оффлайн|офлайн|онлайн)"
"""The word a board prints before or after a poster's name for their presence ('Offline
name', 'Онлайн name'): the software's, no part of the name."""
_PRESENCE = re.compile(PRESENCE_WORD, re.IGNORECASE)
RANK_GRADES = frozenset({"senior", "junior"})
"""The grade of a forum rank ('Senior Archivist', 'Junior Member'): no name holds it."""


def person_name(text: str) -> str | None:
    """The name on a line that holds nothing but a person's name ('Yulia Arbatova',
    'Marina K. Orlova', 'Ludwig van Berg'): two to four capitalised words or initials, no
    digits or punctuation beyond initials, hyphens and apostrophes. None on any other line.

    The shape alone cannot tell a name from a short capitalised label ('Regional Brief'):
    callers use it only where the page's layout puts an author (beside a dateline)."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or tokens[0].casefold() in _NOT_NAMES:
        return None
    if POSITION.search(text):
        return None  # 'Senior Fellow', 'Political Editor': a position, not a name
    if USER_TITLE.search(text) or any(
        token.casefold() in RANK_GRADES or _PRESENCE.fullmatch(token) for token in tokens
    ):
        return None  # 'Senior Member', 'Lena Offline': a forum's rank or presence flag
    if any(token.casefold() in HEADLINE_WORDS for token in tokens):
        return None  # 'Governors Without Voters': a title-cased headline
    if any(token.casefold().strip(".,'’") in OUTLET_WORDS for token in tokens):
        return None  # 'Baltic Courier', 'Kama Notebook': an outlet's or a site's name
    last = len(tokens) - 1
    for position, token in enumerate(tokens):
        if _INITIAL.match(token) and token[0].isupper():
            continue
        if 0 < position < last and token in NAME_PARTICLES:
            continue
        if position == last and _capital_surname(tokens):
            continue
        if not (_NAME_WORD.match(token) and token[0].isupper() and not token.isupper()):
            return None
    if all(_INITIAL.match(token) for token in tokens):
        return None
    return " ".join(tokens)


def _capital_surname(tokens: Sequence[str]) -> bool:
    """Whether the last token is a Cyrillic surname set in capitals after a first name or
    initials written in ordinary case ('Ольга ЗЫРЯНОВА', 'О. ЗЫРЯНОВА'), as the Russian
    press signs an article; a line wholly in capitals is a heading, and a Latin word in
    capitals after a capitalised one is as often a masthead's ('Moscow TIMES')."""
    surname = tokens[-1]
    return (
        len(surname) >= 2
        and surname.isupper()
        and CYRILLIC_CAPS.match(surname) is not None
        and _NAME_WORD.match(surname) is not None
        and tokens[0][:1].isupper()
        and (_INITIAL.match(tokens[0]) is not None or not tokens[0].isupper())
    )


CYRILLIC_CAPS = re.compile(r"^[А-ЯЁ][А-ЯЁ'’-]+$")


NAME_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:and|&|и|und)\s+")


def person_names(text: str) -> str | None:
    """The names on a line that holds nothing but one or more people's names ('Darya
    Korsunskaya, Gleb Stolyarov', 'Anna Lind and Oleg Sokolov'), as written; else None.
    The same caveat as :func:`person_name` holds."""
    parts = NAME_LIST_SEPARATOR.split(text.strip())
    if all(person_name(part) is not None for part in parts):
        return " ".join(text.split())
    return None
