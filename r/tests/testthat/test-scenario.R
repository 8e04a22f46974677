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
  expect_identical(s$data, list(generator = "spiral", seed = 1, n_per_class = 100, classes = 2,
                                noise = 0.2))
  expect_identical(s$base_dir, dirname(path))
  # chapters 5-8: full batch, no L2, no dropout, the usual betas, no decay
  expect_identical(s[c("batch_size", "lambda", "keep_prob", "beta", "beta1", "beta2", "epsilon")],
                   list(batch_size = 0, lambda = 0, keep_prob = 1, beta = 0.9, beta1 = 0.9,
                        beta2 = 0.999, epsilon = 1e-8))
  expect_identical(s$lr_decay, list(kind = "none"))
  expect_false(has_test_data(s))
})

test_that("read_scenario takes the chapter 5-8 fields as doubles, and a decay schedule", {
  path <- write_scenario(small_scenario(batch_size = 16, lambda = 1, keep_prob = 0.8, beta = 0,
                                        optimizer = "adam", beta2 = 0.99, epsilon = 1e-6,
                                        lr_decay = list(kind = "exponential", rate = 0.5,
                                                        every = 10)))
  s <- read_scenario(path)
  expect_identical(s[c("batch_size", "lambda", "keep_prob", "beta", "beta2", "epsilon")],
                   list(batch_size = 16, lambda = 1, keep_prob = 0.8, beta = 0, beta2 = 0.99,
                        epsilon = 1e-6))
  expect_identical(s$optimizer, "adam")
  expect_identical(s$lr_decay$kind, "exponential")
  expect_equal(learning_rate_at(s, 20), 0.5 * 0.25, tolerance = 1e-15)
})

test_that("the default scenarios read", {
  skip_without_repo(file.path(dlfp_fixtures, "scenarios"))
  for (f in list.files(file.path(dlfp_fixtures, "scenarios"), full.names = TRUE)) {
    s <- read_scenario(f)
    expect_length(s$activations, length(s$layers) - 1)
  }
  s <- read_scenario(file.path(dlfp_fixtures, "scenarios", "deep_xor.json"))
  expect_identical(s$data, list(generator = "xor", seed = 3, n = 400))
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

test_that("a CSV test set: has_test_data, load_test_data and the test accuracy", {
  dir <- tempfile("dlfp-csv-test-")
  dir.create(dir)
  d <- generate_xor(rng_create(3), 40)
  rows <- function(X, y) sprintf("%.17g,%.17g,%.17g", X[1, ], X[2, ], y)
  writeLines(rows(d$X[, 1:30], d$labels[1:30]), file.path(dir, "train.csv"))
  writeLines(rows(d$X[, 31:40], d$labels[31:40]), file.path(dir, "test.csv"))
  path <- write_scenario(small_scenario(data = list(csv = "train.csv", test_csv = "test.csv"),
                                        epochs = 3), dir = dir)
  s <- read_scenario(path)
  expect_true(has_test_data(s))
  expect_identical(load_data(s)$X, d$X[, 1:30])
  test <- load_test_data(s)
  expect_identical(test$X, d$X[, 31:40])
  expect_identical(test$labels, d$labels[31:40])
  expect_output(r <- run_scenario(path, verbose = TRUE),
                "\nsmall: train accuracy [0-9][.][0-9]{4}, test accuracy [0-9][.][0-9]{4}$")
  expect_identical(names(r), c("name", "initial_params", "final_params", "loss_curve",
                               "train_accuracy", "test_accuracy"))
  expect_identical(r$test_accuracy,
                   mean(predict_labels(test$X, r$final_params, s$activations) == test$labels))
})

test_that("load_checked_data reads and checks the training and the test set", {
  dir <- tempfile("dlfp-checked-")
  dir.create(dir)
  writeLines(c("0,1,1", "1,0,1", "0,0,0"), file.path(dir, "train.csv"))
  writeLines("5,6,1", file.path(dir, "test.csv"))
  path <- write_scenario(small_scenario(data = list(csv = "train.csv", test_csv = "test.csv")),
                         dir = dir)
  d <- load_checked_data(read_scenario(path))
  expect_identical(names(d), c("X", "labels", "X_test", "labels_test"))
  expect_identical(d$X, rbind(c(0, 1, 0), c(1, 0, 0)))
  expect_identical(d$labels, c(1, 1, 0))
  expect_identical(d$X_test, rbind(5, 6))
  expect_identical(d$labels_test, 1)
  none <- load_checked_data(read_scenario(write_scenario(small_scenario())))
  expect_null(none$X_test)
  expect_null(none$labels_test)
  writeLines("5,6,2", file.path(dir, "test.csv"))  # the test set is checked too
  expect_identical(dlfp_error_message(load_checked_data(read_scenario(path))),
                   "dlfp: check_data: label 2 at example 1 is out of range 0..1")
})

test_that("an IDX scenario: scaled to [0, 1], cut to limit, with a test set", {
  dir <- tempfile("dlfp-idx-scenario-")
  dir.create(dir)
  z <- rng_uniform(rng_create(1), 40 * 4)$u
  imgs <- array(floor(z * 256), c(40, 2, 2))  # 40 images of 2 x 2
  labels <- as.numeric(imgs[, 1, 1] > 127)
  for (prefix in c("train", "test")) {
    write_idx(file.path(dir, paste0(prefix, "-images.gz")), imgs)
    write_idx(file.path(dir, paste0(prefix, "-labels.gz")), labels)
  }
  path <- write_scenario(list(
    name = "idx", layers = c(4, 2), activations = list("softmax"), learning_rate = 0.5,
    epochs = 200, init = "he", record_every = 50,
    data = list(idx_images = "train-images.gz", idx_labels = "train-labels.gz",
                test_idx_images = "test-images.gz", test_idx_labels = "test-labels.gz",
                limit = 30)), dir = dir)
  s <- read_scenario(path)
  d <- load_data(s)
  expect_identical(dim(d$X), c(4L, 30L))
  expect_lte(max(d$X), 1)
  expect_identical(d$X[, 1], as.vector(t(imgs[1, , ])) / 255)  # row by row, scaled
  expect_identical(d$labels, labels[1:30])
  expect_identical(dim(load_test_data(s)$X), c(4L, 40L))  # no test_limit: all 40
  r <- run_scenario(path)
  expect_gt(r$test_accuracy, 0.9)
  out <- file.path(dir, "r.json")
  write_result(r, out)
  expect_identical(as.numeric(jsonlite::fromJSON(out)$test_accuracy), r$test_accuracy)
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

test_that("the native runner prints the test accuracy when there is a test set", {
  skip_without_repo(runner)
  dir <- tempfile("dlfp-runner-test-")
  dir.create(dir)
  d <- generate_xor(rng_create(3), 20)
  writeLines(sprintf("%.17g,%.17g,%.17g", d$X[1, ], d$X[2, ], d$labels), file.path(dir, "d.csv"))
  path <- write_scenario(small_scenario(data = list(csv = "d.csv", test_csv = "d.csv"),
                                        epochs = 2, batch_size = 8, optimizer = "rmsprop"),
                         dir = dir)
  lines <- system2(rscript, c(shQuote(runner), shQuote(path)), stdout = TRUE, stderr = TRUE)
  expect_null(attr(lines, "status"))
  expect_match(lines[length(lines)],
               "^small: train accuracy [0-9][.][0-9]{4}, test accuracy [0-9][.][0-9]{4}$")
})

test_that("the native runner exits 2 with the dlfp message on stderr", {
  skip_without_repo(runner)
  missing <- file.path(tempdir(), "no-such-scenario.json")
  err <- tempfile()
  status <- system2(rscript, c(shQuote(runner), shQuote(missing)), stdout = FALSE, stderr = err)
  expect_identical(status, 2L)
  expect_identical(readLines(err), paste0("dlfp: read_scenario: no such file: ", missing))
})

test_that("the native runner checks --out before reading or training: one line, exit 2", {
  skip_without_repo(runner)
  dir <- tempfile("dlfp-runner-out-")
  dir.create(dir)
  path <- write_scenario(small_scenario(epochs = 1000000), dir = dir)  # too long to train
  missing <- file.path(dir, "missing.json")
  run <- function(scenario, out) {
    err <- tempfile()
    # system2 warns of the non-zero status that this test expects
    stdout <- suppressWarnings(system2(rscript, c(shQuote(runner), shQuote(scenario), "--out",
                                                  shQuote(out)), stdout = TRUE, stderr = err))
    list(status = if (is.null(attr(stdout, "status"))) 0L else attr(stdout, "status"),
         stdout = as.character(stdout), stderr = readLines(err))
  }
  want <- function(r, line) {
    expect_identical(r$status, 2L)
    expect_identical(r$stderr, line)
    expect_length(r$stdout, 0)
  }
  want(run(path, ""), "dlfp: write_result: the result path is empty")
  want(run(path, dir), paste0("dlfp: write_result: ", dir, " is a folder"))
  want(run(missing, file.path(dir, "no", "r.json")),
       paste0("dlfp: write_result: no such folder: ", dir, "/no"))
  want(run(missing, file.path(dir, "r.json")),
       paste0("dlfp: read_scenario: no such file: ", missing))
  expect_identical(list.files(dir, all.files = TRUE, no.. = TRUE), "s.json")
})

test_that("the native runner writes the result with the umask's mode (0644 under 022)", {
  skip_without_repo(runner)
  dir <- tempfile("dlfp-runner-mode-")
  path <- write_scenario(small_scenario(epochs = 2), dir = dir)
  out <- file.path(dir, "r.json")
  status <- system2("sh", c("-c", shQuote(paste("umask 022 &&", shQuote(rscript), shQuote(runner),
                                                shQuote(path), "--quiet --out", shQuote(out)))))
  expect_identical(status, 0L)
  expect_identical(format(file.mode(out)), "644")
  expect_identical(sort(list.files(dir, all.files = TRUE, no.. = TRUE)), c("r.json", "s.json"))
})
