## -*- texinfo -*-
## @deftypefn {} {@var{lr_e} =} dlfp.learning_rate_at (@var{settings}, @var{e})
## lr_e = SCHEDULES[lr_decay.kind](learning_rate, e, rate, every), e the 0-based epoch.
##
## @var{settings} is a checked scenario (learning_rate, lr_decay); a schedule without rate
## and every (kind none) gets 0 and 1.
## @end deftypefn

function lr_e = learning_rate_at (settings, e)
  if (nargin < 2)
    print_usage ();
  endif
  [schedule, rate, every] = dlfp.internal.lr_schedule (settings);
  lr_e = schedule (settings.learning_rate, e, rate, every);
endfunction

%!test
%! s = struct ("learning_rate", 0.1, "lr_decay", struct ("kind", "exponential", "rate", 0.5,
%!                                                       "every", 10));
%! assert (dlfp.learning_rate_at (s, 0), 0.1);
%! assert (dlfp.learning_rate_at (s, 10), 0.05, 1e-16);
%! assert (dlfp.learning_rate_at (s, 5), 0.1 * sqrt (0.5), 1e-16);
%! s.lr_decay = struct ("kind", "inverse_time", "rate", 1, "every", 10);
%! lr = arrayfun (@(e) dlfp.learning_rate_at (s, e), [0, 9, 10, 25]);
%! assert (lr, [0.1, 0.1, 0.05, 0.1 / 3], 1e-16);
%! s.lr_decay = struct ("kind", "none");
%! assert (dlfp.learning_rate_at (s, 99), 0.1);
%!error <Invalid call> dlfp.learning_rate_at ()
