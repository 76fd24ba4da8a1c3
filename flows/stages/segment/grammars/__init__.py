"""Comment-header grammars of thread front-ends, one module each (see
:class:`flows.stages.segment.threads.CommentGrammar`): ``NAME``, ``find_starts(lines)`` and
``parse_header(lines, position, end)``. A new front-end is a new module here."""

from __future__ import annotations

from pathlib import Path

from flows.stages.segment.registry import discover

GRAMMARS = discover(__name__, Path(__file__).parent)
"""{name: grammar module}, discovered from this package."""
