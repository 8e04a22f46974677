## -*- texinfo -*-
## @deftypefn {} {@var{out} =} check_object (@var{obj}, @var{spec}, @var{prefix}, @var{top})
## out = obj checked against spec's rows (and its choice's variant), defaults filled in.
##
## The twin of schema.py's @code{check_object}, the walker over the scenario rules. Checks,
## in this order: the choice's key and name, unknown fields (in the object's key order),
## missing required fields, each row in turn (by @code{dlfp.internal.checks ()}, a table of
## one check per row type), fields that go together. @var{prefix} names the object in
## messages ("" at the top level, then e.g. "lr_decay"); @var{top} is the checked top level,
## where default_from looks ([] at the top level itself, which is @var{out} as it grows).
## @var{out} has the rows' fields in the rows' order.
## @end deftypefn

function out = check_object (obj, spec, prefix, top)
  rows = {};
  if (isfield (spec, "fields"))
    rows = spec.fields;
  endif
  if (isfield (spec, "choice"))
    key = spec.choice.key;
    dlfp.internal.check_name (obj.(key), spec.choice.table, spec.choice.what,
                              label (prefix, key));
    rows = [{struct("field", key, "type", "chosen")}, rows, spec.choice.variants.(obj.(key))];
  endif
  fields = cellfun (@(r) r.field, rows, "UniformOutput", false);
  allowed = sort (fields);
  what = "field";
  if (! isempty (prefix))
    what = sprintf ("field of '%s'", prefix);
  endif
  keys = fieldnames (obj)';
  unknown = find (! ismember (keys, allowed), 1);
  if (! isempty (unknown))
    stop (sprintf ("unknown %s '%s' (allowed: %s)", what, dlfp.internal.shown (keys{unknown}),
                   strjoin (allowed, ", ")));
  endif
  required = cellfun (@(r) isfield (r, "required") && r.required, rows);
  missing = find (required & ! isfield (obj, fields), 1);
  if (! isempty (missing))
    stop (sprintf ("missing field '%s'", label (prefix, fields{missing})));
  endif
  checks = dlfp.internal.checks ();
  at_top = isempty (top);
  out = struct ();
  for i = 1:numel (rows)
    r = rows{i};
    if (at_top)
      top_now = out;  # Python's top is the very dict being filled: its earlier rows
    else
      top_now = top;
    endif
    if (isfield (obj, r.field))
      value = obj.(r.field);
    elseif (isfield (r, "default"))
      value = r.default;
    elseif (isfield (r, "default_from"))
      ## another field's value, moved on by offset within [min, max]
      offset = 0;
      if (isfield (r, "offset"))
        offset = r.offset;
      endif
      value = mod (top_now.(r.default_from) + offset - r.min, r.max - r.min + 1) + r.min;
    else
      continue;
    endif
    out.(r.field) = checks.(r.type) (value, r, label (prefix, r.field), top_now);
  endfor
  if (isfield (spec, "together"))
    for group = spec.together
      given = isfield (obj, group{1});
      if (any (given) && ! all (given))
        names = cellfun (@(k) ["'" label(prefix, k) "'"], group{1}, "UniformOutput", false);
        stop ([strjoin(names, " and ") " go together"]);
      endif
    endfor
  endif
endfunction

function text = label (prefix, key)
  text = key;
  if (! isempty (prefix))
    text = [prefix "." key];
  endif
endfunction

function stop (problem)
  dlfp.internal.fail ("scenario", "read_scenario", problem);
endfunction

%!shared spec
%! spec = dlfp.internal.parse_json (['{"fields": [' ...
%!   '{"field": "n", "type": "integer", "min": 1, "required": true},' ...
%!   '{"field": "x", "type": "number", "min": 0, "default": 0.5},' ...
%!   '{"field": "s", "type": "integer", "min": 0, "max": 9, "default_from": "n", "offset": 1},' ...
%!   '{"field": "a", "type": "path"}, {"field": "b", "type": "path"}],' ...
%!   '"together": [["a", "b"]]}']);
%!test
%! out = dlfp.internal.check_object (struct ("n", 3), spec, "", []);
%! assert (out, struct ("n", 3, "x", 0.5, "s", 4));  # s = n + 1
%!test
%! ## default_from wraps around within [min, max]: (9 + 1 - 0) mod 10 + 0
%! out = dlfp.internal.check_object (struct ("n", 9), spec, "", []);
%! assert (out.s, 0);
%!test
%! out = dlfp.internal.check_object (struct ("a", "p", "x", 2, "n", 1, "b", "q"), spec, "o", struct ("n", 7));
%! assert (fieldnames (out), {"n"; "x"; "s"; "a"; "b"});  # the rows' order
%! assert (out.s, 8);  # from the top level's n
%!error <dlfp: read_scenario: unknown field of 'o' 'y' \(allowed: a, b, n, s, x\)>
%! dlfp.internal.check_object (struct ("n", 1, "y", 1, "z", 1), spec, "o", struct ("n", 1));
%!error <dlfp: read_scenario: missing field 'o.n'>
%! dlfp.internal.check_object (struct ("x", -1), spec, "o", struct ("n", 1));
%!error <dlfp: read_scenario: 'x' must be a non-negative number>
%! dlfp.internal.check_object (struct ("n", 1, "x", -1), spec, "", []);
%!error <dlfp: read_scenario: 'o.a' and 'o.b' go together>
%! dlfp.internal.check_object (struct ("n", 1, "b", "q"), spec, "o", struct ("n", 1));
