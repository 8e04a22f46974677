## -*- texinfo -*-
## @deftypefn {} {@var{root} =} dlfp_test.repo_root ()
## root = the folder holding octave/ and fixtures/, found from this file's own place.
##
## Test blocks run in a scratch function where mfilename says nothing useful, so the
## fixture tests ask here.
## @end deftypefn

function root = repo_root ()
  here = fileparts (mfilename ("fullpath"));  # .../octave/tests/+dlfp_test
  root = fileparts (fileparts (fileparts (here)));
endfunction

%!testif ; isfolder (fullfile (dlfp_test.repo_root (), "fixtures"))
%! assert (isfolder (fullfile (dlfp_test.repo_root (), "octave", "+dlfp")))
