"""Divergence names its causes: the learning rate, and lambda when one update's weight decay
lr * lambda / b is 1 or more (b: the examples of one update), in the words R and Octave use;
and under --quiet nothing but that one line reaches stderr."""
import json
import pickle
import subprocess
import sys
import warnings

import numpy as np
import pytest

import dlfp
from conftest import ROOT, require_language
from dlfp.train import check_divergence

GD = {"optimizer": "gd", "learning_rate": 1.0, "epochs": 3, "record_every": 1,
      "snapshot_every": 0, "batch_size": 0, "lambda": 1e308, "keep_prob": 1.0, "beta": 0.9,
      "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "lr_decay": {"kind": "none"}}
LR_ONLY = "dlfp: train: diverged at epoch 1 (cost nan): try a smaller learning_rate (now {})"


def both(lr, lambd):
    return LR_ONLY.format(lr) + f" or lambda (now {lambd})"


@pytest.mark.parametrize("lr,lambd,batch_size,message", [
    (0.5, 8, 0, both("0.5", "8")),               # full batch: 0.5 * 8 / 4 = 1
    (0.5, 7.9, 0, LR_ONLY.format("0.5")),        # 0.5 * 7.9 / 4 < 1
    (0.5, 4, 2, both("0.5", "4")),               # batches of 2: 0.5 * 4 / 2 = 1
    (0.5, 4, 0, LR_ONLY.format("0.5")),          # all 4 at once: 0.5
    (0.5, 4, 9, LR_ONLY.format("0.5")),          # a batch_size past m is all of them
    (0.5, 0, 1, LR_ONLY.format("0.5")),          # no L2 at all
    (1e-3, 1e6, 0, both("0.001", "1e+06")),
])
def test_lambda_is_named_when_one_steps_weight_decay_overshoots(lr, lambd, batch_size, message):
    p = {"W1": np.array([[1.0, -1.0]]), "b1": np.zeros((1, 1))}
    X, Y = np.ones((2, 4)), np.array([[1.0, 0.0, 1.0, 0.0]])  # four examples of two features
    with pytest.raises(dlfp.DlfpError) as e:
        check_divergence(1, float("nan"), p, X, Y, ["sigmoid"], lambd, lr, batch_size)
    assert str(e.value) == message


def test_a_huge_lambda_diverges_by_itself_and_is_named():
    # one sigmoid unit, x = y = 1, w = 1, b = 0, lr = 1, lambda = 1e308. Epoch 0 costs
    # -log(sigmoid(1)) + lambda / 2 (finite); its step is dW = (sigmoid(1) - 1) + lambda w, so
    # w = 1 - dW = -1e308 (finite); epoch 1 then costs lambda / 2 * w^2 = inf.
    p = {"W1": np.ones((1, 1)), "b1": np.zeros((1, 1))}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a numpy RuntimeWarning would fail here
        with pytest.raises(dlfp.DlfpError) as e:
            dlfp.train(np.ones((1, 1)), np.ones((1, 1)), p, ["sigmoid"], GD, 1.0)
    assert str(e.value) == ("dlfp: train: diverged at epoch 1 (cost inf): try a smaller "
                            "learning_rate (now 1) or lambda (now 1e+308)")


RUNNERS = {
    "python": [sys.executable, "-m", "dlfp", "run"],
    "r": ["Rscript", str(ROOT / "r" / "dlfp_run.R")],
    "octave": ["octave-cli", "--no-gui", "--quiet", "--no-history",
               str(ROOT / "octave" / "dlfp_run.m")],
}


@pytest.mark.parametrize("changes,causes", [
    ({"lambda": 1e308}, "learning_rate (now 0.5) or lambda (now 1e+308)"),
    ({"lambda": 1000, "epochs": 1000}, "learning_rate (now 0.5) or lambda (now 1000)"),
    ({"learning_rate": 1e300, "activations": ["relu", "sigmoid"]}, "learning_rate (now 1e+300)"),
])
def test_quiet_runners_print_the_same_one_line_and_no_warning(tmp_path, changes, causes):
    s = {"name": "d", "data": {"generator": "circles", "n_per_class": 30}, "layers": [2, 4, 1],
         "activations": ["tanh", "sigmoid"], "init": "xavier", "learning_rate": 0.5,
         "epochs": 50, "record_every": 10, **changes}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(s))
    lines = {}
    for lang, runner in RUNNERS.items():
        require_language(lang)
        out = subprocess.run(runner + [str(path), "--quiet", "--out", str(tmp_path / "r.json")],
                             cwd=ROOT / "python", capture_output=True, text=True, timeout=300)
        assert (out.returncode, out.stdout) == (2, ""), (lang, out.stdout, out.stderr)
        assert len(out.stderr.splitlines()) == 1, (lang, out.stderr)  # no warning, no trace
        lines[lang] = out.stderr
        assert not (tmp_path / "r.json").exists()
    assert lines["python"].startswith("dlfp: train: diverged at epoch ")
    assert lines["python"].endswith(f"): try a smaller {causes}\n")
    assert lines["r"] == lines["python"] and lines["octave"] == lines["python"]


def test_the_divergence_is_data_an_estimator_can_name_by_its_own_settings():
    from dlfp.train import Diverged

    e = Diverged(3, float("inf"), [("learning_rate", 0.5), ("lambda", 1000.0)])
    assert isinstance(e, dlfp.DlfpError)
    assert str(e) == ("dlfp: train: diverged at epoch 3 (cost inf): try a smaller learning_rate "
                      "(now 0.5) or lambda (now 1000)")
    assert e.problem == str(e)[len("dlfp: train: "):]
    assert str(e.renamed({"lambda": "lambd"})).endswith("or lambd (now 1000)")
    again = pickle.loads(pickle.dumps(e))  # as a Dask task's error travels
    assert type(again) is Diverged and str(again) == str(e) and again.causes == e.causes
