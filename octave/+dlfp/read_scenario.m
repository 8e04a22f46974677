## -*- texinfo -*-
## @deftypefn {} {@var{scenario} =} read_scenario (@var{path})
## scenario = defaults + JSON(path), checked field by field.
##
## @var{path} is a scenario JSON file (see the README for the fields). The result has every
## field present, defaults filled in, plus base_dir (the file's folder, against which a
## relative data path is read). Errors read as Python's, word for word, except the
## parser's own explanation after "malformed JSON in <path>: ", which is Octave's.
## @end deftypefn

function s = read_scenario (path)
  fn = "read_scenario";
  if (! ischar (path) || ! isfile (path))
    dlfp.internal.fail ("file", fn, ["no such file: " dlfp.internal.py_str(path)]);
  endif
  try
    ## makeValidName false keeps a key like "learning-rate" as written, for the error.
    raw = jsondecode (fileread (path), "makeValidName", false);
  catch err
    dlfp.internal.fail ("json", fn, sprintf ("malformed JSON in %s: %s", path,
                                             regexprep (err.message, '^jsondecode: ', '')));
  end_try_catch
  if (! (isstruct (raw) && isscalar (raw)))
    dlfp.internal.fail ("json", fn,
                        sprintf ("malformed JSON in %s: the top level must be an object", path));
  endif
  s = dlfp.check_scenario (raw);
  s.base_dir = fileparts (make_absolute_filename (path));
endfunction

%!testif ; isfolder (fullfile (dlfp.internal.repo_root (), "fixtures"))
%! root = dlfp.internal.repo_root ();
%! s = dlfp.read_scenario (fullfile (root, "fixtures", "scenarios", "spiral_softmax.json"));
%! assert (s.name, "spiral_softmax");
%! assert (s.layers, [2, 100, 3]);
%! assert (s.activations, {"relu", "softmax"});
%! assert (s.data, struct ("generator", "spiral", "seed", 1, "n_per_class", 100,
%!                         "classes", 3, "noise", 0.2));
%! assert (s.base_dir, fullfile (root, "fixtures", "scenarios"));
%! assert (s.learning_rate, 0.5);
%! assert (s.epochs, 6000);
%!testif ; isfolder (fullfile (dlfp.internal.repo_root (), "fixtures"))
%! s = dlfp.read_scenario (fullfile (dlfp.internal.repo_root (), "fixtures", "scenarios",
%!                                   "logreg_breast_cancer.json"));
%! assert (s.data, struct ("csv", "../data/breast_cancer.csv"));
%! assert (s.init, "scaled");
%!error <dlfp: read_scenario: no such file: /nonexistent/s.json> dlfp.read_scenario ("/nonexistent/s.json")
%!test
%! f = [tempname() ".json"];
%! unwind_protect
%!   fid = fopen (f, "w"); fputs (fid, '{"name": "x", "layers": [2, 1],,}'); fclose (fid);
%!   try
%!     dlfp.read_scenario (f);
%!     error ("no error");
%!   catch err
%!     assert (err.identifier, "dlfp:json");
%!     assert (strncmp (err.message, ["dlfp: read_scenario: malformed JSON in " f ": "],
%!                      numel (f) + 40));
%!   end_try_catch
%!   fid = fopen (f, "w"); fputs (fid, '[1, 2]'); fclose (fid);
%!   try
%!     dlfp.read_scenario (f);
%!     error ("no error");
%!   catch err
%!     assert (err.message, ["dlfp: read_scenario: malformed JSON in " f ": the top level must be an object"]);
%!   end_try_catch
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "x", "data": {"generator": "xor"}, "layers": [2, 1], "activations": ["sigmoid"], "learning_rate": 1, "epochs": 2, "learning-rate": 1}');
%!   fclose (fid);
%!   try
%!     dlfp.read_scenario (f);
%!     error ("no error");
%!   catch err
%!     assert (err.identifier, "dlfp:scenario");
%!     assert (err.message, "dlfp: read_scenario: unknown field 'learning-rate' (allowed: activations, batch_size, beta, beta1, beta2, data, description, epochs, epsilon, init, keep_prob, lambda, layers, learning_rate, lr_decay, name, optimizer, record_every, seed)");
%!   end_try_catch
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
