## -*- texinfo -*-
## @deftypefn {} {@var{t} =} tables ()
## TABLES: the tables the scenario rules name (ACTIVATIONS, ..., GENERATORS), by that name.
##
## schema.py's @code{TABLES}: a rule's "table" is looked up here, and a name is checked
## against the table's field names.
## @end deftypefn

function t = tables ()
  persistent T;
  if (isempty (T))
    T = struct ("ACTIVATIONS", dlfp.activations (), "DERIVATIVES", dlfp.derivatives (),
                "COSTS", dlfp.costs (), "INITIALIZERS", dlfp.initializers (),
                "OPTIMIZERS", dlfp.optimizers (), "SCHEDULES", dlfp.schedules (),
                "GENERATORS", dlfp.generators ());
  endif
  t = T;
endfunction

%!test
%! t = dlfp.internal.tables ();
%! assert (sort (fieldnames (t.COSTS))', {"sigmoid", "softmax"});
%! assert (sort (fieldnames (t.GENERATORS))', {"circles", "spiral", "xor"});
%!test
%! ## every table the rules name is here
%! r = dlfp.scenario_rules ();
%! rows = [r.fields, r.sources.generator.fields];
%! named = cellfun (@(row) row.table, rows(cellfun (@(row) isfield (row, "table"), rows)),
%!                  "UniformOutput", false);
%! named(end + 1:end + 2) = {r.sources.generator.choice.table, "SCHEDULES"};
%! assert (all (isfield (dlfp.internal.tables (), named)));
