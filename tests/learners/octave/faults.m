## A learner's script file with faults the checker must survive, reporting each and going on:
## sigmoid_forward hangs, tanh_forward errors, relu_forward returns the wrong shape,
## softmax_forward ends its process; linear_forward is right.
1;

function A = sigmoid_forward (Z)
  A = Z;
  while (true)
    A = A + 0;
  endwhile
endfunction

function A = tanh_forward (Z)
  A = tanh (Z) / scale_factor;
endfunction

function A = relu_forward (Z)
  A = sum (max (Z, 0), 1);
endfunction

function A = softmax_forward (Z)
  exit (3);
endfunction

function Z = linear_forward (A_prev, W, b)
  Z = W * A_prev + b;
endfunction
