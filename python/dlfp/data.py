"""A scenario's data: load it (CSV, IDX or a generator), read a CSV file strictly, check X and
the labels before training."""
import os
import re

import numpy as np

from .datasets import GENERATORS
from .errors import DlfpError, shown, shown_path
from .idx import read_idx
from .rng import rng_create
from .textfile import read_text

# A CSV cell: a plain decimal number, spaces or tabs around it; no hex, quotes, NA or words
# (one way only to match each cell: an ambiguous pattern backtracks exponentially on a long row
# whose last cell is bad)
CELL = r"[ \t]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t]*"
ROW = re.compile(f"{CELL}(?:,{CELL})*")
NUMBER = re.compile(CELL)


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
        return read_csv_data(data_path(scenario, data["csv"]))
    if "idx_images" in data:
        return read_idx_pair(scenario, data["idx_images"], data["idx_labels"], data.get("limit"))
    options = {k: v for k, v in data.items() if k not in ("generator", "seed")}
    # a noise near the float limit overflows to inf here as in R and Octave, silently:
    # check_data then names the example, in one line
    with np.errstate(over="ignore", invalid="ignore"):
        X, labels, _ = GENERATORS[data["generator"]](rng_create(data["seed"]), **options)
    return X, labels


def has_test_data(scenario):
    """True when the scenario names a held-out test set (data.test_csv or data.test_idx_*)."""
    return "test_csv" in scenario["data"] or "test_idx_images" in scenario["data"]


def load_test_data(scenario):
    """[X, labels] = the scenario's held-out test set, read like the training data."""
    data = scenario["data"]
    if "test_csv" in data:
        return read_csv_data(data_path(scenario, data["test_csv"]))
    return read_idx_pair(scenario, data["test_idx_images"], data["test_idx_labels"],
                         data.get("test_limit"))


def load_checked_data(scenario):
    """data = load_data(scenario) and, with a test set, load_test_data(scenario), each checked.

    The one way a scenario's data are read: the training set, then the test set when the
    scenario names one, each read and then checked by check_data against the scenario's layers
    and output activation, so bad data stop with check_data's message before any training.

    Parameters
    ----------
    scenario : dict
        A checked scenario (read_scenario's).

    Returns
    -------
    dict
        X (n_0, m), labels (m,), X_test (n_0, m_test) and labels_test (m_test,); X_test and
        labels_test are None without a test set.
    """
    layers, out_act = scenario["layers"], scenario["activations"][-1]
    X, labels = load_data(scenario)
    check_data(X, labels, layers, out_act)
    X_test = labels_test = None
    if has_test_data(scenario):
        X_test, labels_test = load_test_data(scenario)
        check_data(X_test, labels_test, layers, out_act)
    return {"X": X, "labels": labels, "X_test": X_test, "labels_test": labels_test}


def data_path(scenario, name):
    """A data file named in the scenario, read against the scenario file's folder."""
    return os.path.join(scenario.get("base_dir", "."), name)


def read_idx_pair(scenario, images, labels, limit):
    """[X / 255, labels]: images and labels from two IDX files, the first limit of each."""
    X = read_idx(data_path(scenario, images))
    y = read_idx(data_path(scenario, labels))
    if X.ndim != 2 or y.ndim != 1 or X.shape[1] != y.shape[0]:
        _fail("load_data", f"{shown_path(images)} has {X.shape[-1]} items but "
                           f"{shown_path(labels)} has {y.shape[-1]} labels")
    if y.shape[0] == 0:
        _fail("load_data", f"{shown_path(images)} holds no items")
    n = y.shape[0] if limit is None else min(int(limit), y.shape[0])
    return X[:, :n] / 255.0, y[:n]


def read_csv_matrix(path, fn):
    """D = the CSV file's rows as a matrix (m x n): plain decimal numbers, n the same in each row.

    Blank lines are skipped; a row is numbered by its line in the file. The first bad row
    (a different number of cells, or a cell that is not a plain decimal number) is named.
    """
    text = read_text(path, fn)
    shown_at = shown_path(path)
    lines = text.split("\n")
    numbered = [(i + 1, ln[:-1] if ln.endswith("\r") else ln) for i, ln in enumerate(lines)
                if ln.strip(" \t\r")]
    if not numbered:
        _fail(fn, f"malformed CSV in {shown_at}: need at least one row of features and a label")
    first_row, first = numbered[0]
    width = first.count(",") + 1
    for row, line in numbered:
        if line.count(",") + 1 != width:
            _fail(fn, f"malformed CSV in {shown_at}: row {row} has {line.count(',') + 1} columns "
                      f"but row {first_row} has {width}")
        if not ROW.fullmatch(line):
            cells = line.split(",")
            col = next(j for j, c in enumerate(cells) if not NUMBER.fullmatch(c))
            _fail(fn, f"malformed CSV in {shown_at}: row {row}, column {col + 1}: "
                      f"'{shown(cells[col])}' is not a plain decimal number")
    values = np.array(",".join(line for _, line in numbered).split(","), dtype=float)
    return values.reshape(len(numbered), width)


def read_csv_data(path):
    """[X, labels] = rows of the CSV file at path, transposed; the last column is the label.

    Returns
    -------
    X : ndarray, shape (n_features, m)
    labels : ndarray, shape (m,)
    """
    D = read_csv_matrix(path, "load_data")  # (m, n_features + 1)
    if D.shape[1] < 2:
        _fail("load_data", f"malformed CSV in {shown_path(path)}: need at least one row of "
                           "features and a label")
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


def _fmt(x):
    return str(int(x)) if np.isfinite(x) and x == np.round(x) else repr(float(x))


def _fail(fn, problem):
    raise DlfpError(f"dlfp: {fn}: {problem}", problem)
