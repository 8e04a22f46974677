## -*- texinfo -*-
## @deftypefn {} {@var{J} =} dlfp.compute_cost (@var{ZL}, @var{Y}, @var{output_activation})
## J = -1/m * sum(Y .* log(AL)) (cross-entropy of the output activation), from logits ZL.
##
## @var{ZL} is the output layer's pre-activation (n_L x m); @var{Y} the targets, 0/1 for
## a sigmoid output, one-hot for softmax; @var{output_activation} "sigmoid" (binary
## cross-entropy) or "softmax" (categorical cross-entropy).
## @end deftypefn

function J = compute_cost (ZL, Y, output_activation)
  if (nargin < 3)
    print_usage ();
  endif
  cost = dlfp.internal.lookup_name (dlfp.costs (), output_activation, "output activation",
                                    "compute_cost");
  J = cost (ZL, Y);
endfunction

%!assert (dlfp.compute_cost ([0, 0], [0, 1], "sigmoid"), log (2), 1e-15)
%!assert (dlfp.compute_cost (zeros (4, 1), [0; 0; 1; 0], "softmax"), log (4), 1e-15)
%!error <dlfp: compute_cost: unknown output activation 'tanh' \(known: sigmoid, softmax\)>
%! dlfp.compute_cost (0, 0, "tanh");
%!error <Invalid call> dlfp.compute_cost ()
