# Rscript r/dlfp_run.R SCENARIO.json [--out RESULT.json] [--quiet]: one scenario, natively.
#
# The twin of `python -m dlfp run`: checks --out first (a bad one must not cost a whole run),
# prints the recorded costs and the train (and, with a test set, test) accuracy, writes the
# result JSON with --out, and on a dlfp error prints its one line on stderr and exits with
# status 2, nothing else on stderr and nothing left at --out.
# It loads dlfp as a package with load_dlfp.R beside it (the project's installed copy when it is
# current, else the sources through pkgload::load_all), so it runs in a checkout without an
# install of one's own.

usage <- "usage: Rscript dlfp_run.R SCENARIO.json [--out RESULT.json] [--quiet]"

script_dir <- function() {
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  dirname(normalizePath(sub("^--file=", "", file_arg[1])))
}

usage_error <- function(problem) {
  message(usage, "\n", "dlfp_run.R: error: ", problem)
  quit(save = "no", status = 2)
}

parse_args <- function(args) {
  out <- list(scenario = NULL, out = NULL, quiet = FALSE)
  extra <- character(0)
  i <- 1
  while (i <= length(args)) {
    a <- args[i]
    if (a == "--quiet") {
      out$quiet <- TRUE
    } else if (a == "--out") {
      # as argparse: the next argument is the value unless it looks like an option ("" is a
      # value, which check_result_path refuses; so are "-" and negative numbers)
      nxt <- if (i < length(args)) args[i + 1] else NA
      if (is.na(nxt) || (grepl("^-.", nxt) && !grepl("^-[0-9]+$|^-[0-9]*[.][0-9]+$", nxt))) {
        usage_error("argument --out: expected one argument")
      }
      i <- i + 1
      out$out <- args[i]
    } else if (startsWith(a, "--out=")) {
      out$out <- sub("^--out=", "", a)
    } else if (a %in% c("-h", "--help")) {
      cat(usage, "\n")
      quit(save = "no", status = 0)
    } else if (startsWith(a, "-") || !is.null(out$scenario)) {
      extra <- c(extra, a)  # argparse names every argument it could not place, in order
    } else {
      out$scenario <- a
    }
    i <- i + 1
  }
  if (is.null(out$scenario)) usage_error("the following arguments are required: scenario")
  if (length(extra)) usage_error(paste("unrecognized arguments:", paste(extra, collapse = " ")))
  out
}

# the data fields that name a file the run reads
INPUT_FIELDS <- c("csv", "idx_images", "idx_labels", "test_csv", "test_idx_images",
                  "test_idx_labels")

# Stop unless out (by its real path, links resolved) is neither the scenario file nor a data
# file it reads: the result written over it would lose the run's own input.
check_out_is_no_input <- function(out, scenario_path, s) {
  fields <- intersect(INPUT_FIELDS, names(s$data))
  inputs <- c(scenario_path, vapply(fields, function(k) dlfp:::data_path(s, s$data[[k]]), ""))
  real <- function(p) normalizePath(dlfp:::literal_path(p), mustWork = FALSE)
  if (file.exists(dlfp:::literal_path(out)) && real(out) %in% vapply(inputs, real, "")) {
    dlfp:::dlfp_stop("write_result", paste(dlfp:::shown_path(out),
                                           "is an input of this run (the scenario or its data)"))
  }
}

main <- function() {
  args <- parse_args(commandArgs(trailingOnly = TRUE))
  source(file.path(script_dir(), "load_dlfp.R"))
  load_dlfp(script_dir())
  status <- tryCatch({
    if (!is.null(args$out)) dlfp::check_result_path(args$out)
    prepared <- dlfp::prepare_scenario(args$scenario)
    if (!is.null(args$out)) check_out_is_no_input(args$out, args$scenario, prepared$scenario)
    result <- dlfp::run_scenario(prepared, verbose = !args$quiet)
    if (!is.null(args$out)) dlfp::write_result(result, args$out)
    0
  }, dlfp_error = function(e) {
    # the message's own bytes (UTF-8), whatever the locale: message() would escape them
    writeLines(conditionMessage(e), stderr(), useBytes = TRUE)
    2
  })
  quit(save = "no", status = status)
}

main()
