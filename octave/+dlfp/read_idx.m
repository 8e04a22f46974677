## -*- texinfo -*-
## @deftypefn  {} {@var{X} =} dlfp.read_idx (@var{path})
## @deftypefnx {} {[@var{X}, @var{dims}] =} dlfp.read_idx (@var{path})
## X = the items of an IDX file as columns: prod(dims(2:end)) x dims(1), or a row if 1-D.
##
## The header is two zero bytes, a type byte (0x08: unsigned byte, the MNIST files), the
## number of dimensions, then each dimension as a big-endian 32-bit integer; the data
## follow, the last dimension varying fastest. A gzipped file (magic 1f 8b, whatever its
## name) is unpacked by the gzip program into a temporary file first (every member of a
## multi-member file). The header's product is checked as it is formed, while it is exact: one
## that reaches 2^53 is @code{... needs at least 9007199254740992 (truncated)}. Only a regular
## file is read (@code{dlfp.internal.check_regular_file}). @var{X} holds doubles: d x n for n
## items of d values (images: d = 784), one column per item with its values in file order
## (row by row for an image); a 1-D file (labels) gives a 1 x n row. @var{dims} is the
## header's dimensions, a row. Errors read as Python's, except the gzip program's own
## explanation after "truncated or corrupt gzip file <path>: ".
## @end deftypefn

function [X, dims] = read_idx (path)
  if (nargin < 1)
    print_usage ();
  endif
  fn = "read_idx";
  dlfp.internal.check_regular_file (path, fn);
  if (isequal (read_bytes (path, 2, fn), [31; 139]))  # 1f 8b
    ## gzip itself unpacks into a temporary file. (Octave's gunzip would do the same but
    ## changes folder while it works, which drops relative entries from the load path.)
    raw = [tempname() ".idx"];
    unwind_protect
      [status, output] = system (sprintf ("gzip -d -c < %s 2>&1 > %s", shell_quote (path),
                                          shell_quote (raw)));
      if (status != 0)
        dlfp.internal.fail ("data", fn,
                            sprintf ("truncated or corrupt gzip file %s: %s",
                                     dlfp.internal.shown (path, Inf),
                                     dlfp.internal.shown (gzip_problem (output), Inf)));
      endif
      [X, dims] = parse_idx (raw, path);
    unwind_protect_cleanup
      if (isfile (raw))
        unlink (raw);
      endif
    end_unwind_protect
  else
    [X, dims] = parse_idx (dlfp.internal.os_path (path), path);
  endif
endfunction

function [X, dims] = parse_idx (file, path)
  ## file is what is read, path what the messages name (the gzipped original)
  fn = "read_idx";
  path = dlfp.internal.shown (path, Inf);  # as the messages show it
  fid = fopen (file, "r");
  unwind_protect
    magic = fread (fid, 4, "uint8=>double");
    if (numel (magic) < 4 || magic(1) != 0 || magic(2) != 0)
      dlfp.internal.fail ("data", fn, sprintf ("wrong magic in %s: not an IDX file", path));
    endif
    if (magic(3) != 8)
      dlfp.internal.fail ("data", fn,
                          sprintf ("unsupported IDX type 0x%02x in %s (supported: 0x08 unsigned byte)",
                                   magic(3), path));
    endif
    ndim = magic(4);
    header = fread (fid, 4 * ndim, "uint8=>double");
    if (ndim < 1 || numel (header) < 4 * ndim)
      dlfp.internal.fail ("data", fn, sprintf ("truncated IDX header in %s", path));
    endif
    dims = ([2^24, 2^16, 2^8, 1] * reshape (header, 4, ndim));  # (1, ndim), big-endian
    ## bytes first, doubles after: several times faster than reading "uint8=>double"
    data = fread (fid, Inf, "uint8=>uint8");  # (have, 1)
  unwind_protect_cleanup
    fclose (fid);
  end_unwind_protect
  want = idx_size (dims);
  have = numel (data);
  if (isnan (want) || have != want)
    truncated = "";
    if (isnan (want) || have < want)
      truncated = " (truncated)";
    endif
    needs = sprintf ("%d", want);
    if (isnan (want))
      needs = sprintf ("at least %d", 2^53);
    endif
    dlfp.internal.fail ("data", fn,
                        sprintf ("%s holds %d data bytes but its header %s needs %s%s", path,
                                 have, strjoin (arrayfun (@(d) sprintf ("%d", d), dims,
                                                          "UniformOutput", false), "x"),
                                 needs, truncated));
  endif
  if (ndim == 1)
    X = double (data');  # (1, n)
  elseif (dims(1) == 0)
    X = zeros (0, 0);  # no items (load_data refuses them)
  else
    X = double (reshape (data, want / dims(1), dims(1)));  # (d, n): one column per item
  endif
endfunction

function n = idx_size (dims)
  ## prod (dims), or NaN once a partial product reaches 2^53: below it every whole number is a
  ## double, so the product is exact until then (a zero anywhere makes it 0)
  n = 0;
  if (all (dims != 0))
    n = 1;
    for d = dims
      n *= d;
      if (n >= 2^53)
        n = NaN;
        return;
      endif
    endfor
  endif
endfunction

function b = read_bytes (path, n, fn)
  [fid, msg] = fopen (dlfp.internal.os_path (path), "r");
  if (fid < 0)
    dlfp.internal.fail ("file", fn, sprintf ("cannot read %s: %s",
                                             dlfp.internal.shown (path, Inf), msg));
  endif
  b = fread (fid, n, "uint8=>double");
  fclose (fid);
endfunction

function problem = gzip_problem (output)
  ## gzip's last line reads "gzip: stdin: <problem>"
  lines = strsplit (strtrim (output), "\n");
  problem = regexprep (lines{end}, '^gzip: stdin:\s*', "");
endfunction

function q = shell_quote (path)
  q = ["'" strrep(path, "'", "'\\''") "'"];
endfunction

%!test
%! ## an IDX file written by hand: 2 items of 2 x 3 bytes, big-endian dimensions
%! f = tempname ();
%! unwind_protect
%!   fid = fopen (f, "w");
%!   fwrite (fid, [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1:6, 250:255], "uint8");
%!   fclose (fid);
%!   [X, dims] = dlfp.read_idx (f);
%!   assert (X, [1:6; 250:255]');
%!   assert (dims, [2, 2, 3]);
%!   fid = fopen (f, "w");
%!   fwrite (fid, [0, 0, 8, 1, 0, 0, 1, 4, mod(0:259, 256)], "uint8");  # 260 = 0x0104 labels
%!   fclose (fid);
%!   assert (dlfp.read_idx (f), mod (0:259, 256));
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## round trips through write_idx, raw and gzipped
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   images = mod (reshape (0:23, [4, 3, 2]), 256);  # built column-major ...
%!   images = permute (images, [3, 2, 1]);  # ... then as numpy's arange(24).reshape(2, 3, 4)
%!   for name = {"x.idx", "x.idx.gz"}
%!     f = fullfile (d, name{1});
%!     dlfp.write_idx (f, images);
%!     [X, dims] = dlfp.read_idx (f);
%!     assert (dims, [2, 3, 4]);
%!     assert (X, [0:11; 12:23]');  # one column per item, its rows one after another
%!   endfor
%!   fid = fopen (fullfile (d, "x.idx.gz"), "r");
%!   assert (fread (fid, 2)', [31, 139]);  # really gzipped
%!   fclose (fid);
%!   dlfp.write_idx (fullfile (d, "y.idx"), [3, 1, 4]);
%!   [y, dims] = dlfp.read_idx (fullfile (d, "y.idx"));
%!   assert (y, [3, 1, 4]);
%!   assert (dims, 3);
%!   ## a gzipped file need not end in .gz: the magic bytes tell
%!   movefile (fullfile (d, "x.idx.gz"), fullfile (d, "packed"));
%!   assert (dlfp.read_idx (fullfile (d, "packed")), [0:11; 12:23]');
%!   ## and an n x d matrix is n items of d values: read_idx gives its transpose back
%!   M = reshape (0:11, 4, 3);
%!   dlfp.write_idx (fullfile (d, "m.idx.gz"), M);
%!   assert (dlfp.read_idx (fullfile (d, "m.idx.gz")), M');
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!testif ; isfile ("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")
%! ## Debian's Fashion-MNIST test labels: 10000 of them, 1000 of each class
%! y = dlfp.read_idx ("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz");
%! assert (size (y), [1, 10000]);
%! assert (accumarray (y' + 1, 1)', 1000 * ones (1, 10));
%!error <dlfp: read_idx: no such file: /nonexistent/x.idx> dlfp.read_idx ("/nonexistent/x.idx")
%!test
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   dlfp.write_idx (fullfile (d, "x.idx"), zeros (2, 2, 2));
%!   fid = fopen (fullfile (d, "x.idx"), "r");
%!   raw = fread (fid, Inf, "uint8")';
%!   fclose (fid);
%!   ## name, bytes, the message after "dlfp: read_idx: "
%!   cases = {"short.idx", raw(1:end - 1), [d "/short.idx holds 7 data bytes but its header 2x2x2 needs 8 (truncated)"];
%!            "long.idx", [raw, 0], [d "/long.idx holds 9 data bytes but its header 2x2x2 needs 8"];
%!            "magic.idx", [1, 2, raw(3:end)], ["wrong magic in " d "/magic.idx: not an IDX file"];
%!            "tiny.idx", [0, 0, 8], ["wrong magic in " d "/tiny.idx: not an IDX file"];
%!            "type.idx", [0, 0, 13, raw(4:end)], ["unsupported IDX type 0x0d in " d "/type.idx (supported: 0x08 unsigned byte)"];
%!            "header.idx", raw(1:10), ["truncated IDX header in " d "/header.idx"];
%!            "zero.idx", [0, 0, 8, 0], ["truncated IDX header in " d "/zero.idx"]};
%!   for k = 1:rows (cases)
%!     f = fullfile (d, cases{k, 1});
%!     fid = fopen (f, "w");
%!     fwrite (fid, cases{k, 2}, "uint8");
%!     fclose (fid);
%!     try
%!       dlfp.read_idx (f);
%!       error ("no error");
%!     catch err
%!       assert (err.message, ["dlfp: read_idx: " cases{k, 3}]);
%!       assert (err.identifier, "dlfp:data");
%!     end_try_catch
%!   endfor
%!   ## a gzip stream cut short, and one with a damaged body
%!   dlfp.write_idx (fullfile (d, "whole.gz"), zeros (50, 7));
%!   fid = fopen (fullfile (d, "whole.gz"), "r");
%!   gz = fread (fid, Inf, "uint8")';
%!   fclose (fid);
%!   bad = gz;
%!   bad(11:end - 8) = 255 - bad(11:end - 8);
%!   for c = {"cut.gz", gz(1:end - 12); "corrupt.gz", bad}'
%!     f = fullfile (d, c{1});
%!     fid = fopen (f, "w");
%!     fwrite (fid, c{2}, "uint8");
%!     fclose (fid);
%!     try
%!       dlfp.read_idx (f);
%!       error ("no error");
%!     catch err
%!       prefix = ["dlfp: read_idx: truncated or corrupt gzip file " f ": "];
%!       assert (strncmp (err.message, prefix, numel (prefix)), err.message);
%!       assert (numel (err.message) > numel (prefix));
%!       assert (err.identifier, "dlfp:data");
%!     end_try_catch
%!   endfor
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!error <Invalid call> dlfp.read_idx ()
