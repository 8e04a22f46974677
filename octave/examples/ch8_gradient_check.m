## Chapter 8: gradient checking: backward propagation against centered finite differences.
## Run from the repository root (octave-cli octave/examples/ch8_gradient_check.m) or from
## this folder (octave-cli ch8_gradient_check.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

s = dlfp.read_scenario (example_scenario ("l2_dropout_spiral"));
[X, labels] = dlfp.load_data (s);
X = X(:, 2:33);  # skip the spiral's centre point, where relus sit on 0
labels = labels(2:33);
Y = dlfp.labels_to_targets (labels, s.activations{end}, s.layers(end));
params = dlfp.initialize_parameters (s.layers, s.init, dlfp.rng_create (s.seed));
r = dlfp.gradient_check (X, Y, params, s.activations, 0.1);
## The difference itself (about 1e-8) is rounding noise magnified by 1/epsilon, so its digits
## differ between Python, R and Octave; the verdict against the threshold is what they share.
good = r.difference < dlfp.gradcheck_threshold ();
side = {"ABOVE", "below"}{good + 1};
verdict = {"FAILED", "ok"}{good + 1};
printf ("gradient check over %d parameters, %d relu kinks skipped: difference %s 1e-7: %s\n",
        r.checked, r.kinks, side, verdict);
