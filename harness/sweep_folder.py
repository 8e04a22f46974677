"""The sweep's --out folder: a new folder or one this sweep wrote, and one sweep in it at a time.

The lock is out/.sweep.lock, held with flock(2) for as long as the sweep runs and naming it (pid,
host, start, command): a second sweep on the same folder is refused with that name. The kernel
lets go of the lock when its process ends, however it ends, so a killed sweep's file names a
sweep that is gone and the next one takes it over. Where the filesystem has no flock, the file's
pid decides: a lock whose process is gone (on this host) is stale.
"""
import datetime
import errno
import fcntl
import json
import os
import socket
import sys

from dlfp.errors import shown, shown_path

from .sweep_file import fail

LOCK = ".sweep.lock"
# what a sweep writes in its folder; trials.json (its trials, written first) marks it as one
WRITTEN = {"trials.json", "trials.csv", "summary.csv", "sweep.json", "index.html", "scenarios",
           "dask.log", LOCK}
TEMPORARY = (".dlfp-",)  # write_atomic's files, left only by a killed writer
# flock's errors on a filesystem that does not do it: the lock falls back to its pid
NO_FLOCK = (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL)


def check_folder(out):
    """out is missing, empty, or holds only what a sweep writes, its trials.json among them;
    anything else (a user's own index.html) is refused before a file is written."""
    if os.path.lexists(out) and not os.path.isdir(out):
        fail(f"--out {shown_path(out)} is not a folder")
    if not os.path.isdir(out):
        return
    try:
        names = [n for n in os.listdir(out) if not n.startswith(TEMPORARY)]
    except OSError as e:
        fail(f"cannot read --out {shown_path(out)}: {e.strerror}")
    foreign = sorted(set(names) - WRITTEN)
    if foreign or (set(names) - {LOCK, "dask.log"} and "trials.json" not in names):
        example = foreign[0] if foreign else sorted(names)[0]
        fail(f"--out {shown_path(out)} holds files no sweep wrote there (e.g. '{shown(example)}'): "
             "give a new "
             "folder, or one this sweep wrote")


class FolderLock:
    """with FolderLock(out): the sweep runs alone in out, or SweepError names the one that
    does."""

    def __init__(self, folder):
        self.path = os.path.join(folder, LOCK)
        self.folder = folder
        self._fd = None

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()

    def acquire(self):
        while self._fd is None:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
            except OSError as e:
                fail(f"cannot write {shown_path(self.path)}: {e.strerror}")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                if e.errno not in NO_FLOCK:  # another sweep holds it (or locking failed)
                    self._refuse(fd, e)
                if _alive(fd):  # no flock on this filesystem: the file's pid decides
                    self._refuse(fd, None)
            if _same_file(fd, self.path):
                self._fd = fd
            else:  # the sweep before us removed the file after we opened it: open it anew
                os.close(fd)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, json.dumps(_me()).encode() + b"\n")

    def _refuse(self, fd, error):
        holder = _holder(fd)
        os.close(fd)
        if error is not None and error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
            fail(f"cannot lock {shown_path(self.path)}: {error.strerror}")
        fail(f"--out {shown_path(self.folder)} is in use by another sweep ({holder}): wait for "
             "it to end, or give another --out")

    def release(self):
        if self._fd is not None:
            try:
                os.remove(self.path)  # still ours: nobody else takes a lock we hold
            except OSError:
                pass
            os.close(self._fd)
            self._fd = None


def _me():
    return {"pid": os.getpid(), "host": socket.gethostname(),
            "started": datetime.datetime.now(datetime.timezone.utc).strftime(
                "%Y-%m-%d %H:%M:%S UTC"),
            "command": " ".join(sys.argv)[:200]}


def _alive(fd):
    """True unless the lock file names a sweep of this host whose process is gone (the check
    where the filesystem has no flock: a lock whose pid is gone is stale)."""
    try:
        d = json.loads(os.pread(fd, 4096, 0).decode("utf-8", "replace"))
        pid, host = int(d["pid"]), d["host"]
    except (OSError, ValueError, KeyError, TypeError):
        return False  # empty or unreadable: no sweep can be named, none is kept waiting
    if host != socket.gethostname():
        return True  # another machine's: this one cannot tell, so it is taken as running
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid()


def _holder(fd):
    """'pid 123 on host h, started ...' from the lock's file, as far as it can be read."""
    try:
        d = json.loads(os.pread(fd, 4096, 0).decode("utf-8", "replace"))
        return f"pid {int(d['pid'])} on {shown(d['host'])}, started {shown(d['started'])}"
    except (OSError, ValueError, KeyError, TypeError):
        return "one that is starting"


def _same_file(fd, path):
    try:
        a, b = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
