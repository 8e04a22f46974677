"""DLFPClassifier: dlfp's network as a scikit-learn estimator, the course's train() and predict().

Needs scikit-learn (``pip install ./python[sklearn]``); the rest of dlfp needs numpy alone, so
this module is not imported by ``import dlfp``. With language="r" or "octave" the network is
trained by that language's twin, through the repository's harness (rpy2 or oct2py), from the
same seed: the same numbers come back, so the same labels are predicted.
"""
import os
import tempfile

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from .initializers import initialize_parameters
from .network import forward_propagation, labels_to_targets
from .rng import rng_create
from .schema import check_scenario
from .train import train

LANGUAGES = ("python", "r", "octave")
_WORKERS = {}  # one R and one Octave session for every fit of the process


class DLFPClassifier(ClassifierMixin, BaseEstimator):
    """y_hat = argmax_k A_L(k, :) of an L-layer network trained on (X, y), sklearn-style.

    Sigmoid output (binary cross-entropy) for two classes, softmax for more; any label values
    (kept in ``classes_``). X is (n_samples, n_features), as in every scikit-learn estimator;
    dlfp's own functions take its transpose.

    Parameters
    ----------
    hidden_layer_sizes : tuple of int
        Units of each hidden layer.
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

    def _scenario(self, n_features, n_classes):
        """The checked scenario of this estimator's settings (the scenario rules' messages)."""
        out = ("sigmoid", 1) if n_classes == 2 else ("softmax", n_classes)
        hidden = [int(n) for n in np.atleast_1d(self.hidden_layer_sizes)]
        raw = {"name": "DLFPClassifier", "data": {"csv": "(in memory)"},
               "layers": [n_features, *hidden, out[1]],
               "activations": [self.activation] * len(hidden) + [out[0]],
               "init": self.init, "optimizer": self.optimizer,
               "learning_rate": self.learning_rate, "epochs": self.epochs, "record_every": 1,
               "batch_size": self.batch_size, "lambda": self.lambd, "keep_prob": self.keep_prob,
               "seed": self.seed}
        return check_scenario(raw)

    def fit(self, X, y):
        """Train on X (n_samples, n_features) and labels y; returns self."""
        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown language '{self.language}' (known: "
                             f"{', '.join(LANGUAGES)})")
        self.classes_, labels = np.unique(y, return_inverse=True)
        if len(self.classes_) < 2:
            raise ValueError("DLFPClassifier needs samples of at least 2 classes; got 1 class")
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
        X = validate_data(self, X, dtype=np.float64, reset=False)
        AL, _ = forward_propagation(X.T, self.params_, self.activations_)  # (n_L, m)
        return np.column_stack([1.0 - AL[0], AL[0]]) if len(self.classes_) == 2 else AL.T

    def predict(self, X):
        """The class of highest probability (for two classes: p > 0.5, as dlfp.predict_labels)."""
        proba = self.predict_proba(X)  # first: it checks that the estimator is fitted
        return self.classes_[np.argmax(proba, axis=1)]


def _fit_python(s, X, labels, language):
    Y = labels_to_targets(labels, s["activations"][-1], s["layers"][-1])
    params0, rng = initialize_parameters(s["layers"], s["init"], rng_create(s["seed"]))
    params, curve, _, _ = train(X, Y, params0, s["activations"], s, rng)
    return params, curve


def _fit_bridged(s, X, labels, language):
    """Train in R or Octave: the data go as a CSV file (%.17g reads back to the same bits) and
    the settings as a scenario beside it, which that language's run_scenario trains."""
    import json

    try:
        from harness.worker import Worker
    except ImportError:
        raise ValueError(f"language='{language}' trains through dlfp's harness (rpy2, oct2py):"
                         " run from the repository, after its set-up") from None
    if language not in _WORKERS:
        _WORKERS[language] = Worker(language, timeout=3600)
    scenario = {k: v for k, v in s.items() if k != "base_dir"}
    with tempfile.TemporaryDirectory(prefix="dlfp-fit-") as folder:
        np.savetxt(os.path.join(folder, "data.csv"), np.column_stack([X.T, labels]),
                   delimiter=",", fmt="%.17g")
        scenario["data"] = {"csv": "data.csv"}
        path = os.path.join(folder, "scenario.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(scenario, f)
        result = _WORKERS[language].call("run_scenario", path)
    return result["final_params"], result["loss_curve"]
