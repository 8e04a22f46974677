## Chapter 1: logistic regression as a neural network (breast-cancer data, 30 -> 1 sigmoid).
## Run from the repository root: octave-cli octave/examples/ch1_logistic_regression.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("logreg_breast_cancer", "ch1", false);
