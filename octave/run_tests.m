## run_tests.m: octave-cli octave/run_tests.m
##
## Runs the %!test, %!assert and %!error blocks of every file in octave/+dlfp (and its
## +internal helpers) and in octave/tests/+dlfp_test, prints each file with failures and what
## failed, and ends with the line "octave: N passed, N failed". Exits 1 if anything failed,
## else 0. octave/tests holds what only the tests use (the repository's place, the golden
## fixtures, their relative difference, the check that no dlfp file hides an Octave
## function), as the package dlfp_test: it goes on the path here, and tools/octave_pkg.sh
## leaves it out of the installed package, whose fixture tests then skip themselves.
## Known failures (%!xtest) and skipped blocks are counted apart and do not fail the run,
## except with CI=true, where a skipped block is a failure: CI's set-up installs everything.

here = fileparts (mfilename ("fullpath"));
addpath (here, fullfile (here, "tests"));
files = [dir(fullfile (here, "+dlfp", "*.m")); dir(fullfile (here, "+dlfp", "+internal", "*.m"));
         dir(fullfile (here, "tests", "+dlfp_test", "*.m"))];
passed = 0;
failed = 0;
known = 0;
skipped = 0;
for k = 1:numel (files)
  path = fullfile (files(k).folder, files(k).name);
  log_file = [tempname() ".log"];
  fid = fopen (log_file, "w");
  [n, nmax, nxfail, nbug, nskip, nrtskip] = test (path, "quiet", fid);
  fclose (fid);
  bad = nmax - n - nxfail - nbug;
  passed += n;
  failed += bad;
  known += nxfail + nbug;
  skipped += nskip + nrtskip;
  if (bad > 0)
    printf ("FAILED: %s (%d of %d)\n%s\n", path, bad, nmax, fileread (log_file));
  endif
  unlink (log_file);
endfor
if (known > 0 || skipped > 0)
  printf ("octave: %d known failures (xtest), %d skipped\n", known, skipped);
endif
if (strcmpi (getenv ("CI"), "true") && skipped > 0)
  printf ("CI=true: %d skipped block(s) count as failures\n", skipped);
  failed += skipped;
endif
printf ("octave: %d passed, %d failed\n", passed, failed);
exit (failed > 0);
