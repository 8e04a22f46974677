## -*- texinfo -*-
## @deftypefn {} {@var{d} =} dlfp_test.rel_diff (@var{a}, @var{b})
## d = max|a - b| / max|b|  (max|a - b| when max|b| is 0): the fixtures' relative difference.
## @end deftypefn

function d = rel_diff (a, b)
  if (! isequal (size (a), size (b)))
    d = Inf;
    return;
  endif
  d = max (abs (a(:) - b(:)));
  scale = max (abs (b(:)));
  if (scale > 0)
    d /= scale;
  endif
  if (isempty (d))
    d = 0;
  endif
endfunction

%!assert (dlfp_test.rel_diff ([1 2], [1 4]), 0.5)
%!assert (dlfp_test.rel_diff ([1 2], [0 0]), 2)
%!assert (dlfp_test.rel_diff ([1 2], [1; 2]), Inf)
