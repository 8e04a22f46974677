"""The Python twin against the stored golden fixtures (made by `make fixtures`): regressions."""
import json
from pathlib import Path

import numpy as np
import pytest

import dlfp
from harness.compare import rel_diff
from harness.csvio import read_matrix
from harness.paths import GOLDEN

SCENARIOS = sorted(p.parent for p in GOLDEN.glob("*/summary.json"))


def test_fixtures_exist_for_the_default_suite():
    names = {p.name for p in SCENARIOS}
    assert {"logreg_breast_cancer", "one_hidden_circles", "deep_xor", "spiral_softmax"} <= names


def test_permutation_matches_fixture():
    want = read_matrix(GOLDEN / "rng" / "permutation_seed42.csv")[:, 0]
    got, _ = dlfp.rng_permutation(dlfp.rng_create(42), want.size)
    assert np.array_equal(got + 1, want)


@pytest.mark.parametrize("name", ["uniform_seed1", "uniform_seed42", "uniform_seed2147483645",
                                  "normal_seed1", "normal_seed42"])
def test_random_stream_matches_fixture_exactly(name):
    kind, seed = name.split("_seed")
    want = read_matrix(GOLDEN / "rng" / f"{name}.csv")[:, 0]
    got, _ = getattr(dlfp, f"rng_{kind}")(dlfp.rng_create(int(seed)), want.size)
    assert np.array_equal(got, want)


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_scenario_matches_fixture(folder):
    summary = json.loads((folder / "summary.json").read_text())
    tol = summary["tolerances"]
    s = dlfp.read_scenario(str((folder / summary["scenario"]).resolve()))
    X, labels = dlfp.load_data(s)
    if (folder / "data.csv").exists():  # not kept for IDX data: those files are fixed
        data = read_matrix(folder / "data.csv")
        assert np.array_equal(X, data[:, :-1].T) and np.array_equal(labels, data[:, -1])
    p0, rng = dlfp.initialize_parameters(s["layers"], s["init"], dlfp.rng_create(s["seed"]))
    for k in summary["params"]:
        assert np.array_equal(p0[k], read_matrix(folder / f"initial_{k}.csv")), k
    Y = dlfp.labels_to_targets(labels, s["activations"][-1], s["layers"][-1])
    n = summary["step_examples"]
    step = dlfp.forward_backward(X[:, :n], Y[:, :n], p0, s["activations"], s["lambda"],
                                 s["keep_prob"], rng)
    for k in summary["step"] + ["cost"]:
        assert rel_diff(step[k], read_matrix(folder / f"step_{k}.csv")) <= tol["step"], k
    r = dlfp.run_scenario(str((folder / summary["scenario"]).resolve()))
    curve = read_matrix(folder / "loss_curve.csv")
    assert np.array_equal(r["loss_curve"][:, 0], curve[:, 0])
    assert rel_diff(r["loss_curve"][:, 1], curve[:, 1]) <= tol["loss_curve"]
    for k in summary["params"]:
        assert rel_diff(r["final_params"][k], read_matrix(folder / f"final_{k}.csv")) <= \
            tol["final_params"], k
    assert r["train_accuracy"] == summary["train_accuracy"]
    assert r.get("test_accuracy") == summary["test_accuracy"]
    if "cross_validation" in summary:  # every fold: indices and accuracies exactly
        cv = r["cross_validation"]
        folds = read_matrix(folder / "cv_folds.csv")
        index = read_matrix(folder / "cv_test_index.csv")
        for k, f in enumerate(cv["folds"]):
            assert f["test_index"].tolist() == index[index[:, 0] == k + 1, 1].tolist()
            assert [f["train_accuracy"], f["test_accuracy"]] == folds[k, 1:3].tolist()
            assert rel_diff(f["final_cost"], folds[k, 3]) <= summary["cross_validation"]["tolerance"]
        assert cv["mean_test_accuracy"] == summary["cross_validation"]["mean_test_accuracy"]
