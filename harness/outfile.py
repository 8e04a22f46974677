"""A file promised before a long run: claimed at once, written whole at the end or not at all."""
import os
import stat
import tempfile

import dlfp
from dlfp.__main__ import is_among
from dlfp.errors import shown_path


class OutputError(Exception):
    """A file the run was asked to write cannot be written: which file, and the problem."""

    def __init__(self, path, problem):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ReservedFile:
    """file = ReservedFile(path) claims path's place now (an empty file beside it, so a folder
    that cannot take one is refused before any work); file.commit(text) writes it, checks it is
    all there and renames it over path; file.discard() gives the place back.

    What path held before stays whole until the rename, and a symlink at path is replaced,
    never written through.
    """

    def __init__(self, path, inputs=()):
        self.path = path
        try:
            dlfp.check_result_path(path)  # the runners' rule for --out: not empty, not a folder
        except dlfp.DlfpError as e:
            raise OutputError(path, e.problem or str(e)) from None
        if is_among(path, inputs):  # written over, an input would be lost
            raise OutputError(path, f"{shown_path(path)} is an input of this run")
        mode = os.lstat(path).st_mode if os.path.lexists(path) else stat.S_IFREG
        if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
            raise OutputError(path, f"{path} is not a regular file")
        folder = os.path.dirname(os.path.abspath(path))
        try:
            self._fd, self._tmp = tempfile.mkstemp(dir=folder, prefix=".dlfp-", suffix=".tmp")
        except OSError as e:
            raise OutputError(path, f"cannot write in {folder}: {e.strerror}") from None

    def commit(self, text):
        """Write text, check the file holds all of it, then rename it over path."""
        data = text.encode("utf-8")
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(self._fd, 0o666 & ~umask)  # mkstemp makes 0600; a report is ordinary
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view):]
            os.fsync(self._fd)
            if os.fstat(self._fd).st_size != len(data):
                raise OSError(0, "the file is shorter than what was written")
            os.close(self._fd)
            self._fd = None
            os.replace(self._tmp, self.path)
        except OSError as e:
            self.discard()
            raise OutputError(self.path, f"cannot write {self.path}: {e.strerror}") from None

    def discard(self):
        """Remove the claim (after a failure, or when nothing is to be written)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if os.path.exists(self._tmp):
            os.remove(self._tmp)
