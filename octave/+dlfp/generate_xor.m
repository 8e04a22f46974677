## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{labels}, @var{rng}] =} dlfp.generate_xor (@var{rng}, @var{n})
## x = 2 u - 1 in [-1, 1]^2 ; label = (x1 * x2 < 0).
##
## The course's XOR: opposite quadrants share a class. @var{n} points (the scenario's
## default, 200, lives in the scenario rules); @var{X} is 2 x n, @var{labels} 1 x n. The first n uniforms make x1, the next n x2.
## @end deftypefn

function [X, labels, rng] = generate_xor (rng, n)
  if (nargin < 2)
    print_usage ();
  endif
  n = fix (n);
  [u, rng] = dlfp.rng_uniform (rng, 2 * n);
  X = [2 * u(1:n) - 1; 2 * u(n + 1:end) - 1];
  labels = double (X(1, :) .* X(2, :) < 0);
endfunction

%!test
%! [X, labels] = dlfp.generate_xor (dlfp.rng_create (3), 4);
%! u = dlfp.rng_uniform (dlfp.rng_create (3), 8);
%! assert (X, [2 * u(1:4) - 1; 2 * u(5:8) - 1]);
%! assert (labels, double (sign (X(1, :)) != sign (X(2, :))));
%!test
%! [X, labels] = dlfp.generate_xor (dlfp.rng_create (3), 200);
%! assert (size (X), [2, 200]);
%! assert (all (abs (X(:)) <= 1));
%!error <Invalid call> dlfp.generate_xor ()
