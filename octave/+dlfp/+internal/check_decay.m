## -*- texinfo -*-
## @deftypefn {} {@var{decay} =} check_decay (@var{decay})
## decay = the scenario's lr_decay checked: a kind of @code{dlfp.schedules ()} and its fields.
##
## The twin of scenario.py's @code{_check_decay}: kind none takes no other field;
## exponential and inverse_time need rate (a non-negative number) and every (a positive
## integer).
## @end deftypefn

function decay = check_decay (decay)
  fn = "read_scenario";
  if (! (isstruct (decay) && isscalar (decay) && isfield (decay, "kind")))
    dlfp.internal.fail ("scenario", fn, "'lr_decay' must be an object with a 'kind'");
  endif
  dlfp.internal.check_name (decay.kind, dlfp.schedules (), "lr_decay kind", fn);
  ## scenario.py's DECAY_FIELDS: the fields each kind needs besides its kind
  decay_fields = struct ("none", {{}}, "exponential", {{"rate", "every"}},
                         "inverse_time", {{"rate", "every"}});
  fields = decay_fields.(decay.kind);
  dlfp.internal.check_known (decay, [{"kind"}, fields], "field of 'lr_decay'", fn);
  for key = fields
    if (! isfield (decay, key{1}))
      dlfp.internal.fail ("scenario", fn, sprintf ("missing field 'lr_decay.%s'", key{1}));
    endif
  endfor
  if (! isempty (fields) && (! dlfp.internal.is_number (decay.rate) || decay.rate < 0))
    dlfp.internal.fail ("scenario", fn, "'lr_decay.rate' must be a non-negative number");
  endif
  if (! isempty (fields) && (! dlfp.internal.is_int (decay.every) || decay.every < 1))
    dlfp.internal.fail ("scenario", fn, "'lr_decay.every' must be a positive integer");
  endif
endfunction

%!assert (dlfp.internal.check_decay (struct ("kind", "none")), struct ("kind", "none"))
%!test
%! d = struct ("kind", "inverse_time", "rate", 0, "every", 3);
%! assert (dlfp.internal.check_decay (d), d);
%!error <dlfp: read_scenario: 'lr_decay' must be an object with a 'kind'>
%! dlfp.internal.check_decay ("none");
%!error <'lr_decay' must be an object with a 'kind'>
%! dlfp.internal.check_decay (struct ("rate", 1));
%!error <unknown lr_decay kind 'step' \(known: exponential, inverse_time, none\)>
%! dlfp.internal.check_decay (struct ("kind", "step"));
%!error <unknown lr_decay kind '3' \(known: exponential, inverse_time, none\)>
%! dlfp.internal.check_decay (struct ("kind", 3));
%!error <unknown field of 'lr_decay' 'rate' \(allowed: kind\)>
%! dlfp.internal.check_decay (struct ("kind", "none", "rate", 0.5));
%!error <unknown field of 'lr_decay' 'step' \(allowed: kind, rate, every\)>
%! dlfp.internal.check_decay (struct ("kind", "exponential", "step", 0.5));
%!error <missing field 'lr_decay.every'>
%! dlfp.internal.check_decay (struct ("kind", "exponential", "rate", 0.5));
%!error <missing field 'lr_decay.rate'>
%! dlfp.internal.check_decay (struct ("kind", "exponential"));
%!error <'lr_decay.rate' must be a non-negative number>
%! dlfp.internal.check_decay (struct ("kind", "exponential", "rate", -1, "every", 1));
%!error <'lr_decay.every' must be a positive integer>
%! dlfp.internal.check_decay (struct ("kind", "inverse_time", "rate", 1, "every", 0.5));
