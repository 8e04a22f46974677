"""The training loop: epochs of (mini-)batches, dropout, L2, any optimizer and lr schedule."""
import numpy as np

from .activations import lookup
from .errors import DlfpError
from .network import (backward_propagation, compute_cost, forward_propagation,
                      forward_propagation_dropout, l2_penalty)
from .optimizers import STEPS, initialize_optimizer, initialize_work, learning_rate_at
from .rng import rng_permutation


def train(X, Y, params, activations, settings, rng, verbose=False, *, progress=None):
    """params = optimizer(params, dJ/dparams) over epochs of mini-batches; J = CE + L2 penalty.

    Each epoch with batch_size > 0 shuffles the examples by rng_permutation and walks batches of
    batch_size (the last one smaller); batch_size 0 is one full batch, unshuffled. The loss
    curve holds [e, J_e] for each 0-based epoch e with e % record_every == 0 and for the last
    epoch, J_e being the mean of that epoch's batch costs (each from its forward pass, before
    its update) weighted by batch size. Random draws (shuffles, then each batch's dropout
    masks) continue the stream rng. With snapshot_every = k > 0 the parameters are kept at the
    start of each epoch e with e % k == 0 and after the last one (as epoch `epochs`).

    Parameters
    ----------
    X : ndarray, shape (n_0, m)
    Y : ndarray, shape (n_L, m)
    params : dict
        Initial W1, b1, ..., WL, bL (not changed).
    activations : sequence of str
    settings : dict
        A checked scenario: learning_rate, epochs, record_every, snapshot_every, optimizer, beta,
        beta1, beta2, epsilon, batch_size, lambda, keep_prob, lr_decay.
    rng : float
        Generator state.
    verbose : bool
        Print each recorded cost.
    progress : callable or None
        Python only: called as progress(e, cost) after each epoch e (cost None when the epoch
        is not recorded), e.g. to advance a progress bar; R and Octave print the lines alone.

    Returns
    -------
    params : dict
    loss_curve : ndarray, shape (n_records, 2)
    rng : float
    snapshots : list of dict
        {"epoch": e, "params": the parameters then}, in epoch order; empty when
        snapshot_every is 0.
    """
    # a diverging run overflows: it is caught below and named, so numpy need not warn of it
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return _train(X, Y, params, activations, settings, rng, verbose, progress)


def _train(X, Y, params, activations, settings, rng, verbose, progress):
    step = lookup(STEPS, settings["optimizer"], "optimizer", "train")
    lambd, keep_prob = settings["lambda"], settings["keep_prob"]
    m = X.shape[1]
    params = {k: v.copy() for k, v in params.items()}  # updated in place from here on
    state = initialize_optimizer(params)
    work = initialize_work(params)
    t = 0
    curve = []
    snapshots = []
    every = settings["snapshot_every"]
    for e in range(settings["epochs"]):
        if every and e % every == 0:
            snapshots.append(_snapshot(e, params))
        lr = learning_rate_at(settings, e)
        batches, rng = _batches(m, settings["batch_size"], rng)
        record = e % settings["record_every"] == 0 or e == settings["epochs"] - 1
        total = 0.0
        for idx in batches:
            Xb, Yb = (X, Y) if idx is None else (X[:, idx], Y[:, idx])
            mb = Xb.shape[1]
            AL, caches, rng = forward_propagation_dropout(Xb, params, activations, keep_prob, rng)
            if record:
                cost = compute_cost(caches[-1]["Z"], Yb, activations[-1]) + \
                    l2_penalty(params, lambd, mb)
                total += cost * mb
            grads = backward_propagation(AL, Yb, caches, params, activations, lambd, keep_prob)
            t += 1
            step(params, grads, state, work, lr, settings, t)
        if record:
            curve.append([e, total / m])
        check_divergence(e, curve[-1][1] if record else None, params, X, Y, activations,
                         lambd, lr, settings["batch_size"])
        if record and verbose:
            print(f"epoch {e}: cost {curve[-1][1]:.6f}", flush=True)
        if progress is not None:
            progress(e, curve[-1][1] if record else None)
    if every:
        snapshots.append(_snapshot(settings["epochs"], params))
    return params, np.array(curve).reshape(-1, 2), rng, snapshots


def check_divergence(epoch, cost, params, X, Y, activations, lambd, lr, batch_size=0):
    """Stop when the epoch's cost or any parameter is NaN or Inf: training would go on
    multiplying NaNs. cost is the epoch's recorded cost, or None when it was not recorded;
    the message then gives the cost J(params) of the diverged parameters on all of X, and
    the settings that can cause it (see divergence_causes)."""
    finite = all(np.isfinite(v).all() for v in params.values())
    if finite and (cost is None or np.isfinite(cost)):
        return
    if cost is None or np.isfinite(cost):
        AL, caches = forward_propagation(X, params, activations)
        cost = compute_cost(caches[-1]["Z"], Y, activations[-1]) + \
            l2_penalty(params, lambd, X.shape[1])
    raise Diverged(epoch, cost, divergence_causes(lr, lambd, batch_size, X.shape[1]))


def divergence_causes(lr, lambd, batch_size, m):
    """[("learning_rate", lr)], and ("lambda", lambd) after it when lr * lambda / b >= 1.

    b is the examples of one update (batch_size, or m for a full batch). Each update shrinks
    the weights by W = (1 - lr * lambda / b) W besides the loss's own step: from lr * lambda /
    b = 1 on, that decay alone overshoots zero, and past 2 it grows without bound, so lambda
    is then a cause as much as the learning rate.
    """
    b = m if batch_size == 0 else min(batch_size, m)
    causes = [("learning_rate", lr)]
    if lr * lambd / b >= 1:
        causes.append(("lambda", lambd))
    return causes


class Diverged(DlfpError):
    """dlfp: train: diverged at epoch e (cost c): try a smaller learning_rate (now lr)[ or ...].

    The epoch, its cost and the causes, [(setting, value), ...] as divergence_causes gives
    them, are kept as data: an estimator names the settings by its own names (renamed).
    """

    def __init__(self, epoch, cost, causes):
        self.epoch, self.cost, self.causes = epoch, cost, list(causes)
        named = " or ".join(f"{name} (now {value:g})" for name, value in self.causes)
        problem = f"diverged at epoch {epoch} (cost {cost:g}): try a smaller {named}"
        super().__init__(f"dlfp: train: {problem}", problem)

    def __reduce__(self):  # pickled (a Dask task's error) by its fields, not its message
        return Diverged, (self.epoch, self.cost, self.causes)

    def renamed(self, names):
        """The same divergence, each setting named as the dict names maps it."""
        return Diverged(self.epoch, self.cost, [(names.get(n, n), v) for n, v in self.causes])


def _snapshot(epoch, params):
    # a copy: the parameters change afterwards
    return {"epoch": epoch, "params": {k: v.copy() for k, v in params.items()}}


def _batches(m, batch_size, rng):
    # None stands for "all examples, in order": no copy of X for full-batch training
    if batch_size == 0:
        return [None], rng
    perm, rng = rng_permutation(rng, m)
    return [perm[i:i + batch_size] for i in range(0, m, batch_size)], rng
