"""Odd arguments that the bad-input corpus (fixtures/bad, one scenario file per case) cannot hold,
found by trying the commands as a careless or hostile user would: each is one identical `dlfp:`
line in every language with exit status 2 and nothing written, or a plain run."""
import os
import subprocess
import sys

import pytest

from conftest import ROOT, require_language
from test_estimator import OCTAVE_SCRIPT, R_SCRIPT

RUNNERS = {
    "python": [sys.executable, "-m", "dlfp", "run"],
    "r": ["Rscript", str(ROOT / "r" / "dlfp_run.R")],
    "octave": ["octave-cli", "--no-gui", "--quiet", "--no-history",
               str(ROOT / "octave" / "dlfp_run.m")],
}
ENV = dict(os.environ, OPENBLAS_NUM_THREADS="1")


def run(lang, args, cwd):
    p = subprocess.run(RUNNERS[lang] + [str(a) for a in args], cwd=cwd, capture_output=True,
                       text=True, timeout=300, env=ENV, stdin=subprocess.DEVNULL)
    return p.returncode, p.stderr, p.stdout


def langs():
    for lang in ("r", "octave"):
        require_language(lang)
    return list(RUNNERS)


# (id, the runner's arguments, the one line every language prints)
ARGUMENTS = [
    # an empty argument is a path like any other, not a missing one
    ("empty_scenario", ["", "--quiet"], "dlfp: read_scenario: no such file: "),
]


@pytest.mark.parametrize("args,line", [c[1:] for c in ARGUMENTS], ids=[c[0] for c in ARGUMENTS])
def test_an_odd_argument_is_one_identical_line(tmp_path, args, line):
    for lang in langs():
        code, err, out = run(lang, args, tmp_path)
        assert (code, err.splitlines(), out) == (2, [line], ""), lang
    assert os.listdir(tmp_path) == []


# --- run --out naming one of the run's own inputs: refused, the input left as it was

SCENARIO = ('{"name": "own_input", "data": {"csv": "train.csv", "test_csv": "test.csv"}, '
            '"layers": [2, 1], "activations": ["sigmoid"], "init": "xavier", "seed": 1, '
            '"optimizer": "gd", "learning_rate": 0.1, "epochs": 2, "record_every": 1}\n')
FILES = {"s.json": SCENARIO, "train.csv": "0,0,0\n1,1,1\n0,1,1\n", "test.csv": "1,0,1\n"}


@pytest.mark.parametrize("out", ["s.json", "train.csv", "test.csv", "link.json",
                                 "./sub/../s.json"])
def test_run_refuses_an_out_that_is_its_own_input(tmp_path, out):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "sub").mkdir()
    os.symlink("s.json", tmp_path / "link.json")  # the scenario again, through a link
    line = f"dlfp: write_result: {out} is an input of this run (the scenario or its data)"
    for lang in langs():
        code, err, _ = run(lang, ["s.json", "--quiet", "--out", out], tmp_path)
        assert (code, err.splitlines()) == (2, [line]), lang
        assert {n: (tmp_path / n).read_text() for n in FILES} == FILES, lang
        assert sorted(os.listdir(tmp_path)) == sorted([*FILES, "link.json", "sub"]), lang


def test_run_writes_an_out_beside_its_inputs(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    for lang in langs():
        code, err, _ = run(lang, ["s.json", "--quiet", "--out", f"{lang}.json"], tmp_path)
        assert (code, err) == (0, ""), lang
        assert (tmp_path / f"{lang}.json").read_text().startswith("{"), lang
        assert {n: (tmp_path / n).read_text() for n in FILES} == FILES, lang


# --- the estimators: R's words in Octave, and a complex setting written as Python writes it

R_ESTIMATOR = R_SCRIPT.format(calls="""\
show(dlfp_fit(x, y, learning_rate = 1i))
show(dlfp_fit(x, y, learning_rate = 2 - 1.5i))
show(dlfp_fit(x, c(0, 1, 1), epochs = 1))
show(dlfp_fit(x, cbind(y, y), epochs = 1))
show(dlfp_fit(x, y + 1i, epochs = 1))
model <- dlfp_fit(x, y, epochs = 1)
show(predict(model, matrix(0, 2, 3)))
show(predict(model, matrix(0, 0, 2)))
show(predict(structure(list(a = 1), class = "dlfp_model"), x))
""")
OCTAVE_ESTIMATOR = OCTAVE_SCRIPT.format(calls="""\
show (@() dlfp.dlfp_fit (x, y, "learning_rate", 1i));
show (@() dlfp.dlfp_fit (x, y, "learning_rate", 2 - 1.5i));
show (@() dlfp.dlfp_fit (x, [0; 1; 1], "epochs", 1));
show (@() dlfp.dlfp_fit (x, [y, y], "epochs", 1));
show (@() dlfp.dlfp_fit (x, y + 1i, "epochs", 1));
model = dlfp.dlfp_fit (x, y, "epochs", 1);
show (@() dlfp.dlfp_predict (model, zeros (2, 3)));
show (@() dlfp.dlfp_predict (model, zeros (0, 2)));
show (@() dlfp.dlfp_predict (struct ("a", 1), x));
""")


def estimator_lines(predict):
    setting = "dlfp: dlfp_fit: The 'learning_rate' parameter of dlfp_fit must be a positive " \
              "number. Got {} instead."
    return [setting.format("1j"), setting.format("(2-1.5j)"),
            "dlfp: dlfp_fit: y has 3 labels but x has 4 rows",
            "dlfp: dlfp_fit: y must be a vector of labels",  # a matrix: R counted 8 labels
            "dlfp: dlfp_fit: y must be a vector of labels",  # complex: Octave took it
            f"dlfp: {predict}: newdata has 3 columns but the model was fitted on 2 features",
            f"dlfp: {predict}: newdata has 0 rows and 2 columns",
            f"dlfp: {predict}: the model is not one dlfp_fit returned"]


def test_python_writes_a_complex_setting_as_its_repr():
    pytest.importorskip("sklearn")
    from sklearn.utils._param_validation import InvalidParameterError
    from dlfp.estimator import DLFPClassifier
    for value, got in ((1j, "1j"), (2 - 1.5j, "(2-1.5j)")):
        with pytest.raises(InvalidParameterError) as e:
            DLFPClassifier(learning_rate=value).fit([[0.0], [1.0]], [0, 1])
        assert str(e.value) == ("The 'learning_rate' parameter of DLFPClassifier must be a "
                                f"positive number. Got {got} instead.")


@pytest.mark.parametrize("lang,argv,predict", [
    ("r", ["Rscript", "-e", R_ESTIMATOR], "predict"),
    ("octave", ["octave-cli", "--no-gui", "--quiet", "--no-history", "--eval", OCTAVE_ESTIMATOR],
     "dlfp_predict")])
def test_r_and_octave_estimators_say_the_same(lang, argv, predict):
    """A complex setting ended Octave in max_recursion_depth, and R quoted it as a string."""
    require_language(lang)
    out = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.stdout.splitlines() == estimator_lines(predict), out.stderr


# --- python -m harness: a path that is no regular file, a scenario that cannot be read

def harness(args, cwd):
    p = subprocess.run([sys.executable, "-m", "harness"] + [str(a) for a in args], cwd=cwd,
                       capture_output=True, text=True, timeout=120, env=ENV,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stderr.splitlines(), p.stdout


def test_report_refuses_a_fifo_instead_of_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "report.json")
    code, err, out = harness(["report", tmp_path / "report.json", tmp_path / "html"], ROOT)
    assert (code, err, out) == (2, [f"harness: report: {tmp_path}/report.json is not a regular "
                                    "file"], "")
    assert sorted(os.listdir(tmp_path)) == ["report.json"]


def test_fixtures_reads_every_scenario_before_it_rewrites_anything(tmp_path):
    """It rewrote the breast-cancer, digits and random-stream fixtures, then ended in a
    traceback on the missing scenario."""
    data = ROOT / "fixtures" / "data" / "breast_cancer.csv"
    before = data.stat().st_mtime_ns
    code, err, out = harness(["fixtures", tmp_path / "missing.json"], tmp_path)
    assert (code, err, out) == (2, [f"harness: fixtures: read_scenario: no such file: "
                                    f"{tmp_path}/missing.json"], "")
    assert data.stat().st_mtime_ns == before


def test_a_sweep_log_reads_back_a_trial_longer_than_csvs_own_field_limit(tmp_path):
    """A sweep choosing layers of 100,000 sizes wrote its rows, then ended in a traceback
    (_csv.Error: field larger than field limit (131072)) reading them back."""
    from harness.trial_log import TrialLog

    layers = [2] + [1] * 100000 + [1]
    path = str(tmp_path / "trials.csv")
    result = {"train_accuracy": 0.5, "test_accuracy": 0.5, "final_cost": 0.25, "status": "ok",
              "seconds": 1.0, "message": ""}
    with TrialLog(path, ["layers"], [{"layers": layers}]) as log:
        log.record(0, "python", 1, result)
    with TrialLog(path, ["layers"], [{"layers": layers}]) as log:
        assert list(log.done) == [(0, "python", 1)]
        assert log.done[(0, "python", 1)]["layers"] == str(layers)
