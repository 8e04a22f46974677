## -*- texinfo -*-
## @deftypefn {} {@var{result} =} dlfp.validate_fold (@var{prepared}, @var{fold})
## acc = accuracy on part k of the network trained on the other parts: one fold, k = fold.
##
## The twin of validation.py's @code{validate_fold}: one fold alone, as
## @code{dlfp.cross_validate} computes it (a sweep runs the folds as separate tasks).
## @var{prepared} comes from @code{dlfp.prepare_scenario} for a scenario with a validation
## field; @var{fold} is the fold's number, 1 .. K in every language (as the lines print it).
## The network starts from the scenario's initial weights (params0) and the stream's state
## after them (rng), and trains exactly as a plain run of the scenario would on the examples
## not in the fold, in their order in X: shuffles and dropout masks go on from there.
## @var{result} is a struct with test_index (a row of 0-based indices, ascending, as
## @code{dlfp.fold_indices} gives them), train_accuracy, test_accuracy and final_cost (the
## last point of the fold's loss curve). A fold outside 1 .. K is an error: @code{dlfp:
## validate_fold: fold <k> is not one of 1..<K>}.
## @end deftypefn

function result = validate_fold (prepared, fold)
  if (nargin < 2)
    print_usage ();
  endif
  s = prepared.scenario;
  X = prepared.X;
  labels = prepared.labels;
  K = s.validation.folds;
  m = columns (X);
  dlfp.check_folds (K, m);
  if (! (isnumeric (fold) && isscalar (fold) && fold == fix (fold) && fold >= 1 && fold <= K))
    dlfp.internal.fail ("data", "validate_fold",
                        sprintf ("fold %s is not one of 1..%d", dlfp.internal.py_str (fold), K));
  endif
  parts = dlfp.fold_indices (m, K, s.validation.seed);
  test = parts{fold};  # (1, n_test), 0-based
  keep = true (1, m);
  keep(test + 1) = false;
  acts = s.activations;
  [params, curve] = dlfp.train (X(:, keep), prepared.Y(:, keep), prepared.params0, acts, s,
                                prepared.rng);
  result = struct ("test_index", test,
                   "train_accuracy",
                   dlfp.accuracy (dlfp.predict_labels (X(:, keep), params, acts), labels(keep)),
                   "test_accuracy",
                   dlfp.accuracy (dlfp.predict_labels (X(:, test + 1), params, acts),
                                  labels(test + 1)),
                   "final_cost", curve(end, 2));
endfunction

%!shared d, p
%! ## the donut, 60 examples in 4 folds: each fold against an independent retraining
%! d = tempname ();
%! mkdir (d);
%! f = fullfile (d, "cv.json");
%! fid = fopen (f, "w");
%! fputs (fid, '{"name": "cv", "data": {"generator": "circles", "n_per_class": 30}, "layers": [2, 4, 1], "activations": ["tanh", "sigmoid"], "init": "xavier", "learning_rate": 0.5, "epochs": 60, "record_every": 20, "validation": {"folds": 4, "seed": 3}}');
%! fclose (fid);
%! p = dlfp.prepare_scenario (f);
%!test
%! ## fold k alone, retrained from files: its training part as the CSV data and its test part
%! ## as the test CSV (written with %.17g, which reads back to the same doubles), through a
%! ## plain run of the same scenario without validation: the same accuracies and final cost
%! rows = [p.X', p.labels'];
%! split = dlfp.fold_indices (60, 4, 3);
%! for k = 1:4
%!   fold = dlfp.validate_fold (p, k);
%!   assert (fold.test_index, split{k});
%!   test = false (60, 1);
%!   test(split{k} + 1) = true;
%!   dlmwrite (fullfile (d, sprintf ("train%d.csv", k)), rows(! test, :), "precision", "%.17g");
%!   dlmwrite (fullfile (d, sprintf ("test%d.csv", k)), rows(test, :), "precision", "%.17g");
%!   alone = fullfile (d, sprintf ("fold%d.json", k));
%!   fid = fopen (alone, "w");
%!   fprintf (fid, '{"name": "cv", "data": {"csv": "train%d.csv", "test_csv": "test%d.csv"}, "layers": [2, 4, 1], "activations": ["tanh", "sigmoid"], "init": "xavier", "learning_rate": 0.5, "epochs": 60, "record_every": 20}', k, k);
%!   fclose (fid);
%!   again = dlfp.run_scenario (alone);
%!   assert (fold.test_accuracy, again.test_accuracy);
%!   assert (fold.train_accuracy, again.train_accuracy);
%!   assert (fold.final_cost, again.loss_curve(end, 2));
%!   assert (fieldnames (fold), {"test_index"; "train_accuracy"; "test_accuracy"; "final_cost"});
%! endfor
%!test
%! ## the fold's number must be one of 1..K
%! for k = {0, 5, 1.5, -1}
%!   try
%!     dlfp.validate_fold (p, k{1});
%!     error ("no error");
%!   catch err
%!     assert (err.message, sprintf ("dlfp: validate_fold: fold %s is not one of 1..4",
%!                                   dlfp.internal.py_str (k{1})));
%!   end_try_catch
%! endfor
%!test
%! ## more folds than examples: check_folds's message, before any training
%! q = p;
%! q.scenario.validation.folds = 61;
%! try
%!   dlfp.validate_fold (q, 1);
%!   error ("no error");
%! catch err
%!   assert (err.message, "dlfp: cross_validate: 'validation.folds' is 61 but the data have 60 examples");
%! end_try_catch
%!test
%! confirm_recursive_rmdir (false, "local");
%! rmdir (d, "s");
%!error <Invalid call> dlfp.validate_fold ()
