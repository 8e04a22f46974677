"""Times a peer library on a dlfp scenario's workload: python bench_peers.py PEER SCENARIO REPS.

PEER torch: PyTorch CPU, float64, the same network (torch.nn layers, autograd, torch.optim)
from dlfp's initial weights over the same batches (the framework twin's own training loop,
harness/torch_twin.py). PEER sklearn: scikit-learn's MLPClassifier, the same layers, solver
(adam, or sgd without momentum for gd), learning rate, batch size and epochs, no L2; its own
initialization. One warm-up, then REPS timed fits; then the workload's matrix products in the
peer's own BLAS. One JSON line, as bench_train.py prints.
"""
import json
import os
import sys
import time
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import dlfp  # noqa: E402
from harness.bench.bench_train import floor, numpy_kernel, peak_rss_mb  # noqa: E402


def torch_runner(p):
    import torch

    from harness import torch_twin

    torch.set_num_threads(1)
    s = p["scenario"]

    def once():
        net, X, target = torch_twin.setup(p)  # fresh initial weights: not timed
        t = time.perf_counter()
        torch_twin.fit(net, X, target, s, p["rng"])
        return time.perf_counter() - t

    return once, "torch " + torch.__version__ + " " + torch.backends.cpu.get_cpu_capability()


def sklearn_runner(p):
    import sklearn
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    s = p["scenario"]
    hidden = set(s["activations"][:-1])
    if len(hidden) > 1:
        raise SystemExit("sklearn: one activation for every hidden layer only")
    X, y = p["X"].T.copy(), p["labels"]
    m = X.shape[0]
    common = dict(hidden_layer_sizes=tuple(s["layers"][1:-1]),
                  activation={"relu": "relu", "tanh": "tanh", "sigmoid": "logistic"}[hidden.pop()],
                  alpha=0.0, batch_size=s["batch_size"] or m,
                  learning_rate_init=s["learning_rate"], max_iter=s["epochs"], shuffle=True,
                  random_state=0, tol=0.0, n_iter_no_change=s["epochs"] + 1)
    if s["optimizer"] == "adam":
        common.update(solver="adam", beta_1=s["beta1"], beta_2=s["beta2"], epsilon=s["epsilon"])
    else:
        common.update(solver="sgd", momentum=0.0, nesterovs_momentum=False)

    def once():
        clf = MLPClassifier(**common)
        t = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(X, y)
        return time.perf_counter() - t

    return once, f"scikit-learn {sklearn.__version__}, numpy's {numpy_kernel()}"


def torch_floor(layers, m, batch_size, epochs):
    """The workload's products in PyTorch's own BLAS, as floor() times numpy's."""
    import torch

    return floor(layers, m, batch_size, epochs,
                 random=lambda shape: torch.rand(shape, dtype=torch.float64))


def main(peer, path, reps):
    p = dlfp.prepare_scenario(path)
    s = p["scenario"]
    once, kernel = {"torch": torch_runner, "sklearn": sklearn_runner}[peer](p)
    once()  # warm-up
    times = [once() for _ in range(reps)]
    measure = torch_floor if peer == "torch" else floor
    seconds, flops = measure(s["layers"], p["X"].shape[1], s["batch_size"], s["epochs"])
    print(json.dumps({"times": times, "floor_seconds": seconds, "flops": flops,
                      "peak_rss_mb": peak_rss_mb(), "kernel": kernel}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
