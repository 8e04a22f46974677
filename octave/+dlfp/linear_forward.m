## -*- texinfo -*-
## @deftypefn {} {@var{Z} =} dlfp.linear_forward (@var{A_prev}, @var{W}, @var{b})
## Z = W * A_prev + b.
## @end deftypefn

function Z = linear_forward (A_prev, W, b)
  if (nargin < 3)
    print_usage ();
  endif
  Z = W * A_prev + b;  # b (n_l, 1) broadcasts over the m columns
endfunction

%!assert (dlfp.linear_forward ([1, 2; 3, 4], [1, 1], 10), [14, 16])
%!error <Invalid call> dlfp.linear_forward ()
