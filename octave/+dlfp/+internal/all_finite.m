## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} all_finite (@var{c})
## tf = every entry of every matrix in the cell @var{c} is finite (no NaN, no Inf).
##
## A sum is finite only if every term is (an Inf or NaN term makes it Inf or NaN), so one
## finite sum of everything clears it all at once, which training does after every epoch;
## only a sum that is not finite (an overflow of finite terms, too) is looked at entry by
## entry. Internal: no argument checks.
## @end deftypefn

function tf = all_finite (c)
  tf = (isfinite (sum (cellfun ("sum", cellfun ("sum", c, "UniformOutput", false))))
        || all (cellfun (@(v) all (isfinite (v(:))), c)));
endfunction

%!assert (dlfp.internal.all_finite ({[1, 2; 3, 4], 5}))
%!assert (dlfp.internal.all_finite ({}))
%!assert (! dlfp.internal.all_finite ({[1, NaN], 5}))
%!assert (! dlfp.internal.all_finite ({[1, 2], -Inf}))
%!assert (! dlfp.internal.all_finite ({[Inf; -Inf]}))
%!test
%! ## finite entries whose sum overflows are finite all the same
%! assert (dlfp.internal.all_finite ({[1e308, 1e308], 1e308}));
