## -*- texinfo -*-
## @deftypefn {} {@var{J} =} dlfp.binary_cross_entropy (@var{ZL}, @var{Y})
## J = -1/m * sum(y .* log(a) + (1 - y) .* log(1 - a)),  a = sigmoid(z).
##
## Computed from the logits @var{ZL} (1 x m) as
## mean(max(z, 0) - z .* y + log(1 + exp(-|z|))), which is the same number without ever
## taking log(0) or overflowing exp. @var{Y} (1 x m) holds targets 0 or 1.
## @end deftypefn

function J = binary_cross_entropy (ZL, Y)
  if (nargin < 2)
    print_usage ();
  endif
  m = columns (ZL);
  J = sum (max (ZL, 0) - ZL .* Y + log1p (exp (-abs (ZL)))) / m;
endfunction

%!assert (dlfp.binary_cross_entropy ([0, 0], [1, 0]), log (2), 1e-15)
%!test
%! ## a = sigmoid(2) = 0.8807970779778823 and y = 1: J = -log(a) = 0.1269280110429725
%! assert (dlfp.binary_cross_entropy (2, 1), 0.1269280110429725, 1e-15);
%! ## z = -800 and y = 1: -log(sigmoid(-800)) = 800, where a would underflow to 0
%! assert (dlfp.binary_cross_entropy (-800, 1), 800);
%!error <Invalid call> dlfp.binary_cross_entropy ()
