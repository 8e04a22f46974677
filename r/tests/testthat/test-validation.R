# K-fold cross-validation: folds from the shared stream, one training per fold from the
# scenario's initial weights.

test_that("fold_indices: K contiguous parts of the permutation, the first m mod K one longer", {
  perm <- order(rng_uniform(rng_create(5), 7)$u)  # the stream's permutation of 1..7
  f <- fold_indices(7, 3, 5)
  expect_length(f, 3)
  expect_identical(lengths(f), c(3L, 2L, 2L))
  expect_identical(as.vector(f[[1]]), sort(perm[1:3]))
  expect_identical(as.vector(f[[2]]), sort(perm[4:5]))
  expect_identical(as.vector(f[[3]]), sort(perm[6:7]))
  expect_identical(sort(unlist(lapply(f, as.vector))), 1:7)
  expect_identical(lengths(fold_indices(10, 10, 1)), rep(1L, 10))
})

test_that("the split's seed defaults to the scenario's seed + 1, wrapping at the top", {
  s <- train_settings(seed = 7, validation = list(folds = 4))
  expect_identical(s$validation, list(folds = 4, seed = 8))
  s <- train_settings(seed = 2147483645, validation = list(folds = 4))
  expect_identical(s$validation$seed, 0)
  s <- train_settings(seed = 7, validation = list(folds = 4, seed = 0))
  expect_identical(s$validation$seed, 0)
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
  expect_identical(as.vector(f2$test_index), test)
  keep <- setdiff(1:20, test)
  fit <- train(p$X[, keep], p$Y[, keep, drop = FALSE], p$params0, p$scenario$activations,
               p$scenario, p$rng)
  expect_identical(f2$final_cost, fit$loss_curve[4, 2])  # epochs 0, 10, 20, 29
  expect_identical(f2$test_accuracy,
                   mean(predict_labels(p$X[, test], fit$params, p$scenario$activations) == p$labels[test]))
  scores <- vapply(cv$folds, function(f) f$test_accuracy, 0)
  expect_equal(cv$mean_test_accuracy, mean(scores), tolerance = 1e-15)
  expect_equal(cv$std_test_accuracy, sqrt(mean((scores - mean(scores))^2)), tolerance = 1e-15)
  # run_scenario adds the block after the full-data run, and writes it as JSON lists
  r <- run_scenario(p)
  expect_identical(r$cross_validation, cv)
  out <- tempfile(fileext = ".json")
  write_result(r, out)
  back <- jsonlite::read_json(out)
  expect_identical(unlist(back$cross_validation$folds[[2]]$test_index), test)
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
