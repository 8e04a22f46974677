"""An installed copy does what the README says, from a folder outside the checkout.

dlfp is installed with pip ("python[sklearn,bridges]", from a copy of python/) into a fresh
venv, R's dlfp with `R CMD INSTALL r` into a library of its own (found through R_LIBS), and
Octave's with `pkg install` of the archive tools/octave_pkg.sh builds (make octave-pkg) into a
home folder of its own (found by `pkg load dlfp`). Then, in that venv and that folder,
DLFPClassifier(language="r") and "octave" train and predict the labels Python's predicts, each
bridge using its language's installed package, not the checkout's sources. Without the
packages, the bridges say what to install.

pip reuses the machine's pip cache and otherwise downloads from PyPI.
"""
import ast
import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT, require_language

FIT = r"""
import json
import sys

import numpy as np

import dlfp
from dlfp import bridges
from dlfp.estimator import _BRIDGES, DLFPClassifier

X, labels, _ = dlfp.generate_circles(dlfp.rng_create(4), 40, 0.5, 0.1)
X, y = X.T, np.where(labels > 0, "inner", "outer")
settings = dict(hidden_layer_sizes=(4,), activation="tanh", init="xavier", epochs=60,
                learning_rate=0.1, seed=3)
here = DLFPClassifier(**settings).fit(X, y)
out = {"dlfp": dlfp.__file__, "checkout": bridges.checkout_sources() is not None,
       "python": here.predict(X).tolist(), "W1": here.params_["W1"].tolist(),
       "loss": here.loss_curve_}
for lang in ("r", "octave"):
    there = DLFPClassifier(language=lang, **settings).fit(X, y)
    out[lang] = {"labels": there.predict(X).tolist(), "W1": there.params_["W1"].tolist(),
                 "loss": there.loss_curve_}
out["r"]["package"] = str(_BRIDGES["r"].ro.r('find.package("dlfp")')[0])
out["octave"]["package"] = str(_BRIDGES["octave"].oc.feval("which", "dlfp.run_scenario"))
json.dump(out, sys.stdout)
"""

# each bridge made where its language has no dlfp package: the message of each
MISSING = r"""
import json
import sys

from dlfp.bridges import BRIDGES, BridgeUnavailable

out = {}
for lang in ("r", "octave"):
    try:
        BRIDGES[lang]()
        out[lang] = None
    except BridgeUnavailable as e:
        out[lang] = str(e)
json.dump(out, sys.stdout)
"""


def test_dlfp_never_imports_the_harness():
    # dependencies run one way: the harness builds on dlfp, and an installed dlfp has no harness
    found = []
    for path in sorted((ROOT / "python" / "dlfp").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [f"{path.relative_to(ROOT)}: {n}" for n in names
                      if n == "harness" or n.startswith("harness.")]
    assert found == []


def test_every_bridge_offers_the_protocol_s_calls():
    from dlfp.bridges import BRIDGES, Bridge

    from harness.bridges import BRIDGES as HARNESS_BRIDGES

    calls = {n for n in vars(Bridge) if not n.startswith("_")} | {"name"}
    assert {"run_scenario", "load_data", "forward_backward", "version"} <= calls
    for lang in ("python", "r", "octave"):
        for cls in (BRIDGES[lang], HARNESS_BRIDGES[lang]):
            missing = sorted(n for n in calls if not hasattr(cls, n))
            assert missing == [], (cls.__name__, missing)
            assert cls.name == lang


def run(cmd, timeout, **kwargs):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)
    assert p.returncode == 0, f"{' '.join(map(str, cmd))}:\n{(p.stdout + p.stderr)[-4000:]}"
    return p.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The three installed packages in a temporary folder: paths and the environment to use."""
    for lang in ("r", "octave"):
        require_language(lang)
    top = tmp_path_factory.mktemp("installed")
    assert not str(top).startswith(str(ROOT)), top
    # pip builds in the source folder (build/, *.egg-info): a copy keeps the checkout clean
    src = top / "src" / "python"
    shutil.copytree(ROOT / "python", src,
                    ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info",
                                                  "examples"))
    venv = top / "venv"
    run([sys.executable, "-m", "venv", str(venv)], 300)
    python = venv / "bin" / "python"
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # HOME stays the user's here, so that pip finds its cache
    run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         f"{src}[sklearn,bridges]"], 1800, cwd=top, env=clean)

    lib = top / "R-library"
    lib.mkdir()
    run(["R", "CMD", "INSTALL", f"--library={lib}", str(ROOT / "r")], 600, cwd=top, env=clean)

    built = run(["bash", str(ROOT / "tools" / "octave_pkg.sh")], 300, env=clean)
    tarball = ROOT / re.search(r"built (\S+\.tar\.gz)", built).group(1)
    home = top / "home"
    home.mkdir()
    env = dict(clean, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), OPENBLAS_NUM_THREADS="1")
    env.pop("OCTAVE_EXECUTABLE", None)
    run(["octave-cli", "--no-gui", "--quiet", "--no-history", "--eval",
         f'pkg ("install", "-local", "{tarball}")'], 300, cwd=home, env=env)
    work = top / "work"
    work.mkdir()
    return {"top": top, "python": python, "lib": lib, "home": home, "work": work, "env": env}


def test_the_installed_estimator_trains_in_r_and_octave_and_predicts_pythons_labels(installed):
    i = installed
    env = dict(i["env"], R_LIBS=str(i["lib"]))
    out = json.loads(run([str(i["python"]), "-c", FIT], 900, cwd=i["work"], env=env))
    # the installed dlfp, outside any checkout
    assert out["dlfp"].startswith(str(i["top"] / "venv")), out["dlfp"]
    assert out["checkout"] is False
    # each language's installed package, as the language finds it
    assert out["r"]["package"] == str(i["lib"] / "dlfp")
    assert out["octave"]["package"].startswith(str(i["home"])), out["octave"]["package"]
    for lang in ("r", "octave"):
        assert out[lang]["labels"] == out["python"], lang
        assert np.allclose(out[lang]["W1"], out["W1"], rtol=0, atol=1e-12), lang
        assert out[lang]["loss"] == pytest.approx(out["loss"], rel=1e-9), lang
    assert sorted(set(out["python"])) == ["inner", "outer"]  # a real two-class answer


def test_without_the_language_packages_the_bridges_say_what_to_install(installed):
    i = installed
    empty = i["top"] / "empty"
    empty.mkdir(exist_ok=True)
    # no R library holds dlfp (R's site libraries emptied too), no Octave package list has it
    env = dict(i["env"], HOME=str(empty), XDG_CONFIG_HOME=str(empty / ".config"),
               XDG_DATA_HOME=str(empty / ".local" / "share"), R_LIBS=str(empty),
               R_LIBS_USER=str(empty), R_LIBS_SITE=str(empty))
    out = json.loads(run([str(i["python"]), "-c", MISSING], 300, cwd=i["work"], env=env))
    assert out["r"] is not None and out["r"].startswith("R cannot load its dlfp package ("), out
    assert out["r"].endswith("install it with `R CMD INSTALL r`, into a library R searches "
                             "(R_LIBS)"), out
    assert out["octave"] is not None and out["octave"].startswith(
        "Octave cannot load its dlfp package ("), out
    assert out["octave"].endswith("install it with `pkg install dlfp-<version>.tar.gz` "
                                  "(make octave-pkg builds it)"), out
