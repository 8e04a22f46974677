# snapshot_every = k: the parameters at the start of every epoch e with e %% k == 0 and after
# the last epoch (as epoch `epochs`), in train, run_scenario and the runner's JSON.

snapshot_epochs <- function(fit) vapply(fit$snapshots, function(s) s$epoch, 0)

xor_fit <- function(...) {
  d <- generate_xor(rng_create(3), 16)
  init <- initialize_parameters(c(2, 3, 1), "he", rng_create(3))
  train(d$X, labels_to_targets(d$labels, "sigmoid", 1), init$params, c("tanh", "sigmoid"),
        train_settings(...), init$rng)
}

test_that("snapshots: every k-th epoch from 0, then the end, in order; none when k is 0", {
  expect_identical(snapshot_epochs(xor_fit(epochs = 5, snapshot_every = 2)), c(0, 2, 4, 5))
  expect_identical(snapshot_epochs(xor_fit(epochs = 4, snapshot_every = 2)), c(0, 2, 4))
  expect_identical(snapshot_epochs(xor_fit(epochs = 3, snapshot_every = 10)), c(0, 3))
  expect_identical(snapshot_epochs(xor_fit(epochs = 3, snapshot_every = 1)), c(0, 1, 2, 3))
  expect_identical(xor_fit(epochs = 5)$snapshots, list())  # the default: off
  expect_identical(xor_fit(epochs = 5, snapshot_every = 0)$snapshots, list())
  fit <- xor_fit(epochs = 2, snapshot_every = 1)
  expect_null(names(fit$snapshots))
  expect_identical(names(fit$snapshots[[1]]), c("epoch", "params"))
  expect_identical(names(fit$snapshots[[1]]$params), c("W1", "b1", "W2", "b2"))
})

test_that("the first snapshot holds the initial parameters, the last the final ones", {
  path <- write_scenario(small_scenario(epochs = 7, snapshot_every = 3, batch_size = 6,
                                        keep_prob = 0.8, optimizer = "adam"))
  result <- run_scenario(path)
  snaps <- result$snapshots
  expect_identical(vapply(snaps, function(s) s$epoch, 0), c(0, 3, 6, 7))
  expect_identical(snaps[[1]]$params, result$initial_params)
  expect_identical(snaps[[length(snaps)]]$params, result$final_params)
  expect_false(identical(snaps[[2]]$params, result$initial_params))  # training moved them
})

test_that("the snapshot at epoch e is, exactly, the result of training e epochs", {
  # the same stream prefix: shuffles and dropout masks of epochs 0 .. e-1 are the same draws
  for (over in list(list(), list(batch_size = 5, keep_prob = 0.7, optimizer = "momentum"))) {
    full <- run_scenario(write_scenario(do.call(small_scenario,
                                                c(list(epochs = 9, snapshot_every = 4), over))))
    for (snap in full$snapshots[2:3]) {  # epochs 4 and 8
      short <- run_scenario(write_scenario(do.call(small_scenario,
                                                   c(list(epochs = snap$epoch), over))))
      expect_identical(snap$params, short$final_params, label = paste("epoch", snap$epoch))
    }
  }
})

test_that("run_scenario has snapshots only when snapshot_every > 0, before cross_validation", {
  off <- run_scenario(write_scenario(small_scenario(epochs = 3)))
  expect_false("snapshots" %in% names(off))
  on <- run_scenario(write_scenario(small_scenario(
    epochs = 3, snapshot_every = 2, data = list(generator = "xor", n = 20),
    validation = list(folds = 2))))
  expect_identical(names(on), c("name", "initial_params", "final_params", "loss_curve",
                                "train_accuracy", "snapshots", "cross_validation"))
})

test_that("the native runner writes the snapshots as a list of {epoch, params of row lists}", {
  runner <- file.path(dlfp_root, "r", "dlfp_run.R")
  skip_without_repo(runner)
  dir <- tempfile("dlfp-runner-snap-")
  path <- write_scenario(small_scenario(epochs = 3, snapshot_every = 2), dir = dir)
  out <- file.path(dir, "r.json")
  status <- system2(file.path(R.home("bin"), "Rscript"),
                    c(shQuote(runner), shQuote(path), "--quiet", "--out", shQuote(out)))
  expect_identical(status, 0L)
  back <- jsonlite::fromJSON(out, simplifyVector = FALSE)
  expect_identical(vapply(back$snapshots, function(s) s$epoch, 0L), c(0L, 2L, 3L))
  want <- run_scenario(path)$snapshots
  for (i in seq_along(want)) {
    got <- back$snapshots[[i]]
    expect_identical(names(got), c("epoch", "params"))
    expect_identical(names(got$params), c("W1", "b1", "W2", "b2"))
    # a matrix is a list of its rows, a column or a single row too: W1 3 x 2, b1 3 x 1, W2 1 x 3
    expect_identical(lengths(got$params$W1), c(2L, 2L, 2L))
    expect_identical(lengths(got$params$b1), c(1L, 1L, 1L))
    expect_identical(lengths(got$params$W2), 3L)
    expect_identical(lengths(got$params$b2), 1L)
    for (k in names(want[[i]]$params)) {
      rows <- matrix(unlist(got$params[[k]]), ncol = length(got$params[[k]][[1]]), byrow = TRUE)
      expect_identical(as_double(rows), unname(want[[i]]$params[[k]]), label = k)
    }
  }
})
