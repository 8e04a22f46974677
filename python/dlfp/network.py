"""Forward and backward propagation through L layers, the cost, and the gradient-descent step."""
import numpy as np

from .activations import ACTIVATIONS, DERIVATIVES, lookup
from .costs import COSTS
from .rng import rng_uniform


def linear_forward(A_prev, W, b):
    """Z = W * A_prev + b."""
    Z = W @ A_prev
    Z += b  # in place: one (n_l, m) array, not two
    return Z


def forward_propagation(X, params, activations):
    """A_l = g_l(W_l * A_(l-1) + b_l) for l = 1..L, with A_0 = X.

    Parameters
    ----------
    X : ndarray, shape (n_0, m)
    params : dict
        W1, b1, ..., WL, bL.
    activations : sequence of str
        One name per layer after the input (keys of ACTIVATIONS).

    Returns
    -------
    AL : ndarray, shape (n_L, m)
    caches : list of dict
        Per layer l (index l - 1): A_prev, Z and A.
    """
    AL, caches, _ = forward_propagation_dropout(X, params, activations, 1.0, None)
    return AL, caches


def forward_propagation_dropout(X, params, activations, keep_prob, rng):
    """A_l = g_l(W_l * A_(l-1) + b_l) .* D_l / keep_prob on hidden layers, D_l = (u < keep_prob).

    Inverted dropout: each hidden layer's mask is drawn from the shared stream (n_l * m
    uniforms, filled column by column), never on the input or the output layer. With
    keep_prob = 1 no mask is drawn and rng is untouched.

    Parameters
    ----------
    X : ndarray, shape (n_0, m)
    params : dict
    activations : sequence of str
    keep_prob : float
        Probability of keeping a hidden unit, in (0, 1].
    rng : float or None
        Generator state (needed when keep_prob < 1).

    Returns
    -------
    AL : ndarray, shape (n_L, m)
    caches : list of dict
        Per layer: A_prev, Z, A (= g(Z), before dropout) and, with dropout, D.
    rng : float or None
    """
    A = X
    caches = []
    L = len(activations)
    for l, name in enumerate(activations, start=1):
        g = lookup(ACTIVATIONS, name, "activation", "forward_propagation")
        Z = linear_forward(A, params[f"W{l}"], params[f"b{l}"])  # (n_l, m)
        cache = {"A_prev": A, "Z": Z, "A": g(Z)}
        A = cache["A"]
        if keep_prob < 1.0 and l < L:
            u, rng = rng_uniform(rng, Z.size)
            cache["D"] = (u.reshape(Z.shape, order="F") < keep_prob).astype(float)  # (n_l, m)
            A = A * cache["D"] / keep_prob
        caches.append(cache)
    return A, caches, rng


def compute_cost(ZL, Y, output_activation):
    """J = -1/m * sum(Y .* log(AL)) (cross-entropy of the output activation), from logits ZL.

    Parameters
    ----------
    ZL : ndarray, shape (n_L, m)
        The output layer's pre-activation.
    Y : ndarray, shape (n_L, m)
        Targets: 0/1 for a sigmoid output, one-hot for softmax.
    output_activation : str
        "sigmoid" (binary cross-entropy) or "softmax" (categorical cross-entropy).

    Returns
    -------
    float
    """
    return lookup(COSTS, output_activation, "output activation", "compute_cost")(ZL, Y)


def backward_propagation(AL, Y, caches, params, activations, lambd=0.0, keep_prob=1.0):
    """dZ_L = A_L - Y ; dW_l = dZ_l A_(l-1)' / m + (lambda / m) W_l ; db_l = sum(dZ_l, 2) / m.

    Going down, dA_(l-1) = W_l' dZ_l, times D_(l-1) / keep_prob where dropout masked the layer,
    and dZ_(l-1) = dA_(l-1) .* g'(Z_(l-1)). The output dZ_L = A_L - Y holds for sigmoid with
    binary and softmax with categorical cross-entropy alike.

    Parameters
    ----------
    AL : ndarray, shape (n_L, m)
    Y : ndarray, shape (n_L, m)
    caches : list of dict
        From forward_propagation or forward_propagation_dropout.
    params : dict
    activations : sequence of str
    lambd : float
        L2 strength (0: none).
    keep_prob : float
        The keep probability the masks in caches were drawn with.

    Returns
    -------
    dict
        dW1, db1, ..., dWL, dbL.
    """
    m = AL.shape[1]
    L = len(caches)
    grads = {}
    dZ = AL - Y  # (n_L, m)
    for l in range(L, 0, -1):
        cache = caches[l - 1]
        W = params[f"W{l}"]
        dW = dZ @ cache["A_prev"].T  # (n_l, n_(l-1))
        dW /= m
        if lambd:  # adding (0 / m) W would change nothing but the time
            dW += (lambd / m) * W
        grads[f"dW{l}"] = dW
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m  # (n_l, 1)
        if l > 1:
            below = caches[l - 2]
            dA = W.T @ dZ  # (n_(l-1), m)
            if "D" in below:
                dA = dA * below["D"] / keep_prob
            g_prime = lookup(DERIVATIVES, activations[l - 2], "hidden activation",
                             "backward_propagation")
            dZ = g_prime(dA, below["Z"], below["A"])
    return dict(sorted(grads.items(), key=lambda kv: _param_order(kv[0])))


def l2_penalty(params, lambd, m):
    """P = lambda / (2 m) * sum_l sum(W_l .^ 2) (biases are not penalized)."""
    if lambd == 0:
        return 0.0
    total = 0.0
    for key, W in params.items():
        if key.startswith("W"):
            total += float(np.sum(W * W))
    return lambd / (2.0 * m) * total


def update_parameters(params, grads, learning_rate):
    """W_l = W_l - lr * dW_l ;  b_l = b_l - lr * db_l.

    Returns a new dict; params is not changed.
    """
    return {k: v - learning_rate * grads[f"d{k}"] for k, v in params.items()}


def predict_labels(X, params, activations):
    """y_hat = (A_L > 0.5) for a sigmoid output ; y_hat = argmax_k A_L(k, :) - 1 for softmax.

    Returns
    -------
    ndarray, shape (m,)
        Labels 0 .. K-1 (0/1 for sigmoid).
    """
    AL, _ = forward_propagation(X, params, activations)
    if activations[-1] == "sigmoid":
        return (AL[0] > 0.5).astype(float)
    return AL.argmax(axis=0).astype(float)


def accuracy(predicted, labels):
    """acc = mean(y_hat == y)."""
    return float(np.mean(np.asarray(predicted) == np.asarray(labels)))


def labels_to_targets(labels, output_activation, n_out):
    """Y = labels (1 x m) for a sigmoid output ; Y(k, i) = (labels(i) == k - 1) for softmax.

    Parameters
    ----------
    labels : ndarray, shape (m,)
    output_activation : str
    n_out : int
        Units in the output layer (K for softmax).

    Returns
    -------
    ndarray, shape (n_out, m)
    """
    labels = np.asarray(labels, dtype=float).reshape(1, -1)
    if output_activation == "sigmoid":
        return labels
    return (np.arange(n_out).reshape(-1, 1) == labels).astype(float)


def _param_order(key):
    # W1, b1, W2, b2, ... whatever letters come before the layer number
    digits = key.lstrip("dWb")
    return (int(digits), key)


def forward_backward(X, Y, params, activations, lambd=0.0, keep_prob=1.0, rng=None):
    """[Z_l, A_l, D_l, J, dW_l, db_l] of one forward and one backward pass, flat, for comparison.

    J is the cross-entropy plus the L2 penalty; D_l (the dropout masks) appear only when
    keep_prob < 1, drawn from rng.

    Returns
    -------
    dict
        Z1, A1, [D1,] ..., ZL, AL, cost, dW1, db1, ..., dWL, dbL.
    """
    AL, caches, _ = forward_propagation_dropout(X, params, activations, keep_prob, rng)
    out = {}
    for l, cache in enumerate(caches, start=1):
        out[f"Z{l}"] = cache["Z"]
        out[f"A{l}"] = cache["A"]
        if "D" in cache:
            out[f"D{l}"] = cache["D"]
    out["cost"] = (compute_cost(caches[-1]["Z"], Y, activations[-1])
                   + l2_penalty(params, lambd, X.shape[1]))
    out.update(backward_propagation(AL, Y, caches, params, activations, lambd, keep_prob))
    return out
