## Chapter 5: MNIST-scale classification: the 8x8 digits, then a Fashion-MNIST subset.
## Run from the repository root: octave-cli octave/examples/ch5_mnist.m

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here));  # the octave folder, which holds +dlfp
addpath (here, "-end");  # the helpers; last, so that xor.m shadows no xor function

example_run ("digits_adam", "ch5_digits", false);
example_run ("fashion_subset", "ch5_fashion", false);
