# K-fold cross-validation: folds from the shared stream, one training per fold from the
# scenario's initial weights.

test_that("fold_indices: K contiguous parts of the permutation, the first m mod K one longer", {
  perm <- order(rng_uniform(rng_create(5), 7)$u) - 1  # the stream's permutation, 0-based
  f <- fold_indices(7, 3, 5)
  expect_length(f, 3)
  expect_identical(lengths(f), c(3L, 2L, 2L))
  expect_identical(as.vector(f[[1]]), as.numeric(sort(perm[1:3])))
  expect_identical(as.vector(f[[2]]), as.numeric(sort(perm[4:5])))
  expect_identical(as.vector(f[[3]]), as.numeric(sort(perm[6:7])))
  expect_identical(sort(unlist(lapply(f, as.vector))), as.numeric(0:6))
  expect_identical(lengths(fold_indices(10, 10, 1)), rep(1L, 10))
})

test_that("a fold count above the number of examples is named before any training", {
  path <- write_scenario(small_scenario(validation = list(folds = 21)))  # 20 examples
  expect_identical(dlfp_error_message(prepare_scenario(path)),
                   "dlfp: cross_validate: 'validation.folds' is 21 but the data have 20 examples")
})

test_that("cross_validate: each fold trained on the others from the initial weights", {
  path <- write_scenario(small_scenario(epochs = 30, record_every = 10,
                                        validation = list(folds = 4)))
  p <- prepare_scenario(path)
  cv <- cross_validate(p)
  expect_identical(names(cv), c("folds", "mean_test_accuracy", "std_test_accuracy"))
  expect_length(cv$folds, 4)
  f2 <- cv$folds[[2]]
  expect_identical(names(f2), c("test_index", "train_accuracy", "test_accuracy", "final_cost"))
  test <- as.vector(fold_indices(20, 4, 2)[[2]])  # the split's seed: the scenario's 1, plus 1
  expect_identical(as.vector(f2$test_index), test)  # 0-based, as in Python and Octave
  test <- test + 1  # X's columns
  keep <- setdiff(1:20, test)
  fit <- train(p$X[, keep], p$Y[, keep, drop = FALSE], p$params0, p$scenario$activations,
               p$scenario, p$rng)
  expect_identical(f2$final_cost, fit$loss_curve[4, 2])  # epochs 0, 10, 20, 29
  expect_identical(f2$test_accuracy,
                   mean(predict_labels(p$X[, test], fit$params, p$scenario$activations) ==
                          p$labels[test]))
  scores <- vapply(cv$folds, function(f) f$test_accuracy, 0)
  # numpy's sum of 4 numbers: in turn, from 0; the std with ddof 0, not R's sd
  mu <- (((scores[1] + scores[2]) + scores[3]) + scores[4]) / 4
  expect_identical(cv$mean_test_accuracy, mu)
  d <- (scores - mu) * (scores - mu)
  expect_identical(cv$std_test_accuracy, sqrt((((d[1] + d[2]) + d[3]) + d[4]) / 4))
  # run_scenario adds the block after the full-data run, and writes it as JSON lists
  r <- run_scenario(p)
  expect_identical(r$cross_validation, cv)
  out <- tempfile(fileext = ".json")
  write_result(r, out)
  back <- jsonlite::read_json(out)
  expect_identical(as.numeric(unlist(back$cross_validation$folds[[2]]$test_index)), test - 1)
})

test_that("validate_fold: one fold alone, as cross_validate computes it; k from 1 to K", {
  path <- write_scenario(small_scenario(epochs = 10, validation = list(folds = 3)))
  p <- prepare_scenario(path)
  expect_identical(validate_fold(p, 3), cross_validate(p)$folds[[3]])
  expect_identical(dlfp_error_message(validate_fold(p, 4)),
                   "dlfp: validate_fold: fold 4 is not one of 1..3")
  expect_identical(dlfp_error_message(validate_fold(p, 0)),
                   "dlfp: validate_fold: fold 0 is not one of 1..3")
})

test_that("np_sum adds in numpy's order, not in R's long double", {
  expect_identical(np_sum(c(0.1, 0.2, 0.3)), (0.1 + 0.2) + 0.3)  # 0.6000000000000001
  expect_false(identical(sum(c(0.1, 0.2, 0.3)), (0.1 + 0.2) + 0.3))  # R's sum gives 0.6
  expect_identical(np_sum(numeric(0)), 0)
  # 8 to 128 numbers: 8 running sums (x_j + x_(j+8) + ...) combined pairwise, then the rest
  y <- c(1e16, 1, -1e16, 1, 1, 1, 1, 1, 3, 1e-3)
  expect_identical(np_sum(y), ((((1e16 + 1) + (-1e16 + 1)) + ((1 + 1) + (1 + 1))) + 3) + 1e-3)
  z <- c(y[1:8], y[1:8], 0.5)  # 17: two blocks of 8, then 0.5
  w <- z[1:8] + z[9:16]
  expect_identical(np_sum(z),
                   (((w[1] + w[2]) + (w[3] + w[4])) + ((w[5] + w[6]) + (w[7] + w[8]))) + 0.5)
})
