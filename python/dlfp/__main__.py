"""python -m dlfp: run a scenario, predict with a trained network, or check its gradients.

    python -m dlfp run SCENARIO.json [--out RESULT.json] [--quiet]
    python -m dlfp predict SCENARIO.json RESULT.json DATA.csv [--out LABELS.csv]
    python -m dlfp gradcheck SCENARIO.json [--examples N]

Bad input prints one line "dlfp: <function>: <problem>" to stderr and exits with status 2.
"""
import argparse
import functools
import os
import sys

import numpy as np

from .data import check_data, data_path, read_csv_matrix
from .errors import DlfpError, shown, shown_path
from .gradcheck import GRADCHECK_THRESHOLD, gradient_check
from .network import forward_propagation, predict_labels
from .result import check_result_path, write_atomic, write_result
from .run import prepare_scenario, run_scenario
from .schema import read_scenario
from .textfile import read_json


def _run(args):
    if args.out is not None:
        check_result_path(args.out)  # before training: a bad --out must not cost a whole run
    prepared = prepare_scenario(args.scenario)
    if args.out is not None:
        check_out_is_no_input(args.out, scenario_inputs(args.scenario, prepared["scenario"]),
                              "write_result", "run (the scenario or its data)")
    if args.quiet or not sys.stderr.isatty() or not _has_tqdm():
        result = run_scenario(prepared, verbose=not args.quiet)
    else:
        result = _run_with_bar(prepared)
    if args.out is not None:
        write_result(result, args.out)
        if not args.quiet:
            print(f"wrote {shown_path(args.out)}")
    return 0


# the data fields that name a file the run reads
INPUT_FIELDS = ("csv", "idx_images", "idx_labels", "test_csv", "test_idx_images",
                "test_idx_labels")


def scenario_inputs(scenario_path, s):
    """[scenario_path, data files]: the scenario file and every data file it names."""
    return [scenario_path] + [data_path(s, s["data"][k]) for k in INPUT_FIELDS
                              if k in s["data"]]


def is_among(path, inputs):
    """True when path (an existing file, links resolved) is one of inputs or lies in one of
    them (a folder of inputs, as a learner's Octave folder)."""
    if not os.path.exists(path):
        return False
    real = os.path.realpath(path)
    for p in inputs:
        top = os.path.realpath(p)
        if real == top or (os.path.isdir(top) and real.startswith(top.rstrip(os.sep) + os.sep)):
            return True
    return False


def check_out_is_no_input(out, inputs, function, what):
    """Stop unless out (by its real path, links resolved) is none of the command's inputs:
    what is written over it would lose them. what names the command and its inputs, e.g.
    "run (the scenario or its data)"."""
    if is_among(out, inputs):
        raise DlfpError(f"dlfp: {function}: {shown_path(out)} is an input of this {what}")


def _has_tqdm():
    try:
        import tqdm  # noqa: F401 - the bar is optional: without tqdm the epoch lines show
    except ImportError:
        return False
    return True


def _run_with_bar(prepared):
    """run_scenario with a tqdm bar over the epochs (on a terminal), the cost in its postfix."""
    from tqdm import tqdm

    epochs = prepared["scenario"]["epochs"]
    with tqdm(total=epochs, desc="epochs", unit="epoch", file=sys.stderr) as bar:
        def tick(e, cost):
            if cost is not None:
                bar.set_postfix(cost=f"{cost:.6f}")
            bar.update(1)

        result = run_scenario(prepared, verbose=False, progress=tick)
    print(f"{shown(result['name'], None)}: train accuracy {result['train_accuracy']:.4f}"
          + (f", test accuracy {result['test_accuracy']:.4f}" if "test_accuracy" in result
             else ""))
    return result


def _predict(args):
    if args.out is not None:  # before anything is read, as run checks its --out
        check_result_path(args.out, "predict")
    s = read_scenario(args.scenario)
    if args.out is not None:  # labels over the scenario, its data, the result or the CSV: lost
        check_out_is_no_input(args.out, scenario_inputs(args.scenario, s)
                              + [args.result, args.data], "predict",
                              "prediction (the scenario, its data, the result or the CSV)")
    params = read_params(args.result, s["layers"])
    X = read_csv_matrix(args.data, "predict").T  # (n_0, m)
    check_data(X, np.zeros(X.shape[1]), s["layers"], s["activations"][-1])
    check_outputs_finite(X, params, s["activations"], args.data)
    labels = predict_labels(X, params, s["activations"])
    text = "\n".join(str(int(v)) for v in labels) + "\n"
    if args.out is not None:
        check_result_path(args.out, "predict")
        try:  # replaced whole, as run's --out: never half written, never through a link
            write_atomic(args.out, text)
        except OSError as e:
            raise DlfpError(f"dlfp: predict: cannot write {shown_path(args.out)}: "
                            f"{e.strerror}") from None
    else:
        sys.stdout.write(text)
    return 0


def check_outputs_finite(X, params, activations, path):
    """Stop unless A_L = forward(X) is finite: finite parameters or features can still overflow,
    and a NaN column has no label (argmax would call it class 0)."""
    with np.errstate(all="ignore"):  # the overflow is named below, in one line
        AL, _ = forward_propagation(X, params, activations)
    bad = np.flatnonzero(~np.isfinite(AL).all(axis=0))
    if bad.size:
        raise DlfpError(f"dlfp: predict: the network's output for row {bad[0] + 1} of "
                        f"{shown_path(path)} is NaN or Inf (the parameters or the features "
                        "are too large)")


def read_params(path, layers):
    """final_params of a result JSON (rows of each matrix), checked against the layer sizes."""
    doc = read_json(path, "predict", max_bytes=None)  # dlfp's own result: any size
    raw = doc.get("final_params") if isinstance(doc, dict) else None
    if not isinstance(raw, dict):
        raise DlfpError(f"dlfp: predict: {shown_path(path)} has no final_params")
    params = {}
    for l in range(1, len(layers)):
        for key, shape in ((f"W{l}", (layers[l], layers[l - 1])), (f"b{l}", (layers[l], 1))):
            A = _matrix(raw.get(key), shape)
            if A is None:
                raise DlfpError(f"dlfp: predict: {key} in {shown_path(path)} is not "
                                f"{shape[0]} x {shape[1]} finite numbers as the scenario's "
                                "layers need")
            params[key] = A
    return params


def _matrix(rows, shape):
    """rows (a list of lists of numbers, as write_result writes a matrix) as an array of the
    shape, or None: anything else (strings, booleans, ragged rows, NaN) is not a matrix."""
    if not isinstance(rows, list) or len(rows) != shape[0] or not all(
            isinstance(r, list) and len(r) == shape[1] and all(
                isinstance(x, (int, float)) and not isinstance(x, bool) for x in r)
            for r in rows):
        return None
    A = np.array(rows, dtype=float).reshape(shape)
    return A if np.isfinite(A).all() else None


def _gradcheck(args):
    p = prepare_scenario(args.scenario)
    s = p["scenario"]
    X, Y = p["X"][:, :args.examples], p["Y"][:, :args.examples]
    r = gradient_check(X, Y, p["params0"], s["activations"], s["lambda"])
    ok = r["difference"] < GRADCHECK_THRESHOLD
    print(f"{s['name']}: difference {r['difference']:.3e} over {r['checked']} parameters, "
          f"{r['kinks']} relu kinks skipped: {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


def _positive_int(text):
    """argparse's type for a count: a whole number of at least 1."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {text!r}")
    return n


def main(argv=None):
    """Run the command line; returns the exit status."""
    # no abbreviations (--qu for --quiet): R's and Octave's runners take whole names only
    parser = argparse.ArgumentParser(prog="python -m dlfp", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     allow_abbrev=False)
    sub = parser.add_subparsers(dest="command", required=True)
    add = functools.partial(sub.add_parser, allow_abbrev=False)
    run = add("run", help="train one scenario natively and write its result JSON",
                         description="Trains the scenario, printing the cost at each recorded "
                         "epoch and the final accuracy.")
    run.add_argument("scenario", help="scenario JSON file (see the README for its fields)")
    run.add_argument("--out", help="result JSON to write (written whole or not at all)")
    run.add_argument("--quiet", action="store_true", help="print nothing but errors")
    pr = add("predict", help="labels for new data from a trained network",
                        description="Reads the final parameters of a result JSON (from run "
                        "--out) and prints one predicted label per row of a CSV file of "
                        "features (no label column).")
    pr.add_argument("scenario", help="the scenario the network was trained with")
    pr.add_argument("result", help="its result JSON")
    pr.add_argument("data", help="CSV: one example per row, features only")
    pr.add_argument("--out", help="write the labels here, one per line, instead of printing")
    gc = add("gradcheck", help="check backward propagation by finite differences",
                        description="Centered differences over every parameter at the "
                        "scenario's initial weights, with its lambda, dropout off; exits 1 "
                        f"above {GRADCHECK_THRESHOLD:g}.")
    gc.add_argument("scenario", help="scenario JSON file")
    gc.add_argument("--examples", type=_positive_int, default=32,
                    help="use the first N examples of the data (default 32)")
    args = parser.parse_args(argv)
    try:
        return {"run": _run, "predict": _predict, "gradcheck": _gradcheck}[args.command](args)
    except DlfpError as e:
        print(e, file=sys.stderr)
        return 2
    except BrokenPipeError:
        return reader_gone()


def reader_gone():
    """Exit status 1, quietly, when whoever read stdout has gone (| head): as R's runner stops;
    stdout goes to /dev/null so that the interpreter's own last flush cannot fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1


if __name__ == "__main__":
    sys.exit(main())
