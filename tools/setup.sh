#!/usr/bin/env bash
# Idempotent set-up: installs only what is missing.
#   Debian: R, Octave, jsonlite, testthat, roxygen2 (the check that r/man is current), pkgload
#           (R's dlfp from the sources while .venv/R-library is out of date), OpenBLAS (R and Octave multiply ~15x slower without it),
#           Fashion-MNIST (MNIST's IDX format; real MNIST cannot be downloaded here), chromium
#           (the report's browser test), gnuplot-nox and FreeSans (Octave's figures without a display)
#   .venv:  the pinned requirements.txt, a .pth that puts python/ and the repo on the path, and
#           the console scripts dlfp and dlfp-harness
#   `setup.sh torch` also installs requirements-torch.txt (PyTorch CPU: the framework twin and the
#           benchmark's peer), which only the oracle, the benchmark and their tests need
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DEBS=(r-base-core octave r-cran-jsonlite r-cran-testthat r-cran-roxygen2 r-cran-pkgload libopenblas0-pthread dataset-fashion-mnist
      chromium gnuplot-nox fonts-freefont-otf)
# the book (make book): R's Jupyter kernel, KaTeX (the site renders its math offline),
# Ghostscript (Octave's kernel prints its figures to PNG through it), makeinfo (Octave's help)
DEBS+=(r-cran-irkernel libjs-katex ghostscript texinfo r-cran-pkgload)
# the sweep's TLS test (and the README's cluster recipe) make a CA and certificates with openssl
DEBS+=(openssl)
missing=()
for p in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for exe in R Rscript octave-cli; do
  command -v "$exe" >/dev/null || { echo "setup: $exe is still missing after apt-get" >&2; exit 1; }
done

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
STAMP=.venv/.dlfp-setup
WANT="$(sha256sum requirements.txt | cut -d' ' -f1) $ROOT"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
  echo "setup: installing requirements.txt into .venv"
  # this machine's pip configuration warns about absent local indexes on every package
  if ! out=$(.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt 2>&1); then
    echo "$out" >&2
    exit 1
  fi
  echo "$out" | grep -v '^WARNING: Location' || true
  SITE=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  printf '%s\n%s\n' "$ROOT/python" "$ROOT" > "$SITE/dlfp-dev.pth"
  echo "$WANT" > "$STAMP"
fi

# R's dlfp installed as a package into the project's library, .venv/R-library, again whenever
# r/'s package files change (r/load_dlfp.R keeps their hashes beside the copy); the runner, the
# examples, the bench and the harness load it from there with library(dlfp)
Rscript r/load_dlfp.R --install

# Console scripts in the venv: dlfp (python -m dlfp) and dlfp-harness (python -m harness)
for pair in "dlfp:dlfp" "dlfp-harness:harness"; do
  script=".venv/bin/${pair%%:*}"
  if [ ! -x "$script" ] || ! grep -q "$ROOT" "$script"; then
    printf '#!/bin/sh\nexec "%s/.venv/bin/python" -m %s "$@"\n' "$ROOT" "${pair#*:}" > "$script"
    chmod +x "$script"
  fi
done

# The book: requirements-book.txt (Sphinx, MyST, nbclient, ipykernel, octave_kernel) and the
# three kernels' specs in .venv, found by the venv's jupyter (IRkernel's needs it on PATH)
BSTAMP=.venv/.dlfp-setup-book
BWANT="$(sha256sum requirements-book.txt | cut -d' ' -f1) $ROOT"
if [ ! -f "$BSTAMP" ] || [ "$(cat "$BSTAMP")" != "$BWANT" ]; then
  echo "setup: installing requirements-book.txt and the Jupyter kernels into .venv"
  if ! out=$(.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-book.txt 2>&1 &&
             .venv/bin/python -m ipykernel install --sys-prefix 2>&1 &&
             .venv/bin/python -m octave_kernel install --sys-prefix 2>&1 &&
             PATH="$ROOT/.venv/bin:$PATH" Rscript -e "IRkernel::installspec(user = FALSE, prefix = '$ROOT/.venv')" 2>&1); then
    echo "$out" >&2
    exit 1
  fi
  echo "$BWANT" > "$BSTAMP"
fi

if [ "${1:-}" = "torch" ]; then
  TSTAMP=.venv/.dlfp-setup-torch
  TWANT="$(sha256sum requirements-torch.txt | cut -d' ' -f1)"
  if [ ! -f "$TSTAMP" ] || [ "$(cat "$TSTAMP")" != "$TWANT" ]; then
    echo "setup: installing requirements-torch.txt into .venv"
    if ! out=$(.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-torch.txt 2>&1); then
      echo "$out" >&2
      exit 1
    fi
    echo "$out" | grep -v '^WARNING: Location' || true
    echo "$TWANT" > "$TSTAMP"
  fi
fi
