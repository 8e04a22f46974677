## -*- texinfo -*-
## @deftypefn {} {@var{lr_e} =} dlfp.schedule_exponential (@var{learning_rate}, @var{e}, @var{rate}, @var{every})
## lr_e = lr * rate^(e / every).
##
## @var{e} is the 0-based epoch: the rate falls smoothly, by the factor @var{rate} every
## @var{every} epochs.
## @end deftypefn

function lr_e = schedule_exponential (learning_rate, e, rate, every)
  if (nargin < 4)
    print_usage ();
  endif
  lr_e = learning_rate * rate ^ (e / every);
endfunction

%!assert (dlfp.schedule_exponential (0.1, 0, 0.5, 10), 0.1)
%!assert (dlfp.schedule_exponential (0.1, 10, 0.5, 10), 0.05, 1e-16)
%!assert (dlfp.schedule_exponential (0.1, 5, 0.5, 10), 0.1 * sqrt (0.5), 1e-16)
%!assert (dlfp.schedule_exponential (0.1, 30, 0.5, 10), 0.0125, 1e-16)
%!error <Invalid call> dlfp.schedule_exponential ()
