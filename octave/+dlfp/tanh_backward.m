## -*- texinfo -*-
## @deftypefn {} {@var{dZ} =} dlfp.tanh_backward (@var{dA}, @var{Z}, @var{A})
## dZ = dA .* (1 - A.^2).
## @end deftypefn

function dZ = tanh_backward (dA, Z, A)
  if (nargin < 3)
    print_usage ();
  endif
  dZ = dA .* (1 - A .* A);
endfunction

%!assert (dlfp.tanh_backward ([2, 3], [0, 0], [0, 0.5]), [2, 2.25])
%!error <Invalid call> dlfp.tanh_backward ()
