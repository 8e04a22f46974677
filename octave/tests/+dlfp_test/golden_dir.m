## -*- texinfo -*-
## @deftypefn {} {@var{d} =} dlfp_test.golden_dir ()
## d = fixtures/golden under the repository root ("" when the fixtures are not made yet).
##
## The fixture tests run only when this is non-empty, and only where the test helpers are on
## the path (run_tests.m puts them there; an installed package has none):
## @code{%!testif ; ! isempty (which ("dlfp_test.golden_dir")) && ! isempty (dlfp_test.golden_dir ())}.
## @end deftypefn

function d = golden_dir ()
  d = fullfile (dlfp_test.repo_root (), "fixtures", "golden");
  if (! isfolder (d))
    d = "";
  endif
endfunction
