## Chapter 6: Xavier initialization with L2 on the donut; He, L2 and dropout on the spiral.
## Run from the repository root (octave-cli octave/examples/ch6_init_l2_dropout.m) or from
## this folder (octave-cli ch6_init_l2_dropout.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

example_run ("xavier_l2_circles", "ch6_xavier_l2");
example_run ("l2_dropout_spiral", "ch6_he_l2_dropout");
