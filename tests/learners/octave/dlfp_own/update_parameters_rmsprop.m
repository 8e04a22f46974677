function [params, state] = update_parameters_rmsprop (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  [params, state] = dlfp.update_parameters_rmsprop (varargin{:});
endfunction
