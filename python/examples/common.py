"""What every chapter example shares: run a scenario, print progress, save the figures."""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "python"))  # runs from a plain checkout, too

import dlfp  # noqa: E402

OUT = os.path.join(ROOT, "examples", "out", "python")


def scenario(name):
    """The path of a scenario: the default suite's, or the examples' own."""
    for folder in (os.path.join(ROOT, "fixtures", "scenarios"),
                   os.path.join(ROOT, "examples", "scenarios")):
        path = os.path.join(folder, name + ".json")
        if os.path.isfile(path):
            return path
    raise SystemExit(f"no scenario {name}")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_loss(result, file):
    """The loss curve, cost against epoch."""
    plt = _pyplot()
    os.makedirs(OUT, exist_ok=True)
    c = np.asarray(result["loss_curve"])
    fig, ax = plt.subplots(figsize=(5, 3.5))
    ax.plot(c[:, 0], c[:, 1])
    ax.set(title=f"{result['name']}: loss", xlabel="epoch", ylabel="cost")
    path = os.path.join(OUT, file)
    fig.savefig(path, dpi=80, bbox_inches="tight")
    plt.close(fig)
    print(f"saved {path}")


def save_boundary(result, path_scenario, file):
    """The decision regions the trained network draws over its 2-D data."""
    plt = _pyplot()
    s = dlfp.read_scenario(path_scenario)
    X, labels = dlfp.load_data(s)
    g0 = np.linspace(X[0].min() - 0.25, X[0].max() + 0.25, 200)
    g1 = np.linspace(X[1].min() - 0.25, X[1].max() + 0.25, 200)
    G0, G1 = np.meshgrid(g0, g1)
    pred = dlfp.predict_labels(np.vstack([G0.ravel(), G1.ravel()]), result["final_params"],
                        s["activations"]).reshape(G0.shape)
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.contourf(G0, G1, pred, alpha=0.35)
    ax.scatter(X[0], X[1], c=labels, s=6)
    ax.set_title(f"{result['name']}: decision boundary")
    path = os.path.join(OUT, file)
    fig.savefig(path, dpi=80, bbox_inches="tight")
    plt.close(fig)
    print(f"saved {path}")


def run(name, prefix, boundary=True):
    """Run one scenario natively, print its progress and accuracy, save its figures."""
    path = scenario(name)
    result = dlfp.run_scenario(path, verbose=True)
    save_loss(result, f"{prefix}_loss.png")
    if boundary:
        save_boundary(result, path, f"{prefix}_boundary.png")
    return result
