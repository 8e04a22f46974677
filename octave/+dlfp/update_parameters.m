## -*- texinfo -*-
## @deftypefn {} {@var{params} =} dlfp.update_parameters (@var{params}, @var{grads}, @var{learning_rate})
## W_l = W_l - lr * dW_l ;  b_l = b_l - lr * db_l.
##
## Returns a new struct; Octave copies on change, so the caller's @var{params} stay as they were.
## @end deftypefn

function params = update_parameters (params, grads, learning_rate)
  if (nargin < 3)
    print_usage ();
  endif
  for key = fieldnames (params)'
    params.(key{1}) = params.(key{1}) - learning_rate * grads.(["d" key{1}]);
  endfor
endfunction

%!test
%! p = struct ("W1", [1, 2], "b1", 3);
%! q = dlfp.update_parameters (p, struct ("dW1", [10, 20], "db1", -10), 0.1);
%! assert (q.W1, [0, 0], 1e-15);
%! assert (q.b1, 4, 1e-15);
%! assert (fieldnames (q), {"W1"; "b1"});
%! assert (p.W1, [1, 2]);
%!error <Invalid call> dlfp.update_parameters ()
