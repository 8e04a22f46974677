## Chapter 5: MNIST-scale classification: the 8x8 digits, then a Fashion-MNIST subset.
## Run from the repository root (octave-cli octave/examples/ch5_mnist.m) or from
## this folder (octave-cli ch5_mnist.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

example_run ("digits_adam", "ch5_digits", false);
example_run ("fashion_subset", "ch5_fashion", false);
