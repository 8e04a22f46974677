## -*- texinfo -*-
## @deftypefn {} {@var{scenario} =} dlfp.read_scenario (@var{path})
## scenario = check_scenario(JSON(path)) + base_dir: a scenario file, read and checked.
##
## @var{path} is a scenario JSON file (see the README for the fields), read strictly by
## @code{dlfp.read_json} and checked by @code{dlfp.check_scenario}. The result has every
## field present, defaults filled in, plus base_dir (the file's absolute folder, against
## which a relative data path is read). Errors read as Python's and R's, word for word:
## @code{dlfp: read_scenario: <problem>}.
## @end deftypefn

function s = read_scenario (path)
  if (nargin < 1)
    print_usage ();
  endif
  fn = "read_scenario";
  raw = dlfp.read_json (path, fn);
  if (! (isstruct (raw) && isscalar (raw)))
    dlfp.internal.fail ("json", fn,
                        sprintf ("malformed JSON in %s: the top level must be an object",
                                 dlfp.internal.shown (path, Inf)));
  endif
  s = dlfp.check_scenario (raw);
  s.base_dir = dlfp.internal.abs_dirname (path);
endfunction

%!testif ; ! isempty (which ("dlfp_test.repo_root")) && isfolder (fullfile (dlfp_test.repo_root (), "fixtures"))
%! root = dlfp_test.repo_root ();
%! s = dlfp.read_scenario (fullfile (root, "fixtures", "scenarios", "spiral_softmax.json"));
%! assert (s.name, "spiral_softmax");
%! assert (s.layers, [2, 100, 3]);
%! assert (s.activations, {"relu", "softmax"});
%! assert (s.data, struct ("generator", "spiral", "seed", 1, "n_per_class", 100,
%!                         "classes", 3, "noise", 0.2));
%! assert (s.base_dir, fullfile (root, "fixtures", "scenarios"));
%! assert (s.learning_rate, 0.5);
%! assert (s.epochs, 6000);
%!testif ; ! isempty (which ("dlfp_test.repo_root")) && isfolder (fullfile (dlfp_test.repo_root (), "fixtures"))
%! s = dlfp.read_scenario (fullfile (dlfp_test.repo_root (), "fixtures", "scenarios",
%!                                   "logreg_breast_cancer.json"));
%! assert (s.data, struct ("csv", "../data/breast_cancer.csv"));
%! assert (s.init, "scaled");
%!test
%! ## base_dir is the file's absolute folder, written as Python writes it
%! d = tempname ();
%! mkdir (d);
%! here = pwd ();
%! unwind_protect
%!   fid = fopen (fullfile (d, "s.json"), "w");
%!   fputs (fid, '{"name": "x", "data": {"csv": "d.csv"}, "layers": [2, 1], "activations": ["sigmoid"], "learning_rate": 1, "epochs": 2}');
%!   fclose (fid);
%!   cd (d);
%!   [~, name] = fileparts (d);
%!   for path = {"s.json", "./s.json", ["../" name "//s.json"]}
%!     s = dlfp.read_scenario (path{1});
%!     assert (s.base_dir, canonicalize_file_name (d));
%!   endfor
%! unwind_protect_cleanup
%!   cd (here);
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
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
%!     assert (err.message, ["dlfp: read_scenario: malformed JSON in " f ": Expecting property name enclosed in double quotes: line 1 column 32 (char 31)"]);
%!   end_try_catch
%!   for top = {"[1, 2]", '"scenario"', "3", "null"}
%!     fid = fopen (f, "w"); fputs (fid, top{1}); fclose (fid);
%!     try
%!       dlfp.read_scenario (f);
%!       error ("no error");
%!     catch err
%!       assert (err.message, ["dlfp: read_scenario: malformed JSON in " f ": the top level must be an object"]);
%!     end_try_catch
%!   endfor
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "x", "data": {"generator": "xor"}, "layers": [2, 1], "activations": ["sigmoid"], "learning_rate": 1, "epochs": [5]}');
%!   fclose (fid);
%!   try
%!     dlfp.read_scenario (f);
%!     error ("no error");
%!   catch err
%!     assert (err.identifier, "dlfp:scenario");
%!     assert (err.message, "dlfp: read_scenario: 'epochs' must be an integer from 1 to 1000000");
%!   end_try_catch
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "x", "data": {"generator": "xor"}, "layers": [[2, 3, 1]], "activations": ["sigmoid"], "learning_rate": 1, "epochs": 5}');
%!   fclose (fid);
%!   try
%!     dlfp.read_scenario (f);
%!     error ("no error");
%!   catch err
%!     assert (err.message, "dlfp: read_scenario: 'layers' must be a list of at least 2 integers from 1 to 100000");
%!   end_try_catch
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <Invalid call> dlfp.read_scenario ()
