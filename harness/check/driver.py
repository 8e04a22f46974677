"""python driver.py JOB.json OUTDIR START: a learner's Python functions, called on dlfp's inputs.

Loads dlfp, then the learner's file into a namespace that already holds dlfp's public names
(so a function the learner has not written comes from dlfp), then makes the job's calls from
index START on, one result file per call (OUTDIR/call_<i>.json, written whole), so the
checker knows how far a killed process got. A function the learner has not written, or whose
body raises NotImplementedError or an error starting with "TODO", is "not_written"; any other
exception is reported with its message and the learner's line that raised it.
"""
import json
import os
import signal
import sys
import traceback


class Stopped(BaseException):
    """The checker's SIGUSR1: the learner's code hung (not an Exception: no except catches it)."""


def stop(signum, frame):
    raise Stopped()


def decode(v):
    import numpy as np
    if isinstance(v, dict):
        if "dlfp_matrix" in v:
            dims = [int(d) for d in v["dlfp_matrix"]]
            data = [float(x) for x in v["data"].split()]
            return np.array(data, dtype=float).reshape(dims, order="F")
        if "dlfp_vector" in v:
            data = [float(x) for x in v["dlfp_vector"].split()]
            return [int(x) for x in data] if all(x == int(x) for x in data) else np.array(data)
        if "dlfp_number" in v:
            return float(v["dlfp_number"])
        if "dlfp_strings" in v:
            return list(v["dlfp_strings"])
        if "dlfp_list" in v:
            return [decode(x) for x in v["dlfp_list"]]
        if "dlfp_ref" in v:
            return v
        return {k: decode(x) for k, x in v.items()}
    return v


def encode(v):
    import numpy as np
    if isinstance(v, (bool, np.bool_)):
        return float(v)
    if isinstance(v, (int, float, np.integer, np.floating)):
        return float(v)
    if isinstance(v, np.ndarray):
        if v.dtype.kind not in "biuf":
            return {"dlfp_other": f"an array of {v.dtype}"}
        return {"dlfp_matrix": list(v.shape), "data": [float(x) for x in v.ravel(order="F")]}
    if isinstance(v, str) or v is None:
        return v
    if isinstance(v, dict):
        return {str(k): encode(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return {"dlfp_list": [encode(x) for x in v]}
    return {"dlfp_other": type(v).__name__}


def write(outdir, name, record):
    tmp = os.path.join(outdir, name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(record, f)
    os.replace(tmp, os.path.join(outdir, name))


def where(exc, learner):
    """'learner.py, line 12, in sigmoid_forward': the learner's innermost frame that raised."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if os.path.abspath(f.filename) == learner]
    if not frames:
        return None
    f = frames[-1]
    return f"{os.path.basename(f.filename)}, line {f.lineno}, in {f.name}"


def message(exc):
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def is_todo(exc):
    return isinstance(exc, NotImplementedError) or str(exc).startswith("TODO")


def main():
    job_path, outdir, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(job_path, encoding="utf-8") as f:
        job = json.load(f)
    sys.path.insert(0, os.path.join(job["root"], "python"))
    import dlfp

    signal.signal(signal.SIGUSR1, stop)
    open(os.path.join(outdir, "ready"), "w").close()
    learner = os.path.abspath(job["learner"])
    space = {k: getattr(dlfp, k) for k in dir(dlfp) if not k.startswith("_")}
    space.update(__name__="learner", __file__=learner)
    try:
        with open(learner, encoding="utf-8") as f:
            code = compile(f.read(), learner, "exec")
        sys.path.insert(0, os.path.dirname(learner))
        exec(code, space)  # noqa: S102 - running the learner's code is the point
    except BaseException as e:  # noqa: BLE001 - whatever stops the file loading is reported
        line = getattr(e, "lineno", None) if isinstance(e, SyntaxError) else None
        loc = (f"{os.path.basename(learner)}, line {line}" if line else where(e, learner))
        write(outdir, "loaded.json", {"error": message(e), "where": loc,
                                      "hang": isinstance(e, Stopped)})
        return
    write(outdir, "loaded.json", {"error": None})
    results = {}
    for i, call in enumerate(job["calls"]):
        if i < start:
            continue
        fn = space.get(call["fn"])
        if fn is None or fn is getattr(dlfp, call["fn"], None) or not callable(fn):
            write(outdir, f"call_{i}.json", {"status": "not_written"})
            continue
        args = [decode(a) for a in call["args"]]
        if any(isinstance(a, dict) and "dlfp_ref" in a and a["dlfp_ref"][0] not in results
               for a in args):
            write(outdir, f"call_{i}.json", {"status": "skipped"})
            continue
        args = [results[a["dlfp_ref"][0]][
                    job["calls"][a["dlfp_ref"][0]]["outputs"].index(a["dlfp_ref"][1])]
                if isinstance(a, dict) and "dlfp_ref" in a else a for a in args]
        try:
            out = fn(*args)
        except Stopped as e:
            write(outdir, f"call_{i}.json", {"status": "hang", "where": where(e, learner)})
            os._exit(0)
        except Exception as e:  # noqa: BLE001 - the learner's error is the report
            status = "not_written" if is_todo(e) else "error"
            write(outdir, f"call_{i}.json", {"status": status, "message": message(e),
                                            "where": where(e, learner)})
            continue
        n = len(call["outputs"])
        results[i] = list(out) if n > 1 and isinstance(out, (tuple, list)) and len(out) == n \
            else [out] * n
        try:
            text = json.dumps({"status": "ok", "outputs": encode(out)})
        except (TypeError, ValueError) as e:
            text = json.dumps({"status": "error", "message": f"cannot read the value returned: "
                               f"{e}", "where": None})
        tmp = os.path.join(outdir, f"call_{i}.json.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, os.path.join(outdir, f"call_{i}.json"))


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # a learner's stray thread must not keep the process alive
