## -*- texinfo -*-
## @deftypefn {} {@var{table} =} optimizers ()
## OPTIMIZERS: name -> params = step(params, grads, learning_rate) (gd).
##
## Python's @code{OPTIMIZERS}.
## @end deftypefn

function table = optimizers ()
  persistent t;
  if (isempty (t))
    t = struct ("gd", @dlfp.update_parameters);
  endif
  table = t;
endfunction

%!test
%! t = dlfp.optimizers ();
%! assert (fieldnames (t), {"gd"});
%! q = t.gd (struct ("W1", 1), struct ("dW1", 1), 0.5);
%! assert (q.W1, 0.5);
