## -*- texinfo -*-
## @deftypefn  {} {@var{result} =} example_run (@var{name}, @var{prefix})
## @deftypefnx {} {@var{result} =} example_run (@var{name}, @var{prefix}, @var{boundary})
## result = run_scenario(NAME), printing its progress and accuracy; then save its figures.
##
## Saves PREFIX_loss.png and, when @var{boundary} is true (the default, for 2-D data),
## PREFIX_boundary.png into examples/out/octave/. The twin of Python's common.run.
## @end deftypefn

function result = example_run (name, prefix, boundary = true)
  path = example_scenario (name);
  result = dlfp.run_scenario (path, true);
  save_loss (result, [prefix "_loss.png"]);
  if (boundary)
    save_boundary (result, path, [prefix "_boundary.png"]);
  endif
endfunction
