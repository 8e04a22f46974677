function A = softmax_forward (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  A = dlfp.softmax_forward (varargin{:});
endfunction
