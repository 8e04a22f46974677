## -*- texinfo -*-
## @deftypefn {} {@var{acc} =} accuracy (@var{predicted}, @var{labels})
## acc = mean(y_hat == y).
## @end deftypefn

function acc = accuracy (predicted, labels)
  acc = mean (predicted(:) == labels(:));
endfunction

%!assert (dlfp.accuracy ([0, 1, 2, 1], [0, 1, 1, 1]), 0.75)
%!assert (dlfp.accuracy ([0, 1], [0; 1]), 1)
