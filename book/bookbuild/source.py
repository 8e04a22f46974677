"""A page source, read into blocks: prose, groups of code cells, source includes, agree boxes.

The source is MyST Markdown. Three fenced directives are the build's own:

    ```{code-cell} python         a cell, executed by that language's kernel (python, r, octave);
    :show: all | output | none    adjacent cells (blank lines between) make one tabbed group,
                                  until a language comes again
    ```

    ```{dlfp-source} backward_propagation     the function's source in each language, included
    ```                                       from the package files

    ```{three-agree}              the numbers each language printed as `final cost: 0.69` lines,
    :tolerance: 1e-9              compared by the build (which fails past the tolerance)
    :report: spiral_softmax       the scenario's rows in the cross-check report
    final cost
    ```

Every other fence, and everything between, passes through to Sphinx unchanged.
"""
import re
from dataclasses import dataclass, field

from .languages import LANGS
from .paths import BuildError

FENCE = re.compile(r"^(`{3,})\s*(?:\{([\w-]+)\})?\s*(.*?)\s*$")
OPTION = re.compile(r"^:([\w-]+):\s*(.*?)\s*$")
SHOW = ("all", "output", "none")


@dataclass
class Text:
    text: str


@dataclass
class Cell:
    lang: str
    code: str
    show: str
    line: int
    index: int = -1     # position among this language's cells on the page (0-based)


@dataclass
class Group:
    cells: list
    line: int


@dataclass
class Include:
    name: str
    langs: list
    line: int


@dataclass
class Agree:
    keys: list
    tolerance: float
    reports: list
    line: int
    before: dict = field(default_factory=dict)   # lang -> number of its cells above the box


def _fail(page, line, problem):
    raise BuildError(f"book: {page}:{line}: {problem}")


def _directive_body(lines, start, ticks):
    """(body lines, index after the closing fence) for a fence opened at lines[start]."""
    close = re.compile(r"^`{%d,}\s*$" % len(ticks))
    for j in range(start + 1, len(lines)):
        if close.match(lines[j]):
            return lines[start + 1:j], j + 1
    return None, len(lines)


def _options(body):
    """({option: value}, the lines after the leading :option: lines)."""
    opts = {}
    k = 0
    while k < len(body) and OPTION.match(body[k]):
        m = OPTION.match(body[k])
        opts[m.group(1)] = m.group(2)
        k += 1
    return opts, body[k:]


def _cell(page, line, arg, body):
    lang = arg.strip().lower()
    if lang not in LANGS:
        _fail(page, line, f"code-cell language '{arg}' (known: {', '.join(LANGS)})")
    opts, code = _options(body)
    show = opts.pop("show", "all")
    if show not in SHOW or opts:
        _fail(page, line, f"code-cell options: use only :show: {' | '.join(SHOW)}")
    return Cell(lang, "\n".join(code).strip("\n"), show, line)


def _include(page, line, arg, body):
    opts, rest = _options(body)
    langs = opts.pop("languages", " ".join(LANGS)).split()
    if not re.fullmatch(r"\w+", arg) or opts or any(s.strip() for s in rest) or \
            not set(langs) <= set(LANGS):
        _fail(page, line, "dlfp-source takes one function name and at most :languages:")
    return Include(arg, langs, line)


def _agree(page, line, arg, body):
    opts, rest = _options(body)
    try:
        tol = float(opts.pop("tolerance"))
    except (KeyError, ValueError):
        _fail(page, line, "three-agree needs :tolerance: <number>")
    reports = opts.pop("report", "").replace(",", " ").split()
    keys = [s.strip() for s in rest if s.strip()]
    if opts or not keys:
        _fail(page, line, "three-agree takes :tolerance:, :report: and one key a line")
    return Agree(keys, tol, reports, line)


DIRECTIVES = {"code-cell": _cell, "dlfp-source": _include, "three-agree": _agree}


def parse(text, page):
    """The page's blocks in order; adjacent cells grouped; each box knows the cells above it."""
    lines = text.split("\n")
    blocks, prose = [], []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            prose.append(lines[i])
            i += 1
            continue
        body, after = _directive_body(lines, i, m.group(1))
        if body is None:
            _fail(page, i + 1, "a fence that never closes")
        if m.group(2) in DIRECTIVES:
            if prose:
                blocks.append(Text("\n".join(prose)))
                prose = []
            blocks.append(DIRECTIVES[m.group(2)](page, i + 1, m.group(3), body))
        else:
            prose.extend(lines[i:after])
        i = after
    if prose:
        blocks.append(Text("\n".join(prose)))
    return _number(_group(blocks, page))


def _group(blocks, page):
    out = []
    for b in blocks:
        if isinstance(b, Text) and not b.text.strip() and out and isinstance(out[-1], Group):
            continue  # blank lines between two cells keep them in one group
        if isinstance(b, Cell):
            # a language already in the group starts the next group
            if out and isinstance(out[-1], Group) and \
                    all(c.lang != b.lang for c in out[-1].cells):
                out[-1].cells.append(b)
                continue
            out.append(Group([b], b.line))
            continue
        out.append(b)
    return out


def _number(blocks):
    seen = {lang: 0 for lang in LANGS}
    for b in blocks:
        if isinstance(b, Group):
            for c in b.cells:
                c.index = seen[c.lang]
                seen[c.lang] += 1
        elif isinstance(b, Agree):
            b.before = dict(seen)
    return blocks


def cells(blocks, lang):
    """The page's cells of one language, in page order."""
    return [c for b in blocks if isinstance(b, Group) for c in b.cells if c.lang == lang]
