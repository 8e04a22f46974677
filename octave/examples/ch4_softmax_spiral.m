## Chapter 4: softmax and categorical cross-entropy on the 3-class spiral.
## Run from the repository root: octave-cli octave/examples/ch4_softmax_spiral.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("spiral_softmax", "ch4");
