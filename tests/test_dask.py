"""Scale-out: the same flow on a Dask cluster (a LocalCluster of 2 workers) gives output
identical to the local run."""

from __future__ import annotations

import hashlib
import os

import pytest

from schemas import TABLES
from tests.conftest import RAW, ROOT, run_cli

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def dask_address():
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(ROOT)  # workers must import `flows`
    # workers inherit this process's environment: no Prefect server of an earlier test
    prefect = {key: os.environ.pop(key) for key in list(os.environ) if key.startswith("PREFECT_")}
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()
        os.environ.update(prefect)
        if previous is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = previous


def test_dask_cluster_output_is_identical_to_local(dask_address, seed_release, tmp_path):
    out = tmp_path / "dask-out"
    result = run_cli(
        "build",
        "--raw",
        str(RAW),
        "--out",
        str(out),
        "--runner",
        "dask",
        "--address",
        dask_address,
        "--batch-size",
        "2",
        "--inline-below",
        "0",  # every batch on the cluster, however small the corpus
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for model in TABLES:
        name = f"data/{model.table}.parquet"
        local = hashlib.sha256((seed_release / name).read_bytes()).hexdigest()
        remote = hashlib.sha256((out / "release" / name).read_bytes()).hexdigest()
        assert local == remote, name
