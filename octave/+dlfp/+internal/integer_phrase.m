## -*- texinfo -*-
## @deftypefn  {} {@var{text} =} integer_phrase (@var{rule})
## @deftypefnx {} {@var{text} =} integer_phrase (@var{rule}, @var{plural})
## 'an integer from 1 to 10', 'a positive integer', ... as the rule's bounds say.
##
## The twin of schema.py's @code{integer_phrase}; @var{plural} (default false) gives
## 'integers from 1 to 10', 'positive integers', ... The rule's note follows in parentheses.
## @end deftypefn

function text = integer_phrase (rule, plural = false)
  lo = [];
  if (isfield (rule, "min"))
    lo = rule.min;
  endif
  noun = {"an integer", "integers"}{plural + 1};
  if (isfield (rule, "max"))
    text = sprintf ("%s from %s to %s", noun, dlfp.internal.num (lo),
                    dlfp.internal.num (rule.max));
  elseif (isequal (lo, 0) || isequal (lo, 1))
    kind = {"positive", "non-negative"}{(lo == 0) + 1};
    text = {["a " kind " integer"], [kind " integers"]}{plural + 1};
  else
    text = sprintf ("%s of at least %s", noun, dlfp.internal.num (lo));
  endif
  if (isfield (rule, "note"))
    text = sprintf ("%s (%s)", text, rule.note);
  endif
endfunction

%!assert (dlfp.internal.integer_phrase (struct ("min", 1, "max", 1000000)), "an integer from 1 to 1000000")
%!assert (dlfp.internal.integer_phrase (struct ("min", 1, "max", 100000), true), "integers from 1 to 100000")
%!assert (dlfp.internal.integer_phrase (struct ("min", 1)), "a positive integer")
%!assert (dlfp.internal.integer_phrase (struct ("min", 1), true), "positive integers")
%!assert (dlfp.internal.integer_phrase (struct ("min", 0, "note", "0: full batch")), "a non-negative integer (0: full batch)")
%!assert (dlfp.internal.integer_phrase (struct ("min", 2)), "an integer of at least 2")
%!assert (dlfp.internal.integer_phrase (struct ("min", 2), true), "integers of at least 2")
