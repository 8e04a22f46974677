"""The network math against hand-worked cases and finite differences."""
import math

import numpy as np
import pytest

import dlfp


def sig(x):
    return 1.0 / (1.0 + math.exp(-x))


def test_hand_worked_one_hidden_layer_of_two_sigmoids():
    # x = [0, 1], every weight 1, biases 0: hidden sigmoid(1) = 0.731 each, output 0.812
    params = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1)),
              "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
    AL, caches = dlfp.forward_propagation(np.array([[0.0], [1.0]]), params,
                                          ["sigmoid", "sigmoid"])
    assert caches[0]["A"][:, 0] == pytest.approx([0.7310585786300049] * 2, abs=1e-15)
    assert AL[0, 0] == pytest.approx(sig(2 * 0.7310585786300049), abs=1e-15)
    assert round(AL[0, 0], 3) == 0.812


def test_softmax_of_1_3_6():
    A = dlfp.softmax_forward(np.array([[1.0], [3.0], [6.0]]))
    assert A[:, 0] == pytest.approx([0.006377, 0.04712, 0.9465], abs=1e-4)
    assert A.sum() == pytest.approx(1.0, abs=1e-15)


def test_softmax_survives_huge_logits():
    A = dlfp.softmax_forward(np.array([[1000.0, -1000.0], [1001.0, -1000.0]]))
    assert np.isfinite(A).all()
    assert A[:, 1] == pytest.approx([0.5, 0.5])


def test_softmax_cross_entropy_gradient_is_p_minus_y():
    # logits whose softmax is p = [0.1, 0.7, 0.2]; one-hot y = [0, 1, 0]; dZ = p - y
    p = np.array([[0.1], [0.7], [0.2]])
    Z = np.log(p)
    Y = np.array([[0.0], [1.0], [0.0]])
    params = {"W1": np.eye(3), "b1": np.zeros((3, 1))}
    grads = dlfp.backward_propagation(dlfp.softmax_forward(Z), Y,
                                      [{"A_prev": Z, "Z": Z, "A": dlfp.softmax_forward(Z)}],
                                      params, ["softmax"])
    assert grads["db1"][:, 0] == pytest.approx([0.1, -0.3, 0.2], abs=1e-15)


def test_costs_match_the_naive_formulas_where_those_are_safe():
    Z = np.array([[-2.0, 0.5, 3.0]])
    Y = np.array([[0.0, 1.0, 1.0]])
    a = 1 / (1 + np.exp(-Z))
    naive = -np.mean(Y * np.log(a) + (1 - Y) * np.log(1 - a))
    assert dlfp.compute_cost(Z, Y, "sigmoid") == pytest.approx(naive, rel=1e-14)
    Z = np.array([[1.0, -1.0], [2.0, 0.0], [0.5, 3.0]])
    Y = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    P = np.exp(Z) / np.exp(Z).sum(axis=0)
    assert dlfp.compute_cost(Z, Y, "softmax") == pytest.approx(-np.sum(Y * np.log(P)) / 2,
                                                               rel=1e-14)


def test_costs_never_take_log_of_zero():
    assert dlfp.compute_cost(np.array([[-800.0, 800.0]]), np.array([[1.0, 0.0]]),
                             "sigmoid") == pytest.approx(800.0)
    Z = np.array([[900.0], [-900.0]])
    assert dlfp.compute_cost(Z, np.array([[0.0], [1.0]]), "softmax") == pytest.approx(1800.0)


def numeric_gradient(X, Y, params, acts, key, h=1e-6):
    g = np.zeros_like(params[key])
    for idx in np.ndindex(g.shape):  # a test's finite differences: one entry at a time
        plus = {k: v.copy() for k, v in params.items()}
        minus = {k: v.copy() for k, v in params.items()}
        plus[key][idx] += h
        minus[key][idx] -= h
        cost = lambda p: dlfp.compute_cost(dlfp.forward_propagation(X, p, acts)[1][-1]["Z"], Y,
                                           acts[-1])
        g[idx] = (cost(plus) - cost(minus)) / (2 * h)
    return g


@pytest.mark.parametrize("acts,layers", [
    (["sigmoid"], [3, 1]),
    (["tanh", "sigmoid"], [3, 4, 1]),
    (["relu", "tanh", "softmax"], [3, 5, 4, 3]),
    (["sigmoid", "relu", "sigmoid"], [3, 4, 3, 1]),
])
def test_backward_matches_centered_differences(acts, layers):
    X, _ = dlfp.rng_normal(dlfp.rng_create(5), 3 * 7)
    X = X.reshape(3, 7)
    params, _ = dlfp.initialize_parameters(layers, "xavier", dlfp.rng_create(6))
    params = {k: v + 0.1 for k, v in params.items()}  # nonzero biases move relu off its kink
    labels = np.arange(7) % layers[-1] if acts[-1] == "softmax" else np.arange(7) % 2
    Y = dlfp.labels_to_targets(labels, acts[-1], layers[-1])
    AL, caches = dlfp.forward_propagation(X, params, acts)
    grads = dlfp.backward_propagation(AL, Y, caches, params, acts)
    for key in params:
        num = numeric_gradient(X, Y, params, acts, key)
        g = grads[f"d{key}"]
        assert np.linalg.norm(g - num) / (np.linalg.norm(g) + np.linalg.norm(num)) < 1e-7, key


def test_initializers_scale_the_stream_normals():
    z, _ = dlfp.rng_normal(dlfp.rng_create(9), 12 + 6)
    for init, scale in [("scaled", 0.01), ("he", math.sqrt(2 / 4)), ("xavier", math.sqrt(1 / 4))]:
        p, _ = dlfp.initialize_parameters([4, 3, 2], init, dlfp.rng_create(9))
        assert np.array_equal(p["W1"], z[:12].reshape(3, 4, order="F") * scale)
        assert np.array_equal(p["W2"], z[12:].reshape(2, 3, order="F") *
                              (0.01 if init == "scaled" else math.sqrt((2 if init == "he" else 1) / 3)))
        assert np.array_equal(p["b1"], np.zeros((3, 1)))


def test_update_does_not_change_its_inputs():
    params = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}
    grads = {"dW1": np.ones((2, 2)), "db1": np.ones((2, 1))}
    new = dlfp.update_parameters(params, grads, 0.5)
    assert np.array_equal(params["W1"], np.ones((2, 2)))
    assert np.array_equal(new["W1"], np.full((2, 2), 0.5))
    assert np.array_equal(new["b1"], np.full((2, 1), -0.5))


def test_predict_and_accuracy():
    params = {"W1": np.array([[1.0, -1.0]]), "b1": np.zeros((1, 1))}
    X = np.array([[2.0, 0.0, 1.0], [0.0, 2.0, 1.0]])
    assert dlfp.predict_labels(X, params, ["sigmoid"]).tolist() == [1.0, 0.0, 0.0]
    assert dlfp.accuracy([1.0, 0.0, 0.0], [1.0, 1.0, 0.0]) == pytest.approx(2 / 3)
    params = {"W1": np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]]), "b1": np.zeros((3, 1))}
    assert dlfp.predict_labels(X, params, ["softmax"]).tolist() == [0.0, 1.0, 0.0]


def test_unknown_activation_lists_the_known_ones():
    with pytest.raises(dlfp.DlfpError,
                       match=r"unknown activation 'swish' \(known: relu, sigmoid, softmax, tanh\)"):
        dlfp.forward_propagation(np.zeros((1, 1)), {"W1": np.ones((1, 1)), "b1": np.zeros((1, 1))},
                                 ["swish"])
