"""make bench: the same workloads in dlfp's Python, R and Octave and in two peers, in one sitting.

Each engine runs in a process of its own, natively (bench_train.py / .R / .m for dlfp,
bench_peers.py for PyTorch and scikit-learn): one warm-up, then REPS timed trainings, medians
with min and max. Each also times the matrix products of the workload's own shapes in its own
BLAS: the floor below which no implementation can go, since the products cannot be skipped; a
time is printed as a multiple of it too. Peak memory is the process's high-water mark (VmHWM),
interpreter and data loading included. The kernel is what each BLAS picked on this CPU.
Nothing here asserts a speed: the numbers are for people to read (the README quotes them).
"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

from dlfp.result import write_atomic

from ..paths import FIXTURES, ROOT

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = {
    "fashion_mnist": ("full Fashion-MNIST, 784-128-10, Adam, batches of 128: one epoch",
                      FIXTURES / "benchmarks" / "fashion_mnist.json"),
    "spiral": ("spiral, 2-100-3, full batch: 1000 iterations",
               FIXTURES / "benchmarks" / "spiral.json"),
    "deep_narrow": ("donut, 2-9-7-5-1 relu, full batch: 1000 iterations",
                    FIXTURES / "benchmarks" / "deep_narrow.json"),
}
ENGINES = {
    "dlfp python": lambda scen, reps: [sys.executable, os.path.join(HERE, "bench_train.py"),
                                       scen, str(reps)],
    "dlfp r": lambda scen, reps: ["Rscript", os.path.join(HERE, "bench_train.R"), scen,
                                  str(reps)],
    "dlfp octave": lambda scen, reps: ["octave-cli", "--no-gui", "--quiet", "--no-history",
                                       os.path.join(HERE, "bench_train.m"), scen, str(reps)],
    "pytorch": lambda scen, reps: [sys.executable, os.path.join(HERE, "bench_peers.py"), "torch",
                                   scen, str(reps)],
    "scikit-learn": lambda scen, reps: [sys.executable, os.path.join(HERE, "bench_peers.py"),
                                        "sklearn", scen, str(reps)],
}
# One BLAS thread everywhere; OPENBLAS_VERBOSE=2 makes an OpenBLAS name the kernel it picked
ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
       "OPENBLAS_VERBOSE": "2"}


def run_engine(engine, scenario, reps, timeout=3600):
    """One engine on one workload: its JSON line, with the kernel its OpenBLAS announced."""
    cmd = ENGINES[engine](str(scenario), reps)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                         env=dict(os.environ, **ENV))
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        return {"error": (out.stderr.strip().splitlines() or ["no output"])[-1]}
    res = json.loads(lines[-1])
    cores = sorted(set(re.findall(r"^Core: (\S+)", out.stderr, re.M)))
    if "kernel" not in res:  # R and Octave: Debian's OpenBLAS says which kernel it chose
        res["kernel"] = "OpenBLAS " + ("/".join(cores) if cores else "(kernel not reported)")
    return res


def summarize(res):
    t = sorted(res["times"])
    med = statistics.median(t)
    return {"median": med, "min": t[0], "max": t[-1], "reps": len(t),
            "x_floor": med / res["floor_seconds"] if res["floor_seconds"] > 0 else None,
            "gemm_gflops": res["flops"] / res["floor_seconds"] / 1e9,
            "peak_rss_mb": res["peak_rss_mb"], "kernel": res["kernel"]}


def memory_budget_mb(scenario):
    """2 x (data + parameters + one batch's activations): the memory target, in MB."""
    import dlfp

    p = dlfp.prepare_scenario(str(scenario))
    s = p["scenario"]
    m = p["X"].shape[1]
    mb = s["batch_size"] or m
    data = p["X"].size + p["Y"].size + p["labels"].size
    if p["X_test"] is not None:
        data += p["X_test"].size + p["labels_test"].size
    params = sum(v.size for v in p["params0"].values())
    activations = 2 * sum(s["layers"][1:]) * mb  # Z and A of every layer
    return 2 * 8 * (data + params + activations) / 2**20


def run(workloads=None, engines=None, reps=5, out_dir=None, log=print):
    """Every engine on every workload; prints the table, writes results.json and results.md."""
    workloads = workloads or list(WORKLOADS)
    engines = engines or list(ENGINES)
    out_dir = out_dir or os.path.join(ROOT, "bench")
    rows = []
    for w in workloads:
        what, scenario = WORKLOADS[w]
        budget = memory_budget_mb(scenario)
        for engine in engines:
            t0 = time.perf_counter()
            res = run_engine(engine, scenario, reps)
            row = {"workload": w, "engine": engine, "memory_budget_mb": budget}
            row.update(res if "error" in res else summarize(res))
            rows.append(row)
            log(f"  {w} / {engine}: " + (f"error: {res['error']}" if "error" in res else
                                         f"median {row['median']:.3f} s") +
                f" ({time.perf_counter() - t0:.0f} s)")
    doc = {"when": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(), "reps": reps,
           "workloads": {w: WORKLOADS[w][0] for w in workloads}, "rows": rows}
    os.makedirs(out_dir, exist_ok=True)
    write_atomic(os.path.join(out_dir, "results.json"), json.dumps(doc, indent=1) + "\n")
    md = markdown(doc)
    write_atomic(os.path.join(out_dir, "results.md"), md + "\n")
    log(md)
    return doc


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version()}


def markdown(doc):
    """The table the README quotes: per workload, each engine's median and its multiples."""
    lines = [f"Measured {doc['when']} on {doc['machine']['cpu']} ({doc['machine']['cores']} "
             f"cores), one BLAS thread; median of {doc['reps']} timed runs after a warm-up.", "",
             "| workload | engine | median s (min-max) | x dlfp python | x floor | products GFLOP/s "
             "| peak RSS MB (x budget) | BLAS kernel |",
             "|---|---|---|---|---|---|---|---|"]
    for w in doc["workloads"]:
        rows = [r for r in doc["rows"] if r["workload"] == w]
        ref = next((r["median"] for r in rows if r["engine"] == "dlfp python" and "median" in r),
                   None)
        for r in rows:
            if "error" in r:
                lines.append(f"| {w} | {r['engine']} | error: {r['error']} | | | | | |")
                continue
            ratio = f"{r['median'] / ref:.2f}" if ref else "-"
            lines.append(
                f"| {w} | {r['engine']} | {r['median']:.3f} ({r['min']:.3f}-{r['max']:.3f}) | "
                f"{ratio} | {r['x_floor']:.2f} | {r['gemm_gflops']:.1f} | "
                f"{r['peak_rss_mb']:.0f} ({r['peak_rss_mb'] / r['memory_budget_mb']:.2f}) | "
                f"{r['kernel']} |")
    lines.append("")
    lines.append("Workloads: " + "; ".join(f"{w}: {what}" for w, what in doc["workloads"].items())
                 + ". Floor: the workload's matrix products alone, timed in the engine's own "
                 "BLAS at the same shapes. Budget: 2 x (data + parameters + one batch's "
                 "activations), float64.")
    return "\n".join(lines)
