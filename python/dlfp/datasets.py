"""Synthetic data sets made from the shared random stream, looked up by name in GENERATORS.

Each generator returns X (2 x m, one column per example) and labels (m,), and does its
arithmetic in the same order as its R and Octave twins so the three give the same bits. The
options' defaults and ranges are the scenario rules' (scenario_rules.json), not repeated here.
"""
import numpy as np

from .rng import libm_cos, libm_sin, rng_normal, rng_uniform

TWO_PI = 2.0 * np.pi


def generate_spiral(rng, n_per_class, classes, noise):
    """r = i / (N - 1) ; t = 4 j + 4 r + noise * z ; x = [r sin(t) ; r cos(t)], class j = 0..K-1.

    The spiral of chapter 4 (CS231n's): K arms of N points each, arm j labelled j.

    Returns
    -------
    X : ndarray, shape (2, N K)
    labels : ndarray, shape (N K,)
    rng : float
    """
    N, K = int(n_per_class), int(classes)
    z, rng = rng_normal(rng, N * K)
    r = np.tile(np.arange(N) / (N - 1.0), K)  # (N K,)
    j = np.repeat(np.arange(K, dtype=float), N)  # (N K,)
    t = 4.0 * j + 4.0 * r + noise * z
    X = np.vstack([r * libm_sin(t), r * libm_cos(t)])
    return X, j, rng


def generate_circles(rng, n_per_class, noise, factor):
    """x = rho [cos(2 pi u) ; sin(2 pi u)] + noise * z ; rho = 1 (label 0) or factor (label 1).

    The donut: an outer ring of class 0 around an inner ring of class 1.

    Returns
    -------
    X : ndarray, shape (2, 2 N)
    labels : ndarray, shape (2 N,)
    rng : float
    """
    N = int(n_per_class)
    u, rng = rng_uniform(rng, 2 * N)
    z, rng = rng_normal(rng, 4 * N)
    rho = np.concatenate([np.ones(N), np.full(N, float(factor))])
    theta = TWO_PI * u
    X = np.vstack([rho * libm_cos(theta) + noise * z[: 2 * N],
                   rho * libm_sin(theta) + noise * z[2 * N:]])
    return X, np.concatenate([np.zeros(N), np.ones(N)]), rng


def generate_xor(rng, n):
    """x = 2 u - 1 in [-1, 1]^2 ; label = (x1 * x2 < 0).

    The course's XOR: opposite quadrants share a class.

    Returns
    -------
    X : ndarray, shape (2, n)
    labels : ndarray, shape (n,)
    rng : float
    """
    n = int(n)
    u, rng = rng_uniform(rng, 2 * n)
    X = np.vstack([2.0 * u[:n] - 1.0, 2.0 * u[n:] - 1.0])
    return X, (X[0] * X[1] < 0).astype(float), rng


GENERATORS = {"spiral": generate_spiral, "circles": generate_circles, "xor": generate_xor}

