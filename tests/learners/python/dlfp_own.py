"""dlfp's own functions given as a learner's file: harness check must pass every exercise.

Each function hands its arguments to dlfp's, so this file tests the checker's plumbing
(the structures it sends and reads back), not dlfp.
"""
import dlfp


def sigmoid_forward(Z):
    return dlfp.sigmoid_forward(Z)


def tanh_forward(Z):
    return dlfp.tanh_forward(Z)


def relu_forward(Z):
    return dlfp.relu_forward(Z)


def softmax_forward(Z):
    return dlfp.softmax_forward(Z)


def sigmoid_backward(dA, Z, A):
    return dlfp.sigmoid_backward(dA, Z, A)


def tanh_backward(dA, Z, A):
    return dlfp.tanh_backward(dA, Z, A)


def relu_backward(dA, Z, A):
    return dlfp.relu_backward(dA, Z, A)


def linear_forward(A_prev, W, b):
    return dlfp.linear_forward(A_prev, W, b)


def compute_cost(ZL, Y, output_activation):
    return dlfp.compute_cost(ZL, Y, output_activation)


def l2_penalty(params, lambd, m):
    return dlfp.l2_penalty(params, lambd, m)


def initialize_parameters(layers, init, rng):
    return dlfp.initialize_parameters(layers, init, rng)


def forward_propagation(X, params, activations):
    return dlfp.forward_propagation(X, params, activations)


def forward_propagation_dropout(X, params, activations, keep_prob, rng):
    return dlfp.forward_propagation_dropout(X, params, activations, keep_prob, rng)


def backward_propagation(AL, Y, caches, params, activations, lambd=0, keep_prob=1):
    return dlfp.backward_propagation(AL, Y, caches, params, activations, lambd, keep_prob)


def update_parameters(params, grads, learning_rate):
    return dlfp.update_parameters(params, grads, learning_rate)


def update_parameters_gd(params, grads, state, learning_rate, settings, t):
    return dlfp.update_parameters_gd(params, grads, state, learning_rate, settings, t)


def update_parameters_momentum(params, grads, state, learning_rate, settings, t):
    return dlfp.update_parameters_momentum(params, grads, state, learning_rate, settings, t)


def update_parameters_rmsprop(params, grads, state, learning_rate, settings, t):
    return dlfp.update_parameters_rmsprop(params, grads, state, learning_rate, settings, t)


def update_parameters_adam(params, grads, state, learning_rate, settings, t):
    return dlfp.update_parameters_adam(params, grads, state, learning_rate, settings, t)


def schedule_exponential(learning_rate, e, rate, every):
    return dlfp.schedule_exponential(learning_rate, e, rate, every)


def schedule_inverse_time(learning_rate, e, rate, every):
    return dlfp.schedule_inverse_time(learning_rate, e, rate, every)
