## -*- texinfo -*-
## @deftypefn {} {@var{text} =} dlfp.read_text (@var{path}, @var{fn})
## @deftypefnx {} {@var{text} =} dlfp.read_text (@var{path}, @var{fn}, @var{max_bytes})
## text = the UTF-8 file at path, or an error naming the file (missing, not regular, too large, BOM, not UTF-8, NUL).
##
## The twin of textfile.py's @code{read_text}; @var{fn} is the public function the error
## names: @code{dlfp: <fn>: no such file: <path>}, @code{... <path> is not a regular file}
## (see @code{dlfp.internal.check_regular_file}), @code{... <path> is larger than
## <max_bytes> bytes} (checked before a byte is read; no limit when @var{max_bytes} is
## omitted or Inf), @code{... cannot read <path>: <why>},
## @code{... <path> begins with a byte-order mark (save it as UTF-8 without one)},
## @code{... <path> is not UTF-8 text} or @code{... <path> has a NUL byte, which no text
## file has} (R's strings cannot hold one).
## UTF-8 is checked as strictly as Python decodes it (no overlong forms, surrogates or code
## points above U+10FFFF). @var{text} is a char row of the file's bytes, as Octave keeps
## UTF-8 text.
## @end deftypefn

function text = read_text (path, fn, max_bytes = Inf)
  if (nargin < 2)
    print_usage ();
  endif
  dlfp.internal.check_regular_file (path, fn);
  shown = dlfp.internal.shown (path, Inf);
  info = stat (dlfp.internal.os_path (path));  # (links followed, as check_regular_file follows them)
  if (info.size > max_bytes)
    dlfp.internal.fail ("file", fn, sprintf ("%s is larger than %d bytes", shown, max_bytes));
  endif
  [fid, msg] = fopen (dlfp.internal.os_path (path), "r");
  if (fid < 0)
    dlfp.internal.fail ("file", fn, sprintf ("cannot read %s: %s", shown, msg));
  endif
  bytes = fread (fid, Inf, "uint8=>uint8")';  # (1, n)
  fclose (fid);
  if (numel (bytes) >= 3 && isequal (bytes(1:3), uint8 ([0xEF, 0xBB, 0xBF])))
    dlfp.internal.fail ("file", fn, [shown " begins with a byte-order mark (save it as UTF-8 without one)"]);
  endif
  if (! dlfp.internal.is_utf8 (bytes))
    dlfp.internal.fail ("file", fn, [shown " is not UTF-8 text"]);
  endif
  if (any (bytes == 0))
    dlfp.internal.fail ("file", fn, [shown " has a NUL byte, which no text file has"]);
  endif
  text = char (bytes);
endfunction

%!test
%! f = tempname ();
%! unwind_protect
%!   bytes = [97, 195, 169, 13, 10, 98];  # a, e acute (C3 A9), CR LF, b
%!   fid = fopen (f, "w"); fwrite (fid, uint8 (bytes)); fclose (fid);
%!   assert (double (dlfp.read_text (f, "me")), bytes);
%!   fid = fopen (f, "w"); fclose (fid);
%!   assert (isempty (dlfp.read_text (f, "me")));
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## the size is checked before a byte is read: a sparse 8 GB file is refused at once
%! f = tempname ();
%! unwind_protect
%!   assert (system (sprintf ("truncate -s 8G %s", f)), 0);
%!   try
%!     dlfp.read_text (f, "me", 1000000);
%!     error ("no error");
%!   catch err
%!     assert (err.message, ["dlfp: me: " f " is larger than 1000000 bytes"]);
%!   end_try_catch
%!   fid = fopen (f, "w"); fwrite (fid, "{}"); fclose (fid);
%!   assert (dlfp.read_text (f, "me", 2), "{}");  # at the limit is taken
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <dlfp: me: no such file: /nonexistent/a.json> dlfp.read_text ("/nonexistent/a.json", "me")
%!error <dlfp: me: no such file: 3> dlfp.read_text (3, "me")
%!error <dlfp: me: /tmp is not a regular file> dlfp.read_text ("/tmp", "me")
%!error <dlfp: me: /dev/null is not a regular file> dlfp.read_text ("/dev/null", "me")
%!test
%! f = tempname ();
%! cases = {[0xEF, 0xBB, 0xBF, 0x7B, 0x7D], " begins with a byte-order mark (save it as UTF-8 without one)";
%!          [0x7B, 0x22, 0xE9, 0x22, 0x7D], " is not UTF-8 text";  # Latin-1 e acute
%!          [0x7B, 0xED, 0xA0, 0x80, 0x7D], " is not UTF-8 text";  # a surrogate
%!          [0x7B, 0x00, 0x7D], " has a NUL byte, which no text file has"};
%! unwind_protect
%!   for k = 1:rows (cases)
%!     fid = fopen (f, "w"); fwrite (fid, uint8 (cases{k, 1})); fclose (fid);
%!     try
%!       dlfp.read_text (f, "load_data");
%!       error ("no error");
%!     catch err
%!       assert (err.message, ["dlfp: load_data: " f cases{k, 2}]);
%!       assert (err.identifier, "dlfp:file");
%!     end_try_catch
%!   endfor
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <Invalid call> dlfp.read_text ()
