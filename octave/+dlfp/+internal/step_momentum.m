## -*- texinfo -*-
## @deftypefn {} {[@var{P}, @var{V}, @var{S}] =} step_momentum (@var{P}, @var{G}, @var{V}, @var{S}, @var{learning_rate}, @var{settings}, @var{t})
## v = beta * v + (1 - beta) * g ;  p = p - lr * v.
##
## The step @code{dlfp.train} takes for "momentum" (Python's @code{step_momentum}), on the
## cells of @code{layer_cells}, @var{G}, @var{V} and @var{S} aligned with @var{P};
## @var{S} comes back as it went in. @code{dlfp.update_parameters_momentum} runs it on its
## structs (@code{functional_step}). Internal: no argument checks.
## @end deftypefn

function [P, V, S] = step_momentum (P, G, V, S, learning_rate, settings, t)
  beta = settings.beta;
  for k = 1:numel (P)
    v = beta * V{k};
    v += (1 - beta) * G{k};  # in place: the same sum, one array fewer
    V{k} = v;
    P{k} = P{k} - learning_rate * v;
  endfor
endfunction

%!test
%! ## by hand: p = 1, g = 2, lr 0.1, beta 0.9: v = 0.9 * 0 + 0.1 * 2 = 0.2, p = 1 - 0.1 * 0.2;
%! ## then g = 0 coasts on the velocity: v = 0.18, p = 0.98 - 0.018
%! [P, V, S] = dlfp.internal.step_momentum ({1}, {2}, {0}, {7}, 0.1, struct ("beta", 0.9), 1);
%! assert ([P{1}, V{1}, S{1}], [0.98, 0.2, 7], 1e-15);
%! [P, V] = dlfp.internal.step_momentum (P, {0}, V, S, 0.1, struct ("beta", 0.9), 2);
%! assert ([P{1}, V{1}], [0.962, 0.18], 1e-15);
