## -*- texinfo -*-
## @deftypefn  {} {@var{r} =} dlfp.gradient_check (@var{X}, @var{Y}, @var{params}, @var{activations})
## @deftypefnx {} {@var{r} =} dlfp.gradient_check (@dots{}, @var{lambd}, @var{epsilon})
## d = ||g - g_num|| / (||g|| + ||g_num||),  g_num_i = (J(p + eps e_i) - J(p - eps e_i)) / (2 eps).
##
## Every parameter is perturbed in turn (W1 then b1, @dots{}, each column by column), without
## dropout; J includes the L2 penalty of strength @var{lambd} (default 0), and so does g.
## @var{epsilon} (default 1e-7) is the perturbation. A relu kink between p - eps and p + eps
## makes g_num meaningless there, so a perturbation that flips the sign of any relu
## pre-activation (in the plus or the minus pass) is not compared but counted in kinks.
## @var{r} is a struct with fields difference, checked (how many parameters were compared)
## and kinks (how many were skipped).
## @end deftypefn

function r = gradient_check (X, Y, params, activations, lambd = 0, epsilon = 1e-7)
  if (nargin < 4)
    print_usage ();
  endif
  [AL, caches] = dlfp.forward_propagation (X, params, activations);
  grads = dlfp.backward_propagation (AL, Y, caches, params, activations, lambd);
  relu = strcmp (activations, "relu");
  base = relu_signs (caches, relu);
  m = columns (X);
  keys = fieldnames (params)';
  g_all = cell (1, numel (keys));
  num_all = cell (1, numel (keys));
  kinks = 0;
  for j = 1:numel (keys)
    key = keys{j};
    P = params.(key);
    g = grads.(["d" key])(:);
    num = zeros (numel (P), 1);
    ok = true (numel (P), 1);
    ## one forward pass per perturbation: inherently one parameter at a time, the one loop
    ## over matrix entries in dlfp
    for i = 1:numel (P)
      costs = [0, 0];
      for k = 1:2
        trial = params;
        trial.(key)(i) = P(i) + (3 - 2 * k) * epsilon;  # + eps, then - eps
        [~, c] = dlfp.forward_propagation (X, trial, activations);
        ok(i) &= isequal (relu_signs (c, relu), base);
        costs(k) = dlfp.compute_cost (c{end}.Z, Y, activations{end}) ...
                   + dlfp.l2_penalty (trial, lambd, m);
      endfor
      num(i) = (costs(1) - costs(2)) / (2 * epsilon);
    endfor
    kinks += sum (! ok);
    g_all{j} = g(ok);
    num_all{j} = num(ok);
  endfor
  g = vertcat (g_all{:});
  num = vertcat (num_all{:});
  denom = norm (g) + norm (num);
  difference = 0;
  if (denom > 0)
    difference = norm (g - num) / denom;
  endif
  r = struct ("difference", difference, "checked", numel (g), "kinks", kinks);
endfunction

function signs = relu_signs (caches, relu)
  signs = cellfun (@(c) c.Z > 0, caches(relu), "UniformOutput", false);
endfunction

%!test
%! ## a sound gradient passes: tanh and softmax (no kinks), with L2
%! p = dlfp.initialize_parameters ([2, 5, 3], "he", dlfp.rng_create (3));
%! p = structfun (@(v) v + 0.05, p, "UniformOutput", false);
%! X = reshape (dlfp.rng_normal (dlfp.rng_create (4), 20), 2, 10);
%! Y = dlfp.labels_to_targets (mod (0:9, 3), "softmax", 3);
%! r = dlfp.gradient_check (X, Y, p, {"tanh", "softmax"}, 0.3);
%! assert (r.difference < dlfp.gradcheck_threshold ());
%! assert (r.checked, 33);  # 2 * 5 + 5 + 3 * 5 + 3
%! assert (r.kinks, 0);
%! assert (fieldnames (r), {"difference"; "checked"; "kinks"});
%!test
%! ## one example at x = 0 with zero biases puts every relu exactly on its kink: moving
%! ## b1's two entries flips a sign, the weights of x = 0 cannot
%! p = struct ("W1", [1; -1], "b1", [0; 0], "W2", [1, 1], "b2", 0);
%! r = dlfp.gradient_check (0, 1, p, {"relu", "sigmoid"});
%! assert (r.kinks, 2);
%! assert (r.checked, 5);
%! assert (r.difference < dlfp.gradcheck_threshold ());
%!test
%! ## relu away from its kinks, deeper, with sigmoid output and L2
%! p = dlfp.initialize_parameters ([3, 4, 3, 1], "xavier", dlfp.rng_create (8));
%! X = reshape (dlfp.rng_normal (dlfp.rng_create (9), 15), 3, 5);
%! r = dlfp.gradient_check (X, [1, 0, 0, 1, 1], p, {"relu", "tanh", "sigmoid"}, 0.1);
%! assert (r.difference < dlfp.gradcheck_threshold ());
%! assert (r.checked + r.kinks, 3 * 4 + 4 + 4 * 3 + 3 + 3 + 1);
%!test
%! ## a wrong gradient is caught: a copy of backward_propagation's work
%! ## (dlfp.internal.backward_layers) whose output-layer db is 0.1% off, put ahead of the
%! ## real one on the path
%! p = dlfp.initialize_parameters ([2, 5, 3], "he", dlfp.rng_create (3));
%! p = structfun (@(v) v + 0.05, p, "UniformOutput", false);
%! X = reshape (dlfp.rng_normal (dlfp.rng_create (4), 20), 2, 10);
%! Y = dlfp.labels_to_targets (mod (0:9, 3), "softmax", 3);
%! src = fileread (which ("dlfp.internal.backward_layers"));
%! line = "G{2, l} = sum (dZ, 2) / m;";
%! assert (numel (strfind (src, line)), 1);
%! d = tempname ();
%! mkdir (fullfile (d, "+dlfp", "+internal"));
%! fid = fopen (fullfile (d, "+dlfp", "+internal", "backward_layers.m"), "w");
%! fputs (fid, strrep (src, line, "G{2, l} = sum (dZ, 2) / m * (1 + 0.001 * (l == L));"));
%! fclose (fid);
%! addpath (d);
%! unwind_protect
%!   assert (strncmp (which ("dlfp.internal.backward_layers"), d, numel (d)));
%!   r = dlfp.gradient_check (X, Y, p, {"tanh", "softmax"}, 0.3);
%! unwind_protect_cleanup
%!   rmpath (d);
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
%! assert (r.difference > 1e-5);
%! assert (! strncmp (which ("dlfp.internal.backward_layers"), d, numel (d)));
%! r = dlfp.gradient_check (X, Y, p, {"tanh", "softmax"}, 0.3);
%! assert (r.difference < dlfp.gradcheck_threshold ());
%!error <Invalid call> dlfp.gradient_check ()
