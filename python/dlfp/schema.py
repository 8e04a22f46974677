"""The scenario's rules, read from scenario_rules.json, and the walker that checks a scenario
against them. R's schema.R and Octave's check_scenario.m walk the same file in the same order
and word every error the same way.
"""
import copy
import json
import os

from .activations import ACTIVATIONS, DERIVATIVES
from .costs import COSTS
from .datasets import GENERATORS
from .errors import DlfpError, is_int, is_number, shown, shown_path
from .initializers import INITIALIZERS
from .optimizers import OPTIMIZERS, SCHEDULES
from .textfile import read_json

RULES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scenario_rules.json")
with open(RULES_FILE, encoding="utf-8") as _f:
    RULES = json.load(_f)
# the tables the rules name: a name is checked against the table's keys
TABLES = {"ACTIVATIONS": ACTIVATIONS, "DERIVATIVES": DERIVATIVES, "COSTS": COSTS,
          "INITIALIZERS": INITIALIZERS, "OPTIMIZERS": OPTIMIZERS, "SCHEDULES": SCHEDULES,
          "GENERATORS": GENERATORS}
FN = "read_scenario"


def read_scenario(path):
    """scenario = check_scenario(JSON(path)) + base_dir: a scenario file, read and checked.

    Parameters
    ----------
    path : str
        A scenario JSON file (see the README for the fields).

    Returns
    -------
    dict
        Every field present, defaults filled in, plus "base_dir" (the file's folder, against
        which a relative data path is read).
    """
    raw = read_json(path, FN)
    if not isinstance(raw, dict):
        _fail(f"malformed JSON in {shown_path(path)}: the top level must be an object")
    s = check_scenario(raw)
    s["base_dir"] = os.path.dirname(os.path.abspath(path))
    return s


def check_scenario(raw):
    """scenario = defaults + raw, checked row by row against RULES, or the first error.

    Parameters
    ----------
    raw : dict
        Fields as read from JSON.

    Returns
    -------
    dict
        Integers as int, numbers as float, every default filled in.
    """
    if not isinstance(raw, dict):
        _fail("a scenario must be an object")
    return check_object(raw, RULES, "", None)


def check_object(obj, spec, prefix, top):
    """out = obj checked against spec's rows (and its choice's variant), defaults filled in.

    Checks, in this order: the choice's key and name, unknown fields, missing required
    fields, each row in turn, fields that go together. prefix names the object in messages
    ("" at the top level); top is the checked top level, where default_from looks.
    """
    rows = list(spec.get("fields", []))
    choice = spec.get("choice")
    if choice:
        key = choice["key"]
        check_name(obj[key], choice["table"], choice["what"], _label(prefix, key))
        rows = [{"field": key, "type": "chosen"}] + rows + choice["variants"][obj[key]]
    allowed = sorted(r["field"] for r in rows)
    what = f"field of '{prefix}'" if prefix else "field"
    for key in obj:
        if key not in allowed:
            _fail(f"unknown {what} '{shown(key)}' (allowed: {', '.join(allowed)})")
    for r in rows:
        if r.get("required") and r["field"] not in obj:
            _fail(f"missing field '{_label(prefix, r['field'])}'")
    out = {}
    top = out if top is None else top
    for r in rows:
        key = r["field"]
        if key in obj:
            value = obj[key]
        elif "default" in r:
            value = copy.deepcopy(r["default"])
        elif "default_from" in r:  # another field's value, moved on by offset within [min, max]
            value = (top[r["default_from"]] + r.get("offset", 0) - r["min"]) % \
                (r["max"] - r["min"] + 1) + r["min"]
        else:
            continue
        out[key] = CHECKS[r["type"]](value, r, _label(prefix, key), top)
    for group in spec.get("together", []):
        if len({key in obj for key in group}) > 1:
            names = " and ".join(f"'{_label(prefix, key)}'" for key in group)
            _fail(f"{names} go together")
    return out


def check_name(value, table, what, label):
    """value, if it names an entry of TABLES[table]; else an error listing the known names."""
    known = ", ".join(sorted(TABLES[table]))
    if not isinstance(value, str):
        _fail(f"'{label}' must be a name (known: {known})")
    if value not in TABLES[table]:
        _fail(f"unknown {what} '{shown(value)}' (known: {known})")
    return value


def integer_phrase(rule, plural=False):
    """'an integer from 1 to 10', 'a positive integer', ... as the rule's bounds say."""
    lo, hi = rule.get("min"), rule.get("max")
    if hi is not None:
        text = f"{'integers' if plural else 'an integer'} from {_num(lo)} to {_num(hi)}"
    elif lo in (0, 1):
        kind = "non-negative" if lo == 0 else "positive"
        text = f"{kind} integers" if plural else f"a {kind} integer"
    else:
        text = f"{'integers' if plural else 'an integer'} of at least {_num(lo)}"
    return text + (f" ({rule['note']})" if "note" in rule else "")


def number_phrase(rule):
    """'a positive number', 'a number in (0, 1]', ... as the rule's bounds say."""
    lo_in, lo_ex = rule.get("min"), rule.get("exclusive_min")
    hi_in, hi_ex = rule.get("max"), rule.get("exclusive_max")
    lo = lo_in if lo_in is not None else lo_ex
    hi = hi_in if hi_in is not None else hi_ex
    if lo is not None and hi is not None:
        return (f"a number in {'[' if lo_in is not None else '('}{_num(lo)}, {_num(hi)}"
                f"{']' if hi_in is not None else ')'}")
    if lo == 0:
        return "a non-negative number" if lo_in is not None else "a positive number"
    if lo is not None:
        return f"a number {'of at least' if lo_in is not None else 'greater than'} {_num(lo)}"
    if hi is not None:
        return f"a number {'of at most' if hi_in is not None else 'less than'} {_num(hi)}"
    return "a number"


def in_bounds(x, rule):
    """True when the number x lies within the rule's min, max, exclusive_min, exclusive_max."""
    return ((rule.get("min") is None or x >= rule["min"])
            and (rule.get("max") is None or x <= rule["max"])
            and (rule.get("exclusive_min") is None or x > rule["exclusive_min"])
            and (rule.get("exclusive_max") is None or x < rule["exclusive_max"]))


def _check_string(value, rule, label, top):
    if not isinstance(value, str) or (rule.get("nonempty") and not value):
        _fail(f"'{label}' must be a {'non-empty ' if rule.get('nonempty') else ''}string")
    return value


def _check_path(value, rule, label, top):
    if not isinstance(value, str) or not value:
        _fail(f"'{label}' must be a file path")
    return value


def _check_integer(value, rule, label, top):
    if not (is_int(value) and in_bounds(value, rule)):
        _fail(f"'{label}' must be {integer_phrase(rule)}")
    return int(value)


def _check_number(value, rule, label, top):
    if not (is_number(value) and in_bounds(value, rule)):
        _fail(f"'{label}' must be {number_phrase(rule)}")
    return float(value)


def _check_name(value, rule, label, top):
    return check_name(value, rule["table"], rule["what"], label)


def _check_chosen(value, rule, label, top):
    return value  # the choice's key, checked by check_object before anything else


def _check_integer_list(value, rule, label, top):
    ok = (isinstance(value, list) and len(value) >= rule["min_length"]
          and all(is_int(n) and in_bounds(n, rule) for n in value))
    if not ok:
        _fail(f"'{label}' must be a list of at least {rule['min_length']} "
              f"{integer_phrase(rule, plural=True)}")
    n = [int(v) for v in value]
    weights = sum(a * b for a, b in zip(n[1:], n[:-1]))
    if weights > rule["max_weights"]:
        _fail(f"'{label}' makes {weights} weights, more than {_num(rule['max_weights'])}")
    return n


def _check_activations(value, rule, label, top):
    layers = top["layers"]
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        _fail(f"'{label}' must be a list of names")
    if len(value) != len(layers) - 1:
        _fail(f"'{label}' has {len(value)} entries but 'layers' needs {len(layers) - 1}")
    for a in value:
        check_name(a, rule["table"], "activation", label)
    for a in value[:-1]:
        check_name(a, rule["hidden_table"], "hidden activation", label)
    out = check_name(value[-1], rule["output_table"], "output activation", label)
    units = RULES["output_units"][out]
    if out == "sigmoid" and layers[-1] != units:
        _fail(f"a sigmoid output has {units} unit but 'layers' ends in {layers[-1]}")
    if layers[-1] < units:
        _fail(f"a {out} output needs at least {units} units")
    return list(value)


def _check_object(value, rule, label, top):
    key = rule["choice"]["key"] if "choice" in rule else None
    if not isinstance(value, dict) or (key is not None and key not in value):
        _fail(f"'{label}' must be an object" + (f" with a '{key}'" if key else ""))
    return check_object(value, rule, label, top)


def _check_source(value, rule, label, top):
    sources = sorted(RULES["sources"])
    present = [k for k in sources if isinstance(value, dict) and k in value]
    if len(present) != 1:
        quoted = [f"'{k}'" for k in sources]
        _fail(f"'{label}' must be an object with exactly one of {', '.join(quoted[:-1])} or "
              f"{quoted[-1]}")
    return check_object(value, RULES["sources"][present[0]], label, top)


CHECKS = {"string": _check_string, "path": _check_path, "integer": _check_integer,
          "number": _check_number, "name": _check_name, "chosen": _check_chosen,
          "integer_list": _check_integer_list, "activations": _check_activations,
          "object": _check_object, "source": _check_source}


def _label(prefix, key):
    return f"{prefix}.{key}" if prefix else key


def _num(x):
    return str(int(x)) if float(x) == int(x) else repr(float(x))


def _fail(problem):
    raise DlfpError(f"dlfp: {FN}: {problem}", problem)
