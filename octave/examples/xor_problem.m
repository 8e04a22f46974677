## The course's XOR problem: one hidden layer of 4 tanh units.
## Run from the repository root (octave-cli octave/examples/xor_problem.m) or from
## this folder (octave-cli xor_problem.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

result = example_run ("xor", "xor");
save_features (result, example_scenario ("xor"), "xor_features.png");
