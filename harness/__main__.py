"""python -m harness: cross-check dlfp's Python, R and Octave twins, or rewrite the fixtures.

Exit status: 0 done (all agree), 1 the languages disagree (or a check failed), 2 bad usage or
an output that cannot be written; a bad argument is one line on stderr, never a traceback.
"""
import argparse
import json
import math
import os
import sys

from dlfp.__main__ import reader_gone
from dlfp.errors import shown, shown_path

from .bridges import LANGUAGES
from .outfile import OutputError
from .paths import default_scenarios

MAX_SECONDS = 1e6  # the longest --timeout: 11 days is no plan, and far beyond breaks poll()


class UsageError(Exception):
    """A bad command line: the command, the option (or None) and the problem, as data."""

    def __init__(self, command, option, problem):
        super().__init__(problem)
        self.command, self.option, self.problem = command, option, problem

    def line(self):
        """'harness: crosscheck: --timeout: must be ...', the one line the user sees."""
        return ": ".join(p for p in ("harness", self.command, self.option, self.problem) if p)


class _Parser(argparse.ArgumentParser):
    # argparse prints the usage and exits; here a bad argument is one line, as dlfp's are
    def error(self, message):
        command = self.prog.split()[-1] if self.prog.split()[-1] != "harness" else None
        raise UsageError(command, None, message)


# --- argument types: each refuses a bad value with the reason --------------------------------

def langs_type(text):
    """'python,r' -> ['python', 'r']: known languages, at least one, each once."""
    langs = list(dict.fromkeys(s.strip() for s in text.split(",") if s.strip()))
    unknown = [s for s in langs if s not in LANGUAGES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown language {', '.join(unknown)} (known: {', '.join(LANGUAGES)})")
    if not langs:
        raise argparse.ArgumentTypeError(f"no language given (known: {', '.join(LANGUAGES)})")
    return langs


def seconds_type(text):
    """A timeout in seconds: a number > 0 and finite (nan, inf, 0 and negatives refused)."""
    try:
        s = float(text)
    except ValueError:
        s = math.nan
    if not (math.isfinite(s) and s > 0):
        raise argparse.ArgumentTypeError(f"must be a number of seconds > 0 and finite, "
                                         f"not {text!r}")
    if s > MAX_SECONDS:  # a worker's poll overflows past ~2.1e6 s (epoll counts int32 ms)
        raise argparse.ArgumentTypeError(f"must be at most {MAX_SECONDS:g} seconds, "
                                         f"not {text!r}")
    return s


def count_type(text):
    """A whole number >= 1."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, not {text!r}")
    return n


# --- crosscheck and gradcheck ----------------------------------------------------------------

def _suite_arguments(parser, timeout_help):
    """The arguments crosscheck and gradcheck share: scenarios, --langs, --timeout."""
    parser.add_argument("scenarios", nargs="*",
                        help="scenario JSON files (default: every file in fixtures/scenarios)")
    parser.add_argument("--langs", type=langs_type, default=LANGUAGES,
                        help="comma-separated languages (default: python,r,octave)")
    parser.add_argument("--timeout", type=seconds_type, default=600.0,
                        help=f"{timeout_help} (default 600)")


def _crosscheck_arguments(cc):
    _suite_arguments(cc, "seconds a language may take for one call before it is killed")
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


def _crosscheck(args):
    from .crosscheck import run

    paths = args.scenarios or default_scenarios()  # a missing one fails on its own row
    log = print
    if args.quiet:
        def log(line):  # the table, the mismatches and the verdict; not the progress lines
            if not line.endswith(" ..."):
                print(line)
    try:
        ok = run(paths, args.langs, args.timeout, args.report, log=log, html=args.html,
                 progress=not args.quiet and sys.stderr.isatty(), oracle=args.oracle)
    except OutputError as e:  # before the run: nothing ran; after it: the verdict is printed
        option = "--report" if e.path == args.report else "--html"
        raise UsageError("crosscheck", option, e.problem) from None
    return 0 if ok else 1


def _gradcheck_arguments(gc):
    _suite_arguments(gc, "seconds a language may take for one scenario")
    gc.add_argument("--examples", type=count_type, default=32,
                    help="check on the first N examples of the data (default 32)")
    gc.add_argument("--max-params", type=count_type, default=20000,
                    help="skip networks with more parameters than this (default 20000)")


def _gradcheck(args):
    from .gradcheck import run

    paths = args.scenarios or default_scenarios()
    return 0 if run(paths, args.langs, args.examples, args.max_params, args.timeout) else 1


# --- bench, report, sweep, schema, fixtures --------------------------------------------------

def _bench_arguments(bm):
    bm.add_argument("--reps", type=count_type, default=5, help="timed runs per engine (default 5)")
    bm.add_argument("--workloads", type=lambda v: v.split(","), default=None,
                    help="comma-separated: fashion_mnist, spiral, deep_narrow (default all)")
    bm.add_argument("--engines", type=lambda v: v.split(","), default=None,
                    help="comma-separated: 'dlfp python', 'dlfp r', 'dlfp octave', pytorch, "
                    "scikit-learn (default all)")
    bm.add_argument("--out", help="folder for results.json and results.md (default bench/)")


def _bench(args):
    from .bench.suite import ENGINES, WORKLOADS, run

    for option, given, known in (("--workloads", args.workloads, WORKLOADS),
                                 ("--engines", args.engines, ENGINES)):
        bad = [w for w in given or [] if w not in known]
        if bad:
            raise UsageError("bench", option, f"unknown {', '.join(bad)} (known: "
                             f"{', '.join(known)})")
    run(args.workloads, args.engines, args.reps, args.out)
    return 0


def _report_arguments(rp):
    rp.add_argument("report", help="the JSON report")
    rp.add_argument("html", metavar="DIR", help="folder for index.html")


def _report(args):
    from .report import check_html_folder, page_html, write_page

    try:
        if os.path.exists(args.report):  # (a missing one: open's own words, below)
            _regular_file(args.report, "report")  # a FIFO would block open() for ever
        with open(args.report, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError, RecursionError) as e:
        raise UsageError("report", None, f"cannot read {shown_path(args.report)}: "
                         f"{getattr(e, 'strerror', None) or e}") from None
    if not (isinstance(doc, dict) and isinstance(doc.get("scenarios"), list)):
        raise UsageError("report", None, f"{shown_path(args.report)} is not a crosscheck report "
                         "(no list of scenarios)")
    try:
        page = page_html(doc)  # drawn whole before the folder is touched
        page.encode("utf-8")
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):  # edited by hand
        raise UsageError("report", None, f"{shown_path(args.report)} is not a crosscheck report "
                         "(a part is missing, of the wrong type or not text)") from None
    try:
        check_html_folder(args.html)  # as crosscheck --html: a user's own index.html is kept
        print(f"report: {write_page(page, args.html)}")
    except OutputError as e:
        raise UsageError("report", None, e.problem) from None
    except OSError as e:
        raise UsageError("report", None, f"cannot write {shown_path(args.html)}: {e.strerror}") from None
    return 0


def _sweep_arguments(sw):
    sw.add_argument("sweep", help="sweep JSON file (see the README)")
    sw.add_argument("--out", help="output folder: a new one, or one this sweep wrote "
                    "(default sweeps/<name>)")
    where = sw.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler, e.g. tls://host:8786 or tcp://host:8786")
    where.add_argument("--workers", type=count_type,
                       help="worker processes of the embedded LocalCluster (default: one per core)")
    sw.add_argument("--langs", type=langs_type, default=None,
                    help="comma-separated languages (default: the sweep file's)")
    sw.add_argument("--timeout", type=seconds_type, default=600.0,
                    help="seconds one task may take before its language is killed (default 600)")
    sw.add_argument("--quiet", action="store_true", help="no progress bar, no progress lines")
    for flag, what in (("--tls-ca-file", "the CA certificate"),
                       ("--tls-cert", "this client's certificate"),
                       ("--tls-key", "this client's private key")):
        sw.add_argument(flag, metavar="FILE",
                        help=f"{what}, for a tls:// scheduler (the flags of dask scheduler "
                        "and dask worker)")


def _sweep(args):
    from .sweep import SweepError, SweepStopped, run

    tls = (args.tls_ca_file, args.tls_cert, args.tls_key)
    try:
        run(args.sweep, args.out, args.scheduler, args.workers, args.langs, args.timeout,
            log=(lambda s: None) if args.quiet else print,
            progress=not args.quiet and sys.stderr.isatty(), tls=tls if any(tls) else None)
    except SweepError as e:
        print(e, file=sys.stderr)
        return 2
    except SweepStopped as e:  # a sweep without a result: the reason, and how to resume
        print(e, file=sys.stderr)
        return e.status
    except KeyboardInterrupt:  # before or after the tasks: nothing half written
        print("dlfp: sweep: interrupted; rerun the same command to resume", file=sys.stderr)
        return 130
    return 0


def _schema(args):
    from .schema import write_schema_files

    for path in write_schema_files():
        print(f"schema: {path}")
    return 0


def _fixtures_arguments(fx):
    fx.add_argument("scenarios", nargs="*", help="scenario files (default: the default suite)")


def _fixtures(args):
    from dlfp import DlfpError, read_scenario

    from .fixtures import make_fixtures

    for path in args.scenarios:  # every one read before anything is rewritten
        try:
            read_scenario(path)
        except DlfpError as e:  # 'harness: fixtures: read_scenario: no such file: ...'
            raise UsageError("fixtures", None, f"read_scenario: {e.problem}") from None
    make_fixtures(args.scenarios or None)
    return 0


def _regular_file(path, command):
    """A UsageError unless path is a regular file (dlfp's rule: no folder, FIFO or device)."""
    from dlfp import DlfpError
    from dlfp.textfile import check_regular_file

    try:
        check_regular_file(path, command)
    except DlfpError as e:
        raise UsageError(command, None, e.problem) from None


def _check_arguments(ch):
    from .check.cli import arguments

    arguments(ch)


def _check(args):
    from .check.cli import run

    return run(args)


# name, aliases, handler, arguments, help, description
COMMANDS = [
    ("crosscheck", [], _crosscheck, _crosscheck_arguments,
     "run scenarios in every language and compare them",
     "Runs each scenario in Python, R (rpy2) and Octave (oct2py), compares data, forward "
     "activations, gradients, loss curves and final parameters, prints a table and exits 0 only "
     "if all agree."),
    ("gradcheck", [], _gradcheck, _gradcheck_arguments,
     "check each language's gradients by finite differences",
     "Each language compares its backward propagation with centered finite differences over "
     "every parameter (L2 on, dropout off) and must stay below 1e-7."),
    ("bench", ["benchmark"], _bench, _bench_arguments,
     "time the workloads in dlfp's three languages, PyTorch and scikit-learn",
     "Runs full Fashion-MNIST (one epoch), the spiral and a deep narrow net (1000 iterations "
     "each) natively in each engine, one warm-up then --reps timed runs; prints medians, "
     "multiples of the measured matrix-product floor, peak memory and BLAS kernels; writes "
     "bench/results.json and bench/results.md."),
    ("report", [], _report, _report_arguments,
     "the HTML page of a saved JSON report",
     "Writes DIR/index.html from a report written by crosscheck --report."),
    ("sweep", [], _sweep, _sweep_arguments,
     "hyper-parameter search, cross-validated, on Dask",
     "Runs every (trial, fold, language) of a sweep file as a task on a Dask cluster (an "
     "embedded LocalCluster, or --scheduler) and writes trials.csv, summary.csv, sweep.json and "
     "index.html. Run it again with the same --out to resume: only missing tasks run. Exit "
     "status: 0 a best trial, 1 no trial finished in every fold, 2 bad input or --out, 3 the "
     "cluster went away (rerun to resume), 130 interrupted (rerun to resume)."),
    ("schema", [], _schema, None,
     "write the files made from the scenario rules",
     "From python/dlfp/scenario_rules.json: its copies for the R and Octave packages, "
     "schema/scenario.schema.json (JSON Schema) and the README's field table."),
    ("fixtures", [], _fixtures, _fixtures_arguments,
     "rewrite the golden fixtures from the Python twin",
     "Rewrites fixtures/golden and fixtures/data/breast_cancer.csv. Review the diff like code."),
    ("check", [], _check, _check_arguments,
     "check your own implementation's functions against dlfp's",
     "Runs your Python, R or Octave functions (same names and arguments as dlfp's) on dlfp's "
     "inputs, exercise by exercise, and names the first place they differ and the likely "
     "slip. Exit 0: all you wrote agrees; 1: something differs; 2: bad usage."),
]


def build_parser():
    """The parser: one subcommand per row of COMMANDS, its handler in args.func."""
    parser = _Parser(prog="python -m harness", description=__doc__,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, aliases, handler, arguments, help_, description in COMMANDS:
        p = sub.add_parser(name, aliases=aliases, help=help_, description=description)
        if arguments is not None:
            arguments(p)
        p.set_defaults(func=handler)
    return parser


def main(argv=None):
    """Run the command line; returns the exit status."""
    try:
        args, extra = build_parser().parse_known_args(argv)
        if extra:  # (argparse would name no command: the top parser sees them)
            raise UsageError(args.command, None, "unrecognized arguments: " +
                             " ".join(shown(a) for a in extra))
        return args.func(args)
    except UsageError as e:
        print(e.line(), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return reader_gone()


if __name__ == "__main__":
    sys.exit(main())
