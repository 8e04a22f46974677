## -*- texinfo -*-
## @deftypefn {} {@var{A} =} relu_forward (@var{Z})
## A = max(Z, 0).
## @end deftypefn

function A = relu_forward (Z)
  A = max (Z, 0);
endfunction

%!assert (dlfp.relu_forward ([-2, 0; 3, -0.5]), [0, 0; 3, 0])
