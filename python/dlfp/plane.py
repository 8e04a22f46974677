"""The input plane of 2-D data, for drawing what a trained network does there: the grid, the
labels it predicts on the grid (its decision regions) and every hidden unit's activation on the
grid (what the unit has learned to respond to).

Not part of the three-language API (``dlfp.plane`` is imported by name, not re-exported by
``dlfp``): drawing is each language's own business. The Python examples, the cross-check report
and the book draw with these; R's and Octave's examples build the same grid (the data's range and
PAD on each side, the first input along the columns) in their own plotting helpers.
"""
import numpy as np

from .network import forward_propagation, predict_labels

PAD = 0.25  # the plane drawn: the data's range and this much on each side


def plane_grid(X, n, pad=PAD):
    """G0(i, j) = x0_j, G1(i, j) = x1_i on n points from min - pad to max + pad of each input.

    Parameters
    ----------
    X : ndarray, shape (2, m)
        The data whose plane is drawn.
    n : int
        Grid points along each input.

    Returns
    -------
    G0, G1 : ndarray, shape (n, n)
        The grid's coordinates, as numpy.meshgrid makes them (for contourf and pcolormesh).
    points : ndarray, shape (2, n * n)
        The grid as examples, one per column, in G0.ravel() order.
    """
    X = np.asarray(X, dtype=float)
    g0 = np.linspace(X[0].min() - pad, X[0].max() + pad, n)
    g1 = np.linspace(X[1].min() - pad, X[1].max() + pad, n)
    G0, G1 = np.meshgrid(g0, g1)
    return G0, G1, np.vstack([G0.ravel(), G1.ravel()])


def plane_labels(X, params, activations, n=200):
    """y_hat(i, j) = predict_labels([G0(i, j); G1(i, j)]): the decision regions over the plane.

    Returns
    -------
    G0, G1, labels : ndarray, shape (n, n)
    """
    G0, G1, points = plane_grid(X, n)
    return G0, G1, predict_labels(points, params, activations).reshape(G0.shape)


def plane_units(X, params, activations, n=100):
    """A_l(j, :) over the plane for every hidden layer l: what each hidden unit responds to.

    Returns
    -------
    G0, G1 : ndarray, shape (n, n)
    maps : list of ndarray
        One (n_l, n, n) array per hidden layer (empty for a network without hidden layers).
    """
    G0, G1, points = plane_grid(X, n)
    _, caches = forward_propagation(points, params, activations)
    return G0, G1, [c["A"].reshape(-1, *G0.shape) for c in caches[:-1]]


# A unit's map: UNIT_INCHES at UNIT_DPI is 160 px a column, of which the map itself keeps at
# least 120 px after its title and the gaps (tests/test_report.py measures them)
UNIT_INCHES, UNIT_DPI = 1.6, 100
UNIT_COLUMNS = 6  # six maps and the colour bar: about 1100 px, a page's width


def _unit_layout(maps, columns):
    """Rows of (layer, unit) pairs numbered from 1: each layer starts a new row, and a layer
    wider than columns wraps onto more rows."""
    rows = []
    for l, m in enumerate(maps, start=1):
        rows.extend([(l, j) for j in range(start, min(start + columns, m.shape[0]))]
                    for start in range(0, m.shape[0], columns))
    return rows


def _colour_scale(maps, activation):
    """(colour map, vmin, vmax) shared by a layer's units: symmetric about 0 where the units
    take both signs (tanh), so that white is 0; else the layer's own range."""
    lo, hi = float(np.min(maps)), float(np.max(maps))
    if lo < 0 < hi or activation == "tanh":
        m = max(abs(lo), abs(hi), 1e-12)
        return "RdBu_r", -m, m
    return "viridis", lo, (hi if hi > lo else lo + 1e-12)


def units_figure(X, labels, params, activations, title="", columns=UNIT_COLUMNS):
    """A_l(j, :) over the plane drawn for every hidden unit: a map a unit titled "layer l,
    unit j", one colour bar a layer, the data faint on top (needs matplotlib).

    Returns
    -------
    fig : matplotlib Figure, or None for a network without hidden layers
        Save it at UNIT_DPI for maps of at least 120 px.
    axes : dict
        (layer, unit) -> the unit's Axes, both numbered from 1.
    """
    import matplotlib.pyplot as plt

    G0, G1, maps = plane_units(X, params, activations)
    if not maps:
        return None, {}
    layout = _unit_layout(maps, columns)
    cols = min(columns, max(m.shape[0] for m in maps))
    fig, grid = plt.subplots(len(layout), cols, squeeze=False, layout="constrained",
                             figsize=(UNIT_INCHES * cols + 1.2,
                                      (UNIT_INCHES + 0.3) * len(layout) + 0.4))
    placed = {}
    for r, row in enumerate(layout):
        for c in range(cols):
            ax = grid[r][c]
            ax.set_xticks([])
            ax.set_yticks([])
            if c >= len(row):
                ax.set_axis_off()
                continue
            l, j = row[c]
            cmap, vmin, vmax = _colour_scale(maps[l - 1], activations[l - 1])
            mesh = ax.pcolormesh(G0, G1, maps[l - 1][j], cmap=cmap, vmin=vmin, vmax=vmax,
                                 shading="auto")
            ax.scatter(X[0], X[1], c=labels, s=2, cmap="Greys", vmin=-1, alpha=0.4,
                       edgecolors="none")
            ax.set_title(f"layer {l}, unit {j + 1}", fontsize=10)
            ax.set_aspect("equal", adjustable="box")
            placed[(l, j + 1)] = ax
            if c == len(row) - 1 and (r + 1 == len(layout) or layout[r + 1][0][0] != l):
                rows_of_layer = [k for k, rw in enumerate(layout) if rw[0][0] == l]
                bar = fig.colorbar(mesh, ax=list(grid[rows_of_layer, :].ravel()), shrink=0.9,
                                   aspect=15 * len(rows_of_layer))
                bar.set_label(f"A{l} ({activations[l - 1]})", fontsize=9)
    units = sum(m.shape[0] for m in maps)
    fig.suptitle(f"{title + ': ' if title else ''}{units} hidden units over the input plane",
                 fontsize=11)
    return fig, placed
