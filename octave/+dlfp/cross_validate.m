## -*- texinfo -*-
## @deftypefn  {} {@var{cv} =} dlfp.cross_validate (@var{prepared})
## @deftypefnx {} {@var{cv} =} dlfp.cross_validate (@var{prepared}, @var{verbose})
## acc_k = accuracy on part k of the network trained on the other K - 1 parts; mean, std.
##
## The twin of validation.py's @code{cross_validate}: K-fold cross-validation with the split
## of @code{dlfp.fold_indices} (from the shared stream, so Python, R and Octave test on the
## same examples), each fold by @code{dlfp.validate_fold}: every fold starts from the
## scenario's initial weights and the stream's state after them, and trains exactly as a
## plain run would on its training part. @var{prepared} comes from
## @code{dlfp.prepare_scenario}, for a scenario with a validation field. @var{verbose}
## (default false) prints one line per fold and then the mean and std, as Python does.
## @var{cv} is a struct: folds (a 1 x K struct array with fields test_index (0-based),
## train_accuracy, test_accuracy and final_cost), mean_test_accuracy and std_test_accuracy
## (ddof 0, numpy's default: the root of the mean squared deviation, not Octave's std).
## @end deftypefn

function cv = cross_validate (prepared, verbose = false)
  if (nargin < 1)
    print_usage ();
  endif
  K = prepared.scenario.validation.folds;
  for k = 1:K
    folds(k) = dlfp.validate_fold (prepared, k);
    if (verbose)
      printf ("fold %d: train accuracy %.4f, test accuracy %.4f, final cost %.6f\n", k,
              folds(k).train_accuracy, folds(k).test_accuracy, folds(k).final_cost);
      fflush (stdout);
    endif
  endfor
  scores = [folds.test_accuracy];  # (1, K)
  ## numpy's mean and std step by step (sum / K, then the root of the mean squared
  ## deviation), with its order of additions: the same doubles as Python's for any K
  mu = dlfp.internal.numpy_sum (scores) / K;
  cv = struct ("folds", folds, "mean_test_accuracy", mu,
               "std_test_accuracy", sqrt (dlfp.internal.numpy_sum ((scores - mu) .^ 2) / K));
  if (verbose)
    printf ("cross-validation: mean test accuracy %.4f, std %.4f\n", cv.mean_test_accuracy,
            cv.std_test_accuracy);
    fflush (stdout);
  endif
endfunction

%!test
%! ## 60 examples, 4 folds: Python's lines, the split of fold_indices, mean and std (ddof 0)
%! ## worked from the folds' scores
%! f = [tempname() ".json"];
%! unwind_protect
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "cv", "data": {"generator": "circles", "n_per_class": 30}, "layers": [2, 4, 1], "activations": ["tanh", "sigmoid"], "init": "xavier", "learning_rate": 0.5, "epochs": 60, "record_every": 20, "validation": {"folds": 4, "seed": 3}}');
%!   fclose (fid);
%!   p = dlfp.prepare_scenario (f);
%!   out = evalc ("cv = dlfp.cross_validate (p, true);");
%!   assert (fieldnames (cv), {"folds"; "mean_test_accuracy"; "std_test_accuracy"});
%!   assert (size (cv.folds), [1, 4]);
%!   assert ({cv.folds.test_index}, dlfp.fold_indices (60, 4, 3));
%!   assert (cv.folds(2), dlfp.validate_fold (p, 2));
%!   a = [cv.folds.test_accuracy];
%!   assert (cv.mean_test_accuracy, (a(1) + a(2) + a(3) + a(4)) / 4, 1e-15);
%!   d = a - cv.mean_test_accuracy;
%!   assert (cv.std_test_accuracy, sqrt ((d(1)^2 + d(2)^2 + d(3)^2 + d(4)^2) / 4), 1e-15);
%!   lines = strsplit (out(1:end - 1), "\n");
%!   assert (numel (lines), 5);
%!   for k = 1:4
%!     assert (lines{k}, sprintf ("fold %d: train accuracy %.4f, test accuracy %.4f, final cost %.6f",
%!                                k, cv.folds(k).train_accuracy, a(k), cv.folds(k).final_cost));
%!   endfor
%!   assert (lines{5}, sprintf ("cross-validation: mean test accuracy %.4f, std %.4f",
%!                              cv.mean_test_accuracy, cv.std_test_accuracy));
%!   assert (evalc ("cv2 = dlfp.cross_validate (p);"), "");  # quiet by default
%!   assert (cv2, cv);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!testif ; ! isempty (which ("dlfp_test.repo_root")) && isfolder (fullfile (dlfp_test.repo_root (), "fixtures", "golden", "cv_circles"))
%! ## the Python twin's folds on cv_circles: test indices and accuracies exactly, final costs
%! ## and the mean within the fixture's tolerance (relative)
%! g = fullfile (dlfp_test.repo_root (), "fixtures", "golden", "cv_circles");
%! text = fileread (fullfile (g, "summary.json"));
%! summary = jsondecode (text);
%! tol = summary.cross_validation.tolerance;
%! folds = dlmread (fullfile (g, "cv_folds.csv"), ",");  # fold (1-based), train, test, cost
%! index = dlmread (fullfile (g, "cv_test_index.csv"), ",");  # fold (1-based), index (0-based)
%! cv = dlfp.cross_validate (dlfp.prepare_scenario (fullfile (g, summary.scenario)));
%! assert (numel (cv.folds), rows (folds));
%! for k = 1:rows (folds)
%!   assert (folds(k, 1), k);
%!   assert (isequal (cv.folds(k).test_index, index(index(:, 1) == k, 2)'), sprintf ("fold %d indices", k));
%!   assert (cv.folds(k).train_accuracy == folds(k, 2), sprintf ("fold %d train accuracy", k));
%!   assert (cv.folds(k).test_accuracy == folds(k, 3), sprintf ("fold %d test accuracy", k));
%!   d = dlfp_test.rel_diff (cv.folds(k).final_cost, folds(k, 4));
%!   assert (d <= tol, sprintf ("fold %d final cost: %g", k, d));
%! endfor
%! ## the accuracies are exact, so the mean is too (jsondecode may miss the 17th digit)
%! mean_py = str2double (regexp (text, '"mean_test_accuracy":\s*([^,\s}]+)', "tokens", "once"){1});
%! assert (cv.mean_test_accuracy == mean_py);
%! assert (dlfp_test.rel_diff (cv.std_test_accuracy, summary.cross_validation.std_test_accuracy) <= tol);
%!error <Invalid call> dlfp.cross_validate ()
