"""Costs of the output layer, looked up by output activation in COSTS; computed from logits."""
import numpy as np


def binary_cross_entropy(ZL, Y):
    """J = -1/m * sum(y .* log(a) + (1 - y) .* log(1 - a)),  a = sigmoid(z).

    Computed from the logits z as mean(max(z, 0) - z .* y + log(1 + exp(-|z|))), which is the
    same number without ever taking log(0) or overflowing exp.

    Parameters
    ----------
    ZL : ndarray, shape (1, m)
    Y : ndarray, shape (1, m)
        Targets 0 or 1.

    Returns
    -------
    float
    """
    m = ZL.shape[1]
    return float(np.sum(np.maximum(ZL, 0.0) - ZL * Y + np.log1p(np.exp(-np.abs(ZL)))) / m)


def categorical_cross_entropy(ZL, Y):
    """J = -1/m * sum(sum(Y .* log(softmax(Z)))).

    log(softmax(z)) = z - max(z) - log(sum(exp(z - max(z)))) per column: never log(0).

    Parameters
    ----------
    ZL : ndarray, shape (K, m)
    Y : ndarray, shape (K, m)
        One-hot targets.

    Returns
    -------
    float
    """
    m = ZL.shape[1]
    S = ZL - ZL.max(axis=0, keepdims=True)
    log_p = S - np.log(np.exp(S).sum(axis=0, keepdims=True))  # (K, m)
    return float(-np.sum(Y * log_p) / m)


COSTS = {"sigmoid": binary_cross_entropy, "softmax": categorical_cross_entropy}
