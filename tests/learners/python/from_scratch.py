"""A learner's own implementation, written from the starter file (no dlfp function called but
the random stream's): every exercise must pass. It takes other numerical roads than dlfp (the
cost from A rather than from the logits, no max subtracted in softmax, loops where dlfp
vectorizes), which must stay within the checker's tolerance."""
import numpy as np

from dlfp import rng_normal, rng_uniform


def sigmoid_forward(Z):
    return 1 / (1 + np.exp(-Z))


def tanh_forward(Z):
    return (np.exp(Z) - np.exp(-Z)) / (np.exp(Z) + np.exp(-Z))


def relu_forward(Z):
    return Z * (Z > 0)


def softmax_forward(Z):
    E = np.exp(Z)
    return E / np.sum(E, axis=0, keepdims=True)


def sigmoid_backward(dA, Z, A):
    s = sigmoid_forward(Z)
    return dA * s * (1 - s)


def tanh_backward(dA, Z, A):
    return dA / np.cosh(Z) ** 2


def relu_backward(dA, Z, A):
    dZ = dA.copy()
    dZ[Z <= 0] = 0
    return dZ


def linear_forward(A_prev, W, b):
    return np.dot(W, A_prev) + b


def compute_cost(ZL, Y, output_activation):
    m = Y.shape[1]
    if output_activation == "sigmoid":
        AL = sigmoid_forward(ZL)
        return float(-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)).item() / m)
    return float(-np.sum(Y * np.log(softmax_forward(ZL))) / m)


def l2_penalty(params, lambd, m):
    L = len(params) // 2
    return lambd / (2 * m) * sum(np.sum(np.square(params[f"W{l}"])) for l in range(1, L + 1))


SCALES = {"he": lambda n: np.sqrt(2 / n), "xavier": lambda n: np.sqrt(1 / n),
          "scaled": lambda n: 0.01}


def initialize_parameters(layers, init, rng):
    params = {}
    for l in range(1, len(layers)):
        z, rng = rng_normal(rng, layers[l] * layers[l - 1])
        params[f"W{l}"] = z.reshape((layers[l], layers[l - 1]), order="F") \
            * SCALES[init](layers[l - 1])
        params[f"b{l}"] = np.zeros((layers[l], 1))
    return params, rng


G = {"sigmoid": sigmoid_forward, "tanh": tanh_forward, "relu": relu_forward,
     "softmax": softmax_forward}
G_PRIME = {"sigmoid": sigmoid_backward, "tanh": tanh_backward, "relu": relu_backward}


def forward_propagation_dropout(X, params, activations, keep_prob, rng):
    A, caches = X, []
    for l, name in enumerate(activations, start=1):
        Z = linear_forward(A, params[f"W{l}"], params[f"b{l}"])
        cache = {"A_prev": A, "Z": Z, "A": G[name](Z)}
        A = cache["A"]
        if keep_prob < 1 and l < len(activations):
            u, rng = rng_uniform(rng, Z.size)
            cache["D"] = (u.reshape(Z.shape, order="F") < keep_prob) * 1.0
            A = A * cache["D"] / keep_prob
        caches.append(cache)
    return A, caches, rng


def forward_propagation(X, params, activations):
    AL, caches, _ = forward_propagation_dropout(X, params, activations, 1.0, None)
    return AL, caches


def backward_propagation(AL, Y, caches, params, activations, lambd=0, keep_prob=1):
    m, L = Y.shape[1], len(caches)
    grads, dZ = {}, AL - Y
    for l in reversed(range(1, L + 1)):
        A_prev, W = caches[l - 1]["A_prev"], params[f"W{l}"]
        grads[f"dW{l}"] = np.dot(dZ, A_prev.T) / m + lambd / m * W
        grads[f"db{l}"] = np.mean(dZ, axis=1, keepdims=True)
        if l > 1:
            c = caches[l - 2]
            dA = np.dot(W.T, dZ)
            if "D" in c:
                dA = dA * c["D"] / keep_prob
            dZ = G_PRIME[activations[l - 2]](dA, c["Z"], c["A"])
    return grads


def update_parameters(params, grads, learning_rate):
    return {k: p - learning_rate * grads["d" + k] for k, p in params.items()}


def update_parameters_gd(params, grads, state, learning_rate, settings, t):
    return update_parameters(params, grads, learning_rate), state


def update_parameters_momentum(params, grads, state, learning_rate, settings, t):
    b = settings["beta"]
    v = {k: b * state["v"][k] + (1 - b) * grads["d" + k] for k in params}
    return ({k: params[k] - learning_rate * v[k] for k in params},
            {"v": v, "s": state["s"]})


def update_parameters_rmsprop(params, grads, state, learning_rate, settings, t):
    b, eps = settings["beta"], settings["epsilon"]
    s = {k: b * state["s"][k] + (1 - b) * grads["d" + k] ** 2 for k in params}
    return ({k: params[k] - learning_rate * grads["d" + k] / (np.sqrt(s[k]) + eps)
             for k in params}, {"v": state["v"], "s": s})


def update_parameters_adam(params, grads, state, learning_rate, settings, t):
    b1, b2, eps = settings["beta1"], settings["beta2"], settings["epsilon"]
    v = {k: b1 * state["v"][k] + (1 - b1) * grads["d" + k] for k in params}
    s = {k: b2 * state["s"][k] + (1 - b2) * grads["d" + k] ** 2 for k in params}
    new = {}
    for k in params:
        v_hat = v[k] / (1 - b1 ** t)
        s_hat = s[k] / (1 - b2 ** t)
        new[k] = params[k] - learning_rate * v_hat / (np.sqrt(s_hat) + eps)
    return new, {"v": v, "s": s}


def schedule_exponential(learning_rate, e, rate, every):
    return learning_rate * rate ** (e / every)


def schedule_inverse_time(learning_rate, e, rate, every):
    return learning_rate / (1 + rate * (e // every))
