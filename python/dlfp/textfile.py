"""Reading text files the one way all three twins read them: a regular file, UTF-8 without a
byte-order mark, JSON without NaN, Infinity or a key given twice and within the limits of
scenario_rules.json. Each parser is laxer (or weaker) in its own way, so these rules are
checked here, before and after the parser, in the same order in Python, R and Octave.
"""
import json
import os
import re
import stat

import numpy as np

from .errors import LIMITS, SPECIAL_FOLDERS, DlfpError, shown, shown_path

BOM = b"\xef\xbb\xbf"
# a JSON string, so that what is inside one is never taken for a literal
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
NONFINITE = re.compile(r"(?<![A-Za-z0-9_])(?:NaN|Infinity)(?![A-Za-z0-9_])")
# a \u0000 or a surrogate escape without its partner: R's parser cuts a string at the first,
# and turns the second into "?", so no language takes either (escaped backslashes are taken
# out of the string first, so that "\\u0000" stays text)
BAD_ESCAPE = re.compile(r"\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                        r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def check_regular_file(path, fn):
    """Stop unless path names a regular file: "no such file", or "is not a regular file" for a
    folder, FIFO, device, socket or anything under /proc, /sys or /dev (links followed), before
    anything opens it (a FIFO would block, a device never end)."""
    try:
        st = os.stat(path) if isinstance(path, str) and path else None
    except (OSError, ValueError):
        st = None
    if st is None:
        _fail(fn, f"no such file: {shown_path(path)}")
    real = os.path.realpath(path)
    if not stat.S_ISREG(st.st_mode) or (real + "/").startswith(SPECIAL_FOLDERS):
        _fail(fn, f"{shown_path(path)} is not a regular file")


def read_text(path, fn, max_bytes=None):
    """text = the UTF-8 file at path, or an error naming the file (missing, not a regular file,
    larger than max_bytes, unreadable, BOM, not UTF-8, a NUL byte).

    Parameters
    ----------
    path : str
    fn : str
        The public function to name in the error.
    max_bytes : int or None
        The largest file taken, checked before a byte is read; None takes any size.
    """
    check_regular_file(path, fn)
    if max_bytes is not None and os.stat(path).st_size > max_bytes:
        _fail(fn, f"{shown_path(path)} is larger than {max_bytes} bytes")
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        _fail(fn, f"cannot read {shown_path(path)}: {e.strerror}")
    if raw.startswith(BOM):
        _fail(fn, f"{shown_path(path)} begins with a byte-order mark (save it as UTF-8 without one)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        _fail(fn, f"{shown_path(path)} is not UTF-8 text")
    if "\x00" in text:  # an R string cannot hold one: no language takes it
        _fail(fn, f"{shown_path(path)} has a NUL byte, which no text file has")
    return text


def read_json(path, fn, max_bytes=LIMITS["json_bytes"]):
    """value = JSON(path), strictly: no NaN or Infinity literal, no key given twice.

    A key given twice is reported for the first object to close that has one (objects close
    inner before outer), so every language names the same key. A file larger than max_bytes
    (the rules' limits.json_bytes) is refused unread; None takes any size (a result of dlfp's
    own, read back by predict).
    """
    text = read_text(path, fn, max_bytes)
    bare = JSON_STRING.sub('""', text)
    if NONFINITE.search(bare):
        _fail(fn, f"{shown_path(path)} holds NaN or Infinity, which JSON does not allow")
    check_limits(text, bare, path, fn)
    twice = []

    def pairs(items):
        seen = set()
        for key, _ in items:
            if key in seen and not twice:
                twice.append(key)
            seen.add(key)
        return dict(items)

    try:
        value = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as e:
        _fail(fn, f"malformed JSON in {shown_path(path)}: {e}")
    if twice:
        _fail(fn, f"{shown_path(path)} has the key '{shown(twice[0])}' twice")
    return value


def check_limits(text, bare, path, fn):
    """Stop at JSON that nests arrays and objects deeper than LIMITS["json_depth"], holds a
    string or a number longer than LIMITS["json_string"] or ["json_number"] characters, or a
    \\u0000 or lone surrogate escape. Checked on the text, before any parser recurses.

    bare is text with every string emptied (""), so brackets and digits inside strings do not
    count; a string's length is that of its text between the quotes, escapes as written.
    """
    codes = np.frombuffer(bare.encode("utf-8"), dtype=np.uint8)
    step = np.isin(codes, (0x5B, 0x7B)).astype(np.int64) - np.isin(codes, (0x5D, 0x7D))
    if codes.size and np.cumsum(step).max() > LIMITS["json_depth"]:
        _fail(fn, f"{shown_path(path)} nests arrays and objects more than "
                  f"{LIMITS['json_depth']} deep")
    strings = JSON_STRING.findall(text)
    if any(len(t) - 2 > LIMITS["json_string"] for t in strings):
        _fail(fn, f"{shown_path(path)} has a string of more than {LIMITS['json_string']} "
                  "characters")
    if re.search(r"[-0-9][-+.0-9eE]{%d,}" % LIMITS["json_number"], bare):
        _fail(fn, f"{shown_path(path)} has a number of more than {LIMITS['json_number']} "
                  "characters")
    if any(BAD_ESCAPE.search(t.replace("\\\\", "")) for t in strings if "\\u" in t):
        _fail(fn, f"{shown_path(path)} has a string with \\u0000 or a lone surrogate escape, "
                  "which dlfp does not take")


def _fail(fn, problem):
    raise DlfpError(f"dlfp: {fn}: {problem}", problem)
