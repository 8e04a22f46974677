"""python -m harness gradcheck: backward propagation against finite differences, in each language.

Each language checks its own gradients (its own gradient_check) on the scenario's network at the
initial parameters, on the first examples of the scenario's data, with L2 on (the scenario's
lambda, or 0.1 when it has none, so the L2 terms are checked too) and dropout off.
"""
import os

import dlfp
from dlfp.errors import shown

from .bridges import LANGUAGES, LanguageError
from .worker import LanguageFailure, Worker

THRESHOLD = dlfp.GRADCHECK_THRESHOLD
DEFAULT_LAMBDA = 0.1


def check_inputs(path, examples):
    """X, Y, params, activations, lambda for one scenario's gradient check."""
    ref = dlfp.prepare_scenario(str(path))
    s = ref["scenario"]
    X, Y = ref["X"][:, :examples], ref["Y"][:, :examples]
    lambd = s["lambda"] if s["lambda"] > 0 else DEFAULT_LAMBDA
    return s, X, Y, ref["params0"], s["activations"], lambd


def run(paths, langs=LANGUAGES, examples=32, max_params=20000, timeout=600.0, log=print):
    """Gradient-check each scenario in each language; print a table; return all-pass."""
    workers = {lang: Worker(lang, timeout=timeout) for lang in langs if lang != "python"}
    rows, ok = [], True
    try:
        for path in paths:
            name = os.path.splitext(os.path.basename(str(path)))[0]
            try:
                s, X, Y, params, acts, lambd = check_inputs(path, examples)
            except dlfp.DlfpError as e:
                rows.append((name, "python", "-", "-", "-", f"FAIL {e}"))
                ok = False
                continue
            name = shown(s["name"], None)  # one row, whatever the name holds
            n_params = sum(p.size for p in params.values())
            if n_params > max_params:
                rows.append((name, "all", "-", "-", "-",
                             f"skipped: {n_params} parameters > --max-params {max_params}"))
                continue
            for lang in langs:
                try:
                    if lang == "python":
                        r = dlfp.gradient_check(X, Y, params, acts, lambd)
                    else:
                        r = workers[lang].call("gradient_check", X, Y, params, acts, lambd)
                except (LanguageError, LanguageFailure) as e:
                    rows.append((name, lang, "-", "-", "-", f"FAIL {e}"))
                    ok = False
                    continue
                good = r["difference"] < THRESHOLD and int(r["checked"]) > 0
                ok &= good
                rows.append((name, lang, f"{r['difference']:.2e}", int(r["checked"]),
                             int(r["kinks"]), "ok" if good else f"FAIL (>= {THRESHOLD:g})"))
    finally:
        for w in workers.values():
            w.close()
    log(f"{'scenario':<26} {'language':<8} {'difference':>11} {'checked':>8} {'kinks':>6}  status")
    for r in rows:
        log(f"{r[0]:<26} {r[1]:<8} {r[2]:>11} {r[3]!s:>8} {r[4]!s:>6}  {r[5]}")
    log(f"gradient check {'passed' if ok else 'FAILED'} (threshold {THRESHOLD:g}, lambda "
        f"{DEFAULT_LAMBDA} where a scenario has none, first {examples} examples)")
    return ok
