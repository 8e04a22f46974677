"""A learner's file with faults the checker must survive, reporting each and going on:
sigmoid_forward hangs, tanh_forward raises, relu_forward returns the wrong shape,
softmax_forward kills its process; linear_forward is right."""
import os

import numpy as np


def sigmoid_forward(Z):
    A = Z
    while True:  # the learner's endless loop
        A = A + 0.0
    return A


def tanh_forward(Z):
    return np.tanh(Z) / scale  # noqa: F821 - the learner's undefined name


def relu_forward(Z):
    return np.maximum(Z, 0).sum(axis=0)  # (m,): summed over the units


def softmax_forward(Z):
    os._exit(3)


def linear_forward(A_prev, W, b):
    return W @ A_prev + b
