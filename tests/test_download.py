"""download_release against a local HTTP server that can misbehave on purpose.

The served folder is a small fake output folder in the layout `flows.io.release` writes
(`releases/<version>/` with manifest.json and SHA256SUMS, `release` -> the newest), so these
tests need neither the pipeline nor the network.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import json
import random
import re
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from flows.io import download
from flows.io.download import (
    DownloadError,
    ReleaseVerificationError,
    TextProgress,
    download_release,
)
from flows.io.index import write_local_index

OLD = "0.1.0-aaaaaaaa"
NEW = "0.2.0-bbbbbbbb"
POSTS = "data/posts.parquet"


def fake_files(seed: int) -> dict[str, bytes]:
    """A few files of a release; the big ones span several download chunks."""
    rng = random.Random(seed)
    return {
        "README.md": f"# Fake release {seed}\n".encode(),
        "corpus.duckdb": rng.randbytes(600_000),
        POSTS: rng.randbytes(300_000),
        "data/comments.parquet": rng.randbytes(1_234),
        "data/empty.parquet": b"",
    }


def write_metadata(folder: Path, version: str, entries: dict[str, dict[str, object]]) -> None:
    """manifest.json and SHA256SUMS exactly as flows.io.release writes them."""
    manifest = {"dataset": "test", "version": version, "row_counts": {}, "files": entries}
    (folder / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    sums = [f"{entry['sha256']}  {name}" for name, entry in entries.items()]
    manifest_sha = hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()
    sums.append(f"{manifest_sha}  manifest.json")
    (folder / "SHA256SUMS").write_text("\n".join(sorted(sums, key=lambda s: s[66:])) + "\n")


def write_release(out: Path, version: str, files: dict[str, bytes]) -> Path:
    folder = out / "releases" / version
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    entries: dict[str, dict[str, object]] = {
        name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in sorted(files.items())
    }
    write_metadata(folder, version, entries)
    return folder


@dataclass
class Faults:
    """What the server does wrong; every field is keyed by URL path where it applies."""

    fail_first: int = 0  # answer the next N requests with 503
    cut: dict[str, int] = field(default_factory=dict)  # hang up after N body bytes, once
    corrupt: dict[str, int] = field(default_factory=dict)  # flip a byte in the next N bodies
    range_support: bool = True
    seen: list[tuple[str, str | None, int]] = field(default_factory=list)  # path, Range, status
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests_for(self, name: str) -> list[tuple[str | None, int]]:
        return [(rng, status) for path, rng, status in self.seen if path.endswith("/" + name)]


class FaultyServer(http.server.ThreadingHTTPServer):
    faults: Faults


class FaultyHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with `Range: bytes=N-` support and the faults in `server.faults`."""

    server: FaultyServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        faults = self.server.faults
        requested = self.headers.get("Range")
        with faults.lock:
            failing = faults.fail_first > 0
            faults.fail_first -= failing
            cut = faults.cut.pop(self.path, None)
            corrupt = faults.corrupt.get(self.path, 0) > 0
            if corrupt:
                faults.corrupt[self.path] -= 1
        path = Path(self.translate_path(self.path))
        if failing or not path.is_file():
            status = 503 if failing else 404
            faults.seen.append((self.path, requested, status))
            self.send_error(status)
            return
        body = path.read_bytes()
        if corrupt:
            body = bytes([body[0] ^ 0xFF]) + body[1:]
        start = 0
        match = re.fullmatch(r"bytes=(\d+)-", requested or "")
        if match and faults.range_support:
            start = int(match.group(1))
            if start >= len(body):
                faults.seen.append((self.path, requested, 416))
                self.send_error(416)
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
            faults.seen.append((self.path, requested, 206))
        else:
            self.send_response(200)
            faults.seen.append((self.path, requested, 200))
        payload = body[start:]
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if cut is not None:
            payload = payload[:cut]
            self.close_connection = True
        self.wfile.write(payload)


@dataclass
class Served:
    url: str
    root: Path
    faults: Faults

    def path(self, version: str, name: str) -> str:
        return f"/releases/{version}/{name}"


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(download, "BACKOFF_SECONDS", 0.0)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    root = tmp_path / "published"
    write_release(root, OLD, fake_files(1))
    write_release(root, NEW, fake_files(2))
    (root / "release").symlink_to(Path("releases") / NEW)
    write_local_index(root)
    faults = Faults()
    server = FaultyServer(("127.0.0.1", 0), functools.partial(FaultyHandler, directory=str(root)))
    server.faults = faults
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}", root, faults)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert not thread.is_alive()


def assert_same_release(got: Path, published: Path) -> None:
    expected = sorted(p.relative_to(published) for p in published.rglob("*") if p.is_file())
    assert sorted(p.relative_to(got) for p in got.rglob("*") if p.is_file()) == expected
    for name in expected:
        assert (got / name).read_bytes() == (published / name).read_bytes(), name
    check = subprocess.run(
        ["sha256sum", "--check", "--strict", "SHA256SUMS"],
        cwd=got,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def assert_nothing_installed(dest: Path) -> None:
    assert not dest.exists() or list(dest.iterdir()) == []


def test_download_newest_release_verifies(served: Served, tmp_path: Path) -> None:
    dest = tmp_path / "downloads"
    calls: list[tuple[str, int, int]] = []
    got = download_release(served.url, dest, progress=lambda *call: calls.append(call))
    assert got == dest / NEW
    assert_same_release(got, served.root / "releases" / NEW)
    assert [p.name for p in dest.iterdir()] == [NEW]  # no staging or .part left over
    finished = {name for name, done, total in calls if done == total}
    assert finished == {*fake_files(2), "SHA256SUMS", "manifest.json"}
    assert all(0 <= done <= total for _, done, total in calls)


def test_download_explicit_version(served: Served, tmp_path: Path) -> None:
    got = download_release(served.url + "/", tmp_path / "dl", version=OLD)
    assert got == tmp_path / "dl" / OLD
    assert_same_release(got, served.root / "releases" / OLD)
    assert all(f"/releases/{OLD}/" in path for path, _, _ in served.faults.seen)


@pytest.mark.parametrize("version", [None, OLD])
def test_download_from_file_url(served: Served, tmp_path: Path, version: str | None) -> None:
    got = download_release(served.root.as_uri(), tmp_path / "dl", version=version)
    assert_same_release(got, served.root / "releases" / (version or NEW))
    assert served.faults.seen == []


def test_latest_comes_from_the_index(served: Served, tmp_path: Path) -> None:
    index = json.loads((served.root / "releases.json").read_text())
    assert index["latest"] == NEW
    (served.root / "releases.json").write_text(json.dumps({**index, "latest": OLD}))
    assert download_release(served.url, tmp_path / "dl").name == OLD
    assert served.faults.seen[0][0] == "/releases.json"


def test_without_an_index_latest_is_what_release_holds(served: Served, tmp_path: Path) -> None:
    (served.root / "releases.json").unlink()
    assert download_release(served.url, tmp_path / "dl").name == NEW
    assert [path for path, _, _ in served.faults.seen[:2]] == [
        "/releases.json",
        "/release/manifest.json",
    ]


def test_a_wrong_version_lists_the_versions_there(served: Served, tmp_path: Path) -> None:
    with pytest.raises(DownloadError) as caught:
        download_release(served.url, tmp_path / "dl", version="0.3.0-cccccccc")
    assert str(caught.value) == (
        f"no release 0.3.0-cccccccc at {served.url}; releases: {OLD}, {NEW} (latest: {NEW})"
    )
    (served.root / "releases.json").unlink()
    with pytest.raises(DownloadError, match="HTTP 404"):
        download_release(served.url, tmp_path / "dl", version="0.3.0-cccccccc")
    assert_nothing_installed(tmp_path / "dl")


def test_download_replaces_an_existing_copy(served: Served, tmp_path: Path) -> None:
    dest = tmp_path / "dl"
    download_release(served.url, dest)
    (dest / NEW / POSTS).write_bytes(b"stale")
    got = download_release(served.url, dest)
    assert_same_release(got, served.root / "releases" / NEW)
    assert [p.name for p in dest.iterdir()] == [NEW]


def test_corrupted_file_is_refused(served: Served, tmp_path: Path) -> None:
    served.faults.corrupt[served.path(NEW, POSTS)] = 99
    dest = tmp_path / "dl"
    with pytest.raises(ReleaseVerificationError, match=rf"^{POSTS}: sha256 mismatch") as caught:
        download_release(served.url, dest)
    assert caught.value.file == POSTS
    assert "expected " in caught.value.reason and ", got " in caught.value.reason
    assert_nothing_installed(dest)


def test_failed_download_keeps_the_existing_copy(served: Served, tmp_path: Path) -> None:
    dest = tmp_path / "dl"
    download_release(served.url, dest)
    served.faults.corrupt[served.path(NEW, POSTS)] = 99
    with pytest.raises(ReleaseVerificationError):
        download_release(served.url, dest)
    assert [p.name for p in dest.iterdir()] == [NEW]
    assert_same_release(dest / NEW, served.root / "releases" / NEW)


def test_file_of_the_wrong_size_is_refused(served: Served, tmp_path: Path) -> None:
    (served.root / "releases" / NEW / POSTS).write_bytes(b"truncated")
    with pytest.raises(ReleaseVerificationError, match=rf"^{POSTS}: size mismatch"):
        download_release(served.url, tmp_path / "dl")
    assert_nothing_installed(tmp_path / "dl")


def test_transient_503s_are_retried(served: Served, tmp_path: Path) -> None:
    served.faults.fail_first = 3
    got = download_release(served.url, tmp_path / "dl", retries=3)
    assert_same_release(got, served.root / "releases" / NEW)
    assert [status for _, _, status in served.faults.seen[:4]] == [503, 503, 503, 200]


def test_gives_up_after_the_retries(served: Served, tmp_path: Path) -> None:
    served.faults.fail_first = 100
    with pytest.raises(DownloadError, match="still failing after 3 attempts: HTTP 503"):
        download_release(served.url, tmp_path / "dl", retries=2)
    assert len(served.faults.seen) == 3
    assert_nothing_installed(tmp_path / "dl")


def test_missing_version_is_not_retried(served: Served, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match=r"no release 9\.9\.9 at ") as caught:
        download_release(served.url, tmp_path / "dl", version="9.9.9")
    assert not isinstance(caught.value, ReleaseVerificationError)
    assert [status for _, _, status in served.faults.seen] == [404, 200]  # + the index
    assert_nothing_installed(tmp_path / "dl")


def test_short_read_resumes_with_a_range_request(served: Served, tmp_path: Path) -> None:
    served.faults.cut[served.path(NEW, POSTS)] = 100_000
    got = download_release(served.url, tmp_path / "dl")
    assert_same_release(got, served.root / "releases" / NEW)
    assert served.faults.requests_for(POSTS) == [(None, 200), ("bytes=100000-", 206)]


def test_short_read_without_range_support_starts_over(served: Served, tmp_path: Path) -> None:
    served.faults.range_support = False
    served.faults.cut[served.path(NEW, POSTS)] = 100_000
    got = download_release(served.url, tmp_path / "dl")
    assert_same_release(got, served.root / "releases" / NEW)  # the 200 was not appended
    assert served.faults.requests_for(POSTS) == [(None, 200), ("bytes=100000-", 200)]


def test_bad_hash_after_resume_downloads_again(served: Served, tmp_path: Path) -> None:
    """The first piece was corrupt, the resumed rest fine: redo the file from scratch."""
    served.faults.cut[served.path(NEW, POSTS)] = 100_000
    served.faults.corrupt[served.path(NEW, POSTS)] = 1
    got = download_release(served.url, tmp_path / "dl")
    assert_same_release(got, served.root / "releases" / NEW)
    assert served.faults.requests_for(POSTS) == [
        (None, 200),
        ("bytes=100000-", 206),
        (None, 200),
    ]


@pytest.mark.parametrize(
    "name", ["../evil.txt", "data/../../evil.txt", "/tmp/evil.txt", "data/./x", "SHA256SUMS"]
)
def test_manifest_path_escaping_the_release_is_refused(
    served: Served, tmp_path: Path, name: str
) -> None:
    folder = served.root / "releases" / NEW
    manifest = json.loads((folder / "manifest.json").read_text())
    entries = {
        **manifest["files"],
        name: {"bytes": 4, "sha256": hashlib.sha256(b"evil").hexdigest()},
    }
    write_metadata(folder, NEW, entries)
    dest = tmp_path / "deep" / "dl"
    with pytest.raises(ReleaseVerificationError, match="unsafe path") as caught:
        download_release(served.url, dest)
    assert caught.value.file == name
    assert_nothing_installed(dest)
    assert not list(tmp_path.rglob("evil.txt"))
    assert {path.rsplit("/", 1)[-1] for path, _, _ in served.faults.seen} == {
        "releases.json",
        "manifest.json",
        "SHA256SUMS",
    }


def test_tampered_manifest_is_refused(served: Served, tmp_path: Path) -> None:
    """Swapping a file and its manifest entry without re-signing SHA256SUMS is caught."""
    folder = served.root / "releases" / NEW
    (folder / POSTS).write_bytes(b"swapped")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"][POSTS] = {"bytes": 7, "sha256": hashlib.sha256(b"swapped").hexdigest()}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    with pytest.raises(ReleaseVerificationError, match=r"^manifest\.json: sha256 mismatch"):
        download_release(served.url, tmp_path / "dl")
    assert_nothing_installed(tmp_path / "dl")


def test_manifest_disagreeing_with_sums_is_refused(served: Served, tmp_path: Path) -> None:
    folder = served.root / "releases" / NEW
    sums = (folder / "SHA256SUMS").read_text().splitlines()
    kept = [line for line in sums if not line.endswith("  " + POSTS)]
    (folder / "SHA256SUMS").write_text("\n".join(kept) + "\n")
    with pytest.raises(ReleaseVerificationError, match=rf"^{POSTS}: missing from SHA256SUMS"):
        download_release(served.url, tmp_path / "dl")


def test_unsupported_scheme_and_bad_version() -> None:
    with pytest.raises(ValueError, match="unsupported URL scheme"):
        download_release("ftp://example.org/out", Path("unused"))
    with pytest.raises(ValueError, match="not a release version"):
        download_release("http://127.0.0.1:9", Path("unused"), version="../x")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_text_progress_prints_one_line_per_file() -> None:
    log = io.StringIO()
    progress = TextProgress(log)
    for done in (0, 500, 1000):
        progress("data/posts.parquet", done, 1000)
    progress("data/empty.parquet", 0, 0)
    lines = log.getvalue().splitlines()
    assert len(lines) == 2
    assert "data/posts.parquet" in lines[0] and "100%" in lines[0] and "1.0 kB" in lines[0]
    assert "data/empty.parquet" in lines[1] and "100%" in lines[1]

    terminal = FakeTerminal()
    progress = TextProgress(terminal)
    for done in (0, 500, 500, 1000):
        progress("data/posts.parquet", done, 1000)
    assert terminal.getvalue().count("\r") == 3  # redrawn on each new percentage
    assert " 50%" in terminal.getvalue() and terminal.getvalue().endswith("\n")
