"""Gradient checking (chapter 8): backward propagation against centered finite differences."""
import numpy as np

from .network import (backward_propagation, compute_cost, forward_propagation, l2_penalty)

# Above this relative difference the gradients are wrong (chapter 8's threshold), in every
# language, the harness and the examples
GRADCHECK_THRESHOLD = 1e-7


def gradient_check(X, Y, params, activations, lambd=0.0, epsilon=1e-7):
    """d = ||g - g_num|| / (||g|| + ||g_num||),  g_num_i = (J(p + eps e_i) - J(p - eps e_i)) / (2 eps).

    Every parameter is perturbed in turn (W1 then b1, ..., each column by column), without
    dropout. A relu kink between p - eps and p + eps makes g_num meaningless there, so a
    perturbation that flips the sign of any relu pre-activation is not compared but counted in
    "kinks".

    Parameters
    ----------
    X : ndarray, shape (n_0, m)
    Y : ndarray, shape (n_L, m)
    params : dict
    activations : sequence of str
    lambd : float
        L2 strength, included in J and in g.
    epsilon : float
        The perturbation.

    Returns
    -------
    dict
        difference (float), checked (how many parameters were compared), kinks (how many were
        skipped for a relu kink).
    """
    AL, caches = forward_propagation(X, params, activations)
    grads = backward_propagation(AL, Y, caches, params, activations, lambd)
    base = _relu_signs(caches, activations)
    g_all, num_all = [], []
    kinks = 0
    for key, P in params.items():
        g = grads[f"d{key}"].ravel(order="F")
        num = np.zeros(P.size)
        ok = np.ones(P.size, dtype=bool)
        # one forward pass per perturbation: inherently one parameter at a time
        for i in range(P.size):
            idx = np.unravel_index(i, P.shape, order="F")
            costs = []
            for sign in (1.0, -1.0):
                Q = P.copy()
                Q[idx] += sign * epsilon
                trial = dict(params, **{key: Q})
                _, c = forward_propagation(X, trial, activations)
                ok[i] &= _same_signs(base, _relu_signs(c, activations))
                costs.append(compute_cost(c[-1]["Z"], Y, activations[-1])
                             + l2_penalty(trial, lambd, X.shape[1]))
            num[i] = (costs[0] - costs[1]) / (2.0 * epsilon)
        kinks += int((~ok).sum())
        g_all.append(g[ok])
        num_all.append(num[ok])
    g = np.concatenate(g_all)
    num = np.concatenate(num_all)
    denom = np.linalg.norm(g) + np.linalg.norm(num)
    diff = float(np.linalg.norm(g - num) / denom) if denom > 0 else 0.0
    return {"difference": diff, "checked": int(g.size), "kinks": kinks}


def _relu_signs(caches, activations):
    return [c["Z"] > 0 for c, a in zip(caches, activations) if a == "relu"]


def _same_signs(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a, b))
