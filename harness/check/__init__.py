"""harness check: a learner's own Python, R or Octave functions against dlfp's.

exercises.py holds the ladder (inputs from dlfp's stream, the quantities, the slips), slips.py
the slips' variants computed with dlfp, runner.py runs the learner's code in a native process
(a fresh one after a hang or a crash) and judges each check, compare.py finds the first
difference, text.py prints the report and document.py makes it a JSON document, templates.py
writes starter files, cli.py is the command line; driver.py, driver.R and driver.m are the
processes' side.
"""
