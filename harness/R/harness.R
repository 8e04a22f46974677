# The harness's calls made of several dlfp calls, so that the data stay in R: the twins of
# harness/octave/harness_*.m. The R bridge (harness/bridges.py) sources this file into an
# environment of its own once dlfp is loaded as a package.

#' result = dlfp::validate_fold(dlfp::prepare_scenario(path), fold): one fold of a sweep.
#'
#' Prepared and used inside R, so the scenario's data never cross the bridge.
#'
#' @param path A scenario file with a validation block.
#' @param fold The fold's number, 1 .. folds.
#' @return validate_fold's result.
harness_validate_fold <- function(path, fold) {
  dlfp::validate_fold(dlfp::prepare_scenario(path), fold)
}

#' result = dlfp::run_scenario(scenario with epochs and record_every 1): the benchmark's run.
#'
#' The scenario is read and checked, then its epochs set, in R: no copy of its file.
#'
#' @param path A scenario file.
#' @param epochs How many epochs to train instead of the scenario's.
#' @return run_scenario's result.
harness_run_epochs <- function(path, epochs) {
  s <- dlfp::read_scenario(path)
  s$epochs <- epochs
  s$record_every <- 1
  dlfp::run_scenario(s)
}
