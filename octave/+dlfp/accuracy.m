## -*- texinfo -*-
## @deftypefn {} {@var{acc} =} dlfp.accuracy (@var{predicted}, @var{labels})
## acc = mean(y_hat == y).
## @end deftypefn

function acc = accuracy (predicted, labels)
  if (nargin < 2)
    print_usage ();
  endif
  acc = mean (predicted(:) == labels(:));
endfunction

%!assert (dlfp.accuracy ([0, 1, 2, 1], [0, 1, 1, 1]), 0.75)
%!assert (dlfp.accuracy ([0, 1], [0; 1]), 1)
%!error <Invalid call> dlfp.accuracy ()
