## -*- texinfo -*-
## @deftypefn {} {@var{r} =} mulmod (@var{a}, @var{b})
## r = (a * b) mod (2^31 - 1), exact in doubles for 0 <= a, b < 2^31.
##
## @var{a} and @var{b} are integers held in doubles, below 2^31, broadcast against each
## other. Splitting @var{b} into 16-bit halves keeps every product below 2^53, so the
## result is the exact integer remainder, the same bits as Python and R.
## @end deftypefn

function r = mulmod (a, b)
  half = 65536;  # 2^16
  hi = floor (b / half);
  lo = b - hi * half;
  r = modulo (a .* hi);  # a*hi < 2^47
  r = modulo (r * half + a .* lo);  # < 2^48: still exact
endfunction

function x = modulo (x)
  ## floor(x/m) is exact for x < 2^53 with m ~ 2^31, so this is the integer remainder
  ## (written out as in rng.py, not with mod (), so the three languages do the same steps).
  m = 2147483647;
  x = x - floor (x / m) * m;
endfunction

%!assert (dlfp.internal.mulmod (48271, 1), 48271)
%!assert (dlfp.internal.mulmod (48271, 48271), 182605794)  # 2330089441 - 2147483647
%!assert (dlfp.internal.mulmod (2147483646, 2147483646), 1)  # (-1)^2 mod m
%!assert (dlfp.internal.mulmod (2, [3 2147483647]), [6 0])
%!assert (dlfp.internal.mulmod ([2; 3], 5), [10; 15])
