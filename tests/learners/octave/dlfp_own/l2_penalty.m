function J_L2 = l2_penalty (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  J_L2 = dlfp.l2_penalty (varargin{:});
endfunction
