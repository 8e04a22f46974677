## -*- texinfo -*-
## @deftypefn {} {@var{data} =} dlfp.load_checked_data (@var{scenario})
## data = load_data(scenario) and, with a test set, load_test_data(scenario), each checked.
##
## The twin of data.py's @code{load_checked_data}: the one way a scenario's data are read.
## The training set, then the test set when the scenario names one
## (@code{dlfp.has_test_data}), each read and then checked by @code{dlfp.check_data} against
## the scenario's layers and output activation, so bad data stop with check_data's message
## before any training. @var{scenario} is a checked one (@code{dlfp.read_scenario}).
## @var{data} is a struct with fields X (n_0 x m), labels (1 x m), X_test (n_0 x m_test) and
## labels_test (1 x m_test); X_test and labels_test are [] without a test set.
## @end deftypefn

function data = load_checked_data (scenario)
  if (nargin < 1)
    print_usage ();
  endif
  layers = scenario.layers;
  out_act = scenario.activations{end};
  [X, labels] = dlfp.load_data (scenario);
  dlfp.check_data (X, labels, layers, out_act);
  X_test = labels_test = [];
  if (dlfp.has_test_data (scenario))
    [X_test, labels_test] = dlfp.load_test_data (scenario);
    dlfp.check_data (X_test, labels_test, layers, out_act);
  endif
  data = struct ("X", X, "labels", labels, "X_test", X_test, "labels_test", labels_test);
endfunction

%!test
%! ## a CSV training set and test set, worked by hand: examples become columns
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   fid = fopen (fullfile (d, "train.csv"), "w"); fputs (fid, "1,2,0\n3,4,2\n"); fclose (fid);
%!   fid = fopen (fullfile (d, "test.csv"), "w"); fputs (fid, "5,6,1\n"); fclose (fid);
%!   s = struct ("data", struct ("csv", "train.csv", "test_csv", "test.csv"), "base_dir", d,
%!               "layers", [2, 3], "activations", {{"softmax"}});
%!   data = dlfp.load_checked_data (s);
%!   assert (fieldnames (data)', {"X", "labels", "X_test", "labels_test"});
%!   assert (data.X, [1, 3; 2, 4]);
%!   assert (data.labels, [0, 2]);
%!   assert (data.X_test, [5; 6]);
%!   assert (data.labels_test, 1);
%!   s.data = rmfield (s.data, "test_csv");  # without a test set: both empty
%!   data = dlfp.load_checked_data (s);
%!   assert (isempty (data.X_test) && isempty (data.labels_test));
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!error <dlfp: check_data: the data have 2 features but the first layer has 3 units>
%! ## the training set is checked against the first layer
%! dlfp.load_checked_data (struct ("data", struct ("generator", "xor", "seed", 3, "n", 4),
%!                                 "layers", [3, 1], "activations", {{"sigmoid"}}));
%!test
%! ## the test set is checked too: a label out of range in it, none in the training set
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   fid = fopen (fullfile (d, "train.csv"), "w"); fputs (fid, "1,2,0\n3,4,1\n"); fclose (fid);
%!   fid = fopen (fullfile (d, "test.csv"), "w"); fputs (fid, "5,6,2\n"); fclose (fid);
%!   s = struct ("data", struct ("csv", "train.csv", "test_csv", "test.csv"), "base_dir", d,
%!               "layers", [2, 1], "activations", {{"sigmoid"}});
%!   err = "";
%!   try
%!     dlfp.load_checked_data (s);
%!   catch e
%!     err = e.message;
%!   end_try_catch
%!   assert (err, "dlfp: check_data: label 2 at example 1 is out of range 0..1");
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!error <Invalid call> dlfp.load_checked_data ()
