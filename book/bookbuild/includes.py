"""Where a dlfp function's source lives in each language, for literalinclude.

Python: the module that defines it (literalinclude :pyobject: cuts the function out).
R: the file of r/R that assigns `name <- function(`; the lines from its roxygen block to the
first `}` at the start of a line after it. Octave: octave/+dlfp/name.m from its texinfo help to
its `endfunction` (the %!test blocks after it are the file's tests, not the function).
"""
import importlib
import inspect
import re

from .paths import ROOT, BuildError


def python_source(name):
    """(file, None): literalinclude's :pyobject: finds the lines."""
    dlfp = importlib.import_module("dlfp")
    obj = getattr(dlfp, name, None)
    if obj is None or not callable(obj):
        raise BuildError(f"book: dlfp-source: Python's dlfp has no function {name}")
    return inspect.getsourcefile(obj), None


def r_source(name):
    """(file, (first, last)) 1-based lines of the roxygen block and the function."""
    start = re.compile(r"^" + re.escape(name) + r"\s*<-\s*function\s*\(")
    for path in sorted((ROOT / "r" / "R").glob("*.R")):
        lines = path.read_text().split("\n")
        for i, line in enumerate(lines):
            if start.match(line):
                first = i
                while first > 0 and lines[first - 1].startswith("#'"):
                    first -= 1
                end = next((j for j in range(i, len(lines)) if lines[j].startswith("}")), None)
                if end is None:
                    raise BuildError(f"book: dlfp-source: {path.name}: {name} never closes")
                return str(path), (first + 1, end + 1)
    raise BuildError(f"book: dlfp-source: no R function {name} in r/R")


def octave_source(name):
    """(file, (first, last)) 1-based lines of the help and the function."""
    path = ROOT / "octave" / "+dlfp" / f"{name}.m"
    if not path.is_file():
        raise BuildError(f"book: dlfp-source: no Octave function {path.relative_to(ROOT)}")
    lines = path.read_text().split("\n")
    first = next((i for i, s in enumerate(lines) if s.startswith("## -*- texinfo -*-")), 0)
    end = next((i for i, s in enumerate(lines) if re.match(r"^end(function)?\s*$", s)), None)
    if end is None:
        end = max(i for i, s in enumerate(lines) if s.strip() and not s.startswith("%!"))
    return str(path), (first + 1, end + 1)


SOURCES = {"python": python_source, "r": r_source, "octave": octave_source}
