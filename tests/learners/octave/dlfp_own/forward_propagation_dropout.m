function [AL, caches, rng] = forward_propagation_dropout (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  [AL, caches, rng] = dlfp.forward_propagation_dropout (varargin{:});
endfunction
