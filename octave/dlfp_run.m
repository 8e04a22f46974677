## dlfp_run.m: octave-cli octave/dlfp_run.m SCENARIO.json [--out RESULT.json] [--quiet]
##
## Train one scenario natively and optionally write its result JSON: the Octave twin of
## `python -m dlfp run`. A given --out (even --out "") is checked first, before anything is
## read or trained; then the scenario is prepared (read, checked, its data loaded and
## checked), trained and written. Progress lines are Python's ("epoch 0: cost 1.488368",
## "<name>: train accuracy 0.9933", with a test set ", test accuracy 0.9800", then "wrote
## RESULT.json"). Bad input prints exactly one line "dlfp: <function>: <problem>" on stderr
## and exits with status 2, writing nothing, as Python's command line does; a bad command
## line exits 2 too, and any other failure 1.

## A killed or crashed run must not leave octave-workspace behind in the caller's folder.
sigterm_dumps_octave_core (false);
sighup_dumps_octave_core (false);
crash_dumps_octave_core (false);
## octave-cli saves the command history at exit, and where it cannot (no writable
## ~/.local/share/octave) it prints "error: ignoring const execution_exception& while
## preparing to exit" on stderr: a script has no history to keep.
history_save (false);

## With stdin, stdout or stderr closed (nohup, a daemon), fopen hands out the free descriptor
## 0, 1 or 2, which fclose then refuses as one of Octave's own streams ("invalid stream
## number"): /dev/null holds each closed one, as Python and R run on.
do
  held = fopen ("/dev/null", "r+");
until (held < 0 || held > 2)
if (held > 2)
  fclose (held);
endif

## The package folder sits beside this script, so the runner works from any directory.
addpath (fileparts (mfilename ("fullpath")));

usage = "usage: octave-cli octave/dlfp_run.m SCENARIO.json [--out RESULT.json] [--quiet]\n";
args = argv ();
scenario = [];  # [] until given: "" given is a path, which read_scenario names
out = [];  # [] when --out is not given; "" given is an error that check_result_path names
quiet = false;
## as argparse (and dlfp_run.R): a usage error is the usage line and one "error:" line, exit 2
function usage_error (usage, problem)
  fputs (stderr, [usage "dlfp_run.m: error: " problem "\n"]);
  exit (2);
endfunction

extra = {};
k = 1;
while (k <= numel (args))
  a = args{k};
  if (strcmp (a, "--quiet"))
    quiet = true;
  elseif (strcmp (a, "--out"))
    ## the next argument is the value unless it looks like an option ("" is a value, which
    ## check_result_path refuses; so are "-" and negative numbers)
    if (k == numel (args) || (numel (args{k + 1}) > 1 && args{k + 1}(1) == "-"
                              && isempty (regexp (args{k + 1}, '^-[0-9]+$|^-[0-9]*[.][0-9]+$', "once"))))
      usage_error (usage, "argument --out: expected one argument");
    endif
    k += 1;
    out = args{k};
  elseif (strncmp (a, "--out=", 6))
    out = a(7:end);
  elseif (any (strcmp (a, {"-h", "--help"})))
    printf (usage);
    exit (0);
  elseif (strncmp (a, "-", 1) || ischar (scenario))
    extra{end + 1} = a;  # argparse names every argument it could not place, in order
  else
    scenario = a;
  endif
  k += 1;
endwhile
if (! ischar (scenario))
  usage_error (usage, "the following arguments are required: scenario");
endif
if (! isempty (extra))
  usage_error (usage, ["unrecognized arguments:" sprintf(" %s", extra{:})]);
endif

## Stop unless out (by its real path, links resolved) is neither the scenario file nor a data
## file it reads: the result written over it would lose the run's own input.
function check_out_is_no_input (out, scenario_path, s)
  fields = {"csv", "idx_images", "idx_labels", "test_csv", "test_idx_images", "test_idx_labels"};
  fields = fields(isfield (s.data, fields));
  inputs = [{scenario_path}, cellfun(@(k) dlfp.internal.data_path (s, s.data.(k)), fields,
                                     "UniformOutput", false)];
  resolved = @(p) canonicalize_file_name (dlfp.internal.os_path (p));
  [~, err] = stat (dlfp.internal.os_path (out));
  if (err == 0 && any (strcmp (resolved (out), cellfun (resolved, inputs, "UniformOutput", false))))
    error ("dlfp:file", "dlfp: write_result: %s is an input of this run (the scenario or its data)",
           dlfp.internal.shown (out, Inf));
  endif
endfunction

status = 0;
try
  if (ischar (out))
    dlfp.check_result_path (out);  # before training: a bad --out must not cost a whole run
  endif
  prepared = dlfp.prepare_scenario (scenario);
  if (ischar (out))
    check_out_is_no_input (out, scenario, prepared.scenario);
  endif
  result = dlfp.run_scenario (prepared, ! quiet);
  if (ischar (out))
    dlfp.write_result (result, out);
    if (! quiet)
      printf ("wrote %s\n", dlfp.internal.shown (out, Inf));
    endif
  endif
catch err
  fputs (stderr, [err.message "\n"]);
  ## bad input (a dlfp error) is 2; anything else is a failure of its own, as an uncaught
  ## Python exception is
  status = 1 + strncmp (err.identifier, "dlfp:", 5);
end_try_catch
exit (status);
