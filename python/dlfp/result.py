"""A run's result as JSON: check where it will go before training, then write it atomically."""
import errno
import json
import math
import os
import tempfile

import numpy as np

from .errors import SPECIAL_FOLDERS, DlfpError, shown_path

FN = "write_result"


def check_result_path(path, fn=FN):
    """Stop unless a result can be written at path: not empty, not a folder or other non-regular
    file (a device, a FIFO, anything under /proc, /sys or /dev), in a writable folder.

    Called before training, so a bad --out costs nothing; write_result checks again. fn is the
    command the error names (predict checks its --out the same way).
    """
    if not isinstance(path, str) or not path:
        _fail("the result path is empty", fn)
    if os.path.isdir(path):
        _fail(f"{shown_path(path)} is a folder", fn)
    if os.path.exists(path) and (not os.path.isfile(path) or (
            os.path.realpath(path) + "/").startswith(SPECIAL_FOLDERS)):
        _fail(f"{shown_path(path)} is not a regular file", fn)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        _fail(f"no such folder: {shown_path(folder)}", fn)
    if not os.access(folder, os.W_OK | os.X_OK):
        _fail(f"cannot write in {shown_path(folder)}", fn)


def write_result(result, path):
    """Write result as JSON (matrices as lists of rows, doubles to the last bit), atomically.

    The file appears whole or not at all: it is written beside path and renamed over it, with
    the mode the umask gives a new file (0644 under the usual 022), as R and Octave write it.
    """
    try:
        text = json.dumps(json_ready(result), indent=1, allow_nan=False)
    except ValueError:
        _fail("the result holds NaN or Inf, which JSON cannot carry")
    check_result_path(path)
    try:
        write_atomic(path, text + "\n")
    except OSError as e:
        _fail(f"cannot write {shown_path(path)}: {e.strerror}")


def write_atomic(path, text):
    """path holds text (UTF-8), or what it held before: written beside it, then renamed."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path, data):
    """path holds data, or what it held before: written beside it, checked to be all there
    (its size on disk, after the system said it was written), then renamed over it.

    A full disk or a file-size limit raises OSError (ENOSPC, EFBIG) and leaves the old file
    whole; a link at path is replaced, never written through.
    """
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".dlfp-", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; a result is an ordinary file
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            if os.fstat(f.fileno()).st_size != len(data):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def json_ready(v, nonfinite=None):
    """v as JSON values: arrays as lists (of rows), numpy scalars as Python numbers, dicts and
    lists walked; with nonfinite (e.g. str), a NaN or Inf becomes nonfinite(x) ('inf'), as
    JSON has no such numbers. The project's one numpy-to-JSON converter."""
    if isinstance(v, dict):
        return {k: json_ready(x, nonfinite) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [json_ready(x, nonfinite) for x in v]
    if isinstance(v, np.ndarray):
        out = v.tolist()
        if nonfinite is None or v.dtype.kind != "f" or np.isfinite(v).all():
            return out
        return json_ready(out, nonfinite)
    if isinstance(v, np.generic):
        v = v.item()
    if nonfinite is not None and isinstance(v, float) and not math.isfinite(v):
        return nonfinite(v)
    return v


def _fail(problem, fn=FN):
    raise DlfpError(f"dlfp: {fn}: {problem}", problem)
