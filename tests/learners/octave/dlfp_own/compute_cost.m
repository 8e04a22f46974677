function J = compute_cost (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  J = dlfp.compute_cost (varargin{:});
endfunction
