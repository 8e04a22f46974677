## -*- texinfo -*-
## @deftypefn {} {[@var{P}, @var{V}, @var{S}] =} step_gd (@var{P}, @var{G}, @var{V}, @var{S}, @var{learning_rate}, @var{settings}, @var{t})
## p = p - lr * g.
##
## The step @code{dlfp.train} takes for "gd" (Python's @code{step_gd}): the equation of
## @code{dlfp.update_parameters_gd} on the cells of @code{layer_cells}, the gradients
## @var{G} aligned with the parameters @var{P} (any shape: the step walks P@{k@} for every
## k); @var{V} and @var{S} come back as they went in. Internal: no argument checks.
## @end deftypefn

function [P, V, S] = step_gd (P, G, V, S, learning_rate, settings, t)
  for k = 1:numel (P)
    P{k} = P{k} - learning_rate * G{k};
  endfor
endfunction

%!test
%! [P, V, S] = dlfp.internal.step_gd ({[1, 2]; 3}, {[10, 20]; -10}, {0; 0}, {1; 1}, 0.1, struct (), 1);
%! assert (P, {[0, 0]; 4}, 1e-15);
%! assert (V, {0; 0});
%! assert (S, {1; 1});
