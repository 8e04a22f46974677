## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} is_int (@var{x})
## tf = x is a finite whole number (2 and 2.0 alike; JSON cannot tell them apart here).
## @end deftypefn

function tf = is_int (x)
  tf = dlfp.internal.is_number (x) && x == floor (x);
endfunction

%!assert (dlfp.internal.is_int (3))
%!assert (! dlfp.internal.is_int (3.5))
%!assert (! dlfp.internal.is_int (NaN))
