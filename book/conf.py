"""Sphinx configuration of the book. book/build.py writes the pages into _build/gen and runs
Sphinx on them with this file: `make book`, never sphinx-build alone."""
import os
import sys
from pathlib import Path

BOOK = Path(__file__).resolve().parent
ROOT = BOOK.parent
sys.path.insert(0, str(ROOT / "python"))  # autodoc imports dlfp from this checkout

project = "dlfp"
author = "the dlfp authors"
copyright = "the dlfp authors"
html_title = "dlfp: deep learning from first principles, in Python, R and Octave"

extensions = ["myst_parser", "sphinx_design", "sphinx.ext.autodoc", "sphinx.ext.napoleon",
              "sphinx.ext.mathjax"]
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
napoleon_google_docstring = False
napoleon_numpy_docstring = True
autodoc_member_order = "bysource"
autodoc_typehints = "none"

# Math: KaTeX from Debian's libjs-katex, copied into the site (book/build.py), never fetched.
# Sphinx's math nodes come out as \( \) and \[ \]; dlfp-math.js renders them with KaTeX's
# auto-render. The mathjax extension only places that script on pages that have math.
mathjax_path = "dlfp-math.js"
html_static_path = [str(BOOK / "static"), str(BOOK / "_build" / "katex")]
html_css_files = ["katex.min.css", "dlfp.css"]
html_js_files = ["katex.min.js", "auto-render.js"]
html_extra_path = [str(BOOK / "_build" / "extra")]  # the cross-check report and the sweep page

html_theme = "furo"
html_theme_options = {"source_repository": "", "navigation_with_keys": True}
html_show_sourcelink = False
html_copy_source = False
pygments_style = "default"
highlight_language = "none"

exclude_patterns = ["_figures/**/*.md"]
suppress_warnings = ["myst.header"]
os.environ.setdefault("MPLBACKEND", "Agg")  # autodoc imports; the kernels keep their inline one


def _plain_ascii_equations(app, what, name, obj, options, lines):
    """dlfp's docstrings write equations in ASCII (|z|, x_l): keep rST from reading |z| as a
    substitution. Runs after napoleon has turned the numpydoc sections into fields."""
    lines[:] = [line.replace("|", "\\|") for line in lines]


def setup(app):
    app.connect("autodoc-process-docstring", _plain_ascii_equations, priority=900)
