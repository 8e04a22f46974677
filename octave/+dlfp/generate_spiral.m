## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{labels}, @var{rng}] =} dlfp.generate_spiral (@var{rng}, @var{n_per_class}, @var{classes}, @var{noise})
## r = i / (N - 1) ; t = 4 j + 4 r + noise * z ; x = [r sin(t) ; r cos(t)], class j = 0..K-1.
##
## The spiral of chapter 4 (CS231n's): K = @var{classes} arms of N = @var{n_per_class}
## points each, arm j labelled j. The scenario's defaults (100, 3, 0.2) live in the scenario
## rules, not here. @var{X} is 2 x N K, @var{labels} 1 x N K. The arithmetic follows
## datasets.py step by step, so the bits match Python and R.
## @end deftypefn

function [X, labels, rng] = generate_spiral (rng, n_per_class, classes, noise)
  if (nargin < 4)
    print_usage ();
  endif
  N = fix (n_per_class);
  K = fix (classes);
  [z, rng] = dlfp.rng_normal (rng, N * K);
  r = repmat ((0:N - 1) / (N - 1), 1, K);  # (1, N K)
  j = repelem (0:K - 1, N);  # (1, N K)
  t = 4 * j + 4 * r + noise * z;
  X = [r .* sin(t); r .* cos(t)];
  labels = j;
endfunction

%!test
%! [X, labels, rng] = dlfp.generate_spiral (dlfp.rng_create (1), 3, 2, 0);
%! assert (labels, [0, 0, 0, 1, 1, 1]);
%! ## noise 0: r = 0, 1/2, 1 and t = 4 j + 4 r
%! r = [0, 0.5, 1, 0, 0.5, 1];
%! t = 4 * [0, 0, 0, 1, 1, 1] + 4 * r;
%! assert (X, [r .* sin(t); r .* cos(t)], 1e-15);
%! [~, r6] = dlfp.rng_uniform (dlfp.rng_create (1), 12);
%! assert (rng, r6);
%!test
%! [X, labels] = dlfp.generate_spiral (dlfp.rng_create (1), 100, 3, 0.2);
%! assert (size (X), [2, 300]);
%! assert (size (labels), [1, 300]);
%!error dlfp.generate_spiral (dlfp.rng_create (1))  # no defaults: the rules hold them
%!error <Invalid call> dlfp.generate_spiral ()
