## -*- texinfo -*-
## @deftypefn  {} {@var{grads} =} dlfp.backward_propagation (@var{AL}, @var{Y}, @var{caches}, @var{params}, @var{activations})
## @deftypefnx {} {@var{grads} =} dlfp.backward_propagation (@dots{}, @var{lambd}, @var{keep_prob})
## dZ_L = A_L - Y ; dW_l = dZ_l A_(l-1)' / m + (lambda / m) W_l ; db_l = sum(dZ_l, 2) / m.
##
## Going down, dA_(l-1) = W_l' dZ_l, times D_(l-1) / keep_prob where dropout masked the
## layer, and dZ_(l-1) = dA_(l-1) .* g'(Z_(l-1)). The output dZ_L = A_L - Y holds for
## sigmoid with binary and softmax with categorical cross-entropy alike. @var{caches}
## comes from @code{forward_propagation} or @code{forward_propagation_dropout};
## @var{lambd} is the L2 strength (default 0: none) and @var{keep_prob} the keep
## probability the masks in @var{caches} were drawn with (default 1). @var{grads} is a
## struct with fields dW1, db1, @dots{}, dWL, dbL in that order.
## @end deftypefn

function grads = backward_propagation (AL, Y, caches, params, activations, lambd = 0,
                                       keep_prob = 1)
  if (nargin < 5)
    print_usage ();
  endif
  L = numel (caches);
  ## looked up from the top hidden layer down, the order the gradients meet them in
  g_prime(L - 1:-1:1) = dlfp.internal.lookup_layers (dlfp.derivatives (),
                                                     activations(L - 1:-1:1),
                                                     "hidden activation",
                                                     "backward_propagation");
  [P, names] = dlfp.internal.layer_cells (params, L);
  G = dlfp.internal.backward_layers (AL, Y, caches, P, g_prime, lambd, keep_prob);
  grads = cell2struct (G(:), strcat ("d", names), 1);  # dW1, db1, ..., dWL, dbL
endfunction

%!test
%! ## softmax cross-entropy: dZ = p - y; with x = 1 and m = 1, dW1 = dZ and db1 = dZ
%! p = [0.1; 0.7; 0.2];
%! caches = {struct("A_prev", 1, "Z", log (p), "A", p)};
%! g = dlfp.backward_propagation (p, [0; 1; 0], caches, struct ("W1", log (p), "b1", [0; 0; 0]),
%!                                {"softmax"});
%! assert (fieldnames (g), {"dW1"; "db1"});
%! assert (g.dW1, [0.1; -0.3; 0.2], 1e-15);
%! assert (g.db1, [0.1; -0.3; 0.2], 1e-15);
%!test
%! ## L2 by hand: W = [1, 2], lambda 0.5, m = 2 adds (0.5 / 2) * W = [0.25, 0.5] to dW
%! ## and nothing to db
%! p = struct ("W1", [1, 2], "b1", 3);
%! X = [1, 0; 0, 1];
%! [AL, caches] = dlfp.forward_propagation (X, p, {"sigmoid"});
%! plain = dlfp.backward_propagation (AL, [1, 0], caches, p, {"sigmoid"});
%! reg = dlfp.backward_propagation (AL, [1, 0], caches, p, {"sigmoid"}, 0.5);
%! assert (reg.dW1 - plain.dW1, [0.25, 0.5], 1e-15);
%! assert (reg.db1, plain.db1);
%!test
%! ## centered finite differences of the cost (+ L2 penalty) against every gradient entry
%! rng = dlfp.rng_create (4);
%! [X, rng] = dlfp.rng_normal (rng, 3 * 5);
%! X = reshape (X, 3, 5);
%! for lambd = [0, 0.7]
%!   for acts = {{"tanh", "relu", "sigmoid"}, {"sigmoid", "tanh", "softmax"}}
%!     a = acts{1};
%!     n_out = 1 + 2 * strcmp (a{end}, "softmax");
%!     sizes = [3, 4, 3, n_out];
%!     [p, rng] = dlfp.initialize_parameters (sizes, "xavier", rng);
%!     if (strcmp (a{end}, "softmax"))
%!       Y = double ((0:2)' == [0, 2, 1, 1, 0]);
%!     else
%!       Y = [1, 0, 0, 1, 1];
%!     endif
%!     J = @(q) dlfp.compute_cost (nthargout (2, @dlfp.forward_propagation, X, q, a){end}.Z,
%!                                 Y, a{end}) + dlfp.l2_penalty (q, lambd, 5);
%!     [AL, caches] = dlfp.forward_propagation (X, p, a);
%!     g = dlfp.backward_propagation (AL, Y, caches, p, a, lambd);
%!     keys = fieldnames (p);
%!     h = 1e-6;
%!     for k = 1:numel (keys)
%!       key = keys{k};
%!       num = zeros (size (p.(key)));
%!       for i = 1:numel (num)
%!         pp = p;
%!         pp.(key)(i) += h;
%!         pm = p;
%!         pm.(key)(i) -= h;
%!         num(i) = (J (pp) - J (pm)) / (2 * h);
%!       endfor
%!       ana = g.(["d" key]);
%!       assert (norm (ana(:) - num(:)) / max (norm (ana(:) + num(:)), 1e-12) < 1e-6, key);
%!     endfor
%!   endfor
%! endfor
%!test
%! ## dropout: finite differences with the masks held fixed by re-seeding the stream
%! p = dlfp.initialize_parameters ([3, 4, 1], "xavier", dlfp.rng_create (2));
%! X = reshape (linspace (-1, 1, 15), 5, 3)';  # numpy's linspace(-1, 1, 15).reshape(3, 5)
%! Y = [1, 0, 1, 0, 1];
%! a = {"tanh", "sigmoid"};
%! J = @(q) dlfp.compute_cost (nthargout (2, @dlfp.forward_propagation_dropout, X, q, a, 0.7,
%!                                        dlfp.rng_create (4)){end}.Z, Y, "sigmoid");
%! [AL, caches] = dlfp.forward_propagation_dropout (X, p, a, 0.7, dlfp.rng_create (4));
%! assert (any (caches{1}.D(:) == 0) && any (caches{1}.D(:) == 1));  # some units dropped
%! g = dlfp.backward_propagation (AL, Y, caches, p, a, 0, 0.7);
%! h = 1e-6;
%! for key = {"W1", "b1", "W2", "b2"}
%!   num = zeros (size (p.(key{1})));
%!   for i = 1:numel (num)
%!     pp = p;
%!     pp.(key{1})(i) += h;
%!     pm = p;
%!     pm.(key{1})(i) -= h;
%!     num(i) = (J (pp) - J (pm)) / (2 * h);
%!   endfor
%!   ana = g.(["d" key{1}]);
%!   assert (norm (ana(:) - num(:)) / (norm (ana(:)) + norm (num(:))) < 1e-8, key{1});
%! endfor
%!error <dlfp: backward_propagation: unknown hidden activation 'softmax' \(known: relu, sigmoid, tanh\)>
%! c = {struct("A_prev", 1, "Z", 1, "A", 1), struct("A_prev", 1, "Z", 1, "A", 1)};
%! dlfp.backward_propagation (1, 1, c, struct ("W1", 1, "b1", 0, "W2", 1, "b2", 0),
%!                            {"softmax", "sigmoid"});
%!error <Invalid call> dlfp.backward_propagation ()
