## -*- texinfo -*-
## @deftypefn {} {@var{table} =} generator_options ()
## GENERATOR_OPTIONS: name -> the options each generator takes, with their defaults.
##
## Python's @code{GENERATOR_OPTIONS}; the scenario reader checks data fields against it.
## Field order is argument order.
## @end deftypefn

function table = generator_options ()
  table = struct ();
  table.spiral = struct ("n_per_class", 100, "classes", 3, "noise", 0.2);
  table.circles = struct ("n_per_class", 100, "noise", 0.1, "factor", 0.5);
  table.xor = struct ("n", 200);
endfunction

%!test
%! t = dlfp.generator_options ();
%! assert (fieldnames (t), fieldnames (dlfp.generators ()));
%! assert (fieldnames (t.spiral), {"n_per_class"; "classes"; "noise"});
%! assert (t.circles.factor, 0.5);
%! assert (t.xor.n, 200);
