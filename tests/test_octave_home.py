"""The Octave examples at home in Octave: run as Octave users run a script, from its own folder
(`cd octave/examples && octave-cli xor_problem.m`) as well as from the repository root, with a
clean exit and no line on stderr that reads as an error."""
import os
import subprocess
import time

import pytest

from conftest import ROOT, require_language

EXAMPLES = ROOT / "octave" / "examples"
OUT = ROOT / "examples" / "out" / "octave"


def run_example(name, cwd, tmp_path):
    """octave-cli NAME.m from cwd, as a user would type it: no --no-history, no --norc.

    HOME is an empty folder, so ~/.local/share/octave is missing, as on a machine that never
    ran Octave's GUI: octave-cli then prints "error: ignoring const execution_exception& while
    preparing to exit" unless the script keeps no history. An empty HOME also has no .octaverc
    to change what runs.
    """
    require_language("octave")
    script = f"{name}.m" if cwd == EXAMPLES else str((EXAMPLES / f"{name}.m").relative_to(cwd))
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", HOME=str(tmp_path))
    env.pop("XDG_DATA_HOME", None)
    env.pop("XDG_CONFIG_HOME", None)
    out = subprocess.run(["octave-cli", script], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=300)
    errors = [ln for ln in out.stderr.splitlines() if ln.startswith("error:")]
    assert out.returncode == 0 and not errors, f"status {out.returncode}\n{out.stderr[-2000:]}"
    return out.stdout.splitlines()


@pytest.mark.parametrize("cwd", [EXAMPLES, ROOT], ids=["own-folder", "root"])
def test_gradient_check_example_runs_from_its_folder_and_the_root(cwd, tmp_path):
    lines = run_example("ch8_gradient_check", cwd, tmp_path)
    assert len(lines) == 1 and lines[0].startswith("gradient check over "), lines
    assert lines[0].endswith("difference below 1e-7: ok"), lines


def test_xor_example_from_its_folder_saves_its_three_figures(tmp_path):
    start = time.time()
    lines = run_example("xor_problem", EXAMPLES, tmp_path)
    saved = [ln.split("saved ", 1)[1] for ln in lines if ln.startswith("saved ")]
    want = [OUT / f"xor_{kind}.png" for kind in ("loss", "boundary", "features")]
    assert saved == [str(p) for p in want]
    for p in want:
        data = p.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000, p
        assert p.stat().st_mtime >= start - 1, f"{p} is left over from an earlier run"
    assert any(ln.startswith("xor: train accuracy ") for ln in lines), lines
