## -*- texinfo -*-
## @deftypefn {} {@var{Y} =} dlfp.labels_to_targets (@var{labels}, @var{output_activation}, @var{n_out})
## Y = labels (1 x m) for a sigmoid output ; Y(k, i) = (labels(i) == k - 1) for softmax.
##
## @var{n_out} is the number of units in the output layer (K for softmax); @var{Y} is
## n_out x m.
## @end deftypefn

function Y = labels_to_targets (labels, output_activation, n_out)
  if (nargin < 3)
    print_usage ();
  endif
  labels = reshape (double (labels), 1, []);
  if (strcmp (output_activation, "sigmoid"))
    Y = labels;
  else
    Y = double ((0:n_out - 1)' == labels);  # (K, m)
  endif
endfunction

%!assert (dlfp.labels_to_targets ([0; 1; 1], "sigmoid", 1), [0, 1, 1])
%!assert (dlfp.labels_to_targets ([2, 0, 1], "softmax", 3), [0, 1, 0; 0, 0, 1; 1, 0, 0])
%!error <Invalid call> dlfp.labels_to_targets ()
