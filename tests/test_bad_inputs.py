"""The bad-input corpus (fixtures/bad/cases.json): every case gets one line, the same words in
Python, R and Octave, exit status 2 and nothing written. R's and Octave's own suites run the
corpus too (test-bad-inputs.R, prepare_scenario.m); this file runs it in-process in Python and
through the three native runners, side by side."""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import dlfp
from conftest import ROOT, require_language

BAD = os.path.realpath(ROOT / "fixtures" / "bad")
CASES = json.loads((ROOT / "fixtures" / "bad" / "cases.json").read_text(encoding="utf-8"))["cases"]
RUNNERS = {
    "python": [sys.executable, "-m", "dlfp", "run"],
    "r": ["Rscript", str(ROOT / "r" / "dlfp_run.R")],
    "octave": ["octave-cli", "--no-gui", "--quiet", "--no-history", str(ROOT / "octave" / "dlfp_run.m")],
}


def fill(text):
    return text.replace("{bad}", BAD)


def matches(message, case):
    want = fill(case["message"])
    return message.startswith(want) if case.get("prefix") else message == want


def test_the_corpus_is_large_and_covers_every_kind():
    kinds = {c["kind"] for c in CASES}
    assert len(CASES) >= 80
    assert kinds == {"file", "json", "field", "csv", "idx", "data", "out"}
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_python_names_the_problem(case):
    with pytest.raises(dlfp.DlfpError) as e:
        if "out" in case:
            dlfp.check_result_path(fill(case["out"]))
        dlfp.prepare_scenario(os.path.join(BAD, case["scenario"]))
    assert matches(str(e.value), case), str(e.value)


def run_native(lang, case, folder):
    out = fill(case["out"]) if "out" in case else os.path.join(folder, f"{lang}-{case['id']}.json")
    cmd = RUNNERS[lang] + [os.path.join(BAD, case["scenario"]), "--quiet", "--out", out]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=folder,
                       env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
    wrote = "out" not in case and os.path.exists(out)
    return p.returncode, p.stderr, p.stdout, wrote


def test_every_language_prints_the_same_one_line(tmp_path):
    for lang in ("r", "octave"):
        require_language(lang)
    jobs = [(lang, case) for case in CASES for lang in RUNNERS]
    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = list(pool.map(lambda job: run_native(*job, str(tmp_path)), jobs))
    wrong = []
    for (lang, case), (code, err, out, wrote) in zip(jobs, outcomes):
        lines = err.splitlines()
        if code != 2 or len(lines) != 1 or not matches(lines[0], case) or out or wrote:
            wrong.append(f"{case['id']} [{lang}]: exit {code}, wrote {wrote}, stdout {out!r}, "
                         f"stderr {err!r}")
    assert not wrong, "\n".join(wrong[:30]) + f"\n({len(wrong)} in all)"
    assert sorted(os.listdir(tmp_path)) == [], "a runner left a file behind"
