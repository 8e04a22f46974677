## -*- texinfo -*-
## @deftypefn {} {@var{s} =} scale_scaled (@var{n_prev})
## s = 0.01 (the book's default).
## @end deftypefn

function s = scale_scaled (n_prev)
  s = 0.01;
endfunction

%!assert (dlfp.internal.scale_scaled (30), 0.01)
