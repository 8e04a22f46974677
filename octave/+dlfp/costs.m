## -*- texinfo -*-
## @deftypefn {} {@var{table} =} dlfp.costs ()
## COSTS: output activation -> J = cost(ZL, Y) (sigmoid: binary, softmax: categorical).
##
## Python's @code{COSTS}, keyed by the output layer's activation; each computes from logits.
## @end deftypefn

function table = costs ()
  persistent t;
  if (isempty (t))
    t = struct ("sigmoid", @dlfp.binary_cross_entropy,
                "softmax", @dlfp.categorical_cross_entropy);
  endif
  table = t;
endfunction

%!test
%! t = dlfp.costs ();
%! assert (fieldnames (t), {"sigmoid"; "softmax"});
%! assert (t.sigmoid (0, 1), log (2), 1e-15);
%!error <called with too many inputs> dlfp.costs (1)
