## -*- texinfo -*-
## @deftypefn {} {@var{D} =} dlfp.read_csv_matrix (@var{path}, @var{fn})
## D = the CSV file's rows as a matrix (m x n): plain decimal numbers, n the same in each row.
##
## The twin of data.py's @code{read_csv_matrix} (Python's predict command reads features with
## it; read_csv_data reads a scenario's data with it). The file is read by @code{dlfp.read_text}
## (missing, byte-order mark, not UTF-8: errors naming @var{fn}), split at "\n", one "\r"
## dropped from each line's end; lines that are empty or hold only spaces, tabs and "\r" are
## skipped, and a row is numbered by its line in the file. A cell is a plain decimal number
## with spaces or tabs around it (no hex, quotes, NA, nan, inf or words; 1e309 reads as Inf,
## which check_data then reports). The first bad row is named: @code{malformed CSV in
## <path>: row <r> has <n> columns but row <r1> has <w>} (w the first row's count), or
## @code{... row <r>, column <c>: '<cell>' is not a plain decimal number}; no row at all is
## @code{... need at least one row of features and a label}. Vectorized: one regexp over
## all lines, one sscanf over all cells.
## @end deftypefn

function D = read_csv_matrix (path, fn)
  if (nargin < 2)
    print_usage ();
  endif
  text = dlfp.read_text (path, fn);
  path = dlfp.internal.shown (path, Inf);  # as the messages show it
  lines = strsplit (text, "\n", "CollapseDelimiters", false);
  number = 1:numel (lines);  # a row's name is its line in the file
  keep = ! cellfun (@isempty, regexp (lines, '[^ \t\r]', "once"));
  lines = regexprep (lines(keep), '\r$', "");
  number = number(keep);
  if (isempty (lines))
    malformed (fn, path, "need at least one row of features and a label");
  endif
  ## Python's and R's pattern: one way only to match each cell, so a row that fails late
  ## never backtracks through every earlier cell
  cell_re = '[ \t]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t]*';
  ncols = cellfun (@(line) sum (line == ","), lines) + 1;  # (1, m)
  plain = ! cellfun (@isempty, regexp (lines, ['^' cell_re '(?:,' cell_re ')*+$'], "once"));
  bad = find (ncols != ncols(1) | ! plain, 1);
  if (! isempty (bad))
    if (ncols(bad) != ncols(1))
      malformed (fn, path, sprintf ("row %d has %d columns but row %d has %d", number(bad),
                               ncols(bad), number(1), ncols(1)));
    endif
    cells = strsplit (lines{bad}, ",", "CollapseDelimiters", false);
    col = find (cellfun (@isempty, regexp (cells, ['^' cell_re '$'], "once")), 1);
    malformed (fn, path, sprintf ("row %d, column %d: '%s' is not a plain decimal number",
                             number(bad), col, dlfp.internal.shown (cells{col})));
  endif
  ## every cell is one number now: blanks out, commas to spaces, one read of them all
  ## (sscanf reads 1e309 as Inf, as Python's float does)
  values = sscanf (regexprep (strjoin (lines, ","), '[ \t]', ""), "%f,");
  D = reshape (values, ncols(1), numel (lines))';  # (m, n)
endfunction

function malformed (fn, path, problem)
  dlfp.internal.fail ("data", fn, sprintf ("malformed CSV in %s: %s", path, problem));
endfunction

%!test
%! f = tempname ();
%! unwind_protect
%!   fid = fopen (f, "w");
%!   fputs (fid, "\n1,2,0\n \t\r\n3.5, -4e-3 ,\t1\r\n+.5,7.,1E+2\n\n");
%!   fclose (fid);
%!   assert (dlfp.read_csv_matrix (f, "me"), [1, 2, 0; 3.5, -4e-3, 1; 0.5, 7, 100]);
%!   fid = fopen (f, "w"); fputs (fid, "1e309,-1e309,1e-400"); fclose (fid);
%!   assert (dlfp.read_csv_matrix (f, "me"), [Inf, -Inf, 0]);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## 17 significant digits read back to the same double
%! f = tempname ();
%! x = [pi, -1/3, 1e-300; realmax, realmin / 8, 0.1];
%! unwind_protect
%!   fid = fopen (f, "w"); fprintf (fid, "%.17g,%.17g,%.17g\n", x'); fclose (fid);
%!   assert (isequal (dlfp.read_csv_matrix (f, "me"), x));
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## rows are named by their line in the file; the first bad row wins, whatever is wrong
%! f = tempname ();
%! cases = {"1,2,3\n4,abc,6\n", "row 2, column 2: 'abc' is not a plain decimal number";
%!          "1,2,3\n\n4,5\n", "row 3 has 2 columns but row 1 has 3";
%!          "\n\n1,2,3\r\n4,5,6,7\r\n", "row 4 has 4 columns but row 3 has 3";
%!          "1,2,x\n4,5\n", "row 1, column 3: 'x' is not a plain decimal number";
%!          "1,2\n4,5,6\n1,x\n", "row 2 has 3 columns but row 1 has 2";
%!          "1,,3\n", "row 1, column 2: '' is not a plain decimal number";
%!          "1,2,3,\n", "row 1, column 4: '' is not a plain decimal number";
%!          "1, 2 3,4\n", "row 1, column 2: ' 2 3' is not a plain decimal number";
%!          "0x10,1\n", "row 1, column 1: '0x10' is not a plain decimal number";
%!          "\"1\",2\n", "row 1, column 1: '\"1\"' is not a plain decimal number";
%!          "nan,1\n", "row 1, column 1: 'nan' is not a plain decimal number";
%!          "1,Inf\n", "row 1, column 2: 'Inf' is not a plain decimal number";
%!          "NA,1\n", "row 1, column 1: 'NA' is not a plain decimal number";
%!          "1,2e\n", "row 1, column 2: '2e' is not a plain decimal number";
%!          "1_000,2\n", "row 1, column 1: '1_000' is not a plain decimal number";
%!          "# x,y\n1,2\n", "row 1, column 1: '# x' is not a plain decimal number";
%!          "1,2\r\r\n", "row 1, column 2: '2\\r' is not a plain decimal number";
%!          "", "need at least one row of features and a label";
%!          " \n\t\r\n", "need at least one row of features and a label"};
%! unwind_protect
%!   for k = 1:rows (cases)
%!     fid = fopen (f, "w"); fputs (fid, sprintf (strrep (cases{k, 1}, "%", "%%"))); fclose (fid);
%!     try
%!       dlfp.read_csv_matrix (f, "predict");
%!       error ("no error for %s", cases{k, 1});
%!     catch err
%!       assert (err.message, ["dlfp: predict: malformed CSV in " f ": " sprintf(cases{k, 2})]);
%!       assert (err.identifier, "dlfp:data");
%!     end_try_catch
%!   endfor
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! ## a long row that fails at its end is named at once (Python's pattern backtracks there)
%! f = tempname ();
%! unwind_protect
%!   fid = fopen (f, "w"); fputs (fid, [repmat("12345,", 1, 40) "x\n"]); fclose (fid);
%!   try
%!     dlfp.read_csv_matrix (f, "me");
%!     error ("no error");
%!   catch err
%!     assert (err.message, ["dlfp: me: malformed CSV in " f ": row 1, column 41: 'x' is not a plain decimal number"]);
%!   end_try_catch
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <dlfp: me: no such file: /nonexistent/d.csv> dlfp.read_csv_matrix ("/nonexistent/d.csv", "me")
%!test
%! f = tempname ();
%! unwind_protect
%!   fid = fopen (f, "w"); fputs (fid, "1,2\n3,4\n"); fclose (fid);
%!   assert (dlfp.read_csv_matrix (f, "predict"), [1, 2; 3, 4]);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <dlfp: predict: no such file: /nonexistent/d.csv> dlfp.read_csv_matrix ("/nonexistent/d.csv", "predict")
%!error <Invalid call> dlfp.read_csv_matrix ()
