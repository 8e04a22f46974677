## -*- texinfo -*-
## @deftypefn {} {@var{dZ} =} dlfp.sigmoid_backward (@var{dA}, @var{Z}, @var{A})
## dZ = dA .* A .* (1 - A).
## @end deftypefn

function dZ = sigmoid_backward (dA, Z, A)
  if (nargin < 3)
    print_usage ();
  endif
  dZ = dA .* A .* (1 - A);
endfunction

%!assert (dlfp.sigmoid_backward (2, 0, 0.5), 0.5)
%!error <Invalid call> dlfp.sigmoid_backward ()
