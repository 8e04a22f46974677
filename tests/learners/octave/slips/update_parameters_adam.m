function [params, state] = update_parameters_adam (params, grads, state, learning_rate, settings, t)
  b1 = settings.beta1;
  b2 = settings.beta2;
  for k = fieldnames (params)'
    g = grads.(["d" k{1}]);
    state.v.(k{1}) = b1 * state.v.(k{1}) + (1 - b1) * g;
    state.s.(k{1}) = b2 * state.s.(k{1}) + (1 - b2) * g .^ 2;
    v_hat = state.v.(k{1}) / (1 - b1 ^ (t - 1));  # planted slip: t - 1
    s_hat = state.s.(k{1}) / (1 - b2 ^ (t - 1));
    params.(k{1}) -= learning_rate * v_hat ./ (sqrt (s_hat) + settings.epsilon);
  endfor
endfunction
