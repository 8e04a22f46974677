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
"""
import json
import os
import sys
import time
import threading
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from dlfp.result import write_atomic

from .bridges import LANGUAGES, LanguageError, environment_problem
from .outcome import classify
from .outfile import OutputError, ReservedFile
from .compare import ORACLE_TOLERANCES, QUANTITIES, TOLERANCES, describe, first_mismatch, rel_diff
from .worker import LanguageFailure, Worker

RNG_CHECK = {"seeds": [0, 1, 42, 2147483645], "draws": 100000}


class Crosscheck:
    """Holds the language workers for a run; compare(path) gives one scenario's entry."""

    def __init__(self, langs=LANGUAGES, timeout=600.0, log=print, oracle=None, busy=None):
        self.langs = [lang for lang in langs if lang != "python"]
        self.oracle = oracle  # None or "torch": the framework twin as a further column
        self.log = log
        self.workers = {lang: Worker(lang, timeout=timeout)
                        for lang in ["python"] + self.langs + ([oracle] if oracle else [])}
        self.problems = {lang: environment_problem(lang) for lang in self.workers}
        self.tick = lambda what: None  # progress: called after each scenario x language
        self._lock = threading.Lock()  # the languages' threads record into shared entries
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

    def random_stream(self):
        """Uniforms and normals for a few seeds, each language against Python, bit for bit."""
        entry = _entry("random_stream", None)
        entry["max_rel_diff"] = {}
        worst = 0.0
        try:
            refs = {(seed, kind): self._call("python", f"rng_{kind}", seed, RNG_CHECK["draws"])
                    for seed in RNG_CHECK["seeds"] for kind in ("uniform", "normal")}
        except (LanguageError, LanguageFailure) as e:
            _fail(entry, "python", e)
            return entry
        entry["languages"]["python"] = {"status": "ok"}
        for lang in self.langs:
            info = entry["languages"].setdefault(lang, {})
            try:
                same = True
                for (seed, kind), ref in refs.items():
                    got = self._call(lang, f"rng_{kind}", seed, RNG_CHECK["draws"])
                    worst = max(worst, rel_diff(got, ref))
                    if first_mismatch(got, ref, 0.0) is not None:
                        same = False
                        entry["mismatches"].append(
                            f"random_stream, {lang}, rng_{kind}(seed {seed}): not bit-identical"
                            f", first at {describe(got, ref)}")
                info["bit_identical"] = same  # this language's own verdict, not the entry's
                info["status"] = "ok" if same else "mismatch"
                entry["agree"] &= same
            except (LanguageError, LanguageFailure) as e:
                _fail(entry, lang, e)
        entry["max_rel_diff"]["data"] = worst
        return entry

    def compare(self, path):
        """One scenario: run it in every language and compare each quantity with Python's."""
        return self.compare_all([path])[0]

    def compare_all(self, paths):
        """Every scenario, each language (and the oracle) going through them in a thread of its
        own: a fast language never waits for a slow one, only for Python's reference of the
        scenario it compares. Returns one entry per path, in order."""
        paths = [os.path.abspath(p) for p in paths]
        entries = [_entry(scenario_label(p), p) for p in paths]
        refs = [Future() for _ in paths]
        others = self.langs + (["torch"] if self.oracle else [])

        def python():
            for entry, path, ref in zip(entries, paths, refs):
                ref.set_result(self._reference(entry, path))

        def language(lang):
            for entry, path, ref in zip(entries, paths, refs):
                self._compare_language(entry, lang, path, ref)

        with ThreadPoolExecutor(max_workers=1 + len(others)) as pool:
            jobs = [pool.submit(python)] + [pool.submit(language, lang) for lang in others]
            for job in jobs:
                job.result()
        return entries

    def _reference(self, entry, path):
        """Python's reference for one scenario (None when it has none), recorded in entry."""
        if not os.path.isfile(path):
            for lang in self.workers:
                _fail(entry, lang, LanguageFailure(f"no such scenario file: {path}", "missing"))
            self.tick(f"{entry['name']} missing")
            return None
        t0 = time.perf_counter()
        try:
            ref = self._call("python", "reference", path)
            entry["name"] = ref["name"]
            entry["languages"]["python"] = _summary(ref["result"], time.perf_counter() - t0)
        except (LanguageError, LanguageFailure) as e:
            ref = None
            _fail(entry, "python", e)
            self.log(f"  {entry['name']} [python]: {e}")
        self.tick(f"{entry['name']} python")
        return ref

    def _compare_language(self, entry, lang, path, ref_future):
        if not os.path.isfile(path):
            return  # the reference has recorded it as missing for every language
        if lang == "torch":
            self._compare_oracle(entry, path, ref_future)
            return
        name = entry["name"]
        t0 = time.perf_counter()
        try:
            # the long run first: it needs nothing of Python's
            try:
                result, error = self._call(lang, "run_scenario", path), None
            except LanguageError as e:
                result, error = None, e
            seconds = time.perf_counter() - t0
            ref = ref_future.result()
            if ref is None:  # Python rejected the scenario: each language must reject it too
                self._rejects_alike(entry, lang, error)
                return
            if error is not None:
                raise error
            entry["languages"][lang] = _summary(result, seconds)
            X, labels = self._call(lang, "load_data", path)
            self._check(entry, lang, "data", {"X": X, "labels": labels},
                        {"X": ref["X"], "labels": ref["labels"]})
            step = self._call(lang, "forward_backward", ref["X"], ref["Y"], ref["params0"],
                              *ref["step_args"])
            forward = [k for k in ref["step"] if not k.startswith("d")]
            grads = [k for k in ref["step"] if k.startswith("d")]
            self._check(entry, lang, "forward", step, ref["step"], forward)
            self._check(entry, lang, "gradients", step, ref["step"], grads)
            rres = ref["result"]
            self._check(entry, lang, "initial_params", result["initial_params"],
                        rres["initial_params"])
            # epochs must match exactly; costs within tolerance (never scaled by epoch numbers)
            self._check(entry, lang, "loss_curve", _curve(result["loss_curve"]),
                        _curve(rres["loss_curve"]))
            self._check(entry, lang, "final_params", result["final_params"],
                        rres["final_params"])
            if "snapshots" in rres:
                self._check_snapshots(entry, lang, result.get("snapshots"), rres["snapshots"])
            if "cross_validation" in rres:
                self._check_folds(entry, lang, result.get("cross_validation"),
                                  rres["cross_validation"])
            if any(m.startswith(f"{name}, {lang},") for m in entry["mismatches"]):
                entry["languages"][lang]["status"] = "mismatch"
        except (LanguageError, LanguageFailure) as e:
            _fail(entry, lang, e)
            entry["languages"][lang]["seconds"] = round(time.perf_counter() - t0, 3)
            self.log(f"  {name} [{lang}]: {e}")
        finally:
            self.tick(f"{name} {lang}")

    def _compare_oracle(self, entry, path, ref_future):
        """The framework twin's loss curve and final parameters against Python's, tighter on
        the curve than between dlfp's own languages (ORACLE_TOLERANCES)."""
        t0 = time.perf_counter()
        try:
            result = self._call("torch", "run_scenario", path)
            seconds = time.perf_counter() - t0
            ref = ref_future.result()
            if ref is None:
                entry["languages"]["torch"] = {"status": "-"}
                return
            entry["languages"]["torch"] = _summary(result, seconds)
            rres = ref["result"]
            self._check(entry, "torch", "loss_curve", _curve(result["loss_curve"]),
                        _curve(rres["loss_curve"]), tol=ORACLE_TOLERANCES["loss_curve"])
            self._check(entry, "torch", "final_params", result["final_params"],
                        rres["final_params"], tol=ORACLE_TOLERANCES["final_params"])
            if any(m.startswith(f"{entry['name']}, torch,") for m in entry["mismatches"]):
                entry["languages"]["torch"]["status"] = "mismatch"
        except (LanguageError, LanguageFailure) as e:
            ref_future.result()
            _fail(entry, "torch", e)
            self.log(f"  {entry['name']} [torch]: {e}")
        finally:
            self.tick(f"{entry['name']} torch")

    def _check_snapshots(self, entry, lang, got, want):
        """The same snapshot epochs, exactly, and each snapshot's parameters."""
        epochs = {"snapshot epochs": np.array([sn["epoch"] for sn in got or []], dtype=float)}
        want_epochs = {"snapshot epochs": np.array([sn["epoch"] for sn in want], dtype=float)}
        self._check(entry, lang, "snapshots", epochs, want_epochs, tol=0.0)
        if got is None or len(got) != len(want):
            return
        flat = {f"epoch {sn['epoch']} {k}": v for sn in got for k, v in sn["params"].items()}
        want_flat = {f"epoch {sn['epoch']} {k}": v for sn in want
                     for k, v in sn["params"].items()}
        self._check(entry, lang, "snapshots", flat, want_flat)

    def _rejects_alike(self, entry, lang, error):
        want = entry["languages"]["python"].get("error", "")
        if error is not None:
            _fail(entry, lang, error)
            self.log(f"  {entry['name']} [{lang}]: {error}")
            if str(error) != want:
                entry["mismatches"].append(f"{entry['name']}, {lang}: rejected it with another "
                                           f"message than Python's: {error}")
            return
        entry["languages"][lang] = {"status": "mismatch",
                                    "error": "accepted a scenario that Python rejected"}
        entry["mismatches"].append(f"{entry['name']}, {lang}: accepted a scenario that Python "
                                   "rejected")

    def _check_folds(self, entry, lang, got, want):
        """Every fold: the same test indices and accuracies, the final cost within tolerance."""
        if got is None or len(got["folds"]) != len(want["folds"]):
            entry["agree"] = False
            entry["mismatches"].append(f"{entry['name']}, {lang}, cross_validation: "
                                       f"{'missing' if got is None else 'another number of folds'}")
            return
        exact = {f"fold {k + 1} {key}": np.asarray(f[key], dtype=float)
                 for k, f in enumerate(got["folds"])
                 for key in ("test_index", "train_accuracy", "test_accuracy")}
        want_exact = {f"fold {k + 1} {key}": np.asarray(f[key], dtype=float)
                      for k, f in enumerate(want["folds"])
                      for key in ("test_index", "train_accuracy", "test_accuracy")}
        costs = {"fold final costs": np.array([f["final_cost"] for f in got["folds"]])}
        want_costs = {"fold final costs": np.array([f["final_cost"] for f in want["folds"]])}
        self._check(entry, lang, "cross_validation", exact, want_exact, tol=0.0)
        self._check(entry, lang, "cross_validation", costs, want_costs)

    def _check(self, entry, lang, quantity, got, want, keys=None, tol=None):
        tol = TOLERANCES[quantity] if tol is None else tol
        for key in keys or list(want):
            if key not in got:
                d = float("inf")
                where = "missing"
            else:
                d = rel_diff(got[key], want[key])
                where = first_mismatch(got[key], want[key], tol)
            with self._lock:
                if lang != "torch":  # the oracle has its own tolerances and row
                    entry["max_rel_diff"][quantity] = max(entry["max_rel_diff"][quantity], d)
                entry.setdefault("by_language", {}).setdefault(lang, {})
                prev = entry["by_language"][lang].get(quantity, 0.0)
                entry["by_language"][lang][quantity] = max(prev, d)
            if where is not None:
                entry["agree"] = False
                detail = "missing" if where == "missing" else describe(got[key], want[key])
                entry["mismatches"].append(
                    f"{entry['name']}, {lang}, {quantity}: {key} differs first at index {where}"
                    f" ({detail}; max rel diff {d:.3g} > {tol:g})")


def scenario_label(path):
    """The scenario's name as its file gives it (even when the file is bad), else the file's."""
    stem = os.path.splitext(os.path.basename(path))[0]
    try:
        with open(path, encoding="utf-8") as f:
            name = json.load(f).get("name")
    except (OSError, ValueError, AttributeError):
        return stem
    return name if isinstance(name, str) and name else stem


def _entry(name, path):
    return {"name": name, "scenario": path, "agree": True, "languages": {}, "mismatches": [],
            "max_rel_diff": {q: 0.0 for q in QUANTITIES}}


def _fail(entry, lang, e):
    """Record why lang has no result for this entry: its own error, a timeout, a death."""
    status = classify(e).value
    info = entry["languages"].setdefault(lang, {})
    info.update(status=status, error=str(e))
    entry["agree"] = False
    if lang == "python" or status != "rejected":
        entry["mismatches"].append(f"{entry['name']}, {lang}: {status}: {e}")


def _curve(c):
    c = np.asarray(c, dtype=float).reshape(-1, 2)
    return {"loss_curve epochs": c[:, 0], "loss_curve costs": c[:, 1]}


def _summary(result, seconds):
    out = {"status": "ok", "initial_params": result["initial_params"],
           "final_params": result["final_params"], "loss_curve": result["loss_curve"],
           "train_accuracy": result["train_accuracy"], "seconds": round(seconds, 3)}
    for key in ("test_accuracy", "cross_validation", "snapshots"):
        if key in result:
            out[key] = result[key]
    return out


def run(paths, langs=LANGUAGES, timeout=600.0, report=None, log=print, html=None,
        progress=False, oracle=None, busy=None):
    """Cross-check each scenario; print the table; write the JSON report and the HTML page;
    return all-agree. progress shows a bar (tqdm, on stderr) over scenarios x languages;
    oracle "torch" adds the framework twin as a further row per scenario."""
    check_html_folder(html)
    reserved = ReservedFile(report) if report else None  # refused now, not after the run
    cc = Crosscheck(langs, timeout=timeout, log=log, oracle=oracle, busy=busy)
    entries = []
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
        entries.append(cc.random_stream())
        log(f"{len(paths)} scenarios, {', '.join(cc.workers)} side by side ...")
        entries.extend(cc.compare_all([str(p) for p in paths]))
        versions = {lang: w.version for lang, w in cc.workers.items()}
    except BaseException:
        if reserved:
            reserved.discard()
        raise
    finally:
        cc.close()
        if bar is not None:
            bar.close()
    agree = all(e["agree"] for e in entries)
    log(format_table(entries, list(cc.workers)))
    for e in entries:
        for m in e["mismatches"]:
            log(f"MISMATCH {m}")
    log("all languages agree" if agree else "DISAGREEMENT: see the mismatches above")
    doc = report_document(entries, agree, versions)
    if reserved:
        reserved.commit(json.dumps(doc, indent=1) + "\n")
    if html:
        from .report import write_html

        try:
            log(f"report: {write_html(doc, html)}")
        except OSError as e:
            raise OutputError(html, f"cannot write {html}: {e.strerror}") from None
    return agree


def check_html_folder(html):
    """Refuse --html DIR before the run unless DIR is a folder, or can be made as one."""
    if not html:
        return
    if os.path.exists(html):
        if not os.path.isdir(html):
            raise OutputError(html, f"{html} is not a folder")
        return
    parent = os.path.dirname(os.path.abspath(html))
    if not os.path.isdir(parent):
        raise OutputError(html, f"no such folder: {parent}")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(html, f"cannot write in {parent}")


def format_table(entries, langs):
    """scenario x language x quantity: the max relative difference against Python, and each
    language's status (ok, or why not: rejected, mismatch, timeout, died, ...)."""
    cols = QUANTITIES
    head = f"{'scenario':<26} {'language':<8} " + " ".join(f"{c:>14}" for c in cols) + "  status"
    lines = [head, "-" * len(head)]
    for e in entries:
        for lang in langs:
            if lang == "torch" and e["name"] == "random_stream":
                continue  # the oracle takes dlfp's draws; it has no stream of its own
            info = e["languages"].get(lang, {})
            diffs = e.get("by_language", {}).get(lang, {})
            if e["name"] == "random_stream" or lang == "python":
                first = {True: "bit-identical", False: "DIFFERENT"}.get(info.get("bit_identical"),
                                                                        "-" if lang != "python"
                                                                        else "reference")
                cells = [first] + ["" for _ in cols[1:]]
            else:
                cells = [_cell(diffs[c]) if c in diffs else "-" for c in cols]
            status = info.get("status", "-")
            lines.append(f"{e['name'][:26]:<26} {lang:<8} " + " ".join(f"{c:>14}" for c in cells)
                         + ("  ok" if status == "ok" else f"  FAIL {status}"))
    tol = " ".join(f"{TOLERANCES[c]:>14g}" for c in cols)
    lines.append(f"{'tolerance':<26} {'':<8} {tol}")
    if "torch" in langs:
        tol = " ".join(f"{ORACLE_TOLERANCES[c]:>14g}" if c in ORACLE_TOLERANCES else f"{'':>14}"
                       for c in cols)
        lines.append(f"{'tolerance, torch':<26} {'':<8} {tol}")
    return "\n".join(lines)


def _cell(d):
    return "not finite" if not np.isfinite(d) else f"{d:.2e}"


def report_document(entries, agree, versions):
    """The report as plain JSON values: matrices as lists of rows, inf as a string."""
    def plain(v):
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, np.ndarray):
            return plain(v.tolist())
        if isinstance(v, float) and not np.isfinite(v):
            return str(v)
        if isinstance(v, np.generic):
            return plain(v.item())
        return v

    return {"agree": agree, "tolerances": TOLERANCES, "oracle_tolerances": ORACLE_TOLERANCES,
            "versions": versions, "scenarios": plain(entries)}


def write_report(path, doc):
    """The JSON report, written whole or not at all."""
    write_atomic(path, json.dumps(doc, indent=1) + "\n")
