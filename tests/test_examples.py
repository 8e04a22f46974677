"""The chapter examples run natively in each language and print the same numbers."""
import os
import subprocess
import sys

import pytest

from conftest import ROOT, require_language

COMMANDS = {
    "python": lambda name: [sys.executable, str(ROOT / "python/examples" / f"{name}.py")],
    "r": lambda name: ["Rscript", str(ROOT / "r/examples" / f"{name}.R")],
    "octave": lambda name: ["octave-cli", "--no-history", str(ROOT / "octave/examples" / f"{name}.m")],
}


def run_example(lang, name):
    out = subprocess.run(COMMANDS[lang](name), capture_output=True, text=True, timeout=300,
                         cwd=ROOT, env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    saved = [ln.split("saved ", 1)[1] for ln in lines if ln.startswith("saved ")]
    return [ln for ln in lines if not ln.startswith("saved ")], saved


def figures(name, lang):
    """What an example saves: the loss curve and the boundary for 2-D data; XOR and the donut
    also the hidden units' maps, and in Python the learning as a GIF."""
    if name.startswith(("ch8", "model_selection")):
        return 0
    if name in ("xor_problem", "donut"):
        return 4 if lang == "python" else 3
    return 2


@pytest.mark.parametrize("name", ["xor_problem", "donut", "ch2_one_hidden_layer", "ch8_gradient_check",
                                  "model_selection"])
def test_examples_agree_across_languages(name):
    for lang in ("r", "octave"):
        require_language(lang)
    printed = {}
    for lang in COMMANDS:
        printed[lang], saved = run_example(lang, name)
        assert len(saved) == figures(name, lang) and \
            all(os.path.getsize(p) > 1000 for p in saved), saved
        assert all(f"/examples/out/{lang}/" in p for p in saved)
    assert any("train accuracy" in ln or "gradient check" in ln or "paired t-test" in ln
               for ln in printed["python"])
    assert printed["r"] == printed["python"]
    assert printed["octave"] == printed["python"]
