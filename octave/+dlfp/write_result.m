## -*- texinfo -*-
## @deftypefn {} {} write_result (@var{result}, @var{path})
## Write result as JSON (matrices as lists of rows, doubles to the last bit), atomically.
##
## The file appears whole or not at all: it is written beside @var{path} and renamed over
## it. Every number is written with %.17g, which reads back to the same double. The keys
## are name, initial_params, final_params, loss_curve, train_accuracy and, when the
## result has one, test_accuracy. A NaN or Inf anywhere, or a missing folder, is a dlfp
## error and writes nothing.
## @end deftypefn

function write_result (result, path)
  fn = "write_result";
  numbers = [struct2cell(result.initial_params); struct2cell(result.final_params);
             {result.loss_curve; result.train_accuracy}];
  accuracies = {"train_accuracy"};
  if (isfield (result, "test_accuracy"))
    numbers{end + 1} = result.test_accuracy;
    accuracies{end + 1} = "test_accuracy";
  endif
  if (! all (cellfun (@(x) all (isfinite (x(:))), numbers)))
    dlfp.internal.fail ("data", fn, "the result holds NaN or Inf, which JSON cannot carry");
  endif
  items = cellfun (@(k) sprintf (",\n \"%s\": %.17g", k, result.(k)), accuracies,
                   "UniformOutput", false);
  text = sprintf ("{\n \"name\": %s,\n \"initial_params\": %s,\n \"final_params\": %s,\n \"loss_curve\": %s%s\n}\n",
                  dlfp.internal.json_string (result.name),
                  params_json (result.initial_params), params_json (result.final_params),
                  dlfp.internal.json_matrix (result.loss_curve, 1), [items{:}]);
  folder = fileparts (make_absolute_filename (path));
  if (! isfolder (folder))
    ## (tempname would quietly fall back to /tmp, and the rename would then fail or cross
    ## file systems)
    dlfp.internal.fail ("file", fn, ["no such folder: " folder]);
  endif
  tmp = [tempname(folder, ".dlfp-") ".json"];
  [fid, msg] = fopen (tmp, "w");
  if (fid < 0)
    error ("dlfp_write:open", "write_result: cannot write %s: %s", tmp, msg);
  endif
  unwind_protect
    fputs (fid, text);
    fclose (fid);
    fid = -1;
    [ok, msg] = rename (tmp, path);
    if (ok != 0)
      error ("dlfp_write:rename", "write_result: cannot rename %s to %s: %s", tmp, path, msg);
    endif
  unwind_protect_cleanup
    if (fid >= 0)
      fclose (fid);
    endif
    if (isfile (tmp))
      unlink (tmp);
    endif
  end_unwind_protect
endfunction

function text = params_json (params)
  keys = fieldnames (params)';
  items = cellfun (@(k) sprintf ("  \"%s\": %s", k, dlfp.internal.json_matrix (params.(k), 2)),
                   keys, "UniformOutput", false);
  text = ["{\n" strjoin(items, ",\n") "\n }"];
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
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
