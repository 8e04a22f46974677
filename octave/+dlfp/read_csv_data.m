## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{labels}] =} dlfp.read_csv_data (@var{path})
## [X, labels] = rows of the CSV file at path, transposed; the last column is the label.
##
## The file holds one example per row, comma-separated plain decimal numbers, no header,
## read strictly by @code{dlfp.read_csv_matrix} (errors name load_data, a row by
## its line in the file). @var{X} is n_features x m and @var{labels} 1 x m. A file with no
## row, or rows of one column, is @code{dlfp: load_data: malformed CSV in <path>: need at
## least one row of features and a label}.
## @end deftypefn

function [X, labels] = read_csv_data (path)
  if (nargin < 1)
    print_usage ();
  endif
  D = dlfp.read_csv_matrix (path, "load_data");  # (m, n_features + 1)
  if (columns (D) < 2)
    dlfp.internal.fail ("data", "load_data", sprintf ("malformed CSV in %s: need at least one row of features and a label", dlfp.internal.shown (path, Inf)));
  endif
  X = D(:, 1:end - 1)';
  labels = D(:, end)';
endfunction

%!test
%! f = tempname ();
%! unwind_protect
%!   fid = fopen (f, "w"); fputs (fid, "1,2,0\n\n3.5,-4e-3,1\r\n 5 ,1e309,1\n"); fclose (fid);
%!   [X, labels] = dlfp.read_csv_data (f);
%!   assert (X, [1, 3.5, 5; 2, -4e-3, Inf]);
%!   assert (labels, [0, 1, 1]);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <dlfp: load_data: no such file: /nonexistent/d.csv> dlfp.read_csv_data ("/nonexistent/d.csv")
%!test
%! f = tempname ();
%! cases = {"1,2,3\n4,abc,6\n", "row 2, column 2: 'abc' is not a plain decimal number";
%!          "1,2,3\n\n4,5\n", "row 3 has 2 columns but row 1 has 3";
%!          "1\n2\n", "need at least one row of features and a label";
%!          "", "need at least one row of features and a label"};
%! unwind_protect
%!   for k = 1:rows (cases)
%!     fid = fopen (f, "w"); fputs (fid, sprintf (cases{k, 1})); fclose (fid);
%!     try
%!       dlfp.read_csv_data (f);
%!       error ("no error");
%!     catch err
%!       assert (err.message, ["dlfp: load_data: malformed CSV in " f ": " cases{k, 2}]);
%!       assert (err.identifier, "dlfp:data");
%!     end_try_catch
%!   endfor
%!   fid = fopen (f, "w"); fwrite (fid, uint8 ([49, 44, 233, 10])); fclose (fid);  # Latin-1
%!   try
%!     dlfp.read_csv_data (f);
%!     error ("no error");
%!   catch err
%!     assert (err.message, ["dlfp: load_data: " f " is not UTF-8 text"]);
%!   end_try_catch
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <Invalid call> dlfp.read_csv_data ()
