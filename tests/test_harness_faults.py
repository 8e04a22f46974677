"""The harness survives faults: a language killed mid-scenario, a Python that trains forever, a
missing scenario file, a report that cannot be written. Each is reported for its own scenario
and language, and the scenarios after it still run in fresh, fully set-up sessions."""
import json
import os
import signal
import subprocess
import sys
import threading
import time


from conftest import ROOT, require_language
from harness import crosscheck
from harness.crosscheck_doc import format_table
from harness.paths import copy_scenario

SPIRAL = ROOT / "fixtures" / "scenarios" / "spiral_softmax.json"
XOR = ROOT / "fixtures" / "scenarios" / "deep_xor.json"


def children(pid):
    """Process ids of pid's children (oct2py's octave-cli runs in a session of its own)."""
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def kill_octave_later(worker, seconds, sig):
    def kill():
        time.sleep(seconds)
        for pid in children(worker.pid):
            with open(f"/proc/{pid}/comm") as f:
                if "octave" in f.read():
                    os.kill(pid, sig)
    threading.Thread(target=kill, daemon=True).start()


def test_octave_killed_mid_scenario_is_reported_and_the_next_scenario_runs(tmp_path,
                                                                           monkeypatch):
    require_language("octave")
    monkeypatch.chdir(tmp_path)  # where a dying Octave would leave octave-workspace
    # Octave trains it in about 20 s, Python in about 8: Octave is still busy 3 s after Python
    long = copy_scenario(SPIRAL, tmp_path / "long.json", epochs=30000)
    short = copy_scenario(XOR, tmp_path / "short.json", epochs=50, record_every=10)
    cc = crosscheck.Crosscheck(langs=["python", "octave"], timeout=120, log=lambda s: None)
    started = []

    def tick(what):
        if what.endswith("python") and not started:
            started.append(what)
            # SIGTERM, the signal that used to make Octave dump its workspace
            kill_octave_later(cc.workers["octave"], 3.0, signal.SIGTERM)

    cc.tick = tick
    try:
        killed = cc.compare(str(long))
        after = cc.compare(str(short))
    finally:
        cc.close()
    assert killed.languages["octave"].status == "died", killed.languages["octave"]
    assert not killed.agree
    assert killed.languages["python"].status == "ok"
    assert after.agree, after.languages
    assert after.languages["octave"].status == "ok"
    assert not (tmp_path / "octave-workspace").exists()
    table = format_table([killed, after], ["python", "octave"])
    assert "spiral_softmax" in table and "FAIL died" in table


def test_python_that_trains_forever_times_out_and_the_next_scenario_runs(tmp_path):
    endless = copy_scenario(SPIRAL, tmp_path / "endless.json", epochs=1000000)
    short = copy_scenario(XOR, tmp_path / "short.json", epochs=50, record_every=10)
    cc = crosscheck.Crosscheck(langs=["python"], timeout=8, log=lambda s: None)
    try:
        t0 = time.perf_counter()
        stuck = cc.compare(str(endless))
        assert time.perf_counter() - t0 < 60
        after = cc.compare(str(short))
    finally:
        cc.close()
    assert stuck.languages["python"].status == "timeout"
    assert "timed out after 8 s" in stuck.languages["python"].message
    assert after.agree and after.languages["python"].status == "ok"


def test_a_missing_scenario_fails_alone_and_is_named(tmp_path):
    short = copy_scenario(XOR, tmp_path / "short.json", epochs=20, record_every=10)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "named_in_the_file", "epochs": 0}))
    lines = []
    report = tmp_path / "report.json"
    ok = crosscheck.run([str(tmp_path / "gone.json"), str(bad), str(short)], langs=["python"],
                        report=str(report), log=lines.append, timeout=60)
    assert not ok
    doc = json.loads(report.read_text())
    by_name = {s["name"]: s for s in doc["scenarios"]}
    assert by_name["gone"]["languages"]["python"]["status"] == "missing"
    # a scenario Python rejects is still named by its own name field
    assert by_name["named_in_the_file"]["languages"]["python"]["status"] == "rejected"
    assert by_name["deep_xor"]["agree"]
    assert any("FAIL missing" in ln for ln in lines) and any("FAIL rejected" in ln for ln in lines)


def test_report_folder_is_checked_before_anything_runs(tmp_path):
    from harness.__main__ import main

    started = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "harness", "crosscheck", "--langs", "python",
                        "--report", str(tmp_path / "no" / "r.json"), str(XOR)],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert p.returncode == 2 and time.perf_counter() - started < 30
    assert p.stderr.strip() == f"harness: crosscheck: --report: no such folder: {tmp_path / 'no'}"
    del main


def test_each_language_has_its_own_random_stream_verdict(monkeypatch):
    for lang in ("r", "octave"):
        require_language(lang)
    cc = crosscheck.Crosscheck(timeout=120, log=lambda s: None)
    real = cc._call

    def broken_r(lang, method, *args):
        out = real(lang, method, *args)
        return out * (1 + 1e-15) if lang == "r" else out

    monkeypatch.setattr(cc, "_call", broken_r)
    try:
        entry = cc.random_stream()
    finally:
        cc.close()
    assert entry.languages["r"].bit_identical is False
    assert entry.languages["octave"].bit_identical is True
    assert not entry.agree


def test_no_octave_noise_reaches_the_user(tmp_path):
    require_language("octave")
    short = copy_scenario(XOR, tmp_path / "short.json", epochs=20, record_every=10)
    p = subprocess.run([sys.executable, "-m", "harness", "crosscheck", "--langs",
                        "python,octave", "--quiet", str(short)], capture_output=True, text=True,
                       cwd=ROOT, timeout=300, env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
    assert p.returncode == 0, p.stdout + p.stderr
    assert "error" not in (p.stdout + p.stderr).lower(), p.stdout + p.stderr
    assert p.stdout.strip().endswith("all languages agree")
