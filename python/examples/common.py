"""What every chapter example shares: run a scenario, print progress, save the figures."""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "python"))  # runs from a plain checkout, too

import dlfp  # noqa: E402
from dlfp.plane import UNIT_DPI, plane_grid, plane_labels, units_figure  # noqa: E402

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
    G0, G1, pred = plane_labels(X, result["final_params"], s["activations"])
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.contourf(G0, G1, pred, alpha=0.35)
    ax.scatter(X[0], X[1], c=labels, s=6)
    ax.set_title(f"{result['name']}: decision boundary")
    path = os.path.join(OUT, file)
    fig.savefig(path, dpi=80, bbox_inches="tight")
    plt.close(fig)
    print(f"saved {path}")


def save_features(result, path_scenario, file):
    """What each hidden unit learned: A_l(j, :) over the input plane, a row per hidden layer."""
    plt = _pyplot()
    s = dlfp.read_scenario(path_scenario)
    X, labels = dlfp.load_data(s)
    fig, _ = units_figure(X, labels, result["final_params"], s["activations"], result["name"])
    path = os.path.join(OUT, file)
    fig.savefig(path, dpi=UNIT_DPI, bbox_inches="tight")
    plt.close(fig)
    print(f"saved {path}")


def save_animation(result, path_scenario, file, fps=4):
    """The decision boundary at each snapshot, as a GIF (matplotlib's Pillow writer)."""
    plt = _pyplot()
    from matplotlib.animation import FuncAnimation, PillowWriter

    s = dlfp.read_scenario(path_scenario)
    X, labels = dlfp.load_data(s)
    G0, G1, grid = plane_grid(X, 100)
    snaps = result["snapshots"]
    fig, ax = plt.subplots(figsize=(4, 4))

    def frame(i):
        ax.clear()
        pred = dlfp.predict_labels(grid, snaps[i]["params"], s["activations"])
        ax.contourf(G0, G1, pred.reshape(G0.shape), alpha=0.35)
        ax.scatter(X[0], X[1], c=labels, s=6)
        ax.set(title=f"{result['name']}: epoch {snaps[i]['epoch']}", xticks=[], yticks=[])

    path = os.path.join(OUT, file)
    FuncAnimation(fig, frame, frames=len(snaps)).save(path, writer=PillowWriter(fps=fps), dpi=60)
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
