## -*- texinfo -*-
## @deftypefn {} {} check_name (@var{name}, @var{table}, @var{what}, @var{fn})
## Stop unless name is a string naming a field of table; the message lists the known names.
## @end deftypefn

function check_name (name, table, what, fn)
  if (! (ischar (name) && isfield (table, name)))
    dlfp.internal.fail ("scenario", fn,
                        sprintf ("unknown %s '%s' (known: %s)", what,
                                 dlfp.internal.py_str (name),
                                 strjoin (sort (fieldnames (table))', ", ")));
  endif
endfunction

%!error <dlfp: f: unknown init 'x' \(known: he, scaled, xavier\)>
%! dlfp.internal.check_name ("x", dlfp.initializers (), "init", "f");
