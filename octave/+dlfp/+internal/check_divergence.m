## -*- texinfo -*-
## @deftypefn  {} {} check_divergence (@var{epoch}, @var{cost}, @var{params}, @var{X}, @var{Y}, @var{activations}, @var{lambd}, @var{lr})
## @deftypefnx {} {} check_divergence (@dots{}, @var{batch_size})
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
## -inf), not as Octave's printf does (NaN, Inf); it ends @code{ or lambda (now <lambda>)}
## when lr * lambda / b >= 1, b the examples of one update (@var{batch_size}, default 0:
## a full batch of all of them). Each update shrinks the weights by W = (1 - lr * lambda /
## b) W besides the loss's own step: from 1 on that decay alone overshoots zero, and past 2
## it grows without bound, so lambda is then a cause as much as the learning rate.
## @end deftypefn

function check_divergence (epoch, cost, params, X, Y, activations, lambd, lr, batch_size)
  if (nargin < 9)
    batch_size = 0;  # a full batch
  endif
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
                      sprintf ("diverged at epoch %d (cost %s): try a smaller %s", epoch,
                               python_g (cost),
                               divergence_causes (lr, lambd, batch_size, columns (X))));
endfunction

function causes = divergence_causes (lr, lambd, batch_size, m)
  ## train.py's divergence_causes: the learning rate, and lambda when lr * lambda / b >= 1
  b = m;
  if (batch_size > 0)
    b = min (batch_size, m);
  endif
  causes = sprintf ("learning_rate (now %s)", python_g (lr));
  if (lr * lambd / b >= 1)
    causes = sprintf ("%s or lambda (now %s)", causes, python_g (lambd));
  endif
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
%!test
%! ## lambda is named when one update's weight decay, lr * lambda / b, is 1 or more (b: the
%! ## examples of one update); four examples of two features
%! X = ones (2, 4);
%! Y = [1, 0, 1, 0];
%! both = @(e, lr, lambd) sprintf ("%s or lambda (now %s)", msg (e, "nan", lr), lambd);
%! cases = {0.5, 8, 0, both(1, "0.5", "8");      # full batch: 0.5 * 8 / 4 = 1
%!          0.5, 7.9, 0, msg(1, "nan", "0.5");   # 0.5 * 7.9 / 4 < 1
%!          0.5, 4, 2, both(1, "0.5", "4");      # batches of 2: 0.5 * 4 / 2 = 1
%!          0.5, 4, 0, msg(1, "nan", "0.5");     # all 4 at once: 0.5
%!          0.5, 4, 9, msg(1, "nan", "0.5");     # a batch_size past m is all of them
%!          0.5, 0, 1, msg(1, "nan", "0.5");     # no L2 at all
%!          1e-3, 1e6, 0, both(1, "0.001", "1e+06")};
%! for k = 1:rows (cases)
%!   [lr, lambd, batch_size, expected] = cases{k, :};
%!   try
%!     dlfp.internal.check_divergence (1, NaN, p, X, Y, {"sigmoid"}, lambd, lr, batch_size);
%!     error ("no error");
%!   catch err
%!     assert (err.message, expected);
%!   end_try_catch
%! endfor
