## -*- texinfo -*-
## @deftypefn {} {[@var{params}, @var{state}] =} dlfp.update_parameters_momentum (@var{params}, @var{grads}, @var{state}, @var{learning_rate}, @var{settings}, @var{t})
## v = beta * v + (1 - beta) * g ;  p = p - lr * v.
##
## @var{settings}.beta is the averaging factor; @var{state}.v the running average of the
## gradients (@var{state}.s passes through); @var{t} is not used.
## @end deftypefn

function [params, state] = update_parameters_momentum (params, grads, state, learning_rate,
                                                       settings, t)
  if (nargin < 6)
    print_usage ();
  endif
  ## the equations live in dlfp.internal.step_momentum, the step dlfp.train takes
  [params, state] = dlfp.internal.functional_step (@dlfp.internal.step_momentum, params, grads,
                                                   state, learning_rate, settings, t);
endfunction

%!test
%! ## by hand: p = 1, g = 2, lr 0.1, beta 0.9: v = 0.9 * 0 + 0.1 * 2 = 0.2, p = 1 - 0.1 * 0.2
%! p0 = struct ("W1", 1);
%! st0 = dlfp.initialize_optimizer (p0);
%! [p, st] = dlfp.update_parameters_momentum (p0, struct ("dW1", 2), st0, 0.1,
%!                                            struct ("beta", 0.9), 1);
%! assert (st.v.W1, 0.2, 1e-15);
%! assert (p.W1, 0.98, 1e-15);
%! assert (st.s, st0.s);
%! ## a second step with g = 0 coasts on the velocity: v = 0.18, p = 0.98 - 0.018
%! [p, st] = dlfp.update_parameters_momentum (p, struct ("dW1", 0), st, 0.1,
%!                                            struct ("beta", 0.9), 2);
%! assert (st.v.W1, 0.18, 1e-15);
%! assert (p.W1, 0.962, 1e-15);
%!error <Invalid call> dlfp.update_parameters_momentum ()
