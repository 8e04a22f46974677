## The course's donut problem: two relu layers, Adam, mini-batches.
## Run from the repository root: octave-cli octave/examples/donut.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("donut", "donut");
