# Model selection in the R twin (the cases of tests/test_model_selection.py): K-fold
# cross-validation, divergence that stops, and the estimator dlfp_fit.

circles <- function(...) {
  s <- list(name = "cv", data = list(generator = "circles", n_per_class = 30),
            layers = c(2, 4, 1), activations = c("tanh", "sigmoid"), init = "xavier",
            learning_rate = 0.5, epochs = 60, record_every = 20,
            validation = list(folds = 4, seed = 3))
  over <- list(...)
  s[names(over)] <- over  # whole fields replaced
  Filter(Negate(is.null), s)  # validation = NULL: no validation field
}

runner <- file.path(dlfp_root, "r", "dlfp_run.R")
rscript <- file.path(R.home("bin"), "Rscript")

write_rows <- function(rows, path) {
  utils::write.table(matrix(sprintf("%.17g", rows), nrow(rows)), path, sep = ",",
                     quote = FALSE, row.names = FALSE, col.names = FALSE)
}

test_that("the fold split, worked by hand", {
  # seed 0: x_0 = 1, x_k = 48271^k mod (2^31 - 1) for k = 1..7 are 48271, 182605794,
  # 1291394886, 1914720637, 2078669041, 407355683, 1105902161; sorting them orders the
  # examples 0, 1, 5, 6, 2, 3, 4. K = 3 parts of sizes 3, 2, 2: {0, 1, 5}, {6, 2}, {3, 4}.
  folds <- fold_indices(7, 3, 0)
  expect_identical(lapply(folds, as.vector), list(c(0, 1, 5), c(2, 6), c(3, 4)))
})

test_that("the folds partition the examples, the first m mod K one longer", {
  for (case in list(list(10, 4, c(3, 3, 2, 2)), list(9, 3, c(3, 3, 3)), list(5, 5, rep(1, 5)))) {
    folds <- fold_indices(case[[1]], case[[2]], 42)
    expect_identical(as.numeric(lengths(folds)), case[[3]])
    expect_identical(sort(unlist(lapply(folds, as.vector))), as.numeric(seq_len(case[[1]]) - 1))
  }
})

test_that("each fold matches an independent retraining on its parts as CSV files", {
  dir <- tempfile("dlfp-cv-")
  path <- write_scenario(circles(), dir)
  cv <- run_scenario(path)$cross_validation
  p <- prepare_scenario(path)
  rows <- cbind(t(p$X), p$labels)  # (60, 3): one example a row, label last
  alone <- circles(validation = NULL)
  for (k in seq_along(cv$folds)) {
    fold <- cv$folds[[k]]
    test <- as.vector(fold$test_index) + 1  # 0-based indices: rows test + 1
    train_rows <- setdiff(seq_len(nrow(rows)), test)
    write_rows(rows[train_rows, , drop = FALSE], file.path(dir, sprintf("train%d.csv", k)))
    write_rows(rows[test, , drop = FALSE], file.path(dir, sprintf("test%d.csv", k)))
    alone$data <- list(csv = sprintf("train%d.csv", k), test_csv = sprintf("test%d.csv", k))
    again <- run_scenario(write_scenario(alone, dir, sprintf("fold%d.json", k)))
    expect_identical(again$test_accuracy, fold$test_accuracy)
    expect_identical(again$train_accuracy, fold$train_accuracy)
    expect_identical(again$loss_curve[nrow(again$loss_curve), 2], fold$final_cost)
  }
  scores <- vapply(cv$folds, function(f) f$test_accuracy, 0)
  mu <- sum(scores) / 4
  expect_equal(cv$mean_test_accuracy, mu, tolerance = 1e-15)
  expect_equal(cv$std_test_accuracy, sqrt(sum((scores - mu)^2) / 4), tolerance = 1e-15)  # ddof 0
})

test_that("the runner prints the folds and the result JSON carries them, 0-based", {
  skip_without_repo(runner)
  dir <- tempfile("dlfp-cv-")
  path <- write_scenario(circles(), dir)
  out <- file.path(dir, "r.json")
  printed <- system2(rscript, c(shQuote(runner), shQuote(path), "--out", shQuote(out)),
                     stdout = TRUE)
  expect_null(attr(printed, "status"))
  expect_length(grep("^fold [1-4]: train accuracy [0-9.]+, test accuracy [0-9.]+, final cost ",
                     printed), 4)
  expect_length(grep("^cross-validation: mean test accuracy [0-9.]+, std [0-9.]+$", printed), 1)
  cv <- jsonlite::read_json(out)$cross_validation
  expect_identical(sort(as.numeric(unlist(lapply(cv$folds, function(f) f$test_index)))),
                   as.numeric(0:59))
  expect_setequal(names(cv), c("folds", "mean_test_accuracy", "std_test_accuracy"))
})

test_that("more folds than examples is named", {
  path <- write_scenario(circles(validation = list(folds = 61)))
  expect_identical(dlfp_error_message(run_scenario(path)),
                   "dlfp: cross_validate: 'validation.folds' is 61 but the data have 60 examples")
})

test_that("divergence stops with one line: no R warning, and the runner exits 2, no result", {
  # relu is unbounded: at this rate the weights overflow to inf, and then NaN follows
  dir <- tempfile("dlfp-div-")
  path <- write_scenario(circles(activations = c("relu", "sigmoid"), learning_rate = 1e300,
                                 epochs = 50, record_every = 25, validation = NULL), dir)
  message <- paste("dlfp: train: diverged at epoch 1 (cost nan): try a smaller learning_rate",
                   "(now 1e+300)")
  expect_no_warning(got <- dlfp_error_message(run_scenario(path)))
  expect_identical(got, message)
  skip_without_repo(runner)
  out <- file.path(dir, "r.json")
  err <- file.path(dir, "stderr.txt")
  # system2 warns of the non-zero status that this test expects
  stdout <- suppressWarnings(system2(rscript, c(shQuote(runner), shQuote(path), "--quiet",
                                                "--out", shQuote(out)), stdout = TRUE,
                                     stderr = err))
  expect_identical(attr(stdout, "status"), 2L)
  expect_identical(as.vector(stdout), character(0))
  expect_identical(readLines(err), message)  # one line, nothing else
  expect_false(file.exists(out))
})

test_that("divergence is caught on an epoch that is not recorded", {
  path <- write_scenario(circles(activations = c("relu", "sigmoid"), learning_rate = 1e300,
                                 epochs = 50, record_every = 1000, validation = NULL))
  expect_match(dlfp_error_message(run_scenario(path)), "diverged at epoch 1 (cost nan)",
               fixed = TRUE)
})

test_that("the default split seed is the scenario's seed + 1, wrapped", {
  # the scenario's own seed would sort the very uniforms a generator drew the data from
  # (the donut's angles): every fold would be one slice of the ring
  s <- read_scenario(write_scenario(circles(validation = list(folds = 3), seed = 7)))
  expect_identical(s$validation, list(folds = 3, seed = 8))
  s <- read_scenario(write_scenario(circles(validation = list(folds = 3), seed = 2147483645)))
  expect_identical(s$validation$seed, 0)
  s <- read_scenario(write_scenario(circles(validation = list(folds = 3, seed = 0), seed = 7)))
  expect_identical(s$validation$seed, 0)
})
