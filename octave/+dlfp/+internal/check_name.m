## -*- texinfo -*-
## @deftypefn {} {@var{name} =} check_name (@var{value}, @var{table}, @var{what}, @var{label})
## name = value, if it names an entry of TABLES.(table); else an error listing the known names.
##
## The twin of schema.py's @code{check_name}: not a string is @code{'<label>' must be a name
## (known: a, b)}, an unknown name @code{unknown <what> '<value>' (known: a, b)}, the known
## names sorted. @var{table} is a table's name in the rules, e.g. "INITIALIZERS".
## @end deftypefn

function name = check_name (value, table, what, label)
  all_tables = dlfp.internal.tables ();
  entries = all_tables.(table);
  known = strjoin (sort (fieldnames (entries))', ", ");
  if (! dlfp.internal.is_string (value))
    dlfp.internal.fail ("scenario", "read_scenario",
                        sprintf ("'%s' must be a name (known: %s)", label, known));
  endif
  if (! isfield (entries, value))
    dlfp.internal.fail ("scenario", "read_scenario",
                        sprintf ("unknown %s '%s' (known: %s)", what,
                                 dlfp.internal.shown (value), known));
  endif
  name = value;
endfunction

%!assert (dlfp.internal.check_name ("he", "INITIALIZERS", "init", "init"), "he")
%!error <dlfp: read_scenario: unknown init 'zeros' \(known: he, scaled, xavier\)>
%! dlfp.internal.check_name ("zeros", "INITIALIZERS", "init", "init");
%!error <dlfp: read_scenario: 'init' must be a name \(known: he, scaled, xavier\)>
%! dlfp.internal.check_name (3, "INITIALIZERS", "init", "init");
%!error <dlfp: read_scenario: 'lr_decay.kind' must be a name \(known: exponential, inverse_time, none\)>
%! dlfp.internal.check_name ({"none"}, "SCHEDULES", "lr_decay kind", "lr_decay.kind");
%!error <unknown generator '' \(known: circles, spiral, xor\)>
%! dlfp.internal.check_name ("", "GENERATORS", "generator", "data.generator");
