"""Learner's quantities against dlfp's: the first difference, and the slip that explains it.

Values agree when every entry is within RTOL of dlfp's (relative), plus a floor of RTOL times
1e-4 of the array's largest entry and ATOL, so an entry that is a cancellation's rounding
(1e-17 where dlfp has 0) is not a difference; NaN agrees only with NaN.
"""
from dataclasses import dataclass

import numpy as np

from dlfp.errors import shown

from .codec import Other
from .exercises import Missing

RTOL = 1e-10
ATOL = 1e-14


@dataclass
class Difference:
    """Where a learner's outputs first differ from dlfp's: the quantity and what differs.

    kind: "values", "shape" or "missing". For "values": the largest absolute difference and
    its 0-based (row, col), the largest relative difference and its (row, col), and the values
    there; for "shape": both shapes; for "missing": why.
    """
    label: str
    layer: object
    step: object
    kind: str
    shape: tuple = None
    expected_shape: tuple = None
    max_abs: float = None
    abs_at: tuple = None
    max_rel: float = None
    rel_at: tuple = None
    got: float = None
    want: float = None
    rel_want: float = None  # dlfp's value where the relative difference is largest
    why: str = None
    transposed: bool = False  # the learner's array is dlfp's transposed


def as_array(value, expected_shape, lang):
    """value as a float array of the expected shape where that is only a matter of form.

    A number stands for any one-element array; R's vector without dimensions stands for a
    one-row or one-column matrix of its length. Returns (array, None) or (None, why).
    """
    if isinstance(value, Missing):
        return None, value.why
    if isinstance(value, Other):
        return None, f"is {shown(value.kind)}, not numbers"  # a class the learner named
    if isinstance(value, bool) or value is None or isinstance(value, (str, dict, list)):
        kind = {str: "a string", dict: "a dict / named list / struct", list: "a list",
                type(None): "nothing (None / NULL / [])", bool: "a logical"}[type(value)]
        return None, f"is {kind}, not numbers"
    a = np.asarray(value, dtype=float)
    size = int(np.prod(expected_shape)) if expected_shape else 1
    if a.size == 1 and size == 1:
        return a.reshape(expected_shape), None
    if lang == "r" and a.ndim == 1 and a.size == size and 1 in expected_shape:
        return a.reshape(expected_shape), None
    return a, None


def close(got, want):
    """Elementwise agreement (same shapes)."""
    scale = np.nanmax(np.abs(want)) if want.size and np.isfinite(want).any() else 0.0
    tol = RTOL * (np.abs(want) + 1e-4 * scale) + ATOL
    with np.errstate(invalid="ignore"):
        ok = np.abs(got - want) <= tol
    ok |= (got == want)  # equal infinities
    ok |= np.isnan(got) & np.isnan(want)
    return ok


def agrees(got, want):
    return got.shape == want.shape and bool(close(got, want).all())


def _where(flat_index, shape):
    idx = np.unravel_index(flat_index, shape) if shape else ()
    return tuple(int(i) for i in idx)


def difference(q, want, lang):
    """The Difference of quantity q (the learner's) from want (dlfp's), or None."""
    want = np.asarray(want, dtype=float)
    got, why = as_array(q.value, want.shape, lang)
    if got is None:
        whole = isinstance(q.value, Missing) and q.value.whole
        return Difference("what it returns" if whole else q.label, None if whole else q.layer,
                          q.step, "missing", why=why)
    if got.shape != want.shape:
        return Difference(q.label, q.layer, q.step, "shape", shape=got.shape,
                          expected_shape=want.shape,
                          transposed=got.ndim == 2 and agrees(got.T, want))
    ok = close(got, want)
    if ok.all():
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        d = np.abs(got - want)
        d = np.where(np.isnan(d), np.inf, d)
        rel = np.where(want != 0, d / np.abs(want), np.where(d == 0, 0.0, np.inf))
    i = int(np.argmax(np.where(ok, -1.0, d)))
    j = int(np.argmax(np.where(ok, -1.0, rel)))
    return Difference(q.label, q.layer, q.step, "values", shape=got.shape,
                      expected_shape=want.shape, max_abs=float(d.flat[i]),
                      abs_at=_where(i, got.shape), max_rel=float(rel.flat[j]),
                      rel_at=_where(j, got.shape), got=float(got.flat[i]),
                      want=float(want.flat[i]), rel_want=float(want.flat[j]))


def first_difference(learner, reference, lang):
    """(index, Difference) of the first quantity that differs, or (None, None).

    Quantities are in the order they are computed, so the first one that differs is where the
    learner's computation parted from dlfp's.
    """
    for i, (q, r) in enumerate(zip(learner, reference)):
        d = difference(q, r.value, lang)
        if d is not None:
            return i, d
    return None, None


def matching_slips(learner, reference, i, variants, lang):
    """The slips whose numbers the learner's match up to quantity i, the first that differs.

    variants: (slip, the slip's quantities). A slip counts when it changes quantity i (so it
    can tell) and its numbers agree with the learner's on every quantity up to and with i.
    """
    found, whole = [], []
    for slip, qs in variants:
        want = np.asarray(reference[i].value, dtype=float)
        v = np.asarray(qs[i].value, dtype=float)
        if v.shape == want.shape and agrees(v, want):
            continue  # this slip changes nothing here: it cannot tell
        if all(_same(learner[j].value, np.asarray(qs[j].value, dtype=float), lang)
               for j in range(i + 1)):
            found.append(slip)
            if all(_same(learner[j].value, np.asarray(qs[j].value, dtype=float), lang)
                   for j in range(i + 1, len(learner))):
                whole.append(slip)
    # two slips can agree up to the first difference and part later: the one that explains
    # every quantity is the one to name
    return whole or found


def _same(value, v, lang):
    got, _ = as_array(value, v.shape, lang)
    return got is not None and got.shape == v.shape and agrees(got, v)
