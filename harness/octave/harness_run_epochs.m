## -*- texinfo -*-
## @deftypefn {} {@var{result} =} harness_run_epochs (@var{path}, @var{epochs})
## result = dlfp.run_scenario (scenario with epochs and record_every 1): the benchmark's run.
##
## The scenario is read and checked, then its epochs set, in Octave: no copy of its file.
## @end deftypefn
function result = harness_run_epochs (path, epochs)
  s = dlfp.read_scenario (path);
  s.epochs = epochs;
  s.record_every = 1;
  result = dlfp.run_scenario (s);
end
