"""The shared random stream: MINSTD computed exactly in doubles, vectorized by jump-ahead.

The same seed gives bit-identical uniforms and normals in Python, R and Octave (see the
README, "One random stream"). The generator state is a plain number that goes in and comes
back out; nothing is changed in place.
"""
import math

import numpy as np

from .errors import DlfpError, is_int

MODULUS = 2147483647.0  # 2^31 - 1
MULTIPLIER = 48271.0
_HALF = 65536.0  # 2^16: splitting one factor keeps every product below 2^53
_TWO_PI = 2.0 * math.pi


def mulmod(a, b):
    """r = (a * b) mod (2^31 - 1), exact in doubles for 0 <= a, b < 2^31.

    Parameters
    ----------
    a, b : float or ndarray
        Integers held in doubles, below 2^31 (broadcast against each other).

    Returns
    -------
    ndarray
        The product modulo 2^31 - 1, exactly.
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    hi = np.floor(b / _HALF)
    lo = b - hi * _HALF
    r = _mod(a * hi)  # a*hi < 2^47
    return _mod(r * _HALF + a * lo)  # < 2^48: still exact


def _mod(x):
    # floor(x/m) is exact for x < 2^53 with m ~ 2^31, so this is the integer remainder.
    return x - np.floor(x / MODULUS) * MODULUS


def multiplier_powers(n):
    """p_k = 48271^k mod (2^31 - 1) for k = 1..n, by repeated doubling.

    Parameters
    ----------
    n : int
        How many powers.

    Returns
    -------
    ndarray, shape (n,)
    """
    global _POWERS
    p = _POWERS
    while p.size < n:
        # a^(k + len) = a^k * a^len: doubling keeps this O(n) with O(log n) vector steps
        p = np.concatenate([p, mulmod(p, p[-1])])
    p.flags.writeable = False  # shared by every caller: a view of it must not be written
    _POWERS = p  # the same powers serve every later draw: each batch's masks need them
    return p[:n]


_POWERS = np.array([MULTIPLIER])


def rng_create(seed):
    """x_0 = seed + 1: the generator state for a seed in 0 .. 2^31 - 3.

    Parameters
    ----------
    seed : int
        An integer from 0 to 2147483645.

    Returns
    -------
    float
        The generator state, an integer in [1, 2^31 - 2] held in a double.
    """
    if not is_int(seed) or not 0 <= float(seed) <= MODULUS - 2.0:
        raise DlfpError(f"dlfp: rng_create: seed must be an integer from 0 to 2147483645, got {seed!r}")
    return float(seed) + 1.0


def rng_uniform(rng, n):
    """u_k = x_k / (2^31 - 1),  x_k = 48271^k x_0 mod (2^31 - 1): n uniforms in (0, 1).

    Parameters
    ----------
    rng : float
        The generator state.
    n : int
        How many draws.

    Returns
    -------
    u : ndarray, shape (n,)
    rng : float
        The state after the n draws.
    """
    n = int(n)
    if n <= 0:
        return np.zeros(0), rng
    x = mulmod(rng, multiplier_powers(n))
    return x / MODULUS, float(x[-1])


def rng_normal(rng, n):
    """z = sqrt(-2 log u1) * cos(2 pi u2): n standard normals from 2n uniforms (Box-Muller).

    Uniforms are taken in pairs (u1, u2) = (u_1, u_2), (u_3, u_4), ...

    Parameters
    ----------
    rng : float
        The generator state.
    n : int
        How many draws.

    Returns
    -------
    z : ndarray, shape (n,)
    rng : float
    """
    u, rng = rng_uniform(rng, 2 * int(n))
    u1 = u[0::2]
    u2 = u[1::2]
    return np.sqrt(-2.0 * libm_log(u1)) * libm_cos(_TWO_PI * u2), rng


# numpy's SIMD log/cos/sin may differ from the C library's by an ulp on some inputs, while R
# and Octave call the C library. Python's math module calls the C library too, so these give
# the same bits as R and Octave. The per-element map is the price of exactness; it is used only
# where numbers must be bit-identical (the random stream and the data generators).
def _libm(fn, x):
    x = np.asarray(x, dtype=float)
    return np.fromiter(map(fn, x.ravel().tolist()), dtype=float, count=x.size).reshape(x.shape)


def libm_log(x):
    """y = log(x), elementwise, by the C library (bit-identical to R and Octave)."""
    return _libm(math.log, x)


def libm_cos(x):
    """y = cos(x), elementwise, by the C library (bit-identical to R and Octave)."""
    return _libm(math.cos, x)


def libm_sin(x):
    """y = sin(x), elementwise, by the C library (bit-identical to R and Octave)."""
    return _libm(math.sin, x)


def rng_permutation(rng, n):
    """perm = order(u_1..u_n): a random permutation of the n examples, by sorting n uniforms.

    The n uniforms of one block are distinct (MINSTD repeats only after 2^31 - 2 draws), so
    every language's sort gives the same order. Indices are 0-based here, 1-based in R and
    Octave: each language's own base, the same order.

    Returns
    -------
    perm : ndarray of int, shape (n,)
    rng : float
    """
    u, rng = rng_uniform(rng, n)
    return np.argsort(u, kind="stable"), rng
