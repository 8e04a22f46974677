"""Array comparison: max relative difference, and where two arrays first part."""
import numpy as np

# Measured targets (README, "Tolerances"): exact where the shared stream decides the numbers,
# near machine precision for one step, looser where long training amplifies BLAS rounding.
TOLERANCES = {"data": 0.0, "initial_params": 0.0, "forward": 1e-12, "gradients": 1e-12,
              "loss_curve": 1e-9, "final_params": 1e-6, "snapshots": 1e-6,
              "cross_validation": 1e-9}
# snapshots: the epochs exactly, the parameters as final_params are (the last snapshot is them)
# cross_validation: each fold's test indices and accuracies exactly, its final cost as a loss
# curve's point (the tolerance above)
QUANTITIES = list(TOLERANCES)
# The framework twin (crosscheck --oracle torch) against Python: its own forward, autograd and
# torch.optim, so only rounding separates them; measured at most 2.4e-13 on the loss curve
ORACLE_TOLERANCES = {"loss_curve": 1e-10, "final_params": 1e-6}


def rel_diff(a, b):
    """d = max|a - b| / max|b| (max|a - b| when b is all zero); inf if the shapes differ."""
    a, b = _as_pair(a, b)
    if a is None:
        return float("inf")
    if a.size == 0:
        return 0.0
    err = np.abs(a - b)
    if np.isnan(err).any():
        return float("inf")
    scale = np.max(np.abs(b))
    return float(err.max() / scale) if scale > 0 else float(err.max())


def first_mismatch(a, b, tol):
    """The first index (row-major) where |a - b| > tol * max|b|, or None; a shape message if
    the shapes differ."""
    a, b = _as_pair(a, b)
    if a is None:
        return "shape"
    scale = np.max(np.abs(b)) if b.size else 0.0
    bound = tol * scale if scale > 0 else tol
    bad = ~(np.abs(a - b) <= bound)  # NaN counts as a mismatch
    if not bad.any():
        return None
    return tuple(int(i) for i in np.unravel_index(np.flatnonzero(bad)[0], b.shape))


def describe(a, b):
    """'(2, 3): 0.1 vs 0.10000000001' where two arrays differ most; a NaN or Inf on either side
    is named as such (it is where they differ first), never hidden behind rounded digits."""
    a, b = _as_pair(a, b)
    if a is None:
        return f"shape {np.shape(a)} vs {np.shape(b)}"
    if a.size == 0:
        return "empty"
    bad = ~(np.isfinite(a) & np.isfinite(b))
    if bad.any():
        idx = np.unravel_index(int(np.flatnonzero(bad)[0]), b.shape)
        return f"{tuple(int(i) for i in idx)}: {float(a[idx])!r} vs {float(b[idx])!r}, not finite"
    idx = np.unravel_index(int(np.argmax(np.abs(a - b))), b.shape)
    return f"{tuple(int(i) for i in idx)}: {float(a[idx])!r} vs {float(b[idx])!r}"


def _as_pair(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        if a.size != b.size:
            return None, None
        a = a.reshape(b.shape)  # Octave hands back a 1 x 1 matrix as a scalar
    return a, b
