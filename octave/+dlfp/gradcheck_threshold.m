## -*- texinfo -*-
## @deftypefn {} {@var{t} =} dlfp.gradcheck_threshold ()
## t = 1e-7: above this relative difference the gradients are wrong (chapter 8's threshold).
##
## Python's and R's constant @code{GRADCHECK_THRESHOLD} (Octave has no package constants):
## the one threshold of every language, the harness and the examples.
## @end deftypefn

function t = gradcheck_threshold ()
  t = 1e-7;
endfunction

%!assert (dlfp.gradcheck_threshold (), 1e-7)
%!error <called with too many inputs> dlfp.gradcheck_threshold (1)
