## -*- texinfo -*-
## @deftypefn {} {@var{s} =} py_repr (@var{x})
## s = repr(x) as Python prints the same JSON value: 'abc', 3, 0.5, nan, True, None, [1, 2].
##
## Error messages quote values the way Python's @code{@{x!r@}} does, so the three languages
## print the same text. Octave cannot tell JSON 2 from 2.0 or null from [], so a whole number
## prints as an integer and an empty array as None.
## @end deftypefn

function s = py_repr (x)
  if (ischar (x))
    s = quote (x);
  elseif (iscell (x))
    s = ["[" strjoin(cellfun (@dlfp.internal.py_repr, x(:)', "UniformOutput", false), ", ") "]"];
  elseif (isstruct (x) && isscalar (x))
    keys = fieldnames (x)';
    items = cellfun (@(k) [quote(k) ": " dlfp.internal.py_repr(x.(k))], keys,
                     "UniformOutput", false);
    s = ["{" strjoin(items, ", ") "}"];
  elseif (isempty (x))
    s = "None";
  elseif (islogical (x) && isscalar (x))
    s = ifelse_str (x, "True", "False");
  elseif (isnumeric (x) && isscalar (x) && isreal (x))
    s = number (double (x));
  elseif (isnumeric (x) && isscalar (x))
    s = complex_repr (double (real (x)), double (imag (x)));  # else the vector case recurses
  elseif ((isnumeric (x) || islogical (x)) && isvector (x))
    s = ["[" strjoin(arrayfun (@dlfp.internal.py_repr, x(:).', "UniformOutput", false), ", ") "]"];
  elseif (isnumeric (x) || islogical (x))
    lines = arrayfun (@(i) dlfp.internal.py_repr (x(i,:)), 1:rows (x), "UniformOutput", false);
    s = ["[" strjoin(lines, ", ") "]"];
  else
    s = class (x);
  endif
endfunction

function s = quote (x)
  ## Python's repr picks double quotes only when that saves escaping a single quote.
  if (any (x == "'") && ! any (x == '"'))
    s = ['"' x '"'];
  else
    s = ["'" strrep(strrep (x, '\', '\\'), "'", "\\'") "'"];
  endif
endfunction

function s = ifelse_str (c, a, b)
  if (c)
    s = a;
  else
    s = b;
  endif
endfunction

function s = complex_repr (re, im)
  ## Python's repr(complex): 1j, (2-1.5j); its parts without a trailing .0
  s = [number(im) "j"];
  if (re != 0 || 1 / re < 0)
    s = ["(" number(re) repmat("+", 1, ! (im < 0)) s ")"];
  endif
endfunction

function s = number (x)
  if (isnan (x))
    s = "nan";
  elseif (isinf (x))
    s = ifelse_str (x > 0, "inf", "-inf");
  elseif (x == round (x) && abs (x) < 1e16)
    s = sprintf ("%.0f", x + 0);  # + 0 turns -0 into 0, as int(-0.0) does
  else
    ## Python's repr is the shortest text that reads back to the same double.
    for p = 1:17
      s = sprintf ("%.*g", p, x);
      if (str2double (s) == x)
        break;
      endif
    endfor
  endif
endfunction

%!assert (dlfp.internal.py_repr ("x"), "'x'")
%!assert (dlfp.internal.py_repr (3), "3")
%!assert (dlfp.internal.py_repr (-0), "0")
%!assert (dlfp.internal.py_repr (1.5), "1.5")
%!assert (dlfp.internal.py_repr (0.1), "0.1")
%!assert (dlfp.internal.py_repr (1e-5), "1e-05")
%!assert (dlfp.internal.py_repr (1e20), "1e+20")
%!assert (dlfp.internal.py_repr (NaN), "nan")
%!assert (dlfp.internal.py_repr (-Inf), "-inf")
%!assert (dlfp.internal.py_repr (true), "True")
%!assert (dlfp.internal.py_repr (1i), "1j")
%!assert (dlfp.internal.py_repr (2 - 1.5i), "(2-1.5j)")
%!assert (dlfp.internal.py_repr ([1i, 2-1i]), "[1j, (2-1j)]")
%!assert (dlfp.internal.py_repr ([]), "None")
%!assert (dlfp.internal.py_repr ([1; 2.5]), "[1, 2.5]")
%!assert (dlfp.internal.py_repr ({"a"; 1}), "['a', 1]")
%!assert (dlfp.internal.py_repr (struct ("a", 1)), "{'a': 1}")
