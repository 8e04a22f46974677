"""The sweep: its file checked by rules, trials sampled reproducibly by scikit-learn, invalid
trials recorded, bad arguments and folders refused in one line, trials.csv kept whole and never
a task twice, one sweep per folder; and on real Dask clusters started with the commands a user
types: a worker killed mid-sweep, the scheduler killed mid-sweep (exit 3, then a rerun that runs
exactly the missing tasks), Ctrl-C (exit 130), and a TLS cluster that refuses a client without
the certificate."""
import csv
import errno
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT, skip_or_fail
from harness import sweep as sw
from harness import sweep_dask, sweep_folder
from harness.__main__ import main
from harness.sweep_folder import FolderLock
from harness.trial_log import TrialLog

DASK = os.path.join(os.path.dirname(sys.executable), "dask")
ENV = dict(os.environ, OPENBLAS_NUM_THREADS="1")
SMALL = {"name": "small", "scenario": str(ROOT / "fixtures" / "scenarios" / "digits_adam.json"),
         "search": "random", "trials": 6, "seed": 3, "folds": 3,
         "space": {"learning_rate": {"log_uniform": [0.001, 0.03]},
                   "layers": {"choice": [[64, 16, 10], [64, 32, 10]]},
                   "epochs": {"values": [30]}},
         "languages": ["python"]}
# (30 epochs: a task takes about half a second, so the sweep is still under way when a test that
# interrupts it looks, even when two busy workers starve the test's own process of the CPU)
TASKS = 18  # 6 trials x 3 folds x 1 language
RESUME = "rerun the same command to resume"


def write(tmp_path, doc, name="sweep.json"):
    p = tmp_path / name
    p.write_text(json.dumps(doc))
    return str(p)


def rows(folder):
    with open(os.path.join(folder, "trials.csv"), newline="") as f:
        return list(csv.DictReader(f))


def numbers(folder):
    """{(trial, fold): (status, test accuracy, final cost)}, each task once."""
    got = [(r["trial"], r["fold"]) for r in rows(folder)]
    assert len(got) == len(set(got)), "a task was recorded twice"
    return {(r["trial"], r["fold"]): (r["status"], r["test_accuracy"], r["final_cost"])
            for r in rows(folder)}


def harness(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "harness", "sweep", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV,
                            **kw)


def wait_for_rows(folder, n, proc, seconds=240):
    deadline = time.time() + seconds
    while time.time() < deadline and proc.poll() is None:
        if os.path.exists(os.path.join(folder, "trials.csv")) and len(rows(folder)) >= n:
            return len(rows(folder))
        time.sleep(0.1)
    raise AssertionError(f"the sweep did not get under way: {proc.poll()}")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The small sweep, uninterrupted, on a LocalCluster: the numbers every other run must give."""
    tmp = tmp_path_factory.mktemp("reference")
    out = tmp / "out"
    sw.run(write(tmp, SMALL), str(out), workers=2, log=lambda s: None)
    return numbers(out)


# --- the sweep file ----------------------------------------------------------------------------

def without(doc, *keys):
    return {k: v for k, v in doc.items() if k not in keys}


GRID = dict(without(SMALL, "trials", "seed"), search="grid",
            space={"layers": {"values": [[64, 8, 10]]}, "epochs": {"values": [3]}})


@pytest.mark.parametrize("doc,message", [
    (dict(SMALL, colour=1), "unknown field 'colour'"),
    (dict(SMALL, **{"col\nour\x01" + "x" * 60: 1}), "unknown field 'col\\nour\\x01xxx"),
    (dict(SMALL, search="bayes"), "'search' must be 'grid' or 'random'"),
    (dict(SMALL, search="grid"), "a grid search takes every combination: no 'trials' or 'seed'"),
    (dict(SMALL, folds=1), "'folds' must be an integer from 2 to 1000000"),
    (dict(SMALL, folds=2.5), "'folds' must be an integer from 2 to 1000000"),
    (dict(SMALL, folds="3"), "'folds' must be an integer from 2 to 1000000"),
    (dict(SMALL, space={"learning_rate": {"normal": [0, 1]}}),
     "'space.learning_rate' must be one of"),
    (dict(SMALL, space={"learning_rate": {"log_uniform": [0, 1]}}),
     "'space.learning_rate.log_uniform' must be [low, high], low < high, low > 0"),
    (dict(SMALL, space={"learning_rate": {"uniform": [-1e308, 1e308]}}),
     "'space.learning_rate.uniform' must be [low, high], low < high"),
    (dict(SMALL, space={"epochs": {"values": []}}), "'space.epochs.values' must be a non-empty"),
    (dict(SMALL, space={}), "'space' must be an object of fields to search"),
    (dict(SMALL, space={"colour": {"values": [1]}}), "'space' names 'colour', which is not a "
     "scenario field"),
    (dict(SMALL, space={"validation": {"values": [{"folds": 2}]}}), "'space' names "
     "'validation'"),
    (dict(GRID, space={"learning_rate": {"uniform": [0.1, 1]}}),
     "a grid search cannot take 'uniform' ('space.learning_rate'): give 'values'"),
    (dict(GRID, space={f: {"values": list(range(20))} for f in ("seed", "epochs", "lambda",
                                                                "batch_size")}),
     "the grid makes 160000 trials, more than 100000"),
    (dict(SMALL, languages=["julia"]), "'languages' must be a list of python, r, octave"),
    (dict(SMALL, languages=[]), "'languages' must be a list of python, r, octave"),
    (dict(SMALL, languages=["python", "python"]), "(each at most once)"),
    (dict(SMALL, scenario=5), "'scenario' must be a file path"),
    (dict(SMALL, name=5), "'name' must be a plain name"),
    (dict(SMALL, name="../../x"), "'name' must be a plain name"),
    (dict(SMALL, name="/tmp/x"), "'name' must be a plain name"),
    (dict(SMALL, name=".."), "'name' must be a plain name"),
    (dict(SMALL, seed=2 ** 40), "'seed' must be an integer from 0 to 4294967295 (numpy's seed "
     "range)"),
    (dict(SMALL, seed=-1), "'seed' must be an integer from 0"),
    (dict(SMALL, trials=True), "'trials' must be an integer from 1 to 100000"),
    (without(SMALL, "seed"), "a random search needs 'seed'"),
    (without(SMALL, "folds"), "missing field 'folds'"),
    ([SMALL], "the top level must be an object"),
])
def test_a_bad_sweep_file_is_named(tmp_path, doc, message):
    with pytest.raises(sw.SweepError) as e:
        sw.read_sweep(write(tmp_path, doc))
    assert message in str(e.value) and str(e.value).startswith("dlfp: sweep: ")
    assert "\n" not in str(e.value)


ODD = st.one_of(st.none(), st.booleans(), st.integers(-2 ** 70, 2 ** 70),
                st.floats(allow_nan=False), st.text(max_size=8),
                st.lists(st.integers(0, 5), max_size=3))
FIELDS = {"name": st.one_of(ODD, st.sampled_from(["ok", "../x", "/x", ".", "a b"])),
          "scenario": st.one_of(ODD, st.just(SMALL["scenario"])),
          "search": st.one_of(ODD, st.sampled_from(["grid", "random"])),
          "trials": st.one_of(ODD, st.integers(1, 4)), "seed": ODD,
          "folds": st.one_of(ODD, st.sampled_from([2, 3.0])),
          "languages": st.one_of(ODD, st.lists(st.sampled_from(["python", "r", "julia"]),
                                               max_size=3)),
          "space": st.one_of(ODD, st.dictionaries(
              st.sampled_from(["learning_rate", "epochs", "colour", "validation"]),
              st.one_of(ODD, st.dictionaries(st.sampled_from(["values", "choice", "uniform",
                                                              "log_uniform", "normal"]),
                                             st.one_of(ODD, st.lists(ODD, max_size=3)),
                                             max_size=2)), max_size=2))}


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([SMALL, GRID]),
       st.lists(st.sampled_from(sorted(FIELDS)).flatmap(
           lambda k: FIELDS[k].map(lambda v: (k, v))), max_size=2),
       st.sets(st.sampled_from(sorted(FIELDS)), max_size=1))
def test_any_sweep_file_is_taken_or_refused_in_one_line(tmp_path, start, changes, dropped):
    # a good sweep file with one or two fields changed to anything, or one left out
    raw = {k: v for k, v in dict(start, **dict(changes)).items() if k not in dropped}
    try:
        s = sw.read_sweep(write(tmp_path, raw))
    except sw.SweepError as e:
        assert str(e).startswith("dlfp: sweep: ") and "\n" not in str(e)
        return
    trials = sw.sample_trials(s)  # a file the rules take is one the samplers can draw from
    assert len(trials) >= 1 and all(set(t) == set(s["space"]) for t in trials)


def test_integral_numbers_are_integers_and_defaults_filled_in(tmp_path):
    s = sw.read_sweep(write(tmp_path, dict(GRID, folds=2.0)))
    assert s["folds"] == 2 and type(s["folds"]) is int
    assert s["languages"] == ["python"] and s["search"] == "grid"
    s = sw.read_sweep(write(tmp_path, without(GRID, "search", "languages")))
    assert s["search"] == "grid" and s["languages"] == ["python", "r", "octave"]


def test_trials_are_reproducible_and_grids_are_complete(tmp_path):
    a = sw.sample_trials(sw.read_sweep(write(tmp_path, SMALL)))
    b = sw.sample_trials(sw.read_sweep(write(tmp_path, SMALL)))
    assert a == b and len(a) == 6
    assert all(0.001 <= t["learning_rate"] <= 0.03 and t["layers"] in ([64, 16, 10], [64, 32, 10])
               for t in a)
    grid = dict(GRID, space={"lambda": {"values": [0, 0.1, 1]},
                             "layers": {"values": [[64, 8, 10], [64, 16, 10]]}})
    trials = sw.sample_trials(sw.read_sweep(write(tmp_path, grid)))
    assert sorted(json.dumps(t, sort_keys=True) for t in trials) == sorted(
        json.dumps({"lambda": l, "layers": n}, sort_keys=True)
        for l in (0, 0.1, 1) for n in ([64, 8, 10], [64, 16, 10]))


def test_an_invalid_trial_is_recorded_and_the_sweep_goes_on(tmp_path):
    doc = dict(GRID, space={"layers": {"values": [[64, 0, 10], [64, 8, 10]]},
                            "epochs": {"values": [3]}})
    out = tmp_path / "out"
    result = sw.run(write(tmp_path, doc), str(out), workers=1, log=lambda s: None)
    got = {(r["trial"], r["status"]) for r in rows(out)}
    assert got == {("0", "invalid"), ("1", "ok")}
    bad = [r for r in rows(out) if r["status"] == "invalid"][0]
    assert bad["message"].startswith("dlfp: read_scenario: 'layers' must be a list")
    assert result["best"]["trial"] == 1


def test_a_data_the_space_searches_is_read_beside_the_base_scenario(tmp_path):
    # it was read from --out/scenarios/, where the trials' files go: every trial was invalid
    (tmp_path / "base").mkdir()
    for name, rows_ in (("a.csv", 12), ("b.csv", 16)):
        (tmp_path / "base" / name).write_text(
            "".join(f"{i % 4 * 0.5},{i // 4 * 0.5},{i % 2}\n" for i in range(rows_)))
    (tmp_path / "base" / "s.json").write_text(json.dumps({
        "name": "s", "data": {"csv": "a.csv"}, "layers": [2, 3, 1],
        "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 3}))
    doc = {"name": "d", "scenario": "base/s.json", "search": "grid", "folds": 2,
           "space": {"data": {"values": [{"csv": "a.csv"}, {"csv": "b.csv"}]}},
           "languages": ["python"]}
    out = tmp_path / "out"
    sw.run(write(tmp_path, doc), str(out), workers=1, log=lambda s: None)
    assert {(r["trial"], r["status"]) for r in rows(out)} == {("0", "ok"), ("1", "ok")}
    written = json.loads((out / "scenarios" / "trial-0001.json").read_text())
    assert written["data"]["csv"] == str(tmp_path / "base" / "b.csv")


# --- the command line: one line, never a traceback, nothing written ---------------------------

def run_main(capsys, *args):
    status = main(["sweep", *map(str, args)])
    err = capsys.readouterr().err
    return status, err


@pytest.mark.parametrize("args,message", [
    (["--workers", "-1"], "harness: sweep: argument --workers: must be a whole number >= 1"),
    (["--workers", "0"], "harness: sweep: argument --workers: must be a whole number >= 1"),
    (["--timeout", "0"], "harness: sweep: argument --timeout: must be a number of seconds > 0"),
    (["--timeout", "nan"], "harness: sweep: argument --timeout: must be a number of seconds"),
    (["--timeout", "1e7"], "harness: sweep: argument --timeout: must be at most 1e+06 seconds"),
    (["--langs", "r"], "dlfp: sweep: --langs names no language of the sweep (python)"),
    (["--langs", ""], "harness: sweep: argument --langs: no language given"),
    (["--scheduler", "tls://127.0.0.1:1"], "dlfp: sweep: a tls:// scheduler needs "
     "--tls-ca-file, --tls-cert and --tls-key"),
    (["--scheduler", "tls://127.0.0.1:1", "--tls-cert", "x"], "dlfp: sweep: TLS needs all of"),
    (["--tls-ca-file", "a", "--tls-cert", "b", "--tls-key", "c"],
     "dlfp: sweep: --tls-ca-file, --tls-cert and --tls-key go with a tls:// --scheduler"),
    (["--scheduler", "tcp://a b"], "dlfp: sweep: --scheduler must be an address"),
])
def test_a_bad_argument_is_one_line_and_writes_nothing(tmp_path, capsys, args, message):
    out = tmp_path / "out"
    status, err = run_main(capsys, write(tmp_path, SMALL), "--out", out, *args)
    assert status == 2 and err.startswith(message), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("made", [False, True])
def test_a_scheduler_it_cannot_reach_leaves_the_out_folder_as_it_was(tmp_path, capsys, made):
    out = tmp_path / "out"
    if made:
        out.mkdir()
    status, err = run_main(capsys, write(tmp_path, SMALL), "--out", out, "--scheduler",
                           "notaurl")
    assert (status, err.count("\n")) == (2, 1), err
    assert err.startswith("dlfp: sweep: cannot reach the Dask scheduler notaurl: "), err
    if made:  # the user's empty folder stays, empty
        assert os.listdir(out) == []
    else:
        assert sorted(os.listdir(tmp_path)) == ["sweep.json"]


@pytest.mark.parametrize("kw,message", [
    ({"timeout": 1e7}, "--timeout must be a number of seconds > 0 and at most 1e+06"),
    ({"timeout": float("nan")}, "--timeout must be a number of seconds > 0"),
    ({"workers": 0}, "--workers must be a whole number from 1 to 1024"),
    ({"workers": 2.0}, "--workers must be a whole number from 1 to 1024"),
    ({"langs": []}, "--langs names no language"),
])
def test_run_checks_its_arguments_as_the_command_line_does(tmp_path, kw, message):
    with pytest.raises(sw.SweepError, match=re.escape(f"dlfp: sweep: {message}")):
        sw.run(write(tmp_path, SMALL), str(tmp_path / "out"), log=lambda s: None, **kw)
    assert not (tmp_path / "out").exists()


def test_out_is_a_new_folder_or_one_this_sweep_wrote(tmp_path, capsys):
    path = write(tmp_path, dict(GRID, space={"layers": {"values": [[64, 0, 10]]}}))
    mine = tmp_path / "site"
    mine.mkdir()
    (mine / "index.html").write_text("my own page")
    status, err = run_main(capsys, path, "--out", mine)
    assert status == 2 and "holds files no sweep wrote there (e.g. 'index.html')" in err
    assert os.listdir(mine) == ["index.html"] and (mine / "index.html").read_text() == "my own page"
    afile = tmp_path / "file"
    afile.write_text("x")
    assert run_main(capsys, path, "--out", afile)[0] == 2 and afile.read_text() == "x"
    # a folder this sweep wrote takes the same sweep again, and refuses another one
    out = tmp_path / "out"
    assert run_main(capsys, path, "--out", out)[0] == 1
    assert run_main(capsys, path, "--out", out)[0] == 1
    other = write(tmp_path, dict(GRID, space={"layers": {"values": [[64, 0, 9]]}}), "other.json")
    status, err = run_main(capsys, other, "--out", out)
    assert status == 2 and "holds another sweep's trials" in err


def test_a_sweep_where_no_trial_finishes_exits_1_with_the_reason(tmp_path, capsys):
    # every trial invalid: no task can run, and no cluster starts
    path = write(tmp_path, dict(GRID, space={"layers": {"values": [[64, 0, 10], [64, 1.5, 10]]}}))
    status, err = run_main(capsys, path, "--out", tmp_path / "invalid")
    assert status == 1 and err.count("\n") == 1, err
    assert err.startswith("dlfp: sweep: no trial finished in every fold: 6 tasks: 6 invalid; "
                          "e.g. dlfp: read_scenario: 'layers' must be a list"), err
    # (more folds than examples is refused before any task: test_more_folds_than_examples_...)


# --- trials.csv and the folder's lock ----------------------------------------------------------

def test_the_trial_log_keeps_whole_rows_and_each_task_once(tmp_path):
    path = str(tmp_path / "trials.csv")
    trials = [{"layers": [1, 2]}, {"layers": [3, 4]}]
    ok = {"train_accuracy": 1.0, "test_accuracy": 0.5, "final_cost": 0.25, "status": "ok",
          "seconds": 1.0, "message": "line one\r\nline two"}
    with TrialLog(path, ["layers"], trials) as log:
        log.record(0, "python", 1, ok)
        log.record(0, "python", 1, dict(ok, test_accuracy=0.75))  # the same task: not again
        log.record(1, "r", 2, dict(ok, status="timeout", test_accuracy=None))
    with open(path, "ab") as f:
        f.write(b'1,octave,1,"[3, 4]",0.5,0.5,0.1,ok,0.')  # cut by a killed sweep
    with TrialLog(path, ["layers"], trials) as log:
        assert sorted(log.done) == [(0, "python", 1), (1, "r", 2)]
        assert log.done[(0, "python", 1)]["test_accuracy"] == 0.5
        assert log.done[(0, "python", 1)]["message"] == "line one | line two"
        assert log.done[(0, "python", 1)]["layers"] == "[1, 2]"
        assert log.done[(1, "r", 2)]["test_accuracy"] is None
        log.record(1, "octave", 1, ok)
    assert [(r["trial"], r["language"]) for r in rows(tmp_path)] == [
        ("0", "python"), ("1", "r"), ("1", "octave")]
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data.replace(b"\r\n", b"\n"))  # as an editor may save it: every row kept
    with TrialLog(path, ["layers"], trials) as log:
        assert len(log.done) == 3
    with open(path, "a") as f:
        f.write("2,python,x,,,,ok,,\r\n")
    with pytest.raises(sw.SweepError, match=r"trials.csv row 5 is not a finished task"):
        TrialLog(path, ["layers"], trials).open()
    with pytest.raises(sw.SweepError, match="has other columns than this sweep's"):
        TrialLog(path, ["lambda"], trials).open()


def test_one_sweep_per_folder_and_a_killed_one_leaves_no_lock(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; sys.path[:0] = sys.argv[2:]; "
         "from harness.sweep_folder import FolderLock; FolderLock(sys.argv[1]).acquire(); "
         "print('held', flush=True); time.sleep(300)", str(out), str(ROOT),
         str(ROOT / "python")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        status, err = run_main(capsys, write(tmp_path, SMALL), "--out", out)
        assert status == 2 and err.count("\n") == 1
        assert re.match(rf"dlfp: sweep: --out {re.escape(str(out))} is in use by another sweep "
                        rf"\(pid {holder.pid} on {re.escape(socket.gethostname())}, started ", err)
    finally:
        holder.kill()  # as kill -9 would: no chance to remove its lock file
        holder.wait()
    assert (out / ".sweep.lock").exists()
    with FolderLock(str(out)):
        assert json.loads((out / ".sweep.lock").read_text())["pid"] == os.getpid()
    assert not (out / ".sweep.lock").exists()


def test_a_file_it_cannot_write_is_one_line_and_the_rest_stays_whole(tmp_path):
    # a file-size limit (as a full disk would) that index.html, the largest file, runs into
    path = write(tmp_path, dict(GRID, space={"layers": {"values": [[64, 0, 10], [64, 1.5, 10]]}}))
    out = tmp_path / "out"
    limited = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
               "resource.setrlimit(resource.RLIMIT_FSIZE, (12000, 12000)); "
               "from harness.__main__ import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", limited, "sweep", path, "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"dlfp: sweep: cannot write {out / 'index.html'}: File too large\n"
    assert sorted(os.listdir(out)) == ["scenarios", "summary.csv", "sweep.json", "trials.csv",
                                       "trials.json"]  # no half-written file, no lock left
    assert len(rows(out)) == 6 and json.loads((out / "sweep.json").read_text())["best"] is None


def test_a_link_planted_in_the_folder_is_never_written_through(tmp_path, capsys):
    path = write(tmp_path, dict(GRID, space={"layers": {"values": [[64, 0, 10]]}}))
    target = tmp_path / "target"
    target.write_text("mine")
    for name in (".sweep.lock", "trials.csv"):
        out = tmp_path / f"out{name}"
        assert run_main(capsys, path, "--out", out)[0] == 1
        (out / name).unlink(missing_ok=True)
        (out / name).symlink_to(target)
        status, err = run_main(capsys, path, "--out", out)
        assert status == 2 and err.startswith(f"dlfp: sweep: cannot write {out / name}: "), err
        assert target.read_text() == "mine"


def test_without_flock_a_lock_whose_pid_is_gone_is_stale(tmp_path, monkeypatch):
    def no_flock(fd, how):
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(sweep_folder.fcntl, "flock", no_flock)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    lock = tmp_path / ".sweep.lock"
    try:
        for pid, taken in ((int(gone), True), (alive.pid, False)):
            lock.write_text(json.dumps({"pid": pid, "host": socket.gethostname(),
                                        "started": "then", "command": "x"}))
            if taken:
                with FolderLock(str(tmp_path)):
                    assert json.loads(lock.read_text())["pid"] == os.getpid()
            else:
                with pytest.raises(sw.SweepError, match=f"in use by another sweep \\(pid "
                                   f"{alive.pid} on "):
                    FolderLock(str(tmp_path)).acquire()
    finally:
        alive.kill()
        alive.wait()


# --- real clusters -----------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd, log):
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                            cwd=ROOT, env=ENV)


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


def need_dask():
    if not os.path.exists(DASK):
        skip_or_fail("the dask command is not installed (make setup installs it)")


def test_a_real_cluster_survives_a_killed_worker_and_a_rerun_resumes(tmp_path, reference):
    need_dask()
    path = write(tmp_path, SMALL)
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
        sweeping = harness(path, "--out", str(out), "--scheduler", address, "--quiet")
        assert 4 <= wait_for_rows(out, 4, sweeping) < TASKS, "the sweep should be under way"
        stop(workers[0], signal.SIGKILL)  # a worker dies mid-sweep, with its tasks
        output, _ = sweeping.communicate(timeout=300)
        assert sweeping.returncode == 0, output
    finally:
        for p in workers + [scheduler]:
            stop(p)
        log.close()
    finished = numbers(out)
    assert len(finished) == TASKS and {s for s, _, _ in finished.values()} <= {"ok", "failed"}
    for key, got in finished.items():
        if got[0] == "ok":  # the same numbers as the local run, wherever a task ran
            assert got == reference[key]
    # a rerun with the same --out runs only what is missing: here, nothing
    again = sw.run(path, str(out), workers=1, log=(lines := []).append)
    assert re.search(rf"0 tasks to run, {TASKS} already done", lines[0]), lines
    assert len(rows(out)) == TASKS and again["best"] is not None


def test_a_killed_scheduler_ends_the_sweep_and_a_rerun_runs_exactly_the_missing_tasks(
        tmp_path, reference):
    need_dask()
    path = write(tmp_path, SMALL)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = open(tmp_path / "cluster.log", "wb")
    scheduler = start([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                       "--no-dashboard"], log)
    worker = start([DASK, "worker", address, "--nworkers", "1", "--nthreads", "1",
                    "--no-dashboard"], log)
    out = tmp_path / "out"
    try:
        sweeping = harness(path, "--out", str(out), "--scheduler", address, "--quiet")
        assert wait_for_rows(out, 3, sweeping) < TASKS, "the sweep should be under way"
        stop(scheduler, signal.SIGKILL)
        output, _ = sweeping.communicate(timeout=120)
    finally:
        for p in (worker, scheduler):
            stop(p)
        log.close()
    done = len(rows(out))
    assert sweeping.returncode == 3, output
    assert "Traceback" not in output and output.count("\n") == 1, output
    assert output == (f"dlfp: sweep: lost the Dask scheduler {address}: {done} tasks finished, "
                      f"{TASKS - done} left; {RESUME}\n")
    assert all(r["status"] == "ok" for r in rows(out))  # nothing the cluster dropped is a row
    assert not (out / ".sweep.lock").exists()
    # the same command on a LocalCluster: exactly the missing tasks, the same numbers
    sw.run(path, str(out), workers=2, log=(lines := []).append)
    assert f"{TASKS - done} tasks to run, {done} already done" in lines[0], lines
    assert numbers(out) == reference


def test_a_scheduler_without_workers_ends_the_sweep_instead_of_waiting_for_ever(
        tmp_path, monkeypatch):
    need_dask()
    monkeypatch.setattr(sweep_dask, "POLL", 0.5)
    monkeypatch.setattr(sweep_dask, "NO_WORKER", 3.0)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = open(tmp_path / "cluster.log", "wb")
    scheduler = start([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                       "--no-dashboard"], log)
    try:
        with pytest.raises(sw.SweepStopped) as e:
            sw.run(write(tmp_path, SMALL), str(tmp_path / "out"), scheduler=address,
                   log=lambda s: None)
    finally:
        stop(scheduler)
        log.close()
    assert e.value.status == 3
    assert str(e.value) == (f"dlfp: sweep: the Dask scheduler {address}: no Dask worker for "
                            f"3 s: 0 tasks finished, {TASKS} left; {RESUME}")
    assert rows(tmp_path / "out") == []


def test_ctrl_c_stops_the_sweep_in_one_line_with_exit_130(tmp_path, reference):
    path = write(tmp_path, SMALL)
    out = tmp_path / "out"
    # its own process group, as a terminal's foreground job: Ctrl-C reaches every process in it
    sweeping = harness(path, "--out", str(out), "--workers", "1", start_new_session=True)
    try:
        assert wait_for_rows(out, 2, sweeping) < TASKS, "the sweep should be under way"
        os.killpg(sweeping.pid, signal.SIGINT)
        output, _ = sweeping.communicate(timeout=120)
    finally:
        if sweeping.poll() is None:
            stop(sweeping)
    done = len(rows(out))
    assert sweeping.returncode == 130, output
    lines = output.splitlines()
    assert "Traceback" not in output and len(lines) == 2, output  # the plan, then the stop
    assert lines[1] == (f"dlfp: sweep: interrupted: {done} tasks finished, {TASKS - done} "
                        f"left; {RESUME}")
    sw.run(path, str(out), workers=2, log=lambda s: None)
    assert numbers(out) == reference


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certificates(folder, names=("ca", "node")):
    """A CA and a certificate it signed for 127.0.0.1 (server and client use), as the README
    shows; returns (ca, cert, key) paths."""
    ca, node = names
    folder.mkdir(exist_ok=True)
    (folder / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                    "extendedKeyUsage=serverAuth,clientAuth\n")
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
            f"/CN=dlfp test {ca}", "-keyout", f"{ca}.key", "-out", f"{ca}.pem", cwd=folder)
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={node}", "-keyout",
            f"{node}.key", "-out", f"{node}.csr", cwd=folder)
    openssl("x509", "-req", "-in", f"{node}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
            "-CAcreateserial", "-days", "1", "-extfile", "ext.cnf", "-out", f"{node}.pem",
            cwd=folder)
    return tuple(str(folder / n) for n in (f"{ca}.pem", f"{node}.pem", f"{node}.key"))


def test_a_tls_cluster_runs_the_sweep_and_refuses_a_client_without_the_certificate(
        tmp_path, reference):
    need_dask()
    if shutil.which("openssl") is None:
        skip_or_fail("openssl is not installed (make setup installs it)")
    ca, cert, key = make_certificates(tmp_path / "tls")
    _, intruder, intruder_key = make_certificates(tmp_path / "other", ("other", "intruder"))
    tls = ["--tls-ca-file", ca, "--tls-cert", cert, "--tls-key", key]
    port = free_port()
    address = f"tls://127.0.0.1:{port}"
    log = open(tmp_path / "cluster.log", "wb")
    scheduler = start([DASK, "scheduler", "--protocol", "tls", "--host", "127.0.0.1", "--port",
                       str(port), "--no-dashboard", *tls], log)
    worker = start([DASK, "worker", address, "--nworkers", "1", "--nthreads", "1",
                    "--no-dashboard", *tls], log)
    out = tmp_path / "out"
    try:
        sweeping = harness(write(tmp_path, SMALL), "--out", str(out), "--scheduler", address,
                           "--quiet", *tls)
        output, _ = sweeping.communicate(timeout=300)
        assert sweeping.returncode == 0, output
        assert numbers(out) == reference
        # a client without a certificate: the scheduler ends the handshake
        context = ssl.create_default_context(cafile=ca)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            with pytest.raises((ssl.SSLError, ConnectionError)):
                with context.wrap_socket(raw, server_hostname="127.0.0.1") as s:
                    s.recv(1)
        # a client whose certificate another CA signed: refused as an unknown CA
        from distributed import Client
        from distributed.security import Security

        with pytest.raises(OSError, match="SSL"):  # "unknown ca", or the connection cut
            Client(address, timeout=10, security=Security(
                tls_ca_file=ca, tls_client_cert=intruder, tls_client_key=intruder_key,
                require_encryption=True))
    finally:
        for p in (worker, scheduler):
            stop(p)
        log.close()


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
    # the parallel-coordinates plot and the panels of the varying fields, both decoded
    assert m and m.group(1) == m.group(2) == "2", dom[:300]
    assert 'id="best"' in dom and 'id="trials"' in dom
    doc = json.loads((out / "sweep.json").read_text())
    assert {"best", "t_test", "cluster", "versions", "summary"} <= set(doc)


# --- a sweep that cannot work is refused before anything is queued -----------------------------

def tiny_base(tmp_path, n=20, name="tiny.json", **fields):
    """A base scenario of n xor examples (2 features)."""
    base = tmp_path / name
    base.write_text(json.dumps(dict({"name": "tiny", "data": {"generator": "xor", "n": n},
                                     "layers": [2, 2, 1], "activations": ["tanh", "sigmoid"],
                                     "learning_rate": 0.1, "epochs": 1}, **fields)))
    return str(base)


class NoCluster:
    """Stands in for sweep.Cluster: a refusal must come before any cluster is made."""

    def __init__(self, *args, **kw):
        raise AssertionError("a cluster was started")


@pytest.mark.parametrize("folds,languages,space,message", [
    (1000000, ["python"], {"epochs": {"values": [1]}},
     "'folds' is 1000000, more than the 20 training examples of the base scenario"),
    (21, ["python", "r", "octave"], {"epochs": {"values": [1, 2]}},
     "'folds' is 21, more than the 20 training examples of the base scenario"),
    # the space searches the data: the trial whose data are too few is named (0-based, as
    # trials.csv numbers trials)
    (5, ["python"], {"data": {"values": [{"generator": "xor", "n": 8},
                                         {"generator": "xor", "n": 4}]}},
     "'folds' is 5, more than the 4 training examples of trial 1's data"),
    # a spiral of 3 classes of 2 points: 6 examples, whatever the seed
    (7, ["python"], {"data": {"values": [{"generator": "spiral", "n_per_class": 2}]},
                     "layers": {"values": [[2, 2, 3]]}, "activations": {"values": [
                         ["tanh", "softmax"]]}, "seed": {"values": [1, 2]}},
     "'folds' is 7, more than the 6 training examples of trial 0's data"),
])
def test_more_folds_than_examples_is_refused_before_any_task(tmp_path, capsys, monkeypatch,
                                                             folds, languages, space, message):
    monkeypatch.setattr(sw, "Cluster", NoCluster)
    path = write(tmp_path, dict(GRID, scenario=tiny_base(tmp_path), folds=folds,
                                languages=languages, space=space))
    out = tmp_path / "out"
    status, err = run_main(capsys, path, "--out", out)
    assert (status, err) == (2, f"dlfp: sweep: {message}\n")
    assert not out.exists()
    with pytest.raises(sw.SweepError, match=re.escape(message)):
        sw.run(path, str(out), log=lambda s: None)
    assert not out.exists()
    # an --out folder of the user's stays as it was
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert run_main(capsys, path, "--out", out)[0] == 2
    assert os.listdir(out) == ["notes.txt"] and (out / "notes.txt").read_text() == "mine"


def test_as_many_folds_as_examples_is_taken(tmp_path, monkeypatch):
    # folds == m passes the check (leave-one-out): the sweep goes as far as its cluster
    started = []

    class Started(NoCluster):
        def __init__(self, *args, **kw):
            started.append(args)
            raise sw.SweepError("dlfp: sweep: stopped here")

    monkeypatch.setattr(sw, "Cluster", Started)
    path = write(tmp_path, dict(GRID, scenario=tiny_base(tmp_path, n=4), folds=4,
                                space={"epochs": {"values": [1]}}))
    with pytest.raises(sw.SweepError, match="stopped here"):
        sw.run(path, str(tmp_path / "out"), log=lambda s: None)
    assert len(started) == 1


def test_the_fit_of_the_folds_is_left_to_the_tasks_when_the_data_are_not_readable_here(tmp_path):
    # data this machine cannot read (a cluster's own files), and a trial the scenario rules
    # reject, are not the check's to judge: their tasks say what is wrong
    sweep = {"folds": 1000000, "scenario": tiny_base(tmp_path)}
    base = json.loads(open(sweep["scenario"]).read())
    trials = [{"data": {"csv": str(tmp_path / "only_on_the_workers.csv")}},
              {"data": {"generator": "xor", "n": 4}, "layers": [2, 0, 1]}]
    checked = sw.check_trials(base, sweep, trials)
    assert [problem is None for _, _, problem in checked] == [True, False]
    sw.check_folds_fit(checked, trials, sweep["folds"], str(tmp_path))
    # the same trials with data it can read: refused
    trials[0] = {"data": {"generator": "xor", "n": 4}}
    with pytest.raises(sw.SweepError, match="more than the 4 training examples of trial 0's"):
        sw.check_folds_fit(sw.check_trials(base, sweep, trials), trials, 1000000, str(tmp_path))


def test_a_sweep_of_more_tasks_than_the_rules_allow_is_refused(tmp_path):
    # 100,000 trials x 11 folds x 1 language: 1,100,000 tasks, more than max_tasks (10^6)
    with pytest.raises(sw.SweepError) as e:
        sw.read_sweep(write(tmp_path, dict(SMALL, trials=100000, folds=11)))
    assert str(e.value) == ("dlfp: sweep: the sweep makes 1100000 tasks (trials x folds x "
                            "languages), more than 1000000")

