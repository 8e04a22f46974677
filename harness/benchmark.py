"""python -m harness benchmark: seconds per training epoch in each language, and the ratios.

Each language runs the same scenario natively through its bridge (one call per run): 1 epoch
to warm up, 1 epoch again and 2 epochs; the difference of the last two is one epoch of training,
free of start-up and data loading (which the timed 1-epoch run includes and also reports). No test times anything; this script is where speed
is measured.
"""
import time

from .bridges import LANGUAGES
from .paths import FIXTURES
from .worker import Worker

DEFAULT = FIXTURES / "benchmarks" / "fashion_mnist.json"


def run(path=DEFAULT, langs=LANGUAGES, timeout=3600.0, log=print, coretype=None):
    """Time 1 and 2 epochs of path in each language; print seconds and ratios to Python.

    coretype, if given, is set as OPENBLAS_CORETYPE for R and Octave only (Debian's OpenBLAS
    0.3.21 does not know every recent CPU and then falls back to its slow Prescott kernels;
    numpy bundles a newer OpenBLAS that does)."""
    rows = {}
    path = str(path)  # each language sets the epochs in its own checked scenario: no copies
    for lang in langs:
        env = {"OPENBLAS_CORETYPE": coretype} if coretype and lang != "python" else {}
        w = Worker(lang, timeout=timeout, env=env)
        try:
            w.call("rng_uniform", 0, 1)  # start-up is not timed
            w.call("run_scenario", path, 1)  # warm-up: the first read of the files is slower
            t0 = time.perf_counter()
            r1 = w.call("run_scenario", path, 1)
            t1 = time.perf_counter()
            w.call("run_scenario", path, 2)
            t2 = time.perf_counter()
        finally:
            w.close()
        rows[lang] = {"run_1_epoch": t1 - t0, "epoch": (t2 - t1) - (t1 - t0),
                      "test_accuracy": r1.get("test_accuracy"), "version": w.version}
        log(f"{lang}: 1-epoch run {t1 - t0:.1f} s (data loading included), one epoch "
            f"{rows[lang]['epoch']:.1f} s")
    ref = rows.get("python", {}).get("epoch")
    log(f"{'language':<8} {'epoch s':>8} {'x python':>9} {'1-epoch run s':>14} {'test acc':>9}")
    for lang, r in rows.items():
        ratio = f"{r['epoch'] / ref:.2f}" if ref else "-"
        acc = f"{r['test_accuracy']:.4f}" if r["test_accuracy"] is not None else "-"
        log(f"{lang:<8} {r['epoch']:>8.1f} {ratio:>9} {r['run_1_epoch']:>14.1f} {acc:>9}")
    return rows
