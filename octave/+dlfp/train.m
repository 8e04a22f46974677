## -*- texinfo -*-
## @deftypefn  {} {[@var{params}, @var{loss_curve}] =} train (@var{X}, @var{Y}, @var{params}, @var{activations}, @var{learning_rate}, @var{epochs}, @var{record_every})
## @deftypefnx {} {[@var{params}, @var{loss_curve}] =} train (@dots{}, @var{optimizer}, @var{verbose})
## params = params - lr * dJ/dparams, repeated for epochs full-batch steps.
##
## The loss curve holds [e, J_e] for each 0-based epoch e with mod(e, record_every) == 0
## and for the last epoch, J_e being the cost of epoch e's forward pass, before its
## update: an n x 2 matrix. @var{optimizer} is a name in @code{dlfp.optimizers ()}
## (default "gd"); @var{verbose} (default false) prints each recorded cost. The
## @var{params} passed in are not changed.
## @end deftypefn

function [params, loss_curve] = train (X, Y, params, activations, learning_rate, epochs,
                                       record_every, optimizer = "gd", verbose = false)
  update = dlfp.internal.lookup_name (dlfp.optimizers (), optimizer, "optimizer", "train");
  loss_curve = zeros (numel (unique ([0:record_every:epochs - 1, epochs - 1])), 2);
  r = 0;
  for e = 0:epochs - 1
    [AL, caches] = dlfp.forward_propagation (X, params, activations);
    if (mod (e, record_every) == 0 || e == epochs - 1)
      r += 1;
      loss_curve(r, :) = [e, dlfp.compute_cost(caches{end}.Z, Y, activations{end})];
      if (verbose)
        printf ("epoch %d: cost %.6f\n", e, loss_curve(r, 2));
        fflush (stdout);
      endif
    endif
    grads = dlfp.backward_propagation (AL, Y, caches, params, activations);
    params = update (params, grads, learning_rate);
  endfor
  loss_curve = loss_curve(1:r, :);  # no rows at all when epochs is 0, as in Python
endfunction

%!test
%! ## one sigmoid unit, w = b = 0 at the start: J_0 = log 2, and the first step is
%! ## dW = (0.5 - y) x' / m = -0.5 * 1 / 1, so w = 0 + 1 * 0.5 with lr = 1
%! p = struct ("W1", 0, "b1", 0);
%! [q, curve] = dlfp.train (1, 1, p, {"sigmoid"}, 1, 1, 10);
%! assert (curve, [0, log(2)], 1e-15);
%! assert (q.W1, 0.5, 1e-15);
%! assert (q.b1, 0.5, 1e-15);
%! assert (p.W1, 0);
%!test
%! p = struct ("W1", 0, "b1", 0);
%! [~, curve] = dlfp.train ([1, -1], [1, 0], p, {"sigmoid"}, 0.5, 7, 3);
%! assert (curve(:, 1), [0; 3; 6]);
%! assert (all (diff (curve(:, 2)) < 0));
%! [~, curve] = dlfp.train ([1, -1], [1, 0], p, {"sigmoid"}, 0.5, 8, 3);
%! assert (curve(:, 1), [0; 3; 6; 7]);
%!test
%! out = evalc ('dlfp.train (1, 1, struct ("W1", 0, "b1", 0), {"sigmoid"}, 1, 2, 1, "gd", true);');
%! assert (out, sprintf ("epoch 0: cost 0.693147\nepoch 1: cost %.6f\n", log1p (exp (-1))));
%!test
%! [q, curve] = dlfp.train (1, 1, struct ("W1", 2, "b1", 0), {"sigmoid"}, 1, 0, 10);
%! assert (size (curve), [0, 2]);
%! assert (q.W1, 2);
%!error <dlfp: train: unknown optimizer 'adam' \(known: gd\)>
%! dlfp.train (1, 1, struct ("W1", 0, "b1", 0), {"sigmoid"}, 1, 2, 1, "adam");
