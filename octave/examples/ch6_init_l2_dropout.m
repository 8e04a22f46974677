## Chapter 6: Xavier initialization with L2 on the donut; He, L2 and dropout on the spiral.
## Run from the repository root: octave-cli octave/examples/ch6_init_l2_dropout.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("xavier_l2_circles", "ch6_xavier_l2");
example_run ("l2_dropout_spiral", "ch6_he_l2_dropout");
