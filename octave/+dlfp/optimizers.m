## -*- texinfo -*-
## @deftypefn {} {@var{table} =} dlfp.optimizers ()
## OPTIMIZERS: name -> [params, state] = update(params, grads, state, learning_rate, settings, t).
##
## Python's @code{OPTIMIZERS} (adam, gd, momentum, rmsprop). Every update takes and gives
## back the optimizer state (from @code{initialize_optimizer}); @var{t} counts updates from
## 1 and @var{settings} supplies beta, beta1, beta2 and epsilon.
## @end deftypefn

function table = optimizers ()
  persistent t;
  if (isempty (t))
    t = struct ("gd", @dlfp.update_parameters_gd, "momentum", @dlfp.update_parameters_momentum,
                "rmsprop", @dlfp.update_parameters_rmsprop, "adam", @dlfp.update_parameters_adam);
  endif
  table = t;
endfunction

%!test
%! t = dlfp.optimizers ();
%! assert (sort (fieldnames (t)), {"adam"; "gd"; "momentum"; "rmsprop"});
%! [q, st] = t.gd (struct ("W1", 1), struct ("dW1", 1), struct ("v", 0, "s", 0), 0.5, struct (), 1);
%! assert (q.W1, 0.5);
%! assert (st, struct ("v", 0, "s", 0));
%!error <called with too many inputs> dlfp.optimizers (1)
