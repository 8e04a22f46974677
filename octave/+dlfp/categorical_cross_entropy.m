## -*- texinfo -*-
## @deftypefn {} {@var{J} =} dlfp.categorical_cross_entropy (@var{ZL}, @var{Y})
## J = -1/m * sum(sum(Y .* log(softmax(Z)))).
##
## log(softmax(z)) = z - max(z) - log(sum(exp(z - max(z)))) per column: never log(0).
## @var{ZL} is K x m, @var{Y} K x m one-hot.
## @end deftypefn

function J = categorical_cross_entropy (ZL, Y)
  if (nargin < 2)
    print_usage ();
  endif
  m = columns (ZL);
  S = ZL - max (ZL, [], 1);
  log_p = S - log (sum (exp (S), 1));  # (K, m)
  J = -sum ((Y .* log_p)(:)) / m;
endfunction

%!assert (dlfp.categorical_cross_entropy (zeros (3, 2), [1 0; 0 1; 0 0]), log (3), 1e-15)
%!test
%! ## softmax([1, 3, 6]) has p(3) = 0.9464991225... so J = -log(p3) = 0.05498519...
%! J = dlfp.categorical_cross_entropy ([1; 3; 6], [0; 0; 1]);
%! assert (J, log (exp (1) + exp (3) + exp (6)) - 6, 1e-15);
%! assert (J, 0.0549852, 1e-7);
%!assert (dlfp.categorical_cross_entropy ([0; 1000], [1; 0]), 1000)
%!error <Invalid call> dlfp.categorical_cross_entropy ()
