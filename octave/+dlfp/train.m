## -*- texinfo -*-
## @deftypefn  {} {[@var{params}, @var{loss_curve}, @var{rng}, @var{snapshots}] =} dlfp.train (@var{X}, @var{Y}, @var{params}, @var{activations}, @var{settings}, @var{rng})
## @deftypefnx {} {[@var{params}, @var{loss_curve}, @var{rng}, @var{snapshots}] =} dlfp.train (@dots{}, @var{verbose})
## params = optimizer(params, dJ/dparams) over epochs of mini-batches; J = CE + L2 penalty.
##
## @var{settings} is a checked scenario: learning_rate, epochs, record_every,
## snapshot_every, optimizer (a name in @code{dlfp.optimizers ()}), beta, beta1, beta2,
## epsilon, batch_size, lambda, keep_prob and lr_decay. Each epoch with batch_size > 0
## shuffles the examples by @code{rng_permutation} and walks batches of batch_size (the
## last one smaller); batch_size 0 is one full batch, unshuffled. The loss curve (an n x 2
## matrix) holds [e, J_e] for each 0-based epoch e with mod(e, record_every) == 0 and for
## the last epoch, J_e being the mean of that epoch's batch costs (each from its forward
## pass, before its update) weighted by batch size. Random draws (shuffles, then each batch's
## dropout masks) continue the stream @var{rng}, whose state comes back. @var{verbose}
## (default false) prints each recorded cost. The @var{params} passed in are not changed;
## the ones that come back have the fields W1, b1, @dots{}, WL, bL in that order.
## With snapshot_every = k > 0, @var{snapshots} is a 1 x N cell of
## @code{struct ("epoch", e, "params", @var{params} then)}: the parameters at the start of
## each epoch e with mod(e, k) == 0 (epoch 0: the initial ones) and after the last epoch,
## as epoch @code{epochs}, in epoch order; @code{@{@}} when k is 0. snapshot_every is read
## only when @var{snapshots} is asked for: a caller that does not ask keeps no copies.
## A run that diverges stops at the first epoch whose cost or any parameter is NaN or Inf
## (checked every epoch, as @code{dlfp.internal.check_divergence} does), with @code{dlfp: train:
## diverged at epoch <e> (cost <c>): try a smaller learning_rate (now <lr>)}, and
## @code{ or lambda (now <lambda>)} when lambda is large enough to cause it too.
## @end deftypefn

function [params, loss_curve, rng, snapshots] = train (X, Y, params, activations, settings,
                                                       rng, verbose = false)
  if (nargin < 6)
    print_usage ();
  endif
  step = dlfp.internal.lookup_name (dlfp.internal.steps (), settings.optimizer, "optimizer",
                                    "train");
  lambd = settings.lambda;
  keep_prob = settings.keep_prob;
  epochs = settings.epochs;
  record_every = settings.record_every;
  batch_size = settings.batch_size;
  m = columns (X);
  ## Names are looked up once, here, in the order the first epoch meets them (with the errors
  ## learning_rate_at, forward_propagation_dropout, compute_cost and backward_propagation
  ## would give), and the step works on cells: P(:, l) = {W_l; b_l}, the gradients and the
  ## optimizer's v and s aligned with it. Small networks spend their time in the
  ## interpreter, not in the arithmetic: a lookup, a call or a field named at run time
  ## costs more than a 10 x 400 product.
  [schedule, decay_rate, decay_every] = dlfp.internal.lr_schedule (settings);
  L = numel (activations);
  g = dlfp.internal.lookup_layers (dlfp.activations (), activations, "activation",
                                   "forward_propagation");
  cost_of = dlfp.internal.lookup_name (dlfp.costs (), activations{end}, "output activation",
                                       "compute_cost");
  g_prime(L - 1:-1:1) = dlfp.internal.lookup_layers (dlfp.derivatives (),
                                                     activations(L - 1:-1:1),
                                                     "hidden activation",
                                                     "backward_propagation");
  [P, names] = dlfp.internal.layer_cells (params, L);
  params = cell2struct (P(:), names, 1);
  state = dlfp.initialize_optimizer (params);
  V = reshape (struct2cell (state.v), 2, L);  # aligned with P
  S = reshape (struct2cell (state.s), 2, L);
  t = 0;
  loss_curve = zeros (numel (unique ([0:record_every:epochs - 1, epochs - 1])), 2);
  r = 0;
  every = 0;
  if (nargout >= 4)
    every = settings.snapshot_every;
  endif
  snapshots = {};  # a cell, not a struct array: oct2py hands the harness a list
  if (every > 0)
    snapshots = cell (1, numel (0:every:epochs - 1) + 1);
  endif
  n = 0;
  for e = 0:epochs - 1
    if (every > 0 && mod (e, every) == 0)
      n += 1;
      snapshots{n} = struct ("epoch", e, "params", cell2struct (P(:), names, 1));
    endif
    lr = schedule (settings.learning_rate, e, decay_rate, decay_every);  # learning_rate_at
    if (batch_size == 0)
      starts = 1;
    else
      [perm, rng] = dlfp.rng_permutation (rng, m);
      starts = 1:batch_size:m;
    endif
    record = mod (e, record_every) == 0 || e == epochs - 1;
    total = 0;
    for i = starts
      if (batch_size == 0)
        Xb = X;  # no copy: all examples, in order
        Yb = Y;
      else
        idx = perm(i:min (i + batch_size - 1, m));
        Xb = X(:, idx);
        Yb = Y(:, idx);
      endif
      [AL, caches, rng] = dlfp.internal.forward_layers (Xb, P, g, keep_prob, rng);
      if (record)
        ## compute_cost and l2_penalty, with the cost function looked up above
        mb = columns (Xb);
        cost = cost_of (caches{end}.Z, Yb) ...
               + dlfp.l2_penalty (cell2struct (P(:), names, 1), lambd, mb);
        total += cost * mb;
      endif
      G = dlfp.internal.backward_layers (AL, Yb, caches, P, g_prime, lambd, keep_prob);
      t += 1;
      [P, V, S] = step (P, G, V, S, lr, settings, t);
    endfor
    cost = [];  # not recorded: check_divergence works out J itself if it must
    if (record)
      r += 1;
      loss_curve(r, :) = [e, total / m];
      cost = loss_curve(r, 2);
    endif
    ## check_divergence's own first test, on the cells: it runs after every epoch
    if (! (dlfp.internal.all_finite (P) && (isempty (cost) || isfinite (cost))))
      dlfp.internal.check_divergence (e, cost, cell2struct (P(:), names, 1), X, Y,
                                      activations, lambd, lr, batch_size);
    endif
    if (record && verbose)
      printf ("epoch %d: cost %.6f\n", e, cost);
      fflush (stdout);
    endif
  endfor
  params = cell2struct (P(:), names, 1);
  loss_curve = loss_curve(1:r, :);  # no rows at all when epochs is 0, as in Python
  if (every > 0)
    snapshots{end} = struct ("epoch", epochs, "params", params);
  endif
endfunction

%!shared gd
%! gd = struct ("optimizer", "gd", "learning_rate", 1, "epochs", 1, "record_every", 10,
%!              "snapshot_every", 0, "batch_size", 0, "lambda", 0, "keep_prob", 1,
%!              "beta", 0.9, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8,
%!              "lr_decay", struct ("kind", "none"));
%!test
%! ## one sigmoid unit, w = b = 0 at the start: J_0 = log 2, and the first step is
%! ## dW = (0.5 - y) x' / m = -0.5 * 1 / 1, so w = 0 + 1 * 0.5 with lr = 1
%! p = struct ("W1", 0, "b1", 0);
%! [q, curve, rng] = dlfp.train (1, 1, p, {"sigmoid"}, gd, 5);
%! assert (curve, [0, log(2)], 1e-15);
%! assert (q.W1, 0.5, 1e-15);
%! assert (q.b1, 0.5, 1e-15);
%! assert (p.W1, 0);
%! assert (rng, 5);  # full batch, no dropout: no draws
%!test
%! p = struct ("W1", 0, "b1", 0);
%! s = gd;
%! s.learning_rate = 0.5;
%! s.epochs = 7;
%! s.record_every = 3;
%! [~, curve] = dlfp.train ([1, -1], [1, 0], p, {"sigmoid"}, s, 1);
%! assert (curve(:, 1), [0; 3; 6]);
%! assert (all (diff (curve(:, 2)) < 0));
%! s.epochs = 8;
%! [~, curve] = dlfp.train ([1, -1], [1, 0], p, {"sigmoid"}, s, 1);
%! assert (curve(:, 1), [0; 3; 6; 7]);
%!test
%! s = gd;
%! s.epochs = 2;
%! s.record_every = 1;
%! out = evalc ('dlfp.train (1, 1, struct ("W1", 0, "b1", 0), {"sigmoid"}, s, 1, true);');
%! assert (out, sprintf ("epoch 0: cost 0.693147\nepoch 1: cost %.6f\n", log1p (exp (-1))));
%!test
%! s = gd;
%! s.epochs = 0;
%! [q, curve] = dlfp.train (1, 1, struct ("W1", 2, "b1", 0), {"sigmoid"}, s, 1);
%! assert (size (curve), [0, 2]);
%! assert (q.W1, 2);
%!test
%! ## mini-batches by hand: the epoch's cost is the size-weighted mean of the batch costs,
%! ## each batch a shuffled slice of rng_permutation, each step plain gradient descent
%! [X, labels] = dlfp.generate_xor (dlfp.rng_create (2), 10);
%! Y = labels;
%! a = {"tanh", "sigmoid"};
%! [p0, rng] = dlfp.initialize_parameters ([2, 3, 1], "he", dlfp.rng_create (2));
%! s = gd;
%! s.learning_rate = 1e-4;
%! s.batch_size = 4;
%! [q, curve, rng_after] = dlfp.train (X, Y, p0, a, s, rng);
%! [perm, rng_perm] = dlfp.rng_permutation (rng, 10);
%! p = p0;
%! total = 0;
%! for idx = {perm(1:4), perm(5:8), perm(9:10)}
%!   c = dlfp.forward_backward (X(:, idx{1}), Y(:, idx{1}), p, a);
%!   total += c.cost * numel (idx{1});
%!   p = dlfp.update_parameters (p, rmfield (c, {"Z1", "A1", "Z2", "A2", "cost"}), 1e-4);
%! endfor
%! assert (curve, [0, total / 10], 1e-15);
%! assert (isequal (q, p));
%! assert (rng_after, rng_perm);
%!test
%! ## dropout draws continue the stream after each epoch's permutation
%! [p0, rng] = dlfp.initialize_parameters ([2, 3, 1], "he", dlfp.rng_create (2));
%! s = gd;
%! s.batch_size = 3;
%! s.keep_prob = 0.5;
%! [~, ~, rng_after] = dlfp.train (ones (2, 5), [1, 0, 1, 0, 1], p0, {"relu", "sigmoid"}, s, rng);
%! [~, r] = dlfp.rng_uniform (rng, 5 + 3 * 3 + 3 * 2);  # permutation, masks of 3 and 2
%! assert (rng_after, r);
%!test
%! ## every optimizer and schedule trains a separable problem down
%! X = [1, 2, -1, -2; 1, -1, 1, -1];
%! Y = [1, 1, 0, 0];
%! p0 = struct ("W1", [0, 0], "b1", 0);
%! for name = {"gd", "momentum", "rmsprop", "adam"}
%!   s = gd;
%!   s.optimizer = name{1};
%!   s.learning_rate = 0.05;
%!   s.epochs = 50;
%!   s.record_every = 49;
%!   s.lr_decay = struct ("kind", "inverse_time", "rate", 0.1, "every", 10);
%!   [q, curve] = dlfp.train (X, Y, p0, {"sigmoid"}, s, 1);
%!   assert (curve(end, 2) < curve(1, 2), name{1});
%!   assert (q.W1(1) > 0, name{1});
%! endfor
%!test
%! ## snapshots: the start of each epoch e with mod (e, k) == 0, and the end as epoch `epochs`
%! p = struct ("W1", 0, "b1", 0);
%! s = gd;
%! s.snapshot_every = 2;
%! for c = {5, [0, 2, 4, 5]; 4, [0, 2, 4]; 0, 0; 1, [0, 1]}'
%!   s.epochs = c{1};
%!   [q, ~, ~, snaps] = dlfp.train ([1, -1], [1, 0], p, {"sigmoid"}, s, 1);
%!   assert (iscell (snaps) && isrow (snaps));
%!   assert (cellfun (@(x) x.epoch, snaps), c{2});
%!   assert (isequal (snaps{1}.params, p));
%!   assert (isequal (snaps{end}.params, q));
%!   assert (fieldnames (snaps{end}), {"epoch"; "params"});
%! endfor
%! assert (! isequal (snaps{1}.params, snaps{2}.params));  # epochs 0, then 1: a step apart
%! s.snapshot_every = 0;
%! [~, ~, ~, snaps] = dlfp.train ([1, -1], [1, 0], p, {"sigmoid"}, s, 1);
%! assert (snaps, {});
%!test
%! ## a snapshot at epoch e is, exactly, the end of the same training run for e epochs: the
%! ## stream's shuffles and dropout masks of those epochs are the same prefix
%! [X, labels] = dlfp.generate_xor (dlfp.rng_create (4), 24);
%! [p0, rng] = dlfp.initialize_parameters ([2, 3, 1], "he", dlfp.rng_create (4));
%! a = {"relu", "sigmoid"};
%! for change = {{}, {"batch_size", 5, "keep_prob", 0.8, "optimizer", "adam"}}
%!   s = gd;
%!   s.learning_rate = 0.1;
%!   s.epochs = 7;
%!   s.snapshot_every = 3;
%!   for k = 1:2:numel (change{1})
%!     s.(change{1}{k}) = change{1}{k + 1};
%!   endfor
%!   [~, ~, ~, snaps] = dlfp.train (X, labels, p0, a, s, rng);
%!   assert (cellfun (@(x) x.epoch, snaps), [0, 3, 6, 7]);
%!   for k = 2:3
%!     s.epochs = snaps{k}.epoch;
%!     assert (isequal (snaps{k}.params, dlfp.train (X, labels, p0, a, s, rng)));
%!     assert (! isequal (snaps{k}.params, snaps{k - 1}.params));
%!   endfor
%! endfor
%!error <dlfp: train: unknown optimizer 'x' \(known: adam, gd, momentum, rmsprop\)>
%! s = gd;
%! s.optimizer = "x";
%! dlfp.train (1, 1, struct ("W1", 0, "b1", 0), {"sigmoid"}, s, 1);
%!test
%! ## a huge lambda diverges by itself, and the message names it: one sigmoid unit,
%! ## x = y = 1, w = 1, b = 0, lr = 1, lambda = 1e308. Epoch 0 costs -log(sigmoid(1)) +
%! ## lambda / 2 (finite); its step is dW = (sigmoid(1) - 1) + lambda w, so w = 1 - dW =
%! ## -1e308 (finite); epoch 1 then costs lambda / 2 * w^2 = inf.
%! s = gd;
%! s.epochs = 3;
%! s.record_every = 1;
%! s.lambda = 1e308;
%! try
%!   dlfp.train (1, 1, struct ("W1", 1, "b1", 0), {"sigmoid"}, s, 1);
%!   error ("no error");
%! catch err
%!   assert (err.message, "dlfp: train: diverged at epoch 1 (cost inf): try a smaller learning_rate (now 1) or lambda (now 1e+308)");
%! end_try_catch
%!shared diverging
%! ## relu is unbounded: at this rate the weights overflow to inf, and then NaN follows
%! diverging = ['{"name": "cv", "data": {"generator": "circles", "n_per_class": 30}, ' ...
%!              '"layers": [2, 4, 1], "activations": ["relu", "sigmoid"], "init": "xavier", ' ...
%!              '"learning_rate": 1e300, "epochs": 50, "record_every": %d}'];
%!test
%! ## a diverging run stops at the first epoch with a NaN cost, recorded or not, and names it
%! for record_every = [25, 1000]
%!   p = dlfp.prepare_scenario (dlfp.check_scenario (dlfp.internal.parse_json (sprintf (diverging, record_every))));
%!   try
%!     out = evalc ("dlfp.train (p.X, p.Y, p.params0, p.scenario.activations, p.scenario, p.rng, true);");
%!     error ("no error");
%!   catch err
%!     assert (err.message, "dlfp: train: diverged at epoch 1 (cost nan): try a smaller learning_rate (now 1e+300)");
%!     assert (err.identifier, "dlfp:data");
%!   end_try_catch
%! endfor
%!testif ; ! isempty (which ("dlfp_test.repo_root")) && isfile (fullfile (dlfp_test.repo_root (), "octave", "dlfp_run.m"))
%! ## the runner: exit status 2, that one line on stderr, nothing else, no result file
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   f = fullfile (d, "s.json");
%!   fid = fopen (f, "w");
%!   fprintf (fid, diverging, 25);
%!   fclose (fid);
%!   runner = fullfile (dlfp_test.repo_root (), "octave", "dlfp_run.m");
%!   [status, out] = system (sprintf ("octave-cli --no-gui --quiet --no-history '%s' '%s' --out '%s' 2>'%s'",
%!                                    runner, f, fullfile (d, "r.json"), fullfile (d, "err.txt")));
%!   assert (status, 2);
%!   assert (fileread (fullfile (d, "err.txt")), "dlfp: train: diverged at epoch 1 (cost nan): try a smaller learning_rate (now 1e+300)\n");
%!   ## epoch 0 was recorded before the weights blew up: J of the initial weights
%!   p = dlfp.prepare_scenario (f);
%!   [~, caches] = dlfp.forward_propagation (p.X, p.params0, p.scenario.activations);
%!   assert (out, sprintf ("epoch 0: cost %.6f\n", dlfp.compute_cost (caches{end}.Z, p.Y, "sigmoid")));
%!   assert (! isfile (fullfile (d, "r.json")));
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!error <Invalid call> dlfp.train ()
