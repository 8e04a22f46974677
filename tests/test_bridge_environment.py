"""Making the R bridge leaves this process's environment as it found it.

rpy2 puts R's library folders (/usr/lib/x86_64-linux-gnu among them) on LD_LIBRARY_PATH as it
loads R; left there, every later subprocess of this Python loads the system's libpython in place
of its own (seen as "_ssl...: undefined symbol" in a Dask worker started after an estimator had
trained in R)."""
import subprocess
import sys

from conftest import ROOT, require_language


def test_the_r_bridge_leaves_ld_library_path_and_children_work():
    require_language("r")
    code = (
        "import os, subprocess, sys\n"
        "before = os.environ.get('LD_LIBRARY_PATH')\n"
        "from dlfp.bridges import RBridge\n"
        "RBridge()\n"
        "assert os.environ.get('LD_LIBRARY_PATH') == before, os.environ.get('LD_LIBRARY_PATH')\n"
        "child = subprocess.run([sys.executable, '-c', 'import ssl, sqlite3'], capture_output=True,"
        " text=True)\n"
        "assert child.returncode == 0, child.stderr\n"
        "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         timeout=300)
    assert out.returncode == 0 and out.stdout.strip().endswith("ok"), out.stderr[-2000:]
