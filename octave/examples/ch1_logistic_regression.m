## Chapter 1: logistic regression as a neural network (breast-cancer data, 30 -> 1 sigmoid).
## Run from the repository root (octave-cli octave/examples/ch1_logistic_regression.m) or from
## this folder (octave-cli ch1_logistic_regression.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

example_run ("logreg_breast_cancer", "ch1", false);
