function grads = backward_propagation (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  grads = dlfp.backward_propagation (varargin{:});
endfunction
