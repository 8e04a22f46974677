"""The harness: comparisons, the cross-language checks, and how it survives a bad language."""
import json
import re

import numpy as np
import pytest

from conftest import ROOT, require_language
from harness import crosscheck
from harness.crosscheck_doc import mismatch_lines
from harness.bridges import LanguageError
from harness.compare import first_mismatch, rel_diff
from harness.paths import DATA, copy_scenario, default_scenarios
from harness.worker import LanguageFailure, Worker

OTHERS = ["r", "octave"]


def test_rel_diff_is_max_abs_over_max_reference():
    assert rel_diff([1.0, 2.0], [1.0, 4.0]) == pytest.approx(0.5)
    assert rel_diff([0.0, 1e-3], [0.0, 0.0]) == pytest.approx(1e-3)
    assert rel_diff([1.0, 2.0, 3.0], [1.0, 2.0]) == float("inf")
    assert rel_diff([np.nan], [1.0]) == float("inf")


def test_first_mismatch_names_the_index():
    b = np.arange(6.0).reshape(2, 3)
    a = b.copy()
    assert first_mismatch(a, b, 0.0) is None
    a[1, 0] += 1e-9
    a[1, 2] += 1.0
    assert first_mismatch(a, b, 1e-12) == (1, 0)
    assert first_mismatch(a, b, 1e-6) == (1, 2)


@pytest.mark.parametrize("lang", OTHERS)
def test_random_stream_is_bit_identical(workers, lang):
    import dlfp

    w = workers(lang)
    for seed in [0, 1, 42, 2147483645]:
        for kind in ("uniform", "normal"):
            want, _ = getattr(dlfp, f"rng_{kind}")(dlfp.rng_create(seed), 100000)
            got = w.call(f"rng_{kind}", seed, 100000)
            # compare the raw bits, not the values with a tolerance
            assert np.array_equal(got.view(np.uint64), want.view(np.uint64)), (lang, kind, seed)


def short_copies(tmp_path, epochs=30):
    """The default suite, cut to a few epochs (and IDX data to a few hundred images), written
    where the tests may write."""
    paths = []
    for p in default_scenarios():
        s = json.loads(p.read_text())
        small = {"limit": 300, "test_limit": 100} if "idx_images" in s["data"] else {}
        paths.append(copy_scenario(p, tmp_path / p.name, epochs=min(s["epochs"], epochs),
                                   record_every=5, data=small))
    return paths


def test_crosscheck_agrees_on_the_default_suite_cut_short(tmp_path):
    for lang in OTHERS:
        require_language(lang)
    report = tmp_path / "report.json"
    lines = []
    assert crosscheck.run(short_copies(tmp_path), report=str(report), log=lines.append, timeout=300)
    doc = json.loads(report.read_text())
    assert doc["agree"] is True
    names = [s["name"] for s in doc["scenarios"]]
    assert names[0] == "random_stream"
    assert {"logreg_breast_cancer", "deep_xor", "spiral_softmax", "one_hidden_circles",
            "l2_dropout_spiral", "adam_inverse_time_spiral", "fashion_subset"} <= set(names)
    for s in doc["scenarios"][1:]:
        assert set(s["languages"]) == {"python", "r", "octave"}
        for lang, info in s["languages"].items():
            epochs = np.array(info["loss_curve"])[:, 0].tolist()
            assert epochs[0] == 0 and (epochs[1] == 5 or len(epochs) == 2)
            assert isinstance(info["initial_params"]["W1"][0], list)  # lists of rows
        assert s["max_rel_diff"]["initial_params"] == 0.0
        assert s["max_rel_diff"]["forward"] <= 1e-12
    assert "all languages agree" in lines[-1]


def test_a_different_language_is_caught(tmp_path, monkeypatch):
    # a stand-in "language" whose gradients are off by one part in 1e9 must fail the check
    for lang in OTHERS:
        require_language(lang)
    import dlfp

    cc = crosscheck.Crosscheck(langs=["python", "r"], timeout=300, log=lambda s: None)
    real_call = cc._call

    def skewed(lang, method, *args):
        out = real_call(lang, method, *args)
        if lang == "r" and method == "forward_backward":
            out["dW1"] = out["dW1"] * (1 + 1e-9)
        return out

    monkeypatch.setattr(cc, "_call", skewed)
    try:
        entry = cc.compare(str(short_copies(tmp_path)[0]))
    finally:
        cc.close()
    assert not entry.agree
    lines = mismatch_lines(entry)
    assert any(re.search(r", r, gradients: dW1 differs first at index \(0, 0\)", m)
               for m in lines), lines
    assert entry.languages["r"].status == "mismatch"
    first = [d for d in entry.languages["r"].differences if not d.ok][0]
    assert (first.quantity, first.key, first.where) == ("gradients", "dW1", (0, 0))
    del dlfp


@pytest.mark.parametrize("change,message", [
    ({"activations": ["swish", "softmax"]}, "unknown activation 'swish'"),
    ({"layers": [3, 100, 3]}, "the data have 2 features but the first layer has 3 units"),
])
def test_bad_scenario_is_reported_per_language(tmp_path, change, message):
    for lang in OTHERS:
        require_language(lang)
    s = json.loads((ROOT / "fixtures/scenarios/spiral_softmax.json").read_text())
    s.update(change)
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(s))
    cc = crosscheck.Crosscheck(timeout=120, log=lambda s: None)
    try:
        entry = cc.compare(str(p))
    finally:
        cc.close()
    assert not entry.agree
    for lang in ["python"] + OTHERS:
        assert entry.languages[lang].status == "rejected", entry.languages[lang]
        assert message in entry.languages[lang].message, (lang, entry.languages[lang])
    # each rejected it as Python did: no mismatch line, only their agreement to refuse
    assert mismatch_lines(entry) == [f"{entry.name}, python: rejected: "
                                     f"{entry.languages['python'].message}"]


def test_bad_data_makes_the_cli_exit_nonzero(tmp_path, capsys):
    for lang in OTHERS:
        require_language(lang)
    from harness.__main__ import main

    rows = (DATA / "breast_cancer.csv").read_text().splitlines()[:20]
    rows[7] = ",".join(["1e999"] + rows[7].split(",")[1:])  # a plain number too large: Inf
    (tmp_path / "d.csv").write_text("\n".join(rows) + "\n")
    s = json.loads((ROOT / "fixtures/scenarios/logreg_breast_cancer.json").read_text())
    s["data"]["csv"] = "d.csv"
    (tmp_path / "nan.json").write_text(json.dumps(s))
    assert main(["crosscheck", str(tmp_path / "nan.json")]) == 1
    out = capsys.readouterr().out
    for lang in ["python", "r", "octave"]:
        assert f"[{lang}]: dlfp: check_data: X has NaN or Inf at feature 1, example 8" in out, out


@pytest.mark.parametrize("lang", OTHERS)
def test_a_hung_language_is_killed_and_the_next_call_works(tmp_path, lang):
    require_language(lang)
    s = json.loads((ROOT / "fixtures/scenarios/spiral_softmax.json").read_text())
    s["epochs"] = 10**6  # the largest allowed: hours, in any language
    p = tmp_path / "long.json"
    p.write_text(json.dumps(s))
    w = Worker(lang, timeout=60)
    try:
        with pytest.raises(LanguageFailure, match=f"{lang} timed out after 3 s in run_scenario"):
            w.call("run_scenario", str(p), timeout=3)
        assert w.call("rng_uniform", 0, 1)[0] * 2147483647 == 48271.0
        with pytest.raises(LanguageError, match="dlfp: read_scenario: no such file"):
            w.call("run_scenario", str(tmp_path / "nope.json"))
    finally:
        w.close()


def public_python_names():
    import dlfp

    return sorted(n for n in dir(dlfp) if not n.startswith("_") and callable(getattr(dlfp, n))
                  and n != "DlfpError")


def test_every_python_function_has_an_r_and_an_octave_twin():
    r_src = "\n".join(p.read_text() for p in (ROOT / "r" / "R").glob("*.R"))
    r_names = set(re.findall(r"^([A-Za-z_][A-Za-z0-9_.]*)\s*<-", r_src, flags=re.M))
    oct_names = {p.stem for p in (ROOT / "octave" / "+dlfp").glob("*.m")}
    missing_r, missing_oct = [], []
    for name in public_python_names():
        if name not in r_names:
            missing_r.append(name)
        if name.lower() not in oct_names:
            missing_oct.append(name)
    for table in ["ACTIVATIONS", "DERIVATIVES", "COSTS", "INITIALIZERS", "OPTIMIZERS", "GENERATORS",
                  "SCHEDULES"]:
        if table not in r_names:
            missing_r.append(table)
    assert not missing_r, f"R lacks: {missing_r}"
    assert not missing_oct, f"Octave lacks: {missing_oct}"


def test_gradcheck_passes_in_every_language_and_flags_a_bad_gradient(tmp_path, monkeypatch):
    for lang in OTHERS:
        require_language(lang)
    from harness import gradcheck

    paths = [ROOT / "fixtures/scenarios/xavier_l2_circles.json",
             ROOT / "fixtures/scenarios/l2_dropout_spiral.json"]
    lines = []
    assert gradcheck.run(paths, examples=16, log=lines.append)
    rows = [ln for ln in lines if ln.startswith(("xavier_l2_circles", "l2_dropout_spiral"))]
    assert len(rows) == 6 and all(ln.endswith("ok") for ln in rows), lines
    # the check must be able to fail: a wrong Python gradient is caught
    import dlfp.gradcheck as gc

    real = gc.backward_propagation
    monkeypatch.setattr(gc, "backward_propagation",
                        lambda *a: {k: v * (1.01 if k == "dW1" else 1) for k, v in real(*a).items()})
    assert not gradcheck.run(paths[:1], langs=["python"], examples=16, log=lambda s: None)


@pytest.mark.parametrize("lang", ["python"] + OTHERS)
def test_a_language_runs_a_scenario_with_other_epochs_without_a_copy(workers, lang):
    # what the benchmark times: the epochs set in the language's own checked scenario
    w = workers(lang) if lang != "python" else Worker("python", timeout=120)
    try:
        r = w.call("run_scenario", str(ROOT / "fixtures/scenarios/deep_xor.json"), 2)
    finally:
        if lang == "python":
            w.close()
    assert np.asarray(r["loss_curve"]).reshape(-1, 2)[:, 0].tolist() == [0.0, 1.0]
