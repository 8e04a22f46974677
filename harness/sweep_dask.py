"""The sweep's tasks on Dask: one (trial, fold, language) per task, on an embedded LocalCluster
or a running scheduler (tcp:// or tls://), each result appended to the trial log as it arrives.

A task whose language fails is a result with its status. A task the cluster dropped (cancelled
because the scheduler went away, or never run) is not: it stays out of the log, the loop stops,
and ClusterLost says how many tasks are done and how many are left, for a rerun to finish.
"""
import concurrent.futures
import contextlib
import logging
import os
import re
import signal
import threading
import time
import warnings
from collections import namedtuple

from dlfp.errors import shown_path

from .bridges import LanguageError
from .outcome import Status, classify
from .sweep_file import fail
from .trial_log import METRICS
from .worker import LanguageFailure, Worker

Task = namedtuple("Task", "trial language fold path")
# the sweep's statuses, from the harness's one classification of a failed language call
STATUS = {Status.DIVERGED: "diverged", Status.REJECTED: "invalid", Status.TIMEOUT: "timeout"}
# [protocol://]host:port, host a name, IPv4 or [IPv6]; nothing a shell or a log would mangle
ADDRESS = re.compile(r"([a-z]+://)?[A-Za-z0-9.\-]+(:\d+)?|([a-z]+://)?\[[0-9A-Fa-f:.]+\](:\d+)?")
QUIET_LOGGERS = ("distributed", "tornado", "asyncio")
CONNECT_TIMEOUT = 30  # seconds to reach a scheduler (Dask's default)
POLL = 2.0  # seconds between looks at the cluster while no task finishes
NO_WORKER = 300.0  # seconds without a single worker before the sweep stops (rerun to resume)


class ClusterLost(RuntimeError):
    """The cluster dropped the sweep's tasks: the sweep is incomplete, and a rerun resumes it.
    why is None when the scheduler went away, else what happened ("no Dask worker for ...")."""

    def __init__(self, why=None):
        super().__init__(why or "the scheduler went away")
        self.why = why


# --- one task, on a Dask worker -----------------------------------------------------------------

_SESSIONS = {}  # per Dask worker process: one session of each language for all its tasks


def run_task(path, fold, lang, timeout):
    """One (trial, fold, language): validate_fold in lang, with its status and seconds."""
    t0 = time.perf_counter()
    out = {k: None for k in METRICS}
    try:
        if lang not in _SESSIONS:
            _SESSIONS[lang] = Worker(lang, timeout=timeout)
        r = _SESSIONS[lang].call("validate_fold", path, fold, timeout=timeout)
        out.update(train_accuracy=float(r["train_accuracy"]),
                   test_accuracy=float(r["test_accuracy"]), final_cost=float(r["final_cost"]),
                   status="ok", message="")
    except (LanguageError, LanguageFailure) as e:
        out.update(status=STATUS.get(classify(e), "failed"), message=str(e))
    out["seconds"] = round(time.perf_counter() - t0, 3)
    return out


# --- the cluster --------------------------------------------------------------------------------

def security(scheduler=None, ca=None, cert=None, key=None):
    """distributed's Security for a tls:// scheduler (all three files), or None; checked
    before the sweep writes anything."""
    if scheduler is not None and not (isinstance(scheduler, str) and ADDRESS.fullmatch(scheduler)):
        fail("--scheduler must be an address such as tls://host:8786 or tcp://host:8786")
    given = [p for p in (ca, cert, key) if p]
    if given and not scheduler:
        fail("--tls-ca-file, --tls-cert and --tls-key go with a tls:// --scheduler")
    if not given:
        if scheduler and scheduler.startswith("tls://"):
            fail("a tls:// scheduler needs --tls-ca-file, --tls-cert and --tls-key")
        return None
    if len(given) < 3:
        fail("TLS needs all of --tls-ca-file, --tls-cert and --tls-key")
    for flag, p in (("--tls-ca-file", ca), ("--tls-cert", cert), ("--tls-key", key)):
        if not (isinstance(p, str) and os.path.isfile(p) and os.access(p, os.R_OK)):
            fail(f"{flag} {shown_path(p)} is not a readable file")
    from distributed.security import Security

    return Security(tls_ca_file=ca, tls_client_cert=cert, tls_client_key=key,
                    require_encryption=True)


class Cluster:
    """with Cluster(scheduler, workers, tls, log) as c: c.client is connected; c.info says
    where. Dask's own log lines go to the log file, not the terminal."""

    def __init__(self, scheduler=None, workers=1, tls=None, log_path=None):
        self.scheduler, self.workers, self.tls = scheduler, workers, tls
        self.log_path = log_path
        self.client = self._cluster = self._handler = None
        self.info, self._saved = {}, {}

    def __enter__(self):
        self._quiet()
        try:
            self._connect()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        try:
            if self.client is not None:
                self.client.close(timeout=10)
            if self._cluster is not None:
                self._cluster.close(timeout=20)
        except Exception:  # noqa: BLE001 - a cluster already gone has nothing left to close
            pass
        finally:
            self._loud()

    def _connect(self):
        with warnings.catch_warnings(record=True) as caught:  # a busy port, other versions
            warnings.simplefilter("always")
            if self.scheduler:
                self._connect_to_scheduler()
            else:
                self._start_local_cluster()
        for w in caught:
            logging.getLogger("distributed").warning("%s", w.message)
        self.info = {"scheduler": self.scheduler or
                     f"LocalCluster, {self.workers} worker processes",
                     "workers": len(self.client.scheduler_info()["workers"])}

    def _connect_to_scheduler(self):
        from distributed import Client

        try:
            self.client = Client(self.scheduler, security=self.tls, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError, TypeError) as e:
            fail(f"cannot reach the Dask scheduler {self.scheduler}: {_one_line(e)}")

    def _start_local_cluster(self):
        from distributed import LocalCluster

        try:
            with _sigint_ignored():  # inherited: Ctrl-C stops the sweep, not its workers
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                             processes=True, dashboard_address=None,
                                             silence_logs=logging.CRITICAL)
        except Exception as e:  # noqa: BLE001 - no processes, no ports: the reason, once
            fail(f"cannot start a LocalCluster of {self.workers} workers: {_one_line(e)}")
        self.client = self._cluster.get_client()

    def _quiet(self):
        # distributed configures its own loggers (distributed, distributed.client, ...), each
        # with a stderr handler and no propagation, when first imported: every one of them goes
        # to the log file
        import distributed  # noqa: F401

        if self.log_path:
            self._handler = logging.FileHandler(self.log_path, encoding="utf-8")
            self._handler.setFormatter(logging.Formatter(
                "%(asctime)s %(name)s %(levelname)s %(message)s"))
        self._saved = {}
        names = [n for n in logging.root.manager.loggerDict
                 if n.split(".")[0] in QUIET_LOGGERS] + list(QUIET_LOGGERS)
        for name in dict.fromkeys(names):
            logger = logging.getLogger(name)
            if logger.handlers or name in QUIET_LOGGERS:
                self._saved[name] = (list(logger.handlers), logger.propagate)
                logger.handlers = [self._handler or logging.NullHandler()]
                logger.propagate = False

    def _loud(self):
        for name, (handlers, propagate) in self._saved.items():
            logger = logging.getLogger(name)
            logger.handlers, logger.propagate = handlers, propagate
        self._saved = {}
        if self._handler is not None:
            self._handler.close()
            self._handler = None


@contextlib.contextmanager
def _sigint_ignored():
    """SIGINT ignored meanwhile: the worker processes started now inherit it (a terminal's
    Ctrl-C reaches its whole process group), so they neither stop nor print a traceback, and
    the sweep closes them itself."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_tasks(client, tasks, timeout, log, progress=None):
    """Submit every task, record each result in log (a TrialLog) as it arrives; ClusterLost
    when the cluster drops a task, or has had no worker for NO_WORKER seconds. progress(row) is
    called after each recorded row."""
    from distributed import as_completed

    stamp = time.time_ns()  # new keys each run: a rerun never meets a lost run's futures
    futures = {client.submit(run_task, t.path, t.fold, t.language, timeout, pure=False,
                             key=f"dlfp-t{t.trial}-{t.language}-f{t.fold}-{stamp}"): t
               for t in tasks}
    arrived = as_completed(futures)
    watch = WorkerWatch(client)
    try:
        while not arrived.is_empty():
            batch = arrived.next_batch(block=False)
            if not batch:
                watch.check()
                time.sleep(0.1)
            for fut in batch:
                result = _result(fut)
                if result is None:
                    raise ClusterLost()
                t = futures[fut]
                row = log.record(t.trial, t.language, t.fold, result)
                if progress is not None:
                    progress(row)
    finally:
        for fut in futures:
            fut.release()


class WorkerWatch:
    """check(): ClusterLost once the scheduler has had no worker for NO_WORKER seconds (its
    tasks would wait for ever); looks at the client's copy of the scheduler's state every POLL
    seconds."""

    def __init__(self, client):
        self.client = client
        self.looked = time.monotonic()
        self.alone_since = None

    def check(self):
        now = time.monotonic()
        if now - self.looked < POLL:
            return
        self.looked = now
        if self.client.scheduler_info().get("workers"):
            self.alone_since = None
            return
        self.alone_since = self.alone_since or now
        if now - self.alone_since >= NO_WORKER:
            raise ClusterLost(f"no Dask worker for {NO_WORKER:g} s")


def _result(fut):
    """The task's result; a failed one for a task that raised or killed its workers; None for
    a task the cluster dropped (cancelled, scheduler gone)."""
    try:
        return fut.result()
    except (concurrent.futures.CancelledError, OSError, TimeoutError):
        return None
    except Exception as e:  # noqa: BLE001 - KilledWorker, or a bug in run_task: its result
        return {**{k: None for k in METRICS}, "status": "failed",
                "message": f"{type(e).__name__}: {_one_line(e)}"}


def _one_line(e):
    text = " ".join(str(e).split())
    return text[:300] + ("..." if len(text) > 300 else "") or type(e).__name__

