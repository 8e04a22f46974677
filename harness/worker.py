"""Each language's bridge in a child process, so a hung or crashed R or Octave is reported and
the harness goes on: every call has a timeout, and a dead or hung child is killed and replaced.
"""
import multiprocessing as mp
import os
import signal
import traceback

from .bridges import BRIDGES, LanguageError


class LanguageFailure(RuntimeError):
    """The language could not answer: it did not start, timed out, or died."""


def _serve(conn, lang, env):
    # The child: build the bridge once, then answer calls until told to stop. Its own process
    # group lets the parent kill it together with the R or Octave processes it started.
    os.setsid()
    os.environ.update(env)  # before R or Octave loads its BLAS, which reads it only then
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

    def _start(self):
        ctx = mp.get_context("spawn")  # a fresh interpreter: no inherited R or Octave state
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, self.lang, self.env), daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent
        status, payload = self._receive(self.start_timeout, "start")
        if status != "ready":
            self.close()
            raise LanguageFailure(f"{self.lang} did not start: {payload}")
        self.version = payload

    def _receive(self, timeout, what):
        if not self._conn.poll(timeout):
            self.close()
            raise LanguageFailure(f"{self.lang} timed out after {timeout:g} s in {what}")
        try:
            return self._conn.recv()
        except (EOFError, ConnectionError):
            code = self._proc.exitcode if self._proc else None
            self.close()
            raise LanguageFailure(f"{self.lang} died in {what} (exit code {code})") from None

    def call(self, method, *args, timeout=None):
        """result = bridge.method(*args) in the child; LanguageError or LanguageFailure if not."""
        if self._proc is None or not self._proc.is_alive():
            self._start()
        try:
            self._conn.send((method, args))
        except (BrokenPipeError, ConnectionError):
            self.close()
            raise LanguageFailure(f"{self.lang} died before {method}") from None
        status, payload = self._receive(timeout or self.timeout, method)
        if status == "ok":
            return payload
        if status == "error":
            raise LanguageError(payload)
        raise LanguageFailure(f"{self.lang} failed in {method}: {payload}")

    def close(self):
        """Stop the child (politely, then by force)."""
        if self._conn is not None:
            try:
                self._conn.send(("stop", ()))
            except (BrokenPipeError, ConnectionError, OSError):
                pass
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            self._proc.join(timeout=5)
            if self._proc.is_alive() or self._proc.exitcode is not None:
                try:
                    os.killpg(self._proc.pid, signal.SIGKILL)  # Octave's process too
                except (ProcessLookupError, PermissionError):
                    pass
                self._proc.join(timeout=5)
            self._proc = None
