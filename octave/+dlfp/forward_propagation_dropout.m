## -*- texinfo -*-
## @deftypefn {} {[@var{AL}, @var{caches}, @var{rng}] =} dlfp.forward_propagation_dropout (@var{X}, @var{params}, @var{activations}, @var{keep_prob}, @var{rng})
## A_l = g_l(W_l * A_(l-1) + b_l) .* D_l / keep_prob on hidden layers, D_l = (u < keep_prob).
##
## Inverted dropout: each hidden layer's mask is drawn from the shared stream (n_l * m
## uniforms, filled column by column), never on the input or the output layer. With
## @var{keep_prob} = 1 no mask is drawn and @var{rng} is untouched (it may then be []).
## @var{X} is n_0 x m; @var{params} has W1, b1, @dots{}, WL, bL; @var{activations} is a
## cell of names, one per layer after the input. @var{caches} is a 1 x L cell of structs
## with fields A_prev, Z, A (= g(Z), before dropout) and, on a masked layer, D (n_l x m,
## doubles 0/1).
## @end deftypefn

function [AL, caches, rng] = forward_propagation_dropout (X, params, activations, keep_prob, rng)
  if (nargin < 5)
    print_usage ();
  endif
  g = dlfp.internal.lookup_layers (dlfp.activations (), activations, "activation",
                                   "forward_propagation");
  [AL, caches, rng] = dlfp.internal.forward_layers (X,
                                                    dlfp.internal.layer_cells (params, numel (g)),
                                                    g, keep_prob, rng);
endfunction

%!test
%! ## the masks come from the stream, layer by layer, each filled column by column
%! p = dlfp.initialize_parameters ([3, 4, 5, 2], "he", dlfp.rng_create (1));
%! X = ones (3, 6);
%! [AL, caches, rng] = dlfp.forward_propagation_dropout (X, p, {"relu", "tanh", "softmax"},
%!                                                       0.5, dlfp.rng_create (9));
%! [u, rng2] = dlfp.rng_uniform (dlfp.rng_create (9), 4 * 6 + 5 * 6);
%! assert (caches{1}.D, double (reshape (u(1:24), 4, 6) < 0.5));
%! assert (caches{2}.D, double (reshape (u(25:end), 5, 6) < 0.5));
%! assert (! isfield (caches{3}, "D"));
%! assert (rng, rng2);
%! ## inverted dropout: the next layer sees A .* D / keep_prob; A stays g(Z)
%! assert (caches{2}.A_prev, caches{1}.A .* caches{1}.D * 2);
%! assert (caches{1}.A, max (caches{1}.Z, 0));
%! assert (sum (AL, 1), ones (1, 6), 1e-15);
%!test
%! ## keep_prob 1: no masks, the stream untouched, the same as forward_propagation
%! p = struct ("W1", ones (2, 2), "b1", zeros (2, 1), "W2", ones (1, 2), "b2", 0);
%! [AL, caches, rng] = dlfp.forward_propagation_dropout ([0; 1], p, {"sigmoid", "sigmoid"}, 1, 5);
%! assert (rng, 5);
%! assert (! isfield (caches{1}, "D"));
%! assert (AL, 0.8118562749129378, 1e-9);  # sigmoid(2 * 0.7310585786300049) = 0.812
%!test
%! ## by hand: seed 0 gives x_0 = 1, u = [48271, 182605794] / (2^31 - 1) = [2.2e-5, 0.085],
%! ## so keep_prob 0.05 keeps unit 1 and drops unit 2; with both hidden A = 1 the output
%! ## layer sees [1; 0] / 0.05 = [20; 0], and Z2 = [1, 1] * [20; 0] = 20
%! p = struct ("W1", [0; 0], "b1", [100; 100], "W2", [1, 1], "b2", 0);
%! [~, caches, rng] = dlfp.forward_propagation_dropout (0, p, {"sigmoid", "sigmoid"}, 0.05,
%!                                                     dlfp.rng_create (0));
%! assert (caches{1}.A, [1; 1]);
%! assert (caches{1}.D, [1; 0]);
%! assert (caches{2}.A_prev, [20; 0]);
%! assert (caches{2}.Z, 20);
%! assert (rng, 182605794);
%!error <dlfp: forward_propagation: unknown activation 'swish' \(known: relu, sigmoid, softmax, tanh\)>
%! dlfp.forward_propagation_dropout (1, struct ("W1", 1, "b1", 0), {"swish"}, 1, []);
%!error <Invalid call> dlfp.forward_propagation_dropout ()
