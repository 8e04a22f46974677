# prepare_scenario (read, check, load, targets, initial weights, once) and run_scenario from a
# path, a checked scenario or a prepared one.

test_that("prepare_scenario: the data, the targets, the initial weights and the stream after", {
  path <- write_scenario(small_scenario(seed = 7, init = "xavier"))
  p <- prepare_scenario(path)
  expect_identical(names(p), c("scenario", "X", "labels", "Y", "X_test", "labels_test",
                               "params0", "rng"))
  expect_identical(p$scenario, read_scenario(path))
  # XOR of 20 points from the data seed (the scenario's: 7), 2 -> 3 -> 1
  xor <- generate_xor(rng_create(7), 20)
  expect_identical(p$X, xor$X)
  expect_identical(p$labels, xor$labels)
  expect_identical(p$Y, matrix(xor$labels, 1))  # a sigmoid output: the labels as one row
  expect_null(p$X_test)
  expect_null(p$labels_test)
  # W1 (3 x 2) then W2 (1 x 3) from the stream seeded with 7, scaled by sqrt(1 / n_prev)
  z <- rng_normal(rng_create(7), 3 * 2 + 1 * 3)
  expect_identical(p$params0$W1, matrix(z$z[1:6], 3, 2) * sqrt(1 / 2))
  expect_identical(p$params0$b1, matrix(0, 3, 1))
  expect_identical(p$params0$W2, matrix(z$z[7:9], 1, 3) * sqrt(1 / 3))
  expect_identical(p$rng, z$rng)
  # a checked scenario is taken as it is, not read again
  expect_identical(prepare_scenario(p$scenario), p)
})

test_that("prepare_scenario stops on the first bad input, in its order", {
  missing <- file.path(tempdir(), "missing-scenario.json")
  expect_identical(dlfp_error_message(prepare_scenario(missing)),
                   paste0("dlfp: read_scenario: no such file: ", missing))
  path <- write_scenario(small_scenario(layers = c(3, 2, 1)))
  expect_identical(dlfp_error_message(prepare_scenario(path)),
                   "dlfp: check_data: the data have 2 features but the first layer has 3 units")
})

test_that("run_scenario trains a prepared scenario as it would the file", {
  path <- write_scenario(small_scenario(epochs = 20, record_every = 5, batch_size = 8,
                                        keep_prob = 0.9))
  from_path <- run_scenario(path)
  p <- prepare_scenario(path)
  expect_identical(run_scenario(p), from_path)
  expect_identical(run_scenario(p$scenario), from_path)
  expect_identical(from_path$initial_params, p$params0)
  # a prepared scenario is not read again: its file may be gone
  unlink(path)
  expect_identical(run_scenario(p), from_path)
  expect_output(run_scenario(p, verbose = TRUE), "^epoch 0: cost [0-9.]+\n")
})

test_that("training that diverges stops with one line naming the epoch and the rate", {
  p <- list(W1 = matrix(c(1, -1), 1), b1 = matrix(0, 1, 1))
  X <- matrix(c(1, 2, 3, 4), 2)
  Y <- matrix(c(0, 1), 1)
  expect_null(check_divergence(3, 0.5, p, X, Y, "sigmoid", 0, 0.5))
  expect_null(check_divergence(3, NULL, p, X, Y, "sigmoid", 0, 0.5))
  expect_identical(dlfp_error_message(check_divergence(3, Inf, p, X, Y, "sigmoid", 0, 0.5)),
                   paste("dlfp: train: diverged at epoch 3 (cost inf): try a smaller",
                         "learning_rate (now 0.5)"))
  p$W1[1, 2] <- NaN  # a parameter gone: the cost of these parameters on all of X is NaN
  expect_identical(dlfp_error_message(check_divergence(7, NULL, p, X, Y, "sigmoid", 0, 2e6)),
                   paste("dlfp: train: diverged at epoch 7 (cost nan): try a smaller",
                         "learning_rate (now 2e+06)"))
  path <- write_scenario(small_scenario(layers = c(2, 20, 20, 1), learning_rate = 1e300,
                                        activations = c("relu", "relu", "sigmoid"), epochs = 50))
  expect_match(dlfp_error_message(run_scenario(path)), paste0(
    "^dlfp: train: diverged at epoch [0-9]+ \\(cost (nan|inf)\\): try a smaller learning_rate ",
    "\\(now 1e\\+300\\)$"))
})
