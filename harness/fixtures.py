"""make fixtures: the stored golden results each language's own tests check against.

Everything here is made by the Python twin; R's and Octave's tests compare their own numbers
with these files, so a regression in any one language shows up without the other two. Running
this rewrites the files: review the diff like code.
"""
import json
import os

import numpy as np

import dlfp
from dlfp.result import write_atomic

from .compare import TOLERANCES as TOL
from .csvio import write_matrix
from .paths import DATA, GOLDEN, default_scenarios

# The cross-check's tolerances (compare.TOLERANCES, the one table), as the fixtures name them:
# "step" is the first forward and backward pass, both of whose tolerances it must meet
TOLERANCES = {"data": TOL["data"], "initial_params": TOL["initial_params"],
              "step": min(TOL["forward"], TOL["gradients"]), "loss_curve": TOL["loss_curve"],
              "final_params": TOL["final_params"]}
RNG_SEEDS = {"uniform": [1, 42, 2147483645], "normal": [1, 42]}
RNG_DRAWS = 1000
STEP_EXAMPLES = 400
MADE_BY = "make fixtures (python -m harness fixtures), from the Python twin of dlfp"


def write_breast_cancer():
    """fixtures/data/breast_cancer.csv: scikit-learn's copy, each feature standardized."""
    from sklearn.datasets import load_breast_cancer

    d = load_breast_cancer()
    X = (d.data - d.data.mean(axis=0)) / d.data.std(axis=0)  # population std, as the book
    DATA.mkdir(parents=True, exist_ok=True)
    write_matrix(DATA / "breast_cancer.csv", np.column_stack([X, d.target.astype(float)]))
    provenance = {
        "file": "breast_cancer.csv",
        "source": "sklearn.datasets.load_breast_cancer (Wisconsin Diagnostic Breast Cancer, UCI)",
        "scikit_learn_version": __import__("sklearn").__version__,
        "rows": int(X.shape[0]), "columns": "30 standardized features, then the label",
        "standardization": "(x - mean) / std per feature, std with ddof = 0",
        "label": "1 = benign, 0 = malignant (scikit-learn's target)",
        "made_by": MADE_BY,
    }
    write_atomic(DATA / "breast_cancer.json", json.dumps(provenance, indent=1))


def write_digits():
    """fixtures/data/digits_{train,test}.csv: scikit-learn's 8x8 digits, pixels / 16, split 75/25
    by train_test_split(test_size=0.25, stratify=y, random_state=0)."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    d = load_digits()
    D = np.column_stack([d.data / 16.0, d.target.astype(float)])
    train, test = train_test_split(D, test_size=0.25, stratify=d.target, random_state=0)
    write_matrix(DATA / "digits_train.csv", train)
    write_matrix(DATA / "digits_test.csv", test)
    provenance = {
        "files": ["digits_train.csv", "digits_test.csv"],
        "source": "sklearn.datasets.load_digits (UCI optical recognition of handwritten digits)",
        "scikit_learn_version": __import__("sklearn").__version__,
        "rows": {"train": int(train.shape[0]), "test": int(test.shape[0])},
        "split": "sklearn.model_selection.train_test_split(test_size=0.25, stratify=y, "
                 "random_state=0)",
        "columns": "64 pixels scaled from 0..16 to [0, 1], then the label 0..9",
        "made_by": MADE_BY,
    }
    write_atomic(DATA / "digits.json", json.dumps(provenance, indent=1))


def write_rng():
    """fixtures/golden/rng: the first draws of the shared stream for a few seeds."""
    folder = GOLDEN / "rng"
    folder.mkdir(parents=True, exist_ok=True)
    for seed in RNG_SEEDS["uniform"]:
        u, _ = dlfp.rng_uniform(dlfp.rng_create(seed), RNG_DRAWS)
        write_matrix(folder / f"uniform_seed{seed}.csv", u)
    for seed in RNG_SEEDS["normal"]:
        z, _ = dlfp.rng_normal(dlfp.rng_create(seed), RNG_DRAWS)
        write_matrix(folder / f"normal_seed{seed}.csv", z)
    for seed in RNG_SEEDS["uniform"][:2]:
        perm, _ = dlfp.rng_permutation(dlfp.rng_create(seed), RNG_DRAWS)
        write_matrix(folder / f"permutation_seed{seed}.csv", perm + 1)  # 1-based, as R and Octave


def write_scenario(path):
    """fixtures/golden/<name>: data, initial params, first step, loss curve, final params."""
    ref = dlfp.prepare_scenario(str(path))
    s, X, labels, Y = ref["scenario"], ref["X"], ref["labels"], ref["Y"]
    params0, rng = ref["params0"], ref["rng"]
    folder = GOLDEN / s["name"]
    folder.mkdir(parents=True, exist_ok=True)
    if "idx_images" not in s["data"]:  # an IDX set is too large to copy; its files are fixed
        write_matrix(folder / "data.csv", np.column_stack([X.T, labels]))
    for k, v in params0.items():
        write_matrix(folder / f"initial_{k}.csv", v)
    # the first step as training takes it (L2, and dropout masks continuing the stream), on
    # the first STEP_EXAMPLES examples so that large data sets keep the fixture small
    n = min(X.shape[1], STEP_EXAMPLES)
    step = dlfp.forward_backward(X[:, :n], Y[:, :n], params0, s["activations"], s["lambda"],
                                 s["keep_prob"], rng)
    for k, v in step.items():
        write_matrix(folder / f"step_{k}.csv", v)
    result = dlfp.run_scenario(ref)
    write_matrix(folder / "loss_curve.csv", result["loss_curve"])
    for k, v in result["final_params"].items():
        write_matrix(folder / f"final_{k}.csv", v)
    if "cross_validation" in result:
        write_folds(folder, result["cross_validation"])
    summary = {
        "scenario": os.path.relpath(path, folder),
        "params": list(params0), "step": [k for k in step if k != "cost"],
        "step_examples": n,
        "tolerances": TOLERANCES, "train_accuracy": result["train_accuracy"],
        "test_accuracy": result.get("test_accuracy"),
        **({"cross_validation": {
            "files": "cv_folds.csv: fold (1-based), train accuracy, test accuracy, final cost; "
                     "cv_test_index.csv: fold (1-based), test index (0-based)",
            "mean_test_accuracy": result["cross_validation"]["mean_test_accuracy"],
            "std_test_accuracy": result["cross_validation"]["std_test_accuracy"],
            "tolerance": TOL["cross_validation"]}} if "cross_validation" in result else {}),
        "made_by": MADE_BY, "numpy_version": np.__version__,
    }
    write_atomic(folder / "summary.json", json.dumps(summary, indent=1) + "\n")
    return s["name"]


def write_folds(folder, cv):
    """cv_folds.csv (fold, train accuracy, test accuracy, final cost) and cv_test_index.csv
    (fold, 0-based test index): each fold of a cross-validated scenario."""
    folds = cv["folds"]
    write_matrix(folder / "cv_folds.csv", np.array(
        [[k + 1, f["train_accuracy"], f["test_accuracy"], f["final_cost"]]
         for k, f in enumerate(folds)]))
    write_matrix(folder / "cv_test_index.csv", np.array(
        [[k + 1, i] for k, f in enumerate(folds) for i in f["test_index"]], dtype=float))


def make_fixtures(scenarios=None, log=print):
    """Rewrite every golden fixture (and the breast-cancer CSV) from the Python twin."""
    write_breast_cancer()
    write_digits()
    write_rng()
    for path in scenarios or default_scenarios():
        log(f"fixtures: {write_scenario(path)}")
