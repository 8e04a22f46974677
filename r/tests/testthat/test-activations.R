# Activations, their backward steps and the costs, on hand-worked numbers.

test_that("sigmoid, tanh and relu on known values", {
  expect_equal(sigmoid_forward(matrix(c(0, 1), 1)), matrix(c(0.5, 0.7310585786300049), 1),
               tolerance = 1e-15)
  expect_identical(sigmoid_forward(-1000), 0)  # exp overflows to Inf: A = 0, not NaN
  expect_equal(tanh_forward(log(2)), 0.6, tolerance = 1e-15)  # (4 - 1) / (4 + 1)
  Z <- matrix(c(-1, 2, -3, 4), 2)
  expect_identical(relu_forward(Z), matrix(c(0, 2, 0, 4), 2))  # dims kept
})

test_that("softmax([1, 3, 6]) = [0.006377, 0.04712, 0.9465]", {
  A <- softmax_forward(matrix(c(1, 3, 6), 3))
  expect_equal(A, matrix(c(0.006377, 0.04712, 0.9465), 3), tolerance = 1e-4)
  Z <- matrix(c(1, 3, 6, 1000, 1001, 1002, -5, -5, -5), 3)  # per column; 1000 would overflow
  A <- softmax_forward(Z)
  expect_equal(colSums(A), c(1, 1, 1), tolerance = 1e-15)
  expect_equal(A[, 3], rep(1 / 3, 3), tolerance = 1e-15)
  expect_equal(A[, 2], c(0.09003057, 0.24472847, 0.66524096), tolerance = 1e-7)
})

test_that("backward steps: dA .* A (1 - A), dA .* (1 - A^2), dA .* (Z > 0)", {
  expect_identical(sigmoid_backward(2, 0, 0.5), 0.5)  # 2 * 0.5 * 0.5
  expect_identical(tanh_backward(2, 0, 0.5), 1.5)  # 2 * (1 - 0.25)
  dA <- matrix(c(1, 2, 3, 4), 2)
  expect_identical(relu_backward(dA, matrix(c(-1, 0, 0.5, 7), 2), NULL), matrix(c(0, 0, 3, 4), 2))
})

test_that("the tables hold the functions by name", {
  expect_setequal(names(ACTIVATIONS), c("sigmoid", "tanh", "relu", "softmax"))
  expect_setequal(names(DERIVATIVES), c("sigmoid", "tanh", "relu"))  # softmax is output only
  expect_setequal(names(COSTS), c("sigmoid", "softmax"))
  expect_identical(ACTIVATIONS$relu, relu_forward)
})

test_that("binary cross-entropy from logits equals the textbook formula", {
  z <- matrix(c(-2, 0.5, 3), 1)
  y <- matrix(c(0, 1, 1), 1)
  a <- 1 / (1 + exp(-z))
  expect_equal(binary_cross_entropy(z, y), -mean(y * log(a) + (1 - y) * log(1 - a)),
               tolerance = 1e-14)
  expect_equal(binary_cross_entropy(matrix(800, 1), matrix(0, 1)), 800)  # no log(0)
})

test_that("categorical cross-entropy from logits equals -mean(log p of the true class)", {
  Z <- matrix(c(1, 3, 6, 0, 0, 0), 3)
  Y <- matrix(c(0, 1, 0, 1, 0, 0), 3)
  expected <- -(log(0.04712342) + log(1 / 3)) / 2
  expect_equal(categorical_cross_entropy(Z, Y), expected, tolerance = 1e-7)
  expect_equal(categorical_cross_entropy(matrix(c(0, 900), 2), matrix(c(1, 0), 2)), 900)
})

test_that("softmax cross-entropy gradient: dZ = p - y = [0.1, -0.3, 0.2]", {
  p <- matrix(c(0.1, 0.7, 0.2), 3)
  y <- matrix(c(0, 1, 0), 3)
  caches <- list(list(A_prev = matrix(1, 1, 1), Z = log(p), A = p))  # one example, input 1
  grads <- backward_propagation(p, y, caches, list(W1 = matrix(0, 3, 1)), "softmax")
  expect_equal(grads$dW1, matrix(c(0.1, -0.3, 0.2), 3), tolerance = 1e-15)
  expect_equal(grads$db1, matrix(c(0.1, -0.3, 0.2), 3), tolerance = 1e-15)
})

test_that("dJ/dZ of the categorical cost is (softmax(Z) - Y) / m, by centered differences", {
  Z <- matrix(c(0.3, -1.2, 2.0, 0.5, 0.1, -0.4), 3)
  Y <- matrix(c(0, 0, 1, 1, 0, 0), 3)
  h <- 1e-6
  fd <- vapply(seq_along(Z), function(i) {  # one perturbed entry per call: a test, not a kernel
    e <- replace(numeric(length(Z)), i, h)
    (categorical_cross_entropy(Z + e, Y) - categorical_cross_entropy(Z - e, Y)) / (2 * h)
  }, 0)
  expect_equal(fd, as.vector((softmax_forward(Z) - Y) / 2), tolerance = 1e-8)
})
