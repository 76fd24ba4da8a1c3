"""The README's examples run against a fresh build, so the docs never drift."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import duckdb
import pytest

from flows.io.database import fts_extension_path

README = Path(__file__).resolve().parent.parent / "README.md"
pytestmark = pytest.mark.xdist_group("prefect")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(), flags=re.S)


def offline(code: str) -> str:
    """The example with `INSTALL fts; LOAD fts;` (which downloads the extension once)
    loading the same extension from the pinned `duckdb-extension-fts` wheel instead;
    tests/test_loaders.py shows `LOAD fts` by name working once it is installed."""
    extension = fts_extension_path()
    assert extension is not None
    return code.replace("INSTALL fts; LOAD fts;", f"LOAD '{extension}';")


def test_readme_sql_examples_run(seed_release):
    statements = [s.strip() for block in blocks("sql") for s in block.split(";") if s.strip()]
    assert len(statements) >= 5
    with duckdb.connect(str(seed_release / "corpus.duckdb"), read_only=True) as con:
        for statement in statements:
            con.execute(statement).fetchall()


def test_readme_duckdb_cli_examples_run(seed_release):
    commands = [
        line for block in blocks("sh") for line in block.splitlines() if line.startswith("duckdb ")
    ]
    assert commands
    with duckdb.connect(str(seed_release / "corpus.duckdb"), read_only=True) as con:
        for command in commands:
            sql = re.search(r'"(.*)"', command)
            assert sql
            assert con.execute(offline(sql.group(1))).fetchall()


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_readme_python_examples_run(seed_release, index):
    code = offline(blocks("python")[index].replace("build/release", str(seed_release)))
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, f"README.md python block {index}", "exec"), {})
    assert output.getvalue().strip()
