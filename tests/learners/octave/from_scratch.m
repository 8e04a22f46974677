## A learner's own implementation in Octave, one script file written from the starter file (no
## dlfp function called but the random stream's): every exercise must pass.
1;

function A = sigmoid_forward (Z)
  A = 1 ./ (1 + exp (-Z));
endfunction

function A = tanh_forward (Z)
  A = tanh (Z);
endfunction

function A = relu_forward (Z)
  A = max (Z, 0);
endfunction

function A = softmax_forward (Z)
  E = exp (Z - max (Z, [], 1));
  A = E ./ sum (E, 1);
endfunction

function dZ = sigmoid_backward (dA, Z, A)
  dZ = dA .* A .* (1 - A);
endfunction

function dZ = tanh_backward (dA, Z, A)
  dZ = dA .* (1 - A .^ 2);
endfunction

function dZ = relu_backward (dA, Z, A)
  dZ = dA .* (Z > 0);
endfunction

function Z = linear_forward (A_prev, W, b)
  Z = W * A_prev + b;
endfunction

function J = compute_cost (ZL, Y, output_activation)
  m = columns (Y);
  if (strcmp (output_activation, "sigmoid"))
    AL = sigmoid_forward (ZL);
    J = -sum (Y .* log (AL) + (1 - Y) .* log (1 - AL)) / m;
  else
    J = -sum (sum (Y .* log (softmax_forward (ZL)))) / m;
  endif
endfunction

function J_L2 = l2_penalty (params, lambd, m)
  total = 0;
  for k = fieldnames (params)'
    if (k{1}(1) == "W")
      total += sum (params.(k{1})(:) .^ 2);
    endif
  endfor
  J_L2 = lambd / (2 * m) * total;
endfunction

function [params, rng] = initialize_parameters (layers, init, rng)
  params = struct ();
  for l = 2:numel (layers)
    [z, rng] = rng_normal (rng, layers(l) * layers(l - 1));
    switch (init)
      case "he"
        s = sqrt (2 / layers(l - 1));
      case "xavier"
        s = sqrt (1 / layers(l - 1));
      otherwise
        s = 0.01;
    endswitch
    params.(sprintf ("W%d", l - 1)) = reshape (z, layers(l), layers(l - 1)) * s;
    params.(sprintf ("b%d", l - 1)) = zeros (layers(l), 1);
  endfor
endfunction

function A = g_of (name, Z)
  switch (name)
    case "sigmoid"
      A = sigmoid_forward (Z);
    case "tanh"
      A = tanh_forward (Z);
    case "relu"
      A = relu_forward (Z);
    otherwise
      A = softmax_forward (Z);
  endswitch
endfunction

function [AL, caches, rng] = forward_propagation_dropout (X, params, activations, keep_prob, rng)
  A = X;
  L = numel (activations);
  caches = cell (1, L);
  for l = 1:L
    Z = linear_forward (A, params.(sprintf ("W%d", l)), params.(sprintf ("b%d", l)));
    c = struct ("A_prev", A, "Z", Z, "A", g_of (activations{l}, Z));
    A = c.A;
    if (keep_prob < 1 && l < L)
      [u, rng] = rng_uniform (rng, numel (Z));
      c.D = double (reshape (u, size (Z)) < keep_prob);
      A = A .* c.D / keep_prob;
    endif
    caches{l} = c;
  endfor
  AL = A;
endfunction

function [AL, caches] = forward_propagation (X, params, activations)
  [AL, caches] = forward_propagation_dropout (X, params, activations, 1, []);
endfunction

function grads = backward_propagation (AL, Y, caches, params, activations, lambd = 0, keep_prob = 1)
  m = columns (Y);
  L = numel (caches);
  dZ = AL - Y;
  grads = struct ();
  for l = L:-1:1
    W = params.(sprintf ("W%d", l));
    grads.(sprintf ("dW%d", l)) = dZ * caches{l}.A_prev' / m + lambd / m * W;
    grads.(sprintf ("db%d", l)) = mean (dZ, 2);
    if (l > 1)
      below = caches{l - 1};
      dA = W' * dZ;
      if (isfield (below, "D"))
        dA = dA .* below.D / keep_prob;
      endif
      switch (activations{l - 1})
        case "sigmoid"
          dZ = sigmoid_backward (dA, below.Z, below.A);
        case "tanh"
          dZ = tanh_backward (dA, below.Z, below.A);
        otherwise
          dZ = relu_backward (dA, below.Z, below.A);
      endswitch
    endif
  endfor
endfunction

function params = update_parameters (params, grads, learning_rate)
  for k = fieldnames (params)'
    params.(k{1}) -= learning_rate * grads.(["d" k{1}]);
  endfor
endfunction

function [params, state] = update_parameters_gd (params, grads, state, learning_rate, settings, t)
  params = update_parameters (params, grads, learning_rate);
endfunction

function [params, state] = update_parameters_momentum (params, grads, state, learning_rate,
                                                       settings, t)
  for k = fieldnames (params)'
    state.v.(k{1}) = settings.beta * state.v.(k{1}) + (1 - settings.beta) * grads.(["d" k{1}]);
    params.(k{1}) -= learning_rate * state.v.(k{1});
  endfor
endfunction

function [params, state] = update_parameters_rmsprop (params, grads, state, learning_rate,
                                                      settings, t)
  for k = fieldnames (params)'
    g = grads.(["d" k{1}]);
    state.s.(k{1}) = settings.beta * state.s.(k{1}) + (1 - settings.beta) * g .^ 2;
    params.(k{1}) -= learning_rate * g ./ (sqrt (state.s.(k{1})) + settings.epsilon);
  endfor
endfunction

function [params, state] = update_parameters_adam (params, grads, state, learning_rate,
                                                   settings, t)
  for k = fieldnames (params)'
    g = grads.(["d" k{1}]);
    state.v.(k{1}) = settings.beta1 * state.v.(k{1}) + (1 - settings.beta1) * g;
    state.s.(k{1}) = settings.beta2 * state.s.(k{1}) + (1 - settings.beta2) * g .^ 2;
    v_hat = state.v.(k{1}) / (1 - settings.beta1 ^ t);
    s_hat = state.s.(k{1}) / (1 - settings.beta2 ^ t);
    params.(k{1}) -= learning_rate * v_hat ./ (sqrt (s_hat) + settings.epsilon);
  endfor
endfunction

function lr = schedule_exponential (learning_rate, e, rate, every)
  lr = learning_rate * rate ^ (e / every);
endfunction

function lr = schedule_inverse_time (learning_rate, e, rate, every)
  lr = learning_rate / (1 + rate * floor (e / every));
endfunction
