"""make book: execute every page in Python, R and Octave, merge, check, and build the site.

    .venv/bin/python book/build.py [--pages ch1_logistic_regression,...] [--jobs N]
                                   [--no-extras]

Steps: read each source of book/src; split it into one notebook per language and run each on
its own Jupyter kernel (cached: a page runs again only when it or dlfp changed); check every
"three agree" box; write the merged pages and the API reference into book/_build/gen; make the
cross-check report and the sweep page (book/_build/extra); run Sphinx into book/_build/html.
Any cell that raises, any box whose numbers differ, any Sphinx warning fails the build with a
one-line reason per problem and exit status 1. --pages builds only the named pages (the others
keep their last build, or a stub): a quick look at one page while writing it.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bookbuild import api, execute, render, source  # noqa: E402
from bookbuild.languages import LANGS  # noqa: E402
from bookbuild.paths import BOOK, BUILD, GEN, HTML, ROOT, SRC, BuildError  # noqa: E402

sys.path.insert(0, str(ROOT / "python"))  # this checkout's dlfp, for autodoc and the includes

KATEX = "/usr/share/javascript/katex"
PY = sys.executable


def log(msg):
    print(msg, flush=True)


def page_names():
    return sorted(str(p.relative_to(SRC).with_suffix("")).replace(os.sep, "/")
                  for p in SRC.rglob("*.md"))


def copy_katex():
    """KaTeX's script, auto-render, stylesheet and fonts, from Debian's libjs-katex."""
    src = os.path.realpath(KATEX)
    if not os.path.isfile(os.path.join(src, "katex.min.js")):
        raise BuildError("book: KaTeX is missing (Debian's libjs-katex): run make setup")
    out = BUILD / "katex"
    (out / "fonts").mkdir(parents=True, exist_ok=True)
    for name in ("katex.min.js", "katex.min.css", "contrib/auto-render.js"):
        shutil.copyfile(os.path.join(src, name), out / os.path.basename(name))
    fonts = os.path.realpath(os.path.join(src, "fonts"))
    for f in os.listdir(fonts):
        if not (out / "fonts" / f).is_file():
            shutil.copyfile(os.path.join(fonts, f), out / "fonts" / f)


def copy_assets():
    """Files of book/src other than pages (pictures a page shows), into the generated tree."""
    for p in SRC.rglob("*"):
        if p.is_file() and p.suffix != ".md":
            dest = GEN / p.relative_to(SRC)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if not dest.is_file() or dest.read_bytes() != p.read_bytes():
                shutil.copyfile(p, dest)


EXTRA_DEPENDS = ["python/dlfp", "r/R", "r/DESCRIPTION", "r/NAMESPACE", "octave/+dlfp", "harness",
                 "examples/sweeps", "fixtures"]


def extra_jobs():
    """The cross-check report and the sweep page, as (name, function): each reruns only when
    dlfp, the harness or the fixtures changed since it was made."""
    tree = execute_hash(EXTRA_DEPENDS)[:20]

    def report():
        out = BUILD / "extra" / "report"
        stamp = BUILD / "cache" / "report.stamp"
        if stamp.is_file() and stamp.read_text() == tree and (out / "index.html").is_file():
            return 0.0
        t0 = time.monotonic()
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        _harness(["crosscheck", "--oracle", "torch", "--quiet", "--html", str(out),
                  "--report", str(BUILD / "cache" / "crosscheck-report.json")], "crosscheck")
        stamp.write_text(tree)
        log(f"  made the cross-check report in {time.monotonic() - t0:.1f} s")
        return time.monotonic() - t0

    def sweep():
        out = BUILD / "extra" / "sweep"
        stamp = BUILD / "cache" / "sweep.stamp"
        if stamp.is_file() and stamp.read_text() == tree and (out / "index.html").is_file():
            return 0.0
        t0 = time.monotonic()
        shutil.rmtree(out, ignore_errors=True)
        _harness(["sweep", "examples/sweeps/digits.json", "--out", str(out), "--quiet",
                  "--workers", "1"], "sweep")
        stamp.write_text(tree)
        log(f"  made the sweep page in {time.monotonic() - t0:.1f} s")
        return time.monotonic() - t0

    return [("report", report), ("sweep", sweep)]


def _harness(args, what):
    (BUILD / "cache").mkdir(parents=True, exist_ok=True)
    p = subprocess.run([PY, "-m", "harness"] + args, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        tail = (p.stdout + p.stderr).strip().splitlines()[-15:]
        raise BuildError(f"book: the {what} page: python -m harness {' '.join(args)} "
                         f"exited {p.returncode}:\n" + "\n".join(tail))


def execute_hash(rels):
    h = hashlib.sha256()
    for rel in rels:
        top = ROOT / rel
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()
                                                    and "__pycache__" not in p.parts)
        for p in files:
            h.update(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def stub(page):
    return f"# {page}\n\nThis page was not built in this run (`build.py --pages`).\n"


def sphinx():
    """Sphinx over the generated pages; any warning is a failure, each reported on one line."""
    warnings = BUILD / "sphinx-warnings.txt"
    cmd = [PY, "-m", "sphinx", "-b", "html", "-q", "-c", str(BOOK), "-d", str(BUILD / "doctrees"),
           "-w", str(warnings), "--keep-going", str(GEN), str(HTML)]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                       env=dict(os.environ, MPLBACKEND="Agg"))
    text = warnings.read_text().strip() if warnings.is_file() else ""
    # a toctree of a part not yet written (lessons/*, guide/*) is not a fault of the site
    text = "\n".join(line for line in text.splitlines()
                     if "didn't match any documents" not in line).strip()
    if p.returncode != 0 or text:
        raise BuildError("book: Sphinx:\n" + (text or p.stderr[-3000:]))


def build(selected, jobs, extras):
    t0 = time.monotonic()
    names = page_names()
    if "index" not in names:
        raise BuildError("book: book/src/index.md is missing")
    chosen = names if selected is None else selected
    unknown = [p for p in chosen if p not in names]
    if unknown:
        raise BuildError(f"book: no page {', '.join(unknown)} in book/src (known: "
                         f"{', '.join(names)})")
    parsed = {p: source.parse((SRC / f"{p}.md").read_text(), f"book/src/{p}.md") for p in names}
    # a page without code costs nothing to build: always built, so the contents stay whole
    pages = {p: b for p, b in parsed.items()
             if p in chosen or not any(isinstance(x, source.Group) for x in b)}
    GEN.mkdir(parents=True, exist_ok=True)
    copy_katex()
    copy_assets()
    extra_times = {}
    jobs_extra = extra_jobs() if extras else []
    (BUILD / "extra").mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=1) as side:
        # the report and the sweep run beside the kernels, each on its own process
        side_futures = {name: side.submit(fn) for name, fn in jobs_extra}
        nbs, times = execute.run_pages(pages, jobs, log)
        for name, fut in side_futures.items():
            extra_times[name] = fut.result()
    n_api = api.write(render.write_if_changed)
    for p in names:
        if p in pages:
            outs = {lang: execute.outputs(nbs[(p, lang)], lang) for lang in LANGS
                    if (p, lang) in nbs}
            render.write_if_changed(GEN / f"{p}.md", render.PageWriter(p, pages[p], outs).render())
        elif not (GEN / f"{p}.md").is_file():
            render.write_if_changed(GEN / f"{p}.md", stub(p))
    t_exec = time.monotonic() - t0
    sphinx()
    total = time.monotonic() - t0
    stamp = {"inputs": input_hash(), "seconds": round(total, 1), "pages": len(names),
             "api_pages": n_api,
             "kernel_seconds": {f"{p}:{lang}": round(s, 1) for (p, lang), s in times.items()},
             "extra_seconds": {k: round(v, 1) for k, v in extra_times.items()}}
    if selected is None and extras:  # only a whole build stands for the sources
        (BUILD / "stamp.json").write_text(json.dumps(stamp, indent=1))
    log(f"book: {len(chosen)} of {len(names)} pages and {n_api} API pages built in {total:.0f} s "
        f"(executing {t_exec:.0f} s, Sphinx {total - t_exec:.0f} s): {HTML / 'index.html'}")


def input_hash():
    """What the site is made from; tests/test_book.py rebuilds when it differs from the stamp."""
    return execute_hash(["book/src", "book/bookbuild", "book/static", "book/conf.py",
                         "book/build.py", "python/dlfp", "r/R", "r/man", "r/NAMESPACE",
                         "octave/+dlfp", "fixtures/scenarios", "harness"])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", help="comma-separated page names (default: all)")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("BOOK_JOBS", "2")),
                    help="kernels running at once (default 2, or $BOOK_JOBS)")
    ap.add_argument("--no-extras", action="store_true",
                    help="skip the cross-check report and the sweep page")
    args = ap.parse_args(argv)
    selected = args.pages.split(",") if args.pages else None
    os.environ.pop("MPLBACKEND", None)  # ipykernel's inline backend draws the Python figures
    # one BLAS / OpenMP thread, as the Makefile sets: the kernels and the harness run side by
    # side, and threads that spin for a busy core make everything slower
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        build(selected, args.jobs, not args.no_extras)
    except BuildError as err:
        print(str(err), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
