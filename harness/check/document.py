"""The check's records as a JSON document: the text report's data, for tools and pages."""
from dataclasses import asdict

from dlfp.result import json_ready


def result_record(r):
    """One check as a dict: exercise, function, case, status, difference, hints, ..."""
    # JSON has no inf or NaN: such a difference is written as the string "inf" / "nan"
    return json_ready({"exercise": r.exercise, "function": r.fn, "case": r.case,
                       "status": str(r.status),
                       "difference": asdict(r.difference) if r.difference is not None else None,
                       "slips": list(r.slips), "hints": list(r.hints), "message": r.message,
                       "where": r.where, "during": r.during, "output": list(r.output)},
                      nonfinite=str)


def document(report):
    """The whole report: the file, its language, whether it failed, and one record per check."""
    return {"path": report.path, "language": report.lang, "failed": report.failed,
            "seconds": round(report.seconds, 3), "load_error": report.load_error,
            "load_where": report.load_where, "load_output": list(report.load_output),
            "results": [result_record(r) for r in report.results]}
