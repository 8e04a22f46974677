function [params, rng] = initialize_parameters (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  [params, rng] = dlfp.initialize_parameters (varargin{:});
endfunction
