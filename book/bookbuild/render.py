"""A page's blocks and its executed notebooks, merged back into one MyST page with tabs.

Each group of cells becomes a sphinx-design tab-set, one tab per language in the order Python,
R, Octave, all tab-sets of the site synced (choosing R once shows R everywhere). A tab holds the
code, what it printed and its figures (written as PNG files beside the page). Includes become
a tab-set of literalinclude blocks; an agree box becomes a table of the compared numbers.
"""
import base64
import os
import re

from . import agree as agree_mod
from .includes import SOURCES
from .languages import LANGS, ORDER
from .paths import GEN, ROOT
from .source import Agree, Group, Include, Text


def fence(text, char="`", least=3):
    """A fence longer than any run of its character inside text."""
    runs = [len(r) for r in re.findall(re.escape(char) + "+", text)]
    return char * max(least, max(runs, default=0) + 1)


def code_block(lexer, text, cls=None):
    f = fence(text)
    opts = f":class: {cls}\n\n" if cls else ""
    return f"{f}{{code-block}} {lexer}\n{opts}{text.rstrip()}\n{f}\n"


def tab_set(tabs):
    """tabs: [(lang, body)] -> a synced tab-set (colon fences, so bodies may use backticks)."""
    parts = ["::::{tab-set}", ":sync-group: lang", ":class: dlfp-tabs", ""]
    for lang, body in tabs:
        parts += [f":::{{tab-item}} {LANGS[lang]['label']}", f":sync: {lang}", "",
                  body.rstrip(), ":::", ""]
    parts.append("::::")
    return "\n".join(parts) + "\n"


class PageWriter:
    """Writes one page: knows its name, its folder in GEN, and where its figures go."""

    def __init__(self, page, blocks, outs):
        self.page = page                 # e.g. "ch1_logistic_regression" or "lessons/xor"
        self.blocks = blocks
        self.outs = outs                 # lang -> per-cell outputs (execute.outputs)
        self.path = GEN / f"{page}.md"
        self.img_dir = GEN / "_figures" / page.replace("/", "__")
        self.figures = 0
        self.written = set()

    def rel(self, target):
        return os.path.relpath(target, self.path.parent).replace(os.sep, "/")

    def figure(self, lang, png_b64):
        self.img_dir.mkdir(parents=True, exist_ok=True)
        self.figures += 1
        path = self.img_dir / f"{lang}-{self.figures}.png"
        data = base64.b64decode(png_b64)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        self.written.add(path.name)
        return f"```{{image}} {self.rel(path)}\n:alt: {LANGS[lang]['label']} figure\n```\n"

    def cell_body(self, cell):
        parts = []
        if cell.show == "all":
            parts.append(code_block(LANGS[cell.lang]["lexer"], cell.code))
        if cell.show != "none":
            for kind, value in self.outs[cell.lang][cell.index]:
                if kind == "text":
                    parts.append(code_block("text", value, "dlfp-output"))
                else:
                    parts.append(self.figure(cell.lang, value))
        return "\n".join(parts)

    def group(self, g):
        shown = [c for c in sorted(g.cells, key=lambda c: ORDER.index(c.lang))
                 if c.show != "none"]
        bodies = [(c.lang, self.cell_body(c)) for c in shown]
        for c in g.cells:
            if c.show == "none":
                self.cell_body(c)
        if not bodies:
            return ""
        if len(bodies) == 1:  # one language only: no tabs, a label says which
            lang, body = bodies[0]
            return f"*{LANGS[lang]['label']} only:*\n\n{body}"
        return tab_set(bodies)

    def include(self, inc):
        tabs = []
        for lang in [x for x in ORDER if x in inc.langs]:
            file, lines = SOURCES[lang](inc.name)
            rel_file = os.path.relpath(file, ROOT).replace(os.sep, "/")
            opts = [f":language: {LANGS[lang]['lexer']}", f":caption: {rel_file}"]
            opts.append(f":pyobject: {inc.name}" if lines is None else f":lines: {lines[0]}-{lines[1]}")
            api = self.rel(GEN / "api" / lang / f"{api_name(lang, inc.name)}.md")
            tabs.append((lang, f"```{{literalinclude}} {self.rel(file)}\n" + "\n".join(opts) +
                         f"\n```\n\n[{inc.name} in the {LANGS[lang]['label']} API reference]"
                         f"({api})\n"))
        return tab_set(tabs)

    def agree(self, box):
        texts = {lang: ["".join(v for k, v in self.outs[lang][i] if k == "text")
                        for i in range(box.before[lang])] for lang in LANGS if lang in self.outs}
        rows = agree_mod.check(box, texts, self.page)
        head = "| printed | " + " | ".join(LANGS[x]["label"] for x in ORDER) + \
            " | largest scaled gap |\n|---|" + "---|" * len(ORDER) + "---|\n"
        body = "".join(f"| {r.key} | " + " | ".join(f"`{r.printed[x]}`" for x in ORDER) +
                       f" | {r.spread:.1e} |\n" for r in rows)
        links = ""
        if box.reports:
            report = GEN / "report" / "index.html"
            links = "\nThese scenarios' rows in the cross-check report, where every array is " \
                "compared: " + ", ".join(
                    f'<a class="dlfp-report-link" href="{self.rel(report)}#{name}">{name}</a>'
                    for name in box.reports) + ".\n"
        return (":::{admonition} The three agree\n:class: dlfp-agree\n\n"
                f"The build compared these numbers, as each language printed them, and passes "
                f"only when every pair agrees within {box.tolerance:g} "
                "(|a - b| <= tolerance x max(1, |a|, |b|)).\n\n" + head + body + links + ":::\n")

    def render(self):
        parts = []
        for b in self.blocks:
            if isinstance(b, Text):
                parts.append(b.text)
            elif isinstance(b, Group):
                parts.append("\n" + self.group(b))
            elif isinstance(b, Include):
                parts.append("\n" + self.include(b))
            elif isinstance(b, Agree):
                parts.append("\n" + self.agree(b))
        if self.img_dir.is_dir():  # figures of an earlier version of the page
            for old in self.img_dir.iterdir():
                if old.name not in self.written:
                    old.unlink()
        return "\n".join(parts).rstrip() + "\n"


def api_name(lang, name):
    """The API page name of a function in a language (Octave's tables are lower case)."""
    from .api import twin_name
    return twin_name(lang, name)


def write_if_changed(path, text):
    """Keeps an unchanged page's time stamp, so Sphinx rebuilds only what changed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_text() == text:
        return False
    path.write_text(text)
    return True
