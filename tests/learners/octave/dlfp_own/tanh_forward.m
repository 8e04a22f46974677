function A = tanh_forward (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  A = dlfp.tanh_forward (varargin{:});
endfunction
