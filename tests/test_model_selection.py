"""Model selection in the Python twin: K-fold cross-validation, divergence that stops, and the
scikit-learn estimator."""
import json
import warnings

import numpy as np
import pytest

import dlfp
from conftest import ROOT

CIRCLES = {"name": "cv", "data": {"generator": "circles", "n_per_class": 30},
           "layers": [2, 4, 1], "activations": ["tanh", "sigmoid"], "init": "xavier",
           "learning_rate": 0.5, "epochs": 60, "record_every": 20,
           "validation": {"folds": 4, "seed": 3}}


def write(tmp_path, scenario, name="s.json"):
    p = tmp_path / name
    p.write_text(json.dumps(scenario))
    return str(p)


def test_fold_split_by_hand():
    # seed 0: x_0 = 1, x_k = 48271^k mod (2^31 - 1) for k = 1..7 are 48271, 182605794,
    # 1291394886, 1914720637, 2078669041, 407355683, 1105902161; sorting them orders the
    # examples 0, 1, 5, 6, 2, 3, 4. K = 3 parts of sizes 3, 2, 2: {0, 1, 5}, {6, 2}, {3, 4}.
    folds = dlfp.fold_indices(7, 3, 0)
    assert [f.tolist() for f in folds] == [[0, 1, 5], [2, 6], [3, 4]]


@pytest.mark.parametrize("m,k,sizes", [(10, 4, [3, 3, 2, 2]), (9, 3, [3, 3, 3]), (5, 5, [1] * 5)])
def test_folds_partition_the_examples(m, k, sizes):
    folds = dlfp.fold_indices(m, k, 42)
    assert [len(f) for f in folds] == sizes
    assert sorted(np.concatenate(folds).tolist()) == list(range(m))


def test_each_fold_matches_an_independent_retraining(tmp_path):
    r = dlfp.run_scenario(write(tmp_path, CIRCLES))
    cv = r["cross_validation"]
    p = dlfp.prepare_scenario(write(tmp_path, CIRCLES))
    rows = np.column_stack([p["X"].T, p["labels"]])
    for k, fold in enumerate(cv["folds"]):
        test = np.asarray(fold["test_index"])
        train = np.setdiff1d(np.arange(rows.shape[0]), test)
        np.savetxt(tmp_path / f"train{k}.csv", rows[train], delimiter=",", fmt="%.17g")
        np.savetxt(tmp_path / f"test{k}.csv", rows[test], delimiter=",", fmt="%.17g")
        alone = {key: v for key, v in CIRCLES.items() if key != "validation"}
        alone["data"] = {"csv": f"train{k}.csv", "test_csv": f"test{k}.csv"}
        again = dlfp.run_scenario(write(tmp_path, alone, f"fold{k}.json"))
        assert again["test_accuracy"] == fold["test_accuracy"]
        assert again["train_accuracy"] == fold["train_accuracy"]
        assert again["loss_curve"][-1, 1] == fold["final_cost"]
    scores = [f["test_accuracy"] for f in cv["folds"]]
    mean = sum(scores) / 4
    assert cv["mean_test_accuracy"] == pytest.approx(mean, abs=1e-15)
    assert cv["std_test_accuracy"] == pytest.approx(
        (sum((s - mean) ** 2 for s in scores) / 4) ** 0.5, abs=1e-15)  # ddof 0


def test_the_result_json_carries_the_folds_zero_based(tmp_path, capsys):
    from dlfp.__main__ import main

    out = tmp_path / "r.json"
    assert main(["run", write(tmp_path, CIRCLES), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("fold ") == 4 and "cross-validation: mean test accuracy" in printed
    cv = json.loads(out.read_text())["cross_validation"]
    assert sorted(i for f in cv["folds"] for i in f["test_index"]) == list(range(60))
    assert set(cv) == {"folds", "mean_test_accuracy", "std_test_accuracy"}


def test_more_folds_than_examples_is_named(tmp_path):
    s = dict(CIRCLES, validation={"folds": 61})
    with pytest.raises(dlfp.DlfpError, match=r"^dlfp: cross_validate: 'validation.folds' is 61 "
                                             r"but the data have 60 examples$"):
        dlfp.run_scenario(write(tmp_path, s))


def test_divergence_stops_with_one_line_and_no_warning(tmp_path, capsys):
    from dlfp.__main__ import main

    # relu is unbounded: at this rate the weights overflow to inf, and then NaN follows
    s = dict(CIRCLES, activations=["relu", "sigmoid"], learning_rate=1e300, epochs=50,
             record_every=25)
    del s["validation"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a numpy RuntimeWarning would fail here
        assert main(["run", write(tmp_path, s), "--quiet", "--out", str(tmp_path / "r.json")]) == 2
    err = capsys.readouterr().err
    assert err == ("dlfp: train: diverged at epoch 1 (cost nan): try a smaller learning_rate "
                   "(now 1e+300)\n")
    assert not (tmp_path / "r.json").exists()


def test_divergence_is_caught_on_an_epoch_that_is_not_recorded(tmp_path):
    s = dict(CIRCLES, activations=["relu", "sigmoid"], learning_rate=1e300, epochs=50,
             record_every=1000)
    del s["validation"]
    with pytest.raises(dlfp.DlfpError, match=r"diverged at epoch 1 \(cost nan\)"):
        dlfp.run_scenario(write(tmp_path, s))


sklearn = pytest.importorskip("sklearn")


def test_estimator_passes_check_estimator():
    from sklearn.utils.estimator_checks import check_estimator

    from dlfp.estimator import DLFPClassifier

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the array-API check announces its skip as a warning
        results = check_estimator(DLFPClassifier(), on_fail=None)
    failed = [r["check_name"] for r in results if r["status"] == "failed"]
    assert len(results) > 40 and failed == []


def test_estimator_in_cross_val_score_grid_search_and_pipeline():
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import GridSearchCV, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from dlfp.estimator import DLFPClassifier

    X, y = load_breast_cancer(return_X_y=True)
    pipe = make_pipeline(StandardScaler(), DLFPClassifier(epochs=100))
    assert cross_val_score(pipe, X, y, cv=3).mean() > 0.9
    grid = GridSearchCV(pipe, {"dlfpclassifier__hidden_layer_sizes": [(2,), (5,)]}, cv=3)
    assert grid.fit(X, y).best_score_ > 0.9


def test_estimator_labels_and_probabilities():
    from dlfp.estimator import DLFPClassifier

    p = dlfp.prepare_scenario(str(ROOT / "fixtures" / "scenarios" / "spiral_softmax.json"))
    X, y = p["X"].T, np.array(["a", "b", "c"])[p["labels"].astype(int)]
    est = DLFPClassifier(hidden_layer_sizes=(50,), learning_rate=0.05, epochs=300).fit(X, y)
    assert list(est.classes_) == ["a", "b", "c"]
    proba = est.predict_proba(X)
    assert proba.shape == (300, 3) and np.allclose(proba.sum(axis=1), 1)
    assert est.score(X, y) > 0.9
    assert len(est.loss_curve_) == 300 and est.loss_curve_[-1] < est.loss_curve_[0]
    # the same network as the scenario functions build and train
    s = est._scenario(2, 3)
    params0, rng = dlfp.initialize_parameters(s["layers"], "he", dlfp.rng_create(1))
    params, _, _, _ = dlfp.train(X.T, dlfp.labels_to_targets(p["labels"], "softmax", 3), params0,
                              s["activations"], s, rng)
    assert np.array_equal(est.params_["W2"], params["W2"])


def test_the_default_split_seed_is_the_next_seed_wrapped(tmp_path):
    # the scenario's own seed would sort the very uniforms a generator drew the data from
    # (the donut's angles): every fold would be one slice of the ring
    s = dlfp.read_scenario(write(tmp_path, dict(CIRCLES, validation={"folds": 3}, seed=7)))
    assert s["validation"] == {"folds": 3, "seed": 8}
    s = dlfp.read_scenario(write(tmp_path, dict(CIRCLES, validation={"folds": 3},
                                                seed=2147483645)))
    assert s["validation"]["seed"] == 0


@pytest.mark.parametrize("lang", ["r", "octave"])
def test_estimator_trained_in_another_language_predicts_the_same_labels(lang):
    from conftest import require_language
    from dlfp.estimator import DLFPClassifier

    require_language(lang)
    p = dlfp.prepare_scenario(str(ROOT / "fixtures" / "scenarios" / "one_hidden_circles.json"))
    X, y = p["X"].T, np.where(p["labels"] > 0, "inner", "outer")
    settings = dict(hidden_layer_sizes=(4,), activation="tanh", init="xavier", epochs=150,
                    learning_rate=0.05, seed=2)
    here = DLFPClassifier(**settings).fit(X, y)
    there = DLFPClassifier(language=lang, **settings).fit(X, y)
    assert np.array_equal(there.predict(X), here.predict(X))
    assert np.allclose(there.params_["W1"], here.params_["W1"], rtol=0, atol=1e-12)
    assert there.loss_curve_ == pytest.approx(here.loss_curve_, rel=1e-9)
