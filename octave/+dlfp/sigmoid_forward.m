## -*- texinfo -*-
## @deftypefn {} {@var{A} =} dlfp.sigmoid_forward (@var{Z})
## A = 1 / (1 + exp(-Z)).
##
## exp(-Z) = Inf gives A = 0, which is right, so no guard is needed.
## @end deftypefn

function A = sigmoid_forward (Z)
  if (nargin < 1)
    print_usage ();
  endif
  A = 1 ./ (1 + exp (-Z));
endfunction

%!assert (dlfp.sigmoid_forward (0), 0.5)
%!assert (dlfp.sigmoid_forward (1), 0.7310585786300049, 1e-15)
%!assert (dlfp.sigmoid_forward ([-1000, 1000]), [0, 1])
%!assert (size (dlfp.sigmoid_forward (zeros (3, 4))), [3, 4])
%!error <Invalid call> dlfp.sigmoid_forward ()
