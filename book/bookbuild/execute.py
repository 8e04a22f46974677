"""Split a page into one notebook per language, run each on its kernel, keep the outputs.

A notebook is the language's hidden set-up cell and then the page's cells of that language in
page order, so a later cell sees what an earlier one made, as in a reader's own session. Any
cell that raises stops the build with the page, the language and the error. Executed notebooks
are kept in the cache under a hash of their cells and of every file of dlfp, its data and this
builder: a page is run again only when something it could depend on changed.
"""
import hashlib
import json
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from .languages import LANGS
from .paths import CACHE, ROOT, BuildError
from .source import cells

# What a page's numbers can depend on: the three packages, the data and scenarios, the set-up
# cells and the executor.
DEPENDS = ["python/dlfp", "r/R", "r/DESCRIPTION", "r/NAMESPACE", "octave/+dlfp",
           "fixtures/scenarios", "fixtures/data", "examples/scenarios",
           "book/bookbuild/languages.py", "book/bookbuild/execute.py"]
CELL_TIMEOUT = 600  # seconds; a page should take ~30 s in all


def tree_hash():
    """One hash of every file under DEPENDS (names and contents)."""
    h = hashlib.sha256()
    for rel in DEPENDS:
        top = ROOT / rel
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()
                                                    and "__pycache__" not in p.parts)
        for p in files:
            h.update(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def notebook(blocks, lang):
    """The language's notebook: its set-up cell, then the page's cells of that language."""
    spec = LANGS[lang]
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": spec["kernel"], "display_name": spec["label"],
                                 "language": lang}
    nb.cells = [nbformat.v4.new_code_cell(spec["setup"])] + \
        [nbformat.v4.new_code_cell(c.code) for c in cells(blocks, lang)]
    return nb


def _key(nb, deps):
    body = json.dumps([nb.metadata["kernelspec"]["name"], [c.source for c in nb.cells], deps])
    return hashlib.sha256(body.encode()).hexdigest()[:20]


def _error_text(err, page, lang):
    text = str(err)
    # the kernel's traceback comes with ANSI colours: the build log is plain text
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return f"book: {page}: {LANGS[lang]['label']}: a cell raised:\n{text}"


def _output_errors(nb):
    """A cell whose outputs hold an error (a kernel that reports it but replies ok)."""
    for i, c in enumerate(nb.cells):
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                return i, "\n".join(o.get("traceback", [])) or o.get("evalue", "")
    return None


def run(page, lang, nb, deps, log):
    """The executed notebook, from the cache when it holds this one; raises BuildError."""
    key = _key(nb, deps)
    slug = page.replace("/", "__")
    cached = CACHE / f"{slug}.{lang}.{key}.ipynb"
    if cached.is_file():
        return nbformat.read(cached, as_version=4), 0.0, True
    t0 = time.monotonic()
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=LANGS[lang]["kernel"],
                            resources={"metadata": {"path": str(ROOT)}}, allow_errors=False,
                            record_timing=False)
    logs = CACHE.parent / "kernel-logs"
    logs.mkdir(parents=True, exist_ok=True)
    try:
        # the kernel's own chatter (no encryption over TCP, no X11 display) goes to a log
        with open(logs / f"{slug}.{lang}.log", "w") as err:
            client.execute(stderr=err)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        raise BuildError(_error_text(err, page, lang)) from None
    bad = _output_errors(nb)
    if bad:
        raise BuildError(f"book: {page}: {LANGS[lang]['label']}: cell {bad[0]} raised:\n{bad[1]}")
    seconds = time.monotonic() - t0
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"{slug}.{lang}.*.ipynb"):
        old.unlink()
    tmp = cached.with_suffix(".tmp")
    nbformat.write(nb, tmp)
    os.replace(tmp, cached)
    log(f"  ran {page} [{lang}] in {seconds:.1f} s")
    return nb, seconds, False


def run_pages(pages, jobs, log):
    """{(page, lang): executed notebook} for every page and language that has cells.

    pages: {page name: blocks}. Up to `jobs` kernels run at once.
    """
    deps = tree_hash()
    todo = [(page, lang, notebook(blocks, lang)) for page, blocks in pages.items()
            for lang in LANGS if cells(blocks, lang)]
    out, times = {}, {}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {(p, lang): pool.submit(run, p, lang, nb, deps, log) for p, lang, nb in todo}
        errors = []
        for k, f in futures.items():
            try:
                out[k], times[k], _ = f.result()
            except BuildError as err:
                errors.append(str(err))
    if errors:
        raise BuildError("\n\n".join(errors))
    return out, times


def outputs(nb, lang):
    """Per page cell (set-up cell dropped): a list of (kind, value) with kind text or png."""
    clean = LANGS[lang]["clean"]
    per_cell = []
    for c in nb.cells[1:]:
        items = []
        for o in c.get("outputs", []):
            kind = o.get("output_type")
            if kind == "stream":
                items.append(("text", o["text"]))
            elif kind in ("execute_result", "display_data"):
                data = o.get("data", {})
                if "image/png" in data:
                    items.append(("png", data["image/png"]))
                elif "text/plain" in data:
                    items.append(("text", data["text/plain"].rstrip("\n") + "\n"))
        merged = []
        for kind, value in items:
            if kind == "text":
                value = clean(value)
                if not value:
                    continue
                if merged and merged[-1][0] == "text":
                    merged[-1] = ("text", merged[-1][1] + value)
                    continue
            merged.append((kind, value))
        per_cell.append(merged)
    return per_cell
