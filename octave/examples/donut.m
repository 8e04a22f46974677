## The course's donut problem: two relu layers, Adam, mini-batches.
## Run from the repository root (octave-cli octave/examples/donut.m) or from
## this folder (octave-cli donut.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

result = example_run ("donut", "donut");
save_features (result, example_scenario ("donut"), "donut_features.png");
