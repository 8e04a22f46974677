## -*- texinfo -*-
## @deftypefn {} {@var{text} =} number_phrase (@var{rule})
## 'a positive number', 'a number in (0, 1]', ... as the rule's bounds say.
##
## The twin of schema.py's @code{number_phrase}: min and max are inclusive bounds ("[",
## "at least", "at most"), exclusive_min and exclusive_max exclusive ones ("(", "greater
## than", "less than").
## @end deftypefn

function text = number_phrase (rule)
  lo_in = isfield (rule, "min");
  hi_in = isfield (rule, "max");
  lo = bound (rule, "min", "exclusive_min");
  hi = bound (rule, "max", "exclusive_max");
  if (! isempty (lo) && ! isempty (hi))
    text = sprintf ("a number in %s%s, %s%s", "(["(lo_in + 1), dlfp.internal.num (lo),
                    dlfp.internal.num (hi), ")]"(hi_in + 1));
  elseif (isequal (lo, 0))
    text = {"a positive number", "a non-negative number"}{lo_in + 1};
  elseif (! isempty (lo))
    text = sprintf ("a number %s %s", {"greater than", "of at least"}{lo_in + 1},
                    dlfp.internal.num (lo));
  elseif (! isempty (hi))
    text = sprintf ("a number %s %s", {"less than", "of at most"}{hi_in + 1},
                    dlfp.internal.num (hi));
  else
    text = "a number";
  endif
endfunction

function b = bound (rule, inclusive, exclusive)
  ## the inclusive bound if the rule has one, else the exclusive one, else []
  b = [];
  if (isfield (rule, inclusive))
    b = rule.(inclusive);
  elseif (isfield (rule, exclusive))
    b = rule.(exclusive);
  endif
endfunction

%!assert (dlfp.internal.number_phrase (struct ("exclusive_min", 0)), "a positive number")
%!assert (dlfp.internal.number_phrase (struct ("min", 0)), "a non-negative number")
%!assert (dlfp.internal.number_phrase (struct ("exclusive_min", 0, "max", 1)), "a number in (0, 1]")
%!assert (dlfp.internal.number_phrase (struct ("min", 0, "exclusive_max", 1)), "a number in [0, 1)")
%!assert (dlfp.internal.number_phrase (struct ("min", 0.5, "max", 2)), "a number in [0.5, 2]")
%!assert (dlfp.internal.number_phrase (struct ("min", 2)), "a number of at least 2")
%!assert (dlfp.internal.number_phrase (struct ("exclusive_min", 2)), "a number greater than 2")
%!assert (dlfp.internal.number_phrase (struct ("max", 2)), "a number of at most 2")
%!assert (dlfp.internal.number_phrase (struct ("exclusive_max", 2.5)), "a number less than 2.5")
%!assert (dlfp.internal.number_phrase (struct ()), "a number")
