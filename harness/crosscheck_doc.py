"""The cross-check's outcomes as the user reads them: the text table, the mismatch lines, the
verdict, and the JSON document (which report.py turns into the HTML page).

Everything here is made from ScenarioOutcome records (harness/outcome.py); nothing is computed
again and no status is read back out of a string.
"""
import math

from dlfp.result import json_ready

from .bridges import LANGUAGES
from .compare import ORACLE_TOLERANCES, QUANTITIES, TOLERANCES
from .outcome import Status

COLUMN = 14  # the width of a quantity's column in the text table
FAILED = frozenset(Status) - {Status.OK, Status.MISMATCH, Status.SKIPPED}


def format_lines(outcomes, langs, agree):
    """The table, a MISMATCH line per disagreement, then the verdict."""
    return ([format_table(outcomes, langs)]
            + [f"MISMATCH {m}" for o in outcomes for m in mismatch_lines(o)]
            + ["all languages agree" if agree else "DISAGREEMENT: see the mismatches above"])


def format_table(outcomes, langs):
    """scenario x language x quantity: the max relative difference against Python, and each
    language's status (ok, or why not: rejected, mismatch, timeout, died, ...)."""
    head = (f"{'scenario':<26} {'language':<8} " + " ".join(f"{c:>{COLUMN}}" for c in QUANTITIES)
            + "  status")
    lines = [head, "-" * len(head)]
    for outcome in outcomes:
        diffs = outcome.by_language()
        for lang in langs:
            if outcome.stream and lang not in LANGUAGES:
                continue  # the oracle takes dlfp's draws; it has no stream of its own
            o = outcome.languages.get(lang)
            cells = _cells(outcome, lang, o, diffs.get(lang, {}))
            status = o.status if o is not None else Status.SKIPPED
            lines.append(f"{shown(outcome.name)[:26]:<26} {lang:<8} "
                         + " ".join(f"{c:>{COLUMN}}" for c in cells)
                         + ("  ok" if status is Status.OK else f"  FAIL {status}"))
    lines.append(f"{'tolerance':<26} {'':<8} "
                 + " ".join(f"{TOLERANCES[c]:>{COLUMN}g}" for c in QUANTITIES))
    if "torch" in langs:
        lines.append(f"{'tolerance, torch':<26} {'':<8} "
                     + " ".join(f"{ORACLE_TOLERANCES[c]:>{COLUMN}g}" if c in ORACLE_TOLERANCES
                                else f"{'':>{COLUMN}}" for c in QUANTITIES))
    return "\n".join(lines)


def _cells(outcome, lang, o, diffs):
    """A row's cells: the stream's verdict (or Python's 'reference'), else each quantity's
    largest difference ('-' where nothing was compared)."""
    if outcome.stream or lang == "python":
        same = o.bit_identical if o is not None else None
        first = {True: "bit-identical", False: "DIFFERENT"}.get(
            same, "reference" if lang == "python" else "-")
        return [first] + ["" for _ in QUANTITIES[1:]]
    return [_cell(diffs[c]) if c in diffs else "-" for c in QUANTITIES]


def shown(text):
    """text as one line: a name with a newline or another control character is escaped."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _cell(d):
    return f"{d:.2e}" if math.isfinite(d) else "not finite"


def mismatch_lines(outcome):
    """'<scenario>, <language>: ...' for each disagreement: a language with no result (unless
    it rejected, as Python did, a scenario Python rejected), a note, an array that differs."""
    python = outcome.languages.get("python")
    lines = []
    for lang, o in outcome.languages.items():
        head = f"{shown(outcome.name)}, {lang}"
        agreed = (lang != "python" and o.status is Status.REJECTED and python is not None
                  and python.status in FAILED)
        if o.status in FAILED and not agreed:
            lines.append(f"{head}: {o.status}: {o.message}")
        elif o.status is Status.MISMATCH and o.message:
            lines.append(f"{head}: {o.message}")
        lines += [f"{head}: {note}" for note in o.notes]
        lines += [_difference_line(head, d) for d in o.differences if not d.ok]
    return lines


def _difference_line(head, d):
    if d.key is None:
        return f"{head}, {d.quantity}: {d.where}"
    return (f"{head}, {d.quantity}: {d.key} differs first at index {d.where} ({d.detail}; max "
            f"rel diff {d.max_rel_diff:.3g} > {d.tol:g})")


def report_document(outcomes, agree, versions):
    """The report as plain JSON values: matrices as lists of rows, inf as a string."""
    return {"agree": agree, "tolerances": TOLERANCES, "oracle_tolerances": ORACLE_TOLERANCES,
            "versions": versions,
            "scenarios": [json_ready(_entry(o), nonfinite=str) for o in outcomes]}


def _entry(outcome):
    entry = {"name": outcome.name, "scenario": outcome.scenario, "agree": outcome.agree,
             "languages": {lang: _info(o) for lang, o in outcome.languages.items()},
             "mismatches": mismatch_lines(outcome),
             "max_rel_diff": outcome.max_rel_diff(QUANTITIES)}
    by_language = outcome.by_language()
    if by_language and not outcome.stream:
        entry["by_language"] = by_language
    return entry


def _info(o):
    """One language's part of an entry: status, its run's result, seconds, error, verdict."""
    info = {"status": o.status.value, **(o.result or {})}
    if o.seconds is not None:
        info["seconds"] = o.seconds
    if o.message:
        info["error"] = o.message
    if o.bit_identical is not None:
        info["bit_identical"] = o.bit_identical
    return info
