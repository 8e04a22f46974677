"""make bench runs every engine natively and writes its tables. No timing is asserted here
(speed is read from the benchmark's own output, never from a test): only that each engine ran,
reported its repetitions, its products' floor, its peak memory and its BLAS kernel."""
import json
import re
import subprocess
import sys

from conftest import ROOT, require_language, skip_or_fail
from harness.bench.suite import ENGINES
from harness.bridges import environment_problem


def test_bench_runs_every_engine_and_writes_json_and_markdown(tmp_path):
    for lang in ("r", "octave"):
        require_language(lang)
    if environment_problem("torch"):
        skip_or_fail("PyTorch is not installed (make setup-torch)")
    out = subprocess.run([sys.executable, "-m", "harness", "bench", "--workloads", "deep_narrow",
                          "--reps", "2", "--out", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    doc = json.loads((tmp_path / "results.json").read_text())
    rows = doc["rows"]
    assert [r["engine"] for r in rows] == list(ENGINES)
    for r in rows:
        assert "error" not in r, r
        assert r["reps"] == 2 and 0 < r["min"] <= r["median"] <= r["max"]
        assert r["x_floor"] > 1.0  # training does the products and more
        assert r["peak_rss_mb"] > 10 and r["kernel"]
    by = {r["engine"]: r for r in rows}
    for engine in ("dlfp r", "dlfp octave"):  # Debian's OpenBLAS names the kernel it picked
        assert re.fullmatch(r"OpenBLAS [A-Za-z0-9/]+", by[engine]["kernel"]), by[engine]["kernel"]
    assert by["dlfp python"]["kernel"].startswith("openblas")  # threadpoolctl's view of numpy
    md = (tmp_path / "results.md").read_text()
    assert md.count("| deep_narrow |") == len(ENGINES)
    assert "| deep_narrow | dlfp python |" in md and "| 1.00 |" in md


def test_bench_rejects_an_unknown_engine():
    out = subprocess.run([sys.executable, "-m", "harness", "bench", "--engines", "julia"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 2
    assert out.stderr == ("harness: bench: --engines: unknown julia (known: dlfp python, dlfp r, "
                          "dlfp octave, pytorch, scikit-learn)\n")
