## -*- texinfo -*-
## @deftypefn {} {@var{text} =} json_string (@var{s})
## text = s as a JSON string: quotes, backslashes and control characters escaped.
## @end deftypefn

function text = json_string (s)
  s = strrep (s, '\', '\\');
  s = strrep (s, '"', '\"');
  ctrl = find (s < 32);
  for k = fliplr (ctrl)  # from the end, so earlier positions stay valid
    s = [s(1:k - 1), sprintf('\\u%04x', double (s(k))), s(k + 1:end)];
  endfor
  text = ['"' s '"'];
endfunction

%!assert (dlfp.internal.json_string ('a"b\c'), '"a\"b\\c"')
%!assert (jsondecode (dlfp.internal.json_string (sprintf ("x\ny\t"))), sprintf ("x\ny\t"))
