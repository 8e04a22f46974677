## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{labels}, @var{rng}] =} dlfp.generate_circles (@var{rng}, @var{n_per_class}, @var{noise}, @var{factor})
## x = rho [cos(2 pi u) ; sin(2 pi u)] + noise * z ; rho = 1 (label 0) or factor (label 1).
##
## The donut: an outer ring of class 0 around an inner ring of radius @var{factor} (class
## 1), N = @var{n_per_class} points each; the scenario's defaults (100, 0.1, 0.5) live in
## the scenario rules. @var{X} is 2 x 2N, @var{labels} 1 x 2N. First 2N uniforms (the angles),
## then 4N normals (x noise, then y noise), as in datasets.py.
## @end deftypefn

function [X, labels, rng] = generate_circles (rng, n_per_class, noise, factor)
  if (nargin < 4)
    print_usage ();
  endif
  N = fix (n_per_class);
  [u, rng] = dlfp.rng_uniform (rng, 2 * N);
  [z, rng] = dlfp.rng_normal (rng, 4 * N);
  rho = [ones(1, N), repmat(double (factor), 1, N)];  # (1, 2N)
  theta = (2 * pi) * u;
  X = [rho .* cos(theta) + noise * z(1:2 * N);
       rho .* sin(theta) + noise * z(2 * N + 1:end)];
  labels = [zeros(1, N), ones(1, N)];
endfunction

%!test
%! [X, labels] = dlfp.generate_circles (dlfp.rng_create (2), 50, 0, 0.5);
%! assert (labels, [zeros(1, 50), ones(1, 50)]);
%! ## noise 0: the points lie on the two circles
%! assert (sqrt (sum (X .^ 2, 1)), [ones(1, 50), 0.5 * ones(1, 50)], 1e-15);
%!test
%! [X, labels, rng] = dlfp.generate_circles (dlfp.rng_create (2), 100, 0.1, 0.5);
%! assert (size (X), [2, 200]);
%! [~, r] = dlfp.rng_uniform (dlfp.rng_create (2), 200 + 800);
%! assert (rng, r);
%!error <Invalid call> dlfp.generate_circles ()
