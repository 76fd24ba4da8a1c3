"""Publishing the seeds' release to an S3-compatible store and to a folder, then finding,
downloading and querying it where it was published, all offline: an S3 server (moto) and
a plain HTTP server run on loopback inside the test process, and DuckDB's httpfs extension
is loaded from its pinned wheel."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.io import publish
from flows.io.download import DownloadError, download_release, fetch_index
from flows.io.index import index_bytes, local_index, releases_index
from flows.io.publish import S3Store, publish_release, s3_client
from tests.conftest import ROOT

BUCKET = "corpus"
OLD_VERSION = "0.0.1-0ldc0py0"


@pytest.fixture(scope="module")
def s3_env() -> Iterator[dict[str, str]]:
    """An S3 server on loopback with one bucket; the AWS variables that point at it are
    set for this module's tests and returned for subprocesses."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        patch.delenv("AWS_PROFILE", raising=False)
        s3_client().create_bucket(Bucket=BUCKET)
        yield env
    server.stop()


@pytest.fixture(scope="module")
def older_release(seed_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' release under another, earlier version: a second release to publish
    before the seeds' one (its manifest and SHA256SUMS rewritten to match)."""
    folder = tmp_path_factory.mktemp("older") / OLD_VERSION
    shutil.copytree(seed_release.resolve(), folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(version=OLD_VERSION, date_published="2000-01-01")
    (folder / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    sums = (folder / "SHA256SUMS").read_text().splitlines()
    manifest_sha = hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()
    sums = [f"{manifest_sha}  manifest.json" if s.endswith("  manifest.json") else s for s in sums]
    (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    return folder


def version_of(release: Path) -> str:
    return str(json.loads((release / "manifest.json").read_text())["version"])


def run_flows(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def s3_index(prefix: str) -> dict[str, object]:
    body = s3_client().get_object(Bucket=BUCKET, Key=f"{prefix}/releases.json")["Body"]
    return dict(json.loads(body.read()))


def assert_verifies(folder: Path, published: Path) -> None:
    """Every file of `published` is in `folder` with the same bytes; sha256sum agrees."""
    names = sorted(p.relative_to(published) for p in published.rglob("*") if p.is_file())
    assert sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file()) == names
    for name in names:
        assert (folder / name).read_bytes() == (published / name).read_bytes(), name
    check = subprocess.run(
        ["sha256sum", "--check", "--strict", "SHA256SUMS"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_publish_to_s3_then_list_download_and_refuse_a_wrong_version(
    s3_env: dict[str, str], seed_release: Path, older_release: Path, tmp_path: Path
) -> None:
    url = f"s3://{BUCKET}/cli"
    version = version_of(seed_release)
    for release in (older_release, seed_release):
        result = run_flows("publish", "--release", str(release), "--to", url, env=s3_env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"published {version_of(release)} → {url} (" in result.stdout

    index = s3_index("cli")
    assert index["latest"] == version
    entries = {entry["version"]: entry for entry in index["releases"]}  # type: ignore[attr-defined]
    assert list(entries) == [OLD_VERSION, version]  # by date
    manifest = json.loads((seed_release / "manifest.json").read_text())
    assert entries[version]["row_counts"] == manifest["row_counts"]
    assert entries[version]["input_digest"] == manifest["input_digest"]
    assert entries[version]["pipeline_digest"] == manifest["pipeline_digest"]
    assert entries[version]["manifest"] == f"releases/{version}/manifest.json"

    listed = run_flows("releases", url, env=s3_env)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["version", "date", "documents"]
    assert re.match(rf"\*\s+{re.escape(version)}\s", lines[2])
    assert lines[1].split()[:2] == [OLD_VERSION, "2000-01-01"]
    assert lines[-1] == f"latest: {version}"

    latest = download_release(url, tmp_path / "dl")
    assert latest == tmp_path / "dl" / version
    assert_verifies(latest, seed_release.resolve())
    older = download_release(url, tmp_path / "dl", version=OLD_VERSION)
    assert_verifies(older, older_release)

    wrong = run_flows(
        "download", url, "--version", "9.9.9-nothere", "--dest", str(tmp_path / "x"), env=s3_env
    )
    assert wrong.returncode == 1
    assert wrong.stderr.strip().splitlines() == [
        f"error: no release 9.9.9-nothere at {url}; releases: {OLD_VERSION}, {version} "
        f"(latest: {version})"
    ]
    assert not (tmp_path / "x").exists()


def test_republishing_uploads_nothing(s3_env: dict[str, str], seed_release: Path) -> None:
    first = publish_release(seed_release, f"s3://{BUCKET}/again")
    assert first.unchanged == [] and "releases.json" in first.uploaded
    again = publish_release(seed_release, f"s3://{BUCKET}/again")
    assert again.uploaded == []
    assert sorted(again.unchanged) == sorted(first.uploaded)


def test_a_publish_killed_midway_keeps_the_old_index_and_a_rerun_completes(
    s3_env: dict[str, str],
    seed_release: Path,
    older_release: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"s3://{BUCKET}/killed"
    publish_release(older_release, url)
    before = s3_index("killed")

    real_put = S3Store.put
    calls: list[str] = []

    def dying_put(self: S3Store, key: str, source: Path | bytes, sha256: str) -> None:
        if len(calls) == 4:
            raise ConnectionError("killed")
        calls.append(key)
        real_put(self, key, source, sha256)

    monkeypatch.setattr(S3Store, "put", dying_put)
    with pytest.raises(ConnectionError):
        publish_release(seed_release, url)
    assert all(key.startswith("releases/") and "/data/" in key for key in calls)
    assert s3_index("killed") == before  # the old index, untouched
    assert download_release(url, tmp_path / "dl").name == OLD_VERSION

    monkeypatch.setattr(S3Store, "put", real_put)
    rerun = publish_release(seed_release, url)
    assert not set(rerun.uploaded) & set(calls)  # what got there is not sent again
    assert set(calls) <= set(rerun.unchanged)
    assert rerun.uploaded[-2:] == [f"releases/{rerun.version}/manifest.json", "releases.json"]
    assert s3_index("killed")["latest"] == rerun.version
    assert_verifies(download_release(url, tmp_path / "dl"), seed_release.resolve())


def httpfs(connection: duckdb.DuckDBPyConnection) -> None:
    """Load httpfs from the pinned wheel's file (offline; no INSTALL)."""
    import duckdb_extension_httpfs

    folder = Path(duckdb_extension_httpfs.__file__).parent / "extensions"
    [extension] = folder.rglob("httpfs.duckdb_extension")
    connection.execute(f"LOAD '{extension}'")


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with HEAD and single `Range: bytes=a-b` requests, as httpfs reads."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> object:
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return None
        size = path.stat().st_size
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range") or "")
        start, end = 0, size - 1
        if match:
            start = int(match.group(1))
            end = min(int(match.group(2) or size - 1), size - 1)
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        else:
            self.send_response(200)
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self._range = (start, end)
        return path

    def do_GET(self) -> None:
        path = self.send_head()
        if isinstance(path, Path):
            start, end = self._range
            with path.open("rb") as handle:
                handle.seek(start)
                self.wfile.write(handle.read(end - start + 1))

    def do_HEAD(self) -> None:
        self.send_head()


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    root = tmp_path / "site"
    root.mkdir()
    handler = functools.partial(RangeHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_publish_to_a_folder_served_over_http_attach_and_download(
    seed_release: Path, older_release: Path, http_root: tuple[Path, str], tmp_path: Path
) -> None:
    root, base = http_root
    publish_release(older_release, root.as_uri())
    result = publish_release(seed_release, str(root))  # a plain path works too
    assert not list(root.rglob(".*"))  # no temporary file left behind
    assert publish_release(seed_release, root.as_uri()).uploaded == []

    assert fetch_index(base)["latest"] == result.version
    assert_verifies(download_release(base, tmp_path / "dl"), seed_release.resolve())
    with pytest.raises(
        DownloadError, match=re.escape(f"releases: {OLD_VERSION}, {result.version} ")
    ):
        download_release(base, tmp_path / "dl", version="0.0.0-missing0")

    con = duckdb.connect()
    httpfs(con)
    con.execute(f"ATTACH '{base}/releases/{result.version}/corpus.duckdb' AS remote (READ_ONLY)")
    counts = dict(con.sql("select kind, count(*) from remote.posts group by all").fetchall())
    manifest = json.loads((seed_release / "manifest.json").read_text())
    assert sum(counts.values()) == manifest["row_counts"]["posts"]


def test_a_release_that_does_not_match_its_manifest_is_not_published(
    seed_release: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(seed_release.resolve(), broken)
    (broken / "data" / "qc.parquet").write_bytes(b"not the file")
    with pytest.raises(publish.PublishError, match=r"qc\.parquet: does not match"):
        publish_release(broken, str(tmp_path / "site"))
    assert not (tmp_path / "site").exists()


def test_the_build_writes_the_local_index(seed_release: Path) -> None:
    out = seed_release.parent
    index = local_index(out)
    assert index is not None
    assert (out / "releases.json").read_bytes() == index_bytes(index)
    assert index["latest"] == seed_release.resolve().name


def test_the_index_orders_releases_and_names_latest() -> None:
    def manifest(version: str, date: str | None) -> dict[str, object]:
        return {
            "version": version,
            "date_published": date,
            "row_counts": {"posts": 1},
            "files": {"a": {"bytes": 2, "sha256": "0" * 64}, "b": {"bytes": 3, "sha256": "1" * 64}},
        }

    index = releases_index(
        [
            manifest("0.2.0-b", "2026-02-01"),
            manifest("0.1.0-a", "2026-01-01"),
            manifest("0.0.9", None),
        ],
        latest="0.1.0-a",
    )
    assert [entry["version"] for entry in index["releases"]] == ["0.0.9", "0.1.0-a", "0.2.0-b"]
    assert index["latest"] == "0.1.0-a"
    assert index["releases"][1]["bytes"] == 5
    assert index["releases"][1]["manifest"] == "releases/0.1.0-a/manifest.json"
    with pytest.raises(ValueError, match="latest release"):
        releases_index([manifest("0.1.0-a", None)], latest="0.3.0")


def test_the_readme_remote_sql_runs_against_s3_and_http(
    s3_env: dict[str, str], seed_release: Path, http_root: tuple[Path, str]
) -> None:
    """The README's `sql remote` block, with the release published to the bucket it
    names (on the loopback S3 server, reached through a secret) and to a folder served
    over HTTP in place of its https host."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```sql remote\n(.*?)```", readme, flags=re.S)
    example_version = re.search(r"/releases/([^/]+)/", block)
    assert example_version
    s3_client().create_bucket(Bucket="my-bucket")
    version = publish_release(seed_release, "s3://my-bucket/corpus").version
    root, base = http_root
    publish_release(seed_release, root.as_uri())

    code = block.replace(example_version.group(1), version)
    code = code.replace("https://data.example.org/corpus", base)
    code = code.replace("INSTALL httpfs; LOAD httpfs;", "")
    endpoint = s3_env["AWS_ENDPOINT_URL"].removeprefix("http://")
    con = duckdb.connect()
    httpfs(con)
    con.execute(
        f"""CREATE SECRET (TYPE s3, KEY_ID 'testing', SECRET 'testing', REGION 'us-east-1',
        ENDPOINT '{endpoint}', URL_STYLE 'path', USE_SSL false)"""
    )
    results = [con.execute(s).fetchall() for s in code.split(";") if s.strip()]
    manifest = json.loads((seed_release / "manifest.json").read_text())
    assert sum(n for _, n in results[0]) == manifest["row_counts"]["posts"]
    assert results[-1] == [(manifest["row_counts"]["comments"],)]


def test_hf_layout_is_a_dataset_repository_datasets_loads(
    seed_release: Path, tmp_path: Path
) -> None:
    from tests.test_loaders import client

    hub = tmp_path / "hub"
    (hub / ".git").mkdir(parents=True)
    (hub / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (hub / "data").mkdir()
    (hub / "data" / "gone.parquet").write_bytes(b"of an earlier release")
    result = run_flows(
        "publish", "--release", str(seed_release), "--to", f"hf-layout:{hub}", env={}
    )
    assert result.returncode == 0, result.stdout + result.stderr

    release = seed_release.resolve()
    names = sorted(p.relative_to(release) for p in release.rglob("*") if p.is_file())
    kept = sorted(
        p.relative_to(hub) for p in hub.rglob("*") if p.is_file() and ".git" not in p.parts
    )
    assert kept == sorted([*names, Path(".gitattributes")])  # the stale file is gone
    assert (hub / ".git" / "HEAD").is_file()
    assert "*.parquet filter=lfs" in (hub / ".gitattributes").read_text()
    assert publish_release(seed_release, f"hf-layout:{hub}").uploaded == []

    loaded = client("hf", str(hub), "posts", "comments", home=tmp_path)
    counts = json.loads((release / "manifest.json").read_text())["row_counts"]
    for table in ("posts", "comments"):
        assert "error" not in loaded[table], loaded[table]
        assert len(loaded[table]["rows"]) == counts[table]
        assert loaded[table]["features"] == loaded[table]["expected_features"]
