## -*- texinfo -*-
## @deftypefn {} {} dlfp.write_result (@var{result}, @var{path})
## Write result as JSON (matrices as lists of rows, doubles to the last bit), atomically.
##
## The twin of result.py's @code{write_result}. The file appears whole or not at all: it is
## written beside @var{path} and renamed over it, with the mode the umask gives a new file.
## Every number is written with %.17g, which reads back to the same double. The keys are
## name, initial_params, final_params, loss_curve, train_accuracy and, when the result has
## them, test_accuracy, snapshots ([@{"epoch": 0, "params": @{"W1": [[@dots{}], @dots{}],
## @dots{}@}@}, @dots{}], each matrix a list of rows, a 1-row or 1-column one too) and
## cross_validation (@{"folds": [@{"test_index": [0, 1, @dots{}],
## "train_accuracy": a, "test_accuracy": b, "final_cost": c@}, @dots{}],
## "mean_test_accuracy": @dots{}, "std_test_accuracy": @dots{}@}, test indices 0-based).
## Errors, in this order, each leaving nothing behind: @code{dlfp: write_result: the result
## holds NaN or Inf, which JSON cannot carry}, those of @code{dlfp.check_result_path}, and
## @code{dlfp: write_result: cannot write <path>: <detail>} when the system refuses the
## write.
## @end deftypefn

function write_result (result, path)
  if (nargin < 2)
    print_usage ();
  endif
  fn = "write_result";
  numbers = [struct2cell(result.initial_params); struct2cell(result.final_params);
             {result.loss_curve; result.train_accuracy}];
  accuracies = {"train_accuracy"};
  if (isfield (result, "test_accuracy"))
    numbers{end + 1} = result.test_accuracy;
    accuracies{end + 1} = "test_accuracy";
  endif
  if (isfield (result, "snapshots"))
    kept = cellfun (@(s) struct2cell (s.params), result.snapshots, "UniformOutput", false);
    numbers = [numbers; vertcat(kept{:})];
  endif
  if (isfield (result, "cross_validation"))
    cv = result.cross_validation;
    numbers = [numbers; {[cv.folds.train_accuracy, cv.folds.test_accuracy, ...
                          cv.folds.final_cost, cv.mean_test_accuracy, cv.std_test_accuracy]}];
  endif
  if (! all (cellfun (@(x) all (isfinite (x(:))), numbers)))
    dlfp.internal.fail ("data", fn, "the result holds NaN or Inf, which JSON cannot carry");
  endif
  items = cellfun (@(k) sprintf (",\n \"%s\": %.17g", k, result.(k)), accuracies,
                   "UniformOutput", false);
  if (isfield (result, "snapshots"))
    items{end + 1} = [",\n \"snapshots\": " snapshots_json(result.snapshots)];
  endif
  if (isfield (result, "cross_validation"))
    items{end + 1} = [",\n \"cross_validation\": " cv_json(cv)];
  endif
  text = sprintf ("{\n \"name\": %s,\n \"initial_params\": %s,\n \"final_params\": %s,\n \"loss_curve\": %s%s\n}\n",
                  dlfp.internal.json_string (result.name),
                  params_json (result.initial_params, 1),
                  params_json (result.final_params, 1),
                  dlfp.internal.json_matrix (result.loss_curve, 1), [items{:}]);
  dlfp.check_result_path (path);
  dlfp.internal.write_atomic (path, text, fn);
endfunction

function text = cv_json (cv)
  ## {"folds": [{"test_index": [0, 1, ...], "train_accuracy": a, "test_accuracy": b,
  ## "final_cost": c}, ...], "mean_test_accuracy": ..., "std_test_accuracy": ...}, as
  ## Python's json holds cross_validate's dict (0-based indices print as integers in %.17g)
  fold = @(f) sprintf (["   {\"test_index\": [%s], \"train_accuracy\": %.17g, " ...
                        "\"test_accuracy\": %.17g, \"final_cost\": %.17g}"],
                       list_of (f.test_index),
                       f.train_accuracy, f.test_accuracy, f.final_cost);
  folds = arrayfun (fold, cv.folds, "UniformOutput", false);
  text = sprintf (["{\n  \"folds\": [\n%s\n  ],\n  \"mean_test_accuracy\": %.17g,\n" ...
                   "  \"std_test_accuracy\": %.17g\n }"],
                  strjoin (folds, ",\n"), cv.mean_test_accuracy, cv.std_test_accuracy);
endfunction

function text = list_of (x)
  text = sprintf ("%.17g, ", x);
  text = text(1:end - 2 * ! isempty (x));  # "1, 2, 3"; "" for no numbers
endfunction

function text = params_json (params, indent)
  ## {"W1": [[...], ...], "b1": ...}: its closing brace indented by indent, its keys one more
  keys = fieldnames (params)';
  pad = blanks (indent + 1);
  items = cellfun (@(k) sprintf ("%s\"%s\": %s", pad, k,
                                 dlfp.internal.json_matrix (params.(k), indent + 1)),
                   keys, "UniformOutput", false);
  text = ["{\n" strjoin(items, ",\n") "\n" blanks(indent) "}"];
endfunction

function text = snapshots_json (snapshots)
  ## [{"epoch": e, "params": {...}}, ...], as Python's json holds train's snapshots
  one = @(s) sprintf ("  {\n   \"epoch\": %d,\n   \"params\": %s\n  }", s.epoch,
                      params_json (s.params, 3));
  items = cellfun (one, snapshots, "UniformOutput", false);
  text = ["[\n" strjoin(items, ",\n") "\n ]"];
endfunction

%!test
%! result = struct ("name", "a \"q\"", "initial_params", struct ("W1", [1, 0.1; -2, 1e-300], "b1", [0; 0]),
%!                  "final_params", struct ("W1", [pi, -1/3; realmin / 8, realmax], "b1", [1; 2]),
%!                  "loss_curve", [0, 0.6931471805599453; 5, 1/3], "train_accuracy", 2/3);
%! f = [tempname() ".json"];
%! unwind_protect
%!   dlfp.write_result (result, f);
%!   back = jsondecode (fileread (f));
%!   assert (isequal (back, result));
%!   assert (isequal (fieldnames (back), fieldnames (result)));
%!   assert (numel (dir ([fileparts(f) "/.dlfp-*"])), 0);
%!   result.test_accuracy = 0.825;
%!   dlfp.write_result (result, f);
%!   back = jsondecode (fileread (f));
%!   assert (isequal (back, result));
%!   assert (fieldnames (back){end}, "test_accuracy");
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## the system refuses the write after the checks passed: named, nothing left behind
%! result = struct ("name", "x", "initial_params", struct ("W1", 1, "b1", 0),
%!                  "final_params", struct ("W1", 1, "b1", 0), "loss_curve", [0, 1],
%!                  "train_accuracy", 1);
%! if (isfolder ("/proc") && isfile ("/proc/self/status"))  # Linux: root may write "in" /proc
%!   [status, ~] = system ("test -w /proc && test -x /proc");
%!   if (status == 0)
%!     try
%!       dlfp.write_result (result, "/proc/dlfp-result.json");
%!       error ("no error");
%!     catch err
%!       assert (err.message, "dlfp: write_result: cannot write /proc/dlfp-result.json: No such file or directory");
%!     end_try_catch
%!   endif
%! endif
%!test
%! ## a failure leaves neither the target nor a temporary file behind
%! result = struct ("name", "x", "initial_params", struct ("W1", NaN, "b1", 0),
%!                  "final_params", struct ("W1", 1, "b1", 0), "loss_curve", [0, 1],
%!                  "train_accuracy", 1);
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   f = fullfile (d, "r.json");
%!   try
%!     dlfp.write_result (result, f);
%!     error ("no error");
%!   catch err
%!     assert (err.message, "dlfp: write_result: the result holds NaN or Inf, which JSON cannot carry");
%!     assert (err.identifier, "dlfp:data");
%!   end_try_catch
%!   assert (numel (dir (d)), 2);  # . and ..
%!   result.initial_params.W1 = 1;
%!   try
%!     dlfp.write_result (result, fullfile (d, "missing", "r.json"));
%!     error ("no error");
%!   catch err
%!     assert (err.message, ["dlfp: write_result: no such folder: " fullfile(d, "missing")]);
%!     assert (err.identifier, "dlfp:file");
%!   end_try_catch
%!   try
%!     dlfp.write_result (result, d);
%!     error ("no error");
%!   catch err
%!     assert (err.message, ["dlfp: write_result: " d " is a folder"]);
%!   end_try_catch
%!   for bad = {NaN, Inf}
%!     r = result;
%!     r.test_accuracy = bad{1};
%!     try
%!       dlfp.write_result (r, f);
%!       error ("no error");
%!     catch err
%!       assert (err.message, "dlfp: write_result: the result holds NaN or Inf, which JSON cannot carry");
%!     end_try_catch
%!   endfor
%!   assert (numel (dir (d)), 2);
%!   dlfp.write_result (result, f);
%!   assert (numel (dir (d)), 3);
%!   ## the mode a new file gets from the umask
%!   [~, out] = system (sprintf ("umask; stat -c %%a '%s'", f));
%!   out = strsplit (strtrim (out), "\n");
%!   assert (bitand (438, 511 - base2dec (out{1}, 8)), base2dec (out{2}, 8));  # 0666 & ~umask
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!test
%! ## the snapshots, after the accuracies: every matrix a list of rows, a 1 x 1 one too
%! p = @(w, b) struct ("W1", w, "b1", b);
%! result = struct ("name", "s", "initial_params", p ([1, 2], 0.5),
%!                  "final_params", p ([3, 4], -0.25), "loss_curve", [0, 1; 2, 0.5],
%!                  "train_accuracy", 1, "test_accuracy", 0.5);
%! result.snapshots = {struct("epoch", 0, "params", p ([1, 2], 0.5)),
%!                     struct("epoch", 2, "params", p ([3, 4], -0.25))};
%! f = [tempname() ".json"];
%! unwind_protect
%!   dlfp.write_result (result, f);
%!   text = fileread (f);
%!   assert (! isempty (strfind (text, sprintf (['"test_accuracy": 0.5,\n "snapshots": [\n  {\n' ...
%!                                               '   "epoch": 0,\n   "params": {\n' ...
%!                                               '    "W1": [\n     [1, 2]\n    ],\n' ...
%!                                               '    "b1": [\n     [0.5]\n    ]\n   }\n  },']))));
%!   back = jsondecode (text);
%!   assert (fieldnames (back){end}, "snapshots");
%!   assert ([back.snapshots.epoch], [0, 2]);
%!   assert (back.snapshots(2).params, p ([3, 4], -0.25));
%!   ## a NaN in a snapshot is refused like any other
%!   result.snapshots{1}.params.b1 = NaN;
%!   unlink (f);
%!   try
%!     dlfp.write_result (result, f);
%!     error ("no error");
%!   catch err
%!     assert (err.message, "dlfp: write_result: the result holds NaN or Inf, which JSON cannot carry");
%!   end_try_catch
%!   assert (! isfile (f));
%! unwind_protect_cleanup
%!   if (isfile (f))
%!     unlink (f);
%!   endif
%! end_unwind_protect
%!test
%! ## the cross_validation block, as Python's json holds cross_validate's dict
%! folds = struct ("test_index", {[0, 2, 5], [1, 3, 4]}, "train_accuracy", {1, 2/3},
%!                 "test_accuracy", {1/3, 1}, "final_cost", {0.1, 1e-300});
%! result = struct ("name", "cv", "initial_params", struct ("W1", 1, "b1", 0),
%!                  "final_params", struct ("W1", 2, "b1", 0), "loss_curve", [0, 1],
%!                  "train_accuracy", 1);
%! result.cross_validation = struct ("folds", folds, "mean_test_accuracy", 2/3,
%!                                   "std_test_accuracy", 1/3);
%! f = [tempname() ".json"];
%! unwind_protect
%!   dlfp.write_result (result, f);
%!   text = fileread (f);
%!   assert (! isempty (strfind (text, '{"test_index": [0, 2, 5], "train_accuracy": 1, "test_accuracy": 0.33333333333333331, "final_cost": 0.10000000000000001}')));
%!   back = jsondecode (text);
%!   assert (fieldnames (back){end}, "cross_validation");
%!   cv = back.cross_validation;
%!   assert (fieldnames (cv), {"folds"; "mean_test_accuracy"; "std_test_accuracy"});
%!   assert ([cv.mean_test_accuracy, cv.std_test_accuracy], [2/3, 1/3]);
%!   assert ({cv.folds.test_index}, {[0; 2; 5], [1; 3; 4]});  # jsondecode makes columns
%!   assert ([cv.folds.final_cost], [0.1, 1e-300]);
%!   assert ([cv.folds.train_accuracy; cv.folds.test_accuracy], [1, 2/3; 1/3, 1]);
%!   ## NaN in a fold is refused like any other
%!   result.cross_validation.folds(2).final_cost = NaN;
%!   unlink (f);
%!   try
%!     dlfp.write_result (result, f);
%!     error ("no error");
%!   catch err
%!     assert (err.message, "dlfp: write_result: the result holds NaN or Inf, which JSON cannot carry");
%!   end_try_catch
%!   assert (! isfile (f));
%! unwind_protect_cleanup
%!   if (isfile (f))
%!     unlink (f);
%!   endif
%! end_unwind_protect
%!error <Invalid call> dlfp.write_result ()
