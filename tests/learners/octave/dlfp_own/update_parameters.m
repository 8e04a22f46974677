function params = update_parameters (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  params = dlfp.update_parameters (varargin{:});
endfunction
