"""A run's result as JSON: check where it will go before training, then write it atomically."""
import json
import os
import tempfile

import numpy as np

from .errors import DlfpError

FN = "write_result"


def check_result_path(path):
    """Stop unless a result can be written at path: not empty, not a folder, in a writable folder.

    Called before training, so a bad --out costs nothing; write_result checks again.
    """
    if not isinstance(path, str) or not path:
        _fail("the result path is empty")
    if os.path.isdir(path):
        _fail(f"{path} is a folder")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        _fail(f"no such folder: {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        _fail(f"cannot write in {folder}")


def write_result(result, path):
    """Write result as JSON (matrices as lists of rows, doubles to the last bit), atomically.

    The file appears whole or not at all: it is written beside path and renamed over it, with
    the mode the umask gives a new file (0644 under the usual 022), as R and Octave write it.
    """
    try:
        text = json.dumps(_plain(result), indent=1, allow_nan=False)
    except ValueError:
        _fail("the result holds NaN or Inf, which JSON cannot carry")
    check_result_path(path)
    try:
        write_atomic(path, text + "\n")
    except OSError as e:
        _fail(f"cannot write {path}: {e.strerror}")


def write_atomic(path, text):
    """path holds text, or what it held before: written beside it, then renamed over it."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".dlfp-", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; a result is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def _plain(v):
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, (np.floating, np.integer)):
        return v.item()
    return v


def _fail(problem):
    raise DlfpError(f"dlfp: {FN}: {problem}", problem)
