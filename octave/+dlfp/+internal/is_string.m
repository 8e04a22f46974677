## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} is_string (@var{x})
## tf = x is one string (a char row, "" included): what a JSON string reads as.
## @end deftypefn

function tf = is_string (x)
  tf = ischar (x) && rows (x) <= 1;
endfunction

%!assert (dlfp.internal.is_string ("relu"))
%!assert (dlfp.internal.is_string (""))
%!assert (! dlfp.internal.is_string (["ab"; "cd"]))
%!assert (! dlfp.internal.is_string ({"relu"}))
%!assert (! dlfp.internal.is_string (3))
