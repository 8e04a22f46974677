## -*- texinfo -*-
## @deftypefn {} {@var{table} =} dlfp.derivatives ()
## DERIVATIVES: name -> dZ = g'(dA, Z, A) (sigmoid, tanh, relu).
##
## Python's @code{DERIVATIVES}. Softmax has no entry: it is only an output layer, whose
## dZ = A - Y comes from the cost.
## @end deftypefn

function table = derivatives ()
  persistent t;
  if (isempty (t))
    t = struct ("sigmoid", @dlfp.sigmoid_backward, "tanh", @dlfp.tanh_backward,
                "relu", @dlfp.relu_backward);
  endif
  table = t;
endfunction

%!test
%! t = dlfp.derivatives ();
%! assert (fieldnames (t), {"sigmoid"; "tanh"; "relu"});
%! assert (t.relu (3, 1, 1), 3);
%!error <called with too many inputs> dlfp.derivatives (1)
