# Rscript r/run_tests.R: dlfp's testthat suite from the source tree, without installing:
# testthat::test_local loads the package with pkgload::load_all, as devtools::test() does.
#
# Prints testthat's summary, then one last line "testthat: N passed, N failed[, N skipped]"
# (expectations; a test that stops with an error counts as one failure) and exits with
# status 1 if anything failed or errored, 0 otherwise. With CI=true a skipped test counts as a
# failure too: in CI the set-up has installed everything a test could be missing.

here <- local({
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg) == 0) "r" else dirname(normalizePath(sub("^--file=", "", file_arg[1])))
})

results <- testthat::test_local(here, reporter = "summary", stop_on_failure = FALSE,
                                stop_on_warning = FALSE)
df <- as.data.frame(results)
passed <- sum(df$passed)
failed <- sum(df$failed) + sum(df$error)
skipped <- sum(df$skipped)
if (tolower(Sys.getenv("CI")) == "true" && skipped > 0) {
  cat(sprintf("CI=true: %d skipped test(s) count as failures\n", skipped))
  failed <- failed + skipped
}
cat(sprintf("testthat: %d passed, %d failed%s\n", passed, failed,
            if (skipped > 0) sprintf(", %d skipped", skipped) else ""))
quit(save = "no", status = if (failed > 0) 1 else 0)
