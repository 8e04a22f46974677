## -*- texinfo -*-
## @deftypefn {} {@var{A} =} dlfp.softmax_forward (@var{Z})
## A = exp(Z - max(Z)) ./ sum(exp(Z - max(Z))), per column.
## @end deftypefn

function A = softmax_forward (Z)
  if (nargin < 1)
    print_usage ();
  endif
  E = exp (Z - max (Z, [], 1));  # the column max keeps exp from overflowing
  A = E ./ sum (E, 1);
endfunction

%!test
%! ## the book's example, printed truncated there
%! assert (dlfp.softmax_forward ([1; 3; 6]), [0.006377; 0.04712; 0.9465], 1e-4);
%!test
%! A = dlfp.softmax_forward ([1, 1000; 3, 1001; 6, 1000]);
%! assert (sum (A, 1), [1, 1], 1e-15);
%! assert (all (isfinite (A(:))));
%!error <Invalid call> dlfp.softmax_forward ()
