## -*- texinfo -*-
## @deftypefn {} {@var{prepared} =} dlfp.prepare_scenario (@var{scenario})
## prepared = read -> check -> load checked data -> targets -> initial weights, once.
##
## The twin of run.py's @code{prepare_scenario}. @var{scenario} is a scenario file or a
## scenario already checked (@code{dlfp.read_scenario}'s struct). @var{prepared} is a struct
## with fields scenario, X (n_0 x m), labels (1 x m), Y (n_L x m), X_test and labels_test
## ([] without a test set), params0 (the initial parameters) and rng (the stream's state
## after them, where training's draws begin); @code{dlfp.run_scenario} trains it without
## reading anything again. Every bad input stops here, before any training: the file, the
## fields, the data (@code{dlfp.load_checked_data}) and a fold count larger than the data
## (@code{dlfp.check_folds}).
## @end deftypefn

function p = prepare_scenario (scenario)
  if (nargin < 1)
    print_usage ();
  endif
  s = scenario;
  if (ischar (scenario))
    s = dlfp.read_scenario (scenario);
  endif
  d = dlfp.load_checked_data (s);
  if (isfield (s, "validation"))  # a bad fold count is bad input: named before any training
    dlfp.check_folds (s.validation.folds, columns (d.X));
  endif
  Y = dlfp.labels_to_targets (d.labels, s.activations{end}, s.layers(end));
  [params0, rng] = dlfp.initialize_parameters (s.layers, s.init, dlfp.rng_create (s.seed));
  p = struct ("scenario", s, "X", d.X, "labels", d.labels, "Y", Y, "X_test", d.X_test,
              "labels_test", d.labels_test, "params0", params0, "rng", rng);
endfunction

%!test
%! ## a tiny CSV scenario with a test set: every field, worked by hand
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   fid = fopen (fullfile (d, "train.csv"), "w"); fputs (fid, "1,2,0\n3,4,1\n5,6,1\n"); fclose (fid);
%!   fid = fopen (fullfile (d, "test.csv"), "w"); fputs (fid, "7,8,1\n"); fclose (fid);
%!   f = fullfile (d, "s.json");
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "tiny", "data": {"csv": "train.csv", "test_csv": "test.csv"}, "layers": [2, 3], "activations": ["softmax"], "init": "he", "seed": 5, "learning_rate": 0.1, "epochs": 2}');
%!   fclose (fid);
%!   p = dlfp.prepare_scenario (f);
%!   assert (fieldnames (p)', {"scenario", "X", "labels", "Y", "X_test", "labels_test", "params0", "rng"});
%!   assert (p.scenario.name, "tiny");
%!   assert (p.scenario.base_dir, canonicalize_file_name (d));
%!   assert (p.X, [1, 3, 5; 2, 4, 6]);
%!   assert (p.labels, [0, 1, 1]);
%!   assert (p.Y, [1, 0, 0; 0, 1, 1; 0, 0, 0]);  # one-hot over 3 classes
%!   assert (p.X_test, [7; 8]);
%!   assert (p.labels_test, 1);
%!   ## He initialization: 6 normals from the stream seeded 5, times sqrt(2 / 2); biases 0
%!   [z, rng] = dlfp.rng_normal (dlfp.rng_create (5), 6);
%!   assert (p.params0.W1, reshape (z, 3, 2), 1e-15);
%!   assert (p.params0.b1, zeros (3, 1));
%!   assert (p.rng, rng);
%!   ## a checked scenario gives the same without reading the file again
%!   assert (dlfp.prepare_scenario (p.scenario), p);
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!test
%! ## without a test set, X_test and labels_test are empty
%! f = [tempname() ".json"];
%! unwind_protect
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "x", "data": {"generator": "xor", "n": 6, "seed": 2}, "layers": [2, 1], "activations": ["sigmoid"], "learning_rate": 1, "epochs": 1}');
%!   fclose (fid);
%!   p = dlfp.prepare_scenario (f);
%!   [X, labels] = dlfp.generate_xor (dlfp.rng_create (2), 6);
%!   assert ([p.X; p.labels], [X; labels]);
%!   assert (isempty (p.X_test) && isempty (p.labels_test));
%!   assert (p.Y, labels);  # a sigmoid output's targets are the labels
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## more folds than examples is bad input, named before any training
%! f = [tempname() ".json"];
%! unwind_protect
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "x", "data": {"generator": "xor", "n": 6}, "layers": [2, 1], "activations": ["sigmoid"], "learning_rate": 1, "epochs": 1, "validation": {"folds": 7}}');
%!   fclose (fid);
%!   try
%!     dlfp.prepare_scenario (f);
%!     error ("no error");
%!   catch err
%!     assert (err.message, "dlfp: cross_validate: 'validation.folds' is 7 but the data have 6 examples");
%!   end_try_catch
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!testif ; ! isempty (which ("dlfp_test.repo_root")) && isfile (fullfile (dlfp_test.repo_root (), "fixtures", "bad", "cases.json"))
%! ## the bad-input corpus: every case stops with its one line, as in Python and R. With
%! ## "out", check_result_path(out) comes first, as the runner calls it.
%! bad = fullfile (dlfp_test.repo_root (), "fixtures", "bad");
%! corpus = dlfp.read_json (fullfile (bad, "cases.json"), "test");
%! fill = @(text) strrep (text, "{bad}", bad);
%! failures = {};
%! for k = 1:numel (corpus.cases)
%!   c = corpus.cases{k};
%!   expected = fill (c.message);
%!   try
%!     if (isfield (c, "out"))
%!       dlfp.check_result_path (fill (c.out));
%!     endif
%!     dlfp.prepare_scenario (fill (["{bad}/" c.scenario]));
%!     failures{end + 1} = sprintf ("%s: no error", c.id);
%!   catch err
%!     if (isfield (c, "prefix") && c.prefix)
%!       ok = strncmp (err.message, expected, numel (expected));
%!     else
%!       ok = strcmp (err.message, expected);
%!     endif
%!     if (! ok)
%!       failures{end + 1} = sprintf ("%s:\n  got      %s\n  expected %s", c.id, err.message, expected);
%!     endif
%!   end_try_catch
%! endfor
%! assert (numel (corpus.cases) > 100);
%! assert (isempty (failures), strjoin (failures, "\n"));
%!error <Invalid call> dlfp.prepare_scenario ()
