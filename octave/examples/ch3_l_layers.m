## Chapter 3: an L-layer network mixing relu and tanh, on XOR.
## Run from the repository root: octave-cli octave/examples/ch3_l_layers.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("deep_xor", "ch3");
