"""The peer `make bench` measures the flow against: datatrove, run side by side on the same
corpus and cores.

datatrove is installed in an environment of its own inside the benchmark's work folder
(`OUT/bench/peer-venv`, versions pinned in `PEER_REQUIREMENTS`), never in the project's
lock: it is what the flow is compared with, not part of it. Its job (`peer_job.py`) is the
peer's usual first pass over raw text: read each `.txt` file as one document, repair it
with ftfy (datatrove's `FTFYFormatter`), write zstd Parquet, on `workers` local tasks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PEER_REQUIREMENTS = ("datatrove==0.10.1", "ftfy==6.3.1", "pyarrow==26.0.1", "regex==2026.11.15")
"""The peer's environment: datatrove's release under comparison, and the same ftfy, pyarrow
and regex (which datatrove imports without declaring it) versions as the project's lock, so
the comparison is of the pipelines."""

JOB = Path(__file__).with_name("peer_job.py")


def _uv() -> str | None:
    """The project's uv (`make` installs it under .tools), else one on PATH."""
    local = Path(__file__).resolve().parent.parent / ".tools" / "bin" / "uv"
    return str(local) if local.is_file() else shutil.which("uv")


def peer_python(work: Path) -> Path:
    """The peer environment's Python under `work`, made on first use (from the package
    registry; later runs reuse it). Raises RuntimeError with the reason when it cannot be
    made, so that the rest of the benchmark still runs."""
    venv = work / "peer-venv"
    python = venv / "bin" / "python"
    marker = venv / ".requirements"
    wanted = "\n".join(PEER_REQUIREMENTS)
    if python.is_file() and marker.is_file() and marker.read_text() == wanted:
        return python
    uv = _uv()
    if uv is None:
        raise RuntimeError("no uv to make the peer's environment")
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for command in (
        [uv, "venv", "--quiet", "--clear", "--python", version, str(venv)],
        [uv, "pip", "install", "--quiet", "--python", str(python), *PEER_REQUIREMENTS],
    ):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["failed"])[-1]
            raise RuntimeError(f"{' '.join(command[:3])}: {reason}")
    marker.write_text(wanted)
    return python


def run_peer(raw: Path, work: Path, workers: int) -> dict[str, Any]:
    """Run the peer job over the `.txt` files of `raw` on `workers` tasks; its wall time,
    exit code and the documents it wrote (fresh output folder each run)."""
    python = peer_python(work)
    out = work / "peer-run"
    shutil.rmtree(out, ignore_errors=True)
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    started = time.perf_counter()
    done = subprocess.run(
        [str(python), str(JOB), str(raw), str(out), str(workers)],
        capture_output=True,
        text=True,
        env=environment,
    )
    seconds = time.perf_counter() - started
    documents = done.stdout.strip().rsplit(" ", 1)[-1] if done.returncode == 0 else ""
    return {
        "seconds": seconds,
        "returncode": done.returncode,
        "documents": int(documents) if documents.isdigit() else None,
        "error": (done.stderr.strip().splitlines() or [""])[-1] if done.returncode else "",
    }
