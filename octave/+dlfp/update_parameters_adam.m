## -*- texinfo -*-
## @deftypefn {} {[@var{params}, @var{state}] =} dlfp.update_parameters_adam (@var{params}, @var{grads}, @var{state}, @var{learning_rate}, @var{settings}, @var{t})
## v = beta1 v + (1 - beta1) g ; s = beta2 s + (1 - beta2) g.^2 ; p = p - lr * (v / (1 - beta1^t)) ./ (sqrt(s / (1 - beta2^t)) + epsilon).
##
## @var{settings} supplies beta1, beta2 and epsilon; @var{t} counts updates from 1 (the
## bias corrections). Each parameter is updated exactly once per step (the book's Python
## Adam updated the output layer once per hidden layer).
## @end deftypefn

function [params, state] = update_parameters_adam (params, grads, state, learning_rate,
                                                   settings, t)
  if (nargin < 6)
    print_usage ();
  endif
  ## the equations live in dlfp.internal.step_adam, the step dlfp.train takes
  [params, state] = dlfp.internal.functional_step (@dlfp.internal.step_adam, params, grads,
                                                   state, learning_rate, settings, t);
endfunction

%!shared hp
%! hp = struct ("beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8);
%!test
%! ## with bias correction, step 1 is lr * g / (|g| + eps): about lr whatever |g| is
%! for g = [2, -0.003]
%!   p0 = struct ("W1", 1);
%!   [p, st] = dlfp.update_parameters_adam (p0, struct ("dW1", g), dlfp.initialize_optimizer (p0),
%!                                          0.01, hp, 1);
%!   assert (p.W1, 1 - 0.01 * sign (g), 1e-7);
%!   assert (st.v.W1, 0.1 * g, 1e-15 * abs (g));
%!   assert (st.s.W1, 0.001 * g * g, 1e-15 * g * g);
%! endfor
%!test
%! ## step 2 by hand: v = 0.9 * 0.2 + 0.1 = 0.28, s = 0.999 * 0.004 + 0.001 = 0.004996,
%! ## p = 1 - 0.01 * (0.28 / 0.19) / (sqrt(0.004996 / 0.001999) + 1e-8)
%! st = struct ("v", struct ("W1", 0.2), "s", struct ("W1", 0.004));
%! [p, st] = dlfp.update_parameters_adam (struct ("W1", 1), struct ("dW1", 1), st, 0.01, hp, 2);
%! assert (st.v.W1, 0.28, 1e-15);
%! assert (st.s.W1, 0.004996, 1e-15);
%! assert (p.W1, 1 - 0.01 * (0.28 / 0.19) / (sqrt (0.004996 / 0.001999) + 1e-8), 1e-14);
%!test
%! ## the in-place arithmetic gives the equation's numbers bit for bit
%! z = dlfp.rng_normal (dlfp.rng_create (5), 3 * 40);
%! p = struct ("W1", reshape (z(1:40), 4, 10), "b1", z(41:44)');
%! g = struct ("dW1", reshape (z(45:84), 4, 10) * 0.01, "db1", z(85:88)');
%! st = struct ("v", struct ("W1", reshape (z(81:120), 4, 10) * 1e-3, "b1", z(1:4)' * 1e-3),
%!              "s", struct ("W1", reshape (z(1:40), 4, 10) .^ 2 * 1e-4, "b1", z(5:8)' .^ 2));
%! [q, st2] = dlfp.update_parameters_adam (p, g, st, 0.003, hp, 7);
%! for k = {"W1", "b1"}
%!   v = 0.9 * st.v.(k{1}) + (1 - 0.9) * g.(["d" k{1}]);
%!   s = 0.999 * st.s.(k{1}) + (1 - 0.999) * (g.(["d" k{1}]) .* g.(["d" k{1}]));
%!   want = p.(k{1}) - 0.003 * (v / (1 - 0.9 ^ 7)) ./ (sqrt (s / (1 - 0.999 ^ 7)) + 1e-8);
%!   assert (isequal (st2.v.(k{1}), v) && isequal (st2.s.(k{1}), s), k{1});
%!   assert (isequal (q.(k{1}), want), k{1});
%! endfor
%!test
%! ## every optimizer leaves its inputs alone and gives back the same fields
%! p0 = struct ("W1", [1, 2], "b1", 3);
%! g = struct ("dW1", [2, 2], "db1", 2);
%! st0 = dlfp.initialize_optimizer (p0);
%! t = dlfp.optimizers ();
%! for name = fieldnames (t)'
%!   [p, st] = t.(name{1}) (p0, g, st0, 0.1, struct ("beta", 0.9, "beta1", 0.9, "beta2", 0.999,
%!                                                   "epsilon", 1e-8), 1);
%!   assert (p0.W1, [1, 2]);
%!   assert (st0.v.W1, [0, 0]);
%!   assert (fieldnames (p), {"W1"; "b1"}, name{1});
%!   assert (fieldnames (st), {"v"; "s"}, name{1});
%!   assert (all (p.W1 < [1, 2]), name{1});
%! endfor
%!error <Invalid call> dlfp.update_parameters_adam ()
