## -*- texinfo -*-
## @deftypefn {} {@var{table} =} dlfp.schedules ()
## SCHEDULES: lr_decay kind -> lr_e = schedule(learning_rate, e, rate, every).
##
## Python's @code{SCHEDULES} (none, exponential, inverse_time), looked up by a scenario's
## lr_decay.kind.
## @end deftypefn

function table = schedules ()
  persistent t;
  if (isempty (t))
    t = struct ("none", @dlfp.schedule_none, "exponential", @dlfp.schedule_exponential,
                "inverse_time", @dlfp.schedule_inverse_time);
  endif
  table = t;
endfunction

%!test
%! t = dlfp.schedules ();
%! assert (fieldnames (t), {"none"; "exponential"; "inverse_time"});
%! assert (t.inverse_time (1, 4, 1, 2), 1 / 3, 1e-16);
%!error <called with too many inputs> dlfp.schedules (1)
