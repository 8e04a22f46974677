# Gradient checking: backward propagation against centered finite differences, relu kinks.

tanh_softmax_case <- function() {
  params <- initialize_parameters(c(2, 5, 3), "he", rng_create(3))$params
  params <- lapply(params, function(p) p + 0.05)  # non-zero biases reach every gradient
  X <- matrix(rng_normal(rng_create(4), 20)$z, 2, 10)
  Y <- labels_to_targets((0:9) %% 3, "softmax", 3)
  list(X = X, Y = Y, params = params, acts = c("tanh", "softmax"))
}

test_that("gradient_check passes on a right gradient, L2 included, counting every entry", {
  k <- tanh_softmax_case()
  r <- gradient_check(k$X, k$Y, k$params, k$acts, 0.3)
  expect_identical(names(r), c("difference", "checked", "kinks"))
  expect_lt(r$difference, 1e-7)
  expect_identical(r$checked, 33L)  # W1 5 x 2, b1 5, W2 3 x 5, b2 3
  expect_identical(r$kinks, 0L)
  expect_lt(gradient_check(k$X, k$Y, k$params, k$acts)$difference, 1e-7)  # lambda 0
})

test_that("gradient_check catches a gradient 0.1% off in one bias", {
  k <- tanh_softmax_case()
  # the same gradient_check, seeing a backward_propagation that scales db2 by 1.001
  wrong <- function(...) {
    g <- backward_propagation(...)
    g$db2 <- g$db2 * 1.001
    g
  }
  check <- gradient_check
  environment(check) <- list2env(list(backward_propagation = wrong),
                                 parent = environment(gradient_check))
  expect_gt(check(k$X, k$Y, k$params, k$acts, 0.3)$difference, 1e-5)
})

test_that("gradient_check skips and counts the entries whose perturbation crosses a relu kink", {
  # one example at x = 0 with zero biases puts both relu units exactly on their kink: moving
  # b1 by +-eps flips them, moving W1 (times x = 0) does not
  params <- list(W1 = matrix(c(1, -1), 2, 1), b1 = matrix(0, 2, 1), W2 = matrix(1, 1, 2),
                 b2 = matrix(0, 1, 1))
  r <- gradient_check(matrix(0, 1, 1), matrix(1, 1, 1), params, c("relu", "sigmoid"))
  expect_identical(r$kinks, 2L)
  expect_identical(r$checked, 5L)  # 7 entries less b1's two
  expect_lt(r$difference, 1e-7)
})

test_that("gradient_check on a relu network away from its kinks", {
  params <- initialize_parameters(c(3, 6, 4, 1), "he", rng_create(7))$params
  X <- matrix(rng_normal(rng_create(8), 3 * 12)$z, 3, 12)
  Y <- matrix(rep(c(0, 1), 6), 1)
  r <- gradient_check(X, Y, params, c("relu", "tanh", "sigmoid"), 0.1, 1e-7)
  expect_identical(r$checked + r$kinks, 18L + 6L + 24L + 4L + 4L + 1L)  # 57
  expect_identical(r$kinks, 0L)
  expect_lt(r$difference, 1e-7)
})
