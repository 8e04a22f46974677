"""python -m harness sweep: hyper-parameter search, cross-validated in any language, on Dask.

A sweep file names a base scenario, a search space and a number of folds. Each trial is the base
scenario with the trial's fields replaced (checked by dlfp's scenario rules; an invalid trial is
recorded as such). Each (trial, fold, language) is one task on a Dask cluster: an embedded
LocalCluster, or any running scheduler (--scheduler). A task runs dlfp's validate_fold in its
language, in a session kept by the Dask worker process for all its tasks (harness.worker, so a
hung or dying language is a task's status, not the sweep's end). Results are appended to
trials.csv as they arrive; running the same sweep again with the same --out runs only what is
missing.
"""
import csv
import json
import math
import os
import sys
import time

import numpy as np

import dlfp
from dlfp.result import write_atomic

from .bridges import LANGUAGES, LanguageError
from .compare import TOLERANCES
from .paths import absolute_scenario
from .worker import LanguageFailure, Worker

SWEEP_FIELDS = {"name", "scenario", "search", "trials", "seed", "folds", "space", "languages"}
DISTRIBUTIONS = ("log_uniform", "uniform", "choice", "values")
METRICS = ["train_accuracy", "test_accuracy", "final_cost", "status", "seconds", "message"]


class SweepError(ValueError):
    """A bad sweep file or --out: the message names the problem."""


def read_sweep(path):
    """sweep = the sweep file, checked: name, scenario (relative to the file), search, folds,
    space, languages; trials and seed for a random search."""
    try:
        raw = dlfp.read_json(path, "sweep")
    except dlfp.DlfpError as e:
        raise SweepError(str(e)) from None
    if not isinstance(raw, dict):
        raise SweepError(f"dlfp: sweep: {path}: the top level must be an object")
    unknown = sorted(set(raw) - SWEEP_FIELDS)
    if unknown:
        raise SweepError(f"dlfp: sweep: unknown field '{unknown[0]}' (allowed: "
                         f"{', '.join(sorted(SWEEP_FIELDS))})")
    for key in ("name", "scenario", "space", "folds"):
        if key not in raw:
            raise SweepError(f"dlfp: sweep: missing field '{key}'")
    s = {"search": "grid", "languages": list(LANGUAGES), **raw}
    if s["search"] not in ("grid", "random"):
        raise SweepError("dlfp: sweep: 'search' must be 'grid' or 'random'")
    if s["search"] == "random":
        for key in ("trials", "seed"):
            if not (dlfp.errors.is_int(s.get(key)) and s.get(key, -1) >= (1 if key == "trials"
                                                                          else 0)):
                raise SweepError(f"dlfp: sweep: a random search needs '{key}', "
                                 f"{'a positive' if key == 'trials' else 'a non-negative'} "
                                 "integer")
    elif "trials" in s or "seed" in s:
        raise SweepError("dlfp: sweep: a grid search takes every combination: no 'trials' or "
                         "'seed'")
    if not (dlfp.errors.is_int(s["folds"]) and s["folds"] >= 2):
        raise SweepError("dlfp: sweep: 'folds' must be an integer of at least 2")
    if not (isinstance(s["languages"], list) and s["languages"]
            and all(lang in LANGUAGES for lang in s["languages"])):
        raise SweepError(f"dlfp: sweep: 'languages' must be a list of {', '.join(LANGUAGES)}")
    _check_space(s["space"], s["search"])
    s["scenario"] = os.path.join(os.path.dirname(os.path.abspath(path)), s["scenario"])
    return s


def _check_space(space, search):
    if not isinstance(space, dict) or not space:
        raise SweepError("dlfp: sweep: 'space' must be an object of fields to search")
    for field, spec in space.items():
        if not (isinstance(spec, dict) and len(spec) == 1 and next(iter(spec)) in DISTRIBUTIONS):
            raise SweepError(f"dlfp: sweep: 'space.{field}' must be one of "
                             + ", ".join(f'{{"{d}": ...}}' for d in DISTRIBUTIONS))
        kind, arg = next(iter(spec.items()))
        if kind in ("log_uniform", "uniform"):
            ok = (isinstance(arg, list) and len(arg) == 2 and all(dlfp.errors.is_number(a)
                                                                   for a in arg)
                  and arg[0] < arg[1] and (kind == "uniform" or arg[0] > 0))
            if not ok:
                raise SweepError(f"dlfp: sweep: 'space.{field}.{kind}' must be [low, high], "
                                 f"low < high{', low > 0' if kind == 'log_uniform' else ''}")
            if search == "grid":
                raise SweepError(f"dlfp: sweep: a grid search cannot take '{kind}' "
                                 f"('space.{field}'): give 'values'")
        elif not (isinstance(arg, list) and arg):
            raise SweepError(f"dlfp: sweep: 'space.{field}.{kind}' must be a non-empty list")


def sample_trials(sweep):
    """[{field: value}] for each trial: every combination (grid) or `trials` draws (random),
    reproducible from the seed; scikit-learn's ParameterGrid / ParameterSampler draw them."""
    from scipy import stats
    from sklearn.model_selection import ParameterGrid, ParameterSampler

    space = {}
    for field, spec in sweep["space"].items():
        kind, arg = next(iter(spec.items()))
        space[field] = {"log_uniform": lambda a: stats.loguniform(a[0], a[1]),
                        "uniform": lambda a: stats.uniform(a[0], a[1] - a[0]),
                        "choice": list, "values": list}[kind](arg)
    if sweep["search"] == "grid":
        raw = list(ParameterGrid(space))
    else:
        raw = list(ParameterSampler(space, n_iter=sweep["trials"], random_state=sweep["seed"]))
    return [{k: _plain(t[k]) for k in sweep["space"]} for t in raw]


def _plain(v):
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def trial_scenarios(sweep, trials, folder):
    """Write each trial's scenario (data paths absolute) under folder/scenarios; returns
    [(path, None)] or [(None, message)] for a trial the scenario rules reject."""
    try:
        base = absolute_scenario(sweep["scenario"])
    except dlfp.DlfpError as e:
        raise SweepError(str(e)) from None
    if not isinstance(base, dict):
        raise SweepError(f"dlfp: sweep: {sweep['scenario']}: the top level must be an object")
    os.makedirs(os.path.join(folder, "scenarios"), exist_ok=True)
    out = []
    for i, fields in enumerate(trials):
        raw = dict(base, **fields)
        raw["validation"] = dict(base.get("validation", {}), folds=sweep["folds"])
        try:
            dlfp.check_scenario(raw)
        except dlfp.DlfpError as e:
            out.append((None, str(e)))
            continue
        path = os.path.join(folder, "scenarios", f"trial-{i:04d}.json")
        write_atomic(path, json.dumps(raw, indent=1) + "\n")
        out.append((path, None))
    return out


# --- one task, on a Dask worker -------------------------------------------------------------

_SESSIONS = {}  # per Dask worker process: one session of each language for all its tasks


def run_task(path, fold, lang, timeout):
    """One (trial, fold, language): validate_fold in lang, with its status and seconds."""
    t0 = time.perf_counter()
    out = {k: None for k in METRICS}
    try:
        if lang not in _SESSIONS:
            _SESSIONS[lang] = Worker(lang, timeout=timeout)
        r = _SESSIONS[lang].call("validate_fold", path, fold, timeout=timeout)
        out.update(train_accuracy=float(r["train_accuracy"]),
                   test_accuracy=float(r["test_accuracy"]), final_cost=float(r["final_cost"]),
                   status="ok", message="")
    except LanguageError as e:
        out.update(status="diverged" if str(e).startswith("dlfp: train: diverged") else
                   "invalid", message=str(e))
    except LanguageFailure as e:
        out.update(status="timeout" if e.status == "timeout" else "failed", message=str(e))
    out["seconds"] = round(time.perf_counter() - t0, 3)
    return out


# --- the sweep ---------------------------------------------------------------------------------

def columns(sweep):
    return ["trial", "language", "fold"] + list(sweep["space"]) + METRICS


def read_done(path):
    """The rows already in trials.csv, keyed by (trial, language, fold)."""
    if not os.path.isfile(path):
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        for key in ("train_accuracy", "test_accuracy", "final_cost", "seconds"):
            r[key] = float(r[key]) if r[key] not in (None, "") else None
    return {(int(r["trial"]), r["language"], int(r["fold"])): r for r in rows}


def run(sweep_path, out=None, scheduler=None, workers=None, langs=None, timeout=600.0,
        log=print, progress=False):
    """Run (or resume) a sweep; write trials.csv, summary.csv, sweep.json, index.html in out.
    Returns the sweep document (sweep.json's content)."""
    sweep = read_sweep(sweep_path)
    langs = [lang for lang in (langs or sweep["languages"]) if lang in sweep["languages"]]
    out = out or os.path.join("sweeps", sweep["name"])
    os.makedirs(out, exist_ok=True)
    trials = sample_trials(sweep)
    _check_same_trials(out, sweep, trials)
    scenarios = trial_scenarios(sweep, trials, out)
    table = os.path.join(out, "trials.csv")
    done = read_done(table)
    cols = columns(sweep)
    new_file = not os.path.isfile(table)
    pending = []
    with open(table, "a", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=cols)
        if new_file:
            writer.writeheader()
        for i, (path, problem) in enumerate(scenarios):
            for lang in langs:
                for fold in range(1, sweep["folds"] + 1):
                    if (i, lang, fold) in done:
                        continue
                    if path is None:  # no language can run an invalid trial
                        row = _row(sweep, trials, i, lang, fold, {
                            **{k: None for k in METRICS}, "status": "invalid",
                            "message": problem, "seconds": 0.0})
                        writer.writerow(row)
                        done[(i, lang, fold)] = row
                    else:
                        pending.append((i, lang, fold, path))
        f.flush()
        log(f"sweep {sweep['name']}: {len(trials)} trials x {len(langs)} languages x "
            f"{sweep['folds']} folds; {len(pending)} tasks to run, "
            f"{len(trials) * len(langs) * sweep['folds'] - len(pending)} already done")
        cluster = _run_on_dask(pending, sweep, trials, writer, f, done, scheduler, workers,
                               timeout, log, progress)
    doc = summarize(sweep, trials, read_done(table), langs, cluster)
    write_atomic(os.path.join(out, "sweep.json"), json.dumps(doc, indent=1) + "\n")
    _write_summary_csv(os.path.join(out, "summary.csv"), doc)
    from .sweep_report import write_sweep_html

    write_sweep_html(doc, os.path.join(out, "index.html"))
    best = doc["best"]
    log(f"best: trial {best['trial']} {json.dumps(best['fields'])}, mean test accuracy "
        f"{best['mean_test_accuracy']:.4f} ({best['language']})" if best else
        "best: no trial finished in every fold")
    return doc


def _row(sweep, trials, i, lang, fold, result):
    row = {"trial": i, "language": lang, "fold": fold}
    for field in sweep["space"]:
        v = trials[i][field]
        row[field] = json.dumps(v) if isinstance(v, list) else v
    row.update(result)
    return row


def _check_same_trials(out, sweep, trials):
    """A resumed sweep must be the same sweep: its trials are stored at the first run."""
    path = os.path.join(out, "trials.json")
    doc = {"sweep": dict(sweep), "trials": trials}
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            before = json.load(f)
        if before["trials"] != trials or before["sweep"]["folds"] != sweep["folds"]:
            raise SweepError(f"dlfp: sweep: {out} holds another sweep's trials: give another "
                             "--out, or remove it")
        return
    write_atomic(path, json.dumps(doc, indent=1) + "\n")


def _run_on_dask(pending, sweep, trials, writer, f, done, scheduler, workers, timeout, log,
                 progress):
    from distributed import Client, LocalCluster, as_completed

    if scheduler:
        client, cluster = Client(scheduler), None
        where = scheduler
    else:
        n = workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        where = f"LocalCluster, {n} worker processes"
    info = {"scheduler": where, "workers": len(client.scheduler_info()["workers"])}
    bar = None
    if progress and pending:
        from tqdm import tqdm

        bar = tqdm(total=len(pending), desc="sweep", unit="task", file=sys.stderr)
    best = -1.0
    t0 = time.perf_counter()
    try:
        futures = {}
        for i, lang, fold, path in pending:
            fut = client.submit(run_task, path, fold, lang, timeout, pure=False,
                                key=f"{sweep['name']}-t{i}-{lang}-f{fold}-{time.time_ns()}")
            futures[fut] = (i, lang, fold)
        for fut in as_completed(futures):
            i, lang, fold = futures[fut]
            try:
                result = fut.result()
            except Exception as e:  # noqa: BLE001 - a task whose worker died, or a Dask error
                result = {**{k: None for k in METRICS}, "status": "failed",
                          "message": f"{type(e).__name__}: {e}", "seconds": None}
            row = _row(sweep, trials, i, lang, fold, result)
            writer.writerow(row)
            f.flush()  # appended as it arrives: an interrupted sweep keeps every finished task
            done[(i, lang, fold)] = row
            if result["status"] == "ok":
                best = max(best, _trial_mean(done, i, lang, sweep["folds"]))
            if bar is not None:
                bar.set_postfix_str(f"best {best:.4f}" if best >= 0 else "")
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        client.close()
        if cluster is not None:
            cluster.close()
    info["seconds"] = round(time.perf_counter() - t0, 3)
    info["tasks"] = len(pending)
    return info


def _trial_mean(done, i, lang, folds):
    scores = [done.get((i, lang, k), {}).get("test_accuracy") for k in range(1, folds + 1)]
    if any(s in (None, "") for s in scores):
        return -1.0
    return float(np.mean([float(s) for s in scores]))


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


def _write_summary_csv(path, doc):
    import pandas as pd

    frame = pd.DataFrame([{"trial": s["trial"], "language": s["language"],
                           **{k: json.dumps(v) if isinstance(v, list) else v
                              for k, v in s["fields"].items()},
                           "mean_test_accuracy": s["mean_test_accuracy"],
                           "std_test_accuracy": s["std_test_accuracy"],
                           "languages_agree": s["languages_agree"]} for s in doc["summary"]])
    write_atomic(path, frame.to_csv(index=False))
