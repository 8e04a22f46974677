## -*- texinfo -*-
## @deftypefn {} {@var{s} =} num (@var{x})
## s = str(int(x)) when x is whole, else repr(float(x)): a bound as the messages print it.
##
## The twin of schema.py's @code{_num}: 1000000 prints as 1000000 (not 1e+06), 0.5 as 0.5.
## @end deftypefn

function s = num (x)
  if (x == fix (x))
    s = sprintf ("%.0f", x + 0);  # every digit (%d turns to 1e+20); + 0 makes -0 print 0
  else
    s = dlfp.internal.py_repr (x);
  endif
endfunction

%!assert (dlfp.internal.num (1000000), "1000000")
%!assert (dlfp.internal.num (2147483645), "2147483645")
%!assert (dlfp.internal.num (1e20), "100000000000000000000")
%!assert (dlfp.internal.num (0), "0")
%!assert (dlfp.internal.num (-0), "0")
%!assert (dlfp.internal.num (0.5), "0.5")
%!assert (dlfp.internal.num (1e-8), "1e-08")
