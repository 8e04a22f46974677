## -*- texinfo -*-
## @deftypefn {} {@var{acts} =} check_activations (@var{acts}, @var{layers})
## acts = the scenario's activation names as a 1 x L cell, or an error naming the problem.
##
## The twin of scenario.py's @code{_check_activations}. JSON [] decodes to an empty double,
## which counts as an empty list.
## @end deftypefn

function acts = check_activations (acts, layers)
  fn = "read_scenario";
  if (isnumeric (acts) && isempty (acts))
    acts = {};
  endif
  if (! (iscellstr (acts) && (isvector (acts) || isempty (acts))))
    dlfp.internal.fail ("scenario", fn, "'activations' must be a list of names");
  endif
  acts = reshape (acts, 1, []);
  if (numel (acts) != numel (layers) - 1)
    dlfp.internal.fail ("scenario", fn,
                        sprintf ("'activations' has %d entries but 'layers' needs %d",
                                 numel (acts), numel (layers) - 1));
  endif
  for a = acts
    dlfp.internal.check_name (a{1}, dlfp.activations (), "activation", fn);
  endfor
  for a = acts(1:end - 1)
    dlfp.internal.check_name (a{1}, dlfp.derivatives (), "hidden activation", fn);
  endfor
  dlfp.internal.check_name (acts{end}, dlfp.costs (), "output activation", fn);
  if (strcmp (acts{end}, "sigmoid") && layers(end) != 1)
    dlfp.internal.fail ("scenario", fn,
                        sprintf ("a sigmoid output has 1 unit but 'layers' ends in %d",
                                 layers(end)));
  endif
  if (strcmp (acts{end}, "softmax") && layers(end) < 2)
    dlfp.internal.fail ("scenario", fn, "a softmax output needs at least 2 units");
  endif
endfunction

%!assert (dlfp.internal.check_activations ({"relu"; "softmax"}, [2, 4, 3]), {"relu", "softmax"})
%!error <'activations' must be a list of names> dlfp.internal.check_activations ("relu", [2, 1])
%!error <'activations' has 0 entries but 'layers' needs 1> dlfp.internal.check_activations ([], [2, 1])
%!error <unknown hidden activation 'softmax'> dlfp.internal.check_activations ({"softmax", "sigmoid"}, [2, 2, 1])
%!error <unknown output activation 'relu' \(known: sigmoid, softmax\)> dlfp.internal.check_activations ({"relu"}, [2, 1])
%!error <a sigmoid output has 1 unit but 'layers' ends in 2> dlfp.internal.check_activations ({"sigmoid"}, [2, 2])
%!error <a softmax output needs at least 2 units> dlfp.internal.check_activations ({"softmax"}, [2, 1])
