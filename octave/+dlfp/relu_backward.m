## -*- texinfo -*-
## @deftypefn {} {@var{dZ} =} dlfp.relu_backward (@var{dA}, @var{Z}, @var{A})
## dZ = dA .* (Z > 0).
## @end deftypefn

function dZ = relu_backward (dA, Z, A)
  if (nargin < 3)
    print_usage ();
  endif
  dZ = dA .* (Z > 0);
endfunction

%!assert (dlfp.relu_backward ([5, 6, 7], [-1, 0, 2], [0, 0, 2]), [0, 0, 7])
%!error <Invalid call> dlfp.relu_backward ()
