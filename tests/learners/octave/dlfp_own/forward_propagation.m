function [AL, caches] = forward_propagation (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  [AL, caches] = dlfp.forward_propagation (varargin{:});
endfunction
