# The golden fixtures made by the Python twin (make fixtures): the random stream, the
# permutations, the data, the initial parameters and the dropout masks exactly, one
# forward/backward step, the loss curve and the final parameters within the tolerances each
# summary.json states, and the same train and test accuracies.

golden <- file.path(dlfp_fixtures, "golden")

test_that("the random stream matches the stored draws bit for bit", {
  skip_if_not(dir.exists(file.path(golden, "rng")), "fixtures/golden/rng is absent")
  files <- list.files(file.path(golden, "rng"), pattern = "^(uniform|normal)_seed[0-9]+[.]csv$")
  expect_gt(length(files), 0)
  for (f in files) {
    seed <- as.numeric(sub("^.*_seed([0-9]+)[.]csv$", "\\1", f))
    stored <- read_matrix(file.path(golden, "rng", f))[, 1]
    draw <- if (startsWith(f, "uniform")) rng_uniform(rng_create(seed), length(stored))$u
            else rng_normal(rng_create(seed), length(stored))$z
    expect_identical(draw, stored, label = f)
  }
})

scenario_dirs <- if (dir.exists(golden)) {
  Filter(function(d) file.exists(file.path(d, "summary.json")),
         list.dirs(golden, recursive = FALSE))
} else {
  character(0)
}

test_that("the golden fixtures are present", {
  skip_if_not(dir.exists(golden), "fixtures/golden is absent")
  expect_gt(length(scenario_dirs), 0)
})

test_that("rng_permutation matches the stored 1-based permutations exactly", {
  skip_if_not(dir.exists(file.path(golden, "rng")), "fixtures/golden/rng is absent")
  files <- list.files(file.path(golden, "rng"), pattern = "^permutation_seed[0-9]+[.]csv$")
  expect_gt(length(files), 0)
  for (f in files) {
    seed <- as.numeric(sub("^.*_seed([0-9]+)[.]csv$", "\\1", f))
    stored <- read_matrix(file.path(golden, "rng", f))[, 1]
    perm <- rng_permutation(rng_create(seed), length(stored))$perm
    expect_identical(as.numeric(perm), stored, label = f)
  }
})

# every folder with a summary.json, whatever its name: a new Python fixture is tested here too
for (dir in scenario_dirs) {
  summary <- jsonlite::fromJSON(file.path(dir, "summary.json"))
  name <- basename(dir)
  tol <- summary$tolerances
  path <- normalizePath(file.path(dir, summary$scenario))
  s <- read_scenario(path)
  stored <- function(prefix, key) read_matrix(file.path(dir, paste0(prefix, key, ".csv")))
  out_act <- s$activations[length(s$activations)]
  # IDX data live outside the repository (Debian's dataset-fashion-mnist)
  idx_files <- unlist(s$data[intersect(names(s$data), c("idx_images", "idx_labels"))])
  skip_without_data <- function() {
    for (f in idx_files) {
      skip_if_not(file.exists(data_path(s, f)), paste("data not installed:", f))
    }
  }

  test_that(paste(name, "- data and initial parameters are exact"), {
    skip_without_data()
    d <- load_data(s)
    if (file.exists(file.path(dir, "data.csv"))) {  # not kept for IDX data: those files are fixed
      D <- stored("data", "")
      k <- ncol(D)
      expect_identical(d$X, t(D[, -k, drop = FALSE]))
      expect_identical(d$labels, D[, k])
    }
    init <- initialize_parameters(s$layers, s$init, rng_create(s$seed))$params
    expect_identical(names(init), summary$params)
    for (p in summary$params) expect_identical(init[[p]], stored("initial_", p), label = p)
  })

  test_that(paste(name, "- one forward/backward step within", tol$step, "(masks exact)"), {
    skip_without_data()
    d <- load_data(s)
    n <- summary$step_examples
    X <- d$X[, seq_len(n), drop = FALSE]
    Y <- labels_to_targets(d$labels[seq_len(n)], out_act, s$layers[length(s$layers)])
    init <- initialize_parameters(s$layers, s$init, rng_create(s$seed))
    fb <- forward_backward(X, Y, init$params, s$activations, s$lambda, s$keep_prob, init$rng)
    expect_identical(names(fb), c(grep("^[ZAD]", summary$step, value = TRUE), "cost",
                                  grep("^d", summary$step, value = TRUE)))
    for (q in c(summary$step, "cost")) {
      want <- stored("step_", q)
      got <- fb[[q]]
      expect_identical(length(got), length(want), label = q)
      if (startsWith(q, "D")) {
        expect_identical(got, want, label = q)  # the dropout masks: the same draws, exactly
      } else {
        expect_lte(rel_diff(as.vector(got), as.vector(want)), tol$step, label = q)
      }
    }
  })

  test_that(paste(name, "- a full run: loss curve, final parameters, accuracies"), {
    skip_without_data()
    result <- run_scenario(path)
    curve <- stored("loss_curve", "")
    expect_identical(dim(result$loss_curve), dim(curve))
    expect_identical(result$loss_curve[, 1], curve[, 1])
    # the costs alone: over the whole n x 2 matrix the epoch numbers would set the scale
    expect_lte(rel_diff(result$loss_curve[, 2], curve[, 2]), tol$loss_curve, label = "loss_curve")
    for (p in summary$params) {
      want <- stored("final_", p)
      expect_identical(dim(result$final_params[[p]]), dim(want), label = p)
      expect_lte(rel_diff(result$final_params[[p]], want), tol$final_params,
                label = paste("final", p))
    }
    expect_identical(result$train_accuracy, summary$train_accuracy)
    expect_identical(result$test_accuracy, summary$test_accuracy)  # both NULL without a test set
  })
}

# the folds of a cross-validated scenario: test indices (0-based) and accuracies exactly, each
# fold's final cost within the tolerance its summary.json states, the mean and std exactly
for (dir in scenario_dirs) {
  summary <- jsonlite::fromJSON(file.path(dir, "summary.json"))
  if (is.null(summary$cross_validation)) next
  local({
    name <- basename(dir)
    cvs <- summary$cross_validation
    path <- normalizePath(file.path(dir, summary$scenario))
    test_that(paste(name, "- every fold of the cross-validation"), {
      cv <- cross_validate(prepare_scenario(path))
      folds <- read_matrix(file.path(dir, "cv_folds.csv"))  # fold, train acc, test acc, cost
      index <- read_matrix(file.path(dir, "cv_test_index.csv"))  # fold, 0-based test index
      expect_identical(length(cv$folds), nrow(folds))
      for (k in seq_along(cv$folds)) {
        f <- cv$folds[[k]]
        expect_identical(as.vector(f$test_index), index[index[, 1] == k, 2], label = k)
        expect_identical(f$train_accuracy, folds[k, 2], label = k)
        expect_identical(f$test_accuracy, folds[k, 3], label = k)
        expect_lte(abs(f$final_cost - folds[k, 4]) / abs(folds[k, 4]), cvs$tolerance,
                   label = paste("fold", k, "final cost"))
      }
      expect_identical(cv$mean_test_accuracy, cvs$mean_test_accuracy)
      expect_identical(cv$std_test_accuracy, cvs$std_test_accuracy)
    })
  })
}
