## -*- texinfo -*-
## @deftypefn {} {@var{s} =} numpy_sum (@var{x})
## s = sum(x) added in numpy's order (pairwise), so it is the same double as Python's.
##
## numpy adds a vector of n < 8 numbers one after another, as Octave's @code{sum} does, but
## from 8 on it keeps 8 running sums r_j (of x_j, x_(j+8), ...), combines them as
## ((r_1 + r_2) + (r_3 + r_4)) + ((r_5 + r_6) + (r_7 + r_8)) and adds the leftover n mod 8
## numbers; above 128 it splits the vector in two (the first part a multiple of 8) and adds
## the halves' sums. Rounding makes these differ from a plain loop in the last bit, which
## the cross-validation's mean and std would show.
## @end deftypefn

function s = numpy_sum (x)
  x = x(:)';  # (1, n)
  n = numel (x);
  if (n < 8)
    s = sum (x);
  elseif (n <= 128)
    q = n - mod (n, 8);
    r = sum (reshape (x(1:q), 8, []), 2);  # (8, 1): row j adds x_j, x_(j+8), ... in turn
    s = sum ([((r(1) + r(2)) + (r(3) + r(4))) + ((r(5) + r(6)) + (r(7) + r(8))), x(q + 1:n)]);
  else
    h = floor (n / 2);
    h -= mod (h, 8);
    s = dlfp.internal.numpy_sum (x(1:h)) + dlfp.internal.numpy_sum (x(h + 1:n));
  endif
endfunction

%!assert (dlfp.internal.numpy_sum ([1, 2, 3]), 6)
%!assert (dlfp.internal.numpy_sum (zeros (1, 0)), 0)
%!test
%! ## 0.1 ten times: a plain loop gives 0.9999999999999999; numpy's 8 running sums, combined,
%! ## then 0.1 and 0.1 added, give 1 (as np.sum([0.1] * 10) does)
%! assert (sum (0.1 * ones (1, 10)), 0.9999999999999999);
%! assert (dlfp.internal.numpy_sum (0.1 * ones (1, 10)), 1);
%!test
%! ## above 128, two halves: 200 = 96 + 104, each summed as above
%! x = (1:200) / 7;
%! assert (dlfp.internal.numpy_sum (x),
%!         dlfp.internal.numpy_sum (x(1:96)) + dlfp.internal.numpy_sum (x(97:200)));
