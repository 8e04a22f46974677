## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} in_bounds (@var{x}, @var{rule})
## tf = min <= x <= max and exclusive_min < x < exclusive_max, for the bounds the rule has.
## @end deftypefn

function tf = in_bounds (x, rule)
  tf = ((! isfield (rule, "min") || x >= rule.min)
        && (! isfield (rule, "max") || x <= rule.max)
        && (! isfield (rule, "exclusive_min") || x > rule.exclusive_min)
        && (! isfield (rule, "exclusive_max") || x < rule.exclusive_max));
endfunction

%!assert (dlfp.internal.in_bounds (5, struct ()))
%!assert (dlfp.internal.in_bounds (1, struct ("min", 1, "max", 10)))
%!assert (dlfp.internal.in_bounds (10, struct ("min", 1, "max", 10)))
%!assert (! dlfp.internal.in_bounds (0, struct ("min", 1, "max", 10)))
%!assert (! dlfp.internal.in_bounds (11, struct ("min", 1, "max", 10)))
%!assert (! dlfp.internal.in_bounds (0, struct ("exclusive_min", 0, "max", 1)))
%!assert (dlfp.internal.in_bounds (1, struct ("exclusive_min", 0, "max", 1)))
%!assert (! dlfp.internal.in_bounds (1, struct ("min", 0, "exclusive_max", 1)))
