## -*- texinfo -*-
## @deftypefn {} {@var{out} =} forward_backward (@var{X}, @var{Y}, @var{params}, @var{activations})
## [Z_l, A_l, J, dW_l, db_l] of one forward and one backward pass, flat, for comparison.
##
## @var{out} is a struct with fields Z1, A1, @dots{}, ZL, AL, cost, dW1, db1, @dots{},
## dWL, dbL in that order.
## @end deftypefn

function out = forward_backward (X, Y, params, activations)
  [AL, caches] = dlfp.forward_propagation (X, params, activations);
  out = struct ();
  for l = 1:numel (caches)
    out.(sprintf ("Z%d", l)) = caches{l}.Z;
    out.(sprintf ("A%d", l)) = caches{l}.A;
  endfor
  out.cost = dlfp.compute_cost (caches{end}.Z, Y, activations{end});
  grads = dlfp.backward_propagation (AL, Y, caches, params, activations);
  for key = fieldnames (grads)'
    out.(key{1}) = grads.(key{1});
  endfor
endfunction

%!test
%! p = struct ("W1", ones (2, 2), "b1", zeros (2, 1), "W2", ones (1, 2), "b2", 0);
%! out = dlfp.forward_backward ([0; 1], 1, p, {"sigmoid", "sigmoid"});
%! assert (fieldnames (out), {"Z1"; "A1"; "Z2"; "A2"; "cost"; "dW1"; "db1"; "dW2"; "db2"});
%! assert (out.A2, 0.8118562749129378, 1e-9);  # 0.812
%! assert (out.cost, -log (out.A2), 1e-15);
%! assert (out.db2, out.A2 - 1, 1e-15);
%!testif ; ! isempty (dlfp.internal.golden_dir ())
%! ## the Python twin's first step on every scenario, to the fixture's tolerance
%! for name = {"logreg_breast_cancer", "one_hidden_circles", "deep_xor", "spiral_softmax"}
%!   g = fullfile (dlfp.internal.golden_dir (), name{1});
%!   summary = jsondecode (fileread (fullfile (g, "summary.json")));
%!   s = dlfp.read_scenario (fullfile (g, summary.scenario));
%!   [X, labels] = dlfp.load_data (s);
%!   Y = dlfp.labels_to_targets (labels, s.activations{end}, s.layers(end));
%!   p = dlfp.initialize_parameters (s.layers, s.init, dlfp.rng_create (s.seed));
%!   out = dlfp.forward_backward (X, Y, p, s.activations);
%!   tol = summary.tolerances.step;
%!   for key = [summary.step(:)', {"cost"}]
%!     expected = dlmread (fullfile (g, ["step_" key{1} ".csv"]), ",");
%!     d = dlfp.internal.rel_diff (out.(key{1}), expected);
%!     assert (d <= tol, sprintf ("%s %s: relative difference %g", name{1}, key{1}, d));
%!   endfor
%! endfor
