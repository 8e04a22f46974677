## -*- texinfo -*-
## @deftypefn {} {[@var{u}, @var{rng}] =} dlfp.rng_uniform (@var{rng}, @var{n})
## u_k = x_k / (2^31 - 1),  x_k = 48271^k x_0 mod (2^31 - 1): n uniforms in (0, 1).
##
## @var{u} is a 1 x @var{n} row; the returned @var{rng} is the state after the @var{n}
## draws (the last x_k), so consecutive calls continue one stream. Every x_k comes from
## x_0 in one vectorized mulmod by the jump-ahead powers of the multiplier.
## @end deftypefn

function [u, rng] = rng_uniform (rng, n)
  if (nargin < 2)
    print_usage ();
  endif
  n = fix (n);
  if (n <= 0)
    u = zeros (1, 0);
    return;
  endif
  ## the powers first: mulmod splits its second factor into 16-bit halves, so the state is
  ## split once instead of every power (four passes fewer); the exact product is the same
  x = dlfp.internal.mulmod (dlfp.internal.multiplier_powers (n), rng);  # (1, n)
  u = x / 2147483647;
  rng = x(end);
endfunction

%!test
%! [u, rng] = dlfp.rng_uniform (dlfp.rng_create (1), 2);
%! ## x_0 = 2: x_1 = 2 * 48271, x_2 = 2 * (48271^2 mod m) = 2 * 182605794
%! assert (u, [96542, 365211588] / 2147483647);
%! assert (rng, 365211588);
%!test
%! ## one stream whether drawn at once or in pieces
%! r0 = dlfp.rng_create (7);
%! [a, r] = dlfp.rng_uniform (r0, 3);
%! [b, r] = dlfp.rng_uniform (r, 4);
%! [c, r5] = dlfp.rng_uniform (r0, 7);
%! assert ([a, b], c);
%! assert (r, r5);
%!test
%! [u, r] = dlfp.rng_uniform (5, 0);
%! assert (size (u), [1, 0]);
%! assert (r, 5);
%!test
%! u = dlfp.rng_uniform (dlfp.rng_create (3), 1e5);
%! assert (all (u > 0 & u < 1));
%! assert (mean (u), 0.5, 0.01);
%!testif ; ! isempty (which ("dlfp_test.golden_dir")) && ! isempty (dlfp_test.golden_dir ())
%! ## the Python twin's uniforms, compared bit for bit
%! files = dir (fullfile (dlfp_test.golden_dir (), "rng", "uniform_seed*.csv"));
%! assert (numel (files) >= 3);
%! for k = 1:numel (files)
%!   seed = str2double (regexp (files(k).name, '\d+', "match", "once"));
%!   expected = dlmread (fullfile (files(k).folder, files(k).name), ",")';
%!   u = dlfp.rng_uniform (dlfp.rng_create (seed), numel (expected));
%!   assert (isequal (u, expected), files(k).name);
%! endfor
%!error <Invalid call> dlfp.rng_uniform ()
