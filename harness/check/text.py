"""The checker's teaching output, made from the engine's records (runner.Report)."""
import math

from dlfp.errors import shown, shown_path

from .runner import LANG_NAMES, Status

WIDTH = max(len(str(s)) for s in Status)
# what the learner's code said (an error's message, its place, a crashed process's output) is
# shown this far: a whole error, and a line or two of source in Octave's parse errors
ECHOED = 500


def echoed(text):
    """The learner's text as one report line: dlfp's shown() (backslash, line breaks, escape
    sequences and other controls escaped), cut at ECHOED characters. The one way the report
    shows what the learner's code said, whatever its language."""
    return shown(str(text), ECHOED)


def shape_text(shape, lang):
    """'has shape (4, 6)' in Python's words, 'is a 4 x 6 matrix' in R's and Octave's."""
    if lang == "python":
        return "has shape (" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"
    if not shape:
        return "is a number"
    if len(shape) == 1:
        return f"is a vector of length {shape[0]} (no dim)"
    return "is a " + " x ".join(map(str, shape)) + " matrix"


def at_text(index, lang):
    """An entry's place as the learner's language writes it: [0, 2] or (1, 3)."""
    if not index:
        return ""
    if lang == "python":
        return " at [" + ", ".join(map(str, index)) + "]"
    return " at (" + ", ".join(str(i + 1) for i in index) + ")"


def _g(x):
    return f"{x:.6g}"


def quantity_text(d):
    parts = [d.label]
    if d.layer is not None and f"_{d.layer}" not in d.label and f"W{d.layer}" not in d.label \
            and f"b{d.layer}" not in d.label and f"layer {d.layer}" not in d.label:
        parts.append(f"(layer {d.layer})")
    text = " ".join(parts)
    if d.step is not None and not d.label.startswith("lr at"):
        text = f"step {d.step}: {text}"
    return text


# the engine words a structure for all three languages; the report in the learner's own
TERMS = {"python": {"a dict / named list / struct": "a dict",
                    "a list (Python list, R list, Octave cell)": "a list",
                    "nothing (None / NULL / [])": "None"},
         "r": {"a dict / named list / struct": "a named list",
               "a list (Python list, R list, Octave cell)": "a list",
               "nothing (None / NULL / [])": "NULL"},
         "octave": {"a dict / named list / struct": "a struct",
                    "a list (Python list, R list, Octave cell)": "a cell",
                    "nothing (None / NULL / [])": "empty ([])"}}


def in_terms(text, lang):
    for generic, own in TERMS[lang].items():
        text = text.replace(generic, own)
    return text


def difference_lines(d, lang, exercise=None):
    q = quantity_text(d)
    if d.kind == "missing":
        lines = [f"first difference: {q}: {in_terms(d.why, lang)}"]
        if exercise:
            lines.append(f"(dlfp's structures, in {LANG_NAMES[lang]}: python -m harness check "
                         f"--template {exercise} --lang {lang})")
        return lines
    if d.kind == "shape":
        lines = [f"first difference: {q} {shape_text(d.shape, lang)}; dlfp's "
                 f"{shape_text(d.expected_shape, lang)}"]
        if d.transposed:
            lines.append("(yours is dlfp's transposed)")
        if lang == "python" and len(d.shape) == 1 and 1 in d.expected_shape \
                and d.shape[0] == max(d.expected_shape):
            lines.append("(a 1-D array: keep both dims, e.g. np.sum(dZ, axis=1, keepdims=True), "
                         "or b - lr * db broadcasts to a square matrix)")
        return lines
    lines = [f"first difference: {q}"]
    if not math.isfinite(d.got):
        bad = str(d.got) if lang == "python" else {"nan": "NaN", "inf": "Inf",
                                                    "-inf": "-Inf"}[str(d.got)]
        lines.append(f"yours is {bad}{at_text(d.abs_at, lang)} (dlfp's {_g(d.want)})")
        return lines
    lines.append(f"largest absolute difference {d.max_abs:.3g}{at_text(d.abs_at, lang)} "
                 f"(yours {_g(d.got)}, dlfp's {_g(d.want)})")
    if d.max_rel == float("inf"):
        if d.rel_want == 0:
            lines.append(f"largest relative difference: infinite{at_text(d.rel_at, lang)}, "
                         f"where dlfp's is 0")
    else:
        lines.append(f"largest relative difference {d.max_rel:.3g}{at_text(d.rel_at, lang)}")
    return lines


def result_lines(r, lang, several=False):
    """A check's lines: status and function, its case where it tells (a failure, or one of
    several checks of the function), then what differs or went wrong."""
    head = f"  {str(r.status):<{WIDTH}}  {r.fn}"
    if r.status in (Status.NOT_WRITTEN, Status.PASS):
        return [head + (f"  [{r.case}]" if several and r.status == Status.PASS else "")]
    lines = [head + f"  [{r.case}]"]
    body = []
    if r.status == Status.DIFFERS:
        body += difference_lines(r.difference, lang, r.exercise)
        body += [f"hint: {h}" for h in r.hints]
    else:
        if r.during:
            body.append(f"at {r.during}:")
        if r.message:
            body.append(echoed(r.message))
        body += [echoed(ln) for ln in r.output]
        if r.where:
            body.append(f"at {echoed(r.where)}")
    return lines + ["      " + b for b in body]


def render(report):
    """The whole report as text lines."""
    lang = report.lang
    out = [f"dlfp check: {shown_path(report.path)} ({LANG_NAMES[lang]})"]
    if report.load_error is not None:
        out.append(f"your file could not be loaded: {echoed(report.load_error)}")
        out += [f"  {echoed(ln)}" for ln in report.load_output]
        if report.load_where:
            out.append(f"  at {echoed(report.load_where)}")
        return out
    from .exercises import EXERCISE_TITLES, EXERCISE_NAMES
    exercise, last = None, None
    for r in report.results:
        if r.status == Status.NOT_WRITTEN and last == (r.exercise, r.fn, r.status):
            continue
        last = (r.exercise, r.fn, r.status)
        if r.exercise != exercise:
            exercise = r.exercise
            out.append("")
            out.append(f"{EXERCISE_NAMES.index(exercise) + 1}. {exercise}: "
                       f"{EXERCISE_TITLES[exercise]}")
        several = sum(1 for x in report.results if (x.exercise, x.fn) == (r.exercise, r.fn)) > 1
        out.extend(result_lines(r, lang, several))
    out.append("")
    out.append(summary(report))
    return out


def summary(report):
    counts = {}
    for r in report.results:
        counts[r.status] = counts.get(r.status, 0) + 1
    parts = [f"{counts[s]} {s}" for s in Status if counts.get(s)]
    verdict = ("every function you wrote agrees with dlfp" if not report.failed and
               counts.get(Status.PASS) else
               "none of the exercises' functions is written yet" if not report.failed else
               "see the first difference above" if counts.get(Status.DIFFERS) else
               "see what went wrong above")
    return f"{', '.join(parts)} ({report.seconds:.1f} s): {verdict}"
