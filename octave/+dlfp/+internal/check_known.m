## -*- texinfo -*-
## @deftypefn {} {} check_known (@var{obj}, @var{allowed}, @var{what}, @var{fn})
## Stop at the first field of obj (in file order) that is not in allowed.
## @end deftypefn

function check_known (obj, allowed, what, fn)
  for key = fieldnames (obj)'
    if (! any (strcmp (key{1}, allowed)))
      dlfp.internal.fail ("scenario", fn, sprintf ("unknown %s '%s' (allowed: %s)", what,
                                                   key{1}, strjoin (allowed, ", ")));
    endif
  endfor
endfunction

%!error <dlfp: f: unknown field 'c' \(allowed: a, b\)>
%! dlfp.internal.check_known (struct ("a", 1, "c", 2), {"a", "b"}, "field", "f");
