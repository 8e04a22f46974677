"""harness check: a learner's own functions against dlfp's, in Python, R and Octave.

dlfp's own functions given as a learner's file pass every exercise in each language; files with
planted slips (tests/learners/*/slips*) have each slip named with its function, quantity,
layer, step and hint; files that hang, raise, return the wrong shape or kill their process are
reported so and checking goes on; the starter files load and count as "not written yet".
"""
import json
import subprocess
import sys

import numpy as np
import pytest

import dlfp
from harness.check import codec, compare, exercises, slips
from harness.check.driver import decode as driver_decode
from harness.check.exercises import ladder
from harness.check.runner import Status, run_check
from harness.check.templates import FUNCTIONS, SIGNATURES, template
from harness.paths import ROOT

from conftest import require_language

LEARNERS = ROOT / "tests" / "learners"
OWN = {"python": LEARNERS / "python" / "dlfp_own.py", "r": LEARNERS / "r" / "dlfp_own.R",
       "octave": LEARNERS / "octave" / "dlfp_own"}
SLIP_FILES = {"python": LEARNERS / "python" / "slips.py", "r": LEARNERS / "r" / "slips.R",
              "octave": LEARNERS / "octave" / "slips"}
FAULTS = {"python": LEARNERS / "python" / "faults.py", "r": LEARNERS / "r" / "faults.R",
          "octave": LEARNERS / "octave" / "faults.m"}
LANGS = ["python", "r", "octave"]

# language -> (exercise, function, which of that function's checks in the exercise) ->
#   (the quantity named, its layer, its step, the slip named)
SLIPS = {
    "python": {
        ("activations", "sigmoid_backward", 0): ("dZ", None, None, "derivative at Z"),
        ("linear", "linear_forward", 0): ("Z", None, None, "bias left out"),
        ("cost", "compute_cost", 0): ("J", None, None, "sum, not mean"),
        ("cost", "compute_cost", 1): ("J", None, None, "sum, not mean"),
        ("cost", "l2_penalty", 0): ("the L2 term of J", None, None, "L2 missing"),
        ("forward", "initialize_parameters", 0): ("W1", 1, None, "row by row"),
        ("backward", "backward_propagation", 0): ("db_3", 3, None, "db without 1/m"),
        ("backward", "backward_propagation", 1): ("db_2", 2, None, "db without 1/m"),
        ("backward_l2", "backward_propagation", 0): ("db_3", 3, None, "db without 1/m"),
        ("backward_dropout", "forward_propagation_dropout", 0): (
            "A_prev of layer 2 (A_1 after dropout)", 2, None, "mask not rescaled"),
        ("backward_dropout", "backward_propagation", 0): ("db_3", 3, None, "db without 1/m"),
        ("optimizers", "update_parameters_adam", 0): ("updated W1", 1, 1, "no bias correction"),
    },
    "r": {
        ("activations", "softmax_forward", 0): ("A", None, None, "softmax over rows"),
        ("linear", "linear_forward", 0): ("Z", None, None, "transposed"),
        ("activations", "tanh_backward", 0): ("dZ", None, None, "derivative at A"),
        ("cost", "l2_penalty", 0): ("the L2 term of J", None, None, "L2 not / m"),
        ("backward_l2", "backward_propagation", 0): ("dW_3", 3, None, "L2 missing from dW"),
        ("backward_dropout", "backward_propagation", 0): ("dW_2", 2, None,
                                                          "mask of the wrong layer"),
        ("optimizers", "update_parameters_momentum", 0): ("v of W1", 1, 2, "state not carried"),
        ("schedules", "schedule_exponential", 0): ("lr at epoch e = 1", None, 1, "staircase"),
    },
    "octave": {
        ("activations", "relu_backward", 0): ("dZ", None, None, "dA left out"),
        ("cost", "compute_cost", 0): ("J", None, None, "y log a only"),
        ("backward", "backward_propagation", 1): ("dW_2", 2, None, "softmax elementwise"),
        ("backward_dropout", "backward_propagation", 0): ("dW_2", 2, None, "mask not applied"),
        ("gd_step", "update_parameters", 0): ("updated b1", 1, None, "bias left out"),
        ("optimizers", "update_parameters_rmsprop", 0): ("updated W1", 1, 1,
                                                         "epsilon inside sqrt"),
        ("optimizers", "update_parameters_adam", 0): ("updated W1", 1, 1, "t - 1"),
        ("schedules", "schedule_inverse_time", 0): ("lr at epoch e = 1", None, 1, "no floor"),
    },
}


def keyed(results):
    """{(exercise, function, ordinal): result}: a function's checks counted within an exercise."""
    out, seen = {}, {}
    for r in results:
        k = (r.exercise, r.fn)
        out[k + (seen.get(k, 0),)] = r
        seen[k] = seen.get(k, 0) + 1
    return out


# --- the engine, without other languages -------------------------------------------------------

def test_the_slips_switches_at_their_defaults_are_dlfp_bit_for_bit():
    for ex in ladder():
        for check in ex.checks:
            if check.fn == "backward_propagation":
                args = check.calls[0].args
                want = dlfp.backward_propagation(*args)
                got = slips.backward(*args)
                assert list(got) == list(want)
                assert all(np.array_equal(got[k], want[k]) for k in want), check.case
            if check.fn == "forward_propagation_dropout":
                args = check.calls[0].args
                AL, caches, rng = dlfp.forward_propagation_dropout(*args)
                AL2, caches2, rng2 = slips.forward(*args)
                assert np.array_equal(AL, AL2) and rng == rng2
                for c, c2 in zip(caches, caches2):
                    assert c.keys() == c2.keys()
                    assert all(np.array_equal(c[k], c2[k]) for k in c)
    X, params, _ = exercises._network(1, [4, 5, 3, 1], exercises.ACTS)
    AL, caches = dlfp.forward_propagation(X, params, exercises.ACTS)
    AL2, caches2, _ = slips.forward(X, params, exercises.ACTS)
    assert np.array_equal(AL, AL2)
    p, r = dlfp.initialize_parameters([4, 5, 3, 1], "he", dlfp.rng_create(3))
    p2, r2 = slips._init([4, 5, 3, 1], "he", dlfp.rng_create(3))
    assert r == r2 and all(np.array_equal(p[k], p2[k]) for k in p)
    params = {"W1": np.ones((2, 3)), "b1": np.ones((2, 1))}
    grads = {"dW1": np.full((2, 3), 0.5), "db1": np.full((2, 1), -0.5)}
    state = dlfp.initialize_optimizer(params)
    for kind in ("momentum", "rmsprop", "adam"):
        want = dlfp.OPTIMIZERS[kind](params, grads, state, 0.1, exercises.SETTINGS, 2)
        got = slips._opt(params, grads, state, 0.1, exercises.SETTINGS, 2, kind=kind)
        for a, b in zip(want, got):
            assert np.allclose(a["W1"] if "W1" in a else a["v"]["W1"],
                               b["W1"] if "W1" in b else b["v"]["W1"], rtol=1e-15)


def test_every_slip_changes_some_quantity_of_its_check():
    # a slip whose numbers are dlfp's could never be told apart: its hint would be unreachable
    for ex in ladder():
        for check in ex.checks:
            ref = check.quantities(exercises.execute(check, getattr(dlfp, check.fn)))
            for slip in check.slips:
                with np.errstate(all="ignore"):
                    var = check.quantities(exercises.execute(check, slip.impl))
                assert any(compare.difference(v, r.value, "python") is not None
                           for v, r in zip(var, ref)), (check.fn, slip.name)


def test_inputs_travel_bit_for_bit():
    s = exercises.Stream(7)
    A = s.normal(3, 5) * 1e-300
    B = s.normal(2, 2) * 1e300
    value = {"A": A, "list": [B, {"x": 0.1}], "names": ["relu", "sigmoid"], "layers": [4, 5, 1],
             "n": 7, "none": None}
    back = driver_decode(codec.encode_input(value))
    assert np.array_equal(back["A"], A) and back["A"].shape == (3, 5)
    assert np.array_equal(back["list"][0], B) and back["list"][1] == {"x": 0.1}
    assert back["names"] == ["relu", "sigmoid"] and back["layers"] == [4, 5, 1]
    assert back["n"] == 7 and back["none"] is None


def test_difference_names_the_place_and_the_transpose():
    q = exercises.Quantity("Z", None, None, np.array([[1.0, 2.0], [3.0, 4.5], [5.0, 6.0]]))
    d = compare.difference(q, np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), "python")
    assert (d.kind, d.abs_at, d.max_abs, d.got, d.want) == ("values", (1, 1), 0.5, 4.5, 4.0)
    q = exercises.Quantity("Z", None, None, np.arange(6.0).reshape(2, 3))
    d = compare.difference(q, np.arange(6.0).reshape(2, 3).T, "python")
    assert d.kind == "shape" and d.transposed
    # R's vector without dim stands for a column; Python's 1-D array does not
    q = exercises.Quantity("db", None, None, np.array([1.0, 2.0]))
    assert compare.difference(q, np.array([[1.0], [2.0]]), "r") is None
    assert compare.difference(q, np.array([[1.0], [2.0]]), "python").kind == "shape"
    q = exercises.Quantity("J", None, None, np.nan)
    assert compare.difference(q, 1.0, "python").kind == "values"
    assert compare.difference(exercises.Quantity("J", None, None, 1.0 + 1e-13), 1.0,
                              "python") is None


def test_templates_cover_every_function_with_its_signature():
    for lang in LANGS:
        text = template("all", lang)
        for name, (args, _, eq, _) in SIGNATURES.items():
            assert name in text and eq.split(" ;")[0][:40] in text, (lang, name)
        assert "TODO" in text
    assert set(SIGNATURES) == {f for fs in FUNCTIONS.values() for f in fs}
    assert set(FUNCTIONS) == set(exercises.EXERCISE_NAMES)
    assert set(SIGNATURES) == {c.fn for e in ladder() for c in e.checks}


# --- the command line ----------------------------------------------------------------------------

def cli(*args):
    return subprocess.run([sys.executable, "-m", "harness", "check", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("args, problem", [
    (["nowhere.py"], "no such file"),
    ([ROOT / "README.md"], "cannot tell the language"),
    ([OWN["python"], "--exercise", "nope"], "unknown exercise nope"),
    ([OWN["python"], "--timeout", "0"], "--timeout"),
    ([OWN["python"], "--timeout", "nan"], "--timeout"),
    ([OWN["python"], "--lang", "r"], "--lang goes with --template"),
    (["--template", "linear"], "--template needs --lang"),
    (["--template", "nope", "--lang", "r"], "unknown exercise nope"),
    (["--template", "linear", "--lang", "julia"], "--template needs --lang"),
    ([], "give the PATH"),
])
def test_bad_usage_is_one_line_and_exit_2(args, problem):
    p = cli(*args)
    assert p.returncode == 2, p.stderr
    assert p.stderr.startswith("harness: check: ") and problem in p.stderr
    assert len(p.stderr.splitlines()) == 1 and p.stdout == ""


def test_exit_status_and_template_output():
    for args in ([OWN["python"], "--exercise", "linear", "--exercise", "cost"],
                 ["--exercise", "linear", "cost", OWN["python"]]):
        p = cli(*args)
        assert p.returncode == 0, p.stdout + p.stderr
        assert "4 pass" in p.stdout and "1. activations" not in p.stdout
    p = cli(SLIP_FILES["python"], "--exercise", "linear")
    assert p.returncode == 1
    assert "first difference: Z" in p.stdout and "hint: your Z is W * A_prev without b" in p.stdout
    p = cli("--template", "linear", "--lang", "python")
    assert p.returncode == 0 and "def linear_forward(A_prev, W, b):" in p.stdout


# --- each language ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_dlfps_own_functions_pass_every_exercise(lang):
    require_language(lang)
    report = run_check(OWN[lang], [])
    assert report.load_error is None
    n = sum(len(e.checks) for e in ladder())
    assert [r.status for r in report.results] == [Status.PASS] * n, [
        (r.fn, r.status, r.message, r.difference) for r in report.results
        if r.status != Status.PASS]
    assert not report.failed


@pytest.mark.parametrize("lang", LANGS)
def test_a_learners_own_implementation_from_the_starter_file_passes(lang):
    # no dlfp function but the stream's, the structures as the starter file lays them out
    # (Python's also takes other numerical roads than dlfp's)
    require_language(lang)
    name = {"python": "python/from_scratch.py", "r": "r/from_scratch.R",
            "octave": "octave/from_scratch.m"}[lang]
    report = run_check(LEARNERS / name, [])
    assert {r.status for r in report.results} == {Status.PASS}, [
        (r.fn, r.status, r.message, r.difference) for r in report.results
        if r.status != Status.PASS]


@pytest.mark.parametrize("lang", LANGS)
def test_planted_slips_are_named(lang):
    require_language(lang)
    report = run_check(SLIP_FILES[lang], [])
    results = keyed(report.results)
    for key, (label, layer, step, slip) in SLIPS[lang].items():
        r = results[key]
        assert r.status == Status.DIFFERS, (key, r.status, r.message)
        d = r.difference
        assert (d.label, d.layer, d.step) == (label, layer, step), (key, d)
        assert r.slips == [slip], (key, r.slips)
    others = {k: r.status for k, r in results.items() if k not in SLIPS[lang]}
    assert set(others.values()) <= {Status.PASS, Status.NOT_WRITTEN}, others
    assert report.failed


@pytest.mark.parametrize("lang", LANGS)
def test_a_hang_an_error_a_wrong_shape_and_a_crash_are_reported_and_checking_goes_on(lang):
    require_language(lang)
    report = run_check(FAULTS[lang], ["activations", "linear"], timeout=3.0)
    r = {x.fn: x for x in report.results}
    name = FAULTS[lang].name
    assert r["sigmoid_forward"].status == Status.HANGS
    assert "no answer within 3 s" in r["sigmoid_forward"].message
    if lang != "octave":  # Octave cannot catch the interrupt that asks where it was
        assert r["sigmoid_forward"].where.startswith(f"{name}, line ")
        assert r["sigmoid_forward"].where.endswith("in sigmoid_forward")
    assert r["tanh_forward"].status == Status.RAISED
    assert "scale" in r["tanh_forward"].message
    assert r["tanh_forward"].where.startswith(f"{name}, line ")
    assert r["tanh_forward"].where.endswith("in tanh_forward")
    assert r["relu_forward"].status == Status.DIFFERS
    assert r["relu_forward"].difference.kind == "shape"
    assert r["relu_forward"].difference.expected_shape == (4, 6)
    assert r["softmax_forward"].status == Status.CRASHED
    assert "exit status 3" in r["softmax_forward"].message
    assert r["linear_forward"].status == Status.PASS  # checked after all that
    assert r["relu_backward"].status == Status.NOT_WRITTEN


@pytest.mark.parametrize("lang", LANGS)
def test_the_starter_file_loads_and_counts_as_not_written(lang, tmp_path):
    require_language(lang)
    path = tmp_path / {"python": "mine.py", "r": "mine.R", "octave": "mine.m"}[lang]
    path.write_text(template("all", lang))
    report = run_check(path, [])
    assert report.load_error is None, report.load_error
    assert {r.status for r in report.results} == {Status.NOT_WRITTEN}
    assert not report.failed


def test_a_file_that_does_not_load_is_one_message(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def sigmoid_forward(Z):\n    return (\n")
    report = run_check(bad, ["linear"])
    assert report.load_error.startswith("SyntaxError") and report.failed
    assert report.load_where.startswith("bad.py, line ")


@pytest.mark.parametrize("lang, text, message, where", [
    ("octave", "1;\nfunction A = sigmoid_forward (Z)\n  A = 1 ./ (1 + exp (-Z);\nendfunction\n",
     "parse error near line 3", None),
    ("r", "x <- 1\nstop(\"my own error at load\")\n", "my own error at load", "mine.R, line 2"),
])
def test_a_file_that_does_not_load_in_r_or_octave(lang, text, message, where, tmp_path):
    require_language(lang)
    path = tmp_path / ("mine.m" if lang == "octave" else "mine.R")
    path.write_text(text)
    report = run_check(path, ["linear"])
    assert message in report.load_error and report.failed
    assert report.load_where == where


def test_structures_that_are_not_dlfps_are_named(tmp_path):
    mine = tmp_path / "mine.py"
    mine.write_text('''import numpy as np
import dlfp


def forward_propagation(X, params, activations):
    AL, caches = dlfp.forward_propagation(X, params, activations)
    return AL, [((c["A_prev"],), c["Z"]) for c in caches]  # the book's tuples


def update_parameters(params, grads, learning_rate):
    return None


def linear_forward(A_prev, W, b):
    return (W @ A_prev + b,)  # a tuple of one


def backward_propagation(AL, Y, caches, params, activations, lambd=0, keep_prob=1):
    g = dlfp.backward_propagation(AL, Y, caches, params, activations, lambd, keep_prob)
    return {k: (v.ravel() if k.startswith("db") else v) for k, v in g.items()}
''')
    report = run_check(mine, ["linear", "forward", "backward", "gd_step"])
    r = keyed(report.results)
    d = r[("forward", "forward_propagation", 0)].difference
    assert (d.kind, d.label, d.why) == ("missing", "A_prev of layer 1",
                                        "the cache of layer 1 is not a dict / named list / struct")
    d = r[("gd_step", "update_parameters", 0)].difference
    assert d.why == "params is nothing (None / NULL / [])"
    d = r[("linear", "linear_forward", 0)].difference
    assert d.kind == "missing" and d.label == "Z" and "is a list" in d.why
    d = r[("backward", "backward_propagation", 0)].difference
    assert (d.kind, d.label, d.shape, d.expected_shape) == ("shape", "db_2", (3,), (3, 1))


def test_r_may_return_several_values_by_position_and_vectors_for_columns(tmp_path):
    require_language("r")
    mine = tmp_path / "mine.R"
    mine.write_text('''dlfp <- parent.env(environment())
initialize_parameters <- function(layers, init, rng) {
  out <- dlfp$initialize_parameters(layers, init, rng)
  list(out$params, out$rng)  # no names: taken in dlfp's order
}
update_parameters <- function(params, grads, learning_rate) {
  for (k in names(params)) params[[k]] <- params[[k]] - learning_rate * grads[[paste0("d", k)]]
  params$b1 <- as.vector(params$b1)  # a vector without dim stands for the column
  params
}
''')
    report = run_check(mine, ["forward", "gd_step"])
    r = keyed(report.results)
    assert r[("forward", "initialize_parameters", 0)].status == Status.PASS
    assert r[("gd_step", "update_parameters", 0)].status == Status.PASS


def test_the_records_as_a_json_document(tmp_path):
    out = tmp_path / "check.json"
    p = cli(SLIP_FILES["python"], "--exercise", "linear", "activations", "--json", out)
    assert p.returncode == 1
    doc = json.loads(out.read_text())
    assert (doc["language"], doc["failed"], doc["load_error"]) == ("python", True, None)
    r = {x["function"]: x for x in doc["results"]}
    assert r["linear_forward"]["status"] == "differs"
    assert r["linear_forward"]["slips"] == ["bias left out"]
    assert r["linear_forward"]["difference"]["label"] == "Z"
    assert r["relu_forward"]["status"] == "not written yet"
    p = cli(SLIP_FILES["python"], "--json", tmp_path / "nowhere" / "check.json")
    assert p.returncode == 2 and p.stderr.startswith("harness: check: --json: ")
    assert p.stdout == ""  # refused before anything ran


# --- what the learner's code says is echoed one line each, escaped ----------------------------

# sigmoid_forward stops with a line break and an escape sequence in its message, relu_forward
# with a message of 2000 characters, and tanh_forward writes an escape sequence (clear the
# screen) and ends its process: the same in each language
SAYS = {"python": r'''import os


def sigmoid_forward(Z):
    raise ValueError("a\nb\x1b[31mred")


def relu_forward(Z):
    raise ValueError("x" * 2000)


def tanh_forward(Z):
    print("\x1b[2Jwiped", flush=True)
    os._exit(3)
''', "r": r'''sigmoid_forward <- function(Z) stop("a\nb\033[31mred")
relu_forward <- function(Z) stop(strrep("x", 2000))
tanh_forward <- function(Z) {
  cat("\033[2Jwiped\n")
  quit(save = "no", status = 3)
}
''', "octave": r'''1;
function A = sigmoid_forward (Z)
  error ("a\nb\033[31mred");
endfunction
function A = relu_forward (Z)
  error (repmat ("x", 1, 2000));
endfunction
function A = tanh_forward (Z)
  printf ("\033[2Jwiped\n");
  exit (3);
endfunction
'''}
SAYS_NAME = {"python": "mine.py", "r": "mine.R", "octave": "mine.m"}


@pytest.mark.parametrize("lang", LANGS)
def test_what_the_learners_code_says_is_one_escaped_line_each(lang, tmp_path):
    from harness.check.text import render

    require_language(lang)
    path = tmp_path / SAYS_NAME[lang]
    path.write_text(SAYS[lang])
    report = run_check(path, ["activations"], timeout=20.0)
    r = {x.fn: x for x in report.results}
    assert [r[f].status for f in ("sigmoid_forward", "relu_forward", "tanh_forward")] == [
        Status.RAISED, Status.RAISED, Status.CRASHED]
    # the records keep the learner's text as it was (the JSON document escapes it its own way)
    assert r["sigmoid_forward"].message.endswith("a\nb\x1b[31mred")
    assert r["tanh_forward"].output == ["\x1b[2Jwiped"]
    text = render(report)
    assert not any(c in line for line in text for c in "\n\r\x1b"), text
    prefix = "ValueError: " if lang == "python" else ""
    lines = {ln.strip() for ln in text}
    assert prefix + r"a\nb\x1b[31mred" in lines, text
    assert prefix + "x" * (500 - len(prefix)) + "..." in lines, text
    assert r"\x1b[2Jwiped" in lines, text
    assert "the {} process died (exit status 3); its last output:".format(
        {"python": "Python", "r": "R", "octave": "Octave"}[lang]) in lines, text


def test_a_file_that_crashes_while_loading_shows_its_output_escaped(tmp_path):
    from harness.check.text import render

    path = tmp_path / "mine.py"
    path.write_text('import os\nprint("one\\x1b[31m\\ttwo", flush=True)\nos._exit(4)\n')
    report = run_check(path, ["linear"])
    assert report.load_error == ("it stopped the Python process while loading (exit status 4): "
                                 "its last output:")
    assert report.load_output == ["one\x1b[31m\ttwo"]
    assert render(report)[1:] == [f"your file could not be loaded: {report.load_error}",
                                  r"  one\x1b[31m\ttwo"]


def test_a_value_of_a_class_the_learner_named_is_named_escaped(tmp_path):
    path = tmp_path / "mine.py"
    path.write_text('def sigmoid_forward(Z):\n    return type("odd\\x1b[31m\\nname", (), {})()\n')
    report = run_check(path, ["activations"])
    d = {x.fn: x for x in report.results}["sigmoid_forward"].difference
    assert (d.kind, d.why) == ("missing", r"is odd\x1b[31m\nname, not numbers")
