"""A learner's Python file with planted slips, one per function, each of which the checker must
name (function, quantity, layer or step, hint): see tests/test_check.py's SLIPS table."""
import numpy as np

from dlfp import rng_normal, rng_uniform


def sigmoid_backward(dA, Z, A):
    return dA * Z * (1 - Z)  # slip: the derivative taken at Z


def linear_forward(A_prev, W, b):
    return W @ A_prev  # slip: the bias left out


def compute_cost(ZL, Y, output_activation):
    if output_activation == "sigmoid":
        AL = 1 / (1 + np.exp(-ZL))
        return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))  # slip: no 1/m
    E = np.exp(ZL - ZL.max(axis=0, keepdims=True))
    AL = E / E.sum(axis=0, keepdims=True)
    return float(-np.sum(Y * np.log(AL)))  # slip: no 1/m


def l2_penalty(params, lambd, m):
    return 0.0  # slip: the L2 term left out of the cost


def initialize_parameters(layers, init, rng):
    params = {}
    for l in range(1, len(layers)):
        z, rng = rng_normal(rng, layers[l] * layers[l - 1])
        # slip: numpy's reshape fills row by row
        params[f"W{l}"] = z.reshape(layers[l], layers[l - 1]) * np.sqrt(2 / layers[l - 1])
        params[f"b{l}"] = np.zeros((layers[l], 1))
    return params, rng


def _g(name, Z):
    if name == "relu":
        return np.maximum(Z, 0)
    if name == "tanh":
        return np.tanh(Z)
    return 1 / (1 + np.exp(-Z))


def forward_propagation_dropout(X, params, activations, keep_prob, rng):
    A, caches, L = X, [], len(activations)
    for l in range(1, L + 1):
        Z = params[f"W{l}"] @ A + params[f"b{l}"]
        cache = {"A_prev": A, "Z": Z, "A": _g(activations[l - 1], Z)}
        A = cache["A"]
        if l < L:
            u, rng = rng_uniform(rng, Z.size)
            cache["D"] = (u.reshape(Z.shape, order="F") < keep_prob).astype(float)
            A = A * cache["D"]  # slip: not divided by keep_prob
        caches.append(cache)
    return A, caches, rng


def backward_propagation(AL, Y, caches, params, activations, lambd=0, keep_prob=1):
    m, L = AL.shape[1], len(caches)
    grads = {}
    dZ = AL - Y
    for l in range(L, 0, -1):
        c = caches[l - 1]
        grads[f"dW{l}"] = dZ @ c["A_prev"].T / m + lambd / m * params[f"W{l}"]
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)  # slip: the book's db without 1/m
        if l > 1:
            below = caches[l - 2]
            dA = params[f"W{l}"].T @ dZ
            if "D" in below:
                dA = dA * below["D"] / keep_prob
            name = activations[l - 2]
            gp = {"relu": below["Z"] > 0, "tanh": 1 - below["A"] ** 2,
                  "sigmoid": below["A"] * (1 - below["A"])}[name]
            dZ = dA * gp
    return grads


def update_parameters_adam(params, grads, state, learning_rate, settings, t):
    b1, b2, eps = settings["beta1"], settings["beta2"], settings["epsilon"]
    new, v, s = {}, {}, {}
    for k, p in params.items():
        g = grads["d" + k]
        v[k] = b1 * state["v"][k] + (1 - b1) * g
        s[k] = b2 * state["s"][k] + (1 - b2) * g * g
        new[k] = p - learning_rate * v[k] / (np.sqrt(s[k]) + eps)  # slip: no bias correction
    return new, {"v": v, "s": s}
