## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{labels}] =} read_csv_data (@var{path})
## [X, labels] = rows of the CSV file at path, transposed; the last column is the label.
##
## The file holds one example per row, comma-separated, no header; "#" starts a comment
## and empty lines are skipped, as numpy's loadtxt does. @var{X} is n_features x m and
## @var{labels} 1 x m. A field that is not a number, or a row with a different number
## of fields, is an error worded as numpy words it.
## @end deftypefn

function [X, labels] = read_csv_data (path)
  fn = "load_data";
  if (! ischar (path) || ! isfile (path))
    dlfp.internal.fail ("file", fn, ["no such file: " dlfp.internal.py_str(path)]);
  endif
  lines = regexp (fileread (path), '\r\n|\r|\n', "split");
  lines = regexprep (lines, '#.*', "");
  lines = lines(! cellfun (@isempty, lines));
  ncols = cellfun (@(s) sum (s == ","), lines) + 1;  # (1, m)
  fields = strsplit (strjoin (lines, ","), ",", "CollapseDelimiters", false);
  if (isempty (lines))
    fields = {};
  endif
  [values, bad] = parse_numbers (fields);
  ## numpy reads row by row, so report whichever problem comes first
  ragged = [];
  if (! isempty (lines))
    ragged = find (ncols != ncols(1), 1);
  endif
  first_bad = find (bad, 1);
  if (! isempty (first_bad))
    ends = cumsum (ncols);
    row = find (ends >= first_bad, 1);  # 1-based
    if (isempty (ragged) || row < ragged)
      col = first_bad - (ends(row) - ncols(row));
      dlfp.internal.fail ("data", fn,
                          sprintf ("malformed CSV in %s: could not convert string '%s' to float64 at row %d, column %d.",
                                   path, fields{first_bad}, row - 1, col));
    endif
  endif
  if (! isempty (ragged))
    dlfp.internal.fail ("data", fn,
                        sprintf ("malformed CSV in %s: the number of columns changed from %d to %d at row %d; use `usecols` to select a subset and avoid this error",
                                 path, ncols(1), ncols(ragged), ragged));
  endif
  if (isempty (lines) || ncols(1) < 2)
    dlfp.internal.fail ("data", fn, sprintf ("malformed CSV in %s: need at least one row of features and a label", path));
  endif
  D = reshape (values, ncols(1), numel (lines));  # (n + 1, m): one example a column
  X = D(1:end - 1, :);
  labels = D(end, :);
endfunction

function [values, bad] = parse_numbers (fields)
  ## str2double knows "Inf" and "NaN" but also "NA" and "2i", and not "infinity":
  ## spell out the special values numpy accepts and let str2double read the rest.
  values = str2double (fields);
  t = lower (strtrim (fields));
  is_nan = ismember (t, {"nan", "+nan", "-nan"});
  is_inf = ismember (t, {"inf", "+inf", "infinity", "+infinity"});
  is_minf = ismember (t, {"-inf", "-infinity"});
  bad = (isnan (values) & ! is_nan) | imag (values) != 0;
  values = real (values);
  values(is_nan) = NaN;
  values(is_inf) = Inf;
  values(is_minf) = -Inf;
  bad &= ! (is_inf | is_minf);
endfunction

%!test
%! f = tempname ();
%! unwind_protect
%!   fid = fopen (f, "w"); fputs (fid, "# comment\n1,2,0\n\n3.5,-4e-3,1 # note\r\n nan ,inf,1\n"); fclose (fid);
%!   [X, labels] = dlfp.read_csv_data (f);
%!   assert (X, [1, 3.5, NaN; 2, -4e-3, Inf]);
%!   assert (labels, [0, 1, 1]);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## 17 significant digits read back to the same double
%! f = tempname ();
%! x = [pi, -1/3, 1e-300, realmax, realmin / 8, 0.1];
%! unwind_protect
%!   fid = fopen (f, "w"); fprintf (fid, "%.17g,%.17g,%.17g\n", x); fclose (fid);
%!   [X, labels] = dlfp.read_csv_data (f);
%!   assert (isequal ([X; labels], reshape (x, 3, 2)));
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <dlfp: load_data: no such file: /nonexistent/d.csv> dlfp.read_csv_data ("/nonexistent/d.csv")
%!test
%! f = tempname ();
%! cases = {"1,2,3\n4,abc,6\n", "could not convert string 'abc' to float64 at row 1, column 2.";
%!          "1,2,3\n\n4,5\n", "the number of columns changed from 3 to 2 at row 2; use `usecols` to select a subset and avoid this error";
%!          "1,,3\n", "could not convert string '' to float64 at row 0, column 2.";
%!          "1\n2\n", "need at least one row of features and a label";
%!          "", "need at least one row of features and a label"};
%! unwind_protect
%!   for k = 1:rows (cases)
%!     fid = fopen (f, "w"); fprintf (fid, cases{k, 1}); fclose (fid);
%!     try
%!       dlfp.read_csv_data (f);
%!       error ("no error");
%!     catch err
%!       assert (err.message, ["dlfp: load_data: malformed CSV in " f ": " cases{k, 2}]);
%!       assert (err.identifier, "dlfp:data");
%!     end_try_catch
%!   endfor
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
