## Chapter 7: mini-batch momentum, RMSProp with exponential decay, Adam with inverse-time decay.
## Run from the repository root (octave-cli octave/examples/ch7_optimizers.m) or from
## this folder (octave-cli ch7_optimizers.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

example_run ("momentum_minibatch_spiral", "ch7_momentum");
example_run ("rmsprop_exponential_xor", "ch7_rmsprop");
example_run ("adam_inverse_time_spiral", "ch7_adam");
