"""The cross-check engine and its presentation, with Python's real worker and stand-in columns
("r" and "torch" answer with Python's own numbers, changed where a test says): each outcome's
status, differences and lines, and the table and document made from them."""
import json
import threading

import numpy as np
import pytest

from conftest import ROOT
from dlfp.result import json_ready
from harness import crosscheck
from harness.bridges import LanguageError
from harness.crosscheck_doc import format_table, mismatch_lines, report_document
from harness.outcome import Status
from harness.paths import copy_scenario

XOR = ROOT / "fixtures" / "scenarios" / "deep_xor.json"
CV = ROOT / "fixtures" / "scenarios" / "cv_circles.json"


def stand_ins(cc, change=None):
    """cc's "r" and "torch" answer every call with Python's answer (a value or its error),
    passed through change(lang, method, answer), which may raise or return another answer."""
    real = cc._call
    one_at_a_time = threading.Lock()  # they all share Python's worker, one pipe

    def call(lang, method, *args):
        with one_at_a_time:
            try:
                out = real("python", method, *args)
            except LanguageError as e:  # Python's own refusal, as this language's answer
                out = e
        if change and lang != "python":
            out = change(lang, method, out)
        if isinstance(out, Exception):
            raise out
        return out

    cc._call = call


@pytest.fixture
def run_one(tmp_path):
    """compare(scenario, change, oracle) -> the ScenarioOutcome, with r (and torch) standing in."""
    def run(path, change=None, oracle=None):
        cc = crosscheck.Crosscheck(langs=["python", "r"], timeout=60, log=lambda s: None,
                                   oracle=oracle)
        stand_ins(cc, change)
        try:
            return cc.compare(str(path))
        finally:
            cc.close()
    return run


@pytest.fixture
def xor(tmp_path):
    return copy_scenario(XOR, tmp_path / "xor.json", epochs=20, record_every=10)


def test_an_identical_language_agrees_and_its_row_shows_zeros(run_one, xor):
    o = run_one(xor)
    assert o.agree and o.name == "deep_xor"
    assert [lang for lang in o.languages] == ["python", "r"]
    r = o.languages["r"]
    assert r.status is Status.OK and r.message == "" and r.differences
    assert all(d.ok and d.max_rel_diff == 0.0 for d in r.differences)
    assert {d.quantity for d in r.differences} == {"data", "forward", "gradients",
                                                   "initial_params", "loss_curve",
                                                   "final_params", "snapshots"}
    row = format_table([o], ["python", "r"]).splitlines()[3]
    assert row.split() == ["deep_xor", "r"] + ["0.00e+00"] * 7 + ["-", "ok"]
    assert mismatch_lines(o) == []


def test_a_curve_off_beyond_tolerance_is_named_where_it_differs_first(run_one, xor):
    def skew(lang, method, out):
        if method == "run_scenario":
            curve = np.array(out["loss_curve"], dtype=float).reshape(-1, 2)
            curve[1, 1] *= 1 + 1e-6  # the cost at epoch 10: 1e-6 > 1e-9
            out = dict(out, loss_curve=curve)
        return out

    o = run_one(xor, skew)
    r = o.languages["r"]
    assert not o.agree and r.status is Status.MISMATCH
    bad = [d for d in r.differences if not d.ok]
    assert [(d.quantity, d.key, d.where) for d in bad] == [("loss_curve", "loss_curve costs",
                                                            (1,))]
    assert 1e-7 < bad[0].max_rel_diff < 1e-6  # relative to the largest cost, not this one
    assert o.max_rel_diff(["loss_curve"])["loss_curve"] == bad[0].max_rel_diff
    [line] = mismatch_lines(o)
    assert line.startswith("deep_xor, r, loss_curve: loss_curve costs differs first at index "
                           "(1,) ((1,): ")
    assert line.endswith(" > 1e-09)")
    assert format_table([o], ["python", "r"]).splitlines()[3].endswith("  FAIL mismatch")


@pytest.mark.parametrize("message,status", [
    ("dlfp: train: diverged at epoch 3 (cost inf): try a smaller learning_rate",
     Status.DIVERGED),
    ("dlfp: read_scenario: unknown activation 'swish'", Status.REJECTED),
    ("Error in f(): object 'W3' not found", Status.ERROR),
])
def test_a_language_that_fails_a_scenario_python_ran_is_a_mismatch_line(run_one, xor, message,
                                                                        status):
    def fail(lang, method, out):
        if method == "run_scenario":
            raise LanguageError(message)
        return out

    o = run_one(xor, fail)
    r = o.languages["r"]
    assert (r.status, r.message, r.differences) == (status, message, [])
    assert mismatch_lines(o) == [f"deep_xor, r: {status.value}: {message}"]
    row = format_table([o], ["python", "r"]).splitlines()[3]
    assert row.split()[2:] == ["-"] * 8 + ["FAIL", status.value]


def test_when_python_rejects_a_language_must_reject_alike_and_the_oracle_has_nothing(
        run_one, tmp_path):
    s = json.loads(XOR.read_text())
    s["activations"] = ["swish"] + s["activations"][1:]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(s))

    # the stand-ins answer run_scenario with Python's, which raises Python's own error
    o = run_one(bad, oracle="torch")
    python, r, torch = (o.languages[k] for k in ("python", "r", "torch"))
    assert python.status is Status.REJECTED and "unknown activation 'swish'" in python.message
    assert (r.status, r.message) == (Status.REJECTED, python.message)
    assert torch.status is Status.REJECTED  # it ran dlfp's reader; no message comparison
    assert mismatch_lines(o) == [f"deep_xor, python: rejected: {python.message}"]

    def other_words(lang, method, out):
        raise LanguageError("dlfp: read_scenario: no")

    o = run_one(bad, other_words)
    assert mismatch_lines(o)[1:] == ["deep_xor, r: rejected it with another message than "
                                     "Python's: dlfp: read_scenario: no"]


def test_a_language_or_oracle_that_accepts_what_python_rejected(run_one, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(dict(json.loads(XOR.read_text()), epochs=-1)))
    cc = crosscheck.Crosscheck(langs=["python", "r"], timeout=60, log=lambda s: None,
                               oracle="torch")
    real = cc._call
    good = copy_scenario(XOR, tmp_path / "good.json", epochs=5)
    one_at_a_time = threading.Lock()

    def call(lang, method, *args):
        with one_at_a_time:
            if lang != "python" and method == "run_scenario":
                return real("python", method, str(good))
            return real("python", method, *args)

    cc._call = call
    try:
        o = cc.compare(str(bad))
    finally:
        cc.close()
    r, torch = o.languages["r"], o.languages["torch"]
    assert (r.status, r.message) == (Status.MISMATCH, "accepted a scenario that Python rejected")
    assert torch.status is Status.SKIPPED and torch.message == ""
    assert mismatch_lines(o)[1:] == ["deep_xor, r: accepted a scenario that Python rejected"]
    rows = format_table([o], ["python", "r", "torch"]).splitlines()
    assert rows[3].endswith("FAIL mismatch") and rows[4].endswith("FAIL -")
    doc = report_document([o], False, {})
    assert doc["scenarios"][0]["languages"]["r"]["error"] == r.message


def test_folds_missing_is_a_difference_without_a_number(run_one, tmp_path):
    cv = copy_scenario(CV, tmp_path / "cv.json", epochs=10, record_every=5)

    def drop(lang, method, out):
        if method == "run_scenario":
            out = {k: v for k, v in out.items() if k != "cross_validation"}
        return out

    o = run_one(cv, drop)
    r = o.languages["r"]
    assert r.status is Status.MISMATCH
    [missing] = [d for d in r.differences if not d.ok]
    assert (missing.quantity, missing.key, missing.max_rel_diff, missing.where) == (
        "cross_validation", None, None, "missing")
    assert "cross_validation" not in o.by_language()["r"]  # '-' in the table: nothing measured
    assert f"{o.name}, r, cross_validation: missing" in mismatch_lines(o)


def test_the_oracle_has_its_own_tolerances_and_is_left_out_of_the_maximum(run_one, xor):
    def skew(lang, method, out):
        if lang == "torch" and method == "run_scenario":
            curve = np.array(out["loss_curve"], dtype=float).reshape(-1, 2)
            curve[:, 1] *= 1 + 5e-10  # within the languages' 1e-9, beyond the oracle's 1e-10
            out = dict(out, loss_curve=curve)
        return out

    o = run_one(xor, skew, oracle="torch")
    torch = o.languages["torch"]
    assert torch.oracle and torch.status is Status.MISMATCH
    assert {d.quantity for d in torch.differences} == {"loss_curve", "final_params"}
    assert [d.tol for d in torch.differences if not d.ok] == [1e-10]
    assert o.max_rel_diff(["loss_curve"]) == {"loss_curve": 0.0}  # r's, not the oracle's
    assert o.by_language()["torch"]["loss_curve"] == pytest.approx(5e-10, rel=1e-3)


def test_a_missing_file_is_missing_in_every_column(run_one, tmp_path):
    o = run_one(tmp_path / "gone.json", oracle="torch")
    assert o.name == "gone"
    assert {k: v.status for k, v in o.languages.items()} == dict.fromkeys(
        ["python", "r", "torch"], Status.MISSING)
    assert mismatch_lines(o) == [f"gone, {lang}: missing: no such file: "
                                 f"{tmp_path / 'gone.json'}" for lang in ("python", "r", "torch")]


def test_a_folder_is_missing_and_says_why(run_one, tmp_path):
    o = run_one(tmp_path)
    assert {k: v.status for k, v in o.languages.items()} == dict.fromkeys(
        ["python", "r"], Status.MISSING)
    assert mismatch_lines(o) == [f"{tmp_path.name}, {lang}: missing: {tmp_path} is not a "
                                 "regular file" for lang in ("python", "r")]


def test_the_document_keeps_the_report_shape(run_one, xor):
    o = run_one(xor)
    doc = report_document([o], o.agree, {"python": "numpy x"})
    assert set(doc) == {"agree", "tolerances", "oracle_tolerances", "versions", "scenarios"}
    [entry] = doc["scenarios"]
    assert set(entry) == {"name", "scenario", "agree", "languages", "mismatches",
                          "max_rel_diff", "by_language"}
    assert set(entry["languages"]["r"]) == {"status", "initial_params", "final_params",
                                            "loss_curve", "train_accuracy", "snapshots",
                                            "seconds"}
    assert entry["languages"]["r"]["status"] == "ok"
    assert isinstance(entry["languages"]["r"]["final_params"]["W1"][0], list)
    json.dumps(doc, allow_nan=False)  # plain JSON values only


def test_json_ready_is_plain_json_and_names_what_json_cannot_hold():
    v = {"a": np.array([[1.0, np.inf], [np.nan, 2.0]]), "b": (np.float64(-np.inf), np.int32(3)),
         "c": [np.bool_(True), np.array([1, 2])]}
    assert json_ready(v, nonfinite=str) == {"a": [[1.0, "inf"], ["nan", 2.0]],
                                            "b": ["-inf", 3], "c": [True, [1, 2]]}
    out = json_ready(v)
    assert out["a"][0][1] == float("inf") and type(out["b"][1]) is int
    with pytest.raises(ValueError):
        json.dumps(out, allow_nan=False)  # left to the writer to refuse


def test_odd_scenario_paths_and_names_are_rows_not_hangs_or_tracebacks(tmp_path):
    import os

    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # opening it would block for ever
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000)
    named = tmp_path / "named.json"
    named.write_text(json.dumps(dict(json.loads(XOR.read_text()), name="two\nlines", epochs=-1)))
    (tmp_path / "folder").mkdir()
    lines = []
    assert not crosscheck.run([fifo, tmp_path / "folder", deep, named], langs=["python"],
                              log=lines.append, timeout=60)
    table = lines[-2 - 4]  # the table, then a MISMATCH line per scenario, then the verdict
    rows = table.splitlines()[3:-1]
    assert [r.split()[:2] + r.split()[-2:] for r in rows] == [
        ["fifo", "python", "FAIL", "missing"], ["folder", "python", "FAIL", "missing"],
        ["deep", "python", "FAIL", "rejected"], ["two\\nlines", "python", "FAIL", "rejected"]]
    assert lines[-2].startswith("MISMATCH two\\nlines, python: rejected: dlfp: ")
