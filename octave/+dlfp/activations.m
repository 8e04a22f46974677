## -*- texinfo -*-
## @deftypefn {} {@var{table} =} dlfp.activations ()
## ACTIVATIONS: name -> A = g(Z) (sigmoid, tanh, relu, softmax).
##
## Python's @code{ACTIVATIONS}: a struct of function handles, looked up by name.
## @end deftypefn

function table = activations ()
  persistent t;  # built once: the training loop looks names up every epoch
  if (isempty (t))
    t = struct ("sigmoid", @dlfp.sigmoid_forward, "tanh", @dlfp.tanh_forward,
                "relu", @dlfp.relu_forward, "softmax", @dlfp.softmax_forward);
  endif
  table = t;
endfunction

%!test
%! t = dlfp.activations ();
%! assert (fieldnames (t), {"sigmoid"; "tanh"; "relu"; "softmax"});
%! assert (t.relu (-1), 0);
%! assert (t.sigmoid (0), 0.5);
%!error <called with too many inputs> dlfp.activations (1)
