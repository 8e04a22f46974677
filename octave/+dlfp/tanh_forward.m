## -*- texinfo -*-
## @deftypefn {} {@var{A} =} dlfp.tanh_forward (@var{Z})
## A = tanh(Z).
## @end deftypefn

function A = tanh_forward (Z)
  if (nargin < 1)
    print_usage ();
  endif
  A = tanh (Z);
endfunction

%!assert (dlfp.tanh_forward ([0, 1]), [0, 0.7615941559557649], 1e-15)
%!error <Invalid call> dlfp.tanh_forward ()
