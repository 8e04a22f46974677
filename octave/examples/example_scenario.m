## -*- texinfo -*-
## @deftypefn {} {@var{path} =} example_scenario (@var{name})
## path = the scenario NAME.json: the default suite's, or the examples' own.
##
## Looks in fixtures/scenarios/ first, then examples/scenarios/; an unknown @var{name}
## is an error, "no scenario NAME", as in Python's common.py.
## @end deftypefn

function path = example_scenario (name)
  root = example_root ();
  for folder = {fullfile(root, "fixtures", "scenarios"), fullfile(root, "examples", "scenarios")}
    path = fullfile (folder{1}, [name ".json"]);
    if (isfile (path))
      return;
    endif
  endfor
  error ("dlfp:file", "no scenario %s", name);
endfunction
