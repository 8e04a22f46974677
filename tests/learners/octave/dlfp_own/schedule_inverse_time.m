function lr = schedule_inverse_time (varargin)
  ## dlfp's own, as a learner's function file: the checker must pass it
  lr = dlfp.schedule_inverse_time (varargin{:});
endfunction
