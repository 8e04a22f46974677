## -*- texinfo -*-
## @deftypefn {} {@var{s} =} scale_xavier (@var{n_prev})
## s = sqrt(1 / n_prev).
## @end deftypefn

function s = scale_xavier (n_prev)
  s = sqrt (1 / n_prev);
endfunction

%!assert (dlfp.internal.scale_xavier (4), 0.5)
