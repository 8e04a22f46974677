"""The framework twin (harness/torch_twin.py): PyTorch's layers, autograd and optimizers on
dlfp's scenarios agree with dlfp's Python to 1e-10 on the loss curve, and notice a wrong
equation that dlfp's three languages, sharing one specification, would all share."""
import importlib

import numpy as np
import pytest

from conftest import ROOT, skip_or_fail
from harness import crosscheck
from harness.crosscheck_doc import format_table
from harness.bridges import environment_problem
from harness.compare import ORACLE_TOLERANCES, rel_diff
from harness.paths import copy_scenario

if environment_problem("torch"):
    skip_or_fail("PyTorch is not installed (make setup-torch)")

import dlfp  # noqa: E402
from harness import torch_twin  # noqa: E402

SCENARIOS = {  # name: fields changed to keep the test short (every optimizer and schedule)
    "one_hidden_circles": {"epochs": 300},
    "deep_xor": {"epochs": 200},
    "momentum_minibatch_spiral": {"epochs": 20},
    "rmsprop_exponential_xor": {"epochs": 40},
    "adam_inverse_time_spiral": {"epochs": 30},
    "l2_dropout_spiral": {"epochs": 60},
    "digits_adam": {"epochs": 2},
}


def both(path):
    return dlfp.run_scenario(str(path)), torch_twin.run_scenario(str(path))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_framework_twin_agrees_with_dlfp(tmp_path, name):
    path = copy_scenario(ROOT / "fixtures/scenarios" / f"{name}.json", tmp_path / "s.json",
                         **SCENARIOS[name])
    mine, oracle = both(path)
    assert np.array_equal(oracle["loss_curve"][:, 0], mine["loss_curve"][:, 0])
    assert rel_diff(oracle["loss_curve"][:, 1], mine["loss_curve"][:, 1]) <= \
        ORACLE_TOLERANCES["loss_curve"]
    for k, v in mine["final_params"].items():
        assert rel_diff(oracle["final_params"][k], v) <= ORACLE_TOLERANCES["final_params"], k
    assert oracle["train_accuracy"] == mine["train_accuracy"]


def test_the_oracle_notices_the_books_bias_gradient(tmp_path, monkeypatch):
    # db without 1/m (the book's Python): dlfp's languages could all share such a slip
    path = copy_scenario(ROOT / "fixtures/scenarios/one_hidden_circles.json", tmp_path / "s.json",
                         epochs=50)
    real = dlfp.network.backward_propagation

    def without_one_over_m(AL, Y, caches, params, activations, lambd=0.0, keep_prob=1.0):
        grads = real(AL, Y, caches, params, activations, lambd, keep_prob)
        return {k: v * AL.shape[1] if k.startswith("db") else v for k, v in grads.items()}

    monkeypatch.setattr(importlib.import_module("dlfp.train"), "backward_propagation",
                        without_one_over_m)
    mine, oracle = both(path)
    assert rel_diff(oracle["loss_curve"][:, 1], mine["loss_curve"][:, 1]) > 1e-6


def test_the_oracle_notices_a_wrong_adam_bias_correction(tmp_path, monkeypatch):
    path = copy_scenario(ROOT / "fixtures/scenarios/digits_adam.json", tmp_path / "s.json",
                         epochs=1)
    opt = importlib.import_module("dlfp.optimizers")
    real = opt.step_adam
    # t counted from 0 would divide by 1 - beta^0 = 0; from 2 is a quiet, plausible slip
    monkeypatch.setitem(opt.STEPS, "adam",
                        lambda p, g, s, w, lr, st, t: real(p, g, s, w, lr, st, t + 1))
    mine, oracle = both(path)
    assert rel_diff(oracle["final_params"]["W1"], mine["final_params"]["W1"]) > 1e-6


def test_crosscheck_with_the_oracle_has_its_row(tmp_path):
    path = copy_scenario(ROOT / "fixtures/scenarios/xavier_l2_circles.json", tmp_path / "s.json",
                         epochs=100)
    cc = crosscheck.Crosscheck(langs=["python"], timeout=120, log=lambda s: None, oracle="torch")
    try:
        entry = cc.compare(str(path))
    finally:
        cc.close()
    assert entry.agree, entry.languages
    assert entry.languages["torch"].status == "ok"
    assert set(entry.by_language()["torch"]) == {"loss_curve", "final_params"}
    table = format_table([entry], ["python", "torch"])
    assert "tolerance, torch" in table
