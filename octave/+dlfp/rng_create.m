## -*- texinfo -*-
## @deftypefn {} {@var{rng} =} dlfp.rng_create (@var{seed})
## x_0 = seed + 1: the generator state for a seed in 0 .. 2^31 - 3.
##
## @var{seed} is an integer from 0 to 2147483645. The state @var{rng} is an integer in
## [1, 2^31 - 2] held in a double; it goes in and comes back out of every draw.
## @end deftypefn

function rng = rng_create (seed)
  if (nargin < 1)
    print_usage ();
  endif
  if (! (isnumeric (seed) && isreal (seed) && isscalar (seed) && isfinite (seed)
         && seed == floor (seed) && seed >= 0 && seed <= 2147483645))
    dlfp.internal.fail ("rng", "rng_create",
                        ["seed must be an integer from 0 to 2147483645, got " ...
                         dlfp.internal.py_repr(seed)]);
  endif
  rng = double (seed) + 1;
endfunction

%!assert (dlfp.rng_create (0), 1)
%!assert (dlfp.rng_create (41), 42)
%!assert (dlfp.rng_create (2147483645), 2147483646)
%!error <dlfp: rng_create: seed must be an integer from 0 to 2147483645, got -1> dlfp.rng_create (-1)
%!error <got 1.5$> dlfp.rng_create (1.5)
%!error <got 2147483646$> dlfp.rng_create (2147483646)
%!error <got nan$> dlfp.rng_create (NaN)
%!error <got 'x'$> dlfp.rng_create ("x")
%!error <got None$> dlfp.rng_create ([])
%!test
%! try
%!   dlfp.rng_create (-1);
%! catch err
%!   assert (err.identifier, "dlfp:rng");
%! end_try_catch
%!error <Invalid call> dlfp.rng_create ()
