"""The check's records as a JSON document: the text report's data, for tools and pages."""
import math
from dataclasses import asdict


def _plain(v):
    # JSON has no inf or NaN: such a difference is written as the string "inf" / "nan"
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def result_record(r):
    """One check as a dict: exercise, function, case, status, difference, hints, ..."""
    return _plain({"exercise": r.exercise, "function": r.fn, "case": r.case,
                   "status": str(r.status),
                   "difference": asdict(r.difference) if r.difference is not None else None,
                   "slips": list(r.slips), "hints": list(r.hints), "message": r.message,
                   "where": r.where, "during": r.during})


def document(report):
    """The whole report: the file, its language, whether it failed, and one record per check."""
    return {"path": report.path, "language": report.lang, "failed": report.failed,
            "seconds": round(report.seconds, 3), "load_error": report.load_error,
            "load_where": report.load_where,
            "results": [result_record(r) for r in report.results]}
