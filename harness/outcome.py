"""What became of a language call: the one status vocabulary and the one error classifier.

crosscheck, sweep and gradcheck all ask ``classify(exc)`` why a language has no result; nothing
else reads a status out of an error's text.
"""
import dataclasses
import enum

from .worker import LanguageFailure

# A language's own dlfp code stops with "dlfp: <function>: <problem>"; training that blew up
# says so under train's name. These are the only two prefixes the harness ever looks at.
DLFP_PREFIX = "dlfp: "
DIVERGED_PREFIX = "dlfp: train: diverged"


class Status(str, enum.Enum):
    """A language's status for one scenario (the value is what tables and reports print)."""

    OK = "ok"                # ran and agreed
    MISMATCH = "mismatch"    # ran, and some quantity differs beyond its tolerance
    REJECTED = "rejected"    # its own dlfp code refused the input (a dlfp: error)
    DIVERGED = "diverged"    # training blew up (dlfp: train: diverged ...)
    ERROR = "error"          # an error that is not dlfp's own (a bug)
    FAILED = "failed"        # the language did not start, or its bridge broke
    TIMEOUT = "timeout"      # killed after --timeout seconds
    DIED = "died"            # its interpreter went away mid-call
    MISSING = "missing"      # the scenario file is not there
    SKIPPED = "-"            # nothing to compare against (the reference has no result)

    def __str__(self):
        return self.value


# LanguageFailure carries its kind as data (worker.py sets it); anything else is unknown
_FAILURES = {"timeout": Status.TIMEOUT, "died": Status.DIED, "missing": Status.MISSING}


def classify(exc):
    """kind = classify(exc): why a language call raised exc, as a Status.

    A LanguageFailure is what its status says (timeout, died; failed otherwise); any other
    exception (LanguageError, DlfpError) is diverged, rejected or error by its dlfp prefix.
    """
    if isinstance(exc, LanguageFailure):
        return _FAILURES.get(getattr(exc, "status", None), Status.FAILED)
    text = str(exc)
    if text.startswith(DIVERGED_PREFIX):
        return Status.DIVERGED
    return Status.REJECTED if text.startswith(DLFP_PREFIX) else Status.ERROR


# --- the records the cross-check engine fills, and the documents are made from ---------------

@dataclasses.dataclass
class Difference:
    """One compared array: d = max|got - want| / max|want|, and where it first differs by more
    than tol (None: it does not; "missing", "shape" or another word: it cannot be compared)."""

    quantity: str               # a column of the table: data, forward, ..., cross_validation
    key: str                    # the array: W1, loss_curve costs, fold 2 test_index ...
    max_rel_diff: float         # None: nothing was measured (e.g. no folds at all)
    tol: float
    where: object = None        # the first index beyond tol, as a tuple, or a word
    detail: str = ""            # the values where they differ most

    @property
    def ok(self):
        return self.where is None


@dataclasses.dataclass
class LanguageOutcome:
    """One language (or the oracle) on one scenario: its status, what it returned, how far each
    quantity is from Python's, and the message when it has no result."""

    lang: str
    status: Status = Status.OK
    message: str = ""                     # the error, when status is not ok
    seconds: float = None
    result: dict = None                   # run_scenario's result, as the report keeps it
    differences: list = dataclasses.field(default_factory=list)
    notes: list = dataclasses.field(default_factory=list)  # disagreements that are no array
    bit_identical: bool = None            # the random stream's verdict
    oracle: bool = False                  # the framework twin: its own tolerances, unranked

    def fail(self, exc):
        """This language has no result: why, as classify says, and its message."""
        self.status, self.message = classify(exc), str(exc)
        return self

    def settle(self):
        """ok unless some difference or note says otherwise (a failure stays a failure)."""
        if self.status is Status.OK and (self.notes or not all(d.ok for d in self.differences)):
            self.status = Status.MISMATCH
        return self


@dataclasses.dataclass
class ScenarioOutcome:
    """One scenario (or the random stream): each language's outcome, Python's first."""

    name: str
    scenario: str                         # the file (None for the random stream)
    languages: dict                       # lang -> LanguageOutcome, in the table's order
    stream: bool = False                  # the random stream's row: bit-identical or not

    @property
    def agree(self):
        return all(o.status is Status.OK for o in self.languages.values())

    def by_language(self):
        """lang -> quantity -> the largest difference measured (nothing measured: absent)."""
        out = {}
        for lang, o in self.languages.items():
            for d in o.differences:
                if d.max_rel_diff is not None:
                    q = out.setdefault(lang, {})
                    q[d.quantity] = max(q.get(d.quantity, 0.0), d.max_rel_diff)
        return out

    def max_rel_diff(self, quantities):
        """quantity -> the largest difference of dlfp's own languages (not the oracle's)."""
        worst = dict.fromkeys(quantities, 0.0)
        for lang, diffs in self.by_language().items():
            if not self.languages[lang].oracle:
                for q in worst.keys() & diffs.keys():
                    worst[q] = max(worst[q], diffs[q])
        return worst
