## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} dlfp.has_test_data (@var{scenario})
## True when the scenario names a held-out test set (data.test_csv or data.test_idx_*).
## @end deftypefn

function tf = has_test_data (scenario)
  if (nargin < 1)
    print_usage ();
  endif
  tf = isfield (scenario.data, "test_csv") || isfield (scenario.data, "test_idx_images");
endfunction

%!assert (dlfp.has_test_data (struct ("data", struct ("csv", "a", "test_csv", "b"))))
%!assert (dlfp.has_test_data (struct ("data", struct ("idx_images", "a", "test_idx_images", "b"))))
%!assert (! dlfp.has_test_data (struct ("data", struct ("csv", "a"))))
%!assert (! dlfp.has_test_data (struct ("data", struct ("generator", "xor"))))
%!error <Invalid call> dlfp.has_test_data ()
