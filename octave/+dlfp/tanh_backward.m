## -*- texinfo -*-
## @deftypefn {} {@var{dZ} =} tanh_backward (@var{dA}, @var{Z}, @var{A})
## dZ = dA .* (1 - A.^2).
## @end deftypefn

function dZ = tanh_backward (dA, Z, A)
  dZ = dA .* (1 - A .* A);
endfunction

%!assert (dlfp.tanh_backward ([2, 3], [0, 0], [0, 0.5]), [2, 2.25])
