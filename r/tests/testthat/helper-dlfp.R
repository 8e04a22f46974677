# What the tests share. dlfp itself is loaded as a package before this file is read: by
# testthat::test_local (pkgload::load_all of r/, as r/run_tests.R and devtools::test() run the
# suite) or by test_check on the installed package (R CMD check); either way the tests see its
# internal helpers too.
#
# testthat sources a helper with its own folder (tests/testthat) as the working directory in
# every route (test_dir, test_check, and load_all, which test_local runs before the tests
# start); testthat::test_path() only knows that folder once the tests run, so it is not used.
dlfp_test_dir <- normalizePath(".")

# The repository root (r/tests/testthat/../../..): scenarios, golden fixtures and the runner
# live there; tests that need them skip when the tests run elsewhere (an installed copy, or
# R CMD check's copy, whose ../../.. is whatever folder the check ran in).
# Elsewhere dlfp_root names a folder that does not exist, so that every such test skips.
dlfp_root <- local({
  root <- normalizePath(file.path(dlfp_test_dir, "..", "..", ".."), mustWork = FALSE)
  in_repo <- identical(normalizePath(file.path(root, "r", "tests", "testthat"), mustWork = FALSE),
                       dlfp_test_dir)
  if (in_repo) root else file.path(tempdir(), "no-source-tree")
})
dlfp_fixtures <- file.path(dlfp_root, "fixtures")

skip_without_repo <- function(path) {
  inside <- startsWith(path, paste0(dlfp_root, "/"))
  shown <- if (inside) substring(path, nchar(dlfp_root) + 2) else path  # from the root
  testthat::skip_if_not(file.exists(path), paste("not in the source tree:", shown))
}

# The message of the dlfp error that expr raises, or NA when it raises none; any other error
# propagates, so a test fails when a bad input trips over a bug instead of a check.
dlfp_error_message <- function(expr) {
  tryCatch({
    force(expr)
    NA_character_
  }, dlfp_error = function(e) conditionMessage(e))
}

# A scenario file in a fresh temporary folder, written from an R list.
write_scenario <- function(fields, dir = tempfile("dlfp-test-"), file = "s.json") {
  dir.create(dir, showWarnings = FALSE, recursive = TRUE)
  path <- file.path(dir, file)
  writeLines(jsonlite::toJSON(fields, auto_unbox = TRUE, digits = NA), path)
  path
}

# A small valid scenario: XOR, 2 -> 3 tanh -> 1 sigmoid.
small_scenario <- function(...) {
  s <- list(name = "small", data = list(generator = "xor", n = 20), layers = c(2, 3, 1),
            activations = c("tanh", "sigmoid"), learning_rate = 0.5, epochs = 5)
  over <- list(...)
  s[names(over)] <- over  # whole fields replaced, not merged
  s
}

# A checked scenario, the settings train takes: small_scenario's fields with overrides, checked
# by check_scenario as read_scenario would (defaults filled in).
train_settings <- function(...) {
  raw <- jsonlite::toJSON(small_scenario(...), auto_unbox = TRUE, digits = NA)
  check_scenario(jsonlite::parse_json(raw, simplifyVector = FALSE))
}

as_double <- function(m) {
  storage.mode(m) <- "double"  # jsonlite and read.csv read whole numbers as integers
  m
}

read_matrix <- function(path) {
  as_double(unname(as.matrix(utils::read.csv(path, header = FALSE))))
}

# d = max|a - b| / max|b| (max|a - b| when b is all zero), as the fixtures define it.
rel_diff <- function(a, b) {
  d <- max(abs(a - b))
  s <- max(abs(b))
  if (s == 0) d else d / s
}
