## Chapter 7: mini-batch momentum, RMSProp with exponential decay, Adam with inverse-time decay.
## Run from the repository root: octave-cli octave/examples/ch7_optimizers.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("momentum_minibatch_spiral", "ch7_momentum");
example_run ("rmsprop_exponential_xor", "ch7_rmsprop");
example_run ("adam_inverse_time_spiral", "ch7_adam");
