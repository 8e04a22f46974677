## -*- texinfo -*-
## @deftypefn {} {[@var{schedule}, @var{rate}, @var{every}] =} lr_schedule (@var{settings})
## lr_e = schedule(learning_rate, e, rate, every), with schedule = SCHEDULES[lr_decay.kind].
##
## What @code{dlfp.learning_rate_at} reads from the checked scenario @var{settings}: the
## schedule of lr_decay.kind, and its rate and every (0 and 1 when absent, as for kind
## none). @code{dlfp.train} reads them once and calls the schedule at every epoch, which
## spares it the lookup per epoch. Internal: no argument checks.
## @end deftypefn

function [schedule, rate, every] = lr_schedule (settings)
  d = settings.lr_decay;
  rate = 0;
  every = 1;
  if (isfield (d, "rate"))
    rate = d.rate;
  endif
  if (isfield (d, "every"))
    every = d.every;
  endif
  schedule = dlfp.internal.lookup_name (dlfp.schedules (), d.kind, "lr_decay kind",
                                        "learning_rate_at");
endfunction

%!test
%! [f, rate, every] = dlfp.internal.lr_schedule (struct ("lr_decay", struct ("kind", "none")));
%! assert (isequal (f, @dlfp.schedule_none) && rate == 0 && every == 1);
%! s = struct ("lr_decay", struct ("kind", "exponential", "rate", 0.5, "every", 10));
%! [f, rate, every] = dlfp.internal.lr_schedule (s);
%! assert (isequal (f, @dlfp.schedule_exponential) && rate == 0.5 && every == 10);
%!error <dlfp: learning_rate_at: unknown lr_decay kind 'x' \(known: exponential, inverse_time, none\)>
%! dlfp.internal.lr_schedule (struct ("lr_decay", struct ("kind", "x")));
