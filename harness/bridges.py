"""One interface, three languages: Python in-process, R through rpy2, Octave through oct2py.

Every bridge offers the same calls and hands back plain numpy values:

    rng_uniform(seed, n) -> ndarray (n,)          rng_normal(seed, n) -> ndarray (n,)
    load_data(path) -> (X, labels)
    forward_backward(X, Y, params, acts, lambd, keep_prob, rng) -> dict
    gradient_check(X, Y, params, acts, lambd) -> dict(difference, checked, kinks)
    run_scenario(path) -> dict(name, initial_params, final_params, loss_curve, train_accuracy
                               [, test_accuracy])

An error raised by the language's own dlfp code comes out as LanguageError with the language's
message (``dlfp: <function>: <problem>``).
"""
import collections.abc
import os
import re

import numpy as np

from .paths import OCTAVE_DIR, R_DIR, ROOT


class LanguageError(RuntimeError):
    """The language stopped with an error of its own (bad input, or a bug)."""


class LanguageDied(RuntimeError):
    """The language's interpreter is gone (killed or crashed): the session must be replaced."""


class PythonBridge:
    """The numpy twin, called in-process."""

    name = "python"

    def __init__(self):
        import dlfp

        self.dlfp = dlfp

    def _call(self, fn, *args):
        try:
            return getattr(self.dlfp, fn)(*args)
        except self.dlfp.DlfpError as e:
            raise LanguageError(str(e)) from None

    def version(self):
        return f"numpy {np.__version__}"

    def rng_uniform(self, seed, n):
        return self._call("rng_uniform", self._call("rng_create", seed), n)[0]

    def rng_normal(self, seed, n):
        return self._call("rng_normal", self._call("rng_create", seed), n)[0]

    def load_data(self, path):
        return self._call("load_data", self._call("read_scenario", str(path)))

    def forward_backward(self, X, Y, params, activations, lambd=0.0, keep_prob=1.0, rng=None):
        return self._call("forward_backward", X, Y, params, list(activations), lambd, keep_prob,
                          rng)

    def gradient_check(self, X, Y, params, activations, lambd=0.0):
        return self._call("gradient_check", X, Y, params, list(activations), lambd)

    def run_scenario(self, path, epochs=None):
        if epochs is None:
            return self._call("run_scenario", str(path))
        s = self._call("read_scenario", str(path))
        return self._call("run_scenario", dict(s, epochs=int(epochs), record_every=1))

    def validate_fold(self, path, fold):
        return self._call("validate_fold", self._call("prepare_scenario", str(path)), int(fold))

    def reference(self, path):
        """Python's view of a scenario, prepared once: its data, targets, initial parameters,
        the first training step (L2, and dropout masks continuing the stream) and the full run."""
        p = self._call("prepare_scenario", str(path))
        s = p["scenario"]
        step_args = (s["activations"], s["lambda"], s["keep_prob"], p["rng"])
        step = self._call("forward_backward", p["X"], p["Y"], p["params0"], *step_args)
        return {"name": s["name"], "X": p["X"], "labels": p["labels"], "Y": p["Y"],
                "params0": p["params0"], "step_args": step_args, "step": step,
                "result": self._call("run_scenario", p)}


class RBridge:
    """The R twin, through rpy2: r/R/*.R sourced into one environment of the embedded R."""

    name = "r"

    def __init__(self):
        import rpy2.robjects as ro
        from rpy2.rinterface_lib import callbacks
        from rpy2.rinterface_lib.embedded import RRuntimeError
        from rpy2.robjects import default_converter, numpy2ri
        from rpy2.robjects.conversion import localconverter

        self.ro = ro
        self.RRuntimeError = RRuntimeError
        self.converter = default_converter + numpy2ri.converter
        self.localconverter = localconverter
        # R's own "Error in ..." echo duplicates the message we raise; keep the console quiet.
        callbacks.consolewrite_warnerror = lambda s: None
        self.env = ro.r("new.env()")
        for f in sorted((R_DIR / "R").glob("*.R")):
            ro.r["sys.source"](str(f), envir=self.env)
        # calls made of several dlfp calls, so that the data stay in R
        ro.r["eval"](ro.r["parse"](text="harness_validate_fold <- function(path, fold) "
                                   "validate_fold(prepare_scenario(path), fold)\n"
                                   "harness_run_epochs <- function(path, epochs) { "
                                   "s <- read_scenario(path); s$epochs <- epochs; "
                                   "s$record_every <- 1; run_scenario(s) }"),
                     envir=self.env)

    def version(self):
        return str(self.ro.r("R.version.string")[0])

    def _call(self, fn, *args, **kwargs):
        with self.localconverter(self.converter):
            try:
                return self.env[fn](*args, **kwargs)
            except self.RRuntimeError as e:
                raise LanguageError(_r_message(e)) from None

    def _list(self, d):
        with self.localconverter(self.converter):
            return self.ro.r["list"](**{k: np.asarray(v, dtype=float) for k, v in d.items()})

    def rng_uniform(self, seed, n):
        return _flat(_plain(self._call("rng_uniform", self._call("rng_create", float(seed)),
                                       float(n)))["u"])

    def rng_normal(self, seed, n):
        return _flat(_plain(self._call("rng_normal", self._call("rng_create", float(seed)),
                                       float(n)))["z"])

    def load_data(self, path):
        out = _plain(self._call("load_data", self._call("read_scenario", str(path))))
        return out["X"], _flat(out["labels"])

    def forward_backward(self, X, Y, params, activations, lambd=0.0, keep_prob=1.0, rng=None):
        acts = self.ro.StrVector(list(activations))
        rng = self.ro.NULL if rng is None else float(rng)
        out = self._call("forward_backward", np.asarray(X, float), np.asarray(Y, float),
                         self._list(params), acts, float(lambd), float(keep_prob), rng)
        return _plain(out)

    def gradient_check(self, X, Y, params, activations, lambd=0.0):
        acts = self.ro.StrVector(list(activations))
        return _plain(self._call("gradient_check", np.asarray(X, float), np.asarray(Y, float),
                                 self._list(params), acts, float(lambd)))

    def run_scenario(self, path, epochs=None):
        if epochs is None:
            return _result(_plain(self._call("run_scenario", str(path))))
        return _result(_plain(self._call("harness_run_epochs", str(path), float(epochs))))

    def validate_fold(self, path, fold):
        # prepared in R and used there: the data never cross the bridge
        return _plain(self._call("harness_validate_fold", str(path), float(fold)))


class OctaveBridge:
    """The Octave twin, through one oct2py session kept for every call."""

    name = "octave"

    def __init__(self):
        import logging

        import shlex
        import shutil

        # octave-cli has no GUI to fail to open, so it prints no X11 warnings at start.
        # --no-history: octave-cli saves its command history at exit, and where
        # ~/.local/share/octave is missing it prints "error: ignoring const
        # execution_exception& while preparing to exit" (twice) on stderr instead; oct2py's
        # version probe at start, `$OCTAVE_EXECUTABLE --eval "disp(version)"`, is such an exit
        if shutil.which("octave-cli"):
            os.environ.setdefault("OCTAVE_EXECUTABLE",
                                  shlex.join([shutil.which("octave-cli"), "--no-history"]))
        from oct2py import Oct2Py, Oct2PyError

        self.Oct2PyError = Oct2PyError
        self.oc = Oct2Py(logger=logging.getLogger("harness.octave"))
        self.oc.addpath(str(OCTAVE_DIR))
        self.oc.addpath(str(ROOT / "harness" / "octave"))
        # a killed session must not leave octave-workspace in the folder it ran in
        self.oc.eval("sigterm_dumps_octave_core (false); sighup_dumps_octave_core (false); "
                     "crash_dumps_octave_core (false);", nout=0)

    def version(self):
        return "Octave " + str(self.oc.feval("version"))

    def _feval(self, name, *args, nout=1):
        try:
            return self.oc.feval(name, *args, nout=nout)
        except self.Oct2PyError as e:
            # oct2py restarts a dead Octave on the next call, but without this session's paths:
            # a death ends the bridge, and the worker starts a fully set-up one
            if "died" in str(e).lower():
                raise LanguageDied(f"Octave died: {str(e).strip()}") from None
            raise LanguageError(_octave_message(e)) from None

    def _call(self, fn, *args, nout=1):
        return self._feval("harness_call", fn, *args, nout=nout)

    def rng_uniform(self, seed, n):
        return _flat(self._call("rng_uniform", self._call("rng_create", float(seed)), float(n)))

    def rng_normal(self, seed, n):
        return _flat(self._call("rng_normal", self._call("rng_create", float(seed)), float(n)))

    def load_data(self, path):
        X, labels = self._call("load_data", self._call("read_scenario", str(path)), nout=2)
        return np.atleast_2d(X), _flat(labels)

    def forward_backward(self, X, Y, params, activations, lambd=0.0, keep_prob=1.0, rng=None):
        # a (n, 1) array stays a column in Octave; (n,) would turn into a row
        params = {k: np.asarray(v, dtype=float) for k, v in params.items()}
        rng = np.zeros((0, 0)) if rng is None else float(rng)
        out = self._call("forward_backward", np.asarray(X, float), np.asarray(Y, float), params,
                         list(activations), float(lambd), float(keep_prob), rng)
        return _plain(out)

    def gradient_check(self, X, Y, params, activations, lambd=0.0):
        params = {k: np.asarray(v, dtype=float) for k, v in params.items()}
        return _plain(self._call("gradient_check", np.asarray(X, float), np.asarray(Y, float),
                                 params, list(activations), float(lambd)))

    def run_scenario(self, path, epochs=None):
        if epochs is None:
            return _result(_plain(self._call("run_scenario", str(path))))
        # the scenario read and changed in Octave: no copy of its file
        return _result(_plain(self._feval("harness_run_epochs", str(path), float(epochs))))

    def validate_fold(self, path, fold):
        # prepared in Octave and used there: the data never cross the bridge
        return _plain(self._feval("harness_validate_fold", str(path), float(fold)))


class TorchBridge:
    """The framework twin (harness/torch_twin.py): the oracle, not one of dlfp's languages."""

    name = "torch"

    def __init__(self):
        import torch

        from . import torch_twin

        self.torch = torch
        self.twin = torch_twin

    def version(self):
        return f"PyTorch {self.torch.__version__}"

    def run_scenario(self, path):
        import dlfp

        try:
            return self.twin.run_scenario(str(path))
        except dlfp.DlfpError as e:
            raise LanguageError(str(e)) from None


BRIDGES = {"python": PythonBridge, "r": RBridge, "octave": OctaveBridge, "torch": TorchBridge}
LANGUAGES = ["python", "r", "octave"]  # dlfp's own; torch is the oracle (crosscheck --oracle)


def _plain(x):
    """Nested R lists / Octave structs as dicts of numpy arrays, scalars as floats."""
    if isinstance(x, collections.abc.Mapping) or (hasattr(x, "items") and callable(x.items)):
        # a dict, an Octave struct, rpy2's NamedList/OrdDict
        items = list(x.items())
        if items and all(k is None for k, _ in items):  # an R list without names
            return [_plain(v) for _, v in items]
        return {str(k): _plain(v) for k, v in items}
    if isinstance(x, (str, bytes)):
        return x
    if isinstance(x, np.ndarray) and x.dtype.names:  # an Octave struct array (oct2py's)
        return [{n: _plain(rec[n]) for n in x.dtype.names} for rec in x.ravel()]
    arr = np.asarray(x)
    if arr.dtype.kind in "US":
        return str(arr.ravel()[0]) if arr.size == 1 else [str(s) for s in arr.ravel()]
    if arr.dtype == object:
        return [_plain(v) for v in arr.ravel()]
    arr = arr.astype(float)
    return float(arr.ravel()[0]) if arr.size == 1 and arr.ndim <= 1 else arr


def _flat(x):
    return np.asarray(x, dtype=float).ravel()


def _folds(cv):
    """A cross_validation block as Python holds it: folds a list of dicts, test_index ints."""
    folds = cv["folds"]
    if isinstance(folds, dict):  # one fold, or an Octave struct array of fields
        keys = list(folds)
        n = len(np.atleast_1d(folds[keys[0]])) if not isinstance(folds[keys[0]], list) else \
            len(folds[keys[0]])
        folds = [folds] if n == 1 or "test_index" not in keys else \
            [{k: folds[k][i] for k in keys} for i in range(n)]
    out = []
    for f in (folds if isinstance(folds, list) else [folds]):
        out.append({"test_index": np.asarray(f["test_index"], dtype=float).ravel().astype(int),
                    **{k: float(np.asarray(f[k]).ravel()[0])
                       for k in ("train_accuracy", "test_accuracy", "final_cost")}})
    return {"folds": out, "mean_test_accuracy": float(np.asarray(cv["mean_test_accuracy"]).ravel()[0]),
            "std_test_accuracy": float(np.asarray(cv["std_test_accuracy"]).ravel()[0])}


def _snapshots(snaps):
    """Snapshots as Python holds them: a list of {"epoch": int, "params": {name: array}}."""
    if isinstance(snaps, dict):  # one snapshot, or an Octave struct array of fields
        snaps = [snaps]
    return [{"epoch": int(np.asarray(sn["epoch"]).ravel()[0]),
             "params": {k: np.atleast_2d(np.asarray(v, dtype=float))
                        for k, v in sn["params"].items()}} for sn in snaps]


def _result(r):
    r["name"] = r["name"] if isinstance(r["name"], str) else str(r["name"])
    if "snapshots" in r:
        r["snapshots"] = _snapshots(r["snapshots"])
    if "cross_validation" in r:
        r["cross_validation"] = _folds(r["cross_validation"])
    r["loss_curve"] = np.asarray(r["loss_curve"], dtype=float).reshape(-1, 2)
    for key in ("train_accuracy", "test_accuracy"):
        if key in r:
            r[key] = float(np.asarray(r[key]).ravel()[0])
    return r


def _r_message(e):
    text = str(e.args[0] if e.args else e).strip()
    return re.sub(r"^Error( in [^:]*)?:\s*", "", text)


def _octave_message(e):
    text = str(e)
    m = re.search(r"error: (dlfp: .*)", text)
    if m:
        return m.group(1).strip()
    lines = [ln for ln in text.splitlines() if ln.startswith("error: ")]
    return lines[0][len("error: "):].strip() if lines else text.strip()


def environment_problem(lang):
    """Why lang cannot run here (its interpreter or PyTorch is missing), or None."""
    if lang == "torch":
        import importlib.util

        return None if importlib.util.find_spec("torch") else \
            "PyTorch is not installed (run `make setup-torch`)"
    exe = {"python": None, "r": "R", "octave": "octave-cli"}[lang]
    if exe and not any(os.access(os.path.join(p, exe), os.X_OK)
                       for p in os.environ.get("PATH", "").split(os.pathsep)):
        return f"{exe} is not installed (run `make setup`)"
    return None
