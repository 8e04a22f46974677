"""Run a learner's file through the exercises: one native process per exercise, with a timeout.

The engine returns records (CheckResult); text.py prints them. A process that hangs is
killed after `timeout` seconds without an answer, one that dies is noted with its exit status
and the end of its output, and in both cases checking goes on in a fresh process from the next
check. Nothing here reads a status out of a message.
"""
import enum
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import codec
from .compare import first_difference, matching_slips
from .exercises import Call, Ref, execute

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANG_NAMES = {"python": "Python", "r": "R", "octave": "Octave"}
# octave's exit noise, not the learner's
NOISE = ("ignoring const execution_exception", "ignoring octave_execution_exception")


class Status(str, enum.Enum):
    PASS = "pass"
    DIFFERS = "differs"
    NOT_WRITTEN = "not written yet"
    RAISED = "raised an error"
    HANGS = "hangs"
    CRASHED = "crashed"

    def __str__(self):
        return self.value


DLFP_LOAD = 300.0  # seconds a language may take to load dlfp itself

FAILING = {Status.DIFFERS, Status.RAISED, Status.HANGS, Status.CRASHED}


@dataclass
class CheckResult:
    exercise: str
    fn: str
    case: str
    status: Status
    difference: object = None       # compare.Difference
    hints: list = field(default_factory=list)
    slips: list = field(default_factory=list)   # the matching slips' names
    message: str = None             # the learner's error, or what became of the process
    where: str = None               # the learner's file and line
    during: str = None              # which of the check's calls raised / hung ("step 2")
    output: list = field(default_factory=list)  # a crashed process's last lines of output


@dataclass
class Report:
    path: str
    lang: str
    results: list
    load_error: str = None
    load_where: str = None
    seconds: float = 0.0
    load_output: list = field(default_factory=list)  # its last lines, when loading crashed

    @property
    def failed(self):
        return self.load_error is not None or any(r.status in FAILING for r in self.results)


class UsageProblem(Exception):
    """A path or language the checker cannot take (exit 2)."""


def language_of(path):
    """'python', 'r' or 'octave' from the path: .py, .R, a folder or a .m file."""
    p = Path(path)
    if not p.exists():
        raise UsageProblem(f"{path}: no such file or folder")
    if p.is_dir():
        return "octave"
    lang = {".py": "python", ".r": "r", ".m": "octave"}.get(p.suffix.lower())
    if lang is None:
        raise UsageProblem(f"{path}: cannot tell the language (expected a .py or .R file, an "
                           f"Octave .m script or a folder of Octave function files)")
    return lang


def command(lang, job, outdir, start):
    exe = {"python": [sys.executable, str(HERE / "driver.py")],
           "r": ["Rscript", "--no-save", "--no-restore", str(HERE / "driver.R")],
           "octave": ["octave-cli", "--no-history", "--no-init-file", "--quiet",
                      str(HERE / "driver.m")]}[lang]
    return exe + [str(job), str(outdir), str(start)]


def require(lang):
    """Raise UsageProblem when the language's interpreter is not installed."""
    tool = {"python": None, "r": "Rscript", "octave": "octave-cli"}[lang]
    if tool and shutil.which(tool) is None:
        raise UsageProblem(f"{tool} is not installed (make setup installs it)")


def write_shims(folder, names):
    """Octave: name.m forwarding to dlfp.name, for every dlfp function a learner may lean on."""
    os.makedirs(folder, exist_ok=True)
    for n in names:
        Path(folder, f"{n}.m").write_text(
            f"function varargout = {n} (varargin)\n"
            f"  ## forwards to dlfp's own, for a learner who has not written {n}\n"
            f"  [varargout{{1:max (nargout, 1)}}] = dlfp.{n} (varargin{{:}});\n"
            f"endfunction\n")


# what a learner's Octave functions may call without writing them (beside the exercises')
SHIM_EXTRA = ["rng_create", "rng_uniform", "rng_normal", "activations", "derivatives",
              "initialize_optimizer", "labels_to_targets", "binary_cross_entropy",
              "categorical_cross_entropy", "update_parameters", "forward_propagation",
              "forward_propagation_dropout", "schedule_none", "learning_rate_at"]


def _tail(path, since=0, n=6):
    """The last n lines a process wrote to the log (from byte `since`), without Octave's noise:
    a list, kept apart from the message (text.py shows each line as one line)."""
    try:
        with open(path, "rb") as f:
            f.seek(since)
            lines = f.read().decode(errors="replace").split("\n")
    except OSError:
        return []
    lines = [ln for ln in lines if ln.strip() and not any(s in ln for s in NOISE)]
    return lines[-n:]


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


# Python's driver turns SIGUSR1, and R's SIGINT, into an error in the learner's code: it
# writes where the code was and exits. Octave's cannot catch an interrupt.
INTERRUPT = {"python": signal.SIGUSR1, "r": signal.SIGINT}


def _stop(proc, lang):
    """Stop a hung driver: first ask where it is (see INTERRUPT), then kill its group."""
    if lang in INTERRUPT and proc.poll() is None:
        proc.send_signal(INTERRUPT[lang])
        try:
            proc.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            pass
    _kill(proc)


def run_process(lang, job, outdir, start, n_calls, timeout, log_path):
    """Run the driver from call `start`; returns (how it ended, the call it ended at, rc).

    ended: "done" (every call from start has a result), "hang" (no new result within timeout
    seconds: killed) or "died" (exited before answering call `at`).
    """
    def answered():
        return sum(1 for i in range(start, n_calls) if (outdir / f"call_{i}.json").exists())

    (outdir / "ready").unlink(missing_ok=True)
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(command(lang, job, outdir, start), stdout=log, stderr=log,
                                stdin=subprocess.DEVNULL, cwd=outdir, start_new_session=True,
                                env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
        seen, last = -1, time.monotonic()
        while True:
            try:
                rc = proc.wait(timeout=0.05)
                break
            except subprocess.TimeoutExpired:
                pass
            # dlfp's own loading (R's load_all can take seconds) is not the learner's time
            ready = (outdir / "ready").exists()
            n = answered() + ready + (outdir / "loaded.json").exists()
            if n != seen:
                seen, last = n, time.monotonic()
            elif time.monotonic() - last > (timeout if ready else max(timeout, DLFP_LOAD)):
                at = start + answered()
                _stop(proc, lang)
                return "hang", at, None
    done = answered()
    if start + done >= n_calls and (outdir / "loaded.json").exists():
        return "done", None, rc
    return "died", start + done, rc


def judge(exercise_name, check, records, lang):
    """The CheckResult of one check from its calls' records (as the drivers wrote them)."""
    base = dict(exercise=exercise_name, fn=check.fn, case=check.case)
    for k, r in enumerate(records):
        st = r["status"]
        if st == "not_written":
            if k == 0:
                return CheckResult(status=Status.NOT_WRITTEN, **base)
            continue
        if st in ("error", "hang", "died", "skipped"):
            status = {"error": Status.RAISED, "hang": Status.HANGS, "died": Status.CRASHED,
                      "skipped": Status.CRASHED}[st]
            during = (check.call_label(k) if check.call_label else None) \
                if len(check.calls) > 1 else None
            return CheckResult(status=status, message=r.get("message"), where=r.get("where"),
                               during=during, output=r.get("output", []), **base)
    outs = [codec.split_outputs(codec.decode_output(r["outputs"]), call, lang)
            for r, call in zip(records, check.calls)]
    reference = check.quantities(execute(check, _dlfp(check.fn)))
    learner = check.quantities(outs)
    i, diff = first_difference(learner, reference, lang)
    if diff is None:
        return CheckResult(status=Status.PASS, **base)
    variants = []
    for slip in check.slips:
        try:
            with np.errstate(all="ignore"):  # a slip may well take the root of a negative
                variants.append((slip, check.quantities(execute(check, slip.impl))))
        except Exception:  # noqa: BLE001 - a slip that cannot apply to this case tells nothing
            continue
    found = matching_slips(learner, reference, i, variants, lang)
    return CheckResult(status=Status.DIFFERS, difference=diff, hints=[s.hint for s in found],
                       slips=[s.name for s in found],
                       **base)


def _dlfp(name):
    import dlfp
    return getattr(dlfp, name)


def run_ladder(exercises, path, lang, timeout, workdir, shims):
    """(CheckResults, None, None, []) for the exercises, or (None, load error, where, last
    lines of output) if the file did not load.

    One process makes every call (a process start is most of the time a check takes); when
    it hangs or dies, a fresh one goes on from the next check.
    """
    calls, spans, owners = [], [], []
    for exercise in exercises:
        for check in exercise.checks:
            offset = len(calls)
            spans.append(range(offset, offset + len(check.calls)))
            owners.append((exercise.name, check))
            # a chained argument names its call within the check; the job counts from the top
            calls.extend(Call(c.fn, tuple(Ref(a.call + offset, a.output) if isinstance(a, Ref)
                                          else a for a in c.args), c.outputs)
                         for c in check.calls)
    outdir = Path(tempfile.mkdtemp(prefix="calls-", dir=workdir))
    job = outdir / "job.json"
    codec.write_job(job, path, calls, lang, ROOT, shims=str(shims))
    log = outdir / "log.txt"
    start, ended = 0, {}
    while start < len(calls):
        since = log.stat().st_size if log.exists() else 0
        how, at, rc = run_process(lang, job, outdir, start, len(calls), timeout, log)
        tail = _tail(log, since)
        if not (outdir / "loaded.json").exists():
            if how == "hang":
                return None, f"it did not finish loading within {timeout:g} s", None, []
            return None, (f"it stopped the {LANG_NAMES[lang]} process while loading (exit "
                          f"status {rc})" + (": its last output:" if tail else "")), None, tail
        loaded = codec.read_json(outdir / "loaded.json")
        if loaded.get("hang"):
            return None, f"it did not finish loading within {timeout:g} s", loaded.get("where"), []
        if loaded.get("error"):
            return None, loaded["error"], loaded.get("where"), []
        if how == "done":
            break
        said = outdir / f"call_{at}.json"
        where = codec.read_json(said).get("where") if how == "hang" and said.exists() else None
        ended[at] = {"status": how, "where": where, "message": (
            f"no answer within {timeout:g} s: stopped" if how == "hang" else
            f"the {LANG_NAMES[lang]} process died (exit status {rc})"
            + ("; its last output:" if tail else "")),
            "output": tail if how == "died" else []}
        nxt = [s.stop for s in spans if at in s]
        start = nxt[0] if nxt else at + 1
    results = []
    for (name, check), span in zip(owners, spans):
        records = []
        for i in span:
            if i in ended:
                records.append(ended[i])
                break
            f = outdir / f"call_{i}.json"
            records.append(codec.read_json(f) if f.exists() else
                           {"status": "skipped", "message": "not reached"})
        results.append(judge(name, check, records, lang))
    return results, None, None, []


def run_check(path, exercises, timeout=20.0):
    """Check the learner's file (or Octave folder) at path through the given exercises."""
    from .exercises import ladder
    lang = language_of(path)
    require(lang)
    path = str(Path(path).resolve())
    t0 = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="dlfp-check-")
    try:
        chosen = [e for e in ladder() if e.name in exercises] if exercises else ladder()
        shims = Path(workdir) / "shims"
        if lang == "octave":
            names = sorted({c.fn for e in ladder() for c in e.checks} | set(SHIM_EXTRA))
            write_shims(shims, names)
        res, err, where, output = run_ladder(chosen, path, lang, timeout, workdir, shims)
        if res is None:
            return Report(path, lang, [], load_error=err, load_where=where,
                          seconds=time.monotonic() - t0, load_output=output)
        return Report(path, lang, res, seconds=time.monotonic() - t0)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
