"""Against a real Prefect server: the run and its data-quality artifact are visible through
Prefect's API, as users who watch runs in the Prefect UI see them. Also: a corrupted
intermediate record ends up in `rejects` while everything else publishes, or fails the
run under --strict."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from tests.conftest import RAW, run_cli

pytestmark = pytest.mark.xdist_group("prefect")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def prefect_server(tmp_path):
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_ENABLED="false",
    )
    prefect = Path(sys.executable).with_name("prefect")
    server = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, "prefect server exited"
            time.sleep(0.5)
        else:
            pytest.fail("prefect server did not start within 90 s")
        yield api
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_quality_artifact_is_published_to_the_prefect_server(prefect_server, tmp_path):
    result = run_cli(
        "build",
        "--raw",
        str(RAW),
        "--out",
        str(tmp_path / "out"),
        env={"PREFECT_API_URL": prefect_server},
    )
    assert result.returncode == 0, result.stderr
    runs = httpx.post(f"{prefect_server}/flow_runs/filter", json={}, timeout=10).json()
    assert [run["state_type"] for run in runs] == ["COMPLETED"]
    ui = prefect_server.removesuffix("/api")
    assert f"run: {ui}/runs/flow-run/{runs[0]['id']}\n" in result.stdout
    artifacts = httpx.post(f"{prefect_server}/artifacts/filter", json={}, timeout=10).json()
    by_key = {artifact["key"]: artifact for artifact in artifacts}
    markdown = by_key["data-quality"]
    assert markdown["flow_run_id"] == runs[0]["id"]
    assert "| rows | posts |" in markdown["data"]
    assert "| rows | comments | 7 |" in markdown["data"]
    assert by_key["data-quality-table"]["type"] == "table"


INJECT = """
import flows.stages.document as pipeline
real_segment = pipeline.segment
def corrupting_segment(*args, **kwargs):
    segmented = real_segment(*args, **kwargs)
    if segmented.comments:
        segmented.comments[0]["upvotes"] = -5
    return segmented
pipeline.segment = corrupting_segment
"""


def test_corrupted_record_is_rejected_and_the_rest_publishes(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", "--raw", str(RAW), "--out", str(out), code=INJECT)
    assert result.returncode == 0, result.stderr  # no input *file* was rejected
    with duckdb.connect(str(out / "release" / "corpus.duckdb"), read_only=True) as con:
        rejects = con.execute("select stage, reason, detail, record from rejects").fetchall()
        posts = con.execute("select count(*) from posts").fetchone()
        comments = con.execute("select count(*) from comments").fetchone()
    (invalid,) = [row for row in rejects if row[1] == "validate_comments"]
    assert invalid[0] == "validate"
    assert "upvotes: Input should be greater than or equal to 0" in invalid[2]
    assert '"upvotes": -5' in invalid[3]
    # what hangs off the held-back comment (its blocks, its replies) follows it into rejects
    followers = [row[1] for row in rejects if row is not invalid]
    assert set(followers) <= {"integrity_orphan_parent", "integrity_orphan_block"}
    held_back_comments = 1 + followers.count("integrity_orphan_parent")
    assert posts == (19,)
    assert comments == (7 - held_back_comments,)

    strict = run_cli(
        "build", "--raw", str(RAW), "--out", str(tmp_path / "strict"), "--strict", code=INJECT
    )
    assert strict.returncode == 1
    assert "validate_comments" in strict.stderr and "upvotes" in strict.stderr
    assert not (tmp_path / "strict" / "release").exists()


def test_temporary_server_moves_to_another_port_when_its_port_is_taken(tmp_path, monkeypatch):
    """The port is free when chosen, but another process (here: one that answers with
    bytes that are not HTTP, as a Dask scheduler does) may take it before the server
    binds it: the server starts again on another port instead of the build failing."""
    from flows.accel import prefect_server

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ports = iter([port])
        monkeypatch.setattr(prefect_server, "_free_port", lambda: next(ports, free_port()))
        for name in [key for key in os.environ if key.startswith("PREFECT_")]:
            monkeypatch.delenv(name)
        monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
        monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        monkeypatch.setattr(prefect_server.atexit, "register", lambda function: None)

        def answer_garbage() -> None:
            connection, _ = taken.accept()
            with connection:
                connection.recv(1024)
                connection.sendall(b"\x00\x83pickle-protocol\n\n")

        threading.Thread(target=answer_garbage, daemon=True).start()
        server = prefect_server.TemporaryApiServer(tmp_path / "api-server.log")
        try:
            server.start()
            assert server.url == f"http://127.0.0.1:{port}/api"
            server.wait()
            assert server.url != f"http://127.0.0.1:{port}/api"
            assert os.environ["PREFECT_API_URL"] == server.url
            assert httpx.get(f"{server.url}/health", timeout=5).status_code == 200
        finally:
            server.stop()


def test_a_new_home_starts_from_the_kept_database(tmp_path, monkeypatch):
    """The first server on a home without a database keeps a copy of the migrated one in
    the user's cache once it answers; the next new home starts from that copy, and the
    server answers on it."""
    from flows.accel import prefect_server

    for name in [key for key in os.environ if key.startswith("PREFECT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    monkeypatch.setattr(prefect_server.atexit, "register", lambda function: None)
    template = prefect_server.database_template()
    assert template.parent == tmp_path / "cache" / "ru-political-corpus"
    for home, seeded in ((tmp_path / "first", False), (tmp_path / "second", True)):
        monkeypatch.setenv("PREFECT_HOME", str(home))
        server = prefect_server.TemporaryApiServer(home / "api-server.log")
        try:
            server.start()
            assert (home / prefect_server.DATABASE).exists() is seeded
            server.wait()
            assert httpx.get(f"{server.url}/health", timeout=5).status_code == 200
        finally:
            server.stop()
        assert template.is_file()


def test_the_database_is_seeded_only_where_the_server_would_make_a_new_default_one(
    tmp_path, monkeypatch
):
    import sqlite3

    from flows.accel.prefect_server import save_template, seed_database

    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)
    made = tmp_path / "made.db"
    with sqlite3.connect(made) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('head')")
    template = tmp_path / "cache" / "prefect-x.db"
    save_template(made, template)
    assert not seed_database(tmp_path / "a.db", tmp_path / "missing.db")
    assert seed_database(tmp_path / "a.db", template)
    with sqlite3.connect(tmp_path / "a.db") as connection:
        assert connection.execute("SELECT * FROM alembic_version").fetchall() == [("head",)]
    assert not seed_database(tmp_path / "a.db", template)  # it has one now
    monkeypatch.setenv("PREFECT_API_DATABASE_CONNECTION_URL", "postgresql+asyncpg://db/prefect")
    assert not seed_database(tmp_path / "b.db", template)
    assert not (tmp_path / "b.db").exists()
    save_template(tmp_path / "missing.db", tmp_path / "cache" / "other.db")  # no error
    assert sorted(path.name for path in template.parent.iterdir()) == ["prefect-x.db"]
