"""Plug-in discovery: every public module of a package is one entry, named by its module.

Layouts (:mod:`.layouts`) and thread header grammars (:mod:`.grammars`) are declared this
way only: adding one is adding a module. The names are the modules' names, sorted, so
the set is the same on every machine.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from types import ModuleType


def module_names(folder: Path) -> tuple[str, ...]:
    """Names of the public modules in `folder` (no import needed)."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if m.name[0] != "_"))


def discover(package: str, folder: Path) -> dict[str, ModuleType]:
    """{name: module} of the public modules of `package` (whose folder is `folder`)."""
    return {name: importlib.import_module(f"{package}.{name}") for name in module_names(folder)}
