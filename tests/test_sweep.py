"""The sweep: trials sampled reproducibly by scikit-learn, invalid trials recorded, tasks on a
real Dask cluster started with the commands a user types, a worker killed mid-sweep, and a
rerun that resumes without repeating a finished task."""
import csv
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import ROOT, skip_or_fail
from harness import sweep as sw

DASK = os.path.join(os.path.dirname(sys.executable), "dask")
SMALL = {"name": "small", "scenario": str(ROOT / "fixtures" / "scenarios" / "digits_adam.json"),
         "search": "random", "trials": 6, "seed": 3, "folds": 3,
         "space": {"learning_rate": {"log_uniform": [0.001, 0.03]},
                   "layers": {"choice": [[64, 16, 10], [64, 32, 10]]},
                   "epochs": {"values": [6]}},
         "languages": ["python"]}


def write(tmp_path, doc, name="sweep.json"):
    p = tmp_path / name
    p.write_text(json.dumps(doc))
    return str(p)


def rows(folder):
    with open(os.path.join(folder, "trials.csv"), newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("change,message", [
    ({"colour": 1}, "unknown field 'colour'"),
    ({"search": "bayes"}, "'search' must be 'grid' or 'random'"),
    ({"search": "grid"}, "a grid search takes every combination: no 'trials' or 'seed'"),
    ({"folds": 1}, "'folds' must be an integer from 2 to 1000000"),
    ({"space": {"learning_rate": {"normal": [0, 1]}}}, "'space.learning_rate' must be one of"),
    ({"space": {"learning_rate": {"log_uniform": [0, 1]}}}, "must be [low, high], low < high, low > 0"),
    ({"languages": ["julia"]}, "'languages' must be a list of python, r, octave"),
])
def test_a_bad_sweep_file_is_named(tmp_path, change, message):
    with pytest.raises(sw.SweepError) as e:
        sw.read_sweep(write(tmp_path, dict(SMALL, **change)))
    assert message in str(e.value) and str(e.value).startswith("dlfp: sweep: ")


def test_trials_are_reproducible_and_grids_are_complete(tmp_path):
    a = sw.sample_trials(sw.read_sweep(write(tmp_path, SMALL)))
    b = sw.sample_trials(sw.read_sweep(write(tmp_path, SMALL)))
    assert a == b and len(a) == 6
    assert all(0.001 <= t["learning_rate"] <= 0.03 and t["layers"] in ([64, 16, 10], [64, 32, 10])
               for t in a)
    grid = dict(SMALL, search="grid", space={"lambda": {"values": [0, 0.1, 1]},
                                             "layers": {"values": [[64, 8, 10], [64, 16, 10]]}})
    del grid["trials"], grid["seed"]
    trials = sw.sample_trials(sw.read_sweep(write(tmp_path, grid)))
    assert sorted(json.dumps(t, sort_keys=True) for t in trials) == sorted(
        json.dumps({"lambda": l, "layers": n}, sort_keys=True)
        for l in (0, 0.1, 1) for n in ([64, 8, 10], [64, 16, 10]))


def test_an_invalid_trial_is_recorded_and_the_sweep_goes_on(tmp_path):
    doc = dict(SMALL, search="grid", space={"layers": {"values": [[64, 0, 10], [64, 8, 10]]},
                                            "epochs": {"values": [3]}})
    del doc["trials"], doc["seed"]
    out = tmp_path / "out"
    result = sw.run(write(tmp_path, doc), str(out), workers=1, log=lambda s: None)
    got = {(r["trial"], r["status"]) for r in rows(out)}
    assert got == {("0", "invalid"), ("1", "ok")}
    bad = [r for r in rows(out) if r["status"] == "invalid"][0]
    assert bad["message"].startswith("dlfp: read_scenario: 'layers' must be a list")
    assert result["best"]["trial"] == 1


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd, log):
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                            cwd=ROOT, env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))


def stop(proc, sig=signal.SIGTERM):
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_a_real_cluster_survives_a_killed_worker_and_a_rerun_resumes(tmp_path):
    if not os.path.exists(DASK):
        skip_or_fail("the dask command is not installed (make setup installs it)")
    path = write(tmp_path, SMALL)
    local = tmp_path / "local"
    sw.run(path, str(local), workers=2, log=lambda s: None)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = open(tmp_path / "cluster.log", "wb")
    # the commands of the README, as a user types them
    scheduler = start([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                       "--no-dashboard"], log)
    workers = [start([DASK, "worker", address, "--nworkers", "1", "--nthreads", "1",
                      "--no-dashboard"], log) for _ in range(2)]
    out = tmp_path / "remote"
    try:
        sweeping = subprocess.Popen(
            [sys.executable, "-m", "harness", "sweep", path, "--out", str(out), "--scheduler",
             address, "--quiet"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
        deadline = time.time() + 240
        while time.time() < deadline and (not (out / "trials.csv").exists()
                                          or len(rows(out)) < 4):
            time.sleep(0.2)
        assert 4 <= len(rows(out)) < 18, "the sweep should be under way"
        stop(workers[0], signal.SIGKILL)  # a worker dies mid-sweep, with its tasks
        output, _ = sweeping.communicate(timeout=300)
        assert sweeping.returncode == 0, output
    finally:
        for p in workers + [scheduler]:
            stop(p)
        log.close()
    finished = rows(out)
    assert len(finished) == 18 and all(r["status"] for r in finished)
    assert {r["status"] for r in finished} <= {"ok", "failed"}
    want = {(r["trial"], r["fold"]): r for r in rows(local)}
    for r in finished:
        if r["status"] == "ok":  # the same numbers as the local run, wherever a task ran
            w = want[(r["trial"], r["fold"])]
            assert (r["test_accuracy"], r["final_cost"]) == (w["test_accuracy"], w["final_cost"])
    # a rerun with the same --out runs only what is missing: here, nothing
    again = sw.run(path, str(out), workers=1, log=(lines := []).append)
    assert re.search(r"0 tasks to run, 18 already done", lines[0]), lines
    assert len(rows(out)) == 18
    assert again["best"] is not None


def test_the_sweep_page_loads_in_a_browser(tmp_path):
    chromium = shutil.which("chromium")
    if chromium is None:
        skip_or_fail("chromium is not installed (make setup installs it)")
    out = tmp_path / "out"
    sw.run(write(tmp_path, dict(SMALL, trials=3)), str(out), workers=2, log=lambda s: None)
    for name in ("trials.csv", "summary.csv", "sweep.json", "index.html"):
        assert (out / name).exists()
    page = (out / "index.html").read_text()
    assert not re.search(r"""(src|href)=["'](https?:|//)""", page)
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=5000", "--dump-dom", f"file://{out / 'index.html'}"],
        capture_output=True, text=True, timeout=120).stdout
    m = re.search(r'data-images="(\d+)/(\d+)"', dom)
    # all searched fields together, and each field that varies against the accuracy
    assert m and m.group(1) == m.group(2) == "2", dom[:300]
    assert 'id="best"' in dom and 'id="trials"' in dom
    doc = json.loads((out / "sweep.json").read_text())
    assert {"best", "t_test", "cluster", "versions", "summary"} <= set(doc)
