function grads = backward_propagation (AL, Y, caches, params, activations, lambd = 0, keep_prob = 1)
  m = columns (AL);
  L = numel (caches);
  grads = struct ();
  if (strcmp (activations{end}, "softmax"))
    dZ = -Y .* (1 - AL);  # planted slip: softmax's derivative taken elementwise
  else
    dZ = AL - Y;
  endif
  for l = L:-1:1
    c = caches{l};
    grads.(sprintf ("dW%d", l)) = dZ * c.A_prev' / m + lambd / m * params.(sprintf ("W%d", l));
    grads.(sprintf ("db%d", l)) = sum (dZ, 2) / m;
    if (l > 1)
      below = caches{l - 1};
      dA = params.(sprintf ("W%d", l))' * dZ;  # planted slip: the mask D is not applied
      switch (activations{l - 1})
        case "relu"
          dZ = dA .* (below.Z > 0);
        case "tanh"
          dZ = dA .* (1 - below.A .^ 2);
        otherwise
          dZ = dA .* below.A .* (1 - below.A);
      endswitch
    endif
  endfor
endfunction
