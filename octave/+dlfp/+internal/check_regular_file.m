## -*- texinfo -*-
## @deftypefn {} {} check_regular_file (@var{path}, @var{fn})
## Stop unless path names a regular file, before anything opens it.
##
## The twin of textfile.py's @code{check_regular_file}: @code{dlfp: <fn>: no such file:
## <path>}, or @code{... <path> is not a regular file} for a folder, FIFO, device, socket or
## anything under /proc, /sys or /dev (links followed): a FIFO would block a reader, a device
## never end, a /proc file is not what it seems.
## @end deftypefn

function check_regular_file (path, fn)
  if (! (ischar (path) && rows (path) <= 1) || isempty (path))
    dlfp.internal.fail ("file", fn, ["no such file: " dlfp.internal.py_str(path)]);
  endif
  [st, err] = stat (dlfp.internal.os_path (path));
  if (err != 0)
    dlfp.internal.fail ("file", fn, ["no such file: " dlfp.internal.shown(path, Inf)]);
  endif
  real = [canonicalize_file_name(dlfp.internal.os_path (path)) "/"];
  special = any (cellfun (@(f) strncmp (real, f, numel (f)), {"/proc/", "/sys/", "/dev/"}));
  if (! S_ISREG (st.mode) || special)
    dlfp.internal.fail ("file", fn, [dlfp.internal.shown(path, Inf) " is not a regular file"]);
  endif
endfunction

%!error <dlfp: me: no such file: /nonexistent/a.json> dlfp.internal.check_regular_file ("/nonexistent/a.json", "me")
%!error <dlfp: me: /tmp is not a regular file> dlfp.internal.check_regular_file ("/tmp", "me")
%!error <dlfp: me: /dev/null is not a regular file> dlfp.internal.check_regular_file ("/dev/null", "me")
%!error <dlfp: me: /proc/self/status is not a regular file> dlfp.internal.check_regular_file ("/proc/self/status", "me")
%!test
%! f = tempname ();
%! unwind_protect
%!   [~, msg] = system (["mkfifo " f]);
%!   try
%!     dlfp.internal.check_regular_file (f, "me");
%!     error ("no error");
%!   catch err
%!     assert (err.message, ["dlfp: me: " f " is not a regular file"]);
%!   end_try_catch
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
