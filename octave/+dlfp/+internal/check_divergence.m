## -*- texinfo -*-
## @deftypefn {} {} check_divergence (@var{epoch}, @var{cost}, @var{params}, @var{X}, @var{Y}, @var{activations}, @var{lambd}, @var{lr})
## Stop when the epoch's cost or any parameter is NaN or Inf: training would go on
## multiplying NaNs.
##
## The twin of train.py's @code{check_divergence}, which @code{dlfp.train} calls after every
## epoch, recorded or not. @var{cost} is the epoch's recorded cost, or [] when it was not
## recorded; the message then gives the cost J(params) of the diverged parameters on all of
## @var{X} (a forward pass without dropout, plus the L2 penalty), as it does when the
## recorded cost is finite but a parameter is not. The message is Python's: @code{dlfp:
## train: diverged at epoch <e> (cost <c>): try a smaller learning_rate (now <lr>)}, e
## 0-based, c and lr in C's %g but NaN and Inf spelled as Python spells them (nan, inf,
## -inf), not as Octave's printf does (NaN, Inf).
## @end deftypefn

function check_divergence (epoch, cost, params, X, Y, activations, lambd, lr)
  finite = dlfp.internal.all_finite (struct2cell (params));
  if (finite && (isempty (cost) || isfinite (cost)))
    return;
  endif
  if (isempty (cost) || isfinite (cost))
    [~, caches] = dlfp.forward_propagation (X, params, activations);
    cost = dlfp.compute_cost (caches{end}.Z, Y, activations{end}) ...
           + dlfp.l2_penalty (params, lambd, columns (X));
  endif
  dlfp.internal.fail ("data", "train",
                      sprintf ("diverged at epoch %d (cost %s): %s (now %s)", epoch,
                               python_g (cost), "try a smaller learning_rate", python_g (lr)));
endfunction

function s = python_g (x)
  ## f"{x:g}": C's %g, but Python's spelling of the values that are not numbers
  if (isnan (x))
    s = "nan";  # whatever the sign bit, as Python prints it
  elseif (isinf (x))
    s = {"-inf", "inf"}{(x > 0) + 1};
  else
    s = sprintf ("%g", x);
  endif
endfunction

%!shared p, msg
%! p = struct ("W1", [1, -1], "b1", 0);
%! msg = @(e, c, lr) sprintf ("dlfp: train: diverged at epoch %d (cost %s): try a smaller learning_rate (now %s)", e, c, lr);
%!test
%! ## finite parameters and a finite or unrecorded cost: nothing to say
%! dlfp.internal.check_divergence (0, 0.5, p, [1; 2], 1, {"sigmoid"}, 0, 0.1);
%! dlfp.internal.check_divergence (3, [], p, [1; 2], 1, {"sigmoid"}, 0, 0.1);
%! ## finite entries whose sum overflows are finite all the same
%! big = struct ("W1", [1e308, 1e308], "b1", 1e308);
%! dlfp.internal.check_divergence (3, [], big, [1; 2], 1, {"sigmoid"}, 0, 0.1);
%!test
%! try
%!   dlfp.internal.check_divergence (4, NaN, p, [1; 2], 1, {"sigmoid"}, 0, 1e300);
%!   error ("no error");
%! catch err
%!   assert (err.message, msg (4, "nan", "1e+300"));
%!   assert (err.identifier, "dlfp:data");
%! end_try_catch
%!test
%! ## the recorded cost itself when it is not finite
%! try
%!   dlfp.internal.check_divergence (0, -Inf, p, [1; 2], 1, {"sigmoid"}, 0, 0.5);
%!   error ("no error");
%! catch err
%!   assert (err.message, msg (0, "-inf", "0.5"));
%! end_try_catch
%!test
%! ## an infinite weight with the epoch not recorded: J on all of X, here z = -inf for the
%! ## one example, whose label is 1: J = max(z, 0) - z y + log(1 + exp(-|z|)) = 0 + inf + 0
%! q = struct ("W1", [-Inf, 0], "b1", 0);
%! try
%!   dlfp.internal.check_divergence (7, [], q, [1; 0], 1, {"sigmoid"}, 0, 2.5e-5);
%!   error ("no error");
%! catch err
%!   assert (err.message, msg (7, "inf", "2.5e-05"));
%! end_try_catch
%!test
%! ## a finite recorded cost but a NaN parameter: J of the parameters on all of X again
%! q = struct ("W1", [NaN, 0], "b1", 0);
%! try
%!   dlfp.internal.check_divergence (2, 0.25, q, [1; 2], 1, {"sigmoid"}, 0, 0.1);
%!   error ("no error");
%! catch err
%!   assert (err.message, msg (2, "nan", "0.1"));
%! end_try_catch
