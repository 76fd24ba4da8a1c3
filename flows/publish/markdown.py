"""Putting values that come from outside the pipeline (file names, manifest fields, the
evidence of a layout choice) into Markdown: the one escape every description uses."""

from __future__ import annotations

import html
import re

_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
"""Characters Markdown gives a meaning to inline, in table cells or at the start of a
list item: written with a backslash they stand for themselves."""


def escape_markdown(value: object) -> str:
    """`value` as literal inline Markdown text: whitespace runs (newlines included) become
    one space, so a value cannot end a table row or a list item; `&`, `<` and `>` become
    HTML entities, so no tag is ever raw; Markdown's characters are backslash-escaped, `|`
    among them, so a table keeps its columns.

    >>> escape_markdown("x|y <script>alert(1)</script>\\n# `z`")
    'x\\\\|y &lt;script&gt;alert(1)&lt;/script&gt; \\\\# \\\\`z\\\\`'
    """
    text = " ".join(str(value).split())
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def code_span(value: object) -> str:
    """`value` as an inline code span, whatever backticks it holds (the fence is longer
    than any run of them inside); whitespace runs become one space."""
    text = " ".join(str(value).split())
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
