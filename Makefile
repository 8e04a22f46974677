# The README's two commands: `make crosscheck` and `make test`. Each first runs the idempotent
# set-up (Debian packages, .venv), so both work on a fresh machine.
PY := .venv/bin/python
# One BLAS thread: as fast as two on this kind of machine, and steadier run to run.
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1

.PHONY: setup setup-torch crosscheck test test-python test-r test-octave fixtures report gradcheck bench benchmark \
	octave-pkg test-octave-pkg schema sweep book fuzz

setup:
	@bash tools/setup.sh

# setup, and PyTorch CPU (requirements-torch.txt): the framework twin and the benchmark's peer
setup-torch:
	@bash tools/setup.sh torch

crosscheck: setup-torch
	$(PY) -m harness crosscheck --oracle torch --report crosscheck-report.json

test: setup-torch
	Rscript r/run_tests.R
	octave-cli --no-gui --quiet --no-history octave/run_tests.m
	bash tools/test_octave_pkg.sh
	$(PY) book/build.py
	$(PY) -m pytest -q tests

# The executed book: every page run in Python, R and Octave on their Jupyter kernels, checked
# ("the three agree" boxes) and built with Sphinx into book/_build/html/index.html, offline.
# A page runs again only when it or dlfp changed; build.py --pages NAME builds one page.
book: setup-torch
	$(PY) book/build.py

test-python: setup-torch
	$(PY) -m pytest -q tests

test-r: setup
	Rscript r/run_tests.R

test-octave: setup
	octave-cli --no-gui --quiet --no-history octave/run_tests.m

# The cross-check as a self-contained HTML page: report/index.html
report: setup-torch
	$(PY) -m harness crosscheck --oracle torch --report crosscheck-report.json --html report

# The differential fuzzer: FUZZ_N generated and mutated inputs (default 300, a few minutes)
# through the three native runners, seeded (FUZZ_SEED, else drawn; printed); each failure is
# shrunk and saved under fixtures/bad/fuzz. make test runs a smaller seeded batch.
FUZZ_N ?= 300
fuzz: setup
	$(PY) -m harness.fuzz --n $(FUZZ_N) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

gradcheck: setup
	$(PY) -m harness gradcheck

# The workloads timed in dlfp's Python, R and Octave, PyTorch and scikit-learn, in one sitting:
# bench/results.json and bench/results.md (the README quotes it)
bench: setup-torch
	$(PY) -m harness bench

benchmark: bench

# The files made from python/dlfp/scenario_rules.json: R's and Octave's copies, the JSON Schema,
# the README's field table
schema: setup
	$(PY) -m harness schema

# An example hyper-parameter sweep on the digits, cross-validated in Python, R and Octave, on an
# embedded Dask LocalCluster: sweeps/digits_lr_width/ (index.html, trials.csv, ...)
sweep: setup
	$(PY) -m harness sweep examples/sweeps/digits.json

# Rewrites the golden fixtures from the Python twin: review the diff like code.
fixtures: setup
	$(PY) -m harness fixtures

# The Octave twin as an Octave package: build/dlfp-<version>.tar.gz (needs bash, tar, gzip)
octave-pkg:
	bash tools/octave_pkg.sh

# Builds it, installs it into a temporary prefix, uses it, uninstalls it
test-octave-pkg: setup
	bash tools/test_octave_pkg.sh
