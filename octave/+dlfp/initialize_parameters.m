## -*- texinfo -*-
## @deftypefn {} {[@var{params}, @var{rng}] =} dlfp.initialize_parameters (@var{layers}, @var{init}, @var{rng})
## W_l = s(n_(l-1)) * N(0, 1) of size n_l x n_(l-1),  b_l = 0 of size n_l x 1.
##
## @var{layers} holds the sizes [n_0, n_1, @dots{}, n_L], n_0 the number of features;
## @var{init} is a name in @code{dlfp.initializers ()}. Normals come from the shared stream,
## layer by layer, each W_l filled column by column, so the bits match Python and R.
## @var{params} is a struct with fields W1, b1, @dots{}, WL, bL in that order.
## @end deftypefn

function [params, rng] = initialize_parameters (layers, init, rng)
  if (nargin < 3)
    print_usage ();
  endif
  scale = dlfp.internal.lookup_name (dlfp.initializers (), init, "initializer",
                                     "initialize_parameters");
  params = struct ();
  for l = 1:numel (layers) - 1
    n = layers(l + 1);
    n_prev = layers(l);
    [z, rng] = dlfp.rng_normal (rng, n * n_prev);
    params.(sprintf ("W%d", l)) = reshape (z, n, n_prev) * scale (n_prev);  # (n_l, n_(l-1))
    params.(sprintf ("b%d", l)) = zeros (n, 1);  # (n_l, 1)
  endfor
endfunction

%!test
%! [p, r] = dlfp.initialize_parameters ([3, 2, 1], "scaled", dlfp.rng_create (1));
%! assert (fieldnames (p), {"W1"; "b1"; "W2"; "b2"});
%! assert (size (p.W1), [2, 3]);
%! assert (p.b1, [0; 0]);
%! assert (size (p.W2), [1, 2]);
%! ## column by column from one stream: W1 then W2, 0.01 each
%! [z, r8] = dlfp.rng_normal (dlfp.rng_create (1), 8);
%! assert (p.W1, 0.01 * [z(1), z(3), z(5); z(2), z(4), z(6)]);
%! assert (p.W2, 0.01 * z(7:8));
%! assert (r, r8);
%!test
%! p = dlfp.initialize_parameters ([8, 2], "he", dlfp.rng_create (2));
%! z = dlfp.rng_normal (dlfp.rng_create (2), 16);
%! assert (p.W1, reshape (z, 2, 8) * 0.5);
%!testif ; ! isempty (which ("dlfp_test.golden_dir")) && ! isempty (dlfp_test.golden_dir ())
%! ## the Python twin's initial parameters, compared bit for bit
%! for name = dlfp_test.golden_scenarios ()
%!   g = fullfile (dlfp_test.golden_dir (), name{1});
%!   summary = jsondecode (fileread (fullfile (g, "summary.json")));
%!   s = dlfp.read_scenario (fullfile (g, summary.scenario));
%!   p = dlfp.initialize_parameters (s.layers, s.init, dlfp.rng_create (s.seed));
%!   assert (fieldnames (p), summary.params);
%!   for k = 1:numel (summary.params)
%!     key = summary.params{k};
%!     expected = dlmread (fullfile (g, ["initial_" key ".csv"]), ",");
%!     assert (isequal (p.(key), expected), [name{1} " " key]);
%!   endfor
%! endfor
%!error <dlfp: initialize_parameters: unknown initializer 'glorot' \(known: he, scaled, xavier\)>
%! dlfp.initialize_parameters ([2, 1], "glorot", 1);
%!error <Invalid call> dlfp.initialize_parameters ()
