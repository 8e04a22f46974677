## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} is_number (@var{x})
## tf = x is one finite real number (not a logical: JSON true is not a number, as in Python).
## @end deftypefn

function tf = is_number (x)
  tf = isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x);
endfunction

%!assert (dlfp.internal.is_number (2.5))
%!assert (! dlfp.internal.is_number (true))
%!assert (! dlfp.internal.is_number (Inf))
%!assert (! dlfp.internal.is_number ([1, 2]))
%!assert (! dlfp.internal.is_number ("1"))
