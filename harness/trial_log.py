"""trials.csv, the sweep's log of finished tasks: read back on open, appended one row at a time.

Only a task that finished (whatever its status) is a row: a task that never ran, or that its
cluster dropped, is simply missing, and the next run of the same sweep runs it. A row is one line,
written whole and flushed before the next one, so a killed sweep leaves at most one cut last
line, which the next open removes; a task already in the log is never written again.
"""
import csv
import json
import os

from dlfp.errors import shown_path

from .sweep_file import fail

METRICS = ["train_accuracy", "test_accuracy", "final_cost", "status", "seconds", "message"]
STATUSES = ("ok", "diverged", "invalid", "failed", "timeout")
NUMBERS = ("train_accuracy", "test_accuracy", "final_cost", "seconds")
# a row is one line: a message's own line breaks are written as this, so a line end ends a row
BREAK = " | "
# a trial's value may be long (layers of up to 100,000 sizes): past csv's own 128 KB a row
# would be written but could not be read back
csv.field_size_limit(2 ** 31 - 1)


class TrialLog:
    """The finished (trial, language, fold) tasks of a sweep, in trials.csv.

    Use as ``with TrialLog(path, fields, trials) as log:``; ``log.done`` maps (trial, language,
    fold) to its row; ``log.record(trial, language, fold, result)`` appends one.
    """

    def __init__(self, path, fields, trials):
        self.path = path
        self.fields = list(fields)
        self.trials = trials
        self.columns = ["trial", "language", "fold"] + self.fields + METRICS
        self.done = {}
        self._file = None
        self._writer = None

    def __enter__(self):
        self.open()
        return self

    def __exit__(self, *exc):
        self.close()

    def open(self):
        """Read the finished tasks, drop a cut last line, and open the file for appending."""
        fresh = self._repair()
        if not fresh:
            self.done = self.read()
        try:  # never through a link planted in the folder
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o666)
        except OSError as e:
            fail(f"cannot write {shown_path(self.path)}: {e.strerror}")
        self._file = os.fdopen(fd, "a", newline="", encoding="utf-8")
        self._writer = csv.DictWriter(self._file, fieldnames=self.columns)
        if fresh:
            self._writer.writeheader()
            self._file.flush()

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = self._writer = None

    def record(self, trial, language, fold, result):
        """Append the task's row (the trial's fields, then METRICS from result) and flush it."""
        key = (trial, language, fold)
        if key in self.done:  # the lock keeps one sweep per folder; this keeps one row per task
            return self.done[key]
        row = {"trial": trial, "language": language, "fold": fold}
        for field in self.fields:
            v = self.trials[trial][field]
            row[field] = json.dumps(v) if isinstance(v, (list, dict)) else v
        row.update({k: result.get(k) for k in METRICS})
        if isinstance(row["message"], str):
            row["message"] = BREAK.join(row["message"].splitlines())
        try:
            self._writer.writerow(row)
            self._file.flush()
        except OSError as e:  # a cut row is dropped by the next open
            fail(f"cannot write {shown_path(self.path)}: {e.strerror or e}")
        self.done[key] = {**row, **{k: result.get(k) for k in NUMBERS}}
        return self.done[key]

    def _repair(self):
        """True when the file is new (or holds not even a whole header); cuts a last line that
        a killed sweep left half-written."""
        try:  # never through a link planted in the folder
            fd = os.open(self.path, os.O_RDWR | os.O_NOFOLLOW)
        except FileNotFoundError:
            return True
        except OSError as e:
            fail(f"cannot write {shown_path(self.path)}: {e.strerror}")
        with os.fdopen(fd, "r+b") as f:
            data = f.read()
            end = data.rfind(b"\n") + 1  # 0 when not even the header is whole
            if end < len(data):
                f.truncate(end)
        return end == 0

    def read(self):
        """{(trial, language, fold): row} of the file as it stands, numbers as floats."""
        with open(self.path, newline="", encoding="utf-8", errors="replace") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != self.columns:
                fail(f"{shown_path(self.path)} has other columns than this sweep's: give "
                     "another --out")
            done = {}
            for line, row in enumerate(reader, start=2):
                key = _key(row)
                if key is None:
                    fail(f"{shown_path(self.path)} row {line} is not a finished task: "
                         "remove that line")
                done.setdefault(key, _numbers(row))
        return done


def _key(row):
    """(trial, language, fold) of a well-formed row, else None."""
    try:
        key = (int(row["trial"]), row["language"], int(row["fold"]))
        [float(row[k]) for k in NUMBERS if row[k] not in ("", None)]
    except (TypeError, ValueError, KeyError):
        return None
    return key if row.get("status") in STATUSES and None not in row else None


def _numbers(row):
    return {**row, **{k: float(row[k]) if row[k] not in (None, "") else None for k in NUMBERS}}
