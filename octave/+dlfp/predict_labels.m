## -*- texinfo -*-
## @deftypefn {} {@var{y_hat} =} dlfp.predict_labels (@var{X}, @var{params}, @var{activations})
## y_hat = (A_L > 0.5) for a sigmoid output ; y_hat = argmax_k A_L(k, :) - 1 for softmax.
##
## Returns a 1 x m row of labels 0 .. K-1 (0/1 for sigmoid), as doubles. (network.py's
## @code{predict_labels}; @code{dlfp.dlfp_predict} predicts a fitted model's own labels.)
## @end deftypefn

function y_hat = predict_labels (X, params, activations)
  if (nargin < 3)
    print_usage ();
  endif
  AL = dlfp.forward_propagation (X, params, activations);
  if (strcmp (activations{end}, "sigmoid"))
    y_hat = double (AL(1, :) > 0.5);
  else
    [~, k] = max (AL, [], 1);  # the first of equal maxima, as numpy's argmax
    y_hat = k - 1;
  endif
endfunction

%!test
%! p = struct ("W1", [1, -1], "b1", 0);
%! assert (dlfp.predict_labels ([2, 0, 1; 1, 1, 1], p, {"sigmoid"}), [1, 0, 0]);
%!test
%! p = struct ("W1", eye (3), "b1", zeros (3, 1));
%! assert (dlfp.predict_labels ([1, 0, 5; 0, 2, 5; 0, 1, 0], p, {"softmax"}), [0, 1, 0]);
%!error <Invalid call> dlfp.predict_labels ()
