"""The IDX file format of MNIST and Fashion-MNIST, raw or gzipped."""
import gzip
import os
import zlib

import numpy as np

from .errors import DlfpError, shown_path
from .result import write_atomic_bytes
from .textfile import check_regular_file

IDX_TYPES = {0x08: "unsigned byte"}
# the header's product must stay below this: every whole number below 2^53 is a double, so R and
# Octave catch a product that reaches it before any rounding, and count as exactly as Python
LARGEST = 2 ** 53


def read_idx(path):
    """X = the items of an IDX file as columns: prod(dims(2:end)) x dims(1), or a vector if 1-D.

    The header is two zero bytes, a type byte (0x08: unsigned byte, the MNIST files), the number
    of dimensions, then each dimension as a big-endian 32-bit integer; the data follow, the last
    dimension varying fastest. A gzipped file (magic 1f 8b) is read through gzip.

    Parameters
    ----------
    path : str

    Returns
    -------
    ndarray
        float64: (n,) for a 1-D file (labels); (d, n) for n items of d values (images: d = 784).
    """
    fn = "read_idx"
    check_regular_file(path, fn)
    shown = shown_path(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise DlfpError(f"dlfp: {fn}: cannot read {shown}: {e.strerror}") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)  # every member of a multi-member file, as gzip -d
        except (OSError, EOFError, zlib.error) as e:
            raise DlfpError(f"dlfp: {fn}: truncated or corrupt gzip file {shown}: {e}") from None
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0:
        raise DlfpError(f"dlfp: {fn}: wrong magic in {shown}: not an IDX file")
    if raw[2] not in IDX_TYPES:
        raise DlfpError(f"dlfp: {fn}: unsupported IDX type 0x{raw[2]:02x} in {shown} "
                        f"(supported: 0x08 unsigned byte)")
    ndim = raw[3]
    header = 4 + 4 * ndim
    if ndim < 1 or len(raw) < header:
        raise DlfpError(f"dlfp: {fn}: truncated IDX header in {shown}")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    want = idx_size(dims)
    have = len(raw) - header
    if have != want:
        needs = str(want) if want is not None else f"at least {LARGEST}"
        raise DlfpError(f"dlfp: {fn}: {shown} holds {have} data bytes but its header "
                        f"{'x'.join(map(str, dims))} needs {needs}"
                        + (" (truncated)" if want is None or have < want else ""))
    data = np.frombuffer(raw, dtype=np.uint8, offset=header).astype(float)  # (n * d,)
    if ndim == 1:
        return data
    return data.reshape(dims[0], want // dims[0] if dims[0] else idx_size(dims[1:]) or 0).T


def idx_size(dims):
    """n = prod(dims), or None when it would reach LARGEST: each partial product is checked
    as it is formed, while it is exact in every language (a zero anywhere makes it 0)."""
    if 0 in dims:
        return 0
    n = 1
    for d in dims:
        n *= d
        if n >= LARGEST:
            return None
    return n


def write_idx(path, A):
    """Write an array of bytes as an IDX file (gzipped if path ends in .gz): the inverse of
    read_idx for items stored one per row of A (A.shape = dims)."""
    A = np.asarray(A)
    if A.min() < 0 or A.max() > 255 or not np.array_equal(A, np.round(A)):
        raise DlfpError("dlfp: write_idx: values must be whole numbers 0..255")
    header = bytes([0, 0, 0x08, A.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in A.shape)
    raw = header + A.astype(np.uint8).tobytes(order="C")
    if str(path).endswith(".gz"):
        raw = gzip.compress(raw, mtime=0)
    try:
        write_atomic_bytes(path, raw)
    except OSError as e:
        raise DlfpError(f"dlfp: write_idx: cannot write {shown_path(path)}: {e.strerror}") from None
