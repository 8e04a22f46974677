"""One scenario from file to result: prepare it (read, check, load, targets, initial weights),
then train it."""
import numpy as np

from .data import load_checked_data
from .errors import shown
from .initializers import initialize_parameters
from .network import (accuracy, compute_cost, forward_propagation, l2_penalty,
                      labels_to_targets, predict_labels)
from .optimizers import learning_rate_at
from .rng import rng_create
from .schema import read_scenario
from .train import check_divergence, train
from .validation import check_folds, cross_validate


def prepare_scenario(scenario):
    """prepared = read -> check -> load checked data -> targets -> initial weights, once.

    Parameters
    ----------
    scenario : str or dict
        A scenario file, or a scenario already checked (read_scenario's dict).

    Returns
    -------
    dict
        scenario, X (n_0, m), labels (m,), Y (n_L, m), X_test and labels_test (None without a
        test set), params0 (the initial parameters) and rng (the stream's state after them,
        where training's draws begin).
    """
    s = read_scenario(scenario) if isinstance(scenario, str) else scenario
    d = load_checked_data(s)
    if "validation" in s:  # a bad fold count is bad input: named before any training
        check_folds(s["validation"]["folds"], d["X"].shape[1])
    Y = labels_to_targets(d["labels"], s["activations"][-1], s["layers"][-1])
    params0, rng = initialize_parameters(s["layers"], s["init"], rng_create(s["seed"]))
    return {"scenario": s, "X": d["X"], "labels": d["labels"], "Y": Y, "X_test": d["X_test"],
            "labels_test": d["labels_test"], "params0": params0, "rng": rng}


def check_outputs(p, params):
    """Stop with train's divergence error when the trained network's outputs on X are not
    finite: parameters still finite after the last update, but so large that the forward pass
    overflows (each language would otherwise pick its own label for a NaN column)."""
    s = p["scenario"]
    with np.errstate(all="ignore"):
        AL, caches = forward_propagation(p["X"], params, s["activations"])
        if np.isfinite(AL).all():
            return
        cost = compute_cost(caches[-1]["Z"], p["Y"], s["activations"][-1]) + \
            l2_penalty(params, s["lambda"], p["X"].shape[1])
    e = s["epochs"] - 1
    check_divergence(e, cost if not np.isfinite(cost) else float("nan"), params, p["X"],
                     p["Y"], s["activations"], s["lambda"], learning_rate_at(s, e),
                     s["batch_size"])


def run_scenario(scenario, verbose=False, *, progress=None):
    """result = train(initialize_parameters(seed), load_data(scenario)): one scenario, start to end.

    The stream seeded with the scenario's seed makes the initial weights, then goes on to the
    shuffles and dropout masks of training.

    Parameters
    ----------
    scenario : str or dict
        A scenario file, a checked scenario (read_scenario) or a prepared one
        (prepare_scenario), which is trained without reading anything again.
    verbose : bool
        Print the cost at each recorded epoch.
    progress : callable or None
        Python only: passed to train (progress(e, cost) after each epoch).

    Returns
    -------
    dict
        name, initial_params, final_params, loss_curve (rows [epoch, cost]), train_accuracy,
        with a test set test_accuracy, with snapshot_every > 0 the snapshots (train's: epoch and
        params), and with validation the cross_validation block (cross_validate's) after the
        full-data run.
    """
    p = scenario if isinstance(scenario, dict) and "params0" in scenario else \
        prepare_scenario(scenario)
    s, X, labels = p["scenario"], p["X"], p["labels"]
    params, curve, _, snapshots = train(X, p["Y"], p["params0"], s["activations"], s, p["rng"],
                             verbose=verbose, progress=progress)
    check_outputs(p, params)
    result = {"name": s["name"], "initial_params": p["params0"], "final_params": params,
              "loss_curve": curve,
              "train_accuracy": accuracy(predict_labels(X, params, s["activations"]), labels)}
    line = f"{shown(s['name'], None)}: train accuracy {result['train_accuracy']:.4f}"
    if p["X_test"] is not None:
        result["test_accuracy"] = accuracy(predict_labels(p["X_test"], params, s["activations"]),
                                           p["labels_test"])
        line += f", test accuracy {result['test_accuracy']:.4f}"
    if verbose:
        print(line)
    if snapshots:
        result["snapshots"] = snapshots
    if "validation" in s:
        result["cross_validation"] = cross_validate(p, verbose=verbose)
    return result
