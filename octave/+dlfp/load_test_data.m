## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{labels}] =} dlfp.load_test_data (@var{scenario})
## [X, labels] = the scenario's held-out test set, read like the training data.
##
## From data.test_csv, or from data.test_idx_images and data.test_idx_labels (scaled to
## [0, 1], cut to the first data.test_limit examples). @var{labels} is a 1 x m row.
## @end deftypefn

function [X, labels] = load_test_data (scenario)
  if (nargin < 1)
    print_usage ();
  endif
  data = scenario.data;
  if (isfield (data, "test_csv"))
    [X, labels] = dlfp.read_csv_data (dlfp.internal.data_path (scenario, data.test_csv));
    return;
  endif
  limit = [];
  if (isfield (data, "test_limit"))
    limit = data.test_limit;
  endif
  [X, labels] = dlfp.internal.read_idx_pair (scenario, data.test_idx_images,
                                             data.test_idx_labels, limit);
endfunction

%!test
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   fid = fopen (fullfile (d, "test.csv"), "w"); fputs (fid, "1,2,0\n3,4,1\n"); fclose (fid);
%!   s = struct ("data", struct ("csv", "train.csv", "test_csv", "test.csv"), "base_dir", d);
%!   [X, labels] = dlfp.load_test_data (s);
%!   assert (X, [1, 3; 2, 4]);
%!   assert (labels, [0, 1]);
%!   dlfp.write_idx (fullfile (d, "t-img.gz"), [0, 255; 51, 102; 0, 0]);
%!   dlfp.write_idx (fullfile (d, "t-lab.gz"), [2, 1, 0]);
%!   s.data = struct ("idx_images", "a", "idx_labels", "b", "test_idx_images", "t-img.gz",
%!                    "test_idx_labels", "t-lab.gz", "limit", 1, "test_limit", 2);
%!   [X, labels] = dlfp.load_test_data (s);
%!   assert (X, [0, 0.2; 1, 0.4], 1e-16);
%!   assert (labels, [2, 1]);
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%!error <Invalid call> dlfp.load_test_data ()
