"""Benchmark runner: the whole flow on a synthetic corpus, against its cost floors.

    python -m benchmarks.run [--size-mb 300] [--out build/bench] [--workers 2]
                             [--sample-mb 20] [--differential] [--skip-flow] [--no-record]

Steps (each prints its figures; one CSV row of them is appended to benchmarks/results.csv,
whose columns `RESULT_COLUMNS` names and docs/performance.md describes):

1. generate (or reuse) the corpus ``OUT/corpus-<size>mb-g<generator>-s<seed>/``;
2. floors: (a) read + ``flows.stages.decode`` of every file, in this process, (b) plain
   ``ftfy.fix_text`` of every decoded text, in fresh processes (one, then ``--workers``),
   where ftfy is checked to be plain ftfy (the pipeline runs its detector on RE2);
3. a per-stage profile of the pipeline in this process over a ``--sample-mb`` sample:
   the stages in the order of ``flows.stages.document.process_document`` (read, decode, repair,
   segment, rows, validate), then writing part files, merging and building the database;
4. the full flow through the CLI, as a user runs it (``python -m flows build --runner
   process --workers N``), timed, with the peak RSS of its whole process tree sampled from
   /proc every 0.2 s; and the same CLI on a one-file corpus, for Prefect's fixed start-up;
5. with ``--differential``: repair of every document with ``RepairConfig(shortcuts=True)``
   and ``shortcuts=False`` (every segment through ftfy, as ``ftfy.fix_text``), compared byte
   for byte (text, fixes, edits); and on every line before and after repair, ftfy as the
   pipeline runs it (``flows.accel.ftfy_re2``) against ftfy as it ships, and the RE2 detector
   against ftfy's; prints the number of mismatching documents, which must be 0.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import multiprocessing
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import DEFAULT_SEED, SEED_DIR, generate_corpus
from benchmarks.peer import run_peer
from flows.timing import PhaseClock

ROOT = Path(__file__).resolve().parent.parent
RESULTS_CSV = ROOT / "benchmarks" / "results.csv"
TARGET_MB_S = 20.0  # issue #7's throughput target on the default corpus with 2 cores
PURE_STAGES = ("read", "decode", "repair", "segment", "language", "rows", "validate")
STAGES = ("plan", *PURE_STAGES, "pseudonyms", "write_parts", "concat", "duplicates", "database")
"""The profiled steps; `pseudonyms` (`--pseudonymize`, off by default) is timed on each
document's rows beside the pure stages, not counted in them."""
PSEUDONYM_KEY = b"benchmark key, not a secret"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.name.endswith(".txt"))


def sample_files(files: Sequence[Path], sample_mb: float) -> list[Path]:
    """Every k-th file, so the sample mixes every layout and damage kind."""
    total = sum(p.stat().st_size for p in files)
    step = max(1, int(total / max(sample_mb * 1e6, 1)))
    return list(files[::step])


class Progress:
    """Prints every 10 % of `total` items."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.done, self.next = label, total, 0, max(total // 10, 1)
        self.started = time.perf_counter()

    def step(self) -> None:
        self.done += 1
        if self.done >= self.next or self.done == self.total:
            elapsed = time.perf_counter() - self.started
            log(f"  {self.label}: {self.done}/{self.total} files, {elapsed:.1f} s")
            self.next += max(self.total // 10, 1)


# --- floors --------------------------------------------------------------------------------


def _raw(path: Path) -> Any:
    import hashlib

    from flows.stages.records import RawDocument, SourceInfo

    data = path.read_bytes()
    return RawDocument(SourceInfo(path.name), data, hashlib.sha256(data).hexdigest())


def _decoded_text(path: Path) -> str:
    from flows.stages.decode import decode
    from flows.stages.records import Decoded

    decoded = decode(_raw(path))
    return decoded.text if isinstance(decoded, Decoded) else ""


def floor_decode(files: Sequence[Path], progress: bool = True) -> dict[str, float]:
    """Read + decode every file on one process."""
    meter = Progress("decode floor", len(files)) if progress else None
    started = time.perf_counter()
    n_bytes = 0
    for path in files:
        n_bytes += len(_decoded_text(path))
        if meter:
            meter.step()
    seconds = time.perf_counter() - started
    total = sum(p.stat().st_size for p in files)
    return {"seconds": seconds, "mb_s": total / 1e6 / seconds, "docs_s": len(files) / seconds}


def _ftfy_check() -> None:
    import ftfy
    import ftfy.badness

    if ftfy.is_bad is not ftfy.badness.is_bad:  # flows.accel.ftfy_re2.install() ran here
        raise RuntimeError("the ftfy floor must be plain ftfy, not ftfy on RE2")


def _ftfy_file(path: Path) -> int:
    import ftfy

    _ftfy_check()
    return len(ftfy.fix_text(_decoded_text(path)))


def floor_ftfy(
    files: Sequence[Path], processes: int = 1, progress: bool = True
) -> dict[str, float]:
    """Read + decode + plain `ftfy.fix_text` of every file (decode time included, it is
    small; the figure is what the cheapest useful repair would cost)."""
    meter = Progress(f"ftfy floor x{processes}", len(files)) if progress else None
    # fresh processes even for one: the pipeline, once imported, runs ftfy's detector on RE2
    with multiprocessing.get_context("spawn").Pool(max(1, processes)) as pool:
        pool.apply(_ftfy_check)  # started and checked before the clock starts
        started = time.perf_counter()
        for _ in pool.imap_unordered(_ftfy_file, files, chunksize=16):
            if meter:
                meter.step()
        seconds = time.perf_counter() - started
    total = sum(p.stat().st_size for p in files)
    return {"seconds": seconds, "mb_s": total / 1e6 / seconds, "docs_s": len(files) / seconds}


# --- per-stage profile ----------------------------------------------------------------------


class StageTimes(PhaseClock):
    """The stage profile: wall time and CPU time (every thread of this process: DuckDB's
    too) per stage (all of STAGES listed), documents and bytes."""

    def __init__(self) -> None:
        super().__init__()
        self.seconds.update(dict.fromkeys(STAGES, 0.0))
        self.cpu: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.documents = 0
        self.n_bytes = 0

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.process_time()
        try:
            with self.phase(name):
                yield
        finally:
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - started

    def pure_mb_s(self) -> float:
        pure = sum(self.seconds[s] for s in PURE_STAGES)
        return self.n_bytes / 1e6 / pure if pure else 0.0


WARM_UP_TEXTS = (
    "The Kremlin said on Monday that the regional vote had been fair and free of fraud.",
    "Кремль заявил в понедельник, что региональные выборы прошли честно и без нарушений.",
    "Duma vote",
    "Выборы в Думу",
)
"""Long and short texts in both scripts: what makes the detector load all its models."""


def profile_stages(files: Sequence[Path], manifest_root: Path, progress: bool = True) -> StageTimes:
    """The stages of `flows.stages.document.process_document`, in its order, each timed, then the
    I/O stages of the flow (planning, sorted part files per batch, concatenation, database) into a temp dir.
    The stages run as a build runs them: with `flows.accel` installed in this process."""
    from flows.accel import install

    install()
    from flows.config import PipelineConfig
    from flows.io.database import build_database
    from flows.io.raw import fingerprint, read_raw, scan_raw_folder
    from flows.io.release import PartWriter, concat_parts, write_batch_parts, write_table
    from flows.plan import plan_batches
    from flows.publish.duplicates import release_duplicates
    from flows.publish.signatures import SIGNATURES, document_signatures, signature_table
    from flows.stages.decode import decode
    from flows.stages.document import SEGMENT_TABLES, TABLE_NAMES, doc_id_for, document_row
    from flows.stages.enrich.language import add_languages, detect_languages
    from flows.stages.privacy import pseudonymize
    from flows.stages.records import Rejection
    from flows.stages.repair import repair
    from flows.stages.segment import segment
    from flows.stages.validate import check_document_integrity, validate_rows
    from schemas import TABLES, Document, Duplicate

    config = PipelineConfig()
    # the language detector loads its models once per process (a build's worker once):
    # loaded before timing, so that scaling the sample up does not multiply the load
    detect_languages(WARM_UP_TEXTS, config.language)
    by_name = {s.source_file: s for s in scan_raw_folder(manifest_root).sources}
    times = StageTimes()
    with times.stage("plan"):
        planned, _ = fingerprint(manifest_root, [by_name[path.name] for path in files])
        batches, _ = plan_batches(planned, config.batch_size)
    meter = Progress("stage profile", len(files)) if progress else None
    with tempfile.TemporaryDirectory(prefix="bench-stages-") as tmp:
        staging = Path(tmp)
        (staging / "data").mkdir()
        for batch in batches:
            tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
            for entry in batch.files:
                if meter:
                    meter.step()
                with times.stage("read"):
                    raw = read_raw(manifest_root, entry.source, entry.sha256)
                if isinstance(raw, Rejection):
                    continue
                times.documents += 1
                times.n_bytes += len(raw.data)
                with times.stage("decode"):
                    decoded = decode(raw)
                if isinstance(decoded, Rejection):
                    continue
                with times.stage("repair"):
                    repaired = repair(decoded.text, config.repair)
                with times.stage("segment"):
                    segmented = segment(
                        doc_id_for(raw.source), repaired.text, raw.source.layout, config.segment
                    )
                with times.stage("language"):
                    add_languages(
                        segmented.posts,
                        segmented.comments,
                        segmented.blocks,
                        segmented.footnotes,
                        config.language,
                    )
                with times.stage("rows"):
                    document = document_row(raw, decoded, repaired, segmented)
                with times.stage("validate"):
                    kept, _ = validate_rows(Document, [document], raw.source_file)
                    found = {"documents": kept}
                    for name, model in SEGMENT_TABLES:
                        found[name], _ = validate_rows(
                            model, getattr(segmented, name), raw.source_file
                        )
                    found, _ = check_document_integrity(found, len(repaired.text), raw.source_file)
                with times.stage("pseudonyms"):  # opt-in: timed, its rows not kept
                    pseudonymize(found, [], PSEUDONYM_KEY)
                for name, table_rows in found.items():
                    tables[name].extend(table_rows)
            with times.stage("write_parts"):
                write_batch_parts(staging / "parts", batch.index, tables)
            # the workers' share of duplicate detection (a build computes it per document)
            with times.stage("duplicates"), PartWriter(staging / "parts", batch.index) as writer:
                signed = document_signatures(tables, config.duplicates, {})
                writer.write_side(SIGNATURES, signature_table([signed]))
        for table_model in TABLES:
            if table_model.table not in ("rejects", "duplicates", "qc"):
                with times.stage("concat"):
                    concat_parts(staging, table_model)
        with times.stage("duplicates"):
            write_table(staging, Duplicate, release_duplicates(staging, config.duplicates))
        with times.stage("database"):
            present = [m for m in TABLES if (staging / "data" / f"{m.table}.parquet").exists()]
            build_database(staging / "corpus.duckdb", staging / "data", present)
    return times


# --- full flow through the CLI ---------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append(int(entry))
    return found


def tree_rss(pid: int) -> tuple[int, int, int]:
    """(sum of RSS, largest RSS, sum of PSS) in bytes over `pid` and all its descendants.

    RSS counts a page shared by several processes (the libraries every Python process of
    the run maps: Arrow, DuckDB, the interpreter) once in each; PSS divides it among them,
    so the sum of PSS is the physical memory the tree holds."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo += _children(current)
    total = biggest = proportional = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss = int(line.split()[1]) * 1024
                        total += rss
                        biggest = max(biggest, rss)
                    elif line.startswith("Pss:"):
                        proportional += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total, biggest, proportional


def children_cpu_seconds() -> float:
    """User + system CPU of every ended child process of this one, and of their children in
    turn: a process's CPU is added to its parent's count when the parent waits for it (the
    flow waits for its workers, its API server and its database process)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_cli(raw: Path, out: Path, workers: int, fresh: bool = True) -> dict[str, Any]:
    """`python -m flows build` as a subprocess: wall time, CPU time of its whole process
    tree, exit code, peak tree RSS and the flow's own time per phase. `fresh` starts from
    an empty output folder (no cache)."""
    if fresh and out.exists():
        shutil.rmtree(out)
    command = [
        sys.executable, "-m", "flows", "build", "--raw", str(raw), "--out", str(out),
        "--runner", "process", "--workers", str(workers),
    ]  # fmt: skip
    # one Prefect home for every run of the benchmark: creating Prefect's database costs
    # ~7 s once, and must not count against full builds but not rebuilds
    env = {**os.environ, "PREFECT_HOME": str(out.parent / "prefect-home")}
    started = time.perf_counter()
    cpu_before = children_cpu_seconds()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = {"sum": 0, "max": 0, "pss": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, biggest, proportional = tree_rss(process.pid)
            peak["sum"] = max(peak["sum"], total)
            peak["max"] = max(peak["max"], biggest)
            peak["pss"] = max(peak["pss"], proportional)
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    cpu_seconds = children_cpu_seconds() - cpu_before
    done.set()
    sampler.join()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "returncode": process.returncode,
        "peak_rss_tree": peak["sum"],
        "peak_rss_process": peak["max"],
        "peak_pss_tree": peak["pss"],
        "output": output,
        "phases": flow_phases(output),
    }


def flow_phases(output: str) -> dict[str, float]:
    """The CLI's `time: plan 0.2 s, process 17.6 s, …` line as a dict."""
    found = re.search(r"^\s*time: (.*)$", output, re.MULTILINE)
    if not found:
        return {}
    return {
        name: float(seconds) for name, seconds in re.findall(r"(\w+) ([\d.]+) s", found.group(1))
    }


def phase_line(phases: dict[str, float]) -> str:
    return ", ".join(f"{name} {seconds:.1f}s" for name, seconds in phases.items()) or "—"


def _linked_corpus(corpus: Path, chosen: Sequence[Path], raw: Path) -> None:
    """`raw`: hard links to the `chosen` files of `corpus` (copies where links fail) and
    their manifest entries."""
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    for path in chosen:
        try:
            os.link(path, raw / path.name)
        except OSError:
            shutil.copyfile(path, raw / path.name)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    names = {path.name for path in chosen}
    manifest["sources"] = [e for e in manifest["sources"] if e["file"] in names]
    (raw / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _change_one_file(raw: Path, chosen: Sequence[Path]) -> None:
    """Append a paragraph to the middle file of `chosen` in `raw`."""
    changed = raw / chosen[len(chosen) // 2].name
    data = changed.read_bytes()
    changed.unlink()  # a new file, not a write through the link into the corpus
    changed.write_bytes(data + b"\n\nOne more paragraph, added to measure a rebuild.\n")


def rebuild(
    corpus: Path, files: Sequence[Path], out: Path, n_files: int, workers: int
) -> dict[str, Any]:
    """Incremental build: a full build of the first `n_files` files (cache cold), then one
    file changed (a paragraph appended) and the build run again on the same output folder."""
    raw = out / f"rebuild-raw-{n_files}"
    chosen = sorted(files)[:n_files]
    _linked_corpus(corpus, chosen, raw)
    target = out / "rebuild-run"
    full = run_cli(raw, target, workers)
    _change_one_file(raw, chosen)
    again = run_cli(raw, target, workers, fresh=False)
    return {"files": len(chosen), "full": full, "rebuild": again}


def linked_whole_corpus(corpus: Path, files: Sequence[Path], out: Path) -> Path:
    """The folder the full flow reads: links to every file of `corpus`, made before the
    full flow runs, so that the rebuild after it finds them as that run left them (a new
    link changes a file's status-change time, and the flow hashes such files again)."""
    raw = out / "rebuild-raw-all"
    _linked_corpus(corpus, sorted(files), raw)
    return raw


def rebuild_whole(raw: Path, files: Sequence[Path], out: Path, workers: int) -> dict[str, Any]:
    """The full flow's output folder built again from its input folder `raw`
    (`linked_whole_corpus`) with one file changed: the flow's cache and its release are
    those of the full build."""
    _change_one_file(raw, sorted(files))
    return run_cli(raw, out / "flow-run", workers, fresh=False)


# --- differential ---------------------------------------------------------------------------


def _compare_file(path: Path) -> tuple[str, bool]:
    """Repair with and without the shortcuts; then, on every line before and after repair,
    ftfy as repair runs it (`flows.accel.ftfy_re2`) against ftfy as it ships, and the RE2
    detector against ftfy's."""
    import ftfy
    from ftfy.badness import is_bad

    from flows.accel.ftfy_re2 import is_bad_fast, plain_ftfy
    from flows.stages.repair import RepairConfig, repair
    from flows.stages.repair.chars import ftfy_config

    text = _decoded_text(path)
    fast = repair(text, RepairConfig(shortcuts=True))
    slow = repair(text, RepairConfig(shortcuts=False))
    same = (fast.text, fast.fixes, fast.edits) == (slow.text, slow.fixes, slow.edits)
    lines = [*text.splitlines(keepends=True), *fast.text.splitlines(keepends=True)]
    reference = RepairConfig()
    config = ftfy_config(reference.uncurl_quotes, reference.fix_character_width)
    fixed = [ftfy.fix_and_explain(line, config) for line in lines]
    with plain_ftfy():
        plain = [ftfy.fix_and_explain(line, config) for line in lines]
    detected = all(is_bad_fast(line) == is_bad(line) for line in lines)
    return path.name, same and fixed == plain and detected


def differential(files: Sequence[Path], processes: int, progress: bool = True) -> list[str]:
    """Names of files whose repair differs with and without the shortcuts."""
    meter = Progress("differential", len(files)) if progress else None
    mismatches = []
    results: Iterable[tuple[str, bool]]
    if processes <= 1:
        results = map(_compare_file, files)
        for name, same in results:
            if not same:
                mismatches.append(name)
            if meter:
                meter.step()
        return mismatches
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        for name, same in pool.imap_unordered(_compare_file, files, chunksize=8):
            if not same:
                mismatches.append(name)
            if meter:
                meter.step()
    return sorted(mismatches)


# --- report ---------------------------------------------------------------------------------


def _relative(speed: float, reference: float) -> str:
    """'1.2x faster than' or '1.5x slower than', from two speeds."""
    if speed >= reference:
        return f"{speed / reference:.1f}x faster than"
    return f"{reference / speed:.1f}x slower than"


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return f"{platform.machine()}, {os.cpu_count()} cpu, {memory / 2**30:.0f} GB"


def stage_line(times: StageTimes) -> str:
    total = sum(times.seconds.values())
    return ", ".join(
        f"{s} {times.seconds[s]:.1f}s ({100 * times.seconds[s] / total:.0f}%)"
        for s in STAGES
        if s in times.seconds
    )


def cpu_budget(mb: float, cores: int) -> float:
    """The CPU seconds that `cores` have in the time TARGET_MB_S allows for `mb`."""
    return mb / TARGET_MB_S * cores


def stage_cpu_line(times: StageTimes, mb: float) -> str:
    """Each stage's CPU time, scaled from the sample to `mb` of corpus."""
    scale = mb / (times.n_bytes / 1e6) if times.n_bytes else 0.0
    return ", ".join(f"{s} {times.cpu[s] * scale:.1f}s" for s in STAGES if s in times.cpu)


RESULT_COLUMNS = (
    "date", "commit", "machine", "corpus_mb", "files", "workers", "exit_code",
    "wall_s", "mb_s", "docs_s", "fixed_s", "cpu_s", "cpu_allowed_s", "peer_s", "peer_ratio",
    "peak_rss_tree_mib", "peak_rss_process_mib", "peak_pss_tree_mib",
    "decode_floor_mb_s", "ftfy_floor_1_mb_s", "ftfy_floor_n_mb_s",
    "pure_mb_s", "sample_mb", *(f"stage_{stage}_s" for stage in STAGES),
    "phase_plan_s", "phase_process_s", "phase_concat_s", "phase_database_s", "phase_seal_s",
    "rebuild_files", "rebuild_full_s", "rebuild_s", "rebuild_whole_s",
    "differential_mismatches", "note",
)  # fmt: skip
"""The columns of benchmarks/results.csv, one row per run (docs/performance.md says what
each holds). A figure that was not measured is left empty."""


def append_result(row: Mapping[str, object], path: Path | None = None) -> None:
    """Append one run's figures to the CSV file at `path` (default RESULTS_CSV; its header
    first when the file is new or empty). Keys outside RESULT_COLUMNS, or a file with other
    columns, raise: rows must stay comparable."""
    path = RESULTS_CSV if path is None else path
    unknown = set(row) - set(RESULT_COLUMNS)
    if unknown:
        raise ValueError(f"not columns of {path.name}: {sorted(unknown)}")
    new = not path.is_file() or path.stat().st_size == 0
    if not new:
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
        if tuple(header) != RESULT_COLUMNS:
            raise ValueError(f"{path} has other columns than {RESULT_COLUMNS}")
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, RESULT_COLUMNS, lineterminator="\n")
        if new:
            writer.writeheader()
        writer.writerow({name: "" if value is None else value for name, value in row.items()})


def _rounded(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def release_commit(out: Path) -> str:
    """The code version that the release under `out` records (`code_version` in its
    manifest: the git commit, `-dirty` with local changes); empty if there is none."""
    try:
        manifest = json.loads((out / "release" / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(manifest.get("code_version", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--size-mb", type=float, default=300.0, help="corpus size (default 300)")
    parser.add_argument("--out", default="build/bench", help="work folder (default build/bench)")
    parser.add_argument("--workers", type=int, default=2, help="flow workers (default 2)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--sample-mb", type=float, default=20.0, help="stage-profile sample")
    parser.add_argument("--differential", action="store_true",
                        help="compare repair with and without shortcuts on the whole corpus")  # fmt: skip
    parser.add_argument("--skip-flow", action="store_true", help="no CLI run (floors, profile)")
    parser.add_argument("--skip-floors", action="store_true", help="no floor measurements")
    parser.add_argument("--skip-peer", action="store_true", help="no datatrove run beside the flow")
    parser.add_argument("--no-record", action="store_true",
                        help="do not append a row to benchmarks/results.csv")  # fmt: skip
    parser.add_argument(
        "--rebuild-files",
        type=int,
        default=1000,
        help="files of the incremental-rebuild measurement (0: skip)",
    )
    args = parser.parse_args(argv)

    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    log(f"corpus {args.size_mb:g} MB (seed {args.seed}) …")
    corpus = generate_corpus(out, args.size_mb, args.seed)
    files = corpus_files(corpus)
    total = sum(p.stat().st_size for p in files)
    mb = total / 1e6
    print(f"corpus: {corpus} — {len(files)} files, {mb:.1f} MB")

    floors: dict[str, dict[str, float]] = {}
    if not args.skip_floors:
        floors["decode"] = floor_decode(files)
        print(
            f"floor decode:     {floors['decode']['mb_s']:7.1f} MB/s  {floors['decode']['docs_s']:7.0f} docs/s"
        )
        floors["ftfy"] = floor_ftfy(files, 1)
        print(
            f"floor ftfy x1:    {floors['ftfy']['mb_s']:7.1f} MB/s  {floors['ftfy']['docs_s']:7.0f} docs/s"
        )
        if args.workers > 1:
            floors["ftfy_n"] = floor_ftfy(files, args.workers)
            print(f"floor ftfy x{args.workers}:    {floors['ftfy_n']['mb_s']:7.1f} MB/s")

    sample = sample_files(files, args.sample_mb)
    times = profile_stages(sample, corpus)
    print(f"stage profile ({times.n_bytes / 1e6:.1f} MB, {times.documents} docs, one process): "
          f"pure stages {times.pure_mb_s():.1f} MB/s")  # fmt: skip
    print("  " + stage_line(times))
    default_cpu = sum(cpu for stage, cpu in times.cpu.items() if stage != "pseudonyms")
    scaled_cpu = default_cpu * mb / max(times.n_bytes / 1e6, 1e-9)
    print(f"  CPU scaled to {mb:.0f} MB: {stage_cpu_line(times, mb)}; in all {scaled_cpu:.0f} s, "
          f"where {TARGET_MB_S:g} MB/s on {args.workers} cores allows "
          f"{cpu_budget(mb, args.workers):.0f} s")  # fmt: skip

    mismatches: list[str] | None = None
    if args.differential:
        mismatches = differential(files, args.workers)
        print(f"differential (shortcuts on vs off, ftfy as run vs plain): {len(mismatches)} mismatches "
              f"of {len(files)} documents")  # fmt: skip
        for name in mismatches[:20]:
            print(f"  mismatch: {name}")

    flow: dict[str, Any] = {}
    fixed: dict[str, Any] = {}
    peer: dict[str, Any] = {}
    if not args.skip_flow:
        linked = linked_whole_corpus(corpus, files, out)
        tiny = out / "tiny-raw"
        if not tiny.exists():
            tiny.mkdir()
            shutil.copy(SEED_DIR / "002_a25de02e65cd97b0.txt", tiny / "one.txt")
        run_cli(tiny, out / "tiny-run", args.workers)  # creates the Prefect home once
        fixed = run_cli(tiny, out / "tiny-run", args.workers)
        print(
            f"fixed overhead (one 5 kB file): {fixed['seconds']:.1f} s (exit {fixed['returncode']})"
        )
        if not args.skip_peer:
            log(f"datatrove (txt -> ftfy -> zstd Parquet) on {mb:.0f} MB, {args.workers} tasks …")
            try:
                peer = run_peer(linked, out, args.workers)
            except RuntimeError as error:
                peer = {"returncode": None, "error": str(error)}
            if peer["returncode"] == 0:
                print(f"datatrove: {peer['seconds']:.1f} s, {mb / peer['seconds']:.1f} MB/s, "
                      f"{peer['documents']} documents")  # fmt: skip
            else:
                print(f"datatrove: not measured ({peer['error']})")
        log(f"full flow on {mb:.0f} MB with {args.workers} workers …")
        flow = run_cli(linked, out / "flow-run", args.workers)
        print(flow["output"].rstrip())
        print(f"flow phases: {phase_line(flow['phases'])}")
        print(
            f"full flow: {flow['seconds']:.1f} s, {mb / flow['seconds']:.1f} MB/s, "
            f"{len(files) / flow['seconds']:.0f} docs/s, exit {flow['returncode']}, "
            f"peak RSS {flow['peak_rss_tree'] / 2**20:.0f} MiB (tree), "
            f"{flow['peak_rss_process'] / 2**20:.0f} MiB (largest process), "
            f"peak PSS {flow['peak_pss_tree'] / 2**20:.0f} MiB (tree); "
            f"without fixed overhead {mb / max(flow['seconds'] - fixed['seconds'], 1e-9):.1f} MB/s"
        )
        if peer.get("returncode") == 0:
            print(f"against datatrove: {mb / flow['seconds']:.2f} vs {mb / peer['seconds']:.2f} "
                  f"MB/s = {peer['seconds'] / flow['seconds']:.2f}x its throughput")  # fmt: skip
        print(f"CPU: {flow['cpu_seconds']:.1f} s in all the flow's processes "
              f"({flow['cpu_seconds'] / flow['seconds']:.2f} cores busy on average); "
              f"{TARGET_MB_S:g} MB/s on {mb:.0f} MB with {args.workers} cores allows "
              f"{cpu_budget(mb, args.workers):.1f} s, "
              f"{flow['cpu_seconds'] / cpu_budget(mb, args.workers):.1f}x less")  # fmt: skip
        if "decode" in floors:
            print(f"ratios: full flow is {floors['decode']['mb_s'] * flow['seconds'] / mb:.1f}x slower "
                  f"than decode, {_relative(mb / flow['seconds'], floors['ftfy']['mb_s'])} plain "
                  "ftfy (one process)")  # fmt: skip

    rebuilt: dict[str, Any] = {}
    if not args.skip_flow and args.rebuild_files:
        log(f"incremental rebuild: {args.rebuild_files} files, then one changed …")
        rebuilt = rebuild(corpus, files, out, args.rebuild_files, args.workers)
        full_s, again_s = rebuilt["full"]["seconds"], rebuilt["rebuild"]["seconds"]
        rebuilt["ratio"] = again_s / full_s
        rebuilt["ratio_net"] = max(again_s - fixed["seconds"], 0) / max(
            full_s - fixed["seconds"], 1e-9
        )
        print(f"rebuild after 1 changed file of {rebuilt['files']}: {again_s:.1f} s vs full build "
              f"{full_s:.1f} s = {rebuilt['ratio']:.0%} ({rebuilt['ratio_net']:.0%} without the "
              f"fixed overhead)")  # fmt: skip
        print(f"  full:    {phase_line(rebuilt['full']['phases'])}")
        print(f"  rebuild: {phase_line(rebuilt['rebuild']['phases'])}")
        for line in rebuilt["rebuild"]["output"].splitlines():
            if "unchanged" in line:
                print("  " + line.strip())

    whole: dict[str, Any] = {}
    if flow and flow["returncode"] in (0, 2):
        log(f"incremental rebuild of the whole corpus: one of {len(files)} files changed …")
        whole = rebuild_whole(linked, files, out, args.workers)
        whole["ratio"] = whole["seconds"] / flow["seconds"]
        print(f"rebuild after 1 changed file of {len(files)}: {whole['seconds']:.1f} s vs full "
              f"flow {flow['seconds']:.1f} s = {whole['ratio']:.0%}, exit {whole['returncode']}")  # fmt: skip
        print(f"  rebuild: {phase_line(whole['phases'])}")
        for line in whole["output"].splitlines():
            if "unchanged" in line or "database: updating" in line:
                print("  " + line.strip())

    if not args.no_record:
        phases = flow["phases"] if flow else {}
        append_result({
            "date": dt.date.today().isoformat(),
            "commit": release_commit(out / "flow-run") if flow else "",
            "machine": machine(),
            "corpus_mb": f"{mb:.0f}",
            "files": len(files),
            "workers": args.workers,
            "exit_code": flow["returncode"] if flow else None,
            "wall_s": _rounded(flow.get("seconds")),
            "mb_s": _rounded(mb / flow["seconds"] if flow else None),
            "docs_s": _rounded(len(files) / flow["seconds"] if flow else None, 0),
            "fixed_s": _rounded(fixed.get("seconds")),
            "cpu_s": _rounded(flow.get("cpu_seconds")),
            "cpu_allowed_s": _rounded(cpu_budget(mb, args.workers)),
            "peer_s": _rounded(peer["seconds"] if peer.get("returncode") == 0 else None),
            "peer_ratio": _rounded(
                peer["seconds"] / flow["seconds"] if flow and peer.get("returncode") == 0 else None, 2
            ),
            "peak_rss_tree_mib": _rounded(flow["peak_rss_tree"] / 2**20 if flow else None, 0),
            "peak_rss_process_mib": _rounded(
                flow["peak_rss_process"] / 2**20 if flow else None, 0
            ),
            "peak_pss_tree_mib": _rounded(flow["peak_pss_tree"] / 2**20 if flow else None, 0),
            "decode_floor_mb_s": _rounded(floors["decode"]["mb_s"] if floors else None),
            "ftfy_floor_1_mb_s": _rounded(floors["ftfy"]["mb_s"] if floors else None),
            "ftfy_floor_n_mb_s": _rounded(floors["ftfy_n"]["mb_s"] if "ftfy_n" in floors else None),
            "pure_mb_s": _rounded(times.pure_mb_s()),
            "sample_mb": _rounded(times.n_bytes / 1e6),
            **{f"stage_{s}_s": _rounded(times.seconds.get(s), 2) for s in STAGES},
            **{f"phase_{name}_s": _rounded(phases.get(name))
               for name in ("plan", "process", "concat", "database", "seal")},
            "rebuild_files": rebuilt["files"] if rebuilt else None,
            "rebuild_full_s": _rounded(rebuilt["full"]["seconds"] if rebuilt else None),
            "rebuild_s": _rounded(rebuilt["rebuild"]["seconds"] if rebuilt else None),
            "rebuild_whole_s": _rounded(whole.get("seconds")),
            "differential_mismatches": None if mismatches is None else len(mismatches),
            "note": "",
        })  # fmt: skip
        log(f"row appended to {RESULTS_CSV}")
    if mismatches:
        return 1
    return 0 if not flow or flow["returncode"] in (0, 2) else 1


if __name__ == "__main__":
    raise SystemExit(main())
