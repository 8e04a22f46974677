## -*- texinfo -*-
## @deftypefn {} {@var{grads} =} backward_propagation (@var{AL}, @var{Y}, @var{caches}, @var{params}, @var{activations})
## dZ_L = A_L - Y ; dW_l = dZ_l A_(l-1)' / m ; db_l = sum(dZ_l, 2) / m ; dZ_(l-1) = g'(W_l' dZ_l).
##
## The output dZ_L = A_L - Y holds for sigmoid with binary and softmax with categorical
## cross-entropy alike. @var{caches} comes from @code{forward_propagation}; @var{grads} is
## a struct with fields dW1, db1, @dots{}, dWL, dbL in that order.
## @end deftypefn

function grads = backward_propagation (AL, Y, caches, params, activations)
  m = columns (AL);
  L = numel (caches);
  table = dlfp.derivatives ();
  ## fields made in forward order first, so grads reads dW1, db1, dW2, ... like params
  keys = [arrayfun(@(l) sprintf ("dW%d", l), 1:L, "UniformOutput", false);
          arrayfun(@(l) sprintf ("db%d", l), 1:L, "UniformOutput", false)];
  grads = cell2struct (cell (2 * L, 1), keys(:), 1);
  dZ = AL - Y;  # (n_L, m)
  for l = L:-1:1
    cache = caches{l};
    grads.(keys{1, l}) = dZ * cache.A_prev' / m;  # (n_l, n_(l-1))
    grads.(keys{2, l}) = sum (dZ, 2) / m;  # (n_l, 1)
    if (l > 1)
      dA = params.(sprintf ("W%d", l))' * dZ;  # (n_(l-1), m)
      below = caches{l - 1};
      g_prime = dlfp.internal.lookup_name (table, activations{l - 1}, "hidden activation",
                                           "backward_propagation");
      dZ = g_prime (dA, below.Z, below.A);
    endif
  endfor
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
%! ## centered finite differences of the cost against every gradient entry
%! rng = dlfp.rng_create (4);
%! [X, rng] = dlfp.rng_normal (rng, 3 * 5);
%! X = reshape (X, 3, 5);
%! for acts = {{"tanh", "relu", "sigmoid"}, {"sigmoid", "tanh", "softmax"}}
%!   a = acts{1};
%!   n_out = 1 + 2 * strcmp (a{end}, "softmax");
%!   sizes = [3, 4, 3, n_out];
%!   [p, rng] = dlfp.initialize_parameters (sizes, "xavier", rng);
%!   if (strcmp (a{end}, "softmax"))
%!     Y = double ((0:2)' == [0, 2, 1, 1, 0]);
%!   else
%!     Y = [1, 0, 0, 1, 1];
%!   endif
%!   [AL, caches] = dlfp.forward_propagation (X, p, a);
%!   g = dlfp.backward_propagation (AL, Y, caches, p, a);
%!   keys = fieldnames (p);
%!   h = 1e-6;
%!   for k = 1:numel (keys)
%!     key = keys{k};
%!     num = zeros (size (p.(key)));
%!     for i = 1:numel (num)
%!       pp = p;
%!       pp.(key)(i) += h;
%!       pm = p;
%!       pm.(key)(i) -= h;
%!       [~, cp] = dlfp.forward_propagation (X, pp, a);
%!       [~, cm] = dlfp.forward_propagation (X, pm, a);
%!       num(i) = (dlfp.compute_cost (cp{end}.Z, Y, a{end})
%!                 - dlfp.compute_cost (cm{end}.Z, Y, a{end})) / (2 * h);
%!     endfor
%!     ana = g.(["d" key]);
%!     assert (norm (ana(:) - num(:)) / max (norm (ana(:) + num(:)), 1e-12) < 1e-6, key);
%!   endfor
%! endfor
%!error <dlfp: backward_propagation: unknown hidden activation 'softmax' \(known: relu, sigmoid, tanh\)>
%! c = {struct("A_prev", 1, "Z", 1, "A", 1), struct("A_prev", 1, "Z", 1, "A", 1)};
%! dlfp.backward_propagation (1, 1, c, struct ("W1", 1, "b1", 0, "W2", 1, "b2", 0),
%!                            {"softmax", "sigmoid"});
