"""Parameter updates, looked up by name in OPTIMIZERS, and learning-rate schedules in SCHEDULES.

Every update has the signature (params, grads, state, learning_rate, settings, t) and returns
new (params, state): state holds the running averages v and s (zero at the start) and goes in
and comes back out; t counts updates from 1. settings supplies beta, beta1, beta2, epsilon.
STEPS holds the same equations as in-place steps, which train uses (Python only).
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
    return _functional(step_momentum, params, grads, state, learning_rate, settings, t)


def update_parameters_rmsprop(params, grads, state, learning_rate, settings, t):
    """s = beta * s + (1 - beta) * g.^2 ;  p = p - lr * g ./ (sqrt(s) + epsilon)."""
    return _functional(step_rmsprop, params, grads, state, learning_rate, settings, t)


def update_parameters_adam(params, grads, state, learning_rate, settings, t):
    """v = beta1 v + (1 - beta1) g ; s = beta2 s + (1 - beta2) g.^2 ;
    p = p - lr * (v / (1 - beta1^t)) ./ (sqrt(s / (1 - beta2^t)) + epsilon).

    Each parameter is updated exactly once per step (the book's Python Adam updated the output
    layer once per hidden layer).
    """
    return _functional(step_adam, params, grads, state, learning_rate, settings, t)


# The steps train takes: the same equations, written into params and state in place, with two
# scratch arrays per parameter (work) instead of a dozen temporaries each step. Each operation
# is the one the equation's left-to-right evaluation does, so the numbers are the same to the
# last bit as a fresh evaluation's.

def step_gd(params, grads, state, work, learning_rate, settings, t):
    """In place: p = p - lr * g."""
    for k, p in params.items():
        w = np.multiply(grads[f"d{k}"], learning_rate, out=work[k][0])
        p -= w


def step_momentum(params, grads, state, work, learning_rate, settings, t):
    """In place: v = beta * v + (1 - beta) * g ;  p = p - lr * v."""
    beta = settings["beta"]
    for k, p in params.items():
        v, w = state["v"][k], work[k][0]
        np.multiply(grads[f"d{k}"], 1.0 - beta, out=w)
        v *= beta
        v += w
        p -= np.multiply(v, learning_rate, out=w)


def step_rmsprop(params, grads, state, work, learning_rate, settings, t):
    """In place: s = beta * s + (1 - beta) * g.^2 ;  p = p - lr * g ./ (sqrt(s) + epsilon)."""
    beta, eps = settings["beta"], settings["epsilon"]
    for k, p in params.items():
        g, s = grads[f"d{k}"], state["s"][k]
        w1, w2 = work[k]
        np.multiply(g, g, out=w1)
        w1 *= 1.0 - beta
        s *= beta
        s += w1
        np.sqrt(s, out=w1)
        w1 += eps
        np.multiply(g, learning_rate, out=w2)
        w2 /= w1
        p -= w2


def step_adam(params, grads, state, work, learning_rate, settings, t):
    """In place: v = beta1 v + (1 - beta1) g ; s = beta2 s + (1 - beta2) g.^2 ;
    p = p - lr * (v / (1 - beta1^t)) ./ (sqrt(s / (1 - beta2^t)) + epsilon)."""
    b1, b2, eps = settings["beta1"], settings["beta2"], settings["epsilon"]
    c1 = 1.0 - math.pow(b1, t)  # bias corrections, from t = 1
    c2 = 1.0 - math.pow(b2, t)
    for k, p in params.items():
        g, v, s = grads[f"d{k}"], state["v"][k], state["s"][k]
        w1, w2 = work[k]
        np.multiply(g, 1.0 - b1, out=w1)
        v *= b1
        v += w1
        np.multiply(g, g, out=w1)
        w1 *= 1.0 - b2
        s *= b2
        s += w1
        np.divide(s, c2, out=w1)
        np.sqrt(w1, out=w1)
        w1 += eps
        np.divide(v, c1, out=w2)
        w2 *= learning_rate
        w2 /= w1
        p -= w2


def initialize_work(params):
    """Two scratch arrays shaped like each parameter, for the in-place steps."""
    return {k: (np.empty_like(p), np.empty_like(p)) for k, p in params.items()}


def _functional(step, params, grads, state, learning_rate, settings, t):
    # the public updates return new values: the step runs on copies
    new = {k: p.copy() for k, p in params.items()}
    new_state = {"v": {k: a.copy() for k, a in state["v"].items()},
                 "s": {k: a.copy() for k, a in state["s"].items()}}
    step(new, grads, new_state, initialize_work(params), learning_rate, settings, t)
    return new, new_state


OPTIMIZERS = {"gd": update_parameters_gd, "momentum": update_parameters_momentum,
              "rmsprop": update_parameters_rmsprop, "adam": update_parameters_adam}
# Python only: what train runs (R and Octave keep "functions return new values")
STEPS = {"gd": step_gd, "momentum": step_momentum, "rmsprop": step_rmsprop, "adam": step_adam}


def schedule_none(learning_rate, e, rate, every):
    """lr_e = lr."""
    return learning_rate


def schedule_exponential(learning_rate, e, rate, every):
    """lr_e = lr * rate^(e / every).

    A power too large for a double is inf, as in R and Octave (math.pow would raise
    OverflowError): the step that uses it diverges, and training says so.
    """
    try:
        return learning_rate * math.pow(rate, e / every)
    except OverflowError:
        return math.inf


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
