"""The framework twin: a scenario trained by PyTorch, an independent witness of dlfp's equations.

dlfp's three languages check each other, but they follow one specification: were it wrong, they
would agree and be wrong. Here the same scenario runs through torch.nn's layers and losses, its
gradients come from autograd (no backward pass written by hand), and its updates from
torch.optim where torch's optimizer is the README's equation. Only what is data, not method, is
taken from dlfp: the data, the initial weights, the shuffles and the dropout masks (all from the
shared random stream), so the whole loss curve is comparable, mini-batches and dropout included.
Everything is float64.
"""
import math

import numpy as np
import torch

import dlfp

HIDDEN = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid}
# the output layer's activation and cross-entropy in one module each, from the logits
LOSSES = {"sigmoid": torch.nn.BCEWithLogitsLoss, "softmax": torch.nn.CrossEntropyLoss}


class Momentum(torch.optim.Optimizer):
    """v = beta v + (1 - beta) g ; p = p - lr v.

    Not torch.optim.SGD(momentum=beta, dampening=beta): it starts its buffer at g, not at
    (1 - beta) g, so its first steps are a different (if equally valid) method.
    """

    def __init__(self, params, lr, beta):
        super().__init__(params, {"lr": lr, "beta": beta})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                v = self.state[p].setdefault("v", torch.zeros_like(p))
                v.mul_(group["beta"]).add_(p.grad, alpha=1.0 - group["beta"])
                p.sub_(group["lr"] * v)


# torch's fused kernels for gd and Adam (foreach for RMSprop, which has no fused one): one call
# per step for all parameters instead of a handful of calls per parameter, which was most of
# the twin's time on small networks. They are torch's own implementations of the same
# equations: the agreement with dlfp does not rest on which one runs.
OPTIMIZERS = {
    "gd": lambda ps, s: torch.optim.SGD(ps, lr=s["learning_rate"], fused=True),
    "momentum": lambda ps, s: Momentum(ps, s["learning_rate"], s["beta"]),
    "rmsprop": lambda ps, s: torch.optim.RMSprop(ps, lr=s["learning_rate"], alpha=s["beta"],
                                                 eps=s["epsilon"], foreach=True),
    "adam": lambda ps, s: torch.optim.Adam(ps, lr=s["learning_rate"],
                                           betas=(s["beta1"], s["beta2"]), eps=s["epsilon"],
                                           fused=True),
}

# lr_e / lr, e the 0-based epoch about to run (the README's schedules)
SCHEDULES = {
    "none": lambda d, e: 1.0,
    "exponential": lambda d, e: math.pow(d["rate"], e / d["every"]),
    "inverse_time": lambda d, e: 1.0 / (1.0 + d["rate"] * math.floor(e / d["every"])),
}


def build_network(params, activations):
    """torch.nn.Sequential of Linear layers holding dlfp's W_l, b_l, hidden activations between
    them; the output activation is left to the loss (logits out)."""
    layers = []
    for l, name in enumerate(activations, start=1):
        W = params[f"W{l}"]
        lin = torch.nn.Linear(W.shape[1], W.shape[0], dtype=torch.float64)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(W))
            lin.bias.copy_(torch.from_numpy(params[f"b{l}"].ravel()))
        layers.append(lin)
        if l < len(activations):
            layers.append(HIDDEN[name]())
    return torch.nn.Sequential(*layers)


def forward(net, X, masks, keep_prob):
    """Logits, with inverted dropout (A .* D / keep_prob) after each hidden activation."""
    A = X
    hidden = iter(masks)
    for module in net:
        A = module(A)
        if isinstance(module, tuple(HIDDEN.values())) and keep_prob < 1.0:
            A = A * next(hidden) / keep_prob
    return A


def draw_masks(rng, sizes, mb, keep_prob):
    """Each hidden layer's mask D = (u < keep_prob), u from the shared stream column by column,
    as dlfp draws them; examples are rows here, so each mask is transposed."""
    if keep_prob >= 1.0:
        return [], rng
    masks = []
    for n in sizes:
        u, rng = dlfp.rng_uniform(rng, n * mb)
        D = (u.reshape((n, mb), order="F") < keep_prob).astype(float)
        masks.append(torch.from_numpy(np.ascontiguousarray(D.T)))
    return masks, rng


def batches(m, batch_size, rng):
    """dlfp's batches: all examples in order, or a shuffle by the shared stream cut in slices."""
    if batch_size == 0:
        return [range(m)], rng
    perm, rng = dlfp.rng_permutation(rng, m)
    return [perm[i:i + batch_size] for i in range(0, m, batch_size)], rng


def run_scenario(path):
    """result = the scenario trained in PyTorch: name, initial_params, final_params, loss_curve
    (recorded as dlfp records it: the epoch's batch costs, each before its update, weighted),
    train_accuracy."""
    p = dlfp.prepare_scenario(str(path))
    s = p["scenario"]
    net, X, target = setup(p)
    curve = fit(net, X, target, s, p["rng"])
    return {"name": s["name"], "initial_params": p["params0"], "final_params": _params(net),
            "loss_curve": curve,
            "train_accuracy": _accuracy(net, X, p["labels"], s["activations"])}


def setup(prepared):
    """(net, X, target) of a prepared scenario (dlfp.prepare_scenario): the network holding the
    initial weights, the examples as rows, the targets as the loss wants them."""
    acts = prepared["scenario"]["activations"]
    net = build_network(prepared["params0"], acts)
    X = torch.from_numpy(np.ascontiguousarray(prepared["X"].T))  # (m, n_0): examples are rows
    labels = prepared["labels"]
    target = (torch.from_numpy(labels.reshape(-1, 1)) if acts[-1] == "sigmoid"
              else torch.from_numpy(labels.astype(np.int64)))
    return net, X, target


def fit(net, X, target, s, rng):
    """Train net in place over s's epochs of (mini-)batches: the loss curve, rows [e, J_e]."""
    loss_fn = LOSSES[s["activations"][-1]]()
    weights = [mod.weight for mod in net if isinstance(mod, torch.nn.Linear)]
    opt = OPTIMIZERS[s["optimizer"]](net.parameters(), s)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda e: SCHEDULES[s["lr_decay"]["kind"]](s["lr_decay"], e))
    hidden_sizes = s["layers"][1:-1]
    m, curve = X.shape[0], []
    for e in range(s["epochs"]):
        idx_list, rng = batches(m, s["batch_size"], rng)
        total = 0.0
        for idx in idx_list:
            mb = len(idx)
            masks, rng = draw_masks(rng, hidden_sizes, mb, s["keep_prob"])
            Xb, Tb = (X, target) if mb == m else _rows(X, target, idx)
            cost = loss_fn(forward(net, Xb, masks, s["keep_prob"]), Tb)
            if s["lambda"]:
                cost = cost + s["lambda"] / (2.0 * mb) * sum((W * W).sum() for W in weights)
            total += cost.item() * mb
            opt.zero_grad()
            cost.backward()
            opt.step()
        sched.step()
        if e % s["record_every"] == 0 or e == s["epochs"] - 1:
            curve.append([e, total / m])
    return np.array(curve)


def _rows(X, target, idx):
    sel = torch.from_numpy(np.asarray(idx, dtype=np.int64))
    return X[sel], target[sel]


def _accuracy(net, X, labels, activations):
    # the class of each example: logit > 0 (sigmoid > 0.5), or the largest logit
    with torch.no_grad():
        Z = net(X)
    pred = (Z[:, 0] > 0) if activations[-1] == "sigmoid" else Z.argmax(dim=1)
    return float(np.mean(pred.numpy().astype(float) == labels))


def _params(net):
    linear = [mod for mod in net if isinstance(mod, torch.nn.Linear)]
    out = {}
    for l, lin in enumerate(linear, start=1):
        out[f"W{l}"] = lin.weight.detach().numpy().copy()
        out[f"b{l}"] = lin.bias.detach().numpy().reshape(-1, 1).copy()
    return out
