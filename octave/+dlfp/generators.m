## -*- texinfo -*-
## @deftypefn {} {@var{table} =} dlfp.generators ()
## GENERATORS: name -> [X, labels, rng] = generate(rng, options...) (spiral, circles, xor).
##
## Python's @code{GENERATORS}. Each takes its options positionally, in the order of its
## variant's rows in the scenario rules (@code{dlfp.scenario_rules ()}), which also hold
## their defaults and ranges.
## @end deftypefn

function table = generators ()
  persistent t;
  if (isempty (t))
    t = struct ("spiral", @dlfp.generate_spiral, "circles", @dlfp.generate_circles,
                "xor", @dlfp.generate_xor);
  endif
  table = t;
endfunction

%!test
%! t = dlfp.generators ();
%! assert (fieldnames (t), {"spiral"; "circles"; "xor"});
%! [X, labels] = t.xor (1, 5);
%! assert (size (X), [2, 5]);
%!error <called with too many inputs> dlfp.generators (1)
