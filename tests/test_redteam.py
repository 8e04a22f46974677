"""Odd arguments that the bad-input corpus (fixtures/bad, one scenario file per case) cannot hold,
found by trying the commands as a careless or hostile user would: each is one identical `dlfp:`
line in every language with exit status 2 and nothing written, or a plain run."""
import os
import subprocess
import sys

import pytest

from conftest import ROOT, require_language

RUNNERS = {
    "python": [sys.executable, "-m", "dlfp", "run"],
    "r": ["Rscript", str(ROOT / "r" / "dlfp_run.R")],
    "octave": ["octave-cli", "--no-gui", "--quiet", "--no-history",
               str(ROOT / "octave" / "dlfp_run.m")],
}
ENV = dict(os.environ, OPENBLAS_NUM_THREADS="1")


def run(lang, args, cwd):
    p = subprocess.run(RUNNERS[lang] + [str(a) for a in args], cwd=cwd, capture_output=True,
                       text=True, timeout=300, env=ENV, stdin=subprocess.DEVNULL)
    return p.returncode, p.stderr, p.stdout


def langs():
    for lang in ("r", "octave"):
        require_language(lang)
    return list(RUNNERS)


# (id, the runner's arguments, the one line every language prints)
ARGUMENTS = [
    # an empty argument is a path like any other, not a missing one
    ("empty_scenario", ["", "--quiet"], "dlfp: read_scenario: no such file: "),
]


@pytest.mark.parametrize("args,line", [c[1:] for c in ARGUMENTS], ids=[c[0] for c in ARGUMENTS])
def test_an_odd_argument_is_one_identical_line(tmp_path, args, line):
    for lang in langs():
        code, err, out = run(lang, args, tmp_path)
        assert (code, err.splitlines(), out) == (2, [line], ""), lang
    assert os.listdir(tmp_path) == []
