"""DLFPClassifier: dlfp's network as a scikit-learn estimator, the course's train() and predict().

Needs scikit-learn (``pip install ./python[sklearn]``); the rest of dlfp needs numpy alone, so
this module is not imported by ``import dlfp``. With language="r" or "octave" the network is
trained by that language's twin, through dlfp.bridges (the optional extra ``bridges``: rpy2,
oct2py; and R's or Octave's dlfp package installed), from the same seed: the same numbers come
back, so the same labels are predicted.
"""
import os
import tempfile
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, _fit_context
from sklearn.utils._param_validation import (Interval, InvalidParameterError, StrOptions,
                                             make_constraint)
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data

from .errors import DlfpError, is_int, is_number, shown
from .initializers import initialize_parameters
from .network import forward_propagation, labels_to_targets
from .rng import rng_create
from .schema import RULES, TABLES, check_scenario, in_bounds, integer_phrase, number_phrase
from .train import Diverged, train

LANGUAGES = ("python", "r", "octave")
_BRIDGES = {}  # one R and one Octave session for every fit of the process
# Each parameter's rule, as data: a scenario row (its bounds and its words, as the scenario's
# own checks use them), a table of names, or the sizes of the hidden layers (the row of
# "layers"). R's dlfp_fit and Octave's dlfp_fit walk the same table under their own names
# (hidden, lambda), in the same (sorted) order, with the same words.
PARAMETERS = {"activation": ("names", "DERIVATIVES"), "batch_size": ("rule", "batch_size"),
              "epochs": ("rule", "epochs"), "hidden_layer_sizes": ("sizes", "layers"),
              "init": ("names", "INITIALIZERS"), "keep_prob": ("rule", "keep_prob"),
              "lambd": ("rule", "lambda"), "learning_rate": ("rule", "learning_rate"),
              "optimizer": ("names", "OPTIMIZERS"), "seed": ("rule", "seed")}
FIT_FN, PREDICT_FN = "DLFPClassifier.fit", "DLFPClassifier.predict"  # as messages name them
# a scenario field's name here, for the messages of training (divergence names "lambd")
OWN_NAMES = {source: name for name, (kind, source) in PARAMETERS.items() if kind == "rule"}
# type_of_target's word for labels that are numbers with a fraction: a regression target
CONTINUOUS = ("Unknown label type: continuous. Maybe you are trying to fit a classifier, which "
              "expects discrete classes on a regression target with continuous values.")


def _row(field):
    return next(r for r in RULES["fields"] if r["field"] == field)


class _Rule(Interval):
    """A scenario row's integer or number as a scikit-learn constraint: dlfp's own test (finite,
    never a bool; an integer is whole) and words ("a positive number"). It is an Interval with
    the row's bounds, so scikit-learn's tools (generate_invalid_param_val) know its range."""

    def __init__(self, field):
        row = _row(field)
        lo = row.get("min", row.get("exclusive_min"))
        hi = row.get("max", row.get("exclusive_max"))
        closed = {(True, True): "both", (True, False): "left", (False, True): "right",
                  (False, False): "neither"}[("min" in row, "max" in row)]
        super().__init__(Integral if row["type"] in ("integer", "integer_list") else Real,
                         lo, hi, closed=closed)
        self.row = row

    def is_satisfied_by(self, val):
        test = is_int if self.type is Integral else is_number
        return test(val) and in_bounds(val, self.row)

    def __str__(self):
        if self.type is Integral:
            return integer_phrase(self.row)
        return number_phrase(self.row)


class _Sizes(_Rule):
    """Hidden layer sizes: one integer or a list of them (none: no hidden layer), each within
    the bounds of a scenario's "layers"; a bool or a fraction is not a size."""

    def is_satisfied_by(self, val):
        if isinstance(val, np.ndarray) and val.ndim <= 1:
            val = val.tolist()
        if not isinstance(val, (list, tuple)):
            return super().is_satisfied_by(val)
        return all(super(_Sizes, self).is_satisfied_by(v) for v in val)

    def __str__(self):
        return f"a list of {integer_phrase(self.row, plural=True)}"


class _Names(StrOptions):
    """One of a table's names, listed sorted (a set's own order changes from run to run)."""

    def __str__(self):
        return "one of " + ", ".join(f"'{o}'" for o in sorted(self.options))


CONSTRAINTS = {"rule": _Rule, "sizes": _Sizes, "names": lambda table: _Names(set(TABLES[table]))}


class DLFPClassifier(ClassifierMixin, BaseEstimator):
    """y_hat = argmax_k A_L(k, :) of an L-layer network trained on (X, y), sklearn-style.

    Sigmoid output (binary cross-entropy) for two classes, softmax for more; any label values
    (kept in ``classes_``). X is (n_samples, n_features), as in every scikit-learn estimator;
    dlfp's own functions take its transpose.

    Every parameter is checked when fit starts, as scikit-learn's own estimators check theirs
    (``_parameter_constraints``; a bad one raises ``InvalidParameterError``), by the scenario's
    rules: the same bounds and words as a scenario file's fields, and as R's and Octave's
    dlfp_fit. A bool is not a number, and a size with a fraction is not a size.

    Parameters
    ----------
    hidden_layer_sizes : int or sequence of int
        Units of each hidden layer, each from 1 to 100000; () for none (logistic regression).
    activation : {"relu", "tanh", "sigmoid"}
        Of every hidden layer.
    init, optimizer : str
        As in a scenario ("scaled", "he", "xavier"; "gd", "momentum", "rmsprop", "adam").
    learning_rate : float
    epochs : int
    batch_size : int
        0: full batch.
    lambd : float
        L2 strength (a scenario's "lambda").
    keep_prob : float
        Dropout on the hidden layers (1: none).
    seed : int
        Initial weights, shuffles and masks, from the shared stream.
    language : {"python", "r", "octave"}
        The twin that trains.

    Attributes
    ----------
    classes_ : ndarray
    params_ : dict
        W1, b1, ..., WL, bL.
    activations_ : list of str
        The network's activations, hidden layers and output.
    loss_curve_ : list of float
        The cost of every epoch.
    n_features_in_ : int
    """

    _parameter_constraints = {
        **{name: [CONSTRAINTS[kind](source)] for name, (kind, source) in PARAMETERS.items()},
        "language": [_Names(set(LANGUAGES))]}

    def __init__(self, hidden_layer_sizes=(5,), activation="relu", init="he", optimizer="adam",
                 learning_rate=0.01, epochs=200, batch_size=0, lambd=0.0, keep_prob=1.0, seed=1,
                 language="python"):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.init = init
        self.optimizer = optimizer
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.lambd = lambd
        self.keep_prob = keep_prob
        self.seed = seed
        self.language = language

    def _validate_params(self):
        """scikit-learn's walk over _parameter_constraints (in get_params' sorted order; the
        first bad parameter an InvalidParameterError in scikit-learn's words), with the value
        echoed as every dlfp message echoes one: on one line, cut at 40 characters."""
        for name, value in self.get_params(deep=False).items():
            constraints = [make_constraint(c) for c in self._parameter_constraints[name]]
            if not any(c.is_satisfied_by(value) for c in constraints):
                words = " or ".join(str(c) for c in constraints)
                raise InvalidParameterError(
                    f"The {name!r} parameter of {type(self).__name__} must be {words}. "
                    f"Got {_echo(value)} instead.")

    def _scenario(self, n_features, n_classes):
        """The checked scenario of this estimator's (checked) settings and a network of
        n_features inputs and n_classes classes."""
        out = ("sigmoid", 1) if n_classes == 2 else ("softmax", n_classes)
        hidden = [int(n) for n in np.atleast_1d(self.hidden_layer_sizes).tolist()]
        _check_network(n_features, hidden, out[1])
        raw = {"name": "DLFPClassifier", "data": {"csv": "(in memory)"},
               "layers": [n_features, *hidden, out[1]],
               "activations": [self.activation] * len(hidden) + [out[0]],
               "init": self.init, "optimizer": self.optimizer,
               "learning_rate": self.learning_rate, "epochs": self.epochs, "record_every": 1,
               "batch_size": self.batch_size, "lambda": self.lambd, "keep_prob": self.keep_prob,
               "seed": self.seed}
        return check_scenario(raw)

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y):
        """Train on X (n_samples, n_features) and labels y; returns self.

        The parameters are checked first, then the data: X and y finite, y labels (numbers
        with a fraction are a regression target, refused as scikit-learn's type_of_target
        refuses them), at least two classes.
        """
        # before validate_data, which would say it in its own words (and y's NaN at all)
        _check_finite(X, "X", FIT_FN)
        _check_finite(y, "y", FIT_FN)
        X, y = validate_data(self, X, y, dtype=np.float64, ensure_all_finite=False)
        _check_finite(X, "X", FIT_FN)  # again: pandas' NA becomes NaN only here
        if type_of_target(y) == "continuous":
            _fail(FIT_FN, CONTINUOUS)
        check_classification_targets(y)
        self.classes_, labels = np.unique(y, return_inverse=True)
        if len(self.classes_) < 2:
            _fail(FIT_FN, "needs samples of at least 2 classes; got 1 class")
        s = self._scenario(X.shape[1], len(self.classes_))
        labels = labels.astype(float)
        fit = _fit_python if self.language == "python" else _fit_bridged
        self.params_, curve = fit(s, np.ascontiguousarray(X.T), labels, self.language)
        self.activations_ = s["activations"]
        self.loss_curve_ = [float(c) for c in np.asarray(curve).reshape(-1, 2)[:, 1]]
        self.n_iter_ = s["epochs"]
        return self

    def predict_proba(self, X):
        """P(class k | x): [1 - p, p] for a sigmoid output, the softmax column otherwise."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False, ensure_all_finite=False)
        _check_finite(X, "X", PREDICT_FN)
        AL, _ = forward_propagation(X.T, self.params_, self.activations_)  # (n_L, m)
        return np.column_stack([1.0 - AL[0], AL[0]]) if len(self.classes_) == 2 else AL.T

    def predict(self, X):
        """The class of highest probability (for two classes: p > 0.5, as dlfp.predict_labels)."""
        proba = self.predict_proba(X)  # first: it checks that the estimator is fitted
        return self.classes_[np.argmax(proba, axis=1)]


def _echo(value):
    """A setting's value as a message shows it: a string quoted, anything else by its repr."""
    return f"'{shown(value)}'" if isinstance(value, str) else shown(repr(value))


def _fail(fn, problem):
    raise DlfpError(f"dlfp: {fn}: {problem}", problem)


def _check_finite(X, what, fn):
    """X's numbers hold no NaN or Inf: the network would learn or answer nothing (and a NaN
    label is no class)."""
    try:
        values = np.asarray(X)
    except Exception:  # not an array (a sparse matrix, ...): validate_data names the problem
        return
    if values.dtype.kind in "fc" and not np.isfinite(values).all():
        _fail(fn, f"{what} holds NaN or Inf")
    # labels as objects (strings, say): None or a float NaN among them is a missing label, as
    # R's NA is (the arrays scikit-learn passes as X are numbers, or it names them itself)
    if what == "y" and values.dtype.kind == "O" and values.ndim == 1 and any(
            v is None or (isinstance(v, float) and v != v) for v in values):
        _fail(fn, f"{what} holds NaN or Inf")


def _check_network(n_features, hidden, n_out):
    """The network X and hidden_layer_sizes make is within a scenario's "layers" bounds."""
    row = _row("layers")
    if n_features > row["max"]:
        _fail(FIT_FN, f"X has {n_features} features, more than {row['max']}")
    if n_out > row["max"]:  # a softmax unit per class
        _fail(FIT_FN, f"y has {n_out} classes, more than {row['max']}")
    n = [n_features, *hidden, n_out]
    weights = sum(a * b for a, b in zip(n[1:], n[:-1]))
    if weights > row["max_weights"]:
        _fail(FIT_FN, f"'hidden_layer_sizes' makes {weights} weights, more than "
                      f"{row['max_weights']}")


def _fit_python(s, X, labels, language):
    Y = labels_to_targets(labels, s["activations"][-1], s["layers"][-1])
    params0, rng = initialize_parameters(s["layers"], s["init"], rng_create(s["seed"]))
    try:
        params, curve, _, _ = train(X, Y, params0, s["activations"], s, rng)
    except Diverged as e:
        raise e.renamed(OWN_NAMES) from None
    return params, curve


def _fit_bridged(s, X, labels, language):
    """Train in R or Octave: the data go as a CSV file (%.17g reads back to the same bits) and
    the settings as a scenario beside it, which that language's run_scenario trains."""
    import json

    from .bridges import BRIDGES, LanguageDied

    if language not in _BRIDGES:
        _BRIDGES[language] = BRIDGES[language]()  # BridgeUnavailable says what to install
    scenario = {k: v for k, v in s.items() if k != "base_dir"}
    with tempfile.TemporaryDirectory(prefix="dlfp-fit-") as folder:
        np.savetxt(os.path.join(folder, "data.csv"), np.column_stack([X.T, labels]),
                   delimiter=",", fmt="%.17g")
        scenario["data"] = {"csv": "data.csv"}
        path = os.path.join(folder, "scenario.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(scenario, f)
        try:
            result = _BRIDGES[language].run_scenario(path)
        except LanguageDied:
            del _BRIDGES[language]  # the next fit starts a fresh session
            raise
    return result["final_params"], result["loss_curve"]
