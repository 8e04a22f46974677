"""The shared random stream against independent references."""
import math

import numpy as np
import pytest

import dlfp
from dlfp.rng import MODULUS, mulmod

M = 2147483647


def sequential(x0, n):
    """MINSTD step by step in Python integers: the textbook definition, no jump-ahead."""
    out, x = [], x0
    for _ in range(n):
        x = x * 48271 % M
        out.append(x)
    return out


def test_first_state_of_seed_0_is_48271():
    u, _ = dlfp.rng_uniform(dlfp.rng_create(0), 1)
    assert u[0] * MODULUS == 48271.0


def test_ten_thousandth_draw_matches_the_cpp_standard():
    # C++11 [rand.predef]: the 10000th output of a default-constructed minstd_rand (seed 1)
    # is 399268537.
    u, _ = dlfp.rng_uniform(dlfp.rng_create(0), 10000)
    assert round(u[-1] * MODULUS) == 399268537


@pytest.mark.parametrize("seed", [0, 1, 42, 123456789, 2147483645])
def test_jump_ahead_equals_sequential_integers(seed):
    u, state = dlfp.rng_uniform(dlfp.rng_create(seed), 3000)
    want = sequential(seed + 1, 3000)
    assert (u * MODULUS).round().astype(np.int64).tolist() == want
    assert state == want[-1]
    assert np.array_equal(u, np.array(want, dtype=float) / M)  # division is exact-rounded


def test_stream_continues_across_calls():
    rng = dlfp.rng_create(7)
    a, rng = dlfp.rng_uniform(rng, 1000)
    b, _ = dlfp.rng_uniform(rng, 1)
    c, _ = dlfp.rng_uniform(dlfp.rng_create(7), 1001)
    assert np.array_equal(np.append(a, b), c)


def test_mulmod_is_exact_at_the_extremes():
    a = np.array([M - 1, M - 1, 48271, 1, 2**30])
    b = np.array([M - 1, 2**31 - 2, M - 1, M - 1, 2**30 + 12345])
    got = mulmod(a.astype(float), b.astype(float))
    assert got.tolist() == [float(int(x) * int(y) % M) for x, y in zip(a, b)]


def test_normals_are_box_muller_of_the_uniforms():
    z, _ = dlfp.rng_normal(dlfp.rng_create(3), 500)
    u, _ = dlfp.rng_uniform(dlfp.rng_create(3), 1000)
    want = [math.sqrt(-2.0 * math.log(u[2 * i])) * math.cos(2.0 * math.pi * u[2 * i + 1])
            for i in range(500)]
    assert z.tolist() == want


def test_normals_have_unit_moments():
    z, _ = dlfp.rng_normal(dlfp.rng_create(11), 200000)
    assert abs(z.mean()) < 0.01
    assert abs(z.std() - 1.0) < 0.01


@pytest.mark.parametrize("seed", [-1, 2147483646, 1.5, "1", float("nan")])
def test_bad_seed_is_named(seed):
    with pytest.raises(dlfp.DlfpError, match="dlfp: rng_create: seed must be an integer"):
        dlfp.rng_create(seed)
