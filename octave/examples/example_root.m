## -*- texinfo -*-
## @deftypefn {} {@var{root} =} example_root ()
## root = the repository's top folder, the one holding octave/, fixtures/ and examples/.
##
## Found from this file's own place (octave/examples/), so the examples run from any
## directory, as Python's common.py finds ROOT.
## @end deftypefn

function root = example_root ()
  here = fileparts (mfilename ("fullpath"));  # .../octave/examples
  root = fileparts (fileparts (here));
endfunction
