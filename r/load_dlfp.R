# dlfp for the scripts of the source tree, loaded as a package: library(dlfp) from the project's
# own library when that copy was built from these very sources, else pkgload::load_all of r/.
#
#   source("r/load_dlfp.R"); load_dlfp("r")      the runner, the examples, the bench, the harness
#   Rscript r/load_dlfp.R --install              tools/setup.sh: (re)installs r/ into the library
#
# The project's library is .venv/R-library beside r/ (`R CMD INSTALL` writes it; the set-up runs
# it whenever r/'s files change). A copy built from other sources (r/ edited since the last
# set-up) is never used: load_all reads the sources as they are, so a script never runs stale
# code; it only starts slower (pkgload and its imports take about a second to load, a library
# about a tenth of that). Outside the source tree dlfp is any installed package: library(dlfp).

# The files R CMD INSTALL builds the package from (not the tests, examples or these scripts).
dlfp_package_files <- function(r_dir) {
  all <- list.files(r_dir, recursive = TRUE, all.files = TRUE)
  sort(c("DESCRIPTION", "NAMESPACE", grep("^(R|inst|man)/", all, value = TRUE)), method = "radix")
}

# One line per package file, "md5  path": the installed copy keeps the lines of its sources.
dlfp_stamp <- function(r_dir) {
  files <- dlfp_package_files(r_dir)
  paste(unname(tools::md5sum(file.path(r_dir, files))), files, sep = "  ")
}

dlfp_library <- function(r_dir) {
  file.path(dirname(normalizePath(r_dir)), ".venv", "R-library")
}

dlfp_stamp_file <- function(lib) file.path(lib, "dlfp", "dlfp-sources.md5")

# TRUE when lib holds dlfp built from r_dir's files as they are now.
dlfp_installed_is_current <- function(r_dir, lib = dlfp_library(r_dir)) {
  stamp <- dlfp_stamp_file(lib)
  file.exists(stamp) && identical(readLines(stamp), dlfp_stamp(r_dir))
}

#' dlfp attached, as library(dlfp) attaches it: from the project's library if current, else
#' the sources through pkgload::load_all (its exports only, as the installed package has).
#'
#' @param r_dir The package's source folder (r/ of the repository).
#' @return "library" or "load_all", invisibly: how dlfp was loaded.
load_dlfp <- function(r_dir) {
  lib <- dlfp_library(r_dir)
  if (dlfp_installed_is_current(r_dir, lib)) {
    suppressPackageStartupMessages(library("dlfp", lib.loc = lib, character.only = TRUE))
    return(invisible("library"))
  }
  pkgload::load_all(r_dir, export_all = FALSE, helpers = FALSE, attach_testthat = FALSE,
                    quiet = TRUE)
  invisible("load_all")
}

# R CMD INSTALL r_dir into the project's library unless it is current; the stamp is written
# last (and removed first), so a script that loads meanwhile takes the sources.
install_dlfp <- function(r_dir) {
  lib <- dlfp_library(r_dir)
  if (dlfp_installed_is_current(r_dir, lib)) return(invisible(FALSE))
  cat(sprintf("setup: installing R's dlfp into %s\n", lib))
  dir.create(lib, recursive = TRUE, showWarnings = FALSE)
  unlink(dlfp_stamp_file(lib))
  stamp <- dlfp_stamp(r_dir)  # the files as they were when the install read them
  log <- system2(file.path(R.home("bin"), "R"),
                 c("CMD", "INSTALL", "--no-multiarch", paste0("--library=", shQuote(lib)),
                   shQuote(normalizePath(r_dir))), stdout = TRUE, stderr = TRUE)
  status <- attr(log, "status")
  if (!is.null(status) && status != 0) {
    writeLines(log, stderr())
    stop("R CMD INSTALL failed", call. = FALSE)
  }
  writeLines(stamp, dlfp_stamp_file(lib))
  invisible(TRUE)
}

if (sys.nframe() == 0L) {  # run as a script (Rscript r/load_dlfp.R --install), not sourced
  args <- commandArgs(trailingOnly = TRUE)
  if (!identical(args, "--install")) {
    message("usage: Rscript load_dlfp.R --install")
    quit(save = "no", status = 2)
  }
  here <- dirname(normalizePath(sub("^--file=", "",
                                    grep("^--file=", commandArgs(FALSE), value = TRUE)[1])))
  install_dlfp(here)
}
