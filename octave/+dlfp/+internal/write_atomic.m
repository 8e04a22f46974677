## -*- texinfo -*-
## @deftypefn {} {} write_atomic (@var{path}, @var{bytes}, @var{fn})
## path holds bytes, or what it held before: written beside it, checked to be all there, then renamed over it.
##
## The twin of result.py's @code{write_atomic_bytes} and R's @code{write_atomic}. @var{bytes}
## is a char row or a uint8 vector. A new file from fopen has the mode the umask gives (0644
## under the usual 022), as in Python. Octave says only "fwrite: write error" when the disk is
## full, so the system's own words are asked of head(1) writing as many bytes there, as R
## does: @code{dlfp: <fn>: cannot write <path>: No space left on device} (a file-size limit:
## @code{File too large}). A link at @var{path} is replaced, never written through; nothing is
## left behind after a failure.
## @end deftypefn

function write_atomic (path, bytes, fn)
  tmp = [tempname(dlfp.internal.abs_dirname (path), ".dlfp-") ".tmp"];
  [fid, msg] = fopen (tmp, "w");
  if (fid < 0)
    cannot_write (fn, path, msg);
  endif
  unwind_protect
    written = fwrite (fid, uint8 (bytes), "uint8") == numel (bytes);
    closed = fclose (fid) == 0;
    fid = -1;
    info = dir (tmp);
    if (! (written && closed) || numel (info) != 1 || info.bytes != numel (bytes))
      cannot_write (fn, path, short_write_reason (tmp, numel (bytes)));
    endif
    [status, msg] = rename (tmp, dlfp.internal.os_path (path));
    if (status != 0)
      cannot_write (fn, path, msg);
    endif
  unwind_protect_cleanup
    if (fid >= 0)
      fclose (fid);
    endif
    if (exist (tmp, "file"))  # only after a failure: nothing is left behind
      unlink (tmp);
    endif
  end_unwind_protect
endfunction

function cannot_write (fn, path, detail)
  ## an OS failure after the checks passed (a full disk, a read-only file system, ...)
  dlfp.internal.fail ("file", fn, sprintf ("cannot write %s: %s",
                                           dlfp.internal.shown (path, Inf), detail));
endfunction

function why = short_write_reason (tmp, n)
  ## the system's words for a write that fell short: head(1) writes n bytes there and says
  ## "head: error writing 'standard output': No space left on device"
  ## (head ignores SIGXFSZ, as Python does, so that a file-size limit reads "File too large")
  [~, said] = system (sprintf ("trap '' XFSZ; head -c %d /dev/zero 2>&1 > '%s'", n,
                               strrep (tmp, "'", "'\\''")));
  said = strtrim (said);
  why = "the file came out short";
  if (! isempty (said))
    why = regexprep (said, '^.*: ', "");
  endif
endfunction

%!test
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   f = fullfile (d, "a.bin");
%!   dlfp.internal.write_atomic (f, uint8 ([0, 1, 255]), "me");
%!   fid = fopen (f, "r"); b = fread (fid, Inf, "uint8=>double")'; fclose (fid);
%!   assert (b, [0, 1, 255]);
%!   dlfp.internal.write_atomic (f, "text", "me");
%!   fid = fopen (f, "r"); t = fread (fid, Inf, "char=>char")'; fclose (fid);
%!   assert (t, "text");
%!   assert (numel (dir (d)), 3);  # ., .. and a.bin: no scratch file left
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!error <dlfp: me: cannot write /nonexistent/a.bin: > dlfp.internal.write_atomic ("/nonexistent/a.bin", "x", "me")
