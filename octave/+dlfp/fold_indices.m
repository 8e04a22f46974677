## -*- texinfo -*-
## @deftypefn {} {@var{folds} =} dlfp.fold_indices (@var{m}, @var{folds}, @var{seed})
## part_k = perm(start_k : start_k + size_k - 1), perm = rng_permutation(rng_create(seed), m).
##
## The twin of validation.py's @code{fold_indices}. The @var{m} examples are split into
## K = @var{folds} contiguous parts of the permutation, of sizes floor(m/K) + 1 for the
## first mod(m, K) parts and floor(m/K) for the rest. Returns a 1 x K cell of rows, each
## fold's test indices in ascending order, 0-BASED: the numbers Python and R hold and the
## result JSON carries, so that the three languages name the same examples with the same
## numbers (add 1 to index X in Octave).
## @end deftypefn

function parts = fold_indices (m, folds, seed)
  if (nargin < 3)
    print_usage ();
  endif
  perm = dlfp.rng_permutation (dlfp.rng_create (seed), m) - 1;  # (1, m), 0-based
  sizes = floor (m / folds) + ((0:folds - 1) < mod (m, folds));  # (1, K)
  parts = cellfun (@sort, mat2cell (perm, 1, sizes), "UniformOutput", false);
endfunction

%!test
%! ## seed 0: x_0 = 1, and x_k = 48271^k mod (2^31 - 1) for k = 1..7 are 48271, 182605794,
%! ## 1291394886, 1914720637, 2078669041, 407355683, 1105902161; sorting them orders the
%! ## examples 0, 1, 5, 6, 2, 3, 4. K = 3 parts of sizes 3, 2, 2: {0, 1, 5}, {6, 2}, {3, 4}.
%! assert (dlfp.fold_indices (7, 3, 0), {[0, 1, 5], [2, 6], [3, 4]});
%!test
%! ## the parts partition the examples, the first mod(m, K) of them one larger
%! for c = {{10, 4, [3, 3, 2, 2]}, {9, 3, [3, 3, 3]}, {5, 5, [1, 1, 1, 1, 1]}}
%!   [m, k, sizes] = c{1}{:};
%!   f = dlfp.fold_indices (m, k, 42);
%!   assert (size (f), [1, k]);
%!   assert (cellfun (@numel, f), sizes);
%!   assert (sort ([f{:}]), 0:m - 1);
%!   assert (all (cellfun (@(p) isrow (p) && all (diff (p) > 0), f)));
%! endfor
%!error <Invalid call> dlfp.fold_indices ()
