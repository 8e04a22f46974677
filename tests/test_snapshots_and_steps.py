"""Snapshots of the parameters (snapshot_every), and train's in-place steps against the public
updates that return new values."""
import json

import numpy as np
import pytest

import dlfp
from dlfp.optimizers import OPTIMIZERS, STEPS, initialize_optimizer, initialize_work

BASE = {"name": "snap", "data": {"generator": "circles", "n_per_class": 30}, "layers": [2, 5, 3, 1],
        "activations": ["tanh", "relu", "sigmoid"], "init": "xavier", "seed": 4,
        "learning_rate": 0.3, "record_every": 2}


def scenario(tmp_path, **fields):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(dict(BASE, **fields)))
    return str(path)


@pytest.mark.parametrize("epochs, every, want", [(5, 2, [0, 2, 4, 5]), (4, 2, [0, 2, 4]),
                                                 (3, 7, [0, 3]), (1, 1, [0, 1])])
def test_snapshot_epochs(tmp_path, epochs, every, want):
    r = dlfp.run_scenario(scenario(tmp_path, epochs=epochs, snapshot_every=every))
    assert [s["epoch"] for s in r["snapshots"]] == want


def test_no_snapshots_by_default(tmp_path):
    r = dlfp.run_scenario(scenario(tmp_path, epochs=3))
    assert "snapshots" not in r


@pytest.mark.parametrize("fields", [{}, {"batch_size": 16, "keep_prob": 0.8, "optimizer": "adam",
                                         "learning_rate": 0.05}])
def test_a_snapshot_is_the_run_stopped_at_its_epoch(tmp_path, fields):
    # the stream is one sequence: the first e epochs of a long run are the run of e epochs
    r = dlfp.run_scenario(scenario(tmp_path, epochs=9, snapshot_every=3, **fields))
    snaps = {s["epoch"]: s["params"] for s in r["snapshots"]}
    for k, v in r["initial_params"].items():
        assert np.array_equal(snaps[0][k], v)
    for k, v in r["final_params"].items():
        assert np.array_equal(snaps[9][k], v)
    for e in (3, 6):
        short = dlfp.run_scenario(scenario(tmp_path, epochs=e, **fields))
        for k, v in short["final_params"].items():
            assert np.array_equal(snaps[e][k], v), (e, k)
    assert not np.array_equal(snaps[3]["W1"], snaps[6]["W1"])  # they are not one shared array


def test_snapshots_in_the_written_result(tmp_path):
    out = tmp_path / "r.json"
    dlfp.write_result(dlfp.run_scenario(scenario(tmp_path, epochs=3, snapshot_every=2)), str(out))
    snaps = json.loads(out.read_text())["snapshots"]
    assert [s["epoch"] for s in snaps] == [0, 2, 3]
    assert sorted(snaps[0]["params"]) == ["W1", "W2", "W3", "b1", "b2", "b3"]
    assert np.shape(snaps[1]["params"]["W2"]) == (3, 5) and np.shape(snaps[1]["params"]["b3"]) == (1, 1)


@pytest.mark.parametrize("name", sorted(STEPS))
def test_in_place_step_gives_the_public_update_bit_for_bit(name):
    rng = np.random.default_rng(7)
    params = {"W1": rng.standard_normal((4, 3)), "b1": rng.standard_normal((4, 1))}
    settings = {"beta": 0.8, "beta1": 0.9, "beta2": 0.99, "epsilon": 1e-8}
    state = initialize_optimizer(params)
    mine = {k: v.copy() for k, v in params.items()}
    my_state = initialize_optimizer(params)
    work = initialize_work(params)
    for t in range(1, 4):
        grads = {f"d{k}": rng.standard_normal(v.shape) for k, v in params.items()}
        before = {k: v.copy() for k, v in params.items()}
        params, state = OPTIMIZERS[name](params, grads, state, 0.01, settings, t)
        STEPS[name](mine, grads, my_state, work, 0.01, settings, t)
        for k in params:
            assert np.array_equal(mine[k], params[k]), (name, t, k)
            assert not np.array_equal(before[k], params[k])
    for part in ("v", "s"):
        for k in state[part]:
            assert np.array_equal(my_state[part][k], state[part][k])


def test_train_leaves_the_initial_parameters_alone(tmp_path):
    p = dlfp.prepare_scenario(scenario(tmp_path, epochs=3, optimizer="adam"))
    before = {k: v.copy() for k, v in p["params0"].items()}
    dlfp.train(p["X"], p["Y"], p["params0"], p["scenario"]["activations"], p["scenario"], p["rng"])
    for k, v in before.items():
        assert np.array_equal(p["params0"][k], v)
