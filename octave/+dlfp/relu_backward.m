## -*- texinfo -*-
## @deftypefn {} {@var{dZ} =} relu_backward (@var{dA}, @var{Z}, @var{A})
## dZ = dA .* (Z > 0).
## @end deftypefn

function dZ = relu_backward (dA, Z, A)
  dZ = dA .* (Z > 0);
endfunction

%!assert (dlfp.relu_backward ([5, 6, 7], [-1, 0, 2], [0, 0, 2]), [0, 0, 7])
