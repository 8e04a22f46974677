"""The one exception type dlfp raises for bad input, and the number checks that decide it."""
import math

import numpy as np


def is_number(x):
    """True for a finite int or float (numpy's too), never for a bool or a string."""
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        return False
    return math.isfinite(float(x))


def is_int(x):
    """True for a finite number that is a whole number (2 and 2.0 alike)."""
    return is_number(x) and float(x) == math.floor(float(x))


class DlfpError(ValueError):
    """Bad input: the message reads ``dlfp: <function>: <problem>``, as in R and Octave."""

    def __init__(self, message, problem=None):
        super().__init__(message)
        self.problem = problem  # the <problem> part alone, where the raiser hands it over
