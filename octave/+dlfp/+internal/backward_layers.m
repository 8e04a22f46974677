## -*- texinfo -*-
## @deftypefn {} {@var{G} =} backward_layers (@var{AL}, @var{Y}, @var{caches}, @var{P}, @var{g_prime}, @var{lambd}, @var{keep_prob})
## dZ_L = A_L - Y ; dW_l = dZ_l A_(l-1)' / m + (lambda / m) W_l ; db_l = sum(dZ_l, 2) / m.
##
## The work of @code{dlfp.backward_propagation} (see there), on arguments already resolved:
## @var{P} is the 2 x L cell of @code{layer_cells} (@code{P(:, l) = @{W_l; b_l@}}),
## @var{g_prime} the cell of the L - 1 hidden layers' derivative functions, and @var{G} the
## gradients in the same layout (@code{G(:, l) = @{dW_l; db_l@}}). The public function
## looks the names up and calls this; @code{dlfp.train} looks them up once and calls this at
## every step. Internal: no argument checks.
## @end deftypefn

function G = backward_layers (AL, Y, caches, P, g_prime, lambd, keep_prob)
  m = columns (AL);
  L = numel (caches);
  G = cell (2, L);
  dZ = AL - Y;  # (n_L, m)
  for l = L:-1:1
    cache = caches{l};
    W = P{1, l};
    dW = dZ * cache.A_prev' / m;  # (n_l, n_(l-1)); BLAS transposes, no copy of A_prev
    if (lambd != 0)
      ## (with lambda 0 the term adds zeros: skipping it saves three passes over W)
      dW = dW + (lambd / m) * W;
    endif
    G{1, l} = dW;
    G{2, l} = sum (dZ, 2) / m;  # (n_l, 1)
    if (l > 1)
      below = caches{l - 1};
      dA = W' * dZ;  # (n_(l-1), m)
      if (isfield (below, "D"))
        dA = (dA .* below.D) / keep_prob;
      endif
      dZ = g_prime{l - 1} (dA, below.Z, below.A);
    endif
  endfor
endfunction

%!test
%! ## softmax cross-entropy: dZ = p - y; with x = 1 and m = 1, dW1 = dZ and db1 = dZ
%! p = [0.1; 0.7; 0.2];
%! G = dlfp.internal.backward_layers (p, [0; 1; 0], {struct("A_prev", 1, "Z", log (p), "A", p)},
%!                                    {log(p); [0; 0; 0]}, {}, 0, 1);
%! assert (G, {[0.1; -0.3; 0.2]; [0.1; -0.3; 0.2]}, 1e-15);  # (2, 1): dW1 above db1
%!test
%! ## two sigmoid layers by hand, x = 1, y = 1, every weight 1, biases 0:
%! ## a1 = s(1), a2 = s(a1); dZ2 = a2 - 1, dW2 = dZ2 a1, dZ1 = dZ2 a1 (1 - a1), dW1 = dZ1
%! a1 = 1 / (1 + exp (-1));
%! a2 = 1 / (1 + exp (-a1));
%! c = {struct("A_prev", 1, "Z", 1, "A", a1), struct("A_prev", a1, "Z", a1, "A", a2)};
%! G = dlfp.internal.backward_layers (a2, 1, c, {1, 1; 0, 0}, {@dlfp.sigmoid_backward}, 0, 1);
%! dZ1 = (a2 - 1) * a1 * (1 - a1);
%! assert (G, {dZ1, (a2 - 1) * a1; dZ1, a2 - 1}, 1e-15);
