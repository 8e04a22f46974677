"""Starter files: each exercise's functions with dlfp's signatures, shapes and TODOs.

SIGNATURES is the contract, written once: a function's name, its arguments (with dlfp's
defaults), what it returns, the equation it implements and the shapes. Each language's starter
file is made from it, with the structures (params, grads, caches, state, settings) described
in that language's terms.
"""
import textwrap

from .exercises import EXERCISE_NAMES, EXERCISE_TITLES

# name: (arguments, outputs, equation, notes on shapes and structures)
SIGNATURES = {
    "sigmoid_forward": (["Z"], ["A"], "A = 1 / (1 + exp(-Z))", ["Z, A: n x m"]),
    "tanh_forward": (["Z"], ["A"], "A = tanh(Z)", ["Z, A: n x m"]),
    "relu_forward": (["Z"], ["A"], "A = max(Z, 0)", ["Z, A: n x m"]),
    "softmax_forward": (["Z"], ["A"], "A = exp(Z) ./ sum(exp(Z)), per column (subtract the "
                        "column max first, so exp never overflows)", ["Z, A: K x m"]),
    "sigmoid_backward": (["dA", "Z", "A"], ["dZ"], "dZ = dA .* A .* (1 - A)",
                         ["dA, Z, A = sigmoid(Z), dZ: n x m"]),
    "tanh_backward": (["dA", "Z", "A"], ["dZ"], "dZ = dA .* (1 - A.^2)",
                      ["dA, Z, A = tanh(Z), dZ: n x m"]),
    "relu_backward": (["dA", "Z", "A"], ["dZ"], "dZ = dA .* (Z > 0)",
                      ["dA, Z, A = relu(Z), dZ: n x m"]),
    "linear_forward": (["A_prev", "W", "b"], ["Z"], "Z = W * A_prev + b",
                       ["A_prev: n_(l-1) x m, W: n_l x n_(l-1), b: n_l x 1, Z: n_l x m"]),
    "compute_cost": (["ZL", "Y", "output_activation"], ["J"],
                     "J = -1/m * sum(Y .* log(AL) + (1 - Y) .* log(1 - AL)) for 'sigmoid', "
                     "J = -1/m * sum(sum(Y .* log(AL))) for 'softmax', AL = g(ZL)",
                     ["ZL, Y: n_L x m (the output layer's pre-activation: take AL = g(ZL))",
                      "output_activation: 'sigmoid' or 'softmax'; J: a number"]),
    "l2_penalty": (["params", "lambd", "m"], ["J_L2"],
                   "J_L2 = lambda / (2 m) * sum over l of sum(W_l .^ 2) (weights only)",
                   ["params: W1, b1, ..., WL, bL; J_L2: a number, added to the cost"]),
    "initialize_parameters": (["layers", "init", "rng"], ["params", "rng"],
                              "W_l = s * N(0, 1) of size n_l x n_(l-1), b_l = 0 (n_l x 1); "
                              "s = sqrt(2 / n_(l-1)) for 'he', sqrt(1 / n_(l-1)) for 'xavier', "
                              "0.01 for 'scaled'",
                              ["layers: [n_0, n_1, ..., n_L]; rng: the generator state",
                               "draw each W_l's n_l * n_(l-1) normals with rng_normal(rng, n) "
                               "(dlfp's), layer by layer, carrying the state returned, and "
                               "fill W_l column by column"]),
    "forward_propagation": (["X", "params", "activations"], ["AL", "caches"],
                            "A_l = g_l(W_l * A_(l-1) + b_l) for l = 1..L, A_0 = X",
                            ["X: n_0 x m; activations: one name per layer, e.g. relu, tanh, "
                             "sigmoid", "caches: one per layer (see the structures above)"]),
    "forward_propagation_dropout": (["X", "params", "activations", "keep_prob", "rng"],
                                    ["AL", "caches", "rng"],
                                    "A_l = g_l(W_l * A_(l-1) + b_l) .* D_l / keep_prob on hidden "
                                    "layers, D_l = (u < keep_prob)",
                                    ["each hidden layer draws n_l * m uniforms u with "
                                     "rng_uniform(rng, n) (dlfp's), filled column by column; "
                                     "never the input or the output layer",
                                     "the cache's A is g(Z) before the mask; it also keeps D"]),
    "backward_propagation": (["AL", "Y", "caches", "params", "activations", "lambd = 0",
                              "keep_prob = 1"], ["grads"],
                             "dZ_L = A_L - Y ; dW_l = dZ_l A_(l-1)' / m + (lambda / m) W_l ; "
                             "db_l = sum(dZ_l, 2) / m ; dA_(l-1) = W_l' dZ_l (.* D_(l-1) / "
                             "keep_prob) ; dZ_(l-1) = dA_(l-1) .* g'(Z_(l-1))",
                             ["grads: dW1, db1, ..., dWL, dbL, each the shape of its parameter",
                              "caches: dlfp's (see the structures above), masks D with dropout"]),
    "update_parameters": (["params", "grads", "learning_rate"], ["params"],
                          "W_l = W_l - lr * dW_l ; b_l = b_l - lr * db_l", []),
    "update_parameters_gd": (["params", "grads", "state", "learning_rate", "settings", "t"],
                             ["params", "state"], "p = p - lr * g (state comes back unchanged)",
                             []),
    "update_parameters_momentum": (["params", "grads", "state", "learning_rate", "settings",
                                    "t"], ["params", "state"],
                                   "v = beta * v + (1 - beta) * g ; p = p - lr * v",
                                   ["per parameter p (W1, b1, ...) with gradient g (dW1, ...); "
                                    "v is the state's v; beta is the settings' beta"]),
    "update_parameters_rmsprop": (["params", "grads", "state", "learning_rate", "settings", "t"],
                                  ["params", "state"],
                                  "s = beta * s + (1 - beta) * g.^2 ; p = p - lr * g ./ "
                                  "(sqrt(s) + epsilon)",
                                  ["s is the state's s; beta and epsilon are the settings'"]),
    "update_parameters_adam": (["params", "grads", "state", "learning_rate", "settings", "t"],
                               ["params", "state"],
                               "v = beta1 v + (1 - beta1) g ; s = beta2 s + (1 - beta2) g.^2 ; "
                               "p = p - lr * (v / (1 - beta1^t)) ./ (sqrt(s / (1 - beta2^t)) + "
                               "epsilon)",
                               ["t counts the updates from 1; beta1, beta2 and epsilon are the "
                                "settings'"]),
    "schedule_exponential": (["learning_rate", "e", "rate", "every"], ["lr"],
                             "lr_e = lr * rate^(e / every)", ["e: the 0-based epoch"]),
    "schedule_inverse_time": (["learning_rate", "e", "rate", "every"], ["lr"],
                              "lr_e = lr / (1 + rate * floor(e / every))",
                              ["e: the 0-based epoch"]),
}

FUNCTIONS = {
    "activations": ["sigmoid_forward", "tanh_forward", "relu_forward", "softmax_forward",
                    "sigmoid_backward", "tanh_backward", "relu_backward"],
    "linear": ["linear_forward"],
    "cost": ["compute_cost", "l2_penalty"],
    "forward": ["initialize_parameters", "forward_propagation"],
    "backward": ["backward_propagation"],
    "backward_l2": ["backward_propagation"],
    "backward_dropout": ["forward_propagation_dropout", "backward_propagation"],
    "gd_step": ["update_parameters", "update_parameters_gd"],
    "optimizers": ["update_parameters_momentum", "update_parameters_rmsprop",
                   "update_parameters_adam"],
    "schedules": ["schedule_exponential", "schedule_inverse_time"],
}

STRUCTURES = {
    "python": """\
Structures (numpy float arrays, one column per example):
  params    dict {"W1": (n_1, n_0), "b1": (n_1, 1), ..., "WL", "bL"}
  grads     dict {"dW1": ..., "db1": ..., ...}, each shaped like its parameter
  caches    list, one dict per layer l (caches[l - 1]):
            {"A_prev": A_(l-1), "Z": Z_l, "A": g(Z_l)} and, on a dropped-out layer, "D": D_l
  state     dict {"v": {"W1": ..., "b1": ...}, "s": {...}}, zeros at first (initialize_optimizer)
  settings  dict {"beta": 0.9, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-08}
  activations  a list of names, e.g. ["relu", "tanh", "sigmoid"]
  rng       the generator state, a float: rng_uniform(rng, n) -> (u, rng),
            rng_normal(rng, n) -> (z, rng) (dlfp's; your file may call them)
Several outputs come back as a tuple, in the order shown. Shapes keep both dims: (n, 1), not (n,).
Any dlfp function you do not define is dlfp's own (import numpy yourself).
""",
    "r": """\
Structures (numeric matrices, one column per example):
  params    named list: list(W1 = n_1 x n_0, b1 = n_1 x 1, ..., WL, bL)
  grads     named list: list(dW1 = ..., db1 = ..., ...), each shaped like its parameter
  caches    list, one named list per layer l (caches[[l]]):
            list(A_prev = A_(l-1), Z = Z_l, A = g(Z_l)) and, on a dropped-out layer, D = D_l
  state     list(v = list(W1 = ..., b1 = ...), s = list(...)), zeros at first
  settings  list(beta = 0.9, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-08)
  activations  a character vector, e.g. c("relu", "tanh", "sigmoid")
  rng       the generator state, a number: rng_uniform(rng, n) -> list(u, rng),
            rng_normal(rng, n) -> list(z, rng) (dlfp's; your file may call them)
Several outputs come back as a named list with the names shown:
  e.g. list(AL = AL, caches = caches).
Any dlfp function you do not define is dlfp's own.
""",
    "octave": """\
Structures (double matrices, one column per example):
  params    struct with fields W1 (n_1 x n_0), b1 (n_1 x 1), ..., WL, bL
  grads     struct with fields dW1, db1, ..., each shaped like its parameter
  caches    1 x L cell, one struct per layer l (caches{l}):
            fields A_prev = A_(l-1), Z = Z_l, A = g(Z_l) and, on a dropped-out layer, D = D_l
  state     struct with fields v and s, each a struct with fields W1, b1, ... (zeros at first)
  settings  struct with fields beta (0.9), beta1 (0.9), beta2 (0.999), epsilon (1e-08)
  activations  a cell of names, e.g. {"relu", "tanh", "sigmoid"}
  rng       the generator state, a number: [u, rng] = rng_uniform (rng, n),
            [z, rng] = rng_normal (rng, n) (dlfp's; your files may call them)
Several outputs are several return values, in the order shown.
Put each function in its own file (name.m) in one folder, or all of them in one script file
that starts with "1;". Any dlfp function you do not define is dlfp's own.
""",
}


def _equation(eq, width=88):
    """The equation in lines of at most width characters, broken after its ' ; ' steps."""
    lines, line = [], ""
    for part in eq.split(" ; "):
        if line and len(line) + 3 + len(part) > width:
            lines.append(line + " ;")
            line = part
        else:
            line = f"{line} ; {part}" if line else part
    return lines + [line]


def _lines(texts):
    """Each text in lines of at most 88 characters: equations broken after ' ; ', words else."""
    out = []
    for t in texts:
        for line in _equation(t):
            out.extend(textwrap.wrap(line, 88, subsequent_indent="  ") or [""])
    return out


def _comment(text, mark):
    return "".join(f"{mark} {line}".rstrip() + "\n" for line in text.splitlines())


def _python(name):
    args, outs, eq, notes = SIGNATURES[name]
    doc = _lines([eq, ""] + notes + [f"returns {', '.join(outs)}"])
    body = "\n".join(f"    {line}".rstrip() for line in doc)
    ret = ", ".join(outs)
    return (f"def {name}({', '.join(a.replace(' = ', '=') for a in args)}):\n"
            f'    """{body.strip()}\n    """\n'
            f"    # TODO: compute {ret}\n"
            f'    raise NotImplementedError("TODO: {name}")\n'
            f"    return {ret}\n\n\n")


def _r(name):
    args, outs, eq, notes = SIGNATURES[name]
    ret = outs[0] if len(outs) == 1 else f"list({', '.join(f'{o} = {o}' for o in outs)})"
    doc = "".join(f"#' {line}".rstrip() + "\n"
                  for line in _lines([eq, ""] + notes + [f"returns {ret}"]))
    return (doc + f"{name} <- function({', '.join(args)}) {{\n"
            f"  # TODO: compute {', '.join(outs)}\n"
            f'  stop("TODO: {name}")\n'
            f"  {ret}\n}}\n\n")


def _octave(name):
    args, outs, eq, notes = SIGNATURES[name]
    ret = outs[0] if len(outs) == 1 else f"[{', '.join(outs)}]"
    plain = [a.split(" = ")[0] for a in args]
    defaults = [a for a in args if " = " in a]
    doc = "".join(f"  ## {line}".rstrip() + "\n"
                  for line in _lines([eq, ""] + notes + [f"returns {ret}"]))
    fill = "".join(f"  if (nargin < {plain.index(d.split(' = ')[0]) + 1})\n"
                   f"    {d.replace(' = ', ' = ')};\n  endif\n" for d in defaults)
    return (f"function {ret} = {name} ({', '.join(plain)})\n" + doc + fill
            + f"  ## TODO: compute {', '.join(outs)}\n"
            f'  error ("TODO: {name}");\nendfunction\n\n')


WRITERS = {"python": ("#", _python), "r": ("#", _r), "octave": ("##", _octave)}


def template(exercise, lang):
    """The starter file's text for one exercise (or 'all') in lang."""
    names = EXERCISE_NAMES if exercise == "all" else [exercise]
    functions = list(dict.fromkeys(f for n in names for f in FUNCTIONS[n]))
    mark, write = WRITERS[lang]
    title = ("the whole ladder" if exercise == "all"
             else f"exercise {exercise}: {EXERCISE_TITLES[exercise]}")
    run = {"python": "mine.py", "r": "mine.R", "octave": "mine.m"}[lang]
    head = (f"dlfp check starter: {title}.\n"
            f"Fill in the TODOs, then: .venv/bin/python -m harness check {run}"
            + (f" --exercise {exercise}" if exercise != "all" else "") + "\n"
            "A function that still raises its TODO error counts as not written yet.\n\n"
            + STRUCTURES[lang])
    text = _comment(head, mark) + "\n"
    if lang == "python":
        text += "import numpy as np\n\n\n"
    if lang == "octave":
        text += "1;  # a script file that defines functions\n\n"
    return text + "".join(write(f) for f in functions).rstrip("\n") + "\n"
