## -*- texinfo -*-
## @deftypefn {} {@var{lr_e} =} dlfp.schedule_inverse_time (@var{learning_rate}, @var{e}, @var{rate}, @var{every})
## lr_e = lr / (1 + rate * floor(e / every)).
##
## @var{e} is the 0-based epoch: the rate steps down every @var{every} epochs.
## @end deftypefn

function lr_e = schedule_inverse_time (learning_rate, e, rate, every)
  if (nargin < 4)
    print_usage ();
  endif
  lr_e = learning_rate / (1 + rate * floor (e / every));
endfunction

%!assert (dlfp.schedule_inverse_time (0.1, 0, 1, 10), 0.1)
%!assert (dlfp.schedule_inverse_time (0.1, 9, 1, 10), 0.1)
%!assert (dlfp.schedule_inverse_time (0.1, 10, 1, 10), 0.05, 1e-16)
%!assert (dlfp.schedule_inverse_time (0.1, 25, 1, 10), 0.1 / 3, 1e-16)
%!error <Invalid call> dlfp.schedule_inverse_time ()
