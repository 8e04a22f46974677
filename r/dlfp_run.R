# Rscript r/dlfp_run.R SCENARIO.json [--out RESULT.json] [--quiet]: one scenario, natively.
#
# The twin of `python -m dlfp run`: prints the recorded costs and the train (and, with a test
# set, test) accuracy, writes the result JSON with --out, and exits with status 2 and the
# message on stderr on a dlfp error.
# It sources ../R next to this script, so it runs without installing the package.

usage <- "usage: Rscript dlfp_run.R SCENARIO.json [--out RESULT.json] [--quiet]"

script_dir <- function() {
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  dirname(normalizePath(sub("^--file=", "", file_arg[1])))
}

load_dlfp <- function(env) {
  files <- list.files(file.path(script_dir(), "R"), pattern = "[.]R$", full.names = TRUE)
  # the package's own collation order (C-locale alphabetical), as the tests and the harness
  # source them; tables such as OPTIMIZERS are built from functions of their own file
  for (f in sort(files, method = "radix")) sys.source(f, envir = env)
  env
}

usage_error <- function(problem) {
  message(usage, "\n", "dlfp_run.R: error: ", problem)
  quit(save = "no", status = 2)
}

parse_args <- function(args) {
  out <- list(scenario = NULL, out = NULL, quiet = FALSE)
  i <- 1
  while (i <= length(args)) {
    a <- args[i]
    if (a == "--quiet") {
      out$quiet <- TRUE
    } else if (a == "--out") {
      if (i == length(args)) usage_error("argument --out: expected one argument")
      i <- i + 1
      out$out <- args[i]
    } else if (startsWith(a, "--out=")) {
      out$out <- sub("^--out=", "", a)
    } else if (a %in% c("-h", "--help")) {
      cat(usage, "\n")
      quit(save = "no", status = 0)
    } else if (startsWith(a, "-")) {
      usage_error(paste0("unrecognized arguments: ", a))
    } else if (is.null(out$scenario)) {
      out$scenario <- a
    } else {
      usage_error(paste0("unrecognized arguments: ", a))
    }
    i <- i + 1
  }
  if (is.null(out$scenario)) usage_error("the following arguments are required: scenario")
  out
}

main <- function() {
  args <- parse_args(commandArgs(trailingOnly = TRUE))
  dlfp <- load_dlfp(new.env())
  status <- tryCatch({
    result <- dlfp$run_scenario(args$scenario, verbose = !args$quiet)
    if (!is.null(args$out)) dlfp$write_result(result, args$out)
    0
  }, dlfp_error = function(e) {
    message(conditionMessage(e))
    2
  })
  quit(save = "no", status = status)
}

main()
