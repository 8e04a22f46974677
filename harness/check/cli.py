"""python -m harness check PATH [--exercise NAME ...] | --template EXERCISE --lang LANG."""
import json
import math
import sys

from .exercises import EXERCISE_NAMES

LANGS = ("python", "r", "octave")


def arguments(parser):
    """The check command's arguments."""
    parser.add_argument("path", nargs="?",
                        help="your .py or .R file, an Octave .m script that defines functions, "
                        "or a folder of Octave function files")
    parser.add_argument("--exercise", action="extend", nargs="+", metavar="NAME",
                        help="check only these exercises (default all): "
                        + ", ".join(EXERCISE_NAMES))
    parser.add_argument("--template", metavar="EXERCISE",
                        help="print a starter file for EXERCISE (or 'all') instead of checking")
    parser.add_argument("--lang", help="the starter file's language: python, r or octave")
    parser.add_argument("--json", metavar="FILE",
                        help="also write the records as a JSON document to FILE")
    parser.add_argument("--timeout", default="20",
                        help="seconds your code may go without answering before it is stopped "
                        "(default 20)")


def _usage(problem):
    print(f"harness: check: {problem}", file=sys.stderr)
    return 2


def run(args):
    """The check command: 0 all you wrote agrees, 1 something differs, 2 bad usage."""
    from ..outfile import OutputError, ReservedFile
    from .document import document
    from .runner import UsageProblem, run_check
    from .text import render

    names = [n for given in args.exercise or [] for n in given.split(",") if n]
    if args.path is None and names and names[-1] not in EXERCISE_NAMES:
        args.path = names.pop()  # check --exercise linear mine.py: the path came last
    unknown = [n for n in names if n not in EXERCISE_NAMES]
    if unknown:
        return _usage(f"unknown exercise {', '.join(unknown)} (known: "
                      f"{', '.join(EXERCISE_NAMES)})")
    if args.template is not None:
        from .templates import template
        if args.path is not None:
            return _usage("--template prints a starter file: give it no PATH")
        if args.template not in EXERCISE_NAMES + ["all"]:
            return _usage(f"unknown exercise {args.template} (known: all, "
                          f"{', '.join(EXERCISE_NAMES)})")
        if args.lang not in LANGS:
            return _usage(f"--template needs --lang python, r or octave"
                          + (f", not {args.lang!r}" if args.lang else ""))
        sys.stdout.write(template(args.template, args.lang))
        return 0
    if args.lang is not None:
        return _usage("--lang goes with --template (a file's language comes from its extension)")
    if args.path is None:
        return _usage("give the PATH of your file (or --template EXERCISE --lang LANG)")
    try:
        timeout = float(args.timeout)
    except ValueError:
        timeout = math.nan
    if not (math.isfinite(timeout) and timeout > 0):
        return _usage(f"--timeout: must be a number of seconds > 0 and finite, not "
                      f"{args.timeout!r}")
    out = None
    if args.json is not None:
        try:
            out = ReservedFile(args.json, [args.path])  # claimed now: a bad FILE costs no run
        except OutputError as e:
            return _usage(f"--json: {e.problem}")
    try:
        report = run_check(args.path, names, timeout)
    except UsageProblem as e:
        if out is not None:
            out.discard()
        return _usage(str(e))
    print("\n".join(render(report)))
    if out is not None:
        try:
            out.commit(json.dumps(document(report), indent=1) + "\n")
        except OutputError as e:
            return _usage(f"--json: {e.problem}")
    return 1 if report.failed else 0
