## -*- texinfo -*-
## @deftypefn {} {@var{text} =} json_string (@var{s})
## text = s as a JSON string: quotes, backslashes and control characters escaped.
## @end deftypefn

function text = json_string (s)
  s = strrep (s, '\', '\\');
  s = strrep (s, '"', '\"');
  ## control characters become \u00XX, one cell per character so lengths may change
  chars = num2cell (s);
  ctrl = s < 32;
  chars(ctrl) = arrayfun (@(c) sprintf ('\\u%04x', c), double (s(ctrl)), "UniformOutput", false);
  text = ['"' chars{:} '"'];
endfunction

%!assert (dlfp.internal.json_string ('a"b\c'), '"a\"b\\c"')
%!assert (jsondecode (dlfp.internal.json_string (sprintf ("x\ny\t"))), sprintf ("x\ny\t"))
