"""The process pool's fork server (`flows.pool`, `flows.preload`): it may fork only while
it holds no thread, and it holds lingua's models before the first worker is forked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PROBE = """
import os, sys
import flows.preload
threads = len(os.listdir("/proc/self/task"))
held = sorted(m for m in ("duckdb", "pyarrow", "prefect") if m in sys.modules)
print(threads, held)
"""


def test_preload_leaves_one_thread_and_no_threaded_library():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split(None, 1) == ["1", "[]\n"]


def test_a_forked_worker_detects_as_a_fresh_process():
    """Detection in a child forked after `load_models` (lingua's parallel call then starts
    its threads in the child) gives the values of a process that loaded nothing first."""
    code = """
import os, json
from flows.config import PipelineConfig
from flows.stages.enrich.language import detect_languages, load_models
config = PipelineConfig().language
texts = ["The vote was held on Sunday in Moscow.", "Голосование прошло в воскресенье.",
         "Голосування відбулося в неділю."]
load_models(config)
read, write = os.pipe()
if os.fork() == 0:
    guesses = detect_languages(texts, config)
    os.write(write, json.dumps([repr(g) for g in guesses]).encode())
    os._exit(0)
os.wait()
print(os.read(read, 1 << 16).decode())
"""
    fresh = """
import json
from flows.config import PipelineConfig
from flows.stages.enrich.language import detect_languages
texts = ["The vote was held on Sunday in Moscow.", "Голосование прошло в воскресенье.",
         "Голосування відбулося в неділю."]
print(json.dumps([repr(g) for g in detect_languages(texts, PipelineConfig().language)]))
"""
    outputs = [
        subprocess.run(
            [sys.executable, "-c", source], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        for source in (code, fresh)
    ]
    assert outputs[0] == outputs[1]
    assert "'en'" in outputs[0] and "'ru'" in outputs[0]


EARLY = """
import multiprocessing.forkserver, sys
from pathlib import Path
from flows.runtime import start_fork_server_early
raw, out = Path(sys.argv[1]), Path(sys.argv[2])
print(start_fork_server_early(raw, out, 3), multiprocessing.forkserver._forkserver._forkserver_pid is not None)
(out / ".cache" / "batches").mkdir(parents=True)
print(start_fork_server_early(raw, out, 3))
"""


def test_the_fork_server_starts_early_only_for_a_first_build_with_enough_inputs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a.txt", "b.TXT", "notes.md"):
        (raw / name).write_text("text", encoding="utf-8")

    def run(out: Path) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", EARLY, str(raw), str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.splitlines()

    assert run(tmp_path / "out1") == ["False False", "False"]  # two inputs, fewer than 3
    (raw / "c.txt").write_text("text", encoding="utf-8")
    assert run(tmp_path / "out2") == ["True True", "False"]  # then a cache: maybe no pool
