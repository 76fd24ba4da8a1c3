"""Mail header fields and header blocks, in the labels of mail clients' interfaces."""

from __future__ import annotations

import pytest

from flows.stages.mail_fields import (
    CAPTION_RULE,
    HEADER_FIELD,
    SENDER_FIELD,
    header_block,
    opening_block,
)


@pytest.mark.parametrize(
    "text",
    [
        "From: Anna Petrova <anna@example.org>",
        "Sent:\tTuesday, 14 May 2024 09:12",
        "Кому:\tМарина Белова <belova.m@example.ru>",
        "От кого: Сергей Лапин <s.lapin@example.ru>",
        "Отправлено: 14 марта 2024 г. 11:20",
        "• Date: Mon, 4 Mar 2024 10:12:00 +0300",
        "Cc:",
        "Від: Олена Коваль <o.koval@example.ua>",
        "Gesendet: Dienstag, 12. März 2024 09:41",
        "Envoyé : mercredi 6 mars 2024 14:05",
        "Asunto: Elecciones regionales",
        "Subj : Re: Turnout in the by-elections",
    ],
)
def test_header_fields(text: str) -> None:
    assert HEADER_FIELD.match(text)


@pytest.mark.parametrize(
    "text",
    [
        "Тема выборов в Думу обсуждалась весь вечер.",  # no colon after the label
        "Fromage: a cheese",
        "Dated: not a field label",
        "To the commission: we ask for the protocols.",
        "Кто: не поле",
        "Anmerkung: kein Feld",
        "A: the answer to the question",
    ],
)
def test_not_header_fields(text: str) -> None:
    assert not HEADER_FIELD.match(text)


def test_sender_labels() -> None:
    assert SENDER_FIELD.match("От кого: Сергей Лапин <s.lapin@example.ru>")
    assert SENDER_FIELD.match("Отправитель: Нина <n@example.ru>")
    assert not SENDER_FIELD.match("Кому: Нина <n@example.ru>")
    assert SENDER_FIELD.match("Von: Katrin Wolters <k.wolters@example.de>")
    assert SENDER_FIELD.match("De : Claire Dubois <c.dubois@example.fr>")
    assert not SENDER_FIELD.match("An: Arbeitskreis <ak@example.de>")


def test_a_header_block_needs_two_fields_and_a_sender_or_a_date() -> None:
    texts = ["Тема: Явка", "От: Игорь Панин <i.panin@example.org>", "Кому: Вера", "Body."]
    assert header_block(texts, 0) == 3
    assert header_block(["To: the list", "Body of the text."], 0) == 0  # one field
    assert header_block(["To: the list", "Cc: the board", "Subject: Budget"], 0) == 0


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("-----Original Message-----", True),
        ("-------- Пересылаемое сообщение --------", True),
        ("________________________________", True),
        ("-- ", False),
        ("--- a note ---", True),
        ("- list item -", False),
    ],
)
def test_caption_rules(text: str, rule: bool) -> None:
    assert bool(CAPTION_RULE.match(text)) is rule


def test_the_block_opening_a_mail_page_stands_in_its_first_lines() -> None:
    head = ["From: Anna <a@example.org>", "Date: Tue, 10 Sep 2024", "Subject: Turnout"]
    assert opening_block(["Print", *head, "Text."]) == 1
    assert opening_block(["Title", "Deck", "Byline", "Note", *head]) is None
    assert opening_block(["Just text.", "More text."]) is None
