"""Chapters 5-8 in the Python twin: optimizers, schedules, mini-batches, L2, dropout,
gradient checking and the IDX reader, against hand-worked values."""
import gzip
import json
import math

import numpy as np
import pytest

import dlfp

HP = {"beta": 0.9, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}


def one(v):
    return {"W1": np.array([[v]])}


def test_momentum_by_hand():
    p, st = dlfp.update_parameters_momentum(one(1.0), {"dW1": np.array([[2.0]])},
                                            {"v": one(0.0), "s": one(0.0)}, 0.1, HP, 1)
    # v = 0.9 * 0 + 0.1 * 2 = 0.2 ; p = 1 - 0.1 * 0.2 = 0.98
    assert st["v"]["W1"][0, 0] == pytest.approx(0.2, abs=1e-15)
    assert p["W1"][0, 0] == pytest.approx(0.98, abs=1e-15)


def test_rmsprop_by_hand():
    p, st = dlfp.update_parameters_rmsprop(one(1.0), {"dW1": np.array([[2.0]])},
                                           {"v": one(0.0), "s": one(0.0)}, 0.1, HP, 1)
    # s = 0.1 * 4 = 0.4 ; p = 1 - 0.1 * 2 / (sqrt(0.4) + 1e-8)
    assert st["s"]["W1"][0, 0] == pytest.approx(0.4, abs=1e-15)
    assert p["W1"][0, 0] == pytest.approx(1 - 0.2 / (math.sqrt(0.4) + 1e-8), abs=1e-15)


def test_adam_first_step_moves_by_lr_times_sign():
    # with bias correction, step 1 is lr * g / (|g| + eps): about lr whatever |g| is
    for g in (2.0, -0.003):
        p, st = dlfp.update_parameters_adam(one(1.0), {"dW1": np.array([[g]])},
                                            {"v": one(0.0), "s": one(0.0)}, 0.01, HP, 1)
        assert p["W1"][0, 0] == pytest.approx(1 - 0.01 * math.copysign(1, g), abs=1e-7)
        assert st["v"]["W1"][0, 0] == pytest.approx(0.1 * g, rel=1e-15)
        assert st["s"]["W1"][0, 0] == pytest.approx(0.001 * g * g, rel=1e-15)


def test_adam_second_step_by_hand():
    st = {"v": one(0.2), "s": one(0.004)}
    p, st = dlfp.update_parameters_adam(one(1.0), {"dW1": np.array([[1.0]])}, st, 0.01, HP, 2)
    v = 0.9 * 0.2 + 0.1 * 1.0
    s = 0.999 * 0.004 + 0.001 * 1.0
    want = 1 - 0.01 * (v / (1 - 0.81)) / (math.sqrt(s / (1 - 0.999 ** 2)) + 1e-8)
    assert p["W1"][0, 0] == pytest.approx(want, rel=1e-14)


def test_optimizers_leave_their_inputs_alone():
    params, grads = one(1.0), {"dW1": np.array([[2.0]])}
    state = {"v": one(0.0), "s": one(0.0)}
    for name, update in dlfp.OPTIMIZERS.items():
        update(params, grads, state, 0.1, HP, 1)
        assert params["W1"][0, 0] == 1.0 and state["v"]["W1"][0, 0] == 0.0, name


def test_learning_rate_schedules():
    s = {"learning_rate": 0.1, "lr_decay": {"kind": "exponential", "rate": 0.5, "every": 10}}
    assert dlfp.learning_rate_at(s, 0) == 0.1
    assert dlfp.learning_rate_at(s, 10) == pytest.approx(0.05)
    assert dlfp.learning_rate_at(s, 5) == pytest.approx(0.1 * math.sqrt(0.5))
    s["lr_decay"] = {"kind": "inverse_time", "rate": 1.0, "every": 10}
    assert [dlfp.learning_rate_at(s, e) for e in (0, 9, 10, 25)] == \
        pytest.approx([0.1, 0.1, 0.05, 0.1 / 3])
    s["lr_decay"] = {"kind": "none"}
    assert dlfp.learning_rate_at(s, 99) == 0.1


def test_permutation_is_the_order_of_the_uniforms():
    perm, rng = dlfp.rng_permutation(dlfp.rng_create(3), 6)
    u, rng2 = dlfp.rng_uniform(dlfp.rng_create(3), 6)
    assert sorted(perm.tolist()) == list(range(6))
    assert all(u[perm[i]] < u[perm[i + 1]] for i in range(5))
    assert rng == rng2


def test_l2_adds_to_cost_and_gradient():
    params = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[3.0]])}
    assert dlfp.l2_penalty(params, 0.5, 4) == pytest.approx(0.5 / 8 * 5)  # biases not counted
    X = np.array([[1.0, 0.0], [0.0, 1.0]])
    Y = np.array([[1.0, 0.0]])
    plain = dlfp.forward_backward(X, Y, params, ["sigmoid"])
    reg = dlfp.forward_backward(X, Y, params, ["sigmoid"], 0.5)
    assert reg["cost"] - plain["cost"] == pytest.approx(0.5 / 4 * 5)
    assert reg["dW1"] - plain["dW1"] == pytest.approx(0.5 / 2 * params["W1"])
    assert np.array_equal(reg["db1"], plain["db1"])


def test_dropout_masks_hidden_layers_only_from_the_stream():
    params, _ = dlfp.initialize_parameters([3, 4, 5, 2], "he", dlfp.rng_create(1))
    X = np.ones((3, 6))
    AL, caches, rng = dlfp.forward_propagation_dropout(X, params, ["relu", "tanh", "softmax"],
                                                       0.5, dlfp.rng_create(9))
    u, rng2 = dlfp.rng_uniform(dlfp.rng_create(9), 4 * 6 + 5 * 6)
    assert np.array_equal(caches[0]["D"], (u[:24].reshape(4, 6, order="F") < 0.5))
    assert np.array_equal(caches[1]["D"], (u[24:].reshape(5, 6, order="F") < 0.5))
    assert "D" not in caches[2] and rng == rng2
    # inverted dropout: the next layer sees A .* D / keep_prob
    assert np.array_equal(caches[1]["A_prev"], caches[0]["A"] * caches[0]["D"] / 0.5)


def test_dropout_gradient_matches_finite_differences_with_the_masks_fixed():
    params, _ = dlfp.initialize_parameters([3, 4, 1], "xavier", dlfp.rng_create(2))
    X = np.linspace(-1, 1, 15).reshape(3, 5)
    Y = np.array([[1.0, 0, 1, 0, 1]])
    acts = ["tanh", "sigmoid"]

    def cost(p):  # the same masks each time: the same rng state
        _, c, _ = dlfp.forward_propagation_dropout(X, p, acts, 0.7, dlfp.rng_create(4))
        return dlfp.compute_cost(c[-1]["Z"], Y, "sigmoid")

    AL, caches, _ = dlfp.forward_propagation_dropout(X, params, acts, 0.7, dlfp.rng_create(4))
    g = dlfp.backward_propagation(AL, Y, caches, params, acts, 0.0, 0.7)["dW1"]
    h = 1e-6
    num = np.zeros_like(g)
    for idx in np.ndindex(g.shape):
        plus = dict(params, W1=params["W1"].copy())
        minus = dict(params, W1=params["W1"].copy())
        plus["W1"][idx] += h
        minus["W1"][idx] -= h
        num[idx] = (cost(plus) - cost(minus)) / (2 * h)
    assert np.linalg.norm(g - num) / (np.linalg.norm(g) + np.linalg.norm(num)) < 1e-8


def test_gradient_check_passes_and_catches_a_wrong_gradient(monkeypatch):
    params, _ = dlfp.initialize_parameters([2, 5, 3], "he", dlfp.rng_create(3))
    params = {k: v + 0.05 for k, v in params.items()}
    X, _ = dlfp.rng_normal(dlfp.rng_create(4), 20)
    X = X.reshape(2, 10)
    Y = dlfp.labels_to_targets(np.arange(10) % 3, "softmax", 3)
    r = dlfp.gradient_check(X, Y, params, ["tanh", "softmax"], 0.3)
    assert r["difference"] < 1e-7 and r["checked"] == 33 and r["kinks"] == 0
    import dlfp.gradcheck as gc

    real = gc.backward_propagation
    monkeypatch.setattr(gc, "backward_propagation",
                        lambda *a: {k: v * (1.001 if k == "db2" else 1) for k, v in real(*a).items()})
    assert dlfp.gradient_check(X, Y, params, ["tanh", "softmax"], 0.3)["difference"] > 1e-5


def test_gradient_check_reports_relu_kinks():
    # one example at x = 0 with zero biases puts every relu exactly on its kink
    params = {"W1": np.array([[1.0], [-1.0]]), "b1": np.zeros((2, 1)),
              "W2": np.array([[1.0, 1.0]]), "b2": np.zeros((1, 1))}
    r = dlfp.gradient_check(np.zeros((1, 1)), np.ones((1, 1)), params, ["relu", "sigmoid"])
    assert r["kinks"] == 2 and r["checked"] == 5  # b1's two entries skipped


def test_minibatch_epoch_loss_is_the_size_weighted_mean(tmp_path):
    sc = {"name": "mb", "data": {"generator": "xor", "n": 10}, "layers": [2, 3, 1],
          "activations": ["tanh", "sigmoid"], "learning_rate": 0.0001, "epochs": 1,
          "batch_size": 4, "optimizer": "gd", "init": "he", "seed": 2}
    p = tmp_path / "mb.json"
    p.write_text(json.dumps(sc))
    r = dlfp.run_scenario(str(p))
    s = dlfp.read_scenario(str(p))
    X, labels = dlfp.load_data(s)
    Y = dlfp.labels_to_targets(labels, "sigmoid", 1)
    params, rng = dlfp.initialize_parameters([2, 3, 1], "he", dlfp.rng_create(2))
    perm, _ = dlfp.rng_permutation(rng, 10)
    total = 0.0
    for idx in (perm[:4], perm[4:8], perm[8:]):
        c = dlfp.forward_backward(X[:, idx], Y[:, idx], params, ["tanh", "sigmoid"])
        total += c["cost"] * idx.size
        params = dlfp.update_parameters(params, {k: v for k, v in c.items() if k.startswith("d")},
                                        0.0001)
    assert r["loss_curve"][0, 1] == pytest.approx(total / 10, rel=1e-14)
    assert np.array_equal(r["final_params"]["W1"], params["W1"])


def test_idx_round_trip_raw_and_gzip(tmp_path):
    images = np.arange(2 * 3 * 4).reshape(2, 3, 4) % 256
    for name in ("x.idx", "x.idx.gz"):
        dlfp.write_idx(str(tmp_path / name), images)
        X = dlfp.read_idx(str(tmp_path / name))
        assert X.shape == (12, 2)
        assert np.array_equal(X[:, 1], images[1].ravel())  # one column per item, row-major
    dlfp.write_idx(str(tmp_path / "y.idx"), np.array([3, 1, 4]))
    assert dlfp.read_idx(str(tmp_path / "y.idx")).tolist() == [3, 1, 4]


def test_idx_errors(tmp_path):
    dlfp.write_idx(str(tmp_path / "x.idx"), np.zeros((2, 2, 2)))
    raw = (tmp_path / "x.idx").read_bytes()
    (tmp_path / "short.idx").write_bytes(raw[:-1])
    with pytest.raises(dlfp.DlfpError, match=r"read_idx: .*short.idx holds 7 data bytes but its "
                                             r"header 2x2x2 needs 8 \(truncated\)"):
        dlfp.read_idx(str(tmp_path / "short.idx"))
    (tmp_path / "magic.idx").write_bytes(b"\x01\x02" + raw[2:])
    with pytest.raises(dlfp.DlfpError, match="read_idx: wrong magic in .*: not an IDX file"):
        dlfp.read_idx(str(tmp_path / "magic.idx"))
    (tmp_path / "cut.gz").write_bytes(gzip.compress(raw)[:-12])
    with pytest.raises(dlfp.DlfpError, match="read_idx: truncated or corrupt gzip file"):
        dlfp.read_idx(str(tmp_path / "cut.gz"))
    with pytest.raises(dlfp.DlfpError, match="read_idx: no such file"):
        dlfp.read_idx(str(tmp_path / "none.idx"))


def test_idx_scenario_scales_limits_and_reports_test_accuracy(tmp_path):
    z, _ = dlfp.rng_uniform(dlfp.rng_create(1), 40 * 4)
    imgs = np.floor(z * 256).reshape(40, 2, 2)
    labels = (imgs[:, 0, 0] > 127).astype(int)
    for prefix in ("train", "test"):
        dlfp.write_idx(str(tmp_path / f"{prefix}-images.gz"), imgs)
        dlfp.write_idx(str(tmp_path / f"{prefix}-labels.gz"), labels)
    sc = {"name": "idx", "layers": [4, 2], "activations": ["softmax"], "learning_rate": 0.5,
          "epochs": 200, "init": "he", "record_every": 50,
          "data": {"idx_images": "train-images.gz", "idx_labels": "train-labels.gz",
                   "test_idx_images": "test-images.gz", "test_idx_labels": "test-labels.gz",
                   "limit": 30}}
    (tmp_path / "s.json").write_text(json.dumps(sc))
    s = dlfp.read_scenario(str(tmp_path / "s.json"))
    X, y = dlfp.load_data(s)
    assert X.shape == (4, 30) and X.max() <= 1.0
    assert np.array_equal(X[:, 0], imgs[0].ravel() / 255.0)
    r = dlfp.run_scenario(str(tmp_path / "s.json"))
    assert r["test_accuracy"] > 0.9
