"""The book's three languages: kernel, tab label, highlighter, hidden set-up and output clean-up.

A page's code cells name a language by its key here (```{code-cell} python / r / octave); the
build runs each language's cells, in page order, in one notebook on that language's kernel,
after the set-up cell below, which the reader never sees: it puts dlfp on the path from this
checkout and sizes the figures alike in the three languages.
"""
import re

from .paths import ROOT

# Figures: 5 x 3.5 inches at 80 dpi in every language, so the three tabs show one size.
FIG_W, FIG_H, FIG_DPI = 5, 3.5, 80

PYTHON_SETUP = f"""\
import os, sys
os.chdir({str(ROOT)!r})
sys.path.insert(0, {str(ROOT / "python")!r})
import numpy as np
import matplotlib
import matplotlib.pyplot as plt
%matplotlib inline
plt.rcParams.update({{"figure.figsize": ({FIG_W}, {FIG_H}), "figure.dpi": {FIG_DPI}}})
import dlfp
"""

# pkgload::load_all is what testthat::test_local uses: the package from r/, no install needed
R_SETUP = f"""\
setwd("{ROOT}")
suppressMessages(pkgload::load_all("r", quiet = TRUE, export_all = FALSE, helpers = FALSE))
options(jupyter.plot_mimetypes = "image/png", repr.plot.width = {FIG_W},
        repr.plot.height = {FIG_H}, repr.plot.res = {FIG_DPI}, width = 90)
invisible(NULL)
"""

OCTAVE_SETUP = f"""\
cd ("{ROOT}");
addpath (fullfile ("{ROOT}", "octave"));
graphics_toolkit ("gnuplot");
warning ("off", "Octave:gnuplot-graphics");
set (0, "defaultfigureposition", [0, 0, {FIG_W * FIG_DPI}, {FIG_H * FIG_DPI}]);
format short g
"""

# Octave's kernel ends lines with \r\n and talks about gnuplot: neither is the page's output.
_OCTAVE_NOISE = re.compile(r"^(warning: .*gnuplot.*|.*graphics toolkit.*is discouraged.*)\n",
                           re.M)


def _clean_octave(text):
    return _OCTAVE_NOISE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _clean_plain(text):
    return text


LANGS = {
    "python": {"kernel": "python3", "label": "Python", "lexer": "python", "setup": PYTHON_SETUP,
               "clean": _clean_plain},
    "r": {"kernel": "ir", "label": "R", "lexer": "r", "setup": R_SETUP, "clean": _clean_plain},
    "octave": {"kernel": "octave", "label": "Octave", "lexer": "octave", "setup": OCTAVE_SETUP,
               "clean": _clean_octave},
}

ORDER = list(LANGS)
