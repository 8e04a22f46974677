## -*- texinfo -*-
## @deftypefn  {} {@var{result} =} run_scenario (@var{path})
## @deftypefnx {} {@var{result} =} run_scenario (@var{path}, @var{verbose})
## result = train(initialize_parameters(seed), load_data(scenario)): one scenario, start to end.
##
## @var{path} is a scenario JSON file; @var{verbose} (default false) prints the cost at
## each recorded epoch and the train accuracy. @var{result} is a struct with fields name,
## initial_params, final_params, loss_curve (rows [epoch, cost]) and train_accuracy.
## @end deftypefn

function result = run_scenario (path, verbose = false)
  s = dlfp.read_scenario (path);
  [X, labels] = dlfp.load_data (s);
  dlfp.check_data (X, labels, s.layers, s.activations{end});
  Y = dlfp.labels_to_targets (labels, s.activations{end}, s.layers(end));
  params0 = dlfp.initialize_parameters (s.layers, s.init, dlfp.rng_create (s.seed));
  [params, curve] = dlfp.train (X, Y, params0, s.activations, s.learning_rate, s.epochs,
                                s.record_every, s.optimizer, verbose);
  acc = dlfp.accuracy (dlfp.predict (X, params, s.activations), labels);
  if (verbose)
    printf ("%s: train accuracy %.4f\n", s.name, acc);
    fflush (stdout);
  endif
  result = struct ("name", s.name, "initial_params", params0, "final_params", params,
                   "loss_curve", curve, "train_accuracy", acc);
endfunction

%!testif ; ! isempty (dlfp.internal.golden_dir ())
%! ## the Python twin's loss curves, parameters and accuracies, to the fixtures' tolerances
%! for name = {"logreg_breast_cancer", "one_hidden_circles", "deep_xor", "spiral_softmax"}
%!   g = fullfile (dlfp.internal.golden_dir (), name{1});
%!   summary = jsondecode (fileread (fullfile (g, "summary.json")));
%!   result = dlfp.run_scenario (fullfile (g, summary.scenario));
%!   assert (result.name, name{1});
%!   curve = dlmread (fullfile (g, "loss_curve.csv"), ",");
%!   assert (result.loss_curve(:, 1), curve(:, 1));  # the recorded epochs, exactly
%!   d = dlfp.internal.rel_diff (result.loss_curve(:, 2), curve(:, 2));
%!   assert (d <= summary.tolerances.loss_curve, sprintf ("%s costs: %g", name{1}, d));
%!   for k = 1:numel (summary.params)
%!     key = summary.params{k};
%!     expected = dlmread (fullfile (g, ["initial_" key ".csv"]), ",");
%!     assert (isequal (result.initial_params.(key), expected), [name{1} " initial " key]);
%!     expected = dlmread (fullfile (g, ["final_" key ".csv"]), ",");
%!     d = dlfp.internal.rel_diff (result.final_params.(key), expected);
%!     assert (d <= summary.tolerances.final_params,
%!             sprintf ("%s final %s: %g", name{1}, key, d));
%!   endfor
%!   assert (result.train_accuracy, summary.train_accuracy, 1e-12);
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
