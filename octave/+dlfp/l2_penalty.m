## -*- texinfo -*-
## @deftypefn {} {@var{P} =} dlfp.l2_penalty (@var{params}, @var{lambd}, @var{m})
## P = lambda / (2 m) * sum_l sum(W_l .^ 2) (biases are not penalized).
##
## 0 when @var{lambd} is 0; @var{m} is the number of examples the cost averages over.
## @end deftypefn

function P = l2_penalty (params, lambd, m)
  if (nargin < 3)
    print_usage ();
  endif
  P = 0;
  if (lambd == 0)
    return;
  endif
  total = 0;
  for key = fieldnames (params)'
    if (key{1}(1) == "W")
      W = params.(key{1});
      total += sum ((W .* W)(:));
    endif
  endfor
  P = lambd / (2 * m) * total;
endfunction

%!assert (dlfp.l2_penalty (struct ("W1", [1, 2], "b1", 3), 0.5, 4), 0.5 / 8 * 5, 1e-15)
%!assert (dlfp.l2_penalty (struct ("W1", [1, 2], "b1", 3, "W2", [2; 2]), 1, 1), 6.5, 1e-15)
%!assert (dlfp.l2_penalty (struct ("W1", [1, 2], "b1", 3), 0, 4), 0)
%!error <Invalid call> dlfp.l2_penalty ()
