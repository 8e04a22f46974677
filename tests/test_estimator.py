"""The estimators refuse what they cannot learn from, in the same words in three languages:
settings checked by the scenario's rules (scikit-learn's InvalidParameterError in Python), NaN
and Inf in the data, a regression target, NaN rows to predict."""
import subprocess

import numpy as np
import pytest

from conftest import ROOT, require_language

sklearn = pytest.importorskip("sklearn")
from sklearn.utils._param_validation import InvalidParameterError  # noqa: E402

from dlfp.errors import DlfpError  # noqa: E402
from dlfp.estimator import DLFPClassifier  # noqa: E402

X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
Y = np.array([0, 1, 1, 0])
SIZES = "a list of integers from 1 to 100000"
CONTINUOUS = ("Unknown label type: continuous. Maybe you are trying to fit a classifier, which "
              "expects discrete classes on a regression target with continuous values.")
# (setting under R's and Octave's name, value, the words of its rule, the value as echoed):
# every one of them can be written alike in the three languages (None: R's NULL, Octave's [])
SETTINGS = [
    ("hidden", 2.7, SIZES, "2.7"),
    ("hidden", True, SIZES, "True"),
    ("hidden", 0, SIZES, "0"),
    ("hidden", 100001, SIZES, "100001"),
    ("hidden", "5", SIZES, "'5'"),
    ("activation", "softmax", "one of 'relu', 'sigmoid', 'tanh'", "'softmax'"),
    ("activation", None, "one of 'relu', 'sigmoid', 'tanh'", "None"),
    ("init", "glorot", "one of 'he', 'scaled', 'xavier'", "'glorot'"),
    # a value is echoed on one line, cut at 40 characters
    ("init", "he\nxavier\t\x01", "one of 'he', 'scaled', 'xavier'", "'he\\nxavier\\t\\x01'"),
    ("optimizer", "a" * 45, "one of 'adam', 'gd', 'momentum', 'rmsprop'", f"'{'a' * 40}...'"),
    ("optimizer", "sgd", "one of 'adam', 'gd', 'momentum', 'rmsprop'", "'sgd'"),
    ("learning_rate", None, "a positive number", "None"),
    ("learning_rate", 0, "a positive number", "0"),
    ("learning_rate", True, "a positive number", "True"),
    ("learning_rate", "0.1", "a positive number", "'0.1'"),
    ("epochs", 0, "an integer from 1 to 1000000", "0"),
    ("epochs", 2.5, "an integer from 1 to 1000000", "2.5"),
    ("epochs", None, "an integer from 1 to 1000000", "None"),
    ("batch_size", -1, "a non-negative integer (0: full batch)", "-1"),
    ("batch_size", False, "a non-negative integer (0: full batch)", "False"),
    ("lambda", -0.5, "a non-negative number", "-0.5"),
    ("lambda", None, "a non-negative number", "None"),
    ("keep_prob", 1.5, "a number in (0, 1]", "1.5"),
    ("keep_prob", 0, "a number in (0, 1]", "0"),
    ("seed", 2147483646, "an integer from 0 to 2147483645", "2147483646"),
    ("seed", -1, "an integer from 0 to 2147483645", "-1"),
]
PY_NAMES = {"hidden": "hidden_layer_sizes", "lambda": "lambd"}


def setting_message(name, words, got, caller):
    return f"The '{name}' parameter of {caller} must be {words}. Got {got} instead."


@pytest.mark.parametrize("name,value,words,got", SETTINGS)
def test_a_bad_setting_is_an_invalid_parameter_error_in_the_rules_words(name, value, words, got):
    py_name = PY_NAMES.get(name, name)
    with pytest.raises(InvalidParameterError) as e:
        DLFPClassifier(**{py_name: value}).fit(X, Y)
    assert str(e.value) == setting_message(py_name, words, got, "DLFPClassifier")


@pytest.mark.parametrize("value,got", [((2.7,), "(2.7,)"), ((True,), "(True,)"), ([4, 0], "[4, 0]"),
                                       ((4, np.nan), "(4, nan)"), (None, "None"),
                                       (np.array([[2, 3]]), "array([[2, 3]])"),
                                       ((4, np.True_), "(4, np.True_)")])
def test_hidden_layer_sizes_are_positive_integers(value, got):
    with pytest.raises(InvalidParameterError) as e:
        DLFPClassifier(hidden_layer_sizes=value).fit(X, Y)
    assert str(e.value) == setting_message("hidden_layer_sizes", SIZES, got, "DLFPClassifier")


@pytest.mark.parametrize("value,shapes", [((3, 2), [(3, 2), (2, 3), (1, 2)]),
                                          ([4.0], [(4, 2), (1, 4)]),
                                          (4, [(4, 2), (1, 4)]),
                                          (np.array([2, 2], dtype=np.int8),
                                           [(2, 2), (2, 2), (1, 2)]),
                                          ((), [(1, 2)])])
def test_whole_sizes_of_any_type_are_taken(value, shapes):
    est = DLFPClassifier(hidden_layer_sizes=value, epochs=1).fit(X, Y)
    assert [est.params_[f"W{i + 1}"].shape for i in range(len(shapes))] == shapes


def test_settings_are_checked_in_sorted_order_before_the_data():
    bad = DLFPClassifier(seed=-1, epochs=0, learning_rate=0)
    with pytest.raises(InvalidParameterError, match=r"^The 'epochs' parameter"):
        bad.fit(np.full((4, 2), np.nan), Y)


def test_scikit_learns_own_parameter_check_passes():
    from sklearn.utils.estimator_checks import check_param_validation

    check_param_validation("DLFPClassifier", DLFPClassifier(epochs=2))


@pytest.mark.parametrize("Xb,yb,problem", [
    (np.where(X > 0.5, np.nan, X), Y, "X holds NaN or Inf"),
    (np.where(X > 0.5, -np.inf, X), Y, "X holds NaN or Inf"),
    (X.tolist(), [0.0, 1.0, np.nan, np.nan], "y holds NaN or Inf"),
    (X, [0.0, np.inf, 1.0, 0.0], "y holds NaN or Inf"),
    (X, ["a", None, "b", "a"], "y holds NaN or Inf"),  # a missing label, as R's NA
    (X, np.array(["a", np.nan, "b", "a"], dtype=object), "y holds NaN or Inf"),
    (X, [0.0, 0.5, 1.0, 0.0], CONTINUOUS),
    # a regression target: 20 distinct values are no 20 classes
    (np.arange(20.0).reshape(-1, 1), np.arange(20) / 7, CONTINUOUS),
    (X, [0, 1, 1, 0], None),
])
def test_fit_refuses_nan_inf_and_a_regression_target(Xb, yb, problem):
    if problem is None:  # whole numbers are labels, whatever their type
        assert DLFPClassifier(epochs=1).fit(Xb, np.array(yb, dtype=float)).classes_.tolist() == \
            [0.0, 1.0]
        return
    with pytest.raises(DlfpError) as e:
        DLFPClassifier(epochs=1).fit(Xb, yb)
    assert str(e.value) == f"dlfp: DLFPClassifier.fit: {problem}"


def test_pandas_missing_values_are_refused():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"a": pd.array([1, None, 3, 4], dtype="Int64"), "b": [1.0, 2, 3, 4]})
    with pytest.raises(DlfpError, match=r"^dlfp: DLFPClassifier\.fit: X holds NaN or Inf$"):
        DLFPClassifier(epochs=1).fit(frame, Y)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("method", ["predict", "predict_proba"])
def test_predict_refuses_nan_and_inf_rows(bad, method):
    est = DLFPClassifier(epochs=2).fit(X, Y)
    with pytest.raises(DlfpError) as e:
        getattr(est, method)(np.array([[0.0, 1.0], [bad, 1.0]]))
    assert str(e.value) == "dlfp: DLFPClassifier.predict: X holds NaN or Inf"


def test_a_network_past_the_scenario_bounds_is_named_by_the_estimators_setting():
    # 2 x 100000 + 100000 x 100000 + 100000 x 1 weights
    with pytest.raises(DlfpError) as e:
        DLFPClassifier(hidden_layer_sizes=(100000, 100000)).fit(X, Y)
    assert str(e.value) == ("dlfp: DLFPClassifier.fit: 'hidden_layer_sizes' makes 10000300000 "
                            "weights, more than 100000000")
    with pytest.raises(DlfpError) as e:
        DLFPClassifier(hidden_layer_sizes=()).fit(np.zeros((2, 100001)), [0, 1])
    assert str(e.value) == "dlfp: DLFPClassifier.fit: X has 100001 features, more than 100000"
    with pytest.raises(DlfpError) as e:  # a softmax unit per class (two examples of each)
        DLFPClassifier(hidden_layer_sizes=()).fit(np.zeros((200002, 1)),
                                                  np.repeat(np.arange(100001), 2))
    assert str(e.value) == "dlfp: DLFPClassifier.fit: y has 100001 classes, more than 100000"


def test_divergence_names_the_estimators_own_lambd():
    # x = 0 and 1, no hidden layer, lr = 1, lambda = 1e308: the weight decay alone overflows
    est = DLFPClassifier(hidden_layer_sizes=(), optimizer="gd", learning_rate=1.0,
                         lambd=1e308, epochs=3)
    with pytest.raises(DlfpError, match=r"^dlfp: train: diverged at epoch \d \(cost (inf|nan)\): "
                                        r"try a smaller learning_rate \(now 1\) or lambd "
                                        r"\(now 1e\+308\)$"):
        est.fit([[0.0], [1.0]], [0, 1])


# --- the same words in R and Octave ---------------------------------------------------------

LITERALS = {"r": {None: "NULL", True: "TRUE", False: "FALSE"},
            "octave": {None: "[]", True: "true", False: "false"}}


def literal(v, lang):
    """v as the language writes it: R's NULL, Octave's [] for None; strings double-quoted."""
    if v is None or isinstance(v, bool):
        return LITERALS[lang][v]
    if isinstance(v, str):  # \n, \t and \x01 as escapes both languages read
        return '"' + v.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
    return repr(v)


DATA_CASES = [  # (R call, Octave call, problem)
    ("dlfp_fit(replace(x, 2, NaN), y)", "dlfp.dlfp_fit (x + [0, 0; NaN, 0; 0, 0; 0, 0], y)",
     "dlfp_fit: x holds NaN or Inf"),
    ("dlfp_fit(x, c(0, NaN, 1, 0))", "dlfp.dlfp_fit (x, [0; NaN; 1; 0])",
     "dlfp_fit: y holds NaN or Inf"),
    ("dlfp_fit(x, c(0, 0.5, 1, 0))", "dlfp.dlfp_fit (x, [0; 0.5; 1; 0])",
     f"dlfp_fit: {CONTINUOUS}"),
    ("dlfp_fit(x, y, hidden = c(1e5, 1e5))", "dlfp.dlfp_fit (x, y, \"hidden\", [1e5, 1e5])",
     "dlfp_fit: 'hidden' makes 10000300000 weights, more than 100000000"),
]
R_SCRIPT = """
suppressMessages(pkgload::load_all("r", quiet = TRUE, export_all = TRUE))
x <- matrix(c(0, 1, 0, 1, 0, 0, 1, 1), 4)
y <- c(0, 1, 1, 0)
show <- function(expr) {{
  cat(tryCatch({{expr; "no error"}}, error = conditionMessage), "\\n", sep = "")
}}
{calls}
"""
OCTAVE_SCRIPT = """
addpath ("octave");
x = [0, 0; 1, 0; 0, 1; 1, 1];
y = [0; 1; 1; 0];
function show (f)
  try
    f ();
    disp ("no error");
  catch err
    disp (err.message);
  end_try_catch
endfunction
{calls}
"""


def expected_lines():
    lines = [f"dlfp: dlfp_fit: {setting_message(n, w, g, 'dlfp_fit')}" for n, _, w, g in SETTINGS]
    return lines + [f"dlfp: {problem}" for _, _, problem in DATA_CASES]


def test_r_says_what_python_says():
    require_language("r")
    calls = [f"show(dlfp_fit(x, y, {n} = {literal(v, 'r')}))" for n, v, _, _ in SETTINGS]
    calls += [f"show({r})" for r, _, _ in DATA_CASES]
    out = subprocess.run(["Rscript", "-e", R_SCRIPT.format(calls="\n".join(calls))], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.stdout.splitlines() == expected_lines(), out.stderr


def test_octave_says_what_python_says():
    require_language("octave")
    calls = [f"show (@() dlfp.dlfp_fit (x, y, \"{n}\", {literal(v, 'octave')}));"
             for n, v, _, _ in SETTINGS]
    calls += [f"show (@() {o});" for _, o, _ in DATA_CASES]
    out = subprocess.run(["octave-cli", "--no-gui", "--quiet", "--no-history", "--eval",
                          OCTAVE_SCRIPT.format(calls="\n".join(calls))], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.stdout.splitlines() == expected_lines(), out.stderr
