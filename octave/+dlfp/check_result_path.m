## -*- texinfo -*-
## @deftypefn  {} {} dlfp.check_result_path (@var{path})
## @deftypefnx {} {} dlfp.check_result_path (@var{path}, @var{fn})
## Stop unless a result can be written at path: not empty, not a folder or other non-regular file, in a writable folder.
##
## A device, a FIFO or anything under /proc, /sys or /dev is @code{... <path> is not a regular
## file}. @var{fn} is the command the errors name (default write_result; predict checks its
## --out the same way).
##
## The twin of result.py's @code{check_result_path}, called by the runner before anything is
## read or trained, so a bad --out costs nothing (@code{dlfp.write_result} checks again).
## Errors: @code{dlfp: write_result: the result path is empty}, @code{... <path> is a
## folder}, @code{... no such folder: <folder>}, @code{... cannot write in <folder>}, with
## <folder> the absolute folder of @var{path} as Python writes it.
## @end deftypefn

function check_result_path (path, fn)
  if (nargin < 1)
    print_usage ();
  endif
  if (nargin < 2)
    fn = "write_result";
  endif
  fail = @(problem) error ("dlfp:file", "%s", ["dlfp: " fn ": " problem]);
  if (! dlfp.internal.is_string (path) || isempty (path))
    fail ("the result path is empty");
  endif
  shown = dlfp.internal.shown (path, Inf);
  if (isfolder (dlfp.internal.os_path (path)))
    fail ([shown " is a folder"]);
  endif
  [~, err] = stat (dlfp.internal.os_path (path));
  if (err == 0)  # it exists (links followed): it must be a file to replace
    try
      dlfp.internal.check_regular_file (path, fn);
    catch
      fail ([shown " is not a regular file"]);
    end_try_catch
  endif
  folder = dlfp.internal.abs_dirname (path);
  if (! isfolder (folder))
    fail (["no such folder: " dlfp.internal.shown(folder, Inf)]);
  endif
  ## Python asks os.access (W_OK | X_OK); Octave has no access(), the shell's test asks it
  quoted = ["'" strrep(folder, "'", "'\\''") "'"];
  [status, ~] = system (sprintf ("test -w %s && test -x %s", quoted, quoted));
  if (status != 0)
    fail (["cannot write in " dlfp.internal.shown(folder, Inf)]);
  endif
endfunction

%!test
%! dlfp.check_result_path ([tempname() ".json"]);
%! dlfp.check_result_path ("result.json");  # the current folder
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   dlfp.check_result_path (fullfile (d, "it's here.json"));
%!   fid = fopen (fullfile (d, "r.json"), "w"); fclose (fid);
%!   dlfp.check_result_path (fullfile (d, "r.json"));  # an existing file is overwritten
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!error <^dlfp: write_result: the result path is empty$> dlfp.check_result_path ("")
%!error <^dlfp: write_result: the result path is empty$> dlfp.check_result_path ([])
%!error <^dlfp: write_result: /tmp is a folder$> dlfp.check_result_path ("/tmp")
%!error <^dlfp: write_result: /tmp/ is a folder$> dlfp.check_result_path ("/tmp/")
%!error <^dlfp: write_result: no such folder: /nonexistent/deeper$>
%! dlfp.check_result_path ("/nonexistent/deeper/r.json");
%!error <^dlfp: write_result: no such folder: /nonexistent$>
%! dlfp.check_result_path ("/tmp/../nonexistent/./r.json");
%!error <^dlfp: write_result: cannot write in /proc/self$>
%! dlfp.check_result_path ("/proc/self/r.json");  # not writable, even by root
%!test
%! try
%!   dlfp.check_result_path ("/nonexistent/r.json");
%! catch err
%!   assert (err.identifier, "dlfp:file");
%! end_try_catch
%!error <Invalid call> dlfp.check_result_path ()
