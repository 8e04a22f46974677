"""python -m dlfp run SCENARIO.json [--out RESULT.json] [--quiet]: one scenario, natively."""
import argparse
import sys

from .errors import DlfpError
from .scenario import run_scenario, write_result


def main(argv=None):
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m dlfp", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="train one scenario and write its result JSON")
    run.add_argument("scenario", help="scenario JSON file")
    run.add_argument("--out", help="result JSON to write (default: print nothing to a file)")
    run.add_argument("--quiet", action="store_true", help="print no progress")
    args = parser.parse_args(argv)
    try:
        result = run_scenario(args.scenario, verbose=not args.quiet)
        if args.out:
            write_result(result, args.out)
    except DlfpError as e:
        print(e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
