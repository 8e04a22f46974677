function [params, state] = update_parameters_rmsprop (params, grads, state, learning_rate, settings, t)
  for k = fieldnames (params)'
    g = grads.(["d" k{1}]);
    state.s.(k{1}) = settings.beta * state.s.(k{1}) + (1 - settings.beta) * g .^ 2;
    ## planted slip: epsilon inside the square root
    params.(k{1}) -= learning_rate * g ./ sqrt (state.s.(k{1}) + settings.epsilon);
  endfor
endfunction
