## -*- texinfo -*-
## @deftypefn {} {[@var{params}, @var{state}] =} dlfp.update_parameters_rmsprop (@var{params}, @var{grads}, @var{state}, @var{learning_rate}, @var{settings}, @var{t})
## s = beta * s + (1 - beta) * g.^2 ;  p = p - lr * g ./ (sqrt(s) + epsilon).
##
## @var{settings}.beta and @var{settings}.epsilon; @var{state}.s is the running average of
## the squared gradients (@var{state}.v passes through); @var{t} is not used.
## @end deftypefn

function [params, state] = update_parameters_rmsprop (params, grads, state, learning_rate,
                                                      settings, t)
  if (nargin < 6)
    print_usage ();
  endif
  ## the equations live in dlfp.internal.step_rmsprop, the step dlfp.train takes
  [params, state] = dlfp.internal.functional_step (@dlfp.internal.step_rmsprop, params, grads,
                                                   state, learning_rate, settings, t);
endfunction

%!test
%! ## by hand: p = 1, g = 2, lr 0.1, beta 0.9: s = 0.1 * 4 = 0.4,
%! ## p = 1 - 0.1 * 2 / (sqrt(0.4) + 1e-8) = 0.683772...
%! p0 = struct ("W1", 1);
%! st0 = dlfp.initialize_optimizer (p0);
%! [p, st] = dlfp.update_parameters_rmsprop (p0, struct ("dW1", 2), st0, 0.1,
%!                                           struct ("beta", 0.9, "epsilon", 1e-8), 1);
%! assert (st.s.W1, 0.4, 1e-15);
%! assert (p.W1, 1 - 0.2 / (sqrt (0.4) + 1e-8), 1e-15);
%! assert (p.W1, 0.6837722, 1e-7);
%! assert (st.v, st0.v);
%!test
%! ## the in-place arithmetic gives the equation's numbers bit for bit
%! z = dlfp.rng_normal (dlfp.rng_create (6), 120);
%! p = struct ("W1", reshape (z(1:40), 4, 10));
%! g = struct ("dW1", reshape (z(41:80), 4, 10) * 0.1);
%! st = struct ("v", struct ("W1", 0), "s", struct ("W1", reshape (z(81:120), 4, 10) .^ 2));
%! [q, st2] = dlfp.update_parameters_rmsprop (p, g, st, 0.01, struct ("beta", 0.9, "epsilon", 1e-8), 3);
%! s = 0.9 * st.s.W1 + (1 - 0.9) * (g.dW1 .* g.dW1);
%! assert (isequal (st2.s.W1, s));
%! assert (isequal (q.W1, p.W1 - 0.01 * g.dW1 ./ (sqrt (s) + 1e-8)));
%!error <Invalid call> dlfp.update_parameters_rmsprop ()
