#!/usr/bin/env bash
# test_octave_pkg.sh: bash tools/test_octave_pkg.sh
#
# Proves build/dlfp-<Version>.tar.gz is an Octave package that works once installed:
# builds it with tools/octave_pkg.sh, checks the archive's layout, then in octave-cli
# installs it into a temporary prefix (pkg prefix, pkg local_list and pkg global_list all
# point into a temporary folder, HOME too, and -local keeps root from installing
# globally), checks that pkg load makes dlfp.<name> callable from the installed copy, calls
# a few functions, runs one small scenario, runs the installed copy's own %!tests, checks
# that addpath ("octave") gives the same numbers, then unloads and uninstalls. The user's
# real package lists are compared before and after. The test-only helpers (octave/tests, the
# package dlfp_test) must be neither in the archive nor installed: the installed copy's
# fixture tests skip themselves without them, and everything else passes.
#
# Prints one line per check ("ok: ..." or "FAIL: ...") and ends with
# "octave-pkg: N passed, N failed"; exits 1 if anything failed, else 0.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
octave=(octave-cli --no-gui --quiet --no-history --norc)
passed=0
failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1${2:+ ($2)}"; failed=$((failed + 1)); }
check() { local name=$1; shift; if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi; }
finish() {
  echo "octave-pkg: $passed passed, $failed failed"
  exit $((failed > 0))
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v octave-cli >/dev/null || { fail "octave-cli on the PATH"; finish; }

version=$(sed -n '/^Version:/{s/^Version:[[:space:]]*//;s/[[:space:]]*$//;p;q}' "$root/octave/DESCRIPTION")
top=dlfp-$version
tarball=$root/build/$top.tar.gz

# --- build -------------------------------------------------------------------------------
if build_log=$(bash "$root/tools/octave_pkg.sh" 2>&1); then
  pass "tools/octave_pkg.sh builds build/$top.tar.gz"
else
  fail "tools/octave_pkg.sh builds build/$top.tar.gz" "$build_log"
fi
[[ -f $tarball ]] || { fail "$tarball exists"; finish; }
sha1=$(sha256sum "$tarball" | cut -d ' ' -f 1)
bash "$root/tools/octave_pkg.sh" >/dev/null 2>&1
sha2=$(sha256sum "$tarball" | cut -d ' ' -f 1)
check "a second build gives the same bytes" test "$sha1" = "$sha2"

# --- the archive's layout ------------------------------------------------------------------
mkdir "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
pkgdir=$work/unpacked/$top
check "one top folder, $top/" test "$(ls -A "$work/unpacked")" = "$top"
check "top level is COPYING DESCRIPTION INDEX inst" \
  test "$(ls -A "$pkgdir" | tr '\n' ' ')" = "COPYING DESCRIPTION INDEX inst "
check "inst/ holds only +dlfp" test "$(ls -A "$pkgdir/inst")" = "+dlfp"
src_files=$( (cd "$root/octave" && find +dlfp -type f -name '*.m'
              echo +dlfp/private/scenario_rules.json) | sort)
pkg_files=$(cd "$pkgdir/inst" && find +dlfp -type f | sort)
check "inst/+dlfp holds every .m file of octave/+dlfp (and +internal) and the rules, nothing else" \
  test "$src_files" = "$pkg_files"
test_only=$(cd "$root/octave/tests" && find . -type f -name '*.m' -printf '%f\n' | sort)
[[ -n $test_only ]] || fail "octave/tests holds the test-only helpers"
leaked=$(cd "$pkgdir" && find . \( -name '*dlfp_test*' -o -name tests \) -print
         for f in $test_only; do find . -name "$f" -print; done)
if [[ -z $leaked ]]; then pass "no test-only helper (octave/tests: $(echo $test_only)) in the archive"
else fail "no test-only helper in the archive" "$(echo $leaked)"; fi
check "inst/+dlfp/private/scenario_rules.json is python/dlfp/scenario_rules.json, byte for byte" \
  cmp "$pkgdir/inst/+dlfp/private/scenario_rules.json" "$root/python/dlfp/scenario_rules.json"
missing=""
for f in Name Version Date Author Maintainer Title Description License; do
  grep -q "^$f: *[^ ]" "$pkgdir/DESCRIPTION" || missing+=" $f"
done
if [[ -z $missing ]]; then pass "DESCRIPTION has Name Version Date Author Maintainer Title Description License"
else fail "DESCRIPTION has every required field" "missing:$missing"; fi
public=$(cd "$root/octave/+dlfp" && ls *.m | sed 's/\.m$//; s/^/dlfp./' | sort)
indexed=$(sed -n 's/^[[:space:]]\+//p' "$pkgdir/INDEX" | tr ' ' '\n' | sed '/^$/d' | sort)
check "INDEX lists every public function as dlfp.<name>" test "$public" = "$indexed"

# --- the user's real package lists, to compare at the end ------------------------------------
lists=$(HOME=$HOME "${octave[@]}" --eval '
  printf ("%s\n", fullfile (user_config_dir (), "octave", __octave_config_info__ ("api_version"), "octave_packages"));
  printf ("%s\n", pkg ("global_list"));' 2>/dev/null)
fingerprint() {
  local f
  while IFS= read -r f; do
    [[ -n $f ]] || continue
    if [[ -e $f ]]; then echo "$f $(sha256sum < "$f" | cut -d ' ' -f 1)"; else echo "$f absent"; fi
  done <<< "$lists"
}
before=$(fingerprint)

# --- install, load, use, uninstall, in Octave ----------------------------------------------
cat > "$work/check_pkg.m" <<'EOF'
1;  # a script file, not a function file
function record (name, ok, detail = "")  # the shell counts the ok: and FAIL: lines
  if (ok)
    printf ("ok: %s\n", name);
  else
    if (! isempty (detail))
      detail = [" (" strtrim(detail) ")"];
    endif
    printf ("FAIL: %s%s\n", name, detail);
  endif
  fflush (stdout);
endfunction

function p = under (path, folder)  # path (existing or not) lies inside folder
  [d, name, ext] = fileparts (path);
  if (exist (path, "file"))
    path = canonicalize_file_name (path);
  else
    path = fullfile (canonicalize_file_name (d), [name ext]);
  endif
  folder = [canonicalize_file_name(folder) filesep];
  p = strncmp (path, folder, numel (folder));
endfunction

work = getenv ("WORK");
repo = getenv ("REPO");
tarball = getenv ("TARBALL");
version = getenv ("VERSION");
prefix = fullfile (work, "prefix");
cd (work);  # away from octave/, whose +dlfp would otherwise be found in the current folder

pkg ("prefix", prefix, fullfile (work, "archprefix"));
pkg ("local_list", fullfile (work, "octave_packages"));
pkg ("global_list", fullfile (work, "global_octave_packages"));
record ("pkg prefix/local_list/global_list point into the temporary folder",
        under (pkg ("prefix"), work) && under (pkg ("local_list"), work)
        && under (pkg ("global_list"), work));
record ("before install, dlfp.rng_uniform is nowhere on the path",
        isempty (which ("dlfp.rng_uniform")));

unwind_protect
  lastwarn ("");
  try
    out = evalc ('pkg ("install", "-local", tarball)');
    [msg, id] = lastwarn ();
    record ("pkg install -local accepts the tarball (inst/+dlfp), without warnings",
            isempty (msg), [id ": " msg out]);
  catch err
    record ("pkg install -local accepts the tarball (inst/+dlfp)", false, err.message);
  end_try_catch

  installed = pkg ("list");
  names = cellfun (@(p) p.name, installed, "UniformOutput", false);
  k = find (strcmp (names, "dlfp"), 1);
  record (["pkg list: dlfp " version " in the temporary prefix"],
          ! isempty (k) && strcmp (installed{k}.version, version)
          && under (installed{k}.dir, prefix));
  pkgdir = fullfile (prefix, ["dlfp-" version]);
  record ("installed as <prefix>/dlfp-<version>/+dlfp and packinfo/",
          isfolder (fullfile (pkgdir, "+dlfp", "+internal"))
          && isfile (fullfile (pkgdir, "packinfo", "DESCRIPTION"))
          && isfile (fullfile (pkgdir, "packinfo", "COPYING")));

  try
    out = evalc ('pkg ("describe", "-verbose", "dlfp")');
    record ("pkg describe -verbose dlfp lists dlfp.run_scenario",
            ! isempty (strfind (out, "dlfp.run_scenario")), out);
  catch err
    record ("pkg describe -verbose dlfp", false, err.message);
  end_try_catch

  try
    pkg load dlfp
    record ("pkg load dlfp: dlfp.rng_uniform and dlfp.internal.fail come from the prefix",
            under (which ("dlfp.rng_uniform"), pkgdir)
            && under (which ("dlfp.internal.fail"), pkgdir),
            which ("dlfp.rng_uniform"));
  catch err
    record ("pkg load dlfp", false, err.message);
  end_try_catch

  ## the test-only helpers stayed in the checkout: not installed, not on the path
  test_only = strsplit (getenv ("TEST_ONLY"));
  installed_files = [glob(fullfile (pkgdir, "*")); glob(fullfile (pkgdir, "+dlfp", "*"));
                     glob(fullfile (pkgdir, "+dlfp", "+internal", "*"))];
  [~, names, exts] = cellfun (@fileparts, installed_files, "UniformOutput", false);
  found = intersect (strcat (names, exts), [test_only, {"+dlfp_test", "tests"}]);
  record (["the test-only helpers are not installed (" strjoin(test_only, ", ") ")"],
          ! isempty (test_only) && isempty (found) && isempty (which ("dlfp_test.repo_root"))
          && isempty (which ("dlfp.internal.repo_root")), strjoin (found, ", "));

  try
    dlfp.train ();
    record ("dlfp.train () is refused with its usage", false, "no error");
  catch err
    record ("dlfp.train () is refused with its usage, read from the installed help",
            strcmp (err.identifier, "Octave:invalid-fun-call")
            && strncmp (err.message, "Invalid call to train", 21)
            && ! isempty (strfind (err.message, "= dlfp.train (X, Y, PARAMS,")), err.message);
  end_try_catch

  try
    installed_rules = fullfile (pkgdir, "+dlfp", "private", "scenario_rules.json");
    rules = dlfp.scenario_rules ();
    record ("the rules are installed in +dlfp/private/ and dlfp.scenario_rules reads them there",
            isfile (installed_rules)
            && strcmp (fileread (installed_rules),
                       fileread (fullfile (repo, "python", "dlfp", "scenario_rules.json")))
            && under (which ("dlfp.scenario_rules"), pkgdir)
            && strcmp (rules.fields{1}.field, "name"));
  catch err
    record ("dlfp.scenario_rules from the installed copy", false, err.message);
  end_try_catch

  try
    [u, r] = dlfp.rng_uniform (dlfp.rng_create (1), 3);
    record ("dlfp.rng_uniform (dlfp.rng_create (1), 3) is the Lehmer stream",
            isequal (u, [96542, 365211588, 435306125] / 2147483647) && r == 435306125,
            mat2str (u));
  catch err
    record ("dlfp.rng_uniform (dlfp.rng_create (1), 3)", false, err.message);
  end_try_catch

  try
    A = dlfp.sigmoid_forward ([0, 100, -100]);
    S = dlfp.softmax_forward ([1 2; 1 2]);
    [X, labels] = dlfp.generate_xor (dlfp.rng_create (3), 8);
    perm = dlfp.rng_permutation (dlfp.rng_create (5), 6);
    record ("dlfp.sigmoid_forward, softmax_forward, generate_xor, rng_permutation, accuracy",
            abs (A(1) - 0.5) < 1e-15 && A(2) <= 1 && A(3) >= 0
            && isequal (S, [0.5 0.5; 0.5 0.5]) && isequal (size (X), [2, 8])
            && numel (labels) == 8 && isequal (sort (perm), 1:6)
            && dlfp.accuracy ([1 0 1], [1 1 1]) == 2/3);
  catch err
    record ("a few dlfp functions", false, err.message);
  end_try_catch

  try
    dlfp.rng_create (-1);
    record ("dlfp errors keep their identifier and message (+internal helpers)", false, "no error");
  catch err
    record ("dlfp errors keep their identifier and message (+internal helpers)",
            strncmp (err.identifier, "dlfp:", 5)
            && strcmp (err.message, "dlfp: rng_create: seed must be an integer from 0 to 2147483645, got -1"),
            [err.identifier " " err.message]);
  end_try_catch

  try
    out = evalc ("help dlfp.rng_uniform");
    record ("help dlfp.rng_uniform shows the installed file's help",
            ! isempty (strfind (out, "rng_uniform (RNG, N)")) && ! isempty (strfind (out, pkgdir)), out);
  catch err
    record ("help dlfp.rng_uniform", false, err.message);
  end_try_catch

  scenario = fullfile (work, "tiny.json");
  fid = fopen (scenario, "w");
  fputs (fid, '{"name": "tiny", "seed": 3, "data": {"generator": "xor", "n": 40}, "layers": [2, 4, 1], "activations": ["tanh", "sigmoid"], "learning_rate": 0.5, "epochs": 20, "record_every": 5}');
  fclose (fid);
  result_pkg = [];
  try
    out = evalc ("result_pkg = dlfp.run_scenario (scenario, true);");
    record ("dlfp.run_scenario (tiny xor scenario, verbose) trains and prints Python's lines",
            isequal (result_pkg.loss_curve(:, 1)', [0, 5, 10, 15, 19])
            && all (isfinite (result_pkg.loss_curve(:, 2)))
            && result_pkg.train_accuracy >= 0 && result_pkg.train_accuracy <= 1
            && ! isempty (regexp (out, "epoch 0: cost \\d"))
            && ! isempty (regexp (out, "tiny: train accuracy \\d\\.\\d{4}")), out);
    printf ("   %s", strrep (out, "\n", "\n   ")(1:end-3));
    out_json = fullfile (work, "tiny-result.json");
    dlfp.write_result (result_pkg, out_json);
    back = jsondecode (fileread (out_json));
    record ("dlfp.write_result writes JSON that reads back", strcmp (back.name, "tiny"));
  catch err
    record ("dlfp.run_scenario and write_result on a tiny scenario", false, err.message);
  end_try_catch

  ## The installed copy's own %!test blocks. The tests that read the checkout (its
  ## fixtures, the runner, the Python twin's rules) skip themselves: their %!testif asks
  ## for the test-only helpers (dlfp_test.repo_root, ...), which are not installed.
  files = [dir(fullfile (pkgdir, "+dlfp", "*.m")); dir(fullfile (pkgdir, "+dlfp", "+internal", "*.m"))];
  n_ok = n_all = n_skip = 0;
  bad = {};
  for k = 1:numel (files)
    path = fullfile (files(k).folder, files(k).name);
    log_file = [tempname() ".log"];
    fid = fopen (log_file, "w");
    [n, nmax, nxfail, nbug, nskip, nrtskip] = test (path, "quiet", fid);
    fclose (fid);
    n_bad = nmax - n - nxfail - nbug;
    n_all += nmax;
    n_ok += n;
    n_skip += nskip + nrtskip;
    if (n_bad > 0)
      bad{end+1} = [files(k).name ": " fileread(log_file)];
    endif
    unlink (log_file);
  endfor
  record (sprintf (["the installed copy passes its own tests (%d of %d blocks in %d files;" ...
                    " %d that need the checkout skipped)"], n_ok, n_all, numel (files), n_skip),
          isempty (bad) && n_ok > 0 && n_skip > 0, strjoin (bad, "\n"));

  try
    pkg unload dlfp
    record ("pkg unload dlfp takes dlfp off the path", isempty (which ("dlfp.rng_uniform")));
  catch err
    record ("pkg unload dlfp", false, err.message);
  end_try_catch

  ## The other way in: the source folder on the path, no installation
  addpath (fullfile (repo, "octave"));
  try
    result_src = dlfp.run_scenario (scenario);
    record ("addpath (\"octave\"): the same scenario gives the same numbers as the package",
            under (which ("dlfp.run_scenario"), fullfile (repo, "octave"))
            && isequal (result_src, result_pkg));
  catch err
    record ("addpath (\"octave\") then dlfp.run_scenario", false, err.message);
  end_try_catch
  rmpath (fullfile (repo, "octave"));

unwind_protect_cleanup
  if (! isempty (pkg ("list")))  # nothing to uninstall when the install failed
    try
      pkg ("uninstall", "-local", "dlfp");
      record ("pkg uninstall -local dlfp removes the package and its list entry",
              ! isfolder (fullfile (prefix, ["dlfp-" version])) && isempty (pkg ("list")));
    catch err
      record ("pkg uninstall -local dlfp", false, err.message);
    end_try_catch
  endif
end_unwind_protect

printf ("octave checks: done\n");
EOF

mkdir -p "$work/home"
out=$(cd "$work" && HOME=$work/home XDG_CONFIG_HOME=$work/home/.config WORK=$work REPO=$root \
      TARBALL=$tarball VERSION=$version TEST_ONLY="$(echo $test_only)" \
      "${octave[@]}" "$work/check_pkg.m" 2>&1)
status=$?
printf '%s\n' "$out" | grep -v '^octave checks: done$'
passed=$((passed + $(printf '%s\n' "$out" | grep -c '^ok: ')))
failed=$((failed + $(printf '%s\n' "$out" | grep -c '^FAIL: ')))
if ! printf '%s\n' "$out" | grep -q '^octave checks: done$' || [[ $status -ne 0 ]]; then
  fail "the Octave checks ran to the end" "octave-cli status $status"
fi

after=$(fingerprint)
check "the user's real package lists are untouched" test "$before" = "$after"

finish
