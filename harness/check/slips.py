"""The known slips, each computed with dlfp's own functions: what a learner's numbers would be.

A hint is given only when the learner's numbers match one of these variants (never from the
code's text). Each variant is dlfp's computation with one thing done the way the slip does it;
`forward` and `backward` below are dlfp's propagation with switches for those things, built on
dlfp's tables, and with every switch at its default they give dlfp's numbers bit for bit
(tests/test_check.py holds them to that).
"""
import math

import numpy as np

import dlfp


class Slip:
    """A named slip: impl has the checked function's signature and computes the slip's numbers."""

    def __init__(self, name, hint, impl):
        self.name, self.hint, self.impl = name, hint, impl

    def __repr__(self):
        return f"Slip({self.name})"


# --- propagation with switches ------------------------------------------------------------------

def forward(X, params, activations, keep_prob=1.0, rng=None, *, bias=True, rescale=True,
            masked="hidden", keep=lambda u, kp: u < kp, order="F", cache_dropped=False):
    """dlfp's forward_propagation_dropout, with the slips' switches (defaults: dlfp's)."""
    A, caches, L = X, [], len(activations)
    masked_layers = {"hidden": range(1, L), "all": range(1, L + 1),
                     "input": range(0, L)}[masked]
    for l, name in enumerate(activations, start=1):
        if keep_prob < 1.0 and l == 1 and 0 in masked_layers:  # the input masked too
            u, rng = dlfp.rng_uniform(rng, A.size)
            A = A * keep(u.reshape(A.shape, order=order), keep_prob) / keep_prob
        W, b = params[f"W{l}"], params[f"b{l}"]
        Z = W @ A + b if bias else W @ A
        cache = {"A_prev": A, "Z": Z, "A": dlfp.ACTIVATIONS[name](Z)}
        A = cache["A"]
        if keep_prob < 1.0 and l in masked_layers:
            u, rng = dlfp.rng_uniform(rng, Z.size)
            cache["D"] = keep(u.reshape(Z.shape, order=order), keep_prob).astype(float)
            A = A * cache["D"] / keep_prob if rescale else A * cache["D"]
            if cache_dropped:
                cache["A"] = A
        caches.append(cache)
    return A, caches, rng


def backward(AL, Y, caches, params, activations, lambd=0.0, keep_prob=1.0, *,
             output_dZ=lambda AL, Y: AL - Y, mean=True, db_mean=True,
             l2=lambda lambd, m, W: (lambd / m) * W, l2_bias=False, at="right",
             mask="right", transpose_dW=False):
    """dlfp's backward_propagation, with the slips' switches (defaults: dlfp's)."""
    m, L = AL.shape[1], len(caches)
    grads = {}
    dZ = output_dZ(AL, Y)
    for l in range(L, 0, -1):
        cache, W, b = caches[l - 1], params[f"W{l}"], params[f"b{l}"]
        dW = dZ @ cache["A_prev"].T
        db = dZ.sum(axis=1, keepdims=True)
        dW = dW / m if mean else dW
        db = db / m if mean and db_mean else db
        if lambd:
            dW = dW + l2(lambd, m, W)
            db = db + l2(lambd, m, b) if l2_bias else db
        grads[f"dW{l}"] = dW.T if transpose_dW else dW
        grads[f"db{l}"] = db
        if l > 1:
            below = caches[l - 2]
            dA = W.T @ dZ
            D = {"right": below.get("D"), "none": None, "unscaled": below.get("D"),
                 "above": cache.get("D")}[mask]
            if D is not None:
                dA = dA * D if mask == "unscaled" else dA * D / keep_prob
            name = activations[l - 2]
            Z, A = below["Z"], below["A"]
            # g'(x) written for Z given A, or written for A given Z
            Z, A = {"right": (Z, A), "Z": (Z, Z), "A": (A, dlfp.ACTIVATIONS[name](A))}[at]
            dZ = dlfp.DERIVATIVES[name](dA, Z, A)
    return dict(sorted(grads.items(), key=lambda kv: (int(kv[0][2:]), kv[0])))


def _with(fn, **switches):
    return lambda *args: fn(*args, **switches)


# --- exercise 1: activations --------------------------------------------------------------------

SIGMOID = [
    Slip("exp(Z) for exp(-Z)", "your A is 1 / (1 + exp(Z)): the sign in exp(-Z) is missing, so "
         "A is 1 - sigmoid(Z)", lambda Z: 1.0 / (1.0 + np.exp(Z))),
]

SOFTMAX = [
    Slip("softmax over rows", "your A is normalized along each row (over the examples); "
         "softmax normalizes each column (over the K classes of one example)",
         lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)),
    Slip("softmax over everything", "your A sums to 1 over the whole matrix; softmax "
         "normalizes each column (one example) on its own",
         lambda Z: np.exp(Z) / np.exp(Z).sum()),
]

RELU = [
    Slip("relu as the step", "your A is the step (Z > 0), relu's derivative, not max(Z, 0)",
         lambda Z: (Z > 0).astype(float)),
]


def derivative_slips(name):
    """The slips of sigmoid's or tanh's backward step."""
    g = dlfp.ACTIVATIONS[name]
    d = dlfp.DERIVATIVES[name]
    in_a = {"sigmoid": "A .* (1 - A)", "tanh": "1 - A.^2"}[name]
    at_z = {"sigmoid": "Z .* (1 - Z)", "tanh": "(1 - Z.^2)"}[name]
    at_a = {"sigmoid": "s .* (1 - s) with s = sigmoid(A)", "tanh": "(1 - tanh(A).^2)"}[name]
    return [
        Slip("derivative at Z", f"your dZ is dA .* {at_z}: {name}'s derivative {in_a} taken "
             f"with Z in place of A = {name}(Z)", lambda dA, Z, A: d(dA, Z, Z)),
        Slip("derivative at A", f"your dZ is dA .* {at_a}: the derivative evaluated at A; "
             f"in terms of A it is {in_a}, with A = {name}(Z) as it is",
             lambda dA, Z, A: d(dA, A, g(A))),
        Slip("dA left out", "your dZ is g'(Z) alone: the chain rule multiplies it by dA, "
             "dZ = dA .* g'(Z)", lambda dA, Z, A: d(np.ones_like(dA), Z, A)),
    ]


RELU_BACKWARD = [
    Slip("dA left out", "your dZ is the step (Z > 0) alone: the chain rule multiplies it by "
         "dA, dZ = dA .* (Z > 0)", lambda dA, Z, A: dlfp.relu_backward(np.ones_like(dA), Z, A)),
    Slip("times Z", "your dZ is dA .* Z: relu's derivative is the step (Z > 0), not Z",
         lambda dA, Z, A: dA * Z),
]

# --- exercise 2: the linear step ----------------------------------------------------------------

LINEAR = [
    Slip("bias left out", "your Z is W * A_prev without b: the bias is left out",
         lambda A_prev, W, b: W @ A_prev),
    Slip("transposed", "your Z is the transpose of dlfp's (A_prev' * W', one row per example): "
         "the book keeps one column per example, Z = W * A_prev + b, n_l x m",
         lambda A_prev, W, b: dlfp.linear_forward(A_prev, W, b).T),
]

# --- exercise 3: costs --------------------------------------------------------------------------


COST_BINARY = [
    Slip("sum, not mean", "your J is m times dlfp's: a sum over the examples where the book "
         "takes the mean (the 1/m)",
         lambda ZL, Y, act: dlfp.compute_cost(ZL, Y, act) * ZL.shape[1]),
    Slip("sign", "your J is minus dlfp's: the cross-entropy is -1/m sum(...), a positive number",
         lambda ZL, Y, act: -dlfp.compute_cost(ZL, Y, act)),
    Slip("y log a only", "your J has only the y log(a) term: binary cross-entropy also adds "
         "(1 - y) log(1 - a)",
         lambda ZL, Y, act: float(-np.sum(Y * np.log(dlfp.sigmoid_forward(ZL))) / ZL.shape[1])),
]

COST_SOFTMAX = COST_BINARY[:2] + [
    Slip("binary formula", "your J adds (1 - y) log(1 - a) over the classes: that is the "
         "binary cross-entropy; softmax's is -1/m sum(sum(Y .* log(A)))",
         lambda ZL, Y, act: float(-np.sum(Y * np.log(dlfp.softmax_forward(ZL))
                                          + (1 - Y) * np.log(1 - dlfp.softmax_forward(ZL)))
                                  / ZL.shape[1])),
]


def _l2(params, lambd, m, factor, biases=False):
    keys = [k for k in params if k.startswith("W") or (biases and k.startswith("b"))]
    return factor(lambd, m) * sum(float(np.sum(params[k] ** 2)) for k in keys)


L2_PENALTY = [
    Slip("L2 missing", "your L2 term is 0: the L2 penalty is missing from the cost "
         "(J adds lambda / (2 m) sum W^2)", lambda params, lambd, m: 0.0),
    Slip("L2 not / m", "your L2 term is lambda / 2 sum W^2: not divided by m",
         lambda params, lambd, m: _l2(params, lambd, m, lambda la, m: la / 2)),
    Slip("L2 without 1/2", "your L2 term is lambda / m sum W^2: the 1/2 is missing (it is "
         "what makes the gradient (lambda / m) W)",
         lambda params, lambd, m: _l2(params, lambd, m, lambda la, m: la / m)),
    Slip("L2 on biases", "your L2 term also sums the biases' squares: L2 penalizes weights only",
         lambda params, lambd, m: _l2(params, lambd, m, lambda la, m: la / (2 * m), True)),
]

# --- exercise 4: initialization and the forward pass --------------------------------------------


def _init(layers, init, rng, *, order="F", fan="prev", carry=True, scale=None):
    params, start = {}, rng
    for l in range(1, len(layers)):
        n, n_prev = int(layers[l]), int(layers[l - 1])
        z, rng = dlfp.rng_normal(rng if carry else start, n * n_prev)
        fan_in = n_prev if fan == "prev" else n
        s = scale if scale is not None else {"he": math.sqrt(2.0 / fan_in),
                                             "xavier": math.sqrt(1.0 / fan_in),
                                             "scaled": 0.01}[init]
        params[f"W{l}"] = z.reshape((n, n_prev), order=order) * s
        params[f"b{l}"] = np.zeros((n, 1))
    return params, rng


INITIALIZE = [
    Slip("row by row", "your W_l holds the right normals filled row by row; dlfp fills each "
         "matrix column by column (R's and Octave's order; numpy: reshape(..., order='F'))",
         _with(_init, order="C")),
    Slip("fan of the layer", "your scale uses n_l, the layer's own width; He and Xavier scale by "
         "n_(l-1), the width of the layer below", _with(_init, fan="this")),
    Slip("rng not carried", "each of your layers starts from the same generator state: the "
         "state rng_normal returns must go on to the next layer", _with(_init, carry=False)),
    Slip("0.01 scale", "your weights are scaled by 0.01 whatever init says: use the scale of "
         "the init named (he: sqrt(2 / n_(l-1)), xavier: sqrt(1 / n_(l-1)))",
         _with(_init, scale=0.01)),
]


def _forward_no_dropout(**switches):
    return lambda X, params, activations: forward(X, params, activations, **switches)[:2]


def _transposed(out):
    if isinstance(out, dict):
        return {k: _transposed(v) for k, v in out.items()}
    if isinstance(out, (list, tuple)):
        return type(out)(_transposed(v) for v in out)
    return out.T if isinstance(out, np.ndarray) else out


FORWARD = [
    Slip("bias left out", "your Z_l is W_l * A_(l-1) without b_l: the bias is left out",
         _forward_no_dropout(bias=False)),
    Slip("transposed", "your Z and A are dlfp's transposed (one row per example): the book "
         "keeps one column per example, Z_l = W_l * A_(l-1) + b_l",
         lambda X, params, activations: _transposed(dlfp.forward_propagation(X, params,
                                                                             activations))),
]

# --- exercise 5: backward, with L2, with dropout ------------------------------------------------

BACKWARD = [
    Slip("db without 1/m", "your db_l is sum(dZ_l, 2) without the 1/m: db is a mean over the "
         "examples, like dW", _with(backward, db_mean=False)),
    Slip("sum, not mean", "your dW_l and db_l are m times dlfp's: sums over the examples where "
         "the book takes the mean (the 1/m)", _with(backward, mean=False)),
    Slip("derivative at Z", "your dZ_l takes the derivative with Z_l in place of A_l = g(Z_l): "
         "sigmoid's is A .* (1 - A) and tanh's 1 - A.^2, in A (relu's step is the same either "
         "way)", _with(backward, at="Z")),
    Slip("derivative at A", "your dZ_l is g'(A_l), the derivative evaluated at the activation: "
         "it is g'(Z_l), which in terms of A_l is A .* (1 - A) for sigmoid, 1 - A.^2 for tanh",
         _with(backward, at="A")),
    Slip("dW transposed", "your dW_l is the transpose of dlfp's: dW_l = dZ_l * A_(l-1)' / m, "
         "n_l x n_(l-1) like W_l (A_(l-1) * dZ_l' is its transpose)",
         _with(backward, transpose_dW=True)),
    Slip("Y - A", "your gradients have the wrong sign: dZ_L = A_L - Y, not Y - A_L",
         _with(backward, output_dZ=lambda AL, Y: Y - AL)),
    Slip("mean twice", "your gradients are 1/m times dlfp's: the 1/m was taken twice (in dZ_L "
         "and again in dW, db)", _with(backward, output_dZ=lambda AL, Y: (AL - Y) / AL.shape[1])),
]

SOFTMAX_BACKWARD = [
    Slip("softmax elementwise", "your dZ_L is -Y .* (1 - A): softmax's derivative taken "
         "elementwise (like sigmoid's) leaves out the other classes' terms; with the "
         "cross-entropy the whole Jacobian reduces to dZ_L = A_L - Y",
         _with(backward, output_dZ=lambda AL, Y: -Y * (1 - AL))),
    Slip("softmax dA only", "your dZ_L is dA_L = -Y ./ A_L: the softmax's derivative is "
         "missing; with the cross-entropy it reduces to dZ_L = A_L - Y",
         _with(backward, output_dZ=lambda AL, Y: -Y / AL)),
    Slip("softmax times A(1-A)", "your dZ_L is (A - Y) .* A .* (1 - A): the cross-entropy "
         "already absorbed the softmax's derivative, dZ_L = A_L - Y with nothing more",
         _with(backward, output_dZ=lambda AL, Y: (AL - Y) * AL * (1 - AL))),
] + BACKWARD[:2]

BACKWARD_L2 = [
    Slip("L2 missing from dW", "your dW_l has no L2 term: with lambda > 0, dW_l adds "
         "(lambda / m) W_l", _with(backward, l2=lambda la, m, W: 0 * W)),
    Slip("L2 not / m", "your dW_l adds lambda W_l: the L2 term is (lambda / m) W_l, divided by m",
         _with(backward, l2=lambda la, m, W: la * W)),
    Slip("L2 halved", "your dW_l adds lambda / (2 m) W_l, the cost's factor: the derivative of "
         "lambda / (2 m) W^2 is (lambda / m) W",
         _with(backward, l2=lambda la, m, W: la / (2 * m) * W)),
    Slip("L2 on biases", "your db_l has an L2 term too: L2 penalizes the weights only",
         _with(backward, l2_bias=True)),
] + BACKWARD[:2]

FORWARD_DROPOUT = [
    Slip("mask not rescaled", "your dropped-out A_l is A_l .* D_l, not divided by keep_prob: "
         "inverted dropout rescales, A_l .* D_l / keep_prob", _with(forward, rescale=False)),
    Slip("mask complement", "your mask keeps the units with u >= keep_prob: D_l = (u < "
         "keep_prob) keeps a unit with probability keep_prob",
         _with(forward, keep=lambda u, kp: u >= kp)),
    Slip("output masked", "your output layer is masked too: dropout applies to the hidden "
         "layers only, never the output (nor the input)", _with(forward, masked="all")),
    Slip("input masked", "your input X is masked too: dropout applies to the hidden layers "
         "only, never the input", _with(forward, masked="input")),
    Slip("mask row by row", "your mask D_l holds the right uniforms filled row by row; dlfp "
         "fills it column by column (numpy: reshape(..., order='F'))",
         _with(forward, order="C")),
    Slip("cache after dropout", "your cache's A_l is after dropout; dlfp's cache keeps A_l = "
         "g(Z_l) before the mask (the dropped-out values go on as the next layer's A_prev)",
         _with(forward, cache_dropped=True)),
]

BACKWARD_DROPOUT = [
    Slip("mask not applied", "your backward pass does not apply the mask: dA_(l-1) = W_l' dZ_l "
         "times D_(l-1) / keep_prob, the forward pass's mask of that layer",
         _with(backward, mask="none")),
    Slip("mask not rescaled", "your backward pass multiplies by D_(l-1) without dividing by "
         "keep_prob: dA_(l-1) = W_l' dZ_l .* D_(l-1) / keep_prob",
         _with(backward, mask="unscaled")),
    Slip("mask of the wrong layer", "your backward pass applies the mask of layer l to "
         "dA_(l-1): the mask that goes with dA_(l-1) is D_(l-1), the one its own layer drew",
         _with(backward, mask="above")),
] + BACKWARD[:2]

# --- exercise 6: a gradient-descent step --------------------------------------------------------


def _gd(params, grads, lr, *, sign=-1.0, biases=True, use_lr=True):
    step = lr if use_lr else 1.0
    return {k: (p + sign * step * grads[f"d{k}"] if biases or k.startswith("W") else p)
            for k, p in params.items()}


UPDATE = [
    Slip("ascent", "your parameters moved up the gradient: p = p - lr * dp, with a minus",
         _with(_gd, sign=1.0)),
    Slip("bias left out", "your biases did not move: b_l = b_l - lr * db_l too",
         _with(_gd, biases=False)),
    Slip("lr missing", "your step is the whole gradient: p = p - lr * dp, times the learning "
         "rate", _with(_gd, use_lr=False)),
]


def _gd_opt(**switches):
    return lambda params, grads, state, lr, settings, t: (_gd(params, grads, lr, **switches),
                                                         state)


UPDATE_GD = [Slip(s.name, s.hint, _gd_opt(**sw)) for s, sw in
             zip(UPDATE, ({"sign": 1.0}, {"biases": False}, {"use_lr": False}))]

# --- exercise 7: momentum, RMSProp, Adam over several steps -------------------------------------


def _opt(params, grads, state, lr, settings, t, *, kind, carry="right", one_minus=True,
         eps_inside=False, square=True, t_shift=0, correct=True):
    """One update of momentum, rmsprop or adam, with the slips' switches (defaults: dlfp's)."""
    b = settings["beta"]
    b1, b2, eps = settings["beta1"], settings["beta2"], settings["epsilon"]
    start = state if carry != "reset" else dlfp.initialize_optimizer(params)
    new, v_new, s_new = {}, dict(start["v"]), dict(start["s"])
    tt = t + t_shift
    for k, p in params.items():
        g, v, s = grads[f"d{k}"], start["v"][k], start["s"][k]
        if kind == "momentum":
            v = b * v + ((1 - b) * g if one_minus else g)
            new[k], v_new[k] = p - lr * v, v
        elif kind == "rmsprop":
            s = b * s + (1 - b) * (g * g if square else g)
            root = np.sqrt(s + eps) if eps_inside else np.sqrt(s) + eps
            new[k], s_new[k] = p - lr * g / root, s
        else:
            v = b1 * v + (1 - b1) * g
            s = b2 * s + (1 - b2) * g * g
            with np.errstate(divide="ignore", invalid="ignore"):
                v_hat = v / (1 - b1 ** tt) if correct else v
                s_hat = s / (1 - b2 ** tt) if correct else s
                root = np.sqrt(s_hat + eps) if eps_inside else np.sqrt(s_hat) + eps
                new[k] = p - lr * v_hat / root
            v_new[k], s_new[k] = v, s
    out = {"v": v_new, "s": s_new}
    return new, (state if carry == "dropped" else out)


def _opt_slip(kind, **switches):
    return lambda *args: _opt(*args, kind=kind, **switches)


def _carry_slips(kind, what):
    return [
        Slip("state not returned", f"your returned state still holds the {what} that went in: "
             f"the new {what} must come back out, to be carried to the next step",
             _opt_slip(kind, carry="dropped")),
        Slip("state not carried", f"your step starts from {what} = 0 each time: the state that "
             f"comes in holds the running average of the steps before; carry it",
             _opt_slip(kind, carry="reset")),
    ]


MOMENTUM = _carry_slips("momentum", "v") + [
    Slip("v without (1 - beta)", "your v is beta * v + dW: the book's momentum is an average, "
         "v = beta * v + (1 - beta) * dW", _opt_slip("momentum", one_minus=False)),
]

RMSPROP = _carry_slips("rmsprop", "s") + [
    Slip("epsilon inside sqrt", "your step divides by sqrt(s + epsilon): the book's is "
         "sqrt(s) + epsilon", _opt_slip("rmsprop", eps_inside=True)),
    Slip("g, not g^2", "your s averages dW, not its square dW.^2",
         _opt_slip("rmsprop", square=False)),
]

ADAM = _carry_slips("adam", "v and s") + [
    Slip("t + 1", "your bias correction uses t + 1: t counts the updates from 1, so the first "
         "step divides by 1 - beta1^1", _opt_slip("adam", t_shift=1)),
    Slip("t - 1", "your bias correction uses t - 1: t counts the updates from 1, so the first "
         "step divides by 1 - beta1^1 (not 1 - beta1^0 = 0)", _opt_slip("adam", t_shift=-1)),
    Slip("no bias correction", "your step uses v and s without the bias correction: "
         "v_hat = v / (1 - beta1^t), s_hat = s / (1 - beta2^t)", _opt_slip("adam", correct=False)),
    Slip("epsilon inside sqrt", "your step divides by sqrt(s_hat + epsilon): the book's is "
         "sqrt(s_hat) + epsilon", _opt_slip("adam", eps_inside=True)),
]

# --- exercise 8: learning-rate schedules --------------------------------------------------------

EXPONENTIAL = [
    Slip("staircase", "your rate drops in steps, rate^floor(e / every); dlfp's exponential "
         "decay is smooth, lr * rate^(e / every) (inverse_time is the one with the floor)",
         lambda lr, e, rate, every: lr * rate ** math.floor(e / every)),
    Slip("e from 1", "your epochs count from 1: e is the 0-based epoch about to run, so epoch "
         "0 has the full learning rate", lambda lr, e, rate, every: lr * rate ** ((e + 1) / every)),
    Slip("every ignored", "your decay ignores every: lr * rate^(e / every)",
         lambda lr, e, rate, every: lr * rate ** e),
]

INVERSE_TIME = [
    Slip("no floor", "your decay is smooth, lr / (1 + rate * e / every): inverse_time drops "
         "in steps, lr / (1 + rate * floor(e / every))",
         lambda lr, e, rate, every: lr / (1 + rate * e / every)),
    Slip("e from 1", "your epochs count from 1: e is the 0-based epoch about to run, so epoch "
         "0 has the full learning rate",
         lambda lr, e, rate, every: lr / (1 + rate * math.floor((e + 1) / every))),
    Slip("every ignored", "your decay ignores every: lr / (1 + rate * floor(e / every))",
         lambda lr, e, rate, every: lr / (1 + rate * e)),
]
