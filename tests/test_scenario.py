"""Scenario files, data loading and bad input, in the Python twin."""
import json
import os

import numpy as np
import pytest

import dlfp

BASE = {"name": "t", "data": {"csv": "d.csv"}, "layers": [2, 3, 1],
        "activations": ["tanh", "sigmoid"], "learning_rate": 0.5, "epochs": 20,
        "record_every": 5}


def write(tmp_path, scenario, rows=None, name="s.json"):
    if rows is not None:
        (tmp_path / "d.csv").write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n")
    p = tmp_path / name
    p.write_text(json.dumps(scenario) if not isinstance(scenario, str) else scenario)
    return str(p)


ROWS = [[0.0, 1.0, 1], [1.0, 0.0, 1], [0.0, 0.0, 0], [1.0, 1.0, 0]]


def test_defaults_are_filled(tmp_path):
    s = dlfp.read_scenario(write(tmp_path, BASE, ROWS))
    assert (s["init"], s["seed"], s["optimizer"], s["description"]) == ("scaled", 1, "gd", "")


def test_csv_is_read_one_example_per_row(tmp_path):
    X, labels = dlfp.load_data(dlfp.read_scenario(write(tmp_path, BASE, ROWS)))
    assert X.tolist() == [[0, 1, 0, 1], [1, 0, 0, 1]]
    assert labels.tolist() == [1, 1, 0, 0]


def test_loss_curve_records_every_k_and_the_last_epoch(tmp_path):
    r = dlfp.run_scenario(write(tmp_path, dict(BASE, epochs=12), ROWS))
    assert r["loss_curve"][:, 0].tolist() == [0, 5, 10, 11]
    # the first record is the cost at the initial parameters, before any update
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])
    X = np.array([[0.0, 1, 0, 1], [1, 0, 0, 1]])
    _, caches = dlfp.forward_propagation(X, r["initial_params"], ["tanh", "sigmoid"])
    assert r["loss_curve"][0, 1] == dlfp.compute_cost(caches[-1]["Z"], Y, "sigmoid")


def test_generator_data_uses_data_seed_or_the_scenario_seed(tmp_path):
    sc = dict(BASE, data={"generator": "xor", "n": 10}, seed=4)
    X1, _ = dlfp.load_data(dlfp.read_scenario(write(tmp_path, sc)))
    u, _ = dlfp.rng_uniform(dlfp.rng_create(4), 20)
    assert np.array_equal(X1, np.vstack([2 * u[:10] - 1, 2 * u[10:] - 1]))
    sc["data"]["seed"] = 5
    X2, _ = dlfp.load_data(dlfp.read_scenario(write(tmp_path, sc)))
    assert not np.array_equal(X1, X2)


def test_write_result_round_trips_every_bit(tmp_path):
    r = dlfp.run_scenario(write(tmp_path, BASE, ROWS))
    out = tmp_path / "r.json"
    dlfp.write_result(r, str(out))
    back = json.loads(out.read_text())
    assert np.array_equal(np.array(back["final_params"]["W1"]), r["final_params"]["W1"])
    assert np.array_equal(np.array(back["loss_curve"]), r["loss_curve"])


def test_write_result_never_leaves_half_a_file(tmp_path):
    out = tmp_path / "r.json"
    out.write_text('{"old": true}\n')
    with pytest.raises(dlfp.DlfpError, match="dlfp: write_result: the result holds NaN or Inf"):
        dlfp.write_result({"name": "x", "bad": float("nan")}, str(out))
    assert out.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_phrases_follow_the_bounds():
    """Messages are worded from the rules' bounds, so a new row needs no new sentence."""
    assert dlfp.schema.integer_phrase({"min": 1}) == "a positive integer"
    assert dlfp.schema.integer_phrase({"min": 0, "note": "0: off"}) == "a non-negative integer (0: off)"
    assert dlfp.schema.integer_phrase({"min": 3}) == "an integer of at least 3"
    assert dlfp.schema.integer_phrase({"min": 1, "max": 9}, plural=True) == "integers from 1 to 9"
    assert dlfp.schema.number_phrase({"exclusive_min": 0}) == "a positive number"
    assert dlfp.schema.number_phrase({"min": 0}) == "a non-negative number"
    assert dlfp.schema.number_phrase({"exclusive_min": 0, "max": 1}) == "a number in (0, 1]"
    assert dlfp.schema.number_phrase({"min": 0, "exclusive_max": 1}) == "a number in [0, 1)"
    assert dlfp.schema.number_phrase({"min": 0.5}) == "a number of at least 0.5"


def test_every_default_comes_from_the_rules(tmp_path):
    s = dlfp.read_scenario(write(tmp_path, dict(BASE, data={"generator": "spiral"}), ROWS))
    assert s["data"] == {"generator": "spiral", "seed": 1, "n_per_class": 100, "classes": 3,
                         "noise": 0.2}
    assert (s["beta2"], s["epsilon"], s["lr_decay"]) == (0.999, 1e-8, {"kind": "none"})


def test_a_checked_scenario_has_plain_types(tmp_path):
    s = dlfp.read_scenario(write(tmp_path, dict(BASE, epochs=20.0, learning_rate=1), ROWS))
    assert type(s["epochs"]) is int and type(s["learning_rate"]) is float
    assert s["layers"] == [2, 3, 1]


def test_missing_field_is_named(tmp_path):
    sc = dict(BASE)
    del sc["epochs"]
    with pytest.raises(dlfp.DlfpError, match="dlfp: read_scenario: missing field 'epochs'"):
        dlfp.read_scenario(write(tmp_path, sc, ROWS))


def test_missing_and_malformed_files(tmp_path):
    with pytest.raises(dlfp.DlfpError, match="dlfp: read_scenario: no such file: "):
        dlfp.read_scenario(str(tmp_path / "nope.json"))
    with pytest.raises(dlfp.DlfpError, match="dlfp: read_scenario: malformed JSON in "):
        dlfp.read_scenario(write(tmp_path, '{"name": "t", '))
    with pytest.raises(dlfp.DlfpError, match="dlfp: load_data: no such file: "):
        dlfp.run_scenario(write(tmp_path, dict(BASE, data={"csv": "gone.csv"})))
    (tmp_path / "d.csv").write_text("1,2,x\n")
    with pytest.raises(dlfp.DlfpError, match="dlfp: load_data: malformed CSV in "):
        dlfp.run_scenario(write(tmp_path, BASE))


@pytest.mark.parametrize("rows,message", [
    ([[0, 1, 1], [1, "1e999", 0]], "dlfp: check_data: X has NaN or Inf at feature 2, example 2"),
    ([[0, 1, 1], [1, 0, 2]], r"dlfp: check_data: label 2 at example 2 is out of range 0..1"),
    ([[0, 1, 1], [1, 0, 0.5]], r"dlfp: check_data: label 0.5 at example 2 is out of range 0..1"),
    ([[0, 1, 2, 1], [1, 0, 2, 0]],
     "dlfp: check_data: the data have 3 features but the first layer has 2 units"),
])
def test_bad_data_is_named(tmp_path, rows, message):
    with pytest.raises(dlfp.DlfpError, match=message):
        dlfp.run_scenario(write(tmp_path, BASE, rows))


def test_load_checked_data_reads_and_checks_the_training_and_test_sets(tmp_path):
    (tmp_path / "t.csv").write_text("5,6,1\n")
    sc = dict(BASE, data={"csv": "d.csv", "test_csv": "t.csv"})
    d = dlfp.load_checked_data(dlfp.read_scenario(write(tmp_path, sc, ROWS)))
    assert list(d) == ["X", "labels", "X_test", "labels_test"]
    assert d["X"].tolist() == [[0, 1, 0, 1], [1, 0, 0, 1]]
    assert d["labels"].tolist() == [1, 1, 0, 0]
    assert (d["X_test"].tolist(), d["labels_test"].tolist()) == ([[5], [6]], [1])
    d = dlfp.load_checked_data(dlfp.read_scenario(write(tmp_path, BASE, ROWS)))
    assert d["X_test"] is None and d["labels_test"] is None
    (tmp_path / "t.csv").write_text("5,6,2\n")  # the test set is checked too
    with pytest.raises(dlfp.DlfpError) as e:
        dlfp.load_checked_data(dlfp.read_scenario(write(tmp_path, sc)))
    assert str(e.value) == "dlfp: check_data: label 2 at example 1 is out of range 0..1"


def test_softmax_labels_are_checked_against_the_classes(tmp_path):
    sc = dict(BASE, layers=[2, 3, 3], activations=["relu", "softmax"])
    with pytest.raises(dlfp.DlfpError, match=r"label 3 at example 1 is out of range 0..2"):
        dlfp.run_scenario(write(tmp_path, sc, [[0, 1, 3], [1, 0, 0]]))


def test_cli_writes_result_and_reports_errors(tmp_path, capsys):
    from dlfp.__main__ import main

    out = tmp_path / "r.json"
    assert main(["run", write(tmp_path, BASE, ROWS), "--out", str(out), "--quiet"]) == 0
    assert json.loads(out.read_text())["name"] == "t"
    assert main(["run", str(tmp_path / "nope.json")]) == 2
    assert "dlfp: read_scenario: no such file" in capsys.readouterr().err


def test_cli_checks_out_before_training(tmp_path, capsys, monkeypatch):
    from dlfp.__main__ import main

    trained = []
    monkeypatch.setattr("dlfp.__main__.run_scenario", lambda *a, **k: trained.append(1))
    assert main(["run", write(tmp_path, BASE, ROWS), "--out", str(tmp_path / "no" / "r.json")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"dlfp: write_result: no such folder: {tmp_path / 'no'}")
    assert main(["run", write(tmp_path, BASE, ROWS), "--out", ""]) == 2
    assert capsys.readouterr().err.strip() == "dlfp: write_result: the result path is empty"
    assert trained == []


def test_result_mode_follows_the_umask(tmp_path):
    out = tmp_path / "r.json"
    old = os.umask(0o022)
    try:
        dlfp.write_result({"name": "x", "v": 1.5}, str(out))
        assert (out.stat().st_mode & 0o777) == 0o644
        os.umask(0o027)
        dlfp.write_result({"name": "x", "v": 2.5}, str(out))
        assert (out.stat().st_mode & 0o777) == 0o640
    finally:
        os.umask(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_prepare_scenario_reads_once_and_run_scenario_takes_it(tmp_path):
    path = write(tmp_path, BASE, ROWS)
    from_path = dlfp.run_scenario(path)
    p = dlfp.prepare_scenario(path)
    assert p["X"].shape == (2, 4) and p["Y"].shape == (1, 4) and p["X_test"] is None
    os.remove(tmp_path / "d.csv")  # a prepared scenario never reads its data again
    from_prepared = dlfp.run_scenario(p)
    assert np.array_equal(from_prepared["final_params"]["W1"], from_path["final_params"]["W1"])
    assert np.array_equal(from_prepared["loss_curve"], from_path["loss_curve"])
    with pytest.raises(dlfp.DlfpError, match="no such file"):
        dlfp.run_scenario(p["scenario"])  # a checked scenario is prepared: its data are read


def test_cli_predict_and_gradcheck(tmp_path, capsys):
    from dlfp.__main__ import main

    out = tmp_path / "r.json"
    assert main(["run", write(tmp_path, BASE, ROWS), "--out", str(out), "--quiet"]) == 0
    (tmp_path / "new.csv").write_text("0,1\n1,1\n")
    capsys.readouterr()
    assert main(["predict", str(tmp_path / "s.json"), str(out), str(tmp_path / "new.csv")]) == 0
    r = json.loads(out.read_text())
    params = {k: np.array(v) for k, v in r["final_params"].items()}
    want = dlfp.predict_labels(np.array([[0.0, 1.0], [1.0, 1.0]]), params, ["tanh", "sigmoid"])
    assert capsys.readouterr().out.split() == [str(int(v)) for v in want]
    (tmp_path / "bad.csv").write_text("0,1,2\n")
    assert main(["predict", str(tmp_path / "s.json"), str(out), str(tmp_path / "bad.csv")]) == 2
    assert "the data have 3 features but the first layer has 2 units" in capsys.readouterr().err
    g = write(tmp_path, dict(BASE, init="xavier", seed=3), ROWS, name="g.json")
    assert main(["gradcheck", g, "--examples", "4"]) == 0
    assert "ok" in capsys.readouterr().out


def test_progress_is_called_once_per_epoch_with_the_recorded_costs(tmp_path):
    seen = []
    r = dlfp.run_scenario(write(tmp_path, dict(BASE, epochs=7, record_every=3), ROWS),
                          progress=lambda e, cost: seen.append((e, cost)))
    assert [e for e, _ in seen] == list(range(7))
    assert [c for _, c in seen if c is not None] == r["loss_curve"][:, 1].tolist()
