## -*- texinfo -*-
## @deftypefn {} {@var{result} =} harness_validate_fold (@var{path}, @var{fold})
## result = dlfp.validate_fold (dlfp.prepare_scenario (path), fold): one fold of a sweep.
##
## Prepared and used inside Octave, so the scenario's data never cross the bridge.
## @end deftypefn
function result = harness_validate_fold (path, fold)
  result = dlfp.validate_fold (dlfp.prepare_scenario (path), fold);
end
