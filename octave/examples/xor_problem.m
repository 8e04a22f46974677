## The course's XOR problem: one hidden layer of 4 tanh units.
## Run from the repository root: octave-cli octave/examples/xor_problem.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("xor", "xor");
