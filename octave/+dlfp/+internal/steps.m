## -*- texinfo -*-
## @deftypefn {} {@var{table} =} steps ()
## STEPS: name -> [P, V, S] = step(P, G, V, S, learning_rate, settings, t), on cells.
##
## The optimizers' equations as @code{dlfp.train} runs them (Python's @code{STEPS}, the
## same names as @code{dlfp.optimizers ()}): on the parameters, gradients and running
## averages as cells aligned with each other (@code{layer_cells}), which the training loop
## keeps from step to step, instead of structs whose fields are named at every step.
## The public updates run the same steps on their structs (@code{functional_step}), except
## gd, which is @code{dlfp.update_parameters}: p - lr * g either way.
## @end deftypefn

function table = steps ()
  persistent t;
  if (isempty (t))
    t = struct ("gd", @dlfp.internal.step_gd, "momentum", @dlfp.internal.step_momentum,
                "rmsprop", @dlfp.internal.step_rmsprop, "adam", @dlfp.internal.step_adam);
  endif
  table = t;
endfunction

%!assert (sort (fieldnames (dlfp.internal.steps ())), sort (fieldnames (dlfp.optimizers ())))
%!test
%! ## each step and its public update agree bit for bit: the public ones lay their structs
%! ## out as cells and back (gd: update_parameters, its own code)
%! z = dlfp.rng_normal (dlfp.rng_create (5), 3 * 40);
%! p = struct ("W1", reshape (z(1:40), 4, 10), "b1", z(41:44)');
%! g = struct ("dW1", reshape (z(45:84), 4, 10) * 0.01, "db1", z(85:88)');
%! st = struct ("v", struct ("W1", reshape (z(81:120), 4, 10) * 1e-3, "b1", z(1:4)' * 1e-3),
%!              "s", struct ("W1", reshape (z(1:40), 4, 10) .^ 2 * 1e-4, "b1", z(5:8)' .^ 2));
%! hp = struct ("beta", 0.8, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8);
%! steps = dlfp.internal.steps ();
%! updates = dlfp.optimizers ();
%! for name = fieldnames (steps)'
%!   [q, st2] = updates.(name{1}) (p, g, st, 0.003, hp, 7);
%!   [P, V, S] = steps.(name{1}) ({p.W1; p.b1}, {g.dW1; g.db1}, {st.v.W1; st.v.b1},
%!                                {st.s.W1; st.s.b1}, 0.003, hp, 7);
%!   assert (isequal (P, {q.W1; q.b1}), name{1});
%!   assert (isequal (V, {st2.v.W1; st2.v.b1}), name{1});
%!   assert (isequal (S, {st2.s.W1; st2.s.b1}), name{1});
%! endfor
