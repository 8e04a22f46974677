"""Run scenarios in Python, R and Octave and compare every quantity, as micrograd's tests compare
micrograd with torch: the same inputs through each twin, every intermediate compared.

For each scenario:
  data            load_data in each language vs Python's, exactly
  forward         Z_l, A_l and the cost of one forward pass on Python's data and initial params
  gradients       dW_l, db_l of the backward pass that follows
  initial_params  run_scenario's initial parameters, exactly (the shared stream)
  loss_curve      run_scenario's whole loss curve
  final_params    run_scenario's final parameters
Before the scenarios, the random stream itself is compared draw for draw.

Every language, Python too, runs in a worker process of its own under the same --timeout; a
language that rejects, times out or dies is reported with that status for that scenario, and
the next scenario gets a fresh session.

This module is the engine: it returns a ScenarioOutcome per scenario (harness/outcome.py).
The table, the mismatch lines and the JSON document are made from those in crosscheck_doc.py,
the HTML page in report.py.
"""
import dataclasses
import functools
import json
import os
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from dlfp.__main__ import scenario_inputs
from dlfp.errors import DlfpError, shown
from dlfp.schema import read_scenario

from .bridges import LANGUAGES, LanguageError, environment_problem
from .compare import ORACLE_TOLERANCES, TOLERANCES, describe, first_mismatch, rel_diff
from .crosscheck_doc import format_lines, report_document
from .outcome import Difference, LanguageOutcome, ScenarioOutcome, Status
from .outfile import OutputError, ReservedFile
from .report import check_html_folder, write_html
from .worker import LanguageFailure, Worker

RNG_CHECK = {"seeds": [0, 1, 42, 2147483645], "draws": 100000}
CALL_ERRORS = (LanguageError, LanguageFailure)


# --- comparing arrays, and the checks each column runs ---------------------------------------

def compared(quantity, got, want, tol, keys=None):
    """One Difference per array of want (or of keys): got[key] against want[key] within tol."""
    out = []
    for key in keys or list(want):
        if key not in got:
            out.append(Difference(quantity, key, float("inf"), tol, "missing", "missing"))
            continue
        where = first_mismatch(got[key], want[key], tol)
        out.append(Difference(quantity, key, rel_diff(got[key], want[key]), tol, where,
                              "" if where is None else describe(got[key], want[key])))
    return out


def _curve(c):
    c = np.asarray(c, dtype=float).reshape(-1, 2)
    return {"loss_curve epochs": c[:, 0], "loss_curve costs": c[:, 1]}


# Each check: (call, path, result, ref, tol) -> [Difference]. call(method, *args) asks the
# column's language; result is its run_scenario; ref is Python's reference; tol the column's
# tolerances.

def _data(call, path, result, ref, tol):
    X, labels = call("load_data", path)
    return compared("data", {"X": X, "labels": labels}, {"X": ref["X"], "labels": ref["labels"]},
                    tol["data"])


def _step(call, path, result, ref, tol):
    """One forward and backward pass from Python's data and initial parameters."""
    step = call("forward_backward", ref["X"], ref["Y"], ref["params0"], *ref["step_args"])
    forward = [k for k in ref["step"] if not k.startswith("d")]
    grads = [k for k in ref["step"] if k.startswith("d")]
    return (compared("forward", step, ref["step"], tol["forward"], forward)
            + compared("gradients", step, ref["step"], tol["gradients"], grads))


def _initial_params(call, path, result, ref, tol):
    return compared("initial_params", result["initial_params"],
                    ref["result"]["initial_params"], tol["initial_params"])


def _loss_curve(call, path, result, ref, tol):
    # epochs must match exactly; costs within tolerance (never scaled by epoch numbers)
    return compared("loss_curve", _curve(result["loss_curve"]),
                    _curve(ref["result"]["loss_curve"]), tol["loss_curve"])


def _final_params(call, path, result, ref, tol):
    return compared("final_params", result["final_params"], ref["result"]["final_params"],
                    tol["final_params"])


def _snapshots(call, path, result, ref, tol):
    """The same snapshot epochs, exactly, and each snapshot's parameters."""
    want = ref["result"].get("snapshots")
    if want is None:
        return []
    got = result.get("snapshots")
    epochs = compared("snapshots",
                      {"snapshot epochs": np.array([s["epoch"] for s in got or []], dtype=float)},
                      {"snapshot epochs": np.array([s["epoch"] for s in want], dtype=float)}, 0.0)
    if got is None or len(got) != len(want):
        return epochs

    def flat(snaps):
        return {f"epoch {s['epoch']} {k}": v for s in snaps for k, v in s["params"].items()}

    return epochs + compared("snapshots", flat(got), flat(want), tol["snapshots"])


FOLD_EXACT = ("test_index", "train_accuracy", "test_accuracy")


def _cross_validation(call, path, result, ref, tol):
    """Every fold: the same test indices and accuracies, the final cost within tolerance."""
    want = ref["result"].get("cross_validation")
    if want is None:
        return []
    got = result.get("cross_validation")
    if got is None or len(got["folds"]) != len(want["folds"]):
        problem = "missing" if got is None else "another number of folds"
        return [Difference("cross_validation", None, None, tol["cross_validation"], problem)]

    def exact(cv):
        return {f"fold {k + 1} {key}": np.asarray(f[key], dtype=float)
                for k, f in enumerate(cv["folds"]) for key in FOLD_EXACT}

    def costs(cv):
        return {"fold final costs": np.array([f["final_cost"] for f in cv["folds"]])}

    return (compared("cross_validation", exact(got), exact(want), 0.0)
            + compared("cross_validation", costs(got), costs(want), tol["cross_validation"]))


@dataclasses.dataclass(frozen=True)
class Plan:
    """What a column is held to: its tolerances and checks; whether it must reject what Python
    rejects (dlfp's languages) or has nothing to say then (the oracle, which is no dlfp)."""

    tolerances: dict
    checks: tuple
    oracle: bool = False


LANGUAGE_PLAN = Plan(TOLERANCES, (_data, _step, _initial_params, _loss_curve, _final_params,
                                  _snapshots, _cross_validation))
# The framework twin: its loss curve and final parameters, tighter on the curve than between
# dlfp's own languages (ORACLE_TOLERANCES)
ORACLE_PLAN = Plan(ORACLE_TOLERANCES, (_loss_curve, _final_params), oracle=True)


def _result(result):
    """What the report keeps of a run_scenario result."""
    keys = ("initial_params", "final_params", "loss_curve", "train_accuracy", "test_accuracy",
            "cross_validation", "snapshots")
    return {k: result[k] for k in keys if k in result}


def _unreadable(path):
    """None, or why no language can read the scenario file (dlfp's words: "no such file: PATH",
    "PATH is not a regular file"): that row fails as missing, the others run."""
    from dlfp.textfile import check_regular_file

    try:
        check_regular_file(path, "crosscheck")
    except DlfpError as e:
        return e.problem
    return None


def scenario_files(paths):
    """The scenario files and every data file each names (a scenario that cannot be read names
    none; it fails on its own row)."""
    files = list(paths)
    for path in paths:
        try:
            files += scenario_inputs(path, read_scenario(path))
        except DlfpError:
            pass
    return files


def scenario_label(path):
    """The scenario's name as its file gives it (even when the file is bad), else the file's;
    escaped as messages show text, since the table and the log are one line a scenario."""
    stem = os.path.splitext(os.path.basename(path))[0]
    if not os.path.isfile(path):  # a FIFO would block the run; a folder has no name field
        return stem
    try:
        with open(path, encoding="utf-8") as f:
            name = json.load(f).get("name")
    except (OSError, ValueError, AttributeError, RecursionError):
        return stem
    return shown(name, None) if isinstance(name, str) and name else stem


# --- the engine ------------------------------------------------------------------------------

class Crosscheck:
    """Holds the language workers for a run; compare(path) gives one scenario's outcome."""

    def __init__(self, langs=LANGUAGES, timeout=600.0, log=print, oracle=None, busy=None):
        self.langs = [lang for lang in langs if lang != "python"]
        self.oracle = oracle  # None or "torch": the framework twin as a further column
        self.log = log
        self.workers = {lang: Worker(lang, timeout=timeout)
                        for lang in ["python"] + self.langs + ([oracle] if oracle else [])}
        self.problems = {lang: environment_problem(lang) for lang in self.workers}
        self.tick = lambda what: None  # progress: called after each scenario x language
        # At most `busy` calls compute at once (default: one per core). Four languages
        # computing on two cores each run slower than alone (they evict each other's caches
        # and take turns), so the same work took more CPU time; the others wait their turn.
        busy = busy or os.cpu_count() or 1
        self._busy = threading.BoundedSemaphore(busy)

    def close(self):
        for w in self.workers.values():
            w.close()

    def start(self):
        """Start every language's worker side by side (R, Octave and torch each take seconds to
        load); one that fails to start is retried, and reported, by its first call."""
        def start(lang):
            try:
                self.workers[lang].start()
            except LanguageFailure:
                pass

        with ThreadPoolExecutor(max_workers=len(self.workers)) as pool:
            list(pool.map(start, [lang for lang in self.workers if not self.problems[lang]]))

    def _call(self, lang, method, *args):
        if self.problems[lang]:
            raise LanguageFailure(self.problems[lang])
        with self._busy:
            return self.workers[lang].call(method, *args)

    def _plan(self, lang):
        return ORACLE_PLAN if lang == self.oracle else LANGUAGE_PLAN

    def random_stream(self):
        """Uniforms and normals for a few seeds, each language against Python, bit for bit."""
        python = LanguageOutcome("python")
        outcome = ScenarioOutcome("random_stream", None, {"python": python}, stream=True)
        draws = [(seed, kind) for seed in RNG_CHECK["seeds"] for kind in ("uniform", "normal")]
        try:
            refs = {f"rng_{kind}(seed {seed})":
                    self._call("python", f"rng_{kind}", seed, RNG_CHECK["draws"])
                    for seed, kind in draws}
        except CALL_ERRORS as e:
            python.fail(e)
            return outcome
        for lang in self.langs:
            o = outcome.languages[lang] = LanguageOutcome(lang)
            try:
                for seed, kind in draws:
                    key = f"rng_{kind}(seed {seed})"
                    got = self._call(lang, f"rng_{kind}", seed, RNG_CHECK["draws"])
                    o.differences += compared("data", {key: got}, {key: refs[key]}, 0.0)
                o.bit_identical = all(d.ok for d in o.differences)  # this language's own
                o.settle()
            except CALL_ERRORS as e:
                o.fail(e)
        return outcome

    def compare(self, path):
        """One scenario: run it in every language and compare each quantity with Python's."""
        return self.compare_all([path])[0]

    def compare_all(self, paths):
        """Every scenario, each language (and the oracle) going through them in a thread of its
        own: a fast language never waits for a slow one, only for Python's reference of the
        scenario it compares. Returns one ScenarioOutcome per path, in order."""
        paths = [os.path.abspath(str(p)) for p in paths]
        names = [scenario_label(p) for p in paths]  # Python's reference names them better
        refs = [Future() for _ in paths]
        columns = {lang: [] for lang in self.workers}

        def python():
            try:
                for i, path in enumerate(paths):
                    outcome, ref = self._reference(path, names[i])
                    names[i] = shown(ref["name"], None) if ref else names[i]
                    columns["python"].append(outcome)
                    refs[i].set_result((outcome, ref))
            except BaseException as e:  # a bug: no language may wait for ever
                for ref in refs:
                    if not ref.done():
                        ref.set_exception(e)
                raise

        def language(lang):
            for i, path in enumerate(paths):
                columns[lang].append(self._compare(lang, path, refs[i], lambda i=i: names[i]))

        with ThreadPoolExecutor(max_workers=len(self.workers)) as pool:
            jobs = [pool.submit(python)] + [pool.submit(language, lang)
                                            for lang in self.workers if lang != "python"]
            for job in jobs:
                job.result()
        return [ScenarioOutcome(names[i], path, {lang: columns[lang][i] for lang in columns})
                for i, path in enumerate(paths)]

    def _reference(self, path, label):
        """Python's outcome and reference for one scenario (the reference None if it has
        none)."""
        t0 = time.perf_counter()
        o, ref = LanguageOutcome("python"), None
        unreadable = _unreadable(path)
        if unreadable:
            o.fail(LanguageFailure(unreadable, "missing"))
        else:
            try:
                ref = self._call("python", "reference", path)
                o.result = _result(ref["result"])
            except CALL_ERRORS as e:
                o.fail(e)
                self.log(f"  {label} [python]: {e}")
        o.seconds = round(time.perf_counter() - t0, 3)
        self.tick(f"{ref['name'] if ref else label} python")
        return o, ref

    def _compare(self, lang, path, ref_future, name):
        """lang's outcome on one scenario, held to its plan, against Python's reference."""
        plan = self._plan(lang)
        o = LanguageOutcome(lang, oracle=plan.oracle)
        t0 = time.perf_counter()
        try:
            unreadable = _unreadable(path)
            if unreadable:
                raise LanguageFailure(unreadable, "missing")
            try:  # the long run first: it needs nothing of Python's
                result, error = self._call(lang, "run_scenario", path), None
            except LanguageError as e:
                result, error = None, e
            o.seconds = round(time.perf_counter() - t0, 3)
            python, ref = ref_future.result()
            if ref is None:  # Python rejected the scenario
                return self._without_reference(o, error, plan, python, name())
            if error is not None:
                raise error
            o.result = _result(result)
            call = functools.partial(self._call, lang)
            for check in plan.checks:
                o.differences += check(call, path, result, ref, plan.tolerances)
            o.settle()
        except CALL_ERRORS as e:
            ref_future.result()
            o.fail(e)
            o.seconds = round(time.perf_counter() - t0, 3)
            if o.status is not Status.MISSING:
                self.log(f"  {name()} [{lang}]: {e}")
        finally:
            self.tick(f"{name()} {lang}")
        return o

    def _without_reference(self, o, error, plan, python, name):
        """Python rejected the scenario: a language must reject it too, with Python's words;
        the oracle has nothing to compare."""
        if error is not None:
            o.fail(error)
            self.log(f"  {name} [{o.lang}]: {error}")
            if not plan.oracle and str(error) != python.message:
                o.notes.append(f"rejected it with another message than Python's: {error}")
        if plan.oracle:
            o.status = o.status if error is not None else Status.SKIPPED
        elif error is None:
            o.status, o.message = Status.MISMATCH, "accepted a scenario that Python rejected"
        return o


# --- the run: the engine, then the presentation ----------------------------------------------

def run(paths, langs=LANGUAGES, timeout=600.0, report=None, log=print, html=None,
        progress=False, oracle=None, busy=None):
    """Cross-check each scenario; print the table; write the JSON report and the HTML page;
    return all-agree. progress shows a bar (tqdm, on stderr) over scenarios x languages;
    oracle "torch" adds the framework twin as a further row per scenario. A report or HTML
    folder that cannot be written is refused before the run (OutputError); one whose writing
    fails at the end raises OutputError after the verdict is printed."""
    check_html_folder(html)
    # refused now, not after the run; never over a scenario or its data
    reserved = ReservedFile(report, scenario_files(paths)) if report else None
    try:
        outcomes, columns, versions = _run_engine(paths, langs, timeout, log, progress, oracle,
                                                  busy)
    except BaseException:
        if reserved:
            reserved.discard()
        raise
    agree = all(o.agree for o in outcomes)
    for line in format_lines(outcomes, columns, agree):
        log(line)
    doc = report_document(outcomes, agree, versions)
    if reserved:
        reserved.commit(json.dumps(doc, indent=1) + "\n")
    if html:
        try:
            log(f"report: {write_html(doc, html)}")
        except OSError as e:
            raise OutputError(html, f"cannot write {html}: {e.strerror}") from None
    return agree


def _run_engine(paths, langs, timeout, log, progress, oracle, busy):
    """The random stream and every scenario: (outcomes, the columns in order, versions)."""
    cc = Crosscheck(langs, timeout=timeout, log=log, oracle=oracle, busy=busy)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(paths) * (len(cc.workers)), desc="crosscheck", unit="run",
                   file=sys.stderr)
        cc.tick = lambda what: (bar.set_postfix_str(what), bar.update(1))
    try:
        for lang, problem in cc.problems.items():
            if problem:
                log(f"{lang}: {problem}")
        cc.start()
        log("random stream ...")
        outcomes = [cc.random_stream()]
        log(f"{len(paths)} scenarios, {', '.join(cc.workers)} side by side ...")
        outcomes += cc.compare_all(paths)
        return outcomes, list(cc.workers), {lang: w.version for lang, w in cc.workers.items()}
    finally:
        cc.close()
        if bar is not None:
            bar.close()
