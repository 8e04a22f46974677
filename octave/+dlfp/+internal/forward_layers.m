## -*- texinfo -*-
## @deftypefn {} {[@var{AL}, @var{caches}, @var{rng}] =} forward_layers (@var{X}, @var{P}, @var{g}, @var{keep_prob}, @var{rng})
## A_l = g_l(W_l * A_(l-1) + b_l) .* D_l / keep_prob on hidden layers, D_l = (u < keep_prob).
##
## The work of @code{dlfp.forward_propagation_dropout} (see there), on arguments already
## resolved: @var{P} is the 2 x L cell of @code{layer_cells} (@code{P(:, l) = @{W_l; b_l@}})
## and @var{g} the cell of the L activation functions. The public function looks the
## names up and calls this; @code{dlfp.train} looks them up once and calls this at every
## step, which spares it the lookups and the struct fields named at each step. Internal:
## no argument checks.
## @end deftypefn

function [AL, caches, rng] = forward_layers (X, P, g, keep_prob, rng)
  L = numel (g);
  caches = cell (1, L);
  A_prev = X;
  for l = 1:L
    Z = P{1, l} * A_prev + P{2, l};  # (n_l, m): linear_forward, whose call costs more here
    A = g{l} (Z);
    cache = struct ("A_prev", A_prev, "Z", Z, "A", A);
    if (keep_prob < 1 && l < L)
      [u, rng] = dlfp.rng_uniform (rng, numel (Z));
      cache.D = double (reshape (u, size (Z)) < keep_prob);  # (n_l, m)
      A = (A .* cache.D) / keep_prob;
    endif
    caches{l} = cache;
    A_prev = A;
  endfor
  AL = A_prev;
endfunction

%!test
%! ## the book's small case: x = [0; 1], every weight 1, biases 0, sigmoid: 0.731, then 0.812
%! s = @dlfp.sigmoid_forward;
%! [AL, caches, rng] = dlfp.internal.forward_layers ([0; 1], {ones(2, 2), [1, 1]; [0; 0], 0},
%!                                                   {s, s}, 1, 7);
%! assert (caches{1}.A, [0.7310585786300049; 0.7310585786300049], 1e-15);
%! assert (AL, 0.8118562749129378, 1e-15);
%! assert (caches{2}.A_prev, caches{1}.A);
%! assert (rng, 7);
%! assert (fieldnames (caches{1}), {"A_prev"; "Z"; "A"});
