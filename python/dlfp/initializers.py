"""Weight initializers, looked up by name in INITIALIZERS: each gives the scale of W_l."""
import math

from .activations import lookup
from .rng import rng_normal
import numpy as np


def scale_scaled(n_prev):
    """s = 0.01 (the book's default)."""
    return 0.01


def scale_he(n_prev):
    """s = sqrt(2 / n_prev)."""
    return math.sqrt(2.0 / n_prev)


def scale_xavier(n_prev):
    """s = sqrt(1 / n_prev)."""
    return math.sqrt(1.0 / n_prev)


INITIALIZERS = {"scaled": scale_scaled, "he": scale_he, "xavier": scale_xavier}


def initialize_parameters(layers, init, rng):
    """W_l = s(n_(l-1)) * N(0, 1) of size n_l x n_(l-1),  b_l = 0 of size n_l x 1.

    Normals come from the shared stream, layer by layer, each W_l filled column by column
    (the order R and Octave fill a matrix).

    Parameters
    ----------
    layers : sequence of int
        Layer sizes [n_0, n_1, ..., n_L], n_0 the number of features.
    init : str
        A key of INITIALIZERS.
    rng : float
        Generator state.

    Returns
    -------
    params : dict
        W1, b1, ..., WL, bL.
    rng : float
    """
    scale = lookup(INITIALIZERS, init, "initializer", "initialize_parameters")
    params = {}
    for l in range(1, len(layers)):
        n, n_prev = int(layers[l]), int(layers[l - 1])
        z, rng = rng_normal(rng, n * n_prev)
        params[f"W{l}"] = z.reshape((n, n_prev), order="F") * scale(n_prev)  # (n_l, n_(l-1))
        params[f"b{l}"] = np.zeros((n, 1))  # (n_l, 1)
    return params, rng
