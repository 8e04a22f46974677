"""Parameter updates, looked up by name in OPTIMIZERS, and learning-rate schedules in SCHEDULES.

Every update has the signature (params, grads, state, learning_rate, settings, t) and returns
new (params, state): state holds the running averages v and s (zero at the start) and goes in
and comes back out; t counts updates from 1. settings supplies beta, beta1, beta2, epsilon.
"""
import math

import numpy as np

from .network import update_parameters


def initialize_optimizer(params):
    """v = 0 ; s = 0, shaped like each parameter."""
    return {"v": {k: np.zeros_like(p) for k, p in params.items()},
            "s": {k: np.zeros_like(p) for k, p in params.items()}}


def update_parameters_gd(params, grads, state, learning_rate, settings, t):
    """p = p - lr * g."""
    return update_parameters(params, grads, learning_rate), state


def update_parameters_momentum(params, grads, state, learning_rate, settings, t):
    """v = beta * v + (1 - beta) * g ;  p = p - lr * v."""
    beta = settings["beta"]
    v = {k: beta * state["v"][k] + (1.0 - beta) * grads[f"d{k}"] for k in params}
    new = {k: params[k] - learning_rate * v[k] for k in params}
    return new, {"v": v, "s": state["s"]}


def update_parameters_rmsprop(params, grads, state, learning_rate, settings, t):
    """s = beta * s + (1 - beta) * g.^2 ;  p = p - lr * g ./ (sqrt(s) + epsilon)."""
    beta, eps = settings["beta"], settings["epsilon"]
    s = {}
    new = {}
    for k in params:
        g = grads[f"d{k}"]
        s[k] = beta * state["s"][k] + (1.0 - beta) * (g * g)
        new[k] = params[k] - learning_rate * g / (np.sqrt(s[k]) + eps)
    return new, {"v": state["v"], "s": s}


def update_parameters_adam(params, grads, state, learning_rate, settings, t):
    """v = beta1 v + (1 - beta1) g ; s = beta2 s + (1 - beta2) g.^2 ;
    p = p - lr * (v / (1 - beta1^t)) ./ (sqrt(s / (1 - beta2^t)) + epsilon).

    Each parameter is updated exactly once per step (the book's Python Adam updated the output
    layer once per hidden layer).
    """
    b1, b2, eps = settings["beta1"], settings["beta2"], settings["epsilon"]
    c1 = 1.0 - math.pow(b1, t)  # bias corrections, from t = 1
    c2 = 1.0 - math.pow(b2, t)
    v, s, new = {}, {}, {}
    for k in params:
        g = grads[f"d{k}"]
        v[k] = b1 * state["v"][k] + (1.0 - b1) * g
        s[k] = b2 * state["s"][k] + (1.0 - b2) * (g * g)
        new[k] = params[k] - learning_rate * (v[k] / c1) / (np.sqrt(s[k] / c2) + eps)
    return new, {"v": v, "s": s}


OPTIMIZERS = {"gd": update_parameters_gd, "momentum": update_parameters_momentum,
              "rmsprop": update_parameters_rmsprop, "adam": update_parameters_adam}


def schedule_none(learning_rate, e, rate, every):
    """lr_e = lr."""
    return learning_rate


def schedule_exponential(learning_rate, e, rate, every):
    """lr_e = lr * rate^(e / every)."""
    return learning_rate * math.pow(rate, e / every)


def schedule_inverse_time(learning_rate, e, rate, every):
    """lr_e = lr / (1 + rate * floor(e / every))."""
    return learning_rate / (1.0 + rate * math.floor(e / every))


SCHEDULES = {"none": schedule_none, "exponential": schedule_exponential,
             "inverse_time": schedule_inverse_time}


def learning_rate_at(settings, e):
    """lr_e = SCHEDULES[lr_decay.kind](learning_rate, e, rate, every), e the 0-based epoch."""
    d = settings["lr_decay"]
    return SCHEDULES[d["kind"]](settings["learning_rate"], e, d.get("rate", 0.0),
                                d.get("every", 1))
