## -*- texinfo -*-
## @deftypefn {} {@var{A} =} tanh_forward (@var{Z})
## A = tanh(Z).
## @end deftypefn

function A = tanh_forward (Z)
  A = tanh (Z);
endfunction

%!assert (dlfp.tanh_forward ([0, 1]), [0, 0.7615941559557649], 1e-15)
