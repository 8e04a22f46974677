## -*- texinfo -*-
## @deftypefn  {} {@var{out} =} dlfp.forward_backward (@var{X}, @var{Y}, @var{params}, @var{activations})
## @deftypefnx {} {@var{out} =} dlfp.forward_backward (@dots{}, @var{lambd}, @var{keep_prob}, @var{rng})
## [Z_l, A_l, D_l, J, dW_l, db_l] of one forward and one backward pass, flat, for comparison.
##
## J is the cross-entropy plus the L2 penalty of strength @var{lambd} (default 0); D_l
## (the dropout masks) appear only when @var{keep_prob} < 1 (default 1), drawn from
## @var{rng} (default [], not needed without dropout). @var{out} is a struct with fields
## Z1, A1, [D1,] @dots{}, ZL, AL, cost, dW1, db1, @dots{}, dWL, dbL in that order.
## @end deftypefn

function out = forward_backward (X, Y, params, activations, lambd = 0, keep_prob = 1, rng = [])
  if (nargin < 4)
    print_usage ();
  endif
  [AL, caches] = dlfp.forward_propagation_dropout (X, params, activations, keep_prob, rng);
  out = struct ();
  for l = 1:numel (caches)
    n = sprintf ("%d", l);
    out.(["Z" n]) = caches{l}.Z;
    out.(["A" n]) = caches{l}.A;
    if (isfield (caches{l}, "D"))
      out.(["D" n]) = caches{l}.D;
    endif
  endfor
  out.cost = dlfp.compute_cost (caches{end}.Z, Y, activations{end}) ...
             + dlfp.l2_penalty (params, lambd, columns (X));
  grads = dlfp.backward_propagation (AL, Y, caches, params, activations, lambd, keep_prob);
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
%!test
%! ## L2: the cost gains lambda / (2 m) * sum(W.^2) = 0.5 / 4 * 5, dW gains (0.5 / 2) * W
%! p = struct ("W1", [1, 2], "b1", 3);
%! plain = dlfp.forward_backward ([1, 0; 0, 1], [1, 0], p, {"sigmoid"});
%! reg = dlfp.forward_backward ([1, 0; 0, 1], [1, 0], p, {"sigmoid"}, 0.5);
%! assert (reg.cost - plain.cost, 0.625, 1e-15);
%! assert (reg.dW1 - plain.dW1, [0.25, 0.5], 1e-15);
%! assert (reg.db1, plain.db1);
%!test
%! p = dlfp.initialize_parameters ([2, 3, 3, 1], "he", dlfp.rng_create (1));
%! out = dlfp.forward_backward ([1, 2; 3, 4], [1, 0], p, {"relu", "tanh", "sigmoid"}, 0, 0.5,
%!                             dlfp.rng_create (3));
%! assert (fieldnames (out), {"Z1"; "A1"; "D1"; "Z2"; "A2"; "D2"; "Z3"; "A3"; "cost";
%!                            "dW1"; "db1"; "dW2"; "db2"; "dW3"; "db3"});
%!testif ; ! isempty (which ("dlfp_test.golden_dir")) && ! isempty (dlfp_test.golden_dir ())
%! ## the Python twin's first step, as training takes it (L2, and the dropout masks continuing
%! ## the stream after the initial weights), on the first step_examples examples of every
%! ## scenario: masks exactly, the rest to the fixture's tolerance
%! for name = dlfp_test.golden_scenarios ()
%!   g = fullfile (dlfp_test.golden_dir (), name{1});
%!   summary = jsondecode (fileread (fullfile (g, "summary.json")));
%!   s = dlfp.read_scenario (fullfile (g, summary.scenario));
%!   [X, labels] = dlfp.load_data (s);
%!   Y = dlfp.labels_to_targets (labels, s.activations{end}, s.layers(end));
%!   [p, rng] = dlfp.initialize_parameters (s.layers, s.init, dlfp.rng_create (s.seed));
%!   n = summary.step_examples;
%!   out = dlfp.forward_backward (X(:, 1:n), Y(:, 1:n), p, s.activations, s.lambda,
%!                                s.keep_prob, rng);
%!   assert (fieldnames (out), [summary.step(:); {"cost"}](
%!           [find(! strncmp (summary.step, "d", 1)); end; find(strncmp (summary.step, "d", 1))]));
%!   tol = summary.tolerances.step;
%!   for key = [summary.step(:)', {"cost"}]
%!     expected = dlmread (fullfile (g, ["step_" key{1} ".csv"]), ",");
%!     if (key{1}(1) == "D")
%!       assert (isequal (out.(key{1}), expected), [name{1} " " key{1}]);
%!     else
%!       d = dlfp_test.rel_diff (out.(key{1}), expected);
%!       assert (d <= tol, sprintf ("%s %s: relative difference %g", name{1}, key{1}, d));
%!     endif
%!   endfor
%! endfor
%!error <Invalid call> dlfp.forward_backward ()
