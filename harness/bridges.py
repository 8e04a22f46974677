"""The harness's bridges: dlfp's own (dlfp.bridges) plus the calls only the harness makes, and
the framework twin.

dlfp.bridges holds the Bridge protocol and one bridge per language (Python in-process, R
through rpy2, Octave through oct2py), loading each language's dlfp from this checkout. The
harness adds, in each language:

    reference(path) -> dict        Python only: its view of a scenario, prepared once
    run_scenario(path, epochs)     the scenario with another number of epochs (the benchmark)
    validate_fold(path, fold)      one fold of a sweep, prepared and run in the language

R's and Octave's halves of those calls are files, harness/R/harness.R and harness/octave/*.m,
so the data stay in the language. TorchBridge runs the framework twin (harness/torch_twin.py),
the oracle. Every bridge runs inside a worker process (worker.py), which adds timeouts and
replaces a language that died.
"""
import importlib.util
import os

from dlfp.bridges import (BridgeUnavailable, LanguageDied, LanguageError, OctaveBridge,
                          PythonBridge, RBridge, plain, result_as_python)

from .paths import OCTAVE_DIR, R_DIR, ROOT

__all__ = ["BRIDGES", "LANGUAGES", "BridgeUnavailable", "LanguageDied", "LanguageError",
           "environment_problem"]

LANGUAGES = ["python", "r", "octave"]  # dlfp's own; torch is the oracle (crosscheck --oracle)


class HarnessPython(PythonBridge):
    """The numpy twin, with the harness's calls."""

    def run_scenario(self, path, epochs=None):
        if epochs is None:
            return super().run_scenario(path)
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


class HarnessR(RBridge):
    """The R twin from this checkout's r/, with harness/R/harness.R in an environment of its
    own."""

    def __init__(self):
        super().__init__(source=R_DIR)
        self.helpers = self.ro.r("new.env()")
        self.ro.r["sys.source"](str(ROOT / "harness" / "R" / "harness.R"), envir=self.helpers)

    def run_scenario(self, path, epochs=None):
        if epochs is None:
            return super().run_scenario(path)
        return result_as_python(plain(self._call_in(self.helpers, "harness_run_epochs",
                                                    str(path), float(epochs))))

    def validate_fold(self, path, fold):
        # prepared in R and used there: the data never cross the bridge
        return plain(self._call_in(self.helpers, "harness_validate_fold", str(path),
                                   float(fold)))


class HarnessOctave(OctaveBridge):
    """The Octave twin from this checkout's octave/, with harness/octave/*.m on the path."""

    def __init__(self):
        super().__init__(source=OCTAVE_DIR)
        self.oc.addpath(str(ROOT / "harness" / "octave"))

    def run_scenario(self, path, epochs=None):
        if epochs is None:
            return super().run_scenario(path)
        # the scenario read and changed in Octave: no copy of its file
        return result_as_python(plain(self._feval("harness_run_epochs", str(path),
                                                  float(epochs))))

    def validate_fold(self, path, fold):
        # prepared in Octave and used there: the data never cross the bridge
        return plain(self._feval("harness_validate_fold", str(path), float(fold)))


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


BRIDGES = {"python": HarnessPython, "r": HarnessR, "octave": HarnessOctave,
           "torch": TorchBridge}


def environment_problem(lang):
    """Why lang cannot run here (its interpreter or PyTorch is missing), or None."""
    if lang == "torch":
        return None if importlib.util.find_spec("torch") else \
            "PyTorch is not installed (run `make setup-torch`)"
    exe = {"python": None, "r": "R", "octave": "octave-cli"}[lang]
    if exe and not any(os.access(os.path.join(p, exe), os.X_OK)
                       for p in os.environ.get("PATH", "").split(os.pathsep)):
        return f"{exe} is not installed (run `make setup`)"
    return None
