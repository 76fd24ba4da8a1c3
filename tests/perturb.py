"""Content-preserving transforms of a fixture's text: the same page as another scraper
might have turned it into text (``python -m tests.realworld_eval --perturb NAME``).

Each transform is pure (text in, text out) and keeps every word, its order and the line a
word starts on or a later one, so the fixture's gold still applies: the eval compares
phrases with whitespace collapsed (``realworld_eval._norm``), and a blank line, a line end,
an NBSP or a tab are all whitespace there. What a transform changes is only what a reader
of the page would not see: line ends, blank lines, spaces, wraps, a byte-order mark.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

_LEADING_SPACES_RE = re.compile(r"^ +", re.MULTILINE)


def double_spaced(text: str) -> str:
    """A blank line after every line (html2text and reader views give each line of a page
    a block of its own): a paragraph break, one blank line, becomes three."""
    return text.replace("\n", "\n\n")


def crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


def trailing_spaces(text: str) -> str:
    """Two spaces after every line with text (Markdown's hard break, copy from a browser)."""
    return "\n".join(line + "  " if line.strip() else line for line in text.split("\n"))


def nbsp_indent(text: str) -> str:
    """Indentation written with NBSPs (HTML ``&nbsp;`` padding of nested comments)."""
    return _LEADING_SPACES_RE.sub(lambda m: "\u00a0" * len(m.group()), text)


def tabs(text: str) -> str:
    """Indentation written with tabs at 8-column stops, as ``unexpand --first-only``."""
    return _LEADING_SPACES_RE.sub(
        lambda m: "\t" * (len(m.group()) // 8) + " " * (len(m.group()) % 8), text
    )


def no_blank_lines(text: str) -> str:
    """Every blank line removed (a scraper that joins a page's text nodes with one line
    end): paragraph breaks are lost, only line shapes are left to read."""
    return "\n".join(line for line in text.split("\n") if line.strip())


def rewrap72(text: str) -> str:
    """Lines longer than 72 columns re-wrapped at word boundaries (``fold -s``, a mail
    client's or lynx's fixed width); a continuation keeps its line's indentation, shorter
    lines and blank lines are left as they are."""
    out = []
    for line in text.split("\n"):
        if len(line) <= 72 or not line.strip():
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out.extend(
            textwrap.wrap(
                line.strip(),
                72,
                initial_indent=indent,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


def bom(text: str) -> str:
    """A UTF-8 byte-order mark before the text (Windows editors' "UTF-8 with BOM")."""
    return "\ufeff" + text


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "double_spaced": double_spaced,
    "crlf": crlf,
    "trailing_spaces": trailing_spaces,
    "nbsp_indent": nbsp_indent,
    "tabs": tabs,
    "no_blank_lines": no_blank_lines,
    "rewrap72": rewrap72,
    "bom": bom,
}
"""Every transform by name, in the order the eval's summary table lists them."""
