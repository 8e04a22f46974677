"""The one error classifier: a language call's exception to a Status, without running a language."""
import pytest

from dlfp import DlfpError
from harness.bridges import LanguageError
from harness.outcome import Status, classify
from harness.worker import LanguageFailure


@pytest.mark.parametrize("exc,kind", [
    (LanguageError("dlfp: train: diverged at epoch 3 (cost inf): try a smaller learning_rate"),
     Status.DIVERGED),
    (LanguageError("dlfp: read_scenario: no such file: x.json"), Status.REJECTED),
    (DlfpError("dlfp: check_data: X has NaN or Inf at feature 1, example 8"), Status.REJECTED),
    (LanguageError("Error in f(): object 'W3' not found"), Status.ERROR),
    (LanguageError("train: diverged (no dlfp: prefix, so not dlfp's own)"), Status.ERROR),
    (LanguageFailure("r timed out after 3 s in run_scenario", "timeout"), Status.TIMEOUT),
    (LanguageFailure("octave died in run_scenario (exit code -9)", "died"), Status.DIED),
    (LanguageFailure("no such scenario file: /x.json", "missing"), Status.MISSING),
    (LanguageFailure("r did not start: ImportError: rpy2"), Status.FAILED),
    # a failure's kind is its status, never its text
    (LanguageFailure("dlfp: train: diverged, said a broken bridge"), Status.FAILED),
])
def test_classify_names_the_kind(exc, kind):
    assert classify(exc) is kind


def test_statuses_print_as_the_tables_print_them():
    assert [str(s) for s in Status] == ["ok", "mismatch", "rejected", "diverged", "error",
                                        "failed", "timeout", "died", "missing", "-"]
    assert f"FAIL {Status.TIMEOUT}" == "FAIL timeout"
