## -*- texinfo -*-
## @deftypefn {} {[@var{perm}, @var{rng}] =} dlfp.rng_permutation (@var{rng}, @var{n})
## perm = order(u_1..u_n): a random permutation of the n examples, by sorting n uniforms.
##
## @var{perm} is a 1 x @var{n} row of 1-based indices (Python's are 0-based: each
## language's own base, the same order). The n uniforms of one block are distinct (MINSTD
## repeats only after 2^31 - 2 draws), so every language's sort gives the same order.
## The returned @var{rng} is the state after the n draws.
## @end deftypefn

function [perm, rng] = rng_permutation (rng, n)
  if (nargin < 2)
    print_usage ();
  endif
  [u, rng] = dlfp.rng_uniform (rng, n);
  [~, perm] = sort (u);  # (1, n)
endfunction

%!test
%! [perm, rng] = dlfp.rng_permutation (dlfp.rng_create (3), 6);
%! [u, rng2] = dlfp.rng_uniform (dlfp.rng_create (3), 6);
%! assert (sort (perm), 1:6);
%! assert (all (diff (u(perm)) > 0));
%! assert (rng, rng2);
%!test
%! ## x_0 = 2: x_1 = 96542 and x_2 = 365211588 are already in order
%! assert (dlfp.rng_permutation (dlfp.rng_create (1), 2), [1, 2]);
%!test
%! [perm, rng] = dlfp.rng_permutation (7, 0);
%! assert (size (perm), [1, 0]);
%! assert (rng, 7);
%!testif ; ! isempty (which ("dlfp_test.golden_dir")) && ! isempty (dlfp_test.golden_dir ())
%! ## the Python twin's permutations (stored 1-based), compared exactly
%! files = dir (fullfile (dlfp_test.golden_dir (), "rng", "permutation_seed*.csv"));
%! assert (numel (files) >= 2);
%! for k = 1:numel (files)
%!   seed = str2double (regexp (files(k).name, '\d+', "match", "once"));
%!   expected = dlmread (fullfile (files(k).folder, files(k).name), ",")';
%!   perm = dlfp.rng_permutation (dlfp.rng_create (seed), numel (expected));
%!   assert (isequal (perm, expected), files(k).name);
%! endfor
%!error <Invalid call> dlfp.rng_permutation ()
