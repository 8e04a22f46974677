## -*- texinfo -*-
## @deftypefn {} {@var{D} =} read_csv_matrix (@var{path}, @var{fn})
## D = the CSV file's rows as a matrix (m x n): plain decimal numbers, n the same in each row.
##
## Python exports @code{read_csv_matrix} (its predict command reads features with it); the
## work is @code{dlfp.internal.read_csv_matrix}, the helper of the same name in every
## language. See there for the rules and the messages, which name @var{fn}.
## @end deftypefn

function D = read_csv_matrix (path, fn)
  D = dlfp.internal.read_csv_matrix (path, fn);
endfunction

%!test
%! f = tempname ();
%! unwind_protect
%!   fid = fopen (f, "w"); fputs (fid, "1,2\n3,4\n"); fclose (fid);
%!   assert (dlfp.read_csv_matrix (f, "predict"), [1, 2; 3, 4]);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error <dlfp: predict: no such file: /nonexistent/d.csv> dlfp.read_csv_matrix ("/nonexistent/d.csv", "predict")
