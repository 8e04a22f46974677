## -*- texinfo -*-
## @deftypefn {} {[@var{P}, @var{V}, @var{S}] =} step_rmsprop (@var{P}, @var{G}, @var{V}, @var{S}, @var{learning_rate}, @var{settings}, @var{t})
## s = beta * s + (1 - beta) * g.^2 ;  p = p - lr * g ./ (sqrt(s) + epsilon).
##
## The step @code{dlfp.train} takes for "rmsprop" (Python's @code{step_rmsprop}), on the
## cells of @code{layer_cells}, @var{G}, @var{V} and @var{S} aligned with @var{P};
## @var{V} comes back as it went in. @code{dlfp.update_parameters_rmsprop} runs it on its
## structs (@code{functional_step}). Internal: no argument checks.
## @end deftypefn

function [P, V, S] = step_rmsprop (P, G, V, S, learning_rate, settings, t)
  beta = settings.beta;
  epsilon = settings.epsilon;
  ## in place where nothing else holds the array; the same numbers as the equation (see
  ## step_adam)
  for k = 1:numel (P)
    g = G{k};
    s = g .* g;
    s *= 1 - beta;
    s += beta * S{k};
    d = sqrt (s);
    d += epsilon;
    step = learning_rate * g;
    step ./= d;  # lr * g ./ (sqrt(s) + epsilon)
    S{k} = s;
    P{k} = P{k} - step;
  endfor
endfunction

%!test
%! ## by hand: g = 2, beta 0.9: s = 0.1 * 4 = 0.4, p = 1 - 0.1 * 2 / (sqrt(0.4) + 1e-8)
%! [P, V, S] = dlfp.internal.step_rmsprop ({1}, {2}, {7}, {0}, 0.1,
%!                                         struct ("beta", 0.9, "epsilon", 1e-8), 1);
%! assert (S{1}, 0.4, 1e-15);
%! assert (P{1}, 1 - 0.2 / (sqrt (0.4) + 1e-8), 1e-15);
%! assert (V{1}, 7);
