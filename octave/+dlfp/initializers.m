## -*- texinfo -*-
## @deftypefn {} {@var{table} =} dlfp.initializers ()
## INITIALIZERS: name -> s = scale(n_prev) of W_l (scaled, he, xavier).
##
## Python's @code{INITIALIZERS}.
## @end deftypefn

function table = initializers ()
  persistent t;
  if (isempty (t))
    t = struct ("scaled", @dlfp.internal.scale_scaled, "he", @dlfp.internal.scale_he,
                "xavier", @dlfp.internal.scale_xavier);
  endif
  table = t;
endfunction

%!test
%! t = dlfp.initializers ();
%! assert (fieldnames (t), {"scaled"; "he"; "xavier"});
%! assert (t.he (2), 1);
%!error <called with too many inputs> dlfp.initializers (1)
