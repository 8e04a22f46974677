## -*- texinfo -*-
## @deftypefn {} {@var{s} =} scale_he (@var{n_prev})
## s = sqrt(2 / n_prev).
## @end deftypefn

function s = scale_he (n_prev)
  s = sqrt (2 / n_prev);
endfunction

%!assert (dlfp.internal.scale_he (8), 0.5)
