"""The API reference of the three packages, made from their own docs, each page linking its twins.

Python: autodoc reads the numpydoc docstrings (napoleon). R: r/man/*.Rd through tools::Rd2HTML.
Octave: each function's texinfo help through get_help_text and makeinfo (__makeinfo__). One
page per function per language, api/<lang>/<name>; api/index is the table of all of them.
"""
import hashlib
import html
import importlib
import inspect
import json
import re
import subprocess

from .paths import GEN, ROOT, BuildError

# Python names whose twins are named otherwise (Octave has functions, not constants or classes)
TWINS = {
    "RULES": {"octave": ["scenario_rules"]},
    "DLFPClassifier": {"r": ["dlfp_fit"], "octave": ["dlfp_fit", "dlfp_predict"]},
}
PY_EXTRA = {"DLFPClassifier": "dlfp.estimator.DLFPClassifier"}


def python_names():
    dlfp = importlib.import_module("dlfp")
    names = [n for n in dir(dlfp) if not n.startswith("_") and
             not inspect.ismodule(getattr(dlfp, n))]
    return sorted(names + list(PY_EXTRA), key=str.lower)


def r_exports():
    text = (ROOT / "r" / "NAMESPACE").read_text()
    return sorted(re.findall(r"^export\(([^)]+)\)", text, re.M), key=str.lower)


def octave_names():
    return sorted((p.stem for p in (ROOT / "octave" / "+dlfp").glob("*.m")), key=str.lower)


def concepts():
    """Rows {python: [...], r: [...], octave: [...]}: one per function and its twins."""
    r_set, oct_set = set(r_exports()), set(octave_names())
    rows, used_r, used_oct = [], set(), set()
    for name in python_names():
        special = TWINS.get(name, {})
        r = special.get("r", [name] if name in r_set else [])
        o = special.get("octave", [x for x in (name, name.lower()) if x in oct_set][:1])
        rows.append({"python": [name], "r": r, "octave": o})
        used_r.update(r)
        used_oct.update(o)
    for n in sorted(r_set - used_r):
        o = [n] if n in oct_set and n not in used_oct else []
        rows.append({"python": [], "r": [n], "octave": o})
        used_oct.update(o)
    for n in sorted(oct_set - used_oct):
        rows.append({"python": [], "r": [], "octave": [n]})
    return rows


def twin_name(lang, python_name):
    """The name of Python's `python_name` in lang (the first, where there are two)."""
    for row in concepts():
        if python_name in row["python"] and row[lang]:
            return row[lang][0]
    return python_name


LABEL = {"python": "Python", "r": "R", "octave": "Octave"}


def _twin_line(row, lang):
    links = [f"[{LABEL[other]} `{n}`](../{other}/{n}.md)" for other in LABEL if other != lang
             for n in row[other]]
    missing = [LABEL[o] for o in LABEL if o != lang and not row[o]]
    text = "Twins: " + (" · ".join(links) if links else "none")
    if missing:
        text += f" ({' and '.join(missing)}: no twin by design)"
    return text + "\n"


def _python_body(name):
    dlfp = importlib.import_module("dlfp")
    target = PY_EXTRA.get(name, f"dlfp.{name}")
    obj = getattr(dlfp, name, None)
    # autodoc writes reStructuredText: MyST must hand it to the rST parser (eval-rst)
    if name in PY_EXTRA or inspect.isclass(obj):
        cls = _resolve(target)
        # its own public methods (not the set_*_request ones scikit-learn's metaclass adds)
        own = [k for k, v in vars(cls).items() if inspect.isfunction(v) and
               not k.startswith("_") and v.__module__ == cls.__module__]
        members = f"\n   :members: {', '.join(own)}" if own else ""
        return f"```{{eval-rst}}\n.. autoclass:: {target}{members}\n```\n"
    if callable(obj):
        return f"```{{eval-rst}}\n.. autofunction:: {target}\n```\n"
    if isinstance(obj, dict) and all(callable(v) for v in obj.values()):
        items = "\n".join(f"- `{k}`: [{v.__name__}]({v.__name__}.md)"
                          if hasattr(dlfp, v.__name__) else f"- `{k}`" for k, v in obj.items())
        return f"A table (dict), looked up by name:\n\n{items}\n"
    if isinstance(obj, dict):
        return (f"A dict of {len(obj)} entries: the scenario rules, read from "
                "`python/dlfp/scenario_rules.json`.\n")
    return f"A constant: `{name} = {obj!r}`.\n"


def _resolve(dotted):
    module, _, attr = dotted.rpartition(".")
    return getattr(importlib.import_module(module), attr)


def _first_line(row):
    dlfp = importlib.import_module("dlfp")
    for n in row["python"]:
        obj = getattr(dlfp, n, None)
        doc = inspect.getdoc(obj) if callable(obj) else None
        if doc:
            return doc.split("\n")[0]
    return ""


R_SCRIPT = r"""
args <- commandArgs(trailingOnly = TRUE)
names <- jsonlite::fromJSON(args[1])
out <- list()
aliases <- list()
for (f in list.files("r/man", pattern = "[.]Rd$", full.names = TRUE)) {
  rd <- tools::parse_Rd(f)
  for (a in rd[vapply(rd, function(x) attr(x, "Rd_tag") == "\\alias", TRUE)]) {
    aliases[[as.character(a[[1]])]] <- f
  }
}
for (n in names) {
  f <- aliases[[n]]
  if (is.null(f)) next
  tmp <- tempfile(fileext = ".html")
  suppressWarnings(tools::Rd2HTML(tools::parse_Rd(f), out = tmp, package = c("dlfp", "0.1.0")))
  out[[n]] <- paste(readLines(tmp, warn = FALSE), collapse = "\n")
}
cat(jsonlite::toJSON(out, auto_unbox = TRUE))
"""

OCTAVE_SCRIPT = r"""
addpath ("octave");
names = strsplit (fileread (NAMES_FILE), "\n");
out = struct ();
for k = 1:numel (names)
  n = names{k};
  if (isempty (n)) continue; endif
  [text, fmt] = get_help_text (["dlfp." n]);
  if (strcmp (fmt, "texinfo"))
    out.(n) = __makeinfo__ (text, "html");
  else
    out.(n) = ["<pre>" text "</pre>"];
  endif
endfor
printf ("%s", jsonencode (out));
"""


def _body(page):
    m = re.search(r"<body[^>]*>(.*)</body>", page, re.S)
    return m.group(1) if m else page


def _r_html(name, page):
    body = _body(page)
    body = re.sub(r'<table[^>]*>\s*<tr><td>[^<]*\{dlfp\}.*?</table>', "", body, count=1,
                  flags=re.S)
    body = body.replace('<div class="container">', '<div class="dlfp-rd">', 1)
    # \link{x} points into R's help server: send it to x's page here instead
    return re.sub(r'href="(?:\.\./\.\./dlfp/html/|\.\./\.\./dlfp/help/)?([\w.]+)\.html"',
                  r'href="\1.html"', body)


def _octave_html(name, page):
    body = _body(page)
    return '<div class="dlfp-texinfo">' + body.strip() + "</div>"


def _run(cmd, what, stdin=None):
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, input=stdin)
    if p.returncode != 0:
        raise BuildError(f"book: API reference: {what} failed:\n{p.stderr[-2000:]}")
    return p.stdout


def _docs(lang, names, stamp_files):
    """{name: HTML} for R or Octave, cached under a hash of their doc sources."""
    h = hashlib.sha256(json.dumps(names).encode())
    for p in stamp_files:
        h.update(p.read_bytes())
    cache = GEN.parent / "cache" / f"api-{lang}-{h.hexdigest()[:20]}.json"
    if cache.is_file():
        return json.loads(cache.read_text())
    if lang == "r":
        out = _run(["Rscript", "-e", R_SCRIPT, json.dumps(names)], "R's Rd2HTML")
    else:
        names_file = GEN.parent / "octave-names.txt"
        names_file.parent.mkdir(parents=True, exist_ok=True)
        names_file.write_text("\n".join(names))
        script = OCTAVE_SCRIPT.replace("NAMES_FILE", json.dumps(str(names_file)))
        out = _run(["octave-cli", "--no-gui", "--quiet", "--no-history", "--eval", script],
                   "Octave's makeinfo")
        out = out[out.index("{"):]
    docs = json.loads(out)
    cache.parent.mkdir(parents=True, exist_ok=True)
    for old in cache.parent.glob(f"api-{lang}-*.json"):
        old.unlink()
    cache.write_text(json.dumps(docs))
    return docs


def write(write_if_changed):
    """Writes api/index.md and a page per function per language; returns the page count."""
    rows = concepts()
    r_docs = _docs("r", r_exports(), sorted((ROOT / "r" / "man").glob("*.Rd")))
    oct_docs = _docs("octave", octave_names(), sorted((ROOT / "octave" / "+dlfp").glob("*.m")))
    count = 0
    for row in rows:
        for lang in LABEL:
            for n in row[lang]:
                head = f"# {n} ({LABEL[lang]})\n\n" + _twin_line(row, lang) + "\n"
                if lang == "python":
                    body = _python_body(n)
                else:
                    docs = r_docs if lang == "r" else oct_docs
                    if n not in docs:
                        raise BuildError(f"book: API reference: no {LABEL[lang]} help for {n}")
                    fragment = (_r_html if lang == "r" else _octave_html)(n, docs[n])
                    html_file = GEN / "api" / lang / "_html" / f"{n}.html"
                    write_if_changed(html_file, fragment)
                    body = f"```{{raw}} html\n:file: _html/{n}.html\n```\n"
                write_if_changed(GEN / "api" / lang / f"{n}.md", head + body)
                count += 1
    for lang in LABEL:
        write_if_changed(GEN / "api" / lang / "index.md",
                         f"# {LABEL[lang]} API\n\n```{{toctree}}\n:hidden:\n:glob:\n\n*\n```\n\n" +
                         "".join(f"- [`{n}`]({n}.md)\n" for row in rows for n in row[lang]))
    table = "| function | Python | R | Octave |\n|---|---|---|---|\n"
    for row in rows:
        cells = [" ".join(f"[`{n}`]({lang}/{n}.md)" for n in row[lang]) or "—"
                 for lang in LABEL]
        line = html.escape(_first_line(row)).replace("|", "\\|")
        table += f"| {line} | " + " | ".join(cells) + " |\n"
    write_if_changed(GEN / "api" / "index.md",
                     "# API reference\n\nEvery public function of the three packages, made from "
                     "their own docs: Python's docstrings, R's `r/man` pages, Octave's texinfo "
                     "help. A row is one function and its twins; the first column is the first "
                     "line of its doc, the equation it implements.\n\n"
                     "```{toctree}\n:hidden:\n\npython/index\nr/index\noctave/index\n```\n\n" +
                     table)
    return count
