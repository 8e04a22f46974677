"""What travels between the checker and a learner's process, as JSON.

Inputs: a matrix is {"dlfp_matrix": [rows, cols], "data": "<%.17g numbers, column by column>"}
(text, because R and Octave read %.17g back bit for bit where Octave's JSON reader does not);
a float {"dlfp_number": "<%.17g>"}; layer sizes {"dlfp_vector": "..."}; names
{"dlfp_strings": [...]} (R: a character vector, Octave: a cell of strings); a list of
structures {"dlfp_list": [...]} (R: a list, Octave: a cell); a dict an object (R: a named
list, Octave: a struct); an earlier call's output {"dlfp_ref": [call, name]}.

Outputs: each driver writes what the learner's function returned the same way, with numbers
as JSON numbers (%.17g; NaN and Infinity as Python's json reads them), an array's dims as the
language has them (R's plain vector: one dim) and anything else as {"dlfp_other": kind}.
"""
import json

import numpy as np

from .exercises import Missing, Ref


def _num(x):
    return "%.17g" % x


def encode_input(v):
    """A Python value of dlfp's as the drivers' JSON (see the module doc)."""
    if isinstance(v, Ref):
        return {"dlfp_ref": [v.call, v.output]}
    if isinstance(v, np.ndarray):
        a = np.asarray(v, dtype=float)
        if a.ndim == 1:
            return {"dlfp_vector": " ".join(map(_num, a))}
        return {"dlfp_matrix": list(a.shape), "data": " ".join(map(_num, a.ravel(order="F")))}
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return {"dlfp_number": _num(v)}
    if isinstance(v, str) or v is None:
        return v
    if isinstance(v, dict):
        return {str(k): encode_input(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        if v and all(isinstance(x, str) for x in v):
            return {"dlfp_strings": list(v)}
        if v and all(isinstance(x, int) and not isinstance(x, bool) for x in v):
            return {"dlfp_vector": " ".join(map(str, v))}
        return {"dlfp_list": [encode_input(x) for x in v]}
    raise TypeError(f"cannot send {type(v).__name__}")


class Other:
    """A value the learner returned that is neither numbers nor a structure (e.g. a function)."""

    def __init__(self, kind):
        self.kind = kind


def decode_output(v):
    """A driver's JSON output as Python: arrays, floats, strings, dicts, lists, Other."""
    if isinstance(v, dict):
        if "dlfp_matrix" in v:
            dims = [int(d) for d in v["dlfp_matrix"]]
            return np.array(v["data"], dtype=float).reshape(dims, order="F")
        if "dlfp_list" in v:
            return [decode_output(x) for x in v["dlfp_list"]]
        if "dlfp_other" in v:
            return Other(v["dlfp_other"])
        return {k: decode_output(x) for k, x in v.items()}
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    return v


def _count(n):
    return {1: "one value", 2: "two values", 3: "three values"}.get(n, f"{n} values")


def split_outputs(raw, call, lang):
    """The learner's return value as {output name: value}, or a Missing for each name.

    Python returns a tuple for several outputs, R a named list with dlfp's names (or in dlfp's
    order), Octave several outputs (its driver asks for as many as dlfp returns).
    """
    names = call.outputs
    if lang == "octave" and isinstance(raw, list) and len(raw) == len(names):
        return dict(zip(names, raw))  # the driver asked for exactly dlfp's outputs
    if len(names) == 1:
        return {names[0]: raw}
    if lang == "r" and isinstance(raw, dict) and all(n in raw for n in names):
        return {n: raw[n] for n in names}
    if lang == "r" and isinstance(raw, dict) and len(raw) == len(names):
        return dict(zip(names, raw.values()))
    if isinstance(raw, list) and len(raw) == len(names):
        return dict(zip(names, raw))
    form = {"python": "a tuple (" + ", ".join(names) + ")",
            "r": "list(" + ", ".join(f"{n} = ..." for n in names) + ")",
            "octave": "[" + ", ".join(names) + "]"}[lang]
    got = (f"a list of {len(raw)}" if isinstance(raw, (list, dict)) else "a single value")
    miss = Missing(f"{call.fn} returned {got}; dlfp's returns {_count(len(names))}, {form}",
                   whole=True)
    return {n: miss for n in names}


def write_job(path, learner, calls, lang, root, shims=None):
    """The driver's job file: the learner's file, the calls with their inputs."""
    job = {"learner": str(learner), "root": str(root), "lang": lang, "shims": shims,
           "calls": [{"fn": c.fn, "args": [encode_input(a) for a in c.args],
                      "outputs": list(c.outputs)} for c in calls]}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(job, f)


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
