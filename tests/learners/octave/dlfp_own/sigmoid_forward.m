function A = sigmoid_forward (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  A = dlfp.sigmoid_forward (varargin{:});
endfunction
