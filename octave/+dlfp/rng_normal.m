## -*- texinfo -*-
## @deftypefn {} {[@var{z}, @var{rng}] =} dlfp.rng_normal (@var{rng}, @var{n})
## z = sqrt(-2 log u1) * cos(2 pi u2): n standard normals from 2n uniforms (Box-Muller).
##
## Uniforms are taken in pairs (u1, u2) = (u_1, u_2), (u_3, u_4), @dots{}; @var{z} is a
## 1 x @var{n} row and @var{rng} the state after the 2@var{n} uniforms. log and cos are
## the C library's, as in Python's math module and R, so the bits agree.
## @end deftypefn

function [z, rng] = rng_normal (rng, n)
  if (nargin < 2)
    print_usage ();
  endif
  [u, rng] = dlfp.rng_uniform (rng, 2 * fix (n));
  u1 = u(1:2:end);
  u2 = u(2:2:end);
  z = sqrt (-2 * log (u1)) .* cos ((2 * pi) * u2);
endfunction

%!test
%! r0 = dlfp.rng_create (5);
%! u = dlfp.rng_uniform (r0, 6);
%! [z, r] = dlfp.rng_normal (r0, 3);
%! expected = sqrt (-2 * log (u([1 3 5]))) .* cos (2 * pi * u([2 4 6]));
%! assert (z, expected, 1e-15);
%! [~, r6] = dlfp.rng_uniform (r0, 6);
%! assert (r, r6);
%!test
%! z = dlfp.rng_normal (dlfp.rng_create (11), 1e5);
%! assert (size (z), [1, 1e5]);
%! assert (mean (z), 0, 0.02);
%! assert (std (z), 1, 0.02);
%!testif ; ! isempty (which ("dlfp_test.golden_dir")) && ! isempty (dlfp_test.golden_dir ())
%! ## the Python twin's normals, compared bit for bit
%! files = dir (fullfile (dlfp_test.golden_dir (), "rng", "normal_seed*.csv"));
%! assert (numel (files) >= 2);
%! for k = 1:numel (files)
%!   seed = str2double (regexp (files(k).name, '\d+', "match", "once"));
%!   expected = dlmread (fullfile (files(k).folder, files(k).name), ",")';
%!   z = dlfp.rng_normal (dlfp.rng_create (seed), numel (expected));
%!   assert (isequal (z, expected), files(k).name);
%! endfor
%!error <Invalid call> dlfp.rng_normal ()
