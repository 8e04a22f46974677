## -*- texinfo -*-
## @deftypefn {} {@var{d} =} golden_dir ()
## d = fixtures/golden under the repository root ("" when the fixtures are not made yet).
##
## The fixture tests run only when this is non-empty: @code{%!testif ; ! isempty (...)}.
## @end deftypefn

function d = golden_dir ()
  d = fullfile (dlfp.internal.repo_root (), "fixtures", "golden");
  if (! isfolder (d))
    d = "";
  endif
endfunction
