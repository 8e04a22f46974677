function lr = schedule_exponential (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  lr = dlfp.schedule_exponential (varargin{:});
endfunction
