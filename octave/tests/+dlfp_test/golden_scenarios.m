## -*- texinfo -*-
## @deftypefn {} {@var{names} =} dlfp_test.golden_scenarios ()
## names = every folder of fixtures/golden that holds a summary.json, sorted (a 1 x n cell).
##
## The golden tests loop over these rather than a list of their own, so a scenario added by
## @code{make fixtures} is tested here without a change.
## @end deftypefn

function names = golden_scenarios ()
  names = {};
  g = dlfp_test.golden_dir ();
  if (isempty (g))
    return;
  endif
  entries = dir (g);
  entries = entries([entries.isdir] & ! ismember ({entries.name}, {".", ".."}));
  has = arrayfun (@(e) isfile (fullfile (g, e.name, "summary.json")), entries);
  names = sort ({entries(has).name});
endfunction

%!testif ; ! isempty (dlfp_test.golden_dir ())
%! names = dlfp_test.golden_scenarios ();
%! assert (all (ismember ({"logreg_breast_cancer", "spiral_softmax", "fashion_subset"}, names)));
%! assert (! any (strcmp (names, "rng")));
