## -*- texinfo -*-
## @deftypefn {} {} dlfp.write_idx (@var{path}, @var{A})
## Write an array of bytes as an IDX file (gzipped if path ends in .gz): the inverse of read_idx.
##
## The header's dimensions are @code{size (@var{A})} and the bytes follow with the last
## dimension varying fastest, as numpy writes A.shape = dims; a vector is written as a 1-D
## file. So an n x 28 x 28 array is n images, an n x d matrix is n items of d values
## (@code{read_idx} gives back its d x n transpose), and a vector is n labels. Values must be
## whole numbers 0..255. The file is written beside @var{path}, checked and renamed over it
## (@code{dlfp.internal.write_atomic}): a full disk is @code{dlfp: write_idx: cannot write
## <path>: No space left on device}, the old file whole.
## @end deftypefn

function write_idx (path, A)
  if (nargin < 2)
    print_usage ();
  endif
  A = double (A);
  if (any (A(:) < 0 | A(:) > 255 | A(:) != round (A(:))))
    dlfp.internal.fail ("data", "write_idx", "values must be whole numbers 0..255");
  endif
  if (isvector (A))
    dims = numel (A);
    data = A(:);
  else
    dims = size (A);
    data = permute (A, ndims (A):-1:1)(:);  # the last dimension fastest
  endif
  big_endian = mod (floor (dims ./ [2^24; 2^16; 2^8; 1]), 256);  # (4, ndim)
  bytes = [0; 0; 8; numel(dims); big_endian(:); data];
  gzipped = numel (path) >= 3 && strcmp (path(end - 2:end), ".gz");
  if (gzipped)  # gzipped in a scratch folder, then written as any other bytes
    folder = tempname ();
    mkdir (folder);
    unwind_protect
      target = fullfile (folder, "idx");
      fid = fopen (target, "w");
      fwrite (fid, bytes, "uint8");
      fclose (fid);
      gzip (target, folder);
      fid = fopen ([target ".gz"], "r");
      bytes = fread (fid, Inf, "uint8=>uint8");
      fclose (fid);
    unwind_protect_cleanup
      confirm_recursive_rmdir (false, "local");
      rmdir (folder, "s");
    end_unwind_protect
  endif
  ## whole or not at all, checked, as a result is
  dlfp.internal.write_atomic (path, bytes, "write_idx");
endfunction

%!test
%! ## the bytes by hand: magic 0 0 8 2, dimensions 2 and 3 big-endian, then row by row
%! f = tempname ();
%! unwind_protect
%!   dlfp.write_idx (f, [1, 2, 3; 4, 5, 255]);
%!   fid = fopen (f, "r");
%!   raw = fread (fid, Inf, "uint8")';
%!   fclose (fid);
%!   assert (raw, [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 255]);
%!   dlfp.write_idx (f, (0:299)' * 0);  # 300 = 0x012c labels
%!   fid = fopen (f, "r");
%!   raw = fread (fid, 8, "uint8")';
%!   fclose (fid);
%!   assert (raw, [0, 0, 8, 1, 0, 0, 1, 44]);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <dlfp: write_idx: values must be whole numbers 0..255> dlfp.write_idx (tempname (), [1, 256])
%!error <dlfp: write_idx: values must be whole numbers 0..255> dlfp.write_idx (tempname (), [1, 0.5])
%!error <dlfp: write_idx: values must be whole numbers 0..255> dlfp.write_idx (tempname (), [-1, NaN])
%!error <Invalid call> dlfp.write_idx ()
