"""The one exception type dlfp raises for bad input, the number checks that decide it, and
how a message shows what it quotes."""
import json
import math
import os

import numpy as np

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "scenario_rules.json"),
          encoding="utf-8") as _f:
    LIMITS = json.load(_f)["limits"]
# folders whose entries are not files, whatever stat says of them
SPECIAL_FOLDERS = ("/proc/", "/sys/", "/dev/")
# what a message quotes of a value (a CSV cell, a name, a key) is cut to this many characters
SHOWN = LIMITS["shown"]
# escapes of the characters that must not reach a terminal as they are: controls (C0, DEL,
# C1), the line and paragraph separators, lone surrogates and bytes that are not UTF-8
NAMED = {0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def is_number(x):
    """True for a finite int or float (numpy's too), never for a bool or a string."""
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        return False
    return math.isfinite(float(x))


def is_int(x):
    """True for a finite number that is a whole number (2 and 2.0 alike)."""
    return is_number(x) and float(x) == math.floor(float(x))


def shown(text, limit=SHOWN):
    """s = text as a one-line message may show it: at most limit characters (then "..."),
    with backslash, controls, U+2028/9, lone surrogates and invalid bytes escaped.

    The escapes are \\\\, \\n, \\r, \\t, \\xNN (other controls, DEL, C1 and bytes that are not
    UTF-8), \\uNNNN (U+2028, U+2029 and lone surrogates), in lowercase hex: R and Octave
    write the same text for the same bytes. A str from the command line carries its bytes
    as surrogate escapes (U+DC80..U+DCFF), which are shown as those bytes; limit None shows
    all of it (paths).
    """
    if isinstance(text, str):
        data = text.encode("utf-8", "surrogateescape" if _from_os(text) else "surrogatepass")
    else:
        data = bytes(text)
    units = _utf8_units(data, None if limit is None else limit + 1)
    cut = limit is not None and len(units) > limit
    out = "".join(_escape(u) for u in (units[:limit] if cut else units))
    return out + ("..." if cut else "")


def shown_path(path):
    """A path as a message shows it: escaped as shown() escapes, never cut."""
    return shown(os.fspath(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path),
                 None)


def _from_os(text):
    try:
        text.encode("utf-8", "surrogateescape")
        return True
    except UnicodeEncodeError:
        return False


def _utf8_units(data, most):
    """[(code point, bytes) or (-1, one byte that is no UTF-8)], the first most of them.

    A three-byte form of a surrogate (ED A0..BF xx) counts as a code point, since that is how
    R and Octave hold a JSON string's \\ud800."""
    units, i, n = [], 0, len(data)
    while i < n and (most is None or len(units) < most):
        b = data[i]
        size = 1 if b < 0x80 else 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF \
            else 4 if 0xF0 <= b <= 0xF4 else 0
        seq = data[i:i + size]
        ok = size > 0 and len(seq) == size and all(0x80 <= c <= 0xBF for c in seq[1:])
        if ok and size > 2:
            second = seq[1]
            ok = not ((b == 0xE0 and second < 0xA0) or (b == 0xF0 and second < 0x90)
                      or (b == 0xF4 and second > 0x8F))
        if ok:
            units.append((int.from_bytes(seq, "big") if size == 1 else
                          ord(seq.decode("utf-8", "surrogatepass")), seq))
            i += size
        else:
            units.append((-1, data[i:i + 1]))
            i += 1
    return units


def _escape(unit):
    cp, seq = unit
    if cp < 0:
        return f"\\x{seq[0]:02x}"
    if cp in NAMED:
        return NAMED[cp]
    if cp < 0x20 or 0x7F <= cp <= 0x9F:
        return f"\\x{cp:02x}"
    if cp in (0x2028, 0x2029) or 0xD800 <= cp <= 0xDFFF:
        return f"\\u{cp:04x}"
    return seq.decode("utf-8")


class DlfpError(ValueError):
    """Bad input: the message reads ``dlfp: <function>: <problem>``, as in R and Octave."""

    def __init__(self, message, problem=None):
        super().__init__(message)
        self.problem = problem  # the <problem> part alone, where the raiser hands it over
