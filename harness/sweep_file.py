"""The sweep file: read, checked against sweep_rules.json by a short walker (the shape of dlfp's
schema.py), and its trials drawn. Every problem is one `dlfp: sweep: ...` line (SweepError).
"""
import json
import math
import os
import re

import dlfp
from dlfp.errors import is_int, is_number, shown, shown_path
from dlfp.result import json_ready
from dlfp.schema import RULES as SCENARIO_RULES, in_bounds, integer_phrase

from .bridges import LANGUAGES

RULES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sweep_rules.json")
with open(RULES_FILE, encoding="utf-8") as _f:
    RULES = json.load(_f)
SCENARIO_FIELDS = sorted(r["field"] for r in SCENARIO_RULES["fields"])
# a plain name: one path component that names a new folder, never '.', '..' or a hidden one
PLAIN_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")


class SweepError(ValueError):
    """A sweep that cannot run as asked (its file, --out, the arguments): the message names the
    problem in one `dlfp: sweep: ...` line."""


def fail(problem):
    """raise SweepError('dlfp: sweep: ' + problem)."""
    raise SweepError(f"dlfp: sweep: {problem}")


def read_sweep(path):
    """sweep = check_sweep(JSON(path)), its scenario made absolute (relative to the file).

    Returns the fields with every default filled in: name, scenario, search, folds, space,
    languages; trials and seed for a random search.
    """
    try:
        raw = dlfp.read_json(str(path), "sweep")
    except dlfp.DlfpError as e:
        raise SweepError(str(e)) from None
    if not isinstance(raw, dict):
        fail(f"{shown_path(path)}: the top level must be an object")
    s = check_sweep(raw)
    s["scenario"] = os.path.join(os.path.dirname(os.path.abspath(path)), s["scenario"])
    return s


def check_sweep(raw):
    """sweep = defaults + raw, checked row by row against RULES, or the first error.

    In this order: the search, unknown fields, missing fields, each row, then the number of
    trials and tasks the sweep makes.
    """
    choice = RULES["choice"]
    key = choice["key"]
    search = raw.get(key, choice["default"])
    if not (isinstance(search, str) and search in choice["variants"]):
        fail(f"'{key}' must be " + " or ".join(f"'{v}'" for v in choice["variants"]))
    variant = choice["variants"][search]
    rows = RULES["fields"] + variant["fields"]
    allowed = {r["field"] for r in rows}
    others = {r["field"] for v in choice["variants"].values() for r in v["fields"]} - allowed
    for field in raw:
        if field in others and "refuse" in variant:
            fail(variant["refuse"])
        if field not in allowed:
            fail(f"unknown field '{shown(field)}' (allowed: {', '.join(sorted(allowed))})")
    out = {key: search}
    for r in rows:
        field = r["field"]
        if field == key:
            continue
        if field not in raw:
            if r.get("required"):
                fail(f"a {search} search needs '{field}'" if r in variant["fields"] else
                     f"missing field '{field}'")
            out[field] = list(r["default"]) if isinstance(r.get("default"), list) \
                else r.get("default")
            continue
        out[field] = CHECKS[r["type"]](raw[field], r, field, out)
    _check_size(out)
    return out


def _check_size(sweep):
    """Stop when the sweep makes more trials or tasks (trials x folds x languages) than the
    rules' limits allow."""
    limits = RULES["limits"]
    trials = sweep.get("trials") or math.prod(len(next(iter(spec.values())))
                                              for spec in sweep["space"].values())
    if trials > limits["max_trials"]:
        fail(f"the grid makes {trials} trials, more than {limits['max_trials']}")
    tasks = trials * sweep["folds"] * len(sweep["languages"])
    if tasks > limits["max_tasks"]:
        fail(f"the sweep makes {tasks} tasks (trials x folds x languages), more than "
             f"{limits['max_tasks']}")


def _check_plain_name(value, rule, label, out):
    if not (isinstance(value, str) and len(value) <= rule["max_length"]
            and PLAIN_NAME.fullmatch(value)):
        fail(f"'{label}' must be a plain name of at most {rule['max_length']} characters: "
             "letters, digits, '.', '_', '-', not starting with '.'")
    return value


def _check_path(value, rule, label, out):
    if not isinstance(value, str) or not value or "\x00" in value:
        fail(f"'{label}' must be a file path")
    return value


def _check_integer(value, rule, label, out):
    if not (is_int(value) and in_bounds(value, rule)):
        fail(f"'{label}' must be {integer_phrase(rule)}")
    return int(value)


def _check_languages(value, rule, label, out):
    if not (isinstance(value, list) and value and all(isinstance(v, str) and v in LANGUAGES
                                                      for v in value)
            and len(set(value)) == len(value)):
        fail(f"'{label}' must be a list of {', '.join(LANGUAGES)} (each at most once)")
    return list(value)


def _check_space(value, rule, label, out):
    if not isinstance(value, dict) or not value:
        fail(f"'{label}' must be an object of fields to search")
    known = [f for f in SCENARIO_FIELDS if f not in rule["exclude"]]
    for field, spec in value.items():
        if field not in known:
            fail(f"'{label}' names '{shown(field)}', which is not a scenario field it can search "
                 f"(fields: {', '.join(known)})")
        _check_distribution(spec, rule, f"{label}.{field}", out["search"])
    return value


def _check_distribution(spec, rule, label, search):
    kinds = RULES["distributions"]
    if not (isinstance(spec, dict) and len(spec) == 1 and next(iter(spec)) in kinds):
        fail(f"'{label}' must be one of " + ", ".join(f'{{"{d}": ...}}' for d in kinds))
    kind, arg = next(iter(spec.items()))
    dist = kinds[kind]
    if search not in dist["searches"]:
        fail(f"a {search} search cannot take '{kind}' ('{label}'): give 'values'")
    ARGUMENTS[dist["argument"]](arg, dist, rule, f"{label}.{kind}")


def _check_interval(arg, dist, rule, label):
    ok = (isinstance(arg, list) and len(arg) == 2 and all(is_number(a) for a in arg)
          and all(in_bounds(a, dist) for a in arg) and arg[0] < arg[1]
          and math.isfinite(float(arg[1]) - float(arg[0])))
    if not ok:
        bound = "".join(f", low {op} {dist[key]}" for key, op in BOUNDS if key in dist)
        fail(f"'{label}' must be [low, high], low < high{bound}")


def _check_list(arg, dist, rule, label):
    if not (isinstance(arg, list) and 0 < len(arg) <= rule["max_values"]):
        fail(f"'{label}' must be a non-empty list of at most {rule['max_values']} values")


CHECKS = {"plain_name": _check_plain_name, "path": _check_path, "integer": _check_integer,
          "languages": _check_languages, "space": _check_space}
BOUNDS = (("min", ">="), ("exclusive_min", ">"))
ARGUMENTS = {"interval": _check_interval, "list": _check_list}


def sample_trials(sweep):
    """[{field: value}] for each trial: every combination (grid) or `trials` draws (random),
    reproducible from the seed; scikit-learn's ParameterGrid / ParameterSampler draw them."""
    from scipy import stats
    from sklearn.model_selection import ParameterGrid, ParameterSampler

    draw = {"log_uniform": lambda a: stats.loguniform(a[0], a[1]),
            "uniform": lambda a: stats.uniform(a[0], a[1] - a[0]),
            "choice": list, "values": list}
    space = {field: draw[kind](arg) for field, spec in sweep["space"].items()
             for kind, arg in spec.items()}
    if sweep["search"] == "grid":
        raw = list(ParameterGrid(space))
    else:
        raw = list(ParameterSampler(space, n_iter=sweep["trials"], random_state=sweep["seed"]))
    return [{k: json_ready(t[k]) for k in sweep["space"]} for t in raw]  # numpy's as Python's

