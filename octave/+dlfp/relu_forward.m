## -*- texinfo -*-
## @deftypefn {} {@var{A} =} dlfp.relu_forward (@var{Z})
## A = max(Z, 0).
## @end deftypefn

function A = relu_forward (Z)
  if (nargin < 1)
    print_usage ();
  endif
  A = max (Z, 0);
endfunction

%!assert (dlfp.relu_forward ([-2, 0; 3, -0.5]), [0, 0; 3, 0])
%!error <Invalid call> dlfp.relu_forward ()
