"""Scenario files: read and check one, load its data, run it, write its result as JSON."""
import json
import os
import tempfile

import numpy as np

from .activations import ACTIVATIONS, DERIVATIVES
from .costs import COSTS
from .datasets import GENERATOR_OPTIONS, GENERATORS
from .errors import DlfpError, is_int, is_number
from .initializers import INITIALIZERS, initialize_parameters
from .network import accuracy, labels_to_targets, predict
from .rng import rng_create
from .idx import read_idx
from .optimizers import OPTIMIZERS, SCHEDULES
from .train import train

REQUIRED_FIELDS = ["name", "data", "layers", "activations", "learning_rate", "epochs"]
DEFAULTS = {"description": "", "init": "scaled", "seed": 1, "optimizer": "gd", "record_every": 100,
            "batch_size": 0, "lambda": 0.0, "keep_prob": 1.0, "beta": 0.9, "beta1": 0.9,
            "beta2": 0.999, "epsilon": 1e-8, "lr_decay": {"kind": "none"}}
# the data sources, each with its fields: required first, then optional
DATA_FIELDS = {"csv": (["csv"], ["test_csv"]),
               "idx_images": (["idx_images", "idx_labels"],
                              ["test_idx_images", "test_idx_labels", "limit", "test_limit"])}
DECAY_FIELDS = {"none": [], "exponential": ["rate", "every"], "inverse_time": ["rate", "every"]}
ALLOWED_FIELDS = sorted(REQUIRED_FIELDS + list(DEFAULTS))


def read_scenario(path):
    """scenario = defaults + JSON(path), checked field by field.

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
    if not os.path.isfile(path):
        _fail("read_scenario", f"no such file: {path}")
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        _fail("read_scenario", f"malformed JSON in {path}: {e}")
    if not isinstance(raw, dict):
        _fail("read_scenario", f"malformed JSON in {path}: the top level must be an object")
    s = check_scenario(raw)
    s["base_dir"] = os.path.dirname(os.path.abspath(path))
    return s


def check_scenario(raw):
    """scenario = defaults + raw, or an error naming the first bad field.

    Parameters
    ----------
    raw : dict
        Fields as read from JSON.

    Returns
    -------
    dict
    """
    fn = "read_scenario"
    _check_known(raw, ALLOWED_FIELDS, "field", fn)
    for key in REQUIRED_FIELDS:
        if key not in raw:
            _fail(fn, f"missing field '{key}'")
    s = dict(DEFAULTS)
    s.update(raw)
    if not isinstance(s["name"], str) or not s["name"]:
        _fail(fn, "'name' must be a non-empty string")
    if not isinstance(s["description"], str):
        _fail(fn, "'description' must be a string")
    layers = s["layers"]
    if (not isinstance(layers, list) or len(layers) < 2
            or not all(is_int(n) and n >= 1 for n in layers)):
        _fail(fn, "'layers' must be a list of at least 2 positive integers")
    s["layers"] = [int(n) for n in layers]
    _check_activations(s["activations"], s["layers"])
    _check_name(s["init"], INITIALIZERS, "init", fn)
    _check_name(s["optimizer"], OPTIMIZERS, "optimizer", fn)
    if not is_int(s["seed"]) or not 0 <= s["seed"] <= 2147483645:
        _fail(fn, "'seed' must be an integer from 0 to 2147483645")
    if not is_number(s["learning_rate"]) or not s["learning_rate"] > 0:
        _fail(fn, "'learning_rate' must be a positive number")
    s["learning_rate"] = float(s["learning_rate"])
    for key in ("epochs", "record_every"):
        if not is_int(s[key]) or s[key] < 1:
            _fail(fn, f"'{key}' must be a positive integer")
        s[key] = int(s[key])
    s["seed"] = int(s["seed"])
    if not is_int(s["batch_size"]) or s["batch_size"] < 0:
        _fail(fn, "'batch_size' must be a non-negative integer (0: full batch)")
    s["batch_size"] = int(s["batch_size"])
    if not is_number(s["lambda"]) or s["lambda"] < 0:
        _fail(fn, "'lambda' must be a non-negative number")
    if not is_number(s["keep_prob"]) or not 0 < s["keep_prob"] <= 1:
        _fail(fn, "'keep_prob' must be a number in (0, 1]")
    for key in ("beta", "beta1", "beta2"):
        if not is_number(s[key]) or not 0 <= s[key] < 1:
            _fail(fn, f"'{key}' must be a number in [0, 1)")
    if not is_number(s["epsilon"]) or not s["epsilon"] > 0:
        _fail(fn, "'epsilon' must be a positive number")
    for key in ("lambda", "keep_prob", "beta", "beta1", "beta2", "epsilon"):
        s[key] = float(s[key])
    s["lr_decay"] = _check_decay(s["lr_decay"])
    s["data"] = _check_data(s["data"], s["seed"])
    return s


def _check_activations(acts, layers):
    fn = "read_scenario"
    if not isinstance(acts, list) or not all(isinstance(a, str) for a in acts):
        _fail(fn, "'activations' must be a list of names")
    if len(acts) != len(layers) - 1:
        _fail(fn, f"'activations' has {len(acts)} entries but 'layers' needs {len(layers) - 1}")
    for a in acts:
        _check_name(a, ACTIVATIONS, "activation", fn)
    for a in acts[:-1]:
        _check_name(a, DERIVATIVES, "hidden activation", fn)
    _check_name(acts[-1], COSTS, "output activation", fn)
    if acts[-1] == "sigmoid" and layers[-1] != 1:
        _fail(fn, f"a sigmoid output has 1 unit but 'layers' ends in {layers[-1]}")
    if acts[-1] == "softmax" and layers[-1] < 2:
        _fail(fn, "a softmax output needs at least 2 units")


def _check_decay(decay):
    fn = "read_scenario"
    if not isinstance(decay, dict) or "kind" not in decay:
        _fail(fn, "'lr_decay' must be an object with a 'kind'")
    _check_name(decay["kind"], SCHEDULES, "lr_decay kind", fn)
    fields = DECAY_FIELDS[decay["kind"]]
    _check_known(decay, ["kind"] + fields, "field of 'lr_decay'", fn)
    for key in fields:
        if key not in decay:
            _fail(fn, f"missing field 'lr_decay.{key}'")
    if fields and (not is_number(decay["rate"]) or decay["rate"] < 0):
        _fail(fn, "'lr_decay.rate' must be a non-negative number")
    if fields and (not is_int(decay["every"]) or decay["every"] < 1):
        _fail(fn, "'lr_decay.every' must be a positive integer")
    return dict(decay)


def _check_data(data, seed):
    fn = "read_scenario"
    sources = [k for k in ("csv", "generator", "idx_images") if isinstance(data, dict) and k in data]
    if not isinstance(data, dict) or len(sources) != 1:
        _fail(fn, "'data' must be an object with exactly one of 'csv', 'generator' or "
                  "'idx_images'")
    if sources[0] in DATA_FIELDS:
        required, optional = DATA_FIELDS[sources[0]]
        _check_known(data, sorted(required + optional), "field of 'data'", fn)
        for key in required + optional:
            if key not in data and key in required:
                _fail(fn, f"missing field 'data.{key}'")
            if key in data and key.endswith("limit"):
                if not is_int(data[key]) or data[key] < 1:
                    _fail(fn, f"'data.{key}' must be a positive integer")
            elif key in data and (not isinstance(data[key], str) or not data[key]):
                _fail(fn, f"'data.{key}' must be a file path")
        if ("test_idx_images" in data) != ("test_idx_labels" in data):
            _fail(fn, "'data.test_idx_images' and 'data.test_idx_labels' go together")
        return dict(data)
    _check_name(data["generator"], GENERATORS, "generator", fn)
    options = GENERATOR_OPTIONS[data["generator"]]
    _check_known(data, sorted(["generator", "seed"] + list(options)), "field of 'data'", fn)
    out = {"generator": data["generator"], "seed": data.get("seed", seed)}
    if not is_int(out["seed"]) or not 0 <= out["seed"] <= 2147483645:
        _fail(fn, "'data.seed' must be an integer from 0 to 2147483645")
    for key, default in options.items():
        value = data.get(key, default)
        if isinstance(default, int):  # counts: a spiral arm needs 2 points (r = i / (N - 1))
            if not is_int(value) or value < 2:
                _fail(fn, f"'data.{key}' must be an integer of at least 2")
        elif not is_number(value) or value < 0:
            _fail(fn, f"'data.{key}' must be a non-negative number")
        out[key] = value
    return out


def load_data(scenario):
    """[X, labels] = the scenario's training data: X is features x examples, labels 0 .. K-1.

    A CSV file holds one example per row, no header, the label in the last column; IDX files
    (MNIST's format) are scaled from 0..255 to [0, 1] and cut to the first data.limit examples;
    a generator draws from the shared stream seeded with data.seed.

    Returns
    -------
    X : ndarray, shape (n_0, m)
    labels : ndarray, shape (m,)
    """
    data = scenario["data"]
    if "csv" in data:
        return read_csv_data(_path(scenario, data["csv"]))
    if "idx_images" in data:
        return _read_idx_pair(scenario, data["idx_images"], data["idx_labels"], data.get("limit"))
    options = {k: v for k, v in data.items() if k not in ("generator", "seed")}
    X, labels, _ = GENERATORS[data["generator"]](rng_create(data["seed"]), **options)
    return X, labels


def has_test_data(scenario):
    """True when the scenario names a held-out test set (data.test_csv or data.test_idx_*)."""
    return "test_csv" in scenario["data"] or "test_idx_images" in scenario["data"]


def load_test_data(scenario):
    """[X, labels] = the scenario's held-out test set, read like the training data."""
    data = scenario["data"]
    if "test_csv" in data:
        return read_csv_data(_path(scenario, data["test_csv"]))
    return _read_idx_pair(scenario, data["test_idx_images"], data["test_idx_labels"],
                          data.get("test_limit"))


def _path(scenario, name):
    return os.path.join(scenario.get("base_dir", "."), name)


def _read_idx_pair(scenario, images, labels, limit):
    X = read_idx(_path(scenario, images))
    y = read_idx(_path(scenario, labels))
    if X.ndim != 2 or y.ndim != 1 or X.shape[1] != y.shape[0]:
        _fail("load_data", f"{images} has {X.shape[-1]} items but {labels} has {y.shape[-1]} labels")
    n = y.shape[0] if limit is None else min(int(limit), y.shape[0])
    return X[:, :n] / 255.0, y[:n]


def read_csv_data(path):
    """[X, labels] = rows of the CSV file at path, transposed; the last column is the label.

    Returns
    -------
    X : ndarray, shape (n_features, m)
    labels : ndarray, shape (m,)
    """
    fn = "load_data"
    if not os.path.isfile(path):
        _fail(fn, f"no such file: {path}")
    try:
        D = np.loadtxt(path, delimiter=",", ndmin=2, dtype=float)
    except ValueError as e:
        _fail(fn, f"malformed CSV in {path}: {e}")
    if D.shape[0] == 0 or D.shape[1] < 2:
        _fail(fn, f"malformed CSV in {path}: need at least one row of features and a label")
    return D[:, :-1].T.copy(), D[:, -1].copy()


def check_data(X, labels, layers, output_activation):
    """Stop unless X is finite with layers[0] rows and every label is in 0 .. K-1."""
    fn = "check_data"
    bad = np.argwhere(~np.isfinite(X))
    if bad.size:
        i, j = bad[np.lexsort((bad[:, 0], bad[:, 1]))][0]  # first in column-major order
        _fail(fn, f"X has NaN or Inf at feature {i + 1}, example {j + 1}")
    if X.shape[0] != layers[0]:
        _fail(fn, f"the data have {X.shape[0]} features but the first layer has {layers[0]} units")
    if labels.shape[0] != X.shape[1]:
        _fail(fn, f"there are {labels.shape[0]} labels for {X.shape[1]} examples")
    K = 2 if output_activation == "sigmoid" else layers[-1]
    ok = np.isfinite(labels) & (labels == np.round(labels)) & (labels >= 0) & (labels <= K - 1)
    if not ok.all():
        j = int(np.flatnonzero(~ok)[0])
        _fail(fn, f"label {_fmt(labels[j])} at example {j + 1} is out of range 0..{K - 1}")


def run_scenario(path, verbose=False, *, progress=None):
    """result = train(initialize_parameters(seed), load_data(scenario)): one scenario, start to end.

    The stream seeded with the scenario's seed makes the initial weights, then goes on to the
    shuffles and dropout masks of training.

    Parameters
    ----------
    path : str
        Scenario JSON file.
    verbose : bool
        Print the cost at each recorded epoch.
    progress : callable or None
        Python only: passed to train (progress(e, cost) after each epoch).

    Returns
    -------
    dict
        name, initial_params, final_params, loss_curve (rows [epoch, cost]), train_accuracy and,
        with a test set, test_accuracy.
    """
    s = read_scenario(path)
    X, labels = load_data(s)
    check_data(X, labels, s["layers"], s["activations"][-1])
    test = None
    if has_test_data(s):
        test = load_test_data(s)
        check_data(test[0], test[1], s["layers"], s["activations"][-1])
    Y = labels_to_targets(labels, s["activations"][-1], s["layers"][-1])
    params0, rng = initialize_parameters(s["layers"], s["init"], rng_create(s["seed"]))
    params, curve, _ = train(X, Y, params0, s["activations"], s, rng, verbose=verbose,
                             progress=progress)
    result = {"name": s["name"], "initial_params": params0, "final_params": params,
              "loss_curve": curve,
              "train_accuracy": accuracy(predict(X, params, s["activations"]), labels)}
    if test is not None:
        result["test_accuracy"] = accuracy(predict(test[0], params, s["activations"]), test[1])
    if verbose:
        print(f"{s['name']}: train accuracy {result['train_accuracy']:.4f}"
              + (f", test accuracy {result['test_accuracy']:.4f}" if test is not None else ""))
    return result


def write_result(result, path):
    """Write result as JSON (matrices as lists of rows, doubles to the last bit), atomically.

    The file appears whole or not at all: it is written beside path and renamed over it.
    """
    def plain(v):
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, np.ndarray):
            return v.tolist()
        if isinstance(v, (np.floating, np.integer)):
            return v.item()
        return v

    try:
        text = json.dumps(plain(result), indent=1, allow_nan=False)
    except ValueError:
        _fail("write_result", "the result holds NaN or Inf, which JSON cannot carry")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        _fail("write_result", f"no such folder: {folder}")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".dlfp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def _check_known(obj, allowed, what, fn):
    for key in obj:
        if key not in allowed:
            _fail(fn, f"unknown {what} '{key}' (allowed: {', '.join(allowed)})")


def _check_name(name, table, what, fn):
    if not isinstance(name, str) or name not in table:
        _fail(fn, f"unknown {what} '{name}' (known: {', '.join(sorted(table))})")


def _fmt(x):
    return str(int(x)) if np.isfinite(x) and x == np.round(x) else repr(float(x))


def _fail(fn, problem):
    raise DlfpError(f"dlfp: {fn}: {problem}")
