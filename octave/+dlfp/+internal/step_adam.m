## -*- texinfo -*-
## @deftypefn {} {[@var{P}, @var{V}, @var{S}] =} step_adam (@var{P}, @var{G}, @var{V}, @var{S}, @var{learning_rate}, @var{settings}, @var{t})
## v = beta1 v + (1 - beta1) g ; s = beta2 s + (1 - beta2) g.^2 ; p = p - lr * (v / (1 - beta1^t)) ./ (sqrt(s / (1 - beta2^t)) + epsilon).
##
## The step @code{dlfp.train} takes for "adam" (Python's @code{step_adam}), on the column
## cells of @code{layer_cells}, @var{G}, @var{V} and @var{S} aligned with @var{P}.
## @code{dlfp.update_parameters_adam} runs it on its structs (@code{functional_step}).
## Internal: no argument checks.
## @end deftypefn

function [P, V, S] = step_adam (P, G, V, S, learning_rate, settings, t)
  b1 = settings.beta1;
  b2 = settings.beta2;
  epsilon = settings.epsilon;
  c1 = 1 - b1 ^ t;  # bias corrections, from t = 1
  c2 = 1 - b2 ^ t;
  ## The updated operators work in place on arrays nothing else holds, saving a new array
  ## per step; each reorders only a product or a sum of two terms, which rounds the same,
  ## so the numbers are those of the equation above.
  for k = 1:numel (P)
    g = G{k};
    v = b1 * V{k};
    v += (1 - b1) * g;
    s = g .* g;
    s *= 1 - b2;
    s += b2 * S{k};
    d = s / c2;
    d = sqrt (d);
    d += epsilon;  # sqrt(s / c2) + epsilon
    step = v / c1;
    step *= learning_rate;
    step ./= d;  # lr * (v / c1) ./ (sqrt(s / c2) + epsilon)
    V{k} = v;
    S{k} = s;
    P{k} = P{k} - step;
  endfor
endfunction

%!test
%! ## step 2 by hand: v = 0.9 * 0.2 + 0.1 = 0.28, s = 0.999 * 0.004 + 0.001 = 0.004996,
%! ## p = 1 - 0.01 * (0.28 / 0.19) / (sqrt(0.004996 / 0.001999) + 1e-8)
%! hp = struct ("beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8);
%! [P, V, S] = dlfp.internal.step_adam ({1}, {1}, {0.2}, {0.004}, 0.01, hp, 2);
%! assert (V{1}, 0.28, 1e-15);
%! assert (S{1}, 0.004996, 1e-15);
%! assert (P{1}, 1 - 0.01 * (0.28 / 0.19) / (sqrt (0.004996 / 0.001999) + 1e-8), 1e-14);
