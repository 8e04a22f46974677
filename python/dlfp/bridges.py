"""Bridges: dlfp's twins called from Python, R's through rpy2 and Octave's through oct2py.

An optional part of dlfp: ``pip install "dlfp[bridges]"`` brings rpy2 (< 3.6, the last series
that loads with R 4.2) and oct2py. Each bridge finds its language's dlfp as that language finds
a package: R's by ``library(dlfp)`` (after ``R CMD INSTALL r``, from R's library paths: R_LIBS,
R_LIBS_USER, the site library), Octave's by ``pkg load dlfp`` (after ``pkg install`` of the
archive ``make octave-pkg`` builds). Imported from a checkout (this file in python/dlfp beside
the repository's r/ and octave/), they use the checkout's sources instead: R through
r/load_dlfp.R (the project's installed copy if it is current, else ``pkgload::load_all``),
Octave by ``addpath`` of octave/.

Every bridge follows the :class:`Bridge` protocol, the same calls in every language; the
harness builds its workers and its own composite calls on them. Nothing here is imported by
``import dlfp``, and rpy2 / oct2py are imported only when a bridge is made.
"""
import collections.abc
import os
import re
import shlex
import shutil
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .errors import DlfpError

LANGUAGES = ("python", "r", "octave")


class LanguageError(DlfpError):
    """The language stopped with an error of its own dlfp code: its one-line message
    (``dlfp: <function>: <problem>``), as that language words it."""


class LanguageDied(RuntimeError):
    """The language's interpreter is gone (killed or crashed): the bridge is of no further use."""


class BridgeUnavailable(ImportError):
    """A bridge cannot be made here: its Python package (rpy2, oct2py) or its language's dlfp
    package is not installed. The message says what to install."""


@runtime_checkable
class Bridge(Protocol):
    """dlfp in one language, called from Python: the same calls, the same values, in every one.

    Arguments go in as numpy arrays and Python scalars; results come back as plain Python and
    numpy values: a matrix as a 2-D float64 array, a vector as a 1-D one, a number as a float,
    a named list (R) or a struct (Octave) as a dict of those. A path is read by the language
    itself, against its own working folder. An error of the language's dlfp code raises
    :class:`LanguageError` with its message; an Octave process that died,
    :class:`LanguageDied` (R runs embedded in this process, Python is this process).
    """

    name: str  # "python", "r" or "octave"

    def version(self) -> str:
        """The language and its version, e.g. "R version 4.2.2 (2022-10-31)"."""

    def rng_uniform(self, seed: int, n: int) -> np.ndarray:
        """u = the first n uniforms of the shared stream seeded with seed: shape (n,)."""

    def rng_normal(self, seed: int, n: int) -> np.ndarray:
        """z = the first n normals of the shared stream seeded with seed: shape (n,)."""

    def load_data(self, path: str) -> tuple:
        """(X, labels) = load_data(read_scenario(path)): X (n_0, m), labels (m,)."""

    def forward_backward(self, X, Y, params, activations, lambd=0.0, keep_prob=1.0,
                         rng=None) -> dict:
        """forward_backward's dict (cost, caches' activations, gradients dW1, db1, ...) for
        one step on (X, Y); rng the stream's state for dropout masks, or None."""

    def gradient_check(self, X, Y, params, activations, lambd=0.0) -> dict:
        """gradient_check's dict: difference, checked, kinks."""

    def run_scenario(self, path: str) -> dict:
        """run_scenario(path)'s result: name, initial_params, final_params, loss_curve
        (rows [epoch, cost]), train_accuracy, and test_accuracy, snapshots and
        cross_validation where the scenario asks for them."""


def checkout_sources():
    """{"r": r/, "octave": octave/} of the repository this dlfp was imported from, or None
    for an installed copy (whose python/dlfp has no r/ and octave/ beside it)."""
    root = Path(__file__).resolve().parent.parent.parent
    sources = {"r": root / "r", "octave": root / "octave"}
    if (sources["r"] / "load_dlfp.R").is_file() and (sources["octave"] / "+dlfp").is_dir():
        return sources
    return None


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

    def run_scenario(self, path):
        return self._call("run_scenario", str(path))


class RBridge:
    """The R twin, through rpy2: R embedded in this process, dlfp loaded there as a package.

    Parameters
    ----------
    source : path or None
        The package's source folder (a checkout's r/), loaded through its load_dlfp.R; None:
        the checkout's when dlfp runs from one, else ``library(dlfp)``.
    """

    name = "r"

    def __init__(self, source=None):
        # rpy2 puts R's library folders (/usr/lib/x86_64-linux-gnu among them) on this process's
        # LD_LIBRARY_PATH as it loads R. The loader of this process read it at start-up, so it
        # only reaches children: left there, a later subprocess of a Python of its own build (a
        # Dask worker, a runner) loads the system's libpython in place of its own and fails.
        ld_path = os.environ.get("LD_LIBRARY_PATH")
        try:
            import rpy2.robjects as ro
            from rpy2.rinterface_lib import callbacks
            from rpy2.rinterface_lib.embedded import RRuntimeError
            from rpy2.robjects import default_converter, numpy2ri
            from rpy2.robjects.conversion import localconverter
        except ImportError as e:
            raise BridgeUnavailable(f"the R bridge needs rpy2 ({e}): "
                                    "pip install 'dlfp[bridges]'") from None
        finally:
            if ld_path is None:
                os.environ.pop("LD_LIBRARY_PATH", None)
            else:
                os.environ["LD_LIBRARY_PATH"] = ld_path
        self.ro = ro
        self.RRuntimeError = RRuntimeError
        self.converter = default_converter + numpy2ri.converter
        self.localconverter = localconverter
        # R's own "Error in ..." echo duplicates the message we raise; keep the console quiet.
        callbacks.consolewrite_warnerror = lambda s: None
        if source is None and checkout_sources():
            source = checkout_sources()["r"]
        try:
            if source is not None:
                loader = ro.r("new.env()")
                ro.r["sys.source"](str(Path(source) / "load_dlfp.R"), envir=loader)
                loader["load_dlfp"](str(source))
            else:
                ro.r("suppressPackageStartupMessages(library(dlfp))")
        except RRuntimeError as e:
            raise BridgeUnavailable(
                f"R cannot load its dlfp package ({_r_message(e)}): install it with "
                "`R CMD INSTALL r`, into a library R searches (R_LIBS)") from None
        self.ns = ro.r["asNamespace"]("dlfp")

    def version(self):
        return str(self.ro.r("R.version.string")[0])

    def _call(self, fn, *args, **kwargs):
        return self._call_in(self.ns, fn, *args, **kwargs)

    def _call_in(self, env, fn, *args, **kwargs):
        with self.localconverter(self.converter):
            try:
                return env[fn](*args, **kwargs)
            except self.RRuntimeError as e:
                raise LanguageError(_r_message(e)) from None

    def _list(self, d):
        with self.localconverter(self.converter):
            return self.ro.r["list"](**{k: np.asarray(v, dtype=float) for k, v in d.items()})

    def rng_uniform(self, seed, n):
        return _flat(plain(self._call("rng_uniform", self._call("rng_create", float(seed)),
                                       float(n)))["u"])

    def rng_normal(self, seed, n):
        return _flat(plain(self._call("rng_normal", self._call("rng_create", float(seed)),
                                       float(n)))["z"])

    def load_data(self, path):
        out = plain(self._call("load_data", self._call("read_scenario", str(path))))
        return out["X"], _flat(out["labels"])

    def forward_backward(self, X, Y, params, activations, lambd=0.0, keep_prob=1.0, rng=None):
        acts = self.ro.StrVector(list(activations))
        rng = self.ro.NULL if rng is None else float(rng)
        out = self._call("forward_backward", np.asarray(X, float), np.asarray(Y, float),
                         self._list(params), acts, float(lambd), float(keep_prob), rng)
        return plain(out)

    def gradient_check(self, X, Y, params, activations, lambd=0.0):
        acts = self.ro.StrVector(list(activations))
        return plain(self._call("gradient_check", np.asarray(X, float), np.asarray(Y, float),
                                 self._list(params), acts, float(lambd)))

    def run_scenario(self, path):
        return result_as_python(plain(self._call("run_scenario", str(path))))


class OctaveBridge:
    """The Octave twin, through one oct2py session (an octave-cli process) kept for every call.

    Parameters
    ----------
    source : path or None
        A folder holding +dlfp (a checkout's octave/), put on Octave's path; None: the
        checkout's when dlfp runs from one, else ``pkg load dlfp``.
    """

    name = "octave"

    def __init__(self, source=None):
        import logging

        # octave-cli has no GUI to fail to open, so it prints no X11 warnings at start.
        # --no-history: octave-cli saves its command history at exit, and where
        # ~/.local/share/octave is missing it prints "error: ignoring const
        # execution_exception& while preparing to exit" (twice) on stderr instead; oct2py's
        # version probe at start, `$OCTAVE_EXECUTABLE --eval "disp(version)"`, is such an exit
        if shutil.which("octave-cli"):
            os.environ.setdefault("OCTAVE_EXECUTABLE",
                                  shlex.join([shutil.which("octave-cli"), "--no-history"]))
        try:
            from oct2py import Oct2Py, Oct2PyError
        except ImportError as e:
            raise BridgeUnavailable(f"the Octave bridge needs oct2py ({e}): "
                                    "pip install 'dlfp[bridges]'") from None
        self.Oct2PyError = Oct2PyError
        self.oc = Oct2Py(logger=logging.getLogger("dlfp.bridges.octave"))
        if source is None and checkout_sources():
            source = checkout_sources()["octave"]
        try:
            if source is not None:
                self.oc.addpath(str(source))
            else:
                self.oc.eval("pkg load dlfp", nout=0)
        except Oct2PyError as e:
            raise BridgeUnavailable(
                f"Octave cannot load its dlfp package ({_octave_message(e)}): install it with "
                "`pkg install dlfp-<version>.tar.gz` (make octave-pkg builds it)") from None
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
            # a death ends the bridge
            if "died" in str(e).lower():
                raise LanguageDied(f"Octave died: {str(e).strip()}") from None
            raise LanguageError(_octave_message(e)) from None

    def _call(self, fn, *args, nout=1):
        # Octave's own feval resolves the package name dlfp.<fn>; oct2py's would read the dot
        # as a file extension
        return self._feval("feval", f"dlfp.{fn}", *args, nout=nout)

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
        return plain(out)

    def gradient_check(self, X, Y, params, activations, lambd=0.0):
        params = {k: np.asarray(v, dtype=float) for k, v in params.items()}
        return plain(self._call("gradient_check", np.asarray(X, float), np.asarray(Y, float),
                                 params, list(activations), float(lambd)))

    def run_scenario(self, path):
        return result_as_python(plain(self._call("run_scenario", str(path))))


BRIDGES = {"python": PythonBridge, "r": RBridge, "octave": OctaveBridge}


def plain(x):
    """x from R or Octave (rpy2's named lists, oct2py's structs and cells) as dicts and lists
    of numpy arrays, a number as a float, a string as a str."""
    if isinstance(x, collections.abc.Mapping) or (hasattr(x, "items") and callable(x.items)):
        # a dict, an Octave struct, rpy2's NamedList/OrdDict
        items = list(x.items())
        if items and all(k is None for k, _ in items):  # an R list without names
            return [plain(v) for _, v in items]
        return {str(k): plain(v) for k, v in items}
    if isinstance(x, (str, bytes)):
        return x
    if isinstance(x, np.ndarray) and x.dtype.names:  # an Octave struct array (oct2py's)
        return [{n: plain(rec[n]) for n in x.dtype.names} for rec in x.ravel()]
    arr = np.asarray(x)
    if arr.dtype.kind in "US":
        return str(arr.ravel()[0]) if arr.size == 1 else [str(s) for s in arr.ravel()]
    if arr.dtype == object:
        return [plain(v) for v in arr.ravel()]
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
    return {"folds": out,
            **{k: float(np.asarray(cv[k]).ravel()[0])
               for k in ("mean_test_accuracy", "std_test_accuracy")}}


def _snapshots(snaps):
    """Snapshots as Python holds them: a list of {"epoch": int, "params": {name: array}}."""
    if isinstance(snaps, dict):  # one snapshot, or an Octave struct array of fields
        snaps = [snaps]
    return [{"epoch": int(np.asarray(sn["epoch"]).ravel()[0]),
             "params": {k: np.atleast_2d(np.asarray(v, dtype=float))
                        for k, v in sn["params"].items()}} for sn in snaps]


def result_as_python(r):
    """A run_scenario result from R or Octave (after plain) shaped as Python's: the loss curve
    (n, 2), accuracies floats, snapshots and cross-validation folds as lists of dicts."""
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
