"""Each language's bridge in a child process, so a hung or crashed language is reported and the
harness goes on: every call has a timeout, and a dead or hung child is killed and replaced by a
fresh, fully set-up one at the next call.

The child's stdout and stderr go to a log file, not the terminal: R's console and Octave's exit
noise ("error: ignoring const execution_exception& ...") never reach the user, and the last
lines of the log are quoted when a language dies.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import traceback
from multiprocessing.connection import Connection

from .bridges import BRIDGES, LanguageDied, LanguageError
from .paths import ROOT

# What a language prints that is not a problem of the run: left out of the quoted log tail
NOISE = ("ignoring const execution_exception", "ignoring octave_execution_exception")


class LanguageFailure(RuntimeError):
    """The language could not answer. status: "failed" (did not start, or a bridge bug),
    "timeout" or "died"."""

    def __init__(self, message, status="failed"):
        super().__init__(message)
        self.status = status


def _serve(conn, lang):
    # The child (python -m harness.worker): build the bridge once, then answer calls until
    # told to stop. It runs in a session of its own, so the parent kills it with every process
    # it started (R's, Octave's); its stdout and stderr are the log file.
    try:
        bridge = BRIDGES[lang]()
        conn.send(("ready", bridge.version()))
    except BaseException as e:  # noqa: BLE001 - the parent needs to hear any start failure
        conn.send(("failed", f"{type(e).__name__}: {e}"))
        return
    while True:
        try:
            method, args = conn.recv()
        except EOFError:
            return
        if method == "stop":
            return
        try:
            conn.send(("ok", getattr(bridge, method)(*args)))
        except LanguageError as e:
            conn.send(("error", str(e)))
        except LanguageDied as e:  # its interpreter is gone: this child is no use any more
            conn.send(("died", str(e)))
            return
        except BaseException as e:  # noqa: BLE001 - a bug in a bridge is reported, not fatal
            conn.send(("crash", f"{type(e).__name__}: {e}\n{traceback.format_exc()}"))


class Worker:
    """A language's bridge behind a pipe: call(method, *args) with a timeout in seconds."""

    def __init__(self, lang, timeout=600.0, start_timeout=120.0, env=None):
        self.lang = lang
        self.env = dict(env or {})
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.version = None
        self._proc = None
        self._conn = None
        self._folder = tempfile.mkdtemp(prefix=f"dlfp-{lang}-")
        self.log_path = os.path.join(self._folder, "worker.log")

    @property
    def pid(self):
        """The child's process id (its process group holds R's or Octave's processes too)."""
        return self._proc.pid if self._proc is not None else None

    def _start(self):
        # A plain subprocess, not multiprocessing: a daemonic process (a Dask worker's) may not
        # start multiprocessing children. The call pipe is one end of a socket pair.
        os.makedirs(self._folder, exist_ok=True)
        mine, theirs = socket.socketpair()
        env = dict(os.environ, **self.env)  # before R or Octave loads its BLAS, which reads it
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "python"),
                                             env.get("PYTHONPATH", "")])
        with open(self.log_path, "wb") as log:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "harness.worker", self.lang, str(theirs.fileno())],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                start_new_session=True, env=env, cwd=os.getcwd())
        theirs.close()
        self._conn = Connection(mine.detach())
        status, payload = self._receive(self.start_timeout, "start")
        if status != "ready":
            self._stop()
            raise LanguageFailure(f"{self.lang} did not start: {payload}{self._tail()}")
        self.version = payload

    def _receive(self, timeout, what):
        if not self._conn.poll(timeout):
            self._stop()
            raise LanguageFailure(f"{self.lang} timed out after {timeout:g} s in {what}",
                                  "timeout")
        try:
            return self._conn.recv()
        except (EOFError, ConnectionError):
            code = self._proc.poll() if self._proc else None
            tail = self._tail()
            self._stop()
            raise LanguageFailure(f"{self.lang} died in {what} (exit code {code}){tail}",
                                  "died") from None

    def _tail(self, lines=5):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                kept = [ln.rstrip() for ln in f if ln.strip() and not any(n in ln for n in NOISE)]
        except OSError:
            return ""
        return ("; its last output: " + " | ".join(kept[-lines:])) if kept else ""

    def start(self):
        """Start the child unless it runs (a call does this itself; starting several workers
        first, each from a thread of its own, overlaps their start-ups)."""
        if self._proc is None or self._proc.poll() is not None:
            self._stop()
            self._start()

    def call(self, method, *args, timeout=None):
        """result = bridge.method(*args) in the child; LanguageError or LanguageFailure if not."""
        self.start()
        try:
            self._conn.send((method, args))
        except (BrokenPipeError, ConnectionError):
            self._stop()
            raise LanguageFailure(f"{self.lang} died before {method}", "died") from None
        status, payload = self._receive(timeout or self.timeout, method)
        if status == "ok":
            return payload
        if status == "error":
            raise LanguageError(payload)
        if status == "died":
            self._stop()
            raise LanguageFailure(f"{self.lang} died in {method}: {payload}", "died")
        raise LanguageFailure(f"{self.lang} failed in {method}: {payload}")

    def _stop(self):
        """Stop the child (politely, then by force, with every process of its group)."""
        if self._conn is not None:
            try:
                self._conn.send(("stop", ()))
            except (BrokenPipeError, ConnectionError, OSError):
                pass
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)  # R's or Octave's processes too
            except (ProcessLookupError, PermissionError):
                pass
            self._proc.wait()
            self._proc = None

    def close(self):
        """Stop the child and remove its log."""
        self._stop()
        shutil.rmtree(self._folder, ignore_errors=True)


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[2])), sys.argv[1])
