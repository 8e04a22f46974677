## Chapter 3: an L-layer network mixing relu and tanh, on XOR.
## Run from the repository root (octave-cli octave/examples/ch3_l_layers.m) or from
## this folder (octave-cli ch3_l_layers.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

example_run ("deep_xor", "ch3");
