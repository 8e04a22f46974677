## -*- texinfo -*-
## @deftypefn  {} {@var{result} =} dlfp.run_scenario (@var{scenario})
## @deftypefnx {} {@var{result} =} dlfp.run_scenario (@var{scenario}, @var{verbose})
## result = train(initialize_parameters(seed), load_data(scenario)): one scenario, start to end.
##
## The twin of run.py's @code{run_scenario}. The stream seeded with the scenario's seed makes
## the initial weights, then goes on to the shuffles and dropout masks of training.
## @var{scenario} is a scenario file, a checked scenario (@code{dlfp.read_scenario}) or a
## prepared one (@code{dlfp.prepare_scenario}, a struct with params0), which is trained
## without reading anything again. @var{verbose} (default false) prints the cost at each
## recorded epoch and the accuracies, and with validation the folds' lines. @var{result} is
## a struct with fields name, initial_params, final_params, loss_curve (rows [epoch, cost]),
## train_accuracy, with a test set test_accuracy, with snapshot_every > 0 snapshots
## (@code{dlfp.train}'s: a 1 x N cell of structs with fields epoch and params), and with a
## validation field cross_validation (@code{dlfp.cross_validate}'s struct, its test indices
## 0-based), worked out after the full-data run and its accuracy line.
## @end deftypefn

function result = run_scenario (scenario, verbose = false)
  if (nargin < 1)
    print_usage ();
  endif
  if (isstruct (scenario) && isfield (scenario, "params0"))
    p = scenario;
  else
    p = dlfp.prepare_scenario (scenario);
  endif
  s = p.scenario;
  [params, curve, ~, snapshots] = dlfp.train (p.X, p.Y, p.params0, s.activations, s, p.rng,
                                              verbose);
  check_outputs (p, params);
  acts = s.activations;
  result = struct ("name", s.name, "initial_params", p.params0, "final_params", params,
                   "loss_curve", curve,
                   "train_accuracy",
                   dlfp.accuracy (dlfp.predict_labels (p.X, params, acts), p.labels));
  line = sprintf ("%s: train accuracy %.4f", dlfp.internal.shown (s.name, Inf),
                  result.train_accuracy);
  if (! isempty (p.X_test))
    result.test_accuracy = dlfp.accuracy (dlfp.predict_labels (p.X_test, params, acts),
                                          p.labels_test);
    line = sprintf ("%s, test accuracy %.4f", line, result.test_accuracy);
  endif
  if (verbose)
    printf ("%s\n", line);
    fflush (stdout);
  endif
  if (! isempty (snapshots))
    result.snapshots = snapshots;
  endif
  if (isfield (s, "validation"))
    result.cross_validation = dlfp.cross_validate (p, verbose);
  endif
endfunction


function check_outputs (p, params)
  ## train's divergence error when the trained network's outputs on X are not finite:
  ## parameters still finite after the last update, but so large that the forward pass
  ## overflows (each language would otherwise pick its own label for a NaN column)
  s = p.scenario;
  [AL, caches] = dlfp.forward_propagation (p.X, params, s.activations);
  if (all (isfinite (AL(:))))
    return;
  endif
  cost = dlfp.compute_cost (caches{end}.Z, p.Y, s.activations{end}) ...
         + dlfp.l2_penalty (params, s.lambda, columns (p.X));
  if (isfinite (cost))
    cost = NaN;
  endif
  e = s.epochs - 1;
  dlfp.internal.check_divergence (e, cost, params, p.X, p.Y, s.activations, s.lambda,
                                  dlfp.learning_rate_at (s, e), s.batch_size);
endfunction

%!testif ; ! isempty (which ("dlfp_test.golden_dir")) && ! isempty (dlfp_test.golden_dir ())
%! ## the Python twin's loss curves, parameters and accuracies on every scenario, to the
%! ## fixtures' tolerances: recorded epochs, initial parameters and accuracies exactly
%! for name = dlfp_test.golden_scenarios ()
%!   g = fullfile (dlfp_test.golden_dir (), name{1});
%!   text = fileread (fullfile (g, "summary.json"));
%!   summary = jsondecode (text);
%!   ## jsondecode can miss a 17-digit number by an ulp: read the accuracies with str2double
%!   exact = @(key) str2double (regexp (text, ['"' key '":\s*([^,\s}]+)'], "tokens", "once"){1});
%!   result = dlfp.run_scenario (fullfile (g, summary.scenario));
%!   assert (result.name, name{1});
%!   curve = dlmread (fullfile (g, "loss_curve.csv"), ",");
%!   assert (result.loss_curve(:, 1), curve(:, 1));  # the recorded epochs, exactly
%!   d = dlfp_test.rel_diff (result.loss_curve(:, 2), curve(:, 2));
%!   assert (d <= summary.tolerances.loss_curve, sprintf ("%s costs: %g", name{1}, d));
%!   for k = 1:numel (summary.params)
%!     key = summary.params{k};
%!     expected = dlmread (fullfile (g, ["initial_" key ".csv"]), ",");
%!     assert (isequal (result.initial_params.(key), expected), [name{1} " initial " key]);
%!     expected = dlmread (fullfile (g, ["final_" key ".csv"]), ",");
%!     d = dlfp_test.rel_diff (result.final_params.(key), expected);
%!     assert (d <= summary.tolerances.final_params,
%!             sprintf ("%s final %s: %g", name{1}, key, d));
%!   endfor
%!   assert (result.train_accuracy == exact ("train_accuracy"), [name{1} " train accuracy"]);
%!   if (isempty (summary.test_accuracy))  # JSON null
%!     assert (! isfield (result, "test_accuracy"), name{1});
%!   else
%!     assert (result.test_accuracy == exact ("test_accuracy"), [name{1} " test accuracy"]);
%!   endif
%!   ## with validation, the folds follow (each fold is compared in cross_validate.m)
%!   assert (isfield (result, "cross_validation"), isfield (summary, "cross_validation"), name{1});
%!   if (isfield (summary, "cross_validation"))
%!     assert (result.cross_validation.mean_test_accuracy == exact ("mean_test_accuracy"),
%!             [name{1} " mean test accuracy"]);
%!   endif
%! endfor
%!test
%! ## a small scenario end to end, with the progress lines Python prints
%! f = [tempname() ".json"];
%! unwind_protect
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "tiny", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1], "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 3, "record_every": 2}');
%!   fclose (fid);
%!   out = evalc ("result = dlfp.run_scenario (f, true);");
%!   assert (result.loss_curve(:, 1), [0; 2]);
%!   assert (fieldnames (result), {"name"; "initial_params"; "final_params"; "loss_curve"; "train_accuracy"});
%!   expected = sprintf ("epoch 0: cost %.6f\nepoch 2: cost %.6f\ntiny: train accuracy %.4f\n",
%!                       result.loss_curve(1, 2), result.loss_curve(2, 2), result.train_accuracy);
%!   assert (out, expected);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## a prepared scenario trains without reading its file again, to the same numbers
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   f = fullfile (d, "s.json");
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "prep", "data": {"generator": "circles", "n_per_class": 10}, "layers": [2, 3, 1], "activations": ["tanh", "sigmoid"], "learning_rate": 0.5, "epochs": 5, "record_every": 2, "batch_size": 4, "keep_prob": 0.9}');
%!   fclose (fid);
%!   p = dlfp.prepare_scenario (f);
%!   unlink (f);  # gone: only the prepared struct is left to train
%!   result = dlfp.run_scenario (p);
%!   assert (result.initial_params, p.params0);
%!   assert (result.loss_curve(:, 1)', [0, 2, 4]);
%!   ## the same as training by hand from the prepared pieces
%!   [params, curve] = dlfp.train (p.X, p.Y, p.params0, p.scenario.activations, p.scenario, p.rng);
%!   assert (result.final_params, params);
%!   assert (result.loss_curve, curve);
%!   assert (result.train_accuracy, mean ((dlfp.predict_labels (p.X, params, {"tanh", "sigmoid"})) == p.labels));
%!   ## a checked scenario, too
%!   result2 = dlfp.run_scenario (p.scenario);
%!   assert (result2, result);
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!test
%! ## IDX files with a test set: the test accuracy is reported and printed
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   z = dlfp.rng_uniform (dlfp.rng_create (1), 40 * 4);
%!   imgs = permute (reshape (floor (z * 256), 2, 2, 40), [3, 2, 1]);  # numpy's (40, 2, 2)
%!   labels = double (imgs(:, 1, 1) > 127);
%!   for prefix = {"train", "test"}
%!     dlfp.write_idx (fullfile (d, [prefix{1} "-images.gz"]), imgs);
%!     dlfp.write_idx (fullfile (d, [prefix{1} "-labels.gz"]), labels);
%!   endfor
%!   f = fullfile (d, "s.json");
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "idx", "layers": [4, 2], "activations": ["softmax"], "learning_rate": 0.5, "epochs": 200, "init": "he", "record_every": 50, "data": {"idx_images": "train-images.gz", "idx_labels": "train-labels.gz", "test_idx_images": "test-images.gz", "test_idx_labels": "test-labels.gz", "limit": 30}}');
%!   fclose (fid);
%!   [X, y] = dlfp.load_data (dlfp.read_scenario (f));
%!   assert (size (X), [4, 30]);
%!   assert (X(:, 1), reshape (squeeze (imgs(1, :, :))', [], 1) / 255);
%!   out = evalc ("result = dlfp.run_scenario (f, true);");
%!   assert (result.test_accuracy > 0.9);
%!   assert (fieldnames (result), {"name"; "initial_params"; "final_params"; "loss_curve";
%!                                 "train_accuracy"; "test_accuracy"});
%!   assert (regexp (out, 'idx: train accuracy \d\.\d{4}, test accuracy \d\.\d{4}\n$', "once") > 0);
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!test
%! ## with validation: the full-data run and its line, then the folds' lines; the result
%! ## carries the folds last, and its JSON holds every example once, 0-based
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   f = fullfile (d, "s.json");
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "cv", "data": {"generator": "circles", "n_per_class": 30}, "layers": [2, 4, 1], "activations": ["tanh", "sigmoid"], "init": "xavier", "learning_rate": 0.5, "epochs": 60, "record_every": 20, "validation": {"folds": 4, "seed": 3}}');
%!   fclose (fid);
%!   out = evalc ("result = dlfp.run_scenario (f, true);");
%!   assert (fieldnames (result)', {"name", "initial_params", "final_params", "loss_curve", ...
%!                                  "train_accuracy", "cross_validation"});
%!   p = dlfp.prepare_scenario (f);
%!   assert (result.cross_validation, dlfp.cross_validate (p));
%!   lines = strsplit (out(1:end - 1), "\n");
%!   assert (numel (lines), 4 + 1 + 4 + 1);  # epochs 0, 20, 40, 59; accuracy; 4 folds; mean
%!   assert (lines{5}, sprintf ("cv: train accuracy %.4f", result.train_accuracy));
%!   assert (strncmp (lines{6}, "fold 1: train accuracy ", 23));
%!   assert (strncmp (lines{10}, "cross-validation: mean test accuracy ", 37));
%!   dlfp.write_result (result, fullfile (d, "r.json"));
%!   cv = jsondecode (fileread (fullfile (d, "r.json"))).cross_validation;
%!   assert (sort (vertcat (cv.folds.test_index))', 0:59);
%!   assert (fieldnames (cv), {"folds"; "mean_test_accuracy"; "std_test_accuracy"});
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!test
%! ## snapshots: in the result before cross_validation, the first the initial parameters and
%! ## the last the final ones; none, and no field, with snapshot_every 0
%! text = ['{"name": "snap", "data": {"generator": "circles", "n_per_class": 10}, ' ...
%!         '"layers": [2, 3, 1], "activations": ["tanh", "sigmoid"], "learning_rate": 0.5, ' ...
%!         '"epochs": 5, "batch_size": 8, "keep_prob": 0.9, "snapshot_every": %d, ' ...
%!         '"validation": {"folds": 2}}'];
%! s = dlfp.check_scenario (dlfp.internal.parse_json (sprintf (text, 2)));
%! result = dlfp.run_scenario (s);
%! assert (fieldnames (result)', {"name", "initial_params", "final_params", "loss_curve", ...
%!                                "train_accuracy", "snapshots", "cross_validation"});
%! assert (cellfun (@(x) x.epoch, result.snapshots), [0, 2, 4, 5]);
%! assert (isequal (result.snapshots{1}.params, result.initial_params));
%! assert (isequal (result.snapshots{end}.params, result.final_params));
%! s.snapshot_every = 0;
%! assert (! isfield (dlfp.run_scenario (s), "snapshots"));
%!testif ; ! isempty (which ("dlfp_test.repo_root")) && isfile (fullfile (dlfp_test.repo_root (), "octave", "dlfp_run.m"))
%! ## the runner's JSON holds the snapshots as Python writes them: [{"epoch": e, "params":
%! ## {"W1": [[...], ...], ...}}, ...], a 1-row or 1-column matrix a list of lists too
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   f = fullfile (d, "s.json");
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "snap", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1], "activations": ["tanh", "sigmoid"], "learning_rate": 0.5, "epochs": 4, "snapshot_every": 3}');
%!   fclose (fid);
%!   runner = fullfile (dlfp_test.repo_root (), "octave", "dlfp_run.m");
%!   out = fullfile (d, "r.json");
%!   status = system (sprintf ("octave-cli --no-gui --quiet --no-history '%s' '%s' --out '%s' --quiet",
%!                             runner, f, out));
%!   assert (status, 0);
%!   text = fileread (out);
%!   back = jsondecode (text);
%!   assert (fieldnames (back){end}, "snapshots");
%!   assert ([back.snapshots.epoch], [0, 3, 4]);
%!   assert (fieldnames (back.snapshots(1).params), {"W1"; "b1"; "W2"; "b2"});
%!   assert (back.snapshots(1).params, back.initial_params);
%!   assert (back.snapshots(3).params, back.final_params);
%!   assert (size (back.snapshots(2).params.W1), [3, 2]);
%!   ## b1 (3 x 1), W2 (1 x 3) and b2 (1 x 1): lists of rows, each row a list
%!   snaps = text(strfind (text, '"snapshots"'):end);
%!   b1 = regexp (snaps, '"b1": \[\s*\[[^\[\],]+\],\s*\[[^\[\],]+\],\s*\[[^\[\],]+\]\s*\]', "match");
%!   W2 = regexp (snaps, '"W2": \[\s*\[[^\[\],]+,[^\[\],]+,[^\[\],]+\]\s*\]', "match");
%!   b2 = regexp (snaps, '"b2": \[\s*\[[^\[\],]+\]\s*\]', "match");
%!   assert ([numel(b1), numel(W2), numel(b2)], [3, 3, 3]);
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!error <Invalid call> dlfp.run_scenario ()
