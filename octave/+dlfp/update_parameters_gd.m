## -*- texinfo -*-
## @deftypefn {} {[@var{params}, @var{state}] =} dlfp.update_parameters_gd (@var{params}, @var{grads}, @var{state}, @var{learning_rate}, @var{settings}, @var{t})
## p = p - lr * g.
##
## Plain gradient descent, @code{update_parameters} behind the signature every optimizer
## shares: @var{state} comes back unchanged; @var{settings} and @var{t} are not used.
## @end deftypefn

function [params, state] = update_parameters_gd (params, grads, state, learning_rate, settings, t)
  if (nargin < 6)
    print_usage ();
  endif
  params = dlfp.update_parameters (params, grads, learning_rate);
endfunction

%!test
%! st = dlfp.initialize_optimizer (struct ("W1", 1));
%! [p, st2] = dlfp.update_parameters_gd (struct ("W1", 1), struct ("dW1", 2), st, 0.1, struct (), 1);
%! assert (p.W1, 0.8, 1e-15);  # 1 - 0.1 * 2
%! assert (st2, st);
%!error <Invalid call> dlfp.update_parameters_gd ()
