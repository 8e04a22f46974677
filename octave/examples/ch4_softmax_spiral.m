## Chapter 4: softmax and categorical cross-entropy on the 3-class spiral.
## Run from the repository root (octave-cli octave/examples/ch4_softmax_spiral.m) or from
## this folder (octave-cli ch4_softmax_spiral.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

example_run ("spiral_softmax", "ch4");
