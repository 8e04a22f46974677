"""The three twins mirror each other: every public function and table of each language has its
twins in the other two (both directions), with the same argument names in the same order, the
tables hold the same names, and the private helpers that do the same job share a name."""
import importlib
import inspect
import json
import re
import subprocess

import pytest

import dlfp
from conftest import ROOT, require_language

TABLES = ["ACTIVATIONS", "DERIVATIVES", "COSTS", "INITIALIZERS", "OPTIMIZERS", "SCHEDULES",
          "GENERATORS"]
# constants: an Octave function returns each (Octave has no package constants)
CONSTANTS = {"GRADCHECK_THRESHOLD": "gradcheck_threshold", "RULES": "scenario_rules"}
# Python-only by design: the exception type (R and Octave signal errors by class/identifier)
PYTHON_ONLY = {"DlfpError"}
# the estimator, in each language's idiom: Python's DLFPClassifier (dlfp.estimator, a
# scikit-learn class) is R's dlfp_fit with S3 methods and Octave's dlfp_fit / dlfp_predict
ESTIMATOR = {"r": {"dlfp_fit"}, "octave": {"dlfp_fit", "dlfp_predict"}}
# helpers that do one job in every language, under one name (Octave: dlfp.internal.<name>)
# (read_csv_matrix, the CSV reader they share, is public in all three: checked with the rest)
SHARED_HELPERS = ["check_object", "check_name", "integer_phrase", "number_phrase", "in_bounds",
                  "data_path", "read_idx_pair", "check_divergence"]
PY_HELPER_MODULES = [importlib.import_module(f"dlfp.{m}") for m in ("schema", "data", "train")]

# dlfp loaded as a package (r/load_dlfp.R: the project's installed copy if current, else the
# sources through pkgload), its namespace read: the exports and the internal helpers alike
R_DUMP = r"""
source("r/load_dlfp.R")
load_dlfp("r")
e <- asNamespace("dlfp")
exports <- sub("^export\\((.*)\\)$", "\\1", grep("^export\\(", readLines("r/NAMESPACE"),
                                                 value = TRUE))
fun_args <- lapply(setNames(nm = exports), function(n) {
  f <- get(n, envir = e)
  if (is.function(f)) names(formals(f)) else NULL
})
tables <- lapply(setNames(nm = TABLE_NAMES), function(n) sort(names(get(n, envir = e)),
                                                          method = "radix"))
helpers <- Filter(function(n) exists(n, envir = e, inherits = FALSE), HELPERS)
cat(jsonlite::toJSON(list(functions = fun_args, tables = tables, helpers = helpers),
                     auto_unbox = FALSE, null = "null"))
"""

OCTAVE_DUMP = r"""
addpath ("octave");
out = struct ();
for t = TABLE_NAMES
  out.(t{1}) = sort (fieldnames (dlfp.(lower (t{1})) ()))';
endfor
printf ("%s", jsonencode (out));
"""


def octave_signatures(folder):
    """{name: [argument names]} from the function line of each .m file in folder."""
    out = {}
    for path in sorted(folder.glob("*.m")):
        text = re.sub(r"\.\.\.\s*\n\s*", " ", path.read_text())
        m = re.search(r"^function\s+(?:\[?[^=\n]*\]?\s*=\s*)?(\w+)\s*(?:\(([^)]*)\))?", text,
                      flags=re.M)
        if m:
            out[m.group(1)] = [a.split("=")[0].strip() for a in (m.group(2) or "").split(",")
                               if a.strip() and a.strip() != "varargin"]
    return out


def python_public():
    return {n: getattr(dlfp, n) for n in dir(dlfp) if not n.startswith("_")
            and not inspect.ismodule(getattr(dlfp, n)) and n not in PYTHON_ONLY
            and n != "__version__"}


def python_args(f):
    return [p.name for p in inspect.signature(f).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


@pytest.fixture(scope="module")
def r_side():
    require_language("r")
    code = (R_DUMP.replace("TABLE_NAMES", "c(" + ", ".join(f'"{t}"' for t in TABLES) + ")")
            .replace("HELPERS", "c(" + ", ".join(f'"{h}"' for h in SHARED_HELPERS) + ")"))
    p = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.fixture(scope="module")
def octave_side():
    require_language("octave")
    code = OCTAVE_DUMP.replace("TABLE_NAMES", "{" + ", ".join(f'"{t}"' for t in TABLES) + "}")
    p = subprocess.run(["octave-cli", "--no-gui", "--quiet", "--no-history", "--eval", code],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    return {"tables": json.loads(p.stdout),
            "functions": octave_signatures(ROOT / "octave" / "+dlfp"),
            "helpers": octave_signatures(ROOT / "octave" / "+dlfp" / "+internal")}


def test_every_public_name_has_its_twins_both_ways(r_side, octave_side):
    py = set(python_public())
    r = set(r_side["functions"]) | set(r_side["tables"])
    octave = set(octave_side["functions"]) - ESTIMATOR["octave"]
    assert ESTIMATOR["r"] <= r and ESTIMATOR["octave"] <= set(octave_side["functions"])
    r -= ESTIMATOR["r"]
    octave_of = {n: CONSTANTS.get(n, n.lower()) for n in py}
    assert sorted(py - r) == [], "R lacks these Python names"
    assert sorted(r - py) == [], "R exports names Python lacks"
    assert sorted(n for n in py if octave_of[n] not in octave) == [], "Octave lacks these"
    assert sorted(octave - set(octave_of.values())) == [], "Octave has names Python lacks"


def test_arguments_have_the_same_names_in_the_same_order(r_side, octave_side):
    wrong = []
    for name, f in python_public().items():
        if not callable(f) or name in TABLES or inspect.isclass(f):
            continue
        want = python_args(f)
        r_args = r_side["functions"].get(name)
        oct_args = octave_side["functions"].get(name.lower())
        if r_args is not None and r_args != want:
            wrong.append(f"R {name}({', '.join(r_args)}) vs Python ({', '.join(want)})")
        if oct_args is not None and oct_args != want:
            wrong.append(f"Octave {name}({', '.join(oct_args)}) vs Python ({', '.join(want)})")
    assert not wrong, "\n".join(wrong)


def test_tables_hold_the_same_names(r_side, octave_side):
    for table in TABLES:
        want = sorted(getattr(dlfp, table))
        assert r_side["tables"][table] == want, table
        assert octave_side["tables"][table] == want, table


def test_shared_helpers_have_one_name_in_three_languages(r_side, octave_side):
    py = {h for h in SHARED_HELPERS if any(hasattr(m, h) for m in PY_HELPER_MODULES)}
    assert py == set(SHARED_HELPERS)
    assert sorted(set(SHARED_HELPERS) - set(r_side["helpers"])) == []
    assert sorted(set(SHARED_HELPERS) - set(octave_side["helpers"])) == []
