"""CSV files that R's read.csv and Octave's dlmread read back bit-identical (%.17g)."""
import numpy as np


def write_matrix(path, A):
    """Write A (a matrix, a vector as one column, or a scalar) with %.17g, rows as lines."""
    A = np.asarray(A, dtype=float)
    if A.ndim < 2:
        A = A.reshape(-1, 1)
    np.savetxt(path, A, fmt="%.17g", delimiter=",")


def read_matrix(path):
    """A = the numbers of a CSV file as a 2-D array."""
    return np.loadtxt(path, delimiter=",", ndmin=2, dtype=float)
