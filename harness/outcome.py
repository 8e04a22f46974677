"""What became of a language call: the one status vocabulary and the one error classifier.

crosscheck, sweep and gradcheck all ask ``classify(exc)`` why a language has no result; nothing
else reads a status out of an error's text.
"""
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
