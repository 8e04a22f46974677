## Chapter 2: one hidden layer of tanh units and a sigmoid output, on the donut.
## Run from the repository root (octave-cli octave/examples/ch2_one_hidden_layer.m) or from
## this folder (octave-cli ch2_one_hidden_layer.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

example_run ("one_hidden_circles", "ch2");
