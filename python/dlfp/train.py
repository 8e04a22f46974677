"""The training loop and its optimizers, looked up by name in OPTIMIZERS."""
import numpy as np

from .activations import lookup
from .network import backward_propagation, compute_cost, forward_propagation, update_parameters

OPTIMIZERS = {"gd": update_parameters}


def train(X, Y, params, activations, learning_rate, epochs, record_every, optimizer="gd",
          verbose=False):
    """params = params - lr * dJ/dparams, repeated for epochs full-batch steps.

    The loss curve holds [e, J_e] for each 0-based epoch e with e % record_every == 0 and for
    the last epoch, J_e being the cost of epoch e's forward pass, before its update.

    Parameters
    ----------
    X : ndarray, shape (n_0, m)
    Y : ndarray, shape (n_L, m)
    params : dict
        Initial W1, b1, ..., WL, bL (not changed).
    activations : sequence of str
    learning_rate : float
    epochs, record_every : int
    optimizer : str
        A key of OPTIMIZERS.
    verbose : bool
        Print each recorded cost.

    Returns
    -------
    params : dict
    loss_curve : ndarray, shape (n_records, 2)
    """
    update = lookup(OPTIMIZERS, optimizer, "optimizer", "train")
    curve = []
    for e in range(epochs):
        AL, caches = forward_propagation(X, params, activations)
        if e % record_every == 0 or e == epochs - 1:
            curve.append([e, compute_cost(caches[-1]["Z"], Y, activations[-1])])
            if verbose:
                print(f"epoch {e}: cost {curve[-1][1]:.6f}", flush=True)
        grads = backward_propagation(AL, Y, caches, params, activations)
        params = update(params, grads, learning_rate)
    return params, np.array(curve).reshape(-1, 2)
