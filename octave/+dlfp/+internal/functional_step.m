## -*- texinfo -*-
## @deftypefn {} {[@var{params}, @var{state}] =} functional_step (@var{step}, @var{params}, @var{grads}, @var{state}, @var{learning_rate}, @var{settings}, @var{t})
## [params, state] = step(params, grads, state, lr, settings, t), structs in and out.
##
## Python's @code{_functional}: the public updates take and give back structs (params with
## any fields k, grads with dk, state.v and state.s with k), the steps take cells aligned
## with each other; this lays the structs out as column cells in the order of
## @var{params}' fields, steps, and builds the structs back in that order.
## Internal: no argument checks.
## @end deftypefn

function [params, state] = functional_step (step, params, grads, state, learning_rate,
                                            settings, t)
  names = fieldnames (params);
  take = @(s, prefix) cellfun (@(k) s.([prefix k]), names, "UniformOutput", false);
  [P, V, S] = step (struct2cell (params), take (grads, "d"), take (state.v, ""),
                    take (state.s, ""), learning_rate, settings, t);
  params = cell2struct (P, names, 1);
  state = struct ("v", cell2struct (V, names, 1), "s", cell2struct (S, names, 1));
endfunction

%!test
%! ## fields in params' order, gradients found by their d-names, state rebuilt alike
%! p = struct ("b1", 3, "W1", [1, 2]);
%! g = struct ("dW1", [10, 20], "db1", -10);
%! st = struct ("v", struct ("W1", [0, 0], "b1", 0), "s", struct ("b1", 5, "W1", [6, 7]));
%! [q, st2] = dlfp.internal.functional_step (@dlfp.internal.step_gd, p, g, st, 0.1, struct (), 1);
%! assert (fieldnames (q), {"b1"; "W1"});
%! assert (q.W1, [0, 0], 1e-15);
%! assert (q.b1, 4, 1e-15);
%! assert (st2.s.W1, [6, 7]);
%! assert (fieldnames (st2), {"v"; "s"});
