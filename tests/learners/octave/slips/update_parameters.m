function params = update_parameters (params, grads, learning_rate)
  for k = fieldnames (params)'
    if (k{1}(1) == "W")  # planted slip: the biases are left out
      params.(k{1}) -= learning_rate * grads.(["d" k{1}]);
    endif
  endfor
endfunction
