"""Times dlfp's Python training of one scenario natively: python bench_train.py SCENARIO REPS.

Prepares the scenario once, trains it once to warm up, then REPS times, each timed alone; then
times the matrix products of the workload's own shapes (forward W A, backward dZ A' and W' dZ)
in this language's BLAS: the floor no implementation can go below. Prints one JSON line:
times (s), floor_seconds, flops, peak_rss_mb. Its twins bench_train.R and bench_train.m do the
same in R and Octave.
"""
import json
import math
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import dlfp  # noqa: E402


def product_seconds(A, B, transpose_a=False, transpose_b=False):
    """The fastest of 5 batches of A*B (as the training step forms it), per product."""
    Aop = A.T if transpose_a else A
    Bop = B.T if transpose_b else B
    k = 1
    while True:  # enough products that a batch takes at least 20 ms
        t = time.perf_counter()
        for _ in range(k):
            Aop @ Bop
        if time.perf_counter() - t >= 0.02:
            break
        k *= 2
    best = math.inf
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(k):
            Aop @ Bop
        best = min(best, (time.perf_counter() - t) / k)
    return best


def floor(layers, m, batch_size, epochs, random=None):
    """(seconds, flops) of every matrix product of training: W_l A_(l-1), dZ_l A_(l-1)' for each
    layer, W_l' dZ_l above the first; one step's products times the number of steps. random(shape)
    makes the operands (numpy arrays by default; a peer passes its own tensors)."""
    mb = batch_size or m
    steps = epochs * math.ceil(m / mb)
    random = random or np.random.default_rng(0).random
    seconds = flops = 0.0
    for l in range(1, len(layers)):
        n, n_prev = layers[l], layers[l - 1]
        W, A, dZ = random((n, n_prev)), random((n_prev, mb)), random((n, mb))
        seconds += product_seconds(W, A) + product_seconds(dZ, A, transpose_b=True)
        flops += 2 * 2.0 * n * n_prev * mb
        if l > 1:
            seconds += product_seconds(W, dZ, transpose_a=True)
            flops += 2.0 * n * n_prev * mb
    return seconds * steps, flops * steps


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main(path, reps):
    p = dlfp.prepare_scenario(path)
    s = p["scenario"]

    def once():
        t = time.perf_counter()
        dlfp.train(p["X"], p["Y"], p["params0"], s["activations"], s, p["rng"])
        return time.perf_counter() - t

    once()  # warm-up
    times = [once() for _ in range(reps)]
    seconds, flops = floor(s["layers"], p["X"].shape[1], s["batch_size"], s["epochs"])
    print(json.dumps({"times": times, "floor_seconds": seconds, "flops": flops,
                      "peak_rss_mb": peak_rss_mb(), "kernel": numpy_kernel()}))


def numpy_kernel():
    """The kernel numpy's OpenBLAS picked on this CPU (threadpoolctl's "architecture")."""
    from threadpoolctl import threadpool_info

    found = [f"{i['internal_api']} {i.get('version', '')} {i.get('architecture', '')}".strip()
             for i in threadpool_info() if i.get("user_api") == "blas"]
    return "; ".join(found) or "unknown"


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
