## -*- texinfo -*-
## @deftypefn {} {@var{f} =} lookup_name (@var{table}, @var{name}, @var{what}, @var{caller})
## f = table.(name), or an error that lists the known names.
##
## The twin of Python's @code{lookup} in activations.py: the message reads
## @code{dlfp: <caller>: unknown <what> '<name>' (known: a, b, c)}, names sorted.
## @end deftypefn

function f = lookup_name (table, name, what, caller)
  if (! (ischar (name) && isfield (table, name)))
    known = strjoin (sort (fieldnames (table))', ", ");
    dlfp.internal.fail ("name", caller,
                        sprintf ("unknown %s '%s' (known: %s)", what,
                                 dlfp.internal.py_str (name), known));
  endif
  f = table.(name);
endfunction

%!test
%! f = dlfp.internal.lookup_name (struct ("b", 2, "a", 1), "a", "thing", "me");
%! assert (f, 1)
%!error <dlfp: me: unknown thing 'c' \(known: a, b\)>
%! dlfp.internal.lookup_name (struct ("b", 2, "a", 1), "c", "thing", "me");
%!error <unknown thing '3' \(known: a\)> dlfp.internal.lookup_name (struct ("a", 1), 3, "thing", "me");
