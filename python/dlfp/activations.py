"""Activations and their backward steps, looked up by name in ACTIVATIONS and DERIVATIVES."""
import numpy as np

from .errors import DlfpError


def sigmoid_forward(Z):
    """A = 1 / (1 + exp(-Z))."""
    with np.errstate(over="ignore"):  # exp(-Z) = inf gives A = 0, which is right
        return 1.0 / (1.0 + np.exp(-Z))


def tanh_forward(Z):
    """A = tanh(Z)."""
    return np.tanh(Z)


def relu_forward(Z):
    """A = max(Z, 0)."""
    return np.maximum(Z, 0.0)


def softmax_forward(Z):
    """A = exp(Z - max(Z)) ./ sum(exp(Z - max(Z))), per column."""
    E = np.exp(Z - Z.max(axis=0, keepdims=True))  # the column max keeps exp from overflowing
    return E / E.sum(axis=0, keepdims=True)


def sigmoid_backward(dA, Z, A):
    """dZ = dA .* A .* (1 - A)."""
    return dA * A * (1.0 - A)


def tanh_backward(dA, Z, A):
    """dZ = dA .* (1 - A.^2)."""
    return dA * (1.0 - A * A)


def relu_backward(dA, Z, A):
    """dZ = dA .* (Z > 0)."""
    return dA * (Z > 0)


ACTIVATIONS = {
    "sigmoid": sigmoid_forward,
    "tanh": tanh_forward,
    "relu": relu_forward,
    "softmax": softmax_forward,
}

# Softmax has no entry: it is only an output layer, whose dZ = A - Y comes from the cost.
DERIVATIVES = {
    "sigmoid": sigmoid_backward,
    "tanh": tanh_backward,
    "relu": relu_backward,
}


def lookup(table, name, what, caller):
    """f = table[name], or an error that lists the known names."""
    if name not in table:
        known = ", ".join(sorted(table))
        problem = f"unknown {what} '{name}' (known: {known})"
        raise DlfpError(f"dlfp: {caller}: {problem}", problem)
    return table[name]
