## -*- texinfo -*-
## @deftypefn {} {[@var{AL}, @var{caches}] =} dlfp.forward_propagation (@var{X}, @var{params}, @var{activations})
## A_l = g_l(W_l * A_(l-1) + b_l) for l = 1..L, with A_0 = X.
##
## @var{X} is n_0 x m; @var{params} has W1, b1, @dots{}, WL, bL; @var{activations} is a
## cell of names, one per layer after the input (fields of @code{dlfp.activations ()}).
## @var{AL} is n_L x m; @var{caches} is a 1 x L cell of structs with fields A_prev, Z, A.
## This is @code{forward_propagation_dropout} with keep_prob 1: no masks, no random draws.
## @end deftypefn

function [AL, caches] = forward_propagation (X, params, activations)
  if (nargin < 3)
    print_usage ();
  endif
  [AL, caches] = dlfp.forward_propagation_dropout (X, params, activations, 1, []);
endfunction

%!test
%! ## the book's hand-worked net: x = [0; 1], weights 1, biases 0, 2 sigmoid hidden units
%! p = struct ("W1", ones (2, 2), "b1", zeros (2, 1), "W2", ones (1, 2), "b2", 0);
%! [AL, caches] = dlfp.forward_propagation ([0; 1], p, {"sigmoid", "sigmoid"});
%! assert (caches{1}.A, [0.7310585786300049; 0.7310585786300049], 1e-15);  # 0.731
%! assert (AL, 0.8118562749129378, 1e-9);  # sigmoid(2 * 0.7310585786300049) = 0.812
%! assert (caches{2}.A_prev, caches{1}.A);
%! assert (caches{1}.A_prev, [0; 1]);
%! assert (caches{2}.Z, 2 * 0.7310585786300049, 1e-15);
%! assert (fieldnames (caches{1}), {"A_prev"; "Z"; "A"});
%!test
%! p = struct ("W1", [1, -1; 2, 0], "b1", [0; -1], "W2", [1, 1; 0, 1; -1, 0], "b2", [0; 0; 0]);
%! [AL, caches] = dlfp.forward_propagation ([1, 0; 2, 3], p, {"relu", "softmax"});
%! assert (caches{1}.Z, [-1, -3; 1, -1]);
%! assert (caches{1}.A, [0, 0; 1, 0]);
%! assert (size (AL), [3, 2]);
%! assert (sum (AL, 1), [1, 1], 1e-15);
%!error <dlfp: forward_propagation: unknown activation 'swish' \(known: relu, sigmoid, softmax, tanh\)>
%! dlfp.forward_propagation (1, struct ("W1", 1, "b1", 0), {"swish"});
%!error <Invalid call> dlfp.forward_propagation ()
