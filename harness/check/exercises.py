"""The exercise ladder, as data: each check calls one learner function on dlfp's inputs.

A check is a list of calls (the same function, possibly chained: a call's argument may be an
earlier call's output, as training feeds an optimizer its own state), the quantities read from
the outputs in the order they are computed, and the slips that can explain a difference. The
reference is the same calls made with dlfp's Python function; a slip's variant, the same calls
made with the slip's function. Inputs come from dlfp's random stream, so every language gets
the same numbers (they travel to the learner's language as %.17g text).
"""
from dataclasses import dataclass, field

import numpy as np

import dlfp

from . import slips as S


@dataclass(frozen=True)
class Ref:
    """An argument that is an earlier call's output (by its index in the check and its name)."""
    call: int
    output: str


@dataclass
class Call:
    fn: str
    args: tuple
    outputs: tuple  # the names of what the function returns, in order


@dataclass
class Quantity:
    """One number or array to compare: its label, its layer and step (or None), its value."""
    label: str
    layer: object
    step: object
    value: object


class Missing:
    """A value the learner's outputs do not have, and why (in words for the report)."""

    def __init__(self, why, whole=False):
        self.why = why
        self.whole = whole  # the return value itself has the wrong form

    def __repr__(self):
        return f"Missing({self.why})"


@dataclass
class Check:
    fn: str
    case: str
    calls: list
    quantities: object  # outputs (one dict per call) -> list of Quantity
    slips: list = field(default_factory=list)
    call_label: object = None  # k (0-based) -> "step 2", for checks of several calls


@dataclass
class Exercise:
    name: str
    title: str
    checks: list


def execute(check, impl):
    """The outputs (one dict per call) of the check's calls made with impl."""
    outs = []
    for call in check.calls:
        args = [outs[a.call][a.output] if isinstance(a, Ref) else a for a in call.args]
        result = impl(*args)
        outs.append({call.outputs[0]: result} if len(call.outputs) == 1
                    else dict(zip(call.outputs, result)))
    return outs


# --- reading quantities out of outputs, where a learner's structure may lack a part ----------

def get(obj, key, what):
    """obj[key] for a dict (R's named list, Octave's struct), or a Missing that says so."""
    if isinstance(obj, Missing):
        return obj
    if isinstance(obj, dict):
        return obj[key] if key in obj else Missing(f"{what} has no {key}")
    if obj is None:
        return Missing(f"{what} is nothing (None / NULL / [])")
    return Missing(f"{what} is not a dict / named list / struct")


def item(seq, i, what):
    """seq[i] (0-based) for a list (R's list, Octave's cell), or a Missing that says so."""
    if isinstance(seq, Missing):
        return seq
    if isinstance(seq, list):
        return seq[i] if i < len(seq) else Missing(f"{what} has {len(seq)} entries, not {i + 1}")
    return Missing(f"{what} is not a list (Python list, R list, Octave cell)")


def one(name, label):
    return lambda outs: [Quantity(label, None, None, outs[0][name])]


def per_call(name, label_of):
    return lambda outs: [Quantity(label_of(k), None, k, o[name]) for k, o in enumerate(outs)]


def params_quantities(params, L, prefix="", step=None, what="params"):
    qs = []
    for l in range(1, L + 1):
        for k in (f"W{l}", f"b{l}"):
            qs.append(Quantity(f"{prefix}{k}", l, step, get(params, k, what)))
    return qs


def grads_quantities(L):
    def read(outs):
        grads = outs[0]["grads"]
        return [Quantity(f"{k[:2]}_{l}", l, None, get(grads, f"{k[:2]}{l}", "grads"))
                for l in range(L, 0, -1) for k in ("dW", "db")]
    return read


def forward_quantities(L, dropout=False):
    fields = ("A_prev", "Z", "A", "D") if dropout else ("A_prev", "Z", "A")

    def read(outs):
        caches = outs[0]["caches"]
        qs = []
        for l in range(1, L + 1):
            cache = item(caches, l - 1, "caches")
            for f in fields:
                if f == "D" and l == L:
                    continue  # the output layer has no mask
                label = {"A_prev": f"A_prev of layer {l}" + (f" (A_{l - 1} after dropout)"
                                                             if dropout and l > 1 else ""),
                         "Z": f"Z_{l}", "A": f"A_{l}", "D": f"D_{l}"}[f]
                qs.append(Quantity(label, l, None,
                                   get(cache, f, f"the cache of layer {l}")))
        qs.append(Quantity("AL", L, None, outs[0]["AL"]))
        if dropout:
            qs.append(Quantity("rng (the generator state returned)", None, None, outs[0]["rng"]))
        return qs
    return read


def init_quantities(L):
    return lambda outs: (params_quantities(outs[0]["params"], L)
                         + [Quantity("rng (the generator state returned)", None, None,
                                     outs[0]["rng"])])


def optimizer_quantities(L, steps, moments):
    def read(outs):
        qs = []
        for k, o in enumerate(outs[:steps], start=1):
            state = o["state"]
            for l in range(1, L + 1):
                for key in (f"W{l}", f"b{l}"):
                    for mo in moments:
                        qs.append(Quantity(f"{mo} of {key}", l, k,
                                           get(get(state, mo, "state"), key, f"state.{mo}")))
                    qs.append(Quantity(f"updated {key}", l, k,
                                       get(o["params"], key, "params")))
        return qs
    return read


# --- the inputs: dlfp's random stream ---------------------------------------------------------

class Stream:
    """Matrices of normals and uniforms from dlfp's stream, filled column by column."""

    def __init__(self, seed):
        self.rng = dlfp.rng_create(seed)

    def normal(self, n, m, scale=1.0):
        z, self.rng = dlfp.rng_normal(self.rng, n * m)
        return z.reshape((n, m), order="F") * scale

    def labels(self, K, m):
        u, self.rng = dlfp.rng_uniform(self.rng, m)
        return np.floor(u * K)

    def params(self, layers, scale=0.5):
        p = {}
        for l in range(1, len(layers)):
            p[f"W{l}"] = self.normal(layers[l], layers[l - 1], scale)
            p[f"b{l}"] = self.normal(layers[l], 1, 0.1)  # not zero, so a missing bias shows
        return p


M = 6  # examples: not equal to any layer width, so a transposed matrix has another shape


def _targets(s, activation, K):
    return dlfp.labels_to_targets(s.labels(2 if activation == "sigmoid" else K, M),
                                  activation, K)


def _network(seed, layers, activations):
    s = Stream(seed)
    X = s.normal(layers[0], M)
    params = s.params(layers)
    Y = _targets(s, activations[-1], layers[-1])
    return X, params, Y


def _case(layers, activations):
    return f"{'-'.join(map(str, layers))} network ({', '.join(activations)}), m = {M}"


def activations_exercise():
    s = Stream(101)
    Z = s.normal(4, M, 2.0)
    dA = s.normal(4, M)
    checks = []
    for name, sl in (("sigmoid", S.SIGMOID), ("tanh", []), ("relu", S.RELU),
                     ("softmax", S.SOFTMAX)):
        checks.append(Check(f"{name}_forward", f"Z 4 x {M}",
                            [Call(f"{name}_forward", (Z,), ("A",))], one("A", "A"), sl))
    for name, sl in (("sigmoid", S.derivative_slips("sigmoid")),
                     ("tanh", S.derivative_slips("tanh")), ("relu", S.RELU_BACKWARD)):
        A = dlfp.ACTIVATIONS[name](Z)
        checks.append(Check(f"{name}_backward", f"dA, Z, A = {name}(Z), 4 x {M}",
                            [Call(f"{name}_backward", (dA, Z, A), ("dZ",))], one("dZ", "dZ"), sl))
    return Exercise("activations", EXERCISE_TITLES["activations"], checks)


def linear_exercise():
    s = Stream(102)
    A_prev, W, b = s.normal(4, M), s.normal(3, 4), s.normal(3, 1)
    return Exercise("linear", EXERCISE_TITLES["linear"], [
        Check("linear_forward", f"A_prev 4 x {M}, W 3 x 4, b 3 x 1",
              [Call("linear_forward", (A_prev, W, b), ("Z",))], one("Z", "Z"), S.LINEAR)])


def cost_exercise():
    s = Stream(103)
    ZL1, ZL3 = s.normal(1, 8, 2.0), s.normal(3, 8, 2.0)
    Y1 = dlfp.labels_to_targets(s.labels(2, 8), "sigmoid", 1)
    Y3 = dlfp.labels_to_targets(s.labels(3, 8), "softmax", 3)
    params = s.params([4, 5, 1])
    return Exercise("cost", EXERCISE_TITLES["cost"], [
        Check("compute_cost", "sigmoid: ZL 1 x 8, Y of 0/1",
              [Call("compute_cost", (ZL1, Y1, "sigmoid"), ("J",))], one("J", "J"), S.COST_BINARY),
        Check("compute_cost", "softmax: ZL 3 x 8, Y one-hot",
              [Call("compute_cost", (ZL3, Y3, "softmax"), ("J",))], one("J", "J"), S.COST_SOFTMAX),
        Check("l2_penalty", "W1 5 x 4, W2 1 x 5 (and biases), lambd = 0.7, m = 8",
              [Call("l2_penalty", (params, 0.7, 8), ("J_L2",))],
              one("J_L2", "the L2 term of J"), S.L2_PENALTY),
    ])


ACTS = ["relu", "tanh", "sigmoid"]
LAYERS = [4, 5, 3, 1]
DROPOUT_LAYERS = [4, 5, 5, 1]  # equal hidden widths: a mask of the wrong layer still fits


def forward_exercise():
    X, params, _ = _network(104, LAYERS, ACTS)
    return Exercise("forward", EXERCISE_TITLES["forward"], [
        Check("initialize_parameters", "layers [4, 5, 3, 1], init 'he', rng = rng_create(3)",
              [Call("initialize_parameters", (LAYERS, "he", dlfp.rng_create(3)),
                    ("params", "rng"))], init_quantities(3), S.INITIALIZE),
        Check("forward_propagation", _case(LAYERS, ACTS),
              [Call("forward_propagation", (X, params, ACTS), ("AL", "caches"))],
              forward_quantities(3), S.FORWARD),
    ])


def _backward_check(seed, layers, acts, lambd, keep_prob, sl, case):
    X, params, Y = _network(seed, layers, acts)
    AL, caches, _ = dlfp.forward_propagation_dropout(X, params, acts, keep_prob,
                                                     dlfp.rng_create(seed))
    return Check("backward_propagation", case,
                 [Call("backward_propagation", (AL, Y, caches, params, acts, lambd, keep_prob),
                       ("grads",))], grads_quantities(len(acts)), sl)


def backward_exercise():
    return Exercise("backward", EXERCISE_TITLES["backward"], [
        _backward_check(105, LAYERS, ACTS, 0.0, 1.0, S.BACKWARD,
                        _case(LAYERS, ACTS) + ", dlfp's caches"),
        _backward_check(106, [4, 5, 3], ["tanh", "softmax"], 0.0, 1.0, S.SOFTMAX_BACKWARD,
                        _case([4, 5, 3], ["tanh", "softmax"]) + ", dlfp's caches"),
    ])


def backward_l2_exercise():
    return Exercise("backward_l2", EXERCISE_TITLES["backward_l2"], [
        _backward_check(107, LAYERS, ACTS, 0.7, 1.0, S.BACKWARD_L2,
                        _case(LAYERS, ACTS) + ", lambd = 0.7, dlfp's caches")])


def backward_dropout_exercise():
    X, params, _ = _network(108, DROPOUT_LAYERS, ACTS)
    return Exercise("backward_dropout", EXERCISE_TITLES["backward_dropout"], [
        Check("forward_propagation_dropout",
              _case(DROPOUT_LAYERS, ACTS) + ", keep_prob = 0.8, rng = rng_create(9)",
              [Call("forward_propagation_dropout", (X, params, ACTS, 0.8, dlfp.rng_create(9)),
                    ("AL", "caches", "rng"))], forward_quantities(3, dropout=True),
              S.FORWARD_DROPOUT),
        _backward_check(109, DROPOUT_LAYERS, ACTS, 0.0, 0.8, S.BACKWARD_DROPOUT,
                        _case(DROPOUT_LAYERS, ACTS) + ", keep_prob = 0.8, dlfp's caches "
                        "with their masks D"),
    ])


SETTINGS = {"beta": 0.9, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
OPT_LAYERS = [4, 3, 1]


def gd_exercise():
    s = Stream(110)
    params = s.params(OPT_LAYERS)
    grads = {f"d{k}": s.normal(*p.shape, 0.1) for k, p in params.items()}
    state = dlfp.initialize_optimizer(params)
    return Exercise("gd_step", EXERCISE_TITLES["gd_step"], [
        Check("update_parameters", "W1 3 x 4, b1 3 x 1, W2 1 x 3, b2 1 x 1, learning_rate 0.1",
              [Call("update_parameters", (params, grads, 0.1), ("params",))],
              lambda outs: params_quantities(outs[0]["params"], 2, "updated "), S.UPDATE),
        Check("update_parameters_gd", "the same, with state, settings and t = 1",
              [Call("update_parameters_gd", (params, grads, state, 0.1, SETTINGS, 1),
                    ("params", "state"))],
              lambda outs: params_quantities(outs[0]["params"], 2, "updated "), S.UPDATE_GD),
    ])


STEPS = 3


def _optimizer_check(seed, fn, moments, sl):
    s = Stream(seed)
    params = s.params(OPT_LAYERS)
    grads = [{f"d{k}": s.normal(*p.shape, 0.1) for k, p in params.items()} for _ in range(STEPS)]
    calls = [Call(fn, (params, grads[0], dlfp.initialize_optimizer(params), 0.01, SETTINGS, 1),
                  ("params", "state"))]
    for t in range(2, STEPS + 1):
        calls.append(Call(fn, (Ref(t - 2, "params"), grads[t - 1], Ref(t - 2, "state"), 0.01,
                               SETTINGS, t), ("params", "state")))
    return Check(fn, f"{STEPS} steps from zero state, each fed your own params and state; "
                 f"W1 3 x 4, W2 1 x 3, lr 0.01, t = 1..{STEPS}",
                 calls, optimizer_quantities(2, STEPS, moments), sl,
                 call_label=lambda k: f"step {k + 1}")


def optimizers_exercise():
    return Exercise("optimizers", EXERCISE_TITLES["optimizers"], [
        _optimizer_check(111, "update_parameters_momentum", ("v",), S.MOMENTUM),
        _optimizer_check(112, "update_parameters_rmsprop", ("s",), S.RMSPROP),
        _optimizer_check(113, "update_parameters_adam", ("v", "s"), S.ADAM),
    ])


EPOCHS = range(10)


def schedules_exercise():
    def check(fn, rate, every, sl):
        return Check(fn, f"learning_rate 0.1, rate {rate}, every {every}, e = 0..{EPOCHS[-1]}",
                     [Call(fn, (0.1, e, rate, every), ("lr",)) for e in EPOCHS],
                     per_call("lr", lambda e: f"lr at epoch e = {e}"), sl,
                     call_label=lambda k: f"epoch e = {EPOCHS[k]}")
    return Exercise("schedules", EXERCISE_TITLES["schedules"], [
        check("schedule_exponential", 0.5, 4, S.EXPONENTIAL),
        check("schedule_inverse_time", 1.0, 3, S.INVERSE_TIME),
    ])


BUILDERS = [activations_exercise, linear_exercise, cost_exercise, forward_exercise,
            backward_exercise, backward_l2_exercise, backward_dropout_exercise, gd_exercise,
            optimizers_exercise, schedules_exercise]


def ladder():
    """The exercises, in the book's order (built afresh: the inputs are computed here)."""
    return [b() for b in BUILDERS]


EXERCISE_TITLES = {
    "activations": "activations and their derivatives",
    "linear": "the linear step",
    "cost": "the cost (binary and softmax, and L2's term)",
    "forward": "initialization and the forward pass through L layers",
    "backward": "backward propagation through L layers",
    "backward_l2": "backward propagation with L2",
    "backward_dropout": "dropout, forward and backward",
    "gd_step": "one gradient-descent step",
    "optimizers": "momentum, RMSProp and Adam over several steps",
    "schedules": "the learning-rate schedules",
}
EXERCISE_NAMES = list(EXERCISE_TITLES)
