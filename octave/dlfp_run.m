## dlfp_run.m: octave-cli octave/dlfp_run.m SCENARIO.json [--out RESULT.json] [--quiet]
##
## Train one scenario natively and optionally write its result JSON: the Octave twin of
## `python -m dlfp run`. Progress lines are Python's ("epoch 0: cost 1.488368",
## "<name>: train accuracy 0.9933", and with a test set "<name>: train accuracy 0.9933,
## test accuracy 0.9800"). A dlfp error (bad input, including a result write_result
## refuses) prints its message on stderr and exits with status 2, as Python's command
## line does; a bad command line exits 2 too.

## The package folder sits beside this script, so the runner works from any directory.
addpath (fileparts (mfilename ("fullpath")));

usage = "usage: octave-cli octave/dlfp_run.m SCENARIO.json [--out RESULT.json] [--quiet]\n";
args = argv ();
scenario = "";
out = "";
quiet = false;
k = 1;
while (k <= numel (args))
  a = args{k};
  if (strcmp (a, "--quiet"))
    quiet = true;
  elseif (strcmp (a, "--out") && k < numel (args))
    k += 1;
    out = args{k};
  elseif (strncmp (a, "--out=", 6))
    out = a(7:end);
  elseif (any (strcmp (a, {"-h", "--help"})))
    printf (usage);
    exit (0);
  elseif (isempty (scenario) && ! strncmp (a, "-", 1))
    scenario = a;
  else
    fputs (stderr, [usage "dlfp_run: unrecognized or incomplete argument: " a "\n"]);
    exit (2);
  endif
  k += 1;
endwhile
if (isempty (scenario))
  fputs (stderr, [usage "dlfp_run: the following arguments are required: scenario\n"]);
  exit (2);
endif

try
  result = dlfp.run_scenario (scenario, ! quiet);
  if (! isempty (out))
    dlfp.write_result (result, out);
  endif
catch err
  fputs (stderr, [err.message "\n"]);
  if (strncmp (err.identifier, "dlfp:", 5))
    exit (2);
  endif
  exit (1);  # not bad input but a failure of its own, as an uncaught Python exception
end_try_catch
