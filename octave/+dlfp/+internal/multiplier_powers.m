## -*- texinfo -*-
## @deftypefn {} {@var{p} =} multiplier_powers (@var{n})
## p_k = 48271^k mod (2^31 - 1) for k = 1..n, by repeated doubling.
##
## Returns a 1 x @var{n} row. The powers computed so far are kept (as Python's _POWERS):
## every draw needs a prefix of the same row, and dropout draws at every step.
## @end deftypefn

function p = multiplier_powers (n)
  persistent powers = 48271;
  while (numel (powers) < n)
    ## a^(k + len) = a^k * a^len: doubling keeps this O(n) with O(log n) vector steps
    powers = [powers, dlfp.internal.mulmod(powers, powers(end))];
  endwhile
  p = powers(1:max (n, 0));
endfunction

%!assert (dlfp.internal.multiplier_powers (3), [48271, 182605794, 1291394886])
%!test
%! ## Park and Miller (1993): from x_0 = 1, x_10000 = 399268537 with multiplier 48271.
%! p = dlfp.internal.multiplier_powers (10000);
%! assert (size (p), [1, 10000]);
%! assert (p(end), 399268537);
%!assert (size (dlfp.internal.multiplier_powers (0)), [1, 0])
%!test
%! ## a short row after a long one is its prefix, and a longer one extends it
%! long = dlfp.internal.multiplier_powers (5000);
%! assert (dlfp.internal.multiplier_powers (3), [48271, 182605794, 1291394886]);
%! longer = dlfp.internal.multiplier_powers (20000);
%! assert (longer(1:5000), long);
%! assert (longer(10000), 399268537);
