"""K-fold cross-validation (the course's model selection): the same folds and the same scores in
Python, R and Octave, because the split comes from the shared random stream."""
import numpy as np

from .errors import DlfpError
from .network import accuracy, predict_labels
from .rng import rng_create, rng_permutation
from .train import train


def fold_indices(m, folds, seed):
    """part_k = perm[start_k : start_k + size_k], perm = rng_permutation(rng_create(seed), m).

    The m examples are split into K contiguous parts of the permutation, of sizes floor(m/K) + 1
    for the first (m mod K) parts and floor(m/K) for the rest.

    Returns
    -------
    list of ndarray of int
        Each fold's test indices, 0-based, in ascending order.
    """
    perm, _ = rng_permutation(rng_create(seed), m)
    sizes = np.full(folds, m // folds) + (np.arange(folds) < m % folds)
    ends = np.cumsum(sizes)
    return [np.sort(perm[end - size:end]) for end, size in zip(ends, sizes)]


def check_folds(folds, m):
    """Stop unless 2 <= K <= m: every fold must test on at least one example."""
    if folds > m:
        raise DlfpError(f"dlfp: cross_validate: 'validation.folds' is {folds} but the data "
                        f"have {m} examples")


def cross_validate(prepared, verbose=False):
    """acc_k = accuracy on part k of the network trained on the other K - 1 parts; mean, std.

    Every fold starts from the scenario's initial weights and the stream's state after them,
    and trains exactly as a plain run of the scenario would on its training part (in the
    examples' order in X): shuffles and dropout masks go on from there.

    Parameters
    ----------
    prepared : dict
        From prepare_scenario, for a scenario with a "validation" field.
    verbose : bool
        Print one line per fold and the mean and std.

    Returns
    -------
    dict
        folds (a list of {test_index, train_accuracy, test_accuracy, final_cost}),
        mean_test_accuracy, std_test_accuracy (ddof 0, numpy's default).
    """
    v = prepared["scenario"]["validation"]
    folds = []
    for k in range(1, v["folds"] + 1):
        fold = validate_fold(prepared, k)
        folds.append(fold)
        if verbose:
            print(f"fold {k}: train accuracy {fold['train_accuracy']:.4f}, test accuracy "
                  f"{fold['test_accuracy']:.4f}, final cost {fold['final_cost']:.6f}", flush=True)
    scores = np.array([f["test_accuracy"] for f in folds])
    out = {"folds": folds, "mean_test_accuracy": float(scores.mean()),
           "std_test_accuracy": float(scores.std())}
    if verbose:
        print(f"cross-validation: mean test accuracy {out['mean_test_accuracy']:.4f}, "
              f"std {out['std_test_accuracy']:.4f}")
    return out


def validate_fold(prepared, fold):
    """acc = accuracy on part k of the network trained on the other parts: one fold, k = fold.

    One fold alone, as cross_validate computes it (a sweep runs the folds as separate tasks).

    Parameters
    ----------
    prepared : dict
        From prepare_scenario, for a scenario with a "validation" field.
    fold : int
        The fold's number, 1 .. K (as the lines print it, in every language).

    Returns
    -------
    dict
        test_index (0-based, ascending), train_accuracy, test_accuracy, final_cost.
    """
    s, X, Y, labels = prepared["scenario"], prepared["X"], prepared["Y"], prepared["labels"]
    v = s["validation"]
    m = X.shape[1]
    check_folds(v["folds"], m)
    if not (1 <= fold <= v["folds"]):
        raise DlfpError(f"dlfp: validate_fold: fold {fold} is not one of 1..{v['folds']}")
    test = fold_indices(m, v["folds"], v["seed"])[fold - 1]
    keep = np.ones(m, dtype=bool)
    keep[test] = False
    params, curve, _, _ = train(X[:, keep], Y[:, keep], prepared["params0"], s["activations"], s,
                             prepared["rng"])
    acts = s["activations"]
    return {"test_index": test,
            "train_accuracy": accuracy(predict_labels(X[:, keep], params, acts), labels[keep]),
            "test_accuracy": accuracy(predict_labels(X[:, test], params, acts), labels[test]),
            "final_cost": float(curve[-1, 1])}
