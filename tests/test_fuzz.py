"""The differential fuzzer (harness/fuzz.py): its contract catches what it must, its inputs are
reproducible from the seed, every saved failure (fixtures/bad/fuzz) holds today, and CI runs a
small seeded batch through the three native runners (make fuzz runs a larger one)."""
import os
import random

import pytest

from conftest import ROOT, require_language
from harness import fuzz

SAVED = ROOT / "fixtures" / "bad" / "fuzz"
# CI's batch: about a minute here (a case costs ~0.6 s with three runners side by side)
CI_N = int(os.environ.get("FUZZ_CI_N", "60"))
CI_SEED = int(os.environ.get("FUZZ_CI_SEED", "20261207"))


def outcome(code=2, stderr="dlfp: read_scenario: missing field 'name'\n", stdout="",
            stray=(), result=None):
    return {"code": code, "stderr": stderr, "stdout": stdout, "stray": list(stray),
            "result": result, "dir": "/tmp/out-x", "out": "/tmp/out-x/result.json"}


def outcomes(**by_lang):
    made = {lang: by_lang.get(lang, outcome()) for lang in fuzz.LANGS}
    made["_inputs_changed"] = []
    return made


def test_the_contract_holds_for_one_identical_line():
    assert fuzz.verdict(outcomes()) == (None, "")


@pytest.mark.parametrize("lang", fuzz.LANGS)
def test_the_contract_names_each_way_to_break_it(lang):
    cases = {
        "message": outcome(stderr="dlfp: read_scenario: missing field 'epochs'\n"),
        "lines": outcome(stderr="dlfp: read_scenario: x\nsecond line\n"),
        "failure": outcome(code=1, stderr="Traceback (most recent call last):\n"),
        "crash": outcome(code=-11, stderr=""),
        "timeout": outcome(code="timeout", stderr=""),
        "stray-file": outcome(stray=["octave-workspace"]),
        "exit": outcome(code=0, stderr=""),
    }
    for kind, bad in cases.items():
        sig, why = fuzz.verdict(outcomes(**{lang: bad}))
        assert sig is not None and sig.startswith(kind) and lang in sig, (kind, sig, why)


def test_results_must_agree_to_the_tolerance():
    doc = b'{"name": "a", "final_params": {"W1": [[1.0, 2.0]]}, "train_accuracy": 0.5}'
    near = b'{"name": "a", "final_params": {"W1": [[1.0, 2.0000000001]]}, "train_accuracy": 0.5}'
    far = b'{"name": "a", "final_params": {"W1": [[1.0, 2.1]]}, "train_accuracy": 0.5}'
    ok = {lang: outcome(code=0, stderr="", result=doc) for lang in fuzz.LANGS}
    assert fuzz.verdict(outcomes(**ok))[0] is None
    assert fuzz.verdict(outcomes(**dict(ok, r=outcome(code=0, stderr="", result=near))))[0] is None
    assert fuzz.verdict(outcomes(**dict(ok, octave=outcome(code=0, stderr="", result=far))))[0] \
        == "results:octave"
    renamed = doc.replace(b'"a"', b'"b"')
    assert fuzz.verdict(outcomes(**dict(ok, r=outcome(code=0, stderr="", result=renamed))))[0] \
        == "results:r"


def test_a_parser_s_own_detail_is_compared_up_to_its_words():
    line = "dlfp: read_scenario: malformed JSON in /x/s.json: "
    sig, _ = fuzz.verdict(outcomes(python=outcome(stderr=line + "Expecting value: line 1\n"),
                                   r=outcome(stderr=line + "lexical error: invalid char\n"),
                                   octave=outcome(stderr=line + "Expecting value: line 1\n")))
    assert sig is None


def test_the_same_seed_makes_the_same_inputs():
    rules = fuzz.load_rules()
    first = [fuzz.generate(random.Random(5), rules) for _ in range(1)]
    again = [fuzz.generate(random.Random(5), rules) for _ in range(1)]
    assert first == again
    rng_a, rng_b = random.Random(7), random.Random(7)
    assert [fuzz.generate(rng_a, rules) for _ in range(40)] == \
        [fuzz.generate(rng_b, rules) for _ in range(40)]
    kinds = {fuzz.generate(rng_a, rules)["kind"] for _ in range(200)}
    assert kinds == set(fuzz.GENERATORS)


def test_thousands_of_inputs_are_made_without_error():
    # a lone surrogate in a CSV cell once ended a 2,000-input run at input 1,060
    rules = fuzz.load_rules()
    for seed in (1, 160793900):
        rng = random.Random(seed)
        for _ in range(4000):
            case = fuzz.generate(rng, rules)
            assert all(isinstance(v, bytes) for v in case["files"].values()), case["note"]


def test_shrinking_keeps_the_failure_and_drops_the_rest():
    case = fuzz.make_case("rules", {"name": "x", "epochs": 2, "layers": [2, 3, 1],
                                    "description": "d" * 64, "bad": 1},
                          {"data.csv": b"1,2,0\n" * 20})

    def check(c):  # fails while the scenario still has "bad"
        return "sig" if b'"bad"' in c["files"]["scenario.json"] else None

    small, runs = fuzz.shrink(case, "sig", check, budget=60)
    assert small["files"]["scenario.json"] == b'{"bad": 1}'
    assert "data.csv" not in small["files"]
    assert runs <= 60


def test_every_saved_case_holds_today():
    folders = sorted(str(p) for p in SAVED.glob("*/case.json")) if SAVED.is_dir() else []
    if not folders:
        pytest.skip("no saved fuzz case yet")
    for lang in ("r", "octave"):
        require_language(lang)
    bad = fuzz.replay([os.path.dirname(f) for f in folders])
    assert not bad, "\n".join(f"{os.path.basename(f)}: {sig}: {why[:300]}" for f, sig, why in bad)


def test_a_small_seeded_batch_holds_the_contract():
    for lang in ("r", "octave"):
        require_language(lang)
    passed, failures = fuzz.batch(CI_N, CI_SEED, log=lambda s: None)
    assert not failures, f"seed {CI_SEED}:\n" + "\n".join(
        f"{sig}: {why[:300]}" for sig, why, _ in failures[:10])
    assert passed == CI_N
