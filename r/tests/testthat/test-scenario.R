# Scenario files, data loading, generators, whole runs, result files and the native runner.

test_that("read_scenario fills the defaults and data options, and adds base_dir", {
  path <- write_scenario(small_scenario(data = list(generator = "spiral", classes = 2),
                                        layers = c(2, 5, 2), activations = c("relu", "softmax")))
  s <- read_scenario(path)
  expect_identical(s$description, "")
  expect_identical(s$init, "scaled")
  expect_identical(s$seed, 1)
  expect_identical(s$optimizer, "gd")
  expect_identical(s$record_every, 100)
  expect_identical(s$layers, c(2, 5, 2))
  expect_identical(s$activations, c("relu", "softmax"))
  expect_identical(s$data, list(generator = "spiral", seed = 1, n_per_class = 100L, classes = 2L,
                                noise = 0.2))
  expect_identical(s$base_dir, dirname(path))
})

test_that("the default scenarios read", {
  skip_without_repo(file.path(dlfp_fixtures, "scenarios"))
  for (f in list.files(file.path(dlfp_fixtures, "scenarios"), full.names = TRUE)) {
    s <- read_scenario(f)
    expect_length(s$activations, length(s$layers) - 1)
  }
  s <- read_scenario(file.path(dlfp_fixtures, "scenarios", "deep_xor.json"))
  expect_identical(s$data, list(generator = "xor", seed = 3, n = 400L))
})

test_that("a CSV is read relative to the scenario, one example per row, label last", {
  dir <- tempfile("dlfp-csv-")
  dir.create(file.path(dir, "data"), recursive = TRUE)
  D <- cbind(matrix(c(0.1, 1 / 3, -2e-300, 5, 1e300, pi), 3), c(1, 0, 1))
  writeLines(sprintf("%.17g,%.17g,%.17g", D[, 1], D[, 2], D[, 3]), file.path(dir, "data", "d.csv"))
  path <- write_scenario(small_scenario(data = list(csv = "data/d.csv")), dir = dir)
  d <- load_data(read_scenario(path))
  expect_identical(d$X, t(D[, 1:2]))  # %.17g reads back bit for bit
  expect_identical(d$labels, c(1, 0, 1))
})

test_that("generators: sizes, labels and geometry", {
  sp <- generate_spiral(rng_create(1), 10, 3, 0)
  expect_identical(dim(sp$X), c(2L, 30L))
  expect_identical(sp$labels, rep(c(0, 1, 2), each = 10))
  expect_equal(sqrt(colSums(sp$X^2)), rep((0:9) / 9, 3), tolerance = 1e-15)  # r = i / (N - 1)
  ci <- generate_circles(rng_create(1), 50, 0, 0.5)
  expect_equal(sqrt(colSums(ci$X^2)), rep(c(1, 0.5), each = 50), tolerance = 1e-15)
  expect_identical(ci$labels, rep(c(0, 1), each = 50))
  xo <- generate_xor(rng_create(2), 100)
  expect_true(all(abs(xo$X) <= 1))
  expect_identical(xo$labels, as.numeric(sign(xo$X[1, ]) != sign(xo$X[2, ])))
  u <- rng_uniform(rng_create(2), 200)
  expect_identical(xo$X[1, ], 2 * u$u[1:100] - 1)
  expect_identical(xo$rng, u$rng)
  expect_identical(names(GENERATOR_OPTIONS), names(GENERATORS))
  expect_identical(generate_xor(rng_create(2))$X, generate_xor(rng_create(2), 200)$X)
})

test_that("run_scenario trains and write_result writes every double to the last bit", {
  dir <- tempfile("dlfp-run-")
  path <- write_scenario(small_scenario(epochs = 30, record_every = 10), dir = dir)
  expect_output(result <- run_scenario(path, verbose = TRUE),
                "epoch 0: cost [0-9.]+\n.*epoch 29: cost [0-9.]+\nsmall: train accuracy [0-9.]+$")
  expect_identical(names(result),
                   c("name", "initial_params", "final_params", "loss_curve", "train_accuracy"))
  expect_identical(result$loss_curve[, 1], c(0, 10, 20, 29))
  out <- file.path(dir, "result.json")
  write_result(result, out)
  expect_identical(list.files(dir, all.files = TRUE, no.. = TRUE), c("result.json", "s.json"))
  back <- jsonlite::fromJSON(out, simplifyVector = TRUE)
  expect_identical(back$name, "small")
  for (k in names(result$final_params)) {
    expect_identical(as_double(back$final_params[[k]]), unname(result$final_params[[k]]))
    expect_identical(as_double(back$initial_params[[k]]), unname(result$initial_params[[k]]))
  }
  expect_identical(as_double(back$loss_curve), result$loss_curve)
  expect_identical(back$train_accuracy, result$train_accuracy)
  expect_silent(run_scenario(path))
})

runner <- file.path(dlfp_root, "r", "dlfp_run.R")
rscript <- file.path(R.home("bin"), "Rscript")

test_that("the native runner prints progress, writes --out and exits 0", {
  skip_without_repo(runner)
  dir <- tempfile("dlfp-runner-")
  path <- write_scenario(small_scenario(epochs = 3, record_every = 2), dir = dir)
  out <- file.path(dir, "r.json")
  lines <- system2(rscript, c(shQuote(runner), shQuote(path), "--out", shQuote(out)),
                   stdout = TRUE, stderr = TRUE)
  expect_null(attr(lines, "status"))
  expect_match(lines[1:2], "^epoch [02]: cost [0-9]+[.][0-9]{6}$")
  expect_match(lines[3], "^small: train accuracy [0-9][.][0-9]{4}$")
  expect_length(lines, 3)
  expect_identical(jsonlite::fromJSON(out)$name, "small")
  quiet <- system2(rscript, c(shQuote(runner), shQuote(path), "--quiet"), stdout = TRUE)
  expect_length(quiet, 0)
})

test_that("the native runner exits 2 with the dlfp message on stderr", {
  skip_without_repo(runner)
  missing <- file.path(tempdir(), "no-such-scenario.json")
  err <- tempfile()
  status <- system2(rscript, c(shQuote(runner), shQuote(missing)), stdout = FALSE, stderr = err)
  expect_identical(status, 2L)
  expect_identical(readLines(err), paste0("dlfp: read_scenario: no such file: ", missing))
})
