"""The one exception type dlfp raises for bad input."""


class DlfpError(ValueError):
    """Bad input: the message reads ``dlfp: <function>: <problem>``, as in R and Octave."""
