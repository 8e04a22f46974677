## -*- texinfo -*-
## @deftypefn {} {@var{lr_e} =} dlfp.schedule_none (@var{learning_rate}, @var{e}, @var{rate}, @var{every})
## lr_e = lr.
##
## The constant schedule; @var{e}, @var{rate} and @var{every} are not used.
## @end deftypefn

function lr_e = schedule_none (learning_rate, e, rate, every)
  if (nargin < 4)
    print_usage ();
  endif
  lr_e = learning_rate;
endfunction

%!assert (dlfp.schedule_none (0.1, 99, 0.5, 10), 0.1)
%!error <Invalid call> dlfp.schedule_none ()
