## -*- texinfo -*-
## @deftypefn {} {@var{table} =} checks ()
## CHECKS: row type -> out = check(value, rule, label, top), the one check of each type.
##
## schema.py's @code{CHECKS}, a table rather than an if-chain: string, path, integer,
## number, name, chosen, integer_list, activations, object and source. Each returns the
## value as the scenario keeps it (integers and numbers as doubles, layers a 1 x n row,
## activations a 1 x n cell of names, objects structs) or stops with the message its rule
## words: @code{dlfp: read_scenario: '<label>' must be ...}.
## @end deftypefn

function table = checks ()
  persistent t;
  if (isempty (t))
    t = struct ("string", @check_string, "path", @check_path, "integer", @check_integer,
                "number", @check_number, "name", @check_name_row, "chosen", @check_chosen,
                "integer_list", @check_integer_list, "activations", @check_activations,
                "object", @check_object_row, "source", @check_source);
  endif
  table = t;
endfunction

function out = check_string (value, rule, label, top)
  nonempty = isfield (rule, "nonempty") && rule.nonempty;
  if (! dlfp.internal.is_string (value) || (nonempty && isempty (value)))
    stop (sprintf ("'%s' must be a %sstring", label, {"", "non-empty "}{nonempty + 1}));
  endif
  out = value;
endfunction

function out = check_path (value, rule, label, top)
  if (! dlfp.internal.is_string (value) || isempty (value))
    stop (sprintf ("'%s' must be a file path", label));
  endif
  out = value;
endfunction

function out = check_integer (value, rule, label, top)
  if (! (dlfp.internal.is_int (value) && dlfp.internal.in_bounds (value, rule)))
    stop (sprintf ("'%s' must be %s", label, dlfp.internal.integer_phrase (rule)));
  endif
  out = double (value);
endfunction

function out = check_number (value, rule, label, top)
  if (! (dlfp.internal.is_number (value) && dlfp.internal.in_bounds (value, rule)))
    stop (sprintf ("'%s' must be %s", label, dlfp.internal.number_phrase (rule)));
  endif
  out = double (value);
endfunction

## (Python's _check_name and _check_object; named apart from dlfp.internal.check_name and
## check_object, because inside this file Octave would take those calls for these)
function out = check_name_row (value, rule, label, top)
  out = dlfp.internal.check_name (value, rule.table, rule.what, label);
endfunction

function out = check_chosen (value, rule, label, top)
  out = value;  # the choice's key, checked by check_object before anything else
endfunction

function tf = arrayfun_bounds (x, rule)
  ## in_bounds for every entry of x at once
  tf = true (size (x));
  if (isfield (rule, "min")) tf &= x >= rule.min; endif
  if (isfield (rule, "max")) tf &= x <= rule.max; endif
  if (isfield (rule, "exclusive_min")) tf &= x > rule.exclusive_min; endif
  if (isfield (rule, "exclusive_max")) tf &= x < rule.exclusive_max; endif
endfunction

function out = check_integer_list (value, rule, label, top)
  ## is_int and in_bounds of each entry, vectorized: an anonymous function per entry cost
  ## Octave seconds on a list of 100,000
  ok = (iscell (value) && numel (value) >= rule.min_length
        && all (cellfun ("isnumeric", value) & cellfun ("isreal", value)
                & cellfun ("numel", value) == 1));
  if (ok)
    x = cellfun (@double, value);
    ok = all (isfinite (x(:)) & x(:) == floor (x(:))) && all (arrayfun_bounds (x, rule));
  endif
  if (! ok)
    stop (sprintf ("'%s' must be a list of at least %d %s", label, rule.min_length,
                   dlfp.internal.integer_phrase (rule, true)));
  endif
  out = cellfun (@double, reshape (value, 1, []));  # (1, n)
  weights = sum (out(2:end) .* out(1:end - 1));
  if (weights > rule.max_weights)
    stop (sprintf ("'%s' makes %s weights, more than %s", label, dlfp.internal.num (weights),
                   dlfp.internal.num (rule.max_weights)));
  endif
endfunction

function out = check_activations (value, rule, label, top)
  layers = top.layers;
  if (! iscell (value) || ! all (cellfun (@dlfp.internal.is_string, value)))
    stop (sprintf ("'%s' must be a list of names", label));
  endif
  if (numel (value) != numel (layers) - 1)
    stop (sprintf ("'%s' has %d entries but 'layers' needs %d", label, numel (value),
                   numel (layers) - 1));
  endif
  for a = value(:)'
    dlfp.internal.check_name (a{1}, rule.table, "activation", label);
  endfor
  for a = value(1:end - 1)
    dlfp.internal.check_name (a{1}, rule.hidden_table, "hidden activation", label);
  endfor
  output = dlfp.internal.check_name (value{end}, rule.output_table, "output activation", label);
  rules = dlfp.scenario_rules ();
  units = rules.output_units.(output);
  if (strcmp (output, "sigmoid") && layers(end) != units)
    stop (sprintf ("a sigmoid output has %d unit but 'layers' ends in %d", units, layers(end)));
  endif
  if (layers(end) < units)
    stop (sprintf ("a %s output needs at least %d units", output, units));
  endif
  out = reshape (value, 1, []);
endfunction

function out = check_object_row (value, rule, label, top)
  key = [];
  if (isfield (rule, "choice"))
    key = rule.choice.key;
  endif
  if (! (isstruct (value) && isscalar (value)) || (! isempty (key) && ! isfield (value, key)))
    with_key = "";
    if (! isempty (key))
      with_key = sprintf (" with a '%s'", key);
    endif
    stop (sprintf ("'%s' must be an object%s", label, with_key));
  endif
  out = dlfp.internal.check_object (value, rule, label, top);
endfunction

function out = check_source (value, rule, label, top)
  rules = dlfp.scenario_rules ();
  sources = sort (fieldnames (rules.sources))';
  present = {};
  if (isstruct (value) && isscalar (value))
    present = sources(isfield (value, sources));
  endif
  if (numel (present) != 1)
    quoted = cellfun (@(k) ["'" k "'"], sources, "UniformOutput", false);
    stop (sprintf ("'%s' must be an object with exactly one of %s or %s", label,
                   strjoin (quoted(1:end - 1), ", "), quoted{end}));
  endif
  out = dlfp.internal.check_object (value, rules.sources.(present{1}), label, top);
endfunction

function stop (problem)
  dlfp.internal.fail ("scenario", "read_scenario", problem);
endfunction

%!test
%! t = dlfp.internal.checks ();
%! assert (sort (fieldnames (t))', {"activations", "chosen", "integer", "integer_list", ...
%!                                  "name", "number", "object", "path", "source", "string"});
%! assert (t.integer (5, struct ("min", 1), "e", []), 5);
%! assert (t.number (0.5, struct ("exclusive_min", 0), "lr", []), 0.5);
%! assert (t.string ("", struct (), "description", []), "");
%! assert (t.integer_list ({2, 3, 1}, struct ("min_length", 2, "min", 1, "max", 9, "max_weights", 9), "layers", []), [2, 3, 1]);
%! rule = struct ("table", "ACTIVATIONS", "hidden_table", "DERIVATIVES", "output_table", "COSTS");
%! assert (t.activations ({"relu", "softmax"}, rule, "activations", struct ("layers", [2, 4, 3])),
%!         {"relu", "softmax"});
%!error <'layers' must be a list of at least 2 integers from 1 to 9>
%! t = dlfp.internal.checks ();
%! t.integer_list (2, struct ("min_length", 2, "min", 1, "max", 9, "max_weights", 99), "layers", []);
%!error <'layers' makes 12 weights, more than 10>
%! t = dlfp.internal.checks ();
%! t.integer_list ({2, 3, 2}, struct ("min_length", 2, "min", 1, "max", 9, "max_weights", 10), "layers", []);
%!error <'e' must be a positive integer>
%! t = dlfp.internal.checks ();
%! t.integer (true, struct ("min", 1), "e", []);  # true is no number
%!error <'e' must be a positive integer>
%! t = dlfp.internal.checks ();
%! t.integer ({5}, struct ("min", 1), "e", []);  # nor is [5]
