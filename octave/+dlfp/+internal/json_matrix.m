## -*- texinfo -*-
## @deftypefn {} {@var{text} =} json_matrix (@var{M}, @var{indent})
## text = M as a JSON list of rows, one row a line, every number to 17 significant digits.
##
## jsonencode keeps fewer digits (and wrote 1e-300 as 0 here), so the numbers are formatted
## by one vectorized sprintf.
## @end deftypefn

function text = json_matrix (M, indent)
  if (any (! isfinite (M(:))))
    ## Python's json.dumps(allow_nan=False) refuses these too; not a dlfp input error.
    error ("dlfp_json:nonfinite", "Out of range float values are not JSON compliant");
  endif
  [r, c] = size (M);
  if (r == 0)
    text = "[]";
    return;
  endif
  row = ["[" repmat("%.17g, ", 1, c - 1) "%.17g]"];
  if (c == 0)
    row = "[]";
  endif
  pad = blanks (indent + 1);
  body = sprintf ([pad row ",\n"], M.');
  text = ["[\n" body(1:end - 2) "\n" blanks(indent) "]"];
endfunction

%!assert (dlfp.internal.json_matrix ([1, 0.1; 1e-300, -2], 0),
%!        sprintf ("[\n [1, 0.10000000000000001],\n [1e-300, -2]\n]"))
%!test
%! M = [pi, -1/3; realmin / 4, realmax];
%! assert (isequal (jsondecode (dlfp.internal.json_matrix (M, 2)), M));
%!error <not JSON compliant> dlfp.internal.json_matrix (NaN, 0)
