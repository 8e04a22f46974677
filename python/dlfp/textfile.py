"""Reading text files the one way all three twins read them: UTF-8 without a byte-order mark,
JSON without NaN, Infinity or a key given twice. Each parser is laxer in its own way, so these
rules are checked here, before and after the parser, in the same order in Python, R and Octave.
"""
import json
import os
import re

from .errors import DlfpError

BOM = b"\xef\xbb\xbf"
# a JSON string, so that what is inside one is never taken for a literal
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
NONFINITE = re.compile(r"(?<![A-Za-z0-9_])(?:NaN|Infinity)(?![A-Za-z0-9_])")


def read_text(path, fn):
    """text = the UTF-8 file at path, or an error naming the file (missing, BOM, not UTF-8).

    Parameters
    ----------
    path : str
    fn : str
        The public function to name in the error.
    """
    if not isinstance(path, str) or not os.path.isfile(path):
        _fail(fn, f"no such file: {path}")
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(BOM):
        _fail(fn, f"{path} begins with a byte-order mark (save it as UTF-8 without one)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        _fail(fn, f"{path} is not UTF-8 text")


def read_json(path, fn):
    """value = JSON(path), strictly: no NaN or Infinity literal, no key given twice.

    A key given twice is reported for the first object to close that has one (objects close
    inner before outer), so every language names the same key.
    """
    text = read_text(path, fn)
    if NONFINITE.search(JSON_STRING.sub('""', text)):
        _fail(fn, f"{path} holds NaN or Infinity, which JSON does not allow")
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
        _fail(fn, f"malformed JSON in {path}: {e}")
    if twice:
        _fail(fn, f"{path} has the key '{twice[0]}' twice")
    return value


def _fail(fn, problem):
    raise DlfpError(f"dlfp: {fn}: {problem}")
