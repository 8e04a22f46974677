"""python -m harness: cross-check dlfp's Python, R and Octave twins, or rewrite the fixtures."""
import argparse
import sys

import dlfp

from .bridges import LANGUAGES
from .paths import default_scenarios


def _langs(text):
    langs = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in langs if s not in LANGUAGES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown language {', '.join(unknown)} (known: {', '.join(LANGUAGES)})")
    return langs


def _add_suite_arguments(parser, timeout_help):
    """The arguments crosscheck and gradcheck share: scenarios, --langs, --timeout."""
    parser.add_argument("scenarios", nargs="*",
                        help="scenario JSON files (default: every file in fixtures/scenarios)")
    parser.add_argument("--langs", type=_langs, default=LANGUAGES,
                        help="comma-separated languages (default: python,r,octave)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help=f"{timeout_help} (default 600)")


def main(argv=None):
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m harness", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    cc = sub.add_parser("crosscheck", help="run scenarios in every language and compare them",
                        description="Runs each scenario in Python, R (rpy2) and Octave (oct2py), "
                        "compares data, forward activations, gradients, loss curves and final "
                        "parameters, prints a table and exits 0 only if all agree.")
    _add_suite_arguments(cc, "seconds a language may take for one call before it is killed")
    cc.add_argument("--oracle", choices=["torch"],
                    help="add the framework twin (PyTorch: its own layers, autograd and "
                    "optimizers) as a further row, its loss curve within 1e-10 of Python's "
                    "(make crosscheck does; needs make setup-torch)")
    cc.add_argument("--report", help="write the JSON report to this file")
    cc.add_argument("--quiet", action="store_true",
                    help="no progress bar and no per-scenario lines; the table and verdict only")
    cc.add_argument("--html", metavar="DIR",
                    help="write a self-contained HTML page (DIR/index.html): loss curves, their "
                    "differences, decision boundaries, the table")
    gc = sub.add_parser("gradcheck", help="check each language's gradients by finite differences",
                        description="Each language compares its backward propagation with centered "
                        "finite differences over every parameter (L2 on, dropout off) and must stay "
                        "below 1e-7.")
    _add_suite_arguments(gc, "seconds a language may take for one scenario")
    gc.add_argument("--examples", type=int, default=32,
                    help="check on the first N examples of the data (default 32)")
    gc.add_argument("--max-params", type=int, default=20000,
                    help="skip networks with more parameters than this (default 20000)")
    bm = sub.add_parser("bench", aliases=["benchmark"],
                        help="time the workloads in dlfp's three languages, PyTorch and "
                        "scikit-learn",
                        description="Runs full Fashion-MNIST (one epoch), the spiral and a deep "
                        "narrow net (1000 iterations each) natively in each engine, one warm-up "
                        "then --reps timed runs; prints medians, multiples of the measured "
                        "matrix-product floor, peak memory and BLAS kernels; writes "
                        "bench/results.json and bench/results.md.")
    bm.add_argument("--reps", type=int, default=5, help="timed runs per engine (default 5)")
    bm.add_argument("--workloads", type=lambda v: v.split(","), default=None,
                    help="comma-separated: fashion_mnist, spiral, deep_narrow (default all)")
    bm.add_argument("--engines", type=lambda v: v.split(","), default=None,
                    help="comma-separated: 'dlfp python', 'dlfp r', 'dlfp octave', pytorch, "
                    "scikit-learn (default all)")
    bm.add_argument("--out", help="folder for results.json and results.md (default bench/)")
    rp = sub.add_parser("report", help="the HTML page of a saved JSON report",
                        description="Writes DIR/index.html from a report written by "
                        "crosscheck --report.")
    rp.add_argument("report", help="the JSON report")
    rp.add_argument("html", metavar="DIR", help="folder for index.html")
    sw = sub.add_parser("sweep", help="hyper-parameter search, cross-validated, on Dask",
                        description="Runs every (trial, fold, language) of a sweep file as a "
                        "task on a Dask cluster (an embedded LocalCluster, or --scheduler) and "
                        "writes trials.csv, summary.csv, sweep.json and index.html. Run it again "
                        "with the same --out to resume: only missing tasks run.")
    sw.add_argument("sweep", help="sweep JSON file (see the README)")
    sw.add_argument("--out", help="output folder (default sweeps/<name>)")
    where = sw.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--workers", type=int,
                       help="worker processes of the embedded LocalCluster (default: one per core)")
    sw.add_argument("--langs", type=_langs, default=None,
                    help="comma-separated languages (default: the sweep file's)")
    sw.add_argument("--timeout", type=float, default=600.0,
                    help="seconds one task may take before its language is killed (default 600)")
    sw.add_argument("--quiet", action="store_true", help="no progress bar, no progress lines")
    sub.add_parser("schema", help="write the files made from the scenario rules",
                   description="From python/dlfp/scenario_rules.json: its copies for the R and "
                   "Octave packages, schema/scenario.schema.json (JSON Schema) and the README's "
                   "field table.")
    fx = sub.add_parser("fixtures", help="rewrite the golden fixtures from the Python twin",
                        description="Rewrites fixtures/golden and fixtures/data/breast_cancer.csv. "
                        "Review the diff like code.")
    fx.add_argument("scenarios", nargs="*", help="scenario files (default: the default suite)")
    args = parser.parse_args(argv)

    if args.command == "crosscheck":
        from .crosscheck import run

        paths = args.scenarios or default_scenarios()  # a missing one fails on its own row
        if args.report is not None:  # checked before the run, as the runners check --out
            try:
                dlfp.check_result_path(args.report)
            except dlfp.DlfpError as e:
                print(f"harness: --report: {str(e).split(': ', 2)[2]}", file=sys.stderr)
                return 2
        log = print
        if args.quiet:
            def log(line):  # the table, the mismatches and the verdict; not the progress lines
                if not line.endswith(" ..."):
                    print(line)
        ok = run(paths, args.langs, args.timeout, args.report, log=log, html=args.html,
                 progress=not args.quiet and sys.stderr.isatty(), oracle=args.oracle)
        return 0 if ok else 1
    if args.command == "report":
        import json

        from .report import write_html

        with open(args.report, encoding="utf-8") as f:
            print(f"report: {write_html(json.load(f), args.html)}")
        return 0
    if args.command in ("bench", "benchmark"):
        from .bench.suite import ENGINES, WORKLOADS, run as run_bench

        bad = [w for w in args.workloads or [] if w not in WORKLOADS] + \
            [e for e in args.engines or [] if e not in ENGINES]
        if bad or args.reps < 1:
            print(f"harness: bench: unknown workload or engine {', '.join(bad)}" if bad else
                  "harness: bench: --reps must be at least 1", file=sys.stderr)
            return 2
        run_bench(args.workloads, args.engines, args.reps, args.out)
        return 0
    if args.command == "gradcheck":
        from .gradcheck import run as run_gradcheck

        paths = args.scenarios or default_scenarios()
        ok = run_gradcheck(paths, args.langs, args.examples, args.max_params, args.timeout)
        return 0 if ok else 1
    if args.command == "sweep":
        from .sweep import SweepError, run as run_sweep

        try:
            run_sweep(args.sweep, args.out, args.scheduler, args.workers, args.langs,
                      args.timeout, log=(lambda s: None) if args.quiet else print,
                      progress=not args.quiet and sys.stderr.isatty())
        except SweepError as e:
            print(e, file=sys.stderr)
            return 2
        return 0
    if args.command == "schema":
        from .schema import write_schema_files

        for path in write_schema_files():
            print(f"schema: {path}")
        return 0
    from .fixtures import make_fixtures

    make_fixtures(args.scenarios or None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
