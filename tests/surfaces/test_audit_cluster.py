"""`factlint audit --scheduler` against a real `dask scheduler` and two `dask worker` processes on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import pyarrow.dataset as ds  # noqa: E402

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"no scheduler on port {port}")


def _archive(root: Path, count: int) -> Path:
    folder = root / "archive"
    for i in range(count):
        path = folder / f"desk{i % 3}" / f"{i:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Story {i}\n\nThe mayor spoke yesterday about item {i}, on Tuesday.\n", encoding="utf-8")
    return folder


def _rows(out: Path) -> list[tuple]:
    table = ds.dataset(out / "findings", format="parquet").to_table().to_pylist()
    return sorted((r["ordinal"], r["code"], r["row"], r["column"], r["json"]) for r in table)


@pytest.fixture
def cluster(tmp_path: Path):
    port = _free_port()
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True, env=env)]
    try:
        _wait_port(port)
        for _ in range(2):
            procs.append(subprocess.Popen([str(BIN / "dask"), "worker", f"tcp://127.0.0.1:{port}", "--nthreads", "1",
                                           "--no-dashboard", "--host", "127.0.0.1", "--no-nanny"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                          start_new_session=True, env=env, cwd=tmp_path))
        from distributed import Client

        with Client(f"tcp://127.0.0.1:{port}", timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield f"tcp://127.0.0.1:{port}"
    finally:
        for proc in reversed(procs):
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def test_audit_on_an_external_scheduler_equals_a_local_run(tmp_path: Path, cluster: str) -> None:
    archive = _archive(tmp_path, 24)
    remote = subprocess.run([str(BIN / "factlint"), "audit", str(archive), "--out", str(tmp_path / "remote"),
                             "--scheduler", cluster, "--partition-size", "5", "--quiet"],
                            capture_output=True, text=True, timeout=120)
    assert remote.returncode == 0, remote.stderr
    local = subprocess.run([str(BIN / "factlint"), "audit", str(archive), "--out", str(tmp_path / "local"),
                            "--workers", "1", "--partition-size", "5", "--quiet"],
                           capture_output=True, text=True, timeout=120)
    assert local.returncode == 0, local.stderr
    rows = _rows(tmp_path / "remote")
    assert rows == _rows(tmp_path / "local")
    assert {r[1] for r in rows} == {"DAT001", "DAT002"} and len({r[0] for r in rows}) == 24


def test_a_killed_run_resumed_gives_the_rows_of_a_whole_run(tmp_path: Path, cluster: str) -> None:
    archive = _archive(tmp_path, 60)
    out = tmp_path / "killed"
    args = [str(BIN / "factlint"), "audit", str(archive), "--out", str(out), "--scheduler", cluster,
            "--partition-size", "2", "--quiet"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((out / "findings").glob("part-*.parquet"))) < 3:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = len(list((out / "findings").glob("part-*.parquet")))
    assert 3 <= written
    resumed = subprocess.run(args + ["--resume"], capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    whole = subprocess.run([str(BIN / "factlint"), "audit", str(archive), "--out", str(tmp_path / "whole"),
                            "--scheduler", cluster, "--partition-size", "2", "--quiet"],
                           capture_output=True, text=True, timeout=120)
    assert whole.returncode == 0, whole.stderr
    assert _rows(out) == _rows(tmp_path / "whole")
    assert len(list((out / "findings").glob("part-*.parquet"))) == 30
    assert not list((out / "findings").glob(".*"))  # no temporary file left behind once resumed
