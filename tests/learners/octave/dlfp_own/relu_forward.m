function A = relu_forward (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  A = dlfp.relu_forward (varargin{:});
endfunction
