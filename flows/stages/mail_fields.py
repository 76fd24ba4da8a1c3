"""Mail header fields as mail clients and list archives print them, in any order.

A header block is a run of ``Field: value`` lines: the label, a colon, then the value after
spaces or a tab (a print view sets label and value in two table cells). Labels are those of
the English and Russian interfaces of mail clients (Outlook, Thunderbird, webmail print
views) and of RFC 822. A block of at least ``MIN_BLOCK_FIELDS`` such lines that names a
sender or a date opens a message: at the top of a page, or inside a reply, where it opens
the message quoted whole beneath (a forwarded or 'Original Message' block). Repair never
joins a field line to the line above it; segmentation reads the head and the quoted
messages from the blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence

SENDER_LABELS = r"from|от кого|отправитель|от|від|ад|von|van|de|da|od|remitente"
"""The sender's field: 'From:', 'От:', 'От кого:' (Mail.ru), 'Отправитель:', and the
labels of the other interfaces mail clients print ('Від:', 'Von:', 'De :', 'Da:', 'Od:')."""
DATE_LABELS = (
    r"date|sent|дата|отправлено|надіслано|адпраўлена|datum|gesendet|envoyé|fecha|enviado"
    r"|data|inviato|wysłano|wysłane|verzonden"
)
"""The date's field: 'Date:', 'Sent:' (Outlook), 'Дата:', 'Отправлено:', and the same in
the other interfaces ('Надіслано:', 'Gesendet:', 'Envoyé :', 'Enviado:', 'Inviato:')."""
SUBJECT_LABELS = r"subject|subj|тема|тэма|betreff|objet|asunto|oggetto|temat|onderwerp"
RECIPIENT_LABELS = r"to|cc|bcc|кому|копия|скрытая копия|копія|каму|an|à|para|aan|kopie|dw"
OTHER_LABELS = r"reply-to|message-id|in-reply-to|references|organi[sz]ation|newsgroups|ответить"
_LABELS = rf"{SENDER_LABELS}|{DATE_LABELS}|{SUBJECT_LABELS}|{RECIPIENT_LABELS}|{OTHER_LABELS}"
_BULLET = r"(?:[*•○◦-]\s+)?"

HEADER_FIELD = re.compile(rf"^{_BULLET}(?P<label>{_LABELS})\s*:(?:\s+\S|$)", re.IGNORECASE)
"""A header field line ('From: Anna <a@b.org>', 'Кому:\tМарина', '• Date: …'); the value
may be missing (a print view with an empty 'Cc:')."""
SENDER_FIELD = re.compile(rf"^{_BULLET}(?:{SENDER_LABELS})\s*:", re.IGNORECASE)
RECIPIENT_FIELD = re.compile(rf"^{_BULLET}(?:{RECIPIENT_LABELS}|{OTHER_LABELS})\s*:", re.IGNORECASE)
"""A field that never names the message's sender ('To:', 'Кому:', 'Message-ID:')."""
SUBJECT_FIELD = re.compile(
    rf"^{_BULLET}(?:subject(?:\s*:|\s)|(?:{SUBJECT_LABELS})\s*:)\s*\S", re.IGNORECASE
)
"""'Subject: x', 'Тема: x', 'Betreff: x', or the English label alone before its value
('Subject x': a table of fields, as mod_mbox prints it, its tab turned into a space)."""
DATE_FIELD = re.compile(rf"^{_BULLET}(?:date(?:\s*:|\s)|(?:{DATE_LABELS})\s*:)\s*\S", re.IGNORECASE)
"""'Date: x', 'Отправлено: x', or the English label alone before its value (a table of
fields, its tab turned into a space)."""
MAIN_LABEL = re.compile(
    rf"^(?:(?:subject|from|date)(?:\s*:|\s)|(?:{SENDER_LABELS}|{DATE_LABELS}|{SUBJECT_LABELS})\s*:)\s*",
    re.IGNORECASE,
)
"""The label of a field whose value is read (sender, date, subject), to strip it."""
MIN_BLOCK_FIELDS = 2
CAPTION_RULE = re.compile(
    r"^[-_=]{3,}\s*[^\W\d_][^-_=]{1,40}?\s*[-_=]{3,}$|^[-_=]{10,}$"
    r"|^(?:begin forwarded message|начало пересылаемого сообщения"
    r"|anfang der weitergeleiteten nachricht|début du message réexpédié)\s*:$",
    re.IGNORECASE,
)
"""The line a client sets above a quoted message's header: a caption between dashes
('-----Original Message-----', '-------- Пересылаемое сообщение --------'), a rule
('________________________________') or Apple Mail's 'Begin forwarded message:'."""


def header_block(texts: Sequence[str], start: int) -> int:
    """The end (exclusive) of the header block opening at ``texts[start]``: at least
    ``MIN_BLOCK_FIELDS`` consecutive field lines, one of them a sender's or a date's, else
    ``start`` (no block there)."""
    end = start
    while end < len(texts) and HEADER_FIELD.match(texts[end]):
        end += 1
    if end - start < MIN_BLOCK_FIELDS:
        return start
    names = any(SENDER_FIELD.match(text) or _is_date_field(text) for text in texts[start:end])
    return end if names else start


def _is_date_field(text: str) -> bool:
    match = HEADER_FIELD.match(text)
    return match is not None and re.fullmatch(DATE_LABELS, match.group("label"), re.I) is not None


HEADED_TOP_LINES = 3
"""Lines with text at the top of a page where the header block of the mail it shows may
open (a client's print view sets a line or two above it)."""


def opening_block(texts: Sequence[str]) -> int | None:
    """Where the header block that opens a mail page starts (within its first
    ``HEADED_TOP_LINES`` lines with text, `texts`), None when no block opens it."""
    top = min(HEADED_TOP_LINES, len(texts))
    return next((start for start in range(top) if header_block(texts, start) > start), None)


FOLDED_QUOTE = (
    r"^[-\[(.…\s]*(?:quoted text hidden|(?:show|hide) (?:quoted text|rest of quote|trimmed content)"
    r"|\d{1,4} lines? of citation hidden|цитируемый текст скрыт"
    r"|(?:показать|скрыть) цитируемый текст)[-\])\s.…]*$"
)
"""A client's button or notice in place of a folded quote ('[Quoted text hidden]', '- Show
quoted text -', '... [show rest of quote]', '[... 5 lines of citation hidden ...]')."""
PART_MARKER = re.compile(
    r"^\[--\s[^\[\]]{1,100}\s--\]$|^\[\s+[a-z]+/[\w.+-]+(?:\s[^\[\]]{0,40})?\s+\]$"
    rf"|^\[\s+\d{{1,4}}-line\s[^\[\]]{{1,80}}\s+\]$|{FOLDED_QUOTE}",
    re.IGNORECASE,
)
"""A mail client's marker of a message part on a line of its own (or of a folded quote,
:data:`FOLDED_QUOTE`): mutt's '[-- Attachment
#1: x.pdf --]', '[-- End of signed data --]', a MIME type between spaced brackets ('[
text/plain ]', '[ text/html (hidden) ]': notmuch, its part's button), or the button of a
folded part ('[ 6-line hidden citation. Click/Enter to show. ]')."""

ECHO_ORIGIN = re.compile(
    r"^\*\s?Origin:\s.{1,100}\(\d{1,5}:\d{1,5}/\d{1,5}(?:\.\d{1,5})?(?:@\w+)?\)$"
)
"""An echomail message's origin line (' * Origin: <station> (2:5020/1144.7)'), the line
that closes it under its tear line."""
ECHO_TRAILER = re.compile(r"^(?:SEEN-BY|PATH):(?:\s+\d{1,5}(?::\d{1,5})?(?:/\d{1,5})?)+$")
"""The routing lines under an echomail message's origin ('SEEN-BY: 5020/52 194 1144')."""
TEAR_LINE = re.compile(r"^---(?:\s\S.{0,60})?$")
"""An echomail message's tear line ('--- GoldED 2.50+'), above its origin line."""

CELL_GAP = re.compile(r"\t|\s{3,}")
"""What sets a field's columns apart on a header row a reader or a print view lays out
('From : <Name>   <node address>   <date>'): a tab or a wide gap."""


def value_cells(text: str) -> list[str]:
    """The columns of a field's value, its label stripped ('From: Anna Lind      Thu, Mar
    21, 2024' -> ['Anna Lind', 'Thu, Mar 21, 2024'])."""
    return CELL_GAP.split(MAIN_LABEL.sub("", text).strip())
