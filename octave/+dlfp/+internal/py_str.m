## -*- texinfo -*-
## @deftypefn {} {@var{s} =} py_str (@var{x})
## s = str(x) as Python prints the same JSON value: a string as itself, anything else as repr.
## @end deftypefn

function s = py_str (x)
  if (ischar (x))
    s = x;
  else
    s = dlfp.internal.py_repr (x);
  endif
endfunction

%!assert (dlfp.internal.py_str ("relu"), "relu")
%!assert (dlfp.internal.py_str ({"relu"}), "['relu']")
%!assert (dlfp.internal.py_str (2), "2")
