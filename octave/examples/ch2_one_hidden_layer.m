## Chapter 2: one hidden layer of tanh units and a sigmoid output, on the donut.
## Run from the repository root: octave-cli octave/examples/ch2_one_hidden_layer.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("one_hidden_circles", "ch2");
