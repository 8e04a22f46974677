"""python -m harness sweep: hyper-parameter search, cross-validated in any language, on Dask.

A sweep file names a base scenario, a search space and a number of folds (sweep_file.py checks
it against sweep_rules.json). Each trial is the base scenario with the trial's fields replaced
(checked by dlfp's scenario rules; an invalid trial is recorded as such). Each (trial, fold,
language) is one task on a Dask cluster (sweep_dask.py): an embedded LocalCluster, or a running
scheduler, over TLS if asked. Finished tasks are appended to trials.csv as they arrive
(trial_log.py); the same command with the same --out runs exactly the tasks still missing, one
sweep at a time per folder (sweep_folder.py).

Exit statuses (SweepStopped.status): 1 no trial finished in every fold, 3 the cluster went away
(rerun to resume), 130 interrupted (rerun to resume); a SweepError (bad input) is 2.
"""
import contextlib
import json
import math
import os
import shutil
import sys
import time

import numpy as np

import dlfp
from dlfp.errors import shown, shown_path
from dlfp.result import write_atomic

from .compare import TOLERANCES
from .paths import absolute_data, absolute_scenario
from .sweep_dask import Cluster, ClusterLost, Task, run_tasks, security
from .sweep_file import SweepError, fail, read_sweep, sample_trials
from .sweep_folder import FolderLock, check_folder
from .trial_log import METRICS, TrialLog

__all__ = ["SweepError", "SweepStopped", "read_sweep", "sample_trials", "run"]
MAX_TIMEOUT = 1e6  # seconds: past ~2.1e6 the pipe's poll overflows; 11 days is no plan anyway
MAX_WORKERS = 1024
RESUME = "rerun the same command to resume"


class SweepStopped(RuntimeError):
    """The sweep ran but did not end with a result: status is the exit status."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


def run(sweep_path, out=None, scheduler=None, workers=None, langs=None, timeout=600.0,
        log=print, progress=False, tls=None):
    """Run (or resume) a sweep; write trials.csv, summary.csv, sweep.json, index.html in out.

    tls is (ca_file, cert, key) for a tls:// scheduler. Returns the sweep document (sweep.json's
    content); raises SweepError for bad input, SweepStopped for a sweep without a result.
    """
    sweep = read_sweep(sweep_path)
    langs = check_run(sweep, langs, workers, timeout)
    secure = security(scheduler, *(tls or ()))
    out = out or os.path.join("sweeps", sweep["name"])
    trials = sample_trials(sweep)
    base = base_scenario(sweep)
    checked = check_trials(base, sweep, trials)
    check_folds_fit(checked, trials, sweep["folds"], os.path.join(os.path.abspath(out),
                                                                   "scenarios"))
    check_folder(out)
    before = set(os.listdir(out)) if os.path.isdir(out) else None
    _make_folder(out)
    with _writing(), FolderLock(out), _removed_when_nothing_ran(out, before):
        keep_trials(out, sweep, trials)
        scenarios = trial_scenarios(checked, out)
        with TrialLog(os.path.join(out, "trials.csv"), sweep["space"], trials) as trial_log:
            tasks = pending_tasks(trial_log, scenarios, langs, sweep["folds"])
            total = len(trials) * len(langs) * sweep["folds"]
            log(f"sweep {sweep['name']}: {len(trials)} trials x {len(langs)} languages x "
                f"{sweep['folds']} folds; {len(tasks)} tasks to run, {total - len(tasks)} "
                "already done")
            cluster = Cluster(scheduler, n_workers(workers, len(tasks)), secure,
                              os.path.join(out, "dask.log"))
            bar = Progress(len(tasks), trial_log, sweep["folds"]) if progress and tasks else None
            info = run_on_dask(cluster, tasks, trial_log, timeout, bar)
            done = trial_log.read()
        doc = summarize(sweep, trials, done, langs, info)
        write_outputs(out, doc)
    log(best_line(doc))
    if doc["best"] is None:
        raise SweepStopped(f"dlfp: sweep: no trial finished in every fold: {why_none(doc)}", 1)
    return doc


def check_run(sweep, langs, workers, timeout):
    """The languages to run (those of --langs the sweep has), after checking the arguments."""
    if langs is not None:
        if not langs or not all(isinstance(lang, str) for lang in langs):
            fail("--langs names no language")
        langs = [lang for lang in langs if lang in sweep["languages"]]
        if not langs:
            fail(f"--langs names no language of the sweep ({', '.join(sweep['languages'])})")
    if workers is not None and not (dlfp.errors.is_int(workers) and not isinstance(workers, float)
                                    and 1 <= workers <= MAX_WORKERS):
        fail(f"--workers must be a whole number from 1 to {MAX_WORKERS}")
    if not (dlfp.errors.is_number(timeout) and 0 < timeout <= MAX_TIMEOUT):
        fail(f"--timeout must be a number of seconds > 0 and at most {MAX_TIMEOUT:g}")
    return langs or list(sweep["languages"])


@contextlib.contextmanager
def _writing(path=None):
    """A file the sweep cannot write (a full disk, a read-only folder) is one line naming it;
    what was there before stays whole (trials.csv's rows; the other files are renamed over)."""
    try:
        yield
    except OSError as e:
        where = path or e.filename
        fail(f"cannot write {shown_path(where)}: {e.strerror or e}" if where else
             (e.strerror or shown(str(e))))


@contextlib.contextmanager
def _removed_when_nothing_ran(out, before):
    """What this run made in out (the folder itself when before is None, else the names not in
    before) is removed again when it stops on bad input before any task finished (a
    --scheduler it cannot reach): left, dask.log, scenarios/ and a trials.csv of no trial
    would pass for a sweep of their own. Entered under the folder's lock, so it never
    removes what another sweep is writing."""
    try:
        yield
    except (SweepError, OSError):
        if not _any_trial(os.path.join(out, "trials.csv")):
            for path in [out] if before is None else _made_in(out, before):
                _remove(path)
        raise


def _made_in(out, before):
    try:
        return [os.path.join(out, n) for n in set(os.listdir(out)) - before]
    except OSError:
        return []


def _remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.remove(path)
        except OSError:
            pass


def _any_trial(path):
    """True when trials.csv holds a row below its header (or cannot be read: kept, then)."""
    try:  # never through a link planted in the folder
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as f:
            return f.read().count(b"\n") > 1
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _make_folder(out):
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as e:
        fail(f"cannot make --out {shown_path(out)}: {e.strerror}")


def keep_trials(out, sweep, trials):
    """A resumed sweep must be the same sweep: its trials are stored at the first run."""
    path = os.path.join(out, "trials.json")
    if os.path.isfile(path):
        try:
            with open(path, encoding="utf-8") as f:
                before = json.load(f)
            same = before["trials"] == trials and before["sweep"]["folds"] == sweep["folds"]
        except (OSError, ValueError, KeyError, TypeError):
            same = False
        if not same:
            fail(f"{shown_path(out)} holds another sweep's trials: give another --out, or "
                 "remove it")
        return
    with _writing(path):
        write_atomic(path, json.dumps({"sweep": dict(sweep), "trials": trials}, indent=1) + "\n")


def base_scenario(sweep):
    """The base scenario's fields, its data paths absolute (read before anything is written)."""
    try:
        base = absolute_scenario(sweep["scenario"])
    except dlfp.DlfpError as e:
        raise SweepError(str(e)) from None
    if not isinstance(base, dict):
        fail(f"{shown_path(sweep['scenario'])}: the top level must be an object")
    return base


def check_trials(base, sweep, trials):
    """[(raw, checked, problem)] per trial: its scenario as it will be written (the base with
    the trial's fields, validated in the sweep's folds, the base's validation seed kept), and
    either the scenario rules' checked copy or their message. Checked once, before anything is
    written."""
    out = []
    base_folder = os.path.dirname(os.path.abspath(sweep["scenario"]))
    for fields in trials:
        raw = dict(base, **fields)
        if "data" in fields:  # a data the space searches reads as the base's own: beside it
            raw["data"] = absolute_data(fields["data"], base_folder)
        v = base.get("validation", {})  # not an object: the scenario rules say so, per trial
        raw["validation"] = dict(v, folds=sweep["folds"]) if isinstance(v, dict) else v
        try:
            out.append((raw, dlfp.check_scenario(raw), None))
        except dlfp.DlfpError as e:
            out.append((raw, None, str(e)))
    return out


def check_folds_fit(checked, trials, folds, folder):
    """Stop unless folds <= m for the training data of every valid trial (m: its examples).

    Before anything is written or queued: with more folds than examples every task of the
    trial would be refused by validate_fold, so 'folds': 10^6 on 20 examples would queue (and
    record) millions of tasks that cannot run. The data are read once per distinct `data` (the
    base scenario's, or a trial's own when the space searches `data`, read against folder,
    where the trials' scenario files go). A trial the scenario rules reject is recorded as
    invalid instead, and data this machine cannot read (files only a cluster's workers see)
    are left for the tasks to judge.
    """
    counted = {}  # by the data as written: a seed (the scenario's) changes no generator's m
    for i, ((raw, s, _), fields) in enumerate(zip(checked, trials)):
        if s is None:
            continue
        data = json.dumps(raw["data"], sort_keys=True)
        if data not in counted:
            counted[data] = m = _examples(dict(s, base_dir=folder))
            if m is not None and folds > m:
                whose = f"trial {i}'s data" if "data" in fields else "the base scenario"
                fail(f"'folds' is {folds}, more than the {m} training examples of {whose}")


def _examples(scenario):
    """m, the number of training examples a checked scenario reads; None when its data cannot
    be read here."""
    try:
        return int(dlfp.load_data(scenario)[1].shape[0])
    except (dlfp.DlfpError, OSError, MemoryError):
        return None


def trial_scenarios(checked, folder):
    """Write each valid trial's scenario (check_trials' raw) under folder/scenarios; returns
    [(path, None)] or [(None, message)] for a trial the scenario rules reject."""
    os.makedirs(os.path.join(folder, "scenarios"), exist_ok=True)
    out = []
    for i, (raw, _, problem) in enumerate(checked):
        if problem is not None:
            out.append((None, problem))
            continue
        path = os.path.join(folder, "scenarios", f"trial-{i:04d}.json")
        with _writing(path):
            write_atomic(path, json.dumps(raw, indent=1) + "\n")
        out.append((path, None))
    return out


def pending_tasks(trial_log, scenarios, langs, folds):
    """The tasks not yet in the log; an invalid trial's are recorded at once, as no language
    can run them."""
    tasks = []
    for i, (path, problem) in enumerate(scenarios):
        for lang in langs:
            for fold in range(1, folds + 1):
                if (i, lang, fold) in trial_log.done:
                    continue
                if path is None:
                    trial_log.record(i, lang, fold, {**{k: None for k in METRICS},
                                                     "status": "invalid", "message": problem,
                                                     "seconds": 0.0})
                else:
                    tasks.append(Task(i, lang, fold, path))
    return tasks


def run_on_dask(cluster, tasks, trial_log, timeout, bar=None):
    """Run the tasks on the cluster (a Cluster, not yet started); returns its description.
    ClusterLost and Ctrl-C become SweepStopped with how many tasks are done and left."""
    if not tasks:  # every task is in the log already: no cluster to start
        return {"scheduler": "none: every task was in trials.csv already", "workers": 0,
                "seconds": 0.0, "tasks": 0}
    before = len(trial_log.done)
    try:
        with cluster:
            t0 = time.perf_counter()
            run_tasks(cluster.client, tasks, timeout, trial_log,
                      bar.update if bar is not None else None)
            return dict(cluster.info, seconds=round(time.perf_counter() - t0, 3),
                        tasks=len(tasks))
    except (ClusterLost, KeyboardInterrupt) as e:
        left = len(tasks) - (len(trial_log.done) - before)
        counts = f"{len(trial_log.done)} tasks finished, {left} left; {RESUME}"
        if isinstance(e, KeyboardInterrupt):
            raise SweepStopped(f"dlfp: sweep: interrupted: {counts}", 130) from None
        where = (f"the Dask scheduler {cluster.scheduler}" if cluster.scheduler else
                 "the Dask cluster")
        why = f"{where}: {e.why}" if getattr(e, "why", None) else f"lost {where}"
        raise SweepStopped(f"dlfp: sweep: {why}: {counts}", 3) from None
    finally:
        if bar is not None:
            bar.close()


def n_workers(workers, tasks):
    """The LocalCluster's worker processes: as asked (one per core by default), never more
    than there are tasks."""
    return min(workers or os.cpu_count() or 1, max(tasks, 1))


class Progress:
    """A tqdm bar on stderr: tasks done, and the best mean test accuracy so far."""

    def __init__(self, total, trial_log, folds):
        from tqdm import tqdm

        self.bar = tqdm(total=total, desc="sweep", unit="task", file=sys.stderr)
        self.log, self.folds = trial_log, folds
        self.best = -1.0

    def update(self, row):
        if row["status"] == "ok":
            self.best = max(self.best, _trial_mean(self.log.done, int(row["trial"]),
                                                   row["language"], self.folds))
        self.bar.set_postfix_str(f"best {self.best:.4f}" if self.best >= 0 else "")
        self.bar.update(1)

    def close(self):
        self.bar.close()


def _trial_mean(done, i, lang, folds):
    scores = [done.get((i, lang, k), {}).get("test_accuracy") for k in range(1, folds + 1)]
    if any(s in (None, "") for s in scores):
        return -1.0
    return float(np.mean([float(s) for s in scores]))


# --- the results -------------------------------------------------------------------------------

def summarize(sweep, trials, done, langs, cluster):
    """Per trial and language: mean and std of test accuracy over folds; whether the languages
    agree on every fold; the best trial and a paired t-test against the runner-up."""
    from scipy import stats

    folds = sweep["folds"]
    summary = []
    for i, fields in enumerate(trials):
        per_lang = {}
        for lang in langs:
            rows = [done.get((i, lang, k)) for k in range(1, folds + 1)]
            ok = all(r is not None and r["status"] == "ok" for r in rows)
            scores = [float(r["test_accuracy"]) for r in rows] if ok else None
            per_lang[lang] = {"scores": scores, "costs": [float(r["final_cost"]) for r in rows]
                              if ok else None,
                              "statuses": sorted({r["status"] for r in rows if r is not None})}
        agree = _agree(per_lang)
        for lang in langs:
            sc = per_lang[lang]["scores"]
            summary.append({"trial": i, "language": lang, "fields": fields,
                            "mean_test_accuracy": float(np.mean(sc)) if sc else None,
                            "std_test_accuracy": float(np.std(sc)) if sc else None,
                            "fold_test_accuracy": sc,
                            "statuses": per_lang[lang]["statuses"],
                            "languages_agree": agree})
    ranked = sorted((s for s in summary if s["mean_test_accuracy"] is not None
                     and s["language"] == langs[0]),
                    key=lambda s: (-s["mean_test_accuracy"], s["trial"]))
    best = ranked[0] if ranked else None
    ttest = None
    if len(ranked) >= 2:
        a, b = ranked[0]["fold_test_accuracy"], ranked[1]["fold_test_accuracy"]
        t, p = stats.ttest_rel(a, b)
        ttest = {"best": ranked[0]["trial"], "runner_up": ranked[1]["trial"],
                 "t": None if math.isnan(t) else float(t),
                 "p": None if math.isnan(p) else float(p),
                 "note": "the same accuracy on every fold" if math.isnan(t) else ""}
    import distributed
    import sklearn

    return {"name": sweep["name"], "sweep": sweep, "languages": langs, "trials": trials,
            "summary": summary, "best": best, "t_test": ttest, "cluster": cluster,
            "rows": [done[k] for k in sorted(done)],
            "tolerances": {"test_accuracy": 0.0, "final_cost": TOLERANCES["loss_curve"]},
            "versions": {"dlfp": dlfp.__version__, "numpy": np.__version__,
                         "dask.distributed": distributed.__version__,
                         "scikit-learn": sklearn.__version__}}


def _agree(per_lang):
    """True when every language finished every fold with the same test accuracies and final
    costs within the loss curve's tolerance; None when some language did not finish."""
    done = [v for v in per_lang.values() if v["scores"] is not None]
    if len(done) < len(per_lang) or not done:
        return None
    ref = done[0]
    tol = TOLERANCES["loss_curve"]
    for v in done[1:]:
        if v["scores"] != ref["scores"]:
            return False
        a, b = np.array(v["costs"]), np.array(ref["costs"])
        if np.max(np.abs(a - b)) > tol * np.max(np.abs(b)):
            return False
    return True


def write_outputs(out, doc):
    """sweep.json, summary.csv and index.html, each written whole or not at all."""
    from .sweep_report import write_sweep_html

    writers = {"sweep.json": lambda p: write_atomic(p, json.dumps(doc, indent=1) + "\n"),
               "summary.csv": lambda p: _write_summary_csv(p, doc),
               "index.html": lambda p: write_sweep_html(doc, p)}
    for name, write in writers.items():
        path = os.path.join(out, name)
        with _writing(path):
            write(path)


def best_line(doc):
    best = doc["best"]
    if best is None:
        return "best: no trial finished in every fold"
    return (f"best: trial {best['trial']} {json.dumps(best['fields'])}, mean test accuracy "
            f"{best['mean_test_accuracy']:.4f} ({best['language']})")


def why_none(doc):
    """'18 tasks: 12 invalid, 6 timeout; e.g. <the most frequent message>'."""
    rows = doc["rows"]
    if not rows:
        return "no task ran"
    statuses = {}
    messages = {}
    for r in rows:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        if r["status"] != "ok" and r.get("message"):
            messages[r["message"]] = messages.get(r["message"], 0) + 1
    counts = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items(), key=lambda x: -x[1]))
    text = f"{len(rows)} tasks: {counts}"
    if messages:
        first = max(messages, key=messages.get)
        text += f"; e.g. {shown(' '.join(first.split()), 200)}"
    return text


def _write_summary_csv(path, doc):
    import pandas as pd

    frame = pd.DataFrame([{"trial": s["trial"], "language": s["language"],
                           **{k: json.dumps(v) if isinstance(v, (list, dict)) else v
                              for k, v in s["fields"].items()},
                           "mean_test_accuracy": s["mean_test_accuracy"],
                           "std_test_accuracy": s["std_test_accuracy"],
                           "languages_agree": s["languages_agree"]} for s in doc["summary"]])
    write_atomic(path, frame.to_csv(index=False))
