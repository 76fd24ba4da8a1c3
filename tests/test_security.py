"""Security: the raw folder is the only thing read, input is data and never code, the query
helper cannot write, and a build makes no network access.

Path checks of `flows.io.raw` itself are in tests/test_raw_io.py; here they are followed
through the pipeline and the whole flow. One CLI run (Prefect's temporary server costs
15-20 s) covers the flow-level checks.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from flows.config import PipelineConfig
from flows.io.database import connect_read_only
from flows.io.raw import iter_raw, scan_raw_folder
from flows.io.release import (
    build_release_database,
    concat_parts,
    new_staging,
    write_batch_parts,
    write_table,
)
from flows.stages.document import process_batch
from schemas import TABLES
from tests.conftest import RAW, ROOT

pytestmark = pytest.mark.xdist_group("prefect")

SECRET = "TOP-SECRET-OUTSIDE-THE-RAW-FOLDER"
HOSTILE_LINES = [
    "'); drop table posts; --",
    '"; DROP TABLE documents; SELECT "',
    "{{7*7}} {% for x in range(3) %}{{ x }}{% endfor %}",
    "__import__('os').system('touch PWNED')",
    "eval(\"open('PWNED', 'w')\") ${jndi:ldap://example.invalid/a} $(touch PWNED) `touch PWNED`",
    "<script>alert(1)</script> %s %n %x {0.__class__} \\x00 \\u0000",
    "COPY posts TO '/tmp/PWNED.csv'; ATTACH 'PWNED.db'; INSTALL httpfs; LOAD httpfs;",
]
HOSTILE_TEXT = (
    "Injection-looking text is only text\n\n"
    + "\n\n".join(f"{line} — published as written." for line in HOSTILE_LINES)
    + "\n"
)
HOSTILE_NAME = "a'); drop table posts; --$(touch PWNED).txt"
HOSTILE_PUBLISHER = "'); DROP TABLE documents; -- {{7*7}}"
SEED = "003_53b66d5e05b30e36.txt"

NETWORK_GUARD = '''
"""Installed as sitecustomize for every Python process of a build (PYTHONPATH is inherited by
Prefect's server): any socket connect or name lookup that is not loopback is logged to
$NETWORK_GUARD_LOG and refused."""
import os
import socket
import sys

_LOG = os.environ["NETWORK_GUARD_LOG"]
with open(_LOG + ".loaded", "a", encoding="utf-8") as _handle:
    _handle.write(" ".join(sys.orig_argv[1:4]) + "\\n")
_LOCAL = {"127.0.0.1", "::1", "localhost", "0.0.0.0", "::", None, ""}


def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {what}\\n")
    raise OSError(101, f"network access refused by the test: {what}")


def _check(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0] if isinstance(address, tuple) else address
        if host not in _LOCAL:
            _refuse(f"connect {address!r}")


_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def connect(self, address):
    _check(self, address)
    return _connect(self, address)


def connect_ex(self, address):
    _check(self, address)
    return _connect_ex(self, address)


_getaddrinfo = socket.getaddrinfo


def getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name not in _LOCAL:
        _refuse(f"getaddrinfo {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
socket.getaddrinfo = getaddrinfo
'''


# --- pure level -----------------------------------------------------------------------------


def test_pipeline_makes_no_network_access(monkeypatch, seed_raws, config):
    """The pure stages over the seeds with every way out of the process refused."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access refused by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = process_batch(seed_raws, config)
    assert len(result.tables["documents"]) == 5
    assert result.rejections == []
    assert attempts == []


def test_symlink_outside_never_reaches_the_pipeline(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / SEED, raw / SEED)
    (raw / "link.txt").symlink_to(outside / "secret.txt")
    (raw / "dir.txt").symlink_to(outside, target_is_directory=True)
    (raw / "relative.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (raw / "manifest.json").write_text(
        json.dumps({"sources": [{"file": "../outside/secret.txt"}, {"file": "/etc/passwd"}]})
    )
    corpus = scan_raw_folder(raw)
    result = process_batch([*corpus.rejections, *iter_raw(raw, corpus.sources)], PipelineConfig())
    assert [d["source_file"] for d in result.tables["documents"]] == [SEED]
    assert sorted((r.source_file, r.reason) for r in result.rejections) == [
        ("../outside/secret.txt", "ingest_unsafe_path"),
        ("/etc/passwd", "ingest_unsafe_path"),
        ("dir.txt", "ingest_unsafe_path"),
        ("link.txt", "ingest_unsafe_path"),
        ("relative.txt", "ingest_unsafe_path"),
    ]
    dumped = json.dumps([r.as_row() for r in result.rejections]) + json.dumps(
        result.tables, default=str
    )
    assert SECRET not in dumped


def test_manifest_symlinked_from_outside_is_ignored(tmp_path):
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps({"sources": [{"file": SEED, "publisher": SECRET}]}))
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / SEED, raw / SEED)
    (raw / "manifest.json").symlink_to(outside)
    corpus = scan_raw_folder(raw)
    assert [(r.source_file, r.reason) for r in corpus.rejections] == [
        ("manifest.json", "ingest_unsafe_path")
    ]
    assert corpus.sources[0].publisher is None


@pytest.mark.parametrize("folder", ["it's out", "out[1]"])
def test_output_path_is_never_sql(tmp_path, folder):
    staging = new_staging(tmp_path / folder)
    row = {"doc_id": "0" * 16, "rule": "nav_link", "text": "Home", "start": 0, "end": 4}
    write_batch_parts(staging / "parts", 0, {"dropped": [row]})
    for model in TABLES:
        if model.table not in ("rejects", "qc"):
            concat_parts(staging, model)
        else:
            write_table(staging, model, [])
    build_release_database(staging)
    connection = duckdb.connect(str(staging / "corpus.duckdb"), read_only=True)
    assert connection.execute("select text from dropped").fetchall() == [("Home",)]


# --- the whole flow, through the CLI, with the network refused -------------------------------


@pytest.fixture(scope="module")
def guarded_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("security")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n\nNothing here may be published.\n")
    raw = base / "raw"
    raw.mkdir()
    shutil.copy(RAW / SEED, raw / SEED)
    (raw / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (raw / HOSTILE_NAME).write_text(
        "A file whose name looks like SQL and shell.\n\nIts text is plain.\n", encoding="utf-8"
    )
    (raw / "secret.txt").symlink_to(outside / "secret.txt")
    (raw / "manifest.json").write_text(
        json.dumps(
            {
                "sources": [
                    {"file": "hostile.txt", "layout": "article", "publisher": HOSTILE_PUBLISHER},
                    {"file": "../outside/secret.txt", "layout": "article"},
                ]
            }
        )
    )
    guard = base / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(textwrap.dedent(NETWORK_GUARD))
    log = base / "network.log"
    log.touch()
    out = base / "out"
    cwd = base / "cwd"
    cwd.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(
        PYTHONPATH=os.pathsep.join([str(guard), str(ROOT)]),
        NETWORK_GUARD_LOG=str(log),
        HTTP_PROXY="http://127.0.0.1:9",
        HTTPS_PROXY="http://127.0.0.1:9",
        ALL_PROXY="http://127.0.0.1:9",
        http_proxy="http://127.0.0.1:9",
        https_proxy="http://127.0.0.1:9",
        NO_PROXY="127.0.0.1,localhost,::1",
        no_proxy="127.0.0.1,localhost,::1",
    )
    result = subprocess.run(
        [sys.executable, "-m", "flows", "build", "--raw", str(raw), "--out", str(out)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return base, out / "release", result, log


def query(release: Path, sql: str, *params: object) -> list[tuple]:
    with duckdb.connect(str(release / "corpus.duckdb"), read_only=True) as connection:
        return connection.execute(sql, list(params)).fetchall()


def test_guarded_build_publishes_without_network(guarded_build):
    _, release, result, log = guarded_build
    assert result.returncode == 0, result.stdout + result.stderr
    assert "input file(s) rejected" in result.stderr  # the refused symlink, warned about
    assert log.read_text() == "", "a build process tried to reach the network"
    loaded = Path(f"{log}.loaded").read_text()
    assert "-m flows build" in loaded, loaded  # the CLI
    assert "uvicorn" in loaded, loaded  # Prefect's temporary server
    check = subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=release)
    assert check.returncode == 0


def test_the_guard_is_active_in_build_processes(guarded_build, tmp_path):
    """The guard would have caught an attempt: same environment, one outbound connect."""
    base, _, _, _ = guarded_build
    log = tmp_path / "probe.log"
    env = {**os.environ, "PYTHONPATH": str(base / "guard"), "NETWORK_GUARD_LOG": str(log)}
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), 1)"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode != 0
    assert "192.0.2.1" in log.read_text()


def test_input_is_published_verbatim_and_never_evaluated(guarded_build):
    base, release, _, _ = guarded_build
    ((text, publisher),) = query(
        release, "select text, publisher from documents where source_file = 'hostile.txt'"
    )
    for line in HOSTILE_LINES:
        assert line in text
    assert publisher == HOSTILE_PUBLISHER
    bodies = "\n".join(row[0] for row in query(release, "select body from posts"))
    assert HOSTILE_LINES[0] in bodies
    assert query(release, "select count(*) from documents where source_file = ?", HOSTILE_NAME) == [
        (1,)
    ]
    assert not [path for path in base.rglob("*PWNED*") if "touch PWNED" not in path.name]
    assert not Path("/tmp/PWNED.csv").exists()


def test_tables_are_intact(guarded_build):
    _, release, _, _ = guarded_build
    manifest = json.loads((release / "manifest.json").read_text())
    tables = {name for (name,) in query(release, "select table_name from duckdb_tables()")}
    assert {
        "documents",
        "posts",
        "comments",
        "blocks",
        "footnotes",
        "rejects",
        "dropped",
        "qc",
    } <= (tables)
    for table, count in manifest["row_counts"].items():
        assert query(release, f"select count(*) from {table}") == [(count,)]
    assert manifest["row_counts"]["documents"] == 3
    assert manifest["row_counts"]["posts"] >= 3


def test_symlink_outside_is_refused_through_the_flow(guarded_build):
    _, release, result, _ = guarded_build
    assert query(release, "select count(*) from documents where contains(text, ?)", SECRET) == [
        (0,)
    ]
    rejects = query(release, "select source_file, stage, reason from rejects order by 1")
    assert ("secret.txt", "ingest", "ingest_unsafe_path") in rejects
    assert ("../outside/secret.txt", "ingest", "ingest_unsafe_path") in rejects
    assert "secret.txt" in result.stderr
    for path in release.resolve().rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_query_helper_is_read_only(guarded_build):
    _, release, _, _ = guarded_build
    connection = connect_read_only(release / "corpus.duckdb")
    try:
        assert connection.execute("select count(*) from posts").fetchall()[0][0] >= 3
        assert connection.execute("select count(*) from search('Moscow')").fetchall()[0][0] >= 1
        for statement in (
            "drop table posts",
            "delete from documents",
            "create table pwned (x int)",
            "insert into rejects (source_file) values ('x')",
        ):
            with pytest.raises(duckdb.Error, match="read-only"):
                connection.execute(statement)
    finally:
        connection.close()
    assert query(release, "select count(*) from documents") == [(3,)]
