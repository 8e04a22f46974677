#!/usr/bin/env bash
# octave_pkg.sh: bash tools/octave_pkg.sh
#
# Builds build/dlfp-<Version>.tar.gz, the Octave twin as an Octave package:
#
#   dlfp-<Version>/DESCRIPTION   octave/DESCRIPTION, plus a Date line, minus its comments
#   dlfp-<Version>/COPYING       the MIT licence (pkg install refuses a package without it),
#                                its year and holder read from r/LICENSE
#   dlfp-<Version>/INDEX         every public function as dlfp.<name>, by topic, for
#                                `pkg describe -verbose dlfp` (without an INDEX, pkg install
#                                wants a Categories field and indexes only the .m files
#                                directly under inst/: none here)
#   dlfp-<Version>/inst/+dlfp/   the .m files of octave/+dlfp and octave/+dlfp/+internal, and
#                                +dlfp/private/scenario_rules.json (the scenario rules, the
#                                same bytes as Python's and R's copies); not octave/tests,
#                                the package dlfp_test of helpers only the tests use
#
# pkg install copies inst/ into the package folder and pkg load puts that folder on the
# path, so +dlfp is found there as it is in octave/ and calls read dlfp.<name> (...)
# either way. Then: pkg install build/dlfp-0.1.0.tar.gz; pkg load dlfp.
#
# The Date and the archive's timestamps are those of SOURCE_DATE_EPOCH if set, else of the
# last git commit that touched octave/, r/LICENSE or this script, else now; with sorted
# names, no owners and gzip -n, building the same sources twice gives the same bytes.
# Needs bash, GNU tar and gzip; not Octave.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src=$root/octave
template=$src/DESCRIPTION
out=$root/build

die() { echo "octave_pkg: $*" >&2; exit 1; }

[[ -f $template ]] || die "missing $template"
[[ -d $src/+dlfp ]] || die "missing $src/+dlfp"

# A DESCRIPTION field's value (first line only), "" when absent.
field() { sed -n "/^$1:/{s/^$1:[[:space:]]*//;s/[[:space:]]*\$//;p;q}" "$2"; }

for f in Name Version Author Maintainer Title Description License; do
  [[ -n $(field "$f" "$template") ]] || die "$template: missing or empty field $f"
done
name=$(field Name "$template")
version=$(field Version "$template")
[[ $name == dlfp ]] || die "$template: Name is '$name', expected dlfp"
# Octave's own rule for a version (it becomes part of the installed folder's name)
[[ $version =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || die "$template: invalid Version '$version'"

# The twins share one version: say so when they drift (not fatal, the Octave one wins).
r_version=$(field Version "$root/r/DESCRIPTION" 2>/dev/null || true)
py_version=$(sed -n '/^version[[:space:]]*=/{s/^[^"]*"\([^"]*\)".*/\1/p;q}' \
  "$root/python/pyproject.toml" 2>/dev/null || true)
for pair in "r/DESCRIPTION:$r_version" "python/pyproject.toml:$py_version"; do
  other=${pair#*:}
  if [[ -n $other && $other != "$version" ]]; then
    echo "octave_pkg: warning: octave/DESCRIPTION says $version, ${pair%%:*} says $other" >&2
  fi
done

# The copyright line, shared with the R twin (r/LICENSE is R's "YEAR: / COPYRIGHT HOLDER:")
year=$(field YEAR "$root/r/LICENSE" 2>/dev/null || true)
holder=$(field "COPYRIGHT HOLDER" "$root/r/LICENSE" 2>/dev/null || true)
[[ -n $year && -n $holder ]] || die "could not read YEAR and COPYRIGHT HOLDER from r/LICENSE"

epoch=${SOURCE_DATE_EPOCH:-}
if [[ -z $epoch ]]; then
  # read-only; the last commit that changed what goes into the archive
  epoch=$(git -C "$root" log -1 --format=%ct -- octave r/LICENSE tools/octave_pkg.sh \
    2>/dev/null || true)
fi
[[ -n $epoch ]] || epoch=$(date +%s)
[[ $epoch =~ ^[0-9]+$ ]] || die "SOURCE_DATE_EPOCH is not a number of seconds: $epoch"
date=$(date -u -d "@$epoch" +%Y-%m-%d)

top=$name-$version
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkgdir=$stage/$top
mkdir -p "$pkgdir/inst"

# DESCRIPTION: the template without its comments, with Date after Version (replacing any)
grep -v '^#' "$template" | grep -v '^Date:' |
  awk -v date="$date" '{ print } /^Version:/ { print "Date: " date }' > "$pkgdir/DESCRIPTION"

cat > "$pkgdir/COPYING" <<EOF
MIT License

Copyright (c) $year $holder

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
EOF

# inst/+dlfp: the .m files and the scenario rules (+dlfp/private/scenario_rules.json, which
# dlfp.scenario_rules reads from beside its own file; pkg install copies inst/ whole, private/
# folders included), nothing else (no editor backups, octave-workspace or other strays)
rules=+dlfp/private/scenario_rules.json
[[ -f $src/$rules ]] || die "missing $src/$rules (cp python/dlfp/scenario_rules.json there)"
(cd "$src" && { find +dlfp -type f -name '*.m' -print0; printf '%s\0' "$rules"; } | sort -z |
  xargs -0 cp --parents -t "$pkgdir/inst")
strays=$(cd "$src" && find +dlfp -type f ! -name '*.m' ! -path "$rules" | sort)
if [[ -n $strays ]]; then
  echo "octave_pkg: left out (not .m files):" $strays >&2
fi

# INDEX: public functions (not +internal) by topic; a new function lands in "Other"
# until it is given a topic here.
topics=("Random stream" "Data" "Activations" "Propagation" "Costs" "Initialization"
        "Optimizers and learning-rate schedules" "Training and scenarios" "Model selection"
        "Other")
declare -A members=()
for path in "$pkgdir"/inst/+dlfp/*.m; do
  fn=$(basename "$path" .m)
  case $fn in
    rng_*) t="Random stream" ;;
    generate_*|generator*|load_*|has_test_data|check_data|read_csv_*|read_idx|write_idx|\
read_text|read_json|labels_to_targets) t="Data" ;;
    linear_forward|forward_*|backward_propagation|predict_labels|accuracy) t="Propagation" ;;
    activations|derivatives|*_forward|*_backward) t="Activations" ;;
    *cross_entropy|compute_cost|costs|l2_penalty) t="Costs" ;;
    initialize_parameters|initializers) t="Initialization" ;;
    initialize_optimizer|optimizers|update_parameters*|learning_rate_at|schedule*)
      t="Optimizers and learning-rate schedules" ;;
    train|gradient_check|gradcheck_threshold|*_scenario|scenario_rules|check_result_path|\
write_result) t="Training and scenarios" ;;
    fold_indices|check_folds|validate_fold|cross_validate|dlfp_fit|dlfp_predict)
      t="Model selection" ;;
    *) t="Other" ;;
  esac
  members[$t]+=" dlfp.$fn"
done
{
  echo "$name >> $(field Title "$template")"
  for t in "${topics[@]}"; do
    [[ -n ${members[$t]:-} ]] || continue
    echo "$t"
    for fn in ${members[$t]}; do echo " $fn"; done
  done
} > "$pkgdir/INDEX"

mkdir -p "$out"
tarball=$out/$top.tar.gz
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
    --mode='u+rwX,go+rX,go-w' --format=gnu -C "$stage" -cf - "$top" |
  gzip -9 -n > "$tarball.tmp"
mv "$tarball.tmp" "$tarball"

n_public=$(find "$pkgdir/inst/+dlfp" -maxdepth 1 -name '*.m' | wc -l)
n_internal=$(find "$pkgdir/inst/+dlfp/+internal" -name '*.m' 2>/dev/null | wc -l)
echo "octave_pkg: built ${tarball#"$root"/} ($name $version, Date $date;" \
     "$n_public functions + $n_internal internal helpers)"
echo "octave_pkg: sha256 $(sha256sum "$tarball" | cut -d ' ' -f 1)"
